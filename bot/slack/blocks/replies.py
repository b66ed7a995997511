"""What the asker sees: the reply to a question (the answer, suggestions or the offer of an
advisor), the advisor's answer when it comes, and the short notices in between."""

from __future__ import annotations

from typing import Sequence

from bot.answers import entry_title, shortened
from bot.asker_steps import seen_by_others
from bot.decisions import KEEP_LINE, record_text
from bot.faq import Faq, FaqEntry
from bot.mrkdwn import (
    FORMER_ADVISOR,
    escape_mrkdwn,
    escape_user_text,
    mention,
)
from bot.nations import NationLines, Reader, as_reader, nation_lines
from bot.policy_copy import (
    ACT_NOW_HOW,
    ACT_NOW_WHEN,
    AT_RISK_NOW,
    DISCLAIMER,
    MAY_BE_AT_RISK,
    SHARING_TO_PREVENT_HARM,
    URGENT_NOTICE,
    do_not_wait,
)
from bot.questions import asks_more_than_one_thing
from bot.records import Decision, DecisionRecord, Escalation, Question, Via
from bot.slack.blocks.faq_answer import (  # entry_message: the deliverer sends it as one of the asker's replies
    ASK_AN_ADVISOR,
    entry_blocks,
    entry_message,  # noqa: F401
    entry_text,
    nation_after_blocks,
    nation_blocks,
    record_button,
)
from bot.slack.blocks.ids import ESCALATE, SHOW_ENTRY, entry_ref
from bot.slack.blocks.kit import (
    BUTTON_TEXT_LIMIT,
    SECTION_LIMIT,
    Message,
    actions,
    button,
    context,
    divider,
    emphasised,
    human_list,
    quoted,
    section,
    split_text,
    user_question,
    whole_text_sections,
)
from bot.slack.blocks.plain import blocks_text, fallback, plain_text
from bot.small_talk import Chat
from bot.urgency_welsh import is_partly_welsh

ERROR_TEXT = "Something went wrong and nothing was saved. Please try again in a minute."
STORE_DOWN_TEXT = ("I could not save that: canishare's records cannot be written just now, so nothing was kept. "
                   f"Please try again in a few minutes. {do_not_wait(MAY_BE_AT_RISK)}")
STORE_BUSY_TEXT = ("canishare's records are busy with other work just now, so that was not saved. Please try again "
                   f"in a minute. {do_not_wait(MAY_BE_AT_RISK)}")


ADVISORS_UNREACHABLE = ("The advisors cannot receive questions at the moment; it will reach them as soon as they "
                        "can.")


SENT_FLAGGED = "I have also sent your question to the advisors, flagged urgent."
DO_NOT_WAIT_FOR_THEM = "Do not wait for them."


def urgent_blocks(away: str = "") -> list[dict]:
    """The act-now message; ``away``: when the advisors will see it, if they are not working now."""
    return [
        section(
            f":warning: *{ACT_NOW_WHEN}* {emphasised(ACT_NOW_HOW)}\n{SHARING_TO_PREVENT_HARM}\n{SENT_FLAGGED}"
            + (f" *{DO_NOT_WAIT_FOR_THEM}* {away}" if away else "")
        ),
        divider(),
    ]


def urgent_text(away: str = "") -> str:
    """``urgent_blocks`` as a message's text: the act-now message first, as ``bot.policy_copy`` words it."""
    return plain_text(f"{URGENT_NOTICE} {SENT_FLAGGED}" + (f" {DO_NOT_WAIT_FOR_THEM} {away}" if away else ""))


# The redactor removes the identifiers it recognises, not every one: nothing promises a clean text.
RECOGNISED_ONLY = "I remove only the identifiers I recognise, so check that nothing else in it identifies the person."


def redaction_blocks(kinds: Sequence[str]) -> list[dict]:
    if not kinds:
        return []
    return [context(
        f"I removed the {escape_mrkdwn(human_list(list(kinds)))} from your question before keeping it. "
        f"{RECOGNISED_ONLY} Please describe the situation instead of typing names or identifiers."
    )]


def asked_context(question: Question) -> dict:
    return context(f"You asked: {user_question(question, 600)}")


