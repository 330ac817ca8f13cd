"""Account pages: the same services as the API, errors next to fields, escaping, redirects,
and the staff two-factor requirement for /admin/."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from primum.accounts import services
from primum.accounts.models import AccessToken, Block, COIDisclosure, Mute, Profile, User
from primum.accounts.tests.factories import PASSWORD, UserFactory
from primum.accounts.tests.helpers import totp_code

pytestmark = pytest.mark.django_db


def logged_in(user=None):
    user = user or UserFactory()
    client = Client()
    client.force_login(user)
    return client, user


def test_url_names_others_link_to():
    for name in [
        "signup",
        "login",
        "logout",
        "settings",
        "security",
        "two_factor",
        "relationships",
        "password_reset",
        "confirm_email",
    ]:
        assert reverse(f"accounts:{name}")
    for name in ["block", "unblock", "mute", "unmute"]:
        assert reverse(f"accounts:{name}", kwargs={"handle": "bob"})


def test_signup_page_logs_in_and_says_where_mail_goes():
    client = Client()
    assert client.get(reverse("accounts:signup")).status_code == 200
    response = client.post(
        reverse("accounts:signup"),
        {
            "handle": "drnew",
            "email": "new@example.org",
            "password": "a long enough passphrase",
            "display_name": "New",
            "profession": "pharmacist",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert response.context["user"].username == "drnew"
    assert b"var/mail" in response.content
    link = re.search(r"http://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("127.0.0.1:8000", 1)[1]
    assert b"is confirmed" in client.get(path).content
    assert User.objects.get(username="drnew").email_confirmed
    assert client.get("/accounts/confirm-email/garbage/").status_code == 400


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("handle", "<script>x</script>", "3 to 30 letters"),
        ("display_name", "<b>" + "x" * 60, "the limit is 60"),
        ("display_name", "a\u202eb", "direction-changing"),
        ("email", "", "cannot be empty"),
        ("profession", "wizard", "listed values"),
    ],
)
def test_signup_page_shows_errors_next_to_fields(field, value, message):
    data = {
        "handle": "drnew",
        "email": "new@example.org",
        "password": "a long enough passphrase",
        "display_name": "New",
        "profession": "nurse",
        field: value,
    }
    response = Client().post(reverse("accounts:signup"), data)
    assert response.status_code in (400, 422)
    assert message in response.content.decode()
    assert "<script>x" not in response.content.decode()
    assert not User.objects.exists()


def test_login_page_with_two_factor_step_and_safe_next():
    user = UserFactory()
    device = services.totp_setup_begin(user=user)
    services.totp_setup_confirm(user=user, code=totp_code(device))
    device.refresh_from_db()
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"identifier": user.username, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login_otp")
    assert client.get(reverse("accounts:security")).status_code == 302  # not logged in yet
    response = client.post(
        reverse("accounts:login_otp"), {"otp_code": totp_code(device, offset_steps=1)}
    )
    assert response.status_code == 302 and "evil" not in response["Location"]
    assert client.get(reverse("accounts:security")).status_code == 200


@override_settings(PRIMUM_LOGIN_MAX_FAILURES=2)
def test_login_page_throttles_with_a_clear_message():
    user = UserFactory()
    client = Client()
    for _ in range(2):
        response = client.post(
            reverse("accounts:login"), {"identifier": user.username, "password": "x"}
        )
        assert b"do not match" in response.content
    response = client.post(
        reverse("accounts:login"), {"identifier": user.username, "password": PASSWORD}
    )
    assert response.status_code == 429 and b"Too many failed" in response.content
    assert int(response["Retry-After"]) > 0


def test_logout_is_post_only():
    client, _ = logged_in()
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:security")).status_code == 302


def test_password_reset_pages():
    user = UserFactory()
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": user.email}, follow=True)
    assert b"var/mail" in response.content
    path = re.search(r"(/accounts/password-reset/[^/\s]+/[^/\s]+/)", mail.outbox[0].body).group(1)
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "fresh long passphrase", "new_password2": "fresh long passphrase"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("fresh long passphrase")
    response = client.post(reverse("accounts:password_reset"), {"email": "bad\x00"})
    assert response.status_code in (400, 422)


def test_password_change_page():
    client, _user = logged_in()
    response = client.post(
        reverse("accounts:password_change"), {"old_password": "no", "new_password": "x"}
    )
    assert b"current password is not correct" in response.content
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password": "fresh long passphrase"},
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:security")).status_code == 200


# --- Settings -------------------------------------------------------------------------------


def _profile_form(**overrides):
    data = {
        "display_name": "Dr <b>Who</b>",
        "profession": "physician",
        "specialty": "cardiology",
        "credentials": "MD",
        "affiliation": "General",
        "bio": "<script>alert(1)</script>",
        "disclaimer": "Views are my own.",
        "link_label_0": "Lab",
        "link_url_0": "https://lab.example/",
    }
    data.update(overrides)
    return data


def test_settings_page_saves_and_escapes():
    client, user = logged_in()
    assert client.post(reverse("accounts:settings"), _profile_form()).status_code == 302
    profile = Profile.objects.get(user=user)
    assert profile.bio == "<script>alert(1)</script>" and profile.links.count() == 1
    html = client.get(reverse("accounts:settings")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"bio": "x" * 1001}, "the limit is 1000"),
        ({"link_url_0": "javascript:alert(1)"}, "http:// or https://"),
        ({"credentials": "M\u200bD"}, "invisible character"),
        ({"specialty": "astrology"}, "listed values"),
    ],
)
def test_settings_page_bad_input(overrides, message):
    client, user = logged_in()
    response = client.post(reverse("accounts:settings"), _profile_form(**overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert Profile.objects.get(user=user).bio == ""


def test_disclosure_pages_and_other_users_ids():
    client, _alice = logged_in()
    data = {
        "entity": "Acme",
        "relationship": "consulting",
        "description": "",
        "start_date": "2024-02-01",
        "end_date": "",
    }
    assert client.post(reverse("accounts:disclosure_create"), data).status_code == 302
    d = COIDisclosure.objects.get()
    response = client.post(
        reverse("accounts:disclosure_create"), {**data, "end_date": "2020-01-01"}
    )
    assert b"end date cannot be before" in response.content
    response = client.post(
        reverse("accounts:disclosure_edit", args=[d.pk]), {**data, "entity": "Acme <Inc>"}
    )
    assert response.status_code == 302
    assert "Acme &lt;Inc&gt;" in client.get(reverse("accounts:settings")).content.decode()
    bob_client, _ = logged_in()
    assert bob_client.get(reverse("accounts:disclosure_edit", args=[d.pk])).status_code == 404
    assert bob_client.post(reverse("accounts:disclosure_delete", args=[d.pk])).status_code == 404
    assert client.post(reverse("accounts:disclosure_delete", args=[d.pk])).status_code == 302
    assert not COIDisclosure.objects.exists()


# --- Security -------------------------------------------------------------------------------


def test_token_shown_once_and_revoked():
    client, _user = logged_in()
    response = client.post(
        reverse("accounts:token_create"), {"name": "<i>bot</i>", "scope": "read"}
    )
    raw = re.search(r'value="(pri_[^"]+)"', response.content.decode()).group(1)
    assert "&lt;i&gt;bot" in response.content.decode()
    security = client.get(reverse("accounts:security")).content.decode()
    assert raw not in security and raw[:12] in security
    token = AccessToken.objects.get()
    response = client.post(reverse("accounts:token_create"), {"name": "", "scope": "read"})
    assert b"cannot be empty" in response.content
    other, _ = logged_in()
    assert other.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404
    client.post(reverse("accounts:token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_sessions_page_revokes_other_sessions():
    user = UserFactory()
    first, second = Client(), Client()
    for c in (first, second):
        c.post(reverse("accounts:login"), {"identifier": user.username, "password": PASSWORD})
    html = first.get(reverse("accounts:security")).content.decode()
    assert "This session" in html and "Log out this session" in html
    first.post(reverse("accounts:sessions_revoke_others"))
    assert second.get(reverse("accounts:security")).status_code == 302
    assert first.get(reverse("accounts:security")).status_code == 200


def test_export_download():
    client, user = logged_in()
    response = client.get(reverse("accounts:export"))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.json()["account"]["handle"] == user.username


def test_delete_page_explains_and_requires_password():
    client, user = logged_in()
    html = client.get(reverse("accounts:delete")).content.decode()
    assert "is <strong>not</strong> released" in html
    assert "“deleted” placeholders" in html and "e-mail address is released" in html
    response = client.post(reverse("accounts:delete"), {"password": "nope"})
    assert response.status_code == 422
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert b"was deleted" in response.content
    user.refresh_from_db()
    assert not user.is_active
    assert client.get(reverse("accounts:security")).status_code == 302


# --- Two-factor and staff -------------------------------------------------------------------


def test_two_factor_page_setup_and_disable():
    client, user = logged_in()
    html = client.get(reverse("accounts:two_factor")).content.decode()
    assert "<svg" in html and "Secret key" in html
    device = services.totp_device(user, confirmed=False)
    response = client.post(reverse("accounts:two_factor"), {"action": "confirm", "otp_code": "abc"})
    assert b"not valid" in response.content
    response = client.post(
        reverse("accounts:two_factor"), {"action": "confirm", "otp_code": totp_code(device)}
    )
    codes = re.findall(r"<code>([a-z0-9]+)</code>", response.content.decode())
    assert len(codes) == services.RECOVERY_CODE_COUNT
    response = client.post(
        reverse("accounts:two_factor"),
        {"action": "disable", "password": "bad", "otp_code": codes[0]},
    )
    assert b"password is not correct" in response.content
    response = client.post(
        reverse("accounts:two_factor"),
        {"action": "disable", "password": PASSWORD, "otp_code": codes[0]},
    )
    assert response.status_code == 302
    assert services.totp_device(user) is None


@pytest.mark.parametrize(
    ("role", "has_device", "verified", "admin_status", "redirect_to_2fa"),
    [
        ("member", False, False, 302, False),  # the admin's own login page
        ("staff", False, False, 302, True),
        ("staff", True, False, 302, True),
        ("staff", True, True, 200, False),
        ("superuser", False, False, 302, True),
    ],
)
def test_staff_two_factor_middleware(role, has_device, verified, admin_status, redirect_to_2fa):
    user = UserFactory(username=f"u_{role}")
    User.objects.filter(pk=user.pk).update(
        is_staff=role != "member", is_superuser=role == "superuser"
    )
    user.refresh_from_db()
    client = Client()
    if has_device:
        device = services.totp_setup_begin(user=user)
        services.totp_setup_confirm(user=user, code=totp_code(device))
        device.refresh_from_db()
        client.post(reverse("accounts:login"), {"identifier": user.username, "password": PASSWORD})
        if verified:
            client.post(
                reverse("accounts:login_otp"), {"otp_code": totp_code(device, offset_steps=1)}
            )
        else:
            client.force_login(user)
    else:
        client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == admin_status
    target = reverse("accounts:two_factor") + "?next=/admin/"
    assert (response.get("Location") == target) is redirect_to_2fa


def test_staff_sets_up_two_factor_and_reaches_admin():
    user = UserFactory()
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    response = client.get("/admin/", follow=True)
    assert b"must turn on two-factor" in response.content
    device = services.totp_device(user, confirmed=False)
    client.post(
        reverse("accounts:two_factor") + "?next=/admin/",
        {"action": "confirm", "otp_code": totp_code(device), "next": "/admin/"},
    )
    assert client.get("/admin/").status_code == 200


def test_staff_with_device_verifies_on_the_two_factor_page():
    user = UserFactory()
    User.objects.filter(pk=user.pk).update(is_staff=True)
    device = services.totp_setup_begin(user=user)
    services.totp_setup_confirm(user=user, code=totp_code(device))
    device.refresh_from_db()
    client = Client()
    client.force_login(user)
    html = client.get(reverse("accounts:two_factor") + "?next=/admin/").content.decode()
    assert "Verify" in html
    response = client.post(
        reverse("accounts:two_factor"),
        {"otp_code": totp_code(device, offset_steps=1), "next": "/admin/"},
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


# --- Blocks and mutes -----------------------------------------------------------------------


def test_block_mute_buttons_redirect_to_safe_next():
    client, alice = logged_in()
    bob = UserFactory()
    response = client.post(
        reverse("accounts:block", args=[bob.username]), {"next": f"/@{bob.username}"}
    )
    assert response["Location"] == f"/@{bob.username}"
    response = client.post(
        reverse("accounts:mute", args=[bob.username]),
        {"duration": "1h", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("accounts:relationships")
    assert Block.objects.filter(blocker=alice, blocked=bob).exists()
    assert Mute.objects.get(muter=alice).expires_at is not None
    html = client.get(reverse("accounts:relationships")).content.decode()
    assert f"Unblock @{bob.username}" in html and f"Unmute @{bob.username}" in html
    client.post(reverse("accounts:unblock", args=[bob.username]))
    client.post(reverse("accounts:unmute", args=[bob.username]))
    assert not Block.objects.exists() and not Mute.objects.exists()
    assert client.get(reverse("accounts:block", args=[bob.username])).status_code == 405


def test_block_unknown_or_self_shows_message():
    client, alice = logged_in()
    response = client.post(reverse("accounts:block", args=["nobody"]), follow=True)
    assert b"does not exist" in response.content
    response = client.post(
        reverse("accounts:mute", args=[alice.username]), {"duration": "2y"}, follow=True
    )
    assert b"your own account" in response.content
    assert not Mute.objects.exists()
