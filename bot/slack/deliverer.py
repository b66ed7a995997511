"""Sends what the outbox says the bot owes, and records each outcome.

Listeners only record: a question and its reply, an escalation and its card, an answer and its relay
to the asker are committed together (``bot.service``). This thread (one per process; several
processes may run one each, since items are leased) renders each owed message from the current
state, sends it, and marks it delivered, or schedules another try with growing delays. A message is
rendered when it is sent, so a card update shows the escalation as it is then.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import http.client
import logging
import threading
import time
from typing import Callable

from slack_sdk.errors import SlackApiError, SlackClientError

from bot import lease_owners
from bot.escalations import QueueError, reminder_wait
from bot.mrkdwn import FORMER_ADVISOR, is_erased, mention
from bot.outbox import REPEATABLE, UNCERTAIN, Kind, Owed
from bot.records import Escalation, State, Via
from bot.slack.asker_delivery import (
    asked_elsewhere,
    asker_only_message,
    followed,
    send_follow_up_privacy_notice,
    send_privacy_notice,
    with_asker_notes,
)
from bot.slack.blocks.advisor_card import (
    advisor_message,
    page_mention,
    reminder_message,
    with_earlier_copy_note,
)
from bot.slack.blocks.asker_notices import claimed_message
from bot.slack.blocks.kit import Message, reminder_span
from bot.slack.blocks.replies import (
    BRIEF_REPLIES,
    advisor_answer_message,
    answer_redacted_message,
    closed_message,
    decision_record_message,
    entry_message,
    escalated_message,
    feedback_thanks,
    notice_message,
    reply_message,
)
from bot.slack.blocks.undelivered import why_not_delivered
from bot.slack.delivery import deliver_to_asker, dm, privately, reply_on_route
from bot.slack.deps import Deps
from bot.slack.follow_up_delivery import send_follow_up, send_follow_up_added, send_held_follow_ups
from bot.slack.record_delivery import send_digest, send_digest_details, send_my_data
from bot.slack.send_outcomes import (  # noqa: F401 (never_reached_slack: the deliverer's rule, also for tests)
    CARD_NOT_POSTED_YET,
    CHANNEL_NOT_TRUSTED,
    HELD_FOR_CHANNEL,
    TO_ADVISOR_CHANNEL,
    Postpone,
    died_on_this_host,
    never_deliverable,
    never_reached_slack,
    retry_after,
)
from bot.times import parse_stored_time

log = logging.getLogger(__name__)

IDLE_SECONDS = 5.0  # how often an idle deliverer looks for work another process owes
WORKERS = 4  # Web API calls take ~100 ms; a few in parallel keep up with a busy Monday
BATCH = 1  # items one worker leases at a time: a lease's clock starts when its own send does
NOT_DELIVERED = ("Your answer to escalation #{id} is saved, but I could not deliver it to {asker}: {why}. "
                 "Please reach them another way.")
MAYBE_NOT_DELIVERED = ("I was cut off while delivering your answer to escalation #{id} (the connection dropped, or "
                       "the bot was stopped), so I cannot tell whether {asker} received it. Please check where they "
                       "asked, and send it yourself "
                       "if it is not there (I will not send it again, so that it never arrives twice).")


def owner_name() -> str:
    return lease_owners.owner(f"thread-{threading.get_ident()}")


def deliver_due(deps: Deps, owner: str | None = None, limit: int = 20) -> int:
    """Lease what is due, send it, record each outcome; how many were delivered."""
    owner = owner or owner_name()
    done = 0
    # Held for the advisor channel, which is private now: due at once, leased in the order it was owed. (Only
    # when something is held is the directory asked: a process with nothing held never reads it on a tick.)
    if deps.service.any_held(HELD_FOR_CHANNEL) and not deps.advisors.withheld():
        deps.service.release_held(HELD_FOR_CHANNEL)
    for item in deps.service.lease_owed(owner, limit):
        done += deliver(deps, item)
    return done


def deliver(deps: Deps, item: Owed) -> bool:
    service = deps.service
    sent = service.sent_unrecorded(item)
    if sent is not None:  # this process sent it and could not record it: record it now, never send it again
        service.delivered(item, posted=sent[1])
        return True
    if not service.renew_lease(item):  # its lease ran out before the send: it is another sender's now
        log.warning("%s #%s: its lease ran out before sending; left to its new holder", item.kind, item.id)
        return False
    if service.give_up_if_superseded(item):  # a later answer to its escalation goes instead
        return False
    try:
        if item.kind in TO_ADVISOR_CHANNEL:
            hold_while_channel_untrusted(deps)
        posted = SENDERS[item.kind](deps, item)
    except Postpone as later:
        service.postpone(item, later.wait, later.held_for)
        return False
    except (LookupError, QueueError) as gone:  # its question or escalation was deleted meanwhile
        service.not_delivered(item, f"gone: {gone}", give_up=True)
        return False
    except SlackApiError as error:
        code = str(error.response.get("error") or error.response.status_code)
        wait = retry_after(error)
        again = service.not_delivered(item, code, wait, give_up=never_deliverable(item, code))
        log.warning("%s #%s not delivered (%s)%s", item.kind, item.id, code, "; will retry" if again else "; gave up")
        return False
    except (SlackClientError, OSError, http.client.HTTPException) as error:
        if never_reached_slack(error) or item.kind in REPEATABLE:
            again = service.not_delivered(item, type(error).__name__)
            log.warning("%s #%s not delivered (%s)%s", item.kind, item.id, type(error).__name__,
                        "; will retry" if again else "; gave up")
        else:
            # Slack may have acted on it before the connection dropped: sending again could show it
            # twice, so it is not re-sent; an advisor whose answer this was is told to check.
            service.not_delivered(item, f"{UNCERTAIN}: {type(error).__name__} after sending", give_up=True)
            log.error("%s #%s: the connection dropped after sending (%s); it may or may not have arrived, "
                      "so it is not sent again", item.kind, item.id, type(error).__name__)
        return False
    except Exception as error:  # noqa: BLE001 - a bug or a store hiccup while sending
        # Whether it reached Slack is unknown: it is not sent again (that could show it twice), and it
        # is not left leased to come round every minute.
        service.not_delivered(item, f"{UNCERTAIN}: {type(error).__name__}", give_up=True)
        log.error("%s #%s failed while sending (%s); not sent again", item.kind, item.id, type(error).__name__,
                  exc_info=True)
        return False
    service.delivered(item, posted=posted)
    return True


def hold_while_channel_untrusted(deps: Deps) -> None:
    """Nothing is posted where anyone could join to read it (logged once, by the advisor directory)."""
    if deps.advisors.withheld():
        raise Postpone(CHANNEL_NOT_TRUSTED, HELD_FOR_CHANNEL)


# one sender per kind: each returns (channel, ts) of a new advisor-channel card, else None ----------


def send_reply(deps: Deps, item: Owed) -> None:
    question = deps.service.question(item.question_id)
    if question is None:
        return None  # purged meanwhile: nothing left to send
    faq = deps.service.faq
    entries = [entry for entry in (faq.get(i) for i in question.suggestions) if entry is not None]
    message = reply_message(question, question.decision, entries, question.urgent,
                            deps.service.reader_of(question.asker, question.text), away=deps.advisors_away())
    privacy_line = deps.service.owes_privacy_line(question)
    message = with_asker_notes(deps, question, message, item.payload.get("cut_from"), privacy_line=privacy_line)
    where = question.where
    if where.source in (Via.MENTION, Via.DM) and where.channel:
        deps.client.chat_postMessage(channel=where.channel, thread_ts=reply_thread(question), **message.as_kwargs())
    else:
        privately(deps.client, question.asker, message, item.payload.get("response_url"), item.payload.get("channel"))
    if privacy_line:
        deps.service.privacy_told(question)
    return None


def send_entry(deps: Deps, item: Owed) -> None:
    """An FAQ entry someone chose from the suggestions, where they clicked."""
    payload = item.payload
    entry = deps.service.faq.get(payload.get("entry") or "")
    if entry is None:
        raise LookupError("the entry left the FAQ")
    question = deps.service.question(item.question_id) if item.question_id else None
    reader = deps.service.reader_of(payload.get("to"), question.text if question else "")
    message = entry_message(entry, item.question_id or 0, reader)
    reply_on_route(deps.client, payload, message)
    return None


def reply_thread(question) -> str | None:
    """A mention is answered in its thread; a DM at the top level unless it was asked in a thread."""
    where = question.where
    if where.source == Via.DM:
        return where.thread_ts if where.thread_ts and where.thread_ts != where.message_ts else None
    return where.thread_ts


def remind_after_said(deps: Deps, escalation) -> str:
    """How long before the advisors are reminded of it, by the rule the service reminds them by
    (``escalations.reminder_wait``)."""
    rule = reminder_wait(escalation.urgent, dt.timedelta(hours=deps.settings.remind_after_hours),
                         deps.settings.advisor_hours is not None)
    span = reminder_span(rule.wait.total_seconds())
    return f"{span} of their working time" if span and rule.working_time else span


def send_notice(deps: Deps, item: Owed) -> None:
    payload = item.payload
    about = payload.get("about")
    if about == "escalated":
        escalation = deps.service.escalation(item.escalation_id)
        source = escalation.question.where.source if escalation.question else Via.CLI
        message = escalated_message(escalation, source, bool(payload.get("created")),
                                    remind_after_said(deps, escalation),
                                    asked_elsewhere(deps, escalation.question, payload), deps.advisors_away())
    elif about == "thanks":
        question = deps.service.question(int(payload.get("question_id") or 0))
        message = feedback_thanks(bool(payload.get("helpful")), int(payload.get("question_id") or 0),
                                  by_asker=question is not None and question.asker == payload["to"])
    elif about == "privacy":
        return send_privacy_notice(deps, item)
    elif about == "follow_up_privacy":
        return send_follow_up_privacy_notice(deps, item)
    elif about == "again":
        message = asker_only_message(deps, item)
    elif about in BRIEF_REPLIES:
        message = BRIEF_REPLIES[about]()
    elif about in ("undelivered", "uncertain"):
        return tell_undelivered(deps, item)
    elif about == "answer_redacted":
        message = answer_redacted_message(item.escalation_id or 0, payload.get("kinds") or [])
    else:
        message = notice_message(payload.get("text") or "")
    privately(deps.client, payload["to"], message, payload.get("response_url"), payload.get("channel"),
              payload.get("thread_ts"))
    return None


def tell_undelivered(deps: Deps, item: Owed) -> None:
    """An advisor's answer that did not reach the asker (or may not have): said to the advisor in the
    escalation's card thread, where the other advisors see it too (by DM when there is no card)."""
    payload = item.payload
    escalation = deps.service.escalation(item.escalation_id)
    asker = mention(escalation.question.asker if escalation.question else None, "the asker (the question was deleted)")
    if payload.get("about") == "undelivered":
        text = NOT_DELIVERED.format(id=escalation.id, asker=asker, why=why_not_delivered(payload.get("error")))
    else:
        text = MAYBE_NOT_DELIVERED.format(id=escalation.id, asker=asker)
    if not escalation.advisor_ts:  # by DM, unless the advisor was erased: then nobody can be told
        if not is_erased(to := payload["to"]):
            privately(deps.client, to, notice_message(text), payload.get("response_url"), payload.get("channel"))
        return None
    hold_while_channel_untrusted(deps)
    message = notice_message(f":warning: {mention(payload['to'], FORMER_ADVISOR)} {text}")
    deps.client.chat_postMessage(channel=escalation.advisor_channel, thread_ts=escalation.advisor_ts,
                                 reply_broadcast=True, **message.as_kwargs())
    return None


