"""Writes for the moderator queue: open a case for held content, release it, remove it.

Order inside a moderator's action (CONVENTIONS.md, 4): check permission → write the audit
log entry → change state, in one transaction; notifications and jobs run after commit.
Releasing does what publishing would have done at the time (counters, notifications, the
pile-on check, message delivery); removing turns a post into a tombstone and deletes a
message. The case keeps a copy of the text and the assessment either way.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from primum.core.audit import audit_log_write
from primum.core.errors import Conflict, NotAuthenticated, PermissionDenied, ValidationError
from primum.core.models import SafetyDecision
from primum.core.ratelimit import check_write_rate
from primum.core.tasks import after_commit
from primum.core.text import TextProblem, clean_text
from primum.moderation import policies, selectors
from primum.moderation.models import ModerationCase

REASON_MAX_CHARS = 1000
RELEASE_DECISIONS = (SafetyDecision.ALLOW, SafetyDecision.COLLAPSE)


# --- Opening cases (called by the social and messaging services, inside their transaction) --


def case_open_for_post(*, post, target_id: int | None) -> ModerationCase:
    """The open case for a held post: created, or brought up to date after an edit."""
    case = ModerationCase.objects.filter(post=post, status=ModerationCase.Status.OPEN).first()
    if case is None:
        case = ModerationCase(kind=ModerationCase.Kind.POST, post=post, author_id=post.author_id)
    case.target_user_id = target_id
    case.text = post.body
    case.assessment = post.safety_assessment
    case.model_version = post.safety_model_version
    case.full_clean()
    case.save()
    return case


def case_open_for_message(*, message, target_id: int | None) -> ModerationCase:
    case = ModerationCase(
        kind=ModerationCase.Kind.MESSAGE,
        message=message,
        author_id=message.sender_id,
        target_user_id=target_id,
        text=message.body,
        assessment=message.safety_assessment,
        model_version=message.safety_model_version,
    )
    case.full_clean()
    case.save()
    return case


def case_withdraw_for_post(*, post) -> None:
    """The author deleted their held post: nothing is left to review."""
    ModerationCase.objects.filter(post=post, status=ModerationCase.Status.OPEN).update(
        status=ModerationCase.Status.WITHDRAWN, decided_at=timezone.now(), updated_at=timezone.now()
    )


# --- Moderators' decisions ---------------------------------------------------------------------


def _clean_reason(reason: object) -> str:
    try:
        text = clean_text(reason, max_length=REASON_MAX_CHARS, allow_empty=True, what="The reason")
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field="reason") from None
    if not text:
        raise ValidationError(
            "Give a reason: the author is told what was decided.",
            code="reason_required",
            field="reason",
        )
    return text


def _decidable(actor, case_id: object) -> ModerationCase:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise NotAuthenticated()
    selectors.access_case(actor, case_id)  # not a moderator: case_not_found
    case = (
        ModerationCase.objects.select_for_update(of=("self",))
        .select_related("post", "message", "author")
        .get(pk=int(case_id))  # type: ignore[arg-type]
    )
    if not policies.can_decide(actor, case):
        raise PermissionDenied(
            "You cannot review your own content; another moderator will.", code="self_review"
        )
    if case.status != ModerationCase.Status.OPEN:
        raise Conflict("This case was already decided.", code="case_closed")
    return case


def _audit_extra(case: ModerationCase, reason: str, **more: object) -> dict[str, object]:
    return {
        "case_id": case.pk,
        "kind": case.kind,
        "author_id": case.author_id,
        "reason": reason,
        "model_version": case.model_version,
        "engine_decision": (case.assessment or {}).get("decision", ""),
        **more,
    }


def _target(case: ModerationCase):
    return case.post if case.kind == ModerationCase.Kind.POST else case.message


def case_release(*, actor, case_id: object, decision: object, reason: object) -> ModerationCase:
    """Publish held content as ``allow`` or ``collapse``; its side effects happen now."""
    if decision not in RELEASE_DECISIONS:
        raise ValidationError(
            "decision must be one of: allow, collapse.", code="invalid_choice", field="decision"
        )
    text = _clean_reason(reason)
    with transaction.atomic():
        case = _decidable(actor, case_id)
        check_write_rate(actor.pk)
        content = _target(case)
        audit_log_write(
            actor=actor,
            action="moderation.release",
            target=content if content is not None else case,
            extra=_audit_extra(case, text, decision=str(decision)),
        )
        if case.kind == ModerationCase.Kind.POST and case.post is not None:
            from primum.social.services import post_publish_held

            post_publish_held(post=case.post, decision=str(decision))
        elif case.kind == ModerationCase.Kind.MESSAGE and case.message is not None:
            from primum.messaging.services import message_deliver_held

            message_deliver_held(message=case.message, decision=str(decision))
        _close(case, actor, ModerationCase.Status.RELEASED, text, outcome=str(decision))
    after_commit(_tell_author, case.pk)
    return case


def case_remove(*, actor, case_id: object, reason: object) -> ModerationCase:
    """Remove held content: a post becomes a tombstone, a message is deleted."""
    text = _clean_reason(reason)
    with transaction.atomic():
        case = _decidable(actor, case_id)
        check_write_rate(actor.pk)
        content = _target(case)
        audit_log_write(
            actor=actor,
            action="moderation.remove",
            target=content if content is not None else case,
            extra=_audit_extra(case, text),
        )
        if case.kind == ModerationCase.Kind.POST and case.post is not None:
            from primum.social.services import post_remove_held

            post_remove_held(post=case.post)
        elif case.kind == ModerationCase.Kind.MESSAGE and case.message is not None:
            from primum.messaging.services import message_remove_held

            message_remove_held(message=case.message)
            case.message = None
        _close(case, actor, ModerationCase.Status.REMOVED, text, outcome="")
    after_commit(_tell_author, case.pk)
    return case


def _close(case: ModerationCase, actor, status: str, reason: str, *, outcome: str) -> None:
    case.status = status
    case.outcome = outcome
    case.reviewer = actor
    case.reason = reason
    case.decided_at = timezone.now()
    case.save(
        update_fields=[
            "status", "outcome", "reviewer", "reason", "decided_at", "message", "updated_at"
        ]
    )  # fmt: skip


def _tell_author(case_id: int) -> None:
    from primum.social.services import notification_moderation_outcome

    case = ModerationCase.objects.filter(pk=case_id).first()
    if case is None:
        return
    released = case.status == ModerationCase.Status.RELEASED
    notification_moderation_outcome(
        recipient_id=case.author_id,
        released=released,
        post_id=case.post_id if released else None,
        what="post" if case.kind == ModerationCase.Kind.POST else "message",
        reason=case.reason,
    )
