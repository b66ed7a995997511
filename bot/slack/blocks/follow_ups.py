"""Follow-ups as people see them: in an escalation's card and the answer modal (for advisors), posted
in the card's thread when they arrive, and the asker's acknowledgement in their own thread."""

from __future__ import annotations

from typing import Sequence

from bot.mrkdwn import escape_mrkdwn, escape_user_text
from bot.records import CLAIMED, Escalation, FollowUp
from bot.slack.blocks.kit import Message, clip, context, human_list, quoted, section, slack_date
from bot.slack.blocks.replies import redaction_blocks, urgent_blocks

SHOWN_FOLLOW_UPS = 5  # the latest ones, in a card or modal; the card's thread has them all
FOLLOW_UP_CHARS = 500  # of each, in a card or modal


def follow_up_blocks(follow_ups: Sequence[FollowUp]) -> list[dict]:
    """What the asker added since they asked, latest last: for the card and the answer modal."""
    if not follow_ups:
        return []
    shown = follow_ups[-SHOWN_FOLLOW_UPS:]
    lines = [f"{slack_date(f.created_at)}{' :rotating_light: *urgent*' if f.urgent else ''}\n"
             f"{quoted(clip(escape_user_text(f.text), FOLLOW_UP_CHARS))}" for f in shown]
    earlier = len(follow_ups) - len(shown)
    head = f"*The asker added ({len(follow_ups)}):*"
    if earlier:
        head += f" _the {earlier} earlier in the card's thread_"
    return [section(head + "\n" + "\n".join(lines))]


def follow_up_post(escalation: Escalation, follow_up: FollowUp) -> Message:
    """A follow-up as posted in its escalation's card thread when it arrives."""
    asker = f"<@{escalation.question.asker}>" if escalation.question else "The asker"
    flag = ":rotating_light: *URGENT* " if follow_up.urgent else ""
    claimer = f"<@{escalation.claimed_by}> " if escalation.state == CLAIMED and escalation.claimed_by else ""
    blocks = [section(f"{flag}{claimer}:speech_balloon: {asker} added to escalation #{escalation.id}:\n"
                      f"{quoted(clip(escape_user_text(follow_up.text), 2500))}")]
    if follow_up.redacted_kinds:
        removed = escape_mrkdwn(human_list(list(follow_up.redacted_kinds)))
        blocks.append(context(f":lock: Identifiers removed: {removed}"))
    return Message(f"{'URGENT ' if follow_up.urgent else ''}{claimer}The asker added to escalation #{escalation.id}.",
                   blocks)


def follow_up_added_message(escalation: Escalation, follow_up: FollowUp, shared: bool = False,
                            away: str = "") -> Message:
    """The asker's acknowledgement, in the thread they added it from: what was removed from it only where
    the asker alone reads it (not ``shared``: in a channel's thread they are told privately); ``away``:
    when the advisors will see an urgent one (see ``urgent_blocks``)."""
    text = (f":heavy_plus_sign: Added to escalation #{escalation.id}. The advisors see it with your question; "
            "an advisor will answer in this thread.")
    blocks = [*(urgent_blocks(away) if follow_up.urgent else []), section(text),
              *([] if shared else redaction_blocks(follow_up.redacted_kinds))]
    return Message(f"Added to escalation #{escalation.id}.", blocks)
