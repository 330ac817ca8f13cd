"""Identity policies as a table (trust state → may vouch / may use a pseudonym; role → may see
private identity), trust levels used by the "verified clinicians only" reply control, and
e-mail confirmation raising the trust level."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from primum.accounts import services as account_services
from primum.accounts.tests.factories import UserFactory
from primum.core.errors import PermissionDenied
from primum.identity import policies
from primum.identity.models import TrustLevel
from primum.identity.tests.helpers import verify
from primum.social import selectors as social_selectors
from primum.social import services as social_services
from primum.social.tests.factories import make_post

pytestmark = pytest.mark.django_db

# trust state → (may vouch, may post under a pseudonym)
STATES = {
    "anonymous": (False, False),
    "unconfirmed": (False, False),
    "email_confirmed": (False, False),
    "institutional_email_only": (False, False),
    "peer_vouched": (True, True),
    "npi_verified": (True, True),
    "document_verified": (True, True),
    "verified_researcher": (False, False),  # not a clinician profession
    "deactivated_clinician": (False, False),
}


def _person(state: str):
    if state == "anonymous":
        return AnonymousUser()
    user = UserFactory(
        username=state[:30],
        email_confirmed=state != "unconfirmed",
        profession="researcher" if state == "verified_researcher" else "physician",
    )
    method = {
        "institutional_email_only": "institutional_email",
        "peer_vouched": "peer_vouch",
        "npi_verified": "npi",
        "document_verified": "document",
        "verified_researcher": "npi",
        "deactivated_clinician": "npi",
    }.get(state)
    if method:
        verify(user, method)
    if state == "deactivated_clinician":
        user.is_active = False
        user.save(update_fields=["is_active"])
    return user


@pytest.mark.parametrize("state", list(STATES))
def test_who_may_vouch_and_use_a_pseudonym(state):
    user = _person(state)
    may_vouch, may_pseudonym = STATES[state]
    assert policies.can_vouch(user) is may_vouch
    assert policies.can_use_pseudonym(user) is may_pseudonym


ROLES = {
    "anonymous": False,
    "member": False,
    "verified_clinician": False,
    "verifier_view_perm": True,
    "verifier_review_perm": True,
    "staff": True,
}


@pytest.mark.parametrize("role", list(ROLES))
def test_who_may_see_private_identity(role):
    if role == "anonymous":
        actor = AnonymousUser()
    else:
        actor = UserFactory(username=role)
        if role == "verified_clinician":
            verify(actor, "npi")
        if role.startswith("verifier"):
            codename = "view_private_identity" if "view" in role else "review_credential"
            actor.user_permissions.add(Permission.objects.get(codename=codename))
            actor = type(actor).objects.get(pk=actor.pk)  # fresh permission cache
        if role == "staff":
            actor.is_staff = True
            actor.save(update_fields=["is_staff"])
    assert policies.can_view_private_identity(actor) is ROLES[role]


def test_email_confirmation_raises_the_trust_level():
    user = UserFactory(email_confirmed=False)
    token = account_services.email_confirmation_token(user)
    account_services.email_confirm(token=token)
    user.refresh_from_db()
    assert user.trust.level == TrustLevel.EMAIL_CONFIRMED
    assert user.trust.summary == "E-mail confirmed"


def test_trust_of_a_user_without_a_status_is_unverified():
    user = UserFactory()
    assert policies.trust_of(user).level == TrustLevel.UNVERIFIED
    assert not policies.is_verified_clinician(user)


# --- "Verified clinicians only" replies --------------------------------------------------------


@pytest.fixture
def gated_post():
    author = UserFactory(username="author")
    return make_post(author, "Clinicians only, please", reply_policy="verified")


def test_verified_reply_control_through_the_service(gated_post):
    member = UserFactory(username="member")
    with pytest.raises(PermissionDenied) as error:
        social_services.post_create(author=member, body="me too", reply_to_id=gated_post.pk)
    assert error.value.code == "reply_not_allowed"
    doctor = UserFactory(username="doctor")
    verify(doctor, "peer_vouch")
    reply = social_services.post_create(author=doctor, body="agreed", reply_to_id=gated_post.pk)
    assert reply.reply_to_id == gated_post.pk


def test_verified_reply_control_through_the_api_and_page(gated_post):
    member = UserFactory(username="member")
    client = Client()
    client.force_login(member)
    data = client.get(f"/api/v1/posts/{gated_post.pk}").json()
    assert data["reply_policy"] == "verified" and data["viewer"]["can_reply"] is False
    response = client.post(
        "/api/v1/posts",
        {"body": "hi", "reply_to_id": gated_post.pk},
        content_type="application/json",
    )
    assert response.status_code == 403 and response.json()["code"] == "reply_not_allowed"
    page = client.get(f"/posts/{gated_post.pk}/").content.decode()
    assert "limited replies to verified clinicians" in page
    verify(member, "npi")
    assert client.get(f"/api/v1/posts/{gated_post.pk}").json()["viewer"]["can_reply"] is True
    compose = client.get("/").content.decode()  # the composer on the home page
    assert 'value="verified"' in compose and "Verified clinicians only" in compose


def test_hydrate_checks_the_control_in_one_query_whatever_the_page_size():
    viewer = UserFactory(username="viewer")
    author = UserFactory(username="author")

    def count(n):
        posts = [make_post(author, f"gated {i}", reply_policy="verified") for i in range(n)]
        with CaptureQueriesContext(connection) as ctx:
            items = social_selectors.hydrate(viewer, posts)
        assert not any(item.can_reply for item in items)
        return len(ctx.captured_queries)

    assert count(2) == count(10)
    plain = [make_post(author, "open")]
    with CaptureQueriesContext(connection) as ctx:
        social_selectors.hydrate(viewer, plain)
    assert len(ctx.captured_queries) == count(1) - 1  # no trust query without a gated post
