"""Listeners: App Home. Everyone sees how to ask, their nation (and changes it here), their recent
questions and their decision records; advisors also see the open queue (urgent first, then oldest first) and what they
have claimed, with the same buttons as the advisor channel."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.bundled import privacy_notice
from bot.faq import NATIONS
from bot.service_records import MyDataRefused
from bot.slack.blocks import ids
from bot.slack.blocks.app_home import home_view, privacy_blocks
from bot.slack.blocks.modals import privacy_notice_modal
from bot.slack.deps import Deps, just_ack
from bot.slack.modal_opening import open_modal
from bot.slack.payloads import action_value, private_route, selected_option_of, user_of


def publish_home(client: WebClient, deps: Deps, user: str) -> None:
    service = deps.service
    is_advisor = deps.advisors.is_advisor(user)
    nation, is_default = service.nation_setting(user)
    view = home_view(
        recent=service.recent_questions(user),
        is_advisor=is_advisor,
        queue=service.queue() if is_advisor else [],
        claimed=service.claimed_by(user) if is_advisor else [],
        now=deps.now(),
        records=service.decision_records(user),
        nation=nation,
        nation_is_default=is_default,
        privacy=privacy_blocks(deps.settings.privacy_url, deps.settings.retention_days),
        in_faq=lambda entry_id: service.faq.get(entry_id) is not None,
        advisors_unreachable=bool(deps.advisors.withheld()),
    )
    client.views_publish(user_id=user, view=view)


def register(app: App, deps: Deps) -> None:
    def publish_on_open(event: dict, client: WebClient) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            publish_home(client, deps, event["user"])

    app.event("app_home_opened")(ack=lambda ack: ack(), lazy=[publish_on_open])

    def on_nation_chosen(ack, body: dict) -> None:
        """Remember the person's nation ("every nation" is a choice too); their next answer follows it."""
        chosen = selected_option_of(body)
        user = user_of(body)
        if user and (chosen in NATIONS or chosen == ids.NATION_ALL):
            deps.service.set_nation(user, None if chosen == ids.NATION_ALL else chosen)
        ack()

    def republish(body: dict, client: WebClient) -> None:
        if user_of(body):
            publish_home(client, deps, user_of(body))

    app.action(ids.HOME_NATION)(ack=on_nation_chosen, lazy=[republish])

    def show_privacy_notice(body: dict) -> None:
        if not deps.settings.privacy_url:  # with a published notice the button is a link
            open_modal(deps, body, privacy_notice_modal(privacy_notice()))

    app.action(ids.HOME_PRIVACY)(ack=just_ack, lazy=[show_privacy_notice])

    def on_send_my_data(ack, body: dict) -> None:
        """Everything held about the clicker, owed to them by DM (the deliverer writes it out)."""
        if user_of(body):
            try:
                deps.service.owe_my_data(user_of(body))
            except MyDataRefused as refusal:  # one on its way, or the day's copies sent: said plainly
                deps.service.tell(user_of(body), str(refusal), private_route(body))
        ack()

    app.action(ids.HOME_MY_DATA)(on_send_my_data)

    def on_show_again(ack, body: dict) -> None:
        """The reply to one of the clicker's own questions (suggestions, or an advisor's answer), by DM."""
        user = user_of(body)
        try:
            deps.service.owe_again(user, int(action_value(body) or 0))
        except (LookupError, PermissionError) as refusal:
            deps.service.tell(user, str(refusal), private_route(body))
        ack()

    app.action(ids.HOME_AGAIN)(on_show_again)


