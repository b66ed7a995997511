"""Short notices for the asker alone, between their question and its answer: what to do about the
identifiers in a question they posted in a channel, that an advisor has picked it up, and where the
answer to a question asked from App Home went."""

from __future__ import annotations

from bot.answers import URGENT_NOTICE
from bot.mrkdwn import escape_mrkdwn
from bot.records import Escalation, Question
from bot.slack.blocks.kit import Message, context, human_list, plain, section, user_question
from bot.slack.blocks.replies import RECOGNISED_ONLY

ASK_PRIVATELY = "Next time, ask me privately: in a direct message to me, or with `/canishare` and your question."


def privacy_notice_message(question: Question) -> Message:
    """For the asker of a question posted in a channel with identifiers in it (shown to them alone):
    what was removed from what canishare keeps, that their post still shows it to the channel and
    should be deleted or edited, how to ask privately next time, and the question as it was kept."""
    kinds = escape_mrkdwn(human_list(list(question.redacted_kinds)))
    text = (f":lock: *Only you can see this.* I removed the {kinds} from your question before keeping it, and my "
            "reply in the thread does not repeat your question. But your own message still shows them to everyone "
            f"in this channel: please delete it, or edit it to take them out. {ASK_PRIVATELY}")
    return Message(f"Your message in this channel shows the {kinds}: please delete or edit it. {ASK_PRIVATELY}",
                   [section(text), context(f"You asked (as I kept it): {user_question(question, 600)}"),
                    context(f"{RECOGNISED_ONLY} Describe the situation instead of typing names or identifiers.")])


def claimed_message(escalation: Escalation) -> Message:
    """The asker's news that an advisor has picked up their question (sent where the answer will come)."""
    text = (f":raising_hand: <@{escalation.claimed_by}> has picked up your question (escalation #{escalation.id}) "
            "and is working on it. Their answer will come here.")
    return Message(f"An advisor has picked up your question (escalation #{escalation.id}).", [section(text)])


def asked_from_home_modal(urgent: bool = False) -> dict:
    """What the "Ask a question" modal of App Home shows once the question is in: where the reply went."""
    text = (":white_check_mark: *Thanks, I have your question.* My reply is in our direct messages: open the "
            "*Messages* tab, next to *Home*. Your question is listed under *Your recent questions* on Home.")
    blocks = [section(f":rotating_light: *{URGENT_NOTICE}*")] if urgent else []
    return {"type": "modal", "title": plain("Ask canishare", 24), "close": plain("Close", 24),
            "blocks": [*blocks, section(text)]}
