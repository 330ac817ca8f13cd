"""Cursor pagination over monotonically increasing ids (newest first).

A cursor is an opaque string; clients pass back ``next_cursor`` to get the next page.
Offsets are never used: they skip or repeat rows while new posts arrive, and get slower
the deeper one reads.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import QuerySet

from primum.core.errors import ValidationError

T = TypeVar("T")
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@dataclass
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"v1:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    if cursor in (None, ""):
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii")
        prefix, value = raw.split(":", 1)
        number = int(value)
        if prefix != "v1" or number < 0:
            raise ValueError(raw)
    except (ValueError, UnicodeError, TypeError) as exc:
        raise ValidationError(
            "The cursor is not valid.", code="invalid_cursor", field="cursor"
        ) from exc
    return number


def clamp_page_size(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_PAGE_SIZE
    if limit < 1 or limit > MAX_PAGE_SIZE:
        raise ValidationError(
            f"limit must be between 1 and {MAX_PAGE_SIZE}.", code="invalid_limit", field="limit"
        )
    return limit


def paginate_by_id(
    queryset: QuerySet, *, cursor: str | None, limit: int | None, field: str = "id"
) -> Page:
    """Newest-first page of ``queryset`` keyed on ``field`` (an increasing integer)."""
    size = clamp_page_size(limit)
    after = decode_cursor(cursor)
    if after is not None:
        queryset = queryset.filter(**{f"{field}__lt": after})
    rows = list(queryset.order_by(f"-{field}")[: size + 1])
    has_more = len(rows) > size
    rows = rows[:size]
    next_cursor = encode_cursor(getattr(rows[-1], field)) if has_more and rows else None
    return Page(items=rows, next_cursor=next_cursor)
