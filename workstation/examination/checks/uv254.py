"""Short-wave UV (254 nm): the second set of luminescent inks.

Some prints glow only under short-wave UV; the inks a forger finds glow under 365 nm
and stay dark at 254 nm. Each zone expecting ``luminescent`` under ``uv254`` must glow
above its own substrate as the specimen's does (exposure does not matter: the glow is
measured against the zone's own substrate), with the specimen's pattern and colour.
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

CHECK = "uv254.luminescent"
_U = Light.UV254


@check(CHECK, title="short-wave UV (254 nm) luminescent features present", lights=(_U,),
       expect=Expect.LUMINESCENT)
def luminescent254(ctx: ExamContext) -> list[CheckResult]:
    """Each zone luminescent under UV 254 glows with the specimen's pattern and colour
    (UV254_ELEMENT_ABSENT otherwise)."""
    pairs = zone_checks(ctx, Expect.LUMINESCENT, (_U,))
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", "the specimen marks no short-wave UV feature")]
    src = crop_source(ctx)
    out = []
    for zone, c in pairs:
        fm = measure_feature(zone, c, src)
        if not fm.measures:
            out.append(not_measured(CHECK, zone, _U, fm))
            continue
        m = fm.measures
        limits = [limit(zone, _U, "glow_contrast", prior=T.UV254_MIN_GLOW_CONTRAST,
                        side="min", rel=0.6)]
        if "correlation" in m:
            limits += [limit(zone, _U, "correlation", prior=T.UV_ELEMENT_MIN_CORRELATION,
                             side="min", rel=0.3),
                       limit(zone, _U, "hue_difference", prior=T.UV_ELEMENT_MAX_HUE_DEG,
                             side="max", floor=15.0)]
        ev = feature_evidence(ctx, zone, (_U, Light.UV), fm)
        label = zone.label or zone.id
        bad = failing(limits, m)
        if bad:
            lim = bad[0]
            what = {"glow_contrast": "does not glow under 254 nm",
                    "correlation": "glows in another pattern",
                    "hue_difference": "glows in another colour"}[lim.measure]
            out.append(scored(
                CHECK, zone, _U, ok=False, code="UV254_ELEMENT_ABSENT",
                message=f"{label}: {what} ({lim.measure.replace('_', ' ')} "
                        f"{m[lim.measure]:.2f}, limit {lim.value:.2f})",
                score=m[lim.measure], threshold=lim.value, limits=limits, fm=fm, evidence=ev))
        else:
            out.append(scored(
                CHECK, zone, _U, ok=True, code="UV254_ELEMENT_PRESENT",
                message=f"{label}: glows under 254 nm with the specimen's pattern and colour",
                score=m["glow_contrast"], threshold=limits[0].value, limits=limits, fm=fm,
                evidence=ev))
    return out
