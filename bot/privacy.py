"""Remove personal identifiers from practitioners' questions before they are kept.

``redact(text)`` replaces UK personal identifiers with placeholders and says which
kinds it removed::

    >>> redact("GP here - can I tell the school about Jake, NHS 943 476 5919, dob 04/05/2014?")
    Redaction(text='GP here - can I tell the school about Jake, NHS [NHS number], dob [date of birth]?', found=('NHS number', 'date of birth'))

Kinds (the placeholder is the kind in square brackets):

========================  ===================================================================
``NHS number``            10 digits, 3-3-4 or run together; a valid mod-11 check digit, or the
                          word "NHS" shortly before (then the check digit may fail, and the
                          digits may be grouped any way)
``NI number``             National Insurance number, e.g. QQ 12 34 56 C / qq123456c
``email``                 e-mail address, letters of any script, or written out
                          ("j.doe at council dot gov dot uk", "jdoe [at] nhs [dot] net")
``phone``                 UK phone number (07..., 01/02/03/08..., +44 (0)..., 0044 ...) and
                          valid international numbers written with +
``postcode``              full UK postcode, with or without the space (ZZ99 3CZ, m11ae)
``date of birth``         a date introduced by DOB / D.O.B. / date of birth / born (on) / b. /
                          birthday, in figures or words, with or without a weekday
                          ("born on Tuesday the fourth of May 2012", "dob 4th may 12")
``address``               house number + street name + street suffix (14 Acacia Avenue,
                          Flat 3, 22 High Street, 12a Mill Lane, 22 holly grove), a flat in a
                          named building (Flat 2b Orchard Court)
``sort code``             a sort code introduced by "sort code"
``account number``        an 8-digit number introduced by "account (no./number)" or "a/c"
``case id``               a local case identifier after its label: CRN, Mosaic / LCS /
                          Liquidlogic and other case-system IDs, hospital number / MRN, UPN,
                          ULN, CHI number, H&C number, police crime / occurrence / incident
                          references, client / pupil / patient numbers, passport, driving
                          licence and DBS certificate numbers ("case ref" and "ICO reference"
                          are an organisation's own and stay)
``name``                  a person's name where the text shows one: after a title in any case
                          (Mrs Patel, dr. patel, MRS O'NEILL: the title stays), after a word
                          for a person ("my client Priya"), after called / named / known as, a
                          given name and a surname ("Amir Hassan"), a given name shown to be a
                          person ("Priya's mum", "Kayleigh said", "Tomasz (15)"); see
                          bot.names, the one home of that knowledge
========================  ===================================================================

Every pattern reads a *shadow copy* of the text: NFKC-folded, non-breaking and thin spaces made
spaces, dashes made "-", curly apostrophes made "'", zero-width characters dropped, full-width
digits made ASCII. Each character of the copy remembers where it came from, so what is replaced
is the original span, exactly as typed.

When candidates overlap the more specific kind wins (e-mail, then NHS number, NI number,
date of birth, bank details, case id, phone, postcode, address, name), so each value is replaced
exactly once.

The module is pure: no I/O, no Slack (bot.names reads the given-name list shipped with the
gender-guesser package once, on first use). Patterns are compiled once at import. Text with
nothing to remove is returned as the very same string, and redacting a redacted text changes
nothing.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher
from stdnum.gb import nhs as _stdnum_nhs

from bot import names as _name_knowledge

__all__ = ["Redaction", "redact", "redact_question", "KINDS", "MAX_QUESTION_CHARS"]

MAX_QUESTION_CHARS = 4000  # a question is kept (and matched) to this length, cut after redaction
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
NAME = "name"

#: every kind ``redact`` can report, most specific first (also the overlap priority)
KINDS: tuple[str, ...] = (
    EMAIL, NHS, NI, DOB, SORT_CODE, ACCOUNT, CASE_ID, PHONE, POSTCODE, ADDRESS, NAME
)
_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}
# an NHS number known only by its check digit (no "NHS" before it): reported as NHS number,
# but it gives way to a labelled case identifier ("ULN 1234567890") and to a phone number that
# it is merely the tail of
_NHS_BY_CHECK_DIGIT = "NHS number?"
_PRIORITY[_NHS_BY_CHECK_DIGIT] = _PRIORITY[CASE_ID] + 0.5

# --------------------------------------------------------------------------------------
# the shadow copy: what the patterns read
#
# People paste identifiers with non-breaking or zero-width spaces, en and em dashes, curly
# apostrophes and full-width digits. The patterns read a shadow copy in which each such character
# is folded (NFKC, then spaces to " ", dashes to "-", apostrophes to "'", invisible characters
# dropped); every character of the shadow remembers where it came from, so what is replaced is the
# original span, exactly as typed.

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_SPACE_LIKE = frozenset("\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000")
_DASH_LIKE = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_APOSTROPHE_LIKE = frozenset("\u2018\u2019\u02bc\u2032\uff07")
_SLASH_LIKE = frozenset("\u2044\u2215\uff0f")
_DOT_LIKE = frozenset("\u00b7\u2022\u2219\u22c5\u30fb")


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    if ch in _SPACE_LIKE:
        return " "
    if ch in _DASH_LIKE:
        return "-"
    if ch in _APOSTROPHE_LIKE:
        return "'"
    if ch in _SLASH_LIKE:
        return "/"
    if ch in _DOT_LIKE:
        return "."
    return unicodedata.normalize("NFKC", ch)


def _shadow(text: str) -> tuple[str, list[int] | None]:
    """The text the patterns read, and for each of its characters the index of the character of
    ``text`` it came from (None when every character stayed in its place)."""
    if text.isascii():
        return text, None
    table = {}
    growing = []  # characters that fold to nothing or to more than one character
    for ch in set(text):
        if ch > "\x7f":
            folded = _fold(ch)
            if folded != ch:
                table[ord(ch)] = folded
                if len(folded) != 1:
                    growing.append(ch)
    if not table:
        return text, None
    shadow = text.translate(table)
    if not growing:
        return shadow, None
    origin: list[int] = []
    pos = 0
    for m in re.finditer("[" + re.escape("".join(growing)) + "]", text):
        i = m.start()
        origin.extend(range(pos, i))
        origin.extend([i] * len(table[ord(text[i])]))
        pos = i + 1
    origin.extend(range(pos, len(text)))
    return shadow, origin


# --------------------------------------------------------------------------------------
# patterns (ASCII digits only: \d would also match digits of other scripts; the shadow copy has
# already turned full-width digits into ASCII ones)

_HAS_DIGIT = re.compile(r"[0-9]")

# letters of any script (zoë.smith@example.org, józef@przykład.pl); a space either side of the @
_EMAIL = re.compile(
    r"(?<![\w.+'%-])"
    r"[^\W_](?:[\w.%+'-]{0,63})"
    r" ?@ ?"
    r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+"
    r"[^\W\d_]{2,24}"
    r"(?![\w-])"
)
# written out: "j.doe at council dot gov dot uk", "jdoe [at] nhs [dot] net", "jdoe(at)nhs.net"
_WORD_AT = r"(?:[ \t]*[\[({<][ \t]*(?i:at)[ \t]*[\])}>][ \t]*|[ \t]+(?i:at)[ \t]+)"
_WORD_DOT = r"(?:[ \t]*[\[({<][ \t]*(?i:dot)[ \t]*[\])}>][ \t]*|[ \t]+(?i:dot)[ \t]+|[ \t]?\.[ \t]?)"
_TLDS = (
    "uk|com|org|net|gov|nhs|police|sch|ac|co|edu|io|info|me|biz|scot|wales|cymru|eu|ie|de|fr|pl|ro|"
    "lt|lv|es|it|pt|nl|be|in|pk|bd|ng|gh|ke|za|us|ca|au|nz|email|online|care|health|mail"
)
_WRITTEN_EMAIL = re.compile(
    r"(?<![\w.@'-])"
    r"(?P<local>[^\W_](?:[\w%+'-]|\.(?=[^\W_])|[ \t]+(?i:dot)[ \t]+(?=[^\W_]))*)"
    r"(?P<at>" + _WORD_AT + r"|[ \t]*@[ \t]*)"
    r"(?P<domain>(?:[^\W_][\w-]{0,62}" + _WORD_DOT + r"){1,5}(?i:" + _TLDS + r"))"
    r"(?![\w-])"
)
_PLAIN_AT = re.compile(r"[ \t]+(?i:at)[ \t]+")
_AT_ANCHOR = re.compile(r"(?i)\bat\b[ \t]*[\])}>]?[ \t]*|@[ \t]*")
_DOMAIN_AFTER = re.compile(r"[^\W_][\w-]{0,62}" + _WORD_DOT)
_LOCAL_BEFORE = re.compile(
    r"(?<![\w.@'-])[^\W_](?:[\w%+'-]|\.(?=[^\W_])|[ \t]+(?i:dot)[ \t]+(?=[^\W_]))*"
    r"(?:[ \t]*[\[({<][ \t]*|[ \t]+|[ \t]*)$"
)
_WRITTEN_DOT = re.compile(r"(?i)[\[({<][ \t]*dot[ \t]*[\])}>]|[ \t]dot[ \t]|[ \t]\.|\.[ \t]")
_WRITTEN_AT_HINT = re.compile(r"(?i)[\[({<][ \t]*at[ \t]*[\])}>]|\bat\b|@")

# NHS numbers: 3-3-4 (space or dash) or 10 digits together, not glued to other digits or
# letters. One that is only the tail of a phone number ("+44 113 496 0000") loses to the
# phone in redact() unless the text calls it an NHS number.
_NHS_SEP = r"(?:[ ]?[\-./][ ]?|[ ]{1,2})?"
_NHS_CANDIDATE = re.compile(
    r"[0-9](?<![\w+][0-9])(?<![0-9][./-][0-9])[0-9]{2}" + _NHS_SEP + r"[0-9]{3}" + _NHS_SEP + r"[0-9]{4}"
    r"(?!\w)(?![./-][0-9])"
)
_NOT_DIGIT = re.compile(r"[^0-9]")
_TEN_DIGITS = re.compile(r"[0-9](?<![\w+][0-9])(?:[ \-./]?[0-9]){9}(?![0-9])(?![./-][0-9])")
# "NHS", "NHS no.", "NHS number:", "nhs#", "NHS number for Jake is" just before the number
# (not our own "[NHS number]" placeholder, so that redacting twice changes nothing)
_NHS_CONTEXT = re.compile(r"(?i)(?<!\[)\bnhs\b[^0-9\n\[\]]{0,30}$")

# National Insurance numbers: two letters, three pairs of digits, suffix letter A-D.
_NI_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])"
    r"(?P<prefix>[A-Za-z]{2})(?P<sep>[ \-./]?)"
    r"[0-9](?:[ \-./]?[0-9]){5}"
    r"(?:[ \-./]?(?P<suffix>[A-Da-d]))?"
    r"(?![A-Za-z0-9])"
)
_SIX_DIGITS = re.compile(r"[0-9](?<![0-9][0-9])(?:[ \-./]?[0-9]){5}")
_NI_CONTEXT = re.compile(
    r"(?i)(?:(?<!\[)\bni\b|\bn\.i\.?|\bnino\b|\bnational\s+insurance\b)[^0-9\n\[\]]{0,30}$"
)
_NI_BAD_FIRST = set("DFIQUV")
_NI_BAD_SECOND = set("DFIOQUV")
_NI_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
_NI_SPECIMEN = "QQ"  # HMRC's example prefix (QQ 12 34 56 C): never issued, often pasted

# Dates of birth: only when introduced by DOB / D.O.B. / date of birth / born (on) / b.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_DAY = r"(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?|" + _ORDINAL_WORD + r")"
# "2012", "two thousand and twelve", "twenty twelve", "nineteen ninety-eight"
_YEAR_WORDS = (
    r"(?:two\s+thousand(?:(?:\s+and)?\s+(?:" + _TEENS + r"|twenty(?:[\s-]" + _UNITS + r")?|" + _UNITS + r"))?"
    r"|twenty\s+(?:" + _TEENS + r"|twenty(?:[\s-]" + _UNITS + r")?|oh[\s-]" + _UNITS + r")"
    r"|nineteen\s+(?:hundred\s+(?:and\s+)?)?(?:" + _TENS + r"(?:[\s-]" + _UNITS + r")?|" + _TEENS
    + r"|oh[\s-]" + _UNITS + r"))"
)
_YEAR = r"(?:(?:19|20)[0-9]{2}|" + _YEAR_WORDS + r")"
_DATE = (
    r"(?:"
    r"[0-9]{1,2} ?[/.\-] ?[0-9]{1,2} ?[/.\-] ?(?:[0-9]{4}|[0-9]{2})"
    r"|[0-9]{1,2} [0-9]{1,2} (?:19|20)[0-9]{2}"
    r"|(?:19|20)[0-9]{2}[-./](?:1[0-2]|0?[1-9])[-./](?:3[01]|[12][0-9]|0?[1-9])"
    r"|" + _DAY + r"[/.\- ]" + _MONTH + r"[/.\- ](?:" + _YEAR + r"|'?[0-9]{2})"
    r"|" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+(?:" + _YEAR + r"|'[0-9]{2}))?"
    r"|" + _MONTH + r"\s+(?:the\s+)?" + _DAY + r"(?:,?\s+(?:" + _YEAR + r"|'[0-9]{2}))?"
    r"|" + _MONTH + r"\s+" + _YEAR +
    r")(?![0-9A-Za-z])"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
_DOB = re.compile(
    r"(?<![A-Za-z])"
    r"(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born(?:\s+on)?|b\.|birthday)"
    r"[ \t]*(?:[:=\-\u2013\u2014(]|\bis\b|\bwas\b)?[ \t]*(?:(?:the|in|on)[ \t]+)?"
    r"(?:" + _WEEKDAY + r",?[ \t]+(?:the[ \t]+)?)?"
    r"(?P<dates>" + _DATE + r"(?:[ \t]*(?:,|&|\band\b|\bor\b)[ \t]*(?:the[ \t]+)?" + _DATE + r")*)",
    re.IGNORECASE,
)

# Bank details: only with their label.
_SORT_CODE = re.compile(
    r"(?i)\bsort[ \t]?code\b[ \t]*(?:is|:|-)?[ \t]*"
    r"(?P<value>[0-9]{2}[ \-]?[0-9]{2}[ \-]?[0-9]{2})(?![0-9])"
)
_ACCOUNT = re.compile(
    r"(?i)(?:\baccount|\bacc(?:t)?\.?|\ba/c)[ \t]*(?:no\.?|number|num|#)?[ \t]*(?:is|:|-)?[ \t]*"
    r"(?P<value>[0-9]{8})(?![0-9])"
)

# Phone: UK-shaped candidates (a trunk 0 or +44/0044/44, then 9-10 digits in groups, or a "+"
# and 7-15 digits); phonenumbers then checks each candidate. Running PhoneNumberMatcher over
# the whole text would be slower (~0.3 s for 50k characters) and, at the leniency that
# accepts Ofcom's drama ranges, would take years such as "1989" for phone numbers.
_PH_GAP = r"\)?(?:[ \t\u00a0]{0,2}|[ \t\u00a0]?[\-.\u2013][ \t\u00a0]?)\(?"
_PHONE_CANDIDATE = re.compile(
    r"(?=[+0(4])(?<![\w+])(?:"
    r"(?:\+|00)[ \t\u00a0]?44[ \t\u00a0\-.]?(?:\(0\)[ \t\u00a0\-.]?)?\(?[1-9](?:" + _PH_GAP + r"[0-9]){8,9}"
    r"|\(?0[1-9](?:" + _PH_GAP + r"[0-9]){8,9}"
    r"|0[1-9][0-9]{1,3}/[ \t\u00a0]?[0-9]{3,4}[ \t\u00a0\-]?[0-9]{3,4}"  # area code / number
    r"|44[ \t\u00a0]?[1-9](?:" + _PH_GAP + r"[0-9]){8,9}"  # pasted without the "+"
    r"|\+[ \t\u00a0]?[1-9](?:" + _PH_GAP + r"[0-9]){6,14}"
    r")(?![0-9])"
)

# Local case identifiers, only after their label: probation CRN, children's and adults' social
# care systems (Mosaic, LCS, Liquidlogic, ...), hospital number / MRN, UPN, ULN, CHI number
# (Scotland), H&C number (Northern Ireland), police crime / occurrence / incident references.
# Not "case ref" or "ICO reference": organisations' own file references are not about a person.
_SYSTEMS = (
    r"mosaic|lcs|liquid[ \t]?logic|eclipse|ehm|care[ \t]?first|paris|azeus|frameworki|protocol|rio"
    r"|systm[ \t]?one|emis|cpoms|my[ \t]?concern|n?delius|oasys|wcccis|capita[ \t]+one|servelec|swift"
    r"|niche|athena|storm|pnc|pnd|cro"
)
_ID_WORD = r"(?:id|i\.d\.|no\.?|nbr|number|num|ref(?:erence)?(?:[ \t]+(?:no\.?|number))?|#)"
_CASE_LABEL = (
    r"(?:"
    r"(?:" + _SYSTEMS + r")[ \t]*(?:(?:person|client|case|child|adult|record|nominal)[ \t]+)?" + _ID_WORD +
    r"|(?:mosaic|lcs|liquid[ \t]?logic|wcccis)"
    r"|crn|case[ \t]+reference[ \t]+number"
    r"|hospital[ \t]+" + _ID_WORD + r"|hosp\.?[ \t]*" + _ID_WORD + r"|mrn|m\.r\.n\.?"
    r"|medical[ \t]+record[ \t]+" + _ID_WORD + r"|unit[ \t]+number|k[ \t]+number"
    r"|upn|unique[ \t]+pupil[ \t]+number|uln|unique[ \t]+learner[ \t]+number"
    r"|chi(?:[ \t]+" + _ID_WORD + r")?|community[ \t]+health[ \t]+index(?:[ \t]+" + _ID_WORD + r")?"
    r"|h[ \t]?(?:&|\+|and)[ \t]?c(?:[ \t]+" + _ID_WORD + r")?|health[ \t]+and[ \t]+care[ \t]+" + _ID_WORD +
    r"|crime[ \t]+" + _ID_WORD + r"|police[ \t]+(?:incident[ \t]+|log[ \t]+|crime[ \t]+)?" + _ID_WORD +
    r"|occurrence[ \t]+" + _ID_WORD + r"|occ[ \t]+" + _ID_WORD + r"|incident[ \t]+" + _ID_WORD +
    r"|log[ \t]+" + _ID_WORD + r"|cad[ \t]+" + _ID_WORD + r"|urn|custody[ \t]+(?:record[ \t]+)?" + _ID_WORD +
    # a person's number in any system, and the national documents people are asked for
    r"|(?:client|person|patient|pupil|student|learner|service[ \t]+user|su|resident|tenant|customer)[ \t]+"
    + _ID_WORD +
    r"|passport(?:[ \t]+" + _ID_WORD + r")?|driving[ \t]+licen[cs]e(?:[ \t]+" + _ID_WORD + r")?"
    r"|dbs(?:[ \t]+certificate)?[ \t]+" + _ID_WORD +
    r")"
)
_CASE_ID = re.compile(
    r"(?i)(?<![\w\[])" + _CASE_LABEL + r"(?![\w])"
    r"[ \t]*(?:is|was|:|=|-|#)?[ \t]*(?:" + _ID_WORD + r"[ \t]*)?:?[ \t]*"
    r"(?P<value>[A-Za-z]{0,6}[/\-.]?[0-9](?:[A-Za-z0-9]|[/\-.](?=[A-Za-z0-9])|[ ](?=[0-9]{3,}(?![A-Za-z])))*)"
    r"(?![\w])"
)
_MIN_CASE_ID_DIGITS = 4
# the first word of every label above, to find where a label may start
_CASE_KEYWORDS = tuple(
    """mosaic lcs liquid eclipse ehm care paris azeus frameworki protocol rio systm emis cpoms myconcern
    delius ndelius oasys wcccis capita servelec swift niche athena storm pnc pnd cro crn case hospital
    hosp mrn m.r.n medical upn unique uln chi community health crime police occurrence occ incident
    cad urn custody client person patient pupil student learner service resident tenant customer
    passport driving dbs""".split()
) + ("my concern", "unit number", "unit no", "k number", "k no", "h&c", "h & c", "h+c", "h + c",
     "h and c", "hc number", "log no", "log number", "log ref", "su id", "su no", "su number")

# Postcodes: outward code of a real postcode area (plus ZZ, the NHS pseudo-postcode area, and
# BF/BX), then the inward code.
_POSTCODE_AREAS = (
    "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL "
    "DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW "
    "KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM "
    "S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR "
    "WS WV YO ZE ZZ"
).split()
_POSTCODE_AREA_SET = frozenset(_POSTCODE_AREAS)
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
_STREET_SUFFIXES = (
    "Road Rd Street St Avenue Ave Av Lane Ln Close Drive Dr Way Crescent Cres Court Ct Place Pl "
    "Grove Gr Gardens Gdns Terrace Terr Walk Row Hill Square Sq Mews Park View Rise Parade Pde "
    "Green Vale Wharf Yard Boulevard Circus Chase Croft Fold Gate Wynd Brae Broadway Embankment "
    "Quay Hollow Meadow Meadows Mount Bank Heights Villas Cottages"
).split()
# in capitals only the suffixes that are not also verbs ("2 KIDS WALK HOME" is not an address)
_UPPER_SUFFIXES = (
    "ROAD STREET AVENUE LANE CRESCENT GARDENS TERRACE MEWS GROVE SQUARE BOULEVARD PARADE "
    "EMBANKMENT COTTAGES VILLAS"
).split()
_SUFFIX_ALT = "|".join(sorted(_STREET_SUFFIXES + _UPPER_SUFFIXES, key=len, reverse=True))
_NAME_WORD = r"(?:St\.?|[A-Z][a-z\u2019']+(?:-[A-Z][a-z\u2019']+)?|[A-Z][A-Z\u2019']{2,})"
# (Each address pattern starts at the house number, so that the search skips to digits at C speed;
# what may come before the number, "Flat 3, " or "lives at ", is looked for just before a match.)
_ADDRESS = re.compile(
    r"(?P<number>[0-9](?<![0-9][0-9])[0-9]{0,3}[A-Za-z]?(?:[ \t]*-[ \t]*[0-9]{1,4}[A-Za-z]?)?),?[ \t]+"
    r"(?P<name>(?:" + _NAME_WORD + r"[ \t]+){1,3})"
    r"(?P<suffix>" + _SUFFIX_ALT + r")\.?"
    r"(?![\w\u2019'])"
)
# Addresses typed in lower case ("lives at 22 high street"): only after a word that introduces a
# place, with street suffixes that are not also everyday words, and no function words in the name.
_LOWER_SUFFIXES = (
    "road rd street st avenue ave lane ln close drive dr crescent cres gardens gdns terrace grove "
    "square sq mews parade pde boulevard cottages villas way view walk park place court row rise hill "
    "green"
).split()
_FUNCTION_WORDS = (
    "the a an of on in to at by for from with and or but my his her their our your its this that these "
    "those is are was were be been down up over under into onto out off miles mins minutes hours days"
).split()
_LOWER_NAME_WORD = r"(?!(?:" + "|".join(_FUNCTION_WORDS) + r")\b)[a-z][a-z’'-]+"
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
_PLACE_KEYWORDS = ("liv", "stay", "resid", "mov", "addr", "home")
_FLAT_BEFORE = re.compile(r"(?i)\b(?:flat|apartment|apt|unit|room)[ \t]+[0-9]{1,4}[a-z]?[ \t]*,?[ \t]*$")
_NOT_BEFORE_A_NUMBER = frozenset("/.,:\u00a3$\u20ac%-")

# Lower-case addresses anywhere ("police were called to 22 holly grove"): only with the street
# words that are nothing else, no measure or function word in the name ("a 3 bedroom terrace",
# "the 2 lane road"), and not after an article ("the 3 estate road").
_ANYWHERE_SUFFIXES = (
    "road rd street st avenue ave lane ln crescent cres gardens gdns terrace grove mews boulevard "
    "cottages villas"
).split()
# street words that are also everyday words ("a 2 hour drive", "3 very close friends"): anywhere
# only after one or two name words that are no quantity, measure, adjective or function word
_EVERYDAY_SUFFIXES = "drive close way walk view park place court square hill green row rise".split()
_NOT_IN_STREET_NAMES = (set(_ANYWHERE_SUFFIXES + _EVERYDAY_SUFFIXES) | set(_FUNCTION_WORDS) | set(
    """mile miles min mins minute minutes hour hours hr hrs day days week weeks month months year years
    metre metres meter meters foot feet yard yards storey story stories bed beds bedroom bedrooms seat
    seater door doors car cars lane lanes ways times people kids children year-old very really quite so
    too more most less least much many long short big small little good bad great nice new old other
    different separate whole half full extra same next last first second third few several tiny huge
    large main side quick slow fast easy hard steep narrow wide safe unsafe nearby local further
    hospital school schools staff students pupils parents families cases calls visits reports
    meetings sessions steps points star stars team teams""".split()
)) - {"st"}
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
    "Villas Cottages Mews Terrace Square Wharf Quay Works Mill Yard Place Close View"
).split()
_FLAT_IN_BUILDING = re.compile(
    r"(?i)\b(?:flat|apartment|apt|unit)[ \t]+[0-9]{1,4}[a-z]?[ \t]*,?[ \t]+"
    r"(?:(?!(?:" + "|".join(_FUNCTION_WORDS) + r")\b)[a-z][a-z'\u2019-]+[ \t]+){1,3}"
    r"(?:" + "|".join(_BUILDINGS) + r")\b"
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
}

# --------------------------------------------------------------------------------------
# detectors: each yields (start, end, kind)


_LOCAL_CHARS = frozenset("._%+'-_")  # and letters and digits of any script


def _emails(text: str):
    at = text.find("@")
    end = 0
    while at != -1:
        # back from the "@" over what an address's local part may hold, then match from there
        start = at - 1 if at > 0 and text[at - 1] == " " else at
        while start > 0 and at - start < 66 and (text[start - 1].isalnum() or text[start - 1] in _LOCAL_CHARS):
            start -= 1
        while start < at and not text[start].isalnum():
            start += 1
        m = _EMAIL.match(text, start) if start >= end else None
        if m:
            end = m.end()
            yield m.start(), m.end(), EMAIL
        at = text.find("@", max(at + 1, end))
    if _WRITTEN_AT_HINT.search(text):
        for m in _written_emails(text):
            local, at, domain = m.group("local", "at", "domain")
            if "@" in at:
                if not _WRITTEN_DOT.search(domain):
                    continue  # a plain address: _EMAIL's
            elif _PLAIN_AT.fullmatch(at) and not (
                _WRITTEN_DOT.search(domain)
                or _WRITTEN_DOT.search(local)
                or re.search(r"[._0-9]", local)
                or not _name_knowledge.is_common_word(local)
            ):
                continue  # "look at gov.uk", "she works at nhs.net": a word, "at", a web address
            yield m.start(), m.end(), EMAIL


def _keyword_starts(text: str, keywords: tuple[str, ...]) -> list[int] | None:
    """Sorted positions where one of the lower-case ``keywords`` starts a word of ``text`` (any
    case), found at C speed; None when lower-casing would move positions (then search it all)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    starts = set()
    for keyword in keywords:
        i = lowered.find(keyword)
        while i != -1:
            if i == 0 or not lowered[i - 1].isalnum():
                starts.add(i)
            i = lowered.find(keyword, i + 1)
    return sorted(starts)


