"""Find and decode the 2-D barcodes of identity documents in an image (zxing-cpp).

:func:`decode_image` reads PDF417, QR, Aztec and DataMatrix symbols (and their
micro/compact variants) anywhere in an image, in any orientation, dark on light
or light on dark, and returns the **raw bytes** each symbol carries (never the
escaped human-readable text) with the symbol's corners in image pixels.

One reading of the image with zxing-cpp's defaults (local-average binariser,
rotations of 90 degrees, downscaled copies, inverted copies) finds most symbols. A
capture is not a clean print, so further readings follow on prepared copies of the
image, each mapped back to the original pixel grid, and every symbol found on any of
them is kept once (same format and bytes at the same place):

=======================  ===================================================================
pass                     what it helps
=======================  ===================================================================
``plain``                the image as given (grey)
``deskewed``             symbols turned by more than a few degrees (zxing-cpp's PDF417
                         reader needs rows within about 3 degrees of an axis): the image
                         turned by its dominant edge direction
``upscaled``             small symbols (modules under ~2 px): the image enlarged 2x, cubic
``smoothed``             JPEG blocks and sensor noise: Gaussian sigma 1 px
``sharpened``            defocus: unsharp mask (sigma 2 px, amount 1.5)
``upscaled-sharpened``   small and defocused: enlarged 2x, then unsharp mask (sigma 3 px)
``deskewed-upscaled``    small and turned
``global-threshold``     uneven light across a small symbol: zxing's global histogram
                         binariser
``contrast``             faint print: CLAHE (8 x 8 tiles) then the default binariser
=======================  ===================================================================

With ``thorough=False`` only the plain reading runs. Structured-append symbols
(PDF417 macro) are reported one by one with their file id; zxing-cpp's Python
binding exposes no segment index, so they are not joined here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp

from workstation.types import Image

Point = tuple[float, float]

#: The symbologies found on identity documents, visas and residence permits. (Micro QR
#: is left out: documents do not use it, and a corner of a blurred QR code can read as
#: one.)
DOCUMENT_FORMATS: tuple[zxingcpp.BarcodeFormat, ...] = (
    zxingcpp.BarcodeFormat.PDF417, zxingcpp.BarcodeFormat.CompactPDF417,
    zxingcpp.BarcodeFormat.MicroPDF417, zxingcpp.BarcodeFormat.QRCode,
    zxingcpp.BarcodeFormat.Aztec, zxingcpp.BarcodeFormat.DataMatrix,
)

#: Largest image side (px) read as it is; larger images are read at this size
#: first (zxing-cpp also reads downscaled copies itself).
MAX_SIDE_PX = 6000

#: Two readings of one symbol are the same when their centres lie closer than this
#: fraction of the symbol's size.
SAME_PLACE_FRACTION = 0.35
#: Two readings of one format with different contents whose quadrilaterals overlap by
#: more than this fraction (of the smaller) are one symbol read twice.
CONFLICT_OVERLAP = 0.3
#: A symbol lying (by this fraction of its area) inside another of more than
#: 1 / :data:`NESTED_AREA` times its size is a part of that one misread.
NESTED_OVERLAP = 0.8
NESTED_AREA = 0.5

# zxing-cpp's reader is thread-safe, but one image is read at a time per process so that
# the two cores of an examination machine stay free for the rest of the examination.
_READ_LOCK = threading.Lock()


@dataclass(frozen=True)
class DecodedCode:
    """One symbol read from an image.

    Attributes:
        format: zxing-cpp's name of the symbology (``PDF417``, ``QRCode``,
            ``DataMatrix``, ``Aztec``, ``MicroQRCode``, ...).
        raw: the bytes the symbol carries (after error correction; for a PDF417 or
            QR code in byte mode exactly what the issuer encoded).
        text: the content as text (zxing-cpp's plain text: bytes transcoded by the
            symbol's ECI or its default character set; control characters kept).
        corners: the symbol's corners ``(x, y)`` in pixels of the image given, in
            the symbol's own order: top-left, top-right, bottom-right, bottom-left.
        orientation_deg: the symbol's rotation in the image (degrees, clockwise).
        content_type: ``Text``, ``Binary``, ``Mixed``, ``GS1``, ``ISO15434`` or
            ``UnknownECI`` (zxing-cpp's guess).
        symbology_identifier: the AIM identifier (``]L2`` for PDF417...).
        ec_level: the error-correction level as the symbol states it.
        structured_append_id: file id when the symbol is one segment of a
            structured-append set (PDF417 macro), else ``""``.
        found_by: the pass that found it (see the module docstring).
    """

    format: str
    raw: bytes
    text: str
    corners: tuple[Point, Point, Point, Point]
    orientation_deg: int = 0
    content_type: str = "Text"
    symbology_identifier: str = ""
    ec_level: str = ""
    structured_append_id: str = ""
    found_by: str = "plain"

    @property
    def centre(self) -> Point:
        """Mean of the four corners (px)."""
        xs, ys = zip(*self.corners, strict=True)
        return float(np.mean(xs)), float(np.mean(ys))

    @property
    def size_px(self) -> float:
        """The longer side of the symbol's quadrilateral (px)."""
        pts = np.asarray(self.corners, dtype=np.float64)
        sides = np.linalg.norm(pts - np.roll(pts, -1, axis=0), axis=1)
        return float(sides.max())

    @property
    def area_px(self) -> float:
        """Area of the symbol's quadrilateral (px²)."""
        pts = np.asarray(self.corners, dtype=np.float32)
        return float(abs(cv2.contourArea(pts)))

    def overlap(self, other: DecodedCode) -> float:
        """Intersection of the two quadrilaterals over the smaller one's area (0..1)."""
        a = np.asarray(self.corners, dtype=np.float32)
        b = np.asarray(other.corners, dtype=np.float32)
        if cv2.contourArea(a) * cv2.contourArea(b) == 0:
            return 0.0
        hull_a = cv2.convexHull(a)
        hull_b = cv2.convexHull(b)
        inter, _ = cv2.intersectConvexConvex(hull_a, hull_b)
        return float(inter) / max(1e-6, min(self.area_px, other.area_px))

    def same_symbol(self, other: DecodedCode) -> bool:
        """Whether ``other`` is this symbol read again (same content, same place)."""
        if self.format != other.format or self.raw != other.raw:
            return False
        (x0, y0), (x1, y1) = self.centre, other.centre
        limit = SAME_PLACE_FRACTION * max(self.size_px, other.size_px, 1.0)
        return bool(np.hypot(x0 - x1, y0 - y1) <= limit)


Affine = npt.NDArray[np.float64]
"""A ``2 x 3`` affine map from the image given to the copy a pass reads."""
Prepared = tuple[npt.NDArray[np.uint8], Affine] | None
"""A pass's copy of the image and its map, or ``None`` when the pass does not apply."""


def _scale_map(s: float) -> Affine:
    # pixel centres: (x + 0.5) * s - 0.5
    return np.array([[s, 0.0, 0.5 * s - 0.5], [0.0, s, 0.5 * s - 0.5]], dtype=np.float64)


_IDENTITY: Affine = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=np.float64)


