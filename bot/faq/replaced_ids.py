"""``replaces:`` ids that match no id canishare knows (lead review s9 #5). A typo there cuts a renamed
entry off from its history without a word: its old questions, ratings and digest counts stay under an
id nothing has any more. An id is known when the matcher's shipped examples are labelled with it, when
the bundled FAQ has it or replaces it (unless that is the FAQ being checked), or, with ``faq lint --db``,
when the bot's database holds learned phrasings or ratings under it. An unknown id is a warning (an id
retired long ago may be known nowhere); one close to a known id the FAQ no longer has is an error naming
that id."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Callable, Iterable, Sequence

from bot.faq.model import FaqEntry, Problem

CLOSE_ENOUGH = 0.88  # difflib's ratio: one or two letters wrong, missing or swapped in an id of 15 or more


def known_ids(directory: Path, bundled_dir: Path, bundled: Callable[[], Sequence[FaqEntry]],
              recorded: Iterable[str] = ()) -> set[str]:
    """The entry ids canishare knows of, for checking the FAQ in ``directory``."""
    from bot.match_examples import example_labels

    known = example_labels() | set(recorded)
    if directory.resolve() != bundled_dir.resolve():
        known |= {i for entry in bundled() for i in (entry.id, *entry.replaces)}
    return known


def unknown_replacement_problems(entries: Sequence[FaqEntry], known: set[str], with_database: bool,
                                 line: Callable[[FaqEntry], int | None]) -> list[Problem]:
    live = {e.id for e in entries}
    replaced = {old for e in entries for old in e.replaces}
    gone = sorted(known - live - replaced)  # ids a replaces could have meant: known, and followed by nothing
    problems = []
    for entry in entries:
        for old in entry.replaces:
            if old in known or old in live:  # an id still in use is reported by bot.faq.load
                continue
            close = difflib.get_close_matches(old, gone, n=1, cutoff=CLOSE_ENOUGH)
            problems.append(_close(entry, old, close[0], line) if close
                            else _unknown(entry, old, with_database, line))
    return problems


def _close(entry: FaqEntry, old: str, meant: str, line) -> Problem:
    return Problem(entry.file, f"{old!r} matches no id canishare knows: did you mean {meant!r}? (an id this FAQ no "
                   "longer has, which nothing replaces: as written, its questions, ratings and digest history do not "
                   "follow this entry)", entry.id, "replaces", line(entry), blocks_loading=False)


def _unknown(entry: FaqEntry, old: str, with_database: bool, line) -> Problem:
    where = ("the matcher's examples, the bundled FAQ or the database" if with_database else
             "the matcher's examples or the bundled FAQ; `canishare faq lint --db PATH` also reads the ids your "
             "bot's database holds")
    return Problem(entry.file, f"{old!r} matches no id known to {where}: check its spelling against the id the "
                   "entry had before", entry.id, "replaces", line(entry), warning=True)
