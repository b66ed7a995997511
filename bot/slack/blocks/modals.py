"""The modals: asking a question, an advisor's answer (with the FAQ entry select), and a
practitioner's decision record."""

from __future__ import annotations

import json
import re
from typing import Iterable, Sequence

from bot import decisions
from bot.answers import entry_title
from bot.escalations import ANSWER_MAX_CHARS, QueueError, require_answerable
from bot.faq import FaqEntry
from bot.mrkdwn import FORMER_ADVISOR, escape_mrkdwn, escape_user_text, markdown_to_mrkdwn, mention
from bot.nations import Reader
from bot.questions import MAX_QUESTION_CHARS
from bot.records import ANSWERED, CLAIMED, Escalation, FollowUp
from bot.slack.blocks.advisor_card import asker_nation_block, urgent_flag
from bot.slack.blocks.follow_ups import MODAL_FOLLOW_UP_CHARS, follow_up_blocks
from bot.slack.blocks.ids import (
    ANSWER_BLOCK,
    ANSWER_INPUT,
    ANSWER_MODAL,
    ASK_MODAL,
    DECISION_INPUT,
    DECISION_MODAL,
    FAQ_BLOCK,
    FAQ_INPUT,
    PROPOSE_BLOCK,
    PROPOSE_INPUT,
    QUESTION_BLOCK,
    QUESTION_INPUT,
)
from bot.slack.blocks.kit import (
    HEADER_LIMIT,
    LABEL_LIMIT,
    MODAL_TEXT_LIMIT,
    OPTION_TEXT_LIMIT,
    PLACEHOLDER_LIMIT,
    context,
    header,
    max_length,
    option,
    plain,
    section,
    slack_date,
    whole_question_sections,
    whole_text_sections,
)
from bot.slack.blocks.reopened import reopened_blocks

MODAL_BLOCK_LIMIT = 100  # Slack's limit on a modal's blocks
STATIC_SELECT_LIMIT = 100  # Slack's limit on a static_select's options; beyond it: external_select
RADIO_LIMIT = 10  # Slack's limit on radio buttons' options


def ask_modal(metadata: dict) -> dict:
    return {
        "type": "modal",
        "callback_id": ASK_MODAL,
        "private_metadata": json.dumps(metadata),
        "title": plain("Ask canishare", MODAL_TEXT_LIMIT),
        "submit": plain("Ask", MODAL_TEXT_LIMIT),
        "close": plain("Cancel", MODAL_TEXT_LIMIT),
        "blocks": [
            {
                "type": "input",
                "block_id": QUESTION_BLOCK,
                "label": plain("Your question", LABEL_LIMIT),
                "hint": plain("Describe the situation without names or identifiers "
                              "(no NHS numbers, addresses or dates of birth), "
                              f"in up to {MAX_QUESTION_CHARS:,} characters.", LABEL_LIMIT),
                "element": {"type": "plain_text_input", "action_id": QUESTION_INPUT, "multiline": True,
                            **max_length(MAX_QUESTION_CHARS)},
            }
        ],
    }


def faq_option(entry: FaqEntry) -> dict:
    return {"text": plain(entry_title(entry.question), OPTION_TEXT_LIMIT), "value": entry.id}


def faq_options(entries: Iterable[FaqEntry], query: str = "") -> list[dict]:
    """Options for the "this is FAQ entry …" select: those whose id or question contains the query."""
    needle = (query or "").strip().lower()
    chosen = [e for e in entries if not needle or needle in e.id or needle in e.question.lower()]
    return [faq_option(e) for e in chosen[:STATIC_SELECT_LIMIT]]


def faq_select(entries: Sequence[FaqEntry]) -> dict:
    placeholder = plain("Choose an entry", PLACEHOLDER_LIMIT)
    if len(entries) <= STATIC_SELECT_LIMIT:
        return {"type": "static_select", "action_id": FAQ_INPUT, "placeholder": placeholder,
                "options": faq_options(entries)}
    return {"type": "external_select", "action_id": FAQ_INPUT, "placeholder": placeholder, "min_query_length": 0}


ADDED_SHOWN = 5  # follow-ups that arrived while the form was open, shown whole above it (the rest: the thread)


