"""Rig calibration: dark frame and flat field per light, dpi from a ruler or a document.

Plain numpy/OpenCV (the hardware package does not use ``workstation.imaging``).

* Dark frame: the mean of frames taken with the light's exposure and every lamp
  off (sensor offset and stray light).
* Flat field: a blank white card under the light, dark-subtracted and
  smoothed, gives a per-pixel gain ``mean / card`` that evens out uneven
  illumination and vignetting: ``corrected = (raw - dark) * gain``.
* dpi: from a printed ruler (the period of its millimetre ticks) or from a
  document of known size (its outline in pixels against its size in mm).

A :class:`RigCalibration` is stored per rig as ``calibration.json`` and
``calibration.npz`` in the rig's folder.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.errors import FormatError
from workstation.fsutil import atomic_write_bytes, atomic_write_text
from workstation.types import MM_PER_INCH, Image, Light

FloatImage = npt.NDArray[np.float32]

CALIBRATION_JSON = "calibration.json"
CALIBRATION_NPZ = "calibration.npz"
CALIBRATION_FORMAT = "workstation.rig-calibration/1"

#: Gains are clipped to this range (a dead corner must not blow up to noise).
GAIN_RANGE = (0.2, 5.0)


def _check_image(image: Any, what: str = "image") -> None:
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise ValueError(f"{what} must be a uint8 (H, W) or (H, W, 3) array")
    if image.ndim == 3 and image.shape[2] != 3:
        raise ValueError(f"{what} must have 3 channels, got {image.shape[2]}")
    if image.shape[0] < 2 or image.shape[1] < 2:
        raise ValueError(f"{what} is too small: {image.shape}")


def average_frames(frames: Sequence[Image]) -> FloatImage:
    """The per-pixel mean of ``frames`` (same shape, uint8) as float32."""
    if not frames:
        raise ValueError("need at least one frame")
    for f in frames:
        _check_image(f, "frame")
    shape = frames[0].shape
    if any(f.shape != shape for f in frames):
        raise ValueError("frames of different shapes")
    acc = np.zeros(shape, dtype=np.float32)
    for f in frames:
        acc += f
    return acc / np.float32(len(frames))


def flat_gain(card: FloatImage | Image, *, dark: FloatImage | None = None,
              smooth_fraction: float = 0.02) -> FloatImage:
    """Per-pixel gain from a blank white card image (``(H, W[, 3])``).

    The card (minus ``dark``) is blurred with a Gaussian of ``smooth_fraction``
    of the image diagonal (card texture and noise must not enter the gain), then
    ``gain = mean / card`` per channel, clipped to :data:`GAIN_RANGE`.

    Raises:
        ValueError: shapes differ, or the card is black (lamp off?).
    """
    signal = np.asarray(card, dtype=np.float32)
    if signal.ndim not in (2, 3):
        raise ValueError("card must be (H, W) or (H, W, 3)")
    if dark is not None:
        if dark.shape != signal.shape:
            raise ValueError(f"dark frame {dark.shape} and card {signal.shape} differ in shape")
        signal = signal - dark
    if not 0 <= smooth_fraction < 0.5:
        raise ValueError("smooth_fraction must be in [0, 0.5)")
    diag = float(np.hypot(signal.shape[0], signal.shape[1]))
    sigma = smooth_fraction * diag
    if sigma > 0.5:
        signal = np.asarray(cv2.GaussianBlur(signal, (0, 0), sigmaX=sigma, sigmaY=sigma,
                                             borderType=cv2.BORDER_REFLECT), dtype=np.float32)
    signal = np.maximum(signal, np.float32(0.0))
    axes = (0, 1)
    mean = signal.mean(axis=axes, keepdims=True)
    if float(mean.min()) < 4.0:
        raise ValueError("the white card is (nearly) black: is the lamp on and the card in place?")
    gain = mean / np.maximum(signal, 1.0)
    return np.clip(gain, *GAIN_RANGE).astype(np.float32)


def correct(image: Image, *, dark: FloatImage | None = None,
            gain: FloatImage | None = None) -> Image:
    """``(image - dark) * gain``, rounded and clipped to uint8 (same shape as ``image``)."""
    _check_image(image)
    if dark is None and gain is None:
        return image
    out = image.astype(np.float32)
    for name, arr in (("dark", dark), ("gain", gain)):
        if arr is not None and arr.shape != image.shape:
            raise ValueError(f"{name} {arr.shape} does not fit image {image.shape}")
    if dark is not None:
        out -= dark
    if gain is not None:
        out *= gain
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def _grey(image: Image) -> FloatImage:
    _check_image(image)
    g = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    return g.astype(np.float32)


def _parabolic(values: npt.NDArray[np.float64], i: int) -> float:
    """Sub-sample position of the local maximum at ``i``."""
    if 1 <= i < values.size - 1:
        a, b, c = values[i - 1], values[i], values[i + 1]
        denom = a - 2 * b + c
        if denom < 0:
            return i + float(np.clip(0.5 * (a - c) / denom, -0.5, 0.5))
    return float(i)


def _tick_period(grey: FloatImage, min_period: float) -> tuple[float, float]:
    """The tick period (px) along x and how regular it is (autocorrelation, 0..1).

    The autocorrelation of the tick profile peaks at every multiple of the
    period; the first clear peak is the millimetre period (longer 5 and 10 mm
    marks only add peaks further out, and harmonics of thin ticks add none).
    The period is then refined on the farthest multiple that fits.
    """
    gx = np.abs(cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3))
    energy = gx.mean(axis=1)
    if float(energy.max()) <= 0:
        return 0.0, 0.0
    rows = np.flatnonzero(energy >= 0.5 * float(energy.max()))
    profile = grey[rows].mean(axis=0).astype(np.float64)
    n = profile.size
    if n < 16:
        return 0.0, 0.0
    k = max(3, round(n / 20) | 1)
    trend = np.convolve(profile, np.ones(k) / k, mode="same")
    x = (profile - trend)[k:-k]
    n = x.size
    if n < 16 or float(np.abs(x).max()) <= 1e-6:
        return 0.0, 0.0
    x = x - x.mean()
    spec = np.fft.rfft(x, 2 * n)
    acf = np.fft.irfft(np.abs(spec) ** 2)[:n]
    acf = acf / max(float(acf[0]), 1e-12)
    # unbiased: each lag has fewer overlapping samples
    acf = acf * n / np.maximum(n - np.arange(n), 1)
    lo = max(2, int(np.floor(min_period)))
    hi = n // 3
    if hi <= lo + 2:
        return 0.0, 0.0
    below = np.flatnonzero(acf[1:hi] < 0.0)
    if below.size == 0:
        return 0.0, 0.0
    start = max(lo, int(below[0]) + 1)
    first = -1
    for i in range(start, hi):
        if acf[i] >= acf[i - 1] and acf[i] >= acf[i + 1] and acf[i] > 0.25:
            first = i
            break
    if first < 0:
        return 0.0, 0.0
    period = _parabolic(acf, first)
    strength = float(acf[first])
    mult = int((n // 2) / period)
    if mult >= 2:
        centre = mult * period
        a = max(1, int(centre - period / 2))
        b = min(n - 2, int(centre + period / 2))
        if b > a:
            i = a + int(np.argmax(acf[a:b + 1]))
            period = _parabolic(acf, i) / mult
    return period, strength


def dpi_from_ruler(image: Image, *, tick_mm: float = 1.0, min_dpi: float = 75.0) -> float:
    """Pixel density (dpi) from a photo of a ruler with ticks every ``tick_mm``.

    The ruler may lie horizontally or vertically. Returns ``0.0`` when no
    regular ticks stand out (no ruler in view).

    Raises:
        ValueError: bad image or ``tick_mm``.
    """
    if not tick_mm > 0:
        raise ValueError("tick_mm must be positive")
    grey = _grey(image)
    min_period = max(2.5, min_dpi * tick_mm / MM_PER_INCH)
    best_period, best_strength = 0.0, 0.0
    for g in (grey, np.ascontiguousarray(grey.T)):
        period, strength = _tick_period(g, min_period)
        if strength > best_strength:
            best_period, best_strength = period, strength
    if best_period <= 0 or best_strength < 0.3:
        return 0.0
    return float(best_period / tick_mm * MM_PER_INCH)


def document_outline_px(image: Image) -> tuple[float, float]:
    """``(long side, short side)`` in px of the largest rectangular object, ``(0, 0)`` if none."""
    grey = _grey(image).astype(np.uint8)
    blur = cv2.GaussianBlur(grey, (5, 5), 0)
    _, mask = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    h, w = grey.shape
    best: tuple[float, float] = (0.0, 0.0)
    best_area = 0.05 * h * w
    for m in (mask, 255 - mask):
        m = cv2.morphologyEx(m, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
        contours, _ = cv2.findContours(m, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for c in contours:
            x, y, cw, ch = cv2.boundingRect(c)
            if x <= 1 or y <= 1 or x + cw >= w - 1 or y + ch >= h - 1:
                continue  # touches the border: the background, not the document
            area = float(cv2.contourArea(c))
            (_, _), (rw, rh), _ = cv2.minAreaRect(c)
            if rw <= 0 or rh <= 0 or area < best_area or area / (rw * rh) < 0.85:
                continue
            best_area = area
            best = (float(max(rw, rh)), float(min(rw, rh)))
    return best


def dpi_from_document(image: Image, *, size_mm: tuple[float, float],
                      tolerance: float = 0.05) -> float:
    """Pixel density (dpi) from a document of known ``size_mm`` (width, height) on the platen.

    The document must contrast with the platen. Returns ``0.0`` when no
    rectangle of the document's proportions is found (within ``tolerance``).
    """
    if len(size_mm) != 2 or min(size_mm) <= 0:
        raise ValueError("size_mm must be two positive numbers (width, height)")
    long_px, short_px = document_outline_px(image)
    if long_px <= 0:
        return 0.0
    long_mm, short_mm = max(size_mm), min(size_mm)
    d1 = long_px / long_mm * MM_PER_INCH
    d2 = short_px / short_mm * MM_PER_INCH
    if abs(d1 - d2) / max(d1, d2) > tolerance:
        return 0.0
    return float((d1 + d2) / 2.0)


@dataclass
class LightCalibration:
    """Dark frame and flat-field gain of one light (either may be missing)."""

    dark: FloatImage | None = None
    gain: FloatImage | None = None

    def apply(self, image: Image) -> Image:
        """Correct ``image``; frames of another size than the calibration pass unchanged."""
        dark = self.dark if self.dark is not None and self.dark.shape == image.shape else None
        gain = self.gain if self.gain is not None and self.gain.shape == image.shape else None
        return correct(image, dark=dark, gain=gain)


@dataclass
class RigCalibration:
    """Everything calibrated on one rig: per-light dark/flat and the dpi."""

    lights: dict[Light, LightCalibration] = field(default_factory=dict)
    dpi: float | None = None
    dpi_method: str = ""
    created_at: dt.datetime | None = None

    def for_light(self, light: Light) -> LightCalibration:
        return self.lights.setdefault(light, LightCalibration())

    def apply(self, light: Light, image: Image) -> Image:
        cal = self.lights.get(light)
        return image if cal is None else cal.apply(image)

    def summary(self) -> dict[str, Any]:
        return {
            "dpi": self.dpi, "dpi_method": self.dpi_method,
            "created_at": None if self.created_at is None else self.created_at.isoformat(),
            "lights": {lt.value: {"dark": c.dark is not None, "flat": c.gain is not None}
                       for lt, c in self.lights.items()},
        }

    def save(self, folder: str | Path) -> None:
        """Write ``calibration.npz`` then ``calibration.json`` into ``folder`` (atomically)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, FloatImage] = {}
        for light, cal in self.lights.items():
            if cal.dark is not None:
                arrays[f"{light.value}.dark"] = cal.dark
            if cal.gain is not None:
                arrays[f"{light.value}.gain"] = cal.gain
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
        atomic_write_bytes(folder / CALIBRATION_NPZ, buf.getvalue())
        meta = {"format": CALIBRATION_FORMAT, **self.summary()}
        atomic_write_text(folder / CALIBRATION_JSON, json.dumps(meta, indent=2) + "\n")

    @classmethod
    def load(cls, folder: str | Path) -> RigCalibration:
        """Read a calibration saved by :meth:`save` (an empty one when there is none).

        Raises:
            FormatError: the files exist but are not a calibration.
        """
        folder = Path(folder)
        meta_path = folder / CALIBRATION_JSON
        if not meta_path.is_file():
            return cls()
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FormatError(meta_path, f"not a calibration: {exc}") from None
        if not isinstance(meta, dict) or meta.get("format") != CALIBRATION_FORMAT:
            raise FormatError(meta_path, f"'format' must be {CALIBRATION_FORMAT!r}")
        out = cls(dpi=meta.get("dpi"), dpi_method=str(meta.get("dpi_method") or ""))
        stamp = meta.get("created_at")
        if isinstance(stamp, str):
            try:
                out.created_at = dt.datetime.fromisoformat(stamp)
            except ValueError:
                raise FormatError(meta_path, f"bad created_at {stamp!r}") from None
        npz_path = folder / CALIBRATION_NPZ
        try:
            with np.load(npz_path, allow_pickle=False) as data:
                for key in data.files:
                    name, _, kind = key.rpartition(".")
                    try:
                        light = Light.parse(name)
                    except ValueError as exc:
                        raise FormatError(npz_path, str(exc)) from None
                    arr = np.asarray(data[key], dtype=np.float32)
                    cal = out.for_light(light)
                    if kind == "dark":
                        cal.dark = arr
                    elif kind == "gain":
                        cal.gain = arr
        except FileNotFoundError:
            raise FormatError(npz_path, "missing (calibration.json without its images)") from None
        except (OSError, ValueError) as exc:
            raise FormatError(npz_path, f"unreadable: {exc}") from None
        return out
