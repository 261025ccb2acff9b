"""Side panels: reader and lights, display levels, identity bar, checks, findings."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.findings import FORGERY_KINDS, Annotation, Conclusion, Findings
from workstation.labels import light_label
from workstation.session.viewer import GROUP_TITLES, Levels, group_checks
from workstation.types import CheckResult, CheckStatus, Image, Light
from workstation.ui.canvas import qimage_of
from workstation.ui.theme import DARK, Theme, status_colour
from workstation.ui.widgets import mk_label, mk_push, mk_slider

#: Keys that switch lights, in the reader's light order.
LIGHT_KEYS = ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8")


class ReaderPanel(QWidget):
    """Lights (one button and key each), exposure, live view, capture, what lies on the platen."""

    light_chosen = Signal(object)        # Light
    exposure_changed = Signal(object, float)
    live_toggled = Signal(bool)
    capture_requested = Signal()
    document_chosen = Signal(str, str, int)  # document id, forgery ('' = genuine), seed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(8)
        self.device_label = mk_label("No reader", "muted")
        self.device_label.setWordWrap(True)
        lay.addWidget(self.device_label)

        lights_box = QGroupBox("Lights")
        self.lights_grid = QGridLayout(lights_box)
        self.lights_grid.setSpacing(4)
        self.light_buttons: dict[Light, QPushButton] = {}
        lay.addWidget(lights_box)

        exp_box = QGroupBox("Exposure")
        ef = QFormLayout(exp_box)
        self.exposure = QDoubleSpinBox(minimum=0.1, maximum=10000.0, decimals=1, value=10.0,
                                       suffix=" ms", singleStep=1.0)
        self.exposure.setKeyboardTracking(False)
        self.exposure.valueChanged.connect(self._exposure_edited)
        self.exposure_light = mk_label("—", "muted")
        ef.addRow(self.exposure_light, self.exposure)
        self.live = QCheckBox("Live view")
        self.live.toggled.connect(self.live_toggled)
        ef.addRow(self.live)
        lay.addWidget(exp_box)

        self.capture_button = mk_push("Capture all lights   (Space)", name="primary")
        self.capture_button.clicked.connect(self.capture_requested)
        lay.addWidget(self.capture_button)

        self.platen_box = QGroupBox("On the platen (simulator)")
        pf = QFormLayout(self.platen_box)
        self.document = QComboBox()
        self.forgery = QComboBox()
        self.seed = QSpinBox(minimum=0, maximum=999999)
        pf.addRow("Document", self.document)
        pf.addRow("Forgery", self.forgery)
        pf.addRow("Seed", self.seed)
        place = QPushButton("Place document")
        place.clicked.connect(self._place)
        pf.addRow(place)
        lay.addWidget(self.platen_box)
        self.platen_box.setVisible(False)
        self._current: Light | None = None

    def set_reader(self, name: str, lights: Sequence[Light]) -> None:
        self.device_label.setText(name)
        for b in self.light_buttons.values():
            self.lights_grid.removeWidget(b)
            b.deleteLater()
        self.light_buttons = {}
        for i, light in enumerate(lights):
            key = LIGHT_KEYS[i] if i < len(LIGHT_KEYS) else ""
            b = mk_push(f"{light_label(light)}   {key}", checkable=True)
            b.setToolTip(f"Switch on {light_label(light)} ({key})")
            b.clicked.connect(lambda _=False, li=light: self.light_chosen.emit(li))
            self.lights_grid.addWidget(b, i, 0)
            self.light_buttons[light] = b

    def set_current_light(self, light: Light | None, exposure_ms: float | None) -> None:
        self._current = light
        for li, b in self.light_buttons.items():
            b.setChecked(li == light)
        self.exposure_light.setText(light_label(light) if light else "Lamps off")
        self.exposure.setEnabled(light is not None)
        if exposure_ms is not None:
            self.exposure.blockSignals(True)
            self.exposure.setValue(exposure_ms)
            self.exposure.blockSignals(False)

    def _exposure_edited(self, v: float) -> None:
        if self._current is not None:
            self.exposure_changed.emit(self._current, v)

    def set_platen_choices(self, documents: Sequence[str], forgeries: Sequence[str],
                           document: str, forgery: str, seed: int) -> None:
        self.platen_box.setVisible(bool(documents))
        self.document.clear()
        self.document.addItems(list(documents))
        self.forgery.clear()
        self.forgery.addItem("genuine", "")
        for f in forgeries:
            self.forgery.addItem(f.replace("_", " "), f)
        self.document.setCurrentText(document)
        self.forgery.setCurrentIndex(max(0, self.forgery.findData(forgery)))
        self.seed.setValue(seed)

    def _place(self) -> None:
        self.document_chosen.emit(self.document.currentText(),
                                  self.forgery.currentData() or "", self.seed.value())


class LevelsPanel(QGroupBox):
    """Brightness, contrast, gamma, invert, channel."""

    changed = Signal()

    def __init__(self, levels: Levels, parent: QWidget | None = None) -> None:
        super().__init__("Display levels", parent)
        self.levels = levels
        f = QFormLayout(self)
        self.brightness = mk_slider(-100, 100, 0)
        self.contrast = mk_slider(10, 400, 100)
        self.gamma = mk_slider(20, 400, 100)
        self.invert = QCheckBox("Invert")
        self.channel = QComboBox()
        self.channel.addItems(["All channels", "Red", "Green", "Blue"])
        reset = QPushButton("Reset")
        reset.clicked.connect(self.reset)
        f.addRow("Brightness", self.brightness)
        f.addRow("Contrast", self.contrast)
        f.addRow("Gamma", self.gamma)
        f.addRow(self.channel)
        row = QHBoxLayout()
        row.addWidget(self.invert)
        row.addWidget(reset)
        f.addRow(row)
        for s in (self.brightness, self.contrast, self.gamma):
            s.valueChanged.connect(self._apply)
        self.invert.toggled.connect(self._apply)
        self.channel.currentIndexChanged.connect(self._apply)

    def _apply(self) -> None:
        lv = self.levels
        lv.brightness = self.brightness.value() / 100.0
        lv.contrast = self.contrast.value() / 100.0
        lv.gamma = self.gamma.value() / 100.0
        lv.invert = self.invert.isChecked()
        i = self.channel.currentIndex()
        lv.channel = None if i == 0 else i - 1
        self.changed.emit()

    def reset(self) -> None:
        for s, v in ((self.brightness, 0), (self.contrast, 100), (self.gamma, 100)):
            s.setValue(v)
        self.invert.setChecked(False)
        self.channel.setCurrentIndex(0)


class IdentityBar(QFrame):
    """Above the images: verdict, specimen, and the MRZ fields."""

    def __init__(self, theme: Callable[[], Theme] = lambda: DARK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.theme = theme
        self.lay = QHBoxLayout(self)
        self.lay.setContentsMargins(10, 6, 10, 6)
        self.lay.setSpacing(18)
        self.verdict = QLabel("NOT EXAMINED")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setMinimumWidth(130)
        self.lay.addWidget(self.verdict)
        self.fields = QWidget()
        # may be narrower than its fields: the window must fit a laptop screen
        self.fields.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.fields_lay = QHBoxLayout(self.fields)
        self.fields_lay.setContentsMargins(0, 0, 0, 0)
        self.fields_lay.setSpacing(18)
        self.lay.addWidget(self.fields, 1)
        self.set_identity(None, [], None)

    def set_identity(self, verdict: str | None, fields: Sequence[tuple[str, str]],
                     specimen: str | None) -> None:
        t = self.theme()
        colour = {"pass": t.ok, "fail": t.fail, "inconclusive": t.warn}.get(verdict or "",
                                                                              t.skipped)
        text = {"pass": "NO ANOMALY", "fail": "ANOMALIES", "inconclusive": "INCONCLUSIVE"}.get(
            verdict or "", "NOT EXAMINED")
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"background:{colour}; color:white; font-weight:700;"
                                   "border-radius:4px; padding:8px 12px; font-size:13px;")
        while self.fields_lay.count():
            item = self.fields_lay.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self.boxes: list[QWidget] = []
        shown = list(fields)
        shown.append(("Specimen", specimen or "—"))
        if not fields:
            shown.insert(0, ("MRZ", "—"))
        for name, value in shown:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(0)
            v.addWidget(mk_label(name, "fieldname"))
            shown_value = value if len(value) <= 34 else value[:33] + "…"
            val = mk_label(shown_value, "fieldvalue")
            val.setToolTip(value)
            v.addWidget(val)
            self.fields_lay.addWidget(box)
            self.boxes.append(box)
        self.fields_lay.addStretch(1)
        self._fit_fields()

    def _fit_fields(self) -> None:
        """Show as many whole fields as fit, in order (never a value cut in half)."""
        room = self.fields.width() if self.fields.width() > 0 else 10_000
        used = 0
        spacing = self.fields_lay.spacing()
        for box in self.boxes:
            need = box.sizeHint().width() + spacing
            box.setVisible(used + need <= room)
            used += need

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_fields()


class EvidenceStrip(QWidget):
    """The evidence crops of one check, side by side, with captions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lay = QGridLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(6)
        self._keep: list[Image] = []
        self.set_evidence([])

    def set_evidence(self, items: Sequence[tuple[str, Image]]) -> None:
        from PySide6.QtGui import QPixmap

        while self.lay.count():
            item = self.lay.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self._keep = []
        if not items:
            empty = mk_label("Select a check to see its evidence", "muted")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.lay.addWidget(empty, 0, 0)
            return
        row = col = 0
        for caption, img in items[:6]:
            q, arr = qimage_of(img)
            self._keep.append(arr)
            wide = img.shape[1] > 2.2 * img.shape[0]  # a strip (MRZ, a text line): full width
            if wide and col == 1:
                row, col = row + 1, 0
            pix = QPixmap.fromImage(q).scaled(
                320 if wide else 160, 90 if wide else 120, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            pic = QLabel()
            pic.setPixmap(pix)
            pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pic.setStyleSheet("background:#000; border-radius:3px;")
            cap = mk_label(caption, "muted")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap.setWordWrap(True)
            v.addWidget(pic)
            v.addWidget(cap)
            self.lay.addWidget(box, row, col, 1, 2 if wide else 1)
            if wide or col == 1:
                row, col = row + 1, 0
            else:
                col = 1

    def count(self) -> int:
        return len(self._keep)


class ChecksPanel(QWidget):
    """Checks grouped by status; selecting one emits it and shows its evidence."""

    check_selected = Signal(object)  # CheckResult

    def __init__(self, theme: Callable[[], Theme] = lambda: DARK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.summary = mk_label("No examination yet", "heading")
        lay.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemSelectionChanged.connect(self._selected)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 4, 0, 0)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self.detail = mk_label("", "muted")
        self.detail.setWordWrap(True)
        ll.addWidget(self.detail)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(170)
        self.evidence = EvidenceStrip()
        scroll.setWidget(self.evidence)
        ll.addWidget(scroll, 1)
        self.checks: list[CheckResult] = []
        self.items: list[QTreeWidgetItem] = []

    def set_checks(self, checks: Sequence[CheckResult]) -> None:
        t = self.theme()
        self.tree.clear()
        self.items = []
        self.checks = list(checks)
        counts = {s: 0 for s in CheckStatus}
        for c in checks:
            counts[c.status] += 1
        self.summary.setText(
            f"{len(checks)} checks — {counts[CheckStatus.FAIL]} failed, "
            f"{counts[CheckStatus.WARN]} warnings, {counts[CheckStatus.PASS]} passed"
            if checks else "No examination yet")
        bold = QFont(self.font())
        bold.setBold(True)
        for status, group in group_checks(checks):
            head = QTreeWidgetItem([f"{GROUP_TITLES[status]}  ({len(group)})"])
            head.setFont(0, bold)
            head.setForeground(0, QColor(status_colour(t, status.value)))
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for c in group:
                where = " · ".join(x for x in (c.zone or "", c.light.value if c.light else "")
                                   if x)
                body = textwrap.fill(c.message, 40)
                item = QTreeWidgetItem([f"{c.code}\n{body}" + (f"\n{where}" if where else "")])
                item.setData(0, Qt.ItemDataRole.UserRole, self.checks.index(c))
                item.setToolTip(0, c.message)
                item.setForeground(0, QColor(t.text))
                head.addChild(item)
                self.items.append(item)
            head.setExpanded(status is not CheckStatus.PASS or len(checks) < 12
                             or not any(c.status in (CheckStatus.FAIL, CheckStatus.WARN)
                                        for c in checks))
        self.evidence.set_evidence([])
        self.detail.setText("")

    def select(self, check: CheckResult | str) -> None:
        """Select ``check`` (or the first check with that id)."""
        for item in self.items:
            c = self.checks[int(item.data(0, Qt.ItemDataRole.UserRole))]
            if c is check or c.id == check:
                if self.tree.currentItem() is not item:
                    self.tree.setCurrentItem(item)
                return

    def _selected(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        index = items[0].data(0, Qt.ItemDataRole.UserRole)
        check = self.checks[int(index)] if index is not None else None
        if check is None:
            return
        score = "" if check.score is None else f"score {check.score:.3f}"
        if check.threshold is not None:
            score += f" (threshold {check.threshold:.3f})"
        self.detail.setText(f"{check.title or check.id}  {score}")
        self.detail.setToolTip(check.id)
        self.evidence.set_evidence([(f"{e.label}" + (f" · {e.light.value}" if e.light else ""),
                                     e.image) for e in check.evidence])
        self.check_selected.emit(check)



class FindingsPanel(QWidget):
    """The examiner's conclusion, free text and the images chosen for the report."""

    changed = Signal()

    def __init__(self, findings: Findings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings = findings
        f = QFormLayout(self)
        f.setContentsMargins(6, 6, 6, 6)
        self.conclusion = QComboBox()
        self.conclusion.addItem("— not decided —", "")
        for c in Conclusion:
            self.conclusion.addItem(c.label, c.value)
        self.kind = QComboBox()
        for k in FORGERY_KINDS:
            self.kind.addItem(k.replace("_", " "), k)
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(70)
        self.images = QListWidget()
        self.images.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.annotations = mk_label("No marks yet", "muted")
        self.annotations.setWordWrap(True)
        f.addRow("Conclusion", self.conclusion)
        f.addRow("Kind", self.kind)
        f.addRow(mk_label("Notes: what you saw, where, under which light", "muted"))
        f.addRow(self.text)
        f.addRow(mk_label("Images for the report", "muted"))
        f.addRow(self.images)
        f.addRow(self.annotations)
        self.conclusion.currentIndexChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._edited)
        self.text.textChanged.connect(self._edited)
        self.images.itemChanged.connect(self._edited)
        self._loading = False
        self.load(findings, [])

    def load(self, findings: Findings, image_keys: Sequence[tuple[str, str]]) -> None:
        """Show ``findings``; ``image_keys`` are the images the report may show, as
        ``(reference, human label)``."""
        self._loading = True
        self.findings = findings
        c = findings.conclusion.value if findings.conclusion else ""
        self.conclusion.setCurrentIndex(max(0, self.conclusion.findData(c)))
        self.kind.setEnabled(findings.conclusion is Conclusion.FORGED)
        if findings.forgery_kind:
            self.kind.setCurrentIndex(max(0, self.kind.findData(findings.forgery_kind)))
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
        marks = self.findings.annotations if annotations is None else annotations
        n = len(marks)
        self.annotations.setText("No marks yet" if not n else f"{n} mark(s): " + "; ".join(
            f"{a.kind.value} {a.label()}".strip() for a in marks))

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
