"""Names without a title or an introducing word: a given name and a surname ("Amir Hassan"), a
given name the sentence shows is a person ("Priya's mum", "Kayleigh said", "Tomasz (15)"), names
joined to one already found ("Jake and Priya"), and later mentions of a name found."""

from __future__ import annotations

import re

from bot.names.finder import _FinderBase
from bot.names.given import is_given_name
from bot.names.tokens import _COORD_GAP, _SPACES, _is_cap
from bot.names.words import (
    _COMMON_SURNAMES,
    _DOCTRINES,
    _OPENING_WORDS,
    _ROLE_WORDS,
    _STREET_WORDS,
    _TOWNS,
    LEGAL_EPONYMS,
    LEGAL_FOLLOWERS,
    NAME_VERBS,
    SURNAME_PARTICLES,
    is_place,
)

# "(15)", ", 14,", " aged 9", " (aged 9)", " (14 yrs)", " 15yo"
_AGE_AFTER = re.compile(
    r"[ \t\u00a0]*(?:\([ \t]*(?:aged?[ \t]*)?[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?|years?(?:[ -]old)?)?[ \t]*\)"
    r"|,[ \t]*(?:aged?[ \t]*)?[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?|years?(?:[ -]old)?)?[ \t]*"
    r"(?:,|\)|$|[ \t]+(?:and|is|was|has|who))"
    r"|[ \t]+aged?[ \t]+[0-9]{1,2}\b"
    r"|[ \t]+[0-9]{1,2}[ \t]*(?:yo|y/o)\b)"
)
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
_BRACKETED_AS_A_PERSON = (
    r"[ \t]*\([ \t]*(?:(?:mum|dad|mother|father|son|daughter|brother|sister|sibling|nan|gran|grandma|grandad"
    r"|aunt|auntie|uncle|cousin|partner|boyfriend|girlfriend|husband|wife|carer|stepdad|stepmum|baby|child"
    r"|twins?|triplets|the[ \t]+(?:eldest|oldest|youngest|middle|baby)|eldest|youngest|dob|d\.o\.b|born|b\."
    r"|aged?|year|yr|y[0-9]|reception|nursery|[0-9]{1,2}\b)(?:'s|\u2019s)?\b"
    r"|(?-i:[A-Z][a-z]+(?:ian|ish|ese|ean|an|i))\b[ \t]*[,)])"
)
_PERSON_BRACKET = re.compile(_BRACKETED_AS_A_PERSON, re.IGNORECASE)
_PERSON_AFTER = re.compile(
    r"(?:" + _BRACKETED_AS_A_PERSON + r"|[ \t]*,[ \t]*(?:year|yr|y)[ \t]*[0-9]{1,2}\b"
    r"|[ \t]*&[ \t]*(?:his|her|their)\b)"
    r"|[ \t]*,?[ \t]+(?:who\b|and[ \t]+(?:his|her|their)\b"
    r"|(?:in|from)[ \t]+(?:year|yr|y)[ \t]*[0-9]{1,2}\b|(?:in|from)[ \t]+reception\b"
    r"|from[ \t]+(?:the|our|your|their)[ \t]+"
    r"|from[ \t]+(?:children|adult|social|housing|health|police|probation|education|early|family|"
    r"youth|mental)(?:'s|\u2019s)?[ \t]"
    r"|from[ \t]+(?-i:[A-Z]{2,6})\b)",
    re.IGNORECASE,
)


