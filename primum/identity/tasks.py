"""Celery tasks for credentials. Each loads by id, calls a service, and is idempotent.

Periodic (schedule them with Celery beat; see docs/identity.md): ``credentials_expire``
(hourly is plenty) and ``npi_retry_unreachable`` (every 15 minutes).
"""

from __future__ import annotations

from celery import shared_task

from primum.identity import credentials


@shared_task(acks_late=True)
def npi_check(credential_id: int) -> None:
    # The client already retries with back-off; an unreachable registry is a state
    # (registry_unreachable) that npi_retry_unreachable picks up, not a task failure.
    credentials.npi_check_run(credential_id=credential_id)


@shared_task(acks_late=True)
def npi_retry_unreachable() -> int:
    return credentials.npi_retry_unreachable()


@shared_task(acks_late=True)
def credentials_expire() -> int:
    return credentials.credentials_expire()
