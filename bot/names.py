"""Is this a person's name? The one home for that knowledge in canishare.

Redaction (``bot.privacy``) uses :func:`name_spans` to find people's names in a question; the
text normaliser and the digest's quote masking can ask the word-level questions below instead of
keeping lists of their own.

Word-level questions (each takes one word as typed; case is ignored unless said otherwise):

=============================  ===================================================================
``is_title(word)``             "Mr", "mrs.", "DR", "Prof", "Cllr", "Sir", "Dame", "Rev", "PC" ...
``is_given_name(word)``        a known given name ("Priya", "Tomasz", "siobhan", "Will")
``is_common_word(word)``       an everyday English word ("will", "grace", "scheme", "police")
``is_ambiguous_name(word)``    both of the above ("Will", "May", "Grace", "Mark", "Amber")
``is_surname_particle(word)``  "van", "der", "de", "la", "al", "bin", "ap", "Ní", "Ó" ...
``is_not_a_name(word)``        never a person's name here: months, weekdays, legal eponyms
                               (Caldicott, Gillick), organisation and institution words (Act,
                               Council, Trust, Police, Prevent, Channel)
``is_place(word)``             a place that is also a given name (Paris, Jordan, Chelsea, Kent)
``is_name_shaped(word)``       written like a name: Capitalised, O'Neill, McDonald, Smith-Jones,
                               al-Hassan, ÓSúilleabháin (case-sensitive)
``is_role_word(word)``         a word for a person that a name often follows ("my client Priya",
                               "her son jake", "the pupil, Oliver")
=============================  ===================================================================

Text-level: ``name_spans(text)`` returns the ``(start, end)`` spans of the names it finds, where the
text itself gives evidence that a name is there:

- after a title, in any case, with or without a dot ("Mrs O'Neill", "dr. patel", "MRS OKAFOR",
  "Mr. J. Bloggs"; the title itself is not part of the span);
- after a word for a person ("my client Priya", "her son jake", "the pupil, Oliver,");
- after "called", "named", "known as", "goes by", "calls herself", "her name is" (in lower case too
  when a person is being named: "a girl called amelia");
- a known given name followed by a surname-shaped word ("worried about Amir Hassan",
  "Jake Dunn's dad", "Anna van der Berg"), unless it is an organisation's name
  ("Lucy Faithfull Foundation") or a legal reference ("Clare's Law");
- a known given name that the sentence shows is a person: a possessive ("Priya's mum"), a verb
  ("Kayleigh said", "Priya told"), an age ("Tomasz (15)", "Jake, 14,");
- any other capitalised occurrence of a name found by the rules above ("Priya ... Priya").

A lone given name with no such evidence ("can I tell the school about Jake?") is left alone, and so
are everyday words that are also names ("Will the DSL ...", "Grace period", "Hope this helps").

Given names come from the ``gender-guesser`` package's dictionary (Jörg Michael's ``nam_dict``:
about 45,000 first names from 50 countries, read once, on first use), plus a short supplement of
names common in the UK that it lacks (see ``_SUPPLEMENT``). Everyday English words are a
frequency-selected list from SCOWL (see the note on ``_COMMON_WORDS``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = [
    "TITLES",
    "SURNAME_PARTICLES",
    "is_title",
    "is_given_name",
    "is_common_word",
    "is_ambiguous_name",
    "is_surname_particle",
    "is_not_a_name",
    "is_name_shaped",
    "is_role_word",
    "is_place",
    "given_names",
    "name_spans",
]

# --------------------------------------------------------------------------------------------
# titles

#: titles that are never anything else: they introduce a name in any case ("mr smith", "DR. PATEL")
_PLAIN_TITLES = frozenset(
    "mr mrs mx dr prof revd cllr".split()
)
#: titles that are also ordinary words or abbreviations ("I miss it", "MS Teams", "the PC said"):
#: they introduce a name only when the next word is clearly one
_WORD_TITLES = frozenset(
    """ms miss sir dame lady lord rev fr master mstr madam professor reverend councillor
    pc dc ds di dci dsi dsu sgt insp supt det detective sergeant inspector constable
    hhj judge""".split()
)
TITLES: frozenset[str] = _PLAIN_TITLES | _WORD_TITLES
_POLICE_RANKS = frozenset(
    "pc dc ds di dci dsi dsu sgt insp supt det detective sergeant inspector constable".split()
)
# lower-case words after "dr", "mr" that are not names: "her dr appointment", "the dr surgery"
_AFTER_TITLE_NOUNS = frozenset(
    """appointment appointments surgery surgeries note notes letter letters report reports visit visits
    practice practices receptionist referral referrals record records office clinic clinics rota list
    lists team teams men man woman who what which whatever""".split()
)


def is_title(word: str) -> bool:
    """ "Mr", "mrs.", "DR", "Prof", "Cllr", "Sir", "Dame", "Rev", "PC", "Sgt" ... (a dot may follow)."""
    return word.rstrip(".").lower() in TITLES


# --------------------------------------------------------------------------------------------
# surnames

#: lower-case words inside surnames: "Anna van der Berg", "Maria de la Cruz", "Amir bin Salleh"
SURNAME_PARTICLES: frozenset[str] = frozenset(
    """van der den de del della dei di da das dos du la le les von zu ter ten op
    al el ul bin binti bint ibn abu ben bat ap ab ferch ni nic ó ua mac mc st""".split()
)
# lower-case particles written on to a surname: al-Hassan, el-Amin, d'Souza
_PARTICLE_PREFIX = re.compile(r"(?:al|el|ul|bin|ibn|abu|ben|de|di|da|du|van|von|le|la|ter|d)[-'\u2019](.)")


def is_surname_particle(word: str) -> bool:
    return word.lower() in SURNAME_PARTICLES


def is_name_shaped(word: str) -> bool:
    """Written the way names are written: an upper-case first letter ("Priya", "O'Neill",
    "McDonald", "Smith-Jones", "ÓSúilleabháin"), or a lower-case particle joined to one
    ("al-Hassan", "d'Souza"). All-capitals words count only if longer than three letters
    ("OKAFOR", not "GP", "DSL" or "NHS")."""
    if not word:
        return False
    if word[0].isupper():
        return not word.isupper() or len(word) > 3
    if "-" not in word and "'" not in word and "\u2019" not in word:
        return False
    m = _PARTICLE_PREFIX.match(word)
    return bool(m and m.group(1).isupper())


# --------------------------------------------------------------------------------------------
# words that are never people's names in these questions

_MONTHS = frozenset(
    """january february march april may june july august september october november december
    feb mar apr jun jul aug sep sept oct nov dec""".split()  # not "Jan": a name as often as a month
)
_WEEKDAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun weekend easter christmas xmas eid diwali ramadan hanukkah""".split()
)
#: people's names that name a law, doctrine, role or report, never the person asked about
LEGAL_EPONYMS: frozenset[str] = frozenset(
    """caldicott gillick climbié climbie laming bichard""".split()
)
#: names that on their own mean a doctrine here ("Fraser is about contraception", "under Fraser"):
#: a person only with a title or a surname ("Mr Fraser", "Fraser Smith") or after a role word
_DOCTRINES = frozenset("fraser".split())
#: words after a name that make it a law, doctrine or report: "Clare's Law", "Fraser guidelines",
#: "Gillick competent", "the Munro review", "Sarah's law", "Victoria Climbié inquiry"
LEGAL_FOLLOWERS: frozenset[str] = frozenset(
    """law laws act guidelines guideline guidance principles principle competence competency
    competent test ruling judgment judgement criteria guardian guardians review reviews report
    inquiry enquiry case scheme rule rules standard standards framework protocol
    building ward wing unit centre center suite block memorial lecture award prize fund scholarship
    fellowship""".split()
)
#: capitalised words that make a phrase an organisation, place, law or service, never a person
#: ("Kent Police", "Lucy Faithfull Foundation", "Children Act", "Oakfield Primary")
INSTITUTION_WORDS: frozenset[str] = frozenset(
    """act acts law laws court courts council councils team teams service services care trust trusts
    board boards office offices police constabulary school schools academy academies college colleges
    university hospital hospitals hospice centre center centres clinic clinics surgery practice unit
    units guidance guidelines together protection partnership partnerships authority authorities
    department ministry agency commission commissioner tribunal panel conference plan order orders
    regulations regulation code principles rules report review inquiry strategy framework policy
    network foundation charity society association group housing health nhs mental social children
    childrens children's adult adults family families youth community safeguarding government
    parliament borough county city district primary secondary infant infants junior juniors nursery
    grammar church mosque temple gurdwara synagogue chapel cathedral project programme program scheme
    fund aid support advice line hub bank library station prison institute company ltd limited plc llp
    inc partners solicitors associates estate estates tower towers park prevent channel premium
    agreement assessment register records system systems portal app online direct connect
    professionals practitioners partnership's carers network committee forum alliance federation
    union commissioners ombudsman inspectorate ofsted cqc cafcass inquiry infirmary royal medical
    pharmacy dental refuge shelter hostel mission army campus museum gallery theatre stadium airport
    market services solutions consulting consultancy homes properties lettings recruitment
    insurance building magistrates magistrate crown coroners coroner""".split()
)
#: places that are also given names ("Paris is ...", "Jordan and Chelsea ...")
_PLACES = frozenset(
    """paris sydney florence chelsea jordan georgia india israel kent devon lincoln chester jersey
    austin dallas houston phoenix brooklyn preston kingston lourdes florida virginia carolina
    adelaide regina eden chad""".split()
)
#: towns, cities and regions: after a given name they make a place or an organisation, not a person
#: ("Evelina London", "Sheffield Children's", "Carlisle City Council")
_TOWNS = frozenset(
    """london leeds manchester birmingham liverpool bristol sheffield newcastle
    nottingham leicester coventry bradford cardiff swansea glasgow edinburgh aberdeen dundee belfast derry
    york oxford cambridge brighton norwich exeter plymouth southampton portsmouth reading luton hull
    wakefield doncaster sunderland middlesbrough blackpool bolton wigan stockport salford oldham
    rochdale bury halifax huddersfield harrogate lancaster durham carlisle wales scotland england
    ireland cornwall essex surrey sussex norfolk suffolk yorkshire lancashire cheshire cumbria""".split()
)
# capitalised words that open sentences or are function words, never names even when they are in
# the given-name dictionary ("Can", "Do", "The", "Will ... ?", "May I ...")
_STOP = frozenset(
    """a an the i i'm i've i'd i'll im my our we we're we've us you your yours he him his she her hers
    they them their theirs it its this that these those there here if when where what who whom whose
    which why how could do does did is are was were would should shall might must have
    has had any anyone someone some no not just so also and but or nor please hi hello hey thanks
    thank quick question re urgent help yes ok okay after before since as at in on for from with about
    to by of once while although though because new dear all both each every either neither other
    another such than then too very only even still yet already again ever never always sometimes
    often one two three four five six seven eight nine ten first second third last next per via
    into onto upon within without between among against during until unless whether
    also hence thus therefore however meanwhile otherwise instead rather maybe perhaps
    mum dad mother father child children client patient pupil student tenant family social school gp
    police housing council nurse health teacher doctor manager colleague sir madam""".split()
)
# verbs (and the like) that follow a name when it is a person doing something: "Kayleigh said",
# "Priya told me", "Jake has", "Tomasz won't"
_NAME_VERB_BASES = """
    tell say disclose want live attend ask admit report refuse miss move seem look need mention cry
    arrive turn show appear keep stay start stop feel think know complain allege text ring phone email
    message post send abscond steal hurt lose make give take see meet share reveal explain confide
    scream shout agree disagree deny claim believe try write call return use smoke drink remain sleep
    join leave go come get run hit kick threaten punch harm self-harm cut overdose disappear visit
    describe state insist worry fear struggle suffer hide hear reply respond answer decline accept
    refer walk wait play sit stand speak talk sound act behave present engage
"""
_IRREGULAR = """
    told said went gone came got gotten ran hit cut left lost made gave given took taken saw seen met
    kept felt thought knew known wrote written sent stole stolen hid hidden heard sat stood spoke
    spoken drank slept rang rung
    is was has had does did are were have isn't wasn't hasn't hadn't doesn't didn't won't can't
    cannot couldn't aren't weren't haven't
    wouldn't shouldn't will would could should might may must can 's 've 'd 'll
"""


def _verb_forms(bases: str) -> set[str]:
    forms: set[str] = set()
    for base in bases.split():
        forms.add(base)
        if base.endswith("e"):
            forms.update((base + "s", base + "d", base[:-1] + "ing"))
        elif base.endswith("y") and base[-2:-1] not in set("aeiou"):
            forms.update((base[:-1] + "ies", base[:-1] + "ied", base + "ing"))
        elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
            forms.update((base + "es", base + "ed", base + "ing"))
        else:
            forms.update((base + "s", base + "ed", base + "ing"))
            if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", base):  # stop -> stopped, stopping
                forms.update((base + base[-1] + "ed", base + base[-1] + "ing"))
    return forms


