"""Follow-ups as people see them: in an escalation's card and the answer modal (for advisors), posted
in the card's thread when they arrive, and the asker's acknowledgement in their own thread.

The post in the card's thread carries each follow-up whole, in as many sections as it needs. The card
and the modal show each of the latest follow-ups in its own section, shortened past a budget: an urgent
one leads with the sentences that made it urgent, and a shortened one says where to read it whole."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from bot.mrkdwn import escape_mrkdwn, escape_user_text, mention
from bot.records import CLAIMED, UNKNOWN_RISK, Escalation, FollowUp
from bot.slack.blocks.kit import Message, clip, context, human_list, quoted, section, slack_date, whole_text_sections
from bot.slack.blocks.plain import blocks_text, fallback
from bot.slack.blocks.replies import redaction_blocks, urgent_blocks, urgent_text
from bot.urgency import risk_window

SHOWN_FOLLOW_UPS = 5  # the latest ones, in a card or modal; the card's thread has them all
SHOWN_EARLIER_URGENT = 5  # urgent ones before those, shown too (the latest of them), within Slack's block limits
CARD_FOLLOW_UP_CHARS = 700  # of each as shown (quoted), in a card
MODAL_FOLLOW_UP_CHARS = 2800  # of each as shown, in the answer modal: a section, less its date line
CUT_NOTE = "(cut: read it in full in the card's thread)"
_SHORTEST_PART = 40  # a part of a shortened follow-up with less room than this is left out
# A short line takes a row of the card as a long one does: each counts as at least this many characters,
# so that a pasted list of 60 short lines does not fill the card
_ROW = 40
WHY_URGENT, FROM_THE_START, ALL_OF_IT = "_Why it is urgent:_", "_From the start:_", "_All of it:_"


def follow_up_blocks(follow_ups: Sequence[FollowUp], chars: int = CARD_FOLLOW_UP_CHARS) -> list[dict]:
    """What the asker added since they asked, latest last, for the card and the answer modal: each in its
    own section, so that none is cut for another's sake, shown within ``chars`` (``shown_follow_up``)."""
    if not follow_ups:
        return []
    shown = shown_follow_ups(follow_ups)
    earlier = len(follow_ups) - len(shown)
    head = f"*The asker added ({len(follow_ups)}):*"
    if earlier:
        head += f" _the {earlier} earlier in the card's thread_"
    return [section(head), *(section(f"{slack_date(f.created_at)}{' :rotating_light: *urgent*' if f.urgent else ''}\n"
                                     f"{shown_follow_up(f, chars)}") for f in shown)]


def shown_follow_ups(follow_ups: Sequence[FollowUp]) -> list[FollowUp]:
    """The latest follow-ups, and the urgent ones before them (an asker who adds detail in short messages
    after saying someone is at risk now must not push that out of the advisor's sight), oldest first."""
    latest = list(follow_ups[-SHOWN_FOLLOW_UPS:])
    earlier_urgent = [f for f in follow_ups[:-SHOWN_FOLLOW_UPS] if f.urgent][-SHOWN_EARLIER_URGENT:]
    return earlier_urgent + latest


def shown_follow_up(follow_up: FollowUp, chars: int) -> str:
    """The follow-up quoted, whole when that takes at most ``chars`` characters; else shortened to them,
    an urgent one leading with the sentences that made it urgent, ending with ``CUT_NOTE``."""
    whole = quoted(escape_user_text(follow_up.text))
    if sum(max(len(line) + 1, _ROW) for line in whole.splitlines()) <= chars + 1:
        return whole
    room = chars - len(CUT_NOTE) - 1
    lead = urgent_lead(follow_up, room - len(WHY_URGENT) - len(FROM_THE_START) - 2)
    if lead is None:  # not urgent, or urgent from its first sentence: shown from its start
        return f"{quoted_within(escape_user_text(follow_up.text), room)}\n{CUT_NOTE}"
    sentences, at = lead
    start = quoted_within(escape_user_text(follow_up.text[:at]),
                          room - len(WHY_URGENT) - len(sentences) - len(FROM_THE_START) - 3)
    return "\n".join([WHY_URGENT, sentences, *([FROM_THE_START, start] if start else []), CUT_NOTE])


def urgent_lead(follow_up: FollowUp, room: int) -> tuple[str, int] | None:
    """The sentences that made an urgent follow-up urgent, quoted within ``room``, and where they start in
    it; None for a follow-up not urgent, or urgent from its start or on the whole."""
    risk = risk_sentences(follow_up) if follow_up.urgent else None
    if risk is None or risk[0] == 0:
        return None
    sentences = escape_user_text(follow_up.text[risk[0]:risk[1]].strip())
    return quoted_within(f"… {sentences}{' …' if risk[1] < len(follow_up.text.rstrip()) else ''}", room), risk[0]


