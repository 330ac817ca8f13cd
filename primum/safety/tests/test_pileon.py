"""Pile-on detector and simulator: rule edges, windows, escalation, account level, text, goals."""

from __future__ import annotations

import json
from itertools import count

import pytest

from primum.safety.pileon import (
    Interaction,
    InteractionKind,
    PileOnConfig,
    PileOnDetector,
    PileOnEvent,
    explain,
)
from primum.safety.simulate import evaluate, simulate_streams

T0 = 1_700_000_000.0
_ids = count()


def hit(
    at: float,
    author: str,
    *,
    hostility: float = 0.9,
    target: str = "dr_target",
    post: str | None = "post1",
    kind: InteractionKind = "reply",
    age: int | None = 365,
    trust: int = 1,
    follows: bool = False,
) -> Interaction:
    return Interaction(
        at=T0 + at,
        author_id=author,
        target_account_id=target,
        target_post_id=post,
        kind=kind,
        hostility=hostility,
        author_account_age_days=age,
        author_trust_level=trust,
        author_follows_target=follows,
        interaction_id=f"i{next(_ids)}",
    )


def run(interactions: list[Interaction], config: PileOnConfig | None = None) -> list[PileOnEvent]:
    return PileOnDetector(config).observe_many(interactions)


def burst(
    authors: int, *, gap: float = 10.0, start: float = 0.0, **kw: object
) -> list[Interaction]:
    return [hit(start + k * gap, f"a{k}", **kw) for k in range(authors)]  # type: ignore[arg-type]


# -- rule edges ------------------------------------------------------------------------------


def test_three_angry_accounts_are_not_a_pile_on_four_are() -> None:
    assert run(burst(3)) == []
    # Three people writing again and again are still three people.
    again = [hit(k * 10.0, f"a{k % 3}") for k in range(12)]
    assert run(again) == []
    events = run(burst(4))
    assert len(events) == 1
    assert events[0].hostile_author_count == 4
    assert events[0].hostile_authors == ("a0", "a1", "a2", "a3")


def test_detection_happens_on_the_fourth_hostile_author_not_later() -> None:
    detector = PileOnDetector()
    results = [detector.observe(i) for i in burst(6)]
    assert [r is not None for r in results] == [False, False, False, True, False, False]


def test_hostility_threshold_edge() -> None:
    below = [*burst(3), hit(30.0, "a3", hostility=0.49)]
    assert run(below) == []
    at_threshold = [*burst(3), hit(30.0, "a3", hostility=0.5)]
    assert len(run(at_threshold)) == 1


def test_followers_of_long_standing_need_more_authors() -> None:
    colleagues = burst(5, follows=True, age=2000, trust=3)
    assert run(colleagues) == []
    assert len(run(burst(6, follows=True, age=2000, trust=3))) == 1


def test_slow_trickle_is_not_a_pile_on() -> None:
    # A hostile reply from a new account every 10 minutes, for days: spacing is never rapid.
    trickle = [hit(k * 600.0, f"a{k}", age=3) for k in range(200)]
    assert run(trickle) == []


def test_benign_viral_thread_with_some_noise_does_not_fire() -> None:
    replies = []
    for k in range(600):
        hostile = k % 25 == 0  # 4 % of replies score hostile anyway
        replies.append(hit(k * 5.0, f"a{k}", hostility=0.7 if hostile else 0.1))
    assert run(replies) == []


def test_heated_debate_with_the_target_replying_is_not_a_pile_on() -> None:
    stream = []
    for k in range(60):
        other = f"p{k % 5}"
        stream.append(hit(k * 60.0, other, hostility=0.7))
        # The target answers each of them: a conversation, not a crowd.
        stream.append(hit(k * 60.0 + 20, "dr_target", target=other, post=f"r{k}", hostility=0.4))
    assert run(stream) == []
    # The same hostile messages with no answers from the target do form a pile-on.
    assert len(run([i for i in stream if i.author_id != "dr_target"])) == 1


def test_busy_thread_needs_a_fast_hostile_burst_and_two_confirmations() -> None:
    # Two calm replies for every hostile one (share 1/3 < 0.4): the rising-share path applies.
    stream = []
    for k in range(12):
        stream.append(hit(k * 20.0, f"h{k}", hostility=0.8))
        stream.append(hit(k * 20.0 + 5, f"c{k}a", hostility=0.1))
        stream.append(hit(k * 20.0 + 10, f"c{k}b", hostility=0.1))
    detector = PileOnDetector()
    fired = [n for n, i in enumerate(stream) if detector.observe(i) is not None]
    # Not strong (share < 0.6), so the rule must hold on the 4th and the 5th hostile author.
    assert fired and stream[fired[0]].author_id == "h4"
    # The same pattern spread out (one hostile reply every 3 minutes) is not fast enough.
    slow = [hit(i.at - T0 + (i.at - T0) * 8, i.author_id, hostility=i.hostility) for i in stream]
    assert run(slow) == []


# -- windows and memory ----------------------------------------------------------------------


def test_window_eviction_forgets_old_hostility() -> None:
    detector = PileOnDetector()
    for i in burst(3, gap=10.0):
        assert detector.observe(i) is None
    # One more hostile author, but more than an hour later: the first three are gone.
    assert detector.observe(hit(3700.0, "late")) is None
    # Three more quickly: now four recent authors (late + 3) make a pile-on.
    events = [detector.observe(hit(3700.0 + 10 * k, f"b{k}")) for k in range(1, 4)]
    fired = [e for e in events if e is not None]
    assert len(fired) == 1
    assert set(fired[0].hostile_authors) == {"late", "b1", "b2", "b3"}


