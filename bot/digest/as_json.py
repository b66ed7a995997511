"""The digest as JSON (``canishare digest --format json``): every figure and list, as built."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from bot.digest.figures import Digest


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def digest_dict(d: Digest) -> dict:
    return _plain(dataclasses.asdict(d))


def render_json(d: Digest) -> str:
    return json.dumps(digest_dict(d), indent=2, ensure_ascii=False)
