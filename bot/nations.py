"""The UK nation an answer is shown for, and what the answer then says about where it holds.

Practitioners in Scotland, Wales and Northern Ireland work under law that often differs from
England's. Every FAQ entry says where its answer holds (``nations``) and, where the law differs,
what applies instead (``nation_notes``). ``nation_lines`` turns those into plain sentences for the
interfaces (Slack and ``canishare ask``), placed before and after the answer:

- for a practitioner's own nation, that nation's note comes first; an entry that does not hold
  there says so plainly and shows what applies instead; with no note, the answer says it reflects
  the law of the nations it names;
- without a nation, an answer that does not hold everywhere says where it holds (plainly: "England
  only; not in Wales, Scotland or Northern Ireland"), and every note follows the answer;
- a ``Reader`` can also carry why the answer is for its nation (the question named another one,
  ``bot.named_nations``) and ask for the other nations' notes after the answer (``elsewhere``).

Plain text with no markup: each interface adds its own emphasis and escaping.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from bot.faq import NATION_NAMES, NATIONS, FaqEntry

# What people type for a nation (case and spaces ignored), beyond the ids themselves.
_SPELLINGS = {
    "england": "england", "wales": "wales", "cymru": "wales", "scotland": "scotland",
    "northern-ireland": "northern-ireland", "northernireland": "northern-ireland", "ni": "northern-ireland",
}


class UnknownNation(ValueError):
    pass


def parse_nation(value: str | None) -> str | None:
    """A nation id (one of ``NATIONS``) from what was typed ("Scotland", "northern ireland", "NI");
    None for nothing; ``UnknownNation`` for anything else."""
    if value is None or not value.strip():
        return None
    key = "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    found = _SPELLINGS.get(key) or _SPELLINGS.get(key.replace("-", ""))
    if found is None:
        raise UnknownNation(f"{value!r} is not a UK nation: use one of {', '.join(NATIONS)}")
    return found


def names(nations: Iterable[str]) -> str:
    """'all four UK nations', 'England', 'England and Wales', 'England, Wales and Scotland'."""
    chosen = [n for n in NATIONS if n in set(nations)]
    if len(chosen) == len(NATIONS):
        return "all four UK nations"
    spelled = [NATION_NAMES[n] for n in chosen]
    if len(spelled) <= 1:
        return "".join(spelled)
    return ", ".join(spelled[:-1]) + " and " + spelled[-1]


def _or_list(nations: Iterable[str]) -> str:
    spelled = [NATION_NAMES[n] for n in NATIONS if n in set(nations)]
    return spelled[0] if len(spelled) == 1 else ", ".join(spelled[:-1]) + " or " + spelled[-1]


def holds_everywhere(entry: FaqEntry) -> bool:
    return set(entry.nations) >= set(NATIONS)


def where_it_applies(entry: FaqEntry) -> str:
    """'Applies in England only; not in Wales, Scotland or Northern Ireland.' ('' when it holds
    everywhere)."""
    if holds_everywhere(entry):
        return ""
    missing = [n for n in NATIONS if n not in entry.nations]
    only = " only" if len(entry.nations) == 1 else ""
    return f"Applies in {names(entry.nations)}{only}; not in {_or_list(missing)}."


@dataclass(frozen=True)
class Reader:
    """Whom an answer is written for: ``nation`` (None: not known, every nation's notes are shown);
    ``why`` says why when that is not the asker's own setting (the question named another nation);
    ``others``: show the other nations' notes after the answer too (the nation is only a default);
    ``basis``: where the nation came from, for advisors ("named in the question", ...); ``also``:
    other nations the question names, whose note or warning is shown as well; ``said``: the nation the
    question or a follow-up (``said_in``) places the asker in when it is not the ``nation`` they chose (it is
    in ``also`` too)."""

    nation: str | None = None
    why: str = ""
    others: bool = False
    basis: str = ""
    also: tuple[str, ...] = ()
    said: str | None = None
    said_in: str = "a follow-up"

    def described(self) -> str:
        """'Northern Ireland (named in the question)', 'not known (...)', or both sides of a conflict."""
        if self.nation is not None and self.said is not None:
            return (f"Asker's setting: {NATION_NAMES[self.nation]} ({self.basis}); in {self.said_in} they say "
                    f"{NATION_NAMES[self.said]}")
        if self.nation is None:
            return "not known (every nation's notes are shown)" if not self.basis else f"several ({self.basis})"
        return NATION_NAMES[self.nation] + (f" ({self.basis})" if self.basis else "")


def as_reader(reader: Reader | str | None) -> Reader:
    return reader if isinstance(reader, Reader) else Reader(reader)


@dataclass(frozen=True)
class NationLines:
    """Sentences to show with an answer: ``before`` it (what the reader must see first) and
    ``after`` it; ``holds`` is False when the answer does not hold in the reader's nation; ``why``
    the nation was chosen (see ``Reader``); ``elsewhere`` the other nations' notes ("Wales: ...");
    ``mentioned`` the note or warning of each other nation the question names (``Reader.also``)."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    holds: bool = True
    why: str = ""
    elsewhere: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.before or self.after or self.why or self.elsewhere or self.mentioned)

    def lead(self) -> str:
        """The line a notification must carry first: that the answer does not hold for the reader,
        or (no nation known) where it holds; '' when neither."""
        if not self.holds or (self.before and self.before[0].startswith("Applies in ")):
            return self.before[0]
        return ""