def test_memory_is_bounded_by_the_window() -> None:
    detector = PileOnDetector()
    for k in range(5000):
        # A new target every interaction, 10 s apart: only the last hour's are kept.
        detector.observe(hit(k * 10.0, f"a{k}", target=f"t{k}", post=f"p{k}", hostility=0.1))
    assert detector.tracked_targets <= 2 * 361
    config = PileOnConfig(max_interactions_per_target=100)
    capped = PileOnDetector(config)
    for k in range(1000):
        capped.observe(hit(k * 0.5, f"a{k}", hostility=0.1))
    assert capped.tracked_interactions <= 2 * 100


# -- escalation and episodes -----------------------------------------------------------------


def test_escalation_emits_once_per_level() -> None:
    events = run(burst(40, gap=20.0))
    assert [e.severity for e in events] == ["low", "medium", "high"]
    assert [e.hostile_author_count for e in events] == [4, 8, 20]
    assert len({e.started_at for e in events}) == 1


def test_coordinated_burst_of_new_accounts_starts_one_level_higher() -> None:
    events = run(burst(10, gap=5.0, age=2, trust=0))
    assert [e.severity for e in events] == ["medium", "high"]
    assert events[0].new_account_share == 1.0


def test_a_new_episode_after_the_window_clears_reports_again() -> None:
    first = burst(5)
    second = burst(5, start=2 * 3600.0)
    events = run([*first, *second])
    assert [e.severity for e in events] == ["low", "low"]
    assert events[1].started_at == T0 + 2 * 3600.0


# -- account level ---------------------------------------------------------------------------


def test_account_level_pile_on_across_posts() -> None:
    posts = ["p1", "p2", "p3", None, "p4", "p5"]
    stream = [
        hit(k * 15.0, f"a{k}", post=post, kind="reply" if post else "mention")
        for k, post in enumerate(posts)
    ]
    events = run(stream)
    assert len(events) == 1
    event = events[0]
    assert event.target_post_id is None
    assert event.target_account_id == "dr_target"
    # It fires on the fourth author (posts p1, p2, p3 and a mention), not later.
    assert event.hostile_authors == ("a0", "a1", "a2", "a3")
    assert event.post_count == 3
    assert event.explanation.startswith(
        "4 accounts sent hostile replies and mentions to you across 3 of your posts in 45 seconds"
    )


def test_single_post_pile_on_is_reported_for_the_post_only() -> None:
    events = run(burst(30, gap=10.0))
    assert events and all(e.target_post_id == "post1" for e in events)


# -- explanation and storage -----------------------------------------------------------------


def test_explanation_sentence() -> None:
    text = explain(
        authors=12,
        kinds=["reply"] * 12,
        account_level=False,
        post_count=1,
        seconds=25 * 60,
        new=9,
        followers=0,
    )
    assert text == (
        "12 accounts sent hostile replies to your post in 25 minutes; "
        "9 of them are under 30 days old and none follows you."
    )


def test_event_explanation_reflects_the_window() -> None:
    stream = [
        hit(
            k * 20.0,
            f"a{k}",
            age=5 if k < 3 else 900,
            follows=k == 0,
            kind="quote" if k else "reply",
        )
        for k in range(4)
    ]
    (event,) = run(stream)
    assert event.explanation == (
        "4 accounts sent hostile replies and quotes to your post in 60 seconds; "
        "3 of them are under 30 days old and 1 follows you."
    )
    stored = json.loads(json.dumps(event.to_dict()))
    assert stored["hostile_author_count"] == 4
    assert stored["non_follower_share"] == 0.75
    assert stored["interaction_ids"] == list(event.interaction_ids)


# -- simulator -------------------------------------------------------------------------------


def test_simulator_and_detector_are_deterministic() -> None:
    one = simulate_streams(5, 8, 3, 3, 3)
    two = simulate_streams(5, 8, 3, 3, 3)
    assert one == two
    assert simulate_streams(6, 8, 3, 3, 3) != one
    events = [PileOnDetector().observe_many(s.interactions) for s in one]
    assert events == [PileOnDetector().observe_many(s.interactions) for s in two]


def test_simulated_streams_are_labelled_and_time_ordered() -> None:
    streams = simulate_streams(3, 8, 2, 2, 3)
    kinds = {s.kind for s in streams}
    assert kinds == {"pileon_post", "pileon_account", "benign_viral", "debate", "quiet", "trickle"}
    for s in streams:
        times = [i.at for i in s.interactions]
        assert times == sorted(times)
        assert len(s.attack) == len(s.interactions)
        assert s.is_pileon == (s.first_hostile_index is not None)
        if s.is_pileon:
            assert s.first_hostile_index is not None and s.attack[s.first_hostile_index]
            assert sum(s.attack) >= 6
        if s.kind == "benign_viral":
            assert len(s.interactions) >= 100


@pytest.mark.parametrize("seed", [2])
def test_goals_on_a_held_out_seed(seed: int) -> None:
    # Tuned on seed 1; seed 2 was not used for tuning.
    report = evaluate(PileOnDetector, simulate_streams(seed, 200, 100, 100, 150))
    assert report.recall >= 0.95
    assert report.median_hostile_before_detection <= 5
    assert report.false_alarms_by_kind["benign_viral"] == 0
    assert report.precision >= 0.95
