"""The UK nation an answer is shown for, and what the answer then says about where it holds.

Practitioners in Scotland, Wales and Northern Ireland work under law that often differs from
England's. Every FAQ entry says where its answer holds (``nations``) and, where the law differs,
what applies instead (``nation_notes``). ``nation_lines`` turns those into plain sentences for the
interfaces (Slack and ``canishare ask``), placed before and after the answer:

- for a practitioner's own nation: an entry that does not hold there says so plainly first and shows
  what applies instead; one that holds there in part (``holds_in_part``: only what the note names
  differs) says "Holds in part in Scotland:" and the note, without alarm; where it holds, a short note
  comes first and a long one (over ``SHORT_NOTE`` characters) after the answer, with a one-line lead
  first, so that the verdict stays near the top; with no note, the answer says it reflects the law of
  the nations it names;
- without a nation, an answer that does not hold everywhere says where it holds (plainly: "England
  only; not in Wales, Scotland or Northern Ireland"), and every note follows the answer, a note that
  is the same for several nations once ("Wales, Scotland and Northern Ireland: ...");
- a ``Reader`` can also carry why the answer is for its nation (the question named another one,
  ``bot.named_nations``), or whose choice its nation is (``whose``: the answer then says what it shows
  for each other nation the question names), and ask for the other nations' notes after the answer
  (``elsewhere``).

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


# A note on a nation where the answer holds, up to this long, is shown before the answer as it is; a longer one
# goes after it, with a one-line lead before it, so that the verdict is near the top of a phone's notification.
SHORT_NOTE = 200


def names(nations: Iterable[str]) -> str:
    """'all four UK nations', 'England', 'England and Wales', 'England, Wales and Scotland'."""
    chosen = [n for n in NATIONS if n in set(nations)]
    return "all four UK nations" if len(chosen) == len(NATIONS) else _listed(chosen)


def _listed(nations: Iterable[str], joint: str = "and") -> str:
    """'Wales', 'Wales and Scotland', 'Wales, Scotland or Northern Ireland' (``joint`` "or"), in NATIONS order."""
    spelled = [NATION_NAMES[n] for n in NATIONS if n in set(nations)]
    return spelled[0] if len(spelled) == 1 else ", ".join(spelled[:-1]) + f" {joint} " + spelled[-1]


def _or_list(nations: Iterable[str]) -> str:
    return _listed(nations, "or")


def holds_everywhere(entry: FaqEntry) -> bool:
    return set(entry.nations) >= set(NATIONS)


def where_it_applies(entry: FaqEntry) -> str:
    """'Applies in England only; not in Wales, Scotland or Northern Ireland.', 'Applies in England and Wales;
    in part in Scotland and Northern Ireland.' ('' when it holds everywhere)."""
    if holds_everywhere(entry):
        return ""
    part = [n for n in NATIONS if n in entry.holds_in_part]
    missing = [n for n in NATIONS if n not in entry.nations and n not in part]
    only = " only" if len(entry.nations) == 1 and not part else ""
    return (f"Applies in {names(entry.nations)}{only}" + (f"; in part in {_listed(part)}" if part else "")
            + (f"; not in {_or_list(missing)}" if missing else "") + ".")


