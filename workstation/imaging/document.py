"""Finding the document on the platen: page detection, deskew, crop.

Pure functions on numpy arrays (row/column order, ``uint8`` RGB ``(H, W, 3)`` or
grey ``(H, W)``). The page is found in the white-light image at a reduced scale
(longest side :data:`DETECT_SIDE_PX`) as the largest region unlike the platen
(colour, lightness and surface structure against the image border), dark,
light, coloured or textured platen alike; its sides are fitted to that region's
edges (:mod:`workstation.imaging.page_edges`). The same corners straighten and
crop every light, since all lights share one geometry.

An image already cropped to the document's edges (no platen visible around it)
is recognised and its corners are the image corners.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import cv2
import numpy as np
import numpy.typing as npt

from workstation.imaging.page_edges import (
    DOCUMENT_SIZES_MM,
    SIDES,
    border_ring,
    dominant_angle,
    edges_angle,
    extend_to_size,
    features,
    fit_line,
    intersect,
    line_scatter,
    outermost_rise,
    side_angle,
    side_points,
    unlikeness,
)
from workstation.imaging.page_fit import fit_known_size
from workstation.imaging.page_size import complete_corners, fits_size
from workstation.types import Image

#: Longest side (px) of the reduced image the page is searched in.
DETECT_SIDE_PX = 800
#: A pixel belongs to the page when some feature lies this many robust spreads
#: from the platen's (image border's) value.
PAGE_UNLIKENESS = 6.0
#: How far (fraction of the image's longer side) a page's edge may lie beyond its print.
MAX_MARGIN_FRACTION = 0.1
#: How unlike the platen a pixel may count at most when profiles are summed (so the
#: print does not outweigh the paper around it).
Z_CAP = 12.0
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
        outside: the sides (``top``, ``right``, ``bottom``, ``left``) that lie on the
            image border: the page goes on beyond the image there.
        note: how a cut page was completed (empty when it was not).
        edges: how many of the page's sides were found as straight edges (0..4;
            a side cut by the image border does not count).
        light: which image the page was found in (see :func:`find_page`).
    """

    corners: Corners
    found: bool
    cropped: bool = False
    angle_deg: float = 0.0
    contrast: float = 0.0
    reason: str = ""
    outside: tuple[str, ...] = ()
    note: str = ""
    edges: int = 0
    light: str = ""

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


