"""The Web API client the bot and the digest share: the bot token, ``SLACK_API_URL`` as the base URL
when set, and slack_sdk's retry handler for HTTP 429 (honouring Retry-After): a 429 means Slack did
nothing, so trying again is safe. A dropped connection is not retried here: the request may have
been acted on, and re-sending a post would show it twice. The outbox decides what to try again."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.config import Settings

RATE_LIMIT_RETRIES = 3


def build_web_client(settings: Settings) -> WebClient:
    kwargs = {"base_url": settings.api_url} if settings.api_url else {}
    return attach_retry_handlers(WebClient(token=settings.bot_token, **kwargs))


def attach_retry_handlers(client: WebClient) -> WebClient:
    present = {type(h) for h in client.retry_handlers}
    if RateLimitErrorRetryHandler not in present:
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    # slack_sdk attaches a connection-error retry handler by default; it would re-send posts Slack took
    client.retry_handlers[:] = [h for h in client.retry_handlers if not isinstance(h, ConnectionErrorRetryHandler)]
    return client
