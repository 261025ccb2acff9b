"""What each light shows on the exemplars' pages, as masks at the detection density.

Every exemplar's page (registered onto the first, :mod:`.pages`) is reduced to
:data:`DETECT_DPI` and turned into per-pixel measures relative to its own substrate:

* ``glow`` — UV emission above the dull substrate (max over R, G, B of the excess over
  the page's median colour, 0..1);
* ``ir_dark`` — IR absorption: 1 - IR / the paper's IR level;
* ``ink`` — fine dark print in white light: a black-hat of the luminance over
  :data:`INK_SCALE_MM` (thin lines and text, not the tint of a broad area), 0..1;
* ``tone`` — broad darkness in white light (1 - smoothed luminance / paper).

A feature is *fixed* when every exemplar shows it (the minimum over exemplars, each
dilated by one pixel to absorb registration error) and *varies with the holder* where
the exemplars disagree. All arrays ``(H, W)`` float32 at :data:`DETECT_DPI`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image, Light

Float = npt.NDArray[np.float32]
Bool = npt.NDArray[np.bool_]

#: Density zones are found at (px per inch).
DETECT_DPI = 150.0
#: Width (mm) below which dark print counts as line or text print (black-hat size).
INK_SCALE_MM = 1.2
#: A page's border band (mm) left out of detection (its edge, rounded corners).
BORDER_MM = 2.5
#: The corner squares (mm) left out: rounded corners show the platen.
CORNER_MM = 4.0


def px(mm: float, dpi: float = DETECT_DPI) -> float:
    """``mm`` in pixels at ``dpi``."""
    return mm * dpi / 25.4


def _grey(img: Image) -> Float:
    g = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    return np.asarray(g, np.float32) / 255.0


def _odd(n: float) -> int:
    k = max(3, round(n))
    return k if k % 2 else k + 1


@dataclass
class LightMeasures:
    """One exemplar's per-pixel measures (any may be ``None`` when its light is absent)."""

    glow: Float | None
    uv: Float | None  # RGB 0..1, (H, W, 3)
    ir_dark: Float | None
    ink: Float
    tone: Float
    white: Float  # RGB 0..1 reflectance against the paper, (H, W, 3)


def measure(images: dict[Light, Image], size_px: tuple[int, int]) -> LightMeasures:
    """The measures of one exemplar's page (``images`` straightened, any density),
    reduced to ``size_px`` ``(height, width)``."""
    h, w = size_px

    def small(img: Image) -> Image:
        return np.ascontiguousarray(cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA))

    white = small(images[Light.WHITE]).astype(np.float32) / 255.0
    if white.ndim == 2:
        white = np.repeat(white[:, :, None], 3, axis=2)
    paper = np.percentile(white.reshape(-1, 3), 90, axis=0).astype(np.float32)
    refl = np.clip(white / np.maximum(paper, 1e-3), 0.0, 1.5).astype(np.float32)
    lum = np.asarray(refl.mean(axis=2), np.float32)
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (_odd(px(INK_SCALE_MM)),) * 2)
    ink = np.clip(cv2.morphologyEx(lum, cv2.MORPH_BLACKHAT, k), 0.0, 1.0).astype(np.float32)
    tone = np.clip(1.0 - cv2.GaussianBlur(lum, (0, 0), px(1.0)), 0.0, 1.0).astype(np.float32)
    glow = uv = ir_dark = None
    if Light.UV in images:
        uv = small(images[Light.UV]).astype(np.float32) / 255.0
        if uv.ndim == 2:
            uv = np.repeat(uv[:, :, None], 3, axis=2)
        substrate = np.median(uv.reshape(-1, 3), axis=0).astype(np.float32)
        glow = np.clip((uv - substrate).max(axis=2), 0.0, 1.0).astype(np.float32)
    if Light.IR in images:
        ir = _grey(small(images[Light.IR]))
        ir_paper = max(1e-3, float(np.percentile(ir, 90)))
        ir_dark = np.clip(1.0 - ir / ir_paper, 0.0, 1.0).astype(np.float32)
    return LightMeasures(glow=glow, uv=uv, ir_dark=ir_dark, ink=ink, tone=tone, white=refl)


def fixed_and_any(masks: Sequence[Bool]) -> tuple[Bool, Bool]:
    """``(fixed, any)``: where every exemplar shows the mark (each dilated by a pixel
    against registration error), and where any does."""
    kernel = np.ones((3, 3), np.uint8)
    anyone = np.zeros_like(masks[0])
    fixed = np.ones_like(masks[0])
    for m in masks:
        anyone |= m
        fixed &= cv2.dilate(m.astype(np.uint8), kernel) > 0
    return fixed & anyone, anyone


