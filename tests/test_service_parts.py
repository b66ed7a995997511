"""Each part of the service works alone, on a store and what its constructor names: no ``Service`` around it."""

import pytest

from bot.escalations import NotAnAdvisor
from bot.outbox import Kind
from bot.records import CLAIMED, Where
from bot.service_nations import Nations
from bot.service_outbox import Outbox
from bot.service_queue import AdvisorQueue
from bot.service_records import Records, StillQueued
from bot.store import Store

ADVISORS = frozenset({"A1"})


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "db")


@pytest.fixture
def owed():
    """A ``notify_owed`` that counts its calls."""
    calls = []

    def notify() -> None:
        calls.append(1)

    notify.calls = calls
    return notify


def queued(store: Store, asker: str = "U1") -> int:
    question = store.add_question(text="can I share the plan with the school?", asker=asker,
                                  where=Where("mention", "C1", "1.1", "1.1"), decision="escalate", faq_id=None,
                                  score=0.0, suggestions=(), redacted_kinds=(), escalate=True)
    return store.escalation_for_question(question.id).id


def test_the_advisor_queue_alone_claims_and_says_what_it_owes(store, owed, faq):
    queue = AdvisorQueue(store, owed, lambda: faq)
    escalation_id = queued(store)
    with pytest.raises(NotAnAdvisor):
        queue.claim(escalation_id, "U9", ADVISORS)
    assert owed.calls == []
    claimed = queue.claim(escalation_id, "A1", ADVISORS)
    assert claimed.state == CLAIMED and owed.calls == [1]
    assert store.owed_pending(escalation_id, Kind.ASKER_NOTICE)  # the asker is told who took it


def test_the_outbox_alone_owes_an_entry_and_records_its_delivery(store, owed):
    outbox = Outbox(store, owed)
    escalation_id = queued(store)
    question_id = store.escalation(escalation_id).question_id
    outbox.owe_entry("U1", question_id, "data-breach-72-hours", {"channel": "D1"})
    assert owed.calls == [1]
    [item] = [i for i in outbox.lease_owed("me") if i.kind == Kind.FAQ_ENTRY]
    outbox.delivered(item)
    assert outbox.sent_unrecorded(item) is None and not [i for i in outbox.lease_owed("me") if i.id == item.id]


def test_records_alone_refuse_to_erase_someone_still_queued(store, owed):
    records = Records(store, owed)
    queued(store, asker="U7")
    with pytest.raises(StillQueued):
        records.erase("U7")
    assert owed.calls == []
    assert records.erase("U8") is not None and owed.calls == [1]


def test_nations_alone_fall_back_to_the_workspaces(store, owed):
    nations = Nations(store, "wales", owed)
    assert nations.nation_setting("U1") == ("wales", True)
    nations.set_nation("U1", "scotland")
    assert nations.nation_setting("U1") == ("scotland", False)


def test_the_facades_settings_set_the_parts_that_hold_them(store, faq):
    """Review s11 code #9: ``default_nation`` and ``advisor_hours`` were plain attributes of the service, then
    properties with no setter; setting them on the façade sets them on the part that uses them."""
    from bot.service import Service
    from bot.working_hours import WorkingHours

    service = Service(store, faq)
    service.default_nation = "wales"
    assert service.nations.default_nation == "wales" and service.nation_setting("U1") == ("wales", True)
    hours = WorkingHours.parse("Mon-Fri 09:00-17:00")
    service.advisor_hours = hours
    assert service.digests.advisor_hours is hours and service.advisor_hours is hours
