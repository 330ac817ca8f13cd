"""JSON API for trust and vouching: the trust panel, vouches, the pseudonym setting and the
audited private-identity view. Thin: each endpoint calls the same service or selector as the
page does (``primum.identity.views``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from primum.api.auth import read_auth, require_user, user_read_auth, write_auth
from primum.identity import privacy, selectors, vouching
from primum.identity.models import TrustStatus
from primum.identity.selectors import TrustPanel

router = Router(tags=["identity"])


# --- Schemas ---------------------------------------------------------------------------------


class PersonRefOut(Schema):
    handle: str
    name: str


class VerificationOut(Schema):
    method: str
    method_label: str
    checked: str = Field(..., description="what was checked, in plain words")
    checked_at: datetime | None
    by_person: bool = Field(..., description="a person (verifier) rather than a system checked it")
    by: str = Field(..., description='"A Primum verifier (a person)" or the system; never a name')
    expires_at: datetime | None


class VouchLineOut(Schema):
    voucher: PersonRefOut
    relation: str
    relation_label: str
    since: datetime


class DisclosureRefOut(Schema):
    entity: str
    relationship: str
    relationship_label: str


class TrustPanelOut(Schema):
    handle: str
    level: int = Field(
        ..., description="0 unverified, 1 e-mail confirmed, 2 peer-vouched, 3 credential-verified"
    )
    level_label: str
    summary: str = Field(..., description='plain text, e.g. "Physician · NPI verified Nov 2026"')
    is_verified_clinician: bool
    is_pseudonymous: bool
    verifications: list[VerificationOut]
    mutual_follows_count: int = Field(..., description="people you follow who follow this account")
    mutual_follows: list[PersonRefOut] = Field(..., description="up to 5 of them")
    vouches_count: int
    vouches_from_followed: list[VouchLineOut]
    joined_at: datetime
    account_age_days: int
    current_disclosures: list[DisclosureRefOut]


class VouchIn(Schema):
    relation: str = Field(..., description="worked_together | trained_together | met_in_person")
    note: str = Field("", description="optional, at most 200 characters, one line")


class VouchOut(Schema):
    vouchee: str
    relation: str
    note: str
    created_at: datetime


class PseudonymIn(Schema):
    enabled: bool
    display_name: str | None = Field(None, description="the pseudonym; omit to keep the name")


class PseudonymOut(Schema):
    enabled: bool
    display_name: str
    summary: str


class DocumentOut(Schema):
    id: int
    content_type: str
    size: int
    original_name: str
    uploaded_at: datetime


class PrivateCredentialOut(Schema):
    id: int
    method: str
    status: str
    npi_number: str
    legal_first_name: str
    legal_last_name: str
    licence_state: str
    licence_number: str
    institutional_email: str
    documents: list[DocumentOut]


class PrivateIdentityOut(Schema):
    handle: str
    email: str
    first_name: str
    last_name: str
    is_pseudonymous: bool
    affiliation: str
    credentials: list[PrivateCredentialOut]


# --- Endpoints -------------------------------------------------------------------------------


def panel_out(panel: TrustPanel) -> dict[str, Any]:
    return {
        "handle": panel.subject.username,
        "level": panel.level,
        "level_label": panel.level_label,
        "summary": panel.summary,
        "is_verified_clinician": panel.is_verified_clinician,
        "is_pseudonymous": panel.is_pseudonymous,
        "verifications": [vars(line) for line in panel.verifications],
        "mutual_follows_count": panel.mutual_follows_count,
        "mutual_follows": [vars(p) for p in panel.mutual_follows],
        "vouches_count": panel.vouches_count,
        "vouches_from_followed": [
            {
                "voucher": vars(v.voucher),
                "relation": v.relation,
                "relation_label": v.relation_label,
                "since": v.since,
            }
            for v in panel.vouches_from_followed
        ],
        "joined_at": panel.joined_at,
        "account_age_days": panel.account_age_days,
        "current_disclosures": [
            {
                "entity": d.entity,
                "relationship": d.relationship,
                "relationship_label": str(d.get_relationship_display()),
            }
            for d in panel.disclosures
        ],
    }


@router.get(
    "/users/{handle}/trust",
    response=TrustPanelOut,
    auth=read_auth,
    summary='The trust panel: "How do I know this person?"',
)
def user_trust(request: HttpRequest, handle: str):
    return panel_out(selectors.trust_panel_for_handle(request.user, handle))


@router.post(
    "/users/{handle}/vouch",
    response={201: VouchOut},
    auth=write_auth,
    summary="Vouch for a colleague (verified clinicians only)",
)
def vouch_create(request: HttpRequest, handle: str, payload: VouchIn):
    vouch = vouching.vouch_create(
        voucher=require_user(request), handle=handle, relation=payload.relation, note=payload.note
    )
    return Status(
        201,
        {
            "vouchee": vouch.vouchee.username,
            "relation": vouch.relation,
            "note": vouch.note,
            "created_at": vouch.created_at,
        },
    )


@router.delete(
    "/users/{handle}/vouch", response={204: None}, auth=write_auth, summary="Withdraw your vouch"
)
def vouch_withdraw(request: HttpRequest, handle: str):
    vouching.vouch_withdraw(voucher=require_user(request), handle=handle)
    return Status(204, None)


@router.put(
    "/me/pseudonym",
    response=PseudonymOut,
    auth=write_auth,
    summary="Post under a pseudonym (verified clinicians only) or stop",
)
def pseudonym_set(request: HttpRequest, payload: PseudonymIn):
    user = require_user(request)
    profile = privacy.pseudonym_set(
        user=user, enabled=payload.enabled, display_name=payload.display_name
    )
    return {
        "enabled": profile.is_pseudonymous,
        "display_name": profile.display_name,
        "summary": TrustStatus.objects.get(user=user).summary,
    }


@router.get(
    "/users/{handle}/private-identity",
    response=PrivateIdentityOut,
    auth=user_read_auth,
    summary="Verifiers and staff: real name, e-mail, NPI, licence, documents (audited)",
)
def private_identity(request: HttpRequest, handle: str):
    require_user(request)
    user = get_user_model().objects.filter(username__iexact=str(handle)[:30]).first()
    identity = selectors.access_private_identity(request.user, user)
    return {
        **vars(identity),
        "credentials": [vars(c) for c in identity.credentials],
    }
