"""The bridge between the Qt-free session layer and Qt: a runner on Qt's thread pool,
and session events delivered to widgets for as long as the widget lives.

:class:`QtRunner` implements :class:`workstation.session.jobs.Runner` with the
window's :class:`~workstation.ui.workers.TaskRunner` (``QThreadPool``): the work runs
on a pool thread and its ``done``/``failed``/``progress`` callbacks arrive on the GUI
thread through queued Qt signals, so every session event is emitted on the GUI
thread and widgets may connect to it directly (:func:`listen`). ``later`` is a
single-shot ``QTimer``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from psygnal import SignalInstance
from PySide6.QtCore import QObject, QTimer

from workstation.session.jobs import Done, Failed, Job, ProgressFn, Work
from workstation.ui.workers import Task, TaskRunner


class _QtTimer:
    """A pending :meth:`QtRunner.later` call."""

    def __init__(self, timer: QTimer) -> None:
        self._timer = timer

    def cancel(self) -> None:
        with contextlib.suppress(RuntimeError):  # deleted with its parent already
            self._timer.stop()


class QtRunner(QObject):
    """The session's runner in the window (see the module docstring)."""

    def __init__(self, tasks: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks or TaskRunner(parent=self)
        self._jobs: dict[int, tuple[Job, Task]] = {}

    @property
    def running(self) -> list[Task]:
        """The tasks still running (the status bar's progress shows while any does)."""
        return self.tasks.running

    def submit(self, name: str, work: Work, *, done: Done | None = None,
               failed: Failed | None = None, progress: ProgressFn | None = None) -> Job:
        task = Task(name, work)
        job = Job(name, cancel_event=task.cancel_event)
        self._jobs[id(job)] = (job, task)

        def finished(result: object) -> None:
            job.done = True
            self._jobs.pop(id(job), None)
            if done is not None:
                done(result)

        def error(message: str, details: str) -> None:
            job.done = True
            self._jobs.pop(id(job), None)
            if failed is not None:
                failed(message, details)

        self.tasks.start(task, on_done=finished, on_error=error, on_progress=progress)
        return job

    def later(self, delay_ms: int, fn: Callable[[], None]) -> _QtTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(fn)
        timer.timeout.connect(timer.deleteLater)
        timer.start(max(0, delay_ms))
        return _QtTimer(timer)

    def cancel_all(self) -> None:
        self.tasks.cancel_all()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Wait for the pool's threads (at close)."""
        return self.tasks.wait(timeout_ms)


def listen(signal: SignalInstance, slot: Callable[..., Any], owner: QObject) -> None:
    """Connect ``slot`` to a session event until ``owner`` is destroyed (a widget that
    is gone is never called)."""
    signal.connect(slot, check_nargs=False)  # Qt's own methods have no Python signature
    alive = threading.Event()
    alive.set()

    def gone(*_args: object) -> None:
        alive.clear()
        with contextlib.suppress(Exception):
            signal.disconnect(slot)

    owner.destroyed.connect(gone)
