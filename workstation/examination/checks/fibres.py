"""UV fibres: the security fibres of the paper, counted and coloured per area.

Fibres are thin, isolated, glowing threads a few millimetres long, scattered through
the paper (the specimen's printed luminescent features are left out of the count).
Their density and the mix of their colours must fall within the specimen's statistics;
fibres embedded in the paper are dimmed where dark print lies over them, fibres printed
on the surface are not.
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

CHECK = "uv.fibres"
_U = Light.UV


@check(CHECK, title="security fibres: density and colours", lights=(_U,),
       expect=Expect.FIBRES)
def fibres(ctx: ExamContext) -> list[CheckResult]:
    """Each ``fibres`` zone holds the specimen's density and colour mix of fibres,
    embedded in the paper (FIBRES_DENSITY, FIBRES_COLOURS, FIBRES_ON_SURFACE)."""
    pairs = zone_checks(ctx, Expect.FIBRES, (_U,))
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", "the specimen marks no fibres")]
    src = crop_source(ctx)
    out = []
    for zone, c in pairs:
        fm = measure_feature(zone, c, src)
        if not fm.measures:
            out.append(not_measured(CHECK, zone, _U, fm))
            continue
        m = fm.measures
        base = float(fm.extra.get("specimen_density", m["fibre_density"]))
        dens_lo = limit(zone, _U, "fibre_density", prior=T.FIBRE_MIN_DENSITY_SHARE * base,
                        side="min", rel=0.4)
        dens_hi = limit(zone, _U, "fibre_density", prior=T.FIBRE_MAX_DENSITY_SHARE * base,
                        side="max", rel=0.6)
        colours = limit(zone, _U, "fibre_colour_distance", prior=T.FIBRE_MAX_COLOUR_DISTANCE,
                        side="max", floor=0.12)
        surface = limit(zone, _U, "fibre_overprint", prior=T.FIBRE_MAX_OVERPRINT, side="max",
                        floor=0.15)
        limits = [dens_lo, dens_hi, colours, surface]
        ev = feature_evidence(ctx, zone, (_U, Light.WHITE), fm)
        label = zone.label or zone.id
        bad = failing(limits, m)
        n = fm.extra.get("fibres", 0)
        if bad:
            lim = bad[0]
            v = m[lim.measure]
            if lim.measure == "fibre_density":
                code = "FIBRES_DENSITY"
                msg = (f"{label}: {v:.2f} fibres per cm² ({n} found), the specimen's range "
                       f"{'starts at' if lim.side == 'min' else 'ends at'} {lim.value:.2f}")
            elif lim.measure == "fibre_colour_distance":
                code = "FIBRES_COLOURS"
                msg = (f"{label}: the fibres' colours differ from the specimen's mix "
                       f"(distance {v:.2f}, at most {lim.value:.2f})")
            else:
                code = "FIBRES_ON_SURFACE"
                msg = (f"{label}: the fibres glow as brightly over print as on bare "
                       f"paper ({v:.2f} of it, at most {lim.value:.2f}): printed on the "
                       f"surface, not in the paper")
            out.append(scored(CHECK, zone, _U, ok=False, code=code, message=msg, score=v,
                              threshold=lim.value, limits=limits, fm=fm, evidence=ev))
        else:
            out.append(scored(
                CHECK, zone, _U, ok=True, code="FIBRES_AS_SPECIMEN",
                message=f"{label}: {n} fibres ({m['fibre_density']:.2f} per cm²) in the "
                        f"specimen's colours, embedded in the paper",
                score=m["fibre_colour_distance"], threshold=colours.value, limits=limits,
                fm=fm, evidence=ev))
    return out