NAME_VERBS: frozenset[str] = frozenset(_verb_forms(_NAME_VERB_BASES) | set(_IRREGULAR.split()))

# words for a person that a name often follows: "my client Priya", "her son jake", "the pupil, Oliver"
_ROLE_WORDS = frozenset(
    """client clients patient patients pupil pupils student students learner child kid son daughter
    boy girl baby toddler infant teen teenager lad lass mum mummy mom mother dad daddy father stepdad
    stepmum stepfather stepmother step-dad step-mum stepson stepdaughter parent brother sister sibling
    half-brother half-sister twin grandma grandmother nan nana nanna gran granny grandad granddad
    grandpa grandfather grandson granddaughter aunt auntie aunty uncle cousin nephew niece partner
    husband wife ex ex-partner ex-husband ex-wife boyfriend girlfriend fiancé fiance fiancée fiancee
    friend mate neighbour neighbor tenant resident lodger carer user person victim survivor
    perpetrator suspect offender defendant prisoner inmate man woman lady gentleman colleague manager
    worker teacher nurse officer tutor volunteer employee trainee applicant claimant customer caller
    referrer landlord landlady mentee youngster yp cyp adult""".split()
)
# person nouns and pronoun phrases before "called"/"named" that mean a person is being named
_PERSON_BEFORE_CALLED = _ROLE_WORDS | frozenset(
    """someone somebody anyone one he she they who whose him her them""".split()
)

_NAME_TRIGGERS = frozenset("called named nicknamed aka".split())
_PRONOUN_BE = frozenset(
    "she's he's they're who's she\u2019s he\u2019s they\u2019re who\u2019s i'm i\u2019m".split()
)
# words after which a lower-case word may be a name
_INTRODUCERS = _ROLE_WORDS | _NAME_TRIGGERS | frozenset(
    "as by himself herself themself themselves is was name name's name\u2019s of".split()
)


def is_role_word(word: str) -> bool:
    return word.lower() in _ROLE_WORDS


def is_not_a_name(word: str) -> bool:
    """Months, weekdays, legal eponyms (Caldicott, Gillick), institution words (Act, Council,
    Trust, Police, Prevent, Channel)."""
    w = word.lower()
    return (
        w in _MONTHS
        or w in _WEEKDAYS
        or w in LEGAL_EPONYMS
        or w in INSTITUTION_WORDS
    )


def is_place(word: str) -> bool:
    """A place that is also a given name ("Paris", "Jordan", "Chelsea", "Kent")."""
    return word.lower() in _PLACES


