"""Slack's mrkdwn, shared by the Slack layer, the matcher and the weekly digest (no Slack SDK here):
escaping what we echo, and reading the markup in what Slack sends (as words that keep no one's
Slack id or channel name).

Anything a person typed is echoed only through ``escape_user_text``, so that nothing typed can
become a mention or a broadcast.
"""

from __future__ import annotations

import re
from typing import Callable

WORD_JOINER = "\u2060"
_BARE_BROADCAST = re.compile(r"@(here|channel|everyone)\b", re.IGNORECASE)
# <@U123|name>, <#C123|name>, <!here>, <!subteam^S1|@team>, <!date^…|fallback>, <https://…|label>, <mailto:…|a@b>
SLACK_MARKUP = re.compile(r"<([^<>]*)>")


def replace_markup(text: str, replace: Callable[[str, str | None], str | None]) -> str:
    """``text`` with each piece of Slack markup replaced by ``replace(target, label)`` (label None
    when the markup has none); where ``replace`` returns None the markup stays as it is."""

    def one(found: re.Match) -> str:
        target, bar, label = found.group(1).partition("|")
        replacement = replace(target, label if bar else None)
        return found.group(0) if replacement is None else replacement

    return SLACK_MARKUP.sub(one, text)


# What a mention of someone else, or a channel link, becomes: a third party's Slack id (kept apart
# from the asker's and advisors' own) and a channel's name (case channels are named after people)
# are personal data, so neither is kept.
SOMEONE = "@someone"
CHANNEL = "#channel"


def _group_as_text(label: str | None) -> str:
    """A user-group mention as words that no redactor takes for a person's handle:
    ``@safeguarding-leads`` → "the safeguarding-leads group"."""
    name = (label or "").lstrip("@").strip()
    return f"the {name} group" if name else "the group"


def _markup_as_text(target: str, label: str | None) -> str:
    if target.startswith("@"):
        return SOMEONE
    if target.startswith("#"):
        return CHANNEL
    if target.startswith("!subteam^"):
        return _group_as_text(label)
    if target.startswith("!"):
        if label:
            return label
        return "@" + target[1:].split("^")[0]
    return label or target.removeprefix("mailto:").removeprefix("tel:")


def markup_as_words(text: str | None) -> str:
    """``text`` with its Slack markup as words: mentions as "@someone", channel links as "#channel",
    user groups as "the … group", broadcasts as "@channel"/"@here", links as their labels."""
    return replace_markup(text or "", _markup_as_text)


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack gives meaning to in message text."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_user_text(text: str) -> str:
    """Typed text made safe to echo: ``<!channel>``, ``<@U…>``, ``<#C…>``, ``<!subteam^…>`` lose their
    brackets (shown literally), and a bare ``@here``/``@channel``/``@everyone`` gets an invisible word
    joiner after the ``@`` so that no client or ``link_names`` setting turns it into a broadcast."""
    return _BARE_BROADCAST.sub(lambda m: "@" + WORD_JOINER + m.group(1), escape_mrkdwn(text))
