"""Sending what only the asker may see of their question (see ``bot.slack.deliverer``): the privacy
notice for a question posted in a channel, the reply again from App Home, and where a mention was asked,
for a message read elsewhere."""

from __future__ import annotations

from slack_sdk.errors import SlackClientError

from bot.outbox import Owed
from bot.records import Via
from bot.slack.blocks.asker_notices import (
    follow_up_privacy_message,
    open_escalation_hint,
    privacy_notice_message,
    with_cut_notice,
    with_privacy_pointer,
)
from bot.slack.blocks.kit import Message
from bot.slack.blocks.plain import blocks_text, fallback
from bot.slack.blocks.replies import advisor_answer_message, reply_message
from bot.slack.delivery import privately
from bot.slack.deps import Deps


def asked_elsewhere(deps: Deps, question, route: dict) -> str | None:
    """The channel (linked to the post) where a mention was asked, when a message about it goes elsewhere
    (a button on App Home: by DM), so that "this thread" is never said where there is none."""
    where = question.where if question else None
    if where is None or where.source != Via.MENTION or not where.channel or route.get("channel") == where.channel:
        return None
    return linked_post(deps, where.channel, where.message_ts or where.thread_ts, "your message")


def linked_post(deps: Deps, channel: str, ts: str | None, label: str) -> str:
    """The channel, and a link to the post ``ts`` in it, for a message read elsewhere (a DM)."""
    try:
        link = deps.client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"]
        return f"<#{channel}> (<{link}|{label}>)"
    except (SlackClientError, KeyError):  # no link: the channel's name will do
        return f"<#{channel}>"


def with_open_escalation_hint(deps: Deps, question, message: Message) -> Message:
    """The reply to a new DM question, with how to add detail to the asker's DM question still with the
    advisors, if they have one (see ``open_escalation_hint``)."""
    escalation = deps.service.open_dm_escalation_elsewhere(question)
    if escalation is None or escalation.question is None:
        return message
    where = escalation.question.where
    link = permalink(deps, where.channel, where.thread_ts)
    hint = open_escalation_hint(escalation, link)
    return Message(fallback(message.text, blocks_text([hint])), [*message.blocks, hint])


def with_asker_notes(deps: Deps, question, message: Message, cut_from: int | None = None, *,
                     privacy_line: bool = False) -> Message:
    """The reply to a question, with what its asker alone reads there: that it was cut to fit (``cut_from``
    characters; a mention's asker is told privately instead), and for a new DM question how to add detail
    to their earlier one still with the advisors; with ``privacy_line``, what happens to what they type."""
    if question.where.source == Via.DM:
        message = with_open_escalation_hint(deps, question, message)
    if privacy_line:
        message = with_privacy_pointer(message, deps.settings.privacy_url, deps.settings.retention_days)
    return with_cut_notice(message, cut_from, question.where.source)


def followed(deps: Deps, escalation) -> tuple | None:
    """The answered escalation ``escalation`` follows (``Service.escalation_followed``), with a link to its card."""
    earlier = deps.service.escalation_followed(escalation)
    if earlier is None:
        return None
    return earlier, permalink(deps, earlier.advisor_channel, earlier.advisor_ts)


def permalink(deps: Deps, channel: str | None, ts: str | None) -> str | None:
    if not (channel and ts):
        return None
    try:
        return deps.client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"]
    except (SlackClientError, KeyError):  # no link: the words will do
        return None


def send_privacy_notice(deps: Deps, item: Owed) -> None:
    """The asker of a question posted in a channel told, alone, what to do about their post (or the thread's
    first message) and what was kept: ephemeral in the thread, else by DM naming the channel and the post."""
    question = deps.service.question(item.question_id or 0)
    if question is None:
        raise LookupError("the question was purged")
    payload, where = item.payload, question.where
    post_by, cut_from = payload.get("post_by"), payload.get("cut_from")

    def by_dm() -> Message:
        post = where.thread_ts if post_by else where.message_ts
        place = linked_post(deps, where.channel, post, "the thread's first message" if post_by else "your message")
        return privacy_notice_message(question, cut_from, post_by, place)

    privately(deps.client, payload["to"], privacy_notice_message(question, cut_from, post_by), None,
              payload.get("channel"), payload.get("thread_ts"), by_dm=by_dm if where.channel else None)
    return None


def send_follow_up_privacy_notice(deps: Deps, item: Owed) -> None:
    """``send_privacy_notice`` for what the asker added to their escalation by a mention in its thread."""
    payload = item.payload
    follow_up = deps.service.follow_up(int(payload.get("follow_up") or 0))
    escalation = deps.service.escalation(item.escalation_id) if follow_up else None
    if follow_up is None or escalation is None or escalation.question is None:
        raise LookupError("the follow-up was purged")
    channel = payload["channel"]
    privately(deps.client, payload["to"], follow_up_privacy_message(follow_up), None, channel,
              escalation.question.where.thread_ts,
              by_dm=lambda: follow_up_privacy_message(follow_up, linked_post(deps, channel, payload.get("message_ts"),
                                                                             "your message")))
    return None


def asker_only_message(deps: Deps, item: Owed) -> Message:
    """What only the asker may see of their question, from App Home: its reply again (the advisor's
    answer, or the suggestions)."""
    question = deps.service.question(item.question_id or 0)
    if question is None:
        raise LookupError("the question was purged")
    if item.payload.get("escalation_id"):
        escalation = deps.service.escalation(int(item.payload["escalation_id"]))
        return advisor_answer_message(escalation, deps.service.faq, deps.service.escalation_reader(escalation))
    return reply_again(deps, question)


def reply_again(deps: Deps, question) -> Message:
    faq = deps.service.faq
    entries = [entry for entry in (faq.get(i) for i in question.suggestions) if entry is not None]
    return reply_message(question, question.decision, entries, False,
                         deps.service.reader_of(question.asker, question.text), asker_only=True)
