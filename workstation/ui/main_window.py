"""The examiner's main window: reader left, images centre, checks right, identity above."""

from __future__ import annotations

import contextlib
import tempfile
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.examination.results import Examination
from workstation.findings import Annotation, Findings
from workstation.hardware.base import Reader
from workstation.labels import image_label
from workstation.paths import data_dir, login_name
from workstation.types import CaptureSet, CheckResult, Image, Light
from workstation.ui.image_area import ImageArea
from workstation.ui.panels import (
    LIGHT_KEYS,
    ChecksPanel,
    FindingsPanel,
    IdentityBar,
    LevelsPanel,
    ReaderPanel,
)
from workstation.ui.theme import DARK, THEMES, Theme, apply_theme
from workstation.ui.widgets import mk_label, named
from workstation.ui.workers import ProgressFn, Task, TaskRunner
from workstation.viewstate import (
    Annotator,
    ExaminationView,
    Mode,
    Origin,
    Tool,
    ViewerState,
    focus_check,
    zone_overlays,
)

#: Documents and forgeries the simulator offers when it does not list them itself.
DEFAULT_DOCUMENTS = ("UTO-P-2020", "UTO-ID-2021")
DEFAULT_FORGERIES = ("office_paper", "uv_feature_missing", "mrz_ir_transparent",
                     "background_ir_absorbing", "portrait_substituted", "mrz_char_altered",
                     "viz_data_altered", "guilloche_imitated")

ExamineFn = Callable[..., Examination]


def settings_store() -> QSettings:
    """The window's settings: an INI file in the data folder (``$WORKSTATION_HOME``)."""
    return QSettings(str(data_dir() / "ui.ini"), QSettings.Format.IniFormat)


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


def default_examine() -> ExamineFn | None:
    """The examination API when it is installed, else ``None``."""
    import importlib

    try:
        module = importlib.import_module("workstation.examination")
    except ImportError:
        return None
    fn = getattr(module, "examine", None)
    return fn if callable(fn) else None