def risk_sentences(follow_up: FollowUp) -> tuple[int, int] | None:
    """Where the sentences that made ``follow_up`` urgent are: as found when it was added, or (stored before
    that was kept) found now, once per process."""
    return _risk_found_now(follow_up.text) if follow_up.risk == UNKNOWN_RISK else follow_up.risk


@lru_cache(maxsize=512)  # follow-ups are never changed, and a card is rebuilt at each of its updates
def _risk_found_now(text: str) -> tuple[int, int] | None:
    return risk_window(text)


def quoted_within(text: str, room: int) -> str:
    """``text`` (escaped) as a quotation of at most ``room`` characters, a short line counted as ``_ROW``:
    its first lines, the last of them clipped; "" when there is no room for a useful part of it."""
    lines, used = [], 0
    for line in text.splitlines() or [""]:
        left = room - used - 3  # "> " and the line break
        if left < _SHORTEST_PART:
            break
        lines.append("> " + clip(line, left))
        used += max(len(lines[-1]) + 1, _ROW)
        if len(line) > left:
            break
    return "\n".join(lines)


def follow_up_post(escalation: Escalation, follow_up: FollowUp) -> Message:
    """A follow-up as posted in its escalation's card thread when it arrives: all of it, in as many sections
    as it needs; an urgent one too long for the card also leads with the sentences that made it urgent."""
    asker = mention(escalation.question.asker if escalation.question else None, "The asker")
    flag = ":rotating_light: *URGENT* " if follow_up.urgent else ""
    claimer = mention(escalation.claimed_by, "") if escalation.state == CLAIMED else ""  # notifies the claimer
    claimer += " " if claimer else ""
    first_line = f"{flag}{claimer}:speech_balloon: {asker} added to escalation #{escalation.id}:"
    lead = urgent_lead(follow_up, CARD_FOLLOW_UP_CHARS) if len(follow_up.text) > CARD_FOLLOW_UP_CHARS else None
    if lead is not None:  # Slack shows a long post folded: what makes it urgent comes first
        first_line = "\n".join([first_line, WHY_URGENT, lead[0], ALL_OF_IT])
    blocks = whole_text_sections(escape_user_text(follow_up.text), first_line, quote=True)
    if follow_up.redacted_kinds:
        removed = escape_mrkdwn(human_list(list(follow_up.redacted_kinds)))
        blocks.append(context(f":lock: Identifiers removed: {removed}"))
    added = f"{'URGENT ' if follow_up.urgent else ''}{claimer}The asker added to escalation #{escalation.id}:"
    return Message(fallback(added, escape_user_text(follow_up.text)), blocks)


def held_follow_ups_post(escalation: Escalation, follow_ups: Sequence[FollowUp]) -> Message:
    """Follow-ups held past the limit of posts (``bot.service_follow_ups``), posted together in the card's
    thread, each whole; the urgent ones flagged (they were on the card, flagged, when they arrived)."""
    asker = mention(escalation.question.asker if escalation.question else None, "The asker")
    urgent = any(f.urgent for f in follow_ups)
    head = (f"{':rotating_light: *URGENT* ' if urgent else ''}:speech_balloon: {asker} added {len(follow_ups)} more "
            f"to escalation #{escalation.id} in a short time (held, to keep this channel readable):")
    blocks = [section(head)]
    for follow_up in follow_ups:
        flag = " :rotating_light: *urgent*" if follow_up.urgent else ""
        blocks += whole_text_sections(escape_user_text(follow_up.text), f"{slack_date(follow_up.created_at)}{flag}",
                                      quote=True)
    return Message(f"{'URGENT ' if urgent else ''}The asker added {len(follow_ups)} more to escalation "
                   f"#{escalation.id}.", blocks)


def follow_up_added_message(escalation: Escalation, follow_up: FollowUp, shared: bool = False,
                            away: str = "", held_until: str | None = None) -> Message:
    """The asker's acknowledgement, in the thread they added it from: what was removed from it only where
    the asker alone reads it (not ``shared``: in a channel's thread they are told privately); ``away``:
    when the advisors will see an urgent one (see ``urgent_blocks``); ``held_until``: when one held past the
    limit of posts is posted in the advisors' thread."""
    when = "" if follow_up.urgent else f"{away} "  # an urgent one's act-now blocks say it already
    text = (f"Added to escalation #{escalation.id}. "
            + (f"{when}An advisor will answer in this thread." if away else
               "The advisors see it with your question; an advisor will answer in this thread."))
    if held_until:
        text += (" You have added a lot in a short time, so the advisors' channel gets it with your other recent "
                 f"messages at {slack_date(held_until)}; it is already on your question's card there.")
    said = [section(text), *([] if shared else redaction_blocks(follow_up.redacted_kinds))]
    if not follow_up.urgent:
        return Message(blocks_text(said), said)
    return Message(fallback(urgent_text(away), blocks_text(said)), [*urgent_blocks(away), *said])
