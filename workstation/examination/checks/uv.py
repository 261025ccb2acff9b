"""UV checks: dull substrate, luminescent features present with the specimen's
pattern and colour, no luminescence where the specimen has none, and the
luminescent pattern running on across the portrait's edge."""

from __future__ import annotations

from typing import Any, Literal

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination import thresholds as T
from workstation.examination.measures import (
    best_shift_ncc,
    feature_signal,
    hue_difference,
    luminance,
    substrate_colour,
)
from workstation.examination.messages import message, zone_term
from workstation.examination.portrait_shift import MIN_PEAK, PASS_REACH_MM, pattern_offset
from workstation.examination.registry import (
    ExamContext,
    check,
    in_view_facts,
    learned_result,
    result,
    skipped,
)
from workstation.examination.tolerance import judge
from workstation.i18n import QT_TRANSLATE_NOOP, Join
from workstation.types import CheckResult, CheckStatus, Expect, Image, Light, Zone


def _inner(img: Image, frac: float = 0.06) -> Image:
    h, w = img.shape[:2]
    dy, dx = round(h * frac), round(w * frac)
    return img[dy:h - dy, dx:w - dx]


def page_substrate(ctx: ExamContext, source: Literal["capture", "specimen"]
                   ) -> npt.NDArray[np.float32]:
    """Median UV colour of the page (most of it is bare substrate), measured once per
    examination and source."""
    if source not in ctx.uv_substrate:
        img = (ctx.registered if source == "capture" else ctx.reference)[Light.UV]
        ctx.uv_substrate[source] = substrate_colour(_inner(img)[::3, ::3])
    return ctx.uv_substrate[source]


def _lum(colour: np.ndarray) -> float:
    c = np.asarray(colour, dtype=np.float64).ravel()
    if c.size == 1:
        return float(c[0])
    return float(0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2])


def uv_exposure_known(ctx: ExamContext) -> bool:
    """Whether the capture states its UV exposure (``capture.json`` ``exposure.uv``),
    so UV levels are absolute after normalisation."""
    exposure = ctx.capture.metadata.get("exposure")
    return isinstance(exposure, dict) and isinstance(exposure.get("uv"), (int, float))


# -- dull substrate -------------------------------------------------------------------------
def _generic_dull(ctx: ExamContext) -> list[CheckResult]:
    """No specimen: the substrate's UV luminance (paper pixels: bright in white light,
    outside dark print) relative to its white-light luminance."""
    if not ctx.page or Light.UV not in ctx.page:
        return [skipped("uv.dull_paper", "NO_DOCUMENT", message("NO_DOCUMENT"))]
    white = luminance(_inner(ctx.page[Light.WHITE], 0.04))
    uv = luminance(_inner(ctx.page[Light.UV], 0.04))
    paper = white > 0.85 * float(np.percentile(white, 95))
    if int(paper.sum()) < 100:
        return [skipped("uv.dull_paper", "NO_SUBSTRATE", message("NO_SUBSTRATE"))]
    w_level = float(np.median(white[paper]))
    uv_level = float(np.median(uv[paper]))
    score = uv_level / max(1.0, w_level)
    ev = ctx.page_evidence(Light.UV, None, "page (uv)") + ctx.page_evidence(
        Light.WHITE, None, "page (white)")
    if score > T.UV_DULL_MAX_ABSOLUTE:
        return [result("uv.dull_paper", CheckStatus.FAIL, "UV_DULL_PAPER",
                       message("UV_DULL_PAPER.page", score=score), zone="page", light=Light.UV,
                       score=score, threshold=T.UV_DULL_MAX_ABSOLUTE, evidence=ev)]
    return [result("uv.dull_paper", CheckStatus.PASS, "UV_DULL",
                   message("UV_DULL.page"), zone="page", light=Light.UV, score=score,
                   threshold=T.UV_DULL_MAX_ABSOLUTE, evidence=ev)]


