"""A page of known size fitted to its faint edges (a page on a platen of its own colour).

When the page finder sees no clear outline — a cream page on a light, non-glowing
platen — but the capture's density is known, the page's size is one of a few ICAO /
ISO sizes. :func:`fit_known_size` turns the image upright by the print's rotation and
slides a rectangle of each size over it, scoring how much the image changes across
the rectangle's four sides (the paper's edge and its shadow), summed along their
whole length so that an edge far too faint to see anywhere adds up; the rectangle
must hold all the print. Cumulative sums make every position cost O(1).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from workstation.imaging.page_edges import dominant_angle
from workstation.types import Image

#: Working density (px per mm) of the fit.
FIT_PX_PER_MM = 4.0
#: The best rectangle's edge score must exceed the median score of the positions
#: allowed by this factor (a clear peak), else no fit.
MIN_PEAK_RATIO = 1.4
#: Turns (degrees) around the print's rotation tried for the page's edges: the print's
#: rotation is good to about a degree (its lines are short or curved on some pages).
REFINE_DEG = (-1.5, -1.2, -0.9, -0.6, -0.3, 0.3, 0.6, 0.9, 1.2, 1.5)
#: Print may reach this close (mm) to the page's edge.
PRINT_SLACK_MM = 1.5


@dataclass(frozen=True)
class KnownSizeFit:
    """A fitted page: corners (TL, TR, BR, BL, input px), the size used and the peak."""

    corners: npt.NDArray[np.float64]
    size_mm: tuple[float, float]
    peak_ratio: float


def _box_mean(img: npt.NDArray[np.float32], kw: int, kh: int) -> npt.NDArray[np.float32]:
    """Mean of ``img`` over the ``kh`` x ``kw`` box whose top-left is at each pixel
    (zero where the box leaves the image)."""
    h, w = img.shape
    ii = cv2.integral(img.astype(np.float64))
    out = np.zeros((h, w), np.float32)
    if kh > h or kw > w:
        return out
    s = ii[kh:, kw:] - ii[:-kh, kw:] - ii[kh:, :-kw] + ii[:-kh, :-kw]
    out[:h - kh + 1, :w - kw + 1] = (s / (kw * kh)).astype(np.float32)
    return out


def fit_known_size(image: Image, *, dpi: float,
                   sizes_mm: Sequence[tuple[float, float]]) -> KnownSizeFit | None:
    """Fit a page of one of ``sizes_mm`` (width, height; either orientation) to
    ``image`` (``uint8`` RGB or grey, at ``dpi``). ``None`` when no rectangle of
    those sizes holding all the print stands out, or when the page would not fit
    in the image (a cropped or partly outside page: the outline finder's case)."""
    if dpi <= 0:
        return None
    h, w = image.shape[:2]
    scale = min(1.0, FIT_PX_PER_MM / (dpi / 25.4))
    sw, sh = max(16, round(w * scale)), max(16, round(h * scale))
    small = cv2.resize(image, (sw, sh), interpolation=cv2.INTER_AREA)
    grey = (small.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
            if small.ndim == 3 else small.astype(np.float32))
    grey = np.asarray(cv2.GaussianBlur(grey, (0, 0), 0.8), np.float32)
    gx = np.abs(cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3))
    gy = np.abs(cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3))
    mag = np.sqrt(gx * gx + gy * gy)
    # Print: the strongest changes in the image (text, portrait, patterns).
    thr = max(12.0, float(np.percentile(mag, 97)))
    printed = (mag > thr).astype(np.float32)
    if printed.sum() < 50:
        return None
    angle0 = dominant_angle(grey, printed)
    px_mm = scale * dpi / 25.4
    found = _scan(grey, printed, angle0, px_mm, sizes_mm)
    if found is None:
        return None
    # The print's rotation is good to about a degree: the edges settle it.
    size = (found[4], found[5])
    for da in REFINE_DEG:
        other = _scan(grey, printed, angle0 + da, px_mm, [size])
        if other is not None and other[0] > found[0]:
            found = other
    coarse = found[2]
    for da in (-0.2, -0.1, 0.1, 0.2):
        other = _scan(grey, printed, coarse + da, px_mm, [size])
        if other is not None and other[0] > found[0]:
            found = other
    _, ratio, angle, x, pw_mm, ph_mm, y = found
    pw, ph = round(pw_mm * px_mm), round(ph_mm * px_mm)
    rot = cv2.getRotationMatrix2D((sw / 2, sh / 2), angle, 1.0)
    box = np.array([[x, y], [x + pw, y], [x + pw, y + ph], [x, y + ph]], np.float64)
    inv = cv2.invertAffineTransform(rot)
    back = cv2.transform(box[None, :, :], inv)[0].astype(np.float64) / scale
    best = KnownSizeFit(corners=back, size_mm=(pw_mm, ph_mm), peak_ratio=ratio)
    if best.peak_ratio < MIN_PEAK_RATIO:
        return None
    return best


