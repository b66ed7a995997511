"""Follow-ups and corrections: what an asker adds to their open escalation from its thread, and the question an
edited DM belongs to."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Callable, NamedTuple

from bot import edits
from bot.asker_steps import seen_by_others
from bot.outbox import Kind
from bot.questions import MAX_QUESTION_CHARS
from bot.records import Escalation, FollowUp, Question, State, Via
from bot.small_talk import is_blank, small_talk
from bot.store import Store
from bot.times import parse_stored_time, stored
from bot.urgency import risk_window, signals_immediate_risk
from bot.urgent_cut import kept_or_refused

log = logging.getLogger("bot.service")
# An urgent follow-up pages the advisors at most once an escalation in this interval; later ones in it are posted
# to the channel flagged urgent, without the page (one asker could otherwise keep the channel paging: s9 M5).
FOLLOW_UP_PAGE_INTERVAL = dt.timedelta(minutes=30)
# how far back one person's urgent escalations are read to know whether their last one paged
PAGE_LOOKBACK = dt.timedelta(days=1)
# One asker cannot post hundreds of messages into the advisor channel through follow-ups (s9 M4): an escalation's
# follow-ups get their own post in its card's thread at most FOLLOW_UP_POSTS times in FOLLOW_UP_POST_WINDOW; later
# ones are on the card at once and posted together, HELD_PER_POST a post (each whole, within Slack's 50 blocks),
# one such post per window: after a flood, the channel gets one post every FOLLOW_UP_POST_WINDOW.
FOLLOW_UP_POSTS = 5
FOLLOW_UP_POST_WINDOW = dt.timedelta(minutes=10)
HELD_PER_POST = 6


class InThread(NamedTuple):
    """A reply in a thread: the asker's escalation from that thread still with the advisors, and whether
    the reply adds to it (a follow-up)."""

    escalation: Escalation | None
    adds_to_it: bool


def in_a_channel(escalation: Escalation) -> bool:
    """Whether what the asker adds to ``escalation`` is posted where others read it (a mention's thread, not
    their DM with the bot, where the acknowledgement itself says what was removed)."""
    return escalation.question is None or seen_by_others(escalation.question.where.source)


class FollowUps:
    """What askers add to their escalations, and how often that reaches the advisors' channel. ``notify_owed`` is
    called after a commit that owes messages."""

    def __init__(self, store: Store, notify_owed: Callable[[], None]):
        self.store = store
        self.notify_owed = notify_owed

    def reply_in_thread(self, asker: str, channel: str | None, thread_ts: str | None, text: str) -> InThread:
        """What ``text``, written by ``asker`` in a thread, is to canishare: ``asker``'s escalation sent from
        this thread (by mentioning the bot, or by DM) that still waits for an advisor (open or claimed; None
        for anyone else, and outside a thread), and whether ``text`` adds to it: it does unless it is blank,
        help, hello or thanks (those get their short reply)."""
        if not (asker and channel and thread_ts):
            return InThread(None, False)
        found = self.store.open_escalation_in_thread(asker, channel, thread_ts)
        escalation = self.store.escalation(found) if found is not None else None
        return InThread(escalation, escalation is not None and not is_blank(text) and small_talk(text) is None)

    def open_dm_escalation_elsewhere(self, question: Question) -> Escalation | None:
        """For a new DM question: its asker's other DM question still with the advisors, whose thread is where
        to add detail to it (a new message is a new question)."""
        where = question.where
        if where.source != Via.DM or not where.channel:
            return None
        found = self.store.open_dm_escalation_elsewhere(question.asker, where.channel, where.thread_ts)
        return self.store.escalation(found) if found is not None else None

    def escalation_followed(self, escalation: Escalation) -> Escalation | None:
        """The answered escalation ``escalation``'s question follows: one its asker sent from the same thread
        (a mention or DM reply there, or an edit, after the answer), so the advisors see it in context."""
        question = escalation.question
        if question is None or question.where.source not in (Via.DM, Via.MENTION) or not question.where.thread_ts:
            return None
        found = self.store.answered_escalation_before(question)
        return self.store.escalation(found) if found is not None else None

    def add_follow_up(self, escalation: Escalation, text: str, asker: str, channel: str | None,
                      message_ts: str | None, event_id: str | None = None, wording: str = "{}") -> FollowUp | None:
        """Redact ``text`` and add it to ``escalation``, put in ``wording`` (canishare's own words around it,
        not counted against the limit); owe, in the same commit, its post in the card's thread for the
        advisors, the card's update, and the asker's acknowledgement in their thread. None when the Slack
        event (or the message) was handled before: nothing is added twice. Over the limit, as a new
        question: ``QuestionTooLong``, or cut to fit (``bot.urgent_cut``), added urgent, the asker told."""
        redaction = kept_or_refused(text)
        cut_from = len(text) if len(text) > MAX_QUESTION_CHARS else None
        urgent = bool(cut_from) or signals_immediate_risk(text)
        stored = wording.format(redaction.text)
        risk = risk_window(stored) if urgent else None  # found once, not at each showing of the card
        with self.store.transaction():
            if event_id and not self.store.first_time_event(event_id):
                return None
            follow_up, added = self.store.add_follow_up(
                escalation_id=escalation.id, question_id=escalation.question_id, asker=asker,
                text=stored, redacted_kinds=redaction.found, urgent=urgent, channel=channel, message_ts=message_ts,
                risk=risk)
            if not added:
                return None
            about = {"question_id": escalation.question_id, "escalation_id": escalation.id,
                     "payload": {"follow_up": follow_up.id}}
            held_until = self._owe_follow_up_post(escalation, follow_up)
            self.store.owe(Kind.FOLLOW_UP_ADDED, f"follow_up_added:{follow_up.id}", **{**about, "payload": {
                "follow_up": follow_up.id, "cut_from": cut_from, "held_until": held_until}})
            if follow_up.redacted_kinds and channel and in_a_channel(escalation):  # told to the asker alone
                self.store.owe(Kind.NOTICE, f"follow_up_privacy:{follow_up.id}", **{**about, "payload": {
                    "to": asker, "about": "follow_up_privacy", "follow_up": follow_up.id, "channel": channel,
                    "message_ts": message_ts}})
            if follow_up.urgent:
                self.store.flag_urgent(escalation.id)
            self.store.owe_card_update(escalation.id)
        self.notify_owed()
        log.info("follow-up %s added to escalation %s%s", follow_up.id, escalation.id,
                 " urgent" if follow_up.urgent else "")
        return follow_up

    def _owe_follow_up_post(self, escalation: Escalation, follow_up: FollowUp) -> str | None:
        """Owe the follow-up's post in the card's thread: its own (one that pages always has it), or, past the
        limit, held for a post with the others; when that post is due (None: its own)."""
        payload = {"follow_up": follow_up.id, "page": follow_up.urgent and self._page_now(escalation)}
        if payload["page"]:
            self.store.owe(Kind.FOLLOW_UP, f"follow_up:{follow_up.id}", question_id=escalation.question_id,
                           escalation_id=escalation.id, payload=payload)
            return None
        now = parse_stored_time(self.store.now()) or dt.datetime.now(dt.timezone.utc)
        return self.store.owe_follow_up_post_or_hold(
            follow_up, payload, since=stored(now - FOLLOW_UP_POST_WINDOW), limit=FOLLOW_UP_POSTS,
            held_until=stored(now + FOLLOW_UP_POST_WINDOW), most_held=HELD_PER_POST, spacing=FOLLOW_UP_POST_WINDOW)

    def _page_now(self, escalation: Escalation) -> bool:
        """Whether an urgent follow-up pages the advisors: not when one paged about ``escalation`` in the last
        FOLLOW_UP_PAGE_INTERVAL."""
        now = parse_stored_time(self.store.now())
        return now is None or self.store.take_follow_up_page(escalation.id, stored(now - FOLLOW_UP_PAGE_INTERVAL))

    def pages_for_its_asker(self, escalation: Escalation) -> bool:
        """Whether an urgent escalation's card (and its reminder) pages the advisors: not when the last of its
        asker's urgent escalations that paged was opened less than FOLLOW_UP_PAGE_INTERVAL before it (one
        person cannot keep the channel paging with new urgent questions either; follow-up reviews s9). Its card
        is posted, flagged urgent, all the same."""
        opened = parse_stored_time(escalation.created_at)
        if opened is None:
            return True
        last_paged = None
        since = stored(opened - PAGE_LOOKBACK)
        for escalation_id, created in self.store.urgent_escalations_up_to(escalation.id, since):
            when = parse_stored_time(created)
            pages = when is None or last_paged is None or when - last_paged >= FOLLOW_UP_PAGE_INTERVAL
            if escalation_id == escalation.id:
                return pages
            last_paged = when if pages else last_paged
        return True

    def follow_up(self, follow_up_id: int) -> FollowUp | None:
        return self.store.follow_up(follow_up_id)

    def edit_of(self, asker: str, channel: str, message_ts: str, before: str | None, after: str | None,
                thread_ts: str | None = None) -> tuple[edits.EditMeans, Question | None, Escalation | None]:
        """What a DM edit does (``bot.edits``), with the question it changes (the first recorded from the
        message) and the latest escalation of any question recorded from it (an edit answered again may be the
        one sent to an advisor): the edit is a follow-up while that escalation waits for an advisor. A reply in
        a thread (``thread_ts``) that is no question: see ``_edit_of_reply``."""
        original = self.store.question_for_message(asker, channel, message_ts)
        if original is None and thread_ts and thread_ts != message_ts:
            return self._edit_of_reply(asker, channel, message_ts, thread_ts, before, after)
        found = self.store.escalation_of_message(asker, channel, message_ts) if original else None
        escalation = self.store.escalation(found) if found is not None else None
        waits = escalation is not None and escalation.state in (State.OPEN, State.CLAIMED)
        now = parse_stored_time(self.store.now())
        if now is None:
            return edits.EditMeans.NOTHING, original, escalation
        return edits.what_the_edit_means(original, before, after, now, waits), original, escalation

    def _edit_of_reply(self, asker: str, channel: str, message_ts: str, thread_ts: str, before: str | None,
                       after: str | None) -> tuple[edits.EditMeans, None, Escalation | None]:
        """What an edit of a DM thread reply does: the escalation it was added to (or, if it was not, the one
        of the thread) gets the new text while it waits for an advisor."""
        found = self.store.escalation_of_follow_up_message(asker, channel, message_ts)
        was_added = found is not None
        if found is None:
            found = self.store.open_escalation_in_thread(asker, channel, thread_ts)
        escalation = self.store.escalation(found) if found is not None else None
        if escalation is None:
            return edits.EditMeans.NOTHING, None, None
        waits = escalation.state in (State.OPEN, State.CLAIMED)
        return edits.what_the_reply_edit_means(before, after, waits, was_added), None, escalation
