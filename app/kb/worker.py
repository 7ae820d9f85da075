"""The background worker of the API: one thread that runs jobs one after another, in order.

One thread is enough and keeps memory in bounds: a job is mostly OCR, and tesseract already
takes a core a page. The API starts a ``Worker`` with the application and stops it on shutdown
(``app.main``); ``stop()`` cancels the jobs still queued and asks the running one to end at its
next page (``stopping`` is set; ``app.kb.jobs`` raises ``Interrupted`` on it), so a shutdown does
not wait for a long OCR run.

Each process names itself (``PROCESS``: host, process id and the time the process started), so
a job can say which process runs it, and a process starting later can tell whether that one is
gone (``gone``): the service's several workers share one database.

>>> worker = Worker()
>>> worker.submit(sum, [1, 2, 3]).result()
6
>>> worker.stop(); worker.stopping.is_set()
True
>>> gone(PROCESS), gone(f"{socket.gethostname()}:999999999:1"), gone("another-host:1:1")
(False, True, False)
"""

from __future__ import annotations

import os
import socket
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def _started(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, from /proc), None when there is none."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


#: this process: "host:pid:start"
PROCESS = f"{socket.gethostname()}:{os.getpid()}:{_started(os.getpid())}"


def gone(process: str) -> bool:
    """Whether ``process`` (a ``PROCESS`` of this host) has ended; a process of another host is
    never known to be gone."""
    host, _, rest = process.partition(":")
    pid, _, started = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    return _started(int(pid)) != started


class Worker:
    """One thread running the jobs submitted to it, in the order submitted."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="selaras-job")
        #: set by ``stop()``: a running job ends at its next step
        self.stopping = threading.Event()

    def submit(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Run ``function(*args, **kwargs)`` after the jobs submitted before it."""
        return self._executor.submit(function, *args, **kwargs)

    def stop(self) -> None:
        """Cancel the queued jobs, ask the running one to end, and wait until it has."""
        self.stopping.set()
        self._executor.shutdown(wait=True, cancel_futures=True)
