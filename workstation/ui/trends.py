"""The Trends view (for supervisors): detected forgeries and examinations over time,
by issuing state, document type and series, failed check, forgery kind and border
point, with filters, a drill-down to the examinations behind a bar, and the chart
saved as PNG or SVG.

``TrendsWidget(store, user=...)`` runs every query in a worker
(:class:`~workstation.ui.workers.TaskRunner`) and shows the figures twice: as
stacked bars (:class:`~workstation.ui.trend_chart.TrendChart`) and as a table
per category (the same numbers ``workstation trends`` prints). Clicking a bar or
double-clicking a table row lists the examinations behind it, for supervisors and
forensic examiners (:data:`workstation.trends.query.DRILL_DOWN_ROLES`); opening
one emits ``examinationOpened(int)``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.cases import ExaminationSummary, User
from workstation.trends import TrendStore, TrendTable
from workstation.trends.query import DRILL_DOWN_ROLES, TrendQuery
from workstation.trends.series import OTHER, ChartSeries, auto_bucket, chart_query, chart_series
from workstation.ui.flow_layout import flow_of, unit
from workstation.ui.texts import T, bind, date_text, live, tx
from workstation.ui.trend_chart import MEASURE_TITLES, TrendChart, category_label, save_chart
from workstation.ui.trend_drill import LIMIT as DRILL_LIMIT
from workstation.ui.trend_drill import DrillDownList
from workstation.ui.widgets import mk_push
from workstation.ui.workers import Task, TaskRunner

BREAKDOWNS = ((T("trends", "Issuing state"), "state"), (T("trends", "Document type"), "type"),
              (T("trends", "Series"), "series"), (T("trends", "Failed check"), "check"),
              (T("trends", "Forgery kind"), "kind"), (T("trends", "Conclusion"), "conclusion"),
              (T("trends", "Border point"), "point"), (T("trends", "Verdict"), "verdict"),
              (T("trends", "Nothing"), None))
RANGES = ((T("trends", "Last 30 days"), 30), (T("trends", "Last 90 days"), 90),
          (T("trends", "Last 12 months"), 365), (T("trends", "Last 3 years"), 3 * 365),
          (T("trends", "Custom"), None))
FILTERS = (("point", T("trends", "All border points")),
           ("state", T("trends", "All issuing states")),
           ("check", T("trends", "All checks")), ("kind", T("trends", "All forgery kinds")))
#: The figures' columns after the category's.
FIGURE_COLUMNS = (T("trends", "Examinations"), T("trends", "Forgeries"),
                  T("trends", "Flagged"))


#: The chart's time buckets in words.
BUCKETS = {"day": T("trends", "day"), "week": T("trends", "week"),
           "month": T("trends", "month"), "quarter": T("trends", "quarter"),
           "year": T("trends", "year")}


def bucket_word(bucket: str) -> str:
    """A bucket (``month``) in the window's language."""
    word = BUCKETS.get(bucket)
    return word.tr() if word is not None else bucket


