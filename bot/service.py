"""One façade over the domain: what the Slack layer and the command line call.

It knows nothing of Slack. Every question is redacted before it is matched, stored or shown to
anyone; every queue action checks that the actor is an advisor (the caller says who the advisors
are) and goes through the state machine in ``bot.escalations``.
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Collection, Protocol

from bot import decisions, escalations
from bot.asker_steps import seen_by_others
from bot.faq import Faq, ReloadingFaq
from bot.matching import MATCHER_FAILED, Match, Matcher, Thresholds, match_safely
from bot.outbox import Kind
from bot.privacy import Redaction, redact, redact_question
from bot.public_contacts import keep_public_contacts
from bot.questions import MAX_QUESTION_CHARS, EmptyQuestion, NotAQuestion, QuestionTooLong  # noqa: F401 (façade)
from bot.records import CLAIMED, OPEN, DecisionRecord, Escalation, Question, QueueAction, Rating, Where
from bot.service_answers import AnswerService
from bot.service_digest import DigestService
from bot.service_follow_ups import FollowUpService
from bot.service_matching import MatchingService
from bot.service_nations import NationService
from bot.service_parts import OutboxService, QueueUpkeep, RecordsService, StillQueued  # noqa: F401 (façade)
from bot.small_talk import is_blank, small_talk
from bot.store import Store
from bot.urgency import signals_immediate_risk
from bot.urgent_cut import kept_of

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.working_hours import WorkingHours

log = logging.getLogger(__name__)


class AlreadyHandled(Exception):
    """A Slack event whose question and reply were already recorded (Slack's retry of it), with the verdict
    then given: the retry keeps it rather than reading the text again."""

    def __init__(self, event_id: str, urgent: bool = False):
        super().__init__(event_id)
        self.urgent = urgent


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


class Service(DigestService, MatchingService, OutboxService, QueueUpkeep, RecordsService, FollowUpService,
              NationService, AnswerService):
    @classmethod
    def open(cls, settings: Settings, *, faq: bool = True, create: bool = True, read_only: bool = False) -> Service:
        """The service as ``canishare`` runs it: the SQLite store and the FAQ, reloaded when edited.
        ``faq=False`` opens the store alone, for the commands that only keep records; ``create=False``
        refuses a database that is not there yet; ``read_only`` opens it read-only, never upgraded (see
        ``Store``)."""
        store = Store(settings.db_path, create=create, read_only=read_only)
        return cls(store, ReloadingFaq(settings.faq_dir) if faq else NoFaq(),
                   settings.thresholds, default_nation=settings.nation, advisor_hours=settings.advisor_hours)

    def __init__(self, store: Store, faq: FaqSource | Faq, thresholds: Thresholds = Thresholds(), *,
                 default_nation: str | None = None, advisor_hours: WorkingHours | None = None):
        self.store = store
        self.default_nation = default_nation  # CANISHARE_NATION: for people who have not chosen
        self.advisor_hours = advisor_hours  # CANISHARE_ADVISOR_HOURS: the digest's times to answer count them too
        self._sent_unrecorded: dict[int, tuple] = {}  # outbox id -> (item, post): sent, not yet recorded
        self.on_owed: list[Callable[[], None]] = []  # told after a commit that owes messages (wakes the deliverer)
        self.faq_source: FaqSource = FixedFaq(faq) if isinstance(faq, Faq) else faq
        self.thresholds = thresholds
        self._lock = threading.Lock()
        self._matcher: Matcher | None = None
        self._matcher_key: tuple | None = None
        self._matcher_ahead: tuple[tuple | None, Matcher | None] = (None, None)  # built in a FAQ reload
        if isinstance(self.faq_source, ReloadingFaq) and self.faq_source.prepare is None:
            self.faq_source.prepare = self.prepare_matcher

    def health(self) -> list[str]:
        """What stops the service from working now (empty when healthy): the store cannot be written,
        or no FAQ is loaded."""
        problems = []
        state, why = self.store.write_state()
        if state == "failed":
            problems.append(f"the database cannot be written: {why}")
        elif state == "busy":  # another process is writing: the file is fine and writes wait their turn
            log.info("health check: the database is busy (%s); healthy", why)
        try:
            if not len(self.faq):
                problems.append("the FAQ is empty")
        except Exception as error:  # noqa: BLE001 - any failure to load is a reason to report
            problems.append(f"no FAQ is loaded: {type(error).__name__}")
        return problems

    def bound_this_threads_writes(self, seconds: float) -> None:
        """From now on, this thread's writes wait at most ``seconds`` for another process's write lock."""
        self.store.bound_this_threads_writes(seconds)

    # asking --------------------------------------------------------------------------------

    def ask(self, question: str, asker: str, where: Where = Where(), escalate: bool = False, *,
            reply: dict | None = None, event_id: str | None = None, conversation: bool = False) -> AskResult:
        """Redact, match and record a question; with ``escalate``, or when it signals an immediate
        risk of harm, also queue it for an advisor. With ``reply`` (where to send it beyond
        ``where``, e.g. a response_url), the reply is owed; with ``event_id`` the Slack event counts as
        handled. All in one transaction: ``AlreadyHandled`` when the event was recorded before.
        ``EmptyQuestion`` for text a reader cannot see; in a ``conversation`` (Slack), ``NotAQuestion``
        for help, greetings and thanks."""
        if is_blank(question):
            raise EmptyQuestion("The question is empty: type what you want to know after the command.")
        self._unless_handled(event_id)
        chat = small_talk(question) if conversation else None
        if chat is not None:
            raise NotAQuestion(chat)
        over = len(question) > MAX_QUESTION_CHARS  # only the command line takes longer ones, cut after redaction
        redaction = redact_question(question) if over and not conversation else self._kept(question)
        cut_from = len(question) if over and conversation else None  # a question cut to fit: its asker is told
        urgent = bool(cut_from) or signals_immediate_risk(question)
        match = match_safely(self.matcher, redaction.text)
        escalate = escalate or urgent or match.reason == MATCHER_FAILED  # harm or a fault: an advisor answers
        with self.store.transaction():
            if event_id and not self.store.first_time_event(event_id):
                raise AlreadyHandled(event_id, bool(self.store.handled_event_urgent(event_id)))
            stored = self.store.add_question(
                text=redaction.text, asker=asker, where=where, decision=match.decision,
                faq_id=match.entry.id if match.entry else None, score=match.score,
                suggestions=tuple(e.id for e in match.suggestions), redacted_kinds=redaction.found,
                urgent=urgent, escalate=escalate,
            )
            if event_id:
                self.store.link_event(event_id, stored.id)
            escalation = self.store.escalation_for_question(stored.id) if escalate else None
            if reply is not None:
                told_in_reply = cut_from and not seen_by_others(where.source)  # by DM, command, shortcut, Home
                self.store.owe(Kind.REPLY, f"reply:{stored.id}", question_id=stored.id,
                               payload={**reply, "cut_from": cut_from} if told_in_reply else reply)
                if (redaction.found or cut_from) and seen_by_others(where.source):  # told to the asker alone
                    self.store.owe(Kind.NOTICE, f"privacy:{stored.id}", question_id=stored.id, payload={
                        "to": asker, "about": "privacy", "channel": where.channel, "thread_ts": where.thread_ts,
                        "cut_from": cut_from, "post_by": reply.get("post_by")})
            if escalation is not None:
                self._owe_card(escalation)
        self._tell_owed()
        log.info("question %s: %s %s (%.1f)%s", stored.id, match.decision, stored.faq_id, match.score,
                 " urgent" if urgent else "")
        return AskResult(stored, match, urgent, escalation)

    def _unless_handled(self, event_id: str | None) -> None:
        """``AlreadyHandled``, with the verdict given then, when the event was recorded before: checked before
        the text is read, so Slack's retry costs no second reading."""
        urgent = self.store.handled_event_urgent(event_id) if event_id else None
        if urgent is not None:
            raise AlreadyHandled(event_id, urgent)

    @staticmethod
    def _kept(text: str) -> Redaction:
        """``text`` redacted, whole within the limit; over it, ``QuestionTooLong``, unless it signals a risk
        now: a risk now is never refused, so it is cut to fit (``bot.urgent_cut``)."""
        kept = kept_of(text)
        if kept is None:
            raise QuestionTooLong(len(text))
        return kept

    def question(self, question_id: int) -> Question | None:
        return self.store.question(question_id)

    def recent_questions(self, asker: str, limit: int = 10) -> list[tuple[Question, Escalation | None]]:
        return self.store.recent_questions(asker, limit)

    def feedback(self, question_id: int, user: str, rating: str, faq_id: str | None = None,
                 notify: dict | None = None) -> bool:
        """One rating per person per answer, changeable; True when it is the person's first. With
        ``notify`` (where to tell the rater), the thanks is owed in the same commit."""
        if rating not in tuple(Rating):
            raise ValueError(f"unknown rating {rating!r}")
        question = self._question(question_id)
        with self.store.transaction():
            first = self.store.set_feedback(question.id, user, self._as_given(question, faq_id), rating)
            if notify is not None:
                self.store.owe(Kind.NOTICE, f"notice:{uuid.uuid4().hex}", payload={
                    **notify, "to": user, "about": "thanks", "helpful": rating == Rating.HELPFUL,
                    "question_id": question.id})
        if notify is not None:
            self._tell_owed()
        return first

    def _as_given(self, question: Question, faq_id: str | None) -> str | None:
        """The id the question was answered or offered the rated entry with: a button made after a rename
        (``replaces``) carries the new id, and one person's rating and pick must stay under one id (the
        digest follows the rename when it reads them)."""
        rated = faq_id or question.faq_id
        given = (question.faq_id, *question.suggestions)
        return next((g for g in given if g and g != rated and self.faq.current_id(g) == rated), rated)

    def escalate(self, question_id: int, user: str, advisors: Callable[[], Collection[str]] = frozenset,
                 notify: dict | None = None) -> tuple[Escalation, bool]:
        """Queue a question for an advisor; returns the escalation and whether it is new. Only the
        asker or an advisor may (``NotYourQuestion`` otherwise, and nothing changes); ``advisors`` is
        asked for the advisor list only when someone else clicks. The advisor-channel card and, with
        ``notify`` (where to tell the clicker), the notice are owed in the same transaction."""
        question = self._question(question_id)
        if user != question.asker:
            escalations.require_asker_or_advisor(question.asker, user, frozenset(advisors()))
        with self.store.transaction():
            escalation, created = self.store.add_escalation(question.id, user, question.urgent)
            if created:
                self._owe_card(escalation)
            if notify is not None:
                self.store.owe(Kind.NOTICE, f"notice:{uuid.uuid4().hex}", escalation_id=escalation.id,
                               payload={**notify, "about": "escalated", "created": created})
        self._tell_owed()
        return escalation, created

    def tell(self, user: str, text: str, route: dict) -> None:
        """Owe a short notice to one person (``route``: where they can be told privately)."""
        self.store.owe(Kind.NOTICE, f"notice:{uuid.uuid4().hex}", payload={**route, "to": user, "text": text})
        self._tell_owed()

    def reply_briefly(self, user: str, refusal: EmptyQuestion, route: dict, event_id: str | None = None) -> None:
        """Owe the short reply to something that is not a question (how to ask, hello, you're welcome;
        a question too long, with the limit). With ``event_id`` the Slack event counts as handled in the
        same commit, so its retries get nothing."""
        said = {"about": refusal.reply} if refusal.reply else {"text": str(refusal)}
        with self.store.transaction():
            if event_id and not self.store.first_time_event(event_id):
                return
            self.store.owe(Kind.NOTICE, f"notice:{uuid.uuid4().hex}", payload={**route, "to": user, **said})
        self._tell_owed()

    def event_handled(self, event_id: str | None) -> bool:
        """Whether a Slack event's question and reply are already recorded (its retry does nothing)."""
        return bool(event_id) and self.store.event_seen(event_id)

    def first_time_request(self, fingerprint: str) -> bool:
        """False for a byte-identical replay of a signed Slack request already handled."""
        return self.store.first_time_request(fingerprint)

    # decision records -----------------------------------------------------------

    def record_decision(
        self, user: str, form: decisions.DecisionForm, *, view_id: str | None = None,
        question_id: int | None = None, faq_id: str | None = None, escalation_id: int | None = None,
    ) -> tuple[DecisionRecord, bool]:
        """Store a practitioner's decision record, every free-text field redacted first, and owe its
        DM to them in the same commit. The guidance it followed is the FAQ entry ``faq_id`` (its
        question and "last reviewed" date are kept with the record) or the advisor's answer of
        ``escalation_id``, linked only when they are ``user``'s own (``own_links``). A second submission
        with the same ``view_id`` stores nothing: returns the first record and False.
        ``decisions.InvalidDecision`` for a form that cannot be recorded."""
        cleaned, kinds = decisions.clean(form)
        question_id, escalation_id = self.own_links(user, question_id, escalation_id)
        entry = self.faq.get(faq_id) if faq_id else None
        row = {
            "user": user, "view_id": view_id, "question_id": question_id, "escalation_id": escalation_id,
            "faq_id": entry.id if entry else faq_id, "faq_question": entry.question if entry else None,
            "faq_last_reviewed": entry.last_reviewed.isoformat() if entry else None,
            "nation": self.decision_reader(user, question_id, escalation_id).nation, "decision": cleaned.decision,
            "shared_with": cleaned.shared_with, "what_shared": cleaned.what_shared,
            "lawful_basis": decisions.lawful_basis_text(cleaned), "reasons": cleaned.reasons,
            "person_told": cleaned.person_told, "not_told_why": cleaned.not_told_why, "redacted_kinds": kinds,
        }
        with self.store.transaction():
            record, created = self.store.add_decision_record(row)
            if created:
                self.store.owe(Kind.DECISION_RECORD, f"decision_record:{record.id}",
                               payload={"to": user, "record": record.id})
        if created:
            self._tell_owed()
            log.info("decision record %s: %s", record.id, record.decision)
        return record, created

    def decision_record(self, record_id: int) -> DecisionRecord | None:
        return self.store.decision_record(record_id)

    def decision_records(self, user: str, limit: int = 10) -> list[DecisionRecord]:
        """A person's latest decision records, newest first."""
        return self.store.decision_records(user=user, limit=limit, newest_first=True)

    def all_decision_records(self, since: str | None = None) -> list[DecisionRecord]:
        """Every decision record made from ``since`` on, oldest first (for the export)."""
        return self.store.decision_records(since=since)

    def recorded_entry_ids(self) -> set[str]:
        """The FAQ entry ids this database holds learned phrasings or ratings under (``faq lint --db``)."""
        return self.store.recorded_entry_ids()

    # the advisor queue ---------------------------------------------------------------------

    def claim(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str],
              seen: int | None = None) -> Escalation:
        """Claim an escalation; the asker is owed the news, where they asked, in the same commit (once
        per claim: a second click is refused and owes nothing). ``seen``: as for every queue action, the
        version the button showed (``escalations.Stale`` when it has changed since)."""
        escalations.require_advisor(user, advisors)
        return self._change(escalation_id, user, QueueAction.CLAIM,
                            lambda e: escalations.claim(e, user, self.store.now()), then=self._owe_claimed_notice,
                            seen=seen)

    def answer(
        self, escalation_id: int, user: str, advisors: set[str] | frozenset[str], text: str,
        faq_id: str | None = None, propose_new: bool = False, notify: dict | None = None, seen: int | None = None,
    ) -> Escalation:
        """Record an advisor's answer, redacted (public helplines and role mailboxes of public bodies
        are kept: ``bot.public_contacts``). Linking it to an FAQ entry teaches the matcher the question
        as a new phrasing of that entry, from the next question on. With ``notify`` (where to tell the
        advisor privately), what was removed is told to them in the same commit."""
        escalations.require_advisor(user, advisors)
        if faq_id and self.faq.get(faq_id) is None:
            raise escalations.BadFaqLink(f"There is no FAQ entry '{faq_id}'.")
        escalations.require_answer_length(text)
        kept = keep_public_contacts(text or "")
        redaction = redact(kept.text)
        clean = kept.restore(redaction.text)
        with self.store.transaction():
            escalation = self._change(
                escalation_id, user, QueueAction.ANSWER,
                lambda e: escalations.answer(e, user, self.store.now(), clean, faq_id, propose_new),
                seen=seen, since="you opened this form",
            )
            if faq_id and escalation.question:
                self.store.add_learned_phrasing(faq_id, escalation.question.text, escalation.question_id, user)
            self._owe_answer(escalation, user)
            if redaction.found and notify is not None:
                self.store.owe(Kind.NOTICE, f"notice:{uuid.uuid4().hex}", escalation_id=escalation.id, payload={
                    **notify, "to": user, "about": "answer_redacted", "kinds": list(redaction.found)})
        self._tell_owed()
        return escalation

    def close(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str],
              seen: int | None = None) -> Escalation:
        """Close an escalation. One closed without an answer owes the asker the news, where they asked,
        in the same commit: they were told an advisor would answer."""
        escalations.require_advisor(user, advisors)
        return self._change(escalation_id, user, QueueAction.CLOSE,
                            lambda e: escalations.close(e, user, self.store.now()), then=self._owe_closed_notice,
                            seen=seen)

    def reopen(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str],
               seen: int | None = None) -> Escalation:
        """Reopen an escalation; what its answer taught the matcher is withdrawn in the same commit."""
        escalations.require_advisor(user, advisors)
        return self._change(escalation_id, user, QueueAction.REOPEN,
                            lambda e: escalations.reopen(e, user, self.store.now()),
                            then=lambda e: self.store.forget_learned_phrasing(e.question_id), seen=seen)

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

    def proposals_to_draft(self, again: bool = False, escalation_id: int | None = None) -> list[Escalation]:
        """Answers proposed as new FAQ entries not drafted yet (``again``: drafted or not; or only one)."""
        return self.store.proposals_to_draft(again, escalation_id)

    def mark_drafted(self, drafted: dict[int, str]) -> None:
        self.store.mark_drafted(drafted)

    def drafts_written(self) -> list[tuple[int, str, str]]:
        """(escalation id, when, file) of every draft written, in that order."""
        return self.store.drafts_written()

    # internals -----------------------------------------------------------------------------

    def _question(self, question_id: int) -> Question:
        question = self.store.question(question_id)
        if question is None:
            raise LookupError(f"There is no question #{question_id} (it may have been purged).")
        return question

    def _change(self, escalation_id: int, user: str, action: QueueAction, decide,
                then: Callable[[Escalation], None] | None = None, seen: int | None = None,
                since: str = "this card was shown") -> Escalation:
        """Apply a queue action and owe the update of its advisor-channel card (and what ``then`` owes
        for the changed escalation), in one transaction; refused (``escalations.Stale``) when the escalation
        is no longer at version ``seen``, checked in that transaction and guarded again by the UPDATE."""
        def unless_stale(current: Escalation) -> dict:
            self.require_unchanged(current, seen, user, since)
            return decide(current)

        try:
            with self.store.transaction():
                escalation = self.store.change_escalation(escalation_id, user, action, unless_stale)
                self.store.owe_card_update(escalation.id)
                if then is not None:
                    then(escalation)
        except LookupError as error:
            raise escalations.QueueError(f"There is no escalation #{escalation_id}.") from error
        self._tell_owed()
        return escalation

    def _owe_closed_notice(self, escalation: Escalation) -> None:
        if escalation.answer or escalation.question is None:
            return  # the asker has an answer (closed after it), or is gone
        self.store.owe(Kind.ASKER_NOTICE, f"closed:{escalation.id}:{escalation.closed_at}",
                       question_id=escalation.question_id, escalation_id=escalation.id, payload={"about": "closed"})

    def _owe_claimed_notice(self, escalation: Escalation) -> None:
        if escalation.question is not None:
            self.store.owe(Kind.ASKER_NOTICE, f"claimed:{escalation.id}:{escalation.claimed_at}",
                           question_id=escalation.question_id, escalation_id=escalation.id,
                           payload={"about": "claimed"})

    def _owe_card(self, escalation: Escalation) -> None:
        self.store.owe(Kind.ADVISOR_CARD, f"card:{escalation.id}", escalation_id=escalation.id)

    def _tell_owed(self) -> None:
        for wake in self.on_owed:
            wake()

