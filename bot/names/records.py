"""Names as case systems, hospital letters and registers write them: the surname first and in
capitals ("SMITH, John", "KOWALSKI Bartosz"), or an initial for the given name ("J. Smith",
"R.J. McAllister", "Smith J"); and as messages sign and introduce them ("Thanks, Sarah", "this is
Bob from housing")."""

from __future__ import annotations

import re
from bisect import bisect_left

from bot.names.finder import FinderBase
from bot.names.given import is_given_name
from bot.names.tokens import is_capitalised
from bot.names.words import COMMON_SURNAMES, NAME_VERBS, TITLES, TOWNS

# a word in capitals, then (after a comma or not) a capitalised word: "SMITH, John", "MCDONALD Kyle"
_CAPITALS_THEN_WORD = re.compile(r"(?<![\w'])[A-Z][A-Z'\-]+(?:,[ \t]*|[ \t]+)[A-Z][a-z]")
# initials, then a capitalised word: "J. Smith", "R.J. McAllister", "A.B. Patel", "J Smith"
_INITIALS_THEN_WORD = re.compile(
    r"(?<![\w.'])(?:[A-Z]\.[ \t]?){1,3}[ \t]*(?=[A-Z][a-z])|(?<![\w.'])[A-Z][ \t](?=[A-Z][a-z])"
)
# a capitalised word, then one capital letter that ends there: "Smith J,", "Smith J." "(Smith J)"
_WORD_THEN_INITIAL = re.compile(
    r"(?<![\w'])[A-Z][A-Za-z'\-]+,?[ \t][A-Z]\.?"
    r"(?=[,;:)]|[ \t]*$"
    r"|[ \t]+(?:DOB|dob|D\.O\.B|d\.o\.b|born|aged|\(|[0-9]|-|has|was|is|as|and|wants|said)(?![A-Za-z]))",
    re.M,
)
# a surname, a comma, a given name: "Smith, John", "O'Connor, Siobhan" (as registers list people)
_WORD_COMMA_WORD = re.compile(r"(?<![\w'])[A-Z][a-z'\-]+,[ \t]*(?=[A-Z][a-z])")
# a sign-off at the end of a line: "Thanks, Sarah", "Cheers\nDave Jones", "Kind regards, Priya."
_SIGN_OFF = re.compile(
    r"\b(?i:thanks|thank[ \t]+you|many[ \t]+thanks|cheers|regards|best[ \t]+wishes|best|ta|thx)"
    r"[ \t]*[,!.]?[ \t]*\n?[ \t]*"
    r"(?P<name>[A-Z][a-z'\-]+(?:[ \t]+[A-Z][a-z'\-]+)?)[ \t]*[.!]?"
    r"(?:[ \t]*(?:\(|-|\u2013|,)[^\n]{0,40}|[ \t]+x{1,3})?[ \t]*$",
    re.M,
)
# an introduction: "this is Bob the housing officer", "I'm Sarah from the council", "it's Priya at the GP"
_INTRODUCTION = re.compile(
    r"\b(?i:this[ \t]+is|it'?s|i'?m|i[ \t]+am)[ \t]+(?P<name>[A-Z][a-z'\-]+)"
    r"(?=[ \t]*,|[ \t]+(?i:the|from|at|in|here|with|a|an|our|your)\b)"
)
_VOWEL = re.compile(r"[AEIOUYaeiouy]")
# after an initial, words that make a region or a germ, not a person: "N. Ireland", "E. Sussex", "E. coli"
_AFTER_AN_INITIAL = frozenset(
    """ireland yorkshire sussex midlands wales scotland england london lothian ayrshire riding anglia kent devon
    cornwall lancashire somerset dorset essex surrey lincolnshire norfolk suffolk cumbria durham tyrone
    antrim down derry coli pylori aureus faecalis""".split()
)
# capitalised words a single letter names a kind of, never a person's surname and initial
_LETTERED_THINGS = frozenset(
    """hepatitis vitamin strep annex appendix schedule part section plan option category grade tier type class
    form block unit ward wing bay floor level zone year stage phase group team model article chapter exhibit
    figure table box room court wave hall field gate yard park house lab site""".split()
)
# letters that are words or abbreviations by themselves before a capitalised word: "I Think", "A Smith"
_NOT_INITIALS = frozenset("I A".split())
# words in capitals that are acronyms of the field, never a surname
FIELD_ACRONYMS = frozenset(
    """marac mappa mash lado camhs senco send ehcp dash idva isva cpoms mosaic emis rio nhs ico gdpr dpa dpo
    dsl dsp sar dpia isa fgm csc cin cla lac cse cce yot yjs pcso psni bame esol sarc snap gp""".split()
)

