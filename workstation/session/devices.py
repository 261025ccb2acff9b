"""The device settings' model, without Qt: which reader is in use, lamp tests, calibration.

The settings widget (``workstation.ui.devices``) renders this and sends the
examiner's clicks back; the logic is testable without a window. Every device
failure becomes a one-line ``message`` (the window shows it) and never
replaces the reader in use, so an examination in progress stays intact:
unplugging the camera or the relay board only makes the next action fail with
a clear message, and plugging it back in makes the next action work again.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workstation.errors import DeviceError, WorkstationError
from workstation.hardware.base import Reader, ReaderConfig, open_reader
from workstation.hardware.config import (
    SIMULATOR,
    DevicesConfig,
    load_devices,
    open_startup_reader,
    save_devices,
)
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import Image, Light

#: ID-1 card (credit-card size), a handy document of known size for dpi calibration.
ID1_SIZE_MM = (85.6, 54.0)


@dataclass(frozen=True)
class CalibrationStep:
    """One step of the guided calibration."""

    key: str
    title: str
    guidance: str


#: (Titles and guidance are English; the window translates them, context ``calibration``.)
CALIBRATION_STEPS: tuple[CalibrationStep, ...] = (
    CalibrationStep("dark", QT_TRANSLATE_NOOP("calibration", "Dark frames"),
                    QT_TRANSLATE_NOOP("calibration",
                                      "Close the lid or cover the platen so no room light "
                                      "falls on it. Nothing needs to lie on the platen. "
                                      "Every lamp stays off.")),
    CalibrationStep("flat", QT_TRANSLATE_NOOP("calibration", "Flat field"),
                    QT_TRANSLATE_NOOP("calibration",
                                      "Lay a clean, matt white card over the whole platen. "
                                      "Each lamp lights in turn to measure how evenly it "
                                      "lights the platen.")),
    CalibrationStep("dpi", QT_TRANSLATE_NOOP("calibration", "Scale (dpi)"),
                    QT_TRANSLATE_NOOP("calibration",
                                      "Lay a ruler with millimetre ticks flat on the platen, "
                                      "or an ID-1 card (85.6 × 54 mm) on the dark platen, "
                                      "not touching its edges.")),
    CalibrationStep("save", QT_TRANSLATE_NOOP("calibration", "Save"),
                    QT_TRANSLATE_NOOP("calibration",
                                      "Store the calibration for this rig; it is applied to "
                                      "every capture.")),
)


class DeviceSession:
    """The reader in use and what the settings can do with it.

    Args:
        config: the devices configuration (loaded from the data folder when ``None``).
        reader: a reader already open (the window's); ``None`` opens the active one,
            falling back to the simulator (``notice`` then says why).
        opener: opens a reader from its configuration (tests may wrap it).
        persist: write configuration changes to ``devices.json``.
    """

    def __init__(self, config: DevicesConfig | None = None, *, reader: Reader | None = None,
                 reader_name: str | None = None,
                 opener: Callable[[ReaderConfig], Reader] = open_reader,
                 persist: bool = True) -> None:
        from workstation.hardware.rig import install_safety_handlers

        # from the main thread: rigs opened later in worker threads are covered too
        install_safety_handlers()
        self.config = config or load_devices()
        self._opener = opener
        self._persist = persist
        self.notice: str | None = None
        self.message: str = ""
        self.lock = threading.RLock()
        if reader is None:
            startup = open_startup_reader(self.config)
            reader, reader_name, self.notice = startup.reader, startup.name, startup.notice
        self.reader: Reader = reader
        self.reader_name = reader_name or self._name_of(reader)
        self.calibration_index = 0
        self.listeners: list[Callable[[Reader], None]] = []

    def _name_of(self, reader: Reader) -> str:
        """The configured name of a reader opened elsewhere (the window's).

        The active reader's name when the kinds agree; otherwise (the window fell
        back to the simulator) the first configured reader of the reader's kind.
        """
        module = type(reader).__module__.rpartition(".")[2]
        kind = {"simulated": "simulated", "rig": "rig", "folder": "folder"}.get(module)
        active = self.config.readers.get(self.config.active)
        if kind is None or (active is not None and active.kind == kind):
            return self.config.active
        if kind == "simulated":
            return SIMULATOR
        same = [name for name, cfg in sorted(self.config.readers.items()) if cfg.kind == kind]
        return same[0] if same else self.config.active

    # -- readers ----------------------------------------------------------------------------
    @property
    def reader_names(self) -> list[str]:
        return sorted(self.config.readers)

    def use(self, name: str) -> bool:
        """Switch to the configured reader ``name``.

        The current reader is closed first (the new one may need the same camera
        or board). When the new one cannot be opened the previous one is opened
        again (the simulator if even that fails); ``message`` says what went
        wrong. Returns whether the switch happened. Listeners hear of every
        reader change.
        """
        with self.lock:
            try:
                wanted = self.config.reader(name)
            except WorkstationError as exc:
                self.message = str(exc)
                return False
            old_name, old = self.reader_name, self.reader
            with contextlib.suppress(WorkstationError):
                old.close()  # a device already gone: nothing left to switch off
            try:
                new, new_name, ok = self._opener(wanted), name, True
                self.message = f"Using {new.name}"
            except WorkstationError as exc:
                ok = False
                try:
                    new, new_name = self._opener(self.config.reader(old_name)), old_name
                except WorkstationError:
                    new, new_name = self._opener(self.config.reader(SIMULATOR)), SIMULATOR
                self.message = f"{exc} (using {new.name})"
            self.reader, self.reader_name = new, new_name
            self.calibration_index = 0
            if ok:
                self.config.active = name
                self.notice = None
                self._save()
        for listener in list(self.listeners):
            listener(new)
        return ok

    def configure(self, name: str, config: ReaderConfig) -> None:
        """Add or replace the configured reader ``name`` (and save the configuration)."""
        if not name.strip():
            raise ValueError("a reader needs a name")
        if name == SIMULATOR and config.kind != "simulated":
            raise ValueError(f"{SIMULATOR!r} is reserved for the simulated reader")
        self.config.readers[name] = config
        self._save()

    def _save(self) -> None:
        if self._persist:
            save_devices(self.config)

    # -- lamps and frames -------------------------------------------------------------------
    def _guard(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except DeviceError as exc:
            self.message = str(exc)
            return None

    def test_lamp(self, light: Light | None) -> bool:
        """Light ``light`` alone (``None``: all off); ``False`` and a message on failure."""
        def run() -> bool:
            self.reader.set_light(light)
            self.message = f"{light} lamp on" if light is not None else "all lamps off"
            return True
        return bool(self._guard(run))

    def live_frame(self) -> Image | None:
        """One frame under the current light, or ``None`` (and a message) on failure."""
        frame = self._guard(self.reader.live_frame)
        return frame if frame is not None else None

    # -- calibration ------------------------------------------------------------------------
    @property
    def can_calibrate(self) -> bool:
        return all(hasattr(self.reader, m) for m in ("calibrate_dark", "calibrate_flat",
                                                     "calibrate_dpi_ruler", "save_calibration"))

    @property
    def calibration_step(self) -> CalibrationStep | None:
        if not self.can_calibrate or self.calibration_index >= len(CALIBRATION_STEPS):
            return None
        return CALIBRATION_STEPS[self.calibration_index]

    def restart_calibration(self) -> None:
        self.calibration_index = 0

    def run_calibration_step(self, *, frames: int = 8,
                             document_mm: tuple[float, float] = ID1_SIZE_MM) -> str:
        """Run the current step (blocking: call from a worker); returns what it did.

        Raises:
            DeviceError: the step failed (the step stays current, so it can be retried).
        """
        step = self.calibration_step
        if step is None:
            raise DeviceError(self.reader.name, "has no calibration to run")
        rig: Any = self.reader
        with self.lock:
            if step.key == "dark":
                rig.calibrate_dark(frames=frames)
                result = "dark frames taken for " + ", ".join(map(str, self.reader.lights))
            elif step.key == "flat":
                rig.calibrate_flat(frames=frames)
                result = "flat field measured for " + ", ".join(map(str, self.reader.lights))
            elif step.key == "dpi":
                dpi = rig.calibrate_dpi_ruler()
                how = "ruler"
                if not dpi:
                    dpi = rig.calibrate_dpi_document(document_mm)
                    how = "card"
                if not dpi:
                    raise DeviceError(self.reader.name,
                                      "found neither ruler ticks nor a card of "
                                      f"{document_mm[0]:g} × {document_mm[1]:g} mm: "
                                      "check the placement and try again")
                result = f"{dpi:.1f} dpi from the {how}"
            else:
                folder = rig.save_calibration()
                result = f"calibration saved in {folder}"
            self.calibration_index += 1
            self.message = result
            return result

    def close(self) -> None:
        with self.lock:
            try:
                self.reader.close()
            except DeviceError as exc:
                self.message = str(exc)
