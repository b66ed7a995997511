"""Pure decisions about the asker's side of a question: who else can see the reply to it. No Slack,
no I/O."""

from __future__ import annotations

from bot.records import Via

# A mention is answered in a channel's thread, where everyone in the channel reads it; every other way
# of asking is answered where only the asker sees it (their DM with the bot, or an ephemeral reply).
SHARED_SOURCES = frozenset({Via.MENTION})


def seen_by_others(source: str) -> bool:
    """Whether the reply to a question asked this way is read by people other than the asker (so it
    must not repeat what they asked, and what is private to them is told to them apart)."""
    return source in SHARED_SOURCES
