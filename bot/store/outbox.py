"""The outbox's queries (the rules are in ``bot.outbox``). Each function runs inside the caller's
transaction, so a message is owed in the same commit as the change of state that causes it."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Callable, NamedTuple

from bot.mrkdwn import mention
from bot.outbox import GIVE_UP_AFTER, Kind, Owed, State, lease_for, retry_delay
from bot.times import parse_stored_time, stored


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


def owe_follow_up_post_within(db, now: str, follow_up_id: int, escalation_id: int, question_id: int | None,
                              payload: dict, since: str, limit: int) -> bool:
    """Owe a follow-up's own post in its card's thread unless ``limit`` were owed for the escalation from ``since``
    on: one statement, so two processes adding follow-ups at once cannot both take the last place. True if owed."""
    cursor = db.execute(
        "insert or ignore into outbox (kind, key, question_id, escalation_id, payload, state, attempts, due_at,"
        " created_at) select ?, ?, ?, ?, ?, ?, 0, ?, ? where (select count(*) from outbox where kind = ?"
        " and escalation_id = ? and created_at >= ?) < ?",
        [Kind.FOLLOW_UP.value, f"follow_up:{follow_up_id}", question_id, escalation_id,
         json.dumps(payload, sort_keys=True), State.PENDING.value, now, now, Kind.FOLLOW_UP.value, escalation_id,
         since, limit])
    return cursor.rowcount == 1


def hold_follow_up(db, now: str, follow_up_id: int, escalation_id: int, question_id: int | None, due_at: str,
                   most: int, spacing: dt.timedelta) -> str:
    """Add a follow-up to its escalation's waiting post of held follow-ups (pending, not leased: one being sent
    is not changed), or owe a new one when none waits or it holds ``most``: due at ``due_at``, or ``spacing``
    after the last one still owed, so that a flood drains one post at a time. When it is due."""
    for row_id, payload, due in db.execute(
            "select id, payload, due_at from outbox where kind = ? and escalation_id = ? and state = ?"
            " and (leased_until is null or leased_until < ?) order by id", [Kind.FOLLOW_UPS_HELD.value, escalation_id,
                                                                            State.PENDING.value, now]).fetchall():
        held = json.loads(payload or "{}")
        if len(held.get("follow_ups", [])) < most:
            held["follow_ups"] = [*held.get("follow_ups", []), follow_up_id]
            db.execute("update outbox set payload = ? where id = ?", [json.dumps(held, sort_keys=True), row_id])
            return due
    last = db.execute("select max(due_at) from outbox where kind = ? and escalation_id = ? and state = ?",
                      [Kind.FOLLOW_UPS_HELD.value, escalation_id, State.PENDING.value]).fetchone()[0]
    if last and (after_last := parse_stored_time(last)) is not None:
        due_at = max(due_at, stored(after_last + spacing))
    db.execute(
        "insert into outbox (kind, key, question_id, escalation_id, payload, state, attempts, due_at, created_at)"
        " values (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        [Kind.FOLLOW_UPS_HELD.value, f"follow_ups_held:{escalation_id}:{uuid.uuid4().hex}", question_id,
         escalation_id, json.dumps({"follow_ups": [follow_up_id]}), State.PENDING.value, due_at, now])
    return due_at


def owe_card_update(db, now: str, escalation_id: int) -> bool:
    """Owe an update of an escalation's card unless one is already waiting (it renders the state at
    the moment it is sent, so one waiting update covers every change before it; one already being
    sent may show an older state, so it does not count)."""
    waiting = db.execute(
        "select 1 from outbox where kind = ? and escalation_id = ? and state = ?"
        " and (leased_until is null or leased_until < ?) limit 1",
        [Kind.CARD_UPDATE.value, escalation_id, State.PENDING.value, now],
    ).fetchone()
    if waiting:
        return False
    # a random key, not max(id) + 1: two transactions at once (PostgreSQL) must not compute the same one
    return owe(db, now, Kind.CARD_UPDATE, f"card_update:{escalation_id}:{now}:{uuid.uuid4().hex}",
               escalation_id=escalation_id)


def owe_card_removals(db, now: str, question_ids: list[int]) -> int:
    """Owe the emptying of the advisor-channel posts of these questions' escalations, inside the
    caller's transaction and before the escalations are deleted: the post names where and when, so the
    item carries them itself. How many were owed."""
    marks = ", ".join("?" for _ in question_ids)
    posted = db.execute(f"select advisor_channel, advisor_ts from escalations where question_id in ({marks})"
                        " and advisor_ts is not null and advisor_channel is not null", question_ids).fetchall()
    return sum(owe(db, now, Kind.CARD_REMOVAL, f"card_removal:{channel}:{ts}", payload={"channel": channel, "ts": ts})
               for channel, ts in posted)


def owe_follow_up_removals(db, now: str, question_ids: list[int]) -> int:
    """Owe the emptying of these questions' follow-up posts in the advisor channel (an urgent one's copy in
    the channel is the same message), as for their cards: inside the caller's transaction, before the
    follow-ups are deleted. How many were owed."""
    marks = ", ".join("?" for _ in question_ids)
    posted = db.execute(f"select advisor_channel, advisor_ts from follow_ups where question_id in ({marks})"
                        " and advisor_ts is not null and advisor_channel is not null", question_ids).fetchall()
    return sum(owe(db, now, Kind.CARD_REMOVAL, f"card_removal:{channel}:{ts}",
                   payload={"channel": channel, "ts": ts, "follow_up": True})
               for channel, ts in posted)


def owe_card_updates_naming(db, now: str, user: str) -> int:
    """Owe an update of each posted card whose escalation ``user`` worked on as an advisor (claimed, answered,
    closed, released or reopened it), inside the caller's transaction: erasure replaces their id in the same
    commit, so the update shows a former advisor instead of their name. How many cards (one already waiting for
    an update needs no other: it renders the state when it is sent)."""
    posted = db.execute(
        "select id from escalations where advisor_ts is not null and (claimed_by = ? or answered_by = ?"
        " or closed_by = ? or id in (select escalation_id from audit where actor = ?)) order by id", [user] * 4)
    cards = [escalation_id for (escalation_id,) in posted.fetchall()]
    for escalation_id in cards:
        owe_card_update(db, now, escalation_id)
    return len(cards)


# Notices addressed to one advisor but posted in the card's thread for them all (an answer that did not, or
# may not, reach its asker): the other advisors still need them when that advisor is erased.
_FOR_ALL_ADVISORS = ("undelivered", "uncertain")


def erase_from_owed(db, user: str, pseudonym: str) -> int:
    """Messages still owed that name ``user``, inside the caller's transaction: those owed to them are deleted;
    in those owed to someone else (an advisor's answer on its way to the asker, a notice naming them) their id
    becomes ``pseudonym`` and a mention of them "someone", so the message still goes, without them. How many
    were deleted."""
    deleted = 0
    named = db.execute("select id, payload from outbox where state = ? and instr(payload, ?) > 0",
                       [State.PENDING.value, user]).fetchall()
    for item_id, payload in named:
        owed = json.loads(payload or "{}")
        if owed.get("to") == user and owed.get("about") not in _FOR_ALL_ADVISORS:
            deleted += db.execute("delete from outbox where id = ?", [item_id]).rowcount
        else:
            db.execute("update outbox set payload = ? where id = ?",
                       [json.dumps(_renamed(owed, user, pseudonym), sort_keys=True), item_id])
    return deleted


def _renamed(value, user: str, pseudonym: str):
    if isinstance(value, dict):
        return {key: _renamed(item, user, pseudonym) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, user, pseudonym) for item in value]
    if value == user:
        return pseudonym
    if isinstance(value, str):  # a text of ours already written with their mention
        return re.sub("<@" + re.escape(user) + r"(\|[^>]*)?>", mention(pseudonym), value)
    return value


# An escalation's card, its updates and its reminders go one at a time, in order (the card first).
CARD_KINDS = (Kind.ADVISOR_CARD.value, Kind.CARD_UPDATE.value, Kind.REMINDER.value)
# Nor is an advisor's answer leased while another answer to the same escalation is being sent: a
# correction never overtakes the answer it corrects (that one gives itself up when it sees it; ``superseded``).
_ANSWER_BEING_SENT = ("select escalation_id from outbox where state = ? and leased_until >= ? and kind = ?"
                      " and escalation_id is not null")


# Bulk messages (a person's data, the digest) are leased after everything else due: an urgent card, a page, an
# answer or a reply never waits behind minutes of them (s9 review M4). Part of the one lease query, so two
# processes leasing from one store keep the order.
BULK_KINDS = (Kind.MY_DATA.value, Kind.DIGEST.value, Kind.DIGEST_DETAILS.value)


def lease_due(db, now: str, owner: str, limit: int = 20) -> list[Owed]:
    """Lease up to ``limit`` items that are due and not leased by a live deliverer, oldest first (bulk kinds
    after the others), and
    at most one card, card update or reminder per escalation while another is being sent (so a card
    is posted before its update, and updates land in order). Run inside a write transaction (SQLite's BEGIN IMMEDIATE;
    on PostgreSQL, SELECT … FOR UPDATE SKIP LOCKED does the same), so two deliverers never lease the
    same item."""
    ordered = ", ".join("?" for _ in CARD_KINDS)
    candidates = db.query(
        "select * from outbox where state = ? and due_at <= ? and (leased_until is null or leased_until < ?)"
        " and sending_since is null"
        f" and (kind not in ({ordered}) or escalation_id not in (select escalation_id from outbox"
        f"  where state = ? and leased_until >= ? and kind in ({ordered}) and escalation_id is not null))"
        f" and (kind != ? or escalation_id not in ({_ANSWER_BEING_SENT}))"
        f" order by case when kind in ({', '.join('?' for _ in BULK_KINDS)}) then 1 else 0 end, id limit ?",
        [State.PENDING.value, now, now, *CARD_KINDS, State.PENDING.value, now, *CARD_KINDS,
         Kind.ADVISOR_ANSWER.value, State.PENDING.value, now, Kind.ADVISOR_ANSWER.value, *BULK_KINDS, limit * 4])
    rows, escalations = [], set()
    for row in candidates:
        if row["kind"] in CARD_KINDS:
            if row["escalation_id"] in escalations:
                continue
            escalations.add(row["escalation_id"])
        rows.append(row)
        if len(rows) == limit:
            break
    return [item for item in (_take(db, now, owner, row) for row in rows) if item is not None]


# Leasing is a guarded UPDATE: it takes an item only if nobody holds it now, so two deliverers can
# never both take it, even where the SELECT before it is not serialised (PostgreSQL's READ COMMITTED).
_FREE = "state = ? and (leased_until is null or leased_until < ?) and sending_since is null"
# An outcome is recorded only by the deliverer that still holds the item (fencing): one whose lease
# ran out and was taken by another records nothing.
_HELD = "id = ? and state = ? and leased_by = ?"


def _take(db, now: str, owner: str, row: dict) -> Owed | None:
    until = stored(parse_stored_time(now) + lease_for(Kind(row["kind"])))
    taken = db.execute(f"update outbox set leased_by = ?, leased_until = ? where id = ? and {_FREE}",
                       [owner, until, row["id"], State.PENDING.value, now]).rowcount
    return _owed(row, owner) if taken == 1 else None


def renew(db, now: str, item: Owed) -> bool:
    """Extend ``item``'s lease to a full one from ``now`` if its owner still holds it (its lease has not
    run out), marking it as being sent; False when it has, and the item must not be sent."""
    until = stored(parse_stored_time(now) + lease_for(item.kind))
    return db.execute(f"update outbox set leased_until = ?, sending_since = ? where {_HELD} and leased_until >= ?",
                      [until, now, item.id, State.PENDING.value, item.owner, now]).rowcount == 1


def delivered(db, now: str, item: Owed) -> bool:
    """Sent: where it went (a response_url, a user id) is no longer needed. False (nothing recorded)
    when ``item``'s owner no longer holds it."""
    return db.execute("update outbox set state = ?, delivered_at = ?, payload = '{}', leased_by = null,"
                      f" leased_until = null, sending_since = null, last_error = null where {_HELD}",
                      [State.DELIVERED.value, now, item.id, State.PENDING.value, item.owner]).rowcount == 1


