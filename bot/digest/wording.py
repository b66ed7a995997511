"""The digest's wording, shared by its renderings (Markdown here, Block Kit in ``bot.slack``)."""

from __future__ import annotations

import datetime as dt

from bot.digest.figures import Digest, GroupSummary, OpenEscalation, QuestionGroup
from bot.digest.quoting import QUOTE_MIN_ASKERS


def day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def span(d: Digest) -> str:
    return f"{d.week} ({day(d.first_day)} to {day(d.last_day)})"


def duration(hours: float | None) -> str:
    if hours is None:
        return "-"
    if hours < 1:
        return f"{max(1, round(hours * 60))} min"
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} days"


def change(now: int, before: int) -> str:
    diff = now - before
    return "same" if diff == 0 else f"{diff:+d}"


def share(part: int, whole: int) -> str:
    return f", {round(100 * part / whole)}%" if whole else ""


def percent(part: int, whole: int) -> str:
    return f" ({round(100 * part / whole)}%)" if whole else ""


def question_rows(d: Digest) -> list[tuple[str, str, str, str]]:
    """(label, this week, week before, change) for the question figures."""
    t, p = d.this_week, d.previous_week
    rows = [
        ("Questions asked", t.asked, p.asked, False),
        ("People asking", t.askers, p.askers, False),
        ("Answered by the FAQ", t.answered_by_faq, p.answered_by_faq, True),
        ("Suggested entries (did you mean)", t.suggested, p.suggested, True),
        ("No entry fits (escalated)", t.escalated, p.escalated, True),
        ("Rated helpful", t.helpful, p.helpful, False),
        ("Rated not helpful", t.not_helpful, p.not_helpful, False),
    ]
    return [(label, f"{now}{percent(now, t.asked) if share else ''}", str(before), change(now, before))
            for label, now, before, share in rows]


def queue_rows(d: Digest) -> list[tuple[str, str, str, str]]:
    """(label, this week, week before, change) for the advisor queue."""
    t, p = d.this_week, d.previous_week
    counts = [
        ("Escalations opened", t.escalations_opened, p.escalations_opened),
        ("Answered by an advisor (first answer)", t.escalations_answered, p.escalations_answered),
        ("Still open at the end of the week", t.escalations_open_at_end, p.escalations_open_at_end),
    ]
    rows = [(label, str(now), str(before), change(now, before)) for label, now, before in counts]
    rows.append(("Median time to first answer", duration(t.median_hours_to_answer),
                 duration(p.median_hours_to_answer), ""))
    rows.append(("90% first answered within", duration(t.p90_hours_to_answer), duration(p.p90_hours_to_answer), ""))
    return rows


def group_line(g: QuestionGroup, esc) -> str:
    people = f"{g.questions} questions from {g.askers} {'person' if g.askers == 1 else 'people'}"
    if g.quoted:
        return f"\u201c{esc(g.text)}\u201d ({people})"
    return f"{people}, not quoted (fewer than {QUOTE_MIN_ASKERS} people asked)"


def group_tail(s: GroupSummary) -> str:
    parts = []
    if s.more_groups:
        parts.append(f"{s.more_groups} more group{'s' if s.more_groups != 1 else ''} of similar questions")
    if s.single_questions:
        parts.append(f"{s.single_questions} question{'s' if s.single_questions != 1 else ''} like no other")
    return ("Also: " + "; ".join(parts) + ".") if parts else ""


def oldest_line(e: OpenEscalation) -> str:
    flags = ", ".join(f for f in ("urgent" if e.urgent else "", "claimed" if e.claimed else "unclaimed") if f)
    return f"#{e.id}: open {e.days_open:g} days ({flags})"


PRIVACY_NOTE = (f"Question text is redacted, and quoted only for questions at least {QUOTE_MIN_ASKERS} "
                "people asked; nobody is named.")
