"""Searching fast: trying a pattern only where a keyword starts a word, or just before digits."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.names import words_of


@lru_cache(maxsize=4)
def lower_case(text: str) -> str:
    """``text.lower()``, made once per text and shared by the detectors (as word_starts is)."""
    return text.lower()


@lru_cache(maxsize=4)
def word_starts(text: str) -> dict[str, list[int]]:
    """Where each word of ``text`` starts, by its first two characters in lower case: made once per
    text from the words bot.names reads (bot.names.tokens.words_of), and shared by every detector
    that looks for keywords (one str.find per keyword would read the whole text once for each of
    some two hundred keywords)."""
    lowered = lower_case(text)
    index: dict[str, list[int]] = {}
    for i in words_of(text)[1]:
        key = lowered[i : i + 2]
        bucket = index.get(key)
        if bucket is None:
            index[key] = [i]
        else:
            bucket.append(i)
    return index


def keyword_starts(text: str, keywords: tuple[str, ...]) -> list[int] | None:
    """Sorted positions where one of the lower-case ``keywords`` starts a word of ``text`` (any
    case); None when lower-casing would move positions (then search it all)."""
    lowered = lower_case(text)
    if len(lowered) != len(text):
        return None
    index = word_starts(text)
    starts = set()
    for keyword in keywords:
        bucket = index.get(keyword[:2])
        if bucket:
            if len(keyword) <= 2:
                starts.update(bucket)
            else:
                starts.update(i for i in bucket if lowered.startswith(keyword, i))
    return sorted(starts)


def matches_at(pattern: re.Pattern[str], text: str, keywords: tuple[str, ...]):
    """pattern.finditer(text), trying only where a keyword starts a word."""
    starts = keyword_starts(text, keywords)
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
        for start in range(max(0, a.start() - back, last + 1), a.start() + 1):
            yield start  # up to the digit itself: "26/01234/CR was the crime number"
        last = a.start()


def matches_before_digits(pattern: re.Pattern[str], text: str, anchors: re.Pattern[str], back: int):
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

