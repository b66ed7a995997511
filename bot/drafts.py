"""Turn advisors' "propose as a new FAQ entry" answers into YAML drafts for review.

Drafts go to ``FAQ_DIR/drafts/`` (never loaded), or ``./faq-drafts`` when the FAQ is the copy
installed with canishare (``bot.bundled``) or cannot be written, so a centre lead can finish them
(variants, legal basis, sources, nations) and move them into the FAQ, where ``canishare faq lint``
checks them (it rejects a draft's id, its tag, redaction placeholders, the empty review date and the
empty ``nations``). The question and answer are literal block scalars (``|-``), as faq/README.md
writes them, so an apostrophe or a colon typed while finishing one cannot break the file.
A draft is meant for git, so nothing typed becomes its id or file name (both are "draft-esc-<n>",
after the escalation), its texts are redacted again with Slack markup as words, and a link or long
number still in them is flagged for the reviewer in a comment above the entry.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from bot.bundled import is_installed_faq
from bot.faq import NATIONS
from bot.mrkdwn import markup_as_words, replace_markup
from bot.privacy import redact
from bot.private_files import write_new_private_text
from bot.records import Escalation

DRAFT_NOTE = (
    "# Draft from the advisor queue: complete variants (5+), legal_basis, sources and tags, give it\n"
    "# an id naming its topic, set last_reviewed once you have checked it against its sources,\n"
    "# list in nations where the answer holds (lint fails while it is empty), add nation_notes where\n"
    "# the law differs, check the answer, then move the entry into a themed file in the FAQ folder\n"
    "# (faq/ by pull request in a checkout). Type the question and answer under their `|-` lines,\n"
    "# indented like the text there: no quotes needed.\n"
)


# What the redactor may have left that the reviewer must look at: a link (a profile or case URL can
# hold a name or a number), a run of six or more digits whatever separates them, and a broadcast.
_LINK = re.compile(r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|io|me|gov|nhs)/\S*")
_LONG_NUMBER = re.compile(r"\d(?:[\s./-]?\d){5,}")
_BROADCAST = re.compile(r"(?i)@(?:channel|here|everyone)\b")
_SUSPECTS = (("a link", _LINK), ("a long number", _LONG_NUMBER), ("a Slack broadcast", _BROADCAST))


def draft_id(escalation: Escalation) -> str:
    """The draft's entry id and file name: the escalation's number, never the question's words."""
    return f"draft-esc-{escalation.id}"


def clean_text(text: str | None) -> str:
    """A stored text ready for a file in git: Slack markup as words, redacted again."""
    return redact(markup_as_words(text)).text


def draft_entry(escalation: Escalation) -> dict:
    return {
        "id": draft_id(escalation),
        "question": clean_text(escalation.question.text if escalation.question else ""),
        "variants": [],
        "answer": clean_text(escalation.answer),
        "legal_basis": [],
        "sources": [],
        "tags": ["draft"],
        "nations": [],  # the reviewer's to choose: lint fails until then (never a default that passes)
        "last_reviewed": None,  # the reviewer's to set: lint fails until then
    }


LAST_REVIEWED_EMPTY = "last_reviewed:  # set the day you check the entry against its sources (YYYY-MM-DD)"
NATIONS_EMPTY = f"nations: []  # where the answer holds, from: {', '.join(NATIONS)}"


class _DraftDumper(yaml.SafeDumper):
    """Writes the texts a reviewer finishes by hand as literal blocks (``|-``), as faq/README.md does."""


def _text_block(dumper: yaml.SafeDumper, text: "_Block") -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|")


class _Block(str):
    """A text to write as a literal block."""


_DraftDumper.add_representer(_Block, _text_block)


def draft_yaml(entry: dict) -> str:
    """The entry as the YAML of a one-entry FAQ file, its question and answer as literal blocks and
    its empty fields with a comment saying what goes there."""
    blocks = {k: _Block(v) if k in ("question", "answer") and _fits_a_block(v) else v for k, v in entry.items()}
    body = yaml.dump([blocks], Dumper=_DraftDumper, sort_keys=False, allow_unicode=True, width=100)
    return body.replace("last_reviewed: null", LAST_REVIEWED_EMPTY).replace("nations: []", NATIONS_EMPTY)


def _fits_a_block(text: str) -> bool:
    # YAML cannot keep trailing spaces or some control characters in a block: such a text stays quoted
    return bool(text) and text == text.strip() and all(line == line.rstrip() for line in text.split("\n")) \
        and all(ch.isprintable() or ch in "\n" for ch in text)


_WEB_ADDRESS = re.compile(r"https?://[^\s()<>|]+[^\s()<>|.,;:!?'\"]")


def advisor_links(answer: str | None) -> str:
    """YAML comment lines keeping each link of the advisor's answer (the draft's text keeps only its
    label) for the reviewer to check and, if it is an authoritative document, cite under sources."""
    links: list[tuple[str, str]] = []
    rest = replace_markup(answer or "", lambda target, label: links.append((label or target, target)) or ""
                          if target.startswith(("http://", "https://")) else None)
    # an answer typed in Slack is stored with its links as "label (url)" (``markup_as_words``)
    links += [(url, url) for url in _WEB_ADDRESS.findall(rest)]
    return "".join(f"# LINK in the advisor's answer, to check and cite under sources: {clean_text(label)!r} -> "
                   f"{' '.join(clean_text(url).split())}\n" for label, url in links)


def to_check(entry: dict) -> str:
    """YAML comment lines asking the reviewer to check what may still identify someone, or ""."""
    lines = []
    for field in ("question", "answer"):
        kinds = [kind for kind, pattern in _SUSPECTS if pattern.search(entry[field])]
        if kinds:
            lines.append(f"# CHECK before the pull request: the {field} still holds {' and '.join(kinds)}; "
                         "remove it unless it is a public reference that identifies no one.\n")
    return "".join(lines)


def write_drafts(service, directory: Path, again: bool = False, escalation_id: int | None = None) -> list[Path]:
    """Write one YAML file per proposal not drafted yet (``again``: every proposal; ``escalation_id``:
    that one), never over an earlier file; the store records where and when each was written."""
    proposals = service.proposals_to_draft(again, escalation_id)
    if not proposals:
        return []
    directory.mkdir(parents=True, exist_ok=True)
    written = {}
    for escalation in proposals:
        entry = draft_entry(escalation)
        written[escalation.id] = _write_new(directory, entry["id"], (
            DRAFT_NOTE + f"# escalation #{escalation.id}, answered {escalation.answered_at}\n" + to_check(entry)
            + advisor_links(escalation.answer) + draft_yaml(entry)))
    service.mark_drafted({n: str(path) for n, path in written.items()})
    return list(written.values())


def _write_new(directory: Path, stem: str, text: str) -> Path:
    """Write ``text`` to ``stem.yaml`` in ``directory``, or ``stem-2.yaml`` … when that name is taken: never
    over an existing file, nor through a symbolic link someone left there (it counts as taken)."""
    counter = 1
    while True:
        path = directory / (f"{stem}.yaml" if counter == 1 else f"{stem}-{counter}.yaml")
        try:
            write_new_private_text(path, text)
            return path
        except FileExistsError:
            counter += 1


def default_drafts_dir(faq_dir: Path) -> Path:
    """FAQ_DIR/drafts, or ./faq-drafts when the FAQ is the copy installed with canishare (a reinstall
    would delete them) or cannot be written."""
    if is_installed_faq(faq_dir) or not os.access(faq_dir, os.W_OK):
        return Path("faq-drafts")
    return faq_dir / "drafts"

