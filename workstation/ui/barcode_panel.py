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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.barcodes.describe import barcode_rows
from workstation.examination.results import Examination
from workstation.i18n import Join, Msg, Said, Term, render
from workstation.labels import FACE_TITLES
from workstation.session.examination import ExaminationSession
from workstation.types import CheckResult
from workstation.ui.bridge import listen
from workstation.ui.texts import QT, T, bind, data, live, tx
from workstation.ui.theme import DARK, Theme, status_colour
from workstation.ui.widgets import (
    FittingScrollArea,
    clear_layout,
    fit_header,
    mk_label,
    mk_push,
)

TEXTS = {
    "none_yet": T("barcode panel", "No examination yet."),
    "none": T("barcode panel", "No barcode was read on this document."),
    "back_hint": T("barcode panel", "Its back was not captured: turn it over and capture the "
                   "back (Shift+Space) to read the barcodes printed there."),
    "compare_box": T("barcode panel", "Barcode data against the page"),
    "show": T("barcode panel", "Show on the page"),
    "no_compare": T("barcode panel", "No barcode carries holder data to compare."),
}
COMPARE_COLUMNS = (T("barcode panel", "Field"), T("barcode panel", "In the barcode"),
                   T("barcode panel", "On the page"), T("barcode panel", "Compared with"),
                   T("barcode panel", "Result"))
#: The fields compared, by their names in people's words.
FIELD_NAMES = {"mrz": T("barcode panel", "MRZ lines"), "surname": T("barcode panel", "Surname"),
               "given_names": T("barcode panel", "Given names"),
               "document_number": T("barcode panel", "Document number"),
               "birth_date": T("barcode panel", "Date of birth"),
               "expiry_date": T("barcode panel", "Date of expiry"),
               "issue_date": T("barcode panel", "Date of issue"),
               "sex": T("barcode panel", "Sex"),
               "nationality": T("barcode panel", "Nationality"),
               "issuing_state": T("barcode panel", "Issuing state"),
               "document_code": T("barcode panel", "Document type")}
#: What a field was compared with.
AGAINST = {"mrz": T("barcode panel", "the MRZ"), "printed": T("barcode panel", "the printed field"),
           "page": T("barcode panel", "the page")}
#: Seal features and row labels the describer writes besides "barcode rows".
_ROWS = (T("barcode rows", "Issue date"), T("barcode rows", "MRZ"),
         T("barcode rows", "MRZ (visa type A)"), T("barcode rows", "MRZ (visa type B)"),
         T("barcode rows", "Document number"), T("barcode rows", "Surname"),
         T("barcode rows", "Given names"), T("barcode rows", "Date of birth"),
         T("barcode rows", "Nationality"), T("barcode rows", "Expiry date"))
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


def face_title(face: str) -> str:
    """A face's name (``Front``, ``Back``) in the window's language."""
    return tx("labels", FACE_TITLES.get(face, face))


def field_name(field: str) -> str:
    """A compared field in words."""
    name = FIELD_NAMES.get(field)
    return name.tr() if name is not None else field.replace("_", " ").capitalize()


def comparisons(checks: Sequence[CheckResult]) -> list[dict[str, Any]]:
    """The field comparisons of the ``barcode.data`` checks, each with its face and,
    where the check's message says why a field differs, that reason as a message
    (``why_text``: the JSON's ``why`` is English)."""
    out = []
    for c in checks:
        if c.id != "barcode.data":
            continue
        whys = _reasons(c.text)
        for comp in c.details.get("comparisons", []):
            key = (str(comp.get("field", "")).replace("_", " "),
                   str(comp.get("against", "")).replace("_", " "))
            out.append({**comp, "face": c.details.get("face", "front"),
                        "why_text": whys.get(key)})
    return out


