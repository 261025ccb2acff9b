"""The chip panel: the card reader, *Read chip* (progress, cancel), what was read, each
authentication step with its result, and the chip's photograph.

``ChipPanel(session)`` renders a :class:`~workstation.session.chip.ChipSession`:
the buttons call it, its events fill the panel. ``compareRequested`` asks the window
to show the chip's photograph beside the printed portrait (side by side).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workstation.i18n import render
from workstation.session.chip import (
    ACCESS_CONTROL,
    OPENED_WITH,
    CardReaderInfo,
    ChipReport,
    ChipSession,
    ChipStep,
)
from workstation.types import CheckStatus, Image
from workstation.ui.bridge import listen
from workstation.ui.texts import QT, T, bind, data, live, tx
from workstation.ui.theme import DARK, Theme, status_colour
from workstation.ui.widgets import FittingScrollArea, clear_layout, mk_label, mk_push, pixmap_of

#: How a step's result is written.
RESULT_WORDS = {CheckStatus.PASS: T("chip panel", "Passed"),
                CheckStatus.FAIL: T("chip panel", "Failed"),
                CheckStatus.WARN: T("chip panel", "Warning"),
                CheckStatus.SKIPPED: T("chip panel", "Not run")}
TEXTS = {
    "title": T("chip panel", "The document's chip"),
    "reader": T("chip panel", "Card reader"),
    "refresh": T("chip panel", "Refresh"),
    "refresh_tip": T("chip panel", "Look for card readers again"),
    "can": T("chip panel", "Access number"),
    "can_hint": T("chip panel", "CAN, only when no MRZ was read"),
    "read": T("chip panel", "Read chip   (F9)"),
    "cancel": T("chip panel", "Cancel"),
    "idle": T("chip panel", "Not read yet. The chip is opened with the MRZ read on the page."),
    "read_box": T("chip panel", "What was read"),
    "steps_box": T("chip panel", "Authentication and comparison"),
    "photo_box": T("chip panel", "The chip's photograph (DG2)"),
    "compare": T("chip panel", "Compare with the printed portrait"),
    "compare_tip": T("chip panel", "Side by side: the printed portrait and the chip's "
                     "photograph at one scale"),
    "no_files": T("chip panel", "Nothing read yet."),
    "no_face": T("chip panel", "No photograph on the chip (or it does not decode)."),
    "provisional": T("chip panel", "The chip's own verification; the examination adds the "
                     "face comparison."),
}


def step_detail(step: ChipStep, report: ChipReport) -> str:
    """A step's detail in the window's language: its check's message, or the access
    step's words."""
    for c in report.checks:
        if c.code == step.code and c.message == step.detail:
            return render(c.text if c.text is not None else c.message, QT)
    prefix = OPENED_WITH.split("{", 1)[0]
    if step.title == ACCESS_CONTROL and step.detail.startswith(prefix):
        return tx("chip panel", OPENED_WITH).format(protocol=step.detail[len(prefix):])
    return tx("chip panel", step.detail)


def _size(n: int) -> str:
    return f"{n} B" if n < 1024 else f"{n / 1024:.1f} kB"


