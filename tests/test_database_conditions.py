"""SQLite's error messages are read in one place (``failures.database_condition``): the command line's
line, the store's "busy" and the Slack layer's warning agree (the house review, rv-house, finding 7)."""

import sqlite3

import pytest

from bot.failures import DatabaseCondition, database_condition, describe, explain, is_busy
from bot.slack.robustness import store_condition

CASES = [
    ("database is locked", DatabaseCondition.LOCKED),
    ("database table is locked", DatabaseCondition.LOCKED),
    ("database or disk is full", DatabaseCondition.DISK_FULL),
    ("attempt to write a readonly database", DatabaseCondition.READ_ONLY),
    ("unable to open database file", DatabaseCondition.CANNOT_OPEN),
    ("no such column: full_name", None),  # a bug, not a full disk
    ("table fullness has no column named x", None),
]


@pytest.mark.parametrize("message, condition", CASES)
def test_every_layer_reads_an_sqlite_error_the_same_way(message, condition):
    error = sqlite3.OperationalError(message)
    assert database_condition(error) is condition
    assert is_busy(error) == (condition is DatabaseCondition.LOCKED)
    assert (store_condition(error) is not None) == (condition in (DatabaseCondition.LOCKED, DatabaseCondition.DISK_FULL))
    assert (explain(error) is not None) == (condition is not None)


def test_the_domain_explains_slack_failures_only_through_the_hook_it_is_given():
    class SlackishError(Exception):
        pass

    SlackishError.__module__ = "slack_sdk.errors"
    error = SlackishError("invalid_auth")
    assert describe(error)[1] == 70  # no explainer: a bug
    assert describe(error, explain_slack=lambda e: "SLACK_BOT_TOKEN is not valid") == ("SLACK_BOT_TOKEN is not valid", 3)
