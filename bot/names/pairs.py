"""Two names no list knows, joined by "and" or "&" ("Kayden and Brogan were seen", "siblings Brogan &
Zyler"), taken only where the sentence shows they are people: a word for children or siblings before
them, their ages after them, a possessive before a relative, or a verb only people do after them.

Two capitalised words joined by "and" are far more often a place, a body or a law ("Barking and
Dagenham", "Health and Safety", "Police and Crime Act", "Tavistock and Portman"): each word must be
a known given name or read like one (no everyday word, place, town, role, street or institution
word, no ending of an English noun or a place), the pair must not sit inside a longer proper name
("London Borough of ...", "... Council"), and the evidence must be one that places and bodies do
not have."""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.names import words
from bot.names.evidence import AGE_AFTER, PERSON_BRACKET, PERSON_VERBS, EvidenceNames
from bot.names.given import is_given_name
from bot.names.tokens import SPACES, is_capitalised
from bot.names.words import ENGLISH_ENDINGS, OPENING_PERSON_VERBS, RELATIVES

_AND_GAP = re.compile(r"[ \t\u00a0\u202f]*&[ \t\u00a0\u202f]*")
# words for people in the plural, just before the pair: "the children Kayden and Brogan", "siblings: ..."
_PEOPLE_BEFORE = frozenset(
    """children kids siblings brothers sisters twins triplets boys girls sons daughters grandchildren
    grandsons granddaughters cousins pupils students clients patients learners toddlers babies teenagers
    nephews nieces stepchildren stepsons stepdaughters""".split()
)
_PEOPLE_GAP = re.compile(r"[ \t]*[,:\-\u2013][ \t]*|[ \t]{1,3}")
# their ages after them: "(7 and 9)", ", 7 & 9,", "aged 7 and 9", "(both 7)", "(7yo)"; not "(2)", a count
_AGE = r"[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?|years?(?:[ -]old)?)?"
_AGE_WITH_UNIT = r"[0-9]{1,2}[ \t]*(?:yo|y/o|yrs?|years?(?:[ -]old)?)"
_AND_AGE = r"[ \t]*(?:,|&|and)[ \t]*" + _AGE
_AGES_AFTER = re.compile(
    r"[ \t]*(?:\([ \t]*(?:(?:aged?|both)[ \t]*" + _AGE + r"(?:" + _AND_AGE + r")?|" + _AGE + _AND_AGE
    + r"|" + _AGE_WITH_UNIT + r")[ \t]*\)"
    r"|,[ \t]*(?:aged?[ \t]*)?" + _AGE + _AND_AGE + r"\b"
    r"|[ \t]+aged?[ \t]+[0-9]{1,2}\b)"
)
# an age in brackets between the first name and "and": "Tunde (7) and Dayo (4)"
_AGE_GAP = re.compile(r"[ \t]*\([ \t]*" + _AGE + r"[ \t]*\)[ \t]+")
# a bracket that says who they are, in words: "(twins, 7)", "(siblings)", "(mum's kids)"
_WORDS_BRACKET = re.compile(r"[ \t]*\([ \t]*[A-Za-z]")
_BE = r"(?:are|were|have[ \t]+been|had[ \t]+been)[ \t]+"
# after the pair, what only people do or are: "were seen", "are in foster care", "disclosed"
_PEOPLE_STATE_AFTER = re.compile(
    r"(?i)[ \t]+(?:" + _BE + r"(?:seen|siblings|brothers|sisters|twins|cousins|scared|frightened|hurt|injured"
    r"|in[ \t]+(?:care|foster)|looked[ \t]+after)|went[ \t]+missing|disclosed|absconded|cried)\b"
)
# ... and what people do or are, but places and bodies too ("are missing from the list"): only beside
# a known given name
_MAYBE_PEOPLE_AFTER = re.compile(
    r"(?i)[ \t]+" + _BE + r"(?:missing|living|staying|placed|excluded|at[ \t]+risk|aged?|[0-9]{1,2}\b)"
)
# a possessive before these shows people: "Kayden and Brogan's mum", "... 's dob"
_OWN_PEOPLE = RELATIVES | frozenset("dob foster keyworker sw carers nursery".split())
# areas named by two places joined by "and" (councils, police forces, health bodies) where one of the
# two is also a given name: only these exact pairs, so that "Devon and Leigh" can still be two children
_AREAS = frozenset(tuple(pair.split("+")) for pair in """redcar+cleveland wigan+leigh brighton+hove
    kensington+chelsea devon+cornwall avon+somerset tavistock+portman windsor+maidenhead telford+wrekin
    barking+dagenham hammersmith+fulham reigate+banstead basingstoke+deane perth+kinross argyll+bute
    dumfries+galloway tyne+wear kent+medway bath+somerset stockton+darlington""".split())
