"""White-light checks: ``match`` zones compared with the specimen's pattern, and
the portrait area checked for a pasted-over photo."""

from __future__ import annotations

import numpy as np

from workstation.examination import thresholds as T
from workstation.examination.measures import luminance, pattern_similarity
from workstation.examination.messages import message, zone_term
from workstation.examination.registry import ExamContext, check, result, skipped
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CheckResult, CheckStatus, Expect, Light, Zone


@check("white.match", title=QT_TRANSLATE_NOOP("check titles", "pattern matches the specimen"),
       lights=(Light.WHITE,),
       expect=Expect.MATCH)
def match(ctx: ExamContext) -> list[CheckResult]:
    """Each ``match`` zone has the specimen's pattern: the best correlation of the
    band-passed zones over shifts up to 0.9 mm (robust to print registration,
    residual misalignment and exposure) must reach :data:`PATTERN_MIN_SIMILARITY`
    (PATTERN_MISMATCH otherwise)."""
    assert ctx.specimen is not None
    zones = [(z, c.light) for z in ctx.specimen.zones for c in z.checks
             if c.expect == Expect.MATCH and c.light in ctx.registered]
    if not zones:
        return [skipped("white.match", "NO_ZONE", message("NO_ZONE.match"))]
    px_mm = ctx.work_dpi / 25.4
    out = []
    for z, light in zones:
        cap, ref = ctx.crop(z, light), ctx.crop(z, light, "specimen")
        if cap is None or ref is None or min(cap.shape[:2]) < 16:
            out.append(skipped("white.match", "ZONE_OUTSIDE", message("ZONE_OUTSIDE.small"),
                               zone=z.id, light=light))
            continue
        score = pattern_similarity(cap, ref, px_per_mm=px_mm)
        ev = ctx.evidence(z, (light,))
        if score < T.PATTERN_MIN_SIMILARITY:
            out.append(result("white.match", CheckStatus.FAIL, "PATTERN_MISMATCH",
                              message("PATTERN_MISMATCH", zone=zone_term(z.label or z.id),
                                      score=score), zone=z.id, light=light, score=score,
                              threshold=T.PATTERN_MIN_SIMILARITY, evidence=ev))
        else:
            out.append(result("white.match", CheckStatus.PASS, "PATTERN_MATCH",
                              message("PATTERN_MATCH", zone=zone_term(z.label or z.id)), zone=z.id,
                              light=light, score=score, threshold=T.PATTERN_MIN_SIMILARITY,
                              evidence=ev))
    return out


def edge_line_score(profile: np.ndarray, *, px_per_mm: float) -> float:
    """How strongly a profile across an edge dips into a thin dark line: the largest
    depth of a point below the brighter of its two sides' maxima within 0.6 mm,
    relative to the profile's bright level (0: no line)."""
    p = np.asarray(profile, dtype=np.float64)
    n = p.size
    wlen = max(2, round(0.6 * px_per_mm))
    if n < 2 * wlen + 1:
        return 0.0
    level = max(1.0, float(np.percentile(p, 90)))
    best = 0.0
    for i in range(wlen, n - wlen):
        left = p[i - wlen:i].max()
        right = p[i + 1:i + 1 + wlen].max()
        depth = min(left, right) - p[i]
        best = max(best, depth / level)
    return best


@check("white.portrait", title=QT_TRANSLATE_NOOP("check titles", "portrait not substituted"),
       lights=(Light.WHITE,),
       roles=("portrait",))
def portrait(ctx: ExamContext) -> list[CheckResult]:
    """Around the portrait, a straight thin dark line parallel to its edges (the cut
    edge and shadow of a photo pasted over it) means substitution."""
    assert ctx.specimen is not None
    zones = ctx.specimen.zones_with_role("portrait")
    if not zones:
        return [skipped("white.portrait", "NO_ZONE", message("NO_ZONE.portrait"))]
    out = []
    dpi = 300.0
    for z in zones:
        x, y, w, h = z.rect_mm
        band_in, band_out, trim = 1.2, 2.2, 2.0
        rect = (x - band_out, y - band_out, w + 2 * band_out, h + 2 * band_out)
        crop = ctx.hires_crop(rect, Light.WHITE, dpi=dpi)
        if crop is None:
            out.append(skipped("white.portrait", "ZONE_OUTSIDE", message("ZONE_OUTSIDE.portrait"),
                               zone=z.id, light=Light.WHITE))
            continue
        g = luminance(crop)
        px_mm = crop.shape[1] / rect[2]
        H, W = g.shape
        o, i_, t = (round(v * px_mm) for v in (band_out, band_in, trim))
        sides = {
            "top": g[0:o + i_, o + t:W - o - t].mean(axis=1),
            "bottom": g[H - o - i_:H, o + t:W - o - t].mean(axis=1)[::-1],
            "left": g[o + t:H - o - t, 0:o + i_].mean(axis=0),
            "right": g[o + t:H - o - t, W - o - i_:W].mean(axis=0)[::-1],
        }
        scores = {k: edge_line_score(v, px_per_mm=px_mm) for k, v in sides.items()}
        # A pasted print shows its edge on at least two sides: rank the second strongest.
        ranked = sorted(scores.values(), reverse=True)
        score = ranked[1] if len(ranked) > 1 else ranked[0]
        ev = ctx.evidence(Zone(z.id, rect), (Light.WHITE, Light.UV))
        details = {k: round(v, 3) for k, v in scores.items()}
        if score > T.PORTRAIT_MAX_SCORE:
            out.append(result("white.portrait", CheckStatus.FAIL, "PORTRAIT_SUBSTITUTED",
                              message("PORTRAIT_SUBSTITUTED", zone=zone_term(z.label or z.id)),
                              zone=z.id, light=Light.WHITE,
                              score=score, threshold=T.PORTRAIT_MAX_SCORE, evidence=ev,
                              **details))
        else:
            out.append(result("white.portrait", CheckStatus.PASS, "PORTRAIT_INTACT",
                              message("PORTRAIT_INTACT", zone=zone_term(z.label or z.id)),
                              zone=z.id,
                              light=Light.WHITE, score=score, threshold=T.PORTRAIT_MAX_SCORE,
                              evidence=ev, **details))
    return out
