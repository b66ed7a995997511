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
These blend into the *lexical* score. Two independent signals rank the same entries
(``bot.ranking``): *BM25* over each entry's phrasings as one document, and *semantic* similarity
from static word embeddings. ``bot.match_decision`` fuses the three (weights in ``Thresholds``)
and decides by their agreement.

A question word the FAQ does not know is corrected only if it is not a real word (``bot.lexicon``)
and only towards a real word the FAQ uses ("concent" becomes "consent", "cnsnt" too; "concern"
stays as it is).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import cached_property, lru_cache
from itertools import accumulate, chain
from typing import Callable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot import lexicon, match_classifier, match_examples, match_model, ranking, text
from bot.faq import Faq
from bot.log_safety import safe_traceback
from bot.match_decision import (  # noqa: F401  (the matcher's public names live on here too)
    ANSWER,
    ESCALATE,
    INSTRUCTIONS,
    SUGGEST,
    Match,
    Scored,
    Signals,
    Thresholds,
    decide,
    fuse,
    reads_as_instructions,
)
from bot.match_index import cached_index, edit_limit, frozen_learned, semantic_text, skeleton
from bot.named_nations import without_placing
from bot.privacy import redact_question

# How much each part counts in an entry's lexical score; they add up to 1.
COVERAGE_WEIGHT = 0.5
DICE_WEIGHT = 0.3
FUZZ_WEIGHT = 0.2
NAME_MARK = "~"  # marks a question word that looks like a name ("Jordan", "Liquidlogic")
NAME_WEIGHT = 0.4  # of an unknown word's weight: names say little about the topic, but not nothing
LONG_QUESTION = 12  # content words beyond which a story's own question sentence is also scored alone
PHRASING_CANDIDATES = 8  # the entries of the phrasings nearest the question (Dice) join the candidates
BM25_CANDIDATES = 8  # BM25's best entries join the lexical candidates (it scores every entry)
TYPOS_KEPT = 20_000  # unknown words whose correction is remembered (a long-running bot meets many)
MATCHER_FAILED = "matching failed on this question (a fault, logged): an advisor should answer it"

log = logging.getLogger(__name__)


