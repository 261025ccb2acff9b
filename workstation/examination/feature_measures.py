"""The measures of the features seen under the optional lights, as pure functions — what
a specimen's statistics describe (``specimens learn``) and what the checks of
``checks/relief.py``, ``transmitted.py``, ``coaxial.py``, ``fibres.py`` and
``microprint.py`` hold against them.

Most of these features are what one light shows and white light does not: the
shading of relief under grazing light, the watermark in transmitted light, the
laminate's pattern under coaxial light. Each is measured as the *unexplained* part of
that light's image — what is left once the white image's print is regressed out
(:func:`unexplained`): in log luminance for grazing and transmitted light (both
multiply the print's reflectance), linearly for coaxial light (which adds the
laminate's reflection to part of the diffuse image) — band-passed to the feature's
scale, and compared with the specimen's (strength: the spread's ratio; correlation:
the best normalised correlation over small shifts).

Crops are ``uint8`` RGB ``(H, W, 3)`` or grey ``(H, W)``, registered (questioned and
specimen of one zone have one size), at ``px_per_mm``. Every function returns named
floats (the ``measure`` names of formats.md §3) and raises ``ValueError`` on an
empty crop or crops of different sizes.

=========================  ================  =========================================
measure                    expect (light)    what it is
=========================  ================  =========================================
``relief_strength``        relief (oblique)  spread of the shading over the specimen's
``relief_correlation``     relief (oblique)  correlation of the shading with the
                                             specimen's under the same lamp direction
``through_strength``       transmitted       spread of what the light through the
                                             sheet shows beyond the print, over the
                                             specimen's
``through_correlation``    transmitted       its correlation with the specimen's
``reflected_excess``       transmitted       how much more the specimen's through-
                                             pattern shows in the questioned white image
                                             than in the specimen's own (a printed
                                             "watermark" shows in reflected light)
``hole_contrast``          perforation       light through the holes over the light
                                             through the paper around them
``retro_strength``         retroreflective   spread of the coaxial image's pattern
                                             beyond the diffuse print, over the
                                             specimen's
``retro_correlation``      retroreflective   its correlation with the specimen's
``fibre_density``          fibres (uv)       fibres per cm² (fibres: thin, isolated,
                                             1–12 mm long glowing threads)
``fibre_colour_distance``  fibres (uv)       distance of the fibres' hue mix from the
                                             specimen's (0: the same, 1: disjoint)
``fibre_overprint``        fibres (uv)       glow of fibre pixels under dark print over
                                             their glow on bare paper (embedded: dimmed
                                             by the ink above; printed on top: not)
``microprint_detail``      microprint        the line's fine structure along its length
                                             over the specimen's at the same density
``microprint_letters``     microprint        the specimen's letters found along the
                                             line (best correlation of their strokes;
                                             only where the density resolves them)
=========================  ================  =========================================

The ghost image's measures (``ghost_of``) are :mod:`.ghost_measures`'.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination.measures import (
    LUMA,
    Measures,
    best_shift_ncc,
    hue_deg,
    linear,
    linear_lum,
    luminance,
)
from workstation.types import RectMM

Float = npt.NDArray[np.float32]

def _check(*crops: npt.NDArray[np.generic]) -> None:
    shapes = set()
    for c in crops:
        if c is None or c.size == 0 or c.ndim not in (2, 3):
            raise ValueError("expected non-empty (H, W[, 3]) crops")
        shapes.add(c.shape[:2])
    if len(shapes) > 1:
        raise ValueError("crops of different sizes")


#: :func:`_check` for the measure modules beside this one (:mod:`.ghost_measures`).
check_crops = _check


def _band(g: Float, px_per_mm: float, fine_mm: float, coarse_mm: float) -> Float:
    fine = cv2.GaussianBlur(g, (0, 0), max(0.5, fine_mm * px_per_mm))
    coarse = cv2.GaussianBlur(g, (0, 0), max(1.0, coarse_mm * px_per_mm))
    return np.asarray(fine - coarse, np.float32)


def unexplained(img: npt.NDArray[np.generic], white: npt.NDArray[np.generic], *,
                px_per_mm: float, fine_mm: float, coarse_mm: float, log: bool = True,
                slope: tuple[float, float] = (0.2, 1.3)) -> Float:
    """What ``img`` shows that ``white`` does not explain, band-passed between
    ``fine_mm`` and ``coarse_mm``: ``band(img) - s * band(white)`` with ``s`` the
    least-squares slope (clipped to ``slope``), in log luminance (``log``) or linear."""
    _check(img, white)
    a, b = linear_lum(img), linear_lum(white)
    if log:
        a, b = np.log(a + np.float32(0.004)), np.log(b + np.float32(0.004))
    ba = _band(a, px_per_mm, fine_mm, coarse_mm)
    bb = _band(b, px_per_mm, fine_mm, coarse_mm)
    den = float((bb * bb).sum())
    s = float((ba * bb).sum()) / den if den > 1e-9 else 1.0
    s = min(max(s, slope[0]), slope[1])
    return np.asarray(ba - np.float32(s) * bb, np.float32)


def _inner(a: Float, px_per_mm: float, margin_mm: float) -> Float:
    m = round(margin_mm * px_per_mm)
    h, w = a.shape
    if h - 2 * m < 4 or w - 2 * m < 4:
        return a
    return a[m:h - m, m:w - m]


def pattern_pair(q: Float, s: Float, *, px_per_mm: float, max_shift_mm: float,
                 prefix: str) -> Measures:
    """``<prefix>_strength`` (spread of ``q`` over ``s``'s, inside a margin) and
    ``<prefix>_correlation`` (best normalised correlation over shifts up to
    ``max_shift_mm``)."""
    qi, si = _inner(q, px_per_mm, 0.5), _inner(s, px_per_mm, 0.5)
    s_sd = float(si.std())
    strength = float(qi.std()) / s_sd if s_sd > 1e-6 else 0.0
    corr = best_shift_ncc(q, s, round(max_shift_mm * px_per_mm))
    return {f"{prefix}_strength": strength, f"{prefix}_correlation": corr}


# -- grazing light: relief ---------------------------------------------------------------------
#: Scale of relief (mm): finer than the paper's grain, coarser than the lamp's fall-off.
RELIEF_BAND_MM = (0.06, 1.5)


def relief_shading(oblique: npt.NDArray[np.generic], white: npt.NDArray[np.generic], *,
                   px_per_mm: float) -> Float:
    """The shading relief casts under grazing light (log units, band-passed)."""
    return unexplained(oblique, white, px_per_mm=px_per_mm, fine_mm=RELIEF_BAND_MM[0],
                       coarse_mm=RELIEF_BAND_MM[1], log=True, slope=(0.6, 1.4))


#: Largest misregistration (mm) the relief's correlation searches over.
RELIEF_MAX_SHIFT_MM = 0.6


def relief_measures(q_shading: Float, s_shading: Float, *, px_per_mm: float) -> Measures:
    """``relief_strength`` and ``relief_correlation`` of a questioned shading against the
    specimen's expected shading under the same lamp direction."""
    return pattern_pair(q_shading, s_shading, px_per_mm=px_per_mm,
                        max_shift_mm=RELIEF_MAX_SHIFT_MM, prefix="relief")


# -- transmitted light: watermark, see-through register -----------------------------------------
THROUGH_BAND_MM = (0.12, 4.0)


def through_pattern(transmitted: npt.NDArray[np.generic], white: npt.NDArray[np.generic], *,
                    px_per_mm: float) -> Float:
    """What the light through the sheet shows beyond the face's print (log, band-passed)."""
    return unexplained(transmitted, white, px_per_mm=px_per_mm, fine_mm=THROUGH_BAND_MM[0],
                       coarse_mm=THROUGH_BAND_MM[1], log=True, slope=(0.3, 1.3))


def through_measures(q_t: npt.NDArray[np.generic], s_t: npt.NDArray[np.generic],
                     q_white: npt.NDArray[np.generic], s_white: npt.NDArray[np.generic], *,
                     px_per_mm: float) -> Measures:
    """``through_strength``, ``through_correlation`` and ``reflected_excess`` of a zone
    whose pattern lies inside the sheet."""
    _check(q_t, s_t, q_white, s_white)
    qp = through_pattern(q_t, q_white, px_per_mm=px_per_mm)
    sp = through_pattern(s_t, s_white, px_per_mm=px_per_mm)
    out = pattern_pair(qp, sp, px_per_mm=px_per_mm, max_shift_mm=0.8, prefix="through")
    shift = round(0.8 * px_per_mm)

    def refl(w: npt.NDArray[np.generic]) -> float:
        g = np.log(linear_lum(w) + np.float32(0.004))
        return best_shift_ncc(_band(g, px_per_mm, *THROUGH_BAND_MM), sp, shift)

    out["reflected_excess"] = refl(q_white) - refl(s_white)
    return out


# -- perforation -------------------------------------------------------------------------------
def hole_mask(transmitted: npt.NDArray[np.generic], *, px_per_mm: float) -> tuple[
        npt.NDArray[np.bool_], float]:
    """Pixels where light comes straight through (far brighter than the paper around
    them), and the paper's light level (linear)."""
    t = linear_lum(transmitted)
    paper = float(np.median(t))
    bright = float(np.percentile(t, 99.7))
    thr = paper + 0.5 * max(bright - paper, 0.0)
    mask = t > max(thr, paper * 1.6 + 0.02)
    # holes are small round spots: open away single noisy pixels
    k = max(1, round(0.08 * px_per_mm))
    mask = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN,
                            np.ones((k, k), np.uint8)).astype(bool)
    return mask, paper


