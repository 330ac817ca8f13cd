"""Fixed-window rate limits on the Django cache (local memory, or Redis when configured)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

from primum.core.errors import RateLimited


def hit(key: str, *, limit: int, window_seconds: int) -> None:
    """Count one action under ``key``; raise RateLimited once ``limit`` is passed."""
    now = int(time.time())
    window_start = now - now % window_seconds
    cache_key = f"rl:{key}:{window_start}"
    cache.add(cache_key, 0, timeout=window_seconds + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds + 5)
        count = 1
    if count > limit:
        raise RateLimited(
            "You are doing that too often. Wait a moment and try again.",
            retry_after=window_start + window_seconds - now,
        )


def check_write_rate(user_id: int) -> None:
    """The shared budget for writes (posts, likes, follows, ...) through pages and API."""
    hit(f"write:{user_id}", limit=settings.PRIMUM_WRITE_RATE_PER_MINUTE, window_seconds=60)