def answer_metadata(escalation: Escalation, home: bool) -> dict:
    """What the answer form remembers: its escalation, where it was opened, and the last follow-up it
    showed (a later one is shown to the advisor before their answer goes), and the escalation's version
    (an answer to an escalation changed since is refused, and the form shown again as it now is)."""
    return {"escalation": escalation.id, "home": home, "version": escalation.version,
            "seen_follow_up": max((f.id for f in escalation.follow_ups), default=0)}


def added_since_opened(escalation: Escalation, metadata: dict) -> list[FollowUp]:
    """The follow-ups the form did not show (none for a form opened before forms remembered them)."""
    seen = metadata.get("seen_follow_up")
    return [] if not isinstance(seen, int) else [f for f in escalation.follow_ups if f.id > seen]


def added_blocks(added: Sequence[FollowUp]) -> list[dict]:
    """What the asker added while the advisor was writing, whole, above their answer."""
    blocks = [section(":warning: *The asker added this since you opened the form.* Your answer is still below: "
                      "check it against this, then press *Send answer* again to send it (changed or not).")]
    for follow_up in added[-ADDED_SHOWN:]:
        flag = " :rotating_light: *urgent*" if follow_up.urgent else ""
        blocks += whole_text_sections(escape_user_text(follow_up.text), f"{slack_date(follow_up.created_at)}{flag}",
                                      quote=True)
    if len(added) > ADDED_SHOWN:
        blocks.append(context(f"_and {len(added) - ADDED_SHOWN} more before these, in the card's thread_"))
    return blocks


def what_to_do_now(escalation: Escalation, advisor: str | None) -> str:
    """After an answer was refused because the escalation changed: what its ``advisor`` can do now. "Press
    again" only when pressing again can send it; else what would let it (their own change does)."""
    try:
        require_answerable(escalation, advisor or "")
    except QueueError:
        pass
    else:
        return "check it against the escalation as it is now, then press *Send answer* again to send it."
    if escalation.state == CLAIMED:
        blocker = f"{mention(escalation.claimed_by, FORMER_ADVISOR)} has claimed it"
        way = "release it (*Release* on its card) once they agree"
    else:
        by = f" by {mention(escalation.answered_by, FORMER_ADVISOR)}" if escalation.state == ANSWERED else ""
        blocker = f"it is {escalation.state}{by}"
        way = "reopen it (*Reopen* on its card)"
    return (f"it cannot be sent as things are: {blocker}. To send it, {way}, then press *Send answer* again; "
            "or copy your answer before you close this form.")


def answer_modal(escalation: Escalation, entries: Sequence[FaqEntry], metadata: dict,
                 reader: Reader | None = None, draft: dict | None = None, added: Sequence[FollowUp] = (),
                 changed: str = "", advisor: str | None = None) -> dict:
    """The advisor's answer form, under the question and the asker's nation (``reader``). Shown again
    because the asker ``added`` to it meanwhile, or because it ``changed`` (another advisor's action), it
    keeps what they entered (``draft``: the form's state) and tells its ``advisor`` what they can do now."""
    question = escalation.question
    draft = draft or {}
    return {
        "type": "modal",
        "callback_id": ANSWER_MODAL,
        "private_metadata": json.dumps(metadata),
        "title": plain("Answer a question", MODAL_TEXT_LIMIT),
        "submit": plain("Send answer", MODAL_TEXT_LIMIT),
        "close": plain("Cancel", MODAL_TEXT_LIMIT),
        "blocks": [
            *([section(f":warning: *{changed}* Your answer is still below: {what_to_do_now(escalation, advisor)}")]
              if changed else []),
            *(added_blocks(added) if added else []),
            *whole_question_sections(question, f"{urgent_flag(escalation)}*Escalation #{escalation.id}*"
                                     + (f" from {mention(question.asker)}" if question else "")),
            *([asker_nation_block(reader)] if reader is not None else []),
            *follow_up_blocks(escalation.follow_ups, MODAL_FOLLOW_UP_CHARS),
            *reopened_blocks(escalation),
            {
                "type": "input",
                "block_id": ANSWER_BLOCK,
                "label": plain("Your answer", LABEL_LIMIT),
                "hint": plain("The asker receives this as you write it. Don't include identifiers.", LABEL_LIMIT),
                "element": with_initial(
                    {"type": "plain_text_input", "action_id": ANSWER_INPUT, "multiline": True,
                     **max_length(ANSWER_MAX_CHARS)},
                    "initial_value", draft.get(ANSWER_BLOCK, {}).get(ANSWER_INPUT, {}).get("value")),
            },
            {
                "type": "input",
                "block_id": FAQ_BLOCK,
                "optional": True,
                "label": plain("This is FAQ entry…", LABEL_LIMIT),
                "hint": plain("The question is then learned as a new way of asking that entry.", LABEL_LIMIT),
                "element": with_initial(faq_select(entries), "initial_option",
                                        draft.get(FAQ_BLOCK, {}).get(FAQ_INPUT, {}).get("selected_option")),
            },
            {
                "type": "input",
                "block_id": PROPOSE_BLOCK,
                "optional": True,
                "label": plain("New FAQ entry", LABEL_LIMIT),
                "element": with_initial(
                    {"type": "checkboxes", "action_id": PROPOSE_INPUT,
                     "options": [option("Propose this as a new FAQ entry", "yes")]},
                    "initial_options", draft.get(PROPOSE_BLOCK, {}).get(PROPOSE_INPUT, {}).get("selected_options")),
            },
        ],
    }


