"""Latency of writing a post: the ``post_create`` service, and POST /api/v1/posts when present.

    DATABASE_URL=... python bench/post_create.py [--iterations 300] [--seed 1]

Authors are accounts with 80 to 150 follows. Each call commits (side effects run after the
commit, eagerly, as on the embedded default). Rate limits are lifted for the run. The posts
written are deleted at the end so the data set stays the same for the next run.

Measured both ways in the same run, interleaved call by call: with the safety engine replaced
by a constant "allow" (the write path before the engine was wired in) and as it runs, so the
engine's cost is the ratio of the two.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import header, setup_django, summary

BODIES = [
    "Teaching point: check the trend, not the single value. #meded #foamed",
    "Journal club tonight on a new #bcsm trial. Thoughts welcome, cc @{handle}",
    "Reminder: post the pearl, not the patient. #hcldr",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    setup_django()

    from django.test import Client, override_settings
    from django.urls import Resolver404, resolve

    from primum.social.models import Post
    from primum.social.services import post_create

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from feed_read import pick_viewers

    header("post_create")
    authors = pick_viewers(50, args.seed)
    print(f"authors : {len(authors)} accounts with 80-150 follows")
    try:
        resolve("/api/v1/posts")
        api = "/api/v1/posts"
    except Resolver404:
        api = None
    from primum.moderation import screening
    from primum.safety import Assessment, Decision, Label, Target

    def no_engine(text, context):  # the write path as it was before the engine was wired in
        return Assessment(
            scores=dict.fromkeys(Label, 0.0),
            target=Target.NONE,
            spans=(),
            decision=Decision.ALLOW,
            model_version="",
        )

    engine_off = mock.patch.object(screening, "assess", no_engine)

    def timed(engine: bool, call):
        if engine:
            started = time.perf_counter()
            result = call()
            return time.perf_counter() - started, result
        with engine_off:
            started = time.perf_counter()
            result = call()
            return time.perf_counter() - started, result

    # Interleaved (without, with, without, with, …) after a warm-up of both, so caches, the
    # database's state and the machine's load are the same for both sides.
    created: list[int] = []
    before_service: list[float] = []
    service_times: list[float] = []
    before_api: list[float] = []
    api_times: list[float] = []
    with override_settings(PRIMUM_WRITE_RATE_PER_MINUTE=10**9):
        try:
            for warm in range(20):
                author = authors[warm % len(authors)]
                _, post = timed(
                    warm % 2 == 1, lambda a=author: post_create(author=a, body="Warm-up #meded")
                )
                created.append(post.pk)
            for i in range(2 * args.iterations):
                author = authors[(i // 2) % len(authors)]
                other = authors[(i // 2 + 1) % len(authors)]
                body = BODIES[(i // 2) % len(BODIES)].format(handle=other.username)
                seconds, post = timed(
                    i % 2 == 1, lambda a=author, b=body: post_create(author=a, body=b)
                )
                (service_times if i % 2 else before_service).append(seconds)
                created.append(post.pk)
            if api:
                clients = {}
                for author in authors:
                    clients[author.pk] = Client()
                    clients[author.pk].force_login(author)
                for i in range(2 * args.iterations):
                    author = authors[(i // 2) % len(authors)]
                    body = BODIES[(i // 2) % len(BODIES)].format(handle=authors[0].username)
                    seconds, response = timed(
                        i % 2 == 1,
                        lambda a=author, b=body: clients[a.pk].post(
                            api, data=json.dumps({"body": b}), content_type="application/json"
                        ),
                    )
                    if response.status_code != 201:
                        raise SystemExit(
                            f"{api} answered {response.status_code}: {response.content[:200]}"
                        )
                    (api_times if i % 2 else before_api).append(seconds)
                    created.append(response.json()["id"])
        finally:
            # Leave the data set as it was: tombstone-free removal of the benchmark's posts.
            Post.objects.filter(pk__in=created).delete()

    print("latency, without the safety engine (screening.assess replaced by a constant allow):")
    base_p50, base_p99 = summary("post_create service", before_service)
    if api:
        api_base = summary(f"API POST {api}", before_api)
    print("latency, with the safety engine (as it runs):")
    p50, p99 = summary("post_create service", service_times)
    print(f"  ratio with/without: service p50 {p50 / base_p50:.2f}x, p99 {p99 / base_p99:.2f}x")
    if api:
        api_p50, api_p99 = summary(f"API POST {api}", api_times)
        print(
            f"  ratio with/without: API p50 {api_p50 / api_base[0]:.2f}x, "
            f"p99 {api_p99 / api_base[1]:.2f}x"
        )
    else:
        print("  API: POST /api/v1/posts not available")


if __name__ == "__main__":
    main()
