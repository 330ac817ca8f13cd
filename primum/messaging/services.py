"""Writes for direct messages: start a conversation, send, accept or delete a request, leave,
mark read, and set the DM policy.

Rules, in the order they are checked when a conversation starts:
1. a recipient blocked by the sender, or who blocked the sender, is ``user_not_found`` — the
   same answer as a handle that does not exist, so a block is never revealed;
2. a recipient whose DM policy refuses the sender is ``dm_not_allowed`` with a plain message
   ("@x only accepts messages from people they follow.");
3. a recipient who does not follow the sender gets the conversation in Requests (membership
   state ``request``); the sender's view of it shows no read state at all.
Every service validates the text with the post rules (``primum.core.text.clean_text``),
counts towards the shared write rate limit, runs in one transaction, and queues side effects
after commit.
"""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from primum.core.errors import NotAuthenticated, NotFound, PermissionDenied, ValidationError
from primum.core.models import SafetyDecision
from primum.core.ratelimit import check_write_rate
from primum.core.text import HANDLE_PATTERN, TextProblem, clean_text
from primum.messaging import policies, selectors
from primum.messaging.favours import detect_favours
from primum.messaging.models import (
    GROUP_MAX_MEMBERS,
    MESSAGE_MAX_CHARS,
    TITLE_MAX_CHARS,
    Conversation,
    DMPolicy,
    Membership,
    Message,
    MessagingSettings,
)
from primum.moderation import screening

User = get_user_model()


def _require_user(actor) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise NotAuthenticated()


def _write(actor) -> None:
    _require_user(actor)
    check_write_rate(actor.pk)


def clean_message(body: object) -> str:
    try:
        return clean_text(body, max_length=MESSAGE_MAX_CHARS, what="The message")
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field="body") from None


def clean_title(title: object) -> str:
    try:
        return clean_text(
            title, max_length=TITLE_MAX_CHARS, allow_empty=True, multiline=False, what="The title"
        )
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field="title") from None


def clean_recipients(recipients: object) -> list[str]:
    """Handles from a list, or from one string separated by commas or spaces ("@a, @b")."""
    if isinstance(recipients, str):
        items: list[object] = [p for p in re.split(r"[\s,]+", recipients) if p]
    elif isinstance(recipients, list | tuple):
        items = list(recipients)
    else:
        items = []
    handles: dict[str, str] = {}
    for item in items:
        if not isinstance(item, str):
            raise ValidationError(
                "Recipients must be handles.", code="invalid_recipients", field="recipients"
            )
        handle = item.strip().lstrip("@")
        if not re.fullmatch(HANDLE_PATTERN, handle):
            raise NotFound("This account does not exist.", code="user_not_found")
        handles.setdefault(handle.lower(), handle)
    if not handles:
        raise ValidationError("Choose who to write to.", code="no_recipients", field="recipients")
    if len(handles) > GROUP_MAX_MEMBERS - 1:
        raise ValidationError(
            f"A group conversation has at most {GROUP_MAX_MEMBERS} people, you included.",
            code="too_many_recipients",
            field="recipients",
        )
    return list(handles.values())


# --- DM policy ---------------------------------------------------------------------------


@transaction.atomic
def dm_policy_set(*, user, policy: object) -> MessagingSettings:
    _write(user)
    if policy not in DMPolicy.values:
        raise ValidationError(
            f"dm_policy must be one of: {', '.join(DMPolicy.values)}.",
            code="invalid_choice",
            field="dm_policy",
        )
    settings_row, _ = MessagingSettings.objects.get_or_create(user=user)
    settings_row.dm_policy = str(policy)
    settings_row.full_clean()
    settings_row.save(update_fields=["dm_policy", "updated_at"])
    return settings_row


# --- Conversations -----------------------------------------------------------------------


