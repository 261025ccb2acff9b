"""Side panels: reader and lights, display levels, the identity bar (the Checks and
Findings tabs are in :mod:`.checks_panel` and :mod:`.findings_panel`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
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
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.labels import light_label
from workstation.session.viewer import Levels
from workstation.training import KIND_LABELS
from workstation.types import Light
from workstation.ui.texts import QT, T, bind, data, live, tx
from workstation.ui.theme import DARK, Theme
from workstation.ui.widgets import mk_label, mk_push, mk_slider

#: Keys that switch lights, in the reader's light order.
LIGHT_KEYS = ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8")


#: The simulator's forgeries that are a trainer's forgery kind: named as the trainer names
#: them (``workstation.training.KIND_LABELS``, context ``training``).
AS_TRAINING_KIND = {
    "office_paper": "reprint_office_paper",
    "uv_feature_missing": "uv_feature_erased",
    "mrz_ir_transparent": "mrz_retyped_ir_transparent",
    "background_ir_absorbing": "background_ir_absorbing",
    "portrait_substituted": "photo_swap",
    "mrz_char_altered": "mrz_char_edited",
    "viz_data_altered": "data_retyped",
}

#: The simulator's other forgeries, in words (context ``simulator``).
FORGERY_LABELS: dict[str, str] = {
    "guilloche_imitated": QT_TRANSLATE_NOOP("simulator", "Guilloche imitated"),
    "relief_flat": QT_TRANSLATE_NOOP("simulator", "Relief missing (flat print)"),
    "watermark_printed": QT_TRANSLATE_NOOP("simulator", "Watermark printed on the surface"),
    "perforation_printed": QT_TRANSLATE_NOOP("simulator", "Perforation printed, not punched"),
    "fibres_printed": QT_TRANSLATE_NOOP("simulator", "Fibres printed on the surface"),
    "ghost_other_face": QT_TRANSLATE_NOOP("simulator", "Ghost image of another face"),
    "microprint_line": QT_TRANSLATE_NOOP("simulator", "Microprint reduced to a line"),
    "coaxial_pattern_missing": QT_TRANSLATE_NOOP("simulator",
                                                 "Laminate pattern missing (coaxial)"),
    "uv254_imitated": QT_TRANSLATE_NOOP("simulator", "UV 254 print imitated"),
    "chip_other_dg1": QT_TRANSLATE_NOOP("simulator", "Chip: DG1 of another holder"),
    "chip_other_face": QT_TRANSLATE_NOOP("simulator", "Chip: another person's face"),
    "chip_unknown_signer": QT_TRANSLATE_NOOP("simulator", "Chip: signed by an unknown signer"),
    "chip_altered_dg": QT_TRANSLATE_NOOP("simulator", "Chip: DG2 replaced after signing"),
}


def forgery_label(forgery: str) -> str:
    """A simulated forgery's name in words, in the window's language
    (``Portrait substituted``); an id no table knows, as words
    (``some_kind`` -> ``some kind``)."""
    kind = AS_TRAINING_KIND.get(forgery)
    if kind is not None:
        return tx("training", KIND_LABELS[kind])
    known = FORGERY_LABELS.get(forgery)
    return tx("simulator", known) if known else forgery.replace("_", " ")


class ReaderPanel(QWidget):
    """Lights (one button and key each), exposure, live view, capture, what lies on the platen."""

    light_chosen = Signal(object)        # Light
    exposure_changed = Signal(object, float)
    live_toggled = Signal(bool)
    capture_requested = Signal()
    back_requested = Signal()
    document_chosen = Signal(str, str, int)  # document id, forgery ('' = genuine), seed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(8)
        self.device_label = mk_label(tx("reader", "No reader"), "muted")
        self.device_label.setWordWrap(True)
        lay.addWidget(self.device_label)

        lights_box = QGroupBox()
        bind(lights_box.setTitle, T("reader", "Lights"))
        self.lights_grid = QGridLayout(lights_box)
        self.lights_grid.setSpacing(4)
        self.light_buttons: dict[Light, QPushButton] = {}
        lay.addWidget(lights_box)

        exp_box = QGroupBox()
        bind(exp_box.setTitle, T("reader", "Exposure"))
        ef = QFormLayout(exp_box)
        self.exposure = QDoubleSpinBox(minimum=0.1, maximum=10000.0, decimals=1, value=10.0,
                                       suffix=" ms", singleStep=1.0)
        self.exposure.setKeyboardTracking(False)
        self.exposure.valueChanged.connect(self._exposure_edited)
        self.exposure_light = mk_label("—", "muted")
        ef.addRow(self.exposure_light, self.exposure)
        self.live = QCheckBox()
        bind(self.live.setText, T("reader", "Live view"))
        self.live.toggled.connect(self.live_toggled)
        ef.addRow(self.live)
        lay.addWidget(exp_box)

        self.capture_button = mk_push(T("reader", "Capture all lights   (Space)"),
                                      name="primary")
        self.capture_button.clicked.connect(self.capture_requested)
        lay.addWidget(self.capture_button)
        self.back_button = mk_push(T("reader", "Capture the back   (Shift+Space)"))
        bind(self.back_button.setToolTip, T("reader", "Turn the document over and capture "
                                            "its back (barcodes, seals, the back's security "
                                            "features)"))
        self.back_button.clicked.connect(self.back_requested)
        lay.addWidget(self.back_button)

        self.platen_box = QGroupBox()
        bind(self.platen_box.setTitle, T("reader", "On the platen (simulator)"))
        pf = QFormLayout(self.platen_box)
        # each label above its field: a forgery's name gets the panel's whole width
        pf.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.document = QComboBox()
        self.forgery = QComboBox()
        # a long forgery name (Mongolian, Russian) is elided in the closed box, not allowed
        # to widen the panel; the list and the tooltip show it whole
        self.forgery.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.forgery.setMinimumContentsLength(14)
        self.forgery.currentTextChanged.connect(self.forgery.setToolTip)
        self.seed = QSpinBox(minimum=0, maximum=999999)
        pf.addRow(mk_label(T("reader", "Document")), self.document)
        pf.addRow(mk_label(T("reader", "Forgery")), self.forgery)
        pf.addRow(mk_label(T("reader", "Seed")), self.seed)
        place = mk_push(T("reader", "Place document"))
        place.clicked.connect(self._place)
        pf.addRow(place)
        lay.addWidget(self.platen_box)
        self.platen_box.setVisible(False)
        self._current: Light | None = None

    def set_reader(self, name: str, lights: Sequence[Light]) -> None:
        self.device_label.setText(name)
        data(self.device_label)  # the device's own name
        for b in self.light_buttons.values():
            self.lights_grid.removeWidget(b)
            b.deleteLater()
        self.light_buttons = {}
        for i, light in enumerate(lights):
            key = LIGHT_KEYS[i] if i < len(LIGHT_KEYS) else ""
            b = QPushButton()
            b.setCheckable(True)
            live(b, self._light_texts(b, light, key))
            b.clicked.connect(lambda _=False, li=light: self.light_chosen.emit(li))
            self.lights_grid.addWidget(b, i, 0)
            self.light_buttons[light] = b

    @staticmethod
    def _light_texts(button: QPushButton, light: Light, key: str) -> Callable[[], None]:
        def apply() -> None:
            button.setText(tx("reader", "{light}   {key}").format(light=light_label(light, QT),
                                                                key=key))
            button.setToolTip(tx("reader", "Switch on {light} ({key})").format(
                light=light_label(light, QT), key=key))
        return apply

    def set_current_light(self, light: Light | None, exposure_ms: float | None) -> None:
        self._current = light
        for li, b in self.light_buttons.items():
            b.setChecked(li == light)
        live(self.exposure_light, lambda: self.exposure_light.setText(
            light_label(light, QT) if light else tx("reader", "Lamps off")))
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
        self.forgery.addItem(tx("reader", "genuine"), "")
        for f in forgeries:
            self.forgery.addItem(forgery_label(f), f)
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
        super().__init__(parent)
        bind(self.setTitle, T("levels", "Display levels"))
        self.levels = levels
        f = QFormLayout(self)
        self.brightness = mk_slider(-100, 100, 0)
        self.contrast = mk_slider(10, 400, 100)
        self.gamma = mk_slider(20, 400, 100)
        self.invert = QCheckBox()
        bind(self.invert.setText, T("levels", "Invert"))
        self.channel = QComboBox()
        self.channel.addItems(["", "", "", ""])
        for i, name in enumerate((T("levels", "All channels"), T("levels", "Red"),
                                  T("levels", "Green"), T("levels", "Blue"))):
            bind(self.channel.setItemText, name, i)
        reset = mk_push(T("levels", "Reset"))
        reset.clicked.connect(self.reset)
        f.addRow(mk_label(T("levels", "Brightness")), self.brightness)
        f.addRow(mk_label(T("levels", "Contrast")), self.contrast)
        f.addRow(mk_label(T("levels", "Gamma")), self.gamma)
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
        self.verdict = QLabel(tx("identity", "NOT EXAMINED"))
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
        self._shown: tuple[str | None, Sequence[tuple[str, str]], str | None] = (None, [], None)
        live(self, lambda: self.set_identity(*self._shown), "identity")

    def set_identity(self, verdict: str | None, fields: Sequence[tuple[str, str]],
                     specimen: str | None) -> None:
        self._shown = (verdict, fields, specimen)
        t = self.theme()
        colour = {"pass": t.ok, "fail": t.fail, "inconclusive": t.warn}.get(verdict or "",
                                                                              t.skipped)
        text = {"pass": tx("identity", "NO ANOMALY"), "fail": tx("identity", "ANOMALIES"),
                "inconclusive": tx("identity", "INCONCLUSIVE")}.get(
            verdict or "", tx("identity", "NOT EXAMINED"))
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
        shown.append((tx("identity", "Specimen"), specimen or "—"))
        if not fields:
            shown.insert(0, (tx("identity", "MRZ"), "—"))
        for name, value in shown:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(0)
            v.addWidget(mk_label(tx("identity", name), "fieldname"))
            shown_value = value if len(value) <= 34 else value[:33] + "…"
            val = data(mk_label(shown_value, "fieldvalue"))  # as the document prints it
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