def _scan(grey: npt.NDArray[np.float32], printed: npt.NDArray[np.float32], angle: float,
          px_mm: float, sizes_mm: Sequence[tuple[float, float]]
          ) -> tuple[float, float, float, int, float, float, int] | None:
    """The best rectangle of ``sizes_mm`` holding the print with the image turned by
    ``angle``: ``(edge score, peak ratio, angle, x, width mm, height mm, y)``."""
    sh, sw = grey.shape
    rot = cv2.getRotationMatrix2D((sw / 2, sh / 2), angle, 1.0)
    up = np.asarray(cv2.warpAffine(grey, rot, (sw, sh), flags=cv2.INTER_LINEAR,
                                   borderMode=cv2.BORDER_REPLICATE), np.float32)
    inside = cv2.warpAffine(np.ones((sh, sw), np.uint8), rot, (sw, sh),
                            flags=cv2.INTER_NEAREST) > 0
    pr = cv2.warpAffine(printed, rot, (sw, sh), flags=cv2.INTER_NEAREST) > 0
    pr &= cv2.erode(inside.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    ys, xs = np.nonzero(pr)
    if len(xs) < 50:
        return None
    bx0, bx1 = float(np.percentile(xs, 2)), float(np.percentile(xs, 98))
    by0, by1 = float(np.percentile(ys, 2)), float(np.percentile(ys, 98))
    ex = np.abs(cv2.Sobel(up, cv2.CV_32F, 1, 0, ksize=3))
    ey = np.abs(cv2.Sobel(up, cv2.CV_32F, 0, 1, ksize=3))
    # An edge is a change across the side, not print: cap each pixel's contribution
    # so that print crossing a candidate side cannot outweigh a whole faint edge.
    cap = float(np.percentile(np.concatenate([ex[inside], ey[inside]]), 90)) + 1e-3
    ex, ey = np.minimum(ex, cap), np.minimum(ey, cap)
    slack = PRINT_SLACK_MM * px_mm
    best: tuple[float, float, float, int, float, float, int] | None = None
    for wm, hm in sizes_mm:
        for pw_mm, ph_mm in ((wm, hm), (hm, wm)):
            pw, ph = round(pw_mm * px_mm), round(ph_mm * px_mm)
            if pw + 2 > sw or ph + 2 > sh:
                continue
            horiz = _box_mean(ey, pw, 1)  # top side starting at (y, x)
            vert = _box_mean(ex, 1, ph)  # left side starting at (y, x)
            ny, nx = sh - ph, sw - pw
            score = (horiz[:ny, :nx] + horiz[ph:ph + ny, :nx]
                     + vert[:ny, :nx] + vert[:ny, pw:pw + nx]) / 4.0
            yy, xx = np.mgrid[0:ny, 0:nx]
            ok = ((xx <= bx0 + slack) & (xx + pw >= bx1 - slack)
                  & (yy <= by0 + slack) & (yy + ph >= by1 - slack))
            # the whole rectangle inside the image
            ok &= (inside[:ny, :nx] & inside[:ny, pw:pw + nx]
                   & inside[ph:ph + ny, :nx] & inside[ph:ph + ny, pw:pw + nx])
            if not ok.any():
                continue
            i = int(np.argmax(np.where(ok, score, -1.0)))
            y, x = divmod(i, nx)
            peak = float(score[y, x])
            # contrast: the same rectangle 2 mm or more away, in any direction
            far = ok & ((np.abs(yy - y) >= 2 * px_mm) | (np.abs(xx - x) >= 2 * px_mm))
            ref = float(np.median(score[far])) if far.any() else float(np.median(score[ok]))
            ratio = peak / max(1e-6, ref)
            if os.environ.get("PAGEFIT_DEBUG"):
                print("  size", pw_mm, ph_mm, "peak", peak, "ratio", ratio, "angle", angle)
            if best is None or peak > best[0]:
                best = (peak, ratio, angle, x, pw_mm, ph_mm, y)
    return best
