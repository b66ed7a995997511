"""Load and validate the curated FAQ (``faq/*.yaml``) into immutable entries.

Every problem is reported with the file, the entry id and the field, so a reviewer can fix a
pull request in one pass. ``load_faq`` raises ``FaqError`` carrying all problems; ``lint`` returns
them. ``bot.faq.reloading`` picks up edits while the bot runs.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Sequence

import yaml

from bot.bundled import bundled_faq_dir, is_checkout
from bot.faq import fields as parse
from bot.faq.checks import (
    ReadAlone,
    check_answer,
    check_legal_basis,
    check_nation_coverage,
    check_not_a_draft,
    check_plain_english,
    check_plain_legal_basis,
    check_review_date,
    unloaded_files,
)
from bot.faq.fields import ID_PATTERN
from bot.faq.model import Faq, FaqEntry, FaqError, Problem, due_watches
from bot.faq.near_duplicates import near_duplicate_phrasings
from bot.faq.reading import BOOKKEEPING, read_yaml
from bot.faq.replaced_ids import known_ids, unknown_replacement_problems
from bot.faq.titles import check_title
from bot.faq.yaml_errors import explain as explain_yaml_error

log = logging.getLogger(__name__)

def faq_files(directory: Path) -> list[Path]:
    # not hidden files: tools leave them beside the real ones (macOS "._basics.yaml", Emacs ".#basics.yaml")
    return sorted(p for p in directory.glob("*.y*ml") if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


BUNDLED_FAQ_DIR = bundled_faq_dir()

REQUIRED_FIELDS = (
    "id", "question", "variants", "answer", "legal_basis", "sources", "tags", "last_reviewed", "nations",
)
OPTIONAL_FIELDS = ("keywords", "nation_notes", "holds_in_part", "watch", "replaces")
# The nations of the UK, in the order they are shown. An entry's `nations` lists those where its
# answer holds; `nation_notes` says, for any of them, what differs there and names that law;
# `holds_in_part` lists the others where most of it holds and only what their note names differs.
MIN_VARIANTS = 5

def lint(directory: str | Path, today: dt.date | None = None, recorded_ids: Iterable[str] | None = None
         ) -> list[Problem]:
    """Every problem in the FAQ directory, errors first, then warnings (``Problem.warning``): a
    pending change (``watch``) whose expected date has passed since the entry was last reviewed.
    No errors means the FAQ loads; an empty list means it is clean. ``recorded_ids``: the entry ids
    the bot's database holds (``faq lint --db``), also known to ``replaces``."""
    today = today or dt.date.today()
    entries, problems, located = _load(Path(directory), today=today)
    if not blocking(problems):  # entries that failed to load are not gone
        problems += _replaces_unknown(Path(directory), entries, located, recorded_ids) \
            + _stale_example_warnings(entries)
    skipped = unloaded_files(Path(directory), faq_files(Path(directory))) if Path(directory).is_dir() else []
    return errors(problems) + [p for p in problems if p.warning] + _watch_warnings(entries, today, located) + skipped


def _replaces_unknown(directory: Path, entries: Sequence[FaqEntry], located: dict,
                      recorded_ids: Iterable[str] | None) -> list[Problem]:
    if not any(e.replaces for e in entries):
        return []
    known = known_ids(directory, BUNDLED_FAQ_DIR, lambda: _load(BUNDLED_FAQ_DIR, check_near_duplicates=False)[0],
                      recorded_ids or ())
    return unknown_replacement_problems(entries, known, recorded_ids is not None,
                                        lambda entry: _line_of(located.get((entry.file, entry.id), {}), "replaces"))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def blocking(problems: Iterable[Problem]) -> list[Problem]:
    """The errors that stop the FAQ (or an entry) loading; lint fails on every error."""
    return [p for p in errors(problems) if p.blocks_loading]


