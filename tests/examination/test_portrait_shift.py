"""pattern_shift: a print pass crossing the portrait sits in one place; a portrait cut
out of another sheet carries that sheet's pass, laid elsewhere."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.examination.portrait_shift import pattern_shift, portrait_crossings
from workstation.types import Expect, Light, Zone, ZoneCheck

PX_MM = 200 / 25.4
SIZE = (60.0, 40.0)  # mm
PORTRAIT = (5.0, 5.0, 20.0, 28.0)
INSIDE = (14.0, 20.0, 9.0, 10.0)
OUTSIDE = (30.0, 20.0, 12.0, 10.0)


def _pattern(shift_inside_mm: tuple[float, float] = (0.0, 0.0), *, waves: bool = True,
             seed: int = 0, pass_mm: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """A UV page: wavy luminescent lines across the whole page (one pass, displaced by
    ``pass_mm``), the portrait's area darkened by a holder's photo; inside the portrait
    the pass may sit elsewhere."""
    h, w = round(SIZE[1] * PX_MM), round(SIZE[0] * PX_MM)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64) / PX_MM

    def lines(dx: float, dy: float) -> np.ndarray:
        x, y = xx - dx - pass_mm[0], yy - dy - pass_mm[1]
        wob = 0.6 * np.sin(2 * np.pi * x / 7.0) if waves else 0.0
        return 0.5 + 0.5 * np.cos(2 * np.pi * (y + wob) / 1.1)

    img = lines(0.0, 0.0)
    x, y, pw, ph = PORTRAIT
    inside = (xx >= x) & (xx < x + pw) & (yy >= y) & (yy < y + ph)
    img = np.where(inside, lines(*shift_inside_mm), img)
    rng = np.random.default_rng(seed)
    photo = 1.0 - 0.5 * np.clip(rng.normal(0.5, 0.2, size=(8, 6)), 0, 1)
    import cv2

    photo_full = cv2.resize(photo, (w, h), interpolation=cv2.INTER_CUBIC)
    img = np.where(inside, img * photo_full, img)
    img = img * 180 + 30 + rng.normal(0, 3, size=img.shape)
    grey = np.clip(img, 0, 255).astype(np.uint8)
    return np.dstack([grey // 3, grey, grey // 2])


def test_the_same_pass_has_no_shift_and_a_cut_in_piece_has() -> None:
    spec = _pattern(seed=1)
    genuine = pattern_shift(_pattern(seed=2), spec, INSIDE, OUTSIDE, px_per_mm=PX_MM)
    assert genuine["pattern_shift"] < 0.03
    for d in ((0.0, 0.2), (0.15, -0.15)):
        forged = pattern_shift(_pattern(d, seed=3), spec, INSIDE, OUTSIDE, px_per_mm=PX_MM)
        assert forged["pattern_shift"] > 0.1, d
    # along the waves the pattern fixes a position less sharply: it counts for less
    along = pattern_shift(_pattern((0.4, 0.0), seed=3), spec, INSIDE, OUTSIDE, px_per_mm=PX_MM)
    assert along["pattern_shift"] > max(0.05, 3 * genuine["pattern_shift"])


def test_a_pass_displaced_beyond_a_pieces_reach_is_measured_about_its_place() -> None:
    """A whole pass a millimetre and more off (the sheet's print registration and what
    registration leaves) is found first; each part is measured about it, not at the
    edge of a part's own search nor one line over."""
    spec = _pattern(seed=1)
    for moved in ((1.3, 0.3), (-0.9, 0.95)):
        genuine = pattern_shift(_pattern(seed=2, pass_mm=moved), spec, INSIDE, OUTSIDE,
                                px_per_mm=PX_MM)
        assert genuine["pattern_shift"] < 0.05, moved
        forged = pattern_shift(_pattern((0.0, 0.25), seed=3, pass_mm=moved), spec, INSIDE,
                               OUTSIDE, px_per_mm=PX_MM)
        assert forged["pattern_dy"] == pytest.approx(0.25, abs=0.06), moved


