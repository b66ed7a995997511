"""The UK nations a question names ("housing officer in Wales", "I'm in Scotland", "a teacher in
Cardiff", "NI keyworker", "Welsh council", "Cymru"), and from that the nation an answer is written for.

Two kinds of naming:

- *placing*: the wording puts the asker or their service there ("I'm in", "we're based in", "working
  in", "a social worker in Belfast", "our team in Wales", "a Welsh council", "Scottish local authority",
  "NI Trust", "I work for NHS Wales");
- *mentioning*: anything else ("our Scottish colleagues", "speaks Welsh at home", "the Northern
  Ireland Housing Executive asked", "NHS Wales has asked us").

The nation the asker chose on App Home always wins: a named nation never overrides it, and its note
or warning is shown as well; a follow-up that places the asker elsewhere is shown beside the choice,
to the asker and to advisors, never silently kept or dropped. Only a placing replaces the workspace's
default; a mention adds that nation's note and warning. Look-alikes are not nations: "New England",
"New South Wales", "Scotland Yard" (London's police), banks and firms named after a nation ("Bank of
England", "Scottish Widows"), "the Care Inspectorate in Wales" (Wales's, not Scotland's), and "NI number"
in any case (National Insurance). "English" is a language far more often than a place, so only "English
council / law / local authority ..." counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from bot.faq import NATION_NAMES, NATIONS
from bot.nation_places import (
    ANY_BODY,
    ANY_PLACE,
    HEALTH_BOARDS,
    body_nations,
    body_nations_at,
    may_name_a_place,
    nations_at,
    place_nations,
    words_of,
)
from bot.nations import Reader, names

# Firms, places and bodies whose names contain a nation's name but say nothing of where the asker works.
_LOOK_ALIKES = re.compile(
    r"(?i)\bnew\s+england\b|\bnew\s+south\s+wales\b|\b(?:new\s+)?scotland\s+yard\b"
    r"|\b(?:royal\s+)?bank\s+of\s+(?:england|scotland)\b|\bscottish\s+(?:widows|power|equitable|mutual)\b"
    r"|\bprince(?:ss)?\s+of\s+wales\b|\bwelsh\s+rarebit\b|\benglish\s+heritage\b"
)

# "NI" as National Insurance, in any case: "NI number", "ni no.", "NI contributions", "[NI number]".
_NOT_NI = r"(?!(?i:\s*(?:number|no\b|no\.|num|nos?\b|contributions?|insurance|credits?|card|\])))"
_NI = rf"(?<!\[)(?:\bNI\b|\bN\.I\.){_NOT_NI}"

_SERVICE = (r"(?:city\s+|county\s+|borough\s+|district\s+)?(?:council|local\s+authorit(?:y|ies)|school|primary"
            r"|secondary|academy|college|university|nursery|(?:health\s+|education\s+)?board"
            r"|(?:hsc\s+|nhs\s+|health\s+and\s+social\s+care\s+)?trusts?|(?:gp\s+)?practice|surgery|hospital"
            r"|hospice|police|force|social\s+services|children'?s\s+services|social\s+work|team|charity"
            r"|care\s+home|housing\s+association|safeguarding\s+team|health\s+visiting)\b")
_ROLE = (r"(?:(?:social|support|key|youth|family|care)\s*worker|keyworker|(?:housing|police|probation|safeguarding"
         r"|welfare|attendance|liaison)\s+officer|teacher|head\s*teacher|nurse|health\s+visitor|midwife|gp|doctor"
         r"|paramedic|practitioner|dsl|safeguarding\s+lead|senco|therapist|psychologist|counsel+or|pharmacist"
         r"|manager|co-?ordinator|advis[eo]r|volunteer|constable|detective)s?\b")

# A nation or place named as where someone is (after "in", "at", "for" ...).
_WHERE = (rf"(?P<place>(?:wales|cymru|nghymru|scotland|england|northern\s+ireland|n\.?\s?ireland|{ANY_PLACE})\b"
          rf"|(?:ni\b|n\.i\.){_NOT_NI})")
_ADJECTIVE = r"(?P<adjective>welsh|scottish|northern\s+irish|english)"
_NOT_ABOUT_SELF = (r"(?!(?:about|with|to|from|worried|concerned|visiting|going|moving|travell?ing|calling|phoning"
                   r"|writing|talking|speaking|referring|sharing|placing)\b)")

# Wording that puts the asker or their service in a place.
_PLACING = tuple(re.compile("(?i)" + pattern) for pattern in (
    # "I'm in Wales", "we are a charity in Belfast", "placing a child with us in Wales"
    rf"\b(?:i\s*['’]?\s*m|i\s+am|we\s*['’]?\s*re|we\s+are|us)\s+(?:{_NOT_ABOUT_SELF}[\w'’-]+\s+){{0,4}}?"
    rf"(?:here\s+)?(?:in|at|across|throughout)\s+(?:the\s+)?{_WHERE}",
    # "based in", "working in", "I work in NI", "employed across Scotland"
    rf"\b(?:based|working|work|works|employed|located|practi[sc]ing)\s+(?:here\s+|mainly\s+|mostly\s+)?"
    rf"(?:in|at|across|throughout|within)\s+(?:the\s+)?{_WHERE}",
    # "I work for NHS Wales", "I work for Newport council", "working for a council in Scotland"
    rf"\b(?:work|works|working|employed)\s+(?:for|at|within)\s+(?:[\w'’-]+\s+){{0,3}}?(?:in\s+)?{_WHERE}",
    # "Housing officer in Wales", "keyworker in ni here", "a teacher in Cardiff"
    rf"\b{_ROLE}\s+(?:here\s+|based\s+|working\s+)?(?:in|at)\s+(?:the\s+)?{_WHERE}",
    # "our team in Wales", "my school in Glasgow", "here in NI"
    rf"\b(?:(?:our|my)\s+(?:[\w'’-]+\s+){{0,2}}?(?:in|at)|here\s+in)\s+(?:the\s+)?{_WHERE}",
    # "a Welsh council", "Scottish local authority", "English school"
    rf"\b{_ADJECTIVE}\s+{_SERVICE}",
    # "NI Trust", "Belfast HSC Trust", "Glasgow City Council", "NI keyworker"
    rf"\b{_WHERE}\s+(?:{_SERVICE}|{_ROLE})",
))

# Wording that puts the asker or their service in a body of one nation ("I'm a PSNI officer", "a nurse with
# the Southern HSC Trust", "a GP in NHS Fife", "a social worker with Fife Council"), whatever the preposition.
# The matcher keeps a body's name (``bot.nation_places``), so these are apart.
_BODY = rf"(?P<body>{ANY_BODY})\b"
_STAFF = r"(?:officers?|staff|employees?|sergeants?|inspectors?|clinicians?)\b"
# An employer by its name: a body, "NHS <board>", a Welsh health board, or a place and what it runs ("Gwent
# Police", "Belfast Trust"). ``board`` matches, if empty, before a health board's name.
_EMPLOYER = rf"(?:{_BODY}|(?P<board>nhs\s+|(?=(?:{HEALTH_BOARDS})\b))?{_WHERE}(?(board)|\s+{_SERVICE}))"
# After a role, "with" or "for" a place alone is its service too ("a nurse with Hywel Dda", "officer for Fife").
_EMPLOYER_OR_PLACE = rf"(?:{_BODY}|(?:nhs\s+)?{_WHERE})"
_SELF = r"\b(?:i\s*['’]?\s*m|i\s+am|we\s*['’]?\s*re|we\s+are)\s+(?:an?\s+(?:[\w'’-]+\s+){0,3}?)?"
_PLACING_BY_BODY = tuple(re.compile("(?i)" + pattern) for pattern in (
    # "I'm with PSNI", "I'm a nurse for Hywel Dda", "we're part of Police Scotland", "I'm from NHS Tayside"
    rf"{_SELF}(?:in|at|with|for|within|part\s+of)\s+(?:the\s+)?{_EMPLOYER_OR_PLACE}",
    rf"{_SELF}from\s+(?:the\s+)?{_EMPLOYER}",
    # "I work for PSNI", "employed by NHS Tayside", "based at Betsi Cadwaladr"; not "working with" (partners)
    rf"\b(?:(?:based|employed)\s+(?:in|at|by|with|within)|(?:work|works|working)\s+(?:in|at|for|within))"
    rf"\s+(?:the\s+)?{_EMPLOYER}",
    # "a PSNI officer", "Police Scotland staff", "NHS Tayside nurse", "Hywel Dda inspector" ("Fife Council social
    # worker" is placed by "Fife Council", above: trying every place here at every word would double the cost)
    rf"\b(?:{_BODY}|(?:nhs\s+|(?=(?:{HEALTH_BOARDS})\b)){_WHERE}(?:\s+{_SERVICE})?)\s+(?:{_SERVICE}|{_ROLE}|{_STAFF})",
    # "a nurse with the Southern HSC Trust", "an officer in PSNI", "a GP in NHS Fife", "a nurse for Hywel Dda"
    rf"\b(?:{_ROLE}|{_STAFF})\s+(?:based\s+|working\s+)?(?:in|at|with|for|within)\s+(?:the\s+)?{_EMPLOYER_OR_PLACE}",
))

# Wording that may be about the asker or someone else (a role, a service): not when it follows these words.
_ABOUT_ANYONE = (_PLACING[3], *_PLACING[5:])
_ANYONE_IN_A_BODY = _PLACING_BY_BODY[3:]
_ABOUT_SELF = tuple(pattern for pattern in _PLACING if pattern not in _ABOUT_ANYONE)
# Every pattern here needs one of these words or a place's name: most questions have none, and skip them.
_NATION_WORDS_ANY = frozenset(
    "wales cymru nghymru scotland scottish scots england english northern ireland irish welsh ni n".split())


def _may_name_a_nation(text: str) -> bool:
    words = words_of(text)
    return bool(words & _NATION_WORDS_ANY) or may_name_a_place(words)
# Words just before a role that make the person someone else: "share with a social worker in Wales".
_SOMEONE_ELSE = re.compile(r"(?i)\b(?:with|to|from|tell|told|ask|asked|contact(?:ed)?|call(?:ed)?|e-?mail(?:ed)?"
                           r"|inform(?:ed)?|by|refer(?:red)?)\s+(?:\S+\s+){0,2}$")

_NAMED = {
    "england": re.compile(r"(?i)\bengland\b|\benglish\s+(?:council|local\s+authorit|law|nhs|school|police|"
                          r"force|trust|hospital|authority|(?:social\s+|children'?s\s+)?services)"),
    "wales": re.compile(r"(?i)\bwales\b|\bwelsh\b|\bcymru\b|\bnghymru\b"),
    "scotland": re.compile(r"(?i)\bscotland\b|\bscottish\b|\bscots\s+law\b"),
    "northern-ireland": re.compile(
        rf"(?i:\bnorthern\s+ireland\b|\bnorthern\s+irish\b|\bn\.?\s?ireland\b)|{_NI}"),
}

_ADJECTIVE_NATIONS = {"welsh": "wales", "scottish": "scotland", "english": "england",
                      "northern irish": "northern-ireland"}
_NATION_WORDS = ((re.compile(r"(?i)wales|cymru|nghymru"), "wales"), (re.compile(r"(?i)scotland"), "scotland"),
                 (re.compile(r"(?i)england"), "england"),
                 (re.compile(r"(?i)northern\s+ireland|n\.?\s?ireland|ni|n\.i\."), "northern-ireland"))


@dataclass(frozen=True)
class Naming:
    """What a question says about nations: where it ``placed`` the asker or their service, every nation
    it ``mentioned`` (placed ones too), both in the order of ``NATIONS``, and the places it named that
    are in more than one nation (``ambiguous``, "Newport")."""

    placed: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()


def naming(text: str) -> Naming:
    if not _may_name_a_nation(text or ""):
        return Naming()
    plain = _LOOK_ALIKES.sub(" ", text or "")
    mentioned = {nation for nation in NATIONS if _NAMED[nation].search(plain)}
    mentioned |= place_nations(plain)[0] | body_nations(plain)
    placed, ambiguous = _placed(plain, mentioned)
    mentioned |= placed
    return Naming(_ordered(placed), _ordered(mentioned), tuple(dict.fromkeys(ambiguous)))


def nations_named(text: str) -> tuple[str, ...]:
    """The nations ``text`` names (places it or mentions it), in the order of ``NATIONS``."""
    return naming(text).mentioned


def _placed(text: str, mentioned: set[str]) -> tuple[set[str], list[str]]:
    nations: set[str] = set()
    ambiguous: list[str] = []
    for pattern in (*_PLACING, *_PLACING_BY_BODY):
        for found in pattern.finditer(text):
            if (pattern in _ABOUT_ANYONE or pattern in _ANYONE_IN_A_BODY) and _SOMEONE_ELSE.search(
                    text[max(0, found.start() - 40):found.start()]):
                continue
            where = _nations_of(found, mentioned)
            nations.update(where)
            if len(where) > 1:
                ambiguous.append(found.group("place").strip().title())
    return nations, ambiguous


def _nations_of(found: re.Match, mentioned: set[str]) -> tuple[str, ...]:
    adjective = found.groupdict().get("adjective")
    if adjective:
        return (_ADJECTIVE_NATIONS[" ".join(adjective.lower().split())],)
    if found.groupdict().get("body"):
        return body_nations_at(found.string, found.start("body"), mentioned)
    place = found.group("place")
    for pattern, nation in _NATION_WORDS:
        if pattern.fullmatch(place.strip()):
            return (nation,)
    return nations_at(found.string, found.start("place"))


def _ordered(nations) -> tuple[str, ...]:
    return tuple(n for n in NATIONS if n in nations)


def answer_nation(text: str, setting: str | None, is_default: bool = False, later: Sequence[str] = ()) -> Reader:
    """Whom the answer to ``text`` is written for, given the asker's ``setting`` (their choice on App
    Home, or the workspace's default when ``is_default``; None: neither). ``later``: what the asker
    added afterwards (follow-ups, oldest first); the latest placing among them wins.

    - A choice on App Home wins: the answer is for it, with each other nation named also shown; when
      the latest text that places the asker (the question or a follow-up) puts them elsewhere, the reader
      carries both (``said``) and says so, since the choice may be old and the words are explicit.
    - Else a question that places the asker in one nation is answered for it, saying so when it
      differs from the default; in several (cross-border, or an ambiguous town): every nation's notes.
    - Else the default (with the other nations' notes after the answer, since nobody chose it for
      this asker), each nation mentioned shown first; with no default, every nation's notes."""
    texts = [text, *later]
    readings = [naming(t) for t in texts]
    mentioned = _ordered({n for r in readings for n in r.mentioned})
    if setting is not None and not is_default:
        also = tuple(n for n in mentioned if n != setting)
        said, where = _placed_elsewhere(readings, setting)
        if said:
            return Reader(setting, why=_conflict_why(setting, said), also=also, said=said, said_in=where,
                          basis=_basis("chosen on App Home", tuple(n for n in also if n != said)))
        return Reader(setting, whose=_whose(also, "chosen on my Home tab"), also=also,
                      basis=_basis("chosen on App Home", also))
    latest = next((r for r in reversed(readings) if r.placed), None)
    if latest and len(latest.placed) == 1:
        nation = latest.placed[0]
        also = tuple(n for n in mentioned if n != nation)
        why = "" if nation == setting else _named_instead(nation, setting)
        return Reader(nation, why=why, also=also, basis=_basis("named in the question", also))
    if latest:
        return Reader(None, why=_several_why(latest, setting), basis=f"the question names {names(latest.placed)}")
    if setting is None:
        return Reader(None)
    also = tuple(n for n in mentioned if n != setting)
    return Reader(setting, others=True, whose=_whose(also, "this workspace's default"), also=also,
                  basis=_basis("the workspace's default", also))


