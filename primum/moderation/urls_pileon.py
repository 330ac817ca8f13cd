"""URLs of the pile-on pages (/safety/pile-ons/...)."""

from django.urls import path

from primum.moderation import views_pileon as views

app_name = "moderation_pileon"

urlpatterns = [
    path("safety/pile-ons/", views.pileon_list, name="list"),
    path("safety/pile-ons/<int:event_id>/", views.pileon_detail, name="detail"),
    path("safety/pile-ons/<int:event_id>/block-all/", views.pileon_block_all, name="block_all"),
    path("safety/pile-ons/<int:event_id>/mute-all/", views.pileon_mute_all, name="mute_all"),
    path(
        "safety/pile-ons/<int:event_id>/limit-replies/",
        views.pileon_limit_replies,
        name="limit_replies",
    ),
]
