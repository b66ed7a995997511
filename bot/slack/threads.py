"""Reading a thread's first message, for a mention that asks nothing of its own ("can we share
this?"): the one Web API read a listener makes before its acknowledgement (a single short call)."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.questions import EmptyQuestion
from bot.readable import readable
from bot.slack.message_text import message_text_of
from bot.slack.payloads import question_of
from bot.small_talk import is_blank

log = logging.getLogger(__name__)

USE_THE_SHORTCUT = ("use the message shortcut on that message instead (hover over it, choose ⋮ *More actions* → "
                    "*Ask canishare*), or mention me again with the question in your own words, without names.")
NOT_ALLOWED = ("You asked about this thread, but I am not allowed to read messages in this conversation (my "
               "Slack app lacks the permission to read its history), so I cannot see what it says. Please "
               + USE_THE_SHORTCUT)
NOT_READ = ("You asked about this thread, but I could not read its first message just now, so I cannot see what it "
            "says. Please " + USE_THE_SHORTCUT)
NO_WORDS = "You asked about this thread, but its first message has no text I can check. Please " + USE_THE_SHORTCUT
NO_PERMISSION_ERRORS = frozenset({"missing_scope", "not_in_channel", "channel_not_found", "not_allowed_token_type"})


class ThreadUnreadable(EmptyQuestion):
    """The thread's first message could not be read: the asker is told why and what to do instead."""

    def __init__(self, why: str):
        super().__init__(why)
        self.reply = None


def thread_post(client: WebClient, channel: str, thread_ts: str, bot_user_id: str | None) -> tuple[str, str | None]:
    """The words of the first message of the thread ``thread_ts`` (without a mention of the bot) and who
    posted it (None when Slack does not say); ``ThreadUnreadable`` when Slack will not give it or it has
    no words."""
    try:
        found = client.conversations_replies(channel=channel, ts=thread_ts, limit=1, inclusive=True)
    except SlackApiError as error:
        code = str(error.response.get("error") or "")
        log.warning("cannot read the first message of a thread (%s)", code or error.response.status_code)
        raise ThreadUnreadable(NOT_ALLOWED if code in NO_PERMISSION_ERRORS else NOT_READ) from error
    except (SlackClientError, OSError) as error:
        log.warning("cannot read the first message of a thread (%s)", type(error).__name__)
        raise ThreadUnreadable(NOT_READ) from error
    first = next((m for m in found.get("messages") or [] if isinstance(m, dict) and m.get("ts") == thread_ts), None)
    text = readable(question_of(message_text_of(first), bot_user_id)) if first else ""  # as a request's text is
    if is_blank(text):
        raise ThreadUnreadable(NO_WORDS)
    return text, first.get("user")
