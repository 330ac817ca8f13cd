"""Pile-on events on the platform: detect them after each reply, quote or mention, store them,
tell the target, and give the target one-click ways to shut the pile-on out.

``queue_pileon_check(post_id)`` is what ``post_create`` calls once the post is committed. The
Celery task (``primum.moderation.tasks.pileon_check``) calls ``pileon_check_post``: for each
account the post is aimed at (the parent's author, the quoted author, the mentioned users) it
rebuilds the last window of interactions aimed at that account from the database and replays
them through a fresh ``primum.safety.pileon.PileOnDetector``. Nothing is kept in memory between
posts or processes, so any worker can run any check, a retry gives the same answer, and the
result depends only on the stored posts.

An event is stored (and the target notified) when the replay finds a pile-on for the target
(on one of their posts, or across their account) that is new, or more severe than the last
one stored for the same post during the same episode. Everything about an event is visible to
its target only: ``access_pileon_event`` answers "not found" to anyone else.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from primum.core.errors import NotFound, PermissionDenied, RateLimited
from primum.core.tasks import after_commit
from primum.safety.pileon import Interaction, PileOnConfig, PileOnDetector
from primum.safety.pileon import PileOnEvent as DetectedEvent

User = get_user_model()

PILEON_CONFIG = PileOnConfig()
#: Changes whenever a threshold of the detector's rule changes; stored with every event.
DETECTOR_VERSION = "pileon-" + hashlib.sha256(repr(PILEON_CONFIG).encode()).hexdigest()[:12]
_HARASSMENT_EXCLUDED = {"profanity"}
_RANK = {"low": 1, "medium": 2, "high": 3}


def queue_pileon_check(post_id: int) -> None:
    """Queue a pile-on check for ``post_id`` once the current transaction commits."""
    from primum.moderation import tasks

    after_commit(tasks.pileon_check.delay, post_id)


# --- Reading interactions back from the database ------------------------------------------


def hostility_of(assessment: object) -> float:
    """The highest harassment score of a stored assessment (profanity alone is not
    harassment); 0 when the post was never assessed."""
    if not isinstance(assessment, dict):
        return 0.0
    scores = assessment.get("scores")
    if not isinstance(scores, dict):
        return 0.0
    values = [
        float(value)
        for label, value in scores.items()
        if label not in _HARASSMENT_EXCLUDED and isinstance(value, int | float)
    ]
    return max(values, default=0.0)


def _aimed_at(target_id: int) -> Q:
    from primum.social.models import Mention

    mentioned = Exists(Mention.objects.filter(post_id=OuterRef("pk"), user_id=target_id))
    return Q(reply_to__author_id=target_id) | Q(quote_of__author_id=target_id) | Q(mentioned)


def interactions_aimed_at(target_id: int, *, since: datetime, until: datetime) -> list[Interaction]:
    """Replies, quotes and mentions aimed at ``target_id`` created in [since, until], oldest
    first, as the detector's ``Interaction`` records. Two queries whatever the number."""
    from primum.social.models import Follow, Post

    follows_target = Exists(
        Follow.objects.filter(follower_id=OuterRef("author_id"), followee_id=target_id)
    )
    rows = (
        Post.objects.filter(
            created_at__gte=since,
            created_at__lte=until,
            deleted_at__isnull=True,
            repost_of__isnull=True,
        )
        .exclude(author_id=target_id)
        .filter(_aimed_at(target_id))
        .annotate(author_follows_target=follows_target)
        .select_related("author__trust")
        .only(
            "pk",
            "created_at",
            "author_id",
            "reply_to_id",
            "quote_of_id",
            "safety_assessment",
            "reply_to__author_id",
            "quote_of__author_id",
            "author__date_joined",
            "author__trust__level",
        )
        .select_related("reply_to", "quote_of")
        .order_by("created_at", "pk")
    )
    interactions = []
    for post in rows:
        if post.reply_to is not None and post.reply_to.author_id == target_id:
            kind, target_post = "reply", post.reply_to_id
        elif post.quote_of is not None and post.quote_of.author_id == target_id:
            kind, target_post = "quote", post.quote_of_id
        else:
            kind, target_post = "mention", None
        author = post.author
        try:
            trust_level = int(author.trust.level)
        except Exception:  # no TrustStatus row yet: unverified
            trust_level = 0
        interactions.append(
            Interaction(
                at=post.created_at.timestamp(),
                author_id=str(post.author_id),
                target_account_id=str(target_id),
                target_post_id=str(target_post) if target_post is not None else None,
                kind=kind,
                hostility=hostility_of(post.safety_assessment),
                author_account_age_days=max(0, (post.created_at - author.date_joined).days),
                author_trust_level=trust_level,
                author_follows_target=bool(post.author_follows_target),
                interaction_id=str(post.pk),
            )
        )
    return interactions


