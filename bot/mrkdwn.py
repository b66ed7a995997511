"""Escaping for Slack's mrkdwn, shared by the Slack replies and the weekly digest (no Slack SDK here).

Anything a person typed is echoed only through ``escape_user_text``, so that nothing typed can
become a mention or a broadcast.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
_BARE_BROADCAST = re.compile(r"@(here|channel|everyone)\b", re.IGNORECASE)


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack gives meaning to in message text."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_user_text(text: str) -> str:
    """Typed text made safe to echo: ``<!channel>``, ``<@U…>``, ``<#C…>``, ``<!subteam^…>`` lose their
    brackets (shown literally), and a bare ``@here``/``@channel``/``@everyone`` gets an invisible word
    joiner after the ``@`` so that no client or ``link_names`` setting turns it into a broadcast."""
    return _BARE_BROADCAST.sub(lambda m: "@" + WORD_JOINER + m.group(1), escape_mrkdwn(text))
