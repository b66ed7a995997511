"""FAQ drafts from advisors' proposals are files meant for a pull request: nothing typed becomes their
id or file name, their texts are redacted again with Slack markup as words, and anything the
redactor may have left (a link, a long number) is flagged for the reviewer (privacy review #8)."""


import datetime as dt

import pytest
import yaml

from bot.cli_drafts import drafts_command
from bot.drafts import write_drafts
from bot.faq import lint
from bot.faq.load import ID_PATTERN
from bot.service import Service
from bot.store import Store

ADVISORS = frozenset({"A1"})


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
    (path,) = write_drafts(service, tmp_path / "drafts")
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
    names = sorted(p.name for p in write_drafts(service, tmp_path / "drafts"))
    assert names == sorted([f"draft-esc-{first}.yaml", f"draft-esc-{second}.yaml"]) and first != second
    assert write_drafts(service, tmp_path / "drafts") == []


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


# Curator review #11, #12: a draft cannot pass for a reviewed entry, keeps the advisor's links, and can
# be written again.

def test_a_draft_leaves_last_reviewed_empty_and_lint_requires_it(service, tmp_path):
    proposed(service, "can the allotment society see tenancy notes", "No.")
    path, text, entry = only_draft(service, tmp_path)
    assert entry["last_reviewed"] is None and "last_reviewed:  # set the day you check" in text
    problems = [str(p) for p in lint(path.parent, dt.date(2026, 11, 30))]
    assert any("field 'last_reviewed'" in p and "is empty" in p for p in problems)
    assert any("draft's id" in p for p in problems) and any("'draft' tag" in p for p in problems)


def test_the_advisors_link_keeps_its_url_for_the_reviewer(service, tmp_path):
    proposed(service, "can the allotment society see tenancy notes", "placeholder")
    escalation = service.store.proposals_to_draft()[0]
    service.store.db["escalations"].update(escalation.id, {
        "answer": "See <https://www.legislation.gov.uk/ukpga/1992/5/section/109B|s109B> and <https://ico.org.uk/x>."})
    _, text, entry = only_draft(service, tmp_path)
    comments = text.split("- id:")[0]
    assert "'s109B' -> https://www.legislation.gov.uk/ukpga/1992/5/section/109B" in comments
    assert "-> https://ico.org.uk/x" in comments and "s109B" in entry["answer"]


def test_drafts_can_be_written_again_and_say_where_and_when(service, tmp_path, capsys):
    first = proposed(service, "can the allotment society see tenancy notes", "No.")
    second = proposed(service, "can the allotment society see tenancy notes, again", "Still no.")
    assert drafts_command(service, str(tmp_path), str(tmp_path / "lost")) == 0
    capsys.readouterr()
    assert drafts_command(service, str(tmp_path), str(tmp_path / "lost")) == 0
    said = capsys.readouterr().err
    assert "no new proposals" in said and "--again" in said
    assert f"escalation #{first}: {tmp_path / 'lost' / f'draft-esc-{first}.yaml'}, written 20" in said

    again = write_drafts(service, tmp_path / "elsewhere", again=True)
    assert sorted(p.name for p in again) == sorted([f"draft-esc-{first}.yaml", f"draft-esc-{second}.yaml"])
    (one,) = write_drafts(service, tmp_path / "elsewhere", escalation_id=second)
    assert one.name == f"draft-esc-{second}-2.yaml"  # never over the file a curator may be editing
    assert drafts_command(service, str(tmp_path), None, escalation_id=999) == 1
    assert "not an answered proposal" in capsys.readouterr().err


def test_drafts_folders_are_ignored_by_git():
    from pathlib import Path

    ignored = (Path(__file__).resolve().parents[1] / ".gitignore").read_text().split()
    assert "faq/drafts/" in ignored and "faq-drafts/" in ignored


