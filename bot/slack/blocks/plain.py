"""A message's top-level ``text`` made from what its blocks say. Screen readers read that text and not
the blocks, and phone notifications show only it (Slack's chat.postMessage reference), so it must carry
the message on its own: the same sentences, without emoji codes or bold and italic marks, with links as
"title (URL)" and Slack's dates as their written form. Mentions stay (a notification names the person)."""

from __future__ import annotations

import re
from typing import Iterable

from bot.mrkdwn import replace_markup, without_format_marks
from bot.slack.blocks.kit import split_text

# Slack's limit on a message's text: it cuts anything longer (chat.postMessage, "text").
TEXT_LIMIT = 40_000

# :warning:, :+1: (a time such as 09:00 is not one: an emoji code starts with a letter or +/-)
_EMOJI_CODE = re.compile(r"(?<![\w:]):(?:[a-z][a-z0-9_\-]*|[+\-]1):(?![\w:])[ \t]?")
_QUOTE_MARK = re.compile(r"(?m)^> ?")
_SPACES = re.compile(r"[ \t]{2,}")


def _link_as_words(target: str, label: str | None) -> str | None:
    """A link as "title (URL)", a date as its written form; a mention or broadcast stays as it is."""
    if target.startswith("!date^"):
        return label or ""
    if target.startswith(("@", "#", "!")):
        return None
    if label is None or label == target:
        return target.removeprefix("mailto:")
    return f"{label} ({target})"


def plain_text(text: str) -> str:
    """Our mrkdwn as the plain text a fallback carries (see the module's docstring). Still escaped
    (``&amp;``): Slack reads a message's text as mrkdwn too."""
    text = replace_markup(text, _link_as_words)
    text = _QUOTE_MARK.sub("", _EMOJI_CODE.sub("", text))
    return _SPACES.sub(" ", without_format_marks(text)).strip()


def block_texts(block: dict) -> list[str]:
    """What a block says in words: a section's or header's text, a context's texts; nothing for
    buttons, dividers and inputs (the screen reader reaches buttons by their labels)."""
    if block.get("type") in ("section", "header") and "text" in block:
        return [block["text"]["text"]]
    if block.get("type") == "context":
        return [e["text"] for e in block["elements"] if "text" in e]
    return []


def blocks_text(blocks: Iterable[dict]) -> str:
    """Every section, header and context of ``blocks``, in order, as plain text, one per line."""
    said = (plain_text(text) for block in blocks for text in block_texts(block))
    return "\n".join(line for line in said if line)


def fallback(*parts: str) -> str:
    """The parts of a message's text, one per line, within Slack's limit (cut at a sentence if ever longer)."""
    text = "\n".join(part.strip() for part in parts if part and part.strip())
    if len(text) <= TEXT_LIMIT:
        return text
    return split_text(text, TEXT_LIMIT - 2)[0] + " …"
