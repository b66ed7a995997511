"""``canishare subject-access`` and ``canishare erase``: a person's right of access (UK GDPR Art 15)
and to erasure (Art 17), for what canishare holds about one Slack user."""

from __future__ import annotations

import json
import re
import sys
from typing import TextIO

from bot.cli_output import operator_output
from bot.service import Service, StillQueued


def write_subject_access(service: Service, user: str, out: TextIO) -> dict:
    """Write everything held about ``user`` as JSON; what was written."""
    report = service.subject_access(user)
    json.dump(report, out, indent=2, ensure_ascii=False, default=str)
    out.write("\n")
    return report


def confirm(user: str, counts_preview: int, stdin: TextIO = sys.stdin) -> bool:
    print(f"Erase {user}? {counts_preview} record(s) name them or are about their questions. "
          "Type the user id again to confirm: ", end="", file=sys.stderr, flush=True)
    return stdin.readline().strip() == user


def erase(service: Service, user: str, yes: bool, stdin: TextIO = sys.stdin) -> tuple[bool, str]:
    """(done, what to say). Without ``yes`` it asks on ``stdin``; anything but the id again cancels."""
    found = sum(len(rows) for rows in service.subject_access(user)["records"].values())
    if not found:
        return True, f"nothing is held about {user}; nothing to erase. {NOT_REACHED}"
    if not yes and not (stdin.isatty() and confirm(user, found, stdin)):
        reason = "not confirmed" if stdin.isatty() else "no terminal to confirm on: add --yes"
        return False, f"{user} was not erased ({reason})"
    try:
        counts = service.erase(user)
    except StillQueued as refusal:
        return False, str(refusal)
    return True, "\n".join([erased_line(user, counts), *draft_lines(counts.get("drafts") or []), NOT_REACHED])


# Purge deletes a question's record of where its posts are, so nothing can find them for an erasure afterwards.
NOT_REACHED = ("Not reached: the posts of their questions already deleted by the retention purge (cards and "
               "follow-ups in the advisor channel, with their mention and question) stay there for as long as the "
               "workspace's Slack retention keeps them: canishare no longer knows where they are; delete them in "
               "Slack.")


def erased_line(user: str, counts: dict) -> str:
    return (f"erased {user}: {counts['questions']} question(s), {counts['escalations']} escalation(s), "
            f"{counts.get('follow_ups', 0)} follow-up(s), {counts['feedback']} rating(s), "
            f"{counts['learned_phrasings']} learned phrasing(s), "
            f"{counts.get('decision_records', 0)} decision record(s); "
            f"{counts['pseudonymised']} record(s) of their work now say {counts['pseudonym']}"
            + (f"; the running bot will empty {counts['advisor_posts']} post(s) in the advisor channel"
               if counts.get("advisor_posts") else "")
            + (f"; it will update {counts['card_updates']} card(s) in the advisor channel that name them as an "
               "advisor" if counts.get("card_updates") else ""))


def draft_lines(files: list[str]) -> list[str]:
    """The FAQ draft files written from the person's questions, for the curator to delete."""
    if not files:
        return []
    return [f"FAQ draft file(s) written from their questions (canishare faq drafts) hold their question: delete "
            f"{'it' if len(files) == 1 else 'them'}, and any copies (canishare does not know where they went):",
            *(f"  {file}" for file in files)]


SLACK_USER_ID = re.compile(r"[A-Z][A-Z0-9]{1,20}")  # Slack ids: capitals and digits (U0123ABCD, W…)


def check_user_id(user: str) -> str | None:
    """Why ``user`` is not a Slack user id (U... or W..., capitals and digits), or None."""
    if SLACK_USER_ID.fullmatch(user or ""):
        return None
    return f"{user!r} is not a Slack user id: copy it from the person's profile (capitals and digits, e.g. U0123ABCD)"


def subject_access_command(service: Service, user: str, output: str | None, database: str | None = None,
                           force: bool = False) -> int:
    """``canishare subject-access USER_ID [-o FILE [--force]]``: the exit status. ``database``: the
    CANISHARE_DB file, which FILE may never be."""
    if check_user_id(user):
        print(check_user_id(user), file=sys.stderr)
        return 2
    if not output:
        report = write_subject_access(service, user, sys.stdout)
    else:
        with operator_output(output, database, force) as out:
            report = write_subject_access(service, user, out)
        found = sum(len(rows) for rows in report["records"].values())
        print(f"{found} record(s) about {user} written to {output}", file=sys.stderr)
    print(others_to_check(service.rows_naming_others(report)), file=sys.stderr)
    return 0


def others_to_check(naming: int) -> str:
    """What the controller must check before sending the copy: ``naming`` records name other people."""
    if not naming:
        return "no record in it names another person"
    return (f"CHECK BEFORE SENDING: {naming} record(s) in it hold other people's data (advisors' Slack ids, "
            "colleagues' ratings): remove what is not theirs unless it is reasonable to include it "
            "(docs/data-protection.md section 14)")


def erase_command(service: Service, user: str, yes: bool) -> int:
    """``canishare erase USER_ID [--yes]``: the exit status (1 when refused or not confirmed)."""
    if check_user_id(user):
        print(check_user_id(user), file=sys.stderr)
        return 2
    done, line = erase(service, user, yes)
    print(line, file=sys.stdout if done else sys.stderr)
    return 0 if done else 1
