"""The ghost image: a second, small picture of the holder that must repeat the portrait.

A ghost image is printed, engraved or luminescent, under the light the specimen names
(``ghost_of:portrait`` under white, UV or IR). It must correlate with the page's own
portrait — as a positive or a negative, as the specimen's ghost does with the
specimen's portrait — as well as a genuine ghost does, clearly better than two
different faces of the type do (``ghost_identity``): a substituted portrait, or a
ghost made of another face, breaks it.
"""

from __future__ import annotations

from workstation.examination import thresholds as T
from workstation.examination.checks.feature_common import (
    crop_source,
    failing,
    feature_evidence,
    light_missing,
    not_measured,
    scored,
    zone_checks,
)
from workstation.examination.feature_zone import measure_feature
from workstation.examination.registry import ExamContext, check, skipped
from workstation.examination.tolerance import limit
from workstation.types import CheckResult, Expect, Light

CHECK = "ghost.portrait"


@check(CHECK, title="ghost image repeats the portrait", lights=(Light.WHITE,),
       expect=Expect.GHOST_OF)
def ghost(ctx: ExamContext) -> list[CheckResult]:
    """Each ``ghost_of`` zone repeats the zone it names (GHOST_MISMATCH otherwise)."""
    pairs = zone_checks(ctx, Expect.GHOST_OF)
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", "the specimen marks no ghost image")]
    src = crop_source(ctx)
    out = []
    for zone, c in pairs:
        if c.light not in ctx.lights:
            out.append(light_missing(CHECK, c.light, zone.id))
            continue
        fm = measure_feature(zone, c, src)
        if not fm.measures:
            out.append(not_measured(CHECK, zone, c.light, fm))
            continue
        m = fm.measures
        limits = [limit(zone, c.light, "ghost_similarity", prior=T.GHOST_MIN_SIMILARITY,
                        side="min", rel=0.3),
                  limit(zone, c.light, "ghost_identity", prior=T.GHOST_MIN_IDENTITY, side="min",
                        floor=0.25)]
        ev = feature_evidence(ctx, zone, tuple(dict.fromkeys((c.light, Light.WHITE))), fm)
        label = zone.label or zone.id
        of = c.target or "portrait"
        bad = failing(limits, m)
        if bad:
            lim = bad[0]
            out.append(scored(
                CHECK, zone, c.light, ok=False, code="GHOST_MISMATCH",
                message=f"{label}: does not repeat the {of} "
                        f"({lim.measure.replace('_', ' ')} {m[lim.measure]:.2f}, needs "
                        f"{lim.value:.2f}): another face, or the {of} was replaced",
                score=m[lim.measure], threshold=lim.value, limits=limits, fm=fm, evidence=ev))
        else:
            out.append(scored(
                CHECK, zone, c.light, ok=True, code="GHOST_MATCHES",
                message=f"{label}: repeats the {of}", score=m["ghost_similarity"],
                threshold=limits[0].value, limits=limits, fm=fm, evidence=ev))
    return out
