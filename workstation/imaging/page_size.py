"""A page found short of its document's size: one side stopped at the print.

On a platen of the paper's own colour a page's outline can be too faint along one
side, and the page finder then stops that side at the print (a card's blank lower
margin, a passport's empty strip). With the capture's density known, a page whose
one dimension is a document size and whose other falls short of it is completed:
:func:`complete_corners` moves one of the short sides out to the size, towards the
stronger straight edge.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
import numpy.typing as npt

from workstation.imaging.page_edges import DOCUMENT_SIZES_MM
from workstation.types import Image

Corners = npt.NDArray[np.float64]

#: A page side matches a document size within this fraction of it.
SIZE_MATCH_FRACTION = 0.025
#: How far (mm) around the size's position a missing side's edge is looked for.
SIDE_SEARCH_MM = 1.5


def fits_size(size_px: tuple[float, float], dpi: float,
              sizes_mm: Sequence[tuple[float, float]] = DOCUMENT_SIZES_MM, *,
              fraction: float = SIZE_MATCH_FRACTION) -> bool:
    """Whether a page of ``size_px`` ``(width, height)`` (px at ``dpi``) has one of
    ``sizes_mm`` (mm, either orientation), each side within ``fraction`` of it."""
    w_mm, h_mm = (v * 25.4 / dpi for v in size_px)
    return any(abs(w_mm - sw) <= fraction * sw and abs(h_mm - sh) <= fraction * sh
               for a, b in sizes_mm for sw, sh in ((a, b), (b, a)))


def _edge_profile(grey: npt.NDArray[np.float32], a: npt.NDArray[np.float64],
                  b: npt.NDArray[np.float64], normal: npt.NDArray[np.float64],
                  offsets_px: npt.NDArray[np.float64], step_px: float) -> npt.NDArray[np.float64]:
    """For each offset along ``normal`` of the segment ``a``-``b`` (px), the mean
    absolute change of ``grey`` across the moved segment (``step_px`` either side),
    along its middle 80 %."""
    n = max(8, int(np.linalg.norm(b - a) / 2))
    t = np.linspace(0.1, 0.9, n)
    pts = a[None, :] + t[:, None] * (b - a)[None, :]
    out = []
    for off in offsets_px:
        base = pts + off * normal[None, :]
        p_in = (base - step_px * normal[None, :]).astype(np.float32)
        p_out = (base + step_px * normal[None, :]).astype(np.float32)
        v_in = cv2.remap(grey, p_in[:, 0].reshape(1, -1), p_in[:, 1].reshape(1, -1),
                         cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        v_out = cv2.remap(grey, p_out[:, 0].reshape(1, -1), p_out[:, 1].reshape(1, -1),
                          cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        out.append(float(np.mean(np.abs(v_out - v_in))))
    return np.asarray(out, np.float64)


def complete_corners(c: Corners, size_px: tuple[float, float], grey_image: Image, *,
                     dpi: float, sizes_mm: Sequence[tuple[float, float]] = DOCUMENT_SIZES_MM
                     ) -> tuple[Corners, float] | None:
    """A page found with one dimension of a document size (within
    :data:`SIZE_MATCH_FRACTION`) and the other short of it: one of the two short sides
    stopped at the print (a margin of the page on a platen of its own colour, the
    page's outline too faint there). The side is moved out to the size, towards the
    side whose move finds the stronger straight edge (searched within
    :data:`SIDE_SEARCH_MM` of the size's position, along the whole side), parallel to
    the opposite side (a page is a rectangle: an angle fitted to a faint edge's few
    points would skew the page). Returns the new corners and how many mm the page was
    short, or ``None`` when the size fits, no size explains it, or no candidate lies
    in the image.

    Args:
        c: ``(4, 2)`` corners TL, TR, BR, BL (px) of the page found.
        size_px: its ``(width, height)`` (px).
        grey_image: the image it was found in, grey ``(H, W)``.
        dpi: the image's density.
        sizes_mm: the document sizes ``(width, height)`` (mm), either orientation.
    """
    px_mm = dpi / 25.4
    w_mm, h_mm = (v / px_mm for v in size_px)
    plan: tuple[str, float] | None = None
    best_fit = np.inf
    for a_mm, b_mm in sizes_mm:
        for sw_mm, sh_mm in ((a_mm, b_mm), (b_mm, a_mm)):
            w_ok = abs(w_mm - sw_mm) <= SIZE_MATCH_FRACTION * sw_mm
            h_ok = abs(h_mm - sh_mm) <= SIZE_MATCH_FRACTION * sh_mm
            if w_ok and h_ok:
                return None
            if w_ok and sh_mm - h_mm > SIZE_MATCH_FRACTION * sh_mm and h_mm > 0.5 * sh_mm:
                fit = abs(w_mm - sw_mm) / sw_mm
                if fit < best_fit:
                    best_fit, plan = fit, ("h", sh_mm - h_mm)
            if h_ok and sw_mm - w_mm > SIZE_MATCH_FRACTION * sw_mm and w_mm > 0.5 * sw_mm:
                fit = abs(h_mm - sh_mm) / sh_mm
                if fit < best_fit:
                    best_fit, plan = fit, ("w", sw_mm - w_mm)
    if plan is None:
        return None
    axis, deficit_mm = plan
    grey = np.asarray(cv2.GaussianBlur(grey_image.astype(np.float32), (0, 0), 1.0),
                      np.float32)
    h, w = grey.shape
    tl, tr, br, bl = c
    if axis == "h":
        down = ((bl - tl) + (br - tr)) / 2.0
        down /= max(1e-6, float(np.linalg.norm(down)))
        sides = ((2, 3, down), (0, 1, -down))  # bottom (BR, BL) moves down, top up
    else:
        right = ((tr - tl) + (br - bl)) / 2.0
        right /= max(1e-6, float(np.linalg.norm(right)))
        sides = ((1, 2, right), (3, 0, -right))  # right (TR, BR) moves right, left left
    deficit = deficit_mm * px_mm
    offsets = np.arange(deficit - SIDE_SEARCH_MM * px_mm, deficit + SIDE_SEARCH_MM * px_mm,
                        max(1.0, 0.1 * px_mm))
    best: tuple[float, npt.NDArray[np.float64]] | None = None
    step = max(1.0, 0.3 * px_mm)
    for i, j, normal in sides:
        prof = _edge_profile(grey, c[i], c[j], normal, offsets, step)
        k = int(np.argmax(prof))
        moved = c.copy()
        moved[i] += offsets[k] * normal
        moved[j] += offsets[k] * normal
        if (moved[:, 0].min() < -1 or moved[:, 1].min() < -1 or moved[:, 0].max() > w + 1
                or moved[:, 1].max() > h + 1):
            continue
        if best is None or prof[k] > best[0]:
            best = (float(prof[k]), moved)
    if best is None:
        return None
    return best[1], deficit_mm