@check("uv.dull_paper", title=QT_TRANSLATE_NOOP("check titles", "UV-dull substrate"),
       lights=(Light.UV,), expect=Expect.DULL, needs_specimen=False)
def dull(ctx: ExamContext) -> list[CheckResult]:
    """Zones expected ``dull`` under UV stay as dark as in the specimen (UV_DULL_PAPER)."""
    if ctx.specimen is None:
        return _generic_dull(ctx)
    zones = ctx.zones_expecting(Light.UV, Expect.DULL)
    if not zones:
        return [skipped("uv.dull_paper", "NO_ZONE", message("NO_ZONE.uv_dull"))]
    out = []
    for z in zones:
        # a zone the page carries partly beyond the image is judged on the part in view
        seen = ctx.in_view(z)
        cap = ref = None
        if seen is not None:
            cap, ref = (ctx.crop(seen[0], Light.UV, "capture"),
                        ctx.crop(seen[0], Light.UV, "specimen"))
        if seen is None or cap is None or ref is None:
            out.append(skipped("uv.dull_paper", "ZONE_OUTSIDE", message("ZONE_OUTSIDE"),
                               zone=z.id, light=Light.UV))
            continue
        part, in_view = seen
        # The substrate's UV level is comparable only when the reader reported its UV
        # exposure (an auto-exposing reader brightens a dull page); its colour always.
        names = (("uv_green_share",) if z.varies_by_holder or not uv_exposure_known(ctx)
                 else ("uv_level", "uv_green_share"))
        js = judge(z, Light.UV, ctx.zone_measures(part).get("uv", {}), names)
        if js is not None:
            label = zone_term(z.label or z.id)
            out.append(learned_result(
                "uv.dull_paper", z, Light.UV, js, evidence=ctx.evidence(part, (Light.UV,)),
                fail=("UV_DULL_PAPER", message("UV_DULL_PAPER.learned", zone=label)),
                ok=("UV_DULL", message("UV_DULL", zone=label)), **in_view))
            continue
        c_level = float(np.median(luminance(cap)))
        r_level = max(4.0, float(np.median(luminance(ref))))
        score = c_level / r_level
        ev = ctx.evidence(part, (Light.UV,))
        if score > T.UV_DULL_MAX_RATIO:
            out.append(result("uv.dull_paper", CheckStatus.FAIL, "UV_DULL_PAPER",
                              message("UV_DULL_PAPER", zone=zone_term(z.label or z.id),
                                      score=score), zone=z.id,
                              light=Light.UV, score=score, threshold=T.UV_DULL_MAX_RATIO,
                              evidence=ev, **in_view))
        else:
            out.append(result("uv.dull_paper", CheckStatus.PASS, "UV_DULL",
                              message("UV_DULL", zone=zone_term(z.label or z.id)), zone=z.id,
                              light=Light.UV, score=score, threshold=T.UV_DULL_MAX_RATIO,
                              evidence=ev, **in_view))
    return out


