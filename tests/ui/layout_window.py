"""The window at every size and theme, for test_layout.py (one process per scale factor,
because ``QT_SCALE_FACTOR`` is read when the application starts).

    QT_SCALE_FACTOR=2 python -m tests.ui.layout_window 1280x720,1920x1080 [PNG_DIR]

Sets the desk up as a supervisor's shift leaves it: a simulated identity card (altered
printed data) captured front and back, its chip read, the examination concluded forged
and an alert published from it (the dialog is audited too), the banner showing; the case
database open with the Cases, Review and Trends views. Then, in the dark theme, the light
theme and the dark theme again, at each size, every main view is shown and audited by
:func:`workstation.ui.layout_audit.layout_problems`. Prints one JSON object per view:
``{"size", "scale", "theme", "view", "problems"}``; with ``PNG_DIR`` each view is also
rendered to ``PNG_DIR/<view>_<size>_<theme>_x<scale>.png``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

TIMEOUT_S = 600.0


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sizes = [tuple(int(v) for v in s.split("x")) for s in sys.argv[1].split(",")]
    png_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    from PySide6.QtWidgets import QApplication

    from workstation.ui.app import quiet_offscreen_warnings

    quiet_offscreen_warnings()
    app = QApplication.instance() or QApplication(["workstation"])
    assert isinstance(app, QApplication)
    window = _desk()
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    for theme in ("dark", "light", "dark"):
        if window.theme_name != theme:
            window.toggle_theme()
        for w, h in sizes:
            window.resize(w, h)
            window.default_layout()
            _settle()
            for view in _views(window):
                _settle()
                from workstation.ui.layout_audit import layout_problems

                problems = layout_problems(window, (w, h))
                print(json.dumps({"size": f"{w}x{h}", "scale": scale, "theme": theme,
                                  "view": view, "problems": problems}), flush=True)
                if png_dir is not None:
                    window.save_screenshot(png_dir / f"{view}_{w}x{h}_{theme}_x{scale}.png")
    window.close()
    return 0


def _settle(quiet_s: float = 0.06, limit_s: float = 2.0) -> None:
    """Let every posted layout request and resize run: events are processed until the
    geometry of every visible widget has stayed the same for ``quiet_s`` seconds (a
    layout settles in rounds: a scroll area sizes its content after the content's layout
    has run; a zero-delay timer may relayout once more), at most ``limit_s`` seconds.

    A fixed 0.25 s per view made the layout and language audits spend most of their
    minute asleep."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    start = time.monotonic()
    last: object = None
    stable_since = start
    while True:
        QCoreApplication.sendPostedEvents()
        QApplication.processEvents()
        now = time.monotonic()
        shape = _geometry()
        if shape != last:
            last, stable_since = shape, now
        elif now - stable_since >= quiet_s or now - start >= limit_s:
            return
        time.sleep(0.005)


def _geometry() -> tuple[tuple[int, int, int, int, int], ...]:
    """Position and size of every visible widget of every top-level window (with its
    object's id), the fingerprint :func:`_settle` waits to stop changing."""
    from PySide6.QtWidgets import QApplication, QWidget

    shape: list[tuple[int, int, int, int, int]] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for w in [top, *top.findChildren(QWidget)]:
            if w.isVisible():
                g = w.geometry()
                shape.append((id(w), g.x(), g.y(), g.width(), g.height()))
    return tuple(shape)


def _wait(done: Callable[[], bool], what: str) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"layout_window: {what} took longer than {TIMEOUT_S:.0f} s")
        QApplication.processEvents()
        time.sleep(0.01)


