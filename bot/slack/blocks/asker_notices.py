"""Short notices for the asker alone, between their question and its answer: what to do about the
identifiers in a question they posted in a channel, that an advisor has picked it up, and where the
answer to a question asked from App Home went."""

from __future__ import annotations

from typing import Sequence

from bot.mrkdwn import escape_mrkdwn, escape_user_text, mention, without_format_marks
from bot.policy_copy import URGENT_NOTICE
from bot.questions import MAX_QUESTION_CHARS
from bot.records import Escalation, FollowUp, Question, Via
from bot.slack.blocks.kit import MODAL_TEXT_LIMIT, Message, clip, context, human_list, plain, section, user_question
from bot.slack.blocks.plain import blocks_text
from bot.slack.blocks.replies import RECOGNISED_ONLY, notice_message

MESSAGE_BLOCK_LIMIT = 50  # Slack's, for a message


def privacy_pointer(privacy_url: str | None, retention_days: int) -> dict:
    """Privacy information at the moment of asking (UK GDPR Art 13), in one line on a person's first reply."""
    more = (f"More in <{privacy_url}|the privacy notice>." if privacy_url
            else "More on canishare's *Home* tab, under \"How canishare uses your data\".")
    return context(f"*About your data:* canishare keeps what you type, redacted (the identifiers it "
                   f"recognises removed), with your Slack ID, for {retention_days} days. Advisors see it only if it "
                   f"is sent to them, or if it signals someone at risk now. {more}")


def with_privacy_pointer(message: Message, privacy_url: str | None, retention_days: int) -> Message:
    if len(message.blocks) >= MESSAGE_BLOCK_LIMIT:
        return message
    return Message(message.text, [*message.blocks, privacy_pointer(privacy_url, retention_days)])


ASK_PRIVATELY = "Next time, ask me privately: in a direct message to me, or with `/canishare` and your question."


def privacy_notice_message(question: Question, cut_from: int | None = None, post_by: str | None = None,
                           place: str = "this channel") -> Message:
    """For the asker of a question posted in a channel (shown to them alone), with the question as it was
    kept: when it had identifiers, what was removed, that the post still shows them to the channel (their
    own, or the thread's first message by ``post_by``) and should be deleted or edited, and how to ask
    privately next time; when it was over-long (``cut_from`` characters), that the advisors have only part
    of it. ``place`` names the channel (and links the post) when this comes by DM."""
    lines, fallback = [], []
    if question.redacted_kinds:
        lines.append(_identifiers_line(question.redacted_kinds, post_by, place, "your question"))
        fallback.append(_identifiers_fallback(question.redacted_kinds, post_by, place))
    if cut_from:
        lines.append(_cut_line(cut_from, "part of it (its end below)",
                               f"mention me in the thread, in up to {MAX_QUESTION_CHARS:,} characters"))
        fallback.append(_cut_fallback(cut_from))
    blocks = [section("*Only you can see this.*\n" + "\n".join(lines)),
              context(f"You asked (as I kept it): {_kept_end(question) if cut_from else user_question(question, 600)}")]
    if question.redacted_kinds:
        blocks.append(context(f"{RECOGNISED_ONLY} Describe the situation instead of typing names or identifiers."))
    # owed only when something was removed or cut; were it ever not, the text still says what the blocks say
    return Message(without_format_marks(" ".join(fallback)) or blocks_text(blocks), blocks)


def with_cut_notice(message: Message, cut_from: int | None, source: str) -> Message:
    """``message`` telling the asker, when what they sent was cut to fit (``cut_from`` characters), that
    the advisors have only part of it, and how to add what matters most from where they asked (``source``)."""
    if not cut_from:
        return message
    line = _cut_line(cut_from, "part of it", how_to_add_more(source))
    return Message(f"{message.text} {_cut_fallback(cut_from)}", [*message.blocks, section(line)])


def how_to_add_more(source: str) -> str:
    """How to send the advisors more after a cut: in the question's thread where there is one (a new DM or a new
    mention is a new question, with an escalation of its own), else as a new question."""
    limit = f"in up to {MAX_QUESTION_CHARS:,} characters"
    if source == Via.DM:
        return f"reply to your question in its thread, {limit} (a new message is a new question)"
    if source == Via.MENTION:
        return f"mention me in this thread, {limit}"
    return f"ask it again with `/canishare`, {limit}, as a new question"


