"""The ghost image's measures (``expect: ghost_of:<role>``, formats.md §3): does the small
second picture of the holder repeat the page's portrait, and not another face?

A ghost image is the portrait again, reduced, in one tone (printed, laser-engraved or
luminescent: a positive or a negative), personalised with the portrait. A document type
fixes where and how large its ghost repeats the portrait; the specimen's own ghost and
portrait show it (:func:`ghost_geometry`). The page's ghost is compared with the page's
portrait there, give or take the print's and the registration's error — never searched
as widely as the type's faces differ, or another face would slide onto the holder's
outline. Then:

=========================  ===================================================
measure                    what it is
=========================  ===================================================
``ghost_correlation``      correlation of the ghost with the portrait, both
                           band-passed to the ghost's resolution
``ghost_residual``         share of the ghost's tones no one rising tone curve
                           of the portrait's explains (:func:`tone_residual`)
``ghost_margin``           that correlation less the ghost's with the
                           specimen's portrait (reported)
``ghost_identity``         where the correlation lies between two faces of the
                           type (0) and the specimen's own pair (1) (reported)
=========================  ===================================================

Crops are ``uint8`` RGB ``(H, W, 3)`` or grey ``(H, W)`` at ``px_per_mm``; the ghosts
(questioned and specimen) of one size, the portraits of one size. Unseen pixels (a page
partly outside the image) are masked out, never compared.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination.feature_measures import Float, check_crops
from workstation.examination.measures import Measures, luminance

#: The ghost's own resolution and the scale of a face's outline (mm): the faces are compared
#: blurred to the first (a ghost is printed or engraved at about 0.3 mm) with what is
#: coarser than the second (uneven light, exposure) taken out.
GHOST_BAND_MM = (0.35, 4.0)
#: How the specimen's ghost repeats its portrait is searched over these scales (of the
#: portrait resized into the ghost's frame) and shifts up to GHOST_SEARCH_MM (mm) ...
GHOST_SCALES = tuple(round(0.86 + 0.02 * i, 2) for i in range(15))
GHOST_SEARCH_MM = 1.5
#: ... and the page's ghost is compared at the specimen's scale and shift, give or take
#: GHOST_SHIFT_MM (mm): the two are personalised together, so only the print's and the
#: registration's error moves one against the other. A search as wide as the type's
#: faces differ would let another face slide onto the holder's outline.
GHOST_SHIFT_MM = 0.5
#: The same error may scale the one against the other (a page registered from a partly
#: seen outline, a print's own scale): the page's portrait is compared at the specimen's
#: scale give or take the change that moves no corner of the ghost's frame more than
#: GHOST_SHIFT_MM, in steps of this share.
GHOST_SCALE_STEP = 0.01
#: Tone levels (quantiles of the portrait's) the ghost's tone curve is fitted over.
GHOST_TONE_BINS = 32


@dataclass(frozen=True)
class GhostGeometry:
    """Where a document type's ghost repeats its portrait: the portrait resized into the
    ghost's frame, scaled by ``scale`` about the frame's centre and moved by ``dx``,
    ``dy`` (px of the ghost's crop); ``sign`` -1 for a negative (a luminescent ghost
    glows where the photo is dark); ``fit``: the specimen's correlation there."""

    scale: float
    sign: int
    dx: int
    dy: int
    fit: float


def _seen_blur(g: Float, seen: npt.NDArray[np.bool_], sigma_px: float) -> Float:
    """Gaussian blur of ``g`` over the ``seen`` pixels only (normalised convolution)."""
    m = seen.astype(np.float32)
    num = cv2.GaussianBlur(g * m, (0, 0), sigma_px)
    den = cv2.GaussianBlur(m, (0, 0), sigma_px)
    return np.asarray(num / np.maximum(den, np.float32(1e-3)), np.float32)


