"""The store's part for records kept and read in bulk: retention (purge), one person's data
(subject access and erasure), the advice record and the digest's queries. A mixin of ``Store``."""

from __future__ import annotations

import time
from typing import Callable, NamedTuple

from bot.records import Decision, QueueAction, Rating, State
from bot.store import outbox, people
from bot.store.connection import Connections
from bot.store.queries import LEARNED_GENERATION, bump_generation, where_between


class DigestQuestion(NamedTuple):
    """A stored question as the weekly digest reads it (``Store.digest_questions``)."""

    id: int
    text: str  # redacted
    asker: str  # counted by the digest, never shown
    decision: Decision
    faq_id: str | None
    score: float
    answered_by: str | None = None  # the entry it counts as answered by (``ANSWERED_BY``), if any
    urgent: bool = False  # it signalled an immediate risk of harm


# The FAQ entry a question (``q``) counts as answered by in the digest: the one the matcher answered
# with (unless it was escalated: below); for "did you mean" suggestions, the one its asker picked: an
# entry they rated helpful, else the one they opened ("Show answer"), unless they rated that one not
# helpful. Otherwise none: the FAQ did not answer it (the best entry of a suggestion nobody picked is a
# guess, often about something else).
_RATED_HELPFUL = ("(select f.faq_id from feedback f where f.question_id = q.id and f.user = q.asker"
                  " and f.rating = ? and f.faq_id != '' order by f.created_at, f.faq_id limit 1)")
_OPENED = ("case when not exists (select 1 from feedback f where f.question_id = q.id and f.user = q.asker"
           " and f.faq_id = q.opened_faq_id and f.rating = ?) then nullif(q.opened_faq_id, '') end")
# A question sent to an advisor counts under the entry the advisor linked their answer to, if any, and
# under none before that: the asker's escalation says the FAQ's answer or suggestion did not do.
_ESCALATED = "exists (select 1 from escalations e where e.question_id = q.id)"
_LINKED = "(select nullif(e.linked_faq_id, '') from escalations e where e.question_id = q.id limit 1)"
ANSWERED_BY = (f"(case when {_ESCALATED} then {_LINKED} else (case q.decision when ? then nullif(q.faq_id, '')"
               f" when ? then coalesce({_RATED_HELPFUL}, {_OPENED}) end) end)")
ANSWERED_BY_PARAMS = [Decision.ANSWER.value, Decision.SUGGEST.value, Rating.HELPFUL.value, Rating.NOT_HELPFUL.value]


PURGE_BATCH = 500  # questions per transaction: a few milliseconds of write lock each
_PURGEABLE = ("select id from questions where created_at < ? and id not in"
              " (select question_id from escalations where state in (?, ?)) order by id")
_IN_QUEUE = "select question_id from escalations where state in (?, ?)"
_KEPT_IN_QUEUE = f"select count(*), min(created_at) from questions where created_at < ? and id in ({_IN_QUEUE})"
# what purged questions left before purge took these with them (and what an erasure left unlinked)
_ORPHAN_AUDIT = ("from audit where at < ?"
                 " and (escalation_id is null or escalation_id not in (select id from escalations))")
_ORPHAN_PHRASINGS = "from learned_phrasings where created_at < ? and question_id is null"


