"""Channel names for the digest's Markdown and JSON (Slack's own rendering names channels itself):
``conversations.info``, asked once per channel per run; None (the digest keeps the id) when Slack
cannot say, and no more asking once Slack cannot be reached."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.config import Settings
from bot.slack.client import build_web_client


class ChannelNames:
    def __init__(self, client: WebClient):
        self._client = client
        self._names: dict[str, str | None] = {}
        self._unreachable = False

    def __call__(self, channel_id: str) -> str | None:
        if channel_id not in self._names:
            self._names[channel_id] = None if self._unreachable else self._ask(channel_id)
        return self._names[channel_id]

    def _ask(self, channel_id: str) -> str | None:
        try:
            return (self._client.conversations_info(channel=channel_id).get("channel") or {}).get("name") or None
        except SlackApiError:  # not a channel the bot may see (private, archived): keep its id
            return None
        except (SlackClientError, OSError, ValueError):
            self._unreachable = True
            return None


def channel_names(settings: Settings) -> ChannelNames:
    return ChannelNames(build_web_client(settings))