def _desk() -> object:
    from workstation.cases import CaseRepository
    from workstation.findings import Conclusion, Findings
    from workstation.hardware.simulated import SimulatedReader
    from workstation.session.examination import default_examine
    from workstation.ui.main_window import MainWindow

    with CaseRepository.open() as repo:
        from tests.accounts import supervisor_account

        supervisor_account(repo, "sue", "Sue Supervisor")
    reader = SimulatedReader(document="UTO-ID-2021", forgery="viz_data_altered", seed=7)
    w = MainWindow(reader, examine=default_examine(), user="sue", theme="dark")
    w.resize(1600, 1000)
    w.show()
    w.reader_control.add_device_settings(w.left_tabs)

    def idle() -> bool:
        return not w.runner.running

    w.open_cases_async()
    _wait(lambda: w.cases is not None and w.views.has_view("trends") and idle(),
          "opening the case database")
    w.capture_async()
    _wait(lambda: w.examination is not None and w.case_record is not None and idle(),
          "capturing the front")
    w.chip.follow_platen("UTO-ID-2021", "viz_data_altered", 7)
    w.read_chip()
    _wait(lambda: w.examination is not None and bool(w.examination.capture.chip_files)
          and idle(), "reading the chip")
    w.capture_back_async()
    _wait(lambda: w.examination is not None and w.examination.capture.back is not None
          and idle(), "capturing the back")
    assert w.case_record is not None and w.cases is not None
    exam_id = w.case_record.id
    w.work.edit(Findings(conclusion=Conclusion.FORGED, forgery_kind="data_alteration",
                         text="The printed document number was altered; the barcodes "
                              "carry the issued one."))
    w.work.save_now()
    _wait(idle, "saving the findings")
    rec = w.cases.open_examination(exam_id)
    w.cases.conclude(exam_id, expected_version=rec.version, user="sue")
    w.open_stored_examination(exam_id)
    _wait(lambda: w.examination is not None and idle(), "opening the concluded examination")
    w.documents.publish()
    _wait(lambda: w.documents.publish_dialog is not None and idle(), "preparing the alert")
    return w


def _views(w: object) -> Iterator[str]:
    """Show each main view in turn (yield its name once it is shown)."""
    from workstation.session.viewer import Mode
    from workstation.ui.main_window import MainWindow

    assert isinstance(w, MainWindow)
    dialog = w.documents.publish_dialog
    if dialog is not None:  # the publish dialog, as the supervisor fills it in
        dialog.feature_edit.setText("Document number retyped")
        dialog.description_edit.setPlainText("The printed number differs from the MRZ.")
        yield "publish-dialog"
        w.alerts.published.connect(lambda _a: w.alerts.match())
        dialog.publish_button.click()
        _wait(lambda: w.documents.banner is not None and w.documents.banner.isVisible()
              and not w.runner.running, "publishing the alert")
    w.views.show_view("examination")
    w.faces.show("front")
    w.set_view(Mode.CAPTURE)
    w.left_tabs.setCurrentIndex(0)
    w.tabs.setCurrentWidget(w.checks_panel)
    yield "capture"
    exam = w.examination
    if exam is not None:
        failed = [c for c in exam.checks if c.status.value == "fail" and c.zone]
        if failed:
            w.select_check(failed[0])
            w.checks_panel.select(failed[0])
    yield "checks"
    banner = w.documents.banner
    if banner is not None and banner.alerts:
        w.alerts.load_crops(banner.alerts[0].id)
        _wait(lambda: not w.runner.running, "fetching the alert's crops")
    yield "alert"
    w.tabs.setCurrentWidget(w.findings_panel)
    yield "findings"
    w.tabs.setCurrentWidget(w.documents.chip_panel)
    w.documents.compare_faces()
    yield "chip"
    w.tabs.setCurrentWidget(w.documents.barcode_panel)
    w.documents.show_code("back", 0)
    yield "barcodes"
    w.faces.show("back")
    w.set_view(Mode.SIDE_BY_SIDE)
    w.area.zones_button.setChecked(True)
    yield "back"
    w.area.zones_button.setChecked(False)
    w.faces.show("front")
    if w.left_tabs.count() > 1:
        w.left_tabs.setCurrentIndex(1)
        yield "devices"
        w.left_tabs.setCurrentIndex(0)
    for name in ("cases", "review", "trends"):
        if w.views.show_view(name):
            _wait(lambda: not w.runner.running, f"filling the {name} view")
            yield name
    w.views.show_view("examination")


if __name__ == "__main__":
    sys.exit(main())