@dataclass(frozen=True)
class _Pass:
    name: str
    prepare: Callable[[npt.NDArray[np.uint8]], Prepared]
    binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage


def _plain(grey: npt.NDArray[np.uint8]) -> Prepared:
    return grey, _IDENTITY


def _upscaled(grey: npt.NDArray[np.uint8]) -> Prepared:
    if max(grey.shape) * 2 > MAX_SIDE_PX:
        return None
    up = cv2.resize(grey, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    return np.ascontiguousarray(up, dtype=np.uint8), _scale_map(2.0)


def _smoothed(grey: npt.NDArray[np.uint8]) -> Prepared:
    return np.ascontiguousarray(cv2.GaussianBlur(grey, (0, 0), 1.0), dtype=np.uint8), _IDENTITY


def _sharpen(grey: npt.NDArray[np.uint8], sigma: float = 2.0) -> npt.NDArray[np.uint8]:
    soft = cv2.GaussianBlur(grey, (0, 0), sigma)
    return np.ascontiguousarray(cv2.addWeighted(grey, 2.5, soft, -1.5, 0), dtype=np.uint8)


def _sharpened(grey: npt.NDArray[np.uint8]) -> Prepared:
    return _sharpen(grey), _IDENTITY


def _upscaled_sharpened(grey: npt.NDArray[np.uint8]) -> Prepared:
    up = _upscaled(grey)
    return None if up is None else (_sharpen(up[0], 3.0), up[1])


def _contrast(grey: npt.NDArray[np.uint8]) -> Prepared:
    clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8))
    return np.ascontiguousarray(clahe.apply(grey), dtype=np.uint8), _IDENTITY


#: Turns smaller than this (degrees, modulo 90) are left to the decoder.
DESKEW_MIN_DEG = 1.5


