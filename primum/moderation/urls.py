from django.urls import path

from primum.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("cases/<int:case_id>/", views.case, name="case"),
    path("cases/<int:case_id>/release/", views.release, name="release"),
    path("cases/<int:case_id>/remove/", views.remove, name="remove"),
]