class MainWindow(QMainWindow):
    """The workstation window. Collaborators are passed in: reader, examine, settings."""

    def __init__(self, reader: Reader | None, *, examine: ExamineFn | None = None,
                 settings: QSettings | None = None, theme: str | None = None,
                 user: str | None = None, ask_user: bool = False) -> None:
        """``user``: the session's user name (else the login name when the case database
        opens); ``ask_user``: show the user chooser once the case database is open."""
        super().__init__()
        self.setWindowTitle("Workstation — document examination")
        self.reader = reader
        self.examine_fn = examine
        self.settings = settings or settings_store()
        self.theme_name = theme or str(self.settings.value("theme", "dark"))
        self.theme: Theme = THEMES.get(self.theme_name, DARK)
        self.state = ViewerState()
        self.findings = Findings()
        self.annotator = Annotator(list(self.findings.annotations))
        self.runner = TaskRunner(parent=self)
        self.capture: CaptureSet | None = None
        self.examination: Examination | None = None
        self.exam_view: ExaminationView | None = None
        self.last_error: str | None = None
        self._live_task: Task | None = None
        self.cases: Any | None = None          # workstation.cases.CaseRepository, once open
        self.case_record: Any | None = None    # the stored examination (ExaminationRecord)
        self.autosaver: Any | None = None      # ui.cases_autosave.FindingsAutosaver
        self.user_name = user or ""
        self.user: Any | None = None           # workstation.cases.User, once known
        self.ask_user = ask_user
        self.user_dialog: Any | None = None    # ui.cases_users.UserDialog while shown
        self.about_box: QMessageBox | None = None
        self.review_panel: Any | None = None   # ui.review.ReviewWidget, for a supervisor
        self.conclude_task: Task | None = None  # conclude and submit, while it runs

        # centre: identity above, error banner, images
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(4, 4, 4, 0)
        cl.setSpacing(4)
        self.identity = IdentityBar(lambda: self.theme)
        cl.addWidget(self.identity)
        self.banner = QWidget()
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(0, 0, 0, 0)
        self.banner_label = mk_label("", "banner")
        self.banner_label.setWordWrap(True)
        close = QPushButton("Dismiss")
        close.clicked.connect(lambda: self.banner.setVisible(False))
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(close)
        self.banner.setVisible(False)
        cl.addWidget(self.banner)
        self.area = ImageArea(self.state, self.annotator, lambda: self.theme)
        self.area.hovered.connect(self._hovered)
        self.area.annotation_added.connect(self._annotation_added)
        cl.addWidget(self.area, 1)
        self.setCentralWidget(centre)

        # left: reader and display levels
        self.reader_panel = ReaderPanel()
        self.levels_panel = LevelsPanel(self.state.levels)
        self.levels_panel.changed.connect(self.state.changed)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.reader_panel)
        ll.addWidget(self.area.tools_box)
        ll.addWidget(self.levels_panel)
        ll.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(scroll, "Reader")
        self.left_tabs.setDocumentMode(True)
        self.left_dock = named(QDockWidget("Reader", self), "reader_dock")
        self.left_dock.setWidget(self.left_tabs)
        self.left_dock.setTitleBarWidget(QWidget())  # the tabs name what it shows
        self.left_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.left_dock.setMinimumWidth(250)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.left_dock)

        # right: checks and findings
        self.checks_panel = ChecksPanel(lambda: self.theme)
        self.checks_panel.check_selected.connect(self.select_check)
        self.findings_panel = FindingsPanel(self.findings)
        self.findings_panel.changed.connect(self._panel_edited)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.checks_panel, "Checks")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.findings_panel, "Findings")
        self.right_dock = named(QDockWidget("Examination", self), "exam_dock")
        self.right_dock.setWidget(self.tabs)
        self.right_dock.setTitleBarWidget(QWidget())
        self.right_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.right_dock.setMinimumWidth(300)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.right_dock)

        # status bar
        sb = self.statusBar()
        self.status = QLabel("Ready")
        self.position = QLabel("")
        self.progress = QProgressBar()
        self.progress.setFixedWidth(180)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.runner.cancel_all)
        sb.addWidget(self.status, 1)
        sb.addPermanentWidget(self.position)
        self.user_button = named(QPushButton(""), "user_button")
        self.user_button.setFlat(True)
        self.user_button.setToolTip("The session's user — click to switch")
        self.user_button.clicked.connect(self.choose_user)
        self._show_user()
        sb.addPermanentWidget(self.user_button)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)

        # reader wiring
        rp = self.reader_panel
        rp.light_chosen.connect(self.switch_light)
        rp.exposure_changed.connect(self._exposure_changed)
        rp.live_toggled.connect(self.set_live)
        rp.capture_requested.connect(self.capture_async)
        rp.document_chosen.connect(self.place_document)
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(120)
        self.live_timer.timeout.connect(self._live_tick)
        self.light_shortcuts: list[QShortcut] = []
        self._build_menus_and_keys()
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
        self.state.listeners.append(self._state_changed)

    # -- optional panels of other engineers ----------------------------------------------
    def add_optional_panels(self) -> None:
        """Panels of the other packages, when installed: device settings (left dock).

        Imported here, after the window is shown, so that start-up stays fast; a
        panel that fails to load is reported in the window and the rest works.
        """
        try:
            from workstation.hardware.session import DeviceSession
            from workstation.ui.devices import DeviceSettingsWidget
        except ImportError:
            return
        try:
            session = DeviceSession(reader=self.reader, persist=True) \
                if self.reader is not None else DeviceSession()
            widget = DeviceSettingsWidget(session, runner=self.runner)
        except Exception as exc:  # another panel's failure must not stop the window
            self.status.setText(f"Device settings not available: {exc}")
            return
        widget.readerChanged.connect(self.set_reader)
        widget.deviceError.connect(self.show_error)
        widget.message.connect(self.status.setText)
        self.devices_panel = widget
        scroll = QScrollArea()  # its forms may be wider than the dock
        scroll.setWidgetResizable(True)
        scroll.setWidget(widget)
        self.left_tabs.addTab(scroll, "Devices")

    def add_case_panels(self) -> None:
        """The case list and the review queue (right dock), when those packages exist."""
        self._update_review_panel()
        if self.cases is None or hasattr(self, "cases_panel"):
            return
        try:
            from workstation.ui.cases_list import CaseListWidget
        except ImportError:
            return
        try:
            self.cases_panel = CaseListWidget(self.cases, runner=self.runner)
        except Exception as exc:
            self.status.setText(f"Case list not available: {exc}")
            return
        self.cases_panel.examinationOpened.connect(self.open_stored_examination)
        self.cases_panel.set_user(self.user)
        self.tabs.addTab(self.cases_panel, "Cases")

    def _update_review_panel(self) -> None:
        """A supervisor gets the review queue (with the case database's examinations under
        review, decisions audited as them); other roles do not see it."""
        try:
            from workstation.cases import Role
        except ImportError:
            return
        panel = self.review_panel
        repo = self.cases
        supervisor = (self.user if self.user is not None and self.user.role is Role.SUPERVISOR
                      and repo is not None else None)
        if panel is not None and (supervisor is None or panel.property("user") != supervisor.name):
            self.tabs.removeTab(self.tabs.indexOf(panel))
            panel.deleteLater()
            self.review_panel = panel = None
        if supervisor is None or repo is None or panel is not None:
            return
        try:
            from workstation.reports.review import ReviewQueue
            from workstation.ui.review import (
                CaseReviewSource,
                ReviewWidget,
                default_identity_provider,
            )

            queue = ReviewQueue(audit=repo.audit_hook(supervisor))
            panel = ReviewWidget(queue, runner=self.runner,
                                 cases=CaseReviewSource(repo, supervisor),
                                 reviewer=supervisor.display_name or supervisor.name,
                                 identity_provider=default_identity_provider(
                                     self, user=supervisor.name,
                                     display_name=supervisor.display_name or supervisor.name))
        except ImportError:
            return
        except Exception as exc:  # another panel's failure must not stop the window
            self.status.setText(f"Review queue not available: {exc}")
            return
        panel.setProperty("user", supervisor.name)
        self.review_panel = panel
        self.tabs.addTab(panel, "Review")

    # -- the session's user --------------------------------------------------------------
    def _show_user(self) -> None:
        user = self.user
        text = user.label if user is not None else (self.user_name or "no user chosen")
        self.user_button.setText(f"User: {text}")

    def set_session_user(self, user: Any) -> None:
        """Work as ``user`` (a :class:`workstation.cases.User`): shown in the status bar,
        written into every save and audit event; a supervisor gets the review queue."""
        self.user = user
        self.user_name = user.name
        self.settings.setValue("last_user", user.name)
        self._show_user()
        if self.autosaver is not None:
            self.autosaver.user = user
        if hasattr(self, "cases_panel"):
            self.cases_panel.set_user(user)
        self._update_review_panel()
        self.status.setText(f"Working as {user.label}")

    def choose_user(self) -> None:
        """Show the user chooser (the case database is opened first, in a worker)."""
        if self.cases is None:
            self.ask_user = True
            self.open_cases_async()
            return
        try:
            from workstation.ui.cases_users import UserDialog
        except ImportError:
            return
        if self.user_dialog is not None:
            self.user_dialog.raise_()
            return
        last = self.user_name or str(self.settings.value("last_user", "") or "") or None
        dialog = UserDialog(self.cases, last_user=last, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self.user_dialog = None
            chosen = dialog.selected_user() if result == int(dialog.DialogCode.Accepted) \
                else None
            if chosen is None and self.user is None and self.cases is not None:
                try:  # cancelled at start: the login name, as without the dialog
                    chosen = self.cases.ensure_user(login_name())
                except Exception as exc:
                    self.show_error(f"No user: {exc}")
                    return
            if chosen is not None:
                self.set_session_user(chosen)
            elif self.user is not None:
                self.set_session_user(self.user)  # cancelled: the user stays who it was

        dialog.finished.connect(finished)
        self.user_dialog = dialog
        dialog.open()  # window-modal, never a nested event loop

    # -- cases and reports ---------------------------------------------------------------
    def _repository(self) -> Any:
        """The case repository, opened on first use (call from a worker: it may migrate)."""
        if self.cases is None:
            from workstation.cases import CaseRepository

            repo = CaseRepository.open()
            if self.user_name or not self.ask_user:  # else the user dialog says who
                name = self.user_name or login_name()
                user = repo.ensure_user(name)
                self.user_name = name
                if self.user is None:
                    self.user = user
            self.cases = repo
        return self.cases

    def open_cases_async(self) -> None:
        """Open the case database in a worker, then show the case list."""
        def work(progress: ProgressFn, cancel: threading.Event) -> object:
            return self._repository()

        def done(_repo: object) -> None:
            self._busy(False)
            if self.user is not None:
                self.set_session_user(self.user)
            self.add_case_panels()
            if self.ask_user:
                self.ask_user = False
                self.choose_user()

        self.run_task("Opening the case database", work, done)

    def save_to_case(self) -> None:
        """Store the examination (first time) and the examiner's findings in the case
        database, in a worker."""
        exam = self.examination
        if exam is None:
            self.status.setText("Nothing to save: capture and examine a document first")
            return
        findings = self.findings
        if self.autosaver is not None and self.autosaver.record is not None:
            self.autosaver.changed(findings)  # stored already: save the findings now
            self.autosaver.flush()
            return

        def work(progress: ProgressFn, cancel: threading.Event) -> Any:
            repo = self._repository()
            record = self.case_record
            if record is None:
                ids = repo.store_examination(exam, user=self.user_name)
                record = repo.open_examination(ids.examination_id)
            return repo.save_findings(record.id, findings, expected_version=record.version,
                                      user=self.user_name)

        def done(record: Any) -> None:
            self._busy(False)
            self.case_record = record
            ref = getattr(record.summary, "case_reference", "")
            self.status.setText(f"Saved to case {ref} (version {record.version}); "
                                "findings now save as you work")
            self._attach_autosaver(record)
            self.add_case_panels()

        self.run_task("Saving to the case", work, done)

    def _attach_autosaver(self, record: Any) -> None:
        """From now on the findings of ``record`` save themselves as the examiner works."""
        if self.cases is None:
            return
        if self.autosaver is None:
            try:
                from workstation.ui.cases_autosave import FindingsAutosaver
            except ImportError:
                return
            self.autosaver = FindingsAutosaver(self.cases, self.user or self.user_name,
                                               runner=self.runner,
                                               parent=self)
            self.autosaver.saved.connect(self._autosaved)
            self.autosaver.conflict.connect(
                lambda msg: self.show_error(f"Findings not saved: {msg} — open the "
                                            "examination again to see the other changes"))
            self.autosaver.failed.connect(lambda msg: self.show_error(msg))
        self.autosaver.load(record)

    def _autosaved(self, record: Any) -> None:
        self.case_record = record
        self.status.setText(f"Findings saved (version {record.version})")

    def open_stored_examination(self, examination_id: int) -> None:
        """Load a stored examination: its capture, examined again, and its findings."""
        examine = self.examine_fn

        def work(progress: ProgressFn, cancel: threading.Event) -> Any:
            repo = self._repository()
            record = repo.open_examination(examination_id)
            capture = repo.capture_of(record)
            progress(0, 0, "Examining the stored capture")
            exam = None
            images: dict[Light, Image] = {}
            if examine is not None:
                spec = record.examination.get("specimen")
                exam = examine(capture, specimen_id=spec, cancel=cancel.is_set)
                images = ExaminationView.of(exam).specimen_images()
            return record, capture, exam, images

        def done(result: Any) -> None:
            record, capture, exam, images = result
            self.on_captured(capture, examine=False)
            if exam is not None:
                self.on_examined(exam, images)
            self.case_record = record
            self.findings = record.findings or Findings()
            self.annotator.annotations = list(self.findings.annotations)
            self._attach_autosaver(record)
            self._refresh_findings()
            self._findings_changed()
            final = record.summary.status.value in ("under_review", "approved")
            self._lock_findings(final)  # findings of those cannot change
            if final and self.autosaver is not None:
                self.autosaver.blocked = True
            self.state.changed()
            self.status.setText(f"Opened case {record.summary.case_reference}, "
                                f"examination {record.id}")

        self.run_task("Opening the examination", work, done)

    def ask_report_path(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.examination is None:
            self.status.setText("Nothing to report: capture and examine a document first")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Sign report", "report.pdf",
                                              "PDF (*.pdf)")
        if not path:
            return
        from workstation.reports.config import load_config

        configured = load_config().pkcs12
        if configured:  # the configured PKCS#12 file: its password is asked, not stored
            password = self._ask_pkcs12_password(configured)
            if password is not None:
                self.sign_report(path, pkcs12=configured, password=password)
            return
        self.sign_report(path)

    def _ask_pkcs12_password(self, pkcs12: str | Path) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        password, ok = QInputDialog.getText(self, "Sign with PKCS#12",
                                            f"Password of {Path(pkcs12).name}:",
                                            QLineEdit.EchoMode.Password)
        return password if ok else None

    def ask_pkcs12_report(self) -> None:
        """Sign the report with a PKCS#12 file: asks the file, its password (used for this
        report only, never stored) and where to write the PDF."""
        from PySide6.QtWidgets import QFileDialog

        if self.examination is None:
            self.status.setText("Nothing to report: capture and examine a document first")
            return
        p12, _ = QFileDialog.getOpenFileName(self, "Sign with PKCS#12 file", "",
                                             "PKCS#12 (*.p12 *.pfx);;All files (*)")
        if not p12:
            return
        password = self._ask_pkcs12_password(p12)
        if password is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Sign report", "report.pdf",
                                              "PDF (*.pdf)")
        if path:
            self.sign_report(path, pkcs12=p12, password=password)

    def report_views(self) -> dict[str, Image]:
        """The current view, rendered, for ``view:current`` in the findings."""
        import numpy as np
        from PySide6.QtGui import QImage

        img = self.area.panes_widget.grab().toImage().convertToFormat(
            QImage.Format.Format_RGB888)
        w, h = img.width(), img.height()
        raw = np.frombuffer(img.constBits(), dtype=np.uint8,
                            count=img.bytesPerLine() * h).reshape(h, img.bytesPerLine())
        return {"current": np.ascontiguousarray(raw[:, :w * 3].reshape(h, w, 3))}

    def sign_report(self, path: str | Path, *, pkcs12: str | Path | None = None,
                    password: str | None = None) -> None:
        """Build, sign and write the report of the examination to ``path`` (worker).

        The signer is the PKCS#12 file ``pkcs12`` (with ``password``) or the session
        user's certificate from the local CA; the signature goes into the audit trail
        of the case database as the session's user."""
        exam = self.examination
        if exam is None:
            return
        findings = self.findings
        views = self.report_views()
        specimen = self.exam_view.specimen if self.exam_view else None
        record = self.case_record

        def work(progress: ProgressFn, cancel: threading.Event) -> Path:
            from workstation.reports import resolve_identity, write_signed_report

            progress(0, 0, "Building and signing the report")
            case_ref = getattr(getattr(record, "summary", None), "case_reference", "") or ""
            identity = resolve_identity(self._signing_config(),
                                        user=self.user_name or login_name(),
                                        pkcs12=pkcs12, password=password)
            audit = None
            try:
                repo = self._repository()
            except ImportError:  # no case database installed: nothing to audit into
                repo = None
            if repo is not None:
                audit = repo.audit_hook(self.user or self.user_name)
            return write_signed_report(exam, path, findings=findings, specimen=specimen,
                                       views=views, case_ref=case_ref,
                                       examiner=self._examiner_name(),
                                       identity=identity, audit=audit)

        def done(out: Path) -> None:
            self._busy(False)
            self.status.setText(f"Signed report written to {out}")

        self.run_task("Report", work, done)

    def _lock_findings(self, locked: bool) -> None:
        """Findings of an examination under review (or approved) cannot change: the panel
        is disabled and its tab says why."""
        self.findings_panel.setEnabled(not locked)
        index = self.tabs.indexOf(self.findings_panel)
        if index >= 0:
            self.tabs.setTabText(index, "Findings (submitted)" if locked else "Findings")

    def _examiner_name(self) -> str:
        """The session user's name as printed in reports (display name, else login)."""
        user = self.user
        if user is not None:
            return str(user.display_name or user.name)
        return self.user_name or login_name()

    def _signing_config(self) -> Any:
        """The report configuration with the session user as examiner, so the local CA
        issues the user's certificate in their own name."""
        import dataclasses

        from workstation.reports.config import load_config

        return dataclasses.replace(load_config(), examiner=self._examiner_name())

    def ask_conclude_and_submit(self) -> None:
        """File → Conclude and submit for review: asks the PKCS#12 password when one is
        configured, then :meth:`conclude_and_submit`."""
        if not self._can_conclude():
            return
        from workstation.reports.config import load_config

        try:
            configured = load_config().pkcs12
        except Exception as exc:
            self.show_error(f"Not submitted: {exc}")
            return
        if configured:
            password = self._ask_pkcs12_password(configured)
            if password is None:
                return
            self.conclude_and_submit(pkcs12=configured, password=password)
            return
        self.conclude_and_submit()

    def _can_conclude(self) -> bool:
        """Whether there is a concluded examination to submit (else a one-line banner)."""
        if self.examination is None:
            self.show_error("Nothing to conclude: capture and examine a document first")
            return False
        if self.findings.conclusion is None:
            self.show_error("Not submitted: choose a conclusion in the Findings tab first")
            self.tabs.setCurrentWidget(self.findings_panel)
            return False
        if self.conclude_task is not None:
            self.status.setText("Already concluding and submitting this examination")
            return False
        saver = self.autosaver
        if saver is not None and saver.record is not None and saver.blocked:
            self.show_error("Not submitted: the findings could not be saved (changed "
                            "elsewhere) — open the examination again to see the other "
                            "changes")
            return False
        return True

    def conclude_and_submit(self, *, pkcs12: str | Path | None = None,
                            password: str | None = None) -> None:
        """Save the findings, conclude the examination, sign its report as the session
        user, store the signed PDF with it and submit it for review — in a worker.

        Pending autosaves finish first; the save names the version last saved, so an
        examination changed elsewhere is a conflict shown in the banner, never
        overwritten. Nothing is concluded unless the report was signed, and a failure
        after concluding reopens the examination (nothing goes to review half-done).
        The signature is audited once, by ``store_report(signed=True)``.
        """
        if not self._can_conclude():
            return
        saver = self.autosaver
        if saver is not None and saver.record is not None and saver.pending:
            self._after_autosave(lambda: self.conclude_and_submit(pkcs12=pkcs12,
                                                                  password=password))
            return
        exam = self.examination
        assert exam is not None
        findings = self.findings
        views = self.report_views()
        specimen = self.exam_view.specimen if self.exam_view else None
        record = saver.record if saver is not None and saver.record is not None \
            else self.case_record
        latest: dict[str, Any] = {"record": record}
        if saver is not None:
            saver.blocked = True  # the worker saves; no autosave with a stale version
        self.findings_panel.setEnabled(False)

        def work(progress: ProgressFn, cancel: threading.Event) -> tuple[Any, str]:
            from workstation.cases import Status
            from workstation.errors import ConflictError
            from workstation.reports import resolve_identity, write_signed_report
            from workstation.ui.workers import Cancelled

            total = 6
            repo = self._repository()
            user = self.user or self.user_name
            rec = latest["record"]
            if rec is None:
                progress(0, total, "Storing the examination in a case")
                ids = repo.store_examination(exam, user=user)
                rec = latest["record"] = repo.open_examination(ids.examination_id)
            progress(1, total, "Saving the findings")
            try:
                rec = latest["record"] = repo.save_findings(
                    rec.id, findings, expected_version=rec.version, user=user)
            except ConflictError:
                latest["conflict"] = True
                raise
            progress(2, total, "Building and signing the report")
            identity = resolve_identity(self._signing_config(),
                                        user=self.user_name or login_name(),
                                        pkcs12=pkcs12, password=password)
            with tempfile.TemporaryDirectory(prefix="workstation-report-") as tmp:
                # no audit hook here: store_report(signed=True) records the signature once
                out = write_signed_report(exam, Path(tmp) / "report.pdf", findings=findings,
                                          specimen=specimen, views=views,
                                          case_ref=rec.summary.case_reference,
                                          examiner=self._examiner_name(),
                                          identity=identity)
                pdf = out.read_bytes()
            progress(3, total, "Concluding the examination")
            concluded_here = rec.summary.status is not Status.CONCLUDED
            if concluded_here:
                rec = latest["record"] = repo.conclude(rec.id, expected_version=rec.version,
                                                       user=user)
            try:  # from here on, finish or undo: a cancel is no longer honoured
                with contextlib.suppress(Cancelled):
                    progress(4, total, "Storing the signed report")
                repo.store_report(rec.id, pdf, user=user, signed=True, signer=identity.name)
                with contextlib.suppress(Cancelled):
                    progress(5, total, "Submitting for review")
                rec = latest["record"] = repo.submit_for_review(
                    rec.id, expected_version=rec.version, user=user)
            except BaseException:
                if concluded_here:
                    with contextlib.suppress(Exception):
                        latest["record"] = repo.reopen(rec.id, expected_version=rec.version,
                                                       user=user)
                raise
            return rec, identity.name

        def finished() -> bool:
            """Back to the examination's latest stored state; ``False`` when the window
            moved on to another capture meanwhile."""
            self.conclude_task = None
            if self.examination is not exam:
                return False
            self._lock_findings(False)
            rec = latest["record"]
            if rec is not None:
                self.case_record = rec
                self._attach_autosaver(rec)
                if latest.get("conflict") and self.autosaver is not None:
                    self.autosaver.blocked = True  # reload first; never overwrite
            return True

        def done(result: tuple[Any, str]) -> None:
            current = finished()
            rec, signer = result
            self._busy(False)
            if current:
                self._lock_findings(True)  # under review: the findings are final
                if self.autosaver is not None:
                    self.autosaver.blocked = True
            if self.user is not None:  # the account, once the case database is open
                self._show_user()
            self.add_case_panels()
            if hasattr(self, "cases_panel"):
                self.cases_panel.refresh()
            if self.review_panel is not None:
                self.review_panel.refresh()
            self.status.setText(
                f"Concluded and submitted for review: case {rec.summary.case_reference}, "
                f"examination {rec.id} (report signed by {signer})")

        def failed(message: str, details: str) -> None:
            finished()
            self.show_error(message, details)

        self._busy(True, "Concluding and submitting for review…")
        self.conclude_task = self.runner.start(
            Task("Conclude and submit", work), on_done=done, on_error=failed,
            on_progress=self._progress)

    def _after_autosave(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the autosaver has no save pending or running."""
        saver = self.autosaver
        assert saver is not None
        self._busy(True, "Saving the findings…")

        def check(*_args: object) -> None:
            if saver.pending:
                return
            for signal in (saver.saved, saver.conflict, saver.failed):
                signal.disconnect(check)
            self._busy(False)
            then()

        for signal in (saver.saved, saver.conflict, saver.failed):
            signal.connect(check)
        saver.flush()

    # -- menus and shortcuts -------------------------------------------------------------
    def _shortcut(self, key: str | QKeySequence, fn: Callable[[], Any]) -> QShortcut:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WindowShortcut)
        sc.activated.connect(fn)
        return sc

    def _light_switcher(self, light: Light) -> Callable[[], None]:
        return lambda: self.switch_light(light)

    def default_layout(self) -> None:
        """Side panels at their working widths; the images get the rest."""
        self.resizeDocks([self.left_dock, self.right_dock], [270, 370],
                         Qt.Orientation.Horizontal)

    def set_reader(self, reader: Reader | None, *, opening: bool = False) -> None:
        """Use ``reader`` (``None``: no reader; ``opening``: one is being opened)."""
        self.reader = reader
        rp = self.reader_panel
        for sc in self.light_shortcuts:
            sc.setEnabled(False)
            sc.deleteLater()
        self.light_shortcuts = []
        if reader is None:
            rp.set_reader("Opening the reader…" if opening else "No reader connected", [])
            rp.capture_button.setEnabled(False)
            rp.platen_box.setVisible(False)
            return
        rp.capture_button.setEnabled(True)
        rp.set_reader(reader.name, reader.lights)
        rp.set_current_light(reader.current_light, None)
        for i, light in enumerate(reader.lights[:len(LIGHT_KEYS)]):
            self.light_shortcuts.append(self._shortcut(LIGHT_KEYS[i],
                                                       self._light_switcher(light)))
        if hasattr(reader, "load_document"):
            documents = tuple(getattr(reader, "documents", ()) or DEFAULT_DOCUMENTS)
            forgeries = tuple(getattr(reader, "forgeries", ()) or DEFAULT_FORGERIES)
            # what lies on the platen now (the simulator says; else the last choice)
            doc = (str(reader.document) if hasattr(reader, "document")
                   else str(self.settings.value("document", documents[0])))
            forgery = (str(reader.forgery or "") if hasattr(reader, "forgery")
                       else str(self.settings.value("forgery", "")))
            seed = (int(reader.seed) if hasattr(reader, "seed")
                    else int(str(self.settings.value("seed", 0) or 0)))
            rp.set_platen_choices(documents, forgeries, doc, forgery, seed)
        else:
            rp.platen_box.setVisible(False)
        self.status.setText(f"Reader: {reader.name}")

    def _build_menus_and_keys(self) -> None:
        self.shortcuts: dict[str, QShortcut] = {}
        file_menu = self.menuBar().addMenu("&File")
        for label, key, fn in (("Capture all lights", "", self.capture_async),
                               ("Examine again", "Ctrl+E", self.examine_async),
                               ("Save to case", "Ctrl+S", self.save_to_case),
                               ("Sign report…", "Ctrl+P", self.ask_report_path),
                               ("Conclude and submit for review…", "Ctrl+Shift+R",
                                self.ask_conclude_and_submit),
                               ("Sign with PKCS#12 file…", "", self.ask_pkcs12_report),
                               ("Switch user…", "Ctrl+U", self.choose_user),
                               ("Quit", "Ctrl+Q", self.close)):
            act = QAction(label, self)
            if key:
                act.setShortcut(QKeySequence(key))
            act.triggered.connect(fn)
            file_menu.addAction(act)
        self.shortcuts["Space"] = self._shortcut("Space", self.capture_async)
        view = self.menuBar().addMenu("&View")
        for i, mode in enumerate(Mode):
            act = QAction(mode.label, self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _=False, m=mode: self.set_view(m))
            view.addAction(act)
        view.addSeparator()
        for label, key, fn in (
            ("Zoom in", "+", self.state.viewport.zoom_in),
            ("Zoom out", "-", self.state.viewport.zoom_out),
            ("Fit page", "F", self.state.viewport.fit),
            ("Actual pixels", "1", self.state.viewport.one_to_one),
            ("Specimen zones", "Z", self.area.toggle_zones),
            ("Loupe", "L", self.area.toggle_loupe),
            ("Dark / light theme", "Ctrl+T", self.toggle_theme),
        ):
            act = QAction(label, self)
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(fn)
            view.addAction(act)
            self.addAction(act)
        tools = self.menuBar().addMenu("&Tools")
        for tool, key in ((Tool.PAN, "P"), (Tool.RULER, "R"), (Tool.ANGLE, "A"),
                          (Tool.RECTANGLE, "M"), (Tool.ARROW, "W")):
            act = QAction(tool.value.capitalize(), self)
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(lambda _=False, t=tool: self.area.set_tool(t))
            tools.addAction(act)
            self.addAction(act)
        undo = QAction("Remove last mark", self)
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        undo.triggered.connect(self.remove_last_mark)
        tools.addAction(undo)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("About", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.about_action = about
        self.shortcuts["Escape"] = self._shortcut("Escape", self._escape)

    def show_about(self) -> None:
        """The About box: version, Python and Qt, data folder, bundled fonts' licences."""
        if self.about_box is None:
            box = QMessageBox(self)
            box.setWindowTitle("About workstation")
            box.setTextFormat(Qt.TextFormat.RichText)
            box.setIcon(QMessageBox.Icon.Information)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self.about_box = box
        self.about_box.setText(about_text())
        self.about_box.open()

    # -- state ---------------------------------------------------------------------------
    def _state_changed(self) -> None:
        self.settings.setValue("mode", self.state.mode.value)

    def set_view(self, mode: Mode | str) -> None:
        self.state.set_mode(mode)

    def toggle_theme(self) -> None:
        self.theme_name = "light" if self.theme_name == "dark" else "dark"
        self.theme = THEMES[self.theme_name]
        apply_theme(QApplication.instance(), self.theme_name)  # type: ignore[arg-type]
        self.settings.setValue("theme", self.theme_name)
        if self.examination is not None:
            self.checks_panel.set_checks(self.examination.checks)
        self._refresh_identity()
        self.state.changed()

    def _escape(self) -> None:
        if self.annotator.draft:
            self.annotator.draft = []
            self.state.changed()
        elif self.runner.running:
            self.runner.cancel_all()

    # -- errors and progress -------------------------------------------------------------
    def show_error(self, message: str, details: str = "") -> None:
        """Show a failure in the window (banner and status bar); never lose it."""
        self.last_error = message
        self.banner_label.setText(message)
        self.banner_label.setToolTip(details)
        self.banner.setVisible(True)
        self.status.setText(message)
        self._busy(False)

    def _busy(self, on: bool, text: str = "") -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        if on:
            self.progress.setRange(0, 0)
            self.status.setText(text)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(text)

    def run_task(self, name: str, fn: Callable[[ProgressFn, threading.Event], Any],
                 on_done: Callable[[Any], None]) -> Task:
        """Run ``fn`` in the pool with progress and cancel shown; errors go to the banner."""
        self._busy(True, f"{name}…")
        return self.runner.start(Task(name, fn), on_done=on_done, on_error=self.show_error,
                                 on_progress=self._progress)

    # -- reader --------------------------------------------------------------------------
    def switch_light(self, light: Light) -> None:
        """Switch ``light`` on; with captured images, show that light too."""
        if self.reader is not None:
            try:
                self.reader.set_light(light)
                self.reader_panel.set_current_light(light, self.reader.exposure_ms(light))
            except Exception as exc:
                self.show_error(f"Could not switch on {light.value}: {exc}")
                return
        if self.state.live is not None:
            self._live_tick()
        elif self.state.sources and self.state.mode is not Mode.CAPTURE:
            with contextlib.suppress(ValueError):
                self.state.show_light(light)
        self.status.setText(f"{light.value} on")

    def _exposure_changed(self, light: Light, ms: float) -> None:
        if self.reader is not None:
            applied = self.reader.set_exposure_ms(light, ms)
            self.status.setText(f"{light.value} exposure {applied:g} ms")

    def set_live(self, on: bool) -> None:
        if on and self.reader is not None:
            if self.reader.current_light is None:
                self.switch_light(Light.WHITE)
            self.live_timer.start()
            self._live_tick()
        else:
            self.live_timer.stop()
            self.state.set_live_frame(None, None)

    def _live_tick(self) -> None:
        reader = self.reader
        if reader is None or (self._live_task is not None and not self._live_task.done):
            return
        light = reader.current_light

        def grab(progress: ProgressFn, cancel: threading.Event) -> tuple[Light | None, Image]:
            return light, reader.live_frame()

        def shown(result: tuple[Light | None, Image]) -> None:
            if self.live_timer.isActive() and reader is self.reader:
                self.state.set_live_frame(result[0], result[1])

        def failed(message: str, details: str) -> None:
            if reader is not self.reader or "reader is closed" in message:
                # the reader was switched (or is being switched) meanwhile: the frame of
                # the old one does not matter, and the new one takes over the live view
                return
            self.live_timer.stop()
            self.reader_panel.live.setChecked(False)
            self.show_error(message, details)

        self._live_task = self.runner.start(Task("Live view", grab), on_done=shown,
                                            on_error=failed)

    def remembered_platen(self) -> tuple[str, str, int] | None:
        """The document, forgery and seed last placed on the simulator (settings)."""
        doc = self.settings.value("document")
        if not doc:
            return None
        return (str(doc), str(self.settings.value("forgery", "") or ""),
                int(str(self.settings.value("seed", 0) or 0)))

    def place_document(self, document: str, forgery: str, seed: int) -> None:
        """Put ``document`` (with ``forgery``) on the simulated platen."""
        reader = self.reader
        if reader is None or not hasattr(reader, "load_document"):
            return
        try:
            reader.load_document(document, forgery=forgery or None, seed=seed)
        except Exception as exc:
            self.show_error(f"Could not place {document}: {exc}")
            return
        for key, value in (("document", document), ("forgery", forgery), ("seed", seed)):
            self.settings.setValue(key, value)
        rp = self.reader_panel
        rp.document.setCurrentText(document)
        rp.forgery.setCurrentIndex(max(0, rp.forgery.findData(forgery)))
        rp.seed.setValue(seed)
        what = f"{document} ({forgery.replace('_', ' ') if forgery else 'genuine'}, seed {seed})"
        self.status.setText(f"On the platen: {what}")

    def _capture_fn(self, progress: ProgressFn, cancel: threading.Event) -> CaptureSet:
        assert self.reader is not None

        def step(done: int, total: int, light: Light) -> None:
            progress(done, total, f"Capturing {light.value} ({done + 1}/{total})")

        return self.reader.capture_all(progress=step)

    def capture_async(self) -> None:
        """Capture every light in a worker, then examine."""
        if self.reader is None:
            return
        self.reader_panel.live.setChecked(False)
        self.run_task("Capture", self._capture_fn, self.on_captured)

    def on_captured(self, capture: CaptureSet, *, examine: bool = True) -> None:
        if self.autosaver is not None:
            self.autosaver.flush()
            self.autosaver.record = None  # the new capture is not stored yet
        self.case_record = None
        self._lock_findings(False)
        self.capture = capture
        self.examination = None
        self.exam_view = None
        self.findings = Findings()
        self.annotator.annotations = []
        self.state.zones = []
        self.state.show_zones = False
        self.state.set_images(Origin.CAPTURE, capture.images, dpi=capture.dpi, replace_all=True)
        self.state.set_capture_geometry(None, capture.dpi)
        self.state.viewport.fit()
        self.checks_panel.set_checks([])
        self._refresh_identity()
        self._refresh_findings()
        self._busy(False)
        self.status.setText(f"Captured {', '.join(li.value for li in capture.lights)} "
                            f"at {capture.dpi or '?'} dpi")
        if examine and self.examine_fn is not None:
            self.examine_async()

    # -- examination ---------------------------------------------------------------------
    def _examine_fn(self, progress: ProgressFn, cancel: threading.Event
                    ) -> tuple[Examination, dict[Light, Image]]:
        assert self.examine_fn is not None and self.capture is not None

        def report(fraction: float, message: str = "") -> None:
            progress(round(min(max(fraction, 0.0), 1.0) * 100), 100,
                     f"Examining: {message}" if message else "Examining")

        exam = self.examine_fn(self.capture, progress=report, cancel=cancel.is_set)
        # load the specimen's images here, not in the GUI thread
        return exam, ExaminationView.of(exam).specimen_images()

    def examine_async(self) -> None:
        if self.capture is None or self.examine_fn is None:
            return
        capture = self.capture

        def done(result: tuple[Examination, dict[Light, Image]]) -> None:
            if self.capture is not capture:  # a newer capture came meanwhile: drop this one
                return
            self.on_examined(*result)

        self.run_task("Examination", self._examine_fn, done)

    def on_examined(self, exam: Examination,
                    specimen_images: dict[Light, Image] | None = None) -> None:
        self._busy(False)
        self.examination = exam
        view = ExaminationView.of(exam)
        self.exam_view = view
        if view.registered:
            self.state.set_images(Origin.CAPTURE, view.registered, dpi=view.dpi,
                                  replace_all=True)
            self.state.dpi = view.dpi
            self.state.set_capture_geometry(view.capture_to_content, exam.capture.dpi)
        if view.specimen is not None:
            self.state.set_images(Origin.SPECIMEN, specimen_images or view.specimen_images())
            cw, ch = self.state.content_size
            self.state.zones = zone_overlays(view.specimen, content_w=cw, content_h=ch,
                                             checks=exam.checks)
        self.state.viewport.fit()
        self.checks_panel.set_checks(exam.checks)
        self._refresh_identity()
        self._refresh_findings()
        fails = sum(1 for c in exam.checks if c.status.value == "fail")
        ms = f" in {exam.duration_ms:.0f} ms" if exam.duration_ms else ""
        self.status.setText(f"Examined{ms}: {exam.verdict.value}, {fails} failed check(s)")
        self.state.changed()

    def select_check(self, check: CheckResult) -> None:
        """Zoom both images to the check's zone under its light."""
        if self.exam_view is None:
            return
        if not focus_check(self.state, self.exam_view, check):
            self.status.setText(f"{check.code}: no zone to show")
        self.checks_panel.select(check)

    def _refresh_identity(self) -> None:
        if self.exam_view is None:
            self.identity.set_identity(None, [], None)
            return
        exam = self.exam_view.examination
        spec = self.exam_view.specimen
        self.identity.set_identity(exam.verdict.value, self.exam_view.mrz_fields(),
                                   spec.title or spec.id if spec else exam.specimen_id)

    # -- findings and marks --------------------------------------------------------------
    def _image_keys(self) -> list[tuple[str, str]]:
        keys = [str(k) for k in self.state.sources if k.origin is Origin.SPECIMEN]
        if self.capture is not None:
            keys = [f"capture:{li.value}" for li in self.capture.lights] + keys
        keys.append("view:current")
        checks = self.examination.checks if self.examination is not None else ()
        keys += list(dict.fromkeys(f"evidence:{c.id}" for c in checks
                                   if c.evidence and c.status.value in ("fail", "warn")))
        return [(k, image_label(k, checks)) for k in keys]

    def _refresh_findings(self) -> None:
        self.findings_panel.load(self.findings, self._image_keys())

    def _panel_edited(self) -> None:
        self.findings = replace(self.findings_panel.findings,
                                annotations=tuple(self.annotator.annotations))
        self._findings_changed()

    def marks_changed(self) -> None:
        self.findings = replace(self.findings, annotations=tuple(self.annotator.annotations))
        self.findings_panel.findings = self.findings
        self.findings_panel.show_annotations()
        self._findings_changed()

    def _findings_changed(self) -> None:
        if self.autosaver is not None:
            self.autosaver.changed(self.findings)

    def _annotation_added(self, ann: Annotation) -> None:
        self.marks_changed()
        self.status.setText(f"Marked: {ann.label() or ann.kind.value}")

    def remove_last_mark(self) -> None:
        self.annotator.remove_last()
        self.marks_changed()
        self.state.changed()

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

    # -- lifecycle -----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.autosaver is not None:
            self.autosaver.flush()  # a pending save runs; cancel does not stop it
        self.live_timer.stop()
        self.runner.cancel_all()
        self.runner.wait(5000)
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.sync()
        if self.reader is not None:
            with contextlib.suppress(Exception):
                self.reader.close()
        if self.cases is not None:
            with contextlib.suppress(Exception):
                self.cases.close()
            self.cases = None
        super().closeEvent(event)

    def save_screenshot(self, path: str | Path) -> None:
        """Render the window to a PNG at ``path`` (``OSError`` when it cannot be written)."""
        from PySide6.QtCore import QBuffer, QIODevice

        from workstation.fsutil import atomic_write_bytes

        QApplication.processEvents()
        pix = self.grab()
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        if not pix.save(buf, "PNG"):
            raise OSError(f"cannot encode the window as PNG for {path}")
        atomic_write_bytes(path, bytes(buf.data().data()))
