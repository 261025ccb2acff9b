"""Spectral overlays and comparison frames: pure functions on numpy arrays.

Every function takes images first and options keyword-only, returns a new
``uint8`` RGB image ``(H, W, 3)`` and raises ``ValueError`` on bad input. They
are cheap enough to run per frame on a viewport-sized crop (never on a whole
50-megapixel image per frame): the viewer crops first, then composes.
"""

from __future__ import annotations

from enum import StrEnum

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image


class ColourMap(StrEnum):
    """Colour maps for difference images."""

    GREY = "grey"
    INFERNO = "inferno"
    TURBO = "turbo"
    DIVERGING = "diverging"


_CV_MAPS = {ColourMap.INFERNO: cv2.COLORMAP_INFERNO, ColourMap.TURBO: cv2.COLORMAP_TURBO}
_LUT_CACHE: dict[ColourMap, npt.NDArray[np.uint8]] = {}


def _check(image: Image, name: str = "image") -> None:
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8:
        raise ValueError(f"{name} must be a uint8 numpy array")
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] != 3):
        raise ValueError(f"{name} must have shape (H, W) or (H, W, 3), got {image.shape}")
    if image.shape[0] == 0 or image.shape[1] == 0:
        raise ValueError(f"{name} is empty")


def _same_size(a: Image, b: Image) -> None:
    _check(a, "first image")
    _check(b, "second image")
    if a.shape[:2] != b.shape[:2]:
        raise ValueError(f"images differ in size: {a.shape[:2]} vs {b.shape[:2]}")


def to_rgb(image: Image) -> Image:
    """``image`` as ``(H, W, 3)`` RGB (grey is replicated; RGB returned as is)."""
    _check(image)
    if image.ndim == 2:
        return np.repeat(image[:, :, None], 3, axis=2)
    return image


def to_grey(image: Image) -> Image:
    """``image`` as ``(H, W)`` grey (luma of RGB; grey returned as is)."""
    _check(image)
    if image.ndim == 2:
        return image
    return np.asarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), dtype=np.uint8)


def levels_lut(*, brightness: float = 0.0, contrast: float = 1.0, gamma: float = 1.0,
               invert: bool = False) -> npt.NDArray[np.uint8]:
    """The 256-entry lookup table of :func:`apply_levels`.

    ``brightness`` in [-1, 1] (fraction of full scale added), ``contrast`` > 0
    (gain about mid-grey), ``gamma`` > 0 (output = input ** (1 / gamma)).
    """
    if not -1.0 <= brightness <= 1.0:
        raise ValueError(f"brightness must be in [-1, 1], got {brightness}")
    if not contrast > 0 or not gamma > 0:
        raise ValueError("contrast and gamma must be positive")
    x = np.arange(256, dtype=np.float64) / 255.0
    y = (x - 0.5) * contrast + 0.5 + brightness
    y = np.clip(y, 0.0, 1.0) ** (1.0 / gamma)
    if invert:
        y = 1.0 - y
    return np.round(y * 255.0).astype(np.uint8)


def apply_levels(image: Image, *, brightness: float = 0.0, contrast: float = 1.0,
                 gamma: float = 1.0, invert: bool = False, channel: int | None = None) -> Image:
    """Brightness/contrast/gamma/invert through one lookup table; optionally one channel.

    ``channel`` 0, 1 or 2 shows only that RGB channel as grey (returned as RGB).
    Returns an RGB image the size of ``image``.
    """
    _check(image)
    if channel is not None:
        if channel not in (0, 1, 2):
            raise ValueError(f"channel must be 0, 1 or 2, got {channel}")
        image = image[:, :, channel] if image.ndim == 3 else image
    identity = brightness == 0.0 and contrast == 1.0 and gamma == 1.0 and not invert
    out = image if identity else cv2.LUT(image, levels_lut(
        brightness=brightness, contrast=contrast, gamma=gamma, invert=invert))
    return to_rgb(np.asarray(out, dtype=np.uint8))


def blend(a: Image, b: Image, *, alpha: float) -> Image:
    """``(1 - alpha) * a + alpha * b`` as RGB; ``alpha`` in [0, 1]."""
    _same_size(a, b)
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be in [0, 1], got {alpha}")
    return np.asarray(cv2.addWeighted(to_rgb(a), 1.0 - alpha, to_rgb(b), alpha, 0.0),
                      dtype=np.uint8)


