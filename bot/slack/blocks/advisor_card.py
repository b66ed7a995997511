"""What advisors see in their channel: an escalation's card (the redacted question, who asked and
how, the bot's best guesses, its state and the buttons valid in that state) and reminders."""

from __future__ import annotations

import datetime as dt

from bot.answers import entry_title
from bot.faq import Faq, FaqEntry
from bot.mrkdwn import FORMER_ADVISOR, escape_mrkdwn, escape_user_text, is_erased, mention
from bot.nations import Reader
from bot.records import ANSWERED, CLAIMED, CLOSED, OPEN, Escalation, Question, Via
from bot.slack.blocks.follow_ups import follow_up_blocks
from bot.slack.blocks.ids import ANSWER_ACTION, CLAIM, CLOSE, RELEASE, REOPEN
from bot.slack.blocks.kit import (
    Message,
    actions,
    button,
    clip,
    confirmation,
    context,
    describe_age,
    human_list,
    section,
    slack_date,
    user_question,
    whole_question_sections,
    whole_text_sections,
)
from bot.slack.blocks.reopened import reopened_blocks
from bot.slack.blocks.replies import notice_message
from bot.slack.blocks.undelivered import why_not_delivered

FALLBACK_QUESTION_CHARS = 150  # of the question, in the card's notification text

SOURCE_LABELS = {Via.COMMAND: "/canishare", Via.DM: "direct message", Via.MENTION: "a mention",
                 Via.SHORTCUT: "the message shortcut", Via.HOME: "App Home", Via.CLI: "the command line"}


def best_guesses(question: Question | None, faq: Faq) -> list[FaqEntry]:
    if question is None:
        return []
    ids = list(question.suggestions) or ([question.faq_id] if question.faq_id else [])
    return [entry for entry in (faq.get(i) for i in ids[:3]) if entry is not None]


# Slack's reasons a message cannot reach a person, in words (the rest are named as Slack gives them).
def state_text(escalation: Escalation, undelivered: str | None = None) -> str:
    """The escalation's state; ``undelivered``: Slack's reason its answer could not reach the asker."""
    if escalation.state == CLAIMED:
        return f":raising_hand: *Claimed* by {_advisor(escalation.claimed_by)} {slack_date(escalation.claimed_at)}"
    if escalation.state == ANSWERED:
        answered = f"{_advisor(escalation.answered_by)} {slack_date(escalation.answered_at)}"
        text = f":white_check_mark: *Answered* by {answered}"
        if undelivered is not None:
            text = (f":warning: *Answered, but not delivered* by {answered}: I could not reach the asker "
                    f"({escape_mrkdwn(why_not_delivered(undelivered))}). Please contact them another way.")
        if escalation.linked_faq_id:
            text += f"\nLinked to FAQ entry `{escape_mrkdwn(escalation.linked_faq_id)}`"
        if escalation.propose_new:
            text += "\n:memo: Proposed as a new FAQ entry"
        return text
    if escalation.state == CLOSED:
        closed = f"by {_advisor(escalation.closed_by)} {slack_date(escalation.closed_at)}"
        if escalation.answer:
            return f":lock: *Closed* {closed}"
        return f":lock: *Closed without an answer* {closed}; the asker is told it was closed, where they asked."
    if escalation.released_by:
        return (f":leftwards_arrow_with_hook: *Open*: {_advisor(escalation.released_by)} released the claim "
                f"{slack_date(escalation.released_at)}; nobody has claimed it since.")
    return ":inbox_tray: *Open*: nobody has claimed it yet."


def _advisor(user_id: str | None) -> str:
    return mention(user_id, FORMER_ADVISOR)


CLOSE_CONFIRM = confirmation(
    "Close without an answer?",
    "The asker is told that their question was closed without an answer. Reopening it later does not take "
    "that message back.",
    "Close it", "Keep it open")


def advisor_buttons(escalation: Escalation) -> list[dict]:
    """The buttons valid in the escalation's state, each saying to a screen reader which escalation it acts on
    (App Home lists many); Close asks first where it tells the asker (nothing answered yet)."""
    value = f"{escalation.id}:{escalation.version}"  # a click on a card older than the last change is refused
    which = f"escalation #{escalation.id}{' (urgent)' if escalation.urgent else ''}"

    def one(label: str, action_id: str, style: str | None = None, confirm: dict | None = None) -> dict:
        return button(label, action_id, value, style, accessibility_label=f"{label} {which}", confirm=confirm)

    by_state = {
        OPEN: [one("Claim", CLAIM, "primary"), one("Answer", ANSWER_ACTION),
               one("Close", CLOSE, confirm=CLOSE_CONFIRM)],
        CLAIMED: [one("Answer", ANSWER_ACTION, "primary"), one("Release", RELEASE),
                  one("Close", CLOSE, confirm=CLOSE_CONFIRM)],
        ANSWERED: [one("Close", CLOSE), one("Reopen", REOPEN)],
        CLOSED: [one("Reopen", REOPEN)],
    }
    return by_state.get(escalation.state, [])


def page_mention(setting: str) -> str:
    """The mention that pages advisors (``Settings.urgent_page``): @here, a user group, or nothing."""
    return {"here": "<!here>", "none": ""}.get(setting, f"<!subteam^{setting}>")


