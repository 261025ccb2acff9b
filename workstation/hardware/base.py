"""The reader protocol every driver implements, and the base class drivers build on.

Habit taken from python-microscope: public methods validate and clamp their
arguments, then call small ``_do_*`` hooks that talk to the device. A reader
lights at most one lamp at a time.
"""

from __future__ import annotations

import abc
import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from workstation.errors import DeviceError
from workstation.types import CaptureSet, Image, Light

#: Exposure limits every reader clamps to (ms).
MIN_EXPOSURE_MS = 0.1
MAX_EXPOSURE_MS = 10_000.0

ProgressCallback = Callable[[int, int, Light], None]
"""``progress(done, total, light)``: called before each light is captured."""


@runtime_checkable
class Reader(Protocol):
    """A document reader: lights, a live view, and capture of every light in one call."""

    @property
    def name(self) -> str:
        """Human name of the device (model and serial)."""
        ...

    @property
    def lights(self) -> tuple[Light, ...]:
        """The lights this reader has, in canonical order."""
        ...

    @property
    def current_light(self) -> Light | None:
        """The light that is on, or ``None`` when all are off."""
        ...

    @property
    def dpi(self) -> float | None:
        """Pixel density at the platen plane, when known."""
        ...

    def set_light(self, light: Light | None) -> None:
        """Switch ``light`` on and every other light off (``None``: all off)."""
        ...

    def exposure_ms(self, light: Light) -> float:
        """Exposure time under ``light`` in ms."""
        ...

    def set_exposure_ms(self, light: Light, ms: float) -> float:
        """Set the exposure under ``light``; returns the value applied after clamping."""
        ...

    def live_frame(self) -> Image:
        """One frame under the current light (dark frame when all are off)."""
        ...

    def capture_all(
        self, lights: Sequence[Light] | None = None, progress: ProgressCallback | None = None
    ) -> CaptureSet:
        """Capture every light (or ``lights``) in turn, one lamp at a time; all off after."""
        ...

    def close(self) -> None:
        """Switch every lamp off and release the device."""
        ...


@dataclass
class ReaderConfig:
    """Which reader to open and its settings (``kind``: ``simulated``, ``rig``, ``folder``...)."""

    kind: str = "simulated"
    options: dict[str, Any] = field(default_factory=dict)