def find_document(image: Image, *, min_area_fraction: float = MIN_AREA_FRACTION,
                  dpi: float | None = None,
                  sizes_mm: Sequence[tuple[float, float]] = DOCUMENT_SIZES_MM) -> DocumentQuad:
    """Find the page in a platen image (white light).

    Every pixel is scored by how unlike the platen it is (colour, lightness and
    surface structure against a robust model of the image border). The page's
    print gives its rotation; turned upright, each side of the page is the
    outermost straight edge around the print, found by summing the change of
    those features along the side's whole length — so even a page on a platen
    of its own colour shows its faint edge. A side not found before the image
    border belongs to a page that goes on beyond the image: with ``dpi`` and a
    document size of ``sizes_mm`` whose other side matches, that side is moved
    out to the page's true edge.

    Args:
        image: ``uint8`` RGB ``(H, W, 3)`` or grey ``(H, W)``.
        min_area_fraction: smallest page area as a fraction of the image.
        dpi: the capture's density, when known (to extend a page cut by the border).
        sizes_mm: document sizes ``(width, height)`` a cut page may have.

    Returns:
        A :class:`DocumentQuad`; falsy (with ``reason``) when no page stands out
        from the platen (empty platen, blank image, nothing rectangular).

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
    sh, sw = small.shape[:2]
    full = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float64)
    grey = _grey(small).astype(np.float32)
    if float(grey.std()) < 2.0:
        return _not_found("the image is blank (no structure at all)", (h, w))
    ring = border_ring((sh, sw), max(2, round(0.02 * min(sh, sw))))
    feats = features(small, window_px=max(3, round(0.006 * max(sh, sw)) | 1))
    z, med, spread = unlikeness(feats, ring)
    content = (z > PAGE_UNLIKENESS).astype(np.uint8)
    content = np.asarray(cv2.morphologyEx(content, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)),
                         np.uint8)
    paper_border = (float(np.median(grey[ring])) > LIGHT_BORDER_LEVEL
                    or float(np.median(grey)) > LIGHT_BORDER_LEVEL)
    if float(content[ring].mean()) > 0.5:
        return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
    k = max(3, round(0.015 * max(sh, sw)) | 1)
    merged = cv2.morphologyEx(content, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8),
                              iterations=2)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(merged, connectivity=8)
    if n <= 1:
        if paper_border:
            return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
        return _not_found("no document on the platen: nothing in the image differs from "
                          "its border", (h, w))
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    blob = labels == biggest
    angle = dominant_angle(grey, (blob | (z > PAGE_UNLIKENESS / 2)).astype(np.float32))
    # Sides are located on colour and lightness: the structure feature spreads half
    # its window beyond the page's edge.
    colour_z = np.max(np.abs(feats[:, :, :3] - med[:3]) / spread[:3], axis=2)
    pagelike = np.minimum(np.asarray(cv2.GaussianBlur(colour_z, (0, 0), 0.7), np.float32),
                          Z_CAP).astype(np.float32)
    out = _outline(pagelike, blob, angle, min_area_fraction=min_area_fraction)
    if isinstance(out, _Outline):
        better = edges_angle(out.side_angles)
        if better is not None and abs(better - angle) > EDGE_ANGLE_REDO_DEG:
            # The print's orientation disagrees with the page's own straight sides
            # (a guilloche's many directions outweigh a few lines of text): the
            # sides are searched again with the page turned upright by its edges.
            again = _outline(pagelike, blob, better, min_area_fraction=min_area_fraction)
            if isinstance(again, _Outline) and again.straight >= out.straight:
                out = again
    if not isinstance(out, _Outline):
        if paper_border:
            return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
        return _not_found(f"no document on the platen: the largest object covers "
                          f"{out:.0%} of the image (a page "
                          f"needs {min_area_fraction:.0%})", (h, w))
    upright, box, straight = out.upright, out.box, out.straight
    left, top, right, bottom = out.bounds
    cut_t, cut_r, cut_b, cut_l = out.cut
    if paper_border and _plain_inside(upright, (left, top, right, bottom)):
        # The paper inside the outline is no different from the surroundings: the
        # "outline" is the print's, on an image already cropped to a plain page.
        return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
    if straight < 2 and paper_border:
        # No straight page edge, only print on paper-coloured surroundings: an image
        # already cropped to a page with plain margins.
        return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
    bw, bh = right - left, bottom - top
    if bw < 8 or bh < 8 or not 0.25 < bw / bh < 4.0:
        return _not_found(f"the object on the platen is not a page ({bw:.0f} x {bh:.0f} px at "
                          f"the working scale)", (h, w))
    cut = [cut_t, cut_r, cut_b, cut_l]
    if all(cut) or bw * bh > CROPPED_AREA_FRACTION * sh * sw:
        return DocumentQuad(corners=full, found=True, cropped=True, contrast=1.0)
    corners = order_corners(box) / scale
    note = ""
    outside = tuple(side for side, c in zip(SIDES, cut, strict=True) if c)
    if outside and dpi:
        corners, note = extend_to_size(corners, cut, dpi, sizes_mm)
    top_edge = corners[1] - corners[0]
    angle_deg = float(np.degrees(np.arctan2(top_edge[1], top_edge[0])))
    inside = z[blob]
    contrast = float(np.clip(np.median(inside) / (4 * PAGE_UNLIKENESS), 0.0, 1.0)) \
        if inside.size else 0.0
    return DocumentQuad(corners=corners, found=True, cropped=False, angle_deg=angle_deg,
                        contrast=contrast, outside=outside, note=note, edges=straight)


#: How far (degrees) the angle of the page's straight sides may differ from its
#: print's before the sides are searched again at the sides' angle.
EDGE_ANGLE_REDO_DEG = 0.6


@dataclass
class _Outline:
    """The page's sides found with the page turned upright by one angle."""

    upright: npt.NDArray[np.float32]
    bounds: tuple[float, float, float, float]
    cut: tuple[bool, bool, bool, bool]
    box: npt.NDArray[np.float64]
    straight: int
    side_angles: list[tuple[float, float]]


