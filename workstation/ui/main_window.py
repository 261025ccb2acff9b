"""The examiner's main window: reader left, images centre, checks right, identity above.

The window lays out widgets and forwards what the user does to the session layer
(:mod:`workstation.session`); it keeps no workflow rules. It renders the session's
events: the examination session (:attr:`MainWindow.work`) for the document on the
desk, the signing session (:attr:`MainWindow.signing`) for previews and
confirmations, the desk (:attr:`MainWindow.desk`) for the user and the case
database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.cases.records import ExaminationRecord, User
from workstation.examination.results import Examination
from workstation.findings import Annotation, Findings
from workstation.hardware.base import Reader
from workstation.i18n import render
from workstation.labels import image_label
from workstation.paths import data_dir
from workstation.session.autosave import FindingsAutosaver
from workstation.session.desk import Desk
from workstation.session.examination import ExaminationSession, ExamineFn, Shown
from workstation.session.recovery import RecoveryMarker
from workstation.session.signing import SigningSession
from workstation.session.viewer import Mode, focus_check
from workstation.types import CaptureSet, CheckResult, Light
from workstation.ui import window_menus
from workstation.ui.bridge import QtRunner, listen
from workstation.ui.checks_panel import ChecksPanel
from workstation.ui.desk_panels import DeskPanels
from workstation.ui.document_panels import DocumentPanels
from workstation.ui.findings_panel import FindingsPanel
from workstation.ui.image_area import ImageArea
from workstation.ui.language import LanguageSwitch
from workstation.ui.login import SignInGate
from workstation.ui.panels import IdentityBar, LevelsPanel, ReaderPanel
from workstation.ui.reader_control import ReaderControl
from workstation.ui.signing_dialog import SigningDialog
from workstation.ui.texts import QT, T, Text, bind, live, tx
from workstation.ui.theme import DARK, THEMES, Theme, apply_theme
from workstation.ui.views import CentreViews
from workstation.ui.widgets import FittingScrollArea, mk_label, named
from workstation.ui.window_signing import SigningActions
from workstation.ui.workers import ProgressFn, Task

if TYPE_CHECKING:  # SQLAlchemy is loaded when the database opens, after the window shows
    from workstation.cases import CaseRepository


def settings_store() -> QSettings:
    """The window's settings: an INI file in the data folder (``$WORKSTATION_HOME``)."""
    return QSettings(str(data_dir() / "ui.ini"), QSettings.Format.IniFormat)