def send_card(deps: Deps, item: Owed) -> tuple[str, str] | None:
    escalation = deps.service.escalation(item.escalation_id)
    if escalation.advisor_ts:
        return None  # already posted (by an earlier try whose record survived)
    channel = deps.settings.advisor_channel
    if not channel:
        log.warning("escalation #%s is queued; no advisor channel is configured to post it to", escalation.id)
        return None
    message = card_message(deps, escalation)
    if item.payload.get("earlier_copy"):
        message = with_earlier_copy_note(message)
    posted = deps.client.chat_postMessage(channel=channel, **message.as_kwargs())
    return posted["channel"], posted["ts"]


def card_message(deps: Deps, escalation) -> Message:
    """An escalation's card as it is now (with why its answer could not be delivered, if it could not)."""
    undelivered = deps.service.answer_not_delivered(escalation.id) if escalation.state == State.ANSWERED else None
    return advisor_message(escalation, deps.service.faq, deps.now(), undelivered=undelivered,
                           reader=deps.service.escalation_reader(escalation), follows=followed(deps, escalation),
                           page=page_mention(deps.settings.urgent_page) if deps.service.pages_for_its_asker(escalation)
                           else "")


def send_card_update(deps: Deps, item: Owed) -> None:
    escalation = deps.service.escalation(item.escalation_id)
    if not escalation.advisor_ts:
        if deps.service.card_owed(escalation.id):
            raise Postpone(CARD_NOT_POSTED_YET)
        return None  # no card will be posted; the card, when posted, shows the current state anyway
    deps.client.chat_update(channel=escalation.advisor_channel, ts=escalation.advisor_ts,
                            **card_message(deps, escalation).as_kwargs())
    if deps.service.escalation_gone(escalation.id):  # erased while this update was on its way
        empty_post(deps, escalation.advisor_channel, escalation.advisor_ts)
    return None


