"""Teaching a specimen its genuine exemplars: the statistics of every check's measure.

:func:`learn` registers each genuine capture onto the specimen (page found on
any platen, straightened, registered with the public functions of
:mod:`workstation.imaging`), normalises it (:mod:`workstation.imaging.normalize`,
against the specimen), computes every zone's measures
(:mod:`workstation.examination.zone_measures`) at the examination's work density
and merges them into the specimen's statistics (count, mean, spread, range per
zone, light and measure; the registration quality per page). A capture already
learned (same white image) is not counted twice.

``workstation specimens learn ID CAPTURE...`` (:mod:`workstation.examination.learn_cli`)
writes the result back into the library's package.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination import thresholds as T
from workstation.examination.measures import Measures
from workstation.examination.zone_measures import measure_zone, print_blur, shown
from workstation.i18n import QT_TRANSLATE_NOOP, Said, msg
from workstation.imaging.document import find_page, page_homography, warp
from workstation.imaging.normalize import normalize_capture
from workstation.imaging.registration import Reference, prepare_reference, register
from workstation.types import (
    CaptureSet,
    Image,
    Light,
    MeasureStat,
    Specimen,
    SpecimenStatistics,
    Stat,
    mm_to_px,
)

ProgressCallback = Callable[[float, str], None]

@dataclass
class Exemplar:
    """What one capture contributed (or why it did not)."""

    name: str
    learned: bool
    reason: str = ""
    sha256: str = ""
    registration_quality: float | None = None
    measures: dict[str, dict[str, Measures]] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """JSON-ready summary."""
        return {"capture": self.name, "learned": self.learned, "reason": self.reason,
                "sha256": self.sha256,
                "registration_quality": None if self.registration_quality is None
                else round(self.registration_quality, 4),
                "measures": sum(len(m) for per_light in self.measures.values()
                                for m in per_light.values())}


@dataclass
class LearnResult:
    """The specimen with its new statistics, and each capture's outcome."""

    specimen: Specimen
    exemplars: list[Exemplar]

    @property
    def learned(self) -> int:
        """How many captures contributed."""
        return sum(e.learned for e in self.exemplars)



def progress_text(source: str, /, **params: Any) -> Said:
    """A progress text of learning or authoring: English as it stands, a message the
    window renders in its language (context ``authoring``)."""
    return Said(msg("authoring", source, **params))

def white_sha256(capture: CaptureSet) -> str:
    """SHA-256 of the capture's decoded white image (shape and pixels): the same
    capture, however it was saved, gives the same digest."""
    img = capture.images[Light.WHITE]
    h = hashlib.sha256(repr(img.shape).encode())
    h.update(np.ascontiguousarray(img).tobytes())
    return h.hexdigest()


def reduced_specimen(spec: Specimen, work_dpi: float
                     ) -> tuple[dict[Light, Image], tuple[int, int]]:
    """The specimen's images reduced to ``work_dpi`` (area averaging) and their ``(H, W)``:
    the reference every capture is measured against."""
    w_mm, h_mm = spec.size_mm
    size = (max(8, round(mm_to_px(h_mm, work_dpi))), max(8, round(mm_to_px(w_mm, work_dpi))))
    return {light: np.ascontiguousarray(cv2.resize(img, (size[1], size[0]),
                                                   interpolation=cv2.INTER_AREA))
            for light, img in spec.images()}, size


def registration_reference(spec: Specimen) -> Reference:
    """The specimen's white image prepared for registration, its holder's zones
    (``varies: "holder"``: portrait, personal data, signature, ghost) left out of the
    refinement (:func:`~workstation.imaging.registration.prepare_reference`): a capture
    is aligned on the design it shares with the specimen, not on another holder's
    picture and name."""
    white = spec.image(Light.WHITE)
    px_mm = white.shape[1] / spec.size_mm[0]
    holder = [tuple(v * px_mm for v in z.rect_mm) for z in spec.zones if z.varies_by_holder]
    return prepare_reference(white, ignore=holder)


def shown_on_page(image_shape: tuple[int, ...], homography: npt.NDArray[np.float64] | None,
                  size: tuple[int, int]) -> npt.NDArray[np.bool_] | None:
    """``size`` ``(H, W)`` bool: the pixels of a straightened page (``homography``:
    capture px -> page px) that an image of ``image_shape`` shows (most of the pixel);
    ``None`` without a homography."""
    if homography is None:
        return None
    ones = np.full(image_shape[:2], 255, np.uint8)
    return np.asarray(warp(ones, homography, size) > 128, dtype=np.bool_)


#: A capture denser than the work density by more than this factor (its homography onto
#: the work page shrinks it below ``1 / PRESHRINK_ABOVE``) is first reduced by area
#: averaging, or warping would alias its fine patterns. A reader's 300 dpi capture at
#: the 200 dpi work density (factor 1.5) is not: it lies well inside the margin, so one
#: capture of a type is never reduced and the next not.
PRESHRINK_ABOVE = 1.75