# for a given name that is also an everyday word ("Hope", "Will", "Grace"), only strong evidence
# shows a person: a verb only people do, or a possessive before a word for a person or their things
_PERSON_VERBS = frozenset(
    """said says told tells disclosed discloses disclosing keeps kept hasn't hadn't isn't wasn't wants wanted
    admitted alleged cried screamed refused refuses ran absconded""".split()
)
_PERSONAL_NOUNS = _ROLE_WORDS | frozenset(
    """foster school social teacher idva isva keyworker key dob address file files records record plan
    probation gp nursery class placement phone report case ehcp iep gp's family""".split()
)
# "Grace is 16", "Jamal was 15": an age after "is" / "was" (not "is 10 minutes late")
_IS_AGE = re.compile(
    r"[ \t]+(?:is|was|turns|turned|just[ \t]+turned)[ \t]+[0-9]{1,2}\b(?![ \t]*(?:%|:|\.[0-9]|am\b|pm\b"
    r"|(?:min|minute|hour|hr|day|week|month|second|mile|time|percent|per|x)))"
)
# a date in figures right after a name: "daniel o'connor 12/4/09" (a record: name, then date of birth)
_DATE_AFTER = re.compile(r"[ \t]*[,(]?[ \t]*[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2})(?![0-9])")
# modal verbs and the like that open sentences: "Will says", "May said" are no person
_MODAL_OPENERS = frozenset("will may can do did does".split())
# words after a surname that make it a family: "the Hassan family", "Okonkwo twins"
_FAMILY_WORDS = frozenset(
    "family family's families twins twins' triplets children kids household siblings boys girls".split()
)
# after "the Kowalczyks": a verb or place that shows people
_AFTER_PLURAL_SURNAME = frozenset(
    "have has are were next said say live lived moved want wanted asked refused".split()
)
# workers and plans a person has: "Shauna's IDVA", "Jake's EHCP"
_PERSONAL_ACRONYMS = frozenset("idva isva sw gp ehcp iep cp cin lac pa yot camhs senco dob".split())
# after an initial that ends a name: punctuation, a dash, the end ("Bartek W -", "Priya K.")
_INITIAL_END = re.compile(r"\.?(?:[ \t]*(?:[-,;:)!?\n]|$)|[ \t]+(?-i:[a-z]))")
_BRACKET_ALONE = re.compile(r"\([ \t]*$")
_CLOSE_BRACKET = re.compile(r"[ \t]*\)")


