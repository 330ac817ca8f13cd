"""The accounts admin: staff-only, two-factor gated, and writing through the services."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from primum.accounts.models import AccessToken, Block, Profile, User
from primum.accounts.services import access_token_create
from primum.accounts.tests.factories import UserFactory
from primum.social.models import Follow
from primum.social.tests.factories import follow

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(settings):
    settings.PRIMUM_REQUIRE_STAFF_2FA = False
    admin_user = UserFactory(username="siteadmin")
    User.objects.filter(pk=admin_user.pk).update(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(User.objects.get(pk=admin_user.pk))
    return client


def test_staff_without_two_factor_is_sent_to_set_it_up():
    admin_user = UserFactory(username="needs2fa")
    User.objects.filter(pk=admin_user.pk).update(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(User.objects.get(pk=admin_user.pk))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))


def test_members_cannot_open_the_admin():
    client = Client()
    client.force_login(UserFactory())
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", ["user", "accesstoken", "block", "mute", "coidisclosure"])
def test_changelists_render(staff_client, url):
    UserFactory(username="listed")
    response = staff_client.get(f"/admin/accounts/{url}/")
    assert response.status_code == 200


def test_user_created_in_admin_gets_a_profile_through_the_service(staff_client):
    response = staff_client.post(
        "/admin/accounts/user/add/",
        {
            "username": "newdoc",
            "email": "NewDoc@Example.ORG",
            "password1": "x-long-password-1",
            "password2": "x-long-password-1",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="newdoc")
    assert user.email == "NewDoc@example.org"  # the service lower-cases the domain
    assert Profile.objects.filter(user=user).exists()


def test_block_created_in_admin_removes_follows_like_the_service(staff_client):
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    follow(alice, bob)
    follow(bob, alice)
    response = staff_client.post(
        "/admin/accounts/block/add/", {"blocker": alice.pk, "blocked": bob.pk}
    )
    assert response.status_code == 302
    assert Block.objects.filter(blocker=alice, blocked=bob).exists()
    assert not Follow.objects.filter(follower__in=[alice, bob], followee__in=[alice, bob]).exists()


def test_token_revoke_action_uses_the_service(staff_client):
    alice = UserFactory(username="alice")
    token, _raw = access_token_create(user=alice, name="cli", scope="write")
    response = staff_client.post(
        "/admin/accounts/accesstoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    assert AccessToken.objects.get(pk=token.pk).revoked_at is not None
