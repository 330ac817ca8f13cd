"""JSON API: the moderator queue under /moderation/ and the composer's draft check at
/safety/check.

Thin, like every API module: parse, call one selector or service, render. The queue answers
``case_not_found`` (404) to anyone who may not review, exactly as for a case that does not
exist. Scores leave the server only here, and only for moderators.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema

from primum.api.auth import require_user, user_read_auth, write_auth
from primum.moderation import screening, selectors, services

router = Router(tags=["moderation"])
safety_router = Router(tags=["safety"])

MAX_ID = 2**63 - 1
CaseId = Annotated[int, Path(ge=1, le=MAX_ID)]


# --- Schemas -------------------------------------------------------------------------------


class PageQuery(Schema):
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the last page")
    limit: int | None = Field(None, ge=1, le=100, description="page size, 1 to 100 (default 20)")


class PersonOut(Schema):
    handle: str
    display_name: str


class SpanOut(Schema):
    start: int
    end: int
    label: str
    reason: str
    text: str


class CaseOut(Schema):
    id: int
    kind: str = Field(..., description="post | message")
    status: str = Field(..., description="open | released | removed | withdrawn")
    post_id: int | None
    message_id: int | None
    conversation_id: int | None
    text: str = Field(..., description="the held text as written (a copy kept with the case)")
    author: PersonOut
    author_trust_level: int = Field(..., description="0 unverified … 3 credential-verified")
    author_trust_label: str
    author_account_age_days: int | None
    target_user: PersonOut | None
    target: str = Field(..., description="what the engine says the text aims at")
    scores: dict[str, float]
    spans: list[SpanOut]
    engine_decision: str
    model_version: str
    created_at: datetime
    outcome: str = Field(..., description="after release: allow | collapse")
    reason: str
    decided_at: datetime | None


class CasePageOut(Schema):
    items: list[CaseOut]
    next_cursor: str | None


class ReleaseIn(Schema):
    decision: str = Field(..., description="allow | collapse")
    reason: str = Field(..., description="required; the author is told")


class RemoveIn(Schema):
    reason: str = Field(..., description="required; the author is told")


class DraftCheckIn(Schema):
    text: str = Field(..., description="the draft, at most 1000 characters")
    reply_to_id: int | None = Field(None, ge=1, le=MAX_ID)
    quote_of_id: int | None = Field(None, ge=1, le=MAX_ID)
    recipient: str | None = Field(None, max_length=100, description="a handle, for a DM")
    space: str | None = Field(None, description="public | direct | professional | patient")
    with_scores: bool = Field(False, description="moderators only: add the full assessment")


class DraftCheckOut(Schema):
    decision: str
    phi: dict[str, Any]
    advice: dict[str, Any] | None
    coach: dict[str, Any] | None
    assessment: dict[str, Any] | None = None


# --- Rendering -----------------------------------------------------------------------------


def _person(user) -> dict[str, str] | None:
    if user is None:
        return None
    profile = getattr(user, "profile", None)
    return {
        "handle": user.username,
        "display_name": (profile.display_name if profile else "") or user.username,
    }


def _case_out(view: selectors.CaseView) -> dict[str, Any]:
    case = view.case
    return {
        "id": case.pk,
        "kind": case.kind,
        "status": case.status,
        "post_id": case.post_id,
        "message_id": case.message_id,
        "conversation_id": case.message.conversation_id if case.message_id else None,
        "text": case.text,
        "author": _person(case.author),
        "author_trust_level": view.trust_level,
        "author_trust_label": view.trust_label,
        "author_account_age_days": view.account_age_days,
        "target_user": _person(case.target_user),
        "target": view.target,
        "scores": dict(view.scores),
        "spans": [
            {
                "start": int(span.get("start", 0)),
                "end": int(span.get("end", 0)),
                "label": str(span.get("label", "")),
                "reason": str(span.get("reason", "")),
                "text": case.text[int(span.get("start", 0)) : int(span.get("end", 0))],
            }
            for span in view.spans
        ],
        "engine_decision": view.decision,
        "model_version": view.model_version,
        "created_at": case.created_at,
        "outcome": case.outcome,
        "reason": case.reason,
        "decided_at": case.decided_at,
    }


def _one(user, case_id: int) -> dict[str, Any]:
    case = selectors.access_case(user, case_id)
    return _case_out(selectors.case_view(case))


# --- Moderation ----------------------------------------------------------------------------


@router.get(
    "/moderation/cases",
    response=CasePageOut,
    auth=user_read_auth,
    summary="Moderators: open cases of held content, oldest first",
)
def case_list(request: HttpRequest, query: Query[PageQuery]):
    page = selectors.queue(require_user(request), cursor=query.cursor, limit=query.limit)
    return {"items": [_case_out(view) for view in page.items], "next_cursor": page.next_cursor}


@router.get(
    "/moderation/cases/{case_id}",
    response=CaseOut,
    auth=user_read_auth,
    summary="Moderators: one case with the engine's full assessment",
)
def case_detail(request: HttpRequest, case_id: CaseId):
    return _one(require_user(request), case_id)


@router.post(
    "/moderation/cases/{case_id}/release",
    response=CaseOut,
    auth=write_auth,
    summary="Moderators: publish held content (allow or collapse), with a reason",
)
def case_release(request: HttpRequest, case_id: CaseId, payload: ReleaseIn):
    user = require_user(request)
    services.case_release(
        actor=user, case_id=case_id, decision=payload.decision, reason=payload.reason
    )
    return _one(user, case_id)


@router.post(
    "/moderation/cases/{case_id}/remove",
    response=CaseOut,
    auth=write_auth,
    summary="Moderators: remove held content, with a reason",
)
def case_remove(request: HttpRequest, case_id: CaseId, payload: RemoveIn):
    user = require_user(request)
    services.case_remove(actor=user, case_id=case_id, reason=payload.reason)
    return _one(user, case_id)


# --- The composer's check ------------------------------------------------------------------


@safety_router.post(
    "/safety/check",
    response=DraftCheckOut,
    auth=write_auth,
    summary="Check a draft: PHI, medical advice (patient spaces) and the reply coach",
)
def safety_check(request: HttpRequest, payload: DraftCheckIn):
    result = screening.draft_check(
        actor=require_user(request),
        text=payload.text,
        reply_to_id=payload.reply_to_id,
        quote_of_id=payload.quote_of_id,
        recipient=payload.recipient,
        space=payload.space,
        with_scores=payload.with_scores,
    )
    return result.to_dict(with_scores=payload.with_scores)
