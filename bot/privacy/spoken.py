"""Identifiers said aloud and typed by dictation: a phone, NHS or account number read out digit by digit
("oh seven seven double oh nine double oh two four six"), and a house number in words before its street
("forty two princes avenue", "number seven Heol Penlan", "flat eleven Marlowe House")."""

from __future__ import annotations

import re

from bot.privacy.kinds import ADDRESS, CASE_ID, NHS, PHONE

_DIGIT_WORD = r"(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine)"
# one digit, or "double seven" / "triple oh"
_SPOKEN_DIGIT = r"(?:(?:double|triple)[ \t-]+)?" + _DIGIT_WORD
_SPOKEN_RUN = re.compile(
    r"(?i)(?<![\w-])" + _SPOKEN_DIGIT + r"(?:[ \t,-]+" + _SPOKEN_DIGIT + r"){5,}(?![\w-])"
)
_ZERO = re.compile(r"(?i)(?:zero|oh|o|nought|nil)$")
_HEALTH_CONTEXT = re.compile(r"(?i)\b(?:nhs|chi|health[ \t]+and[ \t]+care|h&c)\b[^.\n]{0,40}$")
# fewer than this many digits read out are a count or a time, not an identifier
_IDENTIFIER_DIGITS = 8


def _digits_said(run: str) -> tuple[int, bool]:
    """How many digits ``run`` says, and whether the first is a zero."""
    count, first_zero = 0, None
    for part in re.split(r"[ \t,-]+", run.strip()):
        word = part.lower()
        if word in ("double", "triple"):
            count += 1 if word == "double" else 2  # the digit that follows is said once more (or twice)
            continue
        if first_zero is None:
            first_zero = bool(_ZERO.match(word))
        count += 1
    return count, bool(first_zero)


def _spoken_numbers(text: str):
    lowered = text.lower()
    if not any(word in lowered for word in ("oh ", "zero", "double", "nought", "seven", "nine", "four")):
        return
    for m in _SPOKEN_RUN.finditer(text):
        count, first_zero = _digits_said(m.group())
        if count < _IDENTIFIER_DIGITS:
            continue
        if first_zero and count in (10, 11):
            yield m.start(), m.end(), PHONE
        elif count == 10 and _HEALTH_CONTEXT.search(text, max(0, m.start() - 60), m.start()):
            yield m.start(), m.end(), NHS
        else:
            yield m.start(), m.end(), CASE_ID


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_IN_WORDS = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[ \t-](?:" + "|".join(_UNITS) + r"))?"
    r"|" + "|".join(_TEENS) + r"|" + "|".join(_UNITS) + r")"
)
_STREET_WORDS = (
    "road street avenue lane close drive way crescent court place grove gardens terrace walk row hill square "
    "mews park view rise parade green vale chase croft gate wynd brae heights villas cottages"
).split()
_BUILDING_WORDS = "house hse court ct lodge mansions tower heights buildings point block hall".split()
_WELSH_STREET_WORDS = "heol ffordd stryd lon llys maes bryn cae parc rhodfa cwrt clos teras".split()
_FUNCTION_WORDS = frozenset(
    "the a an of on in to at by for from with and or but my his her their our your its this that more other "
    "long short last first next big little new old good nice same different few many".split()
)
_WORD = r"[A-Za-z][a-z'\u2019-]+"
# after "at", "to", "is", "number": a house number in words, one to three words, a street word
_WORDED_HOUSE = re.compile(
    r"(?i)(?<![\w])(?:at|to|is|number|no\.?)[ \t]+(?:number[ \t]+)?"
    r"(?P<value>" + _NUMBER_IN_WORDS + r"[ \t]+(?P<name>(?:" + _WORD + r"[ \t]+){1,3})"
    r"(?:" + "|".join(_STREET_WORDS) + r")(?![\w])"
    r"|" + _NUMBER_IN_WORDS + r"[ \t]+(?:" + "|".join(_WELSH_STREET_WORDS) + r")(?:[ \t]+" + _WORD + r"){1,2})"
)
_WORDED_FLAT = re.compile(
    r"(?i)(?<![\w])(?:flat|apartment|apt|unit)[ \t]+" + _NUMBER_IN_WORDS + r"[ \t,]+(?:" + _WORD + r"[ \t]+){1,3}"
    r"(?:" + "|".join(_BUILDING_WORDS) + r")(?![\w])"
)


def _worded_addresses(text: str):
    lowered = text.lower()
    for m in _WORDED_HOUSE.finditer(text) if any(w in lowered for w in ("at ", "to ", "is ", "number", "no")) else ():
        name = m.group("name")
        if name and any(word.lower() in _FUNCTION_WORDS for word in name.split()):
            continue  # "at one more way", "is one long drive"
        yield m.start("value"), m.end("value"), ADDRESS
    if any(w in lowered for w in ("flat", "apartment", "apt", "unit")):
        for m in _WORDED_FLAT.finditer(text):
            yield m.start(), m.end(), ADDRESS


def _spoken_identifiers(text: str):
    yield from _spoken_numbers(text)
    yield from _worded_addresses(text)
