"""The ``canishare`` program's entry point: Ctrl-C while the program is still loading exits 130 like
Ctrl-C at any other moment, never with a traceback (``bot.cli`` handles everything after loading)."""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # as bot.failures says; not imported from it, so that nothing loads outside the guard


def run() -> int:
    try:
        from bot.cli import main

        return main()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(run())
