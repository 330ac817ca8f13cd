"""The audit log is append-only in spirit and tamper-evident in fact."""

import pytest

from primum.accounts.tests.factories import UserFactory
from primum.core.audit import audit_log_write, audit_verify_chain
from primum.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def test_chain_verifies_and_detects_edits_and_deletions():
    alice = UserFactory()
    for n in range(5):
        audit_log_write(
            actor=alice if n % 2 else None, action="test.action", target=alice, extra={"n": n}
        )
    report = audit_verify_chain()
    assert report.ok and report.entries == 5
    entries = list(AuditLogEntry.objects.order_by("id"))
    assert entries[0].actor_label == "system"
    assert entries[1].actor_label == f"@{alice.username} (#{alice.pk})"
    assert entries[1].target_type == "accounts.user"

    AuditLogEntry.objects.filter(pk=entries[2].pk).update(extra={"n": 99})
    report = audit_verify_chain()
    assert not report.ok and report.first_bad_id == entries[2].pk

    AuditLogEntry.objects.filter(pk=entries[2].pk).update(extra={"n": 2})
    assert audit_verify_chain().ok
    AuditLogEntry.objects.filter(pk=entries[3].pk).delete()
    report = audit_verify_chain()
    assert not report.ok and report.first_bad_id == entries[4].pk


def test_target_label_survives_the_target():
    bob = UserFactory(username="bob")
    entry = audit_log_write(actor=None, action="test.delete", target=bob)
    bob.delete()
    entry.refresh_from_db()
    assert entry.target_label == "@bob"
