"""The advisor queue's actions: claim, answer, close, reopen and release an escalation, each checked by the state
machine in ``bot.escalations``, and what each owes the asker and the advisors' card in the same commit."""

from __future__ import annotations

import uuid
from typing import Callable

from bot import escalations
from bot.faq import Faq
from bot.outbox import Kind, Owed
from bot.privacy import redact
from bot.public_contacts import keep_public_contacts
from bot.records import CLAIMED, OPEN, Escalation, QueueAction
from bot.store import Store

SUPERSEDED = "superseded: a later answer to the same escalation is sent instead"


class AdvisorQueue:
    """Advisors' actions on escalations. ``current_faq`` gives the FAQ an answer may link to;
    ``notify_owed`` is called after a commit that owes messages."""

    def __init__(self, store: Store, notify_owed: Callable[[], None], current_faq: Callable[[], Faq]):
        self.store = store
        self.notify_owed = notify_owed
        self.current_faq = current_faq

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
        if faq_id and self.current_faq().get(faq_id) is None:
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
        self.notify_owed()
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

    def release(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str],
                seen: int | None = None) -> Escalation:
        """Give up a claim (the claimer's own, or another advisor's): the escalation is open again for
        anyone to claim, and its card says who released it. The asker is owed nothing."""
        escalations.require_advisor(user, advisors)
        return self._change(escalation_id, user, QueueAction.RELEASE,
                            lambda e: escalations.release(e, user, self.store.now()), seen=seen)

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
        self.notify_owed()
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

    def owe_card(self, escalation: Escalation) -> None:
        self.store.owe(Kind.ADVISOR_CARD, f"card:{escalation.id}", escalation_id=escalation.id)
