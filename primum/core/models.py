"""Abstract base models shared by every Primum app."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SafetyDecision(models.TextChoices):
    """What the safety engine decided for a post or message (primum.safety.types.Decision)."""

    ALLOW = "allow", "Shown"
    COLLAPSE = "collapse", "Shown behind a notice"
    HOLD = "hold", "Held for review"


class SafetyFields(models.Model):
    """The stored assessment of user-written content. Full scores are for moderators only."""

    safety_decision = models.CharField(
        max_length=10, choices=SafetyDecision.choices, default=SafetyDecision.ALLOW
    )
    # Assessment.to_dict(): scores, target, spans, decision, model_version, path.
    safety_assessment = models.JSONField(default=dict, blank=True)
    safety_model_version = models.CharField(max_length=120, blank=True, default="")

    class Meta:
        abstract = True


class BaseModel(models.Model):
    """Timestamps every domain row carries. Times are always timezone-aware UTC."""

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class AuditLogEntry(models.Model):
    """One append-only log for moderation and security-relevant actions.

    Each entry stores who did what to whom, a readable copy of the target's identity (so the
    entry stays meaningful after the target changes or is deleted), structured extra data, and
    the hash of the previous entry: editing or deleting any row breaks the chain, which
    ``primum.core.audit.audit_verify_chain`` detects. Written only by services, never signals.
    """

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=120)
    action = models.CharField(max_length=64, db_index=True)
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["target_type", "target_id", "id"], name="core_audit_target")
        ]

    def __str__(self) -> str:
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"
        )