def perforation_measures(q_t: npt.NDArray[np.generic], q_white: npt.NDArray[np.generic], *,
                         px_per_mm: float, dots: npt.NDArray[np.bool_] | None = None
                         ) -> Measures:
    """``hole_contrast``: the light through the dots over the light through the paper
    around them. ``dots`` are where the perforation is (default: what is dark in white
    light against the paper, or bright in transmitted light). Empty when the zone shows
    neither dots nor holes."""
    _check(q_t, q_white)
    t = linear_lum(q_t)
    holes, paper_t = hole_mask(q_t, px_per_mm=px_per_mm)
    if dots is None:
        w = linear_lum(q_white)
        w_paper = float(np.percentile(w, 75))
        dark = w < 0.55 * w_paper
        k = max(1, round(0.08 * px_per_mm))
        dark = cv2.morphologyEx(dark.astype(np.uint8), cv2.MORPH_OPEN,
                                np.ones((k, k), np.uint8)).astype(bool)
        dots = holes | dark
    if int(dots.sum()) < 6:
        return {}
    ring = cv2.dilate(dots.astype(np.uint8), np.ones((3, 3), np.uint8),
                      iterations=max(1, round(0.25 * px_per_mm))).astype(bool) & ~dots
    around = float(np.median(t[ring])) if ring.any() else paper_t
    inside = float(np.median(t[dots]))
    return {"hole_contrast": inside / max(1e-4, around)}