def states_owed_since(db, kind: Kind, key_prefix: str, since: str) -> list[str]:
    """The states of the items of ``kind`` whose key starts with ``key_prefix``, owed at ``since`` or later."""
    return [row["state"] for row in db.query(
        "select state from outbox where kind = ? and substr(key, 1, ?) = ? and created_at >= ?",
        [kind.value, len(key_prefix), key_prefix, since])]


def forget_settled(db, before: str) -> int:
    """Delete delivered and given-up items settled before ``before``; how many went."""
    return db.execute("delete from outbox where state != ? and coalesce(delivered_at, due_at) < ?",
                      [State.PENDING.value, before]).rowcount


def failed(db, now: str, item: Owed, error: str, wait: dt.timedelta | None = None,
           give_up: bool = False) -> bool | None:
    """Schedule another try (after ``wait``, or the back-off for this attempt); give up once the item
    is older than ``GIVE_UP_AFTER``, or at once with ``give_up``. True when it will be tried again,
    False when given up; None (nothing recorded) when ``item``'s owner no longer holds it."""
    attempts = item.attempts + 1
    held = [item.id, State.PENDING.value, item.owner]
    if give_up or parse_stored_time(now) - parse_stored_time(item.created_at) >= GIVE_UP_AFTER:
        changed = db.execute("update outbox set state = ?, attempts = ?, last_error = ?, payload = '{}',"
                             f" leased_by = null, leased_until = null, sending_since = null, due_at = ? where {_HELD}",
                             [State.GAVE_UP.value, attempts, error[:500], now, *held]).rowcount
        return False if changed else None
    due = stored(parse_stored_time(now) + (wait if wait is not None else retry_delay(attempts)))
    changed = db.execute("update outbox set attempts = ?, due_at = ?, last_error = ?, leased_by = null,"
                         f" leased_until = null, sending_since = null where {_HELD}",
                         [attempts, due, error[:500], *held]).rowcount
    return True if changed else None


