"""The outbox's rules: owed once per key, leased by one deliverer at a time, retried with growing
delays, given up after a day, and a dead deliverer's lease taken over."""

import datetime as dt
import sqlite3

import pytest
import sqlite_utils

from bot.outbox import LEASE, Kind, State, retry_delay
from bot.store import outbox
from bot.store.migrations import _migration_15
from bot.times import stored

T0 = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.timezone.utc)


def at(seconds: float) -> str:
    return stored(T0 + dt.timedelta(seconds=seconds))


@pytest.fixture
def db():
    database = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
    outbox.create_table(database)
    _migration_15(database)  # the outbox's later column
    return database


def test_owing_the_same_key_twice_records_one_message(db):
    assert outbox.owe(db, at(0), Kind.REPLY, "reply:1", question_id=1, payload={"a": 1})
    assert not outbox.owe(db, at(1), Kind.REPLY, "reply:1", question_id=1, payload={"a": 2})
    (item,) = outbox.lease_due(db, at(2), "worker-1")
    assert item.kind is Kind.REPLY and item.payload == {"a": 1} and item.question_id == 1


def test_a_leased_item_is_not_leased_again_until_its_lease_runs_out(db):
    outbox.owe(db, at(0), Kind.REPLY, "reply:1")
    assert len(outbox.lease_due(db, at(0), "worker-1")) == 1
    assert outbox.lease_due(db, at(30), "worker-2") == []
    (taken_over,) = outbox.lease_due(db, at(LEASE.total_seconds() + 1), "worker-2")  # worker-1 died mid-send
    assert taken_over.key == "reply:1"


def test_items_not_yet_due_wait_and_come_out_oldest_first(db):
    for n in range(3):
        outbox.owe(db, at(n), Kind.NOTICE, f"notice:{n}")
    assert [i.key for i in outbox.lease_due(db, at(1), "w")] == ["notice:0", "notice:1"]
    assert [i.key for i in outbox.lease_due(db, at(5), "w2", limit=5)] == ["notice:2"]


def test_bulk_kinds_are_leased_after_urgent_cards_answers_and_replies(db):
    """Eight "Send me my data" items owed first no longer hold up an urgent card owed after them (s9 M4)."""
    for n in range(8):
        outbox.owe(db, at(0), Kind.MY_DATA, f"my_data:{n}")
    outbox.owe(db, at(0), Kind.DIGEST_DETAILS, "digest_details:1")
    outbox.owe(db, at(1), Kind.ADVISOR_CARD, "card:1", escalation_id=1)
    outbox.owe(db, at(1), Kind.ADVISOR_ANSWER, "answer:2", escalation_id=2)
    outbox.owe(db, at(1), Kind.REPLY, "reply:3")
    assert [i.key for i in outbox.lease_due(db, at(2), "w", limit=4)] == ["card:1", "answer:2", "reply:3", "my_data:0"]
    assert [i.key for i in outbox.lease_due(db, at(2), "w2", limit=20)][-1] == "digest_details:1"


def test_delivered_items_leave_the_queue(db):
    outbox.owe(db, at(0), Kind.REPLY, "reply:1")
    (item,) = outbox.lease_due(db, at(0), "w")
    outbox.delivered(db, at(1), item)
    assert outbox.lease_due(db, at(3600), "w") == [] and outbox.counts(db) == {State.DELIVERED: 1}


def test_failures_are_retried_with_growing_delays(db):
    outbox.owe(db, at(0), Kind.REPLY, "reply:1")
    now, waits = 0.0, []
    for _ in range(6):
        (item,) = outbox.lease_due(db, at(now), "w")
        assert outbox.failed(db, at(now), item, "boom")
        due = dt.datetime.fromisoformat(outbox.next_due(db))
        waits.append((due - (T0 + dt.timedelta(seconds=now))).total_seconds())
        assert outbox.lease_due(db, at(now + waits[-1] - 1), "w") == []
        now += waits[-1]
    assert waits == [5, 15, 45, 135, 405, 900]


