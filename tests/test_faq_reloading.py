"""The running bot's FAQ is reloaded off the request path: the request that notices an edit goes on
with the last good FAQ at once, one reload runs in the background, and the request after it gets the
new FAQ (with its matcher already built)."""

import logging
import os
import threading
import time

import pytest

from bot import service_matching
from bot.faq import ReloadingFaq, reloading
from bot.service import Service
from bot.store import Store

from faq_factory import entry, write_faq

WAIT = 30  # seconds; far more than any reload here takes


class HeldReload:
    """``load_faq`` for the reload thread that loads the files, then waits until ``release()``: a
    slow reload the test can hold open. Counts how many reloads started."""

    def __init__(self, monkeypatch):
        self.real = reloading.load_faq
        self.loaded = threading.Event()
        self.gate = threading.Event()
        self.calls = 0
        monkeypatch.setattr(reloading, "load_faq", self)

    def __call__(self, directory, *args, **kwargs):
        self.calls += 1
        faq = self.real(directory, *args, **kwargs)
        self.loaded.set()
        assert self.gate.wait(WAIT)
        return faq

    def release(self):
        self.gate.set()


def edit(directory, ids, seconds_later=5):
    write_faq(directory, {"a.yaml": [entry(i) for i in ids]})
    later = time.time() + seconds_later
    os.utime(directory / "a.yaml", (later, later))


def ids(faq):
    return [e.id for e in faq]


@pytest.fixture
def directory(tmp_path):
    return write_faq(tmp_path / "faq", {"a.yaml": [entry("one")]})


def test_the_request_that_notices_an_edit_gets_the_last_good_faq_without_waiting(directory, monkeypatch):
    source = ReloadingFaq(directory)
    held = HeldReload(monkeypatch)
    edit(directory, ["one", "two"])

    started = time.perf_counter()
    assert ids(source.current()) == ["one"]
    assert time.perf_counter() - started < 1
    assert held.loaded.wait(WAIT)
    assert ids(source.current()) == ["one"] and ids(source.current()) == ["one"]  # still loading
    assert held.calls == 1  # never a second reload while one runs

    held.release()
    assert source.wait_for_reload(timeout=WAIT)
    assert ids(source.current()) == ["one", "two"] and held.calls == 1


def test_wait_for_reload_says_whether_the_reload_finished(directory, monkeypatch):
    source = ReloadingFaq(directory)
    assert source.wait_for_reload(timeout=0)  # nothing under way
    held = HeldReload(monkeypatch)
    edit(directory, ["one", "two"])
    source.current()
    assert held.loaded.wait(WAIT)
    assert source.wait_for_reload(timeout=0.05) is False
    held.release()
    assert source.wait_for_reload(timeout=WAIT)


def test_an_edit_made_during_a_reload_is_loaded_by_the_next_one(directory, monkeypatch):
    source = ReloadingFaq(directory)
    held = HeldReload(monkeypatch)
    edit(directory, ["one", "two"])
    source.current()
    assert held.loaded.wait(WAIT)
    edit(directory, ["one", "two", "three"], seconds_later=10)  # while the first reload is under way
    assert ids(source.current()) == ["one"] and held.calls == 1

    held.release()
    assert source.wait_for_reload(timeout=WAIT)
    assert ids(source.current()) == ["one", "two"]  # the first reload's FAQ; this call starts the next
    assert source.wait_for_reload(timeout=WAIT)
    assert ids(source.current()) == ["one", "two", "three"] and held.calls == 2


def test_a_broken_edit_keeps_the_last_good_faq_and_is_logged(directory, caplog):
    source = ReloadingFaq(directory)
    good = source.current()
    write_faq(directory, {"a.yaml": "- id: [broken\n"})
    os.utime(directory / "a.yaml", (1, 1))
    with caplog.at_level(logging.ERROR):
        assert source.current() is good
        assert source.wait_for_reload(timeout=WAIT)
    assert source.current() is good
    assert "invalid YAML" in source.last_problems[0].message
    assert any("still serving the last good FAQ" in r.getMessage() and "a.yaml" in r.getMessage()
               for r in caplog.records)

    edit(directory, ["one", "fixed"])  # the fix is picked up as any edit is
    source.current()
    assert source.wait_for_reload(timeout=WAIT)
    assert ids(source.current()) == ["one", "fixed"] and source.last_problems == []


