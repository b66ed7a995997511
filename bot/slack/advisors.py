"""Listeners: the advisor workflow. Claim / Answer / Close / Reopen buttons (in the advisor channel
and in App Home) and the answer modal. Only members of the advisor channel may act; the service
enforces it, and Answer checks it before opening the modal."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.escalations import BadFaqLink, QueueError
from bot.records import Escalation
from bot.slack.advisor_channel import refresh_advisor_post
from bot.slack.blocks import ids
from bot.slack.blocks.modals import answer_modal, faq_options
from bot.slack.blocks.replies import advisor_answer_message, notice_message
from bot.slack.delivery import deliver_to_asker, dm, tell_privately
from bot.slack.deps import Deps
from bot.slack.home import publish_home
from bot.slack.payloads import (
    checked_values,
    clicked_in_home,
    escalation_id_of,
    metadata_of,
    selected_value,
    text_input,
    user_of,
)

log = logging.getLogger(__name__)

NOT_DELIVERED = ("Your answer to escalation #{id} is saved, but I could not deliver it to {asker}. "
                 "Please send it to them yourself.")


def register(app: App, deps: Deps) -> None:
    service = deps.service

    # Claim / Close / Reopen -----------------------------------------------------------------------

    def on_queue_button(action):
        """A listener that applies ``action`` for the clicker; a refusal is told to them alone and
        changes nothing."""

        def listener(ack, body: dict, client: WebClient) -> None:
            ack()
            user = user_of(body)
            try:
                escalation = action(escalation_id_of(body), user, deps.advisors.members())
            except QueueError as refusal:  # includes NotAnAdvisor
                tell_privately(client, body, notice_message(str(refusal)))
                return
            show_change(client, body, escalation, user)

        return listener

    def show_change(client: WebClient, body: dict, escalation: Escalation, user: str) -> None:
        refresh_advisor_post(client, deps, escalation)
        if came_from_home(body):
            publish_home(client, deps, user)

    app.action(ids.CLAIM)(on_queue_button(service.claim))
    app.action(ids.CLOSE)(on_queue_button(service.close))
    app.action(ids.REOPEN)(on_queue_button(service.reopen))

    # Answer -------------------------------------------------------------------------------------

    @app.action(ids.ANSWER_ACTION)
    def on_answer_clicked(ack, body: dict, client: WebClient) -> None:
        ack()
        user = user_of(body)
        try:
            escalation = service.escalation_to_answer(escalation_id_of(body), user, deps.advisors.members())
        except QueueError as refusal:
            tell_privately(client, body, notice_message(str(refusal)))
            return
        metadata = {"escalation": escalation.id, "home": clicked_in_home(body)}
        client.views_open(trigger_id=body["trigger_id"], view=answer_modal(escalation, service.faq.entries, metadata))

    @app.view(ids.ANSWER_MODAL)
    def on_answer_submitted(ack, body: dict, view: dict, client: WebClient) -> None:
        user = user_of(body)
        faq_id = selected_value(view, ids.FAQ_BLOCK, ids.FAQ_INPUT)
        try:
            escalation = service.answer(
                int(metadata_of(view)["escalation"]), user, deps.advisors.members(),
                text_input(view, ids.ANSWER_BLOCK, ids.ANSWER_INPUT), faq_id=faq_id,
                propose_new=bool(checked_values(view, ids.PROPOSE_BLOCK, ids.PROPOSE_INPUT)),
            )
        except QueueError as refusal:
            ack(response_action="errors", errors={block_for_refusal(refusal): str(refusal)})
            return
        ack()
        deliver(client, escalation, user)
        show_change(client, body, escalation, user)

    def deliver(client: WebClient, escalation: Escalation, advisor: str) -> None:
        """The answer to the asker, where they asked; the advisor is told if that is impossible."""
        question = escalation.question
        try:
            if question is None:
                raise LookupError("the question was purged")
            deliver_to_asker(client, question, advisor_answer_message(escalation, service.faq))
        except (LookupError, SlackClientError, OSError) as error:
            log.warning("answer to escalation #%s not delivered (%s)", escalation.id, type(error).__name__)
            asker = f"<@{question.asker}>" if question else "the asker (the question was deleted)"
            dm(client, advisor, notice_message(NOT_DELIVERED.format(id=escalation.id, asker=asker)))

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
