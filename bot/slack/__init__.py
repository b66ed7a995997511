"""The Slack layer: Bolt listeners, Block Kit builders and the server. The only code that imports
slack_bolt or slack_sdk."""

from bot.slack.app import create_app

__all__ = ["create_app"]
