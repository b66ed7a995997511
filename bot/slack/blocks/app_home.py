"""App Home: how to ask, the person's nation (chosen here), their recent questions and their
decision records; for advisors, what they have claimed and the queue, with the same buttons as the
advisor channel, within Slack's 100 blocks."""

from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence

from bot.asker_steps import NextStep, next_step
from bot.decisions import DECISION_LABELS as SHARING_LABELS
from bot.faq import NATION_NAMES, NATIONS
from bot.mrkdwn import FORMER_ADVISOR, escape_user_text, mention
from bot.policy_copy import DISCLAIMER
from bot.records import ANSWERED, CLAIMED, CLOSED, OPEN, Decision, DecisionRecord, Escalation, Question, Via
from bot.slack.blocks.advisor_card import advisor_buttons, urgent_flag
from bot.slack.blocks.faq_answer import ASK_AN_ADVISOR
from bot.slack.blocks.ids import (
    ESCALATE,
    HOME_AGAIN,
    HOME_ASK,
    HOME_MY_DATA,
    HOME_NATION,
    HOME_PRIVACY,
    NATION_ALL,
    SHOW_ENTRY,
    entry_ref,
)
from bot.slack.blocks.kit import (
    ACCESSIBILITY_LABEL_LIMIT,
    actions,
    button,
    clip,
    context,
    describe_age,
    divider,
    header,
    option,
    preview,
    quoted,
    section,
    slack_date,
    user_question,
)
from bot.slack.blocks.reopened import reopened_lines
from bot.times import UK_TIME, parse_stored_time

HOME_QUEUE_LIMIT = 20
HOME_CLAIMED_LIMIT = 10
HOME_RECORDS_LIMIT = 10
SHARED_WITH_SHOWN = 150  # characters of a record's "with whom" on its Home line
HOME_BLOCK_LIMIT = 100  # Slack's limit on a Home tab's blocks
EVERY_NATION = "Every nation (show all the notes)"


def nation_blocks(nation: str | None, is_default: bool) -> list[dict]:
    """The person's nation, with the select that changes it: answers put that nation's note first."""
    options = [option(NATION_NAMES[n], n) for n in NATIONS] + [option(EVERY_NATION, NATION_ALL)]
    select = {"type": "static_select", "action_id": HOME_NATION, "options": options,
              "initial_option": options[NATIONS.index(nation)] if nation else options[-1]}
    if nation is None:
        text = ("*Your nation:* not set. Answers show where they hold and every nation's notes. "
                "Pick yours to see the law where you work first.")
    else:
        source = " (this workspace's default)" if is_default else ""
        text = (f"*Your nation:* {NATION_NAMES[nation]}{source}. Answers put what differs there first, "
                "and say plainly when an answer does not hold there.")
    return [section(text, accessory=select, block_id="nation")]


def decision_record_blocks(records: Sequence[DecisionRecord]) -> list[dict]:
    """The person's latest decision records, one section each."""
    if not records:
        return [section("_No decision records yet. Use *Record my decision* under any answer._")]
    blocks = []
    for r in records[:HOME_RECORDS_LIMIT]:
        shared_with = f" · with {escape_user_text(clip(r.shared_with, SHARED_WITH_SHOWN))}" if r.shared_with else ""
        guidance = f"FAQ `{r.faq_id}`" if r.faq_id else (f"advisor's answer #{r.escalation_id}" if r.escalation_id
                                                          else "canishare")
        blocks.append(section(
            f"*{SHARING_LABELS.get(r.decision, r.decision)}*{shared_with}\n"
            f"{escape_user_text(preview(r.reasons, 300))}\n"
            f"_{slack_date(r.created_at)} · record #{r.id} · {guidance}_"
        ))
    return blocks


DECISION_LABELS = {Decision.ANSWER: "answered from the FAQ", Decision.SUGGEST: "FAQ entries suggested",
                   Decision.ESCALATE: "no FAQ answer"}
ESCALATION_LABELS = {OPEN: "with the advisors, waiting", CLAIMED: "an advisor is working on it",
                     ANSWERED: "answered by an advisor", CLOSED: "closed by an advisor"}


