"""Slack's errors in one line each: what Slack said and what to do about it."""

from __future__ import annotations

import socket
import urllib.error

from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

FIXES = {
    "not_in_channel": "invite the bot to the channel: type /invite @canishare in it",
    "channel_not_found": "check the channel id (CANISHARE_ADVISOR_CHANNEL or CANISHARE_DIGEST_CHANNEL)",
    "is_archived": "the channel is archived: unarchive it or choose another channel",
    "invalid_auth": "SLACK_BOT_TOKEN is not valid: copy the Bot User OAuth Token (xoxb-…) from the app's settings",
    "not_authed": "SLACK_BOT_TOKEN is missing from the request: set it",
    "token_revoked": "the bot token was revoked: reinstall the app and set the new SLACK_BOT_TOKEN",
    "account_inactive": "the app's token belongs to a deactivated account: reinstall the app",
    "missing_scope": "the app lacks a permission: update it from manifest.yml and reinstall",
    "ratelimited": "Slack is limiting requests: try again in a minute",
    "invalid_arguments": "Slack could not read the request: this is a bug; please report it",
    "not_allowed_token_type": ("a token of the wrong kind: SLACK_BOT_TOKEN takes the bot token (xoxb-…), "
                               "SLACK_APP_TOKEN the app-level token (xapp-…)"),
}
# Socket Mode's apps.connections.open is the one call made with SLACK_APP_TOKEN: its refusals are that token's.
APP_TOKEN_METHOD = "apps.connections.open"
APP_TOKEN_FIXES = {
    "invalid_auth": ("SLACK_APP_TOKEN is not valid: create an app-level token (xapp-…) with the connections:write "
                     "scope under Basic Information > App-Level Tokens, and set it"),
    "not_authed": "SLACK_APP_TOKEN is missing from the request: set it",
    "token_revoked": "the app-level token was revoked: create a new one (xapp-…) and set SLACK_APP_TOKEN",
    "missing_scope": "SLACK_APP_TOKEN lacks the connections:write scope: create an app-level token with it",
    "not_allowed_token_type": ("SLACK_APP_TOKEN must be an app-level token (xapp-…), not a bot token: create one "
                               "with connections:write under Basic Information > App-Level Tokens"),
}


def explain_slack(error: BaseException) -> str | None:
    """One line for a Slack failure (refused, unreachable, slow), or None when it is not one."""
    if isinstance(error, SlackApiError):
        code = error.response.get("error") if hasattr(error.response, "get") else None
        code = code or f"HTTP {error.response.status_code}"
        fixes = {**FIXES, **APP_TOKEN_FIXES} if _app_token_call(error) else FIXES
        return f"Slack refused the request ({code}): {fixes.get(code, 'see the README troubleshooting section')}"
    if isinstance(error, BoltError):
        text = str(error)
        code = next((c for c in FIXES if c in text), None)
        return f"Slack refused the bot's token at start-up ({code or text}): {FIXES.get(code, 'check SLACK_BOT_TOKEN')}"
    reason = unreachable_reason(error)
    if reason:
        return f"cannot reach Slack's Web API ({reason}): check the network, or SLACK_API_URL if it is set"
    return None


def _app_token_call(error: SlackApiError) -> bool:
    return str(getattr(error.response, "api_url", "") or "").rstrip("/").endswith(APP_TOKEN_METHOD)


def unreachable_reason(error: BaseException) -> str | None:
    if isinstance(error, urllib.error.URLError) and not isinstance(error, urllib.error.HTTPError):
        return str(error.reason)
    if isinstance(error, (socket.timeout, TimeoutError)):
        return "no answer in time"
    if isinstance(error, ConnectionError):
        return type(error).__name__
    return None
