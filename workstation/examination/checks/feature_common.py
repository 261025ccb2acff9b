"""What the checks of the optional lights share: the crop source on an examination, the
lamp directions on the page, the evidence of a measured feature, and their limits.

No check is registered here.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from workstation.examination.feature_zone import (
    CropSource,
    FeatureMeasurement,
    lamp_azimuths,
    turn_deg,
)
from workstation.examination.registry import ExamContext, result, skipped
from workstation.examination.tolerance import Limit, limits_json
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
                      azimuth_deg=capture_azimuths(ctx))


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


def failing(limits: list[Limit], measures: dict[str, float]) -> list[Limit]:
    """The limits whose measure is outside them."""
    return [lim for lim in limits if lim.measure in measures
            and not lim.holds(measures[lim.measure])]


def light_missing(check_id: str, light: Light, zone: str | None = None) -> CheckResult:
    """``skipped`` / ``LIGHT_MISSING`` naming ``light``."""
    return skipped(check_id, "LIGHT_MISSING",
                   f"the capture has no {light.value} image: this check needs it",
                   zone=zone, light=light)


def not_measured(check_id: str, zone: Zone, light: Light, fm: FeatureMeasurement
                 ) -> CheckResult:
    """``skipped`` with the measurement's own reason."""
    return CheckResult(id=check_id, status=CheckStatus.SKIPPED, code=fm.code or "NOT_MEASURED",
                       message=f"{zone.label or zone.id}: {fm.note}", zone=zone.id,
                       light=light, details=dict(fm.extra),
                       title=result(check_id, CheckStatus.SKIPPED, "", "").title)


def scored(check_id: str, zone: Zone, light: Light, *, ok: bool, code: str, message: str,
           score: float, threshold: float, limits: list[Limit], fm: FeatureMeasurement,
           evidence: list[Evidence], status: CheckStatus | None = None) -> CheckResult:
    """A pass or fail result with the measures, their limits and where each came from."""
    st = status or (CheckStatus.PASS if ok else CheckStatus.FAIL)
    return result(check_id, st, code, message, zone=zone.id, light=light, score=score,
                  threshold=threshold, evidence=evidence,
                  measures={k: round(v, 4) for k, v in fm.measures.items()},
                  limits=limits_json(limits),
                  tolerance="; ".join(lim.describe() for lim in limits),
                  **{k: v for k, v in fm.extra.items()})