class ReportTables(Connections):
    # retention and records -----------------------------------------------------------------

    def purge(self, before: str, dry_run: bool = False, batch: int = PURGE_BATCH,
              on_batch: Callable[[float], None] | None = None, include_queue: bool = False) -> dict:
        """Delete questions older than ``before`` with what hangs off them (ratings, escalations, follow-ups,
        owed messages, the phrasings the matcher learned from them and the audit rows of their escalations),
        except those still in the advisor queue (open or claimed): they go once they are answered or closed,
        or now with ``include_queue``. Decision records older than ``before`` go too, and nation choices made
        before it by people who have neither asked nor recorded since. With ``dry_run``, count what would go
        and delete nothing. The counts include ``kept_in_queue`` and ``oldest_kept`` (the questions older
        than ``before`` kept because they are still in the queue, and when the oldest was asked).

        It deletes ``batch`` questions per transaction (each a small fraction of a second: the columns
        it looks up are indexed), so another process never waits long for the write lock; a purge cut
        short deletes the rest next time. ``on_batch`` is told how long each transaction held the lock."""
        queue = [State.OPEN.value, State.CLAIMED.value]
        with self.transaction() as db:
            kept, oldest = (0, None) if include_queue else db.execute(_KEPT_IN_QUEUE, [before, *queue]).fetchone()
            if dry_run:
                sql, params = _purgeable(before, include_queue)
                ids = [r[0] for r in db.execute(sql, params)]
                return {**self._purge_counts(db, ids), **_purge_records(db, before, dry_run=True),
                        "kept_in_queue": kept, "oldest_kept": oldest}
        counts = {"questions": 0, "feedback": 0, "escalations": 0, "follow_ups": 0, "learned_phrasings": 0,
                  "audit": 0}
        while self._timed(lambda: _purge_batch(self, before, batch, counts, include_queue), on_batch):
            pass
        records = {"decision_records": 0}
        while self._timed(lambda: _purge_old_records(self, before, batch, records), on_batch):
            pass
        with self.transaction() as db:  # both tables are indexed on what is compared
            db.execute("delete from processed_events where at < ?", [before])
            counts.update(_purge_records(db, before))
            counts["audit"] += db.execute(f"delete {_ORPHAN_AUDIT}", [before]).rowcount
            orphans = db.execute(f"delete {_ORPHAN_PHRASINGS}", [before]).rowcount
            if orphans:
                bump_generation(db, LEARNED_GENERATION)
            counts["learned_phrasings"] += orphans
        return {**counts, **records, "kept_in_queue": kept, "oldest_kept": oldest}

    def _timed(self, step: Callable[[], bool], on_batch: Callable[[float], None] | None) -> bool:
        started = time.perf_counter()
        more = step()
        if on_batch is not None:
            on_batch(time.perf_counter() - started)
        return more

    def claim_run(self, task: str, now: str, every_since: str) -> bool:
        """Record that ``task`` runs at ``now`` unless it last ran after ``every_since``: True for the
        one process (of however many, restarted however often) that should run it now."""
        with self.transaction() as db:
            last = db.execute("select last_run_at from maintenance where task = ?", [task]).fetchone()
            if last is not None and last[0] > every_since:
                return False
            db.execute("insert into maintenance (task, last_run_at) values (?, ?)"
                       " on conflict(task) do update set last_run_at = excluded.last_run_at", [task, now])
            return True

    def _purge_counts(self, db, ids: list[int]) -> dict[str, int]:
        counts = {"questions": len(ids), "feedback": 0, "escalations": 0, "follow_ups": 0, "learned_phrasings": 0,
                  "audit": 0}
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ", ".join("?" for _ in chunk)
            for table in ("feedback", "escalations", "follow_ups", "learned_phrasings"):
                counts[table] += db.execute(f"select count(*) from {table} where question_id in ({marks})",
                                            chunk).fetchone()[0]
            counts["audit"] += db.execute(f"select count(*) {_audit_of(marks)}", chunk * 2).fetchone()[0]
        return counts

    # one person's data (subject access and erasure) ----------------------------------------------

    def rows_about(self, user: str) -> dict[str, list[dict]]:
        with self.reading():
            return people.rows_about(self.db, user)

    def erase_person(self, user: str) -> dict[str, int]:
        """Erase ``user`` (see ``bot.store.people.erase``); LookupError naming the escalations while
        one of their questions is still in the advisor queue, and then nothing changes."""
        with self.transaction() as db:
            queued = people.still_queued(db, user)
            if queued:
                raise LookupError(", ".join(f"#{n}" for n in queued))
            return people.erase(db, user, self.now())

    def advice_record(self, since: str | None = None) -> list[dict]:
        sql = (
            "select q.id as question_id, q.created_at as asked_at, q.text as question, q.decision, q.faq_id,"
            " q.score, q.asker, e.state as escalation_state, e.answer as advisor_answer,"
            " e.answered_by as advisor, e.answered_at, e.linked_faq_id"
            " from questions q left join escalations e on e.question_id = q.id"
        )
        params: list = []
        if since:
            sql, params = sql + " where q.created_at >= ?", [since]
        with self.reading():
            return list(self.db.query(sql + " order by q.id", params))

    # digest queries --------------------------------------------------------------------------

    def escalation_first_answers(self, since: str | None = None, until: str | None = None) -> list[dict]:
        """Escalations whose FIRST advisor answer falls in [since, until): ``{id, created_at, urgent,
        first_answered_at}``. The first answer is the earliest 'answer' in the audit log (an answer
        after a reopen overwrites ``answered_at``); ``answered_at`` stands in when the log has none."""
        sql = (
            "select id, created_at, urgent, first_answered_at from ("
            " select e.id, e.created_at, e.urgent, coalesce(f.first_at, e.answered_at) as first_answered_at"
            " from escalations e left join ("
            "  select escalation_id, min(at) as first_at from audit where action = ? group by escalation_id"
            " ) f on f.escalation_id = e.id"
            ") where first_answered_at is not null"
        )
        sql, params = where_between(sql, [QueueAction.ANSWER], "first_answered_at", since, until)
        with self.reading():
            return list(self.db.query(sql + " order by first_answered_at, id", params))

    def digest_questions(self, since: str, until: str) -> list[DigestQuestion]:
        """The questions asked in [since, until), oldest first, with only what the digest reads
        (no Slack threads, no JSON to decode): a week of 50,000 stays light."""
        sql = (f"select id, text, asker, decision, faq_id, score, {ANSWERED_BY}, urgent from questions q"
               " where created_at >= ? and created_at < ? order by id")
        with self.reading():
            rows = self.db.execute(sql, [*ANSWERED_BY_PARAMS, since, until]).fetchall()
        return [DigestQuestion(i, text, asker, Decision(decision), faq_id, score or 0.0, answered_by, bool(urgent))
                for i, text, asker, decision, faq_id, score, answered_by, urgent in rows]

    def question_counts(self, since: str, until: str) -> dict:
        """``{asked, askers, answer, suggest, escalate, picked, urgent}`` for the questions asked in [since, until);
        ``picked``: suggestions counted under an entry (``ANSWERED_BY``: the asker's pick, or the entry an
        advisor linked when the asker escalated)."""
        sql = ("select count(*), count(distinct asker), coalesce(sum(decision = ?), 0), coalesce(sum(decision = ?), 0),"
               f" coalesce(sum(decision = ?), 0), coalesce(sum(decision = ? and {ANSWERED_BY} is not null), 0),"
               " coalesce(sum(urgent), 0) from questions q where created_at >= ? and created_at < ?")
        with self.reading():
            row = self.db.execute(sql, [Decision.ANSWER, Decision.SUGGEST, Decision.ESCALATE, Decision.SUGGEST,
                                        *ANSWERED_BY_PARAMS, since, until]).fetchone()
        return dict(zip(("asked", "askers", "answer", "suggest", "escalate", "picked", "urgent"), row))

    def weekly_counts(self, weeks: list[tuple[str, str]]) -> list[dict]:
        """For each [start, end) in ``weeks``: ``{asked, escalated}``, the questions asked and the
        escalations opened (questions sent to the advisors) in it. One pass over each table."""
        if not weeks:
            return []
        buckets = ", ".join("coalesce(sum(created_at >= ? and created_at < ?), 0)" for _ in weeks)
        bounds = [value for week in weeks for value in week]
        first, last = min(w[0] for w in weeks), max(w[1] for w in weeks)
        with self.reading():
            asked = self.db.execute(f"select {buckets} from questions where created_at >= ? and created_at < ?",
                                    bounds + [first, last]).fetchone()
            escalated = self.db.execute(f"select {buckets} from escalations where created_at >= ? and created_at < ?",
                                        bounds + [first, last]).fetchone()
        return [{"asked": a, "escalated": e} for a, e in zip(asked, escalated)]

    def topic_counts(self, since: str, until: str) -> dict[str, int]:
        """How many questions asked in [since, until) each FAQ entry answered (``ANSWERED_BY``): the
        matcher's answers and the suggestions their askers picked; a suggestion nobody picked counts
        under no entry."""
        sql = (f"select answered_by, count(*) from (select {ANSWERED_BY} as answered_by from questions q"
               " where created_at >= ? and created_at < ?) where answered_by is not null group by answered_by")
        with self.reading():
            return dict(self.db.execute(sql, [*ANSWERED_BY_PARAMS, since, until]).fetchall())

    def recorded_entry_ids(self) -> set[str]:
        """The FAQ entry ids the matcher learned phrasings under or people rated (``faq lint --db``)."""
        sql = ("select faq_id from learned_phrasings union select faq_id from feedback where faq_id != ''")
        with self.reading():
            return {row[0] for row in self.db.execute(sql).fetchall()}

    def place_counts(self, since: str, until: str, private_sources: tuple[str, ...]) -> list[dict]:
        """Where the questions of [since, until) were asked: ``{place, questions, askers}`` per Slack
        channel id, with every private place (a source in ``private_sources``, a direct-message
        channel, whose id starts with D, or no channel) counted together as place ''. ``askers`` is a
        number of different people; nobody is named."""
        marks = ", ".join("?" for _ in private_sources) or "''"
        sql = (f"select case when source in ({marks}) or channel is null or channel = '' or channel like 'D%'"
               " then '' else channel end as place, count(*), count(distinct asker) from questions"
               " where created_at >= ? and created_at < ? group by place order by place")
        with self.reading():
            rows = self.db.execute(sql, [*private_sources, since, until]).fetchall()
        return [{"place": place, "questions": questions, "askers": askers} for place, questions, askers in rows]

    def escalation_states_at(self, when: str) -> list[dict]:
        """Every escalation created before ``when`` with its state at that moment, rebuilt from the
        audit log: ``{id, created_at, urgent, state}`` where state is open, claimed, answered or
        closed (the current state when the log has no state change before ``when``). Oldest first."""
        # SQLite takes the bare column "action" from the row holding the max(): the latest change
        sql = (
            "select e.id, e.created_at, e.urgent, e.state as current_state, l.action as last_action"
            " from escalations e left join ("
            "  select escalation_id, action, max(at || '#' || printf('%012d', id)) as latest from audit"
            "  where at < ? and escalation_id is not null"
            f"  and action in ({', '.join('?' for _ in STATE_AFTER)})"
            "  group by escalation_id"
            " ) l on l.escalation_id = e.id"
            " where e.created_at < ? order by e.created_at, e.id"
        )
        with self.reading():
            rows = list(self.db.query(sql, [when, *STATE_AFTER, when]))
        return [
            {"id": r["id"], "created_at": r["created_at"], "urgent": bool(r["urgent"]),
             "state": STATE_AFTER.get(r["last_action"], State(r["current_state"]))}
            for r in rows
        ]