# While the advisor channel is not trusted nothing is posted there (``deliverer.hold_while_channel_untrusted``):
# an open escalation has not reached the advisors yet.
NOT_YET_WITH_ADVISORS = "waiting: the advisors cannot receive questions at the moment"


def question_state(question: Question, escalation: Escalation | None, advisors_unreachable: bool = False) -> str:
    if escalation is not None:
        if advisors_unreachable and escalation.state == OPEN:
            return NOT_YET_WITH_ADVISORS
        return ESCALATION_LABELS.get(escalation.state, escalation.state)
    return DECISION_LABELS.get(question.decision, question.decision)


def recent_question_blocks(recent: Sequence[tuple[Question, Escalation | None]],
                           in_faq: Callable[[str], bool] = lambda entry_id: True,
                           advisors_unreachable: bool = False) -> list[dict]:
    """One section per question, with its next step as a button (its reply may be long gone: an
    ephemeral one does not survive a reload). Only the asker sees their Home."""
    if not recent:
        return [section("_You haven't asked anything yet._")]
    return [
        section(f"{user_question(q, 300)}\n_{slack_date(q.created_at)} · {question_state(q, e, advisors_unreachable)}_",
                accessory=next_step_button(q, e, in_faq))
        for q, e in recent
    ]


def next_step_button(question: Question, escalation: Escalation | None,
                     in_faq: Callable[[str], bool] = lambda entry_id: True) -> dict | None:
    """The button for what the asker can do next (``bot.asker_steps.next_step``), on the same action
    ids as the reply's buttons where there is one; the reply comes by DM."""
    buttons = {
        NextStep.SEND_TO_ADVISOR: (ASK_AN_ADVISOR, ESCALATE, str(question.id)),
        NextStep.SHOW_ENTRY: ("Show answer", SHOW_ENTRY, entry_ref(question.id, question.faq_id)),
        NextStep.SHOW_SUGGESTIONS: ("Show suggestions", HOME_AGAIN, str(question.id)),
        NextStep.SHOW_ADVISOR_ANSWER: ("Show the advisor's answer", HOME_AGAIN, str(question.id)),
    }
    found = buttons.get(next_step(question, escalation, in_faq))
    if found is None:
        return None
    text, action_id, value = found
    return button(text, action_id, value, accessibility_label=row_label(text, question))


def row_label(action: str, question: Question) -> str:
    """What a screen reader says for a row's button, which every row repeats: the button's own words (so a
    voice user can say them), then when the question was asked (UK time) and how it starts. Rows whose
    questions start alike still differ by the minute they were asked, within Slack's 75 characters."""
    asked = parse_stored_time(question.created_at)
    when = asked.astimezone(UK_TIME).strftime("%-d %b %H:%M") if asked else "an unknown time"
    return clip(f"{action}, {when}: {' '.join(question.text.split())}", ACCESSIBILITY_LABEL_LIMIT)


SHORTENED = "\n_Shortened here: *Answer* shows the whole question, as does its card in the advisor channel._"


def queue_item_blocks(escalation: Escalation, now: dt.datetime, prefix: str) -> list[dict]:
    who = f" · claimed by {mention(escalation.claimed_by, FORMER_ADVISOR)}" if escalation.claimed_by else ""
    added = len(escalation.follow_ups)
    who += f" · {added} follow-up{'s' if added != 1 else ''} from the asker" if added else ""
    shown = user_question(escalation.question, 400)
    blocks = [section(
        f"{urgent_flag(escalation)}*#{escalation.id}* · {escalation.state}{who} · waiting "
        f"{describe_age(escalation.waiting_since, now)}\n{quoted(shown)}"
        + (SHORTENED if escalation.question and len(escape_user_text(escalation.question.text)) > 400 else "")
        + reopened_lines(escalation)
    )]
    buttons = advisor_buttons(escalation)
    if buttons:
        blocks.append(actions(*buttons, block_id=f"{prefix}-{escalation.id}"))
    return blocks


