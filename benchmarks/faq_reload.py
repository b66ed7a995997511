#!/usr/bin/env python
"""How long a question waits when the FAQ's files have just been edited, at a large FAQ.

    python benchmarks/faq_reload.py [--entries 3000] [--runs 3] [--seed S]

It writes the real FAQ plus ``--entries`` synthetic entries (``matching_latency.py``'s generator)
as YAML in a temporary folder, opens the service on it as ``canishare serve`` does (the FAQ
reloaded when edited, the matcher built before the first question), then, ``--runs`` times: edits
one file, times the question that first notices the edit (``Service.ask``), then a question every
half second while the reload runs, and the next question after it (the first to be answered from
the new FAQ). A question
asked with nothing edited is timed too, for comparison. This is a script, not a test: it asserts
nothing and its figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from matching_latency import SYNTHETIC_ANSWER, SyntheticFaqBuilder  # noqa: E402

from bot.faq import BUNDLED_FAQ_DIR, ReloadingFaq, load_faq  # noqa: E402
from bot.faq.near_duplicates import near_duplicate_phrasings  # noqa: E402
from bot.service import Service  # noqa: E402
from bot.store import Store  # noqa: E402

SOURCE = {"title": "ICO data sharing code",
          "url": "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/"}
QUESTIONS = ["Do I need consent to share with the police?", "can I tell the school about a child at risk",
             "is GDPR a barrier to sharing", "can I share a safeguarding concern with the GP"]


def write_large_faq(directory: Path, entries: int, seed: int) -> int:
    """The real FAQ's files and one of synthetic entries; how many entries in all."""
    real = load_faq(BUNDLED_FAQ_DIR, check_near_duplicates=False)
    for path in sorted(BUNDLED_FAQ_DIR.glob("*.yaml")):
        (directory / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    drawn = SyntheticFaqBuilder(real, seed).build(len(real) + entries * 11 // 10).entries
    clashing = {p.entry for p in near_duplicate_phrasings(drawn)}  # the generator's near-copies would not load
    synthetic = [e for e in drawn[len(real):] if e.id not in clashing][:entries]
    _write_synthetic(directory, synthetic, answer="Synthetic entry for the reload benchmark. " + SYNTHETIC_ANSWER)
    return len(real) + len(synthetic)


def _write_synthetic(directory: Path, synthetic, answer: str) -> None:
    rows = [{"id": e.id, "question": e.question, "variants": list(e.variants),
             "keywords": list(e.keywords), "answer": answer, "legal_basis": ["UK GDPR Article 6"],
             "sources": [SOURCE], "tags": ["synthetic"], "last_reviewed": "2026-01-01",
             "nations": ["england", "wales", "scotland", "northern-ireland"]} for e in synthetic]
    (directory / "zz-synthetic.yaml").write_text(yaml.safe_dump(rows, sort_keys=False), encoding="utf-8")


def edit(directory: Path, run: int) -> None:
    """A reviewer's edit: one answer in the synthetic file changed (the file is rewritten)."""
    path = directory / "zz-synthetic.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("reload benchmark.", f"reload benchmark (edit {run}).", 1), encoding="utf-8")


def timed_ask(service: Service, question: str) -> float:
    started = time.perf_counter()
    service.ask(question, "U-bench")
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=3000, help="synthetic entries added to the real FAQ")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder) / "faq"
        directory.mkdir()
        total = write_large_faq(directory, args.entries, args.seed)
        started = time.perf_counter()
        source = ReloadingFaq(directory)
        service = Service(Store(Path(folder) / "bench.db"), source)
        service.matcher().match("can I share this?")
        print(f"FAQ of {total} entries: loaded and matcher built in {time.perf_counter() - started:.1f} s")
        quiet = [timed_ask(service, q) for q in QUESTIONS]
        print(f"a question, nothing edited: median {statistics.median(quiet):.0f} ms")
        for run in range(1, args.runs + 1):
            edit(directory, run)
            noticing = timed_ask(service, QUESTIONS[run % len(QUESTIONS)])
            started = time.perf_counter()
            during = []  # questions asked while the reload runs beside them
            while hasattr(source, "wait_for_reload") and not source.wait_for_reload(timeout=0.5):
                during.append(timed_ask(service, QUESTIONS[len(during) % len(QUESTIONS)]))
            waited = (time.perf_counter() - started) * 1000
            if during:
                print(f"  {len(during)} questions asked during the reload: median {statistics.median(during):.0f} ms, "
                      f"slowest {max(during):.0f} ms")
            after = timed_ask(service, QUESTIONS[(run + 1) % len(QUESTIONS)])
            new = any(f"(edit {run})" in e.answer for e in service.faq)
            print(f"run {run}: the question that noticed the edit {noticing:,.0f} ms; then the reload ran "
                  f"{waited:,.0f} ms more in the background; the next question {after:,.0f} ms "
                  f"({'new' if new else 'OLD'} FAQ)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
