"""The check registry and the context every check reads.

A check is a function ``(ctx: ExamContext) -> list[CheckResult]`` registered with
:func:`check` under an id, the lights it needs, the zone expectation or roles it
handles, and whether it needs a specimen. Adding a check is adding one module
under ``workstation/examination/checks/`` and importing it in that package's
``__init__`` (:func:`workstation.examination.checks.all_checks` lists them).

The context is typed: each stage's result is a field (the page, the
identification, the registration, the MRZ read). A check that needs another's
reading calls the function that produces it (``viz_readings(ctx)`` for the
printed fields; it reads once per examination and keeps the result in
:attr:`ExamContext.viz`), never a string key shared between checks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination import messages
from workstation.examination.results import (
    Identification,
    PageResult,
    RegistrationResult,
    SkipReason,
    VizReading,
)
from workstation.examination.tolerance import Judgement, summary
from workstation.examination.zone_measures import SHOWN_FRACTION, measure_zone, print_blur
from workstation.i18n import Join, Msg, render
from workstation.labels import light_label
from workstation.types import (
    CaptureSet,
    CheckResult,
    CheckStatus,
    Evidence,
    Expect,
    Image,
    Light,
    Specimen,
    Zone,
    mm_to_px,
)

if TYPE_CHECKING:
    from workstation.barcodes.document import DocumentBarcodes
    from workstation.mrz.result import MrzResult

#: The least fraction of a zone the capture must show for a check to judge the part
#: in view (:meth:`ExamContext.seen_part`).
SEEN_PART_LEAST = 0.5


def in_view_facts(part: Zone, zone: Zone) -> dict[str, Any]:
    """``{"in_view": share}``: the area share of ``zone`` that ``part`` (its part in view,
    :meth:`ExamContext.seen_part`) covers; ``{}`` when ``part`` is the whole zone."""
    if part is zone:
        return {}
    return {"in_view": round(part.rect_mm[2] * part.rect_mm[3]
                             / max(1e-9, zone.rect_mm[2] * zone.rect_mm[3]), 3)}


#: Threads for work started ahead of the checks that need it (:meth:`ExamContext.prefetch`).
_PREFETCH = ThreadPoolExecutor(max_workers=2, thread_name_prefix="exam-prefetch")


@dataclass
class ExamContext:
    """Everything a check may look at. Images are ``uint8`` RGB or grey.

    Attributes:
        capture: the capture as read.
        lights: lights present in the capture.
        page: light -> the page straightened and cropped (page px), or empty when
            no page was found.
        page_dpi: density of ``page`` (the capture's dpi, or estimated).
        page_result: where the page lies in the capture (``None`` before that stage).
        specimen: the matched specimen, or ``None``.
        identification: how the specimen was chosen (``None`` before that stage).
        registration: the capture registered onto the specimen (``None`` without).
        registered: light -> the capture warped onto the specimen at ``work_dpi``
            (empty without a registered specimen).
        reference: light -> the specimen's image at ``work_dpi``.
        work_dpi: density of ``registered`` and ``reference``.
        mrz: the MRZ read from the page, or ``None``.
        mrz_region_page: the MRZ's corners in page px (``(4, 2)``), or ``None``.
        known_states: issuing states accepted as known (ICAO list + library).
        today: the date expiry is judged against.
        skip_reason: why specimen checks cannot run, if so.
        viz: the printed fields read by OCR, once ``viz_readings(ctx)`` ran.
        uv_substrate: the median UV colour of the page's substrate per source
            (``"capture"``, ``"specimen"``), once measured.
        barcodes: every face's barcodes, once ``document_barcodes(ctx)`` ran (the
            barcode checks).
        normalized: light -> ``registered`` normalised against the specimen
            (flat field, uneven light, exposure, substrate balance): what the
            learned measures are made on (empty without a registered specimen).
        zone_measures_cache: (zone id, rect) -> light name -> measures, once measured
            (:meth:`zone_measures`).
        blur_px: the capture's blur relative to the specimen's (px at ``work_dpi``),
            once measured (:meth:`zone_measures`).
        valid: the pixels of ``registered`` the capture shows (``(H, W)`` bool; a
            page partly outside the image leaves the rest unseen), or ``None``.
        pending: name -> work started ahead of the check that needs it
            (:meth:`prefetch`, :meth:`settle`).
    """

    capture: CaptureSet
    lights: tuple[Light, ...]
    page: Mapping[Light, Image] = field(default_factory=dict)
    page_dpi: float | None = None
    page_result: PageResult | None = None
    specimen: Specimen | None = None
    identification: Identification | None = None
    registration: RegistrationResult | None = None
    registered: Mapping[Light, Image] = field(default_factory=dict)
    reference: Mapping[Light, Image] = field(default_factory=dict)
    work_dpi: float = 200.0
    mrz: MrzResult | None = None
    mrz_region_page: npt.NDArray[np.float64] | None = None
    known_states: tuple[str, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)
    skip_reason: SkipReason | None = None
    viz: VizReading | None = None
    uv_substrate: dict[Literal["capture", "specimen"], npt.NDArray[np.float32]] = field(
        default_factory=dict)
    barcodes: DocumentBarcodes | None = None
    normalized: Mapping[Light, Image] = field(default_factory=dict)
    valid: npt.NDArray[np.bool_] | None = None
    zone_measures_cache: dict[tuple[str, tuple[float, ...]], dict[str, dict[str, float]]] = \
        field(default_factory=dict)
    blur_px: float | None = None
    pending: dict[str, Future[Any]] = field(default_factory=dict)

    # -- work started ahead --------------------------------------------------------------
    def prefetch(self, name: str, work: Callable[[], object]) -> None:
        """Start ``work`` (which fills one of this context's caches: the printed fields'
        OCR, the barcodes) in a worker thread now, while the examination goes on; the
        function that fills the cache calls :meth:`settle` first and so never computes
        it twice. OpenCV's DNN and zxing release the interpreter while they work."""
        if name not in self.pending:
            self.pending[name] = _PREFETCH.submit(work)

    def settle(self, name: str | None = None) -> None:
        """Wait for the work :meth:`prefetch` started as ``name`` (every one when
        ``None``). Its failure is not raised here: the function that needs the result
        computes it again on the examination's thread and reports it as a check."""
        for key in [name] if name is not None else list(self.pending):
            future = self.pending.pop(key, None) if key is not None else None
            if future is not None:
                with contextlib.suppress(Exception):
                    future.result()

    # -- zones ---------------------------------------------------------------------------
    def zones_expecting(self, light: Light, expect: Expect) -> list[Zone]:
        """The specimen's zones that must show ``expect`` under ``light``."""
        if self.specimen is None:
            return []
        return [z for z in self.specimen.zones
                if any(c.light == light and c.expect == expect for c in z.checks)]

    def zone_box(self, zone: Zone) -> tuple[int, int, int, int]:
        """``(r0, r1, c0, c1)`` of ``zone`` at ``work_dpi``, clipped to the page."""
        x, y, w, h = (mm_to_px(v, self.work_dpi) for v in zone.rect_mm)
        ref = next(iter(self.reference.values()))
        H, W = ref.shape[:2]
        r0, r1 = max(0, round(y)), min(H, round(y + h))
        c0, c1 = max(0, round(x)), min(W, round(x + w))
        return r0, r1, c0, c1

    def visible(self, zone: Zone, *, fraction: float = SHOWN_FRACTION) -> bool:
        """Whether the capture shows at least ``fraction`` of ``zone`` (not outside the
        image)."""
        r0, r1, c0, c1 = self.zone_box(zone)
        if r1 - r0 < 2 or c1 - c0 < 2:
            return False
        if self.valid is None:
            return True
        return float(self.valid[r0:r1, c0:c1].mean()) >= fraction

    def crop(self, zone: Zone, light: Light, source: str = "capture") -> Image | None:
        """``zone`` under ``light`` from the registered capture or the specimen
        (``None`` when the capture does not show the zone)."""
        images = self.registered if source == "capture" else self.reference
        img = images.get(light)
        if img is None or not self.visible(zone):
            return None
        r0, r1, c0, c1 = self.zone_box(zone)
        return np.ascontiguousarray(img[r0:r1, c0:c1])

    def zone_measures(self, zone: Zone) -> dict[str, dict[str, float]]:
        """Every measure of ``zone`` (light name -> measure -> value) on the normalised
        registered capture — the measures its learned statistics describe
        (:func:`workstation.examination.zone_measures.measure_zone`), made once per
        examination. Empty without a registered, normalised capture."""
        key = (zone.id, tuple(zone.rect_mm))
        if key not in self.zone_measures_cache:
            if self.blur_px is None and self.normalized and self.specimen is not None:
                self.blur_px = print_blur(self.normalized, self.reference,
                                          self.specimen.zones, work_dpi=self.work_dpi,
                                          valid=self.valid)
            self.zone_measures_cache[key] = (
                measure_zone(zone, self.normalized, self.reference, work_dpi=self.work_dpi,
                             seen=self.valid, blur_px=self.blur_px or 0.0,
                             others=self.specimen.zones if self.specimen is not None else (),
                             raw=self.registered)
                if self.normalized and self.visible(zone) else {})
        return self.zone_measures_cache[key]

    def seen_part(self, zone: Zone, *, least: float = SEEN_PART_LEAST) -> Zone | None:
        """``zone`` itself when the capture shows it (:meth:`visible`); when the page
        goes on beyond the image across it, the zone cut down to the rectangle the
        capture shows entirely (whole rows and columns trimmed from its sides, the
        most unseen first) if that keeps at least ``least`` of its area; else
        ``None``. A feature partly in view is judged on what is in view."""
        if self.visible(zone):
            return zone
        r0, r1, c0, c1 = self.zone_box(zone)
        if self.valid is None or r1 - r0 < 4 or c1 - c0 < 4:
            return None
        seen = self.valid[r0:r1, c0:c1]
        top, bottom, left, right = 0, seen.shape[0], 0, seen.shape[1]
        while bottom - top >= 4 and right - left >= 4:
            part = seen[top:bottom, left:right]
            if part.all():
                break
            edges = {"top": 1.0 - float(part[0].mean()), "bottom": 1.0 - float(part[-1].mean()),
                     "left": 1.0 - float(part[:, 0].mean()),
                     "right": 1.0 - float(part[:, -1].mean())}
            worst = max(edges, key=lambda k: edges[k])
            if worst == "top":
                top += 1
            elif worst == "bottom":
                bottom -= 1
            elif worst == "left":
                left += 1
            else:
                right -= 1
        area = (bottom - top) * (right - left)
        if area < least * seen.size or not seen[top:bottom, left:right].all():
            return None
        px_mm = self.work_dpi / 25.4
        # a quarter pixel inside, so the rectangle rounds back to the same pixels
        rect = ((c0 + left + 0.25) / px_mm, (r0 + top + 0.25) / px_mm,
                (right - left - 0.5) / px_mm, (bottom - top - 0.5) / px_mm)
        return replace(zone, rect_mm=rect)

    def in_view(self, zone: Zone) -> tuple[Zone, dict[str, Any]] | None:
        """:meth:`seen_part` of ``zone`` with the facts a result carries about it:
        ``{"in_view": share}`` (area share of the zone judged, 0-1) when only a part is in
        view, else ``{}``; ``None`` when too little of the zone is in view."""
        part = self.seen_part(zone)
        if part is None:
            return None
        return part, in_view_facts(part, zone)

    def evidence(self, zone: Zone, lights: tuple[Light, ...]) -> list[Evidence]:
        """The zone in the registered capture and in the specimen, per light."""
        out: list[Evidence] = []
        for light in lights:
            for source in ("capture", "specimen"):
                img = self.crop(zone, light, source)
                if img is not None:
                    who = "questioned" if source == "capture" else "specimen"
                    out.append(Evidence(label=f"{zone.label or zone.id} — {who}, "
                                        f"{light_label(light)}",
                                        image=img, light=light, source=source))
        return out

    def hires_crop(self, rect_mm: tuple[float, float, float, float], light: Light, *,
                   dpi: float = 300.0) -> Image | None:
        """``rect_mm`` (specimen coordinates) cut from the straightened page at up to
        ``dpi`` (sharper than the work density: for OCR and fine lines). Falls back to
        the registered capture when the page-to-specimen mapping is unknown."""
        page_to_work = (self.registration.page_to_work if self.registration is not None
                        else None)
        img = self.page.get(light)
        if page_to_work is None or img is None:
            return self.crop(Zone("rect", rect_mm), light)
        dpi = min(dpi, max(self.work_dpi, self.page_dpi or self.work_dpi))
        s = dpi / self.work_dpi
        x, y, w, h = (mm_to_px(v, dpi) for v in rect_mm)
        out_w, out_h = max(4, round(w)), max(4, round(h))
        shift = np.array([[1, 0, -x], [0, 1, -y], [0, 0, 1]], dtype=np.float64)
        mat = shift @ np.diag([s, s, 1.0]) @ np.asarray(page_to_work, dtype=np.float64)
        out = cv2.warpPerspective(img, mat, (out_w, out_h), flags=cv2.INTER_LINEAR,
                                  borderMode=cv2.BORDER_REPLICATE)
        return np.ascontiguousarray(out, dtype=np.uint8)

    def page_evidence(self, light: Light, box: tuple[int, int, int, int] | None,
                      label: str) -> list[Evidence]:
        """A crop of the straightened page (``box`` = r0, r1, c0, c1 in page px)."""
        img = self.page.get(light)
        if img is None:
            return []
        if box is not None:
            r0, r1, c0, c1 = box
            img = img[r0:r1, c0:c1]
        if img.size == 0:
            return []
        scale = min(1.0, 600.0 / max(img.shape[:2]))
        if scale < 1.0:
            size = (max(1, round(img.shape[1] * scale)), max(1, round(img.shape[0] * scale)))
            img = np.asarray(cv2.resize(img, size, interpolation=cv2.INTER_AREA),
                             dtype=np.uint8)
        return [Evidence(label=label, image=np.ascontiguousarray(img), light=light,
                         source="capture")]


