"""The composer's draft check: POST /compose/check/ (htmx fragment) and POST /api/v1/safety/check
(JSON): PHI prompts with a redaction, the coach for hostile replies, advice in patient spaces,
scores for moderators only, and typed errors for bad input."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings

from primum.accounts import services as account_services
from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import anonymous_client, token_client
from primum.social.tests.factories import make_post

pytestmark = pytest.mark.django_db

PHI = "Mr. John Smith, DOB 03/14/1962, presented with chest pain"
HOSTILE_PARENT = "you are an idiot who should not have a licence"


@pytest.fixture
def alice():
    return UserFactory(username="alice")


@pytest.fixture
def bob():
    return UserFactory(username="bob")


def test_api_check_finds_phi_and_suggests_a_redaction(alice):
    answer = token_client(alice).post_json("/safety/check", {"text": PHI})
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert data["phi"]["has_phi"] is True
    types = {f["type"] for f in data["phi"]["findings"]}
    assert {"name", "date"} <= types
    assert "John Smith" not in data["phi"]["redacted_text"]
    assert data["advice"] is None  # not a patient space
    assert data["assessment"] is None  # no scores for a member


def test_api_check_coaches_a_reply_to_a_hostile_post(alice, bob):
    hostile = make_post(bob, HOSTILE_PARENT)
    data = (
        token_client(alice)
        .post_json("/safety/check", {"text": "you are a fraud", "reply_to_id": hostile.pk})
        .json()
    )
    assert data["coach"] is not None
    assert data["coach"]["r"] in {"resist", "ask", "respond", "redirect", "reject"}
    assert data["coach"]["message"]
    calm = token_client(alice).post_json("/safety/check", {"text": "Great case, thanks"}).json()
    assert calm["coach"] is None and calm["phi"]["has_phi"] is False


def test_api_check_advice_only_in_patient_spaces(alice):
    text = "You should stop your tamoxifen and take 20 mg of this twice a day."
    public = token_client(alice).post_json("/safety/check", {"text": text}).json()
    assert public["advice"] is None
    patient = token_client(alice).post_json("/safety/check", {"text": text, "space": "patient"})
    assert patient.json()["advice"]["is_individual_advice"] is True
    assert patient.json()["advice"]["reframe"]


def test_api_check_scores_only_for_moderators(alice):
    refused = token_client(alice).post_json("/safety/check", {"text": "hi", "with_scores": True})
    assert refused.status_code == 403 and refused.json()["code"] == "scores_not_allowed"
    mod = UserFactory(username="mod")
    mod.is_staff = True
    mod.save(update_fields=["is_staff"])
    mod.user_permissions.add(Permission.objects.get(codename="review_content"))
    data = (
        token_client(mod)
        .post_json("/safety/check", {"text": "you are an idiot", "with_scores": True})
        .json()
    )
    assert "scores" in data["assessment"] and data["assessment"]["model_version"]


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"text": "x" * 1001}, 422, "too_long"),
        ({"text": "bad\x00byte"}, 422, "control_character"),
        ({"text": "hi", "space": "mars"}, 422, "invalid_choice"),
        ({"text": "hi", "reply_to_id": 999999}, 404, "post_not_found"),
        ({"text": "hi", "recipient": "nobody_here"}, 404, "user_not_found"),
        ({"text": 5}, 422, "invalid"),
    ],
)
def test_api_check_bad_input(alice, payload, status, code):
    answer = token_client(alice).post_json("/safety/check", payload)
    assert answer.status_code == status, answer.content
    assert answer.json()["code"] == code


def test_api_check_other_peoples_invisible_posts_are_not_found(alice, bob):
    hidden = make_post(bob, "followers only", visibility="followers")
    answer = token_client(alice).post_json(
        "/safety/check", {"text": "hi", "quote_of_id": hidden.pk}
    )
    assert answer.status_code == 404 and answer.json()["code"] == "post_not_found"
    account_services.block_create(actor=bob, handle="alice")
    blocked = token_client(alice).post_json("/safety/check", {"text": "hi", "recipient": "bob"})
    assert blocked.status_code == 404 and blocked.json()["code"] == "user_not_found"


def test_api_check_needs_a_login_and_is_rate_limited(alice):
    assert anonymous_client().post_json("/safety/check", {"text": "hi"}).status_code == 401
    with override_settings(PRIMUM_DRAFT_CHECK_RATE_PER_MINUTE=2):
        api = token_client(alice)
        assert api.post_json("/safety/check", {"text": "a"}).status_code == 200
        assert api.post_json("/safety/check", {"text": "b"}).status_code == 200
        limited = api.post_json("/safety/check", {"text": "c"})
        assert limited.status_code == 429 and limited.json()["code"] == "rate_limited"
        assert "Retry-After" in limited


def test_page_check_renders_the_prompts(client, alice, bob):
    client.force_login(alice)
    response = client.post(
        "/compose/check/", {"body": PHI, "textarea_id": "composer-id_body"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="phi-prompt"' in page and "Use redacted text" in page
    assert 'data-target="composer-id_body"' in page
    hostile = make_post(bob, HOSTILE_PARENT)
    coached = client.post(
        "/compose/check/", {"body": "you are the fraud, idiot", "reply_to_id": hostile.pk}
    ).content.decode()
    assert 'data-testid="coach-prompt"' in coached
    assert "You can still send it" in coached
    quiet = client.post("/compose/check/", {"body": "Nice pearl"}).content.decode()
    assert "draft-prompt" not in quiet


def test_page_check_bad_input_and_dm_recipients(client, alice, bob):
    client.force_login(alice)
    too_long = client.post("/compose/check/", {"body": "x" * 1001})
    assert too_long.status_code == 422 and "1001" in too_long.content.decode()
    unknown = client.post("/compose/check/", {"body": "hi", "reply_to_id": "999999"})
    assert unknown.status_code == 404
    dm = client.post("/compose/check/", {"body": PHI, "recipients": "@bob", "space": "direct"})
    assert dm.status_code == 200 and "phi-prompt" in dm.content.decode()
    assert client.get("/compose/check/").status_code == 405


def test_a_normal_submit_without_js_shows_the_prompts_after_saving(client, alice):
    client.force_login(alice)
    response = client.post("/compose/", {"body": PHI, "visibility": "public"}, follow=True)
    page = response.content.decode()
    assert "Your post is published." in page
    assert "Post the pearl, not the patient" in page and "John Smith (name)" in page