def dominant_angle(grey: npt.NDArray[np.uint8]) -> float:
    """The turn (degrees, counter-clockwise as OpenCV's ``getRotationMatrix2D`` counts,
    modulo 90, in ``[-45, 45)``) that brings the dominant edges of ``grey`` onto the
    axes: the bars and rows of a symbol, or the page it is printed on."""
    f = 800.0 / max(grey.shape)
    small = cv2.resize(grey, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1.0 \
        else grey
    g = np.asarray(small, dtype=np.float32)
    gx = cv2.Scharr(g, cv2.CV_32F, 1, 0)
    gy = cv2.Scharr(g, cv2.CV_32F, 0, 1)
    mag = gx * gx + gy * gy
    # angles doubled twice: directions 90 degrees apart (bars and row edges) vote together
    theta = np.arctan2(gy, gx) * 4.0
    weight = mag.ravel()
    c = float(np.sum(weight * np.cos(theta).ravel()))
    s = float(np.sum(weight * np.sin(theta).ravel()))
    return float(np.degrees(np.arctan2(s, c)) / 4.0)


def _deskewed(grey: npt.NDArray[np.uint8]) -> Prepared:
    angle = dominant_angle(grey)
    if abs(angle) < DESKEW_MIN_DEG:
        return None
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    out_w, out_h = int(h * sin + w * cos) + 2, int(h * cos + w * sin) + 2
    m[0, 2] += out_w / 2.0 - w / 2.0
    m[1, 2] += out_h / 2.0 - h / 2.0
    border = int(np.median(np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])))
    turned = cv2.warpAffine(grey, m, (out_w, out_h), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=border)
    return np.ascontiguousarray(turned, dtype=np.uint8), np.asarray(m, dtype=np.float64)


