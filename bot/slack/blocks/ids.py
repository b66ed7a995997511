"""The contract between the builders and the listeners: action ids, view callback ids and input
ids, and the values buttons carry.

``feedback_helpful`` / ``feedback_not_helpful`` and ``show_entry`` carry ``"<question id>|<entry id>"``
(``entry_ref``), ``escalate`` carries the question id, and the ``advisor_*`` buttons carry the
escalation id.
"""

from __future__ import annotations

# buttons (listeners register these)
HELPFUL, NOT_HELPFUL = "feedback_helpful", "feedback_not_helpful"
SHOW_ENTRY, ESCALATE, HOME_ASK = "show_entry", "escalate", "home_ask"
CLAIM, ANSWER_ACTION, CLOSE, REOPEN = "advisor_claim", "advisor_answer", "advisor_close", "advisor_reopen"
# views and their inputs
ASK_MODAL, ANSWER_MODAL = "ask_modal", "advisor_answer_modal"
QUESTION_BLOCK, QUESTION_INPUT = "question", "text"
ANSWER_BLOCK, ANSWER_INPUT = "answer", "text"
FAQ_BLOCK, FAQ_INPUT = "faq_entry", "entry"
PROPOSE_BLOCK, PROPOSE_INPUT = "propose", "propose_new"


def entry_ref(question_id: int, entry_id: str | None) -> str:
    return f"{question_id}|{entry_id or ''}"
