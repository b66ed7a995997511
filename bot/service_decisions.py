"""Decision records: a practitioner's record of what they decided, every free-text field redacted, linked to the
guidance it followed, and sent back to them."""

from __future__ import annotations

import logging
from typing import Callable

from bot import decisions
from bot.faq import Faq
from bot.outbox import Kind
from bot.records import DecisionRecord
from bot.service_nations import Nations
from bot.store import Store

log = logging.getLogger("bot.service")


class DecisionRecords:
    """Records of ``store``; the guidance they follow is an entry of ``current_faq()``, written for the reader
    ``nations`` finds; ``notify_owed`` is called after a commit that owes messages."""

    def __init__(self, store: Store, notify_owed: Callable[[], None], current_faq: Callable[[], Faq],
                 nations: Nations):
        self.store = store
        self.notify_owed = notify_owed
        self.current_faq = current_faq
        self.nations = nations

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
        entry = self.current_faq().get(faq_id) if faq_id else None
        row = {
            "user": user, "view_id": view_id, "question_id": question_id, "escalation_id": escalation_id,
            "faq_id": entry.id if entry else faq_id, "faq_question": entry.question if entry else None,
            "faq_last_reviewed": entry.last_reviewed.isoformat() if entry else None,
            "nation": self.nations.decision_reader(user, question_id, escalation_id).nation,
            "decision": cleaned.decision,
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
            self.notify_owed()
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

    def own_links(self, user: str, question_id: int | None,
                  escalation_id: int | None) -> tuple[int | None, int | None]:
        """The question and escalation a decision record of ``user`` may link to: only their own (a
        "Record my decision" button under an answer in a shared thread is there for everyone in it).
        Another person's, or one purged since, is dropped: the record keeps its FAQ entry only."""
        question = self.store.question(question_id) if question_id else None
        escalation = self.store.escalation(escalation_id) if escalation_id else None
        own_question = question is not None and question.asker == user
        own_escalation = (escalation is not None and escalation.question is not None
                          and escalation.question.asker == user
                          and (question_id is None or escalation.question_id == question_id))
        return (question_id if own_question else None), (escalation_id if own_escalation else None)
