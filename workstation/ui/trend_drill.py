"""The examinations behind a figure of the Trends view: a list to open them from."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.cases import ExaminationSummary
from workstation.ui.texts import T, conclusion_word, live, tx, verdict_word
from workstation.ui.widgets import mk_push

COLUMNS = (T("drill", "Id"), T("drill", "Date (UTC)"), T("drill", "Case"), T("drill", "State"),
           T("drill", "Type"), T("drill", "Series"), T("drill", "Verdict"),
           T("drill", "Conclusion"), T("drill", "Name"))
#: Most examinations listed behind one figure (the newest).
LIMIT = 500


class DrillDownList(QWidget):
    """The examinations behind a bar or a row; double-click (or *Open*) opens one."""

    examinationOpened = Signal(int)
    """An examination was opened: its id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ExaminationSummary] = []
        self.label = QLabel(tx("drill", "Click a bar or double-click a row to list the "
                               "examinations behind it."))
        self.label.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        live(self.table, lambda: self.table.setHorizontalHeaderLabels(
            [c.tr() for c in COLUMNS]), "header")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        # every column as wide as its title and its widest cell, whatever restyles it
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.open_button = mk_push(T("drill", "Open examination"))
        self.open_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_row(r))
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.table.selectedItems())))
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))

    def set_allowed(self, allowed: bool) -> None:
        """Whether the user may see the examinations (else the list stays empty)."""
        self.table.setEnabled(allowed)
        if not allowed:
            self.label.setText(tx("drill", "Your role sees the figures only; supervisors and "
                                  "forensic examiners can open the examinations behind them."))

    def loading(self, what: str) -> None:
        """Say what is being listed."""
        self.label.setText(tx("drill", "Examinations behind {what}…").format(
            what=what or tx("drill", "the period")))

    def show_rows(self, what: str, rows: list[ExaminationSummary]) -> None:
        """List ``rows`` (newest first), the examinations behind ``what``."""
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            cells = [str(s.id), f"{s.created_at:%Y-%m-%d %H:%M}", s.case_reference,
                     s.issuing_state, s.document_code, s.specimen_id or "",
                     verdict_word(s.verdict),
                     conclusion_word(s.conclusion) if s.conclusion else "", s.name]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        more = tx("drill", " (the newest {limit})").format(limit=LIMIT) \
            if len(rows) >= LIMIT else ""
        count = len(rows)
        self.label.setText(tx("drill", "%n examination(s) behind {what}{more}; double-click "
                              "one to open it.", None, count).format(
            what=what or tx("drill", "the period"), more=more))

    def failed(self, message: str) -> None:
        """Show why the list could not be made."""
        self.label.setText(message)

    def open_row(self, row: int) -> None:
        """Emit ``examinationOpened`` for a row."""
        if 0 <= row < len(self.rows):
            self.examinationOpened.emit(self.rows[row].id)
