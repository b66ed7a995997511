"""What is kept of a message typed in Slack: whole within the limit; over it, refused, unless it signals a
risk now, which is never refused but cut to fit.

The cut is made in the redacted text, never in what was typed: cutting first could leave part of an
identifier ("943 476 591", "jane.doe@") that redaction no longer recognises. What is kept: the sentences
that made it urgent, the question itself (from the last sentence with a "?", else the last sentence) and,
in the room left, the opening, each gap marked with how much was left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from bot.decisions import PLACEHOLDER_GROWTH
from bot.privacy import MAX_INPUT_CHARS, Redaction, redact_placed, redact_question
from bot.questions import MAX_QUESTION_CHARS, QuestionTooLong
from bot.urgency import risk_window

GAP = "[… {:,} characters not kept …]"
NOTE = "[Cut by canishare: the message was {:,} characters; only the parts shown were kept.]"
_MOST_GAPS = 3  # before or after the opening, between the risk and the question, after the question
_GAP_ROOM = len(GAP.format(MAX_INPUT_CHARS)) + 1
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_LINE = re.compile(r"[^\n]+")
_WORD_ROOM = 40  # how far back (or on) a cut looks for a space, so as not to cut a word
_SENTENCE_ROOM = 200  # how far back a piece's end looks for a sentence's end first


def kept_of(typed: str) -> Redaction | None:
    """``typed`` redacted: whole within the limit (however much longer its placeholders make it); over it,
    cut to fit when it signals a risk now, else None (refused)."""
    if len(typed) <= MAX_QUESTION_CHARS:
        return redact_question(typed, PLACEHOLDER_GROWTH * len(typed))
    window = risk_window(typed)
    return urgent_cut(typed, window) if window else None


def kept_or_refused(typed: str) -> Redaction:
    """``typed`` redacted, whole within the limit; over it, ``QuestionTooLong``, unless it signals a risk now:
    a risk now is never refused, so it is cut to fit."""
    kept = kept_of(typed)
    if kept is None:
        raise QuestionTooLong(len(typed))
    return kept


def urgent_cut(typed: str, window: tuple[int, int], limit: int = MAX_QUESTION_CHARS) -> Redaction:
    """``typed`` redacted whole, then cut to ``limit`` characters around ``window`` (where the sentences
    that made it urgent are, in ``typed``) and its question, saying so."""
    redaction, places = redact_placed(typed[:MAX_INPUT_CHARS])
    text, where = redaction.text, _Positions(places)
    note = NOTE.format(len(typed))
    room = limit - len(note) - 1 - _MOST_GAPS * _GAP_ROOM
    risk = where.redacted(window[0], outward=False), where.redacted(window[1], outward=True)
    risk = (risk[0], where.end_before(text, min(risk[1], risk[0] + room)))
    pieces = [risk]
    question = _question(text, where, typed, room - _length(pieces))
    if question:
        pieces.append(question)
    opening = 0
    for _ in range(3):  # the opening takes the room left, more where it runs into the other pieces
        left = room - _length([*pieces, (0, opening)])
        if left <= _WORD_ROOM:
            break
        opening = where.end_before(text, opening + left)
    pieces.append((0, opening))
    return redaction._replace(text=_joined(text, where, _merged(pieces), len(typed)) + " " + note)


def _question(text: str, where: _Positions, typed: str, room: int) -> tuple[int, int] | None:
    """Where the asker's question is in ``text``, in at most ``room`` characters: from the last line with a
    "?" (else the last line) to the end, or from its sentence, or that sentence alone, or its end."""
    lines = [m.span() for m in _LINE.finditer(typed) if m.group().strip()]
    sentences = [m.span() for m in _SENTENCE.finditer(typed) if m.group().strip()]
    if not sentences:
        return None
    asked = [s for s in sentences if "?" in typed[s[0]:s[1]]] or sentences
    start, end = asked[-1]
    line = next((s for s, e in reversed(lines) if s <= start), start)
    start, end = where.redacted(start, outward=False), where.redacted(end, outward=True)
    for candidate in ((where.redacted(line, outward=False), len(text)), (start, len(text)), (start, end)):
        if candidate[1] - candidate[0] <= room:
            return candidate
    return (where.start_after(text, end - room), end) if room > _WORD_ROOM else None


def _length(pieces: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in _merged(pieces))


def _merged(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces in order, those that overlap or nearly touch (a gap shorter than its mark) made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(p for p in pieces if p[1] > p[0]):
        if merged and start <= merged[-1][1] + _GAP_ROOM:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _joined(text: str, where: _Positions, pieces: list[tuple[int, int]], typed_length: int) -> str:
    """The pieces of ``text``, with a gap's mark wherever something was left out (counted as typed)."""
    parts, at = [], 0
    for start, end in pieces:
        if start > at:
            parts.append(GAP.format(where.typed(start) - where.typed(at)))
        parts.append(text[start:end].strip())
        at = end
    if at < len(text):
        parts.append(GAP.format(typed_length - where.typed(at)))
    return " ".join(p for p in parts if p)


class _Positions:
    """Positions in the typed text and in its redacted copy, each to the other, from where each
    placeholder went: (start, end) in the typed text, then in the redacted one."""

    def __init__(self, places: list[tuple[int, int, int, int]]):
        self.places = places
        self.typed_starts = [p[0] for p in places]
        self.redacted_starts = [p[2] for p in places]

    def redacted(self, at: int, outward: bool) -> int:
        """Where typed position ``at`` is in the redacted text. Inside an identifier, the start of its
        placeholder, or its end when ``outward`` (the end of a piece), so the placeholder is kept whole."""
        i = bisect_left(self.typed_starts, at) - 1
        if i < 0:
            return at
        start, end, r_start, r_end = self.places[i]
        if at < end:
            return r_end if outward else r_start
        return at - end + r_end

    def typed(self, at: int) -> int:
        """Where redacted position ``at`` (never inside a placeholder) was in the typed text."""
        i = bisect_left(self.redacted_starts, at) - 1
        if i < 0:
            return at
        start, end, r_start, r_end = self.places[i]
        return start if at < r_end else at - r_end + end

    def _placeholder_around(self, at: int) -> tuple[int, int] | None:
        i = bisect_left(self.redacted_starts, at) - 1
        if i >= 0 and at < self.places[i][3]:
            return self.places[i][2], self.places[i][3]
        return None

    def end_before(self, text: str, at: int) -> int:
        """A place to end a piece at or before ``at``: never in a placeholder, at a space when one is near."""
        at = min(at, len(text))
        inside = self._placeholder_around(at)
        if inside:
            return inside[0]
        if at == len(text) or text[at].isspace() or text[at - 1].isspace():
            return at
        sentence_end = max(text.rfind(f"{stop} ", max(at - _SENTENCE_ROOM, 0), at) for stop in ".!?")
        if sentence_end > 0 and not self._placeholder_around(sentence_end):
            return sentence_end + 1
        space = max(text.rfind(" ", max(at - _WORD_ROOM, 0), at), text.rfind("\n", max(at - _WORD_ROOM, 0), at))
        return space if space > 0 and not self._placeholder_around(space) else at

    def start_after(self, text: str, at: int) -> int:
        """A place to start a piece at or after ``at``: never in a placeholder, after a space when one is near."""
        at = max(at, 0)
        inside = self._placeholder_around(at)
        if inside:
            at = inside[1]
        space = text.find(" ", at, at + _WORD_ROOM)
        return space + 1 if space != -1 and not self._placeholder_around(space) else at
