"""The demo loader: deterministic, idempotent, consistent counters, full-size defaults."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db.models import F

from primum.accounts.models import Profile, User
from primum.demo import generator, safety_scenario
from primum.social.models import Follow, Like, Mention, Notification, Post, PostHashtag

SMALL = {"accounts": 30, "posts": 300, "seed": 7}


def snapshot():
    handles = list(User.objects.order_by("username").values_list("username", flat=True))
    bodies = list(
        Post.objects.filter(repost_of__isnull=True).order_by("id").values_list("body", flat=True)
    )
    return handles, bodies


@pytest.mark.django_db
def test_two_loads_with_the_same_seed_give_the_same_community():
    generator.load_demo(**SMALL)
    first = snapshot()
    generator.load_demo(**SMALL, rebuild=True)
    assert snapshot() == first
    # plus the staff account and the safety scenario's own accounts
    assert len(first[0]) == SMALL["accounts"] + 1 + len(safety_scenario.ACCOUNT_HANDLES)
    assert len(first[1]) >= SMALL["posts"]


@pytest.mark.django_db
def test_a_different_seed_gives_a_different_community():
    generator.load_demo(**SMALL)
    first = snapshot()
    generator.load_demo(accounts=30, posts=300, seed=8, rebuild=True)
    assert snapshot() != first


@pytest.mark.django_db
def test_loading_again_skips_and_changes_nothing():
    result = generator.load_demo(**SMALL)
    assert result.created
    counts = (User.objects.count(), Post.objects.count(), Like.objects.count())
    again = generator.load_demo(**SMALL)
    assert not again.created
    assert (User.objects.count(), Post.objects.count(), Like.objects.count()) == counts


@pytest.mark.django_db
def test_counters_hashtags_mentions_and_notifications_are_consistent():
    generator.load_demo(**SMALL)
    assert generator.counter_mismatches() == []
    assert Like.objects.exists() and Follow.objects.exists()
    assert Post.objects.filter(reply_to__isnull=False).exists()
    assert Post.objects.filter(quote_of__isnull=False).exists()
    assert Post.objects.filter(repost_of__isnull=False).exists()
    # Every post's hashtags and mentions are stored, as post_create would have stored them.
    tagged = Post.objects.filter(body__contains="#", repost_of__isnull=True)
    assert tagged.exists()
    assert not tagged.exclude(pk__in=PostHashtag.objects.values("post")).exists()
    for mention in Mention.objects.select_related("post", "user"):
        assert "@" + mention.user.username.lower() in mention.post.body.lower()
    # Nobody is notified about their own action (a pile-on alert names its target as actor on
    # purpose, so no block or mute of a hostile author can hide it).
    own = Notification.objects.filter(recipient=F("actor"))
    assert not own.exclude(kind=Notification.Kind.PILE_ON).exists()
    assert own.filter(kind=Notification.Kind.PILE_ON).exists()  # the safety scenario's alert
    # A reply shares the thread of its parent.
    for reply in Post.objects.filter(reply_to__isnull=False).select_related("reply_to")[:50]:
        assert reply.thread_root_id == (reply.reply_to.thread_root_id or reply.reply_to_id)


@pytest.mark.django_db
def test_profiles_staff_account_and_shared_password():
    generator.load_demo(**SMALL)
    amara = User.objects.get(username="dr_amara_okafor")
    assert amara.check_password(generator.DEMO_PASSWORD)
    assert amara.profile.credentials == "MD, FACP"
    assert amara.profile.affiliation and amara.profile.bio
    staff = User.objects.get(username=generator.STAFF_HANDLE)
    assert staff.is_staff and staff.check_password(generator.DEMO_PASSWORD)
    assert Profile.objects.get(user__username=generator.MARKER_HANDLE).profession == "organisation"
    start = Post.objects.order_by("created_at").first().created_at
    end = Post.objects.order_by("-created_at").first().created_at
    assert (end - start).days >= generator.DAYS - 2


@pytest.mark.django_db
def test_command_prints_the_address_and_logins(capsys):
    call_command("load_demo", accounts=20, posts=100)
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in out
    assert generator.DEMO_PASSWORD in out
    assert "@dr_amara_okafor" in out
    call_command("load_demo", accounts=20, posts=100)
    assert "already loaded" in capsys.readouterr().out


def test_default_sizes_meet_the_brief():
    # The full-size load is too slow for the suite; the defaults are what `make demo` uses.
    assert generator.DEFAULT_ACCOUNTS >= 200
    assert generator.DEFAULT_POSTS >= 5000
