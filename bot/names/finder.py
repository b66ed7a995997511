"""The state of one pass over a text's words, and the helpers its rules share (see bot.names.spans)."""

from __future__ import annotations

import re

from bot.names.given import is_given_name
from bot.names.tokens import (
    AFTER_TITLE_GAP,
    POSSESSIVE_ENDINGS,
    SENTENCE_END,
    SPACES,
    LazyTokens,
    Token,
    is_capitalised,
    written_in_capitals,
)
from bot.names.words import (
    ACRONYMS_LIKE_NAMES,
    COMMON_SURNAMES,
    INSTITUTION_WORDS,
    LEGAL_EPONYMS,
    LEGAL_FOLLOWERS,
    NAME_VERBS,
    PERSON_NAMED_ORGANISATIONS,
    STOP_WORDS,
    STREET_WORDS,
    SURNAME_PARTICLES,
    TOWNS_LIKE_NAMES,
    common_words,
    is_not_a_name,
)

# lower-case verbs that are also given names: "can a client sue us", "will rob", "did pat"
_VERBS_THAT_ARE_NAMES = frozenset(["sue"])  # "can a client sue us": never a lower-case name here
_WELSH_INSTITUTIONS = frozenset(
    "ysbyty ysgol cyngor heddlu canolfan meddygfa coleg prifysgol bwrdd cartref capel eglwys".split()
)
_IRISH_SURNAME = re.compile(r"o'[a-z]{3,}$")
_IN_BRACKETS = re.compile(r"\(\w+\)")  # "designated officer (LADO)": an acronym spelt out before it
# a record's field that names a person: "Subject:", "Name:", "Child:", "DOB"
_RECORD_FIELD = re.compile(r"(?im)(?:^|[|])[ \t*_]*(?:subject|re|name|full name|child|client|patient|pupil|student"
                           r"|surname|young person|yp|service user)[ \t*_]*:|\bd\.?o\.?b\b")


