"""What the viewer can show: images by origin and light, each kept as a pyramid of
halvings so a frame reads about a screenful of pixels whatever the image size."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from workstation.imaging import overlays
from workstation.labels import light_label
from workstation.types import Image, Light


class Origin(StrEnum):
    """Where an image comes from."""

    CAPTURE = "capture"    # the questioned document's front (or its only face)
    BACK = "back"          # the questioned document's back face
    SPECIMEN = "specimen"
    CHIP = "chip"          # the chip's photograph (DG2), placed over the printed portrait
    LIVE = "live"


#: The origins that are the questioned document (one face each).
QUESTIONED = (Origin.CAPTURE, Origin.BACK)


@dataclass(frozen=True)
class SourceKey:
    """One image the viewer can show: the questioned capture or the specimen, under a light."""

    origin: Origin
    light: Light

    def __str__(self) -> str:
        return f"{self.origin.value}:{self.light.value}"

    @property
    def title(self) -> str:
        """Short human label, e.g. ``"Questioned · UV"``."""
        if self.origin is Origin.CHIP:
            return "Chip photo (DG2)"
        who = {Origin.CAPTURE: "Questioned", Origin.BACK: "Back", Origin.SPECIMEN: "Specimen",
               Origin.LIVE: "Live"}[self.origin]
        return f"{who} · {light_label(self.light)}"

    @classmethod
    def parse(cls, text: str) -> SourceKey:
        """``"capture:uv"`` -> ``SourceKey``; ``ValueError`` otherwise."""
        origin, sep, light = text.partition(":")
        if not sep:
            raise ValueError(f"expected ORIGIN:LIGHT, got {text!r}")
        return cls(Origin(origin), Light.parse(light))


class Pyramid:
    """An image and its successive halvings, built on first use.

    Level 0 is the image itself; level ``k`` is about ``1 / 2**k`` of its size.
    Drawing a viewport reads from the coarsest level still at least as detailed
    as the screen, so a frame never touches more than about four screen-sizes
    of pixels, whatever the image size.
    """

    MIN_SIDE = 256

    def __init__(self, image: Image) -> None:
        if image.dtype != np.uint8 or image.ndim not in (2, 3) or min(image.shape[:2]) == 0:
            raise ValueError("a pyramid needs a non-empty uint8 (H, W[, 3]) image")
        self._levels: list[Image] = [np.ascontiguousarray(image)]

    @property
    def height(self) -> int:
        return int(self._levels[0].shape[0])

    @property
    def width(self) -> int:
        return int(self._levels[0].shape[1])

    @property
    def base(self) -> Image:
        return self._levels[0]

    def max_level(self) -> int:
        """The coarsest level (its short side stays above :attr:`MIN_SIDE` or is level 0)."""
        short = min(self.height, self.width)
        k = 0
        while short // 2 >= self.MIN_SIDE:
            short //= 2
            k += 1
        return k

    def level(self, k: int) -> Image:
        """Level ``k`` (built, and kept, on first use)."""
        k = max(0, min(k, self.max_level()))
        while len(self._levels) <= k:
            self._levels.append(overlays.downsample2(self._levels[-1]))
        return self._levels[k]

    def build_all(self) -> None:
        """Build every level now (e.g. in a worker thread, before the first frame)."""
        self.level(self.max_level())

    def level_for_scale(self, scale: float, *, bias: float = 0.0) -> int:
        """The coarsest level whose resolution is still ≥ ``scale`` screen px per image px.

        ``bias`` (while the user zooms or pans) allows a level up to ``2 ** bias``
        times coarser than the screen: 0.5 reads at most about twice the screen's
        pixels, 1.0 at most about as many; the window redraws with the exact level
        (``bias`` 0) once the motion stops.
        """
        if scale <= 0:
            raise ValueError("scale must be positive")
        if bias < 0:
            raise ValueError("bias must not be negative")
        k = math.floor(math.log2(1.0 / scale) + bias) if scale < 2.0 ** bias else 0
        return max(0, min(k, self.max_level()))

    def region(self, x0: float, y0: float, x1: float, y1: float, *, scale: float,
               bias: float = 0.0) -> tuple[Image, tuple[float, float, float, float]]:
        """The pixels covering image rectangle ``[x0, x1) × [y0, y1)`` at display ``scale``.

        Returns the crop (a view, not a copy) and the image-coordinate rectangle
        ``(x0, y0, x1, y1)`` it exactly covers.
        """
        k = self.level_for_scale(scale, bias=bias)
        lvl = self.level(k)
        lh, lw = lvl.shape[:2]
        fx, fy = self.width / lw, self.height / lh
        c0 = max(0, math.floor(x0 / fx))
        r0 = max(0, math.floor(y0 / fy))
        c1 = min(lw, math.ceil(x1 / fx))
        r1 = min(lh, math.ceil(y1 / fy))
        c1, r1 = max(c1, c0 + 1), max(r1, r0 + 1)
        c0, r0 = min(c0, lw - 1), min(r0, lh - 1)
        return lvl[r0:r1, c0:c1], (c0 * fx, r0 * fy, c1 * fx, r1 * fy)


def build_pyramids(images: Mapping[Light, Image]) -> dict[Light, Pyramid]:
    """A fully built :class:`Pyramid` per image (slow for large images: call it in a
    worker thread, then hand the result to :meth:`ViewerState.set_images`)."""
    out = {}
    for light, img in images.items():
        pyr = Pyramid(img)
        pyr.build_all()
        out[light] = pyr
    return out
