"""The supervisor's review panel: the examinations under review, the selected report's
pages, signatures and data, and the decision.

:class:`ReviewWidget` renders a :class:`~workstation.session.review.ReviewSession`
(the queue is the case database's; the rules are the session's): on the left the
examinations waiting, on the right the report's pages (rendered by poppler's
``pdftoppm`` off the event loop), its signature status and the examination data it
carries, below a comment box, **Return to examiner** and **Approve…** (which opens
the countersignature's preview and confirmation). Once decided, the buttons stay
disabled and the status says who decided what. *Open a report file…* verifies a
report from elsewhere; approving it writes a countersigned copy beside it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.cases import ExaminationSummary
from workstation.i18n import render
from workstation.session.reporting import SigningPreview
from workstation.session.review import Decision, ReviewDocument, ReviewSession
from workstation.ui.bridge import listen
from workstation.ui.flow_layout import FlowLayout
from workstation.ui.signing_dialog import SigningDialog
from workstation.ui.texts import QT, T, bind, conclusion_word, live, status_word, tx
from workstation.ui.widgets import mk_label, mk_push

PasswordAsk = Callable[[], tuple[str | None, str | None] | None]
"""Asks for the signing key's PKCS#12 password when one is configured: ``(pkcs12,
password)``, ``(None, None)`` without one, or ``None`` when the user cancels."""


class ReviewWidget(QWidget):
    """The review panel (see the module docstring).

    Signals:
        decided(int, str): an examination's id (0 for a file) and its new state.
        loaded(str): the shown report's title, once its status and pages show.
    """

    decided = Signal(int, str)
    loaded = Signal(str)

    def __init__(self, session: ReviewSession, *, ask_password: PasswordAsk | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ask_password = ask_password or (lambda: (None, None))
        self.last_error = ""
        self.dialog: SigningDialog | None = None
        self.page_count = 0

        self.list = QListWidget()
        self.open_button = mk_push(T("review", "Open a report file…"))
        self.refresh_button = mk_push(T("review", "Refresh"))
        left = QVBoxLayout()
        heading = mk_label(T("review", "Waiting for review"))
        heading.setStyleSheet("font-weight: 700;")
        left.addWidget(heading)
        left.addWidget(self.list, 1)
        row = FlowLayout(spacing=6)
        row.addWidget(self.open_button)
        row.addWidget(self.refresh_button)
        left.addLayout(row)
        left_box = QWidget()
        left_box.setLayout(left)

        self.pages_box = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # the pages keep their size; the scroll area scrolls instead of squeezing them
        self.pages_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        self.pages_scroll = QScrollArea()
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setWidget(self.pages_box)
        self.signature_text = QPlainTextEdit()
        self.signature_text.setReadOnly(True)
        self.data_text = QPlainTextEdit()
        self.data_text.setReadOnly(True)
        self.tabs = QTabWidget()
        bind(self.tabs.setTabText, T("review", "Report"), self.tabs.addTab(self.pages_scroll, ""))
        bind(self.tabs.setTabText, T("review", "Signatures"),
             self.tabs.addTab(self.signature_text, ""))
        bind(self.tabs.setTabText, T("review", "Examination data"),
             self.tabs.addTab(self.data_text, ""))

        self.status_label = QLabel(tx("review", "Select an examination."))
        self.status_label.setWordWrap(True)
        self.comment_edit = QPlainTextEdit()
        bind(self.comment_edit.setPlaceholderText,
             T("review", "Comment for the examiner (required to return)"))
        self.comment_edit.setMaximumHeight(70)
        self.approve_button = mk_push(T("review", "Approve (countersign)…"))
        self.return_button = mk_push(T("review", "Return to examiner"))
        # the status above the buttons: the row stays narrow, and wraps when the
        # buttons' words run long (Mongolian, Russian)
        actions = FlowLayout(spacing=6)
        actions.addWidget(self.return_button)
        actions.addWidget(self.approve_button)
        right = QVBoxLayout()
        right.addWidget(self.tabs, 1)
        right.addWidget(self.comment_edit)
        right.addWidget(self.status_label)
        right.addLayout(actions)
        right_box = QWidget()
        right_box.setLayout(right)

        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(right_box)
        split.setStretchFactor(1, 3)
        split.setSizes([220, 660])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.list.currentItemChanged.connect(self._selected)
        self.refresh_button.clicked.connect(session.refresh)
        self.open_button.clicked.connect(self._ask_file)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_report)
        listen(session.queueChanged, self._show_queue, self)
        listen(session.loaded, self._show, self)
        listen(session.previewReady, self._confirm, self)
        listen(session.decided, self._decided, self)
        listen(session.refused, self._error, self)
        listen(session.failed, lambda m, _d: self._error(m), self)
        listen(session.stateChanged, self._buttons, self)
        live(self, self._buttons, "buttons")  # the why-not tooltip follows the language
        session.refresh()

    # -- the queue ---------------------------------------------------------------------
    def _show_queue(self, queue: tuple[ExaminationSummary, ...]) -> None:
        keep = self.list.currentItem().data(Qt.ItemDataRole.UserRole) \
            if self.list.currentItem() is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        select = None
        for summary in queue:
            text = tx("review", "case {case} · examination {id} — {who}").format(
                case=summary.case_reference, id=summary.id,
                who=summary.name or summary.document_number or tx("review", "no MRZ"))
            if summary.conclusion is not None:
                text += f" — {conclusion_word(summary.conclusion)}"
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(entry)
            if summary.id == keep:
                select = entry
        if select is not None:
            self.list.setCurrentItem(select)
        self.list.blockSignals(False)

    def select(self, examination_id: int) -> bool:
        """Select the queued examination ``examination_id`` (``False`` when not listed)."""
        for i in range(self.list.count()):
            entry = self.list.item(i)
            if entry.data(Qt.ItemDataRole.UserRole) == examination_id:
                self.list.setCurrentItem(entry)
                return True
        return False

    def _selected(self, entry: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        self._clear()
        if entry is None:
            return
        self.status_label.setText(tx("review", "Checking the report…"))
        self.session.select(int(entry.data(Qt.ItemDataRole.UserRole)))

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tx("review", "Open a signed report"), "",
                                              tx("review", "PDF reports (*.pdf)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        """Verify and show a report file from elsewhere."""
        self.list.clearSelection()
        self._clear()
        self.status_label.setText(tx("review", "Checking {file}…").format(file=Path(path).name))
        self.session.open_file(path)

    # -- the report -----------------------------------------------------------------------
    def _clear(self) -> None:
        while self.pages_layout.count():
            taken = self.pages_layout.takeAt(0)
            w = taken.widget() if taken is not None else None
            if w is not None:
                w.deleteLater()
        self.page_count = 0
        self.signature_text.clear()
        self.data_text.clear()

    def _show(self, doc: ReviewDocument) -> None:
        self._clear()
        check = doc.verification
        lines = [check.summary, ""]
        for s in check.signatures:
            lines.append(f"{s.field}: {s.signer}")
            yes, no = tx("review", "yes"), tx("review", "NO")
            lines.append("    " + tx("review", "intact: {intact}   trusted: {trusted}   "
                                           "revoked: {revoked}").format(
                intact=yes if s.intact else no, trusted=yes if s.trusted else no,
                revoked=tx("review", "YES") if s.revoked else tx("review", "no")))
            lines.append("    " + tx("review", "signed at: {when}").format(
                when=s.signed_at.isoformat() if s.signed_at else "?")
                + (tx("review", " (time-stamped)") if s.timestamped else ""))
            if s.reason:
                lines.append("    " + tx("review", "reason: {reason}").format(reason=s.reason))
            if s.problem:
                lines.append("    " + tx("review", "problem: {problem}").format(
                    problem=s.problem))
        if doc.record is not None:
            lines += ["", tx("review", "Status: {status}").format(
                status=status_word(doc.record.status))]
            if doc.record.reviewed_by:
                lines.append(tx("review", "Decided by {who}: {note}").format(
                    who=doc.record.reviewed_by, note=doc.record.review_note))
        self.signature_text.setPlainText("\n".join(lines))
        self.data_text.setPlainText(json.dumps(doc.data, indent=2, ensure_ascii=False)
                                    if doc.data is not None else
                                    tx("review", "This report carries no examination data."))
        for png in doc.pages:
            pix = QPixmap()
            pix.loadFromData(png, "PNG")
            label = QLabel()
            label.setPixmap(pix)
            label.setFixedSize(pix.size())  # whole pages; the scroll area scrolls
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self.pages_layout.addWidget(label)
        self.page_count = len(doc.pages)
        if doc.problem:
            self.pages_layout.addWidget(QLabel(doc.problem))
        colour = "#2e7d32" if (check.intact and check.trusted) else "#c62828"
        self.status_label.setText(f"<span style='color:{colour}'>{doc.title}: "
                                  f"{check.summary}</span>")
        self._buttons()
        self.loaded.emit(doc.title)

    # -- decisions ------------------------------------------------------------------------
    def _buttons(self) -> None:
        s = self.session
        self.approve_button.setEnabled(s.why_not_approve() is None)
        can_return = s.current is not None and s.current.record is not None \
            and s.decision is None and s.current.pending and not s.busy
        self.return_button.setEnabled(can_return)
        self.comment_edit.setEnabled(s.current is not None and s.decision is None)
        reason = s.why_not_approve()
        self.approve_button.setToolTip(render(reason, QT) if reason is not None else tx(
            "review", "Check the pages, then countersign"))

    def approve(self) -> None:
        """Countersign: the signer is resolved first, then the preview asks to confirm."""
        asked = self.ask_password()
        if asked is None:
            return
        pkcs12, password = asked
        self.session.prepare_approval(self.comment_edit.toPlainText(), pkcs12=pkcs12,
                                      password=password)

    def _confirm(self, preview: SigningPreview) -> None:
        dialog = SigningDialog(preview, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.session.confirm)
        dialog.rejected.connect(self.session.cancel)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def return_report(self) -> None:
        """Return the shown examination to its examiner with the comment."""
        self.session.return_report(self.comment_edit.toPlainText())

    def _decided(self, decision: Decision) -> None:
        self.comment_edit.clear()
        what = tx("review", "Approved and countersigned by {who}") \
            if decision.state == "approved" else tx("review", "Returned by {who}")
        where = tx("review", " — copy written to {path}").format(path=decision.path) \
            if decision.path is not None else ""
        self.status_label.setText(f"<span style='color:#2e7d32'>"
                                  f"{what.format(who=decision.by)}{where}</span>")
        self._buttons()
        self.decided.emit(decision.record.id if decision.record is not None else 0,
                          decision.state)

    def _error(self, message: str) -> None:
        self.last_error = message
        self.status_label.setText(f"<span style='color:#c62828'>{render(message, QT)}</span>")
        self._buttons()