def test_the_components_give_the_direction_of_the_shift() -> None:
    spec = _pattern(seed=1)
    right = pattern_shift(_pattern((0.0, 0.25), seed=3), spec, INSIDE, OUTSIDE,
                          px_per_mm=PX_MM)
    assert right["pattern_dy"] == pytest.approx(0.25, abs=0.05)
    assert abs(right["pattern_dx"]) < 0.05
    assert right["pattern_shift"] == pytest.approx(np.hypot(right["pattern_dx"],
                                                            right["pattern_dy"]))
    # the strips beside the portrait measured together, as one rectangle
    strips = [(30.0, 20.0, 12.0, 4.0), (30.0, 26.0, 12.0, 4.0)]
    split = pattern_shift(_pattern((0.0, 0.25), seed=3), spec, INSIDE, strips,
                          px_per_mm=PX_MM)
    assert split["pattern_dx"] == pytest.approx(right["pattern_dx"], abs=0.05)
    assert split["pattern_dy"] == pytest.approx(right["pattern_dy"], abs=0.05)


def test_a_shift_along_straight_lines_is_not_claimed() -> None:
    """Straight lines do not fix a position along themselves: a shift along them counts
    only by the little the correlation says about it."""
    spec = _pattern(waves=False, seed=1)
    along = pattern_shift(_pattern((0.3, 0.0), waves=False, seed=2), spec, INSIDE, OUTSIDE,
                          px_per_mm=PX_MM)
    across = pattern_shift(_pattern((0.0, 0.3), waves=False, seed=2), spec, INSIDE, OUTSIDE,
                           px_per_mm=PX_MM)
    assert along.get("pattern_shift", 0.0) < 0.1 < across["pattern_shift"]


def test_no_measure_without_the_pattern_or_out_of_the_image() -> None:
    spec = _pattern(seed=1)
    blank = np.full_like(spec, 120)
    assert pattern_shift(blank, spec, INSIDE, OUTSIDE, px_per_mm=PX_MM) == {}
    assert pattern_shift(spec, spec, (55.0, 20.0, 8.0, 8.0), OUTSIDE, px_per_mm=PX_MM) == {}
    with pytest.raises(ValueError):
        pattern_shift(spec[:10], spec, INSIDE, OUTSIDE, px_per_mm=PX_MM)


def test_crossings_are_fixed_uv_zones_straddling_the_portrait() -> None:
    portrait = Zone("portrait", PORTRAIT, role="portrait", varies="holder")
    lum = (ZoneCheck(Light.UV, Expect.LUMINESCENT),)
    across = Zone("uv-waves", (14.0, 18.0, 30.0, 14.0), checks=lum)
    away = Zone("uv-star", (40.0, 2.0, 10.0, 10.0), checks=lum)
    ghost = Zone("ghost", (46.0, 2.0, 8.0, 8.0), checks=lum, varies="holder")
    field = Zone("field-number", (36.0, 26.0, 20.0, 3.0), role="field:document_number",
                 varies="holder")
    found = portrait_crossings(portrait, [portrait, across, away, ghost, field])
    assert [z.id for z, _i, _o in found] == ["uv-waves"]
    _z, inside, outside = found[0]
    assert inside == pytest.approx((14.0, 18.0, 9.5, 13.5))
    # outside: beside the portrait and its seam, and clear of the holder's data
    assert outside
    for x, y, w, h in outside:
        assert x >= PORTRAIT[0] + PORTRAIT[2] + 2.5
        assert y + h <= 26.0 - 0.5 or x + w <= 36.0 - 0.5 or y >= 29.0 + 0.5
        assert min(w, h) >= 1.2
    # the pattern between the holder's data lines counts too: a strip below the field
    assert any(y >= 29.5 for _x, y, _w, _h in outside)
    # a holder's print over the whole strip leaves nothing to measure beside the portrait
    cover = Zone("signature", (25.0, 16.0, 20.0, 18.0), role="signature", varies="holder")
    assert portrait_crossings(portrait, [portrait, across, cover]) == []
