"""CSV exports for case records, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from typing import IO, Iterable, Sequence

from bot.decisions import RECORDED_FIELDS

ADVICE_RECORD_COLUMNS = ("question_id", "asked_at", "question", "decision", "faq_id", "score", "asker",
                         "escalation_state", "advisor_answer", "advisor", "answered_at", "linked_faq_id")
# ``canishare export --decisions``: practitioners' decision records (every free-text field redacted)
DECISION_RECORD_COLUMNS = ("record_id", "recorded_at", "user", *RECORDED_FIELDS, "faq_id", "faq_question",
                           "faq_last_reviewed", "escalation_id", "question_id", "nation", "redacted_kinds")

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"); a leading apostrophe makes the spreadsheet show it as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(value: object) -> object:
    """``value`` unchanged unless it is text a spreadsheet would run as a formula. Numbers stay numbers."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def decision_record_rows(records: Iterable) -> list[dict]:
    """Decision records (``bot.records.DecisionRecord``) as rows of ``DECISION_RECORD_COLUMNS``."""
    return [{
        "record_id": r.id, "recorded_at": r.created_at, "user": r.user,
        **{field: "" if getattr(r, field) is None else str(getattr(r, field)) for field in RECORDED_FIELDS},
        "faq_id": r.faq_id, "faq_question": r.faq_question,
        "faq_last_reviewed": r.faq_last_reviewed, "escalation_id": r.escalation_id, "question_id": r.question_id,
        "nation": r.nation, "redacted_kinds": "; ".join(r.redacted_kinds),
    } for r in records]


def write_csv(rows: Iterable[dict], columns: Sequence[str], out: IO[str]) -> int:
    """Write ``rows`` (only ``columns``, in order) with a header; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: spreadsheet_safe(row.get(key)) for key in columns})
        count += 1
    return count