def give_up_if_superseded(db, now: str, item: Owed, reason: str) -> bool:
    """Give up ``item``, an advisor's answer its owner holds, when a later answer to the same escalation
    was owed after it (sent already or not: that one replaces it); True when it was given up."""
    if item.kind != Kind.ADVISOR_ANSWER or item.escalation_id is None:
        return False
    later = db.execute("select 1 from outbox where kind = ? and escalation_id = ? and id > ? limit 1",
                       [Kind.ADVISOR_ANSWER.value, item.escalation_id, item.id]).fetchone()
    return later is not None and failed(db, now, item, reason, give_up=True) is False


def lease_key(db, now: str, owner: str, key: str) -> Owed | None:
    """Lease the one pending item named ``key`` if nobody holds it (or its holder's lease ran out)."""
    row = db.execute("select id from outbox where key = ? and state = ? and (leased_until is null or leased_until < ?)"
                     " and sending_since is null",
                     [key, State.PENDING.value, now]).fetchone()
    return _lease(db, now, owner, row)


def lease_under(db, now: str, owner: str, prefix: str) -> Owed | None:
    """Lease the oldest pending item whose key starts with ``prefix``, if nobody holds it."""
    row = db.execute("select id from outbox where substr(key, 1, ?) = ? and state = ?"
                     " and (leased_until is null or leased_until < ?) and sending_since is null order by id limit 1",
                     [len(prefix), prefix, State.PENDING.value, now]).fetchone()
    return _lease(db, now, owner, row)


