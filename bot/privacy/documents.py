"""Numbers on a person's documents and cards: payment card numbers (checked by their Luhn digit),
vehicle registrations, passport numbers after the word "passport"."""

from __future__ import annotations

import re

from bot.names.records import SECTOR_ACRONYMS
from bot.privacy.kinds import CARD, CASE_ID, VEHICLE
from bot.privacy.scanning import matches_at

# Payment cards: 13 to 19 digits, solid, in groups of four or as American Express groups them (4-6-5),
# with a valid Luhn check digit; after "card" any such number, with no check digit needed; and a card's own
# layout, four groups of four starting as card numbers do (2-6), even with a digit mistyped.
_CARD_CANDIDATE = re.compile(
    r"[0-9](?<![0-9][0-9])(?:[0-9]{3}(?:[ \-]?[0-9]{4}){2}[ \-]?[0-9]{1,7}|[0-9]{3}[ \-][0-9]{6}[ \-][0-9]{5}"
    r"|[0-9]{12,18})(?![0-9])"
)
_CARD_LAYOUT = re.compile(r"[2-6][0-9]{3}(?:([ \-.])[0-9]{4}\1[0-9]{4}\1[0-9]{4}|[ \-][0-9]{6}[ \-][0-9]{5})")
# four years ("2021 2022 2023 2024") or four times of day ("2000 2100 2200 2300") laid out like a card
_YEARS_OR_TIMES = re.compile(r"(?:(?:19|20)[0-9]{2}[ \-.]?){4}|(?:(?:[01][0-9]|2[0-3])[0-5][0-9][ \-.]?){4}")
_CARD_LABEL_BEFORE = re.compile(r"(?i)\bcard\b[^0-9\n]{0,20}$")
_NOT_DIGIT = re.compile(r"[^0-9]")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_numbers(text: str):
    for m in _CARD_CANDIDATE.finditer(text):
        digits = _NOT_DIGIT.sub("", m.group())
        if not 13 <= len(digits) <= 19:
            continue
        laid_out = _CARD_LAYOUT.fullmatch(m.group()) and not _YEARS_OR_TIMES.fullmatch(m.group())
        if _CARD_LABEL_BEFORE.search(text, max(0, m.start() - 30), m.start()) or laid_out or (
            digits[0] != "0" and _luhn_ok(digits)
        ):  # no card number starts with 0 ("0044 7700 900312" is a phone number)
            yield m.start(), m.end(), CARD


# Vehicle registrations. The current format ("LN68 XWT") in capitals anywhere; after a word for a
# vehicle ("reg", "VRM", "number plate", "car", "van") also in lower case, and the older formats:
# prefix ("R123 ABC"), suffix ("ABC 123D"), Northern Irish ("AXZ 1234") and cherished ("DAN 1S").
_CURRENT_REG = r"[A-Z]{2}[0-9]{2}[ \-]?[A-Z]{3}"
_VEHICLE_ANYWHERE = re.compile(
    r"[A-HJ-PR-Y](?<![A-Za-z0-9\-][A-HJ-PR-Y])[A-HJ-PR-Y](?:0[2-9]|[1-7][0-9])[ \-]?[A-HJ-PR-Z]{3}(?![A-Za-z0-9\-])"
)
_VEHICLE_LABELLED = re.compile(
    r"(?i)(?<![\w\[])(?:reg(?:istration)?(?:[ \t]+(?:no\.?|number|plate|mark))?|vrm"
    r"|(?:number|licence|private)[ \t]+plate|plates?|vehicle|veh|car|van|taxi|motorbike|moped)(?![\w])"
    r"(?:[ \t]*(?:[:=\-('\"]|is|was|of|reg|no\.?)[ \t]*)*[ \t]*"
    r"(?P<value>" + _CURRENT_REG +
    r"|(?-i:[A-Z][0-9]{1,3}[ \-]?[A-Z]{3}|[A-Z]{3}[ \-]?[0-9]{1,3}[A-Z]|[A-Z]{3}[ \-]?[0-9]{1,4}"
    r"|[A-Z]{1,3}[ \-]?[0-9]{1,3}[A-Z]{0,3}|[0-9]{1,4}[ \-]?[A-Z]{1,3}))"
    r"(?![A-Za-z0-9])"
)
_VEHICLE_KEYWORDS = ("reg", "vrm", "number plate", "licence plate", "private plate", "plate", "vehicle", "veh", "car",
                     "van", "taxi", "motorbike", "moped")


# an older or Northern Irish registration with its label after it: "LXZ 4521, Northern Irish plates"
_VEHICLE_LABEL_AFTER = re.compile(
    r"(?<![A-Za-z0-9\[])(?P<value>[A-Z]{3}[ \-]?[0-9]{1,4}|[A-Z][0-9]{1,3}[ \-]?[A-Z]{3}|[A-Z]{3}[ \-]?[0-9]{1,3}[A-Z])"
    r"(?![A-Za-z0-9])[^.\n]{0,30}?(?i:\b(?:plates?|reg(?:istration)?)\b)")


def vehicle_regs(text: str):
    for m in _VEHICLE_ANYWHERE.finditer(text):
        if not m.group().startswith("FP10"):  # FP10MDA, FP10SS: NHS prescription forms
            yield m.start(), m.end(), VEHICLE
    if "plate" in text.lower() or "reg" in text.lower():
        for m in _VEHICLE_LABEL_AFTER.finditer(text):
            if re.sub(r"[^A-Z]", "", m.group("value")).lower() not in SECTOR_ACRONYMS:  # "the DBS 123 reg team"
                yield m.start("value"), m.end("value"), VEHICLE
    for m in matches_at(_VEHICLE_LABELLED, text, _VEHICLE_KEYWORDS):
        value = m.group("value")
        if any(c.isdigit() for c in value) and any(c.isalpha() for c in value):
            yield m.start("value"), m.end("value"), VEHICLE


# Passports: after "passport(s)", each passport-shaped number in the next few words ("passports
# (nos 541237788 and 541237796)", "Polish passport EW 4417206", "passport 509 331 842")
_PASSPORT_WORD = re.compile(r"(?i)passports?\b")
_PASSPORT_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{1,2}[ ]?)?[0-9](?:[ ]?[0-9]){6,9}(?![A-Za-z0-9])"
)
_PASSPORT_STOP = re.compile(r"(?<!\b[Nn]o)[\n.;!?](?:[ \t]|$)")  # not the "no." of "(no. 058812347)"


def passport_numbers(text: str):
    for w in matches_at(_PASSPORT_WORD, text, ("passport",)):
        stop = _PASSPORT_STOP.search(text, w.end(), w.end() + 60)
        end = stop.start() if stop else min(len(text), w.end() + 60)
        for m in _PASSPORT_NUMBER.finditer(text, w.end(), end):
            yield m.start(), m.end(), CASE_ID
