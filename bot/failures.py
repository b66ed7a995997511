"""What went wrong, in one line a person can act on: the cause and the fix. The command line shows
these instead of a traceback; an error not known here is a bug and is reported as one."""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum
from typing import Callable

import yaml

# The command line's exit codes (README, "Exit codes").
EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_SLACK, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 70, 130

SLACKISH_MODULES = ("slack_sdk", "slack_bolt", "urllib", "socket", "builtins", "http", "ssl")


class CliError(Exception):
    """A command's failure to show as one line, with its exit code (a problem to fix, by default)."""

    def __init__(self, message: str, code: int = EXIT_PROBLEM):
        super().__init__(message)
        self.code = code


class DamagedInstall(Exception):
    """A file shipped inside the package (a model, word list or examples) is missing or unreadable."""


DAMAGE_SIGNS = ("malformed", "file is not a database")


def is_damage(error: BaseException) -> bool:
    """Whether SQLite found the database file itself damaged (a bad restore, a disk fault, a torn copy)."""
    return isinstance(error, sqlite3.DatabaseError) and any(sign in str(error).lower() for sign in DAMAGE_SIGNS)


def damaged_database(path: str, why: object) -> str:
    return (f"CANISHARE_DB {path!r} is damaged ({why}): restore it from a backup (README: Retention, backups and "
            "upgrades)")


def describe(error: BaseException, database: str | None = None,
             explain_slack: Callable[[BaseException], str | None] | None = None) -> tuple[str, int]:
    """The line to show for ``error`` and the exit code: Slack's failures (3), problems a person can
    fix (1), or a bug (70), said plainly. ``database``: the CANISHARE_DB file, named when it is damaged;
    ``explain_slack``: the Slack layer's explainer (the caller passes it: Slack knowledge stays in bot/slack)."""
    if database and is_damage(error):
        return damaged_database(database, error), EXIT_PROBLEM
    if explain_slack and type(error).__module__.split(".")[0] in SLACKISH_MODULES:
        slack = explain_slack(error)
        if slack:
            return slack, EXIT_SLACK
    known = explain(error)
    if known:
        return known, EXIT_PROBLEM
    return (f"unexpected error ({type(error).__name__}: {error}). This is a bug: please report it with the output "
            "of the same command run with --traceback.", EXIT_BUG)


def explain(error: BaseException) -> str | None:
    """One line naming the cause and the fix, or None when ``error`` is not one a person can fix."""
    if isinstance(error, yaml.YAMLError):
        return yaml_problem(error)
    if isinstance(error, sqlite3.OperationalError):
        return _database(error)
    if isinstance(error, OSError):
        return _os(error)
    if isinstance(error, DamagedInstall):
        return f"{error}: the installation is damaged; reinstall canishare (pip install --force-reinstall .)"
    if isinstance(error, OverflowError):
        return f"a number is too large ({error}): use a smaller value"
    return None


def yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"the file is not valid YAML{where}: {problem}; fix it (check indentation, quotes and brackets)"


class DatabaseCondition(StrEnum):
    """What an SQLite error says about the database, when it is a condition to fix rather than a bug."""

    READ_ONLY = "read-only"
    CANNOT_OPEN = "cannot open"
    DISK_FULL = "disk full"
    LOCKED = "locked"  # another connection holds the write lock: try again soon


def database_condition(error: BaseException) -> DatabaseCondition | None:
    """The one reading of SQLite's error messages (the command line, the store and the Slack layer use it)."""
    if not isinstance(error, sqlite3.OperationalError):
        return None
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return DatabaseCondition.READ_ONLY
    if "unable to open" in text:
        return DatabaseCondition.CANNOT_OPEN
    if "disk" in text and "full" in text:  # SQLITE_FULL: "database or disk is full"
        return DatabaseCondition.DISK_FULL
    if "locked" in text or "busy" in text:
        return DatabaseCondition.LOCKED
    return None


DATABASE_FIXES = {
    DatabaseCondition.READ_ONLY: ("the database cannot be written (it is read-only): give this process write "
                                  "permission on the CANISHARE_DB file and its folder (SQLite writes a -wal and a "
                                  "-shm file beside it)"),
    DatabaseCondition.CANNOT_OPEN: ("the database cannot be opened: check that CANISHARE_DB's folder exists and can "
                                    "be written"),
    DatabaseCondition.DISK_FULL: ("the disk is full: free space where CANISHARE_DB lives, then try again (nothing "
                                  "was lost)"),
    DatabaseCondition.LOCKED: "the database is busy (locked by another process for too long): try again in a moment",
}


def _database(error: sqlite3.OperationalError) -> str | None:
    condition = database_condition(error)
    return DATABASE_FIXES[condition] if condition else None


def _os(error: OSError) -> str | None:
    name = getattr(error, "filename", None)
    if isinstance(error, IsADirectoryError):
        return f"{name} is a folder: give a file name inside it, e.g. {name.rstrip('/')}/export.csv"
    if isinstance(error, FileNotFoundError):
        return f"{name}: no such file or folder: check the path (create the folder first)"
    if isinstance(error, NotADirectoryError):
        return f"{name}: part of the path is a file, not a folder: check the path"
    if error.errno == errno.EADDRINUSE:
        return "the port is already in use: stop the other process, or choose another --port"
    if error.errno == errno.EACCES and name is None:  # no file: binding a port (a PermissionError too)
        return ("permission denied for the port: ports below 1024 need privileges this user does not have; "
                "choose --port 3000 or higher (the Procfile's web process passes $PORT), and put a proxy in front "
                "for port 80 or 443")
    if isinstance(error, PermissionError):
        return f"{name}: permission denied: choose a place this user can write, or change its permissions"
    if error.errno == errno.ENOSPC:
        return "the disk is full: free some space and try again"
    return None


def is_busy(error: BaseException) -> bool:
    """Whether a database error only means another connection holds the write lock: try again soon."""
    return database_condition(error) is DatabaseCondition.LOCKED
