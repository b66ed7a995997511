"""What the digest may quote, and how: a question is quoted only when enough different people
asked it, without Slack mentions or broadcasts, and with names masked."""

from __future__ import annotations

import re

from bot.mrkdwn import replace_markup
from bot.names import FIELD_ACRONYMS, TITLES
from bot.text import mask_names

QUOTE_MIN_ASKERS = 3
QUOTE_MAX_CHARS = 280

MENTIONS_QUOTED = {"@": "@someone", "#": "#channel", "!": ""}  # Slack markup <@U…>, <#C…>, <!here>
BROADCASTS = {"@here", "@channel", "@everyone"}  # kept as words: escaping makes them harmless
_HANDLE = re.compile(r"(?<![\w@])@[\w.\-]+")  # "@U0ABC", "@jo.bloggs" as stored after Slack markup is undone
# A Slack user (U…, W…) or conversation (C…, G…, D…) id wherever it stands ("DSL2@U07ABCDEF", "#C0PRIVATE",
# pasted bare): a capital letter, then 8 to 11 capitals and digits with a digit among them (words in
# capitals, "CONFIDENTIAL", have none).
_SLACK_ID = re.compile(r"[@#]?(?<![A-Za-z0-9])([UWCGD])(?=[A-Z0-9]{0,10}\d)[A-Z0-9]{8,11}(?![A-Za-z0-9])")


# a word in capitals right before a name already masked: a surname written first, "SMITH, [name]"
_SURNAME_IN_CAPITALS = re.compile(r"(?<![\w'])[A-Z][A-Z'\-]*[A-Z](?=,?[ \t]*\[name\])")


def _mask_surname(m: re.Match[str]) -> str:
    word = m.group()
    keep = word.lower() in FIELD_ACRONYMS or word.lower() in TITLES or not re.search(r"[AEIOUY]", word)
    return word if keep else "[name]"  # "PC [name]", "NSPCC [name]" keep their title or acronym


def names_in(value: str) -> bool:
    return mask_names(value) != value


def quote(value: str, limit: int = QUOTE_MAX_CHARS) -> str:
    """A stored (redacted) question made fit to quote: Slack mentions and broadcasts removed, names
    masked, whitespace collapsed, cut to ``limit`` characters. Escaping is the renderer's job."""
    value = replace_markup(value, lambda target, _: MENTIONS_QUOTED.get(target[:1]))
    value = _HANDLE.sub(lambda m: m.group(0) if m.group(0).lower() in BROADCASTS else "@someone", value)
    value = _SLACK_ID.sub(lambda m: "@someone" if m.group(1) in "UW" else "#channel", value)
    value = _SURNAME_IN_CAPITALS.sub(_mask_surname, mask_names(" ".join(value.split())))
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "\u2026"
