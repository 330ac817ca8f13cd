"""Accounts, professional profiles, conflict-of-interest disclosures, blocks, mutes, tokens.

Professional identity lives on ``Profile`` (one per user). Blocks and mutes live here too:
they are relationships between accounts that every read in every app must honour.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from primum.accounts.vocabulary import COIRelationship, Profession, Specialty
from primum.core.models import BaseModel

HANDLE_VALIDATOR = RegexValidator(
    r"^[A-Za-z0-9_]{3,30}$",
    "A handle has 3 to 30 letters (a–z), digits or underscores.",
    code="invalid_handle",
)


class PrimumUserManager(UserManager["User"]):
    def get_by_natural_key(self, username: str | None) -> User:
        # Log in with the handle in any case, or with the e-mail address.
        value = username or ""
        field = "email__iexact" if "@" in value else "username__iexact"
        return self.get(**{field: value})


class User(AbstractUser):
    """An account. ``username`` is the public @handle."""

    username = models.CharField("handle", max_length=30, unique=True, validators=[HANDLE_VALIDATOR])
    email = models.EmailField("e-mail address", max_length=254, unique=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # SHA-256 of a deleted account's lower-cased handle: the handle stays reserved so
    # nobody can sign up as a deleted clinician; the handle itself is not kept.
    retired_handle_digest = models.CharField(max_length=64, blank=True, default="", db_index=True)

    objects = PrimumUserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("username"), name="accounts_user_handle_ci_unique"),
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    @property
    def handle(self) -> str:
        return self.username

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    def __str__(self) -> str:
        return f"@{self.username}"


# The profile's editable text and choice fields, in form order: one list for the settings
# form, the admin inline, the API and the data export.
PROFILE_TEXT_FIELDS = (
    "display_name",
    "profession",
    "specialty",
    "credentials",
    "affiliation",
    "bio",
    "disclaimer",
)


class Profile(models.Model):
    """Professional identity shown on the profile page and beside every post."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    display_name = models.CharField(max_length=60, blank=True)
    profession = models.CharField(max_length=32, choices=Profession.choices, blank=True, default="")
    specialty = models.CharField(max_length=40, choices=Specialty.choices, blank=True, default="")
    credentials = models.CharField(max_length=60, blank=True, help_text="e.g. MD, FACP")
    affiliation = models.CharField(max_length=120, blank=True)
    bio = models.TextField(max_length=1000, blank=True)
    disclaimer = models.CharField(max_length=160, blank=True, default="Views are my own.")
    # Posting under a pseudonym: the public sees the display name and the verified profession
    # ("Verified physician"), never the affiliation or anything identifying.
    is_pseudonymous = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.display_name or self.user.username

    @property
    def name(self) -> str:
        return self.display_name or self.user.username


class ProfileLink(BaseModel):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=40)
    url = models.URLField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]


class COIDisclosure(BaseModel):
    """One structured conflict-of-interest disclosure (ICMJE-style)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="coi_disclosures")
    entity = models.CharField(max_length=120)
    relationship = models.CharField(max_length=20, choices=COIRelationship.choices)
    description = models.CharField(max_length=300, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="accounts_coi_end_after_start",
            )
        ]

    @property
    def is_current(self) -> bool:
        return self.end_date is None or self.end_date >= timezone.localdate()


class Block(BaseModel):
    """``blocker`` blocked ``blocked``: neither sees the other; no replies, quotes, follows."""

    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_received")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="accounts_block_unique"),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="accounts_block_not_self"
            ),
        ]
        indexes = [models.Index(fields=["blocked", "blocker"])]


class Mute(BaseModel):
    """``muter`` muted ``muted``: their posts and notifications are hidden from the muter only."""

    muter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mutes_made")
    muted = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mutes_received")
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["muter", "muted"], name="accounts_mute_unique"),
            models.CheckConstraint(
                condition=~models.Q(muter=models.F("muted")), name="accounts_mute_not_self"
            ),
        ]


class AccessToken(BaseModel):
    """A personal access token for the API. Only a hash is stored; the token is shown once."""

    class Scope(models.TextChoices):
        READ = "read", "Read"
        WRITE = "write", "Read and write"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=60)
    prefix = models.CharField(max_length=12, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE


class UserSession(BaseModel):
    """A logged-in browser session, listed on the security page and revocable."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="tracked_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    user_agent = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_seen_at"]