class BaseReader(abc.ABC):
    """Common logic of every reader: validation, clamping, one-lamp-at-a-time capture.

    Subclasses implement :meth:`_do_set_light` and :meth:`_do_frame`, and may
    override :meth:`_do_close` and :meth:`_settle`.
    """

    def __init__(self, name: str, lights: Sequence[Light], *, dpi: float | None = None,
                 exposures_ms: dict[Light, float] | None = None) -> None:
        if Light.WHITE not in lights:
            raise ValueError("a reader needs a white light")
        self._name = name
        self._lights = tuple(light for light in Light if light in set(lights))
        self._dpi = dpi
        self._current: Light | None = None
        self._exposure = {light: 10.0 for light in self._lights}
        for light, ms in (exposures_ms or {}).items():
            self._exposure[light] = self._clamp(ms)
        self._lock = threading.RLock()
        self._closed = False

    # -- protocol -------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @property
    def lights(self) -> tuple[Light, ...]:
        return self._lights

    @property
    def current_light(self) -> Light | None:
        return self._current

    @property
    def dpi(self) -> float | None:
        return self._dpi

    def set_light(self, light: Light | None) -> None:
        self._check_open()
        if light is not None and light not in self._lights:
            raise DeviceError(self._name, f"has no {light} light "
                                          f"(it has {', '.join(map(str, self._lights))})")
        with self._lock:
            self._do_set_light(light)
            self._current = light

    def exposure_ms(self, light: Light) -> float:
        if light not in self._exposure:
            raise DeviceError(self._name, f"has no {light} light")
        return self._exposure[light]

    def set_exposure_ms(self, light: Light, ms: float) -> float:
        if light not in self._exposure:
            raise DeviceError(self._name, f"has no {light} light")
        self._exposure[light] = self._clamp(ms)
        return self._exposure[light]

    def live_frame(self) -> Image:
        self._check_open()
        with self._lock:
            return self._do_frame(self._current)

    def capture_all(
        self, lights: Sequence[Light] | None = None, progress: ProgressCallback | None = None
    ) -> CaptureSet:
        self._check_open()
        wanted = self._wanted_lights(lights)
        images: dict[Light, Image] = {}
        with self._lock:
            try:
                for i, light in enumerate(wanted):
                    if progress is not None:
                        progress(i, len(wanted), light)
                    self.set_light(light)
                    self._settle(light)
                    images[light] = self._do_frame(light)
            finally:
                self.set_light(None)
        return CaptureSet(
            images=images, dpi=self._dpi, device=self._name,
            captured_at=dt.datetime.now(dt.UTC), metadata=self._capture_metadata(),
        )

    def close(self) -> None:
        if self._closed:
            return
        try:
            with self._lock:
                self._do_set_light(None)
                self._current = None
                self._do_close()
        finally:
            self._closed = True

    def __enter__(self) -> BaseReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- hooks ----------------------------------------------------------------------------
    @abc.abstractmethod
    def _do_set_light(self, light: Light | None) -> None:
        """Switch the device's lamps so that only ``light`` is on."""

    @abc.abstractmethod
    def _do_frame(self, light: Light | None) -> Image:
        """Grab one frame with ``light`` on (``None``: all off)."""

    def _do_close(self) -> None:
        """Release the device (lamps are already off)."""

    def _settle(self, light: Light) -> None:
        """Wait for a lamp to reach steady output after switching on."""

    def _capture_metadata(self) -> dict[str, Any]:
        """Extra ``capture.json`` fields for a capture from this reader."""
        return {}

    # -- helpers --------------------------------------------------------------------------
    def _wanted_lights(self, lights: Sequence[Light] | None) -> tuple[Light, ...]:
        """The lights a capture asks for (all by default), checked against the reader's."""
        wanted = self._lights if lights is None else tuple(lights)
        for light in wanted:
            if light not in self._lights:
                raise DeviceError(self._name, f"has no {light} light")
        if Light.WHITE not in wanted:
            raise DeviceError(self._name, "a capture needs the white light")
        return wanted

    @staticmethod
    def _clamp(ms: float) -> float:
        return float(min(max(ms, MIN_EXPOSURE_MS), MAX_EXPOSURE_MS))

    def _check_open(self) -> None:
        if self._closed:
            raise DeviceError(self._name, "the reader is closed")


ReaderFactory = Callable[[ReaderConfig], Reader]
_FACTORIES: dict[str, ReaderFactory] = {}


def register_reader(kind: str, factory: ReaderFactory) -> None:
    """Make ``open_reader`` able to open readers of ``kind``."""
    _FACTORIES[kind] = factory


def reader_kinds() -> list[str]:
    """The reader kinds ``open_reader`` knows."""
    _load_builtin_drivers()
    return sorted(_FACTORIES)


def _load_builtin_drivers() -> None:
    """Import the built-in drivers (each registers its kind); a broken driver module
    fails loudly here instead of its kind going missing."""
    from workstation.hardware import folder, rig, simulated

    del folder, rig, simulated


def open_reader(config: ReaderConfig | None = None) -> Reader:
    """Open the reader ``config`` describes (the simulated reader by default).

    Raises:
        DeviceError: unknown kind, or the device cannot be opened.
    """
    config = config or ReaderConfig()
    _load_builtin_drivers()
    factory = _FACTORIES.get(config.kind)
    if factory is None:
        known = ", ".join(sorted(_FACTORIES))
        raise DeviceError(config.kind, f"unknown reader kind (known: {known})")
    return factory(config)
