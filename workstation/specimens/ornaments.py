"""Ornaments of a design beyond the common marks: a key pattern (meander) along a strip, an
endless knot, and a sun-and-moon emblem — each a coverage mask (0..1) for
:mod:`.compose`, positions in mm on the face, drawn with 1/16 px sub-pixel precision."""

from __future__ import annotations

import math

import cv2
import numpy as np
import numpy.typing as npt

from workstation.specimens.compose import Float
from workstation.specimens.documents import Ornament
from workstation.specimens.marks import Canvas, round_mask

_S = 16  # OpenCV sub-pixel scale (4 fractional bits)


def _pts(points: npt.ArrayLike) -> npt.NDArray[np.int32]:
    return np.round(np.asarray(points, np.float64) * _S).astype(np.int32).reshape(-1, 1, 2)


def _box(canvas: Canvas, rect: tuple[float, float, float, float],
         offset: tuple[float, float]) -> tuple[npt.NDArray[np.uint8], float, int, int, float,
                                               float]:
    """An empty mask around ``rect`` (mm, + ``offset``): ``(mask, px/mm, r0, c0, x0, y0)``
    with ``(x0, y0)`` the rectangle's top-left in mask px."""
    k = canvas.dpi / 25.4
    x, y, w, h = rect
    x, y = x + offset[0], y + offset[1]
    c0, r0 = math.floor(x * k) - 3, math.floor(y * k) - 3
    mask = np.zeros((math.ceil(h * k) + 7, math.ceil(w * k) + 7), np.uint8)
    return mask, k, r0, c0, x * k - c0, y * k - r0


def meander(canvas: Canvas, rect: tuple[float, float, float, float],
            offset: tuple[float, float]) -> tuple[Float, int, int]:
    """A key pattern (meander) filling a strip: a square spiral hook repeated along it,
    framed above and below."""
    m, k, r0, c0, x0, y0 = _box(canvas, rect, offset)
    _, _, w, h = rect
    th = max(1, round(0.28 * k))
    hp = h * k
    cell = hp * 0.9
    n = max(1, int(w * k // cell))
    cv2.line(m, _pts([x0, y0])[0, 0], _pts([x0 + w * k, y0])[0, 0], 255, th, cv2.LINE_AA, 4)
    cv2.line(m, _pts([x0, y0 + hp])[0, 0], _pts([x0 + w * k, y0 + hp])[0, 0], 255, th,
             cv2.LINE_AA, 4)
    u = cell / 5.0
    for i in range(n):
        ox, oy = x0 + i * cell + 0.5 * u, y0 + (hp - 4 * u) / 2
        hook = [(0, 4), (0, 0), (4, 0), (4, 3), (1.5, 3), (1.5, 1.5), (2.5, 1.5)]
        cv2.polylines(m, [_pts([(ox + a * u, oy + b * u) for a, b in hook])], False, 255, th,
                      cv2.LINE_AA, 4)
        cv2.line(m, _pts([ox, oy + 4 * u])[0, 0], _pts([ox + cell, oy + 4 * u])[0, 0], 255,
                 th, cv2.LINE_AA, 4)
    return m.astype(np.float32) * np.float32(1 / 255), r0, c0


def knot(canvas: Canvas, rect: tuple[float, float, float, float],
         offset: tuple[float, float]) -> tuple[Float, int, int]:
    """An endless knot: a lattice of interlaced bands turned by 45°, with four loops."""
    m, k, r0, c0, x0, y0 = _box(canvas, rect, offset)
    _, _, w, h = rect
    side = min(w, h) * k
    cx, cy = x0 + w * k / 2, y0 + h * k / 2
    th = max(1, round(0.45 * k))
    half = side * 0.30
    a = math.radians(45)

    def rot(px: float, py: float) -> tuple[float, float]:
        return (cx + px * math.cos(a) - py * math.sin(a),
                cy + px * math.sin(a) + py * math.cos(a))

    n = 4
    for i in range(n + 1):
        t = -half + 2 * half * i / n
        cv2.line(m, _pts(rot(-half, t))[0, 0], _pts(rot(half, t))[0, 0], 255, th,
                 cv2.LINE_AA, 4)
        cv2.line(m, _pts(rot(t, -half))[0, 0], _pts(rot(t, half))[0, 0], 255, th,
                 cv2.LINE_AA, 4)
    # the four loops at the corners of the turned square
    loop = half * 0.42
    for px, py in ((-half, -half), (half, -half), (half, half), (-half, half)):
        lx, ly = rot(px, py)
        cv2.circle(m, _pts((lx, ly))[0, 0], round(loop * _S), 255, th, cv2.LINE_AA, 4)
    return m.astype(np.float32) * np.float32(1 / 255), r0, c0


def sun_moon_mask(canvas: Canvas, centre: tuple[float, float], radius_mm: float,
                  offset: tuple[float, float]) -> tuple[Float, int, int]:
    """A sun disc over a crescent moon under three flames, in a ring."""
    m, k, r, lx, ly, r0, c0 = round_mask(canvas, centre, radius_mm, offset)
    th = max(1, round(0.35 * k))
    cv2.circle(m, _pts((lx, ly))[0, 0], round(r * 0.96 * _S), 255, th, cv2.LINE_AA, 4)
    # sun
    cv2.circle(m, _pts((lx, ly - 0.12 * r))[0, 0], round(r * 0.22 * _S), 255, -1,
               cv2.LINE_AA, 4)
    # crescent: a disc minus a disc shifted up
    moon = np.zeros_like(m)
    cv2.circle(moon, _pts((lx, ly + 0.30 * r))[0, 0], round(r * 0.30 * _S), 255, -1,
               cv2.LINE_AA, 4)
    cv2.circle(moon, _pts((lx, ly + 0.16 * r))[0, 0], round(r * 0.27 * _S), 0, -1,
               cv2.LINE_AA, 4)
    m = np.maximum(m, moon)
    # three flames
    for dx in (-0.2, 0.0, 0.2):
        tip = (lx + dx * r, ly - 0.78 * r)
        base = [(lx + (dx - 0.08) * r, ly - 0.42 * r), (lx + (dx + 0.08) * r, ly - 0.42 * r)]
        cv2.fillPoly(m, [_pts([base[0], tip, base[1]])], 255, cv2.LINE_AA, 4)
    # rays between the flames and the ring
    for i in range(16):
        ang = 2 * math.pi * i / 16
        p1 = (lx + 0.62 * r * math.cos(ang), ly + 0.62 * r * math.sin(ang))
        p2 = (lx + 0.84 * r * math.cos(ang), ly + 0.84 * r * math.sin(ang))
        if math.sin(ang) < -0.5:
            continue  # the flames stand there
        cv2.line(m, _pts(p1)[0, 0], _pts(p2)[0, 0], 255, max(1, round(0.25 * k)),
                 cv2.LINE_AA, 4)
    return m.astype(np.float32) * np.float32(1 / 255), r0, c0


def ornament_mask(canvas: Canvas, ornament: Ornament, offset: tuple[float, float]
                  ) -> tuple[Float, int, int]:
    """The coverage mask of ``ornament`` as ``(mask, r0, c0)``."""
    if ornament.kind == "meander":
        return meander(canvas, ornament.rect, offset)
    if ornament.kind == "knot":
        return knot(canvas, ornament.rect, offset)
    raise ValueError(f"unknown ornament kind {ornament.kind!r}")
