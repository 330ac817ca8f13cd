"""JSON API for pile-on events: the target's list, one event, and the bulk actions.

Only an event's target sees it: for anyone else every endpoint answers 404
``pileon_not_found``, whether the event exists or not. The page views call the same services.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Path, Router, Schema

from primum.api.auth import require_user, user_read_auth, write_auth
from primum.moderation import pileon

router = Router(tags=["safety"])

EventId = Annotated[int, Path(ge=1, le=2**62)]


class PileOnAccountOut(Schema):
    handle: str
    display_name: str
    account_age_days: int
    joined_at: datetime
    trust_level: int
    trust_label: str
    trust_summary: str
    follows_you: bool
    blocked: bool
    muted: bool
    post_ids: list[int]


class PileOnSummaryOut(Schema):
    id: int
    url: str
    severity: str
    explanation: str
    started_at: datetime
    detected_at: datetime
    target_post_id: int | None
    hostile_author_count: int
    detector_version: str


class PileOnOut(PileOnSummaryOut):
    accounts: list[PileOnAccountOut]
    signals: dict[str, Any]


class PileOnListOut(Schema):
    items: list[PileOnSummaryOut]


class BulkOut(Schema):
    done: list[str]
    already: list[str]
    left: list[str]


def _summary(event) -> dict[str, Any]:
    return {
        "id": event.pk,
        "url": reverse("moderation_pileon:detail", kwargs={"event_id": event.pk}),
        "severity": event.severity,
        "explanation": event.explanation,
        "started_at": event.started_at,
        "detected_at": event.detected_at,
        "target_post_id": event.target_post_id,
        "hostile_author_count": len(event.hostile_author_ids),
        "detector_version": event.detector_version,
    }


@router.get(
    "/safety/pile-ons",
    response=PileOnListOut,
    auth=user_read_auth,
    summary="Pile-ons aimed at you (newest first, at most 100)",
)
def pileon_list(request: HttpRequest):
    viewer = require_user(request)
    return {"items": [_summary(e) for e in pileon.pileon_events(viewer)[:100]]}


@router.get(
    "/safety/pile-ons/{event_id}",
    response=PileOnOut,
    auth=user_read_auth,
    summary="One pile-on aimed at you, with the accounts involved",
)
def pileon_detail(request: HttpRequest, event_id: EventId):
    viewer = require_user(request)
    event = pileon.access_pileon_event(viewer, event_id)
    accounts = [
        {
            "handle": a.handle,
            "display_name": a.name,
            "account_age_days": a.account_age_days,
            "joined_at": a.joined_at,
            "trust_level": a.trust_level,
            "trust_label": a.trust_label,
            "trust_summary": a.trust_summary,
            "follows_you": a.follows_target,
            "blocked": a.blocked,
            "muted": a.muted,
            "post_ids": [p.pk for p in a.posts],
        }
        for a in pileon.pileon_involved(event)
    ]
    signals = {
        k: v
        for k, v in event.details.items()
        if k not in {"hostile_authors", "interaction_ids", "target_account_id", "explanation"}
    }
    return {**_summary(event), "accounts": accounts, "signals": signals}


@router.post(
    "/safety/pile-ons/{event_id}/block-all",
    response=BulkOut,
    auth=write_auth,
    summary="Block every account in a pile-on aimed at you",
)
def pileon_block_all(request: HttpRequest, event_id: EventId):
    viewer = require_user(request)
    return pileon.pileon_block_all(actor=viewer, event_id=event_id).as_dict()


@router.post(
    "/safety/pile-ons/{event_id}/mute-all",
    response=BulkOut,
    auth=write_auth,
    summary="Mute every account in a pile-on aimed at you",
)
def pileon_mute_all(request: HttpRequest, event_id: EventId):
    viewer = require_user(request)
    return pileon.pileon_mute_all(actor=viewer, event_id=event_id).as_dict()
