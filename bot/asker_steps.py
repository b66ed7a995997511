"""Pure decisions about the asker's side of a question: who else can see the reply to it, and what
the asker can do next with it from their list of recent questions. No Slack, no I/O."""

from __future__ import annotations

from enum import StrEnum
from typing import Callable

from bot.records import ANSWERED, Decision, Escalation, Question, Via

# A mention is answered in a channel's thread, where everyone in the channel reads it; every other way
# of asking is answered where only the asker sees it (their DM with the bot, or an ephemeral reply).
SHARED_SOURCES = frozenset({Via.MENTION})


def seen_by_others(source: str) -> bool:
    """Whether the reply to a question asked this way is read by people other than the asker (so it
    must not repeat what they asked, and what is private to them is told to them apart)."""
    return source in SHARED_SOURCES


class NextStep(StrEnum):
    SEND_TO_ADVISOR = "send_to_advisor"  # no FAQ answer and not sent yet
    SHOW_SUGGESTIONS = "show_suggestions"  # the "did you mean" entries again
    SHOW_ENTRY = "show_entry"  # the FAQ answer again
    SHOW_ADVISOR_ANSWER = "show_advisor_answer"  # the advisor's answer again


def next_step(question: Question, escalation: Escalation | None,
              in_faq: Callable[[str], bool] = lambda entry_id: True) -> NextStep | None:
    """What the asker can do next with a question of theirs; None while it waits for an advisor (or
    was closed: they were told what to do then). An answer whose entry has left the FAQ (``in_faq``
    says which are still there) cannot be shown again: an advisor is offered instead."""
    if escalation is not None:
        return NextStep.SHOW_ADVISOR_ANSWER if escalation.state == ANSWERED and escalation.answer else None
    if question.decision == Decision.ANSWER and question.faq_id and in_faq(question.faq_id):
        return NextStep.SHOW_ENTRY
    if question.decision == Decision.SUGGEST and any(in_faq(s) for s in question.suggestions):
        return NextStep.SHOW_SUGGESTIONS
    return NextStep.SEND_TO_ADVISOR