def _reasons(text: object) -> dict[tuple[str, str], object]:
    """(field, against) -> why, from a ``BARCODE_DATA_MISMATCH`` message's list of
    differing fields (each ``field_why`` item carries its field, what it was compared
    with and why, as messages)."""
    what = text.params.get("what") if isinstance(text, Msg) else None
    out: dict[tuple[str, str], object] = {}
    for item in what.items if isinstance(what, Join) else ():
        if isinstance(item, Msg) and "why" in item.params:
            field, against = item.params.get("field"), item.params.get("against")
            if isinstance(field, Term) and isinstance(against, Term):
                out[(field.text, against.text)] = item.params["why"]
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
        self.summary = mk_label(TEXTS["none_yet"].tr(), "heading")
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
        self.compare_box = QGroupBox()
        bind(self.compare_box.setTitle, TEXTS["compare_box"])
        cl = QVBoxLayout(self.compare_box)
        self.table = QTableWidget(0, len(COMPARE_COLUMNS))
        live(self.table, lambda: self.table.setHorizontalHeaderLabels(
            [c.tr() for c in COMPARE_COLUMNS]), "header")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.no_compare = mk_label(TEXTS["no_compare"], "muted")
        self._exam: Examination | None = None
        self.no_compare.setWordWrap(True)
        cl.addWidget(self.no_compare)
        cl.addWidget(self.table)
        self.lay.addWidget(self.compare_box)
        self.lay.addStretch(1)
        listen(work.captured, lambda _c: self.show_examination(None), self)
        listen(work.examined, lambda shown: self.show_examination(shown.examination), self)
        self.show_examination(None)
        live(self, lambda: self.show_examination(self._exam), "barcodes")

    def show_examination(self, exam: Examination | None) -> None:
        """Show ``exam``'s barcodes (``None``: none yet)."""
        self._exam = exam
        clear_layout(self.codes_lay)
        self.codes = []
        doc = exam.barcodes if exam is not None else None
        if doc is not None:
            for face in doc.faces:
                for i, reading in enumerate(face.readings):
                    self.codes.append((face.face, i, reading.to_json()))
        checks = exam.checks if exam is not None else ()
        if exam is None:
            self.summary.setText(TEXTS["none_yet"].tr())
        elif not self.codes:
            self.summary.setText(TEXTS["none"].tr())
        else:
            what = ", ".join(f"{code.get('format')} ({face_title(face).lower()})"
                             for face, _i, code in self.codes)
            count = len(self.codes)
            self.summary.setText(tx("barcode panel", "%n barcode(s): {codes}", None,
                                    count).format(codes=what))
        expects_back = exam is not None and exam.capture.back is None and any(
            c.code == "BACK_NOT_CAPTURED" for c in checks)
        self.hint.setText(TEXTS["back_hint"].tr() if expects_back else "")
        self.hint.setVisible(expects_back)
        for face_name, index, code in self.codes:
            self.codes_lay.addWidget(self._code_box(face_name, index, code))
        self._fill_comparisons(comparisons(checks))
        self.compare_box.setVisible(exam is not None and bool(self.codes))

    def _code_box(self, face: str, index: int, code: dict[str, Any]) -> QGroupBox:
        title, rows = barcode_rows(code)
        box = QGroupBox(tx("barcode panel", "{format} · {face}").format(
            format=code.get("format", "Barcode"), face=face_title(face)))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        head = QLabel(render(title, QT))  # the code's type and issuer
        if not isinstance(title, Said):  # no words: the format and content type as decoded
            data(head)
        head.setWordWrap(True)
        head.setStyleSheet("font-weight: 600;")
        grid.addWidget(head, 0, 0, 1, 2)
        seal = code.get("seal") or {}
        verdict = str((seal.get("verification") or {}).get("verdict") or "")
        r = 1
        for label, value in rows:
            name = mk_label(tx("barcode rows", label), "muted")
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text = render(value, QT)  # words in the window's language, data as read
            shown = QLabel(breakable(text))
            if not isinstance(value, Said):
                data(shown)
            shown.setToolTip(text)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if label == "Seal verification" and verdict:
                colour = status_colour(self.theme(), verdict)
                shown.setStyleSheet(f"color: {colour}; font-weight: 600;")
            grid.addWidget(name, r, 0)
            grid.addWidget(shown, r, 1)
            r += 1
        show = mk_push(TEXTS["show"].tr())
        show.setToolTip(tx("barcode panel", "Switch to this face and zoom to the barcode (its "
                           "outline is drawn)"))
        show.clicked.connect(lambda _=False, f=face, i=index: self.showRequested.emit(f, i))
        grid.addWidget(show, r, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        return box

    def _fill_comparisons(self, rows: list[dict[str, Any]]) -> None:
        t = self.theme()
        self.table.setRowCount(len(rows))
        for r, comp in enumerate(rows):
            agree = bool(comp.get("agree"))
            reason = comp.get("why_text") or comp.get("why")
            why = f": {render(reason, QT)}" if reason else ""
            result = tx("barcode panel", "agrees") if agree \
                else tx("barcode panel", "differs") + why
            against = str(comp.get("against", "page"))
            cells = (field_name(str(comp.get("field", ""))),
                     str(comp.get("barcode", "")), str(comp.get("other", "")),
                     AGAINST[against].tr() if against in AGAINST else against, result)
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
