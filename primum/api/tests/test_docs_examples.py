"""docs/api.md cannot drift from the API.

* The endpoint reference lists exactly the operations of ``/api/openapi.json``, each with the
  authentication the endpoint really has.
* Every worked example (a ```bash block with a curl call followed by a ```http block with the
  answer) calls an operation that exists, answers a status that operation can give, and shows
  a body whose top-level keys are those of the documented response (or the error shape).
* The error-code table lists every code the API code raises, and nothing else.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from django.test import Client

from primum.api.api import api
from primum.api.auth import Anonymous, BearerToken, SessionAuth

ROOT = Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "api.md"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

ROW_RE = re.compile(
    r"^\|\s*`(GET|POST|PUT|PATCH|DELETE)`\s*\|\s*`(/api/v1/[^`]*)`\s*\|\s*(\w+)\s*\|", re.M
)
CODE_ROW_RE = re.compile(r"^\|\s*`([a-z_]+)`\s*\|\s*(\d{3})", re.M)
FENCE_RE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)

# Files whose errors reach API clients, and how they spell a code.
# Every module that can raise a typed error reachable through the API (tests excluded).
CODE_SOURCES = sorted(
    str(path.relative_to(ROOT))
    for path in (ROOT / "primum").rglob("*.py")
    if "tests" not in path.parts and "migrations" not in path.parts
)
CODE_PATTERNS = [
    re.compile(r"\bcode\s*=\s*\"([a-z_]+)\""),  # raise X(..., code="...") and class attributes
    re.compile(r"TextProblem\(\s*\"([a-z_]+)\""),  # the Unicode policy
    re.compile(r"_error\(\s*request,\s*\d{3},\s*\"([a-z_]+)\"", re.S),  # api.py handlers
    re.compile(r"^\s*\d{3}: \"([a-z_]+)\",", re.M),  # api.py status → code map
]


@cache
def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


@cache
def openapi() -> dict:
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def openapi_operations() -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, operations in openapi()["paths"].items()
        for method in operations
        if method.upper() in METHODS
    }


def reference_rows() -> list[tuple[str, str, str]]:
    return ROW_RE.findall(doc_text())


def documented_codes() -> dict[str, str]:
    return dict(CODE_ROW_RE.findall(doc_text()))


def auth_kind(callbacks: list) -> str:
    """The word the reference uses for an endpoint's authentication."""
    if not callbacks:
        return "none"
    if any(isinstance(cb, Anonymous) for cb in callbacks):
        return "public"
    bearers = [cb for cb in callbacks if isinstance(cb, BearerToken)]
    sessions = [cb for cb in callbacks if isinstance(cb, SessionAuth)]
    if not bearers and sessions:
        return "session"
    if bearers and all(cb.need_write for cb in bearers):
        return "write"
    return "read"


def real_auth() -> dict[tuple[str, str], str]:
    kinds: dict[tuple[str, str], str] = {}
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                callbacks = operation.auth_callbacks
                for method in operation.methods:
                    full = "/api" + (prefix.rstrip("/") + "/" + path.lstrip("/")).rstrip("/")
                    kinds[(method.upper(), full)] = auth_kind(callbacks)
    return kinds


def test_the_doc_names_the_entry_points():
    text = doc_text()
    for needle in ("/api/v1/", "/api/openapi.json", "/api/docs", "X-CSRFToken", "Retry-After"):
        assert needle in text
    assert Client().get("/api/docs").status_code == 200


def test_reference_lists_exactly_the_openapi_operations():
    rows = reference_rows()
    documented = [(method, path) for method, path, _auth in rows]
    assert len(documented) == len(set(documented)), "an endpoint is listed twice in docs/api.md"
    real = openapi_operations()
    missing = sorted(real - set(documented))
    invented = sorted(set(documented) - real)
    assert not missing, f"endpoints not in docs/api.md's reference: {missing}"
    assert not invented, f"docs/api.md lists endpoints that do not exist: {invented}"


def test_reference_auth_column_matches_the_endpoints():
    kinds = real_auth()
    assert set(kinds) == openapi_operations()
    wrong = [
        (method, path, written, kinds[(method, path)])
        for method, path, written in reference_rows()
        if kinds.get((method, path)) != written
    ]
    assert not wrong, f"(method, path, doc says, really): {wrong}"


