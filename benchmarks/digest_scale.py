#!/usr/bin/env python
"""The digest at scale: time and peak memory of ``build_digest`` for weeks of 1k to 50k questions.

    python benchmarks/digest_scale.py [--sizes 1000,5000,10000,50000] [--cli-size 10000]
        [--weeks-before 8] [--seed 14] [--timeout 900] [--repeat 3] [--surge 0.5]

For each size a store is filled (in one transaction, through the Store) with a week of that many
questions and the eight weeks before it (for the trend; each 70-110 % of the size), as a region's
Centre would see them: the dev set's questions (tests/fixtures/questions_dev.yaml), the common ones
asked far more often than the rare, in varied wording (greetings and context before, thanks after,
typos, lower case, words dropped or swapped for synonyms, redaction placeholders), plus one question
in ten made up of the sector's words and asked once (the long tail the FAQ misses). Each base
question's decision, FAQ entry and score come from the real matcher. People (a fifth as many as
questions, a few asking a lot), channels (40, and direct messages), escalations (most questions with
no entry, some answered) and ratings are spread over the week. With ``--surge S`` a share S of the
week's questions is a surge on one FAQ entry instead: questions worded differently each time, all
answered confidently with that entry (the week after a news story).

Then ``build_digest`` runs in a fresh process (one core: ``OMP_NUM_THREADS=1`` and, on Linux, the
process pinned to one CPU), which reports its wall time and the process's peak resident memory
(``ru_maxrss``); each measurement is run ``--repeat`` times and the fastest shown (the machine's other
work can only slow a run down). For ``--cli-size`` the whole command ``canishare digest --format json`` is measured
the same way, as its own process. Sizes that exceed ``--timeout`` are reported as such. A script,
not a test; the README's figures come from it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEEK = "2026-W47"
SURGE_ENTRY = "consent-always-required"

PREFIXES = ["", "", "", "quick one - ", "hi all, ", "morning! ", "sorry if this is obvious but ",
            "[name] here - ", "for a family I'm working with: ", "as a DSL, ", "housing officer here: ",
            "GP practice question: ", "Can anyone help? ", "new in post - ", "hi, "]
SUFFIXES = ["", "", "", " thanks", " any advice?", " cheers", " (urgent-ish)", " - asking for my team",
            " they live in [postcode]", " ring me on [phone] if easier", " thx", "??"]
SYNONYMS = {"share": "pass on", "information": "info", "info": "details", "client": "service user",
            "consent": "permission", "police": "the police", "records": "notes", "tell": "inform",
            "school": "academy", "council": "local authority", "data": "information", "can": "could"}
ROLES = ["social worker", "DSL", "health visitor", "housing officer", "youth worker", "GP", "PCSO",
         "probation officer", "school nurse", "care coordinator", "family support worker", "IDVA"]
THINGS = ["the chronology", "a risk assessment", "the referral form", "home address", "a care plan",
          "the EHCP", "a mental health diagnosis", "attendance data", "case notes", "a photo", "bank details",
          "immigration status", "a DBS outcome", "the tenancy file", "an injury map", "the strategy minutes"]
PARTNERS = ["a landlord", "the DWP", "an employer", "a foodbank", "the ambulance service", "a solicitor",
            "the fire service", "a neighbouring council", "a charity", "the probation service", "a journalist",
            "an MP", "a private fostering carer", "the ICO", "a school in Wales", "the Home Office"]
SITUATIONS = ["after a home visit", "for a court report", "before a strategy meeting", "during a hospital "
              "discharge", "for a serious case review", "after an eviction", "at a TAF meeting", "for a DHR",
              "when a child goes missing", "for a section 47", "after a cyber incident", "during an audit"]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    k = rng.randrange(1, len(word) - 2)
    return word[:k] + word[k + 1] + word[k] + word[k + 2:]


def vary(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(rng.choice((0, 1, 1, 2))):
        n = rng.randrange(len(words))
        key = words[n].lower().strip("?,.!")
        if key in SYNONYMS:
            words[n] = SYNONYMS[key]
        elif rng.random() < 0.5:
            words[n] = _typo(words[n], rng)
        elif len(words) > 6:
            del words[n]
    text = rng.choice(PREFIXES) + " ".join(words) + rng.choice(SUFFIXES)
    return text.lower() if rng.random() < 0.3 else text


def long_tail(rng: random.Random) -> str:
    return (f"Can a {rng.choice(ROLES)} give {rng.choice(THINGS)} to {rng.choice(PARTNERS)} "
            f"{rng.choice(SITUATIONS)}?")


def bases() -> list[dict]:
    """The dev set's questions with what the matcher makes of them today."""
    import yaml

    from bot.faq import load_faq
    from bot.matching import Matcher, match_redacted

    matcher = Matcher(load_faq())
    rows = yaml.safe_load((ROOT / "tests" / "fixtures" / "questions_dev.yaml").read_text(encoding="utf-8"))
    out = []
    for row in rows:
        match = match_redacted(matcher, row["q"])
        out.append({"text": row["q"], "decision": str(match.decision), "faq_id": match.entry.id if match.entry else None,
                    "score": round(match.score, 1), "suggestions": [e.id for e in match.suggestions]})
    return out


