"""Benchmark data: many accounts, follows and posts, written as fast as each database allows.

Unlike the demo (primum.demo.generator) this does not go through the services: a million
posts through ``post_create`` would take hours. It writes rows directly (``COPY`` on
PostgreSQL, ``executemany`` inside large transactions on SQLite) and then makes the derived
data consistent in SQL: reply/repost/quote counters from the real rows, hashtags in
``social_posthashtag``, the SQLite FTS5 index rebuilt, the PostgreSQL GIN index recreated,
and ``ANALYZE``. No likes or notifications are generated (the feed does not read them).

Shape: follows per account are log-normal around 100 (5 to 1,000), aimed at accounts with
power-law popularity; post authorship is power-law too; ~15% of posts are replies, ~5%
reposts, ~3% quotes, ~5% followers-only; ~1% of accounts block or mute a few others.
"""

from __future__ import annotations

import math
import random
import time
from array import array
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from primum.accounts.models import Block, Mute, Profile, User
from primum.social.models import Follow, Hashtag, Post

HANDLE_PREFIX = "bench_"
EMAIL_DOMAIN = "bench.primum.example"
BENCH_PASSWORD = "primum-bench-2026"  # noqa: S105 (documented; bench accounts are throwaway)
TAGS = [
    "bcsm", "lcsm", "btsm", "gyncsm", "meded", "foamed", "medtwitter", "hcldr", "cardiotwitter",
    "idtwitter", "nursetwitter", "pharmacy", "radonc", "oncology", "publichealth", "hpm",
]  # fmt: skip
WORDS = [
    "patient",
    "care",
    "team",
    "evidence",
    "trial",
    "study",
    "sepsis",
    "insulin",
    "dose",
    "renal",
    "airway",
    "ultrasound",
    "rounds",
    "resident",
    "teaching",
    "pearl",
    "guideline",
    "screening",
    "vaccine",
    "outcome",
    "cohort",
    "risk",
    "diagnosis",
    "imaging",
    "biopsy",
    "therapy",
    "symptom",
    "follow-up",
    "discharge",
    "handoff",
    "nurse",
    "pharmacist",
    "burnout",
    "equity",
    "access",
    "infection",
    "antibiotic",
    "stewardship",
    "cardiology",
    "oncology",
    "thread",
]
POST_COLUMNS = [
    "id", "created_at", "updated_at", "author_id", "body", "content_warning", "visibility",
    "reply_to_id", "thread_root_id", "quote_of_id", "quote_detached", "repost_of_id",
    "reply_policy", "quote_policy", "edited_at", "deleted_at", "reply_count", "like_count",
    "repost_count", "quote_count", "safety_decision", "safety_assessment", "safety_model_version",
]  # fmt: skip
BATCH = 20_000


class BenchDataExists(Exception):
    pass


def generate(*, accounts: int, posts: int, seed: int = 1, log=print) -> dict:
    """Create ``accounts`` accounts and ``posts`` posts; returns counts and timings."""
    if User.objects.filter(username__startswith=HANDLE_PREFIX).exists():
        raise BenchDataExists(
            "Benchmark accounts already exist in this database; use a fresh database."
        )
    rng = random.Random(seed)
    timings: dict[str, float] = {}
    began = time.monotonic()

    def step(name: str, started: float) -> None:
        timings[name] = round(time.monotonic() - started, 1)
        log(f"  {name}: {timings[name]} s")

    t = time.monotonic()
    user_ids = _create_users(accounts)
    step("accounts", t)
    t = time.monotonic()
    follows = _create_follows(rng, user_ids)
    step("follows", t)
    t = time.monotonic()
    _create_posts(rng, user_ids, posts, log)
    step("posts", t)
    t = time.monotonic()
    blocks, mutes = _create_blocks_and_mutes(rng, user_ids)
    step("blocks and mutes", t)
    t = time.monotonic()
    _finish()
    step("counters, hashtags, search index, ANALYZE", t)
    timings["total"] = round(time.monotonic() - began, 1)
    return {
        "accounts": len(user_ids),
        "follows": follows,
        "posts": posts,
        "blocks": blocks,
        "mutes": mutes,
        "timings": timings,
    }