@dataclass(frozen=True)
class Reader:
    """Whom an answer is written for: ``nation`` (None: not known, every nation's notes are shown);
    ``why`` says why when that is not the asker's own setting (the question named another nation);
    ``whose``: whose choice ``nation`` is ("chosen on my Home tab"), for the line that says what the answer
    shows for each nation in ``also``;
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
    whose: str = ""

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
    ``after`` it; ``holds`` is False when the answer does not hold in the reader's nation, ``in_part``
    True when it holds there in part; ``note_after`` the reader's own long note, shown after the answer
    (``before`` then leads with one line saying so); ``why`` the nation was chosen (see ``Reader``);
    ``elsewhere`` the other nations' notes ("Wales: ...", "Scotland and Northern Ireland: ..." for one
    note); ``mentioned`` the note or warning of each other nation the question names (``Reader.also``)."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    holds: bool = True
    why: str = ""
    elsewhere: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()
    in_part: bool = False
    note_after: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.before or self.after or self.why or self.elsewhere or self.mentioned or self.note_after)

    def lead(self) -> str:
        """The line a notification must carry first: that the answer does not hold for the reader, or
        holds there in part, or (no nation known) where it holds; '' when none of these."""
        if not self.holds or self.in_part or (self.before and self.before[0].startswith("Applies in ")):
            return self.before[0]
        return ""


def nation_lines(entry: FaqEntry, reader: Reader | str | None = None) -> NationLines:
    """What an answer says about where it holds, for ``reader`` (a nation id, or None: not known)."""
    reader = as_reader(reader)
    lines = _lines_for(entry, reader.nation)
    also = tuple(n for n in reader.also if n != reader.nation) if reader.nation else ()
    elsewhere = _notes(entry, exclude=(reader.nation, *also)) if reader.others and reader.nation else ()
    mentioned = tuple(line for n in also for line in _mentioned_lines(entry, n))
    why = reader.why or _also_why(entry, reader, also, own_first=bool(lines.before) and not lines.note_after)
    return NationLines(lines.before, lines.after, lines.holds, why, elsewhere, mentioned, lines.in_part,
                       lines.note_after)


def _also_why(entry: FaqEntry, reader: Reader, also: tuple[str, ...], own_first: bool) -> str:
    """What the answer shows for the other nations the question names, when the reader's nation is their own
    choice (``Reader.whose``): only what is true of this entry ("...: this answer is written for England"
    when the named nation is where it holds and has no note). ``own_first``: the reader's own note or warning
    is above."""
    if not also or not reader.whose:
        return ""
    own = NATION_NAMES[reader.nation]
    shown = tuple(n for n in also if _mentioned_lines(entry, n))
    silent = tuple(n for n in also if n not in shown)
    said = [f"Your nation is {own} ({reader.whose})" + (f": what applies in {own} is above." if own_first else ".")]
    if shown:
        said.append(f"Your question names {_listed(shown)}, so what differs there is shown too.")
    if silent:
        where = ("this answer holds there as written" if holds_everywhere(entry)
                 else f"this answer is written for {names(entry.nations)}{' only' if len(entry.nations) == 1 else ''}")
        said.append(f"{'It also names' if shown else 'Your question names'} {_listed(silent)}: {where}.")
    return " ".join(said)


def _mentioned_lines(entry: FaqEntry, nation: str) -> tuple[str, ...]:
    """A named nation's warning (the answer does not hold there), that it holds there in part, or its note;
    nothing when it holds there with no note."""
    name, note = NATION_NAMES[nation], entry.nation_notes.get(nation)
    if nation in entry.holds_in_part:
        return (_in_part(entry, nation),)
    if not entry.holds_in(nation):
        warning, instead = _does_not_hold(entry, nation)
        return (f"Your question names {name}. {warning} {instead}",)
    return (f"{name}: {note}",) if note else ()


def _in_part(entry: FaqEntry, nation: str) -> str:
    return f"Holds in part in {NATION_NAMES[nation]}: {entry.nation_notes[nation]}"


def _does_not_hold(entry: FaqEntry, nation: str) -> tuple[str, str]:
    """That the answer does not hold in ``nation``, and what applies there instead."""
    name, note = NATION_NAMES[nation], entry.nation_notes.get(nation)
    instead = (f"What applies in {name} instead: {note}" if note
               else f"The FAQ has no note on what applies in {name}: ask an advisor.")
    return (f"This answer does not hold in {name}: it is written for "
            f"{names(entry.nations)}{' only' if len(entry.nations) == 1 else ''}.", instead)


def _notes(entry: FaqEntry, exclude: Iterable[str | None] = ()) -> tuple[str, ...]:
    """Each note once, with the nations it is for: "Wales: ...", "Scotland and Northern Ireland: ..."."""
    shared: dict[str, list[str]] = {}
    for nation in NATIONS:
        if entry.nation_notes.get(nation) and nation not in exclude:
            shared.setdefault(entry.nation_notes[nation], []).append(nation)
    return tuple(f"{_listed(nations)}: {note}" for note, nations in shared.items())


def _lines_for(entry: FaqEntry, nation: str | None) -> NationLines:
    if nation is None:
        where = where_it_applies(entry)
        return NationLines(before=(where,) if where else (), after=_notes(entry))
    name, note = NATION_NAMES[nation], entry.nation_notes.get(nation)
    if nation in entry.holds_in_part:
        return NationLines(before=(_in_part(entry, nation),), in_part=True)
    if not entry.holds_in(nation):
        return NationLines(before=_does_not_hold(entry, nation), holds=False)
    if note and len(note) > SHORT_NOTE:
        return NationLines(before=(f"This answer holds in {name}. What differs there is in the note after it.",),
                           note_after=(f"{name}: {note}",))
    if note:
        return NationLines(before=(f"{name}: {note}",))
    return NationLines(after=(f"This answer reflects the law of {names(entry.nations)}.",))
