"""JSON API for posts, feeds, follows, search and notifications."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["social"])
