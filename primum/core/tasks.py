"""Queue side effects after the current transaction commits.

Services call ``after_commit(task.delay, *args)``. In production the Celery task is sent
only once the write is durable; without a broker Celery runs it eagerly in-process. The
test settings set PRIMUM_RUN_AFTER_COMMIT_INLINE because a test wrapped in one transaction
never commits; primum/social/tests/test_tasks.py checks the real commit path.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction


def after_commit(func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    callback = partial(func, *args, **kwargs)
    if getattr(settings, "PRIMUM_RUN_AFTER_COMMIT_INLINE", False):
        callback()
    else:
        transaction.on_commit(callback)