CheckFunc = Callable[[ExamContext], list[CheckResult]]


@dataclass(frozen=True)
class CheckSpec:
    """A registered check.

    Attributes:
        id: the result id (``uv.dull_paper``...).
        title: what it checks, in plain words.
        lights: lights it needs (all of them).
        expect: the zone expectation it handles, if it is a zone check.
        roles: zone roles it needs.
        needs_specimen: it cannot run without a matched, registered specimen.
        func: the function.
    """

    id: str
    title: str
    lights: tuple[Light, ...]
    func: CheckFunc
    expect: Expect | None = None
    roles: tuple[str, ...] = ()
    needs_specimen: bool = True


REGISTRY: dict[str, CheckSpec] = {}


def check(id: str, *, title: str, lights: tuple[Light, ...], expect: Expect | None = None,
          roles: tuple[str, ...] = (), needs_specimen: bool = True
          ) -> Callable[[CheckFunc], CheckFunc]:
    """Register the decorated function as check ``id``."""

    def deco(func: CheckFunc) -> CheckFunc:
        if id in REGISTRY and REGISTRY[id].func is not func:
            raise ValueError(f"check {id!r} registered twice")
        REGISTRY[id] = CheckSpec(id=id, title=title, lights=lights, func=func, expect=expect,
                                 roles=roles, needs_specimen=needs_specimen)
        return func

    return deco


