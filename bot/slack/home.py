"""Listener: App Home. Everyone sees how to ask and their recent questions; advisors also see the
open queue (oldest first) and what they have claimed, with the same buttons as the advisor channel."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.slack.blocks.app_home import home_view
from bot.slack.deps import Deps


def publish_home(client: WebClient, deps: Deps, user: str) -> None:
    service = deps.service
    is_advisor = deps.advisors.is_advisor(user)
    view = home_view(
        recent=service.recent_questions(user),
        is_advisor=is_advisor,
        queue=service.queue() if is_advisor else [],
        claimed=service.claimed_by(user) if is_advisor else [],
        now=deps.now(),
    )
    client.views_publish(user_id=user, view=view)


def register(app: App, deps: Deps) -> None:
    def publish_on_open(event: dict, client: WebClient) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            publish_home(client, deps, event["user"])

    app.event("app_home_opened")(ack=lambda ack: ack(), lazy=[publish_on_open])
