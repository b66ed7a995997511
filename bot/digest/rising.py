"""Topics rising against the week's volume: a topic is rising when it took a larger share of this
week's questions than of the weeks before, by more than chance allows when every topic is tested at
once. A week that is merely busier (every topic keeping its share) lists none; how much busier it
was is said on its own (``Volume``)."""

from __future__ import annotations

import math
from dataclasses import dataclass

RISING_WEEKS = 8  # a topic's share is taken over the eight weeks before this one
TOP_RISING = 5
RISING_MIN_COUNT = 3  # a topic asked fewer times this week is not "rising", whatever its share before
# The chance of listing any topic at all in a week where none changed its share (a family-wise false
# alarm rate): each topic is tested at this rate divided by the number of topics tested (Bonferroni),
# so that testing some 66 entries at once does not list three of them every week by chance.
RISING_FALSE_ALARM = 0.05


@dataclass(frozen=True)
class RisingTopic:
    faq_id: str
    title: str | None  # None: no longer in the FAQ
    count: int  # this week
    expected: float  # its share of the questions of the weeks before, times this week's questions
    average: float  # per week, over the weeks before this one since the bot's first question (up to RISING_WEEKS)


@dataclass(frozen=True)
class Volume:
    """This week's questions against the average week before (the weeks since the bot's first question)."""

    asked: int
    average: float
    weeks: int  # the weeks before averaged over

    @property
    def change_percent(self) -> int | None:
        return round(100 * (self.asked - self.average) / self.average) if self.average else None


def upper_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed in log space from k up (the terms fall fast beyond the
    mean, so only a few standard deviations are added)."""
    if k <= 0:
        return 1.0
    if k > n or p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    log_p, log_q = math.log(p), math.log1p(-p)
    log_first = (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * log_p + (n - k) * log_q)
    total, term = 0.0, 1.0
    for i in range(k, n + 1):
        total += term
        term *= (n - i) / (i + 1) * p / (1 - p)
        if term < 1e-12 * total:
            break
    return min(1.0, math.exp(log_first) * total)


def rising_topics(counts: dict[str, int], asked: int, history_counts: dict[str, int], history_asked: int,
                  history_weeks: int, title) -> tuple[RisingTopic, ...]:
    """The topics whose share of this week's ``asked`` questions rose beyond chance, most surprising first.

    A topic asked c times this week and h times in the weeks before is tested as the two-period
    comparison of rates: given its c + h questions, c follows Binomial(c + h, asked / (asked +
    history_asked)) if its share did not change. A topic nobody asked about before needs a few
    questions to stand out, and its history's own noise is allowed for."""
    if not history_weeks or not history_asked or not asked:
        return ()
    p = asked / (asked + history_asked)
    tested = set(counts) | set(history_counts)
    threshold = RISING_FALSE_ALARM / max(1, len(tested))
    found = []
    for faq_id, count in counts.items():
        before = history_counts.get(faq_id, 0)
        expected = before * asked / history_asked
        if count < RISING_MIN_COUNT or count <= expected:
            continue
        chance = upper_tail(count, count + before, p)
        if chance < threshold:
            found.append((chance, -count, faq_id, RisingTopic(
                faq_id, title(faq_id), count, round(expected, 1), round(before / history_weeks, 1))))
    return tuple(r for *_, r in sorted(found)[:TOP_RISING])
