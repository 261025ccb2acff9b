"""UVC cameras through OpenCV, read continuously in a worker thread.

A worker thread reads frames as fast as the camera delivers them and keeps
only the newest, so the driver's buffers never hold stale frames. ``frame()``
returns the first frame *exposed after the call* (it skips the frame in flight
and, after an exposure change, a few more), which is what a lamp rig needs:
lamp on → settle → ``frame()`` never returns a picture taken before the lamp
was lit. The first ``warmup_frames`` after opening are dropped (auto gain and
white balance settling).

Errors are :class:`DeviceError` naming the camera: absent ("not found"), busy
(another program holds it), or stopped delivering frames (unplugged).
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from workstation.errors import DeviceError
from workstation.hardware.signals import start_thread
from workstation.types import Image

CaptureFactory = Callable[[int | str, int], Any]
"""``factory(device, api_preference)`` returning an object like ``cv2.VideoCapture``."""


class Camera(Protocol):
    """What the rig needs from a camera."""

    @property
    def name(self) -> str: ...

    @property
    def size(self) -> tuple[int, int]:
        """``(height, width)`` of the frames in pixels."""
        ...

    def open(self) -> None: ...

    def set_exposure_ms(self, ms: float | None) -> None:
        """Manual exposure in ms; ``None`` for the camera's automatic exposure."""
        ...

    def frame(self, *, timeout_s: float = ...) -> Image:
        """The first frame exposed after this call, RGB ``(H, W, 3)`` uint8."""
        ...

    def close(self) -> None: ...


def _default_factory(device: int | str, api: int) -> Any:
    import cv2

    return cv2.VideoCapture(device, api)


def device_path(device: int | str) -> Path | None:
    """The Linux device node of a camera index or path (``None`` elsewhere)."""
    if isinstance(device, str):
        return Path(device) if device.startswith("/dev/") else None
    if sys.platform.startswith("linux"):
        return Path(f"/dev/video{device}")
    return None


def list_cameras() -> list[dict[str, Any]]:
    """Video devices present, without opening them (Linux: ``/dev/video*`` and their names).

    On other systems the list is empty: cameras there are found by index when opened.
    """
    out: list[dict[str, Any]] = []
    sysfs = Path("/sys/class/video4linux")
    if not sysfs.is_dir():
        return out
    for entry in sorted(sysfs.iterdir(), key=lambda p: (len(p.name), p.name)):
        if not entry.name.startswith("video"):
            continue
        try:
            name = (entry / "name").read_text(encoding="utf-8").strip()
        except OSError:
            name = ""
        index = entry.name[len("video"):]
        out.append({"kind": "camera", "device": f"/dev/{entry.name}",
                    "index": int(index) if index.isdigit() else None, "name": name})
    return out


def exposure_value(backend: str, ms: float) -> float:
    """The ``CAP_PROP_EXPOSURE`` value for ``ms`` under an OpenCV capture ``backend``.

    V4L2 counts in units of 100 µs; DirectShow and Media Foundation take
    log2 of seconds; other backends are given ms.
    """
    if ms <= 0:
        raise ValueError(f"exposure must be positive, got {ms} ms")
    name = backend.upper()
    if name == "V4L2":
        return max(1.0, round(ms * 10.0))
    if name in ("DSHOW", "MSMF"):
        return float(round(math.log2(ms / 1000.0)))
    return float(ms)


