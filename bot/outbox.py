"""Messages the bot owes people, kept until Slack has them (a durable outbox).

Every message that follows from a change of state (the reply to a question, an escalation's card in
the advisor channel and its updates, the notices to an asker, an advisor's answer relayed to the
asker, reminders, the digest, a decision record sent back to the practitioner) is written here in
the same transaction as that change. A deliverer sends what is due, records the outcome, and retries
failures with growing delays, so a crash or a Slack outage delays a message but never loses it (but for
the window below, where it may be in doubt).

Several processes may deliver from one store: a deliverer first *leases* the items it will send
(``bot.store.outbox.lease_due``, a guarded UPDATE), renews the lease just before sending, and only the
holder of a lease records its outcome (fencing); an item whose lease has run out (its deliverer died
mid-send) is leased again. Recording the outcome waits out another process's write lock, and a send
that still could not be recorded is remembered by its process and never sent again by it. The one
window where a message could be sent twice: Slack accepted it, the process died before ``delivered``
was recorded. The holder marks an item ``sending_since`` as it sends, so an item found leased by a dead
process (or with its lease run out) and so marked may be in that window, or may never have reached Slack:
it is sent again, saying so where a copy matters, except the digest, given up as in doubt
(``resend_after_abandoned``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

# The start of an item's last error when a send was cut off after Slack may have received it: such an
# item is never sent again by itself (that could post twice).
UNCERTAIN = "uncertain"


# What a process that died mid-send leaves behind: the item's lease names it and says it began sending.
ABANDONED = "the process sending it stopped before its outcome was recorded"


class Kind(StrEnum):
    REPLY = "reply"                    # the answer to a question, where it was asked
    NOTICE = "notice"                  # a short notice to one person (e.g. "sent to the advisors")
    ADVISOR_CARD = "advisor_card"      # an escalation's post in the advisor channel
    CARD_UPDATE = "card_update"        # bring that post up to date (rendered from the current state)
    CARD_REMOVAL = "card_removal"      # empty the post of an escalation that was erased
    ADVISOR_ANSWER = "advisor_answer"  # an advisor's answer, relayed to the asker
    ASKER_NOTICE = "asker_notice"      # news of their escalation for the asker, where they asked (closed unanswered)
    FOLLOW_UP = "follow_up"            # what an asker added to their escalation, in its card's thread
    FOLLOW_UP_ADDED = "follow_up_added"  # the asker told, in their thread, that it was added
    FOLLOW_UPS_HELD = "follow_ups_held"  # follow-ups past the limit of posts, posted together when it lets them
    FAQ_ENTRY = "faq_entry"            # an FAQ entry a person asked to see ("Show answer" on a suggestion)
    REMINDER = "reminder"              # an unclaimed escalation, in its card's thread
    DIGEST = "digest"                  # the weekly digest's main message
    DIGEST_DETAILS = "digest_details"  # its details, in the main message's thread
    DECISION_RECORD = "decision_record"  # a practitioner's decision record, DM'd to them to paste
    MY_DATA = "my_data"                # everything held about a person, DM'd at their request


class State(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    GAVE_UP = "gave_up"


# Longer than any one send with its client-side waits: the client gives each call ``SEND_TIMEOUT_SECONDS``
# and retries a 429 at most ``RATE_LIMIT_RETRIES`` times, each after at most ``LONGEST_RATE_LIMIT_WAIT``
# (bot.slack.client refuses to wait longer: the outbox retries later instead). The deliverer renews the
# lease just before it sends, so the whole lease is there for the send.
SEND_TIMEOUT_SECONDS = 30
RATE_LIMIT_RETRIES = 2
LONGEST_RATE_LIMIT_WAIT = 20
LONGEST_SEND = dt.timedelta(seconds=(RATE_LIMIT_RETRIES + 1) * SEND_TIMEOUT_SECONDS
                            + RATE_LIMIT_RETRIES * (LONGEST_RATE_LIMIT_WAIT + 1))
LEASE = dt.timedelta(minutes=3)
DIGEST_LEASE = dt.timedelta(minutes=15)  # building a national week's digest takes longer than a post


def lease_for(kind: "Kind") -> dt.timedelta:
    """Long enough for one send of this kind with Slack's rate-limit waits (a digest is built first;
    someone's data may take dozens of messages)."""
    return DIGEST_LEASE if kind in (Kind.DIGEST, Kind.DIGEST_DETAILS, Kind.MY_DATA) else LEASE
GIVE_UP_AFTER = dt.timedelta(hours=24)  # a day late is too late; the failure is logged and shown
FIRST_RETRY_SECONDS = 5
LONGEST_WAIT_SECONDS = 15 * 60


# Sending these twice shows nothing twice (chat.update to the same state).
REPEATABLE = frozenset({Kind.CARD_UPDATE, Kind.CARD_REMOVAL})


def resend_after_abandoned(kind: Kind) -> bool:
    """Whether an item whose sender died after marking it as being sent is sent again (it may then show
    twice) rather than given up as in doubt (it may then never arrive). The mark is made before the call
    leaves, so the process may have died before Slack had it: for everything someone is waiting for (a
    reply, an answer, a card, a follow-up and its page, a notice, a record) a second copy is better than
    none. Only the digest, which a person posts by hand or a clock posts weekly, is in doubt: its next run
    says to look in the channel (``--force`` posts it again)."""
    return kind not in (Kind.DIGEST, Kind.DIGEST_DETAILS)


@dataclass(frozen=True)
class Owed:
    id: int
    kind: Kind
    key: str
    question_id: int | None
    escalation_id: int | None
    payload: dict[str, Any]
    attempts: int
    created_at: str
    owner: str | None = None  # who leased it: only they may record its outcome (fencing)


def retry_delay(attempts: int) -> dt.timedelta:
    """5 s, 15 s, 45 s, 2¼ min, … at most 15 minutes apart."""
    return dt.timedelta(seconds=min(FIRST_RETRY_SECONDS * 3 ** max(attempts - 1, 0), LONGEST_WAIT_SECONDS))
