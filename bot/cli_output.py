"""The file an operator names with ``-o`` (``export``, ``subject-access``): opened safely
(``bot.private_files.open_output``), a refusal shown as one line (exit 1), a warning on standard error."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.failures import CliError
from bot.private_files import OutputRefused, open_output


def operator_output(path: str, database: str | None, force: bool, newline: str | None = None) -> TextIO:
    try:
        out, warning = open_output(path, database, force, newline)
    except OutputRefused as refusal:
        raise CliError(str(refusal)) from None
    if warning:
        print(f"canishare: {warning}", file=sys.stderr)
    return out
