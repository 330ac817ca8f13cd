"""Credentials (what was verified, how, by whom, when, until when), organisations with their
e-mail domains, verification documents, peer vouches, and each account's derived trust status.

Private identifying data (NPI, legal name, licence number, institutional e-mail, documents)
lives only here and is read only through ``primum.identity.selectors`` functions that check
``policies.can_view_private_identity`` and write an audit-log entry for every view.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from primum.accounts.vocabulary import Profession, Specialty
from primum.core.models import BaseModel


class Organisation(BaseModel):
    class Kind(models.TextChoices):
        ASSOCIATION = "association", "Professional association"
        HOSPITAL = "hospital", "Hospital or health system"
        UNIVERSITY = "university", "University or medical school"
        EMPLOYER = "employer", "Other employer"

    name = models.CharField(max_length=160)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.HOSPITAL)
    website = models.URLField(blank=True)

    def __str__(self) -> str:
        return self.name


class OrganisationDomain(BaseModel):
    """An e-mail domain an organisation vouches for: confirming an address there proves the
    affiliation (not the profession)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(max_length=253, unique=True)  # lower-case, no leading '@'

    def __str__(self) -> str:
        return self.domain


class Credential(BaseModel):
    """One verification attempt and its outcome. Shown to the public only as plain text built
    from ``method``, ``status``, ``public_summary`` and dates — never identifiers."""

    class Method(models.TextChoices):
        NPI = "npi", "US NPI registry lookup"
        DOCUMENT = "document", "Licence or document review"
        INSTITUTIONAL_EMAIL = "institutional_email", "Institutional e-mail"
        PEER_VOUCH = "peer_vouch", "Peer vouching"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        REGISTRY_UNREACHABLE = "registry_unreachable", "Registry unreachable — pending"
        NEEDS_MORE = "needs_more", "More information requested"
        VERIFIED = "verified", "Verified"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"
        EXPIRED = "expired", "Expired"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="credentials"
    )
    method = models.CharField(max_length=24, choices=Method.choices)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.PENDING)
    claimed_profession = models.CharField(max_length=32, choices=Profession.choices, blank=True)
    claimed_specialty = models.CharField(max_length=40, choices=Specialty.choices, blank=True)
    # What was checked, in words anyone may read ("active individual NPI; name and state match").
    public_summary = models.CharField(max_length=300, blank=True)
    # Who checked: a person (verifier) or a system ("NPPES NPI Registry API").
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_by_system = models.CharField(max_length=80, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    reviewer_reason = models.CharField(max_length=500, blank=True)
    # --- private: verifiers and staff only, every view audited ---
    npi_number = models.CharField(max_length=10, blank=True)
    legal_first_name = models.CharField(max_length=80, blank=True)
    legal_last_name = models.CharField(max_length=80, blank=True)
    licence_state = models.CharField(max_length=2, blank=True)
    licence_number = models.CharField(max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="credentials"
    )
    institutional_email = models.EmailField(blank=True)
    registry_response = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user", "status"], name="identity_cred_user_status"),
            models.Index(fields=["method", "status", "id"], name="identity_cred_queue"),
        ]
        permissions = [
            ("review_credential", "Can review credentials in the verifier queue"),
            ("view_private_identity", "Can view NPI, legal names, e-mails and documents"),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} for user {self.user_id}: {self.status}"


class CredentialEvent(BaseModel):
    """The state history of a credential: every transition, by whom, and why."""

    credential = models.ForeignKey(Credential, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=24, blank=True)
    to_status = models.CharField(max_length=24)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.from_status or '∅'} → {self.to_status}"


class VerificationDocument(BaseModel):
    """An uploaded licence or ID document, stored privately outside the web root."""

    credential = models.ForeignKey(Credential, on_delete=models.CASCADE, related_name="documents")
    storage_name = models.CharField(max_length=80, unique=True)  # random; never the upload name
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(
        max_length=40
    )  # sniffed from the bytes, not trusted from the client
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"document {self.pk} ({self.content_type}, {self.size} bytes)"


class Vouch(BaseModel):
    class Relation(models.TextChoices):
        WORKED_TOGETHER = "worked_together", "Worked together"
        TRAINED_TOGETHER = "trained_together", "Trained together"
        MET_IN_PERSON = "met_in_person", "Met in person"

    voucher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vouches_given"
    )
    vouchee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vouches_received"
    )
    relation = models.CharField(max_length=20, choices=Relation.choices)
    note = models.CharField(max_length=200, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["voucher", "vouchee"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="identity_vouch_one_active",
            ),
            models.CheckConstraint(
                condition=~models.Q(voucher=models.F("vouchee")), name="identity_vouch_not_self"
            ),
        ]
        indexes = [models.Index(fields=["vouchee", "withdrawn_at"], name="identity_vouch_vouchee")]

    def __str__(self) -> str:
        return f"{self.voucher_id} vouches for {self.vouchee_id}"


class TrustLevel(models.IntegerChoices):
    UNVERIFIED = 0, "Unverified"
    EMAIL_CONFIRMED = 1, "E-mail confirmed"
    PEER_VOUCHED = 2, "Peer-vouched"
    CREDENTIAL_VERIFIED = 3, "Credential-verified"


class TrustStatus(models.Model):
    """Derived from credentials by ``primum.identity.trust.trust_recompute``; stored so that
    policies in other apps can filter on it inside SQL (``user__trust__level__gte=…``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="trust"
    )
    level = models.PositiveSmallIntegerField(
        choices=TrustLevel.choices, default=TrustLevel.UNVERIFIED, db_index=True
    )
    verified_profession = models.CharField(max_length=32, choices=Profession.choices, blank=True)
    is_verified_clinician = models.BooleanField(default=False, db_index=True)
    # Plain text for everyone, e.g. "Physician · NPI verified Nov 2026 · licence reviewed".
    summary = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.get_level_display()}"
