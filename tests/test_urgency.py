"""Tests for bot.urgency: what signals a risk of serious harm now, by class, and what does not.

The examples are this project's own (never the blind set in tests/fixtures/blind/). Figures on the
development set are measured by benchmarks/urgency_figures.py; the floor asserted here only guards
against a change that breaks the classifier wholesale.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from bot import urgency, urgency_rules, wordgate
from bot.urgency import assess, signals_immediate_risk

DEV = Path(__file__).parent / "fixtures" / "urgent_dev.yaml"
DEV_ITEMS = yaml.safe_load(DEV.read_text(encoding="utf-8"))


def test_development_set_shape():
    assert len(DEV_ITEMS) >= 200
    urgent = sum(1 for item in DEV_ITEMS if item["urgent"])
    assert 0.4 <= urgent / len(DEV_ITEMS) <= 0.6
    assert all(set(item) <= {"q", "urgent", "kind"} and isinstance(item["urgent"], bool) for item in DEV_ITEMS)
    hard = [item for item in DEV_ITEMS if not item["urgent"] and item["kind"] != "soft"]
    assert len(hard) >= 60


def test_development_set_floor():
    urgent = [item["q"] for item in DEV_ITEMS if item["urgent"]]
    calm = [item["q"] for item in DEV_ITEMS if not item["urgent"]]
    recall = sum(map(signals_immediate_risk, urgent)) / len(urgent)
    false_alarms = sum(map(signals_immediate_risk, calm)) / len(calm)
    assert recall >= 0.95 and false_alarms <= 0.10, (recall, false_alarms)


def test_word_gates_never_hide_a_match():
    """A gate is a necessary condition: wherever a pattern matches, its gate must let it run."""
    texts = [urgency_rules.normalise(item["q"]) for item in DEV_ITEMS]
    for tag, gated in urgency_rules.INDEX.entries:
        for text in texts:
            if gated.rx.search(text):
                assert gated.may_match(wordgate.starts(text)), (gated.pattern, text)


@pytest.mark.parametrize("pattern, matching, gate_words", [
    (r"\b(?:hasn't|has not) (?:come|came) (?:back|home)\b", "she hasn't come home", {"come", "came"}),
    (r"\bsuicid\w*\b", "he is non-suicidal", {"suici"}),
    (r"(?:has|have|'s|'ve) got (?:a |the )?knife", "he's got a knife", {"got", "knife"}),
    (r"\b(?:he|she)(?:'ll| will) (?:\w+ ){0,2}?(?:kill|stab)\b", "she'll really kill", {"kill", "stab"}),
])
def test_gate_of_a_pattern(pattern, matching, gate_words):
    gate = wordgate.gate(pattern)
    assert gate is not None and gate & gate_words
    assert re.search(pattern, matching) and not gate.isdisjoint(wordgate.starts(matching))


def test_gate_unknown_for_patterns_without_a_word():
    assert wordgate.gate(r"^\d+$") is None
    assert wordgate.GatedPattern(r"^\d+$").may_match(set())


def test_fast_enough():
    questions = [item["q"] for item in DEV_ITEMS]
    start = time.perf_counter()
    for q in questions:
        assess(q)
    per_question = (time.perf_counter() - start) / len(questions)
    assert per_question < 0.005  # generous for slow CI machines; benchmarks/urgency_figures.py measures it


def test_long_and_odd_input_is_safe():
    assert signals_immediate_risk("") is False
    assert isinstance(signals_immediate_risk("x" * 100_000), bool)
    assert isinstance(signals_immediate_risk("((((( ''' \\\\ \u2019\u2019 ~ 2nite"), bool)
    assert urgency.MAX_CHARS == 5000


def test_explain_names_the_cues():
    verdict = assess("He's got a knife and says he's going round to hers tonight")
    assert verdict.urgent
    text = verdict.explain()
    assert "weapon" in text and "time" in text