def result(spec_id: str, status: CheckStatus, code: str, message: str | Msg | Join, *,
           zone: str | None = None, light: Light | None = None, score: float | None = None,
           threshold: float | None = None, evidence: list[Evidence] | None = None,
           **details: Any) -> CheckResult:
    """Build a :class:`CheckResult` (scores as floats, ``details`` kept; the title is
    the registered check's). ``message`` is a template with its parameters
    (:func:`workstation.examination.messages.message`): the result carries it as
    ``text`` and its English as ``message``. A result held against a threshold says
    where the threshold came from in ``details["tolerance"]``: ``learned`` (the
    specimen's statistics, :func:`learned_result`) or, by default, ``prior`` (a global
    constant of :mod:`workstation.examination.thresholds`)."""
    text = None if isinstance(message, str) else message
    if threshold is not None:
        details.setdefault("tolerance", "prior")
    return CheckResult(
        id=spec_id, status=status, code=code, message=render(message, None), zone=zone,
        light=light,
        score=None if score is None else float(score),
        threshold=None if threshold is None else float(threshold),
        evidence=evidence or (), details={k: v for k, v in details.items() if v is not None},
        title=_title(spec_id), text=text,
    )


def skipped(spec_id: str, code: str, message: str | Msg | Join, *, zone: str | None = None,
            light: Light | None = None) -> CheckResult:
    """A ``skipped`` result with its reason."""
    return CheckResult(id=spec_id, status=CheckStatus.SKIPPED, code=code,
                       message=render(message, None), zone=zone, light=light,
                       title=_title(spec_id),
                       text=None if isinstance(message, str) else message)


