"""The whole examination: one call from a :class:`CaptureSet` to an :class:`Examination`.

Stages: find the page on the platen and straighten it; read the MRZ; identify
the specimen (MRZ facts, dates, page shape; several candidates ranked by
registration quality); register the capture onto it; run every registered
check; the verdict. Each stage leaves a typed result in the examination
(:mod:`workstation.examination.results`): ``page``, ``mrz``, ``identification``,
``registration``, ``viz`` and ``timings_ms`` (stage -> ms).

:func:`examine` never raises for a bad capture: a capture with no page, a
missing light, a wrong dpi or a document that fits no specimen gives skipped
checks with their reasons and an ``inconclusive`` verdict. It raises only for
bad arguments (an unknown ``specimen_id``: :class:`SpecimenError`) and when
cancelled (:class:`ExaminationError`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.errors import ExaminationError, InputError, SpecimenError
from workstation.examination import thresholds as T
from workstation.examination.checks import all_checks
from workstation.examination.checks.barcode import prefetch_barcodes
from workstation.examination.checks.mrz import prefetch_viz
from workstation.examination.identify import Candidate, ambiguity_message, candidates, ties
from workstation.examination.learn import (
    prepare_capture,
    reduced_specimen,
    registration_reference,
    shown_on_page,
)
from workstation.examination.messages import TITLES, lights_join, message
from workstation.examination.registry import ExamContext, skipped
from workstation.examination.results import Candidate as ResultCandidate
from workstation.examination.results import (
    Examination,
    Identification,
    PageResult,
    RegistrationResult,
    SkipReason,
)
from workstation.i18n import QT_TRANSLATE_NOOP, Msg, Said, Term, msg
from workstation.imaging.document import find_page, page_homography, warp
from workstation.imaging.registration import Reference, Registration, register
from workstation.types import (
    CORE_LIGHTS,
    CaptureSet,
    CheckResult,
    CheckStatus,
    Image,
    Light,
    Specimen,
    Verdict,
    verdict_of,
)

if TYPE_CHECKING:
    from workstation.mrz.result import MrzResult
    from workstation.specimens.library import SpecimenLibrary

log = logging.getLogger(__name__)

ProgressCallback = Callable[[float, str], None]
"""``progress(fraction 0..1, message)``."""
CancelCallback = Callable[[], bool]
"""Returns ``True`` when the examination should stop."""


@dataclass
class PreparedSpecimen:
    """A specimen's images at the work density and its registration reference."""

    specimen: Specimen
    work_dpi: float
    work_size: tuple[int, int]
    reference: dict[Light, Image]
    registration_ref: Reference
    scale_to_work: float


#: How many prepared specimens the process keeps (the cache is emptied beyond it).
PREPARED_CAPACITY = 32

_PREPARED: dict[tuple[str, str, int], PreparedSpecimen] = {}
_PREPARING: dict[tuple[str, str, int], threading.Lock] = {}
_PREPARED_LOCK = threading.Lock()


def prepare_specimen(spec: Specimen, work_dpi: float = T.WORK_DPI) -> PreparedSpecimen:
    """The specimen's images reduced to ``work_dpi`` and its registration reference,
    cached per process (by id, source and object). One thread prepares a specimen;
    another asking for it meanwhile (an examination during the warm-up) waits for it
    instead of doing the same work again."""
    key = (spec.id, spec.source, id(spec))
    with _PREPARED_LOCK:
        hit = _PREPARED.get(key)
        if hit is not None and hit.work_dpi == work_dpi:
            return hit
        gate = _PREPARING.setdefault(key, threading.Lock())
    with gate:
        with _PREPARED_LOCK:
            hit = _PREPARED.get(key)
            if hit is not None and hit.work_dpi == work_dpi:
                return hit
        try:
            prep = _prepare(spec, work_dpi)
        except BaseException:
            with _PREPARED_LOCK:
                _PREPARING.pop(key, None)
            raise
        with _PREPARED_LOCK:
            if len(_PREPARED) >= PREPARED_CAPACITY:
                _PREPARED.clear()
            _PREPARED[key] = prep
            _PREPARING.pop(key, None)
        return prep