def load_faq(directory: str | Path = BUNDLED_FAQ_DIR, check_near_duplicates: bool = True) -> Faq:
    """The valid FAQ, or FaqError with every problem. ``check_near_duplicates=False`` skips the one
    quadratic check (for one-shot commands that must start fast; lint and the bot run it)."""
    entries, problems, _ = _load(Path(directory), check_near_duplicates)
    if blocking(problems):
        raise FaqError(blocking(problems))
    if errors(problems):
        log.warning("the FAQ in %s is served, but `canishare faq lint` reports %d error(s) to fix:\n%s", directory,
                    len(errors(problems)), "\n".join(str(p) for p in errors(problems)))
    return Faq(tuple(entries), str(directory))


def _watch_warnings(entries: Iterable[FaqEntry], today: dt.date, located: dict) -> list[Problem]:
    return [
        Problem(
            entry.file,
            f"pending change {w.what!r} was expected on {w.expected.isoformat()} and the entry was last "
            f"reviewed on {entry.last_reviewed.isoformat()}: check whether it happened, update the "
            "answer, then set last_reviewed (and drop or re-date the watch item)",
            entry.id,
            "watch",
            _line_of(located.get((entry.file, entry.id), {}), "watch", entry.watch.index(w) + 1),
            warning=True,
        )
        for entry, w in due_watches(entries, today)
    ]


def _stale_example_warnings(entries: Sequence[FaqEntry]) -> list[Problem]:
    from bot.match_examples import stale_labels

    replaced = {old for e in entries for old in e.replaces}
    stale = [label for label in stale_labels([e.id for e in entries]) if label not in replaced]
    if not stale:
        return []
    return [Problem("bot/match_examples.json", f"the matcher learnt from questions about "
                    f"{len(stale)} entr{'y' if len(stale) == 1 else 'ies'} this FAQ no longer has "
                    f"({', '.join(stale[:5])}{', ...' if len(stale) > 5 else ''}): its questions about them no longer "
                    "point to any entry, so questions like theirs are answered less often. If an entry was renamed "
                    "or merged into another, add "
                    "`replaces: [old-id]` to the entry that took its place and its questions follow it. "
                    f"{_refit_advice()}", None, "examples", warning=True)]


def _refit_advice() -> str:
    """What to do about stale labels: in a source checkout, refit; in an installed copy, nothing to run."""
    if is_checkout():
        return ("If they were retired on purpose, relabel their questions in tests/fixtures/questions_*.yaml and "
                "refit (python benchmarks/matching_cv.py --write)")
    return ("If they were retired on purpose, nothing needs doing: a canishare release refitted for your FAQ "
            "removes this warning")


def _load(directory: Path, check_near_duplicates: bool = True, today: dt.date | None = None
          ) -> tuple[list[FaqEntry], list[Problem], dict[tuple[str, str], dict]]:
    """The valid entries, every problem, and each item that has an id by (file, id), with its lines."""
    if not directory.is_dir():
        return [], [Problem(str(directory), "FAQ directory not found (set CANISHARE_FAQ_DIR or pass a directory)")], {}
    files = faq_files(directory)
    if not files:
        return [], [Problem(str(directory), "no .yaml files in the FAQ directory")], {}
    entries: list[FaqEntry] = []
    problems: list[Problem] = []
    ids: list[tuple[str, str, dict]] = []
    for path in files:
        file_entries, file_problems, file_ids = _load_file(path, today or dt.date.today())
        entries.extend(file_entries)
        problems.extend(file_problems)
        ids.extend(file_ids)
    problems.extend(_duplicate_ids(ids))
    located = {(file, entry_id): item for entry_id, file, item in ids}
    problems.extend(_replacement_problems(entries, located))
    if check_near_duplicates:
        started = time.perf_counter()
        log.info("loading the FAQ: %d entries, %d phrasings in %s; checking for near-duplicate phrasings",
                 len(entries), sum(len(e.phrasings) for e in entries), directory)
        problems.extend(near_duplicate_phrasings(entries, lambda entry, index: _line_of(
            located.get((entry.file, entry.id), {}), "question" if index == 0 else "variants", index or None)))
        log.info("FAQ checked in %.1f s", time.perf_counter() - started)
    return entries, problems, located


