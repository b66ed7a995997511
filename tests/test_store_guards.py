"""Guards in the SQL for what SQLite's one writer makes safe today and PostgreSQL's READ COMMITTED
would not: a change of an escalation decided on a state another transaction changed meanwhile is decided
again (two claims cannot both win), and a second escalation of one question is "already escalated"."""

import pytest

from bot.escalations import QueueError, claim
from bot.records import CLAIMED, QueueAction, Where
from bot.store import Store


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "db")


def a_question(store) -> int:
    return store.add_question(text="q", asker="U1", where=Where(),
                              decision="escalate", faq_id=None, score=0.0, suggestions=(), redacted_kinds=()).id


def test_a_claim_decided_on_a_state_changed_meanwhile_is_decided_again_and_refused(store):
    escalation, _ = store.add_escalation(a_question(store), "U1")
    decided = []

    def decide_while_another_claims(current):
        decided.append(current.state)
        if len(decided) == 1:  # another advisor's claim commits between this read and this write
            store.db.execute("update escalations set state = ?, claimed_by = 'UOTHER' where id = ?",
                             [CLAIMED, current.id])
        return claim(current, "UADV", "2026-11-30T09:00:00+00:00")

    with pytest.raises(QueueError, match="already claimed by <@UOTHER>"):
        store.change_escalation(escalation.id, "UADV", QueueAction.CLAIM, decide_while_another_claims)
    assert decided == ["open", CLAIMED]  # decided again on the other claim, and refused


def test_a_second_escalation_of_one_question_is_already_escalated_not_an_error(store, monkeypatch):
    question = a_question(store)
    first, created = store.add_escalation(question, "U1")
    assert created
    real, checks = store.escalation_for_question, []

    def first_check_misses(question_id):
        checks.append(question_id)
        return None if len(checks) == 1 else real(question_id)

    monkeypatch.setattr(store, "escalation_for_question", first_check_misses)
    again, created = store.add_escalation(question, "U1")  # its check ran before the first one committed
    assert not created and again.id == first.id
