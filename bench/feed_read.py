"""Home feed read latency: the page (and the API when present) through Django's test client,
beside a hand-written SQL query that returns the same rows, measured in the same run.

    DATABASE_URL=... python bench/feed_read.py [--iterations 500] [--users 100] [--seed 1]

Viewers are accounts with 80 to 150 follows. Each iteration logs one viewer in (outside the
timing) and reads the first page. Before timing, the script checks that the raw SQL returns
exactly the ids ``selectors.feed_home`` returns for every viewer; it stops if they differ.
Then it counts the queries per page for page sizes 5, 20 and 50.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import header, load, setup_django, summary

RAW_FEED_SQL = """
SELECT p.id, p.created_at, p.body, p.visibility, p.reply_to_id, p.quote_of_id, p.repost_of_id,
       p.reply_count, p.like_count, p.repost_count, p.quote_count,
       a.username, pr.display_name, pr.credentials,
       o.id, o.body, oa.username, opr.display_name
FROM social_post p
JOIN accounts_user a ON a.id = p.author_id
LEFT JOIN accounts_profile pr ON pr.user_id = a.id
LEFT JOIN social_post o ON o.id = p.repost_of_id
LEFT JOIN accounts_user oa ON oa.id = o.author_id
LEFT JOIN accounts_profile opr ON opr.user_id = oa.id
LEFT JOIN social_post r ON r.id = p.reply_to_id
WHERE (p.author_id = %(me)s
       OR p.author_id IN (SELECT followee_id FROM social_follow WHERE follower_id = %(me)s))
  AND p.deleted_at IS NULL AND a.is_active
  AND (p.safety_decision <> 'hold' OR p.author_id = %(me)s)
  AND p.author_id NOT IN (SELECT blocked_id FROM accounts_block WHERE blocker_id = %(me)s)
  AND p.author_id NOT IN (SELECT blocker_id FROM accounts_block WHERE blocked_id = %(me)s)
  AND p.author_id NOT IN (SELECT muted_id FROM accounts_mute WHERE muter_id = %(me)s
                          AND (expires_at IS NULL OR expires_at > %(now)s))
  AND (p.reply_to_id IS NULL OR r.author_id = %(me)s
       OR r.author_id IN (SELECT followee_id FROM social_follow WHERE follower_id = %(me)s))
  AND (p.repost_of_id IS NULL OR (
        o.deleted_at IS NULL AND oa.is_active
        AND (o.safety_decision <> 'hold' OR o.author_id = %(me)s)
        AND (o.visibility = 'public' OR o.author_id = %(me)s
             OR o.author_id IN (SELECT followee_id FROM social_follow WHERE follower_id = %(me)s))
        AND o.author_id NOT IN (SELECT blocked_id FROM accounts_block WHERE blocker_id = %(me)s)
        AND o.author_id NOT IN (SELECT blocker_id FROM accounts_block WHERE blocked_id = %(me)s)
        AND o.author_id NOT IN (SELECT muted_id FROM accounts_mute WHERE muter_id = %(me)s
                                AND (expires_at IS NULL OR expires_at > %(now)s))))
