"""The barcode panel: what each barcode of the document carries (format, face, AAMVA
fields or a seal's features, the seal's verification) and the comparison of its fields
with the MRZ and the printed page (the ``barcode.data`` check).

``BarcodePanel(work)`` follows the examination session: an examination's barcodes fill
it, a new capture clears it. ``showRequested(face, index)`` asks the window to show a
code on its face (its outline is drawn over the image).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.barcodes.describe import barcode_rows
from workstation.examination.results import Examination
from workstation.labels import FACE_TITLES
from workstation.session.examination import ExaminationSession
from workstation.types import CheckResult
from workstation.ui.bridge import listen
from workstation.ui.theme import DARK, Theme, status_colour
from workstation.ui.widgets import FittingScrollArea, clear_layout, fit_header, mk_label

TEXTS = {
    "none_yet": "No examination yet.",
    "none": "No barcode was read on this document.",
    "back_hint": "Its back was not captured: turn it over and capture the back "
                 "(Shift+Space) to read the barcodes printed there.",
    "compare_box": "Barcode data against the page",
    "show": "Show on the page",
    "no_compare": "No barcode carries holder data to compare.",
}
COMPARE_COLUMNS = ("Field", "In the barcode", "On the page", "Compared with", "Result")
#: The fields compared, by their names in people's words.
FIELD_NAMES = {"mrz": "MRZ lines", "surname": "Surname", "given_names": "Given names",
               "document_number": "Document number", "birth_date": "Date of birth",
               "expiry_date": "Date of expiry", "issue_date": "Date of issue", "sex": "Sex",
               "nationality": "Nationality", "issuing_state": "Issuing state",
               "document_code": "Document type"}
#: A run of characters without a space longer than this may break anywhere on screen.
LONG_TOKEN = 14


def breakable(text: str) -> str:
    """``text`` with zero-width spaces inside long runs without spaces (MRZ lines, keys),
    so a narrow panel wraps them instead of cutting them."""
    out = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            if len(word) > LONG_TOKEN:
                word = "\u200b".join(word[i:i + LONG_TOKEN // 2]
                                      for i in range(0, len(word), LONG_TOKEN // 2))
            words.append(word)
        out.append(" ".join(words))
    return "\n".join(out)


def field_name(field: str) -> str:
    """A compared field in words."""
    return FIELD_NAMES.get(field, field.replace("_", " ").capitalize())


def comparisons(checks: Sequence[CheckResult]) -> list[dict[str, Any]]:
    """The field comparisons of the ``barcode.data`` checks, each with its face."""
    out = []
    for c in checks:
        if c.id != "barcode.data":
            continue
        for comp in c.details.get("comparisons", []):
            out.append({**comp, "face": c.details.get("face", "front")})
    return out


class BarcodePanel(QWidget):
    """The barcodes of the document on the desk (see the module docstring)."""

    showRequested = Signal(str, int)
    """Show a barcode on the page: its face and its index among that face's codes."""

    def __init__(self, work: ExaminationSession, theme: Callable[[], Theme] = lambda: DARK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.theme = theme
        self.codes: list[tuple[str, int, dict[str, Any]]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        scroll = FittingScrollArea(body)
        outer.addWidget(scroll)
        self.lay = QVBoxLayout(body)
        self.lay.setContentsMargins(6, 6, 6, 6)
        self.lay.setSpacing(8)
        self.summary = mk_label(TEXTS["none_yet"], "heading")
        self.summary.setWordWrap(True)
        self.lay.addWidget(self.summary)
        self.hint = mk_label("", "muted")
        self.hint.setWordWrap(True)
        self.lay.addWidget(self.hint)
        self.codes_host = QWidget()
        self.codes_lay = QVBoxLayout(self.codes_host)
        self.codes_lay.setContentsMargins(0, 0, 0, 0)
        self.codes_lay.setSpacing(8)
        self.lay.addWidget(self.codes_host)
        self.compare_box = QGroupBox(TEXTS["compare_box"])
        cl = QVBoxLayout(self.compare_box)
        self.table = QTableWidget(0, len(COMPARE_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COMPARE_COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.no_compare = mk_label(TEXTS["no_compare"], "muted")
        self.no_compare.setWordWrap(True)
        cl.addWidget(self.no_compare)
        cl.addWidget(self.table)
        self.lay.addWidget(self.compare_box)
        self.lay.addStretch(1)
        listen(work.captured, lambda _c: self.show_examination(None), self)
        listen(work.examined, lambda shown: self.show_examination(shown.examination), self)
        self.show_examination(None)

    def show_examination(self, exam: Examination | None) -> None:
        """Show ``exam``'s barcodes (``None``: none yet)."""
        clear_layout(self.codes_lay)
        self.codes = []
        doc = exam.barcodes if exam is not None else None
        if doc is not None:
            for face in doc.faces:
                for i, reading in enumerate(face.readings):
                    self.codes.append((face.face, i, reading.to_json()))
        checks = exam.checks if exam is not None else ()
        if exam is None:
            self.summary.setText(TEXTS["none_yet"])
        elif not self.codes:
            self.summary.setText(TEXTS["none"])
        else:
            what = ", ".join(f"{code.get('format')} ({FACE_TITLES.get(face, face).lower()})"
                             for face, _i, code in self.codes)
            self.summary.setText(f"{len(self.codes)} barcode(s): {what}")
        expects_back = exam is not None and exam.capture.back is None and any(
            c.code == "BACK_NOT_CAPTURED" for c in checks)
        self.hint.setText(TEXTS["back_hint"] if expects_back else "")
        self.hint.setVisible(expects_back)
        for face_name, index, code in self.codes:
            self.codes_lay.addWidget(self._code_box(face_name, index, code))
        self._fill_comparisons(comparisons(checks))
        self.compare_box.setVisible(exam is not None and bool(self.codes))

    def _code_box(self, face: str, index: int, code: dict[str, Any]) -> QGroupBox:
        title, rows = barcode_rows(code)
        box = QGroupBox(f"{code.get('format', 'Barcode')} · {FACE_TITLES.get(face, face)}")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        head = QLabel(title)
        head.setWordWrap(True)
        head.setStyleSheet("font-weight: 600;")
        grid.addWidget(head, 0, 0, 1, 2)
        seal = code.get("seal") or {}
        verdict = str((seal.get("verification") or {}).get("verdict") or "")
        r = 1
        for label, value in rows:
            name = mk_label(label, "muted")
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            shown = QLabel(breakable(value))
            shown.setToolTip(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if label == "Seal verification" and verdict:
                colour = status_colour(self.theme(), verdict)
                shown.setStyleSheet(f"color: {colour}; font-weight: 600;")
            grid.addWidget(name, r, 0)
            grid.addWidget(shown, r, 1)
            r += 1
        show = QPushButton(TEXTS["show"])
        show.setToolTip("Switch to this face and zoom to the barcode (its outline is drawn)")
        show.clicked.connect(lambda _=False, f=face, i=index: self.showRequested.emit(f, i))
        grid.addWidget(show, r, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        return box

    def _fill_comparisons(self, rows: list[dict[str, Any]]) -> None:
        t = self.theme()
        self.table.setRowCount(len(rows))
        for r, comp in enumerate(rows):
            agree = bool(comp.get("agree"))
            why = f": {comp['why']}" if comp.get("why") else ""
            result = "agrees" if agree else f"differs{why}"
            cells = (field_name(str(comp.get("field", ""))),
                     str(comp.get("barcode", "")), str(comp.get("other", "")),
                     "the MRZ" if comp.get("against") == "mrz" else
                     f"the {comp.get('against', 'page')}", result)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 4:
                    item.setForeground(QColor(status_colour(t, "pass" if agree else "fail")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        fit_header(self.table)
        self.table.setVisible(bool(rows))
        self.no_compare.setVisible(not rows)
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth() + sum(
            self.table.rowHeight(r) for r in range(len(rows))) + 18
        self.table.setFixedHeight(min(max(height, 60), 360))

    def comparison_rows(self) -> list[tuple[str, ...]]:
        """The comparison table as shown (for tests)."""
        out = []
        for r in range(self.table.rowCount()):
            items = (self.table.item(r, c) for c in range(len(COMPARE_COLUMNS)))
            out.append(tuple(i.text() if i is not None else "" for i in items))
        return out
