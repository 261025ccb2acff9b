"""The Specimen editor and library windows: a draft drawn under each light with its
zones, edits through the widgets (with undo), the preview list, the library's search.
Screenshots are written to ``$WORKSTATION_SCREENSHOTS`` when set (looked at by hand)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workstation.session.jobs import QueueRunner
from workstation.session.specimen_editor import SpecimenEditorSession
from workstation.specimens.render import specimen_for
from workstation.types import Light


def _shot(widget: object, name: str) -> None:
    folder = os.environ.get("WORKSTATION_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))  # type: ignore[attr-defined]


def test_editor_edits_zones_with_undo(qtbot: QtBot) -> None:
    from workstation.hardware.simulate_cli import simulate_capture
    from workstation.ui.specimen_editor import SpecimenEditor

    runner = QueueRunner()
    session = SpecimenEditorSession(runner)
    editor = SpecimenEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    spec = specimen_for("UTO-P-2020", dpi=120.0)
    cap = simulate_capture("UTO-P-2020", forgery=None, seed=5, dpi=200.0, cropped=True)
    session.load(spec, [("genuine-5", cap)])
    assert editor.zone_list.count() == len(spec.zones)
    assert editor.light.count() == len(spec.image_lights)
    assert all(box.isVisible() for box in editor.expect.values())
    # select a zone from the list, change its rectangle and label in the form
    editor.zone_list.setCurrentRow(2)
    zid = session.selection
    assert zid is not None and editor.zone_id.text() == zid
    editor.rect_boxes[0].setValue(editor.rect_boxes[0].value() + 2.0)
    editor.zone_label.setText("edited in the form")
    editor._apply_props()
    assert session.draft is not None and session.draft.zone(zid).label == "edited in the form"
    editor.buttons["Add zone"].click()
    assert editor.zone_list.count() == len(spec.zones) + 1
    editor.light.setCurrentText(Light.UV.value)
    _shot(editor, "specimen_editor_uv.png")
    editor.buttons["Undo"].click()
    editor.buttons["Undo"].click()
    assert session.draft == spec and not editor.buttons["Undo"].isEnabled()
    editor.buttons["Preview"].click()
    runner.run_pending()
    qtbot.waitUntil(lambda: editor.preview_list.count() == 1)
    assert "genuine-5" in editor.preview_list.item(0).text()
    editor.light.setCurrentText(Light.WHITE.value)
    session.select("portrait")
    _shot(editor, "specimen_editor_white.png")
    # the validity period, filled in by the author
    editor.valid_from.setText("2020-01-01")
    editor.valid_until.setText("2030-12-31")
    editor._guard(editor._apply_identity)
    assert session.draft is not None and str(session.draft.valid_until) == "2030-12-31"
    editor.valid_until.setText("2030-13-31")
    editor._guard(editor._apply_identity)
    assert "not a date" in editor.status.text()
    # a bad rectangle: the reason is shown, nothing changes
    editor.rect_boxes[0].setValue(400.0)
    before = session.draft
    editor._apply_props()
    assert session.draft == before and "on the page" in editor.status.text()


def test_library_search(qtbot: QtBot) -> None:
    from workstation.ui.library import LibraryWindow, matches

    specs = [specimen_for("UTO-P-2020", dpi=60.0), specimen_for("UTO-ID-2021", dpi=60.0),
             specimen_for("MNG-P-2021", dpi=60.0)]
    assert matches(specs[2], "mng p 2021") and not matches(specs[0], "MNG")
    win = LibraryWindow(specs, signature=lambda s: {"signature": {"status": "unsigned",
                                                                  "text": "not signed"}})
    qtbot.addWidget(win)
    win.show()
    assert win.table.rowCount() == 3
    win.search.setText("MNG")
    assert win.table.rowCount() == 1 and win.table.item(0, 0).text() == "MNG-P-2021"
    assert "not signed" in win.details.toPlainText()
    win.search.setText("UTO")
    assert win.table.rowCount() == 2
    win.search.setText("")
    _shot(win, "specimen_library.png")


@pytest.mark.parametrize("label", ["Specimen editor…", "Specimen library…"])
def test_tools_menu_opens_them(qtbot: QtBot, label: str) -> None:
    from tests.ui.fakes import FakeReader
    from workstation.ui.main_window import MainWindow

    w = MainWindow(FakeReader())
    qtbot.addWidget(w)
    tools = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Tools")
    act = next(a for a in tools.actions() if a.text() == label)
    act.trigger()
    opened = getattr(w, "specimen_editor" if "editor" in label else "library_window")
    assert opened.isVisible()
    opened.close()
