"""The supervisor's review: queue of signed reports, report viewer, countersign or return.

:class:`ReviewWidget` shows a :class:`~workstation.reports.review.ReviewQueue`:
on the left the reports (pending first), on the right the selected report's
pages (rendered by poppler's ``pdftoppm`` in a worker thread; PySide6-Essentials
has no QtPdf), its signature status (:func:`~workstation.reports.verify.verify_report`)
and the examination data it carries (``examination.json``). Below, a comment
box and two actions: **Approve** countersigns the report (a second PAdES
signature in an incremental update; the examiner's stays valid) and **Return**
sends it back with the comment. Verifying, rendering, signing and every read or
write of the case database run in the task runner, never on the event loop. The
queue's audit hook records each step.

With ``cases`` (a :class:`CaseReviewSource`) the queue also holds the signed
reports of examinations under review in the case database, and each decision is
written back there (status approved/returned, the countersigned PDF stored).

The signing identity comes from ``identity_provider`` (the window passes one that
asks for a PKCS#12 password); by default it is the local CA's certificate of the
user, or the configured PKCS#12 file with a password asked in a dialog.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.reports.review import ReviewItem, ReviewQueue, ReviewState
from workstation.ui.workers import Task, TaskRunner

if TYPE_CHECKING:
    from workstation.reports.ca import Identity
    from workstation.reports.verify import ReportVerification, Trust

STATE_COLOURS = {ReviewState.PENDING: "#ef6c00", ReviewState.APPROVED: "#2e7d32",
                 ReviewState.RETURNED: "#c62828"}


class CaseReviewSource:
    """Examinations waiting for review in the case database, brought into the queue.

    :meth:`sync` adds the latest signed report of every examination under review
    (``repository.review_queue()``) that the queue does not hold yet;
    :meth:`record_decision` writes the supervisor's decision back: approved (with the
    countersigned PDF stored as a new report) or returned with the comment.
    ``repository`` is a :class:`workstation.cases.repository.CaseRepository`, ``user``
    the supervisor's account.
    """

    def __init__(self, repository: Any, user: Any) -> None:
        self.repository = repository
        self.user = user

    def sync(self, queue: ReviewQueue) -> int:
        """Queue the reports of examinations under review; returns how many were added."""
        items = queue.items()
        pending = {i.examination_id for i in items if i.examination_id is not None
                   and i.state is ReviewState.PENDING}
        # an item decided here at the version still under review is not queued again
        # (its decision is being written back to the database)
        seen = {(i.examination_id, i.version) for i in items if i.examination_id is not None}
        added = 0
        for summary in self.repository.review_queue():
            if summary.id in pending or (summary.id, summary.version) in seen:
                continue
            record = self.repository.open_examination(summary.id)
            signed = [r for r in record.reports if r.signed]
            if not signed:
                continue  # nothing to countersign
            latest = max(signed, key=lambda r: (r.created_at, r.id))
            pdf = self.repository.blob(latest.sha256)
            queue.submit(pdf, name=f"{summary.case_reference}-{summary.id}.pdf",
                         case_ref=summary.case_reference, examiner=record.created_by,
                         source="case", examination_id=summary.id, version=summary.version)
            added += 1
        return added

    def record_decision(self, item: ReviewItem) -> None:
        """Write an approved or returned item's decision to the case database."""
        if item.examination_id is None or item.version is None:
            return
        approve = item.state is ReviewState.APPROVED
        if approve:
            self.repository.store_report(item.examination_id, item.path.read_bytes(),
                                         user=self.user, signed=True, signer=item.decided_by)
        self.repository.review(item.examination_id, approve=approve,
                               expected_version=item.version, user=self.user,
                               note=item.comment)


