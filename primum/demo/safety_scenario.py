"""The safety demo: a pile-on on a clinician's vaccine post, a mixed thread, and a moderator.

Run by ``load_demo`` after the community is built (and added to a demo loaded before this
scenario existed). Everything goes through the real services, so the engine assesses and
stores every reply and the moderation and pile-on machinery does what it does for users:

1. **The pile-on.** One demo physician's public post about vaccines (the most recent one
   that allows replies; when the demo has none, they write one through ``post_create``)
   gets hostile replies from ``len(HOSTILE)`` new accounts (days old, e-mail unconfirmed so
   trust level 0, following nobody), about two and a half minutes apart over half an hour,
   two to three hours before the load. The engine collapses the insults and holds the
   threats, doxxing and calls to pile on (each held reply opens a moderation case).
2. **Support.** Colleagues (existing demo accounts, followers of the target where there are
   enough) reply kindly, during and after the pile-on, so the thread is mixed as in real life.
3. **The moderator.** ``MODERATOR_HANDLE``: staff with ``moderation.review_content``, not a
   superuser, to review the held replies at /moderation/.

Timing: ``post_create`` stamps a post with "now". Each reply is written and then moved to
its time inside one transaction, so the pile-on check queued after commit (Celery eager, or
inline) reads the moved time. Where the check ran earlier than that (tests run after-commit
work inline) or not at all yet (a real broker), ``pileon_check_post`` is run again for every
reply in time order: it is idempotent, so what the queued check already stored stays as is.

Deterministic: one ``random.Random`` derived from the seed picks accounts, texts and times
(relative to the load). Idempotent: ``scenario_exists`` (the moderator account, made last)
says it is there; a half-made scenario (an interrupted load) is removed and made again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from primum.accounts import services as account_services
from primum.accounts.models import Block, User
from primum.social import services as social_services
from primum.social.models import Follow, Notification, Post

MODERATOR_HANDLE = "demo_moderator"
REVIEW_PERMISSION = ("moderation", "review_content")
PILEON_LASTS = timedelta(minutes=30)
PILEON_ENDS_BEFORE_LOAD = timedelta(hours=2)  # more than the detector's one-hour window

# (handle, display name, reply). Invented accounts; the replies are what a pile-on on a
# vaccine post looks like: insults and credential attacks (collapsed), threats, doxxing and
# calls to pile on (held for a moderator).
HOSTILE = [
    ("truthseeker_2284", "Truth Seeker", "You are a paid pharma shill and a disgrace to medicine."),
    ("medfreedom_jen", "Jen (medical freedom)", "Liar. You're pathetic and you know it."),
    (
        "wakeup_patriot_77",
        "Wake Up",
        "What an idiot. Nobody should trust anything this clown says.",
    ),
    (
        "natural_immunity_now",
        "Natural Immunity",
        "Shut up, you corrupt hack. You sold out for Pfizer money.",
    ),
    (
        "do_your_research_88",
        "Do Your Research",
        "Everyone go reply to this doctor and flood the mentions until the post is deleted.",
    ),
    ("pureblood_mama", "Pure Mama", "You're a complete moron, hand back your license."),
    (
        "question_everything_k",
        "Question Everything",
        "Stupid, arrogant, bought and paid for. Shameful.",
    ),
    (
        "injured_and_angry",
        "Injured and angry",
        "We know where you work. Watch your back in the parking lot after your shift.",
    ),
    ("no_mandates_ever", "No Mandates", "You should lose your license, you useless quack."),
    ("freethinker_dave", "Dave", "Typical arrogant doctor. Go back to school, you fraud."),
    (
        "silenced_nurse_x",
        "Silenced",
        "Their clinic address is on the hospital website. Everyone call and tell them what a "
        "fraud this doctor is.",
    ),
    ("the_real_science_tm", "The Real Science", "Clown. Absolute clown. Delete your account."),
]
#: Every account the scenario creates.
ACCOUNT_HANDLES = [handle for handle, _, _ in HOSTILE] + [MODERATOR_HANDLE]
SUPPORT = [
    "Thank you for posting this. The data is clear and your explanation is excellent.",
    "Great thread. Ignore the trolls, you are doing important work.",
    "Sharing this with our clinic's families. Clear, kind and evidence-based.",
    "Sorry you're getting this flood of replies. We've got your back. #vaccineswork",
    "This is exactly the plain-language summary parents ask me for. Thank you.",
]
# When the demo has no suitable post, the target writes this one.
FALLBACK_POST = (
    "Measles cases are rising again. Two doses of MMR are about 97% effective and the vaccine "
    "is safe. If you have questions, ask your family doctor or pediatrician. #vaccineswork"
)
_VACCINE_WORDS = ("vaccin", "measles", "mmr", "immunis", "immuniz")


@dataclass
class ScenarioResult:
    created: bool
    target_handle: str
    moderator_handle: str = MODERATOR_HANDLE
    post_id: int | None = None
    hostile: int = 0
    held: int = 0
    allowed: int = 0
    collapsed: int = 0
    supportive: int = 0
    events: list[str] = field(default_factory=list)  # severities, oldest first
    events_from_queued_check: int = 0  # stored by the check post_create queued

    def summary(self) -> list[str]:
        return [
            f"  pile-on on @{self.target_handle}'s post {self.post_id}: {self.hostile} hostile "
            f"replies from new accounts ({self.collapsed} collapsed, {self.held} held, "
            f"{self.allowed} missed by the engine), "
            f"{self.supportive} supportive replies",
            f"  pile-on events: {', '.join(self.events) or 'none'} "
            f"({self.events_from_queued_check} stored by the check queued after commit, "
            f"{len(self.events) - self.events_from_queued_check} by the explicit re-check)",
        ]


def scenario_exists() -> bool:
    return User.objects.filter(username=MODERATOR_HANDLE).exists()


def scenario_target_post() -> Post | None:
    """The post the pile-on hit, in a loaded scenario (what the hostile accounts replied to)."""
    first = (
        Post.objects.filter(author__username=HOSTILE[0][0], reply_to__isnull=False)
        .select_related("reply_to__author")
        .first()
    )
    return first.reply_to if first is not None else None


def _delete_partial() -> None:
    """Remove what an interrupted run left (the scenario's own accounts and their posts)."""
    with transaction.atomic():
        users = User.objects.filter(username__in=ACCOUNT_HANDLES)
        Post.objects.filter(author__in=users).update(reply_to=None, thread_root=None, quote_of=None)
        Post.objects.filter(author__in=users).delete()
        users.delete()


def _vaccine_q() -> Q:
    q = Q()
    for word in _VACCINE_WORDS:
        q |= Q(body__icontains=word)
    return q


def _pick_target_post(demo_users, before: datetime) -> Post | None:
    """The most recent public, open-to-replies root post about vaccines by a demo physician."""
    return (
        Post.objects.filter(
            _vaccine_q(),
            author__in=demo_users,
            author__profile__profession="physician",
            author__is_active=True,
            reply_to__isnull=True,
            quote_of__isnull=True,
            repost_of__isnull=True,
            deleted_at__isnull=True,
            visibility="public",
            reply_policy="anyone",
            safety_decision="allow",
            created_at__lt=before,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def _at(post: Post, when: datetime) -> None:
    Post.objects.filter(pk=post.pk).update(created_at=when, updated_at=when)
    post.created_at = when


def load_scenario(
    *, seed: int, password: str, demo_email_domain: str, featured: list[str], say
) -> ScenarioResult:
    """Create the scenario unless it is there (see the module docstring)."""
    from primum.moderation import pileon
    from primum.moderation.models import ModerationCase, PileOnEvent

    if scenario_exists():
        post = scenario_target_post()
        if post is None:
            return ScenarioResult(created=False, target_handle="")
        return ScenarioResult(created=False, target_handle=post.author.username, post_id=post.pk)
    _delete_partial()
    rng = random.Random(f"primum-demo-safety-{seed}")
    now = timezone.now().replace(second=0, microsecond=0)
    start = now - PILEON_ENDS_BEFORE_LOAD - PILEON_LASTS
    demo_users = User.objects.filter(email__endswith="@" + demo_email_domain)

    root = _pick_target_post(demo_users, before=start - timedelta(minutes=45))
    if root is None:
        author = (
            demo_users.filter(username__in=featured, profile__profession="physician")
            .order_by("username")
            .first()
        )
        if author is None:
            author = demo_users.filter(profile__profession="physician").order_by("pk").first()
        if author is None:
            say("  no demo physician: the safety scenario is skipped")
            return ScenarioResult(created=False, target_handle="")
        root = social_services.post_create(author=author, body=FALLBACK_POST)
        _at(root, start - timedelta(hours=3, minutes=rng.randint(0, 59)))
    target = root.author
    result = ScenarioResult(created=True, target_handle=target.username, post_id=root.pk)

    # Supporters: the target's followers first (sorted, then sampled), other clinicians if few.
    candidates = (
        demo_users.exclude(pk=target.pk)
        .exclude(pk__in=Block.objects.filter(blocked=target).values("blocker"))
        .exclude(pk__in=Block.objects.filter(blocker=target).values("blocked"))
        .filter(is_staff=False, profile__profession__in=["physician", "nurse", "pharmacist"])
    )
    followers = set(Follow.objects.filter(followee=target).values_list("follower_id", flat=True))
    pool = sorted(candidates.values_list("pk", flat=True).distinct())
    ordered = [pk for pk in pool if pk in followers] + [pk for pk in pool if pk not in followers]
    chosen = ordered[: max(len(SUPPORT), min(len(ordered), 12))]
    supporter_ids = rng.sample(chosen, min(len(SUPPORT), len(chosen)))
    supporters = {u.pk: u for u in User.objects.filter(pk__in=supporter_ids)}

    # The hostile accounts: new (days old), unconfirmed e-mail (trust level 0), following nobody.
    trolls = []
    for handle, name, _ in HOSTILE:
        user = account_services.user_create(
            handle=handle,
            email=f"{handle}@{demo_email_domain}",
            password=password,
            display_name=name,
            email_confirmed=False,
            validate_password_strength=False,
        )
        joined = start - timedelta(days=rng.randint(0, 12), hours=rng.randint(1, 23))
        User.objects.filter(pk=user.pk).update(date_joined=joined)
        user.date_joined = joined
        trolls.append(user)

    # The timeline: hostile replies ~150 s apart; two supporters during, three after.
    spacing = PILEON_LASTS.total_seconds() / len(HOSTILE)
    plan: list[tuple[datetime, User, str, bool]] = []
    for k, (user, (_, _, text)) in enumerate(zip(trolls, HOSTILE, strict=True)):
        jitter = rng.uniform(-0.3, 0.3) * spacing
        plan.append((start + timedelta(seconds=k * spacing + jitter), user, text, True))
    for k, user_id in enumerate(supporter_ids):
        offset = (
            timedelta(minutes=rng.randint(8, 25))
            if k < 2
            else PILEON_LASTS + timedelta(minutes=rng.randint(10, 70))
        )
        plan.append((start + offset, supporters[user_id], SUPPORT[k], False))
    plan.sort(key=lambda item: (item[0], item[1].pk))

    replies: list[tuple[Post, bool]] = []
    for when, author, text, hostile in plan:
        # Written and moved to its time in one transaction: the check queued after commit
        # reads the moved time (see the module docstring).
        with transaction.atomic():
            post = social_services.post_create(author=author, body=text, reply_to_id=root.pk)
            _at(post, when)
        replies.append((post, hostile))
        Notification.objects.filter(post_id=post.pk).exclude(kind=Notification.Kind.PILE_ON).update(
            created_at=when, updated_at=when
        )
        ModerationCase.objects.filter(post_id=post.pk).update(created_at=when, updated_at=when)

    result.events_from_queued_check = PileOnEvent.objects.filter(target=target).count()
    for post, _ in replies:
        pileon.pileon_check_post(post_id=post.pk)
    events = list(PileOnEvent.objects.filter(target=target).order_by("detected_at", "pk"))
    for event in events:  # stamped at the moment it was detected, in demo time
        PileOnEvent.objects.filter(pk=event.pk).update(created_at=event.detected_at)
        if event.notification_id is not None:
            Notification.objects.filter(pk=event.notification_id).update(
                created_at=event.detected_at, updated_at=event.detected_at
            )
    result.events = [event.severity for event in events]

    decisions = dict(
        Post.objects.filter(pk__in=[p.pk for p, _ in replies]).values_list("pk", "safety_decision")
    )
    for post, hostile in replies:
        if hostile:
            result.hostile += 1
            result.held += decisions[post.pk] == "hold"
            result.collapsed += decisions[post.pk] == "collapse"
            result.allowed += decisions[post.pk] == "allow"
        else:
            result.supportive += 1

    # The moderator, made last: its existence marks a complete scenario.
    moderator = account_services.user_create(
        handle=MODERATOR_HANDLE,
        email=f"{MODERATOR_HANDLE}@{demo_email_domain}",
        password=password,
        display_name="Demo moderator",
        email_confirmed=True,
        validate_password_strength=False,
    )
    # No service grants staff rights; as for the demo's admin, the demo does it here.
    User.objects.filter(pk=moderator.pk).update(is_staff=True)
    moderator.user_permissions.add(
        Permission.objects.get(
            content_type__app_label=REVIEW_PERMISSION[0], codename=REVIEW_PERMISSION[1]
        )
    )
    if not result.events:
        say("  warning: the pile-on check found no pile-on (did the engine's scores change?)")
    return result
