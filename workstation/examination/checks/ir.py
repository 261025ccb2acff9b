"""IR (B900) checks: IR-absorbing print (MRZ, personal data, marks) shows with
contrast; zones printed in IR-dropout inks show no structure."""

from __future__ import annotations

from typing import Any

import numpy as np

from workstation.examination import thresholds as T
from workstation.examination.ir_measures import IR_CLIPPED_PAPER_SHARE
from workstation.examination.measures import ink_contrast, structure
from workstation.examination.messages import light_term, message, zone_term
from workstation.examination.registry import ExamContext, check, learned_result, result, skipped
from workstation.examination.tolerance import Judgement, judge, tolerance
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CheckResult, CheckStatus, Evidence, Expect, Light


def _generic_mrz_ir(ctx: ExamContext) -> list[CheckResult]:
    """No specimen: the MRZ region (as located by the MRZ reader) under IR."""
    if not ctx.page:
        return [skipped("ir.visible", "NO_DOCUMENT", message("NO_DOCUMENT"))]
    region = ctx.mrz_region_page
    if region is None:
        return [skipped("ir.visible", "MRZ_NOT_FOUND", message("MRZ_NOT_FOUND.ir"))]
    pts = np.asarray(region, dtype=np.float64)
    white = ctx.page[Light.WHITE]
    h, w = white.shape[:2]
    pad = 4
    c0, c1 = int(max(0, pts[:, 0].min() - pad)), int(min(w, pts[:, 0].max() + pad))
    r0, r1 = int(max(0, pts[:, 1].min() - pad)), int(min(h, pts[:, 1].max() + pad))
    if r1 - r0 < 8 or c1 - c0 < 8:
        return [skipped("ir.visible", "MRZ_NOT_FOUND", message("MRZ_NOT_FOUND.small"))]
    ratio, _, n = ink_contrast(ctx.page[Light.IR][r0:r1, c0:c1], white[r0:r1, c0:c1])
    ev = (ctx.page_evidence(Light.IR, (r0, r1, c0, c1), "MRZ (ir)")
          + ctx.page_evidence(Light.WHITE, (r0, r1, c0, c1), "MRZ (white)"))
    return [_visible_result("mrz", QT_TRANSLATE_NOOP("zones", "machine readable zone"), ratio,
                            n, ev)]


def _visible_result(zone_id: str, label: str, ratio: float, n: int,
                    ev: list[Evidence]) -> CheckResult:
    zone = zone_term(label)
    if n < 10:
        return skipped("ir.visible", "NO_PRINT", message("NO_PRINT", zone=zone),
                       zone=zone_id, light=Light.IR)
    if ratio < T.IR_VISIBLE_MIN_RATIO:
        return result("ir.visible", CheckStatus.FAIL, "IR_B900_LOW_CONTRAST",
                      message("IR_B900_LOW_CONTRAST", zone=zone, ratio=ratio),
                      zone=zone_id, light=Light.IR,
                      score=ratio, threshold=T.IR_VISIBLE_MIN_RATIO, evidence=ev)
    return result("ir.visible", CheckStatus.PASS, "IR_B900_CONTRAST",
                  message("IR_B900_CONTRAST", zone=zone), zone=zone_id, light=Light.IR,
                  score=ratio, threshold=T.IR_VISIBLE_MIN_RATIO, evidence=ev)


@check("ir.visible", title=QT_TRANSLATE_NOOP("check titles", "IR-absorbing print shows under IR"),
       lights=(Light.IR,),
       expect=Expect.VISIBLE, needs_specimen=False)
def visible(ctx: ExamContext) -> list[CheckResult]:
    """Zones expected ``visible`` under IR keep their white-light contrast
    (IR_B900_LOW_CONTRAST otherwise). Without a specimen: the MRZ."""
    if ctx.specimen is None:
        return _generic_mrz_ir(ctx)
    zones = ctx.zones_expecting(Light.IR, Expect.VISIBLE)
    if not zones:
        return [skipped("ir.visible", "NO_ZONE", message("NO_ZONE.ir_visible"))]
    out = []
    for z in zones:
        # a zone the page carries partly beyond the image is judged on the part in view
        seen = ctx.in_view(z)
        cap_ir = cap_w = None
        if seen is not None:
            cap_ir, cap_w = ctx.crop(seen[0], Light.IR), ctx.crop(seen[0], Light.WHITE)
        if seen is None or cap_ir is None or cap_w is None:
            out.append(skipped("ir.visible", "ZONE_OUTSIDE", message("ZONE_OUTSIDE"),
                               zone=z.id, light=Light.IR))
            continue
        part, in_view = seen
        measured = ctx.zone_measures(part).get("ir", {})
        js = judge(z, Light.IR, measured, ("ir_print_ratio",))
        clipped: dict[str, Any] = {}
        if (js is not None and measured.get("ir_paper_clipped", 0.0) >= IR_CLIPPED_PAPER_SHARE
                and not measured.get("ir_paper_estimated")):
            # The reader clipped the paper under IR (over-exposed) and the design has no
            # fixed IR-absorbing print to tell the paper's true level: the ratio is only
            # a lower bound, held against the prior minimum, not the learned range.
            js = [Judgement(j.measure, j.value, tolerance(None, j.measure)) for j in js]
            clipped = {"ir_paper_clipped": round(measured["ir_paper_clipped"], 3)}
        if js is not None:
            label = zone_term(z.label or z.id)
            out.append(learned_result(
                "ir.visible", z, Light.IR, js,
                evidence=ctx.evidence(part, (Light.IR, Light.WHITE)),
                fail=("IR_B900_LOW_CONTRAST", message("IR_B900_LOW_CONTRAST.learned",
                                                      zone=label)),
                ok=("IR_B900_CONTRAST", message("IR_B900_CONTRAST", zone=label)), **clipped,
                **in_view))
            continue
        ratio, _, n = ink_contrast(cap_ir, cap_w)
        out.append(_visible_result(z.id, z.label or z.id, ratio, n,
                                   ctx.evidence(part, (Light.IR, Light.WHITE))))
    return out


