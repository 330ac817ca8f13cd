"""JSON API for credentials under /api/v1/verification/: the owner's credentials and each
verification method, the verifier queue and decisions, the audited document download, and
organisations with their e-mail domains for staff. Every endpoint calls the same service or
selector in ``primum.identity.credentials`` as the pages.

Private fields (NPI, legal names, licence, institutional e-mail, documents) appear only in
answers to the owner about their own credentials and to verifiers/staff; another user's
credential id is "not found".
"""

from __future__ import annotations

from datetime import datetime

from django.http import FileResponse
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile

from primum.api.auth import require_user, user_read_auth, write_auth
from primum.core.errors import NotFound
from primum.identity import credentials, documents
from primum.identity.models import Credential, Organisation

router = Router(tags=["verification"])


class CredentialOut(Schema):
    id: int
    method: str
    status: str
    status_label: str
    public_summary: str
    reviewer_reason: str
    claimed_profession: str
    claimed_specialty: str
    checked_by: str
    created_at: datetime
    checked_at: datetime | None
    expires_at: datetime | None
    # The owner's own private data (never in anyone else's answer)
    npi_number: str
    legal_first_name: str
    legal_last_name: str
    licence_state: str
    institutional_email: str
    organisation: str
    document_count: int


class DocumentOut(Schema):
    id: int
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime
    download_url: str


class ReviewOut(CredentialOut):
    handle: str
    user_id: int
    licence_number: str
    documents: list[DocumentOut]
    events: list[dict]


class NpiIn(Schema):
    npi: str
    first_name: str
    last_name: str
    state: str


class EmailIn(Schema):
    email: str


class TokenIn(Schema):
    token: str


class DecisionIn(Schema):
    decision: str
    reason: str
    profession: str = ""
    specialty: str = ""
    expires_at: str | None = None


class OrganisationIn(Schema):
    name: str
    slug: str
    kind: str = Organisation.Kind.HOSPITAL
    website: str = ""


class DomainIn(Schema):
    domain: str


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    website: str
    domains: list[str]


class OkOut(Schema):
    ok: bool = True
    detail: str = ""


def _who_checked(c: Credential) -> str:
    if c.checked_by_id:
        return "a Primum verifier"
    return c.checked_by_system


def _credential(c: Credential, document_count: int | None = None) -> dict:
    return {
        "id": c.pk,
        "method": c.method,
        "status": c.status,
        "status_label": c.get_status_display(),
        "public_summary": c.public_summary,
        "reviewer_reason": c.reviewer_reason,
        "claimed_profession": c.claimed_profession,
        "claimed_specialty": c.claimed_specialty,
        "checked_by": _who_checked(c),
        "created_at": c.created_at,
        "checked_at": c.checked_at,
        "expires_at": c.expires_at,
        "npi_number": c.npi_number,
        "legal_first_name": c.legal_first_name,
        "legal_last_name": c.legal_last_name,
        "licence_state": c.licence_state,
        "institutional_email": c.institutional_email,
        "organisation": c.organisation.name if c.organisation_id else "",
        "document_count": (
            document_count
            if document_count is not None
            else getattr(c, "document_count", None) or c.documents.count()
        ),
    }


def _review(c: Credential) -> dict:
    docs = list(c.documents.all())
    return {
        **_credential(c, len(docs)),
        "handle": c.user.username,
        "user_id": c.user_id,
        "licence_number": c.licence_number,
        "documents": [
            {
                "id": d.pk,
                "content_type": d.content_type,
                "size": d.size,
                "sha256": d.sha256,
                "uploaded_at": d.created_at,
                "download_url": f"/api/v1/verification/documents/{d.pk}/download",
            }
            for d in docs
        ],
        "events": [
            {
                "from": e.from_status,
                "to": e.to_status,
                "note": e.note,
                "at": e.created_at.isoformat(),
                "by_verifier": bool(e.actor_id and e.actor_id != c.user_id),
            }
            for e in c.events.all()
        ],
    }


# --- The owner ---------------------------------------------------------------------------


@router.get("/verification/credentials", response=list[CredentialOut], auth=user_read_auth)
def my_credentials(request):
    """Your credentials, newest first, with their status and the reviewer's reason."""
    return [_credential(c) for c in credentials.credentials_of_owner(require_user(request))]


@router.get(
    "/verification/credentials/{credential_id}", response=CredentialOut, auth=user_read_auth
)
def my_credential(request, credential_id: int):
    return _credential(credentials.access_own_credential(require_user(request), credential_id))


@router.post("/verification/npi", response={201: CredentialOut}, auth=write_auth)
def npi_start(request, payload: NpiIn):
    """Check an NPI in the NPPES registry. The answer is the credential after the lookup:
    ``verified``, ``rejected`` (with the reason) or ``registry_unreachable`` (retried later)."""
    credential = credentials.npi_check_start(
        user=require_user(request),
        npi_number=payload.npi,
        first_name=payload.first_name,
        last_name=payload.last_name,
        state=payload.state,
    )
    return 201, _credential(credential)


