"""Addresses without a house number: a house name and its street ("Rose Cottage, Mill Lane", "The Old
Rectory, Church Street"), a house name or a street after a word that introduces a place ("lives at
Ivy House", "moved to Larch Close"), and Welsh street names after a number ("3 Heol y Felin")."""

from __future__ import annotations

import re

from bot.privacy.kinds import ADDRESS
from bot.privacy.places import FUNCTION_WORDS, STREET_SUFFIXES, number_starts_here
from bot.privacy.scanning import keyword_starts, lower_case, matches_at

# the last word of a house's name: "Rose Cottage", "The Old Rectory", "Meadow View Farm"
_HOUSE_WORDS = (
    "Cottage Cottages House Barn Barns Farm Farmhouse Lodge Rectory Vicarage Manse Parsonage Mill Hall "
    "Manor Grange Bungalow Villa Croft Cabin Chalet Bothy Steading Byre Stables Granary Oast Smithy "
    "Forge Schoolhouse Coach-House Gatehouse Mews Nook Retreat Haven"
).split()
_NAME_WORD = r"(?:(?:Mc|Mac|O')?[A-Z][a-z\u2019']+(?:-[A-Z]?[a-z\u2019']+)?|St\.?)"
# a street named without a number: one to three capitalised words and a street word
_STREET = (
    r"(?:" + _NAME_WORD + r"[ \t]+){1,3}(?:" + "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True)) + r")\.?"
    r"(?!\w|[\u2019'][\w])"
)
_STREET_AFTER = re.compile(r"[ \t]*,?[ \t]*\n?[ \t]*(?P<street>" + _STREET + r")")
# words that make the name an institution or a public building, not someone's home
_NOT_HOMES = frozenset(
    """town city county council civic court crown police fire station church chapel school college
    university hospital health medical children's childrens children family youth community care
    nursing residential day government parliament white opera guest public leisure sports club
    bank customs trust charity refuge hostel halfway safe women's womens""".split()
)
# a word that introduces a place, then a house name or a street without a number
_PLACE_WORD = re.compile(
    r"(?i)\b(?:(?:lives|living|live|staying|stays|resides|residing|moved|moving|address(?:[ \t]+is)?|addr)"
    r"(?:[ \t]+(?:alone|on[ \t]+(?:her|his|their|my)[ \t]+own|by[ \t]+(?:her|him|them|my)sel(?:f|ves)))?"
    r"(?:[ \t]+(?:at|on|in|into|to|is))?[ \t]*:?"
    r"|home(?:[ \t]+(?:address|is|at)|[ \t]*:))"  # not "a Home Farm Trust service"
    r"[ \t]+(?=(?-i:The[ \t]|[A-Z]))"
)
_PLACE_KEYWORDS = ("liv", "stay", "resid", "mov", "addr", "home")
# a house word alone is no house's name ("at the Cottage Hospital"): "The" or a name word before it
_HOUSE_NAME = re.compile(
    r"(?:The[ \t]+(?:" + _NAME_WORD + r"[ \t]+){0,3}|(?:" + _NAME_WORD + r"[ \t]+){1,3})"
    r"(?:" + "|".join(_HOUSE_WORDS) + r")(?!\w|[\u2019'][\w])"
)
_STREET_RE = re.compile(_STREET)
# after a place word, any name then a street: "lives at Oakwood, Hill Top Lane"
_ANY_HOUSE_THEN_STREET = re.compile(
    r"(?:The[ \t]+)?(?:" + _NAME_WORD + r"[ \t]+){0,2}" + _NAME_WORD + r"[ \t]*,[ \t]*(?P<street>" + _STREET + r")"
)

