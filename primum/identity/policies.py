"""Who may do what with identity and trust. Small predicates; services and selectors call them.

* A **verified clinician** is a user whose derived ``TrustStatus.is_verified_clinician`` is set:
  trust level peer-vouched or credential-verified AND a clinician profession. Only they may
  vouch for others and post under a pseudonym.
* A vouch **counts towards** another person's peer verification only while its voucher is a
  verified clinician; at least one of the counted vouchers must be credential-verified (see
  ``primum.identity.vouching``).
* Private identity (legal names, NPI, e-mail, licence numbers, documents) is for verifiers and
  staff only; every view goes through ``selectors.access_private_identity``, which audits it.
"""

from __future__ import annotations

from primum.identity.models import TrustLevel, TrustStatus


def trust_of(user) -> TrustStatus:
    """The user's derived trust status, or an unsaved 'unverified' one when none exists yet.

    Uses the cached relation when it was loaded with ``select_related("trust")``."""
    if user is None or not getattr(user, "is_authenticated", False) or user.pk is None:
        return TrustStatus(level=TrustLevel.UNVERIFIED)
    try:
        return user.trust
    except TrustStatus.DoesNotExist:
        return TrustStatus(user_id=user.pk, level=TrustLevel.UNVERIFIED)


def is_verified_clinician(user) -> bool:
    return bool(trust_of(user).is_verified_clinician)


def is_credential_verified(user) -> bool:
    return trust_of(user).level >= TrustLevel.CREDENTIAL_VERIFIED


def can_vouch(actor) -> bool:
    """Peer-vouched and credential-verified clinicians may vouch (rings are refused separately)."""
    return (
        getattr(actor, "is_authenticated", False)
        and actor.is_active
        and is_verified_clinician(actor)
    )


def can_use_pseudonym(actor) -> bool:
    return (
        getattr(actor, "is_authenticated", False)
        and actor.is_active
        and is_verified_clinician(actor)
    )


def can_view_private_identity(actor) -> bool:
    """Verifiers (the ``review_credential`` or ``view_private_identity`` permission, e.g. via
    the ``verifier`` group) and staff."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return bool(
        actor.is_staff
        or actor.is_superuser
        or actor.has_perm("identity.view_private_identity")
        or actor.has_perm("identity.review_credential")
    )
