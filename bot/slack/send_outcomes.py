"""What a failed send means for the next try: whether Slack refused it for good, whether the request
certainly never reached Slack (so sending again cannot show it twice), and how long Slack asked to wait."""

from __future__ import annotations

import datetime as dt
import socket
import urllib.error

from slack_sdk.errors import SlackApiError

from bot.outbox import Kind, Owed

# Slack's answers that trying again cannot change, for a message to one person: their account is gone
# or deactivated, they cannot receive the bot's messages, or the conversation they asked in is gone.
PERMANENT_ERRORS = frozenset({"user_not_found", "user_disabled", "account_inactive", "cannot_dm_bot",
                              "messages_tab_disabled", "user_is_bot", "channel_not_found", "not_in_channel",
                              "is_archived", "cannot_dm_user"})
TO_ONE_PERSON = frozenset({Kind.REPLY, Kind.NOTICE, Kind.ADVISOR_ANSWER, Kind.ASKER_NOTICE, Kind.DECISION_RECORD,
                           Kind.MY_DATA, Kind.FAQ_ENTRY, Kind.FOLLOW_UP_ADDED})


def never_deliverable(item: Owed, code: str) -> bool:
    """A message to one person that Slack refused for good: given up at once (and, for an advisor's
    answer, the advisor told at once), not retried for a day."""
    return item.kind in TO_ONE_PERSON and code in PERMANENT_ERRORS


def never_reached_slack(error: BaseException) -> bool:
    """True when the request certainly did not reach Slack (refused, no route, name not found, no
    connection in time), so sending it again cannot show it twice."""
    if isinstance(error, urllib.error.URLError) and not isinstance(error, urllib.error.HTTPError):
        return True  # urllib wraps failures to connect; failures after sending come unwrapped
    return isinstance(error, (ConnectionRefusedError, socket.gaierror))


def retry_after(error: SlackApiError) -> dt.timedelta | None:
    if error.response.status_code != 429:
        return None
    try:
        return dt.timedelta(seconds=int(error.response.headers.get("Retry-After", "")))
    except (TypeError, ValueError):
        return None
