"""A lease is freed only when its holder ran here, in this pid namespace, and is gone (bot.lease_owners)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from bot import lease_owners

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/ns/pid"), reason="needs /proc")


def holder_of_a_finished_process() -> str:
    run = subprocess.run([sys.executable, "-c", "from bot import lease_owners; print(lease_owners.owner('digest'))"],
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    return run.stdout.strip()


def test_a_live_holder_has_not_died():
    assert not lease_owners.has_died(lease_owners.owner("digest"))
    parent = os.getppid()
    assert not lease_owners.has_died(f"{socket.gethostname()}:{parent}:{lease_owners._namespace_and_start(parent)}:x")


def test_a_finished_process_here_has_died():
    holder = holder_of_a_finished_process()
    assert holder.startswith(f"{socket.gethostname()}:") and holder.endswith(":digest")
    assert lease_owners.has_died(holder)


def test_a_holder_in_another_pid_namespace_is_left_to_its_expiry():
    host, pid, identity, role = holder_of_a_finished_process().split(":")
    start = identity.split("-")[1]
    assert not lease_owners.has_died(f"{host}:{pid}:1-{start}:{role}")


def test_an_older_holder_name_or_another_host_is_left_to_its_expiry():
    host, pid, _, _ = holder_of_a_finished_process().split(":")
    assert not lease_owners.has_died(f"{host}:{pid}:digest")  # written before this scheme
    assert not lease_owners.has_died(f"another-host:{pid}:{lease_owners.this_process().split(':')[2]}:digest")


def test_a_pid_reused_by_another_process_counts_as_died():
    namespace = lease_owners.this_process().split(":")[2].split("-")[0]
    parent = os.getppid()  # alive, but it did not start at tick 1
    assert lease_owners.has_died(f"{socket.gethostname()}:{parent}:{namespace}-1:digest")
