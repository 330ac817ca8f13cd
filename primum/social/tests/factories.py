"""Helpers to build social data through the real services."""

from __future__ import annotations

from primum.social import services


def make_post(author, body="A post about #meded", **kwargs):
    return services.post_create(author=author, body=body, **kwargs)


def follow(a, b):
    return services.follow_create(actor=a, handle=b.username)