def _create_users(accounts: int) -> list[int]:
    password = make_password(BENCH_PASSWORD, salt="primumbench")
    now = timezone.now()
    ids: list[int] = []
    with transaction.atomic():
        for start in range(0, accounts, 2000):
            batch = [
                User(
                    username=f"{HANDLE_PREFIX}{n:06d}",
                    email=f"{HANDLE_PREFIX}{n:06d}@{EMAIL_DOMAIN}",
                    password=password,
                    email_confirmed_at=now,
                    date_joined=now - timedelta(days=400),
                )
                for n in range(start, min(accounts, start + 2000))
            ]
            created = User.objects.bulk_create(batch)
            ids.extend(u.pk for u in created)
            Profile.objects.bulk_create(
                [
                    Profile(
                        user_id=u.pk,
                        display_name=f"Bench Clinician {u.username[len(HANDLE_PREFIX) :]}",
                        profession="physician",
                        specialty="internal_medicine",
                        credentials="MD",
                    )
                    for u in created
                ]
            )
    return ids


def _popularity(rng: random.Random, user_ids: list[int]) -> tuple[list[int], list[float]]:
    """Accounts in a shuffled order with power-law cumulative weights (a few are famous)."""
    order = list(user_ids)
    rng.shuffle(order)
    cumulative, total = [], 0.0
    for rank in range(len(order)):
        total += 1.0 / (rank + 10) ** 0.9
        cumulative.append(total)
    return order, cumulative


def _create_follows(rng: random.Random, user_ids: list[int]) -> int:
    order, cumulative = _popularity(rng, user_ids)
    n = len(user_ids)
    now = timezone.now()
    when = now - timedelta(days=380)
    rows: list[tuple] = []
    count = 0
    for follower in user_ids:
        wanted = min(n - 1, max(5, min(1000, int(rng.lognormvariate(math.log(80), 0.65)))))
        chosen: set[int] = set()
        while len(chosen) < wanted:
            for followee in rng.choices(order, cum_weights=cumulative, k=wanted - len(chosen)):
                if followee != follower:
                    chosen.add(followee)
        rows.extend((follower, followee, when, when) for followee in sorted(chosen))
        if len(rows) >= BATCH * 5:
            _insert(
                "social_follow", ["follower_id", "followee_id", "created_at", "updated_at"], rows
            )
            count += len(rows)
            rows = []
    _insert("social_follow", ["follower_id", "followee_id", "created_at", "updated_at"], rows)
    return count + len(rows)


def _body(rng: random.Random) -> tuple[str, str | None]:
    words = rng.choices(WORDS, k=rng.randint(6, 30))
    tag = rng.choice(TAGS) if rng.random() < 0.3 else None
    text = " ".join(words).capitalize() + "."
    if tag:
        text += f" #{tag}"
    return text, tag


def _create_posts(rng: random.Random, user_ids: list[int], posts: int, log) -> None:
    order, cumulative = _popularity(rng, user_ids)
    first_id = (Post.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    start = timezone.now() - timedelta(days=365)
    step = timedelta(days=365) / max(posts, 1)
    authors = array("q")
    roots = array("q")  # thread root of each post (itself for a root post)
    public = bytearray()  # 1 when the post is public and not a repost
    reposted: set[tuple[int, int]] = set()
    tag_rows: list[tuple[int, str]] = []
    rows: list[tuple] = []
    drop_fts_trigger = connection.vendor == "sqlite"
    if drop_fts_trigger:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS social_post_fts_ai")
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS social_post_body_fts")
    picks = rng.choices(order, cum_weights=cumulative, k=posts)
    for k in range(posts):
        pid = first_id + k
        author = picks[k]
        created = start + step * k
        body, tag = "", None
        visibility = "public"
        reply_to = root = quote_of = repost_of = None
        roll = rng.random()
        if k > 100 and roll < 0.05:
            target = k - 1 - int(rng.random() * min(k - 1, 50_000))
            if public[target] and authors[target] != author:
                key = (author, target)
                if key not in reposted:
                    reposted.add(key)
                    repost_of = first_id + target
        if repost_of is None:
            body, tag = _body(rng)
            if k > 100 and roll < 0.20:
                target = k - 1 - int(rng.random() * min(k - 1, 20_000))
                reply_to = first_id + target
                root = roots[target]
                visibility = "public" if public[target] else "followers"
            elif k > 100 and roll < 0.23:
                target = k - 1 - int(rng.random() * min(k - 1, 50_000))
                if public[target]:
                    quote_of = first_id + target
            if reply_to is None and rng.random() < 0.05:
                visibility = "followers"
        authors.append(author)
        roots.append(root if root is not None else pid)
        public.append(1 if visibility == "public" and repost_of is None else 0)
        if tag:
            tag_rows.append((pid, tag))
        reply_root = root if reply_to else None
        row = (pid, created, created, author, body, "", visibility, reply_to, reply_root, quote_of, False, repost_of, "anyone", "anyone", None, None, 0, 0, 0, 0, "allow", "{}", "")  # fmt: skip
        rows.append(row)
        if len(rows) >= BATCH:
            _insert("social_post", POST_COLUMNS, rows)
            rows = []
            if (k + 1) % 100_000 == 0:
                log(f"    {k + 1} posts")
    _insert("social_post", POST_COLUMNS, rows)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Post]):
            cursor.execute(statement)
    Hashtag.objects.bulk_create([Hashtag(name=t) for t in TAGS], ignore_conflicts=True)
    tag_ids = dict(Hashtag.objects.filter(name__in=TAGS).values_list("name", "pk"))
    _insert(
        "social_posthashtag",
        ["post_id", "hashtag_id"],
        [(pid, tag_ids[tag]) for pid, tag in tag_rows],
    )


