"""The safety demo: a pile-on the platform detected, a mixed thread, and a moderator who sees
the held replies. Run on SQLite and PostgreSQL (DATABASE_URL)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from primum.accounts.models import User
from primum.demo import generator, safety_scenario
from primum.moderation import pileon, policies, screening
from primum.moderation import selectors as moderation_selectors
from primum.moderation.models import ModerationCase, PileOnEvent
from primum.social.models import Follow, Notification, Post

pytestmark = pytest.mark.django_db

SMALL = {"accounts": 20, "posts": 120, "seed": 7}


def state():
    """Everything the scenario writes, as comparable values."""
    return {
        "users": sorted(User.objects.values_list("username", "is_staff", "date_joined")),
        "posts": sorted(
            Post.objects.values_list("pk", "body", "safety_decision", "created_at", "reply_count")
        ),
        "events": sorted(
            PileOnEvent.objects.values_list("pk", "target_id", "severity", "interaction_ids")
        ),
        "notes": Notification.objects.count(),
        "cases": sorted(ModerationCase.objects.values_list("pk", "post_id", "status")),
    }


@pytest.fixture
def loaded():
    result = generator.load_demo(**SMALL)
    assert result.created and result.safety is not None and result.safety.created
    return result


def hostile_replies():
    return Post.objects.filter(
        author__username__in=[h for h, _, _ in safety_scenario.HOSTILE]
    ).order_by("created_at")


def test_the_pileon_is_detected_stored_and_notified(loaded):
    target = User.objects.get(username=loaded.safety.target_handle)
    root = Post.objects.get(pk=loaded.safety.post_id)
    assert root.author == target and root.reply_to_id is None
    assert target.profile.profession == "physician"
    replies = list(hostile_replies())
    assert len(replies) == len(safety_scenario.HOSTILE)
    assert {r.reply_to_id for r in replies} == {root.pk}
    # Written through post_create: the engine's decision and assessment are stored.
    assert all(r.safety_assessment.get("scores") for r in replies)
    decisions = [r.safety_decision for r in replies]
    assert "hold" in decisions and "collapse" in decisions
    # New, unverified accounts that do not follow the target, within about half an hour.
    for reply in replies:
        author = reply.author
        assert (reply.created_at - author.date_joined).days < 30
        assert screening.trust_level(author) == 0
        assert not Follow.objects.filter(follower=author, followee=target).exists()
    span = replies[-1].created_at - replies[0].created_at
    assert timedelta(minutes=20) <= span <= timedelta(minutes=40)
    assert replies[-1].created_at < timezone.now() - timedelta(hours=1)

    events = list(PileOnEvent.objects.filter(target=target).order_by("pk"))
    assert events, "the pile-on check found the pile-on"
    latest = events[-1]
    assert latest.target_post_id == root.pk
    hostile_authors = {r.author_id for r in replies}
    assert set(latest.hostile_author_ids) <= hostile_authors
    assert len(latest.hostile_author_ids) >= pileon.PILEON_CONFIG.min_hostile_authors
    assert PileOnEvent.objects.exclude(target=target).count() == 0
    note = Notification.objects.get(recipient=target, kind=Notification.Kind.PILE_ON)
    assert note.pk == latest.notification_id and note.post_id == root.pk
    assert f"/safety/pile-ons/{latest.pk}/" in note.note
    # The pile-on page's reads work for the target.
    assert pileon.access_pileon_event(target, latest.pk) == latest
    assert {a.user.pk for a in pileon.pileon_involved(latest)} == set(latest.hostile_author_ids)


def test_the_thread_is_mixed_with_support_from_existing_accounts(loaded):
    root = Post.objects.get(pk=loaded.safety.post_id)
    trolls = [h for h, _, _ in safety_scenario.HOSTILE]
    support = Post.objects.filter(reply_to=root, body__in=safety_scenario.SUPPORT).exclude(
        author__username__in=trolls
    )
    assert support.count() == len(safety_scenario.SUPPORT) == loaded.safety.supportive
    assert set(support.values_list("safety_decision", flat=True)) == {"allow"}
    # Existing demo accounts, not made by the scenario.
    assert not support.filter(author__username__in=safety_scenario.ACCOUNT_HANDLES).exists()
    # Counters count what others may see: held replies are not counted.
    shown = Post.objects.filter(reply_to=root, deleted_at__isnull=True).exclude(
        safety_decision="hold"
    )
    assert root.reply_count == shown.count()


def test_the_moderator_sees_the_held_replies_in_the_queue(loaded):
    moderator = User.objects.get(username=safety_scenario.MODERATOR_HANDLE)
    assert moderator.is_staff and not moderator.is_superuser
    assert moderator.has_perm(policies.REVIEW_PERMISSION)
    assert moderator.check_password(generator.DEMO_PASSWORD)
    held = set(hostile_replies().filter(safety_decision="hold").values_list("pk", flat=True))
    assert held
    page = moderation_selectors.queue(moderator, limit=100)
    assert held <= {item.case.post_id for item in page.items}
    # Everyone else, the target included, is refused the queue.
    target = User.objects.get(username=loaded.safety.target_handle)
    assert not policies.can_review(target)
    # Every scenario account shares the demo password.
    for handle in safety_scenario.ACCOUNT_HANDLES:
        assert User.objects.get(username=handle).check_password(generator.DEMO_PASSWORD)


def test_loading_again_changes_nothing(loaded):
    before = state()
    again = generator.load_demo(**SMALL)
    assert not again.created and not again.safety.created
    assert again.safety.target_handle == loaded.safety.target_handle
    assert again.safety.post_id == loaded.safety.post_id
    assert state() == before


def test_a_demo_loaded_before_the_scenario_gets_it_once():
    generator.load_demo(**SMALL)
    safety_scenario._delete_partial()  # as if loaded before the scenario existed
    PileOnEvent.objects.all().delete()
    assert not safety_scenario.scenario_exists()
    topped = generator.load_demo(**SMALL)
    assert not topped.created and topped.safety.created
    assert PileOnEvent.objects.filter(target__username=topped.safety.target_handle).exists()
    before = state()
    generator.load_demo(**SMALL)
    assert state() == before


def test_the_command_prints_the_safety_logins(capsys):
    call_command("load_demo", accounts=20, posts=100)
    out = capsys.readouterr().out
    assert f"@{safety_scenario.MODERATOR_HANDLE}" in out
    assert "/moderation/" in out and "/safety/pile-ons/" in out and "/notifications/" in out
    target = safety_scenario.scenario_target_post().author.username
    assert f"@{target}: the target of a pile-on" in out
