"""Reads for direct messages: the inbox, the Requests folder, one conversation, counts.

Access is decided in SQL: a conversation is readable only through the reader's own active or
request membership, so someone else's conversation id is ``conversation_not_found``, exactly
like an id that does not exist. Direct conversations with someone blocked either way drop out
of every list. Pages cost a constant number of queries whatever their size: unread counts
and the last activity are columns of the membership row, and group members, request messages
and trust hints are fetched once per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from primum.accounts.models import Block
from primum.core.errors import NotFound
from primum.core.models import SafetyDecision
from primum.core.pagination import Page, paginate_by_id
from primum.messaging import policies
from primum.messaging.models import (
    Conversation,
    DMPolicy,
    Membership,
    Message,
    MessagingSettings,
)

User = get_user_model()

REQUEST_MESSAGES_SHOWN = 5


def _int_id(value: object) -> int | None:
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def _not_found() -> NotFound:
    return NotFound(
        "This conversation does not exist or you are not in it.", code="conversation_not_found"
    )


def _blocked_with(user, ref: str) -> Exists:
    return Exists(
        Block.objects.filter(
            Q(blocker=user, blocked=OuterRef(ref)) | Q(blocked=user, blocker=OuterRef(ref))
        )
    )


# --- Policy facts --------------------------------------------------------------------------


def dm_policy_of(user) -> str:
    value = MessagingSettings.objects.filter(user=user).values_list("dm_policy", flat=True).first()
    return value or DMPolicy.EVERYONE


@dataclass
class RecipientGate:
    user: object
    policy: str
    follows_sender: bool
    blocked: bool


def recipient_gates(sender, recipient_ids: list[int]) -> dict[int, RecipientGate]:
    """For each recipient, in one query: their DM policy, whether they follow the sender and
    whether a block stands between them (either way)."""
    from primum.social.models import Follow

    rows = (
        User.objects.filter(pk__in=recipient_ids, is_active=True, deleted_at__isnull=True)
        .annotate(
            dm_policy=Coalesce(
                MessagingSettings.objects.filter(user=OuterRef("pk")).values("dm_policy")[:1],
                Value(DMPolicy.EVERYONE.value),
            ),
            follows_sender=Exists(Follow.objects.filter(follower=OuterRef("pk"), followee=sender)),
            blocked=_blocked_with(sender, "pk"),
        )
        .select_related("profile")
    )
    return {
        row.pk: RecipientGate(row, row.dm_policy, row.follows_sender, row.blocked) for row in rows
    }


def is_verified_clinician(user) -> bool:
    return User.objects.filter(pk=user.pk, trust__is_verified_clinician=True).exists()


# --- One conversation ----------------------------------------------------------------------


def _memberships(user) -> QuerySet[Membership]:
    # last_message_id 0: nothing was delivered to this member yet (the conversation's first
    # message is held for review), so the conversation does not exist for them.
    return (
        Membership.objects.filter(user=user, last_message_id__gt=0)
        .filter(Q(peer__isnull=True) | Q(peer__is_active=True))
        .exclude(Q(peer__isnull=False) & Q(_blocked_with(user, "peer")))
    )


def access_conversation(user, conversation_id: object) -> Membership:
    """The reader's membership (with its conversation) if they may read it; NotFound else."""
    number = _int_id(conversation_id)
    if number is None or not getattr(user, "is_authenticated", False):
        raise _not_found()
    membership = (
        _memberships(user)
        .select_related("conversation", "peer__profile")
        .filter(
            conversation_id=number,
            state__in=[Membership.State.ACTIVE, Membership.State.REQUEST],
        )
        .first()
    )
    if not policies.can_read(membership):
        raise _not_found()
    return membership


def _delivered(messages: QuerySet[Message], reader) -> QuerySet[Message]:
    """Messages the reader may see: everything except other people's held messages."""
    return messages.filter(~Q(safety_decision=SafetyDecision.HOLD) | Q(sender=reader))


def other_member_ids(conversation: Conversation, user) -> list[int]:
    return list(
        Membership.objects.filter(conversation=conversation)
        .exclude(user=user)
        .exclude(state=Membership.State.LEFT)
        .order_by("id")
        .values_list("user_id", flat=True)
    )


def last_text_from_others(conversation: Conversation, user) -> str | None:
    """The latest delivered message someone else wrote (what a new message answers)."""
    return (
        Message.objects.filter(conversation=conversation)
        .exclude(sender=user)
        .exclude(safety_decision=SafetyDecision.HOLD)
        .order_by("-id")
        .values_list("body", flat=True)
        .first()
    )


@dataclass
class ConversationView:
    membership: Membership
    conversation: Conversation
    members: list  # users other than the reader, still in the conversation
    page: Page[Message]  # newest first
    seen_up_to: int | None  # direct only, and only once the peer accepted

    @property
    def messages_oldest_first(self) -> list[Message]:
        return list(reversed(self.page.items))

    @property
    def is_request(self) -> bool:
        return self.membership.state == Membership.State.REQUEST

    @property
    def seen_message_id(self) -> int | None:
        """The reader's latest message the other person has read (for a "Seen" mark)."""
        if self.seen_up_to is None:
            return None
        mine = [
            m.pk
            for m in self.page.items
            if m.sender_id == self.membership.user_id and m.pk <= self.seen_up_to
        ]
        return max(mine, default=None)


def _other_members(conversation_ids: list[int], user) -> dict[int, list[Membership]]:
    found: dict[int, list[Membership]] = {}
    if not conversation_ids:
        return found
    rows = (
        Membership.objects.filter(conversation_id__in=conversation_ids)
        .exclude(user=user)
        .exclude(state=Membership.State.LEFT)
        .select_related("user__profile")
        .order_by("id")
    )
    for row in rows:
        found.setdefault(row.conversation_id, []).append(row)
    return found