# --------------------------------------------------------------------------------------------
# given names


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every known given name, lower-cased: gender-guesser's dictionary plus ``_SUPPLEMENT``.
    Read once, on first use (about 60 ms)."""
    names: set[str] = set(_SUPPLEMENT.lower().split())
    try:
        data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
        lines = data.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - installed with us
        lines = []
    for line in lines:
        if not line or line[0] in "#=":
            continue
        parts = line.split(None, 2)
        if len(parts) < 2:
            continue
        name = parts[1].lower()
        if "+" in name:  # "Jean+Pierre": Jean-Pierre, JeanPierre
            names.add(name.replace("+", "-"))
            names.add(name.replace("+", ""))
        else:
            names.add(name)
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """A known given name, in any case ("Priya", "priya", "SIOBHAN", "Will"), with or without its
    accents ("Siobhán"), or made of known ones ("Ellie-Mae", "Mary-Jane", "Jean-Luc")."""
    return _is_given(word.lower())


@lru_cache(maxsize=8192)
def _is_given(w: str) -> bool:
    if w in _NEVER_GIVEN:
        return False
    names = given_names()
    if w in names:
        return True
    if "-" in w:
        parts = w.split("-")
        return len(parts) <= 3 and all(p and _is_given(p) for p in parts)
    if not w.isascii():
        bare = "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))
        return bare != w and bare in names
    return False


def is_common_word(word: str) -> bool:
    """An everyday English word ("will", "grace", "scheme", "police"), in any case."""
    return word.lower() in _COMMON


def is_ambiguous_name(word: str) -> bool:
    """A given name that is also an everyday word: Will, May, Grace, Hope, Mark, Amber ..."""
    return is_given_name(word) and is_common_word(word)


# --------------------------------------------------------------------------------------------
# finding names in a text

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019\-]*[^\W\d_])?")
_SPACES = re.compile(r"[ \t\u00a0\u202f]{1,3}")
_AFTER_TITLE_GAP = re.compile(r"\.?[ \t\u00a0\u202f]{1,3}")
_COLLAR_GAP = re.compile(r"\.?[ \t\u00a0\u202f]{1,3}(?:[0-9]{1,6}[ \t\u00a0\u202f]{1,3})?")
_INITIAL_GAP = re.compile(r"\.?[ \t\u00a0\u202f]{0,3}")
_COMMA_GAP = re.compile(r"[ \t\u00a0\u202f]*,[ \t\u00a0\u202f]*")
_COORD_GAP = re.compile(r"(?:[ \t\u00a0\u202f]+(?:and|&|or)[ \t\u00a0\u202f]+|[ \t\u00a0\u202f]*,[ \t\u00a0\u202f]*)")
_SENTENCE_END = re.compile(r"(?:[.!?:;\n]|\s[-\u2013\u2014]|^)[\s\"'\u2018\u201c(\[*_>\u2022-]*$")
# "(15)", ", 14,", " aged 9", " (aged 9)", " (14 yrs)", " 15yo"
_AGE_AFTER = re.compile(
    r"[ \t\u00a0]*(?:\([ \t]*(?:aged?[ \t]*)?[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?|years?(?:[ -]old)?)?[ \t]*\)"
    r"|,[ \t]*(?:aged?[ \t]*)?[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?|years?(?:[ -]old)?)?[ \t]*"
    r"(?:,|\)|$|[ \t]+(?:and|is|was|has|who))"
    r"|[ \t]+aged?[ \t]+[0-9]{1,2}\b"
    r"|[ \t]+[0-9]{1,2}[ \t]*(?:yo|y/o)\b)"
)
_POSSESSIVE = ("'s", "\u2019s")
# verbs whose object is a person: "ask Mohammed", "emailed Priya"; and "spoke to Jake"
_TALK_TO_VERBS = frozenset(
    """ask asked asking tell told telling email emailed emailing ring rang ringing phone phoned
    text texted message messaged contact contacted cc cc'd copy thank thanked meet met visit visited
    saw see seeing warn warned remind reminded""".split()
)
_TALK_VERBS = frozenset(
    """spoke speak speaking talk talked talking wrote write writing chat chatted chatting""".split()
)
# "-ed" words after a capitalised word that are no action of a person ("Kent based", "Paris led")
_NOT_ACTIONS = frozenset("based led funded owned run commissioned registered located centred".split())
_CLAUSE_OPENERS = frozenset("and but then because when if that so while after before since".split())
_VOWEL = re.compile(r"[aeiouy\u00e0-\u00ff]")
# words before a lower-case name that show a person is meant: "worried about amir hassan"
_BEFORE_A_PERSON = frozenset(
    """about with for to from re regarding concerning called named saw met visited seen see meet
    told asked and""".split()
)
# "Priya, who ...", "Tomasz and his brother": words after a name that make it a person
_PERSON_AFTER = re.compile(
    r"[ \t]*,?[ \t]+(?:who\b|and[ \t]+(?:his|her|their)\b"
    r"|(?:in|from)[ \t]+(?:year|yr|y)[ \t]*[0-9]{1,2}\b|(?:in|from)[ \t]+reception\b"
    r"|from[ \t]+(?:the|our|your|their)[ \t]+"
    r"|from[ \t]+(?:children|adult|social|housing|health|police|probation|education|early|family|"
    r"youth|mental)(?:'s|\u2019s)?[ \t]"
    r"|from[ \t]+(?-i:[A-Z]{2,6})\b)",
    re.IGNORECASE,
)
_TRIGGER_GAP = re.compile(r"[ \t\u00a0]{1,3}[\"'\u2018\u201c]?|[ \t]*:[ \t]*")


class _Tok:
    __slots__ = ("start", "end", "text", "base", "low", "poss", "cap")

    def __init__(self, start: int, text: str):
        self.start = start
        self.text = text
        if text.endswith(_POSSESSIVE) and len(text) > 2:
            self.base = text[:-2]
            self.poss = True
        else:
            self.base = text
            self.poss = False
        self.end = start + len(self.base)
        self.low = self.base.lower()
        self.cap = is_name_shaped(self.base)


def _is_cap(tok: _Tok) -> bool:
    return tok.cap


class _LazyTokens:
    """The words of a text, each made a _Tok only when a rule looks at it: most words of a long
    text are never looked at."""

    __slots__ = ("starts", "texts", "made")

    def __init__(self, text: str):
        self.texts = _TOKEN.findall(text)
        starts = []
        pos = 0
        find = text.find
        for word in self.texts:
            pos = find(word, pos)
            starts.append(pos)
            pos += len(word)
        self.starts = starts
        self.made: list[_Tok | None] = [None] * len(starts)

    def __len__(self) -> int:
        return len(self.starts)

    def get(self, i: int) -> _Tok:
        tok = self.made[i]
        if tok is None:
            tok = self.made[i] = _Tok(self.starts[i], self.texts[i])
        return tok


_LOWER_ASCII = b"abcdefghijklmnopqrstuvwxyz"
_UPPER_ASCII = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _upper_text(text: str) -> bool:
    """Is the text written in capitals ("MRS OKAFOR RANG ABOUT HER SON")?"""
    raw = text.encode("ascii", "ignore")
    upper = len(raw) - len(raw.translate(None, _UPPER_ASCII))
    lower = len(raw) - len(raw.translate(None, _LOWER_ASCII))
    return upper >= 8 and 4 * lower < upper


class _Finder:
    """One pass over the tokens of a text; see name_spans."""

    def __init__(self, text: str):
        self.text = text
        self.toks = _LazyTokens(text)
        self.tok = self.toks.get
        self.n = len(self.toks)
        self.shouting = _upper_text(text)
        self.spans: list[tuple[int, int]] = []
        self.used = [False] * self.n
        self.confirmed: set[str] = set()

    # -- helpers ---------------------------------------------------------------------------------
    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        starts, texts = self.toks.starts, self.toks.texts
        prev_end = starts[i - 1] + len(texts[i - 1]) if i > 0 else 0
        return self.text[prev_end : starts[i]]

    def joined(self, i: int, pattern: re.Pattern[str] = _SPACES) -> bool:
        """Token i follows token i-1 with only what ``pattern`` allows between them (and token i-1
        is not a possessive)."""
        return (
            i > 0
            and not self.toks.texts[i - 1].endswith(_POSSESSIVE)
            and pattern.fullmatch(self.gap(i)) is not None
        )

    def opens_sentence(self, i: int) -> bool:
        start = self.tok(i).start
        return _SENTENCE_END.search(self.text, max(0, start - 12), start) is not None

    def word_ok(self, tok: _Tok) -> bool:
        """Could this token be part of someone's name at all?"""
        return (
            tok.low not in _STOP
            and not is_not_a_name(tok.low)
            and tok.low not in SURNAME_PARTICLES
            and not (tok.base.isupper() and len(tok.base) <= 3 and not self.shouting)
        )

    def capital_name_word(self, tok: _Tok, strict: bool) -> bool:
        """A capitalised word that reads as a name: a given name, a surname-looking word, or (when
        ``strict``) not an everyday word unless it is also a common surname."""
        if not _is_cap(tok) or not self.word_ok(tok):
            return False
        if tok.base.isupper() and len(tok.base) > 3 and not self.shouting:
            return False  # "SENCO", "MARAC", "CAMHS": acronyms, unless the whole text shouts
        if not strict:
            return True
        if tok.low in _STREET_WORDS and tok.low not in _COMMON_SURNAMES:
            return False  # "Victoria Crescent", "Hope Street"
        return is_given_name(tok.low) or tok.low in _COMMON_SURNAMES or tok.low not in _COMMON

    def lower_name_word(self, tok: _Tok, person_named: bool) -> bool:
        """A lower-case word that reads as a name: a known given name that is no everyday word, or
        (when the text says a person is being named) any word that is not an everyday one."""
        if tok.text[:1].isupper() or not self.word_ok(tok) or tok.low in NAME_VERBS:
            return False
        if is_given_name(tok.low) and tok.low not in _COMMON:
            return True
        return person_named and (tok.low not in _COMMON or tok.low in _COMMON_SURNAMES)

    def extend(self, i: int, allow_lower: bool, strict: bool) -> int:
        """Index past the last token of the name that starts at token i (already accepted):
        further name words, particles ("van der"), joined by single spaces, at most four words."""
        j = i + 1
        n = self.n
        words = 1
        while j < n and words < 4 and not self.tok(j - 1).poss and (
            self.joined(j) or (self.tok(j - 1).low == "st" and self.joined(j, _AFTER_TITLE_GAP))
        ):
            tok = self.tok(j)
            if tok.low in SURNAME_PARTICLES and tok.low != "st" and j + 1 < n and self.joined(j + 1):
                # "van der Berg", "de la Cruz", "bin Salleh": particles, then a name word
                k = j
                while k < n and self.tok(k).low in SURNAME_PARTICLES and k - j < 3 and self.joined(k):
                    k += 1
                if k < n and self.joined(k) and _is_cap(self.tok(k)) and self.word_ok(self.tok(k)):
                    j = k + 1
                    words += 1
                    continue
                break
            if self.capital_name_word(tok, strict=strict or self.shouting) and tok.low not in NAME_VERBS:
                j += 1
                words += 1
                continue
            if allow_lower and self.lower_name_word(tok, person_named=True) and not tok.text[:1].isupper():
                j += 1
                words += 1
                continue
            break
        return j

    def add(self, i: int, j: int) -> None:
        """Record tokens i..j-1 as one name."""
        if any(self.used[i:j]):
            return
        for k in range(i, j):
            self.used[k] = True
            if self.tok(k).low not in _COMMON and self.tok(k).low not in SURNAME_PARTICLES:
                self.confirmed.add(self.tok(k).low)
        self.spans.append((self.tok(i).start, self.tok(j - 1).end))

    def legal_phrase(self, i: int, j: int) -> bool:
        """Tokens i..j-1 are (part of) a legal or organisational phrase: "Clare's Law", "Fraser
        guidelines", "Victoria Climbie inquiry", "Marie Curie", "Lucy Faithfull Foundation"."""
        if any(t.low in LEGAL_EPONYMS for t in map(self.tok, range(i, j))):
            return True
        if " ".join(t.low for t in map(self.tok, range(i, j))) in _PERSON_NAMED_ORGANISATIONS:
            return True
        last = self.tok(j - 1)
        if j < self.n:
            nxt = self.tok(j)
            gap = self.text[last.start + len(last.text) : nxt.start]
            if _SPACES.fullmatch(gap) and (
                nxt.low in LEGAL_FOLLOWERS
                or (_is_cap(nxt) and (nxt.low in INSTITUTION_WORDS or nxt.low in _STREET_WORDS))
            ):
                return True
        return False

    def after_saint(self, i: int) -> bool:
        if i == 0:
            return False
        prev = self.tok(i - 1)
        return prev.low in ("st", "saint") and re.fullmatch(r"\.?\s{1,2}", self.gap(i)) is not None

    # -- the rules -------------------------------------------------------------------------------
    def titled(self, i: int) -> bool:
        tok = self.tok(i)
        low = tok.low
        if low not in TITLES or tok.poss or i + 1 >= self.n:
            return False
        if not self.joined(i + 1, _COLLAR_GAP if low in _POLICE_RANKS else _AFTER_TITLE_GAP):
            return False  # (a police rank may have a collar number: "PC 1234 Smith")
        plain = low in _PLAIN_TITLES
        lower_title = tok.text.islower()  # "lady", "judge", "pc": a name must be clear after them
        if low in ("ms",) and tok.text == "MS" and not self.shouting:
            plain = False  # "MS Teams", "has MS": multiple sclerosis or Microsoft
        j = i + 1
        # initials: "Mr J. Bloggs", "Dr. A. B. Chaudhry", "Mr J Bloggs"
        while (
            j < self.n
            and len(self.tok(j).base) == 1
            and self.tok(j).base.isupper()
            and j + 1 < self.n
            and self.joined(j + 1, _INITIAL_GAP)
        ):
            j += 1
        first = self.tok(j) if j < self.n else None
        if first is None or first.low in _STOP or first.low in NAME_VERBS and not _is_cap(first):
            return False
        if first.low in SURNAME_PARTICLES and first.low != "st":
            k = self.extend_particles(j)
            if k is None:
                return False
            end = self.extend(k, allow_lower=False, strict=False)
        elif (_is_cap(first) or (first.base.isupper() and len(first.base) > 1)) and not (
            lower_title and not plain and first.low in _COMMON and first.low not in _COMMON_SURNAMES
        ):
            if first.low in LEGAL_EPONYMS:
                return False
            if not plain and not (first.low in _COMMON_SURNAMES or first.low not in _COMMON):
                return False  # "Ms Teams", "Miss Universe", "Lady Justice"
            if first.low in _AFTER_TITLE_NOUNS:
                return False  # "Mr Men"
            if first.base.isupper() and len(first.base) <= 3 and not self.shouting and j == i + 1:
                return False  # "Dr GP", "Mr DSL"
            end = self.extend(j, allow_lower=False, strict=False)
            if end < self.n and self.tok(end).low in LEGAL_EPONYMS and self.joined(end):
                return False  # "Dame Fiona Caldicott's review": a report, not a person asked about
        elif not _is_cap(first):
            # lower case after a title: "dr. patel", "mx jones", "ms evans", "rev smith" (not "dr
            # said", "ms teams", "my pc crashed", "the master bedroom")
            if first.low in NAME_VERBS or first.low in _STOP or is_not_a_name(first.low):
                return False
            if first.low in _AFTER_TITLE_NOUNS:
                return False  # "the dr appointment", "mr men"
            if first.low.endswith(("ing", "ed")) and not is_given_name(first.low):
                return False  # "dr chasing", "cllr asked"
            if not plain and not (
                is_given_name(first.low) or first.low not in _COMMON or first.low in _COMMON_SURNAMES
            ):
                return False
            end = self.extend(j, allow_lower=True, strict=True)
        else:
            return False
        self.add(i + 1, end)
        return True

    def extend_particles(self, j: int) -> int | None:
        """Token j is a particle ("van", "de", "al"): index of the name word after the particles."""
        k = j
        while k < self.n and self.tok(k).low in SURNAME_PARTICLES and k - j < 3:
            k += 1
            if k < self.n and not self.joined(k):
                return None
        if k < self.n and _is_cap(self.tok(k)) and self.word_ok(self.tok(k)):
            return k
        return None

    def after_role(self, i: int) -> bool:
        """ "my client Priya", "her son jake", "the pupil, Oliver,", "Client Priya said"."""
        if i == 0:
            return False
        role = self.tok(i - 1)
        if role.low not in _ROLE_WORDS or role.poss:
            return False
        if role.text[:1].isupper() and not self.opens_sentence(i - 1) and not self.shouting:
            return False  # "Young Person Support", "Family Court": a name of something
        if not (self.joined(i) or self.joined(i, _COMMA_GAP)):
            return False
        tok = self.tok(i)
        if self.after_saint(i):
            return False
        if _is_cap(tok):
            if not self.capital_name_word(tok, strict=True) or tok.low in NAME_VERBS:
                return False
            if role.text[:1].isupper() and tok.low in _COMMON and not self.shouting:
                return False  # "Lady Justice", "Young Person Support" at the start of a sentence
            strict = True
        elif self.lower_name_word(tok, person_named=False):
            strict = True
        else:
            return False
        end = self.extend(i, allow_lower=not _is_cap(tok), strict=strict)
        if self.legal_phrase(i, end):
            return False
        self.add(i, end)
        return True

    def after_called(self, i: int) -> bool:
        """ "a boy called jake smith", "she's called Aisha", "known as Tyler", "her name is Olena"."""
        trigger_end = self.trigger_before(i)
        if trigger_end is None:
            return False
        trigger_start, person_named = trigger_end
        tok = self.tok(i)
        if _is_cap(tok):
            ok = self.capital_name_word(tok, strict=True) if person_named else (
                is_given_name(tok.low) and tok.low not in _COMMON and self.word_ok(tok)
            )
        else:
            ok = self.lower_name_word(tok, person_named=person_named)
        if not ok or tok.low in NAME_VERBS:
            return False
        end = self.extend(i, allow_lower=not _is_cap(tok) and person_named, strict=True)
        if self.legal_phrase(i, end):
            return False
        self.add(i, end)
        return True

    def trigger_before(self, i: int) -> tuple[int, bool] | None:
        """If token i follows "called"/"named"/"known as"/"goes by"/"calls herself"/"name is":
        (index of the trigger's first token, whether a person is being named)."""
        if i == 0 or not _TRIGGER_GAP.fullmatch(self.gap(i)):
            return None
        prev = self.tok(i - 1)
        t = i - 1
        if prev.low in _NAME_TRIGGERS and prev.text[:1].islower() or prev.low == "aka":
            pass
        elif prev.low == "as" and i >= 2 and self.tok(i - 2).low == "known":
            t = i - 2
        elif prev.low == "by" and i >= 2 and self.tok(i - 2).low in ("goes", "go", "going", "went"):
            return (i - 2, True)
        elif (
            prev.low in ("himself", "herself", "themself", "themselves")
            and i >= 2
            and self.tok(i - 2).low in ("calls", "call", "calling", "called")
        ):
            return (i - 2, True)
        elif prev.low in ("is", "was", "'s") and i >= 2 and self.tok(i - 2).low == "name":
            t = i - 2
            owner = self.tok(i - 3).low if i >= 3 else ""
            return (t, owner in ("her", "his", "their", "my", "the", "your", "whose") or owner in _ROLE_WORDS)
        elif prev.low == "of" and i >= 2 and self.tok(i - 2).low == "name":
            return (i - 2, True)  # "goes by the name of Sam"
        elif prev.low == "name" and prev.poss:  # "her name's amelia"
            owner = self.tok(i - 2).low if i >= 2 else ""
            return (t, owner in ("her", "his", "their", "my", "your") or owner in _ROLE_WORDS)
        else:
            return None
        # a person is being named if a person word or pronoun-and-verb comes just before; after
        # "called", only "a boy called", "someone called", "she's called": "the mum called
        # Childline" is a phone call
        naming = self.tok(t).low != "called"
        person = False
        for k in range(max(0, t - 3), t):
            w = self.tok(k)
            if w.text.lower() in _PRONOUN_BE or w.low in ("someone", "somebody", "one"):
                person = True
            elif w.low in _PERSON_BEFORE_CALLED and (
                naming or (k > 0 and self.tok(k - 1).low in ("a", "an", "another", "some", "one"))
            ):
                person = True
            elif w.low in ("is", "was", "are", "were", "be", "been") and k == t - 1:
                person = True  # "he is called", "the girl was named"
        return (t, person)

    def full_name(self, i: int) -> bool:
        """ "worried about Amir Hassan", "Jake Dunn's dad", "Anna van der Berg"."""
        tok = self.tok(i)
        if tok.poss or not _is_cap(tok) or not is_given_name(tok.low) or not self.word_ok(tok):
            return False
        if tok.base.isupper() and not self.shouting:
            return False
        if self.after_saint(i) or i + 1 >= self.n or not self.joined(i + 1):
            return False
        if tok.low in _COMMON and self.opens_sentence(i) and tok.low in _OPENING_WORDS:
            return False
        nxt = self.tok(i + 1)
        if nxt.low in SURNAME_PARTICLES and nxt.low != "st":
            k = self.extend_particles(i + 1)
            if k is None:
                return False
            end = self.extend(k, allow_lower=False, strict=False)
        else:
            if not self.capital_name_word(nxt, strict=True):
                return False
            if tok.low in _COMMON and nxt.low in _COMMON and nxt.low not in _COMMON_SURNAMES:
                return False  # "Grace Period", "Mark Scheme", "Faith Schools"
            if nxt.low in _TOWNS:
                return False  # "Evelina London"
            end = self.extend(i + 1, allow_lower=False, strict=True)
        if self.legal_phrase(i, end):
            return False
        self.add(i, end)
        return True

    def single_name(self, i: int) -> bool:
        """ "Priya's mum", "Kayleigh said", "Tomasz (15)": a given name shown to be a person."""
        tok = self.tok(i)
        if not _is_cap(tok) or tok.base.isupper() or not is_given_name(tok.low):
            return False
        if tok.low in _COMMON or not self.word_ok(tok) or self.after_saint(i) or is_place(tok.low):
            return False
        if tok.low in _DOCTRINES:
            return False
        nxt = self.tok(i + 1) if i + 1 < self.n else None
        if tok.poss:
            if nxt is None or not _SPACES.fullmatch(self.gap(i + 1)) or nxt.low in LEGAL_FOLLOWERS:
                return False
            if not nxt.text[:1].islower():
                return False  # "Clare's Law", "Barnardo's Children's Services"
        elif nxt is not None and self.joined(i + 1) and nxt.text.islower() and nxt.low in NAME_VERBS:
            pass
        elif (
            nxt is not None
            and self.joined(i + 1)
            and nxt.text.islower()
            and nxt.low.endswith("ed")
            and len(nxt.low) > 4
            and nxt.low not in _NOT_ACTIONS
            and (self.opens_sentence(i) or (i > 0 and self.tok(i - 1).low in _CLAUSE_OPENERS))
        ):
            pass  # "Jayden smashed ...", "and Priya overdosed": a person doing something
        elif nxt is not None and nxt.text.startswith(("'", "\u2019")) and nxt.low in NAME_VERBS:
            pass
        elif _AGE_AFTER.match(self.text, tok.end) or _PERSON_AFTER.match(self.text, tok.end):
            pass
        elif self.spoken_to(i):
            pass
        else:
            return False
        self.add(i, i + 1)
        return True

    def spoken_to(self, i: int) -> bool:
        """Token i is the person someone talks to: "ask Mohammed", "emailed Priya", "spoke to Jake"."""
        if i == 0 or not self.joined(i):
            return False
        prev = self.tok(i - 1).low
        if prev in _TALK_TO_VERBS:
            return True
        return (
            prev in ("to", "with")
            and i >= 2
            and self.joined(i - 1)
            and self.tok(i - 2).low in _TALK_VERBS
        )

    def lower_full_name(self, i: int) -> bool:
        """ "worried about amir hassan", "jake dunn's dad": a given name that is no everyday word,
        then a surname-looking word that is none either, both in lower case."""
        tok = self.tok(i)
        if tok.poss or not tok.text.islower() or i + 1 >= self.n or not self.joined(i + 1):
            return False
        if tok.low in _COMMON or not is_given_name(tok.low) or not self.word_ok(tok):
            return False
        nxt = self.tok(i + 1)
        if len(tok.base) < 3 or not nxt.text.islower() or len(nxt.base) < 3 or not self.word_ok(nxt):
            return False
        if nxt.low in NAME_VERBS or (nxt.low in _COMMON and nxt.low not in _COMMON_SURNAMES):
            return False
        if not _VOWEL.search(tok.low) or not _VOWEL.search(nxt.low):
            return False  # "uk gdpr": letters of an abbreviation
        # and the sentence shows a person: "about amir hassan", "jake dunn's dad", "amir hassan said"
        after = self.tok(i + 2) if i + 2 < self.n and self.joined(i + 2) else None
        before = self.tok(i - 1).low if i > 0 and self.joined(i) else ""
        if not (
            nxt.poss
            or before in _BEFORE_A_PERSON
            or before in _ROLE_WORDS
            or (after is not None and after.text.islower() and after.low in NAME_VERBS)
            or _AGE_AFTER.match(self.text, nxt.end)
        ):
            return False
        end = i + 2
        if self.legal_phrase(i, end):
            return False
        self.add(i, end)
        return True

    def coordinated(self) -> None:
        """ "Jake and Priya told me", "Jake, Priya and Sam": a given name joined by "and", "or",
        "&" or a comma to a name already found. One pass from the right, so that a chain of names
        costs no more than its length."""
        for k in range(self.n - 1, 0, -1):
            if not self.used[k]:
                continue
            if self.toks.texts[k - 1].lower() in ("and", "or") and k >= 2 and self.joined(k):
                i = k - 2
                if not _SPACES.fullmatch(self.gap(k - 1)):
                    continue
            elif _COORD_GAP.fullmatch(self.gap(k)):
                i = k - 1
            else:
                continue
            if self.used[i]:
                continue
            tok = self.tok(i)
            if (
                not tok.poss
                and _is_cap(tok)
                and not tok.base.isupper()
                and is_given_name(tok.low)
                and tok.low not in _COMMON
                and self.word_ok(tok)
                and not is_place(tok.low)
                and tok.low not in _DOCTRINES
                and not self.after_saint(i)
            ):
                self.add(i, i + 1)

    def repeated(self) -> None:
        """Other capitalised occurrences of a word already found to be a name."""
        if not self.confirmed:
            return
        confirmed = self.confirmed
        for i, word in enumerate(self.toks.texts):
            if self.used[i] or not word[0].isupper():
                continue
            low = word.lower()
            if low not in confirmed and low[:-2] not in confirmed:
                continue
            tok = self.tok(i)
            if tok.low not in confirmed or not _is_cap(tok):
                continue
            if tok.low in LEGAL_EPONYMS or tok.low in _DOCTRINES or self.after_saint(i):
                continue
            if self.legal_phrase(i, i + 1):
                continue
            self.add(i, i + 1)

    def run(self) -> list[tuple[int, int]]:
        toks = self.toks
        lows = [word.lower() for word in toks.texts]
        for i, low in enumerate(lows):
            if low in TITLES and not self.used[i]:
                self.titled(i)
        # only words that follow a word that can introduce a name ("client", "called"), or are
        # capitalised given names: no rule below starts anywhere else
        texts = toks.texts
        given = given_names()
        common = _COMMON
        candidates = [
            i
            for i, word in enumerate(texts)
            if (i > 0 and lows[i - 1] in _INTRODUCERS and (word[0].isupper() or lows[i] not in common))
            or (
                word[0].isupper()
                and (
                    lows[i] in given
                    or _is_given(lows[i][:-2] if lows[i].endswith(_POSSESSIVE) else lows[i])
                )
            )
        ]
        for i in candidates:
            if not self.used[i]:
                self.after_role(i) or self.after_called(i) or self.full_name(i)
        for i in candidates:
            if not self.used[i] and toks.get(i).cap:
                self.single_name(i)
        for i, low in enumerate(lows):
            if low in given and low not in common and not self.used[i] and low.islower():
                self.lower_full_name(i)
        if self.spans:
            self.coordinated()
            self.repeated()
        return sorted(self.spans)


