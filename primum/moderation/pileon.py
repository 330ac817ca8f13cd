"""Pile-on checks on the platform side: queue a check after a reply, quote or mention.

``queue_pileon_check(post_id)`` is what ``post_create`` calls once the post is committed;
the Celery task in ``primum.moderation.tasks`` rebuilds the recent interactions aimed at
the post's targets and replays them through the engine's streaming detector.
"""

from __future__ import annotations

from primum.core.tasks import after_commit


def queue_pileon_check(post_id: int) -> None:
    """Queue a pile-on check for ``post_id`` once the current transaction commits."""
    from primum.moderation import tasks

    after_commit(tasks.pileon_check.delay, post_id)


def pileon_check_post(*, post_id: int) -> None:
    """Replay recent interactions aimed at the post's targets; store and notify new events."""
    # Filled in by the pile-on detection commit that follows.
    return None
