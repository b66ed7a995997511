"""Nations: whom an answer is written for (the nation a question names, the person's own choice, the workspace's
default)."""

from __future__ import annotations

from typing import Callable, Sequence

from bot.faq import NATIONS
from bot.named_nations import answer_nation
from bot.nations import Reader
from bot.records import Escalation
from bot.store import Store


class Nations:
    """``default_nation``: the workspace's (``CANISHARE_NATION``), for people who have not chosen; ``notify_owed`` is
    called after a commit that owes messages (a choice brings the cards of the person's escalations up to date)."""

    def __init__(self, store: Store, default_nation: str | None, notify_owed: Callable[[], None]):
        self.store = store
        self.default_nation = default_nation
        self.notify_owed = notify_owed

    def nation_of(self, user: str | None) -> str | None:
        """The nation answers are shown for: the person's own choice, else the workspace's
        (``CANISHARE_NATION``); None when neither says (every nation's notes are shown)."""
        return self.nation_setting(user)[0]

    def nation_setting(self, user: str | None) -> tuple[str | None, bool]:
        """(the nation answers are shown for, whether it is the workspace's default rather than the
        person's own choice)."""
        if user:
            chosen, nation = self.store.chosen_nation(user)
            if chosen:
                return nation, False
        return self.default_nation, self.default_nation is not None

    def reader_of(self, user: str | None, question: str = "", later: Sequence[str] = ()) -> Reader:
        """Whom an answer to ``question`` is written for, from the person's setting and the nations the
        question, and what they added ``later`` (follow-ups, oldest first), name (``bot.named_nations``)."""
        return answer_nation(question, *self.nation_setting(user), later=later)

    def escalation_reader(self, escalation: Escalation) -> Reader:
        """Whom the asker's answers to ``escalation`` are written for: their question and follow-ups
        ("we're in Wales") read together, the latest place they give winning."""
        question = escalation.question
        return self.reader_of(question.asker if question else None, question.text if question else "",
                              [follow_up.text for follow_up in escalation.follow_ups])

    def decision_reader(self, user: str, question_id: int | None, escalation_id: int | None) -> Reader:
        """Whom the guidance a decision record follows was written for: the escalation's reader (its
        follow-ups too) when it records an advisor's answer to this person, else their question's."""
        escalation = self.store.escalation(escalation_id) if escalation_id else None  # None: purged since
        if escalation is not None and escalation.question is not None and escalation.question.asker == user:
            return self.escalation_reader(escalation)
        return self.reader_of(user, self._question_text(question_id))

    def _question_text(self, question_id: int | None) -> str:
        question = self.store.question(question_id) if question_id else None
        return question.text if question else ""

    def set_nation(self, user: str, nation: str | None) -> None:
        """Remember a person's nation (None: show every nation's notes, whatever the default), and bring
        the advisors' cards of their escalations still in the queue up to date."""
        if nation is not None and nation not in NATIONS:
            raise ValueError(f"unknown nation {nation!r}")
        if self.store.set_nation(user, nation):
            self.notify_owed()
