"""The digest as Markdown (``canishare digest``): its sections (``sections.build_sections``) formatted."""

from __future__ import annotations

import re

from bot.digest.figures import Digest
from bot.digest.sections import Section, build_sections
from bot.digest.wording import PRIVACY_NOTE, span
from bot.mrkdwn import escape_user_text

# What Markdown would read as markup inside a line of text people typed: emphasis, code, links and
# images (an escaped "[" leaves "(", ")" and "!" plain), strikethrough, table cells, HTML. Escaped with a
# backslash (HTML's three with entities, and broadcasts defused, as for Slack: the Markdown is also pasted
# there), so that a quote reads as typed and cannot link or load anything when the digest is viewed.
# Every such text sits after a list marker, so line-start markup cannot arise.
_MARKUP = re.compile(r"([\\`*_\[\]~|])")


def markdown_text(value: str) -> str:
    """Text someone typed, as literal Markdown."""
    return _MARKUP.sub(r"\\\1", escape_user_text(value))


def _table(s: Section) -> list[str]:
    return ["| " + " | ".join(s.headings) + " |", "|---|" + "---:|" * (len(s.headings) - 1)] + [
        "| " + " | ".join(row) + " |" for row in s.rows]


def _section(s: Section) -> list[str]:
    out = ["", f"## {s.title}", ""]
    if s.intro:
        out += [*s.intro, ""]
    if s.headings:
        out += _table(s) if s.rows else [s.empty]
    elif s.lines:
        out += [f"{n}. {line}" if s.numbered else f"- {line}" for n, line in enumerate(s.lines, 1)]
    elif s.empty:
        out.append(s.empty)
    for note in s.notes:
        out += ["", note]
    return out


def render_markdown(d: Digest) -> str:
    out = [f"# canishare weekly digest: {span(d)}"]
    for s in build_sections(d, markdown_text):
        if s.headings and not s.rows and not s.empty:
            continue  # a table with nothing to show (no trend before the bot's first week)
        out += _section(s)
    out += ["", f"_{PRIVACY_NOTE}_"]
    return "\n".join(out) + "\n"
