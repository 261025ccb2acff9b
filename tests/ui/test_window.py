"""The window, offscreen: views, synchronised zoom, measurement, checks, keys, workers."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.fakes import DPI, FakeReader, fake_examine
from workstation.findings import AnnotationKind, Conclusion
from workstation.session.viewer import Mode, Origin, SourceKey, Tool
from workstation.types import Light
from workstation.ui.main_window import MainWindow
from workstation.ui.offline import apply_view
from workstation.ui.workers import Task


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    w = MainWindow(FakeReader(), examine=fake_examine)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


def _captured(qtbot: QtBot, w: MainWindow, examined: bool = True) -> MainWindow:
    w.capture_async()
    qtbot.waitUntil(lambda: w.capture is not None, timeout=10000)
    if examined:
        qtbot.waitUntil(lambda: w.examination is not None, timeout=10000)
    qtbot.waitUntil(lambda: not w.runner.running, timeout=10000)
    return w


def test_capture_runs_in_a_worker_and_examines(qtbot: QtBot, window: MainWindow) -> None:
    _captured(qtbot, window)
    assert window.state.lights(Origin.CAPTURE) == [Light.WHITE, Light.UV, Light.IR]
    assert window.state.lights(Origin.SPECIMEN) == [Light.WHITE, Light.UV, Light.IR]
    assert window.identity.verdict.text() == "ANOMALIES"
    assert "1 failed" in window.checks_panel.summary.text()
    assert window.state.dpi == DPI


@pytest.mark.parametrize("view", ["capture", "side-by-side", "blend", "swipe", "difference",
                                  "false-colour", "flicker", "checks", "zones", "measure",
                                  "loupe"])
def test_each_view_renders(qtbot: QtBot, window: MainWindow, view: str) -> None:
    _captured(qtbot, window)
    apply_view(window, view)
    QApplication.processEvents()
    image = window.grab().toImage()
    assert not image.isNull()
    panes = window.state.panes()
    expected = {"capture": 4, "side-by-side": 2, "checks": 2, "zones": 2, "measure": 2,
                "loupe": 2}
    assert len(panes) == expected.get(view, 1)
    assert len(window.area.canvases) == len(panes)
    for canvas in window.area.canvases:
        canvas.repaint()
        assert canvas.last_frame_ms >= 0
    # the first pane shows image content, not the empty canvas colour
    c = window.area.canvases[0]
    shot = c.grab().toImage()
    centre = shot.pixelColor(shot.width() // 2, shot.height() // 2)
    assert (centre.red(), centre.green(), centre.blue()) != (13, 14, 16)


def test_pane_titles_keep_clear_of_the_zoom_badge(qtbot: QtBot, window: MainWindow) -> None:
    """In the all-lights grid a narrow pane names only its light (then elides), so its
    title never runs under the zoom badge (seen in Mongolian, where the words are longer)."""
    from PySide6.QtGui import QFontMetrics

    _captured(qtbot, window)
    apply_view(window, "capture")
    QApplication.processEvents()
    for width in (150, 220, 400, 900):
        for canvas in window.area.canvases:
            canvas.resize(width, 200)
            fm = QFontMetrics(canvas.font())
            title, box, _zoom, zbox = canvas.title_boxes(fm)
            assert box.right() + 8 <= zbox.left(), (width, title)
            assert title  # something is always named
    wide = window.area.canvases[0]
    wide.resize(900, 400)
    assert wide.title_boxes(QFontMetrics(wide.font()))[0] == "Questioned · White"
    wide.resize(170, 400)
    assert wide.title_boxes(QFontMetrics(wide.font()))[0] == "White"


def test_mode_buttons_and_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    _captured(qtbot, window)
    window.area.mode_buttons[Mode.BLEND].click()
    assert window.state.mode is Mode.BLEND
    assert window.area.opacity.isVisible()
    window.area.opacity.setValue(80)
    assert window.state.opacity == pytest.approx(0.8)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.state.mode is Mode.SIDE_BY_SIDE
    # F2 is the reader's second light: UV on, and the panes show UV
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.reader is not None and window.reader.current_light is Light.UV
    assert window.state.a == SourceKey(Origin.CAPTURE, Light.UV)
    assert window.reader_panel.light_buttons[Light.UV].isChecked()
    scale = window.state.viewport.scale
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert window.state.viewport.scale > scale
    qtbot.keyClick(window, Qt.Key.Key_F)
    assert window.state.viewport.scale == pytest.approx(window.state.viewport.fit_scale())
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert window.annotator.tool is Tool.RULER
    qtbot.keyClick(window, Qt.Key.Key_Z)
    assert window.state.show_zones


def test_wheel_zooms_both_panes_together(qtbot: QtBot, window: MainWindow) -> None:
    _captured(qtbot, window)
    window.state.set_mode(Mode.SIDE_BY_SIDE)
    QApplication.processEvents()
    left, right = window.area.canvases
    before = window.state.viewport.scale
    pos = QPointF(left.width() / 3, left.height() / 3)
    under = window.state.viewport.view_to_image(pos.x(), pos.y())
    ev = QWheelEvent(pos, left.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 240),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(left, ev)
    assert window.state.viewport.scale == pytest.approx(before * 1.25 ** 2)
    assert window.state.viewport.view_to_image(pos.x(), pos.y()) == pytest.approx(under)
    assert left.viewport is right.viewport
    fl = window.state.render(left.pane)
    fr = window.state.render(right.pane)
    assert fl is not None and fr is not None and fl.rect == fr.rect


def test_ruler_measures_mm_at_the_capture_dpi(qtbot: QtBot, window: MainWindow) -> None:
    _captured(qtbot, window)
    window.state.set_mode(Mode.SIDE_BY_SIDE)
    window.area.set_tool(Tool.RULER)
    canvas = window.area.canvases[0]
    vp = window.state.viewport
    a = vp.image_to_view(100, 100)
    b = vp.image_to_view(400, 100)  # 300 px at 100 dpi = 76.2 mm
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(a[0]), round(a[1])))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(b[0]), round(b[1])))
    anns = window.findings.annotations
    assert len(anns) == 1 and anns[0].kind is AnnotationKind.RULER
    from workstation.measure import distance_mm

    assert distance_mm(anns[0].points[0], anns[0].points[1], dpi=anns[0].dpi or 0) == \
        pytest.approx(76.2, abs=76.2 * 0.01 + 0.5)
    assert "mm" in window.findings_panel.annotations.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.findings.annotations == ()


def test_selecting_a_check_zooms_to_its_zone_and_shows_evidence(
        qtbot: QtBot, window: MainWindow) -> None:
    _captured(qtbot, window)
    window.state.set_mode(Mode.CAPTURE)
    window.state.viewport.fit()
    window.checks_panel.select("uv.emblem")
    assert window.state.mode is Mode.SIDE_BY_SIDE
    assert window.state.a == SourceKey(Origin.CAPTURE, Light.UV)
    assert window.state.b == SourceKey(Origin.SPECIMEN, Light.UV)
    x0, y0, x1, y1 = window.state.viewport.visible_rect()
    assert x0 <= 300 <= 400 <= x1 and y0 <= 100 <= 200 <= y1
    assert x1 - x0 < 300
    assert window.checks_panel.evidence.count() == 2


def test_findings_are_kept_apart_from_the_examination(qtbot: QtBot,
                                                      window: MainWindow) -> None:
    _captured(qtbot, window)
    fp = window.findings_panel
    fp.conclusion.setCurrentIndex(fp.conclusion.findData(Conclusion.FORGED.value))
    fp.kind.setCurrentIndex(fp.kind.findData("photo_substitution"))
    fp.text.setPlainText("Portrait edge lifted; UV emblem absent.")
    fp.images.item(0).setCheckState(Qt.CheckState.Checked)
    assert window.examination is not None
    kept = window.findings
    assert kept.conclusion is Conclusion.FORGED
    assert kept.forgery_kind == "photo_substitution"
    assert kept.report_images == ("capture:white",)
    assert fp.images.item(0).text() == "Capture — white light"  # people read no ids
    assert kept.to_json()["text"].startswith("Portrait")


def test_a_failing_worker_shows_its_error(qtbot: QtBot, window: MainWindow) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("registration exploded")

    window.examine_fn = boom
    window.capture_async()
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=10000)
    assert "registration exploded" in (window.last_error or "")
    assert window.banner.isVisible()
    assert "registration exploded" in window.banner_label.text()
    qtbot.waitUntil(lambda: not window.runner.running, timeout=30000)  # the capture's store
    assert not window.progress.isVisible()
    assert window.case_record is not None  # the capture is kept though its examination failed


def test_cancel_stops_a_long_task(qtbot: QtBot, window: MainWindow) -> None:
    started = threading.Event()

    def slow(progress: Any, cancel: threading.Event) -> None:
        started.set()
        for i in range(500):
            progress(i, 500, "working")
            cancel.wait(0.01)

    window.run_task("Slow job", slow, lambda _r: None)
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert window.cancel_button.isVisible()
    window.cancel_button.click()
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=10000)
    assert "cancelled" in (window.last_error or "")


def test_live_view_shows_frames_of_the_current_light(qtbot: QtBot,
                                                     window: MainWindow) -> None:
    window.switch_light(Light.IR)
    window.reader_panel.live.setChecked(True)
    qtbot.waitUntil(lambda: window.state.live is not None, timeout=5000)
    assert window.state.panes()[0].title == "Live · IR 900"
    window.reader_panel.live.setChecked(False)
    assert window.state.live is None


def test_settings_remember_theme_and_mode(qtbot: QtBot, tmp_path: Path) -> None:
    w = MainWindow(FakeReader(), examine=fake_examine)
    qtbot.addWidget(w)
    assert w.theme_name == "dark"
    w.toggle_theme()
    w.set_view(Mode.BLEND)
    w.close()
    w2 = MainWindow(FakeReader(), examine=fake_examine)
    qtbot.addWidget(w2)
    assert w2.theme_name == "light"
    assert w2.state.mode is Mode.BLEND
    from workstation.paths import data_dir

    assert (data_dir() / "ui.ini").is_file()


def test_task_reports_error_not_traceback(qtbot: QtBot) -> None:
    task = Task("Job", lambda p, c: 1 / 0)
    seen: list[str] = []
    task.signals.failed.connect(lambda msg, tb: seen.append(msg))
    task.run()
    assert seen == ["Job failed: ZeroDivisionError: division by zero"]


def test_window_without_reader_still_works(qtbot: QtBot) -> None:
    w = MainWindow(None)
    qtbot.addWidget(w)
    assert not w.reader_panel.capture_button.isEnabled()
    w.capture_async()  # nothing happens, nothing breaks
    assert w.capture is None
    assert len(w.area.canvases) == 1
    assert w.state.render(w.area.canvases[0].pane) is None
    w.area.canvases[0].repaint()  # paints the empty-state hint without failing


def test_qimage_wraps_a_crop_without_copying() -> None:
    from workstation.ui.canvas import qimage_of

    rng = np.random.default_rng(0)
    base = rng.integers(0, 255, (100, 101, 3), dtype=np.uint8)
    crop = base[10:40, 7:50]
    q, keep = qimage_of(crop)
    assert (q.width(), q.height()) == (43, 30)
    assert np.shares_memory(keep, base)
    colour = q.pixelColor(5, 3)
    assert (colour.red(), colour.green(), colour.blue()) == tuple(int(v) for v in crop[3, 5])
    grey = np.ascontiguousarray(base[..., 0])[5:20, 3:9]
    qg, _ = qimage_of(grey)
    assert qg.pixelColor(2, 4).red() == int(grey[4, 2])


def test_startup_shows_the_window_before_the_reader_opens(qtbot: QtBot) -> None:
    from workstation.ui import app as app_module

    w = MainWindow(None)
    qtbot.addWidget(w)
    w.set_reader(None, opening=True)
    assert w.reader_panel.device_label.text() == "Opening the reader…"
    original = app_module.open_collaborators
    app_module.open_collaborators = lambda: (FakeReader(), fake_examine, "relay board not found")
    try:
        app_module.start_collaborators(w, ("UTO-P-2020", "office_paper", 4))
        qtbot.waitUntil(lambda: w.reader is not None, timeout=10000)
    finally:
        app_module.open_collaborators = original
    assert w.reader_panel.capture_button.isEnabled()
    assert "relay board not found" in (w.last_error or "")
    assert isinstance(w.reader, FakeReader) and w.reader.loaded == ("UTO-P-2020",
                                                                     "office_paper", 4)


def test_findings_saved_to_a_case_and_opened_again(qtbot: QtBot, window: MainWindow) -> None:
    _captured(qtbot, window)
    window.area.set_tool(Tool.RULER)
    vp = window.state.viewport
    canvas = window.area.canvases[0]
    for x in (100, 400):
        vx, vy = vp.image_to_view(x, 100)
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(vx), round(vy)))
    fp = window.findings_panel
    fp.conclusion.setCurrentIndex(fp.conclusion.findData(Conclusion.COUNTERFEIT.value))
    fp.text.setPlainText("UV emblem absent")
    window.save_to_case()
    qtbot.waitUntil(lambda: window.case_record is not None and window.case_record.findings
                    is not None and window.case_record.findings.text == "UV emblem absent",
                    timeout=30000)
    record = window.case_record
    assert record is not None and record.findings is not None
    assert record.findings.conclusion is Conclusion.COUNTERFEIT
    assert len(record.findings.annotations) == 1
    # open it again in a fresh window: capture, examination and findings come back
    w2 = MainWindow(FakeReader(), examine=fake_examine)
    qtbot.addWidget(w2)
    w2.open_stored_examination(record.id)
    qtbot.waitUntil(lambda: w2.case_record is not None and w2.examination is not None,
                    timeout=30000)
    assert w2.findings.conclusion is Conclusion.COUNTERFEIT
    assert w2.findings.text == "UV emblem absent"
    assert w2.state.lights(Origin.CAPTURE) == [Light.WHITE, Light.UV, Light.IR]
    assert len(w2.annotator.annotations) == 1
    w2.close()


def test_sign_report_writes_a_signed_pdf(qtbot: QtBot, window: MainWindow,
                                         tmp_path: Path) -> None:
    _captured(qtbot, window)
    fp = window.findings_panel
    fp.conclusion.setCurrentIndex(fp.conclusion.findData(Conclusion.INCONCLUSIVE.value))
    for i in range(fp.images.count()):
        if fp.images.item(i).data(Qt.ItemDataRole.UserRole) in ("view:current", "capture:uv"):
            fp.images.item(i).setCheckState(Qt.CheckState.Checked)
    assert window.findings.report_images == ("capture:uv", "view:current")
    out = tmp_path / "report.pdf"
    from tests.ui.fakes import sign_in_window
    from workstation.paths import login_name

    sign_in_window(window, login_name())
    window.sign_report(out)
    qtbot.waitUntil(lambda: window.signing_dialog is not None or window.last_error is not None,
                    timeout=120000)
    assert window.last_error is None, window.last_error
    assert window.signing_dialog is not None and str(out) in \
        window.signing_dialog.signer_label.text()
    window.signing_dialog.confirm_button.click()
    qtbot.waitUntil(lambda: out.exists() or window.last_error is not None, timeout=120000)
    assert window.last_error is None, window.last_error
    # the file is in place before the task's end reaches the window: wait for its word
    qtbot.waitUntil(lambda: "Signed report written" in window.status.text()
                    or window.last_error is not None, timeout=30000)
    assert window.last_error is None, window.last_error
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/ByteRange" in data


def test_marks_take_the_typed_note_and_the_loupe_and_position_show(
        qtbot: QtBot, window: MainWindow) -> None:
    _captured(qtbot, window)
    window.state.set_mode(Mode.SIDE_BY_SIDE)
    window.area.set_tool(Tool.ARROW)
    window.area.note.setText("fibre missing")
    canvas = window.area.canvases[0]
    vp = window.state.viewport
    for x, y in ((150, 150), (200, 180)):
        vx, vy = vp.image_to_view(x, y)
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(vx), round(vy)))
    ann = window.findings.annotations[-1]
    assert ann.kind is AnnotationKind.ARROW and ann.text == "fibre missing"
    assert window.area.note.text() == ""
    # hovering shows pixel position and mm at the capture's dpi (100 dpi)
    vx, vy = vp.image_to_view(254, 127)
    qtbot.mouseMove(canvas, QPoint(round(vx), round(vy)))
    qtbot.waitUntil(lambda: "mm" in window.position.text(), timeout=3000)
    import re

    nums = [float(v) for v in re.findall(r"[0-9]+(?:\.[0-9]+)?", window.position.text())]
    px_x, px_y, mm_x, mm_y = nums[:4]
    assert abs(px_x - 254) <= 4 and abs(px_y - 127) <= 4
    assert mm_x == pytest.approx(px_x * 25.4 / DPI, abs=0.3)
    assert mm_y == pytest.approx(px_y * 25.4 / DPI, abs=0.3)
    # the loupe magnifies under the cursor
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert all(c.loupe for c in window.area.canvases)
    before = canvas.grab().toImage()
    qtbot.mouseMove(canvas, QPoint(canvas.width() // 2, canvas.height() // 2))
    canvas.repaint()
    after = canvas.grab().toImage()
    assert before != after


def test_the_last_platen_choice_is_remembered(qtbot: QtBot) -> None:
    w = MainWindow(FakeReader(), examine=fake_examine)
    qtbot.addWidget(w)
    assert w.remembered_platen() is None
    w.place_document("UTO-ID-2021", "office_paper", 5)
    assert w.reader_panel.forgery.currentData() == "office_paper"
    w.close()
    w2 = MainWindow(FakeReader(), examine=fake_examine)
    qtbot.addWidget(w2)
    assert w2.remembered_platen() == ("UTO-ID-2021", "office_paper", 5)


def test_findings_autosave_once_the_capture_is_stored(qtbot: QtBot,
                                                     window: MainWindow) -> None:
    _captured(qtbot, window)
    qtbot.waitUntil(lambda: window.case_record is not None, timeout=30000)
    first = window.case_record.version
    window.findings_panel.text.setPlainText("laminate lifted at the corner")
    qtbot.waitUntil(lambda: window.case_record.version > first, timeout=30000)
    assert window.cases is not None
    stored = window.cases.open_examination(window.case_record.id)
    assert stored.findings is not None
    assert stored.findings.text == "laminate lifted at the corner"
    # typing never reloads the panel under the cursor
    assert window.findings_panel.text.toPlainText() == "laminate lifted at the corner"


def test_a_late_examination_of_an_older_capture_is_dropped(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    release = threading.Event()

    def slow_examine(capture: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return fake_examine(capture)

    window.examine_fn = slow_examine
    window.capture_async()
    qtbot.waitUntil(lambda: window.capture is not None, timeout=10000)
    first = window.capture
    window.examine_fn = fake_examine
    window.capture_async()  # a second capture while the first is being examined
    qtbot.waitUntil(lambda: window.capture is not first and window.examination is not None,
                    timeout=10000)
    newest = window.examination
    release.set()
    qtbot.waitUntil(lambda: not window.runner.running, timeout=10000)
    assert window.examination is newest and newest.capture is window.capture


def test_flicker_runs_a_timer_only_in_flicker_mode(qtbot: QtBot, window: MainWindow) -> None:
    _captured(qtbot, window)
    window.set_view(Mode.FLICKER)
    assert window.area.flicker_timer.isActive()
    window.set_view(Mode.BLEND)
    assert not window.area.flicker_timer.isActive()
