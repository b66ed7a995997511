"""The Web API client the bot and the digest share: the bot token, ``SLACK_API_URL`` as the base URL
when set, and slack_sdk's retry handler for HTTP 429 (honouring Retry-After): a 429 means Slack did
nothing, so trying again is safe. A dropped connection is not retried here: the request may have
been acted on, and re-sending a post would show it twice. The outbox decides what to try again."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.config import Settings
from bot.outbox import LONGEST_RATE_LIMIT_WAIT, RATE_LIMIT_RETRIES, SEND_TIMEOUT_SECONDS


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """slack_sdk's 429 handler, except that it does not wait longer than ``LONGEST_RATE_LIMIT_WAIT``: a
    longer Retry-After comes back as the 429, and the outbox tries again after it (not inside the send,
    where it would outlast the item's lease and let another process send it too)."""

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        retry_after = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), ["0"])
        try:
            return int(retry_after[0] if isinstance(retry_after, list) else retry_after) <= LONGEST_RATE_LIMIT_WAIT
        except (TypeError, ValueError):
            return True  # no usable Retry-After: slack_sdk waits about a second


def build_web_client(settings: Settings) -> WebClient:
    kwargs = {"base_url": settings.api_url} if settings.api_url else {}
    return attach_retry_handlers(WebClient(token=settings.bot_token, timeout=SEND_TIMEOUT_SECONDS, **kwargs))


def attach_retry_handlers(client: WebClient) -> WebClient:
    present = {type(h) for h in client.retry_handlers}
    if BoundedRateLimitRetryHandler not in present:
        client.retry_handlers[:] = [h for h in client.retry_handlers if not isinstance(h, RateLimitErrorRetryHandler)]
        client.retry_handlers.append(BoundedRateLimitRetryHandler(max_retry_count=RATE_LIMIT_RETRIES))
    # slack_sdk attaches a connection-error retry handler by default; it would re-send posts Slack took
    client.retry_handlers[:] = [h for h in client.retry_handlers if not isinstance(h, ConnectionErrorRetryHandler)]
    return client