def _recipients(sender, handles: list[str]) -> list[tuple[object, str]]:
    """Each recipient with the state their membership starts in; raises as described above."""
    wanted = Q()
    for handle in handles:
        wanted |= Q(username__iexact=handle)
    users = list(
        User.objects.filter(wanted, is_active=True, deleted_at__isnull=True).values_list(
            "pk", "username"
        )
    )
    by_handle = {name.lower(): pk for pk, name in users}
    if any(h.lower() not in by_handle for h in handles):
        raise NotFound("This account does not exist.", code="user_not_found")
    if sender.pk in by_handle.values():
        raise ValidationError(
            "You cannot send a message to yourself.", code="message_self", field="recipients"
        )
    gates = selectors.recipient_gates(sender, list(by_handle.values()))
    ordered = [gates.get(by_handle[h.lower()]) for h in handles]
    if any(gate is None or gate.blocked for gate in ordered):
        raise NotFound("This account does not exist.", code="user_not_found")
    sender_verified: bool | None = None
    result = []
    for gate in ordered:
        assert gate is not None
        if gate.policy != DMPolicy.EVERYONE and not gate.follows_sender and sender_verified is None:
            sender_verified = selectors.is_verified_clinician(sender)
        if not policies.dm_policy_allows(
            policy=gate.policy,
            recipient_follows_sender=gate.follows_sender,
            sender_verified=bool(sender_verified),
        ):
            raise PermissionDenied(
                policies.refusal_message(gate.user.username, gate.policy),
                code="dm_not_allowed",
                field="recipients",
            )
        result.append(
            (gate.user, policies.arrival_state(recipient_follows_sender=gate.follows_sender))
        )
    return result


def _direct_key(a: int, b: int) -> str:
    low, high = sorted((a, b))
    return f"{low}:{high}"


def conversation_start(
    *, sender, recipients: object, body: object, title: object = ""
) -> Conversation:
    """Start a conversation (or continue the one a pair already has) with a first message.

    The message is assessed by the safety engine before the write transaction opens.
    """
    _write(sender)
    handles = clean_recipients(recipients)
    text = clean_message(body)
    title_text = clean_title(title)
    people = _recipients(sender, handles)
    screened = screening.assess_message(
        sender, text, recipient_ids=[user.pk for user, _state in people]
    )
    with transaction.atomic():
        return _conversation_start(sender, people, text, title_text, screened)


def _conversation_start(sender, people, text: str, title_text: str, screened) -> Conversation:
    if len(people) == 1:
        peer, state = people[0]
        key = _direct_key(sender.pk, peer.pk)
        conversation = Conversation.objects.filter(direct_key=key).first()
        if conversation is None:
            try:
                with transaction.atomic():
                    conversation = Conversation(
                        kind=Conversation.Kind.DIRECT, direct_key=key, created_by=sender
                    )
                    conversation.full_clean()
                    conversation.save()
            except IntegrityError:  # both wrote first at the same moment
                conversation = Conversation.objects.get(direct_key=key)
            Membership.objects.bulk_create(
                [
                    Membership(conversation=conversation, user=sender, peer=peer),
                    Membership(conversation=conversation, user=peer, peer=sender, state=state),
                ],
                ignore_conflicts=True,
            )
        # Whoever starts (again) has the conversation back in their inbox.
        Membership.objects.filter(conversation=conversation, user=sender).exclude(
            state=Membership.State.ACTIVE
        ).update(state=Membership.State.ACTIVE)
    else:
        conversation = Conversation(
            kind=Conversation.Kind.GROUP, title=title_text, created_by=sender
        )
        conversation.full_clean()
        conversation.save()
        Membership.objects.bulk_create(
            [Membership(conversation=conversation, user=sender)]
            + [Membership(conversation=conversation, user=u, state=s) for u, s in people]
        )
    _append(conversation, sender, text, screened)
    return conversation


