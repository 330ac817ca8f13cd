"""Document uploads: the type is sniffed from the bytes, the size is limited, files are stored
privately under a random name, and bad uploads store nothing (service, page and API)."""

from __future__ import annotations

import os
import stat

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import token_client
from primum.core.errors import ApplicationError, NotFound, ValidationError
from primum.identity import credentials, documents
from primum.identity.credentials import InvalidTransition
from primum.identity.models import Credential, VerificationDocument

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
HTML_AS_PDF = b"<html><body><script>alert(1)</script>%PDF-1.7</body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
GIF = b"GIF89a\x01\x00\x01\x00" + b"\x00" * 32
CLAIM = {
    "profession": "physician",
    "legal_first_name": "Ana",
    "legal_last_name": "Nunez",
    "licence_state": "MA",
    "licence_number": "262741",
}


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    settings.PRIMUM_PRIVATE_FILES_DIR = tmp_path / "private"
    return tmp_path / "private" / "documents"


def upload(content: bytes, name="licence.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files(private_dir):
    return sorted(p.name for p in private_dir.iterdir()) if private_dir.exists() else []


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (WEBP, "image/webp"),
        (PDF, "application/pdf"),
        (EXE, None),
        (ELF, None),
        (HTML_AS_PDF, None),
        (b"  %PDF-1.7", None),
        (SVG, None),
        (GIF, None),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", None),
        (b"", None),
    ],
)
def test_sniffing(head, expected):
    assert documents.sniff_content_type(head[:16]) == expected


@pytest.mark.parametrize(
    ("content", "name", "ctype"),
    [
        (PNG, "scan.png", "image/png"),
        (JPEG, "a.jpeg", "image/jpeg"),
        (WEBP, "x", ""),
        (PDF, "l.pdf", "application/pdf"),
    ],
)
def test_upload_is_stored_privately_under_a_random_name(private_dir, content, name, ctype):
    user = UserFactory()
    credential = credentials.document_submit(user=user, file=upload(content, name, ctype), **CLAIM)
    assert (credential.method, credential.status) == ("document", "pending")
    assert (credential.legal_last_name, credential.licence_number) == ("Nunez", "262741")
    document = VerificationDocument.objects.get(credential=credential)
    assert document.content_type == documents.sniff_content_type(content[:16])
    assert document.size == len(content)
    assert document.original_name == name
    assert name not in document.storage_name
    path = private_dir / document.storage_name
    assert path.read_bytes() == content
    mode = stat.S_IMODE(os.stat(path).st_mode)
    assert mode == 0o600  # never executable, readable by the app only


@pytest.mark.parametrize(
    "content",
    [EXE, ELF, HTML_AS_PDF, SVG, GIF, b"just text"],
    ids=["renamed-exe", "elf", "html-pretending-pdf", "svg", "gif", "text"],
)
def test_wrong_types_are_refused_and_nothing_is_stored(private_dir, content):
    user = UserFactory()
    with pytest.raises(ValidationError) as info:
        credentials.document_submit(user=user, file=upload(content), **CLAIM)
    assert (info.value.code, info.value.detail["field"]) == ("unsupported_file_type", "file")
    assert stored_files(private_dir) == []
    assert not Credential.objects.exists()


def test_oversized_upload_is_refused(private_dir, settings):
    settings.PRIMUM_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ApplicationError) as info:
        credentials.document_submit(user=UserFactory(), file=upload(PDF + b"x" * 1000), **CLAIM)
    assert (info.value.code, info.value.status) == ("file_too_large", 413)
    assert stored_files(private_dir) == []
    assert not Credential.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"profession": ""}, "profession", "invalid_choice"),
        ({"profession": "wizard"}, "profession", "invalid_choice"),
        ({"legal_first_name": ""}, "legal_first_name", "empty"),
        ({"legal_last_name": "N" * 81}, "legal_last_name", "too_long"),
        ({"legal_last_name": "Nu\u202enez"}, "legal_last_name", "bidi_control"),
        ({"licence_state": "ZZ"}, "state", "invalid_state"),
        ({"licence_number": "1\u200b2"}, "licence_number", "invisible_character"),
    ],
)
def test_bad_claims_store_nothing(private_dir, changes, field, code):
    with pytest.raises(ValidationError) as info:
        credentials.document_submit(user=UserFactory(), file=upload(PDF), **{**CLAIM, **changes})
    assert (info.value.code, info.value.detail["field"]) == (code, field)
    assert stored_files(private_dir) == []
    assert not Credential.objects.exists()


def test_no_file_and_empty_file(private_dir):
    user = UserFactory()
    with pytest.raises(ValidationError) as info:
        credentials.document_submit(user=user, file=None, **CLAIM)
    assert info.value.code == "required"
    with pytest.raises(ValidationError) as info:
        credentials.document_submit(user=user, file=upload(b""), **CLAIM)
    assert info.value.code == "empty_file"


def test_more_documents_move_needs_more_back_to_pending(private_dir):
    user, other = UserFactory(), UserFactory()
    credential = credentials.document_submit(user=user, file=upload(PDF), **CLAIM)
    with pytest.raises(ApplicationError) as info:
        credentials.document_submit(user=user, file=upload(PDF), **CLAIM)
    assert info.value.code == "credential_exists"
    credentials.credential_transition(
        credential=credential, to_status="needs_more", note="Back side please"
    )
    credentials.document_submit(user=user, file=upload(PNG), credential_id=credential.pk)
    credential.refresh_from_db()
    assert credential.status == "pending"
    assert credential.documents.count() == 2
    assert [e.to_status for e in credential.events.all()] == ["pending", "needs_more", "pending"]
    # someone else's credential id is not found; a finished review takes no documents
    with pytest.raises(NotFound):
        credentials.document_submit(user=other, file=upload(PDF), credential_id=credential.pk)
    credentials.credential_transition(credential=credential, to_status="rejected", note="No")
    with pytest.raises(InvalidTransition):
        credentials.document_submit(user=user, file=upload(PDF), credential_id=credential.pk)
    assert len(stored_files(private_dir)) == 2


def test_api_upload(private_dir, settings):
    client = token_client(UserFactory())
    response = client.post("/api/v1/verification/documents", {"file": upload(PDF), **CLAIM})
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["document_count"]) == ("pending", 1)
    response = client.post(
        "/api/v1/verification/documents",
        {"file": upload(EXE, "licence.pdf"), **CLAIM, "credential_id": response.json()["id"]},
    )
    assert (response.status_code, response.json()["code"]) == (422, "unsupported_file_type")
    response = client.post("/api/v1/verification/documents", {**CLAIM})
    assert (response.status_code, response.json()["code"]) == (409, "credential_exists")
    settings.PRIMUM_MAX_UPLOAD_BYTES = 500
    response = client.post(
        "/api/v1/verification/documents", {"file": upload(PDF + b"x" * 600), **CLAIM}
    )
    assert (response.status_code, response.json()["code"]) == (413, "payload_too_large")
    assert len(stored_files(private_dir)) == 1


def test_page_upload(private_dir, client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/identity/documents/upload/", {"file": upload(HTML_AS_PDF), **CLAIM})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Upload a PNG, JPEG or WebP image or a PDF." in page and 'id="document-error"' in page
    assert "<script>alert(1)</script>" not in page
    response = client.post(
        "/identity/documents/upload/", {"file": upload(PNG, "scan.png"), **CLAIM}
    )
    assert response.status_code == 302
    assert Credential.objects.get(user=user).documents.count() == 1
    response = client.get("/identity/verification/")
    assert "1 document" in response.content.decode()
