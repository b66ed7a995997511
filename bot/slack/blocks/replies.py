"""What the asker sees: the reply to a question (the answer, suggestions or the offer of an
advisor), the advisor's answer when it comes, and the short notices in between."""

from __future__ import annotations

from typing import Sequence

from bot.faq import Faq, FaqEntry, Source
from bot.mrkdwn import escape_mrkdwn, escape_user_text, replace_markup
from bot.records import Decision, Escalation, Question, Via
from bot.slack.blocks.ids import ESCALATE, HELPFUL, NOT_HELPFUL, SHOW_ENTRY, entry_ref
from bot.slack.blocks.kit import (
    NOTICE,
    SECTION_LIMIT,
    Message,
    actions,
    button,
    clip,
    context,
    divider,
    human_list,
    quoted,
    section,
    user_question,
)

ERROR_TEXT = "Something went wrong and nothing was saved. Please try again in a minute."
STORE_DOWN_TEXT = ("I could not save that: canishare's records cannot be written just now, so nothing was kept. "
                   "Please try again in a few minutes. If someone may be at risk of harm, do not wait: share "
                   "what is needed now and call 999 or your safeguarding lead.")


def urgent_blocks() -> list[dict]:
    return [
        section(
            ":rotating_light: *If someone is at immediate risk of serious harm, act now:* call *999* "
            "(the emergency services) or your *safeguarding lead* straight away.\n"
            "Data protection law does not stop you sharing information to prevent serious harm. "
            "You do not need consent to protect someone, and you can record your reasons afterwards.\n"
            "I have also sent your question to the advisors, flagged urgent."
        ),
        divider(),
    ]


URGENT_TEXT = ("If someone is at immediate risk of serious harm, act now: call 999 or your safeguarding lead. "
               "Data protection law does not stop you sharing to prevent serious harm.")


def redaction_blocks(kinds: Sequence[str]) -> list[dict]:
    if not kinds:
        return []
    return [context(
        f":lock: I removed the {escape_mrkdwn(human_list(list(kinds)))} from your question before keeping it. "
        "Please don't type names or identifiers into Slack: describe the situation instead."
    )]


def asked_context(question: Question) -> dict:
    return context(f"You asked: {user_question(question, 600)}")


def source_link(source: Source) -> str:
    title = escape_mrkdwn(source.title).replace("|", "-")
    if not source.url:
        return title
    url = source.url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"<{url}|{title}>"


def entry_blocks(entry: FaqEntry, question_id: int) -> list[dict]:
    """One FAQ entry as an answer: the answer, its legal basis and sources, the review date, the
    notice, and the feedback and escalation buttons."""
    ref = entry_ref(question_id, entry.id)
    reviewed = f"{entry.last_reviewed.day} {entry.last_reviewed:%B %Y}"
    sources = " · ".join(source_link(s) for s in entry.sources)
    return [
        section(f"*{escape_mrkdwn(entry.question)}*\n{escape_mrkdwn(entry.answer)}"),
        section(f"*Legal basis:* {escape_mrkdwn('; '.join(entry.legal_basis))}\n*Source:* {sources}"),
        context(f"Last reviewed {reviewed} · FAQ entry `{entry.id}`",
                f":warning: {NOTICE}"),
        actions(
            button("Helpful", HELPFUL, ref),
            button("Not helpful", NOT_HELPFUL, ref),
            button("Ask an advisor", ESCALATE, str(question_id)),
        ),
    ]


def entry_message(entry: FaqEntry, question_id: int) -> Message:
    return Message(f"{escape_mrkdwn(entry.question)} ({NOTICE})", entry_blocks(entry, question_id))


def suggestion_blocks(entries: Sequence[FaqEntry], question_id: int) -> list[dict]:
    blocks = [section("I'm not sure which FAQ entry fits. Do you mean one of these?")]
    for entry in entries[:3]:
        blocks.append(section(
            f"• {escape_mrkdwn(entry.question)}",
            accessory=button("Show answer", SHOW_ENTRY, entry_ref(question_id, entry.id)),
        ))
    blocks.append(actions(button("None of these — ask an advisor", ESCALATE, str(question_id))))
    return blocks


