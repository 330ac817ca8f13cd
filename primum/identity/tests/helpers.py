"""Helpers for identity tests: clinicians verified by a given method, old accounts."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from primum.accounts.tests.factories import UserFactory
from primum.identity.models import Credential
from primum.identity.trust import trust_recompute


def verify(user, method: str = "npi", **fields) -> Credential:
    """Give ``user`` a verified credential of ``method`` and recompute their trust."""
    credential = Credential.objects.create(
        user=user,
        method=method,
        status=Credential.Status.VERIFIED,
        claimed_profession=user.profile.profession or "physician",
        checked_at=timezone.now(),
        checked_by_system="test registry" if method == "npi" else "",
        **fields,
    )
    trust_recompute(user)
    user.refresh_from_db()
    return credential


def age(user, days: int = 400):
    """Make an account ``days`` old (older than the new-account ring window)."""
    type(user).objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))
    user.refresh_from_db()
    return user


def clinician(username: str, method: str | None = "npi", *, days: int = 400, **kwargs):
    user = age(UserFactory(username=username, **kwargs), days)
    if method:
        verify(user, method)
    return user
