"""Reading each field of an FAQ entry into its value, reporting what is wrong with it through
``problem(field, message, warning=False, index=None, blocks_loading=True)`` (``load`` gives it the
entry's file, id and lines)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bot.faq.model import NATIONS, Source, Watch
from bot.faq.reading import BOOKKEEPING, CutAtComment, Unquoted, is_text
from bot.faq.sources import is_placeholder, source_url_problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WATCH_FIELDS = ("what", "expected", "source")


def text(fields: dict, name: str, problem) -> str:
    value = fields.get(name)
    if name not in fields:
        return ""
    if isinstance(value, Unquoted):
        problem(name, unquoted_advice(value), warning=True)
    check_cut(value, name, problem)
    if not isinstance(value, str) or not value.strip():
        problem(name, "must be non-empty text")
        return ""
    return value.strip()


def unquoted_advice(value: Unquoted) -> str:
    # canishare keeps the text as written; another YAML tool (an editor, a linter in a pull request)
    # would read it as a boolean or a number: "no" as false, "1.10" as 1.1
    return f"{value!s} is kept as written, but YAML tools read it as {value.kind}: quote it (\"{value!s}\")"


def check_cut(value: object, field: str, problem, where: str = "", index: int | None = None) -> None:
    """An error (lint only) for an unquoted text that YAML cut at `` #``."""
    if isinstance(value, CutAtComment):
        problem(field, f"{where}text after ' #' was dropped as a comment: YAML reads {str(value)!r} and drops "
                       f"{value.dropped!r}; put the whole text in double quotes (a comment goes on a line of its own)",
                index=index, blocks_loading=False)


def string_list(fields: dict, name: str, problem, minimum: int) -> tuple[str, ...]:
    if name not in fields:
        return ()
    value = fields[name]
    if not isinstance(value, list):
        problem(name, "must be a list")
        return ()
    items = []
    for index, item in enumerate(value, start=1):
        if isinstance(item, Unquoted):
            problem(name, f"item {index} {unquoted_advice(item)}", warning=True, index=index)
            items.append(str(item))  # kept as written
        elif isinstance(item, dict) and len(set(item) - set(BOOKKEEPING)) == 1:
            problem(name, f"item {index} holds ': ' (a colon and a space), so YAML read it as a key and a value, "
                          "not as text: put the whole text in double quotes", index=index)
        elif not is_text(item) or not item.strip():
            problem(name, f"item {index} is empty or not text", index=index)
        else:
            check_cut(item, name, problem, f"item {index}: ", index)
            items.append(str(item).strip())
    if len(items) < minimum:
        problem(name, f"needs at least {minimum} item(s), has {len(items)}")
    seen: set[str] = set()
    for item in items:
        key = " ".join(item.casefold().split())
        if key in seen:
            problem(name, f"repeated item: {item!r}")
        seen.add(key)
    return tuple(items)


def sources(fields: dict, problem) -> tuple[Source, ...]:
    if "sources" not in fields:
        return ()
    value = fields["sources"]
    if not isinstance(value, list) or not value:
        problem("sources", "must be a non-empty list of {title, url}")
        return ()
    sources = []
    for index, item in enumerate(value, start=1):
        if isinstance(item, str) and item.strip():
            problem("sources", f"item {index} is only a title; give {{title, url}} with an https URL on an "
                               "authoritative host (see AUTHORITATIVE_DOMAINS in bot/faq/sources.py)")
            continue
        if not isinstance(item, dict) or not isinstance(item.get("title"), str) or not item["title"].strip():
            problem("sources", f"item {index} needs a 'title'")
            continue
        extra = set(item) - {"title", "url", *BOOKKEEPING}
        if extra:
            problem("sources", f"item {index} has unknown key(s): {', '.join(sorted(extra))}")
        title = item["title"].strip()
        if is_placeholder(title):
            problem("sources", f"item {index} title {title!r} is a placeholder; cite a particular document")
            continue
        why = source_url_problem(item.get("url"))
        if why:
            problem("sources", f"item {index} {why}")
            continue
        sources.append(Source(title, item["url"].strip()))
    return tuple(sources)


def date(fields: dict, problem) -> dt.date:
    if "last_reviewed" not in fields:
        return dt.date.min
    if fields["last_reviewed"] in (None, ""):
        problem("last_reviewed", "is empty: set the day you checked the entry against its sources (YYYY-MM-DD)")
        return dt.date.min
    value = as_date(fields["last_reviewed"])
    if value is None:
        problem("last_reviewed", not_a_date(fields["last_reviewed"]))
        return dt.date.min
    return value


_DATE_FORM = re.compile(r"^\d{4}-(\d{2})-(\d{2})$")