def detect_for_target(target_id: int, *, until: datetime) -> list[DetectedEvent]:
    """Replay the window ending at ``until``; the most severe event per post (and for the
    account), in the order the detector reported them."""
    since = until - timedelta(seconds=PILEON_CONFIG.window_seconds)
    detector = PileOnDetector(PILEON_CONFIG)
    latest: dict[str | None, DetectedEvent] = {}
    for event in detector.observe_many(interactions_aimed_at(target_id, since=since, until=until)):
        if event.target_account_id == str(target_id):
            latest.pop(event.target_post_id, None)
            latest[event.target_post_id] = event
    return list(latest.values())


# --- The check ------------------------------------------------------------------------------


def _targets_of(post) -> list[int]:
    from primum.social.models import Mention

    ids: list[int] = []
    if post.reply_to is not None:
        ids.append(post.reply_to.author_id)
    if post.quote_of is not None:
        ids.append(post.quote_of.author_id)
    ids.extend(
        Mention.objects.filter(post_id=post.pk)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    seen: list[int] = []
    for user_id in ids:
        if user_id != post.author_id and user_id not in seen:
            seen.append(user_id)
    return seen


def pileon_check_post(*, post_id: int) -> list:
    """Check every account ``post_id`` is aimed at; returns the events stored (usually none).

    Idempotent: running it again for the same post stores nothing new.
    """
    from primum.social.models import Post

    post = (
        Post.objects.select_related("reply_to", "quote_of")
        .filter(pk=post_id, deleted_at__isnull=True, repost_of__isnull=True)
        .first()
    )
    if post is None:
        return []
    stored = []
    for target_id in _targets_of(post):
        stored.extend(pileon_check_target(target_id=target_id, until=post.created_at))
    return stored


def _dt(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=UTC)


@transaction.atomic
def pileon_check_target(*, target_id: int, until: datetime) -> list:
    """Replay the window aimed at ``target_id`` up to ``until``; store and notify what is new."""
    from primum.moderation.models import PileOnEvent

    # One check per target at a time (PostgreSQL row lock; SQLite serialises writes anyway),
    # so two workers finishing the same burst cannot both store the same event.
    target = User.objects.select_for_update().filter(pk=target_id, is_active=True).first()
    if target is None:
        return []
    stored = []
    for detected in detect_for_target(target_id, until=until):
        post_id = int(detected.target_post_id) if detected.target_post_id is not None else None
        previous = (
            PileOnEvent.objects.filter(target_id=target_id, target_post_id=post_id)
            .order_by("-detected_at", "-pk")
            .first()
        )
        same_episode = previous is not None and previous.detected_at >= _dt(
            detected.started_at - PILEON_CONFIG.window_seconds
        )
        if same_episode and _RANK[detected.severity] <= previous.severity_rank:
            continue
        stored.append(_event_store(target=target, post_id=post_id, detected=detected))
    return stored


def _event_store(*, target, post_id: int | None, detected: DetectedEvent):
    from primum.moderation.models import PileOnEvent
    from primum.social.models import Notification, Post

    if post_id is not None and not Post.objects.filter(pk=post_id, author=target).exists():
        post_id = None
    event = PileOnEvent(
        target=target,
        target_post_id=post_id,
        severity=detected.severity,
        started_at=_dt(detected.started_at),
        detected_at=_dt(detected.detected_at),
        explanation=detected.explanation,
        hostile_author_ids=[int(a) for a in detected.hostile_authors],
        interaction_ids=[int(i) for i in detected.interaction_ids],
        details=detected.to_dict(),
        detector_version=DETECTOR_VERSION,
    )
    event.full_clean()
    event.save()
    # One pile-on notification per post (the table allows one per recipient, actor, kind and
    # post): an escalation replaces the earlier one, so it comes back to the top, unread. The
    # actor is the target themselves, so no block or mute of a hostile author can hide it.
    Notification.objects.filter(
        recipient=target, actor=target, kind=Notification.Kind.PILE_ON, post_id=post_id
    ).delete()
    event.notification = Notification.objects.create(
        recipient=target,
        actor=target,
        kind=Notification.Kind.PILE_ON,
        post_id=post_id,
        note=f"{detected.explanation} See who is involved: /safety/pile-ons/{event.pk}/",
    )
    event.save(update_fields=["notification", "updated_at"])
    return event


# --- Reads for the target -------------------------------------------------------------------


def pileon_events(viewer) -> QuerySet:
    """The viewer's own pile-on events, newest first (nobody else's, ever)."""
    from primum.moderation.models import PileOnEvent

    if not getattr(viewer, "is_authenticated", False):
        return PileOnEvent.objects.none()
    return PileOnEvent.objects.filter(target=viewer).select_related("target_post").order_by("-pk")


def access_pileon_event(viewer, event_id: object):
    """The event if ``viewer`` is its target; NotFound otherwise (never 'forbidden')."""
    try:
        event_id = int(event_id)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        event_id = None
    event = pileon_events(viewer).filter(pk=event_id).first() if event_id is not None else None
    if event is None:
        raise NotFound("This pile-on does not exist.", code="pileon_not_found")
    return event


@dataclass
class InvolvedAccount:
    """One hostile author of an event, with the trust facts the target needs to judge them."""

    user: object
    handle: str
    name: str
    account_age_days: int
    joined_at: datetime
    trust_level: int
    trust_label: str
    trust_summary: str
    follows_target: bool
    blocked: bool
    muted: bool
    posts: list = field(default_factory=list)


def pileon_involved(event) -> list[InvolvedAccount]:
    """The event's hostile authors and their posts in it, in the order they joined in.

    Shown to the target only. Accounts the target has since blocked are still listed (the
    target's own evidence); their posts are read by id, not through the visibility gate.
    A constant number of queries whatever the size of the pile-on.
    """
    from primum.accounts.models import Block, Mute
    from primum.identity.models import TrustLevel
    from primum.identity.selectors import trust_line
    from primum.social.models import Follow, Post

    author_ids = [int(a) for a in event.hostile_author_ids]
    users = {
        u.pk: u for u in User.objects.filter(pk__in=author_ids).select_related("profile", "trust")
    }
    posts_by_author: dict[int, list] = {}
    for post in Post.objects.filter(pk__in=event.interaction_ids).order_by("created_at", "pk"):
        posts_by_author.setdefault(post.author_id, []).append(post)
    blocked = set(
        Block.objects.filter(blocker=event.target, blocked_id__in=author_ids).values_list(
            "blocked_id", flat=True
        )
    )
    muted = set(
        Mute.objects.filter(muter=event.target, muted_id__in=author_ids)
        .exclude(expires_at__lte=timezone.now())
        .values_list("muted_id", flat=True)
    )
    following = set(
        Follow.objects.filter(followee=event.target, follower_id__in=author_ids).values_list(
            "follower_id", flat=True
        )
    )
    now = timezone.now()
    rows = []
    for author_id in author_ids:
        user = users.get(author_id)
        if user is None:  # the account was deleted since
            continue
        try:
            level = int(user.trust.level)
        except Exception:
            level = 0
        profile = getattr(user, "profile", None)
        rows.append(
            InvolvedAccount(
                user=user,
                handle=user.username,
                name=getattr(profile, "name", "") or user.username,
                account_age_days=max(0, (now - user.date_joined).days),
                joined_at=user.date_joined,
                trust_level=level,
                trust_label=str(TrustLevel(level).label),
                trust_summary=trust_line(user),
                follows_target=author_id in following,
                blocked=author_id in blocked,
                muted=author_id in muted,
                posts=posts_by_author.get(author_id, []),
            )
        )
    return rows


# --- Bulk actions for the target ------------------------------------------------------------


@dataclass
class BulkResult:
    done: list[str] = field(default_factory=list)  # handles acted on now
    already: list[str] = field(default_factory=list)  # handles already blocked / muted
    left: list[str] = field(default_factory=list)  # not done: the write budget ran out

    def as_dict(self) -> dict[str, list[str]]:
        return {"done": self.done, "already": self.already, "left": self.left}


def _bulk(*, actor, event_id: object, action: str) -> BulkResult:
    from primum.accounts import services as account_services
    from primum.accounts.models import Block, Mute

    event = access_pileon_event(actor, event_id)
    ids = [int(a) for a in event.hostile_author_ids]
    handles = dict(User.objects.filter(pk__in=ids, is_active=True).values_list("pk", "username"))
    if action == "block":
        have = set(
            Block.objects.filter(blocker=actor, blocked_id__in=ids).values_list(
                "blocked_id", flat=True
            )
        )
    else:
        have = set(
            Mute.objects.filter(muter=actor, muted_id__in=ids, expires_at__isnull=True).values_list(
                "muted_id", flat=True
            )
        )
    result = BulkResult()
    pending = [i for i in ids if i in handles]
    for position, user_id in enumerate(pending):
        handle = handles[user_id]
        if user_id in have:
            result.already.append(handle)
            continue
        try:
            if action == "block":
                account_services.block_create(actor=actor, handle=handle)
            else:
                account_services.mute_create(actor=actor, handle=handle, duration="forever")
        except RateLimited:
            # Each block or mute spends the shared write budget; what is left can be done
            # by pressing the button again in a minute (those done are skipped).
            result.left.extend(handles[i] for i in pending[position:] if i not in have)
            break
        result.done.append(handle)
    return result


def pileon_block_all(*, actor, event_id: object) -> BulkResult:
    """Block every hostile author of the actor's own pile-on event (existing block service)."""
    return _bulk(actor=actor, event_id=event_id, action="block")


def pileon_mute_all(*, actor, event_id: object) -> BulkResult:
    """Mute every hostile author of the actor's own pile-on event, with no end date."""
    return _bulk(actor=actor, event_id=event_id, action="mute")


def pileon_limit_replies(*, actor, event_id: object):
    """Set the event's post to "people I follow" may reply (existing post-controls service)."""
    from primum.social.models import ReplyPolicy
    from primum.social.services import post_set_controls

    event = access_pileon_event(actor, event_id)
    if event.target_post_id is None:
        raise PermissionDenied(
            "This pile-on is spread over your account, not one post; limit replies on each "
            "post from its own page.",
            code="pileon_has_no_post",
        )
    return post_set_controls(
        actor=actor, post_id=event.target_post_id, reply_policy=ReplyPolicy.FOLLOWING
    )
