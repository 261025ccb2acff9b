"""The case list: search, sort and open stored examinations.

``CaseListWidget(repository)`` shows one page of :meth:`CaseRepository.search`
results. Typing in the search box (reference, name or document number prefix),
choosing a status, a conclusion or a date range, or clicking a column header
runs the search again in a worker thread (never on the event loop); stale
answers are dropped. Double-click, Enter or *Open* emits
``examinationOpened(int)`` with the examination id; the window loads it with
:meth:`CaseRepository.open_examination`. For a supervisor
(:meth:`CaseListWidget.set_user`) a *Review queue* switch shows what waits for
review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.cases.records import ExaminationSummary, Role, SearchQuery, Status, User
from workstation.findings import Conclusion
from workstation.ui.flow_layout import flow_of, unit
from workstation.ui.texts import (
    T,
    Text,
    bind,
    conclusion_word,
    live,
    status_word,
    tx,
    verdict_word,
)
from workstation.ui.workers import Task, TaskRunner

if TYPE_CHECKING:
    from workstation.cases import CaseRepository

#: (header, sort key) per column.
COLUMNS: tuple[tuple[Text, str], ...] = (
    (T("cases", "Case"), "reference"),
    (T("cases", "Date"), "created_at"),
    (T("cases", "Name"), "name"),
    (T("cases", "Document no."), "document_number"),
    (T("cases", "State"), "created_at"),
    (T("cases", "Status"), "status"),
    (T("cases", "Verdict"), "verdict"),
    (T("cases", "Conclusion"), "conclusion"),
)
SORTABLE = {0, 1, 2, 3, 5, 6, 7}
#: Milliseconds between the last key press and the search.
SEARCH_DELAY_MS = 250
Index = QModelIndex | QPersistentModelIndex


def _label(value: str | None) -> str:
    return (value or "—").replace("_", " ")


class CaseTableModel(QAbstractTableModel):
    """A read-only table of :class:`ExaminationSummary` rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ExaminationSummary] = []

    def set_rows(self, rows: list[ExaminationSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section][0].tr()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        local = row.created_at.astimezone()
        values = (row.case_reference, f"{local:%Y-%m-%d %H:%M}", row.name or "—",
                  row.document_number or "—", row.issuing_state or "—",
                  status_word(row.status), verdict_word(row.verdict),
                  conclusion_word(row.conclusion) if row.conclusion else "—")
        return values[index.column()]


def _reheader(model: QAbstractTableModel) -> None:
    """The header's and the cells' words again (the language changed)."""
    model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
    model.layoutChanged.emit()


class CaseListWidget(QWidget):
    """Search, sort and open stored examinations (see the module docstring)."""

    examinationOpened = Signal(int)
    searchFinished = Signal(int)

    def __init__(self, repository: CaseRepository, *, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.runner = runner or TaskRunner(parent=self)
        self._generation = 0
        self._sort = "created_at"
        self._descending = True
        self.last_error = ""

        self.search_edit = QLineEdit()
        bind(self.search_edit.setToolTip, T("cases", "The start of a case reference, a name "
                                            "or a document number"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        self.status_combo.addItem("", None)
        bind(self.status_combo.setItemText, T("cases", "Any status"), 0)
        for status in Status:
            self.status_combo.addItem("", status)
            live(self.status_combo, self._item_word(self.status_combo, status_word, status),
                 f"status:{status.value}")
        self.conclusion_combo = QComboBox()
        self.conclusion_combo.addItem("", None)
        bind(self.conclusion_combo.setItemText, T("cases", "Any conclusion"), 0)
        for conclusion in Conclusion:
            self.conclusion_combo.addItem("", conclusion)
            live(self.conclusion_combo, self._item_word(self.conclusion_combo, conclusion_word,
                                                        conclusion),
                 f"conclusion:{conclusion.value}")
        self.dates_check = QCheckBox()
        bind(self.dates_check.setText, T("cases", "From"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.review_check = QCheckBox()
        bind(self.review_check.setText, T("cases", "Review queue"))
        self.review_check.setVisible(False)
        self.open_button = QPushButton()
        bind(self.open_button.setText, T("cases", "Open"))
        self.open_button.setEnabled(False)
        self.status_label = QLabel("")

        self.model = CaseTableModel(self)
        live(self.model, lambda: _reheader(self.model), "header")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.search_edit.setMinimumWidth(260)
        filters = flow_of(unit(T("cases", "Search"), self.search_edit),
                          unit(self.status_combo, self.conclusion_combo),
                          unit(self.dates_check, self.date_from, T("cases", "to"),
                               self.date_to),
                          self.review_check)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self.refresh)
        for combo in (self.status_combo, self.conclusion_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.dates_check.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.refresh())
        self.date_to.dateChanged.connect(lambda _d: self.refresh())
        self.review_check.toggled.connect(lambda _on: self.refresh())
        header.sectionClicked.connect(self._header_clicked)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: self.open_button.setEnabled(self.selected_id() is not None))
        self.open_button.clicked.connect(self.open_selected)

    # -- state -------------------------------------------------------------------------

    def set_user(self, user: User | None) -> None:
        """The session's user: a supervisor gets the *Review queue* switch."""
        is_supervisor = user is not None and user.role is Role.SUPERVISOR
        self.review_check.setVisible(is_supervisor)
        if not is_supervisor and self.review_check.isChecked():
            self.review_check.setChecked(False)

    def query(self) -> SearchQuery:
        """The search the controls describe."""
        status = self.status_combo.currentData()
        conclusion = self.conclusion_combo.currentData()
        statuses: tuple[Status, ...] = (status,) if status is not None else ()
        if self.review_check.isChecked():
            statuses = (Status.UNDER_REVIEW,)
        date_from = date_to = None
        if self.dates_check.isChecked():
            date_from = _py_date(self.date_from.date())
            date_to = _py_date(self.date_to.date())
        return SearchQuery(text=self.search_edit.text(), statuses=statuses,
                           conclusions=(conclusion,) if conclusion is not None else (),
                           date_from=date_from, date_to=date_to, sort=self._sort,
                           descending=self._descending)

    def results(self) -> list[ExaminationSummary]:
        """The rows shown."""
        return list(self.model.rows)

    def selected_id(self) -> int | None:
        """The id of the selected examination, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[rows[0].row()].id

    # -- actions -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Run the search again (in a worker thread)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        query = self.query()
        self.status_label.setText(tx("cases", "Searching…"))
        task = Task("case search", lambda _progress, _cancel: self.repository.search(query))
        self.runner.start(task, on_done=lambda rows: self._show(generation, rows),
                          on_error=lambda message, _tb: self._failed(generation, message))

    @staticmethod
    def _item_word(combo: QComboBox, word: Callable[[object], str],
                   value: object) -> Callable[[], None]:
        def apply() -> None:
            combo.setItemText(combo.findData(value), word(value))
        return apply

    def open_selected(self) -> None:
        """Emit ``examinationOpened`` for the selected row."""
        exam_id = self.selected_id()
        if exam_id is not None:
            self.examinationOpened.emit(exam_id)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.examinationOpened.emit(self.model.rows[row].id)

    def _show(self, generation: int, rows: list[ExaminationSummary]) -> None:
        if generation != self._generation:
            return
        self.last_error = ""
        self.model.set_rows(rows)
        self.open_button.setEnabled(False)
        more = tx("cases", " (first page; narrow the search)") \
            if len(rows) >= self.query().limit else ""
        count = len(rows)
        self.status_label.setText(tx("cases", "%n examination(s)", None, count) + more)
        self.searchFinished.emit(len(rows))

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.last_error = message
        self.status_label.setText(message)
        self.searchFinished.emit(-1)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.refresh()

    def _header_clicked(self, section: int) -> None:
        if section not in SORTABLE:
            return
        key = COLUMNS[section][1]
        if key == self._sort:
            self._descending = not self._descending
        else:
            self._sort = key
            self._descending = key == "created_at"
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(section, order)
        self.refresh()


def _py_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
