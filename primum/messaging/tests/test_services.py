"""Direct-message services: DM policy and request routing for each relationship, blocks,
the sender's blindness to what happens to a request, bad input with nothing stored."""

from __future__ import annotations

import pytest

from primum.accounts import services as account_services
from primum.accounts.models import Block
from primum.accounts.tests.factories import UserFactory
from primum.core.errors import NotFound, PermissionDenied, ValidationError
from primum.messaging import selectors, services
from primum.messaging.models import Conversation, Membership, Message
from primum.messaging.tests.factories import make_verified, start
from primum.social.tests.factories import follow

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return UserFactory(username="alice")


@pytest.fixture
def bob():
    return UserFactory(username="bob")


def state_of(user, conversation):
    return Membership.objects.get(user=user, conversation=conversation).state


# --- Routing by relationship ---------------------------------------------------------------


def test_stranger_message_lands_in_requests(alice, bob):
    conversation = start(alice, bob, body="Hi, we met at the conference")
    assert state_of(bob, conversation) == "request"
    assert state_of(alice, conversation) == "active"
    assert [r.conversation.pk for r in selectors.requests_folder(bob).items] == [conversation.pk]
    assert selectors.inbox(bob).items == []
    assert [r.conversation.pk for r in selectors.inbox(alice).items] == [conversation.pk]


def test_message_from_someone_the_recipient_follows_goes_to_the_inbox(alice, bob):
    follow(bob, alice)
    conversation = start(alice, bob)
    assert state_of(bob, conversation) == "active"
    assert selectors.inbox(bob).items[0].unread == 1
    assert selectors.unread_total(bob) == 1


def test_following_the_recipient_is_not_enough(alice, bob):
    follow(alice, bob)  # alice follows bob; bob does not follow alice
    conversation = start(alice, bob)
    assert state_of(bob, conversation) == "request"


@pytest.mark.parametrize(
    ("policy", "follows", "verified", "allowed"),
    [
        ("everyone", False, False, True),
        ("following", False, False, False),
        ("following", True, False, True),
        ("following", False, True, False),
        ("verified", False, False, False),
        ("verified", False, True, True),
        ("verified", True, False, True),
        ("nobody", False, False, False),
        ("nobody", True, True, False),
    ],
)
def test_dm_policy_table(alice, bob, policy, follows, verified, allowed):
    services.dm_policy_set(user=bob, policy=policy)
    if follows:
        follow(bob, alice)
    if verified:
        make_verified(alice)
    if allowed:
        conversation = start(alice, bob)
        assert state_of(bob, conversation) == ("active" if follows else "request")
    else:
        with pytest.raises(PermissionDenied) as info:
            start(alice, bob)
        assert info.value.code == "dm_not_allowed"
        assert info.value.message.startswith("@bob ")
        assert Message.objects.count() == 0


def test_refusal_messages_say_who_is_accepted(alice, bob):
    for policy, words in [
        ("following", "@bob only accepts messages from people they follow."),
        ("verified", "@bob only accepts messages from verified clinicians and people they follow."),
        ("nobody", "@bob does not accept direct messages."),
    ]:
        services.dm_policy_set(user=bob, policy=policy)
        with pytest.raises(PermissionDenied) as info:
            start(alice, bob)
        assert info.value.message == words


@pytest.mark.parametrize("direction", ["sender_blocked", "recipient_blocked"])
def test_blocked_either_way_is_not_found(alice, bob, direction):
    if direction == "sender_blocked":
        account_services.block_create(actor=bob, handle="alice")
    else:
        account_services.block_create(actor=alice, handle="bob")
    with pytest.raises(NotFound) as info:
        start(alice, bob)
    assert info.value.code == "user_not_found"  # same as a handle that does not exist
    with pytest.raises(NotFound) as unknown:
        services.conversation_start(sender=alice, recipients=["nobody_here"], body="hi")
    assert unknown.value.as_dict() == info.value.as_dict()
    assert Message.objects.count() == 0


def test_block_after_the_conversation_started_stops_messages_and_hides_it(alice, bob):
    follow(bob, alice)
    conversation = start(alice, bob)
    account_services.block_create(actor=bob, handle="alice")
    with pytest.raises(NotFound) as info:
        services.message_send(sender=alice, conversation_id=conversation.pk, body="hello?")
    assert info.value.code == "conversation_not_found"
    assert selectors.inbox(alice).items == []
    assert selectors.inbox(bob).items == []
    assert Message.objects.count() == 1


# --- Requests: the sender learns nothing ---------------------------------------------------


