"""The do-it-yourself examination box as a reader: UVC camera + USB relay lamps.

Each light has a profile: relay channel (and board, by serial), exposure,
settle time and, for UV lamps, an auto-off time. Capturing runs each light in
turn — lamp on, settle, one fresh frame, lamp off — with only one lamp lit at
a time (every other relay is switched off before a lamp goes on, and the
board's state is read back). Frames are corrected with the rig's calibration
(dark frame and flat field per light); the calibrated dpi is the capture's dpi.

Safety: every lamp goes off when the rig opens, when it closes, when the
program exits (``atexit``) or is told to stop (handlers for every signal that
terminates: SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1/2, SIGALRM...; the window
wakes Python for them inside Qt's event loop: :mod:`workstation.ui.signal_wakeup`),
and a UV lamp left on switches itself off after ``auto_off_s`` seconds. What the
dying process cannot do — after SIGKILL, a native crash, or while it hangs — the
lamp watchdog does: a separate process that switches the boards off when the
application's heartbeat stops (:mod:`workstation.hardware.watchdog`).

Unplugging: a relay board or camera that went away raises :class:`DeviceError`
naming it; the next operation tries to open it again, so plugging it back in
resumes the session.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import signal
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from workstation.errors import DeviceError
from workstation.hardware.base import BaseReader, ReaderConfig, register_reader
from workstation.hardware.calibration import (
    RigCalibration,
    average_frames,
    dpi_from_document,
    dpi_from_ruler,
    flat_gain,
)
from workstation.hardware.camera import Camera, OpenCvCamera
from workstation.hardware.signals import TERMINATING_SIGNALS, start_thread
from workstation.hardware.usb_relay import UsbRelayBoard
from workstation.hardware.watchdog import DEFAULT_TIMEOUT_S, LampWatchdog
from workstation.types import Image, Light

#: Lights whose lamps switch themselves off after a while unless told otherwise (s).
UV_LIGHTS = (Light.UV, Light.UV254)
DEFAULT_UV_AUTO_OFF_S = 60.0

DEFAULT_CHANNELS = {Light.WHITE: 1, Light.UV: 2, Light.IR: 3}


@dataclass
class LightProfile:
    """How the rig takes one light.

    Attributes:
        channel: relay channel (from 1) of the lamp.
        exposure_ms: camera exposure.
        settle_ms: wait after switching the lamp on before the frame.
        auto_off_s: switch the lamp off after this long (``None``: never).
        board: serial of the relay board, when the rig has several.
    """

    channel: int
    exposure_ms: float = 20.0
    settle_ms: float = 150.0
    auto_off_s: float | None = None
    board: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.channel, bool) or not isinstance(self.channel, int) \
                or not 1 <= self.channel <= 8:
            raise ValueError(f"relay channel must be 1..8, got {self.channel!r}")
        if not self.exposure_ms > 0:
            raise ValueError(f"exposure must be positive, got {self.exposure_ms} ms")
        if self.settle_ms < 0:
            raise ValueError(f"settle time must not be negative, got {self.settle_ms} ms")
        if self.auto_off_s is not None and not self.auto_off_s > 0:
            raise ValueError(f"auto-off time must be positive, got {self.auto_off_s} s")

    def to_json(self) -> dict[str, Any]:
        return {"channel": self.channel, "exposure_ms": self.exposure_ms,
                "settle_ms": self.settle_ms, "auto_off_s": self.auto_off_s, "board": self.board}


BoardOpener = Callable[[str | None], UsbRelayBoard]


class RelayLamps:
    """The rig's lamps on one or more relay boards; reconnects after a replug.

    ``assignments`` maps each light to ``(board serial or None, channel)``;
    ``None`` means the rig's default board (``default_serial``, or the first
    board found).
    """

    def __init__(self, assignments: Mapping[Light, tuple[str | None, int]], *,
                 default_serial: str | None = None, backend: Any = None,
                 opener: BoardOpener | None = None) -> None:
        self._assign = dict(assignments)
        self._default_serial = default_serial
        self._backend = backend
        self._opener = opener or (lambda serial: UsbRelayBoard.open(serial, backend=backend))
        self._boards: dict[str | None, UsbRelayBoard] = {}
        self._lock = threading.RLock()
        seen: dict[tuple[str | None, int], Light] = {}
        for light, (serial, channel) in self._assign.items():
            key = (serial or default_serial, channel)
            if key in seen:
                raise ValueError(f"{seen[key]} and {light} share relay channel {channel}")
            seen[key] = light

    @property
    def name(self) -> str:
        serials = sorted({s or self._default_serial or "" for s, _ in self._assign.values()})
        shown = ", ".join(s for s in serials if s) or "first found"
        return f"USB relay board {shown}"

    def _key(self, serial: str | None) -> str | None:
        return serial or self._default_serial

    def board(self, serial: str | None = None) -> UsbRelayBoard:
        """The (opened) board for ``serial`` (the default board when ``None``)."""
        key = self._key(serial)
        with self._lock:
            board = self._boards.get(key)
            if board is None:
                board = self._opener(key)
                self._boards[key] = board
                if key is None:
                    self._default_serial = board.serial
                    self._boards[board.serial] = board
            return board

    def _keys(self) -> list[str | None]:
        return sorted({self._key(s) for s, _ in self._assign.values()}, key=lambda k: k or "")

    def _retry(self, key: str | None, action: Callable[[UsbRelayBoard], Any]) -> Any:
        """Run ``action`` on the board; after a failure open the board again and retry once.
        The interface is let go afterwards, so the lamp watchdog can reach the board."""
        with self._lock:
            board = self.board(key)
            try:
                return action(board)
            except DeviceError:
                self._forget(key)
                board = self.board(key)
                return action(board)
            finally:
                board.release_interface()

    def serials(self) -> list[str]:
        """Serials of the boards the lamps are on (opened)."""
        with self._lock:
            for key in self._keys():
                self.board(key)
            return sorted({b.serial for b in self._boards.values()})

    def _forget(self, key: str | None) -> None:
        board = self._boards.pop(key, None)
        if board is not None:
            for k in [k for k, b in self._boards.items() if b is board]:
                del self._boards[k]
            board.close()

    def set_only(self, light: Light | None) -> None:
        """Light ``light`` alone (``None``: all off). Off commands go out before the on."""
        with self._lock:
            want_key, want_ch = (None, 0)
            if light is not None:
                serial, want_ch = self._assign[light]
                want_key = self._key(serial)
            keys = self._keys()
            for key in keys:
                keep = {want_ch} if light is not None and key == want_key else set()

                def switch_off(board: UsbRelayBoard, keep: set[int] = keep) -> None:
                    for ch in sorted(board.state() - keep):
                        board.switch(ch, False)
                self._retry(key, switch_off)
            if light is None:
                return

            def switch_on(board: UsbRelayBoard) -> None:
                board.switch(want_ch, True)
                state = board.state()
                if state != {want_ch}:
                    board.switch_all(False)
                    raise DeviceError(board.device_name,
                                      f"relay state is {sorted(state)} after switching "
                                      f"channel {want_ch} alone on: all switched off")
            self._retry(want_key, switch_on)

    def all_off(self) -> None:
        """Every relay of every board off."""
        with self._lock:
            for key in self._keys():
                self._retry(key, lambda board: board.switch_all(False))

    def emergency_off(self) -> None:
        """Every relay off on the boards already open, swallowing errors (exit handlers)."""
        for board in list(self._boards.values()):
            with contextlib.suppress(Exception):
                board.switch_all(False)

    def lit(self) -> set[Light]:
        """The lights whose relays are on (read back from the boards)."""
        out: set[Light] = set()
        with self._lock:
            states = {key: self._retry(key, lambda board: board.state()) for key in self._keys()}
        for light, (serial, ch) in self._assign.items():
            if ch in states.get(self._key(serial), set()):
                out.add(light)
        return out

    def close(self) -> None:
        with self._lock:
            for board in set(self._boards.values()):
                board.close()
            self._boards.clear()


# -- the safety net: every rig's lamps off at exit and on SIGTERM/SIGINT -------------------
_LIVE_RIGS: weakref.WeakSet[RigReader] = weakref.WeakSet()
_PREVIOUS_HANDLERS: dict[int, Any] = {}
_installed = False


def all_lamps_off() -> None:
    """Switch off every lamp of every open rig (exit and signal handlers call this)."""
    for rig in list(_LIVE_RIGS):
        rig.emergency_off()


def _at_exit() -> None:
    """At interpreter exit: every lamp off, then every open rig's camera closed, so that
    no camera reader thread (a daemon) still runs while the interpreter finalises (a
    daemon thread in C code or holding stderr's lock then can abort the process)."""
    all_lamps_off()
    for rig in list(_LIVE_RIGS):
        close = getattr(rig.camera, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                close()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    all_lamps_off()
    previous = _PREVIOUS_HANDLERS.get(signum, signal.SIG_DFL)
    if callable(previous):
        previous(signum, frame)
    elif previous == signal.SIG_IGN:
        return
    elif signum == signal.SIGINT:
        raise KeyboardInterrupt
    else:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)


def install_safety_handlers() -> bool:
    """Register the exit handler and (from the main thread) handlers for every
    terminating signal (:data:`TERMINATING_SIGNALS`).

    Earlier handlers are kept and called after the lamps are off. Returns
    whether the signal handlers are in place.
    """
    global _installed
    if not _installed:
        atexit.register(_at_exit)
        _installed = True
    if threading.current_thread() is not threading.main_thread():
        return bool(_PREVIOUS_HANDLERS)
    for sig in TERMINATING_SIGNALS:
        current = signal.getsignal(sig)
        if current is _on_signal or current == signal.SIG_IGN:
            continue
        _PREVIOUS_HANDLERS[sig] = current
        signal.signal(sig, _on_signal)
    return True


def uninstall_signal_handlers() -> None:
    """Put the earlier signal handlers back (tests, embedding applications)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig, previous in list(_PREVIOUS_HANDLERS.items()):
        if signal.getsignal(sig) is _on_signal:
            signal.signal(sig, previous if previous is not None else signal.SIG_DFL)
        del _PREVIOUS_HANDLERS[sig]


class RigReader(BaseReader):
    """Camera + relay lamps + per-light profiles = a :class:`Reader`.

    Args:
        camera: an opened-on-demand camera (:class:`OpenCvCamera` or a fake).
        lamps: the relay lamps.
        profiles: light -> :class:`LightProfile` (``white`` required).
        name: the rig's name (also its calibration folder's name).
        dpi: configured dpi, used when the calibration has none.
        calibration: dark/flat/dpi; loaded from ``calibration_dir`` when ``None``.
        calibration_dir: where :meth:`save_calibration` writes.
        apply_calibration: correct frames with the calibration.
        sleep: the settle wait (tests pass a recorder).
        watchdog: a factory ``(board serials) -> LampWatchdog`` started once the boards
            are open (``None``: no watchdog; :func:`open_rig` starts one by default).
    """

    def __init__(self, camera: Camera, lamps: RelayLamps, profiles: Mapping[Light, LightProfile],
                 *, name: str = "rig", dpi: float | None = None,
                 calibration: RigCalibration | None = None, calibration_dir: Path | None = None,
                 apply_calibration: bool = True,
                 sleep: Callable[[float], None] = time.sleep,
                 watchdog: Callable[[list[str]], LampWatchdog] | None = None) -> None:
        self._rig_name = name
        self._camera = camera
        self._lamps = lamps
        self._profiles = dict(profiles)
        self._calibration_dir = calibration_dir
        if calibration is None:
            calibration = (RigCalibration.load(calibration_dir) if calibration_dir is not None
                           else RigCalibration())
        self._calibration = calibration
        self._configured_dpi = dpi
        self._apply = apply_calibration
        self._sleep = sleep
        self._timer: threading.Timer | None = None
        self._watchdog: LampWatchdog | None = None
        self.auto_off_count = 0
        super().__init__(f"Rig {name} ({camera.name}, {lamps.name})", list(self._profiles),
                         dpi=calibration.dpi or dpi,
                         exposures_ms={lt: p.exposure_ms for lt, p in self._profiles.items()})
        # all off at start-up: a crash may have left a lamp burning
        lamps.all_off()
        if watchdog is not None:
            self._watchdog = watchdog(lamps.serials())
        try:
            camera.open()
        except DeviceError:
            lamps.all_off()
            self._close_watchdog()
            raise
        _LIVE_RIGS.add(self)
        install_safety_handlers()

    # -- properties -------------------------------------------------------------------------
    @property
    def rig_name(self) -> str:
        return self._rig_name

    @property
    def profiles(self) -> dict[Light, LightProfile]:
        return dict(self._profiles)

    @property
    def calibration(self) -> RigCalibration:
        return self._calibration

    @property
    def lamps(self) -> RelayLamps:
        return self._lamps

    @property
    def camera(self) -> Camera:
        return self._camera

    def set_exposure_ms(self, light: Light, ms: float) -> float:
        applied = super().set_exposure_ms(light, ms)
        self._profiles[light].exposure_ms = applied
        return applied

    # -- hooks ------------------------------------------------------------------------------
    @property
    def watchdog(self) -> LampWatchdog | None:
        """The lamp watchdog process watching this rig, if any."""
        return self._watchdog

    def _close_watchdog(self) -> None:
        wd, self._watchdog = self._watchdog, None
        if wd is not None:
            wd.close()

    def _do_set_light(self, light: Light | None) -> None:
        self._cancel_timer()
        if light is not None and self._watchdog is not None:
            # told before the lamp goes on: if we die in between, it switches off anyway
            self._watchdog.lit(self._profiles[light].auto_off_s)
        self._lamps.set_only(light)
        if light is None and self._watchdog is not None:
            self._watchdog.off()
        if light is not None:
            auto_off = self._profiles[light].auto_off_s
            if auto_off is not None:
                timer = threading.Timer(auto_off, self._auto_off, args=(light,))
                timer.daemon = True
                self._timer = timer
                start_thread(timer)

    def _auto_off(self, light: Light) -> None:
        with self._lock:
            if self._closed or self._current is not light:
                return
            with contextlib.suppress(DeviceError):
                self._lamps.all_off()
            self._current = None
            self.auto_off_count += 1

    def _cancel_timer(self) -> None:
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()

    def _settle(self, light: Light) -> None:
        settle = self._profiles[light].settle_ms
        if settle > 0:
            self._sleep(settle / 1000.0)

    def _raw_frame(self, light: Light | None) -> Image:
        if light is not None:
            self._camera.set_exposure_ms(self._exposure[light])
        try:
            return self._camera.frame()
        except DeviceError:
            # unplugged and plugged back in? open it once more, then give up
            reopen = getattr(self._camera, "reopen", None)
            if reopen is None:
                raise
            reopen()
            if light is not None:
                self._camera.set_exposure_ms(self._exposure[light])
            return self._camera.frame()

    def _do_frame(self, light: Light | None) -> Image:
        frame = self._raw_frame(light)
        if light is not None and self._apply:
            frame = self._calibration.apply(light, frame)
        return frame

    def _do_close(self) -> None:
        self._cancel_timer()
        _LIVE_RIGS.discard(self)
        try:
            self._camera.close()
        finally:
            self._lamps.close()
            self._close_watchdog()

    def close(self) -> None:
        if self._closed:
            return
        try:
            super().close()
        except DeviceError:
            self._lamps.emergency_off()
            self._closed = True
            _LIVE_RIGS.discard(self)
            with contextlib.suppress(Exception):
                self._camera.close()
            self._lamps.close()
            self._close_watchdog()
            raise

    def emergency_off(self) -> None:
        """All lamps off without waiting for a capture in progress (exit/signal handlers)."""
        self._cancel_timer()
        self._lamps.emergency_off()
        self._current = None

    def _capture_metadata(self) -> dict[str, Any]:
        cal = self._calibration
        return {"reader": {"kind": "rig", "rig": self._rig_name,
                           "calibrated": bool(cal.lights) and self._apply,
                           "dpi_source": "calibration" if cal.dpi else (
                               "configured" if self._configured_dpi else None)}}

    # -- calibration ------------------------------------------------------------------------
    def _frames(self, light: Light | None, exposure_light: Light, count: int) -> list[Image]:
        self._camera.set_exposure_ms(self._exposure[exposure_light])
        return [self._raw_frame(None) for _ in range(count)]

    def calibrate_dark(self, lights: Sequence[Light] | None = None, *, frames: int = 8) -> None:
        """Dark frame per light: every lamp off, the light's exposure, ``frames`` averaged.

        Guidance: close the lid (or cover the platen); nothing needs to lie on it.
        """
        self._check_open()
        if frames < 1:
            raise ValueError("frames must be at least 1")
        with self._lock:
            self.set_light(None)
            for light in lights or self._lights:
                self._calibration.for_light(light).dark = average_frames(
                    self._frames(None, light, frames))

    def calibrate_flat(self, lights: Sequence[Light] | None = None, *, frames: int = 8) -> None:
        """Flat field per light from a blank white card filling the platen.

        Guidance: lay a clean, matt white card over the whole platen. Dark
        frames are taken first for lights that have none.
        """
        self._check_open()
        if frames < 1:
            raise ValueError("frames must be at least 1")
        wanted = list(lights or self._lights)
        missing_dark = [lt for lt in wanted if self._calibration.for_light(lt).dark is None]
        if missing_dark:
            self.calibrate_dark(missing_dark, frames=frames)
        with self._lock:
            try:
                for light in wanted:
                    self.set_light(light)
                    self._settle(light)
                    card = average_frames(self._frames(light, light, frames))
                    cal = self._calibration.for_light(light)
                    try:
                        cal.gain = flat_gain(card, dark=cal.dark)
                    except ValueError as exc:
                        raise DeviceError(self.name, f"flat field under {light}: {exc}") from None
            finally:
                self.set_light(None)
        self._calibration.created_at = dt.datetime.now(dt.UTC)

    def _white_frame(self) -> Image:
        with self._lock:
            try:
                self.set_light(Light.WHITE)
                self._settle(Light.WHITE)
                return self._raw_frame(Light.WHITE)
            finally:
                self.set_light(None)

    def calibrate_dpi_ruler(self, *, tick_mm: float = 1.0) -> float:
        """dpi from a ruler on the platen (ticks every ``tick_mm``); 0.0 when none is seen."""
        self._check_open()
        dpi = dpi_from_ruler(self._white_frame(), tick_mm=tick_mm)
        if dpi > 0:
            self._set_dpi(dpi, "ruler")
        return dpi

    def calibrate_dpi_document(self, size_mm: tuple[float, float]) -> float:
        """dpi from a document of known ``size_mm`` (width, height); 0.0 when not found.

        Guidance: a card of known size (an ID-1 card is 85.6 × 54.0 mm) on a
        contrasting platen, not touching its edges.
        """
        self._check_open()
        dpi = dpi_from_document(self._white_frame(), size_mm=size_mm)
        if dpi > 0:
            self._set_dpi(dpi, "document")
        return dpi

    def _set_dpi(self, dpi: float, method: str) -> None:
        self._calibration.dpi = dpi
        self._calibration.dpi_method = method
        self._dpi = dpi

    def clear_calibration(self) -> None:
        """Forget the calibration (frames pass uncorrected; dpi back to the configured one)."""
        self._calibration = RigCalibration()
        self._dpi = self._configured_dpi

    def save_calibration(self) -> Path:
        """Store the calibration in the rig's folder; returns the folder."""
        if self._calibration_dir is None:
            raise DeviceError(self.name, "has no calibration folder configured")
        if self._calibration.created_at is None:
            self._calibration.created_at = dt.datetime.now(dt.UTC)
        self._calibration.save(self._calibration_dir)
        return self._calibration_dir


