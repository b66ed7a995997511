"""Listeners: the ways to ask (slash command and its modal, DM, @mention, message shortcut, App Home
button) and the suggestion buttons of a reply. Each acks at once, asks the service, and replies
where the person asked."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.records import Via, Where
from bot.service import EmptyQuestion
from bot.slack.advisor_channel import post_escalation
from bot.slack.blocks import ids
from bot.slack.blocks.kit import Message
from bot.slack.blocks.modals import ask_modal
from bot.slack.blocks.replies import entry_message, notice_message, reply_message, usage_message
from bot.slack.delivery import privately, reply_to_click, tell_privately
from bot.slack.deps import Deps
from bot.slack.payloads import (
    action_value,
    channel_of,
    metadata_of,
    plain_text,
    question_ref,
    team_of,
    text_input,
    user_of,
    without_mentions_of,
)

COMMAND = "/canishare"
SHORTCUT = "ask_canishare"
NO_TEXT = "That message has no text I can check."
ENTRY_GONE = "That FAQ entry is no longer in the FAQ. Please ask again."


def register(app: App, deps: Deps) -> None:
    def answer(text: str, asker: str, where: Where, client: WebClient) -> Message:
        """Ask the service and render its (redacted) result."""
        try:
            result = deps.service.ask(text, asker, where)
        except EmptyQuestion:
            return usage_message()
        if result.escalation:  # urgent questions go straight to the advisors
            post_escalation(client, deps, result.escalation)
        return reply_message(result.question, result.match.decision, result.match.suggestions, result.urgent)

    # /canishare ---------------------------------------------------------------------------------

    @app.command(COMMAND)
    def on_command(ack, command: dict, client: WebClient) -> None:
        ack()
        text = plain_text(command.get("text"))
        if not text.strip():
            metadata = {"source": Via.COMMAND, "channel": command.get("channel_id"),
                        "response_url": command.get("response_url")}
            client.views_open(trigger_id=command["trigger_id"], view=ask_modal(metadata))
            return
        where = Where(Via.COMMAND, command.get("channel_id"), team=command.get("team_id"))
        reply = answer(text, command["user_id"], where, client)
        privately(client, command["user_id"], reply, response_url=command.get("response_url"))

    @app.view(ids.ASK_MODAL)
    def on_ask_modal(ack, body: dict, view: dict, client: WebClient) -> None:
        text = text_input(view, ids.QUESTION_BLOCK, ids.QUESTION_INPUT)
        if not text.strip():
            ack(response_action="errors", errors={ids.QUESTION_BLOCK: "Type your question."})
            return
        ack()
        metadata = metadata_of(view)
        user = user_of(body)
        where = Where(metadata.get("source") or Via.HOME, metadata.get("channel"), team=team_of(body))
        reply = answer(text, user, where, client)
        privately(client, user, reply, response_url=metadata.get("response_url"))

    # direct messages and mentions ---------------------------------------------------------------

    @app.event("message")
    def on_message(event: dict, say, context, body: dict, client: WebClient) -> None:
        if not is_question_in_dm(event, context.bot_user_id):
            return
        where = Where(Via.DM, event["channel"], thread_ts=event.get("thread_ts") or event["ts"],
                      message_ts=event["ts"], team=team_of(body))
        reply = answer(plain_text(event.get("text")), event["user"], where, client)
        say(**reply.as_kwargs(), thread_ts=event.get("thread_ts"))

    @app.event("app_mention")
    def on_mention(event: dict, say, context, body: dict, client: WebClient) -> None:
        if event.get("subtype") or event.get("bot_id") or str(event.get("channel", "")).startswith("D"):
            return  # edits, bots, and DMs (answered as messages)
        thread = event.get("thread_ts") or event["ts"]
        text = plain_text(without_mentions_of(event.get("text") or "", context.bot_user_id))
        where = Where(Via.MENTION, event["channel"], thread_ts=thread, message_ts=event["ts"], team=team_of(body))
        reply = answer(text, event["user"], where, client)
        say(**reply.as_kwargs(), thread_ts=thread)

    # the message shortcut and App Home ------------------------------------------------------------

    @app.shortcut(SHORTCUT)
    def on_shortcut(ack, shortcut: dict, client: WebClient) -> None:
        ack()
        message = shortcut.get("message") or {}
        text = plain_text(message.get("text"))
        if not text.strip():
            tell_privately(client, shortcut, notice_message(NO_TEXT))
            return
        where = Where(Via.SHORTCUT, channel_of(shortcut),
                      thread_ts=message.get("thread_ts") or shortcut.get("message_ts"),
                      message_ts=shortcut.get("message_ts"), team=team_of(shortcut))
        tell_privately(client, shortcut, answer(text, user_of(shortcut), where, client))

    @app.action(ids.HOME_ASK)
    def on_home_ask(ack, body: dict, client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=ask_modal({"source": Via.HOME}))

    # "Show answer" on a suggestion --------------------------------------------------------------

    @app.action(ids.SHOW_ENTRY)
    def on_show_entry(ack, body: dict, client: WebClient) -> None:
        ack()
        question_id, entry_id = question_ref(action_value(body))
        entry = deps.service.faq.get(entry_id or "")
        if entry is None:
            tell_privately(client, body, notice_message(ENTRY_GONE))
            return
        reply_to_click(client, body, entry_message(entry, question_id))


def is_question_in_dm(event: dict, bot_user_id: str | None) -> bool:
    """A person's new message in their DM with the bot (not an edit, a bot, or the bot itself)."""
    return (
        event.get("channel_type") == "im"
        and not event.get("subtype")
        and not event.get("bot_id")
        and bool(event.get("user"))
        and event.get("user") != bot_user_id
    )
