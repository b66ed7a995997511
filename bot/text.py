"""Text normalisation shared by the matcher, the FAQ linter and the digest's grouping.

``normalise`` turns a practitioner's question into a canonical lower-case string: punctuation
gone, US spellings made British, and the sector's abbreviations and synonyms mapped to one
token each (so "Data Protection Act", "DPA" and "data protection law" all read ``dpa``).
``content_words`` then drops the words that carry no meaning for matching (stopwords, bare
numbers, ages, redaction placeholders) and ``content_tokens`` stems the rest with the Snowball
(Porter2) English stemmer, so that "refuse", "refused" and "refusal" meet on one token.

Txt-speak and sector shorthand ("b4", "yp", "pt", "safeguardin'"-style dropped letters aside) are
expanded here; typos are corrected later, by the matcher, towards real words it knows.
``title_words``, ``name_like_tokens`` and ``mask_names`` are the one place that guesses which
words are names, for the matcher and for the digest's quotes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball stemmers compiled

from bot.mrkdwn import replace_markup

# Multi-word phrases first: each maps to one canonical token. Order matters only in that longer
# phrases are applied before the shorter ones they contain (see _replace_phrases).
PHRASES: dict[str, str] = {
    # the law
    "uk general data protection regulation": "gdpr",
    "general data protection regulation": "gdpr",
    "uk gdpr": "gdpr",
    "data protection act": "dpa",
    "data protection law": "dpa",
    "data protection laws": "dpa",
    "data protection legislation": "dpa",
    "data protection rules": "dpa",
    "data protection": "dpa",
    "data use and access act": "duaa",
    "crime and disorder act": "cda",
    "section 115": "s115",
    "s 115": "s115",
    "sec 115": "s115",
    "digital economy act": "dea",
    "human rights act": "hra",
    "freedom of information": "foi",
    "common law duty of confidentiality": "confidentiality",
    "duty of confidentiality": "confidentiality",
    "duty of confidence": "confidentiality",
    "legitimate interests": "legitimate interest",
    # documents and processes
    "data sharing agreement": "dsa",
    "data sharing agreements": "dsa",
    "information sharing agreement": "dsa",
    "information sharing agreements": "dsa",
    "information sharing protocol": "dsa",
    "data sharing protocol": "dsa",
    "isa": "dsa",
    "isp": "dsa",
    "data protection impact assessment": "dpia",
    "privacy impact assessment": "dpia",
    "pia": "dpia",
    "subject access request": "sar",
    "subject access requests": "sar",
    "data subject access request": "sar",
    "dsar": "sar",
    "data protection officer": "dpo",
    "information governance": "ig",
    "privacy notice": "privacy notice",
    "fair processing notice": "privacy notice",
    "data breach": "breach",
    "personal data breach": "breach",
    "lawful basis": "lawful basis",
    "legal basis": "lawful basis",
    "legal gateway": "gateway",
    "statutory gateway": "gateway",
    "special category": "special category",
    "special categories": "special category",
    "sensitive data": "special category",
    "sensitive information": "special category",
    "next of kin": "nok",
    # organisations and roles
    "multi agency safeguarding hub": "mash",
    "multi agency risk assessment conference": "marac",
    "local authority": "council",
    "local authorities": "council",
    "la": "council",
    "general practitioner": "gp",
    "family doctor": "gp",
    "gp surgery": "gp",
    "gp practice": "gp",
    "designated safeguarding lead": "dsl",
    "social worker": "sw",
    "social workers": "sw",
    "social care": "socialcare",
    "children's services": "socialcare",
    "childrens services": "socialcare",
    "childrens social care": "socialcare",
    "adult social care": "socialcare",
    "health visitor": "hv",
    "police officer": "police",
    "police scotland": "police",
    "police service of northern ireland": "police",
    "psni": "police",
    "mental capacity act": "mental capacity",
    "mca": "mental capacity",
    "wales accord on the sharing of personal information": "dsa",
    "waspi": "dsa",
    "the police": "police",
    "the cops": "police",
    "nhs number": "nhsno",
    "nhs no": "nhsno",
    "national data opt out": "optout",
    "ndoo": "optout",
    "recognised legitimate interests": "recognised legitimate interest",
    "rli": "recognised legitimate interest",
    "rlis": "recognised legitimate interest",
    "echr": "hra",
    "icb": "nhs",
    "opt out": "optout",
    "whatsapp": "messagingapp",
    "whats app": "messagingapp",
    "text message": "messagingapp",
    "personal phone": "personaldevice",
    "own phone": "personaldevice",
    "personal mobile": "personaldevice",
    # practice shorthand
    "children and young people": "child",
    "young people": "young person",
    "looked after child": "lookedafter",
    "looked after children": "lookedafter",
    "child looked after": "lookedafter",
    "children looked after": "lookedafter",
    "lac": "lookedafter",
    "cla": "lookedafter",
    "child in need": "childinneed",
    "children in need": "childinneed",
    "cin": "childinneed",
    "yp": "young person",
    "yps": "young person",
    "cyp": "child",
    "csc": "socialcare",
    "ssd": "socialcare",
    "asc": "socialcare",
    "social services": "socialcare",
    "w o": "without",
    "w out": "without",
    "do not know": "unsure",
    "dunno": "unsure",
    "idk": "unsure",
    "domestic abuse": "domesticabuse",
    "domestic violence": "domesticabuse",
    "dv": "domesticabuse",
    "da": "domesticabuse",
    "mental health": "mentalhealth",
    "mh": "mentalhealth",
    "service user": "client",
    "service users": "client",
    "su": "client",
    "child protection": "childprotection",
    "cp": "childprotection",
    # verbs and nouns of sharing
    "pass on": "share",
    "passing on": "share",
    "passed on": "share",
    "hand over": "share",
    "handing over": "share",
    "give out": "share",
    "send over": "share",
    "let know": "share",
    "personal data": "info",
    "personal information": "info",
    "personal details": "info",
}

WORDS: dict[str, str] = {
    "disclose": "share", "disclosing": "share", "disclosed": "share", "disclosure": "share",
    "disclosures": "share", "sharing": "share", "shared": "share", "shares": "share",
    "tell": "share", "telling": "share", "told": "share", "pass": "share", "passing": "share",
    "release": "share", "releasing": "share", "divulge": "share", "reveal": "share",
    "information": "info", "data": "info", "details": "info", "infos": "info",
    "councils": "council", "authority": "council",
    "doctor": "gp", "doctors": "gp", "gps": "gp",
    "cops": "police", "officer": "police", "officers": "police", "constabulary": "police",
    "consented": "consent", "consents": "consent", "permission": "consent",
    "kids": "child", "kid": "child", "children": "child", "childs": "child", "pupil": "child",
    "pupils": "child", "baby": "child", "youngster": "child",
    "mum": "parent", "mom": "parent", "dad": "parent", "mother": "parent", "father": "parent",
    "parents": "parent", "carers": "carer",
    "email": "email", "e-mail": "email", "emails": "email", "emailing": "email",
    "dpa2018": "dpa", "gdpr's": "gdpr", "ukgdpr": "gdpr",
    "s.115": "s115", "sect115": "s115",
    "info's": "info", "u": "you", "ur": "your",
    "wont": "will not", "cant": "cannot", "can't": "cannot", "dont": "do not", "don't": "do not",
    "isnt": "is not", "shouldnt": "should not", "im": "i am",
    # txt-speak and everyday shorthand
    "b4": "before", "2day": "today", "2moro": "tomorrow", "2morrow": "tomorrow", "2nite": "tonight",
    "any1": "anyone", "some1": "someone", "every1": "everyone", "no1": "no one", "l8r": "later",
    "gr8": "great", "w8": "wait", "abt": "about", "bc": "because", "cos": "because", "coz": "because",
    "cuz": "because", "tho": "though", "thru": "through", "ppl": "people", "wot": "what", "wat": "what",
    "r": "are", "y": "why", "cud": "could", "cld": "could", "shud": "should", "shld": "should",
    "wud": "would", "wld": "would", "cn": "can", "gonna": "going to", "wanna": "want to",
    "gotta": "got to", "tbh": "", "imo": "", "fyi": "", "asap": "", "ta": "thanks", "thx": "thanks",
    "pt": "patient", "pts": "patients", "hx": "history", "dx": "diagnosis", "ref": "referral",
    "refs": "referrals", "dr": "gp", "appt": "appointment", "dept": "department", "mgr": "manager",
    "mngr": "manager", "govt": "government", "org": "organisation", "orgs": "organisations",
    "msg": "message", "msgs": "messages", "txt": "text", "pic": "photo", "pics": "photos",
    "vid": "video", "vids": "videos", "fb": "facebook", "insta": "instagram", "sch": "school",
    "skool": "school", "sg": "safeguarding", "safeguard": "safeguarding", "bf": "boyfriend",
    "gf": "girlfriend", "sis": "sister", "bro": "brother", "yr": "year", "yrs": "years", "wk": "week", "wks": "weeks",
    "pls": "please", "plz": "please", "shr": "share", "thr": "there", "w": "with", "n": "and",
    "rly": "really", "prob": "probably", "def": "definitely", "pos": "possible", "poss": "possible",
}

# US spellings whose British form is not reached by the -ize rule below.
US_SPELLINGS: dict[str, str] = {
    "behavior": "behaviour", "behaviors": "behaviours", "center": "centre", "centers": "centres",
    "program": "programme", "programs": "programmes", "license": "licence",
    "defense": "defence", "offense": "offence", "offenses": "offences", "counseling": "counselling",
    "counselor": "counsellor", "judgment": "judgement", "favor": "favour", "honor": "honour",
    "pediatric": "paediatric", "enroll": "enrol", "color": "colour", "labor": "labour",
}

# Words that carry no meaning for deciding which FAQ entry a question is about.
STOPWORDS = frozenset(
    """
    a about above actually after again against all also am an and any anyone anybody are aren as at
    be because been before being below between both but by can could did didn do does doesn doing done
    down during each else even ever every few for from further get gets getting got had has have having
    he her here hers herself him himself his how however i if in into is it its itself just know let
    lets like ll me might more most must my myself need needs no nor not now of off on once only or
    other our ours ourselves out over own please q quick quickly re really right s same say says saying
    she should so some someone something still such sure t than thank thanks that the their theirs them
    themselves then there these they thing things think this those though through to too totally under
    until up us ve very want wants was we were what when whenever where whether which while who whom
    whose why will with would yes yet you your yours yourself yourselves hi hello hey team folks guys
    anyone's ok okay basically literally genuinely simply honestly wondering wonder question asking ask
    keep keeps kept told tells usually always never allowed able manager colleague colleagues boss
    worried concerned unsure confused help advice advise query anyway etc time times
    """.split()
)

_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[list[str], list[str]]]] = {}  # longest first
for _phrase in sorted(PHRASES, key=len, reverse=True):
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase.split()[0], []).append((_phrase.split(), PHRASES[_phrase].split()))
_CONTRACTION_FORMS = {"won't": "will not", "can't": "cannot", "shan't": "shall not"}
_CONTRACTIONS = re.compile(r"\b(?:won't|can't|shan't)|n't\b")
_CONTRACTION_FORMS["n't"] = " not"
_POSSESSIVE = re.compile(r"(\w)'s\b")
_DIGIT = re.compile(r"\d")
_IZE = re.compile(r"\b(\w{2,})iz(e|es|ed|ing|ation|ations|er|ers)\b")
_YZE = re.compile(r"\b(\w{2,})yz(e|es|ed|ing)\b")
_LINK = re.compile(r"https?://[^|]")
# What bot.privacy (or an asker) leaves in place of an identifier, with the label typed before it
# ("NHS no. [NHS number]", "her number is [phone]", "email <email>"): no topic in it.
_PLACEHOLDER = re.compile(
    r"(?:\b(?:nhs|ni|nino|dob|d\.o\.b|tel|telephone|phone|mob|mobile|email|e-mail|postcode|address|"
    r"no|number|num|sort code|account|a/c|name|her|his|their|is|was|are|on|at|of)\b[\s.:#=-]*)*"
    r"(?:\[[a-z][\w .'/-]{0,30}\]|\{[a-z][\w .'/-]{0,30}\}|<(?![@#!])[a-z][\w .'/-]{0,30}>)"
)
# Ages in normalised text ("15yo", "15 y o", "15 year old", "aged 15", "15 yrs old"): who is asked
# about, not the topic, so the matcher leaves them out (the digest keeps them: 12 is not 16).
_AGE = re.compile(r"\b(?:aged?\s+)?\d{1,3}\s?(?:yo|y o|yrs? old|years? old)\b|\baged?\s+\d{1,3}\b")
# A bare number is never a topic word ("a 15 year old", "2 kids", "need 2 share"); section and
# article numbers are joined to their marker first (s47, article6) and years to their acts (dpa).
_BARE_NUMBER = re.compile(r"^\d+(?:st|nd|rd|th|s)?$")
_SECTION = re.compile(r"\b(?:s|sec|section)\.?\s?(\d+[a-z]?)\b")
_ARTICLE = re.compile(r"\b(?:art|article)\.?\s?(\d+)")
_NON_WORD = re.compile(r"[^\w\s]+")


# Abbreviations whose meaning depends on being written in capitals ("our IT team" vs "is it ok").
CASED_WORDS = {"IT": "itsystem", "PC": "police", "PCSO": "police", "DC": "police", "DS": "police"}
_CASED = re.compile(r"\b(" + "|".join(CASED_WORDS) + r")\b")


def _mention_or_link_as_space(target: str, label: str | None) -> str | None:
    """Mentions, broadcasts and web links say nothing about the question (other markup stays)."""
    return " " if target.startswith(("@", "#", "!")) or _LINK.match(target) else None


@lru_cache(maxsize=20_000)
def normalise(raw: str) -> str:
    """Lower-case canonical form of ``raw``; idempotent."""
    value = _CASED.sub(lambda m: CASED_WORDS[m.group(1)], unicodedata.normalize("NFKC", raw))
    value = value.casefold()
    value = replace_markup(value, _mention_or_link_as_space)
    value = value.replace("’", "'").replace("‘", "'")
    # Each pattern below runs only on text holding a character it needs: most questions have none.
    if "[" in value or "{" in value or "<" in value:
        value = _PLACEHOLDER.sub(" ", value)
    if "'" in value:
        value = _CONTRACTIONS.sub(lambda m: _CONTRACTION_FORMS[m.group(0)], value)
        value = _POSSESSIVE.sub(r"\1", value)
    if _DIGIT.search(value):
        value = _SECTION.sub(r"s\1", value)
        value = _ARTICLE.sub(r"article\1", value)
    value = value.replace("&", " and ")
    value = _NON_WORD.sub(" ", value.replace("-", " "))
    if "iz" in value:
        value = _IZE.sub(r"\1is\2", value)
    if "yz" in value:
        value = _YZE.sub(r"\1ys\2", value)
    words = _replace_phrases([US_SPELLINGS.get(w, w) for w in value.split()])
    return " ".join(filter(None, (WORDS.get(w, w) for w in words)))  # filter: "tbh" and "imo" become nothing


def _replace_phrases(words: list[str]) -> list[str]:
    """``words`` with each phrase of ``PHRASES`` (whole words) replaced by its token, left to right,
    the longest phrase first where several start at one word."""
    out, i = [], 0
    while i < len(words):
        for phrase, canonical in _PHRASES_BY_FIRST_WORD.get(words[i], ()):
            if words[i:i + len(phrase)] == phrase:
                out += canonical
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


_STEMMER = Stemmer.Stemmer("english")
# The tokens this module makes for phrases ("socialcare", "nhsno"): already one form, never stemmed.
CANONICAL = frozenset(v for v in PHRASES.values() if " " not in v)
# Derivations Porter2 leaves apart: "disclosure"/"disclose", "referral"/"refer", "failure"/"fail".
_DERIVED = (("ur", ""), ("ement", ""), ("ment", ""))
_DOUBLED_END = re.compile(r"([bcdfgkmnprtvz])\1$")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Snowball (Porter2) English stem of ``word``, plus a few derivations it leaves apart."""
    if len(word) <= 3 or not word.isalpha() or word in CANONICAL:
        return word
    stemmed = _STEMMER.stemWord(word)
    for suffix, replacement in _DERIVED:
        if stemmed.endswith(suffix) and len(stemmed) - len(suffix) >= 4:
            stemmed = stemmed[: -len(suffix)] + replacement
            break
    stemmed = _DOUBLED_END.sub(r"\1", stemmed) if len(stemmed) > 4 else stemmed
    return stemmed


