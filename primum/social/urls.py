"""Page URLs for posts, feeds, profiles, search and notifications."""

from django.urls import path

from primum.social import views

app_name = "social"

urlpatterns = [
    path("", views.home, name="home"),
    path("explore/", views.explore, name="explore"),
    path("tags/<str:tag>/", views.tag, name="tag"),
    path("search/", views.search, name="search"),
    path("bookmarks/", views.bookmarks, name="bookmarks"),
    path("notifications/", views.notifications, name="notifications"),
    path("compose/", views.compose, name="compose"),
    path("compose/check/", views.compose_check, name="compose_check"),
    path("posts/<int:post_id>/", views.post_detail, name="post"),
    path("posts/<int:post_id>/reply/", views.reply, name="reply"),
    path("posts/<int:post_id>/quote/", views.quote, name="quote"),
    path("posts/<int:post_id>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:post_id>/history/", views.post_history, name="post_history"),
    path("posts/<int:post_id>/delete/", views.post_delete, name="post_delete"),
    path("posts/<int:post_id>/controls/", views.post_controls, name="post_controls"),
    path("posts/<int:post_id>/detach-quote/", views.detach_quote, name="detach_quote"),
    path("posts/<int:post_id>/like/", views.like, name="like"),
    path("posts/<int:post_id>/unlike/", views.unlike, name="unlike"),
    path("posts/<int:post_id>/repost/", views.repost, name="repost"),
    path("posts/<int:post_id>/unrepost/", views.unrepost, name="unrepost"),
    path("posts/<int:post_id>/bookmark/", views.bookmark, name="bookmark"),
    path("posts/<int:post_id>/unbookmark/", views.unbookmark, name="unbookmark"),
    path("@<str:handle>/", views.profile, name="profile"),
    path("@<str:handle>/followers/", views.followers, name="followers"),
    path("@<str:handle>/following/", views.following, name="following"),
    path("@<str:handle>/follow/", views.follow, name="follow"),
    path("@<str:handle>/unfollow/", views.unfollow, name="unfollow"),
]
