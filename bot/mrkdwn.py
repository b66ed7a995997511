"""Slack's mrkdwn, shared by the Slack layer, the matcher and the weekly digest (no Slack SDK here):
escaping what we echo, and reading the markup in what Slack sends (as words that keep no one's
Slack id or channel name).

Anything a person typed is echoed only through ``escape_user_text``, so that nothing typed can
become a mention or a broadcast.
"""

from __future__ import annotations

import re
from typing import Callable

from bot.readable import without_bidi_controls

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


# An erased person's id is replaced by a pseudonym that starts with this (``bot.store.people.erase``).
ERASED_PREFIX = "erased-"
FORMER_ADVISOR = "a former advisor"


def is_erased(user_id: str | None) -> bool:
    return bool(user_id) and user_id.startswith(ERASED_PREFIX)


def mention(user_id: str | None, erased: str = "someone") -> str:
    """A Slack mention of ``user_id`` for a message of ours; a pseudonym (or no id) as the plain words
    ``erased``, since Slack would show ``<@erased-…>`` as a broken mention."""
    if not user_id or is_erased(user_id):
        return erased
    return f"<@{user_id}>"


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


def markup_as_words(text: str | None, keep_link_url: Callable[[str], bool] | None = None) -> str:
    """``text`` with its Slack markup as words: mentions as "@someone", channel links as "#channel",
    user groups as "the … group", broadcasts as "@channel"/"@here", links as their labels; a link
    whose address ``keep_link_url`` accepts as "label (url)" (an advisor's answer citing a public
    document: the asker and the FAQ's reviewer need it)."""
    def as_words(target: str, label: str | None) -> str:
        words = _markup_as_text(target, label)
        kept = keep_link_url is not None and label and label != target and keep_link_url(target)
        return f"{words} ({target})" if kept else words

    return replace_markup(text or "", as_words)


_FORMAT_MARKS = re.compile(r"(?<![\w*_`])[*_`]+|[*_`]+(?![\w*_`])")


def without_format_marks(text: str) -> str:
    """Our own mrkdwn as plain text, for a fallback (notifications, screen readers): no bold, italic
    or code marks ("call *999*" → "call 999")."""
    return _FORMAT_MARKS.sub("", text)


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack gives meaning to in message text."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_user_text(text: str) -> str:
    """Typed text made safe to echo: ``<!channel>``, ``<@U…>``, ``<#C…>``, ``<!subteam^…>`` lose their
    brackets (shown literally), and a bare ``@here``/``@channel``/``@everyone`` gets an invisible word
    joiner after the ``@`` so that no client or ``link_names`` setting turns it into a broadcast; and any
    bidirectional control left in it (text stored before they were dropped on the way in) goes, so that what
    is shown is never reordered from what is stored."""
    text = without_bidi_controls(text)
    return _BARE_BROADCAST.sub(lambda m: "@" + WORD_JOINER + m.group(1), escape_mrkdwn(text))


# Markdown in curated text (FAQ answers, the privacy notice) ------------------------------------

# [text](https://…): the one way to put a link in curated text (faq/README.md)
# (its text may hold one level of brackets, "[Working Together [2023]](...)", and its address one of
# parentheses, ".../section/115_(1)")
MARKDOWN_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\((https?://(?:[^()\s]|\([^()\s]*\))+)\)")
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_KEPT = re.compile("\x00([0-9]+)\x00")
_BARE_URL = re.compile(r"(?:https?://|\bwww\.)[^\s<>]+")
_MARKDOWN_HEADING = re.compile(r"(?m)^#{1,6}[ \t]+(.*)$")  # its end is trimmed in Python: a regex would backtrack
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_EMPHASIS_MARK = re.compile(r"\*\*|__|\*")
_MARKDOWN_BULLET = re.compile(r"(?m)^([ \t]*)[-*] ")
_ESCAPED_QUOTE = re.compile(r"(?m)^&gt; ")


def _plain(text: str) -> str:
    """Text without emphasis marks: Slack cannot nest bold in a bold heading or in a link's text."""
    return _EMPHASIS_MARK.sub("", text)


def _heading(words: str) -> str:
    words = _plain(words.rstrip(" \t#"))
    return f"*{words}*" if words.strip() else ""


def markdown_to_mrkdwn(text: str) -> str:
    """The Markdown forms curated text may use, as Slack writes them: # headings as bold lines, **bold**
    and __bold__, [text](url) links, - and * lists as bullets, and > quotes that escaping turned to
    ``&gt;``. Escape the text first (``escape_mrkdwn``): links and quotes are made after."""
    kept: list[str] = []  # code spans and finished links, which nothing after may touch

    def keep(made: str) -> str:
        kept.append(made)
        return f"\x00{len(kept) - 1}\x00"

    text = _CODE_SPAN.sub(lambda m: keep(m.group(0)), text.replace("\x00", ""))
    text = MARKDOWN_LINK.sub(lambda m: keep(f"<{m.group(2)}|{_plain(m.group(1)).replace('|', '-')}>"), text)
    text = _BARE_URL.sub(lambda m: keep(m.group(0)), text)  # an address stays as written: Slack links it
    text = _MARKDOWN_HEADING.sub(lambda m: _heading(m.group(1)), text)
    text = _MARKDOWN_BOLD.sub(lambda m: f"*{m.group(1) or m.group(2)}*", text)
    text = _ESCAPED_QUOTE.sub("> ", text)
    text = _MARKDOWN_BULLET.sub(lambda m: m.group(1) + "• ", text)
    return _KEPT.sub(lambda m: kept[int(m.group(1))], text)


# What markdown_to_mrkdwn cannot turn into something Slack shows, and what to write instead.
_UNSHOWABLE_MARKUP = (
    (re.compile(r"<[^<>\s|]+\|[^<>]*>|<(?:https?://|mailto:)[^<>]*>"),
     "a Slack-style link <url|text>, which would show as literal text: write [text](https://...)"),
    (re.compile(r"\[[^\]\n]+\]\((?!https://)[^)\n]*\)"), "a link that is not https://: write [text](https://...)"),
    (re.compile(r"!\[[^\]\n]*\]\("), "an image, which Slack does not show from a message's text: link the page"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"), "an HTML tag, which would show as literal text"),
    (re.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$"), "a Markdown table, which Slack shows as literal text: use a list"),
)


def markup_slack_cannot_show(text: str) -> list[str]:
    """What in ``text`` Slack would show raw even after markdown_to_mrkdwn, each with what to write instead."""
    return [why for pattern, why in _UNSHOWABLE_MARKUP if pattern.search(text)]
