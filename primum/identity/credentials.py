"""Credentials: the state machine and the services behind every verification method except
peer vouching (``primum.identity.vouching``).

States and the only allowed transitions (``TRANSITIONS``)::

    pending              → verified | rejected | needs_more | registry_unreachable
    registry_unreachable → pending (retry) | verified | rejected
    needs_more           → pending (the user added information or a document)
    verified             → withdrawn (by the user) | expired (by time) | rejected (by a verifier)

Every change goes through ``credential_transition``: it locks the row, refuses anything else
with ``InvalidTransition`` (code ``invalid_transition``), writes a ``CredentialEvent`` and an
audit-log entry, and recomputes the owner's trust status — all in one transaction.

Methods: the NPI registry (``npi_check_start`` → task ``npi_check`` → ``npi_check_run``),
document review (``document_submit``, decided in the verifier queue by ``credential_decide``),
and institutional e-mail (``institutional_email_request`` → link → ``..._confirm``).
Organisations and their domains are registered by staff (``organisation_create``,
``organisation_domain_add``).

Selectors at the end read credentials for their owner and for verifiers; the verifier ones
write an audit entry for every view of private data (names, NPI, documents).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from primum.accounts.vocabulary import Profession, Specialty
from primum.core.audit import audit_log_write
from primum.core.errors import (
    Conflict,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from primum.core.ratelimit import check_write_rate, hit
from primum.core.signed_links import signed_link_load, signed_link_token
from primum.core.tasks import after_commit
from primum.core.text import TextProblem, clean_text
from primum.identity import documents as document_storage
from primum.identity import npi
from primum.identity.models import (
    Credential,
    CredentialEvent,
    Organisation,
    OrganisationDomain,
    VerificationDocument,
)
from primum.identity.trust import trust_recompute
from primum.identity.vouching import vouchees_reconcile

S = Credential.Status
M = Credential.Method

TRANSITIONS: dict[str, frozenset[str]] = {
    S.PENDING: frozenset({S.VERIFIED, S.REJECTED, S.NEEDS_MORE, S.REGISTRY_UNREACHABLE}),
    S.REGISTRY_UNREACHABLE: frozenset({S.PENDING, S.VERIFIED, S.REJECTED}),
    S.NEEDS_MORE: frozenset({S.PENDING}),
    S.VERIFIED: frozenset({S.WITHDRAWN, S.EXPIRED, S.REJECTED}),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.EXPIRED: frozenset(),
}
# A user may have at most one credential per method in these states at a time.
OPEN_STATUSES = (S.PENDING, S.REGISTRY_UNREACHABLE, S.NEEDS_MORE)
EXPIRY_SYSTEM = "Primum expiry"
EMAIL_SYSTEM = "Primum institutional e-mail confirmation"
MAX_DOCUMENTS_PER_CREDENTIAL = 5

US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "PR",
        "VI",
        "GU",
        "AS",
        "MP",
        "AA",
        "AE",
        "AP",
    ]
)

# Free mail providers: an address there proves nothing about an affiliation, so these
# domains can never be registered for an organisation.
FREE_MAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "ymail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "gmx.com",
        "gmx.de",
        "gmx.net",
        "mail.com",
        "yandex.com",
        "yandex.ru",
        "zoho.com",
        "hey.com",
        "fastmail.com",
        "tutanota.com",
        "tuta.io",
        "qq.com",
        "163.com",
        "126.com",
        "web.de",
        "t-online.de",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "libero.it",
        "mail.ru",
        "inbox.com",
        "hushmail.com",
        "comcast.net",
        "verizon.net",
        "att.net",
    ]
)
DOMAIN_RE = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class InvalidTransition(Conflict):
    code = "invalid_transition"
    default_message = "This credential cannot change to that state now."


class DomainNotRegistered(ValidationError):
    code = "domain_not_registered"
    default_message = (
        "No organisation has registered this e-mail domain with Primum. "
        "Use another verification method, or ask your organisation to register."
    )


def can_review_credentials(actor) -> bool:
    """Verifiers (permission ``identity.review_credential``, e.g. the verifier group) and staff."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return bool(actor.is_staff or actor.has_perm("identity.review_credential"))


def _require_user(actor) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise NotAuthenticated()


def _require_reviewer(actor) -> None:
    _require_user(actor)
    if not can_review_credentials(actor):
        raise PermissionDenied("Only verifiers can review credentials.")


