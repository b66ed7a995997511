"""Restoring a backup over the live database, with SQLite's online backup API.

Copying a backup over ``canishare.db`` while its ``-wal`` and ``-shm`` files are still beside it makes
SQLite replay the old write-ahead log over the copy: the restore silently does not happen, or the file
is corrupted. The backup API writes the backup's pages through the live file's own journal instead,
so its WAL is handled. Nothing else may use the live file meanwhile: the restore holds SQLite's
exclusive lock from its check to its end, and refuses when it cannot get it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.private_files import create_owner_only, is_database_file
from bot.store.migrations import SCHEMA_VERSION
from bot.store.opening import MARKER_TABLE, read_only_uri

LOCK_WAIT = 2.0  # seconds: an idle bot holds the file open, so waiting longer would not help
PAST = "1970-01-01T00:00:00+00:00"  # a lease that ran out long ago


class RestoreRefused(Exception):
    """The backup cannot be restored (not a canishare database, damaged, newer), or the live file is in use."""


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, for the operator to confirm and to be told afterwards."""

    schema: int
    questions: int
    queued: int
    owed: int
    leased: int


def inspect_backup(backup: str, live: str) -> BackupSummary:
    """Check that ``backup`` is a whole canishare database that this version can open; what it holds."""
    path = Path(backup)
    if not path.is_file():
        raise RestoreRefused(f"there is no backup file at {backup}: give the file made by "
                             "sqlite3 \"$CANISHARE_DB\" \".backup FILE\" (or VACUUM INTO)")
    if is_database_file(backup, live):
        raise RestoreRefused(f"{backup} is the live database (CANISHARE_DB) itself or its -wal/-shm file: give a "
                             "backup file")
    try:
        connection = sqlite3.connect(read_only_uri(backup), uri=True)
    except sqlite3.Error as error:
        raise RestoreRefused(f"{backup} cannot be opened ({error}): give a canishare backup file") from None
    try:
        return _summary(connection, backup)
    except sqlite3.DatabaseError as error:
        raise RestoreRefused(f"{backup} is not a usable database ({error}): take another backup") from None
    finally:
        connection.close()


def _summary(connection: sqlite3.Connection, backup: str) -> BackupSummary:
    check = [row[0] for row in connection.execute("pragma integrity_check(5)")]
    if check != ["ok"]:
        raise RestoreRefused(f"{backup} is damaged (integrity check: {'; '.join(check)}): use another backup")
    schema = connection.execute("pragma user_version").fetchone()[0]
    tables = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
    if schema == 0 or MARKER_TABLE not in tables:
        raise RestoreRefused(f"{backup} is not a canishare database (no canishare schema in it): give a backup "
                             "of the bot's database")
    if schema > SCHEMA_VERSION:
        raise RestoreRefused(f"{backup} was written by a newer canishare (schema {schema}; this one knows up to "
                             f"{SCHEMA_VERSION}): restore it with that version")
    count = _counter(connection, tables)
    return BackupSummary(
        schema=schema, questions=count("select count(*) from questions"),
        queued=count("select count(*) from escalations where state in ('open', 'claimed')", "escalations"),
        owed=count("select count(*) from outbox where state = 'pending'", "outbox"),
        leased=count("select count(*) from outbox where state = 'pending' and leased_by is not null", "outbox"))


def _counter(connection: sqlite3.Connection, tables: set[str]):
    def count(sql: str, table: str = MARKER_TABLE) -> int:
        return connection.execute(sql).fetchone()[0] if table in tables else 0
    return count


def restore(backup: str, live: str) -> int:
    """Replace the live database's contents with ``backup``'s, holding the live file's exclusive lock
    throughout; the leases the backup recorded are ended (their holders are gone), so the next start
    takes their messages over at once. Returns how many leases were ended."""
    create_owner_only(live)  # a restore into a new file: owner-only, as the store creates it (and so its -wal)
    target = sqlite3.connect(live, timeout=LOCK_WAIT, isolation_level=None)
    try:
        _lock_out_others(target, live)
        source = sqlite3.connect(read_only_uri(backup), uri=True)
        try:
            source.backup(target)
        except sqlite3.Error as error:
            raise RestoreRefused(f"the backup could not be written into {live} ({error}); nothing was changed "
                                 "if the live file still checks ok (sqlite3 FILE \"pragma integrity_check\")") from None
        finally:
            source.close()
        ended = _end_leases(target)
        check = [row[0] for row in target.execute("pragma integrity_check(5)")]
        if check != ["ok"]:
            raise RestoreRefused(f"{live} does not check ok after the restore ({'; '.join(check)}): stop, move "
                                 f"{live} and its -wal and -shm files aside, and copy the backup in their place")
        return ended
    finally:
        target.close()
        _drop_spent_journal(live)


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # the first bytes of a rollback journal SQLite can play back


def _drop_spent_journal(live: str) -> None:
    """The exclusive lock makes SQLite keep the restore's rollback journal with its header zeroed rather
    than delete it; once the connection is closed such a journal holds nothing to play back. One that
    still starts with the journal's magic bytes is left where it is: it may be needed."""
    journal = Path(f"{live}-journal")
    try:
        with journal.open("rb") as spent:
            if spent.read(len(JOURNAL_MAGIC)) == JOURNAL_MAGIC:
                return
        journal.unlink()
    except OSError:  # none, or not ours to remove: harmless either way
        pass


def _lock_out_others(target: sqlite3.Connection, live: str) -> None:
    """Hold the live file exclusively until ``target`` closes. A bot or clock that has the file open
    keeps a lock on it in WAL mode, even when idle, so this fails while one runs."""
    try:
        target.execute("pragma locking_mode = exclusive")
        target.execute("begin exclusive")
        target.execute("select count(*) from sqlite_master").fetchone()
        target.execute("commit")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise RestoreRefused(f"another process is using {live} (a running `canishare serve` or `clock`, a "
                                 "sqlite3 shell, a backup?): stop it first, then restore again") from None
        raise RestoreRefused(f"{live} cannot be opened for the restore ({error}): move it and its -wal and -shm "
                             "files aside, then restore again") from None
    except sqlite3.DatabaseError as error:
        raise RestoreRefused(f"{live} is damaged ({error}): move it and its -wal and -shm files aside, then "
                             "restore again (the backup is then written to a new file)") from None


def _end_leases(target: sqlite3.Connection) -> int:
    """Messages the backup records as being sent were in the hands of processes that are gone."""
    has_outbox = target.execute("select 1 from sqlite_master where type = 'table' and name = 'outbox'").fetchone()
    if not has_outbox:
        return 0
    return target.execute("update outbox set leased_until = ? where state = 'pending' and leased_by is not null",
                          [PAST]).rowcount
