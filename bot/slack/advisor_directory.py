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
        with self._lock:
            if self._members is None or self.clock() - self._read_at >= self.ttl:
                self._refresh()
            return self._members or frozenset()

    def known_members(self) -> frozenset[str]:
        """The members as last read, without asking Slack (listeners must not call the Web API before
        they acknowledge; ``refresh`` in the background keeps the list fresh). Read once if never read."""
        with self._lock:
            if self._members is None:
                self._refresh()
            return self._members or frozenset()

    def refresh(self) -> None:
        """Read the members again if the list is older than ``ttl`` (the queue keeper calls this)."""
        with self._lock:
            if self._members is None or self.clock() - self._read_at >= self.ttl:
                self._refresh()

    def is_advisor(self, user: str | None) -> bool:
        return bool(user) and user in self.members()

    def _refresh(self) -> None:
        if not self.channel:
            self._members, self._read_at = frozenset(), self.clock()
            return
        try:
            self._members = frozenset(self._read_all_pages())
            self._read_at = self.clock()
        except (SlackClientError, OSError) as error:
            log.warning("cannot read the members of the advisor channel %s: %s", self.channel, error)

    def _read_all_pages(self) -> list[str]:
        members: list[str] = []
        cursor = None
        while True:
            page = self.client.conversations_members(channel=self.channel, limit=PAGE_SIZE, cursor=cursor)
            members += page.get("members") or []
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return members
