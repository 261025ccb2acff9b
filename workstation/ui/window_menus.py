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

from workstation.i18n import render
from workstation.paths import data_dir
from workstation.session.viewer import Mode, Tool
from workstation.ui.language import language_menu
from workstation.ui.texts import QT, T, Text, bind, tx
from workstation.ui.views import VIEWS
from workstation.ui.window_tools import TOOL_NAMES

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
    file_menu = w.menuBar().addMenu("")
    bind(file_menu.setTitle, T("menus", "&File"))
    for name, label, key, fn in (
            ("capture", T("menus", "Capture all lights"), "", w.capture_async),
            ("back", T("menus", "Capture the back"), "", w.capture_back_async),
            ("chip", T("menus", "Read chip"), "F9", w.read_chip),
            ("examine", T("menus", "Examine again"), "Ctrl+E", w.examine_async),
            ("save", T("menus", "Save to case"), "Ctrl+S", w.save_to_case),
            ("sign", T("menus", "Sign report…"), "Ctrl+P", w.ask_report_path),
            ("submit", T("menus", "Conclude and submit for review…"), "Ctrl+Shift+R",
             w.ask_conclude_and_submit),
            ("pkcs12", T("menus", "Sign with PKCS#12 file…"), "", w.ask_pkcs12_report),
            ("signin", T("menus", "Sign in…"), "Ctrl+Shift+L", w.ask_sign_in),
            ("user", T("menus", "Switch user…"), "Ctrl+U", w.choose_user),
            ("quit", T("menus", "Quit"), "Ctrl+Q", w.close)):
        act = QAction(w)
        bind(act.setText, label)
        if key:
            act.setShortcut(QKeySequence(key))
        act.triggered.connect(fn)
        file_menu.addAction(act)
        actions[name] = act
    w.shortcuts["Space"] = shortcut(w, "Space", w.capture_async)
    w.shortcuts["Shift+Space"] = shortcut(w, "Shift+Space", w.capture_back_async)
    view = w.menuBar().addMenu("")
    bind(view.setTitle, T("menus", "&View"))
    for i, mode in enumerate(Mode):
        act = QAction(w)
        bind(act.setText, Text("modes", mode.label))
        act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
        act.triggered.connect(lambda _=False, m=mode: w.set_view(m))
        view.addAction(act)
    view.addSeparator()
    vp = w.state.viewport
    for label, key, fn in ((T("menus", "Zoom in"), "+", vp.zoom_in),
                           (T("menus", "Zoom out"), "-", vp.zoom_out),
                           (T("menus", "Fit page"), "F", vp.fit),
                           (T("menus", "Actual pixels"), "1", vp.one_to_one),
                           (T("menus", "Specimen zones"), "Z", w.area.toggle_zones),
                           (T("menus", "Loupe"), "L", w.area.toggle_loupe),
                           (T("menus", "Front / back of the document"), "Ctrl+B",
                            w.toggle_face),
                           (T("menus", "Dark / light theme"), "Ctrl+T", w.toggle_theme)):
        act = QAction(w)
        bind(act.setText, label)
        act.setShortcut(QKeySequence(key))
        act.triggered.connect(fn)
        view.addAction(act)
        w.addAction(act)
    view.addSeparator()
    language_menu(view, w.language)
    tools = w.menuBar().addMenu("")
    bind(tools.setTitle, T("menus", "&Tools"))
    for tool, key in ((Tool.PAN, "P"), (Tool.RULER, "R"), (Tool.ANGLE, "A"),
                      (Tool.RECTANGLE, "M"), (Tool.ARROW, "W")):
        act = QAction(w)
        bind(act.setText, TOOL_NAMES[tool])
        act.setShortcut(QKeySequence(key))
        act.triggered.connect(lambda _=False, t=tool: w.area.set_tool(t))
        tools.addAction(act)
        w.addAction(act)
    undo = QAction(w)
    bind(undo.setText, T("menus", "Remove last mark"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    undo.triggered.connect(w.work.remove_last_mark)
    tools.addAction(undo)
    tools.addSeparator()
    publish = QAction(w)
    bind(publish.setText, T("menus", "Publish alert…"))
    publish.triggered.connect(w.documents.publish)
    tools.addAction(publish)
    actions["publish"] = publish
    for name, (title, key) in VIEWS.items():
        act = QAction(w)
        bind(act.setText, T("menus", "{view} view").format(view=title))
        bind(act.setToolTip, T("menus", "{view} ({key})").format(view=title, key=key))
        act.triggered.connect(lambda _=False, n=name: w.views.show_view(n))
        view.addAction(act)
        actions[f"view:{name}"] = act
    view.insertSeparator(actions["view:examination"])
    from workstation.ui.trainer_launch import follow_role, open_progress, open_trainer

    trainer = QAction(w)
    bind(trainer.setText, T("menus", "Trainer…"))
    trainer.setShortcut(QKeySequence("Ctrl+Shift+T"))
    trainer.triggered.connect(lambda: open_trainer(w))
    tools.addAction(trainer)
    progress = QAction(w)
    bind(progress.setText, T("menus", "Trainees' progress…"))
    progress.triggered.connect(lambda: open_progress(w))
    tools.addAction(progress)
    follow_role(w)
    tools.addSeparator()
    from workstation.ui.library import open_library_window
    from workstation.ui.specimen_editor import open_editor

    openers: tuple[tuple[str, Text, Callable[[Any], object]], ...] = (
        ("specimen_editor", T("menus", "Specimen editor…"), open_editor),
        ("specimen_library", T("menus", "Specimen library…"), open_library_window))
    for name, label, opener in openers:
        act = QAction(w)
        bind(act.setText, label)
        act.triggered.connect(lambda _=False, f=opener: f(w))
        tools.addAction(act)
        actions[name] = act
    help_menu = w.menuBar().addMenu("")
    bind(help_menu.setTitle, T("menus", "&Help"))
    about = QAction(w)
    bind(about.setText, T("menus", "About"))
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
        act.setToolTip(render(reason, QT) if reason is not None else act.text())
    w.file_actions["capture"].setEnabled(w.reader is not None)
    for name, reason in (("back", w.faces.why_not_capture_back(w.reader)),
                         ("chip", w.chip.why_not_read()),
                         ("publish", w.alerts.why_not_publish())):
        act = w.file_actions[name]
        act.setEnabled(reason is None)
        act.setToolTip(render(reason, QT) if reason is not None else act.text())
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

    return (f"<h3>workstation {__version__}</h3><p>"
            + tx("about", "Open document-examination workstation for border secondary "
                 "inspection.")
            + f"</p><p>Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__}</p><p>"
            + tx("about", "Data folder: {folder}").format(folder=data_dir())
            + "</p><p>"
            + tx("about", "Bundled fonts: DejaVu Sans (Bitstream Vera / DejaVu licence, a "
                 "free licence allowing use, copy and redistribution) and OCR-B (Matthew "
                 "Skala's rendering of Norbert Schwarz's OCR-B: public domain / free to use, "
                 "modify and distribute). The licence texts are in the program's "
                 "resources/fonts folder.")
            + "</p>")


def show_about(parent: QWidget, box: QMessageBox | None) -> QMessageBox:
    """Open the About box (made once, kept by the window)."""
    if box is None:
        box = QMessageBox(parent)
        box.setWindowTitle(tx("about", "About workstation"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setIcon(QMessageBox.Icon.Information)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setText(about_text())
    box.open()
    return box