def _matches_at(pattern: re.Pattern[str], text: str, keywords: tuple[str, ...]):
    """pattern.finditer(text), trying only where a keyword starts a word."""
    starts = _keyword_starts(text, keywords)
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            end = m.end()
            yield m


def _written_emails(text: str):
    """_WRITTEN_EMAIL's matches, looked for only around an "at" (or "@") followed by a domain."""
    end = 0
    for anchor in _AT_ANCHOR.finditer(text):
        if anchor.start() < end or not _DOMAIN_AFTER.match(text, anchor.end()):
            continue
        local = _LOCAL_BEFORE.search(text, max(end, anchor.start() - 80), anchor.start())
        if not local:
            continue
        m = _WRITTEN_EMAIL.match(text, local.start())
        if m:
            end = m.end()
            yield m


def _case_ids(text: str):
    for m in _matches_at(_CASE_ID, text, _CASE_KEYWORDS):
        value = m.group("value")
        if sum(c.isdigit() for c in value) >= _MIN_CASE_ID_DIGITS:
            yield m.start("value"), m.end("value"), CASE_ID


def _nhs_numbers(text: str):
    for m in _NHS_CANDIDATE.finditer(text):
        start = m.start()
        if _NHS_CONTEXT.search(text, max(0, start - 40), start):
            yield start, m.end(), NHS
        elif _stdnum_nhs.is_valid(_NOT_DIGIT.sub("", m.group())):
            yield start, m.end(), _NHS_BY_CHECK_DIGIT
    # after "NHS", ten digits in any grouping ("NHS 943 4765 919", "nhs no 94 34 76 59 19")
    if "nhs" in text.lower():
        for m in _TEN_DIGITS.finditer(text):
            if _NHS_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
                yield m.start(), m.end(), NHS