def _outline(pagelike: npt.NDArray[np.float32], blob: npt.NDArray[np.bool_], angle: float, *,
             min_area_fraction: float) -> _Outline | float:
    """The page's four sides at the working scale, with the page turned upright by
    ``angle`` (degrees): each side the outermost rise of ``pagelike`` (how unlike
    the platen, ``(H, W)``) around the print ``blob``, then fitted on its own
    through points along it. When the print is too small for a page: the fraction
    of the image its upright box covers."""
    sh, sw = pagelike.shape
    rot = cv2.getRotationMatrix2D((sw / 2, sh / 2), angle, 1.0)
    upright = np.asarray(cv2.warpAffine(pagelike, rot, (sw, sh), flags=cv2.INTER_LINEAR,
                                        borderMode=cv2.BORDER_REPLICATE), np.float32)
    blob_up = cv2.warpAffine(blob.astype(np.uint8), rot, (sw, sh), flags=cv2.INTER_NEAREST) > 0
    ys, xs = np.nonzero(blob_up)
    if xs.size == 0:
        return 0.0
    x0, x1 = int(np.percentile(xs, 0.2)), int(np.percentile(xs, 99.8)) + 1
    y0, y1 = int(np.percentile(ys, 0.2)), int(np.percentile(ys, 99.8)) + 1
    if (x1 - x0) * (y1 - y0) < min_area_fraction * sh * sw:
        return (x1 - x0) * (y1 - y0) / (sh * sw)
    prof_x = upright[y0:y1].mean(axis=0)
    prof_y = upright[:, x0:x1].mean(axis=1)
    margin = round(MAX_MARGIN_FRACTION * max(sh, sw))
    inset = max(4, round(0.03 * max(sh, sw)))
    # the platen's own level in the profiles: rows/columns on the platen side
    level = float(np.percentile(np.concatenate([prof_x[:max(1, x0 - 2)],
                                                prof_x[min(sw - 1, x1 + 2):],
                                                prof_y[:max(1, y0 - 2)],
                                                prof_y[min(sh - 1, y1 + 2):]]), 50))
    platen_level = max(2.0, 2.0 * level)
    left, cut_l = outermost_rise(prof_x, x0 + inset, max(0, x0 - margin), valid_to=0,
                                 platen_level=platen_level, fallback=x0)
    right, cut_r = outermost_rise(prof_x, x1 - inset, min(sw - 1, x1 + margin),
                                  valid_to=sw - 1, platen_level=platen_level, fallback=x1)
    top, cut_t = outermost_rise(prof_y, y0 + inset, max(0, y0 - margin), valid_to=0,
                                platen_level=platen_level, fallback=y0)
    bottom, cut_b = outermost_rise(prof_y, y1 - inset, min(sh - 1, y1 + margin),
                                   valid_to=sh - 1, platen_level=platen_level, fallback=y1)
    # a side cut by the image border is kept at the print's visible edge, to be
    # completed from the document's size
    left, top = left + 0.5, top + 0.5
    right, bottom = right + 0.5, bottom + 0.5
    box_up = np.array([[left, top], [right, top], [right, bottom], [left, bottom]], np.float64)
    inv = cv2.invertAffineTransform(rot)
    box = cv2.transform(box_up[None, :, :], inv)[0].astype(np.float64)
    # Each side fitted on its own through points found along it (corrects the angle).
    band = max(3.0, 0.012 * max(sh, sw))
    lines = []
    straight = 0
    side_angles: list[tuple[float, float]] = []
    for side, is_cut in zip(SIDES, (cut_t, cut_r, cut_b, cut_l), strict=True):
        fitted = None
        if not is_cut:
            pts = side_points(upright, (left, top, right, bottom), side, band_px=band)
            if len(pts):
                pts = cv2.transform(pts[None, :, :], inv)[0].astype(np.float64)
            fitted = fit_line(pts)
            if fitted is not None:
                scatter = line_scatter(pts, *fitted)
                if scatter <= max(1.0, 0.002 * max(sh, sw)):
                    straight += 1
                    side_angles.append((side_angle(fitted[1], side), scatter))
        if fitted is None:
            i = SIDES.index(side)
            a, b = box[i], box[(i + 1) % 4]
            fitted = (a, (b - a) / max(1e-6, float(np.linalg.norm(b - a))))
        lines.append(fitted)
    refined = intersect(lines)
    if refined is not None and np.max(np.linalg.norm(refined - box, axis=1)) < 3 * band:
        box = refined
    return _Outline(upright=upright, bounds=(left, top, right, bottom),
                    cut=(cut_t, cut_r, cut_b, cut_l), box=box, straight=straight,
                    side_angles=side_angles)


