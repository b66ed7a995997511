"""Listeners: the Helpful / Not helpful buttons under an answer (one rating per person, changeable)."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.records import HELPFUL, NOT_HELPFUL
from bot.slack import blocks
from bot.slack.blocks import feedback_thanks, notice_message
from bot.slack.delivery import tell_privately
from bot.slack.deps import Deps
from bot.slack.escalating import GONE
from bot.slack.payloads import action_value, question_ref, user_of


class Feedback:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.action(blocks.HELPFUL)(self.on_helpful)
        app.action(blocks.NOT_HELPFUL)(self.on_not_helpful)

    def on_helpful(self, ack, body: dict, client: WebClient) -> None:
        ack()
        self.record(body, client, HELPFUL)

    def on_not_helpful(self, ack, body: dict, client: WebClient) -> None:
        ack()
        self.record(body, client, NOT_HELPFUL)

    def record(self, body: dict, client: WebClient, rating: str) -> None:
        question_id, faq_id = question_ref(action_value(body))
        try:
            self.deps.service.feedback(question_id, user_of(body), rating, faq_id)
        except LookupError:
            tell_privately(client, body, notice_message(GONE))
            return
        tell_privately(client, body, feedback_thanks(rating == HELPFUL, question_id))
