"""What the viewer shows of the document on the desk: its front or its back, before and
after the examination, the outlines of the barcodes found on the face shown, and the
chip's photograph beside the printed portrait.

:class:`DeskDisplay` feeds the :class:`~workstation.session.viewer.ViewerState` from
what the examination session holds. The front is the capture as taken until the
examination registers it onto a specimen; then the registered capture beside the
specimen (:class:`Shown`). The back is the back face straightened to the document's
size when its page was placed (by the barcode reading, or found on the platen), the
back as taken otherwise. The chip's photograph (DG2) is an image of the content's size
with the photograph fitted into the printed portrait's rectangle, so the synchronised
side-by-side view shows the two faces at one scale.

Pyramids and straightened images are made off the home thread (:func:`shown_of`,
:func:`face_as_taken`); switching faces only hands prepared images to the viewer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
from psygnal import Signal

from workstation.examination.results import Examination
from workstation.labels import FACE_TITLES
from workstation.session.viewer import (
    CodeOutline,
    ExaminationView,
    Mode,
    Origin,
    Pyramid,
    SourceKey,
    ViewerState,
    build_pyramids,
    zone_overlays,
)
from workstation.types import CaptureSet, CheckResult, CheckStatus, Image, Light

#: The faces a document may have, front first.
FACES = tuple(FACE_TITLES)
#: Grey of the chip photograph's surroundings (the photograph is placed over the portrait).
CHIP_SURROUND = 96

Homography = npt.NDArray[np.float64]


@dataclass(frozen=True)
class FaceImages:
    """One face as the viewer shows it.

    Attributes:
        images: light -> pyramid (content px).
        dpi: the content's density (``None``: unknown).
        capture_to_content: ``3 x 3`` homography from the face's capture px to content px
            (``None``: the content is the capture as taken).
        capture_dpi: the capture's own density.
        size_mm: the document face's size the content shows (``None``: the platen).
    """

    images: Mapping[Light, Pyramid]
    dpi: float | None
    capture_to_content: Homography | None
    capture_dpi: float | None
    size_mm: tuple[float, float] | None = None


@dataclass(frozen=True)
class Shown:
    """An examination as the window shows it: the examination, what the viewer takes
    from it, the specimen's images as pyramids, and the back face (built off the home
    thread)."""

    examination: Examination
    view: ExaminationView
    registered: Mapping[Light, Pyramid]
    specimen: Mapping[Light, Pyramid]
    back: FaceImages | None = None


def face_as_taken(face: CaptureSet) -> FaceImages:
    """A face shown as the reader took it (pyramids built now: call off the home thread)."""
    return FaceImages(build_pyramids(face.images), face.dpi, None, face.dpi)


def _warp(images: Mapping[Light, Image], h: Homography, size: tuple[int, int]
          ) -> dict[Light, Image]:
    w, hh = size
    return {light: np.ascontiguousarray(cv2.warpPerspective(
        img, h, (w, hh), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE), np.uint8)
        for light, img in images.items()}


def back_of(exam: Examination, content_dpi: float | None) -> FaceImages | None:
    """The back face of ``exam``'s capture, straightened to the document's size at
    ``content_dpi`` when its page was placed (the barcode reading's mapping onto the
    document, else the page found on the platen), as taken otherwise. ``None`` without
    a back. Slow: call off the home thread."""
    back = exam.capture.back
    if back is None:
        return None
    dpi = content_dpi or back.dpi or 200.0
    k = dpi / 25.4
    face = exam.barcodes.face("back") if exam.barcodes is not None else None
    if face is not None and face.to_mm is not None and face.size_mm is not None:
        w_mm, h_mm = face.size_mm
        h = np.diag([k, k, 1.0]) @ face.to_mm
        size = (max(8, round(w_mm * k)), max(8, round(h_mm * k)))
        return FaceImages(build_pyramids(_warp(back.images, h, size)), dpi, h, back.dpi,
                          (w_mm, h_mm))
    from workstation.imaging.document import find_document, page_homography

    quad = find_document(back.images[Light.WHITE])
    if quad and not quad.cropped:
        pw, ph = quad.size_px
        size_hw = (max(8, round(ph)), max(8, round(pw)))
        h = np.asarray(page_homography(quad, size_hw), dtype=np.float64)
        return FaceImages(build_pyramids(_warp(back.images, h, (size_hw[1], size_hw[0]))),
                          back.dpi, h, back.dpi, None)
    return face_as_taken(back)


def shown_of(exam: Examination) -> Shown:
    """What the window shows of ``exam``: the view and the pyramids of the registered
    capture, of the specimen and of the back face, built now (call off the home
    thread)."""
    view = ExaminationView.of(exam)
    registered = build_pyramids(view.registered) if view.registered else {}
    specimen = build_pyramids(view.specimen_images()) if view.specimen is not None else {}
    return Shown(exam, view, registered, specimen, back_of(exam, view.dpi))


_ORDER = {CheckStatus.FAIL: 0, CheckStatus.WARN: 1, CheckStatus.PASS: 2,
          CheckStatus.SKIPPED: 3}


def _worst(checks: Sequence[CheckResult]) -> CheckStatus | None:
    return min((c.status for c in checks), key=_ORDER.__getitem__) if checks else None


def code_outlines(exam: Examination, face: str, to_content: Homography | None
                  ) -> list[CodeOutline]:
    """The barcodes ``exam`` read on ``face`` as outlines in content px (``to_content``:
    that face's capture px -> content px), each with the worst status of the barcode
    checks on that face and zone."""
    if exam.barcodes is None:
        return []
    found = exam.barcodes.face(face)
    if found is None:
        return []
    spec = exam.specimen
    zones = [z for z in spec.zones if z.face == face] if spec is not None else []
    out = []
    for reading in found.readings:
        raw = np.asarray(reading.code.corners, dtype=np.float64).reshape(-1, 1, 2)
        pts = cv2.perspectiveTransform(raw, to_content) if to_content is not None else raw
        points = tuple((float(x), float(y)) for x, y in np.asarray(pts).reshape(-1, 2))
        in_zones = {z.id for z in zones if reading in found.in_zone(z)}
        about = [c for c in exam.checks if c.id.startswith("barcode.")
                 and c.details.get("face", face) == face
                 and (not in_zones or c.zone in in_zones or c.zone is None)]
        what = {"aamva": "AAMVA data", "seal": "digital seal"}.get(reading.kind, "")
        label = f"{reading.code.format} · {what}" if what else reading.code.format
        out.append(CodeOutline(points, label, _worst(about)))
    return out


class DeskDisplay:
    """What the viewer shows of the document on the desk (see the module docstring)."""

    faceShown = Signal(str)
    """The face shown changed: ``front`` or ``back``."""

    def __init__(self, viewer: ViewerState) -> None:
        self.viewer = viewer
        self.face = "front"
        self.capture: CaptureSet | None = None
        self.shown: Shown | None = None
        self.back_as_taken: FaceImages | None = None
        self.chip_face: Image | None = None

    # -- what arrives ------------------------------------------------------------------
    def show_capture(self, capture: CaptureSet) -> None:
        """A new capture: its front as taken (a new document always shows its front)."""
        self.capture = capture
        self.shown = None
        self.back_as_taken = None
        self.chip_face = None
        self._set_face("front")
        self._apply()

    def show_examination(self, shown: Shown) -> None:
        """The examination ended: the registered face(s) beside the specimen."""
        self.shown = shown
        if self.capture is not shown.examination.capture:
            self.capture = shown.examination.capture
        self._apply()

    def set_back(self, capture: CaptureSet, back: FaceImages) -> None:
        """The back was captured (``capture`` is the desk's capture with it): shown as
        taken until the examination straightens it."""
        self.capture = capture
        self.back_as_taken = back
        if self.face == "back":
            self._apply()

    def set_chip_face(self, image: Image | None) -> None:
        """The chip's photograph (``None``: no chip read): placed over the printed
        portrait, as a source to compare with."""
        self.chip_face = image
        if self.face == "front":
            self._apply(fit=False)

    # -- the face shown ----------------------------------------------------------------
    @property
    def has_back(self) -> bool:
        """Whether the desk's document has a back face to show."""
        return self.capture is not None and self.capture.back is not None

    def faces(self) -> list[str]:
        """The faces that can be shown."""
        return ["front", "back"] if self.has_back else ["front"]

    def show_face(self, face: str) -> bool:
        """Show ``face`` (``front`` or ``back``); ``False`` when there is no such face."""
        if face not in FACES:
            raise ValueError(f"unknown face {face!r} (front or back)")
        if face == "back" and not self.has_back:
            return False
        if face != self.face:
            self._set_face(face)
            self._apply()
        return True

    def _set_face(self, face: str) -> None:
        if face != self.face:
            self.face = face
            self.faceShown.emit(face)

    def back_images(self) -> FaceImages | None:
        """The back as the viewer shows it (straightened once examined)."""
        if self.shown is not None and self.shown.back is not None \
                and self.shown.examination.capture.back is (self.capture.back
                                                            if self.capture else None):
            return self.shown.back
        return self.back_as_taken

    # -- where to look ------------------------------------------------------------------
    def focus_chip_face(self) -> bool:
        """Side by side: the printed portrait beside the chip's photograph, zoomed to the
        portrait; ``False`` when no chip photograph is there."""
        v = self.viewer
        if self.chip_face is None:
            return False
        self.show_face("front")
        chip = SourceKey(Origin.CHIP, Light.WHITE)
        page = SourceKey(Origin.CAPTURE, Light.WHITE)
        if not (v.has(chip) and v.has(page)):
            return False
        v.a, v.b = page, chip
        v.mode = Mode.SIDE_BY_SIDE
        v.changed()  # the panes of the new mode take their size first
        if self.shown is not None:
            cw, ch = v.content_size
            x, y, w, h = portrait_rect(self.shown.view, cw, ch)
            pad = 0.15 * max(w, h)
            v.viewport.zoom_to_rect(x - pad, y - pad, w + 2 * pad, h + 2 * pad, margin=0.0)
        return True

    def focus_code(self, face: str, index: int) -> bool:
        """Show ``face`` zoomed to its ``index``-th barcode (outlined); ``False`` when it
        is not there."""
        if not self.show_face(face):
            return False
        v = self.viewer
        if not 0 <= index < len(v.outlines):
            return False
        v.show_codes = True
        xs = [x for x, _ in v.outlines[index].points]
        ys = [y for _, y in v.outlines[index].points]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        pad = 0.1 * max(w, h)
        v.changed()
        v.viewport.zoom_to_rect(min(xs) - pad, min(ys) - pad, w + 2 * pad, h + 2 * pad,
                                margin=0.0)
        return True

    # -- feeding the viewer ------------------------------------------------------------
    def _apply(self, *, fit: bool = True) -> None:
        v = self.viewer
        v.zones = []
        v.outlines = []
        if self.face == "back":
            self._apply_back(v)
        else:
            self._apply_front(v)
        if fit:
            v.viewport.fit()
        v.changed()

    def _apply_front(self, v: ViewerState) -> None:
        shown, capture = self.shown, self.capture
        if shown is None or capture is None or shown.examination.capture is not capture \
                or not shown.registered:
            if capture is None:
                v.set_images(Origin.CAPTURE, {}, replace_all=True)
                return
            v.set_images(Origin.CAPTURE, capture.images, dpi=capture.dpi, replace_all=True)
            v.dpi = capture.dpi
            v.set_capture_geometry(None, capture.dpi)
            v.show_zones = False if shown is None else v.show_zones
            if shown is not None:
                v.outlines = code_outlines(shown.examination, "front", None)
            return
        exam, view = shown.examination, shown.view
        v.set_images(Origin.CAPTURE, shown.registered, dpi=view.dpi, replace_all=True)
        v.dpi = view.dpi
        v.set_capture_geometry(view.capture_to_content, exam.capture.dpi)
        if view.specimen is not None:
            v.set_images(Origin.SPECIMEN, shown.specimen)
            cw, ch = v.content_size
            v.zones = zone_overlays(view.specimen, content_w=cw, content_h=ch,
                                    checks=exam.checks)
        if self.chip_face is not None:
            cw, ch = v.content_size
            v.set_images(Origin.CHIP, {Light.WHITE: chip_over_portrait(
                self.chip_face, (cw, ch), portrait_rect(view, cw, ch))})
        v.outlines = code_outlines(exam, "front", _as_h(view.capture_to_content))

    def _apply_back(self, v: ViewerState) -> None:
        back = self.back_images()
        if back is None:
            return
        v.set_images(Origin.BACK, back.images, dpi=back.dpi, replace_all=True)
        v.dpi = back.dpi
        v.set_capture_geometry(back.capture_to_content, back.capture_dpi)
        v.a = SourceKey(Origin.BACK, Light.WHITE) if v.has(SourceKey(Origin.BACK, Light.WHITE)) \
            else v.a
        if v.mode not in (Mode.CAPTURE, Mode.FALSE_COLOUR, Mode.SIDE_BY_SIDE):
            v.mode = Mode.CAPTURE  # a back has no specimen image to blend with
        shown = self.shown
        if shown is not None and shown.back is back:
            spec = shown.view.specimen
            if spec is not None and back.size_mm is not None:
                cw, ch = v.content_size
                v.zones = zone_overlays(spec, content_w=cw, content_h=ch,
                                        checks=shown.examination.checks, face="back")
            v.outlines = code_outlines(shown.examination, "back", back.capture_to_content)


def _as_h(value: Any) -> Homography | None:
    return None if value is None else np.asarray(value, dtype=np.float64)


def portrait_rect(view: ExaminationView, content_w: int, content_h: int
                  ) -> tuple[float, float, float, float]:
    """The printed portrait's rectangle in content px ``(x, y, w, h)``: the specimen's
    portrait zone, or the left third of the page where most documents print it."""
    spec = view.specimen
    if spec is not None:
        zones = spec.zones_with_role("portrait")
        if zones:
            sx, sy = content_w / spec.size_mm[0], content_h / spec.size_mm[1]
            x, y, w, h = zones[0].rect_mm
            return x * sx, y * sy, w * sx, h * sy
    return 0.04 * content_w, 0.2 * content_h, 0.28 * content_w, 0.6 * content_h


def chip_over_portrait(face: Image, size: tuple[int, int],
                       rect: tuple[float, float, float, float]) -> Image:
    """An image of ``size`` (width, height) with ``face`` fitted into ``rect`` (content px,
    aspect kept, centred) on a neutral grey: the chip's photograph where the printed
    portrait is, so a synchronised side-by-side view shows both at one scale."""
    w, h = size
    out = np.full((h, w, 3), CHIP_SURROUND, np.uint8)
    rgb = face if face.ndim == 3 else np.repeat(face[:, :, None], 3, axis=2)
    fh, fw = rgb.shape[:2]
    x, y, rw, rh = rect
    scale = min(rw / fw, rh / fh)
    tw, th = max(1, round(fw * scale)), max(1, round(fh * scale))
    left, top = round(x + (rw - tw) / 2), round(y + (rh - th) / 2)
    resized = cv2.resize(np.ascontiguousarray(rgb), (tw, th),
                         interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    r0, c0 = max(0, top), max(0, left)
    r1, c1 = min(h, top + th), min(w, left + tw)
    if r1 > r0 and c1 > c0:
        out[r0:r1, c0:c1] = resized[r0 - top:r1 - top, c0 - left:c1 - left]
    return out
