"""The background worker of the API: one thread that runs jobs one after another, in order.

One thread is enough and keeps memory in bounds: a job is mostly OCR, and tesseract already
takes a core a page. The API starts a ``Worker`` with the application and stops it on shutdown
(``app.main``); ``stop()`` cancels the jobs still queued and asks the running one to end at its
next page (``stopping`` is set; ``app.kb.jobs`` raises ``Interrupted`` on it), so a shutdown does
not wait for a long OCR run.

>>> worker = Worker()
>>> worker.submit(sum, [1, 2, 3]).result()
6
>>> worker.stop(); worker.stopping.is_set()
True
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, TypeVar

T = TypeVar("T")


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