ERASED_CARD_TEXT = (":wastebasket: This question and its answer have been deleted from canishare's records "
                    "(data protection).")
ERASED_FOLLOW_UP_TEXT = (":wastebasket: What the asker added here has been deleted from canishare's records "
                         "(data protection).")


def send_card_removal(deps: Deps, item: Owed) -> None:
    """Empty an erased escalation's post, or one of its follow-up posts (an urgent one's copy in the
    channel is the same message); the bot's other replies in the card's thread (reminders) name no one
    and quote nothing typed, and advisors' replies there are theirs to delete. A post Slack no longer
    has is done."""
    text = ERASED_FOLLOW_UP_TEXT if item.payload.get("follow_up") else ERASED_CARD_TEXT
    try:
        empty_post(deps, item.payload["channel"], item.payload["ts"], text)
    except SlackApiError as error:
        if error.response.get("error") != "message_not_found":
            raise
        log.info("card_removal #%s: the post is already gone", item.id)
    return None


def empty_post(deps: Deps, channel: str, ts: str, text: str = ERASED_CARD_TEXT) -> None:
    deps.client.chat_update(channel=channel, ts=ts, **notice_message(text).as_kwargs())


def send_advisor_answer(deps: Deps, item: Owed) -> None:
    """The answer this item was owed for, as its advisor wrote it (not the escalation's latest answer)."""
    escalation = as_answered_then(deps.service.escalation(item.escalation_id), item.payload)
    if escalation.question is None:
        raise LookupError("the question was purged")
    reader = deps.service.escalation_reader(escalation)
    deliver_to_asker(deps.client, escalation.question,
                     lambda shared: advisor_answer_message(escalation, deps.service.faq, reader, shared))
    return None