# -- opening a rig from its configuration ---------------------------------------------------
def rig_dir(name: str) -> Path:
    """The folder where rig ``name`` keeps its calibration (under the data folder)."""
    from workstation.paths import data_dir

    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name) or "rig"
    return data_dir() / "rigs" / safe


def profiles_from_options(options: Mapping[str, Any]) -> dict[Light, LightProfile]:
    """Light profiles from the ``lights`` option (defaults: white 1, uv 2, ir 3).

    Raises:
        ValueError: unknown light, bad channel, exposure or settle time.
    """
    raw = options.get("lights")
    if raw is None:
        raw = {lt.value: {"channel": ch} for lt, ch in DEFAULT_CHANNELS.items()}
    if not isinstance(raw, Mapping) or not raw:
        raise ValueError("'lights' must map light names to profiles")
    out: dict[Light, LightProfile] = {}
    for key, spec in raw.items():
        light = Light.parse(str(key))
        if isinstance(spec, int) and not isinstance(spec, bool):
            spec = {"channel": spec}
        if not isinstance(spec, Mapping):
            raise ValueError(f"profile of {light} must be an object")
        unknown = set(spec) - {"channel", "exposure_ms", "settle_ms", "auto_off_s", "board"}
        if unknown:
            raise ValueError(f"profile of {light}: unknown keys {sorted(unknown)}")
        auto_off = spec.get("auto_off_s", DEFAULT_UV_AUTO_OFF_S if light in UV_LIGHTS else None)
        out[light] = LightProfile(
            channel=spec.get("channel", DEFAULT_CHANNELS.get(light, 0)),
            exposure_ms=float(spec.get("exposure_ms", 20.0)),
            settle_ms=float(spec.get("settle_ms", 150.0)),
            auto_off_s=None if auto_off is None else float(auto_off),
            board=spec.get("board"),
        )
    if Light.WHITE not in out:
        raise ValueError("a rig needs a white light")
    return out


