"""Opening a modal on a click's or a command's trigger, which Slack honours for three seconds only:
no retry after a rate limit (the trigger would have expired), and a modal that did not open is told
to the person privately, through the outbox, so that a click never just does nothing."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.slack.deps import Deps
from bot.slack.payloads import private_route, user_of

log = logging.getLogger(__name__)

NOT_OPENED = ("That did not open: Slack was too slow or busy ({why}). Please click again "
              "(or type the command again) in a moment.")


def open_modal(deps: Deps, body: dict, view: dict) -> bool:
    """Open ``view`` on ``body``'s trigger; True when it opened. When it did not, the person is told."""
    try:
        without_retries(deps.client).views_open(trigger_id=body["trigger_id"], view=view)
        return True
    except (SlackClientError, OSError) as error:
        why = error.response.get("error") if isinstance(error, SlackApiError) else type(error).__name__
        log.warning("a modal did not open (%s); telling the person", why)
        if user_of(body):
            deps.service.tell(user_of(body), NOT_OPENED.format(why=why), private_route(body))
        return False


def without_retries(client: WebClient) -> WebClient:
    """The same client with no retry handlers: after a 429's Retry-After, a trigger has expired."""
    return WebClient(token=client.token, base_url=client.base_url, timeout=client.timeout, ssl=client.ssl,
                     proxy=client.proxy, headers=client.headers, retry_handlers=[], logger=client.logger)