class MainWindow(SigningActions, QMainWindow):
    """The workstation window. Collaborators are passed in: reader, examine, settings.

    Args:
        user: the session's user name (else the login name once the database opens).
        ask_user: show the user chooser once the case database is open.
        store: store every capture in the case database (off for ``--screenshot``).
    """

    def __init__(self, reader: Reader | None, *, examine: ExamineFn | None = None,
                 settings: QSettings | None = None, theme: str | None = None,
                 user: str | None = None, ask_user: bool = False, store: bool = True,
                 language: LanguageSwitch | None = None) -> None:
        super().__init__()
        bind(self.setWindowTitle, T("window", "Workstation — document examination"))
        self.settings = settings or settings_store()
        #: the window's language (View > Language switches it without a restart)
        self.language = language or LanguageSwitch(self.settings, self)
        self.theme_name = theme or str(self.settings.value("theme", "dark"))
        self.theme: Theme = THEMES.get(self.theme_name, DARK)
        self.runner = QtRunner(parent=self)
        self.desk = Desk(self.runner, user_name=user, ask_user=ask_user)
        self.work = ExaminationSession(self.desk, self.runner, examine=examine,
                                       marker=RecoveryMarker() if store else None, store=store)
        self.signing = SigningSession(self.work)
        self.state = self.work.viewer
        self.annotator = self.work.annotator
        self.last_error: str | None = None
        self.about_box: QMessageBox | None = None
        self.signing_dialog: SigningDialog | None = None
        self.shortcuts: dict[str, Any] = {}
        self._build_centre()
        self._build_docks()
        self._build_status_bar()
        self.documents = DocumentPanels(
            self.desk, self.work, self.runner, tabs=self.tabs, checks=self.checks_panel,
            area=self.area, theme=lambda: self.theme, owner=self,
            show_error=self.show_error, status=self.say,
            show_banner=lambda banner: self.centre_layout.insertWidget(2, banner))
        self.chip, self.faces, self.alerts = (self.documents.chip, self.documents.faces,
                                              self.documents.alerts)
        self.reader_control = ReaderControl(self.reader_panel, self.state, self.settings,
                                            self.runner.tasks, self)
        self.reader_control.status.connect(self.say)
        self.reader_control.error.connect(self.show_error)
        self.reader_control.readerReplaced.connect(self.set_reader)
        self.reader_control.platenPlaced.connect(
            lambda doc, forgery, seed: self.chip.follow_platen(doc, forgery, seed))
        self.reader_panel.capture_requested.connect(self.capture_async)
        self.reader_panel.back_requested.connect(self.capture_back_async)
        self.live_timer = self.reader_control.live_timer
        self.file_actions = window_menus.build_menus(self)
        self._connect_session()
        self.set_reader(reader)
        apply_theme(QApplication.instance(), self.theme_name)  # type: ignore[arg-type]
        self.resize(1600, 1000)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        dock_state = self.settings.value("window_state")
        if isinstance(dock_state, QByteArray):
            self.restoreState(dock_state)
        else:
            self.default_layout()
        mode = str(self.settings.value("mode", Mode.CAPTURE.value))
        if mode in {m.value for m in Mode}:
            self.state.mode = Mode(mode)
        self.state.listeners.append(lambda: self.settings.setValue("mode", self.state.mode.value))
        # a disabled entry's tooltip (why not) follows the language too
        live(self, lambda: window_menus.update_actions(self), "actions")

    # -- layout ----------------------------------------------------------------------------
    def _build_centre(self) -> None:
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(4, 4, 4, 0)
        cl.setSpacing(4)
        self.centre_layout = cl
        self.identity = IdentityBar(lambda: self.theme)
        cl.addWidget(self.identity)
        self.banner = QWidget()
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(0, 0, 0, 0)
        self.banner_label = mk_label("", "banner")
        self.banner_label.setWordWrap(True)
        close = QPushButton()
        bind(close.setText, T("window", "Dismiss"))
        close.clicked.connect(lambda: self.banner.setVisible(False))
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(close)
        self.banner.setVisible(False)
        cl.addWidget(self.banner)
        self.area = ImageArea(self.state, self.annotator, lambda: self.theme)
        self.area.hovered.connect(self._hovered)
        self.area.annotation_added.connect(self._annotation_added)
        cl.addWidget(self.area, 1)
        self.views = CentreViews(centre)
        self.views.viewShown.connect(self._view_shown)
        self.menuBar().setCornerWidget(self.views.switch, Qt.Corner.TopRightCorner)
        self.setCentralWidget(self.views)

    def _dock(self, title: Text, name: str, widget: QWidget, area: Qt.DockWidgetArea,
              width: int) -> QDockWidget:
        dock = named(QDockWidget(self), name)
        bind(dock.setWindowTitle, title)
        dock.setWidget(widget)
        dock.setTitleBarWidget(QWidget())  # the tabs name what it shows
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        dock.setMinimumWidth(width)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.reader_panel = ReaderPanel()
        self.levels_panel = LevelsPanel(self.state.levels)
        self.levels_panel.changed.connect(self.state.changed)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        for w in (self.reader_panel, self.area.tools_box, self.levels_panel):
            ll.addWidget(w)
        ll.addStretch(1)
        scroll = FittingScrollArea(left)
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(scroll, "")
        bind(self.left_tabs.setTabText, T("window", "Reader"), 0)
        self.left_tabs.setDocumentMode(True)
        self.left_dock = self._dock(T("window", "Reader"), "reader_dock", self.left_tabs,
                                    Qt.DockWidgetArea.LeftDockWidgetArea, 250)
        self.checks_panel = ChecksPanel(lambda: self.theme)
        self.checks_panel.check_selected.connect(self.select_check)
        self.findings_panel = FindingsPanel(self.work.findings)
        self.findings_panel.changed.connect(lambda: self.work.edit(self.findings_panel.findings))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.checks_panel, "")
        self.tabs.addTab(self.findings_panel, "")
        bind(self.tabs.setTabText, T("window", "Checks"), 0)
        self._findings_locked = False
        live(self.tabs, self._findings_tab_text, "findings tab")
        self.right_dock = self._dock(T("window", "Examination"), "exam_dock", self.tabs,
                                     Qt.DockWidgetArea.RightDockWidgetArea, 300)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.status = QLabel(tx("window", "Ready"))
        self.position = QLabel("")
        self.progress = QProgressBar()
        self.progress.setFixedWidth(180)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton()
        bind(self.cancel_button.setText, T("window", "Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.runner.cancel_all)
        self.panels = DeskPanels(self.desk, self.runner, self.views, self.settings, self,
                                 open_examination=self.open_stored_examination,
                                 ask_password=self._ask_review_password,
                                 status=self.say)
        self.panels.dark = lambda: self.theme_name == "dark"
        self.sign_in_gate = SignInGate(self.desk, self.runner.tasks, self,
                                       status=self.say)
        self.user_button = self.panels.user_button
        sb.addWidget(self.status, 1)
        sb.addPermanentWidget(self.position)
        sb.addPermanentWidget(self.user_button)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        self.runner.tasks.started.connect(lambda _t: self._busy(True))
        self.runner.tasks.ended.connect(lambda _t: self._busy(bool(self.runner.running)))

    def _view_shown(self, name: str) -> None:
        """The case list, the review queue and the trends take the window's whole width:
        the side panels (about the document on the desk) come back with the
        examination."""
        for dock in (self.left_dock, self.right_dock):
            dock.setVisible(name == "examination")
        window_menus.update_actions(self)

    def default_layout(self) -> None:
        """Side panels at their working widths, a little wider on a wide window (px,
        logical); the images get the rest."""
        w = self.width()
        left = min(max(270, round(0.13 * w)), 420)
        right = min(max(370, round(0.2 * w)), 640)
        self.resizeDocks([self.left_dock, self.right_dock], [left, right],
                         Qt.Orientation.Horizontal)

    # -- the session's events ------------------------------------------------------------
    def _connect_session(self) -> None:
        w, s = self.work, self.signing
        listen(w.captured, self._captured, self)
        listen(w.examined, self._examined, self)
        listen(w.opened, lambda _r: self._refresh_findings(), self)
        listen(w.findingsChanged, self._findings_changed, self)
        listen(w.lockChanged, self._lock_findings, self)
        listen(w.message, self.say, self)
        listen(w.failed, self.show_error, self)
        listen(w.progressed, self._progress, self)
        listen(s.previewReady, self._confirm_signing, self)
        listen(s.refused, self._refused, self)
        listen(s.failed, self.show_error, self)
        listen(s.progressed, self._progress, self)
        listen(s.submitted, lambda _r: self.panels.refresh(), self)
        for signal in (s.stateChanged, w.examined, w.captured, w.findingsChanged,
                       w.lockChanged, w.conflicted, w.stored, w.opened, w.extended,
                       self.desk.userChanged, self.chip.verified, self.chip.failed,
                       self.chip.cancelled, self.faces.backCaptured, self.faces.failed):
            listen(signal, lambda *_: window_menus.update_actions(self), self)
        listen(self.desk.failed, self.show_error, self)

    def _captured(self, capture: CaptureSet) -> None:
        self.checks_panel.set_checks([])
        self._refresh_identity()
        self._refresh_findings()

    def _examined(self, shown: Shown) -> None:
        spec = shown.view.specimen
        zones = {z.id: z.label or z.id for z in spec.zones} if spec is not None else {}
        self.checks_panel.set_checks(shown.examination.checks, zones)
        self._refresh_identity()
        self._refresh_findings()

    def _refresh_identity(self) -> None:
        exam, shown = self.work.examination, self.work.shown
        if exam is None or shown is None:
            self.identity.set_identity(None, [], None)
            return
        spec = shown.view.specimen
        self.identity.set_identity(exam.verdict.value, self.work.identity_fields(),
                                   spec.title or spec.id if spec else exam.specimen_id)

    def _refresh_findings(self) -> None:
        exam = self.work.examination
        checks = exam.checks if exam is not None else ()
        self.findings_panel.load(self.work.findings, [
            (key, image_label(key, checks, QT)) for key, _english in
            self.work.report_image_choices()])

    def _findings_changed(self, findings: Findings) -> None:
        """Edited here (or marks drawn): the panel keeps what is typed, the marks list
        follows."""
        self.findings_panel.findings = findings
        self.findings_panel.show_annotations()

    def _lock_findings(self, locked: bool) -> None:
        """Findings of an examination under review (or approved) cannot change: the panel
        is disabled and its tab says why."""
        self.findings_panel.setEnabled(not locked)
        self._findings_locked = locked
        self._findings_tab_text()

    def _findings_tab_text(self) -> None:
        index = self.tabs.indexOf(self.findings_panel)
        if index >= 0:
            self.tabs.setTabText(index, tx("window", "Findings (submitted)")
                                 if self._findings_locked else tx("window", "Findings"))

    def _annotation_added(self, ann: Annotation) -> None:
        self.work.marks_changed()  # the annotator holds the mark, with its typed note
        self.status.setText(tx("window", "Marked: {mark}").format(
            mark=ann.label() or ann.kind.value))

    def _hovered(self, x: float, y: float) -> None:
        mm = self.state.position_mm(x, y)
        where = f"x {x:.0f}  y {y:.0f} px"
        if mm is not None:
            where += f"   ·   {mm[0]:.2f}, {mm[1]:.2f} mm"
        key = self.state.a
        if key is not None:
            v = self.state.pixel_at(key, x, y)
            if v is not None:
                where += "   ·   " + "/".join(str(t) for t in v)
        self.position.setText(where)

    # -- what the user asks ---------------------------------------------------------------
    def capture_async(self) -> None:
        """Capture every light in a worker; the capture is stored and examined."""
        if self.reader is None:
            return
        self.reader_panel.live.setChecked(False)
        self.work.capture(self.reader)

    def examine_async(self) -> None:
        """Examine the capture on the desk again."""
        self.work.examine()

    def save_to_case(self) -> None:
        """Ctrl+S: save the findings now (the capture is stored already)."""
        self.work.save_now()

    def open_stored_examination(self, examination_id: int) -> None:
        """Load a stored examination: its capture, examined again, and its findings (the
        examination view shows it)."""
        self.views.show_view("examination")
        self.work.open(examination_id)

    def capture_back_async(self) -> None:
        """Shift+Space: capture the back of the document on the desk."""
        self.reader_panel.live.setChecked(False)
        self.documents.capture_back(self.reader)

    def read_chip(self) -> None:
        """F9: read the document's chip (the Chip tab shows it)."""
        self.tabs.setCurrentWidget(self.documents.chip_panel)
        self.documents.chip_panel.read()

    def toggle_face(self) -> None:
        """Ctrl+B: the other face of the document."""
        self.faces.toggle()

    def select_check(self, check: CheckResult) -> None:
        """Zoom both images to the check's zone under its light."""
        shown = self.work.shown
        if shown is None:
            return
        if not focus_check(self.state, shown.view, check):
            self.status.setText(tx("window", "{check}: no zone to show").format(
                check=tx("check titles", check.title) if check.title else check.code))
        self.checks_panel.select(check)

    def ask_sign_in(self) -> None:
        """File → Sign in…: the session's user proves their secret (their signing key
        opens with it; :class:`~workstation.ui.login.SignInGate`)."""
        self.sign_in_gate.ask()

    def _ask_review_password(self) -> tuple[str | None, str | None] | None:
        """The review panel's countersignature: as :meth:`_ask_configured_password`,
        approving again once signed in."""
        def again() -> None:
            if self.panels.review_panel is not None:
                self.panels.review_panel.approve()

        return self._ask_configured_password(then=again)

    # -- the desk -------------------------------------------------------------------------
    def open_cases_async(self) -> None:
        """Open the case database in a worker, then show the case list."""
        self.desk.open_database()

    def choose_user(self) -> None:
        """Show the user chooser (the case database is opened first)."""
        self.panels.choose_user()

    def set_session_user(self, user: User) -> None:
        """Work as ``user``: named in the status bar, in every save, audit event and
        signature; a supervisor gets the review queue."""
        self.desk.set_user(user)

    # -- reader ---------------------------------------------------------------------------
    def set_reader(self, reader: Reader | None, *, opening: bool = False) -> None:
        """Use ``reader`` (``None``: no reader; ``opening``: one is being opened)."""
        self.reader_control.set_reader(reader, opening=opening)
        window_menus.update_actions(self)

    def switch_light(self, light: Light) -> None:
        """Switch ``light`` on; with captured images, show that light too."""
        self.reader_control.switch_light(light)

    def place_document(self, document: str, forgery: str, seed: int) -> None:
        """Put ``document`` (with ``forgery``) on the simulated platen."""
        self.reader_control.place_document(document, forgery, seed)

    def remembered_platen(self) -> tuple[str, str, int] | None:
        """The document, forgery and seed last placed on the simulator (settings)."""
        return self.reader_control.remembered_platen()

    # -- view -----------------------------------------------------------------------------
    def set_view(self, mode: Mode | str) -> None:
        self.state.set_mode(mode)

    def toggle_theme(self) -> None:
        self.theme_name = "light" if self.theme_name == "dark" else "dark"
        self.theme = THEMES[self.theme_name]
        apply_theme(QApplication.instance(), self.theme_name)  # type: ignore[arg-type]
        self.settings.setValue("theme", self.theme_name)
        if self.work.shown is not None:
            self._examined(self.work.shown)
        self.documents.chip_panel.show_report(self.chip.report)
        self.documents.barcode_panel.show_examination(self.examination)
        if self.panels.trends_panel is not None:
            self.panels.trends_panel.set_dark(self.theme_name == "dark")
        self._refresh_identity()
        self.state.changed()

    def escape(self) -> None:
        """Escape: drop the mark being drawn, else cancel what runs."""
        if self.annotator.draft:
            self.annotator.draft = []
            self.state.changed()
        elif self.runner.running:
            self.runner.cancel_all()

    def show_about(self) -> None:
        """The About box: version, Python and Qt, data folder, bundled fonts' licences."""
        self.about_box = window_menus.show_about(self, self.about_box)

    # -- errors and progress --------------------------------------------------------------
    def show_error(self, message: str, details: str = "") -> None:
        """Show a failure in the window (banner and status bar); never lose it."""
        self.last_error = message
        shown = render(message, QT)  # a session's message in the window's language
        self.banner_label.setText(shown)
        self.banner_label.setToolTip(details)
        self.banner.setVisible(True)
        self.status.setText(shown)

    def say(self, text: str) -> None:
        """Show ``text`` in the status bar (a session's message in the window's
        language)."""
        self.status.setText(render(text, QT))

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        if on:
            self.progress.setRange(0, 0)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.say(text)

    def run_task(self, name: str, fn: Callable[[ProgressFn, threading.Event], Any],
                 on_done: Callable[[Any], None]) -> Task:
        """Run ``fn`` in the pool with progress and cancel shown; errors go to the banner."""
        return self.runner.tasks.start(Task(name, fn), on_done=on_done,
                                       on_error=self.show_error, on_progress=self._progress)

    # -- what tests and the start-up read -------------------------------------------------
    @property
    def reader(self) -> Reader | None:
        """The reader in use."""
        return self.reader_control.reader

    @property
    def examine_fn(self) -> ExamineFn | None:
        """The examination the session runs on each capture."""
        return self.work.examine_fn

    @examine_fn.setter
    def examine_fn(self, fn: ExamineFn | None) -> None:
        self.work.examine_fn = fn
        window_menus.update_actions(self)

    @property
    def capture(self) -> CaptureSet | None:
        """The capture on the desk."""
        return self.work.capture_set

    @property
    def examination(self) -> Examination | None:
        """Its automated examination, once done."""
        return self.work.examination

    @property
    def findings(self) -> Findings:
        """The examiner's findings on it."""
        return self.work.findings

    @property
    def case_record(self) -> ExaminationRecord | None:
        """Its record in the case database, once stored."""
        return self.work.record

    @property
    def autosaver(self) -> FindingsAutosaver:
        """What saves the findings as they are typed."""
        return self.work.autosaver

    @property
    def cases(self) -> CaseRepository | None:
        """The case database, once open."""
        return self.desk.repository

    @property
    def user(self) -> User | None:
        """The session's account, once known."""
        return self.desk.user

    @property
    def user_name(self) -> str:
        """The session's user name."""
        return self.desk.user_name

    # -- lifecycle ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.work.close()  # a pending findings save runs; cancel does not stop it
        self.runner.wait(5000)
        self.runner.cancel_all()
        self.runner.wait(5000)
        self.views.show_view("examination")  # the side panels saved as shown there
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.sync()
        self.reader_control.close()
        self.documents.close()
        self.desk.close()
        super().closeEvent(event)

    def save_screenshot(self, path: str | Path) -> None:
        """Render the window to a PNG at ``path`` (``OSError`` when it cannot be written)."""
        from workstation.ui.widgets import save_png

        QApplication.processEvents()
        save_png(self, path)