def _ni_prefix_ok(prefix: str) -> bool:
    prefix = prefix.upper()
    if prefix == _NI_SPECIMEN:
        return True
    return (
        prefix[0] not in _NI_BAD_FIRST
        and prefix[1] not in _NI_BAD_SECOND
        and prefix not in _NI_BAD_PREFIX
    )


def _starts_before(text: str, anchors: re.Pattern[str], back: int):
    """Positions up to ``back`` characters before each match of ``anchors`` (a digit pattern):
    where a pattern that opens with letters ("QQ", "LS") may start. Searching from the digits
    skips the text at C speed; a pattern that starts with a letter would be tried at every one."""
    last = -1
    for a in anchors.finditer(text):
        for start in range(max(0, a.start() - back, last + 1), a.start()):
            yield start
        last = a.start() - 1


def _matches_before_digits(pattern: re.Pattern[str], text: str, anchors: re.Pattern[str], back: int):
    end = 0
    for start in _starts_before(text, anchors, back):
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            end = m.end()
            yield m


def _ni_numbers(text: str):
    for m in _matches_before_digits(_NI_CANDIDATE, text, _SIX_DIGITS, 3):
        prefix, sep, suffix = m.group("prefix"), m.group("sep"), m.group("suffix")
        context = _NI_CONTEXT.search(text, max(0, m.start() - 40), m.start()) is not None
        if context:
            yield m.start(), m.end(), NI
            continue
        # Without the label: a possible prefix, the suffix letter, and either written solid
        # ("qq123456c") or in capitals ("QQ 12 34 56 C") so that "on 123456 a day" survives.
        if suffix and _ni_prefix_ok(prefix) and (not sep or prefix.isupper()):
            if sep and suffix.islower():
                continue
            yield m.start(), m.end(), NI


