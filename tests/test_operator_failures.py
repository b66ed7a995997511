"""Failures an operator meets on a bad day: a damaged database file, a database on read-only storage,
a wrong signing secret, a database locked by another process or a full disk while the bot runs."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3

import pytest
from test_cli_failures import env, one_line_error  # noqa: F401 - the fixture

from bot.cli import main
from bot.store import Store, StoreError
from bot.store import opening as store_opening

QUESTION = {"text": "x" * 200, "asker": "U1", "source": "dm", "decision": "escalate", "score": 1.0,
            "suggestions": "[]", "redacted_kinds": "[]", "created_at": "2026-11-18T09:00:00+00:00"}


def filled(path, questions: int = 300) -> None:
    store = Store(path)
    with store.transaction() as db:
        for _ in range(questions):
            db["questions"].insert(QUESTION)
    store.close()
    connection = sqlite3.connect(path)
    connection.execute("pragma wal_checkpoint(truncate)")
    connection.close()


def damaged(path) -> None:
    """A file whose first pages (the schema) read, while the questions' pages are garbage: the damage
    shows on the first read of the records, not when the file is opened."""
    filled(path)
    size = os.path.getsize(path)
    with open(path, "r+b") as file:
        file.seek(size - 4096 * 20)
        file.write(b"\xff" * 4096 * 10)


@pytest.mark.parametrize("command", [["digest", "--week", "2026-W47"], ["export"], ["subject-access", "U1"], ["purge", "--dry-run"],
                                     ["erase", "U1", "--yes"]])
def test_a_damaged_database_is_reported_as_damaged_not_as_a_bug(env,  # noqa: F811
                                                                    capsys, command):
    damaged(env / "cli.db")
    assert main(command) == 1
    line = one_line_error(capsys)
    assert f"CANISHARE_DB '{env / 'cli.db'}' is damaged (" in line
    assert "restore it from a backup (README: Retention, backups and upgrades)" in line and "bug" not in line


def test_migrate_checks_the_file_and_reports_damage(env, capsys):  # noqa: F811
    damaged(env / "cli.db")
    assert main(["migrate"]) == 1
    assert "is damaged" in one_line_error(capsys)


def test_migrate_of_a_sound_file_still_says_it_is_up_to_date(env, capsys):  # noqa: F811
    filled(env / "cli.db", questions=3)
    assert main(["migrate"]) == 0
    assert "is up to date" in capsys.readouterr().out


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="CANISHARE_DB '.*broken.db' is damaged .*restore it from a backup"):
        Store(path)


def test_a_database_whose_folder_cannot_be_written_is_read_immutable(env, capsys, monkeypatch):  # noqa: F811
    backup = env / "mounted" / "backup.db"
    backup.parent.mkdir()
    filled(env / "cli.db", questions=2)
    shutil.copy(env / "cli.db", backup)  # no -wal beside it, as on a mounted backup
    monkeypatch.setattr(store_opening, "folder_writable", lambda folder: False)
    assert store_opening.read_only_uri(str(backup)).endswith("?immutable=1")
    monkeypatch.setenv("CANISHARE_DB", str(backup))
    assert main(["export"]) == 0
    assert capsys.readouterr().out.count("\n") == 3  # the header and both questions
    assert not (backup.parent / "backup.db-shm").exists()


def test_a_database_with_changes_in_its_wal_is_never_read_immutable(env, monkeypatch):  # noqa: F811
    filled(env / "cli.db", questions=2)
    (env / "cli.db-wal").write_bytes(b"\0" * 100)
    monkeypatch.setattr(store_opening, "folder_writable", lambda folder: False)
    assert store_opening.read_only_uri(str(env / "cli.db")).endswith("?mode=ro")


def test_signature_failures_in_a_row_name_the_signing_secret_once(caplog):
    from bot.slack.signature import SignatureWatch

    now = {"t": 0.0}
    watch = SignatureWatch(clock=lambda: now["t"])
    with caplog.at_level(logging.WARNING, logger="bot.slack.signature"):
        for _ in range(10):
            watch.refused("signature does not match")
        watch.refused("missing signature headers")  # a scanner, not a wrong secret
    assert [m for m in caplog.messages if "SLACK_SIGNING_SECRET" in m] == [caplog.messages[0]]
    assert len(caplog.messages) == 1
    now["t"] = 301.0
    watch.refused("signature does not match")
    assert len(caplog.messages) == 2


def test_a_request_that_passes_ends_the_run_of_failures(caplog):
    from bot.slack.signature import SignatureWatch

    watch = SignatureWatch()
    with caplog.at_level(logging.WARNING, logger="bot.slack.signature"):
        for _ in range(2):
            watch.refused("signature does not match")
            watch.refused("signature does not match")
            watch.passed()
    assert not caplog.messages


def test_a_busy_or_full_store_is_one_warning_not_a_traceback_per_request(caplog):
    from bot.slack.robustness import ConditionLog, store_condition

    now = {"t": 0.0}
    conditions = ConditionLog(every=60.0, clock=lambda: now["t"])
    locked = sqlite3.OperationalError("database is locked")
    with caplog.at_level(logging.WARNING, logger="bot.slack.robustness"):
        for _ in range(6):
            conditions.note(store_condition(locked))
        now["t"] = 61.0
        conditions.note(store_condition(locked))
        conditions.note(store_condition(sqlite3.OperationalError("database or disk is full")))
    assert len(caplog.messages) == 3
    assert "locked by another process" in caplog.messages[0] and "(1 request(s) refused)" in caplog.messages[0]
    assert "(6 request(s) refused)" in caplog.messages[1]
    assert "disk is full" in caplog.messages[2]
    assert store_condition(ValueError("a bug")) is None


def test_a_write_that_waits_on_this_process_does_not_blame_this_process():
    from bot.store.connection import LOCK_WAITED_IN_PROCESS

    assert "another thread of this process holds it" not in LOCK_WAITED_IN_PROCESS
    assert "another process" in LOCK_WAITED_IN_PROCESS and "locked" in LOCK_WAITED_IN_PROCESS
