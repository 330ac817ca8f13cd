"""Peer vouching: verified clinicians vouch for colleagues they know, and enough independent
vouches verify the colleague's claimed profession (a ``peer_vouch`` Credential).

Rules (docs/identity.md, "Peer vouching"):

* Only a verified clinician (``TrustStatus.is_verified_clinician``: peer-vouched or
  credential-verified, clinician profession) may vouch; not for themselves; once per person
  at a time; never across a block (the vouchee is then "not found").
* Accounts younger than ``PRIMUM_VOUCH_NEW_ACCOUNT_DAYS`` (30) may not close a vouching ring
  among new accounts (A→B→A, or A→B→C→A): ``vouch_ring``.
* ``PRIMUM_VOUCHES_REQUIRED`` (3) active vouches verify the profession when they come from
  verified clinicians of whom no two vouched for each other (either way, even if withdrawn
  since) in the last ``PRIMUM_VOUCH_INDEPENDENCE_DAYS`` (180) days, and at least one of them is
  credential-verified (NPI or document) rather than merely vouched: a group of peer-vouched
  accounts can never sustain itself.
* A withdrawal (or a vouch that stops counting) below the threshold withdraws the credential.

Every vouch, withdrawal and resulting credential change is written to the audit log, and
``trust_recompute`` runs in the same transaction.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from primum.accounts.vocabulary import CLINICIAN_PROFESSIONS, Profession
from primum.core.audit import audit_log_write
from primum.core.errors import (
    Conflict,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from primum.core.ratelimit import check_write_rate
from primum.core.text import HANDLE_PATTERN, TextProblem, clean_text
from primum.identity import policies
from primum.identity.models import Credential, CredentialEvent, TrustLevel, Vouch
from primum.identity.trust import trust_recompute

User = get_user_model()

PEER_VOUCH_SYSTEM = "Primum peer vouching"
# How many vouchers the independence search looks at (the most recent ones).
MAX_VOUCHERS_CONSIDERED = 60
RING_SEARCH_DEPTH = 4


def vouches_required() -> int:
    return max(1, int(getattr(settings, "PRIMUM_VOUCHES_REQUIRED", 3)))


def new_account_days() -> int:
    return int(getattr(settings, "PRIMUM_VOUCH_NEW_ACCOUNT_DAYS", 30))


def independence_days() -> int:
    return int(getattr(settings, "PRIMUM_VOUCH_INDEPENDENCE_DAYS", 180))


def _require_user(actor) -> None:
    if actor is None or not actor.is_authenticated:
        raise NotAuthenticated()


def _clean_note(note: object) -> str:
    try:
        return clean_text(note, max_length=200, allow_empty=True, multiline=False, what="The note")
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field="note") from None


def _clean_relation(relation: object) -> str:
    if not isinstance(relation, str) or relation not in Vouch.Relation.values:
        allowed = ", ".join(Vouch.Relation.values)
        raise ValidationError(
            f"relation must be one of: {allowed}.", code="invalid_choice", field="relation"
        )
    return relation


def _vouchee(voucher, handle: object):
    """The account to vouch for: active, and not separated from the voucher by a block."""
    from primum.social.selectors import access_user

    return access_user(voucher, str(handle) if isinstance(handle, str) else "")


def _is_new(user, now) -> bool:
    return user.date_joined > now - timedelta(days=new_account_days())


def _closes_new_account_ring(voucher, vouchee, now) -> bool:
    """Would voucher→vouchee close a cycle of vouches among accounts younger than 30 days?

    A breadth-first walk from the vouchee along vouches (any, withdrawn or not) given by new
    accounts to new accounts, one query per step, at most RING_SEARCH_DEPTH steps."""
    if not (_is_new(voucher, now) and _is_new(vouchee, now)):
        return False
    cutoff = now - timedelta(days=new_account_days())
    frontier = {vouchee.pk}
    seen = set(frontier)
    for _ in range(RING_SEARCH_DEPTH):
        nexts = set(
            Vouch.objects.filter(
                voucher_id__in=frontier,
                voucher__date_joined__gt=cutoff,
                vouchee__date_joined__gt=cutoff,
            ).values_list("vouchee_id", flat=True)
        )
        if voucher.pk in nexts:
            return True
        frontier = nexts - seen
        if not frontier:
            return False
        seen |= frontier
    return False


@transaction.atomic
def vouch_create(*, voucher, handle: object, relation: object, note: object = "") -> Vouch:
    """``voucher`` vouches for the account ``handle`` ("worked together", ...)."""
    _require_user(voucher)
    check_write_rate(voucher.pk)
    relation = _clean_relation(relation)
    note = _clean_note(note)
    vouchee = _vouchee(voucher, handle)
    if vouchee.pk == voucher.pk:
        raise ValidationError("You cannot vouch for yourself.", code="vouch_self", field="handle")
    if not policies.can_vouch(voucher):
        raise PermissionDenied(
            "Only verified clinicians can vouch for colleagues. Verify your own credentials "
            "first (NPI registry, licence review or vouches from colleagues).",
            code="voucher_not_verified",
        )
    profession = vouchee.profile.profession
    if profession not in CLINICIAN_PROFESSIONS:
        raise ValidationError(
            f"@{vouchee.username} has not given a clinician profession on their profile, "
            "so there is nothing to vouch for yet.",
            code="vouchee_not_clinician",
            field="handle",
        )
    if Vouch.objects.filter(voucher=voucher, vouchee=vouchee, withdrawn_at__isnull=True).exists():
        raise Conflict(
            f"You already vouch for @{vouchee.username}.", code="vouch_duplicate", field="handle"
        )
    now = timezone.now()
    if _closes_new_account_ring(voucher, vouchee, now):
        raise PermissionDenied(
            f"New accounts cannot vouch for each other in a ring: @{vouchee.username} already "
            "vouched (directly or through other new accounts) for you. Ask colleagues who "
            "are verified independently.",
            code="vouch_ring",
        )
    vouch = Vouch(voucher=voucher, vouchee=vouchee, relation=relation, note=note)
    vouch.full_clean()
    vouch.save()
    audit_log_write(
        actor=voucher,
        action="identity.vouch_create",
        target=vouch,
        target_label=f"@{voucher.username} vouches for @{vouchee.username}",
        extra={"vouchee_id": vouchee.pk, "relation": relation},
    )
    peer_vouch_reconcile(user=vouchee)
    return vouch


@transaction.atomic
def vouch_withdraw(*, voucher, handle: object) -> Vouch:
    """Withdraw the voucher's active vouch for ``handle``. Works across a later block: the
    voucher made the vouch, so nothing is revealed by finding it."""
    _require_user(voucher)
    check_write_rate(voucher.pk)
    missing = NotFound("You do not vouch for this account.", code="vouch_not_found")
    if not isinstance(handle, str) or not handle or len(handle) > 30:
        raise missing
    if not re.fullmatch(HANDLE_PATTERN, handle):
        raise missing
    vouch = (
        Vouch.objects.select_for_update()
        .select_related("vouchee")
        .filter(voucher=voucher, vouchee__username__iexact=handle, withdrawn_at__isnull=True)
        .first()
    )
    if vouch is None:
        raise missing
    vouch.withdrawn_at = timezone.now()
    vouch.save(update_fields=["withdrawn_at", "updated_at"])
    audit_log_write(
        actor=voucher,
        action="identity.vouch_withdraw",
        target=vouch,
        target_label=f"@{voucher.username} withdrew the vouch for @{vouch.vouchee.username}",
        extra={"vouchee_id": vouch.vouchee_id},
    )
    peer_vouch_reconcile(user=vouch.vouchee)
    return vouch


# --- Counting -------------------------------------------------------------------------------


def counting_vouchers(user) -> list[int]:
    """Ids of a set of vouchers that verifies ``user`` (empty if none does).

    Candidates: active vouches from active verified clinicians. Among them we look for
    ``vouches_required()`` people no two of whom vouched for each other in the independence
    window, at least one credential-verified. The candidate list is small (one person's
    vouchers), so a backtracking search is exact and cheap."""
    needed = vouches_required()
    rows = list(
        Vouch.objects.filter(
            vouchee=user,
            withdrawn_at__isnull=True,
            voucher__is_active=True,
            voucher__trust__is_verified_clinician=True,
        )
        .order_by("-id")
        .values_list("voucher_id", "voucher__trust__level")[:MAX_VOUCHERS_CONSIDERED]
    )
    if len(rows) < needed:
        return []
    ids = [voucher_id for voucher_id, _ in rows]
    strong = {voucher_id for voucher_id, level in rows if level >= TrustLevel.CREDENTIAL_VERIFIED}
    if not strong:
        return []
    since = timezone.now() - timedelta(days=independence_days())
    linked: dict[int, set[int]] = {voucher_id: set() for voucher_id in ids}
    for a, b in Vouch.objects.filter(
        voucher_id__in=ids, vouchee_id__in=ids, created_at__gte=since
    ).values_list("voucher_id", "vouchee_id"):
        linked[a].add(b)
        linked[b].add(a)
    # Try each credential-verified voucher as the anchor, then extend greedily with backtracking.
    for anchor in [i for i in ids if i in strong]:
        chosen = [anchor]
        others = [i for i in ids if i != anchor and i not in linked[anchor]]

        def extend(start: int, chosen=chosen, others=others) -> bool:
            if len(chosen) == needed:
                return True
            for index in range(start, len(others)):
                candidate = others[index]
                if any(candidate in linked[c] for c in chosen):
                    continue
                chosen.append(candidate)
                if extend(index + 1):
                    return True
                chosen.pop()
            return False

        if extend(0):
            return chosen
    return []


def _event(credential: Credential, *, from_status: str, note: str) -> None:
    CredentialEvent.objects.create(
        credential=credential, actor=None, from_status=from_status, to_status=credential.status,
        note=note[:500],
    )  # fmt: skip


@transaction.atomic
def peer_vouch_reconcile(*, user) -> Credential | None:
    """Create, keep or withdraw the user's ``peer_vouch`` credential from the current vouches,
    then recompute trust. Idempotent; call it whenever a vouch or a voucher's status changes.

    Returns the verified peer-vouch credential, or None."""
    current = list(
        Credential.objects.select_for_update().filter(
            user=user, method=Credential.Method.PEER_VOUCH, status=Credential.Status.VERIFIED
        )
    )
    profession = getattr(getattr(user, "profile", None), "profession", "")
    vouchers = counting_vouchers(user) if profession in CLINICIAN_PROFESSIONS else []
    now = timezone.now()
    kept: Credential | None = None
    for credential in current:
        if vouchers and kept is None and credential.claimed_profession == profession:
            kept = credential
            continue
        credential.status = Credential.Status.WITHDRAWN
        credential.save(update_fields=["status", "updated_at"])
        reason = (
            "Fewer independent vouches from verified clinicians than required."
            if not vouchers
            else "The claimed profession changed."
        )
        _event(credential, from_status=Credential.Status.VERIFIED, note=reason)
        audit_log_write(
            actor=None,
            action="identity.peer_vouch_withdrawn",
            target=credential,
            target_label=f"peer-vouch credential of @{user.username}",
            extra={"user_id": user.pk, "reason": reason},
        )
    if vouchers and kept is None:
        label = Profession(profession).label.split(" (")[0].lower()
        kept = Credential(
            user=user,
            method=Credential.Method.PEER_VOUCH,
            status=Credential.Status.VERIFIED,
            claimed_profession=profession,
            public_summary=(
                f"{len(vouchers)} verified clinicians who have not vouched for each other "
                f"recently say they know this person as a {label}; at least one of them is "
                "verified by registry or licence review"
            ),
            checked_by_system=PEER_VOUCH_SYSTEM,
            checked_at=now,
        )
        kept.full_clean()
        kept.save()
        _event(kept, from_status="", note=f"{len(vouchers)} independent vouches.")
        audit_log_write(
            actor=None,
            action="identity.peer_vouch_verified",
            target=kept,
            target_label=f"peer-vouch credential of @{user.username}",
            extra={"user_id": user.pk, "voucher_ids": sorted(vouchers)},
        )
    trust_recompute(user)
    return kept


def vouchees_reconcile(*, voucher) -> None:
    """Re-count the vouchees of ``voucher`` after the voucher's own trust changed (a credential
    verified, withdrawn, expired or rejected): their vouches may start or stop counting.
    One reconcile per vouchee; call it after ``trust_recompute(voucher)``."""
    for vouchee in (
        User.objects.filter(vouches_received__voucher=voucher, vouches_received__withdrawn_at=None)
        .select_related("profile")
        .distinct()
    ):
        peer_vouch_reconcile(user=vouchee)
