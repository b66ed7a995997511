"""The advisor queue's rules: which moves are allowed, from which states, by whom.

open --claim--> claimed --answer--> answered --close--> closed
  \\-------------answer-------------/               reopen: answered|closed -> open
                 claimed --release--> open (the claimer, or another advisor, gives the claim up)
Any of open, claimed and answered may be closed. Only advisors act on the queue. These functions
are pure: they return the columns to change, or raise ``QueueError`` with a reason a person can read.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from bot.mrkdwn import FORMER_ADVISOR, mention
from bot.records import ANSWERED, CLAIMED, CLOSED, OPEN, Escalation
from bot.small_talk import is_blank

ANSWER_MAX_CHARS = 3000
URGENT_REMIND_AFTER = dt.timedelta(minutes=15)  # an urgent escalation unclaimed, or claimed and unanswered


class ReminderWait(NamedTuple):
    """How long an escalation waits before the advisors are reminded of it, and whether that is counted
    in their working time (else all the time)."""

    wait: dt.timedelta
    working_time: bool


def reminder_wait(urgent: bool, after: dt.timedelta, advisors_keep_hours: bool) -> ReminderWait:
    """The reminder rule: ``after`` of the advisors' working time (all time when they keep no hours); an
    urgent escalation after ``URGENT_REMIND_AFTER`` (or ``after``, when shorter) of all time."""
    if urgent:
        return ReminderWait(min(after, URGENT_REMIND_AFTER), False)
    return ReminderWait(after, advisors_keep_hours)


class QueueError(Exception):
    """A queue action was refused; the message says why, for the person who tried it."""


class NotAnAdvisor(QueueError):
    pass


class NotYourQuestion(QueueError):
    pass


class BadFaqLink(QueueError):
    """The refusal is about the FAQ entry an answer was linked to (the answer modal shows it there)."""


class Advisors(frozenset):
    """The advisors' ids. When there are none because canishare cannot know them now (the advisor channel
    cannot be read, or may not be trusted), ``unknown_why`` says why, for an advisor who is refused."""

    unknown_why: str = ""

    @classmethod
    def unknown(cls, why: str) -> Advisors:
        nobody = cls()
        nobody.unknown_why = why
        return nobody


def require_advisor(actor: str, advisors: frozenset[str] | set[str]) -> None:
    if actor not in advisors:
        raise NotAnAdvisor(getattr(advisors, "unknown_why", "")
                           or "Only members of the advisor channel can work the advisor queue.")


def require_asker_or_advisor(asker: str, actor: str, advisors: frozenset[str] | set[str]) -> None:
    """Someone who can see an answer (in a public thread, say) must not send another person's question
    to the advisors in their name."""
    if actor != asker and actor not in advisors:
        raise NotYourQuestion(
            "Only the person who asked this question can send it to an advisor. If you have a question "
            "like it, ask it yourself with `/canishare` and you can send that one."
        )


class Stale(QueueError):
    """The button or form acted on was made before another advisor changed the escalation: nothing is
    done, and the message says what changed since. The clicker's own changes since (a Claim, then Answer
    on the same card before Slack shows it updated) are no reason to refuse them."""


DONE = {"claim": "claimed", "answer": "answered", "close": "closed", "reopen": "reopened", "release": "released"}


def require_unchanged(escalation: Escalation, seen: int | None, changes: list[tuple[str, str]], actor: str,
                      what: str = "this card was shown") -> None:
    """Refuse ``actor``'s action taken on a button or form made from version ``seen`` of ``escalation`` when
    someone else has changed it since (``changes``: (action, actor), oldest first, as many as are still
    recorded). ``seen`` None: no button or form (the command line), nothing to compare with."""
    if seen is None or seen == escalation.version or only_by(actor, changes, escalation.version - seen):
        return
    done = ", then ".join(f"{DONE.get(action, action)} by {mention(who, FORMER_ADVISOR)}"
                          for action, who in changes)
    raise Stale(f"Escalation #{escalation.id} has changed since {what}: {done or 'changed by another advisor'}. "
                f"It is now {escalation.state}{_by_whom(escalation)}; nothing was done. Look at its current "
                "state before you act on it.")


def only_by(actor: str, changes: list[tuple[str, str]], count: int) -> bool:
    """Whether all ``count`` changes were ``actor``'s own (False when some are no longer recorded)."""
    return 0 < count == len(changes) and all(who == actor for _, who in changes)