def _kept_end(question: Question) -> str:
    """The end of a question cut to fit: its question, and often the sentences that made it urgent."""
    return "…" + escape_user_text(question.text[-600:].split(" ", 1)[-1])


def _cut_line(cut_from: int, kept: str, how: str) -> str:
    return (f"Your message was {cut_from:,} characters. That is more than I can keep, so the advisors have only "
            f"{kept}. I kept the sentences that made it urgent and your question, and marked what I left out. "
            f"To add what matters most, {how}.")


def _cut_fallback(cut_from: int) -> str:
    return f"Your message was {cut_from:,} characters: the advisors have only part of it."


def follow_up_privacy_message(follow_up: FollowUp, place: str = "this channel") -> Message:
    """``privacy_notice_message`` for what the asker added to their escalation by a mention in its thread."""
    kinds = follow_up.redacted_kinds
    if not kinds:
        raise ValueError("nothing was removed from the follow-up: no privacy notice is owed for it")
    return Message(without_format_marks(_identifiers_fallback(kinds, None, place)), [
        section("*Only you can see this.*\n" + _identifiers_line(kinds, None, place, "what you added")),
        context(f"You added (as I kept it): {clip(escape_user_text(follow_up.text), 600)}"),
        context(f"{RECOGNISED_ONLY} Describe the situation instead of typing names or identifiers.")])


def _identifiers_line(kinds: Sequence[str], post_by: str | None, place: str, what: str) -> str:
    found = escape_mrkdwn(human_list(list(kinds)))
    if post_by:
        return (f"I removed the {found} from the question before keeping it, and my reply in the thread does "
                f"not repeat it. But the thread's first message, by {mention(post_by)}, still shows them to everyone "
                f"in "
                f"{place}: please ask them to delete it, or edit it to take them out. {ASK_PRIVATELY}")
    return (f"I removed the {found} from {what} before keeping it, and my reply in the thread does "
            f"not repeat it. But your own message still shows them to everyone in {place}: please "
            f"delete it, or edit it to take them out. {ASK_PRIVATELY}")


def _identifiers_fallback(kinds: Sequence[str], post_by: str | None, place: str) -> str:
    found = escape_mrkdwn(human_list(list(kinds)))
    if post_by:
        return f"The first message of the thread in {place} shows the {found}: please ask its author to delete it."
    return f"Your message in {place} shows the {found}: please delete or edit it. {ASK_PRIVATELY}"


def claimed_message(escalation: Escalation) -> Message:
    """The asker's news that an advisor has picked up their question (sent where the answer will come),
    or, after an advisor reopened it (an answer already given, or a close), is looking at it again."""
    if escalation.reopened_at:
        text = (f"An advisor reopened your question (escalation #{escalation.id}): "
                f"{mention(escalation.claimed_by, 'an advisor')} is looking at it again. "
                "Any new answer will come here.")
        return notice_message(text)
    text = (f"{mention(escalation.claimed_by, 'An advisor')} has picked up your question "
            f"(escalation #{escalation.id}) "
            "and is working on it. Their answer will come here.")
    return notice_message(text)


def asked_from_home_modal(urgent: bool = False) -> dict:
    """What the "Ask a question" modal of App Home shows once the question is in: where the reply went."""
    text = ("*Thanks, I have your question.* My reply is in our direct messages: open the "
            "*Messages* tab, next to *Home*. Your question is listed under *Your recent questions* on Home.")
    blocks = [section(f":warning: *{URGENT_NOTICE}*")] if urgent else []
    return {"type": "modal", "title": plain("Ask canishare", MODAL_TEXT_LIMIT),
            "close": plain("Close", MODAL_TEXT_LIMIT), "blocks": [*blocks, section(text)]}


def open_escalation_hint(escalation: Escalation, link: str | None) -> dict:
    """Under the reply to a new DM question, when the asker's earlier one is still with the advisors: how to
    add detail to that one instead (``link``: to its message)."""
    question = f"<{link}|that question>" if link else "that question"
    return context(f"Escalation #{escalation.id} is still with the advisors. To add detail to it, reply "
                   f"to {question} in its thread; a new message, like this one, is a new question.")
