"""A supervisor's view of trainees' progress: per trainee, each completed course's
share of points and the share recognised per forgery kind, over time (pyqtgraph,
like the Trends charts), the list of courses, and the signed certificate of a
passed one, issued by the supervisor (never by the trainee)."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.cases import User
from workstation.errors import WorkstationError
from workstation.training import KIND_LABELS
from workstation.training.records import RunSummary, TrainingStore
from workstation.ui.texts import T, live, tx
from workstation.ui.trend_chart import PALETTE
from workstation.ui.widgets import mk_label, mk_push


class TrainerProgress(QWidget):
    """Trainee chooser and the chart of their completed courses."""

    def __init__(self, store: TrainingStore, parent: QWidget | None = None, *,
                 dark: bool = False, signer: User | str | None = None,
                 identity: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.signer = signer
        self.identity_fn = identity
        self.certificate: bytes | None = None
        background, foreground = ("#1e2126", "#e6e8eb") if dark else ("#ffffff", "#1c2024")
        self.trainee_combo = QComboBox()
        self.trainee_combo.currentTextChanged.connect(self.show_trainee)
        self.summary = QLabel("")
        self.plot = pg.PlotWidget(background=background)
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setYRange(0, 100, padding=0.02)
        self.plot.setLabel("left", tx("progress", "recognised (%)"))
        self.plot.setLabel("bottom", tx("progress", "completed course (oldest first)"))
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setPen(pg.mkPen(foreground))
            self.plot.getAxis(name).setTextPen(pg.mkPen(foreground))
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor=foreground,
                                          brush=pg.mkBrush(background + "e0"))
        self.foreground = foreground
        top = QHBoxLayout()
        top.addWidget(mk_label(T("progress", "Trainee")))
        top.addWidget(self.trainee_combo, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.plot, 1)
        self.table = QTableWidget(0, 4)
        live(self.table, lambda: self.table.setHorizontalHeaderLabels(
            [tx("progress", "Finished"), tx("progress", "Course"), tx("progress", "Points"),
             tx("progress", "Certificate")]), "header")
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(170)
        self.table.itemSelectionChanged.connect(self._selected)
        self.cert_button = mk_push(T("progress", "Issue the signed certificate…"))
        self.cert_button.setEnabled(False)
        self.cert_button.clicked.connect(self.issue_certificate)
        lay.addWidget(self.table)
        lay.addWidget(self.cert_button)
        self.runs: list[RunSummary] = []
        self.refresh()

    def refresh(self) -> None:
        """Reload the trainees from the case database."""
        current = self.trainee_combo.currentText()
        self.trainee_combo.blockSignals(True)
        self.trainee_combo.clear()
        self.trainee_combo.addItems(self.store.trainees())
        self.trainee_combo.blockSignals(False)
        if current and self.trainee_combo.findText(current) >= 0:
            self.trainee_combo.setCurrentText(current)
        self.show_trainee(self.trainee_combo.currentText())

    def show_trainee(self, trainee: str) -> None:
        """Draw ``trainee``'s courses: the points line and one line per forgery kind."""
        self.plot.clear()
        self.legend.clear()
        self.runs = self.store.runs(trainee) if trainee else []
        self.table.setRowCount(len(self.runs))
        for i, r in enumerate(self.runs):
            cert = tx("progress", "issued") if r.certificate_sha256 else (
                "—" if not r.passed else tx("progress", "not yet"))
            for j, text in enumerate((f"{r.finished_at:%Y-%m-%d %H:%M}", r.course_title,
                                      f"{r.share * 100:.0f} %", cert)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self._selected()
        if not self.runs:
            self.summary.setText(tx("progress", "No completed course yet."))
            return
        xs = list(range(1, len(self.runs) + 1))
        self.plot.getAxis("bottom").setTicks([[(x, f"{x} · {r.finished_at:%d %b %H:%M}")
                                               for x, r in zip(xs, self.runs, strict=True)]])
        self.plot.plot(xs, [r.share * 100 for r in self.runs], name=tx("progress", "Points"),
                       pen=pg.mkPen(self.foreground, width=3), symbol="o", symbolSize=8,
                       symbolBrush=self.foreground)
        kinds = sorted({k for r in self.runs for k in r.per_kind})
        for i, kind in enumerate(kinds):
            pts = [(x, r.per_kind[kind] * 100) for x, r in zip(xs, self.runs, strict=True)
                   if kind in r.per_kind]
            colour = PALETTE[i % len(PALETTE)]
            self.plot.plot([p[0] for p in pts], [p[1] for p in pts],
                           name=tx("training", KIND_LABELS.get(kind, kind)),
                           pen=pg.mkPen(colour, width=2),
                           symbol="s", symbolSize=6, symbolBrush=colour)
        self.plot.setXRange(0.5, len(xs) + 0.5)
        last = self.runs[-1]
        passed = sum(1 for r in self.runs if r.passed)
        runs = len(self.runs)
        self.summary.setText(tx("progress", "%n course(s) completed, {passed} passed; last: "
                                "{course} ({percent} %).", None, runs).format(
            passed=passed, course=last.course_title, percent=f"{last.share * 100:.0f}"))

    def _selected(self) -> None:
        row = self.table.currentRow()
        run = self.runs[row] if 0 <= row < len(self.runs) else None
        self.cert_button.setEnabled(run is not None and run.passed
                                    and self.identity_fn is not None)

    def issue_certificate(self, path: str | None = None) -> bytes | None:
        """Sign the selected course's certificate as this view's user and save it (asks
        where, unless ``path`` is given)."""
        from workstation.session.trainer import certify

        row = self.table.currentRow()
        if not 0 <= row < len(self.runs) or self.identity_fn is None or self.signer is None:
            return None
        run = self.runs[row]
        try:
            pdf = certify(run, self.identity_fn(), repository=self.store.repository,
                          signer=self.signer)
        except WorkstationError as exc:
            QMessageBox.warning(self, tx("progress", "Certificate"), str(exc))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tx("progress", "Save the certificate"),
                f"certificate-{run.trainee}-{run.course_id}.pdf", "PDF (*.pdf)")
        if path:
            from workstation.fsutil import atomic_write_bytes

            atomic_write_bytes(path, pdf)
        self.certificate = pdf
        self.show_trainee(run.trainee)
        return pdf