def with_initial(element: dict, key: str, value) -> dict:
    """``element`` filled in with what the person entered before (nothing entered: as it was)."""
    return {**element, key: value} if value else element


# the decision record -----------------------------------------------------------------------------

OTHER_BASIS_TEXT = "Other (describe it below)"


def basis_value(index: int, basis: str) -> str:
    """A lawful basis option's value: its place in ``decisions.basis_choices`` and its text's key (texts can
    be longer than an option's value may be)."""
    return f"b{index}:{decisions.basis_key(basis)}"


def basis_from_value(value: str | None, choices: Sequence[str]) -> str | None:
    """The lawful basis an option's value stands for: a text of ``choices`` (the one with its key, wherever
    it is now), ``decisions.OTHER``, or None (none chosen, or the text chosen is no longer offered). A value
    without a key, from a form opened before keys, is read by its place."""
    if value == decisions.OTHER:
        return decisions.OTHER
    place, _, key = (value or "").partition(":")
    if key:
        return next((basis for basis in choices if decisions.basis_key(basis) == key), None)
    if place.startswith("b") and place[1:].isdigit() and int(place[1:]) < len(choices):
        return choices[int(place[1:])]
    return None


def _input(field: str, label: str, element: dict, *, optional: bool = False, hint: str | None = None) -> dict:
    block = {"type": "input", "block_id": field, "optional": optional, "label": plain(label, LABEL_LIMIT),
             "element": {**element, "action_id": DECISION_INPUT}}
    if hint:
        block["hint"] = plain(hint, LABEL_LIMIT)
    return block


def _text(field: str, *, multiline: bool = False, placeholder: str | None = None) -> dict:
    element = {"type": "plain_text_input", "multiline": multiline, **max_length(decisions.LIMITS[field])}
    if placeholder:
        element["placeholder"] = plain(placeholder, PLACEHOLDER_LIMIT)
    return element


IF_SHARED = "(needed if you shared)"


def _within(hint: str, field: str) -> str:
    """A field's hint, with its limit: the form says it before Slack or the check refuses more."""
    return f"{hint} Up to {decisions.LIMITS[field]:,} characters."


def _radio(labels: dict) -> dict:
    return {"type": "radio_buttons", "options": [option(text, value) for value, text in labels.items()][:RADIO_LIMIT]}


def guidance_summary(entry: FaqEntry | None, escalation_id: int | None, retired_id: str | None = None) -> str:
    """What the record will say the decision followed, as shown at the top of the modal; ``retired_id``:
    the entry answered with, since taken out of the FAQ."""
    if entry is None and retired_id:
        about = f"the FAQ answer `{escape_mrkdwn(retired_id)}` (no longer in the FAQ)"
    elif entry is not None:
        reviewed = f"{entry.last_reviewed.day} {entry.last_reviewed:%B %Y}"
        title = escape_mrkdwn(entry_title(entry.question))
        about = f"the FAQ answer “{title}” (`{entry.id}`, last reviewed {reviewed})"
        if escalation_id:
            about = f"the advisor's answer to escalation #{escalation_id}, and {about}"
    elif escalation_id:
        about = f"the advisor's answer to escalation #{escalation_id}"
    else:
        about = "canishare's guidance"
    return f"*Guidance followed:* {about}"


