"""Print sharpness: the fine-line energy of a print and the capture's focus (issue 17).

``fine_detail`` (:mod:`workstation.examination.zone_measures`) compares how much of a
zone's print energy lies in its finest structure (the band :data:`BAND_SIGMAS_PX`
between its first two blurs) against the next coarser one, in a capture and in its
specimen. A scan-and-reprint changes that balance (toner screens, lost fine lines), but
so does a genuine capture's focus: readers' captures of one document type differ by a
blur of 0.2-0.7 px at the work density, which moves the ratio by a factor of two — more
than a reprint does. So the capture's own sharpness is measured first, on the print
every capture of the type carries (the specimen's fixed design, on its edges:
:func:`edge_weight`), as the Gaussian blur that brings the sharper of capture and
specimen to the other's sharpness (:func:`relative_blur`); the zones' fine detail is
then compared at equal sharpness (:func:`fine_detail`), and what is left is the print's
own structure.

Both are read in one band, an octave above the sensor's pixel: a reader's noise and its
JPEG encoding live at the pixel (and, for the focus, in the flat print). Read there
(blurs 0.3, 1.2 and 4.7 px at 200 dpi, up to 2026-12) they outweighed a defocus of half
a pixel: family 2's card front, whose only fixed print outside the samples is a solid
shield, had genuine JPEG captures 0.4-0.6 px softer than its specimen taken for as
sharp or sharper, and their samples' fine detail failed ``white.match`` (3 of 48).

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

#: The largest relative blur searched (px at the work density).
MAX_BLUR_PX = 3.0
#: Print energy (sum of squared grey levels over the coarse band) the shared print
#: must carry before its sharpness is trusted; below it the blur is taken as 0.
MIN_SHARED_ENERGY = 1e4
#: The band edges' blurs (px at the work density) of the fine and the coarse band, of
#: the focus (:func:`relative_blur`) and of the fine detail (:func:`fine_detail`): an
#: octave above the pixel, where a reader's noise and JPEG blocks do not reach.
BAND_SIGMAS_PX = (0.7, 1.4, 2.8)
#: Farthest (mm) the capture's print is looked for about where registration put it
#: before its sharpness is read (:func:`_aligned_crops`): a homography fitted to the
#: whole page leaves a corner of a page that warps up to a millimetre off.
ALIGN_REACH_MM = 1.5
#: Edge pixels (:func:`edge_weight`): smoothing (px) and share of the strong edges'
#: gradient (its 99th percentile) a pixel must reach.
EDGE_SMOOTH_PX = 1.5
EDGE_SHARE = 0.3


def band_energies(grey: Float, blur_px: float = 0.0, weight: Float | None = None
                  ) -> tuple[float, float]:
    """``(fine, coarse)``: the summed squared grey levels of ``grey`` (``(H, W)``
    float32) in the fine and the coarse band (:data:`BAND_SIGMAS_PX`), after a further
    Gaussian blur of ``blur_px``; over the pixels ``weight`` (``(H, W)``) weighs, or
    all."""
    t2 = max(0.0, blur_px) ** 2
    s0, s1, s2 = (math.sqrt(s * s + t2) for s in BAND_SIGMAS_PX)
    a = cv2.GaussianBlur(grey, (0, 0), s0)
    b = cv2.GaussianBlur(grey, (0, 0), s1)
    c = cv2.GaussianBlur(grey, (0, 0), s2)
    fine, coarse = (a - b) ** 2, (b - c) ** 2
    if weight is not None:
        fine, coarse = fine * weight, coarse * weight
    return float(np.sum(fine)), float(np.sum(coarse))


def detail_ratio(img: Image, blur_px: float = 0.0) -> float:
    """Fine-band over coarse-band energy of ``img`` (at the work density: the bands are
    at its pixel scale, :data:`BAND_SIGMAS_PX`) after a further blur of ``blur_px``
    (px)."""
    fine, coarse = band_energies(luminance(img), blur_px)
    return fine / max(1e-6, coarse)


def fine_detail(q: Image, s: Image, *, blur_px: float = 0.0) -> float:
    """The questioned crop's fine detail over the specimen's (``q``, ``s`` of one zone)
    at equal sharpness: ``blur_px`` > 0 blurs ``q`` by that much first (the capture is
    sharper than the specimen), < 0 blurs ``s`` (:func:`relative_blur`)."""
    return (detail_ratio(q, max(0.0, blur_px))
            / max(1e-6, detail_ratio(s, max(0.0, -blur_px))))


def _aligned_crops(q: Image, s: Image, rects_mm: Sequence[RectMM], px_per_mm: float
                   ) -> tuple[list[Float], list[Float]]:
    """The luminance ``(h, w)`` float32 of each of ``rects_mm`` in the specimen's page
    ``s`` and of the same print in the capture's ``q`` (one shape): where it lies in the
    capture, within :data:`ALIGN_REACH_MM` of where registration put it (the best
    normalised correlation). The sharpness is read on the specimen's print edges in
    both: a capture a few pixels off there would be read on the flat print beside
    them, and taken for blurred (family-2 passport seed 1009: its corner's emblem 0.76
    mm off, a 1.1 px blur found where there is 0.3 px)."""
    qs: list[Float] = []
    ss: list[Float] = []
    m = max(1, round(ALIGN_REACH_MM * px_per_mm))
    H, W = q.shape[:2]
    qg = luminance(q)
    for x, y, w, h in rects_mm:
        sc = crop_mm(s, (x, y, w, h), px_per_mm, min_px=8)
        if sc is None:
            continue
        r0, c0 = max(0, round(y * px_per_mm)), max(0, round(x * px_per_mm))
        r1, c1 = r0 + sc.shape[0], c0 + sc.shape[1]
        sg = luminance(sc)
        a0, a1 = max(0, r0 - m), min(H, r1 + m)
        b0, b1 = max(0, c0 - m), min(W, c1 + m)
        dy, dx = 0, 0
        if float(sg.std()) > 1e-3:
            res = cv2.matchTemplate(np.ascontiguousarray(qg[a0:a1, b0:b1]), sg,
                                    cv2.TM_CCOEFF_NORMED)
            iy, ix = (int(v) for v in np.unravel_index(int(np.argmax(res)), res.shape))
            dy, dx = a0 + iy - r0, b0 + ix - c0
        qs.append(np.ascontiguousarray(qg[r0 + dy:r1 + dy, c0 + dx:c1 + dx]))
        ss.append(sg)
    return qs, ss


def edge_weight(grey: Float) -> Float:
    """``(H, W)`` float32 0/1: the pixels of ``grey`` on its print's edges (gradient,
    after a blur of :data:`EDGE_SMOOTH_PX`, at least :data:`EDGE_SHARE` of its 99th
    percentile) — where a defocus shows and a flat print's noise does not."""
    g = cv2.GaussianBlur(grey, (0, 0), EDGE_SMOOTH_PX)
    mag = np.hypot(cv2.Sobel(g, cv2.CV_32F, 1, 0), cv2.Sobel(g, cv2.CV_32F, 0, 1))
    top = float(np.percentile(mag, 99))
    return np.asarray(mag > EDGE_SHARE * top, np.float32) if top > 0 else np.zeros_like(grey)


