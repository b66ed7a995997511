"""App Home's "Send me my data" is sent with no one to check it: it must leave out other people's data
(their ratings of the person's answers, counted; their Slack ids, shown as their role), for every table a
subject access copy holds and every column holding an id. ``canishare subject-access`` keeps everything
and says what the controller must check (DPO review s8 #4)."""

import json

import pytest

from bot.cli import main
from bot.outbox import Kind
from bot.own_copy import AN_ADVISOR, ANOTHER_PERSON, own_copy, rows_naming_others
from bot.records import Where
from bot.service import Service
from bot.store import Store
from bot.store.people import PERSON_COLUMNS

ASKER, RATER, ADVISOR, OTHER_ADVISOR, AUTHOR, HELPER = "UASK1", "URATE2", "UADV1", "UADV2", "UAUTH3", "UHELP4"
ADVISORS = {ADVISOR, OTHER_ADVISOR}
OTHERS = (RATER, ADVISOR, OTHER_ADVISOR, AUTHOR, HELPER)


@pytest.fixture
def service(tmp_path, faq, monkeypatch):
    monkeypatch.setenv("CANISHARE_DB", str(tmp_path / "people.db"))
    for name in ("SLACK_BOT_TOKEN", "CANISHARE_FAQ_DIR", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return Service(Store(tmp_path / "people.db"), faq)


def everyone_on_the_asker_s_questions(service) -> None:
    """Another person's id in every id column of every table a copy for ASKER holds: a colleague rates
    their answer, two advisors claim, answer (teaching a phrasing), reopen and close, someone else sends a
    question to the advisors and adds to it, and messages still owed name an advisor and a post's author."""
    asked = service.ask("zorblat question about allotments", ASKER, Where("dm", "D1"), escalate=True)
    escalation = asked.escalation.id
    service.claim(escalation, ADVISOR, ADVISORS)
    service.answer(escalation, ADVISOR, ADVISORS, "Share the minimum.")
    service.reopen(escalation, OTHER_ADVISOR, ADVISORS)
    service.answer(escalation, OTHER_ADVISOR, ADVISORS, "Share the minimum.",
                   faq_id=service.faq.entries[0].id)  # teaches a phrasing; owed to the asker, naming the advisor
    service.close(escalation, OTHER_ADVISOR, ADVISORS)
    answered = service.ask("Do I need consent to share with the police?", ASKER)
    service.feedback(answered.question.id, RATER, "not_helpful")
    service.feedback(answered.question.id, ASKER, "helpful")
    db = service.store.db
    db["follow_ups"].insert({"question_id": asked.question.id, "escalation_id": escalation, "asker": HELPER,
                             "text": "more detail", "created_at": "2026-11-30T09:00:00+00:00"})
    db["audit"].insert({"at": "2026-11-30T09:00:00+00:00", "actor": HELPER, "action": "escalate",
                        "escalation_id": escalation, "question_id": asked.question.id,
                        "detail": json.dumps({"for": ASKER, "by": HELPER})})
    service.store.owe(Kind.NOTICE, "privacy:test", question_id=answered.question.id,
                      payload={"to": ASKER, "about": "privacy", "post_by": AUTHOR})


def id_columns(report) -> set[tuple[str, str]]:
    """(table, column or payload key) where the full copy names someone other than its subject."""
    found = set()
    for table, rows in report["records"].items():
        for row in rows:
            found |= {(table, c) for c in PERSON_COLUMNS.get(table, ()) if row.get(c) not in (None, report["user"])}
            if table == "outbox":
                found |= {(table, k) for k, v in json.loads(row["payload"]).items() if v in OTHERS}
    return found


def test_the_full_copy_names_other_people_in_every_id_column(service):
    """The situation the next test needs: without it, leaving nobody out would prove nothing."""
    everyone_on_the_asker_s_questions(service)
    expected = {(t, c) for t, columns in PERSON_COLUMNS.items() for c in columns
                if c in service.store.db[t].columns_dict and (t, c) != ("questions", "asker")}
    assert id_columns(service.subject_access(ASKER)) >= expected | {("outbox", "advisor"), ("outbox", "post_by")}


@pytest.mark.parametrize("user", [ASKER, ADVISOR, OTHER_ADVISOR])
def test_the_own_copy_names_nobody_else_anywhere(service, user):
    everyone_on_the_asker_s_questions(service)
    copy = service.own_copy(user)
    text = json.dumps(copy, ensure_ascii=False)
    assert [other for other in OTHERS + (ASKER,) if other != user and other in text] == []


def test_other_peoples_ratings_are_counted_not_listed(service):
    everyone_on_the_asker_s_questions(service)
    copy = service.own_copy(ASKER)
    assert [(row["user"], row["rating"]) for row in copy["records"]["feedback"]] == [(ASKER, "helpful")]
    assert "1 rating(s) of your answers by other people are not included" in copy["about_other_people"]


def test_other_people_are_shown_by_their_role(service):
    everyone_on_the_asker_s_questions(service)
    records = service.own_copy(ASKER)["records"]
    (escalation,) = records["escalations"]
    assert (escalation["claimed_by"], escalation["answered_by"], escalation["closed_by"]) == (AN_ADVISOR,) * 3
    actors = {row["action"]: row["actor"] for row in records["audit"]}
    assert actors["claim"] == actors["close"] == AN_ADVISOR and ANOTHER_PERSON in actors.values()
    payloads = [json.loads(row["payload"]) for row in records["outbox"]]
    assert [p["advisor"] for p in payloads if "advisor" in p] == [AN_ADVISOR]
    assert {"post_by": ANOTHER_PERSON, "to": ASKER}.items() <= next(p for p in payloads if "post_by" in p).items()
    assert {row["asker"] for row in records["follow_ups"]} == {ANOTHER_PERSON}


def test_a_pseudonym_left_by_an_erasure_is_shown_by_its_role(service):
    everyone_on_the_asker_s_questions(service)
    service.erase(RATER)
    service.store.db.execute("update escalations set closed_by = 'erased-0123456789ab'")
    copy = service.own_copy(ASKER)
    assert "erased-" not in json.dumps(copy) and copy["records"]["escalations"][0]["closed_by"] == AN_ADVISOR


def test_nothing_is_left_out_for_someone_whose_records_name_nobody_else(service):
    service.ask("Do I need consent to share with the police?", ASKER)
    report = service.subject_access(ASKER)
    assert own_copy(report, PERSON_COLUMNS)["records"] == report["records"] and rows_naming_others(report, PERSON_COLUMNS) == 0
    assert "not included" not in own_copy(report, PERSON_COLUMNS)["about_other_people"]


def test_subject_access_keeps_everything_and_says_what_to_check(service, tmp_path, capsys):
    everyone_on_the_asker_s_questions(service)
    assert main(["subject-access", ASKER, "-o", str(tmp_path / "sar.json")]) == 0
    written = (tmp_path / "sar.json").read_text(encoding="utf-8")
    assert RATER in written and ADVISOR in written
    err = capsys.readouterr().err
    assert "CHECK BEFORE SENDING" in err and "hold other people's data" in err
    naming = service.rows_naming_others(service.subject_access(ASKER))
    assert f"{naming} record(s)" in err and naming >= 6
    service.store.db.execute("delete from outbox")
    assert main(["subject-access", "UNOBODY9"]) == 0
    assert "no record in it names another person" in capsys.readouterr().err
