"""Listener: "Ask an advisor" / "Send to an advisor" / "None of these": queue the question."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.escalations import QueueError
from bot.records import Via
from bot.slack.advisor_channel import post_escalation
from bot.slack.blocks.ids import ESCALATE
from bot.slack.blocks.replies import escalated_message, notice_message
from bot.slack.delivery import tell_privately
from bot.slack.deps import Deps
from bot.slack.payloads import action_value, question_ref, user_of

GONE = "That question is no longer stored (questions are deleted after the retention period). Please ask again."


def register(app: App, deps: Deps) -> None:
    @app.action(ESCALATE)
    def on_escalate(ack, body: dict, client: WebClient) -> None:
        ack()
        question_id, _ = question_ref(action_value(body))
        user = user_of(body)
        try:
            escalation, created = deps.service.escalate(question_id, user, deps.advisors.members)
        except LookupError:
            tell_privately(client, body, notice_message(GONE))
            return
        except QueueError as refusal:
            tell_privately(client, body, notice_message(str(refusal)))
            return
        if created:
            post_escalation(client, deps, escalation)
        source = escalation.question.where.source if escalation.question else Via.CLI
        tell_privately(client, body, escalated_message(escalation, source, created))
