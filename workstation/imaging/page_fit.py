"""A page of known size fitted to its faint edges (a page on a platen of its own colour).

When the page finder sees no clear outline — a cream page on a light, non-glowing
platen — but the capture's density is known, the page's size is one of a few ICAO /
ISO sizes. :func:`fit_known_size` turns the image upright by the print's rotation and
slides a rectangle of each size over it, scoring how much the image changes across
the rectangle's four sides (the paper's edge and its shadow), summed along their
whole length so that an edge far too faint to see anywhere adds up; the rectangle
must hold all the print. Cumulative sums make every position cost O(1). The rectangle
may go on beyond the image on one side, but only where the image does not show the
page's edge inside that border (a reader's crop with a thin margin of platen).
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
#: Farthest (degrees) the page's edges may turn it from the print's rotation, followed
#: past :data:`REFINE_DEG` one step at a time while the edges fit better.
MAX_PRINT_ANGLE_ERROR_DEG = 10.0
#: A side of a page partly outside the image counts when this fraction of its length
#: lies in the image; the page may have one side that does not (three sides hold it:
#: the side opposite the one outside places it, the two across it turn it).
SIDE_SEEN_FRACTION = 0.75
#: Print may reach this close (mm) to the page's edge.
PRINT_SLACK_MM = 1.5
#: How far apart (mm) two positions of a side are two different lines (the page's edge
#: and its shadow are good to about a millimetre).
APART_MM = 2.0
#: Fewest positions 2 mm or more from the best that make its contrast reference;
#: with fewer the image is hardly larger than the page (see :func:`_inner_reference`).
MIN_FAR_POSITIONS = 16


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
    ``image`` (``uint8`` RGB or grey, at ``dpi``). The rectangle may go on beyond the
    image on one side (a page partly outside: its other three sides place it), as far
    as it still holds all the print, unless the image shows an edge where that side
    could lie inside it (:func:`_edge_in_view`: the fit is then made again with that
    side in the image). ``None`` when no rectangle of those sizes stands
    out: its edges not clearly stronger than the same rectangle moved 2 mm or more
    away, or, in an image hardly larger than the page, than lines 2..5 mm inside it."""
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
    # A side may lie beyond the image only where the image does not show the page's
    # edge inside it (see _edge_in_view): the fit is made again with such a side held
    # in the image.
    keep_in: frozenset[int] = frozenset()
    while True:
        found = _search(grey, printed, angle0, px_mm, sizes_mm, keep_in)
        if found is None:
            return None
        if found[7] < 0 or found[7] in keep_in:
            break
        keep_in = keep_in | {found[7]}
    _, ratio, angle, x, pw_mm, ph_mm, y, _ = found
    pw, ph = round(pw_mm * px_mm), round(ph_mm * px_mm)
    rot = cv2.getRotationMatrix2D((sw / 2, sh / 2), angle, 1.0)
    box = np.array([[x, y], [x + pw, y], [x + pw, y + ph], [x, y + ph]], np.float64)
    inv = cv2.invertAffineTransform(rot)
    back = cv2.transform(box[None, :, :], inv)[0].astype(np.float64) / scale
    best = KnownSizeFit(corners=back, size_mm=(pw_mm, ph_mm), peak_ratio=ratio)
    if best.peak_ratio < MIN_PEAK_RATIO:
        return None
    return best


_Found = tuple[float, float, float, int, float, float, int, int]
"""A rectangle found by :func:`_scan`: ``(edge score, peak ratio, angle, x, width mm,
height mm, y, side)``; ``side`` (0..3: top, bottom, left, right) lies beyond the image
where the image shows an edge (see :func:`_edge_in_view`), else -1."""


