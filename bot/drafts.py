"""Turn advisors' "propose as a new FAQ entry" answers into YAML drafts for review.

Drafts go to ``FAQ_DIR/drafts/`` (never loaded) in a source checkout, or ``./faq-drafts`` when the
FAQ is the copy installed with the package (or cannot be written), so a centre lead can finish them
(variants, legal basis, sources, nations) and move them into the FAQ, where ``canishare faq lint``
checks them (it rejects a draft's id, its tag, redaction placeholders and the empty review date).
A draft is meant for git, so nothing typed becomes its id or file name (both are "draft-esc-<n>",
after the escalation), its texts are redacted again with Slack markup as words, and a link or long
number still in them is flagged for the reviewer in a comment above the entry.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import yaml

from bot.faq import NATIONS
from bot.mrkdwn import markup_as_words, replace_markup
from bot.privacy import redact
from bot.private_files import write_private_text
from bot.records import Escalation

DRAFT_NOTE = (
    "# Draft from the advisor queue: complete variants (5+), legal_basis, sources and tags, give it\n"
    "# an id naming its topic, set last_reviewed once you have checked it against its sources,\n"
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


def draft_entry(escalation: Escalation) -> dict:
    return {
        "id": draft_id(escalation),
        "question": clean_text(escalation.question.text if escalation.question else ""),
        "variants": [],
        "answer": clean_text(escalation.answer),
        "legal_basis": [],
        "sources": [],
        "tags": ["draft"],
        "nations": list(NATIONS),  # a required field: the reviewer keeps those where the answer holds
        "last_reviewed": None,  # the reviewer's to set: lint fails until then
    }


LAST_REVIEWED_EMPTY = "last_reviewed:  # set the day you check the entry against its sources (YYYY-MM-DD)"


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
        path = _free_path(directory, f"{entry['id']}.yaml")
        body = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100)
        write_private_text(
            path, DRAFT_NOTE + f"# escalation #{escalation.id}, answered {escalation.answered_at}\n" + to_check(entry)
            + advisor_links(escalation.answer) + body.replace("last_reviewed: null", LAST_REVIEWED_EMPTY),
        )
        written[escalation.id] = path
    service.mark_drafted({n: str(path) for n, path in written.items()})
    return list(written.values())


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


def drafts_command(service, faq_dir: str, out: str | None, again: bool = False,
                   escalation_id: int | None = None) -> int:
    """``canishare faq drafts [--out DIR] [--again | --escalation N]``: write the drafts, list them, and
    say where and when earlier ones were written; the exit status."""
    directory = Path(out) if out else default_drafts_dir(Path(faq_dir))
    written = write_drafts(service, directory, again, escalation_id)
    for path in written:
        print(path)
    if written:
        print(f"{len(written)} draft(s) written to {directory}", file=sys.stderr)
        return 0
    if escalation_id is not None:
        print(f"escalation #{escalation_id} is not an answered proposal for a new FAQ entry; `canishare faq drafts "
              "--again` writes every proposal", file=sys.stderr)
        return 1
    earlier = service.store.drafts_written()
    unrecorded = len(service.store.proposals_to_draft(again=True)) - len({e for e, _, _ in earlier})
    print("no new proposals to draft" + (": drafted before (write them again with --again, or one with "
                                         "--escalation N):" if earlier or unrecorded > 0 else ""), file=sys.stderr)
    for escalation, at, path in earlier:
        print(f"  escalation #{escalation}: {path}, written {at}", file=sys.stderr)
    if unrecorded > 0:
        print(f"  {unrecorded} proposal(s) drafted by an earlier canishare, which kept no record of where",
              file=sys.stderr)
    return 0
