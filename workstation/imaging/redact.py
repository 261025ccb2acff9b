"""Blur personal data out of document images (alert crops now; specimen authoring's
"personal data stays out" should use the same function).

A blurred region keeps its mean colour and brightness at a coarse scale — so an
alert crop still shows *that* a field is there, dark under IR or glowing under
UV — but no detail finer than ``cell_px``: the region is area-averaged onto a
grid of ``cell_px`` cells, smoothly enlarged back and then Gaussian-smoothed
with sigma ``cell_px / 2``. With ``cell_px`` at least the height of a line of
text no character can be read (and no pixelation can be reversed character by
character); a face at a sixth of the portrait's width is a smooth shape.
Pure NumPy/OpenCV: ``uint8`` images ``(H, W)`` or ``(H, W, 3)``, rectangles
``(x, y, width, height)`` in pixels, row/column image coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable

import cv2
import numpy as np

from workstation.types import Image, Zone, mm_to_px

#: Zone roles that hold the holder's personal data.
PERSONAL_ROLES = ("portrait", "signature", "mrz")
#: A portrait keeps this fraction of its smaller side unblurred at its border
#: (where a substituted photo's cut edge and the laminate's traces show).
PORTRAIT_BORDER = 0.12


def is_personal(zone: Zone) -> bool:
    """Whether a specimen zone holds personal data (portrait, signature, MRZ, a printed
    data field ``field:*``, or any zone whose content is the holder's: ``varies:
    "holder"``)."""
    role = zone.role or ""
    return role in PERSONAL_ROLES or role.startswith("field:") or zone.varies == "holder"


def blur_region(image: Image, rect: tuple[int, int, int, int], *, cell_px: int) -> Image:
    """A copy of ``image`` with ``rect`` (x, y, w, h; clipped to the image) blurred so
    that nothing finer than ``cell_px`` pixels survives; the rest is unchanged."""
    if image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise ValueError("expected a uint8 image (H, W) or (H, W, 3)")
    if cell_px < 1:
        raise ValueError("cell_px must be at least 1")
    out = image.copy()
    h_img, w_img = image.shape[:2]
    x, y, w, h = rect
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(w_img, x + w), min(h_img, y + h)
    if x1 <= x0 or y1 <= y0:
        return out
    region = out[y0:y1, x0:x1]
    rh, rw = region.shape[:2]
    small = cv2.resize(region, (max(1, round(rw / cell_px)), max(1, round(rh / cell_px))),
                       interpolation=cv2.INTER_AREA)
    back = cv2.resize(small, (rw, rh), interpolation=cv2.INTER_LINEAR)
    sigma = cell_px / 2.0
    back = cv2.GaussianBlur(back, (0, 0), sigmaX=sigma, sigmaY=sigma,
                            borderType=cv2.BORDER_REFLECT)
    out[y0:y1, x0:x1] = back.reshape(region.shape)
    return out


def personal_rects_px(zones: Iterable[Zone], *, dpi: float, origin_mm: tuple[float, float],
                      whole_portrait: bool = False,
                      ) -> list[tuple[tuple[int, int, int, int], int]]:
    """``(rect, cell_px)`` to blur for every personal zone, in the pixels of an image at
    ``dpi`` whose top-left corner is ``origin_mm`` (x, y) on the document. A portrait
    keeps its border band (:data:`PORTRAIT_BORDER`) unless ``whole_portrait`` (then it
    is reduced to one smooth tone: a specimen export keeps no pixel of the face); text
    zones are blurred whole with cells of the zone's height (a line of text)."""
    out: list[tuple[tuple[int, int, int, int], int]] = []
    ox, oy = origin_mm
    for zone in zones:
        if not is_personal(zone):
            continue
        x, y, w, h = zone.rect_mm
        if zone.role == "portrait" and whole_portrait:
            cell_mm = max(w, h)
        elif zone.role == "portrait":
            band = PORTRAIT_BORDER * min(w, h)
            x, y, w, h = x + band, y + band, w - 2 * band, h - 2 * band
            cell_mm = min(w, h) / 5.0
        elif zone.role == "mrz":
            cell_mm = min(h / 2.0, 4.0)  # two or three lines: about one line per cell
        else:
            cell_mm = max(h, 2.0)
        rect = (round(mm_to_px(x - ox, dpi)), round(mm_to_px(y - oy, dpi)),
                round(mm_to_px(w, dpi)), round(mm_to_px(h, dpi)))
        out.append((rect, max(2, round(mm_to_px(cell_mm, dpi)))))
    return out


def blur_personal(image: Image, zones: Iterable[Zone], *, dpi: float,
                  origin_mm: tuple[float, float] = (0.0, 0.0),
                  whole_portrait: bool = False) -> Image:
    """``image`` (a document image, or a crop of one starting at ``origin_mm``) with
    every personal zone blurred (see :func:`personal_rects_px`)."""
    out = image
    for rect, cell in personal_rects_px(zones, dpi=dpi, origin_mm=origin_mm,
                                        whole_portrait=whole_portrait):
        out = blur_region(out, rect, cell_px=cell)
    return out if out is not image else image.copy()
