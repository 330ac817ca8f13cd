"""The platform side of the safety engine: build the engine's Context from what Primum knows,
assess posts and messages on write, and run the composer's draft check.

``primum.safety`` is pure Python and knows nothing of users or posts; this module gathers the
facts it needs (is the text aimed at a person, who, do they follow each other, how old and
how trusted the author's account is, the parent's text) in a fixed, small number of queries.
The engine itself is CPU work: services call ``assess_*`` before they open their write
transaction, so no database lock is held while it runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from primum.core.errors import PermissionDenied, ValidationError
from primum.core.ratelimit import hit
from primum.core.text import TextProblem, clean_text, extract_mentions
from primum.safety import Assessment, Context, SpaceKind, assess, check_draft
from primum.safety.composer import DraftCheck

User = get_user_model()

DRAFT_MAX_CHARS = 1000  # the longest thing a composer writes (a direct message)

# What people other than moderators are told; never a score.
NOTICES = {
    "collapse": "Hidden: likely harassment — show anyway",
    "hold": "Held for review: a moderator will look at it before anyone else sees it",
}


def public_safety(decision: str) -> dict[str, str] | None:
    """The ``safety`` object of an API item: the decision and its notice, never scores."""
    if decision in NOTICES:
        return {"decision": decision, "notice": NOTICES[decision]}
    return None


@dataclass
class Screened:
    """An assessment with the facts it was made from (the target is shown to moderators)."""

    assessment: Assessment
    target_id: int | None

    @property
    def decision(self) -> str:
        return str(self.assessment.decision)

    def fields(self) -> dict[str, object]:
        """The SafetyFields values to store with the content."""
        return {
            "safety_decision": self.decision,
            "safety_assessment": self.assessment.to_dict(),
            "safety_model_version": self.assessment.model_version,
        }


def trust_level(user) -> int:
    """0 unverified, 1 e-mail confirmed, 2 peer-vouched, 3 credential-verified."""
    from primum.identity.models import TrustStatus

    level = TrustStatus.objects.filter(user=user).values_list("level", flat=True).first()
    if level is not None:
        return int(level)
    return 1 if getattr(user, "email_confirmed_at", None) else 0


def account_age_days(user) -> int | None:
    joined = getattr(user, "date_joined", None)
    if joined is None:
        return None
    return max(0, (timezone.now() - joined).days)


def _follows_both_ways(author_id: int, target_id: int) -> tuple[bool, bool]:
    from primum.social.models import Follow

    pairs = set(
        Follow.objects.filter(
            Q(follower_id=author_id, followee_id=target_id)
            | Q(follower_id=target_id, followee_id=author_id)
        ).values_list("follower_id", flat=True)
    )
    return author_id in pairs, target_id in pairs


def first_mentioned_id(text: str, *, exclude: int | None = None) -> int | None:
    """The first @mentioned active account in ``text`` (in order of appearance)."""
    handles = extract_mentions(text)
    if not handles:
        return None
    found = dict(
        User.objects.annotate(handle_lower=Lower("username"))
        .filter(handle_lower__in=handles, is_active=True)
        .values_list("handle_lower", "pk")
    )
    for handle in handles:
        user_id = found.get(handle)
        if user_id is not None and user_id != exclude:
            return user_id
    return None


def post_context(
    author, text: str, *, parent=None, quoted=None, space: SpaceKind = SpaceKind.PUBLIC
) -> tuple[Context, int | None]:
    """The engine's Context for a post, reply or quote by ``author``, and the target's id."""
    target_id: int | None = None
    parent_text: str | None = None
    if parent is not None:
        target_id, parent_text = parent.author_id, parent.body
    elif quoted is not None:
        target_id, parent_text = quoted.author_id, quoted.body
    if target_id is None:
        target_id = first_mentioned_id(text, exclude=author.pk)
    if target_id == author.pk:
        target_id = None  # answering oneself aims at nobody
    author_follows = target_follows = False
    if target_id is not None:
        author_follows, target_follows = _follows_both_ways(author.pk, target_id)
    context = Context(
        aimed_at_person=target_id is not None,
        is_reply=parent is not None,
        is_quote=quoted is not None,
        author_account_age_days=account_age_days(author),
        author_trust_level=trust_level(author),
        author_follows_target=author_follows,
        target_follows_author=target_follows,
        space_kind=space,
        parent_text=parent_text or None,
    )
    return context, target_id


def message_context(
    sender, recipient_ids: list[int], *, parent_text: str | None = None
) -> tuple[Context, int | None]:
    target_id = recipient_ids[0] if recipient_ids else None
    author_follows = target_follows = False
    if target_id is not None:
        author_follows, target_follows = _follows_both_ways(sender.pk, target_id)
    context = Context(
        aimed_at_person=True,
        is_direct_message=True,
        author_account_age_days=account_age_days(sender),
        author_trust_level=trust_level(sender),
        author_follows_target=author_follows,
        target_follows_author=target_follows,
        space_kind=SpaceKind.DIRECT,
        parent_text=parent_text or None,
    )
    return context, target_id


def assess_post(author, text: str, *, parent=None, quoted=None) -> Screened:
    context, target_id = post_context(author, text, parent=parent, quoted=quoted)
    return Screened(assessment=assess(text, context), target_id=target_id)


def assess_message(
    sender, text: str, *, recipient_ids: list[int], parent_text: str | None = None
) -> Screened:
    context, target_id = message_context(sender, recipient_ids, parent_text=parent_text)
    return Screened(assessment=assess(text, context), target_id=target_id)


# --- The composer's draft check --------------------------------------------------------------

SPACES = {
    "public": SpaceKind.PUBLIC,
    "direct": SpaceKind.DIRECT,
    "professional": SpaceKind.PROFESSIONAL,
    "patient": SpaceKind.PATIENT,
}


@dataclass
class DraftResult:
    check: DraftCheck
    # The account the draft answers (reply parent's / quoted post's author): the coach's
    # mute / block links point at it.
    parent_author: object | None

    def to_dict(self, *, with_scores: bool = False) -> dict[str, object]:
        return self.check.to_dict(with_scores=with_scores)


def check_draft_rate(user_id: int) -> None:
    """Drafts are checked as people type: their own budget, so typing never uses up posting."""
    limit = getattr(settings, "PRIMUM_DRAFT_CHECK_RATE_PER_MINUTE", 120)
    hit(f"draft-check:{user_id}", limit=limit, window_seconds=60)


def draft_check(
    *,
    actor,
    text: object,
    reply_to_id: object = None,
    quote_of_id: object = None,
    recipient: object = None,
    space: object = None,
    with_scores: bool = False,
) -> DraftResult:
    """What the composer shows for a draft: PHI, advice (patient spaces) and the coach.

    Other people's posts the actor may not see are ``post_not_found`` and unknown or blocked
    recipients ``user_not_found``, exactly as when posting. Scores only for moderators.
    """
    from primum.core.errors import NotAuthenticated
    from primum.moderation.policies import can_review
    from primum.social.selectors import access_post, access_user

    if actor is None or not actor.is_authenticated:
        raise NotAuthenticated()
    check_draft_rate(actor.pk)
    if with_scores and not can_review(actor):
        raise PermissionDenied(
            "Only moderators can see the engine's scores.", code="scores_not_allowed"
        )
    try:
        body = clean_text(text, max_length=DRAFT_MAX_CHARS, allow_empty=True, what="The draft")
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field="text") from None
    if space in (None, ""):
        space_kind = SpaceKind.DIRECT if recipient not in (None, "") else SpaceKind.PUBLIC
    elif str(space) in SPACES:
        space_kind = SPACES[str(space)]
    else:
        raise ValidationError(
            f"space must be one of: {', '.join(SPACES)}.", code="invalid_choice", field="space"
        )
    parent = quoted = None
    if reply_to_id not in (None, ""):
        parent = access_post(actor, reply_to_id)
    if quote_of_id not in (None, ""):
        quoted = access_post(actor, quote_of_id)
    if recipient not in (None, ""):
        person = access_user(actor, str(recipient).strip().lstrip("@"))
        context, _ = message_context(actor, [person.pk])
        if space_kind is not SpaceKind.DIRECT:
            context = Context(**{**_fields(context), "space_kind": space_kind})
    else:
        context, _ = post_context(actor, body, parent=parent, quoted=quoted, space=space_kind)
    answered = parent or quoted
    return DraftResult(
        check=check_draft(body, context),
        parent_author=answered.author if answered is not None else None,
    )


def _fields(context: Context) -> dict[str, object]:
    return {name: getattr(context, name) for name in Context.__dataclass_fields__}