def _create_blocks_and_mutes(rng: random.Random, user_ids: list[int]) -> tuple[int, int]:
    blocks: set[tuple[int, int]] = set()
    mutes: set[tuple[int, int]] = set()
    for uid in user_ids:
        if rng.random() < 0.01:
            for other in rng.sample(user_ids, 3):
                if other != uid:
                    blocks.add((uid, other))
        if rng.random() < 0.01:
            for other in rng.sample(user_ids, 3):
                if other != uid:
                    mutes.add((uid, other))
    with transaction.atomic():
        Block.objects.bulk_create([Block(blocker_id=a, blocked_id=b) for a, b in sorted(blocks)])
        Mute.objects.bulk_create([Mute(muter_id=a, muted_id=b) for a, b in sorted(mutes)])
        # block_create removes follows in both directions; so does the generator.
        for a, b in sorted(blocks):
            Follow.objects.filter(follower_id__in=[a, b], followee_id__in=[a, b]).delete()
    return len(blocks), len(mutes)


COUNTERS_SQL = [
    """UPDATE social_post SET reply_count = c.n FROM (
           SELECT reply_to_id AS pid, COUNT(*) AS n FROM social_post
           WHERE reply_to_id IS NOT NULL AND deleted_at IS NULL GROUP BY reply_to_id
       ) AS c WHERE c.pid = social_post.id""",
    """UPDATE social_post SET repost_count = c.n FROM (
           SELECT repost_of_id AS pid, COUNT(*) AS n FROM social_post
           WHERE repost_of_id IS NOT NULL AND deleted_at IS NULL GROUP BY repost_of_id
       ) AS c WHERE c.pid = social_post.id""",
    """UPDATE social_post SET quote_count = c.n FROM (
           SELECT quote_of_id AS pid, COUNT(*) AS n FROM social_post
           WHERE quote_of_id IS NOT NULL AND deleted_at IS NULL AND NOT quote_detached
           GROUP BY quote_of_id
       ) AS c WHERE c.pid = social_post.id""",
]


def _finish() -> None:
    with connection.cursor() as cursor:
        for statement in COUNTERS_SQL:
            cursor.execute(statement)
        if connection.vendor == "sqlite":
            cursor.execute(
                """CREATE TRIGGER IF NOT EXISTS social_post_fts_ai AFTER INSERT ON social_post
                   BEGIN INSERT INTO social_post_fts(rowid, body) VALUES (new.id, new.body); END"""
            )
            cursor.execute("INSERT INTO social_post_fts(social_post_fts) VALUES ('rebuild')")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            # Deferred foreign-key checks must run before an index can be built in the
            # same transaction (the tests run everything in one).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS social_post_body_fts ON social_post "
                "USING GIN (to_tsvector('simple', body))"
            )
            cursor.execute("ANALYZE")


def _insert(table: str, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with cursor.cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        return
    adapt = connection.ops.adapt_datetimefield_value
    prepared = [
        tuple(adapt(v) if hasattr(v, "tzinfo") and hasattr(v, "hour") else v for v in row)
        for row in rows
    ]
    marks = ", ".join(["%s"] * len(columns))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
            prepared,
        )
