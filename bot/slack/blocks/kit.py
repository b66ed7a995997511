"""Shared Block Kit helpers: the message type, clipping to Slack's limits, the small block
builders, dates shown in each reader's time zone, and the notice every answer carries. No I/O.

Everything a person typed (questions, advisors' answers) goes through ``escape_user_text`` before
it is put in a message, so that nothing typed can become a mention or a broadcast. FAQ text is
curated, but is still escaped as Slack requires (``&``, ``<``, ``>``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, Sequence

from bot.mrkdwn import escape_user_text
from bot.policy_copy import EMPHASISED
from bot.records import Question
from bot.times import parse_stored_time

# Slack's limits on text (https://api.slack.com/reference/block-kit/blocks)
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
BUTTON_TEXT_LIMIT = 75
ACCESSIBILITY_LABEL_LIMIT = 75  # a button's accessibility_label
CONFIRM_TITLE_LIMIT, CONFIRM_TEXT_LIMIT, CONFIRM_BUTTON_LIMIT = 100, 300, 30  # a confirm dialog's
OPTION_TEXT_LIMIT = 75
OPTION_VALUE_LIMIT = 150
MODAL_TEXT_LIMIT = 24  # a modal's title, submit and close
LABEL_LIMIT = 2000  # an input's label and hint
PLACEHOLDER_LIMIT = 150
CONTEXT_TEXT_LIMIT = 2000  # one text of a context block (kept under Slack's 3,000)
TEXT_INPUT_LIMIT = 3000  # the largest max_length a plain_text_input may have


class Message(NamedTuple):
    """A message ready for chat.postMessage / respond: fallback text (notifications) and blocks."""

    text: str
    blocks: list[dict]

    def as_kwargs(self) -> dict:
        return {"text": self.text, "blocks": self.blocks}


# escaping ------------------------------------------------------------------------------------

_HALF_ENTITY = re.compile(r"&[a-z]{0,4}$")


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending in an ellipsis when cut: at a word where one ends in its second
    half, never inside a word or an ``&…;`` entity otherwise than when it has no space to cut at."""
    if len(text) <= limit:
        return text
    cut = _HALF_ENTITY.sub("", text[: limit - 1])
    space = cut.rfind(" ")
    return (cut[:space].rstrip() if space >= limit // 2 else cut) + "…"


def preview(text: str, limit: int) -> str:
    """A preview of at most ``limit`` characters: whole sentences when they fill at least half of it,
    else cut at a word (``clip``); never mid-word."""
    if len(text) <= limit:
        return text
    end = _last_sentence_end(text[: limit - 2])
    return text[:end] + " …" if end >= limit // 2 else clip(text, limit)


def quoted(text: str) -> str:
    return "\n".join("> " + line for line in (text.splitlines() or [""]))


def user_question(question: Question | None, limit: int = 2500) -> str:
    """The (redacted) question as a person may see it: escaped and clipped."""
    if question is None:
        return QUESTION_DELETED
    return clip(escape_user_text(question.text), limit)


QUESTION_DELETED = "_(the question was deleted under the retention policy)_"


_SENTENCE_END = re.compile(r"[.!?][\"')\]*_]*(?= )")


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut between paragraphs, else at a line break,
    else after a sentence, else at a space, else anywhere, but never inside an ``&…;`` entity nor a
    ``<…>`` link when a space before it will do. Nothing is lost but the spaces at the cuts."""
    pieces = []
    while len(text) > limit:
        cut = _best_cut(text, limit)
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip(" \n")
    return [*pieces, text]


def _best_cut(text: str, limit: int) -> int:
    window = text[: limit + 1]
    for cut in (window.rfind("\n\n"), window.rfind("\n"), _last_sentence_end(window[:limit])):
        if cut >= limit // 2:
            return cut
    cut = window.rfind(" ")
    opened = window.rfind("<", 0, cut)
    if opened > window.rfind(">", 0, cut) and window.rfind(" ", 0, opened) >= limit // 2:
        cut = window.rfind(" ", 0, opened)  # not inside a link's label
    if cut >= limit // 2:
        return cut
    half = _HALF_ENTITY.search(text[:limit])
    return half.start() if half and half.start() else limit


def _last_sentence_end(text: str) -> int:
    ends = list(_SENTENCE_END.finditer(text))
    return ends[-1].end() if ends else -1


def whole_text_sections(text: str, first_line: str = "", quote: bool = False) -> list[dict]:
    """Sections holding all of ``text`` (already escaped mrkdwn), as many as it needs: nothing is
    cut. ``first_line`` heads the first; with ``quote`` the text is shown as a quotation."""
    head = first_line + "\n" if first_line else ""
    room = SECTION_LIMIT - len(head)
    pieces = []
    for piece in split_text(text, room - 200 if quote else room):  # room for the quotation marks
        shown = quoted(piece) if quote else piece
        # a quotation of many short lines grows: at most threefold ("\n" becomes "> \n")
        pieces += [shown] if len(shown) <= room else [quoted(p) for p in split_text(piece, (room - 2) // 3)]
    return [section(head + pieces[0])] + [section(piece) for piece in pieces[1:]]


def whole_question_sections(question: Question | None, first_line: str) -> list[dict]:
    """The whole (redacted, escaped) question, quoted, under ``first_line``, in as many sections as it needs."""
    if question is None:
        return [section(f"{first_line}\n{QUESTION_DELETED}")]
    return whole_text_sections(escape_user_text(question.text), first_line, quote=True)


# small block helpers ---------------------------------------------------------------------------


def plain(text: str, limit: int = BUTTON_TEXT_LIMIT, emoji: bool = True) -> dict:
    return {"type": "plain_text", "text": clip(text, limit), "emoji": emoji}


def max_length(limit: int) -> dict:
    """A plain_text_input's ``max_length`` for a limit the domain keeps. Slack refuses a view whose
    max_length is over 3,000, yet takes longer text when none is set: a longer limit is left to the
    domain, which refuses text past it with its own reason."""
    return {"max_length": limit} if limit <= TEXT_INPUT_LIMIT else {}


_POLICY_EMPHASIS = re.compile("|".join(rf"\b{re.escape(term)}\b" for term in EMPHASISED))


def emphasised(policy: str) -> str:
    """A sentence of ``bot.policy_copy`` as Slack shows it: the number to call and whom, in bold."""
    return _POLICY_EMPHASIS.sub(lambda found: f"*{found.group()}*", policy)


def mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def section(text: str, accessory: dict | None = None, block_id: str | None = None) -> dict:
    block = {"type": "section", "text": mrkdwn(clip(text, SECTION_LIMIT))}
    if accessory:
        block["accessory"] = accessory
    if block_id:
        block["block_id"] = block_id
    return block


def context(*texts: str) -> dict:
    return {"type": "context", "elements": [mrkdwn(clip(t, CONTEXT_TEXT_LIMIT)) for t in texts if t]}


def divider() -> dict:
    return {"type": "divider"}


def header(text: str, emoji: bool = True) -> dict:
    return {"type": "header", "text": plain(text, HEADER_LIMIT, emoji)}


def button(text: str, action_id: str, value: str, style: str | None = None, accessibility_label: str = "",
           confirm: dict | None = None) -> dict:
    """A button; ``accessibility_label``: what a screen reader says instead of ``text`` (which item a button
    repeated per item acts on); ``confirm``: a ``confirmation`` asked before it acts."""
    element = {"type": "button", "text": plain(text), "action_id": action_id, "value": value}
    if style:
        element["style"] = style
    if accessibility_label:
        element["accessibility_label"] = clip(accessibility_label, ACCESSIBILITY_LABEL_LIMIT)
    if confirm:
        element["confirm"] = confirm
    return element


def confirmation(title: str, text: str, confirm: str, deny: str) -> dict:
    """Slack's confirm dialog, for a button whose effect a person cannot take back."""
    return {"title": plain(title, CONFIRM_TITLE_LIMIT), "text": plain(text, CONFIRM_TEXT_LIMIT),
            "confirm": plain(confirm, CONFIRM_BUTTON_LIMIT), "deny": plain(deny, CONFIRM_BUTTON_LIMIT)}


def option(text: str, value: str) -> dict:
    """One option of a select or of radio buttons, within Slack's limits."""
    return {"text": plain(text, OPTION_TEXT_LIMIT), "value": value[:OPTION_VALUE_LIMIT]}


def actions(*elements: dict, block_id: str | None = None) -> dict:
    block = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


# dates -------------------------------------------------------------------------------------------


def slack_date(value: str | None) -> str:
    """A Slack date token (shown in each reader's time zone), falling back to the stored text."""
    moment = parse_stored_time(value)
    if moment is None:
        return "an unknown time"
    fallback = moment.strftime("%d %b %Y %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} at {{time}}|{fallback}>"


def describe_age(since: str | None, now: dt.datetime) -> str:
    moment = parse_stored_time(since)
    if moment is None:
        return "unknown"
    return describe_span(int((now - moment).total_seconds()))


def describe_span(seconds: int, units: int = 1) -> str:
    """'less than a minute', '5 minutes', '4 hours', '2 days': in its largest whole unit, or with
    ``units`` 2, also the next ('1 hour 30 minutes')."""
    seconds, said = max(0, int(seconds)), []
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        count = seconds // size
        if count and len(said) < units:
            said.append(f"{count} {unit}{'' if count == 1 else 's'}")
            seconds -= count * size
        elif said:
            break
    return " ".join(said) or "less than a minute"


NEVER_SECONDS = 365 * 86400  # a reminder set this far off is a way of saying "never"


def reminder_span(seconds: float) -> str:
    """How long before an unclaimed question is reminded, exactly ('1 day 30 minutes', '1 minute 30
    seconds'), never rounded down; "" when there is nothing worth saying: at once, or in effect never."""
    seconds = round(seconds)
    if seconds <= 0 or seconds >= NEVER_SECONDS:
        return ""
    said = []
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            said.append(f"{count} {unit}{'' if count == 1 else 's'}")
    return " ".join(said)


def human_list(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
