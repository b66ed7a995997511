"""A person's rights over what canishare holds about them: access (subject-access) and erasure."""

import io
import json

import pytest

from bot.cli import main
from bot.records import Where
from bot.service import Service, StillQueued
from bot.store import Store
from bot.subject_rights import erase

ADVISORS = {"A1"}


@pytest.fixture
def env(tmp_path, monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "CANISHARE_FAQ_DIR", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CANISHARE_DB", str(tmp_path / "people.db"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def service(env, faq):
    return Service(Store(env / "people.db"), faq)


def history(service):
    """U1 asks twice (one answered by advisor A1 and taught to the FAQ), rates; U2 asks and rates U1's."""
    mine = service.ask("zorblat question about allotments", "U1", Where("dm", "D1"), escalate=True)
    service.claim(mine.escalation.id, "A1", ADVISORS)
    entry = service.faq.entries[0].id
    service.answer(mine.escalation.id, "A1", ADVISORS, "Share the minimum.", faq_id=entry)
    service.close(mine.escalation.id, "A1", ADVISORS)
    second = service.ask("Do I need consent to share with the police?", "U1")
    service.feedback(second.question.id, "U1", "helpful")
    theirs = service.ask("How long do we have to report a personal data breach?", "U2")
    service.feedback(theirs.question.id, "U1", "not_helpful")
    service.feedback(second.question.id, "U2", "helpful")
    return mine, second, theirs


def test_subject_access_writes_everything_held_about_one_person(env, service, capsys):
    mine, second, theirs = history(service)
    assert main(["subject-access", "U1", "-o", str(env / "u1.json")]) == 0
    report = json.loads((env / "u1.json").read_text(encoding="utf-8"))
    records = report["records"]
    assert report["user"] == "U1"
    assert {q["id"] for q in records["questions"]} == {mine.question.id, second.question.id}
    assert {(f["question_id"], f["user"]) for f in records["feedback"]} == {
        (second.question.id, "U1"), (theirs.question.id, "U1"), (second.question.id, "U2")}
    assert [e["id"] for e in records["escalations"]] == [mine.escalation.id]
    assert records["learned_phrasings"] and all(p["question_id"] == mine.question.id for p in records["learned_phrasings"])
    assert "written to" in capsys.readouterr().err


def test_an_advisors_access_request_includes_their_work(service, capsys):
    history(service)
    assert main(["subject-access", "A1"]) == 0
    records = json.loads(capsys.readouterr().out)["records"]
    assert records["escalations"] and {a["action"] for a in records["audit"]} >= {"claim", "answer", "close"}
    assert records["questions"] == []
    taught = records["learned_phrasings"]
    assert taught and all(p["text"] == "(withheld: another person's question)" for p in taught)  # U1's words


def test_someone_with_nothing_stored(service, capsys):
    assert main(["subject-access", "U404"]) == 0
    assert all(rows == [] for rows in json.loads(capsys.readouterr().out)["records"].values())
    assert main(["erase", "U404", "--yes"]) == 0
    assert "nothing is held" in capsys.readouterr().out


def test_erase_deletes_the_persons_records_and_pseudonymises_their_work(service, capsys):
    mine, second, theirs = history(service)
    assert main(["erase", "U1", "--yes"]) == 0
    said = capsys.readouterr().out
    assert "erased U1" in said and "post(s) in the advisor channel" not in said  # never posted: no Slack here
    assert [q.id for q in service.store.questions()] == [theirs.question.id]
    assert [(f["user"], f["question_id"]) for f in service.store.feedback()] == []  # U2's rating was of U1's question
    assert service.store.learned_phrasings() == {}
    left = service.subject_access("U1")["records"]
    assert all(rows == [] for rows in left.values())

    assert main(["erase", "A1", "--yes"]) == 0  # an advisor: their work stays, under a pseudonym
    actors = {row["actor"] for row in service.store.db["audit"].rows}
    assert "A1" not in actors and any(a.startswith("erased-") for a in actors)
    assert len({a for a in actors if a.startswith("erased-")}) == 2  # one pseudonym per person, the same on each row


def test_erase_is_refused_while_one_of_their_questions_is_queued(service, capsys):
    queued = service.ask("zorblat question about allotments", "U1", Where("dm", "D1"), escalate=True)
    assert main(["erase", "U1", "--yes"]) == 1
    err = capsys.readouterr().err
    assert f"escalation #{queued.escalation.id}" in err and "answer or close it first" in err
    assert len(service.store.questions()) == 1
    with pytest.raises(StillQueued):
        service.erase("U1")


def test_erase_asks_for_confirmation_and_cancels_without_it(service):
    history(service)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    done, line = erase(service, "U1", yes=False, stdin=Terminal("U2\n"))
    assert not done and "not confirmed" in line and len(service.store.questions()) == 3
    done, line = erase(service, "U1", yes=False, stdin=io.StringIO(""))
    assert not done and "--yes" in line
    done, _ = erase(service, "U1", yes=False, stdin=Terminal("U1\n"))
    assert done and len(service.store.questions()) == 1


def test_decision_records_and_the_nation_are_in_access_and_go_on_erasure(service, capsys):
    from bot.decisions import DecisionForm

    mine, _, _ = history(service)
    form = DecisionForm(decision="not_shared", reasons="No risk of harm", person_told="yes")
    own, _ = service.record_decision("U1", form, view_id="V1", question_id=mine.question.id)
    other, _ = service.record_decision("U2", form, view_id="V2", question_id=mine.question.id)
    service.set_nation("U1", "wales")
    records = service.subject_access("U1")["records"]
    assert [r["id"] for r in records["decision_records"]] == [own.id]  # not U2's, though it follows U1's question
    assert [p["nation"] for p in records["people"]] == ["wales"]

    service.erase("U1")
    assert service.decision_records("U1") == [] and service.nation_setting("U1") == (None, False)
    kept = service.decision_record(other.id)
    assert kept.user == "U2" and kept.question_id is None



@pytest.mark.parametrize("user", ["", "U", "u123", "everyone", "U123; drop table"])
def test_only_slack_user_ids_are_accepted(service, capsys, user):
    assert main(["subject-access", user]) == 2
    assert main(["erase", user, "--yes"]) == 2
    assert "not a Slack user id" in capsys.readouterr().err


def test_access_never_includes_messages_owed_to_someone_else(service):
    service.tell("U12", "for U12", {"response_url": "https://hooks.slack.com/x"})
    service.tell("U1", "for U1", {})
    owed = service.subject_access("U1")["records"]["outbox"]
    assert [json.loads(row["payload"])["to"] for row in owed] == ["U1"]


def test_erase_empties_the_escalations_post_in_the_advisor_channel(env, faq, fake_slack):
    """The advisor channel's post quotes the (redacted) question and the advisor's answer: erasing
    the asker empties it through the outbox; a post Slack no longer has is not retried."""
    from bot.config import Settings
    from bot.slack.deliverer import ERASED_CARD_TEXT, deliver_inline
    from bot.slack.deps import assemble

    import slack_harness as h

    service = Service(Store(env / "people.db"), faq)
    settings = Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET, advisor_channel="CADV")
    deliver_inline(assemble(settings, service, client=h.web_client(fake_slack)))
    mine, _, _ = history(service)
    posted = service.escalation(mine.escalation.id)
    assert posted.advisor_channel == "CADV" and posted.advisor_ts
    service.erase("U1")
    emptied = fake_slack.last("chat.update")
    assert (emptied.body["channel"], emptied.body["ts"]) == ("CADV", posted.advisor_ts)
    assert emptied.body["text"].endswith(ERASED_CARD_TEXT.split(":wastebasket: ")[1])
    assert "deleted from canishare's records" in emptied.body["text"]
    assert "allotments" not in json.dumps(emptied.body) and "Share the minimum" not in json.dumps(emptied.body)
    assert service.store.db["outbox"].count_where("state = 'pending'") == 0