def asked_blocks(question: Question | None, shared: bool) -> list[dict]:
    """What was asked, to remind the asker: never where others read the message (a channel's thread,
    see ``bot.asker_steps.seen_by_others``), where it would post their question again for all to see."""
    return [] if shared else [asked_context(question)]


SHOW_ANSWER = "Show answer: "


# An urgent question is sent to the advisors as it is asked (``urgent_blocks``): its suggestions are for
# meanwhile, and nothing offers to send it again.
URGENT_SUGGESTIONS = "While you act, these FAQ entries may help:"
WITH_THE_ADVISORS = "Your question is with the advisors already, flagged urgent."


def suggestion_blocks(entries: Sequence[FaqEntry], question_id: int, urgent: bool = False) -> list[dict]:
    """Up to three entries, each with its own "Show answer: …" button (a screen reader tells them
    apart by the label alone), and the offer of an advisor, unless the question is urgent: then they
    are for meanwhile, and it is with the advisors already."""
    intro = URGENT_SUGGESTIONS if urgent else "I'm not sure which FAQ entry fits. Do you mean one of these?"
    blocks = [section(intro)]
    for entry in entries[:3]:
        title = entry_title(entry.question)
        label = SHOW_ANSWER + shortened(title, BUTTON_TEXT_LIMIT - len(SHOW_ANSWER))
        blocks.append(section(
            f"• {escape_mrkdwn(title)}",
            accessory=button(label, SHOW_ENTRY, entry_ref(question_id, entry.id)),
        ))
    if urgent:
        blocks.append(context(WITH_THE_ADVISORS))
    else:
        blocks.append(actions(button(f"None of these: {ASK_AN_ADVISOR.lower()}", ESCALATE, str(question_id))))
    return blocks


def suggestion_text(entries: Sequence[FaqEntry], urgent: bool = False) -> str:
    """The suggestions' titles whole (the text has room; the buttons are cut at Slack's 75 characters)."""
    named = "; ".join(f"“{escape_mrkdwn(entry_title(e.question))}”" for e in entries[:3])
    if urgent:
        return f"{URGENT_SUGGESTIONS} {named}. {WITH_THE_ADVISORS}"
    return f"Did you mean one of these FAQ entries? {named}"


def no_answer_blocks(question_id: int, source: str) -> list[dict]:
    return [
        section(
            "The FAQ has no answer to this question. An advisor can look at it: they will see your "
            f"question as I kept it, and answer you {where_the_answer_goes(source)}. I remove only the "
            "identifiers I recognise, so check that nothing in it identifies the person before you send it."
        ),
        actions(button(ASK_AN_ADVISOR, ESCALATE, str(question_id), style="primary")),
    ]


# The FAQ is in English: someone who asks in Welsh is told so, in Welsh first, and that an advisor can take it.
ENGLISH_ONLY = ("Mae canishare yn ateb yn Saesneg yn unig. Gallwch anfon eich cwestiwn at "
                "gynghorydd. / canishare answers in English only. You can send your question to an advisor.")


def part_answered(entry: FaqEntry) -> str:
    """Under the answer to a question that asks more than one thing: which one it answers, and what to do
    about the rest (one FAQ entry rarely covers two asks)."""
    return (f"Your question asks more than one thing; this answers “{escape_mrkdwn(entry_title(entry.question))}”. "
            f"If part of it is not covered, ask that part on its own, or press {ASK_AN_ADVISOR}.")


