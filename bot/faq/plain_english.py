"""Plain English in what an entry says: each abbreviation spelled out at its first use, each citation's words
written in full, and no sentence over ``LONGEST_SENTENCE`` words. Each answer and each nation note is read on its
own (a reader's note comes before the answer), so each is checked on its own; so is the legal basis line, read
as one line after the answer. ``checks`` reports what these find as lint warnings."""

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

# Any other word in capitals (two letters or more, "CP-IS", plural "MSPs") is an abbreviation too, and must be
# spelled out at its first use: "Police Service of Northern Ireland (PSNI)" or "PSNI (Police Service of Northern
# Ireland)". Except these, which a UK practitioner reads as words: the GOV.UK style guide's "well known" examples
# (UK, US, EU, MP: "explain it in full ... unless it's well known"), and the everyday words of the services
# and their offices (the NHS, a GP, an ID badge, the IT team, AI tools, CCTV footage).
WELL_KNOWN = frozenset({"UK", "US", "EU", "MP", "NHS", "GP", "ID", "IT", "AI", "CCTV"})

# Shortened words of legal citations, written in full ("section 115", "Schedule 1", "Articles 6 and 9"): a
# screen reader spells "s115" and "paras" out letter by letter.
SHORTENED_WORDS = {
    "s": ("section", re.compile(r"(?<![\w'’.-])ss?\.? ?(?=\d)")),
    "Sch": ("Schedule", re.compile(r"\b[Ss]ch\b\.?")),
    "para": ("paragraph", re.compile(r"\bparas?\b\.?(?= ?\d)")),
    "Art": ("Article", re.compile(r"\b[Aa]rts?\b\.?(?= ?\d)")),
    "reg": ("regulation", re.compile(r"\b[Rr]egs?\b\.?(?= ?\d)")),
    "r": ("rule", re.compile(r"(?<![\w'’.-])r\.? ?(?=\d+\.\d)")),
    "Pt": ("Part", re.compile(r"\b[Pp]ts?\b\.?(?= ?\d)")),
}

# GOV.UK content design: sentences of 25 words at most are the ones most people read in one go.
LONGEST_SENTENCE = 25

# A sentence ends at . ! ? ; or : followed by a space, or at a line break (a list item is its own sentence),
# with any closing markup, quotation mark or bracket between: '*No.*', '?"', '.)' and, once links are read as
# their words, '[Read the guidance.](url)'. The accessibility review's measure splits the same way, so its
# figures and lint agree.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])[*_`\"'”’)\]]*\s+|\n")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BARE_ADDRESS = re.compile(r"<[^>\s]+>|\b(?:https?://|www\.)\S+")
_MARKUP = re.compile(r"[*_`•]|^#+ |^> ", re.MULTILINE)
_CAPITALS = re.compile(r"(?<![\w-])([A-Z]{2,}(?:-[A-Z]{2,})*)s?\b")
# "Gillick v West Norfolk and Wisbech Area Health Authority [1986] AC 112": a law report's series (AC, WLR,
# EWCA Civ) is how a case is found, not an abbreviation to spell out
_LAW_REPORT = re.compile(r"\[\d{4}\]\s+(?:\d+\s+)?(?:[A-Z][A-Za-z]*\s+)+\d+")
_READ_ALONE = "(each answer, nation note and legal basis line is read on its own)"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "-": " ", "‐": " ", "‑": " "})


# Wording that leans on the answer a note goes with ("the advice cited here", "the points in this answer", "the
# bases above", "Not covered"): a reader's own note, and a warning's "what applies instead", come before it.
_POINTS_AT_THE_ANSWER = re.compile(
    r"\b(?:cited here|here|this answer|above|below)\b|\bthe [\w ]{0,40}?\bexample\b|^not covered\b", re.IGNORECASE)
# "the 2022 Act", "the 2018 Regulations": a short name, clear only once the full name has been given.
_SHORT_NAME = re.compile(r"\bthe (\d{4}) (Act|Regulations|Order)\b", re.IGNORECASE)


# "DPA" with no year after it and not in brackets after the Act's name: which Data Protection Act is not said
# (1998 is still cited for older processing). Lint warns about it in a legal basis item; Record my decision's
# short citations read it as the 2018 Act, which is the only one the FAQ's items abbreviate.
DPA_WITHOUT_ITS_YEAR = re.compile(r"(?<!\()\bDPA\b(?!\)| ?\d{4})")


class Finding(NamedTuple):
    line: int  # the line of the text it is on, from 0
    message: str