ORDER BY p.id DESC
LIMIT %(limit)s
"""

# The same query with the follow test written as a correlated EXISTS: SQLite then walks the
# primary key backwards and stops after LIMIT rows (as PostgreSQL does for both forms)
# instead of collecting every post of every followee and sorting them.
RAW_FEED_SQL_EXISTS = RAW_FEED_SQL.replace(
    """WHERE (p.author_id = %(me)s
       OR p.author_id IN (SELECT followee_id FROM social_follow WHERE follower_id = %(me)s))""",
    """WHERE (p.author_id = %(me)s
       OR EXISTS (SELECT 1 FROM social_follow f
                  WHERE f.follower_id = %(me)s AND f.followee_id = p.author_id))""",
)


def raw_feed(cursor, user_id: int, limit: int = 20, sql: str = RAW_FEED_SQL) -> list[tuple]:
    from django.db import connection
    from django.utils import timezone

    now = connection.ops.adapt_datetimefield_value(timezone.now())
    cursor.execute(sql, {"me": user_id, "now": now, "limit": limit})
    return cursor.fetchall()


def pick_viewers(count: int, seed: int) -> list:
    from django.db.models import Count

    from primum.accounts.models import User

    candidates = list(
        User.objects.filter(is_active=True)
        .annotate(n=Count("following_set"))
        .filter(n__gte=80, n__lte=150)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not candidates:
        raise SystemExit("No account follows 80-150 others: generate benchmark data first.")
    rng = random.Random(seed)
    chosen = rng.sample(candidates, min(count, len(candidates)))
    return list(User.objects.filter(pk__in=chosen).order_by("pk"))


def api_home_url() -> str | None:
    from django.urls import Resolver404, resolve

    try:
        resolve("/api/v1/timelines/home")
    except Resolver404:
        return None
    return "/api/v1/timelines/home"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    setup_django()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from primum.social import selectors

    header("home feed read")
    viewers = pick_viewers(args.users, args.seed)
    api = api_home_url()
    print(f"viewers : {len(viewers)} accounts with 80-150 follows; page size 20")

    # 1. The raw SQL returns the rows the selector returns.
    with connection.cursor() as cursor:
        for viewer in viewers:
            expected = [item.row_id for item in selectors.feed_home(viewer, limit=20).items]
            got = [row[0] for row in raw_feed(cursor, viewer.pk)]
            got_exists = [row[0] for row in raw_feed(cursor, viewer.pk, sql=RAW_FEED_SQL_EXISTS)]
            if not (expected == got == got_exists):
                raise SystemExit(
                    f"raw SQL and feed_home differ for user {viewer.pk}: {got} != {expected}"
                )
    print(
        "check   : both raw SQL forms return the same ids as selectors.feed_home for every viewer"
    )

    # 2. Latency. Warm up, then time page, API and raw SQL over the same viewers.
    targets = [("page GET /", "/")]
    if api:
        targets.append((f"API GET {api}?limit=20", f"{api}?limit=20"))
    timings: dict[str, list[float]] = {label: [] for label, _ in targets}
    timings["raw SQL (same rows)"] = []
    timings["raw SQL, EXISTS form (same rows)"] = []
    clients = {}
    for viewer in viewers:  # one client (one browser session) per viewer
        clients[viewer.pk] = Client()
        clients[viewer.pk].force_login(viewer)
    for warm in range(min(20, args.iterations)):
        viewer = viewers[warm % len(viewers)]
        for _, url in targets:
            clients[viewer.pk].get(url)
    with connection.cursor() as cursor:
        for i in range(args.iterations):
            viewer = viewers[i % len(viewers)]
            client = clients[viewer.pk]
            for label, url in targets:
                started = time.perf_counter()
                response = client.get(url)
                timings[label].append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
            started = time.perf_counter()
            raw_feed(cursor, viewer.pk)
            timings["raw SQL (same rows)"].append(time.perf_counter() - started)
            started = time.perf_counter()
            raw_feed(cursor, viewer.pk, sql=RAW_FEED_SQL_EXISTS)
            timings["raw SQL, EXISTS form (same rows)"].append(time.perf_counter() - started)
    print(f"latency : (load average at the end of the timed reads: {load()})")
    results = {label: summary(label, values) for label, values in timings.items()}
    raw50, raw99 = results["raw SQL (same rows)"]
    best50, best99 = results["raw SQL, EXISTS form (same rows)"]
    for label, _ in targets:
        p50, p99 = results[label]
        print(
            f"  ratio {label:<32} p50 {p50 / raw50:6.1f}x raw, {p50 / best50:6.1f}x EXISTS"
            f"   p99 {p99 / raw99:6.1f}x raw, {p99 / best99:6.1f}x EXISTS"
        )

    # 3. Queries per page for several page sizes: constant means no N+1.
    viewer = viewers[0]
    client = clients[viewer.pk]
    print("queries per page:")
    for size in (5, 20, 50):
        with CaptureQueriesContext(connection) as selector_queries:
            page = selectors.feed_home(viewer, limit=size)
        line = f"  limit={size:<3} feed_home+hydrate: {len(selector_queries):3d} queries ({len(page.items)} items)"
        if api:
            with CaptureQueriesContext(connection) as api_queries:
                response = client.get(f"{api}?limit={size}")
            line += f"   API: {len(api_queries):3d} queries (status {response.status_code})"
        print(line)
    with CaptureQueriesContext(connection) as page_queries:
        client.get("/")
    print(f"  page GET / (20 items): {len(page_queries)} queries")


if __name__ == "__main__":
    main()
