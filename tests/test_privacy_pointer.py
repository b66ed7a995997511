"""Privacy information at the moment of asking (DPO review s8 #9): the first reply canishare gives a
person, by any route, says in one line what happens to what they type and where to read more; `serve`
warns while no published notice is configured, and the bundled notice App Home shows then says it is
a template the organisation has not filled in, with no "[FILL IN" gap shown as if it were finished."""

import dataclasses
import json
import logging

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_slack_asker_side import dm, shortcut, submit_home_question, to_asker
from test_slack_flows import ANSWERED_QUESTION, ASKER, URGENT_QUESTION, click_in_home, mention, slash

from bot.slack import serve
from bot.slack.blocks import ids
from bot.slack.blocks.asker_notices import privacy_pointer
from bot.slack.blocks.modals import privacy_notice_modal

POINTER = "About your data"


def ask_by(route: str, app, fake, text: str, ts: str) -> None:
    if route == "slash":
        slash(app, fake, text)
    elif route == "dm":
        dm(app, text, ts=ts)
    elif route == "mention":
        mention(app, text, ts=ts)
    elif route == "shortcut":
        shortcut(app, fake, text)
    else:
        submit_home_question(app, text, view_id=f"V{ts[-3:]}")


@pytest.mark.parametrize("route", ["slash", "dm", "mention", "shortcut", "home"])
def test_the_first_reply_on_any_route_carries_the_pointer_once(route, app, fake_slack, service):
    ask_by(route, app, fake_slack, ANSWERED_QUESTION, "1700000000.000101")
    first = json.dumps([c.body for c in to_asker(fake_slack)], ensure_ascii=False)
    assert first.count(POINTER) == 1, first
    assert "365 days" in first and "signals someone at risk now" in first and "Home" in first
    fake_slack.reset()
    ask_by(route, app, fake_slack, "How long do we have to report a personal data breach?", "1700000000.000202")
    later = json.dumps([c.body for c in to_asker(fake_slack)], ensure_ascii=False)
    assert to_asker(fake_slack) and POINTER not in later


def test_an_urgent_first_question_carries_it_too(app, fake_slack, service):
    slash(app, fake_slack, URGENT_QUESTION)
    assert POINTER in json.dumps([c.body for c in to_asker(fake_slack)])


def test_another_persons_questions_do_not_count(app, fake_slack, service):
    service.ask(ANSWERED_QUESTION, "UOTHER9")
    slash(app, fake_slack, ANSWERED_QUESTION)
    assert POINTER in json.dumps([c.body for c in to_asker(fake_slack)])


def test_the_pointer_links_the_published_notice_and_says_the_retention_period():
    (element,) = privacy_pointer("https://intranet.example.gov.uk/privacy", 90)["elements"]
    assert "<https://intranet.example.gov.uk/privacy|" in element["text"] and "90 days" in element["text"]
    assert "Home" not in element["text"]
    (element,) = privacy_pointer(None, 365)["elements"]
    assert "365 days" in element["text"] and "Home" in element["text"] and "redact" in element["text"]


def test_the_bundled_notice_says_it_is_an_unfilled_template(app, fake_slack):
    click_in_home(app, ids.HOME_PRIVACY, "notice", ASKER)
    view = fake_slack.last("views.open").body["view"]
    shown = json.dumps(view, ensure_ascii=False)
    assert "FILL IN" not in shown
    top = json.dumps(view["blocks"][:2], ensure_ascii=False)
    assert "template" in top and "not filled in" in top


def test_a_filled_in_notice_gets_no_template_warning():
    modal = privacy_notice_modal("# Our notice\n\nWe are the council, dpo@council.gov.uk.")
    assert "template" not in json.dumps(modal)


def test_serve_warns_while_no_privacy_notice_is_published(fake_slack, settings, service, monkeypatch, caplog):
    settings = dataclasses.replace(settings, api_url=fake_slack.base_url)
    monkeypatch.setattr(serve, "serve_http", lambda *args, **kwargs: None)
    caplog.set_level(logging.INFO)
    assert serve.run(settings, service, http=True, port=3999) == 0
    (warning,) = [r for r in caplog.records if "CANISHARE_PRIVACY_URL" in r.getMessage()]
    assert warning.levelno == logging.WARNING and "TEMPLATE" in warning.getMessage()
    assert "[FILL IN]" in warning.getMessage()
    caplog.clear()
    published = dataclasses.replace(settings, privacy_url="https://intranet.example.gov.uk/privacy")
    assert serve.run(published, service, http=True, port=3999) == 0
    assert not [r for r in caplog.records if "CANISHARE_PRIVACY_URL" in r.getMessage()]


def test_a_first_reply_slack_refused_for_good_leaves_the_next_one_to_tell_them(app, fake_slack, service):
    """Follow-up review s8 #4: the privacy line is owed until a reply carrying it reaches Slack, not merely
    until the person has asked once."""
    fake_slack.fail_next("chat.postMessage", times=1, error="channel_not_found")
    dm(app, ANSWERED_QUESTION, ts="1700000000.000101")
    (first,) = service.store.db.query("select state from outbox where kind = 'reply'")
    assert first["state"] == "gave_up"
    fake_slack.reset()
    dm(app, "How long do we have to report a personal data breach?", ts="1700000000.000202")
    assert POINTER in json.dumps([c.body for c in to_asker(fake_slack)], ensure_ascii=False)
    fake_slack.reset()
    dm(app, "Can I share with the police without consent?", ts="1700000000.000303")
    assert to_asker(fake_slack) and POINTER not in json.dumps([c.body for c in to_asker(fake_slack)])


def test_a_database_from_before_counts_its_answered_questions_as_told(tmp_path):
    """Migration 16: questions stored before were told by the old rule, unless their reply was given up."""
    import sqlite_utils

    from bot.store import Store
    from bot.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    for migrate in MIGRATIONS[:15]:
        migrate(old)
    old.execute("pragma user_version = 15")
    for qid, asker in ((1, "UTOLD"), (2, "UREFUSED")):
        old["questions"].insert({"id": qid, "text": "q", "asker": asker, "created_at": "2026-11-01T10:00:00Z"})
    old["outbox"].insert({"kind": "reply", "key": "reply:2", "question_id": 2, "state": "gave_up",
                          "payload": "{}", "due_at": "2026-11-01T10:00:00Z", "created_at": "2026-11-01T10:00:00Z",
                          "attempts": 1}, alter=True)
    old.close()
    store = Store(path)
    assert store.told_about_privacy("UTOLD") and not store.told_about_privacy("UREFUSED")
