"""``canishare restore BACKUP_FILE [--yes]``: put a backup back in place of the live database, safely,
and say what the operator must do next (README, "Retention, backups and upgrades")."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.failures import EXIT_OK, EXIT_PROBLEM, CliError
from bot.store.migrations import SCHEMA_VERSION
from bot.store.restoring import BackupSummary, RestoreRefused, inspect_backup, restore

CONFIRM_WORD = "restore"


def restore_command(backup: str, live: str, yes: bool, stdin: TextIO = sys.stdin) -> int:
    try:
        summary = inspect_backup(backup, live)
    except RestoreRefused as refusal:
        raise CliError(str(refusal)) from None
    if not yes and not (stdin.isatty() and _confirmed(backup, live, summary, stdin)):
        reason = "not confirmed" if stdin.isatty() else "no terminal to confirm on: add --yes"
        print(f"canishare: {live} was not restored ({reason})", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        ended = restore(backup, live)
    except RestoreRefused as refusal:
        raise CliError(str(refusal)) from None
    print(after_restore(backup, live, summary, ended))
    return EXIT_OK


def _confirmed(backup: str, live: str, summary: BackupSummary, stdin: TextIO) -> bool:
    print(f"Replace everything in {live} with {backup} ({summary.questions} question(s), {summary.queued} in the "
          f"advisor queue)? Whatever was recorded after the backup is lost. Type {CONFIRM_WORD} to confirm: ",
          end="", file=sys.stderr, flush=True)
    return stdin.readline().strip() == CONFIRM_WORD


def after_restore(backup: str, live: str, summary: BackupSummary, ended: int) -> str:
    """What the operator must do now that the backup is back."""
    upgrade = (f" It is from an older canishare (schema {summary.schema}): `canishare serve` or `canishare "
               f"migrate` upgrades it to schema {SCHEMA_VERSION}." if summary.schema < SCHEMA_VERSION else "")
    return "\n".join([
        f"Restored {backup} into {live}: {summary.questions} question(s), {summary.queued} in the advisor queue, "
        f"integrity ok.{upgrade} Before you start the bot again:",
        f"- Messages: the backup owed {summary.owed} message(s). Any of them sent after the backup was taken will "
        "be sent again when the bot starts (a reply, a card in the advisor channel)."
        + (f" {ended} of them were being sent when the backup was taken: the bot takes them over when it starts, "
           "and one a process had begun to send is treated as in doubt, not sent blindly again (an advisor's card "
           "is posted again, saying an earlier copy may be in the channel)." if ended else ""),
        "- Erasures and purges: any `canishare erase` or `canishare purge` run (and the daily retention) since the "
        "backup was taken is undone. The backup cannot say which ones ran: look in your own record of erasure "
        "requests and run each `canishare erase USER_ID` again; the bot applies the retention period by itself "
        "within a day of starting (or run `canishare purge` now).",
        "- Advisors: the advisor channel keeps the cards posted, claimed or answered after the backup as they were; "
        "the restored records do not have those changes. Tell the advisors to check the queue (`canishare queue`).",
    ])
