"""The sentences of policy a reader acts on, written once: what to do when someone may be at risk of
serious harm, and that canishare's guidance is not legal advice. The command line prints them as they
are; Slack adds only emphasis and emoji (``bot.slack.blocks.kit.emphasised``). Change the guidance here."""

from __future__ import annotations

EMERGENCY_NUMBER = "999"
SAFEGUARDING_LEAD = "safeguarding lead"
EMPHASISED = (EMERGENCY_NUMBER, SAFEGUARDING_LEAD)  # what Slack puts in bold wherever it appears

AT_RISK_NOW = "If someone is at immediate risk of serious harm"
ACT_NOW_WHEN = f"{AT_RISK_NOW}, act now:"
ACT_NOW_HOW = f"call {EMERGENCY_NUMBER} (the emergency services) or your {SAFEGUARDING_LEAD} straight away."
ACT_NOW = f"{ACT_NOW_WHEN} {ACT_NOW_HOW}"
SHARING_TO_PREVENT_HARM = ("Data protection law does not stop you sharing information to prevent serious harm. "
                           "You do not need consent to protect someone, and you can record your reasons afterwards.")
URGENT_NOTICE = f"{ACT_NOW} {SHARING_TO_PREVENT_HARM}"

# The end of every sentence that tells someone waiting on canishare not to wait when a life may be at stake.
DO_NOT_WAIT = f"do not wait: share what is needed now and call {EMERGENCY_NUMBER} or your {SAFEGUARDING_LEAD}."
MAY_BE_AT_RISK = "If someone may be at risk of harm"

DISCLAIMER = "Guidance, not legal advice: you make the decision and record it."


def do_not_wait(when: str = AT_RISK_NOW) -> str:
    """``when`` (the condition, e.g. "If someone is at immediate risk of serious harm"), then: do not wait."""
    return f"{when}, {DO_NOT_WAIT}"
