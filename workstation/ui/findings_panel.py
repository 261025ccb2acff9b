"""The Findings tab: the examiner's conclusion, notes, the images chosen for the report
and the marks drawn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from workstation.findings import FORGERY_KINDS, Annotation, Conclusion, Findings
from workstation.ui.texts import CONCLUSIONS as TEXT_CONCLUSIONS
from workstation.ui.texts import T, bind, live, tx
from workstation.ui.widgets import mk_label

#: The conclusions as the examiner chooses them.
CONCLUSIONS = {c: TEXT_CONCLUSIONS[c.value] for c in Conclusion}
#: The kinds of forgery (``FORGERY_KINDS``) in words.
KINDS = {"photo_substitution": T("findings", "photo substitution"),
         "data_alteration": T("findings", "data alteration"),
         "mrz_alteration": T("findings", "MRZ alteration"),
         "page_substitution": T("findings", "page substitution"),
         "other": T("findings", "other")}
#: The marks' kinds (``AnnotationKind``), for the catalogues.
_MARKS = (T("marks", "ruler"), T("marks", "angle"), T("marks", "rectangle"),
          T("marks", "arrow"))

class FindingsPanel(QWidget):
    """The examiner's conclusion, free text and the images chosen for the report."""

    changed = Signal()

    def __init__(self, findings: Findings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks_shown: Sequence[Annotation] | None = None
        self.findings = findings
        f = QFormLayout(self)
        f.setContentsMargins(6, 6, 6, 6)
        self.conclusion = QComboBox()
        self.conclusion.addItem("", "")
        bind(self.conclusion.setItemText, T("findings", "— not decided —"), 0)
        for i, c in enumerate(Conclusion, start=1):
            self.conclusion.addItem("", c.value)
            bind(self.conclusion.setItemText, CONCLUSIONS[c], i)
        self.kind = QComboBox()
        for i, k in enumerate(FORGERY_KINDS):
            self.kind.addItem("", k)
            bind(self.kind.setItemText, KINDS.get(k, T("findings", "other")), i)
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(70)
        self.images = QListWidget()
        self.images.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.annotations = mk_label(tx("findings", "No marks yet"), "muted")
        self.annotations.setWordWrap(True)
        f.addRow(mk_label(T("findings", "Conclusion")), self.conclusion)
        f.addRow(mk_label(T("findings", "Kind")), self.kind)
        notes = mk_label(T("findings", "Notes: what you saw, where, under which light"), "muted")
        notes.setWordWrap(True)
        f.addRow(notes)
        f.addRow(self.text)
        f.addRow(mk_label(T("findings", "Images for the report"), "muted"))
        f.addRow(self.images)
        f.addRow(self.annotations)
        self.conclusion.currentIndexChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._edited)
        self.text.textChanged.connect(self._edited)
        self.images.itemChanged.connect(self._edited)
        self._loading = False
        self.load(findings, [])
        live(self.annotations, lambda: self.show_annotations(self._marks_shown), "marks")

    def load(self, findings: Findings, image_keys: Sequence[tuple[str, str]]) -> None:
        """Show ``findings``; ``image_keys`` are the images the report may show, as
        ``(reference, human label)``."""
        self._loading = True
        self.findings = findings
        c = findings.conclusion.value if findings.conclusion else ""
        self.conclusion.setCurrentIndex(max(0, self.conclusion.findData(c)))
        self.kind.setEnabled(findings.conclusion is Conclusion.FORGED)
        if findings.forgery_kind:
            index = self.kind.findData(findings.forgery_kind)
            if index < 0:  # a kind this version does not list is shown as stored
                self.kind.addItem(findings.forgery_kind.replace("_", " "),
                                  findings.forgery_kind)
                index = self.kind.count() - 1
            self.kind.setCurrentIndex(index)
        self.text.setPlainText(findings.text)
        self.images.clear()
        for key, label in image_keys:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in findings.report_images
                               else Qt.CheckState.Unchecked)
            self.images.addItem(item)
        self._loading = False
        self.show_annotations()

    def show_annotations(self, annotations: Sequence[Annotation] | None = None) -> None:
        """List the marks (``annotations``, else those of the findings shown)."""
        self._marks_shown = annotations
        marks = self.findings.annotations if annotations is None else annotations
        n = len(marks)
        self.annotations.setText(
            tx("findings", "No marks yet") if not n
            else tx("findings", "%n mark(s): {marks}", None, n).format(marks="; ".join(
                f"{tx('marks', a.kind.value)} {a.label()}".strip() for a in marks)))

    def _edited(self) -> None:
        if self._loading:
            return
        import datetime as dt

        data = self.conclusion.currentData()
        conclusion = Conclusion(data) if data else None
        self.kind.setEnabled(conclusion is Conclusion.FORGED)
        self.findings = replace(
            self.findings, conclusion=conclusion,
            forgery_kind=self.kind.currentData() if conclusion is Conclusion.FORGED else None,
            text=self.text.toPlainText(),
            report_images=[str(self.images.item(i).data(Qt.ItemDataRole.UserRole))
                           for i in range(self.images.count())
                           if self.images.item(i).checkState() == Qt.CheckState.Checked],
            updated_at=dt.datetime.now(dt.UTC))
        self.changed.emit()