def _face_band(g: Float, seen: npt.NDArray[np.bool_], px_per_mm: float) -> Float:
    """A face's grey ``(H, W)`` band-passed to :data:`GHOST_BAND_MM`, unseen pixels ignored."""
    fine = _seen_blur(g, seen, max(0.8, GHOST_BAND_MM[0] * px_per_mm))
    coarse = _seen_blur(g, seen, max(3.0, GHOST_BAND_MM[1] * px_per_mm))
    return np.asarray(fine - coarse, np.float32)


def _into_ghost(portrait: Float, seen: npt.NDArray[np.bool_], shape: tuple[int, int],
                scale: float, dx: float, dy: float, pad: int = 0
                ) -> tuple[Float, npt.NDArray[np.bool_]]:
    """The portrait's grey resized into a ghost frame of ``shape``, scaled by ``scale``
    about its centre and moved by ``dx``, ``dy`` (px), on a canvas ``pad`` px wider on
    every side; and where it shows seen portrait pixels."""
    h, w = shape
    small = np.asarray(cv2.resize(portrait, (w, h), interpolation=cv2.INTER_AREA), np.float32)
    vis = cv2.resize(seen.astype(np.float32), (w, h), interpolation=cv2.INTER_AREA) > 0.999
    mat = np.array([[scale, 0.0, (1.0 - scale) * w / 2 + dx + pad],
                    [0.0, scale, (1.0 - scale) * h / 2 + dy + pad]], np.float32)
    size = (w + 2 * pad, h + 2 * pad)
    out = cv2.warpAffine(small, mat, size, flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_REPLICATE)
    valid = cv2.warpAffine(vis.astype(np.uint8), mat, size, flags=cv2.INTER_NEAREST,
                           borderValue=0) > 0
    return np.asarray(out, np.float32), valid


def _ncc(a: Float, b: Float, m: npt.NDArray[np.bool_]) -> float:
    if int(m.sum()) < 16:
        return 0.0
    x = a[m] - float(a[m].mean())
    y = b[m] - float(b[m].mean())
    d = math.sqrt(float((x * x).sum()) * float((y * y).sum()))
    return float((x * y).sum()) / d if d > 1e-12 else 0.0


def _grey(img: npt.NDArray[np.generic]) -> Float:
    return np.asarray(luminance(np.asarray(img, np.uint8)), np.float32)


def _all_seen(img: npt.NDArray[np.generic], seen: npt.NDArray[np.bool_] | None
              ) -> npt.NDArray[np.bool_]:
    if seen is None:
        return np.ones(img.shape[:2], bool)
    if seen.shape != img.shape[:2]:
        raise ValueError("a seen mask of another size than its crop")
    return seen


#: The specimens' geometries found lately (one specimen serves many examinations).
_GEOMETRIES: dict[tuple[object, ...], GhostGeometry] = {}


def ghost_geometry(s_ghost: npt.NDArray[np.generic], s_target: npt.NDArray[np.generic], *,
                   px_per_mm: float) -> GhostGeometry:
    """How the specimen's ghost repeats its portrait (:class:`GhostGeometry`): the scale
    (:data:`GHOST_SCALES`), shift (up to :data:`GHOST_SEARCH_MM`) and sign at which the
    specimen's ghost correlates best with its portrait, band-passed alike."""
    check_crops(s_ghost)
    check_crops(s_target)
    key = (hashlib.blake2b(np.ascontiguousarray(s_ghost).tobytes(), digest_size=16).digest(),
           s_ghost.shape, hashlib.blake2b(np.ascontiguousarray(s_target).tobytes(),
                                          digest_size=16).digest(), s_target.shape, px_per_mm)
    found = _GEOMETRIES.get(key)
    if found is None:
        found = _find_geometry(s_ghost, s_target, px_per_mm)
        if len(_GEOMETRIES) >= 16:
            _GEOMETRIES.pop(next(iter(_GEOMETRIES)))
        _GEOMETRIES[key] = found
    return found


