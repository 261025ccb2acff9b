"""Microprint: lines of tiny text, resolved as text and not reduced to a plain line.

Microprint is judged at the capture's own density (the straightened page, not the
work density), against the specimen's line brought to that density. It needs enough
pixels per character: below :data:`~workstation.examination.feature_zone.
MICROPRINT_PX_PER_PERIOD` pixels per character pitch (the pitch measured on the
specimen) the check is ``skipped`` and says which density it needs.
"""

from __future__ import annotations

from workstation.examination import thresholds as T
from workstation.examination.checks.feature_common import (
    crop_source,
    failing,
    feature_evidence,
    not_measured,
    scored,
    zone_checks,
)
from workstation.examination.feature_zone import measure_feature
from workstation.examination.registry import ExamContext, check, skipped
from workstation.examination.tolerance import limit
from workstation.types import CheckResult, Expect, Light

CHECK = "white.microprint"


@check(CHECK, title="microprint resolved as text", lights=(Light.WHITE,),
       expect=Expect.MICROPRINT)
def microprint(ctx: ExamContext) -> list[CheckResult]:
    """Each ``microprint`` zone shows the specimen's fine text along the line
    (MICROPRINT_DEGRADED: a plain or blurred line; RESOLUTION_TOO_LOW, skipped: the
    capture is too coarse to tell)."""
    pairs = zone_checks(ctx, Expect.MICROPRINT)
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", "the specimen marks no microprint")]
    src = crop_source(ctx)
    out = []
    for zone, c in pairs:
        if c.light not in ctx.lights:
            out.append(skipped(CHECK, "LIGHT_MISSING", f"the capture has no {c.light.value} "
                               f"image", zone=zone.id, light=c.light))
            continue
        fm = measure_feature(zone, c, src)
        if not fm.measures:
            out.append(not_measured(CHECK, zone, c.light, fm))
            continue
        m = fm.measures
        limits = [limit(zone, c.light, "microprint_detail", prior=T.MICROPRINT_MIN_DETAIL,
                        side="min", rel=0.35)]
        ev = feature_evidence(ctx, zone, (c.light,), fm)
        label = zone.label or zone.id
        if failing(limits, m):
            lim = limits[0]
            out.append(scored(
                CHECK, zone, c.light, ok=False, code="MICROPRINT_DEGRADED",
                message=f"{label}: the fine text is not there ({m['microprint_detail']:.0%} of "
                        f"the specimen's detail at {fm.extra.get('dpi')} dpi, needs "
                        f"{lim.value:.0%}): a plain line, as a copy prints it",
                score=m["microprint_detail"], threshold=lim.value, limits=limits, fm=fm,
                evidence=ev))
        else:
            out.append(scored(
                CHECK, zone, c.light, ok=True, code="MICROPRINT_RESOLVED",
                message=f"{label}: resolved as text at {fm.extra.get('dpi')} dpi",
                score=m["microprint_detail"], threshold=limits[0].value, limits=limits,
                fm=fm, evidence=ev))
    return out