def decision_modal(entry: FaqEntry | None, metadata: dict, escalation_id: int | None = None) -> dict:
    """"Record my decision": what was decided, with whom, what was shared (described), the lawful
    basis (the entry's own, first one chosen, or "other"), the reasons, and whether the person was
    told (and if not, why). Redacted before it is stored; the person gets it back by DM."""
    choices = decisions.basis_choices(entry)
    options = [option(decisions.basis_label(text, OPTION_TEXT_LIMIT), basis_value(n, text))
               for n, text in enumerate(choices[:STATIC_SELECT_LIMIT - 1])]
    options.append(option(OTHER_BASIS_TEXT, decisions.OTHER))
    basis = {"type": "static_select", "placeholder": plain("Choose the lawful basis", PLACEHOLDER_LIMIT),
             "options": options}
    if decisions.own_bases(entry):
        basis["initial_option"] = options[0]  # pre-filled from the entry's legal basis
    return {
        "type": "modal",
        "callback_id": DECISION_MODAL,
        "private_metadata": json.dumps(metadata),
        "title": plain("Record my decision", MODAL_TEXT_LIMIT),
        "submit": plain("Save record", MODAL_TEXT_LIMIT),
        "close": plain("Cancel", MODAL_TEXT_LIMIT),
        "blocks": [
            section(guidance_summary(entry, escalation_id, metadata.get("faq") if entry is None else None)),
            context("Describe, don't paste: no names or identifiers. I remove the ones I recognise before the "
                    "record is kept, not every one. I'll send you the record by direct message to paste into "
                    "your case system."),
            _input("decision", "What did you decide?", _radio(decisions.DECISION_LABELS)),
            # Slack marks a field that may be empty "(optional)": these two are needed when something was
            # shared, so the label says so, rather than "(optional)" alone
            _input("shared_with", f"With whom {IF_SHARED}",
                   _text("shared_with", placeholder="e.g. children's social care"), optional=True,
                   hint=_within("A role or organisation, not a person's name.", "shared_with")),
            _input("what_shared", f"What was shared {IF_SHARED}",
                   _text("what_shared", multiline=True,
                         placeholder="e.g. our concerns about attendance and two recent injuries"),
                   optional=True, hint=_within("Describe it; don't paste it.", "what_shared")),
            _input("lawful_basis", "Lawful basis", basis, optional=True,
                   hint="From the guidance you followed; choose Other to describe another."),
            _input("lawful_basis_other", "Other lawful basis", _text("lawful_basis_other"), optional=True,
                   hint=_within("Only if you chose Other.", "lawful_basis_other")),
            _input("reasons", "Your reasons", _text("reasons", multiline=True),
                   hint=_within("Why you decided this, and what you weighed.", "reasons")),
            _input("person_told", "Was the person told?", _radio(decisions.TOLD_LABELS)),
            _input("not_told_why", "If not, why not", _text("not_told_why", multiline=True), optional=True,
                   hint=_within("For example, telling them would put the child at greater risk.", "not_told_why")),
        ],
    }



FILL_IN_GAP = re.compile(r"\[FILL IN[^\]]*\]")  # the template's gaps, some over two lines
NOT_FILLED_IN = "(not filled in yet)"
TEMPLATE_WARNING = (":warning: *This is canishare's template privacy notice, which your organisation has not "
                    "filled in yet:* parts are missing, such as who is responsible for your data and how to contact "
                    "their data protection officer. Ask your organisation's data protection officer for its privacy "
                    "notice.")


def privacy_notice_modal(notice_markdown: str) -> dict:
    """The bundled privacy notice (docs/privacy-notice.md) as a modal, for a workspace whose
    organisation has not published it at CANISHARE_PRIVACY_URL."""
    blocks: list[dict] = [section(TEMPLATE_WARNING)] if FILL_IN_GAP.search(notice_markdown) else []
    notice_markdown = FILL_IN_GAP.sub(NOT_FILLED_IN, notice_markdown)
    for paragraph in notice_markdown.split("\n\n"):
        text = paragraph.strip()
        if not text or text.startswith("<!--"):
            continue
        if text.startswith("#"):
            blocks.append(header(text.lstrip("# ").strip()[:HEADER_LIMIT]))
        else:
            blocks.append(section(markdown_to_mrkdwn(text)))
        if len(blocks) == MODAL_BLOCK_LIMIT:
            break
    return {"type": "modal", "title": plain("Privacy notice", MODAL_TEXT_LIMIT),
            "close": plain("Close", MODAL_TEXT_LIMIT), "blocks": blocks}
