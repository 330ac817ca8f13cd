"""generate_bench_data at a tiny size: rows, derived data and the search index stay consistent."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Q

from primum.accounts.models import Block, User
from primum.demo import benchdata
from primum.demo.generator import counter_mismatches
from primum.social import selectors
from primum.social.models import Follow, Post, PostHashtag


@pytest.mark.django_db
def test_generate_bench_data_small(capsys):
    call_command("generate_bench_data", accounts=50, posts=2000, seed=3)
    assert "50 accounts" in capsys.readouterr().out
    assert User.objects.filter(username__startswith=benchdata.HANDLE_PREFIX).count() == 50
    assert Post.objects.count() == 2000
    assert Follow.objects.count() > 50 * 5
    assert Post.objects.filter(reply_to__isnull=False).exists()
    assert Post.objects.filter(repost_of__isnull=False).exists()
    assert Post.objects.filter(quote_of__isnull=False).exists()
    assert Post.objects.filter(visibility="followers").exists()
    # Counters equal the real rows; every reply's thread root is a root post.
    assert counter_mismatches() == []
    assert not Post.objects.filter(reply_to__isnull=False, thread_root__isnull=True).exists()
    assert not Post.objects.filter(thread_root__thread_root__isnull=False).exists()
    # Hashtags are stored for every tagged post, and full-text search sees every body.
    tagged = Post.objects.filter(body__contains="#")
    assert tagged.exists()
    assert not tagged.exclude(pk__in=PostHashtag.objects.values("post")).exists()
    viewer = User.objects.get(username=f"{benchdata.HANDLE_PREFIX}000000")
    word = Post.objects.filter(visibility="public", repost_of__isnull=True).first().body.split()[0]
    assert selectors.search_posts(viewer, query=word, limit=5).items
    # A block leaves no follow between the two accounts, as block_create would.
    for block in Block.objects.all():
        pair = [block.blocker_id, block.blocked_id]
        assert not Follow.objects.filter(Q(follower_id__in=pair) & Q(followee_id__in=pair)).exists()
    # New posts after the bulk load get fresh ids (the sequence was moved on).
    assert Post.objects.create(author=viewer, body="after").pk > 2000


@pytest.mark.django_db
def test_generate_bench_data_refuses_a_database_that_has_bench_accounts():
    call_command("generate_bench_data", accounts=5, posts=10)
    with pytest.raises(CommandError, match="already exist"):
        call_command("generate_bench_data", accounts=5, posts=10)