class FinderBase:
    """One pass over the tokens of a text; see name_spans. The rules are in bot.names.introduced
    and bot.names.untitled, the pass in bot.names.spans."""

    def __init__(self, text: str):
        self.text = text
        self.toks = LazyTokens(text)
        self.tok = self.toks.get
        self.n = len(self.toks)
        self.shouting = written_in_capitals(text)
        self._in_a_record: bool | None = None  # worked out when first asked (in_a_record)
        self.spans: list[tuple[int, int]] = []
        self.used = [False] * self.n
        self.blocked: set[int] = set()  # tokens that are never a name here ("in Jan": the month)
        self.confirmed: set[str] = set()
        self.lows: list[str] = []  # the words in lower case, set by the pass (bot.names.spans)
        self.first_names: set[str] = set()  # first words of full names found ("jade" of "jade smith")
        self.common = common_words()

    # -- helpers ---------------------------------------------------------------------------------
    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        starts, texts = self.toks.starts, self.toks.texts
        prev_end = starts[i - 1] + len(texts[i - 1]) if i > 0 else 0
        return self.text[prev_end : starts[i]]

    def joined(self, i: int, pattern: re.Pattern[str] = SPACES) -> bool:
        """Token i follows token i-1 with only what ``pattern`` allows between them (and token i-1
        is not a possessive)."""
        return (
            i > 0
            and not self.toks.texts[i - 1].endswith(POSSESSIVE_ENDINGS)
            and pattern.fullmatch(self.gap(i)) is not None
        )

    def opens_sentence(self, i: int) -> bool:
        start = self.tok(i).start
        return SENTENCE_END.search(self.text, max(0, start - 12), start) is not None

    def word_ok(self, tok: Token) -> bool:
        """Could this token be part of someone's name at all?"""
        return (
            tok.low not in STOP_WORDS
            and not is_not_a_name(tok.low)
            and tok.low not in SURNAME_PARTICLES
            and not (tok.base.isupper() and len(tok.base) <= 3 and not self.shouting)
        )

    def capital_name_word(self, tok: Token, strict: bool) -> bool:
        """A capitalised word that reads as a name: a given name, a surname-looking word, or (when
        ``strict``) not an everyday word unless it is also a common surname."""
        if not is_capitalised(tok) or not self.word_ok(tok):
            return False
        if tok.base.isupper() and len(tok.base) > 3 and not self.shouting and not self.capitals_given_name(tok):
            return False  # "SENCO", "MARAC", "CAMHS": acronyms, unless the whole text shouts
        if not strict:
            return True
        if tok.low in STREET_WORDS and tok.low not in COMMON_SURNAMES:
            return False  # "Victoria Crescent", "Hope Street"
        return is_given_name(tok.low) or tok.low in COMMON_SURNAMES or tok.low not in self.common

    def capitals_given_name(self, tok: Token) -> bool:
        """A given name in capitals that is no everyday word ("PRIYA", "AMIR" in a text that does not
        shout): a name typed as on a form, not an acronym."""
        return (tok.base.isupper() and len(tok.base) > 3 and is_given_name(tok.low) and tok.low not in self.common
                and tok.low not in ACRONYMS_LIKE_NAMES and not _IN_BRACKETS.match(self.text, tok.start - 1))

    def capitals_surname(self, j: int) -> bool:
        """Token j, in capitals, after a name word in capitals: its surname ("PRIYA SHARMA"), unless it
        is an everyday word or too short to be more than an acronym."""
        tok, prev = self.tok(j), self.tok(j - 1)
        return (prev.base.isupper() and tok.base.isupper() and len(tok.base) > 3 and tok.low not in self.common
                and self.word_ok(tok) and tok.low not in NAME_VERBS)

    def lower_name_word(self, tok: Token, person_named: bool) -> bool:
        """A lower-case word that reads as a name: a known given name that is no everyday word, or
        (when the text says a person is being named) any word that is not an everyday one."""
        if tok.text[:1].isupper() or not self.word_ok(tok) or tok.low in NAME_VERBS or tok.low in _VERBS_THAT_ARE_NAMES:
            return False
        if _IRISH_SURNAME.match(tok.low):
            return True  # "nurse o'reilly": no word of English starts so
        if is_given_name(tok.low) and tok.low not in self.common:
            return True
        return person_named and (tok.low not in self.common or tok.low in COMMON_SURNAMES)

    def extend(self, i: int, allow_lower: bool, strict: bool) -> int:
        """Index past the last token of the name that starts at token i (already accepted):
        further name words, particles ("van der"), joined by single spaces, at most four words."""
        j = i + 1
        n = self.n
        words = 1
        while j < n and words < 4 and not self.tok(j - 1).poss and (
            self.joined(j) or (self.tok(j - 1).low == "st" and self.joined(j, AFTER_TITLE_GAP))
        ):
            tok = self.tok(j)
            if tok.low in SURNAME_PARTICLES and tok.low != "st" and j + 1 < n and self.joined(j + 1):
                # "van der Berg", "de la Cruz", "bin Salleh": particles, then a name word
                k = j
                while k < n and self.tok(k).low in SURNAME_PARTICLES and k - j < 3 and self.joined(k):
                    k += 1
                if k < n and self.joined(k) and is_capitalised(self.tok(k)) and self.word_ok(self.tok(k)):
                    j = k + 1
                    words += 1
                    continue
                break
            if (self.capital_name_word(tok, strict=strict or self.shouting) and tok.low not in NAME_VERBS) \
                    or self.capitals_surname(j):
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
        if any(self.used[i:j]) or self.known_phrase(i, j) or self.names_an_institution(i):
            return
        if j - i >= 2:
            self.first_names.add(self.tok(i).low)
        for k in range(i, j):
            self.used[k] = True
            if self.tok(k).low not in self.common and self.tok(k).low not in SURNAME_PARTICLES:
                self.confirmed.add(self.tok(k).low)
        self.spans.append((self.tok(i).start, self.tok(j - 1).end))

    def names_an_institution(self, i: int) -> bool:
        """Token i follows a Welsh word for an institution: "Ysbyty Gwynedd", "Ysgol Dewi Sant"."""
        before = self.tok(i - 1) if i > 0 else None
        return before is not None and before.low in _WELSH_INSTITUTIONS and before.text[:1].isupper() and self.joined(i)

    def known_phrase(self, i: int, j: int) -> bool:
        """Tokens i..j-1, alone or with the words before them, are a phrase that reads like a name
        and is none: "Marie Curie", "the Red Cross", "next of Kin"."""
        ends = (j, j + 1) if j < self.n and self.joined(j) else (j,)  # "Key [Stage]", "Tŷ [Hafan]"
        phrases = (
            " ".join(t.low for t in map(self.tok, range(start, end)))
            for start in range(max(0, i - 2), i + 1)
            for end in ends
        )
        return any(p in PERSON_NAMED_ORGANISATIONS or p in TOWNS_LIKE_NAMES for p in phrases)

    def legal_phrase(self, i: int, j: int) -> bool:
        """Tokens i..j-1 are (part of) a legal or organisational phrase: "Clare's Law", "Fraser
        guidelines", "Victoria Climbie inquiry", "Marie Curie", "Lucy Faithfull Foundation"."""
        if any(t.low in LEGAL_EPONYMS for t in map(self.tok, range(i, j))):
            return True
        if self.known_phrase(i, j):
            return True
        last = self.tok(j - 1)
        if j < self.n:
            nxt = self.tok(j)
            gap = self.text[last.start + len(last.text) : nxt.start]
            if SPACES.fullmatch(gap) and (
                nxt.low in LEGAL_FOLLOWERS
                or (is_capitalised(nxt) and (nxt.low in INSTITUTION_WORDS or nxt.low in STREET_WORDS))
            ):
                return True
        return False

    def after_saint(self, i: int) -> bool:
        if i == 0:
            return False
        prev = self.tok(i - 1)
        return prev.low in ("st", "saint") and re.fullmatch(r"\.?\s{1,2}", self.gap(i)) is not None

    def extend_particles(self, j: int, allow_lower: bool = False) -> int | None:
        """Token j is a particle ("van", "de", "al"): index of the name word after the particles
        (in lower case too when ``allow_lower``: "mr da silva")."""
        k = j
        while k < self.n and self.tok(k).low in SURNAME_PARTICLES and k - j < 3:
            k += 1
            if k < self.n and not self.joined(k):
                return None
        if k >= self.n or not self.word_ok(self.tok(k)):
            return None
        tok = self.tok(k)
        if is_capitalised(tok) or (allow_lower and tok.text.islower() and tok.low not in NAME_VERBS
                                   and len(tok.low) > 2):
            return k
        return None

    def in_a_record(self) -> bool:
        """The text is (or quotes) a record whose fields name a person: a name, subject or DOB field."""
        if self._in_a_record is None:
            self._in_a_record = bool(_RECORD_FIELD.search(self.text))
        return self._in_a_record