class Matcher:
    """Scores questions against one FAQ plus the phrasings learned from advisors' answers."""

    def __init__(
        self,
        faq: Faq,
        learned: Mapping[str, Sequence[str]] | None = None,
        thresholds: Thresholds = Thresholds(),
        examples: match_examples.Examples | None = None,
        classifier: match_classifier.Classifier | None = None,
    ):
        self.faq = faq
        self.thresholds = thresholds
        self.examples = (match_examples.stored() if examples is None else examples).relabelled(faq.renamed)
        self.learned = _current_learned(faq, learned or {})
        self._index = cached_index(tuple(faq.entries), frozen_learned(self.learned))
        self._entry_index = {entry.id: i for i, entry in enumerate(self._index.entries)}
        self._correction = lru_cache(maxsize=TYPOS_KEPT)(self._find_correction)
        # The labelled examples serve only an FAQ whose entries they are about (the bundled one);
        # for another, the model fitted without them decides, with its own lines unless set.
        entry_ids = [e.id for e in self._index.entries]
        self._plain_model = match_model.stored_without_examples()
        self._plain_thresholds = _with_model_lines(thresholds, self._plain_model)
        if not len(self.examples) or self.examples.are_about(entry_ids):
            self.model = match_model.stored()
            self._examples = self.examples.weighted(self._weight)
            # learnt from the same labelled questions: only when they are read (and not when examples are
            # given, as cross-validation does: it gives each fold its own classifier)
            given = classifier is not None or examples is not None
            self.classifier = classifier if given else match_classifier.stored()
            # entries added since the models were fitted: no example or learnt score can speak for them
            self._unlearnt = frozenset(i for i in entry_ids if not self.examples.knows(i)) if len(self.examples) \
                else frozenset()
        else:
            self.model = self._plain_model
            self._examples = match_examples.Examples([], [], np.zeros((0, 1))).weighted(self._weight)
            self.classifier = None
            self.thresholds = self._plain_thresholds
            self._unlearnt = frozenset()

    def with_learned_phrasing(self, entry_id: str, phrasing: str) -> "Matcher":
        """A new matcher that also knows ``phrasing`` for ``entry_id``."""
        learned = {k: list(v) for k, v in self.learned.items()}
        learned.setdefault(entry_id, []).append(phrasing)
        return Matcher(self.faq, learned, self.thresholds, self.examples, self.classifier)

    def match(self, question: str) -> Match:
        signals = self.signals(question)
        found = decide(signals, self.thresholds, self.centrality_of, self.model)
        if self._unlearnt and not signals.instructions:
            found = self._for_unlearnt(signals, found)
        taught = self._taught.get(frozenset(signals.terms)) if signals.terms and not signals.instructions else None
        if taught is None or (found.decision == ANSWER and found.entry.id == taught):
            return found
        return self._as_taught(found, taught)

    def _for_unlearnt(self, signals: Signals, found: Match) -> Match:
        """The decision of the model fitted without labelled examples when it ranks first an entry they do
        not know (added since the fit): the examples and the classifier would only ever speak against it."""
        plain = decide(replace(signals, neighbours=match_examples.Neighbours(), classified={}),
                       self._plain_thresholds, self.centrality_of, self._plain_model)
        if plain.decision == ESCALATE or plain.ranked[0].entry.id not in self._unlearnt:
            return found
        return replace(plain, reason=f"{plain.ranked[0].entry.id} is newer than the fitted model, so the model "
                                     f"fitted without labelled examples decides: {plain.reason}")

    @cached_property
    def _taught(self) -> dict[frozenset[str], str]:
        """The terms of each phrasing advisors taught, and its entry: the models were fitted before it
        was taught, so the same words asked again are answered with it whatever they make of them."""
        return {frozenset(terms): entry_id for entry_id, phrasings in self.learned.items() for phrasing in phrasings
                if (terms := self._question_terms(phrasing)[0])}

    def _as_taught(self, found: Match, entry_id: str) -> Match:
        entry = self._index.entries[self._entry_index[entry_id]]
        first = next((s for s in found.ranked if s.entry.id == entry_id), Scored(entry, 0.0))
        return replace(
            found, decision=ANSWER, score=max(found.score, self.thresholds.answer), suggestions=(entry,),
            ranked=(first, *(s for s in found.ranked if s.entry.id != entry_id)),
            reason=f"an advisor answered a question in these words with {entry_id} (a taught phrasing); "
                   f"the model alone: {found.decision}, {found.entry.id if found.entry else '-'}",
        )

    def centrality_of(self, entry_id: str) -> Mapping[str, float]:
        """How central each of its words is to an entry (1: what the entry is about)."""
        return self._index.centrality_by_entry[self._entry_index[entry_id]]

    def signals(self, question: str, allowed=None) -> "Signals":
        """Everything the decision needs, before any threshold is applied (``decide``); ``allowed``:
        a mask of the examples the nearest-neighbour signal may read (for cross-validation)."""
        question = without_placing(question[:2000])
        terms, surfaces, corrections = self._question_terms(question)
        instructions = reads_as_instructions(question)
        words = len(text.content_words(question))
        if not terms:
            return Signals(terms, (), corrections, instructions, {}, words)
        vector = ranking.Semantic.vector(semantic_text(question, dict(corrections)))
        neighbours = self._examples.neighbours(vector, terms, question, allowed)
        ranked = self._rank(terms, vector)
        focus = _focus(question) if words > LONG_QUESTION else None
        if focus:
            focus_terms, _, focus_corrections = self._question_terms(focus)
            if 3 <= len(focus_terms) < len(terms):
                focus_vector = ranking.Semantic.vector(semantic_text(focus, dict(focus_corrections)))
                ranked = _best_of(ranked, self._rank(focus_terms, focus_vector))
        classified = self.classifier.probabilities(vector, terms) if self.classifier is not None else {}
        if classified and self.faq.renamed:
            classified = _summed_under(classified, self.faq)
        return Signals(terms, tuple(ranked), corrections, instructions, surfaces, words, vector, neighbours, classified)

    def _question_terms(self, question: str) -> tuple[tuple[str, ...], dict[str, str], tuple[tuple[str, str], ...]]:
        names = None  # the question's name-like words, looked for once a word is unknown
        resolved: dict[str, None] = {}
        surfaces: dict[str, str] = {}  # token -> the question's word for it
        corrections = []
        for word in text.content_words(question):
            token = text.stem(word)
            if token in text.STOP_STEMS:
                continue
            if token not in self._index.idf:
                names = text.name_like_tokens(question) if names is None else names
                if token in names:
                    token = NAME_MARK + token
                else:
                    corrected = self._correction(word)
                    if corrected:
                        corrections.append((word, corrected))
                        token = self._index.target_stems[corrected]
                        word = corrected
            if token not in resolved:
                resolved[token] = None
                surfaces[token] = word
        return tuple(resolved), surfaces, tuple(dict.fromkeys(corrections))

    def _find_correction(self, word: str) -> str | None:
        """The real word the FAQ uses that ``word`` is a typo of, or None (a real word is no typo).

        Candidates are the FAQ's real words within one edit (two for long words; a swap of two
        letters is one edit) and, for txt-speak with vowels dropped ("cnsnt", "plce"), the words
        it is a vowel-less subsequence of. The nearest wins; among equals, the word the FAQ uses
        most, then the commoner English word."""
        found = None
        index = self._index
        if word.isalpha() and len(word) >= 3 and not lexicon.is_real(word):
            candidates: dict[str, int] = {}
            if len(word) >= 4:
                for target, distance, _ in process.extract(
                    word, index.targets_by_length.get(len(word), ()), scorer=OSA.distance,
                    score_cutoff=edit_limit(len(word)), limit=None,
                ):
                    candidates[target] = distance
            for target in index.skeletons.get(skeleton(word), ()):
                if target[0] == word[0] and _is_subsequence(word, target):
                    candidates.setdefault(target, 1)
            if candidates:
                found = min(
                    candidates,
                    key=lambda t: (candidates[t], -index.target_uses.get(t, 0), -lexicon.count(t), t),
                )
        return found

    def _weight(self, token: str) -> float:
        if token.startswith(NAME_MARK):
            return self._index.unknown_weight * NAME_WEIGHT
        return self._index.idf.get(token, self._index.unknown_weight)

    def _rank(self, terms: tuple[str, ...], vector: np.ndarray) -> list[Scored]:
        """The candidate entries with each signal's value; ``vector``: the question's embedding."""
        index = self._index
        known = [t for t in terms if t in index.idf]
        if not known:
            return []
        bm25 = index.bm25.scores(known)
        question_weight = sum(self._weight(t) for t in terms)
        candidates, dice = self._candidates(known, bm25, question_weight)
        term_set = frozenset(terms)
        term_string = " ".join(sorted(terms))
        semantic = index.semantic.scores(vector, candidates)
        # Closeness of every candidate's phrasings at once: the weighted Dice from the candidate
        # pass, and rapidfuzz's ratio of sorted token strings (token_sort_ratio) in one C call.
        rows = np.concatenate([index.phrasing_rows[i] for i in candidates])
        strings = list(chain.from_iterable(index.strings_by_entry[i] for i in candidates))
        ratios = process.cdist([term_string], strings, scorer=fuzz.ratio)[0]
        closeness = DICE_WEIGHT * dice[rows] + FUZZ_WEIGHT * ratios / 100
        # Each entry's matched meaning: the sum of idf x centrality of the question's words it uses.
        evidence_by_entry = np.bincount(
            np.concatenate([index.posting_arrays[t][0] for t in known]),
            weights=np.concatenate([index.posting_arrays[t][1] for t in known]), minlength=len(index.entries),
        )
        best = _first_best_in_runs(closeness, [len(index.strings_by_entry[i]) for i in candidates])
        evidences = evidence_by_entry[candidates].tolist()
        scored = []
        for entry_index, cosine, evidence, row, close, bm25_value in zip(
            candidates, semantic, evidences, rows[best].tolist(), closeness[best].tolist(), bm25[candidates].tolist()
        ):
            lexical = 100 * (COVERAGE_WEIGHT * evidence / question_weight + close)
            scored.append(Scored(
                index.entries[entry_index], 0.0, tuple(sorted(term_set & index.vocabulary_by_entry[entry_index])),
                index.phrasing_originals[row], round(evidence, 3), round(lexical, 2), round(bm25_value, 3),
                round(cosine, 4),
            ))
        return scored

    def _candidates(self, known: list[str], bm25, question_weight: float) -> tuple[list[int], np.ndarray]:
        """The entries worth scoring in full: those that share most of the question's distinctive
        words (by idf x centrality), those of the phrasings closest to it (weighted Dice, as in
        scoring), and BM25's best.

        Words most entries use ("share", "info") add about the same to every entry, so they are
        left out of the first pass (unless the question has nothing else) and only counted in scoring.
        """
        index = self._index
        distinctive = [t for t in known if len(index.postings[t]) <= index.common_above] or known
        entries = np.concatenate([index.posting_arrays[t][0] for t in distinctive])
        weights = np.concatenate([index.posting_arrays[t][1] for t in distinctive])
        covered = np.bincount(entries, weights=weights, minlength=len(index.entries))
        chosen = _best_indexes(covered, index.candidates)
        seen = set(chosen)
        postings = [index.phrasing_postings[t] for t in known]
        idf = np.array([index.idf[t] for t in known]).repeat([len(p) for p in postings])
        shared = np.bincount(np.concatenate(postings), weights=idf, minlength=len(index.phrasing_owner))
        dice = 2 * shared / (question_weight + index.phrasing_weight)
        for phrasing in _best_indexes(dice, PHRASING_CANDIDATES):
            owner = int(index.phrasing_owner[phrasing])
            if owner not in seen:
                seen.add(owner)
                chosen.append(owner)
        chosen += [i for i in _best_indexes(bm25, BM25_CANDIDATES) if i not in seen]
        return chosen, dice


