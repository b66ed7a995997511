"""Two deliverers (threads or processes) on one store: an item is leased by one at a time (a guarded
UPDATE), only its holder records its outcome (fencing), a holder whose lease ran out does not send, a
send Slack took is recorded however long another process holds the write lock, and never sent twice
by a process that could not record it. Short leases and busy timeouts come in through parameters and a
fake clock; the write lock is held by a second connection on the same file."""

import datetime as dt
import logging
import sqlite3
import threading

import pytest

from bot.config import Settings
from bot.faq import load_faq
from bot.outbox import LEASE, LONGEST_SEND, Kind, State
from bot.service import Service
from bot.slack import deliverer
from bot.slack.client import BoundedRateLimitRetryHandler
from bot.slack.deliverer import Deliverer, deliver, deliver_due
from bot.slack.deps import assemble
from bot.store import Store, outbox
from bot.store.migrations import _migration_15
from bot.times import stored

import slack_harness as h

T0 = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.timezone.utc)


class Clock:
    def __init__(self):
        self.seconds = 0.0

    def __call__(self) -> str:
        return stored(T0 + dt.timedelta(seconds=self.seconds))


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "canishare.db")


def a_store(path, clock, **kwargs) -> Store:
    return Store(path, clock, **{"busy_timeout": 0.1, "outcome_patience": 5.0, **kwargs})


@pytest.fixture
def deps(fake_slack, path, clock):
    service = Service(a_store(path, clock), load_faq())
    settings = Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET)
    return assemble(settings, service, client=h.web_client(fake_slack))


def owe_notice(deps, key="notice:1"):
    deps.service.store.owe(Kind.NOTICE, key, payload={"to": "U1", "text": "hello"})


def dms(fake):
    return [c for c in fake.answered("chat.postMessage")]


def row(deps, item_id=1):
    return next(iter(deps.service.store.db.query("select * from outbox where id = ?", [item_id])))


def hold_write_lock(path, seconds: float) -> threading.Thread:
    """Another process's long write: a second connection holds the write lock for ``seconds``."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(seconds, lambda: (other.execute("COMMIT"), other.close()))
    release.start()
    return release


def lock_after_sending(monkeypatch, path, seconds: float) -> list:
    """Slack takes the notice, then another process takes the write lock before it is recorded."""
    held = []
    send = deliverer.SENDERS[Kind.NOTICE]

    def send_then_lock(deps, item):
        posted = send(deps, item)
        held.append(hold_write_lock(path, seconds))
        return posted

    monkeypatch.setitem(deliverer.SENDERS, Kind.NOTICE, send_then_lock)
    return held


# leasing and fencing, in the queries -------------------------------------------------------------------


@pytest.fixture
def db():
    import sqlite_utils

    database = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
    outbox.create_table(database)
    _migration_15(database)  # the outbox's later column
    return database


def test_the_lease_outlasts_the_longest_send_with_its_rate_limit_waits():
    assert LEASE > LONGEST_SEND


def test_an_item_another_deliverer_took_between_select_and_update_is_not_leased_again(db):
    """On PostgreSQL's READ COMMITTED two deliverers can both select an item; the guarded UPDATE lets one win."""
    outbox.owe(db, clock_at(0), Kind.REPLY, "reply:1")
    candidate = next(iter(db.query("select * from outbox")))
    assert outbox._take(db, clock_at(0), "w1", candidate) is not None
    assert outbox._take(db, clock_at(0), "w2", candidate) is None
    assert row_of(db)["leased_by"] == "w1"


def test_a_deliverer_whose_lease_ran_out_records_nothing(db):
    outbox.owe(db, clock_at(0), Kind.REPLY, "reply:1")
    (stale,) = outbox.lease_due(db, clock_at(0), "w1")
    late = LEASE.total_seconds() + 1
    (current,) = outbox.lease_due(db, clock_at(late), "w2")
    assert not outbox.renew(db, clock_at(late), stale)
    assert not outbox.delivered(db, clock_at(late), stale)
    assert outbox.failed(db, clock_at(late), stale, "boom") is None
    assert outbox.failed(db, clock_at(late), stale, "boom", give_up=True) is None
    assert not outbox.postpone(db, clock_at(late), stale, dt.timedelta(seconds=5))
    assert row_of(db)["leased_by"] == "w2" and row_of(db)["state"] == State.PENDING
    assert outbox.renew(db, clock_at(late + 1), current)
    assert outbox.delivered(db, clock_at(late + 2), current)
    assert row_of(db)["state"] == State.DELIVERED


