"""Plain English in what an entry says: each abbreviation spelled out at its first use, and no sentence
over ``LONGEST_SENTENCE`` words. Each answer and each nation note is read on its own (a reader's note comes
before the answer), so each is checked on its own. ``checks`` reports what these find as lint warnings."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

# Abbreviation -> what it stands for. Readers with dyslexia or with English as a second language, and a
# practitioner reading on a phone between visits, cannot look these up: write "the Data Protection Act 2018
# (DPA)" at the first use in a text, or the words alone when the abbreviation is not used again.
ABBREVIATIONS = {
    "GDPR": "General Data Protection Regulation",
    "DPA": "Data Protection Act",
    "ICO": "Information Commissioner's Office",
    "IG": "information governance",
    "DPO": "data protection officer",
    "DPIA": "data protection impact assessment",
    "DSA": "data sharing agreement",
    "ISA": "information sharing agreement",
    "SAR": "subject access request",
    "DfE": "Department for Education",
    "KCSIE": "Keeping Children Safe in Education",
    "DSL": "designated safeguarding lead",
    "LADO": "local authority designated officer",
    "MAPPA": "Multi-Agency Public Protection Arrangements",
    "MARAC": "multi-agency risk assessment conference",
    "MASH": "multi-agency safeguarding hub",
    "IDVA": "independent domestic violence adviser",
    "DBS": "Disclosure and Barring Service",
    "DWP": "Department for Work and Pensions",
    "ICB": "integrated care board",
    "PSNI": "Police Service of Northern Ireland",
    "HSC": "Health and Social Care",
    "GIRFEC": "Getting it right for every child",
}

# Shortened words of legal citations, written in full in running text ("section 115", "Schedule 1").
SHORTENED_WORDS = {
    "s": ("section", re.compile(r"\bs\d+[A-Z]*\b")),
    "Sch": ("Schedule", re.compile(r"\bSch\b\.?")),
    "para": ("paragraph", re.compile(r"\bparas?\b\.?(?= ?\d)")),
    "Art": ("Article", re.compile(r"\bArt\b\.?(?= ?\d)")),
}

# GOV.UK content design: sentences of 25 words at most are the ones most people read in one go.
LONGEST_SENTENCE = 25

# A sentence ends at . ! ? ; or : (and any closing markup, "*No.*") followed by a space, or at a line break
# (a list item is its own sentence). The accessibility review's measure splits the same way, so its figures
# and lint agree.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])[*_`]*\s+|\n")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`•]|^#+ |^> ", re.MULTILINE)


# Wording that leans on the answer a note goes with ("the advice cited here", "the points in this answer", "the
# bases above", "Not covered"): a reader's own note, and a warning's "what applies instead", come before it.
_POINTS_AT_THE_ANSWER = re.compile(
    r"\b(?:cited here|here|this answer|above|below)\b|\bthe [\w ]{0,40}?\bexample\b|^not covered\b", re.IGNORECASE)
# "the 2022 Act", "the 2018 Regulations": a short name, clear only once the full name has been given.
_SHORT_NAME = re.compile(r"\bthe (\d{4}) (Act|Regulations|Order)\b", re.IGNORECASE)


class Finding(NamedTuple):
    line: int  # the line of the text it is on, from 0
    message: str


def _words(sentence: str) -> list[str]:
    return _MARKUP.sub(" ", _LINK.sub(r"\1", sentence)).split()


def long_sentences(text: str) -> Iterator[Finding]:
    """Each sentence of ``text`` over ``LONGEST_SENTENCE`` words, on the line it starts."""
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        words = _words(text[start:end])
        if len(words) > LONGEST_SENTENCE:
            yield Finding(text.count("\n", 0, start),
                          f"a sentence of {len(words)} words (\"{' '.join(words[:6])} ...\"): split it at a natural "
                          f"joint into sentences of {LONGEST_SENTENCE} words or fewer")
        start = match.end() if match else end


def unexplained_abbreviations(text: str) -> Iterator[Finding]:
    """Each abbreviation of ``ABBREVIATIONS`` whose first use in ``text`` comes before its expansion, and each
    shortened word of ``SHORTENED_WORDS``, at its first use."""
    folded = text.casefold()
    for abbreviation, expansion in ABBREVIATIONS.items():
        first = re.search(rf"\b{abbreviation}s?\b", text)
        if first and expansion.casefold() not in folded[:first.start()]:
            yield Finding(text.count("\n", 0, first.start()),
                          f"{abbreviation!r} is used before it is spelled out: write \"{expansion} ({abbreviation})\" "
                          "at its first use here, or the words alone (each answer and note is read on its own)")
    for short, (word, pattern) in SHORTENED_WORDS.items():
        first = pattern.search(text)
        if first:
            yield Finding(text.count("\n", 0, first.start()),
                          f"{first.group(0).strip()!r} is a shortened word: write {word!r} in full in the text "
                          "(keep the short form in legal_basis)")


def leans_on_the_answer(note: str) -> Iterator[Finding]:
    """Where a nation's note reads as if it came after the answer: it points at it ("here", "this answer",
    "above", "below", "Not covered"), or names a law by a short name ("the 2022 Act") it has not introduced."""
    pointing = _POINTS_AT_THE_ANSWER.search(note)
    if pointing:
        yield Finding(note.count("\n", 0, pointing.start()),
                      f"{pointing.group(0)!r} points at the answer, but a reader's note is shown before it: "
                      "name what it means (the guidance, the law) so the note stands alone")
    for short in _SHORT_NAME.finditer(note):
        year, kind = short.groups()
        if not re.search(rf"\b{kind}\b[^.;:\d]{{0,16}}{year}", note[:short.start()]):
            yield Finding(note.count("\n", 0, short.start()),
                          f"{short.group(0)!r} is not introduced in the note: give its full name first "
                          "(a reader's note is shown before the answer)")
