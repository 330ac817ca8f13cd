"""Helpers to build messaging data through the real services."""

from __future__ import annotations

from primum.identity.models import TrustLevel, TrustStatus
from primum.messaging import services


def start(sender, *recipients, body="Hello there"):
    return services.conversation_start(
        sender=sender, recipients=[r.username for r in recipients], body=body
    )


def make_verified(user):
    TrustStatus.objects.update_or_create(
        user=user,
        defaults={
            "level": TrustLevel.CREDENTIAL_VERIFIED,
            "is_verified_clinician": True,
            "verified_profession": "physician",
            "summary": "Physician · NPI verified",
        },
    )
    return user