def _py_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class TrendsWidget(QWidget):
    """Trend charts, figures and drill-down over a case database (module docstring)."""

    examinationOpened = Signal(int)
    """An examination of the drill-down list was opened: its id."""
    figuresShown = Signal(int)
    """New figures are shown: the number of categories (-1 when the query failed)."""
    drillShown = Signal(int)
    """The drill-down list was filled: the number of examinations (-1 on failure)."""

    def __init__(self, store: TrendStore, *, user: User | None,
                 runner: TaskRunner | None = None, today: dt.date | None = None,
                 dark: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.runner = runner or TaskRunner(parent=self)
        self.today = today or dt.datetime.now(dt.UTC).date()
        self.table_result: TrendTable | None = None
        self.series: ChartSeries | None = None
        self.last_error = ""
        self._generation = 0

        self.range_combo = QComboBox()
        for i, (label, days) in enumerate(RANGES):
            self.range_combo.addItem("", days)
            bind(self.range_combo.setItemText, label, i)
        self.range_combo.setCurrentIndex(2)
        self.since_edit = QDateEdit(_qdate(self.today - dt.timedelta(days=364)))
        self.until_edit = QDateEdit(_qdate(self.today))
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.breakdown_combo = QComboBox()
        for i, (label, dim) in enumerate(BREAKDOWNS):
            self.breakdown_combo.addItem("", dim)
            bind(self.breakdown_combo.setItemText, label, i)
        self.measure_combo = QComboBox()
        for i, (key, title) in enumerate(MEASURE_TITLES.items()):
            self.measure_combo.addItem("", key)
            bind(self.measure_combo.setItemText, title, i)
        self.filter_combos: dict[str, QComboBox] = {}
        for dim, everything in FILTERS:
            combo = QComboBox()
            combo.addItem("", None)
            bind(combo.setItemText, everything, 0)
            combo.setMinimumContentsLength(12)
            self.filter_combos[dim] = combo
        self.save_button = mk_push(T("trends", "Save chart…"))
        self.refresh_button = mk_push(T("trends", "Refresh"))
        self.status_label = QLabel("")

        self.chart = TrendChart(dark=dark)
        self.chart.setMinimumHeight(260)
        self.figures = QTableWidget(0, 4)
        live(self.figures, self._figures_header, "header")
        self.drill = DrillDownList()
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figures.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.figures.verticalHeader().setVisible(False)
        self.figures.horizontalHeader().setStretchLastSection(True)
        # every column as wide as its title (the breakdown's name) and its widest figure
        self.figures.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

        top = flow_of(
            unit(T("trends", "Period"), self.range_combo, self.since_edit, T("trends", "to"),
                 self.until_edit),
            unit(T("trends", "Show"), self.measure_combo, T("trends", "by"),
                 self.breakdown_combo),
            unit(self.refresh_button, self.save_button))
        combos = list(self.filter_combos.values())
        filters = flow_of(unit(T("trends", "Only"), combos[0]), *combos[1:])
        self.status_label.setWordWrap(True)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.figures)
        lower.addWidget(self.drill)
        lower.setSizes([320, 680])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(lower)
        split.setSizes([420, 280])
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(filters)
        layout.addWidget(self.status_label)
        layout.addWidget(split, 1)

        self.range_combo.currentIndexChanged.connect(self._range_changed)
        for widget in (self.breakdown_combo, self.measure_combo, *self.filter_combos.values()):
            widget.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since_edit.dateChanged.connect(lambda _d: self.refresh())
        self.until_edit.dateChanged.connect(lambda _d: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.save_button.clicked.connect(self._save_dialog)
        self.chart.barClicked.connect(self.drill_down)
        self.figures.cellDoubleClicked.connect(self._figure_double_clicked)
        self.drill.examinationOpened.connect(self.examinationOpened)
        for keys, slot in (("F5", self.refresh), ("Ctrl+Shift+S", self._save_dialog)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        bind(self.refresh_button.setToolTip, T("trends", "Count again (F5)"))
        bind(self.save_button.setToolTip, T("trends", "Save the chart as PNG or SVG "
                                                      "(Ctrl+Shift+S)"))
        self.set_user(user)

    # -- state ---------------------------------------------------------------------------

    def set_dark(self, dark: bool) -> None:
        """Follow the window's theme."""
        self.chart.set_dark(dark)

    @property
    def may_drill_down(self) -> bool:
        """Whether the session's user may see the examinations behind a figure."""
        return self.user is not None and self.user.role in DRILL_DOWN_ROLES

    def set_user(self, user: User | None) -> None:
        """The session's user (drill-down for supervisors and forensic examiners)."""
        self.user = user
        self.drill.set_allowed(self.may_drill_down)

    def period(self) -> tuple[dt.date, dt.date]:
        """The day range shown (UTC, inclusive)."""
        days = self.range_combo.currentData()
        if days is None:
            since, until = _py_date(self.since_edit.date()), _py_date(self.until_edit.date())
            return (since, until) if since <= until else (until, since)
        return self.today - dt.timedelta(days=int(days) - 1), self.today

    def set_period(self, since: dt.date, until: dt.date) -> None:
        """Show a custom day range."""
        for w in (self.range_combo, self.since_edit, self.until_edit):
            w.blockSignals(True)
        self.range_combo.setCurrentIndex(len(RANGES) - 1)
        self.since_edit.setDate(_qdate(since))
        self.until_edit.setDate(_qdate(until))
        for w in (self.since_edit, self.until_edit):
            w.setEnabled(True)
        for w in (self.range_combo, self.since_edit, self.until_edit):
            w.blockSignals(False)
        self.refresh()

    def category(self) -> str | None:
        """The dimension the bars are broken down by (``None``: none)."""
        value = self.breakdown_combo.currentData()
        return str(value) if value else None

    def set_category(self, dimension: str | None) -> None:
        """Break the bars down by ``dimension``."""
        index = self.breakdown_combo.findData(dimension)
        if index >= 0:
            self.breakdown_combo.setCurrentIndex(index)

    def measure(self) -> str:
        """``examinations``, ``forgeries`` or ``flagged``."""
        return str(self.measure_combo.currentData())

    def where(self) -> dict[str, tuple[str, ...]]:
        """The filters chosen."""
        return {dim: (str(combo.currentData()),) for dim, combo in self.filter_combos.items()
                if combo.currentData() is not None}

    def query(self) -> TrendQuery:
        """The query behind the chart."""
        since, until = self.period()
        return chart_query(since=since, until=until, category=self.category(),
                           bucket=auto_bucket(since, until), where=self.where())

    # -- actions -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Query the figures again (in a worker) and redraw."""
        self._generation += 1
        generation = self._generation
        q = self.query()
        measure = self.measure()
        since, until = self.period()
        self.status_label.setText(tx("trends", "Counting…"))

        def work(_progress: Any, _cancel: Any) -> tuple[TrendTable, ChartSeries,
                                                         dict[str, list[str]]]:
            table = self.store.query(q)
            values = {dim: self.store.values(dim, since=since, until=until)
                      for dim in self.filter_combos}
            return table, chart_series(table, measure=measure), values

        self.runner.start(Task("trend query", work),
                          on_done=lambda got: self._show(generation, *got),
                          on_error=lambda message, _tb: self._failed(generation, message))

    def _show(self, generation: int, table: TrendTable, series: ChartSeries,
              values: dict[str, list[str]]) -> None:
        if generation != self._generation:
            return
        self.last_error = ""
        self.table_result, self.series = table, series
        since, until = self.period()
        self.chart.show_series(series, title=tx("trends", "{measure} per {bucket}, {since} to "
                                                "{until}").format(
            measure=MEASURE_TITLES[series.measure].tr(), bucket=bucket_word(series.bucket),
            since=date_text(since), until=date_text(until)))
        self._fill_figures(series, table)
        self._fill_filters(values)
        total = table.total
        self.status_label.setText(tx("trends", "Examinations: {examinations} · forgeries: "
                                     "{forgeries} · flagged: {flagged}").format(
            examinations=total.examinations, forgeries=total.forgeries, flagged=total.flagged))
        self.figuresShown.emit(len(series.totals))

    def _fill_figures(self, series: ChartSeries, table: TrendTable) -> None:
        self._figures_header()
        rows = [*series.totals, table.total]
        self.figures.setRowCount(len(rows))
        for r, row in enumerate(rows):
            name = (tx("trends", "All examinations") if r == len(rows) - 1 else
                    category_label(row.key[0]) if self.category() else tx("trends", "All"))
            cells = [name, str(row.examinations), str(row.forgeries), str(row.flagged)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if r < len(rows) - 1:
                    item.setData(Qt.ItemDataRole.UserRole, row.key[0])
                self.figures.setItem(r, c, item)
        self.figures.resizeColumnsToContents()

    def _figures_header(self) -> None:
        label = self.breakdown_combo.currentText() if self.category() else tx("trends", "All")
        self.figures.setHorizontalHeaderLabels([label, *(c.tr() for c in FIGURE_COLUMNS)])

    def _fill_filters(self, values: dict[str, list[str]]) -> None:
        for dim, combo in self.filter_combos.items():
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in sorted(set(values.get(dim, [])) | ({current} if current else set())):
                combo.addItem(category_label(value), value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.last_error = message
        self.status_label.setText(message)
        self.figuresShown.emit(-1)

    def figure_rows(self) -> dict[str, tuple[int, int, int]]:
        """The table as shown: category -> (examinations, forgeries, flagged); the total
        under ``"All examinations"`` (each counted once, also under several checks)."""
        out = {}
        for r in range(self.figures.rowCount()):
            items = [self.figures.item(r, c) for c in range(4)]
            cells = [item.text() if item is not None else "" for item in items]
            out[cells[0]] = (int(cells[1]), int(cells[2]), int(cells[3]))
        return out

    def drill_down(self, bucket: str | None, category: str | None) -> None:
        """List the examinations behind a bar (``bucket`` of the chart, ``category`` of
        the breakdown; either may be ``None`` for the whole range / all)."""
        if not self.may_drill_down or self.user is None:
            return
        q = self.query()
        by: list[str] = []
        key: list[str] = []
        if bucket is not None:
            by.append(q.by[0])
            key.append(bucket)
        cat = self.category()
        if cat is not None and category is not None and category != OTHER:
            by.append(cat)
            key.append(category)
        narrowed = TrendQuery(since=q.since, until=q.until, where=q.where).narrowed(by, key)
        user = self.user
        what = " · ".join([*(k for k in key), *(["other"] if category == OTHER else [])])
        self.drill.loading(what)

        def work(_progress: Any, _cancel: Any) -> list[ExaminationSummary]:
            return self.store.drill_down(narrowed, user=user, limit=DRILL_LIMIT)

        self.runner.start(Task("drill-down", work),
                          on_done=lambda rows: self._show_drill(what, rows),
                          on_error=lambda message, _tb: self._drill_failed(message))

    def _show_drill(self, what: str, rows: list[ExaminationSummary]) -> None:
        self.drill.show_rows(what, rows)
        self.drillShown.emit(len(rows))

    def _drill_failed(self, message: str) -> None:
        self.drill.failed(message)
        self.drillShown.emit(-1)

    def _figure_double_clicked(self, row: int, _column: int) -> None:
        item = self.figures.item(row, 0)
        if item is None:
            return
        value = item.data(Qt.ItemDataRole.UserRole)
        self.drill_down(None, str(value) if value is not None and self.category() else None)

    def _range_changed(self, _index: int) -> None:
        custom = self.range_combo.currentData() is None
        self.since_edit.setEnabled(custom)
        self.until_edit.setEnabled(custom)
        self.refresh()

    def _save_dialog(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, tx("trends", "Save chart"),
                                                    "trends.png",
                                                    "PNG image (*.png);;SVG drawing (*.svg)")
        if path:
            try:
                save_chart(self.chart, path)
                self.status_label.setText(tx("trends", "Chart saved: {path}").format(path=path))
            except Exception as exc:  # shown, never lost
                self.status_label.setText(tx("trends", "Could not save the chart: {error}").format(
                    error=exc))
