"""Towns, cities, council areas and health board areas that say which UK nation a question is about ("a
teacher in Cardiff", "Belfast Trust", "NHS Lothian"), and public bodies that exist in one nation only
("PSNI", "Police Scotland", "Southern HSC Trust", "Care Inspectorate"), for ``bot.named_nations``.

Only places whose name is not also a common word, first name or surname are listed (no "Barry",
"Hamilton", "Livingston", "Angus", "Paisley"). A place in two nations counts for both, so the answer
shows every nation's notes unless more of the name settles it:

- Newport: the city in Wales, or Newport in Shropshire, on the Isle of Wight, in Essex (Newport Pagnell).
- Bangor: in Gwynedd (Wales) or County Down (Northern Ireland), both sizeable.
- Perth: counted as Scotland (Perth and Kinross); "Perth, Australia" / "Perth WA" is no UK place.

A body's name says what kind of service it is (the matcher reads "PSNI" as police), so unlike a place's
name it is kept for the matcher. Some names are a body in one nation only in context (``_IN_CONTEXT``):
"Western Trust", "Southern Trust", "Northern Trust", "South Eastern Trust" (an HSC Trust, or an English
trust's or a bank's short name), "Highland" alone (Highland cattle, games, whisky) and "the Education
Authority" (Northern Ireland's, or any council as an education authority in Scotland or England). They
count only when the question names that nation otherwise ("Southern Trust nurse in Newry").
"""

from __future__ import annotations

import re

WALES = ("wales",)
SCOTLAND = ("scotland",)
NORTHERN_IRELAND = ("northern-ireland",)
ENGLAND = ("england",)

# Wales's health boards, whose names alone are the employer ("I'm employed by Hywel Dda").
HEALTH_BOARDS = (r"hywel\s+dda|aneurin\s+bevan|betsi\s+cadwaladr|swansea\s+bay|cardiff\s+and\s+vale"
                 r"|cwm\s+taf(?:\s+morgannwg)?")

_PLACES: dict[tuple[str, ...], str] = {
    WALES: (r"cardiff|caerdydd|swansea|abertawe|wrexham|aberystwyth|carmarthen(?:shire)?|llanelli|merthyr(?:\s+tydfil)?"
            r"|pontypridd|bridgend|caerphilly|neath|port\s+talbot|rhyl|welshpool|haverfordwest|caernarfon|llandudno"
            r"|colwyn\s+bay|abergavenny|ebbw\s+vale|cwmbran|powys|gwynedd|ceredigion|pembrokeshire|anglesey"
            r"|ynys\s+m[oô]n|rhondda(?:\s+cynon\s+taf)?|conwy|denbighshire|flintshire|monmouthshire|torfaen"
            r"|vale\s+of\s+glamorgan|blaenau\s+gwent|newport\s+city|newport,?\s+(?:gwent|south\s+wales)"
            r"|bangor,?\s+(?:gwynedd|north\s+wales)|bangor\s+university"
            # council areas not named above, and the health boards' areas and names
            r"|isle\s+of\s+anglesey|neath\s+port\s+talbot|glamorgan|gwent|dyfed|" + HEALTH_BOARDS),
    SCOTLAND: (r"glasgow|edinburgh|aberdeen(?:shire)?|dundee|inverness|perth(?!,?\s+(?:australia|wa\b|western))"
               r"|stirling|falkirk|kilmarnock|east\s+kilbride|motherwell|greenock|dumfries(?:\s+and\s+galloway)?"
               r"|fife|(?:north|south)\s+lanarkshire|orkney|shetland|western\s+isles|argyll|moray|kirkcaldy"
               r"|dunfermline|scottish\s+borders|perth\s+and\s+kinross"
               # council areas not named above ("Highland" alone is in _IN_CONTEXT) and health boards' areas
               r"|ayrshire|(?:north|south|east)\s+ayrshire|lothian|midlothian|(?:east|west)\s+lothian|clackmannanshire"
               r"|dunbartonshire|(?:east|west)\s+dunbartonshire|renfrewshire|east\s+renfrewshire|inverclyde|angus\s+council"
               r"|argyll\s+and\s+bute|na\s+h-?eileanan\s+siar|comhairle\s+nan\s+eilean\s+siar|lanarkshire"
               r"|tayside|grampian|forth\s+valley|greater\s+glasgow(?:\s+and\s+clyde)?"),
    NORTHERN_IRELAND: (r"belfast|derry|londonderry|newry|lisburn|armagh|omagh|enniskillen|coleraine|ballymena"
                       r"|craigavon|portadown|antrim|downpatrick|strabane|larne|carrickfergus|banbridge|dungannon"
                       r"|magherafelt|cookstown|newtownabbey|fermanagh|tyrone|co\.?\s+down|county\s+down"
                       r"|bangor,?\s+(?:co\.?|county)\s+down"
                       # council areas not named above
                       r"|ards(?:\s+and\s+north\s+down)?|north\s+down|causeway\s+coast(?:\s+and\s+glens)?"
                       r"|castlereagh|mid\s+ulster|mid\s+and\s+east\s+antrim|mourne"),
    ENGLAND: (r"london|leeds|manchester|birmingham|liverpool|bristol|sheffield|nottingham|leicester|coventry"
              r"|bradford|chester|southampton|portsmouth|plymouth|norwich|brighton|oxford|cambridge|york"
              r"|newcastle\s+upon\s+tyne|newport,?\s+(?:isle\s+of\s+wight|shropshire|essex)|newport\s+pagnell"),
    # Named alone, these are in two nations (unless a longer name above settles it).
    ("england", "wales"): r"newport",
    ("wales", "northern-ireland"): r"bangor",
}

