"""API authentication: Bearer tokens with read/write scopes, the browser session with CSRF,
and anonymous reads of public data."""

from __future__ import annotations

import pytest

from primum.accounts.models import AccessToken
from primum.accounts.services import access_token_create, access_token_revoke
from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import ApiClient, anonymous_client, token_client
from primum.social.models import Follow, Like, Post
from primum.social.tests.factories import make_post

pytestmark = pytest.mark.django_db

CSRF_SECRET = "a" * 32


@pytest.fixture
def user():
    return UserFactory(username="tokenowner")


@pytest.fixture
def post():
    return make_post(UserFactory(username="poster"), "a public post")


def write_calls(post_id: int) -> list[tuple[str, str, dict | None]]:
    return [
        ("POST", "/posts", {"body": "hello"}),
        ("PATCH", f"/posts/{post_id}", {"body": "edited"}),
        ("DELETE", f"/posts/{post_id}", None),
        ("PUT", f"/posts/{post_id}/controls", {"reply_policy": "nobody"}),
        ("POST", f"/posts/{post_id}/like", None),
        ("DELETE", f"/posts/{post_id}/like", None),
        ("POST", f"/posts/{post_id}/repost", None),
        ("POST", f"/posts/{post_id}/bookmark", None),
        ("POST", f"/posts/{post_id}/detach-quote", None),
        ("POST", "/users/poster/follow", None),
        ("DELETE", "/users/poster/follow", None),
        ("POST", "/notifications/read", {}),
    ]


def assert_nothing_written(post: Post) -> None:
    post.refresh_from_db()
    assert Post.objects.count() == 1
    assert (post.body, post.reply_policy, post.deleted_at) == ("a public post", "anyone", None)
    assert not Like.objects.exists()
    assert not Follow.objects.exists()


def test_write_token_acts_as_its_user(user):
    client = token_client(user, scope="write")
    response = client.post_json("/posts", {"body": "from a token"})
    assert response.status_code == 201
    assert response.json()["author"]["handle"] == "tokenowner"
    assert Post.objects.get().author == user
    assert AccessToken.objects.get(user=user).last_used_at is not None


def test_read_token_reads_but_cannot_write(user, post):
    client = token_client(user, scope="read")
    assert client.get_json("/timelines/home").status_code == 200
    assert client.get_json("/notifications").status_code == 200
    for method, path, payload in write_calls(post.pk):
        response = client.call(method, path, payload)
        assert response.status_code == 403, (method, path)
        assert response.json()["code"] == "insufficient_scope"
    assert_nothing_written(post)


def test_anonymous_cannot_write(post):
    client = anonymous_client()
    for method, path, payload in write_calls(post.pk):
        response = client.call(method, path, payload)
        assert response.status_code == 401, (method, path)
        assert response.json()["code"] == "not_authenticated"
    assert_nothing_written(post)


def test_anonymous_reads_public_data_but_not_personal_lists(post):
    client = anonymous_client()
    assert client.get_json(f"/posts/{post.pk}").status_code == 200
    assert client.get_json("/timelines/explore").status_code == 200
    assert client.get_json("/users/poster").status_code == 200
    for path in ("/timelines/home", "/me/bookmarks", "/notifications"):
        assert client.get_json(path).status_code == 401


def test_revoked_token_is_401(user, post):
    token, raw = access_token_create(user=user, name="soon revoked", scope="write")
    client = ApiClient(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get_json("/timelines/home").status_code == 200
    access_token_revoke(user=user, token_id=token.pk)
    for method, path, payload in [("GET", "/timelines/home", None), *write_calls(post.pk)]:
        response = client.call(method, path, payload)
        assert response.status_code == 401, (method, path)
        assert response.json()["code"] == "invalid_token"
    # A bad token is refused even where anonymous reads would be allowed.
    assert client.get_json(f"/posts/{post.pk}").status_code == 401
    assert_nothing_written(post)


@pytest.mark.parametrize(
    "header",
    ["Bearer not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc", "Bearer a\u00e9b"],
)
def test_bad_authorization_headers_are_401(header, post):
    client = ApiClient(HTTP_AUTHORIZATION=header)
    assert client.get_json("/timelines/explore").status_code == 401
    assert client.post_json("/posts", {"body": "x"}).status_code == 401
    assert_nothing_written(post)


def test_token_of_deactivated_user_is_401(user):
    client = token_client(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get_json("/timelines/home").status_code == 401


def test_session_reads_without_csrf_but_writes_need_it(user, post):
    client = ApiClient(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get_json("/timelines/home").status_code == 200

    response = client.post_json("/posts", {"body": "no csrf"})
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    response = client.post_json(f"/posts/{post.pk}/like")
    assert response.status_code == 403
    assert_nothing_written(post)

    client.cookies["csrftoken"] = CSRF_SECRET
    response = client.post_json("/posts", {"body": "wrong csrf"}, HTTP_X_CSRFTOKEN="b" * 32)
    assert response.status_code == 403
    assert Post.objects.count() == 1

    response = client.post_json("/posts", {"body": "with csrf"}, HTTP_X_CSRFTOKEN=CSRF_SECRET)
    assert response.status_code == 201
    assert Post.objects.filter(author=user, body="with csrf").exists()


def test_bearer_token_needs_no_csrf(user):
    _token, raw = access_token_create(user=user, name="cli", scope="write")
    client = ApiClient(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.post_json("/posts", {"body": "from a script"}).status_code == 201


def test_token_on_a_session_only_endpoint_is_not_authenticated(user):
    _token, raw = access_token_create(user=user, name="cli", scope="write")
    client = ApiClient(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    response = client.post_json("/tokens", {"name": "minted by a token", "scope": "write"})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert AccessToken.objects.filter(user=user).count() == 1