def surge_question(rng: random.Random) -> dict:
    """A question of a surge on one topic: different words each time, all answered with one entry."""
    text = (f"As a {rng.choice(ROLES)}, can I share {rng.choice(THINGS)} with {rng.choice(PARTNERS)} "
            f"{rng.choice(SITUATIONS)} without consent?")
    return {"text": vary(text, rng), "decision": "answer", "faq_id": SURGE_ENTRY, "score": 99.0,
            "suggestions": [SURGE_ENTRY]}


def fill(store, size: int, weeks_before: int, seed: int, surge: float = 0.0) -> None:
    """Write the week ``WEEK`` with ``size`` questions and ``weeks_before`` weeks before it; a share
    ``surge`` of the week's questions (not the weeks before) are a surge on one FAQ entry."""
    from bot.digest.weeks import shift_week, week_bounds

    rng = random.Random(seed)
    base = bases()
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(base))]  # a few questions asked far more often
    rng.shuffle(weights)
    for back in range(weeks_before, -1, -1):
        week = shift_week(WEEK, -back)
        count = size if back == 0 else int(size * rng.uniform(0.7, 1.1))
        start, end = (dt.datetime.fromisoformat(t) for t in week_bounds(week))
        span = (end - start).total_seconds()
        people = [f"U{seed:02d}{n:06d}" for n in range(max(20, count // 5))]
        person_weights = [1 / (n + 1) ** 0.5 for n in range(len(people))]
        channels = [f"C{n:08d}" for n in range(40)]
        questions = []
        askers = rng.choices(people, person_weights, k=count)
        picks = rng.choices(range(len(base)), weights, k=count)
        for n in range(count):
            at = (start + dt.timedelta(seconds=rng.uniform(0, span))).isoformat(timespec="seconds")
            if back == 0 and rng.random() < surge:
                row = surge_question(rng)
            elif rng.random() < 0.1:
                row = {"text": long_tail(rng), "decision": "escalate", "faq_id": None, "score": 12.0, "suggestions": []}
            else:
                b = base[picks[n]]
                row = {**b, "text": vary(b["text"], rng), "score": max(0.0, b["score"] + rng.uniform(-6, 6))}
            how = rng.random()
            source, channel = (("dm", "D" + askers[n][1:]) if how < 0.35 else ("mention", rng.choice(channels))
                               if how < 0.65 else ("command", rng.choice(channels)) if how < 0.95 else ("home", None))
            questions.append({
                "text": row["text"], "asker": askers[n], "source": source, "channel": channel, "decision": row["decision"],
                "faq_id": row["faq_id"], "score": row["score"], "suggestions": json.dumps(row["suggestions"]),
                "redacted_kinds": "[]", "urgent": 0, "created_at": at,
            })
        questions.sort(key=lambda q: q["created_at"])
        with store.transaction() as db:
            first = (db.execute("select coalesce(max(id), 0) from questions").fetchone()[0]) + 1
            db["questions"].insert_all(questions, batch_size=2000)
            escalations, feedback = [], []
            for n, q in enumerate(questions):
                if q["decision"] == "escalate" and rng.random() < 0.6:
                    opened = dt.datetime.fromisoformat(q["created_at"])
                    answered = rng.random() < 0.7
                    escalations.append({
                        "question_id": first + n, "state": "answered" if answered else "open", "urgent": 0,
                        "created_at": q["created_at"],
                        "answered_by": "UADVISOR" if answered else None,
                        "answered_at": (opened + dt.timedelta(hours=rng.uniform(0.2, 60))).isoformat(timespec="seconds")
                        if answered else None,
                    })
                elif q["faq_id"] and rng.random() < 0.15:
                    feedback.append({"question_id": first + n, "user": q["asker"], "faq_id": q["faq_id"],
                                     "rating": "not_helpful" if rng.random() < 0.25 else "helpful",
                                     "created_at": q["created_at"], "updated_at": q["created_at"]})
            db["escalations"].insert_all(escalations, batch_size=2000)
            db["feedback"].insert_all(feedback, batch_size=2000)


MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
started = time.perf_counter()
from bot.digest.figures import build_digest
from bot.faq import load_faq
from bot.store import Store
store = Store({db!r})
digest = build_digest(store, load_faq(), {week!r})
elapsed = time.perf_counter() - started
print(json.dumps({{"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "asked": digest.this_week.asked, "groups": len(digest.common.groups)}}))
"""

MEASURE_CLI = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - started
assert done.returncode == 0, done.stderr
json.loads(done.stdout)
print(json.dumps({"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def one_core() -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
           "PYTHONPATH": str(ROOT)}
    return env


def run_pinned(argv: list[str], env: dict, timeout: float) -> dict | None:
    taskset = ["taskset", "-c", "0"] if sys.platform.startswith("linux") and _has("taskset") else []
    try:
        done = subprocess.run(taskset + argv, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def best_of(runs: int, measure) -> dict | None:
    """The fastest of ``runs`` measurements (other work on the machine only ever slows one down)."""
    results = []
    for _ in range(max(1, runs)):
        result = measure()
        if result is None:
            return None
        results.append(result)
    return min(results, key=lambda r: r["seconds"])


def _has(program: str) -> bool:
    from shutil import which

    return which(program) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000,50000")
    parser.add_argument("--cli-size", type=int, default=10000, help="also time `canishare digest --format json` here")
    parser.add_argument("--weeks-before", type=int, default=8)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a size is given up")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest is shown")
    parser.add_argument("--surge", type=float, default=0.0,
                        help="share of the week's questions that are a surge on one entry, each worded differently")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    from bot.store import Store

    env = one_core()
    surge = f"; {args.surge:.0%} of the week a surge on {SURGE_ENTRY}" if args.surge else ""
    print(f"week {WEEK} and the {args.weeks_before} weeks before it; one core; seed {args.seed}{surge}\n")
    print(f"{'questions':>10}  {'build_digest':>12}  {'peak memory':>11}  {'vs first':>9}  groups listed")
    first = None
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            db = str(Path(folder) / f"week-{size}.db")
            store = Store(db)
            fill(store, size, args.weeks_before, args.seed, args.surge)
            store.close()
            result = best_of(args.repeat, lambda: run_pinned(
                [sys.executable, "-c", MEASURE.format(root=str(ROOT), db=db, week=WEEK)], env, args.timeout))
            if result is None:
                print(f"{size:>10,}  {'> ' + format(args.timeout, 'g') + ' s':>12}")
                continue
            first = first or (size, result["seconds"])
            ratio = result["seconds"] / first[1]
            print(f"{size:>10,}  {result['seconds']:>10.2f} s  {result['peak_mb']:>8.0f} MB  {ratio:>8.1f}x  "
                  f"{result['groups']}", flush=True)
            if size == args.cli_size:
                cli = best_of(args.repeat, lambda: run_pinned(
                    [sys.executable, "-c", MEASURE_CLI, sys.executable, "-m", "bot", "digest", "--week", WEEK,
                     "--format", "json"], {**env, "CANISHARE_DB": db}, args.timeout))
                cli_line = (f"`canishare digest --format json` at {size:,}: " +
                            (f"{cli['seconds']:.2f} s, peak {cli['peak_mb']:.0f} MB" if cli else
                             f"> {args.timeout:g} s"))
                print(f"{'':>10}  {cli_line}", flush=True)
            os.remove(db)
    print("\nvs first: the time over the first size's time (near-linear: at most 15x from 1,000 to 10,000)")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"(benchmark ran {time.perf_counter() - started:.0f} s)")
    sys.exit(status)
