"""Direct messages: conversations (one-to-one or small groups), each user's membership in
them, the messages, and each user's DM policy.

* A direct conversation has ``direct_key`` = "<lower id>:<higher id>" (unique), so one pair
  of people has exactly one conversation. A group has up to ``GROUP_MAX_MEMBERS`` members
  and a title.
* ``Membership.state``: ``active`` (in the inbox), ``request`` (in the Requests folder: the
  sender is someone the member does not follow), ``declined`` (the member deleted the
  request; the sender is not told) and ``left``.
* The inbox is read from memberships alone: ``last_message_id`` / ``last_message_at`` and
  ``unread_count`` are copied onto each membership when a message is sent, so the inbox is
  one indexed range scan over (user, state, -last_message_id) with no aggregate per row.
  ``last_message_id`` orders the inbox (message ids grow with time and are unique per user's
  memberships, so the cursor has no ties); ``last_message_at`` is what the page shows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

from primum.core.models import BaseModel, SafetyFields

# Posts allow 500 code points; a message is a conversation, not a broadcast, so it may be
# longer. Counted, normalised and refused exactly like posts (primum.core.text.clean_text).
MESSAGE_MAX_CHARS = 1000
TITLE_MAX_CHARS = 80
GROUP_MAX_MEMBERS = 10


class DMPolicy(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    FOLLOWING = "following", "People I follow"
    VERIFIED = "verified", "Verified clinicians (and people I follow)"
    NOBODY = "nobody", "Nobody"


class MessagingSettings(models.Model):
    """A user's DM policy. No row means the default, ``everyone``."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="messaging_settings",
    )
    dm_policy = models.CharField(max_length=12, choices=DMPolicy.choices, default=DMPolicy.EVERYONE)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.dm_policy}"


class Conversation(BaseModel):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct"
        GROUP = "group", "Group"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    direct_key = models.CharField(max_length=41, null=True, blank=True, unique=True)
    title = models.CharField(max_length=TITLE_MAX_CHARS, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_message = models.ForeignKey(
        "Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="group", direct_key__isnull=True)
                | models.Q(kind="direct", direct_key__isnull=False),
                name="messaging_conversation_direct_key",
            )
        ]

    def __str__(self) -> str:
        return f"Conversation {self.pk} ({self.kind})"


class Membership(BaseModel):
    class State(models.TextChoices):
        ACTIVE = "active", "In the inbox"
        REQUEST = "request", "Message request"
        DECLINED = "declined", "Request deleted"
        LEFT = "left", "Left"

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dm_memberships"
    )
    # The other person of a direct conversation (shown in the inbox, checked for blocks).
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    last_read_message_id = models.BigIntegerField(default=0)
    last_message_id = models.BigIntegerField(default=0)
    last_message_at = models.DateTimeField(null=True, blank=True)
    unread_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="messaging_membership_unique"
            )
        ]
        indexes = [
            models.Index(
                fields=["user", "state", "-last_message_id"], name="messaging_inbox_order"
            ),
            models.Index(fields=["user", "state", "-last_message_at"], name="messaging_inbox_time"),
        ]

    def __str__(self) -> str:
        return f"user {self.user_id} in conversation {self.conversation_id} ({self.state})"


class Message(SafetyFields, BaseModel):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dm_messages_sent"
    )
    body = models.TextField()
    # [{"kind", "label", "triggers": [{"text", "start", "end"}]}] from messaging.favours.
    favour_labels = models.JSONField(default=list, blank=True)

    class Meta:
        indexes = [models.Index(fields=["conversation", "-id"], name="messaging_message_conv")]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), MESSAGE_MAX_CHARS),
                name="messaging_message_body_len",
            )
        ]

    def __str__(self) -> str:
        return f"Message {self.pk} in {self.conversation_id}"
