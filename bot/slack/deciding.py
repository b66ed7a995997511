"""Listeners: "Record my decision" (on every FAQ answer and every advisor answer relayed to an
asker) and its modal. The click opens the modal (a lazy listener: it needs the click's short-lived
trigger); the submission is checked, redacted and stored, and its DM to the practitioner owed, in
one commit before Slack is acknowledged; the deliverer sends the DM."""

from __future__ import annotations

from slack_bolt import App

from bot.decisions import BASIS_CHANGED, TEXT_FIELDS, DecisionForm, InvalidDecision, basis_choices
from bot.slack.blocks import ids
from bot.slack.blocks.modals import basis_from_value, decision_modal
from bot.slack.deps import Deps, just_ack
from bot.slack.modal_opening import open_modal
from bot.slack.payloads import action_value, decision_ref_of, metadata_of, selected_value, text_input, user_of
from bot.slack.submissions import keep_open


def register(app: App, deps: Deps) -> None:
    service = deps.service

    def open_decision_modal(body: dict) -> None:
        question_id, faq_id, escalation_id = decision_ref_of(action_value(body))
        entry = service.faq.get(faq_id) if faq_id else None
        # an entry retired since the answer keeps its id: the record still says which answer was followed
        metadata = {"question": question_id, "faq": entry.id if entry else faq_id, "escalation": escalation_id}
        open_modal(deps, body, decision_modal(entry, metadata, escalation_id))

    app.action(ids.RECORD_DECISION)(ack=just_ack, lazy=[open_decision_modal])

    def on_decision_submitted(ack, body: dict, view: dict) -> None:
        """Store the record (redacted) and owe its DM in one commit; a second submission of the same
        view stores nothing. Anything to fix is shown on its input."""
        metadata = metadata_of(view)
        faq_id = metadata.get("faq")
        try:
            form = form_of(view, basis_choices(service.faq.get(faq_id) if faq_id else None))
            service.record_decision(
                user_of(body), form, view_id=view.get("id"), question_id=_number(metadata.get("question")),
                faq_id=faq_id, escalation_id=_number(metadata.get("escalation")),
            )
        except InvalidDecision as invalid:
            ack(response_action="errors", errors=invalid.problems)  # the block ids are the form's fields
            return
        except Exception as error:  # noqa: BLE001 - the store failed: keep the modal, and the record, open
            keep_open(ack, "reasons", error, "a decision record")
            return
        ack()

    app.view(ids.DECISION_MODAL)(on_decision_submitted)


def form_of(view: dict, choices) -> DecisionForm:
    """The decision form as submitted (the lawful basis option read back as its text)."""
    def typed(field: str) -> str:
        return text_input(view, field, ids.DECISION_INPUT)

    def chosen(field: str) -> str | None:
        return selected_value(view, field, ids.DECISION_INPUT)

    basis = basis_from_value(chosen("lawful_basis"), choices)
    if chosen("lawful_basis") and basis is None:
        raise InvalidDecision({"lawful_basis": BASIS_CHANGED})
    return DecisionForm(
        decision=chosen("decision"), lawful_basis=basis,
        person_told=chosen("person_told"), **{field: typed(field) for field in TEXT_FIELDS},
    )


def _number(value) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
