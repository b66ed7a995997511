"""The FAQ as the running bot serves it: reloaded when its files change, off the request path.

Loading a large FAQ takes seconds (its checks grow with the square of its phrasings), and a Slack
request must be acknowledged within 3 s. So the request that notices an edit goes on with the last
good FAQ and starts one reload in a background thread; the first request after the reload has
finished gets the new FAQ. A broken edit keeps the last good FAQ and is logged.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Callable

from bot.faq.load import BUNDLED_FAQ_DIR, faq_files, load_faq
from bot.faq.model import Faq, FaqError, Problem

log = logging.getLogger(__name__)


class ReloadingFaq:
    """The current FAQ, reloaded in the background when its files change; a broken edit keeps the
    last good FAQ. ``prepare``, when set, is called in the reload's thread with a new FAQ before it
    is served (the service builds its matcher there, so that no request waits for that either)."""

    retry_seconds = 30  # after a reload failed for a reason other than the edit (a full disk, memory)

    def __init__(self, directory: str | Path = BUNDLED_FAQ_DIR, prepare: Callable[[Faq], None] | None = None):
        self.directory = Path(directory)
        self.prepare = prepare
        self._signature = self._current_signature()
        self._faq = load_faq(self.directory)  # at start: nothing to serve until it is loaded
        self.last_problems: list[Problem] = []
        self._starting = threading.Lock()
        self._reload: threading.Thread | None = None
        self._retry_at = 0.0  # time.monotonic() before which no reload starts

    def current(self) -> Faq:
        """The last good FAQ, at once. When the files have changed since the last load, a reload
        starts in the background (one at a time); a later call returns its FAQ once it is done."""
        faq = self._faq  # taken first: a quick reload must not change what the noticing request is given
        signature = self._current_signature()
        if signature != self._signature and time.monotonic() >= self._retry_at:
            self._start_reload(signature)
        return faq

    def wait_for_reload(self, timeout: float | None = None) -> bool:
        """Wait until the reload under way (if any) has finished; False if ``timeout`` seconds
        passed first. For tests and benchmarks, and for a caller that must see an edit now."""
        running = self._reload
        if running is not None:
            running.join(timeout)
            return not running.is_alive()
        return True

    def _current_signature(self) -> tuple:
        try:
            return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in faq_files(self.directory))
        except OSError:
            return ()

    def _start_reload(self, signature: tuple) -> None:
        with self._starting:
            if signature == self._signature:
                return  # another request started this edit's reload first
            if self._reload is not None and self._reload.is_alive():
                return  # an edit made meanwhile differs from its signature: seen after it ends
            self._signature = signature
            self._reload = threading.Thread(target=self._load, name="faq-reload", daemon=True)
            self._reload.start()

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            faq = load_faq(self.directory)
        except FaqError as error:
            self.last_problems = error.problems
            log.error("FAQ edit rejected, still serving the last good FAQ:\n%s", error)
            return
        except Exception:  # noqa: BLE001 - a thread's failure would otherwise go unseen
            # not the edit's fault (a full disk, memory): a request tries again after a pause
            self._signature, self._retry_at = (), time.monotonic() + self.retry_seconds
            log.exception("FAQ reload failed, still serving the last good FAQ; trying again in %d s",
                          self.retry_seconds)
            return
        if self.prepare is not None:
            try:
                self.prepare(faq)
            except Exception:  # noqa: BLE001 - preparing ahead only saves time: the valid edit is served anyway
                log.exception("preparing for the reloaded FAQ failed; it is served, and prepared at its first use")
        self._faq, self.last_problems = faq, []
        log.info("FAQ reloaded in the background in %.1f s: %d entries", time.perf_counter() - started, len(faq))
