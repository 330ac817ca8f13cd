"""The trust panel ("How do I know this person?"): contents, blocks, constant queries, pages, API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from primum.accounts import services as account_services
from primum.accounts.models import COIDisclosure
from primum.accounts.tests.factories import UserFactory
from primum.core.errors import NotFound
from primum.identity.models import Organisation
from primum.identity.privacy import pseudonym_set
from primum.identity.selectors import trust_panel
from primum.identity.tests.helpers import age, clinician, verify
from primum.identity.vouching import vouch_create
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer():
    return age(UserFactory(username="viewer"))


@pytest.fixture
def subject():
    user = age(UserFactory(username="subject", display_name="Sam Subject"), 100)
    verify(user, "npi", npi_number="1234567893", legal_last_name="Realname")
    return user


def test_panel_says_what_was_checked_without_identifiers(viewer, subject):
    panel = trust_panel(viewer, subject)
    assert panel.level_label == "Credential-verified"
    assert panel.summary.startswith("Physician · NPI verified ")
    [line] = panel.verifications
    assert line.method == "npi" and "NPI registry" in line.checked
    assert line.by == "test registry" and not line.by_person
    assert panel.account_age_days == 100
    text = repr(panel.verifications) + panel.summary
    assert "1234567893" not in text and "Realname" not in text


def test_a_person_checked_it_is_said_without_naming_them(viewer, subject):
    reviewer = UserFactory(username="reviewer", display_name="Rita Reviewer")
    verify(subject, "document", checked_by=reviewer, licence_number="LIC-99")
    lines = {line.method: line for line in trust_panel(viewer, subject).verifications}
    assert lines["document"].by_person
    assert "Rita" not in lines["document"].by and "reviewer" not in lines["document"].by
    assert "LIC-99" not in repr(lines)


def test_mutual_follows_count_and_five_names(viewer, subject):
    friends = [UserFactory(username=f"friend{i}") for i in range(7)]
    for friend in friends:
        follow(viewer, friend)
        follow(friend, subject)
    follow(UserFactory(username="unrelated"), subject)  # follows subject, not followed by viewer
    panel = trust_panel(viewer, subject)
    assert panel.mutual_follows_count == 7
    assert len(panel.mutual_follows) == 5
    assert {p.handle for p in panel.mutual_follows} <= {f.username for f in friends}


def test_vouches_from_people_the_viewer_follows(viewer, subject):
    colleague = clinician("colleague")
    other = clinician("other")
    follow(viewer, colleague)
    vouch_create(voucher=colleague, handle="subject", relation="trained_together")
    vouch_create(voucher=other, handle="subject", relation="met_in_person")
    panel = trust_panel(viewer, subject)
    assert panel.vouches_count == 2
    assert [(v.voucher.handle, v.relation) for v in panel.vouches_from_followed] == [
        ("colleague", "trained_together")
    ]


def test_only_current_disclosures(viewer, subject):
    COIDisclosure.objects.create(
        user=subject, entity="Acme", relationship="consulting", start_date=dt.date(2020, 1, 1)
    )
    COIDisclosure.objects.create(
        user=subject,
        entity="Old Co",
        relationship="speaker",
        start_date=dt.date(2010, 1, 1),
        end_date=dt.date(2011, 1, 1),
    )
    assert [d.entity for d in trust_panel(viewer, subject).disclosures] == ["Acme"]


@pytest.mark.parametrize("who_blocks", ["viewer", "subject"])
def test_blocked_either_way_is_not_found(viewer, subject, who_blocks):
    a, b = (viewer, subject) if who_blocks == "viewer" else (subject, viewer)
    account_services.block_create(actor=a, handle=b.username)
    with pytest.raises(NotFound):
        trust_panel(viewer, subject)
    client = Client()
    client.force_login(viewer)
    assert client.get("/api/v1/users/subject/trust").status_code == 404
    assert client.get("/identity/trust/subject/").status_code == 404


def test_anonymous_sees_verification_but_no_social_graph(subject):
    panel = trust_panel(AnonymousUser(), subject)
    assert panel.verifications and panel.mutual_follows_count == 0
    assert panel.vouches_from_followed == []


def test_pseudonymous_subject_hides_the_institution(viewer, subject):
    org = Organisation.objects.create(name="St. Aurelia Hospital", slug="st-aurelia")
    verify(subject, "institutional_email", organisation=org, institutional_email="s@aurelia.org")
    assert "St. Aurelia" in repr(trust_panel(viewer, subject).verifications)
    pseudonym_set(user=subject, enabled=True, display_name="Night Owl MD")
    panel = trust_panel(viewer, subject)
    assert "St. Aurelia" not in repr(panel.verifications) + panel.summary
    assert "s@aurelia.org" not in repr(panel)


def _count_queries(viewer, subject) -> int:
    with CaptureQueriesContext(connection) as ctx:
        trust_panel(viewer, subject)
    return len(ctx.captured_queries)


def test_constant_number_of_queries(viewer, subject):
    def grow(start, n):
        for i in range(start, start + n):
            friend = clinician(f"many{i}")
            follow(viewer, friend)
            follow(friend, subject)
            vouch_create(voucher=friend, handle="subject", relation="worked_together")
            COIDisclosure.objects.create(
                user=subject, entity=f"Co {i}", relationship="consulting",
                start_date=dt.date(2020, 1, 1),
            )  # fmt: skip
            verify(subject, "document")

    grow(0, 1)
    few = _count_queries(viewer, subject)
    grow(1, 6)
    assert _count_queries(viewer, subject) == few
    assert few <= 8


def test_api_and_page(viewer, subject):
    follow(viewer, clinician("bridge"))
    follow(subject.__class__.objects.get(username="bridge"), subject)
    client = Client()
    client.force_login(viewer)
    data = client.get("/api/v1/users/subject/trust").json()
    assert data["handle"] == "subject"
    assert data["summary"].startswith("Physician · NPI verified")
    assert data["mutual_follows_count"] == 1
    assert data["verifications"][0]["method"] == "npi"
    assert "shared_spaces" not in data  # spaces do not exist yet
    assert "1234567893" not in str(data)
    page = client.get("/identity/trust/subject/")
    assert page.status_code == 200 and b"How do I know" in page.content
    assert Client().get("/api/v1/users/subject/trust").status_code == 200  # public profiles
    assert Client().get("/api/v1/users/nobody/trust").status_code == 404


def test_profile_page_shows_the_trust_line_and_panel(viewer, subject):
    client = Client()
    client.force_login(viewer)
    html = client.get("/@subject/").content.decode()
    assert 'data-testid="trust-line"' in html
    assert "Physician · NPI verified" in html
    assert "How do I know this person?" in html
    api = client.get("/api/v1/users/subject").json()
    assert api["trust_summary"].startswith("Physician · NPI verified")


def test_mention_from_a_stranger_shows_a_trust_hint(viewer, subject):
    client = Client()
    client.force_login(viewer)
    make_post(subject, "hello @viewer, could you share my survey?")
    html = client.get("/notifications/").content.decode()
    assert "How do I know this person?" in html and "/identity/trust/subject/" in html
    follow(viewer, subject)
    make_post(subject, "again @viewer")
    html = client.get("/notifications/").content.decode()
    assert "/identity/trust/subject/" not in html  # followed accounts need no introduction
