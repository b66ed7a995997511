"""The digest as JSON (``canishare digest --format json``): every figure and list, as built, and its
sections as the other renderings word them (``sections``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from bot.digest.figures import Digest
from bot.digest.sections import build_sections


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _section(s) -> dict:
    return {"key": s.key, "title": s.title, "lines": list(s.shown_lines)}


def digest_dict(d: Digest) -> dict:
    data = _plain(dataclasses.asdict(d))
    data["unhelpful"]["more"] = d.unhelpful.more
    for rating, listed in zip(data["unhelpful"]["listed"], d.unhelpful.listed):
        rating.update(ratings=listed.ratings, rate=round(listed.rate, 3))
    if d.volume is not None:
        data["volume"]["change_percent"] = d.volume.change_percent
    data["sections"] = [_section(s) for s in build_sections(d)]
    return data


def render_json(d: Digest) -> str:
    return json.dumps(digest_dict(d), indent=2, ensure_ascii=False)
