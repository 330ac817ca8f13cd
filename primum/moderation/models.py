"""The moderator queue: one ``ModerationCase`` per post or message the safety engine held.

A case keeps a copy of what was held (text, assessment, model version) so the record stays
readable after the content is removed; the post or message itself is linked while it exists.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from primum.core.models import BaseModel


class ModerationCase(BaseModel):
    class Kind(models.TextChoices):
        POST = "post", "Post"
        MESSAGE = "message", "Direct message"

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for review"
        RELEASED = "released", "Released"
        REMOVED = "removed", "Removed"
        WITHDRAWN = "withdrawn", "Deleted by its author before review"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    post = models.ForeignKey(
        "social.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        "messaging.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_cases"
    )
    # Who the content is aimed at (reply parent's / quoted post's / recipient's / first
    # mentioned author), when anyone.
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    assessment = models.JSONField(default=dict, blank=True)
    model_version = models.CharField(max_length=120, blank=True, default="")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # After release: the decision the content now carries (allow or collapse).
    outcome = models.CharField(max_length=10, blank=True, default="")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True, default="")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        permissions = [("review_content", "Review content held by the safety engine")]
        indexes = [models.Index(fields=["status", "id"], name="moderation_case_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["post"],
                condition=models.Q(status="open", post__isnull=False),
                name="moderation_case_one_open_per_post",
            ),
            models.UniqueConstraint(
                fields=["message"],
                condition=models.Q(status="open", message__isnull=False),
                name="moderation_case_one_open_per_message",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.pk} ({self.kind}, {self.status})"


# --- Pile-on events (owned by primum.moderation.pileon) ------------------------------------


class PileOnSeverity(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


#: Severity names in rising order (the detector's own order).
PILEON_SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3}


class PileOnEvent(BaseModel):
    """A pile-on the streaming detector found aimed at a member (on one post, or across
    their account), stored when first detected and again each time its severity rises.

    Visible only to ``target``: the page and API answer 404 to anyone else. The hostile
    authors stay listed for the target even after they block them; it is their evidence.
    """

    target = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pileon_events"
    )
    # None: the pile-on spans the account (mentions, or several of the target's posts).
    target_post = models.ForeignKey(
        "social.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    severity = models.CharField(max_length=8, choices=PileOnSeverity.choices)
    started_at = models.DateTimeField()
    detected_at = models.DateTimeField()
    explanation = models.TextField()
    hostile_author_ids = models.JSONField(default=list)  # user ids, by first hostile interaction
    interaction_ids = models.JSONField(default=list)  # post ids of the hostile interactions
    details = models.JSONField(default=dict)  # primum.safety.pileon.PileOnEvent.to_dict()
    detector_version = models.CharField(max_length=64)
    notification = models.OneToOneField(
        "social.Notification",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pileon_event",
    )

    class Meta:
        indexes = [
            models.Index(fields=["target", "-id"], name="moderation_pileon_target"),
            models.Index(fields=["target", "target_post", "-id"], name="moderation_pileon_key"),
        ]

    def __str__(self) -> str:
        return f"Pile-on {self.pk} ({self.severity}) on user {self.target_id}"

    @property
    def severity_rank(self) -> int:
        return PILEON_SEVERITY_RANK[self.severity]
