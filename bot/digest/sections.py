"""The digest's sections, built once for every rendering: each has its title, its lines, what it says
when it has none, and whether Slack's main message shows it (with shorter lines there) or only the
thread. The Markdown, JSON and Block Kit renderings only format this list, so a figure shown in one is
shown in all, in the same words. What needs attention comes first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from bot.digest.decisions import decision_lines
from bot.digest.figures import REVIEW_AFTER_MONTHS, Digest, PlaceCount
from bot.digest.ratings import UNHELPFUL_HIGH_RATE, UNHELPFUL_MIN_RATINGS
from bot.digest.wording import (
    change,
    day,
    group_line,
    group_tail,
    law_change_line,
    oldest_line,
    place_lines,
    plural,
    question_rows,
    queue_rows,
    rising_line,
    titled,
    trend_lines,
    unhelpful_line,
    unpicked_note,
    volume_line,
)

MAIN_QUOTE_CHARS = 120  # a quote in Slack's main message (read on a phone); the thread has it whole
MAIN_TOPICS = 5
MAIN_RISING = 3
MAIN_GROUPS = 3
FIGURE_HEADINGS = ("", "This week", "Week before", "Change")


@dataclass(frozen=True)
class Section:
    key: str  # stable, for the JSON and tests
    title: str
    lines: tuple[str, ...] = ()
    empty: str = ""  # said instead of the lines when there are none
    intro: tuple[str, ...] = ()  # said before the lines, whether or not there are any
    notes: tuple[str, ...] = ()  # said after them
    numbered: bool = False
    main: bool = False  # also in Slack's main message (the thread has every section)
    main_lines: tuple[str, ...] | None = None  # the main message's shorter lines (None: the same lines)
    headings: tuple[str, ...] = ()  # a table's column headings: ``rows`` are its cells (Markdown shows a table)
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def shown_lines(self) -> tuple[str, ...]:
        """Every line as read in a list: intro, the lines (numbered if so) or what to say when empty, notes."""
        body = tuple(f"{n}. {line}" for n, line in enumerate(self.lines, 1)) if self.numbered else self.lines
        return self.intro + (body or ((self.empty,) if self.empty else ())) + self.notes

    @property
    def shown_main_lines(self) -> tuple[str, ...]:
        if self.main_lines is None:
            return self.shown_lines
        body = self.main_lines
        if self.numbered:
            body = tuple(f"{n}. {line}" for n, line in enumerate(body, 1))
        return self.intro + (body or ((self.empty,) if self.empty else ()))


def _figure_lines(rows) -> tuple[str, ...]:
    return tuple(f"{label}: {now} · week before {before}" for label, now, before, _ in rows)


def channel_id(place: PlaceCount) -> str:
    return f"channel `{place.channel}`"


def channel_named(place: PlaceCount) -> str:
    return f"#{place.name}" if place.name else channel_id(place)


def attention_lines(d: Digest) -> tuple[str, ...]:
    t, p = d.this_week, d.previous_week
    lines = []
    if t.urgent_open_at_end or t.urgent_asked:
        lines.append(f"{plural(t.urgent_open_at_end, 'urgent escalation')} unanswered at the end of the week "
                     f"({plural(t.urgent_asked, 'urgent question')} asked, "
                     f"{plural(t.urgent_escalations_opened, 'urgent escalation')} opened this week)")
    if t.escalations_open_at_end or p.escalations_open_at_end:
        lines.append(f"{plural(t.escalations_open_at_end, 'escalation')} open at the end of the week "
                     f"({change(t.escalations_open_at_end, p.escalations_open_at_end)} on the week before)")
    if d.longest_open_days is not None:
        lines.append(f"Longest waiting: open {d.longest_open_days:g} days")
    if d.unhelpful.high:
        lines.append(f"{plural(d.unhelpful.high, 'entry', 'entries')} rated not helpful by at least "
                     f"{round(100 * UNHELPFUL_HIGH_RATE)}% of {UNHELPFUL_MIN_RATINGS} or more raters "
                     f"({plural(d.unhelpful.entries, 'entry', 'entries')} rated not helpful at all)")
    if d.law_changes:
        lines.append(f"{plural(len(d.law_changes), 'law change')} due: review the entries that watch them")
    if d.proposals.not_drafted:
        lines.append(_proposals_line(d))
    if d.overdue:
        lines.append(f"{plural(len(d.overdue), 'entry', 'entries')} overdue for review")
    return tuple(lines)


def _proposals_line(d: Digest) -> str:
    return (f"{plural(d.proposals.not_drafted, 'advisor answer')} proposed as new entries and not drafted yet "
            f"({d.proposals.this_week:,} proposed this week): run `canishare faq drafts`")


def _groups(key: str, title: str, summary, esc, empty: str, notes: tuple[str, ...] = ()) -> Section:
    tail = group_tail(summary)
    return Section(
        key, title, tuple(group_line(g, esc) for g in summary.groups), empty=empty,
        notes=((tail,) if tail else ()) + notes, numbered=True, main=bool(summary.groups),
        main_lines=tuple(group_line(g, esc, MAIN_QUOTE_CHARS) for g in summary.groups[:MAIN_GROUPS]),
    )


def build_sections(d: Digest, esc: Callable[[str], str] = lambda text: text,
                   channel: Callable[[PlaceCount], str] = channel_named,
                   channels_named_by_reader: bool = False) -> tuple[Section, ...]:
    """The digest's sections in reading order; ``esc`` escapes text people typed (and FAQ titles) for
    the format, ``channel`` writes a listed channel (``channels_named_by_reader``: the reader shows its
    name, as Slack does, so the ids need no note)."""
    t = d.this_week
    questions, queue = question_rows(d), queue_rows(d)
    places = place_lines(d.places, channel)
    oldest = tuple(oldest_line(e) for e in d.oldest_open)
    unlisted = t.escalations_open_at_end - len(oldest)
    unpicked = unpicked_note(d)
    return (
        Section("attention", "Needs attention", attention_lines(d), empty="Nothing this week.", main=True),
        Section("questions", "Questions", _figure_lines(questions), main=True,
                headings=FIGURE_HEADINGS, rows=tuple(questions)),
        Section("queue", "Advisor queue", _figure_lines(queue), main=True,
                main_lines=_figure_lines(queue[:5]), headings=FIGURE_HEADINGS, rows=tuple(queue)),
        Section("open_escalations", "Open escalations when the week ended (urgent first, then the oldest)",
                oldest, empty="None.", notes=(f"…and {unlisted:,} more.",) if oldest and unlisted > 0 else ()),
        Section("trend", f"The last {len(d.trend)} weeks", tuple(
            f"{w.week}: {w.asked:,} asked, {w.escalated:,} escalations opened" for w in d.trend),
            main=bool(d.trend), main_lines=tuple(trend_lines(d)), headings=("Week", "Asked", "Escalations opened"),
            rows=tuple((w.week, f"{w.asked:,}", f"{w.escalated:,}") for w in d.trend)),
        Section("topics", "Most asked topics", tuple(
            f"{titled(tp.faq_id, tp.title, esc)}: {tp.count:,} (week before {tp.previous_count:,})" for tp in d.topics),
            empty="No questions were answered from the FAQ this week.", notes=(unpicked,) if unpicked else (),
            numbered=True, main=bool(d.topics), main_lines=tuple(
                f"`{tp.faq_id}`: {tp.count:,} (week before {tp.previous_count:,})" for tp in d.topics[:MAIN_TOPICS])),
        Section("rising", "Topics rising (a larger share of the questions than in the weeks before)",
                tuple(rising_line(r, esc) for r in d.rising), intro=(volume_line(d.volume),),
                empty=("No topic took a larger share of the questions than in the weeks before, beyond chance."
                       if d.volume is not None else ""),
                numbered=True, main=True,
                main_lines=tuple(rising_line(r, esc, with_title=False) for r in d.rising[:MAIN_RISING])),
        Section("places", "Where questions came from", tuple(places), empty="No questions this week.",
                notes=() if channels_named_by_reader else _channel_note(d)),
        _groups("common", "Most common questions", d.common, esc, "No two questions were alike this week."),
        _groups("missed", "Questions the FAQ missed (candidates for new entries)", d.missed, esc,
                "No group of questions the FAQ could not answer this week.",
                (_proposals_line(d),) if d.proposals.not_drafted else ()),
        Section("unhelpful", "Entries rated not helpful (most clearly unhelpful first: the rate, allowing for "
                "few ratings)",
                tuple(unhelpful_line(r, esc) for r in d.unhelpful.listed), empty="None this week.",
                notes=(f"…and {plural(d.unhelpful.more, 'more entry', 'more entries')} rated not helpful.",)
                if d.unhelpful.more else ()),
        Section("decisions", "Decision records", tuple(decision_lines(d.decisions, esc))),
        Section("overdue", f"Entries overdue for review (last reviewed before {day(d.review_cutoff)})"
                if d.review_cutoff else "Entries overdue for review", tuple(
                    f"`{e.faq_id}` last reviewed {e.last_reviewed.isoformat()}: {esc(e.title)}" for e in d.overdue),
                empty=f"None: every entry was reviewed in the last {REVIEW_AFTER_MONTHS} months."),
        Section("law_changes", "Law changes due", tuple(law_change_line(c, esc) for c in d.law_changes),
                empty="None: no pending change in the law that an entry watches has come due without a review."),
    )


def _channel_note(d: Digest) -> tuple[str, ...]:
    if d.channel_names or not d.places.listed or not any(p.channel for p in d.places.listed):
        return ()
    return ("Channels are given by their Slack channel id (the digest was built without a Slack token, "
            "SLACK_BOT_TOKEN, to look their names up): a channel's details in Slack show its id.",)
