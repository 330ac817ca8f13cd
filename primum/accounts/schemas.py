"""Request and response shapes of the accounts API (django-ninja schemas).

Text fields are typed ``str`` only: the services apply the Unicode policy and limits, so
the API and the pages refuse the same input with the same typed error."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class SignupIn(Schema):
    handle: str
    email: str
    password: str
    display_name: str = ""
    profession: str = ""


class LoginIn(Schema):
    identifier: str
    password: str
    otp_code: str | None = None


class TokenIn(Schema):
    token: str


class EmailIn(Schema):
    email: str


class PasswordChangeIn(Schema):
    old_password: str
    new_password: str


class PasswordIn(Schema):
    password: str


class CodeIn(Schema):
    code: str


class DisableTwoFactorIn(Schema):
    password: str
    code: str


class LinkSchema(Schema):
    label: str
    url: str


class ProfilePatchIn(Schema):
    display_name: str | None = None
    profession: str | None = None
    specialty: str | None = None
    credentials: str | None = None
    affiliation: str | None = None
    bio: str | None = None
    disclaimer: str | None = None
    links: list[LinkSchema] | None = None


class MeOut(Schema):
    id: int
    handle: str
    email: str
    email_confirmed: bool
    display_name: str
    profession: str
    specialty: str
    credentials: str
    affiliation: str
    bio: str
    disclaimer: str
    links: list[LinkSchema]
    two_factor_enabled: bool
    is_staff: bool


class DisclosureIn(Schema):
    entity: str
    relationship: str
    start_date: str
    description: str = ""
    end_date: str | None = None


class DisclosurePatchIn(Schema):
    entity: str | None = None
    relationship: str | None = None
    start_date: str | None = None
    description: str | None = None
    end_date: str | None = None


class DisclosureOut(Schema):
    id: int
    entity: str
    relationship: str
    description: str
    start_date: str
    end_date: str | None
    is_current: bool


class SessionOut(Schema):
    id: int
    user_agent: str
    ip_address: str | None
    last_seen_at: datetime
    created_at: datetime
    current: bool


class TokenCreateIn(Schema):
    name: str
    scope: str = "read"


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    scope: str
    created_at: datetime
    last_used_at: datetime | None


class TokenCreatedOut(TokenOut):
    token: str


class TwoFactorStatusOut(Schema):
    enabled: bool
    verified_this_session: bool
    recovery_codes_left: int


class TwoFactorSetupOut(Schema):
    secret: str
    config_url: str
    qr_svg: str


class RecoveryCodesOut(Schema):
    recovery_codes: list[str]


class MuteIn(Schema):
    duration: str = "forever"


class AccountRefOut(Schema):
    handle: str
    display_name: str
    since: datetime


class MuteRefOut(AccountRefOut):
    expires_at: datetime | None


class BlockPageOut(Schema):
    items: list[AccountRefOut]
    next_cursor: str | None


class MutePageOut(Schema):
    items: list[MuteRefOut]
    next_cursor: str | None


class OkOut(Schema):
    ok: bool = True
    detail: str = ""