def name_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each person's name that the text gives evidence for (see the module
    docstring). Titles are not part of the span ("Mrs [Okafor]"); a possessive "'s" is not either
    ("[Jake Dunn]'s dad")."""
    if not text or not any(c.isalpha() for c in text):
        return []
    return _Finder(text).run()


# --------------------------------------------------------------------------------------------
# data

# sentence-opening words that are also names, never taken for a name in that place
_OPENING_WORDS = frozenset(
    "will may can do did does young major art sky".split()
)

#: organisations and things named after people ("Marie Curie nurses", "the Sue Ryder hospice")
_PERSON_NAMED_ORGANISATIONS = frozenset(
    """marie curie|sue ryder|leonard cheshire|anthony nolan|florence nightingale|terrence higgins|
    lucy faithfull|joseph rowntree|princess royal|alder hey|great ormond|st thomas|st mary|
    victoria climbie|victoria climbié|stephen lawrence|john lewis|baby p|earl grey""".replace("\n", "").replace(
        "    ", ""
    ).split("|")
)

#: street words: "Victoria Crescent", "Hope Street" are places, not people
_STREET_WORDS = frozenset(
    """road rd street st avenue ave lane ln close drive crescent grove gardens terrace court place way
    square mews parade row walk rise view vale wharf yard boulevard circus chase croft fold gate wynd
    brae broadway embankment quay hollow meadow meadows mount heights villas cottages house lodge
    mansions buildings estate green hill park""".split()
)

#: common British surnames that are also everyday words ("Mrs Green", "Mr Young", "Chloe Smith")
_COMMON_SURNAMES = frozenset(
    """smith brown white green black young king wood hill hall baker cook walker hunter porter
    ward bell rose reed stone moss marsh lane page price day west knight fox ford bird bishop cross
    long rich hart gray grey bush park booth rice nash parsons fisher butler carpenter taylor
    mills holmes barnes banks burns hope little cole frost field fields french english rivers waters
    wells woods brooks lamb salmon sharp short strong swan wise chambers summers hardy pope
    dean mason cooper turner newton freeman gardner palmer shepherd archer steward fowler miller
    weaver potter sawyer slater thatcher tanner glover marshall chapman parker webb lord
    duke earl baron noble prince law grant bond cash love""".split()
)

#: given-name dictionary entries that are only ever words in these questions
_NEVER_GIVEN = frozenset(
    """the and can do an in on is it at to of or no yes so he she we me my his her our but not as by
    be if from with for this that you your all one are was were has had have his been like per via
    more most very much many new old big good bad best well thanks please sorry ok okay hi hello dear
    what when where who why how which""".split()
)

# Given names common in the UK that gender-guesser's 2007 dictionary lacks (checked against it).
_SUPPLEMENT = """
    Alfie Albie Arlo Reggie Ronnie Kyrie Neveah Chardonnay Tyreke Padraig Lorcan Catalin Eesa
    Mohamud Mahamed Abdirahman Abdullahi Abdirizak Hodan Faduma Ifrah Ubah Sagal Fardowsa Nimco Deeqa
    Iqra Hina Ananya Simran Manpreet Jaspreet Navpreet Zubair Junaid Zain Ayaan Aarav Vihaan Reyansh
    Ishaan Zsofia Chidi Chinedu Chidera Chiamaka Chioma Ngozi Emeka Obinna Oluwaseun Olumide Tunde
    Tolu Temi Funmilayo Folake Kemi Segun Bisi Yemi Ayomide Kwame Yaw Kwabena Efua Ama Akosua Abena
    Adwoa Tesfay Dawit Senait Yonas Semhar Favour Blessing Mercy Safiya Safiyyah Sumayyah Aleena Eshal
    Hajra Kausar Shamima Sohaib Ayse Ayşe Oakley Bodhi Kobe Kody Jaxon Jaxson Brodie Lexi Lexie
    Tillie Ottilie Margot Mabel Nancy Ivy Ava Aria Ayla Esmae Mae Orla Thea Nova Remi Rumi Zion
