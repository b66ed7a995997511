"""Sending the bot's longer records: a weekly digest a run could not post (and its details reply), and
one person's data, in as many messages as it needs (see ``bot.slack.deliverer``)."""

from __future__ import annotations

import json

from bot.mrkdwn import escape_user_text
from bot.outbox import Owed
from bot.slack.deps import Deps
from bot.slack.digest import post_details, post_main_message


def send_digest(deps: Deps, item: Owed) -> tuple[str, str] | None:
    """A digest a run could not post: posted now, from the week's figures as they are now."""
    if not deps.settings.digest_channel:
        raise LookupError("no digest channel is configured")
    week = item.payload["week"]
    posted = deps.service.digest_posted(week) or {}
    if posted.get("ts") and (not item.payload.get("force") or (posted.get("posted_at") or "") >= item.created_at):
        return None  # a run posted the week since this was owed (or before, unless forced): not twice
    return post_main_message(deps.client, deps.settings.digest_channel, deps.service.digest(week))


def send_digest_details(deps: Deps, item: Owed) -> None:
    payload = item.payload
    post_details(deps.client, payload["channel"], payload["ts"], deps.service.digest(payload["week"]))
    return None


FENCE = "`" * 3  # Slack's code block
MY_DATA_CHUNK = 3500  # characters of JSON per message: well inside Slack's 40,000 and readable


def send_my_data(deps: Deps, item: Owed) -> None:
    """Everything held about the person, without other people's data (``bot.own_copy``), as JSON in their DM,
    in as many messages as it needs."""
    user = item.payload["to"]
    text = json.dumps(deps.service.own_copy(user), indent=1, ensure_ascii=False, default=str)
    chunks = [text[i:i + MY_DATA_CHUNK] for i in range(0, len(text), MY_DATA_CHUNK)]
    channel = deps.client.conversations_open(users=user)["channel"]["id"]
    deps.client.chat_postMessage(channel=channel, text=(
        f"Here is everything canishare holds about you ({len(chunks)} message(s) of JSON), without other people's "
        "data: their ratings of your answers are left out and their Slack ids are shown as their role. Questions "
        "are kept after removing the identifiers canishare recognises. This copy stays in this conversation until "
        "you delete it. To have your data erased, ask your organisation's data protection officer."))
    for number, chunk in enumerate(chunks, start=1):
        safe = escape_user_text(chunk).replace(FENCE, "\u2019\u2019\u2019")  # no mention or early end of the block
        deps.client.chat_postMessage(channel=channel, text=f"({number}/{len(chunks)})\n{FENCE}{safe}{FENCE}")
    return None