def _lease(db, now: str, owner: str, row) -> Owed | None:
    if row is None:
        return None
    return _take(db, now, owner, next(iter(db.query("select * from outbox where id = ?", [row[0]]))))


def state_of(db, key: str) -> str | None:
    row = db.execute("select state from outbox where key = ?", [key]).fetchone()
    return row[0] if row else None


class Latest(NamedTuple):
    """The latest item owed under a key: its id, its state and its last error."""

    id: int
    state: str
    error: str | None


def latest_of(db, key: str) -> Latest | None:
    """The latest item owed under ``key`` or ``key:…`` (a retry), or None."""
    prefix = key + ":"
    row = db.execute("select id, state, last_error from outbox where key = ? or substr(key, 1, ?) = ?"
                     " order by id desc limit 1", [key, len(prefix), prefix]).fetchone()
    return Latest(*row) if row else None


def give_up_under(db, now: str, key: str, reason: str, unleased_only: bool = False) -> int:
    """Give up every pending item owed under ``key`` or ``key:…`` (superseded); how many. With
    ``unleased_only``, an item a live deliverer holds is left to it: it may be on its way already."""
    prefix = key + ":"
    free = " and (leased_until is null or leased_until < ?)" if unleased_only else ""
    return db.execute("update outbox set state = ?, last_error = ?, payload = '{}', leased_by = null,"
                      f" leased_until = null where (key = ? or substr(key, 1, ?) = ?) and state = ?{free}",
                      [State.GAVE_UP.value, reason, key, len(prefix), prefix, State.PENDING.value,
                       *([now] if unleased_only else [])]).rowcount


