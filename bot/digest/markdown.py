"""The digest as Markdown (``canishare digest``)."""

from __future__ import annotations

import re

from bot.digest.decisions import decision_lines
from bot.digest.figures import Digest
from bot.digest.wording import (
    PRIVACY_NOTE,
    day,
    group_line,
    group_tail,
    law_change_line,
    oldest_line,
    place_lines,
    question_rows,
    queue_rows,
    rising_line,
    span,
    unpicked_note,
)
from bot.mrkdwn import escape_user_text

# What Markdown would read as markup inside a line of text people typed: emphasis, code, links and
# images (an escaped "[" leaves "(", ")" and "!" plain), strikethrough, table cells, HTML. Escaped with a
# backslash (HTML's three with entities, and broadcasts defused, as for Slack: the Markdown is also pasted
# there), so that a quote reads as typed and cannot link or load anything when the digest is viewed.
# Every such text sits after a list marker, so line-start markup cannot arise.
_MARKUP = re.compile(r"([\\`*_\[\]~|])")


def markdown_text(value: str) -> str:
    """Text someone typed, as literal Markdown."""
    return _MARKUP.sub(r"\\\1", escape_user_text(value))


def render_markdown(d: Digest) -> str:
    esc = markdown_text
    out = [f"# canishare weekly digest: {span(d)}", ""]
    table = ["| | This week | Week before | Change |", "|---|---:|---:|---:|"]
    out += ["## Questions", ""] + table
    out += [f"| {label} | {now} | {before} | {change} |" for label, now, before, change in question_rows(d)]
    if d.trend:
        out += ["", f"## The last {len(d.trend)} weeks", "", "| Week | Asked | Escalated |", "|---|---:|---:|"]
        out += [f"| {t.week} | {t.asked:,} | {t.escalated:,} |" for t in d.trend]
    out += ["", "## Advisor queue", ""] + table
    out += [f"| {label} | {now} | {before} | {change} |" for label, now, before, change in queue_rows(d)]
    if d.oldest_open:
        out += ["", "Oldest open escalations:"] + [f"- {oldest_line(e)}" for e in d.oldest_open]
    out += ["", "## Most asked topics", ""]
    if d.topics:
        out += [f"{n}. `{t.faq_id}` {esc(t.title) if t.title else '(no longer in the FAQ)'}: "
                f"{t.count} (week before {t.previous_count})" for n, t in enumerate(d.topics, 1)]
    else:
        out.append("No questions were answered from the FAQ this week.")
    if unpicked_note(d):
        out += ["", unpicked_note(d)]
    out += ["", "## Topics rising most (against their average of the weeks before)", ""]
    if d.rising:
        out += [f"{n}. {rising_line(r, esc)}" for n, r in enumerate(d.rising, 1)]
    else:
        out.append("No topic was asked about much more than usual this week.")
    out += ["", "## Where questions came from", ""]
    places = place_lines(d.places, lambda channel: f"channel `{channel}`")
    out += [f"- {line}" for line in places] if places else ["No questions this week."]
    for heading, summary, empty in (
        ("Most common questions", d.common, "No two questions were alike this week."),
        ("Questions the FAQ missed (candidates for new entries)", d.missed,
         "No group of questions the FAQ could not answer this week."),
    ):
        out += ["", f"## {heading}", ""]
        if summary.groups:
            out += [f"{n}. {group_line(g, esc)}" for n, g in enumerate(summary.groups, 1)]
        else:
            out.append(empty)
        tail = group_tail(summary)
        if tail:
            out += ["", tail]
    out += ["", "## Entries rated not helpful", ""]
    if d.unhelpful:
        out += [f"- `{r.faq_id}` {esc(r.title) if r.title else '(no longer in the FAQ)'}: "
                f"{r.not_helpful} not helpful, {r.helpful} helpful" for r in d.unhelpful]
    else:
        out.append("None this week.")
    out += ["", f"## Entries overdue for review (last reviewed before {day(d.review_cutoff)})", ""]
    if d.overdue:
        out += [f"- `{e.faq_id}` last reviewed {e.last_reviewed.isoformat()}: {esc(e.title)}" for e in d.overdue]
    else:
        out.append("None: every entry was reviewed in the last 12 months.")
    out += ["", "## Decision records", ""] + decision_lines(d.decisions, esc)
    out += ["", "## Law changes due", ""]
    if d.law_changes:
        out += [f"- {law_change_line(c, esc)}" for c in d.law_changes]
    else:
        out.append("None: no pending change in the law that an entry watches has come due without a review.")
    out += ["", f"_{PRIVACY_NOTE}_"]
    return "\n".join(out) + "\n"
