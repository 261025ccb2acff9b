"""The reader in the window: lights on their keys, exposure, the live view, and the
simulator's platen (which document lies on it).

:class:`ReaderControl` connects a :class:`~workstation.ui.panels.ReaderPanel` to the
reader in use. Live frames are read in a worker; a frame of a reader that was
switched away meanwhile is dropped, and its failure (it was closed) is not shown.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

from workstation.chip.skipped import CHIP_FORGERIES
from workstation.hardware.base import Reader
from workstation.labels import light_title
from workstation.session.viewer import Mode, ViewerState
from workstation.types import Image, Light
from workstation.ui.panels import LIGHT_KEYS, ReaderPanel
from workstation.ui.texts import QT, T, bind, tx
from workstation.ui.widgets import FittingScrollArea
from workstation.ui.workers import ProgressFn, Task, TaskRunner

#: Documents and forgeries the simulator offers when it does not list them itself.
DEFAULT_DOCUMENTS = ("UTO-P-2020", "UTO-ID-2021")
DEFAULT_FORGERIES = ("office_paper", "uv_feature_missing", "mrz_ir_transparent",
                     "background_ir_absorbing", "portrait_substituted", "mrz_char_altered",
                     "viz_data_altered", "guilloche_imitated")


class ReaderControl(QObject):
    """The reader panel's behaviour (see the module docstring)."""

    status = Signal(str)
    """A line for the status bar."""
    error = Signal(str, str)
    """A reader failure to show: message, details."""
    readerReplaced = Signal(object)
    """The device settings switched the reader: the new ``Reader``."""
    platenPlaced = Signal(str, str, int)
    """A simulated document was placed: its id, forgery (``""``: genuine; chip forgeries
    too) and seed (the simulated chip reader holds the same document's chip)."""

    def __init__(self, panel: ReaderPanel, state: ViewerState, settings: QSettings,
                 tasks: TaskRunner, shortcut_parent: QWidget) -> None:
        super().__init__(shortcut_parent)
        self.panel = panel
        self.state = state
        self.settings = settings
        self.tasks = tasks
        self.shortcut_parent = shortcut_parent
        self.reader: Reader | None = None
        self.live_task: Task | None = None
        self.light_shortcuts: list[QShortcut] = []
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(120)
        self.live_timer.timeout.connect(self.live_tick)
        panel.light_chosen.connect(self.switch_light)
        panel.exposure_changed.connect(self._exposure_changed)
        panel.live_toggled.connect(self.set_live)
        panel.document_chosen.connect(self.place_document)

    def set_reader(self, reader: Reader | None, *, opening: bool = False) -> None:
        """Use ``reader`` (``None``: no reader; ``opening``: one is being opened)."""
        self.reader = reader
        rp = self.panel
        for sc in self.light_shortcuts:
            sc.setEnabled(False)
            sc.deleteLater()
        self.light_shortcuts = []
        if reader is None:
            rp.set_reader(tx("reader", "Opening the reader…") if opening
                          else tx("reader", "No reader connected"), [])
            rp.capture_button.setEnabled(False)
            rp.back_button.setEnabled(False)
            rp.platen_box.setVisible(False)
            return
        rp.capture_button.setEnabled(True)
        rp.back_button.setEnabled(True)
        rp.set_reader(reader.name, reader.lights)
        rp.set_current_light(reader.current_light, None)
        for i, light in enumerate(reader.lights[:len(LIGHT_KEYS)]):
            sc = QShortcut(QKeySequence(LIGHT_KEYS[i]), self.shortcut_parent)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(self._switcher(light))
            self.light_shortcuts.append(sc)
        load = getattr(reader, "load_document", None)
        if callable(load):
            documents = tuple(getattr(reader, "documents", ()) or DEFAULT_DOCUMENTS)
            forgeries = (*(getattr(reader, "forgeries", ()) or DEFAULT_FORGERIES),
                         *CHIP_FORGERIES)
            # what lies on the platen now (the simulator says; else the last choice)
            doc = (str(reader.document) if hasattr(reader, "document")
                   else str(self.settings.value("document", documents[0])))
            forgery = str(self.settings.value("forgery", "") or "")
            if hasattr(reader, "forgery") and (reader.forgery or forgery not in CHIP_FORGERIES):
                forgery = str(reader.forgery or "")  # a chip forgery leaves the page genuine
            seed = (int(reader.seed) if hasattr(reader, "seed")
                    else int(str(self.settings.value("seed", 0) or 0)))
            rp.set_platen_choices(documents, forgeries, doc, forgery, seed)
        else:
            rp.platen_box.setVisible(False)
        self.status.emit(tx("reader", "Reader: {name}").format(name=reader.name))

    def _switcher(self, light: Light) -> Callable[[], None]:
        return lambda: self.switch_light(light)

    def switch_light(self, light: Light) -> None:
        """Switch ``light`` on; with captured images, show that light too."""
        if self.reader is not None:
            try:
                self.reader.set_light(light)
                self.panel.set_current_light(light, self.reader.exposure_ms(light))
            except Exception as exc:
                self.error.emit(tx("reader", "Could not switch on {light}: {error}").format(
                    light=light_title(light, QT), error=exc), "")
                return
        if self.state.live is not None:
            self.live_tick()
        elif self.state.sources and self.state.mode is not Mode.CAPTURE:
            with contextlib.suppress(ValueError):
                self.state.show_light(light)
        self.status.emit(tx("reader", "{light} on").format(
            light=light_title(light, QT).capitalize()))

    def _exposure_changed(self, light: Light, ms: float) -> None:
        if self.reader is not None:
            applied = self.reader.set_exposure_ms(light, ms)
            self.status.emit(tx("reader", "{light}: exposure {ms} ms").format(
                light=light_title(light, QT).capitalize(), ms=f"{applied:g}"))

    def set_live(self, on: bool) -> None:
        """Live view on or off."""
        if on and self.reader is not None:
            if self.reader.current_light is None:
                self.switch_light(Light.WHITE)
            self.live_timer.start()
            self.live_tick()
        else:
            self.live_timer.stop()
            self.state.set_live_frame(None, None)

    def live_tick(self) -> None:
        """Read one live frame in a worker (one at a time)."""
        reader = self.reader
        if reader is None or (self.live_task is not None and not self.live_task.done):
            return
        light = reader.current_light

        def grab(progress: ProgressFn, cancel: threading.Event) -> tuple[Light | None, Image]:
            return light, reader.live_frame()

        def shown(result: tuple[Light | None, Image]) -> None:
            if self.live_timer.isActive() and reader is self.reader:
                self.state.set_live_frame(result[0], result[1])

        def failed(message: str, details: str) -> None:
            if reader is not self.reader or "reader is closed" in message:
                # the reader was switched (or is being switched) meanwhile: the frame of
                # the old one does not matter, and the new one takes over the live view
                return
            self.live_timer.stop()
            self.panel.live.setChecked(False)
            self.error.emit(message, details)

        self.live_task = self.tasks.start(Task(tx("reader", "Live view"), grab), on_done=shown,
                                          on_error=failed)

    def remembered_platen(self) -> tuple[str, str, int] | None:
        """The document, forgery and seed last placed on the simulator (settings)."""
        doc = self.settings.value("document")
        if not doc:
            return None
        return (str(doc), str(self.settings.value("forgery", "") or ""),
                int(str(self.settings.value("seed", 0) or 0)))

    def place_document(self, document: str, forgery: str, seed: int) -> None:
        """Put ``document`` (with ``forgery``) on the simulated platen."""
        reader = self.reader
        load = getattr(reader, "load_document", None)
        if reader is None or not callable(load):
            return
        # a chip forgery changes only the chip: the page is printed genuine
        page_forgery = None if forgery in CHIP_FORGERIES else (forgery or None)
        try:
            load(document, forgery=page_forgery, seed=seed)
        except Exception as exc:
            self.error.emit(tx("reader", "Could not place {document}: {error}").format(
                document=document, error=exc), "")
            return
        for key, value in (("document", document), ("forgery", forgery), ("seed", seed)):
            self.settings.setValue(key, value)
        rp = self.panel
        rp.document.setCurrentText(document)
        rp.forgery.setCurrentIndex(max(0, rp.forgery.findData(forgery)))
        rp.seed.setValue(seed)
        self.status.emit(tx("reader", "On the platen: {document} ({forgery}, seed {seed})").format(
            document=document, seed=seed,
            forgery=forgery.replace("_", " ") if forgery else tx("reader", "genuine")))
        self.platenPlaced.emit(document, forgery, seed)

    def add_device_settings(self, tabs: QTabWidget) -> None:
        """The Devices tab (reader choice, lamp tests, calibration): the device session
        is made here, after the window is shown, so start-up stays fast."""
        from workstation.session.devices import DeviceSession
        from workstation.ui.devices import DeviceSettingsWidget

        try:
            session = DeviceSession(reader=self.reader, persist=True) \
                if self.reader is not None else DeviceSession()
        except Exception as exc:  # a device failure must not stop the window
            self.error.emit(tx("reader", "Device settings not available: {error}").format(
                error=exc), "")
            return
        widget = DeviceSettingsWidget(session, runner=self.tasks)
        widget.readerChanged.connect(self.readerReplaced.emit)
        widget.deviceError.connect(lambda m: self.error.emit(m, ""))
        widget.message.connect(self.status.emit)
        self.devices_panel = widget
        index = tabs.addTab(FittingScrollArea(widget), "")  # never cut on the right
        bind(tabs.setTabText, T("reader", "Devices"), index)

    def close(self) -> None:
        """Stop the live view and close the reader."""
        self.live_timer.stop()
        if self.reader is not None:
            with contextlib.suppress(Exception):
                self.reader.close()
