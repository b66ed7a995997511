"""Shared fixtures. The Slack test harness itself lives in tests/slack_harness.py, and small FAQ
directories are built with tests/faq_factory.py."""

import pytest

from bot.faq import load_faq

import slack_harness


@pytest.fixture(scope="session")
def faq():
    """The bundled FAQ, loaded once for the whole run (loading lints it: about half a second).
    Entries are immutable, so the tests can share it."""
    return load_faq()


@pytest.fixture
def fake_slack():
    """A fresh recording fake of the Slack Web API, stopped after the test."""
    fake = slack_harness.FakeSlack()
    yield fake
    fake.stop()


@pytest.fixture
def signing_secret() -> str:
    return slack_harness.TEST_SIGNING_SECRET


@pytest.fixture
def audit_log():
    """Reads a store's audit rows (all, or one escalation's), oldest first: ``audit_log(store, id)``."""

    def read(store, escalation_id=None) -> list[dict]:
        where, args = ("escalation_id = ?", [escalation_id]) if escalation_id is not None else (None, None)
        return list(store.db["audit"].rows_where(where, args, order_by="id"))

    return read


@pytest.fixture
def web_client(fake_slack):
    """A real slack_sdk WebClient pointed at ``fake_slack``."""
    return slack_harness.web_client(fake_slack)


@pytest.fixture
def app(fake_slack, deps):
    """The Bolt app on a module's ``deps`` fixture, running lazy listeners inline (so a test can look
    at their calls at once), with the fake Slack's record of set-up calls cleared."""
    from bot.slack import create_app

    app = create_app(deps, listener_executor=slack_harness.InlineExecutor())
    fake_slack.reset()
    return app
