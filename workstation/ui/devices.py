"""Device settings: choose and configure the reader, test each lamp, calibrate, live frames.

:class:`DeviceSettingsWidget` renders a :class:`~workstation.session.devices.DeviceSession`
(the model, no Qt) and sends the examiner's actions back to it. Slow work
(opening a reader, calibration steps, live frames) runs in a
:class:`~workstation.ui.workers.TaskRunner` so the event loop never blocks.

Signals for the window:

* ``readerChanged(object)`` — a new reader is in use (the window swaps its reader);
* ``deviceError(str)`` — a one-line device problem to show (the examination stays intact);
* ``message(str)`` — what the last action did.
"""

from __future__ import annotations

import copy
import threading
from typing import Any, TypeVar

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.hardware.base import Reader, ReaderConfig
from workstation.labels import light_label
from workstation.session.devices import CALIBRATION_STEPS, DeviceSession
from workstation.types import Image, Light
from workstation.ui.flow_layout import FlowLayout, unit
from workstation.ui.texts import QT, T, Text, bind, live, tx
from workstation.ui.widgets import mk_label, mk_push
from workstation.ui.workers import Task, TaskRunner

KINDS = ("simulated", "rig", "folder")
RIG_LIGHTS = (Light.WHITE, Light.UV, Light.IR, Light.UV254, Light.OBLIQUE, Light.OBLIQUE_TOP,
              Light.COAXIAL, Light.TRANSMITTED)
_RIG_COLUMNS = (T("devices", "use"), T("devices", "channel"), T("devices", "exposure ms"),
                T("devices", "settle ms"), T("devices", "UV off after s"))


SpinT = TypeVar("SpinT", QSpinBox, QDoubleSpinBox)


def _special(box: SpinT, text: Text) -> SpinT:
    """``box`` showing ``text`` at its minimum (e.g. "camera default" for 0)."""
    bind(box.setSpecialValueText, text)
    return box


