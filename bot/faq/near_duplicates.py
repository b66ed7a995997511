"""The FAQ's one check across all its entries: a phrasing (question or variant) nearly the same as
another entry's is an error, since the matcher could not tell the two entries apart on it."""

from __future__ import annotations

from collections import Counter
from typing import Callable

import numpy as np
from rapidfuzz import fuzz, process

from bot import text
from bot.faq.model import FaqEntry, Problem

# Two phrasings of different entries this alike (rapidfuzz ratio of their normalised forms)
# would make the matcher pick between them at random.
NEAR_DUPLICATE_SCORE = 92

def near_duplicate_phrasings(entries: list[FaqEntry], line_of: Callable[[FaqEntry, int], int | None] | None = None
                             ) -> list[Problem]:
    """A problem for each pair of entries with phrasings this alike, at the later phrasing's line:
    ``line_of(entry, n)`` is the line of the entry's phrasing n (0 its question, n its n-th variant)."""
    owners: list[FaqEntry] = []
    places: list[int] = []
    phrasings: list[str] = []
    originals: list[str] = []
    for entry in entries:
        for place, phrasing in enumerate(entry.phrasings):
            owners.append(entry)
            places.append(place)
            originals.append(phrasing)
            phrasings.append(text.normalise(phrasing))
    problems = []
    reported: set[tuple[str, str]] = set()
    for i, alike in enumerate(_alike_later_phrasings(phrasings)):
        for score, j in alike:
            if owners[i].id == owners[j].id:
                continue
            pair = (owners[i].id, owners[j].id)
            if pair in reported:
                continue
            reported.add(pair)
            problems.append(
                Problem(
                    owners[j].file,
                    f"phrasing {originals[j]!r} nearly duplicates {originals[i]!r} of entry "
                    f"'{owners[i].id}' ({score:.0f}% alike); keep it in one entry only",
                    owners[j].id,
                    "question" if places[j] == 0 else "variants",
                    line_of(owners[j], places[j]) if line_of else None,
                )
            )
    return problems


NEAR_DUPLICATE_BLOCK = 256  # phrasings compared with the later ones at once (a block of rows of the pair matrix)


def _alike_later_phrasings(phrasings: list[str]) -> list[list[tuple[float, int]]]:
    """For each phrasing i, the later ones j > i at least ``NEAR_DUPLICATE_SCORE`` alike (fuzz.ratio), as
    (score, j), best first and in index order among equals (as ``process.extract`` lists them).

    Exact, and far from quadratic in Python: fuzz.ratio is 200 * LCS / (len(a) + len(b)), and the longest
    common subsequence has at most as many of each character as the string with fewer, so a pair is
    scored only if sum over characters of min(count in a, count in b) reaches the line. Those sums are one
    matrix product per block of rows (each string coded as 0/1 columns "character c at least t times");
    the few pairs left are scored in bulk (``process.cpdist``, all cores)."""
    cutoff = NEAR_DUPLICATE_SCORE
    coded = _character_counts_in_unary(phrasings)
    lengths = coded.sum(axis=1)
    alike: list[list[tuple[float, int]]] = [[] for _ in phrasings]
    for start in range(0, len(phrasings), NEAR_DUPLICATE_BLOCK):
        rows = np.arange(start, min(start + NEAR_DUPLICATE_BLOCK, len(phrasings)))
        shared = coded[rows] @ coded[start:].T  # at most the LCS of each pair; exact small integers in float32
        # one below the line as margin for the scorer's floating point
        reachable = 200 * shared >= cutoff * (lengths[rows, None] + lengths[None, start:]) - 1
        row, column = np.nonzero(reachable)
        first, later = rows[row], column + start
        first, later = first[later > first], later[later > first]
        if not len(first):
            continue
        scores = process.cpdist([phrasings[i] for i in first], [phrasings[j] for j in later], scorer=fuzz.ratio,
                                score_cutoff=cutoff, dtype=np.float64, workers=-1)
        for i, j, score in zip(first.tolist(), later.tolist(), scores.tolist()):
            if score >= cutoff:
                alike[i].append((score, j))
    for found in alike:
        found.sort(key=lambda match: (-match[0], match[1]))
    return alike


def _character_counts_in_unary(phrasings: list[str]) -> np.ndarray:
    """One row per phrasing, one 0/1 column per (character, t): 1 when the character occurs at least t
    times, so the dot product of two rows is the sum over characters of the smaller count."""
    counts = [Counter(phrasing) for phrasing in phrasings]
    most: dict[str, int] = {}
    for count in counts:
        for char, times in count.items():
            most[char] = max(most.get(char, 0), times)
    offset, column = 0, {}
    for char in sorted(most):
        column[char], offset = offset, offset + most[char]
    coded = np.zeros((len(phrasings), offset), dtype=np.float32)
    for row, count in enumerate(counts):
        for char, times in count.items():
            coded[row, column[char]:column[char] + times] = 1
    return coded
