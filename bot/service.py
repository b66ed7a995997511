"""One façade over the domain: what the Slack layer and the command line call.

It knows nothing of Slack. Every question is redacted before it is matched, stored or shown to
anyone; every queue action checks that the actor is an advisor (the caller says who the advisors
are) and goes through the state machine in ``bot.escalations``.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Collection, Protocol

from bot import escalations
from bot.asker_steps import seen_by_others
from bot.faq import Faq, ReloadingFaq
from bot.matching import MATCHER_FAILED, Match, Thresholds, match_safely
from bot.outbox import Kind
from bot.privacy import redact_question
from bot.questions import MAX_QUESTION_CHARS, EmptyQuestion, NotAQuestion, QuestionTooLong  # noqa: F401 (façade)
from bot.records import Escalation, Question, Rating, Where
from bot.service_decisions import DecisionRecords
from bot.service_digest import Digests
from bot.service_follow_ups import FollowUps
from bot.service_matching import CurrentMatcher, check_install
from bot.service_nations import Nations
from bot.service_outbox import Outbox
from bot.service_queue import AdvisorQueue
from bot.service_queue_upkeep import QueueUpkeep
from bot.service_records import MyDataRefused, Records, StillQueued  # noqa: F401 (façade)
from bot.small_talk import is_blank, small_talk
from bot.store import Store
from bot.urgency import signals_immediate_risk
from bot.urgent_cut import kept_or_refused

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


class Service:
    """The façade: it builds the service's parts around one store and answers each call with the part that owns
    it (the outbox, the advisor queue and its upkeep, follow-ups, nations, decision records, records, the digest);
    asking, rating and escalating a question are its own. Its settings, ``default_nation`` and ``advisor_hours``,
    may be set on it: that sets them on the part that holds them."""

    @classmethod
    def open(cls, settings: Settings, *, faq: bool = True, create: bool = True, read_only: bool = False) -> Service:
        """The service as ``canishare`` runs it: the SQLite store and the FAQ, reloaded when edited.
        ``faq=False`` opens the store alone, for the commands that only keep records; ``create=False``
        refuses a database that is not there yet; ``read_only`` opens it read-only, never upgraded (see
        ``Store``)."""
        store = Store(settings.db_path, create=create, read_only=read_only)
        return cls(store, ReloadingFaq(settings.faq_dir) if faq else NoFaq(),
                   settings.thresholds, default_nation=settings.nation, advisor_hours=settings.advisor_hours)

    check_install = staticmethod(check_install)

    def __init__(self, store: Store, faq: FaqSource | Faq, thresholds: Thresholds = Thresholds(), *,
                 default_nation: str | None = None, advisor_hours: WorkingHours | None = None):
        """``default_nation``: ``CANISHARE_NATION``, for people who have not chosen; ``advisor_hours``:
        ``CANISHARE_ADVISOR_HOURS`` (the digest's times to answer count them too)."""
        self.store = store
        self.on_owed: list[Callable[[], None]] = []  # told after a commit that owes messages (wakes the deliverer)
        self.faq_source: FaqSource = FixedFaq(faq) if isinstance(faq, Faq) else faq
        # The parts, each given what it needs; they share the store, and are told the FAQ and the matcher through
        # the service, so that what a caller (or a test) sets on it holds for them too.
        self.current_matcher = CurrentMatcher(store, self.current_faq, thresholds)
        self.outbox = Outbox(store, self.notify_owed)
        self.queue_upkeep = QueueUpkeep(store, self.notify_owed)
        self.records = Records(store, self.notify_owed)
        self.advisor_queue = AdvisorQueue(store, self.notify_owed, self.current_faq)
        self.follow_ups = FollowUps(store, self.notify_owed)
        self.nations = Nations(store, default_nation, self.notify_owed)
        self.decisions = DecisionRecords(store, self.notify_owed, self.current_faq, self.nations)
        self.digests = Digests(store, self.current_faq, lambda: self.matcher(), advisor_hours)
        if isinstance(self.faq_source, ReloadingFaq) and self.faq_source.prepare is None:
            self.faq_source.prepare = self.current_matcher.prepare

        # The façade: what the Slack layer and the command line call, answered by the part that owns it.
        self.matcher = self.current_matcher.matcher
        self.prepare_matcher = self.current_matcher.prepare
        # the outbox, for the deliverer; and what a click owes at once
        self.owe_entry = self.outbox.owe_entry
        self.owe_again = self.outbox.owe_again
        self.lease_owed = self.outbox.lease_owed
        self.renew_lease = self.outbox.renew_lease
        self.sent_unrecorded = self.outbox.sent_unrecorded
        self.record_sent_unrecorded = self.outbox.record_sent_unrecorded
        self.delivered = self.outbox.delivered
        self.not_delivered = self.outbox.not_delivered
        self.postpone = self.outbox.postpone
        self.any_held = self.outbox.any_held
        self.release_held = self.outbox.release_held
        self.lease_owed_key = self.outbox.lease_owed_key
        self.lease_owed_under = self.outbox.lease_owed_under
        self.take_over_leases = self.outbox.take_over_leases
        self.escalation_gone = self.outbox.escalation_gone
        self.card_owed = self.outbox.card_owed
        self.next_owed_due = self.outbox.next_owed_due
        self.forget_delivered = self.outbox.forget_delivered
        self.answer_not_delivered = self.outbox.answer_not_delivered
        self.details_in_doubt = self.outbox.details_in_doubt
        # the queue keeper's rounds
        self.owe_missing_cards = self.queue_upkeep.owe_missing_cards
        self.owe_due_reminders = self.queue_upkeep.owe_due_reminders
        # records: retention, one person's data, the database file
        self.purge = self.records.purge
        self.purge_if_due = self.records.purge_if_due
        self.purge_expired = self.records.purge_expired
        self.subject_access = self.records.subject_access
        self.owes_privacy_line = self.records.owes_privacy_line
        self.privacy_told = self.records.privacy_told
        self.own_copy = self.records.own_copy
        self.rows_naming_others = self.records.rows_naming_others
        self.owe_my_data = self.records.owe_my_data
        self.erase = self.records.erase
        self.schema_upgrade = self.records.schema_upgrade
        self.damage = self.records.damage
        self.close_database = self.records.close_database
        self.opening = self.records.opening
        self.advice_record = self.records.advice_record
        # the advisor queue
        self.escalation = self.advisor_queue.escalation
        self.queue = self.advisor_queue.queue
        self.claimed_by = self.advisor_queue.claimed_by
        self.claim = self.advisor_queue.claim
        self.answer = self.advisor_queue.answer
        self.close = self.advisor_queue.close
        self.reopen = self.advisor_queue.reopen
        self.release = self.advisor_queue.release
        self.escalation_to_answer = self.advisor_queue.escalation_to_answer
        self.answer_form_for = self.advisor_queue.answer_form_for
        self.require_unchanged = self.advisor_queue.require_unchanged
        self.give_up_if_superseded = self.advisor_queue.give_up_if_superseded
        # follow-ups and edits
        self.reply_in_thread = self.follow_ups.reply_in_thread
        self.open_dm_escalation_elsewhere = self.follow_ups.open_dm_escalation_elsewhere
        self.escalation_followed = self.follow_ups.escalation_followed
        self.add_follow_up = self.follow_ups.add_follow_up
        self.pages_for_its_asker = self.follow_ups.pages_for_its_asker
        self.follow_up = self.follow_ups.follow_up
        self.edit_of = self.follow_ups.edit_of
        # nations
        self.nation_of = self.nations.nation_of
        self.nation_setting = self.nations.nation_setting
        self.reader_of = self.nations.reader_of
        self.escalation_reader = self.nations.escalation_reader
        self.set_nation = self.nations.set_nation
        # decision records
        self.record_decision = self.decisions.record_decision
        self.decision_record = self.decisions.decision_record
        self.decision_records = self.decisions.decision_records
        self.all_decision_records = self.decisions.all_decision_records
        # the weekly digest
        self.digest = self.digests.digest
        self.digest_posted = self.digests.digest_posted
        self.owe_digest = self.digests.owe_digest
        self.digest_holder = self.digests.digest_holder
        self.record_digest = self.digests.record_digest

    def current_faq(self) -> Faq:
        return self.faq_source.current()

    @property
    def faq(self) -> Faq:
        return self.current_faq()

    # Settings a caller may change, as they could when these were the façade's own attributes: each is held
    # by the part that uses it, and setting it on the façade sets it there.
    @property
    def advisor_hours(self) -> WorkingHours | None:
        """The advisors' working hours the digest counts its times to answer in (``CANISHARE_ADVISOR_HOURS``)."""
        return self.digests.advisor_hours

    @advisor_hours.setter
    def advisor_hours(self, hours: WorkingHours | None) -> None:
        self.digests.advisor_hours = hours

    @property
    def default_nation(self) -> str | None:
        """The workspace's nation, for people who have not chosen (``CANISHARE_NATION``)."""
        return self.nations.default_nation

    @default_nation.setter
    def default_nation(self, nation: str | None) -> None:
        self.nations.default_nation = nation

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
        redaction = redact_question(question) if over and not conversation else kept_or_refused(question)
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
                self.advisor_queue.owe_card(escalation)
        self.notify_owed()
        log.info("question %s: %s %s (%.1f)%s", stored.id, match.decision, stored.faq_id, match.score,
                 " urgent" if urgent else "")
        return AskResult(stored, match, urgent, escalation)

    def _unless_handled(self, event_id: str | None) -> None:
        """``AlreadyHandled``, with the verdict given then, when the event was recorded before: checked before
        the text is read, so Slack's retry costs no second reading."""
        urgent = self.store.handled_event_urgent(event_id) if event_id else None
        if urgent is not None:
            raise AlreadyHandled(event_id, urgent)

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
            self.notify_owed()
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
                self.advisor_queue.owe_card(escalation)
            if notify is not None:
                self.store.owe(Kind.NOTICE, f"notice:{uuid.uuid4().hex}", escalation_id=escalation.id,
                               payload={**notify, "about": "escalated", "created": created})
        self.notify_owed()
        return escalation, created

    def tell(self, user: str, text: str, route: dict) -> None:
        """Owe a short notice to one person (``route``: where they can be told privately)."""
        self.store.owe(Kind.NOTICE, f"notice:{uuid.uuid4().hex}", payload={**route, "to": user, "text": text})
        self.notify_owed()

    def reply_briefly(self, user: str, refusal: EmptyQuestion, route: dict, event_id: str | None = None) -> None:
        """Owe the short reply to something that is not a question (how to ask, hello, you're welcome;
        a question too long, with the limit). With ``event_id`` the Slack event counts as handled in the
        same commit, so its retries get nothing."""
        said = {"about": refusal.reply} if refusal.reply else {"text": str(refusal)}
        with self.store.transaction():
            if event_id and not self.store.first_time_event(event_id):
                return
            self.store.owe(Kind.NOTICE, f"notice:{uuid.uuid4().hex}", payload={**route, "to": user, **said})
        self.notify_owed()

    def event_handled(self, event_id: str | None) -> bool:
        """Whether a Slack event's question and reply are already recorded (its retry does nothing)."""
        return bool(event_id) and self.store.event_seen(event_id)

    def first_time_request(self, fingerprint: str) -> bool:
        """False for a byte-identical replay of a signed Slack request already handled."""
        return self.store.first_time_request(fingerprint)

    def recorded_entry_ids(self) -> set[str]:
        """The FAQ entry ids this database holds learned phrasings or ratings under (``faq lint --db``)."""
        return self.store.recorded_entry_ids()

    # the advisor queue ---------------------------------------------------------------------

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

    def notify_owed(self) -> None:
        """Tell each of ``on_owed`` that a commit owed messages (the parts call this after theirs)."""
        for wake in self.on_owed:
            wake()