# The state an escalation is in after each action of the audit log.
STATE_AFTER = {
    QueueAction.ESCALATE: State.OPEN, QueueAction.REOPEN: State.OPEN, QueueAction.CLAIM: State.CLAIMED,
    QueueAction.ANSWER: State.ANSWERED, QueueAction.CLOSE: State.CLOSED, QueueAction.RELEASE: State.OPEN,
}


# Decision records made before the cutoff; a nation chosen before it by someone who has neither asked
# nor recorded a decision since (they see every nation, or the workspace default, until they choose).
_OLD_RECORDS = "from decision_records where created_at < ?"
_OLD_RECORDS_BATCH = "from decision_records where id in (select id from decision_records where created_at < ? limit ?)"
_FORGOTTEN_CHOICES = ("from people where updated_at < ?"
                      " and user not in (select asker from questions where created_at >= ?)"
                      " and user not in (select user from decision_records where created_at >= ?)")


def _purgeable(before: str, include_queue: bool) -> tuple[str, list]:
    if include_queue:
        return "select id from questions where created_at < ? order by id", [before]
    return _PURGEABLE, [before, State.OPEN.value, State.CLAIMED.value]


def _audit_of(marks: str) -> str:
    """The audit rows of some questions (``marks``: their ids, given twice), including their escalations'
    rows that name no question (the FAQ draft written from an answer)."""
    return (f"from audit where question_id in ({marks})"
            f" or escalation_id in (select id from escalations where question_id in ({marks}))")