def _without_ages(normalised: str) -> str:
    return _AGE.sub(" ", normalised) if _DIGIT.search(normalised) else normalised


@lru_cache(maxsize=20_000)
def content_words(raw: str) -> tuple[str, ...]:
    """The meaningful words of ``raw``, normalised but not stemmed, in order (repeats kept)."""
    return tuple(
        word for word in _without_ages(normalise(raw)).split()
        if word not in STOPWORDS and len(word) > 1 and not _BARE_NUMBER.match(word)
    )


# Stopwords' other forms ("asked", "wanted", "needing") carry no more meaning than they do; a few
# stems are shared with words that do ("rights", "Teams", "management", "concerns").
STOP_STEMS = frozenset(stem(w) for w in STOPWORDS) - {"right", "team", "manag", "concern"}


@lru_cache(maxsize=20_000)
def match_tokens(raw: str) -> tuple[str, ...]:
    """The meaningful words of ``raw`` stemmed with ``stem`` (Porter2), in order, without repeats:
    what the matcher compares."""
    return tuple(dict.fromkeys(s for s in map(stem, content_words(raw)) if s not in STOP_STEMS))


def light_stem(word: str) -> str:
    """A light suffix stripper ('referrals'/'referral', 'shared'/'share'): the digest's grouping
    thresholds were measured with it, so ``content_tokens`` keeps it."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, replacement in (
        ("ies", "y"), ("ied", "y"), ("ing", ""), ("edly", ""), ("ed", ""), ("es", "e"), ("s", ""),
        ("al", ""), ("ion", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@lru_cache(maxsize=20_000)
def content_tokens(raw: str) -> tuple[str, ...]:
    """The meaningful, lightly stemmed tokens of ``raw`` in order, without repeats (the digest's
    grouping compares these; the matcher uses ``match_tokens``)."""
    words = normalise(raw).split()
    return tuple(dict.fromkeys(
        light_stem(w) for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())
    ))


# Names ---------------------------------------------------------------------------------------
#
# Redaction (``bot.privacy``) removes names it can be sure of ("Mrs Patel", "a boy called Jo"). The
# heuristic here is looser, for two uses that can afford mistakes: the matcher weighs a word that
# looks like a name less, and the digest masks such words before it quotes a question.

# Where one sentence ends and the next begins; ``split`` keeps the breaks at the odd positions.
SENTENCE_BREAK = re.compile(r"([.!?:;\n]+|\s[-\u2013\u2014]\s)")
_TITLE_WORD = re.compile(r"\b[A-Z][^\W\d_]+(?:'s)?\b")  # then only the first letter a capital
# Title-case words that open a sentence and are not names; any other opening title-case word is
# taken for a name ("Kayleigh told me ...").
SENTENCE_OPENERS = frozenset("""
    a an the i i'm i've i'd im my our we we're we've us you your he she they it its this that these those
    there here if when where what who whom whose which why how can could do does did is are was were will
    would should shall may might must have has had any anyone someone some no not just so also and but or
    please hi hello hey thanks quick question re urgent help does is yes ok okay after before since
    as at in on for from with about to by of also once while although though because new our its
    parent parents mum dad mother father child children client patient pupil student tenant family
    social school gp police housing council nurse health teacher doctor manager colleague
