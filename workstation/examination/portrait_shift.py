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
piece and its seam may reach. :func:`pattern_shift` measures, with
:func:`pattern_offset` (where a pattern sits against the specimen's on a region; also
used by ``uv.pattern_continuity`` to find the print pass). Both work on the
capture registered onto the specimen (``(H, W[, 3])`` ``uint8`` at
``px_per_mm``) and rectangles in mm ``(x, y, w, h)`` on the specimen.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from workstation.examination.measures import bandpass, ncc_surface
from workstation.types import Expect, Image, Light, RectMM, Zone

#: Inside the portrait, clear of its frame by this much (mm): a cut runs near the frame.
INSIDE_MARGIN_MM = 1.5
#: Outside the portrait, clear of its frame by this much (mm): a pasted piece may reach
#: a millimetre beyond the frame, and its blended seam farther.
OUTSIDE_MARGIN_MM = 2.5
#: The smallest side (mm) of a rectangle the shift is measured on inside the portrait;
#: outside it, the strips measured together cover at least its square.
MIN_SIDE_MM = 3.0
#: The narrowest strip (mm) outside the portrait that is measured (with the others).
MIN_STRIP_MM = 1.2
#: Farthest displacement searched (mm): print registration between sheets and a piece
#: laid in by hand stay well within it.
MAX_SHIFT_MM = 1.0
#: Farthest displacement (mm) of a whole print pass searched: the sheet's own print
#: registration and what the capture's registration onto the specimen leaves (a
#: homography fitted to the whole page, off by up to a millimetre locally on a page that
#: warps) — more than :data:`MAX_SHIFT_MM`, which bounds a part's displacement from it.
PASS_REACH_MM = 2.0
#: Margin (mm) kept from another zone whose print is the holder's (data, signature):
#: its print differs from the specimen's and would pull the position.
HOLDER_MARGIN_MM = 0.5
#: Least correlation of the pattern with the specimen's at the best shift for the
#: position to mean anything (else the zone is not measured: its glow is judged by
#: ``uv.luminescent`` and ``uv.pattern_continuity``).
MIN_PEAK = 0.3


def _grow(r: RectMM, mm: float) -> RectMM:
    x, y, w, h = r
    return (x - mm, y - mm, w + 2 * mm, h + 2 * mm)


def _intersect(a: RectMM, b: RectMM) -> RectMM | None:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if x1 - x0 < MIN_SIDE_MM or y1 - y0 < MIN_SIDE_MM:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def _beside(r: RectMM, hole: RectMM) -> list[RectMM]:
    """The four strips of ``r`` beside ``hole`` (left, right, above, below); ``[r]``
    when they do not overlap."""
    x, y, w, h = r
    hx, hy, hw, hh = hole
    if hx >= x + w or hx + hw <= x or hy >= y + h or hy + hh <= y:
        return [r]
    return [(x, y, hx - x, h), (hx + hw, y, x + w - hx - hw, h),
            (x, y, w, hy - y), (x, hy + hh, w, y + h - hy - hh)]


def _largest_clear(r: RectMM, holes: Sequence[RectMM]) -> RectMM | None:
    """The largest rectangle of ``r`` clear of every one of ``holes`` (found strip by
    strip), or ``None`` when none has sides of :data:`MIN_SIDE_MM`."""
    parts = [r]
    for hole in holes:
        parts = [p for q in parts for p in _beside(q, hole)
                 if p[2] >= MIN_SIDE_MM and p[3] >= MIN_SIDE_MM]
    return max(parts, key=lambda p: p[2] * p[3]) if parts else None


def portrait_crossings(portrait: Zone, zones: Sequence[Zone]
                       ) -> list[tuple[Zone, RectMM, list[RectMM]]]:
    """The fixed (not holder-varying) UV-luminescent zones among ``zones`` that straddle
    ``portrait``'s edge, each with its rectangle inside the portrait and the pieces of
    it outside the portrait (the strips clear of the portrait's reach and of the other
    zones whose print is the holder's: data, signature; each at least
    :data:`MIN_STRIP_MM` wide, together at least :data:`MIN_SIDE_MM` squared) — the
    pattern between the holder's data lines counts too."""
    holder = [_grow(z.rect_mm, HOLDER_MARGIN_MM) for z in zones
              if z.varies_by_holder and z is not portrait and z.role != "portrait"]
    out = []
    for z in zones:
        if z is portrait or z.varies_by_holder or not any(
                c.light == Light.UV and c.expect == Expect.LUMINESCENT for c in z.checks):
            continue
        within = _intersect(z.rect_mm, _grow(portrait.rect_mm, -INSIDE_MARGIN_MM))
        inside = None if within is None else _largest_clear(within, holder)
        outside = _clear_strips(z.rect_mm, [_grow(portrait.rect_mm, OUTSIDE_MARGIN_MM),
                                            *holder])
        if inside is not None and _area(outside) >= MIN_SIDE_MM ** 2:
            out.append((z, inside, outside))
    return out


