"""The barcodes of a document capture: every face read, each symbol placed on the
document (millimetres from the face's top-left corner), found or missing where a
specimen's zones say a barcode is.

A face's page is found on the platen (:func:`workstation.imaging.document.find_document`;
an image already cropped to the page is its own page). The page may lie turned by a
quarter or half turn (a card put down upside down, or on its long side): of the four
ways the page's corners can map onto the document, those whose shape fits the
document's are tried, and the one that puts the most decoded symbols into the
specimen's barcode zones is kept.

:func:`read_document` decodes each face under white light and, when symbols the
specimen expects are still missing, under IR (barcodes are printed in carbon ink:
background print drops out in IR).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.barcodes.read import BarcodeReading, read_barcodes
from workstation.barcodes.trust import TrustMaterial
from workstation.imaging.document import DocumentQuad, find_document
from workstation.types import CaptureSet, Image, Light, Zone

Homography = npt.NDArray[np.float64]
#: Decoded symbols found within this distance (mm) of a zone count as in it.
ZONE_SLACK_MM = 2.0
#: Standard deviation of grey levels (0..255) above which a zone holds print.
PRINT_STD_MIN = 18.0


@dataclass(frozen=True)
class FaceBarcodes:
    """The barcodes of one face.

    Attributes:
        face: ``front`` or ``back``.
        readings: every symbol decoded, interpreted.
        light: the light whose image was decoded (white; IR when white missed some).
        to_mm: ``3 x 3`` homography from capture px to mm on the document face (the
            orientation that best fits the specimen's zones), or ``None`` when the
            page could not be placed.
        size_mm: the document face's size the mapping assumes.
        quarter_turns: how the page lay (0..3 quarter turns from upright).
        passes: decoding passes run.
    """

    face: str
    readings: tuple[BarcodeReading, ...]
    light: Light
    to_mm: Homography | None = None
    size_mm: tuple[float, float] | None = None
    quarter_turns: int = 0
    passes: tuple[str, ...] = ()
    image: Image | None = field(default=None, repr=False, compare=False)

    def centre_mm(self, reading: BarcodeReading) -> tuple[float, float] | None:
        """Where ``reading``'s symbol lies on the document (mm), or ``None``."""
        if self.to_mm is None:
            return None
        return _apply(self.to_mm, [reading.code.centre])[0]

    def in_zone(self, zone: Zone) -> list[BarcodeReading]:
        """The readings whose symbol's centre lies in ``zone`` (with a little slack)."""
        out = []
        for r in self.readings:
            c = self.centre_mm(r)
            if c is not None and _inside(c, zone.rect_mm, ZONE_SLACK_MM):
                out.append(r)
        return out

    def zone_crop(self, zone: Zone, *, px_per_mm: float = 8.0) -> Image | None:
        """``zone`` cut from the decoded image, straightened, at ``px_per_mm``."""
        if self.to_mm is None or self.image is None:
            return None
        x, y, w, h = zone.rect_mm
        scale = np.diag([px_per_mm, px_per_mm, 1.0]) @ np.array(
            [[1, 0, -x], [0, 1, -y], [0, 0, 1]], dtype=np.float64)
        size = (max(4, round(w * px_per_mm)), max(4, round(h * px_per_mm)))
        out = cv2.warpPerspective(self.image, scale @ self.to_mm, size,
                                  flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)
        return np.ascontiguousarray(out, dtype=np.uint8)

    def to_json(self) -> dict[str, Any]:
        """``{"face", "light", "quarter_turns", "codes"}``: each code as ``workstation
        barcode --json`` writes it, with ``centre_mm`` on the document when placed."""
        codes = []
        for r in self.readings:
            element = r.to_json()
            c = self.centre_mm(r)
            element["centre_mm"] = None if c is None else [round(c[0], 2), round(c[1], 2)]
            codes.append(element)
        return {"face": self.face, "light": self.light.value,
                "quarter_turns": self.quarter_turns if self.to_mm is not None else None,
                "codes": codes}

    def zone_has_print(self, zone: Zone) -> bool | None:
        """Whether the zone shows print (a symbol, damaged or not) rather than bare
        substrate; ``None`` when the zone cannot be placed."""
        crop = self.zone_crop(zone)
        if crop is None:
            return None
        grey = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
        return float(np.std(grey)) >= PRINT_STD_MIN


def _apply(h: Homography, points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 1, 2)
    out = cv2.perspectiveTransform(pts, h).reshape(-1, 2)
    return [(float(x), float(y)) for x, y in out]


def _inside(p: tuple[float, float], rect: tuple[float, float, float, float],
            slack: float) -> bool:
    x, y, w, h = rect
    return x - slack <= p[0] <= x + w + slack and y - slack <= p[1] <= y + h + slack


def _orientations(corners: npt.NDArray[np.float64], size_mm: tuple[float, float]
                  ) -> list[tuple[int, Homography]]:
    """Capture px -> mm for each way the page's corners can map onto the document face
    (quarter turns whose shape fits it)."""
    wm, hm = size_mm
    target = np.array([[0, 0], [wm, 0], [wm, hm], [0, hm]], dtype=np.float32)
    side_a = np.linalg.norm(corners[1] - corners[0])
    side_b = np.linalg.norm(corners[3] - corners[0])
    landscape_page = side_a >= side_b
    landscape_doc = wm >= hm
    out = []
    for turns in range(4):
        # turns 0/2 keep the page's long side along the document's long side
        if (turns % 2 == 0) != (landscape_page == landscape_doc) and abs(wm - hm) > 1.0:
            continue
        src = np.roll(corners, -turns, axis=0).astype(np.float32)
        out.append((turns, np.asarray(cv2.getPerspectiveTransform(src, target), np.float64)))
    return out


def _read_page(image: Image, page: tuple[Homography, tuple[int, int]] | None, *,
               trust: TrustMaterial | None, thorough: bool,
               enough: int | None) -> list[BarcodeReading]:
    """Decode the straightened page (faster and surer than the platen: no turn, no
    platen), with the symbols' corners mapped back to capture px."""
    if page is None:
        return read_barcodes(image, trust=trust, thorough=thorough, enough=enough)
    from workstation.imaging.document import warp

    h_page, size = page
    flat = warp(image, h_page, size)
    readings = read_barcodes(flat, trust=trust, thorough=thorough, enough=enough)
    back = np.asarray(np.linalg.inv(h_page), dtype=np.float64)
    out = []
    for r in readings:
        corners = _apply(back, r.code.corners)
        code = dataclasses.replace(r.code, corners=(corners[0], corners[1], corners[2],
                                                    corners[3]))
        out.append(dataclasses.replace(r, code=code))
    return out


def read_face(face_name: str, capture: CaptureSet, *, size_mm: tuple[float, float] | None,
              zones: Sequence[Zone] = (), trust: TrustMaterial | None = None,
              quad: DocumentQuad | None = None) -> FaceBarcodes:
    """Decode one face and place its symbols on the document (see the module docstring).

    ``zones`` are the specimen's barcode zones on this face; they decide the page's
    orientation and how many symbols to look for (reading stops once each has one).
    ``quad`` is the page already found on this face (found here otherwise).
    """
    from workstation.imaging.document import page_homography

    white = capture.images[Light.WHITE]
    h, w = white.shape[:2]
    if quad is None:
        quad = find_document(white)
    corners = (np.asarray(quad.corners, dtype=np.float64) if quad
               else np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float64))
    page: tuple[Homography, tuple[int, int]] | None = None
    if quad and not quad.cropped:
        pw, ph = quad.size_px
        size = (max(8, round(ph)), max(8, round(pw)))
        page = (page_homography(quad, size), size)
    want = len(zones) or None
    readings = _read_page(white, page, trust=trust, thorough=want is not None, enough=want)
    if want is None and readings:
        # none expected, some found: read thoroughly for all of them
        readings = _read_page(white, page, trust=trust, thorough=True, enough=None)
    if want is not None and len(readings) < want and page is not None:
        # the page may have been found wrongly: the whole image
        more = read_barcodes(white, trust=trust, enough=want)
        if len(more) > len(readings):
            readings = more
    light, image = Light.WHITE, white
    if want is not None and len(readings) < want:
        ir = capture.images.get(Light.IR)
        if ir is not None:
            more = _read_page(ir, page, trust=trust, thorough=True, enough=want)
            if len(more) > len(readings):
                readings, light, image = more, Light.IR, ir
    if size_mm is None or (not readings and want is None):
        return FaceBarcodes(face_name, tuple(readings), light, None, size_mm, image=image)
    best: tuple[int, int, Homography] | None = None
    for turns, hmm in _orientations(corners, size_mm):
        face = FaceBarcodes(face_name, tuple(readings), light, hmm, size_mm, turns,
                            image=image)
        score = sum(len(face.in_zone(z)) for z in zones)
        if best is None or score > best[0]:
            best = (score, turns, hmm)
    if best is None:
        return FaceBarcodes(face_name, tuple(readings), light, None, size_mm, image=image)
    return FaceBarcodes(face_name, tuple(readings), light, best[2], size_mm, best[1],
                        image=image)


