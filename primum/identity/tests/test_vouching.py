"""Peer vouching rules: who may vouch, rings, independence, withdrawal, audit, pages and API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from primum.accounts import services as account_services
from primum.accounts.tests.factories import UserFactory
from primum.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from primum.core.models import AuditLogEntry
from primum.identity import vouching
from primum.identity.models import Credential, TrustLevel, Vouch
from primum.identity.tests.helpers import age, clinician, verify
from primum.identity.vouching import vouch_create, vouch_withdraw

pytestmark = pytest.mark.django_db


def _peer_credential(user):
    return Credential.objects.filter(
        user=user, method="peer_vouch", status=Credential.Status.VERIFIED
    ).first()


@pytest.fixture
def vouchee():
    return age(UserFactory(username="newdoc"))


@pytest.fixture
def vouchers():
    return [clinician(f"voucher{i}") for i in range(3)]


def test_three_independent_vouches_verify_the_profession(vouchee, vouchers):
    for voucher in vouchers[:2]:
        vouch_create(voucher=voucher, handle="newdoc", relation="worked_together")
        assert _peer_credential(vouchee) is None
    vouch_create(voucher=vouchers[2], handle="NewDoc", relation="met_in_person", note="Ward 3")
    credential = _peer_credential(vouchee)
    assert credential is not None and credential.claimed_profession == "physician"
    assert credential.checked_by_system == vouching.PEER_VOUCH_SYSTEM
    vouchee.refresh_from_db()
    assert vouchee.trust.level == TrustLevel.PEER_VOUCHED
    assert vouchee.trust.is_verified_clinician
    assert "vouched for by verified clinicians" in vouchee.trust.summary
    assert list(credential.events.values_list("to_status", flat=True)) == ["verified"]


def test_withdrawal_below_threshold_withdraws_the_credential(vouchee, vouchers):
    for voucher in vouchers:
        vouch_create(voucher=voucher, handle="newdoc", relation="trained_together")
    credential = _peer_credential(vouchee)
    vouch_withdraw(voucher=vouchers[1], handle="newdoc")
    credential.refresh_from_db()
    assert credential.status == Credential.Status.WITHDRAWN
    vouchee.refresh_from_db()
    assert vouchee.trust.level == TrustLevel.EMAIL_CONFIRMED
    assert not vouchee.trust.is_verified_clinician
    # vouching again restores it with a new credential; the old one stays withdrawn
    vouch_create(voucher=vouchers[1], handle="newdoc", relation="trained_together")
    assert _peer_credential(vouchee).pk != credential.pk


def test_every_vouch_and_withdrawal_is_audited(vouchee, vouchers):
    vouch_create(voucher=vouchers[0], handle="newdoc", relation="worked_together")
    vouch_withdraw(voucher=vouchers[0], handle="newdoc")
    actions = list(AuditLogEntry.objects.order_by("id").values_list("action", "actor_id"))
    assert actions == [
        ("identity.vouch_create", vouchers[0].pk),
        ("identity.vouch_withdraw", vouchers[0].pk),
    ]
    for voucher in vouchers:
        vouch_create(voucher=voucher, handle="newdoc", relation="worked_together")
    assert AuditLogEntry.objects.filter(action="identity.peer_vouch_verified").count() == 1


def test_self_vouching_is_refused(vouchers):
    with pytest.raises(ValidationError) as error:
        vouch_create(voucher=vouchers[0], handle="voucher0", relation="worked_together")
    assert error.value.code == "vouch_self"
    assert not Vouch.objects.exists()


def test_unverified_voucher_is_refused(vouchee):
    stranger = age(UserFactory(username="unverified"))
    with pytest.raises(PermissionDenied) as error:
        vouch_create(voucher=stranger, handle="newdoc", relation="worked_together")
    assert error.value.code == "voucher_not_verified"
    assert "verified clinicians" in error.value.message
    # an institutional e-mail proves an affiliation, not a profession: still not allowed
    verify(stranger, "institutional_email")
    with pytest.raises(PermissionDenied):
        vouch_create(voucher=stranger, handle="newdoc", relation="worked_together")
    assert not Vouch.objects.exists()


def test_duplicate_vouch_is_refused(vouchee, vouchers):
    vouch_create(voucher=vouchers[0], handle="newdoc", relation="worked_together")
    with pytest.raises(Conflict) as error:
        vouch_create(voucher=vouchers[0], handle="newdoc", relation="met_in_person")
    assert error.value.code == "vouch_duplicate"
    assert Vouch.objects.count() == 1


@pytest.mark.parametrize("direction", ["voucher_blocks", "vouchee_blocks"])
def test_blocked_either_way_is_not_found(vouchee, vouchers, direction):
    a, b = (vouchers[0], vouchee) if direction == "voucher_blocks" else (vouchee, vouchers[0])
    account_services.block_create(actor=a, handle=b.username)
    with pytest.raises(NotFound):
        vouch_create(voucher=vouchers[0], handle="newdoc", relation="worked_together")
    assert not Vouch.objects.exists()


def test_unknown_handle_and_bad_input(vouchers, vouchee):
    for handle in ("nobody_here", "bad\x00handle", "", None, 42):
        with pytest.raises(NotFound):
            vouch_create(voucher=vouchers[0], handle=handle, relation="worked_together")
    bad = [
        ({"relation": "best_friends"}, "invalid_choice"),
        ({"relation": None}, "invalid_choice"),
        ({"relation": "worked_together", "note": "x" * 201}, "too_long"),
        ({"relation": "worked_together", "note": "evil\u202etext"}, "bidi_control"),
        ({"relation": "worked_together", "note": "zero\u200bwidth"}, "invisible_character"),
        ({"relation": "worked_together", "note": "two\nlines"}, "control_character"),
        ({"relation": "worked_together", "note": "bell\x07"}, "control_character"),
    ]
    for fields, code in bad:
        with pytest.raises(ValidationError) as error:
            vouch_create(voucher=vouchers[0], handle="newdoc", **fields)
        assert error.value.code == code, fields
    assert not Vouch.objects.exists()


def test_vouchee_without_a_clinician_profession_is_refused(vouchers):
    UserFactory(username="journalist", profession="")
    with pytest.raises(ValidationError) as error:
        vouch_create(voucher=vouchers[0], handle="journalist", relation="met_in_person")
    assert error.value.code == "vouchee_not_clinician"


def test_rings_among_new_accounts_are_refused():
    # three brand-new verified accounts try to vouch for each other in a circle
    a, b, c = (UserFactory(username=n) for n in ("ring_a", "ring_b", "ring_c"))
    for user in (a, b, c):
        verify(user, "document")
    vouch_create(voucher=a, handle="ring_b", relation="worked_together")
    with pytest.raises(PermissionDenied) as error:
        vouch_create(voucher=b, handle="ring_a", relation="worked_together")
    assert error.value.code == "vouch_ring"
    vouch_create(voucher=b, handle="ring_c", relation="worked_together")
    with pytest.raises(PermissionDenied) as error:  # a → b → c → a
        vouch_create(voucher=c, handle="ring_a", relation="worked_together")
    assert error.value.code == "vouch_ring"
    # an established account may vouch back: the rule is about new accounts
    age(a)
    vouch_create(voucher=b, handle="ring_a", relation="worked_together")


def test_vouches_from_connected_vouchers_do_not_count(vouchee, vouchers):
    # voucher0 and voucher1 vouched for each other recently: only one of them counts
    vouch_create(voucher=vouchers[0], handle="voucher1", relation="worked_together")
    for voucher in vouchers:
        vouch_create(voucher=voucher, handle="newdoc", relation="worked_together")
    assert _peer_credential(vouchee) is None
    fourth = clinician("voucher3")
    vouch_create(voucher=fourth, handle="newdoc", relation="worked_together")
    assert _peer_credential(vouchee) is not None


def test_old_connections_between_vouchers_do_not_matter(vouchee, vouchers):
    link = vouch_create(voucher=vouchers[0], handle="voucher1", relation="worked_together")
    Vouch.objects.filter(pk=link.pk).update(created_at=timezone.now() - timedelta(days=181))
    for voucher in vouchers:
        vouch_create(voucher=voucher, handle="newdoc", relation="worked_together")
    assert _peer_credential(vouchee) is not None


def test_at_least_one_voucher_must_be_credential_verified(vouchee):
    peers = [clinician(f"peer{i}", "peer_vouch") for i in range(3)]
    for peer in peers:
        vouch_create(voucher=peer, handle="newdoc", relation="met_in_person")
    assert _peer_credential(vouchee) is None  # a group of peer-vouched accounts cannot self-sustain
    strong = clinician("strong", "document")
    vouch_create(voucher=strong, handle="newdoc", relation="met_in_person")
    assert _peer_credential(vouchee) is not None


def test_a_voucher_who_lost_verification_stops_counting(vouchee, vouchers):
    for voucher in vouchers:
        vouch_create(voucher=voucher, handle="newdoc", relation="worked_together")
    Credential.objects.filter(user=vouchers[2]).update(status=Credential.Status.WITHDRAWN)
    from primum.identity.trust import trust_recompute

    trust_recompute(vouchers[2])
    vouching.vouchees_reconcile(voucher=vouchers[2])
    assert _peer_credential(vouchee) is None
    verify(vouchers[2], "npi")
    vouching.vouchees_reconcile(voucher=vouchers[2])
    assert _peer_credential(vouchee) is not None


def test_withdrawing_a_vouch_that_does_not_exist_is_not_found(vouchers):
    for handle in ("newdoc", "nobody", "bad handle", None):
        with pytest.raises(NotFound) as error:
            vouch_withdraw(voucher=vouchers[0], handle=handle)
        assert error.value.code == "vouch_not_found"


def test_withdrawal_still_works_after_a_block(vouchee, vouchers):
    vouch_create(voucher=vouchers[0], handle="newdoc", relation="worked_together")
    account_services.block_create(actor=vouchee, handle="voucher0")
    vouch_withdraw(voucher=vouchers[0], handle="newdoc")
    assert not Vouch.objects.filter(withdrawn_at__isnull=True).exists()


# --- Pages and API ----------------------------------------------------------------------------


def _login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_vouch_through_the_page(vouchee, vouchers):
    client = _login(vouchers[0])
    page = client.get("/identity/vouch/newdoc/")
    assert page.status_code == 200
    assert b"Worked together" in page.content
    response = client.post(
        "/identity/vouch/newdoc/", {"relation": "worked_together", "note": "ICU 2019"}
    )
    assert response.status_code == 302
    assert Vouch.objects.filter(voucher=vouchers[0], vouchee=vouchee, note="ICU 2019").exists()
    response = client.post("/identity/vouch/newdoc/withdraw/")
    assert response.status_code == 302
    assert not Vouch.objects.filter(withdrawn_at__isnull=True).exists()


def test_page_shows_the_typed_error_next_to_the_field(vouchee):
    client = _login(age(UserFactory(username="unverified")))
    response = client.post("/identity/vouch/newdoc/", {"relation": "worked_together"})
    assert response.status_code == 403
    assert b"Only verified clinicians can vouch" in response.content
    response = _login(clinician("okdoc")).post(
        "/identity/vouch/newdoc/", {"relation": "worked_together", "note": "a\u202eb"}
    )
    assert response.status_code == 422
    assert b"direction-changing" in response.content
    assert not Vouch.objects.exists()


def test_page_for_a_blocked_or_unknown_account_is_404(vouchee, vouchers):
    account_services.block_create(actor=vouchee, handle="voucher0")
    client = _login(vouchers[0])
    assert client.get("/identity/vouch/newdoc/").status_code == 404
    assert client.post("/identity/vouch/newdoc/", {"relation": "met_in_person"}).status_code == 404
    assert client.get("/identity/vouch/nobody/").status_code == 404


def test_vouch_through_the_api(vouchee, vouchers):
    client = _login(vouchers[0])
    url = "/api/v1/users/newdoc/vouch"
    response = client.post(
        url, {"relation": "trained_together", "note": ""}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["relation"] == "trained_together"
    again = client.post(url, {"relation": "trained_together"}, content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "vouch_duplicate"
    assert client.delete(url).status_code == 204
    assert client.delete(url).json()["code"] == "vouch_not_found"


def test_api_errors_are_typed(vouchee, vouchers):
    client = _login(vouchers[0])
    me = client.post(
        "/api/v1/users/voucher0/vouch",
        {"relation": "met_in_person"},
        content_type="application/json",
    )
    assert me.status_code == 422 and me.json()["code"] == "vouch_self"
    bad = client.post("/api/v1/users/newdoc/vouch", "{not json", content_type="application/json")
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_json"
    unknown = client.post(
        "/api/v1/users/nobody/vouch", {"relation": "met_in_person"}, content_type="application/json"
    )
    assert unknown.status_code == 404
    anonymous = Client().post(
        "/api/v1/users/newdoc/vouch", {"relation": "met_in_person"}, content_type="application/json"
    )
    assert anonymous.status_code == 401
    unverified = _login(age(UserFactory(username="plain"))).post(
        "/api/v1/users/newdoc/vouch", {"relation": "met_in_person"}, content_type="application/json"
    )
    assert unverified.status_code == 403 and unverified.json()["code"] == "voucher_not_verified"
    assert not Vouch.objects.exists()


def test_withdrawing_a_vouchers_credential_unverifies_those_they_verified():
    """A credential transition of the voucher re-counts the vouches they gave."""
    from primum.identity import credentials as credential_services
    from primum.identity.models import Credential, TrustLevel
    from primum.identity.tests.helpers import clinician
    from primum.identity.vouching import vouch_create

    strong = [clinician(f"strong{n}") for n in range(3)]
    vouchee = clinician("newdoc", method=None)
    for voucher in strong:
        vouch_create(voucher=voucher, handle="newdoc", relation="worked_together")
    vouchee.trust.refresh_from_db()
    assert vouchee.trust.level == TrustLevel.PEER_VOUCHED
    npi = Credential.objects.get(user=strong[0], method="npi")
    credential_services.credential_withdraw(actor=strong[0], credential_id=npi.pk)
    vouchee.trust.refresh_from_db()
    assert vouchee.trust.level < TrustLevel.PEER_VOUCHED