# Welsh street names after a house number: "3 Heol y Felin", "12 Llys Gwyn", "7 Maes y Coed"
_WELSH_STREETS = (
    "Heol Ffordd Stryd Lon L\u00f4n Llys Maes Bryn Cae Parc Rhodfa Cwrt Plas Clos Teras Nant Coed Ty T\u0177 "
    "Gwel Cilgant Rhes Pentre Tir Erw Dol D\u00f4l Cefn Ael Glan Llwyn Tan Penrhos Penlan Bro Pant Bron Cwm Gwern"
).split()
_WELSH_WORD = r"(?:y|yr|'r|\u2019r|[A-Z][a-z\u00e0-\u00ff\u0175\u0177'\u2019]+)"
_WELSH_ADDRESS = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]{0,3}[A-Za-z]?,?[ \t]+(?:" + "|".join(_WELSH_STREETS) + r")"
    r"(?:(?:[ \t]+|-)" + _WELSH_WORD + r"){1,3}(?!\w|[\u2019'][\w])"
)
# in lower case, only the street words that are no English word: "41 ffordd las", "3 heol y nant"
_WELSH_LOWER = re.compile(
    r"(?i)[0-9](?<![0-9][0-9])[0-9]{0,3}[a-z]?,?[ \t]+"
    r"(?:heol|ffordd|stryd|l[o\u00f4]n|llys|maes|rhodfa|cilgant|teras|cwrt|clos|plas|parc|rhes|nant)"
    r"(?:(?:[ \t]+|-)(?:y|yr|'r|(?!(?:" + "|".join(FUNCTION_WORDS) + r")\b)[a-z\u00e0-\u00ff\u0175\u0177]+)){1,3}"
    r"(?!\w|[\u2019'][\w])"
)
# a Welsh house name ("T\u0177 Gwyn", "Bwthyn Bach", "Hafod Wen") or a Welsh street with no number
# ("Ffordd y Parc", "L\u00f4n Isaf")
_WELSH_HOUSE = r"(?:T\u0177|Ty|Bwthyn|Hafod|Plas|Bryn|Tyddyn|Ffermdy|Fferm)(?:[ \t]+" + _WELSH_WORD + r"){1,2}"
_WELSH_STREET = (
    r"(?:Heol|Ffordd|Stryd|L\u00f4n|Lon|Llys|Maes|Rhodfa|Cilgant|Teras)(?:(?:[ \t]+|-)" + _WELSH_WORD + r"){1,3}"
)
# A house name, then a comma and its street: searched from the commas followed by a street, then the
# name looked for just before the comma. The name: words and a house word ("Rose Cottage", "The Old
# Rectory"), a Welsh house name ("T\u0177 Gwyn", "Bwthyn Bach"), a name in quotes ('"Rosedale"'), or one
# word with an ending that names houses ("Greenacres", "Oakdene")
_WELSH_HOUSE_NAME = re.compile(_WELSH_HOUSE + r"(?!\w|[\u2019'][\w])")  # "lives at Ty Gwyn"
_COMMA_THEN_CAPITAL = re.compile(r",[ \t]*\n?[ \t]*(?=[A-Z])")
_STREET_OR_WELSH_STREET = re.compile(r"(?:" + _STREET + r"|" + _WELSH_STREET + r"(?!\w|[\u2019'][\w]))")
_HOUSE_BEFORE_COMMA = re.compile(
    r"(?<![\w\u2019'])(?:"
    r"(?:The[ \t]+)?(?:" + _NAME_WORD + r"[ \t]+){1,3}(?:" + "|".join(_HOUSE_WORDS) + r")"
    r"|" + _WELSH_HOUSE +
    r"|[\"\u201c'\u2018](?:" + _NAME_WORD + r"[ \t]?){1,3}[\"\u201d'\u2019]"
    r"|[A-Z][a-z]{2,}(?:acres|dale|dene|wood|field|fields|lea|leigh|view|side|croft|holme|hurst|ley|lands|stead"
    r"|mead|garth|haven|ridge|brook|bank|hayes|thorpe|ways|gables|trees|oaks|pines|elms|hollies|lawns|mount|wold)"
    r")[ \t]*$"
)


