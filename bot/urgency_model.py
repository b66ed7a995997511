"""The fitted part of bot.urgency: a static word-embedding score and a small logistic model.

Logistic regressions fitted by ``python benchmarks/urgency_train.py`` on this project's own labelled
questions (tests/fixtures/urgent_dev*.yaml) and stored in ``bot/urgency_model.json``:

1. The embedding score. WordLlama's static token embeddings (its 256-dimension "l2_supercat"
   model, shipped inside the ``wordllama`` wheel with its tokenizer; numpy only, no PyTorch; the
   matcher's semantic signal reads the same, see ``bot.ranking``) are averaged over the question's
   tokens, and a linear model reads danger in the average. A linear model of an average is the
   average of per-token scores, so at load time every token of the vocabulary gets one number and
   scoring a question is a lookup and a mean (about 0.1 ms), and the words that pushed a question
   up can be shown. A short question's mean is pulled towards the training average by eight
   pseudo-tokens: a mean of three tokens is mostly noise.
2. The words score: a bag of the normalised question's words and word pairs (those that at least
   three training questions used), each with a weight.
3. The decision. The two scores and the counts of the word classes of ``bot.urgency_rules`` (seven
   kinds of harm, now, past, resolved, frame, admin, and products of the harm total with now, with
   the past, with framing and with paperwork) go through a last logistic model, fitted on
   out-of-fold scores; the question is urgent at or above the stored threshold.

If the embedding cannot be loaded (``wordllama`` missing or changed), a decision fitted without the
embedding score is used instead and a warning is logged once; its cross-validated figures are
stored beside the full model's, so the loss is known.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot import logistic, urgency_welsh

log = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("urgency_model.json")


class EmbeddingUnavailable(RuntimeError):
    pass


class Embedding:
    """WordLlama's tokenizer and token embedding matrix: the same ones the matcher's semantic signal
    reads (``bot.ranking.embedder``, loaded once per process from the installed wheel; the
    ``wordllama`` package itself is never imported, so nothing can be downloaded)."""

    def __init__(self, tokenizer, matrix: np.ndarray):
        self.tokenizer = tokenizer
        self.matrix = matrix  # vocabulary x 256, float32

    @classmethod
    def load(cls) -> "Embedding":
        try:
            from bot.ranking import embedder

            shared = embedder()
        except Exception as exc:  # missing package, moved files: the caller falls back
            raise EmbeddingUnavailable(str(exc)) from exc
        return cls(shared.tokenizer, shared.table)

    def ids(self, text: str) -> list[int]:
        return self.tokenizer.encode(text, add_special_tokens=False).ids

    def tokens(self, text: str) -> list[tuple[int, str]]:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        return list(zip(encoding.ids, encoding.tokens))

    def mean(self, text: str) -> np.ndarray:
        """The average token embedding of a text (zeros for a text without tokens)."""
        ids = self.ids(text)
        if not ids:
            return np.zeros(self.matrix.shape[1], dtype=np.float64)
        return self.matrix[ids].astype(np.float64).mean(axis=0)


HARM_CLASSES = ("violence", "fear", "selfharm", "missing", "abuse", "travel", "unwell")
OTHER_CLASSES = ("now", "past", "resolved", "frame", "admin")
FEATURE_NAMES = (("embedding", "words") + HARM_CLASSES + OTHER_CLASSES
                 + ("harm*now", "harm*(past+resolved)", "harm*frame", "harm*admin"))


_WORD = re.compile(r"[a-z']+")


def _enough_words(norm: str) -> bool:
    """Whether the embedding may read the text: two different words, or one everyday English word
    ("knife", "stabbed"). A line of x's or a keyboard mash is read by the word classes alone: the
    embedding of one unknown token repeated says nothing of harm, and raised false alarms."""
    from bot.names import common_words

    words = {w for w in _WORD.findall(norm) if len(w) > 1}
    return len(words) > 1 or bool(words & common_words())


# Unread text's words score starts this share of the way from the bag of words' bias towards even odds:
# the bias alone (a text none of whose words are known) would hide the harm words its word classes find.
UNREAD_SHIFT = 0.6  # measured: the six dev sets' recall unchanged, routine Welsh not flagged
ENGLISH_SHARE = 0.5  # below this share of everyday English words, the embedding and the bag of words go unread


def reads_as_english(norm: str) -> bool:
    """Whether most of a text's words are everyday English. In another language (Welsh: "Mae'r heddlu
    wedi gofyn…") the embedding reads unknown subwords as noise, and the bag of words has learned a few
    foreign words from urgent examples: both raised false alarms, so such text is read by its word
    classes and its English words alone."""
    from bot.names import common_words

    if urgency_welsh.is_partly_welsh(norm):  # half-Welsh text too: its Welsh half is noise to both
        return False
    words = [w for w in _WORD.findall(norm) if len(w) > 1]
    return not words or sum(w in common_words() for w in words) >= ENGLISH_SHARE * len(words)


def english_grams(grams: set[str]) -> set[str]:
    from bot.names import common_words

    return {g for g in grams if all(w in common_words() for w in g.split())}


def word_grams(norm: str) -> set[str]:
    """The words and adjacent word pairs of a normalised question (the bag-of-words model's input)."""
    words = _WORD.findall(norm)
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def class_features(counts: dict[str, int]) -> list[float]:
    """The second stage's word-class features: log counts, and the harm total's products with time,
    with the past, with framing and with paperwork."""
    harm_classes = [math.log1p(counts[c]) for c in HARM_CLASSES]
    now, past, resolved, frame, admin = (math.log1p(counts[c]) for c in OTHER_CLASSES)
    harm = math.log1p(sum(counts[c] for c in HARM_CLASSES))
    products = [harm * now, harm * (past + resolved), harm * frame, harm * admin]
    return harm_classes + [now, past, resolved, frame, admin] + products


@dataclass(frozen=True)
class Linear:
    """A logistic model folded into raw feature space: logit = x . weights + bias."""

    weights: np.ndarray
    bias: float

    def logit(self, x) -> float:
        return float(np.dot(self.weights, x) + self.bias)

    def to_json(self) -> dict:
        return {"weights": [round(float(w), 8) for w in self.weights], "bias": round(float(self.bias), 8)}

    @classmethod
    def from_json(cls, data: dict) -> "Linear":
        return cls(np.asarray(data["weights"], dtype=np.float64), float(data["bias"]))


@dataclass
class Scorer:
    """Everything needed to score a question: the stored models, and the embedding if it loaded."""

    embedding_model: Linear  # over the mean token embedding
    words: dict[str, float]  # the bag-of-words model: weight of each word or word pair
    words_bias: float
    decision: Linear  # over (embedding score, words score, class features)
    fallback: Linear  # over (words score, class features)
    threshold: float
    fallback_threshold: float
    figures: dict
    prior: float = 0.0  # the training questions' average token score
    shrink_tokens: float = 0.0  # pseudo-tokens of ``prior`` added to every question
    embedding: Embedding | None = None
    token_scores: np.ndarray | None = None  # per vocabulary token: its share of the embedding logit

    @property
    def uses_embedding(self) -> bool:
        return self.token_scores is not None

    def embedding_logit(self, text: str) -> float:
        """The mean token score, pulled towards the training average by ``shrink_tokens`` pseudo-
        tokens (a mean of three tokens is mostly noise), plus the model's bias."""
        ids = self.embedding.ids(text)
        total = float(self.token_scores[ids].sum()) if ids else 0.0
        k = self.shrink_tokens
        if not ids and not k:
            return self.embedding_model.bias
        return (total + k * self.prior) / (len(ids) + k) + self.embedding_model.bias

    def top_tokens(self, text: str, n: int = 5) -> list[tuple[str, float]]:
        """The tokens that raised the embedding score most (for explanations)."""
        if not self.uses_embedding:
            return []
        tokens = self.embedding.tokens(text)
        scored = [(token, float(self.token_scores[i])) for i, token in tokens]
        return sorted(scored, key=lambda ts: -ts[1])[:n]

    def words_logit(self, grams: set[str]) -> float:
        return self.words_bias + sum(self.words.get(g, 0.0) for g in grams)

    def top_words(self, grams: set[str], n: int = 5) -> list[tuple[str, float]]:
        return sorted(((g, self.words[g]) for g in grams if g in self.words), key=lambda gw: -gw[1])[:n]

    def probability(self, text: str, norm: str, counts: dict[str, int]) -> tuple[float, float, float | None, float]:
        """(probability, threshold, embedding score or None, words score)."""
        features = class_features(counts)
        english = reads_as_english(norm)
        words = (self.words_logit(word_grams(norm)) if english
                 else self.words_logit(english_grams(word_grams(norm))) - UNREAD_SHIFT * self.words_bias)
        if self.uses_embedding and _enough_words(norm) and english:
            logit = self.embedding_logit(text)
            return _probability(self.decision.logit([logit, words] + features)), self.threshold, logit, words
        return _probability(self.fallback.logit([words] + features)), self.fallback_threshold, None, words


_lock = threading.Lock()
_scorer: Scorer | None = None


def load_scorer(path: Path = MODEL_FILE, embedding: Embedding | None = None, use_embedding: bool = True) -> Scorer:
    data = json.loads(path.read_text(encoding="utf-8"))
    scorer = Scorer(
        embedding_model=Linear.from_json(data["embedding_model"]),
        words={g: float(w) for g, w in data["words_model"]["weights"].items()},
        words_bias=float(data["words_model"]["bias"]),
        decision=Linear.from_json(data["decision"]),
        fallback=Linear.from_json(data["fallback"]),
        threshold=float(data["threshold"]),
        fallback_threshold=float(data["fallback_threshold"]),
        figures=data.get("figures", {}),
        prior=float(data.get("prior", 0.0)),
        shrink_tokens=float(data.get("shrink_tokens", 0.0)),
    )
    if tuple(data.get("features", ())) != FEATURE_NAMES or len(scorer.decision.weights) != len(FEATURE_NAMES):
        raise ValueError(f"{path} was fitted for other features than {FEATURE_NAMES}: "
                         "run python benchmarks/urgency_train.py --write")
    if use_embedding:
        try:
            scorer.embedding = embedding or Embedding.load()
            scorer.token_scores = scorer.embedding.matrix @ scorer.embedding_model.weights.astype(np.float32)
        except Exception as exc:  # a broken or missing embedding must never stop the bot
            log.warning("urgency: the word embedding could not be loaded (%s); using the word-class model alone", exc)
            scorer.embedding = scorer.token_scores = None
    return scorer


def scorer() -> Scorer:
    """The shared scorer, loaded once (about a second) on first use."""
    global _scorer
    if _scorer is None:
        with _lock:
            if _scorer is None:
                _scorer = load_scorer()
    return _scorer


def _probability(log_odds: float) -> float:
    return float(logistic.probability(np.float64(log_odds)))
