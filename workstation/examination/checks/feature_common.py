"""What the checks of the optional lights share: the crop source on an examination, the
lamp directions on the page, the evidence of a measured feature, the rules of their
measures (:func:`workstation.examination.tolerance.register_rule`) and how a measure is
held against the specimen's learned tolerance or, before it learned enough, the check's
prior.

No check is registered here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from workstation.examination import thresholds as T
from workstation.examination.feature_zone import (
    CropSource,
    FeatureMeasurement,
    lamp_azimuths,
    measure_feature,
    turn_deg,
)
from workstation.examination.messages import light_term, message, zone_term
from workstation.examination.registry import ExamContext, in_view_facts, result, skipped
from workstation.examination.tolerance import (
    MIN_LEARNED,
    Judgement,
    Rule,
    Tolerance,
    register_rule,
    summary,
    tolerance,
)
from workstation.i18n import Msg
from workstation.types import (
    CheckResult,
    CheckStatus,
    Evidence,
    Expect,
    Image,
    Light,
    Zone,
    ZoneCheck,
)


def page_turn_deg(ctx: ExamContext) -> float:
    """How far the page is turned on the platen (degrees, counter-clockwise as seen)."""
    reg = ctx.registration
    return turn_deg(None if reg is None else reg.homography)


def capture_azimuths(ctx: ExamContext) -> dict[Light, float]:
    """The capture's oblique lamps as azimuths on the page (degrees)."""
    return lamp_azimuths(ctx.capture.metadata, tuple(ctx.lights), page_turn_deg(ctx))


def crop_source(ctx: ExamContext) -> CropSource:
    """The examination's registered capture and specimen as a :class:`CropSource`."""
    assert ctx.specimen is not None

    def fine(rect: tuple[float, float, float, float], light: Light, dpi: float
             ) -> Image | None:
        if light not in ctx.page:
            return None
        return ctx.hires_crop(rect, light, dpi=dpi)

    return CropSource(specimen=ctx.specimen, work_dpi=ctx.work_dpi, registered=ctx.registered,
                      reference=ctx.reference, capture_dpi=ctx.page_dpi, fine=fine,
                      azimuth_deg=capture_azimuths(ctx), seen=ctx.valid)


def zone_checks(ctx: ExamContext, expect: Expect,
                lights: Iterable[Light] | None = None) -> list[tuple[Zone, ZoneCheck]]:
    """The specimen's zones with an expectation ``expect`` (under one of ``lights``)."""
    if ctx.specimen is None:
        return []
    wanted = set(lights) if lights is not None else None
    return [(z, c) for z in ctx.specimen.zones for c in z.checks
            if c.expect is expect and (wanted is None or c.light in wanted)]


def to_uint8(arr: np.ndarray) -> Image:
    """A map for people to look at: ``uint8`` crops as they are, float maps stretched
    (signed maps about mid-grey)."""
    if arr.dtype == np.uint8:
        return np.ascontiguousarray(arr)
    a = np.asarray(arr, np.float32)
    if a.size == 0:
        return np.zeros((1, 1), np.uint8)
    if float(a.min()) < 0.0:
        scale = float(np.percentile(np.abs(a), 99)) or 1.0
        out = 128.0 + 127.0 * np.clip(a / scale, -1.0, 1.0)
    else:
        scale = float(np.percentile(a, 99.5)) or 1.0
        out = 255.0 * np.clip(a / scale, 0.0, 1.0)
    return np.ascontiguousarray(out.astype(np.uint8))


def feature_evidence(ctx: ExamContext, zone: Zone, lights: tuple[Light, ...],
                     fm: FeatureMeasurement) -> list[Evidence]:
    """The zone in the capture and the specimen under ``lights``, then the measured
    feature's maps (derived)."""
    out = ctx.evidence(zone, lights)
    for label, arr in fm.maps.items():
        out.append(Evidence(label=f"{zone.id}: {label}", image=to_uint8(arr), light=None,
                            source="derived"))
    return out


