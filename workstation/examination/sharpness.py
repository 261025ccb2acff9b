"""Print sharpness: the fine-line energy of a print and the capture's focus (issue 17).

``fine_detail`` (:mod:`workstation.examination.zone_measures`) compares how much of a
zone's print energy lies in fine lines (up to :data:`FINE_MM`) against coarser
structure (:data:`FINE_MM` to :data:`COARSE_MM`) in a capture and in its specimen. A
scan-and-reprint changes that balance (toner dots, lost fine lines), but so does a
genuine capture's focus: readers' captures of one document type differ by a blur of
0.2-0.7 px at the work density, which moves the ratio by a factor of two — more than a
reprint does. So the capture's own sharpness is measured first, on the print every
capture of the type carries (the specimen's fixed design), as the Gaussian blur that
brings the sharper of capture and specimen to the other's sharpness
(:func:`relative_blur`); the zones' fine detail is then compared at equal sharpness
(:func:`fine_detail`), and what is left is the print's own structure.

Images are ``uint8`` RGB ``(H, W, 3)`` or grey ``(H, W)`` at ``px_per_mm``; blurs are
Gaussian sigmas in pixels at that density; rectangles ``(x, y, w, h)`` in mm.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination.measures import crop_mm, luminance
from workstation.types import Image, RectMM

Float = npt.NDArray[np.float32]

#: Fine print structure: up to this period (mm).
FINE_MM = 0.3
#: Coarse print structure: from :data:`FINE_MM` to this period (mm).
COARSE_MM = 1.2
#: The finest blur of the band edges (px): below it is the sensor's own pixel.
_MIN_SIGMA = 0.3
#: The largest relative blur searched (px at the work density).
MAX_BLUR_PX = 3.0
#: Print energy (sum of squared grey levels over the coarse band) the shared print
#: must carry before its sharpness is trusted; below it the blur is taken as 0.
MIN_SHARED_ENERGY = 1e4


def _sigmas(px_per_mm: float) -> tuple[float, float, float]:
    """The band edges' blurs (px): fine, middle, coarse."""
    return (_MIN_SIGMA, max(2 * _MIN_SIGMA, FINE_MM * px_per_mm / 2),
            max(2 * _MIN_SIGMA, COARSE_MM * px_per_mm / 2))


def band_energies(grey: Float, px_per_mm: float, blur_px: float = 0.0) -> tuple[float, float]:
    """``(fine, coarse)``: the summed squared grey levels of ``grey`` (``(H, W)``
    float32) in the fine and the coarse band, after a further Gaussian blur of
    ``blur_px``."""
    t2 = max(0.0, blur_px) ** 2
    s0, s1, s2 = (math.sqrt(s * s + t2) for s in _sigmas(px_per_mm))
    a = cv2.GaussianBlur(grey, (0, 0), s0)
    b = cv2.GaussianBlur(grey, (0, 0), s1)
    c = cv2.GaussianBlur(grey, (0, 0), s2)
    return float(np.sum((a - b) ** 2)), float(np.sum((b - c) ** 2))


def detail_ratio(img: Image, px_per_mm: float, blur_px: float = 0.0) -> float:
    """Fine-band over coarse-band energy of ``img`` after a further blur of
    ``blur_px`` (px)."""
    fine, coarse = band_energies(luminance(img), px_per_mm, blur_px)
    return fine / max(1e-6, coarse)


def fine_detail(q: Image, s: Image, *, px_per_mm: float, blur_px: float = 0.0) -> float:
    """The questioned crop's fine detail over the specimen's (``q``, ``s`` of one zone)
    at equal sharpness: ``blur_px`` > 0 blurs ``q`` by that much first (the capture is
    sharper than the specimen), < 0 blurs ``s`` (:func:`relative_blur`)."""
    return (detail_ratio(q, px_per_mm, max(0.0, blur_px))
            / max(1e-6, detail_ratio(s, px_per_mm, max(0.0, -blur_px))))


def _crops(img: Image, rects_mm: Sequence[RectMM], px_per_mm: float) -> list[Float]:
    crops = (crop_mm(img, r, px_per_mm, min_px=8) for r in rects_mm)
    return [luminance(c) for c in crops if c is not None]


def _ratio(crops: Sequence[Float], px_per_mm: float, blur_px: float) -> float:
    fine = coarse = 0.0
    for g in crops:
        f, c = band_energies(g, px_per_mm, blur_px)
        fine, coarse = fine + f, coarse + c
    return fine / max(1e-6, coarse)


def relative_blur(q_white: Image, s_white: Image, rects_mm: Sequence[RectMM], *,
                  px_per_mm: float, valid: npt.NDArray[np.bool_] | None = None) -> float:
    """The Gaussian blur (px) that brings the sharper of a registered capture's white
    image ``q_white`` and its specimen's ``s_white`` (the whole pages, one shape) to the
    other's sharpness, measured on the print both carry: ``rects_mm``, the specimen's
    fixed-design zones (not the holder's). Positive: the capture is sharper (blur it
    by that much); negative: the specimen is. 0 when they share too little print.
    ``valid`` (``(H, W)`` bool) marks what the capture shows: rectangles it does not
    show entirely are left out."""
    if q_white.shape[:2] != s_white.shape[:2]:
        raise ValueError("capture and specimen pages differ in size")
    rects = list(rects_mm)
    if valid is not None:
        mask = valid.astype(np.uint8)
        shown = []
        for r in rects:
            v = crop_mm(mask, r, px_per_mm, min_px=8)
            if v is not None and int(v.min()) > 0:
                shown.append(r)
        rects = shown
    qs, ss = _crops(q_white, rects, px_per_mm), _crops(s_white, rects, px_per_mm)
    if not qs or sum(band_energies(g, px_per_mm)[1] for g in ss) < MIN_SHARED_ENERGY:
        return 0.0
    dq, ds = _ratio(qs, px_per_mm, 0.0), _ratio(ss, px_per_mm, 0.0)
    sharper, target, sign = (qs, ds, 1.0) if dq > ds else (ss, dq, -1.0)
    lo, hi = 0.0, MAX_BLUR_PX
    if _ratio(sharper, px_per_mm, hi) > target:
        return sign * hi
    for _ in range(14):  # bisection: the ratio falls as the blur grows
        mid = 0.5 * (lo + hi)
        if _ratio(sharper, px_per_mm, mid) > target:
            lo = mid
        else:
            hi = mid
    return sign * 0.5 * (lo + hi)
