"""The digest's wording, shared by its renderings (Markdown here, Block Kit in ``bot.slack``)."""

from __future__ import annotations

import datetime as dt

from bot.digest.figures import (
    CHANNEL_MIN_ASKERS,
    Digest,
    GroupSummary,
    LawChangeDue,
    OpenEscalation,
    Places,
    QuestionGroup,
)
from bot.digest.quoting import QUOTE_MAX_CHARS, QUOTE_MIN_ASKERS
from bot.digest.ratings import EntryRating
from bot.digest.rising import RisingTopic, Volume

SPARK_BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"  # ▁▂▃▄▅▆▇█
DIRECT_MESSAGES = "Direct messages and App Home"


def day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def span(d: Digest) -> str:
    return f"{d.week} ({day(d.first_day)} to {day(d.last_day)})"


def week_span(d: Digest) -> str:
    """The week as dates a reader knows: 'Mon 16 to Sun 22 November 2026', 'Mon 30 November to Sun 6 December
    2026' (not its ISO number, 2026-W47)."""
    first, last = d.first_day, d.last_day
    if first.year != last.year:
        return f"{day(first)} to {day(last)}"
    start = f"{first:%a} {first.day}" + ("" if first.month == last.month else f" {first:%B}")
    return f"{start} to {last:%a} {last.day} {last:%B %Y}"


def duration(hours: float | None) -> str:
    """'45 minutes', '28 hours', '1.5 hours', '2.5 days': words a screen reader says as they are meant."""
    if hours is None:
        return "-"
    if hours < 1:
        return _amount(max(1, round(hours * 60)), "minute")
    if hours < 48:
        return _amount(round(hours, 1), "hour")
    return _amount(round(hours / 24, 1), "day")


def _amount(value: float, unit: str) -> str:
    return f"{value:g} {unit}{'' if value == 1 else 's'}"


def change(now: int, before: int) -> str:
    diff = now - before
    return "same" if diff == 0 else f"{diff:+d}"


def percent(part: int, whole: int, of: str = "") -> str:
    """" (38%)" or, naming the base, " (38% of suggested)"; nothing when the base is 0."""
    return f" ({round(100 * part / whole)}%{' of ' + of if of else ''})" if whole else ""


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def question_rows(d: Digest) -> list[tuple[str, str, str, str]]:
    """(label, this week, week before, change) for the question figures; a share is of all questions
    asked unless it names its base."""
    t, p = d.this_week, d.previous_week
    rows = [
        ("Questions asked", t.asked, p.asked, None),
        ("People asking", t.askers, p.askers, None),
        ("Answered by the FAQ", t.answered_by_faq, p.answered_by_faq, (t.asked, "")),
        ("Suggested entries (did you mean)", t.suggested, p.suggested, (t.asked, "")),
        ("Suggested, and the asker picked one", t.suggestions_picked, p.suggestions_picked, (t.suggested, "suggested")),
        ("No entry fitted (offered to an advisor)", t.escalated, p.escalated, (t.asked, "")),
        ("Urgent (a risk of harm now)", t.urgent_asked, p.urgent_asked, (t.asked, "")),
        ("Rated helpful", t.helpful, p.helpful, None),
        ("Rated not helpful", t.not_helpful, p.not_helpful, None),
    ]
    return [(label, f"{now:,}{percent(now, *base) if base else ''}", f"{before:,}", change(now, before))
            for label, now, before, base in rows]


def unpicked_note(d: Digest) -> str:
    """Why suggestions nobody picked are not among the topics (their best entry is only a guess)."""
    unpicked = d.this_week.suggested - d.this_week.suggestions_picked
    if not unpicked:
        return ""
    return (f"Not counted under any entry: {unpicked} question{'s' if unpicked != 1 else ''} given "
            "suggestions the asker did not pick (they are among the questions the FAQ missed).")


