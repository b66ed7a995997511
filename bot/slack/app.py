"""``create_app``: the Bolt app with every listener wired to the service. Never built at import time
(building an App calls auth.test)."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot.config import Settings
from bot.service import Service
from bot.slack.advisor_directory import AdvisorDirectory
from bot.slack.advisors import AdvisorActions
from bot.slack.asking import Asking
from bot.slack.client import attach_retry_handlers, build_web_client
from bot.slack.deps import Deps
from bot.slack.escalating import Escalating
from bot.slack.feedback import Feedback
from bot.slack.home import Home
from bot.slack.robustness import handle_listener_error, skip_events_already_handled
from bot.slack.signature import verified_requests_only

LISTENER_MODULES = (Asking, Feedback, Escalating, AdvisorActions, Home)


def create_app(
    settings: Settings,
    client: WebClient | None = None,
    service: Service | None = None,
    *,
    process_before_response: bool = True,
    socket_mode: bool = False,
    advisors: AdvisorDirectory | None = None,
) -> App:
    """The canishare Slack app.

    ``client`` defaults to a WebClient for ``settings.bot_token`` (base URL from ``settings.api_url``);
    retry handlers for 429s and connection errors are attached either way. ``service`` defaults to the
    one ``canishare`` builds from the settings. HTTP mode needs ``settings.signing_secret``; Socket
    Mode (``socket_mode=True``) does not, since its requests are not signed.
    """
    if not socket_mode and not settings.signing_secret:
        raise ValueError("HTTP mode needs SLACK_SIGNING_SECRET to verify Slack's requests")
    client = attach_retry_handlers(client or build_web_client(settings))
    service = service or Service.open(settings)
    app = App(
        client=client,
        signing_secret=settings.signing_secret or "",
        # Bolt's own check raises on a malformed timestamp and hands the unverified body to the error
        # handler; ours refuses instead, and runs before anything else looks at the request.
        request_verification_enabled=False,
        ssl_check_enabled=False,
        before_authorize=verified_requests_only(settings.signing_secret or "", service.first_time_request),
        process_before_response=process_before_response,
        name="canishare",
    )
    deps = Deps(service, settings, advisors or AdvisorDirectory(client, settings.advisor_channel))
    app.use(skip_events_already_handled(service))
    app.error(handle_listener_error)
    for listeners in LISTENER_MODULES:
        listeners(deps).register(app)
    app.deps = deps  # for the queue keeper and tests
    return app
