"""The contract between the builders and the listeners: action ids, view callback ids and input
ids, and the values buttons carry.

``feedback_helpful`` / ``feedback_not_helpful`` and ``show_entry`` carry ``"<question id>|<entry id>"``
(``entry_ref``), ``escalate`` carries the question id, the ``advisor_*`` buttons carry the
escalation id, and ``record_decision`` carries ``"<question id>|<entry id>|<escalation id>"``
(``decision_ref``; either id may be empty). ``home_nation`` is App Home's nation select.
"""

from __future__ import annotations

# buttons (listeners register these)
HELPFUL, NOT_HELPFUL = "feedback_helpful", "feedback_not_helpful"
SHOW_ENTRY, ESCALATE, HOME_ASK = "show_entry", "escalate", "home_ask"
CLAIM, ANSWER_ACTION, CLOSE, REOPEN = "advisor_claim", "advisor_answer", "advisor_close", "advisor_reopen"
RELEASE = "advisor_release"
RECORD_DECISION, HOME_NATION = "record_decision", "home_nation"
HOME_PRIVACY, HOME_MY_DATA = "home_privacy_notice", "home_send_my_data"
HOME_AGAIN = "home_show_again"  # App Home: the reply to one of my questions again (its id), by DM
# views and their inputs
ASK_MODAL, ANSWER_MODAL = "ask_modal", "advisor_answer_modal"
QUESTION_BLOCK, QUESTION_INPUT = "question", "text"
ANSWER_BLOCK, ANSWER_INPUT = "answer", "text"
FAQ_BLOCK, FAQ_INPUT = "faq_entry", "entry"
PROPOSE_BLOCK, PROPOSE_INPUT = "propose", "propose_new"
# the decision record modal: one input per block, each block named after the form's field
DECISION_MODAL = "decision_modal"
DECISION_INPUT = "value"
NATION_ALL = "all"  # the nation select's "every nation" option


def entry_ref(question_id: int, entry_id: str | None) -> str:
    return f"{question_id}|{entry_id or ''}"


def decision_ref(question_id: int | None, entry_id: str | None, escalation_id: int | None = None) -> str:
    return f"{question_id or ''}|{entry_id or ''}|{escalation_id or ''}"
