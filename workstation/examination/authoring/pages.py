"""The pages of the genuine exemplars an author gives: found on the platen, measured in
mm, snapped to an ICAO size class, straightened at the capture's density and registered
onto the first exemplar (all lights share one geometry).

Images are ``uint8`` ``(H, W, 3)`` or ``(H, W)``; sizes ``(height, width)`` px unless
named ``_mm``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination import thresholds as T
from workstation.examination.learn import progress_text
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.imaging.document import find_page, page_homography, warp
from workstation.imaging.registration import prepare_reference, register
from workstation.mrz import MrzResult
from workstation.types import CaptureSet, Image, Light

#: ICAO 9303 size classes (width x height, mm, landscape): ID-1 = TD1.
SIZE_CLASSES: dict[str, tuple[float, float]] = {
    "TD1": (85.6, 53.98), "TD2": (105.0, 74.0), "TD3": (125.0, 88.0),
}
#: A measured page within this fraction of a class's sides takes the class's size.
SIZE_CLASS_TOLERANCE = 0.05
#: Least registration quality of an exemplar onto the first (true matches score
#: 0.8-1.0, another document type of the same size up to about 0.25).
AUTHOR_MIN_QUALITY = 0.4
#: Density assumed when a capture does not say (a typical document reader).
DEFAULT_DPI = 300.0


class AuthoringError(ValueError):
    """The captures cannot make a specimen (no page found, mixed documents...)."""


@dataclass
class PageSize:
    """The page's size: measured, and as proposed (a size class's when it fits)."""

    measured_mm: tuple[float, float]
    size_mm: tuple[float, float]
    size_class: str | None
    orientation: str  # "landscape" or "portrait"

    def to_json(self) -> dict[str, object]:
        """JSON-ready."""
        return {"measured_mm": [round(v, 1) for v in self.measured_mm],
                "size_mm": list(self.size_mm), "size_class": self.size_class,
                "orientation": self.orientation}


def size_class_of(measured_mm: tuple[float, float]) -> PageSize:
    """The ICAO size class ``measured_mm`` (width, height) falls in, if any."""
    w, h = measured_mm
    landscape = w >= h
    long_side, short_side = (w, h) if landscape else (h, w)
    for name, (cw, ch) in SIZE_CLASSES.items():
        if (abs(long_side - cw) <= SIZE_CLASS_TOLERANCE * cw
                and abs(short_side - ch) <= SIZE_CLASS_TOLERANCE * ch):
            size = (cw, ch) if landscape else (ch, cw)
            return PageSize(measured_mm, size, name, "landscape" if landscape else "portrait")
    return PageSize(measured_mm, (round(w, 1), round(h, 1)), None,
                    "landscape" if landscape else "portrait")


@dataclass
class ExemplarPage:
    """One exemplar straightened onto the reference page (every light), or why not."""

    name: str
    capture: CaptureSet
    images: dict[Light, Image] = field(default_factory=dict)
    registration_quality: float | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        """Whether the page is usable."""
        return bool(self.images)


def _straighten(capture: CaptureSet, size_px: tuple[int, int] | None = None
                ) -> tuple[dict[Light, Image], tuple[float, float], str]:
    """The page of ``capture`` straightened (every light), its measured size in mm, and
    a reason when no page was found. ``size_px``: output ``(height, width)``."""
    dpi = capture.dpi or DEFAULT_DPI
    quad = find_page({light.value: img for light, img in capture.images.items()}, dpi=dpi)
    if not quad:
        return {}, (0.0, 0.0), f"no page found: {quad.reason}"
    pw, ph = quad.size_px
    measured = (pw / dpi * 25.4, ph / dpi * 25.4)
    out = size_px or (max(1, round(ph)), max(1, round(pw)))
    mat = page_homography(quad, out)
    return ({light: warp(img, mat, out) for light, img in capture.images.items()},
            measured, "")


def _read_mrz_upright(images: dict[Light, Image]) -> tuple[MrzResult | None, bool]:
    """The page's MRZ (IR preferred) and whether the page lies upside down (its MRZ
    reads only when the page is turned)."""
    from workstation.mrz import read_mrz

    img = images.get(Light.IR, images.get(Light.WHITE))
    if img is None:
        return None, False
    res = read_mrz(img)
    if res.found and res.valid:
        return res, False
    turned = read_mrz(np.ascontiguousarray(img[::-1, ::-1]))
    if turned.found and (turned.valid or not res.found):
        return turned, True
    return (res if res.found else None), False


def _rotate180(images: dict[Light, Image]) -> dict[Light, Image]:
    return {light: np.ascontiguousarray(img[::-1, ::-1]) for light, img in images.items()}


def gather_pages(captures: Sequence[tuple[str, CaptureSet]], *,
                 progress: Callable[[float, str], None] | None = None
                 ) -> tuple[list[ExemplarPage], PageSize, float, MrzResult | None]:
    """Every capture's page on the first usable exemplar's geometry.

    Returns:
        ``(pages, size, dpi, mrz)``: one :class:`ExemplarPage` per capture (unusable ones
        with their reason), the proposed page size, the reference's density (the first
        usable capture's) and the reference page's MRZ (``None``: none read).

    Raises:
        AuthoringError: no capture shows a page, or the captures differ in their lights.
    """
    pages = [ExemplarPage(name, cap) for name, cap in captures]
    ref: ExemplarPage | None = None
    size: PageSize | None = None
    dpi = DEFAULT_DPI
    mrz: MrzResult | None = None
    for i, page in enumerate(pages):
        if progress is not None:
            progress(i / max(1, len(pages)), progress_text(
                QT_TRANSLATE_NOOP("authoring", "finding the page of {name}"), name=page.name))
        if Light.WHITE not in page.capture.images:
            page.reason = "no white image"
            continue
        if ref is None:
            images, measured, reason = _straighten(page.capture)
            if not images:
                page.reason = reason
                continue
            dpi = page.capture.dpi or DEFAULT_DPI
            size = size_class_of(measured)
            out = (round(size.size_mm[1] / 25.4 * dpi), round(size.size_mm[0] / 25.4 * dpi))
            images = {light: np.ascontiguousarray(cv2.resize(img, (out[1], out[0]),
                                                             interpolation=cv2.INTER_AREA))
                      for light, img in images.items()}
            mrz, turned = _read_mrz_upright(images)
            if turned:
                images = _rotate180(images)
            page.images, page.registration_quality, ref = images, 1.0, page
            continue
        _register_onto(page, ref)
        if page.ok and mrz is not None and mrz.found:
            _same_document(page, mrz)
    if ref is None or size is None:
        reasons = "; ".join(f"{p.name}: {p.reason}" for p in pages)
        raise AuthoringError(f"no capture shows a page to author from ({reasons})")
    return pages, size, dpi, mrz


def _same_document(page: ExemplarPage, ref_mrz: MrzResult) -> None:
    """Leave ``page`` out when its MRZ names another state, document code or format."""
    from workstation.mrz import read_mrz

    img = page.images.get(Light.IR, page.images.get(Light.WHITE))
    if img is None:
        return
    res = read_mrz(img)
    if not res.found:
        return
    want = (ref_mrz.format, ref_mrz.fields.get("issuing_state"),
            ref_mrz.fields.get("document_code"))
    got = (res.format, res.fields.get("issuing_state"), res.fields.get("document_code"))
    if got != want:
        page.images = {}
        page.reason = (f"its MRZ names another document ({'/'.join(map(str, got))}, not "
                       f"{'/'.join(map(str, want))})")


def _register_onto(page: ExemplarPage, ref: ExemplarPage) -> None:
    """Straighten ``page`` and register it onto ``ref``'s page (both turned upright)."""
    ref_white = ref.images[Light.WHITE]
    h, w = ref_white.shape[:2]
    missing = set(ref.images) - set(page.capture.images)
    if missing:
        page.reason = "lacks the " + ", ".join(sorted(m.value for m in missing)) + " image"
        return
    images, _measured, reason = _straighten(page.capture, (h, w))
    if not images:
        page.reason = reason
        return
    reference = prepare_reference(ref_white)
    best = None
    for candidate in (images, _rotate180(images)):
        reg = register(candidate[Light.WHITE], reference,
                       min_quality=T.REGISTRATION_MIN_QUALITY)
        if best is None or reg.quality > best[0].quality:
            best = (reg, candidate)
        if reg and reg.quality >= 0.5:
            break
    assert best is not None
    reg, images = best
    page.registration_quality = float(reg.quality)
    if not reg or reg.quality < AUTHOR_MIN_QUALITY:
        page.reason = (f"does not register onto {ref.name} (quality {reg.quality:.2f}): "
                       "another document type?")
        return
    mat: npt.NDArray[np.float64] = np.asarray(reg.homography, np.float64)
    page.images = {light: warp(img, mat, (h, w)) for light, img in images.items()
                   if light in ref.images}
