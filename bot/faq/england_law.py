"""Law and guidance that does not hold in every UK nation, and the check that an entry citing one says, in
the note for each of its nations where it does not hold (``nation_notes``), what applies there instead.

The one list of such instruments: add to it when an entry starts citing another. Each is found by a
pattern in an entry's answer, legal basis or source titles; a note covers it when it names it (its own
pattern, or a shorter name: "the 1990 Act", "s5B"): a note saying only that "this is England's guidance"
would also pass for every other instrument the entry cites, so it does not count."""

from __future__ import annotations

import re
from typing import Iterable

ENGLAND = ("england",)
ENGLAND_AND_WALES = ("england", "wales")
GREAT_BRITAIN = ("england", "wales", "scotland")

# (what lint calls it, the pattern that finds it, the nations where it holds, how a note names it)
INSTRUMENTS: tuple[tuple[str, re.Pattern, tuple[str, ...], re.Pattern], ...] = tuple(
    (name, re.compile(pattern), nations, re.compile(rf"{pattern}|{named}")) for name, pattern, nations, named in (
        # its Part 3 (ss25-34, children's services in Wales, s28 Wales's welfare duty) is Wales's own
        ("Children Act 2004", r"Children Act 2004(?!,? ss? ?(?:2[5-9]|3[0-4])\b)", ENGLAND,
         r"Children Act 1989/2004|2004 Act"),
        # police-requests-schedule-2's Scotland and NI notes: "The Children Act 1989 s47 example is England and
        # Wales law"
        ("Children Act 1989", r"Children Act 1989", ENGLAND_AND_WALES, r"1989 Act"),
        ("Crime and Disorder Act 1998", r"Crime and Disorder Act", ENGLAND_AND_WALES, r"\bs ?115\b"),
        ("Care Act 2014", r"Care Act 2014", ENGLAND, r"Care Act"),
        ("Working Together to Safeguard Children", r"Working Together", ENGLAND, r"(?!x)x"),
        ("Keeping Children Safe in Education", r"\bKCSIE\b|Keeping Children Safe in Education", ENGLAND, r"(?!x)x"),
        ("Department for Education guidance", r"\bDfE\b|Department for Education", ENGLAND, r"(?!x)x"),
        ("Education Act 2002 s175", r"Education Act 2002,? s ?175\b", ENGLAND_AND_WALES, r"\bs ?175\b"),
        ("NHS England guidance", r"NHS England", ENGLAND, r"(?!x)x"),
        ("Mental Capacity Act 2005", r"Mental Capacity Act 2005", ENGLAND_AND_WALES, r"2005 Act"),
        # s251 (and the Confidentiality Advisory Group's support under it) covers England and Wales
        ("NHS Act 2006 s251", r"(?:NHS|National Health Service) Act 2006|\bs ?251\b(?![A-C])", ENGLAND_AND_WALES,
         r"section 251"),
        ("Health and Social Care Act 2012", r"Health and Social Care Act 2012", ENGLAND, r"2012 Act"),
        # mandatory-reporting-fgm-csa (England and Wales; its NI note): s5B covers England and Wales only
        ("FGM Act 2003 s5B", r"(?:FGM|Female Genital Mutilation) Act 2003,? s ?5B\b", ENGLAND_AND_WALES, r"\bs ?5B\b"),
        # sharing-after-death: "Access to Health Records Act 1990 s3 (England, Wales and Scotland)"; its NI note
        ("Access to Health Records Act 1990", r"Access to Health Records Act 1990", GREAT_BRITAIN, r"1990 Act"),
        # criminal-offence-data's NI note: the Rehabilitation of Offenders (Northern Ireland) Order 1978 instead
        ("Rehabilitation of Offenders Act 1974", r"Rehabilitation of Offenders Act 1974", GREAT_BRITAIN,
         r"Rehabilitation of Offenders"),
        # prevent-and-channel's NI note: "the Prevent duty and panel provisions of the 2015 Act extend to England,
        # Wales and Scotland only"
        ("Counter-Terrorism and Security Act 2015 Part 5",
         r"Counter-Terrorism and Security Act 2015,? (?:s ?(?:2[6-9]|3\d|4[01])\b|Part 5)", GREAT_BRITAIN,
         r"2015 Act|Prevent duty"),
        # serious-violence-duty's Scotland and NI notes: "Chapter 1 of the 2022 Act applies in England and Wales only"
        ("Police, Crime, Sentencing and Courts Act 2022 Part 2",
         r"Police, Crime, Sentencing and Courts Act 2022,? (?:s ?(?:[7-9]|1\d|2[0-2])\b|\(?Part 2)", ENGLAND_AND_WALES,
         r"2022 Act"),
        # mappa-and-disclosure-schemes (England and Wales): Scotland's MAPPA is under its own 2005 Act, NI's PPANI
        ("Criminal Justice Act 2003 s325", r"Criminal Justice Act 2003,? s ?32[5-7]\b", ENGLAND_AND_WALES,
         r"\bs ?325\b|MAPPA"),
        # family-court-material's NI note: "the Family Procedure Rules 2010 do not [extend to Northern Ireland]"
        ("Family Procedure Rules 2010", r"Family Procedure Rules", ENGLAND_AND_WALES, r"(?!x)x"),
        # digital-economy-act-part5's NI note: the Digital Government (Disclosure of Information) Regulations 2018
        # "do not extend to Northern Ireland"
        ("Digital Economy Act 2017 Part 5 (Digital Government Regulations 2018)",
         r"Digital Government \(Disclosure of Information\) Regulations"
         r"|Digital Economy Act 2017,? (?:Part 5|s ?3[5-9]\b)",
         GREAT_BRITAIN, r"Digital Economy Act|Digital Government"),
    )
)

# "section 115", "sections 10 and 11", "sections 25 to 34", "section 16LA(1) to (4)": each number of the run
_NUMBER = r"\d+[A-Z]*(?:\(\w+\))*"  # 115, 16LA, 115(2), 47(9)
_SECTIONS_IN_FULL = re.compile(rf"\bsections? ({_NUMBER}(?:(?:, | and | or | to )(?:{_NUMBER}|\(\w+\)))*)")
_SECTION_NUMBER = re.compile(r"(?<![\w(])(?=\d)")


def _as_cited(text: str) -> str:
    """``text`` with sections written in full as the patterns read them: "section 115" as "s115", "sections 10
    and 11" as "s10 and s11" (plain English writes them in full, in answers, notes and legal bases)."""
    return _SECTIONS_IN_FULL.sub(lambda run: _SECTION_NUMBER.sub("s", run.group(1)), text)


def instruments_cited(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, nations where it holds) of each listed instrument ``text`` cites."""
    text = _as_cited(text)
    return [(name, nations) for name, pattern, nations, _ in INSTRUMENTS if pattern.search(text)]


def uncovered_nations(texts: Iterable[str], entry_nations: Iterable[str],
                      notes: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Each instrument the entry cites, with the entry's nations where it does not hold and whose note does not
    name it."""
    text, entry_nations = _as_cited("\n".join(texts)), tuple(entry_nations)
    found = []
    for name, pattern, holds, named in INSTRUMENTS:
        if not pattern.search(text):
            continue
        missing = [n for n in entry_nations if n not in holds and not _covers(notes.get(n, ""), named)]
        if missing:
            found.append((name, missing))
    return found


def _covers(note: str, named: re.Pattern) -> bool:
    return bool(named.search(_as_cited(note)))
