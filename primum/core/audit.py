"""Writing and verifying the tamper-evident audit log (``AuditLogEntry``).

Entries are chained: ``entry_hash = sha256(prev_hash + canonical JSON of the entry)``.
Appends take a lock on the chain head so two concurrent writers cannot fork it (a row lock on
PostgreSQL; SQLite serialises writers already with BEGIN IMMEDIATE).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from primum.core.models import AuditLogEntry

GENESIS = "0" * 64


def _digest(prev_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _fields(entry: AuditLogEntry) -> dict[str, Any]:
    return {
        "created_at": entry.created_at.isoformat(),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "target_label": entry.target_label,
        "extra": entry.extra,
    }


def _label(user) -> str:
    if user is None:
        return "system"
    return f"@{user.username} (#{user.pk})"


@transaction.atomic
def audit_log_write(
    *,
    actor,
    action: str,
    target: Any = None,
    target_type: str = "",
    target_id: str = "",
    target_label: str = "",
    extra: dict[str, Any] | None = None,
) -> AuditLogEntry:
    """Append one entry. ``actor`` None means the system did it."""
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target_id or str(target.pk)
        target_label = target_label or str(target)
    head = AuditLogEntry.objects.select_for_update().order_by("-id").first()
    entry = AuditLogEntry(
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        actor_label=_label(actor if actor is not None and getattr(actor, "pk", None) else None),
        action=action,
        target_type=target_type[:64],
        target_id=str(target_id)[:64],
        target_label=target_label[:200],
        extra=extra or {},
        prev_hash=head.entry_hash if head else GENESIS,
    )
    entry.entry_hash = _digest(entry.prev_hash, _fields(entry))
    entry.save()
    return entry


@dataclass
class ChainReport:
    ok: bool
    entries: int
    first_bad_id: int | None = None
    reason: str = ""


def audit_verify_chain() -> ChainReport:
    """Recompute every hash in order; report the first entry that does not match."""
    prev = GENESIS
    count = 0
    for entry in AuditLogEntry.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if entry.prev_hash != prev:
            return ChainReport(
                False, count, entry.pk, "an entry before this one was removed or altered"
            )
        if _digest(entry.prev_hash, _fields(entry)) != entry.entry_hash:
            return ChainReport(False, count, entry.pk, "this entry was altered")
        prev = entry.entry_hash
    return ChainReport(True, count)
