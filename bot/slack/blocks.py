"""Block Kit builders: pure functions from domain records to Slack messages and views. No I/O.

Everything a person typed (questions, advisors' answers) goes through ``escape_user_text`` before
it is put in a message, so that nothing typed can become a mention or a broadcast. FAQ text is
curated, but is still escaped as Slack requires (``&``, ``<``, ``>``).

Action ids and the values buttons carry are the contract with the listeners:
``feedback_helpful`` / ``feedback_not_helpful`` and ``show_entry`` carry ``"<question id>|<entry id>"``,
``escalate`` carries the question id, and the ``advisor_*`` buttons carry the escalation id.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Iterable, NamedTuple, Sequence

from bot.faq import Faq, FaqEntry, Source
from bot.matching import ANSWER, SUGGEST
from bot.mrkdwn import WORD_JOINER, escape_mrkdwn, escape_user_text  # noqa: F401 (re-exported)
from bot.records import ANSWERED, CLAIMED, CLOSED, OPEN, Decision, Escalation, Question, Via
from bot.times import parse_stored_time

NOTICE = "Guidance, not legal advice: you make the decision and record it."
ERROR_TEXT = "Something went wrong; your question was kept. Please try again in a minute."

# action ids (listeners register these)
HELPFUL, NOT_HELPFUL = "feedback_helpful", "feedback_not_helpful"
SHOW_ENTRY, ESCALATE, HOME_ASK = "show_entry", "escalate", "home_ask"
CLAIM, ANSWER_ACTION, CLOSE, REOPEN = "advisor_claim", "advisor_answer", "advisor_close", "advisor_reopen"
# views and their inputs
ASK_MODAL, ANSWER_MODAL = "ask_modal", "advisor_answer_modal"
QUESTION_BLOCK, QUESTION_INPUT = "question", "text"
ANSWER_BLOCK, ANSWER_INPUT = "answer", "text"
FAQ_BLOCK, FAQ_INPUT = "faq_entry", "entry"
PROPOSE_BLOCK, PROPOSE_INPUT = "propose", "propose_new"

STATIC_SELECT_LIMIT = 100  # Slack's limit on a static_select's options; beyond it: external_select
SECTION_LIMIT = 3000
BUTTON_TEXT_LIMIT = 75
OPTION_TEXT_LIMIT = 75
HOME_QUEUE_LIMIT = 20
HOME_CLAIMED_LIMIT = 10
HOME_BLOCK_LIMIT = 100  # Slack's limit on a Home tab's blocks


class Message(NamedTuple):
    """A message ready for chat.postMessage / respond: fallback text (notifications) and blocks."""

    text: str
    blocks: list[dict]

    def as_kwargs(self) -> dict:
        return {"text": self.text, "blocks": self.blocks}


# escaping ------------------------------------------------------------------------------------

_HALF_ENTITY = re.compile(r"&[a-z]{0,4}$")
_DATE_TOKEN = re.compile(r"<!date\^[^|>]*\|([^>]*)>")


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending in an ellipsis when cut, never inside an ``&…;`` entity."""
    if len(text) <= limit:
        return text
    return _HALF_ENTITY.sub("", text[: limit - 1]) + "…"


def quoted(text: str) -> str:
    return "\n".join("> " + line for line in (text.splitlines() or [""]))


def user_question(question: Question | None, limit: int = 2500) -> str:
    """The (redacted) question as a person may see it: escaped and clipped."""
    if question is None:
        return "_(the question was deleted under the retention policy)_"
    return clip(escape_user_text(question.text), limit)


# small block helpers ---------------------------------------------------------------------------


def plain(text: str, limit: int = BUTTON_TEXT_LIMIT) -> dict:
    return {"type": "plain_text", "text": clip(text, limit), "emoji": True}


def mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def section(text: str, accessory: dict | None = None, block_id: str | None = None) -> dict:
    block = {"type": "section", "text": mrkdwn(clip(text, SECTION_LIMIT))}
    if accessory:
        block["accessory"] = accessory
    if block_id:
        block["block_id"] = block_id
    return block


def context(*texts: str) -> dict:
    return {"type": "context", "elements": [mrkdwn(clip(t, 2000)) for t in texts if t]}


def divider() -> dict:
    return {"type": "divider"}


def header(text: str) -> dict:
    return {"type": "header", "text": plain(text, 150)}