#: The rules of the optional lights' measures (formats.md §3): which way a forgery moves
#: each, its prior spread over genuine captures (strengths: of the logarithm), the prior
#: threshold of :mod:`.thresholds` and the smallest half-width of a learned range.
#: A prior spread is at least 1.5 times the largest spread within one zone measured on
#: the genuine Utopia calibration captures (``python -m bench.examine --lights
#: --calibrate``: 20 captures, seeds from 10000; never the test captures nor family 2),
#: and never narrower than it was set before that measurement (one family's 20 captures
#: do not show other documents' printing). Measured zone spreads (2026-12-05): relief
#: correlation 0.018, strength 0.066; through correlation 0.002, strength 0.012,
#: reflected excess 0.025; hole contrast 0.039; retro correlation 0.018, strength
#: 0.156; UV 254 glow 0.79 (the card's band glows 17-252 times its substrate),
#: correlation 0.026, hue 0.24°; fibre density 0.086, colour distance 0.031, overprint
#: 0.076; microprint detail 0.11; ghost correlation 0.012, identity 0.040; ghost residual
#: (2026-12-05, at the specimen's geometry) 0.0072. Microprint letters (Utopia's
#: calibration seeds captured at 1000 dpi, 2026-12-05): 0.035.
FEATURE_RULES: dict[str, Rule] = {
    "relief_strength": Rule("loglow", 0.25, T.RELIEF_MIN_STRENGTH, 0.35),
    "relief_correlation": Rule("low", 0.08, T.RELIEF_MIN_CORRELATION, 0.1),
    "through_strength": Rule("loglow", 0.25, T.THROUGH_MIN_STRENGTH, 0.35),
    "through_correlation": Rule("low", 0.08, T.THROUGH_MIN_CORRELATION, 0.1),
    "reflected_excess": Rule("high", 0.05, T.REFLECTED_MAX_EXCESS, 0.15),
    "hole_contrast": Rule("loglow", 0.3, T.HOLE_MIN_CONTRAST, 0.5),
    "retro_strength": Rule("loglow", 0.25, T.RETRO_MIN_STRENGTH, 0.35),
    "retro_correlation": Rule("low", 0.08, T.RETRO_MIN_CORRELATION, 0.1),
    "uv254_glow": Rule("loglow", 1.2, T.UV254_MIN_GLOW_CONTRAST, 0.9),
    "uv254_correlation": Rule("low", 0.08, T.UV_ELEMENT_MIN_CORRELATION, 0.1),
    "uv254_hue_difference": Rule("high", 8.0, T.UV_ELEMENT_MAX_HUE_DEG, 15.0),
    # two-sided around the specimen's own density: the check's prior is relative to it
    "fibre_density": Rule("log", 0.25, None, 0.4),
    "fibre_colour_distance": Rule("high", 0.05, T.FIBRE_MAX_COLOUR_DISTANCE, 0.12),
    "fibre_overprint": Rule("high", 0.12, T.FIBRE_MAX_OVERPRINT, 0.15),
    "microprint_detail": Rule("loglow", 0.25, T.MICROPRINT_MIN_DETAIL, 0.35),
    "microprint_letters": Rule("low", 0.06, T.MICROPRINT_MIN_LETTERS, 0.05),
    "ghost_correlation": Rule("low", 0.08, T.GHOST_MIN_CORRELATION, 0.1),
    "ghost_identity": Rule("low", 0.08, T.GHOST_MIN_IDENTITY, 0.25),
    # prior: relative to the specimen's own pair (checks/ghost.py), no global bound
    "ghost_residual": Rule("high", 0.011, None, 0.02),
}
for _name, _rule in FEATURE_RULES.items():
    register_rule(_name, _rule)


def hold(zone: Zone, light: Light, values: dict[str, float], measures: tuple[str, ...],
         priors: dict[str, tuple[float | None, float | None]] | None = None
         ) -> list[Judgement]:
    """Each of ``measures`` in ``values`` held against ``zone``'s learned tolerance under
    ``light`` (:func:`~workstation.examination.tolerance.tolerance`, at least
    :data:`~workstation.examination.tolerance.MIN_LEARNED` exemplars), else against the
    check's prior range from ``priors`` (``(lo, hi)``, either ``None``), else against
    the measure's rule's prior bound."""
    out = []
    for m in measures:
        if m not in values:
            continue
        st = zone.stat(light, m)
        if (st is None or st.n < MIN_LEARNED) and priors is not None and m in priors:
            lo, hi = priors[m]
            tol = Tolerance(m, lo, hi, "prior")
        else:
            tol = tolerance(st, m)
        out.append(Judgement(m, float(values[m]), tol))
    return out