def _require_staff(actor) -> None:
    _require_user(actor)
    if not actor.is_staff:
        raise PermissionDenied("Only staff can manage organisations.")


def _line(value: object, *, field: str, max_length: int, what: str, required: bool) -> str:
    try:
        return clean_text(
            value, max_length=max_length, allow_empty=not required, multiline=False, what=what
        )
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field=field) from None


def _choice(value: object, choices, *, field: str, required: bool) -> str:
    value = "" if value is None else value
    if not isinstance(value, str) or value not in choices.values or (required and not value):
        raise ValidationError(
            f"Choose one of the listed values for {field.replace('_', ' ')}.",
            code="invalid_choice",
            field=field,
        )
    return value


def _state(value: object, *, required: bool) -> str:
    state = _line(value, field="state", max_length=2, what="The state", required=required).upper()
    if state and state not in US_STATES:
        raise ValidationError(
            "Enter the two-letter code of a US state or territory.",
            code="invalid_state",
            field="state",
        )
    return state


def _id(value: object, *, what: str = "credential") -> int:
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise NotFound(f"This {what} does not exist.") from None
    if number <= 0 or number > 2**62:
        raise NotFound(f"This {what} does not exist.")
    return number


# --- The state machine -----------------------------------------------------------------


def _record(credential: Credential, *, actor, from_status: str, note: str, system: str) -> None:
    CredentialEvent.objects.create(
        credential=credential,
        actor=actor if getattr(actor, "pk", None) else None,
        from_status=from_status,
        to_status=credential.status,
        note=note[:500],
    )
    audit_log_write(
        actor=actor if getattr(actor, "pk", None) else None,
        action="credential.created" if not from_status else f"credential.{credential.status}",
        target=credential,
        extra={
            "method": credential.method,
            "from": from_status,
            "to": credential.status,
            "user_id": credential.user_id,
            "system": system,
            "note": note[:500],
        },
    )


@transaction.atomic
def credential_transition(
    *,
    credential: Credential,
    to_status: str,
    actor=None,
    system: str = "",
    note: str = "",
    changes: dict[str, Any] | None = None,
) -> Credential:
    """Move a credential to ``to_status`` if the state machine allows it (see module doc)."""
    locked = Credential.objects.select_for_update().get(pk=credential.pk)
    from_status = locked.status
    if to_status not in TRANSITIONS.get(from_status, frozenset()):
        raise InvalidTransition(
            f"A credential that is {locked.get_status_display().lower()} cannot become "
            f"{S(to_status).label.lower() if to_status in S.values else to_status}.",
            detail={"from": from_status, "to": to_status},
        )
    now = timezone.now()
    for name, value in (changes or {}).items():
        setattr(locked, name, value)
    locked.status = to_status
    if to_status in (S.VERIFIED, S.REJECTED, S.NEEDS_MORE):
        locked.checked_at = now
        locked.checked_by = actor if getattr(actor, "pk", None) else None
        locked.checked_by_system = system[:80]
        locked.reviewer_reason = note[:500]
    elif to_status == S.REGISTRY_UNREACHABLE:
        locked.checked_by_system = system[:80]
        locked.reviewer_reason = note[:500]
    locked.full_clean()
    locked.save()
    _record(locked, actor=actor, from_status=from_status, note=note, system=system)
    _trust_changed(locked.user)
    credential.refresh_from_db()
    return locked


@transaction.atomic
def _credential_create(
    *, user, actor, method: str, status: str, note: str = "", system: str = "", **fields
) -> Credential:
    credential = Credential(user=user, method=method, status=status, **fields)
    if status == S.VERIFIED:
        credential.checked_at = timezone.now()
        credential.checked_by_system = system[:80]
    credential.full_clean()
    credential.save()
    _record(credential, actor=actor, from_status="", note=note, system=system)
    _trust_changed(user)
    return credential


def _trust_changed(user) -> None:
    """Recompute the user's trust, then re-count the vouches they gave: a voucher whose own
    credential lapsed no longer verifies anyone, and one newly verified may now do so."""
    trust_recompute(user)
    vouchees_reconcile(voucher=user)


def _open_credential_exists(user, method: str) -> bool:
    return Credential.objects.filter(user=user, method=method, status__in=OPEN_STATUSES).exists()


# --- NPI registry -----------------------------------------------------------------------


