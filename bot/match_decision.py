"""The matcher's decision: fuse the three signals, weigh their agreement, answer, suggest or escalate.

``bot.matching`` ranks the candidate entries with three signals (lexical, BM25, semantic); this
module turns them into a ``Match``:
- ``escalate`` when the question has no evidence: no known word, or only one everyday word
  ("meeting", "file") the FAQ happens to use, or when it reads as instructions to the bot;
- ``answer`` when the best entry's confidence (its fused score, less ``Thresholds.disagreement``
  for each signal that puts another entry first) clears the answer line and it leads the
  runner-up clearly;
- ``suggest`` between the suggest and answer lines: the signals disagree, or agree without
  enough strength, so the asker chooses;
- ``escalate`` below that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from bot import lexicon
from bot.faq import FaqEntry
from bot.records import Decision

ANSWER, SUGGEST, ESCALATE = Decision.ANSWER, Decision.SUGGEST, Decision.ESCALATE


@dataclass(frozen=True)
class Thresholds:
    """The one place where the matcher's decisions are tuned (see ``canishare eval``). The defaults
    are fitted by 5-fold cross-validation on the dev set and the holdout
    (``python benchmarks/matching_cv.py --lead 6 --disagreement 10``): the weights for ranking, then
    the answer and suggest lines; the lead, evidence and disagreement are fixed, not fitted."""

    answer: float = 60.0  # best score at or above this, with a clear lead, is answered (see README: Matching)
    suggest: float = 45.0  # best score at or above this gets "did you mean" choices
    lead: float = 6.0  # an answer needs this many points over the runner-up
    # Answers and suggestions both need this much matched meaning (sum of idf x centrality, where a
    # word only one entry uses weighs 1): a rare term or several common ones, never one stray word.
    evidence: float = 0.3
    max_suggestions: int = 3
    suggestion_window: float = 15.0  # suggestions are within this many points of the best
    # How much each signal counts in the fused score (``bot.ranking``); any scale, they are normalised.
    lexical_weight: float = 0.4
    bm25_weight: float = 0.2
    semantic_weight: float = 0.5
    # Points off the best entry's fused score for each signal that puts another entry first: the
    # question's score (``Match.score``) is this confidence, so a disagreement keeps it off the answer line.
    disagreement: float = 10.0



# A word at least this common in everyday English (``bot.lexicon``) is not, alone, evidence.
EVERYDAY_COUNT = 30_000_000
# An entry's word is "central" to it (and so can stand alone as evidence) from this centrality.
CENTRAL_ALONE = 0.75
# Text that tells the bot what to do rather than asking about sharing: never answered.
INSTRUCTIONS = re.compile(
    r"\b(?:ignore|disregard|forget)\b.{0,40}\b(?:instructions?|prompts?|rules|guidelines|above|previous|"
    r"everything|programming|training)\b"
    r"|\boverride\b.{0,30}\b(?:instructions?|prompts?|safety|system|programming)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bjailbreak|\b(?:developer|admin|god|sudo|unrestricted) mode\b"
    r"|\bpretend (?:to be|you are|you're)\b|\bact as (?:a|an|my|if)\b|\brole ?play\b|\bnew instructions\b"
    r"|\bdo anything now\b|\bfrom now on,? you\b"
    r"|\b(?:respond|reply|answer) (?:only )?with\b.{0,20}\b(?:yes|no|ok|true)\b"
    r"|\b(?:just|always|only) (?:say|answer|reply)\b.{0,10}\b(?:yes|ok|true)\b"
    r"|\b(?:reveal|show|print|repeat|output|tell me)\b.{0,15}\b(?:your|the) (?:system |hidden |initial )?"
    r"(?:prompt|instructions)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Scored:
    entry: FaqEntry
    score: float  # fused, 0-100
    matched_terms: tuple[str, ...] = ()
    closest_phrasing: str = ""
    evidence: float = 0.0
    lexical: float = 0.0  # 0-100, the lexical scorer
    bm25: float = 0.0  # raw BM25
    semantic: float = 0.0  # best cosine, 0-1


@dataclass(frozen=True)
class Match:
    decision: Decision
    # Confidence (0-100) that the best entry answers the question: its fused score less the points
    # for disagreeing signals. It is at or above ``Thresholds.answer`` exactly when the decision is
    # answer, and at or above ``Thresholds.suggest`` exactly when it is answer or suggest.
    score: float
    ranked: tuple[Scored, ...] = ()  # best first; empty when nothing in the FAQ overlaps
    suggestions: tuple[FaqEntry, ...] = ()  # what the decision offers, best first
    question_terms: tuple[str, ...] = ()
    reason: str = ""  # why this decision, in a few words
    firsts: tuple[tuple[str, str], ...] = ()  # (signal, entry id it puts first)
    corrections: tuple[tuple[str, str], ...] = ()  # (question word, the word it was read as)

    @property
    def entry(self) -> FaqEntry | None:
        """The best entry (also for suggest and escalate), or None."""
        return self.ranked[0].entry if self.ranked else None

    def explain(self) -> str:
        lines = [f"decision: {self.decision}: {self.reason or '-'}"]
        lines.append(f"question terms: {', '.join(self.question_terms) or '-'}")
        if self.corrections:
            lines.append("read as: " + ", ".join(f"{a} -> {b}" for a, b in self.corrections))
        if not self.ranked:
            lines.append("no FAQ entry shares a meaningful word with the question")
            return "\n".join(lines)
        if self.firsts:
            lines.append("first by each signal: " + ", ".join(f"{name} {entry_id}" for name, entry_id in self.firsts))
        best = self.ranked[0]
        lines += [
            f"best: {best.entry.id} ({best.score:.1f}) via terms {', '.join(best.matched_terms) or '-'}",
            f"closest phrasing: {best.closest_phrasing!r}",
        ]
        for s in self.ranked[:4]:
            lines.append(
                f"  {s.entry.id:<42} fused {s.score:5.1f} = lexical {s.lexical:5.1f}, bm25 {s.bm25:5.2f}, "
                f"semantic {s.semantic:.2f}; evidence {s.evidence:.2f}"
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class Signals:
    """A question's terms and its candidate entries with each signal's raw value (unfused)."""

    terms: tuple[str, ...]
    ranked: tuple[Scored, ...]  # candidates, in no particular order
    corrections: tuple[tuple[str, str], ...]
    instructions: bool  # the question tells the bot what to do
    surfaces: Mapping[str, str]  # token -> the question's word for it


def fuse(ranked: Sequence[Scored], limits: Thresholds) -> list[Scored]:
    """The candidates with their fused score (0-100), best first."""
    total = limits.lexical_weight + limits.bm25_weight + limits.semantic_weight or 1.0
    top_bm25 = max((s.bm25 for s in ranked), default=0.0) or 1.0
    fused = []
    for s in ranked:
        value = (
            limits.lexical_weight * s.lexical / 100 + limits.bm25_weight * s.bm25 / top_bm25
            + limits.semantic_weight * s.semantic
        ) / total
        fused.append(Scored(s.entry, round(100 * value, 2), s.matched_terms, s.closest_phrasing, s.evidence,
                            s.lexical, s.bm25, s.semantic))
    fused.sort(key=lambda s: (-s.score, s.entry.id))
    return fused


def _firsts(ranked: Sequence[Scored]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (name, max(ranked, key=lambda s: (key(s), s.entry.id == ranked[0].entry.id)).entry.id)
        for name, key in (("lexical", lambda s: s.lexical), ("bm25", lambda s: s.bm25),
                          ("semantic", lambda s: s.semantic))
    )


def has_evidence(
    signals: Signals, best: Scored, limits: Thresholds, centrality: Mapping[str, float] | None = None
) -> bool:
    """Enough matched meaning for an answer or a suggestion: several of the question's words the best
    entry uses, adding up to ``limits.evidence``, or one word that is both central to that entry and
    no everyday word ("marac", "caldicott", "consent" but not "meeting" or "file")."""
    if best.evidence < limits.evidence:
        return False
    matched = [t for t in signals.terms if t in best.matched_terms]
    if len(matched) >= 2:
        return True
    if not matched:
        return False
    word = signals.surfaces.get(matched[0], matched[0])
    central = centrality is None or centrality.get(matched[0], 0.0) >= CENTRAL_ALONE
    return central and lexicon.count(word) < EVERYDAY_COUNT


def decide(signals: Signals, limits: Thresholds, centrality_of=None) -> Match:
    """The decision for a question's signals under ``limits`` (see the module's docstring)."""
    terms, corrections = signals.terms, signals.corrections
    if not signals.ranked:
        reason = "no meaningful word" if not terms else "no word the FAQ uses"
        return Match(ESCALATE, 0.0, question_terms=terms, reason=reason, corrections=corrections)
    ranked = fuse(signals.ranked, limits)
    best = ranked[0]
    firsts = _firsts(ranked)
    common = dict(terms=terms, reason="", firsts=firsts, corrections=corrections)
    centrality = centrality_of(best.entry.id) if centrality_of else None
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    agreeing = sum(1 for _, entry_id in firsts if entry_id == best.entry.id)
    confidence = round(max(0.0, best.score - limits.disagreement * (len(firsts) - agreeing)), 2)
    below_suggest = min(confidence, max(0.0, limits.suggest - 0.01))
    if signals.instructions:
        common["reason"] = "the question reads as instructions to the bot: an advisor should see it"
        return Match(ESCALATE, below_suggest, tuple(ranked), (), **_m(common))
    if not has_evidence(signals, best, limits, centrality):
        common["reason"] = "not enough evidence: one everyday word, or too little matched meaning"
        return Match(ESCALATE, below_suggest, tuple(ranked), (), **_m(common))
    lead = best.score - runner_up
    said = f"{agreeing} of 3 signals put {best.entry.id} first; confidence {confidence:.1f}, lead {lead:.1f}"
    if confidence >= limits.answer and lead >= limits.lead:
        common["reason"] = said + ": clear of the answer line"
        return Match(ANSWER, confidence, tuple(ranked), (best.entry,), **_m(common))
    if confidence >= limits.suggest:
        near = tuple(
            s.entry for s in ranked[: limits.max_suggestions]
            if best.score - s.score <= limits.suggestion_window
        )
        common["reason"] = said + ": between the suggest and answer lines (or too small a lead)"
        return Match(SUGGEST, min(confidence, limits.answer - 0.01), tuple(ranked), near, **_m(common))
    common["reason"] = said + ": below the suggest line"
    return Match(ESCALATE, confidence, tuple(ranked), (), **_m(common))


def _m(common: dict) -> dict:
    return {"question_terms": common["terms"], "reason": common["reason"], "firsts": common["firsts"],
            "corrections": common["corrections"]}
