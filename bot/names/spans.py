"""``name_spans(text)``: one pass over a text's words, trying each rule where it may apply."""

from __future__ import annotations

import re

from bot.names.evidence import AFTER_PLURAL_SURNAME, FAMILY_WORDS
from bot.names.given import given_names, is_given_name, is_lowered_given_name, uncommon_given_names
from bot.names.introduced import IntroducedNames
from bot.names.pairs import PairedNames
from bot.names.records import RecordNames
from bot.names.tokens import POSSESSIVE_ENDINGS
from bot.names.untitled import UntitledNames
from bot.names.words import (
    AGE_UNITS,
    INTRODUCERS,
    OPENING_PERSON_VERBS,
    RELATIVES,
    ROLE_WORDS,
    SURNAME_PARTICLES,
    TITLES,
    TWO_LETTER_ABBREVIATIONS,
)

_DOTTED_INITIALS = re.compile(r"(?<![\w.])([A-Z])\.[ ]?([A-Z])\.(?![\w]|[ \t]*[A-Z]\.)")
_NAMES_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*(?P<names>[A-Za-z][a-z'\-]+(?:[ \t]+[A-Za-z][a-z'\-]+){0,2})[ \t]*\)")
_QUOTE_OPEN, _QUOTE_CLOSE = "'\"\u2018\u201c", "'\"\u2019\u201d"
# "Dean 'Deano' Whitfield", "darren 'daz' pickering": a nickname in quotes inside a full name
_NICKNAME_INSIDE = re.compile(
    rf"(?<![\w'])(?P<given>[A-Za-z][a-z]+)[ \t]+[{_QUOTE_OPEN}](?P<nick>[A-Za-z][\w\-]*(?:[ \t][\w\-]+){{0,2}})"
    rf"[{_QUOTE_CLOSE}][ \t]+(?P<surname>[A-Za-z][a-z'\-]+)(?![\w'])")
# "dad aka 'Big Mick'", "known as \u2018Tash\u2019": a nickname in quotes after the words that introduce one
_NICKNAME_INTRODUCED = re.compile(
    rf"(?i:(?<![\w.])(?:aka|a\.k\.a\.?|known as|nicknamed|goes by|(?P<person>calls (?:himself|herself|themselves)"
    rf"|(?:man|woman|lad|lass|girl|boy|guy|bloke|fella|someone|somebody|friend|mate|bf|gf|boyfriend"
    rf"|girlfriend|partner|ex)(?: (?:she|he|they|we|everyone))? called)))[ \t]+[{_QUOTE_OPEN}]"
    rf"(?P<nick>[A-Za-z][\w\-]*(?:[ \t][\w\-]+){{0,2}})[{_QUOTE_CLOSE}]")
_A_SERVICE = re.compile(r"(?i)\b(?:childline|crimestoppers|samaritans|nspcc|police|services?|support|line|team|desk"
                        r"|office|helpline|999|101|111)\b")
_KIN_BEFORE_A_NAME = frozenset("nanny nana nanna nan gran granny grandma grandad grampa aunty auntie uncle".split())
_FAMILY_TRIGGERS = FAMILY_WORDS | AFTER_PLURAL_SURNAME
# the words where a rule starts: titles, "Jan", words for a family
_MARKERS = TITLES | {"jan"} | _FAMILY_TRIGGERS
# words before "Jan" that make it the month
_BEFORE_A_MONTH = frozenset("in since by from until till last next of early late mid end before after".split())


