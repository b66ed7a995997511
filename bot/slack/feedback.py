"""Listeners: the Helpful / Not helpful buttons under an answer (one rating per person, changeable)."""

from __future__ import annotations

from slack_bolt import App

from bot.records import Rating
from bot.slack.blocks import ids
from bot.slack.deps import Deps
from bot.slack.escalating import GONE
from bot.slack.payloads import action_value, private_route, question_ref, user_of


def register(app: App, deps: Deps) -> None:
    def on_rating(rating: Rating):
        def listener(ack, body: dict) -> None:
            question_id, faq_id = question_ref(action_value(body))
            user, route = user_of(body), private_route(body)
            try:
                deps.service.feedback(question_id, user, rating, faq_id, notify=route)
            except LookupError:
                deps.service.tell(user, GONE, route)
            ack()

        return listener

    app.action(ids.HELPFUL)(on_rating(Rating.HELPFUL))
    app.action(ids.NOT_HELPFUL)(on_rating(Rating.NOT_HELPFUL))