@dataclass
class PreparedCapture:
    """A capture brought onto its specimen at the work density, as every measure of it
    is made — by the examination (:func:`workstation.examination.pipeline.examine`) and
    when learning (:func:`measure_capture`).

    Attributes:
        registered: light -> the capture warped onto the specimen (``(H, W[, 3])``
            ``uint8``, the work page's shape).
        normalized: ``registered`` normalised against the specimen
            (:func:`workstation.imaging.normalize.normalize_capture`: flat field, uneven
            light, reported exposure, substrate balance).
        valid: ``(H, W)`` bool: the work pixels the capture shows.
        homography: source px -> work px (3x3) of the images warped (after any
            reduction).
        source_size: ``(h, w)`` of the images warped.
    """

    registered: dict[Light, Image]
    normalized: dict[Light, Image]
    valid: npt.NDArray[np.bool_]
    homography: npt.NDArray[np.float64]
    source_size: tuple[int, int]


def prepare_capture(images: Mapping[Light, Image], homography: npt.ArrayLike,
                    work_size: tuple[int, int], *, reference: Mapping[Light, Image],
                    exposure: object = None) -> PreparedCapture:
    """Warp a capture's ``images`` (light -> ``(h, w[, 3])`` ``uint8``, one shape) onto
    the specimen's work page (``work_size`` ``(H, W)``) with ``homography`` (capture px
    -> work px), reducing a capture far denser than the work density first
    (:data:`PRESHRINK_ABOVE`), and normalise it against ``reference`` (the specimen's
    images at the work density; ``exposure``: ``capture.json``'s, if reported)."""
    h = np.asarray(homography, dtype=np.float64)
    src_h, src_w = next(iter(images.values())).shape[:2]
    shrink = float(np.sqrt(abs(np.linalg.det(h[:2, :2]))))
    sources: Mapping[Light, Image] = images
    if shrink < 1.0 / PRESHRINK_ABOVE:
        factor = min(1.0, 1.25 * shrink)
        size_f = (max(8, round(src_w * factor)), max(8, round(src_h * factor)))
        sources = {light: np.ascontiguousarray(
            cv2.resize(img, size_f, interpolation=cv2.INTER_AREA), dtype=np.uint8)
            for light, img in images.items()}
        h = h @ np.linalg.inv(np.diag([size_f[0] / src_w, size_f[1] / src_h, 1.0]))
    registered = {light: warp(img, h, work_size) for light, img in sources.items()}
    source_size = next(iter(sources.values())).shape[:2]
    # how much of each work pixel the capture covers: the measures use the pixels it
    # mostly covers, the normalisation every pixel it touches
    cover = warp(np.full(source_size, 255, np.uint8), h, work_size)
    exp = exposure if isinstance(exposure, Mapping) else None
    norm = dict(normalize_capture(registered, exposure=exp, reference=reference,
                                  valid=cover > 0).images)
    return PreparedCapture(registered=registered, normalized=norm, valid=cover > 128,
                           homography=h,
                           source_size=(int(source_size[0]), int(source_size[1])))


def measure_capture(spec: Specimen, capture: CaptureSet, *, work_dpi: float = T.WORK_DPI,
                    name: str = "") -> Exemplar:
    """Register ``capture`` onto ``spec`` and measure every zone (nothing is merged)."""
    ex = Exemplar(name=name, learned=False, sha256=white_sha256(capture))
    images = {light.value: img for light, img in capture.images.items()}
    quad = find_page(images, dpi=capture.dpi)
    if not quad:
        ex.reason = f"no page found: {quad.reason}"
        return ex
    pw, ph = quad.size_px
    size = (max(1, round(ph)), max(1, round(pw)))
    mat = page_homography(quad, size)
    page_white = warp(capture.images[Light.WHITE], mat, size)
    reg = register(page_white, registration_reference(spec),
                   seen=shown_on_page(capture.images[Light.WHITE].shape, mat, size),
                   min_quality=T.REGISTRATION_MIN_QUALITY)
    ex.registration_quality = float(reg.quality)
    if not reg:
        ex.reason = f"does not register onto {spec.id}: {reg.reason}"
        return ex
    reference, work_size = reduced_specimen(spec, work_dpi)
    to_work = np.diag([work_size[1] / spec.image(Light.WHITE).shape[1]] * 2 + [1.0])
    total = to_work @ reg.homography @ mat
    prepared = prepare_capture({light: img for light, img in capture.images.items()
                                if light in reference}, total, work_size,
                               reference=reference, exposure=capture.metadata.get("exposure"))
    registered, norm = prepared.registered, prepared.normalized
    # What the capture shows of the specimen (a page partly outside the image): a zone
    # it does not show is not learned, as the examination does not measure it.
    seen = prepared.valid
    blur_px = print_blur(norm, reference, spec.zones, work_dpi=work_dpi, valid=seen)
    for zone in spec.zones:
        if not shown(seen, zone.rect_mm, work_dpi / 25.4):
            continue
        m = measure_zone(zone, norm, reference, work_dpi=work_dpi, seen=seen,
                         blur_px=blur_px, others=spec.zones, raw=registered)
        if m:
            ex.measures[zone.id] = m
    _feature_measures(ex, spec, capture, registered, reference, work_dpi=work_dpi,
                      capture_to_work=total)
    ex.learned = True
    return ex


