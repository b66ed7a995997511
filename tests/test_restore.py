"""canishare restore: a backup put back in place of the live database with SQLite's backup API, so a
-wal left by a process that died is never replayed over it (copying the file over it does that)."""

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from test_store import add

from bot.cli import main
from bot.outbox import Kind
from bot.store import SCHEMA_VERSION, Store
from bot.store.restoring import PAST

CHECKOUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Other processes import the canishare under test, not whichever one is installed
THIS_CHECKOUT = {**os.environ, "PYTHONPATH": CHECKOUT}

WRITER = textwrap.dedent("""
    import os, sys
    from bot.records import Where
    from bot.store import Store
    store = Store(sys.argv[1])
    for i in range(int(sys.argv[2])):
        store.add_question(text=f"can I share {sys.argv[3]} referral {i} with housing?", asker="U9",
                           where=Where("dm", "D1", "1.0", "1.0"), decision="escalate", faq_id=None, score=1.0,
                           suggestions=(), redacted_kinds=(), escalate=True)
    if sys.argv[4] == "die":
        os._exit(0)  # as kill -9 would: the -wal stays beside the file, not checkpointed
    store.close()
""")


def write_in_another_process(path, count, tag, how="close"):
    subprocess.run([sys.executable, "-c", WRITER, str(path), str(count), tag, how], check=True, env=THIS_CHECKOUT)


def back_up(live, backup):
    """As the README's ``sqlite3 "$CANISHARE_DB" ".backup FILE"``."""
    source, target = sqlite3.connect(live), sqlite3.connect(backup)
    source.backup(target)
    source.close(), target.close()


def texts(path):
    store = Store(path)
    try:
        return sorted(q.text for q in store.questions())
    finally:
        store.close()


@pytest.fixture
def live(tmp_path, monkeypatch):
    monkeypatch.setenv("CANISHARE_DB", str(tmp_path / "live.db"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "live.db"


def test_restore_gives_exactly_the_backups_rows_though_a_crashed_process_left_a_wal(live, tmp_path, capsys):
    write_in_another_process(live, 5, "before")
    back_up(live, tmp_path / "bk.db")
    write_in_another_process(live, 400, "mid")
    write_in_another_process(live, 40, "after", "die")
    assert os.path.getsize(str(live) + "-wal") > 0  # the situation a copy over the file goes wrong in

    assert main(["restore", str(tmp_path / "bk.db"), "--yes"]) == 0

    out = capsys.readouterr().out
    assert "5 question(s)" in out and "integrity ok" in out and "erase" in out
    check = sqlite3.connect(live)
    assert check.execute("pragma integrity_check").fetchall() == [("ok",)]
    check.close()
    assert texts(live) == texts(tmp_path / "bk.db") and len(texts(live)) == 5


def test_restore_is_refused_while_another_process_has_the_database_open(live, tmp_path, capsys):
    Store(live).close()
    back_up(live, tmp_path / "bk.db")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from bot.store import Store; "
                               "s = Store(sys.argv[1]); s.questions(); print('ready', flush=True); time.sleep(30)",
                               str(live)], stdout=subprocess.PIPE, text=True, env=THIS_CHECKOUT)
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert main(["restore", str(tmp_path / "bk.db"), "--yes"]) == 1
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert "another process is using" in err and "stop it first" in err and "Traceback" not in err


def test_restore_asks_first_and_changes_nothing_without_a_terminal(live, tmp_path, capsys):
    store = Store(live)
    add(store, "kept")
    back_up(live, tmp_path / "bk.db")
    add(store, "recorded after the backup")
    store.close()
    assert main(["restore", str(tmp_path / "bk.db")]) == 1
    assert "add --yes" in capsys.readouterr().err
    assert len(texts(live)) == 2


