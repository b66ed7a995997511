"""Issue 15 end to end through the Bolt app: signed requests in, recorded Web API calls out (the fake
Slack of tests/slack_harness.py). "Record my decision" on every answer, its modal, a submission
with identifiers stored redacted and sent back by DM, App Home listing it, the CSV export, a second
submission of the same view stored once; and the nation chosen on App Home changing the next answer."""

import csv
import io
import json

import pytest

from bot.cli import main
from bot.config import Settings
from bot.decisions import BASIS_CHANGED, InvalidDecision
from bot.matching import ANSWER
from bot.nations import SHORT_NOTE
from bot.service import Service
from bot.slack.blocks import ids
from bot.slack.blocks.modals import basis_from_value, basis_value
from bot.slack.deciding import form_of
from bot.slack.deliverer import deliver_inline
from bot.slack.deps import assemble
from bot.store import Store

import slack_harness as h

ADVISOR_CHANNEL = "CADV"
ADVISOR, ASKER = "UADV1", "U123"
UNKNOWN_QUESTION = "zorblat the quuxified flimflam gizmo"
NHS_NUMBER = "943 476 5919"


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "canishare.db"


@pytest.fixture
def default_nation():
    return None


@pytest.fixture
def service(faq, db_path, default_nation):
    return Service(Store(db_path), faq, default_nation=default_nation)


@pytest.fixture
def deps(fake_slack, service):
    fake_slack.set_members(ADVISOR_CHANNEL, [ADVISOR])
    settings = Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET,
                        advisor_channel=ADVISOR_CHANNEL)
    deps = assemble(settings, service, client=h.web_client(fake_slack))
    deliver_inline(deps)
    return deps



def answered_entry(service, having=lambda entry: True):
    """An FAQ entry (meeting ``having``) whose own question the matcher answers with it."""
    for entry in service.faq.entries:
        if having(entry):
            match = service.matcher().match(entry.question)
            if match.decision == ANSWER and match.entry.id == entry.id:
                return entry
    pytest.fail("no FAQ entry fits")


@pytest.fixture
def entry(service):
    return answered_entry(service)


# helpers -----------------------------------------------------------------------------------------


def send(app, req):
    response = h.dispatch(app, req)
    assert response.status == 200, (response.status, response.body)
    return response


def slash(app, fake, text, user=ASKER, name="cmd"):
    send(app, h.command_request(text=text, user_id=user, response_url=fake.response_url(name)))
    return fake.last("response_url").body


def button_values(blocks, action_id) -> list[str]:
    return [e["value"] for b in blocks for e in b.get("elements", []) if e.get("action_id") == action_id]


def click_record(app, fake, value, user=ASKER):
    payload = h.block_action_payload(ids.RECORD_DECISION, value, user_id=user, trigger_id="trigger-record",
                                     response_url=fake.response_url("record"))
    payload["container"]["is_ephemeral"] = True
    send(app, h.action_request(payload))
    return fake.last("views.open").body


def radio(value):
    return {"type": "radio_buttons", "selected_option": {"value": value}}


def select(value):
    return {"type": "static_select", "selected_option": {"value": value}}


def decision_values(**typed) -> dict:
    fields = {
        "decision": radio("shared_in_part"),
        "shared_with": "children's social care",
        "what_shared": f"attendance concerns; NHS number {NHS_NUMBER}",
        "lawful_basis": select("b0"),
        "reasons": "Risk of significant harm to the child",
        "person_told": radio("no"),
        "not_told_why": "Telling the parent would increase the risk",
    }
    fields.update(typed)
    return {field: {ids.DECISION_INPUT: value} for field, value in fields.items() if value is not None}


def submit_decision(app, metadata, values, user=ASKER, view_id="VREC1"):
    payload = h.view_submission_payload(ids.DECISION_MODAL, values, metadata, user_id=user, view_id=view_id)
    return send(app, h.view_submission_request(payload))


def dms_to(fake, user=ASKER):
    return [c.body for c in fake.calls("chat.postMessage") if c.body.get("channel") == f"D{user}"]


# Record my decision ------------------------------------------------------------------------------


