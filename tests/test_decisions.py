"""Decision records (issue 15 §1) below Slack: the form's checks, redaction of every free-text
field, storing once per submitted view with its DM owed in the same commit, the text to paste,
retention, and each person's nation (issue 15 §2)."""

import pytest
import sqlite_utils

from bot.decisions import DecisionForm, InvalidDecision, basis_choices, clean, problems, record_text
from bot.outbox import Kind
from bot.records import SharingDecision, Told
from bot.service import Service
from bot.store import SCHEMA_VERSION, Store
from bot.store.migrations import MIGRATIONS

IDENTIFIERS = {
    "shared_with": "Mrs Patel at children's social care",
    "what_shared": "her NHS number 943 476 5919 and the two injuries",
    "lawful_basis_other": "s47 enquiry, see jo.bloggs@example.org",
    "reasons": "Risk of harm; ring 07700 900123 for the strategy meeting",
    "not_told_why": "Telling Mr Jones would put the child at greater risk",
}
VALUES = ("Patel", "943 476 5919", "jo.bloggs@example.org", "07700 900123", "Jones")


class Clock:
    def __init__(self, now="2026-11-27T14:05:00+00:00"):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def service(tmp_path, faq, clock):
    return Service(Store(tmp_path / "db", clock=clock), faq)


def form(**changes) -> DecisionForm:
    fields = dict(decision=SharingDecision.SHARED_IN_PART, shared_with="children's social care",
                  what_shared="our concerns about attendance", lawful_basis="UK GDPR Art 6(1)(e) public task",
                  reasons="The child may be at risk of significant harm", person_told=Told.NO,
                  not_told_why="Telling them would increase the risk")
    return DecisionForm(**{**fields, **changes})


def owed(service, kind=Kind.DECISION_RECORD) -> list[dict]:
    return list(service.store.db["outbox"].rows_where("kind = ?", [kind.value], order_by="id"))


# the form ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("changes, field", [
    ({"decision": None}, "decision"),
    ({"decision": "maybe"}, "decision"),
    ({"shared_with": "  "}, "shared_with"),
    ({"what_shared": ""}, "what_shared"),
    ({"reasons": " \n"}, "reasons"),
    ({"person_told": Told.NO, "not_told_why": ""}, "not_told_why"),
    ({"lawful_basis": "other", "lawful_basis_other": ""}, "lawful_basis_other"),
])
def test_a_form_that_cannot_be_recorded_says_which_field_to_fix(changes, field):
    assert field in problems(form(**changes))
    with pytest.raises(InvalidDecision) as refused:
        clean(form(**changes))
    assert field in refused.value.problems


def test_a_decision_not_to_share_needs_no_recipient_and_not_told_yet_needs_no_reason():
    assert problems(form(decision=SharingDecision.NOT_SHARED, shared_with="", what_shared="")) == {}
    assert problems(form(person_told=Told.NOT_YET, not_told_why="")) == {}


def test_every_free_text_field_is_redacted_and_what_was_removed_is_named():
    cleaned, kinds = clean(form(lawful_basis="other", **IDENTIFIERS))
    for field in IDENTIFIERS:
        text = getattr(cleaned, field)
        assert "[" in text and not any(value in text for value in VALUES), (field, text)
    assert set(kinds) == {"name", "NHS number", "email", "phone"}


def test_the_lawful_basis_is_offered_from_the_entry_then_the_general_ones(faq):
    entry = faq.get("consent-always-required")
    assert basis_choices(entry) == entry.legal_basis
    assert any("public task" in basis for basis in basis_choices(None))


# storing -------------------------------------------------------------------------------------------


def test_a_record_is_stored_redacted_with_its_guidance_and_its_dm_owed_in_the_same_commit(service, faq):
    entry = faq.get("consent-always-required")
    record, created = service.record_decision("U1", form(**IDENTIFIERS), view_id="V1", question_id=None,
                                              faq_id=entry.id)
    assert created
    stored = service.store.db["decision_records"].get(record.id)
    assert not any(value in str(stored) for value in VALUES)
    assert stored["faq_question"] == entry.question and stored["faq_last_reviewed"] == entry.last_reviewed.isoformat()
    assert stored["user"] == "U1" and stored["decision"] == "shared_in_part"
    (item,) = owed(service)
    assert item["key"] == f"decision_record:{record.id}" and '"to": "U1"' in item["payload"]


