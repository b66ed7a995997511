"""The matcher's index of one FAQ, built once (``build_index``) and shared by every matcher of the
same FAQ and learned phrasings (``cached_index``): each entry's phrasings as tokens, the idf and
centrality of every token, posting lists for choosing candidates, the BM25 and semantic signals'
own indexes (``bot.ranking``), and the real words a typo may be corrected to. ``bot.matching``
scores questions against it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import numpy as np

from bot import lexicon, ranking, text
from bot.faq import FaqEntry

CANDIDATES = 12  # entries scored phrasing by phrasing, at least; a large FAQ scores one in ENTRIES_PER_CANDIDATE
ENTRIES_PER_CANDIDATE = 500
COMMON_SHARE = 0.5  # words in more than this share of entries do not pick candidates
CENTRAL_AFTER = 4.0  # a token in this many of an entry's phrasings counts fully for it
CENTRAL_VOTES = {"question": 2.0, "keywords": 2.0}  # the question and keywords count as more than one phrasing


@dataclass
class Phrasing:
    entry_index: int
    tokens: frozenset[str]
    token_string: str
    original: str
    weight: float = 0.0  # sum of its tokens' idf, set once the index knows them


@dataclass
class Index:
    entries: list[FaqEntry]
    phrasings_by_entry: list[list[Phrasing]]
    vocabulary: list[str]
    postings: dict[str, list[tuple[int, float]]]  # token -> (entry index, idf x centrality there)
    posting_arrays: dict[str, tuple[np.ndarray, np.ndarray]]  # the same as (entry indexes, weights)
    phrasing_postings: dict[str, np.ndarray]  # token -> the phrasings (numbered across entries) with it
    phrasing_owner: np.ndarray  # phrasing number -> entry index
    phrasing_weight: np.ndarray  # phrasing number -> sum of its tokens' idf
    strings_by_entry: list[list[str]]  # entry index -> its phrasings' sorted tokens, joined
    phrasing_originals: list[str]  # phrasing number -> its text as written ("keywords" for the keywords)
    phrasing_rows: list[np.ndarray]  # entry index -> its phrasings' numbers, built once
    idf: dict[str, float]
    unknown_weight: float
    vocabulary_by_entry: list[frozenset[str]]
    centrality_by_entry: list[dict[str, float]]  # how central each of its words is to an entry
    common_above: int  # a word in more entries than this is too common to pick candidates by
    candidates: int  # how many entries to score in full
    bm25: ranking.Bm25
    semantic: ranking.Semantic
    # Real words the FAQ uses (what a typo may be corrected to), for each length of typo those near enough in length.
    targets_by_length: dict[int, list[str]]
    target_stems: dict[str, str]  # each target's stem
    skeletons: dict[str, list[str]]  # consonant skeleton -> the targets with it ("cnsnt" -> ["consent"])
    target_uses: dict[str, int]  # how many of the FAQ's phrasings use each target



def skeleton(word: str) -> str:
    return re.sub(r"[aeiou]", "", word)



def semantic_text(raw: str, corrections: Mapping[str, str] | None = None) -> str:
    """What the embedding reads: the normalised text (placeholders gone, the sector's abbreviations
    on one token), typos corrected."""
    words = text.normalise(raw).split()
    if corrections:
        words = [corrections.get(w, w) for w in words]
    return " ".join(words)


def frozen_learned(learned: Mapping[str, Sequence[str]]) -> tuple:
    return tuple(sorted((k, tuple(v)) for k, v in learned.items() if v))


@lru_cache(maxsize=8)
def cached_index(entries: tuple[FaqEntry, ...], learned: tuple) -> "Index":
    """Indexes are immutable once built: a matcher for the same FAQ and learned phrasings (a
    restarted service, a second one in the same process) shares the first one's."""
    return build_index(entries, dict(learned))


