"""CSV exports for case records, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from typing import IO, Iterable, Sequence

ADVICE_RECORD_COLUMNS = ("question_id", "asked_at", "question", "decision", "faq_id", "score", "asker",
                         "escalation_state", "advisor_answer", "advisor", "answered_at", "linked_faq_id")

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"); a leading apostrophe makes the spreadsheet show it as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(value: object) -> object:
    """``value`` unchanged unless it is text a spreadsheet would run as a formula. Numbers stay numbers."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict], columns: Sequence[str], out: IO[str]) -> int:
    """Write ``rows`` (only ``columns``, in order) with a header; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: spreadsheet_safe(row.get(key)) for key in columns})
        count += 1
    return count