# the first letters of every label of _DOB, to find where one may start
_DOB_KEYWORDS = ("dob", "d.o", "d o", "d. o", "do.", "do b", "date", "born", "b.", "birthday")


def _dates_of_birth(text: str):
    for m in _matches_at(_DOB, text, _DOB_KEYWORDS):
        start = m.start("dates")
        chunk = m.group("dates")
        for d in _DATE_RE.finditer(chunk):
            yield start + d.start(), start + d.end(), DOB


def _bank_details(text: str):
    for pattern, kind, keywords in (
        (_SORT_CODE, SORT_CODE, ("sort",)),
        (_ACCOUNT, ACCOUNT, ("acc", "a/c")),
    ):
        for m in _matches_at(pattern, text, keywords):
            yield m.start("value"), m.end("value"), kind


_DATE_LIKE = re.compile(r"[0-9]{1,2}[./-][0-9]{1,2}[./-](?:19|20)?[0-9]{2}(?![0-9])")


def _phone_numbers(text: str):
    for c in _PHONE_CANDIDATE.finditer(text):
        if _DATE_LIKE.match(c.group()):
            continue  # "07.08.2019 10.30": a date and a time
        for start, end in _phones_in(c.group()):
            start, end = c.start() + start, c.start() + end
            if text[start] == "(" and ")" not in text[start:end]:
                start += 1  # "(07700 900456, ..." keeps its bracket, as "... 900456)" keeps its own
            yield start, end, PHONE