# Public bodies in one nation only, by a name that says what they are. Those named by their area are
# places above ("NHS Lothian", "Hywel Dda", "Gwent Police"); so are Northern Ireland's council areas.
# "Care Inspectorate Wales", "the Care Inspectorate in Wales", "the care inspectorate (Wales)"
_IN_WALES = r"\W*(?:in\s+|for\s+|of\s+)?wales"
_BODIES: dict[tuple[str, ...], str] = {
    NORTHERN_IRELAND: (r"psni|police\s+service\s+of\s+northern\s+ireland|nias|northern\s+ireland\s+ambulance\s+service"
                       r"|rqia|sbni|eani|education\s+authority\s+(?:ni|northern\s+ireland)|hsc\s+trusts?"
                       r"|(?:northern|southern|western|south\s+eastern)\s+(?:hsc|health\s+and\s+social\s+care)\s+trust"
                       r"|northern\s+ireland\s+fire(?:\s+and\s+rescue)?(?:\s+service)?|nifrs|niscc|nihe"
                       r"|northern\s+ireland\s+(?:housing\s+executive|prison\s+service)"),
    # "the Care Inspectorate in Wales" is Care Inspectorate Wales, as people often say it
    SCOTLAND: (r"police\s+scotland|public\s+health\s+scotland|social\s+work\s+scotland|sssc|scra|children'?s\s+reporter"
               rf"|care\s+inspectorate(?!{_IN_WALES})|procurator\s+fiscal|nhs\s+(?:highland|borders)|highland\s+council"
               r"|scottish\s+ambulance\s+service|scottish\s+fire(?:\s+and\s+rescue)?(?:\s+service)?|sfrs|nhs\s+24"
               r"|education\s+scotland|healthcare\s+improvement\s+scotland|disclosure\s+scotland"
               r"|scottish\s+prison\s+service|children'?s\s+hearings\s+scotland"),
    WALES: (r"(?:north|south)\s+wales\s+police|public\s+health\s+wales|social\s+care\s+wales"
            rf"|care\s+inspectorate{_IN_WALES}|ciw|welsh\s+ambulance\s+services?|wast"
            r"|(?:mid\s+and\s+west|north|south)\s+wales\s+fire(?:\s+and\s+rescue)?(?:\s+service)?"
            r"|healthcare\s+inspectorate\s+wales|hiw|estyn|cafcass\s+cymru|powys\s+teaching\s+health\s+board"),
    ENGLAND: (r"nhs\s+england|ofsted|cqc|care\s+quality\s+commission|cafcass(?!\s+cymru)|metropolitan\s+police"
              r"|london\s+fire\s+brigade|(?:london|north\s+west|north\s+east|west\s+midlands|east\s+midlands|yorkshire"
              r"|south\s+central|south\s+western|south\s+east\s+coast|east\s+of\s+england)\s+ambulance\s+service"),
}
# Bodies of one nation whose name alone may be something else: they count only when the question names
# that nation otherwise (see the module's docstring).
_IN_CONTEXT: dict[tuple[str, ...], str] = {
    NORTHERN_IRELAND: r"(?:northern|southern|western|south\s+eastern)\s+trust|education\s+authority",
    SCOTLAND: r"highland",
}