def conversation_view(
    user, conversation_id: object, *, cursor: str | None = None, limit: int | None = None
) -> ConversationView:
    membership = access_conversation(user, conversation_id)
    conversation = membership.conversation
    page = paginate_by_id(
        _delivered(Message.objects.filter(conversation=conversation), user).select_related(
            "sender__profile"
        ),
        cursor=cursor,
        limit=limit,
    )
    others = _other_members([conversation.pk], user).get(conversation.pk, [])
    seen = None
    if conversation.kind == Conversation.Kind.DIRECT and others:
        peer_membership = others[0]
        if policies.shows_read_state(peer_membership):
            seen = peer_membership.last_read_message_id
    return ConversationView(
        membership=membership,
        conversation=conversation,
        members=[m.user for m in others],
        page=page,
        seen_up_to=seen,
    )


# --- Lists ---------------------------------------------------------------------------------


@dataclass
class InboxRow:
    membership: Membership
    conversation: Conversation
    peer: object | None
    members: list = field(default_factory=list)
    messages: list = field(default_factory=list)  # requests only: the latest few, oldest first
    favour_labels: list = field(default_factory=list)  # requests only
    trust: object | None = None  # requests only: identity.selectors.TrustHint

    @property
    def unread(self) -> int:
        return self.membership.unread_count

    @property
    def last_message(self) -> Message | None:
        return self.conversation.last_message

    @property
    def name(self) -> str:
        if self.conversation.title:
            return self.conversation.title
        people = [self.peer] if self.peer is not None else self.members
        return ", ".join(
            (getattr(p, "profile", None) and p.profile.display_name) or p.username for p in people
        )


def _list(user, state: str, *, cursor: str | None, limit: int | None) -> Page[Membership]:
    qs = (
        _memberships(user)
        .filter(state=state)
        .select_related("conversation__last_message__sender__profile", "peer__profile")
    )
    return paginate_by_id(qs, cursor=cursor, limit=limit, field="last_message_id")


def _rows(user, page: Page[Membership]) -> list[InboxRow]:
    group_ids = [m.conversation_id for m in page.items if m.peer_id is None]
    members = _other_members(group_ids, user)
    return [
        InboxRow(
            membership=m,
            conversation=m.conversation,
            peer=m.peer,
            members=[x.user for x in members.get(m.conversation_id, [])],
        )
        for m in page.items
    ]


def inbox(user, *, cursor: str | None = None, limit: int | None = None) -> Page[InboxRow]:
    """Accepted conversations, newest activity first; unread counts come with each row."""
    page = _list(user, Membership.State.ACTIVE, cursor=cursor, limit=limit)
    return Page(items=_rows(user, page), next_cursor=page.next_cursor)


def _trust_hints(viewer, users) -> dict:
    try:
        from primum.identity.selectors import trust_hints
    except ImportError:  # the identity app's trust selectors are optional here
        return {}
    return trust_hints(viewer, users)


def requests_folder(user, *, cursor: str | None = None, limit: int | None = None) -> Page[InboxRow]:
    """Message requests with their latest messages, favour labels and a trust hint for each
    sender, in a constant number of queries."""
    page = _list(user, Membership.State.REQUEST, cursor=cursor, limit=limit)
    rows = _rows(user, page)
    ids = [row.conversation.pk for row in rows]
    latest: dict[int, list[Message]] = {}
    if ids:
        # Requests are short by nature; the newest few per conversation are enough to triage.
        for message in (
            Message.objects.filter(conversation_id__in=ids)
            .exclude(sender=user)
            .exclude(safety_decision=SafetyDecision.HOLD)
            .select_related("sender__profile")
            .order_by("-id")[: REQUEST_MESSAGES_SHOWN * len(ids)]
        ):
            bucket = latest.setdefault(message.conversation_id, [])
            if len(bucket) < REQUEST_MESSAGES_SHOWN:
                bucket.append(message)
    senders = {}
    for row in rows:
        row.messages = list(reversed(latest.get(row.conversation.pk, [])))
        seen_kinds: dict[str, dict] = {}
        for message in row.messages:
            for label in message.favour_labels or []:
                seen_kinds.setdefault(label["kind"], label)
        row.favour_labels = list(seen_kinds.values())
        who = request_sender(row)
        if who is not None:
            senders[who.pk] = who
    hints = _trust_hints(user, list(senders.values()))
    for row in rows:
        who = request_sender(row)
        row.trust = hints.get(who.pk) if who is not None else None
    return Page(items=rows, next_cursor=page.next_cursor)


def request_sender(row: InboxRow):
    """Who a request is from: the other person, or in a group the first sender shown."""
    return row.peer or (row.messages[0].sender if row.messages else None)


def unread_total(user) -> int:
    """Unread messages in accepted conversations, for the header."""
    if not getattr(user, "is_authenticated", False):
        return 0
    total = (
        _memberships(user)
        .filter(state=Membership.State.ACTIVE, unread_count__gt=0)
        .aggregate(total=Sum("unread_count"))["total"]
    )
    return int(total or 0)


def request_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return _memberships(user).filter(state=Membership.State.REQUEST).count()


# --- Header counts ------------------------------------------------------------------


def header_counts(user) -> tuple[int, int]:
    """(unread messages, open requests) for the header.

    Not cached: a count cached across a block would keep counting the blocked person's
    request (counts must honour blocks like everything else). Both are indexed aggregates
    over the user's own memberships.
    """
    if not getattr(user, "is_authenticated", False):
        return (0, 0)
    return (unread_total(user), request_count(user))
