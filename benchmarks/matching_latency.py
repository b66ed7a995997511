#!/usr/bin/env python
"""Matching latency: the canishare matcher against a bare rapidfuzz scan, at several FAQ sizes.

    python benchmarks/matching_latency.py [--queries N] [--sizes real,1000,10000]
        [--large-queries M] [--large-bare K] [--seed S] [--no-startup] [--profile] [--rebuild]

For each FAQ size (the real FAQ, then synthetic FAQs of the given number of entries, which
contain the real entries too) it reports, single-threaded:

* index build time (``Matcher(faq)``, with the text caches cleared first, as in a fresh process);
* the matcher's first call (cold) on the new index;
* warm p50/p95 per question of ``Matcher.match`` on questions it has not seen before (a separate
  warm-up set is run first, so the caches are warm but hold none of the timed questions);
* on the same questions and the same phrasings, a bare ``rapidfuzz.process.extractOne(query,
  phrasings)`` (rapidfuzz defaults: scorer WRatio, processor None) and the same with
  ``scorer=fuzz.token_sort_ratio``; and the ratio of the matcher's p95 to bare WRatio's p95.

Then it times ``python -m bot ask "..."`` end to end (median of 5 runs) with a breakdown of
where the start-up goes. See benchmarks/README.md. This is a script, not a test: it asserts
nothing and its figures depend on the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import itertools
import json
import math
import pstats
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from rapidfuzz import fuzz, process  # noqa: E402

from bot import match_index, ranking, text  # noqa: E402
from bot.faq import Faq, FaqEntry, Source, load_faq  # noqa: E402
from bot.matching import Matcher  # noqa: E402

FAQ_DIR = REPO / "faq"
STARTUP_QUESTION = "Do I need consent to share with the police?"
WARMUP_QUERIES = 40
LARGE_SIZE = 5000  # sizes above this use --large-queries and --large-bare

# --------------------------------------------------------------------------------------------
# Vocabulary: the sector's words, as practitioners write them (multi-word items allowed).

SECTOR_WORDS = """
police|council|school|nursery|academy|college|GP|hospital|NHS trust|health visitor|midwife|
social worker|probation|housing association|landlord|charity|foodbank|youth offending team|
CAMHS|MASH|MARAC|DSL|DPO|Caldicott guardian|ambulance service|fire service|prison|court|
solicitor|Ofsted|CQC|DWP|HMRC|Home Office|care home|home care agency|hospice|pharmacy|dentist|
advocate|interpreter|foster carer|adoption agency|children's home|virtual school|youth worker|
family hub|early help|drug and alcohol service|mental health team|IDVA|refuge|safeguarding board|
health and wellbeing board|ICB|district nurse|school nurse|paramedic|housing officer|
benefits team|debt advice|food bank volunteer|church|mosque|sports club|tenant|resident|patient|
service user|client|pupil|parent|carer|young person|adult at risk|victim|witness|perpetrator|
offender|address|phone number|date of birth|NHS number|case notes|referral|safeguarding concern|
medical records|diagnosis|prescription|CCTV footage|bodycam footage|photos|school records|
attendance|exclusion|criminal record|DBS check|conviction|allegation|risk assessment|care plan|
EHCP|chronology|minutes|child protection plan|immigration status|benefits|tenancy|rent arrears|
bank details|email address|ethnicity|religion|sexual orientation|HIV status|pregnancy|
self-harm|overdose|domestic abuse|county lines|exploitation|missing episode|neglect|
hoarding|fire risk|anti-social behaviour|hate crime|radicalisation|Prevent|FGM|forced marriage|
share|disclose|pass on|send|email|forward|report|refer|publish|store|keep|delete|redact|
anonymise|pseudonymise|record|access|request|withhold|transfer|upload|print|post|photograph|
GDPR|DPA|Article 6|Article 9|Schedule 1|public task|legal obligation|vital interests|consent|
legitimate interests|Caldicott principles|Children Act|Care Act|section 47|section 17|
section 115|Crime and Disorder Act|Human Rights Act|Article 8|confidentiality|best interests|
mental capacity|Gillick|lawful basis|DPIA|data sharing agreement|privacy notice|retention|
data breach|subject access request|FOI request|national data opt-out|court order|warrant|
home visit|strategy meeting|core group|case conference|out of hours|weekend|Teams chat|
WhatsApp group|personal phone|memory stick|cloud drive|shared drive|paper file|spreadsheet|
newsletter|Facebook|press|journalist|MP|councillor|researcher|auditor|insurer|employer
"""
SECTOR_ITEMS = [w.strip() for w in SECTOR_WORDS.replace("\n", "").split("|") if w.strip()]

OFF_TOPIC = [
    "book annual leave", "reset my password", "claim mileage", "get a new laptop", "find the wifi password",
    "get the car park code", "submit my timesheet", "order printer toner", "book a meeting room",
    "change my bank details for payroll", "report a broken chair", "join the staff choir",
    "get a parking permit", "find the fire drill rota", "update my out of office", "book the minibus",
    "renew my ID badge", "sign up for the cycle to work scheme", "fix my Outlook calendar",
    "get a second monitor", "find the lost property box", "request a flexible working pattern",
    "set up my voicemail", "get into the building after 7pm",
]
OFF_TOPIC_FORMS = [
    "how do I {x}", "where can I {x}", "anyone know how to {x}?", "who do I ask to {x}", "can I {x} today",
    "is it possible to {x} online", "what's the process to {x}", "{x} - who deals with this?",
]
PREFIXES = [
    "I'm a GP and", "Quick one:", "School DSL here -", "As a housing officer,", "Hi all,", "probation officer asking:",
    "hi team, quick question -", "I work in a care home and", "Health visitor here:", "Sorry if this is obvious but",
    "From a charity caseworker -", "I'm a social worker and", "Police officer here,", "New to the role -",
    "Ward sister on nights:", "youth worker, urgent:", "Hello, I'm a midwife and", "Council tenancy officer here.",
]
SUFFIXES = [
    "- it's urgent", "for a strategy meeting tomorrow", "thanks in advance", "(England)", "?? help",
    "before I get in trouble", "the family haven't agreed", "it's for a referral", "asap please", "cheers",
]
KEYBOARD_NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wertyuiopqsdfghjklaxcvbnmz"))

_WORD = re.compile(r"^(\W*)(.*?)(\W*)$")


def _is_content(word: str) -> bool:
    core = word.casefold()
    return len(core) >= 3 and core.isalpha() and core not in text.STOPWORDS


def build_vocabulary(real: Faq) -> tuple[list[str], list[float]]:
    """Sector items plus the real FAQ's own content words, weighted by how often the FAQ uses them
    (square-rooted, so common words recur across entries without swamping everything)."""
    counts: dict[str, int] = {}
    for entry in real:
        for phrasing in (*entry.phrasings, *entry.keywords):
            for raw in phrasing.split():
                core = _WORD.match(raw).group(2)
                if _is_content(core):
                    counts[core.casefold()] = counts.get(core.casefold(), 0) + 1
    for item in SECTOR_ITEMS:
        counts[item] = counts.get(item, 0) + 2
    items = sorted(counts)
    return items, [math.sqrt(counts[i]) for i in items]


# --------------------------------------------------------------------------------------------
# Synthetic FAQ: real sentence skeletons, content words redrawn around a per-entry topic.


# long enough for lint's documented range, so that a synthetic FAQ loads without a warning per entry
SYNTHETIC_ANSWER = " ".join(["This synthetic entry stands in for a real answer in the latency benchmark."] * 6)


class SyntheticFaqBuilder:
    def __init__(self, real: Faq, seed: int):
        self.real = real
        self.vocab, weights = build_vocabulary(real)
        self.cum_weights = list(itertools.accumulate(weights))
        self.skeletons_q = [e.question.split() for e in real]
        self.skeletons_v = [v.split() for e in real for v in e.variants]
        self.seed = seed

    def build(self, size: int) -> Faq:
        if size < len(self.real):
            raise SystemExit(f"size {size} is smaller than the real FAQ ({len(self.real)} entries)")
        rng = random.Random(f"{self.seed}-faq-{size}")
        synthetic = [self._entry(rng, size, i) for i in range(size - len(self.real))]
        return Faq(tuple(self.real.entries) + tuple(synthetic), f"synthetic-{size}")

    def _draw(self, rng: random.Random) -> str:
        return rng.choices(self.vocab, cum_weights=self.cum_weights)[0]

    def _entry(self, rng: random.Random, size: int, number: int) -> FaqEntry:
        # The topic: what the entry is about; it recurs in most phrasings, as in the real FAQ.
        topic = [rng.choice(SECTOR_ITEMS), self._draw(rng), rng.choice(self.vocab)]
        topic = list(dict.fromkeys(topic))
        question = self._phrasing(rng, rng.choice(self.skeletons_q), topic, keep=0.35)
        seen = {question.casefold()}
        variants: list[str] = []
        wanted = rng.randint(11, 15)
        while len(variants) < wanted:
            included = [t for t in topic if rng.random() < 0.75] or rng.sample(topic, 1)
            variant = self._phrasing(rng, rng.choice(self.skeletons_v), included, keep=0.3)
            if variant.casefold() not in seen:
                seen.add(variant.casefold())
                variants.append(variant)
        keywords = tuple(t for t in topic if rng.random() < 0.6)
        return FaqEntry(
            id=f"synthetic-{size}-{number:05d}",
            question=question,
            variants=tuple(variants),
            answer=SYNTHETIC_ANSWER,
            legal_basis=("UK GDPR Article 6(1)(e)",),
            sources=(Source("benchmark"),),
            tags=("synthetic",),
            last_reviewed=dt.date(2026, 1, 1),
            keywords=keywords,
        )

    def _phrasing(self, rng: random.Random, skeleton: list[str], topic: list[str], keep: float) -> str:
        words = list(skeleton)
        content = [i for i, w in enumerate(words) if _is_content(_WORD.match(w).group(2))]
        rng.shuffle(content)
        slots = content[: len(topic)]
        pending = topic[len(slots):]
        for position, item in zip(slots, topic):
            words[position] = _replace_core(words[position], item)
        for position in content[len(topic):]:
            if rng.random() >= keep:
                words[position] = _replace_core(words[position], self._draw(rng))
        for item in pending:  # a short skeleton: insert what did not fit
            words.insert(rng.randint(0, len(words)), item)
        return " ".join(words)


def _replace_core(word: str, new: str) -> str:
    lead, _, trail = _WORD.match(word).groups()
    return f"{lead}{new}{trail}"


# --------------------------------------------------------------------------------------------
# Queries: perturbed real phrasings plus some off-topic questions; every one distinct.


class QueryMaker:
    def __init__(self, real: Faq, seed: int):
        self.rng = random.Random(f"{seed}-queries")
        self.sources = [(e.id, p) for e in real for p in e.phrasings]
        self.seen: set[str] = set()

    def take(self, count: int) -> list[tuple[str, str | None]]:
        """``count`` new (question, source entry id or None for off-topic) pairs."""
        out = []
        while len(out) < count:
            pair = self._off_topic() if self.rng.random() < 0.1 else self._perturbed()
            key = " ".join(pair[0].casefold().split())
            if key not in self.seen:
                self.seen.add(key)
                out.append(pair)
        return out

    def _off_topic(self) -> tuple[str, None]:
        rng = self.rng
        question = rng.choice(OFF_TOPIC_FORMS).format(x=rng.choice(OFF_TOPIC))
        if rng.random() < 0.5:
            question = f"{rng.choice(PREFIXES)} {question}"
        return question, None

    def _perturbed(self) -> tuple[str, str]:
        rng = self.rng
        entry_id, phrasing = rng.choice(self.sources)
        words = phrasing.split()
        for _ in range(rng.randint(1, 3)):
            kind = rng.choice(("drop", "replace", "prefix", "suffix", "typo", "typo", "slack"))
            if kind == "drop" and len(words) > 4:
                del words[rng.randrange(len(words))]
            elif kind == "replace":
                position = rng.randrange(len(words))
                words[position] = _replace_core(words[position], rng.choice(SECTOR_ITEMS))
            elif kind == "prefix":
                words = rng.choice(PREFIXES).split() + [words[0][:1].lower() + words[0][1:], *words[1:]]
            elif kind == "suffix":
                words = words + rng.choice(SUFFIXES).split()
            elif kind == "typo":
                long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
                for position in rng.sample(long_words, min(len(long_words), rng.randint(1, 2))):
                    words[position] = _typo(rng, words[position])
            elif kind == "slack":
                words = [re.sub(r"[^\w']", "", w).lower() or w for w in words]
        return " ".join(words), entry_id


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1:]  # swap
    if kind == 1:
        return word[:i] + word[i + 1:]  # drop
    if kind == 2:
        return word[:i] + word[i] + word[i:]  # double
    return word[:i] + KEYBOARD_NEIGHBOURS.get(word[i].lower(), word[i]) + word[i + 1:]  # neighbour key


# --------------------------------------------------------------------------------------------
# Timing.


def clear_caches() -> None:
    """Forget every memoised text result, as a fresh process would."""
    text.normalise.cache_clear()
    text.content_tokens.cache_clear()
    text.content_words.cache_clear()
    text.match_tokens.cache_clear()
    text.stem.cache_clear()
    match_index.phrasing_tokens.cache_clear()
    match_index.cached_index.cache_clear()
    ranking._phrasing_vectors.clear()
    ranking.embedder()._word_ids.cache_clear()


def percentile(values_ns: list[int], pct: float) -> float:
    """Nearest-rank percentile, in milliseconds."""
    ordered = sorted(values_ns)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1] / 1e6


def _ms(start: int) -> float:
    return (time.perf_counter_ns() - start) / 1e6


def run_size(
    label: str, faq: Faq, queries: QueryMaker, count: int, bare_count: int, profile: bool, rebuild: bool
) -> dict:
    clear_caches()
    gc.collect()
    start = time.perf_counter_ns()
    matcher = Matcher(faq)
    build_ms = _ms(start)

    phrasings = [p for e in faq for p in e.phrasings]
    owners = [e.id for e in faq for _ in e.phrasings]

    cold_question = queries.take(1)[0][0]
    start = time.perf_counter_ns()
    matcher.match(cold_question)
    cold_ms = _ms(start)
    start = time.perf_counter_ns()
    process.extractOne(cold_question, phrasings)
    bare_cold_ms = _ms(start)

    for number, (question, _) in enumerate(queries.take(WARMUP_QUERIES)):
        matcher.match(question)
        if number < 3:  # rapidfuzz has no caches to warm: a few calls settle the CPU caches
            process.extractOne(question, phrasings)
            process.extractOne(question, phrasings, scorer=fuzz.token_sort_ratio)

    # Back to back: fresh questions one after another, nothing else run between them.
    gc.collect()
    cpu_steady = []
    for question, _ in queries.take(count):
        cpu_start = time.thread_time_ns()
        matcher.match(question)
        cpu_steady.append(time.thread_time_ns() - cpu_start)

    # Interleaved: each fresh question right after the bare scans of the one before, which leave the
    # CPU caches holding their data rather than the matcher's (as other work between questions would).
    timed = queries.take(count)
    t_matcher, t_wratio, t_sort, cpu_matcher = [], [], [], []
    hits = {"matcher": 0, "wratio": 0, "on_topic": 0, "on_topic_bare": 0, "matcher_on_bare": 0}
    decisions: dict[str, int] = {}
    gc.collect()
    for number, (question, source) in enumerate(timed):
        cpu_start, start = time.thread_time_ns(), time.perf_counter_ns()
        match = matcher.match(question)
        t_matcher.append(time.perf_counter_ns() - start)
        cpu_matcher.append(time.thread_time_ns() - cpu_start)
        decisions[match.decision] = decisions.get(match.decision, 0) + 1
        if source is not None:
            hits["on_topic"] += 1
            hits["matcher"] += match.entry is not None and match.entry.id == source
        if number >= bare_count:
            continue
        start = time.perf_counter_ns()
        best = process.extractOne(question, phrasings)
        t_wratio.append(time.perf_counter_ns() - start)
        start = time.perf_counter_ns()
        process.extractOne(question, phrasings, scorer=fuzz.token_sort_ratio)
        t_sort.append(time.perf_counter_ns() - start)
        if source is not None:
            hits["on_topic_bare"] += 1
            hits["wratio"] += best is not None and owners[best[2]] == source
            hits["matcher_on_bare"] += match.entry is not None and match.entry.id == source

    profile_text = ""
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for question, _ in queries.take(len(timed)):  # fresh questions, like the timed ones
            matcher.match(question)
        profiler.disable()
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(14)
        profile_text = stream.getvalue()

    rebuild_ms = None
    if rebuild:  # what the service does when an advisor's answer teaches a phrasing: a full rebuild
        start = time.perf_counter_ns()
        matcher.with_learned_phrasing(faq.entries[0].id, "can I let the cops know about this one")
        rebuild_ms = _ms(start)

    index = matcher._index
    return {
        "rebuild_ms": rebuild_ms,
        "label": label,
        "entries": len(faq),
        "phrasings": len(phrasings),
        "vocabulary": len(index.vocabulary),
        "longest_posting": max(len(p) for p in index.postings.values()),
        "queries": len(timed),
        "bare_queries": len(t_wratio),
        "build_ms": build_ms,
        "cold_ms": cold_ms,
        "bare_cold_ms": bare_cold_ms,
        "matcher": (percentile(t_matcher, 50), percentile(t_matcher, 95)),
        "matcher_cpu": (percentile(cpu_matcher, 50), percentile(cpu_matcher, 95)),
        "matcher_cpu_steady": (percentile(cpu_steady, 50), percentile(cpu_steady, 95)),
        "wratio": (percentile(t_wratio, 50), percentile(t_wratio, 95)),
        "token_sort": (percentile(t_sort, 50), percentile(t_sort, 95)),
        "hits": hits,
        "decisions": decisions,
        "profile": profile_text,
    }


# --------------------------------------------------------------------------------------------
# Start-up of `python -m bot ask`.

_BREAKDOWN = r"""
import datetime, json, sys, time
t0 = time.perf_counter()
import bot.cli
t1 = time.perf_counter()
from pathlib import Path
from bot import faq as F
from bot.faq import load as L
entries = []
for path in F.faq_files(Path(sys.argv[1])):
    entries += L._load_file(path, datetime.date.today())[0]
