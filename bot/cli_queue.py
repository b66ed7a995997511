"""``canishare queue``: open and claimed escalations, oldest first, as text or one JSON object a line.
The text shows each question on one line, so what an asker typed cannot add lines that look like
queue items, with the count of their follow-ups and their nation as advisors see it."""

from __future__ import annotations

import json
import re

from bot.failures import EXIT_OK

LINE_BREAK = " ⏎ "
QUESTION_SHOWN = 200
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Other control characters (a terminal's escape sequences) and those that reverse the text's direction.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` on one line: line breaks as ' ⏎ ', a tab as a space, other control characters as \\uXXXX."""
    flat = _LINE_BREAKS.sub(LINE_BREAK, text).replace("\t", " ")
    return _CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", flat)


def print_queue(service, as_json: bool) -> int:
    queue = service.queue()
    if not queue and not as_json:
        print("The advisor queue is empty.")
    for escalation in queue:
        reader = service.escalation_reader(escalation)
        print(json.dumps(as_row(escalation, reader)) if as_json else as_text(escalation, reader))
    return EXIT_OK


def as_row(escalation, reader) -> dict:
    return {"id": escalation.id, "state": escalation.state, "urgent": escalation.urgent,
            "created_at": escalation.created_at, "claimed_by": escalation.claimed_by,
            "question": escalation.question.text if escalation.question else None,
            "claimed_at": escalation.claimed_at, "follow_ups": len(escalation.follow_ups),
            "nation": reader.nation, "nation_described": reader.described()}


def as_text(escalation, reader) -> str:
    who = f" by {escalation.claimed_by}" if escalation.claimed_by else ""
    urgent = " URGENT" if escalation.urgent else ""
    question = one_line(escalation.question.text) if escalation.question else "(question purged)"
    shown = question if len(question) <= QUESTION_SHOWN else question[:QUESTION_SHOWN] + " …"
    count = len(escalation.follow_ups)
    follow_ups = f"{count} follow-up{'' if count == 1 else 's'} from the asker" if count else "no follow-ups"
    return (f"#{escalation.id} {escalation.created_at} {escalation.state}{who}{urgent}\n    {shown}\n"
            f"    {follow_ups} · asker's nation: {one_line(reader.described())}")