class ChipPanel(QWidget):
    """The chip of the document on the desk (see the module docstring)."""

    compareRequested = Signal()
    """Show the chip's photograph beside the printed portrait."""

    def __init__(self, session: ChipSession, theme: Callable[[], Theme] = lambda: DARK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.report: ChipReport | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        scroll = FittingScrollArea(body)
        outer.addWidget(scroll)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(8)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.readers = QComboBox()
        self.readers.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.readers.setMinimumContentsLength(12)
        self.refresh = mk_push(TEXTS["refresh"])
        bind(self.refresh.setToolTip, TEXTS["refresh_tip"])
        row = QHBoxLayout()
        row.addWidget(self.readers, 1)
        row.addWidget(self.refresh)
        form.addRow(mk_label(TEXTS["reader"]), row)
        self.can = QLineEdit()
        bind(self.can.setPlaceholderText, TEXTS["can_hint"])
        self.can.setMaxLength(10)
        form.addRow(mk_label(TEXTS["can"]), self.can)
        lay.addLayout(form)

        self.read_button = mk_push(TEXTS["read"], name="primary")
        self.cancel_button = mk_push(TEXTS["cancel"])
        self.cancel_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button, 1)
        buttons.addWidget(self.cancel_button)
        lay.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        lay.addWidget(self.progress)
        self.status = mk_label(TEXTS["idle"].tr(), "muted")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        steps_box = QGroupBox()
        bind(steps_box.setTitle, TEXTS["steps_box"])
        self.steps_grid = QGridLayout(steps_box)
        self.steps_grid.setColumnStretch(1, 1)
        lay.addWidget(steps_box)
        self.steps_box = steps_box

        photo_box = QGroupBox()
        bind(photo_box.setTitle, TEXTS["photo_box"])
        pl = QVBoxLayout(photo_box)
        self.photo = QLabel()
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pl.addWidget(self.photo)
        self.no_photo = mk_label(TEXTS["no_face"], "muted")
        self.no_photo.setWordWrap(True)
        pl.addWidget(self.no_photo)
        self.compare = mk_push(TEXTS["compare"])
        bind(self.compare.setToolTip, TEXTS["compare_tip"])
        self.compare.setEnabled(False)
        self.compare.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        pl.addWidget(self.compare)
        lay.addWidget(photo_box)

        read_box = QGroupBox()
        bind(read_box.setTitle, TEXTS["read_box"])
        rl = QVBoxLayout(read_box)
        self.files = data(mk_label(TEXTS["no_files"].tr(), "muted"))  # file names, sizes
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.files)
        lay.addWidget(read_box)
        lay.addStretch(1)

        self.read_button.clicked.connect(self.read)
        self.cancel_button.clicked.connect(session.cancel)
        self.refresh.clicked.connect(session.refresh_readers)
        self.readers.activated.connect(self._reader_picked)
        self.compare.clicked.connect(self.compareRequested)
        self.can.returnPressed.connect(self.read)
        listen(session.readersListed, self._readers_listed, self)
        listen(session.progressed, self._progressed, self)
        listen(session.verified, self.show_report, self)
        listen(session.failed, lambda m, _d="": self._ended(m), self)
        listen(session.cancelled, lambda: self._ended(
            tx("chip panel", "Reading the chip was cancelled.")), self)
        listen(session.chipRead, lambda _r: self._ended(""), self)
        listen(session.work.captured, lambda _c: self.update_state(), self)
        listen(session.work.examined, lambda _s: self.update_state(), self)
        self._readers_listed(session.readers)
        self.show_report(None)
        live(self, self._retranslate, "chip")

    def _retranslate(self) -> None:
        self._readers_listed(self.session.readers)
        self.show_report(self.report)
        self.update_state()  # the why-not tooltip

    # -- the session's events ------------------------------------------------------------
    def _readers_listed(self, readers: tuple[CardReaderInfo, ...]) -> None:
        self.readers.clear()
        for r in readers:
            label = tx("chip panel", r.label)
            self.readers.addItem(label, r.name)
            self.readers.setItemData(self.readers.count() - 1, label,
                                     Qt.ItemDataRole.ToolTipRole)
        self.readers.setCurrentIndex(max(0, self.readers.findData(self.session.reader_name)))

    def _reader_picked(self, index: int) -> None:
        name = self.readers.itemData(index)
        if name:
            self.session.choose(str(name))

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.read_button.setEnabled(False)
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.status.setText(render(text, QT))

    def _ended(self, message: str) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        if message:
            self.status.setText(render(message, QT))
        self.update_state()

    def update_state(self) -> None:
        """Enable *Read chip* when it can run; its tooltip says why not."""
        reason = self.session.why_not_read(can=self.can.text())
        reading = self.session.job is not None and not self.session.job.done
        self.read_button.setEnabled(reason is None or (not reading and bool(self.can.text())))
        self.read_button.setToolTip(render(reason, QT) if reason is not None else tx(
            "chip panel", "Open the chip with the page's MRZ (or the access number) and read "
            "it (F9)"))

    def show_report(self, report: ChipReport | None) -> None:
        """Show what the chip proves (``None``: nothing read for this document)."""
        self.report = report
        clear_layout(self.steps_grid)
        t = self.theme()
        if report is None:
            self.steps_grid.addWidget(mk_label(TEXTS["no_files"].tr(), "muted"), 0, 0, 1, 2)
            self.files.setText(TEXTS["no_files"].tr())
            self._show_face(None)
            if self.session.job is None or self.session.job.done:
                self.status.setText(TEXTS["idle"].tr())
            self.update_state()
            return
        for row, step in enumerate(report.steps):
            result = QLabel(RESULT_WORDS[step.status].tr())
            result.setObjectName("stepResult")
            result.setStyleSheet(f"color: white; background: "
                                 f"{status_colour(t, step.status.value)}; border-radius: 3px;"
                                 " padding: 1px 6px; font-weight: 600;")
            result.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(f"<b>{html.escape(tx('chip panel', step.title))}</b><br>"
                          f"{html.escape(step_detail(step, report))}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setToolTip(step.code)
            self.steps_grid.addWidget(result, row, 0, Qt.AlignmentFlag.AlignTop)
            self.steps_grid.addWidget(text, row, 1)
        if not report.from_examination:
            note = mk_label(TEXTS["provisional"].tr(), "muted")
            note.setWordWrap(True)
            self.steps_grid.addWidget(note, len(report.steps), 0, 1, 2)
        self.files.setText(" · ".join(f"{name} {_size(size)}" for name, size in report.files)
                           or TEXTS["no_files"].tr())
        self._show_face(report.face)
        self.status.setText(tx("chip panel", "Read with {protocol}").format(
            protocol=report.access) if report.access
            else tx("chip panel", "Chip files from the capture"))
        self.update_state()

    def _show_face(self, face: Image | None) -> None:
        if face is not None:
            self.photo.setPixmap(pixmap_of(face, 180))
        else:
            self.photo.clear()
        self.photo.setVisible(face is not None)
        self.no_photo.setVisible(face is None)
        self.compare.setEnabled(face is not None)

    # -- the user's actions --------------------------------------------------------------
    def read(self) -> None:
        """Read the chip (with the access number when one is typed)."""
        self.session.read(can=self.can.text())
        self.update_state()

    def step_results(self) -> list[tuple[str, str]]:
        """The steps as shown: ``(title, result word)`` (for tests)."""
        out = []
        if self.report is not None:
            out = [(tx("chip panel", s.title), RESULT_WORDS[s.status].tr())
                   for s in self.report.steps]
        return out

