import datetime as dt

import pytest
import yaml

from bot.drafts import write_drafts
from bot.escalations import BadFaqLink, NotAnAdvisor, QueueError
from bot.matching import ANSWER
from bot.outbox import Kind
from bot.records import ANSWERED, CLAIMED, CLOSED, HELPFUL, NOT_HELPFUL, OPEN, Where
from bot.service import EmptyQuestion, Service
from bot.store import Store

ADVISORS = frozenset({"A1", "A2"})
OFF_FAQ = "the housing panel wants our tenancy sustainment notes for its quarterly review"


@pytest.fixture
def service(tmp_path, faq):
    return Service(Store(tmp_path / "db"), faq)


def escalated(service, text=OFF_FAQ, asker="U1"):
    result = service.ask(text, asker, Where("mention", "C1", "111.1", "111.1"))
    escalation, created = service.escalate(result.question.id, asker)
    assert created
    return escalation


def test_ask_redacts_before_storing_and_says_what_was_removed(service):
    result = service.ask("Can I tell the GP about Jo, NHS 943 476 5919, mobile 07700 900123?", "U1")
    assert "943" not in result.question.text and "07700" not in result.question.text
    assert result.redacted_kinds == ("NHS number", "phone")
    stored = service.store.question(result.question.id)
    assert stored.text == result.question.text


def test_a_question_of_only_an_identifier_is_stored_as_a_placeholder(service):
    result = service.ask("943 476 5919", "U1")
    assert result.question.text == "[NHS number]"
    assert "9434765919" not in str(service.store.advice_record())


def test_ask_records_the_decision(service):
    result = service.ask("How long do we have to report a personal data breach to the ICO?", "U1")
    assert result.match.decision == ANSWER
    assert result.question.faq_id == "data-breach-72-hours" and result.question.decision == ANSWER


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_question_is_refused(service, text):
    with pytest.raises(EmptyQuestion):
        service.ask(text, "U1")


def test_urgent_questions_are_flagged(service):
    result = service.ask("Mum says he threatened to kill her tonight, can I tell the police?", "U1")
    assert result.urgent and result.question.urgent
    assert result.escalation.urgent and result.escalation.state == OPEN  # queued at once
    escalation, created = service.escalate(result.question.id, "U1")
    assert escalation.id == result.escalation.id and not created


def test_feedback_is_changeable_once_per_person(service):
    question = service.ask("How long do we have to report a personal data breach?", "U1").question
    assert service.feedback(question.id, "U1", HELPFUL) is True
    assert service.feedback(question.id, "U1", NOT_HELPFUL) is False
    (row,) = service.store.feedback()
    assert row["rating"] == NOT_HELPFUL and row["faq_id"] == "data-breach-72-hours"
    with pytest.raises(ValueError):
        service.feedback(question.id, "U1", "meh")


def test_queue_walks_through_its_states(service, audit_log):
    escalation = escalated(service)
    assert service.claim(escalation.id, "A1", ADVISORS).state == CLAIMED
    answered = service.answer(escalation.id, "A1", ADVISORS, "Yes: share under your tenancy agreement.")
    assert answered.state == ANSWERED and answered.answered_by == "A1"
    assert service.close(escalation.id, "A1", ADVISORS).state == CLOSED
    reopened = service.reopen(escalation.id, "A2", ADVISORS)
    assert reopened.state == OPEN and reopened.claimed_by is None
    actions = [a["action"] for a in audit_log(service.store, escalation.id)]
    assert actions == ["escalate", "claim", "answer", "close", "reopen"]


@pytest.mark.parametrize("action", ["claim", "close", "reopen"])
def test_non_advisors_are_refused_and_nothing_changes(service, action, audit_log):
    escalation = escalated(service)
    with pytest.raises(NotAnAdvisor, match="advisor channel"):
        getattr(service, action)(escalation.id, "U1", ADVISORS)
    assert service.escalation(escalation.id).state == OPEN
    assert [a["action"] for a in audit_log(service.store, escalation.id)] == ["escalate"]


def test_non_advisor_cannot_answer(service):
    escalation = escalated(service)
    with pytest.raises(NotAnAdvisor):
        service.answer(escalation.id, "U1", ADVISORS, "I think yes")
    assert service.escalation(escalation.id).answer is None


@pytest.mark.parametrize(
    "setup, action, reason",
    [
        (["claim:A1"], "claim:A2", "already claimed by <@A1>"),
        (["claim:A1"], "answer:A2", "claimed by <@A1>"),
        (["answer:A1"], "answer:A1", "already answered"),
        (["close:A1"], "close:A1", "already closed"),
        ([], "reopen:A1", "only answered or closed"),
        (["close:A1"], "claim:A1", "only open ones"),
    ],
)
def test_invalid_moves_are_refused_with_a_reason(service, setup, action, reason):
    escalation = escalated(service)

    def do(step):
        name, who = step.split(":")
        if name == "answer":
            return service.answer(escalation.id, who, ADVISORS, "An answer.")
        return getattr(service, name)(escalation.id, who, ADVISORS)

    for step in setup:
        do(step)
    before = service.escalation(escalation.id)
    with pytest.raises(QueueError, match=reason):
        do(action)
    assert service.escalation(escalation.id) == before


def test_empty_or_unknown_answers_are_refused(service):
    escalation = escalated(service)
    with pytest.raises(QueueError, match="empty"):
        service.answer(escalation.id, "A1", ADVISORS, "   ")
    with pytest.raises(QueueError, match="no FAQ entry 'nope'"):
        service.answer(escalation.id, "A1", ADVISORS, "Yes.", faq_id="nope")
    with pytest.raises(QueueError, match="no escalation #999"):
        service.claim(999, "A1", ADVISORS)