def _placed_elsewhere(readings: Sequence[Naming], setting: str) -> tuple[str | None, str]:
    """The one nation the latest text that places the asker (the question, then each follow-up) puts them in,
    when it is not ``setting``, and where they said it ("the question", "a follow-up")."""
    latest = next((i for i in reversed(range(len(readings))) if readings[i].placed), None)
    if latest is None or len(readings[latest].placed) != 1 or readings[latest].placed[0] == setting:
        return None, ""
    return readings[latest].placed[0], "the question" if latest == 0 else "a follow-up"


def _conflict_why(setting: str, said: str) -> str:
    return (f"Your nation on my Home tab is {NATION_NAMES[setting]}, but you said you are in {NATION_NAMES[said]}, "
            f"so this answer shows what holds in both. If {NATION_NAMES[said]} is right, change your nation on my "
            "Home tab.")


def _basis(basis: str, also: tuple[str, ...]) -> str:
    return f"{basis}; the question also names {names(also)}" if also else basis


def _whose(also: tuple[str, ...], whose: str) -> str:
    """Whose choice the nation is, for the line on the other nations the question names (none: no line)."""
    return whose if also else ""


def _several_why(found: Naming, setting: str | None) -> str:
    if found.ambiguous:
        return (f"{names_of_places(found.ambiguous)} is in more than one UK nation ({names(found.placed)}), so this "
                "answer shows where it holds and every nation's notes. Say which nation to see its note first.")
    if setting is None:
        return ""
    return f"Your question names {names(found.placed)}, so this answer shows where it holds and every nation's notes."


