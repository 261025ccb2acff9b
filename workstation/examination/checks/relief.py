"""Grazing light: relief — intaglio print, blind embossing, tactile laser engraving —
present, and its shading turning with the lamp's direction.

Under a lamp low over the page, relief is lit where it faces the lamp and in shadow
where it turns away; a flat reprint shows only its print (which white light explains:
:func:`~workstation.examination.feature_measures.relief_shading` regresses it out).
Each zone expecting ``relief`` is measured under every oblique lamp the capture has
(``oblique`` from the left, ``oblique_top`` from the top, or the azimuths
``capture.json`` names) against the shading the specimen shows under that lamp's
direction on the page: with two lamps the shading must turn with the light; with one,
it is checked under that one.
"""

from __future__ import annotations

import numpy as np

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
from workstation.examination.feature_zone import (
    OBLIQUE_LIGHTS,
    CropSource,
    FeatureMeasurement,
    measure_feature,
)
from workstation.examination.registry import ExamContext, check, skipped
from workstation.examination.tolerance import Limit, limit
from workstation.types import CheckResult, Expect, Light, Zone, ZoneCheck

CHECK = "oblique.relief"
#: A lamp whose expected shading spreads less than this share of the strongest lamp's
#: shows too little of the relief to judge it (its measures are reported, not held).
MIN_TELLING_SHARE = 0.4


def _spread(fm: FeatureMeasurement) -> float:
    """Spread of the specimen's expected shading (0 when unknown)."""
    expected = fm.maps.get("expected shading")
    return float(np.std(expected)) if isinstance(expected, np.ndarray) else 0.0


@check(CHECK, title="relief under grazing light", lights=(Light.WHITE,),
       expect=Expect.RELIEF)
def relief(ctx: ExamContext) -> list[CheckResult]:
    """Each ``relief`` zone shows the specimen's relief under every oblique lamp
    (RELIEF_ABSENT: too weak, a flat print; RELIEF_MISMATCH: another shape, or shading
    that does not turn with the lamp)."""
    pairs = zone_checks(ctx, Expect.RELIEF, OBLIQUE_LIGHTS)
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", "the specimen marks no relief")]
    if not any(light in ctx.lights for light in OBLIQUE_LIGHTS):
        return [light_missing(CHECK, Light.OBLIQUE)]
    src = crop_source(ctx)
    by_zone: dict[str, tuple[Zone, list[ZoneCheck]]] = {}
    for z, c in pairs:
        by_zone.setdefault(z.id, (z, []))[1].append(c)
    return [_zone(ctx, src, zone, checks) for zone, checks in by_zone.values()]


def _limits(zone: Zone, light: Light) -> list[Limit]:
    return [limit(zone, light, "relief_strength", prior=T.RELIEF_MIN_STRENGTH, side="min",
                  rel=0.35),
            limit(zone, light, "relief_correlation", prior=T.RELIEF_MIN_CORRELATION,
                  side="min", rel=0.3)]


def _zone(ctx: ExamContext, src: CropSource, zone: Zone, checks: list[ZoneCheck]
          ) -> CheckResult:
    present = [c for c in checks if c.light in ctx.lights]
    if not present:
        return light_missing(CHECK, checks[0].light, zone.id)
    measured: list[tuple[Light, FeatureMeasurement, list[Limit]]] = []
    first_note: tuple[Light, FeatureMeasurement] | None = None
    for c in present:
        fm = measure_feature(zone, c, src)
        if fm.measures:
            measured.append((c.light, fm, _limits(zone, c.light)))
        elif first_note is None:
            first_note = (c.light, fm)
    if not measured:
        assert first_note is not None
        return not_measured(CHECK, zone, *first_note)
    lights = tuple(dict.fromkeys([*(m[0] for m in measured), Light.WHITE]))
    evidence = ctx.evidence(zone, lights)
    merged = FeatureMeasurement()
    all_limits: list[Limit] = []
    problems: list[tuple[Light, Limit, float]] = []
    # A lamp along the relief's edges shows almost none of it (a horizontal rule under a
    # lamp from the right): the specimen's own shading says which lamps can tell.
    spread = {light: _spread(fm) for light, fm, _ in measured}
    telling = {light for light, sd in spread.items()
               if sd >= MIN_TELLING_SHARE * max(spread.values())}
    for light, fm, limits in measured:
        evidence += feature_evidence(ctx, zone, (), fm)
        for k, v in fm.measures.items():
            merged.measures[f"{k}[{light.value}]"] = v
        merged.extra[f"azimuth_deg[{light.value}]"] = fm.extra.get("azimuth_deg", "")
        all_limits += [Limit(f"{lim.measure}[{light.value}]", lim.value, lim.side, lim.source,
                             lim.prior, lim.stat) for lim in limits]
        merged.extra[f"telling[{light.value}]"] = "yes" if light in telling else "no"
        if light in telling:
            problems += [(light, lim, fm.measures[lim.measure])
                         for lim in failing(limits, fm.measures)]
    label = zone.label or zone.id
    if problems:
        weak = [p for p in problems if p[1].measure == "relief_strength"]
        light, lim, v = (weak or problems)[0]
        if weak:
            msg = (f"{label}: no relief under grazing light ({light.value}: {v:.0%} of the "
                   f"specimen's shading, needs {lim.value:.0%}): a flat print")
            code = "RELIEF_ABSENT"
        else:
            msg = (f"{label}: the shading under {light.value} does not match the specimen's "
                   f"for that lamp direction (correlation {v:.2f}, needs {lim.value:.2f}): "
                   f"other relief, or shading that does not turn with the lamp")
            code = "RELIEF_MISMATCH"
        return scored(CHECK, zone, light, ok=False, code=code, message=msg, score=v,
                      threshold=lim.value, limits=all_limits, fm=merged, evidence=evidence)
    lamps = " and ".join(f"{light.value} ({fm.extra.get('azimuth_deg', '?')}°)"
                         for light, fm, _ in measured)
    turns = (", turning with the lamp" if len(measured) > 1 else
             " (one lamp direction only: the capture has no second oblique light)")
    strength = [(fm.measures["relief_strength"], lims[0].value) for _, fm, lims in measured]
    score, thr = min(strength, key=lambda t: t[0] / max(1e-6, t[1]))
    return scored(CHECK, zone, measured[0][0], ok=True, code="RELIEF_PRESENT",
                  message=f"{label}: relief present under {lamps}{turns}", score=score,
                  threshold=thr, limits=all_limits, fm=merged, evidence=evidence)
