"""Names without a title or an introducing word: a given name and a surname ("Amir Hassan"), a
given name the sentence shows is a person ("Priya's mum", "Kayleigh said", "Tomasz (15)"), names
joined to one already found ("Jake and Priya"), and later mentions of a name found."""

from __future__ import annotations

import re

from bot.names import words
from bot.names.evidence import (
    AGE_AFTER,
    BEFORE_A_PERSON,
    BEFORE_A_PERSON_NAMED,
    CLAUSE_OPENERS,
    DATE_AFTER,
    INITIAL_END,
    IS_AGE,
    NOT_ACTIONS,
    PERSON_AFTER,
    PERSON_BRACKET,
    PERSONAL_ACRONYMS,
    VOWEL,
    EvidenceNames,
)
from bot.names.given import is_given_name
from bot.names.records import RecordNames
from bot.names.tokens import COLON_GAP, COORD_GAP, SPACES, is_capitalised
from bot.names.words import (
    COMMON_SURNAMES,
    DOCTRINES,
    ENGLISH_ENDINGS,
    INSTITUTION_WORDS,
    LEGAL_EPONYMS,
    LEGAL_FOLLOWERS,
    NAME_VERBS,
    OPENING_PERSON_VERBS,
    OPENING_WORDS,
    RELATIVES,
    ROLE_WORDS,
    STREET_WORDS,
    SURNAME_PARTICLES,
    TOWNS,
    TWO_LETTER_ABBREVIATIONS,
    is_place,
)

# words that follow the name of a thing, not of a person, after a possessive
_NOT_AFTER_A_POSSESSIVE = frozenset("or and nor vs v is was".split())
# "it's for", "this is for" just before a name that ends its clause
_FOR_WHOM_BEFORE = re.compile(r"(?i)\b(?:it'?s|it[ \t]+is|this[ \t]+is|that'?s|that[ \t]+is)[ \t]+for[ \t]+$")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.!?,;:)]|$)")
_CONTRACTION = re.compile(r"(?i)['\u2019](?:ll|re|ve|d|m)$")
# endings of the names of regions, made plural: "the Midlands", "the Cotswolds", "the Pennines"
_REGION_ENDINGS = tuple("land wold dale down hill isle island valley fen broad lake peak pennine hebride".split())


# words before a place rather than a person; function words and verbs a lone name may stand before
_AND_WORDS = ("and", "or", "n")  # "amelia n oliver": "and" as texts write it


