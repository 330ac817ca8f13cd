"""Test helpers: API clients that authenticate like real ones (a Bearer token or a session)."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from primum.accounts.services import access_token_create

API = "/api/v1"


class ApiClient(Client):
    """A Django test client that sends and reads JSON and prefixes /api/v1."""

    def call(self, method: str, path: str, data: Any = None, **extra: Any):
        body = (
            None if data is None else (data if isinstance(data, str | bytes) else json.dumps(data))
        )
        handler = getattr(self, method.lower())
        if method.upper() == "GET":
            return handler(API + path, data=data or {}, **extra)
        return handler(API + path, data=body, content_type="application/json", **extra)

    def get_json(self, path: str, params: dict | None = None, **extra: Any):
        return self.call("GET", path, params, **extra)

    def post_json(self, path: str, data: Any = None, **extra: Any):
        return self.call("POST", path, data, **extra)

    def patch_json(self, path: str, data: Any = None, **extra: Any):
        return self.call("PATCH", path, data, **extra)

    def put_json(self, path: str, data: Any = None, **extra: Any):
        return self.call("PUT", path, data, **extra)

    def delete_json(self, path: str, **extra: Any):
        return self.call("DELETE", path, None, **extra)


def token_client(user, *, scope: str = "write") -> ApiClient:
    """A client that sends ``Authorization: Bearer <raw token>`` for ``user``."""
    _token, raw = access_token_create(user=user, name=f"test {scope}", scope=scope)
    return ApiClient(HTTP_AUTHORIZATION=f"Bearer {raw}")


def anonymous_client() -> ApiClient:
    return ApiClient()
