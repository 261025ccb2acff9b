"""Where the session's long work runs: a :class:`Runner` runs work off the home thread
(capture, examination, the case database, signing) and calls back on it.

The session objects never block their caller and never touch a thread themselves:
they hand ``work(progress, cancel)`` to the runner with ``done`` and ``failed``
callbacks, and the runner calls those back on the *home thread* (the thread that
owns the session: the window's event loop, or a test). Every event a session
object emits is therefore emitted on the home thread, and a Qt window can connect
its widgets to the events directly.

Two runners live here: :class:`QueueRunner` (work runs when :meth:`~QueueRunner.
run_pending` is called — deterministic, for tests and scripts) and
:class:`ThreadRunner` (work runs on worker threads, results are delivered on the home
thread by :meth:`~ThreadRunner.process_events`). The window's runner is
``workstation.ui.bridge.QtRunner`` (a ``QThreadPool`` and ``QTimer``s).
"""

from __future__ import annotations

import heapq
import itertools
import queue
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from workstation.errors import WorkstationError
from workstation.i18n import QT_TRANSLATE_NOOP, said

T = TypeVar("T")

ProgressFn = Callable[[int, int, str], None]
"""``progress(done, total, text)``; raises :class:`Cancelled` once the job is cancelled
(``total`` 0: no measure of how far)."""
Work = Callable[[ProgressFn, threading.Event], Any]
"""``work(progress, cancel)``: the long part, run off the home thread."""
Done = Callable[[Any], None]
"""Called on the home thread with the work's result."""
Failed = Callable[[str, str], None]
"""Called on the home thread with a one-line message and the traceback text."""


class Cancelled(WorkstationError):
    """The user cancelled the job."""


