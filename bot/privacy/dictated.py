"""Identifiers spelt out as people dictate them: letters in the phonetic alphabet or one by one, numbers in
words ("papa kilo one nine x-ray yankee zulu", "Juliet Kilo four four six two one nine Charlie",
"S A fifteen three B Q"). A run of such words is written out as typed ("PK19XYZ") and taken when it has an
identifier's shape (a postcode, an NI number, a vehicle registration); a name or a reference spelt in the
phonetic alphabet is taken too."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.privacy.kinds import CASE_ID, NAME, NI, POSTCODE, VEHICLE
from bot.privacy.numbers import ni_prefix_ok
from bot.privacy.places import POSTCODE_AREA_SET

PHONETIC = {word: word[0].upper() for word in (
    "alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike november "
    "oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray x-ray yankee zulu").split()}
_DIGITS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
           "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_TEENS = {word: str(10 + i) for i, word in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {word: str(20 + 10 * i) for i, word in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_TENS_VALUES = frozenset(_TENS.values())
_REPEATS = {"double": 2, "triple": 3}
_W_WORDS = frozenset(("double-u", "double-you"))  # and "double you", two words
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?|[0-9]{1,4}")
_GAP = re.compile(r"[ \t,]+|[ \t]*-[ \t]*")
# a phonetic word, two letters apart ("S M I T H", "s w one a"), "P for Peter", "double-u"
_GATE = re.compile(
    r"(?i)\b(?:" + "|".join(re.escape(w) for w in PHONETIC) + r")\b|\b[a-z][ \t]+[a-z]\b"
    r"|\b[a-z][ \t]+(?:for|as[ \t]+in)[ \t]+[a-z]|\bdouble[ \t-]?(?:u|you)\b"
)
# what a run of dictated characters may be, written as typed
_SHAPES = (
    (NI, re.compile(r"[A-Z]{2}[0-9]{6}[A-D]?")),  # and a prefix numbers.py accepts (QQ too)
    (VEHICLE, re.compile(r"[A-HJ-PR-Y]{2}(?:0[2-9]|[1-7][0-9])[A-HJ-PR-Z]{3}")),
    (POSTCODE, re.compile(r"(?P<area>[A-Z]{1,2})[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}")),
)
_LONGEST_RUN = 14  # tokens: "Juliet Kilo four four six two one nine Charlie" is 9


# "a" and "I" are a word far more often than a spelt letter: a letter only beside another ("K H A N")
_ARTICLE_OR_I = frozenset("ai")


class Said(NamedTuple):
    start: int
    end: int
    chars: str  # what the word stands for, as typed
    how: str  # "phonetic", "letter", "maybe" (a letter or a word), "spoken" (a number in words) or "typed"


def _said(word: str, start: int, end: int) -> Said | None:
    lowered = word.lower()
    if lowered in PHONETIC:
        return Said(start, end, PHONETIC[lowered], "phonetic")
    if lowered in _W_WORDS:
        return Said(start, end, "W", "letter")
    if len(word) == 1 and word.isalpha():
        return Said(start, end, word.upper(), "maybe" if lowered in _ARTICLE_OR_I else "letter")
    if word.isdigit():
        return Said(start, end, word, "typed")
    for table in (_DIGITS, _TEENS, _TENS):
        if lowered in table:
            return Said(start, end, table[lowered], "spoken")
    return None


def _runs(text: str):
    """Each run of dictated words joined by spaces, commas or hyphens, in one pass; "double four", "twenty
    one", "double-u" and "P for Peter" read as people say them."""
    run: list[Said] = []
    repeat, repeat_start = 1, 0
    last_end = skip_to = None
    for m in _WORD.finditer(text):
        if skip_to is not None and m.start() < skip_to:
            continue  # "for Peter", read with its letter
        joined = last_end is not None and _GAP.fullmatch(text, last_end, m.start()) is not None
        if not joined and run:
            yield run
            run, repeat = [], 1
        lowered = m.group().lower()
        if lowered in _REPEATS:
            repeat, repeat_start, last_end = _REPEATS[lowered], m.start(), m.end()
            continue
        if repeat == 2 and lowered in ("you", "u"):
            said, repeat = Said(repeat_start, m.end(), "W", "letter"), 1  # "double you"
        else:
            said = _said(m.group(), m.start(), m.end())
        if said is None:
            if run:
                yield run
            run, repeat, last_end = [], 1, None
            continue
        if said.how in ("letter", "maybe"):
            said = _with_its_word(text, said)  # "P for Peter"
            skip_to = said.end
        if _a_unit_after_tens(run, said, repeat):
            tens = run.pop()  # "twenty one": 21, not 201
            said = Said(tens.start, said.end, tens.chars[0] + said.chars, "spoken")
        run.append(said._replace(chars=said.chars * repeat))
        repeat, last_end = 1, said.end
    if run:
        yield run


