"""The words of a text as the name finder reads them, and the gaps allowed between them."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.names.words import is_name_shaped

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019\-]*[^\W\d_])?")
SPACES = re.compile(r"[ \t\u00a0\u202f]{1,3}")
AFTER_TITLE_GAP = re.compile(r"\.?[ \t\u00a0\u202f]{1,3}")
COLLAR_GAP = re.compile(r"\.?[ \t\u00a0\u202f]{1,3}(?:[0-9]{1,6}[ \t\u00a0\u202f]{1,3})?")
INITIAL_GAP = re.compile(r"\.?[ \t\u00a0\u202f]{0,3}")
COMMA_GAP = re.compile(r"[ \t\u00a0\u202f]*,[ \t\u00a0\u202f]*")
COORD_GAP = re.compile(
    r"(?:[ \t\u00a0\u202f]+(?:and|&|or)[ \t\u00a0\u202f]+|[ \t\u00a0\u202f]*[,+][ \t\u00a0\u202f]*)")
FIELD_GAP = re.compile(r"[ \t]*[-:=][ \t]*")  # "Mum - Tanya", "child: Dev Patel", "mum = shannon"
COLON_GAP = re.compile(r"[ \t]*:[ \t]*")
BRACKET_GAP = re.compile(r"[ \t]*\([ \t]*")
CLOSE_BRACKET = re.compile(r"[ \t]*\)")
QUOTE_GAP = re.compile(r"[ \t]*,?[ \t]*['\"\u2018\u201c]")
CLOSE_QUOTE = re.compile(r"['\"\u2019\u201d]")
SENTENCE_END = re.compile(r"(?:[.!?:;\n]|\s[-\u2013\u2014]|^)[\s\"'\u2018\u201c(\[*_>\u2022-]*$")
POSSESSIVE_ENDINGS = ("'s", "\u2019s")
_POSSESSIVES = POSSESSIVE_ENDINGS + ("'S", "\u2019S")  # in a word: "BRANDON'S" too


class Token:
    __slots__ = ("start", "end", "text", "base", "low", "poss", "cap")

    def __init__(self, start: int, text: str):
        self.start = start
        self.text = text
        if text.endswith(_POSSESSIVES) and len(text) > 2:
            self.base = text[:-2]
            self.poss = True
        else:
            self.base = text
            self.poss = False
        self.end = start + len(self.base)
        self.low = self.base.lower()
        self.cap = is_name_shaped(self.base)


def is_capitalised(tok: Token) -> bool:
    return tok.cap


@lru_cache(maxsize=2)
def words_of(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` and where each starts. Kept for the text being redacted, so that
    bot.privacy's keyword search reads the same words (bot.privacy.core clears it after each text)."""
    texts = _TOKEN.findall(text)
    starts = []
    pos = 0
    find = text.find
    for word in texts:
        pos = find(word, pos)
        starts.append(pos)
        pos += len(word)
    return texts, starts


class LazyTokens:
    """The words of a text, each made a Token only when a rule looks at it: most words of a long
    text are never looked at."""

    __slots__ = ("starts", "texts", "made")

    def __init__(self, text: str):
        self.texts, self.starts = words_of(text)
        self.made: list[Token | None] = [None] * len(self.starts)

    def __len__(self) -> int:
        return len(self.starts)

    def get(self, i: int) -> Token:
        tok = self.made[i]
        if tok is None:
            tok = self.made[i] = Token(self.starts[i], self.texts[i])
        return tok


_LOWER_ASCII = b"abcdefghijklmnopqrstuvwxyz"
_UPPER_ASCII = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def written_in_capitals(text: str) -> bool:
    """Is the text written in capitals ("MRS OKAFOR RANG ABOUT HER SON")?"""
    raw = text.encode("ascii", "ignore")
    upper = len(raw) - len(raw.translate(None, _UPPER_ASCII))
    lower = len(raw) - len(raw.translate(None, _LOWER_ASCII))
    return upper >= 8 and 4 * lower < upper

