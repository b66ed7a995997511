"""Searching fast: trying a pattern only where a keyword starts a word, or just before digits."""

from __future__ import annotations

import re


def _keyword_starts(text: str, keywords: tuple[str, ...]) -> list[int] | None:
    """Sorted positions where one of the lower-case ``keywords`` starts a word of ``text`` (any
    case), found at C speed; None when lower-casing would move positions (then search it all)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    starts = set()
    for keyword in keywords:
        i = lowered.find(keyword)
        while i != -1:
            if i == 0 or not lowered[i - 1].isalnum():
                starts.add(i)
            i = lowered.find(keyword, i + 1)
    return sorted(starts)


def _matches_at(pattern: re.Pattern[str], text: str, keywords: tuple[str, ...]):
    """pattern.finditer(text), trying only where a keyword starts a word."""
    starts = _keyword_starts(text, keywords)
    if starts is None:
        yield from pattern.finditer(text)
        return
    yield from _matches_from(pattern, text, starts)



def _starts_before(text: str, anchors: re.Pattern[str], back: int):
    """Positions up to ``back`` characters before each match of ``anchors`` (a digit pattern):
    where a pattern that opens with letters ("QQ", "LS") may start. Searching from the digits
    skips the text at C speed; a pattern that starts with a letter would be tried at every one."""
    last = -1
    for a in anchors.finditer(text):
        for start in range(max(0, a.start() - back, last + 1), a.start()):
            yield start
        last = a.start() - 1


def _matches_before_digits(pattern: re.Pattern[str], text: str, anchors: re.Pattern[str], back: int):
    yield from _matches_from(pattern, text, _starts_before(text, anchors, back))


def _matches_from(pattern: re.Pattern[str], text: str, starts):
    """``pattern`` matched at each of ``starts`` (ascending), skipping starts inside an earlier match."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            end = m.end()
            yield m

