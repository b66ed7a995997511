"""Identifiers said aloud and typed by dictation: a phone, NHS or account number read out digit by digit
("oh seven seven double oh nine double oh two four six"), and a house number in words before its street
("forty two princes avenue", "number seven Heol Penlan", "flat eleven Marlowe House")."""

from __future__ import annotations

import re

from bot.privacy.dictated import dictated_identifiers
from bot.privacy.kinds import ADDRESS, CASE_ID, NHS, PHONE

_REPEATS = {"double": 1, "triple": 2}  # the digit after is said once more, or twice more
_LETTERS = re.compile(r"[A-Za-z]+")
_DIGIT_GAP = re.compile(r"[ \t,-]+")
_HEALTH_CONTEXT = re.compile(r"(?i)\b(?:nhs|chi|health[ \t]+and[ \t]+care|h&c)\b[^.\n]{0,40}$")
# fewer than this many digits read out are a count or a time, not an identifier
_IDENTIFIER_DIGITS = 8


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_VALUES = {"zero": 0, "oh": 0, "o": 0, "nought": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
           "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _spoken_runs(text: str):
    """(start, end, digits) of each run of digits said in words, in one pass over the words (a regex over
    the runs would start again at every digit word: quadratic on a long run); "nine hundred and forty three"
    is 943. A run said only in hundreds and thousands ("two hundred, three hundred and fifty") is amounts."""
    start = end = last = None  # the run's start, its last digit's end, its last word's end
    digits: list[int] = []
    owed = 0  # "double", "triple": the next digit is said once or twice more
    one_by_one = False  # a digit said alone, as a number read out is
    skip_to = 0  # the end of "nine hundred and forty three", read at "nine"
    for m in _LETTERS.finditer(text):
        if m.start() < skip_to:
            continue
        word = m.group().lower()
        said = _number_at(text, m)
        joined = last is not None and _DIGIT_GAP.fullmatch(text, last, m.start()) is not None
        if said is None and word not in _REPEATS or not joined:
            if digits and one_by_one:
                yield start, end, digits
            start, digits, owed, last, one_by_one = None, [], 0, None, False
            if said is None and word not in _REPEATS:
                continue
        if start is None:
            start = m.start()
        last = m.end()
        if word in _REPEATS:
            owed += _REPEATS[word]
            continue
        values, end = said
        one_by_one = one_by_one or len(values) == 1
        digits += [values[0]] * owed + values
        owed, last, skip_to = 0, end, end
    if digits and one_by_one:
        yield start, end, digits


_UNIT_ALT = "|".join(_UNITS)
# "nine hundred and forty three", "two thousand and nine", "four hundred": read at the unit word
_HUNDREDS = re.compile(
    r"(?i)(?P<lead>" + _UNIT_ALT + r")[ \t]+(?P<size>hundred|thousand)"
    r"(?:(?:[ \t]+and)?[ \t]+(?P<rest>(?P<tens>" + "|".join(_TENS) + r")(?:[ \t-](?P<unit>" + _UNIT_ALT + r"))?"
    r"|" + "|".join(_TEENS) + r"|" + _UNIT_ALT + r"))?(?![A-Za-z])"
)
_WORD_VALUES = {word: value for value, word in enumerate(_UNITS, 1)} | {
    word: value for value, word in enumerate(_TEENS, 10)} | {
    word: value for value, word in enumerate(_TENS, 2)}


def _number_at(text: str, m: re.Match) -> tuple[list[int], int] | None:
    """The digits said from word m on, and where they end: "seven" (7), "nine hundred and forty three" (943)."""
    word = m.group().lower()
    if word not in _VALUES:
        return None
    compound = _HUNDREDS.match(text, m.start()) if word in _WORD_VALUES else None
    if compound is None:
        return [_VALUES[word]], m.end()
    places = 2 if compound.group("size").lower() == "hundred" else 3
    return [_VALUES[word], *map(int, str(_rest_value(compound)).zfill(places))], compound.end()


def _rest_value(compound: re.Match) -> int:
    """What follows "hundred (and)": "forty three" 43, "twelve" 12, "five" 5, nothing 0."""
    if compound.group("rest") is None:
        return 0
    if compound.group("tens"):
        unit = compound.group("unit")
        return 10 * _WORD_VALUES[compound.group("tens").lower()] + (_WORD_VALUES[unit.lower()] if unit else 0)
    return _WORD_VALUES[compound.group("rest").lower()]


def _counting(digits: list[int]) -> bool:
    """ "one two three four five six seven eight nine": counting up or down, not a number read out."""
    steps = {b - a for a, b in zip(digits, digits[1:])}
    return steps == {1} or steps == {-1}


def _spoken_numbers(text: str):
    lowered = text.lower()
    if not any(word in lowered for word in ("oh ", "zero", "double", "nought", "seven", "nine", "four", "hundred",
                                            "thousand")):
        return
    for start, end, digits in _spoken_runs(text):
        count = len(digits)
        if count < _IDENTIFIER_DIGITS or _counting(digits):
            continue
        if digits[0] == 0 and count in (10, 11):
            yield start, end, PHONE
        elif count == 10 and _HEALTH_CONTEXT.search(text, max(0, start - 60), start):
            yield start, end, NHS
        else:
            yield start, end, CASE_ID


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
# words that are never part of a street's name: "is twenty minutes walk", "two Family Court hearings"
_NOT_IN_A_NAME = frozenset(
    """the a an of on in to at by for from with and or but my his her their our your its this that more other
    long short last first next big little new old good nice same different few many minutes minute mins min
    hours hour hrs hr miles mile metres yards weeks days years months seconds secs times family crown
    magistrates county youth high appeal supreme coroners district civil criminal car bus train foot""".split()
)
# a street word that is also an everyday noun or verb counts only after a name in capitals ("42 Mill Walk")
_EVERYDAY_STREET_WORDS = frozenset("drive way court place walk row hill park view rise green chase gate".split())
_WORD = r"[A-Za-z][a-z'\u2019-]+"
# after "at", "to", "into", "is", "number": a house number in words, one to three words, a street word
_WORDED_HOUSE = re.compile(
    r"(?i)(?<![\w])(?:at|to|into|is|number|no\.?)[ \t]+(?:number[ \t]+)?"
    r"(?P<value>" + _NUMBER_IN_WORDS + r"[ \t]+(?P<name>(?:" + _WORD + r"[ \t]+){1,3})"
    r"(?P<street>" + "|".join(_STREET_WORDS) + r")(?![\w])"
    r"|" + _NUMBER_IN_WORDS + r"[ \t]+(?:" + "|".join(_WELSH_STREET_WORDS) + r")(?:[ \t]+" + _WORD + r"){1,2})"
)
_WORDED_FLAT = re.compile(
    r"(?i)(?<![\w])(?:flat|apartment|apt|unit)[ \t]+" + _NUMBER_IN_WORDS + r"[ \t,]+(?P<name>(?:" + _WORD
    + r"[ \t]+){1,3})(?:" + "|".join(_BUILDING_WORDS) + r")(?![\w])"
)


def _a_street_name(words: list[str], street: str | None) -> bool:
    if any(word.lower() in _NOT_IN_A_NAME for word in words):
        return False  # "at one more way", "is twenty minutes walk", "to two Family Court hearings"
    if street and street.lower() in _EVERYDAY_STREET_WORDS:
        return all(word[0].isupper() for word in words)  # "at forty two Mill Walk", not "at two park lane events"
    return True


def _worded_addresses(text: str):
    lowered = text.lower()
    if any(w in lowered for w in ("at ", "to ", "is ", "number", "no")):
        for m in _WORDED_HOUSE.finditer(text):
            if m.group("name") is None or _a_street_name(m.group("name").split(), m.group("street")):
                yield m.start("value"), m.end("value"), ADDRESS
    if any(w in lowered for w in ("flat", "apartment", "apt", "unit")):
        for m in _WORDED_FLAT.finditer(text):
            if _a_street_name(m.group("name").split(), None):
                yield m.start(), m.end(), ADDRESS


def spoken_identifiers(text: str):
    yield from _spoken_numbers(text)
    yield from _worded_addresses(text)
    yield from dictated_identifiers(text)
