"""A seeded simulator of labelled interaction streams, and an evaluator for pile-on detectors.

Stream kinds (each stream has its own target account, so one detector per stream suffices):

``pileon_post``
    Benign replies to a post (none to a few dozen over minutes to hours), then a quote that
    triggers a burst (hostile in most streams, a neutral "look at this" in some), then 6–300
    attackers at speeds from seconds to minutes apart (bigger pile-ons arrive faster, and every
    burst slows as it goes). Attackers are a stream-specific mix of new and old accounts,
    mostly strangers; some come back two or three times; their hostility scores are noisy (a
    stream-specific 3–20 % score under 0.5: sarcasm the engine misses). Supporters (0–60 % as
    many as attackers, mostly followers) are mixed in, some scoring 0.3–0.8 when they defend
    angrily; ordinary replies go on in the background, and in about one stream in six the post
    is already busy (a reply every 10–40 s) when the pile-on starts.
``pileon_account``
    The same against an account with 3–6 posts: each attacker picks one of the posts or
    mentions the account without a post, so no single post sees more than a share of it.
``benign_viral``
    100–800 replies, quotes and mentions over 1–12 hours (busy early, tailing off), mostly
    from strangers, mostly supportive or neutral; 1–5 % of them score 0.5–0.85 anyway (engine
    noise) and two or three genuine trolls post 1–4 hostile replies each.
``debate``
    The post's author and 2–5 others argue over 2–6 hours, replying to the post and to each
    other, with moderate hostility (each person's mean score 0.25–0.6, noise 0.15); a few
    bystanders chime in.
``quiet``
    0–30 calm replies over days, sometimes one hostile reply.
``trickle``
    10–40 hostile replies from different accounts spread over 3–10 days, between calm ones:
    persistent harassment maybe, but not a pile-on. (Every third ``n_quiet`` stream.)

Truth: `is_pileon` and, per interaction, whether it belongs to the pile-on (an attacker's,
including a hostile trigger). `first_hostile_index` is the index of the first such
interaction. Deterministic for a seed: every stream draws from its own `random.Random` seeded
with a string built from the seed, its kind and its number.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from statistics import median
from typing import Protocol

from primum.safety.pileon import Interaction, InteractionKind, PileOnEvent

EPOCH = 1_700_000_000.0


@dataclass(frozen=True, slots=True)
class LabelledStream:
    kind: str
    interactions: tuple[Interaction, ...]
    is_pileon: bool
    first_hostile_index: int | None  # first interaction of the pile-on (None: not a pile-on)
    attack: tuple[bool, ...]  # per interaction: part of the pile-on

    @property
    def target_account_id(self) -> str:
        return self.interactions[0].target_account_id if self.interactions else ""


@dataclass(slots=True)
class _Author:
    author_id: str
    age_days: int
    trust: int
    follows: bool


@dataclass(slots=True)
class _Draft:
    at: float
    author: _Author
    target_account_id: str
    target_post_id: str | None
    kind: InteractionKind
    hostility: float
    attack: bool
    interaction_id: str | None = None


@dataclass(slots=True)
class _Builder:
    sid: str
    rng: random.Random
    drafts: list[_Draft] = field(default_factory=list)
    authors: int = 0

    def author(self, *, p_new: float, p_follow: float, established: bool = False) -> _Author:
        self.authors += 1
        rng = self.rng
        if rng.random() < p_new:
            age = rng.randint(0, 29)
            trust = 0 if rng.random() < 0.85 else 1
        else:
            age = rng.randint(30, 4000)
            weights = (0.1, 0.4, 0.3, 0.2) if established else (0.3, 0.4, 0.2, 0.1)
            trust = rng.choices((0, 1, 2, 3), weights=weights)[0]
        return _Author(f"{self.sid}-a{self.authors}", age, trust, rng.random() < p_follow)

    def add(
        self,
        at: float,
        author: _Author,
        target: str,
        post: str | None,
        kind: InteractionKind,
        hostility: float,
        *,
        attack: bool = False,
        interaction_id: str | None = None,
    ) -> None:
        score = min(1.0, max(0.0, hostility))
        self.drafts.append(_Draft(at, author, target, post, kind, score, attack, interaction_id))

    def kind(self, reply: float = 0.7, quote: float = 0.2) -> InteractionKind:
        r = self.rng.random()
        return "reply" if r < reply else "quote" if r < reply + quote else "mention"

    def build(self, kind: str, is_pileon: bool) -> LabelledStream:
        ordered = sorted(enumerate(self.drafts), key=lambda pair: (pair[1].at, pair[0]))
        interactions: list[Interaction] = []
        attack: list[bool] = []
        for n, (_, d) in enumerate(ordered):
            interactions.append(
                Interaction(
                    at=d.at,
                    author_id=d.author.author_id,
                    target_account_id=d.target_account_id,
                    target_post_id=d.target_post_id,
                    kind=d.kind,
                    hostility=round(d.hostility, 4),
                    author_account_age_days=d.author.age_days,
                    author_trust_level=d.author.trust,
                    author_follows_target=d.author.follows,
                    interaction_id=d.interaction_id or f"{self.sid}-i{n}",
                )
            )
            attack.append(d.attack)
        first = next((n for n, flag in enumerate(attack) if flag), None)
        return LabelledStream(kind, tuple(interactions), is_pileon, first, tuple(attack))


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _calm(rng: random.Random, noise: float = 0.02) -> float:
    """A benign interaction's score: mostly low, sometimes heated, rarely a false positive."""
    r = rng.random()
    if r < noise:
        return rng.uniform(0.5, 0.8)
    if r < noise + 0.15:
        return rng.uniform(0.3, 0.5)
    return rng.uniform(0.0, 0.3)


