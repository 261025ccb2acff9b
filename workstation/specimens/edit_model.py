"""The model the capture edits share: where the page lies, where its features are,
what an edit changed, and moving pixels between the capture and the straightened page.

See :mod:`workstation.specimens.edits` for the edits themselves.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import CaptureSet, Expect, Image, Light, RectMM, Specimen, Zone

Float = npt.NDArray[np.float32]


class EditError(ValueError):
    """The edit cannot be made on this capture (e.g. the layout has no portrait)."""


@dataclass(frozen=True)
class PageGeometry:
    """Where the page lies in a capture.

    Attributes:
        corners: ``(4, 2)`` ``(x, y)`` px of the page's corners in the capture:
            top-left, top-right, bottom-right, bottom-left.
        size_mm: the page's ``(width, height)`` in mm.
    """

    corners: npt.NDArray[np.float64]
    size_mm: tuple[float, float]

    @classmethod
    def whole_image(cls, image: Image, size_mm: tuple[float, float]) -> PageGeometry:
        """A page filling ``image`` (a specimen image, or a capture cropped to the page)."""
        h, w = image.shape[:2]
        return cls(np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float64), size_mm)

    def px_per_mm(self) -> float:
        """The capture's density at the page (mean over the page's sides)."""
        c = self.corners
        w = (np.linalg.norm(c[1] - c[0]) + np.linalg.norm(c[2] - c[3])) / 2
        h = (np.linalg.norm(c[3] - c[0]) + np.linalg.norm(c[2] - c[1])) / 2
        return float((w / self.size_mm[0] + h / self.size_mm[1]) / 2)

    def page_size_px(self) -> tuple[int, int]:
        """``(height, width)`` of the straightened page at the capture's density."""
        s = self.px_per_mm()
        return max(8, round(self.size_mm[1] * s)), max(8, round(self.size_mm[0] * s))

    def page_to_capture(self) -> npt.NDArray[np.float64]:
        """Homography: straightened page px -> capture px."""
        h, w = self.page_size_px()
        src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
        return np.asarray(cv2.getPerspectiveTransform(src, self.corners.astype(np.float32)),
                          np.float64)


@dataclass(frozen=True)
class Layout:
    """Where a document's features are (mm), taken from a specimen's zones."""

    size_mm: tuple[float, float]
    mrz_format: str | None = None
    portrait: RectMM | None = None
    mrz: RectMM | None = None
    fields: dict[str, RectMM] = field(default_factory=dict)
    luminescent: tuple[Zone, ...] = ()
    ir_invisible: tuple[Zone, ...] = ()
    white_match: tuple[Zone, ...] = ()

    @classmethod
    def from_specimen(cls, spec: Specimen) -> Layout:
        """The layout described by ``spec``'s zones and roles."""
        def expecting(light: Light, expect: Expect) -> tuple[Zone, ...]:
            return tuple(z for z in spec.zones
                         if any(c.light == light and c.expect == expect for c in z.checks))

        portrait = next((z.rect_mm for z in spec.zones if z.role == "portrait"), None)
        mrz = next((z.rect_mm for z in spec.zones if z.role == "mrz"), None)
        fields = {z.role.split(":", 1)[1]: z.rect_mm for z in spec.zones
                  if z.role and z.role.startswith("field:")}
        return cls(size_mm=spec.size_mm, mrz_format=spec.mrz_format, portrait=portrait, mrz=mrz,
                   fields=fields, luminescent=expecting(Light.UV, Expect.LUMINESCENT),
                   ir_invisible=expecting(Light.IR, Expect.INVISIBLE),
                   white_match=expecting(Light.WHITE, Expect.MATCH))


@dataclass(frozen=True)
class EditTruth:
    """What an edit changed.

    Attributes:
        kind: one of :data:`KINDS`.
        description: in plain words.
        rect_mm: where on the page (``None``: the whole page).
        lights: the lights whose images changed.
        expected_checks: the checks meant to catch it.
        details: kind-specific facts (JSON-ready).
    """

    kind: str
    description: str
    rect_mm: RectMM | None
    lights: tuple[Light, ...]
    expected_checks: tuple[str, ...]
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready fields."""
        return {"kind": self.kind, "description": self.description,
                "rect_mm": None if self.rect_mm is None else [round(v, 2) for v in self.rect_mm],
                "lights": [light.value for light in self.lights],
                "expected_checks": list(self.expected_checks), "details": self.details}


@dataclass
class EditedCapture:
    """A forged capture and its ground truth."""

    capture: CaptureSet
    truth: EditTruth


@dataclass
class Donor:
    """Another capture to take material from (e.g. its portrait), with its geometry."""

    capture: CaptureSet
    geometry: PageGeometry


# -- the page, out and back in -----------------------------------------------------------------
def page_images(capture: CaptureSet, geom: PageGeometry) -> dict[Light, Image]:
    """Every light's page, straightened at the capture's density (outside the
    capture: the nearest captured pixel)."""
    h, w = geom.page_size_px()
    inv = np.linalg.inv(geom.page_to_capture())
    return {light: np.ascontiguousarray(cv2.warpPerspective(
        img, inv, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE))
        for light, img in capture.images.items()}


def paste_back(capture: CaptureSet, geom: PageGeometry, edited: dict[Light, Image],
               mask: Float) -> CaptureSet:
    """``capture`` with the page pixels where ``mask`` (page px, 0..1) is set replaced by
    ``edited``'s; every other pixel stays exactly as captured."""
    to_cap = geom.page_to_capture()
    ch, cw = capture.size
    m = cv2.warpPerspective(mask.astype(np.float32), to_cap, (cw, ch), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    rows, cols = np.nonzero(m > 1e-3)
    images = dict(capture.images)
    if rows.size == 0:
        return dataclasses.replace(capture, images=images)
    r0, r1, c0, c1 = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    shift = np.array([[1, 0, -c0], [0, 1, -r0], [0, 0, 1]], np.float64)
    mw = m[r0:r1, c0:c1]
    for light, page in edited.items():
        if light not in images:
            continue
        patch = cv2.warpPerspective(page, shift @ to_cap, (c1 - c0, r1 - r0),
                                    flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        orig = images[light]
        region = orig[r0:r1, c0:c1].astype(np.float32)
        wgt = mw[:, :, None] if region.ndim == 3 else mw
        blended = region * (1.0 - wgt) + patch.astype(np.float32) * wgt
        out = orig.copy()
        out[r0:r1, c0:c1] = np.clip(np.rint(blended), 0, 255).astype(np.uint8)
        images[light] = out
    return dataclasses.replace(capture, images=images, metadata=dict(capture.metadata))


def rect_px(rect_mm: RectMM, px_per_mm: float, shape: tuple[int, int]) -> tuple[int, int, int, int]:
    """``(r0, r1, c0, c1)`` of ``rect_mm`` in page px, clipped to ``shape``."""
    x, y, w, h = rect_mm
    r0, r1 = max(0, round(y * px_per_mm)), min(shape[0], round((y + h) * px_per_mm))
    c0, c1 = max(0, round(x * px_per_mm)), min(shape[1], round((x + w) * px_per_mm))
    if r1 - r0 < 2 or c1 - c0 < 2:
        raise EditError(f"the area {list(rect_mm)} mm lies outside the page")
    return r0, r1, c0, c1
