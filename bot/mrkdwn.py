"""Slack's mrkdwn, shared by the Slack layer, the matcher and the weekly digest (no Slack SDK here):
escaping what we echo, and reading the markup in what Slack sends.

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


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack gives meaning to in message text."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_user_text(text: str) -> str:
    """Typed text made safe to echo: ``<!channel>``, ``<@U…>``, ``<#C…>``, ``<!subteam^…>`` lose their
    brackets (shown literally), and a bare ``@here``/``@channel``/``@everyone`` gets an invisible word
    joiner after the ``@`` so that no client or ``link_names`` setting turns it into a broadcast."""
    return _BARE_BROADCAST.sub(lambda m: "@" + WORD_JOINER + m.group(1), escape_mrkdwn(text))
