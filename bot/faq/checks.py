"""The checks on what an entry says, beyond its shape: the answer's length and markup, legal bases
that cite nothing, what a draft from the advisor queue still carries, and review dates; and the
FAQ-looking files the loader would skip. ``load`` reports their findings with the entry's lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Sequence

from bot.faq.england_law import uncovered_nations
from bot.faq.model import NATION_NAMES, Problem
from bot.faq.plain_english import (
    DPA_WITHOUT_ITS_YEAR,
    leans_on_the_answer,
    long_sentences,
    unexplained_abbreviations,
)
from bot.faq.sources import is_placeholder
from bot.mrkdwn import markup_slack_cannot_show
from bot.privacy import PLACEHOLDER

# An answer's length in words. The documented range (faq/README.md) reads well in Slack: outside it
# is a warning. Outside the hard range it is an error: too short to give the answer with its reason
# and the record to keep, or so long that it is several entries in one.
ANSWER_WORDS = (60, 170)
ANSWER_WORDS_HARD = (30, 340)

DRAFT_ID_PREFIX = "draft-"
DRAFT_TAG = "draft"
DRAFTS_FOLDER = "drafts"

# problem(field, message, warning=False, index=None, line=None): a problem of the entry being read, at
# ``line``, else at the line of ``field`` (of its ``index``-th item, from 1, when given)
Report = Callable[..., None]


def check_answer(answer: str, problem: Report) -> None:
    words = len(answer.split())
    low, high = ANSWER_WORDS
    hard_low, hard_high = ANSWER_WORDS_HARD
    if not hard_low <= words <= hard_high:
        counted = f"{words} word" + ("" if words == 1 else "s")
        problem("answer", f"{counted}: an answer must have {hard_low}-{hard_high} (aim for {low}-{high}); "
                          + ("say the answer, why, and what to record" if words < hard_low
                             else "split it into entries that each answer one question"))
    elif not low <= words <= high:
        problem("answer", f"{words} words, outside the {low}-{high} an answer should have "
                          f"({'add the reason and what to record' if words < low else 'tighten it'})",
                warning=True)
    for why in markup_slack_cannot_show(answer):
        problem("answer", f"holds {why} (see faq/README.md, 'Formatting an answer')")


class ReadAlone(NamedTuple):
    """A text read on its own (an answer, one nation's note) and where it is in its file."""

    field: str
    where: str  # "" for the answer, "the note for wales: "
    text: str
    first_line: int | None  # of a literal block (``|-``), whose lines are the text's; else None
    field_line: int | None


def check_plain_english(texts: Iterable[ReadAlone], problem: Report) -> None:
    """Warnings, at their lines, for each sentence over 25 words and each abbreviation used before it is
    spelled out, and for a note that leans on the answer it goes with (``bot.faq.plain_english``)."""
    for read in texts:
        leaning = leans_on_the_answer(read.text) if read.field == "nation_notes" else ()
        for finding in (*unexplained_abbreviations(read.text), *long_sentences(read.text), *leaning):
            line = read.field_line if read.first_line is None else read.first_line + finding.line
            problem(read.field, read.where + finding.message, warning=True, line=line)


def check_plain_legal_basis(legal_basis: Sequence[str], problem: Report) -> None:
    """Warnings for the legal basis line's abbreviations and shortened citation words, at the item of their first
    use. Its items are shown (and read aloud) as one line, so an abbreviation spelled out in one item may be used
    alone in a later one. A citation is not a sentence: the 25-word rule does not apply. A placeholder is an error
    of its own (``check_legal_basis``)."""
    line = "\n".join("" if is_placeholder(basis) else " ".join(basis.split()) for basis in legal_basis)
    for finding in unexplained_abbreviations(line):
        index = finding.line + 1
        problem("legal_basis", f"item {index}: {finding.message}", warning=True, index=index)
    for index, basis in enumerate(legal_basis, start=1):
        named = "Data Protection Act 2018" in basis  # "Data Protection Act 2018 (DPA) ..., DPA Part 3": named here
        for act in [] if named else DPA_WITHOUT_ITS_YEAR.findall(basis):
            problem("legal_basis", f"item {index}: {act!r} without its year: write the Act's name and year in each "
                                   "item (Record my decision offers, and its record keeps, one item alone)",
                    warning=True, index=index)


def check_legal_basis(legal_basis: Iterable[str], problem: Report) -> None:
    for index, basis in enumerate(legal_basis, start=1):
        if is_placeholder(basis):
            problem("legal_basis", f"item {index} {basis!r} is a placeholder; cite the exact provision "
                                   "(article, section, paragraph)", index=index)


def check_not_a_draft(entry_id: object, tags: Iterable[str], texts: dict[str, tuple[str, ...]],
                      problem: Report) -> None:
    """A draft from ``canishare faq drafts`` moved into the FAQ before it was finished."""
    if isinstance(entry_id, str) and entry_id.startswith(DRAFT_ID_PREFIX):
        problem("id", f"{entry_id!r} is a draft's id: give the entry a lasting kebab-case id that names its "
                      "topic (ids never change once published)")
    for index, tag in enumerate(tags, start=1):
        if tag.casefold() == DRAFT_TAG:
            problem("tags", f"item {index} is the {DRAFT_TAG!r} tag: replace it with the entry's topics",
                    index=index)
    for field, values in texts.items():
        for index, value in enumerate(values, start=1):
            found = list(dict.fromkeys(m.group(0) for m in PLACEHOLDER.finditer(value)))  # each once, in order
            if found:
                where = f"item {index} holds" if field == "variants" else "holds"
                what = f"the redaction placeholder {found[0]!r}" if len(found) == 1 else \
                    f"the redaction placeholders {', '.join(map(repr, found))}"
                problem(field, f"{where} {what}: say {'it' if len(found) == 1 else 'each'} in general words",
                        index=index if field == "variants" else None)


def check_nation_coverage(nations: Iterable[str], notes: dict[str, str],
                          texts: dict[str, tuple[str, ...]], problem: Report) -> None:
    """An entry that cites law not holding in one of its nations (``bot.faq.england_law``) must say, in that
    nation's ``nation_notes``, that it does not hold there (naming it) and what applies instead."""
    told: set[str] = set()
    for field, values in texts.items():
        for index, value in enumerate(values, start=1):
            for name, missing in uncovered_nations((value,), nations, notes):
                if name in told:
                    continue
                told.add(name)
                spelled = ", ".join(NATION_NAMES[n] for n in missing)
                problem(field, f"cites {name}, which does not hold in {spelled}, but the entry is listed there "
                               f"and no nation_notes there names it: add to the note, naming it, that it does not hold "
                               f"there and what applies instead, or narrow its nations",
                        warning=True, index=index if len(values) > 1 or field != "answer" else None)


def check_review_date(reviewed: dt.date, today: dt.date, problem: Report) -> None:
    if reviewed > today:
        problem("last_reviewed", f"{reviewed.isoformat()} is after today ({today.isoformat()}): set the day "
                                 "the entry was checked against its sources")


def unloaded_files(directory: Path, loaded: Iterable[Path]) -> list[Problem]:
    """A warning for each YAML file under ``directory`` the loader skips (in a subfolder other than
    drafts/, or with a suffix in capitals), so that no entry is left out unnoticed."""
    loaded = {path.resolve() for path in loaded}
    problems = []
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        hidden = any(part.startswith(".") for part in relative.parts)
        if hidden or relative.parts[0] == DRAFTS_FOLDER or not path.is_file():
            continue
        if path.suffix.lower() in (".yaml", ".yml") and path.resolve() not in loaded:
            where = ("it is in a subfolder" if len(relative.parts) > 1
                     else f"its suffix {path.suffix!r} is not .yaml or .yml in lower case")
            problems.append(Problem(str(path), f"not loaded: {where}; move it into {directory} as a .yaml "
                                               "file (or into drafts/ if it is a draft)", warning=True))
    return problems
