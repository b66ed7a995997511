"""Listener: "Ask an advisor" / "None of these: ask an advisor": queue the question. The
escalation, its advisor-channel card and the notice to the clicker are recorded in one commit."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.escalations import QueueError
from bot.slack.blocks.ids import ESCALATE
from bot.slack.deps import Deps
from bot.slack.home import publish_home
from bot.slack.payloads import action_value, clicked_in_home, private_route, question_ref, user_of

GONE = "That question is no longer stored (questions are deleted after the retention period). Please ask again."


def register(app: App, deps: Deps) -> None:
    def on_escalate(ack, body: dict) -> None:
        question_id, _ = question_ref(action_value(body))
        user, route = user_of(body), private_route(body)
        try:
            deps.service.escalate(question_id, user, deps.advisors.known_members, notify=route)
        except LookupError:
            deps.service.tell(user, GONE, route)
        except QueueError as refusal:
            deps.service.tell(user, str(refusal), route)
        ack()

    def refresh_home(body: dict, client: WebClient) -> None:
        if clicked_in_home(body) and user_of(body):  # from "Your recent questions": show its new state
            publish_home(client, deps, user_of(body))

    app.action(ESCALATE)(ack=on_escalate, lazy=[refresh_home])
