"""Record references after labels the case-system list (bot.privacy.numbers) does not know, and NHS
numbers known by their health context."""

from __future__ import annotations

import re

from bot.privacy.kinds import LABELLED_CASE_ID, NHS_BY_CHECK_DIGIT
from bot.privacy.numbers import NOT_A_PERSONS_NUMBER
from bot.privacy.scanning import lower_case, matches_at

# a reference: letters and a separator before digits ("PS-20240311-2276", "HOM/24/01937"), digits in
# parts ("24/0077812", "24*118832", "0561/24"), a long run of digits ("00471182"), a letter glued to
# many digits ("M938110072091"), or a hospital's letters and its number ("RXH 0049271")
_REFERENCE = (
    r"(?P<value>[A-Za-z]{1,5}[/\-*][0-9][0-9A-Za-z]*(?:[/\-*][0-9A-Za-z]+)*"
    r"|[0-9]{2,}(?:[/\-*][0-9A-Za-z]+)+|[0-9]{6,}|[A-Z]{1,4}[0-9]{6,}|(?-i:(?!ID |NO )[A-Z]{2,4})[ ][0-9]{5,})"
    r"(?![\w/\-*]|\.[0-9])"
)
_GAP = (
    r"(?:[ \t]*(?:ref(?:erence)?|no\.?|number|id|#)(?![\w]))?[ \t]*(?:\([A-Za-z&]{2,8}\)[ \t]*)?"
    r"(?:is[ \t]+|:[ \t]*|#[ \t]*)?"
)
# a word for a record before its reference: "INCIDENT PS-...", "homeless app ref HOM/...", "Tenancy 00471182",
# "MARAC case 24-0381", "concern report 0561/24", "Ref PPN/24/11873" opening a line or a clause (not "our ref",
# "case ref" or "SAR ref": an organisation's own file, which names no one)
_RECORD_LABEL = re.compile(
    r"(?i)(?<![\w\[])(?:incident|report|tenancy|referral|app(?:lication)?|hospital|hosp|mrn"
    r"|(?:marac|mappa|cp|cin|lac|yj|yjs|court)[ \t]+case"
    r"|(?:(?<=^)|(?<=[\n:;(.,])|(?<=[:;(.,] ))ref(?:erence)?)"
    r"(?![\w])" + _GAP + _REFERENCE
)
_RECORD_KEYWORDS = ("incident", "report", "tenancy", "referral", "app", "hosp", "mrn", "marac", "mappa", "cp",
                    "cin", "lac", "yj", "court", "ref")
# a system's letters right before a reference: "OEL 24*118832", "VPD 24/0077812" (not "SAR ref ...", "the ISA
# reference is ...": the organisation's own file)
_ACRONYM_LABEL = re.compile(r"(?<![\w\[&/-])(?P<label>[A-Z]{3,5})(?![\w&])[ \t]*:?[ \t]*" + _REFERENCE)
_NOT_RECORD_ACRONYMS = NOT_A_PERSONS_NUMBER | frozenset(
    "DPA GDPR ACT NHS DOB SIGN CAMHS POLICE ABOUT NOTE URGENT HELP THE AND FOR".split()
)
# a year, a financial or academic year, a span of years or a date is not a reference
_NOT_A_REFERENCE = re.compile(
    r"(?:19|20)[0-9]{2}(?:[/\-](?:(?:19|20)?[0-9]{2}))?|[0-9]{1,2}[/\-][0-9]{1,2}[/\-](?:19|20)?[0-9]{2}"
)
_MIN_DIGITS = 5


def _record_references(text: str):
    matches = list(matches_at(_RECORD_LABEL, text, _RECORD_KEYWORDS))
    if any(c.isupper() for c in text):
        matches.extend(m for m in _ACRONYM_LABEL.finditer(text) if m.group("label") not in _NOT_RECORD_ACRONYMS)
    for m in matches:
        value = m.group("value")
        if sum(c.isdigit() for c in value) >= _MIN_DIGITS and not _NOT_A_REFERENCE.fullmatch(value):
            if value[0] == "0" and value.isdigit() and len(value) in (10, 11):
                continue  # a phone's digits
            yield m.start("value"), m.end("value"), LABELLED_CASE_ID


# in a text about health, ten digits grouped 3-3-4 (or run together) are an NHS number even when the
# check digit fails (mistyped); never a UK phone, which starts with 0
_HEALTH_WORDS = re.compile(r"(?i)\b(?:nhs|gp|hospital|health|hv|midwife|patient|camhs|surgery|a&e|nurse|ward)\b")
_HEALTH_NUMBER_SHAPE = re.compile(
    r"[1-9](?<![\w+.,/£$-][1-9])(?:[0-9]{2}[ \-][0-9]{3}[ \-][0-9]{4}|[0-9]{9})(?![\w]|[./,-][0-9])"
)


def _health_context_nhs_numbers(text: str):
    if not _HEALTH_WORDS.search(lower_case(text)):
        return
    for m in _HEALTH_NUMBER_SHAPE.finditer(text):
        yield m.start(), m.end(), NHS_BY_CHECK_DIGIT


def references(text: str):
    yield from _record_references(text)
    yield from _health_context_nhs_numbers(text)