def _prepare(spec: Specimen, work_dpi: float) -> PreparedSpecimen:
    reference, size = reduced_specimen(spec, work_dpi)
    white = spec.image(Light.WHITE)
    return PreparedSpecimen(
        specimen=spec, work_dpi=work_dpi, work_size=size, reference=reference,
        registration_ref=registration_reference(spec),
        scale_to_work=size[1] / white.shape[1],
    )


class LazyPage(Mapping[Light, Image]):
    """The straightened page per light, warped from the capture on first access
    (an examination that matches a specimen never needs the page under UV)."""

    def __init__(self, images: Mapping[Light, Image], homography: npt.NDArray[np.float64],
                 size: tuple[int, int]) -> None:
        self._src = dict(images)
        self._h = homography
        self._size = size
        self._done: dict[Light, Image] = {}
        self._lock = threading.Lock()

    def __getitem__(self, light: Light) -> Image:
        with self._lock:
            if light not in self._done:
                src = self._src[light]
                if src.shape[:2] == self._size and np.allclose(self._h, np.eye(3), atol=1e-6):
                    self._done[light] = src
                else:
                    self._done[light] = warp(src, self._h, self._size)
            return self._done[light]

    def __iter__(self) -> Iterator[Light]:
        return iter(self._src)

    def __len__(self) -> int:
        return len(self._src)


def _scale(sx: float, sy: float | None = None) -> npt.NDArray[np.float64]:
    return np.array([[sx, 0, 0], [0, sx if sy is None else sy, 0], [0, 0, 1]], dtype=np.float64)


def _read_mrz(page: Mapping[Light, Image], dpi: float | None,
              known: tuple[str, ...]) -> MrzResult | None:
    """The MRZ read on ``page``'s white and IR images; ``None`` when the reader broke (it
    must not take the examination down)."""
    from workstation.mrz import read_mrz

    cap = CaptureSet(images={light: page[light] for light in (Light.WHITE, Light.IR)
                             if light in page}, dpi=dpi)
    try:
        return read_mrz(cap, known_states=known)
    except Exception as exc:
        log.warning("MRZ reader failed: %s", exc)
        return None


def _known_states(library: SpecimenLibrary) -> tuple[str, ...]:
    try:
        return tuple(library.known_states())
    except Exception as exc:
        log.warning("specimen library unreadable: %s", exc)
        return ()


def _find_page(capture: CaptureSet) -> tuple[PageResult, LazyPage | None]:
    """The page on the platen: its result and the straightened images (``None``
    without a page)."""
    try:
        quad = find_page({light.value: img for light, img in capture.images.items()},
                         dpi=capture.dpi)
    except ValueError as exc:
        return PageResult(found=False, reason=str(exc)), None
    if not quad:
        return PageResult(found=False, reason=quad.reason), None
    pw_px, ph_px = quad.size_px
    size = (max(1, round(ph_px)), max(1, round(pw_px)))
    page_h = page_homography(quad, size)
    images = LazyPage(capture.images, page_h, size)
    how = [f"found on the {quad.light or 'white'} image"]
    if quad.outside:
        how.append(f"its {', '.join(quad.outside)} side(s) outside the image")
    if quad.cropped:
        how.append("the image is cropped to the page")
    for extra in (quad.note, quad.reason):
        if extra:
            how.append(extra)
    return PageResult(found=True, reason="; ".join(how),
                      corners=np.asarray(quad.corners, dtype=np.float64),
                      homography=page_h, images=images, dpi=capture.dpi), images