def frame_to_pixmap(image: Image, max_width: int = 480) -> QPixmap:
    """A ``uint8`` RGB or grey frame as a pixmap no wider than ``max_width``."""
    img = np.ascontiguousarray(image)
    h, w = img.shape[:2]
    if img.ndim == 2:
        qimg = QImage(img.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    else:
        qimg = QImage(img.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    pix = QPixmap.fromImage(qimg)
    if w > max_width:
        pix = pix.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
    return pix


class RigForm(QWidget):
    """Camera, relay board and per-light profile of a rig."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.camera = QLineEdit("0")
        bind(self.camera.setToolTip, T("devices", "camera index (0, 1, ...) or device path "
                                                  "such as /dev/video2"))
        self.width_px = _special(QSpinBox(minimum=0, maximum=10000),
                                 T("devices", "camera default"))
        self.height_px = _special(QSpinBox(minimum=0, maximum=10000),
                                  T("devices", "camera default"))
        self.serial = QComboBox()
        self.serial.setEditable(True)
        bind(self.serial.setToolTip, T("devices", "serial of the USB relay board (empty: the "
                                                  "first one found)"))
        self.dpi = _special(QDoubleSpinBox(minimum=0.0, maximum=4800.0, decimals=1),
                            T("devices", "from calibration"))
        form.addRow(mk_label(T("devices", "Camera")), self.camera)
        form.addRow(mk_label(T("devices", "Width (px)")), self.width_px)
        form.addRow(mk_label(T("devices", "Height (px)")), self.height_px)
        form.addRow(mk_label(T("devices", "Relay board")), self.serial)
        form.addRow(mk_label(T("devices", "dpi")), self.dpi)
        self.table = QTableWidget(len(RIG_LIGHTS), len(_RIG_COLUMNS))
        live(self.table, lambda: self.table.setHorizontalHeaderLabels(
            [c.tr() for c in _RIG_COLUMNS]), "header")
        self.table.setVerticalHeaderLabels([lt.value for lt in RIG_LIGHTS])
        self.rows: dict[Light, tuple[QCheckBox, QSpinBox, QDoubleSpinBox, QDoubleSpinBox,
                                     QDoubleSpinBox]] = {}
        for r, light in enumerate(RIG_LIGHTS):
            use = QCheckBox()
            ch = QSpinBox(minimum=1, maximum=8, value=min(r + 1, 8))
            exp = QDoubleSpinBox(minimum=0.1, maximum=10000.0, decimals=1, value=20.0)
            settle = QDoubleSpinBox(minimum=0.0, maximum=10000.0, decimals=0, value=150.0)
            off = _special(QDoubleSpinBox(minimum=0.0, maximum=3600.0, decimals=0,
                                          value=60.0 if light in (Light.UV, Light.UV254)
                                          else 0.0), T("devices", "never"))
            use.setChecked(light in (Light.WHITE, Light.UV, Light.IR))
            for c, w in enumerate((use, ch, exp, settle, off)):
                self.table.setCellWidget(r, c, w)
            self.rows[light] = (use, ch, exp, settle, off)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + sum(self.table.rowHeight(r) for r in range(self.table.rowCount())) + 4)
        form.addRow(self.table)

    def set_boards(self, serials: list[str]) -> None:
        current = self.serial.currentText()
        self.serial.clear()
        self.serial.addItems(["", *serials])
        self.serial.setCurrentText(current)

    def load(self, options: dict[str, Any]) -> None:
        """Show ``options``; what the form does not show is kept for :meth:`options`, and a
        setting the options leave out keeps the rig's default (a UV lamp's 60 s auto-off
        is not cleared by opening and saving the dialog)."""
        self._loaded = copy.deepcopy(options)
        cam = options.get("camera") or {}
        self.camera.setText(str(cam.get("device", 0)))
        self.width_px.setValue(int(cam.get("width") or 0))
        self.height_px.setValue(int(cam.get("height") or 0))
        self.serial.setCurrentText(str((options.get("relay") or {}).get("serial") or ""))
        self.dpi.setValue(float(options.get("dpi") or 0.0))
        lights = options.get("lights")
        if isinstance(lights, dict):
            for light, (use, ch, exp, settle, off) in self.rows.items():
                spec = lights.get(light.value)
                use.setChecked(spec is not None)
                if isinstance(spec, int):
                    spec = {"channel": spec}
                if isinstance(spec, dict):
                    ch.setValue(int(spec.get("channel", ch.value())))
                    exp.setValue(float(spec.get("exposure_ms", exp.value())))
                    settle.setValue(float(spec.get("settle_ms", settle.value())))
                    if "auto_off_s" in spec:  # absent: the default the form shows
                        off.setValue(float(spec["auto_off_s"] or 0.0))

    def options(self) -> dict[str, Any]:
        """The options as loaded, with what the form shows replaced by its values."""
        out: dict[str, Any] = copy.deepcopy(getattr(self, "_loaded", {}))
        text = self.camera.text().strip() or "0"
        device: int | str = int(text) if text.isdigit() else text
        camera: dict[str, Any] = dict(out.get("camera") or {})
        camera["device"] = device
        for key, box in (("width", self.width_px), ("height", self.height_px)):
            if box.value():
                camera[key] = box.value()
            else:
                camera.pop(key, None)
        old_lights = out.get("lights") if isinstance(out.get("lights"), dict) else {}
        lights: dict[str, Any] = {}
        for light, (use, ch, exp, settle, off) in self.rows.items():
            if use.isChecked():
                kept = old_lights.get(light.value) if old_lights else None
                spec: dict[str, Any] = dict(kept) if isinstance(kept, dict) else {}
                spec.update({"channel": ch.value(), "exposure_ms": exp.value(),
                             "settle_ms": settle.value(), "auto_off_s": off.value() or None})
                lights[light.value] = spec
        relay = dict(out.get("relay") or {})
        relay["serial"] = self.serial.currentText().strip() or None
        out.update({"camera": camera, "lights": lights, "relay": relay})
        if self.dpi.value():
            out["dpi"] = self.dpi.value()
        else:
            out.pop("dpi", None)
        return out


class FolderForm(QWidget):
    """The export folder, its lights and when a file counts as written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        row = QHBoxLayout()
        self.folder = QLineEdit()
        self.browse = mk_push(T("devices", "Browse…"))
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form.addRow(mk_label(T("devices", "Export folder")), row)
        self.lights: dict[Light, QCheckBox] = {}
        lights_row = QHBoxLayout()
        for light in (Light.WHITE, Light.UV, Light.IR):
            box = QCheckBox(light.value)
            box.setChecked(True)
            self.lights[light] = box
            lights_row.addWidget(box)
        self.lights[Light.WHITE].setEnabled(False)
        form.addRow(mk_label(T("devices", "Lights")), lights_row)
        self.stable_ms = QSpinBox(minimum=0, maximum=60000, value=500, suffix=" ms")
        form.addRow(mk_label(T("devices", "File unchanged for")), self.stable_ms)
        self.after = QComboBox()
        self.after.addItems(["keep", "move", "delete"])  # data: the setting's values
        form.addRow(mk_label(T("devices", "After capture")), self.after)
        self.dpi = _special(QDoubleSpinBox(minimum=0.0, maximum=4800.0, decimals=1),
                            T("devices", "from the images"))
        form.addRow(mk_label(T("devices", "dpi")), self.dpi)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tx("devices", "Export folder"),
                                                self.folder.text())
        if path:
            self.folder.setText(path)

    def load(self, options: dict[str, Any]) -> None:
        self.folder.setText(str(options.get("folder") or ""))
        wanted = options.get("lights") or [lt.value for lt in self.lights]
        for light, box in self.lights.items():
            box.setChecked(light is Light.WHITE or light.value in wanted)
        self.stable_ms.setValue(int(options.get("stable_ms", 500)))
        self.after.setCurrentText(str(options.get("after", "keep")))
        self.dpi.setValue(float(options.get("dpi") or 0.0))

    def options(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "folder": self.folder.text().strip(),
            "lights": [lt.value for lt, box in self.lights.items() if box.isChecked()],
            "stable_ms": self.stable_ms.value(), "after": self.after.currentText()}
        if self.dpi.value():
            out["dpi"] = self.dpi.value()
        return out