def _clear_strips(r: RectMM, holes: Sequence[RectMM]) -> list[RectMM]:
    """The strips of ``r`` clear of every one of ``holes`` (overlapping; each at least
    :data:`MIN_STRIP_MM` wide)."""
    parts = [r]
    for hole in holes:
        parts = [p for q in parts for p in _beside(q, hole)
                 if p[2] >= MIN_STRIP_MM and p[3] >= MIN_STRIP_MM]
    return parts


def _area(rects: Sequence[RectMM]) -> float:
    """The area (mm²) the union of ``rects`` covers (on a 0.1 mm grid)."""
    if not rects:
        return 0.0
    x0 = min(r[0] for r in rects)
    y0 = min(r[1] for r in rects)
    w = max(r[0] + r[2] for r in rects) - x0
    h = max(r[1] + r[3] for r in rects) - y0
    grid = np.zeros((int(h * 10) + 1, int(w * 10) + 1), bool)
    for x, y, rw, rh in rects:
        grid[round((y - y0) * 10):round((y - y0 + rh) * 10),
             round((x - x0) * 10):round((x - x0 + rw) * 10)] = True
    return float(grid.sum()) / 100.0


def _mask(rects: Sequence[RectMM], px_mm: float, shape: tuple[int, ...]
          ) -> npt.NDArray[np.bool_] | None:
    """``(H, W)`` bool: the union of ``rects`` (mm) on an image of ``shape``;
    ``None`` when a rectangle leaves the image."""
    m = np.zeros(shape[:2], bool)
    for x, y, w, h in rects:
        r0, r1 = round(y * px_mm), round((y + h) * px_mm)
        c0, c1 = round(x * px_mm), round((x + w) * px_mm)
        if r0 < 0 or c0 < 0 or r1 > shape[0] or c1 > shape[1]:
            return None
        m[r0:r1, c0:c1] = True
    return m


#: The 3 x 3 neighbourhood's design matrix of a quadratic surface
#: ``c0 + c1 x + c2 y + c3 x² + c4 y² + c5 x y``.
_Y3, _X3 = (v.ravel().astype(np.float64) for v in np.mgrid[-1:2, -1:2])
_QUAD = np.stack([np.ones(9), _X3, _Y3, _X3 ** 2, _Y3 ** 2, _X3 * _Y3], axis=1)


def pattern_offset(q: np.ndarray, s: np.ndarray, mask: npt.NDArray[np.bool_], px_mm: float,
                   near: tuple[float, float] | None = None, reach_mm: float = MAX_SHIFT_MM
                   ) -> tuple[float, float, float, np.ndarray] | None:
    """Where the capture's band-passed pattern on ``mask``'s pixels sits against the
    specimen's: ``(dx, dy)`` px (sub-pixel: the peak of a quadratic surface fitted to
    the normalised correlation about its best shift), the correlation there, and the
    correlation's curvature about its peak (``(2, 2)``, per px², positive: how sharply
    the pattern fixes each direction — lines fix the position across them, hardly
    along them); ``None`` out of the image or with no pattern. Searched within
    ``reach_mm`` of no shift: the best shift is the highest correlation; with ``near``
    (``(dx, dy)`` px) searched within ``reach_mm`` of it, and the best shift is the
    peak the correlation climbs to from there: a pattern of repeated lines correlates
    with itself one line over too, and a part of it that shows few lines (a corner of
    concentric arcs) may match better one line over than where it lies."""
    m = max(2, round(reach_mm * px_mm))
    ys, xs = np.nonzero(mask)
    if ys.size < 16:
        return None
    r0, r1, c0, c1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
    oy, ox = (0, 0) if near is None else (round(near[1]), round(near[0]))
    H, W = q.shape[:2]
    if r0 + oy - m < 0 or c0 + ox - m < 0 or r1 + oy + m > H or c1 + ox + m > W:
        return None
    res = ncc_surface(q[r0 + oy - m:r1 + oy + m, c0 + ox - m:c1 + ox + m], s[r0:r1, c0:c1],
                      mask[r0:r1, c0:c1], m)
    if res is None:
        return None
    iy, ix = (int(v) for v in np.unravel_index(int(np.argmax(res)), res.shape))
    if near is not None:
        iy, ix = _climb(res, m, m)
    peak = float(res[iy, ix])
    iy, ix = min(max(iy, 1), 2 * m - 1), min(max(ix, 1), 2 * m - 1)
    c = np.linalg.lstsq(_QUAD, res[iy - 1:iy + 2, ix - 1:ix + 2].ravel(), rcond=None)[0]
    hess = np.array([[2 * c[3], c[5]], [c[5], 2 * c[4]]], np.float64)
    try:
        sub = np.clip(-np.linalg.solve(hess, c[1:3]), -1.0, 1.0)
    except np.linalg.LinAlgError:
        sub = np.zeros(2)
    return (ox + ix - m + float(sub[0]), oy + iy - m + float(sub[1]), peak, -hess)


