"""Figures for bot.privacy.redact on the labelled cases in tests/fixtures/redaction_cases.yaml.

Run from the repository root:

    python benchmarks/redaction_figures.py [--verbose]

Prints how many identifiers were removed (gone from the text, with their placeholder in its
place), how many must-keep strings survived, how many identifier-free texts came back exactly
unchanged, and the mean / p95 time per text. --verbose lists every miss.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import privacy  # noqa: E402
from bot.privacy import redact  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "redaction_cases.yaml"
TIMING_ROUNDS = 50


def pct(n: int, m: int) -> str:
    return f"{n}/{m} ({100.0 * n / m:.1f}%)" if m else "0/0"


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    cases = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["cases"]

    ids_total = ids_removed = keep_total = keep_kept = prose_total = prose_same = 0
    misses: list[str] = []
    for case in cases:
        text = case["text"]
        result = redact(text)
        for kind, value in case["identifiers"]:
            ids_total += 1
            if value not in result.text and f"[{kind}]" in result.text and kind in result.found:
                ids_removed += 1
            else:
                misses.append(f"identifier not removed: {kind} {value!r}\n    {result.text!r}")
        for keep in case["keep"]:
            keep_total += 1
            if keep in result.text:
                keep_kept += 1
            else:
                misses.append(f"must-keep string lost: {keep!r}\n    {result.text!r}")
        if not case["identifiers"]:
            prose_total += 1
            if result.text == text and result.found == ():
                prose_same += 1
            else:
                misses.append(f"prose changed:\n    {text!r}\n -> {result.text!r}")

    texts = [case["text"] for case in cases]
    timings: list[float] = []
    for _ in range(TIMING_ROUNDS):
        for text in texts:
            privacy._phones_in.cache_clear()  # time every text cold, as in real use
            start = time.perf_counter()
            redact(text)
            timings.append(time.perf_counter() - start)
    timings.sort()
    mean_ms = statistics.fmean(timings) * 1000
    p95_ms = timings[int(0.95 * (len(timings) - 1))] * 1000

    big = (" ".join(texts) * 20)[:50_000]
    privacy._phones_in.cache_clear()
    start = time.perf_counter()
    redact(big)
    big_ms = (time.perf_counter() - start) * 1000

    print(f"cases: {len(cases)} ({sum(1 for c in cases if c['identifiers'])} with identifiers)")
    print(f"identifiers removed:     {pct(ids_removed, ids_total)}")
    print(f"must-keep strings kept:  {pct(keep_kept, keep_total)}")
    print(f"prose unchanged:         {pct(prose_same, prose_total)}")
    mean_len = statistics.fmean(len(t) for t in texts)
    print(
        f"time per text:           mean {mean_ms:.3f} ms, p95 {p95_ms:.3f} ms "
        f"(mean length {mean_len:.0f} chars, {TIMING_ROUNDS} rounds)"
    )
    print(f"one 50,000-char text:    {big_ms:.1f} ms")
    if misses:
        print(f"misses: {len(misses)}" + ("" if verbose else " (--verbose to list)"))
        if verbose:
            for miss in misses:
                print(" - " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