@lru_cache(maxsize=1024)
def _phones_in(candidate: str) -> tuple[tuple[int, int], ...]:
    """Spans of the phone numbers phonenumbers finds in one candidate (e.g. "+44 (0)20 ...")."""
    return tuple(
        (m.start, m.end)
        for m in PhoneNumberMatcher(candidate, "GB", leniency=Leniency.POSSIBLE)
        if _is_phone(m.raw_string, m.number)
    )


def _is_phone(raw: str, number: phonenumbers.PhoneNumber) -> bool:
    lead = raw.lstrip("( \t")
    international = lead.startswith(("+", "00", "44"))
    if number.country_code == 44:
        # written the way people write UK numbers (a trunk 0 or an international prefix) and
        # of a possible length; not "valid", which would miss Ofcom's drama ranges
        # (07700 900xxx, 01632 960xxx) and any range allocated after this metadata
        return (international or lead.startswith("0")) and phonenumbers.is_possible_number(number)
    return international and phonenumbers.is_valid_number(number)


def _postcodes(text: str):
    for m in _matches_before_digits(_POSTCODE, text, _POSTCODE_DIGIT, 2):
        if m.group("area").upper() not in _POSTCODE_AREA_SET:
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
    """ "s16LA" (Children Act 2004 section 16LA): a section written solid with a lower-case "s" and
    capital letters after the number, or right after "Act 2004", is no postcode."""
    value = m.group()
    if m.group("area") not in ("s", "S") or " " in value or "\t" in value or "\u00a0" in value:
        return False
    letters = m.group("inward")[1:]
    if value[0] == "s" and letters.isupper():
        return True
    return _ACT_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None