def test_the_same_view_submitted_twice_is_stored_once_and_sent_once(service):
    first, created = service.record_decision("U1", form(), view_id="V9", faq_id="consent-always-required")
    again, created_again = service.record_decision("U1", form(reasons="changed my mind"), view_id="V9")
    assert created and not created_again and again.id == first.id and again.reasons == first.reasons
    assert service.store.db["decision_records"].count == 1 and len(owed(service)) == 1
    other, created_other = service.record_decision("U1", form(), view_id="V10")
    assert created_other and other.id != first.id


def test_the_record_text_has_the_date_the_guidance_with_its_review_date_and_each_field(service, faq):
    entry = faq.get("consent-always-required")
    record, _ = service.record_decision("U1", form(), view_id="V1", faq_id=entry.id, escalation_id=None)
    text = record_text(record)
    reviewed = f"{entry.last_reviewed.day} {entry.last_reviewed:%B %Y}"
    assert "Date and time: 27 November 2026, 14:05 (UK time)" in text
    assert f"Guidance followed: canishare FAQ entry “{entry.question}” ({entry.id}, last reviewed {reviewed})" in text
    for line in ("Decision: Shared in part", "Shared with: children's social care",
                 "What was shared: our concerns about attendance", "Lawful basis: UK GDPR Art 6(1)(e) public task",
                 "Reasons: The child may be at risk of significant harm", "Person told: No",
                 "Why not told: Telling them would increase the risk"):
        assert line in text


def test_summer_time_is_shown_as_uk_time(service, clock):
    clock.now = "2026-07-01T13:30:00+00:00"
    record, _ = service.record_decision("U1", form(), view_id="V1")
    assert "1 July 2026, 14:30 (UK time)" in record_text(record)


def escalated(service, asker="U1"):
    return service.ask("zorblat the quuxified flimflam gizmo", asker, escalate=True).escalation


def test_an_advisor_answer_is_named_as_the_guidance(service, faq):
    number = escalated(service).id
    record, _ = service.record_decision("U1", form(), view_id="V1", escalation_id=number)
    assert f"Guidance followed: an answer from a canishare advisor (escalation #{number})" in record_text(record)
    linked, _ = service.record_decision("U1", form(), view_id="V2", escalation_id=number,
                                        faq_id="consent-always-required")
    assert f"escalation #{number}), pointing to canishare FAQ entry" in record_text(linked)


def test_a_record_links_only_the_submitters_own_question_and_escalation(service):
    """Everyone in a shared thread sees "Record my decision" under the asker's answer; a record made by
    someone else from it keeps the FAQ entry, not the asker's case (security test s9 L3)."""
    escalation = escalated(service, asker="U1")
    record, _ = service.record_decision("U777", form(), view_id="V1", question_id=escalation.question_id,
                                        escalation_id=escalation.id, faq_id="consent-always-required")
    assert (record.question_id, record.escalation_id, record.faq_id) == (None, None, "consent-always-required")
    assert "escalation" not in record_text(record) and "canishare FAQ entry" in record_text(record)
    own, _ = service.record_decision("U1", form(), view_id="V2", question_id=escalation.question_id,
                                     escalation_id=escalation.id)
    assert (own.question_id, own.escalation_id) == (escalation.question_id, escalation.id)
    mixed, _ = service.record_decision("U1", form(), view_id="V3", question_id=escalated(service, "U2").question_id,
                                       escalation_id=escalation.id)
    assert (mixed.question_id, mixed.escalation_id) == (None, None)  # another's question with one's own escalation
    assert service.record_decision("U1", form(), view_id="V4", question_id=999)[0].question_id is None  # purged


def test_latest_ten_records_newest_first(service, clock):
    for n in range(12):
        clock.now = f"2026-11-{n + 1:02d}T09:00:00+00:00"
        service.record_decision("U1", form(reasons=f"reason {n}"), view_id=f"V{n}")
    service.record_decision("U2", form(), view_id="V-other")
    latest = service.decision_records("U1")
    assert [r.reasons for r in latest] == [f"reason {n}" for n in range(11, 1, -1)]