def find_page(images: Mapping[str, Image], *, dpi: float | None = None,
              order: Sequence[str] = ("white", "uv", "ir"),
              sizes_mm: Sequence[tuple[float, float]] = DOCUMENT_SIZES_MM) -> DocumentQuad:
    """Find the page using every light of a capture (all share one geometry).

    The white image is tried first; when its page outline is not clear on all
    four sides (a platen of the paper's own colour), or with ``dpi`` when it has no
    document size (one side stopped at the print and could not be completed:
    :func:`complete_to_size`), the other lights are tried too — a lid that glows
    under UV, or a platen dark in IR, shows the page's edge plainly. The lights
    agree on the page: with ``dpi`` an outline of one of ``sizes_mm`` with at least
    three straight sides wins over any that has no such size; then the most straight
    sides win (the earlier light on a tie), if at least three sides were found.
    Otherwise (no clear outline on any light) a page of a known size is fitted to
    its faint edges (:func:`workstation.imaging.page_fit.fit_known_size`; it may go
    on beyond the image on one side), else the white image's own result stands (a
    page cropped to its edges, or none). ``images`` maps light names (``white``,
    ``uv``, ``ir``...) to images of one size; only names in ``order`` are used.

    Returns:
        The best :class:`DocumentQuad` (``light`` names the image), or the white
        image's falsy result with its reason when no light shows a page.
    """
    if "white" not in images:
        raise ValueError("find_page needs a white image")
    best: DocumentQuad | None = None
    best_key = (False, -1)
    first: DocumentQuad | None = None
    seen: list[DocumentQuad] = []
    for name in order:
        img = images.get(name)
        if img is None:
            continue
        quad = find_document(img, dpi=dpi, sizes_mm=sizes_mm)
        quad.light = name
        if first is None:
            first = quad
        elif first.cropped and not _plausible_page(quad, img.shape[:2], dpi, sizes_mm):
            # The white image is the page (cropped to its edges): what another light
            # outlines inside it is a feature of the page (a portrait dark in IR), not
            # the page, unless it has a document's size.
            continue
        if not quad or quad.cropped:
            continue
        seen.append(quad)
        if dpi and quad.edges >= 3 and not quad.outside:
            quad = complete_to_size(quad, img, dpi=dpi, sizes_mm=sizes_mm)
        # with a dpi, an outline of a document's size beats one with more sides that
        # has none (a white outline stopped at the print on a platen of the paper's
        # colour, where UV shows the page whole on three sides)
        key = (bool(dpi and quad.edges >= 3 and fits_size(quad.size_px, dpi, sizes_mm)),
               quad.edges)
        if key > best_key:
            best, best_key = quad, key
        if (best is not None and best.edges + len(best.outside) >= 4
                and (best_key[0] or not dpi)):
            break
    outline = best if best is not None and best.edges >= 3 else None
    if outline is not None and (best_key[0] or not dpi):
        return outline
    assert first is not None
    if dpi and "white" in images:
        # No clear outline of a document's size on any light (a page on a platen of its
        # own colour): a page of a known size fitted to its faint edges around the
        # print. An outline with no document size gives way to it only when it lies
        # within the fitted page and is not the page's whole outline: fewer than four
        # straight sides, or another light shows the page going on beyond it (sides
        # stopped at the print). Four sides the lights agree on are the page even with
        # no document size (another size, or a wrong dpi: the examination says so).
        tol = FIT_HOLDS_OUTLINE_MM * dpi / 25.4
        fit = fit_known_size(images["white"], dpi=dpi, sizes_mm=sizes_mm) if (
            outline is None or outline.edges < 4
            or any(not _within(q.corners, outline.corners, tol) for q in seen)) else None
        if fit is not None and (outline is None or _within(outline.corners, fit.corners, tol)):
            corners = order_corners(fit.corners)
            top_edge = corners[1] - corners[0]
            why = "no clear outline" if outline is None else (
                f"the outline ({outline.size_px[0] * 25.4 / dpi:.1f} x "
                f"{outline.size_px[1] * 25.4 / dpi:.1f} mm) has no document size")
            return DocumentQuad(
                corners=corners, found=True, light="white", edges=4,
                angle_deg=float(np.degrees(np.arctan2(top_edge[1], top_edge[0]))),
                note=f"{why}: a {fit.size_mm[0]:g} x {fit.size_mm[1]:g} mm page "
                     f"fitted to its faint edges (edge contrast {fit.peak_ratio:.1f})")
    return outline if outline is not None else first


