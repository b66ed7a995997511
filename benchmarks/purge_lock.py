"""How long the retention purge holds the write lock, per transaction and in all, for a backlog of N
old questions (another process sharing the database cannot commit while it is held).

    python benchmarks/purge_lock.py 60000 250000

Each question gets one audit row; a third of them an outbox row, a fifth a decision record (the shape
of review 6's seed). Run from an older checkout, whose purge is one transaction, it times that one.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from bot.store import Store

OLD = "2025-10-01T10:00:00+00:00"
CUTOFF = "2026-01-01T00:00:00+00:00"


def seed(path: str, n: int) -> None:
    con = sqlite3.connect(path)
    con.execute("begin immediate")
    con.executemany("insert into questions (id, text, asker, source, decision, score, suggestions, redacted_kinds,"
                    " created_at, urgent) values (?, ?, ?, 'dm', 'answer', 90.0, '[]', '[]', ?, 0)",
                    [(i, f"old question {i} about sharing records", f"U{i % 500}", OLD) for i in range(1, n + 1)])
    con.executemany("insert into audit (at, actor, action, question_id, detail) values (?, 'UADV1', 'claim', ?, 'x')",
                    [(OLD, i) for i in range(1, n + 1)])
    con.executemany("insert into outbox (kind, key, question_id, payload, state, attempts, due_at, created_at)"
                    " values ('reply', ?, ?, '{}', 'gave_up', 0, ?, ?)",
                    [(f"old:{i}", i, OLD, OLD) for i in range(1, n // 3 + 1)])
    con.executemany("insert into decision_records (user, decision, question_id, created_at)"
                    " values (?, 'shared', ?, '2026-11-01T10:00:00+00:00')",
                    [(f"U{i % 500}", i) for i in range(1, n // 5 + 1)])
    con.execute("commit")
    con.close()


def measure(n: int) -> tuple[int, float, float, float]:
    """(transactions, longest, total lock held, wall time) for a purge of ``n`` questions."""
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "bench.db")
        Store(path).close()
        seed(path, n)
        store = Store(path)
        held: list[float] = []
        started = time.perf_counter()
        try:
            counts = store.purge(CUTOFF, on_batch=held.append)
        except TypeError:  # an older purge: one transaction
            counts = store.purge(CUTOFF)
            held = [time.perf_counter() - started]
        wall = time.perf_counter() - started
        assert counts["questions"] == n, counts
        return len(held), max(held), sum(held), wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[60_000, 250_000])
    for n in parser.parse_args().sizes:
        transactions, longest, total, wall = measure(n)
        print(f"{n:>8} questions: {transactions} transaction(s), longest {longest * 1000:.0f} ms, "
              f"lock held {total:.1f} s in all, {wall:.1f} s wall")


if __name__ == "__main__":
    main()
