"""The panels' views for ``main.py --screenshot out.png --view NAME``: the chip read and
compared, the back with its barcodes, the barcode panel, an alert's banner, the case
list, the review queue and the trends. Each drives the window through its session
objects as a person would, waiting for the workers."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workstation.ui.main_window import MainWindow

#: Views of the panels (the image area's views are in :mod:`workstation.ui.app`).
PANEL_VIEWS = ("chip", "back", "barcodes", "alert", "cases", "review", "trends")


class ViewError(Exception):
    """A view could not be shown (the reason is its message)."""


def wait_until(done: Callable[[], bool], what: str, *, timeout_s: float = 180.0) -> None:
    """Let the window's workers run until ``done()`` holds (``ViewError`` on timeout)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise ViewError(f"{what} took longer than {timeout_s:.0f} s")
        QApplication.processEvents()
        time.sleep(0.01)


def _idle(window: MainWindow) -> bool:
    return not window.runner.running


def read_chip(window: MainWindow) -> None:
    """Read the chip of the document on the desk and wait for the examination with it."""
    errors: list[str] = []
    window.chip.failed.connect(lambda m, _d="": errors.append(m))
    if window.chip.read() is None:
        raise ViewError(window.chip.why_not_read() or "the chip cannot be read")
    wait_until(lambda: bool(errors) or (
        window.examination is not None and bool(window.examination.capture.chip_files)
        and _idle(window)), "reading the chip")
    if errors:
        raise ViewError(errors[0])


def capture_back(window: MainWindow) -> None:
    """Capture the back of the document on the desk and wait for its examination."""
    errors: list[str] = []
    window.faces.failed.connect(lambda m, _d="": errors.append(m))
    if window.faces.capture_back(window.reader) is None:
        raise ViewError(window.faces.why_not_capture_back(window.reader) or "no back")
    wait_until(lambda: bool(errors) or (
        window.examination is not None and window.examination.capture.back is not None
        and _idle(window)), "capturing the back")
    if errors:
        raise ViewError(errors[0])


def apply_panel_view(window: MainWindow, view: str) -> None:
    """Show panel view ``view`` (see the module docstring)."""
    if view == "chip":
        read_chip(window)
        window.tabs.setCurrentWidget(window.documents.chip_panel)
        window.documents.compare_faces()
    elif view in ("back", "barcodes"):
        capture_back(window)
        if view == "barcodes":
            window.tabs.setCurrentWidget(window.documents.barcode_panel)
            window.documents.show_code("back", 0)
        else:
            window.faces.show("back")
    elif view == "alert":
        window.alerts.match()
        wait_until(lambda: _idle(window), "looking for alerts")
        if not window.alerts.alerts:
            raise ViewError("no alert in the case database is about this document's type")
        window.alerts.load_crops(window.alerts.alerts[0].id)
        wait_until(lambda: _idle(window), "fetching the alert's crops")
    elif view in ("cases", "review", "trends"):
        if not window.views.show_view(view):
            raise ViewError(f"the {view} view is not there for {window.user_name}")
        if view == "cases" and window.panels.cases_panel is not None:
            window.panels.cases_panel.refresh()
        if view == "trends" and window.panels.trends_panel is not None:
            window.panels.trends_panel.refresh()
        wait_until(lambda: _idle(window), f"filling the {view} view")