def test_a_message_a_day_late_is_given_up(db):
    outbox.owe(db, at(0), Kind.ADVISOR_ANSWER, "answer:1")
    (item,) = outbox.lease_due(db, at(86_400), "w")
    assert not outbox.failed(db, at(86_400), item, "channel_not_found")
    assert outbox.counts(db) == {State.GAVE_UP: 1} and outbox.lease_due(db, at(90_000), "w") == []


def test_postponing_uses_no_attempt(db):
    outbox.owe(db, at(0), Kind.CARD_UPDATE, "card_update:1", escalation_id=1)
    (item,) = outbox.lease_due(db, at(0), "w")
    outbox.postpone(db, at(0), item, dt.timedelta(seconds=10))
    assert outbox.lease_due(db, at(9), "w") == []
    (again,) = outbox.lease_due(db, at(10), "w")
    assert again.attempts == 0


def test_one_waiting_card_update_covers_every_change_before_it(db):
    assert outbox.owe_card_update(db, at(0), 7)
    assert not outbox.owe_card_update(db, at(1), 7)
    assert outbox.owe_card_update(db, at(1), 8)
    (first, _) = outbox.lease_due(db, at(2), "w")
    outbox.delivered(db, at(3), first)
    assert outbox.owe_card_update(db, at(4), 7)  # a change after the update was sent needs another


def test_retry_delay_is_capped():
    assert retry_delay(1) == dt.timedelta(seconds=5)
    assert retry_delay(50) == dt.timedelta(minutes=15)


def test_one_item_per_escalation_is_in_flight_at_a_time(db):
    outbox.owe(db, at(0), Kind.ADVISOR_CARD, "card:1", escalation_id=1)
    outbox.owe_card_update(db, at(0), 1)
    outbox.owe(db, at(0), Kind.REPLY, "reply:9", question_id=9)
    first = outbox.lease_due(db, at(1), "w1")
    assert [i.key for i in first] == ["card:1", "reply:9"]  # the card's update waits for the card
    assert outbox.lease_due(db, at(1), "w2") == []
    outbox.delivered(db, at(2), first[0])
    (update,) = outbox.lease_due(db, at(2), "w2")
    assert update.kind is Kind.CARD_UPDATE


def test_an_update_in_flight_does_not_cover_a_later_change(db):
    outbox.owe_card_update(db, at(0), 1)
    outbox.lease_due(db, at(0), "w")  # being sent, showing the state of time 0
    assert outbox.owe_card_update(db, at(1), 1)  # a change at time 1 needs its own update


def test_a_weeks_digest_is_owed_once_however_many_runs_are_refused(tmp_path):
    """A run whose post Slack refused leaves its item owed: the next run takes that item over instead
    of owing another, so the deliverer never holds two digests of one week to post."""
    from bot.faq import load_faq
    from bot.service import Service
    from bot.store import Store

    service = Service(Store(tmp_path / "db"), load_faq())
    status, first = service.owe_digest("2026-W47", "run-1")
    service.not_delivered(first, "not_in_channel", give_up=True)  # a day of refusals: given up
    for run in range(2, 6):
        status, item = service.owe_digest("2026-W47", f"run-{run}")
        assert status == "yours"
        service.not_delivered(item, "not_in_channel")  # refused again: stays owed
    keys = [r[0] for r in service.store.db.execute("select key from outbox where kind = 'digest' and state = 'pending'")]
    assert len(keys) == 1


def test_a_forced_posting_replaces_what_the_week_still_owed(tmp_path):
    from bot.faq import load_faq
    from bot.service import Service
    from bot.store import Store

    service = Service(Store(tmp_path / "db"), load_faq())
    _, refused = service.owe_digest("2026-W47", "clock")
    service.not_delivered(refused, "not_in_channel")  # owed, for the deliverer
    status, forced = service.owe_digest("2026-W47", "admin", force=True)
    assert status == "yours" and forced.payload["force"] is True
    states = dict(service.store.db.execute("select key, state from outbox where kind = 'digest'").fetchall())
    assert states == {"digest:2026-W47": "gave_up", forced.key: "pending"}