def queue_rows(d: Digest) -> list[tuple[str, str, str, str]]:
    """(label, this week, week before, change) for the advisor queue."""
    t, p = d.this_week, d.previous_week
    counts = [
        ("Escalations opened", t.escalations_opened, p.escalations_opened),
        ("… of them urgent", t.urgent_escalations_opened, p.urgent_escalations_opened),
        ("Answered by an advisor (first answer)", t.escalations_answered, p.escalations_answered),
        ("Still open at the end of the week", t.escalations_open_at_end, p.escalations_open_at_end),
        ("… of them urgent", t.urgent_open_at_end, p.urgent_open_at_end),
    ]
    rows = [(label, f"{now:,}", f"{before:,}", change(now, before)) for label, now, before in counts]
    rows.append(("Median time to first answer", duration(t.median_hours_to_answer),
                 duration(p.median_hours_to_answer), ""))
    rows.append(("90% first answered within", duration(t.p90_hours_to_answer), duration(p.p90_hours_to_answer), ""))
    if t.median_working_hours_to_answer is not None or p.median_working_hours_to_answer is not None:
        rows.append(("… counting the advisors' working hours only", duration(t.median_working_hours_to_answer),
                     duration(p.median_working_hours_to_answer), ""))
        rows.append(("90% first answered within (working hours)", duration(t.p90_working_hours_to_answer),
                     duration(p.p90_working_hours_to_answer), ""))
    return rows


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def group_line(g: QuestionGroup, esc, quote_limit: int = QUOTE_MAX_CHARS) -> str:
    people = f"{g.questions} questions from {g.askers} {'person' if g.askers == 1 else 'people'}"
    if g.quoted:
        return f"\u201c{esc(shortened(g.text, quote_limit))}\u201d ({people})"
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
    return f"#{e.id}: open {e.days_open:g} days, {flags}"


def sparkline(values: list[int] | tuple[int, ...]) -> str:
    """One bar per value from the lowest (▁) to the highest (█) of them, as sparklines are drawn; the
    middle bar throughout when all are equal (the lowest when all are 0)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK_BARS[0 if high == 0 else 3] * len(values)
    top = len(SPARK_BARS) - 1
    return "".join(SPARK_BARS[round((v - low) / (high - low) * top)] for v in values)


def trend_lines(d: Digest) -> list[str]:
    """The trend as two sparklines with this week's figure and the range they span (for Slack)."""
    if not d.trend:
        return []
    lines = []
    for label, values in (("Asked", [t.asked for t in d.trend]),
                          ("Escalations opened", [t.escalated for t in d.trend])):
        lines.append(f"{label}: {values[-1]:,} this week (from {min(values):,} to {max(values):,} a week) "
                     f"`{sparkline(values)}`")  # after the figures: a screen reader reads it as eight bars
    return lines


def titled(faq_id: str, title: str | None, esc) -> str:
    return f"`{faq_id}` {esc(title) if title else '(no longer in the FAQ)'}"


def rising_line(r: RisingTopic, esc, with_title: bool = True) -> str:
    name = titled(r.faq_id, r.title, esc) if with_title else f"`{r.faq_id}`"
    return (f"{name}: {r.count:,} this week where its share of the weeks before gives {r.expected:g} "
            f"(it averaged {r.average:g} a week)")


def volume_line(v: Volume | None) -> str:
    """The week's questions against the average week before: a busier week alone raises no topic."""
    if v is None:
        return "No earlier week to compare with."
    change_percent = v.change_percent
    if change_percent is None:
        return f"Questions overall: {v.asked:,} this week; none in the {plural(v.weeks, 'week')} before."
    how = "busier" if change_percent > 0 else "quieter" if change_percent < 0 else "as busy"
    return (f"Questions overall: {v.asked:,} this week against {v.average:,g} in an average week of the "
            f"{plural(v.weeks, 'week')} before "
            f"({change_percent:+d} %, {how}); a topic is rising when its share of the questions grew beyond chance.")


def unhelpful_line(r: EntryRating, esc) -> str:
    return (f"{titled(r.faq_id, r.title, esc)}: {round(100 * r.rate)}% not helpful "
            f"({r.not_helpful} of {plural(r.ratings, 'rating')})")


def place_lines(p: Places, channel) -> list[str]:
    """Where questions came from; ``channel(place)`` writes a channel (a ``PlaceCount``) for the rendering."""
    lines = [f"{channel(c) if c.channel else DIRECT_MESSAGES}: {c.questions:,}" for c in p.listed]
    if p.other_questions:
        where = " and ".join(part for part in (
            f"{p.other_channels} other channel{'s' if p.other_channels != 1 else ''}" if p.other_channels else "",
            "elsewhere" if p.other_direct_messages else "") if part)
        lines.append(f"{where} (fewer than {CHANNEL_MIN_ASKERS} people each, or not in the top ones): "
                     f"{p.other_questions:,}")
    return lines


def law_change_line(c: LawChangeDue, esc) -> str:
    return f"`{c.faq_id}` {esc(c.what)} (expected {c.expected.isoformat()}; {esc(c.source)})"


PRIVACY_NOTE = (f"Question text is redacted, and quoted only for questions at least {QUOTE_MIN_ASKERS} "
                f"people asked; a channel is named only where at least {CHANNEL_MIN_ASKERS} people asked, "
                "and direct messages are counted together; nobody is named.")