def _append(conversation: Conversation, sender, text: str, screened) -> Message:
    """Store the message with its assessment and bring the inbox columns up to date.

    A held message reaches only its sender's own view: the other members' inbox columns,
    unread counts and the conversation's last message stay as they were until a moderator
    releases it (``message_deliver_held``).
    """
    labels = [label.as_dict() for label in detect_favours(text)]
    message = Message(
        conversation=conversation,
        sender=sender,
        body=text,
        favour_labels=labels,
        **screened.fields(),
    )
    message.full_clean()
    message.save()
    stamp = {"last_message_id": message.pk, "last_message_at": message.created_at}
    Membership.objects.filter(conversation=conversation, user=sender).update(
        **stamp, last_read_message_id=message.pk, unread_count=0
    )
    if message.safety_decision == SafetyDecision.HOLD:
        from primum.moderation.services import case_open_for_message

        case_open_for_message(message=message, target_id=screened.target_id)
        return message
    _deliver(conversation, message)
    return message


def _deliver(conversation: Conversation, message: Message) -> None:
    """Make ``message`` the conversation's latest for everyone else: inbox and unread."""
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message=message, updated_at=message.created_at
    )
    conversation.last_message = message
    stamp = {"last_message_id": message.pk, "last_message_at": message.created_at}
    others = Membership.objects.filter(conversation=conversation).exclude(user=message.sender_id)
    if conversation.kind == Conversation.Kind.DIRECT:
        _direct_return(conversation, message.sender)
    others.exclude(state=Membership.State.LEFT).update(**stamp, unread_count=F("unread_count") + 1)


def message_deliver_held(*, message: Message, decision: str) -> Message:
    """A moderator released a held message: it gets ``decision`` and is delivered now.

    If newer messages were delivered meanwhile, it still counts as unread but does not
    become the inbox's "latest message". Call inside the moderation service's transaction.
    """
    if message.safety_decision != SafetyDecision.HOLD:
        return message
    message.safety_decision = decision
    message.save(update_fields=["safety_decision", "updated_at"])
    conversation = Conversation.objects.select_for_update().get(pk=message.conversation_id)
    if (conversation.last_message_id or 0) < message.pk:
        _deliver(conversation, message)
    else:
        Membership.objects.filter(conversation=conversation).exclude(
            user=message.sender_id
        ).exclude(state=Membership.State.LEFT).update(unread_count=F("unread_count") + 1)
    return message


def message_remove_held(*, message: Message) -> None:
    """A moderator removed a held message: it is deleted (the case keeps a copy)."""
    message.delete()


def _direct_return(conversation: Conversation, sender) -> None:
    """A direct conversation the recipient left comes back with the next message (as a request
    unless they follow the sender); a deleted request stays deleted unless the recipient has
    since followed the sender. The sender learns nothing either way."""
    from primum.social.models import Follow

    other = Membership.objects.filter(conversation=conversation).exclude(user=sender).first()
    if other is None or other.state == Membership.State.ACTIVE:
        return
    follows = Follow.objects.filter(follower_id=other.user_id, followee=sender).exists()
    if other.state == Membership.State.LEFT:
        new_state = policies.arrival_state(recipient_follows_sender=follows)
    elif other.state == Membership.State.DECLINED and follows:
        new_state = Membership.State.ACTIVE
    else:
        return
    Membership.objects.filter(pk=other.pk).update(state=new_state, unread_count=0)


def message_send(*, sender, conversation_id: object, body: object) -> Message:
    """Send a message; it is assessed before the write transaction opens."""
    _write(sender)
    membership = selectors.access_conversation(sender, conversation_id)
    text = clean_message(body)
    conversation = membership.conversation
    if conversation.kind == Conversation.Kind.DIRECT and membership.peer_id:
        recipient_ids = [membership.peer_id]
    else:
        recipient_ids = selectors.other_member_ids(conversation, sender)
    screened = screening.assess_message(
        sender,
        text,
        recipient_ids=recipient_ids,
        parent_text=selectors.last_text_from_others(conversation, sender),
    )
    with transaction.atomic():
        if membership.state == Membership.State.REQUEST:
            # Answering a request accepts it.
            membership.state = Membership.State.ACTIVE
            membership.save(update_fields=["state", "updated_at"])
        if conversation.kind == Conversation.Kind.DIRECT and membership.peer_id:
            _check_direct_consent(sender, conversation, membership.peer_id)
        return _append(conversation, sender, text, screened)