def failing(judgements: list[Judgement]) -> list[Judgement]:
    """The judgements whose value lies outside its tolerance."""
    return [j for j in judgements if not j.ok]


def light_missing(check_id: str, light: Light, zone: str | None = None) -> CheckResult:
    """``skipped`` / ``LIGHT_MISSING`` naming ``light``."""
    return skipped(check_id, "LIGHT_MISSING",
                   message("LIGHT_MISSING.feature", light=light_term(light)),
                   zone=zone, light=light)


def not_measured(check_id: str, zone: Zone, light: Light, fm: FeatureMeasurement
                 ) -> CheckResult:
    """``skipped`` with the measurement's own reason."""
    text = message("NOT_MEASURED", zone=zone_term(zone.label or zone.id), reason=fm.note)
    facts: dict[str, Any] = dict(fm.facts)
    return result(check_id, CheckStatus.SKIPPED, fm.code or "NOT_MEASURED", text,
                  zone=zone.id, light=light, **facts)


def measured(ctx: ExamContext, check_id: str, pairs: Iterable[tuple[Zone, ZoneCheck]],
             out: list[CheckResult]) -> Iterator[tuple[Zone, ZoneCheck, FeatureMeasurement]]:
    """Each ``(zone, check)`` of ``pairs`` measured under its light, with its
    measurement; a zone whose light the capture lacks, or that could not be measured,
    gets its ``skipped`` result appended to ``out`` instead. A zone the page carries
    beyond the image is measured on the part in view
    (:meth:`~workstation.examination.registry.ExamContext.seen_part`; the unseen rest is
    no evidence either way), and yielded as that part; with too little in view it is
    ``skipped`` (``ZONE_OUTSIDE``). A ghost zone is given whole (its measure masks the
    unseen pixels itself)."""
    src = crop_source(ctx)
    for zone, c in pairs:
        if c.light not in ctx.lights:
            out.append(light_missing(check_id, c.light, zone.id))
            continue
        # the ghost's measure leaves the unseen pixels out itself, at the specimen's
        # geometry (checks/ghost.py): it is given the whole zone
        part = zone if c.expect is Expect.GHOST_OF else ctx.seen_part(zone)
        if part is None:
            out.append(not_measured(check_id, zone, c.light, FeatureMeasurement(
                note=message("NOT_MEASURED:outside"), code="ZONE_OUTSIDE")))
            continue
        fm = measure_feature(part, c, src)
        fm.facts.update(in_view_facts(part, zone))
        if not fm.measures:
            out.append(not_measured(check_id, zone, c.light, fm))
            continue
        yield part, c, fm


def scored(check_id: str, zone: Zone, light: Light, judgements: list[Judgement], *,
           code: str, text: Msg, fm: FeatureMeasurement, evidence: list[Evidence],
           ok: bool | None = None, status: CheckStatus | None = None,
           score: Judgement | None = None) -> CheckResult:
    """A pass or fail result: ``text`` with the failing measures (every measure when none
    fails) and their tolerances appended, ``score``/``threshold`` from ``score`` (else
    the first failing, else the first judgement), and in the details every measure with
    its tolerance (``measures``), whether the tolerances were ``learned``, ``prior`` or
    ``mixed`` (``tolerance``), and the measurement's other facts. ``ok`` (default: no
    judgement fails) decides pass or fail unless ``status`` is given."""
    bad = failing(judgements)
    passed = not bad if ok is None else ok
    st = status or (CheckStatus.PASS if passed else CheckStatus.FAIL)
    first = score or (bad[0] if bad else judgements[0] if judgements else None)
    sources = {j.tolerance.source for j in judgements}
    source = ("learned" if sources == {"learned"} else "prior" if sources <= {"prior", "none"}
              else "mixed")
    facts: dict[str, Any] = dict(fm.facts)
    if judgements:
        text = message("TOLERANCE:with", message=text, measures=summary(judgements))
    return result(check_id, st, code, text, zone=zone.id, light=light,
                  score=None if first is None else first.value,
                  threshold=None if first is None else first.tolerance.bound(),
                  evidence=evidence, tolerance=source,
                  measures={j.measure: j.to_json() for j in judgements},
                  raw_measures={k: round(v, 4) for k, v in fm.measures.items()},
                  **facts)
