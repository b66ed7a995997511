"""The weekly digest as Slack Block Kit: a main message (figures, top topics and groups) and the
details for a thread reply, each within Slack's limits for one message."""

from __future__ import annotations

import re
from typing import Iterable

from bot.digest.decisions import decision_lines
from bot.digest.figures import Digest
from bot.digest.wording import (
    PRIVACY_NOTE,
    day,
    duration,
    group_line,
    group_tail,
    law_change_line,
    oldest_line,
    place_lines,
    queue_rows,
    rising_line,
    share,
    trend_lines,
    unpicked_note,
)
from bot.mrkdwn import escape_user_text
from bot.slack.blocks.kit import HEADER_LIMIT, SECTION_LIMIT, clip, context, divider, header, mrkdwn, section

# Slack's limits for one message (https://api.slack.com/reference/block-kit/blocks).
MAX_BLOCKS = 50
MAX_SECTION_TEXT = SECTION_LIMIT
MAX_HEADER_TEXT = HEADER_LIMIT
MAX_CONTEXT_ELEMENTS = 10
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000


def _lines_section(title: str, lines: Iterable[str]) -> dict:
    """One section: a bold title and lines, cut at a whole line to stay within Slack's limit."""
    text = f"*{title}*"
    lines = list(lines)
    for n, line in enumerate(lines):
        more = f"\n…and {len(lines) - n} more"
        if len(text) + 1 + len(line) + len(more) > MAX_SECTION_TEXT:
            text += more
            break
        text += "\n" + line
    return section(text)


def channel_ref(channel: str) -> str:
    """A channel as Slack shows it (its name, linked); anything that is not a channel id, escaped."""
    return f"<#{channel}>" if re.fullmatch(r"[A-Z0-9]{2,30}", channel) else escape_user_text(channel)


def summary_text(d: Digest) -> str:
    """The message's plain-text fallback (notifications, screen readers)."""
    t = d.this_week
    return (f"canishare weekly digest {d.week}: {t.asked} questions, {t.answered_by_faq} answered by the FAQ, "
            f"{t.escalations_opened} escalations opened, {t.escalations_answered} answered.")


