"""The shadow copy the patterns read: each character folded, and where it came from."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --------------------------------------------------------------------------------------
# the shadow copy: what the patterns read
#
# People paste identifiers with non-breaking or zero-width spaces, en and em dashes, curly
# apostrophes and full-width digits. The patterns read a shadow copy in which each such character
# is folded (NFKC, then spaces to " ", dashes to "-", apostrophes to "'", invisible characters
# dropped); every character of the shadow remembers where it came from, so what is replaced is the
# original span, exactly as typed.

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_SPACE_LIKE = frozenset("\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000")
_DASH_LIKE = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_APOSTROPHE_LIKE = frozenset("\u2018\u2019\u02bc\u2032\uff07")
_SLASH_LIKE = frozenset("\u2044\u2215\uff0f")
_DOT_LIKE = frozenset("\u00b7\u2022\u2219\u22c5\u30fb")


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    if ch in _SPACE_LIKE:
        return " "
    if ch in _DASH_LIKE:
        return "-"
    if ch in _APOSTROPHE_LIKE:
        return "'"
    if ch in _SLASH_LIKE:
        return "/"
    if ch in _DOT_LIKE:
        return "."
    return unicodedata.normalize("NFKC", ch)


def plain_characters(text: str) -> str:
    """``text`` with look-alike characters folded as the patterns read them (curly apostrophes to
    "'", dashes to "-", odd spaces to " ", invisible characters dropped, NFKC)."""
    return shadow_copy(text)[0]


# A form pasted into Slack: its labels in bold or italics ("*DOB:* 03/04/15", "_Name:_ Tyler") and
# values on the line after their label ("Surname:\nSmith"). The patterns read such marks, and a line
# break after a label's colon, as spaces (one for one, so nothing moves); a mark inside a word or a
# number ("jane_smith", "25*009121") stays.
_FORM_LAYOUT = re.compile(
    r"(?<![\w*_~])[*_~]+(?=\w)|(?<=[\w:.)?!])[*_~]+(?![\w*_~])|(?<=:)[ \t*_~]*\r?\n(?=[ \t*_~]*\S)"
)
# an invisible character between two words ("Kayleigh\u200bJones") separates them; inside a word or a
# number it is dropped
_INVISIBLE_BETWEEN_WORDS = re.compile(r"(?<=[a-z])[\u200b\u200c\u200d\u2060](?=[A-Z])")


def _spaced(match: re.Match[str]) -> str:
    return " " * len(match.group())


def shadow_copy(text: str) -> tuple[str, list[int] | None]:
    """The text the patterns read, and for each of its characters the index of the character of
    ``text`` it came from (None when every character stayed in its place)."""
    if any(c in text for c in "*_~\n"):
        text = _FORM_LAYOUT.sub(_spaced, text)
    if text.isascii():
        return text, None
    text = _INVISIBLE_BETWEEN_WORDS.sub(" ", text)
    table = {}
    growing = []  # characters that fold to nothing or to more than one character
    for ch in set(text):
        if ch > "\x7f":
            folded = _fold(ch)
            if folded != ch:
                table[ord(ch)] = folded
                if len(folded) != 1:
                    growing.append(ch)
    if not table:
        return text, None
    shadow = text.translate(table)
    if not growing:
        return shadow, None
    origin: list[int] = []
    pos = 0
    for m in re.finditer("[" + re.escape("".join(growing)) + "]", text):
        i = m.start()
        origin.extend(range(pos, i))
        origin.extend([i] * len(table[ord(text[i])]))
        pos = i + 1
    origin.extend(range(pos, len(text)))
    return shadow, origin

