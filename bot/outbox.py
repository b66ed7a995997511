"""Messages the bot owes people, kept until Slack has them (a durable outbox).

Every message that follows from a change of state (the reply to a question, an escalation's card in
the advisor channel and its updates, the notices to an asker, an advisor's answer relayed to the
asker, reminders, the digest) is written here in the same transaction as that change. A deliverer
sends what is due, records the outcome, and retries failures with growing delays, so a crash or a
Slack outage delays a message but never loses it.

Several processes may deliver from one store: a deliverer first *leases* the items it will send
(``lease_due``); an item whose lease has run out (its deliverer died mid-send) is leased again. That
is the one window where a message can be sent twice: Slack accepted it, the process died before
``delivered`` was recorded. Leases are short and recording follows the send at once.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Callable



def parse_time(value: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def format_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


class Kind(StrEnum):
    REPLY = "reply"                    # the answer to a question, where it was asked
    NOTICE = "notice"                  # a short notice to one person (e.g. "sent to the advisors")
    ADVISOR_CARD = "advisor_card"      # an escalation's post in the advisor channel
    CARD_UPDATE = "card_update"        # bring that post up to date (rendered from the current state)
    ADVISOR_ANSWER = "advisor_answer"  # an advisor's answer, relayed to the asker
    REMINDER = "reminder"              # an unclaimed escalation, in its card's thread
    DIGEST = "digest"                  # the weekly digest


class State(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    GAVE_UP = "gave_up"


LEASE = dt.timedelta(seconds=60)  # longer than any one send with its client-side retries
GIVE_UP_AFTER = dt.timedelta(hours=24)  # a day late is too late; the failure is logged and shown
FIRST_RETRY_SECONDS = 5
LONGEST_WAIT_SECONDS = 15 * 60


@dataclass(frozen=True)
class Owed:
    id: int
    kind: Kind
    key: str
    question_id: int | None
    escalation_id: int | None
    payload: dict[str, Any]
    attempts: int
    created_at: str


def retry_delay(attempts: int) -> dt.timedelta:
    """5 s, 15 s, 45 s, 2¼ min, … at most 15 minutes apart."""
    return dt.timedelta(seconds=min(FIRST_RETRY_SECONDS * 3 ** max(attempts - 1, 0), LONGEST_WAIT_SECONDS))


def create_table(db) -> None:
    db["outbox"].create({
        "id": int, "kind": str, "key": str, "question_id": int, "escalation_id": int, "payload": str,
        "state": str, "attempts": int, "due_at": str, "leased_by": str, "leased_until": str,
        "last_error": str, "created_at": str, "delivered_at": str,
    }, pk="id", not_null={"kind", "key", "state", "attempts", "due_at", "created_at"},
        defaults={"state": State.PENDING.value, "attempts": 0, "payload": "{}"})
    db["outbox"].create_index(["key"], unique=True)
    db["outbox"].create_index(["state", "due_at"])
    db["outbox"].create_index(["escalation_id"])


def owe(db, now: str, kind: Kind, key: str, *, question_id: int | None = None,
        escalation_id: int | None = None, payload: dict | None = None) -> bool:
    """Record a message owed, inside the caller's transaction. ``key`` names the message: owing the
    same key twice records it once (so a retried request never owes two replies). True when new."""
    cursor = db.execute(
        "insert or ignore into outbox (kind, key, question_id, escalation_id, payload, state, attempts, due_at,"
        " created_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        [kind.value, key, question_id, escalation_id, json.dumps(payload or {}, sort_keys=True),
         State.PENDING.value, now, now],
    )
    return cursor.rowcount == 1


def owe_card_update(db, now: str, escalation_id: int) -> bool:
    """Owe an update of an escalation's card unless one is already waiting (it renders the state at
    the moment it is sent, so one waiting update covers every change before it)."""
    waiting = db.execute(
        "select 1 from outbox where kind = ? and escalation_id = ? and state = ? limit 1",
        [Kind.CARD_UPDATE.value, escalation_id, State.PENDING.value],
    ).fetchone()
    if waiting:
        return False
    return owe(db, now, Kind.CARD_UPDATE, f"card_update:{escalation_id}:{now}:{_sequence(db)}",
               escalation_id=escalation_id)


def _sequence(db) -> int:
    return db.execute("select coalesce(max(id), 0) + 1 from outbox").fetchone()[0]


def lease_due(db, now: str, owner: str, limit: int = 20) -> list[Owed]:
    """Lease up to ``limit`` items that are due and not leased by a live deliverer, oldest first.
    Run inside a write transaction (SQLite's BEGIN IMMEDIATE; on PostgreSQL, SELECT … FOR UPDATE
    SKIP LOCKED does the same), so two deliverers never lease the same item."""
    until = format_time(parse_time(now) + LEASE)
    rows = list(db.query(
        "select * from outbox where state = ? and due_at <= ? and (leased_until is null or leased_until < ?)"
        " order by id limit ?", [State.PENDING.value, now, now, limit]))
    for row in rows:
        db.execute("update outbox set leased_by = ?, leased_until = ? where id = ?", [owner, until, row["id"]])
    return [_owed(row) for row in rows]


def delivered(db, now: str, item_id: int) -> None:
    db.execute("update outbox set state = ?, delivered_at = ?, leased_by = null, leased_until = null,"
               " last_error = null where id = ?", [State.DELIVERED.value, now, item_id])


def failed(db, now: str, item: Owed, error: str, wait: dt.timedelta | None = None) -> bool:
    """Schedule another try (after ``wait``, or the back-off for this attempt); give up once the item
    is older than ``GIVE_UP_AFTER``. True when it will be tried again."""
    attempts = item.attempts + 1
    if parse_time(now) - parse_time(item.created_at) >= GIVE_UP_AFTER:
        db.execute("update outbox set state = ?, attempts = ?, last_error = ?, leased_by = null,"
                   " leased_until = null where id = ?", [State.GAVE_UP.value, attempts, error[:500], item.id])
        return False
    due = format_time(parse_time(now) + (wait if wait is not None else retry_delay(attempts)))
    db.execute("update outbox set attempts = ?, due_at = ?, last_error = ?, leased_by = null, leased_until = null"
               " where id = ?", [attempts, due, error[:500], item.id])
    return True


def postpone(db, now: str, item: Owed, wait: dt.timedelta) -> None:
    """Not sendable yet (e.g. an update of a card not yet posted): try again later, no attempt used."""
    db.execute("update outbox set due_at = ?, leased_by = null, leased_until = null where id = ?",
               [format_time(parse_time(now) + wait), item.id])


def pending_for_escalation(db, escalation_id: int, kind: Kind) -> bool:
    return db.execute("select 1 from outbox where escalation_id = ? and kind = ? and state = ? limit 1",
                      [escalation_id, kind.value, State.PENDING.value]).fetchone() is not None


def counts(db) -> dict[str, int]:
    return {row[0]: row[1] for row in db.execute("select state, count(*) from outbox group by state").fetchall()}


def next_due(db) -> str | None:
    row = db.execute("select min(due_at) from outbox where state = ?", [State.PENDING.value]).fetchone()
    return row[0] if row else None


def _owed(row: dict) -> Owed:
    return Owed(id=row["id"], kind=Kind(row["kind"]), key=row["key"], question_id=row["question_id"],
                escalation_id=row["escalation_id"], payload=json.loads(row["payload"] or "{}"),
                attempts=row["attempts"], created_at=row["created_at"])


Sender = Callable[[Owed], None]