def as_read(text: str) -> str:
    """``text`` as the reader meets its words: each link as its words, each bare web address blanked (no line
    moves)."""
    return _BARE_ADDRESS.sub(lambda m: " " * len(m.group(0)), _LINK.sub(r"\1", text))


def _words(sentence: str) -> list[str]:
    return _MARKUP.sub(" ", sentence).split()


def long_sentences(text: str) -> Iterator[Finding]:
    """Each sentence of ``text`` over ``LONGEST_SENTENCE`` words, on the line it starts."""
    text = as_read(text)
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        words = _words(text[start:end])
        if len(words) > LONGEST_SENTENCE:
            yield Finding(text.count("\n", 0, start),
                          f"a sentence of {len(words)} words (\"{' '.join(words[:6])} ...\"): split it at a natural "
                          f"joint into sentences of {LONGEST_SENTENCE} words or fewer")
        start = match.end() if match else end


def _comparable(text: str) -> str:
    """``text`` folded so that an expansion is found however it is typed: "Commissioner’s", "data-sharing"."""
    return " ".join(_MARKUP.sub(" ", text.translate(_APOSTROPHES)).casefold().split())


def unexplained_abbreviations(text: str) -> Iterator[Finding]:
    """Each abbreviation used in ``text`` before it is spelled out, and each shortened word of a citation, at its
    first use (links read as their words)."""
    text = as_read(text)
    yield from _known_abbreviations(text)
    yield from _other_capitals(text)
    yield from _shortened_words(text)


def _known_abbreviations(text: str) -> Iterator[Finding]:
    for abbreviation, expansion in ABBREVIATIONS.items():
        first = re.search(rf"\b{abbreviation}s?\b", text)
        if first and _comparable(expansion) not in _comparable(text[:first.start()]):
            yield Finding(text.count("\n", 0, first.start()),
                          f"{abbreviation!r} is used before it is spelled out: write \"{expansion} ({abbreviation})\" "
                          f"at its first use here, or the words alone {_READ_ALONE}")


def _other_capitals(text: str) -> Iterator[Finding]:
    """Each word in capitals, not one of ``ABBREVIATIONS`` or ``WELL_KNOWN``, whose first use does not spell it
    out beside it in brackets."""
    seen: set[str] = set()
    for found in _CAPITALS.finditer(_LAW_REPORT.sub(lambda m: " " * len(m.group(0)), text)):
        abbreviation = found.group(1)
        if abbreviation in seen or abbreviation in WELL_KNOWN or abbreviation in ABBREVIATIONS:
            continue
        seen.add(abbreviation)
        if not _spelled_out_beside(text, found):
            yield Finding(text.count("\n", 0, found.start()),
                          f"{abbreviation!r} is used before it is spelled out: write the words, then "
                          f"\"({abbreviation})\", at its first use here, or the words alone {_READ_ALONE}")


def _spelled_out_beside(text: str, found: re.Match) -> bool:
    """"Female Genital Mutilation (FGM)" or "FGM (female genital mutilation)": words beside it whose initials
    spell it ("Criminal Law Act (NI)" does not spell NI)."""
    letters = found.group(1).replace("-", "").casefold()
    before = re.search(r"([^()\n]*?)\s*\(\s*$", text[:found.start()])
    if before and re.match(r"s?\s*\)", text[found.end():]):
        return _spells(letters, _initials(before.group(1))[::-1][:3 * len(letters)][::-1], from_end=True)
    after = re.match(r"s? \(([^()\n]*)\)", text[found.end():])
    return bool(after) and _spells(letters, _initials(after.group(1)), from_end=False)


def _initials(words: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\W\d_]+", words.casefold()))


def _spells(letters: str, initials: str, from_end: bool) -> bool:
    """``letters`` in order among ``initials``, the last (or first) initial being the last (or first) letter."""
    if not initials or initials[-1 if from_end else 0] != letters[-1 if from_end else 0]:
        return False
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)


def _shortened_words(text: str) -> Iterator[Finding]:
    for word, pattern in SHORTENED_WORDS.values():
        first = pattern.search(text)
        if first:
            yield Finding(text.count("\n", 0, first.start()),
                          f"{_cited(text, first)!r} is a shortened word: "
                          f"write {word!r} in full (a screen reader spells it out)")


def _cited(text: str, found: re.Match) -> str:
    """The shortened word as written, with the number it cites: "s.47", "Sch 1", "para 18(3)"."""
    number = re.match(r" ?\d[\w.]*(?:\(\w+\))*", text[found.end():])
    return (found.group(0) + (number.group(0) if number else "")).strip().rstrip(".")


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