def _hostile(rng: random.Random, miss: float) -> float:
    """An attacker's score: usually 0.5–1, but a share `miss` the engine under-scores."""
    if rng.random() < miss:
        return rng.uniform(0.2, 0.5)
    return 0.5 + 0.5 * rng.betavariate(2.0, 1.3)


def _pileon(b: _Builder, *, account_level: bool) -> LabelledStream:
    rng = b.rng
    target = f"{b.sid}-t"
    posts = [f"{b.sid}-p{k}" for k in range(rng.randint(3, 6) if account_level else 1)]
    t0 = EPOCH + rng.uniform(0, 86_400)
    # Prelude: ordinary replies before the trigger.
    pre_count = rng.choice((0, rng.randint(1, 10), rng.randint(10, 60)))
    pre_span = rng.uniform(600, 6 * 3600)
    for _ in range(pre_count):
        who = b.author(p_new=0.1, p_follow=0.5)
        b.add(
            t0 + rng.uniform(0, pre_span), who, target, rng.choice(posts), b.kind(0.85), _calm(rng)
        )
    trigger_at = t0 + pre_span
    # The trigger: a quote by a well-followed account, hostile in most streams.
    quoter = b.author(p_new=0.0, p_follow=0.0, established=True)
    hostile_trigger = rng.random() < 0.6
    b.add(
        trigger_at,
        quoter,
        target,
        posts[0],
        "quote",
        rng.uniform(0.55, 0.95) if hostile_trigger else rng.uniform(0.05, 0.45),
        attack=hostile_trigger,
    )
    # The burst.
    attackers = round(_log_uniform(rng, 6, 80 if account_level else 300))
    gap = _log_uniform(rng, 4, 150) / math.sqrt(attackers / 6)
    p_new = rng.uniform(0.05, 0.9)
    p_follow = rng.uniform(0.0, 0.2)
    miss = rng.uniform(0.03, 0.2)
    p_repeat = rng.uniform(0.0, 0.3)
    at = trigger_at + rng.uniform(20, 600)
    for k in range(attackers):
        at += rng.expovariate(1.0 / (gap * (1 + 1.5 * k / attackers)))
        who = b.author(p_new=p_new, p_follow=p_follow)
        visits = 1 + (rng.randint(1, 2) if rng.random() < p_repeat else 0)
        when = at
        for _ in range(visits):
            kind = b.kind()
            if account_level:
                post = None if rng.random() < 0.2 else rng.choice(posts)
                kind = "mention" if post is None else kind
            else:
                post = posts[0] if kind != "mention" or rng.random() < 0.5 else None
            b.add(when, who, target, post, kind, _hostile(rng, miss), attack=True)
            when += rng.expovariate(1 / 600)
    burst_end = at
    # Supporters and background replies during the burst.
    supporters = round(attackers * rng.uniform(0.0, 0.6))
    for _ in range(supporters):
        who = b.author(p_new=0.05, p_follow=0.6, established=True)
        score = rng.uniform(0.6, 0.8) if rng.random() < 0.03 else _calm(rng, noise=0.0)
        b.add(rng.uniform(trigger_at, burst_end), who, target, rng.choice(posts), "reply", score)
    busy = rng.random() < 1 / 6
    rate = 1 / rng.uniform(10, 40) if busy else pre_count / pre_span
    span = burst_end - trigger_at
    for _ in range(round(rate * span)):
        who = b.author(p_new=0.15, p_follow=0.3)
        b.add(
            trigger_at + rng.uniform(0, span),
            who,
            target,
            rng.choice(posts),
            b.kind(0.8),
            _calm(rng),
        )
    return b.build("pileon_account" if account_level else "pileon_post", True)


