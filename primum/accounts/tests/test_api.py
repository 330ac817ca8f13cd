"""The accounts JSON API: typed errors, auth scopes, and the same services as the pages."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, override_settings

from primum.accounts import services
from primum.accounts.models import Block, COIDisclosure, Mute, Profile, User, UserSession
from primum.accounts.tests.factories import PASSWORD, UserFactory
from primum.accounts.tests.helpers import api, totp_code

pytestmark = pytest.mark.django_db


def logged_in(user=None) -> tuple[Client, User]:
    user = user or UserFactory()
    client = Client()
    client.force_login(user)
    return client, user


def bearer(user, scope: str) -> dict:
    _, raw = services.access_token_create(user=user, name="t", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_signup_logs_in_and_mails_confirmation():
    client = Client()
    response = api(
        client,
        "post",
        "/auth/signup",
        {
            "handle": "drnew",
            "email": "new@example.org",
            "password": "a long enough passphrase",
            "display_name": "<b>New</b>",
            "profession": "nurse",
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["display_name"] == "<b>New</b>"
    assert response.json()["email_confirmed"] is False
    assert len(mail.outbox) == 1
    assert api(client, "get", "/me").json()["handle"] == "drnew"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ("{not json", 400, "invalid_json"),
        (
            {"handle": "ab", "email": "a@example.org", "password": "a long enough passphrase"},
            422,
            "invalid_handle",
        ),
        (
            {"handle": "abc", "email": "nope", "password": "a long enough passphrase"},
            422,
            "invalid_email",
        ),
        ({"handle": "abc", "email": "a@example.org"}, 422, "invalid"),
        (
            {
                "handle": "abc",
                "email": "a@example.org",
                "password": "x",
                "display_name": "a\u202eb",
            },
            422,
            "bidi_control",
        ),
    ],
)
def test_signup_bad_input(body, status, code):
    response = api(Client(), "post", "/auth/signup", body)
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert not User.objects.exists()


def test_login_refuses_non_json_bodies():
    user = UserFactory()
    response = Client().post(
        "/api/v1/auth/login",
        data=f'{{"identifier": "{user.username}", "password": "{PASSWORD}"}}',
        content_type="text/plain",
    )
    assert (response.status_code, response.json()["code"]) == (415, "unsupported_media_type")


def test_login_logout_and_me():
    user = UserFactory()
    client = Client()
    assert api(client, "get", "/me").status_code == 401
    response = api(client, "post", "/auth/login", {"identifier": user.email, "password": PASSWORD})
    assert response.status_code == 200 and response.json()["handle"] == user.username
    assert api(client, "get", "/me").status_code == 200
    assert UserSession.objects.filter(user=user).exists()
    assert api(client, "post", "/auth/logout").status_code == 200
    assert api(client, "get", "/me").status_code == 401


@override_settings(PRIMUM_LOGIN_MAX_FAILURES=2)
def test_login_throttled_answers_429_with_retry_after():
    user = UserFactory()
    client = Client()
    for _ in range(2):
        response = api(
            client, "post", "/auth/login", {"identifier": user.username, "password": "bad"}
        )
        assert response.json()["code"] == "invalid_credentials"
    response = api(
        client, "post", "/auth/login", {"identifier": user.username, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert response.json()["code"] == "login_throttled"
    assert int(response["Retry-After"]) > 0


def test_login_with_two_factor_needs_the_code():
    user = UserFactory()
    device = services.totp_setup_begin(user=user)
    services.totp_setup_confirm(user=user, code=totp_code(device))
    device.refresh_from_db()
    client = Client()
    body = {"identifier": user.username, "password": PASSWORD}
    response = api(client, "post", "/auth/login", body)
    assert (response.status_code, response.json()["code"]) == (401, "otp_required")
    response = api(
        client, "post", "/auth/login", {**body, "otp_code": totp_code(device, offset_steps=1)}
    )
    assert response.status_code == 200
    assert api(client, "get", "/me/two-factor").json()["verified_this_session"] is True


def test_login_with_a_wrong_code_is_refused():
    user = UserFactory()
    device = services.totp_setup_begin(user=user)
    services.totp_setup_confirm(user=user, code=totp_code(device))
    client = Client()
    body = {"identifier": user.username, "password": PASSWORD}
    for code in ["12345678901", "x" * 40, "<b>1</b>"]:
        response = api(client, "post", "/auth/login", {**body, "otp_code": code})
        assert response.json()["code"] in {"invalid_otp", "required"}
    assert api(client, "get", "/me").status_code == 401


def test_confirm_email_endpoint():
    user = UserFactory(email_confirmed=False)
    token = services.email_confirmation_token(user)
    assert (
        api(Client(), "post", "/auth/confirm-email", {"token": "garbage"}).json()["code"]
        == "invalid_token"
    )
    assert api(Client(), "post", "/auth/confirm-email", {"token": token}).status_code == 200
    user.refresh_from_db()
    assert user.email_confirmed


def test_password_reset_endpoint_answers_the_same_for_unknown_addresses():
    user = UserFactory()
    assert api(Client(), "post", "/auth/password-reset", {"email": user.email}).status_code == 202
    assert (
        api(Client(), "post", "/auth/password-reset", {"email": "no@example.org"}).status_code
        == 202
    )
    assert len(mail.outbox) == 1
    assert api(Client(), "post", "/auth/password-reset", {"email": "x"}).status_code == 422


def test_password_change_api():
    client, _user = logged_in()
    response = api(client, "post", "/me/password", {"old_password": "bad", "new_password": "x"})
    assert response.json()["code"] == "wrong_password"
    response = api(
        client,
        "post",
        "/me/password",
        {"old_password": PASSWORD, "new_password": "brand new passphrase"},
    )
    assert response.status_code == 200
    assert api(client, "get", "/me").status_code == 200  # this session survives


# --- Profile --------------------------------------------------------------------------------


def test_profile_patch_changes_only_given_fields_and_keeps_html_as_text():
    client, user = logged_in()
    response = api(
        client,
        "patch",
        "/me/profile",
        {
            "bio": "<script>alert(1)</script>",
            "links": [{"label": "Site", "url": "https://x.example"}],
        },
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["bio"] == "<script>alert(1)</script>"
    assert data["display_name"] == user.username.title()
    assert data["links"] == [{"label": "Site", "url": "https://x.example"}]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"bio": "x" * 1001}, 422, "too_long"),
        ({"display_name": ""}, 200, None),
        ({"display_name": "a\u200bb"}, 422, "invisible_character"),
        ({"credentials": "a\x1bb"}, 422, "control_character"),
        ({"specialty": "astrology"}, 422, "invalid_choice"),
        ({"links": [{"label": "x", "url": "javascript:alert(1)"}]}, 422, "invalid_url"),
        ({"links": [{"label": "x"}]}, 422, "invalid"),
        ("[1,", 400, "invalid_json"),
    ],
)
def test_profile_patch_bad_input(body, status, code):
    client, user = logged_in()
    response = api(client, "patch", "/me/profile", body)
    assert response.status_code == status, response.content
    if code:
        assert response.json()["code"] == code
        assert Profile.objects.get(user=user).display_name == user.username.title()


def test_read_token_cannot_write_and_write_token_can():
    user = UserFactory()
    read, write = bearer(user, "read"), bearer(user, "write")
    assert api(Client(), "get", "/me", **read).status_code == 200
    response = api(Client(), "patch", "/me/profile", {"bio": "hi"}, **read)
    assert (response.status_code, response.json()["code"]) == (403, "insufficient_scope")
    response = api(
        Client(),
        "post",
        "/me/disclosures",
        {"entity": "A", "relationship": "stock", "start_date": "2020-01-01"},
        **read,
    )
    assert response.json()["code"] == "insufficient_scope"
    target = UserFactory()
    response = api(Client(), "post", f"/users/{target.username}/block", **read)
    assert response.json()["code"] == "insufficient_scope"
    assert not Block.objects.exists()
    assert api(Client(), "patch", "/me/profile", {"bio": "hi"}, **write).status_code == 200
    # Security settings take the browser session only, never a token.
    assert api(Client(), "post", "/tokens", {"name": "more"}, **write).status_code == 401
    assert api(Client(), "post", "/me/delete", {"password": PASSWORD}, **write).status_code == 401
    assert (
        api(Client(), "get", "/me", HTTP_AUTHORIZATION="Bearer pri_nonsense").json()["code"]
        == "invalid_token"
    )


# --- Disclosures ----------------------------------------------------------------------------


def test_disclosures_crud_and_other_users_ids():
    client, _alice = logged_in()
    bob_client, _bob = logged_in()
    response = api(
        client,
        "post",
        "/me/disclosures",
        {"entity": "Acme <Pharma>", "relationship": "consulting", "start_date": "2024-01-01"},
    )
    assert response.status_code == 201, response.content
    did = response.json()["id"]
    assert api(client, "get", "/me/disclosures").json()[0]["entity"] == "Acme <Pharma>"
    response = api(client, "patch", f"/me/disclosures/{did}", {"end_date": "2023-01-01"})
    assert (response.status_code, response.json()["code"]) == (422, "end_before_start")
    assert (
        api(client, "patch", f"/me/disclosures/{did}", {"end_date": "2025-01-01"}).json()[
            "end_date"
        ]
        == "2025-01-01"
    )
    for bad in [did, 999999, "abc"]:
        response = api(bob_client, "patch", f"/me/disclosures/{bad}", {"entity": "x"})
        assert (response.status_code, response.json()["code"]) == (404, "disclosure_not_found")
        assert api(bob_client, "delete", f"/me/disclosures/{bad}").status_code == 404
    assert api(bob_client, "get", "/me/disclosures").json() == []
    assert api(client, "delete", f"/me/disclosures/{did}").status_code == 204
    assert not COIDisclosure.objects.exists()


# --- Sessions and tokens --------------------------------------------------------------------


def test_tokens_list_create_revoke():
    client, _user = logged_in()
    response = api(client, "post", "/tokens", {"name": "script", "scope": "write"})
    assert response.status_code == 201
    raw, tid = response.json()["token"], response.json()["id"]
    listed = api(client, "get", "/tokens").json()
    assert [t["id"] for t in listed] == [tid] and "token" not in listed[0]
    assert api(Client(), "get", "/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    other, _ = logged_in()
    assert api(other, "delete", f"/tokens/{tid}").status_code == 404
    assert api(client, "post", "/tokens", {"name": "", "scope": "write"}).json()["code"] == "empty"
    assert (
        api(client, "post", "/tokens", {"name": "x", "scope": "admin"}).json()["code"]
        == "invalid_choice"
    )
    assert api(client, "delete", f"/tokens/{tid}").status_code == 204
    assert api(Client(), "get", "/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_sessions_list_and_revoke():
    user = UserFactory()
    first, second = Client(), Client()
    for c in (first, second):
        api(c, "post", "/auth/login", {"identifier": user.username, "password": PASSWORD})
    sessions = api(first, "get", "/me/sessions").json()
    assert len(sessions) == 2 and sum(s["current"] for s in sessions) == 1
    other_id = next(s["id"] for s in sessions if not s["current"])
    intruder, _ = logged_in()
    assert api(intruder, "delete", f"/me/sessions/{other_id}").status_code == 404
    assert api(first, "delete", f"/me/sessions/{other_id}").status_code == 204
    assert api(second, "get", "/me").status_code == 401
    assert api(first, "get", "/me").status_code == 200
    api(second, "post", "/auth/login", {"identifier": user.username, "password": PASSWORD})
    assert api(first, "post", "/me/sessions/logout-others").status_code == 200
    assert api(second, "get", "/me").status_code == 401
    assert api(first, "get", "/me").status_code == 200


# --- Two-factor -----------------------------------------------------------------------------


def test_two_factor_setup_confirm_disable_via_api():
    client, user = logged_in()
    setup = api(client, "post", "/me/two-factor/setup").json()
    assert setup["config_url"].startswith("otpauth://totp/") and "<svg" in setup["qr_svg"]
    device = services.totp_device(user, confirmed=False)
    assert (
        api(client, "post", "/me/two-factor/confirm", {"code": "abc"}).json()["code"]
        == "invalid_otp"
    )
    codes = api(client, "post", "/me/two-factor/confirm", {"code": totp_code(device)}).json()[
        "recovery_codes"
    ]
    assert len(codes) == services.RECOVERY_CODE_COUNT
    assert api(client, "get", "/me").json()["two_factor_enabled"] is True
    response = api(client, "post", "/me/two-factor/disable", {"password": PASSWORD, "code": "000"})
    assert response.json()["code"] == "invalid_otp"
    response = api(
        client, "post", "/me/two-factor/disable", {"password": PASSWORD, "code": codes[0]}
    )
    assert response.status_code == 200
    assert api(client, "get", "/me").json()["two_factor_enabled"] is False


# --- Blocks and mutes -----------------------------------------------------------------------


def test_block_mute_endpoints():
    client, _alice = logged_in()
    bob = UserFactory()
    assert api(client, "post", f"/users/{bob.username}/block").status_code == 200
    assert api(client, "post", f"/users/{bob.username}/mute", {"duration": "7d"}).status_code == 200
    assert api(client, "get", "/me/blocks").json()["items"][0]["handle"] == bob.username
    mutes = api(client, "get", "/me/mutes").json()["items"]
    assert mutes[0]["handle"] == bob.username and mutes[0]["expires_at"]
    assert api(client, "delete", f"/users/{bob.username}/block").status_code == 204
    assert api(client, "delete", f"/users/{bob.username}/mute").status_code == 204
    assert not Block.objects.exists() and not Mute.objects.exists()


@pytest.mark.parametrize(
    ("handle", "body", "status", "code"),
    [
        ("nobody_here", {}, 404, "user_not_found"),
        ("%E2%80%AEevil", {}, 404, "user_not_found"),
        ("SELF", {}, 422, "self_action"),
        ("bob", {"duration": "1y"}, 422, "invalid_choice"),
        ("bob", "{oops", 400, "invalid_json"),
    ],
)
def test_mute_bad_input(handle, body, status, code):
    client, alice = logged_in()
    UserFactory(username="bob")
    handle = alice.username if handle == "SELF" else handle
    response = api(client, "post", f"/users/{handle}/mute", body)
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert not Mute.objects.exists()


def test_blocks_list_is_paginated_and_rejects_bad_cursor():
    client, alice = logged_in()
    for _ in range(3):
        services.block_create(actor=alice, handle=UserFactory().username)
    page = api(client, "get", "/me/blocks?limit=2").json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    rest = api(client, "get", f"/me/blocks?limit=2&cursor={page['next_cursor']}").json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    assert api(client, "get", "/me/blocks?cursor=%%%").json()["code"] == "invalid_cursor"


# --- Export and deletion --------------------------------------------------------------------


def test_export_and_delete():
    client, alice = logged_in()
    data = api(client, "get", "/me/export").json()
    assert data["account"]["handle"] == alice.username
    response = api(client, "post", "/me/delete", {"password": "wrong"})
    assert response.json()["code"] == "wrong_password"
    assert api(client, "post", "/me/delete", {"password": PASSWORD}).status_code == 204
    assert api(client, "get", "/me").status_code == 401
    alice.refresh_from_db()
    assert alice.deleted_at is not None