def test_a_reload_that_fails_unexpectedly_keeps_the_last_good_faq_and_is_logged(directory, monkeypatch, caplog):
    source = ReloadingFaq(directory)
    source.retry_seconds = 0  # the pause before trying again

    def fails(*args, **kwargs):
        raise MemoryError("no room")

    real = reloading.load_faq
    monkeypatch.setattr(reloading, "load_faq", fails)
    edit(directory, ["one", "two"])
    with caplog.at_level(logging.ERROR):
        source.current()
        assert source.wait_for_reload(timeout=WAIT)
    assert ids(source.current()) == ["one"]
    assert any("FAQ reload failed" in r.getMessage() and r.exc_info for r in caplog.records)
    assert source.wait_for_reload(timeout=WAIT)  # the retry that request started, failing too
    monkeypatch.setattr(reloading, "load_faq", real)  # the fault passes: the next request tries again
    source.current()
    assert source.wait_for_reload(timeout=WAIT)
    assert ids(source.current()) == ["one", "two"]


def test_prepare_runs_in_the_reload_thread_before_the_new_faq_is_served(directory):
    seen = []
    source = ReloadingFaq(directory, prepare=lambda faq: seen.append(
        (threading.current_thread().name, ids(faq), ids(source.current()))))
    edit(directory, ["one", "two"])
    source.current()
    assert source.wait_for_reload(timeout=WAIT)
    assert seen == [("faq-reload", ["one", "two"], ["one"])]  # the old FAQ was still served meanwhile
    assert ids(source.current()) == ["one", "two"]


def test_a_failing_prepare_still_serves_the_valid_edit(directory, caplog):
    """Preparing ahead (the service's matcher) only saves time: a fault there must not lose the edit."""
    def fails(faq):
        raise ValueError("index")

    source = ReloadingFaq(directory, prepare=fails)
    edit(directory, ["one", "two"])
    with caplog.at_level(logging.ERROR):
        source.current()
        assert source.wait_for_reload(timeout=WAIT)
    assert ids(source.current()) == ["one", "two"]
    assert any("preparing for the reloaded FAQ failed" in r.getMessage() for r in caplog.records)


def test_the_question_after_a_reload_gets_the_matcher_built_in_the_background(tmp_path, directory, monkeypatch):
    service = Service(Store(tmp_path / "canishare.db"), ReloadingFaq(directory))
    service.matcher()
    built = []
    real = service_matching.Matcher

    def counting(faq, *args, **kwargs):
        built.append((threading.current_thread().name, ids(faq)))
        return real(faq, *args, **kwargs)

    monkeypatch.setattr(service_matching, "Matcher", counting)
    edit(directory, ["one", "two"])
    service.ask("Question about one", "U1")  # notices the edit: answered from the last good FAQ
    assert service.faq_source.wait_for_reload(timeout=WAIT)
    assert built == [("faq-reload", ["one", "two"])]

    service.ask("Question about two", "U1")
    assert built == [("faq-reload", ["one", "two"])]  # nothing built inside the request
    assert ids(service.matcher().faq) == ["one", "two"]
    service.store.close()


def test_after_an_unexpected_failure_the_reload_waits_before_trying_again(directory, monkeypatch):
    source = ReloadingFaq(directory)

    def fails(*args, **kwargs):
        raise MemoryError("no room")

    monkeypatch.setattr(reloading, "load_faq", fails)
    edit(directory, ["one", "two"])
    source.current()
    assert source.wait_for_reload(timeout=WAIT)
    failed = source._reload
    source.current()  # within the pause: no new reload, no thread per request
    assert source._reload is failed


def test_the_noticing_request_gets_the_last_good_faq_even_when_the_reload_finishes_at_once(directory, monkeypatch):
    """The reload thread may finish before ``current()`` returns (a small FAQ, a thread switch): the
    request that noticed the edit is still given the FAQ it found, as every other noticing request is."""
    source = ReloadingFaq(directory)
    monkeypatch.setattr(source, "_start_reload", lambda signature: (setattr(source, "_signature", signature),
                                                                    source._load()))
    edit(directory, ["one", "two"])
    assert ids(source.current()) == ["one"]
    assert ids(source.current()) == ["one", "two"]