def no_answer_blocks(question_id: int) -> list[dict]:
    return [
        section(
            "The FAQ has no answer to this question. An advisor can look at it: they will see your "
            "question with identifiers removed, and answer you here."
        ),
        actions(button("Send to an advisor", ESCALATE, str(question_id), style="primary")),
    ]


def reply_message(question: Question, decision: str, entries: Sequence[FaqEntry], urgent: bool) -> Message:
    """The reply to a question: the urgent-risk message first when it applies, what was asked (redacted),
    what was removed from it, then the answer, the suggestions or the offer to ask an advisor."""
    blocks: list[dict] = urgent_blocks() if urgent else []
    blocks.append(asked_context(question))
    blocks += redaction_blocks(question.redacted_kinds)
    if decision == Decision.ANSWER and entries:
        blocks += entry_blocks(entries[0], question.id)
        text = f"{escape_mrkdwn(entries[0].question)} ({NOTICE})"
    elif decision == Decision.SUGGEST and entries:
        blocks += suggestion_blocks(entries, question.id)
        text = "Did you mean one of these FAQ entries?"
    elif urgent:  # already with the advisors (see urgent_blocks)
        blocks.append(section("The FAQ has no answer to this question. An advisor has it and will answer you here."))
        text = "An advisor has your question."
    else:
        blocks += no_answer_blocks(question.id)
        text = "The FAQ has no answer to this question; you can send it to an advisor."
    return Message(URGENT_TEXT + " " + text if urgent else text, blocks)


def usage_message() -> Message:
    text = (
        "Ask me whether you can share information, in your own words, without names or identifiers:\n"
        "• `/canishare Can I tell the school about a child's injury without consent?`\n"
        "• send me a direct message, or mention me in a channel (I answer in the thread)\n"
        "• or use the message shortcut *Ask canishare* on a message."
    )
    return Message("Ask me whether you can share information, without names or identifiers.", [section(text)])


def notice_message(text: str) -> Message:
    """A short message of our own wording (may contain <@U…> of real user ids, never typed text)."""
    return Message(replace_markup(text, _date_fallback), [section(text)])


def _date_fallback(target: str, label: str | None) -> str | None:
    """A Slack date token as its fallback text (for notifications); other markup stays."""
    return label if target.startswith("!date^") and label is not None else None


def error_message(store_down: bool = False) -> Message:
    """What went wrong, truthfully: when a listener fails, its transaction is rolled back."""
    return notice_message(f":warning: {STORE_DOWN_TEXT if store_down else ERROR_TEXT}")


def feedback_thanks(rating_helpful: bool, question_id: int) -> Message:
    if rating_helpful:
        return notice_message(":+1: Thanks — recorded.")
    return Message("Thanks — recorded. Would you like an advisor to look at your question?", [
        section("Thanks — recorded. Sorry it didn't help. Would you like an advisor to look at your question?"),
        actions(button("Ask an advisor", ESCALATE, str(question_id), style="primary")),
    ])


def where_the_answer_goes(source: str) -> str:
    if source == Via.MENTION:
        return "in this thread"
    if source == Via.DM:
        return "here, in reply to your message"
    return "in a direct message from me"


def escalated_message(escalation: Escalation, source: str, created: bool) -> Message:
    if created:
        text = (f":outbox_tray: Sent to the advisors (escalation #{escalation.id}). "
                f"An advisor will answer {where_the_answer_goes(source)}.")
    else:
        text = f"This question is already with the advisors (escalation #{escalation.id}, {escalation.state})."
    return notice_message(text)


def advisor_answer_message(escalation: Escalation, faq: Faq) -> Message:
    """An advisor's answer, as the asker receives it."""
    blocks = [
        section(":speech_balloon: *An advisor has answered your question*\n"
                + quoted(user_question(escalation.question, 600))),
        section(clip(escape_user_text(escalation.answer or ""), SECTION_LIMIT)),
        context(f"Answered by <@{escalation.answered_by}> · escalation #{escalation.id}"),
    ]
    linked = faq.get(escalation.linked_faq_id) if escalation.linked_faq_id else None
    if linked:
        blocks.append(context(f"This is covered by the FAQ entry “{escape_mrkdwn(linked.question)}”"))
    blocks.append(context(f":warning: {NOTICE}"))
    return Message(f"An advisor has answered your question (escalation #{escalation.id}).", blocks)
