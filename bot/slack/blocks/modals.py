"""The modals: asking a question, and an advisor's answer (with the FAQ entry select)."""

from __future__ import annotations

import json
from typing import Iterable, Sequence

from bot.faq import FaqEntry
from bot.records import Escalation
from bot.slack.blocks.advisor_card import urgent_flag
from bot.slack.blocks.ids import (
    ANSWER_BLOCK,
    ANSWER_INPUT,
    ANSWER_MODAL,
    ASK_MODAL,
    FAQ_BLOCK,
    FAQ_INPUT,
    PROPOSE_BLOCK,
    PROPOSE_INPUT,
    QUESTION_BLOCK,
    QUESTION_INPUT,
)
from bot.slack.blocks.kit import plain, quoted, section, user_question

STATIC_SELECT_LIMIT = 100  # Slack's limit on a static_select's options; beyond it: external_select
OPTION_TEXT_LIMIT = 75


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