def names_of_places(places: Sequence[str]) -> str:
    return " and ".join(places)


def _named_instead(nation: str, setting: str | None) -> str:
    said = f"Your question names {NATION_NAMES[nation]}, so this answer is given for {NATION_NAMES[nation]}"
    if setting is None:
        return said + "."
    return f"{said} (this workspace's default nation is {NATION_NAMES[setting]})."


def without_placing(text: str) -> str:
    """``text`` without the wording that places the asker or their service ("I'm in Wales", "we work across
    NI"; of "a Welsh council", "NI keyworker", "a teacher in Cardiff" only the nation or place): it chooses
    the nation an answer is written for and is no part of what the question asks about, so the matcher does
    not read it (it otherwise pulls the question off every entry that does not name a nation)."""
    if not _may_name_a_nation(text or ""):
        return text
    spans = sorted([match.span() for pattern in _ABOUT_SELF for match in pattern.finditer(text or "")]
                   + [match.span(group) for pattern in _ABOUT_ANYONE for match in pattern.finditer(text or "")
                      for group in ("place", "adjective") if group in pattern.groupindex and match.group(group)])
    kept, start = [], 0
    for begin, end in spans:
        if begin >= start:
            kept.append(text[start:begin])
        start = max(start, end)
    return " ".join(kept + [text[start:]]) if spans else text
