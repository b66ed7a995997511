"""The words of a message the "Ask canishare" shortcut was used on: its ``text``, or, when that is
empty, the text of its blocks (a workflow's or an app's post: rich text, sections, context, headers),
or of the message it forwards or attaches (``attachments``). Returned in Slack's markup, as ``text``
is, for ``payloads.plain_text``. Pure: no I/O."""

from __future__ import annotations

from bot.small_talk import is_blank

RICH_TEXT_CONTAINERS = ("rich_text_section", "rich_text_list", "rich_text_quote", "rich_text_preformatted")


def message_text_of(message: dict) -> str:
    """What the message says, from the first place that has any words."""
    for text in (message.get("text"), blocks_text(message.get("blocks")),
                 *(attachment_text(a) for a in message.get("attachments") or [] if isinstance(a, dict))):
        if not is_blank(text):
            return text
    return ""


def attachment_text(attachment: dict) -> str:
    """A forwarded (shared) or attached message: its text, its blocks, or its fields and fallback."""
    shared_blocks = [block for shared in attachment.get("message_blocks") or []
                     for block in (shared.get("message") or {}).get("blocks") or []]
    fields = [f"{f.get('title') or ''} {f.get('value') or ''}".strip() for f in attachment.get("fields") or []]
    for text in (attachment.get("text"), blocks_text(shared_blocks), blocks_text(attachment.get("blocks")),
                 "\n".join(filter(None, [attachment.get("pretext"), *fields])), attachment.get("fallback")):
        if not is_blank(text):
            return text
    return ""


def blocks_text(blocks: list | None) -> str:
    return "\n".join(filter(None, (block_text(b) for b in blocks or [] if isinstance(b, dict))))


def block_text(block: dict) -> str:
    kind = block.get("type")
    if kind == "rich_text":
        return "\n".join(rich_text(e) for e in block.get("elements") or [])
    if kind in ("section", "header"):
        parts = [(block.get("text") or {}).get("text")] + [f.get("text") for f in block.get("fields") or []]
        return "\n".join(filter(None, parts))
    if kind == "context":
        return " ".join(e.get("text") or "" for e in block.get("elements") or [] if "text" in e)
    return ""


def rich_text(element: dict) -> str:
    """A rich text element in Slack's markup (a mention as ``<@U…>``, a link as its label or address)."""
    kind = element.get("type")
    if kind in RICH_TEXT_CONTAINERS:
        items = [rich_text(e) for e in element.get("elements") or []]
        return ("\n" if kind == "rich_text_list" else "").join(items)
    if kind == "text":
        return element.get("text") or ""
    if kind == "link":
        return element.get("text") or element.get("url") or ""
    if kind == "user":
        return f"<@{element.get('user_id')}>"
    if kind == "channel":
        return f"<#{element.get('channel_id')}>"
    return ""
