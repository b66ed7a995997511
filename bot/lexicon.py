"""How common an English word is: the word-frequency list shipped inside the ``symspellpy`` package
(82,765 words with their counts in a large English corpus, British and US spellings).

The matcher asks two things of it:

* ``is_real(word)``: is this a real word, not a typo? Typos are corrected only towards real words,
  and a real word is never "corrected" into another one ("concern" stays "concern").
* ``count(word)``: how common the word is in everyday English. One everyday word ("meeting",
  "file") is not enough evidence for an answer or a suggestion; one sector term ("marac",
  "caldicott", "safeguarding") can be.

The list is read once, on first use (about 60 ms), from the installed package's folder without
importing it. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache
from pathlib import Path

DICTIONARY_FILE = "frequency_dictionary_en_82_765.txt"
# Below this count a listed word is as likely a common misspelling that made it into the corpus
# ("concent": 21,490) as a word; real but rare words the FAQ uses are known from the FAQ itself.
REAL_COUNT = 50_000

_lock = threading.Lock()
_counts: dict[str, str] | None = None


def _dictionary_path() -> Path:
    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the symspellpy package (its English word list) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / DICTIONARY_FILE


def _load() -> dict[str, str]:
    global _counts
    with _lock:
        if _counts is None:
            words = _dictionary_path().read_text(encoding="utf-8").split()
            _counts = dict(zip(words[::2], words[1::2]))  # counts parsed on lookup
    return _counts


@lru_cache(maxsize=50_000)
def count(word: str) -> int:
    """How often ``word`` (lower case) occurs in the corpus; 0 when it is not listed."""
    counts = _counts if _counts is not None else _load()
    value = counts.get(word)
    return int(value) if value else 0


def is_real(word: str) -> bool:
    """A listed word common enough not to be a misspelling."""
    return count(word) >= REAL_COUNT
