"""Credential services: the state machine (every allowed and refused transition), the NPI
flow against a local registry, expiry, withdrawal, institutional e-mail, and the API."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.utils import timezone

from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import token_client
from primum.core.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from primum.core.models import AuditLogEntry
from primum.identity import credentials
from primum.identity.credentials import TRANSITIONS, InvalidTransition
from primum.identity.models import (
    Credential,
    CredentialEvent,
    Organisation,
    OrganisationDomain,
    TrustLevel,
    TrustStatus,
)
from primum.identity.tests.test_npi import (
    FOUND,
    NAME_MISMATCH,
    Registry,
    local_registry,
    silent_socket,
)

pytestmark = pytest.mark.django_db
S = Credential.Status


@pytest.fixture
def registry(settings):
    with local_registry(settings) as server:
        yield server


@pytest.fixture
def silent_registry(settings):
    with silent_socket(settings) as listener:
        yield listener


def make_credential(user, *, status=S.PENDING, method=Credential.Method.DOCUMENT, **fields):
    return Credential.objects.create(
        user=user, method=method, status=status, claimed_profession="physician", **fields
    )


# --- The state machine -----------------------------------------------------------------------

ALL_PAIRS = [(a, b) for a in S.values for b in S.values]
ALLOWED = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}


def test_the_table_is_the_one_in_the_brief():
    assert {
        ("pending", "verified"),
        ("pending", "rejected"),
        ("pending", "needs_more"),
        ("pending", "registry_unreachable"),
        ("registry_unreachable", "pending"),
        ("registry_unreachable", "verified"),
        ("registry_unreachable", "rejected"),
        ("needs_more", "pending"),
        ("verified", "withdrawn"),
        ("verified", "expired"),
        ("verified", "rejected"),
    } == ALLOWED


@pytest.mark.parametrize(("from_status", "to_status"), sorted(ALLOWED))
def test_allowed_transition_writes_event_audit_and_trust(from_status, to_status):
    user, verifier = UserFactory(), UserFactory()
    credential = make_credential(user, status=from_status)
    audit_before = AuditLogEntry.objects.count()
    credentials.credential_transition(
        credential=credential, to_status=to_status, actor=verifier, note="because"
    )
    credential.refresh_from_db()
    assert credential.status == to_status
    event = CredentialEvent.objects.get(credential=credential)
    assert (event.from_status, event.to_status, event.actor, event.note) == (
        from_status,
        to_status,
        verifier,
        "because",
    )
    entry = AuditLogEntry.objects.order_by("-id").first()
    assert AuditLogEntry.objects.count() == audit_before + 1
    assert entry.action == f"credential.{to_status}"
    assert (entry.actor, entry.target_id) == (verifier, str(credential.pk))
    assert entry.extra["from"] == from_status
    status = TrustStatus.objects.get(user=user)
    expected = (
        TrustLevel.CREDENTIAL_VERIFIED if to_status == S.VERIFIED else TrustLevel.EMAIL_CONFIRMED
    )
    assert status.level == expected


@pytest.mark.parametrize(("from_status", "to_status"), [p for p in ALL_PAIRS if p not in ALLOWED])
def test_refused_transition_raises_and_changes_nothing(from_status, to_status):
    credential = make_credential(UserFactory(), status=from_status)
    with pytest.raises(InvalidTransition) as info:
        credentials.credential_transition(credential=credential, to_status=to_status)
    assert info.value.code == "invalid_transition"
    assert info.value.status == 409
    credential.refresh_from_db()
    assert credential.status == from_status
    assert not CredentialEvent.objects.exists()
    assert not AuditLogEntry.objects.filter(action__startswith="credential.").exists()


def test_an_unknown_target_status_is_refused():
    credential = make_credential(UserFactory())
    with pytest.raises(InvalidTransition):
        credentials.credential_transition(credential=credential, to_status="approved")


# --- NPI ---------------------------------------------------------------------------------------


def _start(user, number=FOUND, first="Ana", last="Núñez", state="MA"):
    return credentials.npi_check_start(
        user=user, npi_number=number, first_name=first, last_name=last, state=state
    )


def test_npi_check_verifies_with_the_registry(registry):
    user = UserFactory()
    credential = _start(user, number=f" {FOUND[:5]}-{FOUND[5:]} ")
    assert credential.status == S.VERIFIED
    assert credential.checked_by_system == "NPPES NPI Registry API"
    assert (credential.claimed_profession, credential.claimed_specialty) == (
        "physician",
        "medical_oncology",
    )
    assert credential.expires_at > timezone.now() + timedelta(days=300)
    assert credential.registry_response["number"] == int(FOUND)
    assert [(e.from_status, e.to_status) for e in credential.events.all()] == [
        ("", "pending"),
        ("pending", "verified"),
    ]
    assert list(
        AuditLogEntry.objects.filter(target_id=str(credential.pk)).values_list("action", flat=True)
    ) == ["credential.created", "credential.verified"]
    status = TrustStatus.objects.get(user=user)
    assert status.level == TrustLevel.CREDENTIAL_VERIFIED
    assert "NPI verified" in status.summary and FOUND not in status.summary


def test_npi_mismatch_is_rejected_with_a_reason(registry):
    credential = _start(UserFactory(), number=NAME_MISMATCH)
    assert credential.status == S.REJECTED
    assert "name you entered does not match" in credential.reviewer_reason


def test_unreachable_registry_is_pending_and_retried_later(silent_registry, settings):
    user = UserFactory()
    credential = _start(user)
    assert credential.status == S.REGISTRY_UNREACHABLE
    assert credential.get_status_display() == "Registry unreachable — pending"
    assert "try again automatically" in credential.reviewer_reason
    # still unreachable: the periodic retry changes nothing and writes nothing
    events = CredentialEvent.objects.count()
    assert credentials.npi_retry_unreachable() == 1
    credential.refresh_from_db()
    assert credential.status == S.REGISTRY_UNREACHABLE
    assert CredentialEvent.objects.count() == events


def test_periodic_retry_completes_once_the_registry_answers(silent_registry, settings):
    credential = _start(UserFactory())
    assert credential.status == S.REGISTRY_UNREACHABLE
    server = Registry()
    try:
        settings.PRIMUM_NPI_API_URL = server.url
        from primum.identity import tasks

        assert tasks.npi_retry_unreachable.delay().get() == 1
    finally:
        server.close()
    credential.refresh_from_db()
    assert credential.status == S.VERIFIED
    assert [e.to_status for e in credential.events.all()] == [
        "pending",
        "registry_unreachable",
        "verified",
    ]


def test_owner_retry_goes_back_to_pending_then_checks(silent_registry, settings):
    user = UserFactory()
    credential = _start(user)
    server = Registry()
    try:
        settings.PRIMUM_NPI_API_URL = server.url
        credential = credentials.npi_check_retry(actor=user, credential_id=credential.pk)
    finally:
        server.close()
    assert credential.status == S.VERIFIED
    assert [e.to_status for e in credential.events.all()] == [
        "pending",
        "registry_unreachable",
        "pending",
        "verified",
    ]
    with pytest.raises(InvalidTransition):
        credentials.npi_check_retry(actor=user, credential_id=credential.pk)


def test_npi_check_task_is_idempotent(registry):
    credential = _start(UserFactory())
    requests = len(registry.requests)
    credentials.npi_check_run(credential_id=credential.pk)
    assert len(registry.requests) == requests  # a verified credential is not looked up again
    assert credential.events.count() == 2


@pytest.mark.parametrize(
    ("field", "kwargs", "code"),
    [
        ("npi", {"number": "1234567890"}, "invalid_npi"),
        ("npi", {"number": "abc"}, "invalid_npi"),
        ("npi", {"number": ""}, "empty"),
        ("npi", {"number": 1000000012}, "invalid_type"),
        ("first_name", {"first": ""}, "empty"),
        ("first_name", {"first": "A" * 81}, "too_long"),
        ("first_name", {"first": "An\u202ea"}, "bidi_control"),
        ("last_name", {"last": "Nu\u200bnez"}, "invisible_character"),
        ("last_name", {"last": "Nu\x00nez"}, "control_character"),
        ("state", {"state": "XX"}, "invalid_state"),
        ("state", {"state": ""}, "empty"),
    ],
)
def test_npi_bad_input_is_refused_before_any_request(registry, field, kwargs, code):
    with pytest.raises(ValidationError) as info:
        _start(UserFactory(), **kwargs)
    assert (info.value.code, info.value.detail["field"]) == (code, field)
    assert not Credential.objects.exists()
    assert registry.requests == []


def test_one_npi_check_at_a_time_and_one_account_per_npi(registry):
    alice, bob = UserFactory(), UserFactory()
    _start(alice)
    with pytest.raises(Conflict) as info:
        _start(alice)
    assert info.value.code == "credential_exists"
    other = _start(bob)
    assert other.status == S.REJECTED
    assert "another Primum account" in other.reviewer_reason


# --- Expiry and withdrawal -------------------------------------------------------------------------


def test_credentials_expire_is_idempotent():
    user = UserFactory()
    past = make_credential(user, status=S.VERIFIED, expires_at=timezone.now() - timedelta(hours=1))
    future = make_credential(user, status=S.VERIFIED, expires_at=timezone.now() + timedelta(days=1))
    forever = make_credential(user, status=S.VERIFIED, method=Credential.Method.NPI)
    from primum.identity import tasks

    assert tasks.credentials_expire.delay().get() == 1
    assert credentials.credentials_expire() == 0
    past.refresh_from_db(), future.refresh_from_db(), forever.refresh_from_db()
    assert (past.status, future.status, forever.status) == (S.EXPIRED, S.VERIFIED, S.VERIFIED)
    assert past.checked_by_system == ""  # only verified/rejected/needs_more record a checker
    assert AuditLogEntry.objects.filter(action="credential.expired").count() == 1
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert credentials.credentials_expire() == 1
    future.refresh_from_db()
    assert future.status == S.EXPIRED


def test_owner_withdraws_a_verified_credential_only():
    alice, bob = UserFactory(), UserFactory()
    verified = make_credential(alice, status=S.VERIFIED)
    pending = make_credential(alice, method=Credential.Method.NPI)
    credentials.credential_withdraw(actor=alice, credential_id=verified.pk)
    verified.refresh_from_db()
    assert verified.status == S.WITHDRAWN
    with pytest.raises(InvalidTransition):
        credentials.credential_withdraw(actor=alice, credential_id=pending.pk)
    with pytest.raises(NotFound):
        credentials.credential_withdraw(actor=bob, credential_id=pending.pk)
    for bad in (999999, "abc", -1, None, 2**70):
        with pytest.raises(NotFound):
            credentials.credential_withdraw(actor=alice, credential_id=bad)


# --- Organisations and institutional e-mail ----------------------------------------------------------


@pytest.fixture
def staff():
    user = UserFactory()
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def hospital(staff):
    org = credentials.organisation_create(
        actor=staff, name="St. Aurelia Hospital", slug="st-aurelia"
    )
    credentials.organisation_domain_add(actor=staff, organisation_id=org.pk, domain="@Aurelia.ORG")
    return org


def test_only_staff_register_organisations_and_domains(hospital, staff):
    member = UserFactory()
    with pytest.raises(PermissionDenied):
        credentials.organisation_create(actor=member, name="X", slug="x-org")
    with pytest.raises(PermissionDenied):
        credentials.organisation_domain_add(
            actor=member, organisation_id=hospital.pk, domain="x.org"
        )
    assert OrganisationDomain.objects.get().domain == "aurelia.org"
    assert AuditLogEntry.objects.filter(action="organisation.domain_added").count() == 1


@pytest.mark.parametrize(
    ("domain", "code"),
    [
        ("gmail.com", "free_mail_domain"),
        ("Outlook.com", "free_mail_domain"),
        ("not a domain", "invalid_domain"),
        ("localhost", "invalid_domain"),
        ("", "empty"),
        ("a\u202e.org", "bidi_control"),
    ],
)
def test_bad_domains_are_refused(hospital, staff, domain, code):
    with pytest.raises(ValidationError) as info:
        credentials.organisation_domain_add(actor=staff, organisation_id=hospital.pk, domain=domain)
    assert info.value.code == code
    assert OrganisationDomain.objects.count() == 1


def test_a_domain_is_registered_once(hospital, staff):
    with pytest.raises(Conflict) as info:
        credentials.organisation_domain_add(
            actor=staff, organisation_id=hospital.pk, domain="aurelia.org"
        )
    assert info.value.code == "domain_taken"
    with pytest.raises(NotFound):
        credentials.organisation_domain_add(actor=staff, organisation_id=424242, domain="b.org")


def _link_token() -> str:
    body = mail.outbox[-1].body
    return re.search(r"/identity/verification/email/confirm/([^/\s]+)/", body).group(1)


def test_institutional_email_round_trip(hospital):
    user = UserFactory()
    credentials.institutional_email_request(user=user, email="ana.nunez@cardio.aurelia.org")
    assert mail.outbox[-1].to == ["ana.nunez@cardio.aurelia.org"]
    credential = credentials.institutional_email_confirm(user=user, token=_link_token())
    assert (credential.method, credential.status) == ("institutional_email", S.VERIFIED)
    assert credential.organisation == hospital
    assert credential.expires_at is not None
    assert [(e.from_status, e.to_status) for e in credential.events.all()] == [("", "verified")]
    # the same link again is idempotent
    again = credentials.institutional_email_confirm(user=user, token=_link_token())
    assert again.pk == credential.pk
    # affiliation, not profession: the trust level stays "e-mail confirmed"
    assert TrustStatus.objects.get(user=user).level == TrustLevel.EMAIL_CONFIRMED
    with pytest.raises(Conflict) as info:
        credentials.institutional_email_request(user=user, email="ana.nunez@cardio.aurelia.org")
    assert info.value.code == "already_confirmed"


@pytest.mark.parametrize(
    "email", ["ana@unknown-hospital.org", "ana@gmail.com", "ana@aurelia.org.evil.com"]
)
def test_unregistered_domains_are_refused(hospital, email):
    with pytest.raises(ValidationError) as info:
        credentials.institutional_email_request(user=UserFactory(), email=email)
    assert (info.value.code, info.value.detail["field"]) == ("domain_not_registered", "email")
    assert mail.outbox == []


def test_confirmation_links_are_personal_signed_and_expire(hospital):
    alice, mallory = UserFactory(), UserFactory()
    credentials.institutional_email_request(user=alice, email="alice@aurelia.org")
    token = _link_token()
    with pytest.raises(ValidationError) as info:
        credentials.institutional_email_confirm(user=mallory, token=token)
    assert info.value.code == "invalid_token"
    for bad in ("", "x" * 700, token[:-2] + "xx", 12):
        with pytest.raises(ValidationError) as info:
            credentials.institutional_email_confirm(user=alice, token=bad)
        assert info.value.code == "invalid_token"
    forged = signing.dumps(
        {"u": alice.pk, "e": "alice@aurelia.org", "o": hospital.pk}, salt="other"
    )
    with pytest.raises(ValidationError):
        credentials.institutional_email_confirm(user=alice, token=forged)
    with (
        time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)),
        pytest.raises(ValidationError) as info,
    ):
        credentials.institutional_email_confirm(user=alice, token=token)
    assert info.value.code == "expired_token"
    assert not Credential.objects.exists()


def test_a_removed_domain_no_longer_confirms(hospital, staff):
    user = UserFactory()
    credentials.institutional_email_request(user=user, email="u@aurelia.org")
    credentials.organisation_domain_remove(
        actor=staff, domain_id=OrganisationDomain.objects.get().pk
    )
    with pytest.raises(ValidationError) as info:
        credentials.institutional_email_confirm(user=user, token=_link_token())
    assert info.value.code == "domain_not_registered"


# --- API ------------------------------------------------------------------------------------------


def test_api_npi_list_detail_and_withdraw(registry):
    alice, bob = UserFactory(), UserFactory()
    client = token_client(alice)
    response = client.post_json(
        "/verification/npi",
        {"npi": FOUND, "first_name": "Ana", "last_name": "Nunez", "state": "MA"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["npi_number"], body["checked_by"]) == (
        "verified",
        FOUND,
        "NPPES NPI Registry API",
    )
    listed = client.get_json("/verification/credentials").json()
    assert [c["id"] for c in listed] == [body["id"]]
    assert client.get_json(f"/verification/credentials/{body['id']}").json()["npi_number"] == FOUND
    # someone else's credential is not found, through every endpoint
    other = token_client(bob)
    assert other.get_json("/verification/credentials").json() == []
    for method, path in [
        ("GET", f"/verification/credentials/{body['id']}"),
        ("POST", f"/verification/credentials/{body['id']}/withdraw"),
        ("POST", f"/verification/credentials/{body['id']}/retry"),
        ("GET", "/verification/credentials/999999"),
    ]:
        response = other.call(method, path)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
        assert FOUND not in response.content.decode()
    response = client.post_json(f"/verification/credentials/{body['id']}/withdraw")
    assert response.json()["status"] == "withdrawn"
    response = client.post_json(f"/verification/credentials/{body['id']}/withdraw")
    assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")


def test_api_bad_input_is_typed(registry):
    client = token_client(UserFactory())
    response = client.post_json(
        "/verification/npi",
        {"npi": "1234567890", "first_name": "A", "last_name": "B", "state": "MA"},
    )
    assert (response.status_code, response.json()["code"]) == (422, "invalid_npi")
    response = client.post_json("/verification/npi", "{not json")
    assert (response.status_code, response.json()["code"]) == (400, "invalid_json")
    response = client.post_json("/verification/npi", {"npi": FOUND})
    assert response.status_code == 422
    assert not Credential.objects.exists()
    read_only = token_client(UserFactory(), scope="read")
    response = read_only.post_json(
        "/verification/npi", {"npi": FOUND, "first_name": "A", "last_name": "B", "state": "MA"}
    )
    assert (response.status_code, response.json()["code"]) == (403, "insufficient_scope")


def test_api_institutional_email_and_staff_organisations(staff):
    staff_client = token_client(staff)
    response = staff_client.post_json(
        "/verification/organisations", {"name": "Mercy Health", "slug": "mercy", "kind": "hospital"}
    )
    assert response.status_code == 201, response.content
    org_id = response.json()["id"]
    response = staff_client.post_json(
        f"/verification/organisations/{org_id}/domains", {"domain": "mercy.org"}
    )
    assert response.json()["domains"] == ["mercy.org"]
    response = staff_client.post_json(
        f"/verification/organisations/{org_id}/domains", {"domain": "gmail.com"}
    )
    assert (response.status_code, response.json()["code"]) == (422, "free_mail_domain")
    member = token_client(UserFactory())
    response = member.post_json("/verification/organisations", {"name": "Evil", "slug": "evil"})
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    response = member.post_json(
        f"/verification/organisations/{org_id}/domains", {"domain": "evil.org"}
    )
    assert response.status_code == 403
    assert Organisation.objects.count() == 1

    response = member.post_json("/verification/institutional-email", {"email": "x@nowhere.org"})
    assert (response.status_code, response.json()["code"]) == (422, "domain_not_registered")
    response = member.post_json("/verification/institutional-email", {"email": "me@mercy.org"})
    assert response.status_code == 202
    response = member.post_json(
        "/verification/institutional-email/confirm", {"token": _link_token()}
    )
    assert response.status_code == 201
    assert (response.json()["organisation"], response.json()["status"]) == (
        "Mercy Health",
        "verified",
    )
    response = member.post_json("/verification/institutional-email/confirm", {"token": "nope"})
    assert (response.status_code, response.json()["code"]) == (422, "invalid_token")


# --- Pages ------------------------------------------------------------------------------------------


def test_verification_page_shows_status_and_reason(client, registry):
    user = UserFactory()
    _start(user, number=NAME_MISMATCH)
    client.force_login(user)
    response = client.get("/identity/verification/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rejected" in page and "name you entered does not match" in page
    assert 'action="/identity/verification/npi/"' in page


def test_verification_page_npi_form_shows_errors_next_to_the_form(client, registry):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/identity/verification/npi/",
        {"npi": "1234567890", "first_name": "<script>x</script>", "last_name": "B", "state": "MA"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "This is not a valid NPI" in page and 'id="npi-error"' in page
    assert "<script>x</script>" not in page
    response = client.post(
        "/identity/verification/npi/",
        {"npi": FOUND, "first_name": "Ana", "last_name": "Nunez", "state": "MA"},
    )
    assert response.status_code == 302
    assert Credential.objects.get(user=user).status == S.VERIFIED


def test_page_withdraw_and_unknown_ids(client):
    alice, bob = UserFactory(), UserFactory()
    credential = make_credential(alice, status=S.VERIFIED)
    client.force_login(bob)
    assert (
        client.post(f"/identity/verification/credentials/{credential.pk}/withdraw/").status_code
        == 404
    )
    client.force_login(alice)
    assert (
        client.post(f"/identity/verification/credentials/{credential.pk}/withdraw/").status_code
        == 302
    )
    credential.refresh_from_db()
    assert credential.status == S.WITHDRAWN
    assert (
        client.post(f"/identity/verification/credentials/{credential.pk}/withdraw/").status_code
        == 409
    )


def test_page_institutional_email(client, hospital):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/identity/verification/email/", {"email": "me@gmail.com"})
    assert response.status_code == 422
    assert "No organisation has registered" in response.content.decode()
    response = client.post("/identity/verification/email/", {"email": "me@aurelia.org"})
    assert response.status_code == 302
    response = client.get(f"/identity/verification/email/confirm/{_link_token()}/")
    assert response.status_code == 200
    assert "St. Aurelia Hospital" in response.content.decode()
    assert client.get("/identity/verification/email/confirm/garbage/").status_code == 422


def test_pages_need_login(client):
    response = client.get("/identity/verification/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