def swipe(a: Image, b: Image, *, position: float, vertical: bool = False) -> Image:
    """``a`` left of (or above, ``vertical``) the divider at ``position`` (0..1), ``b`` after."""
    _same_size(a, b)
    if not 0.0 <= position <= 1.0:
        raise ValueError(f"position must be in [0, 1], got {position}")
    out = to_rgb(a).copy()
    rb = to_rgb(b)
    if vertical:
        cut = round(position * a.shape[0])
        out[cut:] = rb[cut:]
    else:
        cut = round(position * a.shape[1])
        out[:, cut:] = rb[:, cut:]
    return out


def colour_lut(cmap: ColourMap) -> npt.NDArray[np.uint8]:
    """``(256, 3)`` RGB lookup table of ``cmap``."""
    cmap = ColourMap(cmap)
    if cmap not in _LUT_CACHE:
        ramp = np.arange(256, dtype=np.uint8).reshape(256, 1)
        if cmap is ColourMap.GREY:
            lut = np.repeat(ramp, 3, axis=1)
        elif cmap is ColourMap.DIVERGING:
            # blue (0) - near black (128) - red/orange (255): signed differences
            t = np.linspace(-1.0, 1.0, 256)
            r = np.where(t > 0, 40 + 215 * t, 40 * (1 + t))
            g = np.where(t > 0, 40 + 120 * t, 40 + 120 * -t)
            bl = np.where(t < 0, 40 + 215 * -t, 40 * (1 - t))
            lut = np.stack([r, g, bl], axis=1).clip(0, 255).astype(np.uint8)
        else:
            bgr = cv2.applyColorMap(ramp, _CV_MAPS[cmap]).reshape(256, 3)
            lut = np.asarray(bgr[:, ::-1], dtype=np.uint8).copy()
        _LUT_CACHE[cmap] = lut
    return _LUT_CACHE[cmap]


def apply_colour_map(grey: Image, *, cmap: ColourMap = ColourMap.INFERNO) -> Image:
    """Map a grey image through ``cmap`` to RGB."""
    _check(grey)
    return colour_lut(cmap)[to_grey(grey)]


def difference(a: Image, b: Image, *, gain: float = 4.0, signed: bool = False,
               cmap: ColourMap = ColourMap.INFERNO, blur_px: float = 0.0) -> Image:
    """Where ``a`` differs from ``b``, in colour.

    Compares luma. Unsigned: ``|a - b| * gain`` mapped through
    ``cmap`` (dark = same). ``signed``: ``128 + (a - b) * gain / 2`` through the
    diverging map (blue = ``a`` darker, red = ``a`` brighter), whatever ``cmap``
    says. ``blur_px`` (Gaussian sigma, px) smooths both first, so that fine print
    a pixel out of register does not drown what really differs.
    """
    _same_size(a, b)
    if not gain > 0:
        raise ValueError(f"gain must be positive, got {gain}")
    if blur_px < 0:
        raise ValueError(f"blur_px must not be negative, got {blur_px}")

    def prep(img: Image) -> Image:
        g = to_grey(img)
        if blur_px > 0:
            g = np.asarray(cv2.GaussianBlur(g, (0, 0), blur_px), dtype=np.uint8)
        return g

    ga, gb = prep(a), prep(b)
    if signed:
        # 128 + (a - b) * gain / 2, saturated, in uint8 arithmetic
        up = cv2.subtract(ga, gb)
        down = cv2.subtract(gb, ga)
        half = gain / 2.0
        d = cv2.subtract(cv2.convertScaleAbs(up, alpha=half, beta=128.0),
                         cv2.convertScaleAbs(down, alpha=half))
        return _map_lut(np.asarray(d, dtype=np.uint8), colour_lut(ColourMap.DIVERGING))
    d = cv2.convertScaleAbs(cv2.absdiff(ga, gb), alpha=gain)
    return _map_lut(np.asarray(d, dtype=np.uint8), colour_lut(cmap))


def _map_lut(grey: Image, lut: npt.NDArray[np.uint8]) -> Image:
    """``grey`` through a ``(256, 3)`` RGB table (``cv2.LUT``, much faster than indexing)."""
    # applyColorMap with a user table is one table look-up per pixel, in the table's
    # channel order (here RGB)
    return np.asarray(cv2.applyColorMap(np.ascontiguousarray(grey),
                                        np.ascontiguousarray(lut.reshape(256, 1, 3))),
                      dtype=np.uint8)