def not_a_date(value: Any) -> str:
    """Why ``value`` is no date: written in another form, or in the right form but impossible."""
    form = _DATE_FORM.match(str(value).strip())
    if form is None:
        return f"not a date in YYYY-MM-DD form: {value!r}"
    month, day = int(form.group(1)), int(form.group(2))
    if not 1 <= month <= 12:
        return f"{value} is an impossible date: there is no month {month} (YYYY-MM-DD: the month comes second)"
    return f"{value} is an impossible date: that month has no day {day}"


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def nations(fields: dict, problem) -> tuple[str, ...]:
    if "nations" not in fields:
        return ()
    value = fields["nations"]
    if value in (None, []):
        problem("nations", f"is empty: list the nations where the answer as written holds, from {', '.join(NATIONS)}"
                           " (e.g. nations: [england]), and add nation_notes where the law differs")
        return ()
    return _nation_list(value, "nations", problem)


def _nation_list(value: Any, name: str, problem) -> tuple[str, ...]:
    if not isinstance(value, list):
        problem(name, f"must be a list drawn from: {', '.join(NATIONS)}")
        return ()
    unknown = [str(v) for v in value if v not in NATIONS]
    if unknown:
        problem(name, f"unknown nation(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(NATIONS)})")
    repeated = sorted({v for v in value if isinstance(v, str) and value.count(v) > 1})
    if repeated:
        problem(name, f"repeated nation(s): {', '.join(repeated)}")
    return tuple(n for n in NATIONS if n in value)


def holds_in_part(fields: dict, nations: tuple[str, ...], notes: dict[str, str], problem) -> tuple[str, ...]:
    """The nations outside ``nations`` where most of the answer still holds (its data protection points, its
    verdict) and only a named statute or guidance differs, which that nation's note names."""
    if "holds_in_part" not in fields:
        return ()
    found = _nation_list(fields["holds_in_part"] or [], "holds_in_part", problem)
    for nation in found:
        if nation in nations:
            problem("holds_in_part", f"{nation} is in nations too: an answer holds there as written, or in part")
        elif nation not in notes:
            problem("holds_in_part", f"{nation} has no nation_notes: say there what differs and what applies instead")
    return tuple(n for n in found if n not in nations)


def nation_notes(fields: dict, problem) -> dict[str, str]:
    if "nation_notes" not in fields:
        return {}
    value = {k: v for k, v in fields["nation_notes"].items() if k not in BOOKKEEPING} \
        if isinstance(fields["nation_notes"], dict) else None
    if not value:
        problem("nation_notes", "must be a mapping of nation -> note naming that nation's law or guidance")
        return {}
    notes = {}
    for nation, note in value.items():
        if nation not in NATIONS:
            problem("nation_notes", f"unknown nation {nation!r} (allowed: {', '.join(NATIONS)})")
        elif not isinstance(note, str) or not note.strip():
            problem("nation_notes", f"note for {nation} must be non-empty text")
        else:
            check_cut(note, "nation_notes", problem, f"the note for {nation}: ")
            notes[nation] = " ".join(note.split())
    return {n: notes[n] for n in NATIONS if n in notes}


def replaces(fields: dict, entry_id: Any, problem) -> tuple[str, ...]:
    """The ids this entry takes the place of (renamed from, or merged into it)."""
    if "replaces" not in fields:
        return ()
    old_ids = string_list(fields, "replaces", problem, minimum=1)
    for old in old_ids:
        if not ID_PATTERN.match(old):
            problem("replaces", f"{old!r} is not an entry id (kebab-case)")
        elif old == entry_id:
            problem("replaces", "an entry cannot replace itself")
    return old_ids


def watch(fields: dict, problem) -> tuple[Watch, ...]:
    if "watch" not in fields:
        return ()
    value = fields["watch"]
    if not isinstance(value, list) or not value:
        problem("watch", "must be a non-empty list of {what, expected, source}")
        return ()
    items = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            problem("watch", f"item {index} must be a mapping of {', '.join(WATCH_FIELDS)}")
            continue
        keys = set(item) - set(BOOKKEEPING)
        if keys - set(WATCH_FIELDS):
            problem("watch", f"item {index} has unknown key(s): {', '.join(sorted(keys - set(WATCH_FIELDS)))}")
        missing = [k for k in WATCH_FIELDS if k not in keys]
        if missing:
            problem("watch", f"item {index} is missing {', '.join(missing)}")
            continue
        what, expected, source = item["what"], as_date(item["expected"]), item["source"]
        ok = True
        if not isinstance(what, str) or not what.strip():
            problem("watch", f"item {index} 'what' must be non-empty text")
            ok = False
        if expected is None:
            problem("watch", f"item {index} 'expected' {not_a_date(item['expected'])}")
            ok = False
        why = source_url_problem(source)
        if why:
            problem("watch", f"item {index} 'source' {why}")
            ok = False
        if ok:
            items.append(Watch(" ".join(what.split()), expected, source))
    return tuple(items)
