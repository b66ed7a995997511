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
