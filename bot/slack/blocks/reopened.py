"""A reopened escalation as advisors see it until it is answered again: who reopened it, and the earlier
answer with whether it reached the asker (the card, the answer pop-up and App Home), so that the advisor who picks it
up knows what the asker was told."""

from __future__ import annotations

from bot.mrkdwn import FORMER_ADVISOR, escape_mrkdwn, escape_user_text, mention
from bot.outbox import UNCERTAIN
from bot.records import CLAIMED, OPEN, Escalation
from bot.slack.blocks.kit import context, preview, quoted, slack_date, whole_text_sections
from bot.slack.blocks.undelivered import why_not_delivered


def is_reopened(escalation: Escalation) -> bool:
    """Reopened and not answered again since (a new answer replaces what the asker was told)."""
    return bool(escalation.reopened_at) and escalation.state in (OPEN, CLAIMED)


def reopened_by_text(escalation: Escalation) -> str:
    who = f" by {mention(escalation.reopened_by, FORMER_ADVISOR)}" if escalation.reopened_by else ""
    return f":arrows_counterclockwise: *Reopened*{who} {slack_date(escalation.reopened_at)}"


def earlier_answer_head(escalation: Escalation) -> str:
    """What the asker was told, as far as the bot knows: whether the earlier answer reached them."""
    by = f"(from {mention(escalation.answered_by, FORMER_ADVISOR)} {slack_date(escalation.answered_at)})"
    state, error = escalation.earlier_answer_delivery or (None, None)
    if state == "delivered":
        return f"*The asker received this answer* {by}:"
    if state == "pending":
        return f"*This answer has not reached the asker yet* {by}; a new answer replaces it if it still has not:"
    if state == "gave_up" and (error or "").startswith(UNCERTAIN):
        return (f"*This answer may not have reached the asker* {by}: Slack dropped the connection while it was "
                "being sent; check where they asked:")
    if state == "gave_up":
        why = "a later answer replaced it" if (error or "").startswith("superseded") else why_not_delivered(error)
        return f"*This answer never reached the asker* {by} ({escape_mrkdwn(why)}):"
    return f"*The earlier answer* {by}:"


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
        text += f"\n{earlier_answer_head(escalation)}\n{quoted(preview(escape_user_text(escalation.answer), limit))}"
    return text
