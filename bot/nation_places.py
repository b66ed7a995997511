"""Towns, cities and council areas that say which UK nation a question is about ("a teacher in Cardiff",
"Belfast Trust"), for ``bot.named_nations``.

Only places whose name is not also a common word, first name or surname are listed (no "Barry",
"Hamilton", "Livingston", "Angus", "Paisley"). A place in two nations counts for both, so the answer
shows every nation's notes unless more of the name settles it:

- Newport: the city in Wales, or Newport in Shropshire, on the Isle of Wight, in Essex (Newport Pagnell).
- Bangor: in Gwynedd (Wales) or County Down (Northern Ireland), both sizeable.
- Perth: counted as Scotland (Perth and Kinross); "Perth, Australia" / "Perth WA" is no UK place.
"""

from __future__ import annotations

import re

WALES = ("wales",)
SCOTLAND = ("scotland",)
NORTHERN_IRELAND = ("northern-ireland",)
ENGLAND = ("england",)

_PLACES: dict[tuple[str, ...], str] = {
    WALES: (r"cardiff|caerdydd|swansea|abertawe|wrexham|aberystwyth|carmarthen(?:shire)?|llanelli|merthyr(?:\s+tydfil)?"
            r"|pontypridd|bridgend|caerphilly|neath|port\s+talbot|rhyl|welshpool|haverfordwest|caernarfon|llandudno"
            r"|colwyn\s+bay|abergavenny|ebbw\s+vale|cwmbran|powys|gwynedd|ceredigion|pembrokeshire|anglesey"
            r"|ynys\s+m[oô]n|rhondda(?:\s+cynon\s+taf)?|conwy|denbighshire|flintshire|monmouthshire|torfaen"
            r"|vale\s+of\s+glamorgan|blaenau\s+gwent|newport\s+city|newport,?\s+(?:gwent|south\s+wales)"
            r"|bangor,?\s+(?:gwynedd|north\s+wales)|bangor\s+university"),
    SCOTLAND: (r"glasgow|edinburgh|aberdeen(?:shire)?|dundee|inverness|perth(?!,?\s+(?:australia|wa\b|western))"
               r"|stirling|falkirk|kilmarnock|east\s+kilbride|motherwell|greenock|dumfries(?:\s+and\s+galloway)?"
               r"|fife|(?:north|south)\s+lanarkshire|orkney|shetland|western\s+isles|argyll|moray|kirkcaldy"
               r"|dunfermline|scottish\s+borders|perth\s+and\s+kinross"),
    NORTHERN_IRELAND: (r"belfast|derry|londonderry|newry|lisburn|armagh|omagh|enniskillen|coleraine|ballymena"
                       r"|craigavon|portadown|antrim|downpatrick|strabane|larne|carrickfergus|banbridge|dungannon"
                       r"|magherafelt|cookstown|newtownabbey|fermanagh|tyrone|co\.?\s+down|county\s+down"
                       r"|bangor,?\s+(?:co\.?|county)\s+down"),
    ENGLAND: (r"london|leeds|manchester|birmingham|liverpool|bristol|sheffield|nottingham|leicester|coventry"
              r"|bradford|chester|southampton|portsmouth|plymouth|norwich|brighton|oxford|cambridge|york"
              r"|newcastle\s+upon\s+tyne|newport,?\s+(?:isle\s+of\s+wight|shropshire|essex)|newport\s+pagnell"),
    # Named alone, these are in two nations (unless a longer name above settles it).
    ("england", "wales"): r"newport",
    ("wales", "northern-ireland"): r"bangor",
}

_PATTERNS = tuple((nations, re.compile(rf"(?i)\b(?:{pattern})\b")) for nations, pattern in _PLACES.items())

# One alternation of every place, for the phrases that place the asker there ("a teacher in Cardiff").
ANY_PLACE = "|".join(f"(?:{pattern})" for pattern in _PLACES.values())

# The words a place's name can start with ("carmarthen" for "Carmarthenshire"): a question with none of
# them names no place, found with set look-ups where the alternation above costs ~0.1 ms a question.
_LOOKAHEAD = re.compile(r"\(\?!(?:[^()]|\([^()]*\))*\)")  # "(?!,?\s+(?:australia|wa\b))": no name
_FIRST_WORDS = frozenset(word for pattern in _PLACES.values()
                         for word in re.findall(r"(?:^|\||\(\?:)([a-z]+)", _LOOKAHEAD.sub("", pattern)))
_STEM = 5  # a longer first word may go on ("carmarthen" + "shire"); a shorter one ("co" for "Co. Down") is whole
_WORD = re.compile(r"[a-z]+")


def may_name_a_place(words: set[str]) -> bool:
    """Whether any of ``words`` (lower case) could start a place's name: False means none is named."""
    return bool(words & _FIRST_WORDS) or any(
        word[:length] in _FIRST_WORDS for word in words for length in _LONG_LENGTHS if len(word) > length)


_LONG_LENGTHS = sorted({len(word) for word in _FIRST_WORDS if len(word) >= _STEM})


def words_of(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def place_nations(text: str) -> tuple[set[str], list[str]]:
    """(the nations the places in ``text`` are in, the names of places it gives that are in more than
    one nation). A longer name ("Newport City", "Bangor, County Down") settles the nation of a
    shorter one."""
    nations: set[str] = set()
    spans: list[tuple[int, int]] = []
    ambiguous: list[str] = []
    for where, pattern in _PATTERNS:
        for found in pattern.finditer(text):
            if any(start <= found.start() < end for start, end in spans):
                continue  # part of a longer name already read ("Newport" in "Newport City")
            spans.append(found.span())
            nations.update(where)
            if len(where) > 1:
                ambiguous.append(found.group(0).strip().title())
    return nations, ambiguous


def nations_at(text: str, start: int) -> tuple[str, ...]:
    """The nations of the place named at ``start`` of ``text``, read by its longest name ("Bangor
    University" is in Wales, "Bangor" alone in Wales or Northern Ireland)."""
    found = [(match.end(), where) for where, pattern in _PATTERNS if (match := pattern.match(text, start))]
    return max(found)[1] if found else ()
