"""The safety engine on direct messages: a held message is not delivered (no inbox row, no
unread count, not in the conversation or the requests folder for the others; its sender sees
it with the banner); a collapsed message is shown behind the notice."""

from __future__ import annotations

import pytest

from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import token_client
from primum.messaging import selectors, services
from primum.messaging.models import Membership, Message
from primum.moderation.models import ModerationCase
from primum.social.tests.factories import follow

pytestmark = pytest.mark.django_db

THREAT = "I know which hospital you work at and when your shift ends. Watch your back."
INSULT = "you are an idiot who should not have a licence"
HELD_BANNER = "Held for review: a moderator will look at it before anyone else sees it"


@pytest.fixture
def alice():
    return UserFactory(username="alice")


@pytest.fixture
def bob():
    return UserFactory(username="bob")


def test_a_held_first_message_creates_nothing_the_recipient_can_see(client, alice, bob):
    follow(bob, alice)  # bob follows alice: her message would land in his inbox
    conversation = services.conversation_start(sender=alice, recipients=["bob"], body=THREAT)
    message = Message.objects.get(conversation=conversation)
    assert message.safety_decision == "hold"
    assert ModerationCase.objects.get(message=message).target_user_id == bob.pk
    assert selectors.inbox(bob).items == []
    assert selectors.requests_folder(bob).items == []
    assert selectors.header_counts(bob) == (0, 0)
    api = token_client(bob)
    assert api.get_json(f"/conversations/{conversation.pk}").status_code == 404
    assert api.get_json("/me/message-counts").json() == {
        "unread_messages": 0,
        "message_requests": 0,
    }
    # The sender sees it, with the banner.
    view = selectors.conversation_view(alice, conversation.pk)
    assert [m.pk for m in view.page.items] == [message.pk]
    client.force_login(alice)
    page = client.get(f"/messages/{conversation.pk}/").content.decode()
    assert HELD_BANNER in page and "Watch your back" in page
    mine = token_client(alice).get_json(f"/conversations/{conversation.pk}").json()
    assert mine["items"][0]["safety"] == {"decision": "hold", "notice": HELD_BANNER}


def test_a_held_reply_in_a_conversation_is_not_delivered(alice, bob):
    follow(bob, alice)
    follow(alice, bob)
    conversation = services.conversation_start(sender=alice, recipients=["bob"], body="Hi Bob")
    services.conversation_mark_read(user=bob, conversation_id=conversation.pk)
    held = services.message_send(sender=alice, conversation_id=conversation.pk, body=THREAT)
    assert held.safety_decision == "hold"
    membership = Membership.objects.get(conversation=conversation, user=bob)
    assert membership.unread_count == 0
    assert membership.last_message_id < held.pk
    conversation.refresh_from_db()
    assert conversation.last_message_id != held.pk
    view = selectors.conversation_view(bob, conversation.pk)
    assert held.pk not in [m.pk for m in view.page.items]
    rows = token_client(bob).get_json("/conversations").json()["items"]
    assert rows[0]["last_message"]["body"] == "Hi Bob"


def test_a_held_message_request_shows_nothing_in_requests(alice, bob):
    services.conversation_start(sender=alice, recipients=["bob"], body="Hello, a question")
    services.message_send(
        sender=alice,
        conversation_id=Membership.objects.get(user=bob).conversation_id,
        body=THREAT,
    )
    rows = selectors.requests_folder(bob).items
    assert len(rows) == 1
    assert [m.body for m in rows[0].messages] == ["Hello, a question"]


def test_a_collapsed_message_is_shown_behind_the_notice(client, alice, bob):
    follow(bob, alice)
    conversation = services.conversation_start(sender=alice, recipients=["bob"], body=INSULT)
    message = Message.objects.get(conversation=conversation)
    assert message.safety_decision == "collapse"
    assert message.safety_assessment["scores"]
    assert selectors.header_counts(bob)[0] == 1  # delivered (it is only collapsed)
    client.force_login(bob)
    page = client.get(f"/messages/{conversation.pk}/").content.decode()
    assert "<summary>Hidden: likely harassment — show anyway</summary>" in page
    data = token_client(bob).get_json(f"/conversations/{conversation.pk}").json()
    assert data["items"][0]["safety"]["decision"] == "collapse"
    assert "scores" not in str(data)