def reply_message(question: Question, decision: str, entries: Sequence[FaqEntry], urgent: bool,
                  nation: Reader | str | None = None, asker_only: bool = False, away: str = "") -> Message:
    """The reply to a question: the urgent-risk message first when it applies, what was asked (redacted)
    and what was removed from it (only where the asker alone reads the reply: in a channel's thread that
    is told to them privately, see ``privacy_notice_message``), then the answer (for the asker's
    ``nation``), the suggestions or the offer to ask an advisor. ``asker_only``: sent where only the asker
    reads it, however it was asked. ``away``: see ``urgent_blocks``."""
    source = question.where.source
    lead = urgent_blocks(away) if urgent else []
    asked: list[dict] = []
    notes: list[dict] = []
    if asker_only or not seen_by_others(source):
        asked, notes = asked_blocks(question, shared=False), redaction_blocks(question.redacted_kinds)
    if is_partly_welsh(question.text.casefold()):
        notes.append(context(ENGLISH_ONLY))
    if decision == Decision.ANSWER and entries:
        aside = part_answered(entries[0]) if asks_more_than_one_thing(question.text) else ""
        body, text = entry_blocks(entries[0], question.id, nation, aside), entry_text(entries[0], nation, aside)
    elif decision == Decision.SUGGEST and entries:
        body, text = suggestion_blocks(entries, question.id, urgent), suggestion_text(entries, urgent)
    elif urgent:  # already escalated (see urgent_blocks)
        held = "It is saved for the advisors, and one" if away else "An advisor has it and"
        body = [section(f"The FAQ has no answer to this question. {held} will answer you "
                        f"{where_the_answer_goes(source)}.")]
        text = blocks_text(body)
    else:
        body = no_answer_blocks(question.id, source)
        text = blocks_text(body)
    # the text carries what the blocks lead with (the act-now message, what was removed), then the reply
    return Message(fallback(urgent_text(away) if urgent else "", blocks_text(notes), text),
                   [*lead, *asked, *notes, *body])


# The example the help gives is one the FAQ answers directly (``tests/test_message_text.py`` checks it).
USAGE_EXAMPLE = "Can I share a safeguarding concern about a child without the parents' consent?"


def usage_message() -> Message:
    text = (
        "Ask me whether you can share information, in your own words, without names or identifiers:\n"
        f"• `/canishare {USAGE_EXAMPLE}`\n"
        "• send me a direct message, or mention me in a channel (I answer in the thread)\n"
        "• or use the message shortcut *Ask canishare* on a message."
    )
    return Message("Ask me whether you can share information, in your own words, without names or identifiers: "
                   "type /canishare and your question, send me a direct message, mention me in a channel, or use "
                   "the message shortcut Ask canishare.", [section(text)])


def greeting_message() -> Message:
    usage = usage_message()
    return Message("Hello! " + usage.text, [section("Hello!"), *usage.blocks])


def welcome_message() -> Message:
    return notice_message("You're welcome. Ask me again whenever you need to: `/canishare` and your question, "
                          "a direct message, or a mention.")


# The short replies to messages that are not questions, by ``bot.small_talk.Chat`` value.
BRIEF_REPLIES = {Chat.USAGE: usage_message, Chat.GREETING: greeting_message, Chat.THANKS: welcome_message}


def notice_message(text: str) -> Message:
    """A short message of our own wording (may contain <@U…> of real user ids, never typed text)."""
    said = plain_text(text)
    if not said:
        raise ValueError(f"a notice says something in words, not {text!r}")
    return Message(said, [section(text)])


def error_message(store_down: bool = False, busy: bool = False) -> Message:
    """What went wrong, truthfully: when a listener fails, its transaction is rolled back. ``busy``: the
    records were only busy (another process writing), not broken."""
    return notice_message(f"{STORE_BUSY_TEXT if busy else STORE_DOWN_TEXT if store_down else ERROR_TEXT}")


ASK_YOUR_OWN = ("Thanks — recorded. Sorry it didn't help. If you have a question like it, ask it yourself "
                "(`/canishare` and your question, or a direct message to me): you can send that one to an advisor.")


def feedback_thanks(rating_helpful: bool, question_id: int, by_asker: bool = True) -> Message:
    """Thanks for a rating; after "Not helpful", the asker is offered an advisor, and anyone else (who
    may not send another person's question) is told to ask their own."""
    if rating_helpful:
        return notice_message("Thanks — recorded.")
    if not by_asker:
        return notice_message(ASK_YOUR_OWN)
    return Message("Thanks — recorded. Would you like an advisor to look at your question?", [
        section("Thanks — recorded. Sorry it didn't help. Would you like an advisor to look at your question?"),
        actions(button(ASK_AN_ADVISOR, ESCALATE, str(question_id), style="primary")),
    ])


