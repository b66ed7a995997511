"""An FAQ match as plain text, for the command line (``canishare ask``), and the short form of an
entry's title that buttons carry."""

from __future__ import annotations

import textwrap

from bot.faq import Faq, FaqEntry
from bot.faq.titles import asks
from bot.mrkdwn import without_format_marks
from bot.policy_copy import DISCLAIMER


def render_match(match, faq: Faq, nation=None) -> str:
    """``nation``: a nation id, a ``bot.nations.Reader`` or None (not known)."""
    from bot.matching import ANSWER, SUGGEST

    if match.decision == ANSWER:
        return f"decision: answer (score {match.score:.1f})\n" + render_entry(match.entry, nation)
    if match.decision == SUGGEST:
        lines = [f"decision: suggest (score {match.score:.1f}) - did you mean:"]
        lines += [f"  - {entry.id}: {entry.question}" for entry in match.suggestions]
        lines.append("  - none of these: ask an advisor")
        return "\n".join(lines)
    return (
        f"decision: escalate (score {match.score:.1f})\n"
        "The FAQ has no answer that fits. In Slack this question would be offered to an advisor."
    )


def render_entry(entry: FaqEntry, nation=None) -> str:
    """An entry as plain text; what it says about where it holds (for ``nation``, a nation id or a
    ``bot.nations.Reader``, or every nation's notes when none is given) before and after the answer."""
    from bot.nations import as_reader, nation_lines

    reader = as_reader(nation)
    nation = reader.nation
    body = "\n".join(textwrap.fill(p, 100) if not p.startswith("•") else p for p in entry.answer.splitlines())
    sources = "; ".join(f"{s.title} <{s.url}>" if s.url else s.title for s in entry.sources)
    lines = nation_lines(entry, reader)
    before = "".join(textwrap.fill(line, 100, subsequent_indent="  ") + "\n"
                     for line in (*lines.before, *lines.mentioned, *((lines.why,) if lines.why else ())))
    after = "".join(textwrap.fill(line, 100, initial_indent="• ", subsequent_indent="  ") + "\n"
                    for line in (*lines.note_after, *lines.after, *lines.elsewhere))
    return (
        f"entry: {entry.id}\n"
        f"question: {entry.question}\n"
        + (f"nation: {nation}\n" if nation else "")
        + (f"\n{before.rstrip()}" if before else "")
        + f"\n\n{without_format_marks(body)}\n\n"
        + (f"{after}\n" if after else "")
        + f"legal basis: {'; '.join(entry.legal_basis)}\n"
        f"source: {sources}\n"
        f"last reviewed: {entry.last_reviewed.isoformat()}\n"
        + DISCLAIMER
    )


MYTH = "Myth: "


def entry_title(question: str) -> str:
    """An entry's title as a reader is shown it: "Myth: …" when it states a myth instead of asking (its
    shape says which: ``bot.faq.titles``, whose rule lint checks). Read alone, as a heading, a button or a
    digest line, such a title says the opposite of its answer; all nine such titles in the bundled FAQ are
    myths that the answer says "No" to. (The digest names entries by their id too, for the Centre's staff,
    and keeps the titles as written.)"""
    return question if asks(question) else MYTH + question


def shortened(text: str, limit: int) -> str:
    """``text`` whole when it fits ``limit``, else cut at the last space that fits, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"
