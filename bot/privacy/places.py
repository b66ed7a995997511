"""Places: UK postcodes and street addresses (house number and street, a flat in a named building)."""

from __future__ import annotations

import re

from bot import names as _name_knowledge
from bot.privacy.kinds import ADDRESS, POSTCODE
from bot.privacy.scanning import matches_at, matches_before_digits

# Patterns use ASCII digits only: \d would also match digits of other scripts; the shadow copy
# (bot.privacy.folding) has already turned full-width digits into ASCII ones.

# Postcodes: outward code of a real postcode area (plus ZZ, the NHS pseudo-postcode area, and
# BF/BX), then the inward code.
_POSTCODE_AREAS = (
    "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL "
    "DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW "
    "KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM "
    "S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR "
    "WS WV YO ZE ZZ"
).split()
POSTCODE_AREA_SET = frozenset(_POSTCODE_AREAS)
_POSTCODE = re.compile(
    r"(?P<outward>(?P<area>[A-Za-z](?<![A-Za-z0-9][A-Za-z])[A-Za-z]?)[0-9][A-Za-z0-9]?)"
    r"[ \t\u00a0]{0,2}"
    r"(?P<inward>[0-9][A-Za-z]{2})"
    r"(?![A-Za-z0-9])"
)
_POSTCODE_DIGIT = re.compile(r"[0-9](?<![0-9][0-9])")  # the outward code's first digit
_ORDINAL_ENDINGS = {"st", "nd", "rd", "th"}
# inward codes never use C I K M O V, except in the NHS's ZZ99 pseudo-postcodes (ZZ99 3CZ)
_INWARD_LETTERS = set("ABDEFGHJLNPQRSTUWXYZ")

