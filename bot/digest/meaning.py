"""What a question means, for grouping: a unit vector per question, and its nearest neighbours.

A question's vector is the WordLlama static embedding (``bot.ranking.embedder``) of its meaningful
words. ``bot.text.normalise`` drops redaction placeholders ("[name]", "[postcode]"), so two questions
are not alike for naming someone; stopwords go, so "can I share ... with" does not make every question
alike; and so do words the embedding does not know (``MAX_PIECES``). What every question of the sector
has in common (the mean vector of the bundled FAQ's questions and phrasings, a fixed background) is
then taken away before normalising: what is left tells one question from another. The cosine of two
such vectors is their similarity of meaning: "kid" is near "child", "declined" near "refused".

``nearest_neighbours`` finds, for every question, the ``k`` most alike by exact cosine in bulk (a
chunk of rows against the whole matrix at a time, in bounded memory): O(n^2 d) multiply-adds, but
numpy's. Everything is deterministic: the same vectors in the same order give the same neighbours and
cosines in every process.
"""

from __future__ import annotations

import threading
from typing import Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot import lexicon
from bot import text as textnorm
from bot.ranking import embedder

# A word the embedding's vocabulary breaks into more pieces than this is one it does not know (a made-up
# name, a code, words run together): its pieces' vectors say nothing of its meaning, and a long run of
# them makes any two such texts look alike. Real questions' words: 99 % in three pieces or fewer.
MAX_PIECES = 3
TYPO_MIN_LETTERS = 5  # a shorter word one edit from another is as likely a different word
CHUNK_CELLS = 1 << 23  # cosines computed at once (32 MB of float32)

_background: np.ndarray | None = None
_background_lock = threading.Lock()


def meaningful_words(text: str) -> str:
    """The words of ``text`` that carry its meaning: no placeholders, stopwords or numbers (the words
    compare numbers; to the embedding any two look alike)."""
    return " ".join(w for w in textnorm.normalise(text).split() if w not in textnorm.STOPWORDS and not w.isdigit())


def background() -> np.ndarray:
    """The mean raw vector of the bundled FAQ's questions and phrasings (read once per process)."""
    global _background
    with _background_lock:
        if _background is None:
            from bot.faq import load_faq

            faq = load_faq(check_near_duplicates=False)
            texts = known_words([p for entry in faq.entries for p in (entry.question, *entry.phrasings)])
            _background = embedder().vectors(texts).astype(np.float64).mean(axis=0).astype(np.float32)
    return _background


def known_words(texts: Sequence[str], corrections: dict[str, str] | None = None) -> list[str]:
    """Each text's ``meaningful_words``, typos corrected (``typo_corrections`` of the texts' words
    unless given), less the words the embedding does not know (``MAX_PIECES``)."""
    words = [meaningful_words(t).split() for t in texts]
    if corrections is None:
        corrections = typo_corrections(sorted({w for ws in words for w in ws}))
    words = [[corrections.get(w, w) for w in ws] for ws in words]
    vocabulary = sorted({w for ws in words for w in ws})
    pieces = embedder().tokenizer.encode_batch(vocabulary, add_special_tokens=False) if vocabulary else []
    known = {w for w, p in zip(vocabulary, pieces) if len(p.ids) <= MAX_PIECES}
    return [" ".join(w for w in ws if w in known) for ws in words]


def typo_corrections(vocabulary: Sequence[str]) -> dict[str, str]:
    """For each word of ``vocabulary`` (sorted) that is no English word, the real word of the
    vocabulary it is one edit from (two for a long word; a swap of two letters is one edit), if any:
    "polcie" is "police" when someone else typed "police". The embedding reads a typo as other words."""
    real = [w for w in vocabulary if lexicon.is_real(w)]
    corrections = {}
    for word in vocabulary:
        if len(word) >= TYPO_MIN_LETTERS and word.isalpha() and not lexicon.is_real(word):
            found = process.extractOne(word, real, scorer=OSA.distance, score_cutoff=1 if len(word) < 8 else 2)
            if found:
                corrections[word] = found[0]
    return corrections


def corrections_of(texts: Sequence[str]) -> dict[str, str]:
    """``typo_corrections`` of the meaningful words of ``texts``."""
    return typo_corrections(sorted({w for t in texts for w in meaningful_words(t).split()}))


def question_vectors(texts: Sequence[str], corrections: dict[str, str] | None = None) -> np.ndarray:
    """One unit vector per text (float32), the background taken away; zeros for a text with no
    known meaningful word (it is like nothing). ``corrections``: the texts' typos, if known."""
    words = known_words(texts, corrections)
    raw = embedder().vectors(words)
    filled = np.array([bool(w) for w in words], dtype=bool)
    centred = np.where(filled[:, None], raw - background(), 0.0).astype(np.float32)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    return centred / np.where(norms > 0, norms, 1.0)


def nearest_neighbours(vectors: np.ndarray, k: int, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j), each once, where j is among i's ``k`` nearest (or i among j's) with a cosine
    of at least ``floor``."""
    n = len(vectors)
    k = min(k, n - 1)
    if k <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rows_at_once = max(1, CHUNK_CELLS // n)
    keys = []
    for start in range(0, n, rows_at_once):
        stop = min(n, start + rows_at_once)
        cosines = vectors[start:stop] @ vectors.T
        cosines[np.arange(stop - start), np.arange(start, stop)] = -np.inf  # not its own neighbour
        rows, columns = np.nonzero(_nearest(cosines, k, floor))
        rows += start
        keys.append(np.minimum(rows, columns) * n + np.maximum(rows, columns))
    unique = np.unique(np.concatenate(keys))
    return unique // n, unique % n


def _nearest(cosines: np.ndarray, k: int, floor: float) -> np.ndarray:
    """Which cosines of each row are among its ``k`` highest and at least ``floor``."""
    n = cosines.shape[1]
    # the k-th highest of each row by value (much faster than finding positions), then every cosine
    # at least that high; a row with ties at its k-th (copies of one text) has its k found by position
    kth = np.partition(cosines, n - k, axis=1)[:, n - k]
    near = cosines >= np.maximum(kth, floor)[:, None]
    tied = np.flatnonzero(near.sum(axis=1) > k)
    if len(tied):
        positions = np.argpartition(cosines[tied], n - k, axis=1)[:, n - k:]
        near[tied] = False
        rows = np.broadcast_to(tied[:, None], positions.shape)
        near[rows, positions] = cosines[rows, positions] >= floor
    return near


def pair_cosines(vectors: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The cosine of each pair (first[m], second[m]), in float64, the same however the pairs are chunked."""
    out = np.empty(len(first))
    step = max(1, CHUNK_CELLS // vectors.shape[1])
    for start in range(0, len(first), step):
        a, b = first[start:start + step], second[start:start + step]
        out[start:start + step] = np.einsum("ij,ij->i", vectors[a], vectors[b], dtype=np.float64)
    return out