def npi_recheck_days() -> int:
    return int(getattr(settings, "PRIMUM_NPI_RECHECK_DAYS", 365))


def clean_npi(value: object) -> str:
    number = _line(value, field="npi", max_length=20, what="The NPI", required=True)
    number = re.sub(r"[\s-]", "", number)
    if not npi.npi_is_valid(number):
        raise ValidationError(
            "This is not a valid NPI: an NPI has 10 digits and its last digit is a check digit.",
            code="invalid_npi",
            field="npi",
        )
    return number


def npi_check_start(
    *, user, npi_number: object, first_name: object, last_name: object, state: object
) -> Credential:
    """Record an NPI claim and look it up in the registry (a task; eager without a broker)."""
    _require_user(user)
    number = clean_npi(npi_number)
    first = _line(
        first_name, field="first_name", max_length=80, what="The first name", required=True
    )
    last = _line(last_name, field="last_name", max_length=80, what="The last name", required=True)
    licence_state = _state(state, required=True)
    check_write_rate(user.pk)
    hit(f"npi-check:{user.pk}", limit=10, window_seconds=3600)
    with transaction.atomic():
        if Credential.objects.filter(
            user=user, method=M.NPI, status__in=(*OPEN_STATUSES, S.VERIFIED)
        ).exists():
            raise Conflict(
                "You already have an NPI check in progress or verified. Withdraw it first.",
                code="credential_exists",
                field="npi",
            )
        credential = _credential_create(
            user=user,
            actor=user,
            method=M.NPI,
            status=S.PENDING,
            npi_number=number,
            legal_first_name=first,
            legal_last_name=last,
            licence_state=licence_state,
        )
    from primum.identity import tasks

    after_commit(tasks.npi_check.delay, credential.pk)
    credential.refresh_from_db()
    return credential


def npi_check_run(*, credential_id: int) -> Credential | None:
    """Query the registry for a pending or unreachable NPI credential and record the outcome.

    Idempotent: a credential in any other state is left alone. The HTTP request runs
    outside any transaction; the outcome is written under a row lock."""
    credential = Credential.objects.filter(pk=credential_id, method=M.NPI).first()
    if credential is None or credential.status not in (S.PENDING, S.REGISTRY_UNREACHABLE):
        return credential
    try:
        data = npi.registry_fetch(credential.npi_number)
    except npi.RegistryUnreachable as problem:
        if credential.status == S.PENDING:
            with transaction.atomic():
                current = Credential.objects.select_for_update().get(pk=credential.pk)
                if current.status == S.PENDING:
                    credential_transition(
                        credential=current,
                        to_status=S.REGISTRY_UNREACHABLE,
                        system=npi.SYSTEM_NAME,
                        note="The NPI registry did not answer; we will try again automatically.",
                        changes={"registry_response": {"unreachable": str(problem)[:200]}},
                    )
        credential.refresh_from_db()
        return credential
    result = npi.registry_match(
        data,
        number=credential.npi_number,
        first_name=credential.legal_first_name,
        last_name=credential.legal_last_name,
        state=credential.licence_state,
    )
    with transaction.atomic():
        current = Credential.objects.select_for_update().get(pk=credential.pk)
        if current.status not in (S.PENDING, S.REGISTRY_UNREACHABLE):
            return current
        if (
            result.outcome == "verified"
            and Credential.objects.filter(
                method=M.NPI, npi_number=current.npi_number, status=S.VERIFIED
            )
            .exclude(user_id=current.user_id)
            .exists()
        ):
            result.outcome = "rejected"
            result.reason = "This NPI is already verified for another Primum account."
        if result.outcome == "verified":
            return credential_transition(
                credential=current,
                to_status=S.VERIFIED,
                system=npi.SYSTEM_NAME,
                changes={
                    "claimed_profession": result.profession,
                    "claimed_specialty": result.specialty,
                    "public_summary": result.summary[:300],
                    "registry_response": result.record,
                    "expires_at": timezone.now() + timedelta(days=npi_recheck_days()),
                },
            )
        return credential_transition(
            credential=current,
            to_status=S.REJECTED,
            system=npi.SYSTEM_NAME,
            note=result.reason,
            changes={"registry_response": result.record},
        )