# Street addresses: house number, one to three capitalised words, a street suffix.
STREET_SUFFIXES = (
    "Road Rd Street St Avenue Ave Av Lane Ln Close Drive Dr Way Crescent Cres Court Ct Place Pl "
    "Grove Gr Gardens Gdns Terrace Terr Walk Row Hill Square Sq Mews Park View Rise Parade Pde "
    "Green Vale Wharf Yard Boulevard Circus Chase Croft Fold Gate Wynd Brae Broadway Embankment "
    "Quay Hollow Meadow Meadows Mount Bank Heights Villas Cottages Brow End Loan Vennel Copse Dale Glade "
    "Garth Glen Heath Lea Leys Ridge Spinney Paddock Promenade Esplanade Causeway Pk Cl Top Bottom "
    # plural names of small estates, mostly after "The": "5 The Paddocks", "2 The Maltings"
    "Paddocks Maltings Orchards Willows Limes Elms Beeches Poplars Firs Pines Oaks Laurels Hollies Cedars "
    "Birches Glebe Sidings Brambles Cloisters Ridings Pastures Chestnuts Sycamores Rowans Hawthorns "
    "Acre Acres Fields Race Approach Fold Nook Pastures"
).split()
# in capitals only the suffixes that are not also verbs ("2 KIDS WALK HOME" is not an address)
_UPPER_SUFFIXES = (
    "ROAD STREET AVENUE LANE CRESCENT GARDENS TERRACE MEWS GROVE SQUARE BOULEVARD PARADE "
    "EMBANKMENT COTTAGES VILLAS"
).split()
_SUFFIX_ALT = "|".join(sorted(STREET_SUFFIXES + _UPPER_SUFFIXES, key=len, reverse=True))
_NAME_WORD = r"(?:St\.?|[A-Z][a-z\u2019']+(?:-[A-Z][a-z\u2019']+)?|[A-Z][A-Z\u2019']{2,})"
# (Each address pattern starts at the house number, so that the search skips to digits at C speed;
# what may come before the number, "Flat 3, " or "lives at ", is looked for just before a match.)
_ADDRESS = re.compile(
    r"(?P<number>[0-9](?<![0-9][0-9])[0-9]{0,3}[A-Za-z]?(?:[ \t]*-[ \t]*[0-9]{1,4}[A-Za-z]?)?),?[ \t]+"
    r"(?P<name>(?:" + _NAME_WORD + r"[ \t]+){1,3})"
    r"(?P<suffix>" + _SUFFIX_ALT + r")\.?"
    r"(?!\w|[\u2019'][\w])"
)
# Addresses typed in lower case ("lives at 22 high street"): only after a word that introduces a
# place, with street suffixes that are not also everyday words, and no function words in the name.
_LOWER_SUFFIXES = (
    "road rd street st avenue ave lane ln close drive dr crescent cres gardens gdns terrace grove "
    "square sq mews parade pde boulevard cottages villas way view walk park place court row rise hill "
    "green av brow chase croft heights bank wynd fold gate brae meadow meadows mount dale glade garth glen "
    "heath lea ridge paddock promenade esplanade causeway quay wharf yard end hollow approach vale circus "
    "broadway embankment copse loan vennel"
).split()
FUNCTION_WORDS = (
    "the a an of on in to at by for from with and or but my his her their our your its this that these "
    "those is are was were be been down up over under into onto out off miles mins minutes hours days"
).split()
_LOWER_NAME_WORD = r"(?!(?:" + "|".join(FUNCTION_WORDS) + r")\b)[a-z][a-z’'-]+"
_LOWER_ADDRESS = re.compile(
    r"[0-9]{1,4}[a-z]?,?\s+(?:" + _LOWER_NAME_WORD + r"\s+){1,3}"
    r"(?:" + "|".join(sorted(_LOWER_SUFFIXES, key=len, reverse=True)) + r")\.?\b",
    re.IGNORECASE,
)
_PLACE_WORD_THEN_NUMBER = re.compile(
    r"(?i)\b(?:lives|living|live|staying|stays|resides|residing|moved|moving|address(?:\s+is)?|addr|home)"
    r"(?:\s+(?:at|on|to|in|is))?\s*:?\s+"
    r"(?P<flat>(?:flat|apartment|apt|unit)\s+[0-9]{1,4}[a-z]?\s*,?\s*)?(?=[0-9])"
)
# "they live at number 14": a house number alone, after a place word and "number"
_PLACE_WORD_THEN_HOUSE_NUMBER = re.compile(
    r"(?i)\b(?:lives|living|live|staying|stays|resides|residing|moved|moving)(?:\s+(?:at|to|into))?\s+"
    r"(?P<value>(?:number|no\.?|house\s+number)\s*[0-9]{1,4}[a-z]?)(?![\w/.,][0-9])\b(?![ \t]+(?-i:[A-Z]))"
)
# after a place word, a number and a capitalised name with no street word: "lives at 7 Oakfield"
_NUMBER_AND_NAME = re.compile(
    r"[0-9]{1,4}[A-Za-z]?,?[ \t]+(?!(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|am|pm|o'?clock|days?|weeks?|months?|years?|hours?|times?)[a-z]*\b)"
    r"(?:" + _NAME_WORD + r")(?:[ \t]+" + _NAME_WORD + r"){0,2}(?!\w|[\u2019'][\w])"
)
_PLACE_KEYWORDS = ("liv", "stay", "resid", "mov", "addr", "home")
_FLAT_BEFORE = re.compile(r"(?i)\b(?:flat|apartment|apt|unit|room)[ \t]+[0-9]{1,4}[a-z]?[ \t]*,?[ \t]*$")
# one-word street names: "4 Kirkgate", "12 Westgate", "3 Burnside", "7 Ashfield" (not "3 Outside")
_ONE_WORD_STREET = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]{0,3}[A-Za-z]?,?[ \t]+(?P<word>[A-Z][a-z]{2,}(?:gate|side|field|fields|croft|dale|bank"
    r"|moor|holme|garth|lands|leys|thorpe|lea|mead|brae|wynd|loan|brow|ridge|crescent))(?!\w|[\u2019'][\w])"
)
_FIRST_DIGIT = re.compile(r"[0-9]")
_NOT_BEFORE_A_NUMBER = frozenset("/.,:\u00a3$\u20ac%-")

# Lower-case addresses anywhere ("police were called to 22 holly grove"): only with the street
# words that are nothing else, no measure or function word in the name ("a 3 bedroom terrace",
# "the 2 lane road"), and not after an article ("the 3 estate road").
_ANYWHERE_SUFFIXES = (
    "road rd street st avenue ave lane ln crescent cres gardens gdns terrace terr grove mews boulevard "
    "cottages villas cl ct pl sq pde parade wynd brae brow croft esplanade promenade causeway"
).split()
# street words that are also everyday words ("a 2 hour drive", "3 very close friends"): anywhere
# only after one or two name words that are no quantity, measure, adjective or function word
_EVERYDAY_SUFFIXES = (
    "drive close way walk view park place court square hill green row rise chase heights meadows quay wharf"
).split()
# words that name streets ("new street", "old kent road", "main road") but also say how many of what
# ("2 new road signs"): in a street name only after a word that puts someone at a place ("at", "to")
_STREET_ADJECTIVES = frozenset("new old main long little great big upper lower".split())
_AT_A_PLACE = frozenset("at to on near from attended visited lives live living moved".split())
_NOT_IN_STREET_NAMES = (set(_ANYWHERE_SUFFIXES + _EVERYDAY_SUFFIXES) | set(FUNCTION_WORDS) | set(
    """mile miles min mins minute minutes hour hours hr hrs day days week weeks month months year years
    metre metres meter meters foot feet yard yards storey story stories bed beds bedroom bedrooms seat
    seater door doors car cars lane lanes ways times people kids children year-old very really quite so
    too more most less least much many long short big small little good bad great nice new old other
    different separate whole half full extra same next last first second third few several tiny huge
    large main side quick slow fast easy hard steep narrow wide safe unsafe nearby local further
    hospital school schools staff students pupils parents families cases calls visits reports
    meetings sessions steps points star stars team teams""".split()
)) - {"st"} - _STREET_ADJECTIVES
_ANYWHERE_ADDRESS = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]{0,3}[a-z]?(?:/[0-9]{1,4}[a-z]?)?,?[ \t]+"
    r"(?P<name>(?:(?:st\.?|[a-z][a-z'\u2019-]+)[ \t]+){1,3})"
    r"(?P<suffix>" + "|".join(sorted(_ANYWHERE_SUFFIXES + _EVERYDAY_SUFFIXES, key=len, reverse=True))
    + r")\.?(?![\w'])",
    re.IGNORECASE,
)
_ARTICLES = frozenset(
    "the a an my our your his her their these those about over under around within than only all "
    "every some last next first top of".split()
)
# "Flat 2b Orchard Court", "flat 12, rowan house": a flat and its building, without a house number
_BUILDINGS = (
    "Court House Lodge Mansions Tower Towers Heights Buildings Point Block Hall Apartments Gardens "
    "Villas Cottages Mews Terrace Square Wharf Quay Works Mill Yard Place Close View Hse Ho Ct Bldgs Twr"
).split()
_FLAT_IN_BUILDING = re.compile(
    r"(?i)\b(?:flat|apartment|apt|unit)[ \t]+[0-9]{1,4}[a-z]?[ \t]*,?[ \t]+"
    r"(?:(?!(?:" + "|".join(FUNCTION_WORDS) + r")\b)[a-z][a-z'\u2019-]+[ \t]+){1,3}"
    r"(?:" + "|".join(_BUILDINGS) + r")\b"
)
# "Flat 10, Block C, Park Hill", "Plot 4, Meadow View Caravan Park", "pitch 12, Riverside Park":
# a flat in a lettered block of a named estate, a plot or pitch on a named site
_FLAT_KEYWORDS = ("flat", "apartment", "apt", "unit", "plot", "pitch", "berth")
_FLAT_IN_BLOCK = re.compile(
    r"(?i)\b(?:(?:flat|apartment|apt|unit)[ \t]+[0-9]{1,4}[a-z]?[ \t]*,?[ \t]+block[ \t]+[a-z0-9]{1,3}"
    r"|(?:plot|pitch|berth)[ \t]+[0-9]{1,4}[a-z]?)[ \t]*,?[ \t]+"
    r"(?-i:(?:[A-Z][a-z'\u2019-]+[ \t]+){0,3}[A-Z][a-z'\u2019-]+)"
)