#: How far (mm) an outline's corner may lie outside a page fitted to its known size for
#: the fit to hold it (the outline's sides and the fit's are each good to about 1 mm).
FIT_HOLDS_OUTLINE_MM = 1.5


def _within(inner: Corners, outer: Corners, tolerance_px: float) -> bool:
    """Whether every corner of ``inner`` lies inside the quadrilateral ``outer`` (both
    ``(4, 2)`` px) or at most ``tolerance_px`` outside it."""
    poly = np.asarray(order_corners(outer), np.float32).reshape(-1, 1, 2)
    return all(cv2.pointPolygonTest(poly, (float(x), float(y)), True) >= -tolerance_px
               for x, y in np.asarray(inner, np.float64))


def complete_to_size(quad: DocumentQuad, image: Image, *, dpi: float,
                     sizes_mm: Sequence[tuple[float, float]] = DOCUMENT_SIZES_MM
                     ) -> DocumentQuad:
    """``quad`` with a side that stopped at the print moved out to the document's size
    (:func:`workstation.imaging.page_size.complete_corners`); ``quad`` itself when its
    size fits or nothing better is found."""
    done = complete_corners(np.asarray(quad.corners, np.float64), quad.size_px, _grey(image),
                            dpi=dpi, sizes_mm=sizes_mm)
    if done is None:
        return quad
    corners, deficit_mm = done
    return replace(quad, corners=corners,
                   note="; ".join(v for v in (quad.note, f"one side completed to the "
                                              f"document's size ({deficit_mm:.1f} mm "
                                              f"short)") if v))


#: How far (fraction) a page found on another light may differ from a document size.
PAGE_SIZE_TOLERANCE = 0.15
#: Without a dpi, the least fraction of the image a page found on another light must
#: cover when the white image is cropped to the page.
OTHER_LIGHT_MIN_AREA_FRACTION = 0.5


def _plausible_page(quad: DocumentQuad, shape: tuple[int, ...], dpi: float | None,
                    sizes_mm: Sequence[tuple[float, float]]) -> bool:
    """Whether ``quad`` (found on an image of ``shape`` ``(H, W)``) can be the whole page:
    its size at ``dpi`` within :data:`PAGE_SIZE_TOLERANCE` of one of ``sizes_mm`` (mm,
    either orientation), or without a dpi at least
    :data:`OTHER_LIGHT_MIN_AREA_FRACTION` of the image."""
    if not quad or quad.cropped:
        return bool(quad)
    w_px, h_px = quad.size_px
    if dpi:
        return fits_size((w_px, h_px), dpi, sizes_mm, fraction=PAGE_SIZE_TOLERANCE)
    return w_px * h_px >= OTHER_LIGHT_MIN_AREA_FRACTION * shape[0] * shape[1]


def _plain_inside(pagelike: npt.NDArray[np.float32], box: tuple[float, float, float, float]
                  ) -> bool:
    """Whether the bare paper inside ``box`` (left, top, right, bottom) is as
    platen-like as what lies outside it."""
    h, w = pagelike.shape
    left, top, right, bottom = (round(v) for v in box)
    inside = np.zeros((h, w), bool)
    inside[max(0, top + 2):max(0, bottom - 2), max(0, left + 2):max(0, right - 2)] = True
    outside = np.ones((h, w), bool)
    outside[max(0, top - 3):bottom + 3, max(0, left - 3):right + 3] = False
    paper = pagelike[inside]
    rest = pagelike[outside]
    if paper.size < 50 or rest.size < 50:
        return False
    # most of a page is bare paper: its lower third tells the paper's own level
    return float(np.percentile(paper, 30)) - float(np.median(rest)) < 0.6


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
