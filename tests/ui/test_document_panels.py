"""The window's panels about the document on the desk, driven as a person would: the chip
read from the Chip tab and its photograph beside the printed portrait, the back captured
and the faces switched, the barcodes of a simulated card with their comparison table,
an alert published by a supervisor and shown on another window, the Trends view and its
drill-down opening an examination through the session."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.accounts import supervisor_account
from tests.session.test_alerts import typed_examine
from tests.session.test_chip import DOC, SEED, chip_examine, printed_mrz
from tests.ui.fakes import find_action, shown_window
from workstation.cases import CaseRepository, Role
from workstation.findings import Conclusion, Findings
from workstation.session.viewer import Mode, Origin, SourceKey
from workstation.types import CheckStatus, Light
from workstation.ui.main_window import MainWindow

LONG = 120000  # ms: the machine is shared; the simulator's examination takes seconds


def _window(qtbot: QtBot, reader: Any = None, *, examine: Any = None,
            **kwargs: Any) -> MainWindow:
    w: MainWindow = shown_window(qtbot, reader, **kwargs)
    if examine is not None:
        w.examine_fn = examine
    return w


def _idle(qtbot: QtBot, w: MainWindow, timeout: int = LONG) -> None:
    qtbot.waitUntil(lambda: not w.runner.running, timeout=timeout)


def _examined(qtbot: QtBot, w: MainWindow) -> None:
    w.capture_async()
    qtbot.waitUntil(lambda: w.examination is not None and w.case_record is not None
                    and not w.runner.running, timeout=LONG)


def _users() -> None:
    with CaseRepository.open() as repo:
        repo.create_user("anna", Role.EXAMINER, "Anna Examiner")
        supervisor_account(repo, "sue", "Sue Supervisor")


# -- the chip -------------------------------------------------------------------------------

def test_read_chip_from_its_tab_then_compare_the_faces(qtbot: QtBot) -> None:
    w = _window(qtbot, examine=chip_examine(printed_mrz()))
    panel = w.documents.chip_panel
    assert w.tabs.tabText(w.tabs.indexOf(panel)) == "Chip"
    assert not panel.read_button.isEnabled()  # no MRZ read yet: the tooltip says why
    assert panel.read_button.toolTip()
    _examined(qtbot, w)
    w.chip.follow_platen(DOC, None, SEED)  # the simulated chip of the document placed
    assert panel.readers.currentText()  # the simulator's card reader, chosen by default
    w.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(panel.read_button.isEnabled, timeout=5000)
    with qtbot.waitSignal(w.chip.chipRead, timeout=LONG):
        panel.read_button.click()
    # the examination runs again with the chip's files: its checks list the chip's too
    qtbot.waitUntil(lambda: panel.report is not None and panel.report.from_examination
                    and not w.runner.running, timeout=LONG)
    assert w.examination is not None and w.examination.capture.chip_files
    steps = dict(panel.step_results())
    assert steps["Access control"] == "Passed"
    assert steps["Passive Authentication (the data as signed)"] == "Passed"
    assert any(t.startswith("The chip's MRZ") and r == "Passed" for t, r in steps.items())
    shown_codes = {c.code for c in w.checks_panel.checks}
    assert {"PA_VALID", "CHIP_MRZ_MATCH"} <= shown_codes  # in the Checks panel as any other
    assert "DG2.bin" in panel.files.text()
    assert panel.photo.isVisible() and panel.compare.isEnabled()
    # the chip's photograph beside the printed portrait
    panel.compare.click()
    assert w.state.mode is Mode.SIDE_BY_SIDE
    assert w.state.b == SourceKey(Origin.CHIP, Light.WHITE)
    assert w.state.a == SourceKey(Origin.CAPTURE, Light.WHITE)
    # the record keeps the chip: the stored capture holds the files
    assert w.cases is not None and w.case_record is not None
    stored = w.cases.capture_of(w.cases.open_examination(w.case_record.id))
    assert "EF.SOD" in {name.split("/")[-1] for name in stored.chip_files}


def test_read_chip_by_f9_and_a_refusal_is_one_line(qtbot: QtBot) -> None:
    w = _window(qtbot, examine=chip_examine(printed_mrz()))
    _examined(qtbot, w)
    w.chip.follow_platen(DOC, "chip_other_dg1", SEED)
    with qtbot.waitSignal(w.chip.chipRead, timeout=LONG):
        w.read_chip()  # F9
    assert w.tabs.currentWidget() is w.documents.chip_panel
    qtbot.waitUntil(lambda: w.documents.chip_panel.report is not None
                    and w.documents.chip_panel.report.from_examination
                    and not w.runner.running, timeout=LONG)
    failed = [c for c in w.checks_panel.checks if c.status is CheckStatus.FAIL
              and c.id.startswith("chip.")]
    assert failed, [c.code for c in w.checks_panel.checks]


# -- both faces -----------------------------------------------------------------------------

def test_capture_the_back_after_turning_and_switch_faces(qtbot: QtBot) -> None:
    w = _window(qtbot)
    area = w.area
    assert not area.face_buttons["back"].isVisible()
    _examined(qtbot, w)
    w.capture_back_async()  # a reader that cannot turn the card: the examiner is asked
    box = w.documents.turn_box
    assert isinstance(box, QMessageBox) and "Turn the document over" in box.text()
    capture = next(b for b in box.buttons() if b.text() == "Capture")
    capture.click()
    qtbot.waitUntil(lambda: w.capture is not None and w.capture.back is not None
                    and not w.runner.running, timeout=LONG)
    assert area.face_buttons["back"].isVisible() and area.face_buttons["back"].isChecked()
    assert {k.origin for k in w.state.sources} == {Origin.BACK}
    area.face_buttons["front"].click()
    assert w.faces.face == "front"
    assert Origin.CAPTURE in {k.origin for k in w.state.sources}
    w.toggle_face()  # Ctrl+B
    assert w.faces.face == "back" and area.face_buttons["back"].isChecked()


def test_capture_the_back_turned_away_asks_nothing_when_cancelled(qtbot: QtBot) -> None:
    w = _window(qtbot)
    _examined(qtbot, w)
    w.capture_back_async()
    box = w.documents.turn_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: w.documents.turn_box is None, timeout=5000)
    assert w.capture is not None and w.capture.back is None and not w.runner.running


@pytest.mark.slow
def test_barcodes_of_an_altered_card_in_the_window(qtbot: QtBot) -> None:
    """The simulated identity card with altered printed data: the back is captured by
    turning the card over, its PDF417 and seal are listed with their fields, and the
    comparison table shows what differs from the page."""
    from workstation.hardware.simulated import SimulatedReader
    from workstation.session.examination import default_examine

    reader = SimulatedReader(document="UTO-ID-2021", forgery="viz_data_altered", seed=5,
                             dpi=300.0)
    w = MainWindow(reader, examine=default_examine())
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    _examined(qtbot, w)
    panel = w.documents.barcode_panel
    w.tabs.setCurrentWidget(panel)
    assert "Shift+Space" in panel.hint.text() and panel.hint.isVisible()
    w.capture_back_async()  # the simulator turns the card itself
    qtbot.waitUntil(lambda: w.examination is not None and w.examination.capture.back
                    is not None and not w.runner.running, timeout=4 * LONG)
    formats = {code.get("format") for _f, _i, code in panel.codes}
    assert "PDF417" in formats, panel.summary.text()
    assert panel.summary.text().startswith(f"{len(panel.codes)} barcode(s)")
    rows = panel.comparison_rows()
    assert rows and any(r[4].startswith("differs") for r in rows), rows
    seal = [code for _f, _i, code in panel.codes if code.get("seal")]
    if seal:  # the seal's verification is written with its verdict
        assert any("Seal verification" in lbl.text() for lbl in panel.findChildren(
            type(panel.summary)))
    face, index, _code = panel.codes[0]
    w.documents.show_code(face, index)
    assert w.faces.face == face
    assert w.state.outlines, "the barcode's corners are drawn over the image"


# -- alerts ---------------------------------------------------------------------------------

def test_publish_an_alert_then_another_window_shows_the_banner(qtbot: QtBot) -> None:
    _users()
    sue = _window(qtbot, examine=typed_examine, user="sue")
    _examined(qtbot, sue)
    assert not find_action(sue, "Publish alert…").isEnabled()  # not concluded yet
    assert sue.case_record is not None and sue.cases is not None
    exam_id = sue.case_record.id
    sue.work.edit(Findings(conclusion=Conclusion.FORGED, forgery_kind="substitution",
                           text="emblem missing"))
    sue.work.save_now()
    _idle(qtbot, sue)
    rec = sue.cases.open_examination(exam_id)
    sue.cases.conclude(exam_id, expected_version=rec.version, user="sue")
    sue.open_stored_examination(exam_id)
    _idle(qtbot, sue)
    publish = find_action(sue, "Publish alert…")
    qtbot.waitUntil(publish.isEnabled, timeout=5000)
    publish.trigger()
    qtbot.waitUntil(lambda: sue.documents.publish_dialog is not None, timeout=LONG)
    dialog = sue.documents.publish_dialog
    assert dialog is not None and dialog.crop_checks
    assert not dialog.publish_button.isEnabled()  # a description is needed
    dialog.feature_edit.setText("UV emblem missing")
    dialog.description_edit.setPlainText("The emblem stays dark under UV 365")
    with qtbot.waitSignal(sue.alerts.published, timeout=LONG):
        dialog.publish_button.click()
    sue.close()

    anna = _window(qtbot, examine=typed_examine, user="anna")
    _examined(qtbot, anna)
    qtbot.waitUntil(lambda: anna.documents.banner is not None
                    and anna.documents.banner.isVisible(), timeout=LONG)
    banner = anna.documents.banner
    assert banner is not None
    assert any("UV emblem missing" in line for line in banner.lines())
    show = next(b for b in banner.findChildren(type(dialog.publish_button))
                if b.text().startswith("Show"))
    show.click()
    qtbot.waitUntil(lambda: anna.checks_panel.alert_crops is not None
                    and anna.checks_panel.alert_crops.alert is not None, timeout=LONG)
    assert anna.tabs.currentWidget() is anna.checks_panel
    crops = anna.checks_panel.alert_crops
    assert crops is not None and crops.isVisible()  # beside the evidence
    with CaseRepository.open() as repo:
        actions = [e.action for e in repo.audit_events(subjects=("alert:1",))]
    assert actions[:2] == ["alert.published", "alert.shown"]


# -- trends ---------------------------------------------------------------------------------

def test_trends_view_for_a_supervisor_and_its_drill_down(qtbot: QtBot) -> None:
    _users()
    anna = _window(qtbot, examine=typed_examine, user="anna")
    _examined(qtbot, anna)
    anna.open_cases_async()
    _idle(qtbot, anna)
    assert not anna.views.has_view("trends")  # an examiner has no Trends view
    assert not find_action(anna, "Trends view").isVisible()
    first = anna.case_record
    assert first is not None
    anna.close()

    sue = _window(qtbot, examine=typed_examine, user="sue")
    sue.open_cases_async()
    qtbot.waitUntil(lambda: sue.views.has_view("trends"), timeout=LONG)
    qtbot.wait(50)
    from workstation.ui.layout_audit import layout_problems

    # the view switch in the menu bar grew with its buttons (none reads "...")
    assert not [p for p in layout_problems(sue) if "viewButton" in p]
    # the Cases view lists what was stored since, each time it is shown; the side
    # panels make room for it
    find_action(sue, "Cases view").trigger()
    cases = sue.panels.cases_panel
    assert cases is not None and sue.views.current() == "cases"
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=LONG)
    assert not sue.left_dock.isVisible() and not sue.right_dock.isVisible()
    view = find_action(sue, "Trends view")
    assert view.isVisible() and view.isEnabled()
    view.trigger()
    assert sue.views.current() == "trends"
    panel = sue.panels.trends_panel
    assert panel is not None
    qtbot.waitUntil(lambda: bool(panel.figure_rows()), timeout=LONG)
    assert panel.figure_rows()["All examinations"][0] == 1
    with qtbot.waitSignal(panel.drillShown, timeout=LONG):
        panel.drill_down(None, None)
    assert [r.id for r in panel.drill.rows] == [first.id]
    panel.drill.open_row(0)  # opened on the desk, through the examination session
    assert sue.views.current() == "examination"
    assert sue.left_dock.isVisible() and sue.right_dock.isVisible()
    qtbot.waitUntil(lambda: sue.case_record is not None and sue.case_record.id == first.id
                    and sue.examination is not None and not sue.runner.running,
                    timeout=LONG)
