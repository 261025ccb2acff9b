"""Helpers of the page finder: how unlike the platen each pixel is, the page's sides
fitted to that map, and sides cut off by the image border extended to a known
document size.

Pure functions on numpy arrays (row/column order; points are ``(x, y)``).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image

Float = npt.NDArray[np.float32]
Points = npt.NDArray[np.float64]

#: Floors of the platen model's spread per feature (L*, a*, b*, log structure), so
#: a perfectly flat synthetic platen does not make every speck "unlike the platen".
SPREAD_FLOOR = np.array([1.5, 1.2, 1.2, 0.12], np.float32)
#: ICAO 9303 / ISO 7810 document sizes (width, height) in mm: ID-1 (TD1), ID-2
#: (TD2), ID-3 (TD3, passport data page).
DOCUMENT_SIZES_MM: tuple[tuple[float, float], ...] = ((85.6, 53.98), (105.0, 74.0),
                                                      (125.0, 88.0))
SIDES = ("top", "right", "bottom", "left")
#: How far (fraction of the document's side) a page side cut by the image border may
#: have been placed beyond the page's edge (the side-match tolerance of
#: :mod:`workstation.imaging.page_size`).
CUT_SIDE_OVERSHOOT_FRACTION = 0.025


def features(small: Image, *, window_px: int, full: Image | None = None) -> Float:
    """Per pixel ``(L*, a*, b*, log(1 + local spread of L*))`` of an RGB or grey image,
    ``(H, W, 4)`` float32. The spread (over ``window_px``) tells a printed surface
    (a security background covers the whole page) from a smooth platen; given the
    ``full``-resolution image it is measured there over 5 px and reduced, so fine
    background lines that the reduced image blurs away still count."""
    if small.ndim == 2:
        small = np.ascontiguousarray(np.repeat(small[:, :, None], 3, axis=2))
    lab = cv2.cvtColor(small.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)
    if full is not None and full.shape[:2] != small.shape[:2]:
        g = (cv2.cvtColor(full, cv2.COLOR_RGB2GRAY) if full.ndim == 3 else full).astype(
            np.float32) * np.float32(100.0 / 255.0)
        spread = _local_spread(g, 5)
        spread = np.asarray(cv2.resize(spread, (small.shape[1], small.shape[0]),
                                       interpolation=cv2.INTER_AREA), np.float32)
    else:
        spread = _local_spread(np.ascontiguousarray(lab[:, :, 0]), window_px)
    tex = np.log1p(spread).astype(np.float32)
    return np.ascontiguousarray(np.dstack([lab, tex]), np.float32)


def _local_spread(grey: Float, window_px: int) -> Float:
    k = (window_px, window_px)
    mean = cv2.blur(grey, k)
    var = np.maximum(cv2.blur(grey * grey, k) - mean * mean, 0.0)
    return np.sqrt(var).astype(np.float32)


def border_ring(shape: tuple[int, int], width: int) -> npt.NDArray[np.bool_]:
    """True on a ring ``width`` px wide along the image border."""
    ring = np.zeros(shape, bool)
    ring[:width] = ring[-width:] = True
    ring[:, :width] = ring[:, -width:] = True
    return ring


def unlikeness(feats: Float, ring: npt.NDArray[np.bool_]) -> tuple[Float, Float, Float]:
    """How unlike the platen (modelled on ``ring``) every pixel is: the largest
    feature deviation in robust spreads. Returns ``(z, median, spread)``."""
    px = feats[ring]
    med = np.median(px, axis=0).astype(np.float32)
    mad = np.median(np.abs(px - med), axis=0).astype(np.float32) * np.float32(1.4826)
    spread = np.maximum(mad, SPREAD_FLOOR)
    z = np.max(np.abs(feats - med) / spread, axis=2).astype(np.float32)
    return np.asarray(cv2.GaussianBlur(z, (0, 0), 1.0), np.float32), med, spread


def intersect(lines: Sequence[tuple[Points, Points]]) -> Points | None:
    """Corners TL, TR, BR, BL of four lines (top, right, bottom, left)."""
    out = []
    for i in range(4):
        p1, d1 = lines[(i - 1) % 4]
        p2, d2 = lines[i]
        mat = np.array([d1, -d2]).T
        if abs(np.linalg.det(mat)) < 1e-6:
            return None
        t = np.linalg.solve(mat, p2 - p1)
        out.append(p1 + t[0] * d1)
    return np.asarray(out, np.float64)


def extend_to_size(corners: Points, cut: Sequence[bool], dpi: float,
                   sizes_mm: Sequence[tuple[float, float]] = DOCUMENT_SIZES_MM
                   ) -> tuple[Points, str]:
    """Move the sides cut off by the image border outward to a known document size.

    With exactly one of each opposite pair of sides cut, the complete dimension
    (in mm at ``dpi``) picks the document sizes whose matching side has that length
    (within 2 %) and whose other side is at least what is seen (less
    :data:`CUT_SIDE_OVERSHOOT_FRACTION` of it: the cut side, never seen, is placed where
    the page region meets the image border, which on a turned page can lie a little
    beyond the page's edge); the smallest such length is taken, and the cut side moved
    to it, outward or back. Returns the corners and a note (empty when nothing could be
    inferred).
    """
    c = corners.copy()
    px_mm = dpi / 25.4
    width_px = (np.linalg.norm(c[1] - c[0]) + np.linalg.norm(c[2] - c[3])) / 2
    height_px = (np.linalg.norm(c[3] - c[0]) + np.linalg.norm(c[2] - c[1])) / 2
    top, right, bottom, left = cut
    horizontal_cut, vertical_cut = (left or right), (top or bottom)
    if horizontal_cut and vertical_cut:
        return c, ""
    if not (horizontal_cut or vertical_cut):
        return c, ""
    known_mm = (height_px if horizontal_cut else width_px) / px_mm
    seen_mm = (width_px if horizontal_cut else height_px) / px_mm
    fits = []
    for w_mm, h_mm in sizes_mm:
        for a, b in ((w_mm, h_mm), (h_mm, w_mm)):
            want_known, want_cut = (b, a) if horizontal_cut else (a, b)
            if (abs(known_mm - want_known) <= 0.02 * want_known
                    and want_cut >= seen_mm - max(1.0, CUT_SIDE_OVERSHOOT_FRACTION * want_cut)):
                fits.append(want_cut)
    if not fits:
        return c, ""
    fits = [min(fits)]
    grow_px = (fits[0] - seen_mm) * px_mm
    # Each corner of the cut side is set along its own side, the side's length from the
    # opposite corner: the cut side, placed where the page meets the image border, runs
    # along the border, not across the page (on a turned page its two ends are cut at
    # different lengths).
    length = fits[0] * px_mm
    if horizontal_cut:  # the left or right side is cut: along the top and bottom sides
        pairs = ((0, 1), (3, 2)) if right else ((1, 0), (2, 3))
    else:  # the top or bottom side is cut: along the left and right sides
        pairs = ((0, 3), (1, 2)) if bottom else ((3, 0), (2, 1))
    moved = c.copy()
    for keep, end in pairs:
        d = c[end] - c[keep]
        moved[end] = c[keep] + d / max(1e-6, float(np.linalg.norm(d))) * length
    if float(np.abs(moved - c).max()) <= 0.5:
        return c, ""
    c = moved
    how = "extended" if grow_px > 0 else "drawn back"
    return c, f"{how} by {abs(grow_px) / px_mm:.1f} mm to a {fits[0]:g} mm side"


def dominant_angle(grey: Float, weight: Float) -> float:
    """The page's rotation (degrees, in (-45, 45]) from the orientation of its print:
    the gradient directions of ``grey`` folded modulo 90°, weighted by gradient
    strength times ``weight`` (e.g. how sure a pixel is on the page)."""
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3)
    mag = np.sqrt(gx * gx + gy * gy) * weight
    phi = np.arctan2(gy, gx)
    c = float(np.sum(mag * np.cos(4 * phi)))
    s = float(np.sum(mag * np.sin(4 * phi)))
    if abs(c) + abs(s) < 1e-6:
        return 0.0
    return float(np.degrees(np.arctan2(s, c) / 4.0))


def side_angle(direction: Points, side: str) -> float:
    """The page's rotation (degrees, :func:`dominant_angle`'s sense) that a fitted
    side along ``direction`` ``(dx, dy)`` shows (``side``: ``top``, ``right``,
    ``bottom`` or ``left``)."""
    dx, dy = float(direction[0]), float(direction[1])
    if side in ("top", "bottom"):
        if dx < 0:
            dx, dy = -dx, -dy
        return float(np.degrees(np.arctan2(dy, dx)))
    if dy < 0:
        dx, dy = -dx, -dy
    return float(-np.degrees(np.arctan2(dx, dy)))


def edges_angle(sides: Sequence[tuple[float, float]], *, agree_deg: float = 0.5
                ) -> float | None:
    """The page's rotation (degrees) its straight sides agree on: ``sides`` holds each
    straight side's angle (:func:`side_angle`) and scatter (px); the largest group
    of at least two sides within ``agree_deg`` of each other gives the mean of its
    angles (ties: the straighter group). ``None`` when no two sides agree."""
    best: tuple[int, float, float] | None = None
    for a, _ in sides:
        group = [(b, s) for b, s in sides if abs(b - a) <= agree_deg]
        if len(group) < 2:
            continue
        key = (len(group), -sum(s for _, s in group), float(np.mean([b for b, _ in group])))
        if best is None or key[:2] > best[:2]:
            best = key
    return None if best is None else best[2]


def outermost_rise(profile: Float, inner: int, outer: int, *, valid_to: int,
                   platen_level: float, fallback: float, k: float = 6.0
                   ) -> tuple[float, bool]:
    """A side of the page along ``profile`` (how unlike the platen each row or column
    is), searched from ``outer`` (on the platen) towards ``inner`` (inside the
    print): the first clear rise towards the inside (``k`` noise levels) with
    platen on its outer side (the profile there below ``platen_level``), refined
    to sub-pixel. When there is none the side is reported cut if
    ``outer`` reached the image border ``valid_to``, reported cut:
    ``(position, cut)``; otherwise it is taken at ``fallback`` (the print's edge)."""
    n = len(profile)
    step = 1 if inner > outer else -1
    p = np.asarray(profile, np.float64)
    rise = np.zeros(n)
    rise[1:-1] = (p[2:] - p[:-2]) * step / 2.0
    lo, hi = max(1, min(inner, outer)), min(n - 2, max(inner, outer))
    if hi - lo < 3:
        return float(fallback), abs(outer - valid_to) <= 1
    seg = rise[lo:hi + 1]
    noise = max(1e-3, float(np.median(np.abs(seg - np.median(seg)))) * 1.4826)
    thr = max(k * noise, 0.05 * float(seg.max()), 0.02)
    pos = outer
    while (pos - inner) * step < 0:
        if 1 <= pos < n - 1 and rise[pos] >= thr and rise[pos] >= rise[pos - 1] \
                and rise[pos] >= rise[pos + 1]:
            # the platen beyond the edge's blur: the lowest value 3..10 px outside
            out_idx = [pos - step * d for d in range(3, 11) if 0 <= pos - step * d < n]
            in_idx = [pos + step * d for d in range(3, 11) if 0 <= pos + step * d < n]
            outside = float(np.min(p[out_idx])) if out_idx else 0.0
            inside = float(np.max(p[in_idx])) if in_idx else outside
            if outside <= platen_level and inside > outside:
                a, b, c = rise[pos - 1], rise[pos], rise[pos + 1]
                den = a - 2 * b + c
                return pos + (0.5 * (a - c) / den if abs(den) > 1e-9 else 0.0), False
        pos += step
    return float(fallback), abs(outer - valid_to) <= 1


def side_points(pagelike: Float, box: tuple[float, float, float, float], side: str, *,
                band_px: float, segments: int = 10) -> Points:
    """Points ``(x, y)`` on one side of an upright rough page box ``(left, top, right,
    bottom)``: the side is cut into ``segments`` pieces, and in each the strongest
    rise of ``pagelike`` towards the inside within ``band_px`` of the rough side is
    taken (sub-pixel). Fitting a line through them corrects a rough angle."""
    left, top, right, bottom = box
    h, w = pagelike.shape
    horizontal = side in ("top", "bottom")
    start, end = (left, right) if horizontal else (top, bottom)
    length = end - start
    edge = {"top": top, "bottom": bottom, "left": left, "right": right}[side]
    inward = 1 if side in ("top", "left") else -1
    pts = []
    for i in range(segments):
        a = start + length * (0.08 + 0.84 * i / segments)
        b = start + length * (0.08 + 0.84 * (i + 1) / segments)
        lo = max(1, int(edge - band_px))
        hi = min((h if horizontal else w) - 2, int(edge + band_px) + 1)
        ca, cb = max(0, int(a)), min(w if horizontal else h, int(b) + 1)
        if hi - lo < 4 or cb - ca < 2:
            continue
        strip = pagelike[lo:hi, ca:cb] if horizontal else pagelike[ca:cb, lo:hi]
        prof = strip.mean(axis=1 if horizontal else 0).astype(np.float64)
        rise = np.zeros_like(prof)
        rise[1:-1] = (prof[2:] - prof[:-2]) * inward / 2.0
        j = int(np.argmax(rise[1:-1])) + 1
        if rise[j] <= 0:
            continue
        p0, p1, p2 = rise[j - 1], rise[j], rise[j + 1]
        den = p0 - 2 * p1 + p2
        pos = lo + j + (0.5 * (p0 - p2) / den if abs(den) > 1e-9 else 0.0) + 0.5
        mid = (a + b) / 2
        pts.append((mid, pos) if horizontal else (pos, mid))
    return np.asarray(pts, np.float64).reshape(-1, 2)


def fit_line(points: Points) -> tuple[Points, Points] | None:
    """A robust (Huber) line ``(point, direction)`` through at least 3 points."""
    if len(points) < 3:
        return None
    vx, vy, x0, y0 = cv2.fitLine(points.astype(np.float32), cv2.DIST_HUBER, 0, 0.01,
                                 0.01).ravel()
    return np.array([x0, y0], np.float64), np.array([vx, vy], np.float64)


def line_scatter(points: Points, p0: Points, d: Points) -> float:
    """Median distance (px) of ``points`` from the line through ``p0`` along ``d``."""
    if len(points) == 0:
        return float("inf")
    n = np.array([-d[1], d[0]]) / max(1e-9, float(np.linalg.norm(d)))
    return float(np.median(np.abs((points - p0) @ n)))
