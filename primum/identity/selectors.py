"""Reads for identity and trust: the trust panel ("How do I know this person?"), short trust
hints for lists, vouches, and the audited view of private identity for verifiers and staff.

Nothing here returns an identifier (NPI, licence number, e-mail, legal name, document) except
``access_private_identity``, which checks the role and writes an audit entry for every view.
Blocks are honoured in SQL: a blocked pair gets NotFound, never a hint that the other exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from primum.accounts.models import Block, COIDisclosure
from primum.core.audit import audit_log_write
from primum.core.errors import NotFound
from primum.identity import policies
from primum.identity.models import Credential, TrustLevel, TrustStatus, Vouch
from primum.identity.trust import active_credentials

User = get_user_model()

MUTUAL_NAMES_SHOWN = 5
VOUCHES_FROM_FOLLOWED_SHOWN = 10

# What each method checks, in words anyone can read; used when a credential has no summary.
DEFAULT_CHECKED = {
    Credential.Method.NPI: (
        "An active individual NPI was found in the US NPI registry, with a name and state "
        "matching this profile"
    ),
    Credential.Method.DOCUMENT: "A licence or registration document was reviewed by a person",
    Credential.Method.INSTITUTIONAL_EMAIL: (
        "An e-mail address at a registered institution was confirmed (proves the affiliation, "
        "not the profession)"
    ),
    Credential.Method.PEER_VOUCH: (
        "Verified clinicians who know this person vouched for their profession"
    ),
}
PSEUDONYMOUS_INSTITUTION = (
    "An e-mail address at a registered institution was confirmed; the institution is not "
    "shown because this account is pseudonymous"
)


@dataclass
class PersonRef:
    handle: str
    name: str


@dataclass
class VerificationLine:
    method: str
    method_label: str
    checked: str
    checked_at: datetime | None
    by_person: bool
    by: str
    expires_at: datetime | None


@dataclass
class VouchLine:
    voucher: PersonRef
    relation: str
    relation_label: str
    since: datetime


@dataclass
class TrustPanel:
    subject: object
    level: int
    level_label: str
    summary: str
    is_verified_clinician: bool
    is_pseudonymous: bool
    verifications: list[VerificationLine]
    mutual_follows_count: int
    mutual_follows: list[PersonRef]
    vouches_count: int
    vouches_from_followed: list[VouchLine]
    joined_at: datetime
    account_age_days: int
    disclosures: list = field(default_factory=list)
    is_self: bool = False


def _person(user) -> PersonRef:
    profile = getattr(user, "profile", None)
    return PersonRef(
        handle=user.username, name=(profile.display_name if profile else "") or user.username
    )


def _blocked_between(viewer, subject) -> bool:
    if not viewer.is_authenticated or viewer.pk == subject.pk:
        return False
    return Block.objects.filter(
        Q(blocker=viewer, blocked=subject) | Q(blocker=subject, blocked=viewer)
    ).exists()


def _verification_line(credential: Credential, *, pseudonymous: bool) -> VerificationLine:
    if credential.method == Credential.Method.INSTITUTIONAL_EMAIL and pseudonymous:
        checked = PSEUDONYMOUS_INSTITUTION
    elif credential.method == Credential.Method.INSTITUTIONAL_EMAIL:
        org = (
            credential.organisation.name if credential.organisation else "a registered institution"
        )
        checked = credential.public_summary or (
            f"An e-mail address at {org} was confirmed (proves the affiliation, not the profession)"
        )
    else:
        checked = credential.public_summary or DEFAULT_CHECKED.get(credential.method, "")
    by_person = credential.checked_by_id is not None
    return VerificationLine(
        method=credential.method,
        method_label=str(credential.get_method_display()),
        checked=checked,
        checked_at=credential.checked_at,
        by_person=by_person,
        # Never the verifier's name: "a person" is what a reader needs to weigh the check.
        by="A Primum verifier (a person)"
        if by_person
        else (credential.checked_by_system or "Primum"),
        expires_at=credential.expires_at,
    )


def trust_panel(viewer, subject) -> TrustPanel:
    """ "How do I know this person?" for ``viewer`` looking at ``subject``, in at most eight
    queries whatever the numbers of follows, vouches or credentials. Blocked either way, or an
    inactive subject → NotFound."""
    not_found = NotFound("This account does not exist.", code="user_not_found")
    if subject is None or getattr(subject, "pk", None) is None:
        raise not_found
    if _blocked_between(viewer, subject):
        raise not_found
    user = (
        User.objects.select_related("profile", "trust")
        .filter(pk=subject.pk, is_active=True, deleted_at__isnull=True)
        .first()
    )
    if user is None:
        raise not_found
    trust = policies.trust_of(user)
    profile = getattr(user, "profile", None)
    pseudonymous = bool(profile and profile.is_pseudonymous)
    is_self = viewer.is_authenticated and viewer.pk == user.pk
    lines = [_verification_line(c, pseudonymous=pseudonymous) for c in active_credentials(user)]
    mutual_count = 0
    mutual: list[PersonRef] = []
    from_followed: list[VouchLine] = []
    if viewer.is_authenticated and not is_self:
        from primum.social.models import Follow

        mutual_qs = Follow.objects.filter(
            follower=viewer,
            followee__is_active=True,
            followee__following_set__followee=user,
        )
        mutual_count = mutual_qs.count()
        if mutual_count:
            mutual = [
                _person(f.followee)
                for f in mutual_qs.select_related("followee__profile").order_by("-id")[
                    :MUTUAL_NAMES_SHOWN
                ]
            ]
        from_followed = [
            VouchLine(
                voucher=_person(v.voucher),
                relation=v.relation,
                relation_label=str(v.get_relation_display()),
                since=v.created_at,
            )
            for v in Vouch.objects.filter(
                vouchee=user,
                withdrawn_at__isnull=True,
                voucher__is_active=True,
                voucher__follower_set__follower=viewer,
            )
            .select_related("voucher__profile")
            .order_by("-id")[:VOUCHES_FROM_FOLLOWED_SHOWN]
        ]
    vouches_count = Vouch.objects.filter(
        vouchee=user, withdrawn_at__isnull=True, voucher__is_active=True
    ).count()
    today = timezone.localdate()
    disclosures = list(
        COIDisclosure.objects.filter(user=user).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )
    )
    return TrustPanel(
        subject=user,
        level=int(trust.level),
        level_label=str(TrustLevel(trust.level).label),
        summary=trust.summary or _fallback_summary(user, trust),
        is_verified_clinician=bool(trust.is_verified_clinician),
        is_pseudonymous=pseudonymous,
        verifications=lines,
        mutual_follows_count=mutual_count,
        mutual_follows=mutual,
        vouches_count=vouches_count,
        vouches_from_followed=from_followed,
        joined_at=user.date_joined,
        account_age_days=max(0, (timezone.now() - user.date_joined).days),
        disclosures=disclosures,
        is_self=bool(is_self),
    )


def _fallback_summary(user, trust: TrustStatus) -> str:
    """Before trust_recompute ever ran for an account, say what we know without a query."""
    if trust.pk is None or trust.level == TrustLevel.UNVERIFIED:
        return "E-mail confirmed" if user.email_confirmed_at else "Not verified"
    return str(TrustLevel(trust.level).label)


def trust_line(user) -> str:
    """The plain-text trust summary shown under a name ("Physician · NPI verified Nov 2026")."""
    trust = policies.trust_of(user)
    return trust.summary or _fallback_summary(user, trust)


def trust_panel_for_handle(viewer, handle: str) -> TrustPanel:
    from primum.social.selectors import access_user

    return trust_panel(viewer, access_user(viewer, handle))


# --- Short hints for lists (notifications, message requests) ----------------------------------


@dataclass
class TrustHint:
    summary: str
    level: int
    level_label: str
    joined_at: datetime
    viewer_follows: bool


def trust_hints(viewer, users) -> dict[int, TrustHint]:
    """A one-line trust hint per user, for lists: two queries whatever the number of users."""
    ids = {u.pk for u in users if getattr(u, "pk", None)}
    if not ids:
        return {}
    statuses = {
        s.user_id: s for s in TrustStatus.objects.filter(user_id__in=ids).only(
            "user_id", "level", "summary", "is_verified_clinician"
        )
    }  # fmt: skip
    followed: set[int] = set()
    if viewer.is_authenticated:
        from primum.social.models import Follow

        followed = set(
            Follow.objects.filter(follower=viewer, followee_id__in=ids).values_list(
                "followee_id", flat=True
            )
        )
    hints: dict[int, TrustHint] = {}
    for user in users:
        status = statuses.get(user.pk) or TrustStatus(user_id=user.pk)
        hints[user.pk] = TrustHint(
            summary=status.summary or _fallback_summary(user, status),
            level=int(status.level),
            level_label=str(TrustLevel(status.level).label),
            joined_at=user.date_joined,
            viewer_follows=user.pk in followed,
        )
    return hints


# --- Vouches ---------------------------------------------------------------------------------


def vouch_between(voucher, vouchee) -> Vouch | None:
    """The voucher's active vouch for ``vouchee``, if any (for the vouch button's state)."""
    if not voucher.is_authenticated or voucher.pk == vouchee.pk:
        return None
    return Vouch.objects.filter(voucher=voucher, vouchee=vouchee, withdrawn_at__isnull=True).first()


def vouches_given(user):
    return (
        Vouch.objects.filter(voucher=user, withdrawn_at__isnull=True)
        .select_related("vouchee__profile")
        .order_by("-id")
    )


# --- Private identity (verifiers and staff only; audited) ------------------------------------


@dataclass
class PrivateCredential:
    id: int
    method: str
    status: str
    npi_number: str
    legal_first_name: str
    legal_last_name: str
    licence_state: str
    licence_number: str
    institutional_email: str
    documents: list[dict]


@dataclass
class PrivateIdentity:
    handle: str
    email: str
    first_name: str
    last_name: str
    is_pseudonymous: bool
    affiliation: str
    credentials: list[PrivateCredential]


def access_private_identity(actor, user) -> PrivateIdentity:
    """Real name, e-mail, NPI, licence numbers and documents of ``user``, for verifiers and
    staff only. Anyone else gets NotFound (the private record is not theirs to know about).
    Every successful view is written to the audit log before anything is returned."""
    if not policies.can_view_private_identity(actor) or user is None:
        raise NotFound("Not found.", code="not_found")
    user = User.objects.select_related("profile").filter(pk=user.pk).first()
    if user is None:
        raise NotFound("Not found.", code="not_found")
    credentials = list(
        Credential.objects.filter(user=user).prefetch_related("documents").order_by("-id")
    )
    audit_log_write(
        actor=actor,
        action="identity.private_identity_view",
        target=user,
        target_label=f"@{user.username}",
        extra={"credential_ids": [c.pk for c in credentials]},
    )
    profile = getattr(user, "profile", None)
    return PrivateIdentity(
        handle=user.username,
        email=user.email,
        first_name=user.first_name,
        last_name=user.last_name,
        is_pseudonymous=bool(profile and profile.is_pseudonymous),
        affiliation=profile.affiliation if profile else "",
        credentials=[
            PrivateCredential(
                id=c.pk,
                method=c.method,
                status=c.status,
                npi_number=c.npi_number,
                legal_first_name=c.legal_first_name,
                legal_last_name=c.legal_last_name,
                licence_state=c.licence_state,
                licence_number=c.licence_number,
                institutional_email=c.institutional_email,
                documents=[
                    {
                        "id": d.pk,
                        "content_type": d.content_type,
                        "size": d.size,
                        "original_name": d.original_name,
                        "uploaded_at": d.created_at,
                    }
                    for d in c.documents.all()
                ],
            )
            for c in credentials
        ],
    )
