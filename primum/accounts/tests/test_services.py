"""Account services: sign-up, e-mail confirmation, throttled log-in, two-factor, password,
profile and disclosures, sessions, deletion and export."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from primum.accounts import selectors, services
from primum.accounts.models import (
    AccessToken,
    Block,
    COIDisclosure,
    Mute,
    Profile,
    ProfileLink,
    User,
    UserSession,
)
from primum.accounts.tests.factories import PASSWORD, UserFactory
from primum.accounts.tests.helpers import totp_code
from primum.core.errors import Conflict, NotFound, RateLimited, ValidationError
from primum.social import services as social
from primum.social.models import Bookmark, Follow, Like, Notification, Post, PostEdit
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db

BAD_TEXT = [
    ("a\u202eb", "bidi_control"),
    ("a\u200bb", "invisible_character"),
    ("a\x07b", "control_character"),
    (7, "invalid_type"),
]


def test_production_hashes_passwords_with_argon2():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


# --- Sign-up and e-mail confirmation ------------------------------------------------------


def test_signup_sends_a_confirmation_link_that_confirms():
    user = services.signup(
        handle="DrAda",
        email="Ada@Example.ORG",
        password="a long enough passphrase",
        display_name="Ada",
        profession="physician",
    )
    assert user.email == "Ada@example.org" and not user.email_confirmed
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Ada@example.org"]
    token = re.search(r"/accounts/confirm-email/([^/\s]+)/", mail.outbox[0].body).group(1)
    services.email_confirm(token=token)
    user.refresh_from_db()
    assert user.email_confirmed


def test_confirmation_link_expires_after_three_days_and_rejects_tampering():
    user = UserFactory(email_confirmed=False)
    with time_machine.travel(timezone.now() - timedelta(days=3, minutes=1)):
        token = services.email_confirmation_token(user)
    with pytest.raises(ValidationError) as info:
        services.email_confirm(token=token)
    assert info.value.code == "expired_token"
    for bad in ["", "x" * 600, token[:-2] + "zz", None]:
        with pytest.raises(ValidationError) as info:
            services.email_confirm(token=bad)
        assert info.value.code == "invalid_token"
    user.refresh_from_db()
    assert user.email_confirmed_at is None


def test_resend_confirmation_refuses_when_confirmed():
    user = UserFactory(email_confirmed=True)
    with pytest.raises(Conflict):
        services.email_confirmation_send(user=user)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("handle", "ab", "invalid_handle"),
        ("handle", "x" * 31, "too_long"),
        ("handle", "", "empty"),
        ("handle", "a\u202ebcd", "bidi_control"),
        ("handle", "<script>", "invalid_handle"),
        ("email", "not-an-email", "invalid_email"),
        ("password", "short", "weak_password"),
        ("display_name", "x" * 61, "too_long"),
        ("display_name", "A\u200bda", "invisible_character"),
        ("profession", "surgeon-king", "invalid_choice"),
    ],
)
def test_signup_rejects_bad_input_and_stores_nothing(field, value, code):
    data = {
        "handle": "newuser",
        "email": "new@example.org",
        "password": "a long enough passphrase",
        "display_name": "New",
        "profession": "nurse",
    }
    data[field] = value
    with pytest.raises(ValidationError) as info:
        services.signup(**data)
    assert info.value.code == code
    assert User.objects.count() == 0 and not mail.outbox


def test_signup_refuses_taken_handle_and_email_case_insensitively():
    UserFactory(username="drbob", email="bob@example.org")
    with pytest.raises(Conflict) as info:
        services.signup(handle="DRBOB", email="x@example.org", password="a long enough passphrase")
    assert info.value.code == "handle_taken"
    with pytest.raises(Conflict) as info:
        services.signup(
            handle="other", email="BOB@example.org", password="a long enough passphrase"
        )
    assert info.value.code == "email_taken"


# --- Log-in throttling ----------------------------------------------------------------------


@override_settings(PRIMUM_LOGIN_MAX_FAILURES=3, PRIMUM_LOGIN_WINDOW_SECONDS=600)
def test_login_is_throttled_per_account_after_failures():
    user = UserFactory()
    for _ in range(3):
        with pytest.raises(ValidationError) as info:
            services.login_check(identifier=user.username, password="wrong", ip="10.0.0.1")
        assert info.value.code == "invalid_credentials"
    # Even the right password is refused now, from another address too.
    with pytest.raises(RateLimited) as info:
        services.login_check(identifier=user.username, password=PASSWORD, ip="10.0.0.2")
    assert info.value.code == "login_throttled"
    assert 0 < info.value.retry_after <= 600


@override_settings(PRIMUM_LOGIN_MAX_FAILURES=3, PRIMUM_LOGIN_WINDOW_SECONDS=600)
def test_login_is_throttled_per_address_across_accounts():
    users = UserFactory.create_batch(3)
    for user in users:
        with pytest.raises(ValidationError):
            services.login_check(identifier=user.username, password="wrong", ip="10.0.0.9")
    fresh = UserFactory()
    with pytest.raises(RateLimited):
        services.login_check(identifier=fresh.username, password=PASSWORD, ip="10.0.0.9")
    assert services.login_check(identifier=fresh.username, password=PASSWORD, ip="10.0.0.8")


@override_settings(PRIMUM_LOGIN_MAX_FAILURES=3, PRIMUM_LOGIN_WINDOW_SECONDS=600)
def test_login_window_expires():
    user = UserFactory()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(3):
            with pytest.raises(ValidationError):
                services.login_check(identifier=user.email, password="wrong")
        with pytest.raises(RateLimited):
            services.login_check(identifier=user.email, password=PASSWORD)
    # The locmem cache expires by wall clock, so clear the counters as expiry would.
    from django.core.cache import cache

    cache.clear()
    assert services.login_check(identifier=user.email.upper(), password=PASSWORD) == user
    del traveller


def test_login_accepts_handle_or_email_and_rejects_deleted_accounts():
    user = UserFactory()
    assert services.login_check(identifier=user.username.upper(), password=PASSWORD) == user
    assert services.login_check(identifier=user.email, password=PASSWORD) == user
    services.account_delete(user=user, password=PASSWORD)
    with pytest.raises(ValidationError):
        services.login_check(identifier=user.username, password=PASSWORD)


@pytest.mark.parametrize("identifier", ["", "   ", None, "x" * 255])
def test_login_requires_identifier(identifier):
    with pytest.raises(ValidationError) as info:
        services.login_check(identifier=identifier, password="x")
    assert info.value.code == "required"


# --- Two-factor -----------------------------------------------------------------------------


def _enable_2fa(user):
    device = services.totp_setup_begin(user=user)
    _, codes = services.totp_setup_confirm(user=user, code=totp_code(device))
    device.refresh_from_db()
    return device, codes


def test_totp_setup_confirm_and_recovery_codes():
    user = UserFactory()
    assert not services.login_requires_otp(user)
    device = services.totp_setup_begin(user=user)
    assert services.totp_setup_begin(user=user).pk == device.pk  # one pending device
    with pytest.raises(ValidationError) as info:
        services.totp_setup_confirm(
            user=user, code="000000" if totp_code(device) != "000000" else "111111"
        )
    assert info.value.code == "invalid_otp"
    _, codes = services.totp_setup_confirm(user=user, code=totp_code(device))
    assert len(codes) == services.RECOVERY_CODE_COUNT
    assert services.login_requires_otp(user)
    with pytest.raises(Conflict):
        services.totp_setup_begin(user=user)
    # A recovery code works once.
    assert services.otp_check(user=user, code=codes[0]) is not None
    with pytest.raises(ValidationError):
        services.otp_check(user=user, code=codes[0])
    assert "<svg" in services.totp_qr_svg(device)


def test_totp_disable_needs_password_and_code():
    user = UserFactory()
    _device, codes = _enable_2fa(user)
    with pytest.raises(ValidationError) as info:
        services.totp_disable(user=user, password="wrong", code=codes[0])
    assert info.value.code == "wrong_password"
    with pytest.raises(ValidationError) as info:
        services.totp_disable(user=user, password=PASSWORD, code="12")
    assert info.value.code == "invalid_otp"
    services.totp_disable(user=user, password=PASSWORD, code=codes[1])
    assert not services.login_requires_otp(user)


# --- Password -------------------------------------------------------------------------------


def test_password_change_validates_and_logs_out_other_sessions():
    user = UserFactory()
    keep, other = SessionStore(), SessionStore()
    for store in (keep, other):
        store.create()
        UserSession.objects.create(user=user, session_key=store.session_key)
    with pytest.raises(ValidationError) as info:
        services.password_change(user=user, old_password="nope", new_password="x")
    assert info.value.field == "old_password"
    with pytest.raises(ValidationError) as info:
        services.password_change(user=user, old_password=PASSWORD, new_password="1234567890")
    assert info.value.code == "weak_password"
    services.password_change(
        user=user,
        old_password=PASSWORD,
        new_password="another long passphrase",
        keep_session_key=keep.session_key,
    )
    user.refresh_from_db()
    assert user.check_password("another long passphrase")
    assert SessionStore().exists(keep.session_key)
    assert not SessionStore().exists(other.session_key)
    assert list(UserSession.objects.values_list("session_key", flat=True)) == [keep.session_key]


def test_password_reset_mails_only_existing_accounts():
    user = UserFactory()
    services.password_reset_request(email=user.email.upper())
    assert len(mail.outbox) == 1 and "/accounts/password-reset/" in mail.outbox[0].body
    services.password_reset_request(email="nobody@example.org")
    assert len(mail.outbox) == 1
    with pytest.raises(ValidationError):
        services.password_reset_request(email="a\u202e@example.org")


# --- Sessions -------------------------------------------------------------------------------


def test_session_revoke_only_own_sessions():
    alice, bob = UserFactory(), UserFactory()
    store = SessionStore()
    store.create()
    row = UserSession.objects.create(user=bob, session_key=store.session_key)
    for bad in [row.pk, "abc", 10**30, None]:
        with pytest.raises(NotFound):
            services.session_revoke(user=alice, session_id=bad)
    services.session_revoke(user=bob, session_id=row.pk)
    assert not SessionStore().exists(store.session_key)
    assert not UserSession.objects.exists()


# --- Profile and disclosures ----------------------------------------------------------------


def test_profile_update_partial_and_links():
    user = UserFactory()
    services.profile_update(
        user=user,
        bio="Line one\nline two",
        specialty="cardiology",
        links=[{"label": "Lab", "url": "https://lab.example.org/"}],
    )
    profile = Profile.objects.get(user=user)
    assert profile.bio == "Line one\nline two" and profile.specialty == "cardiology"
    assert profile.display_name == user.username.title()  # untouched
    assert list(ProfileLink.objects.values_list("label", "url")) == [
        ("Lab", "https://lab.example.org/")
    ]
    services.profile_update(user=user, links=[])
    assert not ProfileLink.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"display_name": "x" * 61}, "display_name", "too_long"),
        ({"bio": "x" * 1001}, "bio", "too_long"),
        ({"credentials": "MD\nPhD"}, "credentials", "control_character"),
        ({"affiliation": "a\u202eb"}, "affiliation", "bidi_control"),
        ({"disclaimer": "a\u200bb"}, "disclaimer", "invisible_character"),
        ({"profession": "wizard"}, "profession", "invalid_choice"),
        ({"specialty": 3}, "specialty", "invalid_choice"),
        ({"links": [{"label": "x", "url": "javascript:alert(1)"}]}, "links.0.url", "invalid_url"),
        ({"links": [{"label": "x", "url": "ftp://example.org"}]}, "links.0.url", "invalid_url"),
        ({"links": [{"label": "", "url": "https://example.org"}]}, "links.0.label", "empty"),
        ({"links": [{"label": "x", "url": "https://e.org"}] * 6}, "links", "too_many_links"),
        ({"links": "https://example.org"}, "links", "invalid_type"),
    ],
)
def test_profile_update_rejects_bad_input(kwargs, field, code):
    user = UserFactory()
    before = Profile.objects.get(user=user).__dict__.copy()
    with pytest.raises(ValidationError) as info:
        services.profile_update(user=user, **kwargs)
    assert (info.value.code, info.value.detail["field"]) == (code, field)
    after = Profile.objects.get(user=user).__dict__
    assert {k: after[k] for k in ("bio", "display_name")} == {
        k: before[k] for k in ("bio", "display_name")
    }
    assert not ProfileLink.objects.exists()


def test_profile_keeps_html_as_text():
    user = UserFactory()
    services.profile_update(user=user, bio="<script>alert(1)</script>")
    assert Profile.objects.get(user=user).bio == "<script>alert(1)</script>"


def test_disclosures_crud_and_validation():
    alice, bob = UserFactory(), UserFactory()
    d = services.coi_create(
        user=alice, entity="Acme Pharma", relationship="consulting", start_date="2024-01-01"
    )
    with pytest.raises(ValidationError) as info:
        services.coi_update(user=alice, disclosure_id=d.pk, end_date="2023-12-31")
    assert info.value.code == "end_before_start"
    services.coi_update(user=alice, disclosure_id=d.pk, end_date="2024-06-30")
    d.refresh_from_db()
    assert str(d.end_date) == "2024-06-30"
    for bad_id in [d.pk, "x", -1, 10**30]:
        with pytest.raises(NotFound):
            services.coi_update(user=bob, disclosure_id=bad_id, entity="hijack")
        with pytest.raises(NotFound):
            services.coi_delete(user=bob, disclosure_id=bad_id)
    d.refresh_from_db()
    assert d.entity == "Acme Pharma"
    with pytest.raises(ValidationError) as info:
        services.coi_update(user=alice, disclosure_id=d.pk, user_id=bob.pk)
    assert info.value.code == "unknown_field"
    services.coi_delete(user=alice, disclosure_id=d.pk)
    assert not COIDisclosure.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"entity": ""}, "entity", "empty"),
        ({"entity": "x" * 121}, "entity", "too_long"),
        ({"entity": "A\u202eB"}, "entity", "bidi_control"),
        ({"description": "a\x00"}, "description", "control_character"),
        ({"relationship": "bribery"}, "relationship", "invalid_choice"),
        ({"start_date": "yesterday"}, "start_date", "invalid_date"),
        ({"start_date": ""}, "start_date", "invalid_date"),
        ({"end_date": "2020-13-01"}, "end_date", "invalid_date"),
    ],
)
def test_disclosure_create_rejects_bad_input(kwargs, field, code):
    user = UserFactory()
    data = {"entity": "Acme", "relationship": "advisory", "start_date": "2024-01-01", **kwargs}
    with pytest.raises(ValidationError) as info:
        services.coi_create(user=user, **data)
    assert (info.value.code, info.value.detail["field"]) == (code, field)
    assert not COIDisclosure.objects.exists()


# --- Deletion and export --------------------------------------------------------------------


def test_account_delete_tombstones_posts_and_removes_relationships():
    alice, bob = UserFactory(username="alice"), UserFactory()
    follow(alice, bob)
    follow(bob, alice)
    root = make_post(bob, "bob's root")
    reply = make_post(alice, "alice replies", reply_to_id=root.pk)
    own = make_post(alice, "alice's own #meded")
    social.post_edit(actor=alice, post_id=own.pk, body="edited")
    bob_reply = make_post(bob, "bob replies to alice", reply_to_id=own.pk)
    social.like_create(actor=alice, post_id=root.pk)
    social.repost_create(actor=alice, post_id=root.pk)
    social.repost_create(actor=bob, post_id=own.pk)
    social.bookmark_create(actor=alice, post_id=root.pk)
    social.like_create(actor=bob, post_id=own.pk)
    services.block_create(actor=alice, handle=UserFactory().username)
    services.mute_create(actor=bob, handle="alice")
    services.access_token_create(user=alice, name="script")
    services.coi_create(user=alice, entity="Acme", relationship="stock", start_date="2020-01-01")
    store = SessionStore()
    store.create()
    UserSession.objects.create(user=alice, session_key=store.session_key)

    with pytest.raises(ValidationError):
        services.account_delete(user=alice, password="wrong")
    assert Post.objects.filter(author=alice, deleted_at__isnull=True).count() == 3

    services.account_delete(user=alice, password=PASSWORD)
    alice.refresh_from_db()
    assert not alice.is_active and alice.deleted_at is not None
    assert alice.username == f"deleted_{alice.pk}" and alice.email.endswith(".invalid")
    assert not alice.has_usable_password()
    assert set(Post.objects.filter(author=alice).values_list("body", flat=True)) == {""}
    assert not Post.objects.filter(author=alice, deleted_at__isnull=True).exists()
    assert not Post.objects.filter(repost_of__author=alice).exists()
    assert not PostEdit.objects.filter(post__author=alice).exists()
    assert Post.objects.filter(pk=bob_reply.pk, deleted_at__isnull=True).exists()
    root.refresh_from_db()
    assert (root.reply_count, root.like_count, root.repost_count) == (0, 0, 0)
    for model, q in [
        (Follow, {"follower": alice}),
        (Follow, {"followee": alice}),
        (Like, {"user": alice}),
        (Like, {"post": own}),
        (Bookmark, {"user": alice}),
        (Block, {"blocker": alice}),
        (Mute, {"muted": alice}),
        (AccessToken, {"user": alice}),
        (COIDisclosure, {"user": alice}),
        (UserSession, {"user": alice}),
        (Notification, {"actor": alice}),
        (Notification, {"recipient": alice}),
    ]:
        assert not model.objects.filter(**q).exists(), model
    assert not SessionStore().exists(store.session_key)
    assert reply.pk in Post.objects.filter(deleted_at__isnull=False).values_list("pk", flat=True)
    # The handle stays reserved; the e-mail address is free again.
    with pytest.raises(Conflict) as info:
        services.signup(
            handle="ALICE", email="new@example.org", password="a long enough passphrase"
        )
    assert info.value.code == "handle_taken"
    assert services.signup(
        handle="alice2", email="alice@example.org", password="a long enough passphrase"
    )


def test_export_contains_own_data_and_only_references_to_others():
    alice, bob = UserFactory(), UserFactory()
    follow(alice, bob)
    secret = make_post(bob, "bob's followers-only secret", visibility="followers")
    social.like_create(actor=alice, post_id=secret.pk)
    social.bookmark_create(actor=alice, post_id=secret.pk)
    mine = make_post(alice, "first")
    social.post_edit(actor=alice, post_id=mine.pk, body="second")
    services.coi_create(user=alice, entity="Acme", relationship="stock", start_date="2020-01-01")
    services.mute_create(actor=alice, handle=bob.username, duration="1d")
    data = selectors.export_user_data(alice)
    assert data["account"]["handle"] == alice.username
    assert [p["body"] for p in data["posts"]] == ["second"]
    assert data["posts"][0]["edit_history"][0]["body"] == "first"
    assert data["likes"][0]["post_id"] == secret.pk
    assert data["bookmarks"][0]["post_id"] == secret.pk
    assert data["following"][0]["handle"] == bob.username
    assert data["mutes"][0]["expires_at"] is not None
    assert data["coi_disclosures"][0]["entity"] == "Acme"
    assert "secret" not in str(data)
    assert "token_hash" not in str(data)