def as_answered_then(escalation: Escalation, payload: dict) -> Escalation:
    """``escalation`` with the answer an owed item carries (items owed before answers carried theirs
    have none: the escalation's own answer stands)."""
    if payload.get("answer") is None:
        return escalation
    return dataclasses.replace(escalation, answer=payload["answer"], answered_by=payload.get("advisor"),
                               answered_at=payload.get("answered_at"), linked_faq_id=payload.get("linked_faq_id"))


def send_asker_notice(deps: Deps, item: Owed) -> None:
    """The asker told, where they asked, that an advisor claimed their escalation (unless it has moved on
    since), or that it was closed without an answer (unless it was reopened since)."""
    escalation = deps.service.escalation(item.escalation_id)
    if escalation.question is None:
        raise LookupError("the question was purged")
    if item.payload.get("about") == "claimed":
        # not once answered, closed or reopened meanwhile, nor to an advisor of their own claim
        if escalation.state == State.CLAIMED and escalation.claimed_by != escalation.question.asker:
            deliver_to_asker(deps.client, escalation.question, claimed_message(escalation))
        return None
    if escalation.state != State.CLOSED:
        return None
    deliver_to_asker(deps.client, escalation.question, lambda shared: closed_message(escalation, shared))
    return None


def send_reminder(deps: Deps, item: Owed) -> None:
    escalation = deps.service.escalation(item.escalation_id)
    claimed_at = item.payload.get("claimed_at")  # a reminder of a claim, or of an open escalation
    if (escalation.state, escalation.claimed_at) != ((State.CLAIMED, claimed_at) if claimed_at else (State.OPEN, None)):
        return None  # claimed, released, answered or closed since: nothing to remind
    if not escalation.advisor_ts and deps.service.card_owed(escalation.id):
        raise Postpone(CARD_NOT_POSTED_YET)
    channel = escalation.advisor_channel or deps.settings.advisor_channel
    if channel:
        page = page_mention(deps.settings.urgent_page) if deps.service.pages_for_its_asker(escalation) else ""
        deps.client.chat_postMessage(channel=channel, thread_ts=escalation.advisor_ts,
                                     reply_broadcast=bool(escalation.advisor_ts) or None,
                                     **reminder_message(escalation, deps.now(), page).as_kwargs())
    return None


