"""Who the advisors are: the members of the advisor channel, read from Slack and cached briefly."""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

log = logging.getLogger(__name__)

CACHE_SECONDS = 60.0
PAGE_SIZE = 200


class AdvisorDirectory:
    """Members of ``channel`` (conversations.members, every page), kept for ``ttl`` seconds.

    When Slack cannot be asked, the last list read is used; with none, nobody is an advisor
    (the queue is never opened to everyone by accident).
    """

    def __init__(self, client: WebClient, channel: str | None, ttl: float = CACHE_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.client = client
        self.channel = channel
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._members: frozenset[str] | None = None
        self._read_at = 0.0

    def members(self) -> frozenset[str]:
        self.refresh()
        with self._lock:
            return self._members or frozenset()

    def known_members(self) -> frozenset[str]:
        """The members as last read, without asking Slack (listeners must not call the Web API before
        they acknowledge; the queue keeper refreshes the list, and serving starts with one). Read once
        if it was never read."""
        if self._members is None:
            self.refresh()
        with self._lock:
            return self._members or frozenset()

    def refresh(self) -> None:
        """Read the members again if the list is older than ``ttl``. Slack is asked without holding the
        lock, so a slow or rate-limited answer never holds up a listener reading the list."""
        with self._lock:
            if self._members is not None and self.clock() - self._read_at < self.ttl:
                return
        members = self._read()
        with self._lock:
            if members is not None:
                self._members, self._read_at = members, self.clock()

    def is_advisor(self, user: str | None) -> bool:
        return bool(user) and user in self.members()

    def _read(self) -> frozenset[str] | None:
        """The channel's members, or None when Slack cannot say (the last list read stays in use)."""
        if not self.channel:
            return frozenset()
        try:
            return frozenset(self._read_all_pages())
        except (SlackClientError, OSError) as error:
            log.warning("cannot read the members of the advisor channel %s: %s", self.channel, error)
            return None

    def _read_all_pages(self) -> list[str]:
        members: list[str] = []
        cursor = None
        while True:
            page = self.client.conversations_members(channel=self.channel, limit=PAGE_SIZE, cursor=cursor)
            members += page.get("members") or []
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return members
