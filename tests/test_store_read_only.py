"""The commands that only read (queue, export, subject-access, a digest preview, purge --dry-run) open
the database read-only: they never upgrade an older one (exit 2, naming `canishare migrate`), they read
a database the running bot is writing, and the commands that write still upgrade it."""

import hashlib
import sqlite3
import time

import pytest
import sqlite_utils
from test_cli_failures import one_line_error

from bot.cli import main
from bot.failures import EXIT_PROBLEM, EXIT_USAGE
from bot.faq import load_faq
from bot.records import Where
from bot.service import Service
from bot.store import SCHEMA_VERSION, NoDatabase, OlderDatabase, Store, StoreError
from bot.store.migrations import MIGRATIONS

OLD_VERSION = 6  # before decision records and nations (migration 7)
READING_COMMANDS = [
    ["queue"], ["queue", "--json"], ["export"], ["export", "--decisions"], ["subject-access", "U1"],
    ["digest", "--week", "2026-W47"], ["digest", "--week", "2026-W47", "--format", "json"],
    ["purge", "--older-than", "52w", "--dry-run"],
]


def old_database(path, version=OLD_VERSION):
    """A database as an older canishare left it: its migrations, a question and an escalation."""
    db = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:version]:
        migration(db)
    db.execute(f"PRAGMA user_version = {version}")
    db["questions"].insert({"id": 1, "text": "an old question", "asker": "U1", "source": "dm", "decision": "escalate",
                            "score": 10.0, "suggestions": "[]", "redacted_kinds": "[]",
                            "created_at": "2026-11-18T09:00:00+00:00"})
    db["escalations"].insert({"question_id": 1, "state": "open", "created_at": "2026-11-18T09:00:00+00:00"})
    db.conn.commit()
    db.conn.close()
    return path


def fingerprint(path):
    """The file's bytes and schema version: what a read must leave as it found it."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.close()
    return hashlib.sha256(path.read_bytes()).hexdigest(), version


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A working folder whose CANISHARE_DB names records.db, not there until a test makes it."""
    monkeypatch.delenv("CANISHARE_FAQ_DIR", raising=False)
    monkeypatch.setenv("CANISHARE_DB", str(tmp_path / "records.db"))
    monkeypatch.chdir(tmp_path)  # no stray .env
    return tmp_path


# the store ----------------------------------------------------------------------------------


def test_a_read_only_open_of_an_older_database_refuses_and_changes_nothing(tmp_path):
    path = old_database(tmp_path / "old.db")
    before = fingerprint(path)
    with pytest.raises(OlderDatabase) as refusal:
        Store(path, read_only=True)
    message = str(refusal.value)
    assert "older canishare" in message and f"schema {OLD_VERSION}" in message and str(SCHEMA_VERSION) in message
    assert "canishare migrate" in message
    assert fingerprint(path) == before


