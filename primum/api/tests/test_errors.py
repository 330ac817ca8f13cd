"""Every bad input to the API gets a typed JSON error and stores nothing.

The shape is always ``{"code", "message", "detail"}``; validation errors name the field in
``detail["field"]``.
"""

from __future__ import annotations

import pytest
from django.test import override_settings

from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import anonymous_client, token_client
from primum.social.models import Follow, Like, Post
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return UserFactory(username="author")


@pytest.fixture
def client(author):
    return token_client(author)


def assert_error(response, status: int, code: str, field: str | None = None) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) == {"code", "message", "detail"}
    assert data["code"] == code
    assert isinstance(data["message"], str)
    assert data["message"]
    if field is not None:
        assert data["detail"]["field"] == field
    return data


@pytest.mark.parametrize(
    "raw",
    ['{"body": "unterminated', "{'body': 'single quotes'}", "body=hello", "\xff\xfe"],
)
def test_invalid_json_is_400(client, raw):
    response = client.post_json("/posts", raw)
    assert_error(response, 400, "invalid_json")
    assert Post.objects.count() == 0


def test_empty_json_body_is_a_missing_field(client):
    response = client.post_json("/posts", "")
    assert_error(response, 422, "invalid")
    assert Post.objects.count() == 0


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "body"),
        ({"content_warning": "cw only"}, "body"),
        ({"body": 12}, "body"),
        ({"body": None}, "body"),
        ({"body": ["a", "list"]}, "body"),
        ({"body": {"nested": "object"}}, "body"),
        ({"body": "ok", "content_warning": 5}, "content_warning"),
        ({"body": "ok", "visibility": True}, "visibility"),
        ({"body": "ok", "reply_to_id": "abc"}, "reply_to_id"),
        ({"body": "ok", "reply_to_id": 0}, "reply_to_id"),
        ({"body": "ok", "quote_of_id": 2**70}, "quote_of_id"),
        ([1, 2], "body"),
        ('"just a string"', "body"),
    ],
)
def test_wrong_types_and_missing_fields_are_422(client, payload, field):
    response = client.post_json("/posts", payload)
    data = assert_error(response, 422, "invalid", field)
    assert field in data["message"] or data["detail"]["field"] == field
    assert Post.objects.count() == 0


@pytest.mark.parametrize(
    ("payload", "code", "field"),
    [
        ({"body": ""}, "empty", "body"),
        ({"body": "   \n\t "}, "empty", "body"),
        ({"body": "x" * 501}, "too_long", "body"),
        ({"body": "ok", "content_warning": "c" * 101}, "too_long", "content_warning"),
        ({"body": "ok", "content_warning": "two\nlines"}, "control_character", "content_warning"),
        ({"body": "nul \x00 byte"}, "control_character", "body"),
        ({"body": "bell \x07"}, "control_character", "body"),
        ({"body": "escape \x1b[31m red"}, "control_character", "body"),
        ({"body": "c1 \x85 control"}, "control_character", "body"),
        ({"body": "abc\u202edcba"}, "bidi_control", "body"),
        ({"body": "isolate \u2067x\u2069"}, "bidi_control", "body"),
        ({"body": "ok", "content_warning": "rtl\u202e"}, "bidi_control", "content_warning"),
        ({"body": "zero\u200bwidth"}, "invisible_character", "body"),
        ({"body": "\ufeffbom"}, "invisible_character", "body"),
        ({"body": "word\u2060joiner"}, "invisible_character", "body"),
        ({"body": "ok", "visibility": "everyone"}, "invalid_choice", "visibility"),
        ({"body": "ok", "reply_policy": "friends"}, "invalid_choice", "reply_policy"),
        ({"body": "ok", "quote_policy": "all"}, "invalid_choice", "quote_policy"),
    ],
)
def test_text_policy_violations_are_422_and_nothing_is_stored(client, payload, code, field):
    response = client.post_json("/posts", payload)
    assert_error(response, 422, code, field)
    assert Post.objects.count() == 0


def test_the_limit_counts_characters_not_bytes(client):
    body = "é" * 500  # 1000 bytes in UTF-8, 500 characters
    response = client.post_json("/posts", {"body": body})
    assert response.status_code == 201
    assert response.json()["body"] == body


def test_html_and_script_are_stored_as_text_and_escaped(client):
    body = '<script>alert("x")</script> <img src=x onerror=alert(1)> <a href="javascript:1">a</a>'
    response = client.post_json("/posts", {"body": body, "content_warning": "<b>cw</b>"})
    assert response.status_code == 201
    data = response.json()
    assert Post.objects.get().body == body
    assert data["body"] == body
    assert data["content_warning"] == "<b>cw</b>"
    assert "<script" not in data["html"]
    assert "<img" not in data["html"]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in data["html"]
    assert "href=&quot;javascript:1&quot;" in data["html"]


def test_edit_with_bad_input_changes_nothing(author, client):
    post = make_post(author, "original")
    for payload, code in [
        ({"body": ""}, "empty"),
        ({"body": "x" * 501}, "too_long"),
        ({"body": "a\u202eb"}, "bidi_control"),
        ({"content_warning": "no body"}, "invalid"),
    ]:
        response = client.patch_json(f"/posts/{post.pk}", payload)
        assert_error(response, 422, code)
    post.refresh_from_db()
    assert post.body == "original"
    assert post.edited_at is None


