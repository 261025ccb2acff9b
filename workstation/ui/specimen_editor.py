"""The Specimen editor window (Tools ▸ Specimen editor): the draft specimen under every
light with its zones drawn, the zone list and its properties, undo/redo, preview and
export. Widgets only: the workflow is :class:`~workstation.session.specimen_editor.
SpecimenEditorSession`.

Mouse: click a zone to select it, drag it to move it; shift-drag on empty page draws a
new zone. Keys: Ctrl+Z undo, Ctrl+Shift+Z redo, Delete removes the selected zone,
arrow keys move it by 0.5 mm.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.i18n import render
from workstation.labels import light_label
from workstation.session.specimen_editor import EditError, SpecimenEditorSession
from workstation.types import Expect, Light, Specimen
from workstation.ui.texts import QT, tx, verdict_word

_EXPECTS = ("—", *(e.value for e in Expect))


def _colour(zone: Any) -> QColor:
    if zone.varies == "holder":
        return QColor(40, 90, 230)
    if any(c.light == Light.UV for c in zone.checks):
        return QColor(220, 40, 40)
    return QColor(20, 150, 40)


class PageView(QLabel):
    """The draft's image under one light with its zones; click selects, drag moves."""

    def __init__(self, editor: SpecimenEditor) -> None:
        super().__init__()
        self.editor = editor
        self.setMinimumSize(640, 450)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scale = 1.0  # display px per mm
        self._drag: tuple[str | None, QPointF] | None = None

    def _mm(self, pos: QPointF) -> QPointF:
        pm = self.pixmap()
        ox = (self.width() - pm.width()) / 2 if pm is not None else 0.0
        oy = (self.height() - pm.height()) / 2 if pm is not None else 0.0
        return QPointF((pos.x() - ox) / self._scale, (pos.y() - oy) / self._scale)

    def render_draft(self, spec: Specimen | None, light: Light, selected: str | None) -> None:
        """Draw ``spec``'s image under ``light`` with every zone."""
        if spec is None or light not in spec.image_lights:
            self.setText(tx("specimen editor", "no specimen yet: author one from genuine "
                            "captures"))
            return
        img = np.ascontiguousarray(spec.image(light))
        if img.ndim == 2:
            img = np.ascontiguousarray(np.repeat(img[:, :, None], 3, axis=2))
        h, w = img.shape[:2]
        qimg = QImage(img.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        avail_w, avail_h = max(200, self.width() - 4), max(150, self.height() - 4)
        scale = min(avail_w / w, avail_h / h)
        pm = QPixmap.fromImage(qimg).scaled(round(w * scale), round(h * scale),
                                            Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
        self._scale = pm.width() / spec.size_mm[0]
        painter = QPainter(pm)
        for z in spec.zones:
            if z.face != "front":
                continue
            x, y, zw, zh = (v * self._scale for v in z.rect_mm)
            pen = QPen(_colour(z), 3 if z.id == selected else 1.5)
            if z.id == selected:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(QRectF(x, y, zw, zh))
            if z.id == selected or z.role:
                painter.drawText(QPointF(x + 2, y - 2), z.id)
        painter.end()
        self.setPixmap(pm)

    def mousePressEvent(self, event: Any) -> None:
        spec = self.editor.session.draft
        if spec is None:
            return
        p = self._mm(event.position())
        hit = None
        for z in reversed(spec.zones):
            x, y, w, h = z.rect_mm
            if x <= p.x() <= x + w and y <= p.y() <= y + h:
                hit = z.id
                break
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            hit = None
        self.editor.session.select(hit)
        self._drag = (hit, p)

    def mouseReleaseEvent(self, event: Any) -> None:
        if self._drag is None:
            return
        zid, start = self._drag
        self._drag = None
        p = self._mm(event.position())
        dx, dy = p.x() - start.x(), p.y() - start.y()
        try:
            if zid is not None and (abs(dx) > 0.2 or abs(dy) > 0.2):
                self.editor.session.move_zone(zid, dx, dy)
            elif zid is None and abs(dx) > 1.0 and abs(dy) > 1.0:
                self.editor.session.add_zone((min(p.x(), start.x()), min(p.y(), start.y()),
                                              abs(dx), abs(dy)))
        except EditError as exc:
            self.editor.status.setText(str(exc))


class SpecimenEditor(QDialog):
    """The editor dialog over a :class:`SpecimenEditorSession`."""

    def __init__(self, session: SpecimenEditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tx("specimen editor", "Specimen editor"))
        self.session = session
        self._updating = False
        self.captures: list[str] = []
        self.view = PageView(self)
        self.light = QComboBox()
        self.light.currentIndexChanged.connect(lambda _i: self.refresh())
        self.zone_list = QListWidget()
        self.zone_list.currentItemChanged.connect(self._picked)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        # properties of the selected zone
        self.zone_id, self.zone_label = QLineEdit(), QLineEdit()
        self.rect_boxes = [QDoubleSpinBox() for _ in range(4)]
        for box in self.rect_boxes:
            box.setRange(0.0, 500.0)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setSuffix(" mm")
        self.varies = QCheckBox(tx("specimen editor", "varies with the holder"))
        self.expect: dict[Light, QComboBox] = {}
        form = QFormLayout()
        form.addRow(tx("specimen editor", "Id"), self.zone_id)
        form.addRow(tx("specimen editor", "Label"), self.zone_label)
        for name, box in zip(("x", "y", tx("specimen editor", "width"),
                              tx("specimen editor", "height")), self.rect_boxes, strict=True):
            form.addRow(name, box)
        form.addRow("", self.varies)
        self.expect_form = form
        apply_btn = QPushButton(tx("specimen editor", "Apply"))
        apply_btn.clicked.connect(self._apply_props)
        buttons = QHBoxLayout()
        self.spec_id = QLineEdit("NEW-P-1")
        self.spec_id.setToolTip(tx("specimen editor", "the new specimen's id "
                                   "(state-code-series, e.g. MNG-P-2021)"))
        buttons.addWidget(QLabel(tx("specimen editor", "Specimen id")))
        buttons.addWidget(self.spec_id)
        self.buttons: dict[str, QPushButton] = {}
        words = {"Add capture…": tx("specimen editor", "Add capture…"),
                 "Author": tx("specimen editor", "Author"),
                 "Add zone": tx("specimen editor", "Add zone"),
                 "Delete": tx("specimen editor", "Delete"),
                 "Undo": tx("specimen editor", "Undo"), "Redo": tx("specimen editor", "Redo"),
                 "Preview": tx("specimen editor", "Preview"),
                 "Export…": tx("specimen editor", "Export…")}
        for name, fn in (("Add capture…", self._add_capture), ("Author", self._author),
                         ("Add zone", self._add_zone), ("Delete", self._delete),
                         ("Undo", session.undo), ("Redo", session.redo),
                         ("Preview", session.run_preview), ("Export…", self._export)):
            b = QPushButton(words[name])
            b.clicked.connect(lambda _=False, f=fn: self._guard(f))
            buttons.addWidget(b)
            self.buttons[name] = b
        self.preview_list = QListWidget()
        # the specimen's identity: the MRZ gave state, code and format; validity is the author's
        self.title_edit, self.series_edit = QLineEdit(), QLineEdit()
        self.valid_from, self.valid_until = QLineEdit(), QLineEdit()
        for edit in (self.valid_from, self.valid_until):
            edit.setPlaceholderText("YYYY-MM-DD")
            # a whole date shows (it was cut to "01-01" beside the series)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("8888-88-88") + 16)
        ident = QFormLayout()
        ident.addRow(tx("specimen editor", "Title"), self.title_edit)
        ident.addRow(tx("specimen editor", "Series"), self.series_edit)
        row = QHBoxLayout()
        for label, edit in ((tx("specimen editor", "valid"), self.valid_from),
                            (tx("specimen editor", "to"), self.valid_until)):
            row.addWidget(QLabel(label))
            row.addWidget(edit)
        row.addStretch(1)
        ident_btn = QPushButton(tx("specimen editor", "Set"))
        ident_btn.clicked.connect(lambda: self._guard(self._apply_identity))
        row.addWidget(ident_btn)
        ident.addRow(row)
        right = QVBoxLayout()
        right.addLayout(ident)
        right.addWidget(QLabel(tx("specimen editor", "Light")))
        right.addWidget(self.light)
        right.addWidget(QLabel(tx("specimen editor", "Zones")))
        right.addWidget(self.zone_list, 2)
        right.addLayout(form)
        right.addWidget(apply_btn)
        right.addWidget(QLabel(tx("specimen editor", "Preview (each exemplar against the "
                                  "draft)")))
        right.addWidget(self.preview_list, 1)
        top = QHBoxLayout()
        top.addWidget(self.view, 3)
        side = QWidget()
        side.setLayout(right)
        side.setMinimumWidth(330)
        top.addWidget(side, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(buttons)
        outer.addWidget(self.status)
        for key, fn in (("Ctrl+Z", session.undo), ("Ctrl+Shift+Z", session.redo),
                        ("Delete", self._delete)):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(lambda f=fn: self._guard(f))
        session.changed.connect(lambda _s: self.refresh())
        session.selected.connect(lambda _z: self.refresh())
        session.previewed.connect(self._show_preview)
        session.progressed.connect(lambda d, t, m: self.status.setText(
            f"{render(m, QT)} ({d}/{t})" if t else render(m, QT)))
        session.failed.connect(lambda m, _tb: self.status.setText(
            tx("specimen editor", "failed: {error}").format(error=m)))
        session.exported.connect(lambda p: self.status.setText(
            tx("specimen editor", "exported to {path}").format(path=p)))
        self.resize(1200, 760)
        self.refresh()

    # -- helpers ---------------------------------------------------------------------------
    def _guard(self, fn: Any) -> None:
        try:
            fn()
        except EditError as exc:
            self.status.setText(str(exc))

    def refresh(self) -> None:
        """Redraw from the session."""
        spec = self.session.draft
        self._updating = True
        try:
            lights = list(spec.image_lights) if spec is not None else []
            if [self.light.itemText(i) for i in range(self.light.count())] != \
                    [lt.value for lt in lights]:
                self.light.clear()
                self.light.addItems([lt.value for lt in lights])
                for lt in lights:
                    if lt not in self.expect:
                        box = QComboBox()
                        box.addItems(_EXPECTS)
                        self.expect[lt] = box
                        label = QLabel(tx("specimen editor", "under {light}").format(
                            light=light_label(lt, QT)))
                        self.expect_form.addRow(label, box)
                        label.show()  # (added to a shown window: show now, not later)
                        box.show()
            light = Light(self.light.currentText()) if self.light.count() else Light.WHITE
            self.view.render_draft(spec, light, self.session.selection)
            self.zone_list.clear()
            for z in spec.zones if spec is not None else ():
                checks = ", ".join(f"{c.light.value}:{c.expect.value}" for c in z.checks)
                item = QListWidgetItem(f"{z.id}  {z.role or ''}  {checks}")
                item.setData(Qt.ItemDataRole.UserRole, z.id)
                self.zone_list.addItem(item)
                if z.id == self.session.selection:
                    self.zone_list.setCurrentItem(item)
            self._show_props()
            if spec is not None:
                self.title_edit.setText(spec.title)
                self.series_edit.setText(spec.series)
                self.valid_from.setText(spec.valid_from.isoformat() if spec.valid_from else "")
                self.valid_until.setText(spec.valid_until.isoformat()
                                         if spec.valid_until else "")
            self.buttons["Undo"].setEnabled(self.session.can_undo)
            self.buttons["Redo"].setEnabled(self.session.can_redo)
        finally:
            self._updating = False

    def _show_props(self) -> None:
        spec, zid = self.session.draft, self.session.selection
        zone = next((z for z in spec.zones if z.id == zid), None) if spec else None
        for w in (self.zone_id, self.zone_label, self.varies, *self.rect_boxes,
                  *self.expect.values()):
            w.setEnabled(zone is not None)
        if zone is None:
            return
        self.zone_id.setText(zone.id)
        self.zone_label.setText(zone.label)
        for spin, v in zip(self.rect_boxes, zone.rect_mm, strict=True):
            spin.setValue(v)
        self.varies.setChecked(zone.varies == "holder")
        for lt, box in self.expect.items():
            want = next((c.expect.value for c in zone.checks if c.light == lt), "—")
            box.setCurrentText(want)

    def _picked(self, item: QListWidgetItem | None, _prev: Any) -> None:
        if self._updating or item is None:
            return
        self.session.select(item.data(Qt.ItemDataRole.UserRole))

    def _apply_props(self) -> None:
        zid = self.session.selection
        if zid is None:
            return
        from workstation.types import ZoneCheck

        checks = [ZoneCheck(lt, Expect(box.currentText())) for lt, box in self.expect.items()
                  if box.currentText() != "—"]
        self._guard(lambda: self.session.update_zone(
            zid, id=self.zone_id.text().strip(), label=self.zone_label.text(),
            rect_mm=tuple(b.value() for b in self.rect_boxes), checks=checks,
            varies="holder" if self.varies.isChecked() else None))

    def _apply_identity(self) -> None:
        import datetime as dt

        def date(text: str, what: str) -> dt.date | None:
            if not text.strip():
                return None
            try:
                return dt.date.fromisoformat(text.strip())
            except ValueError:
                raise EditError(f"{what}: not a date (YYYY-MM-DD)") from None

        self.session.set_identity(title=self.title_edit.text().strip(),
                                  series=self.series_edit.text().strip(),
                                  valid_from=date(self.valid_from.text(), "valid from"),
                                  valid_until=date(self.valid_until.text(), "valid until"))

    def _add_zone(self) -> None:
        spec = self.session.draft
        if spec is None:
            raise EditError("author a specimen first")
        w, h = spec.size_mm
        self.session.add_zone((w / 2 - 5, h / 2 - 3, 10.0, 6.0), label="new zone")

    def _delete(self) -> None:
        if self.session.selection is not None:
            self.session.delete_zone(self.session.selection)

    def _add_capture(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tx("specimen editor",
                                                           "A genuine capture folder"))
        if folder:
            self.captures.append(folder)
            count = len(self.captures)
            self.status.setText(tx("specimen editor", "%n capture(s): {folders}", None,
                                   count).format(folders=", ".join(self.captures)))

    def _author(self) -> None:
        from workstation.capture import load_capture
        from workstation.errors import WorkstationError

        if not self.captures:
            raise EditError("add one or more genuine capture folders first")
        try:
            caps = [(c, load_capture(c)) for c in self.captures]
        except WorkstationError as exc:
            raise EditError(str(exc)) from None
        self.session.author(caps, specimen_id=self.spec_id.text().strip())

    def _export(self) -> None:
        if self.session.draft is None:
            raise EditError("nothing to export yet")
        path, _ = QFileDialog.getSaveFileName(self, tx("specimen editor",
                                                       "Export the specimen package"),
                                              f"{self.session.draft.id}.zip",
                                              tx("specimen editor", "Specimen package (*.zip)"))
        if path:
            self.session.export(path, blur_personal=True, sign=True)

    def _show_preview(self, rows: Any) -> None:
        count = len(rows)
        self.status.setText(tx("specimen editor", "preview: %n exemplar(s) examined against "
                               "the draft", None, count))
        self.preview_list.clear()
        for row in rows:
            bad = sorted({f"{c}[{z}]" for c, z, status, _ in row.checks if status == "fail"})
            ran = sum(1 for _c, _z, status, _ in row.checks if status != "skipped")
            self.preview_list.addItem(
                f"{row.capture}: {verdict_word(row.verdict)} — "
                + tx("specimen editor", "%n check(s) ran", None, ran)
                + (tx("specimen editor", "; failed: {checks}").format(checks=", ".join(bad))
                   if bad else tx("specimen editor", "; none failed")))


def open_editor(window: Any) -> SpecimenEditor:
    """Tools ▸ Specimen editor: a new editor on the window's runner (kept on the window)."""
    editor = getattr(window, "specimen_editor", None)
    if editor is None:
        editor = SpecimenEditor(SpecimenEditorSession(window.runner), window)
        window.specimen_editor = editor
    editor.show()
    editor.raise_()
    return editor
