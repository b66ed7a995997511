"""The store's part for delivery: the outbox (messages owed, leased, delivered or given up; the
rules are in bot.outbox, the queries in bot.store.outbox) and the Slack events and signed requests
already handled. A mixin of ``Store``: it uses the store's connection, lock, transactions and clock."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from typing import Callable

from bot.failures import is_busy
from bot.outbox import Kind, Owed
from bot.store import outbox
from bot.store.connection import Connections
from bot.times import parse_stored_time

log = logging.getLogger(__name__)
REPLAY_CHECK_WAIT = 0.5  # seconds; with the listener's own bounded wait, well inside Slack's 3 s


class DeliveryTables(Connections):
    # the outbox (rules in bot.outbox; queries in bot.store.outbox) ----------------------------

    def owe(self, kind: Kind, key: str, *, question_id: int | None = None, escalation_id: int | None = None,
            payload: dict | None = None) -> bool:
        """Record a message owed; inside a caller's transaction it commits with the caller's change."""
        with self.transaction() as db:
            return outbox.owe(db, self.now(), kind, key, question_id=question_id, escalation_id=escalation_id,
                              payload=payload)

    def owe_card_update(self, escalation_id: int) -> bool:
        with self.transaction() as db:
            return outbox.owe_card_update(db, self.now(), escalation_id)

    def lease_due(self, owner: str, limit: int = 20) -> list[Owed]:
        with self.transaction() as db:
            return outbox.lease_due(db, self.now(), owner, limit)

    def delivered(self, item: Owed, then: Callable[[], None] | None = None) -> bool:
        """Mark ``item`` delivered, and run ``then`` (e.g. remember the post's ts) in the same commit.
        A busy lock is waited out (``patiently``); False when its owner no longer holds it (nothing recorded)."""
        def record() -> bool:
            with self.transaction() as db:
                if not outbox.delivered(db, self.now(), item):
                    return False
                if then is not None:
                    then()
                return True

        return self.patiently(record, f"recording {item.kind} #{item.id} delivered")

    def failed(self, item: Owed, error: str, wait: dt.timedelta | None = None, give_up: bool = False,
               if_given_up: Callable[[], None] | None = None) -> bool | None:
        """As ``bot.store.outbox.failed`` (None: its owner no longer holds it), waiting out a busy lock."""
        def record() -> bool | None:
            with self.transaction() as db:
                again = outbox.failed(db, self.now(), item, error, wait, give_up)
                if again is False and if_given_up is not None:
                    if_given_up()
                return again

        return self.patiently(record, f"recording {item.kind} #{item.id} not delivered")

    def renew_lease(self, item: Owed) -> bool:
        """Extend ``item``'s lease just before sending it; False when its owner no longer holds it."""
        with self.transaction() as db:
            return outbox.renew(db, self.now(), item)

    def give_up_if_superseded(self, item: Owed, reason: str) -> bool:
        with self.transaction() as db:
            return outbox.give_up_if_superseded(db, self.now(), item, reason)

    def lease_key(self, key: str, owner: str) -> Owed | None:
        with self.transaction() as db:
            return outbox.lease_key(db, self.now(), owner, key)

    def lease_under(self, prefix: str, owner: str) -> Owed | None:
        with self.transaction() as db:
            return outbox.lease_under(db, self.now(), owner, prefix)

    def owed_state(self, key: str) -> str | None:
        with self.reading():
            return outbox.state_of(self.db, key)

    def owed_latest(self, key: str) -> outbox.Latest | None:
        """The latest item owed under ``key`` (or ``key:…``, a retry): id, state, last error; or None."""
        with self.reading():
            return outbox.latest_of(self.db, key)

    def owed_holder(self, key: str) -> tuple[str, str] | None:
        """Who is sending the item owed under ``key`` (or ``key:…``) and until when their lease runs."""
        with self.reading():
            return outbox.holder_of(self.db, key)

    def give_up_owed_under(self, key: str, reason: str, unleased_only: bool = False) -> int:
        with self.transaction() as db:
            return outbox.give_up_under(db, self.now(), key, reason, unleased_only)

    def release_leases_of(self, is_gone: Callable[[str], bool]) -> int:
        """Free the leases of senders that ``is_gone`` says are dead, so their messages go at once."""
        with self.transaction() as db:
            return sum(outbox.release_leases(db, owner) for owner in outbox.lease_holders(db) if is_gone(owner))

    def abandoned_sends(self, is_gone: Callable[[str], bool]) -> list[Owed]:
        """Items a dead (or timed-out) holder had begun to send (``bot.store.outbox.abandoned``)."""
        with self.reading():
            return outbox.abandoned(self.db, self.now(), is_gone)

    def send_again(self, item: Owed, note: dict) -> bool:
        with self.transaction() as db:
            return outbox.send_again(db, item, note)

    def postpone(self, item: Owed, wait: dt.timedelta, held_for: str | None = None) -> bool:
        with self.transaction() as db:
            return outbox.postpone(db, self.now(), item, wait, held_for)

    def any_held(self, held_for: str) -> bool:
        with self.reading():
            return outbox.any_held(self.db, held_for)

    def release_held(self, held_for: str) -> int:
        with self.transaction() as db:
            return outbox.release_held(db, self.now(), held_for)

    def owed_pending(self, escalation_id: int, kind: Kind) -> bool:
        with self.reading():
            return outbox.pending_for_escalation(self.db, escalation_id, kind)

    def outbox_counts(self) -> dict[str, int]:
        with self.reading():
            return outbox.counts(self.db)

    def next_owed_due(self) -> str | None:
        with self.reading():
            return outbox.next_due(self.db)

    def forget_delivered(self, before: str) -> int:
        with self.transaction() as db:
            return outbox.forget_settled(db, before)

    def event_seen(self, event_id: str) -> bool:
        with self.reading():
            row = self.db.execute("select 1 from processed_events where event_id = ?", [event_id]).fetchone()
            return row is not None

    def owed_since(self, kind: Kind, key_prefix: str, since: str) -> list[str]:
        with self.reading():
            return outbox.states_owed_since(self.db, kind, key_prefix, since)

    def handled_event_urgent(self, event_id: str) -> bool | None:
        """Whether the question a handled Slack event recorded was urgent (False when it recorded none, or
        the question is gone); None when the event is not handled yet."""
        with self.reading():
            row = self.db.execute(
                "select coalesce(q.urgent, 0) from processed_events e left join questions q on q.id = e.question_id"
                " where e.event_id = ?", [event_id]).fetchone()
            return None if row is None else bool(row[0])

    def link_event(self, event_id: str, question_id: int) -> None:
        with self.transaction() as db:
            db.execute("update processed_events set question_id = ? where event_id = ?", [question_id, event_id])

    def first_time_event(self, event_id: str) -> bool:
        """Record a Slack event id; False when it was seen before (a retry)."""
        with self.transaction() as db:
            cursor = db.execute(
                "insert or ignore into processed_events (event_id, at) values (?, ?)", [event_id, self.now()]
            )
            return cursor.rowcount == 1

    def first_time_request(self, fingerprint: str, forget_after: dt.timedelta = dt.timedelta(minutes=10)) -> bool:
        """Record a signed request's fingerprint; False when it was seen before (a replay). Fingerprints
        older than ``forget_after`` (past Slack's five-minute signature window) are dropped. While another
        process holds the write lock for longer than ``REPLAY_CHECK_WAIT`` the request counts as new
        (logged): waiting longer would outlast Slack's three seconds, and events are deduplicated by id."""
        try:
            with self.waiting_at_most(REPLAY_CHECK_WAIT), self.transaction() as db:
                cutoff = (parse_stored_time(self.now()) - forget_after).isoformat()
                db.execute("delete from signed_requests where at < ?", [cutoff])
                cursor = db.execute(
                    "insert or ignore into signed_requests (fingerprint, at) values (?, ?)", [fingerprint, self.now()]
                )
                return cursor.rowcount == 1
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            log.warning("replay check skipped: the database is busy (%s)", error)
            return True