def default_identity_provider(parent: QWidget | None = None, *, user: str | None = None,
                              display_name: str | None = None,
                              ) -> Callable[[], Identity | None]:
    """Local CA certificate of ``user`` (default: the login name), issued in
    ``display_name`` (default: the configured examiner name), or the configured
    PKCS#12 file (password asked, used once, never stored). Returns ``None`` when the
    user cancels."""

    def provide() -> Identity | None:
        import dataclasses

        from workstation.reports import resolve_identity
        from workstation.reports.config import load_config

        config = load_config()
        if display_name:
            config = dataclasses.replace(config, examiner=display_name)
        if config.pkcs12:
            password, ok = QInputDialog.getText(
                parent, "Sign the review", f"Password of {Path(config.pkcs12).name}:",
                QLineEdit.EchoMode.Password)
            if not ok:
                return None
            return resolve_identity(config, password=password)
        return resolve_identity(config, user=user)

    return provide


class ReviewWidget(QWidget):
    """Review queue and report viewer (see the module docstring).

    Signals:
        decided(str, str): a report's file name and its new state (``approved`` /
            ``returned``).
        loaded(str): the selected report's file name, once its status and pages show.
        synced(int): the case database's examinations under review were brought into
            the queue (how many were added), in a worker; the list shows them.
    """

    decided = Signal(str, str)
    loaded = Signal(str)
    synced = Signal(int)

    def __init__(self, queue: ReviewQueue, *, runner: TaskRunner | None = None,
                 identity_provider: Callable[[], Identity | None] | None = None,
                 trust: Trust | None = None, page_dpi: int = 80,
                 cases: CaseReviewSource | None = None, reviewer: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.reviewer = reviewer  # who returns reports (default: the configured examiner)
        self.cases = cases
        self.runner = runner or TaskRunner(parent=self)
        self.identity_provider = identity_provider or default_identity_provider(self)
        self.trust = trust
        self.page_dpi = page_dpi
        self.current: ReviewItem | None = None
        self.verification: ReportVerification | None = None
        self.examination_data: dict[str, Any] | None = None
        self.page_count = 0
        self.last_error = ""
        self._generation = 0
        self._sync_task: Task | None = None
        self._sync_again = False

        self.list = QListWidget()
        self.import_button = QPushButton("Import reports…")
        self.refresh_button = QPushButton("Refresh")
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>Reports for review</b>"))
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
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
        self.tabs.addTab(self.pages_scroll, "Report")
        self.tabs.addTab(self.signature_text, "Signatures")
        self.tabs.addTab(self.data_text, "Examination data")

        self.status_label = QLabel("Select a report.")
        self.status_label.setWordWrap(True)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText("Comment for the examiner (required to return)")
        self.comment_edit.setMaximumHeight(70)
        self.approve_button = QPushButton("Approve (countersign)")
        self.return_button = QPushButton("Return to examiner")
        for b in (self.approve_button, self.return_button):
            b.setEnabled(False)
        actions = QHBoxLayout()
        actions.addWidget(self.status_label, 1)
        actions.addWidget(self.return_button)
        actions.addWidget(self.approve_button)
        right = QVBoxLayout()
        right.addWidget(self.tabs, 1)
        right.addWidget(self.comment_edit)
        right.addLayout(actions)
        right_box = QWidget()
        right_box.setLayout(right)

        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(right_box)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.list.currentItemChanged.connect(self._selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.import_button.clicked.connect(self._ask_import)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_report)
        self.refresh()

    # -- queue ----------------------------------------------------------------------
    @property
    def syncing(self) -> bool:
        """Whether the case database's queue is being read (in a worker)."""
        return self._sync_task is not None

    def refresh(self) -> None:
        """Reload the queue (pending first, then the decided ones); with a case database,
        its examinations under review are added in a worker and shown when it ends."""
        self._show_queue()
        if self.cases is not None:
            self._sync_cases()

    def _sync_cases(self) -> None:
        if self._sync_task is not None:  # one sync at a time; run once more after it
            self._sync_again = True
            return
        cases, queue = self.cases, self.queue
        assert cases is not None

        def work(progress: Any, cancel: Any) -> int:
            return cases.sync(queue)

        def ended() -> None:
            self._sync_task = None
            if self._sync_again:
                self._sync_again = False
                self._sync_cases()

        def done(added: int) -> None:
            ended()
            self._show_queue(reload_selected=False)  # only new items: the shown one stays
            self.synced.emit(int(added))

        def failed(message: str, _tb: str) -> None:
            ended()  # the database may be unreachable: the files still show
            self._error(f"case database: {message}")

        self._sync_task = self.runner.start(Task("reading the review queue", work),
                                            on_done=done, on_error=failed)

    def _show_queue(self, *, reload_selected: bool = True) -> None:
        keep = self.current.name if self.current else None
        items = self.queue.items()
        items.sort(key=lambda i: i.state is not ReviewState.PENDING)
        self.list.blockSignals(True)
        self.list.clear()
        select = None
        for item in items:
            text = f"[{item.state.value}] {item.name}"
            if item.case_ref:
                text += f" — case {item.case_ref}"
            if item.examiner:
                text += f" — {item.examiner}"
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, str(item.path))
            entry.setForeground(QColor(STATE_COLOURS[item.state]))
            self.list.addItem(entry)
            if item.name == keep:
                select = entry
        if select is not None and not reload_selected:
            self.list.setCurrentItem(select)  # signals still blocked: nothing reloads
        self.list.blockSignals(False)
        if select is not None and reload_selected:
            self.list.setCurrentItem(select)

    def import_files(self, paths: list[str | Path]) -> list[ReviewItem]:
        """Import report files into the queue and show them."""
        try:
            items = self.queue.import_files(paths)
        except Exception as exc:
            self._error(str(exc))
            return []
        self.refresh()
        return items

    def _ask_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import signed reports", "",
                                                "PDF reports (*.pdf)")
        if files:
            self.import_files(list(files))

    def select(self, name: str) -> bool:
        """Select the report called ``name`` (``False`` when it is not in the list)."""
        for i in range(self.list.count()):
            entry = self.list.item(i)
            if Path(entry.data(Qt.ItemDataRole.UserRole)).name == name:
                self.list.setCurrentItem(entry)
                return True
        return False

    # -- viewing --------------------------------------------------------------------------
    def _selected(self, entry: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        self._generation += 1
        self.current = None
        self.verification = None
        self.examination_data = None
        self.approve_button.setEnabled(False)
        self.return_button.setEnabled(False)
        self._clear_pages()
        if entry is None:
            return
        item = ReviewItem.load(Path(entry.data(Qt.ItemDataRole.UserRole)))
        self.current = item
        self.status_label.setText(f"Checking {item.name}…")
        generation = self._generation
        trust = self.trust
        dpi = self.page_dpi

        def work(progress: Any, cancel: Any) -> tuple[Any, Any, list[bytes], str]:
            from workstation.reports.review import embedded_examination, render_pages
            from workstation.reports.verify import verify_report

            check = verify_report(item.path, trust=trust)
            data = embedded_examination(item.path.read_bytes())
            try:
                pages = render_pages(item.path, dpi=dpi)
                problem = ""
            except Exception as exc:  # pages are a convenience; the status still shows
                pages, problem = [], str(exc)
            return check, data, pages, problem

        self.runner.start(Task(f"open {item.name}", work),
                          on_done=lambda r: self._show(generation, item, r),
                          on_error=lambda m, _tb: self._error(m))

    def _show(self, generation: int, item: ReviewItem,
              result: tuple[ReportVerification, dict[str, Any] | None, list[bytes], str]
              ) -> None:
        if generation != self._generation:
            return  # the user moved on
        check, data, pages, problem = result
        self.verification = check
        self.examination_data = data
        lines = [check.summary, ""]
        for s in check.signatures:
            lines.append(f"{s.field}: {s.signer}")
            lines.append(f"    intact: {'yes' if s.intact else 'NO'}   trusted: "
                         f"{'yes' if s.trusted else 'NO'}   revoked: "
                         f"{'YES' if s.revoked else 'no'}")
            lines.append(f"    signed at: {s.signed_at.isoformat() if s.signed_at else '?'}"
                         f"{' (time-stamped)' if s.timestamped else ''}")
            if s.reason:
                lines.append(f"    reason: {s.reason}")
            if s.problem:
                lines.append(f"    problem: {s.problem}")
        lines += ["", f"Review state: {item.state.value}"]
        if item.decided_by:
            lines.append(f"Decided by {item.decided_by} at "
                         f"{item.decided_at.isoformat() if item.decided_at else '?'}")
        if item.comment:
            lines.append(f"Comment: {item.comment}")
        self.signature_text.setPlainText("\n".join(lines))
        self.data_text.setPlainText(json.dumps(data, indent=2, ensure_ascii=False)
                                    if data is not None else
                                    "This report carries no examination data.")
        for png in pages:
            pix = QPixmap()
            pix.loadFromData(png, "PNG")
            label = QLabel()
            label.setPixmap(pix)
            label.setFixedSize(pix.size())  # whole pages; the scroll area scrolls
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self.pages_layout.addWidget(label)
        self.page_count = len(pages)
        if problem:
            self.pages_layout.addWidget(QLabel(problem))
        pending = item.state is ReviewState.PENDING
        # only an intact report whose examiner is trusted here can be countersigned
        self.approve_button.setEnabled(pending and check.intact and check.trusted)
        self.return_button.setEnabled(pending)
        colour = "#2e7d32" if (check.intact and check.trusted) else "#c62828"
        self.status_label.setText(f"<span style='color:{colour}'>{check.summary}</span>")
        self.loaded.emit(item.name)

    def _clear_pages(self) -> None:
        while self.pages_layout.count():
            taken = self.pages_layout.takeAt(0)
            w = taken.widget() if taken is not None else None
            if w is not None:
                w.deleteLater()
        self.page_count = 0

    # -- decisions --------------------------------------------------------------------------
    def approve(self) -> None:
        """Countersign the selected report (in a worker) and mark it approved."""
        item = self.current
        if item is None or item.state is not ReviewState.PENDING:
            return
        try:
            identity = self.identity_provider()
        except Exception as exc:
            self._error(str(exc))
            return
        if identity is None:
            return
        comment = self.comment_edit.toPlainText().strip()
        self.approve_button.setEnabled(False)
        self.return_button.setEnabled(False)
        self.status_label.setText(f"Countersigning {item.name}…")
        queue, trust = self.queue, self.trust

        def work(progress: Any, cancel: Any) -> ReviewItem:
            return queue.approve(item, identity, comment=comment, trust=trust)

        self.runner.start(Task(f"countersign {item.name}", work),
                          on_done=lambda done: self._decided(done),
                          on_error=lambda m, _tb: self._error(m))

    def return_report(self) -> None:
        """Return the selected report to its examiner with the comment."""
        item = self.current
        if item is None:
            return
        comment = self.comment_edit.toPlainText().strip()
        if not comment:
            self._error("Write a comment for the examiner before returning the report.")
            return
        from workstation.reports.config import load_config

        try:
            reviewer = self.reviewer or load_config().examiner_name()
            done = self.queue.return_report(item, reviewer=reviewer, comment=comment)
        except Exception as exc:
            self._error(str(exc))
            return
        self._decided(done)

    def _decided(self, item: ReviewItem) -> None:
        cases = self.cases
        if cases is None or item.examination_id is None:
            self._show_decision(item)
            return
        self.status_label.setText("Recording the decision in the case database…")

        def work(progress: Any, cancel: Any) -> None:
            cases.record_decision(item)

        def refused(message: str, _tb: str) -> None:
            self._error(f"decision kept here, but the case database refused it: {message}")
            self._show_decision(item)

        self.runner.start(Task(f"recording the decision on {item.name}", work),
                          on_done=lambda _result: self._show_decision(item), on_error=refused)

    def _show_decision(self, item: ReviewItem) -> None:
        self.comment_edit.clear()
        self.decided.emit(item.name, item.state.value)
        self.current = item
        self.refresh()
        self.select(item.name)

    def _error(self, message: str) -> None:
        self.last_error = message
        self.status_label.setText(f"<span style='color:#c62828'>{message}</span>")
        if self.current is not None and self.current.state is ReviewState.PENDING:
            self.return_button.setEnabled(True)