def _number_starts_here(text: str, start: int) -> bool:
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


def _addresses(text: str):
    for m in _ADDRESS.finditer(text):
        if not _number_starts_here(text, m.start()):
            continue
        suffix = m.group("suffix").lower()
        last_word = m.group("name").split()[-1].lower()
        if last_word in _NOT_STREETS.get(suffix, ()):
            continue
        yield _with_flat(text, m.start()), m.end(), ADDRESS
    for place in _matches_at(_PLACE_WORD_THEN_NUMBER, text, _PLACE_KEYWORDS):
        m = _LOWER_ADDRESS.match(text, place.end())
        if m:
            yield place.start("flat") if place.group("flat") else m.start(), m.end(), ADDRESS
    for m in _ANYWHERE_ADDRESS.finditer(text):
        if not _number_starts_here(text, m.start()):
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
        yield _with_flat(text, m.start()), m.end(), ADDRESS
    lowered = text.lower()
    if "flat" in lowered or "apartment" in lowered or "apt" in lowered or "unit" in lowered:
        for m in _FLAT_IN_BUILDING.finditer(text):
            yield m.start(), m.end(), ADDRESS


def _names(text: str):
    """People's names, where the text gives evidence of one: see bot.names.name_spans."""
    for start, end in _name_knowledge.name_spans(text):
        yield start, end, NAME