def _purge_batch(store, before: str, batch: int, counts: dict[str, int], include_queue: bool = False) -> bool:
    """Delete the next ``batch`` purgeable questions and what hangs off them, in one short transaction;
    False when there were none left."""
    with store.transaction() as db:
        sql, params = _purgeable(before, include_queue)
        ids = [r[0] for r in db.execute(sql + " limit ?", [*params, batch])]
        if not ids:
            return False
        marks = ", ".join("?" for _ in ids)
        if include_queue:  # their cards would stay "open" in the channel, with buttons for an escalation gone
            _owe_queue_card_removals(db, store.now(), ids, marks)
        counts["questions"] += len(ids)
        counts["feedback"] += db.execute(f"delete from feedback where question_id in ({marks})", ids).rowcount
        counts["follow_ups"] += db.execute(f"delete from follow_ups where question_id in ({marks})", ids).rowcount
        counts["audit"] += db.execute(f"delete {_audit_of(marks)}", ids * 2).rowcount
        db.execute("delete from outbox where escalation_id in"
                   f" (select id from escalations where question_id in ({marks}))", ids)
        counts["escalations"] += db.execute(f"delete from escalations where question_id in ({marks})", ids).rowcount
        learned = db.execute(f"delete from learned_phrasings where question_id in ({marks})", ids).rowcount
        if learned:
            bump_generation(db, LEARNED_GENERATION)
        counts["learned_phrasings"] += learned
        db.execute(f"delete from outbox where question_id in ({marks})", ids)
        db.execute(f"update decision_records set question_id = null where question_id in ({marks})", ids)
        db.execute(f"delete from questions where id in ({marks})", ids)
        return True