def test_refusals_about_the_linked_faq_entry_say_so_by_their_type(service):
    escalation = escalated(service)
    with pytest.raises(BadFaqLink):
        service.answer(escalation.id, "A1", ADVISORS, "Yes.", faq_id="nope")
    with pytest.raises(BadFaqLink):
        service.answer(escalation.id, "A1", ADVISORS, "Yes.", faq_id=service.faq.entries[0].id, propose_new=True)
    with pytest.raises(QueueError) as refusal:
        service.answer(escalation.id, "A1", ADVISORS, "   ")
    assert not isinstance(refusal.value, BadFaqLink)


def test_advisor_answers_are_redacted(service):
    escalation = escalated(service)
    answered = service.answer(escalation.id, "A1", ADVISORS, "Ring Jo's worker on 07700 900123.")
    assert "07700" not in answered.answer and "[phone]" in answered.answer


def test_linking_an_answer_teaches_the_matcher_without_restart(service):
    assert service.ask(OFF_FAQ, "U9").match.decision != ANSWER
    escalation = escalated(service)
    service.answer(escalation.id, "A1", ADVISORS, "See the housing entry.", faq_id="housing-providers")
    again = service.ask(OFF_FAQ, "U2")
    assert (again.match.decision, again.match.entry.id) == (ANSWER, "housing-providers")


def test_proposals_become_drafts_once(service, tmp_path):
    escalation = escalated(service, text="can we share tenancy notes with the food bank volunteers")
    service.answer(escalation.id, "A1", ADVISORS, "Only with the tenant's agreement.", propose_new=True)
    written = write_drafts(service, tmp_path / "drafts")
    (path,) = written
    (draft,) = yaml.safe_load(path.read_text())
    assert draft["question"] == "can we share tenancy notes with the food bank volunteers"
    assert draft["answer"] == "Only with the tenant's agreement." and draft["tags"] == ["draft"]
    assert write_drafts(service, tmp_path / "drafts") == []


def test_queue_is_oldest_first_and_reminders_are_due_once(tmp_path, faq):
    clock = {"now": "2026-11-20T09:00:00+00:00"}
    service = Service(Store(tmp_path / "db", clock=lambda: clock["now"]), faq)
    first = escalated(service, asker="U1")
    clock["now"] = "2026-11-21T09:00:00+00:00"
    second = escalated(service, text="another odd one", asker="U2")
    assert [e.id for e in service.queue()] == [first.id, second.id]
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)
    assert service.owe_due_reminders(dt.timedelta(hours=4), now=now) == 2
    assert service.owe_due_reminders(dt.timedelta(hours=4), now=now) == 0  # once each
    reminders = service.store.db["outbox"].rows_where("kind = ?", [Kind.REMINDER.value], order_by="id")
    assert [r["escalation_id"] for r in reminders] == [first.id, second.id]


def test_a_card_is_owed_with_the_escalation_and_once_only(service):
    escalation = escalated(service)
    cards = [i for i in service.lease_owed("test") if i.kind == Kind.ADVISOR_CARD]
    assert [i.escalation_id for i in cards] == [escalation.id]
    assert service.owe_missing_cards() == 0  # owed already
    service.delivered(cards[0], posted=("CADV", "123.456"))
    assert service.escalation(escalation.id).advisor_ts == "123.456"


@pytest.mark.parametrize("identifier, kind", [("jane.doe@example.org", "email"), ("NHS 943 476 5919", "NHS number"),
                                               ("QQ 12 34 56 C", "NI number"), ("07700 900123", "phone")])
def test_identifiers_across_the_length_limit_are_redacted_whole(service, identifier, kind):
    from bot.questions import MAX_QUESTION_CHARS

    for shift in range(0, len(identifier) + 1, 3):
        padding = "x " * ((MAX_QUESTION_CHARS - shift) // 2)
        result = service.ask(padding + identifier + " can I share this?", "U1")
        assert len(result.question.text) <= MAX_QUESTION_CHARS
        digits = "".join(ch for ch in identifier if ch.isdigit())
        assert (digits[:4] or identifier[:6]) not in result.question.text.replace(" ", "")
        assert kind in result.redacted_kinds


def test_reopening_withdraws_the_proposal_and_allows_reminders(tmp_path, faq):
    clock = {"now": "2026-11-20T09:00:00+00:00"}
    service = Service(Store(tmp_path / "db", clock=lambda: clock["now"]), faq)
    escalation = escalated(service)
    assert service.store.mark_reminded(escalation)
    service.answer(escalation.id, "A1", ADVISORS, "Propose this.", propose_new=True)
    reopened = service.reopen(escalation.id, "A1", ADVISORS)
    assert reopened.propose_new is False and reopened.reminded_at is None
    assert service.store.proposals_to_draft() == []
    soon_after = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc)
    assert service.owe_due_reminders(dt.timedelta(hours=4), now=soon_after) == 0  # the wait starts again
    next_day = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.timezone.utc)
    assert service.owe_due_reminders(dt.timedelta(hours=4), now=next_day) == 1


def test_a_fault_in_matching_keeps_the_question_and_sends_it_to_an_advisor(service, monkeypatch, caplog):
    class Broken:
        def match(self, question):
            raise KeyError(question)  # a message that quotes the question

    monkeypatch.setattr(service, "matcher", lambda: Broken())
    result = service.ask("Can I tell the school about Jade Smith's new address?", "U1")
    assert result.match.decision == "escalate" and result.escalation is not None
    stored = service.question(result.question.id)
    assert stored.decision == "escalate" and "[name]" in stored.text
    assert "matching failed" in caplog.text and "school" not in caplog.text
