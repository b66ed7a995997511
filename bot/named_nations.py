"""The UK nations a question names ("housing officer in Wales", "I'm in Scotland", "NI keyworker",
"Welsh council", "Cymru"), and from that the nation an answer is written for.

A nation named in the question is the most specific evidence of where the asker works: it beats the
nation they picked on App Home and the workspace's default. Look-alikes are not nations: "New
England", "New South Wales", "Scotland Yard" (London's police), banks and firms named after a nation
("Bank of England", "Scottish Widows"), and "NI number" (National Insurance). "English" is a
language far more often than a place, so only "English council / law / local authority ..." counts.
"""

from __future__ import annotations

import re

from bot.faq import NATION_NAMES, NATIONS
from bot.nations import Reader, names

# Firms, places and bodies whose names contain a nation's name but say nothing of where the asker works.
_LOOK_ALIKES = re.compile(
    r"(?i)\bnew\s+england\b|\bnew\s+south\s+wales\b|\b(?:new\s+)?scotland\s+yard\b"
    r"|\b(?:royal\s+)?bank\s+of\s+(?:england|scotland)\b|\bscottish\s+(?:widows|power|equitable|mutual)\b"
    r"|\bprince(?:ss)?\s+of\s+wales\b|\bwelsh\s+rarebit\b|\benglish\s+heritage\b"
)

_NAMED = {
    "england": re.compile(r"(?i)\bengland\b|\benglish\s+(?:council|local\s+authorit|law|nhs|school|police|"
                          r"force|trust|hospital|authority|(?:social\s+|children'?s\s+)?services)"),
    "wales": re.compile(r"(?i)\bwales\b|\bwelsh\b|\bcymru\b"),
    "scotland": re.compile(r"(?i)\bscotland\b|\bscottish\b|\bscots\s+law\b"),
    # "NI" only in capitals and not as National Insurance ("NI number", "NI no.", "NI contributions")
    "northern-ireland": re.compile(
        r"(?i:\bnorthern\s+ireland\b|\bnorthern\s+irish\b|\bn\.?\s?ireland\b)"
        r"|(?<!\[)\bNI\b(?!\s*(?:number|no\b|no\.|num|nos?\b|contributions?|insurance|credits?|card|\]))"
    ),
}


def nations_named(text: str) -> tuple[str, ...]:
    """The nations ``text`` names, in the order of ``NATIONS`` (none: it names none)."""
    plain = _LOOK_ALIKES.sub(" ", text or "")
    return tuple(nation for nation in NATIONS if _NAMED[nation].search(plain))


def answer_nation(text: str, setting: str | None, is_default: bool = False) -> Reader:
    """Whom the answer to ``text`` is written for, given the asker's ``setting`` (their choice on App
    Home, or the workspace's default when ``is_default``; None: neither).

    - The question names one nation: the answer is for that nation, saying so when it differs from
      the setting.
    - It names several (cross-border work): every nation's notes, as with no nation known.
    - It names none: the setting; a workspace default keeps the other nations' notes after the
      answer, since nobody chose it for this asker."""
    named = nations_named(text)
    if len(named) == 1:
        nation, basis = named[0], "named in the question"
        if nation == setting:
            return Reader(nation, basis=basis)
        return Reader(nation, why=_named_instead(nation, setting, is_default), basis=basis)
    if named:
        why = "" if setting is None else (f"Your question names {names(named)}, so this answer shows where it "
                                          "holds and every nation's notes.")
        return Reader(None, why=why, basis=f"the question names {names(named)}")
    if setting is None:
        return Reader(None)
    return Reader(setting, others=is_default,
                  basis="the workspace's default" if is_default else "chosen on App Home")


def _named_instead(nation: str, setting: str | None, is_default: bool) -> str:
    said = f"Your question names {NATION_NAMES[nation]}, so this answer is given for {NATION_NAMES[nation]}"
    if setting is None:
        return said + "."
    whose = "this workspace's default nation" if is_default else "your nation on my Home tab"
    return f"{said} ({whose} is {NATION_NAMES[setting]})."


_NOT_INSURANCE = r"(?!\s*(?:number|no\b|no\.|num|nos?\b|contributions?|insurance|credits?|card))"
_NATION = rf"(?:england|wales|scotland|northern\s+ireland|n\.?\s?ireland|cymru|(?-i:NI){_NOT_INSURANCE})"
_SERVICE = (r"(?:council|local\s+authorit(?:y|ies)|schools?|health\s+boards?|nhs|police|force|trusts?|hospitals?|"
            r"(?:social|children'?s)\s+services|housing|gp|practices?|services?|charit(?:y|ies)|teams?|colleges?|"
            r"universit(?:y|ies)|keyworkers?|social\s+workers?|officers?|nurses?|teachers?)\b")
# Where the asker or their service is ("I'm in Wales", "a Welsh council", "NI keyworker"): it decides the
# nation an answer is written for (above), and is no part of what the question asks about, so the matcher
# does not read it (these words otherwise pull the question off every entry that does not name a nation).
_PLACING = re.compile(
    rf"(?i:(?:\b(?:i'?m|i\s+am|we'?re|we\s+are|i\s+work|we\s+work|working|work|based|live|living)\s+)?"
    rf"\b(?:in|from|across)\s+{_NATION}\b)(?!\s+[A-Z])"
    rf"|(?i:\b(?:welsh|scottish|northern\s+irish)\s+)(?=(?i:{_SERVICE}))"
    rf"|\bNI\s+(?=(?i:{_SERVICE}))"
)


def without_placing(text: str) -> str:
    """``text`` without the words that only say where the asker works ("... I'm in Wales", "Welsh council")."""
    return _PLACING.sub(" ", text)