t2 = time.perf_counter()
from bot.faq.near_duplicates import near_duplicate_phrasings
near_duplicate_phrasings(entries)
t3 = time.perf_counter()
from bot.matching import Matcher
t4 = time.perf_counter()
matcher = Matcher(F.Faq(tuple(entries)))
t5 = time.perf_counter()
matcher.match(sys.argv[2])
t6 = time.perf_counter()
print(json.dumps({"import bot.cli": t1 - t0, "YAML parse (8 files)": t2 - t1,
                  "near-duplicate lint": t3 - t2, "import bot.matching": t4 - t3,
                  "Matcher build": t5 - t4, "first match": t6 - t5}))
"""


def _run(argv: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter_ns()
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True)
    return _ms(start), done


def startup(runs: int = 5) -> None:
    ask = [sys.executable, "-m", "bot", "ask", STARTUP_QUESTION]
    times = []
    for _ in range(runs):
        elapsed, done = _run(ask)
        if done.returncode != 0:
            print(f"  `python -m bot ask` failed ({done.returncode}): {done.stderr.strip()[:300]}")
            return
        times.append(elapsed)
    bare = statistics.median(_run([sys.executable, "-c", "pass"])[0] for _ in range(runs))
    print(f'`python -m bot ask "{STARTUP_QUESTION}"`: median {statistics.median(times):.0f} ms '
          f"of {runs} (min {min(times):.0f}, max {max(times):.0f}); bare `python -c pass`: {bare:.0f} ms")
    parts: dict[str, list[float]] = {}
    for _ in range(3):
        _, done = _run([sys.executable, "-c", _BREAKDOWN, str(FAQ_DIR), STARTUP_QUESTION])
        if done.returncode != 0:  # private loader functions renamed: skip the breakdown
            print(f"  (breakdown unavailable: {done.stderr.strip().splitlines()[-1:]})")
            return
        for name, seconds in json.loads(done.stdout).items():
            parts.setdefault(name, []).append(seconds * 1000)
    print("  in-process breakdown (median of 3 fresh processes): "
          + ", ".join(f"{name} {statistics.median(v):.0f} ms" for name, v in parts.items()))


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=300, help="timed questions per size (default 300)")
    parser.add_argument("--large-queries", type=int, help=f"timed questions for sizes over {LARGE_SIZE} "
                        "(default: --queries / 3)")
    parser.add_argument("--large-bare", type=int, help=f"for sizes over {LARGE_SIZE}, time the bare scans on "
                        "only the first K of those questions, they take ~1 s each (default: 40 %% of --large-queries)")
    parser.add_argument("--sizes", default="real,1000,10000", help="comma-separated: real and/or entry counts")
    parser.add_argument("--seed", type=int, default=2024, help="seed for the synthetic FAQs and the questions")
    parser.add_argument("--no-startup", action="store_true", help="skip timing `python -m bot ask`")
    parser.add_argument("--profile", action="store_true", help="cProfile the matcher at the largest size")
    parser.add_argument("--rebuild", action="store_true", help="also time Matcher.with_learned_phrasing "
                        "(a full rebuild, caches warm) at each size")
    args = parser.parse_args(argv)
    large = args.large_queries or max(20, args.queries // 3)
    large_bare = min(large, args.large_bare or max(10, large * 2 // 5))

    real = load_faq(FAQ_DIR)
    builder = SyntheticFaqBuilder(real, args.seed)
    queries = QueryMaker(real, args.seed)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    largest = max(sizes, key=lambda s: len(real) if s == "real" else int(s))

    print(f"canishare matching latency - Python {sys.version.split()[0]}, rapidfuzz "
          f"{__import__('rapidfuzz').__version__}, single thread, seed {args.seed}")
    print("bare = rapidfuzz.process.extractOne(query, phrasings) over the same phrasings: default scorer "
          "WRatio, default processor None (raw strings, case-sensitive); bare sort = the same with "
          "scorer=fuzz.token_sort_ratio")
    print("times per question in ms; warm = after a separate warm-up set, timed questions not seen before\n")

    results = []
    for size in sizes:
        if size == "real":
            faq, label = real, "real"
        else:
            start = time.perf_counter_ns()
            faq, label = builder.build(int(size)), size
            print(f"  (generated synthetic FAQ of {int(size):,} entries in {_ms(start):.0f} ms)", flush=True)
        count, bare_count = (large, large_bare) if len(faq) > LARGE_SIZE else (args.queries, args.queries)
        results.append(run_size(
            label, faq, queries, count, bare_count, args.profile and size == largest, args.rebuild
        ))

    header = (f"{'size':>6} {'entries':>7} {'phrasings':>9} {'build':>8} {'cold':>6} "
              f"{'matcher p50/p95':>16} {'bare WRatio p50/p95':>20} {'bare sort p50/p95':>18} {'p95 m/WR':>8} {'n m/bare':>8}")
    print()
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r['label']:>6} {r['entries']:>7,} {r['phrasings']:>9,} {r['build_ms']:>8.0f} {r['cold_ms']:>6.2f} "
              f"{r['matcher'][0]:>7.2f} /{r['matcher'][1]:>7.2f} {r['wratio'][0]:>9.2f} /{r['wratio'][1]:>8.2f} "
              f"{r['token_sort'][0]:>8.2f} /{r['token_sort'][1]:>8.2f} {r['matcher'][1] / r['wratio'][1]:>8.2f} "
              f"{r['queries']:>4}/{r['bare_queries']:<3}")
    print("build = Matcher(faq) ms with empty text caches; cold = the new matcher's first match() ms; "
          "p95 m/WR = matcher p95 / bare WRatio p95")
    print("matcher CPU time of its own thread p50/p95 (what wall time would be on an idle machine; "
          f"load average now {', '.join(f'{x:.1f}' for x in __import__('os').getloadavg())} on "
          f"{__import__('os').cpu_count()} cores): "
          + ", ".join(f"{r['label']} {r['matcher_cpu'][0]:.2f} / {r['matcher_cpu'][1]:.2f} ms" for r in results))
    print("  (the matcher columns: each question timed right after the bare scans of the one before, which leave "
          "the CPU caches cold for it)\nmatcher CPU time back to back, as many other fresh questions one after "
          "another with nothing between: "
          + ", ".join(f"{r['label']} {r['matcher_cpu_steady'][0]:.2f} / {r['matcher_cpu_steady'][1]:.2f} ms"
                      for r in results))

    print("\nsanity (not an accuracy eval): top entry is the perturbed question's source entry, on-topic questions")
    for r in results:
        h = r["hits"]
        on, on_bare = max(h["on_topic"], 1), max(h["on_topic_bare"], 1)
        decided = ", ".join(f"{k} {v}" for k, v in sorted(r["decisions"].items()))
        print(f"{r['label']:>6}: matcher {100 * h['matcher'] / on:5.1f} % (of {h['on_topic']}), bare WRatio "
              f"{100 * h['wratio'] / on_bare:5.1f} % (of {h['on_topic_bare']}; matcher on the same: "
              f"{100 * h['matcher_on_bare'] / on_bare:5.1f} %); matcher decisions: {decided}; vocabulary {r['vocabulary']:,} tokens, "
              f"longest posting list {r['longest_posting']:,} entries; bare WRatio cold {r['bare_cold_ms']:.1f} ms")

    if args.rebuild:
        print("\nrebuild for one learned phrasing (with_learned_phrasing, text caches warm): "
              + ", ".join(f"{r['label']} {r['rebuild_ms']:.0f} ms" for r in results))

    for r in results:
        if r["profile"]:
            print(f"\ncProfile of the matcher at {r['label']} ({r['queries']} fresh questions, by own time):")
            print(r["profile"].strip())

    if not args.no_startup:
        print()
        startup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
