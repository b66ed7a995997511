"""Listeners: the advisor workflow. Claim / Answer / Release / Close / Reopen buttons (in the advisor channel
and in App Home) and the answer modal. Only members of the advisor channel may act; the service
enforces it, and Answer checks it before opening the modal. Every change owes the update of the
escalation's card (and an answer its relay to the asker) in the same commit; the deliverer sends them."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.escalations import BadFaqLink, QueueError, Stale
from bot.slack.blocks import ids
from bot.slack.blocks.modals import added_since_opened, answer_metadata, answer_modal, faq_options
from bot.slack.deps import Deps
from bot.slack.home import publish_home
from bot.slack.modal_opening import open_modal
from bot.slack.payloads import (
    checked_values,
    clicked_in_home,
    escalation_ref_of,
    input_values,
    metadata_of,
    private_route,
    seen_version,
    selected_value,
    text_input,
    user_of,
)
from bot.slack.submissions import keep_open


def register(app: App, deps: Deps) -> None:
    service = deps.service

    # Claim / Close / Reopen -----------------------------------------------------------------------

    def on_queue_button(action):
        """Apply ``action`` for the clicker (the card's update is owed in the same commit); a refusal
        is told to them alone and changes nothing."""

        def listener(ack, body: dict) -> None:
            user = user_of(body)
            escalation_id, seen = escalation_ref_of(body)
            try:
                action(escalation_id, user, deps.advisors.known_members(), seen=seen)
            except QueueError as refusal:  # includes NotAnAdvisor
                service.tell(user, str(refusal), private_route(body))
            ack()

        return listener

    def refresh_home(body: dict, client: WebClient) -> None:
        if came_from_home(body):
            publish_home(client, deps, user_of(body))

    for action_id, action in ((ids.CLAIM, service.claim), (ids.CLOSE, service.close), (ids.REOPEN, service.reopen),
                              (ids.RELEASE, service.release)):
        app.action(action_id)(ack=on_queue_button(action), lazy=[refresh_home])

    # Answer -------------------------------------------------------------------------------------

    def on_answer_clicked(ack, body: dict) -> None:
        """Claims an open escalation for the clicker before Slack is answered; a refusal is told by
        ``open_answer_modal``, which judges the click again on the same version."""
        escalation_id, seen = escalation_ref_of(body)
        try:
            service.escalation_to_answer(escalation_id, user_of(body), deps.advisors.known_members(), seen=seen)
        except QueueError:
            pass
        ack()

    def open_answer_modal(body: dict) -> None:
        """Opens the form only on what the click (``on_answer_clicked``, run first) claimed for the clicker,
        judged on the same version. Otherwise it says why, once: the click was refused, or another advisor's
        change came between the click and the form (which used to open nothing and say nothing)."""
        user, (escalation_id, seen) = user_of(body), escalation_ref_of(body)
        try:
            escalation = service.answer_form_for(escalation_id, user, deps.advisors.known_members(), seen)
        except QueueError as refusal:
            service.tell(user, str(refusal), private_route(body))
            return
        metadata = answer_metadata(escalation, clicked_in_home(body))
        reader = service.escalation_reader(escalation)
        open_modal(deps, body, answer_modal(escalation, service.faq.entries, metadata, reader))

    app.action(ids.ANSWER_ACTION)(ack=on_answer_clicked, lazy=[open_answer_modal, refresh_home])  # the click claims

    def on_answer_submitted(ack, body: dict, view: dict) -> None:
        """The answer, its relay to the asker and the card's update are recorded in one commit. When the
        asker added to the question after the form opened, the form is shown again first, with what they
        added and the answer as typed: the next press sends it."""
        try:
            if show_what_was_added(ack, view):
                return
            service.answer(
                int(metadata_of(view)["escalation"]), user_of(body), deps.advisors.known_members(),
                text_input(view, ids.ANSWER_BLOCK, ids.ANSWER_INPUT, keep_link_urls=True),
                faq_id=selected_value(view, ids.FAQ_BLOCK, ids.FAQ_INPUT),
                propose_new=bool(checked_values(view, ids.PROPOSE_BLOCK, ids.PROPOSE_INPUT)),
                notify=private_route(body), seen=seen_version(metadata_of(view)),
            )
        except Stale as changed:  # the form again, as the escalation now is, with what they typed
            show_form_again(ack, view, service.escalation(int(metadata_of(view)["escalation"])), changed=str(changed),
                            advisor=user_of(body))
            return
        except QueueError as refusal:
            ack(response_action="errors", errors={block_for_refusal(refusal): str(refusal)})
            return
        except Exception as error:  # noqa: BLE001 - the store failed: keep the modal, and the answer, open
            keep_open(ack, ids.ANSWER_BLOCK, error, "an advisor's answer")
            return
        ack()

    def show_what_was_added(ack, view: dict) -> bool:
        metadata = metadata_of(view)
        escalation = service.escalation(int(metadata["escalation"]))
        added = added_since_opened(escalation, metadata)
        if not added:
            return False
        # the version the form was opened on stays: what the asker added is no reason to miss an advisor's change
        show_form_again(ack, view, escalation, added=added, version=seen_version(metadata))
        return True

    def show_form_again(ack, view: dict, escalation, *, added=(), changed: str = "", advisor: str | None = None,
                        version: int = 0) -> None:
        metadata = metadata_of(view)
        again = answer_metadata(escalation, bool(metadata.get("home")))
        if not changed:
            again["version"] = version
        ack(response_action="update", view=answer_modal(escalation, service.faq.entries, again,
                                                        service.escalation_reader(escalation),
                                                        draft=input_values(view), added=added, changed=changed,
                                                        advisor=advisor))

    app.view(ids.ANSWER_MODAL)(ack=on_answer_submitted, lazy=[refresh_home])

    @app.options(ids.FAQ_INPUT)
    def on_faq_options(ack, payload: dict) -> None:
        """Options for the FAQ select when the FAQ has more entries than a static select can hold."""
        ack(options=faq_options(service.faq.entries, payload.get("value") or ""))


def came_from_home(body: dict) -> bool:
    """A click in App Home, or the submission of a modal opened from there."""
    return clicked_in_home(body) or bool(metadata_of(body.get("view") or {}).get("home"))


def block_for_refusal(refusal: QueueError) -> str:
    """The modal input a refusal is about: the FAQ entry chosen, or else the answer."""
    return ids.FAQ_BLOCK if isinstance(refusal, BadFaqLink) else ids.ANSWER_BLOCK