def _check_direct_consent(sender, conversation: Conversation, peer_id: int) -> None:
    """Until the recipient accepts, each new message must still pass their DM policy."""
    peer_state = (
        Membership.objects.filter(conversation=conversation, user_id=peer_id)
        .values_list("state", flat=True)
        .first()
    )
    if peer_state == Membership.State.ACTIVE:
        return
    gate = selectors.recipient_gates(sender, [peer_id]).get(peer_id)
    if gate is None or gate.blocked:
        raise selectors._not_found()
    verified = gate.policy == DMPolicy.VERIFIED and selectors.is_verified_clinician(sender)
    if not policies.dm_policy_allows(
        policy=gate.policy, recipient_follows_sender=gate.follows_sender, sender_verified=verified
    ):
        raise PermissionDenied(
            policies.refusal_message(gate.user.username, gate.policy),
            code="dm_not_allowed",
            field="body",
        )


@transaction.atomic
def conversation_mark_read(*, user, conversation_id: object) -> Membership:
    _require_user(user)
    membership = selectors.access_conversation(user, conversation_id)
    last = membership.conversation.last_message_id or 0
    if membership.unread_count or membership.last_read_message_id < last:
        Membership.objects.filter(pk=membership.pk).update(
            last_read_message_id=last, unread_count=0
        )
        membership.last_read_message_id, membership.unread_count = last, 0
    return membership


def _request(user, conversation_id: object) -> Membership:
    membership = selectors.access_conversation(user, conversation_id)
    if membership.state != Membership.State.REQUEST:
        raise ValidationError("This conversation is not a message request.", code="not_a_request")
    return membership


@transaction.atomic
def request_accept(*, user, conversation_id: object) -> Membership:
    """Move a request to the inbox; from now on the sender sees when it was read."""
    _write(user)
    membership = _request(user, conversation_id)
    last = membership.conversation.last_message_id or 0
    membership.state = Membership.State.ACTIVE
    membership.last_read_message_id = last
    membership.unread_count = 0
    membership.full_clean()
    membership.save(update_fields=["state", "last_read_message_id", "unread_count", "updated_at"])
    return membership


@transaction.atomic
def request_delete(*, user, conversation_id: object) -> None:
    """Delete (decline) a request: it leaves the Requests folder; the sender is not told."""
    _write(user)
    membership = _request(user, conversation_id)
    Membership.objects.filter(pk=membership.pk).update(
        state=Membership.State.DECLINED, unread_count=0, updated_at=timezone.now()
    )


@transaction.atomic
def conversation_leave(*, user, conversation_id: object) -> None:
    """Leave a conversation: it leaves the inbox. A direct one comes back with the next
    message from the other person; a group one does not."""
    _write(user)
    membership = selectors.access_conversation(user, conversation_id)
    Membership.objects.filter(pk=membership.pk).update(
        state=Membership.State.LEFT, unread_count=0, updated_at=timezone.now()
    )


def conversation_block_sender(*, user, conversation_id: object) -> None:
    """Block the person a request came from (from the request itself), and delete the request."""
    from primum.accounts.services import block_create

    with transaction.atomic():
        membership = _request(user, conversation_id)
        sender = membership.peer or (
            User.objects.filter(pk=membership.conversation.created_by_id).first()
        )
        if sender is None:
            raise selectors._not_found()
        Membership.objects.filter(pk=membership.pk).update(
            state=Membership.State.DECLINED, unread_count=0, updated_at=timezone.now()
        )
        block_create(actor=user, handle=sender.username)