class _UntitledNames(_FinderBase):
    def full_name(self, i: int) -> bool:
        """ "worried about Amir Hassan", "Jake Dunn's dad", "Anna van der Berg"."""
        tok = self.tok(i)
        if tok.poss or not _is_cap(tok) or not is_given_name(tok.low) or not self.word_ok(tok):
            return False
        if tok.base.isupper() and not self.shouting:
            return False
        if self.after_saint(i) or i + 1 >= self.n or not self.joined(i + 1):
            return False
        if tok.low in self.common and self.opens_sentence(i) and tok.low in _OPENING_WORDS:
            return False
        nxt = self.tok(i + 1)
        if (
            len(nxt.text) == 1
            and nxt.text.isupper()
            and nxt.text not in "AI"
            and tok.low not in self.common
            and _INITIAL_END.match(self.text, nxt.end)
        ):
            self.add(i, i + 2)  # "Bartek W", "re: Priya K."
            return True
        if nxt.low in SURNAME_PARTICLES and nxt.low != "st":
            k = self.extend_particles(i + 1)
            if k is None:
                return False
            end = self.extend(k, allow_lower=False, strict=False)
        else:
            if not self.capital_name_word(nxt, strict=True):
                return False
            if tok.low in self.common and nxt.low in self.common and nxt.low not in _COMMON_SURNAMES:
                return False  # "Grace Period", "Mark Scheme", "Faith Schools"
            if nxt.low in _TOWNS:
                return False  # "Evelina London"
            if tok.low in self.common and nxt.low in _STREET_WORDS:
                return False  # "Oak Hill", "Rose Lane": a place
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
        if not self.word_ok(tok) or self.after_saint(i) or tok.low in _ROLE_WORDS:
            return False
        if is_place(tok.low):
            if tok.poss or not (
                _AGE_AFTER.match(self.text, tok.end)
                or _IS_AGE.match(self.text, tok.end)
                or _PERSON_BRACKET.match(self.text, tok.end)
            ):
                return False  # "Paris is", "Kent said", but "Jordan (15)", "Brooklyn (Year 3)"
            self.add(i, i + 1)
            return True
        if tok.low in _DOCTRINES:
            return False
        if self.bracketed_alone(i):
            pass  # "son (Iwan)", "OM (Sharon)"
        elif tok.low in self.common:
            if not self.strongly_a_person(i):
                return False
            self.add(i, i + 1)
            return True
        nxt = self.tok(i + 1) if i + 1 < self.n else None
        if tok.poss:
            if nxt is None or not _SPACES.fullmatch(self.gap(i + 1)) or nxt.low in LEGAL_FOLLOWERS:
                return False
            if not nxt.text[:1].islower() and not (nxt.base.isupper() and nxt.low in _PERSONAL_ACRONYMS):
                return False  # "Clare's Law", "Barnardo's Children's Services" (but "Shauna's IDVA")
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
        elif (
            _AGE_AFTER.match(self.text, tok.end)
            or _PERSON_AFTER.match(self.text, tok.end)
            or _IS_AGE.match(self.text, tok.end)
        ):
            pass
        elif i > 0 and self.tok(i - 1).low == "for" and nxt is not None and nxt.low == "to" and self.joined(i + 1):
            pass  # "is it ok for Jamal to see his file"
        elif self.spoken_to(i) or self.bracketed_alone(i):
            pass
        else:
            return False
        self.add(i, i + 1)
        return True

    def bracketed_alone(self, i: int) -> bool:
        """ "mum (Sarah)", "son (Iwan)": a given name alone in brackets."""
        tok = self.tok(i)
        if i == 0:
            return False
        before = self.tok(i - 1)  # a word for a person or a role's letters: "mum (Sarah)", "OM (Sharon)"
        if before.low not in _ROLE_WORDS and not (before.base.isupper() and len(before.base) <= 5):
            return False
        return (
            _BRACKET_ALONE.search(self.text, max(0, tok.start - 3), tok.start) is not None
            and not tok.poss
            and _CLOSE_BRACKET.match(self.text, tok.end) is not None
        )

    def strongly_a_person(self, i: int) -> bool:
        """ "Hope told me", "Grace is 16", "Will's teacher", "Rose (the eldest)": a given name that is
        also an everyday word, shown to be a person."""
        tok = self.tok(i)
        nxt = self.tok(i + 1) if i + 1 < self.n and _SPACES.fullmatch(self.gap(i + 1)) else None
        if tok.poss:  # "Will's teacher": no modal verb has a possessive
            return nxt is not None and not nxt.text[:1].isupper() and nxt.low in _PERSONAL_NOUNS
        opening = self.opens_sentence(i)
        if tok.low in _MODAL_OPENERS and opening:
            return False
        if nxt is not None and nxt.text.islower() and nxt.low in _PERSON_VERBS:
            return True
        if tok.low in _OPENING_WORDS and opening:
            return False
        return bool(
            _AGE_AFTER.match(self.text, tok.end)
            or _IS_AGE.match(self.text, tok.end)
            or _PERSON_AFTER.match(self.text, tok.end)
        )

    def lower_single(self, i: int) -> bool:
        """ "mia told her friend", "ellie-mae & her sister": a lower-case given name that is no everyday
        word, shown to be a person by a verb only people do, an age or a relative after it."""
        tok = self.tok(i)
        if tok.poss or len(tok.low) < 3 or tok.low in _ROLE_WORDS or is_place(tok.low) or not self.word_ok(tok):
            return False
        nxt = self.tok(i + 1) if i + 1 < self.n and _SPACES.fullmatch(self.gap(i + 1)) else None
        if not (
            (nxt is not None and nxt.text.islower() and nxt.low in _PERSON_VERBS)
            or _AGE_AFTER.match(self.text, tok.end)
            or _IS_AGE.match(self.text, tok.end)
            or _PERSON_AFTER.match(self.text, tok.end)
        ):
            return False
        self.add(i, i + 1)
        return True

    def lower_possessive(self, i: int) -> bool:
        """ "harjit's son", "nicole's dob": a lower-case given name that is no everyday word, with a
        possessive before a word for a person or their things."""
        tok = self.tok(i)
        if not tok.poss or not tok.text.islower() or tok.low in self.common or tok.low in _ROLE_WORDS:
            return False
        particle = i > 0 and self.toks.texts[i - 1] in SURNAME_PARTICLES and _SPACES.fullmatch(self.gap(i))
        if not (is_given_name(tok.low) or particle) or not self.word_ok(tok) or is_place(tok.low) or len(tok.low) < 3:
            return False
        nxt = self.tok(i + 1) if i + 1 < self.n and _SPACES.fullmatch(self.gap(i + 1)) else None
        if nxt is None or nxt.low not in _PERSONAL_NOUNS:
            return False
        self.add(i - 1 if particle else i, i + 1)  # "le roux's probation officer"
        return True

    def family(self, i: int) -> bool:
        """ "the Hassan family", "Okonkwo twins", "the Kowalczyks have moved": a surname made a family."""
        tok = self.tok(i)
        if not _is_cap(tok) or tok.base.isupper() or tok.poss or not self.word_ok(tok):
            return False
        if (tok.low in self.common and tok.low not in _COMMON_SURNAMES) or is_place(tok.low) or tok.low in _TOWNS:
            return False
        if tok.low in _ROLE_WORDS or tok.low in LEGAL_EPONYMS or tok.low in _STREET_WORDS:
            return False
        if i + 1 >= self.n or not _SPACES.fullmatch(self.gap(i + 1)):
            return False
        nxt = self.tok(i + 1)
        if nxt.text.islower() and nxt.text in _FAMILY_WORDS:
            self.add(i, i + 1)
            return True
        if (
            tok.low.endswith("s")
            and i > 0
            and self.tok(i - 1).low == "the"
            and nxt.text.islower()
            and nxt.low in _AFTER_PLURAL_SURNAME
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
        if self.toks.texts[i + 1].lower() in ("and", "or") and _SPACES.fullmatch(self.gap(i + 1)):
            k = i + 2
            if k >= self.n or not _SPACES.fullmatch(self.gap(k)):
                return False
        elif _COORD_GAP.fullmatch(self.gap(i + 1)):
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
            _is_cap(tok)
            and not tok.base.isupper()
            and is_given_name(tok.low)
            and self.word_ok(tok)
            and not is_place(tok.low)
            and tok.low not in _DOCTRINES
            and tok.low not in _ROLE_WORDS
            and not self.after_saint(i)
            and not (tok.low in _OPENING_WORDS and self.opens_sentence(i))
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

    def lower_full_name(self, i: int) -> bool:
        """ "worried about amir hassan", "jake dunn's dad": a given name that is no everyday word,
        then a surname-looking word that is none either, both in lower case."""
        tok = self.tok(i)
        if tok.poss or not tok.text.islower() or i + 1 >= self.n or not self.joined(i + 1):
            return False
        if not is_given_name(tok.low) or not self.word_ok(tok):
            return False
        nxt = self.tok(i + 1)
        if len(tok.base) < 3 or not nxt.text.islower() or len(nxt.base) < 3 or not self.word_ok(nxt):
            return False
        if tok.low in self.common and not (
            nxt.poss and (nxt.low in _COMMON_SURNAMES or nxt.low not in self.common) and i > 0
            and self.tok(i - 1).low in _BEFORE_A_PERSON
        ):
            return False  # but "spoke with jade smith's nan"
        if nxt.low in NAME_VERBS or (nxt.low in self.common and nxt.low not in _COMMON_SURNAMES):
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
            or _DATE_AFTER.match(self.text, nxt.end)
        ):
            return False
        end = i + 2
        if self.legal_phrase(i, end):
            return False
        self.add(i, end)
        return True

    def first_names_again(self) -> list[int]:
        found: list[int] = []
        if not self.first_names:
            return found
        first_names = self.first_names
        for i in [i for i, low in enumerate(self.lows) if low in first_names]:
            if self.used[i] or i + 1 >= self.n:
                continue
            nxt = self.tok(i + 1)
            if self.joined(i + 1) and nxt.text.islower() and nxt.low in NAME_VERBS:
                found.append(i)
        return found

    def coordinated(self) -> None:
        """ "Jake and Priya told me", "Jake, Priya and Sam": a given name joined by "and", "or",
        "&" or a comma to a name already found. One pass from the right, so that a chain of names
        costs no more than its length."""
        for k in range(self.n - 1, 0, -1):
            if not self.used[k] or k in self.blocked:
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
            if not tok.poss and self.joinable_given(i):
                self.add(i, i + 1)
        # and from the left: "Mia, Leo and Ruby" once "Mia, Leo" is found
        for k in range(self.n - 2):
            if not self.used[k] or k in self.blocked or self.tok(k).poss:
                continue
            if self.toks.texts[k + 1].lower() in ("and", "or", "&") and _SPACES.fullmatch(self.gap(k + 1)):
                i = k + 2
                if not _SPACES.fullmatch(self.gap(i)):
                    continue
            elif _COORD_GAP.fullmatch(self.gap(k + 1)):
                i = k + 1
            else:
                continue
            if not self.used[i] and self.joinable_given(i):
                self.add(i, i + 1)

    def repeated(self) -> None:
        """Other capitalised occurrences of a word already found to be a name; and the first name of a
        full name found, alone before a verb ("jade smith's nan ... jade stays there")."""
        for i in self.first_names_again():
            self.add(i, i + 1)
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