# places that come in pairs joined by "and" (councils, police and health areas) and read like names
_PAIRED_PLACES = frozenset(
    """barking dagenham hammersmith fulham kensington hove redcar cleveland telford wrekin windsor maidenhead
    basingstoke deane reigate banstead medway dumfries galloway perth kinross argyll bute tyne wear merseyside
    cumbria tavistock portman lambeth southwark widnes runcorn thurrock humber somerset wiltshire dorset
    devon cornwall avon leigh wigan stockton darlington hartlepool durham gateshead tameside trafford
    halton knowsley sefton wirral rutland powys gwent dyfed clwyd glamorgan gwynedd ceredigion
    pembrokeshire camden islington hackney haringey enfield barnet brent ealing hounslow harrow hillingdon
    merton sutton croydon bromley bexley greenwich lewisham newham havering redbridge waltham
    richmond kingston wandsworth westminster tower hamlets""".split()
)
_PEOPLE_VERBS = OPENING_PERSON_VERBS | PERSON_VERBS | frozenset(
    """went go goes live lives attend attends stay stays missed cried""".split()
)
# words before the pair that make it a place: "in Barking and Dagenham", "the Tavistock and Portman"
_PLACE_BEFORE = frozenset("of the in at across between within around near via throughout".split())
# endings of places, not of people: Cambridgeshire, Fulham, Bradford, Peterborough, Maidenhead
_PLACE_ENDINGS = tuple(
    """shire ham ford bury borough burgh wich field caster chester cester mouth pool minster bridge head
    worth stock stoke stow wick port haven combe hampton thorpe sey""".split()
)