""".split())


def title_words(raw: str) -> list[tuple[re.Match, int, bool]]:
    """Each title-case word ("Jordan", "Kai's") with the offset of its sentence in ``raw`` and whether
    it opens that sentence."""
    found = []
    offset = 0
    for n, piece in enumerate(SENTENCE_BREAK.split(raw)):
        if n % 2 == 0:
            opening = len(piece) - len(piece.lstrip())
            found += [(m, offset, m.start() == opening) for m in _TITLE_WORD.finditer(piece)
                      if m.group(0).removesuffix("'s")[1:].islower()]
        offset += len(piece)
    return found


def is_name(word: str, opens_sentence: bool) -> bool:
    """A title-case word inside a sentence, or one opening it that is not an ordinary opener."""
    return not opens_sentence or word.removesuffix("'s").lower() not in SENTENCE_OPENERS


def name_like_tokens(raw: str) -> frozenset[str]:
    """Stems of capitalised words inside a sentence ("... about Jordan Pike ..."): probably names of
    people, places or systems, which say nothing about which FAQ entry applies. (A word opening a
    sentence is left alone here: the matcher cannot tell "Kayleigh" from "Safeguarding".)"""
    return frozenset(t for m, _, opens in title_words(raw) if not opens for t in match_tokens(m.group(0)))


_NUMBER_AFTER = re.compile(r"\s+\d")
# Words that, numbered, are a part of a law or a scheme ("Article 6", "Section 47", "Key Stage 2"), never
# a person; and words that after a law's or institution's word are its name ("Children Act", "Caldicott
# Guardian"). Anywhere else they are masked like any title-case word: "Mrs Ward", "Jade Wood 15".
NUMBERED_PARTS = frozenset("""article articles section sections schedule schedules part parts regulation
regulations paragraph paragraphs chapter chapters principle principles stage tier year rule rules step level
annex appendix clause class condition""".split())


def mask_names(raw: str) -> str:
    """Every word ``is_name`` takes for a name becomes "[name]", but for a legal eponym ("Caldicott"),
    a numbered part of a law ("Article 6", "Section 47"), and the words of a law's or institution's
    name: an institution word that is no given name before another ("Children Act", "Mental Health
    Act", "City Council"), and a law's or institution's word right after a word kept ("Caldicott
    Guardian"). "Charity Ward", "Mrs Ward" and "Jade Wood 15" are masked."""
    from bot.names import COMMON_SURNAMES, INSTITUTION_WORDS, LEGAL_EPONYMS, LEGAL_FOLLOWERS, TITLES, is_given_name

    words = list(title_words(raw))
    lows = [m.group(0).removesuffix("'s").lower() for m, _, _ in words]

    def next_to(i: int) -> bool:
        """Word i follows word i-1 with nothing but spaces between."""
        if i == 0:
            return False
        (before, at, _), (m, offset, _) = words[i - 1], words[i]
        return not raw[at + before.end(): offset + m.start()].strip()

    def naming(i: int) -> bool:
        """Word i can be part of a law's or institution's name and of no person's ("Act", "Council";
        not "Ward", "Law", "Charity": surnames and given names)."""
        low = lows[i]
        return low in INSTITUTION_WORDS and low not in COMMON_SURNAMES and not is_given_name(low)

    kept = [False] * len(words)
    for i, (m, offset, _) in enumerate(words):
        low = lows[i]
        after_eponym = i > 0 and lows[i - 1] in LEGAL_EPONYMS and next_to(i) and low in LEGAL_FOLLOWERS
        kept[i] = (low in LEGAL_EPONYMS or after_eponym or low in TITLES
                   or (low in NUMBERED_PARTS and bool(_NUMBER_AFTER.match(raw, offset + m.end())))
                   or (naming(i) and ((i > 0 and kept[i - 1] and next_to(i))
                                      or (i + 1 < len(words) and next_to(i + 1) and naming(i + 1)))))
    masked, end = [], 0
    for i, (m, offset, opens) in enumerate(words):
        if kept[i]:
            continue
        if is_name(m.group(0), opens):
            masked += [raw[end: offset + m.start()], "[name]"]
            end = offset + m.end()
    return "".join(masked) + raw[end:]
