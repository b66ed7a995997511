"""Follow-ups (what an asker adds to their open escalation from its thread) and the lookups that
find the question a later Slack message belongs to: a mention or DM reply in an escalation's thread, an
edited DM."""

from __future__ import annotations

import datetime as dt
import json

from bot.records import UNKNOWN_RISK, FollowUp, Question, State, Via
from bot.store import outbox
from bot.store.connection import Connections
from bot.store.queries import question_from_row


class FollowUpTables(Connections):
    def open_escalation_in_thread(self, asker: str, channel: str, thread_ts: str) -> int | None:
        """The id of the latest escalation ``asker`` sent from this thread (by mentioning the bot in it, or
        by DM) that no advisor has answered or closed yet (open or claimed); None when there is none."""
        with self.write_lock():
            row = self.db.execute(
                "select e.id from escalations e join questions q on q.id = e.question_id"
                " where q.asker = ? and q.channel = ? and q.thread_ts = ? and q.source in (?, ?)"
                " and e.state in (?, ?) order by e.id desc limit 1",
                [asker, channel, thread_ts, Via.MENTION.value, Via.DM.value, State.OPEN.value,
                 State.CLAIMED.value]).fetchone()
        return row[0] if row else None

    def add_follow_up(self, *, escalation_id: int, question_id: int, asker: str, text: str,
                      redacted_kinds: tuple[str, ...], urgent: bool, channel: str | None,
                      message_ts: str | None, risk: tuple[int, int] | None = None) -> tuple[FollowUp, bool]:
        """Store a (redacted) follow-up; the same Slack message (``message_ts``) is stored once, whichever
        process gets it first: (the follow-up, whether it was added now)."""
        with self.transaction() as db:
            added = db.execute(
                "insert or ignore into follow_ups (question_id, escalation_id, asker, text, redacted_kinds, urgent,"
                " channel, message_ts, created_at, risk_window) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [question_id, escalation_id, asker, text, json.dumps(list(redacted_kinds)), int(urgent), channel,
                 message_ts, self.now(), json.dumps(list(risk or []))]).rowcount == 1
            row = next(db.query("select * from follow_ups where escalation_id = ? and message_ts is ?"
                                " order by id desc limit 1", [escalation_id, message_ts]))
        return _follow_up(row), added

    def flag_urgent(self, escalation_id: int) -> None:
        """Flag an escalation urgent (a follow-up said someone is at risk now). Its routine reminder, if it
        had one, does not count: it waits for an urgent reminder from now on."""
        with self.transaction() as db:
            db.execute("update escalations set urgent = 1, reminded_at = null where id = ? and urgent = 0",
                       [escalation_id])

    def urgent_escalations_up_to(self, escalation_id: int, since: str) -> list[tuple[int, str]]:
        """(id, opened) of the urgent escalations this one's asker opened from ``since`` up to it, in order."""
        with self.reading():
            return [(r["id"], r["created_at"]) for r in self.db.query(
                "select e.id, e.created_at from escalations e join questions q on q.id = e.question_id"
                " join escalations this on this.id = ? join questions tq on tq.id = this.question_id"
                " where q.asker = tq.asker and (e.urgent = 1 or e.id = this.id) and e.id <= this.id"
                " and e.created_at >= ? order by e.id", [escalation_id, since])]

    def take_follow_up_page(self, escalation_id: int, not_since: str) -> bool:
        """Whether an urgent follow-up now pages the advisors: True, and recorded, unless one paged about the
        escalation at ``not_since`` or later. One statement, so two processes never both page."""
        with self.transaction() as db:
            cursor = db.execute(
                "update escalations set follow_up_paged_at = ? where id = ?"
                " and (follow_up_paged_at is null or follow_up_paged_at < ?)", [self.now(), escalation_id, not_since])
            return cursor.rowcount == 1

    def owe_follow_up_post_or_hold(self, follow_up: FollowUp, payload: dict, since: str, limit: int,
                                   held_until: str, most_held: int, spacing: dt.timedelta) -> str | None:
        """Owe ``follow_up``'s own post in its card's thread if fewer than ``limit`` were owed for its escalation
        from ``since`` on (None), else hold it for one post with the others, due at ``held_until`` or with one
        already waiting: when that post is due."""
        with self.transaction() as db:
            now = self.now()
            if outbox.owe_follow_up_post_within(db, now, follow_up.id, follow_up.escalation_id, follow_up.question_id,
                                                payload, since, limit):
                return None
            return outbox.hold_follow_up(db, now, follow_up.id, follow_up.escalation_id, follow_up.question_id,
                                         held_until, most_held, spacing)

    def set_follow_up_post(self, follow_up_id: int, channel: str, ts: str) -> bool:
        """Record where a follow-up was posted for the advisors; False when it is gone (its asker was erased,
        or it was purged, while the post was on its way)."""
        with self.transaction() as db:
            return db.execute("update follow_ups set advisor_channel = ?, advisor_ts = ? where id = ?",
                              [channel, ts, follow_up_id]).rowcount == 1

    def follow_up(self, follow_up_id: int) -> FollowUp | None:
        with self.write_lock():
            rows = list(self.db.query("select * from follow_ups where id = ?", [follow_up_id]))
        return _follow_up(rows[0]) if rows else None

    def follow_ups_of(self, escalation_id: int) -> tuple[FollowUp, ...]:
        with self.write_lock():
            rows = list(self.db.query("select * from follow_ups where escalation_id = ? order by id", [escalation_id]))
        return tuple(_follow_up(r) for r in rows)

    def question_for_message(self, asker: str, channel: str, message_ts: str) -> Question | None:
        """The first question recorded from the Slack message ``message_ts`` of ``asker`` in ``channel``."""
        with self.write_lock():
            rows = list(self.db.query(
                "select * from questions where asker = ? and channel = ? and message_ts = ? order by id limit 1",
                [asker, channel, message_ts]))
        return question_from_row(rows[0]) if rows else None

    def open_dm_escalation_elsewhere(self, asker: str, channel: str, thread_ts: str | None) -> int | None:
        """The id of ``asker``'s latest escalation asked by DM in ``channel``, outside the thread ``thread_ts``,
        that still waits for an advisor (open or claimed); None when there is none."""
        with self.write_lock():
            row = self.db.execute(
                "select e.id from escalations e join questions q on q.id = e.question_id"
                " where q.asker = ? and q.channel = ? and q.source = ? and q.thread_ts is not ?"
                " and e.state in (?, ?) order by e.id desc limit 1",
                [asker, channel, Via.DM.value, thread_ts, State.OPEN.value, State.CLAIMED.value]).fetchone()
        return row[0] if row else None

    def answered_escalation_before(self, question: Question) -> int | None:
        """The id of the latest answered escalation of an earlier question ``question``'s asker asked in the same
        thread (by mention or DM): what a question added there after the answer follows. None when none was."""
        where = question.where
        with self.write_lock():
            row = self.db.execute(
                "select e.id from escalations e join questions q on q.id = e.question_id"
                " where q.asker = ? and q.channel = ? and q.thread_ts = ? and q.source in (?, ?) and q.id < ?"
                " and e.state = ? order by e.id desc limit 1",
                [question.asker, where.channel, where.thread_ts, Via.MENTION.value, Via.DM.value, question.id,
                 State.ANSWERED.value]).fetchone()
        return row[0] if row else None

    def escalation_of_message(self, asker: str, channel: str, message_ts: str) -> int | None:
        """The id of the escalation of the latest question recorded from the Slack message ``message_ts`` (a
        DM question, and each edit of it answered again) that was escalated; None when none was."""
        with self.write_lock():
            row = self.db.execute(
                "select e.id from escalations e join questions q on q.id = e.question_id"
                " where q.asker = ? and q.channel = ? and q.message_ts = ? order by q.id desc, e.id desc limit 1",
                [asker, channel, message_ts]).fetchone()
        return row[0] if row else None

    def escalation_of_follow_up_message(self, asker: str, channel: str, message_ts: str) -> int | None:
        """The id of the escalation the Slack message ``message_ts`` of ``asker`` in ``channel`` was added to as
        a follow-up; None when it was not."""
        with self.write_lock():
            row = self.db.execute(
                "select escalation_id from follow_ups where asker = ? and channel = ? and message_ts = ?"
                " order by id desc limit 1", [asker, channel, message_ts]).fetchone()
        return row[0] if row else None


def _follow_up(row: dict) -> FollowUp:
    return FollowUp(id=row["id"], escalation_id=row["escalation_id"], question_id=row["question_id"],
                    text=row["text"], redacted_kinds=tuple(json.loads(row["redacted_kinds"] or "[]")),
                    urgent=bool(row["urgent"]), created_at=row["created_at"], risk=_risk(row.get("risk_window")))


def _risk(stored: str | None) -> tuple[int, int] | None | str:
    if stored is None:
        return UNKNOWN_RISK
    window = json.loads(stored)
    return (window[0], window[1]) if window else None
