"""Entries rated not helpful, ranked by how likely a reader finds them not helpful rather than by how
many ratings they drew: by the Wilson lower bound of the not-helpful rate, entries with too few
ratings to tell after the rest."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from bot.records import HELPFUL, NOT_HELPFUL

TOP_UNHELPFUL = 10
UNHELPFUL_MIN_RATINGS = 3  # fewer ratings than this say too little to rank an entry by its rate
UNHELPFUL_HIGH_RATE = 0.5  # an entry at least half its raters found not helpful "needs attention"
WILSON_Z = 1.96  # a 95 % interval


@dataclass(frozen=True)
class EntryRating:
    faq_id: str
    title: str | None
    not_helpful: int
    helpful: int

    @property
    def ratings(self) -> int:
        return self.not_helpful + self.helpful

    @property
    def rate(self) -> float:
        return self.not_helpful / self.ratings if self.ratings else 0.0

    @property
    def high(self) -> bool:
        """Rated often enough, and not helpful by at least UNHELPFUL_HIGH_RATE of its raters."""
        return self.ratings >= UNHELPFUL_MIN_RATINGS and self.rate >= UNHELPFUL_HIGH_RATE


@dataclass(frozen=True)
class Unhelpful:
    listed: tuple[EntryRating, ...] = ()  # the first TOP_UNHELPFUL, ranked
    entries: int = 0  # every entry rated not helpful at least once this week
    high: int = 0  # of those, the ones rated not helpful by most of at least UNHELPFUL_MIN_RATINGS raters

    @property
    def more(self) -> int:
        return self.entries - len(self.listed)


def wilson_lower(successes: int, trials: int, z: float = WILSON_Z) -> float:
    """The lower bound of the Wilson score interval of a rate: small samples are not taken at face value."""
    if not trials:
        return 0.0
    p = successes / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return (centre - spread) / (1 + z * z / trials)


def rank_unhelpful(ratings: dict[str, Counter], title, limit: int = TOP_UNHELPFUL) -> Unhelpful:
    """``ratings``: per entry, a Counter of ratings. Entries with a not-helpful rating, ranked."""
    rated = [EntryRating(i, title(i), c[NOT_HELPFUL], c[HELPFUL]) for i, c in ratings.items() if c[NOT_HELPFUL]]
    rated.sort(key=lambda r: (r.ratings < UNHELPFUL_MIN_RATINGS, -wilson_lower(r.not_helpful, r.ratings),
                              -r.not_helpful, r.faq_id))
    return Unhelpful(tuple(rated[:limit]), len(rated), sum(1 for r in rated if r.high))