def registration_minimum(spec: Specimen) -> tuple[float, Msg]:
    """The registration quality a capture must reach to be examined against ``spec``,
    and on what it rests: the lower end of the specimen's learned genuine range
    (``statistics.page``, :mod:`workstation.examination.tolerance`) when it learned
    exemplars, never below :data:`~workstation.examination.thresholds.REGISTRATION_MIN_QUALITY`
    (above every other document type measured against a specimen)."""
    from workstation.examination.tolerance import tolerance

    tol = tolerance(spec.statistics.stat(Light.WHITE, "registration_quality"),
                    "registration_quality")
    if tol.source == "learned" and tol.lo is not None:
        return max(T.REGISTRATION_MIN_QUALITY, tol.lo), message(
            "REGISTRATION_FAILED:learned", n=tol.count)
    return T.REGISTRATION_MIN_QUALITY, message("REGISTRATION_FAILED:prior")


def _page_note(page: PageResult) -> Msg:
    """Why the page may not register, as far as the page finder knows (its own words,
    ``page.reason``, as they are)."""
    if page.whole_image:
        return message("REGISTRATION_FAILED:whole_image")
    if page.reason:
        return message("REGISTRATION_FAILED:page_finder", reason=page.reason)
    return message("REGISTRATION_FAILED:print")


def _whole_image_page(capture: CaptureSet) -> tuple[PageResult, LazyPage]:
    """The whole image as the page (no page edge stood out, but it holds an MRZ)."""
    h, w = capture.size
    images = LazyPage(capture.images, np.eye(3), (h, w))
    return PageResult(found=True, reason="no page edge found; the whole image holds an MRZ",
                      corners=np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float64),
                      homography=np.eye(3), images=images, dpi=capture.dpi,
                      whole_image=True), images


def _outside(region: Any, corners: npt.NDArray[np.float64]) -> bool:
    """Whether the centre of an MRZ ``region`` (image pixels, 4 corners; ``None``: not
    known) lies outside the page quadrilateral ``corners`` (4 x 2, image pixels)."""
    if region is None:
        return False
    centre = np.asarray(region, dtype=np.float64).reshape(-1, 2).mean(axis=0)
    quad = np.asarray(corners, dtype=np.float32).reshape(-1, 1, 2)
    return cv2.pointPolygonTest(quad, (float(centre[0]), float(centre[1])), False) < 0


