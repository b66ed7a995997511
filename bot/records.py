"""Plain records passed between the store, the service and the interfaces (Slack, CLI), and the
vocabularies they share: each is a ``StrEnum``, so it is stored, printed and sent as its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Decision(StrEnum):
    """What the matcher decided for a question."""

    ANSWER = "answer"  # confident: show the entry
    SUGGEST = "suggest"  # plausible: offer "did you mean" entries
    ESCALATE = "escalate"  # nothing fits: offer an advisor


class State(StrEnum):
    """Where an escalation is in the advisor queue (see ``bot.escalations``)."""

    OPEN = "open"
    CLAIMED = "claimed"
    ANSWERED = "answered"
    CLOSED = "closed"


class QueueAction(StrEnum):
    """What the audit log records an advisor (or an asker, for ``escalate``) doing to an escalation."""

    ESCALATE = "escalate"
    CLAIM = "claim"
    ANSWER = "answer"
    CLOSE = "close"
    REOPEN = "reopen"
    RELEASE = "release"  # a claim given up (by the claimer or another advisor): open again, nobody told
    DRAFT = "draft"  # `canishare faq drafts` wrote the escalation's proposal (detail: the file)


class Rating(StrEnum):
    HELPFUL = "helpful"
    NOT_HELPFUL = "not_helpful"


class Via(StrEnum):
    """How a question was asked."""

    COMMAND = "command"  # /canishare
    DM = "dm"
    MENTION = "mention"
    SHORTCUT = "shortcut"  # the message shortcut
    HOME = "home"  # App Home's "Ask a question"
    CLI = "cli"


OPEN, CLAIMED, ANSWERED, CLOSED = State.OPEN, State.CLAIMED, State.ANSWERED, State.CLOSED
HELPFUL, NOT_HELPFUL = Rating.HELPFUL, Rating.NOT_HELPFUL


@dataclass(frozen=True)
class Where:
    """Where a question was asked, so that replies and advisors' answers go back there."""

    source: str = Via.CLI
    channel: str | None = None
    thread_ts: str | None = None  # the thread to answer in, when there is one
    message_ts: str | None = None
    team: str | None = None


@dataclass(frozen=True)
class Question:
    id: int
    text: str  # redacted: the raw question is never stored
    asker: str
    where: Where
    decision: Decision
    faq_id: str | None
    score: float
    suggestions: tuple[str, ...]
    redacted_kinds: tuple[str, ...]
    urgent: bool
    created_at: str


UNKNOWN_RISK = "unknown"


@dataclass(frozen=True)
class FollowUp:
    """What an asker added to their open escalation by mentioning the bot in its thread (redacted)."""

    id: int
    escalation_id: int
    question_id: int
    text: str
    redacted_kinds: tuple[str, ...]
    urgent: bool
    created_at: str
    # where in ``text`` the sentences that made it urgent are (``bot.urgency.risk_window``), found once when it
    # was added: None when no sentences did on their own, or it is not urgent; UNKNOWN_RISK when not known
    # (stored before schema 14 kept it): found when shown
    risk: tuple[int, int] | None | str = UNKNOWN_RISK


@dataclass(frozen=True)
class Escalation:
    id: int
    question_id: int
    state: State
    urgent: bool
    created_at: str
    claimed_by: str | None = None
    claimed_at: str | None = None
    answered_by: str | None = None
    answered_at: str | None = None
    answer: str | None = None
    linked_faq_id: str | None = None
    propose_new: bool = False
    closed_by: str | None = None
    closed_at: str | None = None
    advisor_channel: str | None = None
    advisor_ts: str | None = None
    reminded_at: str | None = None
    reopened_at: str | None = None
    version: int = 0  # one more at each queue action: buttons and answer forms carry the one they were made from
    reopened_by: str | None = field(default=None, compare=False)  # from the audit log
    released_by: str | None = None  # while open because a claim was released: who released it, and when
    released_at: str | None = None
    question: Question | None = field(default=None, compare=False)
    follow_ups: tuple[FollowUp, ...] = field(default=(), compare=False)  # what the asker added, oldest first
    # while reopened: how the earlier answer's relay to the asker went (its outbox state and last error), or None
    earlier_answer_delivery: tuple[str, str | None] | None = field(default=None, compare=False)

    @property
    def waiting_since(self) -> str:
        """When the escalation (last) started waiting for an advisor."""
        return self.reopened_at or self.created_at


class SharingDecision(StrEnum):
    """What a practitioner decided, in their decision record."""

    SHARED = "shared"
    SHARED_IN_PART = "shared_in_part"
    NOT_SHARED = "not_shared"  # decided not to share: a decision to record too
    NOT_DECIDED = "not_decided"  # not decided yet


class Told(StrEnum):
    """Whether the person the information is about was told."""

    YES = "yes"
    NO = "no"
    NOT_YET = "not_yet"


@dataclass(frozen=True)
class DecisionRecord:
    """A practitioner's record of a sharing decision. Every free-text field is redacted."""

    id: int
    user: str
    decision: SharingDecision
    shared_with: str
    what_shared: str
    lawful_basis: str
    reasons: str
    person_told: Told | None
    not_told_why: str
    created_at: str
    faq_id: str | None = None  # the guidance followed: an FAQ entry…
    faq_question: str | None = None
    faq_last_reviewed: str | None = None  # ISO date, as the entry said when the record was made
    escalation_id: int | None = None  # …or an advisor's answer
    question_id: int | None = None
    nation: str | None = None  # the nation the guidance was shown for
    redacted_kinds: tuple[str, ...] = ()
    view_id: str | None = None