# "2 Family Court hearings", "the 3 Business Park units": institutions, not addresses
_NOT_STREETS = {
    "court": {"family", "crown", "youth", "magistrates", "magistrates'", "magistrates\u2019",
              "county", "high", "supreme", "coroner's", "coroners", "coroner\u2019s", "civil",
              "criminal", "appeal", "appeals", "district", "juvenile", "the"},
    "park": {"business", "retail", "industrial", "science", "car", "theme", "national",
             "country", "skate", "water", "holiday", "caravan", "the"},
    "place": {"safe", "the", "first", "second", "third", "last"},
    "view": {"point", "the"},
    "way": {"the", "one", "two", "no", "this", "that"},
    "bank": {"food", "the", "blood", "data", "milk"},
    "approach": {"step", "stage", "tier", "phase", "level", "point", "new", "whole", "joint", "the", "family",
                 "team", "school", "systemic", "holistic", "graduated", "trauma", "strengths", "person"},
    "fields": {"the", "data", "form", "text", "required"},
}


def postcodes(text: str):
    for m in matches_before_digits(_POSTCODE, text, _POSTCODE_DIGIT, 2):
        if m.group("area").upper() not in POSTCODE_AREA_SET:
            continue
        inward = m.group("inward")
        # "KS2 3rd", "Y9 2nd": an ordinal in lower case is not an inward code
        if inward[1:] in _ORDINAL_ENDINGS:
            continue
        if not m.group("outward").upper().startswith("ZZ") and not _INWARD_LETTERS.issuperset(
            inward[1:].upper()
        ):
            continue
        if _is_a_section(text, m):
            continue
        yield m.start(), m.end(), POSTCODE


_ACT_BEFORE = re.compile(r"(?i)\b(?:act|acts|section|sections|under|of)\b[ \t]*(?:19|20)?[0-9]{0,2}[ \t,]*$")


