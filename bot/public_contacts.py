"""Public contacts an advisor's answer may give: national helplines and the role mailboxes of public
bodies ("ring the ICO on 0303 123 1113", "e-mail your DPO at dpo@council.gov.uk"). They identify no
one, so they are kept when the answer is redacted; anything else that looks like a phone number or an
e-mail address is still removed. Only exact, listed numbers and role addresses on public-sector
domains are kept: when in doubt, redaction wins. No Slack here."""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

# The digits of each public number, as dialled in the UK (a +44 form is read as 0...).
PUBLIC_NUMBERS = frozenset({
    "999", "112", "101", "111", "116123",  # emergency, police non-emergency, NHS 111, Samaritans
    "03031231113",  # the ICO's helpline
    "08001111",  # Childline
    "08088005000",  # NSPCC helpline
    "08082000247",  # National Domestic Abuse Helpline
    "08000121700",  # Modern Slavery & Exploitation Helpline
    "03001232040",  # Action Fraud
    "03001233393",  # Mind's infoline
})
# Mailboxes of a role, not a person, on public-sector domains only.
ROLE_MAILBOXES = frozenset({
    "dpo", "dataprotection", "data.protection", "data-protection", "ig", "igteam", "ig.team",
    "informationgovernance", "information.governance", "info", "enquiries", "foi", "caldicott",
    "safeguarding", "casework", "icocasework", "accessrequests", "sar",
})
PUBLIC_DOMAINS = ("gov.uk", "nhs.uk", "nhs.net", "police.uk", "gov.scot", "gov.wales", "llyw.cymru", "ico.org.uk")

_ADDRESS = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)(?![\w-])")
_MARK = "\ue000{}\ue001"  # private-use characters: nothing a redaction pattern reads


class Kept(NamedTuple):
    """Text with its public contacts set aside (``text``), and how to put them back."""

    text: str
    restore: Callable[[str], str]


def is_public_number(written: str) -> bool:
    digits = re.sub(r"\D", "", written)
    if written.startswith("+44"):
        digits = "0" + digits[2:]
    return digits in PUBLIC_NUMBERS


def is_role_mailbox(local: str, domain: str) -> bool:
    domain = domain.lower()
    public = domain in PUBLIC_DOMAINS or domain.endswith(tuple("." + d for d in PUBLIC_DOMAINS))
    return local.lower() in ROLE_MAILBOXES and public


def keep_public_contacts(text: str) -> Kept:
    """``text`` with each role mailbox replaced by a mark redaction leaves alone. (Public numbers need no
    mark: the redactor itself keeps a national helpline's number, bot.privacy.core.)"""
    found: list[str] = []

    def set_aside(match: re.Match) -> str:
        found.append(match.group(0))
        return _MARK.format(_letters(len(found) - 1))

    text = _ADDRESS.sub(lambda m: set_aside(m) if is_role_mailbox(m.group(1), m.group(2)) else m.group(0), text)

    def restore(redacted: str) -> str:
        for index, original in enumerate(found):
            redacted = redacted.replace(_MARK.format(_letters(index)), original)
        return redacted

    return Kept(text, restore)


def _letters(index: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "ba": a mark with no digits in it."""
    out = ""
    while True:
        index, rest = divmod(index, 26)
        out = chr(ord("a") + rest) + out
        if not index:
            return out