def build_index(entries: Iterable[FaqEntry], learned: Mapping[str, Sequence[str]]) -> Index:
    entries = list(entries)
    phrasings_by_entry: list[list[Phrasing]] = []
    users: dict[str, list[int]] = defaultdict(list)
    centrality_by_entry: list[dict[str, float]] = []
    documents: list[list[str]] = []  # BM25: each entry's phrasings and keywords, tokens repeated
    texts_by_entry: list[list[str]] = []  # what the semantic signal embeds
    surfaces: dict[str, str] = {}  # every word the FAQ uses -> its stem
    uses: dict[str, int] = defaultdict(int)  # every word the FAQ uses -> in how many phrasings
    curated: set[str] = set()  # words of questions and keywords: written with care, never typos
    for entry_index, entry in enumerate(entries):
        texts = [*entry.phrasings, *learned.get(entry.id, ())]
        phrasings = [_phrasing(entry_index, t) for t in texts]
        keyword_tokens = frozenset(t for k in entry.keywords for t in text.match_tokens(k))
        if keyword_tokens:
            phrasings.append(Phrasing(entry_index, keyword_tokens, " ".join(sorted(keyword_tokens)), "keywords"))
        phrasings = [p for p in phrasings if p.tokens]
        phrasings_by_entry.append(phrasings)
        centrality_by_entry.append(_centrality(phrasings))
        for token in centrality_by_entry[-1]:
            users[token].append(entry_index)
        documents.append([t for p in phrasings for t in p.tokens])
        keywords = [" ".join(entry.keywords)] if entry.keywords else []
        texts_by_entry.append([semantic_text(t) for t in (*texts, *keywords)])
        for raw in (*texts, *entry.keywords):
            for word in set(text.content_words(raw)):
                surfaces.setdefault(word, text.stem(word))
                uses[word] += 1
        for raw in (entry.question, *entry.keywords):
            curated.update(text.content_words(raw))
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
    targets = sorted(
        w for w, stem in surfaces.items()
        if stem in idf and w.isalpha() and len(w) >= 3
        and (w in curated or w in text.CANONICAL or lexicon.is_real(w))
    )
    # The everyday words the normaliser maps to a word the FAQ uses ("information" to "info",
    # "permission" to "consent") are targets too, so that "informaton" and "permision" are read.
    stems = {w: surfaces[w] for w in targets}
    for word, canonical in text.WORDS.items():
        if word.isalpha() and len(word) >= 4 and canonical.isalpha() and word not in stems:
            if text.stem(canonical) in idf and lexicon.is_real(word):
                stems[word] = text.stem(canonical)
    targets = sorted(stems)
    skeletons: dict[str, list[str]] = defaultdict(list)
    for word in targets:
        if len(word) >= 4 and len(skeleton(word)) >= 3:
            skeletons[skeleton(word)].append(word)
    flat = [p for phrasings in phrasings_by_entry for p in phrasings]
    by_token: dict[str, list[int]] = defaultdict(list)
    for number, phrasing in enumerate(flat):
        for token in phrasing.tokens:
            by_token[token].append(number)
    phrasing_postings = {t: np.array(v, dtype=np.int64) for t, v in by_token.items()}
    phrasing_owner = np.array([p.entry_index for p in flat], dtype=np.int64)
    phrasing_weight = np.array([p.weight for p in flat], dtype=np.float64)
    phrasing_slices, start = [], 0
    for phrasings in phrasings_by_entry:
        phrasing_slices.append((start, start + len(phrasings)))
        start += len(phrasings)
    posting_arrays = {
        token: (np.array([i for i, _ in pairs], dtype=np.int64), np.array([w for _, w in pairs], dtype=np.float64))
        for token, pairs in postings.items()
    }
    return Index(
        entries, phrasings_by_entry, sorted(postings), postings, posting_arrays, phrasing_postings, phrasing_owner,
        phrasing_weight, [[p.token_string for p in ps] for ps in phrasings_by_entry], [p.original for p in flat],
        [np.arange(start, end) for start, end in phrasing_slices], idf, unknown_weight, vocabulary_by_entry,
        centrality_by_entry, common_above=max(int(count * COMMON_SHARE), CANDIDATES),
        candidates=max(CANDIDATES, count // ENTRIES_PER_CANDIDATE),
        bm25=ranking.Bm25(documents), semantic=ranking.Semantic(texts_by_entry),
        targets_by_length=_near_in_length(targets), target_stems=stems, skeletons=dict(skeletons),
        target_uses={w: uses.get(w, 0) for w in targets},
    )


def edit_limit(length: int) -> int:
    """How many edits a typo of this many letters may be from the word meant (a swap of two is one)."""
    return 1 if length < 8 else 2


def _near_in_length(words: list[str]) -> dict[int, list[str]]:
    """For each length of typo, the ``words`` it may be a typo of by length alone: a word of another
    length is at least the difference in edits away."""
    lengths = range(1, max(map(len, words), default=0) + 3)
    return {n: [w for w in words if abs(len(w) - n) <= edit_limit(n)] for n in lengths}


def _centrality(phrasings: list[Phrasing]) -> dict[str, float]:
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
def phrasing_tokens(raw: str) -> tuple[frozenset[str], str]:
    tokens = frozenset(text.match_tokens(raw))
    return tokens, " ".join(sorted(tokens))


def _phrasing(entry_index: int, raw: str) -> Phrasing:
    tokens, token_string = phrasing_tokens(raw)
    return Phrasing(entry_index, tokens, token_string, raw)
