"""Test helpers for accounts: current TOTP codes and API calls with a JSON body."""

from __future__ import annotations

import json

from django_otp.oath import TOTP


def totp_code(device, *, offset_steps: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset_steps * device.step
    return str(totp.token()).zfill(device.digits)


def api(client, method: str, path: str, data=None, **extra):
    kwargs = {}
    if data is not None:
        kwargs = {
            "data": data if isinstance(data, str | bytes) else json.dumps(data),
            "content_type": "application/json",
        }
    return getattr(client, method)(f"/api/v1{path}", **kwargs, **extra)
