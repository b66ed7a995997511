"""Questions recorded per second by 8 threads at once, and proof that none is lost or doubled.

    python benchmarks/store_throughput.py [--threads 8] [--per-thread 500]

Each thread records questions through Service.ask (redaction, matching and the store, as the bot
does) and, separately, straight through Store.add_question (the store alone).
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from bot.faq import load_faq
from bot.records import Where
from bot.service import Service
from bot.store import Store

QUESTIONS = [
    "Can I share a safeguarding concern with the school without the parents' consent?",
    "police want our records on a tenant, do we have to give them?",
    "Do we need a DSA before sharing with the MASH? ring me on 07700 900123",
    "how long to report a breach to the ico",
]


def run(threads: int, per_thread: int, record) -> tuple[float, int]:
    barrier = threading.Barrier(threads)

    def work(n: int) -> None:
        barrier.wait()
        for i in range(per_thread):
            record(n, i)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - started, threads * per_thread


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--per-thread", type=int, default=500)
    args = parser.parse_args()
    faq = load_faq()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        elapsed, count = run(args.threads, args.per_thread, lambda n, i: store.add_question(
            text=f"t{n} q{i}", asker=f"U{n}", where=Where("dm", "D1"), decision="answer", faq_id="x",
            score=50.0, suggestions=(), redacted_kinds=()))
        texts = [q.text for q in store.questions()]
        print(f"store alone:   {count / elapsed:8.0f} questions/s  ({count} from {args.threads} threads, "
              f"{len(texts)} stored, {len(texts) - len(set(texts))} duplicated, {count - len(set(texts))} lost)")

        service = Service(Store(Path(folder) / "bench2.db"), faq)
        elapsed, count = run(args.threads, args.per_thread // 5, lambda n, i: service.ask(
            f"{QUESTIONS[i % len(QUESTIONS)]} (t{n} q{i})", f"U{n}", Where("dm", "D1")))
        stored = service.store.questions()
        unique = {q.text for q in stored}
        print(f"service.ask:   {count / elapsed:8.0f} questions/s  ({count} from {args.threads} threads, "
              f"{len(stored)} stored, {len(stored) - len(unique)} duplicated, {count - len(unique)} lost)")


if __name__ == "__main__":
    main()
