"""Guilloche line patterns: families of interleaved sine waves and rosettes.

Every function draws anti-aliased lines into a float32 coverage mask in 0..1
(``(H, W)`` pixels of a document at ``dpi``); positions and sizes are in mm.
A :class:`GuillocheStyle` fixes the pattern of one document series; an
imitation uses another style, so it looks alike at a glance but does not match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Float = npt.NDArray[np.float32]
_SHIFT = 4  # cv2 sub-pixel bits
_SCALE = 1 << _SHIFT


@dataclass(frozen=True)
class GuillocheStyle:
    """Parameters of a guilloche background (mm unless stated)."""

    spacing_mm: float = 1.05
    wavelength_mm: float = 14.0
    amplitude_mm: float = 1.6
    phase_step: float = 0.21
    second_wavelength_mm: float = 37.0
    second_amplitude_mm: float = 0.9
    line_mm: float = 0.07
    rosette_petals: int = 18
    rosette_lines: int = 24
    rosette_depth: float = 0.22
    angle_deg: float = 0.0  # direction of the wave families (0: horizontal)


GENUINE_STYLE = GuillocheStyle()
IMITATION_STYLE = GuillocheStyle(
    spacing_mm=0.75, wavelength_mm=7.0, amplitude_mm=0.8, phase_step=0.45,
    second_wavelength_mm=19.0, second_amplitude_mm=0.35, line_mm=0.1,
    rosette_petals=9, rosette_lines=12, rosette_depth=0.4, angle_deg=28.0,
)


def _thickness(line_mm: float, dpi: float) -> int:
    return max(1, round(line_mm * dpi / 25.4))


def _draw(mask: npt.NDArray[np.uint8], curves: list[npt.NDArray[np.float64]], dpi: float,
          line_mm: float) -> None:
    k = dpi / 25.4 * _SCALE
    pts = [np.round(c * k).astype(np.int32).reshape(-1, 1, 2) for c in curves]
    cv2.polylines(mask, pts, False, 255, _thickness(line_mm, dpi), cv2.LINE_AA, _SHIFT)


def wave_family(size_mm: tuple[float, float], dpi: float, style: GuillocheStyle, *,
                direction: int = 1, phase: float = 0.0) -> Float:
    """A family of horizontal sine waves across the whole face.

    ``direction`` (+1 or -1) turns the phase progression, so two families cross
    in the interleaved lens shapes of a classic guilloche.
    """
    w_mm, h_mm = size_mm
    h = round(h_mm * dpi / 25.4)
    w = round(w_mm * dpi / 25.4)
    mask = np.zeros((h, w), np.uint8)
    a = math.radians(style.angle_deg) * direction
    # waves are generated along x over a square that covers the face once turned
    half = math.hypot(w_mm, h_mm) / 2 + 3.0
    cx, cy = w_mm / 2, h_mm / 2
    xs = np.arange(-half, half, max(0.12, 25.4 / dpi * 1.5))
    curves = []
    n = int(2 * half / style.spacing_mm) + 2
    for k in range(n):
        y0 = -half + k * style.spacing_mm
        ph = phase + direction * k * style.phase_step
        ys = (y0 + style.amplitude_mm * np.sin(2 * np.pi * xs / style.wavelength_mm + ph)
              + style.second_amplitude_mm
              * np.sin(2 * np.pi * xs / style.second_wavelength_mm - 0.7 * ph))
        px = cx + xs * math.cos(a) - ys * math.sin(a)
        py = cy + xs * math.sin(a) + ys * math.cos(a)
        inside = (px > -2) & (px < w_mm + 2) & (py > -2) & (py < h_mm + 2)
        if inside.any():
            idx = np.flatnonzero(inside)
            sl = slice(max(0, idx[0] - 1), idx[-1] + 2)
            curves.append(np.stack([px[sl], py[sl]], axis=1))
    _draw(mask, curves, dpi, style.line_mm)
    return mask.astype(np.float32) * np.float32(1 / 255)


def rosette(size_mm: tuple[float, float], dpi: float, style: GuillocheStyle, *,
            centre_mm: tuple[float, float], radius_mm: float) -> Float:
    """A rosette: ``rosette_lines`` closed curves r(t) = R (1 + d sin(p t + phase))."""
    w_mm, h_mm = size_mm
    h = round(h_mm * dpi / 25.4)
    w = round(w_mm * dpi / 25.4)
    mask = np.zeros((h, w), np.uint8)
    t = np.linspace(0, 2 * np.pi, 1440)
    cx, cy = centre_mm
    curves = []
    for j in range(style.rosette_lines):
        ph = 2 * np.pi * j / style.rosette_lines
        r0 = radius_mm * (0.55 + 0.45 * j / style.rosette_lines)
        r = r0 * (1 + style.rosette_depth * np.sin(style.rosette_petals * t + ph)) / (
            1 + style.rosette_depth)
        curves.append(np.stack([cx + r * np.cos(t), cy + r * np.sin(t)], axis=1))
    for j in range(style.rosette_lines // 2):
        ph = 2 * np.pi * j / style.rosette_lines * 2
        r0 = radius_mm * 0.5
        r = r0 * (0.3 + 0.7 * np.abs(np.sin(style.rosette_petals / 2 * t + ph)))
        curves.append(np.stack([cx + r * np.cos(t), cy + r * np.sin(t)], axis=1))
    _draw(mask, curves, dpi, style.line_mm)
    return mask.astype(np.float32) * np.float32(1 / 255)


def ring_waves(shape_px: tuple[int, int], dpi: float, *, centre_px: tuple[float, float],
               radius_mm: float, rings: int, line_mm: float, lobes: int = 14) -> Float:
    """Concentric wavy rings around ``centre_px`` (column, row) in a mask of ``shape_px``."""
    mask = np.zeros(shape_px, np.uint8)
    k = dpi / 25.4
    t = np.linspace(0, 2 * np.pi, 900)
    curves = []
    for j in range(rings):
        r = radius_mm * (j + 1) / rings
        rr = r * (1 + 0.06 * np.sin(lobes * t + j * 0.9))
        curves.append(np.stack([centre_px[0] / k + rr * np.cos(t),
                                centre_px[1] / k + rr * np.sin(t)], axis=1))
    _draw(mask, curves, dpi, line_mm)
    return mask.astype(np.float32) * np.float32(1 / 255)


def star_points(cx: float, cy: float, r_out: float, r_in: float, n: int,
                rotation: float = -math.pi / 2) -> npt.NDArray[np.float64]:
    """Vertices of an ``n``-pointed star (alternating outer and inner radius)."""
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = rotation + math.pi * i / n
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return np.asarray(pts)