class OpenCvCamera:
    """A UVC camera opened through ``cv2.VideoCapture``.

    Args:
        device: camera index or device path/URL.
        width, height: wanted frame size in pixels (``None``: the camera's default).
        warmup_frames: frames dropped after opening.
        stale_frames: frames skipped after a ``frame()`` request (the one in flight).
        exposure_settle_frames: further frames skipped after an exposure change.
        api: OpenCV capture API preference (``cv2.CAP_ANY`` = 0 by default).
        capture_factory: builds the capture object (tests pass a fake).
        name: how errors name the camera.
        failure_limit: consecutive failed reads after which the camera counts as gone.
    """

    def __init__(self, device: int | str = 0, *, width: int | None = None,
                 height: int | None = None, warmup_frames: int = 5, stale_frames: int = 1,
                 exposure_settle_frames: int = 2, api: int = 0,
                 capture_factory: CaptureFactory | None = None, name: str | None = None,
                 failure_limit: int = 20) -> None:
        if warmup_frames < 0 or stale_frames < 0 or exposure_settle_frames < 0:
            raise ValueError("frame counts must not be negative")
        if (width is not None and width <= 0) or (height is not None and height <= 0):
            raise ValueError("width and height must be positive")
        self._device = device
        self._want = (height, width)
        self._warmup = warmup_frames
        self._stale = stale_frames
        self._exposure_settle = exposure_settle_frames
        self._api = api
        self._factory = capture_factory or _default_factory
        self._name = name or f"camera {device}"
        self._failure_limit = failure_limit
        self._cap: Any = None
        self._size = (0, 0)
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._cond = threading.Condition()
        self._seq = 0
        self._latest: Image | None = None
        self._error: str | None = None
        self._skip_until = 0
        self._exposure_ms: float | None = None

    # -- properties -------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @property
    def size(self) -> tuple[int, int]:
        return self._size

    @property
    def is_open(self) -> bool:
        return self._cap is not None and self._error is None

    @property
    def frames_read(self) -> int:
        """Frames read since opening (warm-up frames included)."""
        return self._seq

    # -- open/close -------------------------------------------------------------------------
    def open(self) -> None:
        """Open the camera, set its size, drop the warm-up frames and start the worker.

        Raises:
            DeviceError: the camera is absent, busy, or delivers no frames.
        """
        if self._cap is not None:
            return
        path = device_path(self._device)
        if path is not None and not path.exists():
            raise DeviceError(self._name, f"not found: {path} does not exist (is it plugged in?)")
        try:
            cap = self._factory(self._device, self._api)
        except Exception as exc:
            raise DeviceError(self._name, f"cannot be opened: {exc}") from None
        if cap is None or not cap.isOpened():
            if cap is not None:
                cap.release()
            raise DeviceError(self._name, self._why_not_opened(path))
        self._configure(cap)
        ok = False
        frame: Any = None
        for _ in range(max(1, self._warmup)):
            ok, frame = cap.read()
            if not ok:
                break
        if not ok or frame is None:
            cap.release()
            raise DeviceError(self._name, "opened but delivers no frames "
                                          "(busy in another program, or unplugged?)")
        first = self._to_rgb(frame)
        self._size = (int(first.shape[0]), int(first.shape[1]))
        want_h, want_w = self._want
        if (want_h is not None and want_h != self._size[0]) or (
                want_w is not None and want_w != self._size[1]):
            cap.release()
            raise DeviceError(self._name, f"delivers {self._size[1]}x{self._size[0]} frames, "
                                          f"not the configured {want_w or '*'}x{want_h or '*'} "
                                          "(a size the camera does not offer?)")
        self._cap = cap
        self._error = None
        self._seq = 0
        self._latest = first
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"{self._name} reader",
                                        daemon=True)
        start_thread(self._thread)

    def _why_not_opened(self, path: Path | None) -> str:
        if path is not None and path.exists():
            if not os.access(path, os.R_OK | os.W_OK):
                return f"permission denied on {path} (add the user to the 'video' group)"
            return f"busy: {path} is in use by another program"
        if isinstance(self._device, int):
            return (f"not found or busy: no camera answered at index {self._device} "
                    "(is it plugged in, or used by another program?)")
        return "not found or busy (is it plugged in, or used by another program?)"

    def _configure(self, cap: Any) -> None:
        import cv2

        h, w = self._want
        if w is not None:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, float(w))
        if h is not None:
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, float(h))
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1.0)
        if self._exposure_ms is not None:
            self._apply_exposure(cap, self._exposure_ms)

    def close(self) -> None:
        """Stop the worker and release the camera."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5.0)
        cap, self._cap = self._cap, None
        stuck = thread is not None and thread.is_alive()
        if cap is not None and not stuck:
            # (a reader thread stuck in read() on a vanished camera keeps its handle:
            # releasing it under that thread's feet can crash the driver)
            with contextlib.suppress(Exception):
                cap.release()
        with self._cond:
            self._cond.notify_all()

    def reopen(self) -> None:
        """Close and open again (after the camera was unplugged and plugged back in)."""
        self.close()
        self._error = None
        self.open()

    # -- worker -----------------------------------------------------------------------------
    def _run(self) -> None:
        failures = 0
        cap = self._cap
        while not self._stop.is_set() and cap is not None:
            try:
                ok, frame = cap.read()
            except Exception:
                ok, frame = False, None
            if self._stop.is_set():
                break
            if not ok or frame is None:
                failures += 1
                if failures >= self._failure_limit:
                    with self._cond:
                        self._error = "stopped delivering frames (unplugged?)"
                        self._cond.notify_all()
                    return
                time.sleep(0.005)
                continue
            failures = 0
            try:
                image = self._to_rgb(frame)
            except ValueError as exc:
                with self._cond:
                    self._error = f"delivers frames OpenCV cannot read: {exc}"
                    self._cond.notify_all()
                return
            with self._cond:
                self._latest = image
                self._seq += 1
                self._cond.notify_all()

    @staticmethod
    def _to_rgb(frame: Any) -> Image:
        import cv2

        arr = np.asarray(frame)
        if arr.dtype == np.uint16:
            arr = (arr >> 8).astype(np.uint8)
        if arr.dtype != np.uint8:
            raise ValueError(f"unsupported pixel type {arr.dtype}")
        if arr.ndim == 2:
            return np.ascontiguousarray(cv2.cvtColor(arr, cv2.COLOR_GRAY2RGB))
        if arr.ndim == 3 and arr.shape[2] == 3:
            return np.ascontiguousarray(cv2.cvtColor(arr, cv2.COLOR_BGR2RGB))
        if arr.ndim == 3 and arr.shape[2] == 4:
            return np.ascontiguousarray(cv2.cvtColor(arr, cv2.COLOR_BGRA2RGB))
        raise ValueError(f"unsupported frame shape {arr.shape}")

    # -- frames -----------------------------------------------------------------------------
    def frame(self, *, timeout_s: float = 5.0) -> Image:
        """The first frame exposed after this call (RGB ``(H, W, 3)`` uint8).

        Raises:
            DeviceError: the camera is closed, gone, or timed out.
        """
        if self._cap is None:
            raise DeviceError(self._name, "is not open")
        deadline = time.monotonic() + timeout_s
        with self._cond:
            target = max(self._seq + 1 + self._stale, self._skip_until)
            while self._seq < target and self._error is None:
                left = deadline - time.monotonic()
                if left <= 0 or self._cap is None:
                    break
                self._cond.wait(timeout=left)
            if self._error is not None:
                raise DeviceError(self._name, self._error)
            if self._seq < target or self._latest is None:
                raise DeviceError(self._name, f"no frame within {timeout_s:g} s")
            return self._latest.copy()

    def set_exposure_ms(self, ms: float | None) -> None:
        """Manual exposure in ms (``None``: automatic); later frames wait for it to apply."""
        if ms is not None and not ms > 0:
            raise ValueError(f"exposure must be positive, got {ms} ms")
        if ms == self._exposure_ms:
            return
        self._exposure_ms = ms
        cap = self._cap
        if cap is not None:
            self._apply_exposure(cap, ms)
            with self._cond:
                self._skip_until = self._seq + 1 + self._stale + self._exposure_settle

    def _apply_exposure(self, cap: Any, ms: float | None) -> None:
        import cv2

        try:
            backend = str(cap.getBackendName())
        except Exception:
            backend = ""
        manual, auto = (1.0, 3.0) if backend.upper() == "V4L2" else (0.25, 0.75)
        if ms is None:
            cap.set(cv2.CAP_PROP_AUTO_EXPOSURE, auto)
            return
        cap.set(cv2.CAP_PROP_AUTO_EXPOSURE, manual)
        cap.set(cv2.CAP_PROP_EXPOSURE, exposure_value(backend, ms))
        # automatic white balance would re-tint every light differently (a UV image must
        # keep its colours): hold the white balance where it is
        cap.set(cv2.CAP_PROP_AUTO_WB, 0.0)

    def __enter__(self) -> OpenCvCamera:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"OpenCvCamera({self._device!r}, size={self._size})"