def urgent_flag(escalation: Escalation) -> str:
    return ":rotating_light: *URGENT* " if escalation.urgent else ""


def advisor_message(escalation: Escalation, faq: Faq, now: dt.datetime, undelivered: str | None = None,
                    reader: Reader | None = None, follows: tuple[Escalation, str | None] | None = None,
                    page: str = "") -> Message:
    """The escalation as advisors see it: flag, redacted question, asker, age, the answered escalation it
    follows (``follows``: with a link to its card), the asker's nation (``reader``), guesses, state (with why
    its answer could not be delivered, when it could not), buttons. An urgent open one starts with ``page``
    (``page_mention``), which notifies when it is first posted."""
    page = page if escalation.urgent and escalation.state == OPEN else ""
    question = escalation.question
    asker = mention(question.asker if question else None)
    via = SOURCE_LABELS.get(question.where.source, question.where.source) if question else "?"
    blocks = [
        *whole_question_sections(question,
                                 f"{urgent_flag(escalation)}*Escalation #{escalation.id}* from {asker} via {via}"),
        context(f"Asked {slack_date(question.created_at if question else escalation.created_at)} · "
                f"waiting {describe_age(escalation.waiting_since, now)} when last updated"
                + (f" · identifiers removed: {escape_mrkdwn(human_list(question.redacted_kinds))}"
                   if question and question.redacted_kinds else "")),
        *([follows_block(*follows)] if follows is not None else []),
        *follow_up_blocks(escalation.follow_ups),
    ]
    if reader is not None:
        blocks.append(asker_nation_block(reader))
    guesses = best_guesses(question, faq)
    guess_text = "\n".join(f"• `{e.id}`: {escape_mrkdwn(entry_title(e.question))}" for e in guesses) or "• none"
    blocks.append(section(f"*The bot's best guesses:*\n{guess_text}"))
    blocks.append(section(state_text(escalation, undelivered)))
    blocks += reopened_blocks(escalation)
    if escalation.state == ANSWERED and escalation.answer:
        blocks += whole_text_sections(escape_user_text(escalation.answer), quote=True)
    buttons = advisor_buttons(escalation)
    if buttons:
        blocks.append(actions(*buttons, block_id=f"advisor-{escalation.id}"))
    flag = "URGENT " if escalation.urgent else ""
    if page:
        blocks.insert(0, section(f"{page} :rotating_light: Urgent: someone may be at risk of serious harm now."))
    return Message(f"{page + ' ' if page else ''}{flag}Escalation #{escalation.id} ({escalation.state}): "
                   f"{clip(user_question(question), FALLBACK_QUESTION_CHARS)}", blocks)


def follows_block(earlier: Escalation, link: str | None) -> dict:
    """The answered escalation this question was added after, in the same thread: its context for the advisor."""
    name = f"<{link}|escalation #{earlier.id}>" if link else f"escalation #{earlier.id}"
    by = f" (answered by {_advisor(earlier.answered_by)})" if earlier.answered_by else ""
    return context(f":link: Follows {name}{by}: the asker added this in the same thread after its answer.")


def asker_nation_block(reader: Reader) -> dict:
    """The asker's nation, for the advisor: their answer should hold there (in both, when a follow-up
    contradicts the asker's setting)."""
    if reader.said:
        return context(f":warning: *Asker's nation unclear.* {escape_mrkdwn(reader.described())}. Make sure your "
                       "answer holds in both, or ask them; a linked FAQ entry shows them both nations' notes.")
    return context(f":round_pushpin: *Asker's nation:* {escape_mrkdwn(reader.described())}")


def reminder_message(escalation: Escalation, now: dt.datetime, page: str = "") -> Message:
    """A claimed escalation's reminder names its claimer; an urgent unclaimed one's pages (``page``)."""
    if escalation.state == CLAIMED and is_erased(escalation.claimed_by):  # nobody to notify
        return notice_message(
            f":alarm_clock: {urgent_flag(escalation)}Escalation #{escalation.id} was claimed by {FORMER_ADVISOR} "
            f"{describe_age(escalation.claimed_at, now)} ago and is not answered yet: *Release* it so that another "
            "advisor can claim it."
        )
    if escalation.state == CLAIMED:  # the mention notifies the claimer
        return notice_message(
            f":alarm_clock: {urgent_flag(escalation)}{mention(escalation.claimed_by)}, you claimed escalation "
            f"#{escalation.id} {describe_age(escalation.claimed_at, now)} ago and it is not answered yet. "
            "If you cannot answer it now, *Release* it so that another advisor can claim it."
        )
    return notice_message(
        f"{page + ' ' if page and escalation.urgent else ''}:alarm_clock: {urgent_flag(escalation)}"
        f"Escalation #{escalation.id} has waited "
        f"{describe_age(escalation.waiting_since, now)} without being claimed. Can someone pick it up?"
    )


EARLIER_COPY = (":warning: The bot was stopped while posting this card, so an earlier copy of it may be in the channel "
                "above. That copy is not kept up to date: use this one.")


def with_earlier_copy_note(message: Message) -> Message:
    """A card posted again after its first post was cut off (Slack may have that one too)."""
    return message._replace(blocks=[context(EARLIER_COPY), *message.blocks])
