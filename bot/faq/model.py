"""The FAQ's entries as immutable values, and the problems loading can find."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping

NATIONS = ("england", "wales", "scotland", "northern-ireland")
NATION_NAMES = {"england": "England", "wales": "Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Watch:
    """A pending change in the law that may change the entry's answer once it happens."""

    what: str
    expected: dt.date
    source: str


@dataclass(frozen=True)
class FaqEntry:
    id: str
    question: str
    variants: tuple[str, ...]
    answer: str
    legal_basis: tuple[str, ...]
    sources: tuple[Source, ...]
    tags: tuple[str, ...]
    last_reviewed: dt.date
    keywords: tuple[str, ...] = ()
    file: str = ""
    nations: tuple[str, ...] = ()  # never empty once loaded from YAML (the field is required)
    nation_notes: Mapping[str, str] = field(default_factory=dict, hash=False)  # read-only when loaded
    holds_in_part: tuple[str, ...] = ()  # not in ``nations``, but most of the answer holds there (see its note)
    watch: tuple[Watch, ...] = ()
    replaces: tuple[str, ...] = ()  # ids this entry once had, or entries merged into it: their history follows it

    @property
    def phrasings(self) -> tuple[str, ...]:
        return (self.question, *self.variants)

    def holds_in(self, nation: str) -> bool:
        """Whether the answer holds in ``nation`` (one of NATIONS)."""
        return nation in self.nations

    @property
    def where_it_holds(self) -> str:
        """'all four UK nations', 'England only', 'England and Wales', ..."""
        if set(self.nations) == set(NATIONS):
            return "all four UK nations"
        names = [NATION_NAMES[n] for n in self.nations]
        if len(names) == 1:
            return f"{names[0]} only"
        return ", ".join(names[:-1]) + f" and {names[-1]}"

    def nation_lines(self, nation: str | None = None) -> tuple[str, ...]:
        """Plain-text lines to show with the answer. For a practitioner's ``nation``: that nation's
        note, or a plain statement that the answer does not hold there. Without a nation: where the
        answer holds (unless everywhere) and every note. Empty when there is nothing to add."""
        if nation is not None:
            note = self.nation_notes.get(nation)
            if note:
                return (f"{NATION_NAMES[nation]}: {note}",)
            if not self.holds_in(nation):
                return (f"This answer is written for {self.where_it_holds}; it does not hold in "
                        f"{NATION_NAMES[nation]} as written.",)
            return ()
        lines = [] if set(self.nations) == set(NATIONS) else [f"Applies in {self.where_it_holds}."]
        lines += [f"{NATION_NAMES[n]}: {note}" for n, note in self.nation_notes.items()]
        return tuple(lines)

    def watch_due(self, today: dt.date) -> tuple[Watch, ...]:
        """Pending changes whose expected date has passed since the entry was last reviewed."""
        return tuple(w for w in self.watch if self.last_reviewed < w.expected <= today)


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    entry: str | None = None
    field: str | None = None
    line: int | None = None
    warning: bool = False  # a warning is shown by lint but neither fails it nor stops loading
    # False for what lint refuses in a pull request but a running bot still serves (an answer's length or
    # markup, a placeholder legal basis, a repeated key ...): an FAQ that served before an upgrade still loads
    blocks_loading: bool = True

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.warning:
            where = f"warning: {where}"
        parts = [where]
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class FaqError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Faq:
    entries: tuple[FaqEntry, ...]
    directory: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})
        replaced = {old: e.id for e in self.entries for old in e.replaces if old not in self._by_id}  # type: ignore[attr-defined]
        object.__setattr__(self, "_replaced", replaced)

    def get(self, entry_id: str) -> FaqEntry | None:
        """The entry ``entry_id`` names today: itself, or the entry that ``replaces`` it (renamed, or
        merged into it); None for an id the FAQ does not have (retired, or never was)."""
        entry = self._by_id.get(entry_id)  # type: ignore[attr-defined]
        if entry is None and entry_id in self._replaced:  # type: ignore[attr-defined]
            entry = self._by_id[self._replaced[entry_id]]  # type: ignore[attr-defined]
        return entry

    def current_id(self, entry_id: str) -> str | None:
        entry = self.get(entry_id)
        return entry.id if entry else None

    def named_today(self, entry_id: str) -> str:
        """The id a stored ``entry_id`` counts under today: the entry that replaces it, else itself
        (a retired id stays as it was)."""
        return self._replaced.get(entry_id, entry_id)  # type: ignore[attr-defined]

    @property
    def renamed(self) -> Mapping[str, str]:
        """Old id -> the id of the entry that replaces it now."""
        return self._replaced  # type: ignore[attr-defined]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)


def due_watches(faq: Iterable[FaqEntry], today: dt.date | None = None) -> list[tuple[FaqEntry, Watch]]:
    """Every (entry, pending change) whose expected date has passed without a review since: the
    digest's "law changes due", soonest first."""
    today = today or dt.date.today()
    due = [(e, w) for e in faq for w in e.watch_due(today)]
    return sorted(due, key=lambda pair: (pair[1].expected, pair[0].id))
