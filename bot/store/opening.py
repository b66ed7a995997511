"""What the store checks before it writes anything to the file CANISHARE_DB names: that it is not a
folder, and that an existing SQLite file is canishare's (or empty), so that another application's
database is never given canishare's tables or switched to WAL mode."""

from __future__ import annotations

import os
from pathlib import Path

from bot.private_files import create_owner_only
from bot.store.migrations import NoDatabase, WrongDatabase

# Every canishare database has had this table since its first schema (migration 1).
MARKER_TABLE = "questions"
NOT_THERE_FIX = ("set CANISHARE_DB to the bot's database (the file `canishare serve` writes), or run this where "
                 "it is")


def refuse_unusable_path(path: str, create: bool) -> None:
    """Before the file is opened: a folder is a ``WrongDatabase``; with ``create`` False, a path with no
    file is a ``NoDatabase``; with ``create``, a new file is made owner-only (0600)."""
    if path == ":memory:":
        return
    if Path(path).is_dir():
        raise WrongDatabase(f"CANISHARE_DB={path!r} is a folder, not a database file: give a file name inside "
                            f"it, e.g. {path.rstrip('/')}/canishare.db")
    if not create and not Path(path).exists():
        raise NoDatabase(f"there is no database at {path!r}: {NOT_THERE_FIX}")
    if create:
        create_owner_only(path)  # SQLite gives its -wal and -shm files the database file's mode


def read_only_uri(path: str) -> str:
    """SQLite's URI for opening ``path`` read-only (mode=ro, as Datasette opens a database that may
    change). Not immutable=1: that would read a file another process is writing as if it could not
    change. In WAL mode SQLite may still create the -wal and -shm files beside it; the file is not written.
    Where its folder cannot be written (a mounted backup or snapshot) mode=ro cannot make the -shm file
    a WAL database needs, and nothing can change the file there: it is opened immutable, unless a
    -wal file with changes lies beside it, which immutable would leave unread."""
    where = Path(path).absolute()
    wal = where.with_name(where.name + "-wal")
    if not folder_writable(where.parent) and not (wal.exists() and wal.stat().st_size > 0):
        return f"{where.as_uri()}?immutable=1"
    return f"{where.as_uri()}?mode=ro"


def folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def check_is_canishare(db, path: str, version: int, create: bool) -> bool:
    """Reading only: refuse another application's SQLite file (``WrongDatabase``); an empty one (no
    tables, e.g. 0 bytes after a failed restore) is a new database for ``create`` (serve, clock) and a
    ``NoDatabase`` for the commands that read records. True when the file is a new, empty one."""
    if path == ":memory:":
        return False
    tables = [row[0] for row in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")]
    if not tables and version == 0:
        if not create:
            raise NoDatabase(f"{path!r} is empty (no canishare database in it): {NOT_THERE_FIX}, or restore it "
                             "from a backup")
        return True
    if tables and (version == 0 or MARKER_TABLE not in tables):
        shown = ", ".join(tables[:5]) + (f" and {len(tables) - 5} more" if len(tables) > 5 else "")
        raise WrongDatabase(
            f"CANISHARE_DB={path!r} is not a canishare database: it is another application's SQLite file "
            f"(tables {shown}; schema version {version}, not canishare's schema). Nothing was written to it: point "
            "CANISHARE_DB at the bot's database, or at a new file")
    return False


def describe_opening(path: str, created: bool, upgraded_from: int | None, version: int) -> str:
    """For the long-running commands' start-up log: which file, its schema, and what opening did to it,
    so that a mistyped CANISHARE_DB (a new, empty database) shows in the first lines."""
    where = f"{Path(path).absolute()}" if path != ":memory:" else path
    if created:
        return f"database {where!r}: created a new, empty database (schema {version})"
    if upgraded_from is not None:
        return (f"database {where!r}: upgraded from schema {upgraded_from} to {version} (an older canishare "
                "cannot open it now)")
    return f"database {where!r}: schema {version}"