def render_blocks(d: Digest, main_groups: int = 5) -> tuple[list[dict], list[dict]]:
    """(main message, thread reply) as Block Kit blocks, each within Slack's limits."""
    esc = escape_user_text
    t = d.this_week
    main: list[dict] = [
        header(f"canishare weekly digest {d.week}", emoji=False),
        context(f"{day(d.first_day)} to {day(d.last_day)} (Europe/London). Week-before figures in brackets."),
    ]
    p = d.previous_week
    fields = [
        f"*Questions asked*\n{t.asked} ({p.asked})",
        f"*Answered by the FAQ*\n{t.answered_by_faq}{share(t.answered_by_faq, t.asked)} ({p.answered_by_faq})",
        f"*Suggested (picked) / no entry fits*\n{t.suggested} ({t.suggestions_picked}) / {t.escalated} "
        f"({p.suggested} ({p.suggestions_picked}) / {p.escalated})",
        f"*Helpful / not helpful*\n{t.helpful} / {t.not_helpful} ({p.helpful} / {p.not_helpful})",
        f"*Escalations opened / answered*\n{t.escalations_opened} / {t.escalations_answered} "
        f"({p.escalations_opened} / {p.escalations_answered})",
        f"*Open at the end of the week*\n{t.escalations_open_at_end} ({p.escalations_open_at_end})",
        f"*Time to first advisor answer*\nmedian {duration(t.median_hours_to_answer)}, "
        f"90% within {duration(t.p90_hours_to_answer)}",
    ]
    main.append({"type": "section", "fields": [mrkdwn(clip(f, MAX_FIELD_TEXT)) for f in fields[:MAX_FIELDS]]})
    if d.trend:
        main.append(_lines_section(f"The last {len(d.trend)} weeks (oldest first)", trend_lines(d)))
    main.append(divider())
    if d.topics:
        main.append(_lines_section("Most asked topics", (
            f"{n}. `{tp.faq_id}`: {tp.count} ({tp.previous_count})"
            for n, tp in enumerate(d.topics[:5], 1))))
    if d.rising:
        main.append(_lines_section("Rising most against their average", (
            f"{n}. {rising_line(r, esc, with_title=False)}" for n, r in enumerate(d.rising[:3], 1))))
    for title, summary in (("Most common questions", d.common), ("Questions the FAQ missed", d.missed)):
        if summary.groups:
            main.append(_lines_section(title, (f"{n}. {group_line(g, esc)}"
                                               for n, g in enumerate(summary.groups[:main_groups], 1))))
    attention = []
    if d.unhelpful:
        attention.append(f"{len(d.unhelpful)} entr{'y' if len(d.unhelpful) == 1 else 'ies'} rated not helpful")
    if d.overdue:
        attention.append(f"{len(d.overdue)} entr{'y' if len(d.overdue) == 1 else 'ies'} overdue for review")
    if d.oldest_open:
        attention.append(f"oldest open escalation {d.oldest_open[0].days_open:g} days")
    if d.law_changes:
        attention.append(f"{len(d.law_changes)} law change{'s' if len(d.law_changes) != 1 else ''} due")
    main.append(context(("Needs attention: " + "; ".join(attention) + ". " if attention else "")
                        + "Details in the thread. " + PRIVACY_NOTE))

    thread: list[dict] = [section(f"*Details for {d.week}*")]
    queue = [f"{label}: {now} (week before {before})" for label, now, before, _ in queue_rows(d)]
    thread.append(_lines_section("Advisor queue", queue))
    if d.oldest_open:
        thread.append(_lines_section("Oldest open escalations", (oldest_line(e) for e in d.oldest_open)))
    if d.trend:
        thread.append(_lines_section(f"The last {len(d.trend)} weeks: asked / escalated", (
            f"{t.week}: {t.asked:,} / {t.escalated:,}" for t in d.trend)))
    if d.topics:
        thread.append(_lines_section("Most asked topics", [
            *(f"{n}. `{tp.faq_id}` {esc(tp.title) if tp.title else '(no longer in the FAQ)'}: {tp.count} "
              f"(week before {tp.previous_count})" for n, tp in enumerate(d.topics, 1)),
            *([unpicked_note(d)] if unpicked_note(d) else [])]))
    if d.rising:
        thread.append(_lines_section("Topics rising most against their average of the weeks before", (
            f"{n}. {rising_line(r, esc)}" for n, r in enumerate(d.rising, 1))))
    places = place_lines(d.places, channel_ref)
    if places:
        thread.append(_lines_section("Where questions came from", places))
    for title, summary in (("Most common questions", d.common),
                           ("Questions the FAQ missed (candidates for new entries)", d.missed)):
        lines = [f"{n}. {group_line(g, esc)}" for n, g in enumerate(summary.groups, 1)]
        tail = group_tail(summary)
        if lines or tail:
            thread.append(_lines_section(title, lines + ([tail] if tail else [])))
    if d.unhelpful:
        thread.append(_lines_section("Entries rated not helpful", (
            f"`{r.faq_id}` {esc(r.title) if r.title else '(no longer in the FAQ)'}: {r.not_helpful} not helpful, "
            f"{r.helpful} helpful" for r in d.unhelpful)))
    thread.append(_lines_section("Decision records", decision_lines(d.decisions, esc)))
    thread.append(_lines_section(
        f"Entries overdue for review (last reviewed before {day(d.review_cutoff)})",
        [f"`{e.faq_id}` {e.last_reviewed.isoformat()}: {esc(e.title)}" for e in d.overdue] or ["None."],
    ))
    if d.law_changes:
        thread.append(_lines_section("Law changes due", (law_change_line(c, esc) for c in d.law_changes)))
    return main[:MAX_BLOCKS], thread[:MAX_BLOCKS]