def _benign_viral(b: _Builder) -> LabelledStream:
    rng = b.rng
    target, post = f"{b.sid}-t", f"{b.sid}-p0"
    t0 = EPOCH + rng.uniform(0, 86_400)
    count = rng.randint(100, 800)
    duration = rng.uniform(1, 12) * 3600
    noise = rng.uniform(0.01, 0.05)
    p_new = rng.uniform(0.05, 0.3)
    p_follow = rng.uniform(0.1, 0.5)
    made = 0
    while made < count:
        who = b.author(p_new=p_new, p_follow=p_follow)
        visits = 1 + (rng.randint(1, 2) if rng.random() < 0.1 else 0)
        for _ in range(min(visits, count - made)):
            at = t0 + duration * rng.betavariate(1.3, 4.0)
            kind = b.kind(0.8, 0.15)
            where = post if kind != "mention" else None
            b.add(at, who, target, where, kind, _calm(rng, noise))
            made += 1
    for _ in range(rng.randint(2, 3)):
        troll = b.author(p_new=0.7, p_follow=0.0)
        for _ in range(rng.randint(1, 4)):
            at = t0 + duration * rng.random()
            b.add(at, troll, target, post, "reply", rng.uniform(0.6, 0.97))
    return b.build("benign_viral", False)


def _debate(b: _Builder) -> LabelledStream:
    rng = b.rng
    owner = _Author(f"{b.sid}-t", rng.randint(200, 5000), rng.randint(1, 3), False)
    post = f"{b.sid}-p0"
    others = [
        b.author(p_new=0.03, p_follow=0.6, established=True) for _ in range(rng.randint(2, 5))
    ]
    heat = {o.author_id: rng.uniform(0.25, 0.6) for o in others}
    at = begin = EPOCH + rng.uniform(0, 86_400)
    end = at + rng.uniform(2, 6) * 3600
    mean_gap = rng.uniform(2, 10) * 60
    last_by: dict[str, str] = {}
    n = 0
    while at < end:
        at += rng.expovariate(1 / mean_gap)
        n += 1
        message_id = f"{b.sid}-m{n}"
        if rng.random() < 0.3:  # the post's author answers someone
            other = rng.choice(others)
            where = last_by.get(other.author_id, post)
            score = rng.gauss(0.35, 0.15)
            # The owner's view of the other: a follower relationship is not known here.
            speaker = _Author(owner.author_id, owner.age_days, owner.trust, rng.random() < 0.5)
            b.add(at, speaker, other.author_id, where, "reply", score, interaction_id=message_id)
            last_by[owner.author_id] = message_id
        else:
            who = rng.choice(others)
            where = post if rng.random() < 0.5 else last_by.get(owner.author_id, post)
            score = rng.gauss(heat[who.author_id], 0.15)
            b.add(at, who, owner.author_id, where, "reply", score, interaction_id=message_id)
            last_by[who.author_id] = message_id
    for _ in range(rng.randint(0, 5)):
        who = b.author(p_new=0.1, p_follow=0.4)
        b.add(rng.uniform(begin, end), who, owner.author_id, post, "reply", _calm(rng))
    return b.build("debate", False)


def _quiet(b: _Builder, *, trickle: bool) -> LabelledStream:
    rng = b.rng
    target = f"{b.sid}-t"
    posts = [f"{b.sid}-p{k}" for k in range(rng.randint(1, 4))]
    t0 = EPOCH + rng.uniform(0, 86_400)
    days = rng.uniform(3, 10) if trickle else rng.uniform(1, 7)
    for _ in range(rng.randint(0, 30)):
        who = b.author(p_new=0.05, p_follow=0.5)
        b.add(
            t0 + rng.uniform(0, days * 86_400), who, target, rng.choice(posts), "reply", _calm(rng)
        )
    hostile = rng.randint(10, 40) if trickle else int(rng.random() < 0.3)
    for _ in range(hostile):
        who = b.author(p_new=0.5, p_follow=0.05)
        at = t0 + rng.uniform(0, days * 86_400)
        b.add(at, who, target, rng.choice(posts), b.kind(0.8), rng.uniform(0.55, 0.95))
    return b.build("trickle" if trickle else "quiet", False)


