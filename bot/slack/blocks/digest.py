"""The weekly digest as Slack Block Kit: its sections (``bot.digest.sections``) formatted as a main
message (what needs attention, then the figures, top topics and groups, short enough for a phone) and
a thread reply with every section in full, each within Slack's limits for one message."""

from __future__ import annotations

import re
from typing import Iterable

from bot.digest.figures import Digest, PlaceCount
from bot.digest.sections import build_sections
from bot.digest.wording import PRIVACY_NOTE, plural, week_span
from bot.mrkdwn import escape_user_text
from bot.slack.blocks.kit import SECTION_LIMIT, context, header, section

# Slack's limits for one message (https://api.slack.com/reference/block-kit/blocks).
MAX_BLOCKS = 50
MAX_SECTION_TEXT = SECTION_LIMIT


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


def channel_ref(place: PlaceCount | str) -> str:
    """A channel as Slack shows it (its name, linked); anything that is not a channel id, escaped."""
    channel = place.channel if isinstance(place, PlaceCount) else place
    return f"<#{channel}>" if re.fullmatch(r"[A-Z0-9]{2,30}", channel) else escape_user_text(channel)


def summary_text(d: Digest) -> str:
    """The message's plain-text fallback (notifications, screen readers)."""
    t = d.this_week
    urgent = f"{plural(t.urgent_open_at_end, 'urgent escalation')} unanswered, " if t.urgent_open_at_end else ""
    waiting = t.escalations_open_at_end - t.urgent_open_at_end
    others = "other escalation" if t.urgent_open_at_end else "escalation"
    waiting_text = f"{plural(waiting, others)} still open, " if waiting else ""
    return (f"canishare weekly digest, {week_span(d)}: {urgent}{waiting_text}{plural(t.asked, 'question')} asked, "
            f"{t.answered_by_faq:,} answered by the FAQ, {plural(t.escalations_opened, 'escalation')} opened, "
            f"{t.escalations_answered:,} answered.")


def details_text(d: Digest) -> str:
    """The thread reply's plain-text fallback: which week's details these are, as dates."""
    return f"Details of the canishare weekly digest, {week_span(d)}."


def render_blocks(d: Digest) -> tuple[list[dict], list[dict]]:
    """(main message, thread reply) as Block Kit blocks, each within Slack's limits."""
    sections = build_sections(d, escape_user_text, channel_ref, channels_named_by_reader=True)
    main: list[dict] = [
        header(f"canishare weekly digest: {week_span(d)}", emoji=False),
        context(f"Week {d.week} (Europe/London)."),
    ]
    main += [_lines_section(s.title, s.shown_main_lines) for s in sections if s.main]
    main.append(context("Details in the thread. " + PRIVACY_NOTE))
    thread = [section(f"*Details for {week_span(d)}*")]
    thread += [_lines_section(s.title, s.shown_lines) for s in sections if s.shown_lines]
    return main[:MAX_BLOCKS], thread[:MAX_BLOCKS]
