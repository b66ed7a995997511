"""Reading what Slack sends: pure helpers over request bodies, events and view states. No I/O."""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlsplit

from bot.faq import AUTHORITATIVE_DOMAINS
from bot.mrkdwn import markup_as_words, replace_markup


def plain_text(slack_text: str | None) -> str:
    """Slack message text as the person typed it: its markup as words (``markup_as_words``: so an e-mail
    address that Slack linked is plain again, for redaction, and no third party's Slack id or channel
    name is kept) and ``&amp;``/``&lt;``/``&gt;`` undone."""
    text = markup_as_words(slack_text)
    return html.unescape(text) if "&" in text else text


def question_of(slack_text: str | None, bot_user_id: str | None) -> str:
    """A question from a message: its plain text without the mention of the bot itself."""
    return plain_text(without_mentions_of(slack_text or "", bot_user_id))


def without_mentions_of(text: str, user_id: str | None) -> str:
    """The text of an @mention without the mention of the bot itself."""
    if not user_id:
        return text
    return replace_markup(text or "", lambda target, _: " " if target == "@" + user_id else None).strip()


def user_of(body: dict) -> str | None:
    user = body.get("user")
    if isinstance(user, dict):
        return user.get("id")
    return body.get("user_id") or user or (body.get("event") or {}).get("user")


def team_of(body: dict) -> str | None:
    team = body.get("team")
    if isinstance(team, dict):
        return team.get("id")
    return body.get("team_id") or team


def action_value(body: dict) -> str:
    found = body.get("actions") or [{}]
    return found[0].get("value") or ""


def question_ref(value: str) -> tuple[int, str | None]:
    """``"12|entry-id"`` or ``"12"`` → (12, "entry-id" or None)."""
    question_id, _, entry_id = value.partition("|")
    return int(question_id), entry_id or None


def decision_ref_of(value: str) -> tuple[int | None, str | None, int | None]:
    """``"12|entry-id|3"`` → (12, "entry-id", 3); empty parts are None, and so is anything unreadable."""
    parts = (value.split("|") + ["", "", ""])[:3]

    def number(text: str) -> int | None:
        return int(text) if text.isdigit() else None

    return number(parts[0]), parts[1] or None, number(parts[2])


def escalation_ref_of(body: dict) -> tuple[int, int]:
    """A queue button's ``"12:3"`` → (12, 3): the escalation and the version the button was made from.
    ``"12"``, a button made before escalations had versions → (12, 0): the upgrade set every escalation to
    version 0, and every action since counted it up, so such a button was made from version 0."""
    escalation_id, _, version = action_value(body).partition(":")
    return int(escalation_id), (int(version) if version.isdigit() else 0)


def seen_version(metadata: dict) -> int:
    """The escalation version an answer form was opened on (0 for a form opened before forms kept it: as
    for a button, that is the version every escalation had at the upgrade)."""
    version = metadata.get("version")
    return version if isinstance(version, int) and not isinstance(version, bool) else 0


def channel_of(body: dict) -> str | None:
    channel = body.get("channel")
    if isinstance(channel, dict):
        return channel.get("id")
    return channel or (body.get("container") or {}).get("channel_id") or body.get("channel_id")


def shared_channel_of(body: dict) -> str | None:
    """The channel a command or shortcut came from, or None when it came from a conversation between
    people (a direct message, or a group DM: Slack names them "directmessage" and "mpdm-…"), which is
    recorded like a DM and never listed as a channel in the digest."""
    channel = body.get("channel")
    name = str((channel.get("name") if isinstance(channel, dict) else body.get("channel_name")) or "")
    if name == "directmessage" or name.startswith("mpdm-"):
        return None
    return channel_of(body)


def private_route(body: dict) -> dict:
    """How to tell the person who clicked, typed or submitted, and nobody else: their response_url
    when there is one, else an ephemeral in the channel (not from App Home or a modal), else a DM."""
    in_a_channel = not clicked_in_home(body) and body.get("type") != "view_submission"
    return {"to": user_of(body), "response_url": body.get("response_url"),
            "channel": channel_of(body) if in_a_channel else None}


def clicked_in_home(body: dict) -> bool:
    return (body.get("view") or {}).get("type") == "home" or (body.get("container") or {}).get("type") == "view"


def clicked_on_ephemeral(body: dict) -> bool:
    return bool((body.get("container") or {}).get("is_ephemeral"))


def message_thread(body: dict) -> str | None:
    """The thread of the message whose button was clicked (its own ts when it is not in a thread)."""
    message = body.get("message") or {}
    return message.get("thread_ts") or message.get("ts") or (body.get("container") or {}).get("message_ts")


def input_values(view: dict) -> dict[str, dict[str, Any]]:
    return (view.get("state") or {}).get("values") or {}


def text_input(view: dict, block_id: str, action_id: str, keep_link_urls: bool = False) -> str:
    """What was typed into a text input, its Slack markup as words (Slack does not escape ``&``, ``<``
    and ``>`` in an input, so nothing is unescaped); ``keep_link_urls``: links to public documents
    keep their address (``citable``)."""
    state = input_values(view).get(block_id, {}).get(action_id) or {}
    return markup_as_words(state.get("value"), citable if keep_link_urls else None)


# where public documents are published; not every host under an authoritative domain (a council's
# case system may be at mosaic.somewhere.gov.uk, with a person's name in its path)
PUBLISHING_HOSTS = frozenset({"assets.publishing.service.gov.uk", "digital.nhs.uk", "england.nhs.uk",
                              "www.england.nhs.uk", "transform.england.nhs.uk", "college.police.uk"})


def citable(url: str) -> bool:
    """A public document's address: https, on an authoritative domain itself (``www.`` or not) or a
    known publishing host, with no query string. Any other link keeps only its label."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    bare = host.removeprefix("www.")
    return parts.scheme == "https" and not parts.query and (bare in AUTHORITATIVE_DOMAINS or host in PUBLISHING_HOSTS)


def selected_value(view: dict, block_id: str, action_id: str) -> str | None:
    state = input_values(view).get(block_id, {}).get(action_id) or {}
    option = state.get("selected_option") or {}
    return option.get("value")


def selected_option_of(body: dict) -> str | None:
    """The value of the option chosen in a select that was just changed (a ``block_actions`` body)."""
    found = body.get("actions") or [{}]
    return (found[0].get("selected_option") or {}).get("value")


def checked_values(view: dict, block_id: str, action_id: str) -> list[str]:
    state = input_values(view).get(block_id, {}).get(action_id) or {}
    return [option.get("value") for option in state.get("selected_options") or []]


def metadata_of(view: dict) -> dict:
    try:
        found = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def event_id_of(body: dict) -> str | None:
    return body.get("event_id") if body.get("type") == "event_callback" else None