def npi_check_retry(*, actor, credential_id: object) -> Credential:
    """The owner asks to try an unreachable registry again now (→ pending, then the check)."""
    credential = access_own_credential(actor, credential_id)
    if credential.method != M.NPI:
        raise InvalidTransition("Only an NPI check can be retried.")
    hit(f"npi-check:{actor.pk}", limit=10, window_seconds=3600)
    credential_transition(
        credential=credential, to_status=S.PENDING, actor=actor, note="Retry requested."
    )
    from primum.identity import tasks

    after_commit(tasks.npi_check.delay, credential.pk)
    credential.refresh_from_db()
    return credential


def npi_retry_unreachable() -> int:
    """Periodic: try every credential whose registry lookup could not be completed."""
    ids = list(
        Credential.objects.filter(method=M.NPI, status=S.REGISTRY_UNREACHABLE)
        .order_by("id")
        .values_list("id", flat=True)[:500]
    )
    for credential_id in ids:
        npi_check_run(credential_id=credential_id)
    return len(ids)


# --- Expiry and withdrawal -------------------------------------------------------------


def credentials_expire(*, now: datetime | None = None) -> int:
    """Periodic and idempotent: verified credentials past ``expires_at`` become expired."""
    now = now or timezone.now()
    ids = list(
        Credential.objects.filter(status=S.VERIFIED, expires_at__lte=now)
        .order_by("id")
        .values_list("id", flat=True)
    )
    expired = 0
    for credential_id in ids:
        with transaction.atomic():
            credential = Credential.objects.select_for_update().get(pk=credential_id)
            if (
                credential.status != S.VERIFIED
                or not credential.expires_at
                or credential.expires_at > now
            ):
                continue
            credential_transition(
                credential=credential,
                to_status=S.EXPIRED,
                system=EXPIRY_SYSTEM,
                note="The credential reached its expiry date.",
            )
            expired += 1
    return expired


def credential_withdraw(*, actor, credential_id: object) -> Credential:
    """The owner withdraws one of their verified credentials."""
    credential = access_own_credential(actor, credential_id)
    check_write_rate(actor.pk)
    return credential_transition(
        credential=credential, to_status=S.WITHDRAWN, actor=actor, note="Withdrawn by the owner."
    )


# --- Documents --------------------------------------------------------------------------


def document_submit(
    *,
    user,
    file,
    credential_id: object = None,
    profession: object = "",
    legal_first_name: object = "",
    legal_last_name: object = "",
    licence_state: object = "",
    licence_number: object = "",
) -> Credential:
    """Upload a licence or ID document: a new document credential, or one more document for
    a credential the verifier asked more of (needs_more → pending)."""
    _require_user(user)
    existing: Credential | None = None
    if credential_id not in (None, ""):
        existing = access_own_credential(user, credential_id)
        if existing.method != M.DOCUMENT or existing.status not in (S.PENDING, S.NEEDS_MORE):
            raise InvalidTransition(
                "Documents can be added only to a document review that is pending or "
                "waiting for more information.",
                field="credential_id",
            )
        if existing.documents.count() >= MAX_DOCUMENTS_PER_CREDENTIAL:
            raise Conflict(
                f"A review takes at most {MAX_DOCUMENTS_PER_CREDENTIAL} documents.",
                code="too_many_documents",
                field="file",
            )
        claims: dict[str, Any] = {}
    else:
        claims = {
            "claimed_profession": _choice(
                profession, Profession, field="profession", required=True
            ),
            "legal_first_name": _line(
                legal_first_name,
                field="legal_first_name",
                max_length=80,
                what="The legal first name",
                required=True,
            ),
            "legal_last_name": _line(
                legal_last_name,
                field="legal_last_name",
                max_length=80,
                what="The legal last name",
                required=True,
            ),
            "licence_state": _state(licence_state, required=False),
            "licence_number": _line(
                licence_number,
                field="licence_number",
                max_length=40,
                what="The licence number",
                required=False,
            ),
        }
        if _open_credential_exists(user, M.DOCUMENT):
            raise Conflict(
                "You already have a document review open; add documents to it instead.",
                code="credential_exists",
                field="file",
            )
    check_write_rate(user.pk)
    hit(f"document-upload:{user.pk}", limit=20, window_seconds=3600)
    stored = document_storage.document_store(file)
    original = str(getattr(file, "name", "") or "")
    try:
        original = clean_text(original, max_length=200, allow_empty=True, multiline=False)
    except TextProblem:
        original = ""
    try:
        with transaction.atomic():
            if existing is None:
                credential = _credential_create(
                    user=user, actor=user, method=M.DOCUMENT, status=S.PENDING, **claims
                )
            else:
                credential = Credential.objects.select_for_update().get(pk=existing.pk)
                if credential.status not in (S.PENDING, S.NEEDS_MORE):
                    raise InvalidTransition(field="credential_id")
            document = VerificationDocument(
                credential=credential,
                storage_name=stored.storage_name,
                original_name=original,
                content_type=stored.content_type,
                size=stored.size,
                sha256=stored.sha256,
            )
            document.full_clean()
            document.save()
            audit_log_write(
                actor=user,
                action="credential.document_uploaded",
                target=document,
                extra={
                    "credential_id": credential.pk,
                    "size": stored.size,
                    "type": stored.content_type,
                },
            )
            if credential.status == S.NEEDS_MORE:
                credential_transition(
                    credential=credential,
                    to_status=S.PENDING,
                    actor=user,
                    note="The owner added a document.",
                )
    except BaseException:
        document_storage.document_discard(stored.storage_name)
        raise
    credential.refresh_from_db()
    return credential