def test_every_faq_answer_carries_record_my_decision_and_it_opens_the_modal(app, fake_slack, service, entry):
    reply = slash(app, fake_slack, entry.question)
    question_id = service.recent_questions(ASKER)[0][0].id
    (value,) = button_values(reply["blocks"], ids.RECORD_DECISION)
    assert value == f"{question_id}|{entry.id}|"

    opened = click_record(app, fake_slack, value)
    view = opened["view"]
    assert opened["trigger_id"] == "trigger-record" and view["callback_id"] == ids.DECISION_MODAL
    assert view["title"]["text"] == "Record my decision"
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    assert [o["value"] for o in blocks["decision"]["element"]["options"]] == [
        "shared", "shared_in_part", "not_shared", "not_decided"]
    basis = blocks["lawful_basis"]["element"]
    assert basis["initial_option"]["value"] == basis_value(0, entry.legal_basis[0])  # pre-filled from the entry's
    assert basis["initial_option"]["text"]["text"].startswith(entry.legal_basis[0][:60])
    assert basis["options"][-1]["value"] == "other" and len(basis["options"]) == len(entry.legal_basis) + 1
    assert {"shared_with", "what_shared", "reasons", "person_told", "not_told_why", "lawful_basis_other"} <= set(blocks)
    assert entry.id in json.dumps(view) and json.loads(view["private_metadata"]) == {
        "question": question_id, "faq": entry.id, "escalation": None}


def test_a_shown_suggestion_carries_the_button_too(app, fake_slack, service, entry):
    payload = h.block_action_payload(ids.SHOW_ENTRY, f"1|{entry.id}", response_url=fake_slack.response_url("s"))
    payload["container"]["is_ephemeral"] = True
    send(app, h.action_request(payload))
    assert button_values(fake_slack.last("response_url").body["blocks"], ids.RECORD_DECISION) == [f"1|{entry.id}|"]


