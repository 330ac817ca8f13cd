"""Celery tasks for messaging side effects. Each loads by id, is idempotent and retryable."""

from __future__ import annotations

from celery import shared_task

from primum.messaging import selectors


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def message_created(message_id: int, recipient_ids: list[int]) -> None:
    """A message was committed: recipients' cached header counts are out of date.

    (Push and e-mail alerts for messages would go here; Primum has none yet.)
    """
    selectors.forget_counts(recipient_ids)
