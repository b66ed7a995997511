"""Match a practitioner's question to FAQ entries: deterministic, explainable, fast.

How a question is scored against an entry (all in 0-100):
1. Both are normalised (``bot.text``): abbreviations, synonyms and spellings meet on one token.
2. *Coverage*: how much of the question's meaning the entry's vocabulary (question, variants,
   keywords, learned phrasings) explains, each token weighted by how rare it is across entries
   (idf), so "marac" counts for much more than "share". Words the FAQ has never seen count
   against every entry: they are what makes "wifi password" an escalation, not an answer.
3. *Closeness*: the best single phrasing of the entry, by a weighted Dice overlap of tokens and
   by rapidfuzz's ``token_sort_ratio`` of the two token strings (character-level, so typos and
   word-order changes still score).
The entry's score blends the three; the decision compares the best score, and its lead over the
runner-up, with ``Thresholds``. Query tokens the FAQ does not know are matched to the FAQ's
vocabulary with rapidfuzz ``ratio`` to forgive typos ("confidentallity").
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from bot import text
from bot.faq import Faq, FaqEntry
from bot.privacy import redact_question

ANSWER, SUGGEST, ESCALATE = "answer", "suggest", "escalate"


@dataclass(frozen=True)
class Thresholds:
    """The one place where the matcher's decisions are tuned (see ``canishare eval``)."""

    answer: float = 45.0  # best score at or above this, with a clear lead, is answered
    suggest: float = 30.0  # best score at or above this gets "did you mean" choices
    lead: float = 10.0  # an answer needs this many points over the runner-up
    # Answers and suggestions both need this much matched meaning (sum of idf x centrality, where a
    # word only one entry uses weighs 1): a rare term or several common ones, never one stray word.
    evidence: float = 0.3
    max_suggestions: int = 3
    suggestion_window: float = 15.0  # suggestions are within this many points of the best


# How much each signal counts in an entry's score; they add up to 1.
COVERAGE_WEIGHT = 0.5
DICE_WEIGHT = 0.3
FUZZ_WEIGHT = 0.2
TYPO_SCORE = 85  # rapidfuzz ratio at which an unknown word is taken as a typo of a known one
CANDIDATES = 12  # entries scored phrasing by phrasing, at least; a large FAQ scores one in ENTRIES_PER_CANDIDATE
ENTRIES_PER_CANDIDATE = 250
COMMON_SHARE = 0.5  # words in more than this share of entries do not pick candidates
NAME_MARK = "~"  # marks a question word that looks like a name ("Jordan", "Liquidlogic")
NAME_WEIGHT = 0.4  # of an unknown word's weight: names say little about the topic, but not nothing
CENTRAL_AFTER = 4.0  # a token in this many of an entry's phrasings counts fully for it
CENTRAL_VOTES = {"question": 2.0, "keywords": 2.0}  # the question and keywords count as more than one phrasing  # entries rescored phrasing by phrasing after the coverage pass


@dataclass(frozen=True)
class Scored:
    entry: FaqEntry
    score: float
    matched_terms: tuple[str, ...] = ()
    closest_phrasing: str = ""
    evidence: float = 0.0


@dataclass(frozen=True)
class Match:
    decision: str
    score: float
    ranked: tuple[Scored, ...] = ()  # best first; empty when nothing in the FAQ overlaps
    suggestions: tuple[FaqEntry, ...] = ()  # what the decision offers, best first
    question_terms: tuple[str, ...] = ()

    @property
    def entry(self) -> FaqEntry | None:
        """The best entry (also for suggest and escalate), or None."""
        return self.ranked[0].entry if self.ranked else None

    def explain(self) -> str:
        if not self.ranked:
            return "no FAQ entry shares a meaningful word with the question"
        best = self.ranked[0]
        lines = [
            f"best: {best.entry.id} ({best.score:.1f}) via terms {', '.join(best.matched_terms) or '-'}",
            f"closest phrasing: {best.closest_phrasing!r}",
        ]
        lines += [f"next: {s.entry.id} ({s.score:.1f})" for s in self.ranked[1:3]]
        return "\n".join(lines)


@dataclass
class _Phrasing:
    entry_index: int
    tokens: frozenset[str]
    token_string: str
    original: str
    weight: float = 0.0  # sum of its tokens' idf, set once the index knows them


