"""Getting a message to the right person in the right place (threads, ephemerals, DMs)."""

from __future__ import annotations

import logging
from typing import Callable

from slack_bolt.context.respond import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.asker_steps import seen_by_others
from bot.records import Question, Via
from bot.slack.blocks.kit import Message
from bot.slack.payloads import channel_of, clicked_in_home, clicked_on_ephemeral, message_thread, user_of

log = logging.getLogger(__name__)

THREADED_SOURCES = (Via.MENTION, Via.DM)  # asked in a conversation the bot can reply in


def dm(client: WebClient, user: str, message: Message) -> None:
    """Post ``message`` in the person's direct-message conversation with the bot."""
    channel = client.conversations_open(users=user)["channel"]["id"]
    client.chat_postMessage(channel=channel, **message.as_kwargs())


def to_response_url(url: str, message: Message, replace_original: bool = False) -> None:
    """An ephemeral reply through a slash command's or an interaction's response_url."""
    response = Respond(response_url=url)(
        **message.as_kwargs(), response_type="ephemeral", replace_original=replace_original
    )
    if response.status_code != 200:
        raise SlackClientError(f"response_url answered HTTP {response.status_code}")


def privately(client: WebClient, user: str, message: Message, response_url: str | None = None,
              channel: str | None = None, thread_ts: str | None = None,
              by_dm: Callable[[], Message] | None = None) -> None:
    """Only ``user`` sees it: through the response_url when there is one, else as an ephemeral
    message in ``channel`` (in its thread ``thread_ts``, if given), else as a direct message (``by_dm``
    words it for there, when "this channel" would not do)."""
    if response_url:
        try:
            to_response_url(response_url, message)
            return
        except (SlackClientError, OSError) as error:  # expired or unreachable: say it another way
            log.warning("response_url failed (%s); trying another way", error)
    if channel:
        try:
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, **message.as_kwargs())
            return
        except SlackClientError as error:
            log.warning("cannot post an ephemeral message (%s); sending a DM", error)
    dm(client, user, by_dm() if by_dm else message)


def tell_privately(client: WebClient, body: dict, message: Message) -> None:
    """Tell the person who clicked, typed or submitted, and nobody else."""
    in_a_channel = not clicked_in_home(body) and body.get("type") != "view_submission"
    privately(client, user_of(body), message, body.get("response_url"), channel_of(body) if in_a_channel else None)


def click_route(body: dict) -> dict:
    """Where to answer a button on one of our replies (kept in the outbox until it is sent): privately
    for ephemeral replies and App Home, otherwise in the reply's thread (at the top level of a DM)."""
    channel = channel_of(body)
    if clicked_on_ephemeral(body) or clicked_in_home(body) or not channel:
        in_a_channel = not clicked_in_home(body) and body.get("type") != "view_submission"
        return {"to": user_of(body), "private": True, "response_url": body.get("response_url"),
                "channel": channel if in_a_channel else None}
    thread = (body.get("message") or {}).get("thread_ts") if channel.startswith("D") else message_thread(body)
    return {"to": user_of(body), "channel": channel, "thread_ts": thread}


def reply_on_route(client: WebClient, route: dict, message: Message) -> None:
    """Send ``message`` where ``click_route`` said."""
    if route.get("private"):
        privately(client, route["to"], message, route.get("response_url"), route.get("channel"))
    else:
        client.chat_postMessage(channel=route["channel"], thread_ts=route.get("thread_ts"), **message.as_kwargs())


def deliver_to_asker(client: WebClient, question: Question, message: Message | Callable[[bool], Message]) -> str:
    """Send ``message`` where ``question`` was asked: its thread for mentions and DMs, else (slash
    command, shortcut, App Home, or when the thread cannot be reached) a direct message. A message
    that would show the question is given as a function of ``shared`` (whether others read it where
    it goes), so that it never repeats the question in a channel's thread. Returns "thread" or "dm"."""
    render = message if callable(message) else (lambda shared: message)
    where = question.where
    if where.source in THREADED_SOURCES and where.channel:
        try:
            client.chat_postMessage(channel=where.channel, thread_ts=where.thread_ts,
                                    **render(seen_by_others(where.source)).as_kwargs())
            return "thread"
        except SlackClientError as error:
            log.warning("cannot reply in the thread of question %s (%s); sending a DM", question.id, error)
    dm(client, question.asker, render(False))
    return "dm"

