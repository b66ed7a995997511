"""Numbers: NHS numbers, National Insurance numbers, bank details (with their labels), phone
numbers and local case identifiers (after their labels)."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher
from stdnum.gb import nhs as _stdnum_nhs

from bot.privacy.kinds import ACCOUNT, CASE_ID, LABELLED_CASE_ID, NHS, NHS_BY_CHECK_DIGIT, NI, PHONE, SORT_CODE
from bot.privacy.scanning import lower_case, matches_at, matches_before_digits

# Patterns use ASCII digits only: \d would also match digits of other scripts; the shadow copy
# (bot.privacy.folding) has already turned full-width digits into ASCII ones.

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
# "jt 48 21 93 c": the layout HMRC prints, in pairs, which lower case keeps; not after a word of two
# letters ("we pay on 12 34 56 a day")
_NI_IN_PAIRS = re.compile(
    r"(?!(?i:on|in|at|is|it|to|so|no|go|up|us|we|me|he|an|as|or|of|by|my|be|do|am|pm|ok) )"
    r"[A-Za-z]{2} [0-9]{2} [0-9]{2} [0-9]{2} [A-Da-d]")
_NI_SPELT_OUT = re.compile(r"(?<![A-Za-z0-9])[A-Z] [A-Z](?: [0-9]){6} [A-D](?![A-Za-z0-9])")
_NI_BAD_FIRST = set("DFIQUV")
_NI_BAD_SECOND = set("DFIOQUV")
_NI_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
_NI_SPECIMEN = "QQ"  # HMRC's example prefix (QQ 12 34 56 C): never issued, often pasted

# Bank details: only with their label ("sort code", "sort-code", "s/c", "SC", "bank details"),
# which may be followed by "no.", "number", "is", "of", "being", ":" before the value.
_BANK_FILLER = r"(?:[ \t]*(?:no\.?|number|num|#|is|was|of|being|:|-|=|\((?:[a-z ]{0,12})\)))*[ \t]*"
_SORT_VALUE = r"(?P<value>[0-9]{2}(?P<sep>[ \t]?[\-./][ \t]?|[ \t]?)[0-9]{2}(?P=sep)[0-9]{2})(?![0-9])"
_SORT_CODE = re.compile(
    r"(?i)(?<![\w\[])(?:(?:bank[ \t]+)?sort[ \t\-]?code|s/c|s\.c\.?|sc|sort)(?![\w])" + _BANK_FILLER + _SORT_VALUE
)
# "bank details: 12-34-56 / 12345678", "bank: 12-34-56 12345678": a sort code and an account number
_BANK_DETAILS = re.compile(
    r"(?i)(?<![\w\[])bank(?:[ \t]+(?:details|account))?(?![\w])" + _BANK_FILLER
    + _SORT_VALUE + r"(?:[ \t]*[,/;&+][ \t]*|[ \t]+(?:and[ \t]+)?|[ \t]*\n[ \t]*)"
    r"(?:(?:acc(?:oun)?t|a/c)[ \t]*(?:no\.?|number|num|#)?[ \t]*:?[ \t]*)?"
    r"(?P<account>[0-9]{8}|[0-9]{4}[ \-][0-9]{4})(?![0-9])"
)
# a sort code next to an account number, with no label: "pay into 60 83 71 / 22910045"
# (it opens with a digit, not a group, so that the search skips to digits at C speed)
_BANK_PAIR = re.compile(
    r"[0-9](?<![0-9.,/][0-9])[0-9](?P<sep>[ \-.])[0-9]{2}(?P=sep)[0-9]{2}(?P<gap>[ \t]*(?:[,/;&]|and)?[ \t]*)"
    r"(?P<account>[0-9]{8})(?![0-9.,/]?[0-9])"
)
# IBAN: country, check digits, then the account in groups ("GB29 NWBK 6016 1331 9268 19")
_IBAN = re.compile(
    r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Z][0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"
)
_ACCOUNT = re.compile(
    r"(?i)(?:\baccount|\bacc(?:t)?\.?|\ba/c)[ \t]*(?:no\.?|number|num|#)?[ \t]*(?:is|:|-)?[ \t]*"
    r"(?P<value>[0-9]{8}|[0-9]{4}[ \-][0-9]{4}|[0-9]{2}(?P<sep>[ \-])[0-9]{2}(?P=sep)[0-9]{2}(?P=sep)[0-9]{2})"
    r"(?![0-9])(?![\-./][0-9])"
)

# Phone: UK-shaped candidates (a trunk 0 or +44/0044/44, then 9-10 digits in groups, or a "+"
# and 7-15 digits); phonenumbers then checks each candidate. Running PhoneNumberMatcher over
# the whole text would be slower (~0.3 s for 50k characters) and, at the leniency that
# accepts Ofcom's drama ranges, would take years such as "1989" for phone numbers.
_PH_GAP = r"\)?(?:[ \t\u00a0]{0,2}|[ \t\u00a0]?[\-.\u2013\u2014][ \t\u00a0]?)\(?"
_PHONE_CANDIDATE = re.compile(
    r"(?=[+0(4])(?<![\w+])(?:"
    r"(?:(?:\+|00)[ \t\u00a0]?44|\((?:\+|00)[ \t\u00a0]?44\))[ \t\u00a0\-.]?(?:\(0\)[ \t\u00a0\-.]?)?\(?[1-9]"
    r"(?:" + _PH_GAP + r"[0-9]){8,9}"
    r"|\(?0[1-9](?:" + _PH_GAP + r"[0-9]){8,9}"
    r"|0[1-9][0-9]{1,3}/[ \t\u00a0]?[0-9]{3,4}[ \t\u00a0\-]?[0-9]{3,4}"  # area code / number
    r"|07[0-9](?:[ \t\u00a0]?/?[ \t\u00a0]?[0-9]){8}"  # a mobile in groups split by slashes
    r"|44[ \t\u00a0]?[1-9](?:" + _PH_GAP + r"[0-9]){8,9}"  # pasted without the "+"
    r"|(?:\+|00)[ \t\u00a0]?[1-9](?:" + _PH_GAP + r"[0-9]){6,14}"  # abroad: "+92 300 ...", "0092 300 ..."
    r")(?![0-9])"
)

# The UK country code in any bracket and sign order, with or without the trunk 0: "+(44) 7700 ...",
# "(+44)7700...", "+ 44 (0)7700 ...", "0044-7700-...", "+[44] ...", "(+44 0) 7700 ...", "00(44) ..."
_S = r"[ \t\u00a0]?"
_COUNTRY_CODE = (
    r"(?:[(\[]" + _S + r"(?:\+" + _S + r"|00" + _S + r")?44" + _S + r"(?:0" + _S + r")?[)\]]"
    r"|(?:\+" + _S + r"|00" + _S + r")[(\[]" + _S + r"44" + _S + r"[)\]]"
    r"|(?:\+" + _S + r"|00[ \t\u00a0\-.]?)44)"
)
_TRUNK_ZERO = r"(?:[ \t\u00a0\-.]{0,2}(?:[(\[]" + _S + r"0" + _S + r"[)\]]|0(?=[ \t\u00a0\-.]{0,2}[1-9])))?"
_BRACKETED_COUNTRY_PHONE = re.compile(
    r"(?<![\w+(\[])" + _COUNTRY_CODE + _TRUNK_ZERO
    + r"[ \t\u00a0\-.]{0,2}\(?[1-9](?:" + _PH_GAP + r"[0-9]){8,9}(?![0-9])"
)
_UK_NATIONAL = re.compile(r"^(?:00)?44(?:0(?=[1-9]))?")


def _bracketed_country_phones(text: str):
    """UK numbers with the country code written in any bracket and sign order (see _COUNTRY_CODE),
    checked by phonenumbers as "+44" and the national number."""
    at = text.find("44")
    while at != -1:
        for m in _BRACKETED_COUNTRY_PHONE.finditer(text, max(0, at - 6), at + 60):
            national = _UK_NATIONAL.sub("", _NOT_DIGIT.sub("", m.group()))
            if phonenumbers.is_possible_number(phonenumbers.parse("+44" + national)):
                yield m.start(), m.end(), PHONE
            at = max(at, m.end())
            break
        at = text.find("44", at + 2)


# Local case identifiers, only after their label: probation CRN, children's and adults' social
# care systems (Mosaic, LCS, Liquidlogic, ...), hospital number / MRN, UPN, ULN, CHI number
# (Scotland), H&C number (Northern Ireland), police crime / occurrence / incident references.
# Not "case ref" or "ICO reference": organisations' own file references are not about a person.
_SYSTEMS = (
    r"mosaic|lcs|liquid[ \t]?logic|eclipse|ehm|care[ \t]?first|paris|azeus|framework[ \t-]?i|protocol|rio"
    r"|systm[ \t]?one|emis|cpoms|my[ \t]?concern|n?delius|oasys|wcc?cis|capita[ \t]+one|servelec|swift"
    r"|niche|athena|storm|pnc|pnd|cro|opal|cjs|nomis|a[ \t]?&[ \t]?e"
)
# police forces and the fraud reporting centre, before their reference: "Police Scotland ref", "PSNI log"
_POLICE = r"police(?:[ \t]+scotland)?|psni|gmp|wmp|btp|mps|action[ \t]+fraud|nfib"
_ID_WORD = r"(?:id|i\.d\.|no\.?|nbr|number|num|ref(?:erence)?(?:[ \t]+(?:no\.?|number))?|#)"
_CASE_LABEL = (
    r"(?:"
    r"(?:" + _SYSTEMS + r")[ \t]*(?:(?:person|client|case|child|adult|record|nominal)[ \t]+)?" + _ID_WORD +
    r"|(?:mosaic|lcs|liquid[ \t]?logic|wcc?cis|pnc|nomis|nass|scn)|case[ \t]+(?:id|i\.d\.)"
    r"|scottish[ \t]+candidate[ \t]+" + _ID_WORD +
    # a system's name and a colon ("RiO: 1012334"); a person's own case number ("her case number")
    r"|(?:" + _SYSTEMS + r")(?=[ \t]*:)|(?:(?<=his )|(?<=her )|(?<=their ))(?:case|file)[ \t]+" + _ID_WORD +
    r"|crn|case[ \t]+reference[ \t]+number"
    r"|hospital[ \t]+" + _ID_WORD + r"|hosp\.?[ \t]*" + _ID_WORD + r"|mrn|m\.r\.n\.?"
    r"|medical[ \t]+record[ \t]+" + _ID_WORD + r"|unit[ \t]+number|k[ \t]+number"
    r"|upn|unique[ \t]+pupil[ \t]+number|uln|unique[ \t]+learner[ \t]+number"
    r"|chi(?:[ \t]+" + _ID_WORD + r")?|community[ \t]+health[ \t]+index(?:[ \t]+" + _ID_WORD + r")?"
    r"|h[ \t]?(?:&|\+|and)[ \t]?c(?:[ \t]+" + _ID_WORD + r")?|hcn|health[ \t]+and[ \t]+care[ \t]+" + _ID_WORD +
    r"|crime[ \t]+" + _ID_WORD + r"|(?:" + _POLICE + r")[ \t]+(?:incident[ \t]+|log[ \t]+|crime[ \t]+)?" + _ID_WORD +
    r"|occurrence[ \t]+" + _ID_WORD + r"|occ[ \t]+" + _ID_WORD + r"|incident[ \t]+" + _ID_WORD +
    r"|log[ \t]+" + _ID_WORD
    + r"|(?:log|incident|occurrence|serial)(?=[ \t]*[0-9]{1,6}[ \t]+of[ \t]+[0-9])"  # "log 2231 of 21 May"
    # "occurrence 12345/23", not a financial year ("incident log 2023/24")
    r"|(?:log|incident|occurrence|occ|serial|crime|cad|report)"  # not "case": an organisation's own ("ASB case")
    r"(?=[ \t]*:?[ \t]*(?!(?:19|20)[0-9]{2}[/-][0-9]{2}(?![0-9]))[0-9]{3,7}[/-][0-9]{2,4}(?![0-9/-]))"  # "occ 123/23"
    r"|cad[ \t]+" + _ID_WORD + r"|urn|custody[ \t]+(?:record[ \t]+)?" + _ID_WORD +
    # a person's number in any system, and the national documents people are asked for
    r"|(?:client|claimant|person|patient|pupil|student|learner|service[ \t]+user|su|resident|tenant|customer)[ \t]+"
    + _ID_WORD +
    r"|passport(?:[ \t]+" + _ID_WORD + r")?|driving[ \t]+licen[cs]e(?:[ \t]+" + _ID_WORD + r")?"
    r"|dbs(?:[ \t]+cert(?:ificate)?\.?)?[ \t]+" + _ID_WORD +
    # prisons, immigration, housing and benefits: a person's number there
    r"|(?:prison|prisoner|nomis|nomis[ \t]+prison)(?:[ \t]+" + _ID_WORD + r")?"
    r"|(?:home[ \t]+office|ho|nass|uci|port)[ \t]+" + _ID_WORD + r"|uci"
    # multi-agency and court processes about a person (not an organisation's own "case ref")
    r"|(?:marac|mappa|cp|cin|lac|cla|yj|yjs|yot|court[ \t]+case|court|family[ \t]+court|care[ \t]+proceedings)"
    r"(?:[ \t]+(?:plan|case|meeting|conference))?[ \t]+" + _ID_WORD + r"|cad"
    r"|(?:ni|hb|ctr|uc|pip|esa|jsa|dla|benefit|universal[ \t]+credit)[ \t]+claim(?:[ \t]+" + _ID_WORD + r")?"
    r"|(?:tenancy|council[ \t]+tax|housing(?:[ \t]+benefit)?|benefits?|universal[ \t]+credit|uc|dwp|hmrc|nass"
    r"|child|family|young[ \t]+person|yp|adult|referral|ehcp|ehc[ \t]+plan|sen)[ \t]+"
    r"(?:(?:reg(?:istration)?|register|application|account|journal)\.?[ \t]+)?" + _ID_WORD +
    r"|(?:housing|tenancy|homeless(?:ness)?)[ \t]+application(?=[ \t]+[A-Za-z]{0,4}[/-]?[0-9]{2,4}[/-][0-9]{3,})"
    r"|referral(?=[ \t]+[0-9]{5,})"  # "referral 2291043 came in"
    # a police protection notice's or a LADO referral's reference ("PPN rec'd ref 24-0011873", "LADO ref ..."),
    # a benefit's ("PIP ref PIP/3345/221A"), a school's admission number ("Adno: 004417"), a tribunal appeal's
    # ("ESA appeal SC241/24/01234"), and a bare "ID:" field on a record's screen ("| ID: 1193847 |")
    r"|(?:ppn|lado)(?:[ \t]+rec(?:'?d|eived))?[ \t]+" + _ID_WORD +
    r"|(?:pip|esa|jsa|dla|uc)[ \t]+" + _ID_WORD + r"|adno|adm\.?[ \t]+no\.?"
    r"|(?:appeal|tribunal)(?:[ \t]+ref(?:erence)?)?(?=[ \t]+[A-Z]{1,3}[0-9]{2,4}/[0-9]{2}/[0-9]{3,})"
    r"|(?<![A-Za-z][ \t])(?<![A-Za-z])id(?=[ \t]*:[ \t]*[0-9])"  # "| ID: 1193847", not "Meeting ID: 845 ..."
    # a record's id in a link pasted from a case system: "...person?id=1234567", "&clientId=AB1234"
    r"|(?<=[?&;])[A-Za-z]{0,16}[_-]?id(?==)"
    r")"
)
_CASE_ID = re.compile(
    r"(?i)(?<![\w\[])" + _CASE_LABEL + r"(?![A-Za-z_])"
    r"(?:(?:(?<=\([A-Za-z]{2})|(?<=\([A-Za-z]{3})|(?<=\([A-Za-z]{4}))\))?"  # a label in brackets: "(UPN) is"
    # between the label and the value: "(NOMIS)", "with the council is", "on the UC journal is", "so it's"
    r"[ \t]*(?:\([A-Za-z ]{1,12}\)[ \t]*)?"
    r"(?:(?:with|on|at|in|from)[ \t]+(?:the[ \t]+)?[A-Za-z]{2,12}(?:[ \t]+[A-Za-z]{2,12})?[ \t]+(?=(?:is|was)\b))?"
    r"(?:is|was|:|=|-|#|\||(?:so[ \t]+)?it'?s)?[ \t]*(?:" + _ID_WORD + r"[ \t]*)?:?[ \t]*"
    r"(?P<value>[A-Za-z]{0,6}[/\-.]?[0-9](?:[A-Za-z0-9]|[/\-.*](?=[A-Za-z0-9])|[ ](?=[0-9]{3,}(?![A-Za-z])))*)"
    r"(?![\w])"
)
# a value of letters and digits needs two digits ("X123", "A12"), one of digits alone three ("345")
_MIN_CASE_ID_DIGITS = {True: 2, False: 3}
_ID_LABEL = re.compile(r"(?i)\bi\.?d\b")  # "pupil ID 55": after "ID" two digits are enough
# the first word of every label above, to find where a label may start
_CASE_KEYWORDS = tuple(
    """mosaic lcs liquid eclipse ehm care paris azeus frameworki protocol rio systm emis cpoms myconcern
    delius ndelius oasys wcccis wccis capita servelec swift niche athena storm pnc pnd cro crn case hospital
    hosp mrn m.r.n medical upn unique uln chi community health crime police occurrence occ incident
    cad urn custody client person patient pupil student learner service resident tenant customer
    passport driving dbs prison prisoner nomis home ho nass uci port tenancy council housing benefit
    benefits universal uc dwp hmrc child family young yp adult referral ehcp ehc sen marac mappa cp cin lac
    cla yj yjs yot court ni hb ctr pip esa jsa dla framework serial report opal cjs a&e file claimant psni gmp wmp btp
    mps action nfib hcn scn scottish id record subject ppn lado adno adm appeal tribunal""".split()
) + ("my concern", "unit number", "unit no", "k number", "k no", "h&c", "h & c", "h+c", "h + c",
     "h and c", "hc number", "log ", "su id", "su no", "su number")


# a police crime number by its shape, with or without a label: "43/88120/25" (force / number / year)
_CRIME_NUMBER = re.compile(r"[0-9](?<![0-9/][0-9])[0-9]/[0-9]{4,7}/[0-9]{2}(?![0-9/])")
# a reference, then its label: "WY-2026-0412339 is the police ref"
_REF_THEN_LABEL = re.compile(
    r"(?P<value>[A-Za-z]{0,4}[-/]?[0-9]{2,4}[-/][0-9]{3,}(?:/[A-Za-z]{1,3}(?![\w/]))?)"  # "26/01234/CR"
    r"[ \t]+(?:is|was)[ \t]+(?:the|our|their|his|her)[ \t]+"
    r"(?:police|crime|incident|occurrence|court|marac)[ \t]+(?:ref|reference|number|no)\b",
    re.IGNORECASE,
)


# a prison number (NOMIS) by its shape, alone: "A4821BC" - one letter, four digits, two letters
_PRISON_NUMBER = re.compile(r"[0-9](?<![\w\[][A-Z][0-9])(?<=[A-Z][0-9])[0-9]{3}[A-Z]{2}(?![\w])")
# a person named by their number, as offenders are: "X884219 is on licence", "A123456 was recalled"
_NUMBER_AS_A_PERSON = re.compile(
    r"[0-9](?<![\w\[][A-Z][0-9])(?<=[A-Z][0-9])[0-9]{4,6}(?![\w])(?=[ \t]+(?:is|was|has[ \t]+been)[ \t]+"
    r"(?:on[ \t]+licen[cs]e|released|in[ \t]+custody|recalled|remanded|on[ \t]+tag|sentenced|charged|arrested"
    r"|on[ \t]+bail))"
)
# digits, then whose number they are: "5566001 is the child's LAC number" (not "our ref")
_DIGITS_THEN_LABEL = re.compile(
    r"(?<![\w/.-])(?P<value>[0-9]{5,})[ \t]+(?:is|was)[ \t]+(?:the|his|her|their)(?:[ \t]+[A-Za-z]+'s)?"
    r"[ \t]+[A-Za-z&]{2,12}[ \t]+(?:number|no|ref|reference|id)\b(?![ \t]+of\b)",
    re.IGNORECASE,
)
_FIVE_DIGITS = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{4}")
_REF_DIGITS = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{1,3}[-/][0-9]{3}")
_REF_LABEL_WORDS = ("police", "crime", "incident", "occurrence", "court", "marac")


_AN_ESTABLISHMENTS_URN = re.compile(
    r"(?i)\b(?:school|school's|setting|setting's|ofsted|academy|nursery|provider|establishment|our)[ \t]+urn$"
)


# a number after an organisation's initials and "no": "RVH no 1234567", "GGC number 55123409" (a hospital's or
# a service's own number for a person); not a phone's, a company's or a book's
_INITIALS_THEN_NUMBER = re.compile(
    r"(?<![\w\[])(?P<label>[A-Z]{2,5})[ \t]*(?:[Nn]o\.?|NO\.?|[Nn]umber|[Nn]um|#)[ \t]*:?[ \t]*"
    r"(?P<value>[A-Z]{0,2}[0-9]{6,10})(?![0-9])"
)
NOT_A_PERSONS_NUMBER = frozenset(
    "TEL MOB PH FAX DDI EXT VAT CO REG ISBN ISSN SC ICO PO DFE DFES UKPRN URN LA ODS CQC GMC NMC HCPC SWE".split()
)


# eleven digits from a trunk 0, grouped as phones are: never a case system's id
_A_PHONE_NUMBER = re.compile(r"0[1-9][0-9]{2,4}[ \t]?[0-9]{3,4}[ \t]?[0-9]{3,4}")
# a family court case number by its shape: court code, year, C (public law) / P (private law) / Z, number
_FAMILY_COURT_NUMBER = re.compile(r"(?<![\w/])[A-Z]{2}[0-9]{2}[CPZ][0-9]{5}(?![\w/])")


def case_ids(text: str):
    for m in _CRIME_NUMBER.finditer(text):
        yield m.start(), m.end(), CASE_ID
    for m in _FAMILY_COURT_NUMBER.finditer(text):
        yield m.start(), m.end(), CASE_ID
    for m in _INITIALS_THEN_NUMBER.finditer(text):
        if m.group("label") not in NOT_A_PERSONS_NUMBER:
            yield m.start("value"), m.end("value"), CASE_ID
    lowered = lower_case(text)
    if any(word in lowered for word in _REF_LABEL_WORDS):
        for m in matches_before_digits(_REF_THEN_LABEL, text, _REF_DIGITS, 6):
            yield m.start("value"), m.end("value"), CASE_ID
    for pattern in (_PRISON_NUMBER, _NUMBER_AS_A_PERSON):
        for m in pattern.finditer(text):
            yield m.start() - 1, m.end(), CASE_ID
    for a in _FIVE_DIGITS.finditer(text):
        m = _DIGITS_THEN_LABEL.match(text, a.start())
        if m:
            yield m.start("value"), m.end("value"), CASE_ID
    for m in matches_at(_CASE_ID, text, _CASE_KEYWORDS):
        if _AN_ESTABLISHMENTS_URN.search(text, max(0, m.start() - 24), m.start() + 3):
            continue  # a school's or a nursery's URN names the setting, not a person
        value = m.group("value")
        digits = sum(c.isdigit() for c in value)
        label = text[m.start() : m.start("value")]
        needed = 2 if _ID_LABEL.search(label) else _MIN_CASE_ID_DIGITS[digits < len(value.replace(" ", ""))]
        if _A_PHONE_NUMBER.fullmatch(value) and digits == 11:
            continue  # "the number on the CAD is 0117 496 0129": a phone, read as one
        if digits >= needed:
            yield m.start("value"), m.end("value"), LABELLED_CASE_ID


def nhs_numbers(text: str):
    for m in _NHS_CANDIDATE.finditer(text):
        start = m.start()
        if _NHS_CONTEXT.search(text, max(0, start - 40), start):
            yield start, m.end(), NHS
        elif _stdnum_nhs.is_valid(_NOT_DIGIT.sub("", m.group())):
            yield start, m.end(), NHS_BY_CHECK_DIGIT
    # after "NHS", ten digits in any grouping ("NHS 943 4765 919", "nhs no 94 34 76 59 19")
    if "nhs" in lower_case(text):
        for m in _TEN_DIGITS.finditer(text):
            if _NHS_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
                yield m.start(), m.end(), NHS


def ni_prefix_ok(prefix: str) -> bool:
    """Two letters that may start an NI number (or HMRC's specimen QQ); typed or dictated
    (bot.privacy.dictated)."""
    prefix = prefix.upper()
    if prefix == _NI_SPECIMEN:
        return True
    return (
        prefix[0] not in _NI_BAD_FIRST
        and prefix[1] not in _NI_BAD_SECOND
        and prefix not in _NI_BAD_PREFIX
    )


def ni_numbers(text: str):
    for m in matches_before_digits(_NI_CANDIDATE, text, _SIX_DIGITS, 3):
        prefix, sep, suffix = m.group("prefix"), m.group("sep"), m.group("suffix")
        context = _NI_CONTEXT.search(text, max(0, m.start() - 40), m.start()) is not None
        if context:
            yield m.start(), m.end(), NI
            continue
        # Without the label: a possible prefix, the suffix letter, and either written solid
        # ("qq123456c") or in capitals ("QQ 12 34 56 C") so that "on 123456 a day" survives.
        if suffix and ni_prefix_ok(prefix) and (not sep or prefix.isupper() or _NI_IN_PAIRS.fullmatch(m.group())):
            if sep and suffix.islower() and not _NI_IN_PAIRS.fullmatch(m.group()):
                continue
            yield m.start(), m.end(), NI
    for m in _NI_SPELT_OUT.finditer(text):  # "T M 3 8 4 1 0 2 C": every character apart
        if ni_prefix_ok(m.group()[0] + m.group()[2]):
            yield m.start(), m.end(), NI


def bank_details(text: str):
    for pattern, kind, keywords in (
        (_SORT_CODE, SORT_CODE, ("sort", "s/c", "s.c", "sc", "bank")),
        (_ACCOUNT, ACCOUNT, ("acc", "a/c")),
    ):
        for m in matches_at(pattern, text, keywords):
            yield m.start("value"), m.end("value"), kind
    for m in matches_at(_BANK_DETAILS, text, ("bank",)):
        yield m.start("value"), m.end("value"), SORT_CODE
        yield m.start("account"), m.end("account"), ACCOUNT
    for m in _BANK_PAIR.finditer(text):
        yield m.start(), m.start("gap"), SORT_CODE
        yield m.start("account"), m.end("account"), ACCOUNT
    for m in _IBAN.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= 10:
            # a reference of the same shape ("CC2026031200457") is an identifier, but no bank's
            yield m.start(), m.end(), ACCOUNT if _iban_checks(m.group()) else CASE_ID


def _iban_checks(value: str) -> bool:
    """ISO 13616: the country and check digits moved to the end, letters as 10-35, mod 97 is 1."""
    compact = value.replace(" ", "").upper()
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


# After a word for a phone, digits written another way: without the trunk 0 ("mob 7700 900123"),
# one by one ("0 7 7 0 0 9 0 0 1 2 3"), or with a stray space ("0 7700 900123")
_LABELLED_PHONE = re.compile(
    r"(?i)(?<![\w\[])(?:phone|telephone|tel|mob|mobile|landline|cell|whatsapp|ph|call|ring|text)"
    r"(?:[ \t]*(?:no\.?|number|num|#))?(?![\w])[ \t]*(?:[.:=\-][ \t]*|(?:is|on)[ \t]+)*"
    r"(?P<value>[0-9](?:[ \t.\-]{0,2}[0-9]){8,10})(?![0-9])"
)
_PHONE_KEYWORDS = ("phone", "tel", "mob", "landline", "cell", "whatsapp", "ph", "call", "ring", "text")


def _labelled_phones(text: str):
    for m in matches_at(_LABELLED_PHONE, text, _PHONE_KEYWORDS):
        digits = _NOT_DIGIT.sub("", m.group("value"))
        if len(digits) == 10 and digits[0] != "0":
            digits = "0" + digits
        if len(digits) != 11 or digits[0] != "0":
            continue
        try:
            number = phonenumbers.parse(digits, "GB")
        except phonenumbers.NumberParseException:  # pragma: no cover - eleven digits always parse
            continue
        if phonenumbers.is_possible_number(number):
            yield m.start("value"), m.end("value"), PHONE


# a UK number written loosely: a digit at a time ("0 7 7 0 0 9 ..."), with the letter o for zero
# ("o77oo 9oo 432"), or broken across a line ("07700\n900111"): eleven digits from 0[1-9]
_LOOSE_PHONE = re.compile(
    r"[0oO](?<![\w+][0oO])(?:(?:[ \t\u00a0.\-]{0,2}|[ \t]?\r?\n)[0-9oO]){10}(?![\w])"
)
_LOOSE_SEPARATORS = re.compile(r"[^0-9oO]")


def _loose_phones(text: str):
    for m in _LOOSE_PHONE.finditer(text):
        raw = m.group()
        digits = _LOOSE_SEPARATORS.sub("", raw).replace("o", "0").replace("O", "0")
        if digits[1] == "0" or sum(c.isdigit() for c in raw) < 6:
            continue
        if raw.isdigit() or not re.search(r"[oO\n]|[0-9][ \t\u00a0.\-]{1,2}[0-9](?:[ \t\u00a0.\-]{1,2}[0-9]){5}", raw):
            continue  # written the ordinary way: _PHONE_CANDIDATE's
        if phonenumbers.is_possible_number(phonenumbers.parse(digits, "GB")):
            yield m.start(), m.end(), PHONE


_DATE_LIKE = re.compile(r"[0-9]{1,2}[./-][0-9]{1,2}[./-](?:19|20)?[0-9]{2}(?![0-9])")


# an extension after a number: "ext 4402", "x221", "extn. 35", "(ext 12)"
_EXTENSION = re.compile(
    r"(?i)[ \t]*[,/\-]?[ \t]*\(?(?:(?:ext|extn|extension|ex|xt)\.?(?:[ \t]*no\.?)?[ \t]*:?[ \t]*|x|\#)"
    r"[0-9]{1,6}\)?(?![\w])"
)


def phone_numbers(text: str):
    """Phone numbers, with their extension."""
    for start, end, kind in _phone_spans(text):
        extension = _EXTENSION.match(text, end)
        yield start, extension.end() if extension else end, kind


def _phone_spans(text: str):
    for c in _PHONE_CANDIDATE.finditer(text):
        if _DATE_LIKE.match(c.group()):
            continue  # "07.08.2019 10.30": a date and a time
        for start, end in phones_in(c.group()):
            start, end = c.start() + start, c.start() + end
            if text[start] == "(" and ")" not in text[start:end]:
                start += 1  # "(07700 900456, ..." keeps its bracket, as "... 900456)" keeps its own
            yield start, end, PHONE
    yield from _bracketed_country_phones(text)
    yield from _labelled_phones(text)
    yield from _loose_phones(text)


@lru_cache(maxsize=1024)
def phones_in(candidate: str) -> tuple[tuple[int, int], ...]:
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