def _sender_view(alice, conversation):
    view = selectors.conversation_view(alice, conversation.pk)
    row = selectors.inbox(alice).items[0]
    return (
        view.seen_up_to,
        [m.username for m in view.members],
        row.membership.state,
        row.unread,
        row.membership.last_read_message_id,
    )


def test_sender_sees_nothing_of_read_or_decline(alice, bob):
    conversation = start(alice, bob)
    before = _sender_view(alice, conversation)
    assert before[0] is None  # no "seen" for a request
    services.conversation_mark_read(user=bob, conversation_id=conversation.pk)
    assert _sender_view(alice, conversation) == before
    services.request_delete(user=bob, conversation_id=conversation.pk)
    assert _sender_view(alice, conversation) == before
    # and the sender may go on writing; it stays out of bob's sight
    services.message_send(sender=alice, conversation_id=conversation.pk, body="Still there?")
    assert selectors.requests_folder(bob).items == []
    assert selectors.inbox(bob).items == []
    with pytest.raises(NotFound):
        selectors.conversation_view(bob, conversation.pk)


def test_accept_moves_to_inbox_and_then_read_state_shows(alice, bob):
    conversation = start(alice, bob)
    services.request_accept(user=bob, conversation_id=conversation.pk)
    assert state_of(bob, conversation) == "active"
    assert selectors.requests_folder(bob).items == []
    assert selectors.inbox(bob).items[0].unread == 0
    view = selectors.conversation_view(alice, conversation.pk)
    assert view.seen_up_to == conversation.last_message_id


def test_replying_to_a_request_accepts_it(alice, bob):
    conversation = start(alice, bob)
    services.message_send(sender=bob, conversation_id=conversation.pk, body="Hello!")
    assert state_of(bob, conversation) == "active"
    assert selectors.inbox(alice).items[0].unread == 1


def test_declined_request_comes_back_once_the_recipient_follows(alice, bob):
    conversation = start(alice, bob)
    services.request_delete(user=bob, conversation_id=conversation.pk)
    follow(bob, alice)
    services.message_send(sender=alice, conversation_id=conversation.pk, body="Hi again")
    assert state_of(bob, conversation) == "active"


def test_block_from_a_request(alice, bob):
    conversation = start(alice, bob)
    services.conversation_block_sender(user=bob, conversation_id=conversation.pk)
    assert Block.objects.filter(blocker=bob, blocked=alice).exists()
    assert selectors.requests_folder(bob).items == []
    with pytest.raises(NotFound):
        start(alice, bob)


def test_accept_or_delete_needs_a_request(alice, bob):
    follow(bob, alice)
    conversation = start(alice, bob)
    for service in (services.request_accept, services.request_delete):
        with pytest.raises(ValidationError) as info:
            service(user=bob, conversation_id=conversation.pk)
        assert info.value.code == "not_a_request"


# --- One pair, one conversation; groups; leaving ------------------------------------------------


def test_one_pair_has_one_conversation(alice, bob):
    first = start(alice, bob)
    second = start(bob, alice, body="Replying from the profile page")
    assert first.pk == second.pk
    assert Conversation.objects.count() == 1
    assert Message.objects.filter(conversation=first).count() == 2


def test_group_routes_each_member_and_limits_size(alice, bob):
    carol = UserFactory(username="carol")
    follow(carol, alice)
    conversation = services.conversation_start(
        sender=alice, recipients="@bob, @carol", body="Journal club?", title="JC"
    )
    assert conversation.kind == "group"
    assert state_of(bob, conversation) == "request"
    assert state_of(carol, conversation) == "active"
    row = selectors.inbox(carol).items[0]
    assert row.name == "JC"
    many = [UserFactory(username=f"member{i}").username for i in range(10)]
    with pytest.raises(ValidationError) as info:
        services.conversation_start(sender=alice, recipients=many, body="hi")
    assert info.value.code == "too_many_recipients"


def test_leave_a_group(alice, bob):
    carol = UserFactory(username="carol")
    conversation = services.conversation_start(
        sender=alice, recipients=["bob", "carol"], body="Hello both"
    )
    services.conversation_leave(user=alice, conversation_id=conversation.pk)
    with pytest.raises(NotFound):
        services.message_send(sender=alice, conversation_id=conversation.pk, body="back")
    services.message_send(sender=carol, conversation_id=conversation.pk, body="Bye alice")
    assert state_of(alice, conversation) == "left"


def test_left_direct_conversation_returns_with_the_next_message(alice, bob):
    follow(bob, alice)
    conversation = start(alice, bob)
    services.conversation_leave(user=bob, conversation_id=conversation.pk)
    assert selectors.inbox(bob).items == []
    services.message_send(sender=alice, conversation_id=conversation.pk, body="One more thing")
    assert selectors.inbox(bob).items[0].unread == 1


