"""Page URLs for direct messages, mounted at /messages/."""

from django.urls import path

from primum.messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("requests/", views.requests, name="requests"),
    path("new/", views.new, name="new"),
    path("settings/", views.dm_settings, name="settings"),
    path("<int:conversation_id>/", views.conversation, name="conversation"),
    path("<int:conversation_id>/send/", views.send, name="send"),
    path("<int:conversation_id>/leave/", views.leave, name="leave"),
    path("<int:conversation_id>/accept/", views.accept, name="accept"),
    path("<int:conversation_id>/delete/", views.delete, name="delete"),
    path("<int:conversation_id>/block/", views.block, name="block"),
]
