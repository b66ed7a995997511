"""Who holds a lease, written so that another process can tell whether the holder has died.

An owner is "host:pid:pidns-start:role": the host name, the process id, the process's pid namespace and
its start time (both read from /proc where there is one), then what the process is doing. A process may
free a lease only when the holder ran on the same host *and in the same pid namespace* (so that it
could see the holder's process at all) and that process is gone, or its pid now belongs to a process
that started at another time (the pid was reused). Two containers that share a host name but not a pid
namespace never free each other's leases: those wait for the lease to expire."""

from __future__ import annotations

import os
import socket
from functools import lru_cache


def _namespace_and_start(pid: int) -> str:
    """ "pidns-start" of a process (its pid namespace's inode and its start time in clock ticks), or ""
    where /proc cannot tell (another system, or the process is gone)."""
    try:
        namespace = os.readlink(f"/proc/{pid}/ns/pid")
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            start = stat.read().rpartition(")")[2].split()[19]
    except (OSError, IndexError):
        return ""
    return "".join(c for c in namespace if c.isdigit()) + "-" + start


@lru_cache(maxsize=1)
def this_process() -> str:
    """"host:pid:pidns-start" of this process."""
    return f"{socket.gethostname()}:{os.getpid()}:{_namespace_and_start(os.getpid())}"


def owner(role: str) -> str:
    return f"{this_process()}:{role}"


def has_died(holder: str) -> bool:
    """Whether the process that wrote ``holder`` ran here, where this process can see it, and is gone."""
    host, pid, identity = (holder.split(":") + ["", "", ""])[:3]
    _, _, ours = this_process().split(":")
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    if not identity or not ours or identity.partition("-")[0] != ours.partition("-")[0]:
        return False  # an older holder's name, no /proc, or another pid namespace: wait for the expiry
    now = _namespace_and_start(int(pid))
    return now != identity  # gone (""), or the pid reused by a process started at another time
