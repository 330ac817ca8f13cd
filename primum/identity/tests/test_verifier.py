"""The verifier queue: who may see it (member, verifier, staff), decisions with reasons,
never on one's own credential, audited private views and downloads, pages and API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import token_client
from primum.core.errors import NotFound, PermissionDenied, ValidationError
from primum.core.models import AuditLogEntry
from primum.identity import credentials
from primum.identity.credentials import InvalidTransition
from primum.identity.models import Credential, TrustLevel, TrustStatus

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
CLAIM = {
    "profession": "nurse_practitioner",
    "legal_first_name": "Linda",
    "legal_last_name": "Cho",
    "licence_state": "TX",
    "licence_number": "AP12345",
}


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    settings.PRIMUM_PRIVATE_FILES_DIR = tmp_path / "private"


@pytest.fixture
def verifier():
    group, _ = Group.objects.get_or_create(name="verifier")
    group.permissions.add(Permission.objects.get(codename="review_credential"))
    user = UserFactory()
    user.groups.add(group)
    return user


def submit(user, content=PDF):
    return credentials.document_submit(
        user=user, file=SimpleUploadedFile("licence.pdf", content), **CLAIM
    )


def test_queue_permissions(verifier, client):
    member, staff = UserFactory(), UserFactory(is_staff=False)
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    first = submit(UserFactory())
    second = submit(UserFactory())
    own = submit(verifier)
    unreachable = Credential.objects.create(
        user=member, method="npi", status="registry_unreachable", npi_number="1000000012"
    )
    Credential.objects.create(user=member, method="document", status="needs_more")
    Credential.objects.create(user=member, method="npi", status="pending")
    with pytest.raises(PermissionDenied):
        credentials.verifier_queue(member)
    queue = [c.pk for c in credentials.verifier_queue(verifier)]
    assert queue == [first.pk, second.pk, unreachable.pk]  # oldest first, not their own
    assert own.pk in [c.pk for c in credentials.verifier_queue(staff)]

    client.force_login(member)
    assert client.get("/identity/verification/queue/").status_code == 403
    assert client.get(f"/identity/verification/queue/{first.pk}/").status_code == 403
    client.force_login(verifier)
    page = client.get("/identity/verification/queue/")
    assert page.status_code == 200
    assert f"/identity/verification/queue/{first.pk}/" in page.content.decode()
    assert f"/identity/verification/queue/{own.pk}/" not in page.content.decode()

    response = token_client(member).get_json("/verification/queue")
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    response = token_client(verifier).get_json("/verification/queue")
    assert [c["id"] for c in response.json()] == queue
    assert response.json()[0]["legal_last_name"] == "Cho"


def test_review_page_shows_private_data_and_is_audited(verifier, client):
    credential = submit(UserFactory())
    client.force_login(verifier)
    response = client.get(f"/identity/verification/queue/{credential.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Linda Cho" in page and "AP12345" in page
    entry = AuditLogEntry.objects.filter(action="credential.private_viewed").get()
    assert (entry.actor, entry.target_id) == (verifier, str(credential.pk))
    assert client.get("/identity/verification/queue/999999/").status_code == 404


def test_approve_sets_profession_specialty_and_expiry(verifier, client):
    owner = UserFactory()
    credential = submit(owner)
    client.force_login(verifier)
    expiry = (timezone.now() + timedelta(days=400)).date().isoformat()
    response = client.post(
        f"/identity/verification/queue/{credential.pk}/",
        {
            "decision": "approve",
            "reason": "Licence checked with the Texas board",
            "profession": "nurse_practitioner",
            "specialty": "nursing",
            "expires_at": expiry,
        },
    )
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.status == "verified"
    assert (credential.checked_by, credential.claimed_specialty) == (verifier, "nursing")
    assert credential.expires_at.date().isoformat() == expiry
    assert credential.reviewer_reason == "Licence checked with the Texas board"
    status = TrustStatus.objects.get(user=owner)
    assert status.level == TrustLevel.CREDENTIAL_VERIFIED
    assert "licence reviewed" in status.summary
    assert AuditLogEntry.objects.filter(action="credential.verified", actor=verifier).count() == 1
    # the owner sees the status and reason on their page
    client.force_login(owner)
    page = client.get("/identity/verification/").content.decode()
    assert "Licence checked with the Texas board" in page and "Checked by a Primum verifier" in page
    # a verifier can later revoke it, with a reason
    credentials.credential_decide(
        actor=verifier, credential_id=credential.pk, decision="reject", reason="Licence revoked"
    )
    credential.refresh_from_db()
    assert credential.status == "rejected"
    assert TrustStatus.objects.get(user=owner).level == TrustLevel.EMAIL_CONFIRMED


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"reason": ""}, "reason", "empty"),
        ({"reason": "   "}, "reason", "empty"),
        ({"reason": "x" * 501}, "reason", "too_long"),
        ({"reason": "ok\u202e"}, "reason", "bidi_control"),
        ({"decision": "maybe"}, "decision", "invalid_choice"),
        ({"decision": ""}, "decision", "invalid_choice"),
        ({"profession": "wizard"}, "profession", "invalid_choice"),
        ({"specialty": "astrology"}, "specialty", "invalid_choice"),
        ({"expires_at": "2001-01-01"}, "expires_at", "invalid_date"),
        ({"expires_at": "tomorrow"}, "expires_at", "invalid_date"),
    ],
)
def test_bad_decisions_change_nothing(verifier, client, values, field, code):
    credential = submit(UserFactory())
    data = {"decision": "approve", "reason": "fine", **values}
    with pytest.raises(ValidationError) as info:
        credentials.credential_decide(actor=verifier, credential_id=credential.pk, **data)
    assert (info.value.code, info.value.detail["field"]) == (code, field)
    client.force_login(verifier)
    response = client.post(f"/identity/verification/queue/{credential.pk}/", data)
    assert response.status_code == 422
    assert info.value.message in response.content.decode()
    credential.refresh_from_db()
    assert credential.status == "pending"


def test_ask_for_more_then_reject(verifier):
    owner = UserFactory()
    credential = submit(owner)
    credentials.credential_decide(
        actor=verifier, credential_id=credential.pk, decision="needs_more", reason="Back side"
    )
    credential.refresh_from_db()
    assert (credential.status, credential.reviewer_reason) == ("needs_more", "Back side")
    # nothing to decide until the owner adds a document
    with pytest.raises(InvalidTransition):
        credentials.credential_decide(
            actor=verifier, credential_id=credential.pk, decision="approve", reason="ok"
        )
    credentials.document_submit(
        user=owner, file=SimpleUploadedFile("b.pdf", PDF), credential_id=credential.pk
    )
    credentials.credential_decide(
        actor=verifier, credential_id=credential.pk, decision="reject", reason="Expired licence"
    )
    credential.refresh_from_db()
    assert credential.status == "rejected"


def test_verifiers_cannot_review_their_own_credential(verifier, client):
    credential = submit(verifier)
    with pytest.raises(PermissionDenied) as info:
        credentials.credential_decide(
            actor=verifier, credential_id=credential.pk, decision="approve", reason="me"
        )
    assert info.value.code == "permission_denied"
    with pytest.raises(PermissionDenied):
        credentials.access_credential_for_review(verifier, credential.pk)
    document = credential.documents.get()
    with pytest.raises(PermissionDenied):
        credentials.access_document_for_download(verifier, document.pk)
    client.force_login(verifier)
    response = client.post(
        f"/identity/verification/queue/{credential.pk}/", {"decision": "approve", "reason": "me"}
    )
    assert response.status_code == 403
    response = token_client(verifier).post_json(
        f"/verification/queue/{credential.pk}/decision", {"decision": "approve", "reason": "me"}
    )
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    credential.refresh_from_db()
    assert credential.status == "pending"


def test_members_cannot_decide_and_unknown_ids_are_not_found(verifier):
    member = UserFactory()
    credential = submit(UserFactory())
    with pytest.raises(PermissionDenied):
        credentials.credential_decide(
            actor=member, credential_id=credential.pk, decision="approve", reason="ok"
        )
    for bad in (999999, "x", None, -3):
        with pytest.raises(NotFound):
            credentials.credential_decide(
                actor=verifier, credential_id=bad, decision="approve", reason="ok"
            )
    api = token_client(verifier)
    response = api.post_json(
        "/verification/queue/999999/decision", {"decision": "approve", "reason": "ok"}
    )
    assert response.status_code == 404
    response = api.post_json(
        f"/verification/queue/{credential.pk}/decision", {"decision": "approve", "reason": ""}
    )
    assert (response.status_code, response.json()["code"]) == (422, "empty")
    response = api.post_json(
        f"/verification/queue/{credential.pk}/decision",
        {"decision": "approve", "reason": "Board lookup matches", "specialty": "nursing"},
    )
    assert response.json()["status"] == "verified"
    detail = api.get_json(f"/verification/queue/{credential.pk}").json()
    assert detail["licence_number"] == "AP12345"
    assert [e["to"] for e in detail["events"]] == ["pending", "verified"]


def test_download_is_an_audited_attachment(verifier, client):
    owner, member = UserFactory(), UserFactory()
    credential = submit(owner)
    document = credential.documents.get()
    url = f"/identity/documents/{document.pk}/download/"
    client.force_login(verifier)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF
    entry = AuditLogEntry.objects.get(action="credential.document_downloaded")
    assert (entry.actor, entry.target_id) == (verifier, str(document.pk))
    assert client.get("/identity/documents/999999/download/").status_code == 404
    for who in (member, owner):  # the owner is not a verifier either
        client.force_login(who)
        assert client.get(url).status_code == 403
    response = token_client(verifier).get(f"/api/v1/verification/documents/{document.pk}/download")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    response = token_client(member).get(f"/api/v1/verification/documents/{document.pk}/download")
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert AuditLogEntry.objects.filter(action="credential.document_downloaded").count() == 2


def test_private_fields_stay_out_of_other_users_answers(verifier):
    owner, stranger = UserFactory(), UserFactory()
    credential = submit(owner)
    credentials.credential_decide(
        actor=verifier, credential_id=credential.pk, decision="approve", reason="ok"
    )
    for path in (f"/users/{owner.username}", f"/users/{owner.username}/trust"):
        response = token_client(stranger).get_json(path)
        assert response.status_code == 200
        text = response.content.decode()
        assert "AP12345" not in text and "Linda" not in text


def test_admin_registers_organisations_through_the_services(client, settings):
    from primum.identity.models import Organisation

    settings.PRIMUM_REQUIRE_STAFF_2FA = False
    admin = UserFactory()
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    credential = Credential.objects.create(
        user=UserFactory(), method="npi", status="verified", npi_number="1000000012"
    )
    client.force_login(admin)
    for url in (
        "/admin/identity/credential/",
        "/admin/identity/organisation/",
        "/admin/identity/organisationdomain/",
    ):
        assert client.get(url).status_code == 200
    page = client.get(f"/admin/identity/credential/{credential.pk}/change/")
    assert page.status_code == 200 and "1000000012" in page.content.decode()
    assert AuditLogEntry.objects.filter(action="credential.private_viewed", actor=admin).exists()
    response = client.post(
        "/admin/identity/organisation/add/",
        {
            "name": "Mercy",
            "slug": "mercy",
            "kind": "hospital",
            "website": "",
            "domains-TOTAL_FORMS": "0",
            "domains-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    org = Organisation.objects.get()
    client.post(
        "/admin/identity/organisationdomain/add/", {"organisation": org.pk, "domain": "gmail.com"}
    )
    assert not org.domains.exists()
    client.post(
        "/admin/identity/organisationdomain/add/", {"organisation": org.pk, "domain": "mercy.org"}
    )
    assert org.domains.get().domain == "mercy.org"
    assert AuditLogEntry.objects.filter(action="organisation.domain_added").count() == 1
