"""The task runner: results, errors and progress come back on the GUI thread, and a
task that ends after its window was deleted is dropped, not delivered to dead widgets."""

from __future__ import annotations

import threading
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from workstation.ui.workers import Task, TaskRunner


def test_result_progress_and_error_reach_the_callbacks(qtbot: QtBot) -> None:
    runner = TaskRunner(QThreadPool())
    got: list[Any] = []

    def work(progress: Any, cancel: threading.Event) -> int:
        progress(1, 2, "half")
        return 42

    runner.start(Task("t", work), on_done=got.append,
                 on_progress=lambda d, t, x: got.append((d, t, x)))
    qtbot.waitUntil(lambda: 42 in got)
    assert got == [(1, 2, "half"), 42]
    assert runner.running == []

    def boom(progress: Any, cancel: threading.Event) -> None:
        raise ValueError("no")

    errors: list[str] = []
    runner.start(Task("bad", boom), on_error=lambda m, tb: errors.append(m))
    qtbot.waitUntil(lambda: bool(errors))
    assert "ValueError: no" in errors[0]
    assert runner.running == []
    runner.wait()


def test_a_task_ending_after_its_window_is_deleted_is_dropped(qtbot: QtBot) -> None:
    pool = QThreadPool()
    window = QObject()
    runner = TaskRunner(pool, parent=window)
    release = threading.Event()
    delivered: list[object] = []
    ended: list[object] = []
    runner.ended.connect(ended.append)

    def work(progress: Any, cancel: threading.Event) -> str:
        release.wait(10)
        progress(1, 1, "late")
        return "late"

    runner.start(Task("slow", work), on_done=delivered.append,
                 on_progress=lambda *a: delivered.append(a))
    window.deleteLater()
    qtbot.waitUntil(lambda: not _alive(runner))
    release.set()
    assert pool.waitForDone(10000)
    qtbot.wait(50)  # the finished signal's queued delivery would run here
    assert delivered == [] and ended == []


def _alive(obj: QObject) -> bool:
    return bool(shiboken6.isValid(obj))