def open_rig(config: ReaderConfig) -> RigReader:
    """Open a rig from its configuration.

    Options: ``name``; ``camera`` (``device``, ``width``, ``height``,
    ``warmup_frames``, ``api``); ``relay`` (``serial``); ``lights`` (light ->
    profile); ``dpi``; ``apply_calibration``; ``watchdog`` (default true: a lamp
    watchdog process, :mod:`workstation.hardware.watchdog`) and
    ``watchdog_timeout_s`` (default 5). For tests: ``usb_backend`` (a pyusb backend
    object: it lives in this process, so no watchdog can reach it unless
    ``watchdog_backend`` — ``"module:function"`` — and ``watchdog_backend_arg`` name
    a factory of the same board for the watchdog's process) and ``capture_factory``
    (a ``cv2.VideoCapture`` stand-in).

    Raises:
        DeviceError: bad settings, or the camera or relay board cannot be opened.
    """
    opts = config.options
    name = str(opts.get("name", "rig"))
    try:
        profiles = profiles_from_options(opts)
        cam = dict(opts.get("camera") or {})
        relay = dict(opts.get("relay") or {})
        unknown = set(cam) - {"device", "width", "height", "warmup_frames", "api", "name"}
        if unknown:
            raise ValueError(f"camera: unknown keys {sorted(unknown)}")
        device = cam.get("device", 0)
        camera = OpenCvCamera(
            device, width=cam.get("width"), height=cam.get("height"),
            warmup_frames=int(cam.get("warmup_frames", 5)), api=int(cam.get("api", 0)),
            capture_factory=opts.get("capture_factory"),
            name=str(cam.get("name") or f"camera {device}"),
        )
        dpi = opts.get("dpi")
        if dpi is not None and not float(dpi) > 0:
            raise ValueError(f"dpi must be positive, got {dpi!r}")
        lamps = RelayLamps({lt: (p.board, p.channel) for lt, p in profiles.items()},
                           default_serial=relay.get("serial"), backend=opts.get("usb_backend"))
    except (ValueError, TypeError) as exc:
        raise DeviceError(f"rig {name}", f"bad settings: {exc}") from None
    folder = Path(opts["calibration_dir"]) if opts.get("calibration_dir") else rig_dir(name)
    watchdog = _watchdog_factory(opts)
    try:
        return RigReader(camera, lamps, profiles, name=name,
                         dpi=None if dpi is None else float(dpi), calibration_dir=folder,
                         apply_calibration=bool(opts.get("apply_calibration", True)),
                         watchdog=watchdog)
    except DeviceError:
        lamps.close()
        raise


def _watchdog_factory(opts: Mapping[str, Any]) -> Callable[[list[str]], LampWatchdog] | None:
    """How the rig starts its lamp watchdog (``None``: none wanted, or none can reach an
    in-process test backend)."""
    if not opts.get("watchdog", True):
        return None
    spec = opts.get("watchdog_backend")
    if opts.get("usb_backend") is not None and not spec:
        return None
    timeout = float(opts.get("watchdog_timeout_s", DEFAULT_TIMEOUT_S))
    arg = opts.get("watchdog_backend_arg")

    def start(serials: list[str]) -> LampWatchdog:
        return LampWatchdog(serials, timeout_s=timeout, backend_spec=spec,
                            backend_arg=None if arg is None else str(arg))

    return start


register_reader("rig", open_rig)
