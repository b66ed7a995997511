"""Turn advisors' "propose as a new FAQ entry" answers into YAML drafts for review.

Drafts go to ``faq/drafts/`` (never loaded) so a centre lead can finish them (variants, legal
basis, sources) and move them into ``faq/`` by pull request, where ``canishare faq lint`` checks them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import yaml

from bot.records import Escalation

DRAFT_NOTE = (
    "# Draft from the advisor queue: complete variants (5+), legal_basis, sources and tags,\n"
    "# check the answer, then move the entry into a themed file in faq/ by pull request.\n"
)


def slug(text: str, limit: int = 6) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    meaningful = [w for w in words if w not in {"the", "a", "an", "i", "can", "do", "to", "of", "is", "we"}]
    return "-".join((meaningful or words or ["question"])[:limit])


def draft_entry(escalation: Escalation, today: dt.date) -> dict:
    question = escalation.question.text if escalation.question else ""
    return {
        "id": slug(question),
        "question": question,
        "variants": [],
        "answer": escalation.answer or "",
        "legal_basis": [],
        "sources": [],
        "tags": ["draft"],
        "last_reviewed": today.isoformat(),
    }


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
            DRAFT_NOTE + f"# escalation #{escalation.id}, answered {escalation.answered_at}\n"
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
