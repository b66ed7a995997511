"""Dates of birth: a date in figures or words, only when introduced by DOB / D.O.B. / date of
birth / born (on) / b. / birthday."""

from __future__ import annotations

import re

from bot.privacy.kinds import DOB
from bot.privacy.scanning import _matches_at

# Patterns use ASCII digits only: \d would also match digits of other scripts; the shadow copy
# (bot.privacy.folding) has already turned full-width digits into ASCII ones.

# Dates of birth: only when introduced by DOB / D.O.B. / date of birth / born (on) / b.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_DAY = r"(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?|" + _ORDINAL_WORD + r")"
# "2012", "two thousand and twelve", "twenty twelve", "nineteen ninety-eight"
_YEAR_WORDS = (
    r"(?:two\s+thousand(?:(?:\s+and)?\s+(?:" + _TEENS + r"|twenty(?:[\s-]" + _UNITS + r")?|" + _UNITS + r"))?"
    r"|twenty\s+(?:" + _TEENS + r"|twenty(?:[\s-]" + _UNITS + r")?|oh[\s-]" + _UNITS + r")"
    r"|nineteen\s+(?:hundred\s+(?:and\s+)?)?(?:" + _TENS + r"(?:[\s-]" + _UNITS + r")?|" + _TEENS
    + r"|oh[\s-]" + _UNITS + r"))"
)
_YEAR = r"(?:(?:19|20)[0-9]{2}|" + _YEAR_WORDS + r")"
_DATE = (
    r"(?:"
    r"[0-9]{1,2} ?[/.\-] ?[0-9]{1,2} ?[/.\-] ?(?:[0-9]{4}|[0-9]{2})"
    r"|[0-9]{1,2} [0-9]{1,2} (?:19|20)[0-9]{2}"
    r"|(?:19|20)[0-9]{2}[-./](?:1[0-2]|0?[1-9])[-./](?:3[01]|[12][0-9]|0?[1-9])"
    r"|" + _DAY + r"[/.\- ]" + _MONTH + r"[/.\- ](?:" + _YEAR + r"|'?[0-9]{2})"
    r"|" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+(?:" + _YEAR + r"|'[0-9]{2}))?"
    r"|" + _MONTH + r"\s+(?:the\s+)?" + _DAY + r"(?:,?\s+(?:" + _YEAR + r"|'[0-9]{2}))?"
    r"|" + _MONTH + r"\s+" + _YEAR +
    r")(?![0-9A-Za-z])"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
_DOB = re.compile(
    r"(?<![A-Za-z])"
    r"(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born(?:\s+on)?|b\.|birthday)"
    r"[ \t]*(?:[:=\-\u2013\u2014(]|\bis\b|\bwas\b)?[ \t]*(?:(?:the|in|on)[ \t]+)?"
    r"(?:" + _WEEKDAY + r",?[ \t]+(?:the[ \t]+)?)?"
    r"(?P<dates>" + _DATE + r"(?:[ \t]*(?:,|&|\band\b|\bor\b)[ \t]*(?:the[ \t]+)?" + _DATE + r")*)",
    re.IGNORECASE,
)

# the first letters of every label of _DOB, to find where one may start
_DOB_KEYWORDS = ("dob", "d.o", "d o", "d. o", "do.", "do b", "date", "born", "b.", "birthday")


def _dates_of_birth(text: str):
    for m in _matches_at(_DOB, text, _DOB_KEYWORDS):
        start = m.start("dates")
        chunk = m.group("dates")
        for d in _DATE_RE.finditer(chunk):
            yield start + d.start(), start + d.end(), DOB


