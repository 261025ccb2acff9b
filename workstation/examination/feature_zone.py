"""One zone's feature measured under an optional light: the same code for the checks and
for learning a specimen's statistics.

:func:`measure_feature` takes a zone, one of its expectations (relief, transmitted,
perforation, retroreflective, fibres, microprint, ghost_of, or luminescent under
UV 254) and a :class:`CropSource` — where the questioned capture's and the specimen's
pixels come from — and returns a :class:`FeatureMeasurement`: the measures of
:mod:`.feature_measures` (formats.md §3 names) and the maps behind them (evidence).
The checks build a source on their :class:`~.registry.ExamContext`; learning builds one
on a capture registered onto the specimen (:func:`.learn.measure_capture`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination import feature_measures as FM
from workstation.examination import ghost_measures as GM
from workstation.examination import thresholds as T
from workstation.examination.messages import message
from workstation.examination.registry import SEEN_PART_LEAST
from workstation.examination.zone_measures import luminescent_measures
from workstation.i18n import Msg
from workstation.types import (
    DEFAULT_AZIMUTH_DEG,
    Expect,
    Image,
    Light,
    RectMM,
    Specimen,
    Zone,
    ZoneCheck,
)

#: The oblique lights: grazing light from some azimuth.
OBLIQUE_LIGHTS = tuple(DEFAULT_AZIMUTH_DEG)
#: Largest difference (degrees) between a capture's lamp direction and the specimen's
#: when the specimen shows relief under one direction only.
AZIMUTH_TOLERANCE_DEG = 20.0
#: Below this many pixels per character pitch a microprint line cannot be measured at all
#: (its pitch is near the sampling limit: 2 px per period, with the optics' blur).
MICROPRINT_PX_PER_PERIOD = 2.5
#: A microprint line is *resolved as text* at this many pixels per character pitch, or
#: more: a bold capital's strokes are about a fifth of the pitch, and a stroke must span
#: two pixels (sampling) for the letters to be told from a row of blobs. Below it the
#: line's detail is the same for the genuine print and a halftone reprint of it (150 lpi
#: cells are the size of a character; bench family 2 at 300 dpi: 0.95 of the genuine
#: detail), so the check can find a plain line but never confirm the letters.
MICROPRINT_PX_PER_LETTER_PERIOD = 10.0
#: Densest a microprint crop is taken at (dpi): enough for letters of 0.2 mm pitch.
MICROPRINT_MAX_DPI = 1300.0
#: Densest a fine crop is taken at (dpi).
FINE_MAX_DPI = 600.0


@dataclass
class CropSource:
    """Where a zone's pixels come from.

    Attributes:
        specimen: the specimen the capture is registered onto.
        work_dpi: density of :attr:`registered` and :attr:`reference`.
        registered: light -> the capture registered onto the specimen at ``work_dpi``.
        reference: light -> the specimen's image at ``work_dpi``.
        capture_dpi: the capture's own density (``None``: unknown).
        fine: ``fine(rect_mm, light, dpi)`` -> the capture's zone at up to ``dpi`` from
            its own pixels (sharper than the work density), or ``None``.
        azimuth_deg: the capture's oblique lamps, as azimuths on the page (degrees;
            the lamp's azimuth on the platen less the page's turn).
        seen: the pixels of :attr:`registered` the capture shows (``(H, W)`` bool at
            ``work_dpi``; ``None``: all of them).
    """

    specimen: Specimen
    work_dpi: float
    registered: Mapping[Light, Image]
    reference: Mapping[Light, Image]
    capture_dpi: float | None = None
    fine: Callable[[RectMM, Light, float], Image | None] | None = None
    azimuth_deg: dict[Light, float] = field(default_factory=dict)
    seen: npt.NDArray[np.bool_] | None = None

    @property
    def px_per_mm(self) -> float:
        """Work pixels per mm."""
        return self.work_dpi / 25.4

    def crop(self, rect_mm: RectMM, light: Light, source: str = "capture") -> Image | None:
        """``rect_mm`` under ``light`` at the work density (``source``: capture, specimen,
        or ``seen``: the capture's shown pixels as 0/1)."""
        if source == "seen":
            img: Image | None = (None if self.seen is None
                                 else np.asarray(self.seen, np.uint8))
        else:
            img = (self.registered if source == "capture" else self.reference).get(light)
        if img is None:
            return None
        k = self.px_per_mm
        x, y, w, h = rect_mm
        H, W = img.shape[:2]
        r0, r1 = max(0, round(y * k)), min(H, round((y + h) * k))
        c0, c1 = max(0, round(x * k)), min(W, round((x + w) * k))
        if r1 - r0 < 3 or c1 - c0 < 3:
            return None
        return np.ascontiguousarray(img[r0:r1, c0:c1])

    def seen_crop(self, rect_mm: RectMM) -> npt.NDArray[np.bool_] | None:
        """Which pixels of :meth:`crop` of ``rect_mm`` the capture shows (``None``: all)."""
        if self.seen is None:
            return None
        m = self.crop(rect_mm, Light.WHITE, "seen")
        return None if m is None else np.asarray(m, bool)

    def specimen_fine(self, rect_mm: RectMM, light: Light, dpi: float) -> Image | None:
        """The specimen's ``rect_mm`` under ``light`` at ``dpi`` (area-averaged from its own
        density)."""
        if light not in self.specimen.image_lights:
            return None
        img = self.specimen.image(light)
        k = self.specimen.dpi / 25.4
        x, y, w, h = rect_mm
        H, W = img.shape[:2]
        r0, r1 = max(0, round(y * k)), min(H, round((y + h) * k))
        c0, c1 = max(0, round(x * k)), min(W, round((x + w) * k))
        if r1 - r0 < 3 or c1 - c0 < 3:
            return None
        crop = img[r0:r1, c0:c1]
        out_w = max(4, round(w * dpi / 25.4))
        out_h = max(4, round(h * dpi / 25.4))
        interp = cv2.INTER_AREA if dpi < self.specimen.dpi else cv2.INTER_LINEAR
        return np.ascontiguousarray(cv2.resize(crop, (out_w, out_h), interpolation=interp))

    def specimen_azimuths(self) -> dict[Light, float]:
        """The specimen's oblique lamps (``azimuth_deg`` in ``specimen.json``, else the
        defaults of formats.md §1)."""
        raw = self.specimen.extra.get("azimuth_deg")
        out = {}
        for light in OBLIQUE_LIGHTS:
            if light not in self.specimen.image_lights:
                continue
            value = raw.get(light.value) if isinstance(raw, dict) else None
            out[light] = float(value) if isinstance(value, int | float) else \
                DEFAULT_AZIMUTH_DEG[light]
        return out


@dataclass
class FeatureMeasurement:
    """What :func:`measure_feature` found.

    Attributes:
        measures: name -> value (empty: nothing to measure).
        maps: label -> a float map behind the measures (evidence), or a crop.
        note: why nothing was measured, or a remark for the result's message.
        code: a result code when nothing could be measured for a reason the check
            reports (``RESOLUTION_TOO_LOW``, ``AZIMUTH_UNKNOWN``...).
        facts: further facts (numbers) for the result's details.
    """

    measures: dict[str, float] = field(default_factory=dict)
    maps: dict[str, np.ndarray] = field(default_factory=dict)
    note: Msg | str = ""
    code: str = ""
    facts: dict[str, float | str] = field(default_factory=dict)


def turn_deg(capture_to_page: np.ndarray | None) -> float:
    """How far the page is turned in the capture (degrees, counter-clockwise as seen),
    from a 3 x 3 homography that maps capture pixels onto the page (or the specimen)."""
    if capture_to_page is None:
        return 0.0
    inv = np.linalg.inv(np.asarray(capture_to_page, dtype=np.float64))
    pts = inv @ np.array([[0.0, 100.0], [0.0, 0.0], [1.0, 1.0]])
    pts = pts[:2] / pts[2]
    dx, dy = float(pts[0, 1] - pts[0, 0]), float(pts[1, 1] - pts[1, 0])
    return math.degrees(math.atan2(-dy, dx))


def lamp_azimuths(metadata: Mapping[str, object], lights: object, turn: float
                  ) -> dict[Light, float]:
    """The capture's oblique lamps as azimuths on the page (degrees): ``capture.json``'s
    ``azimuth_deg`` (else formats.md §1's defaults) less the page's ``turn``."""
    raw = metadata.get("azimuth_deg")
    out = {}
    for light in OBLIQUE_LIGHTS:
        if not isinstance(lights, Mapping | tuple | list | set | frozenset) or \
                light not in lights:
            continue
        value = raw.get(light.value) if isinstance(raw, dict) else None
        az = float(value) if isinstance(value, int | float) else DEFAULT_AZIMUTH_DEG[light]
        out[light] = az - turn
    return out


def relief_rect(zone: Zone) -> RectMM:
    """The rectangle (mm) relief is measured on: the zone grown on every side by the
    misregistration its correlation searches over
    (:data:`~workstation.examination.feature_measures.RELIEF_MAX_SHIFT_MM`), so that the
    search's template is the whole zone, and the strength's inner area (0.5 mm in) holds
    it too — a thin zone (an engraved rule 1.75 mm tall) is otherwise compared unshifted
    and on its middle strip only, and a genuine capture misregistered by 0.3 mm fails."""
    m = FM.RELIEF_MAX_SHIFT_MM
    x, y, w, h = zone.rect_mm
    return (x - m, y - m, w + 2 * m, h + 2 * m)


def expected_shading(src: CropSource, zone: Zone, azimuth: float) -> np.ndarray | None:
    """The specimen's relief shading under a lamp at ``azimuth`` (page degrees) over
    :func:`relief_rect`: its own image when it has one that close, else combined from its
    two lamp directions (shading is linear in the lamp's direction:
    ``-(cos a * dh/dx - sin a * dh/dy)``)."""
    rect = relief_rect(zone)
    white = src.crop(rect, Light.WHITE, "specimen")
    if white is None:
        return None
    k = src.px_per_mm
    own: list[tuple[float, np.ndarray]] = []
    for light, az in src.specimen_azimuths().items():
        img = src.crop(rect, light, "specimen")
        if img is not None:
            own.append((az, FM.relief_shading(img, white, px_per_mm=k)))
    for az, shade in own:
        if abs(_angle(az - azimuth)) <= AZIMUTH_TOLERANCE_DEG:
            return shade
    if len(own) < 2:
        return None
    (a1, s1), (a2, s2) = own[:2]
    m = np.array([[-math.cos(math.radians(a)), math.sin(math.radians(a))] for a in (a1, a2)])
    if abs(float(np.linalg.det(m))) < 0.3:
        return None
    inv = np.linalg.inv(m)
    gx = inv[0, 0] * s1 + inv[0, 1] * s2
    gy = inv[1, 0] * s1 + inv[1, 1] * s2
    t = math.radians(azimuth)
    return np.asarray(-math.cos(t) * gx + math.sin(t) * gy, np.float32)


def _angle(d: float) -> float:
    return (d + 180.0) % 360.0 - 180.0


def measure_feature(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    """The measures of ``zone``'s expectation ``chk`` (see the module docstring).

    Raises:
        ValueError: ``chk`` is not a feature expectation of this module.
    """
    func = _MEASURERS.get(chk.expect)
    if func is None:
        if chk.expect is Expect.LUMINESCENT and chk.light is Light.UV254:
            return _uv254(zone, chk, src)
        raise ValueError(f"not a feature expectation: {chk.text} under {chk.light}")
    return func(zone, chk, src)


def _outside() -> FeatureMeasurement:
    """Not measured: the zone lies (partly) outside the capture or the specimen."""
    return FeatureMeasurement(note=message("NOT_MEASURED:outside"), code="ZONE_OUTSIDE")


def _relief(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    out = FeatureMeasurement()
    rect = relief_rect(zone)
    q, w = src.crop(rect, chk.light), src.crop(rect, Light.WHITE)
    if q is None or w is None:
        return _outside()
    az = src.azimuth_deg.get(chk.light, DEFAULT_AZIMUTH_DEG.get(chk.light, 180.0))
    expected = expected_shading(src, zone, az)
    if expected is None:
        return FeatureMeasurement(
            note=message("NOT_MEASURED:azimuth", azimuth=az),
            code="AZIMUTH_UNKNOWN")
    shade = FM.relief_shading(q, w, px_per_mm=src.px_per_mm)
    m = FM.relief_measures(shade, expected, px_per_mm=src.px_per_mm)
    if zone.varies_by_holder:
        m.pop("relief_correlation", None)
    out.measures = m
    out.maps = {"shading": shade, "expected shading": expected}
    out.facts = {"azimuth_deg": round(az, 1)}
    return out


def _with_white(zone: Zone, chk: ZoneCheck, src: CropSource
                ) -> tuple[Image, Image, Image, Image] | None:
    """The zone under ``chk``'s light and under white light, in the capture and the
    specimen: ``(capture, specimen, capture white, specimen white)``; ``None`` when any
    is outside."""
    crops = [src.crop(zone.rect_mm, light, s) for light, s in (
        (chk.light, "capture"), (chk.light, "specimen"), (Light.WHITE, "capture"),
        (Light.WHITE, "specimen"))]
    q, s, qw, sw = crops
    if q is None or s is None or qw is None or sw is None:
        return None
    return q, s, qw, sw


def _through(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    crops = _with_white(zone, chk, src)
    if crops is None:
        return _outside()
    qt, st, qw, sw = crops
    k = src.px_per_mm
    m = FM.through_measures(qt, st, qw, sw, px_per_mm=k)
    return FeatureMeasurement(measures=m, maps={
        "through the sheet": FM.through_pattern(qt, qw, px_per_mm=k),
        "specimen, through the sheet": FM.through_pattern(st, sw, px_per_mm=k)})


def _perforation(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    dpi = min(FINE_MAX_DPI, max(src.work_dpi, src.capture_dpi or src.work_dpi))
    qt = qw = None
    if src.fine is not None:
        qt, qw = src.fine(zone.rect_mm, chk.light, dpi), src.fine(zone.rect_mm, Light.WHITE,
                                                                  dpi)
    if qt is None or qw is None:
        dpi = src.work_dpi
        qt, qw = src.crop(zone.rect_mm, chk.light), src.crop(zone.rect_mm, Light.WHITE)
    if qt is None or qw is None:
        return _outside()
    k = dpi / 25.4
    m = FM.perforation_measures(qt, qw, px_per_mm=k)
    holes, _ = FM.hole_mask(qt, px_per_mm=k)
    return FeatureMeasurement(measures=m, maps={"transmitted": qt, "white": qw,
                                                "holes": holes.astype(np.float32)},
                              facts={"dpi": round(dpi, 1)})


def _retro(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    crops = _with_white(zone, chk, src)
    if crops is None:
        return _outside()
    qc, sc, qw, sw = crops
    k = src.px_per_mm
    return FeatureMeasurement(
        measures=FM.retro_measures(qc, sc, qw, sw, px_per_mm=k),
        maps={"laminate pattern": FM.retro_pattern(qc, qw, px_per_mm=k),
              "specimen's laminate pattern": FM.retro_pattern(sc, sw, px_per_mm=k)})


def _fibres(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    q, s = src.crop(zone.rect_mm, chk.light), src.crop(zone.rect_mm, chk.light, "specimen")
    w = src.crop(zone.rect_mm, Light.WHITE)
    if q is None or s is None or q.shape != s.shape:
        return _outside()
    if q.ndim != 3:
        return FeatureMeasurement(note=message("NOT_MEASURED:fibres_colour"),
                                  code="NOT_COLOUR")
    k = src.px_per_mm
    excl = FM.luminescent_exclusion(s, px_per_mm=k)
    q_cand = FM.fibre_candidates(q, px_per_mm=k, exclude=excl)
    s_cand = FM.fibre_candidates(s, px_per_mm=k, exclude=excl)
    m = FM.fibre_measures(q, s, w, px_per_mm=k, exclude=excl, candidates=(q_cand, s_cand))
    if not m:
        return FeatureMeasurement(note=message("NOT_MEASURED:no_fibres"),
                                  code="NO_FIBRES_IN_SPECIMEN")
    s_lab, s_n, _ = s_cand
    q_lab, q_n, _ = q_cand
    area = q.shape[0] * q.shape[1] / (k * 10.0) ** 2 * (1.0 - float(excl.mean()))
    return FeatureMeasurement(measures=m, maps={"fibres found": (q_lab > 0).astype(np.float32),
                                                "specimen's fibres": (s_lab > 0).astype(
                                                    np.float32)},
                              facts={"fibres": q_n, "specimen_fibres": s_n,
                                     "specimen_density": round(s_n / max(1e-6, area), 3),
                                     "area_cm2": round(area, 2)})


def _microprint(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    spec_dpi = src.specimen.dpi
    native = src.specimen_fine(zone.rect_mm, chk.light, spec_dpi)
    if native is None:
        return FeatureMeasurement(note=message("NOT_MEASURED:outside_specimen"),
                                  code="ZONE_OUTSIDE")
    period = FM.microprint_period_mm(native, px_per_mm=spec_dpi / 25.4)
    if period is None:
        return FeatureMeasurement(note=message("NOT_MEASURED:no_microprint"),
                                  code="NO_MICROPRINT_IN_SPECIMEN")
    needed = MICROPRINT_PX_PER_PERIOD * 25.4 / period
    dpi = src.capture_dpi or 0.0
    letters = MICROPRINT_PX_PER_LETTER_PERIOD * 25.4 / period
    facts: dict[str, float | str] = {"period_mm": round(period, 3),
                                     "needed_dpi": round(needed), "letters_dpi": round(letters),
                                     "dpi": round(dpi, 1), "specimen_dpi": round(spec_dpi, 1)}
    if dpi < needed:
        return FeatureMeasurement(
            note=message("NOT_MEASURED:resolution", pitch=period, needed=needed, dpi=dpi),
            code="RESOLUTION_TOO_LOW", facts=facts)
    dpi = min(dpi, MICROPRINT_MAX_DPI)
    q = src.fine(zone.rect_mm, chk.light, dpi) if src.fine is not None else None
    s = src.specimen_fine(zone.rect_mm, chk.light, dpi)
    if q is None or s is None or q.shape[:2] != s.shape[:2]:
        return FeatureMeasurement(note=message("NOT_MEASURED:outside"), code="ZONE_OUTSIDE",
                                  facts=facts)
    facts["dpi"] = round(dpi, 1)
    # the letters themselves only where both images resolve them
    resolved = min(dpi, spec_dpi) >= letters
    # the letters searched where a genuine line printed off its place puts them
    wide = (src.fine(FM.letters_rect(zone.rect_mm), chk.light, dpi)
            if resolved and src.fine is not None else None)
    m = FM.microprint_measures(q, s, px_per_mm=dpi / 25.4, period_mm=period,
                               letters=resolved, q_letters=wide)
    return FeatureMeasurement(measures=m, maps={"microprint": q, "specimen's microprint": s},
                              facts=facts)


def _ghost(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    role = chk.target or "portrait"
    targets = [z for z in src.specimen.zones if z.role == role and z.face == zone.face]
    if not targets:
        return FeatureMeasurement(note=message("NOT_MEASURED:no_target", role=role),
                                  code="NO_TARGET")
    target = targets[0]
    qg, sg = src.crop(zone.rect_mm, chk.light), src.crop(zone.rect_mm, chk.light, "specimen")
    qp = src.crop(target.rect_mm, Light.WHITE)
    sp = src.crop(target.rect_mm, Light.WHITE, "specimen")
    if (qg is None or sg is None or qp is None or sp is None
            or qg.shape[:2] != sg.shape[:2] or qp.shape[:2] != sp.shape[:2]):
        return _outside()
    g_seen, p_seen = src.seen_crop(zone.rect_mm), src.seen_crop(target.rect_mm)
    if any(m is not None and float(m.mean()) < SEEN_PART_LEAST for m in (g_seen, p_seen)):
        return _outside()  # judged on the part in view, when most of it is
    m = GM.ghost_measures(qg, qp, sg, sp, px_per_mm=src.px_per_mm, q_ghost_seen=g_seen,
                          q_target_seen=p_seen)
    own = m.pop("ghost_specimen_residual")
    if own > T.GHOST_MAX_SPECIMEN_RESIDUAL:
        return FeatureMeasurement(
            note=message("NOT_MEASURED:ghost_unlike", role=role, residual=own),
            code="NO_GHOST_IN_SPECIMEN", facts={"specimen_residual": round(own, 4)})
    return FeatureMeasurement(measures=m, maps={"ghost": qg, role: qp},
                              facts={"of": role, "specimen_residual": round(own, 4)})


def _uv254(zone: Zone, chk: ZoneCheck, src: CropSource) -> FeatureMeasurement:
    q, s = src.crop(zone.rect_mm, chk.light), src.crop(zone.rect_mm, chk.light, "specimen")
    if q is None or s is None or q.shape != s.shape:
        return _outside()
    if q.ndim != 3:
        return FeatureMeasurement(note=message("NOT_MEASURED:luminescence_colour"),
                                  code="NOT_COLOUR")
    m = luminescent_measures(q, s, px_per_mm=src.px_per_mm,
                             glow_percentile=UV254_GLOW_PERCENTILE)
    own = luminescent_measures(s, s, px_per_mm=src.px_per_mm,
                               glow_percentile=UV254_GLOW_PERCENTILE)
    m.pop("strength", None)  # exposure-dependent: the glow over its own substrate instead
    if zone.varies_by_holder:
        m = {"glow_contrast": m["glow_contrast"]}
    # the short-wave print's own names: its rules are not the 365 nm features'
    m = {UV254_NAMES.get(k, k): v for k, v in m.items()}
    return FeatureMeasurement(measures=m, maps={"uv254": q},
                              facts={"specimen_glow_contrast": round(own["glow_contrast"], 3)})


#: The short-wave print's glow is read at this percentile of its zone, the one its prior
#: (:data:`~workstation.examination.thresholds.UV254_MIN_GLOW_CONTRAST`) was calibrated
#: at: a fixed design's print, whose share of the zone does not vary with the holder
#: (the 365 nm holder's zones read a higher one: ``zone_measures.GLOW_PERCENTILE``). At
#: the 98th a 365 nm ink imitating the print read 4.46 on the Utopia test capture, over
#: the prior 4.0.
UV254_GLOW_PERCENTILE = 92.0

#: The 365 nm luminescence measures under their short-wave UV names.
UV254_NAMES = {"glow_contrast": "uv254_glow", "correlation": "uv254_correlation",
               "hue_difference": "uv254_hue_difference"}


_MEASURERS: dict[Expect, Callable[[Zone, ZoneCheck, CropSource], FeatureMeasurement]] = {
    Expect.RELIEF: _relief,
    Expect.TRANSMITTED: _through,
    Expect.PERFORATION: _perforation,
    Expect.RETROREFLECTIVE: _retro,
    Expect.FIBRES: _fibres,
    Expect.MICROPRINT: _microprint,
    Expect.GHOST_OF: _ghost,
}


def is_feature_check(chk: ZoneCheck) -> bool:
    """Whether :func:`measure_feature` measures ``chk``."""
    return chk.expect in _MEASURERS or (chk.expect is Expect.LUMINESCENT
                                        and chk.light is Light.UV254)