@dataclass
class _Index:
    entries: list[FaqEntry]
    phrasings_by_entry: list[list[_Phrasing]]
    vocabulary: list[str]
    postings: dict[str, list[tuple[int, float]]]  # token -> (entry index, idf x centrality there)
    idf: dict[str, float]
    unknown_weight: float
    vocabulary_by_entry: list[frozenset[str]]
    centrality_by_entry: list[dict[str, float]]  # how central each of its words is to an entry
    common_above: int  # a word in more entries than this is too common to pick candidates by
    candidates: int  # how many entries to score in full


class Matcher:
    """Scores questions against one FAQ plus the phrasings learned from advisors' answers."""

    def __init__(
        self,
        faq: Faq,
        learned: Mapping[str, Sequence[str]] | None = None,
        thresholds: Thresholds = Thresholds(),
    ):
        self.faq = faq
        self.thresholds = thresholds
        self.learned = {k: list(v) for k, v in (learned or {}).items()}
        self._index = _build_index(faq.entries, self.learned)
        self._typo_cache: dict[str, str | None] = {}

    def with_learned_phrasing(self, entry_id: str, phrasing: str) -> "Matcher":
        """A new matcher that also knows ``phrasing`` for ``entry_id``."""
        learned = {k: list(v) for k, v in self.learned.items()}
        learned.setdefault(entry_id, []).append(phrasing)
        return Matcher(self.faq, learned, self.thresholds)

    def match(self, question: str) -> Match:
        terms = self._question_terms(question)
        if not terms:
            return Match(ESCALATE, 0.0)
        ranked = self._rank(terms)
        return self._decide(ranked, terms)

    def _question_terms(self, question: str) -> tuple[str, ...]:
        question = question[:2000]
        names = text.name_like_tokens(question)
        resolved: dict[str, None] = {}
        for token in text.match_tokens(question):
            if token in names and token not in self._index.idf:
                token = NAME_MARK + token
            else:
                token = self._known_or_typo(token)
            resolved.setdefault(token, None)
        return tuple(resolved)

    def _known_or_typo(self, token: str) -> str:
        if token in self._index.idf or len(token) < 5 or not token.isalpha():
            return token
        if token not in self._typo_cache:
            hit = process.extractOne(token, self._index.vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
            self._typo_cache[token] = hit[0] if hit else None
        return self._typo_cache[token] or token

    def _weight(self, token: str) -> float:
        if token.startswith(NAME_MARK):
            return self._index.unknown_weight * NAME_WEIGHT
        return self._index.idf.get(token, self._index.unknown_weight)

    def _rank(self, terms: tuple[str, ...]) -> list[Scored]:
        index = self._index
        known = [t for t in terms if t in index.idf]
        if not known:
            return []
        candidates = self._candidates(known)
        question_weight = sum(self._weight(t) for t in terms)
        term_set = frozenset(terms)
        term_string = " ".join(sorted(terms))
        scored = []
        for entry_index in candidates:
            centrality = index.centrality_by_entry[entry_index]
            evidence = sum(index.idf[t] * centrality.get(t, 0.0) for t in known)
            scored.append(self._score_entry(entry_index, evidence, question_weight, term_set, term_string))
        scored.sort(key=lambda s: (-s.score, s.entry.id))
        return scored

    def _candidates(self, known: list[str]) -> list[int]:
        """The entries worth scoring in full: those that share the question's distinctive words.

        Words most entries use ("share", "info") add about the same to every entry, so they are
        left out of this pass (unless the question has nothing else) and only counted in scoring.
        """
        index = self._index
        distinctive = [t for t in known if len(index.postings[t]) <= index.common_above] or known
        covered: dict[int, float] = {}
        get = covered.get
        for token in distinctive:
            for entry_index, weight in index.postings[token]:
                covered[entry_index] = get(entry_index, 0.0) + weight
        best = heapq.nsmallest(index.candidates, covered.items(), key=lambda item: (-item[1], item[0]))
        return [entry_index for entry_index, _ in best]

    def _score_entry(
        self, entry_index: int, evidence: float, question_weight: float, terms: frozenset[str], term_string: str
    ) -> Scored:
        coverage = evidence / question_weight
        best, closest = -1.0, None
        weight_of = self._index.idf.__getitem__
        for phrasing in self._index.phrasings_by_entry[entry_index]:
            shared = sum(map(weight_of, terms & phrasing.tokens))
            dice = 2 * shared / (question_weight + phrasing.weight)
            # token strings are sorted tokens, so plain ratio here is rapidfuzz's token_sort_ratio
            closeness = fuzz.ratio(term_string, phrasing.token_string) / 100
            closeness_score = DICE_WEIGHT * dice + FUZZ_WEIGHT * closeness
            if closeness_score > best:
                best, closest = closeness_score, phrasing
        score = 100 * (COVERAGE_WEIGHT * coverage + best)
        entry = self._index.entries[entry_index]
        matched = tuple(sorted(terms & self._index.vocabulary_by_entry[entry_index]))
        return Scored(entry, round(score, 2), matched, closest.original if closest else "", round(evidence, 3))

    def _decide(self, ranked: list[Scored], terms: tuple[str, ...]) -> Match:
        limits = self.thresholds
        if not ranked:
            return Match(ESCALATE, 0.0, question_terms=terms)
        best = ranked[0].score
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        near = tuple(
            s.entry for s in ranked[: limits.max_suggestions]
            if s.score >= limits.suggest and best - s.score <= limits.suggestion_window
        )
        if ranked[0].evidence < limits.evidence:
            return Match(ESCALATE, best, tuple(ranked), (), terms)
        if best >= limits.answer and best - runner_up >= limits.lead:
            return Match(ANSWER, best, tuple(ranked), (ranked[0].entry,), terms)
        if best >= limits.suggest:
            return Match(SUGGEST, best, tuple(ranked), near, terms)
        return Match(ESCALATE, best, tuple(ranked), (), terms)


def _build_index(entries: Iterable[FaqEntry], learned: Mapping[str, Sequence[str]]) -> _Index:
    entries = list(entries)
    phrasings_by_entry: list[list[_Phrasing]] = []
    users: dict[str, list[int]] = defaultdict(list)
    centrality_by_entry: list[dict[str, float]] = []
    for entry_index, entry in enumerate(entries):
        texts = [*entry.phrasings, *learned.get(entry.id, ())]
        phrasings = [_phrasing(entry_index, t) for t in texts]
        keyword_tokens = frozenset(t for k in entry.keywords for t in text.match_tokens(k))
        if keyword_tokens:
            phrasings.append(_Phrasing(entry_index, keyword_tokens, " ".join(sorted(keyword_tokens)), "keywords"))
        phrasings = [p for p in phrasings if p.tokens]
        phrasings_by_entry.append(phrasings)
        centrality_by_entry.append(_centrality(phrasings))
        for token in centrality_by_entry[-1]:
            users[token].append(entry_index)
    count = max(len(entries), 1)
    rarest = math.log(1 + count)  # scale idf so that a word of one entry weighs 1, whatever the FAQ's size
    idf = {token: math.log(1 + count / len(entry_indexes)) / rarest for token, entry_indexes in users.items()}
    postings = {
        token: [(i, idf[token] * centrality_by_entry[i][token]) for i in entry_indexes]
        for token, entry_indexes in users.items()
    }
    unknown_weight = math.log(1 + count / 2) / rarest
    vocabulary_by_entry = []
    for phrasings in phrasings_by_entry:
        for phrasing in phrasings:
            phrasing.weight = sum(idf[t] for t in phrasing.tokens)
        vocabulary_by_entry.append(frozenset().union(*(p.tokens for p in phrasings)))
    return _Index(
        entries, phrasings_by_entry, sorted(postings), postings, idf, unknown_weight, vocabulary_by_entry,
        centrality_by_entry, common_above=max(int(count * COMMON_SHARE), CANDIDATES),
        candidates=max(CANDIDATES, count // ENTRIES_PER_CANDIDATE),
    )


def _centrality(phrasings: list[_Phrasing]) -> dict[str, float]:
    """How central each token is to an entry: a word in several of its phrasings is what the entry
    is about; a word in one variant's scenario ("on a home visit") is incidental."""
    counts: dict[str, float] = defaultdict(float)
    for position, phrasing in enumerate(phrasings):
        vote = CENTRAL_VOTES["question"] if position == 0 else (
            CENTRAL_VOTES["keywords"] if phrasing.original == "keywords" else 1.0
        )
        for token in phrasing.tokens:
            counts[token] += vote
    return {token: min(1.0, votes / CENTRAL_AFTER) for token, votes in counts.items()}


@lru_cache(maxsize=100_000)
def _phrasing_tokens(raw: str) -> tuple[frozenset[str], str]:
    tokens = frozenset(text.match_tokens(raw))
    return tokens, " ".join(sorted(tokens))


def _phrasing(entry_index: int, raw: str) -> _Phrasing:
    tokens, token_string = _phrasing_tokens(raw)
    return _Phrasing(entry_index, tokens, token_string, raw)


def match_redacted(matcher: Matcher, question: str) -> Match:
    """Match a question the way the bot does: identifiers are removed before anything else."""
    return matcher.match(redact_question(question).text)
