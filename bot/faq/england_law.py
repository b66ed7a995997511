"""Law and guidance that holds in England only, or in England and Wales only, and the check that a
four-nation entry citing one says what applies in the other nations (``nation_notes``).

The one list of such instruments: add to it when an entry starts citing another. Each is found by a
pattern in an entry's answer, legal basis or source titles."""

from __future__ import annotations

import re
from typing import Iterable

from bot.faq.model import NATIONS

ENGLAND = ("england",)
ENGLAND_AND_WALES = ("england", "wales")

# (what lint calls it, the pattern that finds it, the nations where it holds)
INSTRUMENTS: tuple[tuple[str, re.Pattern, tuple[str, ...]], ...] = tuple(
    (name, re.compile(pattern), nations) for name, pattern, nations in (
        ("Children Act 2004", r"Children Act 2004", ENGLAND),
        ("Children Act 1989 s47", r"Children Act 1989,? s ?47\b", ENGLAND_AND_WALES),
        ("Crime and Disorder Act 1998", r"Crime and Disorder Act", ENGLAND_AND_WALES),
        ("Care Act 2014", r"Care Act 2014", ENGLAND),
        ("Working Together to Safeguard Children", r"Working Together", ENGLAND),
        ("Keeping Children Safe in Education", r"\bKCSIE\b|Keeping Children Safe in Education", ENGLAND),
        ("Department for Education guidance", r"\bDfE\b|Department for Education", ENGLAND),
        ("Education Act 2002 s175", r"Education Act 2002,? s ?175\b", ENGLAND_AND_WALES),
        ("NHS England guidance", r"NHS England", ENGLAND),
        ("Mental Capacity Act 2005", r"Mental Capacity Act 2005", ENGLAND_AND_WALES),
        # s251 (and the Confidentiality Advisory Group's support under it) covers England and Wales
        ("NHS Act 2006 s251", r"(?:NHS|National Health Service) Act 2006|\bs ?251\b(?![A-C])", ENGLAND_AND_WALES),
        ("Health and Social Care Act 2012", r"Health and Social Care Act 2012", ENGLAND),
    )
)


def instruments_cited(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, nations where it holds) of each listed instrument ``text`` cites."""
    return [(name, nations) for name, pattern, nations in INSTRUMENTS if pattern.search(text)]


def uncovered_nations(texts: Iterable[str], entry_nations: Iterable[str],
                      notes: dict[str, str]) -> list[tuple[str, list[str]]]:
    """For an entry listed for every nation: each instrument it cites, with the nations of the entry
    where it does not hold and that have no note saying what applies there instead."""
    if set(entry_nations) < set(NATIONS):
        return []
    text = "\n".join(texts)
    found = []
    for name, holds in instruments_cited(text):
        missing = [n for n in NATIONS if n not in holds and not notes.get(n)]
        if missing:
            found.append((name, missing))
    return found
