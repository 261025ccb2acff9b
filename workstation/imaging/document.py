"""Finding the document on the platen: page detection, deskew, crop.

Pure functions on numpy arrays (row/column order, ``uint8`` RGB ``(H, W, 3)`` or
grey ``(H, W)``). The page is found in the white-light image at a reduced scale
(longest side :data:`DETECT_SIDE_PX`) as the largest region that differs from
the platen (estimated from the image border), dark or light platen alike; its
minimum-area rectangle gives the four corners. The same corners straighten and
crop every light, since all lights share one geometry.

An image already cropped to the document's edges (no platen visible around it)
is recognised and its corners are the image corners.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image

#: Longest side (px) of the reduced image the page is searched in.
DETECT_SIDE_PX = 640
#: A page must cover at least this fraction of the image.
MIN_AREA_FRACTION = 0.08
#: A region covering more than this fraction of the image means "already cropped".
CROPPED_AREA_FRACTION = 0.93
#: Median grey level (0..255) above which a uniform image border is taken for paper
#: (a page cropped to its edges) rather than a platen.
LIGHT_BORDER_LEVEL = 150.0
#: Largest rotation (degrees) the page may have on the platen; beyond that the
#: rectangle's sides are taken the other way round.
MAX_ROTATION_DEG = 45.0

Corners = npt.NDArray[np.float64]
"""``(4, 2)`` float array of ``(x, y)`` pixel positions: top-left, top-right,
bottom-right, bottom-left."""


@dataclass
class DocumentQuad:
    """Where the page lies in the capture.

    Attributes:
        corners: ``(4, 2)`` ``(x, y)`` px in the input image: TL, TR, BR, BL.
        found: whether a page was found (``False``: ``corners`` is undefined).
        cropped: the input is already cropped to the page (corners are the image's).
        angle_deg: rotation of the page on the platen (positive: clockwise).
        contrast: how well the page stands out from the platen (0..1).
        reason: why no page was found (empty when found).
    """

    corners: Corners
    found: bool
    cropped: bool = False
    angle_deg: float = 0.0
    contrast: float = 0.0
    reason: str = ""

    def __bool__(self) -> bool:
        return self.found

    @property
    def size_px(self) -> tuple[float, float]:
        """``(width, height)`` of the page in input pixels (mean of opposite sides)."""
        c = self.corners
        w = (np.linalg.norm(c[1] - c[0]) + np.linalg.norm(c[2] - c[3])) / 2.0
        h = (np.linalg.norm(c[3] - c[0]) + np.linalg.norm(c[2] - c[1])) / 2.0
        return float(w), float(h)


@dataclass
class NormalizedCapture:
    """The page straightened and cropped: one image per light key, plus the mapping.

    ``homography`` maps input (platen) pixels ``(x, y, 1)`` to page pixels.
    ``extra`` may carry anything a caller wants to keep with it.
    """

    images: dict[str, Image]
    homography: npt.NDArray[np.float64]
    quad: DocumentQuad
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def size(self) -> tuple[int, int]:
        """``(height, width)`` of the normalized images in pixels."""
        img = next(iter(self.images.values()))
        return int(img.shape[0]), int(img.shape[1])


def _grey(image: Image) -> Image:
    if image.ndim == 2:
        return image
    return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))


def _not_found(reason: str, shape: tuple[int, int]) -> DocumentQuad:
    h, w = shape
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float64)
    return DocumentQuad(corners=corners, found=False, reason=reason)


def order_corners(points: npt.ArrayLike) -> Corners:
    """Order four ``(x, y)`` points as TL, TR, BR, BL for a page turned by less than 45°."""
    pts = np.asarray(points, dtype=np.float64).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    # Angles around the centre: TL ~ -135°, TR ~ -45°, BR ~ 45°, BL ~ 135° (y down).
    order = np.argsort(angles)
    pts = pts[order]
    # Start with the corner nearest the -135° direction (top-left).
    start = int(np.argmin(np.abs(((angles[order] + 3 * np.pi / 4) + np.pi) % (2 * np.pi) - np.pi)))
    return np.roll(pts, -start, axis=0)


def find_document(image: Image, *, min_area_fraction: float = MIN_AREA_FRACTION) -> DocumentQuad:
    """Find the page in a platen image (white light).

    Args:
        image: ``uint8`` RGB ``(H, W, 3)`` or grey ``(H, W)``.
        min_area_fraction: smallest page area as a fraction of the image.

    Returns:
        A :class:`DocumentQuad`; falsy (with ``reason``) when no page stands out
        from the platen (empty platen, blank image).

    Raises:
        ValueError: not a ``uint8`` image of at least 16 x 16 px.
    """
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or min(image.shape[:2]) < 16:
        raise ValueError("expected a uint8 (H, W[, 3]) image of at least 16 x 16 px")
    h, w = image.shape[:2]
    scale = min(1.0, DETECT_SIDE_PX / max(h, w))
    small: Image = np.asarray(
        cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))),
                   interpolation=cv2.INTER_AREA) if scale < 1.0 else image, dtype=np.uint8)
    small = np.asarray(cv2.GaussianBlur(small, (5, 5), 0), dtype=np.uint8)
    sh, sw = small.shape[:2]
    feat = (cv2.cvtColor(small, cv2.COLOR_RGB2LAB).astype(np.float32) if small.ndim == 3
            else small.astype(np.float32)[:, :, None])
    grey = _grey(small).astype(np.float32)
    if float(grey.std()) < 2.0:
        return _not_found("the image is blank (no structure at all)", (h, w))
    ring = max(2, round(0.02 * min(sh, sw)))
    border = np.concatenate([
        feat[:ring].reshape(-1, feat.shape[2]), feat[-ring:].reshape(-1, feat.shape[2]),
        feat[:, :ring].reshape(-1, feat.shape[2]), feat[:, -ring:].reshape(-1, feat.shape[2]),
    ])
    bg = np.median(border, axis=0)
    bg_spread = float(np.median(np.abs(border - bg).sum(axis=1)))
    diff = np.abs(feat - bg).sum(axis=2)
    # A uniform platen border: threshold the distance from it. A busy border means
    # the page itself reaches the image edges (already cropped).
    limit = max(12.0, 4.0 * bg_spread)
    mask = (diff > limit).astype(np.uint8)
    border_busy = bg_spread > 10.0 or float(
        np.mean(np.concatenate([mask[:ring].ravel(), mask[-ring:].ravel(),
                                mask[:, :ring].ravel(), mask[:, -ring:].ravel()]))
    ) > 0.5
    if border_busy:
        corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float64)
        return DocumentQuad(corners=corners, found=True, cropped=True, contrast=1.0)
    if mask.any():
        # Threshold half-way between the platen and the page, not at the noise floor,
        # so the blurred edge does not widen the page.
        half = 0.5 * float(np.median(diff[mask > 0]))
        if half > limit:
            mask = (diff > half).astype(np.uint8)
    k = max(3, round(0.01 * max(sh, sw)) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    pad = 3 * k
    mask = cv2.copyMakeBorder(mask, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=0)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel, iterations=2)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    mask = np.ascontiguousarray(mask[pad:-pad, pad:-pad])
    # A light, uniform border with print inside but no rectangle standing out from
    # it is a page cropped to its edges (paper all round), not an empty platen.
    paper_border = float(np.median(_grey(small)[:ring])) > LIGHT_BORDER_LEVEL
    full = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float64)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        if paper_border:
            return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
        return _not_found("no document on the platen", (h, w))
    best = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(best)
    if area < min_area_fraction * sh * sw:
        if paper_border:
            return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
        return _not_found("no document on the platen (nothing large enough stands out)", (h, w))
    hull = cv2.convexHull(best)
    if area > CROPPED_AREA_FRACTION * sh * sw:
        corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float64)
        return DocumentQuad(corners=corners, found=True, cropped=True, contrast=1.0)
    rect = cv2.minAreaRect(hull)
    box = cv2.boxPoints(rect).astype(np.float64)
    fill = area / max(1.0, rect[1][0] * rect[1][1])
    if fill < 0.8:
        if paper_border:
            return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
        return _not_found(f"the object on the platen is not a rectangular page "
                          f"(fills {fill:.0%} of its rectangle)", (h, w))
    box = _refine_corners(mask, box)
    corners = order_corners(box) / scale
    top = corners[1] - corners[0]
    angle = float(np.degrees(np.arctan2(top[1], top[0])))
    inside = diff[mask > 0]
    contrast = float(np.clip((np.median(inside) - limit) / 100.0 + 0.5, 0.0, 1.0)) if inside.size \
        else 0.0
    return DocumentQuad(corners=corners, found=True, cropped=False, angle_deg=angle,
                        contrast=contrast)


def _refine_corners(mask: Image, box: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Fit a line to each side of the page's outline and intersect neighbours.

    More precise than the minimum-area rectangle when the mask's corners are
    rounded by the morphology; falls back to ``box`` when a fit fails.
    """
    edges = cv2.Canny(mask * 255, 50, 150)
    ys, xs = np.nonzero(edges)
    if xs.size < 40:
        return box
    pts = np.stack([xs, ys], axis=1).astype(np.float64)
    ordered = order_corners(box)
    lines = []
    for i in range(4):
        a, b = ordered[i], ordered[(i + 1) % 4]
        d = b - a
        length = float(np.linalg.norm(d))
        if length < 4:
            return box
        u = d / length
        n = np.array([-u[1], u[0]])
        rel = pts - a
        along = rel @ u
        across = rel @ n
        sel = (np.abs(across) < 3.0) & (along > 0.12 * length) & (along < 0.88 * length)
        if sel.sum() < 10:
            return box
        vx, vy, x0, y0 = cv2.fitLine(pts[sel].astype(np.float32), cv2.DIST_HUBER, 0, 0.01,
                                     0.01).ravel()
        lines.append((np.array([x0, y0], dtype=np.float64), np.array([vx, vy], dtype=np.float64)))
    out = []
    for i in range(4):
        p1, d1 = lines[(i - 1) % 4]
        p2, d2 = lines[i]
        mat = np.array([d1, -d2]).T
        if abs(np.linalg.det(mat)) < 1e-6:
            return box
        t = np.linalg.solve(mat, p2 - p1)
        out.append(p1 + t[0] * d1)
    refined = np.array(out)
    if np.max(np.linalg.norm(refined - ordered, axis=1)) > 0.05 * max(mask.shape):
        return box
    return refined


def page_homography(quad: DocumentQuad, out_size: tuple[int, int]) -> npt.NDArray[np.float64]:
    """The homography taking input pixels to a page image of ``out_size`` ``(height, width)``."""
    oh, ow = out_size
    dst = np.array([[0, 0], [ow, 0], [ow, oh], [0, oh]], dtype=np.float64)
    mat = cv2.getPerspectiveTransform(quad.corners.astype(np.float32), dst.astype(np.float32))
    return np.asarray(mat, dtype=np.float64)


def warp(image: Image, homography: npt.ArrayLike, out_size: tuple[int, int], *,
         fill: int = 0) -> Image:
    """Warp ``image`` by ``homography`` (input px -> output px) into ``out_size`` ``(h, w)``."""
    if image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise ValueError("expected a uint8 (H, W[, 3]) image")
    oh, ow = out_size
    if oh < 1 or ow < 1:
        raise ValueError(f"output size must be positive, got {out_size}")
    mat = np.asarray(homography, dtype=np.float64)
    out = cv2.warpPerspective(image, mat, (ow, oh), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT,
                              borderValue=(fill, fill, fill) if image.ndim == 3 else fill)
    return np.ascontiguousarray(out, dtype=np.uint8)


def normalize(images: dict[str, Image], quad: DocumentQuad, *,
              out_size: tuple[int, int] | None = None) -> NormalizedCapture:
    """Straighten and crop the page in every image (all of one size).

    Args:
        images: key (e.g. the light's name) -> image, all the same size.
        quad: the page, from :func:`find_document`.
        out_size: ``(height, width)`` of the page images; default the page's own
            size in input pixels.

    Raises:
        ValueError: no page in ``quad``, no images, or images of different sizes.
    """
    if not quad:
        raise ValueError(f"no page to normalize: {quad.reason}")
    if not images:
        raise ValueError("no images to normalize")
    if len({img.shape[:2] for img in images.values()}) != 1:
        raise ValueError("images of different sizes")
    if out_size is None:
        w, h = quad.size_px
        out_size = (max(1, round(h)), max(1, round(w)))
    mat = page_homography(quad, out_size)
    if quad.cropped and next(iter(images.values())).shape[:2] == out_size:
        warped = dict(images)
    else:
        warped = {k: warp(img, mat, out_size) for k, img in images.items()}
    return NormalizedCapture(images=warped, homography=mat, quad=quad)
