"""Trust levels derived from credentials (unverified → e-mail confirmed → peer-vouched →
credential-verified) and the plain-text summary shown on profiles.

``trust_recompute`` is the only writer of ``TrustStatus``; every service that changes a
credential, a vouch or an e-mail confirmation calls it in the same transaction.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from primum.accounts.vocabulary import CLINICIAN_PROFESSIONS, Profession
from primum.identity.models import Credential, TrustLevel, TrustStatus

STRONG_METHODS = (Credential.Method.NPI, Credential.Method.DOCUMENT)


def active_credentials(user):
    now = timezone.now()
    return (
        Credential.objects.filter(user=user, status=Credential.Status.VERIFIED)
        .exclude(expires_at__lte=now)
        .select_related("organisation")
        .order_by("-checked_at", "-id")
    )


def _month(credential: Credential) -> str:
    return f"{credential.checked_at:%b %Y}" if credential.checked_at else ""


def build_summary(
    user, credentials: list[Credential], *, pseudonymous: bool
) -> tuple[int, str, str]:
    """(level, verified_profession, summary) from the user's active credentials."""
    methods = {c.method for c in credentials}
    if methods & set(STRONG_METHODS):
        level = TrustLevel.CREDENTIAL_VERIFIED
    elif Credential.Method.PEER_VOUCH in methods:
        level = TrustLevel.PEER_VOUCHED
    elif user.email_confirmed_at is not None:
        level = TrustLevel.EMAIL_CONFIRMED
    else:
        level = TrustLevel.UNVERIFIED
    profession = ""
    for credential in credentials:
        if (
            credential.method != Credential.Method.INSTITUTIONAL_EMAIL
            and credential.claimed_profession
        ):
            profession = credential.claimed_profession
            break
    parts: list[str] = []
    if profession:
        label = Profession(profession).label.split(" (")[0]
        parts.append(f"Verified {label.lower()}" if pseudonymous else label)
    seen: set[str] = set()
    for credential in credentials:
        if credential.method in seen:
            continue
        seen.add(credential.method)
        when = _month(credential)
        if credential.method == Credential.Method.NPI:
            parts.append(f"NPI verified {when}".strip())
        elif credential.method == Credential.Method.DOCUMENT:
            parts.append(f"licence reviewed {when}".strip())
        elif credential.method == Credential.Method.INSTITUTIONAL_EMAIL and not pseudonymous:
            org = credential.organisation.name if credential.organisation else "an institution"
            parts.append(f"affiliation confirmed by {org} e-mail")
        elif credential.method == Credential.Method.PEER_VOUCH:
            parts.append("vouched for by verified clinicians")
    if not parts:
        parts.append("E-mail confirmed" if level == TrustLevel.EMAIL_CONFIRMED else "Not verified")
    return level, profession, " · ".join(parts)


@transaction.atomic
def trust_recompute(user) -> TrustStatus:
    credentials = list(active_credentials(user))
    pseudonymous = bool(getattr(getattr(user, "profile", None), "is_pseudonymous", False))
    level, profession, summary = build_summary(user, credentials, pseudonymous=pseudonymous)
    status, _ = TrustStatus.objects.update_or_create(
        user=user,
        defaults={
            "level": level,
            "verified_profession": profession,
            "is_verified_clinician": level >= TrustLevel.PEER_VOUCHED
            and profession in CLINICIAN_PROFESSIONS,
            "summary": summary[:300],
        },
    )
    return status
