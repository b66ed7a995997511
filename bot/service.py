"""One façade over the domain: what the Slack layer and the command line call.

It knows nothing of Slack. Every question is redacted before it is matched, stored or shown to
anyone; every queue action checks that the actor is an advisor (the caller says who the advisors
are) and goes through the state machine in ``bot.escalations``.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Collection, Protocol

from bot import escalations
from bot.faq import Faq
from bot.matching import Match, Matcher, Thresholds
from bot.privacy import redact, redact_question
from bot.records import CLAIMED, OPEN, Escalation, Question, QueueAction, Rating, Where
from bot.store import Store
from bot.times import stored, utc_now
from bot.urgency import signals_immediate_risk

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.digest.figures import Digest

log = logging.getLogger(__name__)


class EmptyQuestion(ValueError):
    pass


class FaqSource(Protocol):
    def current(self) -> Faq: ...


class FixedFaq:
    def __init__(self, faq: Faq):
        self.faq = faq

    def current(self) -> Faq:
        return self.faq


class NoFaq:
    """For a service opened for its records alone (``Service.open(settings, faq=False)``)."""

    def current(self) -> Faq:
        raise RuntimeError("this service was opened without the FAQ")


@dataclass(frozen=True)
class AskResult:
    question: Question  # as stored: redacted
    match: Match
    urgent: bool
    escalation: Escalation | None = None

    @property
    def redacted_kinds(self) -> tuple[str, ...]:
        return self.question.redacted_kinds


class Service:
    @classmethod
    def open(cls, settings: Settings, *, faq: bool = True) -> Service:
        """The service as ``canishare`` runs it: the SQLite store and the FAQ, reloaded when edited.
        ``faq=False`` opens the store alone, for the commands that only keep records."""
        from bot.faq import ReloadingFaq

        return cls(Store(settings.db_path), ReloadingFaq(settings.faq_dir) if faq else NoFaq(), settings.thresholds)

    def __init__(self, store: Store, faq: FaqSource | Faq, thresholds: Thresholds = Thresholds()):
        self.store = store
        self.faq_source: FaqSource = FixedFaq(faq) if isinstance(faq, Faq) else faq
        self.thresholds = thresholds
        self._lock = threading.Lock()
        self._matcher: Matcher | None = None
        self._matcher_key: tuple | None = None

    # matching ------------------------------------------------------------------------------

    def matcher(self) -> Matcher:
        """The matcher for the current FAQ and learned phrasings, rebuilt only when either changes."""
        faq = self.faq_source.current()
        key = (id(faq), self.store.learned_version())
        with self._lock:
            if self._matcher is None or key != self._matcher_key:
                self._matcher = Matcher(faq, self.store.learned_phrasings(), self.thresholds)
                self._matcher_key = key
            return self._matcher

    @property
    def faq(self) -> Faq:
        return self.faq_source.current()

    # asking --------------------------------------------------------------------------------

    def ask(self, question: str, asker: str, where: Where = Where(), escalate: bool = False) -> AskResult:
        """Redact, match and record a question; with ``escalate``, or when it signals an immediate
        risk of harm, also queue it for an advisor (in the same transaction)."""
        if not question or not question.strip():
            raise EmptyQuestion("The question is empty: type what you want to know after the command.")
        redaction = redact_question(question)
        urgent = signals_immediate_risk(question)
        escalate = escalate or urgent  # a risk of serious harm always reaches an advisor
        match = self.matcher().match(redaction.text)
        stored = self.store.add_question(
            text=redaction.text, asker=asker, where=where, decision=match.decision,
            faq_id=match.entry.id if match.entry else None, score=match.score,
            suggestions=tuple(e.id for e in match.suggestions), redacted_kinds=redaction.found,
            urgent=urgent, escalate=escalate,
        )
        log.info("question %s: %s %s (%.1f)%s", stored.id, match.decision, stored.faq_id, match.score,
                 " urgent" if urgent else "")
        return AskResult(stored, match, urgent, self.store.escalation_for_question(stored.id) if escalate else None)

    def recent_questions(self, asker: str, limit: int = 10) -> list[tuple[Question, Escalation | None]]:
        return self.store.recent_questions(asker, limit)

    def feedback(self, question_id: int, user: str, rating: str, faq_id: str | None = None) -> bool:
        """One rating per person per answer, changeable; True when it is the person's first."""
        if rating not in tuple(Rating):
            raise ValueError(f"unknown rating {rating!r}")
        question = self._question(question_id)
        return self.store.set_feedback(question.id, user, faq_id or question.faq_id, rating)

    def escalate(self, question_id: int, user: str,
                 advisors: Callable[[], Collection[str]] = frozenset) -> tuple[Escalation, bool]:
        """Queue a question for an advisor; returns the escalation and whether it is new. Only the
        asker or an advisor may (``NotYourQuestion`` otherwise, and nothing changes); ``advisors`` is
        asked for the advisor list only when someone else clicks."""
        question = self._question(question_id)
        if user != question.asker:
            escalations.require_asker_or_advisor(question.asker, user, frozenset(advisors()))
        return self.store.add_escalation(question.id, user, question.urgent)

    def first_time_event(self, event_id: str | None) -> bool:
        return True if not event_id else self.store.first_time_event(event_id)

    def first_time_request(self, fingerprint: str) -> bool:
        """False for a byte-identical replay of a signed Slack request already handled."""
        return self.store.first_time_request(fingerprint)

    # the advisor queue ---------------------------------------------------------------------

    def claim(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str]) -> Escalation:
        escalations.require_advisor(user, advisors)
        return self._change(escalation_id, user, QueueAction.CLAIM,
                            lambda e: escalations.claim(e, user, self.store.now()))

    def answer(
        self, escalation_id: int, user: str, advisors: set[str] | frozenset[str], text: str,
        faq_id: str | None = None, propose_new: bool = False,
    ) -> Escalation:
        """Record an advisor's answer (redacted). Linking it to an FAQ entry teaches the matcher the
        question as a new phrasing of that entry, from the next question on."""
        escalations.require_advisor(user, advisors)
        if faq_id and self.faq.get(faq_id) is None:
            raise escalations.BadFaqLink(f"There is no FAQ entry '{faq_id}'.")
        clean = redact(text or "").text
        with self.store.transaction():
            escalation = self._change(
                escalation_id, user, QueueAction.ANSWER,
                lambda e: escalations.answer(e, user, self.store.now(), clean, faq_id, propose_new),
            )
            if faq_id and escalation.question:
                self.store.add_learned_phrasing(faq_id, escalation.question.text, escalation.question_id, user)
        return escalation

    def close(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str]) -> Escalation:
        escalations.require_advisor(user, advisors)
        return self._change(escalation_id, user, QueueAction.CLOSE,
                            lambda e: escalations.close(e, user, self.store.now()))

    def reopen(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str]) -> Escalation:
        escalations.require_advisor(user, advisors)
        return self._change(escalation_id, user, QueueAction.REOPEN,
                            lambda e: escalations.reopen(e, user, self.store.now()))

    def escalation_to_answer(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str]) -> Escalation:
        """The escalation an advisor is about to answer, refused now (not after they have written the
        answer) when they may not answer it."""
        escalations.require_advisor(user, advisors)
        escalation = self.escalation(escalation_id)
        escalations.require_answerable(escalation, user)
        return escalation

    def escalation(self, escalation_id: int) -> Escalation:
        found = self.store.escalation(escalation_id)
        if found is None:
            raise escalations.QueueError(f"There is no escalation #{escalation_id}.")
        return found

    def queue(self) -> list[Escalation]:
        """Open and claimed escalations, oldest first."""
        return self.store.escalations(states=(OPEN, CLAIMED))

    def claimed_by(self, user: str) -> list[Escalation]:
        return self.store.escalations(states=(CLAIMED,), claimed_by=user)

    def record_advisor_message(self, escalation_id: int, channel: str, ts: str) -> None:
        self.store.set_advisor_message(escalation_id, channel, ts)

    def unposted_escalations(self) -> list[Escalation]:
        """Queued escalations whose advisor-channel message was never posted (e.g. Slack was down)."""
        return [e for e in self.queue() if not e.advisor_ts]

    def due_reminders(self, after: dt.timedelta, now: dt.datetime | None = None) -> list[Escalation]:
        """Open escalations unclaimed for longer than ``after`` (since they were opened, or reopened)
        and not yet reminded about."""
        cutoff = stored((now or utc_now()) - after)
        return [e for e in self.store.escalations(states=(OPEN,)) if e.waiting_since <= cutoff and not e.reminded_at]

    def mark_reminded(self, escalation_id: int) -> None:
        self.store.mark_reminded(escalation_id)

    def proposals_to_draft(self) -> list[Escalation]:
        """Answers proposed as new FAQ entries that have not been drafted yet."""
        return self.store.proposals_to_draft()

    def mark_drafted(self, escalation_ids: list[int]) -> None:
        self.store.mark_drafted(escalation_ids)

    # the weekly digest -----------------------------------------------------------------------

    def digest(self, week: str) -> Digest:
        """The digest of an ISO week ("2026-W47"); ValueError for a week that cannot be read."""
        from bot.digest.figures import build_digest

        return build_digest(self.store, self.faq, week, self.thresholds)

    def digest_posted(self, week: str) -> dict | None:
        """The week's posting (``posted_at``, ``channel``, ``ts``; no ``ts`` while one is under way), or None."""
        return self.store.digest_posted(week)

    def reserve_digest(self, week: str) -> bool:
        """Reserve the week's posting for this run; False when it is posted or being posted."""
        return self.store.claim_digest(week)

    def release_digest(self, week: str) -> None:
        self.store.release_digest(week)

    def record_digest(self, week: str, channel: str, ts: str) -> None:
        self.store.record_digest(week, channel, ts)

    # records ---------------------------------------------------------------------------------

    def purge(self, before: str) -> dict[str, int]:
        """Delete what was asked before ``before`` (stored-time text); counts of what went."""
        return self.store.purge(before)

    def advice_record(self, since: str | None = None) -> list[dict]:
        return self.store.advice_record(since=since)

    # internals -----------------------------------------------------------------------------

    def _question(self, question_id: int) -> Question:
        question = self.store.question(question_id)
        if question is None:
            raise LookupError(f"There is no question #{question_id} (it may have been purged).")
        return question

    def _change(self, escalation_id: int, user: str, action: QueueAction, decide) -> Escalation:
        try:
            return self.store.change_escalation(escalation_id, user, action, decide)
        except LookupError as error:
            raise escalations.QueueError(f"There is no escalation #{escalation_id}.") from error

