"""Files canishare writes that hold personal data (subject access copies, exports, FAQ drafts, the
database) are created readable by their owner alone (0600), whatever the umask: on a shared server
another account must not read them. An existing file keeps its mode: the organisation may have set it."""

from __future__ import annotations

import os
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


def open_private(path: str | Path, newline: str | None = None) -> TextIO:
    """``path`` opened for writing text (UTF-8), truncated; created owner-only when it is new."""
    create_owner_only(path)
    return open(path, "w", encoding="utf-8", newline=newline)


def write_private_text(path: Path, text: str) -> None:
    with open_private(path) as out:
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