def _summed_under(probabilities: Mapping[str, float], faq: Faq) -> dict[str, float]:
    """Each label's probability under the id that replaces it (merged entries add up)."""
    summed: dict[str, float] = {}
    for label, p in probabilities.items():
        label = faq.named_today(label)
        summed[label] = summed.get(label, 0.0) + p
    return summed


def _current_learned(faq: Faq, learned: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Advisors' taught phrasings under the entry that answers them today: a renamed entry keeps its
    phrasings (``replaces``), a retired one's are set aside."""
    current: dict[str, list[str]] = {}
    for entry_id, phrasings in learned.items():
        now = faq.current_id(entry_id)
        if now is not None:
            current.setdefault(now, []).extend(phrasings)
    return current


def _with_model_lines(thresholds: Thresholds, model) -> Thresholds:
    """``thresholds`` with ``model``'s own answer and suggest lines wherever they are the defaults
    (the main model's lines): an operator's setting of one line, or of anything else, stays theirs."""
    defaults = Thresholds()
    return replace(
        thresholds,
        answer=round(100 * model.answer, 2) if thresholds.answer == defaults.answer else thresholds.answer,
        suggest=round(100 * model.suggest, 2) if thresholds.suggest == defaults.suggest else thresholds.suggest,
    )


def _first_best_in_runs(values: np.ndarray, sizes: list[int]) -> np.ndarray:
    """For consecutive runs of ``values`` of the given (non-zero) sizes: the position of each run's
    largest value, the first of equals (``np.argmax`` run by run, in a few array operations)."""
    starts = list(accumulate(sizes[:-1], initial=0))
    is_best = values == np.repeat(np.maximum.reduceat(values, starts), sizes)
    return np.minimum.reduceat(np.where(is_best, np.arange(len(values)), len(values)), starts)


SMALL_ARRAY = 512


def _best_indexes(values: np.ndarray, count: int) -> list[int]:
    """The indexes of the ``count`` largest positive values, largest first, ties by index."""
    if len(values) <= SMALL_ARRAY:  # one stable sort (ties keep index order) beats partitioning here
        top = np.argsort(-values, kind="stable")[:count]
        return top[values[top] > 0].tolist()
    threshold = -np.partition(-values, count - 1)[count - 1] if count < len(values) else 0
    # Every value from the count-th largest up (ties at the edge too, so that order decides), if positive.
    top = np.flatnonzero(values >= threshold if threshold > 0 else values > 0)
    ranked = sorted(zip((-values[top]).tolist(), top.tolist()))
    return [i for _, i in ranked[:count]]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _focus(question: str) -> str | None:
    """The sentence a long story asks its question in: the last one with a question mark, or else
    the last sentence; None for a single sentence."""
    sentences = [s for s in _SENTENCE_END.split(question.strip()) if s.strip()]
    if len(sentences) < 2:
        return None
    asked = [s for s in sentences if "?" in s]
    return (asked or sentences)[-1]


def _best_of(whole: list[Scored], focus: list[Scored]) -> list[Scored]:
    """Each candidate of either reading with the better lexical and semantic value of the two
    (BM25 from the whole question), so that a long story does not dilute its own question."""
    by_id = {s.entry.id: s for s in whole}
    for f in focus:
        w = by_id.get(f.entry.id)
        if w is None:
            by_id[f.entry.id] = f
        elif f.lexical > w.lexical or f.semantic > w.semantic:
            lexical = f if f.lexical > w.lexical else w
            by_id[f.entry.id] = Scored(
                w.entry, 0.0, lexical.matched_terms, lexical.closest_phrasing, max(w.evidence, f.evidence),
                lexical.lexical, w.bm25, max(w.semantic, f.semantic),
            )
    return list(by_id.values())


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


def match_safely(matcher_of: Callable[[], Matcher], question: str) -> Match:
    """The match of a (redacted) question or, should matching fail, an escalation whose reason is
    ``MATCHER_FAILED``: a fault in matching must not lose the question, an advisor answers it."""
    try:
        return matcher_of().match(question)
    except Exception as error:  # any fault: the question is kept either way
        log.error("matching failed; the question goes to an advisor:\n%s", safe_traceback(error))
        return Match(ESCALATE, 0.0, reason=MATCHER_FAILED)


def match_redacted(matcher: Matcher, question: str) -> Match:
    """Match a question the way the bot does: identifiers are removed before anything else."""
    return matcher.match(redact_question(question).text)
