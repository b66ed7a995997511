"""Figures for bot.urgency.signals_immediate_risk on labelled question files.

Run from the repository root:

    python benchmarks/urgency_figures.py [FILE.yaml ...] [--verbose]

Each file is a YAML list of ``{q, urgent}`` (other keys are ignored); the default is
tests/fixtures/urgent_dev.yaml. For each file it prints, for the classifier and for the keyword
regex it replaced (kept here, frozen, for comparison): recall (urgent questions flagged), the
false-alarm rate (non-urgent questions flagged), and the mean / p95 time per question.

--verbose lists every miss and false alarm, with the rule that fired. It refuses files under a
``blind`` directory: a blind set is read only through its summary, so that nobody tunes to it.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import urgency  # noqa: E402

DEFAULT = ROOT / "tests" / "fixtures" / "urgent_dev.yaml"
TIMING_ROUNDS = 20

# The keyword regex bot/urgency.py used before issue 13, frozen for comparison.
_OLD_PATTERNS = [
    r"\b(?:at|in) (?:immediate |serious |real )?(?:risk|danger) (?:tonight|today|right now|now)\b",
    r"\b(?:immediate|imminent) (?:risk|danger|threat|harm)\b",
    r"\b(?:in|at) immediate (?:risk|danger)\b",
    r"\brisk to (?:life|her life|his life|their life)\b",
    r"\bthreat(?:en|ened|ening|s)? to (?:kill|stab|hurt|harm|attack)\b",
    r"\b(?:going|gonna|plans?|planning|wants?) to (?:kill|end it|end (?:his|her|their|my) life|take (?:his|her|their|my) own life)\b",
    r"\bend it (?:all|tonight)\b",
    r"\bsuicid(?:e|al)\b",
    r"\bkill (?:himself|herself|themselves|themself|myself)\b",
    r"\boverdos(?:e|ed|ing)\b",
    r"\b(?:has|with|carrying|holding) (?:a )?(?:knife|gun|weapon|firearm)\b",
    r"\b(?:missing|abducted|kidnapped)\b.*\b(?:tonight|now|today)\b",
    r"\bnot safe (?:to go home|tonight|at home tonight)\b",
]
_OLD = re.compile("|".join(f"(?:{p})" for p in _OLD_PATTERNS), re.IGNORECASE)


def old_regex(text: str) -> bool:
    return bool(_OLD.search(text[:5000]))


def load(path: Path) -> list[tuple[str, bool]]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(items, dict):  # tolerate {questions: [...]}
        items = next(v for v in items.values() if isinstance(v, list))
    return [(str(item["q"]), bool(item["urgent"])) for item in items]


def pct(n: int, m: int) -> str:
    return f"{n}/{m} ({100.0 * n / m:.1f} %)" if m else "0/0"


def timing(classify, questions: list[str]) -> tuple[float, float]:
    times = []
    for _ in range(TIMING_ROUNDS):
        for q in questions:
            start = time.perf_counter()
            classify(q)
            times.append(time.perf_counter() - start)
    times.sort()
    return statistics.fmean(times) * 1000, times[int(0.95 * (len(times) - 1))] * 1000


def figures(name: str, classify, items: list[tuple[str, bool]]) -> str:
    flags = [classify(q) for q, _ in items]
    urgent = sum(1 for _, u in items if u)
    caught = sum(1 for (_, u), f in zip(items, flags) if u and f)
    calm = len(items) - urgent
    alarms = sum(1 for (_, u), f in zip(items, flags) if not u and f)
    mean_ms, p95_ms = timing(classify, [q for q, _ in items])
    return (f"  {name:<10} recall {pct(caught, urgent):<18} false alarms {pct(alarms, calm):<18} "
            f"time per question mean {mean_ms:.3f} ms, p95 {p95_ms:.3f} ms")


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    paths = [Path(a) for a in argv if not a.startswith("-")] or [DEFAULT]
    for path in paths:
        if verbose and "blind" in path.resolve().parts:
            print(f"{path}: --verbose is refused on a blind set (read it only through its summary)")
            return 2
        items = load(path)
        print(f"{path} ({len(items)} questions, {sum(u for _, u in items)} urgent)")
        print(figures("new", urgency.signals_immediate_risk, items))
        print(figures("old regex", old_regex, items))
        if verbose:
            for q, u in items:
                verdict = urgency.assess(q, explain=True)
                if verdict.urgent != u:
                    print(f"    {'MISS' if u else 'FALSE ALARM'}: {q}\n        {verdict.explain()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