@pytest.mark.parametrize("make, says", [
    (lambda path: None, "there is no backup file"),
    (lambda path: path.write_text("not a database at all, just text " * 200), "is not a usable database"),
    (lambda path: sqlite3.connect(path).execute("create table notes (a)"), "is not a canishare database"),
])
def test_restore_refuses_what_is_not_a_canishare_backup(live, tmp_path, capsys, make, says):
    store = Store(live)
    add(store, "the live record")
    store.close()
    make(tmp_path / "bk.db")
    assert main(["restore", str(tmp_path / "bk.db"), "--yes"]) == 1
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert len(texts(live)) == 1


def test_restore_refuses_a_backup_from_a_newer_canishare_and_a_damaged_one(live, tmp_path, capsys):
    store = Store(tmp_path / "newer.db")
    add(store, "x")
    store.close()
    newer = sqlite3.connect(tmp_path / "newer.db")
    newer.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    newer.close()
    assert main(["restore", str(tmp_path / "newer.db"), "--yes"]) == 1
    assert "newer canishare" in capsys.readouterr().err

    store = Store(tmp_path / "damaged.db")
    for n in range(300):
        add(store, f"question {n} " * 20)
    store.close()
    data = bytearray((tmp_path / "damaged.db").read_bytes())
    data[4096 * 3:4096 * 6] = b"\xff" * (4096 * 3)
    (tmp_path / "damaged.db").write_bytes(bytes(data))
    assert main(["restore", str(tmp_path / "damaged.db"), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err or "not a usable database" in err


def test_restore_refuses_the_live_database_itself(live, capsys):
    Store(live).close()
    assert main(["restore", str(live), "--yes"]) == 1
    assert "is the live database" in capsys.readouterr().err


def test_the_backups_leases_are_ended_so_the_next_start_takes_them_over(live, tmp_path, capsys):
    store = Store(live)
    store.owe(Kind.REPLY, "reply:1")
    store.owe(Kind.REPLY, "reply:2")
    (item,) = store.lease_due("otherhost:123:1-1:deliverer-0", limit=1)
    back_up(live, tmp_path / "bk.db")
    store.close()
    assert main(["restore", str(tmp_path / "bk.db"), "--yes"]) == 0
    assert "1 of them were being sent" in capsys.readouterr().out
    check = sqlite3.connect(live)
    assert check.execute("select count(*) from outbox where leased_until = ?", [PAST]).fetchone()[0] == 1
    check.close()


def test_a_restore_into_a_new_file_creates_it_owner_only(live, tmp_path, capsys):
    write_in_another_process(tmp_path / "old.db", 2, "kept")
    back_up(tmp_path / "old.db", tmp_path / "bk.db")
    old_umask = os.umask(0o022)
    try:
        assert main(["restore", str(tmp_path / "bk.db"), "--yes"]) == 0
    finally:
        os.umask(old_umask)
    assert os.stat(live).st_mode & 0o777 == 0o600 and len(texts(live)) == 2


def test_a_restore_leaves_no_spent_journal_beside_the_database(live, tmp_path, capsys):
    """The exclusive lock makes SQLite keep the rollback journal, header zeroed: removed once the restore
    is over (the eighth session left it)."""
    write_in_another_process(tmp_path / "old.db", 2, "kept")
    back_up(tmp_path / "old.db", tmp_path / "bk.db")
    assert main(["restore", str(tmp_path / "bk.db"), "--yes"]) == 0
    assert not os.path.exists(f"{live}-journal") and len(texts(live)) == 2


def test_a_journal_that_could_still_be_played_back_is_left_alone(tmp_path):
    from bot.store.restoring import JOURNAL_MAGIC, _drop_spent_journal

    live = tmp_path / "live.db"
    (tmp_path / "live.db-journal").write_bytes(JOURNAL_MAGIC + bytes(100))
    _drop_spent_journal(str(live))
    assert (tmp_path / "live.db-journal").exists()
    (tmp_path / "live.db-journal").write_bytes(bytes(108))
    _drop_spent_journal(str(live))
    assert not (tmp_path / "live.db-journal").exists()