# a letter and a word that starts with it: "P for Peter", "K as in King"
_FOR_A_WORD = re.compile(r"[ \t]+(?:for|as[ \t]+in)[ \t]+([A-Za-z]+(?:-[A-Za-z]+)?)")


def _with_its_word(text: str, said: Said) -> Said:
    m = _FOR_A_WORD.match(text, said.end)
    if m and m.group(1)[0].upper() == said.chars:
        return Said(said.start, m.end(), said.chars, "letter")
    return said


def _pieces(text: str, run: list[Said], labelled: bool):
    """The run split where a word is not dictated after all: a date ("a November 14, 2023 meeting", "the Echo
    2024 audit"), or "a" / "I" with no letter beside it and no label before the run."""
    dropped = set(_date_words(text, run))
    if not labelled:
        dropped.update(i for i, said in enumerate(run) if said.how == "maybe" and not _a_letter_here(text, run, i))
    piece: list[Said] = []
    for i, said in enumerate(run):
        if i in dropped:
            if piece:
                yield piece
            piece = []
        else:
            piece.append(said._replace(how="letter") if said.how == "maybe" else said)
    if piece:
        yield piece


def _a_letter_here(text: str, run: list[Said], i: int) -> bool:
    """ "K H A N", "S M I T H": a letter beside; a capital "A" anywhere but opening a sentence ("S double-u one
    A two A A"), or there beside a phonetic word ("A Bravo ...")."""
    near = {run[j].how for j in (i - 1, i + 1) if 0 <= j < len(run)}
    if "letter" in near:
        return True
    start = run[i].start
    if text[start] != "A":
        return False
    before = text[:start].rstrip(" \t")
    return "phonetic" in near or not (before == "" or before[-1] in ".!?\n")


def _date_words(text: str, run: list[Said]):
    """Where the run holds a date: a phonetic word (a month, "November") then a year or a day and a year
    ("Echo 2024", "November 14 2023"), or "November" then a day; not when more figures follow."""
    for k, said in enumerate(run):
        if said.how == "phonetic":
            yield from range(k, k + _date_length(text, run, k))


def _date_length(text: str, run: list[Said], k: int) -> int:
    i = k + 1
    year = _year_length(run, i)
    day = not year and i < len(run) and _a_day(run[i])
    if day:
        year = _year_length(run, i + 1)
    i += day + year
    if not year and not (day and text[run[k].start : run[k].end].lower() == "november"):
        return 0
    if i < len(run) and run[i].how in ("typed", "spoken"):
        return 0  # "Mike November 12 34 56 Alpha": more figures, an identifier
    return i - k


def _a_day(said: Said) -> bool:
    return said.how in ("typed", "spoken") and len(said.chars) <= 2 and 1 <= int(said.chars) <= 31


def _year_length(run: list[Said], i: int) -> int:
    """A year at run[i]: "2023" (one word), "twenty twenty-three" (two), or none (0)."""
    if i < len(run) and run[i].how == "typed" and len(run[i].chars) == 4 and run[i].chars[:2] in ("19", "20"):
        return 1
    if (i + 1 < len(run) and run[i].how == run[i + 1].how == "spoken" and run[i].chars in ("19", "20")
            and len(run[i + 1].chars) == 2):
        return 2
    return 0


