"""Reads for the moderator queue: the open cases, oldest first, and one case in full.

Moderators see everything the engine stored (scores, spans, target, model version) and the
author's trust level and account age; everyone else gets ``case_not_found``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from django.db.models import QuerySet

from primum.core.errors import NotFound
from primum.core.pagination import Page, clamp_page_size, decode_cursor, encode_cursor
from primum.moderation import policies
from primum.moderation.models import ModerationCase
from primum.moderation.screening import account_age_days


def _not_found() -> NotFound:
    return NotFound("This case does not exist.", code="case_not_found")


def _cases(viewer) -> QuerySet[ModerationCase]:
    if not policies.can_review(viewer):
        raise _not_found()
    return ModerationCase.objects.select_related(
        "author__profile", "author__trust", "target_user", "reviewer"
    )


def queue(viewer, *, cursor: str | None = None, limit: int | None = None) -> Page:
    """Open cases, oldest first. A moderator's own held content is left for someone else."""
    qs = _cases(viewer).filter(status=ModerationCase.Status.OPEN).exclude(author=viewer)
    size = clamp_page_size(limit)
    after = decode_cursor(cursor)
    if after is not None:
        qs = qs.filter(pk__gt=after)
    rows = list(qs.order_by("id")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return Page(
        items=[case_view(case) for case in rows],
        next_cursor=encode_cursor(rows[-1].pk) if more and rows else None,
    )


def access_case(viewer, case_id: object) -> ModerationCase:
    try:
        number = int(case_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _not_found() from None
    if not 0 < number < 2**63:
        raise _not_found()
    case = _cases(viewer).filter(pk=number).first()
    if case is None:
        raise _not_found()
    return case


@dataclass
class Segment:
    text: str
    labels: list[str]
    reasons: list[str]


@dataclass
class CaseView:
    case: ModerationCase
    scores: list[tuple[str, float]]  # highest first
    segments: list[Segment]  # the text cut at span edges; labelled parts are evidence
    spans: list[dict]
    target: str
    decision: str
    model_version: str
    path: str
    trust_level: int
    trust_label: str
    account_age_days: int | None


TRUST_LABELS = {0: "Unverified", 1: "E-mail confirmed", 2: "Peer-vouched", 3: "Credential-verified"}


def highlight(text: str, spans: list[dict]) -> list[Segment]:
    """Cut ``text`` at every span edge so a template can wrap evidence in <mark> (escaped)."""
    cuts = {0, len(text)}
    good = []
    for span in spans:
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            continue
        start, end = max(0, start), min(len(text), end)
        if start < end:
            good.append((start, end, str(span.get("label", "")), str(span.get("reason", ""))))
            cuts.update((start, end))
    edges = sorted(cuts)
    segments = []
    for a, b in pairwise(edges):
        covering = [s for s in good if s[0] <= a and b <= s[1]]
        segments.append(
            Segment(
                text=text[a:b],
                labels=sorted({s[2] for s in covering}),
                reasons=sorted({s[3] for s in covering if s[3]}),
            )
        )
    return segments


def case_view(case: ModerationCase) -> CaseView:
    data = case.assessment or {}
    scores = sorted(
        ((str(k), float(v)) for k, v in (data.get("scores") or {}).items()),
        key=lambda kv: (-kv[1], kv[0]),
    )
    spans = list(data.get("spans") or [])
    trust = getattr(case.author, "trust", None)  # no row yet: derived from the e-mail
    level = (
        int(trust.level)
        if trust is not None
        else (1 if getattr(case.author, "email_confirmed_at", None) else 0)
    )
    return CaseView(
        case=case,
        scores=scores,
        segments=highlight(case.text, spans),
        spans=spans,
        target=str(data.get("target", "")),
        decision=str(data.get("decision", "")),
        model_version=case.model_version,
        path=str(data.get("path", "")),
        trust_level=level,
        trust_label=TRUST_LABELS.get(level, str(level)),
        account_age_days=account_age_days(case.author),
    )