def _line_of(item: dict, field: str | None, index: int | None = None) -> int | None:
    """The line of ``field`` of a read item (of its ``index``-th list item, from 1, when given)."""
    item_lines = item.get("__item_lines__", {}).get(field, [])
    if index is not None and 0 < index <= len(item_lines):
        return item_lines[index - 1]
    return item.get("__lines__", {}).get(field, item.get("__line__"))


def _load_file(path: Path, today: dt.date) -> tuple[list[FaqEntry], list[Problem], list[tuple[str, str, dict]]]:
    """The file's valid entries, its problems, and the (id, file, item) of every item that has an id."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return [], [Problem(name, f"cannot read file: {exc.strerror or exc}")], []
    except UnicodeDecodeError as exc:
        return [], [Problem(name, f"not UTF-8 text ({exc.reason} at byte {exc.start})")], []
    try:
        raw, duplicate_keys = read_yaml(text)
    except yaml.YAMLError as exc:
        message, line = explain_yaml_error(exc, text)
        return [], [Problem(name, message, line=line)], []
    if raw is None:
        return [], [Problem(name, "file is empty; expected a list of entries")], []
    if not isinstance(raw, list):
        return [], [Problem(name, "expected a list of entries at the top level")], []
    entries, problems = [], _repeated_keys(name, raw, duplicate_keys)
    for position, item in enumerate(raw, start=1):
        entry, entry_problems = _parse_entry(name, position, item, today)
        problems.extend(entry_problems)
        if entry is not None:
            entries.append(entry)
    ids = [(item["id"], name, item) for item in raw if isinstance(item, dict) and isinstance(item.get("id"), str)]
    return entries, problems, ids


def _repeated_keys(file: str, raw: list, duplicate_keys) -> list[Problem]:
    """An error for each key given twice in one mapping, under the entry it is in."""
    starts = [(item.get("__line__", 0), item.get("id")) for item in raw if isinstance(item, dict)]
    problems = []
    for key, first, again in duplicate_keys:
        owner = [entry_id for start, entry_id in starts if start <= again]
        entry_id = owner[-1] if owner and isinstance(owner[-1], str) else None
        problems.append(Problem(file, f"key {key!r} is given twice in one mapping (lines {first} and {again}); "
                                      "YAML would keep only the second: merge them into one", entry_id, None, again,
                                blocks_loading=False))
    return problems


def _parse_entry(file: str, position: int, item: Any, today: dt.date) -> tuple[FaqEntry | None, list[Problem]]:
    """The entry (None when it has an error) and its problems, warnings included."""
    if not isinstance(item, dict):
        return None, [Problem(file, f"item {position} is not a mapping of fields")]
    entry_id = item.get("id") if isinstance(item.get("id"), str) else f"#{position}"
    problems: list[Problem] = []

    def problem(field: str | None, message: str, warning: bool = False, index: int | None = None,
                blocks_loading: bool = True, line: int | None = None) -> None:
        problems.append(Problem(file, message, entry_id, field, line or _line_of(item, field, index), warning,
                                blocks_loading))

    def lint_only(field: str | None, message: str, warning: bool = False, index: int | None = None,
                  line: int | None = None) -> None:
        problem(field, message, warning, index, blocks_loading=False, line=line)

    fields = {k: v for k, v in item.items() if k not in BOOKKEEPING}
    for unknown in sorted(set(fields) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS)):
        problem(unknown, f"unknown field (allowed: {', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)})")
    for missing in (f for f in REQUIRED_FIELDS if f not in fields):
        problem(missing, "missing field")

    entry_key = fields.get("id")
    if "id" in fields and not (isinstance(entry_key, str) and ID_PATTERN.match(entry_key)):
        problem("id", "must be kebab-case: lower-case letters, digits and single hyphens")
    question = parse.text(fields, "question", problem)
    answer = parse.text(fields, "answer", problem)
    variants = parse.string_list(fields, "variants", problem, minimum=MIN_VARIANTS)
    legal_basis = parse.string_list(fields, "legal_basis", problem, minimum=1)
    tags = parse.string_list(fields, "tags", problem, minimum=1)
    keywords = parse.string_list(fields, "keywords", problem, minimum=0) if "keywords" in fields else ()
    sources = parse.sources(fields, problem)
    last_reviewed = parse.date(fields, problem)
    nations = parse.nations(fields, problem)
    nation_notes = parse.nation_notes(fields, problem)
    in_part = parse.holds_in_part(fields, nations, nation_notes, problem)
    watch = parse.watch(fields, problem)
    replaces = parse.replaces(fields, entry_key, problem)
    if answer:
        check_answer(answer, lint_only)
        check_plain_english(_read_alone(item, fields["answer"], nation_notes), lint_only)
    # an unfinished entry is never served: a draft's marks, or a legal basis that cites nothing
    check_legal_basis(legal_basis, problem)
    check_plain_legal_basis(legal_basis, lint_only)
    check_not_a_draft(entry_key, tags, {"question": (question,), "variants": variants, "answer": (answer,)}, problem)
    check_review_date(last_reviewed, today, lint_only)
    check_title(question, tags, lint_only)
    check_nation_coverage(nations, nation_notes, {"legal_basis": legal_basis, "answer": (answer,),
                                                  "sources": tuple(s.title for s in sources)}, lint_only)

    if blocking(problems):
        return None, problems
    return (
        FaqEntry(
            id=entry_key,
            question=question,
            variants=variants,
            answer=answer,
            legal_basis=legal_basis,
            sources=sources,
            tags=tags,
            last_reviewed=last_reviewed,
            keywords=keywords,
            file=file,
            nations=nations,
            nation_notes=MappingProxyType(nation_notes),
            holds_in_part=in_part,
            watch=watch,
            replaces=replaces,
        ),
        problems,
    )


def _read_alone(item: dict, answer: str, nation_notes: dict[str, str]) -> list[ReadAlone]:
    """The answer and each nation's note, each read on its own, with their lines."""
    notes = item.get("nation_notes", {})
    return [ReadAlone("answer", "", answer, item.get("__text_lines__", {}).get("answer"), _line_of(item, "answer")),
            *(ReadAlone("nation_notes", f"the note for {nation}: ", notes.get(nation, note),
                        notes.get("__text_lines__", {}).get(nation), _line_of(notes, nation))
              for nation, note in nation_notes.items())]