# the field's acronyms that have a vowel and could pass for a surname in capitals ("Jake MAPPA", "Jo NSPCC")
SECTOR_ACRONYMS = FIELD_ACRONYMS | frozenset(
    """mappa cpoms girfec nspcc cafcass ofsted ukhsa hmrc dvla icpc icpcs ehcps uasc neet asap adhd send
    sencos arbd pbsp dols lpsa mapps dbs ppn sar cse cre lac cin ehc pep sendco sendcos ehcna kooth estyn
    iicsa unison ceop rqia ciw hcpc nmc gmc cqc hmo ace marac mash idva isva cahms camhs senco safe
    asb asd""".split())
# surnames of four letters or fewer, in capitals after a given name ("Amy SHAH", "Jayden LEE")
_SHORT_SURNAMES = frozenset("ali shah lee rai roy law cox fox day hall ward khan das kaur gill lal ray rao "
                            "bibi begum hale ross rees reid wong chan chen yang ward owen hunt".split())


class RecordNames(FinderBase):
    def token_at(self, pos: int) -> int | None:
        """The index of the token that starts at ``pos``, if one does."""
        starts = self.toks.starts
        k = bisect_left(starts, pos)
        return k if k < self.n and starts[k] == pos else None

    def records(self) -> None:
        """Every surname-first and initialled name in the text."""
        if self.shouting:
            return  # a text all in capitals: the other rules read it
        for m in _CAPITALS_THEN_WORD.finditer(self.text):
            self.surname_first(self.token_at(m.start()))
        for m in _INITIALS_THEN_WORD.finditer(self.text):
            self.initials_and_surname(m.start(), self.token_at(m.end()))
        for m in _WORD_THEN_INITIAL.finditer(self.text):
            self.surname_and_initial(self.token_at(m.start()))
        for m in _WORD_COMMA_WORD.finditer(self.text):
            self.surname_comma_given(self.token_at(m.start()))
        for m in _SIGN_OFF.finditer(self.text):
            self.signed(self.token_at(m.start("name")), signing=True)
        for m in _INTRODUCTION.finditer(self.text):
            self.signed(self.token_at(m.start("name")), signing=False)

    def surname_word(self, i: int) -> bool:
        tok = self.tok(i)
        return (
            self.capital_name_word(tok, strict=True)
            and tok.low not in _LETTERED_THINGS
            and tok.low not in NAME_VERBS
            and (tok.low not in self.common or tok.low in COMMON_SURNAMES)
        )

    def surname_first(self, i: int | None) -> bool:
        """ "SMITH, John", "O'NEILL, Siobhan", "MCDONALD Kyle (15)": a surname in capitals that is no
        acronym or everyday word, then a given name."""
        if i is None or i + 1 >= self.n or self.used[i] and self.used[i + 1]:
            return False
        surname, given = self.tok(i), self.tok(i + 1)
        if surname.poss or not self.surname_in_capitals(i):
            return False  # "NSPCC, Faith groups", "PC Smith", "CAMHS Sarah": an acronym or a title, no surname
        if not (is_capitalised(given) and is_given_name(given.low) and self.word_ok(given)) or given.low in NAME_VERBS:
            return False
        if given.low in self.common and not self.text[surname.end : given.start].startswith(","):
            return False  # "WOOD Green": a given name that is an everyday word needs the comma
        if not self.used[i]:
            self.add(i, i + 1)
        if not self.used[i + 1]:
            self.add(i + 1, self.extend(i + 1, allow_lower=False, strict=True))
        return True

    def initials_and_surname(self, start: int, i: int | None) -> bool:
        """ "J. Smith", "R.J. McAllister", "A. Patel (Mr)", "J Smith": initials, then a surname."""
        if i is None or self.used[i] or not self.surname_word(i) or self.tok(i).low in _AFTER_AN_INITIAL:
            return False
        initials = self.text[start : self.tok(i).start]
        low = self.tok(i).low
        everyday = low in self.common and low not in COMMON_SURNAMES
        if "." not in initials and (initials.strip() in _NOT_INITIALS or everyday):
            return False  # "I Think", "A Smith"; "J Smith" only when Smith is no everyday word either
        first = self.token_at(start)
        if first is None or any(self.used[first:i]):
            return False
        self.add(first, self.extend(i, allow_lower=False, strict=True))
        return True

    def surname_and_initial(self, i: int | None) -> bool:
        """ "Smith J, DOB ...", "(Patel A)", "Smith, J. has", "SMITH J was seen": a surname, then the initial
        of the given name."""
        if i is None or i + 1 >= self.n or self.used[i]:
            return False
        tok = self.tok(i)
        if not (self.surname_word(i) or self.surname_in_capitals(i)):
            return False
        if is_given_name(tok.low) and tok.low in self.common:
            return False
        self.add(i, i + 2)
        return True

    def surname_in_capitals(self, i: int) -> bool:
        """ "SMITH", "O'CONNOR": a word in capitals that reads as a surname, not an acronym or a thing."""
        tok = self.tok(i)
        return (
            tok.base.isupper() and len(tok.base) >= 2 and bool(_VOWEL.search(tok.base)) and self.word_ok(tok)
            and tok.low not in FIELD_ACRONYMS and tok.low not in _LETTERED_THINGS and tok.low not in TITLES
            and (tok.low not in self.common or tok.low in COMMON_SURNAMES)
        )

    def records_surname(self, j: int) -> bool:
        """Token j, in capitals, after a given name that is not ("Chantelle BROWN", "Kyle O'NEILL"): the
        surname as case records write it, unless the whole text shouts."""
        given, surname = self.tok(j - 1), self.tok(j).low
        if self.shouting or given.base.isupper() or not self.tok(j).base.isupper():
            return False
        if surname in COMMON_SURNAMES or surname in _SHORT_SURNAMES:
            return True  # "Jo COX", "Amy SHAH": everyday or short words that are surnames too
        if not self.surname_in_capitals(j):
            return False
        if given.low in self.common or surname in SECTOR_ACRONYMS or surname.endswith("ly"):
            return False  # "Isla URGENTLY", "Amira SENDCO"
        if self.in_a_record():
            return True  # "Subject: Amy SHAH", "Name: Amy ALI": the form says a name is there
        return len(surname) > 4 or is_given_name(surname)  # "ADHD", "UASC", "NEET": short capitals are acronyms

    def surnames_in_capitals_after_names(self) -> None:
        """A name found ("mum Agnieszka") followed by its surname in capitals ("KOWALSKA"): all of it."""
        for index, (start, end) in enumerate(list(self.spans)):
            k = self.token_at(end + 1) if self.text[end:end + 1] == " " else None
            if k is not None and not self.used[k] and self.records_surname(k):
                self.used[k] = True
                self.spans[index] = (start, self.tok(k).end)

    def surname_comma_given(self, i: int | None) -> bool:
        """ "Smith, John", "O'Connor, Siobhan": a surname-looking word that is no given name, town or
        everyday word, a comma, then a given name."""
        if i is None or i + 1 >= self.n or self.used[i] or self.used[i + 1]:
            return False
        surname, given = self.tok(i), self.tok(i + 1)
        if not self.surname_word(i) or is_given_name(surname.low) or surname.low in TOWNS:
            return False
        if surname.low in self.common and surname.low not in COMMON_SURNAMES:
            return False  # "Sorry, Sarah", "Hi, John"; not "Smith, John"
        if not (is_capitalised(given) and is_given_name(given.low) and self.word_ok(given)) or given.low in NAME_VERBS:
            return False
        self.add(i, i + 1)
        self.add(i + 1, self.extend(i + 1, allow_lower=False, strict=True))
        return True

    def signed(self, i: int | None, signing: bool) -> bool:
        """ "Thanks, Sarah", "Best wishes,\nAnita Shah", "this is Bob from housing": a given name that signs
        or introduces the message, with its surname if one follows."""
        if i is None or self.used[i]:
            return False
        tok = self.tok(i)
        if not (is_given_name(tok.low) and self.word_ok(tok)) or tok.low in NAME_VERBS:
            return False
        if tok.low in self.common and not signing:
            return False  # "It's Amber in our RAG rating": a name that is an everyday word needs more
        end = i + 1
        if end < self.n and self.joined(end) and (self.surname_word(end) or signing and is_capitalised(self.tok(end))
                                                  and self.word_ok(self.tok(end))):
            end += 1  # in a signature the word after the given name is its surname
        self.add(i, end)
        return True
