"""Measurement in millimetres, angles."""

from __future__ import annotations

import math

import pytest

from workstation import measure


def test_ruler_in_mm_at_known_dpi() -> None:
    # 300 px at 300 dpi is one inch
    assert measure.distance_mm((0, 0), (300, 0), dpi=300) == pytest.approx(25.4)
    # 3-4-5 triangle: 500 px at 600 dpi
    assert measure.distance_mm((10, 10), (310, 410), dpi=600) == pytest.approx(500 * 25.4 / 600)


def test_mm_px_round_trip_and_bad_dpi() -> None:
    assert measure.mm_to_px(measure.px_to_mm(123.0, dpi=450), dpi=450) == pytest.approx(123.0)
    assert measure.point_mm((600, 1200), dpi=600) == pytest.approx((25.4, 50.8))
    for bad in (0, -1, float("nan"), None):
        with pytest.raises(ValueError):
            measure.px_to_mm(1, dpi=bad)  # type: ignore[arg-type]


def test_angles() -> None:
    assert measure.angle_deg((10, 0), (0, 0), (0, 10)) == pytest.approx(90)
    assert measure.angle_deg((10, 0), (0, 0), (10, 10)) == pytest.approx(45)
    assert measure.angle_deg((10, 0), (0, 0), (-10, 0)) == pytest.approx(180)
    with pytest.raises(ValueError):
        measure.angle_deg((0, 0), (0, 0), (1, 1))
    assert measure.bearing_deg((0, 0), (0, 5)) == pytest.approx(90)


def test_rect_size_and_format() -> None:
    w, h = measure.rect_size_mm((100, 50), (0, 350), dpi=254)
    assert (w, h) == pytest.approx((10.0, 30.0))
    assert measure.format_mm(3.14159) == "3.14 mm"
    assert measure.format_mm(85.6) == "85.6 mm"
    assert not math.isnan(measure.distance_px((0, 0), (0, 0)))
