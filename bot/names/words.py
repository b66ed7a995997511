"""Word classes for name finding: titles, surname particles, words that are never names here,
verbs that follow a person's name, words for a person, and everyday English words.

The everyday words (about 8,500 of them) are a data file, bot/data/common_words.txt, read once, on
first use (see :func:`common_words`); the short lists below are kept here, each with the reason for it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# --------------------------------------------------------------------------------------------
# titles

#: titles that are never anything else: they introduce a name in any case ("mr smith", "DR. PATEL")
PLAIN_TITLES = frozenset(
    "mr mrs mx dr prof revd cllr".split()
)
#: titles that are also ordinary words or abbreviations ("I miss it", "MS Teams", "the PC said"):
#: they introduce a name only when the next word is clearly one
_WORD_TITLES = frozenset(
    """ms miss sir dame lady lord rev fr sr sister master mstr madam professor reverend councillor
    pc dc ds di dci dsi dsu sgt insp supt det detective sergeant inspector constable
    hhj judge""".split()
)
TITLES: frozenset[str] = PLAIN_TITLES | _WORD_TITLES
POLICE_RANKS = frozenset(
    "pc dc ds di dci dsi dsu sgt insp supt det detective sergeant inspector constable".split()
)
# lower-case words after "dr", "mr" that are not names: "her dr appointment", "the dr surgery"
AFTER_TITLE_NOUNS = frozenset(
    """appointment appointments surgery surgeries note notes letter letters report reports visit visits
    practice practices receptionist referral referrals record records office clinic clinics rota list
    lists team teams men man woman who what which whatever
    prac practitioner practitioners mgr manager managers staff nurse nurses officer officers lecturer
    leader leaders leadership management analyst partner partners exec sw""".split()
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
DOCTRINES = frozenset("fraser".split())
#: words after a name that make it a law, doctrine or report: "Clare's Law", "Fraser guidelines",
#: "Gillick competent", "the Munro review", "Sarah's law", "Victoria Climbié inquiry"
LEGAL_FOLLOWERS: frozenset[str] = frozenset(
    """law laws act guidelines guideline guidance principles principle competence competency
    competent test ruling judgment judgement criteria guardian guardians review reviews report
    inquiry enquiry case scheme rule rules standard standards framework protocol
    building ward wing unit centre center suite block memorial lecture award prize fund scholarship
    fellowship""".split()
)
#: the sector's acronyms that are also given names: in capitals they are the acronym ("the LADO",
#: "our ELSA"), never a person typed as on a form
ACRONYMS_LIKE_NAMES: frozenset[str] = frozenset("lado elsa pace cait iro eha swan".split())
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
    insurance building magistrates magistrate crown coroners coroner
    facebook instagram insta snapchat tiktok whatsapp twitter youtube google childline barnardos barnardo's
    nspcc samaritans mencap
    heddlu cyngor llywodraeth senedd cymru ysgol prifysgol bwrdd iechyd gwasanaeth comhairle ynys""".split()
)
#: places that are also given names ("Paris is ...", "Jordan and Chelsea ...")
_PLACES = frozenset(
    """paris sydney florence chelsea jordan georgia india israel kent devon lincoln chester jersey
    austin dallas houston phoenix brooklyn preston kingston lourdes florida virginia carolina
    adelaide regina eden chad hong""".split()
)
#: towns, cities and regions: after a given name they make a place or an organisation, not a person
#: ("Evelina London", "Sheffield Children's", "Carlisle City Council")
TOWNS = frozenset(
    """london leeds manchester birmingham liverpool bristol sheffield newcastle
    nottingham leicester coventry bradford cardiff swansea glasgow edinburgh aberdeen dundee belfast derry
    york oxford cambridge brighton norwich exeter plymouth southampton portsmouth reading luton hull
    wakefield doncaster sunderland middlesbrough blackpool bolton wigan stockport salford oldham
    rochdale bury halifax huddersfield harrogate lancaster durham carlisle wales scotland england
    ireland cornwall essex surrey sussex norfolk suffolk yorkshire lancashire cheshire cumbria kong""".split()
)
# capitalised words that open sentences or are function words, never names even when they are in
# the given-name dictionary ("Can", "Do", "The", "Will ... ?", "May I ...")
STOP_WORDS = frozenset(
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
ROLE_WORDS = frozenset(
    """client clients patient patients pupil pupils student students learner child kid son daughter
    boy girl baby toddler infant teen teenager lad lass mum mummy mom mother dad daddy father stepdad
    stepmum stepfather stepmother step-dad step-mum stepson stepdaughter parent brother sister sibling
    half-brother half-sister twin grandma grandmother nan nana nanna gran granny grandad granddad
    grandpa grandfather grandson granddaughter aunt auntie aunty uncle cousin nephew niece partner
    husband wife ex ex-partner ex-husband ex-wife boyfriend girlfriend fiancé fiance fiancée fiancee
    friend mate neighbour neighbor tenant resident lodger carer user person victim survivor
    perpetrator suspect offender defendant prisoner inmate man woman lady gentleman colleague manager
    worker teacher nurse officer tutor volunteer employee trainee applicant claimant customer caller
    referrer landlord landlady mentee youngster yp cyp adult fella bloke kids twins leaver
    mam tad nain taid plentyn mab merch gf bf""".split()  # and in Welsh: mum, dad, gran, grandad, child, son, daughter
)
# person nouns and pronoun phrases before "called"/"named" that mean a person is being named
PERSON_BEFORE_CALLED = ROLE_WORDS | frozenset(
    """someone somebody anyone one he she they who whose him her them""".split()
)

NAME_TRIGGERS = frozenset("called named nicknamed aka".split())
PRONOUN_BE = frozenset(
    "she's he's they're who's she\u2019s he\u2019s they\u2019re who\u2019s i'm i\u2019m".split()
)
# words after which a lower-case word may be a name
# the labels of a form's name fields, as typed or pasted from a case system ("Surname: Jones",
# "*First name:* Kayleigh", "Name of child -  Tyler"); never anyone's name themselves
FIELD_LABELS = frozenset(
    "name names surname surnames forename forenames firstname lastname fullname alias nickname".split()
)
# the labels that announce a name without a colon too ("Surname Begum, first name Rukhsana")
SPACED_FIELD_LABELS = FIELD_LABELS - {"name", "names", "alias"}
# what a form says when it gives no name
FIELD_FILLERS = frozenset(
    """unknown none n/a na nk tbc tba tbd withheld redacted removed anonymous anon not no nil blank same
    various see above below as per hidden given required unborn baby child""".split()
)
INTRODUCERS = ROLE_WORDS | NAME_TRIGGERS | FIELD_LABELS | frozenset(
    "as by himself herself themself themselves is was name name's name\u2019s of".split()
)


def is_role_word(word: str) -> bool:
    return word.lower() in ROLE_WORDS


def is_not_a_name(word: str) -> bool:
    """Months, weekdays, legal eponyms (Caldicott, Gillick), institution words (Act, Council,
    Trust, Police, Prevent, Channel)."""
    w = word.lower()
    return (
        w in _MONTHS
        or w in _WEEKDAYS
        or w in LEGAL_EPONYMS
        or w in INSTITUTION_WORDS
        or w in FIELD_LABELS
        or (len(w) >= 8 and w.endswith(_ABSTRACT_NOUN_ENDINGS))  # "Criminal Justice Modernisation"
        or w in _KIN_WORDS  # "tell Nanny", "Grandad hit me": what a child calls a relative, not a name
        or w in _SLANG
    )


_KIN_WORDS = frozenset("nanny nana nanna grandad granddad grandpa grandma granny mummy daddy".split())
_SLANG = frozenset("addy bday".split())  # "the ip addy": an address


# the endings of abstract nouns, which no British surname has ("Modernisation", "Commencement")
_ABSTRACT_NOUN_ENDINGS = ("ation", "ition", "ment", "ism", "ology")


def is_place(word: str) -> bool:
    """A place that is also a given name ("Paris", "Jordan", "Chelsea", "Kent")."""
    return word.lower() in _PLACES

# --------------------------------------------------------------------------------------------
# more words the name finder checks

# sentence-opening words that are also names, never taken for a name in that place
OPENING_WORDS = frozenset(
    "will may can do did does young major art sky".split()
)

#: organisations, things and phrases that read like a person's name ("Marie Curie nurses", "the Sue
#: Ryder hospice", "the Red Cross", "Next of Kin")
PERSON_NAMED_ORGANISATIONS = frozenset(
    """red cross|british red cross|next of kin|
    marie curie|sue ryder|leonard cheshire|anthony nolan|florence nightingale|terrence higgins|
    lucy faithfull|joseph rowntree|princess royal|alder hey|great ormond|st thomas|st mary|
    victoria climbie|victoria climbié|stephen lawrence|john lewis|baby p|earl grey|key stage|
    hywel dda|betsi cadwaladr|aneurin bevan|ty hafan|tŷ hafan|glan clwyd|ty gwyn|tŷ gwyn|
    morgan stanley|eilean siar|comhairle nan eilean siar|na h-eileanan siar""".replace("\n", "").replace(
        "    ", ""
    ).split("|")
)

#: towns whose names read like a person's ("Milton Keynes", "Leighton Buzzard")
TOWNS_LIKE_NAMES = frozenset(
    """milton keynes|leighton buzzard|melton mowbray|newton abbot|newton aycliffe|chester le street|
    milton abbas|ashton keynes|ashton under lyne|bishop auckland|sutton coldfield|stanford le hope|
    ashby de la zouch|burgess hill|hemel hempstead|market harborough|barnard castle|kings lynn|
    kirkby lonsdale|stoke mandeville|newton mearns|port talbot|merthyr tydfil|bishops stortford|
    wootton bassett|royal wootton bassett|ross on wye|stratford upon avon|henley on thames|
    walton on thames|newcastle under lyme|sutton in ashfield|kirkby in ashfield|morton on swale""".replace(
        "\n", "").replace("    ", "").split("|")
)

#: street words: "Victoria Crescent", "Hope Street" are places, not people
STREET_WORDS = frozenset(
    """road rd street st avenue ave lane ln close drive crescent grove gardens terrace court place way
    square mews parade row walk rise view vale wharf yard boulevard circus chase croft fold gate wynd
    brae broadway embankment quay hollow meadow meadows mount heights villas cottages house lodge
    mansions buildings estate green hill park""".split()
)

#: common British surnames that are also everyday words ("Mrs Green", "Mr Young", "Chloe Smith")
COMMON_SURNAMES = frozenset(
    """smith brown white green black young king wood hill hall baker cook walker hunter porter
    ward bell rose reed stone moss marsh lane page price day west knight fox ford bird bishop cross
    long rich hart gray grey bush park booth rice nash parsons fisher butler carpenter taylor
    mills holmes barnes banks burns hope little cole frost field fields french english rivers waters
    wells woods brooks lamb salmon sharp short strong swan wise chambers summers hardy pope
    dean mason cooper turner newton freeman gardner palmer shepherd archer steward fowler miller
    weaver potter sawyer slater thatcher tanner glover marshall chapman parker webb lord
    duke earl baron noble prince law grant bond cash love wright cox khan rogers watts hunt fuller crane
    snow swift wolf hood steel winter""".split()
)


# --------------------------------------------------------------------------------------------
# word lists shipped as data files (bot/data/*.txt)


def read_words(name: str) -> list[str]:
    """The words of ``bot/data/<name>``: whitespace-separated, lines starting with "#" left out."""
    text = resources.files("bot").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [word for line in text.splitlines() if not line.startswith("#") for word in line.split()]


@cache
def common_words() -> frozenset[str]:
    """Everyday English words, lower-case, with the months and weekdays: bot/data/common_words.txt
    (a frequency-selected list from SCOWL; its header gives the source and the licence). Read once,
    on first use."""
    return frozenset(read_words("common_words.txt")) | _MONTHS | _WEEKDAYS


def is_common_word(word: str) -> bool:
    """An everyday English word ("will", "grace", "scheme", "police"), in any case."""
    return word.lower() in common_words()


# word lists more than one rule reads (bot.names.untitled, pairs, spans)
# a word for a relative after a possessive: "Nowak's sister", "Gaz's ex"
RELATIVES = frozenset(
    """mum mam mom mother dad father sister brother nan nana gran granny grandma grandad aunt auntie uncle
    cousin ex partner boyfriend girlfriend husband wife son daughter baby kids children stepdad stepmum
    carer""".split()
)
# two capitals that are abbreviations, not a person's initials
TWO_LETTER_ABBREVIATIONS = frozenset(
    """GP SW CP DV YP UK NI IT PE RE HV DS DC PC OT PA TA EP LA MP HR ID QC KC NB PS OK AM PM TV PO OM UC HB CT
    IC IO SI ED AE CC MH LD SN EH FE HE VS DM FB IG EU US UN DJ PR AI HQ IV OD EY KS SS ST VP WC""".split()
)
# endings of English nouns for roles and things ("appointee", "executor", "councillor", "assessment")
ENGLISH_ENDINGS = tuple(
    "ee or er ist ant ent ian ive ary ion ity ness ment ship ism ics ing ed ly al ure ance ence ology".split()
)
# verbs only a person does, after a name that opens a sentence: "Rebaz keeps missing", "Farishta came"
OPENING_PERSON_VERBS = frozenset(
    """said says told tells disclosed discloses keeps kept wants wanted came comes rang rings refused
    refuses admitted alleged absconded ran""".split()
)
AGE_UNITS = frozenset("yo yr yrs yro o".split())  # "our 13yo (zara)": an age standing for a person
