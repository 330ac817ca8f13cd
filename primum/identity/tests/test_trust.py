"""Trust levels and the public summary are derived from active credentials only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from primum.accounts.tests.factories import UserFactory
from primum.identity.models import Credential, Organisation, TrustLevel
from primum.identity.trust import trust_recompute

pytestmark = pytest.mark.django_db


def _credential(user, method, status="verified", **kwargs):
    return Credential.objects.create(
        user=user,
        method=method,
        status=status,
        checked_at=timezone.now(),
        claimed_profession="physician",
        **kwargs,
    )


def test_levels_follow_the_strongest_active_credential():
    user = UserFactory(email_confirmed=False)
    assert trust_recompute(user).level == TrustLevel.UNVERIFIED
    user.email_confirmed_at = timezone.now()
    user.save(update_fields=["email_confirmed_at"])
    assert trust_recompute(user).level == TrustLevel.EMAIL_CONFIRMED
    _credential(user, "peer_vouch")
    status = trust_recompute(user)
    assert status.level == TrustLevel.PEER_VOUCHED and status.is_verified_clinician
    _credential(user, "npi", npi_number="1234567893")
    status = trust_recompute(user)
    assert status.level == TrustLevel.CREDENTIAL_VERIFIED
    assert status.summary.startswith("Physician · NPI verified ")
    assert "1234567893" not in status.summary


def test_pending_rejected_and_expired_credentials_do_not_count():
    user = UserFactory(email_confirmed=False)
    _credential(user, "npi", status="pending")
    _credential(user, "document", status="rejected")
    _credential(user, "document", expires_at=timezone.now() - timedelta(days=1))
    assert trust_recompute(user).level == TrustLevel.UNVERIFIED


def test_pseudonymous_summary_hides_the_affiliation():
    user = UserFactory()
    org = Organisation.objects.create(name="St. Aurelia University Hospital", slug="st-aurelia")
    _credential(
        user, "institutional_email", organisation=org, institutional_email="x@st-aurelia.org"
    )
    _credential(user, "document")
    assert "St. Aurelia" in trust_recompute(user).summary
    user.profile.is_pseudonymous = True
    user.profile.save(update_fields=["is_pseudonymous"])
    summary = trust_recompute(user).summary
    assert summary.startswith("Verified physician")
    assert "Aurelia" not in summary
