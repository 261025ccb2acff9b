"""A supervisor's view of trainees' progress: per trainee, each completed course's
share of points and the share recognised per forgery kind, over time (pyqtgraph,
like the Trends charts)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workstation.training import KIND_LABELS
from workstation.training.records import RunSummary, TrainingStore
from workstation.ui.trend_chart import PALETTE


class TrainerProgress(QWidget):
    """Trainee chooser and the chart of their completed courses."""

    def __init__(self, store: TrainingStore, parent: QWidget | None = None, *,
                 dark: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        background, foreground = ("#1e2126", "#e6e8eb") if dark else ("#ffffff", "#1c2024")
        self.trainee_combo = QComboBox()
        self.trainee_combo.currentTextChanged.connect(self.show_trainee)
        self.summary = QLabel("")
        self.plot = pg.PlotWidget(background=background)
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setYRange(0, 100, padding=0.02)
        self.plot.setLabel("left", "recognised (%)")
        self.plot.setLabel("bottom", "completed course (oldest first)")
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setPen(pg.mkPen(foreground))
            self.plot.getAxis(name).setTextPen(pg.mkPen(foreground))
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor=foreground,
                                          brush=pg.mkBrush(background + "e0"))
        self.foreground = foreground
        top = QHBoxLayout()
        top.addWidget(QLabel("Trainee"))
        top.addWidget(self.trainee_combo, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.plot, 1)
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
        if not self.runs:
            self.summary.setText("No completed course yet.")
            return
        xs = list(range(1, len(self.runs) + 1))
        self.plot.getAxis("bottom").setTicks([[(x, f"{x} · {r.finished_at:%d %b %H:%M}")
                                               for x, r in zip(xs, self.runs, strict=True)]])
        self.plot.plot(xs, [r.share * 100 for r in self.runs], name="Points",
                       pen=pg.mkPen(self.foreground, width=3), symbol="o", symbolSize=8,
                       symbolBrush=self.foreground)
        kinds = sorted({k for r in self.runs for k in r.per_kind})
        for i, kind in enumerate(kinds):
            pts = [(x, r.per_kind[kind] * 100) for x, r in zip(xs, self.runs, strict=True)
                   if kind in r.per_kind]
            colour = PALETTE[i % len(PALETTE)]
            self.plot.plot([p[0] for p in pts], [p[1] for p in pts],
                           name=KIND_LABELS.get(kind, kind), pen=pg.mkPen(colour, width=2),
                           symbol="s", symbolSize=6, symbolBrush=colour)
        self.plot.setXRange(0.5, len(xs) + 0.5)
        last = self.runs[-1]
        passed = sum(1 for r in self.runs if r.passed)
        self.summary.setText(f"{len(self.runs)} courses completed, {passed} passed; last: "
                             f"{last.course_title} ({last.share * 100:.0f} %).")
