"""Pile-on (dogpile) detection: many accounts attacking one clinician or one post at once.

The detector reads a time-ordered stream of interactions (replies, quotes and mentions aimed at
an account, each carrying the engine's hostility score) and reports a pile-on as it forms, so the
target can be warned and moderators can step in. It keeps one sliding window per *post* and one
per *account*: a pile-on on one post is reported for that post; one spread over several posts or
made of mentions is reported for the account.

Signals (over the sliding window, `window_seconds`, default one hour)
---------------------------------------------------------------------
hostile interaction
    `hostility >= hostility_threshold` (0.5). An account's interactions with itself are
    ignored, and so are the hostile interactions of accounts the target itself replied to in
    the window: those are people it is arguing with, not a crowd.
distinct hostile authors ``A``
    Accounts that sent at least one hostile interaction in the window; ``A_recent`` counts
    those that did so in the last `recent_seconds` (15 minutes).
outsiders
    Hostile authors who are new (account younger than `new_account_days`, 30) or who do not
    follow the target. Pile-ons come from outside the target's circle; a debate among
    colleagues does not.
recent hostile share
    Hostile interactions / all interactions over the last `recent_seconds`. A viral thread has
    many authors but a low share; a pile-on drives the share up.
spacing
    The median gap between consecutive hostile interactions in the window. Under
    `rapid_spacing_seconds` (5 minutes) counts as rapid; a slow trickle over days never fills
    the window.
repeat count
    The median number of hostile interactions per hostile author. A heated debate is a few
    people writing many times; a pile-on is many people writing once or twice.
negativity trend
    Recent hostile share minus the hostile share earlier in the window.

Rule
----
The rule holds on a hostile interaction when ALL of these do:

* ``A_recent >= min_hostile_authors`` (4) when at least `min_outsider_share` (0.5) of the
  hostile authors are outsiders, else ``A_recent >= min_hostile_authors_established`` (6):
  colleagues who follow the target need to be more numerous before their anger is a pile-on;
* the recent hostile share is at least `min_recent_share` (0.4); or, on a busy thread, at
  least `min_rising_share` (0.2) with a negativity trend of at least `min_trend` (0.15) and
  hostile interactions arriving fast (median spacing at most `fast_spacing_seconds`, 60 s);
* the median spacing of hostile interactions is at most `rapid_spacing_seconds` (300 s);
* the median number of hostile interactions per hostile author is at most
  `max_median_repeats` (2).

A pile-on is *detected* when the rule holds on `confirmations` (2) consecutive hostile
interactions aimed at the target, or at once when the evidence is strong (recent hostile share
at least `strong_share`, 0.5, and median spacing at most `fast_spacing_seconds`). The
confirmation keeps a chance cluster of engine false positives in a busy benign thread from
firing; it costs one hostile interaction of delay when the evidence is weaker.

An account-level pile-on is not reported when one post holds at least `post_dominance` (0.8)
of its hostile authors: that post's own window reports it.

Severity
--------
``low`` when the rule first holds; ``medium`` from `medium_authors` (8) distinct hostile
authors; ``high`` from `high_authors` (20). A *coordinated* pile-on (median spacing at most
`coordinated_spacing_seconds`, 60 s, and at least `coordinated_new_share`, 0.5, of the hostile
authors new or unverified) is one level higher than its size alone says.

Events
------
`PileOnDetector.observe` returns a `PileOnEvent` when a pile-on is first detected for a target
and again each time its severity rises (once per level); otherwise None. An episode ends when
the target's window holds no hostile interaction any more; a later flare-up is a new episode.

Memory is bounded: interactions older than the window are dropped, a target whose window is
empty is forgotten, and `max_interactions_per_target` / `max_targets` cap the worst case. The
detector is deterministic: the same stream gives the same events. Timestamps are float epoch
seconds; the stream should be in time order (a late interaction is treated as arriving now).
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median
from typing import Literal

InteractionKind = Literal["reply", "quote", "mention"]
Severity = Literal["low", "medium", "high"]

SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high")


@dataclass(frozen=True, slots=True)
class Interaction:
    """One reply, quote or mention aimed at an account (and, when it has one, at a post)."""

    at: float  # epoch seconds
    author_id: str
    target_account_id: str
    target_post_id: str | None
    kind: InteractionKind
    hostility: float  # the engine's score in [0, 1]
    author_account_age_days: int | None
    author_trust_level: int  # 0 unverified … 3 credential-verified
    author_follows_target: bool
    interaction_id: str


@dataclass(frozen=True, slots=True)
class PileOnConfig:
    """Thresholds of the rule in the module docstring."""

    hostility_threshold: float = 0.5
    window_seconds: float = 3600.0
    recent_seconds: float = 900.0
    min_hostile_authors: int = 4
    min_hostile_authors_established: int = 6
    min_outsider_share: float = 0.5
    new_account_days: int = 30
    min_recent_share: float = 0.4
    min_rising_share: float = 0.2
    min_trend: float = 0.15
    fast_spacing_seconds: float = 60.0
    confirmations: int = 2
    strong_share: float = 0.5
    rapid_spacing_seconds: float = 300.0
    max_median_repeats: float = 2.0
    post_dominance: float = 0.8
    medium_authors: int = 8
    high_authors: int = 20
    coordinated_spacing_seconds: float = 60.0
    coordinated_new_share: float = 0.5
    max_interactions_per_target: int = 20_000
    max_targets: int = 200_000

    def __post_init__(self) -> None:
        if not 0.0 <= self.hostility_threshold <= 1.0:
            raise ValueError("hostility_threshold must be in [0, 1]")
        if self.window_seconds <= 0 or self.recent_seconds <= 0:
            raise ValueError("window_seconds and recent_seconds must be positive")
        if self.min_hostile_authors < 2:
            raise ValueError("min_hostile_authors must be at least 2")
        if not self.min_hostile_authors <= self.medium_authors <= self.high_authors:
            raise ValueError("need min_hostile_authors <= medium_authors <= high_authors")


@dataclass(frozen=True, slots=True)
class PileOnEvent:
    """A pile-on detected (or escalated) for one post, or for one account across its posts."""

    target_account_id: str
    target_post_id: str | None  # None: the pile-on spans the account
    severity: Severity
    started_at: float  # first hostile interaction of the episode
    detected_at: float
    window_seconds: float
    hostile_authors: tuple[str, ...]  # ordered by first hostile interaction in the window
    interaction_ids: tuple[str, ...]  # the hostile interactions in the window, in time order
    hostile_author_count: int
    interaction_count: int  # all interactions aimed at the target in the window
    hostile_share: float  # hostile interactions / all interactions in the window
    recent_hostile_share: float
    new_account_share: float  # of hostile authors: account younger than 30 days
    unverified_share: float  # of hostile authors: trust level 0
    non_follower_share: float  # of hostile authors: not following the target
    median_spacing_seconds: float
    negativity_trend: float  # recent hostile share minus earlier hostile share
    post_count: int  # distinct posts the hostile interactions were aimed at
    explanation: str

    def to_dict(self) -> dict[str, object]:
        return {
            "target_account_id": self.target_account_id,
            "target_post_id": self.target_post_id,
            "severity": self.severity,
            "started_at": self.started_at,
            "detected_at": self.detected_at,
            "window_seconds": self.window_seconds,
            "hostile_authors": list(self.hostile_authors),
            "interaction_ids": list(self.interaction_ids),
            "hostile_author_count": self.hostile_author_count,
            "interaction_count": self.interaction_count,
            "hostile_share": round(self.hostile_share, 4),
            "recent_hostile_share": round(self.recent_hostile_share, 4),
            "new_account_share": round(self.new_account_share, 4),
            "unverified_share": round(self.unverified_share, 4),
            "non_follower_share": round(self.non_follower_share, 4),
            "median_spacing_seconds": round(self.median_spacing_seconds, 3),
            "negativity_trend": round(self.negativity_trend, 4),
            "post_count": self.post_count,
            "explanation": self.explanation,
        }


@dataclass(slots=True)
class _Entry:
    at: float
    author_id: str
    hostile: bool
    interaction: Interaction


_Key = tuple[str, str, str | None]  # ("post" | "account", account id, post id)


@dataclass(slots=True)
class _TargetState:
    key: _Key
    entries: deque[_Entry] = field(default_factory=deque)
    hostile_by_author: dict[str, int] = field(default_factory=dict)
    hostile_total: int = 0
    last_at: float = 0.0
    level: int = 0  # 0: no episode; 1 low, 2 medium, 3 high
    started_at: float = 0.0
    streak: int = 0  # consecutive hostile interactions on which the rule held

    def add(self, entry: _Entry, limit: int) -> None:
        self.entries.append(entry)
        self.last_at = entry.at
        if entry.hostile:
            self.hostile_total += 1
            self.hostile_by_author[entry.author_id] = (
                self.hostile_by_author.get(entry.author_id, 0) + 1
            )
        while len(self.entries) > limit:
            self._drop()

    def evict(self, before: float) -> None:
        while self.entries and self.entries[0].at < before:
            self._drop()
        if self.hostile_total == 0:
            self.level = 0

    def _drop(self) -> None:
        entry = self.entries.popleft()
        if entry.hostile:
            self.hostile_total -= 1
            left = self.hostile_by_author[entry.author_id] - 1
            if left:
                self.hostile_by_author[entry.author_id] = left
            else:
                del self.hostile_by_author[entry.author_id]


@dataclass(frozen=True, slots=True)
class _Signals:
    hostile: tuple[_Entry, ...]
    authors: tuple[str, ...]
    recent_authors: int
    outsider_share: float
    new_share: float
    new_or_unverified_share: float
    unverified_share: float
    non_follower_share: float
    hostile_share: float
    recent_share: float
    trend: float
    spacing: float
    median_repeats: float
    top_post_share: float
    places: int


class PileOnDetector:
    """Streaming pile-on detector; see the module docstring for the rule."""

    def __init__(self, config: PileOnConfig | None = None) -> None:
        self.config = config if config is not None else PileOnConfig()
        self._targets: OrderedDict[_Key, _TargetState] = OrderedDict()
        self._clock = float("-inf")
        # Who replied to whom, and when: (replier, replied-to) in time order, and by replier.
        self._replies: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._replied_by: dict[str, dict[str, float]] = {}

    @property
    def tracked_targets(self) -> int:
        """How many post and account windows are held in memory."""
        return len(self._targets)

    @property
    def tracked_interactions(self) -> int:
        return sum(len(state.entries) for state in self._targets.values())

    def observe_many(self, interactions: Iterable[Interaction]) -> list[PileOnEvent]:
        events: list[PileOnEvent] = []
        for interaction in interactions:
            event = self.observe(interaction)
            if event is not None:
                events.append(event)
        return events

    def observe(self, interaction: Interaction) -> PileOnEvent | None:
        """Feed one interaction; returns an event on first detection or a severity rise.

        When the post's window and the account's window would both report on the same
        interaction, the post's event is returned and the account's is left for its next
        hostile interaction (its state is not advanced, so nothing is lost).
        """
        config = self.config
        self._clock = max(self._clock, interaction.at)
        now = self._clock
        self._forget(now - config.window_seconds)
        if interaction.author_id == interaction.target_account_id:
            return None
        if interaction.kind == "reply":
            self._note_reply(interaction.author_id, interaction.target_account_id, now)
        entry = _Entry(
            at=now,
            author_id=interaction.author_id,
            hostile=interaction.hostility >= config.hostility_threshold,
            interaction=interaction,
        )
        keys: list[_Key] = []
        if interaction.target_post_id is not None:
            keys.append(("post", interaction.target_account_id, interaction.target_post_id))
        keys.append(("account", interaction.target_account_id, None))
        result: PileOnEvent | None = None
        for key in keys:
            event = self._update(key, entry, now, may_report=result is None)
            if result is None:
                result = event
        return result

    # -- internals -------------------------------------------------------------------------

    def _note_reply(self, author: str, target: str, now: float) -> None:
        pair = (author, target)
        self._replies[pair] = now
        self._replies.move_to_end(pair)
        self._replied_by.setdefault(author, {})[target] = now

    def _partners(self, account: str, since: float) -> set[str]:
        """Accounts that `account` itself replied to since `since`: people it is talking with."""
        return {other for other, at in self._replied_by.get(account, {}).items() if at >= since}

    def _forget(self, before: float) -> None:
        while self._replies:
            (author, target), at = next(iter(self._replies.items()))
            if at >= before and len(self._replies) <= self.config.max_targets:
                break
            del self._replies[(author, target)]
            replied = self._replied_by[author]
            del replied[target]
            if not replied:
                del self._replied_by[author]
        while self._targets:
            key, state = next(iter(self._targets.items()))
            if state.last_at >= before and len(self._targets) <= self.config.max_targets:
                break
            del self._targets[key]

    def _update(
        self, key: _Key, entry: _Entry, now: float, *, may_report: bool
    ) -> PileOnEvent | None:
        config = self.config
        state = self._targets.get(key)
        if state is None:
            state = _TargetState(key=key)
            self._targets[key] = state
        else:
            self._targets.move_to_end(key)
        state.evict(now - config.window_seconds)
        state.add(entry, config.max_interactions_per_target)
        if not may_report or not entry.hostile:
            # A benign interaction never starts or escalates an episode (it only lowers shares).
            return None
        if len(state.hostile_by_author) < config.min_hostile_authors:
            state.streak = 0
            return None
        signals = self._signals(state, now)
        level = self._level(state, signals)
        state.streak = state.streak + 1 if level else 0
        strong = (
            signals.recent_share >= config.strong_share
            and signals.spacing <= config.fast_spacing_seconds
        )
        needed = 1 if strong else config.confirmations
        if level <= state.level or (state.level == 0 and state.streak < needed):
            return None
        if state.level == 0:
            state.started_at = signals.hostile[0].at
        state.level = level
        return self._event(state, signals, now)

    def _signals(self, state: _TargetState, now: float) -> _Signals:
        config = self.config
        partners = self._partners(state.key[1], now - config.window_seconds)
        hostile = tuple(e for e in state.entries if e.hostile and e.author_id not in partners)
        first_entry: dict[str, _Entry] = {}
        per_author: dict[str, int] = {}
        for e in hostile:
            first_entry.setdefault(e.author_id, e)
            per_author[e.author_id] = per_author.get(e.author_id, 0) + 1
        # Author attributes: the latest hostile interaction of each author carries them.
        latest: dict[str, Interaction] = {e.author_id: e.interaction for e in hostile}
        count = len(latest)

        def share(flags: Iterable[bool]) -> float:
            return sum(flags) / count if count else 0.0

        def is_new(i: Interaction) -> bool:
            age = i.author_account_age_days
            return age is not None and age < config.new_account_days

        new_share = share(is_new(i) for i in latest.values())
        unverified = share(i.author_trust_level <= 0 for i in latest.values())
        new_or_unverified = share(is_new(i) or i.author_trust_level <= 0 for i in latest.values())
        non_follower = share(not i.author_follows_target for i in latest.values())
        outsider = share(is_new(i) or not i.author_follows_target for i in latest.values())

        recent_from = now - config.recent_seconds
        recent_total = recent_hostile = 0
        for e in reversed(state.entries):
            if e.at < recent_from:
                break
            recent_total += 1
        recent_authors = {e.author_id for e in hostile if e.at >= recent_from}
        recent_hostile = sum(1 for e in hostile if e.at >= recent_from)
        total = len(state.entries)
        earlier_total = total - recent_total
        earlier_hostile = len(hostile) - recent_hostile
        recent_share = recent_hostile / recent_total if recent_total else 0.0
        earlier_share = earlier_hostile / earlier_total if earlier_total else 0.0
        trend = recent_share - earlier_share if earlier_total else recent_share

        gaps = [b.at - a.at for a, b in pairwise(hostile)]
        spacing = median(gaps) if gaps else float("inf")
        repeats = float(median(per_author.values())) if per_author else 0.0

        per_place: dict[str | None, set[str]] = {}
        for e in hostile:
            per_place.setdefault(e.interaction.target_post_id, set()).add(e.author_id)
        top_post = max(
            (len(authors) for place, authors in per_place.items() if place is not None),
            default=0,
        )
        return _Signals(
            hostile=hostile,
            authors=tuple(first_entry),
            recent_authors=len(recent_authors),
            outsider_share=outsider,
            new_share=new_share,
            new_or_unverified_share=new_or_unverified,
            unverified_share=unverified,
            non_follower_share=non_follower,
            hostile_share=len(hostile) / total if total else 0.0,
            recent_share=recent_share,
            trend=trend,
            spacing=spacing,
            median_repeats=repeats,
            top_post_share=top_post / count if count else 0.0,
            places=len(per_place),
        )

    def _level(self, state: _TargetState, s: _Signals) -> int:
        """0 when the rule does not hold, else 1 low, 2 medium, 3 high."""
        config = self.config
        authors = len(s.authors)
        if not s.hostile:
            return 0
        needed = (
            config.min_hostile_authors
            if s.outsider_share >= config.min_outsider_share
            else config.min_hostile_authors_established
        )
        share_ok = s.recent_share >= config.min_recent_share or (
            s.recent_share >= config.min_rising_share
            and s.trend >= config.min_trend
            and s.spacing <= config.fast_spacing_seconds
        )
        if (
            s.recent_authors < needed
            or not share_ok
            or s.spacing > config.rapid_spacing_seconds
            or s.median_repeats > config.max_median_repeats
        ):
            return 0
        if state.key[0] == "account" and s.top_post_share >= config.post_dominance:
            return 0
        level = 1
        if authors >= config.high_authors:
            level = 3
        elif authors >= config.medium_authors:
            level = 2
        coordinated = (
            s.spacing <= config.coordinated_spacing_seconds
            and s.new_or_unverified_share >= config.coordinated_new_share
        )
        return min(3, level + 1) if coordinated else level

    def _event(self, state: _TargetState, s: _Signals, now: float) -> PileOnEvent:
        _, account_id, post_id = state.key
        severity = SEVERITIES[state.level - 1]
        posts = {e.interaction.target_post_id for e in s.hostile} - {None}
        return PileOnEvent(
            target_account_id=account_id,
            target_post_id=post_id,
            severity=severity,
            started_at=state.started_at,
            detected_at=now,
            window_seconds=self.config.window_seconds,
            hostile_authors=s.authors,
            interaction_ids=tuple(e.interaction.interaction_id for e in s.hostile),
            hostile_author_count=len(s.authors),
            interaction_count=len(state.entries),
            hostile_share=s.hostile_share,
            recent_hostile_share=s.recent_share,
            new_account_share=s.new_share,
            unverified_share=s.unverified_share,
            non_follower_share=s.non_follower_share,
            median_spacing_seconds=s.spacing,
            negativity_trend=s.trend,
            post_count=len(posts),
            explanation=explain(
                authors=len(s.authors),
                kinds=[e.interaction.kind for e in s.hostile],
                account_level=post_id is None,
                post_count=len(posts),
                seconds=now - s.hostile[0].at,
                new=round(s.new_share * len(s.authors)),
                followers=round((1 - s.non_follower_share) * len(s.authors)),
                new_account_days=self.config.new_account_days,
            ),
        )


def _duration(seconds: float) -> str:
    if seconds < 90:
        whole = max(1, round(seconds))
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"{minutes} minutes"
    hours = seconds / 3600
    return f"{hours:.1f} hours"


_KIND_WORDS = {"reply": "replies", "quote": "quotes", "mention": "mentions"}


def explain(
    *,
    authors: int,
    kinds: list[str],
    account_level: bool,
    post_count: int,
    seconds: float,
    new: int,
    followers: int,
    new_account_days: int = 30,
) -> str:
    """The sentence shown to the target, e.g. "12 accounts sent hostile replies to your post in
    25 minutes; 9 of them are under 30 days old and none follows you." """
    seen: list[str] = []
    for kind in ("reply", "quote", "mention"):
        if kind in kinds:
            seen.append(_KIND_WORDS[kind])
    what = seen[0] if len(seen) == 1 else ", ".join(seen[:-1]) + " and " + seen[-1]
    if not account_level:
        where = "your post"
    elif post_count >= 2:
        where = f"you across {post_count} of your posts"
    elif post_count == 1:
        where = "you and your post"
    else:
        where = "you"
    if new == 0:
        age = f"none of them is under {new_account_days} days old"
    elif new == authors:
        age = f"all of them are under {new_account_days} days old"
    else:
        age = f"{new} of them {'is' if new == 1 else 'are'} under {new_account_days} days old"
    if followers == 0:
        follow = "none follows you"
    elif followers == authors:
        follow = "all of them follow you"
    else:
        follow = f"{followers} {'follows' if followers == 1 else 'follow'} you"
    return (
        f"{authors} accounts sent hostile {what} to {where} in {_duration(seconds)}; "
        f"{age} and {follow}."
    )
