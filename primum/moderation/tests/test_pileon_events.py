"""Pile-on events on the platform: detection from stored posts, the target's notification,
the page and API (target only), and the bulk actions.

Posts are written through ``post_create``; their stored assessment is then set to a known
hostility and their time spread out, so each test controls exactly what the detector replays.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from primum.accounts.models import Block, Mute
from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import ApiClient, token_client
from primum.moderation import pileon
from primum.moderation.models import PileOnEvent
from primum.social import selectors
from primum.social.models import Notification, Post, ReplyPolicy
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db

HOSTILE = {"scores": {"insult": 0.91, "toxicity": 0.7, "profanity": 0.2}}
PROFANE_ONLY = {"scores": {"insult": 0.1, "toxicity": 0.2, "profanity": 0.97}}
BENIGN = {"scores": {"insult": 0.04, "toxicity": 0.08, "profanity": 0.01}}


@pytest.fixture
def target():
    return UserFactory(username="drana")


@pytest.fixture
def root(target):
    return make_post(target, "Our unit's sepsis bundle cut mortality; data in the thread.")


def reply(author, root, *, at, assessment, body=None):
    post = make_post(author, body or f"Reply from {author.username}", reply_to_id=root.pk)
    Post.objects.filter(pk=post.pk).update(created_at=at, safety_assessment=assessment)
    post.refresh_from_db()
    return post


def burst(root, count, *, start, spacing_s, assessment, check=True, prefix="att"):
    """``count`` new accounts reply once each, ``spacing_s`` apart; the check runs after each
    reply as the task would. Returns the authors and their replies."""
    authors, posts = [], []
    for i in range(count):
        author = UserFactory(username=f"{prefix}{i}")
        post = reply(
            author, root, at=start + timedelta(seconds=i * spacing_s), assessment=assessment
        )
        if check:
            pileon.pileon_check_post(post_id=post.pk)
        authors.append(author)
        posts.append(post)
    return authors, posts


def test_hostility_is_the_highest_harassment_score_without_profanity():
    assert pileon.hostility_of(HOSTILE) == 0.91
    assert pileon.hostility_of(PROFANE_ONLY) == 0.2
    assert pileon.hostility_of({}) == 0.0
    assert pileon.hostility_of({"scores": "garbage"}) == 0.0


def test_a_hostile_burst_stores_one_event_then_one_more_on_escalation(target, root):
    start = timezone.now() - timedelta(minutes=40)
    authors, posts = burst(root, 7, start=start, spacing_s=120, assessment=HOSTILE)
    events = list(PileOnEvent.objects.all())
    assert len(events) == 1, "four to seven hostile authors: one low event, no repeats"
    first = events[0]
    assert first.target == target and first.target_post == root
    assert first.severity == "low"
    # Reported as soon as the detector's rule holds: the first n authors, in order.
    n = len(first.hostile_author_ids)
    assert pileon.PILEON_CONFIG.min_hostile_authors <= n < pileon.PILEON_CONFIG.medium_authors
    assert first.hostile_author_ids == [a.pk for a in authors[:n]]
    assert first.interaction_ids == [p.pk for p in posts[:n]]
    assert abs((first.started_at - posts[0].created_at).total_seconds()) < 0.001
    assert first.explanation.startswith(f"{n} accounts sent hostile replies to your post")
    assert first.detector_version == pileon.DETECTOR_VERSION
    assert first.details["severity"] == "low" and first.details["hostile_author_count"] == n

    more, more_posts = burst(
        root,
        1,
        start=start + timedelta(seconds=7 * 120),
        spacing_s=120,
        assessment=HOSTILE,
        prefix="late",
    )
    events = list(PileOnEvent.objects.order_by("pk"))
    assert [e.severity for e in events] == ["low", "medium"]
    assert events[1].hostile_author_ids == [a.pk for a in [*authors, *more]]
    # The task is idempotent: checking the same post again stores nothing.
    assert pileon.pileon_check_post(post_id=more_posts[0].pk) == []
    assert PileOnEvent.objects.count() == 2


def test_the_task_path_runs_the_same_check(target, root):
    start = timezone.now() - timedelta(minutes=30)
    _, posts = burst(root, 6, start=start, spacing_s=90, assessment=HOSTILE, check=False)
    PileOnEvent.objects.all().delete()  # post_create's own checks ran before the back-dating
    pileon.queue_pileon_check(posts[-1].pk)  # inline after commit in the test settings
    assert PileOnEvent.objects.count() == 1


def test_a_benign_burst_and_profanity_alone_create_nothing(target, root):
    start = timezone.now() - timedelta(minutes=50)
    burst(root, 30, start=start, spacing_s=20, assessment=BENIGN, prefix="fan")
    burst(
        root,
        10,
        start=start + timedelta(minutes=11),
        spacing_s=20,
        assessment=PROFANE_ONLY,
        prefix="swear",
    )
    assert not PileOnEvent.objects.exists()
    assert not Notification.objects.filter(kind=Notification.Kind.PILE_ON).exists()


def test_a_slow_trickle_over_days_is_not_a_pileon(target, root):
    start = timezone.now() - timedelta(days=6)
    burst(root, 8, start=start, spacing_s=18 * 3600, assessment=HOSTILE)
    assert not PileOnEvent.objects.exists()


def test_the_notification_reaches_the_target_only(target, root):
    bystander = UserFactory(username="bystander")
    follow(bystander, target)
    authors, _ = burst(
        root, 8, start=timezone.now() - timedelta(minutes=20), spacing_s=120, assessment=HOSTILE
    )
    notes = Notification.objects.filter(kind=Notification.Kind.PILE_ON)
    assert list(notes.values_list("recipient_id", flat=True)) == [target.pk]
    note = notes.get()
    event = PileOnEvent.objects.order_by("-pk").first()
    assert note.post_id == root.pk and event.notification_id == note.pk
    assert note.read_at is None
    assert note.note == f"{event.explanation} See who is involved: /safety/pile-ons/{event.pk}/"
    # The escalation replaced the first notification: one, pointing at the latest event.
    assert PileOnEvent.objects.count() == 2
    assert [n.pk for n in selectors.notifications(target).items if n.kind == "pile_on"] == [note.pk]
    for other in [bystander, *authors]:
        assert not Notification.objects.filter(recipient=other, kind="pile_on").exists()


def test_page_and_api_are_for_the_target_only(client, target, root):
    authors, posts = burst(
        root, 6, start=timezone.now() - timedelta(minutes=20), spacing_s=100, assessment=HOSTILE
    )
    event = PileOnEvent.objects.get()
    n = len(event.hostile_author_ids)
    url = f"/safety/pile-ons/{event.pk}/"

    client.force_login(target)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert event.explanation in html
    for author, post in zip(authors[:n], posts[:n], strict=True):
        assert f"@{author.username}" in html and post.body in html
    assert "0 days old" in html
    listing = client.get("/safety/pile-ons/")
    assert listing.status_code == 200 and url in listing.content.decode()

    for outsider in [UserFactory(username="someone"), authors[0]]:
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.get("/safety/pile-ons/99999/").status_code == 404
        assert url not in client.get("/safety/pile-ons/").content.decode()
        assert client.post(f"{url}block-all/").status_code == 404
        api = token_client(outsider)
        missing = api.get_json(f"/safety/pile-ons/{event.pk}")
        assert missing.status_code == 404 and missing.json()["code"] == "pileon_not_found"
        assert api.get_json("/safety/pile-ons").json() == {"items": []}
        assert api.post_json(f"/safety/pile-ons/{event.pk}/mute-all").status_code == 404
    assert not Mute.objects.exists() and not Block.objects.exists()

    client.logout()
    assert client.get(url).status_code == 302
    assert ApiClient().get("/api/v1/safety/pile-ons").status_code == 401

    api = token_client(target)
    body = api.get_json(f"/safety/pile-ons/{event.pk}").json()
    assert body["severity"] == "low" and body["target_post_id"] == root.pk
    assert [a["handle"] for a in body["accounts"]] == [a.username for a in authors[:n]]
    assert body["accounts"][0]["post_ids"] == [posts[0].pk]
    assert body["accounts"][0]["account_age_days"] == 0
    assert body["signals"]["hostile_author_count"] == n
    assert api.get_json("/safety/pile-ons").json()["items"][0]["id"] == event.pk


def test_block_all_blocks_everyone_and_they_stay_listed(client, target, root):
    authors, _ = burst(
        root, 6, start=timezone.now() - timedelta(minutes=20), spacing_s=100, assessment=HOSTILE
    )
    event = PileOnEvent.objects.get()
    ids = event.hostile_author_ids
    api = token_client(target)
    Block.objects.create(blocker=target, blocked_id=ids[0])  # blocked one already

    first = api.post_json(f"/safety/pile-ons/{event.pk}/block-all")
    assert first.status_code == 200
    handles = {a.pk: a.username for a in authors}
    assert first.json() == {
        "done": [handles[i] for i in ids[1:]],
        "already": [handles[ids[0]]],
        "left": [],
    }
    assert set(Block.objects.filter(blocker=target).values_list("blocked_id", flat=True)) == set(
        ids
    )
    again = api.post_json(f"/safety/pile-ons/{event.pk}/block-all").json()
    assert again["done"] == [] and len(again["already"]) == len(ids)

    # Blocked accounts are still the target's evidence, on the page and in the API.
    client.force_login(target)
    html = client.get(f"/safety/pile-ons/{event.pk}/").content.decode()
    assert all(f"@{handles[i]}" in html for i in ids) and "Blocked" in html
    assert [a["blocked"] for a in api.get_json(f"/safety/pile-ons/{event.pk}").json()["accounts"]]
    assert Notification.objects.filter(recipient=target, kind="pile_on").count() == 1
    assert any(n.kind == "pile_on" for n in selectors.notifications(target).items)


def test_mute_all_and_limit_replies_from_the_page(client, target, root):
    burst(root, 6, start=timezone.now() - timedelta(minutes=20), spacing_s=100, assessment=HOSTILE)
    event = PileOnEvent.objects.get()
    client.force_login(target)
    response = client.post(f"/safety/pile-ons/{event.pk}/mute-all/")
    assert response.status_code == 302
    muted = Mute.objects.filter(muter=target, expires_at__isnull=True)
    assert set(muted.values_list("muted_id", flat=True)) == set(event.hostile_author_ids)
    assert not Block.objects.exists()

    response = client.post(f"/safety/pile-ons/{event.pk}/limit-replies/")
    assert response.status_code == 302
    root.refresh_from_db()
    assert root.reply_policy == ReplyPolicy.FOLLOWING


def test_mentions_across_the_account_are_reported_for_the_account(target):
    start = timezone.now() - timedelta(minutes=30)
    for i in range(6):
        author = UserFactory(username=f"men{i}")
        post = make_post(author, f"@{target.username} look at this one {i}")
        Post.objects.filter(pk=post.pk).update(
            created_at=start + timedelta(seconds=i * 100), safety_assessment=HOSTILE
        )
        pileon.pileon_check_post(post_id=post.pk)
    event = PileOnEvent.objects.get()
    assert event.target == target and event.target_post is None
    assert "mentions" in event.explanation
    assert Notification.objects.get(kind="pile_on").post_id is None
