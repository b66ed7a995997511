"""What shows that a word is a person's name when nothing introduces it: an age or a bracket after it
("Tomasz (15)", "Rose (the eldest)"), a verb only people do ("Hope told me"), a possessive before a
word for a person or their things ("harjit's son", "jakes address"), another given name joined to it
("Rhiannon and Dafydd"), a word for a family after a surname ("the Hassan family"), someone spoken to
("spoke to chloe"). The rules that use it are in bot.names.untitled."""

from __future__ import annotations

import re

from bot.names import words
from bot.names.finder import FinderBase
from bot.names.given import is_given_name
from bot.names.tokens import CLOSE_BRACKET, COORD_GAP, SPACES, is_capitalised

# peoples and communities, not surnames, before "family": "Roma family", "Traveller family"
PEOPLES = frozenset(
    """roma romany romani gypsy gypsies traveller travellers showman sinti irish scottish welsh british english
    chinese polish romanian bulgarian lithuanian latvian slovak czech hungarian ukrainian russian albanian kurdish
    syrian afghan iraqi iranian somali eritrean sudanese ethiopian nigerian ghanaian congolese zimbabwean
    pakistani bangladeshi indian sri lankan nepali vietnamese filipino thai japanese korean turkish greek
    portuguese spanish italian french german dutch jamaican caribbean african asian arab muslim jewish sikh
    hindu christian catholic orthodox""".split()
)
# a word for a person, after "the", "our", "his" in an apposition: "Anjali, the practice nurse"
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in words.ROLE_WORDS), key=len, reverse=True))
_SCHOOL_YEAR = r"(?:P[1-7]|S[1-6]|(?:Y|Yr|Year)[ \t]?(?:[1-9]|1[0-3])|Reception|Nursery)"
# "(15)", ", 14,", " aged 9", " (aged 9)", " (14 yrs)", " 15yo"
AGE_AFTER = re.compile(
    r"[ \t\u00a0]*(?:\([ \t]*(?:aged?[ \t]*)?[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?|years?(?:[ -]old)?)?[ \t]*\)"
    r"|,[ \t]*(?:aged?[ \t]*)?[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?|years?(?:[ -]old)?)?[ \t]*"
    r"(?:,|\)|$|[ \t]+(?:and|is|was|has|who))"
    r"|[ \t]+aged?[ \t]+[0-9]{1,2}\b"
    r"|[ \t]+[0-9]{1,2}[ \t]*(?:yo|y/o)\b"
    # a school year for an age: "Eilidh, P6, said", "Ruby (P3)", "Tom (S2)", "Amira, Y10,"
    r"|[ \t]*(?:\([ \t]*" + _SCHOOL_YEAR + r"[ \t]*\)|,[ \t]*" + _SCHOOL_YEAR + r"[ \t]*,))"
)
# verbs whose object is a person: "ask Mohammed", "emailed Priya"; and "spoke to Jake"
_TALK_TO_VERBS = frozenset(
    """ask asked asking tell told telling email emailed emailing ring rang ringing phone phoned
    text texted message messaged contact contacted cc cc'd copy thank thanked meet met visit visited
    saw see seeing warn warned remind reminded collect collected collecting fetched""".split()
)
_TALK_VERBS = frozenset(
    """spoke speak speaking talk talked talking wrote write writing chat chatted chatting""".split()
)
# "-ed" words after a capitalised word that are no action of a person ("Kent based", "Paris led")
NOT_ACTIONS = frozenset("based led funded owned run commissioned registered located centred".split())
CLAUSE_OPENERS = frozenset("and but then because when if that so while after before since".split())
VOWEL = re.compile(r"[aeiouy\u00e0-\u00ff]")
# words before a lower-case name that show a person is meant: "worried about amir hassan"
BEFORE_A_PERSON = frozenset(
    """about abt with for to from re regarding concerning called named saw met visited seen see meet
    told asked and share sharing shared tell telling inform refer referring referred contact phone ring
    email text discuss mention""".split()
)
# before a lower-case given name that is also an everyday word: "spoke with jade smith's nan"
BEFORE_A_PERSON_NAMED = frozenset("about abt with for re regarding concerning saw met visited".split())
# "Priya, who ...", "Tomasz and his brother": words after a name that make it a person
_BRACKETED_AS_A_PERSON = (
    r"[ \t]*\([ \t]*(?:(?:mum|dad|mother|father|son|daughter|brother|sister|sibling|nan|gran|grandma|grandad"
    r"|aunt|auntie|uncle|cousin|partner|boyfriend|girlfriend|husband|wife|carer|stepdad|stepmum|baby|child"
    r"|grandmother|grandfather|stepfather|stepmother|great[ -]gran\w*|foster[ \t]+carer"
    r"|twins?|triplets|the[ \t]+(?:eldest|oldest|youngest|middle|baby)|eldest|youngest|dob|d\.o\.b|born|b\."
    r"|aged?|year|yr|y[0-9]|reception|nursery|[0-9]{1,2}\b)(?:'s|\u2019s)?\b"
    # a role in brackets: "bartek (tenant)", "Sr de la Cruz (ward sister)", "Anjali (our HV)"
    r"|(?:(?:the|our|my|his|her|their|a)[ \t]+)?(?:[a-z-]+[ \t]+)?(?:" + _ROLE_ALT + r")[ \t]*\)"
    r"|(?-i:[A-Z][a-z]+(?:ian|ish|ese|ean|an|i))\b[ \t]*[,)])"
)
PERSON_BRACKET = re.compile(_BRACKETED_AS_A_PERSON, re.IGNORECASE)
PERSON_AFTER = re.compile(
    r"(?:" + _BRACKETED_AS_A_PERSON + r"|[ \t]*,?[ \t]*(?:year|yr|y)[ \t]*[0-9]{1,2}\b"
    r"|[ \t]*&[ \t]*(?:his|her|their)\b"
    r"|[ \t]+and[ \t]+(?:the|his|her|their)[ \t]+(?:kids|children|baby|boys|girls|twins)\b"  # "Shaz and the kids"
    r"|[ \t]+(?:dob|d\.o\.b)\b"  # "JD dob 1/2/09"
    # "about Oleksandr without his dad agreeing"
    r"|[ \t]+(?:without|with|from)[ \t]+(?:his|her|their)[ \t]+(?:mum|dad|mother|father|parents?|nan|gran|carer)\b"
    # "Precious has been self-harming"
    r"|[ \t]+has[ \t]+been[ \t]+(?:self-harming|self[ \t]harming|missing|sleeping|drinking|crying|hiding"
    r"|absconding|refusing|smoking|struggling|cutting|harming|truanting|fighting|staying|living)\b"
    r"|[ \t]*,[ \t]*(?:b\.|born\b|dob\b|d\.o\.b\b)"  # "Leo, b. 2016"
    # "Anjali, the practice nurse"
    r"|[ \t]*,[ \t]*(?:the|our|their|his|her|my)[ \t]+(?:[a-z-]+[ \t]+)?(?:" + _ROLE_ALT + r")\b)"
    r"|[ \t]*,?[ \t]+(?:who\b|and[ \t]+(?:his|her|their)\b"
    r"|(?:in|from)[ \t]+(?:year|yr|y)[ \t]*[0-9]{1,2}\b|(?:in|from)[ \t]+reception\b"
    r"|from[ \t]+(?:the|our|your|their)[ \t]+"
    r"|from[ \t]+(?:children|adult|social|housing|health|police|probation|education|early|family|"
    r"youth|mental)(?:'s|\u2019s)?[ \t]"
    r"|from[ \t]+(?-i:[A-Z]{2,6})\b"
    r"|(?:from|at)[ \t]+(?-i:[A-Z][a-z]+[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:Guard|Aid|Trust|Clinic|Centre|Center|Project"
    r"|Service|Services|Team|Hub|House|Foundation|Charity|Council|School|Academy|College|Surgery|Practice))\b)",
    re.IGNORECASE,
)