def _by_whom(escalation: Escalation) -> str:
    if escalation.state == CLAIMED:
        return f" (claimed by {mention(escalation.claimed_by, FORMER_ADVISOR)})"
    if escalation.state == ANSWERED:
        return f" (answered by {mention(escalation.answered_by, FORMER_ADVISOR)})"
    return ""


def require_answerable(escalation: Escalation, actor: str) -> None:
    """Whether ``actor`` may answer now: checked when they click Answer and again when they submit."""
    if escalation.state in (ANSWERED, CLOSED):
        raise QueueError(f"Escalation #{escalation.id} is already {escalation.state}; reopen it to answer again.")
    if escalation.state == CLAIMED and escalation.claimed_by != actor:
        raise QueueError(
            f"Escalation #{escalation.id} is claimed by {mention(escalation.claimed_by, FORMER_ADVISOR)}; "
            "ask them before answering, or release it."
        )


def require_answer_length(typed: str) -> None:
    """The limit is on the answer as the advisor typed it (the modal's own limit): removing identifiers
    may lengthen it ("[date of birth]"), and it is then sent whole, never cut."""
    length = len((typed or "").strip())
    if length > ANSWER_MAX_CHARS:
        raise QueueError(f"The answer is {length:,} characters; the most is {ANSWER_MAX_CHARS:,}. Please shorten it.")


def claim(escalation: Escalation, actor: str, now: str) -> dict:
    if escalation.state == CLAIMED:
        if escalation.claimed_by == actor:
            raise QueueError(f"You have already claimed escalation #{escalation.id}.")
        claimer = mention(escalation.claimed_by, FORMER_ADVISOR)
        raise QueueError(f"Escalation #{escalation.id} is already claimed by {claimer}.")
    if escalation.state != OPEN:
        raise QueueError(f"Escalation #{escalation.id} is {escalation.state}; only open ones can be claimed.")
    return {"state": CLAIMED, "claimed_by": actor, "claimed_at": now}


def release(escalation: Escalation, actor: str, now: str) -> dict:
    """Give up a claim, so that anyone can claim it: an advisor going off shift, or another advisor taking
    over from one who has. The asker is not told: for them nothing changed."""
    if escalation.state != CLAIMED:
        raise QueueError(f"Escalation #{escalation.id} is {escalation.state}; only a claimed one can be released.")
    # reminded_at is cleared so that, unclaimed again, it is reminded of like any open escalation
    return {"state": OPEN, "claimed_by": None, "claimed_at": None, "reminded_at": None}


def answer(
    escalation: Escalation, actor: str, now: str, text: str, faq_id: str | None = None, propose_new: bool = False
) -> dict:
    require_answerable(escalation, actor)
    text = (text or "").strip()
    if is_blank(text):
        raise QueueError("The answer is empty: write the answer the asker will receive.")
    if faq_id and propose_new:
        raise BadFaqLink("Choose either an existing FAQ entry or 'propose as a new entry', not both.")
    changes = {
        "state": ANSWERED, "answered_by": actor, "answered_at": now, "answer": text,
        "linked_faq_id": faq_id, "propose_new": int(propose_new),
    }
    if escalation.state == OPEN:  # answering an unclaimed escalation claims it too
        changes.update(claimed_by=actor, claimed_at=now)
    return changes


def close(escalation: Escalation, actor: str, now: str) -> dict:
    if escalation.state == CLOSED:
        raise QueueError(f"Escalation #{escalation.id} is already closed.")
    return {"state": CLOSED, "closed_by": actor, "closed_at": now}


def reopen(escalation: Escalation, actor: str, now: str) -> dict:
    if escalation.state not in (ANSWERED, CLOSED):
        raise QueueError(
            f"Escalation #{escalation.id} is {escalation.state}; only answered or closed ones can be reopened.")
    # The earlier answer stays on record (the asker received it) until a new answer replaces it,
    # but it no longer teaches, proposes or silences reminders.
    return {
        "state": OPEN, "claimed_by": None, "claimed_at": None, "closed_by": None, "closed_at": None,
        "linked_faq_id": None, "propose_new": 0, "reminded_at": None, "drafted_at": None, "reopened_at": now,
    }
