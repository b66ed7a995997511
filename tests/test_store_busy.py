"""Another process holding the write lock is "busy", not broken: reads in this process go on (their own
connection), the health check stays healthy and answers quickly, a write before Slack's acknowledgement
waits a bounded time, and a person is told "busy, try again", not "cannot be written". The other
process is a second connection on the same file."""

import sqlite3
import threading
import time

import pytest

import bot.store.connection as connection
from bot.faq import load_faq
from bot.service import Service
from bot.slack.blocks.replies import error_message
from bot.slack.submissions import STORE_BUSY, keep_open
from bot.store import Store


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "canishare.db")


@pytest.fixture
def other_process(path):
    """Hold the write lock from another connection, as another process's long write does."""
    Store(path).close()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("COMMIT")
    other.close()


def test_a_read_does_not_wait_for_a_write_waiting_on_another_process(path, other_process):
    store = Store(path, busy_timeout=3)
    writer = threading.Thread(target=lambda: pytest.raises(sqlite3.OperationalError, store.set_nation, "U1", "wales"))
    writer.start()
    time.sleep(0.2)  # the writer now holds this process's write lock, waiting for the other process's
    started = time.monotonic()
    assert store.chosen_nation("U1") == (False, None)
    assert store.outbox_counts() == {}
    assert time.monotonic() - started < 1.0
    writer.join()


def test_a_read_inside_a_transaction_sees_its_own_uncommitted_writes(path):
    store = Store(path)
    with store.transaction():
        store.set_nation("U1", "wales")
        assert store.chosen_nation("U1") == (True, "wales")


def test_the_health_check_reports_another_processes_write_as_busy_and_healthy(path, other_process, monkeypatch):
    monkeypatch.setattr(connection, "HEALTH_WAIT", 0.2)
    service = Service(Store(path, busy_timeout=30), load_faq())
    started = time.monotonic()
    state, why = service.store.write_state()
    assert state == "busy" and "locked" in why
    assert service.health() == []
    assert service.store.writable() is None
    assert time.monotonic() - started < 5  # not the 30 s busy timeout


def test_a_write_with_a_bounded_wait_fails_as_busy_within_it(path, other_process):
    store = Store(path, busy_timeout=30)
    started = time.monotonic()
    with store.waiting_at_most(0.3), pytest.raises(sqlite3.OperationalError, match="locked"):
        store.set_nation("U1", "wales")
    assert time.monotonic() - started < 3
    assert store.busy_timeout == 30 and store._writer.execute("pragma busy_timeout").fetchone()[0] == 30_000


def test_a_write_waits_its_bound_for_another_thread_of_this_process(path):
    store = Store(path, busy_timeout=30)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.transaction():
            holding.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(5)
    try:
        with store.waiting_at_most(0.2), pytest.raises(sqlite3.OperationalError, match="locked"):
            store.set_nation("U1", "wales")
    finally:
        release.set()
        holder.join()


def test_a_person_is_told_busy_try_again_when_the_records_were_only_locked():
    busy = error_message(store_down=True, busy=True).text
    assert "busy" in busy and "try again" in busy and "cannot be written" not in busy
    assert "cannot be written" in error_message(store_down=True).text
    acks = []
    keep_open(lambda **kwargs: acks.append(kwargs), "answer", sqlite3.OperationalError("database is locked"), "x")
    assert acks == [{"response_action": "errors", "errors": {"answer": STORE_BUSY}}]
