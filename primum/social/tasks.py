"""Celery tasks for social side effects. Each loads by id, calls a service, is idempotent."""

from __future__ import annotations

from celery import shared_task

from primum.social import services


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def notify_post_created(post_id: int, mentioned_ids: list[int]) -> None:
    services.notifications_for_post(post_id=post_id, mentioned_ids=mentioned_ids)


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def notify(recipient_id: int, actor_id: int, kind: str, post_id: int | None) -> None:
    services.notification_create(
        recipient_id=recipient_id, actor_id=actor_id, kind=kind, post_id=post_id
    )
