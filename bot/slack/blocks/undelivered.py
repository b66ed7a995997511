"""Why a message to a person never reached them, in words a person can read (the card, a reopened
escalation's earlier answer, and the advisor's notice)."""

from __future__ import annotations

UNDELIVERABLE = {
    "user_disabled": "their Slack account is deactivated",
    "account_inactive": "their Slack account is deactivated",
    "user_not_found": "Slack no longer knows their account",
    "cannot_dm_bot": "they cannot receive direct messages from canishare",
    "messages_tab_disabled": "they cannot receive direct messages from canishare",
    "cannot_dm_user": "they cannot receive direct messages from canishare",
    "channel_not_found": "the conversation they asked in is gone",
    "not_in_channel": "canishare is no longer in the conversation they asked in",
    "is_archived": "the conversation they asked in is archived",
}


def why_not_delivered(error: str | None) -> str:
    """Slack's error for a message to a person, as a reason a person can read."""
    return UNDELIVERABLE.get(error or "", f"Slack kept refusing it ({error or 'no reason given'}) for a day")
