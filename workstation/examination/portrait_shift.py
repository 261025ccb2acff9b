"""``pattern_shift``: where a print pass that crosses the portrait's edge sits inside
the portrait against where it sits outside it.

One print pass (a luminescent pattern printed across the portrait, as issuers do
to bind the photo to the page) is laid down in one go: wherever it lies on the
page, it is displaced from the specimen's by the same amount. A portrait cut out
of another document of the same type — with the print around and over it — and
pasted in carries the *other* sheet's pass, displaced by that sheet's own print
registration and by how the piece was laid in: inside the portrait the pattern
sits elsewhere than outside it. Nothing here depends on the holder's photo (the
pattern is band-passed, and compared with the specimen only for its position)
nor on how the piece was blended in.

:func:`portrait_crossings` names, for a portrait zone, the specimen's fixed UV
zones that straddle it, and the two rectangles of each measured: inside the
portrait clear of where a cut may run, and outside it clear of where a pasted
piece and its seam may reach. :func:`pattern_shift` measures. Both work on the
capture registered onto the specimen (``(H, W[, 3])`` ``uint8`` at
``px_per_mm``) and rectangles in mm ``(x, y, w, h)`` on the specimen.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from workstation.examination.measures import bandpass
from workstation.types import Expect, Image, Light, Zone

Rect = tuple[float, float, float, float]

#: Inside the portrait, clear of its frame by this much (mm): a cut runs near the frame.
INSIDE_MARGIN_MM = 1.5
#: Outside the portrait, clear of its frame by this much (mm): a pasted piece may reach
#: a millimetre beyond the frame, and its blended seam farther.
OUTSIDE_MARGIN_MM = 2.5
#: The smallest side (mm) of a rectangle the shift is measured on.
MIN_SIDE_MM = 3.0
#: Farthest displacement searched (mm): print registration between sheets and a piece
#: laid in by hand stay well within it.
MAX_SHIFT_MM = 1.0
#: Margin (mm) kept from another zone whose print is the holder's (data, signature):
#: its print differs from the specimen's and would pull the position.
HOLDER_MARGIN_MM = 0.5
#: Least correlation of the pattern with the specimen's at the best shift for the
#: position to mean anything (else the zone is not measured: its glow is judged by
#: ``uv.luminescent`` and ``uv.pattern_continuity``).
MIN_PEAK = 0.3


def _grow(r: Rect, mm: float) -> Rect:
    x, y, w, h = r
    return (x - mm, y - mm, w + 2 * mm, h + 2 * mm)


def _intersect(a: Rect, b: Rect) -> Rect | None:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if x1 - x0 < MIN_SIDE_MM or y1 - y0 < MIN_SIDE_MM:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def _beside(r: Rect, hole: Rect) -> list[Rect]:
    """The four strips of ``r`` beside ``hole`` (left, right, above, below); ``[r]``
    when they do not overlap."""
    x, y, w, h = r
    hx, hy, hw, hh = hole
    if hx >= x + w or hx + hw <= x or hy >= y + h or hy + hh <= y:
        return [r]
    return [(x, y, hx - x, h), (hx + hw, y, x + w - hx - hw, h),
            (x, y, w, hy - y), (x, hy + hh, w, y + h - hy - hh)]


def _largest_clear(r: Rect, holes: Sequence[Rect]) -> Rect | None:
    """The largest rectangle of ``r`` clear of every one of ``holes`` (found strip by
    strip), or ``None`` when none has sides of :data:`MIN_SIDE_MM`."""
    parts = [r]
    for hole in holes:
        parts = [p for q in parts for p in _beside(q, hole)
                 if p[2] >= MIN_SIDE_MM and p[3] >= MIN_SIDE_MM]
    return max(parts, key=lambda p: p[2] * p[3]) if parts else None


def portrait_crossings(portrait: Zone, zones: Sequence[Zone]) -> list[tuple[Zone, Rect, Rect]]:
    """The fixed (not holder-varying) UV-luminescent zones among ``zones`` that straddle
    ``portrait``'s edge, each with its rectangle inside the portrait and outside it,
    both clear of the other zones whose print is the holder's (data, signature)."""
    holder = [_grow(z.rect_mm, HOLDER_MARGIN_MM) for z in zones
              if z.varies_by_holder and z is not portrait and z.role != "portrait"]
    out = []
    for z in zones:
        if z is portrait or z.varies_by_holder or not any(
                c.light == Light.UV and c.expect == Expect.LUMINESCENT for c in z.checks):
            continue
        within = _intersect(z.rect_mm, _grow(portrait.rect_mm, -INSIDE_MARGIN_MM))
        inside = None if within is None else _largest_clear(within, holder)
        outside = _largest_clear(z.rect_mm, [_grow(portrait.rect_mm, OUTSIDE_MARGIN_MM),
                                             *holder])
        if inside is not None and outside is not None:
            out.append((z, inside, outside))
    return out