class UntitledNames(EvidenceNames, RecordNames):
    def unknown_name(self, i: int) -> bool:
        """A capitalised word that is no known given name, no everyday word and not written like a
        rarer English word, shown to be a person: opening a sentence before a verb only people do
        ("Rebaz keeps missing", "Farishta came"), or with a
        possessive before a relative ("Nowak's sister")."""
        tok = self.tok(i)
        base = tok.low
        if len(base) < 3 or not base.isalpha() or base in self.common or is_given_name(base):
            return False
        if not (tok.base[1:].islower() or self.shouting) or not self.word_ok(tok) or is_place(base):
            return False  # "DfE says"
        if base.endswith(ENGLISH_ENDINGS):
            return False  # "Appointee wants", "Executor says", "Councillor said": a role, in rarer words
        if base in TOWNS or base in ROLE_WORDS or base in STREET_WORDS or base in DOCTRINES:
            return False
        nxt = self.tok(i + 1) if i + 1 < self.n and SPACES.fullmatch(self.gap(i + 1)) else None
        if nxt is None or not nxt.text.islower():
            return False
        if tok.poss:
            if nxt.low not in RELATIVES or not is_capitalised(tok):
                return False
        elif not (nxt.low in OPENING_PERSON_VERBS and is_capitalised(tok) and (i == 0 or self.opens_sentence(i))):
            return False
        self.add(i, i + 1)
        return True

    def initials(self, i: int) -> bool:
        """ "JD (the eldest)", "RB and his sister", "JD's brother", "saw J.D. at": a person's initials,
        two capitals that are no common abbreviation, shown to be a person (or written with dots)."""
        tok = self.tok(i)
        if len(tok.base) != 2 or not tok.base.isupper() or tok.base in TWO_LETTER_ABBREVIATIONS:
            return False
        nxt = self.tok(i + 1) if i + 1 < self.n and SPACES.fullmatch(self.gap(i + 1)) else None
        if tok.poss:
            if nxt is None or nxt.low not in RELATIVES:
                return False
        elif not (PERSON_AFTER.match(self.text, tok.end) or IS_AGE.match(self.text, tok.end)):
            return False
        self.add(i, i + 1)
        return True

    def plural_family(self, i: int) -> bool:
        """ "the O'Driscolls' GP", "worried about the Doyles": a surname made plural, after "the", with a
        plural possessive or after a word before a person."""
        tok = self.tok(i)
        if i < 1 or tok.poss or not is_capitalised(tok) or not tok.base[1:].islower() and "'" not in tok.base:
            return False
        if not tok.low.endswith("s") or len(tok.low) < 5 or self.toks.texts[i - 1] != "the":
            return False
        singular = tok.low[:-1]
        if singular in self.common or tok.low in self.common or not self.word_ok(tok):
            return False
        if is_place(singular) or singular in TOWNS or singular.endswith(ENGLISH_ENDINGS + _REGION_ENDINGS):
            return False  # "the Midlands", "the Cotswolds'"
        plural_possessive = self.text.startswith(("' ", "\u2019 "), tok.end)
        before = self.tok(i - 2).low if i >= 2 and self.joined(i - 1) else ""
        in_brackets = self.text[:self.tok(i - 1).start].endswith("(") and self.text.startswith(")", tok.end)
        if not (plural_possessive or before in BEFORE_A_PERSON_NAMED or in_brackets):
            return False  # but "foster carers (the Thompsons)"
        self.add(i, i + 1)
        return True

    def lower_pair(self, i: int) -> bool:
        """ "mykola and daryna - brother and sister": two lower-case given names that are no everyday
        words, joined by "and", opening a sentence."""
        if i + 2 >= self.n or not (i == 0 or self.opens_sentence(i)):
            return False
        first, link, second = self.tok(i), self.tok(i + 1), self.tok(i + 2)
        if link.low != "and" or not (self.joined(i + 1) and self.joined(i + 2)):
            return False
        for tok in (first, second):
            if not tok.text.islower() or tok.poss or len(tok.low) < 4 or tok.low in self.common:
                return False
            if not is_given_name(tok.low) or not self.word_ok(tok) or is_place(tok.low):
                return False
        self.add(i, i + 1)
        self.add(i + 2, i + 3)
        return True

    def role_is_name(self, i: int) -> bool:
        """ "Dad is Kofi, mum is Ama": a word for a relative, "is", a given name that is no everyday word."""
        tok = self.tok(i)
        if i < 2 or not is_capitalised(tok) or tok.poss or tok.low in self.common or not is_given_name(tok.low):
            return False
        if self.toks.texts[i - 1] != "is" or not self.joined(i) or not self.joined(i - 1):
            return False
        if self.tok(i - 2).low not in RELATIVES or is_place(tok.low) or not self.word_ok(tok):
            return False
        self.add(i, i + 1)
        return True

    def full_name(self, i: int) -> bool:
        """ "worried about Amir Hassan", "Jake Dunn's dad", "Anna van der Berg"."""
        tok = self.tok(i)
        if tok.poss or not is_capitalised(tok) or not is_given_name(tok.low) or not self.word_ok(tok):
            return False
        if tok.base.isupper() and not self.shouting and not self.capitals_given_name(tok):
            return False
        if self.after_saint(i) or i + 1 >= self.n or not self.joined(i + 1):
            return False
        nxt = self.tok(i + 1)
        if tok.low in self.common and self.opens_sentence(i) and tok.low in OPENING_WORDS and not (
            nxt.poss and is_capitalised(nxt) and nxt.low not in self.common and self.word_ok(nxt)
        ):
            return False  # "Will the DSL...", "May I..."; not "Will Harker's mum"
        if (
            len(nxt.text) == 1
            and nxt.text.isupper()
            and nxt.text not in "AI"
            and tok.low not in self.common
            and INITIAL_END.match(self.text, nxt.end)
        ):
            self.add(i, i + 2)  # "Bartek W", "re: Priya K."
            return True
        if nxt.low in SURNAME_PARTICLES and nxt.low != "st":
            k = self.extend_particles(i + 1)
            if k is None:
                return False
            end = self.extend(k, allow_lower=False, strict=False)
        else:
            if not (self.capital_name_word(nxt, strict=True) or self.capitals_surname(i + 1)
                    or self.records_surname(i + 1)):
                return False
            if tok.low in self.common and nxt.low in self.common and nxt.low not in COMMON_SURNAMES:
                return False  # "Grace Period", "Mark Scheme", "Faith Schools"
            if nxt.low in TOWNS:
                return False  # "Evelina London"
            if nxt.low == "ward" and i > 0 and self.tok(i - 1).low in ("on", "our", "the") and self.joined(i):
                return False  # "Our Rose Ward", "on Jasmine Ward": a hospital ward
            if tok.low in self.common and nxt.low in STREET_WORDS:
                return False  # "Oak Hill", "Rose Lane": a place
            end = self.extend(i + 1, allow_lower=False, strict=True)
        if self.legal_phrase(i, end):
            return False
        self.add(i, end)
        return True

    def single_name(self, i: int) -> bool:
        """ "Priya's mum", "Kayleigh said", "Tomasz (15)": a given name shown to be a person."""
        tok = self.tok(i)
        if not is_capitalised(tok) or (tok.base.isupper() and not self.shouting) or not is_given_name(tok.low):
            return False
        if not self.word_ok(tok) or self.after_saint(i) or tok.low in ROLE_WORDS or tok.low in TOWNS:
            return False  # "can we ask Sheffield for their file"
        if i > 0 and self.joined(i) and is_capitalised(self.tok(i - 1)) and self.tok(i - 1).low in INSTITUTION_WORDS:
            return False  # part of the name of a place or a body: "Ynys Môn", "Heddlu Dyfed"
        if is_place(tok.low):
            if tok.poss or not (
                AGE_AFTER.match(self.text, tok.end)
                or IS_AGE.match(self.text, tok.end)
                or PERSON_BRACKET.match(self.text, tok.end)
            ):
                return False  # "Paris is", "Kent said", but "Jordan (15)", "Brooklyn (Year 3)"
            self.add(i, i + 1)
            return True
        if tok.low in DOCTRINES:
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
            if nxt is None or not SPACES.fullmatch(self.gap(i + 1)) or nxt.low in LEGAL_FOLLOWERS:
                return False
            if nxt.low in _NOT_AFTER_A_POSSESSIVE:
                return False  # "Bernardo's or Barnardo's?": a name of something, spelt
            if not nxt.text[:1].islower() and not (nxt.base.isupper() and nxt.low in PERSONAL_ACRONYMS) and not (
                self.shouting and nxt.low in ROLE_WORDS
            ):  # (but "BRANDON'S MUM SAYS")
                return False  # "Clare's Law", "Barnardo's Children's Services" (but "Shauna's IDVA")
        elif nxt is not None and self.joined(i + 1) and nxt.text.islower() and nxt.low in NAME_VERBS:
            pass
        elif (
            nxt is not None
            and self.joined(i + 1)
            and nxt.text.islower()
            and nxt.low.endswith("ed")
            and len(nxt.low) > 4
            and nxt.low not in NOT_ACTIONS
            and (self.opens_sentence(i) or (i > 0 and self.tok(i - 1).low in CLAUSE_OPENERS))
        ):
            pass  # "Jayden smashed ...", "and Priya overdosed": a person doing something
        elif nxt is not None and nxt.text.startswith(("'", "\u2019")) and nxt.low in NAME_VERBS:
            pass
        elif (
            AGE_AFTER.match(self.text, tok.end)
            or PERSON_AFTER.match(self.text, tok.end)
            or IS_AGE.match(self.text, tok.end)
        ):
            pass
        elif i > 0 and self.tok(i - 1).low == "for" and nxt is not None and nxt.low == "to" and self.joined(i + 1):
            pass  # "is it ok for Jamal to see his file"
        elif self.spoken_to(i) or self.bracketed_alone(i):
            pass
        elif _FOR_WHOM_BEFORE.search(self.text, max(0, tok.start - 16), tok.start) and _CLAUSE_END.match(
            self.text, tok.end
        ):
            pass  # "It's for Declan.", "this is for Amara?"
        else:
            return False
        self.add(i, i + 1)
        return True

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
            nxt.poss and (nxt.low in COMMON_SURNAMES or nxt.low not in self.common) and i > 0
            and self.tok(i - 1).low in BEFORE_A_PERSON_NAMED and tok.low not in NAME_VERBS
        ):
            return False  # but "spoke with jade smith's nan"
        if nxt.low in NAME_VERBS or (nxt.low in self.common and nxt.low not in COMMON_SURNAMES):
            return False
        if _CONTRACTION.search(nxt.text):
            return False  # "his SW cos she'll tell": no surname is contracted
        if not VOWEL.search(tok.low) or not VOWEL.search(nxt.low):
            return False  # "uk gdpr": letters of an abbreviation
        # and the sentence shows a person: "about amir hassan", "jake dunn's dad", "amir hassan said"
        after = self.tok(i + 2) if i + 2 < self.n and self.joined(i + 2) else None
        before = self.tok(i - 1).low if i > 0 and (self.joined(i) or COLON_GAP.fullmatch(self.gap(i))) else ""
        if not (
            nxt.poss
            or before in BEFORE_A_PERSON
            or before in ROLE_WORDS
            or (after is not None and after.text.islower() and after.low in NAME_VERBS)
            or AGE_AFTER.match(self.text, nxt.end)
            or DATE_AFTER.match(self.text, nxt.end)
            or PERSON_BRACKET.match(self.text, nxt.end)
        ):
            return False
        end = i + 2
        if self.legal_phrase(i, end):
            return False
        self.add(i, end)
        return True

    def coordinated(self) -> None:
        """ "Jake and Priya told me", "Jake, Priya and Sam", "Mia, Leo and Ruby": a given name joined by
        "and", "or", "&" or a comma to a name already found, on either side. Each chain is followed
        from the names found, so that a chain of names costs no more than its length."""
        found = [k for k, used in enumerate(self.used) if used and k not in self.blocked]
        for k in reversed(found):
            while k > 0:
                i = self.joined_before(k)
                if i is None or self.used[i] or self.tok(i).poss or not (
                    self.joinable_given(i) or self.joinable_unknown(i, k) or self.joinable_lower_given(i, k)
                    or self.place_in_a_list(i, self.joined_before(i))
                ):
                    break
                self.add(i, i + 1)
                k = i
        for k in found:
            while k < self.n - 1 and not self.tok(k).poss:
                i = self.joined_after(k)
                if i is None or self.used[i] or not (
                    self.joinable_given(i) or self.joinable_unknown(k, i) or self.joinable_lower_given(i, k)
                    or (i < self.n - 1 and self.place_in_a_list(i, self.joined_after(i)))
                ):
                    break
                self.add(i, i + 1)
                k = i

    def joinable_lower_given(self, i: int, k: int) -> bool:
        """ "amelia n oliver": in lower case, a given name that is no everyday word, joined to a name found
        in lower case."""
        tok, found = self.tok(i), self.tok(k)
        return (tok.text.islower() and found.text.islower() and is_given_name(tok.low) and tok.low not in self.common
                and self.word_ok(tok))

    def place_in_a_list(self, i: int, further: int | None) -> bool:
        """ "Kayla, Jordan and Mason": a given name that is also a place, in a list of names (the word on
        its other side is a given name too)."""
        tok = self.tok(i)
        return (
            further is not None
            and words.is_place(tok.low)
            and is_capitalised(tok)
            and is_given_name(tok.low)
            and self.joinable_given(further)
        )

    def joinable_unknown(self, first: int, second: int) -> bool:
        """ "Olamide and Tobi": of two words joined by "and" or "&", the one that is no known given name
        but written like a name, no everyday word, place, role or organisation, is a name too."""
        between = self.text[self.tok(first).end : self.tok(second).start].strip().lower()
        if between not in ("and", "&"):
            return False
        i = first if self.used[second] else second
        tok = self.tok(i)
        return (
            is_capitalised(tok)
            and tok.base.isalpha()
            and not tok.base.isupper()
            and len(tok.base) >= 3
            and tok.low not in self.common
            and not is_place(tok.low)
            and tok.low not in TOWNS
            and tok.low not in ROLE_WORDS
            and tok.low not in STREET_WORDS
            and not tok.low.endswith(ENGLISH_ENDINGS)
            and self.word_ok(tok)
        )

    def joined_before(self, k: int) -> int | None:
        """The token joined to token k by "and", "or", "&" or a comma before it."""
        if self.toks.texts[k - 1].lower() in _AND_WORDS and k >= 2 and self.joined(k):
            return k - 2 if SPACES.fullmatch(self.gap(k - 1)) else None
        return k - 1 if COORD_GAP.fullmatch(self.gap(k)) else None

    def joined_after(self, k: int) -> int | None:
        """The token joined to token k by "and", "or", "&" or a comma after it."""
        if self.toks.texts[k + 1].lower() in _AND_WORDS and SPACES.fullmatch(self.gap(k + 1)):
            return k + 2 if k + 2 < self.n and SPACES.fullmatch(self.gap(k + 2)) else None
        return k + 1 if COORD_GAP.fullmatch(self.gap(k + 1)) else None

    def plain_name_in_lower_case(self, tok) -> bool:
        """A name found elsewhere in the text, here in lower case, that cannot be an everyday word
        ("Callum and his mate dylan ... tell the other school about dylan")."""
        return tok.text.islower() and tok.low not in self.common and self.word_ok(tok)

    def repeated_everyday_names(self) -> None:
        """ "Rose ... mum wants Rose's records": a name that is also an everyday word, found once with
        evidence, again capitalised where no sentence opens (or with a possessive)."""
        names = {self.tok(k).low for k, used in enumerate(self.used) if used and self.tok(k).low in self.common
                 and is_capitalised(self.tok(k)) and is_given_name(self.tok(k).low)}
        for i, word in enumerate(self.toks.texts):
            if self.used[i] or not word[:1].isupper():
                continue
            tok = self.tok(i)
            if tok.low in names and is_capitalised(tok) and (tok.poss or not self.opens_sentence(i)):
                self.add(i, i + 1)

    def repeated(self) -> None:
        """Other occurrences of a word already found to be a name (in lower case too, unless it is an
        everyday word); and the first name of a full name found, alone before a verb ("jade smith's
        nan ... jade stays there")."""
        for i in self.first_names_again():
            self.add(i, i + 1)
        self.repeated_everyday_names()
        if not self.confirmed:
            return
        confirmed = self.confirmed
        for i, word in enumerate(self.toks.texts):
            if self.used[i]:
                continue
            low = word.lower()
            if low not in confirmed and low[:-2] not in confirmed:
                continue
            tok = self.tok(i)
            if tok.low not in confirmed or not (is_capitalised(tok) or self.plain_name_in_lower_case(tok)):
                continue
            if tok.low in LEGAL_EPONYMS or tok.low in DOCTRINES or self.after_saint(i):
                continue
            if self.legal_phrase(i, i + 1):
                continue
            self.add(i, i + 1)
