"""What redact() reports: the kinds of identifier, their order of priority, the result type and the
size limits."""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_INPUT_CHARS = 50_000  # input past this is dropped unread (Slack messages stop at 40,000)


class Redaction(NamedTuple):
    text: str  # the cleaned text
    found: tuple[str, ...]  # kinds removed, unique, in order of first appearance


NHS = "NHS number"
NI = "NI number"
EMAIL = "email"
PHONE = "phone"
POSTCODE = "postcode"
DOB = "date of birth"
ADDRESS = "address"
SORT_CODE = "sort code"
ACCOUNT = "account number"
CASE_ID = "case id"
CARD = "card number"
VEHICLE = "vehicle reg"
SOCIAL = "social media account"
IP_ADDRESS = "IP address"
NAME = "name"

#: every kind ``redact`` can report, most specific first (also the overlap priority)
KINDS: tuple[str, ...] = (
    EMAIL, SOCIAL, NHS, NI, DOB, SORT_CODE, ACCOUNT, CARD, CASE_ID, IP_ADDRESS, PHONE, POSTCODE, VEHICLE, ADDRESS,
    NAME,
)
PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}


def placeholder(kind: str) -> str:
    """What ``redact`` puts where it removed an identifier of ``kind``: "[phone]", "[NHS number]"."""
    return f"[{kind}]"


#: any placeholder ``redact`` writes, in any case ("[Phone]" too, as a hand-edited copy may have it)
PLACEHOLDER = re.compile("|".join(re.escape(placeholder(kind)) for kind in KINDS), re.IGNORECASE)
# an NHS number known only by its check digit (no "NHS" before it): reported as NHS number,
# but it gives way to a labelled case identifier ("ULN 1234567890") and to a phone number that
# it is merely the tail of
NHS_BY_CHECK_DIGIT = "NHS number?"
PRIORITY[NHS_BY_CHECK_DIGIT] = PRIORITY[CASE_ID] + 0.5
# a case identifier after its label ("incident ref CC2026031200457"): reported as case id, but it
# wins over a number of the same digits that only its shape suggests (a card number by its Luhn digit)
LABELLED_CASE_ID = "case id (labelled)"
PRIORITY[LABELLED_CASE_ID] = PRIORITY[CARD] - 0.5
#: the kind each internal kind is reported as
REPORTED_AS = {NHS_BY_CHECK_DIGIT: NHS, LABELLED_CASE_ID: CASE_ID}