# -- luminescent features -------------------------------------------------------------------
def _feature_measures(ctx: ExamContext, cap: Image, ref: Image) -> dict[str, Any]:
    """Strength, pattern correlation and hue of a luminescent feature vs the specimen."""
    sub_c, sub_r = page_substrate(ctx, "capture"), page_substrate(ctx, "specimen")
    ref_f = ref.astype(np.float32).reshape(-1, 3) - sub_r.reshape(1, 3)
    lum_r = ref_f @ np.array([0.299, 0.587, 0.114], np.float32)
    top = lum_r >= np.percentile(lum_r, 90)
    colour_r = ref_f[top].mean(axis=0)
    if float(np.linalg.norm(colour_r)) < 1e-3:
        colour_r = np.array([1.0, 1.0, 1.0], np.float32)
    sig_c = feature_signal(cap, sub_c, colour_r)
    sig_r = feature_signal(ref, sub_r, colour_r)
    # Scale the capture's substrate-relative signal to the specimen's exposure.
    gain = max(4.0, _lum(sub_r)) / max(4.0, _lum(sub_c))
    strength_r = float(np.percentile(sig_r, 92))
    strength_c = float(np.percentile(sig_c, 92)) * gain
    ratio = strength_c / strength_r if strength_r > 4.0 else 0.0
    px_mm = ctx.work_dpi / 25.4
    blur = max(0.8, 0.25 * px_mm)
    corr = best_shift_ncc(np.asarray(cv2.GaussianBlur(sig_c, (0, 0), blur), np.float32),
                          np.asarray(cv2.GaussianBlur(sig_r, (0, 0), blur), np.float32),
                          round(0.6 * px_mm))
    cap_f = cap.astype(np.float32).reshape(-1, 3) - sub_c.reshape(1, 3)
    lit = sig_c.reshape(-1) >= 0.5 * max(1.0, float(np.percentile(sig_c, 92)))
    colour_c = cap_f[lit].mean(axis=0) if lit.any() else np.zeros(3, np.float32)
    hue = hue_difference(colour_c, colour_r) if float(np.linalg.norm(colour_c)) > 3 else 180.0
    return {"ratio": ratio, "corr": corr, "hue": hue, "sig_c": sig_c, "sig_r": sig_r,
            "gain": gain, "colour": colour_r}


def _crosses_portrait(ctx: ExamContext, z: Zone) -> Zone | None:
    """The portrait zone whose edge ``z`` straddles, if any."""
    assert ctx.specimen is not None
    x, y, w, h = z.rect_mm
    for p in ctx.specimen.zones_with_role("portrait"):
        px, py, pw, ph = p.rect_mm
        ix0, ix1 = max(x, px), min(x + w, px + pw)
        iy0, iy1 = max(y, py), min(y + h, py + ph)
        if ix1 <= ix0 or iy1 <= iy0:
            continue
        inter = (ix1 - ix0) * (iy1 - iy0)
        if 0.05 * w * h < inter < 0.95 * w * h:
            return p
    return None


@check("uv.luminescent", title=QT_TRANSLATE_NOOP("check titles", "luminescent features present"),
       lights=(Light.UV,),
       expect=Expect.LUMINESCENT)
def luminescent(ctx: ExamContext) -> list[CheckResult]:
    """Each ``luminescent`` zone glows with the specimen's strength, pattern and colour
    (VISIBLE_ELEMENT_ABSENT otherwise)."""
    zones = ctx.zones_expecting(Light.UV, Expect.LUMINESCENT)
    if not zones:
        return [skipped("uv.luminescent", "NO_ZONE", message("NO_ZONE.luminescent"))]
    out = []
    for z in zones:
        # A feature the page carries partly beyond the image is judged on the part in
        # view (its strength and pattern are measured against the specimen's same part).
        part = ctx.seen_part(z)
        cap = ref = None
        if part is not None:
            cap, ref = ctx.crop(part, Light.UV, "capture"), ctx.crop(part, Light.UV, "specimen")
        if part is None or cap is None or ref is None or cap.ndim != 3:
            out.append(skipped("uv.luminescent", "ZONE_OUTSIDE",
                               message("ZONE_OUTSIDE.uv_colour"),
                               zone=z.id, light=Light.UV))
            continue
        ev = ctx.evidence(part, (Light.UV, Light.WHITE))
        names = (("glow_contrast",) if z.varies_by_holder
                 else ("strength", "correlation", "hue_difference"))
        js = judge(z, Light.UV, ctx.zone_measures(part).get("uv", {}), names)
        in_view = in_view_facts(part, z)
        if js is not None:
            label = zone_term(z.label or z.id)
            out.append(learned_result(
                "uv.luminescent", z, Light.UV, js, evidence=ev,
                fail=("VISIBLE_ELEMENT_ABSENT", message("VISIBLE_ELEMENT_ABSENT.learned",
                                                        zone=label)),
                ok=("UV_ELEMENT_PRESENT", message("UV_ELEMENT_PRESENT.learned", zone=label)),
                **in_view))
            continue
        m = _feature_measures(ctx, cap, ref)
        problems = []
        if m["ratio"] < T.UV_ELEMENT_MIN_RATIO:
            problems.append(message("VISIBLE_ELEMENT_ABSENT:weak", ratio=m["ratio"]))
        if m["corr"] < T.UV_ELEMENT_MIN_CORRELATION:
            problems.append(message("VISIBLE_ELEMENT_ABSENT:pattern", correlation=m["corr"]))
        if not problems and m["hue"] > T.UV_ELEMENT_MAX_HUE_DEG:
            problems.append(message("VISIBLE_ELEMENT_ABSENT:colour", hue=m["hue"]))
        details = {"strength_ratio": round(m["ratio"], 3), "correlation": round(m["corr"], 3),
                   "hue_difference_deg": round(m["hue"], 1)}
        score = min(m["ratio"] / T.UV_ELEMENT_MIN_RATIO, m["corr"] / T.UV_ELEMENT_MIN_CORRELATION)
        if problems:
            out.append(result("uv.luminescent", CheckStatus.FAIL, "VISIBLE_ELEMENT_ABSENT",
                              message("VISIBLE_ELEMENT_ABSENT", zone=zone_term(z.label or z.id),
                                      problems=Join(tuple(problems))),
                              zone=z.id, light=Light.UV,
                              score=score, threshold=1.0, evidence=ev, **details))
        else:
            out.append(result("uv.luminescent", CheckStatus.PASS, "UV_ELEMENT_PRESENT",
                              message("UV_ELEMENT_PRESENT", zone=zone_term(z.label or z.id)),
                              zone=z.id, light=Light.UV, score=score,
                              threshold=1.0, evidence=ev, **details))
    return out


