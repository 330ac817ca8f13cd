"""Posts (with replies, quotes and reposts), likes, bookmarks, edits, hashtags, mentions,
follows and notifications.

A repost is a row in ``Post`` with ``repost_of`` set and no body, as in Mastodon: the home
feed is then one indexed query over one table. A reply has ``reply_to`` (its parent) and
``thread_root`` (the first post of the conversation); a root post has neither.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

from primum.core.models import BaseModel, SafetyFields

POST_MAX_CHARS = 500
CW_MAX_CHARS = 100


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public"
    FOLLOWERS = "followers", "Followers only"


class ReplyPolicy(models.TextChoices):
    ANYONE = "anyone", "Anyone"
    FOLLOWING = "following", "People I follow"
    MENTIONED = "mentioned", "People I mention"
    VERIFIED = "verified", "Verified clinicians only"
    NOBODY = "nobody", "Nobody"


class QuotePolicy(models.TextChoices):
    ANYONE = "anyone", "Anyone"
    FOLLOWERS = "followers", "My followers"
    NOBODY = "nobody", "Nobody"


class Post(SafetyFields, BaseModel):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posts"
    )
    body = models.TextField(blank=True, default="")
    content_warning = models.CharField(max_length=CW_MAX_CHARS, blank=True, default="")
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    thread_root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="thread_posts"
    )
    quote_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    # The quoted author removed their post from this quote; it renders as "removed by its author".
    quote_detached = models.BooleanField(default=False)
    repost_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="reposts"
    )
    reply_policy = models.CharField(
        max_length=12, choices=ReplyPolicy.choices, default=ReplyPolicy.ANYONE
    )
    quote_policy = models.CharField(
        max_length=12, choices=QuotePolicy.choices, default=QuotePolicy.ANYONE
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    reply_count = models.PositiveIntegerField(default=0)
    like_count = models.PositiveIntegerField(default=0)
    repost_count = models.PositiveIntegerField(default=0)
    quote_count = models.PositiveIntegerField(default=0)
    mentioned_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Mention", related_name="mentioned_in", blank=True
    )
    hashtags = models.ManyToManyField(
        "Hashtag", through="PostHashtag", related_name="posts", blank=True
    )

    class Meta:
        indexes = [
            models.Index(fields=["author", "-id"], name="social_post_author_id"),
            models.Index(fields=["thread_root", "id"], name="social_post_thread"),
            models.Index(fields=["reply_to", "id"], name="social_post_reply_to"),
            models.Index(fields=["quote_of", "-id"], name="social_post_quote_of"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), POST_MAX_CHARS),
                name="social_post_body_len",
            ),
            models.UniqueConstraint(
                fields=["author", "repost_of"],
                condition=models.Q(repost_of__isnull=False, deleted_at__isnull=True),
                name="social_post_one_repost",
            ),
        ]

    @property
    def is_repost(self) -> bool:
        return self.repost_of_id is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def __str__(self) -> str:
        return f"Post {self.pk} by {self.author_id}"


class PostEdit(BaseModel):
    """A previous version of a post, kept when the post is edited (visible history)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="edits")
    body = models.TextField()
    content_warning = models.CharField(max_length=CW_MAX_CHARS, blank=True, default="")

    class Meta:
        ordering = ["-id"]


class Like(BaseModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="likes"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="likes")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="social_like_unique")]
        indexes = [models.Index(fields=["post", "-id"])]


class Bookmark(BaseModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="bookmarks")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="social_bookmark_unique")
        ]


class Hashtag(models.Model):
    name = models.CharField(max_length=64, unique=True)  # case-folded, without '#'

    def __str__(self) -> str:
        return f"#{self.name}"


class PostHashtag(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)
    hashtag = models.ForeignKey(Hashtag, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["hashtag", "post"], name="social_posthashtag_unique")
        ]
        indexes = [models.Index(fields=["post"])]

    def __str__(self) -> str:
        return f"#{self.hashtag_id} on post {self.post_id}"


class Mention(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="social_mention_unique")
        ]
        indexes = [models.Index(fields=["user", "post"])]

    def __str__(self) -> str:
        return f"user {self.user_id} in post {self.post_id}"


class Follow(BaseModel):
    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="following_set"
    )
    followee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follower_set"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "followee"], name="social_follow_unique"),
            models.CheckConstraint(
                condition=~models.Q(follower=models.F("followee")), name="social_follow_not_self"
            ),
        ]
        indexes = [models.Index(fields=["followee", "follower"])]


class Notification(BaseModel):
    class Kind(models.TextChoices):
        REPLY = "reply", "replied to your post"
        MENTION = "mention", "mentioned you"
        QUOTE = "quote", "quoted your post"
        LIKE = "like", "liked your post"
        REPOST = "repost", "reposted your post"
        FOLLOW = "follow", "followed you"
        # The outcome of a moderator's review of the recipient's own held content.
        RELEASED = "released", "a moderator released your held content"
        REMOVED = "removed", "a moderator removed your held content"
        # Sent by the pile-on check to the target only (actor = the target themselves, so
        # no block or mute hides it); the event page is /safety/pile-ons/<id>/.
        PILE_ON = (
            "pile_on",
            "possible pile-on aimed at you: see who is involved (Safety → Pile-ons)",
        )

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    read_at = models.DateTimeField(null=True, blank=True)
    # Moderation outcomes: what was reviewed and the moderator's reason.
    note = models.CharField(max_length=1100, blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "-id"], name="social_notif_recipient"),
            models.Index(fields=["recipient", "read_at"], name="social_notif_unread"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "actor", "kind", "post"], name="social_notification_once"
            )
        ]