def _compiled(names: dict[tuple[str, ...], str]) -> tuple[tuple[tuple[str, ...], re.Pattern], ...]:
    return tuple((nations, re.compile(rf"(?i)\b(?:{pattern})\b")) for nations, pattern in names.items())


_PATTERNS = _compiled(_PLACES)
_BODY_PATTERNS = _compiled(_BODIES)
_CONTEXT_PATTERNS = _compiled(_IN_CONTEXT)

# One alternation of every place, for the phrases that place the asker there ("a teacher in Cardiff").
ANY_PLACE = "|".join(f"(?:{pattern})" for pattern in _PLACES.values())
# One of every body, with those that count only in context ("I'm a PSNI officer").
ANY_BODY = "|".join(f"(?:{pattern})" for pattern in (*_BODIES.values(), *_IN_CONTEXT.values()))

# The words a place's name can start with ("carmarthen" for "Carmarthenshire"): a question with none of
# them names no place, found with set look-ups where the alternation above costs ~0.1 ms a question.
_LOOKAHEAD = re.compile(r"\(\?!(?:[^()]|\([^()]*\))*\)")  # "(?!,?\s+(?:australia|wa\b))": no name
_FIRST_WORDS = frozenset(word for pattern in _PLACES.values()
                         for word in re.findall(r"(?:^|\||\(\?:)([a-z]+)", _LOOKAHEAD.sub("", pattern)))
# Any word of a body's name but those common in questions (each body keeps a rarer word, or a nation's name):
# a body in context needs its nation named anyway.
_COMMON = frozenset("police service of and the nhs trust trusts health social care council public work children s"
                    " education authority ambulance in for board housing executive services commission improvement fire"
                    " rescue prison teaching mid disclosure".split())
_BODY_WORDS = frozenset(word for pattern in _BODIES.values() for word in
                        re.findall(r"[a-z]+", re.sub(r"\\[a-z]", " ", _LOOKAHEAD.sub("", pattern)))) - _COMMON
_STEM = 5  # a longer first word may go on ("carmarthen" + "shire"); a shorter one ("co" for "Co. Down") is whole
_WORD = re.compile(r"[a-z]+")


def may_name_a_place(words: set[str]) -> bool:
    """Whether any of ``words`` (lower case) could start a place's name or be in a body's: False means none
    is named."""
    return bool(words & _FIRST_WORDS) or bool(words & _BODY_WORDS) or any(
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


def body_nations(text: str) -> set[str]:
    """The nations of the bodies ``text`` names, but for those that count only in context."""
    return {nation for where, pattern in _BODY_PATTERNS if pattern.search(text) for nation in where}


def body_nations_at(text: str, start: int, named: set[str] | frozenset[str]) -> tuple[str, ...]:
    """The nation of the body named at ``start`` of ``text``, read by its longest name ("Southern HSC
    Trust"); one that counts only in context ("Southern Trust") is in its nation only if it is ``named``."""
    found = [(match.end(), not in_context, where)
             for patterns, in_context in ((_BODY_PATTERNS, False), (_CONTEXT_PATTERNS, True))
             for where, pattern in patterns if (match := pattern.match(text, start))]
    if not found:
        return ()
    _, settled, where = max(found)
    return where if settled or set(where) <= set(named) else ()