def where_the_answer_goes(source: str, asked_in: str | None = None) -> str:
    """Where the answer will come, said from where the asker reads it; ``asked_in`` (mrkdwn naming the
    channel and linking the post) when that is not the mention's own thread (a button on App Home)."""
    if source == Via.MENTION:
        return f"in the thread where you asked, in {asked_in}" if asked_in else "in this thread"
    if source == Via.DM:
        return "here, in reply to your message"
    return "in a direct message from me"


def escalated_message(escalation: Escalation, source: str, created: bool, remind_after: str = "",
                      asked_in: str | None = None, away: str = "") -> Message:
    """The asker's acknowledgement: where the answer will come (``asked_in``: see ``where_the_answer_goes``),
    when the advisors will see it if they are ``away`` (see ``bot.working_hours.advisors_away``), what
    happens meanwhile (the advisors are reminded of a question nobody has claimed after ``remind_after``,
    e.g. "4 hours"), and not to wait if the risk becomes urgent."""
    if created:
        reminded = (f" If nobody has picked it up after {remind_after}, the advisors are reminded of it."
                    if remind_after else "")
        sent = "Saved for the advisors" if away else "Sent to the advisors"
        text = (f"{sent} (escalation #{escalation.id}). "
                f"An advisor will answer {where_the_answer_goes(source, asked_in)}. "
                f"{away + ' ' if away else ''}I will tell you when one picks it up."
                f"{reminded}\n" + emphasised(do_not_wait(URGENT_MEANWHILE)))
        if source == Via.MENTION:
            text += (f"\nTo add detail, mention me in {'that' if asked_in else 'this'} thread: I will add it to "
                     f"escalation #{escalation.id}.")
        elif source == Via.DM:
            text += (f"\nTo add detail, reply to your message in its thread (or edit it): I will add it to "
                     f"escalation #{escalation.id}.")
    else:
        text = (f"This question is already escalated (escalation #{escalation.id}, {escalation.state}). {away}"
                if away else
                f"This question is already with the advisors (escalation #{escalation.id}, {escalation.state}).")
    return notice_message(text)


ON_HOME = "Your question, as I kept it, is on my Home tab, where only you see it."


def advisor_answer_message(escalation: Escalation, faq: Faq, nation: Reader | str | None = None,
                           shared: bool = False) -> Message:
    """An advisor's answer, as the asker receives it: with their question quoted, unless others read it
    there (``shared``: a channel's thread), and "Record my decision" right after the answer. Linked to an
    FAQ entry, it carries that entry's nation lines for the asker's ``nation`` as an FAQ answer does: a
    warning and what applies instead before the advisor's words when the entry does not hold there, and
    a note for a nation where it holds after them, by the entry it refers to."""
    linked = faq.get(escalation.linked_faq_id) if escalation.linked_faq_id else None
    lines, where = (nation_lines(linked, nation) if linked else NationLines()), as_reader(nation).nation
    before, note = nation_placing(lines, where)
    head = "*An advisor has answered your question*"
    blocks = [
        section(head if shared else head + "\n" + quoted(user_question(escalation.question, 600))),
        *before,
        *whole_text_sections(escape_user_text(escalation.answer or "")),
        context(f"Answered by {mention(escalation.answered_by, FORMER_ADVISOR)} · escalation #{escalation.id}"
                + (f" · {ON_HOME}" if shared else "")),
        actions(record_button(escalation.question_id, linked.id if linked else None, escalation.id)),
    ]
    if linked:  # after the button, as under an FAQ answer: the other nations' notes are the long tail
        blocks.append(context(f"This is covered by the FAQ entry “{escape_mrkdwn(entry_title(linked.question))}”"))
        blocks += note + nation_after_blocks(lines, where)
    blocks.append(context(DISCLAIMER))
    return Message(advisor_answer_text(escalation, linked, lines, where), blocks)


def nation_placing(lines: NationLines, where: str | None) -> tuple[list[dict], list[dict]]:
    """(before the advisor's words, after them): what must be read first (the entry does not hold in the
    reader's nation, or holds there only in part, the question names another, or no nation is known) goes
    before; the reader's own nation's note, where the entry holds, is about the entry and goes after, beside
    it."""
    blocks = nation_blocks(lines, where)
    only_a_note = where is not None and lines.holds and not lines.in_part and not lines.mentioned
    return ([], blocks) if only_a_note else (blocks, [])


