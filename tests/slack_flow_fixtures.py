"""The fixtures of tests/test_slack_flows.py (the app's service, settings and deps; no retry sleeps;
an entry the matcher answers), for the other modules that drive the Bolt app: ``from
slack_flow_fixtures import *``."""

from test_slack_flows import deps, entry, no_retry_sleeps, service, settings

__all__ = ["deps", "entry", "no_retry_sleeps", "service", "settings"]
