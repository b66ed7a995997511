"""A modal submission that could not be saved keeps its modal open: Slack closes a modal on an empty
acknowledgement, which would throw away what the person spent minutes writing. The error goes on the
modal's main input instead, and the person presses the button again."""

from __future__ import annotations

import logging
import sqlite3
from typing import Callable

from bot.failures import is_busy
from bot.log_safety import safe_traceback

log = logging.getLogger(__name__)

STORE_DOWN = ("Not saved: canishare's records cannot be written just now. Your text is still here: "
              "press the button again in a minute.")
STORE_BUSY = ("Not saved: canishare's records are busy with other work just now. Your text is still here: "
              "press the button again in a minute.")
FAILED = "Not saved: something went wrong. Your text is still here: press the button again in a minute."


def keep_open(ack: Callable, input_block: str, error: Exception, what: str) -> None:
    """Acknowledge a failed submission of ``what`` with the error on ``input_block`` (Slack keeps the
    modal open), and log the failure without anything typed."""
    log.error("%s could not be saved: %s\n%s", what, type(error).__name__,
              safe_traceback(error))  # never exc_info: the message may quote what someone typed
    why = STORE_BUSY if is_busy(error) else STORE_DOWN if isinstance(error, sqlite3.Error) else FAILED
    ack(response_action="errors", errors={input_block: why})
