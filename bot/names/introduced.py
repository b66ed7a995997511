"""Names the words before them announce: a title ("Mrs O'Neill", "dr. patel"), a word for a person
("my client Priya", "her son jake"), "called", "named", "known as", "her name is"."""

from __future__ import annotations

import re

from bot.names.evidence import PEOPLES
from bot.names.finder import FinderBase
from bot.names.given import is_given_name
from bot.names.tokens import (
    AFTER_TITLE_GAP,
    BRACKET_GAP,
    CLOSE_BRACKET,
    CLOSE_QUOTE,
    COLLAR_GAP,
    COMMA_GAP,
    FIELD_GAP,
    INITIAL_GAP,
    QUOTE_GAP,
    is_capitalised,
)
from bot.names.words import (
    AFTER_TITLE_NOUNS,
    AGE_UNITS,
    COMMON_SURNAMES,
    FIELD_FILLERS,
    FIELD_LABELS,
    LEGAL_EPONYMS,
    NAME_TRIGGERS,
    NAME_VERBS,
    PERSON_BEFORE_CALLED,
    PLAIN_TITLES,
    POLICE_RANKS,
    PRONOUN_BE,
    ROLE_WORDS,
    SPACED_FIELD_LABELS,
    STOP_WORDS,
    SURNAME_PARTICLES,
    TITLES,
    TOWNS,
    is_not_a_name,
)

# between a form's label and its value: "Name: ", "Surname - ", "*Forename:* " (the shadow copy has made
# Slack's bold marks and a line break after the colon spaces: bot.privacy.folding)
_LABEL_GAP = re.compile(r"[ \t]*(?:[:=|]|[ \t]-)[ \t]*")  # "|": a table pasted from a case system
# things that are called something: "our CAMHS team is called Faith in Families"
_THINGS_CALLED = frozenset(
    """team service project group scheme app programme program unit organisation organization charity company
    centre center school ward clinic building estate street road report form policy document system meeting
    hub panel board network club course""".split()
)
# whose relative, the relatives, and what a person named after them does: "his girlfriend jade has"
_OWNERS = frozenset("his her my their our your the".split())
# how a name is written, between its trigger and the name: "her name is spelt Jones", "surname spelled S M I T H"
_SPELT = frozenset("spelt spelled".split())
_RELATIVE_WORDS = frozenset(
    """girlfriend boyfriend gf bf partner wife husband son daughter sister brother mum dad mother father stepdad
    stepmum cousin friend mate nan gran grandad grandma aunt auntie uncle niece nephew ex carer""".split()
)
_PERSON_DOES = frozenset(
    """has had is was said says told tells wants wanted does did doesn't didn't isn't wasn't won't can't
    lives lived disclosed reported refused came left texted sent threatened hit posted visits visited messaged
    rang phoned called""".split()
)
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:!?)]|$|[ \t]-[ \t])")
# what "mum is ..." says of a person that a given name can also be: faith, people, condition, status
_SAID_OF_A_PERSON = PEOPLES | frozenset(
    """muslim sikh hindu jewish buddhist christian catholic rastafarian jehovah jehovah's autistic bipolar
    dyslexic gay trans deaf blind disabled sectioned housebound incapacitated pregnant homeless asian black
    white mixed""".split())
_NUMBER_BEFORE = re.compile(r"[0-9]{1,2}[ \t]?(?:y/)?$")
_YEARS_BEFORE = re.compile(r"[0-9]{1,2}[ \t-](?:year|yr)s?[ \t-]$")
_MORE_NAMES_THEN_CLOSE = re.compile(r"(?:[ \t]*(?:,|&|\+|and|n)[ \t]+[A-Za-z][a-z'\-]+){1,4}[ \t]*\)")
_NAME_IN_LIST = re.compile(r"(?<=[ \t])(?!(?:and|n)\b)[A-Za-z][a-z'\-]+")
_FILLER_VALUE = re.compile(r"(?i)(?:n/?a|n\.?k\.?|n/?k|tbc|tba|unknown|none)(?![\w])")
# "first name Rukhsana", "maiden name Okafor": a qualified "name" announces one without a colon too
_NAME_FIELD_QUALIFIERS = frozenset("first last full given family middle maiden preferred birth christian legal".split())
_TRIGGER_GAP = re.compile(r"[ \t\u00a0]{1,3}[\"'\u2018\u201c]?|[ \t]*:[ \t]*")


