"""White-light checks: ``match`` zones compared with the specimen's pattern, and
the portrait area checked for a pasted-over photo."""

from __future__ import annotations

from workstation.examination import thresholds as T
from workstation.examination.measures import pattern_similarity
from workstation.examination.messages import message, zone_term
from workstation.examination.registry import ExamContext, check, learned_result, result, skipped
from workstation.examination.tolerance import judge
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CheckResult, CheckStatus, Expect, Light


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
        # a zone the page carries partly beyond the image is judged on the part in view
        seen = ctx.in_view(z)
        cap = ref = None
        if seen is not None:
            cap, ref = ctx.crop(seen[0], light), ctx.crop(seen[0], light, "specimen")
        if seen is None or cap is None or ref is None or min(cap.shape[:2]) < 16:
            out.append(skipped("white.match", "ZONE_OUTSIDE", message("ZONE_OUTSIDE.small"),
                               zone=z.id, light=light))
            continue
        part, in_view = seen
        ev = ctx.evidence(part, (light,))
        if z.varies_by_holder:
            out.append(skipped("white.match", "HOLDER_ZONE", message(
                "HOLDER_ZONE", zone=zone_term(z.label or z.id)), zone=z.id, light=light))
            continue
        js = judge(z, light, ctx.zone_measures(part).get(light.value, {}),
                   ("similarity", "fine_detail", "ink_axis"))
        if js is not None:
            label = zone_term(z.label or z.id)
            out.append(learned_result(
                "white.match", z, light, js, evidence=ev,
                fail=("PATTERN_MISMATCH", message("PATTERN_MISMATCH.learned", zone=label)),
                ok=("PATTERN_MATCH", message("PATTERN_MATCH", zone=label)), **in_view))
            continue
        score = pattern_similarity(cap, ref, px_per_mm=px_mm)
        if score < T.PATTERN_MIN_SIMILARITY:
            out.append(result("white.match", CheckStatus.FAIL, "PATTERN_MISMATCH",
                              message("PATTERN_MISMATCH", zone=zone_term(z.label or z.id),
                                      score=score), zone=z.id, light=light, score=score,
                              threshold=T.PATTERN_MIN_SIMILARITY, evidence=ev, **in_view))
        else:
            out.append(result("white.match", CheckStatus.PASS, "PATTERN_MATCH",
                              message("PATTERN_MATCH", zone=zone_term(z.label or z.id)), zone=z.id,
                              light=light, score=score, threshold=T.PATTERN_MIN_SIMILARITY,
                              evidence=ev, **in_view))
    return out


@check("white.portrait", title=QT_TRANSLATE_NOOP("check titles", "portrait not substituted"),
       lights=(Light.WHITE,),
       roles=("portrait",))
def portrait(ctx: ExamContext) -> list[CheckResult]:
    """The portrait is the holder's own, printed with the document:

    * the paper's UV response does not change at the portrait's border
      (``uv_border_step`` against the specimen's learned range) — a photo printed on
      other paper and pasted in glows more (brightened office paper) or less (paper
      without the document's own luminescence) than the page around it;
    * a luminescent pattern printed across the portrait's edge sits inside the portrait
      where it sits around it (``pattern_shift`` against the specimen's learned range,
      :mod:`workstation.examination.portrait_shift`) — a portrait cut out of another
      document of the type, print and all, carries that sheet's print, laid elsewhere.

    Either failing is PORTRAIT_SUBSTITUTED. Neither measurable (no UV image or no
    learned statistics) is skipped (NO_STATISTICS). The ghost image, where the
    specimen has one, is compared with the portrait by ``ghost.portrait`` alone
    (:mod:`workstation.examination.checks.ghost`); the UV pattern across the
    portrait's edge (``uv.pattern_continuity``) still looks for a cut-in piece."""
    assert ctx.specimen is not None
    zones = ctx.specimen.zones_with_role("portrait")
    if not zones:
        return [skipped("white.portrait", "NO_ZONE", message("NO_ZONE.portrait"))]
    out = []
    for z in zones:
        label = zone_term(z.label or z.id)
        measures = ctx.zone_measures(z)
        border = judge(z, Light.UV, measures.get(Light.UV.value, {}), ("uv_border_step",))
        if border is not None:
            ev = ctx.evidence(z, (Light.UV, Light.WHITE))
            out.append(learned_result(
                "white.portrait", z, Light.UV, border, evidence=ev,
                fail=("PORTRAIT_SUBSTITUTED", message("PORTRAIT_SUBSTITUTED.border",
                                                      zone=label)),
                ok=("PORTRAIT_INTACT", message("PORTRAIT_INTACT.border", zone=label))))
        shift = judge(z, Light.UV, measures.get(Light.UV.value, {}), ("pattern_shift",))
        if shift is not None:
            out.append(learned_result(
                "white.portrait", z, Light.UV, shift,
                evidence=ctx.evidence(z, (Light.UV, Light.WHITE)),
                fail=("PORTRAIT_SUBSTITUTED", message("PORTRAIT_SUBSTITUTED.shift",
                                                      zone=label)),
                ok=("PORTRAIT_INTACT", message("PORTRAIT_INTACT.shift", zone=label))))
        if border is None and shift is None:
            out.append(skipped("white.portrait", "NO_STATISTICS", message(
                "NO_STATISTICS.portrait", zone=label), zone=z.id, light=Light.UV))
    return out