def _owe_queue_card_removals(db, now: str, ids: list[int], marks: str) -> None:
    queued = [r[0] for r in db.execute(f"select question_id from escalations where question_id in ({marks})"
                                       " and state in (?, ?)", [*ids, State.OPEN.value, State.CLAIMED.value])]
    if queued:
        outbox.owe_card_removals(db, now, queued)
        outbox.owe_follow_up_removals(db, now, queued)


def _purge_old_records(store, before: str, batch: int, counts: dict[str, int]) -> bool:
    """Delete the next ``batch`` decision records made before ``before``; False when there were none."""
    with store.transaction() as db:
        gone = db.execute(f"delete {_OLD_RECORDS_BATCH}", [before, batch]).rowcount
    counts["decision_records"] += gone
    return gone > 0


def _purge_records(db, before: str, dry_run: bool = False) -> dict[str, int]:
    """Purge's part for decision records and nation choices (inside its transaction)."""
    counts = {}
    for name, sql, params in (("decision_records", _OLD_RECORDS, [before]),
                              ("people", _FORGOTTEN_CHOICES, [before, before, before])):
        if dry_run:
            counts[name] = db.execute(f"select count(*) {sql}", params).fetchone()[0]
        else:
            counts[name] = db.execute(f"delete {sql}", params).rowcount
    return counts