def test_a_submission_is_stored_redacted_dmed_listed_on_app_home_and_exported(
        app, fake_slack, service, entry, db_path, monkeypatch, capsys):
    reply = slash(app, fake_slack, entry.question)
    view = click_record(app, fake_slack, button_values(reply["blocks"], ids.RECORD_DECISION)[0])["view"]
    fake_slack.reset()

    response = submit_decision(app, view["private_metadata"], decision_values())
    assert response.body in ("", None) or json.loads(response.body or "{}").get("response_action") is None

    (record,) = service.decision_records(ASKER)
    assert NHS_NUMBER not in record.what_shared and "[NHS number]" in record.what_shared
    assert record.faq_id == entry.id and record.lawful_basis == entry.legal_basis[0]
    assert record.decision == "shared_in_part" and record.person_told == "no"

    (dm,) = dms_to(fake_slack)
    sent = json.dumps(dm, ensure_ascii=False)
    assert NHS_NUMBER not in sent and "[NHS number]" in sent
    reviewed = f"{entry.last_reviewed.day} {entry.last_reviewed:%B %Y}"
    for expected in ("Information sharing decision record", "Date and time:", f"({entry.id}, last reviewed {reviewed})",
                     "Decision: Shared in part", "Shared with: children's social care", "What was shared:",
                     "Lawful basis:", "Reasons: Risk of significant harm", "Person told: No",
                     "Why not told: Telling the parent", "canishare keeps only this redacted copy",
                     "I removed the NHS number"):
        assert expected in sent, expected
    assert fake_slack.last("conversations.open").body["users"] == ASKER

    send(app, h.event_request(h.app_home_opened_event(ASKER)))
    home = json.dumps(fake_slack.last("views.publish").body["view"], ensure_ascii=False)
    assert "My decision records" in home and "Shared in part" in home and "children's social care" in home
    assert f"record #{record.id}" in home and NHS_NUMBER not in home

    monkeypatch.setenv("CANISHARE_DB", str(db_path))
    monkeypatch.delenv("CANISHARE_NATION", raising=False)
    assert main(["export", "--decisions"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["record_id"] == str(record.id) and row["user"] == ASKER and row["faq_id"] == entry.id
    assert row["decision"] == "shared_in_part" and "[NHS number]" in row["what_shared"]
    assert row["faq_last_reviewed"] == entry.last_reviewed.isoformat()


def test_the_same_view_submitted_twice_is_stored_once_and_dmed_once(app, fake_slack, service, entry):
    metadata = json.dumps({"question": None, "faq": entry.id, "escalation": None})
    submit_decision(app, metadata, decision_values(), view_id="VTWICE")
    submit_decision(app, metadata, decision_values(reasons="typed again"), view_id="VTWICE")
    assert len(service.decision_records(ASKER)) == 1 and len(dms_to(fake_slack)) == 1
    submit_decision(app, metadata, decision_values(), view_id="VOTHER")
    assert len(service.decision_records(ASKER)) == 2


def test_a_submission_to_fix_shows_errors_on_its_inputs_and_stores_nothing(app, fake_slack, service, entry):
    metadata = json.dumps({"question": None, "faq": entry.id, "escalation": None})
    response = submit_decision(app, metadata, decision_values(shared_with=" ", not_told_why="",
                                                              lawful_basis=select("other")))
    errors = json.loads(response.body)
    assert errors["response_action"] == "errors"
    assert set(errors["errors"]) == {"shared_with", "not_told_why", "lawful_basis_other"}
    assert service.decision_records(ASKER) == [] and dms_to(fake_slack) == []


def test_the_relayed_advisor_answer_carries_the_button(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    question = service.recent_questions(ASKER)[0][0]
    escalation, _ = service.escalate(question.id, ASKER)
    fake_slack.reset()
    values = {ids.ANSWER_BLOCK: {ids.ANSWER_INPUT: "Yes: share the minimum with the school."}}
    send(app, h.view_submission_request(h.view_submission_payload(
        ids.ANSWER_MODAL, values, json.dumps({"escalation": escalation.id}), user_id=ADVISOR)))
    (relayed,) = dms_to(fake_slack)
    (value,) = button_values(relayed["blocks"], ids.RECORD_DECISION)
    assert value == f"{question.id}||{escalation.id}"

    view = click_record(app, fake_slack, value)["view"]
    assert f"the advisor's answer to escalation #{escalation.id}" in json.dumps(view)
    basis = next(b for b in view["blocks"] if b.get("block_id") == "lawful_basis")["element"]
    assert "initial_option" not in basis and any("public task" in o["text"]["text"] for o in basis["options"])
    fake_slack.reset()
    submit_decision(app, view["private_metadata"], decision_values(decision=radio("not_shared"), shared_with="",
                                                                   what_shared="", lawful_basis=None,
                                                                   person_told=radio("not_yet"), not_told_why=""))
    (record,) = service.decision_records(ASKER)
    assert record.escalation_id == escalation.id and record.decision == "not_shared"
    assert f"an answer from a canishare advisor (escalation #{escalation.id})" in json.dumps(dms_to(fake_slack))


# nations -----------------------------------------------------------------------------------------


def choose_nation_in_home(app, value, user=ASKER):
    payload = h.block_action_payload(ids.HOME_NATION, None, user_id=user)
    for key in ("channel", "message", "response_url"):
        payload.pop(key)
    payload["actions"][0].update({"type": "static_select", "selected_option": {"value": value}})
    payload["container"] = {"type": "view", "view_id": "VHOME"}
    payload["view"] = {"id": "VHOME", "type": "home", "private_metadata": "", "blocks": []}
    send(app, h.action_request(payload))


def test_the_nation_chosen_on_app_home_changes_the_next_answer(app, fake_slack, service):
    entry = answered_entry(service, lambda e: e.holds_in("scotland")  # a short note: shown first as it is
                           and len(e.nation_notes.get("scotland", "x" * SHORT_NOTE * 2)) <= SHORT_NOTE)
    note = entry.nation_notes["scotland"]

    first = slash(app, fake_slack, entry.question)
    text = json.dumps(first["blocks"], ensure_ascii=False)
    assert "Elsewhere in the UK" in text and "Pick your nation on my Home tab" in text

    send(app, h.event_request(h.app_home_opened_event(ASKER)))
    home = fake_slack.last("views.publish").body["view"]
    select_block = next(b for b in home["blocks"] if b.get("block_id") == "nation")
    assert select_block["accessory"]["action_id"] == ids.HOME_NATION
    assert [o["value"] for o in select_block["accessory"]["options"]] == [
        "england", "wales", "scotland", "northern-ireland", "all"]

    choose_nation_in_home(app, "scotland")
    assert service.nation_of(ASKER) == "scotland"
    republished = json.dumps(fake_slack.last("views.publish").body["view"])
    assert "*Your nation:* Scotland." in republished

    second = slash(app, fake_slack, entry.question)
    sections = [b["text"]["text"] for b in second["blocks"] if b["type"] == "section"]
    note_at = next(n for n, t in enumerate(sections) if note[:40] in t)
    answer_at = next(n for n, t in enumerate(sections) if entry.answer[:30] in t)
    assert note_at < answer_at and "*Scotland:*" in sections[note_at]
    assert "Elsewhere in the UK" not in json.dumps(second["blocks"])


def test_an_answer_that_does_not_hold_in_their_nation_says_so_plainly(app, fake_slack, service):
    entry = answered_entry(service, lambda e: "northern-ireland" not in e.nations)
    choose_nation_in_home(app, "northern-ireland")
    reply = slash(app, fake_slack, entry.question)
    sections = [b["text"]["text"] for b in reply["blocks"] if b["type"] == "section"]
    warning = next(t for t in sections if "does not hold in Northern Ireland" in t)
    assert warning.startswith(":warning:") and sections.index(warning) < next(
        n for n, t in enumerate(sections) if entry.answer[:30] in t)


def test_an_england_only_answer_says_so_to_someone_who_has_not_chosen(app, fake_slack, service):
    entry = answered_entry(service, lambda e: tuple(e.nations) == ("england",))
    reply = json.dumps(slash(app, fake_slack, entry.question)["blocks"], ensure_ascii=False)
    assert "Applies in England only; not in Wales, Scotland or Northern Ireland." in reply
    for nation, note in entry.nation_notes.items():
        assert note[:40].replace("&", "&amp;") in reply


@pytest.mark.parametrize("default_nation", ["wales"])
def test_the_workspace_default_applies_until_someone_chooses(app, fake_slack, service, default_nation):
    entry = answered_entry(service, lambda e: "wales" in e.nation_notes)
    reply = json.dumps(slash(app, fake_slack, entry.question)["blocks"], ensure_ascii=False)
    # a default is nobody's choice: its note comes first, and the other nations' notes still follow
    assert "*Wales:*" in reply and reply.index("*Wales:*") < reply.index("Elsewhere in the UK")
    send(app, h.event_request(h.app_home_opened_event(ASKER)))
    assert "Wales (this workspace's default)" in json.dumps(fake_slack.last("views.publish").body["view"])

    choose_nation_in_home(app, "wales")  # chosen: only that nation's note
    reply = json.dumps(slash(app, fake_slack, entry.question)["blocks"], ensure_ascii=False)
    assert "*Wales:*" in reply and "Elsewhere in the UK" not in reply

    choose_nation_in_home(app, "all")  # "every nation" overrides the default
    reply = json.dumps(slash(app, fake_slack, entry.question)["blocks"], ensure_ascii=False)
    assert "Elsewhere in the UK" in reply


def test_a_basis_is_read_back_by_its_text_not_its_place_when_the_faq_changed_while_the_form_was_open():
    """Read by its place alone, a record kept the basis that had moved into it (follow-up review s11)."""
    before = ("UK GDPR Article 6(1)(e)", "DPA 2018 Schedule 1 paragraph 18")
    chosen = basis_value(1, before[1])
    assert basis_from_value(chosen, before) == before[1]
    assert basis_from_value(chosen, ("DPA 2018 Schedule 1 paragraph 18", "UK GDPR Article 6(1)(e)")) == before[1]
    assert basis_from_value(chosen, ("UK GDPR Article 6(1)(e)", "DPA 2018 Schedule 1 paragraph 10")) is None
    assert basis_from_value("b1", before) == before[1]  # a form opened before values had keys


def test_a_decision_whose_basis_is_no_longer_offered_is_refused_on_its_field_with_what_to_do():
    with pytest.raises(InvalidDecision) as refused:
        form_of({"state": {"values": {"lawful_basis": {ids.DECISION_INPUT: select("b0:0000000000")}}}},
                ("UK GDPR Article 6(1)(e)",))
    assert refused.value.problems == {"lawful_basis": BASIS_CHANGED}