#: Least correlation of the capture's pattern with the specimen's, outside the portrait
#: at its best displacement, for that displacement to be taken as the print pass's
#: (:func:`_pass_aligned`; the portrait's own threshold for a pattern's position,
#: :data:`workstation.examination.portrait_shift.MIN_PEAK`).
PASS_MIN_PEAK = MIN_PEAK
#: A pixel counts as bare paper under the luminescent print when its white-light
#: luminance is at least this fraction of the zone's paper level in both the capture
#: and the specimen.
UNPRINTED_LEVEL = 0.75


def _unprinted(ctx: ExamContext, z: Zone, shape: tuple[int, int],
               moved: tuple[int, int] = (0, 0)) -> npt.NDArray[np.bool_]:
    """``(H, W)`` bool over ``z``: where neither the capture nor the specimen has print
    under the luminescent pattern in white light. The portrait (dark clothing, hair) and
    the personal data are printed over the pattern and absorb its glow, by as much as the
    holder's print is dark: the pattern's strength is compared only where it is not.
    ``moved``: ``(dy, dx)`` px, where the capture is read (:func:`_pass_aligned`)."""
    out = np.ones(shape, bool)
    for source in ("capture", "specimen"):
        white = ctx.crop(z, Light.WHITE, source)
        if source == "capture" and moved != (0, 0) and Light.WHITE in ctx.registered:
            r0, r1, c0, c1 = ctx.zone_box(z)
            page = ctx.registered[Light.WHITE]
            dy, dx = moved
            if (r0 + dy >= 0 and c0 + dx >= 0 and r1 + dy <= page.shape[0]
                    and c1 + dx <= page.shape[1]):
                white = page[r0 + dy:r1 + dy, c0 + dx:c1 + dx]
        if white is None or white.shape[:2] != shape:
            continue
        lum = luminance(white)
        out &= lum >= UNPRINTED_LEVEL * float(np.percentile(lum, 95))
    return out