# for a given name that is also an everyday word ("Hope", "Will", "Grace"), only strong evidence
# shows a person: a verb only people do, or a possessive before a word for a person or their things
PERSON_VERBS = frozenset(
    """said says told tells disclosed discloses disclosing keeps kept hasn't hadn't isn't wasn't wants wanted
    admitted alleged cried screamed refused refuses ran absconded""".split()
)
_PERSONAL_NOUNS = words.ROLE_WORDS | frozenset(
    """foster school social teacher idva isva keyworker key dob address file files records record plan
    probation gp nursery class placement phone report case ehcp iep gp's family
    info information details detail notes note data history needs medication meds diagnosis referral
    number email contact situation health care chronology assessment statement disclosure
    card bank account nhs ni passport mobile snap insta instagram tiktok facebook fb benefits flat house room
    bedroom results bloods jabs vaccinations""".split()
)
# "Grace is 16", "Jamal was 15": an age after "is" / "was" (not "is 10 minutes late")
IS_AGE = re.compile(
    r"[ \t]+(?:is|was|turns|turned|just[ \t]+turned)[ \t]+[0-9]{1,2}\b(?![ \t]*(?:%|:|\.[0-9]|am\b|pm\b"
    r"|(?:min|minute|hour|hr|day|week|month|second|mile|time|percent|per|x)))"
)
# a date in figures right after a name: "daniel o'connor 12/4/09" (a record: name, then date of birth)
DATE_AFTER = re.compile(r"[ \t]*[,(]?[ \t]*[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2})(?![0-9])")
# modal verbs and the like that open sentences: "Will says", "May said" are no person
_MODAL_OPENERS = frozenset("will may can do did does".split())
# words after a surname that make it a family: "the Hassan family", "Okonkwo twins"
FAMILY_WORDS = frozenset(
    "family family's familys families twins twins' triplets children kids household siblings boys girls".split()
)
# after "the Kowalczyks": a verb or place that shows people
AFTER_PLURAL_SURNAME = frozenset(
    "have has are were next said say live lived moved want wanted asked refused".split()
)
# workers and plans a person has: "Shauna's IDVA", "Jake's EHCP"
PERSONAL_ACRONYMS = frozenset("idva isva sw gp ehcp iep cp cin lac pa yot camhs senco dob crn po om".split())
# after an initial that ends a name: punctuation, a dash, the end ("Bartek W -", "Priya K.")
INITIAL_END = re.compile(r"\.?(?:[ \t]*(?:[-,;:)!?\n]|$)|[ \t]+(?-i:[a-z]))")
_BRACKET_ALONE = re.compile(r"\([ \t]*$")
_AGE_BEFORE_BRACKET = re.compile(r"(?<![0-9])[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?[ \t]+old|years?[ -]old)[ \t]*\([ \t]*$")


