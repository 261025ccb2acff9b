"""Coaxial light: the laminate's retro-reflective pattern.

Light along the camera's axis comes back from retro-reflective beads of a security
laminate far more than from paper: the pattern is bright under coaxial light and absent
in diffuse white light. What the coaxial image shows beyond a linear function of the
white image (:func:`~workstation.examination.feature_measures.retro_pattern`) is
compared with the specimen's; a laminate without the pattern, or no laminate, leaves
only the print.
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

CHECK = "coaxial.pattern"
_C = Light.COAXIAL


@check(CHECK, title="retro-reflective laminate pattern under coaxial light", lights=(_C,),
       expect=Expect.RETROREFLECTIVE)
def pattern(ctx: ExamContext) -> list[CheckResult]:
    """Each ``retroreflective`` zone shows the specimen's laminate pattern under coaxial
    light (RETROREFLECTIVE_ABSENT otherwise)."""
    pairs = zone_checks(ctx, Expect.RETROREFLECTIVE, (_C,))
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", "the specimen marks no retro-reflective laminate")]
    src = crop_source(ctx)
    out = []
    for zone, c in pairs:
        fm = measure_feature(zone, c, src)
        if not fm.measures:
            out.append(not_measured(CHECK, zone, _C, fm))
            continue
        m = fm.measures
        limits = [limit(zone, _C, "retro_strength", prior=T.RETRO_MIN_STRENGTH, side="min",
                        rel=0.35),
                  limit(zone, _C, "retro_correlation", prior=T.RETRO_MIN_CORRELATION,
                        side="min", rel=0.3)]
        ev = feature_evidence(ctx, zone, (_C, Light.WHITE), fm)
        label = zone.label or zone.id
        bad = failing(limits, m)
        if bad:
            lim = bad[0]
            out.append(scored(
                CHECK, zone, _C, ok=False, code="RETROREFLECTIVE_ABSENT",
                message=f"{label}: coaxial light shows no retro-reflective pattern like the "
                        f"specimen's ({lim.measure.replace('_', ' ')} {m[lim.measure]:.2f}, "
                        f"needs {lim.value:.2f}): another laminate, or none",
                score=m[lim.measure], threshold=lim.value, limits=limits, fm=fm, evidence=ev))
        else:
            out.append(scored(
                CHECK, zone, _C, ok=True, code="RETROREFLECTIVE_PRESENT",
                message=f"{label}: the laminate's pattern shows under coaxial light",
                score=m["retro_correlation"], threshold=limits[1].value, limits=limits, fm=fm,
                evidence=ev))
    return out
