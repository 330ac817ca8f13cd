"""Credential pages: the user's Verification page (start each method, see each credential's
status and the reviewer's reason), the institutional e-mail link, the verifier queue and
its review page, and the audited document download.

Thin: each view reads the form, calls one service or selector from
``primum.identity.credentials`` and renders. A typed error is shown above the form it
belongs to with its 4xx status; "not found" and "permission denied" are the error page.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from primum.accounts.vocabulary import Profession, Specialty
from primum.core.errors import ApplicationError, NotFound, PermissionDenied
from primum.identity import credentials, documents
from primum.identity.credentials import US_STATES
from primum.social.views import handles_errors

NPI_FIELDS = ("npi", "first_name", "last_name", "state")
DOCUMENT_FIELDS = (
    "profession",
    "legal_first_name",
    "legal_last_name",
    "licence_state",
    "licence_number",
    "credential_id",
)


def _status(error: ApplicationError) -> int:
    return error.status if 400 <= error.status < 500 else 400


def _verification_page(request, *, form: str = "", error=None, values=None):
    context = {
        "title": "Verification",
        "credentials": list(credentials.credentials_of_owner(request.user)),
        "form": form,
        "error": error,
        "values": values or {},
        "professions": [(v, label) for v, label in Profession.choices if v],
        "states": sorted(US_STATES),
        "max_upload_mb": settings.PRIMUM_MAX_UPLOAD_BYTES // (1024 * 1024),
        "is_verifier": credentials.can_review_credentials(request.user),
    }
    status = _status(error) if error is not None else 200
    response = render(request, "identity/credentials/verification.html", context, status=status)
    if error is not None and getattr(error, "retry_after", None):
        response["Retry-After"] = str(error.retry_after)
    return response


@login_required
@require_GET
def verification(request):
    return _verification_page(request)


@login_required
@require_POST
def npi_start(request):
    values = {k: request.POST.get(k, "") for k in NPI_FIELDS}
    try:
        credential = credentials.npi_check_start(
            user=request.user,
            npi_number=values["npi"],
            first_name=values["first_name"],
            last_name=values["last_name"],
            state=values["state"],
        )
    except ApplicationError as error:
        return _verification_page(request, form="npi", error=error, values=values)
    messages.success(request, f"NPI check: {credential.get_status_display().lower()}.")
    return redirect("identity:verification")


@login_required
@require_POST
@handles_errors
def npi_retry(request, credential_id: int):
    credential = credentials.npi_check_retry(actor=request.user, credential_id=credential_id)
    messages.success(request, f"NPI check: {credential.get_status_display().lower()}.")
    return redirect("identity:verification")


@login_required
@require_POST
@handles_errors
def credential_withdraw(request, credential_id: int):
    credentials.credential_withdraw(actor=request.user, credential_id=credential_id)
    messages.success(request, "The credential was withdrawn.")
    return redirect("identity:verification")


@login_required
@require_POST
@handles_errors
def document_upload(request):
    values = {k: request.POST.get(k, "") for k in DOCUMENT_FIELDS}
    try:
        credentials.document_submit(
            user=request.user,
            file=request.FILES.get("file"),
            credential_id=values["credential_id"] or None,
            profession=values["profession"],
            legal_first_name=values["legal_first_name"],
            legal_last_name=values["legal_last_name"],
            licence_state=values["licence_state"],
            licence_number=values["licence_number"],
        )
    except NotFound:
        raise
    except ApplicationError as error:
        return _verification_page(request, form="document", error=error, values=values)
    messages.success(request, "Your document was uploaded; a verifier will review it.")
    return redirect("identity:verification")


@login_required
@require_POST
def email_request(request):
    values = {"email": request.POST.get("email", "")}
    try:
        organisation = credentials.institutional_email_request(
            user=request.user, email=values["email"]
        )
    except ApplicationError as error:
        return _verification_page(request, form="email", error=error, values=values)
    messages.success(
        request, f"We sent a confirmation link to your {organisation.name} address (valid 3 days)."
    )
    return redirect("identity:verification")


@login_required
@require_GET
def email_confirm(request, token: str):
    try:
        credential = credentials.institutional_email_confirm(user=request.user, token=token)
    except ApplicationError as error:
        return render(
            request,
            "identity/credentials/email_confirm.html",
            {"title": "Institutional e-mail", "error": error},
            status=_status(error),
        )
    return render(
        request,
        "identity/credentials/email_confirm.html",
        {"title": "Institutional e-mail", "credential": credential},
    )


# --- Verifiers -------------------------------------------------------------------------------


@login_required
@require_GET
@handles_errors
def queue(request):
    items = list(credentials.verifier_queue(request.user)[:100])
    return render(
        request,
        "identity/credentials/queue.html",
        {"title": "Verifier queue", "items": items},
    )


@login_required
@require_http_methods(["GET", "POST"])
@handles_errors
def review(request, credential_id: int):
    error = None
    values = {
        k: request.POST.get(k, "")
        for k in ("decision", "reason", "profession", "specialty", "expires_at")
    }
    if request.method == "POST":
        try:
            credentials.credential_decide(
                actor=request.user,
                credential_id=credential_id,
                decision=values["decision"],
                reason=values["reason"],
                profession=values["profession"],
                specialty=values["specialty"],
                expires_at=values["expires_at"] or None,
            )
        except (NotFound, PermissionDenied):
            raise
        except ApplicationError as problem:
            error = problem
        else:
            messages.success(request, "Decision recorded.")
            return redirect("identity:queue")
    credential = credentials.access_credential_for_review(request.user, credential_id)
    context = {
        "title": "Review credential",
        "credential": credential,
        "error": error,
        "values": values,
        "professions": [(v, label) for v, label in Profession.choices if v],
        "specialties": list(Specialty.choices),
    }
    return render(
        request,
        "identity/credentials/review.html",
        context,
        status=_status(error) if error else 200,
    )


@login_required
@require_GET
@handles_errors
def document_download(request, document_id: int):
    document = credentials.access_document_for_download(request.user, document_id)
    try:
        handle = documents.path_for(document.storage_name).open("rb")
    except (OSError, ValueError):
        raise NotFound("This document's file is missing.") from None
    extension = documents.ALLOWED_TYPES.get(document.content_type, "")
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"credential-{document.credential_id}-document-{document.pk}{extension}",
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
