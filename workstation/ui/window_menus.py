"""The window's menus and keys: File, View, Tools, Help; Space captures, Escape cancels.

Each entry forwards to a method of the window (which forwards to the session); the
entries whose action is not possible now are disabled by :func:`update_actions`
with a tooltip saying why, so a click is never silently ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from workstation.paths import data_dir
from workstation.session.viewer import Mode, Tool
from workstation.ui.language import language_menu
from workstation.ui.views import VIEWS

if TYPE_CHECKING:
    from workstation.ui.main_window import MainWindow


def shortcut(window: MainWindow, key: str, fn: Callable[[], Any]) -> QShortcut:
    """A window-wide shortcut."""
    sc = QShortcut(QKeySequence(key), window)
    sc.setContext(Qt.ShortcutContext.WindowShortcut)
    sc.activated.connect(fn)
    return sc


def build_menus(w: MainWindow) -> dict[str, QAction]:
    """Create the menus and keys of ``w``; returns the File actions by name."""
    actions: dict[str, QAction] = {}
    file_menu = w.menuBar().addMenu("&File")
    for name, label, key, fn in (
            ("capture", "Capture all lights", "", w.capture_async),
            ("back", "Capture the back", "", w.capture_back_async),
            ("chip", "Read chip", "F9", w.read_chip),
            ("examine", "Examine again", "Ctrl+E", w.examine_async),
            ("save", "Save to case", "Ctrl+S", w.save_to_case),
            ("sign", "Sign report…", "Ctrl+P", w.ask_report_path),
            ("submit", "Conclude and submit for review…", "Ctrl+Shift+R",
             w.ask_conclude_and_submit),
            ("pkcs12", "Sign with PKCS#12 file…", "", w.ask_pkcs12_report),
            ("signin", "Sign in…", "Ctrl+Shift+L", w.ask_sign_in),
            ("user", "Switch user…", "Ctrl+U", w.choose_user),
            ("quit", "Quit", "Ctrl+Q", w.close)):
        act = QAction(label, w)
        if key:
            act.setShortcut(QKeySequence(key))
        act.triggered.connect(fn)
        file_menu.addAction(act)
        actions[name] = act
    w.shortcuts["Space"] = shortcut(w, "Space", w.capture_async)
    w.shortcuts["Shift+Space"] = shortcut(w, "Shift+Space", w.capture_back_async)
    view = w.menuBar().addMenu("&View")
    for i, mode in enumerate(Mode):
        act = QAction(mode.label, w)
        act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
        act.triggered.connect(lambda _=False, m=mode: w.set_view(m))
        view.addAction(act)
    view.addSeparator()
    vp = w.state.viewport
    for label, key, fn in (("Zoom in", "+", vp.zoom_in), ("Zoom out", "-", vp.zoom_out),
                           ("Fit page", "F", vp.fit), ("Actual pixels", "1", vp.one_to_one),
                           ("Specimen zones", "Z", w.area.toggle_zones),
                           ("Loupe", "L", w.area.toggle_loupe),
                           ("Front / back of the document", "Ctrl+B", w.toggle_face),
                           ("Dark / light theme", "Ctrl+T", w.toggle_theme)):
        act = QAction(label, w)
        act.setShortcut(QKeySequence(key))
        act.triggered.connect(fn)
        view.addAction(act)
        w.addAction(act)
    view.addSeparator()
    language_menu(view, w.language)
    tools = w.menuBar().addMenu("&Tools")
    for tool, key in ((Tool.PAN, "P"), (Tool.RULER, "R"), (Tool.ANGLE, "A"),
                      (Tool.RECTANGLE, "M"), (Tool.ARROW, "W")):
        act = QAction(tool.value.capitalize(), w)
        act.setShortcut(QKeySequence(key))
        act.triggered.connect(lambda _=False, t=tool: w.area.set_tool(t))
        tools.addAction(act)
        w.addAction(act)
    undo = QAction("Remove last mark", w)
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    undo.triggered.connect(w.work.remove_last_mark)
    tools.addAction(undo)
    tools.addSeparator()
    publish = QAction("Publish alert…", w)
    publish.triggered.connect(w.documents.publish)
    tools.addAction(publish)
    actions["publish"] = publish
    for name, (title, key) in VIEWS.items():
        act = QAction(f"{title} view", w)
        act.setToolTip(f"{title} ({key})")
        act.triggered.connect(lambda _=False, n=name: w.views.show_view(n))
        view.addAction(act)
        actions[f"view:{name}"] = act
    view.insertSeparator(actions["view:examination"])
    from workstation.ui.trainer_launch import follow_role, open_progress, open_trainer

    trainer = QAction("Trainer…", w)
    trainer.setShortcut(QKeySequence("Ctrl+Shift+T"))
    trainer.triggered.connect(lambda: open_trainer(w))
    tools.addAction(trainer)
    progress = QAction("Trainees' progress…", w)
    progress.triggered.connect(lambda: open_progress(w))
    tools.addAction(progress)
    follow_role(w)
    tools.addSeparator()
    from workstation.ui.library import open_library_window
    from workstation.ui.specimen_editor import open_editor

    openers: tuple[tuple[str, Callable[[Any], object]], ...] = (
        ("Specimen editor…", open_editor), ("Specimen library…", open_library_window))
    for label, opener in openers:
        act = QAction(label, w)
        act.triggered.connect(lambda _=False, f=opener: f(w))
        tools.addAction(act)
        actions[label.rstrip("…").lower().replace(" ", "_")] = act
    help_menu = w.menuBar().addMenu("&Help")
    about = QAction("About", w)
    about.triggered.connect(w.show_about)
    help_menu.addAction(about)
    actions["about"] = about
    w.shortcuts["Escape"] = shortcut(w, "Escape", w.escape)
    return actions


def update_actions(w: MainWindow) -> None:
    """Enable what can be done now; a disabled entry's tooltip says why not."""
    for name, reason in (("sign", w.signing.why_not_report()),
                         ("pkcs12", w.signing.why_not_report()),
                         ("submit", w.signing.why_not_submit())):
        act = w.file_actions[name]
        # a missing conclusion is explained when chosen (the Findings tab is shown)
        soft = reason is not None and "conclusion" in reason
        act.setEnabled(reason is None or soft)
        act.setToolTip(reason or act.text())
    w.file_actions["capture"].setEnabled(w.reader is not None)
    for name, reason in (("back", w.faces.why_not_capture_back(w.reader)),
                         ("chip", w.chip.why_not_read()),
                         ("publish", w.alerts.why_not_publish())):
        act = w.file_actions[name]
        act.setEnabled(reason is None)
        act.setToolTip(reason or act.text())
    for name in ("cases", "review", "trends"):
        w.file_actions[f"view:{name}"].setVisible(w.views.has_view(name))
    w.file_actions["examine"].setEnabled(w.capture is not None
                                         and w.work.examine_fn is not None)


def about_text() -> str:
    """What the About box says: program version, Python and Qt, data folder, font licences."""
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    from workstation import __version__

    return (f"<h3>workstation {__version__}</h3>"
            "<p>Open document-examination workstation for border secondary inspection.</p>"
            f"<p>Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__}</p>"
            f"<p>Data folder: {data_dir()}</p>"
            "<p>Bundled fonts: DejaVu Sans (Bitstream Vera / DejaVu licence, a free "
            "licence allowing use, copy and redistribution) and OCR-B (Matthew Skala's "
            "rendering of Norbert Schwarz's OCR-B: public domain / free to use, modify "
            "and distribute). The licence texts are in the program's resources/fonts "
            "folder.</p>")


def show_about(parent: QWidget, box: QMessageBox | None) -> QMessageBox:
    """Open the About box (made once, kept by the window)."""
    if box is None:
        box = QMessageBox(parent)
        box.setWindowTitle("About workstation")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setIcon(QMessageBox.Icon.Information)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setText(about_text())
    box.open()
    return box