_DIGIT_DETECTORS = (
    _nhs_numbers,
    _ni_numbers,
    _bank_details,
    _case_ids,
    _phone_numbers,
    _postcodes,
    _addresses,
)

# --------------------------------------------------------------------------------------


def _inside_a_phone(span: tuple[int, int, str], phones: list[tuple[int, int]]) -> bool:
    """Is this NHS number known only by its check digit just a part of a longer phone number?"""
    start, end, kind = span
    if kind != _NHS_BY_CHECK_DIGIT:
        return False
    i = bisect_right(phones, (start, 1 << 62)) - 1
    if i < 0:
        return False
    p_start, p_end = phones[i]
    return p_start <= start and end <= p_end and (p_end - p_start) > (end - start)


def _spans(text: str) -> list[tuple[int, int, str]]:
    """Every identifier found in ``text``: (start, end, kind) in ``text``'s own positions, not
    overlapping, in order. Each kind is read from the shadow copy (see _shadow)."""
    shadow, origin = _shadow(text)
    spans: list[tuple[int, int, str]] = [*_emails(shadow), *_names(shadow), *_dates_of_birth(shadow)]
    if _HAS_DIGIT.search(shadow):
        for detector in _DIGIT_DETECTORS:
            spans.extend(detector(shadow))
    if not spans:
        return []

    phones = sorted((start, end) for start, end, kind in spans if kind == PHONE)
    if phones:
        spans = [span for span in spans if not _inside_a_phone(span, phones)]

    # most specific kind first, then earliest, then longest; keep what does not overlap
    spans.sort(key=lambda s: (_PRIORITY[s[2]], s[0], s[0] - s[1]))
    taken = bytearray(len(shadow))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if start < end and not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            kind = NHS if kind == _NHS_BY_CHECK_DIGIT else kind
            if origin is not None:
                start, end = origin[start], origin[end - 1] + 1
            kept.append((start, end, kind))
    kept.sort()
    return kept