def _is_a_section(text: str, m: re.Match[str]) -> bool:
    """ "s16LA", "ss16LA-16LC" (Children Act 2004 section 16LA, sections 16LA to 16LC): a section written
    solid with a lower-case "s" (or "ss") and capital letters after the number, or right after "Act 2004",
    is no postcode."""
    value = m.group()
    if m.group("area") not in ("s", "S", "ss", "SS") or " " in value or "\t" in value or "\u00a0" in value:
        return False
    letters = m.group("inward")[1:]
    if value[0] == "s" and letters.isupper():
        return True
    return _ACT_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None


def number_starts_here(text: str, start: int) -> bool:
    """A house number must not be glued to what comes before it ("£12", "1/2", "v2", "3.5")."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in _NOT_BEFORE_A_NUMBER)


def _with_flat(text: str, start: int) -> int:
    """Where the address starting at ``start`` really starts: at "Flat 3, " if that comes just before."""
    before = text[max(0, start - 24) : start].lower()
    if not any(word in before for word in ("flat", "apartment", "apt", "unit", "room")):
        return start
    m = _FLAT_BEFORE.search(text, max(0, start - 24), start)
    return m.start() if m else start


# "16 the crescent", "4 The Paddocks": a number and "the" before a street word that is nothing else
_THE_STREET_WORDS = (
    "crescent avenue grove mews parade boulevard esplanade promenade spinney paddocks maltings cloisters "
    "sidings willows limes elms beeches poplars firs pines laurels hollies cedars birches glebe brambles "
    "ridings pastures chestnuts sycamores rowans hawthorns orchards"
).split()
_NUMBER_THE_STREET = re.compile(
    r"(?i)[0-9](?<![0-9][0-9])[0-9]{0,3}[a-z]?,?[ \t]+the[ \t]+(?:"
    + "|".join(_THE_STREET_WORDS)
    + r"|close(?=[ \t]*(?:[,.;:!?)\u2013\u2014-]|$)))(?![\w'\u2019])"
)


def addresses(text: str):
    for m in _ADDRESS.finditer(text):
        if not number_starts_here(text, m.start()):
            continue
        suffix = m.group("suffix").lower()
        last_word = m.group("name").split()[-1].lower()
        if last_word in _NOT_STREETS.get(suffix, ()):
            continue
        yield _with_flat(text, m.start()), m.end(), ADDRESS
    for m in _ONE_WORD_STREET.finditer(text):
        if number_starts_here(text, m.start()) and not _name_knowledge.is_common_word(m.group("word")):
            yield _with_flat(text, m.start()), m.end(), ADDRESS
    for place in matches_at(_PLACE_WORD_THEN_NUMBER, text, _PLACE_KEYWORDS):
        m = _LOWER_ADDRESS.match(text, place.end()) or _NUMBER_AND_NAME.match(text, place.end())
        if m:
            yield place.start("flat") if place.group("flat") else m.start(), m.end(), ADDRESS
    for m in _ANYWHERE_ADDRESS.finditer(text):
        if not number_starts_here(text, m.start()):
            continue
        words = m.group("name").lower().split()
        if any(w in _NOT_IN_STREET_NAMES for w in words):
            continue
        suffix = m.group("suffix").lower()
        if suffix in _EVERYDAY_SUFFIXES and (len(words) > 2 or words[0] in _ORDINAL_ENDINGS):
            continue
        if words[-1] in _NOT_STREETS.get(suffix, ()):
            continue  # "2 Family Court hearings"
        before = text[max(0, m.start() - 20) : m.start()].split()
        if before and before[-1].lower() in _ARTICLES:
            continue
        if any(w in _STREET_ADJECTIVES for w in words) and not (
            suffix in _ANYWHERE_SUFFIXES and before and before[-1].lower() in _AT_A_PLACE
        ):
            continue  # "2 new road signs", not "she is at 31 new street"
        yield _with_flat(text, m.start()), m.end(), ADDRESS
    for m in _NUMBER_THE_STREET.finditer(text):
        if number_starts_here(text, m.start()):
            yield _with_flat(text, m.start()), m.end(), ADDRESS
    for pattern in (_FLAT_IN_BUILDING, _FLAT_IN_BLOCK):
        for m in matches_at(pattern, text, _FLAT_KEYWORDS):
            yield m.start(), m.end(), ADDRESS
    for m in matches_at(_PLACE_WORD_THEN_HOUSE_NUMBER, text, _PLACE_KEYWORDS):
        # "lives at no. 14 rowan way": the street after the number goes with it
        street = _LOWER_ADDRESS.match(text, m.start("value") + _FIRST_DIGIT.search(m.group("value")).start())
        yield m.start("value"), street.end() if street else m.end("value"), ADDRESS