"""

# Everyday English words: the words of SCOWL (Spell Checker Oriented Word Lists, the British-English
# list as packaged by Debian's wbritish, Copyright 2000-2011 by Kevin Atkinson, used under its
# permissive licence: "Permission to use, copy, modify, distribute and sell these word lists ... is
# hereby granted without fee, provided that the above copyright notice appears in all copies ...")
# that are among the 10,000 most frequent English words (frequency from the wordfreq package, used
# only to choose), less words that are mostly given names (john, peter, tom, harry, mason, ...).
_COMMON_WORDS = """
a abandon abandoned abbey abilities ability able aboard aboriginal abortion about above abroad
absence absent absolute absolutely absorb absorbed abstract absurd abundance abundant abuse abused
abusive academic academics academy accent accept acceptable acceptance accepted accepting accepts
access accessed accessible accessories accident accidental accidentally accidents accommodate
accommodation accompanied accompany accompanying accomplish accomplished accord accordance
according accordingly account accountability accountable accounted accounting accounts accuracy
accurate accurately accusations accused ace achieve achieved achievement achievements achieving
acid acids acknowledge acknowledged acoustic acquire acquired acquiring acquisition acre acres
across act acted acting action actions activated activation active actively activist activists
activities activity actor actors actress acts actual actually acute ad adapt adaptation adapted add
added addicted addiction adding addition additional additionally additions address addressed
addresses addressing adds adequate adjacent adjust adjusted adjustment adjustments admin
administered administration administrative administrator administrators admiral admire admission
admit admits admitted admitting adopt adopted adopting adoption adorable ads adult adults advance
advanced advancement advances advancing advantage advantages adventure adventures adverse
advertisement advertising advice advise advised adviser advisor advisory advocacy advocate
advocates aerial aesthetic affair affairs affect affected affecting affection affects affiliate
affiliated afford affordable afghan afraid after aftermath afternoon afterwards again against age
aged agencies agency agenda agent agents ages aggregate aggression aggressive aging ago agree
agreed agreeing agreement agreements agrees agricultural agriculture ahead aid aids aim aimed
aiming aims air aircraft aired airline airlines airport airports alarm albeit album albums alcohol
alcoholic alert algebra algorithm algorithms alien aliens aligned alignment alike alive all
allegations alleged allegedly allergic alley alliance allied allies allocated allow allowance
allowed allowing allows ally almost alone along alongside alpha already alright also alt altar
alter altered alternate alternative alternatively alternatives although altitude altogether alumni
always am amateur amazed amazing amazon ambassador amber ambition ambitious ambulance amen amended
amendment amendments amid ammunition among amongst amount amounts amp an anal analyses analysis
analyst analysts anatomy ancestors anchor ancient and android angel angels anger angle angles angry
animal animals animated animation anime ankle anniversary announce announced announcement announces
announcing annoyed annoying annual annually anonymous another answer answered answering answers ant
antenna anthem anti anticipated antique anxiety anxious any anybody anymore anyone anything anytime
anyway anywhere apart apartment apartments apologies apology app apparatus apparent apparently
appeal appealed appealing appeals appear appearance appearances appeared appearing appears appetite
applause apple apples applicable applicants application applications applied applies apply applying
appointed appointment appointments appreciate appreciated appreciation approach approached
approaches approaching appropriate approval approve approved approximately apps arbitrary arc arch
archbishop archer architect architects architectural architecture archive archives arctic are area
areas arena arguably argue argued argues arguing argument arguments arise arm armed armies arms
army around arrange arranged arrangement arrangements array arrest arrested arrival arrive arrived
arrives arriving arrow arrows arsenal art article articles artificial artillery artist artistic
artists arts artwork as ash ashamed ashes aside ask asked asking asks asleep aspect aspects ass
assassination assault assembled assembly asses assess assessed assessment assessments asset assets
assigned assignment assignments assist assistance assistant assisted assisting assists associate
associated associates association associations assume assumed assumes assuming assumption
assumptions assurance assure assured asylum at ate athlete athletes athletic athletics atlas
atmosphere atmospheric atomic attached attachment attack attacked attacking attacks attempt
attempted attempting attempts attend attendance attended attending attention attitude attitudes
attorney attorneys attract attracted attraction attractions attractive attribute attributed
attributes auction audience audiences audio audit audition august aunt authentic author authorities
authority authors autism auto automated automatic automatically automation automobile automotive
autonomous autonomy autumn availability available avengers avenue average averaged aviation avoid
avoided avoiding aw awake award awarded awards aware awareness away awe awesome awful awhile
awkward axe axis aye b babe babies baby bachelor back backed background backgrounds backing
backpack backs backup backwards backyard bacon bacteria bad badge badly bag bags bail bait bake
baked baker baking balance balanced balancing balcony bald ball ballet balloon ballot balls ban
banana band bands bang bank banker bankers banking bankruptcy banks banned banner banning baptist
bar barber bare barely bargain bark barn baron barrel barrels barrier barriers bars base baseball
based basement bases bash basic basically basics basin basis basket basketball bass bastard bat
batch bath bathroom bats battalion batteries battery batting battle battlefield battles bay be
beach beaches beam bean beans bear beard bearing bears beast beat beaten beating beats beautiful
beautifully beauty became because become becomes becoming bed bedroom beds bee beef been beer beers
bees before beg began begging begin beginning begins begun behalf behave behaviour behind being
beings belief beliefs believe believed believes believing bell bells belly belong belonged
belonging belongs beloved below belt bench bend beneath beneficial benefit benefits bent berry
beside besides best bet beta bets better betting between beyond bias bible biblical bibliography
bicycle bid bidding bids big bigger biggest bike bikes bill billboard billion billions bills bin
binary binding biography biological biology bird birds birth birthday bishop bishops bit bitch
bitches bitcoin bite bites biting bits bitter bizarre black blacks blade blades blah blame blamed
blaming blank blanket blast bleeding blend bless blessed blessing blew blind bliss block blocked
blocking blocks blog blogger blogs blonde blood bloody bloom blow blowing blown blows blue blues
blunt board boarding boards boat boats bodies bodily body boil bold bolt bomb bomber bombers
bombing bombs bond bonds bone bones bonus bonuses boobs book booked booking books boom boost boot
booth boots border borders bore bored boring born borough borrow borrowed boss bosses bot both
bother bothered bottle bottles bottom bought bounce bound boundaries boundary bout bow bowl bowling
box boxes boxing boy boycott boyfriend boys bra bracket brain brains brake brakes branch branches
brand branded brands brass brave breach bread break breakdown breakfast breaking breaks
breakthrough breast breasts breath breathe breathing bred breed breeding breeze brick bricks bride
bridge bridges brief briefly brigade bright brilliant bring bringing brings broad broadcast
broadcasting broader broadly broke broken broker broncos bronze brooks brother brotherhood brothers
brought brown browns browser brush brutal bubble bubbles buck bucket bucks bud buddies buddy budget
buffalo buffer bug bugs build builder builders building buildings builds built bulk bull bullet
bulletin bullets bulls bullshit bully bullying bump bunch bundle bunny burden bureau burger burial
buried burn burned burning burns burnt burst bury bus buses bush business businesses businessman
bust busy but butler butt butter butterfly button buttons buy buyer buyers buying buys buzz by bye
c ca cab cabin cabinet cable cables cage cake cakes calcium calculate calculated calculations
calendar calif call called calling calls calm calories came camera cameras camp campaign campaigns
camping camps campus can canal cancel cancelled cancer candidate candidates candle candles candy
cannabis cannon cannot canon cans cant canvas canyon cap capabilities capability capable capacity
cape capital capitalism capitalist capitol caps captain capture captured car carbon card cardiac
cardinal cards care cared career careers careful carefully cares cargo caring carnival carol
carpenter carpet carriage carried carrier carriers carries carry carrying cars cart cartoon carved
case cases cash casino cast casting castle casual casualties cat catalogue catch catches catching
categories category cathedral catholic cats cattle caught cause caused causes causing caution
cautious cavalry cave cc cease ceased ceiling celebrate celebrated celebrating celebration
celebrations celebrities celebrity cell cells cellular cement cemetery censorship census cent
central centre centres cents centuries century ceremony certain certainly certainty certificate
certification certified cf ch chain chains chair chairman chairs challenge challenged challenges
challenging chamber chambers champ champagne champion champions championship championships chance
chancellor chances change changed changes changing channel channels chaos chapel chapter chapters
character characteristic characteristics characters charge charged charges charging charitable
charities charity charm charming chart charter charts chase chasing chat cheap cheaper cheat
cheated cheating check checked checking checks cheek cheeks cheer cheering cheers cheese chef
chemical chemicals chemistry cherry chess chest chick chicken chickens chicks chief chiefs child
childhood children chill chin china chip chips chocolate choice choices choir choose chooses
choosing chopped chorus chose chosen chrome chronic church churches cigarette cigarettes cinema
circle circles circuit circular circulation circumstances circus citation cited cities citing
citizen citizens citizenship city civic civil civilian civilians claim claimed claiming claims clan
clarify clarity clash class classes classic classical classics classification classified classroom
clause clay clean cleaned cleaner cleaning clear clearance cleared clearing clearly clerk clever
click clicking client clients cliff climate climb climbed climbing clinic clinical clinics clip
clips clock close closed closely closer closes closest closet closing closure cloth clothes
clothing cloud clouds clown club clubs clue clues cluster clutch cm coach coaches coaching coal
coalition coast coastal coat cocaine cock cocktail coconut cod code codes coding coffee coffin
cognitive coin coincidence coins coke col cold collaboration collaborative collapse collapsed
collar colleague colleagues collect collected collecting collection collections collective
collectively collector collectors college colleges collision colonel colonial colonies colony
colour coloured colours column columns combat combination combinations combine combined combining
combo come comeback comedian comedy comes comfort comfortable comic comics coming command commander
commanding commands commenced comment commentary commented commenting comments commerce commercial
commercials commission commissioned commissioner commissions commit commitment commitments
committed committee committees committing commodity common commonly commons commonwealth
communicate communication communications communism communist communities community compact
companies companion companions company comparable compare compared comparing comparison comparisons
compassion compatible compelling compensate compensation compete competent competing competition
competitions competitive competitor competitors compilation compiled complain complained
complaining complaint complaints complete completed completely completing completion complex
complexity compliance complicated complications compliment comply component components composed
composer composite composition compound compounds comprehensive compression comprised comprises
comprising compromise compromised computer computers computing con conceived concentrate
concentrated concentration concept concepts concern concerned concerning concerns concert concerts
conclude concluded conclusion conclusions concrete condemned condition conditioning conditions
conduct conducted conducting conductor cone conference conferences confess confession confidence
confident confidential configuration confined confirm confirmation confirmed confirms conflict
conflicts confront confronted confused confusing confusion congratulations congregation congress
congressional congressman conjunction connect connected connecting connection connections connects
conscience conscious consciousness consecutive consensus consent consequence consequences
consequently conservation conservative conservatives consider considerable considerably
consideration considered considering considers consist consisted consistency consistent
consistently consisting consists console consolidated conspiracy constable constant constantly
constitute constitution constitutional constraints construct constructed construction constructive
consult consultant consultation consulting consume consumed consumer consumers consuming
consumption contact contacted contacts contain contained container containers containing contains
contemporary content contents contest context continent continental continually continue continued
continues continuing continuous continuously contract contracted contractor contractors contracts
contrary contrast contribute contributed contributing contribution contributions control controlled
controller controlling controls controversial controversy convenience convenient convention
conventional conventions conversation conversations conversion convert converted convey convicted
conviction convince convinced convincing cook cooked cookie cookies cooking cool cooler cooling
cooperate cooperation cooperative coordinate coordinated coordinates coordination coordinator cop
cope copied copies copper cops copy copyright coral cord core corn corner corners corp corporate
corporation corporations corps correct corrected correction correctly correlation correspondence
correspondent corresponding corridor corrupt corruption cosmic cost costly costs costume costumes
cottage cotton couch cough could council councils counsel count counted counter counties counting
countless countries country countryside counts county coup couple coupled couples coupon courage
course courses court courtesy courts cousin cousins cover coverage covered covering covers cow
cowboy cowboys cows cox crack cracked cracking cracks craft crane crap crash crashed crashes
crashing crazy cream create created creates creating creation creative creativity creator creators
creature creatures credibility credit credited credits creek creep creepy crew crews cricket cried
cries crime crimes criminal criminals crisis criteria critic critical critically criticism critics
critique crop crops cross crossed crosses crossing crow crowd crowded crowds crown crucial crude
cruel cruise crush crushed crushing cry crying crystal crystals cs ct cube cubs cuisine cult
cultural culture cultures cum cunt cup cups curb cure curiosity curious currency current currently
curriculum curry curse curtain curve curved curves custody custom customer customers customs cut
cute cuts cutting cycle cycles cycling cylinder d dad daddy daily dairy daisy dale dam damage
damaged damages damaging dame damn damned dance dancer dancers dances dancing danger dangerous
dangers dare dark darker darkness darling dash data database date dated dates dating daughter
daughters dawn day daylight days dead deadline deadly deaf deal dealer dealers dealing deals dealt
dear death deaths debate debates debris debt debts debut decade decades decay deceased decent
decide decided decides deciding decision decisions decisive deck declaration declare declared
declaring decline declined declining decorated decoration decorative decrease decreased decree
dedicated dedication deeds deemed deep deeper deeply deer default defeat defeated defence defend
defendant defendants defended defender defenders defending defensive deficit define defined defines
defining definite definitely definition definitions definitive degree degrees delay delayed delays
delegates delegation delete deleted deliberate deliberately delicate delicious delight delighted
deliver delivered delivering delivers delivery delta demand demanded demanding demands demo
democracy democrat democratic democrats demographic demon demons demonstrate demonstrated
demonstrates demonstration demonstrations den denial denied dense density dental dentist deny
denying departed department departments departure depend dependent depending depends deployed
deployment deposit deposits depot depressed depressing depression depth depths deputy derby derived
descent describe described describes describing description descriptions desert deserve deserved
deserves design designated designed designer designers designing designs desirable desire desired
desires desk desktop despair desperate desperately despite dessert destination destinations
destined destiny destroy destroyed destroying destruction destructive detached detail detailed
details detained detect detected detection detective detention determination determine determined
determining devastating develop developed developer developers developing development developmental
developments develops device devices devil devils devoted diabetes diagnosed diagnosis diagnostic
diagram dial dialogue diameter diamond diamonds diary dick dictionary did die died dies diesel diet
differ difference differences different differential differently difficult difficulties difficulty
dig digging digital dignity dimension dimensional dimensions dining dinner dioxide dip diplomatic
direct directed directing direction directions directly director directors directory dirt dirty
disabilities disability disabled disagree disappear disappeared disappointed disappointing
disappointment disaster disc discharge discipline disclose disclosed disclosure disco discount
discounts discourse discover discovered discovering discovery discretion discrimination discuss
discussed discusses discussing discussion discussions disease diseases disgusting dish dishes disk
dislike dismiss dismissed disorder disorders displaced display displayed displays disposal dispute
disputes dissolved distance distances distant distinct distinction distinctive distinguish
distinguished distracted distraction distress distribute distributed distribution district
districts disturbed disturbing ditch dive diverse diversity divide divided dividend divine diving
division divisions divorce divorced do doc dock doctor doctors doctrine document documentary
documentation documented documents dodge dodgers doe does dog dogs doing doll dollar dollars dolls
dolphins domain dome domestic dominance dominant dominate dominated donate donated donation
donations done donor donors doom door doors dope dose doses dot double doubled doubles doubt doubts
dough down download downloaded downs downtown dozen dozens draft drafted drag dragged dragging
dragon dragons drain drake drama dramatic dramatically drank draw drawer drawing drawings drawn
draws dream dreaming dreams dress dressed dresses dressing drew dried drift drill drilling drink
drinking drinks drive driven driver drivers drives driving drone drones drop dropped dropping drops
drought drove drug drugs drum drums drunk dry dual dubbed duck ducks dude dudes due dug duke dull
dumb dump dumped duo duration during dust duties duty dye dying dynamic dynamics dynasty e each
eager eagle eagles ear earl earlier earliest early earn earned earning earnings ears earth
earthquake ease easier easiest easily east eastern easy eat eaten eating eats echo eclipse
ecological economic economically economics economies economist economy ecosystem edge edges edit
edited editing edition editions editor editorial editors educate educated education educational
educators effect effective effectively effectiveness effects efficiency efficient efficiently
effort efforts egg eggs ego eh eight eighteen eighth either elaborate elbow elder elderly elect
elected election elections electoral electric electrical electricity electron electronic
electronics elegant element elementary elements elephant elephants elevated elevation elevator
eleven eligible eliminate eliminated eliminating elimination elite else elsewhere em email emails
embarrassed embarrassing embassy embedded embrace emerge emerged emergency emerging emissions
emotion emotional emotionally emotions emperor emphasis empire employ employed employee employees
employer employers employment empty enable enabled enables enabling encounter encountered
encounters encourage encouraged encouragement encourages encouraging end endangered ended ending
endless endorsed ends endure enemies enemy energy enforce enforced enforcement engage engaged
engagement engaging engine engineer engineering engineers engines enhance enhanced enjoy enjoyable
enjoyed enjoying enjoyment enjoys enormous enough enrolled ensure ensuring enter entered entering
enterprise enterprises enters entertain entertaining entertainment enthusiasm enthusiastic entire
entirely entities entitled entity entrance entrepreneur entrepreneurs entries entry envelope
environment environmental environments envy enzyme epic epidemic episode episodes equal equality
equally equation equipment equipped equity equivalent era erected error errors es escape escaped
escort especially essay essays essence essential essentially est establish established establishing
establishment establishments estate estates esteem estimate estimated estimates etc eternal
eternity ethical ethics ethnic euro euros evaluate evaluated evaluation eve even evening event
events eventually ever every everybody everyday everyone everything everywhere evidence evident
evil evolution evolutionary evolve evolved ex exact exactly exam examination examine examined
examining example examples exams exceed excellence excellent except exception exceptional
exceptions excess excessive exchange exchanges excited excitement exciting exclude excluded
excluding exclusive exclusively excuse excuses execute executed execution executive executives
exempt exercise exercises exhaust exhausted exhibit exhibited exhibition exhibits exile exist
existed existence existing exists exit exotic expand expanded expanding expansion expect
expectation expectations expected expecting expects expedition expense expenses expensive
experience experienced experiences experiencing experiment experimental experiments expert
expertise experts expired explain explained explaining explains explanation explicit explicitly
explode exploit exploitation exploration explore explored explorer exploring explosion explosive
explosives export exports expose exposed exposing exposure express expressed expressing expression
expressions extend extended extending extends extension extensions extensive extensively extent
exterior external extra extract extraction extraordinary extreme extremely eye eyed eyes f fabric
fabulous face faced faces facial facilitate facilities facility facing fact faction factor
factories factors factory facts faculty fade fail failed failing fails failure failures faint fair
fairly fairy faith faithful fake fall fallen falling falls false fame familiar families family
famous fan fancy fans fantastic fantasy far fare farewell farm farmer farmers farming farms farther
fascinating fascist fashion fashioned fast faster fastest fat fatal fate father fathers fatigue
fatty fault favour favourite fear feared fears feast feat feathers feature featured features
featuring fed federal federation fee feed feedback feeding feeds feel feeling feelings feels fees
feet fell fellow fellows fellowship felt female females feminine feminism feminist fence ferry
fertility festival festivals fever few fewer fiction fictional field fields fierce fifteen fifth
fifty fig fight fighter fighters fighting fights figure figured figures file filed files filing
fill filled filling film filmed filming films filter filters filthy final finale finally finals
finance finances financial financially financing find finding findings finds fine fines finest
finger fingers finish finished finishes finishing fire firearms fired fires fireworks firing firm
firmly firms first fiscal fish fisher fishing fist fit fitness fits fitted fitting five fix fixed
fixing fixtures fl flag flags flame flames flash flat flaws fled flee fleet flesh flew flexibility
flexible flies flight flights flip float floating flood flooded flooding floods floor floors flour
flow flower flowers flowing flown flows flu fluid flush fly flying foam focus focused focuses
focusing fog fold folded folk folks follow followed followers following follows fond font food
foods fool foolish fools foot footage football for forbidden force forced forces forcing ford
forecast forehead foreign foreigners foremost forest forests forever forge forget forgetting
forgive forgiveness forgot forgotten fork form formal formally format formation formed former
formerly forming forms formula fort forth fortunate fortunately fortune forty forum forums forward
forwards fossil foster fought foul found foundation foundations founded founder founders founding
fountain four fourteen fourth fox fr fraction fragile fragments frame framed frames framework
franchise frank frankly fraud freak freaking free freed freedom freely freestyle freeze freezing
freight french frequency frequent frequently fresh freshman fridge fried friend friendly friends
friendship fries fringe frog from front frontier frost frozen fruit fruits frustrated frustrating
frustration fry ft fuck fucked fucking fucks fuel fuels full fuller fully fun function functional
functioning functions fund fundamental funded funding funds funeral funny fur furious furniture
further furthermore fury fusion future futures g gain gained gaining gains galaxy galleries gallery
gamble gambling game games gaming gang gap gaps garage garbage garden gardens garlic gas gasoline
gate gates gateway gather gathered gathering gauge gave gay gear gel gem gen gender gene general
generally generate generated generating generation generations generator generic generous genes
genesis genetic genetics genius genocide genre gentle gentleman gentlemen gently genuine genuinely
geographic geographical geography geological geometry gesture get gets getting ghost ghosts giant
giants gift gifted gifts gig ginger girl girlfriend girls give given gives giving glad glance glass
glasses glen glimpse global globally globe glorious glory gloves glow glue gm go goal goalkeeper
goals goat god goddamn goddess gods goes going gold golden golf gone gonna good goodbye goodness
goods google goose gorgeous gosh gospel gossip got gotta gotten gov governance governed governing
government governmental governments governor governors grab grabbed grace grade grades gradually
graduate graduated graduates graduation grain grammar grams grand grandchildren grandfather grandma
grandmother grandpa grandparents grandson granite grant granted grants graph graphic graphics grasp
grass grateful gratitude grave graves gravity great greater greatest greatly green greenhouse
greens grew grey grid grief griffin grill grind grinding grip grocery gross ground grounded grounds
group groups grove grow growing grown grows growth guarantee guaranteed guarantees guard guardian
guardians guards guess guessing guest guests guidance guide guided guidelines guides guild guilt
guilty guinea guitar gulf gum gun guns guru gut guy guys gym h habit habitat habits hack hacked
hacking had hail hair hairy half halfway hall halls halt ham hammer hand handbook handed handful
handle handled handles handling hands handsome handy hang hanging happen happened happening happens
happier happily happiness happy harassment harbour hard harder hardest hardly hardware hardy harm
harmful harmless harmony harsh hart harvest has hat hatch hate hated hates hating hatred hats haul
haunted have haven having hawk hawks hay hazard he head headache headed header heading headline
headlines headphones headquarters heads heal healing health healthcare healthier healthy hear heard
hearing hearings hears heart hearts heat heated heather heating heaven heavier heavily heavy heck
heel heels height heights heir held helicopter hell hello helmet help helped helpful helping helps
hence her herald here heritage hero heroes heroic heroin hers herself hes hesitate hid hidden hide
hiding hierarchy high higher highest highlight highlighted highlights highly highway highways hike
hiking hilarious hill hills him himself hint hints hip hips hire hired hiring his historian
historians historic historical historically history hit hits hitting hobby hockey hold holder
holders holding holdings holds hole holes holiday holidays hollow holly holocaust holy home
homeland homeless homemade homer homes hometown homework homicide honest honestly honesty honey
honour hood hook hooked hop hope hoped hopeful hopefully hopes hoping horizon horizontal hormone
horn horns horny horrible horror horse horses hospital hospitality hospitals host hostage hosted
hostile hosting hosts hot hotel hotels hottest hour hours house household households houses housing
how however hp hr hub hug huge huh hull human humanitarian humanity humans humble humidity humour
hundred hundreds hung hunger hungry hunt hunter hunters hunting hurricane hurry hurt hurting hurts
husband hut hybrid hydrogen hygiene hype hypothesis i ice icon id idea ideal ideals ideas identical
identification identified identify identifying identities identity ideology idiot idiots idol if
ignorance ignorant ignore ignored ignoring ii iii ill illegal illegally illness illusion
illustrated illustration illustrations image imagery images imaginary imagination imagine imagined
imaging immediate immediately immense immigrant immigrants immigration immune immunity impact
impacts imperial implement implementation implemented implementing implications implied implies
imply import importance important importantly imported imports impose imposed impossible impress
impressed impression impressive imprisoned imprisonment improve improved improvement improvements
improving in inability inadequate inappropriate inc incentive incentives inch inches incident
incidents inclined include included includes including inclusion inclusive income incoming
incomplete inconsistent incorporate incorporated incorrect increase increased increases increasing
increasingly incredible incredibly indeed independence independent independently index indicate
indicated indicates indicating indication indicator indicators indigenous indirect individual
individually individuals indoor induced industrial industries industry inequality inevitable
inevitably infant infantry infected infection infections infectious inferior infinite infinity
inflation influence influenced influences influential info inform informal information informed
infrastructure ingredients inhabitants inherent inheritance inherited initial initially initiated
initiative initiatives injection injured injuries injury injustice ink inland inmates inn inner
inning innings innocence innocent innovation innovative input inquiries inquiry ins insane insects
insert inside insight insights insist insisted inspection inspector inspiration inspire inspired
inspiring install installation installations installed instance instances instant instantly instead
instinct institute institution institutional institutions instructed instruction instructions
instructor instrument instrumental instruments insulin insult insurance int intact intake integral
integrated integration integrity intel intellectual intelligence intelligent intend intended
intense intensity intensive intent intention intentionally intentions inter interact interaction
interactions interactive interest interested interesting interests interface interfere interference
interim interior intermediate internal international internationally internet interpret
interpretation interpreted interrupted intersection interstate intervention interview interviewed
interviews intimate into intro introduce introduced introduces introducing introduction invalid
invasion invented invention inventory invest invested investigate investigated investigating
investigation investigations investigator investigators investing investment investments investor
investors invisible invitation invite invited inviting involve involved involvement involves
involving ion iron ironic irony irrelevant is island islands isle isolated isolation issue issued
issues it item items its itself iv ivory ivy j jack jacket jackets jade jail jam japan jar jaw jazz
jealous jeans jerk jersey jet jets job jobs johns join joined joining joins joint jointly joints
joke jokes joking journal journalism journalist journalists journals journey joy judge judged
judgement judges judging judgment judicial judiciary juice jump jumped jumping jumps junction
jungle junior junk jurisdiction jury just justice justification justified justify juvenile k karma
keen keep keeper keeping keeps kept key keyboard keys kg khan kick kicked kicking kicks kid kidding
kidnapped kidney kids kill killed killer killers killing kills kind kindergarten kindle kindly
kindness kinds king kingdom kings kiss kissed kissing kit kitchen kits kitty km knee knees knew
knife knight knights knives knock knocked knocking know knowing knowledge known knows l la lab
label labels laboratory labour labs lace lack lacked lacking lacks lad ladder ladies lads lady laid
lake lakes lamb lame lamp lance land landed landing landlord landmark lands landscape lane lanes
language languages lap laptop large largely larger largest laser last lasted lasting lasts late
lately later latest latter laugh laughed laughing laughs laughter launch launched launches
launching laundry law lawn laws lawsuit lawyer lawyers lay layer layers laying layout lazy lb lbs
lead leader leaders leadership leading leads leaf league leagues leak leaked leaks lean leaning
leap learn learned learning learnt lease least leather leave leaves leaving lecture lectures led
left leg legacy legal legally legend legendary legends legion legislation legislative legislature
legit legitimate legs leisure lemon lend lending length lengths lengthy lens lesbian less lesser
lesson lessons let lethal lets letter letters letting level levels leverage levy liability liable
liar liberal liberals liberation liberty libraries library licence license licensed licenses
licensing lid lie lied lies lieutenant life lifestyle lifetime lift lifted lifting light lighter
lighting lightly lightning lights lightweight like liked likelihood likely likes likewise liking
lily lime limit limitations limited limiting limits line linear lined lines lineup lining link
linked linking links lion lions lip lips liquid liquor list listed listen listened listening
listing listings lists lit literacy literally literary literature litigation little live lived
lively liver lives livestock living load loaded loading loads loan loans lobby local locally locals
locate located location locations lock locked locker locks lodge log logic logical logistics logo
logs lone lonely long longer longest look looked looking looks loop loose lord lords lose loser
losers loses losing loss losses lost lot lots lottery loud louder loudly lounge love loved lovely
lover lovers loves loving low lower lowered lowering lowest loyal loyalty luck luckily lucky
luggage lunch lung lungs luxury lying lynch lyrics m ma machine machinery machines mad madame made
madness magazine magazines magic magical magnetic magnificent magnitude maid maiden mail main
mainland mainly mainstream maintain maintained maintaining maintains maintenance majesty major
majority make maker makers makes makeup making male males mall mama man manage managed management
manager managers manages managing mandate mandatory manga manipulation mankind manner manners
manning manor mansion manual manufacture manufactured manufacturer manufacturers manufacturing
manuscript many map maple mapping maps mar marathon marble march marching margin margins marijuana
marina marine marines maritime mark marked marker market marketing marketplace markets marking
marks marriage marriages married marry mars marsh marshal martial marvel mask masks mass massacre
massage masses massive master masterpiece masters mat match matched matches matching mate material
materials mates mathematical mathematics matrix matter matters mature maturity max maximum may
maybe mayor me meal meals mean meaning meaningful means meant meantime meanwhile measure measured
measurement measurements measures measuring meat mechanic mechanical mechanics mechanism mechanisms
med medal medals media median medical medication medicine medieval meditation medium meet meeting
meetings meets melody melt melted melting member members membership membrane meme memo memorable
memorial memories memory men mental mentally mention mentioned mentions mentor menu merchandise
merchant merchants mercury mercy mere merely merger merit merry mess message messages messed
messenger messing messy met metabolism metal metallic metals meter meters method methodology
methods metres metric metro metropolitan mg mice microwave mid middle midnight midst might mighty
migrants migration mild mile miles military militia milk mill miller million millions mills min
mind minded minds mine mineral minerals miners mines mini minimal minimum mining minister ministers
ministry minor minorities minority mint minus minute minutes miracle mirror mirrors miserable
misery misleading miss missed misses missile missiles missing mission missionary missions mistake
mistaken mistakes mistress mix mixed mixing mixture ml mm mob mobile mobility mock mod mode model
models moderate modern modes modest modifications modified modify module moisture molecular
molecules moment moments momentum mommy monetary money monitor monitoring monitors monk monkey
monkeys monopoly monster monsters month monthly months monument mood moon moral morality more
moreover morning morocco mortal mortality mortgage mosque moss most mostly mother mothers motion
motivated motivation motive motor motorcycle motors mount mountain mountains mounted mounting mouse
mouth move moved movement movements moves movie movies moving mph ms much mud multi multiple mum
municipal murder murdered murderer murders muscle muscles museum museums music musical musician
musicians must mutual my myself mysterious mystery myth n nail nails naked name named namely names
naming nap narrative narrator narrow nasty nation national nationalism nationalist nationally
nationals nations nationwide native natural naturally nature naughty naval navigation navy near
nearby nearest nearly neat necessarily necessary necessity neck necklace need needed needing needle
needs negative neglect neglected negotiate negotiated negotiating negotiation negotiations
neighbourhood neighbours neither nephew nerve nerves nervous nest net nets network networking
networks neutral never nevertheless new newborn newer newest newly news newspaper newspapers next
nice nicely niche nickel nickname niece night nightmare nights nine ninja ninth no noble nobody
node nodes noise nominated nomination nominations nominee non none nonetheless nonprofit nonsense
noon nope nor norm normal normally north northeast northern northwest northwestern nose not notable
notably notch note noted notes nothing notice noticed notices notification notified noting notion
notorious nova novel novels now nowadays nowhere nuclear nude number numbered numbers numerous
nurse nursery nurses nursing nut nutrition nuts o oak oath obesity obey object objective objectives
objects obligation obligations obscure observation observations observe observed observer obsessed
obsession obstacles obtain obtained obtaining obvious obviously occasion occasional occasionally
occasions occupation occupied occupy occur occurred occurring occurs ocean odd odds of off offence
offended offenders offensive offer offered offering offerings offers office officer officers
offices official officially officials offset offshore often oil oils okay old older oldest olive
omega on once one ones ongoing onion onions online only onto op open opened opener opening openly
opens opera operate operated operates operating operation operational operations operative operator
operators opinion opinions opponent opponents opportunities opportunity oppose opposed opposing
opposite opposition oppression ops opt optical optimal optimistic option optional options or oral
orange orbit orchestra order ordered ordering orders ordinary ore organ organic organisation
organisations organised organisms organs orientation oriented origin original originally originated
origins orthodox other others otherwise ought ounce our ours ourselves out outbreak outcome
outcomes outdoor outer outfit outfits outlet outlets outline outlined outlook output outrage
outright outs outside outstanding oval oven over overall overcome overhead overlooked overly
overnight overseas oversight overtime overview overwhelmed overwhelming owe owed owl own owned
owner owners ownership owning owns oxford oxygen p pa pace pacific pack package packages packaging
packed packers packing packs pad page pages paid pain painful pains paint painted painter painting
paintings pair paired pairs pal palace pale palm pan panel panels panic panthers pants papa paper
papers paperwork par parade paradise paragraph parallel parameters pardon parent parental parenting
parents parish park parked parking parks parliament parliamentary parody parole part partial
partially participant participants participate participated participating participation particle
particles particular particularly parties partisan partly partner partners partnership partnerships
parts party pass passage passed passenger passengers passes passing passion passionate passive
passport password past pasta paste pastor pat patch patches patent path pathetic paths patience
patient patients patriotic patriots patrol pattern patterns pause pay paying payment payments pays
peace peaceful peak peaks peanut pearl pee peel peer peers pen penalties penalty pencil pending
penguin peninsula penis penny pension pensions people peoples pepper per perceived percent
percentage perception perfect perfection perfectly perform performance performances performed
performer performers performing performs perhaps period periods permanent permanently permission
permit permits permitted persistent person personal personalities personality personally personnel
persons perspective perspectives persuade pet petition petroleum pets petty pg phantom
pharmaceutical pharmacy phase phases phenomenon philosophical philosophy phoenix phone phones photo
photograph photographer photographers photographs photography photos phrase phrases physical
physically physician physicians physics pi piano pick picked picking picks pickup picnic picture
pictured pictures pie piece pieces pier pierce pig pigs pile pill pillow pills pilot pilots pin
pine pink pins pioneer pipe pipeline pipes pirate pirates piss pissed pistol pit pitch pitched
pitcher pity pizza pl place placed placement places placing plague plain plains plan plane planes
planet planets planned planning plans plant planted planting plants plasma plastic plate plates
platform platforms platinum play played player players playground playing playoff playoffs plays
plaza plea pleasant please pleased pleasure pledge plenty plot plug plus pocket pockets podcast
poem poems poet poetry poets point pointed pointing pointless points poison poisoning poker polar
pole poles police policies policy polish polite political politically politician politicians
politics poll polling polls pollution pond pony pool pools poor poorly pop pope popped popping pops
popular popularity populated population populations porch pork porn port portable portal porter
portfolio portion portions portrait portraits portrayed ports pose posed poses position positioned
positions positive positively possess possessed possession possessions possibilities possibility
possible possibly post postal posted poster posters posting posts pot potato potatoes potential
potentially potter pound pounds pour poured pouring poverty powder power powered powerful powers pp
practical practically practice practices practitioners praise praised pray prayer prayers praying
precedent precious precise precisely precision predecessor predict predicted prediction predictions
predominantly prefer preference preferences preferred pregnancy pregnant prejudice preliminary
premier premiere premise premises premium prep preparation preparations prepare prepared preparing
prescribed prescription presence present presentation presented presenting presents preservation
preserve preserved presidency president presidential presidents press pressed pressing pressure
pressures prestigious presumably pretend pretending pretty prevalent prevent prevented preventing
prevention prevents preview previous previously prey price priced prices pricing pride priest
priests primarily primary prime primitive prince princess principal principle principles print
printed printer printing prints prior priorities priority prison prisoner prisoners prisons privacy
private privately privilege privileged prize prizes pro probability probable probably probation
probe problem problematic problems procedure procedures proceed proceeded proceedings proceeds
process processed processes processing processor produce produced producer producers produces
producing product production productions productive productivity products prof profession
professional professionals professor professors profile profiles profit profitable profits profound
program programme programmes programming programs progress progression progressive prohibited
project projected projection projects prolonged prom prominent promise promised promises promising
promo promote promoted promotes promoting promotion promotional promotions prompt prompted promptly
prone pronounced proof propaganda proper properly properties property prophet proportion proposal
proposals propose proposed proposition pros prosecution prosecutor prospect prospective prospects
prosperity protect protected protecting protection protective protein proteins protest protestant
protesters protests protocol prototype proud prove proved proven proves provide provided providence
provider providers provides providing province provinces provincial proving provision provisions
proximity psychiatric psychic psychological psychologist psychology pt pub public publication
publications publicity publicly publish published publisher publishers publishing pull pulled
pulling pulls pulse pump pumped pumping pumpkin pumps punch punched punish punished punishment punk
pupil pupils puppet puppy purchase purchased purchases purchasing pure purely purple purpose
purposes purse pursue pursued pursuing pursuit push pushed pushing pussy put puts putting puzzle
python q qualification qualifications qualified qualify qualifying qualities quality quantities
quantity quantum quarter quarterback quarterly quarters queen queens quest question questionable
questioned questioning questions queue quick quicker quickly quiet quietly quit quite quiz quote
quoted quotes r rabbit race races racial racing racism racist rack radar radiation radical radio
radius rage raid raiders raids rail railroad rails railway railways rain rainbow rainfall rains
raise raised raises raising rally ram ramp ran ranch random randomly range ranger rangers ranges
ranging rank ranked ranking rankings ranks rap rape raped rapid rapidly rapper rare rarely rat rate
rated rates rather rating ratings ratio rational rats raven raw ray rays re reach reached reaches
reaching react reaction reactions reactor read reader readers readily reading readings reads ready
real realise realised realistic reality really realm rear reason reasonable reasonably reasoning
reasons rebel rebellion rebels rebuild recall recalled receipt receive received receiver receives
receiving recent recently reception receptor recession recipe recipes recipient recipients reckless
recognise recognised recognition recommend recommendation recommendations recommended
reconstruction record recorded recording recordings records recover recovered recovering recovery
recreation recreational recruit recruited recruiting recruitment red redemption reds reduce reduced
reduces reducing reduction reed reef ref refer referee reference references referendum referred
referring refers refined reflect reflected reflecting reflection reflects reform reforms refreshing
refuge refugee refugees refund refusal refuse refused refuses refusing regard regarded regarding
regardless regards regime regiment region regional regions register registered registration regret
regrets regular regularly regulate regulated regulation regulations regulatory rehab rehabilitation
reign reinforced reject rejected rejection relate related relates relating relation relations
relationship relationships relative relatively relatives relax relaxed relaxing relay release
released releases releasing relevant reliability reliable reliance relied relief relies relieved
religion religions religious reluctant rely relying remain remainder remained remaining remains
remake remarkable remarks remedies remedy remember remembered remembering remembers remind reminded
reminder reminds remote removal remove removed removing renaissance render rendered rendering
renewable renewal renewed renowned rent rental rented rep repair repairs repeal repeat repeated
repeatedly repeating replace replaced replacement replacing replay replied replies reply report
reported reportedly reporter reporters reporting reports represent representation representative
representatives represented representing represents reproduction reproductive republic republican
republicans reputation request requested requesting requests require required requirement
requirements requires requiring rescue rescued research researcher researchers reservation
reservations reserve reserved reserves reservoir reset residence resident residential residents
resign resignation resigned resist resistance resistant resolution resolve resolved resort resource
resources respect respected respective respectively respects respiratory respond responded
respondents responding responds response responses responsibilities responsibility responsible rest
restaurant restaurants resting restoration restore restored restrict restricted restrictions result
resulted resulting results resume retail retailers retain retained retaining retention retire
retired retirement retiring retreat retrieved return returned returning returns reunion rev reveal
revealed revealing reveals revelation revenge revenue revenues reverse reversed review reviewed
reviewing reviews revised revision revival revolution revolutionary reward rewarded rewards
rhetoric rhythm ribbon ribs rice rich rid ride rider riders rides ridge ridiculous riding rifle
rifles rig right righteous rights rim ring rings riot riots rip ripped rise risen rises rising risk
risks risky ritual rival rivalry rivals river rivers road roads roast rob robbed robbery robot
robots robust rock rocket rockets rocks rocky rod rode rogers rogue role roles roll rolled roller
rolling rolls roman romance romantic roof rookie room roommate rooms root rooted roots rope rose
roses roster rotation rotten rough roughly round rounded rounds route routes routine row rows royal
royalty rs rub rubber rubbish ruby rude rugby ruin ruined ruins rule ruled ruler rules ruling run
runner runners running runs runway rural rush rushed rushing s sack sacred sacrifice sad sadly
sadness safe safely safer safety saga sage said sail sailing sailor saint saints sake salad
salaries salary sale sales salmon salon salt salvation same sample samples sanctions sanctuary sand
sanders sands sandwich sandy sang sat satellite satisfaction satisfied satisfy satisfying sauce
sausage savage save saved saves saving savings saw say saying says scale scales scam scan scandal
scare scared scary scattered scenario scenarios scene scenes scent schedule scheduled schedules
scheme schemes scholar scholars scholarship school schools science sciences scientific scientist
scientists scope score scored scores scoring scout scrap scratch scream screaming screams screen
screening screens screw screwed script scroll sculpture sea seal sealed seals search searched
searches searching seas season seasonal seasons seat seated seats sec second secondary secondly
seconds secret secretary secretly secrets section sections sector sectors secular secure secured
securing securities security see seed seeds seeing seek seeking seeks seem seemed seemingly seems
seen sees segment segments seize seized select selected selecting selection selective self selfish
sell seller sellers selling sells semester semi senate senator senators send sending sends senior
seniors sensation sense senses sensible sensitive sensitivity sensor sensors sent sentence
sentenced sentences sentiment separate separated separately separation sequel sequence sequences
sergeant serial series serious seriously servant servants serve served server servers serves
service services serving session sessions set sets setting settings settle settled settlement
settlements settling setup seven seventeen seventh seventy several severe severely sex sexual
sexuality sexually sexy sh shade shades shadow shadows shaft shah shake shaking shall shallow shame
shanghai shape shaped shapes share shared shareholders shares sharing shark sharks sharp sharply
shave she shed sheep sheer sheet sheets shelf shell shells shelter shepherd sheriff shield shields
shift shifted shifting shifts shine shining shiny ship shipped shipping ships shirt shirts shit
shitty shock shocked shocking shoe shoes shook shoot shooter shooting shoots shop shopping shops
shore short shortage shorter shortly shorts shot shotgun shots should shoulder shoulders shout
shouted shouting show showcase showed shower showers showing shown shows shrimp shut shuttle shy
siblings sick sickness side sided sides siege sierra sigh sight sights sign signal signals
signature signed significance significant significantly signing signs silence silent silicon silk
silly silver similar similarities similarly simple simpler simply sims simulation simultaneously
sin since sincere sincerely sing singer singers singing single singles sings sink sinking sins sir
sister sisters sit site sites sits sitting situated situation situations six sixteen sixth sixty
size sized sizes skating skeleton sketch ski skies skiing skill skilled skills skin skinny skins
skip skirt skull sky slam slap slate slaughter slave slavery slaves sleep sleeping sleeve slept
slice slide slides sliding slight slightly slim slip slipped slope slopes slot slots slow slower
slowly small smaller smallest smart smarter smartphone smash smashed smell smells smile smiled
smiles smiling smith smoke smoked smoking smooth snack snacks snake snakes snap snapped sneak snow
so soap sober soccer social socialism socialist socially societies society sociology socks soda
sodium sofa soft software soil solar sold soldier soldiers sole solely solid solidarity solo
solution solutions solve solved solving some somebody someday somehow someone something sometime
sometimes somewhat somewhere son song songs sonic sons soon sooner sophisticated sore sorry sort
sorted sorts sought soul souls sound sounded sounding sounds soundtrack soup sour source sources
south southeast southern southwest sovereign sovereignty soviet sox spa space spaces spam span
spare spark speak speaker speakers speaking speaks special specialist specialists specially species
specific specifically specifications specified specify spectacular spectrum speculation speech
speeches speed speeds spell spelled spelling spells spend spending spends spent sperm sphere spice
spicy spider spike spill spin spinal spine spinning spiral spirit spirits spiritual spit spite
splash split splitting spoil spoiled spoke spoken spokesman sponsor sponsored sponsors spoon sport
sporting sports spot spotlight spots spotted spouse spray spread spreading spring springs sprint
spurs spy sq squad square squeeze stab stabbed stability stable stack stadium staff stage staged
stages stained stairs stake stakes stall stamp stamps stance stand standard standards standing
stands star stare staring stark starring stars start started starter starting starts startup
starving stat state stated statement statements states static stating station stations statistical
statistics stats statue status statute stay stayed staying stays steadily steady steak steal
stealing steam steel steep steering stem stems step stepped stepping steps sterling stern stick
sticking sticks sticky stiff still stimulus sting stir stock stocks stole stolen stomach stone
stones stood stop stopped stopping stops storage store stored stores stories storm storms story
straight straightforward strain strange stranger strangers strap strategic strategies strategy
straw streak stream streaming streams street streets strength strengthen strengthening strengths
stress stressed stressful stretch stretched stretching strict strictly strike striker strikes
striking string strings strip stripped strips stroke strong stronger strongest strongly struck
structural structure structured structures struggle struggled struggles struggling stuck student
students studied studies studio studios study studying stuff stuffed stunning stunt stupid style
styles sub subject subjected subjective subjects submarine submission submit submitted subscribe
subscribers subscription subsequent subsequently subsidiary substance substances substantial
substantially substitute subtle suburb suburban suburbs subway succeed succeeded success successful
successfully succession successive successor such suck sucked sucking sucks sudden suddenly sued
suffer suffered suffering suffers sufficient sufficiently sugar suggest suggested suggesting
suggestion suggestions suggests suicide suit suitable suite suited suits sum summary summer summit
sums sun sung sunlight sunny sunrise sunset sunshine super superb superintendent superior superman
supermarket supernatural superstar supervision supervisor supplement supplied supplier suppliers
supplies supply support supported supporter supporters supporting supportive supports suppose
supposed supposedly supreme sure surely surf surface surfaces surge surgeon surgeons surgery
surgical surplus surprise surprised surprises surprising surprisingly surrender surround surrounded
surrounding surroundings surveillance survey surveys survival survive survived surviving survivor
survivors suspect suspected suspects suspended suspension suspicion suspicious sustain sustainable
sustained swallow swamp swan swap swear sweat sweater sweep sweeping sweet swept swift swim
swimming swing swinging switch switched switches switching sword sworn symbol symbolic symbols
sympathetic sympathy symptoms sync syndrome synthesis synthetic system systematic systems t tab
table tables tablet tablets tackle tactical tactics tag tagged tags tail take taken takes taking
tale talent talented talents tales talk talked talking talks tall tan tank tanks tap tape tapes
target targeted targeting targets task tasks taste tastes tasty tattoo tattoos taught tax taxation
taxes taxi taxpayer taxpayers tea teach teacher teachers teaches teaching team teammate teammates
teams tear tearing tears tech technical technically technique techniques technological technologies
technology tee teen teenage teenager teenagers teens teeth tel telecommunications telegraph
telephone television tell telling tells temper temperature temperatures temple temporarily
temporary tempted ten tenant tenants tend tendency tender tends tennis tens tense tension tensions
tent tenth tenure term terminal terms terrace terrain terrible terribly terrific terrified
terrifying territorial territories territory terror terrorism terrorist terrorists test testament
tested testified testify testimony testing tests text texts texture than thank thankful thankfully
thanks thanksgiving that the theatre thee theft their theirs them theme themes themselves then
theology theoretical theories theory therapeutic therapist therapy there thereafter thereby
therefore thermal these thesis they thick thief thieves thin thing things think thinking thinks
third thirds thirteen thirty this thorough thoroughly those thou though thought thoughtful thoughts
thousand thousands thread threads threat threaten threatened threatening threats three threshold
threw thrilled thriller throat throne thrones through throughout throw throwing thrown throws thru
thrust thumb thunder thus thy tick ticket tickets tide tie tied tier ties tiger tigers tight till
timber time timeline timely times timing tin tiny tip tips tire tired tires tissue tissues titans
title titled titles tits to toast tobacco today toddler toe toes together toilet token told
tolerance tolerate toll tomato tomatoes tomb tomorrow ton tone tongue tonight tons too took tool
tools tooth top topic topics topped tops torn tornado torture tortured toss total totally touch
touchdown touched touches touching tough tour touring tourism tourist tourists tournament
tournaments tours toward towards towel tower towers town towns township toxic toy toys trace traced
traces track tracked tracking tracks traction tractor trade traded trademark traders trades trading
tradition traditional traditionally traditions traffic trafficking tragedy tragic trail trailer
trails train trained trainer training trains traits trans transaction transactions transfer
transferred transfers transform transformation transformed transit transition translate translated
translation transmission transmitted transparency transparent transport transportation transported
trap trapped trash trauma traumatic travel travelled travelling travels treason treasure treasurer
treasury treat treated treating treatment treatments treats treaty tree trees trek tremendous trend
trends trial trials triangle tribal tribe tribes tribunal tribute trick tricks tricky tried tries
trigger triggered trillion trilogy trim trinity trio trip triple trips triumph troops trophy
tropical trouble troubled troubles trout truck trucks true truly trump trunk trust trusted trustees
trusts truth try trying tub tube tubes tuition tune tuned tunes tunnel tunnels turkey turn turned
turning turnover turns turtle tutorial tweet tweeted tweets twelve twentieth twenty twice twilight
twin twins twist twisted twitter two type types typical typically typing u ugh ugly ultimate
ultimately ultra um umbrella unable unacceptable unaware unbelievable uncertain uncertainty uncle
unclear uncomfortable uncommon unconscious under undergo undergraduate underground underlying
underneath understand understanding understands understood undertaken underwater underwear
undoubtedly unemployed unemployment unexpected unfair unfortunate unfortunately unhappy unified
uniform uniforms union unions unique unit unite united units unity universal universe universities
university unknown unless unlike unlikely unlimited unlock unnecessary unpleasant unprecedented
unrelated unstable until unto unusual unwanted up upcoming update updated updates upgrade upgraded
upgrades upload uploaded upon upper ups upset upside upstairs uranium urban urge urged urgent urine
us usage use used useful useless user users uses using usual usually utilities utility utter
utterly v vacant vacation vaccine vacuum vagina vague valid valley valuable value valued values
valve vampire van vanilla variable variables variant variation variations varied varies varieties
variety various vary varying vast vault vector vegan vegetable vegetables vegetarian vehicle
vehicles velocity vendor vent venture venue venues verbal verdict verified verify verse verses
version versions versus vertical very vessel vessels vet veteran veterans vi via viable vibe vice
vicinity vicious victim victims victories victory video videos view viewed viewers viewing views
vii villa village villages villain vintage vinyl violated violation violations violence violent
violet viral virgin virtual virtually virtue virus visa visibility visible vision visit visited
visiting visitor visitors visits visual vital vitamin vocabulary vocal vocals vodka voice voices
void vol volleyball voltage volume volumes voluntary volunteer volunteers vote voted voter voters
votes voting voyage vs vulnerable w wade wage wages wagon waist wait waited waiting wake waking
wales walk walked walker walking walks wall wallet walls wan wandering wanna want wanted wanting
wants war ward wardrobe warehouse warfare warm warming warmth warn warned warning warnings warrant
warrior warriors wars was wash washed washing waste wasted wasting watch watched watches watching
water waters watts wave waves wax way ways we weak weaker weakness weaknesses wealth wealthy weapon
weapons wear wearing wears weather web website websites wedding wee weed week weekend weekends
weekly weeks weigh weighed weighing weight weights weird welcome welcomed welfare well wellington
wells welsh went were west western wet whale what whatever whats whatsoever wheat wheel wheelchair
wheels when whenever where whereas wherein wherever whether which while whilst whip whistle white
whites who whoa whoever whole wholesale wholly whom whore whose why wicked wide widely wider
widespread widow width wife wild wilderness wildlife will willing willingness win wind window
windows winds wine wines wing wings winner winners winning wins winter wipe wiped wire wired
wireless wires wisdom wise wish wished wishes wishing wit witch with withdraw withdrawal withdrawn
within without witness witnessed witnesses wives wizard woke wolf wolves woman women won wonder
wondered wonderful wondering wonders wont wood wooden woods wool word words wore work worked worker
workers workforce working workout workplace works workshop workshops world worlds worldwide worms
worn worried worries worry worrying worse worship worst worth worthless worthy would wound wounded
wounds wow wrap wrapped wreck wrestling wright wrist write writer writers writes writing writings
written wrong wrote x y yacht yahoo yard yards yea yeah year yearly years yell yelling yellow yep
yes yesterday yet yield yields yoga you young younger youngest your yours yourself yourselves youth
yr z zero zip zombie zone zones zoo zoom
"""
_COMMON = frozenset(_COMMON_WORDS.split()) | _MONTHS | _WEEKDAYS