# -- coaxial light: retro-reflective laminate ------------------------------------------------------
RETRO_BAND_MM = (0.06, 3.0)


def retro_pattern(coaxial: npt.NDArray[np.generic], white: npt.NDArray[np.generic], *,
                  px_per_mm: float) -> Float:
    """What coaxial light shows beyond the diffuse print (linear, band-passed)."""
    return unexplained(coaxial, white, px_per_mm=px_per_mm, fine_mm=RETRO_BAND_MM[0],
                       coarse_mm=RETRO_BAND_MM[1], log=False, slope=(0.0, 1.5))


def retro_measures(q_c: npt.NDArray[np.generic], s_c: npt.NDArray[np.generic],
                   q_white: npt.NDArray[np.generic], s_white: npt.NDArray[np.generic], *,
                   px_per_mm: float) -> Measures:
    """``retro_strength`` and ``retro_correlation`` of a laminate zone."""
    _check(q_c, s_c, q_white, s_white)
    return pattern_pair(retro_pattern(q_c, q_white, px_per_mm=px_per_mm),
                        retro_pattern(s_c, s_white, px_per_mm=px_per_mm),
                        px_per_mm=px_per_mm, max_shift_mm=1.0, prefix="retro")


# -- fibres ------------------------------------------------------------------------------------
#: Hue bins of the fibres' colour mix (degrees).
HUE_BIN_DEG = 30.0
#: A fibre glows at least this much above the substrate (its ridge over the substrate's
#: median glow, linear).
FIBRE_MIN_RIDGE = 1.5