def test_erase_says_what_it_cannot_reach_after_the_retention_purge(service, capsys):
    """Purge deletes where an escalation's card is, so a later erasure cannot empty it: erase says so, and where."""
    history(service)
    service.purge("2999-01-01T00:00:00+00:00")
    assert main(["erase", "U1", "--yes"]) == 0
    said = capsys.readouterr().out
    assert "already deleted by the retention purge" in said and "advisor channel" in said
    assert "Slack retention" in said
    assert main(["erase", "U404", "--yes"]) == 0  # nothing held now; their old cards may still be in Slack
    assert "already deleted by the retention purge" in capsys.readouterr().out


def test_faq_drafts_of_their_questions_are_in_access_and_named_on_erasure(env, service, capsys):
    mine = service.ask("zorblat question about allotments", "U1", Where("dm", "D1"), escalate=True)
    service.claim(mine.escalation.id, "A1", ADVISORS)
    service.answer(mine.escalation.id, "A1", ADVISORS, "Share the minimum.", propose_new=True)
    assert main(["faq", "drafts", "--out", str(env / "drafts")]) == 0
    written = str(next((env / "drafts").glob("*.yaml")))
    capsys.readouterr()

    drafts = service.subject_access("U1")["records"]["faq_drafts"]
    assert [(d["escalation_id"], d["question_id"], d["file"]) for d in drafts] == [
        (mine.escalation.id, mine.question.id, written)]
    assert drafts[0]["written_at"]
    assert service.subject_access("A1")["records"]["faq_drafts"] == []  # the advisor's answer is not their question

    assert main(["erase", "U1", "--yes"]) == 0
    said = capsys.readouterr().out
    assert "FAQ draft" in said and f"  {written}" in said.splitlines()


def test_erasing_an_advisor_says_which_cards_the_bot_will_update(env, faq, fake_slack):
    from bot.config import Settings
    from bot.slack.deps import assemble

    import slack_harness as h

    service = Service(Store(env / "people.db"), faq)
    settings = Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET, advisor_channel="CADV")
    assemble(settings, service, client=h.web_client(fake_slack))  # not delivering: the cards wait in the outbox
    history(service)
    service.store.db["escalations"].update(1, {"advisor_channel": "CADV", "advisor_ts": "1.5"})  # as if posted
    done, said = erase(service, "A1", yes=True)
    assert done and "it will update 1 card(s) in the advisor channel that name them as an advisor" in said
