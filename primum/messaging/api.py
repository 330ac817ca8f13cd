"""JSON API for direct messages: /conversations, /message-requests and /me/dm-policy.

Endpoints are thin: parse the input, call one service or selector, render. Someone else's
conversation id answers 404 ``conversation_not_found``, like an id that does not exist. A
request's sender never sees whether it was read, is waiting or was deleted: ``seen_up_to_id``
is null until the recipient accepts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from primum.api.auth import require_user, user_read_auth, write_auth
from primum.messaging import selectors, services
from primum.messaging.favours import describe
from primum.messaging.models import GROUP_MAX_MEMBERS, MESSAGE_MAX_CHARS, DMPolicy
from primum.moderation.screening import public_safety
from primum.social.rendering import render_post_html

router = Router(tags=["messages"])

MAX_ID = 2**63 - 1
ConversationId = Annotated[int, Path(ge=1, le=MAX_ID)]
POLICY_HELP = " | ".join(DMPolicy.values)


# --- Schemas -------------------------------------------------------------------------------


class PageQuery(Schema):
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the last page")
    limit: int | None = Field(None, ge=1, le=100, description="page size, 1 to 100 (default 20)")


class ConversationIn(Schema):
    recipients: list[str] = Field(
        ..., description=f"handles, 1 for a direct message, up to {GROUP_MAX_MEMBERS - 1}"
    )
    body: str = Field(..., description=f"plain text, at most {MESSAGE_MAX_CHARS} characters")
    title: str = Field("", description="groups only, at most 80 characters, one line")


class MessageIn(Schema):
    body: str = Field(..., description=f"plain text, at most {MESSAGE_MAX_CHARS} characters")


class DMPolicyIn(Schema):
    dm_policy: str = Field(..., description=POLICY_HELP)


class DMPolicyOut(Schema):
    dm_policy: str
    dm_policy_label: str


class PersonRefOut(Schema):
    handle: str
    display_name: str


class TriggerOut(Schema):
    text: str
    start: int
    end: int


class FavourLabelOut(Schema):
    kind: str
    label: str
    triggers: list[TriggerOut]


class MessageOut(Schema):
    id: int
    conversation_id: int
    sender: PersonRefOut
    body: str
    html: str
    created_at: datetime
    favour_labels: list[FavourLabelOut]
    safety: dict[str, str] | None = Field(
        None, description='null, or {"decision": "collapse" | "hold", "notice": …}; no scores'
    )


class ConversationOut(Schema):
    id: int
    kind: str
    title: str
    name: str
    state: str = Field(..., description="your own membership: active | request")
    members: list[PersonRefOut] = Field(..., description="the other people in it")
    unread_count: int
    last_message_at: datetime | None
    last_message: MessageOut | None
    seen_up_to_id: int | None = Field(
        None, description="direct only: the other person read up to this message id"
    )


class ConversationPageOut(Schema):
    items: list[ConversationOut]
    next_cursor: str | None


class TrustHintOut(Schema):
    summary: str
    level: int
    level_label: str
    joined_at: datetime
    viewer_follows: bool


class RequestOut(ConversationOut):
    sender: PersonRefOut | None
    messages: list[MessageOut]
    favour_labels: list[FavourLabelOut]
    favour_summary: str = Field(..., description='e.g. "Asks you to: promote a book — words: …"')
    trust: TrustHintOut | None


class RequestPageOut(Schema):
    items: list[RequestOut]
    next_cursor: str | None


class MessagePageOut(Schema):
    conversation: ConversationOut
    items: list[MessageOut] = Field(..., description="newest first")
    next_cursor: str | None


class CountsOut(Schema):
    unread_messages: int
    message_requests: int


# --- Rendering (no queries) -------------------------------------------------------------------


def _person(user) -> dict:
    profile = getattr(user, "profile", None)
    return {
        "handle": user.username,
        "display_name": (profile.display_name if profile else "") or user.username,
    }


def _message(message) -> dict:
    return {
        "id": message.pk,
        "conversation_id": message.conversation_id,
        "sender": _person(message.sender),
        "body": message.body,
        "html": render_post_html(message.body),
        "created_at": message.created_at,
        "favour_labels": message.favour_labels or [],
        "safety": public_safety(message.safety_decision),
    }


def _row(row: selectors.InboxRow, *, seen: int | None = None) -> dict:
    people = [row.peer] if row.peer is not None else row.members
    last = row.last_message
    return {
        "id": row.conversation.pk,
        "kind": row.conversation.kind,
        "title": row.conversation.title,
        "name": row.name,
        "state": row.membership.state,
        "members": [_person(p) for p in people],
        "unread_count": row.unread,
        "last_message_at": row.membership.last_message_at,
        "last_message": _message(last) if last is not None else None,
        "seen_up_to_id": seen,
    }


def _request(row: selectors.InboxRow) -> dict:
    sender = selectors.request_sender(row)
    trust = row.trust
    return {
        **_row(row),
        "sender": _person(sender) if sender is not None else None,
        "messages": [_message(m) for m in row.messages],
        "favour_labels": row.favour_labels,
        "favour_summary": describe(row.favour_labels),
        "trust": None
        if trust is None
        else {
            "summary": trust.summary,
            "level": trust.level,
            "level_label": trust.level_label,
            "joined_at": trust.joined_at,
            "viewer_follows": trust.viewer_follows,
        },
    }


def _view_out(view: selectors.ConversationView) -> dict:
    row = selectors.InboxRow(
        membership=view.membership,
        conversation=view.conversation,
        peer=view.membership.peer,
        members=view.members,
    )
    return _row(row, seen=view.seen_up_to)


def _conversation(user, conversation_id: int) -> dict:
    return _view_out(selectors.conversation_view(user, conversation_id, limit=1))


# --- Conversations -------------------------------------------------------------------------


@router.get(
    "/conversations",
    response=ConversationPageOut,
    auth=user_read_auth,
    summary="Your inbox: accepted conversations, newest activity first",
)
def conversation_list(request: HttpRequest, query: Query[PageQuery]):
    page = selectors.inbox(require_user(request), cursor=query.cursor, limit=query.limit)
    return {"items": [_row(r) for r in page.items], "next_cursor": page.next_cursor}


@router.post(
    "/conversations",
    response={201: ConversationOut},
    auth=write_auth,
    summary="Send a first message (starts or continues a conversation)",
)
def conversation_create(request: HttpRequest, payload: ConversationIn):
    user = require_user(request)
    conversation = services.conversation_start(
        sender=user, recipients=payload.recipients, body=payload.body, title=payload.title
    )
    return Status(201, _conversation(user, conversation.pk))


@router.get(
    "/conversations/{conversation_id}",
    response=MessagePageOut,
    auth=user_read_auth,
    summary="One conversation and its messages, newest first",
)
def conversation_detail(
    request: HttpRequest, conversation_id: ConversationId, query: Query[PageQuery]
):
    view = selectors.conversation_view(
        require_user(request), conversation_id, cursor=query.cursor, limit=query.limit
    )
    return {
        "conversation": _view_out(view),
        "items": [_message(m) for m in view.page.items],
        "next_cursor": view.page.next_cursor,
    }


@router.post(
    "/conversations/{conversation_id}/messages",
    response={201: MessageOut},
    auth=write_auth,
    summary="Send a message in a conversation",
)
def message_create(request: HttpRequest, conversation_id: ConversationId, payload: MessageIn):
    message = services.message_send(
        sender=require_user(request), conversation_id=conversation_id, body=payload.body
    )
    return Status(201, _message(message))


@router.post(
    "/conversations/{conversation_id}/read",
    response=ConversationOut,
    auth=write_auth,
    summary="Mark a conversation read",
)
def conversation_read(request: HttpRequest, conversation_id: ConversationId):
    user = require_user(request)
    services.conversation_mark_read(user=user, conversation_id=conversation_id)
    return _conversation(user, conversation_id)


@router.post(
    "/conversations/{conversation_id}/leave",
    response={204: None},
    auth=write_auth,
    summary="Leave a conversation (a direct one returns with the next message)",
)
def conversation_leave(request: HttpRequest, conversation_id: ConversationId):
    services.conversation_leave(user=require_user(request), conversation_id=conversation_id)
    return Status(204, None)


# --- Message requests ----------------------------------------------------------------------


@router.get(
    "/message-requests",
    response=RequestPageOut,
    auth=user_read_auth,
    summary="Messages from people you do not follow, with favour labels and a trust hint",
)
def request_list(request: HttpRequest, query: Query[PageQuery]):
    page = selectors.requests_folder(require_user(request), cursor=query.cursor, limit=query.limit)
    return {"items": [_request(r) for r in page.items], "next_cursor": page.next_cursor}


@router.post(
    "/message-requests/{conversation_id}/accept",
    response=ConversationOut,
    auth=write_auth,
    summary="Accept a message request: it moves to your inbox",
)
def request_accept(request: HttpRequest, conversation_id: ConversationId):
    user = require_user(request)
    services.request_accept(user=user, conversation_id=conversation_id)
    return _conversation(user, conversation_id)


@router.post(
    "/message-requests/{conversation_id}/delete",
    response={204: None},
    auth=write_auth,
    summary="Delete a message request (the sender is not told)",
)
def request_delete(request: HttpRequest, conversation_id: ConversationId):
    services.request_delete(user=require_user(request), conversation_id=conversation_id)
    return Status(204, None)


@router.post(
    "/message-requests/{conversation_id}/block",
    response={204: None},
    auth=write_auth,
    summary="Block the sender of a message request and delete the request",
)
def request_block(request: HttpRequest, conversation_id: ConversationId):
    services.conversation_block_sender(user=require_user(request), conversation_id=conversation_id)
    return Status(204, None)


# --- Settings and counts --------------------------------------------------------------------


def _policy_out(policy: str) -> dict:
    return {"dm_policy": policy, "dm_policy_label": str(DMPolicy(policy).label)}


@router.get(
    "/me/dm-policy", response=DMPolicyOut, auth=user_read_auth, summary="Who may message you"
)
def dm_policy_get(request: HttpRequest):
    return _policy_out(selectors.dm_policy_of(require_user(request)))


@router.put(
    "/me/dm-policy", response=DMPolicyOut, auth=write_auth, summary="Change who may message you"
)
def dm_policy_put(request: HttpRequest, payload: DMPolicyIn):
    row = services.dm_policy_set(user=require_user(request), policy=payload.dm_policy)
    return _policy_out(row.dm_policy)


@router.get(
    "/me/message-counts",
    response=CountsOut,
    auth=user_read_auth,
    summary="Unread messages in your inbox and open message requests",
)
def message_counts(request: HttpRequest):
    unread, requests = selectors.header_counts(require_user(request))
    return {"unread_messages": unread, "message_requests": requests}
