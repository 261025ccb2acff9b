"""Faces on the exemplars' pages (issue 17): where the holder's portrait is, and which
feature is its ghost image.

dlib's frontal face detector (:func:`workstation.imaging.faces.detect_face`, the
project's shared face module) runs on each exemplar's straightened page at the capture's density:

* in white light for the portrait (as printed, and smoothed over 1 mm so a guilloche
  printed across the photograph does not hide the face);
* for a ghost image — the holder's portrait printed again, smaller, in luminescent ink
  or engraved — under UV (the glow above the substrate, inverted: a glowing face on
  dull paper becomes a dark face on light) and in IR (as captured), with the portrait
  itself blanked out first.

A face counts when the exemplars agree on where it is (within :data:`AGREE_MM`). Only
the face's centre and eye spacing are used: the zone's rectangle comes from the print
around it (:mod:`.zones`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.examination.authoring import masks as M
from workstation.examination.authoring import zones as Z
from workstation.examination.authoring.masks import LightMeasures
from workstation.examination.authoring.zones import Found
from workstation.imaging.faces import detect_face
from workstation.types import Expect, Image, Light, ZoneCheck

#: Faces found on different exemplars within this distance (mm) are the same face.
AGREE_MM = 4.0
#: Smoothing (mm) of the white page before the second search.
SMOOTH_MM = 0.25
#: Border (mm) blanked around the portrait before a ghost image is looked for.
PORTRAIT_MARGIN_MM = 2.0


@dataclass(frozen=True)
class FaceAt:
    """A face on the page: centre (mm) and the distance between the outer eye corners
    (mm), found under ``light`` on ``count`` exemplars."""

    centre_mm: tuple[float, float]
    eyes_mm: float
    light: Light
    count: int


def _detect(img: Image, dpi: float) -> tuple[tuple[float, float], float] | None:
    face = detect_face(np.ascontiguousarray(img))
    if face is None:
        return None
    k = 25.4 / dpi
    c = face.points.mean(axis=0) * k
    eyes = face.eye_distance * k
    return (float(c[0]), float(c[1])), eyes


def _grey(img: Image) -> Image:
    return img if img.ndim == 2 else np.asarray(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY))


def _agreed(found: Sequence[tuple[tuple[float, float], float]], light: Light
            ) -> FaceAt | None:
    """The face most exemplars found at one place."""
    best: FaceAt | None = None
    for c, _e in found:
        near = [(cc, ee) for cc, ee in found if np.hypot(cc[0] - c[0], cc[1] - c[1]) <= AGREE_MM]
        if best is None or len(near) > best.count:
            centre = np.mean([cc for cc, _ in near], axis=0)
            best = FaceAt((round(float(centre[0]), 2), round(float(centre[1]), 2)),
                          round(float(np.mean([ee for _, ee in near])), 2), light, len(near))
    return best


def portrait_face(pages: Sequence[dict[Light, Image]], dpi: float) -> FaceAt | None:
    """The holder's face in white light, where the exemplars agree."""
    found = []
    sigma = SMOOTH_MM * dpi / 25.4
    for images in pages:
        grey = _grey(images[Light.WHITE])
        hit = _detect(grey, dpi) or _detect(
            np.asarray(cv2.GaussianBlur(grey, (0, 0), sigma), np.uint8), dpi)
        if hit is not None:
            found.append(hit)
    return _agreed(found, Light.WHITE)


def _blank(img: Image, rect_mm: tuple[float, float, float, float] | None, dpi: float
           ) -> Image:
    if rect_mm is None:
        return img
    out = img.copy()
    k = dpi / 25.4
    x, y, w, h = rect_mm
    m = PORTRAIT_MARGIN_MM
    out[max(0, round((y - m) * k)):max(0, round((y + h + m) * k)),
        max(0, round((x - m) * k)):max(0, round((x + w + m) * k))] = int(np.median(img))
    return out


def ghost_faces(pages: Sequence[dict[Light, Image]], dpi: float,
                portrait_mm: tuple[float, float, float, float] | None) -> list[FaceAt]:
    """Faces outside the portrait under UV (luminescent ghost image) and IR (engraved
    or IR-absorbing ghost image), each where the exemplars agree."""
    out = []
    for light in (Light.UV, Light.IR):
        found = []
        for images in pages:
            img = images.get(light)
            if img is None:
                continue
            if light is Light.UV and img.ndim == 3:
                sub = np.median(img.reshape(-1, 3), axis=0)
                glow = np.clip(img.astype(np.float32) - sub, 0, 255).max(axis=2)
                top = max(1.0, float(np.percentile(glow, 99.5)))
                grey = np.asarray(255 - np.clip(glow * 255.0 / top, 0, 255), np.uint8)
            else:
                grey = _grey(img)
            hit = _detect(_blank(grey, portrait_mm, dpi), dpi)
            if hit is not None:
                found.append(hit)
        face = _agreed(found, light)
        if face is not None and face.count * 2 >= max(1, len(pages)):
            out.append(face)
    return out


def ghost_zone(face: FaceAt, ms: Sequence[LightMeasures], size_mm: tuple[float, float]
               ) -> Found | None:
    """The ghost image around ``face``: the print of the face's light (glow above the
    substrate under UV, absorption in IR) on any exemplar, within a window of a
    portrait's proportions around the face, joined across 2 mm; the holder's
    (``varies``), role ``ghost``, checked under its light."""
    if face.light is Light.UV:
        maps = [m.glow for m in ms if m.glow is not None]
        level = Z.GLOW_MIN / 2
    else:
        maps = [m.ir_dark for m in ms if m.ir_dark is not None]
        level = Z.IR_VISIBLE_LOW / 2
    if not maps:
        return None
    shape = (int(maps[0].shape[0]), int(maps[0].shape[1]))
    mask = np.zeros(shape, bool)
    for mp in maps:
        mask |= mp > level
    cx, cy = face.centre_mm
    e = max(2.0, face.eyes_mm)
    window = Z.rect_mask(shape, (cx - 3.0 * e, cy - 3.5 * e, 6.0 * e, 8.0 * e))
    core = Z.rect_mask(shape, (cx - 0.75 * e, cy - 0.75 * e, 1.5 * e, 1.5 * e))
    parts = M.components(mask & window, close_mm=(2.0, 2.0), min_px=10)
    boxes = [(x, y, w, h) for x, y, w, h, own in parts
             if (cv2.dilate(own.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0)[core].any()]
    if not boxes:
        return None
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    rect = Z._rect_mm(x0, y0, x1 - x0, y1 - y0, size_mm=size_mm)
    if face.light is Light.UV:
        return Z.Found("luminescent", rect, varies=True, role="ghost",
                       label="ghost image (luminescent)",
                       checks=(ZoneCheck(Light.UV, Expect.LUMINESCENT),))
    return Z.Found("ir_visible", rect, varies=True, role="ghost", label="ghost image (IR)",
                   checks=(ZoneCheck(Light.IR, Expect.VISIBLE),))