def _climb(res: npt.NDArray[np.float64], iy: int, ix: int) -> tuple[int, int]:
    """The local maximum of ``res`` (a correlation over shifts, ``(n, n)``) reached from
    ``(iy, ix)`` by steps to the highest of the 8 neighbours."""
    n0, n1 = res.shape
    while True:
        y0, y1, x0, x1 = max(0, iy - 1), min(n0, iy + 2), max(0, ix - 1), min(n1, ix + 2)
        win = res[y0:y1, x0:x1]
        jy, jx = (int(v) for v in np.unravel_index(int(np.argmax(win)), win.shape))
        if (y0 + jy, x0 + jx) == (iy, ix) or win[jy, jx] <= res[iy, ix]:
            return iy, ix
        iy, ix = y0 + jy, x0 + jx


def pattern_shift(q_uv: Image, s_uv: Image, inside: RectMM, outside: RectMM | Sequence[RectMM],
                  *, px_per_mm: float) -> dict[str, float]:
    """The displacement (mm) of the capture's pattern from the specimen's inside
    ``inside`` minus the same outside (``outside``: a rectangle or the strips of one,
    measured together), rectangles in mm on the registered images ``q_uv`` and
    ``s_uv`` (the whole page at ``px_per_mm``), as far as the pattern shows it: a
    direction the pattern hardly fixes (along its lines) counts by the ratio of the
    correlation's curvatures. ``pattern_dx`` and ``pattern_dy`` are its components
    (a document type's genuine captures share an offset of their own — the
    portrait's print over the pattern — which its learned statistics hold),
    ``pattern_shift`` its length. Empty when a rectangle is not in the image or the
    pattern does not correlate with the specimen's there."""
    if q_uv.shape[:2] != s_uv.shape[:2]:
        raise ValueError("images of different sizes")
    strips = [outside] if isinstance(outside[0], (int, float)) else list(outside)
    m_in = _mask([inside], px_per_mm, q_uv.shape)
    m_out = _mask(strips, px_per_mm, q_uv.shape)  # type: ignore[arg-type]
    if m_in is None or m_out is None:
        return {}
    qb = bandpass(q_uv, px_per_mm=px_per_mm)
    sb = bandpass(s_uv, px_per_mm=px_per_mm)
    # The print pass's displacement where the whole pattern fixes it; each part then
    # measured about it (not one line over).
    whole = pattern_offset(qb, sb, m_in | m_out, px_per_mm, reach_mm=PASS_REACH_MM)
    near = None if whole is None else (whole[0], whole[1])
    a = pattern_offset(qb, sb, m_in, px_per_mm, near)
    b = pattern_offset(qb, sb, m_out, px_per_mm, near)
    if a is None or b is None or min(a[2], b[2]) < MIN_PEAK:
        return {}
    d = np.array([a[0] - b[0], a[1] - b[1]], np.float64)
    # Each position is uncertain along the lines of its own region (its correlation
    # is flat that way): the difference counts in the directions both fix, in full
    # where both fix it as sharply as the pattern ever does.
    try:
        both = np.linalg.inv(np.linalg.inv(a[3]) + np.linalg.inv(b[3]))
    except np.linalg.LinAlgError:
        return {}
    vals, vecs = np.linalg.eigh(both)
    top = float(np.max(vals))
    if not np.isfinite(top) or top <= 0:
        return {}
    root = vecs @ np.diag(np.sqrt(np.clip(vals, 0.0, None) / top)) @ vecs.T
    w = root @ d / px_per_mm
    return {"pattern_shift": float(np.hypot(w[0], w[1])), "pattern_dx": float(w[0]),
            "pattern_dy": float(w[1])}