class _Finder(IntroducedNames, UntitledNames, PairedNames, RecordNames):
    """One pass over the tokens of a text; see name_spans."""

    def run(self) -> list[tuple[int, int]]:
        toks = self.toks
        lows = self.lows = [word.lower() for word in toks.texts]
        # each rule is tried only where it may apply: the lists below are made at C speed
        marked = [i for i, low in enumerate(lows) if low in _MARKERS]
        for i in marked:
            low = lows[i]
            if low == "jan":
                if i > 0 and lows[i - 1] in _BEFORE_A_MONTH:
                    self.used[i] = True  # "in Jan", "since Jan": the month
                    self.blocked.add(i)
            elif low in TITLES and not self.used[i]:
                self.titled(i)
        self.block_paired_places()
        # only words that follow a word that can introduce a name ("client", "called"), or are
        # capitalised given names: no rule below starts anywhere else
        texts = toks.texts
        given = given_names()
        common = self.common
        candidates = [
            i
            for i, word in enumerate(texts)
            if (
                i > 0
                and (lows[i - 1] in INTRODUCERS or lows[i - 1] in AGE_UNITS or lows[i - 1] == "old")
                and (word[0].isupper() or lows[i] not in common or lows[i] in given)
            )
            or (
                word[0].isupper()
                and (
                    lows[i] in given
                    or is_lowered_given_name(lows[i][:-2] if lows[i].endswith(POSSESSIVE_ENDINGS) else lows[i])
                )
            )
        ]
        for i in candidates:
            if not self.used[i]:
                self.after_field_label(i) or self.after_role(i) or self.after_called(i) or self.full_name(i)
        for i in candidates:
            if not self.used[i] and toks.get(i).cap:
                self.paired(i) or self.single_name(i) or self.role_is_name(i)
        # words no list knows, shown to be people: "Rebaz keeps missing", "Nowak's sister"
        uncommon = uncommon_given_names()
        last = len(texts) - 1
        for i, word in enumerate(texts):
            if not word[0].isupper() or i == last or self.used[i]:
                continue
            low, after = lows[i], lows[i + 1]
            if low in common or low in given:
                continue
            if after in OPENING_PERSON_VERBS or after in RELATIVES:
                self.unknown_name(i)
            if len(word) in (2, 4) and not self.used[i]:
                self.initials(i)  # "JD", "JD's"
            if i and lows[i - 1] == "the" and not self.used[i]:
                self.plural_family(i)
        for i in [i for i, low in enumerate(lows) if low in uncommon or "-" in low]:
            low = lows[i]
            if (self.used[i] or not low.islower() or low in common
                    or (low not in given and not is_lowered_given_name(low))):
                continue
            self.lower_full_name(i) or self.lower_single(i) or self.lower_pair(i)
        # "spoke with jade smith's nan": a given name that is an everyday word, then a possessive
        for i in [i for i, low in enumerate(lows) if i and low[-2:] in POSSESSIVE_ENDINGS and lows[i - 1] in given]:
            k = i - 1
            if not self.used[k] and lows[k] in common and lows[k].islower():
                self.lower_full_name(k)
        # "harjit's son", "le roux's key worker"; "jakes address"
        for i in [i for i, low in enumerate(lows) if low[-1:] == "s"]:
            low = lows[i]
            if self.used[i]:
                continue
            if low[-2:] in POSSESSIVE_ENDINGS:
                hyphened_given = "-" in low and is_lowered_given_name(low[:-2])  # "ruby-mae's"
                if low[:-2] in given or hyphened_given or (i > 0 and lows[i - 1] in SURNAME_PARTICLES):
                    self.lower_possessive(i)
            elif low[:-1] in given and low not in given and low not in common:
                self.possessive_without_apostrophe(i)
        self.records()
        self.unknown_pairs()
        for i in marked:
            if lows[i] in _FAMILY_TRIGGERS and i > 0 and not self.used[i - 1] and texts[i - 1][0].isupper():
                self.family(i - 1)
        if self.spans:
            self.surnames_in_capitals_after_names()
            self.coordinated()
            self.repeated()
        if "." in self.text:
            self.dotted_initials()
        if any(q in self.text for q in _QUOTE_OPEN):
            self.quoted_nicknames()
        if self.spans and "(" in self.text:
            self.bracketed_after_a_name()
        return sorted(self.spans)

    def quoted_nicknames(self) -> None:
        """A nickname in quotes inside a full name ("Dean 'Deano' Whitfield": all of it), or after "aka",
        "known as" ("aka 'Big Mick'"): never a quoted phrase of everyday words ("the 'safe' option")."""
        for m in _NICKNAME_INSIDE.finditer(self.text):
            given, surname = m.group("given"), m.group("surname")
            lowered = given[0].islower() or surname[0].islower()
            if (is_given_name(given.lower()) and surname.lower() not in ROLE_WORDS
                    and surname.lower() not in RELATIVES
                    and not (lowered and (given.lower() in self.common or surname.lower() in self.common))):
                self.spans.append((m.start("given"), m.end("surname")))
        for m in _NICKNAME_INTRODUCED.finditer(self.text):
            nick = m.group("nick")
            words = nick.lower().split()
            everyday = [w for w in words if w in self.common and w not in given_names()]
            # what a person is called, capitalised, is a name even when it is a word ("calls himself 'Tank'")
            if _A_SERVICE.search(nick):
                continue  # "a girl called 'Childline' for her": phoned a service
            named = (nick[0].isupper() and m.group("person") is not None) or len(everyday) < len(words)
            if words[0] != "the" and named and not any(c.isdigit() for c in nick):
                self.spans.append((m.start("nick"), m.end("nick")))

    def bracketed_after_a_name(self) -> None:
        """ "Mr Abdullahi (Yusuf)", "Ade Cole (adewale ogunleye)": words in brackets right after a name
        found are more of that person's names, in lower case too, unless one is an everyday word."""
        for _, end in list(self.spans):
            m = _NAMES_IN_BRACKETS.match(self.text, end)
            if not m:
                continue
            words = m.group("names").lower().split()
            start = m.start("names")
            if words[0] in _KIN_BEFORE_A_NAME and len(words) > 1:  # "(nanny bernie)": the name after the word
                start = self.text.index(" ", start) + 1
                words = words[1:]
            if (is_given_name(words[0]) and words[0] not in ROLE_WORDS and words[0] not in RELATIVES
                    and words[0] not in _KIN_BEFORE_A_NAME and all(w not in self.common for w in words)):
                self.spans.append((start, m.end("names")))

    def dotted_initials(self) -> None:
        """ "Saw J.D. at the bus station": two initials with their dots, no abbreviation ("U.K.", "N.B.")."""
        taken = [(s, e) for s, e in self.spans]
        for m in _DOTTED_INITIALS.finditer(self.text):
            if m.group(1) + m.group(2) in TWO_LETTER_ABBREVIATIONS:
                continue
            if not any(s < m.end() and m.start() < e for s, e in taken):
                self.spans.append((m.start(), m.end()))


def name_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each person's name that the text gives evidence for (see the module
    docstring). Titles are not part of the span ("Mrs [Okafor]"); a possessive "'s" is not either
    ("[Jake Dunn]'s dad")."""
    if not text or not any(c.isalpha() for c in text):
        return []
    return _Finder(text).run()

