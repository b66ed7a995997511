"""Figures for bot.privacy.redact.

Run from the repository root:

    python benchmarks/redaction_figures.py [--verbose] [--cases FILE ...]

Prints, for each labelled case file (tests/fixtures/redaction_cases.yaml,
tests/fixtures/redaction_dev_cases.yaml, tests/fixtures/redaction_dev2_cases.yaml,
tests/fixtures/redaction_dev3_cases.yaml, tests/fixtures/redaction_dev4_cases.yaml,
tests/fixtures/redaction_dev5_cases.yaml, tests/fixtures/redaction_dev6_cases.yaml,
tests/fixtures/redaction_dev7_cases.yaml,
tests/fixtures/redaction_dev8_cases.yaml, tests/fixtures/redaction_dev9_cases.yaml,
tests/fixtures/redaction_lookalikes.yaml and the two blind sets,
tests/fixtures/redaction_blind.yaml and tests/fixtures/redaction_blind2.yaml, or the files given
with --cases), how many identifiers were removed (gone from the text, with their placeholder in its place), how many must-keep
strings survived and how many identifier-free texts came back exactly unchanged.

Then the false positives of name redaction: every "[name]" put into the FAQ's own text (each
question, variant and answer in faq/*.yaml), into the dev questions
(tests/fixtures/questions_dev.yaml, a copy of the shared dev set) and into the held-out
questions (tests/fixtures/questions_holdout.yaml). The FAQ names nobody, so every [name] there is a
false positive; the questions name a few invented people (KNOWN_PEOPLE below), and a [name] over
anything else is a false positive. Each one is listed.

Last, the time: per labelled text (mean, p95), per typical question, and for texts of 1 kB to
40 kB (questions of all kinds strung together; and plain prose), to show it grows linearly.
--verbose lists every miss.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import names, privacy  # noqa: E402
from bot.privacy import redact  # noqa: E402

CASE_FILES = [
    ROOT / "tests" / "fixtures" / "redaction_cases.yaml",
    ROOT / "tests" / "fixtures" / "redaction_dev_cases.yaml",
    ROOT / "tests" / "fixtures" / "redaction_dev2_cases.yaml",  # written blind by another engineer; fitted to
    ROOT / "tests" / "fixtures" / "redaction_dev3_cases.yaml",  # written blind by another writer; fitted to
    ROOT / "tests" / "fixtures" / "redaction_dev4_cases.yaml",  # the first blind set, read once it had served; fitted to
    ROOT / "tests" / "fixtures" / "redaction_lookalikes.yaml",  # prose written to look like identifiers; fitted to
    ROOT / "tests" / "fixtures" / "redaction_dev5_cases.yaml",  # the blind set until 2026-11-30, now fitted to
    ROOT / "tests" / "fixtures" / "redaction_dev6_cases.yaml",  # written blind for fitting; lone first names kept
    ROOT / "tests" / "fixtures" / "redaction_dev7_cases.yaml",  # four classes a review found, with look-alikes
    ROOT / "tests" / "fixtures" / "redaction_dev8_cases.yaml",  # written blind for fitting (2026-11-30)
    ROOT / "tests" / "fixtures" / "redaction_dev9_cases.yaml",  # written blind for fitting (ninth session)
    ROOT / "tests" / "fixtures" / "redaction_blind.yaml",  # written blind: measured, never tuned to
    ROOT / "tests" / "fixtures" / "redaction_blind2.yaml",  # written blind by another writer: measured, never tuned to
]
FAQ_DIR = ROOT / "faq"
DEV_QUESTIONS = ROOT / "tests" / "fixtures" / "questions_dev.yaml"  # a copy of ../shared/eval/questions_dev.yaml
HOLDOUT_QUESTIONS = ROOT / "tests" / "fixtures" / "questions_holdout.yaml"
# the invented people the dev and held-out questions name: a [name] over these is right
KNOWN_PEOPLE = (
    "Jordan Pike", "Darren Mulholland", "Tyler", "Dale Hughes", "Ava Morris", "Jenkins",
    "Lewis Grant", "Grace Okafor", "Leo Burke", "Smith", "Ahmed", "Helen Briggs", "Janet",
)
TIMING_ROUNDS = 50
TYPICAL_QUESTION = (
    "Health visitor here - mum (Mrs O'Neill) says her son Jake, born on the 4th of May 2021, has "
    "bruises; GP is Dr Patel. Can I share this with children's social care without her consent?"
)
PROSE = "Teacher here - a parent has asked me not to tell anyone about the bruises. What should I do? "


def pct(n: int, m: int) -> str:
    return f"{n}/{m} ({100.0 * n / m:.1f}%)" if m else "0/0"


def case_figures(path: Path, verbose: bool) -> list[str]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    ids_total = ids_removed = ids_gone = keep_total = keep_kept = prose_total = prose_same = 0
    missed_by_kind: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        text = case["text"]
        result = redact(text)
        for kind, value in case["identifiers"]:
            ids_total += 1
            ids_gone += value not in result.text
            if value not in result.text and f"[{kind}]" in result.text and kind in result.found:
                ids_removed += 1
            else:
                missed_by_kind[kind] += 1
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
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(cases)} cases "
          f"({sum(1 for c in cases if c['identifiers'])} with identifiers)")
    print(f"  identifiers removed:     {pct(ids_removed, ids_total)}")
    print(f"  gone (as any kind):      {pct(ids_gone, ids_total)}")
    if missed_by_kind:
        print("  missed by kind:          " + ", ".join(f"{kind} {n}" for kind, n in missed_by_kind.most_common()))
    print(f"  must-keep strings kept:  {pct(keep_kept, keep_total)}")
    print(f"  prose unchanged:         {pct(prose_same, prose_total)}")
    if misses:
        print(f"  misses: {len(misses)}" + ("" if verbose else " (--verbose to list)"))
        if verbose:
            for miss in misses:
                print("   - " + miss)
    return [case["text"] for case in cases]


def faq_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(FAQ_DIR.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            texts.append(entry["question"])
            texts.extend(entry.get("variants") or [])
            texts.append(entry["answer"])
    return texts


def question_texts(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [item["q"] for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []]


def name_false_positives(label: str, texts: list[str], known: tuple[str, ...]) -> None:
    """Every [name] put into ``texts``: right if it covers (part of) a known person, else listed."""
    inserted = wrong = 0
    other_kinds: dict[str, int] = {}
    wrong_lines: list[str] = []
    for text in texts:
        for start, end, kind in privacy.identifier_spans(text):
            if kind != privacy.NAME:
                other_kinds[kind] = other_kinds.get(kind, 0) + 1
                continue
            inserted += 1
            value = text[start:end]
            if not any(value in person or person in value for person in known):
                wrong += 1
                context = text[max(0, start - 40) : end + 40].replace("\n", " ")
                wrong_lines.append(f"    [name] over {value!r}: ...{context}...")
    with_names = sum(1 for t in texts if "[name]" in redact(t).text)
    named = [(t, p) for t in texts for p in known if p in t]
    missed = [p for t, p in named if p in redact(t).text]
    print(
        f"  {label:<9} {len(texts):>4} texts, {sum(map(len, texts)):>7,} chars: {inserted} [name] put in "
        f"({with_names} texts), {wrong} false positive(s)"
        + (f"; people named {len(named)}, missed {len(missed)} {missed}" if known else "")
        + (f"; other kinds: {other_kinds}" if other_kinds else "")
    )
    for line in wrong_lines:
        print(line)


def best_ms(text: str, rounds: int = 5) -> float:
    best = float("inf")
    for _ in range(rounds):
        privacy.phones_in.cache_clear()  # cold, as in real use
        start = time.perf_counter()
        redact(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    files = CASE_FILES
    if "--cases" in argv:
        files = [Path(a) for a in argv[argv.index("--cases") + 1 :] if not a.startswith("-")]

    texts: list[str] = []
    for path in files:
        texts += case_figures(path, verbose)

    print("name redaction, false positives (each listed):")
    name_false_positives("FAQ", faq_texts(), ())
    name_false_positives("dev", question_texts(DEV_QUESTIONS), KNOWN_PEOPLE)
    name_false_positives("holdout", question_texts(HOLDOUT_QUESTIONS), KNOWN_PEOPLE)

    start = time.perf_counter()
    names.given_names.cache_clear()
    names.given_names()
    load_ms = (time.perf_counter() - start) * 1000

    timings: list[float] = []
    for _ in range(TIMING_ROUNDS):
        for text in texts:
            privacy.phones_in.cache_clear()  # time every text cold, as in real use
            start = time.perf_counter()
            redact(text)
            timings.append(time.perf_counter() - start)
    timings.sort()
    mean_ms = statistics.fmean(timings) * 1000
    p95_ms = timings[int(0.95 * (len(timings) - 1))] * 1000
    mean_len = statistics.fmean(len(t) for t in texts)
    print("time:")
    print(f"  given-name list loaded once in {load_ms:.0f} ms ({len(names.given_names()):,} names)")
    print(
        f"  per labelled text:   mean {mean_ms:.3f} ms, p95 {p95_ms:.3f} ms "
        f"(mean length {mean_len:.0f} chars, {TIMING_ROUNDS} rounds)"
    )
    print(f"  typical question:    {best_ms(TYPICAL_QUESTION, 50):.3f} ms ({len(TYPICAL_QUESTION)} chars)")
    mixed = " ".join(texts)
    print("  long texts (best of 5; questions strung together / plain prose):")
    for size in (1_000, 5_000, 10_000, 20_000, 40_000):
        dense = (mixed * (size // len(mixed) + 1))[:size]
        prose = (PROSE * (size // len(PROSE) + 1))[:size]
        d, p = best_ms(dense), best_ms(prose)
        print(f"    {size:>6,} chars: {d:6.1f} ms / {p:5.1f} ms   ({1000 * d / size:.2f} / {1000 * p / size:.2f} ms per kB)")
    big = (mixed * (50_000 // len(mixed) + 1))[:50_000]
    print(f"  one 50,000-char text (the most Slack allows and more): {best_ms(big):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