def _replacement_problems(entries: Sequence[FaqEntry], located: dict[tuple[str, str], dict]) -> list[Problem]:
    """An old id replaced by two entries, or one still in use: which entry its history follows would be
    a guess."""
    live = {e.id for e in entries}
    claimed: dict[str, FaqEntry] = {}

    def line(entry: FaqEntry) -> int | None:
        return _line_of(located.get((entry.file, entry.id), {}), "replaces")

    problems = []
    for entry in entries:
        for old in entry.replaces:
            if old in live:
                problems.append(Problem(entry.file, f"{old!r} is still an entry of the FAQ: an id is replaced only "
                                        "once its entry is gone (to split an entry, keep its id on one half)",
                                        entry.id, "replaces", line(entry)))
            elif old in claimed:
                problems.append(Problem(entry.file, f"{old!r} is also replaced by '{claimed[old].id}' "
                                        f"({claimed[old].file}:{line(claimed[old])}): its history can follow one "
                                        "entry only", entry.id, "replaces", line(entry)))
            else:
                claimed[old] = entry
    return problems


def _duplicate_ids(ids: Iterable[tuple[str, str, dict]]) -> list[Problem]:
    first: dict[str, str] = {}
    problems = []
    for entry_id, file, item in ids:
        where = f"{file}:{_line_of(item, 'id')}"
        if entry_id in first:
            problems.append(Problem(file, f"duplicate id (also at {first[entry_id]})", entry_id, "id",
                                    _line_of(item, "id")))
        else:
            first[entry_id] = where
    return problems