def holder_of(db, key: str) -> tuple[str, str] | None:
    """Who holds the lease of the pending item under ``key`` (or ``key:…``), and until when; or None."""
    prefix = key + ":"
    row = db.execute("select leased_by, leased_until from outbox where (key = ? or substr(key, 1, ?) = ?)"
                     " and state = ? and leased_by is not null order by id desc limit 1",
                     [key, len(prefix), prefix, State.PENDING.value]).fetchone()
    return (row[0], row[1]) if row else None


def lease_holders(db) -> list[str]:
    return [row[0] for row in db.execute(
        "select distinct leased_by from outbox where state = ? and leased_by is not null", [State.PENDING.value])]


def release_leases(db, owner: str) -> int:
    """Free what ``owner`` (dead) held and had not begun to send."""
    return db.execute("update outbox set leased_by = null, leased_until = null where leased_by = ? and state = ?"
                      " and sending_since is null", [owner, State.PENDING.value]).rowcount


def abandoned(db, now: str, is_gone: Callable[[str], bool]) -> list[Owed]:
    """Items whose holder began to send them and then died (``is_gone``) or let its lease run out: Slack
    may have them. Each comes leased to its old holder, so that its outcome can be recorded (fencing)."""
    rows = db.query("select * from outbox where state = ? and sending_since is not null and leased_by is not null",
                    [State.PENDING.value])
    return [_owed(row, row["leased_by"]) for row in rows if row["leased_until"] < now or is_gone(row["leased_by"])]


def send_again(db, item: Owed, note: dict) -> bool:
    """Free an abandoned ``item`` to be sent again, with ``note`` added to its payload (what its message
    should say about the earlier try)."""
    payload = json.dumps({**item.payload, **note}, sort_keys=True)
    return db.execute("update outbox set payload = ?, leased_by = null, leased_until = null, sending_since = null"
                      f" where {_HELD}", [payload, item.id, State.PENDING.value, item.owner]).rowcount == 1


def postpone(db, now: str, item: Owed, wait: dt.timedelta, held_for: str | None = None) -> bool:
    """Not sendable yet (e.g. an update of a card not yet posted): try again later, no attempt used.
    ``held_for``: why, kept as its last error, when something else ends the wait early (``release_held``).
    False (nothing changed) when ``item``'s owner no longer holds it."""
    return db.execute(f"update outbox set due_at = ?, leased_by = null, leased_until = null, sending_since = null,"
                      f" last_error = coalesce(?, last_error) where {_HELD}",
                      [stored(parse_stored_time(now) + wait), held_for, item.id, State.PENDING.value,
                       item.owner]).rowcount == 1


def any_held(db, held_for: str) -> bool:
    return db.execute("select 1 from outbox where state = ? and last_error = ? limit 1",
                      [State.PENDING.value, held_for]).fetchone() is not None


def release_held(db, now: str, held_for: str) -> int:
    """Everything postponed for ``held_for`` is due now, and leased in the order it was owed (by id), not in
    the order its waits happened to end. One UPDATE of unleased items: two processes may both run it."""
    return db.execute("update outbox set due_at = ?, last_error = null where state = ? and last_error = ?"
                      " and leased_by is null",
                      [now, State.PENDING.value, held_for]).rowcount


def pending_for_escalation(db, escalation_id: int, kind: Kind) -> bool:
    return db.execute("select 1 from outbox where escalation_id = ? and kind = ? and state = ? limit 1",
                      [escalation_id, kind.value, State.PENDING.value]).fetchone() is not None


def counts(db) -> dict[str, int]:
    return {row[0]: row[1] for row in db.execute("select state, count(*) from outbox group by state").fetchall()}


def next_due(db) -> str | None:
    """When the next pending item can be leased: its due time, or its current lease's end."""
    row = db.execute("select min(max(due_at, coalesce(leased_until, due_at))) from outbox where state = ?"
                     " and sending_since is null", [State.PENDING.value]).fetchone()
    return row[0] if row else None


def _owed(row: dict, owner: str | None = None) -> Owed:
    return Owed(id=row["id"], kind=Kind(row["kind"]), key=row["key"], question_id=row["question_id"],
                escalation_id=row["escalation_id"], payload=json.loads(row["payload"] or "{}"),
                attempts=row["attempts"], created_at=row["created_at"], owner=owner)

