"""Who the advisors are: the members of the advisor channel, read from Slack and cached briefly.

The channel's membership is the whole authorisation model, so it is trusted only when nobody can let
themselves in: a public channel (anyone in the workspace can join it) or one shared with another
organisation (Slack Connect) is refused unless the operator allows it (CANISHARE_ALLOW_PUBLIC_ADVISOR_CHANNEL).
A list that could not be read again for ``max_age`` is not used: nobody is an advisor until a read succeeds.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.config import ALLOW_OPEN_ADVISOR_CHANNEL
from bot.escalations import Advisors

log = logging.getLogger(__name__)

CACHE_SECONDS = 60.0
MAX_AGE_SECONDS = 15 * 60.0  # a removed advisor keeps their powers at most this long while Slack cannot be asked
PAGE_SIZE = 200
FIX = (f"make the channel private and not shared with other organisations (or, if you accept that anyone who can "
       f"join it is an advisor, set {ALLOW_OPEN_ADVISOR_CHANNEL}=1 and restart)")


def why_untrusted(channel: dict) -> str:
    """Why anyone could make themselves a member of ``channel`` (conversations.info), or ''."""
    if channel.get("is_ext_shared") or channel.get("is_pending_ext_shared"):
        return "is shared with another organisation (Slack Connect): people outside yours can be members"
    if not channel.get("is_private"):
        return "is public: anyone in the workspace can join it"
    return ""


class AdvisorDirectory:
    """Members of ``channel`` (conversations.members, every page), kept for ``ttl`` seconds.

    When Slack cannot be asked, the last list read is used for up to ``max_age`` seconds after it was
    read; then, and with none read, nobody is an advisor (the queue is never opened to everyone by
    accident, nor left to someone removed from the channel).
    """

    def __init__(self, client: WebClient, channel: str | None, ttl: float = CACHE_SECONDS,
                 clock: Callable[[], float] = time.monotonic, *, allow_open_channel: bool = False,
                 max_age: float = MAX_AGE_SECONDS):
        self.client = client
        self.channel = channel
        self.ttl = ttl
        self.clock = clock
        self.allow_open_channel = allow_open_channel
        self.max_age = max_age
        self._lock = threading.Lock()
        self._members: frozenset[str] | None = None
        self._read_at = 0.0
        self._untrusted = ""  # why the channel's membership is refused, as last read ('' when it is not)
        self._tried = False
        self._said: str | None = None  # the channel's trust as last logged

    def members(self) -> frozenset[str]:
        self.refresh()
        return self._usable()

    def known_members(self) -> frozenset[str]:
        """The members as last read, without asking Slack (listeners must not call the Web API before
        they acknowledge; the queue keeper refreshes the list, and serving starts with one). Read once
        if it was never read."""
        if not self._tried:
            self.refresh()
        return self._usable()

    def refresh(self) -> None:
        """Read the channel again if the list is older than ``ttl``. Slack is asked without holding the
        lock, so a slow or rate-limited answer never holds up a listener reading the list."""
        with self._lock:
            if self._members is not None and self.clock() - self._read_at < self.ttl:
                return
        read = self._read()
        with self._lock:
            self._tried = True
            if read is not None:
                self._untrusted, self._members = read
                self._read_at = self.clock()

    def withheld(self) -> str:
        """Why nothing may be posted to the advisor channel now, or '': while anyone can join it, whoever
        joins would read every question posted there. From the last read, without asking Slack (read once if
        never read), so a sender or listener never waits on it."""
        if not self._tried:
            self.refresh()
        with self._lock:
            return self._untrusted

    def is_advisor(self, user: str | None) -> bool:
        return bool(user) and user in self.members()

    def problems(self) -> list[str]:
        """What stops the advisors from working the queue now (for /healthz): empty when nothing does."""
        why = self._why_nobody()
        return [f"advisors: {why}"] if why else []

    def _usable(self) -> frozenset[str]:
        why = self._why_nobody()
        if why:
            return Advisors.unknown(f"Nobody can work the advisor queue just now: {why}. Please tell whoever "
                                    "runs canishare (its log and /healthz say the same).")
        with self._lock:
            return Advisors(self._members or ())

    def _why_nobody(self) -> str:
        """Why nobody is an advisor now although the channel may have members, or ''."""
        if not self.channel:
            return ""
        with self._lock:
            if self._untrusted:
                return f"the advisor channel {self._untrusted}, so canishare does not treat its members as advisors"
            if not self._tried:
                return ""
            age = self.clock() - self._read_at
            if self._members is None or age > self.max_age:
                since = "since canishare started" if self._members is None else f"for {age / 60:.0f} minutes"
                return f"canishare has not been able to read the advisor channel's members {since}"
        return ""

    def _read(self) -> tuple[str, frozenset[str]] | None:
        """(why the channel is untrusted or '', its members: none when untrusted), or None when Slack
        cannot say (the last list read stays in use, up to ``max_age``)."""
        if not self.channel:
            return "", frozenset()
        try:
            untrusted = why_untrusted(self.client.conversations_info(channel=self.channel).get("channel") or {})
            self._say_trust(untrusted)
            if untrusted and not self.allow_open_channel:
                return untrusted, frozenset()
            return "", frozenset(self._read_all_pages())
        except (SlackClientError, OSError) as error:
            log.warning("cannot read the advisor channel %s: %s", self.channel, error)
            return None

    def _say_trust(self, untrusted: str) -> None:
        """Log the channel's state when it is first read and whenever it changes."""
        with self._lock:
            before, self._said = self._said, untrusted
        if untrusted == before:
            return
        if untrusted and not self.allow_open_channel:
            log.error("the advisor channel %s %s: nobody is treated as an advisor, and the questions, follow-ups "
                      "and reminders owed there are held (not posted, not lost) until you %s",
                      self.channel, untrusted, FIX)
        elif untrusted:
            log.warning("the advisor channel %s %s; its members are advisors because %s=1 is set",
                        self.channel, untrusted, ALLOW_OPEN_ADVISOR_CHANNEL)
        elif before:
            log.info("the advisor channel %s is private now: its members are advisors again, and what was held for "
                     "it is posted now", self.channel)

    def _read_all_pages(self) -> list[str]:
        members: list[str] = []
        cursor = None
        while True:
            page = self.client.conversations_members(channel=self.channel, limit=PAGE_SIZE, cursor=cursor)
            members += page.get("members") or []
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return members
