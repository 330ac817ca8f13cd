"""Admin for posts, follows, likes, notifications and hashtags: for staff to look things up.

Everything here is read-only. Writes go through the services, which keep counters, edit
history, hashtags and notifications consistent; a row changed in the admin would not. The
one write offered is deleting a post, and it calls ``services.post_delete`` so the post
becomes a tombstone exactly as when its author deletes it.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpRequest

from primum.core.errors import ApplicationError
from primum.social import selectors, services
from primum.social.models import Follow, Hashtag, Like, Notification, Post


class ReadOnlyAdmin(admin.ModelAdmin):
    """View and search only: no add, change or delete from the admin."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "author",
        "excerpt",
        "kind",
        "visibility",
        "created_at",
        "is_deleted",
        "reply_count",
        "like_count",
        "repost_count",
        "quote_count",
    ]
    list_display_links = ["id", "excerpt"]
    list_filter = [
        "visibility",
        ("deleted_at", admin.EmptyFieldListFilter),
        ("reply_to", admin.EmptyFieldListFilter),
        ("repost_of", admin.EmptyFieldListFilter),
        "reply_policy",
        "quote_policy",
        "created_at",
    ]
    search_fields = ["body", "content_warning", "author__username", "=id"]
    list_select_related = ["author"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    ordering = ["-id"]
    fields = [
        "author",
        "body",
        "content_warning",
        "visibility",
        "reply_to",
        "thread_root",
        "quote_of",
        "quote_detached",
        "repost_of",
        "reply_policy",
        "quote_policy",
        "created_at",
        "edited_at",
        "deleted_at",
        "reply_count",
        "like_count",
        "repost_count",
        "quote_count",
    ]
    readonly_fields = fields

    @admin.display(description="text")
    def excerpt(self, obj: Post) -> str:
        if obj.repost_of_id:
            return f"(repost of {obj.repost_of_id})"
        if obj.deleted_at:
            return "(deleted)"
        return obj.body if len(obj.body) <= 80 else obj.body[:79] + "…"

    @admin.display(description="kind")
    def kind(self, obj: Post) -> str:
        if obj.repost_of_id:
            return "repost"
        if obj.reply_to_id:
            return "reply"
        if obj.quote_of_id:
            return "quote"
        return "post"

    @admin.display(boolean=True, description="deleted")
    def is_deleted(self, obj: Post) -> bool:
        return obj.deleted_at is not None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Allowed only where the service would allow it, so the admin never reports a
        # deletion that did not happen (e.g. a followers-only post the staff member cannot see).
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None:
            return True
        if obj.deleted_at is not None:
            return False
        try:
            selectors.access_post(request.user, obj.pk)
        except ApplicationError:
            return False
        return True

    def delete_model(self, request: HttpRequest, obj: Post) -> None:
        try:
            services.post_delete(actor=request.user, post_id=obj.pk)
        except ApplicationError as error:
            self.message_user(request, f"Post {obj.pk}: {error.message}", messages.ERROR)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for post in queryset.filter(deleted_at__isnull=True):
            self.delete_model(request, post)

    def get_deleted_objects(self, objs, request: HttpRequest):
        # A deleted post becomes a tombstone; replies, likes and quotes of it stay, so the
        # confirmation page lists only the posts (and needs no permission on related rows).
        posts = list(objs)
        return [str(post) for post in posts], {"posts": len(posts)}, set(), []


@admin.register(Follow)
class FollowAdmin(ReadOnlyAdmin):
    list_display = ["id", "follower", "followee", "created_at"]
    search_fields = ["follower__username", "followee__username"]
    list_select_related = ["follower", "followee"]
    date_hierarchy = "created_at"
    ordering = ["-id"]


@admin.register(Like)
class LikeAdmin(ReadOnlyAdmin):
    list_display = ["id", "user", "post", "created_at"]
    search_fields = ["user__username", "=post__id"]
    list_select_related = ["user", "post"]
    date_hierarchy = "created_at"
    ordering = ["-id"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["id", "recipient", "actor", "kind", "post", "created_at", "read_at"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["recipient__username", "actor__username"]
    list_select_related = ["recipient", "actor", "post"]
    date_hierarchy = "created_at"
    ordering = ["-id"]


@admin.register(Hashtag)
class HashtagAdmin(ReadOnlyAdmin):
    list_display = ["name", "post_count"]
    search_fields = ["name"]
    ordering = ["name"]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(num_posts=Count("posts"))

    @admin.display(description="posts", ordering="num_posts")
    def post_count(self, obj: Hashtag) -> int:
        return obj.num_posts