def test_mark_read_resets_unread(alice, bob):
    follow(bob, alice)
    conversation = start(alice, bob)
    services.message_send(sender=alice, conversation_id=conversation.pk, body="Second")
    assert selectors.header_counts(bob) == (2, 0)
    services.conversation_mark_read(user=bob, conversation_id=conversation.pk)
    assert selectors.header_counts(bob) == (0, 0)


def test_favour_labels_are_stored(alice, bob):
    conversation = start(alice, bob, body="Could you share my new book with your followers?")
    labels = conversation.last_message.favour_labels
    assert labels[0]["label"] == "share or amplify a book"
    assert labels[0]["triggers"][0]["text"] == "share my new book"
    row = selectors.requests_folder(bob).items[0]
    assert row.favour_labels == labels


# --- Bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("x" * 1001, "too_long"),
        ("hi\x00there", "control_character"),
        ("hi \u202e there", "bidi_control"),
        ("hi\u200bthere", "invisible_character"),
        (None, "empty"),
        (42, "invalid_type"),
    ],
)
def test_bad_bodies_are_refused_and_nothing_is_stored(alice, bob, body, code):
    with pytest.raises(ValidationError) as info:
        services.conversation_start(sender=alice, recipients=["bob"], body=body)
    assert info.value.code == code
    assert info.value.detail["field"] == "body"
    assert Message.objects.count() == 0
    assert Conversation.objects.count() == 0


def test_longest_message_is_accepted_and_html_is_kept_as_text(alice, bob):
    conversation = start(alice, bob, body="<script>alert(1)</script>" + "é" * 975)
    assert conversation.last_message.body.startswith("<script>")


@pytest.mark.parametrize("conversation_id", [None, "", "abc", -1, 0, 10**30, "1; DROP"])
def test_unknown_conversation_ids(alice, conversation_id):
    with pytest.raises(NotFound) as info:
        services.message_send(sender=alice, conversation_id=conversation_id, body="hi")
    assert info.value.code == "conversation_not_found"


def test_someone_elses_conversation_is_not_found(alice, bob):
    carol = UserFactory(username="carol")
    conversation = start(alice, bob)
    for call in (
        lambda: services.message_send(sender=carol, conversation_id=conversation.pk, body="hi"),
        lambda: selectors.conversation_view(carol, conversation.pk),
        lambda: services.request_accept(user=carol, conversation_id=conversation.pk),
        lambda: services.conversation_mark_read(user=carol, conversation_id=conversation.pk),
        lambda: services.conversation_leave(user=carol, conversation_id=conversation.pk),
    ):
        with pytest.raises(NotFound) as info:
            call()
        assert info.value.code == "conversation_not_found"


@pytest.mark.parametrize(
    ("recipients", "error", "code"),
    [
        ([], ValidationError, "no_recipients"),
        ("", ValidationError, "no_recipients"),
        (None, ValidationError, "no_recipients"),
        ([1, 2], ValidationError, "invalid_recipients"),
        (["alice"], ValidationError, "message_self"),
        (["bad handle!"], NotFound, "user_not_found"),
        (["bo\x00b"], NotFound, "user_not_found"),
    ],
)
def test_bad_recipients(alice, bob, recipients, error, code):
    with pytest.raises(error) as info:
        services.conversation_start(sender=alice, recipients=recipients, body="hi")
    assert info.value.code == code


def test_dm_policy_validation(alice):
    with pytest.raises(ValidationError) as info:
        services.dm_policy_set(user=alice, policy="friends")
    assert info.value.code == "invalid_choice"
    assert selectors.dm_policy_of(alice) == "everyone"
    services.dm_policy_set(user=alice, policy="nobody")
    assert selectors.dm_policy_of(alice) == "nobody"


def test_header_counts_drop_a_request_as_soon_as_its_sender_is_blocked():
    """Counts honour blocks immediately (nothing cached across the block)."""
    from primum.accounts.services import block_create
    from primum.accounts.tests.factories import UserFactory
    from primum.messaging import selectors as message_selectors
    from primum.messaging import services as message_services

    alice, stranger = UserFactory(), UserFactory()
    message_services.conversation_start(
        sender=stranger, recipients=[alice.username], body="Hello there"
    )
    assert message_selectors.header_counts(alice)[1] == 1
    block_create(actor=alice, handle=stranger.username)
    assert message_selectors.header_counts(alice) == (0, 0)
