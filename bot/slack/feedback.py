"""Listeners: the Helpful / Not helpful buttons under an answer (one rating per person, changeable)."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.records import Rating
from bot.slack.blocks import ids
from bot.slack.blocks.replies import feedback_thanks, notice_message
from bot.slack.delivery import tell_privately
from bot.slack.deps import Deps
from bot.slack.escalating import GONE
from bot.slack.payloads import action_value, question_ref, user_of


def register(app: App, deps: Deps) -> None:
    def on_rating(rating: Rating):
        def listener(ack, body: dict, client: WebClient) -> None:
            ack()
            question_id, faq_id = question_ref(action_value(body))
            try:
                deps.service.feedback(question_id, user_of(body), rating, faq_id)
            except LookupError:
                tell_privately(client, body, notice_message(GONE))
                return
            tell_privately(client, body, feedback_thanks(rating == Rating.HELPFUL, question_id))

        return listener

    app.action(ids.HELPFUL)(on_rating(Rating.HELPFUL))
    app.action(ids.NOT_HELPFUL)(on_rating(Rating.NOT_HELPFUL))
