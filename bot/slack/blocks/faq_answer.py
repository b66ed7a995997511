"""An FAQ entry as an answer in Slack: what its reader must see first about where it holds (their nation's
note, or that it does not hold there), the answer, its legal basis, the buttons, then the other nations'
notes, sources, review date and the notice; and the same as the message's text, which screen readers and
phone notifications read instead of the blocks."""

from __future__ import annotations

from typing import Sequence

from bot.answers import entry_title
from bot.faq import FaqEntry, Source
from bot.mrkdwn import escape_mrkdwn, markdown_to_mrkdwn
from bot.nations import NationLines, Reader, as_reader, nation_lines
from bot.policy_copy import DISCLAIMER
from bot.slack.blocks.ids import ESCALATE, HELPFUL, NOT_HELPFUL, RECORD_DECISION, decision_ref, entry_ref
from bot.slack.blocks.kit import HEADER_LIMIT, Message, actions, button, context, header, section, whole_text_sections
from bot.slack.blocks.plain import blocks_text, fallback, plain_text

ASK_AN_ADVISOR = "Ask an advisor"  # the one label of the escalate action, wherever it is offered


def source_link(source: Source) -> str:
    title = escape_mrkdwn(source.title).replace("|", "-")
    if not source.url:
        return title
    url = source.url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"<{url}|{title}>"


def nation_before_blocks(lines: NationLines, nation: str | None) -> list[dict]:
    """What the reader must see before the answer: their nation's note (or, when it is long, a line saying
    it follows the answer), that the answer holds there in part (no warning sign: most of it holds), or
    that it does not hold there (and what applies instead), or, with no nation known, where it applies."""
    if not lines.before:
        return []
    if nation is None:
        return [section(f"*{escape_mrkdwn(lines.before[0])}*")]
    if not lines.holds:
        first, *rest = lines.before
        return [section(f":warning: *{escape_mrkdwn(first)}*\n" + "\n".join(escape_mrkdwn(r) for r in rest))]
    return [section("\n".join(_labelled(line) for line in lines.before))]


def nation_after_blocks(lines: NationLines, nation: str | None) -> list[dict]:
    """After the answer: every nation's note (no nation known), or the reader's own long note, or that it
    reflects the law of the nations it names (the reader's nation has no note), then the other nations'
    notes when asked for."""
    if nation is None:
        if not lines.after:
            return []
        return [elsewhere_block(lines.after),
                context("Pick your nation on my Home tab to see the note for yours first.")]
    blocks = [section("\n".join(_labelled(line) for line in lines.note_after))] if lines.note_after else []
    blocks += [context(escape_mrkdwn(" ".join(lines.after)))] if lines.after else []
    if lines.elsewhere:
        blocks.append(elsewhere_block(lines.elsewhere))
    return blocks


def elsewhere_block(notes: Sequence[str]) -> dict:
    return section("*Elsewhere in the UK*\n" + "\n".join("• " + _labelled(line) for line in notes))


def nation_blocks(lines: NationLines, nation: str | None) -> list[dict]:
    """What goes before an answer about nations: the warning or note, the note or warning of each other
    nation the question names, then why the answer is for that nation."""
    mentioned = [section("\n".join(f":warning: {escape_mrkdwn(line)}" if line.startswith("Your question names ")
                                    else _labelled(line) for line in lines.mentioned))]
    return (nation_before_blocks(lines, nation) + (mentioned if lines.mentioned else [])
            + ([context(escape_mrkdwn(lines.why))] if lines.why else []))


def nation_lead(lines: NationLines, nation: str | None) -> str:
    """Every line ``nation_blocks`` puts before an answer, in the same order, as plain text: what a
    screen reader or a notification must give first (that the answer does not hold where the reader is,
    their nation's note, where it applies)."""
    return blocks_text(nation_blocks(lines, nation))


def _labelled(line: str) -> str:
    """'Scotland: note' with the nation in bold."""
    name, colon, rest = line.partition(": ")
    return f"*{escape_mrkdwn(name)}:* {escape_mrkdwn(rest)}" if colon else escape_mrkdwn(line)