def _a_unit_after_tens(run: list[Said], said: Said, repeat: int) -> bool:
    return (repeat == 1 and said.how == "spoken" and len(said.chars) == 1 and said.chars != "0"
            and bool(run) and run[-1].how == "spoken" and run[-1].chars in _TENS_VALUES)


def _shape_of(chars: str) -> str | None:
    for kind, shape in _SHAPES:
        m = shape.fullmatch(chars)
        if m and (kind != POSTCODE or m.group("area") in POSTCODE_AREA_SET) and (kind != NI or ni_prefix_ok(chars[:2])):
            return kind
    return None


# a label after which single letters are spelling, as a phonetic run is: "surname is S M I T H", "the
# surname: K H A N", "her name is spelt J O N E S", "postcode S double-u one A ...", "reg: P for Peter, ..."
_LETTERS_LABEL = re.compile(
    r"(?i)(?:\b(?:sur|(?:first|last|family|given|maiden|middle|full)[ \t])?name|\bpost[ \t]?code"
    r"|\bni(?:[ \t]+(?:number|no))?|\bnino|\bnational[ \t]+insurance(?:[ \t]+(?:number|no))?|\breg(?:istration)?"
    r"(?:[ \t]+(?:number|no))?|\bvrm|\bnumber[ \t]+plate|\bspelt|\bspelled|\bspelling)"
    r"(?:'s)?(?:[ \t]+(?:is|was))?(?:[ \t]+(?:spelt|spelled))?(?:[ \t]+(?:as|like))?[ \t]*[:\-]?[ \t]*$"
)
_LABEL_REACH = 60


def _after_a_label(text: str, run: list[Said]) -> bool:
    start = run[0].start
    return (any(w.how in ("letter", "maybe") for w in run)
            and _LETTERS_LABEL.search(text, max(0, start - _LABEL_REACH), start) is not None)


def _as_phonetic(run: list[Said]) -> list[Said]:
    """After a label, letters one by one read as a phonetic run does."""
    return [w._replace(how="phonetic") if w.how == "letter" else w for w in run]


def _dictated(words: list[Said]) -> bool:
    """Said rather than typed: a phonetic letter, or letters one by one with a number in words."""
    hows = [w.how for w in words]
    return "phonetic" in hows or (hows.count("letter") >= 2 and "spoken" in hows)


def _spelt(words: list[Said], labelled: bool) -> str | None:
    """A name or reference spelt in the phonetic alphabet, with no identifier's shape: four phonetic letters
    in a row ("Sierra Mike India Tango Hotel"; two after a label: "surname is K H A N"), or two with three
    digits or more."""
    hows = [w.how for w in words]
    digits = sum(len(w.chars) for w in words if w.how in ("spoken", "typed"))
    if hows.count("phonetic") >= (2 if labelled else 4) and digits == 0 and "letter" not in hows:
        return NAME
    if hows.count("phonetic") >= 2 and digits >= 3:
        return CASE_ID
    return None


def dictated_identifiers(text: str):
    if not _GATE.search(text):
        return
    for whole in _runs(text):
        labelled = _after_a_label(text, whole)
        for piece in _pieces(text, whole, labelled):
            yield from _identifiers_in(_as_phonetic(piece) if labelled else piece, labelled)


def _identifiers_in(run: list[Said], labelled: bool):
    """The longest identifier's shape from each word on; else, from the first word, a spelt name or reference."""
    i = 0
    while i < len(run):
        found = None
        for j in range(min(len(run), i + _LONGEST_RUN), i, -1):
            words = run[i:j]
            kind = _shape_of("".join(w.chars for w in words)) if _dictated(words) else None
            if kind:
                found = (j, kind)
                break
        if found is None and i == 0:
            kind = _spelt(run, labelled)
            if kind:
                yield run[0].start, run[-1].end, kind
                return
        if found:
            yield run[i].start, run[found[0] - 1].end, found[1]
            i = found[0]
        else:
            i += 1