class PairedNames(EvidenceNames):
    def block_paired_places(self) -> None:
        """ "Redcar and Cleveland said", "Wigan and Leigh": two places that name one council, police or
        health area are not names, though one of them is a given name, unless the sentence shows people
        ("the twins Devon and Leigh", "Camden and Brent (7 and 9)")."""
        texts = self.toks.texts
        for j in [j for j, low in enumerate(self.lows) if low in ("and", "&")]:
            if 0 < j < self.n - 1 and (self.lows[j - 1], self.lows[j + 1]) in _AREAS \
                    and texts[j - 1][0].isupper() and texts[j + 1][0].isupper() \
                    and not (self.people_before(j - 1) or self.people_after(self.tok(j + 1))):
                for k in (j - 1, j + 1):
                    self.used[k] = True
                    self.blocked.add(k)

    def unknown_pairs(self) -> None:
        """ "Kayden and Brogan were seen": two names joined by "and" or "&" where at least one is no
        known given name, taken when the sentence shows they are people (see the module docstring)."""
        texts = self.toks.texts
        for j in [j for j, low in enumerate(self.lows) if low == "and"]:
            if 0 < j < self.n - 1 and texts[j - 1][0].isupper() and texts[j + 1][0].isupper():
                self.unknown_pair(j - 1, j + 1)
        at = self.text.find("&")
        while at != -1:
            k = bisect_right(self.toks.starts, at)  # the word after the "&"
            if 0 < k < self.n and texts[k - 1][0].isupper() and texts[k][0].isupper():
                if _AND_GAP.fullmatch(self.gap(k)):
                    self.unknown_pair(k - 1, k)
            at = self.text.find("&", at + 1)

    def unknown_pair(self, i: int, k: int) -> bool:
        if k == i + 2 and _AGE_GAP.fullmatch(self.gap(i + 1)) and self.joined(k):
            return self.aged_pair(i, k)
        if self.used[i] or self.used[k] or self.tok(i).poss:
            return False
        if k == i + 2 and not (self.joined(i + 1) and self.joined(k)):
            return False
        first, second = self.tok(i), self.tok(k)
        capitals = first.base.isupper() and second.base.isupper()
        if is_given_name(first.low) and is_given_name(second.low) and not capitals:
            return False  # two known names: bot.names.evidence's paired (which leaves capitals to this rule)
        strong = self.people_before(i) or self.people_after(second)
        if not strong and not (
            self.person_verb_after(second) and (self.uncommon_given(first) or self.uncommon_given(second))
        ):
            return False  # a verb alone shows people only beside a known given name: "Dumfries and Galloway said"
        if not (self.pair_word(first, strict=not strong) and self.pair_word(second, strict=not strong)):
            return False
        if self.everyday(first) or self.everyday(second) or (first.low in self.common and second.low in self.common):
            return False  # "Rose and Brogan": at most one everyday word, and that a given name
        if self.inside_a_proper_name(i, k) or self.legal_phrase(i, k + 1):
            return False
        self.add(i, i + 1)
        self.add(k, k + 1)
        return True

    def aged_pair(self, i: int, k: int) -> bool:
        """ "children Tunde (7) and Dayo (4)": each with an age in brackets."""
        if self.used[k] or not AGE_AFTER.match(self.text, self.tok(k).end):
            return False
        first, second = self.tok(i), self.tok(k)
        if not (self.used[i] or (self.pair_word(first, strict=False) and not self.everyday(first))):
            return False
        if not self.pair_word(second, strict=False) or self.everyday(second):
            return False
        if not (self.used[i] or self.people_before(i) or self.uncommon_given(first) or self.uncommon_given(second)):
            return False  # "Mosaic (2) and Liquidlogic (3)": bare numbers are counts as often as ages
        for t in (i, k):
            if not self.used[t]:
                self.add(t, t + 1)
        return True

    def pair_word(self, tok, strict: bool) -> bool:
        """Written like a name and no word for anything else; unless people are shown around the pair,
        not written like an English noun either ("Planners and Responders")."""
        low = tok.low
        if not is_capitalised(tok) or not self.word_ok(tok):
            return False
        if tok.base.isupper() and not self.shouting and (strict or (len(low) < 5 and not is_given_name(low))):
            return False  # capitals as case records write names, only where people are shown; not acronyms
        if low in _PAIRED_PLACES or words.is_place(low) or low in words.DOCTRINES or low in words.ROLE_WORDS:
            return False
        if is_given_name(low):
            return True
        parts = low.split("-")
        return (
            len(low) >= 3
            and all(part.isalpha() for part in parts)
            and low not in words.TOWNS
            and low not in words.STREET_WORDS
            and not parts[-1].endswith(_PLACE_ENDINGS)
            and not (strict and parts[-1].endswith(ENGLISH_ENDINGS))
        )

    def uncommon_given(self, tok) -> bool:
        return is_given_name(tok.low) and tok.low not in self.common

    def everyday(self, tok) -> bool:
        return tok.low in self.common and not is_given_name(tok.low)

    def inside_a_proper_name(self, i: int, k: int) -> bool:
        """ "London Borough of Barking and Dagenham", "Hammersmith and Fulham Council", "in Kent and Medway"."""
        if i > 0 and self.joined(i):
            before = self.tok(i - 1)
            if before.low in _PLACE_BEFORE or (is_capitalised(before) and not self.opens_sentence(i - 1)):
                return True
        if k + 1 < self.n and SPACES.fullmatch(self.gap(k + 1)):
            after = self.tok(k + 1)
            if after.text[:1].isupper() and not self.opens_sentence(k + 1):
                return True
        return False

    def people_before(self, i: int) -> bool:
        """ "the children Kayden and Brogan", "siblings: Brogan and Zyler"."""
        return i > 0 and self.lows[i - 1] in _PEOPLE_BEFORE and _PEOPLE_GAP.fullmatch(self.gap(i)) is not None

    def people_after(self, second) -> bool:
        """Their ages, a bracket that says who they are, what only people do, or a possessive before a
        relative."""
        end = second.end
        if second.poss:
            return self.next_word(end + 2) in _OWN_PEOPLE
        return any(
            p.match(self.text, end) for p in (_AGES_AFTER, _PEOPLE_STATE_AFTER)
        ) or bool(_WORDS_BRACKET.match(self.text, end) and PERSON_BRACKET.match(self.text, end))

    def person_verb_after(self, second) -> bool:
        """ "said", "are living with", "(7)": what people do or are, but not only people."""
        if second.poss:
            return False
        end = second.end
        return bool(_MAYBE_PEOPLE_AFTER.match(self.text, end) or AGE_AFTER.match(self.text, end)) or (
            self.next_word(end) in _PEOPLE_VERBS
        )

    def next_word(self, pos: int) -> str:
        """The lower-case word right after ``pos`` (after spaces only), or ""."""
        m = _NEXT_WORD.match(self.text, pos)
        return m.group(1) if m else ""


_NEXT_WORD = re.compile(r"[ \t]{1,3}([a-z][a-z'\u2019]*)")