def entry_blocks(entry: FaqEntry, question_id: int, nation: Reader | str | None = None,
                 aside: str = "") -> list[dict]:
    """One FAQ entry as an answer for a reader in ``nation`` (None: not known), laid out for a phone: what
    must come first about where it holds (``nation_blocks``), the entry's title as a heading (a screen
    reader can jump to it), the answer, then the buttons, and only after them the long tail: the legal basis
    (the answer cites its provisions as it goes; this is the whole list), the other nations' notes, the
    sources, the review date and the notice. Nothing is hidden.
    ``aside``: a line about the reader's question, read right after the answer (it asked more than one thing)."""
    ref = entry_ref(question_id, entry.id)
    lines, nation = nation_lines(entry, nation), as_reader(nation).nation
    return [
        *nation_blocks(lines, nation),
        *title_blocks(entry),
        *whole_text_sections(answer_mrkdwn(entry)),
        *([context(aside)] if aside else []),
        actions(
            button("Helpful", HELPFUL, ref),
            button("Not helpful", NOT_HELPFUL, ref),
            button(ASK_AN_ADVISOR, ESCALATE, str(question_id)),
            record_button(question_id, entry.id),
        ),
        section(f"*Legal basis:* {escape_mrkdwn('; '.join(entry.legal_basis))}"),
        *nation_after_blocks(lines, nation),
        *source_blocks(entry),
    ]


def title_blocks(entry: FaqEntry) -> list[dict]:
    """The entry's title as a header block (Slack's heading, plain text, at most 150 characters); a longer
    one as an "Answer" heading over the title in bold, so that nothing of it is cut."""
    title = entry_title(entry.question)
    if len(title) <= HEADER_LIMIT:
        return [header(title)]
    return [header("Answer"), section(f"*{escape_mrkdwn(title)}*")]


def heading_sentence(entry: FaqEntry) -> str:
    """The entry's title as its heading shows it ("Myth: …"), ending as a sentence does."""
    title = escape_mrkdwn(entry_title(entry.question).strip())
    return title if title[-1:] in ".?!\"\u201d)" else title + "."


def answer_mrkdwn(entry: FaqEntry) -> str:
    return markdown_to_mrkdwn(escape_mrkdwn(entry.answer))


def source_blocks(entry: FaqEntry) -> list[dict]:
    """The sources, the review date and the notice every answer carries."""
    reviewed = f"{entry.last_reviewed.day} {entry.last_reviewed:%B %Y}"
    sources = " · ".join(source_link(s) for s in entry.sources)
    return [section(f"*Source:* {sources}"),
            context(f"Last reviewed {reviewed} · FAQ entry `{entry.id}`", DISCLAIMER)]


def record_button(question_id: int | None, entry_id: str | None, escalation_id: int | None = None) -> dict:
    """"Record my decision": opens the decision record modal for this guidance."""
    return button("Record my decision", RECORD_DECISION, decision_ref(question_id, entry_id, escalation_id))


def entry_message(entry: FaqEntry, question_id: int, nation: Reader | str | None = None) -> Message:
    return Message(entry_text(entry, nation), entry_blocks(entry, question_id, nation))


def entry_text(entry: FaqEntry, nation: Reader | str | None = None, aside: str = "") -> str:
    """An answer's text (screen readers, notifications): the whole answer as plain text, in the blocks'
    order: every nation line they lead with, the entry's title as its heading says it (the answer's first
    word, often "No", replies to it, not to the reader's own question), the answer, the legal basis, the
    other nations' notes, the sources as "title (URL)", the review date and the notice."""
    lines, where = nation_lines(entry, nation), as_reader(nation).nation
    reviewed = f"{entry.last_reviewed.day} {entry.last_reviewed:%B %Y}"
    return fallback(nation_lead(lines, where), heading_sentence(entry), blocks_text([section(answer_mrkdwn(entry))]),
                    plain_text(aside), f"Legal basis: {escape_mrkdwn('; '.join(entry.legal_basis))}.",
                    blocks_text(nation_after_blocks(lines, where)),
                    "Sources: " + "; ".join(plain_text(source_link(s)) for s in entry.sources) + ".",
                    f"Last reviewed {reviewed}. {DISCLAIMER}")