@dataclass(frozen=True)
class DocumentBarcodes:
    """The barcodes of every captured face (``front`` first)."""

    faces: tuple[FaceBarcodes, ...]

    def face(self, name: str) -> FaceBarcodes | None:
        """The face called ``name`` (``None`` when it was not captured)."""
        return next((f for f in self.faces if f.face == name), None)

    @property
    def readings(self) -> list[tuple[FaceBarcodes, BarcodeReading]]:
        """Every reading with its face."""
        return [(f, r) for f in self.faces for r in f.readings]

    def to_json(self) -> list[dict[str, Any]]:
        """One object per face (see :meth:`FaceBarcodes.to_json`)."""
        return [f.to_json() for f in self.faces]


def read_document(capture: CaptureSet, *, size_mm: tuple[float, float] | None = None,
                  zones: Sequence[Zone] = (), trust: TrustMaterial | None = None,
                  front_quad: DocumentQuad | None = None) -> DocumentBarcodes:
    """The barcodes of ``capture``'s faces; ``zones`` are the specimen's barcode zones
    (each on its ``face``), ``size_mm`` the document's size, ``front_quad`` the front's
    page when already found."""
    if trust is None:
        from workstation.barcodes.trust import load_trust

        trust = load_trust()
    faces = []
    for name, face in capture.faces():
        faces.append(read_face(name, face, size_mm=size_mm,
                               zones=[z for z in zones if z.face == name], trust=trust,
                               quad=front_quad if name == "front" else None))
    return DocumentBarcodes(tuple(faces))


def expected_zones(zones: Sequence[Zone]) -> Mapping[str, list[Zone]]:
    """The zones expecting a barcode, by face."""
    from workstation.types import Expect

    out: dict[str, list[Zone]] = {}
    for z in zones:
        if any(c.expect is Expect.BARCODE for c in z.checks):
            out.setdefault(z.face, []).append(z)
    return out