def fibre_candidates(uv: npt.NDArray[np.generic], *, px_per_mm: float,
                     exclude: npt.NDArray[np.bool_] | None = None
                     ) -> tuple[npt.NDArray[np.int32], int, npt.NDArray[np.float32]]:
    """Thin glowing threads in a UV crop: ``(labels, n, substrate colour)``. Labels
    ``1..n`` mark the fibres (isolated components 0.8–12 mm long and thin); 0 the rest.
    ``exclude`` removes areas (the specimen's printed luminescent features)."""
    if uv.ndim != 3:
        raise ValueError("fibres are counted on colour UV images")
    lin = linear(uv)
    lum = np.asarray(lin @ LUMA, np.float32)
    size = max(3, round(0.7 * px_per_mm)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    ridge = cv2.morphologyEx(lum, cv2.MORPH_TOPHAT, kernel)
    base = cv2.morphologyEx(lum, cv2.MORPH_OPEN, kernel)
    sub = float(np.median(base))
    noise = 1.4826 * float(np.median(np.abs(ridge - np.median(ridge)))) + 1e-5
    mask = (ridge > max(6.0 * noise, FIBRE_MIN_RIDGE * sub + 2.0 * noise)) & (
        ridge > 0.15 * base + 1e-4)
    if exclude is not None:
        mask &= ~exclude
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8),
                                                           connectivity=8)
    keep = np.zeros(n, np.int32)
    out_n = 0
    for i in range(1, n):
        w, h, area = stats[i, 2], stats[i, 3], stats[i, 4]
        extent_mm = math.hypot(w, h) / px_per_mm
        if not 0.8 <= extent_mm <= 12.0 or area < 3:
            continue
        # a thread: its mean width (area over extent) under 0.4 mm (not a blob or a print)
        if area / max(1.0, math.hypot(w, h)) > max(2.0, 0.4 * px_per_mm):
            continue
        out_n += 1
        keep[i] = out_n
    sub_colour = np.median(lin.reshape(-1, 3), axis=0).astype(np.float32)
    return keep[labels].astype(np.int32), out_n, sub_colour


