"""The social admin: lists and searches render, nothing is editable, and deleting a post goes
through ``services.post_delete`` (a tombstone, counters kept right)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from primum.accounts.models import User
from primum.accounts.tests.factories import UserFactory
from primum.social import services
from primum.social.models import Follow, Hashtag, Like, Notification, Post
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(settings):
    settings.PRIMUM_REQUIRE_STAFF_2FA = False
    admin_user = UserFactory(username="siteadmin")
    User.objects.filter(pk=admin_user.pk).update(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(User.objects.get(pk=admin_user.pk))
    return client


@pytest.fixture
def data():
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    root = make_post(alice, "Root about #MedEd <script>x</script>")
    reply = make_post(bob, "A reply", reply_to_id=root.pk)
    follow(bob, alice)
    services.like_create(actor=bob, post_id=root.pk)
    return {"alice": alice, "bob": bob, "root": root, "reply": reply}


@pytest.mark.parametrize("model", [Post, Follow, Like, Notification, Hashtag])
def test_changelists_and_search_render(staff_client, data, model):
    url = reverse(f"admin:social_{model._meta.model_name}_changelist")
    response = staff_client.get(url)
    assert response.status_code == 200
    assert staff_client.get(url, {"q": "alice"}).status_code == 200
    assert (
        staff_client.get(reverse(f"admin:social_{model._meta.model_name}_add")).status_code == 403
    )


def test_post_changelist_escapes_and_filters(staff_client, data):
    url = reverse("admin:social_post_changelist")
    response = staff_client.get(url, {"q": "MedEd"})
    content = response.content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in content
    assert "<script>x</script>" not in content
    response = staff_client.get(url, {"deleted_at__isempty": "1", "visibility": "public"})
    assert response.status_code == 200


def test_post_is_read_only(staff_client, data):
    root = data["root"]
    url = reverse("admin:social_post_change", args=[root.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert b'name="body"' not in response.content
    response = staff_client.post(url, {"body": "changed by admin", "like_count": 99})
    assert response.status_code == 403
    root.refresh_from_db()
    assert (root.body, root.like_count) == ("Root about #MedEd <script>x</script>", 1)


def test_follow_like_notification_cannot_be_changed_or_deleted(staff_client, data):
    for model in (Follow, Like, Notification):
        obj = model.objects.first()
        name = model._meta.model_name
        assert (
            staff_client.get(reverse(f"admin:social_{name}_change", args=[obj.pk])).status_code
            == 200
        )
        response = staff_client.post(
            reverse(f"admin:social_{name}_delete", args=[obj.pk]), {"post": "yes"}
        )
        assert response.status_code == 403
        assert model.objects.filter(pk=obj.pk).exists()


def test_deleting_a_post_uses_the_service(staff_client, data):
    root, reply = data["root"], data["reply"]
    url = reverse("admin:social_post_delete", args=[reply.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    reply.refresh_from_db()
    root.refresh_from_db()
    assert reply.deleted_at is not None
    assert reply.body == ""
    assert Post.objects.filter(pk=reply.pk).exists()  # a tombstone, not a removed row
    assert root.reply_count == 0
    # A tombstone cannot be deleted again.
    assert staff_client.post(url, {"post": "yes"}).status_code == 403


def test_bulk_delete_action_uses_the_service(staff_client, data):
    root, reply = data["root"], data["reply"]
    url = reverse("admin:social_post_changelist")
    response = staff_client.post(
        url,
        {"action": "delete_selected", "_selected_action": [root.pk, reply.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert set(Post.objects.filter(deleted_at__isnull=False).values_list("pk", flat=True)) == {
        root.pk,
        reply.pk,
    }
    assert set(Post.objects.filter(pk__in=[root.pk, reply.pk]).values_list("body", flat=True)) == {
        ""
    }
    assert not Notification.objects.filter(post__in=[root, reply]).exists()


def test_admin_cannot_delete_a_post_it_cannot_see(staff_client):
    author = UserFactory(username="private")
    hidden = make_post(author, "followers only", visibility="followers")
    url = reverse("admin:social_post_delete", args=[hidden.pk])
    assert staff_client.post(url, {"post": "yes"}).status_code == 403
    hidden.refresh_from_db()
    assert hidden.deleted_at is None
