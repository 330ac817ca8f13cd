"""JSON API for accounts: sign-up, session, profile, blocks, mutes, tokens, security."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["accounts"])