def test_purge_deletes_old_decision_records_and_forgotten_nation_choices(service, clock):
    clock.now = "2025-06-01T09:00:00+00:00"
    service.record_decision("U1", form(), view_id="V-old")
    service.set_nation("U1", "wales")
    service.set_nation("U2", "scotland")  # U2 keeps asking after the cutoff: the choice stays
    service.set_nation("U3", "england")  # U3 records a decision after the cutoff: the choice stays
    clock.now = "2026-11-20T09:00:00+00:00"
    service.ask("can I share with the police?", "U2")
    recent, _ = service.record_decision("U3", form(), view_id="V-new")
    counts = service.purge("2026-01-01T00:00:00+00:00")
    assert counts["decision_records"] == 1 and counts["people"] == 1
    assert [r.id for r in service.all_decision_records()] == [recent.id]
    assert service.nation_of("U1") is None and service.nation_of("U2") == "scotland"
    assert service.nation_of("U3") == "england"


def test_a_record_outlives_the_question_it_followed_without_the_link(service, clock):
    clock.now = "2025-06-01T09:00:00+00:00"
    question = service.ask("can I share with the police?", "U1").question
    clock.now = "2026-11-20T09:00:00+00:00"
    record, _ = service.record_decision("U1", form(), view_id="V1", question_id=question.id,
                                        faq_id="consent-always-required")
    service.purge("2026-01-01T00:00:00+00:00")
    kept = service.decision_record(record.id)
    assert kept.question_id is None and kept.faq_id == "consent-always-required"


# nations -------------------------------------------------------------------------------------------


def test_the_nation_is_the_persons_choice_else_the_workspaces(tmp_path, faq):
    service = Service(Store(tmp_path / "db"), faq, default_nation="scotland")
    assert service.nation_setting("U1") == ("scotland", True)
    service.set_nation("U1", "wales")
    assert service.nation_setting("U1") == ("wales", False)
    service.set_nation("U1", None)  # "every nation" is a choice too: it overrides the default
    assert service.nation_setting("U1") == (None, False)
    assert Service(Store(tmp_path / "db2"), faq).nation_setting("U1") == (None, False)
    with pytest.raises(ValueError):
        service.set_nation("U1", "cornwall")


def test_the_record_says_which_nation_the_guidance_was_shown_for(service):
    service.set_nation("U1", "northern-ireland")
    record, _ = service.record_decision("U1", form(), view_id="V1")
    assert record.nation == "northern-ireland" and "Guidance shown for: Northern Ireland" in record_text(record)


def test_a_version_6_database_gains_the_new_tables(tmp_path):
    path = tmp_path / "v6.db"
    db = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:6]:
        migration(db)
    db.execute("PRAGMA user_version = 6")
    db.conn.commit()
    db.conn.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert {"decision_records", "people"} <= set(store.db.table_names())


# the command line ----------------------------------------------------------------------------------