def _title(spec_id: str) -> str:
    spec = REGISTRY.get(spec_id)
    return spec.title if spec is not None else ""


def learned_result(spec_id: str, zone: Zone, light: Light, judgements: list[Judgement], *,
                   fail: tuple[str, Msg], ok: tuple[str, Msg],
                   evidence: list[Evidence] | None = None, status: CheckStatus | None = None,
                   **details: Any) -> CheckResult:
    """A zone's result from its measures held against its learned tolerances
    (:func:`workstation.examination.tolerance.judge`): ``fail`` or ``ok`` is ``(code,
    message)`` (a template, :func:`workstation.examination.messages.message`); the
    message gets the failing measures and their learned ranges
    appended. ``score`` is the first failing (else the first) measure's value and
    ``threshold`` its bound; ``details`` carry every measure with its tolerance and
    ``tolerance``: ``learned``, ``prior`` or ``mixed`` (some measures learned)."""
    bad = [j for j in judgements if not j.ok]
    first = bad[0] if bad else judgements[0]
    code, message = fail if bad else ok
    st = status or (CheckStatus.FAIL if bad else CheckStatus.PASS)
    source = ("learned" if all(j.tolerance.source == "learned" for j in judgements)
              else "prior" if all(j.tolerance.source == "prior" for j in judgements)
              else "mixed")
    text = messages.message("TOLERANCE:with", message=message, measures=summary(judgements))
    return result(spec_id, st, code, text, zone=zone.id,
                  light=light, score=first.value, threshold=first.tolerance.bound(),
                  evidence=evidence, tolerance=source,
                  measures={j.measure: j.to_json() for j in judgements}, **details)