def test_a_read_only_open_of_a_newer_database_keeps_the_usual_refusal(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer canishare") as refusal:
        Store(path, read_only=True)
    assert not isinstance(refusal.value, OlderDatabase)


def test_a_read_only_store_reads_and_cannot_write(tmp_path):
    path = tmp_path / "canishare.db"
    writer = Store(path)
    writer.add_question(text="a question", asker="U1", where=Where("dm", "D1"), decision="answer", faq_id=None,
                        score=1.0, suggestions=(), redacted_kinds=())
    reader = Store(path, read_only=True)
    assert [q.text for q in reader.questions()] == ["a question"]
    assert reader.purge("2999-01-01", dry_run=True)["questions"] == 1  # a dry run reads in a transaction
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.add_question(text="another", asker="U1", where=Where("dm", "D1"), decision="answer", faq_id=None,
                            score=1.0, suggestions=(), redacted_kinds=())
    reader.close()
    writer.close()


def test_a_read_only_open_reads_a_database_another_connection_is_writing(tmp_path):
    """WAL: the reader sees what is committed, at once, while the writer holds a write transaction open."""
    path = tmp_path / "canishare.db"
    writer = Store(path)
    writer.add_question(text="committed", asker="U1", where=Where("dm", "D1"), decision="answer", faq_id=None,
                        score=1.0, suggestions=(), redacted_kinds=())
    with writer.transaction():
        writer.add_question(text="not yet committed", asker="U1", where=Where("dm", "D1"), decision="answer",
                            faq_id=None, score=1.0, suggestions=(), redacted_kinds=())
        started = time.perf_counter()
        reader = Store(path, read_only=True)
        assert [q.text for q in reader.questions()] == ["committed"]
        assert time.perf_counter() - started < 5  # not waiting for the writer (busy_timeout is 30 s)
    assert [q.text for q in reader.questions()] == ["committed", "not yet committed"]
    assert writer.writable() is None  # the health check's write still works beside a reader
    reader.close()
    writer.close()


def test_a_read_only_open_of_a_missing_file_creates_nothing(tmp_path):
    with pytest.raises(NoDatabase):
        Store(tmp_path / "nothing.db", read_only=True)
    assert not (tmp_path / "nothing.db").exists()


def test_a_writing_open_still_upgrades_and_says_from_which_version(tmp_path):
    path = old_database(tmp_path / "old.db")
    store = Store(path, create=False)
    assert store.upgraded_from == OLD_VERSION and store.schema_version() == SCHEMA_VERSION
    store.close()
    assert Store(path).upgraded_from is None


# the command line ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_reading_command_leaves_an_older_database_as_it_is_and_names_the_upgrade(env, capsys, command):
    path = old_database(env / "records.db")
    before = fingerprint(path)
    assert main(command) == EXIT_USAGE
    line = one_line_error(capsys)
    assert "older canishare" in line and "canishare migrate" in line
    assert fingerprint(path) == before


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_reading_command_does_not_write_to_a_current_database(env, capsys, command):
    service = Service(Store(env / "records.db"), load_faq())
    service.ask("the panel wants tenancy notes", "U1", Where("dm", "D1"), escalate=True)
    service.store.close()
    before = fingerprint(env / "records.db")
    assert main(command) == 0, capsys.readouterr().err
    assert fingerprint(env / "records.db") == before


def test_migrate_upgrades_an_older_database_then_the_reading_commands_work(env, capsys):
    old_database(env / "records.db")
    assert main(["migrate"]) == 0
    assert f"from schema {OLD_VERSION} to {SCHEMA_VERSION}" in capsys.readouterr().out
    assert main(["subject-access", "U1"]) == 0
    assert "an old question" in capsys.readouterr().out
    assert main(["migrate"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_migrate_refuses_a_missing_or_newer_database(env, capsys):
    assert main(["migrate"]) == EXIT_PROBLEM
    assert "no database" in one_line_error(capsys)
    assert not (env / "records.db").exists()
    Store(env / "records.db").close()
    connection = sqlite3.connect(env / "records.db")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    assert main(["migrate"]) == EXIT_PROBLEM
    assert "newer canishare" in one_line_error(capsys)


@pytest.mark.parametrize("command", [["purge", "--older-than", "52w"], ["erase", "U9", "--yes"]], ids=" ".join)
def test_a_writing_command_still_upgrades_an_older_database(env, capsys, command):
    old_database(env / "records.db")
    assert main(command) == 0, capsys.readouterr().err
    assert fingerprint(env / "records.db")[1] == SCHEMA_VERSION


def test_a_reading_command_reads_while_the_bot_holds_a_write_open(env, capsys):
    service = Service(Store(env / "records.db"), load_faq())
    service.ask("a committed question", "U1", Where("dm", "D1"), escalate=True)
    with service.store.transaction():
        service.ask("a question still being written", "U2", Where("dm", "D2"), escalate=True)
        assert main(["queue", "--json"]) == 0
    out = capsys.readouterr().out
    assert "a committed question" in out and "still being written" not in out
    service.store.close()