def send_decision_record(deps: Deps, item: Owed) -> None:
    """The practitioner's decision record, by DM, as text to paste into their case system."""
    record = deps.service.decision_record(int(item.payload.get("record") or 0))
    if record is None:
        raise LookupError("the decision record was purged")
    dm(deps.client, record.user, decision_record_message(record))
    return None


SENDERS: dict[Kind, Callable[[Deps, Owed], tuple[str, str] | None]] = {
    Kind.REPLY: send_reply,
    Kind.NOTICE: send_notice,
    Kind.ADVISOR_CARD: send_card,
    Kind.CARD_UPDATE: send_card_update,
    Kind.CARD_REMOVAL: send_card_removal,
    Kind.ADVISOR_ANSWER: send_advisor_answer,
    Kind.FAQ_ENTRY: send_entry,
    Kind.ASKER_NOTICE: send_asker_notice,
    Kind.REMINDER: send_reminder,
    Kind.MY_DATA: send_my_data,
    Kind.DIGEST: send_digest,
    Kind.DIGEST_DETAILS: send_digest_details,
    Kind.DECISION_RECORD: send_decision_record,
    Kind.FOLLOW_UP: send_follow_up,
    Kind.FOLLOW_UP_ADDED: send_follow_up_added,
    Kind.FOLLOW_UPS_HELD: send_held_follow_ups,
}


class Deliverer:
    """Threads that send owed messages: woken by the service after each commit that owes one, and
    every few seconds for retries and for what other processes owe."""

    def __init__(self, deps: Deps, workers: int = WORKERS, idle_seconds: float = IDLE_SECONDS):
        self.deps = deps
        self.idle_seconds = idle_seconds
        self._wake = threading.Condition()
        self._pending_wakes = 0
        self._stop = threading.Event()
        self._freed_at = time.monotonic()  # start() frees them first
        self._threads = [threading.Thread(target=self._run, args=(n,), name=f"canishare-deliverer-{n}", daemon=True)
                         for n in range(workers)]

    def start(self) -> "Deliverer":
        taken = self.deps.service.take_over_leases(died_on_this_host)
        if taken:
            log.info("took over %d message(s) a stopped process had in hand", taken)
        self.deps.service.on_owed.append(self.wake)
        for thread in self._threads:
            thread.start()
        return self

    def wake(self) -> None:
        with self._wake:
            self._pending_wakes += 1
            self._wake.notify_all()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the messages in hand, then stop (what is left stays owed for the next start)."""
        self._stop.set()
        self.wake()
        for thread in self._threads:
            thread.join(timeout)

    def _run(self, number: int) -> None:
        owner = lease_owners.owner(f"deliverer-{number}")
        while not self._stop.is_set():
            with self._wake:
                self._pending_wakes = 0
            try:
                if number == 0:
                    self._free_dead_leases()
                while deliver_due(self.deps, owner, BATCH) and not self._stop.is_set():
                    pass
            except Exception:  # noqa: BLE001 - a database or rendering hiccup must not end delivery
                log.warning("delivery round failed", exc_info=True)
            with self._wake:
                if not self._pending_wakes and not self._stop.is_set():
                    self._wake.wait(self._seconds_until_next())

    def _free_dead_leases(self) -> None:
        """What a process that died on this host had in hand is sent now, not when its lease runs out."""
        if time.monotonic() - self._freed_at < self.idle_seconds:
            return
        self._freed_at = time.monotonic()
        taken = self.deps.service.take_over_leases(died_on_this_host)
        if taken:
            log.info("took over %d message(s) a stopped process had in hand", taken)

    def _seconds_until_next(self) -> float:
        try:
            due = parse_stored_time(self.deps.service.next_owed_due())
        except Exception:  # noqa: BLE001
            return self.idle_seconds
        if due is None:
            return self.idle_seconds
        return max(0.05, min(self.idle_seconds, (due - self.deps.now()).total_seconds()))


def deliver_inline(deps: Deps) -> None:
    """Deliver what is owed right after each commit, in the thread that committed, instead of in a
    background thread: for a process that cannot keep one (a function-as-a-service host) and for
    tests. Slack then waits for the delivery before its acknowledgement."""
    def deliver_all() -> None:
        while deliver_due(deps):
            pass

    deps.service.on_owed.append(deliver_all)
