"""Sending what a follow-up owes: its post in the escalation card's thread, and the asker's
acknowledgement where they added it (see ``bot.slack.deliverer``)."""

from __future__ import annotations

from bot.outbox import Owed
from bot.records import State
from bot.slack.blocks.advisor_card import page_mention
from bot.slack.blocks.asker_notices import with_cut_notice
from bot.slack.blocks.follow_ups import follow_up_added_message, follow_up_post, held_follow_ups_post
from bot.slack.blocks.kit import Message, context
from bot.slack.delivery import deliver_to_asker
from bot.slack.deps import Deps
from bot.slack.send_outcomes import CARD_NOT_POSTED_YET, Postpone


def _follow_up_of(deps: Deps, item: Owed):
    follow_up = deps.service.follow_up(int(item.payload.get("follow_up") or 0))
    if follow_up is None:
        raise LookupError("the follow-up was purged")
    return deps.service.escalation(follow_up.escalation_id), follow_up


def send_follow_up(deps: Deps, item: Owed) -> tuple[str, str] | None:
    """The follow-up in its card's thread (sent to the channel too when urgent), where advisors working
    on it see it arrive; where it went is recorded, so that erasing the asker can empty it."""
    escalation, follow_up = _follow_up_of(deps, item)
    if not escalation.advisor_ts:
        if deps.service.card_owed(escalation.id):
            raise Postpone(CARD_NOT_POSTED_YET)
        return None  # no card: the card, if ever posted, lists it
    message = follow_up_post(escalation, follow_up)
    if follow_up.urgent and item.payload.get("page", True):  # at most one page an escalation in 30 minutes
        message = with_mention(message, urgent_follow_up_mention(deps, escalation))
    posted = deps.client.chat_postMessage(channel=escalation.advisor_channel, thread_ts=escalation.advisor_ts,
                                          reply_broadcast=follow_up.urgent or None, **message.as_kwargs())
    ts = posted.get("ts")
    # Where it went is recorded with its delivery, patiently (``Service.delivered``), so it is never lost
    return (posted.get("channel") or escalation.advisor_channel, ts) if ts else None


def send_held_follow_ups(deps: Deps, item: Owed) -> tuple[str, str] | None:
    """Follow-ups held past the limit of posts, together in their card's thread (to the channel too when one is
    urgent, without a page: the escalation is flagged urgent and pages by its own rules)."""
    held = [f for f in map(deps.service.follow_up, item.payload.get("follow_ups") or []) if f is not None]
    escalation = deps.service.escalation(item.escalation_id) if held else None
    if escalation is None:
        raise LookupError("the follow-ups were purged")
    if not escalation.advisor_ts:
        if deps.service.card_owed(escalation.id):
            raise Postpone(CARD_NOT_POSTED_YET)
        return None  # no card: the card, if ever posted, lists them
    posted = deps.client.chat_postMessage(
        channel=escalation.advisor_channel, thread_ts=escalation.advisor_ts,
        reply_broadcast=any(f.urgent for f in held) or None, **held_follow_ups_post(escalation, held).as_kwargs())
    ts = posted.get("ts")
    return (posted.get("channel") or escalation.advisor_channel, ts) if ts else None


def urgent_follow_up_mention(deps: Deps, escalation) -> str:
    """Whom an urgent follow-up pages besides: nobody more when an advisor has claimed the escalation (the
    post mentions them, ``follow_up_post``), else the advisors' page."""
    if escalation.state == State.CLAIMED and escalation.claimed_by:
        return ""
    return page_mention(deps.settings.urgent_page)


def with_mention(message: Message, mention: str) -> Message:
    if not mention:
        return message
    return Message(f"{mention} {message.text}", [context(f"{mention} :rotating_light: this may not wait"),
                                                 *message.blocks])


def send_follow_up_added(deps: Deps, item: Owed) -> None:
    escalation, follow_up = _follow_up_of(deps, item)
    if escalation.question is None:
        raise LookupError("the question was purged")
    cut_from = item.payload.get("cut_from")  # an urgent one cut to fit: its asker is told
    deliver_to_asker(deps.client, escalation.question, lambda shared: with_cut_notice(
        follow_up_added_message(escalation, follow_up, shared, deps.advisors_away(), item.payload.get("held_until")),
        cut_from,
        escalation.question.where.source))
    return None