# --- Verifier decisions -------------------------------------------------------------------

DECISIONS = {"approve": S.VERIFIED, "reject": S.REJECTED, "needs_more": S.NEEDS_MORE}


def credential_decide(
    *,
    actor,
    credential_id: object,
    decision: object,
    reason: object,
    profession: object = "",
    specialty: object = "",
    expires_at: object = None,
) -> Credential:
    """A verifier approves, rejects or asks for more, always with a reason the owner sees."""
    _require_reviewer(actor)
    number = _id(credential_id)
    credential = Credential.objects.filter(pk=number).first()
    if credential is None:
        raise NotFound("This credential does not exist.")
    if credential.user_id == actor.pk:
        raise PermissionDenied("You cannot review your own credential.")
    if not isinstance(decision, str) or decision not in DECISIONS:
        raise ValidationError(
            "Choose approve, reject or ask for more.", code="invalid_choice", field="decision"
        )
    note = _line(reason, field="reason", max_length=500, what="The reason", required=True)
    changes: dict[str, Any] = {}
    if decision == "approve":
        chosen = profession or credential.claimed_profession
        changes["claimed_profession"] = _choice(
            chosen, Profession, field="profession", required=True
        )
        changes["claimed_specialty"] = _choice(
            specialty or credential.claimed_specialty, Specialty, field="specialty", required=False
        )
        changes["expires_at"] = _expiry(expires_at)
        changes["public_summary"] = (
            "licence or document reviewed by a Primum verifier"
            if credential.method == M.DOCUMENT
            else "NPI checked by a Primum verifier"
        )
    check_write_rate(actor.pk)
    return credential_transition(
        credential=credential,
        to_status=DECISIONS[decision],
        actor=actor,
        note=note,
        changes=changes,
    )


def _expiry(value: object):
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        when = value
    else:
        from datetime import date

        if isinstance(value, date):
            day = value
        else:
            try:
                day = date.fromisoformat(str(value)[:10]) if len(str(value)) == 10 else None
            except ValueError:
                day = None
            if day is None:
                raise ValidationError(
                    "Enter the expiry date as YYYY-MM-DD.", code="invalid_date", field="expires_at"
                )
        when = datetime.combine(day, datetime.min.time(), tzinfo=timezone.get_current_timezone())
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    if when <= timezone.now():
        raise ValidationError(
            "The expiry date must be in the future.", code="invalid_date", field="expires_at"
        )
    return when


# --- Organisations and institutional e-mail -------------------------------------------------

EMAIL_SALT = "primum.identity.institutional-email"
EMAIL_MAX_AGE = 3 * 24 * 60 * 60  # three days


def clean_domain(value: object) -> str:
    domain = _line(value, field="domain", max_length=253, what="The domain", required=True)
    domain = domain.lower().lstrip("@").rstrip(".")
    if not DOMAIN_RE.match(domain):
        raise ValidationError(
            "Enter a domain such as example.org.", code="invalid_domain", field="domain"
        )
    return domain


