"""Synthetic barcode images for tests and benchmarks: a symbol written by zxing-cpp,
placed on a page with a turn, a scale, defocus, sensor noise and JPEG compression.

:func:`symbol` draws one symbol at a module size; :func:`photograph` puts it on a
grey, textured background the way a capture shows it and returns the image with the
symbol's true corners, so a reader's result can be checked against ground truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from workstation.types import Image

#: Formats :func:`symbol` writes, by the names :class:`~workstation.barcodes.decode.DecodedCode`
#: reports.
WRITABLE = {"PDF417": zxingcpp.BarcodeFormat.PDF417, "QRCode": zxingcpp.BarcodeFormat.QRCode,
            "DataMatrix": zxingcpp.BarcodeFormat.DataMatrix,
            "Aztec": zxingcpp.BarcodeFormat.Aztec}


def symbol(content: bytes, fmt: str, *, module_px: int = 3, quiet_zone: bool = True) -> Image:
    """The symbol of ``content`` in format ``fmt`` (a key of :data:`WRITABLE`), black on
    white, ``module_px`` pixels per module (narrowest bar), ``(H, W)`` grey.

    Raises:
        ValueError: unknown format, or content the format cannot hold.
    """
    if fmt not in WRITABLE:
        raise ValueError(f"cannot write {fmt!r} (can: {', '.join(WRITABLE)})")
    try:
        code = zxingcpp.create_barcode(content, WRITABLE[fmt])
        img = np.asarray(code.to_image(scale=max(1, int(module_px)),
                                       add_quiet_zones=quiet_zone), dtype=np.uint8)
    except Exception as exc:  # zxing-cpp raises its own types for impossible content
        raise ValueError(f"cannot encode {len(content)} bytes as {fmt}: {exc}") from None
    return np.ascontiguousarray(img)


@dataclass(frozen=True)
class Photo:
    """A synthetic capture of one symbol: the image and where the symbol lies in it
    (its corners TL, TR, BR, BL in image px)."""

    image: Image
    corners: tuple[tuple[float, float], ...]


def photograph(sym: Image, *, angle_deg: float = 0.0, scale: float = 1.0,
               blur_sigma: float = 0.0, noise_sigma: float = 2.0,
               jpeg_quality: int | None = None, margin_px: int = 40,
               contrast: float = 0.8, seed: int = 0) -> Photo:
    """``sym`` (black on white, with its quiet zone) turned by ``angle_deg``
    (counter-clockwise), scaled by ``scale``, on a light textured page, printed with
    ``contrast`` (ink darkness 0..1), then defocused (Gaussian ``blur_sigma`` px), with
    sensor noise (``noise_sigma`` levels) and optional JPEG compression. ``(H, W)`` grey."""
    rng = np.random.default_rng(seed)
    h, w = sym.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle_deg, scale)
    corners_src = np.array([[0, 0, 1], [w, 0, 1], [w, h, 1], [0, h, 1]], np.float64)
    placed = corners_src @ matrix.T
    x0, y0 = placed.min(axis=0)
    x1, y1 = placed.max(axis=0)
    matrix[0, 2] += margin_px - x0
    matrix[1, 2] += margin_px - y0
    out_w = int(np.ceil(x1 - x0)) + 2 * margin_px
    out_h = int(np.ceil(y1 - y0)) + 2 * margin_px
    ink = cv2.warpAffine(255 - sym, matrix, (out_w, out_h), flags=cv2.INTER_AREA
                         if scale < 1 else cv2.INTER_LINEAR, borderValue=0).astype(np.float32)
    grain = (225.0 + rng.normal(0.0, 4.0, (out_h // 8 + 1, out_w // 8 + 1))).astype(np.float32)
    paper = np.asarray(cv2.resize(grain, (out_w, out_h), interpolation=cv2.INTER_CUBIC),
                       dtype=np.float32)
    page = paper * (1.0 - contrast * ink / 255.0)
    if blur_sigma > 0:
        page = np.asarray(cv2.GaussianBlur(page, (0, 0), blur_sigma), dtype=np.float32)
    if noise_sigma > 0:
        page = page + np.asarray(rng.normal(0.0, noise_sigma, page.shape), dtype=np.float32)
    image = np.clip(page, 0, 255).astype(np.uint8)
    if jpeg_quality is not None:
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, int(jpeg_quality)])
        if not ok:
            raise ValueError("JPEG encoding failed")
        image = np.asarray(cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE), dtype=np.uint8)
    corners = tuple((float(x), float(y)) for x, y in corners_src @ matrix.T)
    return Photo(image=np.ascontiguousarray(image), corners=corners)


def paste_symbol(image: Image, corners: Sequence[tuple[float, float]], content: bytes,
                 fmt: str, *, cover_px: float = 6.0, blur_sigma: float = 0.6) -> Image:
    """``image`` with a new symbol of ``content`` printed over the one whose bars lie at
    ``corners`` (TL, TR, BR, BL as a reader reports them, image px): the way a forger
    pastes a reprinted barcode over the genuine one. The old symbol and ``cover_px``
    around it are covered with the surrounding paper's colour, the new symbol is drawn
    in the old one's ink colour, turned and scaled into the same quadrilateral, and
    softened like the capture (``blur_sigma`` px). Returns a new image (same shape and
    type)."""
    sym = symbol(content, fmt, module_px=8, quiet_zone=False)
    quad = np.asarray(corners, dtype=np.float32)
    centre = quad.mean(axis=0)
    grown = centre + (quad - centre) * (1.0 + 2.0 * cover_px / max(
        1.0, float(np.linalg.norm(quad[1] - quad[0]))))
    h, w = image.shape[:2]
    cover = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(cover, np.round(grown).astype(np.int32), 255, cv2.LINE_AA)
    region = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(region, np.round(quad).astype(np.int32), 255)
    work = image.astype(np.float32)
    pixels = work[region > 0].reshape(-1, 1 if image.ndim == 2 else 3)
    if pixels.size == 0:
        raise ValueError("the corners enclose no pixels")
    lum = pixels.mean(axis=1)
    ink = pixels[lum <= np.percentile(lum, 15)].mean(axis=0)
    ring = cv2.dilate(cover, np.ones((9, 9), np.uint8)) > cover
    around = work[ring].reshape(-1, pixels.shape[1])
    paper = np.median(around, axis=0) if around.size else pixels[lum >= np.percentile(
        lum, 85)].mean(axis=0)
    sh, sw = sym.shape
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(src, quad)
    coverage = cv2.warpPerspective((255 - sym).astype(np.float32) / 255.0, m, (w, h),
                                   flags=cv2.INTER_AREA, borderValue=0)
    if blur_sigma > 0:
        coverage = cv2.GaussianBlur(coverage, (0, 0), blur_sigma)
    alpha = cv2.GaussianBlur(cover.astype(np.float32) / 255.0, (0, 0), 1.0)
    if image.ndim == 3:
        coverage, alpha = coverage[..., None], alpha[..., None]
    printed = paper * (1.0 - coverage) + ink * coverage
    out = work * (1.0 - alpha) + printed * alpha
    return np.ascontiguousarray(np.clip(out, 0, 255).astype(np.uint8))
