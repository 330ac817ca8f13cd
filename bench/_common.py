"""Shared set-up for the benchmark scripts: Django, the header every result starts with,
and percentile arithmetic. Scripts run from the repository root or from bench/."""

from __future__ import annotations

import os
import platform
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def command_line() -> str:
    prefix = ""
    for name in ("DATABASE_URL", "PGOPTIONS"):
        if os.environ.get(name):
            prefix += f"{name}={shlex.quote(os.environ[name])} "
    return prefix + " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv])


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def header(title: str) -> None:
    from django.db import connection

    from primum.accounts.models import User
    from primum.social.models import Follow, Post

    print(f"== {title}")
    print(f"command : {command_line()}")
    print(f"date    : {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    print(f"machine : {os.cpu_count()} CPUs ({_cpu()}), Python {platform.python_version()}")
    print(f"load    : {load()} (1/5/15-minute load average at the start)")
    version = connection.cursor().connection
    if connection.vendor == "sqlite":
        import sqlite3

        db = f"SQLite {sqlite3.sqlite_version} ({connection.settings_dict['NAME']})"
    else:
        number = version.info.server_version
        jit = os.environ.get("PGOPTIONS", "")
        db = f"PostgreSQL {number // 10000}.{number % 10000} ({connection.settings_dict['NAME']})"
        db += f" PGOPTIONS={jit!r}" if jit else ""
    print(f"database: {db}")
    print(
        f"data    : {User.objects.count():,} accounts, {Post.objects.count():,} posts, "
        f"{Follow.objects.count():,} follows"
    )


def load() -> str:
    """The load average: on a shared machine, figures are only comparable at similar load."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summary(label: str, seconds: list[float]) -> tuple[float, float]:
    p50, p99 = percentile(seconds, 0.50) * 1000, percentile(seconds, 0.99) * 1000
    mean = sum(seconds) / len(seconds) * 1000
    print(
        f"  {label:<38} n={len(seconds):<5} p50={p50:8.2f} ms  p99={p99:8.2f} ms  mean={mean:8.2f} ms"
    )
    return p50, p99