def nation_lines(entry: FaqEntry, reader: Reader | str | None = None) -> NationLines:
    """What an answer says about where it holds, for ``reader`` (a nation id, or None: not known)."""
    reader = as_reader(reader)
    lines = _lines_for(entry, reader.nation)
    also = tuple(n for n in reader.also if n != reader.nation) if reader.nation else ()
    elsewhere = _notes(entry, exclude=(reader.nation, *also)) if reader.others and reader.nation else ()
    mentioned = tuple(line for n in also for line in _mentioned_lines(entry, n))
    return NationLines(lines.before, lines.after, lines.holds, reader.why, elsewhere, mentioned)


def _mentioned_lines(entry: FaqEntry, nation: str) -> tuple[str, ...]:
    """A named nation's warning (the answer does not hold there) or note; nothing when it holds there
    with no note."""
    name, note = NATION_NAMES[nation], entry.nation_notes.get(nation)
    if not entry.holds_in(nation):
        warning, instead = _does_not_hold(entry, nation)
        return (f"Your question names {name}. {warning} {instead}",)
    return (f"{name}: {note}",) if note else ()


def _does_not_hold(entry: FaqEntry, nation: str) -> tuple[str, str]:
    """That the answer does not hold in ``nation``, and what applies there instead."""
    name, note = NATION_NAMES[nation], entry.nation_notes.get(nation)
    instead = (f"What applies in {name} instead: {note}" if note
               else f"The FAQ has no note on what applies in {name}: ask an advisor.")
    return (f"This answer does not hold in {name}: it is written for "
            f"{names(entry.nations)}{' only' if len(entry.nations) == 1 else ''}.", instead)


def _notes(entry: FaqEntry, exclude: Iterable[str | None] = ()) -> tuple[str, ...]:
    notes = entry.nation_notes
    return tuple(f"{NATION_NAMES[n]}: {notes[n]}" for n in NATIONS if notes.get(n) and n not in exclude)


def _lines_for(entry: FaqEntry, nation: str | None) -> NationLines:
    notes = entry.nation_notes
    if nation is None:
        where = where_it_applies(entry)
        return NationLines(before=(where,) if where else (), after=_notes(entry))
    name = NATION_NAMES[nation]
    note = notes.get(nation)
    if not entry.holds_in(nation):
        return NationLines(before=_does_not_hold(entry, nation), holds=False)
    if note:
        return NationLines(before=(f"{name}: {note}",))
    return NationLines(after=(f"This answer reflects the law of {names(entry.nations)}.",))
