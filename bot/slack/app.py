"""``create_app``: the Bolt app with every listener module registered. Never built at import time
(building an App calls auth.test)."""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor

from slack_bolt import App

from bot.slack import advisors, asking, deciding, escalating, feedback, home
from bot.slack.deps import Deps
from bot.slack.robustness import (
    listener_error_handler,
    readable_text_only,
    skip_events_already_handled,
    writes_wait_within_ack,
)
from bot.slack.signature import verified_requests_only

# Each has ``register(app, deps)``, which adds its listeners as closures over ``deps``.
LISTENER_MODULES = (asking, feedback, escalating, advisors, deciding, home)


def create_app(deps: Deps, *, process_before_response: bool = True, socket_mode: bool = False,
               listener_executor: Executor | None = None) -> App:
    """The canishare Slack app, on ``deps.client``. HTTP mode needs ``settings.signing_secret``;
    Socket Mode (``socket_mode=True``) does not, since its requests are not signed.

    Listeners commit and return before Slack gets its acknowledgement (``process_before_response``):
    they never call the Web API. What must happen at once but is not owed (opening a modal on its
    short-lived trigger, publishing App Home) runs as a lazy listener on ``listener_executor``
    (Bolt's thread pool by default) after the acknowledgement."""
    settings, service = deps.settings, deps.service
    if not socket_mode and not settings.signing_secret:
        raise ValueError("HTTP mode needs SLACK_SIGNING_SECRET to verify Slack's requests")
    app = App(
        client=deps.client,
        signing_secret=settings.signing_secret or "",
        # Bolt's own check raises on a malformed timestamp and hands the unverified body to the error
        # handler; ours refuses instead, and runs before anything else looks at the request.
        request_verification_enabled=False,
        ssl_check_enabled=False,
        before_authorize=verified_requests_only(settings.signing_secret or "", service.first_time_request),
        process_before_response=process_before_response,
        name="canishare",
        **({"listener_executor": listener_executor} if listener_executor is not None else {}),
    )
    app.use(readable_text_only())
    app.use(skip_events_already_handled(service))
    app.use(writes_wait_within_ack(service))
    app.error(listener_error_handler(listener_executor or ThreadPoolExecutor(2, thread_name_prefix="error-notice")))
    for listeners in LISTENER_MODULES:
        listeners.register(app, deps)
    return app