class DeviceSettingsWidget(QWidget):
    """Choose and configure the reader, test each lamp, calibrate, see live frames.

    Args:
        session: the device model (reader in use, configuration).
        runner: where slow work runs (a private one when ``None``).
        lamp_test_s: how long a lamp test keeps the lamp on.
        list_boards: returns the serials of attached relay boards (for the form).
    """

    readerChanged = Signal(object)
    deviceError = Signal(str)
    message = Signal(str)

    def __init__(self, session: DeviceSession, *, runner: TaskRunner | None = None,
                 lamp_test_s: float = 3.0, list_boards: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner or TaskRunner(parent=self)
        self.lamp_test_s = lamp_test_s
        self._list_boards = list_boards
        self._live_task: Task | None = None
        self._busy = threading.Event()

        lay = QVBoxLayout(self)
        self.status = QLabel("")
        self.status.setObjectName("device_status")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        # -- reader choice ------------------------------------------------------------------
        choose = QGroupBox()
        bind(choose.setTitle, T("devices", "Reader"))
        cl = QGridLayout(choose)
        self.reader_combo = QComboBox()
        self.use_button = mk_push(T("devices", "Use this reader"))
        self.use_button.clicked.connect(self._use_clicked)
        self.current_label = QLabel("")
        self.current_label.setWordWrap(True)
        # the button under the choice: a translated label may be long (the dock is narrow)
        cl.addWidget(mk_label(T("devices", "Configured")), 0, 0)
        cl.addWidget(self.reader_combo, 0, 1)
        cl.addWidget(self.use_button, 1, 1, Qt.AlignmentFlag.AlignLeft)
        cl.addWidget(self.current_label, 2, 0, 1, 2)
        cl.setColumnStretch(1, 1)
        lay.addWidget(choose)

        # -- configuration ------------------------------------------------------------------
        cfg = QGroupBox()
        bind(cfg.setTitle, T("devices", "Configure"))
        fl = QVBoxLayout(cfg)
        top = FlowLayout(spacing=6)  # wraps in a narrow dock (long words in mn and ru)
        self.name_edit = QLineEdit()
        bind(self.name_edit.setToolTip, T("devices", "the reader's name, e.g. box"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(list(KINDS))
        top.addWidget(unit(T("devices", "Name"), self.name_edit))
        top.addWidget(unit(T("devices", "Kind"), self.kind_combo))
        fl.addLayout(top)
        self.forms = QStackedWidget()
        self.simulated_form = mk_label(T("devices", "The simulated reader needs no settings."))
        self.rig_form = RigForm()
        self.folder_form = FolderForm()
        for w in (self.simulated_form, self.rig_form, self.folder_form):
            self.forms.addWidget(w)
        self.kind_combo.currentIndexChanged.connect(self.forms.setCurrentIndex)
        fl.addWidget(self.forms)
        buttons = FlowLayout(spacing=6)
        self.refresh_button = mk_push(T("devices", "Find relay boards"))
        self.refresh_button.clicked.connect(self.refresh_boards)
        self.save_button = mk_push(T("devices", "Save"))
        self.save_button.clicked.connect(lambda: self.save_reader(use=False))
        self.save_use_button = mk_push(T("devices", "Save and use"))
        self.save_use_button.clicked.connect(lambda: self.save_reader(use=True))
        for b in (self.refresh_button, self.save_button, self.save_use_button):
            buttons.addWidget(b)
        fl.addLayout(buttons)
        lay.addWidget(cfg)
        self.reader_combo.currentTextChanged.connect(self._load_form)

        # -- lamps --------------------------------------------------------------------------
        lamps = QGroupBox()
        bind(lamps.setTitle, T("devices", "Test lamps"))
        self.lamp_layout = FlowLayout(lamps, spacing=6)
        self.lamp_buttons: dict[Light, QPushButton] = {}
        self.all_off_button = mk_push(T("devices", "All off"))
        self.all_off_button.clicked.connect(lambda: self.test_lamp(None))
        lay.addWidget(lamps)
        self.lamp_timer = QTimer(self)
        self.lamp_timer.setSingleShot(True)
        self.lamp_timer.timeout.connect(lambda: self.test_lamp(None))

        # -- calibration --------------------------------------------------------------------
        self.cal_box = QGroupBox()
        bind(self.cal_box.setTitle, T("devices", "Calibration"))
        cal = QVBoxLayout(self.cal_box)
        self.cal_title = QLabel("")
        self.cal_title.setObjectName("calibration_title")
        self.cal_guidance = QLabel("")
        self.cal_guidance.setWordWrap(True)
        self.cal_result = QLabel("")
        self.cal_result.setWordWrap(True)
        row = QHBoxLayout()
        self.cal_run = mk_push(T("devices", "Run this step"))
        self.cal_run.clicked.connect(self.run_calibration_step)
        self.cal_restart = mk_push(T("devices", "Start over"))
        self.cal_restart.clicked.connect(self._restart_calibration)
        row.addWidget(self.cal_run)
        row.addWidget(self.cal_restart)
        for w in (self.cal_title, self.cal_guidance, self.cal_result):
            cal.addWidget(w)
        cal.addLayout(row)
        lay.addWidget(self.cal_box)

        # -- live view ----------------------------------------------------------------------
        live_box = QGroupBox()
        bind(live_box.setTitle, T("devices", "Live"))
        ll = QVBoxLayout(live_box)
        self.live_check = QCheckBox()
        bind(self.live_check.setText, T("devices", "Show live frames"))
        self.live_check.toggled.connect(self.set_live)
        self.live_view = QLabel("")
        self.live_view.setMinimumHeight(120)
        self.live_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ll.addWidget(self.live_check)
        ll.addWidget(self.live_view, 1)
        lay.addWidget(live_box, 1)
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(200)
        self.live_timer.timeout.connect(self._live_tick)
        self.frames_shown = 0

        self._refresh_readers()
        live(self.current_label, self._show_reader, "reader")
        if session.notice:
            self._error(session.notice)

    # -- model -> view ----------------------------------------------------------------------
    def _refresh_readers(self) -> None:
        self.reader_combo.blockSignals(True)
        self.reader_combo.clear()
        self.reader_combo.addItems(self.session.reader_names)
        self.reader_combo.setCurrentText(self.session.reader_name)
        self.reader_combo.blockSignals(False)
        self._load_form(self.reader_combo.currentText())

    def _load_form(self, name: str) -> None:
        cfg = self.session.config.readers.get(name)
        if cfg is None:
            return
        self.name_edit.setText(name)
        kind = cfg.kind if cfg.kind in KINDS else "simulated"
        self.kind_combo.setCurrentText(kind)
        if kind == "rig":
            self.rig_form.load(cfg.options)
        elif kind == "folder":
            self.folder_form.load(cfg.options)

    def _show_reader(self) -> None:
        reader = self.session.reader
        self.current_label.setText(tx("devices", "In use: {reader}").format(reader=reader.name))
        for button in self.lamp_buttons.values():
            self.lamp_layout.removeWidget(button)
            button.deleteLater()
        self.lamp_layout.removeWidget(self.all_off_button)
        self.lamp_buttons = {}
        for light in reader.lights:
            button = QPushButton(tx("devices", "Test {light}").format(
                light=light_label(light, QT)))
            button.clicked.connect(lambda _=False, lt=light: self.test_lamp(lt))
            self.lamp_buttons[light] = button
            self.lamp_layout.addWidget(button)
        self.lamp_layout.addWidget(self.all_off_button)
        self._show_calibration()

    def _show_calibration(self) -> None:
        self.cal_box.setVisible(self.session.can_calibrate)
        step = self.session.calibration_step
        total = len(CALIBRATION_STEPS)
        if step is None:
            self.cal_title.setText(tx("devices", "Calibration done")
                                   if self.session.can_calibrate else "")
            self.cal_guidance.setText("")
            self.cal_run.setEnabled(False)
            return
        self.cal_title.setText(tx("devices", "Step {step} of {total}: {title}").format(
            step=self.session.calibration_index + 1, total=total,
            title=tx("calibration", step.title)))
        self.cal_guidance.setText(tx("calibration", step.guidance))
        self.cal_run.setEnabled(not self._busy.is_set())

    def _info(self, text: str) -> None:
        self.status.setProperty("error", False)
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.message.emit(text)

    def _error(self, text: str) -> None:
        self.status.setProperty("error", True)
        self.status.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.status.setText(text)
        self.deviceError.emit(text)

    def _reader_replaced(self, reader: Reader) -> None:
        """On the GUI thread, after the session's reader changed."""
        self._show_reader()
        self.readerChanged.emit(reader)

    # -- actions ----------------------------------------------------------------------------
    def refresh_boards(self) -> None:
        """Fill the relay board list with the serials of attached boards."""
        if self._list_boards is not None:
            serials = list(self._list_boards())
        else:
            from workstation.hardware.usb_relay import list_boards

            serials = [b.serial for b in list_boards()]
        self.rig_form.set_boards(serials)
        self._info(tx("devices", "relay boards attached: {boards}").format(
            boards=", ".join(serials) or tx("devices", "none")))

    def form_config(self) -> ReaderConfig:
        kind = self.kind_combo.currentText()
        if kind == "rig":
            return ReaderConfig("rig", self.rig_form.options()
                                | {"name": self.name_edit.text().strip() or "rig"})
        if kind == "folder":
            return ReaderConfig("folder", self.folder_form.options())
        return ReaderConfig("simulated")

    def save_reader(self, *, use: bool) -> bool:
        """Store the form as a configured reader; with ``use`` switch to it."""
        name = self.name_edit.text().strip()
        try:
            config = self.form_config()
            if config.kind == "folder" and not config.options.get("folder"):
                raise ValueError("choose the export folder")
            self.session.configure(name, config)
        except ValueError as exc:
            self._error(tx("devices", "Not saved: {error}").format(error=exc))
            return False
        self._refresh_readers()
        self.reader_combo.setCurrentText(name)
        self._info(tx("devices", "Saved reader {name}").format(name=repr(name)))
        if use:
            self.use_reader(name)
        return True

    def _use_clicked(self) -> None:
        self.use_reader(self.reader_combo.currentText())

    def use_reader(self, name: str) -> None:
        """Open reader ``name`` in a worker; the current one stays on failure."""
        self.set_live(False)
        self._set_busy(True)
        before = self.session.reader

        def work(progress: Any, cancel: threading.Event) -> bool:
            return self.session.use(name)

        def done(ok: object) -> None:
            self._set_busy(False)
            self._refresh_readers()
            if self.session.reader is not before:
                self._reader_replaced(self.session.reader)
            (self._info if ok else self._error)(self.session.message)

        def failed(msg: str, tb: str) -> None:
            self._set_busy(False)
            self._error(msg)

        self.runner.start(Task(f"open {name}", work), on_done=done, on_error=failed)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self._busy.set()
        else:
            self._busy.clear()
        for w in (self.use_button, self.save_use_button, self.cal_run):
            w.setEnabled(not busy)
        if not busy:
            self._show_calibration()

    def test_lamp(self, light: Light | None) -> None:
        """Light ``light`` alone for ``lamp_test_s`` (``None``: all off now)."""
        self.lamp_timer.stop()
        if self.session.test_lamp(light):
            self._info(self.session.message)
            if light is not None:
                self.lamp_timer.start(int(self.lamp_test_s * 1000))
        else:
            self._error(self.session.message)

    def _restart_calibration(self) -> None:
        self.session.restart_calibration()
        self.cal_result.setText("")
        self._show_calibration()

    def run_calibration_step(self) -> None:
        """Run the current calibration step in a worker, then show the next one."""
        if self.session.calibration_step is None or self._busy.is_set():
            return
        live = self.live_check.isChecked()
        self.set_live(False)
        self._set_busy(True)
        self.cal_result.setText(tx("devices", "working…"))

        def work(progress: Any, cancel: threading.Event) -> str:
            return self.session.run_calibration_step()

        def done(result: object) -> None:
            self._set_busy(False)
            self.cal_result.setText(str(result))
            self._info(str(result))
            self.set_live(live)

        def failed(msg: str, tb: str) -> None:
            self._set_busy(False)
            self.cal_result.setText(msg)
            self._error(msg)

        self.runner.start(Task("calibration", work), on_done=done, on_error=failed)

    def set_live(self, on: bool) -> None:
        """Start or stop live frames (read in a worker, at most one at a time)."""
        if self.live_check.isChecked() != on:
            self.live_check.blockSignals(True)
            self.live_check.setChecked(on)
            self.live_check.blockSignals(False)
        if on:
            self.live_timer.start()
            self._live_tick()
        else:
            self.live_timer.stop()

    def _live_tick(self) -> None:
        if self._busy.is_set() or (self._live_task is not None and not self._live_task.done):
            return
        session = self.session

        def work(progress: Any, cancel: threading.Event) -> tuple[Image | None, str]:
            frame = session.live_frame()
            return frame, session.message

        def done(result: object) -> None:
            assert isinstance(result, tuple)
            frame: Image | None = result[0]
            message: str = result[1]
            if not self.live_timer.isActive():
                return
            if frame is None:
                self.set_live(False)
                self._error(message)
                return
            self.live_view.setPixmap(frame_to_pixmap(frame, max(160, self.live_view.width())))
            self.frames_shown += 1

        self._live_task = self.runner.start(Task("live frame", work), on_done=done,
                                            on_error=lambda msg, tb: self._error(msg))

    def shutdown(self) -> None:
        """Stop timers and wait for workers (call before closing the window)."""
        self.set_live(False)
        self.lamp_timer.stop()
        self.runner.wait(10000)