@dataclass(eq=False)
class Job:
    """One piece of work handed to a runner."""

    name: str
    cancel_event: threading.Event = field(default_factory=threading.Event)
    done: bool = False

    def cancel(self) -> None:
        """Ask the work to stop (it stops at its next ``progress`` call or poll)."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self.cancel_event.is_set()


class Timer(Protocol):
    """A call scheduled with :meth:`Runner.later`."""

    def cancel(self) -> None:
        """Do not call it (no effect once it ran)."""


class Runner(Protocol):
    """Runs work off the home thread and calls back on it (see the module docstring)."""

    def submit(self, name: str, work: Work, *, done: Done | None = None,
               failed: Failed | None = None,
               progress: ProgressFn | None = None) -> Job:
        """Run ``work``; ``done(result)`` or ``failed(message, details)`` follow on the
        home thread, and ``progress(done, total, text)`` as the work reports it."""

    def later(self, delay_ms: int, fn: Callable[[], None]) -> Timer:
        """Call ``fn`` on the home thread after ``delay_ms`` milliseconds."""

    def cancel_all(self) -> None:
        """Cancel every job still running."""


def failure_message(name: str, exc: BaseException) -> str:
    """The one-line message of a failed job: ``"<name> failed: <reason>"`` (the type
    name is added for errors that are not the program's own)."""
    message = str(exc) if isinstance(exc, WorkstationError) else f"{type(exc).__name__}: {exc}"
    first = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    return said(QT_TRANSLATE_NOOP("session", "{task} failed: {error}"), task=name, error=first)


def _run(job: Job, work: Work, progress: ProgressFn | None
         ) -> tuple[bool, Any, str, str]:
    """Run ``work`` for ``job``; ``(ok, result, message, details)``."""

    def report(done: int, total: int, text: str) -> None:
        if job.cancel_event.is_set():
            raise Cancelled(f"{job.name} cancelled")
        if progress is not None:
            progress(done, total, text)

    try:
        result = work(report, job.cancel_event)
    except Exception as exc:  # shown to the user, never lost
        return False, None, failure_message(job.name, exc), traceback.format_exc()
    return True, result, "", ""


@dataclass(eq=False)
class _Scheduled:
    due_ms: float
    fn: Callable[[], None]
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


class QueueRunner:
    """Work runs when :meth:`run_pending` is called, on the calling thread; timers run
    when the clock (:meth:`advance`) passes them. Deterministic: the session's tests
    drive it step by step, and a script drives it to the end."""

    def __init__(self) -> None:
        self._jobs: list[tuple[Job, Work, Done | None, Failed | None,
                               ProgressFn | None]] = []
        self._timers: list[tuple[float, int, _Scheduled]] = []
        self._seq = itertools.count()
        self.now_ms = 0.0
        self.running: list[Job] = []
        self.names: list[str] = []  # every job submitted, in order (for tests)

    def submit(self, name: str, work: Work, *, done: Done | None = None,
               failed: Failed | None = None, progress: ProgressFn | None = None) -> Job:
        job = Job(name)
        self._jobs.append((job, work, done, failed, progress))
        self.running.append(job)
        self.names.append(name)
        return job

    def later(self, delay_ms: int, fn: Callable[[], None]) -> Timer:
        item = _Scheduled(self.now_ms + max(0, delay_ms), fn)
        heapq.heappush(self._timers, (item.due_ms, next(self._seq), item))
        return item

    def cancel_all(self) -> None:
        for job in list(self.running):
            job.cancel()

    @property
    def idle(self) -> bool:
        """No job waits to run."""
        return not self._jobs

    def run_pending(self, *, limit: int = 1000) -> int:
        """Run the queued jobs (and the jobs their callbacks queue) in order; returns
        how many ran."""
        ran = 0
        while self._jobs and ran < limit:
            job, work, done, failed, progress = self._jobs.pop(0)
            ok, result, message, details = _run(job, work, progress)
            job.done = True
            if job in self.running:
                self.running.remove(job)
            ran += 1
            if ok:
                if done is not None:
                    done(result)
            elif failed is not None:
                failed(message, details)
        return ran

    def advance(self, ms: float) -> None:
        """Move the clock by ``ms``, running the timers that fall due and the work they
        queue."""
        target = self.now_ms + ms
        while self._timers and self._timers[0][0] <= target:
            due, _, item = heapq.heappop(self._timers)
            self.now_ms = max(self.now_ms, due)
            if not item.cancelled:
                item.fn()
            self.run_pending()
        self.now_ms = target
        self.run_pending()

    def settle(self, *, max_ms: float = 60_000.0) -> None:
        """Run everything: jobs, and timers up to ``max_ms`` ahead."""
        self.run_pending()
        while self._timers and self._timers[0][0] - self.now_ms <= max_ms:
            self.advance(self._timers[0][0] - self.now_ms)
        self.run_pending()


class ThreadRunner:
    """Work runs on worker threads; its callbacks are queued for the home thread, which
    delivers them in :meth:`process_events` (or :meth:`wait`)."""

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers,
                                        thread_name_prefix="workstation-job")
        self._inbox: queue.Queue[Callable[[], None]] = queue.Queue()
        self.running: list[Job] = []
        self._lock = threading.Lock()
        self.home = threading.current_thread()

    def submit(self, name: str, work: Work, *, done: Done | None = None,
               failed: Failed | None = None, progress: ProgressFn | None = None) -> Job:
        job = Job(name)
        with self._lock:
            self.running.append(job)

        def relay(d: int, t: int, text: str) -> None:
            if progress is not None:
                self._inbox.put(lambda: progress(d, t, text))

        def run() -> None:
            ok, result, message, details = _run(job, work, relay)

            def deliver() -> None:
                job.done = True
                with self._lock:
                    if job in self.running:
                        self.running.remove(job)
                if ok:
                    if done is not None:
                        done(result)
                elif failed is not None:
                    failed(message, details)

            self._inbox.put(deliver)

        self._pool.submit(run)
        return job

    def later(self, delay_ms: int, fn: Callable[[], None]) -> Timer:
        timer = threading.Timer(max(0, delay_ms) / 1000.0, lambda: self._inbox.put(fn))
        timer.daemon = True
        timer.start()
        return timer

    def cancel_all(self) -> None:
        with self._lock:
            jobs = list(self.running)
        for job in jobs:
            job.cancel()

    def process_events(self, timeout_s: float = 0.0) -> int:
        """Deliver the queued callbacks on the calling (home) thread; waits up to
        ``timeout_s`` for the first one. Returns how many ran."""
        n = 0
        try:
            fn = self._inbox.get(timeout=timeout_s) if timeout_s > 0 else self._inbox.get_nowait()
        except queue.Empty:
            return 0
        while True:
            fn()
            n += 1
            try:
                fn = self._inbox.get_nowait()
            except queue.Empty:
                return n

    def wait(self, until: Callable[[], bool], *, timeout_s: float = 60.0) -> bool:
        """Deliver callbacks until ``until()`` holds (``False`` on timeout)."""
        import time

        deadline = time.monotonic() + timeout_s
        while not until():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.process_events(timeout_s=min(0.05, remaining))
        return True

    def close(self) -> None:
        """Cancel what runs and stop the workers (after they finish)."""
        self.cancel_all()
        self._pool.shutdown(wait=True)