# Where someone lives, named with no number: a house name after "at" ("neighbours at Rose Cottage",
# "at the Bayview Guest House", "pitch 14 at Cherry Tree Caravan Park"); a name after a word for a
# home and "is" ("Refuge is Ashgrove Lodge", "farmhouse is Hendre Fawr", "hostel is the Foyer on Dock
# Street"); a name before a word for a home after "at", "in", "into", "to" ("placed at Willow Bank
# children's home"; not the name of a refuge alone, "Grace House refuge"); part of a house at a name
# ("the annexe at Brambles, Long Lane"); a townland ("at Tullyreagh, the townland"); a PO box; a
# street after "they're on" / "his mate's on" and its house number in the next words ("Number 42");
# a person's room ("she's in room 4")
_AT_HOUSE = re.compile(
    r"at[ \t]+(?:the[ \t]+)?(?P<value>(?:The[ \t]+(?:" + _NAME_WORD + r"[ \t]+){0,3}|(?:" + _NAME_WORD
    + r"[ \t]+){1,3})(?:" + "|".join(_HOUSE_WORDS) + r"|Caravan[ \t]+(?:Park|Site))(?!\w|[\u2019'][\w]))"
)
_HOME_IS = re.compile(
    r"(?i)(?<![\w])(?:refuge|hostel|farmhouse|farm|placement|b&b|foyer|house|home)[ \t]+(?:is|was|:)[ \t]+"
    r"(?:the[ \t]+)?(?P<value>(?-i:" + _NAME_WORD + r")(?:[ \t]+(?-i:" + _NAME_WORD + r")){0,2}"
    r"(?:[ \t]+on[ \t]+(?-i:" + _STREET + r"))?)(?!\w|[\u2019'][\w])"
)
_HOME_WORD = re.compile(
    r"(?i)(?<![\w])(?:children'?s[ \t]+home|care[ \t]+home|hostel|refuge|supported[ \t]+(?:housing|lodgings)|b&b)\b"
)
_HOME_KEYWORDS = ("children", "care", "hostel", "refuge", "supported", "b&b")
_NAME_BEFORE_HOME = re.compile(
    r"(?<![\w])(?:at|in|into|to)[ \t]+(?:the[ \t]+)?(?P<value>(?:" + _NAME_WORD + r"[ \t]+){1,3})$"
)
_PART_OF_A_HOUSE = re.compile(
    r"(?i)(?<![\w])(?:annexe?|granny[ \t]+flat|bedsit|static|caravan)[ \t]+(?:at|of|behind)[ \t]+(?=[A-Z])"
)
_TOWNLAND_WORD = re.compile(r"(?i)(?<![\w])townland\b")
_TOWNLAND_BEFORE = re.compile(r"(?<![\w\u2019'])(?P<value>[A-Z][a-z]{3,}),?[ \t]+(?:the[ \t]+|a[ \t]+)?$")
_TOWNLAND_AFTER = re.compile(r"(?i:townland)(?:[ \t]+(?:of|called))?[ \t]+(?P<value>[A-Z][a-z]{3,})")
_PO_BOX = re.compile(r"(?i)(?<![\w])P\.?[ \t]?O\.?[ \t]*Box[ \t]*(?:no\.?[ \t]*)?[0-9]{1,6}(?![0-9])")
_ON_STREET = re.compile(r"on[ \t]+(?P<value>" + _STREET + r")")
_BEFORE_ON = ("'re ", "\u2019re ", "'s ", "\u2019s ", " are ", " is ", " was ", " were ")
_HOUSE_NUMBER_NEXT = re.compile(
    r"[^\n]{0,12}?(?<![\w])(?P<value>(?:[Nn]umber|[Nn]o\.?)[ \t]*[0-9]{1,4}[A-Za-z]?)(?![\w/])"
)
_ROOM = re.compile(r"(?i)room[ \t]+[0-9]{1,3}[a-z]?(?![\w])")
# an address given in quotes: "gave his address as 'the tent behind Aldi on Fletton Avenue'"
_QUOTED_ADDRESS = re.compile(
    r"(?i)address[ \t]+(?:as|is|was|given[ \t]+as|:)[ \t]*['\"\u2018\u201c]"
    r"(?P<value>[^'\"\u2019\u201d\n\[]{3,80})['\"\u2019\u201d]"
)
# what a record says when there is no address to give
_NO_ADDRESS = re.compile(
    r"(?i)^\s*(?:unknown|none|n/?a|nfa|not[ \t]+known|withheld|no[ \t]+fixed[ \t]+(?:abode|address)|homeless"
    r"|of[ \t]+no[ \t]+fixed)\b"
)
# a house number, then its street: "the family at number 27 on Rowan Way", "no. 4 in Mill Lane"
_NUMBER_ON_STREET = re.compile(
    r"(?<![\w])(?:[Nn]umber|[Nn]o\.?)[ \t]*[0-9]{1,4}[A-Za-z]?[ \t]+(?:on|in|of|down)[ \t]+(?:the[ \t]+)?" + _STREET
)
# courts, business and public parks: not where someone lives
_NOT_SITES = _NOT_HOMES | frozenset(
    "magistrates coroners combined high appeal supreme business retail industrial science car".split()
)
_SITE_WORD = re.compile(
    r"(?i)(?:estate|park|site|court|towers)[ \t]*,?[ \t]*(?:block|flat|plot|pitch|unit|no|number)\b"
)
# a block, flat or plot on a named estate or site: "the Beechwood estate, block C", "Sunnyvale park, plot 14"
_PLACE_ON_A_SITE = re.compile(
    r"(?<![\w\u2019'])(?:" + _NAME_WORD + r"[ \t]+){1,2}(?:[Ee]state|[Pp]ark|[Ss]ite|[Cc]ourt|[Tt]owers)[ \t]*,?[ \t]*"
    r"(?:[Bb]lock|[Ff]lat|[Pp]lot|[Pp]itch|[Uu]nit|[Nn]o\.?|[Nn]umber)[ \t]*[A-Z0-9]{1,4}(?![\w])"
)
_PERSON_IN = re.compile(
    r"(?i)(?<![\w])(?:she|he|they|mum|dad)(?:'s|\u2019s|'re|\u2019re|[ \t]+is|[ \t]+are|[ \t]+lives)[ \t]+in[ \t]+$"
)


