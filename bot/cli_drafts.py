"""``canishare faq drafts``: what it prints and its exit status (the drafts themselves: ``bot.drafts``)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.drafts import default_drafts_dir, write_drafts
from bot.failures import EXIT_OK, EXIT_PROBLEM


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
        return EXIT_OK
    if escalation_id is not None:
        print(f"escalation #{escalation_id} is not an answered proposal for a new FAQ entry; `canishare faq drafts "
              "--again` writes every proposal", file=sys.stderr)
        return EXIT_PROBLEM
    _say_nothing_new(service)
    return EXIT_OK


def _say_nothing_new(service) -> None:
    """Where and when the earlier drafts were written, and how to write them again."""
    earlier = service.drafts_written()
    unrecorded = len(service.proposals_to_draft(again=True)) - len({e for e, _, _ in earlier})
    print("no new proposals to draft" + (": drafted before (write them again with --again, or one with "
                                         "--escalation N):" if earlier or unrecorded > 0 else ""), file=sys.stderr)
    for escalation, at, path in earlier:
        print(f"  escalation #{escalation}: {path}, written {at}", file=sys.stderr)
    if unrecorded > 0:
        print(f"  {unrecorded} proposal(s) drafted by an earlier canishare, which kept no record of where",
              file=sys.stderr)