def privacy_blocks(privacy_url: str | None, retention_days: int) -> list[dict]:
    """How canishare uses the person's data, in three lines, with the full notice and their own data."""
    notice = ({"type": "button", "text": {"type": "plain_text", "text": "Read the privacy notice"}, "url": privacy_url,
               "action_id": HOME_PRIVACY} if privacy_url else button("Read the privacy notice", HOME_PRIVACY, "notice"))
    return [
        header("How canishare uses your data"),
        section(
            "canishare keeps your questions with the identifiers it recognises taken out: NHS and NI numbers, "
            "names, addresses, phone numbers and more. It does not recognise every one, so don't type them. "
            "It also keeps your Slack ID, where you asked, the answers, your ratings and any decision records "
            f"you make. It keeps all of this for *{retention_days} days*. Advisors see a question when it is "
            "sent to them. They see it straight away if it says someone may be at risk now. You can ask for a "
            "copy of everything held about you, or ask for it to be erased."
        ),
        actions(notice, button("Send me my data", HOME_MY_DATA, "me")),
    ]


def home_view(
    recent: Sequence[tuple[Question, Escalation | None]],
    is_advisor: bool,
    queue: Sequence[Escalation],
    claimed: Sequence[Escalation],
    now: dt.datetime,
    records: Sequence[DecisionRecord] = (),
    nation: str | None = None,
    nation_is_default: bool = False,
    privacy: Sequence[dict] = (),
    in_faq: Callable[[str], bool] = lambda entry_id: True,
    advisors_unreachable: bool = False,
) -> dict:
    blocks = [
        header("canishare: can I share this?"),
        section(
            "Ask whether you can share information, in your own words and without names or identifiers. "
            "Use `/canishare your question`, send me a direct message, mention me in a channel, or use "
            "the message shortcut *Ask canishare*.",
            accessory=button("Ask a question", HOME_ASK, Via.HOME, "primary"),
        ),
        context(DISCLAIMER),
        *nation_blocks(nation, nation_is_default),
        divider(),
        header("Your recent questions"),
        *recent_question_blocks(recent, in_faq, advisors_unreachable),
        divider(),
        header("My decision records"),
        *decision_record_blocks(records),
        context("Your latest 10. Each was sent to you by direct message to paste into your case system."),
        *([divider(), *privacy] if privacy else []),
    ]
    if is_advisor:
        blocks += [divider(), header(f"What you have claimed{urgent_count(claimed)}")]
        blocks += listed_escalations(claimed, now, "mine", HOME_CLAIMED_LIMIT, "_Nothing claimed._",
                                     (HOME_BLOCK_LIMIT - len(blocks)) // 2)  # the other half for the queue
        blocks += [divider(), header(f"The advisor queue ({len(queue)} open or claimed{urgent_count(queue, ', ')}, "
                                     f"{'urgent first, then ' if any(e.urgent for e in queue) else ''}oldest first)")]
        room = HOME_BLOCK_LIMIT - len(blocks) - 1  # one for the "…and N more" line
        blocks += listed_escalations(queue, now, "queue", HOME_QUEUE_LIMIT, "_The queue is empty._", room)
    return {"type": "home", "blocks": blocks}


def urgent_count(escalations: Sequence[Escalation], before: str = ": ") -> str:
    urgent = sum(e.urgent for e in escalations)
    return f"{before}{urgent} urgent" if urgent else ""


def urgent_first(escalations: Sequence[Escalation]) -> list[Escalation]:
    """Urgent escalations first (each part in its own order): they are usually the newest, and must never be
    the ones behind the "…and N more" line."""
    return sorted(escalations, key=lambda e: not e.urgent)


def listed_escalations(escalations: Sequence[Escalation], now: dt.datetime, prefix: str, limit: int,
                       empty: str, room: int = HOME_BLOCK_LIMIT) -> list[dict]:
    """Urgent ones first, then the rest up to ``limit`` escalations in all (every urgent one, as far as
    the ``room`` left in the view allows; two blocks each: never one cut from its buttons), then how many more."""
    if not escalations:
        return [section(empty)]
    ordered = urgent_first(escalations)
    shown = min(max(limit, sum(e.urgent for e in ordered)), room // 2)
    blocks = [b for e in ordered[:shown] for b in queue_item_blocks(e, now, prefix)]
    if len(ordered) > shown:
        hidden_urgent = sum(e.urgent for e in ordered[shown:])
        more = f" ({hidden_urgent} of them urgent)" if hidden_urgent else ""
        blocks.append(context(f"…and {len(ordered) - shown} more{more} in the advisor channel."))
    return blocks