@router.post(
    "/verification/credentials/{credential_id}/retry", response=CredentialOut, auth=write_auth
)
def npi_retry(request, credential_id: int):
    return _credential(
        credentials.npi_check_retry(actor=require_user(request), credential_id=credential_id)
    )


@router.post(
    "/verification/credentials/{credential_id}/withdraw", response=CredentialOut, auth=write_auth
)
def withdraw(request, credential_id: int):
    return _credential(
        credentials.credential_withdraw(actor=require_user(request), credential_id=credential_id)
    )


@router.post("/verification/documents", response={201: CredentialOut}, auth=write_auth)
def document_upload(
    request,
    file: UploadedFile | None = File(None),  # noqa: B008
    credential_id: int | None = Form(None),
    profession: str = Form(""),
    legal_first_name: str = Form(""),
    legal_last_name: str = Form(""),
    licence_state: str = Form(""),
    licence_number: str = Form(""),
):
    """Upload a licence or ID (multipart: ``file`` plus the claim, or ``credential_id`` to add
    a document to a review that asked for more). PNG, JPEG, WebP or PDF, sniffed from the
    bytes; ``unsupported_file_type`` or ``file_too_large`` otherwise."""
    credential = credentials.document_submit(
        user=require_user(request),
        file=file,
        credential_id=credential_id,
        profession=profession,
        legal_first_name=legal_first_name,
        legal_last_name=legal_last_name,
        licence_state=licence_state,
        licence_number=licence_number,
    )
    return 201, _credential(credential)


@router.post("/verification/institutional-email", response={202: OkOut}, auth=write_auth)
def email_request(request, payload: EmailIn):
    """Mail a confirmation link (valid three days) to an address at a registered domain."""
    organisation = credentials.institutional_email_request(
        user=require_user(request), email=payload.email
    )
    return 202, {"ok": True, "detail": f"A confirmation link was sent ({organisation.name})."}


@router.post(
    "/verification/institutional-email/confirm", response={201: CredentialOut}, auth=write_auth
)
def email_confirm(request, payload: TokenIn):
    credential = credentials.institutional_email_confirm(
        user=require_user(request), token=payload.token
    )
    return 201, _credential(credential)


# --- Verifiers -------------------------------------------------------------------------------


@router.get("/verification/queue", response=list[CredentialOut], auth=user_read_auth)
def queue(request):
    """Verifiers: credentials waiting for review, oldest first (at most 100)."""
    return [_credential(c) for c in credentials.verifier_queue(require_user(request))[:100]]


@router.get("/verification/queue/{credential_id}", response=ReviewOut, auth=user_read_auth)
def review(request, credential_id: int):
    """Verifiers: one credential with its private fields and documents (audit-logged)."""
    return _review(credentials.access_credential_for_review(require_user(request), credential_id))


@router.post(
    "/verification/queue/{credential_id}/decision", response=CredentialOut, auth=write_auth
)
def decide(request, credential_id: int, payload: DecisionIn):
    """Verifiers: ``approve`` (optionally setting profession, specialty, ``expires_at``
    YYYY-MM-DD), ``reject`` or ``needs_more``, with a required reason."""
    credential = credentials.credential_decide(
        actor=require_user(request), credential_id=credential_id, **payload.dict()
    )
    return _credential(credential)


@router.get("/verification/documents/{document_id}/download", auth=user_read_auth)
def document_download(request, document_id: int):
    """Verifiers: the file as an attachment, never inline (audit-logged)."""
    document = credentials.access_document_for_download(require_user(request), document_id)
    try:
        handle = documents.path_for(document.storage_name).open("rb")
    except (OSError, ValueError):
        raise NotFound("This document's file is missing.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"credential-{document.credential_id}-document-{document.pk}"
        + documents.ALLOWED_TYPES.get(document.content_type, ""),
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Staff: organisations and domains -------------------------------------------------------


def _organisation(o: Organisation) -> dict:
    return {
        "id": o.pk,
        "name": o.name,
        "slug": o.slug,
        "kind": o.kind,
        "website": o.website,
        "domains": sorted(d.domain for d in o.domains.all()),
    }


@router.post("/verification/organisations", response={201: OrganisationOut}, auth=write_auth)
def organisation_create(request, payload: OrganisationIn):
    """Staff: register an organisation."""
    organisation = credentials.organisation_create(actor=require_user(request), **payload.dict())
    return 201, _organisation(organisation)


@router.post(
    "/verification/organisations/{organisation_id}/domains",
    response={201: OrganisationOut},
    auth=write_auth,
)
def organisation_domain_add(request, organisation_id: int, payload: DomainIn):
    """Staff: register an e-mail domain for an organisation (free-mail domains are refused)."""
    entry = credentials.organisation_domain_add(
        actor=require_user(request), organisation_id=organisation_id, domain=payload.domain
    )
    return 201, _organisation(entry.organisation)
