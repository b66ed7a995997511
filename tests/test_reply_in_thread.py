""""A reply in the thread of an escalation still with the advisors is a follow-up, unless it is small
talk" is one rule, the service's (the house review, rv-house, finding 9): the DM and mention listeners
both ask ``Service.reply_in_thread``."""

import pytest
from test_slack_flows import UNKNOWN_QUESTION

from bot.records import Where
from bot.service import Service
from bot.store import Store


@pytest.fixture
def service(faq, tmp_path):
    return Service(Store(tmp_path / "canishare.db"), faq)


def escalated_in_thread(service, asker="U1", channel="C1", thread="1700000000.000100"):
    where = Where("mention", channel, thread_ts=thread, message_ts=thread)
    question = service.ask(UNKNOWN_QUESTION, asker, where).question
    return service.escalate(question.id, asker)[0]


@pytest.mark.parametrize("text, adds", [
    ("The child is 15 and the school asked for the report", True),
    ("thanks!", False), ("hi", False), ("help", False), ("   ", False), ("\u200b", False),
])
def test_a_reply_adds_to_the_escalation_unless_it_is_small_talk(service, text, adds):
    escalation = escalated_in_thread(service)
    in_thread = service.reply_in_thread("U1", "C1", "1700000000.000100", text)
    assert in_thread.escalation.id == escalation.id and in_thread.adds_to_it is adds


@pytest.mark.parametrize("asker, thread", [("U2", "1700000000.000100"), ("U1", "1700000000.000999"), ("U1", None)],
                         ids=["someone else", "another thread", "no thread"])
def test_nothing_is_added_from_elsewhere(service, asker, thread):
    escalated_in_thread(service)
    in_thread = service.reply_in_thread(asker, "C1", thread, "The child is 15")
    assert in_thread.escalation is None and not in_thread.adds_to_it