def _pass_aligned(ctx: ExamContext, m: dict[str, Any], box: tuple[int, int, int, int],
                  outside: npt.NDArray[np.bool_]
                  ) -> tuple[npt.NDArray[np.float32], tuple[int, int]]:
    """The capture's feature signal over the zone ``box`` (``(r0, r1, c0, c1)`` px at the
    work density), moved onto the specimen's print pass: ``(H, W)`` float32, grey levels,
    and the move ``(dy, dx)`` px (where the capture is read).
    A luminescent pattern is printed in one pass, displaced on every sheet by that
    sheet's print registration (and in the capture by what registration leaves,
    together up to a millimetre: more than the strength's dilation forgives), the same
    amount wherever it lies: the displacement is found where the portrait does not
    cover the pattern (``outside``, ``(H, W)`` bool over the zone;
    :func:`workstation.examination.portrait_shift.pattern_offset`) and the whole zone is
    read there, so a holder whose print sits over the specimen's pattern lines but not
    over the capture's is not read as a pattern that stops. Unmoved when the pattern
    does not show where it sits (or the moved zone would leave the page)."""
    r0, r1, c0, c1 = box
    sig_c = np.asarray(m["sig_c"], np.float32)
    cap_uv, ref_uv = ctx.registered.get(Light.UV), ctx.reference.get(Light.UV)
    if cap_uv is None or ref_uv is None or cap_uv.ndim != 3 or cap_uv.shape != ref_uv.shape:
        return sig_c, (0, 0)
    page_c = feature_signal(cap_uv, page_substrate(ctx, "capture"), m["colour"])
    page_r = feature_signal(ref_uv, page_substrate(ctx, "specimen"), m["colour"])
    mask = np.zeros(page_c.shape, bool)
    mask[r0:r1, c0:c1] = outside & (m["sig_r"] > 0.5 * float(np.percentile(m["sig_r"], 95)))
    found = pattern_offset(page_c, page_r, mask, ctx.work_dpi / 25.4, reach_mm=PASS_REACH_MM)
    if found is None or found[2] < PASS_MIN_PEAK:
        return sig_c, (0, 0)
    dx, dy = round(found[0]), round(found[1])
    H, W = page_c.shape
    if r0 + dy < 0 or c0 + dx < 0 or r1 + dy > H or c1 + dx > W:
        return sig_c, (0, 0)
    return np.ascontiguousarray(page_c[r0 + dy:r1 + dy, c0 + dx:c1 + dx]), (dy, dx)


@check("uv.pattern_continuity",
       title=QT_TRANSLATE_NOOP("check titles", "luminescent pattern across the portrait's edge"),
       lights=(Light.UV,), expect=Expect.LUMINESCENT, roles=("portrait",))
