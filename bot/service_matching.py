"""The service's matcher: one built for the current FAQ and learned phrasings, rebuilt only when either changes;
and one built ahead, in the FAQ's reload thread, for an edited FAQ, so that the first question after an edit does
not wait for the index (seconds for a large FAQ)."""

from __future__ import annotations

import threading
from typing import Callable

from bot.faq import Faq
from bot.matching import Matcher, Thresholds
from bot.store import Store

WARM_UP_QUESTION = "can I share this?"  # a first match fills the matcher's lazily built parts


def check_install() -> None:
    """Read the shipped models now (the matcher's, the digest's grouping model): ``DamagedInstall`` at
    start-up, not at the first question or the first digest."""
    from bot import match_classifier, match_examples, match_model
    from bot.digest import pairs

    match_model.stored(), match_model.stored_without_examples(), match_examples.stored(), pairs.stored()
    match_classifier.stored()


class CurrentMatcher:
    """The matcher for ``current_faq()`` and the store's learned phrasings, with ``thresholds``."""

    def __init__(self, store: Store, current_faq: Callable[[], Faq], thresholds: Thresholds):
        self.store = store
        self.current_faq = current_faq
        self.thresholds = thresholds
        self._lock = threading.Lock()
        self._matcher: Matcher | None = None
        self._matcher_key: tuple | None = None
        self._matcher_ahead: tuple[tuple | None, Matcher | None] = (None, None)  # built in a FAQ reload

    def matcher(self) -> Matcher:
        """The matcher for the current FAQ and learned phrasings: the one built ahead for them when
        there is one, else built now (only when either has changed)."""
        faq = self.current_faq()
        key = (id(faq), self.store.learned_version())
        with self._lock:
            if self._matcher is None or key != self._matcher_key:
                ahead_key, ahead = self._matcher_ahead
                self._matcher = ahead if ahead is not None and ahead_key == key else \
                    Matcher(faq, self.store.learned_phrasings(), self.thresholds)
                self._matcher_key = key
            return self._matcher

    def prepare(self, faq: Faq) -> None:
        """Build the matcher for ``faq`` before it is served (the reload's thread calls this). Built
        outside the lock: questions meanwhile go on with the current matcher."""
        key = (id(faq), self.store.learned_version())  # read first: a phrasing learned meanwhile makes it stale
        matcher = Matcher(faq, self.store.learned_phrasings(), self.thresholds)
        matcher.match(WARM_UP_QUESTION)
        with self._lock:
            self._matcher_ahead = (key, matcher)
