"""The retention purge shares the database with other processes: it looks rows up by indexes, holds
the write lock in short transactions, and runs once a day between all processes (kept in the
database, not in each process)."""

import datetime as dt
import sqlite3
import threading

from bot.faq import load_faq
from bot.service import Service
from bot.store import Store

OLD = "2025-01-01T10:00:00+00:00"
CUTOFF = "2026-01-01T00:00:00+00:00"


def seed(path: str, n: int) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("begin immediate")
    for i in range(1, n + 1):
        con.execute("insert into questions (id, text, asker, source, decision, score, suggestions, redacted_kinds,"
                    " created_at) values (?, 'q', 'U1', 'dm', 'answer', 90, '[]', '[]', ?)", [i, OLD])
        con.execute("insert into audit (at, actor, action, question_id, detail) values (?, 'U9', 'claim', ?, 'x')",
                    [OLD, i])
        con.execute("insert into outbox (kind, key, question_id, state, attempts, due_at, created_at)"
                    " values ('reply', ?, ?, 'gave_up', 0, ?, ?)", [f"r:{i}", i, OLD, OLD])
    con.execute("commit")
    con.close()


def test_every_column_the_purge_looks_up_by_is_indexed(tmp_path):
    store = Store(tmp_path / "db")
    for table in ("audit", "outbox", "decision_records", "learned_phrasings"):
        plan = " ".join(str(r[-1]) for r in store.db.execute(
            f"explain query plan update {table} set question_id = null where question_id in (1, 2)"))
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (table, plan)


def test_the_purge_holds_the_write_lock_in_short_transactions(tmp_path):
    path = str(tmp_path / "db")
    Store(path).close()
    seed(path, 35)
    store = Store(path)
    held: list[float] = []
    counts = store.purge(CUTOFF, batch=10, on_batch=held.append)
    assert counts["questions"] == 35
    assert len(held) >= 4  # 10 + 10 + 10 + 5, and one that finds none left
    assert store.db.execute("select count(*) from questions").fetchone()[0] == 0
    assert store.db.execute("select count(*) from audit where detail is not null").fetchone()[0] == 0


def test_another_process_commits_between_the_purges_transactions(tmp_path):
    path = str(tmp_path / "db")
    Store(path).close()
    seed(path, 30)
    store = Store(path, busy_timeout=5)
    other = Store(path, busy_timeout=5)
    written = []

    def write_between(_seconds: float) -> None:
        if not written:  # in another thread, as another process would: it gets the lock between batches
            thread = threading.Thread(target=lambda: written.append(other.set_nation("U7", "wales")))
            thread.start()
            thread.join(2)
            assert not thread.is_alive(), "the other writer waited for the whole purge"

    store.purge(CUTOFF, batch=10, on_batch=write_between)
    assert written and other.chosen_nation("U7") == (True, "wales")


def test_of_two_processes_on_one_database_one_purges_a_day(tmp_path):
    path = tmp_path / "db"
    first, second = (Service(Store(path), load_faq()) for _ in range(2))
    now = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc)
    assert first.purge_if_due(dt.timedelta(days=365), now=now) is not None
    assert second.purge_if_due(dt.timedelta(days=365), now=now + dt.timedelta(minutes=1)) is None
    restarted = Service(Store(path), load_faq())
    assert restarted.purge_if_due(dt.timedelta(days=365), now=now + dt.timedelta(hours=2)) is None
    assert second.purge_if_due(dt.timedelta(days=365), now=now + dt.timedelta(hours=25)) is not None


def test_a_process_with_a_shorter_retention_is_not_skipped_by_one_with_a_longer(tmp_path):
    path = tmp_path / "db"
    longer, shorter = (Service(Store(path), load_faq()) for _ in range(2))
    now = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc)
    assert longer.purge_if_due(dt.timedelta(days=3650), now=now) is not None
    assert shorter.purge_if_due(dt.timedelta(days=365), now=now + dt.timedelta(minutes=1)) is not None
    assert shorter.purge_if_due(dt.timedelta(days=365), now=now + dt.timedelta(hours=2)) is None


def test_an_older_database_gains_the_indexes_and_the_maintenance_table(tmp_path):
    path = str(tmp_path / "db")
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("drop table maintenance")  # as at schema 10 (the purge's migration is 11; 12-17 came after)
    con.execute("drop table generations")
    con.execute("alter table follow_ups drop column advisor_channel")
    con.execute("alter table follow_ups drop column advisor_ts")
    con.execute("alter table follow_ups drop column risk_window")
    con.execute("alter table outbox drop column sending_since")
    con.execute("alter table questions drop column privacy_told_at")
    con.execute("alter table processed_events drop column question_id")
    con.execute("alter table escalations drop column follow_up_paged_at")
    con.execute("alter table escalations drop column version")
    con.execute("pragma user_version = 10")
    con.commit()
    con.close()
    store = Store(path)
    assert store.upgraded_from == 10
    assert store.db["maintenance"].exists()
