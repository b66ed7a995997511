"""What a send that did not happen means for the next try: not sendable yet (``Postpone``), whether Slack
refused it for good, whether the request certainly never reached Slack (so sending again cannot show it
twice), how long Slack asked to wait, and whether the lease's holder died on this machine. The deliverer
and its senders share these; no sender imports the deliverer."""

from __future__ import annotations

import datetime as dt
import socket
import urllib.error

from slack_sdk.errors import SlackApiError

from bot import lease_owners
from bot.outbox import Kind, Owed

CARD_NOT_POSTED_YET = dt.timedelta(seconds=5)  # an update or reminder waits for its card
CHANNEL_NOT_TRUSTED = dt.timedelta(seconds=60)  # as often as the advisor directory reads the channel again
# Kept as the last error of what is held for the advisor channel: released, in order, as soon as it is private.
HELD_FOR_CHANNEL = "held: the advisor channel is not private"
# What is posted in the advisor channel (or changes a post there): held while anyone can join it. Emptying an
# erased post (CARD_REMOVAL) is not: it takes away what was shown.
TO_ADVISOR_CHANNEL = frozenset({Kind.ADVISOR_CARD, Kind.CARD_UPDATE, Kind.REMINDER, Kind.FOLLOW_UP,
                                Kind.FOLLOW_UPS_HELD})

# Slack's answers that trying again cannot change, for a message to one person: their account is gone
# or deactivated, they cannot receive the bot's messages, or the conversation they asked in is gone.
PERMANENT_ERRORS = frozenset({"user_not_found", "user_disabled", "account_inactive", "cannot_dm_bot",
                              "messages_tab_disabled", "user_is_bot", "channel_not_found", "not_in_channel",
                              "is_archived", "cannot_dm_user"})
TO_ONE_PERSON = frozenset({Kind.REPLY, Kind.NOTICE, Kind.ADVISOR_ANSWER, Kind.ASKER_NOTICE, Kind.DECISION_RECORD,
                           Kind.MY_DATA, Kind.FAQ_ENTRY, Kind.FOLLOW_UP_ADDED})


class Postpone(Exception):
    """Not sendable yet (its card is not posted, or the advisor channel is not trusted): tried again after
    ``wait``, without counting a failure; ``held_for``: why, when something else may end the wait early."""

    def __init__(self, wait: dt.timedelta, held_for: str | None = None):
        super().__init__(f"not sendable yet; again in {wait}")
        self.wait = wait
        self.held_for = held_for


def died_on_this_host(owner: str) -> bool:
    """Whether a lease holder was a process on this machine, in this pid namespace, that no longer runs
    (bot.lease_owners); a holder elsewhere is left to its lease's expiry."""
    return lease_owners.has_died(owner)


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
