"""FAQ drafts from advisors' proposals are files meant for a pull request: nothing typed becomes their
id or file name, their texts are redacted again with Slack markup as words, and anything the
redactor may have left (a link, a long number) is flagged for the reviewer (privacy review #8)."""

import datetime as dt

import pytest
import yaml

from bot.drafts import write_drafts
from bot.faq.load import ID_PATTERN
from bot.service import Service
from bot.store import Store

ADVISORS = frozenset({"A1"})
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def service(tmp_path, faq):
    return Service(Store(tmp_path / "db"), faq)


def proposed(service, question: str, answer: str, stored_question: str | None = None) -> int:
    """An escalation of ``question`` answered with ``answer`` and proposed as a new entry; with
    ``stored_question``, the question as an older redactor stored it."""
    result = service.ask(question, "U1", escalate=True)
    if stored_question is not None:
        service.store.db["questions"].update(result.question.id, {"text": stored_question})
    service.answer(result.escalation.id, "A1", ADVISORS, answer, propose_new=True)
    return result.escalation.id


def only_draft(service, tmp_path):
    (path,) = write_drafts(service, tmp_path / "drafts", today=TODAY)
    text = path.read_text(encoding="utf-8")
    (entry,) = yaml.safe_load(text)
    return path, text, entry


def test_a_drafts_id_and_file_name_come_from_the_escalation_not_the_question(service, tmp_path):
    escalation_id = proposed(service, "Brooklyn told me her stepdad hits her, can I tell school?", "Yes.")
    path, _, entry = only_draft(service, tmp_path)
    assert entry["id"] == f"draft-esc-{escalation_id}" and path.name == f"draft-esc-{escalation_id}.yaml"
    assert ID_PATTERN.match(entry["id"]) and "brooklyn" not in path.name.lower()


def test_draft_ids_are_unique_and_each_proposal_is_drafted_once(service, tmp_path):
    first = proposed(service, "can the allotment society see tenancy notes", "No.")
    second = proposed(service, "can the allotment society see tenancy notes, again", "Still no.")
    names = sorted(p.name for p in write_drafts(service, tmp_path / "drafts", today=TODAY))
    assert names == sorted([f"draft-esc-{first}.yaml", f"draft-esc-{second}.yaml"]) and first != second
    assert write_drafts(service, tmp_path / "drafts", today=TODAY) == []


def test_a_draft_is_redacted_again_and_keeps_no_slack_markup(service, tmp_path):
    proposed(service, "can the allotment society see tenancy notes", "placeholder",
             stored_question="can the allotment society see NHS number 943 476 5919 for <@U0456ABC>")
    escalation = service.store.proposals_to_draft()[0]
    service.store.db["escalations"].update(escalation.id, {
        "answer": "Tell <@U0456ABC> <!channel> in <#C0ABC123|tyler-smith-case>; see <https://ico.org.uk/x|the ICO>, "
                  "ring 07700 900123"})
    _, text, entry = only_draft(service, tmp_path)
    for leak in ("943 476 5919", "U0456ABC", "tyler", "<!channel>", "<@", "<#", "07700"):
        assert leak not in text, leak
    assert "[NHS number]" in entry["question"] and "the ICO" in entry["answer"] and "#channel" in entry["answer"]
    assert "CHECK" in text.split("- id:")[0] and "Slack broadcast" in text  # "@channel" is flagged


@pytest.mark.parametrize("answer, flagged", [
    ("See https://casework.example.org/people/brooklyn-hughes first.", "the answer still holds a link"),
    ("Their file is at portal.example.net/tyler_smith10.", "the answer still holds a link"),
    ("Quote reference 2023 004567 88 to the school.", "the answer still holds a long number"),
])
def test_a_link_or_long_number_left_in_a_draft_is_flagged_above_the_entry(service, tmp_path, answer, flagged):
    proposed(service, "can the allotment society see tenancy notes", answer)
    _, text, _ = only_draft(service, tmp_path)
    comments, entry = text.split("- id:")
    assert flagged in comments and "before the pull request" in comments


def test_a_clean_draft_has_nothing_to_check(service, tmp_path):
    proposed(service, "can the allotment society see tenancy notes", "Only with the tenant's agreement.")
    _, text, entry = only_draft(service, tmp_path)
    assert "CHECK" not in text and entry["answer"] == "Only with the tenant's agreement."
