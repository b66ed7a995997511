"""A reopened escalation as advisors see it until it is answered again: who reopened it, and the answer
the asker already received (the card, the answer pop-up and App Home), so that the advisor who picks it
up knows what the asker was told."""

from __future__ import annotations

from bot.mrkdwn import escape_user_text
from bot.records import CLAIMED, OPEN, Escalation
from bot.slack.blocks.kit import clip, context, quoted, slack_date, whole_text_sections


def is_reopened(escalation: Escalation) -> bool:
    """Reopened and not answered again since (a new answer replaces what the asker was told)."""
    return bool(escalation.reopened_at) and escalation.state in (OPEN, CLAIMED)


def reopened_by_text(escalation: Escalation) -> str:
    who = f" by <@{escalation.reopened_by}>" if escalation.reopened_by else ""
    return f":arrows_counterclockwise: *Reopened*{who} {slack_date(escalation.reopened_at)}"


def earlier_answer_head(escalation: Escalation) -> str:
    return (f"*The asker already received this answer* (from <@{escalation.answered_by}> "
            f"{slack_date(escalation.answered_at)}):")


def reopened_blocks(escalation: Escalation) -> list[dict]:
    """For the card and the answer pop-up: who reopened it, and the earlier answer whole."""
    if not is_reopened(escalation):
        return []
    blocks = [context(reopened_by_text(escalation))]
    if escalation.answer:
        blocks += whole_text_sections(escape_user_text(escalation.answer), earlier_answer_head(escalation), quote=True)
    return blocks


def reopened_lines(escalation: Escalation, limit: int = 300) -> str:
    """For App Home's list (no room there for the whole answer): the same, the answer shortened."""
    if not is_reopened(escalation):
        return ""
    text = "\n" + reopened_by_text(escalation)
    if escalation.answer:
        text += f"\n{earlier_answer_head(escalation)}\n{quoted(clip(escape_user_text(escalation.answer), limit))}"
    return text
