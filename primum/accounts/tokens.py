"""Personal access tokens: generation and hashing. Only SHA-256 hashes are stored."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "pri_"  # noqa: S105 - a public prefix that marks Primum tokens, not a secret


def generate_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