# a house name anywhere, when its last word names nothing but a home: "Rose Cottage, out past the farm
# shop", "Hillview Farm keeps showing up", "police went to The Old Rectory"
_HOME_ONLY_WORDS = (
    "Cottage Farm Farmhouse Barn Bungalow Rectory Vicarage Manse Grange Steading Bothy Smithy Oast"
).split()
_HOME_ONLY_WORD = re.compile(r"(?<![\w\u2019'])(?:" + "|".join(_HOME_ONLY_WORDS) + r")(?![\w]|[\u2019'][\w])")
_NAME_BEFORE_HOME_WORD = re.compile(r"(?<![\w\u2019'])(?:The[ \t]+)?(?:" + _NAME_WORD + r"[ \t]+){1,3}$")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
# farms and barns that are businesses or public places, not someone's home
_NOT_HOME_FARMS = frozenset(
    """animal wind solar fish city dairy open urban pet petting working organic model home national
    tithe threshing""".split()
)


def _house_names_anywhere(text: str):
    for word in _HOME_ONLY_WORD.finditer(text):
        m = _NAME_BEFORE_HOME_WORD.search(text, max(0, word.start() - 48), word.start())
        if not m:
            continue
        name_words = {w.lower() for w in m.group().split()}
        if name_words & (_NOT_HOMES | _NOT_HOME_FARMS) or _CAPITAL_NEXT.match(text, word.end()):
            continue  # "Home Farm Trust", "Grange Farm Road", "Cottage Hospital"
        yield m.start(), word.end(), ADDRESS