def _search(grey: npt.NDArray[np.float32], printed: npt.NDArray[np.float32], angle0: float,
            px_mm: float, sizes_mm: Sequence[tuple[float, float]],
            keep_in: frozenset[int]) -> _Found | None:
    """The best rectangle of ``sizes_mm`` around the print's rotation ``angle0``
    (degrees), turned as its edges fit best; the sides ``keep_in`` lie in the image."""
    found = _scan(grey, printed, angle0, px_mm, sizes_mm, keep_in)
    if found is None:
        return None
    # The print's rotation is good to about a degree: the edges settle it.
    size = (found[4], found[5])
    for da in REFINE_DEG:
        other = _scan(grey, printed, angle0 + da, px_mm, [size], keep_in)
        if other is not None and other[0] > found[0]:
            found = other
    # A best turn at the end of that range: the print misled (a guilloche's many
    # directions, a card's round rosette); the edges go on improving further out.
    step = REFINE_DEG[-1] - REFINE_DEG[-2]
    for sign in (-1.0, 1.0):
        if abs(found[2] - (angle0 + sign * REFINE_DEG[-1])) > 1e-6:
            continue
        turn = found[2] + sign * step
        while abs(turn - angle0) <= MAX_PRINT_ANGLE_ERROR_DEG:
            other = _scan(grey, printed, turn, px_mm, [size], keep_in)
            if other is None or other[0] <= found[0]:
                break
            found, turn = other, turn + sign * step
    coarse = found[2]
    for da in (-0.2, -0.1, 0.1, 0.2):
        other = _scan(grey, printed, coarse + da, px_mm, [size], keep_in)
        if other is not None and other[0] > found[0]:
            found = other
    return found


def _inner_reference(horiz: npt.NDArray[np.float32], vert: npt.NDArray[np.float32], x: int,
                     y: int, pw: int, ph: int, px_mm: float) -> float:
    """The edge score of the rectangle ``(x, y, pw, ph)`` (px) with each side moved 2..5 mm
    inward (the sides then lie on the page's paper and print): the median over those
    insets. ``horiz``/``vert`` are the mean changes across a horizontal/vertical line of
    the rectangle's width/height starting at each pixel."""
    vals = []
    for d in range(round(2 * px_mm), round(5 * px_mm) + 1):
        if 2 * d >= min(pw, ph):
            break
        vals.append((float(horiz[y + d, x]) + float(horiz[y + ph - d, x])
                     + float(vert[y, x + d]) + float(vert[y, x + pw - d])) / 4.0)
    return float(np.median(vals)) if vals else 0.0


def _edge_in_view(lines: Sequence[npt.NDArray[np.float32]], seen: Sequence[npt.NDArray[np.bool_]],
                  ok: npt.NDArray[np.bool_], y: int, x: int, apart: int) -> int | None:
    """The side of the rectangle placed at ``(y, x)`` that lies beyond the image although
    the image shows an edge where that side could be, else ``None``.

    A page runs beyond the image on a side only when the image's strip along that border
    is the page. So the rectangle is moved along that side's normal, across the strip, as
    far as it still holds the print with all four sides in the image; when the side then
    meets a line as strong as the weakest side the rectangle has in view, the page's edge
    is in the image (a reader's crop with a thin platen margin) and the side does not lie
    beyond it. A line closer than ``apart`` px is the side's own edge partly in view (a
    page with a corner just outside the image).

    Args:
        lines: per side (0..3: top, bottom, left, right) the mean change across that
            side of the rectangle placed at each position, ``(ny, nx)``.
        seen: per side, whether it lies in the image at each position, ``(ny, nx)``.
        ok: whether the rectangle placed there holds the print, ``(ny, nx)``.
        y, x: the rectangle's position (px, indices into those maps).
        apart: least distance (px) of a line from the side to be another line.

    Returns:
        The side's index (0..3), or ``None``.
    """
    out = [k for k in range(4) if not seen[k][y, x]]
    if len(out) != 1:
        return None
    k = out[0]
    weakest = min(float(lines[j][y, x]) for j in range(4) if j != k)
    whole = np.all(np.stack(seen), axis=0) & ok
    if k < 2:  # top, bottom: the rectangle moved up or down
        along = whole[:, x] & (np.abs(np.arange(whole.shape[0]) - y) >= apart)
        vals = lines[k][:, x][along]
    else:  # left, right: moved sideways
        along = whole[y, :] & (np.abs(np.arange(whole.shape[1]) - x) >= apart)
        vals = lines[k][y, :][along]
    return k if vals.size and float(vals.max()) >= weakest else None