def advisor_answer_text(escalation: Escalation, linked: FaqEntry | None, lines: NationLines,
                        where: str | None) -> str:
    """In the blocks' order: that an advisor has answered, any nation warning, the answer itself, whole,
    then the entry it is covered by and its notes."""
    before, note = nation_placing(lines, where)
    covered = f"This is covered by the FAQ entry “{escape_mrkdwn(entry_title(linked.question))}”." if linked else ""
    return fallback(f"An advisor has answered your question (escalation #{escalation.id}):",
                    blocks_text(before), escape_user_text(escalation.answer or ""), covered,
                    blocks_text(note), blocks_text(nation_after_blocks(lines, where)), DISCLAIMER)


URGENT_MEANWHILE = "If it becomes urgent meanwhile, with someone at immediate risk of serious harm"
CLOSED_TEXT = ("An advisor closed your question (escalation #{id}) without an answer. They could not answer it, "
               "or it is answered somewhere else. If you still need advice, ask your information governance lead "
               "or data protection officer. You can also ask me again, with more about the situation.")
CLOSED_URGENT_TEXT = "\n" + emphasised(do_not_wait(AT_RISK_NOW))


def closed_message(escalation: Escalation, shared: bool = False) -> Message:
    """The asker's news that their escalation was closed without an answer, and what to do next (with
    their question, unless others read it there: ``shared``)."""
    news = [section(CLOSED_TEXT.format(id=escalation.id) + (CLOSED_URGENT_TEXT if escalation.urgent else ""))]
    return Message(blocks_text(news), [*news, *asked_blocks(escalation.question, shared)])


def answer_redacted_message(escalation_id: int, kinds: Sequence[str]) -> Message:
    """What was removed from an advisor's answer before it was sent, so they can say it another way."""
    if not kinds:
        raise ValueError("nothing was removed from the answer: no notice is owed for it")
    placeholders = human_list([f"[{kind}]" for kind in kinds])
    return notice_message(
        f":lock: Before sending your answer to escalation #{escalation_id}, I removed the "
        f"{escape_mrkdwn(human_list(list(kinds)))} from it: the asker sees {escape_mrkdwn(placeholders)} there. "
        "If they need a contact, name the role or the service instead (\u201cyour DPO\u201d, \u201cthe council's "
        "IG team\u201d). National helplines and the role mailboxes of public bodies (dpo@, ig@, info@ on "
        ".gov.uk or .nhs.uk / .nhs.net) are kept as you write them.")


def decision_record_message(record: DecisionRecord) -> Message:
    """A practitioner's decision record, sent to them by DM: clean text to paste into their case
    system (in code blocks, so that nothing in it is formatted), what was removed, and what
    canishare keeps."""
    blocks = [section(f"*Your decision record* (#{record.id}). Copy it into your case system:")]
    blocks += [section(f"```{chunk}```") for chunk in _code_chunks(record_text(record), SECTION_LIMIT - 6)]
    notes = [context(f"I removed the {escape_mrkdwn(human_list(list(record.redacted_kinds)))} "
                     f"from what you typed before keeping it. {RECOGNISED_ONLY}")] if record.redacted_kinds else []
    notes.append(context(escape_mrkdwn(KEEP_LINE)))
    # the record itself in the text too: a screen reader reads only the text, and cannot reach the code blocks
    text = fallback(blocks_text(blocks[:1]), escape_user_text(record_text(record)), blocks_text(notes))
    return Message(text, [*blocks, *notes])


FENCE = "`" * 3


def _code_chunks(text: str, limit: int) -> list[str]:
    """``text`` made safe inside a code block (typed mentions neutralised, no closing fence), in
    pieces of whole lines that fit ``limit`` (a line longer than that is split, never cut)."""
    safe = escape_user_text(text).replace(FENCE, "'" * 3)
    chunks: list[str] = []
    for line in (piece for whole in safe.splitlines() for piece in split_text(whole, limit)):
        if chunks and len(chunks[-1]) + 1 + len(line) <= limit:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    return chunks