def test_renewing_gives_a_full_lease_from_the_send(db):
    outbox.owe(db, clock_at(0), Kind.REPLY, "reply:1")
    (item,) = outbox.lease_due(db, clock_at(0), "w1")
    assert outbox.renew(db, clock_at(100), item)
    assert outbox.lease_due(db, clock_at(LEASE.total_seconds() + 50), "w2") == []


def clock_at(seconds: float) -> str:
    return stored(T0 + dt.timedelta(seconds=seconds))


def row_of(db):
    return next(iter(db.query("select * from outbox")))


# the deliverer --------------------------------------------------------------------------------------


def test_a_send_is_recorded_after_another_process_holds_the_write_lock_past_the_busy_timeout(
        deps, fake_slack, path, monkeypatch, caplog):
    owe_notice(deps)
    held = lock_after_sending(monkeypatch, path, seconds=0.8)  # eight busy timeouts
    with caplog.at_level(logging.WARNING):
        assert deliver_due(deps) == 1
    held[0].join()
    assert row(deps)["state"] == State.DELIVERED and len(dms(fake_slack)) == 1
    assert "the database is busy" in caplog.text


def test_a_send_that_could_not_be_recorded_is_recorded_later_and_never_sent_again(
        deps, fake_slack, path, clock, monkeypatch, caplog):
    deps.service.store.outcome_patience = 0.3
    owe_notice(deps)
    held = lock_after_sending(monkeypatch, path, seconds=1.0)
    with caplog.at_level(logging.ERROR):
        deliver_due(deps, owner="w1")
    assert "reached Slack but could not be recorded" in caplog.text
    held[0].join()
    assert row(deps)["state"] == State.PENDING  # the lock outlasted the patience
    clock.seconds = LEASE.total_seconds() + 1  # and then the lease
    monkeypatch.setitem(deliverer.SENDERS, Kind.NOTICE, lambda deps, item: pytest.fail("sent twice"))
    deliver_due(deps, owner="w2")
    assert row(deps)["state"] == State.DELIVERED and len(dms(fake_slack)) == 1


def test_a_deliverer_whose_lease_ran_out_before_the_send_does_not_send(deps, fake_slack, clock):
    owe_notice(deps)
    (stale,) = deps.service.lease_owed("w1")
    clock.seconds = LEASE.total_seconds() + 1
    (current,) = deps.service.lease_owed("w2")  # the other process took it over
    assert not deliver(deps, stale)
    assert dms(fake_slack) == []
    assert deliver(deps, current) and len(dms(fake_slack)) == 1


def test_a_running_deliverer_frees_a_dead_peers_leases_on_its_next_round(deps, monkeypatch):
    owe_notice(deps)
    deps.service.lease_owed("host:1:dead:deliverer-0")
    monkeypatch.setattr(deliverer, "died_on_this_host", lambda owner: owner.startswith("host:1:"))
    running = Deliverer(deps, workers=1, idle_seconds=0.0)
    running._free_dead_leases()
    assert row(deps)["leased_by"] is None


def test_a_rate_limit_wait_longer_than_the_bound_comes_back_to_the_outbox():
    from slack_sdk.http_retry.request import HttpRequest
    from slack_sdk.http_retry.response import HttpResponse
    from slack_sdk.http_retry.state import RetryState

    handler = BoundedRateLimitRetryHandler(max_retry_count=2)
    request = HttpRequest(method="POST", url="https://slack.test/api/chat.postMessage", headers={})

    def can_retry(after: str) -> bool:
        response = HttpResponse(status_code=429, headers={"Retry-After": [after]})
        return handler.can_retry(state=RetryState(), request=request, response=response)

    assert can_retry("1") and can_retry("20")
    assert not can_retry("32")