def test_error_table_lists_every_code_and_only_real_ones():
    raised: set[str] = set()
    for relative in CODE_SOURCES:
        source = (ROOT / relative).read_text(encoding="utf-8")
        for pattern in CODE_PATTERNS:
            raised.update(pattern.findall(source))
    assert {"invalid", "too_long", "csrf_failed", "rate_limited"} <= raised  # patterns work
    documented = set(documented_codes())
    assert not raised - documented, f"codes missing from docs/api.md: {sorted(raised - documented)}"
    assert not documented - raised, f"codes in docs/api.md nobody raises: {documented - raised}"


# --- Worked examples -----------------------------------------------------------------------


def examples() -> list[tuple[str, str]]:
    """(curl command, recorded answer) pairs: a ```bash block followed by a ```http block."""
    pairs = []
    last_bash = None
    for lang, body in FENCE_RE.findall(doc_text()):
        if lang == "bash":
            last_bash = body if "curl " in body else None
        elif lang == "http":
            assert last_bash is not None, f"an http block without a curl before it:\n{body}"
            pairs.append((last_bash, body))
            last_bash = None
    return pairs


def parse_curl(command: str) -> tuple[str, str]:
    """Method and path of the last curl call in a block."""
    call = command[command.rindex("curl ") :]
    method = re.search(r"-X\s+(GET|POST|PUT|PATCH|DELETE)\b", call)
    url = re.search(r"(/api/v1/[^\s\"'?]*)", call)
    assert url, f"no /api/v1/ URL in {call!r}"
    return (method.group(1) if method else "GET"), url.group(1)


def match_operation(method: str, path: str) -> tuple[str, dict]:
    for template, operations in openapi()["paths"].items():
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path) and method.lower() in operations:
            return template, operations[method.lower()]
    raise AssertionError(f"{method} {path} (a docs/api.md example) is not an API operation")


def resolve(schema: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = openapi()["components"]["schemas"][name]
    return schema


def top_level_keys(body: str) -> list[str]:
    """Keys of the outer JSON object, read from the indentation (works on trimmed bodies)."""
    return re.findall(r'^  "([A-Za-z_]+)":', body, re.M)


def test_the_doc_has_the_examples_the_guide_promises():
    calls = {parse_curl(command) for command, _answer in examples()}
    for expected in [
        ("POST", "/api/v1/tokens"),
        ("POST", "/api/v1/posts"),
        ("GET", "/api/v1/timelines/home"),
        ("GET", "/api/v1/search/posts"),
        ("GET", "/api/v1/notifications"),
        ("POST", "/api/v1/notifications/read"),
        ("POST", "/api/v1/users/chen/block"),
        ("GET", "/api/v1/me/export"),
    ]:
        assert expected in calls, expected
    codes = set()
    for _command, answer in examples():
        body = answer.partition("\n\n")[2]
        if body.startswith("{") and '"code"' in body:
            codes.add(json.loads(body)["code"])
    assert {"too_long", "post_not_found", "insufficient_scope", "rate_limited"} <= codes


@pytest.mark.parametrize("index", range(len(examples())))
def test_example_matches_the_api(index):
    command, answer = examples()[index]
    method, path = parse_curl(command)
    _template, operation = match_operation(method, path)
    head, _, body = answer.partition("\n\n")
    status_line = head.splitlines()[0]
    status = re.match(r"HTTP/1\.1 (\d{3}) ", status_line)
    assert status, status_line
    status_code = status.group(1)

    if int(status_code) >= 400:
        error = json.loads(body)  # error answers are never trimmed
        assert set(error) == {"code", "message", "detail"}
        assert error["code"] in documented_codes(), error["code"]
        assert documented_codes()[error["code"]] == status_code or error["code"] == "invalid_token"
        if status_code == "429":
            assert f"Retry-After: {error['detail']['retry_after']}" in head
        return

    assert status_code in operation["responses"], (method, path, status_code)
    if status_code == "204" or not body.startswith("{"):
        assert not body or body.startswith("[")
        return
    content = operation["responses"][status_code].get("content", {})
    schema = resolve(content.get("application/json", {}).get("schema", {}))
    properties = set(schema.get("properties", {}))
    if not properties:  # e.g. the export has no declared schema
        assert "\u2026" in body or json.loads(body)
        return
    keys = set(top_level_keys(body))
    if "\u2026" in body:
        assert keys and keys <= properties, (method, path, keys - properties)
    else:
        assert set(json.loads(body)) == properties, (method, path)
