"""Signed, expiring tokens for links sent by e-mail (address confirmations).

One reader for every such link so that a bad, tampered or expired token always answers the
same typed errors: ``invalid_token`` and ``expired_token`` on the ``token`` field.
"""

from __future__ import annotations

from typing import Any

from django.core import signing

from primum.core.errors import ValidationError

MAX_TOKEN_CHARS = 600


def signed_link_token(data: dict[str, Any], *, salt: str) -> str:
    return signing.dumps(data, salt=salt)


def signed_link_load(
    token: object, *, salt: str, max_age: int, invalid_message: str
) -> dict[str, Any]:
    """The signed payload, or a typed ValidationError saying the link is invalid or expired."""
    invalid = ValidationError(invalid_message, code="invalid_token", field="token")
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
        raise invalid
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise ValidationError(
            "This confirmation link has expired. Ask for a new one.",
            code="expired_token",
            field="token",
        ) from None
    except signing.BadSignature:
        raise invalid from None
    if not isinstance(data, dict):
        raise invalid
    return data
