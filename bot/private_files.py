"""Files canishare writes that hold personal data (subject access copies, exports, FAQ drafts, the
database) are created readable by their owner alone (0600), whatever the umask: on a shared server
another account must not read them. An existing file keeps its mode (the organisation may have set it),
with a warning when other accounts can read it.

A file written at an operator's request (``export -o``, ``subject-access -o``) is never the database or
its -wal/-shm file, is never reached through a symbolic link (anyone who can write to the folder could
plant one pointing anywhere), and replaces an existing file only when the operator says so (--force)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TextIO

OWNER_ONLY = 0o600


def create_owner_only(path: str | Path) -> bool:
    """Create ``path`` empty with mode 0600 unless it exists; True when it was created here. Any other
    failure (no such folder, no permission) is left to whoever opens it next, with their own message."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    except OSError:
        return False
    try:
        os.fchmod(descriptor, OWNER_ONLY)  # the umask may have taken more than group and others' bits
    finally:
        os.close(descriptor)
    return True


class OutputRefused(Exception):
    """An output file the operator named that canishare will not write: the reason and what to do."""


def is_database_file(path: str | Path, database: str | Path | None) -> bool:
    """Whether ``path`` is the database ``database`` or its -wal or -shm file, through symbolic or hard
    links (SQLite puts the -wal beside the file a linked database resolves to)."""
    if not database or str(database) == ":memory:":
        return False
    target = os.path.realpath(path)
    for base in (str(database), os.path.realpath(database)):
        for live in (base, f"{base}-wal", f"{base}-shm"):
            if target == os.path.realpath(live) or _same_file(path, live):
                return True
    return False


def _same_file(one: str | Path, other: str | Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # either is absent: not the same file
        return False


def open_output(path: str | Path, database: str | Path | None, force: bool = False,
                newline: str | None = None) -> tuple[TextIO, str | None]:
    """``path`` opened for writing text (UTF-8) and a warning to show, or None. A new file is created
    owner-only; an existing one is refused unless ``force``, then truncated and kept at its mode (the
    warning says when others can read it). Raises ``OutputRefused`` for the database, its -wal or -shm,
    a symbolic link or an existing file without ``force``; ``OSError`` (no such folder, a folder, no
    permission) is left to the caller's usual message."""
    if is_database_file(path, database):
        raise OutputRefused(f"{path} is the bot's database (CANISHARE_DB) or its -wal/-shm file: writing there would "
                            "destroy the records; give another file name")
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    try:
        descriptor = _create_exclusive(path)
        return os.fdopen(descriptor, "w", encoding="utf-8", newline=newline), None
    except FileExistsError:
        if os.path.islink(path):
            raise OutputRefused(_symlink_refusal(path)) from None
        if not force:
            raise OutputRefused(f"{path} already exists: give a new file name, or add --force to overwrite "
                                "it") from None
    descriptor = _open_existing(path)
    return os.fdopen(descriptor, "w", encoding="utf-8", newline=newline), _exposure(path, descriptor)


def _create_exclusive(path: str | Path) -> int:
    """A new, empty, owner-only file; FileExistsError if anything (a symbolic link too) is there."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, OWNER_ONLY)
    os.fchmod(descriptor, OWNER_ONLY)  # the umask may have taken more than group and others' bits
    return descriptor


def _open_existing(path: str | Path) -> int:
    """An existing regular file, opened without following a link (one put there since is refused), emptied."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputRefused(_symlink_refusal(path)) from None
        raise
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise OutputRefused(f"{path} is not a regular file: give a file name (without -o, the output goes to "
                            "standard output)")
    os.ftruncate(descriptor, 0)
    return descriptor


def _symlink_refusal(path: str | Path) -> str:
    return (f"{path} is a symbolic link: canishare never writes through one (whoever can write to the folder could "
            "point it anywhere); give the name of a real file")


def _exposure(path: str | Path, descriptor: int) -> str | None:
    mode = stat.S_IMODE(os.fstat(descriptor).st_mode)
    if not mode & 0o077:
        return None
    return (f"warning: {path} keeps its mode {mode:04o}, so other accounts on this machine can read the personal "
            f"data now in it: chmod 600 '{path}'")


def write_new_private_text(path: Path, text: str) -> None:
    """Write ``text`` to a new owner-only file; FileExistsError if anything, a link included, is at ``path``."""
    with os.fdopen(_create_exclusive(path), "w", encoding="utf-8") as out:
        out.write(text)


def readable_by_others(paths: list[str | Path]) -> list[tuple[str, int]]:
    """The files among ``paths`` that other accounts may read or write (group or other bits set), with
    their mode: an existing database created by an older canishare, or by hand, keeps a 0644 it was given."""
    exposed = []
    for path in paths:
        try:
            mode = os.stat(path).st_mode & 0o777
        except OSError:  # absent (no WAL yet) or unreadable: nothing to say about it here
            continue
        if mode & ~OWNER_ONLY & 0o077:
            exposed.append((str(path), mode))
    return exposed


def exposure_warning(path: str | Path) -> str | None:
    """For the long-running commands' start-up log: the database (or its WAL and shared-memory files) can be
    read by other accounts on this machine, and how to stop that. None when only its owner can."""
    exposed = readable_by_others([path, f"{path}-wal", f"{path}-shm"])
    if not exposed:
        return None
    files = ", ".join(f"{name} (mode {mode:04o})" for name, mode in exposed)
    return (f"other accounts on this machine can read the database, which holds personal data: {files}; "
            f"make it readable by its owner alone: chmod 600 '{path}'*")