def _deskewed_upscaled(grey: npt.NDArray[np.uint8]) -> Prepared:
    turned = _deskewed(grey)
    if turned is None or max(turned[0].shape) * 2 > MAX_SIDE_PX:
        return None
    up = cv2.resize(turned[0], None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    full = np.vstack([turned[1], [0.0, 0.0, 1.0]])
    scale = np.vstack([_scale_map(2.0), [0.0, 0.0, 1.0]])
    return np.ascontiguousarray(up, dtype=np.uint8), (scale @ full)[:2]


PASSES: tuple[_Pass, ...] = (
    _Pass("plain", _plain),
    _Pass("deskewed", _deskewed),
    _Pass("upscaled", _upscaled),
    _Pass("smoothed", _smoothed),
    _Pass("sharpened", _sharpened),
    _Pass("upscaled-sharpened", _upscaled_sharpened),
    _Pass("deskewed-upscaled", _deskewed_upscaled),
    _Pass("global-threshold", _plain, zxingcpp.Binarizer.GlobalHistogram),
    _Pass("contrast", _contrast),
)


def _grey(image: Image) -> npt.NDArray[np.uint8]:
    if image.ndim == 3:
        return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    return np.ascontiguousarray(image, dtype=np.uint8)


def _corners(barcode: zxingcpp.Barcode, back: Affine) -> tuple[Point, Point, Point, Point]:
    """The symbol's corners mapped back to the image given (``back``: pass copy -> given)."""
    pos = barcode.position
    pts = np.array([[p.x, p.y, 1.0] for p in (pos.top_left, pos.top_right,
                                               pos.bottom_right, pos.bottom_left)])
    mapped = pts @ back.T
    out = [(round(float(x), 1), round(float(y), 1)) for x, y in mapped]
    return out[0], out[1], out[2], out[3]


def _to_code(barcode: zxingcpp.Barcode, back: Affine, found_by: str) -> DecodedCode:
    extra = barcode.extra if isinstance(barcode.extra, dict) else {}
    return DecodedCode(
        format=barcode.format.name,
        raw=bytes(barcode.bytes),
        text=str(barcode.text),
        corners=_corners(barcode, back),
        orientation_deg=int(barcode.orientation),
        content_type=barcode.content_type.name,
        symbology_identifier=str(barcode.symbology_identifier),
        ec_level=str(barcode.ec_level),
        structured_append_id=str(extra.get("FileId", "") or ""),
        found_by=found_by,
    )


def _read(grey: npt.NDArray[np.uint8], formats: Sequence[zxingcpp.BarcodeFormat],
          binarizer: zxingcpp.Binarizer) -> list[zxingcpp.Barcode]:
    with _READ_LOCK:
        return list(zxingcpp.read_barcodes(
            grey, formats=zxingcpp.BarcodeFormats(list(formats)), try_rotate=True,
            try_downscale=True, try_invert=True, text_mode=zxingcpp.TextMode.Plain,
            binarizer=binarizer))


@dataclass
class DecodeReport:
    """What :func:`decode_image` did: the codes, the passes it ran, and the conflicting
    readings it set aside (``(kept, dropped)``: one symbol read with two contents)."""

    codes: list[DecodedCode] = field(default_factory=list)
    passes: list[str] = field(default_factory=list)
    conflicts: list[tuple[DecodedCode, DecodedCode]] = field(default_factory=list)

    def add(self, code: DecodedCode) -> None:
        """Keep ``code`` unless it is a symbol already read. Two contents read from one
        place (a partial read that error correction accepted) keep the reading that
        covers the larger area: the other saw only part of the symbol."""
        for i, seen in enumerate(self.codes):
            if code.same_symbol(seen):
                return
            overlap = code.overlap(seen)
            # one place, two contents: of one format (a partial read), or a small symbol
            # inside a larger one (a part of a symbol read as a symbol of its own)
            nested = overlap > NESTED_OVERLAP and (
                min(code.area_px, seen.area_px) < NESTED_AREA * max(code.area_px,
                                                                    seen.area_px))
            if (code.format == seen.format and overlap > CONFLICT_OVERLAP) or nested:
                if code.area_px > seen.area_px:
                    self.codes[i] = code
                    self.conflicts.append((code, seen))
                else:
                    self.conflicts.append((seen, code))
                return
        self.codes.append(code)


def decode_image(image: Image, *, formats: Sequence[zxingcpp.BarcodeFormat] = DOCUMENT_FORMATS,
                 thorough: bool = True, enough: int | None = None) -> list[DecodedCode]:
    """Every barcode of ``formats`` in ``image`` (``uint8``, ``(H, W)`` grey or
    ``(H, W, 3)`` RGB), in reading order (top to bottom, then left to right).

    With ``thorough`` (the default) the passes of the module's table run in turn and
    the symbols found are merged; without it only the plain reading. ``enough``
    stops after the pass that brought the count of symbols to that number (a caller
    that knows how many symbols the document carries saves the remaining passes).

    Raises:
        ValueError: for an empty image or one that is not ``uint8`` 2-D or RGB.
    """
    return decode_report(image, formats=formats, thorough=thorough, enough=enough).codes


def decode_report(image: Image, *, formats: Sequence[zxingcpp.BarcodeFormat] = DOCUMENT_FORMATS,
                  thorough: bool = True, enough: int | None = None) -> DecodeReport:
    """:func:`decode_image` with the list of passes that ran."""
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or image.size == 0:
        raise ValueError("expected a non-empty uint8 (H, W) or (H, W, 3) image")
    if image.ndim == 3 and image.shape[2] != 3:
        raise ValueError(f"expected 3 colour channels, got {image.shape[2]}")
    grey = _grey(image)
    to_grey = _IDENTITY
    if max(grey.shape) > MAX_SIDE_PX:
        f = MAX_SIDE_PX / max(grey.shape)
        grey = np.ascontiguousarray(cv2.resize(grey, None, fx=f, fy=f,
                                               interpolation=cv2.INTER_AREA), dtype=np.uint8)
        to_grey = _scale_map(f)
    report = DecodeReport()
    for step in PASSES if thorough else PASSES[:1]:
        prepared = step.prepare(grey)
        if prepared is None:
            continue
        copy, to_copy = prepared
        whole = np.vstack([to_copy, [0.0, 0.0, 1.0]]) @ np.vstack([to_grey, [0.0, 0.0, 1.0]])
        back = np.linalg.inv(whole)[:2]
        report.passes.append(step.name)
        for barcode in _read(copy, formats, step.binarizer):
            if not barcode.valid:
                continue
            report.add(_to_code(barcode, back, step.name))
        if enough is not None and len(report.codes) >= enough:
            break
    report.codes = reading_order(report.codes)
    return report


def reading_order(codes: list[DecodedCode]) -> list[DecodedCode]:
    """``codes`` in rows (symbols whose vertical extents overlap share a row), top row
    first, each row left to right."""
    def span(c: DecodedCode) -> tuple[float, float]:
        ys = [y for _, y in c.corners]
        return min(ys), max(ys)

    rows: list[list[DecodedCode]] = []
    for code in sorted(codes, key=lambda c: span(c)[0]):
        top, bottom = span(code)
        for row in rows:
            r_top = min(span(c)[0] for c in row)
            r_bottom = max(span(c)[1] for c in row)
            if min(bottom, r_bottom) - max(top, r_top) > 0.3 * min(bottom - top,
                                                                   r_bottom - r_top):
                row.append(code)
                break
        else:
            rows.append([code])
    return [c for row in rows for c in sorted(row, key=lambda c: c.centre[0])]
