"""The records the service keeps in bulk: retention, one person's data (a copy, erasure), the advice record."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Callable

from bot.outbox import Kind
from bot.store import Store
from bot.store.people import PERSON_COLUMNS
from bot.times import parse_stored_time, stored, utc_now

log = logging.getLogger("bot.service")


MY_DATA_PER_DAY = 3
MY_DATA_ON_ITS_WAY = "A copy of your data is already on its way to your direct messages with me: it arrives shortly."
MY_DATA_LIMIT = (f"You have asked for a copy of your data {MY_DATA_PER_DAY} times in the last 24 hours, the most I send"
                 " in a day. Please ask again tomorrow, or ask your data protection officer.")


class MyDataRefused(Exception):
    """"Send me my data" while a copy is on its way, or past the day's limit: the person is told why."""


class StillQueued(Exception):
    """A person cannot be erased while one of their questions waits for an advisor."""


class Records:
    """The records kept in bulk: retention, one person's data (a copy, erasure), the advice record, and the
    database file itself. ``notify_owed`` is called after a commit that owes messages."""

    def __init__(self, store: Store, notify_owed: Callable[[], None]):
        self.store = store
        self.notify_owed = notify_owed

    def purge(self, before: str, dry_run: bool = False, include_queue: bool = False) -> dict:
        """Delete what was asked before ``before`` (stored-time text), except what is still in the
        advisor queue (unless ``include_queue``); counts of what went (or, with ``dry_run``, would go) and
        of what was kept in the queue (``Store.purge``)."""
        return self.store.purge(before, dry_run, include_queue=include_queue)

    def purge_if_due(self, retention: dt.timedelta, now: dt.datetime | None = None,
                     every: dt.timedelta = dt.timedelta(days=1)) -> dict[str, int] | None:
        """Apply the retention period once a day (the bot's queue keeper and the digest clock call this
        often). When it last ran is kept in the database, so that of several processes, restarted however
        often, one purges a day. None when not due."""
        now = now or utc_now()
        # Claimed per retention period: a process set to a shorter one (a lowered retention during a rolling
        # deploy, a clock process without the setting) must not be skipped because another purged for longer.
        task = f"retention:{int(retention.total_seconds())}s"
        if not self.store.claim_run(task, stored(now), stored(now - every)):
            return None
        return self.purge_expired(retention, now)

    def purge_expired(self, retention: dt.timedelta, now: dt.datetime | None = None) -> dict[str, int]:
        """Apply the retention period: delete what is older, except what is still in the advisor queue."""
        counts = self.purge(stored((now or utc_now()) - retention))
        if counts["questions"]:
            log.info("retention: deleted %(questions)d question(s), %(escalations)d escalation(s) and "
                     "%(feedback)d rating(s)", counts)
        if counts["kept_in_queue"]:  # the Centre still owes these an answer: kept, but not silently
            log.warning("retention: kept %(kept_in_queue)d question(s) older than the retention period because "
                        "they are still in the advisor queue (the oldest asked %(oldest_kept)s): answer or close "
                        "them (canishare queue), or delete them with canishare purge --include-queue", counts)
        return counts

    def subject_access(self, user: str) -> dict:
        """Everything canishare holds about one Slack user, as plain data (JSON-ready)."""
        return {"user": user, "generated_at": stored(utc_now()), "records": self.store.rows_about(user)}

    def owes_privacy_line(self, question) -> bool:
        """Whether the reply to ``question`` is to say what happens to what its asker types: no reply Slack
        took has told them yet (see ``privacy_told``)."""
        return not self.store.told_about_privacy(question.asker)

    def privacy_told(self, question) -> None:
        """Slack took the reply to ``question`` that told its asker what happens to what they type."""
        self.store.note_privacy_told(question.id)

    def own_copy(self, user: str) -> dict:
        """What ``subject_access`` holds about ``user``, without other people's data: the copy App Home sends."""
        from bot.own_copy import own_copy

        return own_copy(self.subject_access(user), PERSON_COLUMNS)

    @staticmethod
    def rows_naming_others(report: dict) -> int:
        """How many records of a ``subject_access`` report hold another person's id or rating."""
        from bot.own_copy import rows_naming_others

        return rows_naming_others(report, PERSON_COLUMNS)

    def owe_my_data(self, user: str) -> None:
        """Owe ``user`` a copy of everything held about them (App Home's "Send me my data"); ``MyDataRefused``
        while one is still on its way, or after MY_DATA_PER_DAY in 24 hours (each copy is many messages)."""
        prefix = f"my_data:{user}:"
        with self.store.transaction():
            day_ago = stored((parse_stored_time(self.store.now()) or utc_now()) - dt.timedelta(days=1))
            states = self.store.owed_since(Kind.MY_DATA, prefix, day_ago)
            if "pending" in states:
                raise MyDataRefused(MY_DATA_ON_ITS_WAY)
            if sum(state == "delivered" for state in states) >= MY_DATA_PER_DAY:  # a copy that never came is no copy
                raise MyDataRefused(MY_DATA_LIMIT)
            self.store.owe(Kind.MY_DATA, f"{prefix}{uuid.uuid4().hex}", payload={"to": user})
        self.notify_owed()

    def erase(self, user: str) -> dict[str, int]:
        """Erase one person (``StillQueued`` while an advisor still has one of their questions)."""
        try:
            counts = self.store.erase_person(user)
        except LookupError as queued:
            raise StillQueued(f"{user} has a question an advisor has not answered yet (escalation {queued}): "
                              "answer or close it first, then erase") from None
        self.notify_owed()  # the emptying of their escalations' posts in the advisor channel
        return counts

    def schema_upgrade(self) -> tuple[int | None, int]:
        """(the schema version opening the database upgraded it from, None when it was current; its version now)."""
        return self.store.upgraded_from, self.store.schema_version()

    def damage(self) -> str | None:
        """None when SQLite finds the database file sound; else its first finding."""
        return self.store.damage()

    def close_database(self) -> None:
        """Close the store's connections (a command done with a second, read-only service)."""
        self.store.close()

    def opening(self) -> tuple[str, str]:
        """(the start-up log's line on the database: file, schema, created or upgraded; the file's path)."""
        return self.store.opening(), self.store.path

    def advice_record(self, since: str | None = None) -> list[dict]:
        return self.store.advice_record(since=since)