def _scan(grey: npt.NDArray[np.float32], printed: npt.NDArray[np.float32], angle: float,
          px_mm: float, sizes_mm: Sequence[tuple[float, float]],
          keep_in: frozenset[int] = frozenset()) -> _Found | None:
    """The best rectangle of ``sizes_mm`` holding the print with the image turned by
    ``angle`` (degrees), its sides ``keep_in`` (0..3: top, bottom, left, right) in the
    image (see :data:`_Found`)."""
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
    best: _Found | None = None
    for wm, hm in sizes_mm:
        for pw_mm, ph_mm in ((wm, hm), (hm, wm)):
            pw, ph = round(pw_mm * px_mm), round(ph_mm * px_mm)
            # a page may go on beyond the image as far as the print lets it (the
            # rectangle holds all the print): the maps are padded by that much
            padx = max(0, int(np.ceil(pw + slack - (bx1 - bx0)))) + 1
            pady = max(0, int(np.ceil(ph + slack - (by1 - by0)))) + 1
            if pw > sw + 2 * padx or ph > sh + 2 * pady:
                continue
            pad = ((pady, pady), (padx, padx))
            vis = np.pad(inside.astype(np.float32), pad)
            hs, hc = _box_mean(np.pad(ey, pad), pw, 1), _box_mean(vis, pw, 1)
            vs, vc = _box_mean(np.pad(ex, pad), 1, ph), _box_mean(vis, 1, ph)
            # top / left side starting at (y, x): the mean over its visible part
            horiz = (hs / np.maximum(hc, 1e-6)).astype(np.float32)
            vert = (vs / np.maximum(vc, 1e-6)).astype(np.float32)
            ny, nx = sh + 2 * pady - ph, sw + 2 * padx - pw
            sides = [(horiz[:ny, :nx], hc[:ny, :nx]), (horiz[ph:ph + ny, :nx], hc[ph:ph + ny, :nx]),
                     (vert[:ny, :nx], vc[:ny, :nx]), (vert[:ny, pw:pw + nx], vc[:ny, pw:pw + nx])]
            # each side counts by its visible part; a side mostly beyond the border counts
            # not at all, and at most one may be left out (a page partly outside)
            seen = [c >= SIDE_SEEN_FRACTION for _, c in sides]
            n_seen = np.sum(seen, axis=0)
            score = (sum(np.where(k, m, 0.0) for (m, _), k in zip(sides, seen, strict=True))
                     / np.maximum(n_seen, 1)).astype(np.float32)
            yy, xx = np.mgrid[0:ny, 0:nx]
            xx, yy = xx - padx, yy - pady
            ok = ((xx <= bx0 + slack) & (xx + pw >= bx1 - slack)
                  & (yy <= by0 + slack) & (yy + ph >= by1 - slack))
            ok &= n_seen >= 3
            if not ok.any():
                continue
            for k in keep_in:
                ok &= seen[k]
            if not ok.any():
                continue
            i = int(np.argmax(np.where(ok, score, -1.0)))
            y, x = divmod(i, nx)
            peak = float(score[y, x])
            # contrast: the same rectangle 2 mm or more away, in any direction; in an
            # image hardly larger than the page (a reader's crop with a thin margin) there
            # is no such position: then the lines 2..5 mm inside its sides (the paper)
            far = ok & ((np.abs(yy - yy[y, x]) >= 2 * px_mm) | (np.abs(xx - xx[y, x]) >= 2 * px_mm))
            ref = (float(np.median(score[far])) if far.sum() >= MIN_FAR_POSITIONS
                   else _inner_reference(horiz, vert, x, y, pw, ph, px_mm))
            ratio = peak / max(1e-6, ref)
            if os.environ.get("PAGEFIT_DEBUG"):
                print("  size", pw_mm, ph_mm, "peak", peak, "ratio", ratio, "angle", angle,
                      "at", int(xx[y, x]), int(yy[y, x]), "sides", int(n_seen[y, x]))
            if best is None or peak > best[0]:
                shown = _edge_in_view([m for m, _ in sides], seen, ok, y, x,
                                      round(APART_MM * px_mm))
                best = (peak, ratio, angle, int(xx[y, x]), pw_mm, ph_mm, int(yy[y, x]),
                        -1 if shown is None else shown)
    return best