def _box(r: Rect, px_mm: float, shape: tuple[int, ...], pad: int) -> tuple[int, int, int, int]:
    x, y, w, h = r
    return (round(y * px_mm) - pad, round((y + h) * px_mm) + pad,
            round(x * px_mm) - pad, round((x + w) * px_mm) + pad)


def _sub(v: np.ndarray, i: int) -> float:
    """Sub-pixel offset of the peak at ``i`` of ``v`` (parabola through three points)."""
    if i <= 0 or i >= len(v) - 1:
        return 0.0
    a, b, c = float(v[i - 1]), float(v[i]), float(v[i + 1])
    den = a - 2 * b + c
    return 0.0 if den >= 0 else 0.5 * (a - c) / den


def _offset(q: np.ndarray, s: np.ndarray, r: Rect, px_mm: float
            ) -> tuple[float, float, float, np.ndarray] | None:
    """Where the capture's band-passed pattern in ``r`` sits against the specimen's:
    ``(dx, dy)`` px, the correlation there, and the correlation's curvature about its
    peak (``(2, 2)``, per px², positive: how sharply the pattern fixes each direction —
    lines fix the position across them, hardly along them); ``None`` out of the image."""
    m = max(2, round(MAX_SHIFT_MM * px_mm))
    r0, r1, c0, c1 = _box(r, px_mm, s.shape, 0)
    H, W = q.shape[:2]
    if r0 - m < 0 or c0 - m < 0 or r1 + m > H or c1 + m > W:
        return None
    tmpl = np.ascontiguousarray(s[r0:r1, c0:c1])
    if float(tmpl.std()) < 1e-3:
        return None
    res = cv2.matchTemplate(np.ascontiguousarray(q[r0 - m:r1 + m, c0 - m:c1 + m]), tmpl,
                            cv2.TM_CCOEFF_NORMED)
    iy, ix = (int(v) for v in np.unravel_index(int(np.argmax(res)), res.shape))
    peak = float(res[iy, ix])
    y0, y1 = max(0, iy - 1), min(res.shape[0] - 1, iy + 1)
    x0, x1 = max(0, ix - 1), min(res.shape[1] - 1, ix + 1)
    # the curvature from the 3x3 neighbourhood (clamped at the search's edge)
    dxx = float(res[iy, x0] - 2 * res[iy, ix] + res[iy, x1])
    dyy = float(res[y0, ix] - 2 * res[iy, ix] + res[y1, ix])
    dxy = float(res[y1, x1] - res[y1, x0] - res[y0, x1] + res[y0, x0]) / 4.0
    curv = -np.array([[dxx, dxy], [dxy, dyy]], np.float64)
    return (ix - m + _sub(res[iy, :], ix), iy - m + _sub(res[:, ix], iy), peak, curv)


def pattern_shift(q_uv: Image, s_uv: Image, inside: Rect, outside: Rect, *,
                  px_per_mm: float) -> dict[str, float]:
    """``pattern_shift`` (mm): the displacement of the capture's pattern from the
    specimen's inside ``inside`` minus the same outside ``outside`` (rectangles in mm
    on the registered images ``q_uv`` and ``s_uv``, the whole page at ``px_per_mm``),
    as far as the pattern shows it: a direction the pattern hardly fixes (along its
    lines) counts by the ratio of the correlation's curvatures. Empty when either
    rectangle is not in the image or the pattern does not correlate with the
    specimen's there."""
    if q_uv.shape[:2] != s_uv.shape[:2]:
        raise ValueError("images of different sizes")
    qb = bandpass(q_uv, px_per_mm=px_per_mm)
    sb = bandpass(s_uv, px_per_mm=px_per_mm)
    a = _offset(qb, sb, inside, px_per_mm)
    b = _offset(qb, sb, outside, px_per_mm)
    if a is None or b is None or min(a[2], b[2]) < MIN_PEAK:
        return {}
    d = np.array([a[0] - b[0], a[1] - b[1]], np.float64)
    # Each position is uncertain along the lines of its own rectangle (its correlation
    # is flat that way): the difference counts in the directions both fix, in full
    # where both fix it as sharply as the pattern ever does.
    try:
        both = np.linalg.inv(np.linalg.inv(a[3]) + np.linalg.inv(b[3]))
    except np.linalg.LinAlgError:
        return {}
    top = float(np.max(np.linalg.eigvalsh(both)))
    if not np.isfinite(top) or top <= 0:
        return {}
    weight = both / top
    return {"pattern_shift": float(np.sqrt(max(0.0, float(d @ weight @ d)))) / px_per_mm}
