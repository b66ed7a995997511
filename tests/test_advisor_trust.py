"""Whom canishare trusts as advisors: the members of a private advisor channel, read recently.

A public channel (anyone in the workspace can join it) or one shared with another organisation is
refused unless the operator allows it; a list that cannot be read again for 15 minutes is dropped."""

import logging
import threading

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_flows import ADVISOR, ADVISOR_CHANNEL, OTHER_ADVISOR, click, escalate_a_mention, texts_of
from test_slack_serve import request

from bot.config import Settings
from bot.records import CLAIMED, OPEN
from bot.slack import serve
from bot.slack.advisor_directory import MAX_AGE_SECONDS, AdvisorDirectory
from bot.slack.blocks import ids

import slack_harness as h

SETTING = "CANISHARE_ALLOW_PUBLIC_ADVISOR_CHANNEL"


def directory(fake_slack, clock=None, **kwargs) -> AdvisorDirectory:
    fake_slack.set_members(ADVISOR_CHANNEL, [ADVISOR, OTHER_ADVISOR])
    return AdvisorDirectory(h.web_client(fake_slack), ADVISOR_CHANNEL, clock=clock or (lambda: 0.0), **kwargs)


def told(fake_slack) -> str:
    return " ".join(texts_of(c) for c in fake_slack.calls() if c.method in ("chat.postEphemeral", "response_url"))


# H1: a channel anyone can join is not an authorisation list ---------------------------------------

@pytest.mark.parametrize("info, why", [({"is_private": False}, "public"),
                                       ({"is_ext_shared": True}, "another organisation"),
                                       ({"is_pending_ext_shared": True}, "another organisation")])
def test_members_of_a_channel_anyone_can_join_are_not_advisors(fake_slack, caplog, info, why):
    fake_slack.set_channel_info(ADVISOR_CHANNEL, **info)
    advisors = directory(fake_slack)
    with caplog.at_level(logging.ERROR, logger="bot.slack.advisor_directory"):
        assert not advisors.is_advisor(ADVISOR) and advisors.members() == frozenset()
    (error,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert why in error.getMessage() and SETTING in error.getMessage() and "private" in error.getMessage()
    (problem,) = advisors.problems()
    assert why in problem
    assert not fake_slack.calls("conversations.members")  # its membership is not even read


def test_the_operator_can_allow_a_public_channel_and_is_warned(fake_slack, caplog):
    fake_slack.set_channel_info(ADVISOR_CHANNEL, is_private=False)
    with caplog.at_level(logging.WARNING, logger="bot.slack.advisor_directory"):
        advisors = directory(fake_slack, allow_open_channel=True)
        assert advisors.is_advisor(ADVISOR) and advisors.problems() == []
    assert [r.levelno for r in caplog.records] == [logging.WARNING] and SETTING in caplog.records[0].getMessage()


def test_a_private_channel_is_trusted_again_once_it_is_made_private(fake_slack):
    clock = [0.0]
    fake_slack.set_channel_info(ADVISOR_CHANNEL, is_private=False)
    advisors = directory(fake_slack, clock=lambda: clock[0])
    assert not advisors.is_advisor(ADVISOR)
    fake_slack.set_channel_info(ADVISOR_CHANNEL, is_private=True)
    clock[0] = 61  # the next refresh
    assert advisors.is_advisor(ADVISOR) and advisors.problems() == []


def test_an_advisor_of_a_public_channel_is_told_why_they_are_refused(app, deps, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.set_channel_info(ADVISOR_CHANNEL, is_private=False)
    deps.advisors.ttl = 0  # read again now, as the queue keeper would within a minute
    deps.advisors.refresh()
    fake_slack.reset()
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert service.escalation(escalation.id).state == OPEN
    assert "is public" in told(fake_slack) and "whoever runs canishare" in told(fake_slack)


def test_healthz_fails_while_the_advisor_channel_is_public(fake_slack, service):
    fake_slack.set_channel_info(ADVISOR_CHANNEL, is_private=False)
    settings = Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET,
                        advisor_channel=ADVISOR_CHANNEL)
    deps = serve.assemble(settings, service, client=h.web_client(fake_slack))
    deps.advisors.refresh()
    server = serve.make_http_server(serve.create_app(deps), "127.0.0.1", 0, h.TEST_SIGNING_SECRET,
                                    serve.bot_health(deps))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        status, body = request(server.server_address[1], "GET", "/healthz")
    finally:
        server.shutdown()
        server.server_close()
    assert status == 503 and "nobody can work the advisor queue" in body


def test_the_setting_is_read_and_a_bad_value_is_named():
    assert Settings.from_env({}, dotenv="/nonexistent").allow_open_advisor_channel is False
    assert Settings.from_env({SETTING: "1"}, dotenv="/nonexistent").allow_open_advisor_channel is True
    bad = Settings.from_env({SETTING: "maybe"}, dotenv="/nonexistent")
    assert bad.allow_open_advisor_channel is False and SETTING in dict(bad.problems)["allow_open_advisor_channel"]


# L1: a list that cannot be read again is not trusted for ever --------------------------------------

def test_a_list_that_cannot_be_read_again_is_dropped_after_its_maximum_age(fake_slack):
    clock = [0.0]
    advisors = directory(fake_slack, clock=lambda: clock[0])
    assert advisors.is_advisor(OTHER_ADVISOR)
    fake_slack.set_members(ADVISOR_CHANNEL, [ADVISOR])  # removed from the channel, and then the reads fail
    fake_slack.fail_next("conversations.info", times=10_000, error="channel_not_found")
    clock[0] = MAX_AGE_SECONDS - 1
    assert advisors.is_advisor(OTHER_ADVISOR) and advisors.problems() == []  # the last list, still young
    clock[0] = MAX_AGE_SECONDS + 60
    assert not advisors.is_advisor(OTHER_ADVISOR) and not advisors.is_advisor(ADVISOR)  # nobody: fail closed
    (problem,) = advisors.problems()
    assert "not been able to read" in problem and "16 minutes" in problem
    fake_slack.reset()  # Slack answers again
    assert advisors.is_advisor(ADVISOR) and not advisors.is_advisor(OTHER_ADVISOR) and advisors.problems() == []


def test_nobody_is_an_advisor_when_the_channel_was_never_read_and_healthz_says_so(fake_slack):
    fake_slack.fail_next("conversations.info", times=10_000, error="missing_scope")
    advisors = directory(fake_slack)
    assert advisors.members() == frozenset()
    (problem,) = advisors.problems()
    assert "since canishare started" in problem


def test_an_advisor_refused_because_the_list_is_too_old_is_told_why(app, deps, fake_slack, service):
    now = [0.0]
    deps.advisors.clock = lambda: now[0]  # before anything reads the channel (delivering the reply does)
    escalation = escalate_a_mention(app, fake_slack, service)
    deps.advisors.ttl = 0
    deps.advisors.refresh()  # read at 0 on this clock
    fake_slack.fail_next("conversations.info", times=10_000, error="channel_not_found")
    now[0] = MAX_AGE_SECONDS + 1
    deps.advisors.refresh()  # fails: the list stays as it was, too old to use
    fake_slack.reset()
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert service.escalation(escalation.id).state == OPEN
    assert "not been able to read the advisor channel" in told(fake_slack)
    fake_slack.reset()
    deps.advisors.refresh()  # Slack answers again
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert service.escalation(escalation.id).state == CLAIMED