class EvidenceNames(FinderBase):
    def bracketed_alone(self, i: int) -> bool:
        """ "mum (Sarah)", "son (Iwan)": a given name alone in brackets."""
        tok = self.tok(i)
        if i == 0:
            return False
        before = self.tok(i - 1)  # a word for a person or a role's letters: "mum (Sarah)", "OM (Sharon)"
        if (
            before.low not in words.ROLE_WORDS
            and not (before.base.isupper() and len(before.base) <= 5)
            and not (
                _AGE_BEFORE_BRACKET.search(self.text, max(0, tok.start - 16), tok.start)
                and not words.is_place(tok.low)
            )
        ):  # but after an age: "a 13yo (Tiago)"
            return False
        return (
            _BRACKET_ALONE.search(self.text, max(0, tok.start - 3), tok.start) is not None
            and not tok.poss
            and CLOSE_BRACKET.match(self.text, tok.end) is not None
        )

    def strongly_a_person(self, i: int) -> bool:
        """ "Hope told me", "Grace is 16", "Will's teacher", "Rose (the eldest)": a given name that is
        also an everyday word, shown to be a person."""
        tok = self.tok(i)
        nxt = self.tok(i + 1) if i + 1 < self.n and SPACES.fullmatch(self.gap(i + 1)) else None
        if tok.poss:  # "Will's teacher": no modal verb has a possessive
            return nxt is not None and not nxt.text[:1].isupper() and nxt.low in _PERSONAL_NOUNS
        opening = self.opens_sentence(i)
        if tok.low in _MODAL_OPENERS and opening and not IS_AGE.match(self.text, tok.end):
            return False  # "Will you ...", but "Will is 16"
        if nxt is not None and nxt.text.islower() and nxt.low in PERSON_VERBS:
            return True
        if tok.low in words.OPENING_WORDS and opening and not IS_AGE.match(self.text, tok.end):
            return False
        return bool(
            AGE_AFTER.match(self.text, tok.end)
            or IS_AGE.match(self.text, tok.end)
            or PERSON_AFTER.match(self.text, tok.end)
        )

    def lower_single(self, i: int) -> bool:
        """ "mia told her friend", "ellie-mae & her sister": a lower-case given name that is no everyday
        word, shown to be a person by a verb only people do, an age or a relative after it."""
        tok = self.tok(i)
        if tok.poss or len(tok.low) < 3 or tok.low in words.ROLE_WORDS or words.is_place(tok.low):
            return False
        if not self.word_ok(tok) or tok.low in words.TOWNS:  # "ask Sheffield for their file"
            return False
        if tok.base.isupper() and not self.shouting and "-" not in tok.base and not self.capitals_given_name(tok):
            return False  # "LADO says": capitals in a text that does not shout are an acronym, not "ELLIE-MAY"
        nxt = self.tok(i + 1) if i + 1 < self.n and SPACES.fullmatch(self.gap(i + 1)) else None
        if not (
            (nxt is not None and nxt.text.islower() and nxt.low in PERSON_VERBS)
            or AGE_AFTER.match(self.text, tok.end)
            or IS_AGE.match(self.text, tok.end)
            or PERSON_AFTER.match(self.text, tok.end)
            or self.spoken_to(i)
        ):
            return False
        self.add(i, i + 1)
        return True

    def lower_possessive(self, i: int) -> bool:
        """ "harjit's son", "nicole's dob": a lower-case given name that is no everyday word, with a
        possessive before a word for a person or their things."""
        tok = self.tok(i)
        if not tok.poss or not tok.text.islower() or tok.low in self.common or tok.low in words.ROLE_WORDS:
            return False
        particle = i > 0 and self.toks.texts[i - 1] in words.SURNAME_PARTICLES and SPACES.fullmatch(self.gap(i))
        if not (is_given_name(tok.low) or particle) or not self.word_ok(tok):
            return False
        if words.is_place(tok.low) or len(tok.low) < 3:
            return False
        if i > 0 and self.lows[i - 1] in ("the", "a", "an", "this", "that") and self.joined(i):
            return False  # "the brook's bank": a thing
        nxt = self.tok(i + 1) if i + 1 < self.n and SPACES.fullmatch(self.gap(i + 1)) else None
        if nxt is None or nxt.low not in _PERSONAL_NOUNS:
            return False
        self.add(i - 1 if particle else i, i + 1)  # "le roux's probation officer"
        return True

    def possessive_without_apostrophe(self, i: int) -> bool:
        """ "jakes address", "Priyas mum": a given name and an "s" with no apostrophe, before a word for a
        person or their things."""
        tok = self.tok(i)
        base = tok.low[:-1]
        if base in self.common or base in words.ROLE_WORDS or len(base) < 3 or words.is_place(base):
            return False
        if not self.word_ok(tok):
            return False
        nxt = self.tok(i + 1) if i + 1 < self.n and SPACES.fullmatch(self.gap(i + 1)) else None
        if nxt is None or not nxt.text.islower() or nxt.low not in _PERSONAL_NOUNS:
            return False
        self.add(i, i + 1)
        return True

    def family(self, i: int) -> bool:
        """ "the Hassan family", "Okonkwo twins", "the Kowalczyks have moved": a surname made a family."""
        tok = self.tok(i)
        if not is_capitalised(tok) or tok.base.isupper() or tok.poss or not self.word_ok(tok):
            return False
        if tok.low in self.common and tok.low not in words.COMMON_SURNAMES:
            return False
        if words.is_place(tok.low) or tok.low in words.TOWNS or tok.low in PEOPLES:
            return False  # "Roma family": a people
        if tok.low in words.ROLE_WORDS or tok.low in words.LEGAL_EPONYMS or tok.low in words.STREET_WORDS:
            return False
        if i + 1 >= self.n or not SPACES.fullmatch(self.gap(i + 1)):
            return False
        nxt = self.tok(i + 1)
        if nxt.text.islower() and nxt.text in FAMILY_WORDS:
            self.add(i, i + 1)
            return True
        if (
            tok.low.endswith("s")
            and i > 0
            and self.tok(i - 1).low == "the"
            and nxt.text.islower()
            and nxt.low in AFTER_PLURAL_SURNAME
            and not is_given_name(tok.low)
            and tok.low[:-1] not in self.common
        ):
            self.add(i, i + 1)
            return True
        return False

    def paired(self, i: int) -> bool:
        """ "Rhiannon and Dafydd", "Zuzia & Kuba", "Mia, Leo": two given names joined."""
        if i + 1 >= self.n:
            return False
        if self.toks.texts[i + 1].lower() in ("and", "or", "n") and SPACES.fullmatch(self.gap(i + 1)):
            k = i + 2  # "Macca n Kez" too
            if k >= self.n or not SPACES.fullmatch(self.gap(k)):
                return False
        elif COORD_GAP.fullmatch(self.gap(i + 1)):
            k = i + 1
        else:
            return False
        first, second = self.tok(i), self.tok(k)
        if not (self.joinable_given(i) and self.joinable_given(k)):
            return False
        if first.low in self.common and second.low in self.common:
            return False
        self.add(i, i + 1)
        self.add(k, k + 1)
        return True

    def joinable_given(self, i: int) -> bool:
        tok = self.tok(i)
        return (
            is_capitalised(tok)
            and not tok.base.isupper()
            and is_given_name(tok.low)
            and self.word_ok(tok)
            and not words.is_place(tok.low)
            and tok.low not in words.DOCTRINES
            and tok.low not in words.ROLE_WORDS
            and not self.after_saint(i)
            and not (tok.low in words.OPENING_WORDS and self.opens_sentence(i))
        )

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

    def first_names_again(self) -> list[int]:
        found: list[int] = []
        if not self.first_names:
            return found
        first_names = self.first_names
        for i in [i for i, low in enumerate(self.lows) if low in first_names]:
            if self.used[i] or i + 1 >= self.n:
                continue
            nxt = self.tok(i + 1)
            if self.joined(i + 1) and nxt.text.islower() and nxt.low in words.NAME_VERBS and not self.a_noun_here(i):
                found.append(i)
        return found

    def a_noun_here(self, i: int) -> bool:
        """ "Bill Okonkwo-Reid's gas bill hasn't been paid": an everyday word in lower case after a word it
        is a noun with ("gas bill"), not the first name again ("... and jade stays there")."""
        tok = self.tok(i)
        if not tok.text.islower() or tok.low not in self.common or i == 0 or not self.joined(i):
            return False
        before = self.tok(i - 1)
        return before.text.islower() and before.low not in _CLAUSE_WORDS


_CLAUSE_WORDS = frozenset("and but then so when because while if as since until though or that said says".split())
