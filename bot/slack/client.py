"""The Web API client the bot and the digest share: the bot token, ``SLACK_API_URL`` as the base URL
when set, and slack_sdk's retry handlers for HTTP 429 (honouring Retry-After) and dropped connections."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.config import Settings

RATE_LIMIT_RETRIES = 3
CONNECTION_RETRIES = 2


def build_web_client(settings: Settings) -> WebClient:
    kwargs = {"base_url": settings.api_url} if settings.api_url else {}
    return attach_retry_handlers(WebClient(token=settings.bot_token, **kwargs))


def attach_retry_handlers(client: WebClient) -> WebClient:
    present = {type(h) for h in client.retry_handlers}
    if RateLimitErrorRetryHandler not in present:
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    if ConnectionErrorRetryHandler not in present:
        client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES))
    return client
