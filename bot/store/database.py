"""The store: an embedded SQLite database through sqlite-utils, in WAL mode.

Every change runs in ``transaction()`` (BEGIN IMMEDIATE) on the one writing connection, so a
read-check-write such as a claim is atomic; reads outside a transaction have a connection of their own
and never wait for a write (``bot.store.connection``).
Schema changes are numbered migrations recorded in ``PRAGMA user_version``; an older file is
upgraded in place when opened for writing. The commands that only read open it read-only and never
upgrade it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Callable

from bot.records import (
    Decision,
    DecisionRecord,
    Escalation,
    Question,
    QueueAction,
    SharingDecision,
    State,
    Told,
    Where,
)
from bot.store import outbox, people
from bot.store.connection import BUSY_TIMEOUT, OUTCOME_PATIENCE
from bot.store.delivery import DeliveryTables
from bot.store.follow_ups import FollowUpTables
from bot.store.migrations import MIGRATIONS, SCHEMA_VERSION, OlderDatabase, StoreError
from bot.store.opening import check_is_canishare, describe_opening, read_only_uri, refuse_unusable_path
from bot.store.queries import LEARNED_GENERATION, bump_generation, generation, question_from_row, where_between
from bot.store.reports import ReportTables
from bot.store.versions import EscalationVersions, update_if_unchanged
from bot.times import stored_now


class Store(DeliveryTables, ReportTables, FollowUpTables, EscalationVersions):
    def __init__(self, path: str | Path = "canishare.db", clock: Callable[[], str] = stored_now, *,
                 create: bool = True, read_only: bool = False, busy_timeout: float = BUSY_TIMEOUT,
                 outcome_patience: float = OUTCOME_PATIENCE):
        """The store in the file ``path``. ``create`` False (the commands that read records): a path
        with no canishare database yet (no file, an empty one) is a ``NoDatabase``, not a new one. A
        folder or another application's SQLite file is a ``WrongDatabase``, refused before any write.
        ``read_only`` (the commands that only read; implies ``create`` False): the file is opened
        read-only (SQLite's mode=ro, which still reads a file another process is writing) and never
        upgraded: a file from an older canishare is an ``OlderDatabase``."""
        super().__init__(clock, outcome_patience)
        self.path = str(path)
        self.read_only = read_only
        self.upgraded_from: int | None = None  # the schema version this open upgraded the file from
        self.created = False  # whether this open made a new, empty database
        refuse_unusable_path(self.path, create and not read_only)
        try:
            writer = self.connect(read_only_uri(self.path) if read_only else self.path, read_only, busy_timeout)
            writer.execute("BEGIN")  # one snapshot: another process's first migration cannot land between reads
            try:
                self.created = check_is_canishare(writer, self.path, self.schema_version(), create and not read_only)
            finally:
                writer.execute("COMMIT")
            if self.path != ":memory:" and not read_only:  # the mode is kept in the file: the bot set it
                writer.execute("PRAGMA journal_mode=WAL")
            writer.execute("PRAGMA foreign_keys=ON")
            writer.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            writer.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash of the app loses nothing
            self._check_schema()
            if not read_only:
                self._migrate()
                if self.path != ":memory:":
                    self.open_reader(self.path)
        except sqlite3.OperationalError as error:  # the file is fine; this process may not use it
            from bot.failures import explain

            raise StoreError(f"{self.path}: {explain(error) or error}") from error
        except sqlite3.DatabaseError as error:
            from bot.failures import damaged_database

            raise StoreError(f"{damaged_database(self.path, error)}, or point CANISHARE_DB at a new file") from error

    # schema ------------------------------------------------------------------------------------

    def _check_schema(self) -> None:
        """A file from a newer canishare is refused; read-only, so is one from an older canishare
        (upgrading it would be a write)."""
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer canishare (schema {version}, this one knows {SCHEMA_VERSION}): "
                "upgrade canishare to the version that wrote it or later (pip install --upgrade, then restart), "
                "or point CANISHARE_DB at this version's database"
            )
        if self.read_only and version < SCHEMA_VERSION:
            raise OlderDatabase(
                f"{self.path} is from an older canishare (schema {version}; this version uses {SCHEMA_VERSION}) and "
                "this command only reads, so it has not changed it: upgrade it with `canishare migrate` (starting "
                "the bot, `canishare serve`, upgrades it too; an older canishare cannot open it afterwards), then "
                "run this command again"
            )

    def damage(self) -> str | None:
        """None when SQLite's quick check finds the file sound; else its first finding."""
        with self.reading():
            found = [row[0] for row in self.db.execute("PRAGMA quick_check")]
        return None if found == ["ok"] else found[0]

    def opening(self) -> str:
        """The start-up log's line: the file, its schema, and whether this open created or upgraded it."""
        return describe_opening(self.path, self.created, None if self.created else self.upgraded_from,
                                self.schema_version())

    def _migrate(self) -> None:
        version = self.schema_version()
        if version < SCHEMA_VERSION:
            self.upgraded_from = version
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction() as db:
                # another process opening the same file may have applied it while this one waited
                if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")

    # questions -----------------------------------------------------------------------------

    def add_question(
        self, *, text: str, asker: str, where: Where, decision: str, faq_id: str | None, score: float,
        suggestions: tuple[str, ...], redacted_kinds: tuple[str, ...], urgent: bool = False,
        escalate: bool = False,
    ) -> Question:
        """Record a (redacted) question; with ``escalate`` its escalation is created in the same
        transaction, so a crash can never leave an escalated question unrecorded or vice versa."""
        row = {
            "text": text, "asker": asker, "source": where.source, "channel": where.channel,
            "thread_ts": where.thread_ts, "message_ts": where.message_ts, "team": where.team,
            "decision": decision, "faq_id": faq_id,
            "score": score, "suggestions": json.dumps(list(suggestions)),
            "redacted_kinds": json.dumps(list(redacted_kinds)), "urgent": int(urgent),
            "created_at": self.now(),
        }
        with self.transaction() as db:
            question_id = db["questions"].insert(row).last_pk
            if escalate:
                self.add_escalation(question_id, asker, urgent)
        return self.question(question_id)

    def question(self, question_id: int) -> Question | None:
        with self.reading():
            rows = list(self.db.query("select * from questions where id = ?", [question_id]))
        return question_from_row(rows[0]) if rows else None

    def questions(self, since: str | None = None, until: str | None = None) -> list[Question]:
        sql, params = where_between("select * from questions where 1=1", [], "created_at", since, until)
        with self.reading():
            return [question_from_row(r) for r in self.db.query(sql + " order by id", params)]

    def recent_questions(self, asker: str, limit: int = 10) -> list[tuple[Question, Escalation | None]]:
        with self.reading():
            rows = list(
                self.db.query("select * from questions where asker = ? order by id desc limit ?", [asker, limit])
            )
            return [(question_from_row(r), self.escalation_for_question(r["id"])) for r in rows]

    def told_about_privacy(self, asker: str) -> bool:
        """Whether a reply Slack took has already told ``asker`` what happens to what they type."""
        with self.reading():
            return bool(list(self.db.query(
                "select 1 from questions where asker = ? and privacy_told_at is not null limit 1", [asker])))

    def note_privacy_told(self, question_id: int) -> None:
        with self.transaction() as db:
            db.execute("update questions set privacy_told_at = ? where id = ? and privacy_told_at is null",
                       [self.now(), question_id])

    def note_opened(self, question_id: int, user: str, faq_id: str) -> bool:
        """Record that the asker opened ``faq_id``, one of the entries suggested for their question
        ("Show answer"; the last one opened is kept). Anyone else's click, or an entry that was not
        suggested, records nothing. True when recorded."""
        with self.transaction() as db:
            return db.execute(
                "update questions set opened_faq_id = ? where id = ? and asker = ? and decision = ?"
                " and instr(suggestions, ?) > 0",
                [faq_id, question_id, user, Decision.SUGGEST.value, json.dumps(faq_id)]).rowcount == 1

    # feedback ------------------------------------------------------------------------------

    def set_feedback(self, question_id: int, user: str, faq_id: str | None, rating: str) -> bool:
        """Record or change one person's rating of one answer (question and entry); True when new."""
        key = [question_id, user, faq_id or ""]
        now = self.now()
        # insert-or-nothing, then update: each statement is safe against another process rating at the same
        # moment (a read, then a write, is not, on a shared PostgreSQL store)
        with self.transaction() as db:
            added = db.execute(
                "insert into feedback (question_id, user, faq_id, rating, created_at, updated_at)"
                " values (?, ?, ?, ?, ?, ?) on conflict(question_id, user, faq_id) do nothing",
                [*key, rating, now, now]).rowcount == 1
            if not added:
                db.execute("update feedback set rating = ?, updated_at = ? where question_id = ? and user = ?"
                           " and faq_id = ?", [rating, now, *key])
            return added

    def feedback(self, since: str | None = None, until: str | None = None) -> list[dict]:
        sql, params = where_between("select * from feedback where 1=1", [], "updated_at", since, until)
        with self.reading():
            return list(self.db.query(sql, params))

    # escalations ---------------------------------------------------------------------------

    def add_escalation(self, question_id: int, actor: str, urgent: bool = False) -> tuple[Escalation, bool]:
        """The escalation of a question, created if it has none; True when created now."""
        with self.transaction() as db:
            existing = self.escalation_for_question(question_id)
            if existing:
                return existing, False
            # a guard, not only the check above: two escalations of one question at once (PostgreSQL) make
            # the second "already escalated", not a unique-index error
            cursor = db.execute("insert into escalations (question_id, state, urgent, created_at) values (?, ?, ?, ?)"
                                " on conflict(question_id) do nothing",
                                [question_id, State.OPEN.value, int(urgent), self.now()])
            if cursor.rowcount != 1:
                return self.escalation_for_question(question_id), False
            escalation_id = cursor.lastrowid
            self.audit(actor, QueueAction.ESCALATE, escalation_id, question_id)
        return self.escalation(escalation_id), True

    def escalation(self, escalation_id: int) -> Escalation | None:
        with self.reading():
            rows = list(self.db.query("select * from escalations where id = ?", [escalation_id]))
            return self._escalation(rows[0]) if rows else None

    def escalation_for_question(self, question_id: int) -> Escalation | None:
        with self.reading():
            rows = list(self.db.query("select * from escalations where question_id = ?", [question_id]))
            return self._escalation(rows[0]) if rows else None

    def escalations(
        self, states: tuple[str, ...] | None = None, claimed_by: str | None = None,
        since: str | None = None, until: str | None = None,
    ) -> list[Escalation]:
        sql, params = "select * from escalations where 1=1", []
        if states:
            sql += f" and state in ({', '.join('?' for _ in states)})"
            params += list(states)
        if claimed_by:
            sql, params = sql + " and claimed_by = ?", params + [claimed_by]
        sql, params = where_between(sql, params, "created_at", since, until)
        with self.reading():
            return [self._escalation(r) for r in self.db.query(sql + " order by created_at, id", params)]

    def change_escalation(
        self, escalation_id: int, actor: str, action: QueueAction, decide: Callable[[Escalation], dict]
    ) -> Escalation:
        """Apply ``decide(current) -> changed columns`` atomically; ``decide`` may raise to refuse. The
        UPDATE is guarded by the state it was decided on: should another transaction change the
        escalation in between (possible on PostgreSQL's READ COMMITTED, never under SQLite's one writer),
        it is decided again on the new state, so two claims cannot both win."""
        with self.transaction() as db:
            for _ in range(3):
                current = self.escalation(escalation_id)
                if current is None:
                    raise LookupError(f"no escalation #{escalation_id}")
                changes = decide(current)
                if not changes or update_if_unchanged(db, current, changes):
                    break
            else:
                raise LookupError(f"escalation #{escalation_id} kept changing while it was being changed")
            self.audit(actor, action, escalation_id, current.question_id)
        return self.escalation(escalation_id)

    def set_advisor_message(self, escalation_id: int, channel: str, ts: str) -> None:
        with self.transaction() as db:
            db["escalations"].update(escalation_id, {"advisor_channel": channel, "advisor_ts": ts})

    def mark_reminded(self, escalation: Escalation) -> bool:
        """Record that ``escalation`` is reminded of its wait, only while it is still as it was read (the
        same state, claim, urgency and reminder): False when a Release, claim or urgent follow-up came
        first, and the wait it is reminded of is no longer the one read."""
        with self.transaction() as db:
            return db.execute(
                "update escalations set reminded_at = ? where id = ? and state = ? and claimed_at is ?"
                " and urgent = ? and reminded_at is ?",
                [self.now(), escalation.id, escalation.state.value, escalation.claimed_at, int(escalation.urgent),
                 escalation.reminded_at]).rowcount == 1

    def mark_drafted(self, drafted: dict[int, str]) -> None:
        """Each escalation id's proposal was written to the file given (kept in the audit log)."""
        with self.transaction() as db:
            now = self.now()
            for escalation_id, path in drafted.items():
                db["escalations"].update(escalation_id, {"drafted_at": now})
                db["audit"].insert({"at": now, "actor": "canishare", "action": QueueAction.DRAFT,
                                    "escalation_id": escalation_id, "question_id": None, "detail": path})

    def proposals_to_draft(self, again: bool = False, escalation_id: int | None = None) -> list[Escalation]:
        """Answers proposed as new entries not drafted yet; with ``again`` also those drafted before; with
        ``escalation_id`` only that one, drafted or not."""
        where, args = "propose_new = 1 and answer is not null and state in (?, ?)", [State.ANSWERED, State.CLOSED]
        if escalation_id is not None:
            where, args = where + " and id = ?", [*args, escalation_id]
        elif not again:
            where += " and drafted_at is null"
        with self.reading():
            rows = self.db.query(f"select * from escalations where {where} order by id", args)
            return [self._escalation(r) for r in rows]

    def drafts_written(self) -> list[tuple[int, str, str]]:
        """(escalation id, when, file) of every draft written, in that order."""
        with self.reading():
            return [tuple(r) for r in self.db.execute(
                "select escalation_id, at, detail from audit where action = ? order by escalation_id, at",
                [QueueAction.DRAFT]).fetchall()]

    def _escalation(self, row: dict) -> Escalation:
        return Escalation(
            id=row["id"], question_id=row["question_id"], state=State(row["state"]), urgent=bool(row["urgent"]),
            created_at=row["created_at"], claimed_by=row["claimed_by"], claimed_at=row["claimed_at"],
            answered_by=row["answered_by"], answered_at=row["answered_at"], answer=row["answer"],
            linked_faq_id=row["linked_faq_id"], propose_new=bool(row["propose_new"]),
            closed_by=row["closed_by"], closed_at=row["closed_at"], advisor_channel=row["advisor_channel"],
            advisor_ts=row["advisor_ts"], reminded_at=row["reminded_at"], reopened_at=row["reopened_at"],
            version=row["version"],
            reopened_by=self._reopened_by(row["id"]) if row["reopened_at"] else None,
            **self._released(row), question=self.question(row["question_id"]), follow_ups=self.follow_ups_of(row["id"]),
            earlier_answer_delivery=self._answer_delivery(row["id"]) if row["reopened_at"] and row["answer"] else None,
        )

    def _answer_delivery(self, escalation_id: int) -> tuple[str, str | None] | None:
        """The state and last error of the latest answer owed to the asker (None once settled and forgotten)."""
        latest = outbox.latest_of(self.db, f"answer:{escalation_id}")
        return (latest.state, latest.error) if latest else None

    def _reopened_by(self, escalation_id: int) -> str | None:
        """Who last reopened the escalation, from the audit log (None once its rows are gone)."""
        row = self.db.execute("select actor from audit where escalation_id = ? and action = ? order by id desc limit 1",
                              [escalation_id, QueueAction.REOPEN.value]).fetchone()
        return row[0] if row else None

    def _released(self, row: dict) -> dict:
        """Who released an open escalation's claim and when, when that is the last thing that happened to it."""
        if row["state"] != State.OPEN or row["claimed_by"]:
            return {}
        last = self.db.execute(
            "select action, actor, at from audit where escalation_id = ? and action in (?, ?, ?)"
            " order by id desc limit 1", [row["id"], QueueAction.CLAIM, QueueAction.RELEASE, QueueAction.REOPEN],
        ).fetchone()
        return {"released_by": last[1], "released_at": last[2]} if last and last[0] == QueueAction.RELEASE else {}

    # learned phrasings ---------------------------------------------------------------------

    def add_learned_phrasing(self, faq_id: str, text: str, question_id: int | None, added_by: str) -> bool:
        """Teach the matcher one phrasing of an entry; False when the entry already had it."""
        with self.transaction() as db:
            added = db.execute(
                "insert into learned_phrasings (faq_id, text, question_id, added_by, created_at)"
                " values (?, ?, ?, ?, ?) on conflict(faq_id, text) do nothing",
                [faq_id, text, question_id, added_by, self.now()]).rowcount == 1
            if added:
                bump_generation(db, LEARNED_GENERATION)
            return added

    def forget_learned_phrasing(self, question_id: int) -> int:
        """Withdraw what an answer to this question taught the matcher (its escalation was reopened); how
        many phrasings went."""
        with self.transaction() as db:
            withdrawn = db.execute("delete from learned_phrasings where question_id = ?", [question_id]).rowcount
            if withdrawn:
                bump_generation(db, LEARNED_GENERATION)
            return withdrawn

    def learned_phrasings(self) -> dict[str, list[str]]:
        learned: dict[str, list[str]] = {}
        with self.reading():
            for row in self.db.query("select faq_id, text from learned_phrasings order by id"):
                learned.setdefault(row["faq_id"], []).append(row["text"])
        return learned

    def learned_version(self) -> tuple[int, int, int]:
        """What the matcher watches: it changes with every phrasing added or withdrawn, in any process."""
        with self.reading():
            row = self.db.execute("select count(*), coalesce(max(id), 0) from learned_phrasings").fetchone()
            return (*row, generation(self.db, LEARNED_GENERATION))

    # decision records and people ----------------------------------------------------------

    def add_decision_record(self, row: dict) -> tuple[DecisionRecord, bool]:
        """Store a (redacted) decision record; a second one with the same ``view_id`` (the same modal
        submitted twice) is not stored: the first is returned, with False."""
        with self.transaction() as db:
            if row.get("view_id"):
                existing = list(db.query("select * from decision_records where view_id = ?", [row["view_id"]]))
                if existing:
                    return _decision_record(existing[0]), False
            record_id = db["decision_records"].insert(
                {**row, "redacted_kinds": json.dumps(list(row.get("redacted_kinds") or ())),
                 "created_at": self.now()}
            ).last_pk
            return self.decision_record(record_id), True

    def decision_record(self, record_id: int) -> DecisionRecord | None:
        with self.reading():
            rows = list(self.db.query("select * from decision_records where id = ?", [record_id]))
        return _decision_record(rows[0]) if rows else None

    def decision_records(self, user: str | None = None, since: str | None = None, until: str | None = None,
                         limit: int | None = None, newest_first: bool = False) -> list[DecisionRecord]:
        sql, params = "select * from decision_records where 1=1", []
        if user is not None:
            sql, params = sql + " and user = ?", params + [user]
        sql, params = where_between(sql, params, "created_at", since, until)
        sql += " order by created_at desc, id desc" if newest_first else " order by created_at, id"
        if limit is not None:
            sql, params = sql + " limit ?", params + [limit]
        with self.reading():
            return [_decision_record(r) for r in self.db.query(sql, params)]

    def set_nation(self, user: str, nation: str | None) -> int:
        """Remember a person's nation; None: they chose to see every nation's notes. A change owes, in the
        same commit, an update of the cards of their escalations still in the queue (a card shows the
        asker's nation); how many were owed."""
        with self.transaction() as db:
            before = db.execute("select nation from people where user = ?", [user]).fetchone()
            db["people"].upsert({"user": user, "nation": nation or "", "updated_at": self.now()}, pk="user")
            if before is not None and (before[0] or None) == nation:
                return 0
            return sum(outbox.owe_card_update(db, self.now(), escalation_id)
                       for escalation_id in people.still_queued(db, user))

    def chosen_nation(self, user: str) -> tuple[bool, str | None]:
        """(whether the person has chosen, their nation: None for "every nation")."""
        with self.reading():
            row = self.db.execute("select nation from people where user = ?", [user]).fetchone()
        return (False, None) if row is None else (True, row[0] or None)

    # audit, events, digests ----------------------------------------------------------------

    def audit(self, actor: str, action: QueueAction, escalation_id: int | None = None,
              question_id: int | None = None, detail: str | None = None) -> None:
        with self.transaction() as db:
            db["audit"].insert({
                "at": self.now(), "actor": actor, "action": action, "escalation_id": escalation_id,
                "question_id": question_id, "detail": detail,
            })

    def digest_posted(self, week: str) -> dict | None:
        with self.reading():
            rows = list(self.db.query("select * from digests where week = ?", [week]))
        return rows[0] if rows else None

    def record_digest(self, week: str, channel: str, ts: str) -> None:
        with self.transaction() as db:
            db["digests"].upsert({"week": week, "posted_at": self.now(), "channel": channel, "ts": ts}, pk="week")


def _decision_record(row: dict) -> DecisionRecord:
    return DecisionRecord(
        id=row["id"], user=row["user"], decision=SharingDecision(row["decision"]),
        shared_with=row["shared_with"] or "", what_shared=row["what_shared"] or "",
        lawful_basis=row["lawful_basis"] or "", reasons=row["reasons"] or "",
        person_told=Told(row["person_told"]) if row["person_told"] else None,
        not_told_why=row["not_told_why"] or "", created_at=row["created_at"], faq_id=row["faq_id"],
        faq_question=row["faq_question"], faq_last_reviewed=row["faq_last_reviewed"],
        escalation_id=row["escalation_id"], question_id=row["question_id"], nation=row["nation"],
        redacted_kinds=tuple(json.loads(row["redacted_kinds"] or "[]")), view_id=row["view_id"],
    )

