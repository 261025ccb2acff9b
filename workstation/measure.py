"""Measurement on images: pixels to millimetres, rulers, angles, rectangles (pure geometry,
no numpy: the screen, the reports and the findings share it).

Points are ``(x, y)`` in image pixels (x = column, y = row). ``dpi`` is the
capture's pixel density; every function raises ``ValueError`` when it is not
positive.
"""

from __future__ import annotations

import math

from workstation.types import MM_PER_INCH

Point = tuple[float, float]


def _dpi_ok(dpi: float | None) -> float:
    if dpi is None or not dpi > 0 or not math.isfinite(dpi):
        raise ValueError(f"dpi must be a positive number, got {dpi}")
    return float(dpi)


def px_to_mm(px: float, *, dpi: float) -> float:
    """A length in pixels as mm at ``dpi``."""
    return px * MM_PER_INCH / _dpi_ok(dpi)


def mm_to_px(mm: float, *, dpi: float) -> float:
    """A length in mm as pixels at ``dpi``."""
    return mm * _dpi_ok(dpi) / MM_PER_INCH


def point_mm(p: Point, *, dpi: float) -> Point:
    """Pixel position ``p`` as ``(x, y)`` mm from the image's top-left corner."""
    return px_to_mm(p[0], dpi=dpi), px_to_mm(p[1], dpi=dpi)


def distance_px(a: Point, b: Point) -> float:
    """Euclidean distance between two points in pixels."""
    return math.hypot(b[0] - a[0], b[1] - a[1])


def distance_mm(a: Point, b: Point, *, dpi: float) -> float:
    """Length of the ruler from ``a`` to ``b`` in mm."""
    return px_to_mm(distance_px(a, b), dpi=dpi)


def angle_deg(a: Point, vertex: Point, b: Point) -> float:
    """The angle ``a``-``vertex``-``b`` in degrees, 0..180.

    ``ValueError`` when either arm has zero length.
    """
    v1 = (a[0] - vertex[0], a[1] - vertex[1])
    v2 = (b[0] - vertex[0], b[1] - vertex[1])
    n1, n2 = math.hypot(*v1), math.hypot(*v2)
    if n1 == 0 or n2 == 0:
        raise ValueError("an arm of the angle has zero length")
    cos = (v1[0] * v2[0] + v1[1] * v2[1]) / (n1 * n2)
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def bearing_deg(a: Point, b: Point) -> float:
    """Direction from ``a`` to ``b`` against the image's x axis, degrees, -180..180
    (positive turns clockwise on screen, since y grows downwards)."""
    if a == b:
        raise ValueError("the two points coincide")
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def rect_size_mm(a: Point, b: Point, *, dpi: float) -> tuple[float, float]:
    """``(width, height)`` in mm of the axis-aligned rectangle with corners ``a`` and ``b``."""
    return px_to_mm(abs(b[0] - a[0]), dpi=dpi), px_to_mm(abs(b[1] - a[1]), dpi=dpi)


def format_mm(mm: float) -> str:
    """A length for display: 2 decimals under 10 mm, 1 decimal above."""
    return f"{mm:.2f} mm" if abs(mm) < 10 else f"{mm:.1f} mm"
