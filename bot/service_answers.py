"""Answering an escalation, as a mixin of ``Service``: the Answer click that claims it for the advisor
writing, and the answer owed to the asker with its own text. It uses the service's store, its clock and
``_change``."""

from __future__ import annotations

import uuid

from bot import escalations
from bot.outbox import Kind, Owed
from bot.records import OPEN, Escalation, QueueAction

SUPERSEDED = "superseded: a later answer to the same escalation is sent instead"


class AnswerService:
    def escalation_to_answer(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str],
                             seen: int | None = None) -> Escalation:
        """The escalation an advisor is about to answer, refused now (not after they have written the
        answer) when they may not answer it, or when it changed since the button (version ``seen``) was
        made. An open one is claimed for them, so that the card says who is writing and a second advisor is
        refused before they start."""
        escalations.require_advisor(user, advisors)
        escalation = self.escalation(escalation_id)
        self.require_unchanged(escalation, seen, user)
        escalations.require_answerable(escalation, user)
        if escalation.state == OPEN:
            escalation = self._change(escalation_id, user, QueueAction.CLAIM,
                                      lambda e: escalations.claim(e, user, self.store.now()),
                                      then=self._owe_claimed_notice, seen=seen)
        return escalation

    def answer_form_for(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str],
                        seen: int | None) -> Escalation:
        """The escalation whose answer form the Answer click (made from version ``seen``) opens: only one
        that click has claimed for ``user`` (``escalation_to_answer``), so a refused click opens nothing.
        Nothing is changed here; a refusal was told when the click was refused."""
        escalations.require_advisor(user, advisors)
        escalation = self.escalation(escalation_id)
        self.require_unchanged(escalation, seen, user)
        escalations.require_answerable(escalation, user)
        if escalation.state == OPEN:
            raise escalations.QueueError(f"Escalation #{escalation_id} is not claimed by you.")
        return escalation

    def require_unchanged(self, escalation: Escalation, seen: int | None, user: str,
                          since: str = "this card was shown") -> None:
        """``escalations.Stale`` when someone other than ``user`` changed ``escalation`` since the version
        ``seen`` a button or form showed."""
        if seen is not None and seen != escalation.version:
            escalations.require_unchanged(escalation, seen, self.store.changes_since(escalation, seen), user, since)

    def _owe_answer(self, escalation: Escalation, user: str) -> None:
        """Owe the asker this answer, carrying its own text and author: an earlier answer still owed is
        never sent with this one's words, nor after this one. An earlier one not yet on its way is given up
        (this one replaces it); one a deliverer holds gives itself up when it is sent (``give_up_if_superseded``),
        and this one waits until that deliverer is done with it (``bot.store.outbox.lease_due``)."""
        key = f"answer:{escalation.id}"
        self.store.give_up_owed_under(key, SUPERSEDED, unleased_only=True)
        self.store.owe(Kind.ADVISOR_ANSWER, f"{key}:{uuid.uuid4().hex}", question_id=escalation.question_id,
                       escalation_id=escalation.id, payload={
                           "advisor": user, "answer": escalation.answer, "answered_at": escalation.answered_at,
                           "linked_faq_id": escalation.linked_faq_id})

    def give_up_if_superseded(self, item: Owed) -> bool:
        """At send time, under the item's renewed lease: an advisor's answer owed before a later answer to
        the same escalation is never sent (the asker's last word must be the correction). True when it
        was given up."""
        return self.store.give_up_if_superseded(item, SUPERSEDED)
