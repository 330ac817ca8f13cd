"""The messaging API end to end: inbox, requests with favour labels, sending, accepting,
DM policy, the sender's blindness to requests, bad input, and query counts per page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import anonymous_client, token_client
from primum.messaging import services
from primum.messaging.models import Message
from primum.messaging.tests.factories import start
from primum.social.tests.factories import follow

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return UserFactory(username="alice", display_name="Alice Adams")


@pytest.fixture
def bob():
    return UserFactory(username="bob", display_name="Bob Brown")


@pytest.fixture
def as_alice(alice):
    return token_client(alice)


@pytest.fixture
def as_bob(bob):
    return token_client(bob)


def test_start_a_conversation_and_read_it(as_alice, as_bob, alice, bob):
    follow(bob, alice)
    response = as_alice.post_json(
        "/conversations", {"recipients": ["bob"], "body": "Hi @bob, see https://x.org <b>"}
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["kind"] == "direct"
    assert data["members"] == [{"handle": "bob", "display_name": "Bob Brown"}]
    assert "&lt;b&gt;" in data["last_message"]["html"]
    conversation_id = data["id"]

    inbox = as_bob.get_json("/conversations").json()
    assert inbox["items"][0]["id"] == conversation_id
    assert inbox["items"][0]["unread_count"] == 1
    assert as_bob.get_json("/me/message-counts").json() == {
        "unread_messages": 1,
        "message_requests": 0,
    }
    reply = as_bob.post_json(f"/conversations/{conversation_id}/messages", {"body": "Hello!"})
    assert reply.status_code == 201
    detail = as_bob.get_json(f"/conversations/{conversation_id}").json()
    assert [m["body"] for m in detail["items"]] == ["Hello!", "Hi @bob, see https://x.org <b>"]
    read = as_alice.post_json(f"/conversations/{conversation_id}/read").json()
    assert read["unread_count"] == 0
    assert read["seen_up_to_id"] == detail["items"][0]["id"]  # bob has read up to his reply


def test_request_flow_with_labels_and_no_read_state_for_the_sender(as_alice, as_bob):
    created = as_alice.post_json(
        "/conversations",
        {"recipients": ["@bob"], "body": "Could you share my new book with your followers?"},
    ).json()
    assert created["seen_up_to_id"] is None
    requests = as_bob.get_json("/message-requests").json()["items"]
    assert len(requests) == 1
    item = requests[0]
    assert item["sender"]["handle"] == "alice"
    assert item["favour_summary"] == (
        "Asks you to: share or amplify a book — words: 'share my new book'"
    )
    assert item["favour_labels"][0]["triggers"][0]["start"] == 10
    assert as_bob.get_json("/conversations").json()["items"] == []

    before = as_alice.get_json(f"/conversations/{created['id']}").json()
    as_bob.post_json(f"/conversations/{created['id']}/read")
    assert as_alice.get_json(f"/conversations/{created['id']}").json() == before
    assert as_bob.post_json(f"/message-requests/{created['id']}/delete").status_code == 204
    assert as_alice.get_json(f"/conversations/{created['id']}").json() == before
    assert as_bob.get_json("/message-requests").json()["items"] == []


def test_accept_and_block_from_a_request(as_alice, as_bob, bob):
    carol = UserFactory(username="carol")
    first = start(carol, bob, body="Hello from carol")
    accepted = as_bob.post_json(f"/message-requests/{first.pk}/accept")
    assert accepted.status_code == 200
    assert accepted.json()["state"] == "active"
    second = as_alice.post_json("/conversations", {"recipients": ["bob"], "body": "hi"}).json()
    assert as_bob.post_json(f"/message-requests/{second['id']}/block").status_code == 204
    again = as_alice.post_json("/conversations", {"recipients": ["bob"], "body": "hi"})
    assert again.status_code == 404
    assert again.json()["code"] == "user_not_found"


def test_dm_policy_get_and_put(as_alice, as_bob):
    assert as_bob.get_json("/me/dm-policy").json()["dm_policy"] == "everyone"
    response = as_bob.put_json("/me/dm-policy", {"dm_policy": "following"})
    assert response.json() == {"dm_policy": "following", "dm_policy_label": "People I follow"}
    refused = as_alice.post_json("/conversations", {"recipients": ["bob"], "body": "hi"})
    assert refused.status_code == 403
    assert refused.json() == {
        "code": "dm_not_allowed",
        "message": "@bob only accepts messages from people they follow.",
        "detail": {"field": "recipients"},
    }
    bad = as_bob.put_json("/me/dm-policy", {"dm_policy": "friends"})
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_choice"


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"recipients": ["bob"], "body": ""}, 422, "empty"),
        ({"recipients": ["bob"], "body": "x" * 1001}, 422, "too_long"),
        ({"recipients": ["bob"], "body": "a\x07b"}, 422, "control_character"),
        ({"recipients": ["bob"], "body": "a\u202eb"}, 422, "bidi_control"),
        ({"recipients": ["bob"], "body": "a\u200bb"}, 422, "invisible_character"),
        ({"recipients": [], "body": "hi"}, 422, "no_recipients"),
        ({"recipients": ["ghost_user"], "body": "hi"}, 404, "user_not_found"),
        ({"recipients": "bob", "body": "hi"}, 422, "invalid"),
        ({"body": "hi"}, 422, "invalid"),
        ('{"recipients": ["bob"], "body": ', 400, "invalid_json"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(as_alice, bob, payload, status, code):
    response = as_alice.post_json("/conversations", payload)
    assert response.status_code == status, response.json()
    assert response.json()["code"] == code
    assert Message.objects.count() == 0


def test_script_is_escaped(as_alice, bob):
    body = "<script>alert('x')</script>"
    data = as_alice.post_json("/conversations", {"recipients": ["bob"], "body": body}).json()
    assert data["last_message"]["body"] == body
    assert "<script>" not in data["last_message"]["html"]
    assert "&lt;script&gt;" in data["last_message"]["html"]


def test_unknown_and_other_peoples_conversations_are_404(as_alice, alice, bob):
    carol = UserFactory(username="carol")
    theirs = start(bob, carol)
    for method, path, body in [
        ("GET", f"/conversations/{theirs.pk}", None),
        ("POST", f"/conversations/{theirs.pk}/messages", {"body": "hi"}),
        ("POST", f"/conversations/{theirs.pk}/read", None),
        ("POST", f"/conversations/{theirs.pk}/leave", None),
        ("POST", f"/message-requests/{theirs.pk}/accept", None),
        ("POST", f"/message-requests/{theirs.pk}/delete", None),
        ("GET", "/conversations/999999", None),
    ]:
        response = as_alice.call(method, path, body)
        assert response.status_code == 404, (path, response.json())
        assert response.json()["code"] == "conversation_not_found"
    assert as_alice.get_json("/conversations/0").status_code == 422
    assert as_alice.get_json("/conversations/abc").status_code == 422
    assert Message.objects.count() == 1


def test_needs_a_user_and_write_scope(alice, bob):
    assert anonymous_client().get_json("/conversations").status_code == 401
    reader = token_client(alice, scope="read")
    assert reader.get_json("/conversations").status_code == 200
    refused = reader.post_json("/conversations", {"recipients": ["bob"], "body": "hi"})
    assert refused.status_code == 403
    assert refused.json()["code"] == "insufficient_scope"


def test_bad_cursor_and_limit(as_alice):
    assert as_alice.get_json("/conversations", {"cursor": "nope"}).json()["code"] == (
        "invalid_cursor"
    )
    assert as_alice.get_json("/conversations", {"limit": 0}).status_code == 422


@pytest.mark.parametrize("path", ["/conversations", "/message-requests"])
def test_query_count_is_constant_in_page_size(alice, path):
    client = token_client(alice)

    def count(limit):
        with CaptureQueriesContext(connection) as queries:
            response = client.get_json(path, {"limit": limit})
        assert response.status_code == 200
        return len(queries), len(response.json()["items"])

    for i in range(12):
        other = UserFactory(username=f"peer{i}")
        if path == "/conversations":
            follow(alice, other)
        start(other, alice, body=f"Please share my new book {i}")
    group = services.conversation_start(
        sender=UserFactory(username="grouper"),
        recipients=["alice", "peer0"],
        body="Group hello",
    )
    assert group.kind == "group"
    count(1)  # the token's first use of the minute records last_used_at
    small, n_small = count(3)
    large, n_large = count(12)
    assert (n_small, n_large) == (3, 12)
    assert small == large