def button(text: str, action_id: str, value: str, style: str | None = None) -> dict:
    element = {"type": "button", "text": plain(text), "action_id": action_id, "value": value}
    if style:
        element["style"] = style
    return element


def actions(*elements: dict, block_id: str | None = None) -> dict:
    block = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def entry_ref(question_id: int, entry_id: str | None) -> str:
    return f"{question_id}|{entry_id or ''}"


# dates -------------------------------------------------------------------------------------------


def slack_date(value: str | None) -> str:
    """A Slack date token (shown in each reader's time zone), falling back to the stored text."""
    moment = parse_stored_time(value)
    if moment is None:
        return "an unknown time"
    fallback = moment.strftime("%d %b %Y %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} at {{time}}|{fallback}>"


def describe_age(since: str | None, now: dt.datetime) -> str:
    moment = parse_stored_time(since)
    if moment is None:
        return "unknown"
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return "less than a minute"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return "less than a minute"  # pragma: no cover


def human_list(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# the reply to a question ------------------------------------------------------------------------


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
    if decision == ANSWER and entries:
        blocks += entry_blocks(entries[0], question.id)
        text = f"{escape_mrkdwn(entries[0].question)} ({NOTICE})"
    elif decision == SUGGEST and entries:
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
    return Message(_DATE_TOKEN.sub(r"\1", text), [section(text)])


def error_message() -> Message:
    return notice_message(f":warning: {ERROR_TEXT}")


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


# the advisor channel ----------------------------------------------------------------------------

SOURCE_LABELS = {Via.COMMAND: "/canishare", Via.DM: "direct message", Via.MENTION: "a mention",
                 Via.SHORTCUT: "the message shortcut", Via.HOME: "App Home", Via.CLI: "the command line"}


def best_guesses(question: Question | None, faq: Faq) -> list[FaqEntry]:
    if question is None:
        return []
    ids = list(question.suggestions) or ([question.faq_id] if question.faq_id else [])
    return [entry for entry in (faq.get(i) for i in ids[:3]) if entry is not None]


def state_text(escalation: Escalation) -> str:
    if escalation.state == CLAIMED:
        return f":raising_hand: *Claimed* by <@{escalation.claimed_by}> {slack_date(escalation.claimed_at)}"
    if escalation.state == ANSWERED:
        text = f":white_check_mark: *Answered* by <@{escalation.answered_by}> {slack_date(escalation.answered_at)}"
        if escalation.answer:
            text += "\n" + quoted(clip(escape_user_text(escalation.answer), 1500))
        if escalation.linked_faq_id:
            text += f"\nLinked to FAQ entry `{escape_mrkdwn(escalation.linked_faq_id)}`"
        if escalation.propose_new:
            text += "\n:memo: Proposed as a new FAQ entry"
        return text
    if escalation.state == CLOSED:
        return f":lock: *Closed* by <@{escalation.closed_by}> {slack_date(escalation.closed_at)}"
    return ":inbox_tray: *Open*: nobody has claimed it yet."


def advisor_buttons(escalation: Escalation) -> list[dict]:
    value = str(escalation.id)
    by_state = {
        OPEN: [button("Claim", CLAIM, value, "primary"), button("Answer", ANSWER_ACTION, value),
               button("Close", CLOSE, value)],
        CLAIMED: [button("Answer", ANSWER_ACTION, value, "primary"), button("Close", CLOSE, value)],
        ANSWERED: [button("Close", CLOSE, value), button("Reopen", REOPEN, value)],
        CLOSED: [button("Reopen", REOPEN, value)],
    }
    return by_state.get(escalation.state, [])


def urgent_flag(escalation: Escalation) -> str:
    return ":rotating_light: *URGENT* " if escalation.urgent else ""


def advisor_message(escalation: Escalation, faq: Faq, now: dt.datetime) -> Message:
    """The escalation as advisors see it: flag, redacted question, asker, age, guesses, state, buttons."""
    question = escalation.question
    asker = f"<@{question.asker}>" if question else "someone"
    via = SOURCE_LABELS.get(question.where.source, question.where.source) if question else "?"
    blocks = [
        section(f"{urgent_flag(escalation)}*Escalation #{escalation.id}* from {asker} via {via}\n"
                + quoted(user_question(question))),
        context(f"Asked {slack_date(question.created_at if question else escalation.created_at)} · "
                f"waiting {describe_age(escalation.waiting_since, now)} when last updated"
                + (f" · identifiers removed: {escape_mrkdwn(human_list(question.redacted_kinds))}"
                   if question and question.redacted_kinds else "")),
    ]
    guesses = best_guesses(question, faq)
    guess_text = "\n".join(f"• `{e.id}`: {escape_mrkdwn(e.question)}" for e in guesses) or "• none"
    blocks.append(section(f"*The bot's best guesses:*\n{guess_text}"))
    blocks.append(section(state_text(escalation)))
    buttons = advisor_buttons(escalation)
    if buttons:
        blocks.append(actions(*buttons, block_id=f"advisor-{escalation.id}"))
    flag = "URGENT " if escalation.urgent else ""
    return Message(f"{flag}Escalation #{escalation.id} ({escalation.state}): {clip(user_question(question), 150)}",
                   blocks)


def reminder_message(escalation: Escalation, now: dt.datetime) -> Message:
    return notice_message(
        f":alarm_clock: {urgent_flag(escalation)}Escalation #{escalation.id} has waited "
        f"{describe_age(escalation.waiting_since, now)} without being claimed. Can someone pick it up?"
    )


def advisor_answer_message(escalation: Escalation, faq: Faq) -> Message:
    """An advisor's answer, as the asker receives it."""
    blocks = [
        section(":speech_balloon: *An advisor has answered your question*\n" + quoted(user_question(escalation.question, 600))),
        section(clip(escape_user_text(escalation.answer or ""), SECTION_LIMIT)),
        context(f"Answered by <@{escalation.answered_by}> · escalation #{escalation.id}"),
    ]
    linked = faq.get(escalation.linked_faq_id) if escalation.linked_faq_id else None
    if linked:
        blocks.append(context(f"This is covered by the FAQ entry “{escape_mrkdwn(linked.question)}”"))
    blocks.append(context(f":warning: {NOTICE}"))
    return Message(f"An advisor has answered your question (escalation #{escalation.id}).", blocks)


# modals ------------------------------------------------------------------------------------------


def ask_modal(metadata: dict) -> dict:
    return {
        "type": "modal",
        "callback_id": ASK_MODAL,
        "private_metadata": json.dumps(metadata),
        "title": plain("Ask canishare", 24),
        "submit": plain("Ask", 24),
        "close": plain("Cancel", 24),
        "blocks": [
            {
                "type": "input",
                "block_id": QUESTION_BLOCK,
                "label": plain("Your question", 2000),
                "hint": plain("Describe the situation without names or identifiers "
                              "(no NHS numbers, addresses or dates of birth).", 2000),
                "element": {"type": "plain_text_input", "action_id": QUESTION_INPUT, "multiline": True,
                            "max_length": 3000},
            }
        ],
    }


def faq_option(entry: FaqEntry) -> dict:
    return {"text": plain(entry.question, OPTION_TEXT_LIMIT), "value": entry.id}


def faq_options(entries: Iterable[FaqEntry], query: str = "") -> list[dict]:
    """Options for the "this is FAQ entry …" select: those whose id or question contains the query."""
    needle = (query or "").strip().lower()
    chosen = [e for e in entries if not needle or needle in e.id or needle in e.question.lower()]
    return [faq_option(e) for e in chosen[:STATIC_SELECT_LIMIT]]


def faq_select(entries: Sequence[FaqEntry]) -> dict:
    placeholder = plain("Choose an entry", 150)
    if len(entries) <= STATIC_SELECT_LIMIT:
        return {"type": "static_select", "action_id": FAQ_INPUT, "placeholder": placeholder,
                "options": faq_options(entries)}
    return {"type": "external_select", "action_id": FAQ_INPUT, "placeholder": placeholder, "min_query_length": 0}


def answer_modal(escalation: Escalation, entries: Sequence[FaqEntry], metadata: dict) -> dict:
    question = escalation.question
    return {
        "type": "modal",
        "callback_id": ANSWER_MODAL,
        "private_metadata": json.dumps(metadata),
        "title": plain("Answer a question", 24),
        "submit": plain("Send answer", 24),
        "close": plain("Cancel", 24),
        "blocks": [
            section(f"{urgent_flag(escalation)}*Escalation #{escalation.id}*"
                    + (f" from <@{question.asker}>" if question else "") + "\n" + quoted(user_question(question))),
            {
                "type": "input",
                "block_id": ANSWER_BLOCK,
                "label": plain("Your answer", 2000),
                "hint": plain("The asker receives this as you write it. Don't include identifiers.", 2000),
                "element": {"type": "plain_text_input", "action_id": ANSWER_INPUT, "multiline": True,
                            "max_length": 3000},
            },
            {
                "type": "input",
                "block_id": FAQ_BLOCK,
                "optional": True,
                "label": plain("This is FAQ entry…", 2000),
                "hint": plain("The question is then learned as a new way of asking that entry.", 2000),
                "element": faq_select(entries),
            },
            {
                "type": "input",
                "block_id": PROPOSE_BLOCK,
                "optional": True,
                "label": plain("New FAQ entry", 2000),
                "element": {"type": "checkboxes", "action_id": PROPOSE_INPUT,
                            "options": [{"text": plain("Propose this as a new FAQ entry", 75), "value": "yes"}]},
            },
        ],
    }


# App Home ----------------------------------------------------------------------------------------

DECISION_LABELS = {Decision.ANSWER: "answered from the FAQ", Decision.SUGGEST: "FAQ entries suggested",
                   Decision.ESCALATE: "no FAQ answer"}
ESCALATION_LABELS = {OPEN: "with the advisors, waiting", CLAIMED: "an advisor is working on it",
                     ANSWERED: "answered by an advisor", CLOSED: "closed by an advisor"}


def question_state(question: Question, escalation: Escalation | None) -> str:
    if escalation is not None:
        return ESCALATION_LABELS.get(escalation.state, escalation.state)
    return DECISION_LABELS.get(question.decision, question.decision)


def recent_question_blocks(recent: Sequence[tuple[Question, Escalation | None]]) -> list[dict]:
    if not recent:
        return [section("_You haven't asked anything yet._")]
    return [
        section(f"{user_question(q, 300)}\n_{slack_date(q.created_at)} · {question_state(q, e)}_")
        for q, e in recent
    ]


def queue_item_blocks(escalation: Escalation, now: dt.datetime, prefix: str) -> list[dict]:
    who = f" · claimed by <@{escalation.claimed_by}>" if escalation.claimed_by else ""
    blocks = [section(
        f"{urgent_flag(escalation)}*#{escalation.id}* · {escalation.state}{who} · waiting "
        f"{describe_age(escalation.waiting_since, now)}\n{quoted(user_question(escalation.question, 400))}"
    )]
    buttons = advisor_buttons(escalation)
    if buttons:
        blocks.append(actions(*buttons, block_id=f"{prefix}-{escalation.id}"))
    return blocks


def home_view(
    recent: Sequence[tuple[Question, Escalation | None]],
    is_advisor: bool,
    queue: Sequence[Escalation],
    claimed: Sequence[Escalation],
    now: dt.datetime,
) -> dict:
    blocks = [
        header("canishare: can I share this?"),
        section(
            "Ask whether you can share information, in your own words and without names or identifiers. "
            "Use `/canishare your question`, send me a direct message, mention me in a channel, or use "
            "the message shortcut *Ask canishare*.",
            accessory=button("Ask a question", HOME_ASK, Via.HOME, "primary"),
        ),
        context(f":warning: {NOTICE}"),
        divider(),
        header("Your recent questions"),
        *recent_question_blocks(recent),
    ]
    if is_advisor:
        blocks += [divider(), header("What you have claimed")]
        blocks += listed_escalations(claimed, now, "mine", HOME_CLAIMED_LIMIT, "_Nothing claimed._")
        blocks += [divider(), header(f"The advisor queue ({len(queue)} open or claimed, oldest first)")]
        room = HOME_BLOCK_LIMIT - len(blocks) - 1  # one for the "…and N more" line
        blocks += listed_escalations(queue, now, "queue", min(HOME_QUEUE_LIMIT, room // 2), "_The queue is empty._")
    return {"type": "home", "blocks": blocks}


def listed_escalations(escalations: Sequence[Escalation], now: dt.datetime, prefix: str, limit: int,
                       empty: str) -> list[dict]:
    """At most ``limit`` escalations (two blocks each: never one cut from its buttons), then how many more."""
    if not escalations:
        return [section(empty)]
    blocks = [b for e in escalations[:limit] for b in queue_item_blocks(e, now, prefix)]
    if len(escalations) > limit:
        blocks.append(context(f"…and {len(escalations) - limit} more in the advisor channel."))
    return blocks