def test_unknown_ids_are_404(client):
    existing = make_post(UserFactory(), "exists")
    missing = existing.pk + 1000
    cases = [
        ("GET", f"/posts/{missing}", None),
        ("PATCH", f"/posts/{missing}", {"body": "x"}),
        ("DELETE", f"/posts/{missing}", None),
        ("PUT", f"/posts/{missing}/controls", {"reply_policy": "nobody"}),
        ("POST", f"/posts/{missing}/like", None),
        ("POST", f"/posts/{missing}/repost", None),
        ("POST", f"/posts/{missing}/bookmark", None),
        ("POST", f"/posts/{missing}/detach-quote", None),
        ("POST", "/posts", {"body": "reply", "reply_to_id": missing}),
        ("POST", "/posts", {"body": "quote", "quote_of_id": missing}),
    ]
    for method, path, payload in cases:
        response = client.call(method, path, payload)
        assert_error(response, 404, "post_not_found")
    for method, path in [("GET", "/users/ghost"), ("POST", "/users/ghost/follow")]:
        assert_error(client.call(method, path), 404, "user_not_found")
    assert Post.objects.count() == 1
    assert not Like.objects.exists()


def test_unknown_route_is_json_404(client):
    response = client.get_json("/no-such-endpoint")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/users/a%00b", "/users/a%00b/posts", "/users/a%00b/followers", "/users/%E2%80%AEevil"],
)
def test_impossible_handles_are_404_not_a_crash(client, path):
    assert_error(client.get_json(path), 404, "user_not_found")


def test_impossible_tags_are_an_empty_feed(client):
    for path in ("/tags/a%00b/posts", "/tags/%20/posts"):
        response = client.get_json(path)
        assert response.status_code == 200
        assert response.json() == {"items": [], "next_cursor": None}
    response = client.get_json("/search/posts", {"q": "#a\x00b"})
    assert response.json() == {"items": [], "next_cursor": None}


def test_other_users_posts(author, client):
    other = UserFactory()
    theirs = make_post(other, "theirs")
    # Visible but not ours: edit and controls are forbidden, delete pretends it is not there.
    assert_error(client.patch_json(f"/posts/{theirs.pk}", {"body": "mine now"}), 403, "not_author")
    assert_error(
        client.put_json(f"/posts/{theirs.pk}/controls", {"reply_policy": "nobody"}),
        403,
        "not_author",
    )
    assert_error(client.delete_json(f"/posts/{theirs.pk}"), 404, "post_not_found")
    # Quote detach is only for the quoted author.
    quoted = make_post(other, "quoted")
    quote = make_post(other, "a self quote", quote_of_id=quoted.pk)
    assert_error(client.post_json(f"/posts/{quote.pk}/detach-quote"), 404, "post_not_found")
    theirs.refresh_from_db()
    quote.refresh_from_db()
    assert (theirs.body, theirs.reply_policy, theirs.deleted_at) == ("theirs", "anyone", None)
    assert quote.quote_detached is False


def test_followers_only_post_is_404_for_non_followers(author, client):
    other = UserFactory()
    private = make_post(other, "followers only", visibility="followers")
    for method, path, payload in [
        ("GET", f"/posts/{private.pk}", None),
        ("GET", f"/posts/{private.pk}/thread", None),
        ("GET", f"/posts/{private.pk}/history", None),
        ("POST", f"/posts/{private.pk}/like", None),
        ("POST", "/posts", {"body": "reply", "reply_to_id": private.pk}),
        ("POST", "/posts", {"body": "quote", "quote_of_id": private.pk}),
    ]:
        assert_error(client.call(method, path, payload), 404, "post_not_found")
    assert Post.objects.count() == 1
    follow(author, other)
    assert client.get_json(f"/posts/{private.pk}").status_code == 200


def test_oversized_body_is_413_and_nothing_stored(client, settings):
    big = "x" * (settings.PRIMUM_MAX_BODY_BYTES + 10)
    response = client.post_json("/posts", {"body": big})
    data = assert_error(response, 413, "payload_too_large")
    assert data["detail"]["limit"] == settings.PRIMUM_MAX_BODY_BYTES
    assert Post.objects.count() == 0


def test_rate_limit_is_429_with_retry_after(author, client, monkeypatch):
    # A fixed clock: the fixed-window limiter must not roll into a new minute mid-test.
    monkeypatch.setattr("primum.core.ratelimit.time.time", lambda: 1_700_000_010.0)
    with override_settings(PRIMUM_WRITE_RATE_PER_MINUTE=2):
        for i in range(2):
            assert client.post_json("/posts", {"body": f"post {i}"}).status_code == 201
        response = client.post_json("/posts", {"body": "one too many"})
        data = assert_error(response, 429, "rate_limited")
        # 30 seconds are left in the window that started at 1_699_999_980.
        assert response["Retry-After"] == "30"
        assert data["detail"]["retry_after"] == 30
        # Every write shares the budget.
        target = UserFactory()
        assert_error(client.post_json(f"/users/{target.username}/follow"), 429, "rate_limited")
    assert Post.objects.count() == 2
    assert not Follow.objects.exists()


def test_method_not_allowed(client):
    response = client.put_json("/timelines/home", {})
    assert response.status_code == 405


def test_anonymous_error_shape():
    response = anonymous_client().post_json("/posts", {"body": "hi"})
    assert_error(response, 401, "not_authenticated")


def test_unknown_api_path_answers_typed_json_404():
    from django.test import Client

    response = Client().get("/api/v1/no-such-endpoint")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"