@check("ir.invisible",
       title=QT_TRANSLATE_NOOP("check titles", "IR-dropout print vanishes under IR"),
       lights=(Light.IR,),
       expect=Expect.INVISIBLE)
def invisible(ctx: ExamContext) -> list[CheckResult]:
    """Zones expected ``invisible`` under a light show no more structure there, relative
    to their white-light structure, than the specimen does (INVISIBLE_ELEMENT_PRESENT)."""
    assert ctx.specimen is not None
    zones = [(z, c.light) for z in ctx.specimen.zones for c in z.checks
             if c.expect == Expect.INVISIBLE and c.light in ctx.registered]
    if not zones:
        return [skipped("ir.invisible", "NO_ZONE", message("NO_ZONE.invisible"))]
    px_mm = ctx.work_dpi / 25.4
    out = []
    for z, light in zones:
        # a zone the page carries partly beyond the image is judged on the part in view
        seen = ctx.in_view(z)
        if seen is None:
            out.append(skipped("ir.invisible", "ZONE_OUTSIDE", message("ZONE_OUTSIDE"),
                               zone=z.id, light=light))
            continue
        part, in_view = seen
        cap, ref = ctx.crop(part, light), ctx.crop(part, light, "specimen")
        cap_w, ref_w = ctx.crop(part, Light.WHITE), ctx.crop(part, Light.WHITE, "specimen")
        if cap is None or ref is None or cap_w is None or ref_w is None:
            out.append(skipped("ir.invisible", "ZONE_OUTSIDE", message("ZONE_OUTSIDE"),
                               zone=z.id, light=light))
            continue
        names = ("ir_structure",) if z.varies_by_holder else ("ir_structure_excess",)
        js = (judge(z, light, ctx.zone_measures(part).get(light.value, {}), names)
              if light != Light.WHITE else None)
        if js is not None:
            label = zone_term(z.label or z.id)
            out.append(learned_result(
                "ir.invisible", z, light, js,
                evidence=ctx.evidence(part, (light, Light.WHITE)),
                fail=("INVISIBLE_ELEMENT_PRESENT", message(
                    "INVISIBLE_ELEMENT_PRESENT", zone=label, light=light_term(light))),
                ok=("IR_INVISIBLE", message("IR_INVISIBLE", zone=label,
                                            light=light_term(light))), **in_view))
            continue
        if light == Light.WHITE:
            # Invisible in white light: no more structure than the specimen shows there.
            s_ref = max(1.0, structure(ref, px_per_mm=px_mm))
            score = structure(cap, px_per_mm=px_mm) / s_ref - 1.0
        else:
            sw_cap = max(1.0, structure(cap_w, px_per_mm=px_mm))
            sw_ref = max(1.0, structure(ref_w, px_per_mm=px_mm))
            score = (structure(cap, px_per_mm=px_mm) / sw_cap
                     - structure(ref, px_per_mm=px_mm) / sw_ref)
        limit = T.IR_INVISIBLE_MAX_RATIO if light != Light.WHITE else 1.0
        ev = ctx.evidence(part, (light, Light.WHITE) if light != Light.WHITE else (light,))
        if score > limit:
            out.append(result("ir.invisible", CheckStatus.FAIL, "INVISIBLE_ELEMENT_PRESENT",
                              message("INVISIBLE_ELEMENT_PRESENT", zone=zone_term(z.label or z.id),
                                      light=light_term(light)), zone=z.id, light=light,
                              score=score, threshold=limit, evidence=ev, **in_view))
        else:
            out.append(result("ir.invisible", CheckStatus.PASS, "IR_INVISIBLE",
                              message("IR_INVISIBLE", zone=zone_term(z.label or z.id),
                                      light=light_term(light)),
                              zone=z.id, light=light, score=score, threshold=limit, evidence=ev,
                              **in_view))
    return out