def false_colour(ir: Image, white: Image, uv: Image,
                 luts: tuple[npt.NDArray[np.uint8], ...] | None = None) -> Image:
    """IR, white and UV luma into the R, G and B channels of one image.

    Features that behave differently under the three lights stand out in
    colour; what is the same under all three stays grey. ``luts`` (three
    256-entry tables, e.g. from :func:`stretch_lut`) rescale each channel first,
    so a dark UV image weighs as much as a bright IR one.
    """
    _same_size(ir, white)
    _same_size(ir, uv)
    chans = [false_colour_channel(ir), false_colour_channel(white),
             false_colour_channel(uv, uv=True)]
    if luts is not None:
        if len(luts) != 3 or any(t.shape != (256,) for t in luts):
            raise ValueError("luts must be three 256-entry tables")
        chans = [np.asarray(cv2.LUT(c, t), dtype=np.uint8) for c, t in zip(chans, luts,
                                                                           strict=True)]
    return np.dstack(chans)


def false_colour_channel(image: Image, *, uv: bool = False) -> Image:
    """The grey channel an image contributes to false colour: luma, except for a UV
    image (``uv``), whose luminescence is carried by its brightest channel."""
    _check(image)
    if uv and image.ndim == 3:
        return np.asarray(image.max(axis=2), dtype=np.uint8)
    return to_grey(image)


def stretch_lut(grey: Image, *, low_pct: float = 0.5, mid_pct: float = 50.0,
                mid_to: int = 170) -> npt.NDArray[np.uint8]:
    """A 256-entry table that maps ``grey``'s ``low_pct`` percentile to 0 and its
    ``mid_pct`` percentile (the bare page, for a document) to ``mid_to``.

    Used to balance false colour: the page then comes out the same grey from
    every light, and only what behaves differently under the lights is coloured.
    """
    _check(grey)
    if not 0 <= low_pct < mid_pct <= 100:
        raise ValueError("need 0 <= low_pct < mid_pct <= 100")
    if not 0 < mid_to <= 255:
        raise ValueError("mid_to must be in 1..255")
    lo, mid = np.percentile(to_grey(grey), [low_pct, mid_pct])
    mid = max(mid, lo + 1.0)
    x = np.arange(256, dtype=np.float64)
    return np.clip((x - lo) * mid_to / (mid - lo), 0, 255).astype(np.uint8)


def flicker_frame(a: Image, b: Image, *, t_ms: float, rate_hz: float) -> Image:
    """The frame shown at ``t_ms`` when flickering between ``a`` and ``b`` at ``rate_hz``.

    One period shows ``a`` for its first half and ``b`` for its second.
    """
    _same_size(a, b)
    return to_rgb(a) if flicker_phase(t_ms=t_ms, rate_hz=rate_hz) == 0 else to_rgb(b)


def flicker_phase(*, t_ms: float, rate_hz: float) -> int:
    """0 while the first image shows, 1 while the second does."""
    if not rate_hz > 0:
        raise ValueError(f"rate_hz must be positive, got {rate_hz}")
    period_ms = 1000.0 / rate_hz
    return 0 if (t_ms % period_ms) < period_ms / 2 else 1


def downsample2(image: Image) -> Image:
    """Half the size in each direction (area average), for image pyramids."""
    _check(image)
    h, w = image.shape[:2]
    return np.asarray(cv2.resize(image, (max(1, w // 2), max(1, h // 2)),
                                 interpolation=cv2.INTER_AREA), dtype=np.uint8)


def resize_to(image: Image, *, height: int, width: int) -> Image:
    """``image`` resampled to ``(height, width)`` (area when shrinking, linear otherwise)."""
    _check(image)
    if height <= 0 or width <= 0:
        raise ValueError("height and width must be positive")
    if image.shape[:2] == (height, width):
        return image
    shrink = height * width < image.shape[0] * image.shape[1]
    interp = cv2.INTER_AREA if shrink else cv2.INTER_LINEAR
    return np.asarray(cv2.resize(image, (width, height), interpolation=interp), dtype=np.uint8)