def test_export_decisions_writes_the_records_since_a_day_as_safe_csv(tmp_path, faq, monkeypatch, capsys):
    import csv
    import io

    from bot.cli import main

    monkeypatch.setenv("CANISHARE_DB", str(tmp_path / "db"))
    monkeypatch.chdir(tmp_path)
    clock = Clock("2020-11-02T09:00:00+00:00")
    service = Service(Store(tmp_path / "db", clock=clock), faq)
    service.record_decision("U1", form(reasons="=HYPERLINK(\"http://evil\")"), view_id="V1",
                            faq_id="consent-always-required")
    clock.now = "2020-11-20T09:00:00+00:00"
    service.record_decision("U2", form(decision=SharingDecision.NOT_SHARED), view_id="V2")

    assert main(["export", "--decisions"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["user"] for r in rows] == ["U1", "U2"]
    assert rows[0]["reasons"].startswith("'=") and rows[0]["faq_id"] == "consent-always-required"
    assert rows[0]["recorded_at"] == "2020-11-02T09:00:00+00:00" and rows[1]["decision"] == "not_shared"
    assert main(["export", "--decisions", "--since", "2020-11-10", "-o", str(tmp_path / "out.csv")]) == 0
    assert "1 record(s) written" in capsys.readouterr().err
    assert [r["user"] for r in csv.DictReader(open(tmp_path / "out.csv", encoding="utf-8"))] == ["U2"]

    assert main(["purge", "--older-than", "30d"]) == 0
    assert ", 2 decision record(s)," in capsys.readouterr().out


# the weekly digest ---------------------------------------------------------------------------------


def test_the_digest_counts_decisions_by_decision_and_topic_only_where_3_people_recorded(service, clock, faq):
    from bot.digest.as_json import digest_dict
    from bot.digest.markdown import render_markdown
    from bot.slack.blocks.digest import render_blocks

    clock.now = "2026-11-18T10:00:00+00:00"  # in 2026-W47
    popular, rare = "consent-always-required", faq.entries[0].id
    for n, user in enumerate(("U1", "U2", "U3", "U3")):
        service.record_decision(user, form(decision=SharingDecision.SHARED, reasons=f"secret reason {n}"),
                                view_id=f"V{n}", faq_id=popular)
    service.record_decision("U4", form(decision=SharingDecision.NOT_SHARED), view_id="V5", faq_id=popular)
    service.record_decision("U5", form(decision=SharingDecision.NOT_SHARED), view_id="V6", faq_id=rare)
    clock.now = "2026-11-25T10:00:00+00:00"  # the week after: not counted
    service.record_decision("U6", form(), view_id="V7", faq_id=popular)

    summary = service.digest("2026-W47").decisions
    assert (summary.records, summary.people) == (6, 5)
    assert [(d.decision, d.records, d.people) for d in summary.by_decision] == [("shared", 4, 3)]
    assert [(t.faq_id, t.records, t.people, t.shared) for t in summary.by_topic] == [(popular, 5, 4, 4)]

    digest = service.digest("2026-W47")
    markdown = render_markdown(digest)
    blocks = str(render_blocks(digest))
    as_json = str(digest_dict(digest))
    for rendered in (markdown, blocks):
        assert "6 decision record(s) from 5 people" in rendered and "By decision: shared 4." in rendered
        assert f"`{popular}`" in rendered and f"`{rare}`" not in rendered.split("Decision records")[1]
    for rendered in (markdown, blocks, as_json):
        assert "secret reason" not in rendered and "U1" not in rendered and "children's social care" not in rendered


@pytest.mark.parametrize("placeholder", ["TBC", "N/A", "none", "-", "?", "See source"])
def test_a_placeholder_legal_basis_is_never_offered_nor_pre_selected(faq, placeholder):
    """Curator review #9: 'Lawful basis: TBC' must not reach a practitioner's record by default."""
    from dataclasses import replace

    from bot.slack.blocks.modals import decision_modal

    entry = faq.get("consent-always-required")
    only_placeholder = replace(entry, legal_basis=(placeholder,))
    assert basis_choices(only_placeholder) == basis_choices(None)
    basis = next(b for b in decision_modal(only_placeholder, {})["blocks"] if b.get("block_id") == "lawful_basis")
    assert "initial_option" not in basis["element"]
    assert placeholder not in [o["text"]["text"] for o in basis["element"]["options"]]
    mixed = replace(entry, legal_basis=(placeholder, "UK GDPR Article 6(1)(e)"))
    assert basis_choices(mixed) == ("UK GDPR Article 6(1)(e)",)
    basis = next(b for b in decision_modal(mixed, {})["blocks"] if b.get("block_id") == "lawful_basis")
    assert basis["element"]["initial_option"]["text"]["text"] == "UK GDPR Article 6(1)(e)"


def test_a_decision_on_an_advisors_answer_records_the_nation_the_asker_gave_in_a_follow_up(service):
    from bot.records import Where

    question = service.ask("zorblat the quuxified flimflam gizmo", "U1", Where("mention", "C1", "1.1", "1.1")).question
    escalation, _ = service.escalate(question.id, "U1")
    service.add_follow_up(service.escalation(escalation.id), "we're a Welsh council", "U1", "C1", "1.2")
    on_answer, _ = service.record_decision("U1", form(), view_id="V1", question_id=question.id,
                                           escalation_id=escalation.id)
    assert on_answer.nation == "wales"
    by_someone_else, _ = service.record_decision("U2", form(), view_id="V2", question_id=question.id,
                                                 escalation_id=escalation.id)
    assert by_someone_else.nation is None  # another person's follow-ups place only the asker
