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

import dataclasses

import numpy as np

from workstation.examination.checks.feature_common import (
    crop_source,
    failing,
    feature_evidence,
    hold,
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
from workstation.examination.messages import light_term, message, zone_term
from workstation.examination.registry import ExamContext, check, skipped
from workstation.examination.tolerance import Judgement
from workstation.i18n import QT_TRANSLATE_NOOP, Join
from workstation.types import CheckResult, Expect, Light, Zone, ZoneCheck

CHECK = "oblique.relief"
#: A lamp whose expected shading spreads less than this share of the strongest lamp's
#: shows too little of the relief to judge it (its measures are reported, not held).
MIN_TELLING_SHARE = 0.4
#: The measures held, in the order a failure is reported.
MEASURES = ("relief_strength", "relief_correlation")


def _spread(fm: FeatureMeasurement) -> float:
    """Spread of the specimen's expected shading (0 when unknown)."""
    expected = fm.maps.get("expected shading")
    return float(np.std(expected)) if isinstance(expected, np.ndarray) else 0.0


@check(CHECK, title=QT_TRANSLATE_NOOP("check titles", "relief under grazing light"),
       lights=(Light.WHITE,), expect=Expect.RELIEF)
def relief(ctx: ExamContext) -> list[CheckResult]:
    """Each ``relief`` zone shows the specimen's relief under every oblique lamp
    (RELIEF_ABSENT: too weak, a flat print; RELIEF_MISMATCH: another shape, or shading
    that does not turn with the lamp)."""
    pairs = zone_checks(ctx, Expect.RELIEF, OBLIQUE_LIGHTS)
    if not pairs:
        return [skipped(CHECK, "NO_ZONE", message("NO_ZONE.relief"))]
    if not any(light in ctx.lights for light in OBLIQUE_LIGHTS):
        return [light_missing(CHECK, Light.OBLIQUE)]
    src = crop_source(ctx)
    by_zone: dict[str, tuple[Zone, list[ZoneCheck]]] = {}
    for z, c in pairs:
        by_zone.setdefault(z.id, (z, []))[1].append(c)
    return [_zone(ctx, src, zone, checks) for zone, checks in by_zone.values()]


def _named(js: list[Judgement], light: Light) -> list[Judgement]:
    """The judgements with the lamp in their measure's name (``relief_strength[oblique]``)."""
    return [dataclasses.replace(j, measure=f"{j.measure}[{light.value}]") for j in js]


def _zone(ctx: ExamContext, src: CropSource, zone: Zone, checks: list[ZoneCheck]
          ) -> CheckResult:
    present = [c for c in checks if c.light in ctx.lights]
    if not present:
        return light_missing(CHECK, checks[0].light, zone.id)
    measured: list[tuple[Light, FeatureMeasurement, list[Judgement]]] = []
    first_note: tuple[Light, FeatureMeasurement] | None = None
    for c in present:
        fm = measure_feature(zone, c, src)
        if fm.measures:
            measured.append((c.light, fm, hold(zone, c.light, fm.measures, MEASURES)))
        elif first_note is None:
            first_note = (c.light, fm)
    if not measured:
        assert first_note is not None
        return not_measured(CHECK, zone, *first_note)
    lights = tuple(dict.fromkeys([*(m[0] for m in measured), Light.WHITE]))
    evidence = ctx.evidence(zone, lights)
    merged = FeatureMeasurement()
    held: list[Judgement] = []
    problems: list[tuple[Light, Judgement]] = []
    # A lamp along the relief's edges shows almost none of it (a horizontal rule under a
    # lamp from the right): the specimen's own shading says which lamps can tell.
    spread = {light: _spread(fm) for light, fm, _ in measured}
    telling = {light for light, sd in spread.items()
               if sd >= MIN_TELLING_SHARE * max(spread.values())}
    for light, fm, js in measured:
        evidence += feature_evidence(ctx, zone, (), fm)
        for k, v in fm.measures.items():
            merged.measures[f"{k}[{light.value}]"] = v
        merged.facts[f"azimuth_deg[{light.value}]"] = fm.facts.get("azimuth_deg", "")
        merged.facts[f"telling[{light.value}]"] = "yes" if light in telling else "no"
        if light in telling:
            held += _named(js, light)
            problems += [(light, j) for j in _named(failing(js), light)]
    label = zone_term(zone.label or zone.id)
    if problems:
        weak = [p for p in problems if p[1].measure.startswith("relief_strength")]
        light, j = (weak or problems)[0]
        code = "RELIEF_ABSENT" if weak else "RELIEF_MISMATCH"
        return scored(CHECK, zone, light, held, code=code,
                      text=message(code, zone=label, light=light_term(light)),
                      fm=merged, evidence=evidence, score=j)
    lamps = Join(tuple(message("RELIEF:lamp", light=light_term(light),
                               azimuth=fm.facts.get("azimuth_deg", "?"))
                       for light, fm, _ in measured), " and ")
    key = "RELIEF_PRESENT" if len(measured) > 1 else "RELIEF_PRESENT.one"
    strengths = [j for j in held if j.measure.startswith("relief_strength")]
    return scored(CHECK, zone, measured[0][0], held, code="RELIEF_PRESENT",
                  text=message(key, zone=label, lamps=lamps), fm=merged, evidence=evidence,
                  score=strengths[0] if strengths else None)