def simulate_streams(
    seed: int, n_pileon: int, n_benign_viral: int, n_debate: int, n_quiet: int
) -> list[LabelledStream]:
    """Labelled streams; a quarter of the pile-ons (every fourth) span an account's posts."""
    streams: list[LabelledStream] = []

    def builder(kind: str, number: int) -> _Builder:
        return _Builder(
            sid=f"s{seed}{kind[0]}{number}", rng=random.Random(f"{seed}:{kind}:{number}")
        )

    for k in range(n_pileon):
        streams.append(_pileon(builder("pileon", k), account_level=k % 4 == 3))
    for k in range(n_benign_viral):
        streams.append(_benign_viral(builder("viral", k)))
    for k in range(n_debate):
        streams.append(_debate(builder("debate", k)))
    for k in range(n_quiet):
        streams.append(_quiet(builder("quiet", k), trickle=k % 3 == 2))
    return streams


# -- evaluation ------------------------------------------------------------------------------


class Detector(Protocol):
    """What `evaluate` needs of a detector (PileOnDetector fits)."""

    def observe(self, interaction: Interaction) -> PileOnEvent | None: ...


@dataclass(frozen=True, slots=True)
class StreamResult:
    kind: str
    is_pileon: bool
    events: tuple[tuple[int, PileOnEvent], ...]  # (index of the interaction, event)
    detected_index: int | None  # first event at or after the pile-on's start
    hostile_before_detection: int | None  # attack interactions up to and including detection
    seconds_before_detection: float | None
    early_alarm: bool  # an event before the pile-on started (or on a stream with none)


def percentile(values: Iterable[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 1]); NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


@dataclass(frozen=True, slots=True)
class Report:
    results: tuple[StreamResult, ...]
    interactions: int

    @property
    def streams_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.results:
            counts[r.kind] = counts.get(r.kind, 0) + 1
        return counts

    @property
    def true_positives(self) -> int:
        return sum(1 for r in self.results if r.is_pileon and r.detected_index is not None)

    @property
    def false_alarms_by_kind(self) -> dict[str, int]:
        """Non-pile-on streams with any event, and pile-on streams flagged before they began."""
        counts = dict.fromkeys(self.streams_by_kind, 0)
        for r in self.results:
            if r.early_alarm:
                counts[r.kind] += 1
        return counts

    @property
    def false_alarms(self) -> int:
        return sum(self.false_alarms_by_kind.values())

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_alarms
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        positives = sum(1 for r in self.results if r.is_pileon)
        return self.true_positives / positives if positives else 1.0

    @property
    def hostile_before_detection(self) -> list[int]:
        return [
            r.hostile_before_detection
            for r in self.results
            if r.hostile_before_detection is not None
        ]

    @property
    def median_hostile_before_detection(self) -> float:
        values = self.hostile_before_detection
        return float(median(values)) if values else float("nan")

    @property
    def p90_hostile_before_detection(self) -> float:
        return percentile(self.hostile_before_detection, 0.9)

    @property
    def median_seconds_before_detection(self) -> float:
        values = [
            r.seconds_before_detection
            for r in self.results
            if r.seconds_before_detection is not None
        ]
        return float(median(values)) if values else float("nan")

    @property
    def severity_counts(self) -> dict[str, int]:
        counts = {"low": 0, "medium": 0, "high": 0}
        for r in self.results:
            for _, event in r.events:
                counts[event.severity] += 1
        return counts

    def missed(self) -> list[StreamResult]:
        return [r for r in self.results if r.is_pileon and r.detected_index is None]


def evaluate(detector_factory: Callable[[], Detector], streams: Iterable[LabelledStream]) -> Report:
    """Run a fresh detector over each stream and score it against the truth."""
    results: list[StreamResult] = []
    interactions = 0
    for stream in streams:
        detector = detector_factory()
        events: list[tuple[int, PileOnEvent]] = []
        for index, interaction in enumerate(stream.interactions):
            event = detector.observe(interaction)
            if event is not None:
                events.append((index, event))
        interactions += len(stream.interactions)
        start = stream.first_hostile_index
        detected = None
        if stream.is_pileon and start is not None:
            detected = next((index for index, _ in events if index >= start), None)
        early = bool(events) and (start is None or events[0][0] < start)
        hostile = seconds = None
        if detected is not None and start is not None:
            hostile = sum(stream.attack[start : detected + 1])
            seconds = stream.interactions[detected].at - stream.interactions[start].at
        results.append(
            StreamResult(
                kind=stream.kind,
                is_pileon=stream.is_pileon,
                events=tuple(events),
                detected_index=detected,
                hostile_before_detection=hostile,
                seconds_before_detection=seconds,
                early_alarm=early,
            )
        )
    return Report(results=tuple(results), interactions=interactions)
