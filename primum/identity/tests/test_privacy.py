"""The role-by-field privacy table for a pseudonymous, verified clinician.

Fields: e-mail, NPI, legal name, licence number, institutional e-mail, documents, and the
affiliation of a pseudonymous user. Roles: owner, follower, stranger, blocked, verifier,
staff, anonymous. Surfaces: the profile page and API, the trust panel page and API, a post
page and the feed API, people search (page and API, searching FOR each secret), the data
export of another user, error messages, and the private-identity page and API (verifiers and
staff only, audited).
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from primum.accounts import services as account_services
from primum.accounts.tests.factories import UserFactory
from primum.core.models import AuditLogEntry
from primum.identity.models import Credential, Organisation, VerificationDocument
from primum.identity.privacy import pseudonym_set
from primum.identity.tests.helpers import age, verify
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db

SECRETS = {
    "email": "rosalind.quill@example.org",
    "npi": "1234567893",
    "legal_name": "Quillfeather",
    "licence_number": "LIC778899",
    "institutional_email": "rq@aurelia-hospital.org",
    "document": "quillfeather-licence-scan.pdf",
    "affiliation": "Aurelia Hospital",
}
ROLES = ["owner", "follower", "stranger", "blocked", "verifier", "staff", "anonymous"]
PRIVATE_READERS = {"verifier", "staff"}


@pytest.fixture
def cast():
    owner = age(
        UserFactory(
            username="nightowl", email=SECRETS["email"], display_name="Rosalind Quillfeather"
        )
    )
    type(owner).objects.filter(pk=owner.pk).update(first_name="Rosalind", last_name="Quillfeather")
    profile = owner.profile
    profile.affiliation = SECRETS["affiliation"]
    profile.credentials = "MD, FACP"
    profile.save()
    verify(
        owner,
        "npi",
        npi_number=SECRETS["npi"],
        legal_first_name="Rosalind",
        legal_last_name=SECRETS["legal_name"],
        licence_state="MA",
    )
    document_credential = verify(owner, "document", licence_number=SECRETS["licence_number"])
    VerificationDocument.objects.create(
        credential=document_credential,
        storage_name="a" * 40,
        original_name=SECRETS["document"],
        content_type="application/pdf",
        size=1234,
        sha256="0" * 64,
    )
    org = Organisation.objects.create(name="Aurelia Hospital", slug="aurelia")
    verify(
        owner,
        "institutional_email",
        organisation=org,
        institutional_email=SECRETS["institutional_email"],
    )
    pseudonym_set(user=owner, enabled=True, display_name="Night Owl")
    make_post(owner, "Night shift thoughts #meded")
    people = {"owner": owner, "anonymous": None}
    for role in ("follower", "stranger", "blocked", "verifier", "staff"):
        people[role] = UserFactory(username=role)
    follow(people["follower"], owner)
    account_services.block_create(actor=owner, handle="blocked")
    people["verifier"].user_permissions.add(
        Permission.objects.get(codename="view_private_identity")
    )
    type(owner).objects.filter(pk=people["staff"].pk).update(is_staff=True)
    return people


def _client(cast, role) -> Client:
    client = Client()
    if cast[role] is not None:
        client.force_login(cast[role])
    return client


def _leaks(text: str) -> set[str]:
    return {name for name, secret in SECRETS.items() if secret.lower() in text.lower()}


PUBLIC_SURFACES = [
    "/@nightowl/",
    "/@nightowl/?tab=replies",
    "/api/v1/users/nightowl",
    "/api/v1/users/nightowl/posts",
    "/identity/trust/nightowl/",
    "/api/v1/users/nightowl/trust",
    "/explore/",
    "/api/v1/timelines/public",
    "/@follower/followers/",
    "/api/v1/users/follower/following",
]


@pytest.mark.parametrize("role", ROLES)
def test_public_surfaces_never_show_private_fields(cast, role):
    client = _client(cast, role)
    for path in PUBLIC_SURFACES:
        response = client.get(path)
        assert response.status_code in (200, 404), (path, response.status_code)
        assert _leaks(response.content.decode()) == set(), (role, path)


@pytest.mark.parametrize("role", ROLES)
def test_the_pseudonymous_profile_says_verified_physician(cast, role):
    response = _client(cast, role).get("/@nightowl/")
    if role == "blocked":
        assert response.status_code == 404
        return
    html = response.content.decode()
    assert "Night Owl" in html and "Verified physician" in html
    assert "MD, FACP" not in html  # credential letters could identify


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("field", list(SECRETS))
def test_search_never_finds_the_pseudonymous_user_by_a_private_field(cast, role, field):
    client = _client(cast, role)
    query = SECRETS[field].split("@")[0].split("-")[0]
    api = client.get("/api/v1/search/people", {"q": query})
    assert api.status_code == 200
    assert "nightowl" not in {p["handle"] for p in api.json()["items"]}, (role, field)
    page = client.get("/search/", {"q": query, "type": "people"})
    assert 'class="handle">@nightowl' not in page.content.decode()
    # the pseudonym itself is findable (so the checks above can fail)
    found = client.get("/search/", {"q": "Night Owl", "type": "people"}).content.decode()
    assert ('class="handle">@nightowl' in found) is (role != "blocked")
    assert (
        "nightowl"
        in {
            p["handle"]
            for p in client.get("/api/v1/search/people", {"q": "Night Owl"}).json()["items"]
        }
        or role == "blocked"
    )


def test_affiliation_of_non_pseudonymous_people_is_still_searchable(cast):
    other = UserFactory(username="open_doc")
    other.profile.affiliation = "Aurelia Hospital"
    other.profile.save()
    handles = {
        p["handle"] for p in Client().get("/api/v1/search/people", {"q": "Aurelia"}).json()["items"]
    }
    assert handles == {"open_doc"}


@pytest.mark.parametrize("role", ["follower", "stranger", "blocked", "verifier", "staff"])
def test_export_of_other_users_holds_none_of_the_fields(cast, role):
    response = _client(cast, role).get("/api/v1/me/export")
    assert response.status_code == 200
    assert _leaks(response.content.decode()) == set()


@pytest.mark.parametrize("role", ROLES)
def test_private_identity_only_for_verifiers_and_staff_and_audited(cast, role):
    client = _client(cast, role)
    before = AuditLogEntry.objects.filter(action="identity.private_identity_view").count()
    page = client.get("/identity/private/nightowl/")
    api = client.get("/api/v1/users/nightowl/private-identity")
    after = AuditLogEntry.objects.filter(action="identity.private_identity_view").count()
    if role in PRIVATE_READERS:
        assert page.status_code == 200 and api.status_code == 200
        assert _leaks(page.content.decode()) >= {
            "email", "npi", "legal_name", "licence_number", "institutional_email", "document",
            "affiliation",
        }  # fmt: skip
        assert _leaks(api.content.decode()) == set(SECRETS)
        assert page["Cache-Control"] == "no-store"
        assert after == before + 2
        entry = AuditLogEntry.objects.filter(action="identity.private_identity_view").last()
        assert entry.actor_id == cast[role].pk and entry.target_id == str(cast["owner"].pk)
    else:
        assert page.status_code in (302, 404)  # anonymous is sent to log in
        assert api.status_code in (401, 404)
        assert _leaks(page.content.decode() + api.content.decode()) == set()
        assert after == before


@pytest.mark.parametrize("role", ROLES)
def test_error_messages_never_show_private_fields(cast, role):
    client = _client(cast, role)
    bodies = [
        client.post(
            "/api/v1/users/nightowl/vouch", {"relation": "x"}, content_type="application/json"
        ),
        client.post(
            "/api/v1/users/nightowl/vouch",
            {"relation": "met_in_person"},
            content_type="application/json",
        ),
        client.delete("/api/v1/users/nightowl/vouch"),
        client.post("/identity/vouch/nightowl/", {"relation": "met_in_person"}),
        client.put("/api/v1/me/pseudonym", {"enabled": [1]}, content_type="application/json"),
    ]
    for response in bodies:
        assert response.status_code >= 300
        assert _leaks(response.content.decode()) == set(), (role, response.status_code)


def test_owner_still_sees_own_affiliation_in_settings_and_own_export(cast):
    client = _client(cast, "owner")
    export = client.get("/api/v1/me/export").content.decode()
    assert SECRETS["email"] in export  # the owner's own data is theirs


def test_pseudonym_requires_a_verified_clinician():
    plain = UserFactory(username="plain")
    client = Client()
    client.force_login(plain)
    response = client.put(
        "/api/v1/me/pseudonym", {"enabled": True, "display_name": "Ghost"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 403 and response.json()["code"] == "pseudonym_not_verified"
    page = client.post("/identity/pseudonym/", {"enabled": "on", "display_name": "Ghost"})
    assert page.status_code == 403 and b"Only verified clinicians" in page.content
    plain.profile.refresh_from_db()
    assert not plain.profile.is_pseudonymous and plain.profile.display_name == "Plain"


def test_pseudonym_setting_through_page_and_api():
    doc = UserFactory(username="doc")
    verify(doc, "npi")
    client = Client()
    client.force_login(doc)
    assert client.get("/identity/pseudonym/").status_code == 200
    response = client.post("/identity/pseudonym/", {"enabled": "on", "display_name": "Owl"})
    assert response.status_code == 302
    doc.profile.refresh_from_db()
    assert doc.profile.is_pseudonymous and doc.profile.display_name == "Owl"
    data = client.put(
        "/api/v1/me/pseudonym", {"enabled": False}, content_type="application/json"
    ).json()
    assert data["enabled"] is False and data["summary"].startswith("Physician")
    for bad, code in (
        ({"enabled": True, "display_name": "a\u202eb"}, "bidi_control"),
        ({"enabled": True, "display_name": "x" * 61}, "too_long"),
        ({"enabled": True, "display_name": ""}, "empty"),
        ({"enabled": True, "display_name": "<script>\x00"}, "control_character"),
    ):
        response = client.put("/api/v1/me/pseudonym", bad, content_type="application/json")
        assert response.status_code == 422 and response.json()["code"] == code, bad
    doc.profile.refresh_from_db()
    assert not doc.profile.is_pseudonymous and doc.profile.display_name == "Owl"
    assert (
        client.put("/api/v1/me/pseudonym", "{", content_type="application/json").status_code == 400
    )
    assert Credential.objects.filter(user=doc).count() == 1