def _named_homes(text: str):
    for m in matches_at(_AT_HOUSE, text, ("at",)):
        if _is_home(m.group("value")) or "guest" in m.group("value").lower():
            yield m.start("value"), m.end("value"), ADDRESS
    for m in matches_at(_PART_OF_A_HOUSE, text, ("annex", "granny", "bedsit", "static", "caravan")):
        house = _ANY_HOUSE_THEN_STREET.match(text, m.end()) or _HOUSE_NAME.match(text, m.end())
        if house:
            yield house.start(), house.end(), ADDRESS
    for m in matches_at(_HOME_IS, text, ("refuge", "hostel", "farm", "placement", "b&b", "foyer", "house", "home")):
        if _is_home(m.group("value")):
            yield m.start("value"), m.end("value"), ADDRESS
    for home in matches_at(_HOME_WORD, text, _HOME_KEYWORDS):
        m = _NAME_BEFORE_HOME.search(text, max(0, home.start() - 60), home.start())
        if not m:
            continue
        value = m.group("value").rstrip()
        if not value.startswith(("The ", "A ", "St ")) and not any(
            word.lower() in _NOT_NAMED_HOMES for word in value.split()
        ):
            yield m.start("value"), m.start("value") + len(value), ADDRESS
    for word in matches_at(_TOWNLAND_WORD, text, ("townland",)):
        m = _TOWNLAND_BEFORE.search(text, max(0, word.start() - 30), word.start()) or _TOWNLAND_AFTER.match(
            text, word.start()
        )
        if m:
            yield m.start("value"), m.end("value"), ADDRESS
    for m in matches_at(_PO_BOX, text, ("po", "p.o", "p o")):
        yield m.start(), m.end(), ADDRESS
    for m in matches_at(_ON_STREET, text, ("on",)):
        if not text.endswith(_BEFORE_ON, max(0, m.start() - 6), m.start()):
            continue
        yield m.start("value"), m.end("value"), ADDRESS
        number = _HOUSE_NUMBER_NEXT.match(text, m.end())
        if number:
            yield number.start("value"), number.end("value"), ADDRESS
    for m in matches_at(_QUOTED_ADDRESS, text, ("address",)):
        if not _NO_ADDRESS.search(m.group("value")):
            yield m.start("value"), m.end("value"), ADDRESS
    for m in matches_at(_NUMBER_ON_STREET, text, ("number", "no")):
        yield m.start(), m.end(), ADDRESS
    if _SITE_WORD.search(text):
        for m in _PLACE_ON_A_SITE.finditer(text):
            if not {word.lower() for word in m.group().split()} & _NOT_SITES:
                yield m.start(), m.end(), ADDRESS
    for m in matches_at(_ROOM, text, ("room",)):
        if _PERSON_IN.search(text, max(0, m.start() - 16), m.start()):
            yield m.start(), m.end(), ADDRESS


# before "hostel", "refuge", "children's home": the names of organisations that run them
_NOT_NAMED_HOMES = (_NOT_HOMES - {"bank"}) | frozenset(
    "salvation army ymca ywca aid local authority borough our their his her my a an".split()
)


def _is_home(name: str) -> bool:
    return not any(word.lower() in _NOT_HOMES for word in name.split())


def house_addresses(text: str):
    """House names with their street, and house names or streets after a place word."""
    for comma in _COMMA_THEN_CAPITAL.finditer(text):
        street = _STREET_OR_WELSH_STREET.match(text, comma.end())
        if not street:
            continue
        house = _HOUSE_BEFORE_COMMA.search(text, max(0, comma.start() - 60), comma.start())
        if house and _is_home(house.group()):
            yield house.start(), street.end(), ADDRESS
    for place in matches_at(_PLACE_WORD, text, _PLACE_KEYWORDS):
        m = _ANY_HOUSE_THEN_STREET.match(text, place.end())
        if m and _is_home(text[m.start():m.start("street")]):  # "Ashgrove, Church Lane": a home on Church Lane
            yield m.start(), m.end(), ADDRESS
            continue
        m = (_HOUSE_NAME.match(text, place.end()) or _WELSH_HOUSE_NAME.match(text, place.end())
             or _STREET_RE.match(text, place.end()))
        if m and _is_home(m.group()):
            street = _STREET_AFTER.match(text, m.end()) if m.re is _HOUSE_NAME else None
            yield m.start(), street.end("street") if street else m.end(), ADDRESS
    yield from _named_homes(text)
    yield from _house_names_anywhere(text)


# public bodies and areas named like a street: "the 3 Cwm Taf Morgannwg localities", "Bro Morgannwg"
_WELSH_BODY = re.compile(r"(?i)\b(?:morgannwg|cwm[ \t]+taf)\b")
_WELSH_KEYWORDS = tuple(word.lower() for word in _WELSH_STREETS)
_WELSH_WORD_SET = frozenset(_WELSH_KEYWORDS)
_LETTERS = re.compile(r"[^\W\d_]+")


def _has_a_welsh_street_word(text: str) -> bool:
    starts = keyword_starts(text, _WELSH_KEYWORDS)
    if starts is None:
        return True  # it could not be told: look
    lowered = lower_case(text)
    return any(_LETTERS.match(lowered, i).group() in _WELSH_WORD_SET for i in starts)


def welsh_addresses(text: str):
    if not _has_a_welsh_street_word(text):
        return
    for pattern in (_WELSH_ADDRESS, _WELSH_LOWER):
        for m in pattern.finditer(text):
            if number_starts_here(text, m.start()) and not _WELSH_BODY.search(m.group()):
                yield m.start(), m.end(), ADDRESS
