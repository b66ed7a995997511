"""The service's matcher, as a mixin of ``Service``: one built for the current FAQ and learned
phrasings, rebuilt only when either changes; and one built ahead, in the FAQ's reload thread, for
an edited FAQ, so that the first question after an edit does not wait for the index (seconds for
a large FAQ). It uses the service's store, FAQ source, thresholds and lock."""

from __future__ import annotations

from bot.faq import Faq
from bot.matching import Matcher

WARM_UP_QUESTION = "can I share this?"  # a first match fills the matcher's lazily built parts


class MatchingService:
    @staticmethod
    def check_install() -> None:
        """Read the shipped models now (the matcher's, the digest's grouping model): ``DamagedInstall`` at
        start-up, not at the first question or the first digest."""
        from bot import match_classifier, match_examples, match_model
        from bot.digest import pairs

        match_model.stored(), match_model.stored_without_examples(), match_examples.stored(), pairs.stored()
        match_classifier.stored()

    def matcher(self) -> Matcher:
        """The matcher for the current FAQ and learned phrasings: the one built ahead for them when
        there is one, else built now (only when either has changed)."""
        faq = self.faq_source.current()
        key = (id(faq), self.store.learned_version())
        with self._lock:
            if self._matcher is None or key != self._matcher_key:
                ahead_key, ahead = self._matcher_ahead
                self._matcher = ahead if ahead is not None and ahead_key == key else \
                    Matcher(faq, self.store.learned_phrasings(), self.thresholds)
                self._matcher_key = key
            return self._matcher

    def prepare_matcher(self, faq: Faq) -> None:
        """Build the matcher for ``faq`` before it is served (the reload's thread calls this). Built
        outside the lock: questions meanwhile go on with the current matcher."""
        key = (id(faq), self.store.learned_version())  # read first: a phrasing learned meanwhile makes it stale
        matcher = Matcher(faq, self.store.learned_phrasings(), self.thresholds)
        matcher.match(WARM_UP_QUESTION)
        with self._lock:
            self._matcher_ahead = (key, matcher)

    @property
    def faq(self) -> Faq:
        return self.faq_source.current()