def _find_geometry(s_ghost: npt.NDArray[np.generic], s_target: npt.NDArray[np.generic],
                   px_per_mm: float) -> GhostGeometry:
    h, w = s_ghost.shape[:2]
    seen = np.ones((h, w), bool)
    g = _face_band(_grey(s_ghost), seen, px_per_mm)
    p = _grey(s_target)
    p_seen = np.ones(p.shape, bool)
    r = max(1, min(round(GHOST_SEARCH_MM * px_per_mm), (min(h, w) - 8) // 4))
    best = GhostGeometry(1.0, 1, 0, 0, -2.0)
    for scale in GHOST_SCALES:
        t, _ = _into_ghost(p, p_seen, (h, w), scale, 0.0, 0.0, pad=r)
        tb = _face_band(t, np.ones(t.shape, bool), px_per_mm)
        for sign in (1, -1):
            tmpl = np.ascontiguousarray(sign * g)
            if float(tmpl.std()) < 1e-6 or float(tb.std()) < 1e-6:
                continue
            res = cv2.matchTemplate(tb, tmpl, cv2.TM_CCOEFF_NORMED)
            y, x = np.unravel_index(int(np.argmax(res)), res.shape)
            v = float(res[y, x])
            if v > best.fit:
                # the ghost matches the canvas at (x, y): the portrait moved by -(x - r)
                best = GhostGeometry(scale, sign, r - int(x), r - int(y), v)
    return best


def _scales(geo: GhostGeometry, shape: tuple[int, int], px_per_mm: float) -> list[float]:
    """The scales the page's portrait is compared at: the specimen's, give or take the
    change that moves no corner of a ghost's frame of ``shape`` more than
    :data:`GHOST_SHIFT_MM` (steps of :data:`GHOST_SCALE_STEP`), nearest first."""
    half_diag_mm = 0.5 * math.hypot(*shape) / px_per_mm
    n = int(GHOST_SHIFT_MM / max(1e-6, half_diag_mm * geo.scale) / GHOST_SCALE_STEP)
    return [geo.scale * (1.0 + GHOST_SCALE_STEP * k)
            for k in sorted(range(-n, n + 1), key=abs)]


def _aligned(ghost: npt.NDArray[np.generic], target: npt.NDArray[np.generic],
             geo: GhostGeometry, px_per_mm: float,
             ghost_seen: npt.NDArray[np.bool_] | None = None,
             target_seen: npt.NDArray[np.bool_] | None = None
             ) -> tuple[float, Float, Float, npt.NDArray[np.bool_]]:
    """The ghost against the portrait at ``geo``, give or take :data:`GHOST_SHIFT_MM`
    (as a shift and as a scale, :func:`_scales`): ``(correlation, ghost tones, portrait
    tones, compared pixels)`` where the correlation is best; tones are the greys blurred
    to the ghost's resolution (the ghost's with the specimen's sign), the compared pixels
    those both crops show, away from the edge."""
    h, w = ghost.shape[:2]
    g_seen = _all_seen(ghost, ghost_seen)
    g = geo.sign * _grey(ghost)
    gb = _face_band(g, g_seen, px_per_mm)
    r = max(1, min(round(GHOST_SHIFT_MM * px_per_mm), (min(h, w) - 8) // 4))
    p = _grey(target)
    p_seen = _all_seen(target, target_seen)
    edge = round(0.5 * px_per_mm) + r
    inner = np.zeros((h, w), bool)
    inner[edge:h - edge, edge:w - edge] = True
    if not inner.any():
        edge = 0
        inner[:] = True
    best: tuple[float, int, int, Float, npt.NDArray[np.bool_]] | None = None
    for scale in _scales(geo, (h, w), px_per_mm):
        t, valid = _into_ghost(p, p_seen, (h, w), scale, geo.dx, geo.dy, pad=r)
        c, y, x = _best_shift(gb, _face_band(t, valid, px_per_mm), g_seen, valid, inner,
                              r, edge)
        if best is None or c > best[0]:
            best = (c, y, x, t, valid)
    assert best is not None
    c, y, x, t, valid = best
    m = g_seen & valid[y:y + h, x:x + w] & inner
    sigma = max(0.8, GHOST_BAND_MM[0] * px_per_mm)
    tone_g = _seen_blur(g, g_seen, sigma)
    tone_t = _seen_blur(t, valid, sigma)[y:y + h, x:x + w]
    return max(-1.0, c), tone_g, np.ascontiguousarray(tone_t), m


def _best_shift(gb: Float, tb: Float, g_seen: npt.NDArray[np.bool_],
                valid: npt.NDArray[np.bool_], inner: npt.NDArray[np.bool_], r: int,
                edge: int) -> tuple[float, int, int]:
    """``(correlation, y, x)`` of the band-passed ghost ``gb`` ``(H, W)`` at its best
    shift over the canvas ``tb`` ``(H + 2r, W + 2r)``, on the pixels both show."""
    h, w = gb.shape
    best: tuple[float, int, int] = (-2.0, r, r)
    if g_seen.all() and valid[edge:2 * r + h - edge, edge:2 * r + w - edge].all():
        # everything seen: one template match over the shifts (the same correlation)
        tmpl = np.ascontiguousarray(gb[edge:h - edge, edge:w - edge])
        if float(tmpl.std()) > 1e-9:
            res = cv2.matchTemplate(
                np.ascontiguousarray(tb[edge:2 * r + h - edge, edge:2 * r + w - edge]), tmpl,
                cv2.TM_CCOEFF_NORMED)
            yy, xx = np.unravel_index(int(np.argmax(res)), res.shape)
            best = (float(res[yy, xx]), int(yy), int(xx))
        return best
    for y in range(2 * r + 1):
        for x in range(2 * r + 1):
            m = g_seen & valid[y:y + h, x:x + w] & inner
            c = _ncc(gb, tb[y:y + h, x:x + w], m)
            if c > best[0]:
                best = (c, y, x)
    return best


def _slope(x0: float, x1: float, y0: float, y1: float) -> float:
    return (y1 - y0) / (x1 - x0) if x1 > x0 else 0.0


def tone_residual(ghost_tone: Float, target_tone: Float, seen: npt.NDArray[np.bool_]) -> float:
    """The share of the ghost's tone variance (over ``seen``) that no one rising tone curve
    of the portrait's tones explains: the ghost's tones averaged per portrait tone level
    (:data:`GHOST_TONE_BINS` quantiles), made rising (pool-adjacent-violators) and
    joined linearly, and the residual's variance over the ghost's. 0: every tone of the
    ghost follows the portrait's; 1: none does. A genuine ghost is the portrait through
    one tone curve (a print's, a laser's, a luminescent ink's), however bent; a ghost of
    another face puts hair, skin and clothes at other places or in another order of
    tones. ``(H, W)`` float tones and a bool mask of one shape."""
    g = ghost_tone[seen].astype(np.float64)
    t = target_tone[seen].astype(np.float64)
    if g.size < 2 * GHOST_TONE_BINS:
        return 1.0
    order = np.argsort(t, kind="stable")
    g = g[order]
    edges = np.linspace(0, g.size, GHOST_TONE_BINS + 1).astype(int)
    counts = np.diff(edges)
    means = np.array([g[a:b].mean() for a, b in itertools.pairwise(edges)])
    centres = np.array([t[order][a:b].mean() for a, b in itertools.pairwise(edges)])
    # pool adjacent violators: the closest rising curve (weighted by the bins' pixels)
    blocks: list[list[float]] = []
    for mu, n in zip(means, counts, strict=True):
        blocks.append([mu * n, float(n), 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            last = blocks.pop()
            blocks[-1] = [blocks[-1][0] + last[0], blocks[-1][1] + last[1],
                          blocks[-1][2] + last[2]]
    fit = np.concatenate([np.full(int(b[2]), b[0] / b[1]) for b in blocks])
    # the curve through the levels' mean tones (rising still), not a staircase; the end
    # levels' slopes carried on to the darkest and lightest tone
    ts = t[order]
    lo = fit[0] - (centres[0] - ts[0]) * _slope(centres[0], centres[1], fit[0], fit[1])
    hi = fit[-1] + (ts[-1] - centres[-1]) * _slope(centres[-2], centres[-1], fit[-2], fit[-1])
    pred = np.interp(ts, np.r_[ts[0], centres, ts[-1]], np.r_[lo, fit, hi])
    total = float(((g - g.mean()) ** 2).sum())
    return float(((g - pred) ** 2).sum()) / total if total > 1e-12 else 1.0


def ghost_measures(q_ghost: npt.NDArray[np.generic], q_target: npt.NDArray[np.generic],
                   s_ghost: npt.NDArray[np.generic], s_target: npt.NDArray[np.generic], *,
                   px_per_mm: float, q_ghost_seen: npt.NDArray[np.bool_] | None = None,
                   q_target_seen: npt.NDArray[np.bool_] | None = None) -> Measures:
    """The ghost image against the page's portrait, where and as the specimen's ghost
    repeats the specimen's portrait (:func:`ghost_geometry`: scale, shift, positive or
    negative), give or take :data:`GHOST_SHIFT_MM` (as a shift, and as a scale that moves
    no corner of the ghost's frame further):

    * ``ghost_correlation``: the correlation of the two faces band-passed to the ghost's
      resolution (:data:`GHOST_BAND_MM`);
    * ``ghost_residual``: the share of the ghost's tones its portrait's do not explain
      through one rising tone curve (:func:`tone_residual`) — what tells who the face
      is where the type's faces share one outline;
    * ``ghost_margin`` (reported): the correlation less the ghost's with another face
      (the specimen's portrait);
    * ``ghost_identity`` (reported): where the correlation lies between the specimen's
      ghost against the page's portrait (0) and against its own (1). It is unstable
      when the holder resembles the specimen's person, so it is not held;
    * ``ghost_specimen_residual``: ``ghost_residual`` of the specimen's own ghost and
      portrait — how closely this type's ghost follows its portrait as the specimen's
      images show it (a fact about the specimen, not a measure of the capture).

    ``q_ghost_seen`` / ``q_target_seen`` (``(H, W)`` bool, the crops' shapes) mark the
    pixels the capture shows: a ghost partly outside the image is compared on the rest,
    its residual scaled to the whole ghost as the specimen's own pair's scales between
    the whole and that part (never up).
    Crops: ``uint8`` RGB or grey, the ghosts of one size, the portraits of one size.
    """
    check_crops(q_ghost, s_ghost)
    check_crops(q_target, s_target)
    geo = ghost_geometry(s_ghost, s_target, px_per_mm=px_per_mm)
    own, tg, tt, m = _aligned(q_ghost, q_target, geo, px_per_mm, q_ghost_seen, q_target_seen)
    own_self, sg, st, sm = _aligned(s_ghost, s_target, geo, px_per_mm)
    other, *_ = _aligned(q_ghost, s_target, geo, px_per_mm, q_ghost_seen)
    cross, *_ = _aligned(s_ghost, q_target, geo, px_per_mm, None, q_target_seen)
    residual = tone_residual(tg, tt, m)
    own_residual = tone_residual(sg, st, sm)
    if not (_all_seen(q_ghost, q_ghost_seen).all() and _all_seen(q_target, q_target_seen).all()):
        # part of it unseen: a share of what is left, which may be less varied than the
        # whole; scaled to the whole as the specimen's own pair scales on the same part
        *_, sg_part, st_part, sm_part = _aligned(s_ghost, s_target, geo, px_per_mm,
                                                 q_ghost_seen, q_target_seen)
        part = tone_residual(sg_part, st_part, sm_part)
        residual *= min(1.0, own_residual / part) if part > 1e-9 else 1.0
    return {"ghost_correlation": own, "ghost_residual": residual,
            "ghost_margin": own - other,
            "ghost_identity": (own - cross) / max(0.05, own_self - cross),
            "ghost_specimen_residual": own_residual}
