"""Grouping similar questions, in time and memory that grow about linearly with the week.

``group_questions`` is average-linkage agglomerative clustering: every question starts alone, and
the two groups most alike on average (the mean similarity over all pairs of their questions) are
merged, again and again, while that mean is at least the threshold. Unlike the greedy grouping it
replaced, the result does not depend on the order the questions arrived in, and there is still no
chaining (connected components glue unrelated questions together through a run of near neighbours):
two groups merge only when they are alike as a whole.

Similarity (0-100) is the pair model's probability that two questions ask the same thing
(``bot.digest.pairs``, a logistic regression), from what they share: their words
(``bot.text.content_tokens`` scored by rapidfuzz ``token_set_ratio``, which forgives a question that
adds context to another, and by a Dice overlap of the words weighted by how rare each is among the
week's questions, so that a one-word question cannot match everything); their meaning (the cosine of
their ``bot.digest.meaning`` vectors: static WordLlama embeddings of their meaningful words, which know
that "kid" is near "child" when the words do not); their FAQ entry (the one the matcher ranked first,
and whether it was confident enough to answer with it); and their *frames* (``bot.digest.asks``): what
each asks ("do I need consent?", "do we have to hand it over?", "who signs?", "how long?"), who is
involved, who is asking for the information, whom it is about and the situation, read by rules from
the words the embeddings leave out. Two questions on one FAQ topic that ask different things share
their entry and most of their words but not their frame. Two questions that are the same sentence
with one word swapped ("... with the police" / "... with their landlord", "deceased" / "living") ask
different things: such a "minimal pair" may never share a group.

At scale (a region's week can hold 10,000 questions and more) nothing compares every pair:

- questions with the same content words, frame and FAQ entries are one node, counted as many times as
  they were asked;
- only *candidate* pairs are scored: two questions that share a distinctive word (one that at most
  ``BLOCK_MAX_QUESTIONS`` questions of the week use) or the same confident FAQ entry (for an entry
  given to more, a question's ``ENTRY_NEIGHBOURS`` nearest in meaning among them), or where one is
  among the other's ``NEIGHBOURS`` nearest in meaning (exact cosines, a chunk of rows against all at
  a time: numpy matrix products) with a cosine of at least ``NEIGHBOUR_FLOOR``. Any other pair counts
  as unlike (0);
- candidate pairs are scored in bulk: ``rapidfuzz.process.cpdist`` for the ratio, a sparse matrix
  product (scipy) for the weighted overlap, row-wise dot products for the cosines; pairs below
  ``EDGE_FLOOR`` count as unlike too;
- minimal pairs are found by hashing each question's words less one, not by comparing pairs;
- the clustering keeps, for each group, the summed similarity to each group it has a candidate pair
  with, in a heap by mean: merging costs what the two groups' neighbours number.

Everything is deterministic: the same questions in the same order give the same groups and the same
representative in every process (sums run in a fixed order, never a set's, and ties are broken by
position; a node's meaning is read from its lowest text, not its first). The pair model and the
threshold are fitted, after cross-validation, on tests/fixtures/digest_grouping.yaml and
tests/fixtures/digest_grouping_dev2.yaml by benchmarks/grouping_quality.py (never on the blind set,
which only measures).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from bot import text as textnorm
from bot.digest import asks, meaning, pairs
from bot.digest.quoting import names_in
from bot.matching import Thresholds, match_redacted

# Each question's nearest this many by meaning are candidates too, when their cosine is at least this:
# for paraphrases that share no distinctive word and no FAQ entry.
NEIGHBOURS = 10
NEIGHBOUR_FLOOR = 0.5
# Pairs scoring below this (the pair model's probability, in percent) are treated as unlike (0): they
# would never hold a group together, and leaving them out keeps the work linear. Measured to change
# neither fitting set's figures (1 to 5).
EDGE_FLOOR = 5.0
# A word used by more questions than this is too common to make two questions candidates by itself;
# an FAQ entry confidently given to more than this many is paired only with its ENTRY_NEIGHBOURS
# nearest in meaning among them (a surge on one topic would otherwise make every pair a candidate).
BLOCK_MAX_QUESTIONS = 150
ENTRY_NEIGHBOURS = 20
# Two words this alike (rapidfuzz ratio) are one word mistyped, not a different word.
SAME_WORD_SCORE = 80.0
_CHUNK = 200_000  # candidate pairs scored at once (bounds the memory of the bulk scoring)


@dataclass(frozen=True)
class Group:
    """Indices into the texts given to ``group_questions``: all members (in order) and the one that
    stands for the group (the most typical, preferring a text with no name or identifier in it)."""

    members: tuple[int, ...]
    representative: int

    def __len__(self) -> int:
        return len(self.members)


class Similarity:
    """Similarity of questions (0-100): the pair model's probability that two ask the same thing
    (``bot.digest.pairs``). ``topics`` gives each question's confidently matched FAQ entry (or None),
    ``entries`` the entry the matcher ranked first whatever its confidence (or None; by default the
    topic); ``counts`` says how many questions each text stands for (for the words' rarity).
    ``features`` gives what the model reads for many pairs, ``scores`` their similarity, ``score``
    one pair's."""

    def __init__(self, texts: Sequence[str], topics: Sequence[str | None] | None = None,
                 counts: Sequence[int] | None = None, entries: Sequence[str | None] | None = None,
                 model: pairs.PairModel | None = None):
        self.texts = list(texts)
        self.topics = list(topics) if topics is not None else [None] * len(texts)
        self.entries = list(entries) if entries is not None else list(self.topics)
        self.counts = list(counts) if counts is not None else [1] * len(texts)
        self.model = model  # None: the fitted one, read when first needed
        self.sequences = [textnorm.content_tokens(t) for t in self.texts]
        self.sets = [frozenset(tokens) for tokens in self.sequences]
        self.strings = [" ".join(sorted(s)) for s in self.sets]
        frequency: Counter[str] = Counter()
        for tokens, count in zip(self.sets, self.counts):
            for token in tokens:
                frequency[token] += count
        size = sum(self.counts)
        self.vocabulary = sorted(frequency)
        self.column = {t: n for n, t in enumerate(self.vocabulary)}
        self.idf = {t: math.log((size + 1) / (frequency[t] + 1)) + 1 for t in self.vocabulary}
        self.frequency = frequency
        # a text's weight, summed in vocabulary order (a set's order differs between processes)
        self.weight = np.array([math.fsum(self.idf[t] for t in sorted(s)) for s in self.sets])
        rows = [n for n, s in enumerate(self.sets) for _ in s]
        columns = [self.column[t] for s in self.sets for t in sorted(s)]
        values = [self.idf[self.vocabulary[c]] for c in columns]
        self._weighted = sparse.csr_matrix((values, (rows, columns)), shape=(len(self.sets), len(self.vocabulary)))
        self._present = self._weighted.copy()
        self._present.data[:] = 1.0
        corrections = meaning.corrections_of(self.texts)
        self.vectors = meaning.question_vectors(self.texts, corrections)
        self.frames = asks.Frames.of(self.texts, corrections)
        self._topic_ids = _ids(self.topics)
        self._entry_ids = _ids(self.entries)

    def minimal_pair(self, i: int, j: int) -> bool:
        """The same question with exactly one (not merely mistyped) word swapped. Without a confident
        FAQ entry for either, the word must be swapped in place, the others in the same order: two
        questions on something the FAQ does not cover often share all their words but one each
        without being one sentence ("the DWP fraud team wants my client's tenancy file" / "hand a
        tenancy file to a DWP fraud officer"), and nothing else would group them."""
        a, b = self.sets[i], self.sets[j]
        only_a, only_b = a - b, b - a
        if len(only_a) != 1 or len(only_b) != 1 or not (a & b):
            return False
        (x,), (y,) = only_a, only_b
        if fuzz.ratio(x, y) >= SAME_WORD_SCORE:
            return False
        if self.topics[i] is not None or self.topics[j] is not None:
            return True
        first, second = self.sequences[i], self.sequences[j]
        return first.index(x) == second.index(y) and [t for t in first if t != x] == [t for t in second if t != y]

    def score(self, i: int, j: int) -> float:
        return float(self.scores(np.array([i]), np.array([j]))[0])

    def features(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """What the pair model reads of each pair (first[k], second[k]), in ``pairs.FEATURES`` order."""
        ratio = process.cpdist([self.strings[i] for i in first], [self.strings[j] for j in second],
                               scorer=fuzz.token_set_ratio, workers=1, dtype=np.float64)
        shared = np.asarray(self._weighted[first].multiply(self._present[second]).sum(axis=1)).ravel()
        total = self.weight[first] + self.weight[second]
        dice = np.divide(2 * shared, total, out=np.zeros_like(shared), where=total > 0)
        cosine = meaning.pair_cosines(self.vectors, first, second)
        entry = (self._entry_ids[first] >= 0) & (self._entry_ids[first] == self._entry_ids[second])
        topic = (self._topic_ids[first] >= 0) & (self._topic_ids[first] == self._topic_ids[second])
        return np.column_stack([ratio / 100, dice, cosine, entry, topic, self.frames.compare(first, second),
                                cosine * entry])

    def scores(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The similarity of each pair (first[k], second[k]), computed in bulk."""
        if len(first) == 0:
            return np.zeros(0)
        known = (self._entry_ids[first] >= 0) & (self._entry_ids[second] >= 0)
        out = (self.model or pairs.stored()).scores(self.features(first, second), known)
        both_empty = (self.weight[first] + self.weight[second]) == 0
        if both_empty.any():  # two questions without a content word are alike only when identical
            same = np.array([self.texts[i].strip() == self.texts[j].strip() for i, j in zip(first, second)])
            out = np.where(both_empty, np.where(same, 100.0, 0.0), out)
        return out


def _ids(names: Sequence[str | None]) -> np.ndarray:
    """Each name as a number (-1 for None), numbered in sorted order."""
    number = {name: n for n, name in enumerate(sorted({x for x in names if x is not None}))}
    return np.array([number[x] if x is not None else -1 for x in names], dtype=np.int64)


def group_questions(
    texts: Sequence[str], threshold: float | None = None, topics: Sequence[str | None] | None = None,
    entries: Sequence[str | None] | None = None,
) -> list[Group]:
    """Group similar questions (see the module docstring); ``topics`` gives each question's
    confidently matched FAQ entry, or None, and ``entries`` the entry the matcher ranked first
    whatever its confidence (by default the topic). ``threshold`` (0-100) is the fitted one unless
    given. The result is ordered by size, largest first, then by first member."""
    return group_questions_at(texts, [threshold if threshold is not None else pairs.stored().threshold],
                              topics, entries)[0]


def group_questions_at(texts: Sequence[str], thresholds: Sequence[float],
                       topics: Sequence[str | None] | None = None, entries: Sequence[str | None] | None = None,
                       model: pairs.PairModel | None = None) -> list[list[Group]]:
    """``group_questions`` at each of ``thresholds``, the similarities computed once (for tuning), with
    ``model`` (by default the fitted one)."""
    if not texts:
        return [[] for _ in thresholds]
    topics = list(topics) if topics is not None else [None] * len(texts)
    graph = _SimilarityGraph.of(texts, topics, list(entries) if entries is not None else topics, model)
    return [_groups(texts, graph, _average_linkage([len(m) for m in graph.members], graph.edges, graph.apart,
                                                   threshold)) for threshold in thresholds]


@dataclass(frozen=True)
class _SimilarityGraph:
    """The week's questions as nodes (``members[node]``: the questions with the same content words,
    topic and entry), the candidate pairs scoring at least ``EDGE_FLOOR`` and the minimal pairs kept
    apart."""

    members: list[list[int]]
    sim: Similarity
    edges: list[tuple[int, int, float]]
    apart: set[tuple[int, int]]

    @classmethod
    def of(cls, texts: Sequence[str], topics: list[str | None], entries: list[str | None],
           model: pairs.PairModel | None = None) -> "_SimilarityGraph":
        # One node per distinct (content words, frame, topic, entry); a question without content words
        # is its own text. Nodes are numbered in the order of their keys, not of arrival, and each is
        # read from its lowest text, so that the clustering (its ties included) is the same whatever
        # order the questions came in.
        by_key: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
        for i, text in enumerate(texts):
            tokens = textnorm.content_tokens(text)
            key = " ".join(sorted(set(tokens))) if tokens else "\0" + text.strip()
            by_key[(key, asks.signature(text), topics[i] or "", entries[i] or "")].append(i)
        members = [by_key[key] for key in sorted(by_key)]
        standing = [min(m, key=lambda i: (texts[i], i)) for m in members]
        sim = Similarity([texts[i] for i in standing], [topics[i] for i in standing], [len(m) for m in members],
                         [entries[i] for i in standing], model)
        first, second = _candidates(sim)
        edges: list[tuple[int, int, float]] = []
        for start in range(0, len(first), _CHUNK):
            a, b = first[start:start + _CHUNK], second[start:start + _CHUNK]
            s = sim.scores(a, b)
            keep = s >= EDGE_FLOOR
            edges += zip(a[keep].tolist(), b[keep].tolist(), s[keep].tolist())
        return cls(members, sim, edges, _minimal_pairs(sim))


def _groups(texts: Sequence[str], graph: _SimilarityGraph, clusters: list[list[int]]) -> list[Group]:
    """The clusters of nodes as groups of questions, each with its representative."""
    members = graph.members

    def plain(i: int) -> bool:
        return "[" not in texts[i] and "@" not in texts[i] and not names_in(texts[i])

    cluster_of = {node: c for c, nodes in enumerate(clusters) for node in nodes}
    centrality = [100.0 * (len(m) - 1) for m in members]  # a node's copies are alike (100) to each other
    for a, b, s in graph.edges:
        if cluster_of[a] == cluster_of[b]:
            centrality[a] += s * len(members[b])
            centrality[b] += s * len(members[a])
    groups = []
    for nodes in clusters:
        questions = sorted(i for node in nodes for i in members[node])
        if len(questions) == 1:
            groups.append(Group((questions[0],), questions[0]))
            continue
        size = len(questions) - 1
        # a one- or two-word question ("quick consent question") says too little to stand for others
        best = min(((not plain(i), len(graph.sim.sets[node]) < 3, -round(centrality[node] / size, 6), texts[i], i)
                    for node in nodes for i in members[node]))
        groups.append(Group(tuple(questions), best[-1]))
    groups.sort(key=lambda g: (-len(g), g.members[0]))
    return groups


def _pairs_within(nodes: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    block = np.asarray(nodes, dtype=np.int64)
    i, j = np.triu_indices(len(block), 1)
    return block[i], block[j]


def _candidates(sim: Similarity) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of nodes (i < j) that share a distinctive word or a confident FAQ entry, or are near in
    meaning, each once."""
    postings: dict[str, list[int]] = defaultdict(list)
    for node, tokens in enumerate(sim.sets):
        for token in tokens:
            postings[token].append(node)
    by_entry: dict[str, list[int]] = defaultdict(list)
    for node, entry in enumerate(sim.topics):
        if entry is not None:
            by_entry[entry].append(node)
    entry_blocks = [by_entry[e] for e in sorted(by_entry) if len(by_entry[e]) > 1]
    blocks: Iterable[list[int]] = [
        *(postings[t] for t in sim.vocabulary if 1 < len(postings[t]) and sim.frequency[t] <= BLOCK_MAX_QUESTIONS),
        *(nodes for nodes in entry_blocks if len(nodes) <= BLOCK_MAX_QUESTIONS),
    ]
    keys = [a * len(sim.sets) + b for a, b in (_pairs_within(block) for block in blocks)]
    for nodes in entry_blocks:  # a surge on one entry: its nearest in meaning within the entry, not all pairs
        if len(nodes) > BLOCK_MAX_QUESTIONS:
            block = np.asarray(nodes, dtype=np.int64)
            a, b = meaning.nearest_neighbours(sim.vectors[block], ENTRY_NEIGHBOURS, -1.0)
            keys.append(block[a] * len(sim.sets) + block[b])
    near, nearer = meaning.nearest_neighbours(sim.vectors, NEIGHBOURS, NEIGHBOUR_FLOOR)
    keys.append(near * len(sim.sets) + nearer)
    if not keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    unique = np.unique(np.concatenate(keys))
    return unique // len(sim.sets), unique % len(sim.sets)


def _minimal_pairs(sim: Similarity) -> set[tuple[int, int]]:
    """Every minimal pair of nodes (i < j): found by bucketing each word set less one word."""
    buckets: dict[frozenset[str], list[int]] = defaultdict(list)
    for node, tokens in enumerate(sim.sets):
        if len(tokens) >= 2:
            for token in sorted(tokens):
                buckets[tokens - {token}].append(node)
    pairs = set()
    for nodes in buckets.values():
        for x in range(len(nodes)):
            for y in range(x + 1, len(nodes)):
                a, b = nodes[x], nodes[y]
                if a != b and sim.minimal_pair(a, b):
                    pairs.add((min(a, b), max(a, b)))
    return pairs


def _average_linkage(sizes: Sequence[int], edges: Sequence[tuple[int, int, float]],
                     cannot: set[tuple[int, int]], threshold: float) -> list[list[int]]:
    """Average-linkage clustering of nodes (``sizes[n]`` questions each) over a sparse similarity
    graph (absent pairs are 0): merge the two clusters with the highest mean pairwise similarity
    while it is at least ``threshold``, never merging clusters that hold a ``cannot`` pair. Clusters
    are named by one of their nodes; ties go to the lower names."""
    size = list(sizes)
    links: list[dict[int, float]] = [{} for _ in sizes]  # cluster -> neighbour -> summed similarity
    for a, b, s in edges:
        total = s * sizes[a] * sizes[b]
        links[a][b] = links[a].get(b, 0.0) + total
        links[b][a] = links[b].get(a, 0.0) + total
    apart: list[set[int]] = [set() for _ in sizes]
    for a, b in cannot:
        apart[a].add(b)
        apart[b].add(a)
    nodes: list[list[int] | None] = [[n] for n in range(len(sizes))]
    # The first pairs (every linked pair at least the threshold, hundreds of thousands in a big week)
    # are sorted once and read in order; the heap holds only the pairs pushed while merging. Taking
    # the smaller of the two heads each time is the same order as one heap of both, much cheaper.
    first = [(-s / (size[a] * size[b]), a, b) for a in range(len(sizes)) for b, s in links[a].items()
             if a < b and s / (size[a] * size[b]) >= threshold]
    first.sort()
    heap: list[tuple[float, int, int]] = []
    next_first = 0
    while next_first < len(first) or heap:
        if next_first < len(first) and (not heap or first[next_first] <= heap[0]):
            negative, a, b = first[next_first]
            next_first += 1
        else:
            negative, a, b = heapq.heappop(heap)
        if nodes[a] is None or nodes[b] is None or b not in links[a]:
            continue
        mean = links[a][b] / (size[a] * size[b])
        if mean != -negative:  # stale: the clusters changed since this was pushed
            if mean >= threshold:
                heapq.heappush(heap, (-mean, a, b))
            continue
        if b in apart[a]:
            continue
        # Merge the cluster with fewer neighbours into the other (union by size: each link moves
        # O(log n) times at most). The heap holds, for every pair of clusters whose mean is at least
        # the threshold, an entry at least that high (an entry found stale when popped is pushed again
        # at its current mean), so only a pair that is new to the survivor, or whose mean rose, needs
        # a push now: a pair of the survivor's alone can only have fallen.
        if len(links[a]) < len(links[b]):
            a, b = b, a
        before = {c: links[a][c] / (size[a] * size[c]) for c in links[b] if c != a and c in links[a]}
        nodes[a] += nodes[b]
        nodes[b] = None
        size[a] += size[b]
        del links[a][b]
        changed = [c for c in links[b] if c != a]
        for c in changed:
            links[a][c] = links[a].get(c, 0.0) + links[b][c]
            del links[c][b]
            links[c][a] = links[a][c]
        links[b] = {}
        for c in apart[b]:
            apart[c].discard(b)
            apart[c].add(a)
        apart[a] |= apart[b]
        apart[a].discard(a)
        apart[b] = set()
        for c in changed:
            mean = links[a][c] / (size[a] * size[c])
            if mean >= threshold and c not in apart[a] and not (c in before and before[c] >= mean):
                heapq.heappush(heap, (-mean, min(a, c), max(a, c)))
    return [sorted(n) for n in nodes if n is not None]


def confident_topic(question, answer_score: float = Thresholds.answer) -> str | None:
    """The FAQ entry the matcher would have answered the question with (its score clears the answer
    threshold), whatever it decided in the end; None when no entry was that close."""
    return question.faq_id if question.faq_id and question.score >= answer_score else None


def topics_now(texts: Sequence[str], matcher) -> list[str | None]:
    """``confident_topic`` for questions matched now rather than read from the store (fixtures)."""
    return [entry if score >= matcher.thresholds.answer else None for entry, score in entries_now(texts, matcher)]


def entries_now(texts: Sequence[str], matcher) -> list[tuple[str | None, float]]:
    """Each question's best FAQ entry (or None) and the matcher's confidence in it, matched now rather
    than read from the store (fixtures)."""
    out = []
    for text in texts:
        match = match_redacted(matcher, text)
        out.append((match.entry.id if match.entry else None, match.score))
    return out