def _hues(uv: npt.NDArray[np.generic], labels: npt.NDArray[np.int32], n: int,
          px_per_mm: float) -> list[float]:
    """Each fibre's hue: the colour of its ridge above its surroundings (a per-channel
    top-hat), so that the substrate and the print beneath do not tint it."""
    lin = linear(uv)
    size = max(3, round(0.7 * px_per_mm)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    ridge = np.stack([cv2.morphologyEx(np.ascontiguousarray(lin[..., c]), cv2.MORPH_TOPHAT,
                                       kernel) for c in range(3)], axis=-1).reshape(-1, 3)
    flat = labels.reshape(-1)
    sums = np.stack([np.bincount(flat, weights=ridge[:, c], minlength=n + 1)[:n + 1]
                     for c in range(3)], axis=1)
    out = []
    for i in range(1, n + 1):
        if float(sums[i].sum()) > 0:
            out.append(hue_deg(sums[i]))
    return out


def hue_histogram(hues: list[float]) -> Float:
    """A circular histogram of hues (bins of :data:`HUE_BIN_DEG`), each hue spread over
    its bin and the two beside it (1/2, 1/4, 1/4), normalised to sum 1."""
    bins = round(360 / HUE_BIN_DEG)
    hist = np.zeros(bins, np.float32)
    for h in hues:
        b = int((h % 360.0) // HUE_BIN_DEG)
        hist[b] += 0.5
        hist[(b - 1) % bins] += 0.25
        hist[(b + 1) % bins] += 0.25
    total = float(hist.sum())
    return hist / total if total > 0 else hist


Candidates = tuple[npt.NDArray[np.int32], int, npt.NDArray[np.float32]]


def fibre_measures(q_uv: npt.NDArray[np.generic], s_uv: npt.NDArray[np.generic],
                   q_white: npt.NDArray[np.generic] | None, *, px_per_mm: float,
                   exclude: npt.NDArray[np.bool_] | None = None,
                   candidates: tuple[Candidates, Candidates] | None = None) -> Measures:
    """``fibre_density`` (per cm²), ``fibre_colour_distance`` and, when enough fibre
    pixels lie under print that quenches the paper's glow, ``fibre_overprint``
    (:func:`fibre_overprint`; ``q_white``, the zone in white light, tells print from a
    reader's dim corner there, and may be ``None``).
    Empty when the specimen shows no fibres in the zone. ``candidates``: the
    questioned and the specimen's :func:`fibre_candidates` (with the same ``exclude``)
    when the caller has them already."""
    _check(q_uv, s_uv)
    if candidates is not None:
        (q_lab, q_n, _), (s_lab, s_n, _) = candidates
        if s_n < 3:
            return {}
    else:
        s_lab, s_n, _ = fibre_candidates(s_uv, px_per_mm=px_per_mm, exclude=exclude)
        if s_n < 3:
            return {}
        q_lab, q_n, _ = fibre_candidates(q_uv, px_per_mm=px_per_mm, exclude=exclude)
    area_cm2 = q_uv.shape[0] * q_uv.shape[1] / (px_per_mm * 10.0) ** 2
    if exclude is not None:
        area_cm2 *= 1.0 - float(exclude.mean())
    out: Measures = {"fibre_density": q_n / max(1e-6, area_cm2)}
    if q_n:
        hq = hue_histogram(_hues(q_uv, q_lab, q_n, px_per_mm))
        hs = hue_histogram(_hues(s_uv, s_lab, s_n, px_per_mm))
        out["fibre_colour_distance"] = 0.5 * float(np.abs(hq - hs).sum())
    else:
        out["fibre_colour_distance"] = 1.0
    if q_n:
        ratio = fibre_overprint(q_uv, q_lab, px_per_mm=px_per_mm, white=q_white)
        if ratio is not None:
            out["fibre_overprint"] = ratio
    return out


#: A fibre pixel lies under print (for :func:`fibre_overprint`) when, in white light,
#: its luminance is below this fraction of the zone's paper level (95th percentile):
#: the complement of the bare paper under a luminescent pattern
#: (``workstation.examination.checks.uv.UNPRINTED_LEVEL``).
UNDER_PRINT_LEVEL = 0.75


def fibre_overprint(uv: npt.NDArray[np.generic], labels: npt.NDArray[np.int32], *,
                    px_per_mm: float, white: npt.NDArray[np.generic] | None = None
                    ) -> float | None:
    """How brightly the fibres glow where print quenches the paper's own glow, over how
    brightly they glow on bare paper (both as the fibre's ridge above its surroundings,
    linear). A fibre inside the paper is quenched with it (about a third); a fibre
    printed on top of the print is not (about 1). With ``white`` (the same crop in
    white light, ``(H, W[, 3])``), quenched paper is also printed there
    (:data:`UNDER_PRINT_LEVEL`): a reader's UV lamp falls off towards a corner and dims
    the paper's glow there by half as well, with fibres on bare paper in it (family-2
    passport seed 1111: 31 such pixels read 1.17). ``None`` when fewer than 12 fibre
    pixels lie on quenched or on bare paper."""
    lin = linear(uv)
    lum = np.asarray(lin @ LUMA, np.float32)
    size = max(3, round(0.7 * px_per_mm)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    ridge = cv2.morphologyEx(lum, cv2.MORPH_TOPHAT, kernel)
    base = cv2.morphologyEx(lum, cv2.MORPH_OPEN, kernel)
    sub = float(np.median(base))
    fib = labels > 0
    quenched = fib & (base < 0.5 * sub)
    if white is not None and white.shape[:2] == uv.shape[:2]:
        wl = luminance(np.asarray(white, np.uint8))
        quenched &= wl < UNDER_PRINT_LEVEL * float(np.percentile(wl, 95))
    bare = fib & (base > 0.8 * sub)
    if int(quenched.sum()) < 12 or int(bare.sum()) < 12:
        return None
    return float(np.median(ridge[quenched])) / max(1e-6, float(np.median(ridge[bare])))


def luminescent_exclusion(s_uv: npt.NDArray[np.generic], *, px_per_mm: float) -> npt.NDArray[
        np.bool_]:
    """The specimen's printed luminescent features (glowing areas larger than a fibre),
    widened by 0.8 mm: where fibres are not counted."""
    lum = linear_lum(s_uv)
    sub = float(np.median(lum))
    noise = 1.4826 * float(np.median(np.abs(lum - sub))) + 1e-5
    hot = (lum > sub + max(5.0 * noise, 0.5 * sub)).astype(np.uint8)
    glow = np.asarray(cv2.dilate(hot, np.ones((3, 3), np.uint8),
                                 iterations=max(1, round(0.3 * px_per_mm))), np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(glow, connectivity=8)
    big = np.zeros(n, bool)
    for i in range(1, n):
        if max(stats[i, 2], stats[i, 3]) / px_per_mm > 9.0:
            big[i] = True
    mask = big[labels].astype(np.uint8)
    mask = cv2.dilate(mask, np.ones((3, 3), np.uint8), iterations=max(1, round(0.5 * px_per_mm)))
    return mask.astype(bool)


# -- microprint ---------------------------------------------------------------------------------
#: A microprinted capital's pitch (advance) over the line's height: a character's
#: advance in the bold sans capitals of microprint lies between these multiples of the cap
#: height (narrow I and wide M/W aside; the average over a line sits near 0.85). The
#: line's spectrum peaks at the strokes' spacing too (two or three strokes per letter);
#: bounding the search by the line's own height keeps the pitch, not a stroke's.
MICROPRINT_PITCH_PER_HEIGHT = (0.6, 1.3)


def microprint_period_mm(crop: npt.NDArray[np.generic], *, px_per_mm: float) -> float | None:
    """The character pitch (mm) of the print along the line: the dominant period of its
    darkness along its length among those a line of its height can have
    (:data:`MICROPRINT_PITCH_PER_HEIGHT`); ``None`` when no line is found. Measured on
    the specimen's image at its own density."""
    band = _line_band(crop)
    if band is None:
        return None
    prof = band.mean(axis=0)
    prof = prof - prof.mean()
    if prof.size < 16 or float(prof.std()) < 1e-6:
        return None
    spec = np.abs(np.fft.rfft(prof * np.hanning(prof.size))) ** 2
    freqs = np.fft.rfftfreq(prof.size, d=1.0 / px_per_mm)  # cycles per mm
    height_mm = band.shape[0] / px_per_mm
    lo, hi = MICROPRINT_PITCH_PER_HEIGHT
    ok = ((freqs > max(1.0, 1.0 / (hi * height_mm)))  # periods below 1 mm
          & (freqs < min(0.45 * px_per_mm, 1.0 / (lo * height_mm))))  # resolvable
    if not ok.any():
        return None
    f = float(freqs[ok][int(np.argmax(spec[ok]))])
    return 1.0 / f if f > 0 else None


def _line_rows(crop: npt.NDArray[np.generic]) -> tuple[int, int] | None:
    """``(first, end)`` rows of the crop holding the microprint line, or ``None``."""
    g = linear_lum(crop)
    paper = float(np.percentile(g, 90))
    if paper <= 1e-4:
        return None
    rows = np.clip(1.0 - g / paper, 0.0, 1.0).mean(axis=1)
    if float(rows.max()) < 0.04:
        return None
    idx = np.flatnonzero(rows >= 0.35 * float(rows.max()))
    return int(idx[0]), int(idx[-1]) + 1


def _line_band(crop: npt.NDArray[np.generic]) -> Float | None:
    """The rows of the crop holding the microprint line (darkness 0..1 per pixel)."""
    rows = _line_rows(crop)
    if rows is None:
        return None
    g = linear_lum(crop)
    dark = np.clip(1.0 - g / float(np.percentile(g, 90)), 0.0, 1.0)
    return np.asarray(dark[rows[0]:rows[1]], np.float32)


def microprint_detail(crop: npt.NDArray[np.generic], *, px_per_mm: float,
                      period_mm: float) -> float:
    """Fine structure along the line: the spread of the line's darkness along its length
    at scales up to two character pitches, over its mean darkness."""
    band = _line_band(crop)
    if band is None:
        return 0.0
    smooth = cv2.GaussianBlur(band, (0, 0), sigmaX=max(0.8, 1.0 * period_mm * px_per_mm),
                              sigmaY=0.1)
    hp = band - smooth
    mean = float(band.mean())
    return float(hp.std()) / max(1e-3, mean)


def _letter_structure(crop: npt.NDArray[np.generic], *, px_per_mm: float,
                      period_mm: float) -> Float:
    """Darkness 0..1 of the crop less its run along the line (smoothed over one character
    pitch): the letters' strokes, without the line's mean tone or uneven light."""
    g = linear_lum(crop)
    paper = max(1e-4, float(np.percentile(g, 90)))
    dark = np.clip(1.0 - g / paper, 0.0, 1.0).astype(np.float32)
    smooth = cv2.GaussianBlur(dark, (0, 0), sigmaX=max(0.8, period_mm * px_per_mm),
                              sigmaY=0.1)
    return np.asarray(dark - smooth, np.float32)


#: Windows of the specimen's line matched along the questioned line (letters).
MICROPRINT_WINDOWS = 3
#: Largest offset (mm) of the questioned line from the specimen's that the letters are
#: searched over, on every side of the zone: the pre-print's press registration against
#: the page together with the page's registration, as relief's
#: (:data:`RELIEF_MAX_SHIFT_MM`). A microprint zone is a thin band around the line (a
#: line of 0.4 mm capitals in 1.3 mm); a genuine line printed 0.5 mm off leaves half its
#: letters outside the zone, and their strokes cannot be found inside it.
MICROPRINT_MAX_SHIFT_MM = 0.6
#: A window's length in character pitches.
MICROPRINT_WINDOW_PITCHES = 8.0


def microprint_letters(q: npt.NDArray[np.generic], s: npt.NDArray[np.generic], *,
                       px_per_mm: float, period_mm: float) -> float:
    """How well the specimen's letters are found along the questioned line: the median
    over :data:`MICROPRINT_WINDOWS` windows of the specimen's line (each
    :data:`MICROPRINT_WINDOW_PITCHES` pitches long, the rows of the line only) of the best
    normalised correlation of its stroke structure anywhere on the questioned crop. At a
    density that resolves the letters, genuine print finds them; a halftone reprint breaks
    the strokes into screen dots, and a plain line has none. 0 when nothing is found.

    ``q`` ``(H', W'[, 3])`` may be larger than ``s`` ``(H, W[, 3])`` (the zone grown on
    every side, :func:`letters_rect`): the letters are then found where a genuine line
    printed off its place puts them."""
    _check(s)
    _check(q)
    if q.shape[0] < s.shape[0] or q.shape[1] < s.shape[1]:
        raise ValueError("the questioned crop is smaller than the specimen's")
    ds = _letter_structure(s, px_per_mm=px_per_mm, period_mm=period_mm)
    dq = _letter_structure(q, px_per_mm=px_per_mm, period_mm=period_mm)
    rows = _line_rows(s)
    if rows is None:
        return 0.0
    r0, r1 = rows
    r0, r1 = max(0, r0 - 1), min(ds.shape[0], r1 + 1)
    w = ds.shape[1]
    win = int(min(w // 2, round(MICROPRINT_WINDOW_PITCHES * period_mm * px_per_mm)))
    if win < 8 or r1 - r0 < 2:
        return 0.0
    scores = []
    for i in range(MICROPRINT_WINDOWS):
        cx = round(w * (i + 1) / (MICROPRINT_WINDOWS + 1))
        c0 = max(0, min(w - win, cx - win // 2))
        tmpl = np.ascontiguousarray(ds[r0:r1, c0:c0 + win])
        if float(tmpl.std()) < 1e-4 or float(dq.std()) < 1e-4:
            scores.append(0.0)
            continue
        res = cv2.matchTemplate(dq, tmpl, cv2.TM_CCOEFF_NORMED)
        scores.append(max(0.0, float(np.nanmax(res))))
    return float(np.median(scores))


def letters_rect(rect_mm: RectMM) -> RectMM:
    """The rectangle (mm) the letters are searched on: the zone grown on every side by
    :data:`MICROPRINT_MAX_SHIFT_MM`."""
    m = MICROPRINT_MAX_SHIFT_MM
    x, y, w, h = rect_mm
    return (x - m, y - m, w + 2 * m, h + 2 * m)


def microprint_measures(q: npt.NDArray[np.generic], s: npt.NDArray[np.generic], *,
                        px_per_mm: float, period_mm: float,
                        letters: bool = False,
                        q_letters: npt.NDArray[np.generic] | None = None) -> Measures:
    """``microprint_detail`` of the questioned line over the specimen's, both at the
    questioned density; with ``letters`` (a density that resolves them) also
    ``microprint_letters``, searched on ``q_letters`` (the capture over
    :func:`letters_rect` of the zone, at the same density) when given, else on ``q``."""
    _check(q, s)
    sd = microprint_detail(s, px_per_mm=px_per_mm, period_mm=period_mm)
    qd = microprint_detail(q, px_per_mm=px_per_mm, period_mm=period_mm)
    out = {"microprint_detail": qd / sd if sd > 1e-4 else 0.0}
    if letters:
        out["microprint_letters"] = microprint_letters(
            q if q_letters is None else q_letters, s, px_per_mm=px_per_mm,
            period_mm=period_mm)
    return out