@transaction.atomic
def organisation_create(
    *,
    actor,
    name: object,
    slug: object,
    kind: object = Organisation.Kind.HOSPITAL,
    website: object = "",
) -> Organisation:
    _require_staff(actor)
    organisation = Organisation(
        name=_line(name, field="name", max_length=160, what="The name", required=True),
        slug=_line(slug, field="slug", max_length=80, what="The slug", required=True).lower(),
        kind=_choice(kind, Organisation.Kind, field="kind", required=True),
        website=_line(website, field="website", max_length=200, what="The website", required=False),
    )
    if not re.fullmatch(r"[a-z0-9-]{2,80}", organisation.slug):
        raise ValidationError(
            "A slug has lower-case letters, digits and hyphens.", code="invalid_slug", field="slug"
        )
    if Organisation.objects.filter(slug=organisation.slug).exists():
        raise Conflict("That slug is taken.", code="slug_taken", field="slug")
    if organisation.website and not re.match(r"^https?://", organisation.website):
        raise ValidationError(
            "The website must start with https://.", code="invalid_url", field="website"
        )
    try:
        organisation.full_clean()
    except Exception as error:  # Django's ValidationError: report the first field
        raise ValidationError(
            "Check the organisation's details.", code="invalid", field="website"
        ) from error
    organisation.save()
    audit_log_write(actor=actor, action="organisation.created", target=organisation)
    return organisation


@transaction.atomic
def organisation_domain_add(
    *, actor, organisation_id: object, domain: object
) -> OrganisationDomain:
    _require_staff(actor)
    organisation = Organisation.objects.filter(pk=_id(organisation_id, what="organisation")).first()
    if organisation is None:
        raise NotFound("This organisation does not exist.")
    value = clean_domain(domain)
    if value in FREE_MAIL_DOMAINS:
        raise ValidationError(
            "Free e-mail providers cannot be registered: an address there proves no affiliation.",
            code="free_mail_domain",
            field="domain",
        )
    if OrganisationDomain.objects.filter(domain=value).exists():
        raise Conflict("That domain is already registered.", code="domain_taken", field="domain")
    entry = OrganisationDomain(organisation=organisation, domain=value)
    entry.full_clean()
    entry.save()
    audit_log_write(
        actor=actor,
        action="organisation.domain_added",
        target=entry,
        extra={"organisation_id": organisation.pk},
    )
    return entry


def organisation_for_email(email: str) -> Organisation | None:
    """The organisation registered for the address's domain or a parent domain."""
    domain = email.rpartition("@")[2].lower()
    labels = domain.split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    match = (
        OrganisationDomain.objects.filter(domain__in=candidates)
        .select_related("organisation")
        .order_by("-domain")
    )
    best = max(match, key=lambda d: len(d.domain), default=None)
    return best.organisation if best else None


def _clean_institutional_email(value: object) -> str:
    from primum.accounts.services import clean_email

    try:
        return clean_email(value)
    except ValidationError as error:
        error.detail["field"] = "email"
        raise


def institutional_email_request(*, user, email: object) -> Organisation:
    """Mail a signed confirmation link (valid three days) to an address at a registered domain."""
    _require_user(user)
    address = _clean_institutional_email(email)
    if address.rpartition("@")[2] in FREE_MAIL_DOMAINS:
        raise DomainNotRegistered(field="email")
    organisation = organisation_for_email(address)
    if organisation is None:
        raise DomainNotRegistered(field="email")
    if Credential.objects.filter(
        user=user,
        method=M.INSTITUTIONAL_EMAIL,
        status=S.VERIFIED,
        institutional_email__iexact=address,
    ).exists():
        raise Conflict(
            "This address is already confirmed.", code="already_confirmed", field="email"
        )
    check_write_rate(user.pk)
    hit(f"institutional-mail:{user.pk}", limit=5, window_seconds=3600)
    token = signed_link_token(
        {"u": user.pk, "e": address.lower(), "o": organisation.pk}, salt=EMAIL_SALT
    )
    link = settings.SITE_URL + reverse("identity:email_confirm", kwargs={"token": token})
    body = render_to_string(
        "identity/credentials/email/confirm_institutional.txt",
        {"user": user, "organisation": organisation, "link": link},
    )
    after_commit(
        send_mail, f"Confirm your {organisation.name} address for Primum", body, None, [address]
    )
    return organisation


