"""Celery tasks of the moderation app that belong to pile-on detection."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def pileon_check(post_id: int) -> None:
    """Check whether the post ``post_id`` completes a pile-on; idempotent."""
    from primum.moderation import pileon

    pileon.pileon_check_post(post_id=post_id)