def continuity(ctx: ExamContext) -> list[CheckResult]:
    """A luminescent zone straddling the portrait's edge glows as strongly inside the
    portrait as outside it (UV_PATTERN_BROKEN: portrait replaced)."""
    zones = [(z, p) for z in ctx.zones_expecting(Light.UV, Expect.LUMINESCENT)
             if (p := _crosses_portrait(ctx, z)) is not None]
    if not zones:
        return [skipped("uv.pattern_continuity", "NO_ZONE", message("NO_ZONE.continuity"))]
    out = []
    px_mm = ctx.work_dpi / 25.4
    for z, portrait in zones:
        # the part of the zone in view (its pixels are placed on the page by their box)
        seen = ctx.in_view(z)
        cap = ref = None
        if seen is not None:
            cap, ref = (ctx.crop(seen[0], Light.UV, "capture"),
                        ctx.crop(seen[0], Light.UV, "specimen"))
        if seen is None or cap is None or ref is None or cap.ndim != 3:
            out.append(skipped("uv.pattern_continuity", "ZONE_OUTSIDE", message("ZONE_OUTSIDE"),
                               zone=z.id, light=Light.UV))
            continue
        part, in_view = seen
        m = _feature_measures(ctx, cap, ref)
        sig_r = m["sig_r"]
        r0, r1, c0, c1 = ctx.zone_box(part)
        h, w = sig_r.shape
        yy, xx = np.mgrid[0:h, 0:w]
        x_mm = (xx + c0) / px_mm
        y_mm = (yy + r0) / px_mm
        px, py, pw, ph = portrait.rect_mm
        margin = 0.8
        inside = ((x_mm > px + margin) & (x_mm < px + pw - margin)
                  & (y_mm > py + margin) & (y_mm < py + ph - margin))
        outside = ((x_mm < px - margin) | (x_mm > px + pw + margin)
                   | (y_mm < py - margin) | (y_mm > py + ph + margin))
        sig_c, moved = _pass_aligned(ctx, m, (r0, r1, c0, c1), outside)
        sig_c = sig_c * m["gain"]
        feat = ((sig_r > 0.5 * float(np.percentile(sig_r, 95)))
                & _unprinted(ctx, part, sig_r.shape, moved))
        fin, fout = feat & inside, feat & outside
        if fin.sum() < 20 or fout.sum() < 20:
            out.append(skipped("uv.pattern_continuity", "NO_ZONE",
                               message("NO_ZONE.continuity_sides"), zone=z.id, light=Light.UV))
            continue
        # Strength of the pattern where the specimen has it, relative to the specimen,
        # inside and outside the portrait (tolerant to small misalignment: dilated max).
        k = max(3, round(0.5 * px_mm) | 1)
        sig_cd = cv2.dilate(sig_c, np.ones((k, k), np.uint8))
        rin = float(np.median(sig_cd[fin])) / max(1.0, float(np.median(sig_r[fin])))
        rout = float(np.median(sig_cd[fout])) / max(1.0, float(np.median(sig_r[fout])))
        score = rin / rout if rout > 0.05 else 0.0
        ev = ctx.evidence(part, (Light.UV, Light.WHITE)) + ctx.evidence(portrait, (Light.UV,))
        details = {"inside_ratio": round(rin, 3), "outside_ratio": round(rout, 3),
                   "pass_moved_mm": [round(v / px_mm, 2) for v in moved], **in_view}
        if rout <= 0.05:
            out.append(result("uv.pattern_continuity", CheckStatus.FAIL, "VISIBLE_ELEMENT_ABSENT",
                              message("VISIBLE_ELEMENT_ABSENT.pattern",
                                      zone=zone_term(z.label or z.id)),
                              zone=z.id, light=Light.UV, score=score,
                              threshold=T.UV_CONTINUITY_MIN_RATIO, evidence=ev, **details))
        elif score < T.UV_CONTINUITY_MIN_RATIO:
            out.append(result("uv.pattern_continuity", CheckStatus.FAIL, "UV_PATTERN_BROKEN",
                              message("UV_PATTERN_BROKEN", zone=zone_term(z.label or z.id),
                                      inside=rin, outside=rout),
                              zone=z.id, light=Light.UV, score=score,
                              threshold=T.UV_CONTINUITY_MIN_RATIO, evidence=ev, **details))
        else:
            out.append(result("uv.pattern_continuity", CheckStatus.PASS, "UV_PATTERN_CONTINUOUS",
                              message("UV_PATTERN_CONTINUOUS", zone=zone_term(z.label or z.id)),
                              zone=z.id, light=Light.UV, score=score,
                              threshold=T.UV_CONTINUITY_MIN_RATIO, evidence=ev, **details))
    return out


# -- false luminescence ---------------------------------------------------------------------
@check("uv.false_luminescence",
       title=QT_TRANSLATE_NOOP("check titles", "no luminescence where the specimen has none"),
       lights=(Light.UV,))