def _feature_measures(ex: Exemplar, spec: Specimen, capture: CaptureSet,
                      registered: Mapping[Light, Image], reference: Mapping[Light, Image], *,
                      work_dpi: float, capture_to_work: np.ndarray) -> None:
    """The measures of the optional lights' features (relief, watermark, fibres...),
    taken as their checks take them (:func:`.feature_zone.measure_feature`), into ``ex``."""
    from workstation.examination.feature_zone import (
        CropSource,
        is_feature_check,
        lamp_azimuths,
        measure_feature,
        turn_deg,
    )

    def fine(rect: tuple[float, float, float, float], light: Light, dpi: float
             ) -> Image | None:
        img = capture.images.get(light)
        if img is None:
            return None
        dpi = min(dpi, max(work_dpi, capture.dpi or work_dpi))
        k = dpi / work_dpi
        x, y, w, h = (v * dpi / 25.4 for v in rect)
        shift = np.array([[1, 0, -x], [0, 1, -y], [0, 0, 1]], dtype=np.float64)
        mat = shift @ np.diag([k, k, 1.0]) @ np.asarray(capture_to_work, dtype=np.float64)
        out = cv2.warpPerspective(img, mat, (max(4, round(w)), max(4, round(h))),
                                  flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        return np.ascontiguousarray(out, dtype=np.uint8)

    src = CropSource(specimen=spec, work_dpi=work_dpi, registered=registered,
                     reference=reference, capture_dpi=capture.dpi, fine=fine,
                     azimuth_deg=lamp_azimuths(capture.metadata, tuple(capture.images),
                                               turn_deg(capture_to_work)))
    for zone in spec.zones:
        for chk in zone.checks:
            if not is_feature_check(chk) or chk.light not in registered:
                continue
            fm = measure_feature(zone, chk, src)
            if fm.measures:
                ex.measures.setdefault(zone.id, {}).setdefault(chk.light.value, {}).update(
                    fm.measures)


def merge(spec: Specimen, exemplars: Sequence[Exemplar], *,
          now: dt.datetime | None = None) -> Specimen:
    """``spec`` with the measures of the learned ``exemplars`` merged into its
    statistics (existing statistics kept and combined exactly)."""
    known = set(spec.statistics.sources)
    learned = [e for e in exemplars if e.learned and e.sha256 not in known]
    if not learned:
        return spec
    zones = []
    for zone in spec.zones:
        values: dict[tuple[str, str], list[float]] = {}
        for e in learned:
            for light, ms in e.measures.get(zone.id, {}).items():
                for name, val in ms.items():
                    if np.isfinite(val):
                        values.setdefault((light, name), []).append(float(val))
        stats = {(ms.light.value, ms.measure): ms.stat for ms in zone.stats}
        for key, vals in values.items():
            new = Stat.of(vals)
            stats[key] = stats[key].merged(new) if key in stats else new
        zones.append(dataclasses.replace(zone, stats=tuple(
            MeasureStat(Light(lt), m, st) for (lt, m), st in sorted(stats.items()))))
    st = spec.statistics
    page = {(ms.light.value, ms.measure): ms.stat for ms in st.page}
    quals = [e.registration_quality for e in learned if e.registration_quality is not None]
    if quals:
        key = (Light.WHITE.value, "registration_quality")
        new = Stat.of(quals)
        page[key] = page[key].merged(new) if key in page else new
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    statistics = SpecimenStatistics(
        exemplars=st.exemplars + len(learned),
        sources=tuple(dict.fromkeys([*st.sources, *(e.sha256 for e in learned)])),
        page=tuple(MeasureStat(Light(lt), m, s) for (lt, m), s in sorted(page.items())),
        updated_at=stamp)
    return dataclasses.replace(spec, zones=tuple(zones), statistics=statistics,
                               _cache=dict(spec._cache))


def learn(spec: Specimen, captures: Sequence[tuple[str, CaptureSet]], *,
          work_dpi: float = T.WORK_DPI, progress: ProgressCallback | None = None,
          cancel: Callable[[], bool] | None = None) -> LearnResult:
    """Measure each named genuine capture against ``spec`` and merge the statistics.

    A capture whose white image ``spec`` already learned, whose page is not found
    or that does not register is left out with its reason.
    """
    seen = set(spec.statistics.sources)
    out: list[Exemplar] = []
    for i, (name, cap) in enumerate(captures):
        if cancel is not None and cancel():
            break
        if progress is not None:
            progress(i / max(1, len(captures)), progress_text(
                QT_TRANSLATE_NOOP("authoring", "measuring {name}"), name=name))
        sha = white_sha256(cap)
        if sha in seen:
            out.append(Exemplar(name=name, learned=False, sha256=sha,
                                reason=f"already learned by {spec.id}"))
            continue
        ex = measure_capture(spec, cap, work_dpi=work_dpi, name=name)
        out.append(ex)
        if ex.learned:
            seen.add(sha)
    if progress is not None:
        progress(1.0, progress_text(QT_TRANSLATE_NOOP("authoring", "done")))
    return LearnResult(specimen=merge(spec, out), exemplars=out)