def examine(capture: CaptureSet, *, library: SpecimenLibrary | None = None,
            specimen_id: str | None = None, capture_path: str | None = None,
            progress: ProgressCallback | None = None, cancel: CancelCallback | None = None,
            today: dt.date | None = None) -> Examination:
    """Examine ``capture`` against the specimen library.

    Args:
        capture: the questioned document under each light.
        library: a :class:`~workstation.specimens.library.SpecimenLibrary`
            (default: the data folder's).
        specimen_id: compare with this specimen instead of identifying one.
        capture_path: where the capture came from (reported as ``capture``).
        progress: called with ``(fraction, message)`` as stages complete.
        cancel: polled between stages; when it returns ``True`` the examination
            stops with :class:`ExaminationError`.
        today: the date expiry is judged against (default: today).

    Returns:
        The :class:`Examination` with every stage's typed result.

    Raises:
        SpecimenError: ``specimen_id`` is not in the library.
        ExaminationError: cancelled.
    """
    started = dt.datetime.now(dt.UTC)
    t_start = time.perf_counter()
    timings: dict[str, float] = {}
    t_last = [t_start]

    def stage(fraction: float, what: str, name: str | None = None) -> None:
        now = time.perf_counter()
        if name is not None:
            timings[name] = round((now - t_last[0]) * 1000.0, 1)
        t_last[0] = now
        if cancel is not None and cancel():
            raise ExaminationError("examination cancelled")
        if progress is not None:
            progress(fraction, what)

    if library is None:
        from workstation.specimens.library import open_library

        library = open_library()
    forced: Specimen | None = library.get(specimen_id) if specimen_id is not None else None
    known = _known_states(library)
    ctx = ExamContext(capture=capture, lights=capture.lights, known_states=known,
                      today=today or dt.date.today(), work_dpi=T.WORK_DPI)
    stage(0.0, _step(QT_TRANSLATE_NOOP("examination", "finding the document")))

    # -- 1. the page ----------------------------------------------------------------------
    white = capture.images[Light.WHITE]
    page, page_images = _find_page(capture)
    if page_images is not None:
        ctx.page = page_images
    else:
        ctx.skip_reason = SkipReason("NO_DOCUMENT", message("NO_DOCUMENT.because",
                                                            reason=page.reason))
    stage(0.15, _step(QT_TRANSLATE_NOOP("examination", "reading the MRZ")), "page")

    # -- 2. the MRZ -----------------------------------------------------------------------
    mrz: MrzResult | None = None
    # No page stood out (e.g. a photo filled by the document): an MRZ found in the
    # whole image makes the whole image the page.
    source: Mapping[Light, Image] = ctx.page if ctx.page else capture.images
    if ctx.page or float(np.std(white[::8, ::8])) >= 2.0:
        mrz = _read_mrz(source, capture.dpi, known)
    if ctx.page and not (mrz is not None and mrz.found) and page.corners is not None:
        # The page found holds no MRZ: a photograph of two documents (a card's front and
        # back side by side) may have given the other one. An MRZ read in the whole image
        # outside that page makes the whole image the page, as when no page stood out.
        whole = _read_mrz(capture.images, capture.dpi, known)
        if whole is not None and whole.found and _outside(whole.region, page.corners):
            mrz, ctx.page = whole, {}
    mrz_found = mrz is not None and mrz.found
    if not ctx.page and mrz is not None and mrz.found:
        page, ctx.page = _whole_image_page(capture)
        ctx.skip_reason = None
    ctx.page_result = page
    ctx.mrz = mrz
    if mrz is not None and mrz.found and mrz.region is not None:
        ctx.mrz_region_page = np.asarray(mrz.region, dtype=np.float64)
    stage(0.35, _step(QT_TRANSLATE_NOOP("examination", "identifying the document")), "mrz")

    # -- 3. identification and registration ------------------------------------------------
    chosen: tuple[PreparedSpecimen, Registration] | None = None
    cands: list[Candidate] = []
    ambiguous: tuple[str, ...] = ()
    by_layout = False
    if ctx.page:
        page_white = ctx.page[Light.WHITE]
        ph, pw = page_white.shape[:2]
        page_seen = shown_on_page(capture.images[Light.WHITE].shape[:2],
                                  page.homography, (ph, pw))
        if forced is not None:
            cands = [Candidate(forced, ["chosen by the examiner"])]
        else:
            fields = dict(mrz.fields) if mrz is not None and mrz.found else None
            cands = candidates(
                library.specimens(), mrz_fields=fields,
                mrz_format=mrz.format if mrz is not None and mrz.found else None,
                page_size_px=(pw, ph))
            if not cands and mrz_found:
                # No specimen has the MRZ's facts: try the layout alone (a misread or
                # altered issuing state, code or date); a match then needs a good
                # registration and is reported as inconsistent with the MRZ.
                cands = candidates(library.specimens(), mrz_fields=None, mrz_format=None,
                                   page_size_px=(pw, ph))
                for cand in cands:
                    cand.reasons.insert(0, "layout only: the MRZ names another document")
                by_layout = bool(cands)
        ranked: list[tuple[float, PreparedSpecimen, Registration]] = []
        for cand in cands:
            if Light.WHITE not in cand.specimen.image_lights:
                continue
            try:
                prep = prepare_specimen(cand.specimen)
            except Exception as exc:
                cand.reasons.append(f"specimen images unreadable: {exc}")
                continue
            reg = register(page_white, prep.registration_ref, seen=page_seen,
                           min_quality=T.REGISTRATION_MIN_QUALITY)
            cand.quality = reg.quality
            ranked.append((reg.quality, prep, reg))
        ranked.sort(key=lambda t: -t[0])
        if ranked:
            quality, prep, reg = ranked[0]
            needed, basis = registration_minimum(prep.specimen)
            if forced is None and (not mrz_found or by_layout):
                needed = max(needed, T.IDENTIFY_MIN_QUALITY)
            best = next(c for c in cands if c.specimen is prep.specimen)
            tied = ties(cands, best) if forced is None else []
            if reg.ok and quality >= needed and tied:
                ctx.skip_reason = SkipReason("SPECIMEN_AMBIGUOUS", message(
                    "SPECIMEN_AMBIGUOUS", detail=ambiguity_message(best, tied)))
                ambiguous = tuple(c.specimen.id for c in [best, *tied])
            elif reg.ok and quality >= needed:
                chosen = (prep, reg)
            elif by_layout:
                f = mrz.fields if mrz is not None else {}
                ctx.skip_reason = SkipReason("NO_SPECIMEN", message(
                    "NO_SPECIMEN.mrz", state=f.get("issuing_state", "?"),
                    code=f.get("document_code", "?"),
                    format=mrz.format if mrz is not None else "?"))
            else:
                ctx.skip_reason = SkipReason("REGISTRATION_FAILED", message(
                    "REGISTRATION_FAILED.named" if mrz_found and forced is None
                    else "REGISTRATION_FAILED", specimen=prep.specimen.id, quality=quality,
                    needed=needed, basis=basis, note=_page_note(page)))
        elif ctx.skip_reason is None:
            if mrz is not None and mrz_found:
                f = mrz.fields
                what = message("NO_SPECIMEN.mrz", state=f.get("issuing_state", "?"),
                               code=f.get("document_code", "?"), format=mrz.format)
            else:
                what = message("NO_SPECIMEN")
            ctx.skip_reason = SkipReason("NO_SPECIMEN", what)
    page_dpi = capture.dpi
    if chosen is not None:
        prep, reg = chosen
        spec = prep.specimen
        ctx.specimen = spec
        ctx.work_dpi = prep.work_dpi
        ctx.reference = prep.reference
        to_work = _scale(prep.scale_to_work)
        assert page.homography is not None
        total = reg.homography @ page.homography
        total /= total[2, 2]
        work_h = to_work @ total
        # The capture on the specimen's work page, reduced first when far denser, and
        # normalised: as when the specimen learned its exemplars (one preparation).
        ref_images = ctx.reference
        prepared = prepare_capture(capture.images, work_h, prep.work_size,
                                   reference=ref_images,
                                   exposure=capture.metadata.get("exposure"))
        ctx.registered = prepared.registered
        # Which pixels of the specimen the capture shows (a page partly outside the
        # image leaves the rest unseen: zones there are not judged).
        ctx.valid = prepared.valid
        if page_dpi is None:
            # Estimate the dpi from the page's size against the specimen's.
            pw_px, _ = page.size_px
            page_dpi = pw_px / spec.size_mm[0] * 25.4
        ctx.registration = RegistrationResult(
            quality=reg.quality, method=reg.method, homography=total,
            page_to_work=to_work @ reg.homography, work_dpi=prep.work_dpi,
            registered=ctx.registered, reference=ctx.reference, specimen_dpi=spec.dpi)
        ctx.page_dpi = page_dpi
        # The printed fields' OCR and the barcodes need only the page and the
        # registration: read them in worker threads while the capture is normalised and
        # the checks run (issue 14: Space to verdict).
        prefetch_viz(ctx)
        prefetch_barcodes(ctx)
        ctx.normalized = prepared.normalized
    ctx.page_dpi = page_dpi
    if ctx.page:
        page = replace(page, dpi=page_dpi)
        ctx.page_result = page
    ctx.identification = Identification(
        specimen=ctx.specimen,
        candidates=tuple(ResultCandidate(c.specimen.id, tuple(c.reasons), c.quality)
                         for c in cands),
        by_layout=by_layout, chosen_by_examiner=forced is not None,
        failure=ctx.skip_reason if ctx.specimen is None else None, ambiguous=ambiguous)
    try:
        stage(0.5, _step(QT_TRANSLATE_NOOP("examination", "running the checks")), "identify")

        # -- 4. the checks --------------------------------------------------------------------
        checks: list[CheckResult] = []
        specs = all_checks()
        for i, spec_check in enumerate(specs):
            missing = [light for light in spec_check.lights if light not in capture.images]
            title = Term(spec_check.title, TITLES)
            if spec_check.needs_specimen and ctx.specimen is None:
                code, reason = ctx.skip_reason or SkipReason("NO_SPECIMEN",
                                                             message("NO_SPECIMEN.none"))
                checks.append(skipped(spec_check.id, code,
                                      message("SKIPPED:check", title=title, reason=reason)))
            elif missing:
                checks.append(skipped(spec_check.id, "LIGHT_MISSING", message(
                    "LIGHT_MISSING.check", title=title, lights=lights_join(missing)),
                    light=missing[0]))
            else:
                t0 = time.perf_counter()
                try:
                    checks.extend(spec_check.func(ctx))
                except Exception as exc:  # one broken check must not lose the others
                    log.exception("check %s failed", spec_check.id)
                    checks.append(skipped(spec_check.id, "CHECK_ERROR", message(
                        "CHECK_ERROR", title=title, error=str(exc))))
                timings[f"check:{spec_check.id}"] = round((time.perf_counter() - t0) * 1000.0, 1)
            if cancel is not None and cancel():
                raise ExaminationError("examination cancelled")
            if progress is not None:
                progress(0.5 + 0.5 * (i + 1) / max(1, len(specs)), _step(QT_TRANSLATE_NOOP(
                    "examination", "checked: {check}"),
                    check=Term(spec_check.title, "check titles")))
    finally:  # work started ahead (OCR, barcodes) ends with the examination
        ctx.settle()
    t_last[0] = time.perf_counter()

    verdict = verdict_of(checks, matched_specimen=ctx.specimen is not None)
    # A core light missing (white, UV, IR) leaves the examination incomplete; an optional
    # one (UV 254, oblique, coaxial, transmitted) only skips the checks that need it.
    if verdict is Verdict.PASS and any(c.status is CheckStatus.SKIPPED
                                       and c.code in ("LIGHT_MISSING", "NO_DOCUMENT")
                                       and (c.light is None or c.light in CORE_LIGHTS)
                                       for c in checks):
        verdict = Verdict.INCONCLUSIVE
    duration = (time.perf_counter() - t_start) * 1000.0
    timings["total"] = round(duration, 1)
    return Examination(
        capture=capture, capture_path=capture_path,
        specimen_id=ctx.specimen.id if ctx.specimen is not None else None,
        mrz=mrz, checks=checks, verdict=verdict, started_at=started,
        duration_ms=duration, page=page, identification=ctx.identification,
        registration=ctx.registration, viz=ctx.viz, timings_ms=timings,
        barcodes=ctx.barcodes,
    )


def run_examination(capture_path: str | Path, *, specimen_id: str | None = None,
                    progress: ProgressCallback | None = None,
                    cancel: CancelCallback | None = None) -> Examination:
    """Load the capture folder and examine it against the data folder's library
    (what ``workstation examine`` runs before storing and reporting).

    Raises:
        InputError: unreadable capture folder or unknown specimen id.
    """
    from workstation.capture import load_capture
    from workstation.specimens.library import open_library

    capture = load_capture(capture_path)
    library = open_library()
    try:
        return examine(capture, library=library, specimen_id=specimen_id,
                       capture_path=str(capture_path), progress=progress, cancel=cancel)
    except SpecimenError as exc:
        raise InputError(str(exc)) from None


def _step(source: str, /, **params: Any) -> Said:
    """A progress text: English as it stands, a message the window renders in its
    language (context ``examination``)."""
    return Said(msg("examination", source, **params))