def false_luminescence(ctx: ExamContext) -> list[CheckResult]:
    """Connected areas glowing above the substrate where the specimen shows nothing
    (fibres, thin lines are ignored), FALSE_LUMINESCENCE when larger than
    :data:`UV_FALSE_MAX_AREA_MM2`."""
    cap, ref = ctx.registered[Light.UV], ctx.reference[Light.UV]
    px_mm = ctx.work_dpi / 25.4
    lc = luminance(cap) / max(4.0, _lum(page_substrate(ctx, "capture")))
    lr = luminance(ref) / max(4.0, _lum(page_substrate(ctx, "specimen")))
    # Remove thin luminous lines (security fibres) and noise: opening wider than a fibre.
    k = max(3, round(0.7 * px_mm) | 1)
    disk = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    lc = np.asarray(cv2.morphologyEx(cv2.GaussianBlur(lc, (0, 0), 1.0), cv2.MORPH_OPEN, disk),
                    dtype=np.float32)
    # The specimen's own features, widened to forgive print registration.
    kd = max(3, round(1.2 * px_mm) | 1)
    lr = np.asarray(cv2.dilate(cv2.GaussianBlur(lr, (0, 0), 1.0), np.ones((kd, kd), np.uint8)),
                    dtype=np.float32)
    # A luminescent zone whose content is the holder's (a ghost image) glows in its own
    # shape anywhere inside the zone: never "false" there.
    assert ctx.specimen is not None
    for z in ctx.zones_expecting(Light.UV, Expect.LUMINESCENT):
        if z.varies_by_holder:
            r0, r1, c0, c1 = ctx.zone_box(z)
            lr[r0:r1, c0:c1] = np.inf
    # Glowing: clearly above the substrate, and well above the specimen there (the
    # specimen's features may glow somewhat more or less than the capture's).
    hot = ((lc > 1.0 + T.UV_FALSE_LEVEL) & (lc > T.UV_FALSE_FEATURE_RATIO * lr)).astype(np.uint8)
    margin = round(1.5 * px_mm)
    hot[:margin] = 0
    hot[-margin:] = 0
    hot[:, :margin] = 0
    hot[:, -margin:] = 0
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(hot, connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA] / (px_mm * px_mm) if n > 1 else np.zeros(0)
    largest = float(areas.max()) if areas.size else 0.0
    if largest > T.UV_FALSE_MAX_AREA_MM2:
        i = int(np.argmax(areas)) + 1
        x, y, w, h = (int(v) for v in stats[i, :4])
        pad = round(2 * px_mm)
        r0, r1 = max(0, y - pad), min(cap.shape[0], y + h + pad)
        c0, c1 = max(0, x - pad), min(cap.shape[1], x + w + pad)
        zone = Zone("false-luminescence", (c0 / px_mm, r0 / px_mm, (c1 - c0) / px_mm,
                                           (r1 - r0) / px_mm))
        where = _zone_at(ctx, zone)
        ev = ctx.evidence(zone, (Light.UV, Light.WHITE))
        text = (message("FALSE_LUMINESCENCE", area=largest) if where is None else
                message("FALSE_LUMINESCENCE.at", area=largest, zone=zone_term(where)))
        return [result("uv.false_luminescence", CheckStatus.FAIL, "FALSE_LUMINESCENCE",
                       text, zone=zone.id, light=Light.UV, score=largest,
                       threshold=T.UV_FALSE_MAX_AREA_MM2, evidence=ev,
                       rect_mm=[round(v, 2) for v in zone.rect_mm])]
    return [result("uv.false_luminescence", CheckStatus.PASS, "UV_NO_FALSE_LUMINESCENCE",
                   message("UV_NO_FALSE_LUMINESCENCE"), zone="page",
                   light=Light.UV, score=largest, threshold=T.UV_FALSE_MAX_AREA_MM2)]


def _zone_at(ctx: ExamContext, area: Zone) -> str | None:
    """The label (or id) of the specimen zone that overlaps ``area`` most, if any."""
    if ctx.specimen is None:
        return None
    x, y, w, h = area.rect_mm
    best, best_a = None, 0.0
    for z in ctx.specimen.zones:
        zx, zy, zw, zh = z.rect_mm
        iw = min(x + w, zx + zw) - max(x, zx)
        ih = min(y + h, zy + zh) - max(y, zy)
        if iw > 0 and ih > 0 and iw * ih > best_a:
            best, best_a = z, iw * ih
    return (best.label or best.id) if best is not None else None

