"""The OpenAPI description loads and documents the API; the interactive docs render."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

SOCIAL_OPERATIONS = [
    ("post", "/api/v1/posts"),
    ("get", "/api/v1/posts/{post_id}"),
    ("patch", "/api/v1/posts/{post_id}"),
    ("delete", "/api/v1/posts/{post_id}"),
    ("get", "/api/v1/posts/{post_id}/history"),
    ("put", "/api/v1/posts/{post_id}/controls"),
    ("post", "/api/v1/posts/{post_id}/detach-quote"),
    ("get", "/api/v1/posts/{post_id}/thread"),
    ("post", "/api/v1/posts/{post_id}/like"),
    ("delete", "/api/v1/posts/{post_id}/like"),
    ("post", "/api/v1/posts/{post_id}/repost"),
    ("delete", "/api/v1/posts/{post_id}/repost"),
    ("post", "/api/v1/posts/{post_id}/bookmark"),
    ("delete", "/api/v1/posts/{post_id}/bookmark"),
    ("get", "/api/v1/timelines/home"),
    ("get", "/api/v1/timelines/explore"),
    ("get", "/api/v1/users/{handle}/posts"),
    ("get", "/api/v1/tags/{tag}/posts"),
    ("get", "/api/v1/me/bookmarks"),
    ("get", "/api/v1/search/posts"),
    ("get", "/api/v1/search/people"),
    ("get", "/api/v1/users/{handle}"),
    ("get", "/api/v1/users/{handle}/followers"),
    ("get", "/api/v1/users/{handle}/following"),
    ("post", "/api/v1/users/{handle}/follow"),
    ("delete", "/api/v1/users/{handle}/follow"),
    ("get", "/api/v1/notifications"),
    ("get", "/api/v1/notifications/unread-count"),
    ("post", "/api/v1/notifications/read"),
]


@pytest.fixture(scope="module")
def spec(django_db_blocker):
    with django_db_blocker.unblock():
        response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_openapi_describes_the_api(spec):
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "Primum API"
    for method, path in SOCIAL_OPERATIONS:
        assert method in spec["paths"].get(path, {}), f"{method.upper()} {path} is not documented"


def test_openapi_has_typed_post_schemas(spec):
    schemas = spec["components"]["schemas"]
    post = schemas["PostOut"]["properties"]
    for name in ("id", "url", "author", "body", "html", "quote", "viewer", "like_count"):
        assert name in post
    create = spec["paths"]["/api/v1/posts"]["post"]
    assert "201" in create["responses"]
    assert create["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/PostIn"
    )
    assert "body" in schemas["PostIn"]["required"]


def test_openapi_declares_token_and_session_auth(spec):
    security = spec["components"]["securitySchemes"]
    kinds = {
        (scheme["type"], scheme.get("scheme") or scheme.get("in")) for scheme in security.values()
    }
    assert ("http", "bearer") in kinds
    assert ("apiKey", "cookie") in kinds


def test_docs_page_renders():
    response = Client().get("/api/docs")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<html" in content.lower()
    assert "/api/openapi.json" in content
