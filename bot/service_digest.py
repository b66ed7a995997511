"""The weekly digest's part of the service: building it, and owing its posting exactly once a week."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Callable

from bot.faq import Faq
from bot.matching import Matcher
from bot.outbox import UNCERTAIN, Kind, Owed
from bot.store import Store

if TYPE_CHECKING:
    from bot.digest.figures import Digest
    from bot.working_hours import WorkingHours


class Digests:
    """The week's digest from the store, the ``current_faq()`` and the ``matcher()``'s thresholds; its times to
    answer count the ``advisor_hours`` too."""

    def __init__(self, store: Store, current_faq: Callable[[], Faq], matcher: Callable[[], Matcher],
                 advisor_hours: WorkingHours | None):
        self.store = store
        self.current_faq = current_faq
        self.matcher = matcher
        self.advisor_hours = advisor_hours

    def digest(self, week: str, channel_name=None) -> Digest:
        """The digest of an ISO week ("2026-W47"); ValueError for a week that cannot be read.
        ``channel_name(id)`` names the channels questions came from (None: their ids are shown)."""
        from bot.digest.figures import build_digest

        # the matcher's own thresholds: the lines its model uses
        return build_digest(self.store, self.current_faq(), week, self.matcher().thresholds, self.advisor_hours,
                            channel_name)

    def digest_posted(self, week: str) -> dict | None:
        """The week's posting (``posted_at``, ``channel``, ``ts``; no ``ts`` while one is under way), or None."""
        return self.store.digest_posted(week)

    def owe_digest(self, week: str, owner: str, force: bool = False) -> tuple[str, Owed | None]:
        """Owe the week's digest and lease it to ``owner`` (the run that will post it now; should it
        fail or die, the item stays owed and a deliverer retries it). ("already", None) when the week
        is posted and not ``force``; ("in hand", None) when another run holds it; ("uncertain", None)
        when the last run lost its connection after sending it (Slack may have it: posting again
        could post it twice, so only ``force`` does); ("yours", item): the week's owed item (one still
        owed from a failed run is taken over, never doubled), or a new one."""
        with self.store.transaction():
            posted = self.store.digest_posted(week)
            if posted and posted.get("ts") and not force:
                return "already", None
            key = f"digest:{week}"
            latest = self.store.owed_latest(key)
            if not force and latest and latest.state == "gave_up" and (latest.error or "").startswith(UNCERTAIN):
                return "uncertain", None
            if not force and latest and latest.state == "pending":  # one owed already: this run takes it over
                item = self.store.lease_key(key, owner) or self.store.lease_under(key + ":", owner)
                return ("yours", item) if item is not None else ("in hand", None)
            if force:  # a forced posting replaces whatever the week still owed, so nothing posts it again
                self.store.give_up_owed_under(key, "superseded by a forced posting")
            if force or self.store.owed_state(key) == "gave_up":
                key = f"digest:{week}:{uuid.uuid4().hex}"
            self.store.owe(Kind.DIGEST, key, payload={"week": week, **({"force": True} if force else {})})
            item = self.store.lease_key(key, owner)
        if item is None:
            return ("already" if self.store.owed_state(key) == "delivered" else "in hand"), None
        return "yours", item

    def digest_holder(self, week: str) -> tuple[str, str] | None:
        """The run posting the week's digest now ("host:pid:digest") and when its lease runs out."""
        return self.store.owed_holder(f"digest:{week}")

    def record_digest(self, week: str, channel: str, ts: str) -> None:
        self.store.record_digest(week, channel, ts)