def agreement(maps: Sequence[Float], bbox: tuple[int, int, int, int], *,
              shift_px: int = 3) -> float:
    """How alike the exemplars' ``maps`` are inside ``bbox`` ``(x, y, w, h)``: the least,
    over exemplars after the first, of the best normalised cross-correlation with the
    first within shifts of ``shift_px`` (print registration differs between sheets).
    1: the same print (fixed design); near 0: different content (the holder's)."""
    if len(maps) < 2:
        return 1.0
    x, y, w, h = bbox
    H, W = maps[0].shape
    s = shift_px
    x0, y0, x1, y1 = max(0, x - s), max(0, y - s), min(W, x + w + s), min(H, y + h + s)
    ref = maps[0][y0:y1, x0:x1]
    if ref.size < 16:
        return 1.0
    inner = ref[s:ref.shape[0] - s, s:ref.shape[1] - s] if min(ref.shape) > 2 * s + 2 else ref
    a = inner - inner.mean()
    na = float(np.sqrt((a * a).sum()))
    worst = 1.0
    for other in maps[1:]:
        o = other[y0:y1, x0:x1]
        if na < 1e-6 or o.shape != ref.shape:
            continue
        res = cv2.matchTemplate(np.ascontiguousarray(o, np.float32),
                                np.ascontiguousarray(inner, np.float32), cv2.TM_CCOEFF_NORMED)
        worst = min(worst, float(res.max()) if res.size else 0.0)
    return worst


def hysteresis(weak: Bool, strong: Bool, *, close_mm: tuple[float, float],
               min_strong: int = 12, near_mm: float = 1.0) -> Bool:
    """``weak`` pixels in groups (gaps of ``close_mm`` joined) that hold at least
    ``min_strong`` ``strong`` pixels, within ``near_mm`` of one: light parts of a print
    kept with its dark parts, without starting a group of their own."""
    kx, ky = _odd(px(close_mm[0])), _odd(px(close_mm[1]))
    joined = cv2.morphologyEx((weak | strong).astype(np.uint8), cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_RECT, (kx, ky)))
    n, labels = cv2.connectedComponents(joined, connectivity=8)
    counts = np.bincount(labels[strong], minlength=n)
    seeded = counts >= min_strong  # a print's dark part, not a stray dark speck
    seeded[0] = False
    near = cv2.dilate(strong.astype(np.uint8), cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (_odd(px(near_mm)),) * 2)) > 0
    return np.asarray(seeded[labels] & (strong | (weak & near)), bool)


def interior(shape: tuple[int, int]) -> Bool:
    """The page without its border band (:data:`BORDER_MM`)."""
    h, w = shape
    b = round(px(BORDER_MM))
    out = np.zeros(shape, bool)
    out[b:h - b, b:w - b] = True
    c = round(px(CORNER_MM))  # rounded corners (ICAO: radius up to 3.18 mm) show the platen
    for rows in (slice(0, c), slice(h - c, h)):
        for cols in (slice(0, c), slice(w - c, w)):
            out[rows, cols] = False
    return out


def components(mask: Bool, *, close_mm: tuple[float, float], min_px: int
               ) -> list[tuple[int, int, int, int, Bool]]:
    """Connected groups of ``mask`` after closing gaps of ``close_mm`` (width, height):
    ``(x, y, w, h, pixels)`` per group of at least ``min_px`` marked pixels (``pixels``
    the group's own marked pixels, full-size)."""
    kx, ky = _odd(px(close_mm[0])), _odd(px(close_mm[1]))
    joined = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_RECT, (kx, ky)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, _area = (int(v) for v in stats[i])
        own = (labels == i) & mask
        if int(own.sum()) >= min_px:
            out.append((x, y, w, h, own))
    return out


def largest_rectangle(free: Bool) -> tuple[int, int, int, int]:
    """The largest axis-aligned rectangle of ``True`` cells: ``(x, y, w, h)``
    (all 0 when none)."""
    h, w = free.shape
    heights = np.zeros(w + 1, np.int64)
    best = (0, 0, 0, 0)
    best_area = 0
    for r in range(h):
        row = free[r]
        heights[:w] = np.where(row, heights[:w] + 1, 0)
        stack: list[int] = []
        for c in range(w + 1):
            while stack and heights[stack[-1]] >= heights[c]:
                top = stack.pop()
                height = int(heights[top])
                left = stack[-1] + 1 if stack else 0
                area = height * (c - left)
                if area > best_area:
                    best_area = area
                    best = (left, r - height + 1, c - left, height)
            stack.append(c)
    return best
