"""The ``canishare`` program's entry point: Ctrl-C while the program is still loading exits 130 like
Ctrl-C at any other moment, never with a traceback (``bot.cli`` handles everything after loading)."""

from __future__ import annotations

import sys

from bot.failures import EXIT_INTERRUPTED


def run() -> int:
    try:
        from bot.cli import main

        return main()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(run())
