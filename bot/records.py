"""Plain records passed between the store, the service and the interfaces (Slack, CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field

OPEN, CLAIMED, ANSWERED, CLOSED = "open", "claimed", "answered", "closed"
HELPFUL, NOT_HELPFUL = "helpful", "not_helpful"


@dataclass(frozen=True)
class Where:
    """Where a question was asked, so that replies and advisors' answers go back there."""

    source: str = "cli"  # command | dm | mention | shortcut | home | cli
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
    decision: str
    faq_id: str | None
    score: float
    suggestions: tuple[str, ...]
    redacted_kinds: tuple[str, ...]
    urgent: bool
    created_at: str


@dataclass(frozen=True)
class Escalation:
    id: int
    question_id: int
    state: str
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
    question: Question | None = field(default=None, compare=False)

    @property
    def waiting_since(self) -> str:
        """When the escalation (last) started waiting for an advisor."""
        return self.reopened_at or self.created_at
