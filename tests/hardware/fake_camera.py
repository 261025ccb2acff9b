"""A stand-in for ``cv2.VideoCapture`` and a scene lit by the fake relay board.

:class:`FakeVideoCapture` behaves like an opened UVC camera: ``read()``
returns BGR frames at ``fps``, ``set``/``get`` remember properties, and
:meth:`unplug` makes reads fail as OpenCV does when the camera goes away.
What it sees comes from a *scene*: :class:`RelayScene` shows the image of
whichever lamp the fake relay board has on, so the real rig, camera and relay
driver code all run, and a frame taken with the wrong lamp (or two lamps) is
visible in the result.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import cv2
import numpy as np

from tests.hardware.fake_relay_backend import FakeRelayBoard
from workstation.types import Image, Light


class FakeVideoCapture:
    """Enough of ``cv2.VideoCapture`` for :class:`OpenCvCamera`."""

    def __init__(self, scene: Callable[[], Image], *, fps: float = 400.0,
                 opened: bool = True, backend: str = "V4L2") -> None:
        self.scene = scene
        self.interval = 1.0 / fps
        self.opened = opened
        self.backend = backend
        self.props: dict[int, float] = {}
        self.set_calls: list[tuple[int, float]] = []
        self.reads = 0
        self.released = False
        self.plugged = True
        self.lock = threading.Lock()

    def isOpened(self) -> bool:
        return self.opened and not self.released

    def read(self) -> tuple[bool, Any]:
        time.sleep(self.interval)
        with self.lock:
            if not self.plugged or self.released:
                return False, None
            self.reads += 1
            image = self.scene()
        bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR) if image.ndim == 3 else image
        return True, bgr

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        self.set_calls.append((prop, value))
        return True

    def get(self, prop: int) -> float:
        return self.props.get(prop, 0.0)

    def getBackendName(self) -> str:
        return self.backend

    def release(self) -> None:
        self.released = True

    def unplug(self) -> None:
        self.plugged = False


class CaptureFactory:
    """``capture_factory`` for :class:`OpenCvCamera`: hands out fake captures, keeps them."""

    def __init__(self, scene: Callable[[], Image], **kwargs: Any) -> None:
        self.scene = scene
        self.kwargs = kwargs
        self.made: list[FakeVideoCapture] = []
        self.absent = False

    def __call__(self, device: int | str, api: int) -> FakeVideoCapture:
        cap = FakeVideoCapture(self.scene, opened=not self.absent, **self.kwargs)
        self.made.append(cap)
        return cap

    @property
    def last(self) -> FakeVideoCapture:
        return self.made[-1]


class RelayScene:
    """What the camera sees: the image of the lamp the board has on.

    ``images`` maps lights to what the platen looks like under them and
    ``channels`` lights to relay channels. All lamps off gives ``dark``; two or
    more on counts a violation and shows their mean.
    """

    def __init__(self, board: FakeRelayBoard, images: Mapping[Light, Image],
                 channels: Mapping[Light, int], *, dark_level: int = 3) -> None:
        self.board = board
        self.by_channel = {channels[lt]: img for lt, img in images.items()}
        first = next(iter(images.values()))
        shape = first.shape if first.ndim == 3 else (*first.shape, 3)
        self.dark = np.full(shape, dark_level, dtype=np.uint8)
        self.violations = 0

    def __call__(self) -> Image:
        on = self.board.on()
        if not on:
            return self.dark
        if len(on) > 1:
            self.violations += 1
            stack = [self._rgb(self.by_channel[ch]) for ch in on if ch in self.by_channel]
            return np.mean(stack, axis=0).astype(np.uint8) if stack else self.dark
        ch = next(iter(on))
        return self._rgb(self.by_channel[ch]) if ch in self.by_channel else self.dark

    @staticmethod
    def _rgb(img: Image) -> Image:
        return np.repeat(img[:, :, None], 3, axis=2) if img.ndim == 2 else img


def pattern_image(light: Light, size: tuple[int, int] = (120, 160)) -> Image:
    """A recognisable RGB image per light (a distinct level and a gradient)."""
    h, w = size
    level = {Light.WHITE: 200, Light.UV: 60, Light.IR: 120}.get(light, 90)
    ramp = np.linspace(0, 40, w, dtype=np.float32)[None, :].repeat(h, axis=0)
    img = np.clip(level + ramp, 0, 255).astype(np.uint8)
    rgb = np.stack([img, img, img], axis=2)
    if light is Light.UV:
        rgb[:, :, 2] = np.clip(rgb[:, :, 2].astype(int) + 80, 0, 255).astype(np.uint8)
    return rgb