def redact(text: str) -> Redaction:
    """Replace personal identifiers in ``text`` with placeholders such as ``[NHS number]``."""
    if not text:
        return Redaction(text, ())
    kept = _spans(text)
    if not kept:
        return Redaction(text, ())

    pieces: list[str] = []
    found: list[str] = []
    pos = 0
    for start, end, kind in kept:
        if start < pos:  # two spans folded from one character ("\u2026"): the first one has it
            continue
        pieces.append(text[pos:start])
        pieces.append(f"[{kind}]")
        pos = end
        if kind not in found:
            found.append(kind)
    pieces.append(text[pos:])
    return Redaction("".join(pieces), tuple(found))


def redact_question(question: str, limit: int = MAX_QUESTION_CHARS) -> Redaction:
    """Redact a whole question, then cut it to ``limit`` characters. Cutting first could leave half an
    identifier ("jane.doe@exam") that no pattern recognises; cutting after never splits a placeholder."""
    redaction = redact(question[:MAX_INPUT_CHARS])
    return redaction._replace(text=_clip_outside_placeholders(redaction.text, limit))


def _clip_outside_placeholders(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    clipped = text[:limit]
    opening = clipped.rfind("[")
    if opening != -1 and "]" not in clipped[opening:]:
        clipped = clipped[:opening]
    return clipped.rstrip()
