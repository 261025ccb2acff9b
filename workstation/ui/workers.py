"""Long work off the event loop: QThreadPool workers with progress, cancel and errors.

A :class:`Task` runs ``fn(progress, cancel)`` in the pool; ``progress(done, total,
text)`` may be called from the worker; ``cancel`` is a :class:`threading.Event`
the function polls. Results and errors come back on the GUI thread through
signals, so a failing worker is shown in the window instead of vanishing.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workstation.errors import WorkstationError
from workstation.i18n import render
from workstation.ui.texts import QT, tx

ProgressFn = Callable[[int, int, str], None]
TaskFn = Callable[[ProgressFn, threading.Event], Any]


class Cancelled(WorkstationError):
    """The user cancelled the task."""


class TaskSignals(QObject):
    progress = Signal(int, int, object)  # a session message (Said) stays one
    finished = Signal(object)
    failed = Signal(str, str)  # one-line message, traceback text


class Task(QRunnable):
    """One unit of background work."""

    def __init__(self, name: str, fn: TaskFn) -> None:
        super().__init__()
        self.name = name
        self.fn = fn
        self.cancel_event = threading.Event()
        self.signals = TaskSignals()
        self.setAutoDelete(False)
        self.done = False

    def cancel(self) -> None:
        self.cancel_event.set()

    def _progress(self, done: int, total: int, text: str) -> None:
        if self.cancel_event.is_set():
            raise Cancelled(tx("workers", "{task} cancelled").format(task=render(self.name, QT)))
        self.signals.progress.emit(done, total, text)

    def run(self) -> None:
        try:
            result = self.fn(self._progress, self.cancel_event)
        except Exception as exc:  # shown in the window, never lost
            self.done = True
            message = str(exc) if isinstance(exc, WorkstationError) else (
                f"{type(exc).__name__}: {exc}")
            self.signals.failed.emit(tx("workers", "{task} failed: {error}").format(
                task=render(self.name, QT), error=message), traceback.format_exc())
            return
        self.done = True
        self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks in a pool and keeps them alive until they end."""

    started = Signal(object)
    ended = Signal(object)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.running: list[Task] = []

    def start(self, task: Task, *, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[str, str], None] | None = None,
              on_progress: Callable[[int, int, str], None] | None = None) -> Task:
        self.running.append(task)
        relay = _Relay(self, task, on_done, on_error, on_progress)
        # bound to a child of the runner: when the window (and so the runner) is deleted
        # while the task still runs, Qt drops the connection and the end is not delivered
        # to widgets that no longer exist
        task.signals.finished.connect(relay.finish)
        task.signals.failed.connect(relay.fail)
        if on_progress is not None:
            task.signals.progress.connect(relay.progress)
        self.started.emit(task)
        self.pool.start(task)
        return task

    def forget(self, task: Task) -> None:
        """``task`` has ended: no longer running (``ended`` is emitted)."""
        if task in self.running:
            self.running.remove(task)
        self.ended.emit(task)

    def cancel_all(self) -> None:
        for t in list(self.running):
            t.cancel()

    def wait(self, timeout_ms: int = 30000) -> bool:
        return bool(self.pool.waitForDone(timeout_ms))


class _Relay(QObject):
    """Delivers one task's end and progress on the GUI thread, for as long as its runner
    lives (a child of the runner: deleted with it, and its connections with it)."""

    def __init__(self, runner: TaskRunner, task: Task,
                 on_done: Callable[[Any], None] | None,
                 on_error: Callable[[str, str], None] | None,
                 on_progress: Callable[[int, int, str], None] | None) -> None:
        super().__init__(runner)
        self.runner = runner
        self.task = task
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress

    def finish(self, result: object) -> None:
        self.runner.forget(self.task)
        self.deleteLater()
        if self.on_done is not None:
            self.on_done(result)

    def fail(self, message: str, tb: str) -> None:
        self.runner.forget(self.task)
        self.deleteLater()
        if self.on_error is not None:
            self.on_error(message, tb)

    def progress(self, done: int, total: int, text: str) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total, text)
