"""Turn advisors' "propose as a new FAQ entry" answers into YAML drafts for review.

Drafts go to ``FAQ_DIR/drafts/`` (never loaded) in a source checkout, or ``./faq-drafts`` when the
FAQ is the copy installed with the package (or cannot be written), so a centre lead can finish them
(variants, legal basis, sources, nations) and move them into the FAQ, where ``canishare faq lint``
checks them.
A draft is meant for git, so nothing typed becomes its id or file name (both are "draft-esc-<n>",
after the escalation), its texts are redacted again with Slack markup as words, and a link or long
number still in them is flagged for the reviewer in a comment above the entry.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import yaml

from bot.faq import NATIONS
from bot.mrkdwn import markup_as_words
from bot.privacy import redact
from bot.records import Escalation

DRAFT_NOTE = (
    "# Draft from the advisor queue: complete variants (5+), legal_basis, sources and tags,\n"
    "# check nations (all four are listed: keep only those where the answer holds, and add\n"
    "# nation_notes where the law differs), check the answer, then move the entry into a\n"
    "# themed file in the FAQ folder (faq/ by pull request in a checkout).\n"
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


def draft_entry(escalation: Escalation, today: dt.date) -> dict:
    return {
        "id": draft_id(escalation),
        "question": clean_text(escalation.question.text if escalation.question else ""),
        "variants": [],
        "answer": clean_text(escalation.answer),
        "legal_basis": [],
        "sources": [],
        "tags": ["draft"],
        "nations": list(NATIONS),  # a required field: the reviewer keeps those where the answer holds
        "last_reviewed": today.isoformat(),
    }


def to_check(entry: dict) -> str:
    """YAML comment lines asking the reviewer to check what may still identify someone, or ""."""
    lines = []
    for field in ("question", "answer"):
        kinds = [kind for kind, pattern in _SUSPECTS if pattern.search(entry[field])]
        if kinds:
            lines.append(f"# CHECK before the pull request: the {field} still holds {' and '.join(kinds)}; "
                         "remove it unless it is a public reference that identifies no one.\n")
    return "".join(lines)


def write_drafts(service, directory: Path, today: dt.date | None = None) -> list[Path]:
    """Write one YAML file per new proposal; each proposal is drafted once."""
    today = today or dt.date.today()
    proposals = service.proposals_to_draft()
    if not proposals:
        return []
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for escalation in proposals:
        entry = draft_entry(escalation, today)
        path = _free_path(directory, f"{entry['id']}.yaml")
        path.write_text(
            DRAFT_NOTE + f"# escalation #{escalation.id}, answered {escalation.answered_at}\n" + to_check(entry)
            + yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100),
            encoding="utf-8",
        )
        written.append(path)
    service.mark_drafted([e.id for e in proposals])
    return written


def _free_path(directory: Path, name: str) -> Path:
    path = directory / name
    counter = 2
    while path.exists():
        path = directory / f"{Path(name).stem}-{counter}.yaml"
        counter += 1
    return path


def default_drafts_dir(faq_dir: Path) -> Path:
    """FAQ_DIR/drafts in a checkout; ./faq-drafts when the FAQ is the copy installed with the package."""
    installed = "site-packages" in faq_dir.parts or "dist-packages" in faq_dir.parts
    return Path("faq-drafts") if installed or not os.access(faq_dir, os.W_OK) else faq_dir / "drafts"


def drafts_command(service, faq_dir: str, out: str | None) -> int:
    """``canishare faq drafts [--out DIR]``: write the drafts, list them; the exit status."""
    directory = Path(out) if out else default_drafts_dir(Path(faq_dir))
    written = write_drafts(service, directory)
    for path in written:
        print(path)
    print(f"{len(written)} draft(s) written to {directory}" if written else "no new proposals to draft",
          file=sys.stderr)
    return 0
