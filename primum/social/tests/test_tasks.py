"""Side effects run after commit, through Celery: inline, eagerly, and on a real worker.

The rest of the suite runs side effects inline (a test inside one transaction never
commits). These tests use real transactions to check the production path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import override_settings

from config.celery import app as celery_app
from primum.accounts.tests.factories import UserFactory
from primum.social.models import Notification, Post
from primum.social.tests.factories import make_post

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.django_db(transaction=True)
@override_settings(PRIMUM_RUN_AFTER_COMMIT_INLINE=False)
def test_notification_sent_only_after_commit():
    alice, bob = UserFactory(), UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_post(alice, f"rolled back @{bob.username}")
        raise RuntimeError("the request died mid-way")
    assert not Post.objects.exists()
    assert not Notification.objects.exists()
    with transaction.atomic():
        make_post(alice, f"committed @{bob.username}")
        assert not Notification.objects.exists()  # not before the commit
    assert Notification.objects.get(recipient=bob).kind == "mention"


@pytest.mark.django_db(transaction=True)
@override_settings(PRIMUM_RUN_AFTER_COMMIT_INLINE=False)
def test_scale_out_configuration_postgres_redis_worker():
    """PostgreSQL + Redis broker + a separate Celery worker process deliver notifications."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "the scale-out configuration is PostgreSQL + Redis + workers; runs in the PostgreSQL pass"
        )
    redis_url = os.environ.get("PRIMUM_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    import redis

    redis.Redis.from_url(redis_url).ping()  # fails loudly (never skips) when Redis is missing
    settings_dict = connection.settings_dict
    db_url = (
        f"postgres://{settings_dict['USER'] or 'postgres'}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "PRIMUM_VAR_DIR": str(REPO / "var" / "worker-test"),
    }
    queue = f"primum-test-{os.getpid()}"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--loglevel=WARNING",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    old = (
        celery_app.conf.task_always_eager,
        celery_app.conf.broker_url,
        celery_app.conf.task_default_queue,
    )
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = redis_url
    celery_app.conf.task_default_queue = queue
    _drop_producer_pools()
    try:
        alice, bob = UserFactory(), UserFactory()
        make_post(alice, f"hello from the web process @{bob.username}")
        deadline = time.monotonic() + 60
        while (
            time.monotonic() < deadline and not Notification.objects.filter(recipient=bob).exists()
        ):
            assert worker.poll() is None, (
                worker.stdout.read().decode() if worker.stdout else "worker exited"
            )
            time.sleep(0.25)
        if not Notification.objects.filter(recipient=bob).exists():
            worker.terminate()
            pytest.fail(
                "no notification from the worker:\n"
                + (worker.communicate(timeout=20)[0] or b"").decode()
            )
        assert Notification.objects.get(recipient=bob).kind == "mention"
    finally:
        (
            celery_app.conf.task_always_eager,
            celery_app.conf.broker_url,
            celery_app.conf.task_default_queue,
        ) = old
        _drop_producer_pools()
        worker.terminate()
        worker.wait(timeout=20)


def _drop_producer_pools() -> None:
    """Forget connections and producers made for the previous broker URL (the test settings
    use memory://), in kombu's global registry too, so the next task gets fresh ones."""
    from kombu import pools

    pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
