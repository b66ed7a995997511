"""The matcher's two independent ranking signals, beside its own lexical scorer (``bot.matching``):

* **BM25** (``bm25s``, Lucene's variant, numpy backend): every entry's phrasings and keywords as one
  document of stemmed tokens, scored exhaustively for the question's known tokens. It weighs term
  frequency and document length where the lexical scorer weighs centrality and closeness, so the two
  err on different questions.
* **Semantic** similarity from static word embeddings: the 256-dimensional WordLlama "l2_supercat"
  token embeddings shipped inside the ``wordllama`` wheel (read here with ``tokenizers`` and
  ``safetensors``; the ``wordllama`` package itself is not imported, so nothing can be downloaded).
  A text's vector is the mean of its tokens' vectors; an entry scores half its best phrasing's
  cosine plus half the cosine with the mean of its phrasings (what the entry is about, whatever
  the wording). It knows that "kid" is near "child" and "declined" near "refused" without any rule.

Both are deterministic and need no network. The semantic signal is computed for the candidate
entries only, so its cost does not grow with the FAQ.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Sequence

import bm25s
import numpy as np

WORDLLAMA_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
WORDLLAMA_WEIGHTS = "weights/l2_supercat_256.safetensors"
MAX_TOKENS = 256  # a question longer than this is embedded from its first 256 tokens
WORDS_KEPT = 50_000  # words whose token ids are remembered


class Bm25:
    """BM25 scores of a query's tokens against every document, best first on request."""

    def __init__(self, documents: Sequence[Sequence[str]]):
        self._model = bm25s.BM25(method="lucene", backend="numpy", csc_backend="numpy")
        # bm25s cannot index an empty document; an entry with no tokens gets a token no query has.
        self._model.index([list(d) or ["\x00"] for d in documents], show_progress=False)
        self._postings = self._token_postings()
        self.size = len(documents)

    def _token_postings(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Each token's documents and its score in each, from the index bm25s computed (its CSC arrays)."""
        matrix = self._model.scores
        data, documents, starts = matrix["data"], matrix["indices"], matrix["indptr"]
        return {token: (documents[starts[i]:starts[i + 1]], data[starts[i]:starts[i + 1]])
                for token, i in self._model.vocab_dict.items() if i + 1 < len(starts)}  # bm25s adds "" past the end

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """What ``bm25s.BM25.get_scores`` gives (the Lucene variant has no score for absent tokens): each
        token's scores added in turn, in float32, by one ``np.add.at`` (it adds in the order given)
        instead of one per token."""
        out = np.zeros(self.size, dtype=np.float32)
        found = [self._postings[t] for t in tokens if t in self._postings]
        if found:
            np.add.at(out, np.concatenate([d for d, _ in found]), np.concatenate([v for _, v in found]))
        return out


_FIRST_ROW = np.zeros(1, dtype=np.int64)


class _Embedder:
    """Mean-pooled static token embeddings, as WordLlama computes them."""

    def __init__(self, folder: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(folder / WORDLLAMA_TOKENIZER))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.table = load_file(str(folder / WORDLLAMA_WEIGHTS))["embedding.weight"].astype(np.float32)
        self._word_by_word = _encodes_word_by_word(self.tokenizer)
        self._word_ids = lru_cache(maxsize=WORDS_KEPT)(self._encode_word)

    def _encode_word(self, word: str) -> tuple[int, ...]:
        return tuple(self.tokenizer.encode(word, add_special_tokens=False).ids)

    def _ids(self, text: str) -> list[int]:
        """The text's token ids: for words joined by single spaces, each word's own, remembered."""
        words = text.split()
        if self._word_by_word and " ".join(words) == text and "▁" not in text:
            return [i for word in words for i in self._word_ids(word)]
        return self.tokenizer.encode(text, add_special_tokens=False).ids

    def vector(self, text: str) -> np.ndarray:
        """``vectors([text])[0]`` by the same arithmetic, without a batch's bookkeeping (one per question)."""
        ids = self._ids(text)[:MAX_TOKENS]
        if not ids:
            return np.zeros(self.table.shape[1], dtype=np.float32)
        rows = np.minimum(np.array(ids, dtype=np.int64), len(self.table) - 1)  # token ids are never negative
        means = np.add.reduceat(self.table[rows], _FIRST_ROW, axis=0) / np.array([[len(ids)]])
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        return (means / np.where(norms > 0, norms, 1.0))[0].astype(np.float32)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (zeros for a text with no tokens)."""
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        if not texts:
            return out
        if len(texts) == 1:  # one question: no thread pool
            encodings = [self.tokenizer.encode(texts[0], add_special_tokens=False)]
        else:
            encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        ids = [e.ids[:MAX_TOKENS] for e in encodings]
        lengths = np.array([len(i) for i in ids])
        filled = np.flatnonzero(lengths)
        if not len(filled):
            return out
        flat = np.clip(np.fromiter((t for i in ids for t in i), dtype=np.int64), 0, len(self.table) - 1)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[filled]
        sums = np.add.reduceat(self.table[flat], starts, axis=0)
        means = sums / lengths[filled, None]
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        out[filled] = means / np.where(norms > 0, norms, 1.0)
        return out


def _encodes_word_by_word(tokenizer) -> bool:
    """Whether a text of words and single spaces encodes as its words do one by one. True of WordLlama's
    tokenizer (Llama's BPE): it puts "▁" before the text and for each space and splits nothing before
    merging, and none of its tokens has a "▁" after its start (tests/test_matching.py checks the
    vocabulary, too slow to read at every start), so no merge crosses the start of a word."""
    normalizer = json.loads(tokenizer.normalizer.__getstate__()) if tokenizer.normalizer else None
    return tokenizer.pre_tokenizer is None and normalizer == _SPACE_TO_MARK


_SPACE_TO_MARK = {"type": "Sequence", "normalizers": [
    {"type": "Prepend", "prepend": "▁"}, {"type": "Replace", "pattern": {"String": " "}, "content": "▁"},
]}
_embedder: _Embedder | None = None
_embedder_lock = threading.Lock()


def wordllama_folder() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the wordllama package (its embedding weights) is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def embedder() -> _Embedder:
    """The one embedder of this process (the weights are 16 MB; read once)."""
    global _embedder
    with _embedder_lock:
        if _embedder is None:
            _embedder = _Embedder(wordllama_folder())
    return _embedder


_phrasing_vectors: dict[str, np.ndarray] = {}  # phrasing -> vector, so that a rebuilt index reuses them
PHRASING_VECTORS_KEPT = 50_000


def _vectors_of(texts: list[str]) -> np.ndarray:
    if len(texts) > PHRASING_VECTORS_KEPT:  # a huge FAQ: embed it whole, keep nothing
        return embedder().vectors(texts)
    with _embedder_lock:
        missing = list(dict.fromkeys(t for t in texts if t not in _phrasing_vectors))
        if len(_phrasing_vectors) + len(missing) > PHRASING_VECTORS_KEPT:
            _phrasing_vectors.clear()
            missing = list(dict.fromkeys(texts))
        vectors = dict(_phrasing_vectors)
    if missing:
        new = dict(zip(missing, embedder().vectors(missing)))
        vectors.update(new)
        with _embedder_lock:
            _phrasing_vectors.update(new)
    return np.stack([vectors[t] for t in texts])


class Semantic:
    """How near a question is to each entry: half the best cosine with one of its phrasings, half the
    cosine with their centroid."""

    def __init__(self, phrasings_by_entry: Sequence[Sequence[str]]):
        texts = [p for phrasings in phrasings_by_entry for p in phrasings]
        self._matrix = _vectors_of(texts) if texts else np.zeros((0, 1), dtype=np.float32)
        self._slices = []
        start = 0
        centroids = []
        for phrasings in phrasings_by_entry:
            self._slices.append((start, start + len(phrasings)))
            centroid = self._matrix[start:start + len(phrasings)].sum(axis=0) if phrasings else None
            norm = float(np.linalg.norm(centroid)) if centroid is not None else 0.0
            centroids.append(centroid / norm if norm else np.zeros(self._matrix.shape[1], dtype=np.float32))
            start += len(phrasings)
        self._centroids = np.stack(centroids) if centroids else np.zeros((0, 1), dtype=np.float32)
        self._rows = [np.arange(start, end) for start, end in self._slices]  # built once, read per question

    @staticmethod
    def vector(text: str) -> np.ndarray:
        return embedder().vector(text)

    def scores(self, vector: np.ndarray, entry_indexes: Sequence[int]) -> list[float]:
        """For each entry in ``entry_indexes``: its nearness to ``vector``, 0 to 1."""
        if not entry_indexes:
            return []
        rows = [self._rows[i] for i in entry_indexes]
        sizes = [len(r) for r in rows]
        cosines = self._matrix[np.concatenate(rows)] @ vector
        central = self._centroids[list(entry_indexes)] @ vector
        if all(sizes):  # each entry's best phrasing in one call
            best = np.maximum.reduceat(cosines, list(accumulate(sizes[:-1], initial=0)))
            return [max(0.0, 0.5 * b + 0.5 * c) for b, c in zip(best.tolist(), central.tolist())]
        out, start = [], 0
        for size, to_centroid in zip(sizes, central):
            best = float(cosines[start:start + size].max()) if size else 0.0
            out.append(max(0.0, 0.5 * best + 0.5 * float(to_centroid)))
            start += size
        return out