def institutional_email_confirm(*, user, token: object) -> Credential:
    """Create the verified institutional_email credential (idempotent for the same address)."""
    _require_user(user)
    invalid_message = "This confirmation link is not valid for your account. Ask for a new one."
    data = signed_link_load(
        token, salt=EMAIL_SALT, max_age=EMAIL_MAX_AGE, invalid_message=invalid_message
    )
    if data.get("u") != user.pk:
        raise ValidationError(invalid_message, code="invalid_token", field="token")
    address = str(data.get("e") or "")
    organisation = organisation_for_email(address)
    if organisation is None or organisation.pk != data.get("o"):
        raise DomainNotRegistered(
            "This organisation no longer has this e-mail domain registered.", field="email"
        )
    with transaction.atomic():
        existing = (
            Credential.objects.select_for_update()
            .filter(
                user=user,
                method=M.INSTITUTIONAL_EMAIL,
                status=S.VERIFIED,
                institutional_email__iexact=address,
            )
            .first()
        )
        if existing is not None:
            return existing
        days = int(getattr(settings, "PRIMUM_INSTITUTIONAL_EMAIL_VALID_DAYS", 365))
        return _credential_create(
            user=user,
            actor=user,
            method=M.INSTITUTIONAL_EMAIL,
            status=S.VERIFIED,
            system=EMAIL_SYSTEM,
            note="Confirmed from the link mailed to the address.",
            organisation=organisation,
            institutional_email=address,
            public_summary=f"affiliation with {organisation.name} confirmed by e-mail"[:300],
            expires_at=timezone.now() + timedelta(days=days),
        )


# --- Selectors ---------------------------------------------------------------------------


def credentials_of_owner(user) -> QuerySet[Credential]:
    """The owner's own credentials, newest first, with their documents' count."""
    _require_user(user)
    return (
        Credential.objects.filter(user=user)
        .select_related("organisation")
        .annotate(document_count=Count("documents"))
        .order_by("-created_at", "-id")
    )


def access_own_credential(actor, credential_id: object) -> Credential:
    """The actor's own credential; anyone else's (or none) is 'not found'."""
    _require_user(actor)
    credential = (
        Credential.objects.filter(pk=_id(credential_id), user=actor)
        .select_related("organisation")
        .first()
    )
    if credential is None:
        raise NotFound("This credential does not exist.")
    return credential


def verifier_queue(actor) -> QuerySet[Credential]:
    """Oldest first: documents waiting for review and NPI checks the registry never answered.
    The verifier's own credentials are not in their queue."""
    _require_reviewer(actor)
    return (
        Credential.objects.filter(
            Q(method=M.DOCUMENT, status=S.PENDING) | Q(status=S.REGISTRY_UNREACHABLE)
        )
        .exclude(user=actor)
        .select_related("user", "user__profile")
        .annotate(document_count=Count("documents"))
        .order_by("created_at", "id")
    )


def access_credential_for_review(actor, credential_id: object) -> Credential:
    """A credential with its private fields, for a verifier; the view is audit-logged."""
    _require_reviewer(actor)
    credential = (
        Credential.objects.filter(pk=_id(credential_id))
        .select_related("user", "user__profile", "organisation", "checked_by")
        .prefetch_related("documents", "events")
        .first()
    )
    if credential is None:
        raise NotFound("This credential does not exist.")
    if credential.user_id == actor.pk:
        raise PermissionDenied("You cannot review your own credential.")
    audit_log_write(
        actor=actor,
        action="credential.private_viewed",
        target=credential,
        extra={"user_id": credential.user_id},
    )
    return credential


def access_document_for_download(actor, document_id: object) -> VerificationDocument:
    """A document for a verifier to download; every download is audit-logged."""
    _require_reviewer(actor)
    document = (
        VerificationDocument.objects.filter(pk=_id(document_id, what="document"))
        .select_related("credential")
        .first()
    )
    if document is None:
        raise NotFound("This document does not exist.")
    if document.credential.user_id == actor.pk:
        raise PermissionDenied("You cannot review your own credential.")
    audit_log_write(
        actor=actor,
        action="credential.document_downloaded",
        target=document,
        extra={"credential_id": document.credential_id, "user_id": document.credential.user_id},
    )
    return document


@transaction.atomic
def organisation_domain_remove(*, actor, domain_id: object) -> None:
    """Staff: stop accepting a domain. Credentials already confirmed there stay until they
    expire or a verifier rejects them."""
    _require_staff(actor)
    entry = OrganisationDomain.objects.filter(pk=_id(domain_id, what="domain")).first()
    if entry is None:
        raise NotFound("This domain does not exist.")
    audit_log_write(
        actor=actor,
        action="organisation.domain_removed",
        target=entry,
        extra={"organisation_id": entry.organisation_id},
    )
    entry.delete()
