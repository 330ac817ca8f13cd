"""The message pages through the Django test client: without JavaScript (POST-redirect-GET),
with htmx (fragments), bad input shown next to the field with nothing stored, 404 for other
people's conversations, and a constant number of queries per page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from primum.accounts.models import Block
from primum.accounts.tests.factories import UserFactory
from primum.messaging import services
from primum.messaging.models import Membership, Message
from primum.messaging.tests.factories import start
from primum.social.tests.factories import follow

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def alice():
    return UserFactory(username="alice", display_name="Alice Adams")


@pytest.fixture
def bob():
    return UserFactory(username="bob", display_name="Bob Brown")


@pytest.fixture
def as_alice(client, alice):
    client.force_login(alice)
    return client


def url(name, *args):
    return reverse(f"messaging:{name}", args=args)


def test_pages_need_login(client):
    for path in [
        url("inbox"),
        url("requests"),
        url("new"),
        url("settings"),
        url("conversation", 1),
    ]:
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_profile_has_a_message_button_and_the_form_is_prefilled(as_alice, bob):
    page = as_alice.get("/@bob/").content.decode()
    assert f"{url('new')}?to=bob" in page
    form = as_alice.get(url("new") + "?to=bob").content.decode()
    assert 'value="bob"' in form


def test_send_without_js_and_see_it_in_both_inboxes(as_alice, client, alice, bob):
    follow(bob, alice)
    response = as_alice.post(url("new"), {"recipients": "@bob", "body": "Hi <b>Bob</b>"})
    assert response.status_code == 302
    conversation_id = Message.objects.get().conversation_id
    assert response["Location"] == url("conversation", conversation_id)
    page = as_alice.get(response["Location"]).content.decode()
    assert "Hi &lt;b&gt;Bob&lt;/b&gt;" in page
    client.force_login(bob)
    inbox = client.get(url("inbox")).content.decode()
    assert "Alice Adams" in inbox
    assert 'data-testid="messages-badge"' in inbox
    client.get(url("conversation", conversation_id))  # opening it marks it read
    assert Membership.objects.get(user=bob).unread_count == 0
    assert 'data-testid="messages-badge"' not in client.get(url("inbox")).content.decode()


def test_htmx_send_returns_a_fresh_composer_and_the_message(as_alice, alice, bob):
    follow(bob, alice)
    conversation = start(alice, bob)
    response = as_alice.post(url("send", conversation.pk), {"body": "Second message"}, **HX)
    assert response.status_code == 201
    html = response.content.decode()
    assert 'hx-swap-oob="beforeend:#messages"' in html
    assert "Second message" in html
    no_js = as_alice.post(url("send", conversation.pk), {"body": "Third"})
    assert no_js.status_code == 302


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("", "The message cannot be empty."),
        ("x" * 1001, "The message is 1001 characters long; the limit is 1000."),
        ("a\u202eb", "hidden direction-changing character"),
        ("a\u200bb", "invisible character"),
        ("a\x01b", "control character"),
    ],
)
def test_bad_message_is_shown_next_to_the_field(as_alice, alice, bob, body, words):
    conversation = start(alice, bob)
    for extra in ({}, HX):
        response = as_alice.post(url("send", conversation.pk), {"body": body}, **extra)
        assert response.status_code == 422
        assert words in response.content.decode()
    assert Message.objects.count() == 1


def test_new_message_errors(as_alice, bob):
    services.dm_policy_set(user=bob, policy="nobody")
    response = as_alice.post(url("new"), {"recipients": "bob", "body": "hi"})
    assert response.status_code == 403
    assert "@bob does not accept direct messages." in response.content.decode()
    unknown = as_alice.post(url("new"), {"recipients": "ghost", "body": "hi"})
    assert unknown.status_code == 404
    assert "This account does not exist." in unknown.content.decode()
    assert Message.objects.count() == 0


def test_blocked_recipient_looks_like_an_unknown_account(as_alice, alice, bob):
    Block.objects.create(blocker=bob, blocked=alice)
    blocked = as_alice.post(url("new"), {"recipients": "bob", "body": "hi"})
    unknown = as_alice.post(url("new"), {"recipients": "nobody_at_all", "body": "hi"})
    assert blocked.status_code == unknown.status_code == 404
    assert "This account does not exist." in blocked.content.decode()


def test_requests_page_shows_labels_and_trust_and_accepts(client, alice, bob):
    conversation = start(alice, bob, body="Could you share my new book with your followers?")
    client.force_login(bob)
    page = client.get(url("requests")).content.decode()
    assert "Asks you to: share or amplify a book — words: &#x27;share my new book&#x27;" in page
    assert "@alice" in page
    detail = client.get(url("conversation", conversation.pk)).content.decode()
    assert "Message request" in detail
    assert 'id="composer"' not in detail
    response = client.post(url("accept", conversation.pk))
    assert response.status_code == 302
    assert Membership.objects.get(user=bob).state == "active"
    assert 'id="composer"' in client.get(url("conversation", conversation.pk)).content.decode()


def test_delete_and_block_from_requests(client, alice, bob):
    carol = UserFactory(username="carol")
    first = start(alice, bob)
    second = start(carol, bob)
    client.force_login(bob)
    assert client.post(url("delete", first.pk))["Location"] == url("requests")
    assert client.post(url("block", second.pk))["Location"] == url("requests")
    assert Block.objects.filter(blocker=bob, blocked=carol).exists()
    assert "No message requests." in client.get(url("requests")).content.decode()


def test_someone_elses_conversation_is_404(as_alice, bob):
    carol = UserFactory(username="carol")
    theirs = start(bob, carol)
    for path in [url("conversation", theirs.pk), url("conversation", 99999)]:
        assert as_alice.get(path).status_code == 404
    for name in ["send", "accept", "delete", "block", "leave"]:
        response = as_alice.post(url(name, theirs.pk), {"body": "hi"})
        assert response.status_code == 404, name
    assert Message.objects.count() == 1


def test_dm_settings_page(as_alice, alice):
    page = as_alice.get(url("settings")).content.decode()
    assert "Verified clinicians (and people I follow)" in page
    assert as_alice.post(url("settings"), {"dm_policy": "following"}).status_code == 302
    assert services.selectors.dm_policy_of(alice) == "following"
    bad = as_alice.post(url("settings"), {"dm_policy": "<script>"})
    assert bad.status_code == 422
    assert "dm_policy must be one of" in bad.content.decode()


def test_leave(as_alice, alice, bob):
    conversation = start(alice, bob)
    assert as_alice.post(url("leave", conversation.pk))["Location"] == url("inbox")
    assert "No conversations yet." in as_alice.get(url("inbox")).content.decode()


@pytest.mark.parametrize("name", ["inbox", "requests"])
def test_pages_do_not_grow_queries_with_items(client, alice, name):
    client.force_login(alice)

    def add(n, offset):
        for i in range(offset, offset + n):
            other = UserFactory(username=f"peer{i}")
            if name == "inbox":
                follow(alice, other)
            start(other, alice, body=f"Please share my new book {i}")

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(name)).status_code == 200
        return len(ctx.captured_queries)

    add(2, 0)
    queries()  # the first request also records the session and caches the header counts
    few = queries()
    add(10, 2)
    queries()
    assert queries() == few
