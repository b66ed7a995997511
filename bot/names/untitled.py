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
_PERSON_AFTER = re.compile(
    r"[ \t]*,?[ \t]+(?:who\b|and[ \t]+(?:his|her|their)\b"
    r"|(?:in|from)[ \t]+(?:year|yr|y)[ \t]*[0-9]{1,2}\b|(?:in|from)[ \t]+reception\b"
    r"|from[ \t]+(?:the|our|your|their)[ \t]+"
    r"|from[ \t]+(?:children|adult|social|housing|health|police|probation|education|early|family|"
    r"youth|mental)(?:'s|\u2019s)?[ \t]"
    r"|from[ \t]+(?-i:[A-Z]{2,6})\b)",
    re.IGNORECASE,
)


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
        if tok.low in self.common or not self.word_ok(tok) or self.after_saint(i) or is_place(tok.low):
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
        if tok.low in self.common or not is_given_name(tok.low) or not self.word_ok(tok):
            return False
        nxt = self.tok(i + 1)
        if len(tok.base) < 3 or not nxt.text.islower() or len(nxt.base) < 3 or not self.word_ok(nxt):
            return False
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
                and tok.low not in self.common
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