def _focus_ratio(crops: Sequence[tuple[Float, Float]], blur_px: float) -> float:
    """Fine over coarse band energy of ``(grey, weight)`` crops after a further blur of
    ``blur_px``."""
    fine = coarse = 0.0
    for g, w in crops:
        f, c = band_energies(g, blur_px, w)
        fine, coarse = fine + f, coarse + c
    return fine / max(1e-6, coarse)


def relative_blur(q_white: Image, s_white: Image, rects_mm: Sequence[RectMM], *,
                  px_per_mm: float, valid: npt.NDArray[np.bool_] | None = None) -> float:
    """The Gaussian blur (px) that brings the sharper of a registered capture's white
    image ``q_white`` and its specimen's ``s_white`` (the whole pages, one shape) to the
    other's sharpness, measured on the print both carry: ``rects_mm``, the specimen's
    fixed-design zones (not the holder's), each where it lies in the capture
    (:func:`_aligned_crops`). Positive: the capture is sharper (blur it
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
    qs, ss = _aligned_crops(q_white, s_white, rects, px_per_mm)
    if not qs or sum(band_energies(g)[1] for g in ss) < MIN_SHARED_ENERGY:
        return 0.0
    # the same pixels of both: the specimen's print edges
    weights = [edge_weight(g) for g in ss]
    qw, sw = list(zip(qs, weights, strict=True)), list(zip(ss, weights, strict=True))
    dq, ds = _focus_ratio(qw, 0.0), _focus_ratio(sw, 0.0)
    sharper, target, sign = (qw, ds, 1.0) if dq > ds else (sw, dq, -1.0)
    lo, hi = 0.0, MAX_BLUR_PX
    if _focus_ratio(sharper, hi) > target:
        return sign * hi
    for _ in range(14):  # bisection: the ratio falls as the blur grows
        mid = 0.5 * (lo + hi)
        if _focus_ratio(sharper, mid) > target:
            lo = mid
        else:
            hi = mid
    return sign * 0.5 * (lo + hi)