def test_an_answer_typed_in_slack_keeps_its_links_for_the_asker_and_the_draft(service, tmp_path):
    """Slack sends the advisor's links as <url|label>; they are stored as "label (url)", so the asker gets
    the document and the draft's reviewer the link to check (the intake step, not the table)."""
    from bot.slack.payloads import text_input

    typed = ("See <https://www.legislation.gov.uk/ukpga/1992/5/section/109B|s109B [as amended]> and the guide "
             "<https://ico.org.uk/for-organisations/guide_to_data_protection/>.")
    view = {"state": {"values": {"answer": {"text": {"value": typed}}}}}
    answer = text_input(view, "answer", "text", keep_link_urls=True)
    assert "s109B [as amended] (https://www.legislation.gov.uk/ukpga/1992/5/section/109B)" in answer
    assert text_input(view, "answer", "text").startswith("See s109B [as amended] and")  # questions: labels only
    proposed(service, "can the allotment society see tenancy notes", answer)
    stored = service.store.proposals_to_draft()[0].answer
    assert "https://www.legislation.gov.uk/ukpga/1992/5/section/109B" in stored
    comments = only_draft(service, tmp_path)[1].split("- id:")[0]
    assert "-> https://www.legislation.gov.uk/ukpga/1992/5/section/109B\n" in comments
    assert "-> https://ico.org.uk/for-organisations/guide_to_data_protection/\n" in comments


def test_proposals_drafted_by_an_earlier_version_point_to_again(service, tmp_path, capsys):
    proposed(service, "can the allotment society see tenancy notes", "No.")
    (escalation,) = service.store.proposals_to_draft()
    service.store.db["escalations"].update(escalation.id, {"drafted_at": "2026-11-01T10:00:00+00:00"})  # no record
    assert drafts_command(service, str(tmp_path), None) == 0
    said = capsys.readouterr().err
    assert "--again" in said and "1 proposal(s) drafted by an earlier canishare" in said


@pytest.mark.parametrize("number", ["0", "-1", "x", "1.5"])
def test_an_escalation_number_that_cannot_be_one_is_a_usage_error(number, capsys):
    from bot.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["faq", "drafts", "--escalation", number])
    assert exited.value.code == 2 and "is not an escalation number" in capsys.readouterr().err


@pytest.mark.parametrize("link", [
    "<https://mosaic.example.org/person?id=1234567|her record>",  # a case system
    "<https://www.leeds.gov.uk/case?id=1234567|her record>",  # on a public host, but a record's id in its query
    "<https://www.facebook.com/jade.smith.2010|her profile>",
    "<http://www.gov.uk/guidance/x|the guidance>",  # not https
    "<https://mosaic.leeds.gov.uk/person/jade-smith-2010|her record>",  # a council's system, under gov.uk
    "<https://council.sharepoint.com/sites/cp/Jade%20Smith.docx|the plan>",
])
def test_a_link_that_is_no_public_document_keeps_only_its_label(link):
    from bot.slack.payloads import text_input

    view = {"state": {"values": {"answer": {"text": {"value": f"See {link}."}}}}}
    answer = text_input(view, "answer", "text", keep_link_urls=True)
    assert "://" not in answer and answer.startswith("See ")


# Lead review s9 #6, #7: a draft's nations are the reviewer's to choose, and its texts survive hand edits.

def test_a_drafts_nations_are_left_for_the_reviewer_and_lint_says_how_to_fill_them(service, tmp_path):
    proposed(service, "can the allotment society see tenancy notes", "No.")
    path, text, entry = only_draft(service, tmp_path)
    assert entry["nations"] == [] and "nations: []  # where the answer holds, from: england, wales" in text
    (nations,) = [p for p in lint(path.parent, dt.date(2026, 11, 30)) if p.field == "nations"]
    assert not nations.warning and "is empty: list the nations where the answer as written holds" in nations.message


@pytest.mark.parametrize("typed", ["We don't keep it.", "Note: the hub's own notice says so.", '"Quoted" #1 – ok'])
def test_text_typed_at_the_end_of_a_drafts_answer_or_question_keeps_the_file_readable(service, tmp_path, typed):
    proposed(service, "Family Hubs: can we share a family's details?",
             "It's the council you'd share with.\n\n- Agree a DSA\n- Tell families")
    path, text, entry = only_draft(service, tmp_path)
    assert "  question: |-\n" in text and "  answer: |-\n" in text
    assert entry["answer"] == "It's the council you'd share with.\n\n- Agree a DSA\n- Tell families"
    finished = text.replace("- Tell families\n", f"- Tell families\n    {typed}\n") \
                   .replace("details?\n", f"details? {typed}\n", 1)
    (edited,) = yaml.safe_load(finished)
    assert edited["answer"].endswith(f"- Tell families\n{typed}") and edited["question"].endswith(f"details? {typed}")