class IntroducedNames(FinderBase):
    def titled(self, i: int) -> bool:
        tok = self.tok(i)
        low = tok.low
        if low not in TITLES or tok.poss or i + 1 >= self.n:
            return False
        if not self.joined(i + 1, COLLAR_GAP if low in POLICE_RANKS else AFTER_TITLE_GAP):
            return False  # (a police rank may have a collar number: "PC 1234 Smith")
        if len(low) > 4 and self.gap(i + 1).startswith("."):
            return False  # a title written in full ends its sentence: "Custody sergeant. A pat-down search"
        if low == "sir" and i > 0 and self.tok(i - 1).low == "cyngor":
            return False  # "Cyngor Sir Powys": Welsh for "county council"
        plain = low in PLAIN_TITLES
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
            and self.joined(j + 1, INITIAL_GAP)
        ):
            j += 1
        first = self.tok(j) if j < self.n else None
        if first is None or first.low in STOP_WORDS or first.low in NAME_VERBS and not is_capitalised(first):
            return False
        if first.low in SURNAME_PARTICLES and first.low != "st":
            k = self.extend_particles(j, allow_lower=plain and not is_capitalised(first))
            if k is None:
                return False
            end = self.extend(k, allow_lower=False, strict=False)
        elif (is_capitalised(first) or (first.base.isupper() and len(first.base) > 1)) and not (
            lower_title and not plain and first.low in self.common and first.low not in COMMON_SURNAMES
        ):
            if first.low in LEGAL_EPONYMS:
                return False
            if not plain and not (first.low in COMMON_SURNAMES or first.low not in self.common):
                return False  # "Ms Teams", "Miss Universe", "Lady Justice"
            if first.low in AFTER_TITLE_NOUNS:
                return False  # "Mr Men"
            if first.base.isupper() and len(first.base) <= 3 and not self.shouting and j == i + 1:
                return False  # "Dr GP", "Mr DSL"
            end = self.extend(j, allow_lower=False, strict=False)
            if end < self.n and self.tok(end).low in LEGAL_EPONYMS and self.joined(end):
                return False  # "Dame Fiona Caldicott's review": a report, not a person asked about
        elif not is_capitalised(first):
            # lower case after a title: "dr. patel", "mx jones", "ms evans", "rev smith" (not "dr
            # said", "ms teams", "my pc crashed", "the master bedroom")
            if first.low in NAME_VERBS or first.low in STOP_WORDS or is_not_a_name(first.low):
                return False
            if first.low in AFTER_TITLE_NOUNS:
                return False  # "the dr appointment", "mr men"
            if first.low.endswith(("ing", "ed")) and not is_given_name(first.low):
                return False  # "dr chasing", "cllr asked"
            if not plain and not (
                is_given_name(first.low) or first.low not in self.common or first.low in COMMON_SURNAMES
            ):
                return False
            end = self.extend(j, allow_lower=True, strict=True)
        else:
            return False
        self.add(i + 1, end)
        return True

    def after_role(self, i: int) -> bool:
        """ "my client Priya", "her son jake", "the pupil, Oliver,", "Client Priya said"."""
        if i == 0:
            return False
        role = self.tok(i - 1)
        # said of the person rather than naming them, unless the word is a given name: "mum is shannon", "our
        # 13yo (zara)", "mum = shannon"; not "client is Autistic", "a 17yo Albanian lad", "mum = Hindu"
        indirect = self.an_age(role) or "=" in self.gap(i)
        if role.low in ("is", "was") and i >= 2 and self.joined(i - 1) and self.tok(i - 2).low in ROLE_WORDS:
            role, indirect = self.tok(i - 2), True
        elif not (role.low in ROLE_WORDS or indirect) or role.poss:
            return False
        if indirect and not self.plainly_a_given_name(self.tok(i)):
            return False
        field = self.joined(i, FIELD_GAP)  # "Mum - Tanya, Dad - Lee", "child: Dev Patel"
        bracketed = self.joined(i, BRACKET_GAP)  # "the boy (Tyreese) said"
        quoted = self.joined(i, QUOTE_GAP)  # "a YP, 'Shilan', who"
        if role.text[:1].isupper() and not self.opens_sentence(i - 1) and not self.shouting and not (field or quoted):
            return False  # "Young Person Support", "Family Court": a name of something
        if not (self.joined(i) or self.joined(i, COMMA_GAP) or field or bracketed or quoted):
            return False
        tok = self.tok(i)
        if self.after_saint(i) or tok.low.rstrip(".") in TITLES:
            return False  # "Practice nurse: Mr [name]": the title is no name (redacting twice changes nothing)
        if tok.low in TOWNS:
            return False  # "Probation officer, Belfast."
        if is_capitalised(tok):
            if not self.capital_name_word(tok, strict=True) or tok.low in NAME_VERBS:
                return False
            if role.text[:1].isupper() and tok.low in self.common and not self.shouting and not (
                field and self.gap(i).strip() == ":" and is_given_name(tok.low)
            ):
                return False  # "Lady Justice", "Young Person Support"; but a form's "Pupil: Precious"
            strict = True
        elif self.lower_name_word(tok, person_named=False) or self.relative_named(i):
            strict = True
        else:
            return False
        end = self.extend(i, allow_lower=not is_capitalised(tok), strict=strict)
        if self.legal_phrase(i, end):
            return False
        if bracketed and not (CLOSE_BRACKET.match(self.text, self.tok(end - 1).end)
                              or self.names_close_the_bracket(self.tok(end - 1).end)):
            return False
        if quoted and not CLOSE_QUOTE.match(self.text, self.tok(end - 1).end):
            return False
        self.add(i, end)
        return True

    def plainly_a_given_name(self, tok) -> bool:
        return is_given_name(tok.low) and tok.low not in _SAID_OF_A_PERSON

    def an_age(self, tok) -> bool:
        """ "13yo", "13 yo", "13 year old", "15 y/o": an age standing for a person."""
        before = self.text[max(0, tok.start - 12) : tok.start]
        if tok.low in AGE_UNITS:
            return bool(_NUMBER_BEFORE.search(before))
        return tok.low == "old" and bool(_YEARS_BEFORE.search(before))

    def names_close_the_bracket(self, pos: int) -> bool:
        """ "the kids (amelia n oliver)": more given names, joined by "and", "n", "&" or commas, then the
        bracket's end (the others are found as names joined to this one)."""
        m = _MORE_NAMES_THEN_CLOSE.match(self.text, pos)
        return bool(m) and all(is_given_name(word.lower()) for word in _NAME_IN_LIST.findall(m.group()))

    def after_field_label(self, i: int) -> bool:
        """A form's name field, typed or pasted from a case system: "Name: Kayleigh", "Child's name:
        tyler smith", "Surname: JONES", "Forename: Kayleigh Surname: Jones", "Surname Begum". The
        label says a name follows, so any word that can be part of one is taken, in capitals and in
        lower case too, unless the form says it has none ("Name: unknown", "Surname: TBC")."""
        if i == 0:
            return False
        label = self.tok(i - 1)
        if label.low not in FIELD_LABELS or label.poss or self.text[label.start - 1 : label.start] == "[":
            return False  # "[name]": a placeholder, redacting twice changes nothing
        spaced = label.low in SPACED_FIELD_LABELS or (i >= 2 and self.tok(i - 2).low in _NAME_FIELD_QUALIFIERS)
        if not (self.joined(i, _LABEL_GAP) or (spaced and self.joined(i))):
            return False
        tok = self.tok(i)
        if tok.low in FIELD_FILLERS or tok.low in STOP_WORDS or is_not_a_name(tok.low) or tok.low in NAME_VERBS:
            return False
        if _FILLER_VALUE.match(self.text, tok.start) or tok.low in ROLE_WORDS:
            return False  # "Surname: N/A", "Name: N.K.", "Name: DSL"
        if tok.base.isupper() and len(tok.base) <= 5 and not is_given_name(tok.low):
            return False  # "Name: DSL", "Name: SENCO": a role's letters
        if not self.joined(i, _LABEL_GAP) and (tok.low in self.common and not is_given_name(tok.low)):
            return False  # "Legal Name Change": a heading, no field
        if tok.text.islower() and tok.low in self.common and not is_given_name(tok.low):
            return False  # "surname change", "name: not known"
        if "|" in self.gap(i) and tok.low in self.common:
            return False  # "Name | Date | Outcome": a table's header
        end = self.extend(i, allow_lower=tok.text.islower(), strict=False)
        self.add(i, end)
        return True

    def relative_named(self, i: int) -> bool:
        """ "his girlfriend jade has", "her son rowan said": a given name that is also an everyday word,
        in lower case, after whose relative it is and before what a person does or the clause's end."""
        if i < 2 or self.tok(i - 2).low not in _OWNERS or self.tok(i - 1).low not in _RELATIVE_WORDS:
            return False
        tok = self.tok(i)
        if not is_given_name(tok.low) or tok.low in NAME_VERBS or tok.low in STOP_WORDS or not self.word_ok(tok):
            return False
        after = self.text[tok.end : tok.end + 12]
        return bool(_CLAUSE_END.match(after)) or (i + 1 < self.n and self.tok(i + 1).low in _PERSON_DOES)

    def after_called(self, i: int) -> bool:
        """ "a boy called jake smith", "she's called Aisha", "known as Tyler", "her name is Olena"."""
        trigger_end = self.trigger_before(i)
        if trigger_end is None:
            return False
        trigger_start, person_named = trigger_end
        tok = self.tok(i)
        if is_capitalised(tok):
            ok = self.capital_name_word(tok, strict=True) if person_named else (
                is_given_name(tok.low) and tok.low not in self.common and self.word_ok(tok)
            )
        else:
            ok = self.lower_name_word(tok, person_named=person_named) or (
                person_named and is_given_name(tok.low) and tok.low not in STOP_WORDS and self.word_ok(tok)
            )  # "a girl called jade": a name that is also a word, when a person is being named
        if not ok or tok.low in NAME_VERBS or tok.low in _SPELT:
            return False
        end = self.extend(i, allow_lower=not is_capitalised(tok) and person_named, strict=True)
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
        if prev.low in _SPELT:
            return self.trigger_before(i - 1)  # "her name is spelt Olena": the trigger is before "spelt"
        t = i - 1
        if prev.low in NAME_TRIGGERS and prev.text[:1].islower() or prev.low == "aka":
            pass
        elif prev.low == "as" and i >= 2 and self.tok(i - 2).low == "known":
            t = i - 2
        elif prev.low == "as" and i >= 2 and self.tok(i - 2).low in ("named", "listed", "registered"):
            return (i - 2, True)  # "mum named as shannon pryce on the referral"
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
            return (t, owner in ("her", "his", "their", "my", "the", "your", "whose") or owner in ROLE_WORDS)
        elif prev.low == "of" and i >= 2 and self.tok(i - 2).low == "name":
            return (i - 2, True)  # "goes by the name of Sam"
        elif prev.low == "name" and prev.poss:  # "her name's amelia"
            owner = self.tok(i - 2).low if i >= 2 else ""
            return (t, owner in ("her", "his", "their", "my", "your") or owner in ROLE_WORDS)
        else:
            return None
        # a person is being named if a person word or pronoun-and-verb comes just before; after
        # "called", only "a boy called", "someone called", "she's called": "the mum called
        # Childline" is a phone call
        naming = self.tok(t).low != "called"
        person = False
        for k in range(max(0, t - 3), t):
            w = self.tok(k)
            if w.text.lower() in PRONOUN_BE or w.low in ("someone", "somebody", "one"):
                person = True
            elif w.low in PERSON_BEFORE_CALLED and (
                naming or (k > 0 and self.tok(k - 1).low in ("a", "an", "another", "some", "one"))
            ):
                person = True
            elif w.low in ("is", "was", "are", "were", "be", "been") and k == t - 1 and not any(
                self.tok(b).low in _THINGS_CALLED for b in range(max(0, k - 3), k)
            ):
                person = True  # "he is called", "the girl was named"; not "our team is called"
        return (t, person)

