"""Print sharpness: a capture's focus is measured on the fixed design and taken out of
``fine_detail`` (issue 17: genuine captures out of focus failed white.match)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from workstation.examination.sharpness import detail_ratio, fine_detail, relative_blur
from workstation.examination.zone_measures import match_measures, print_blur, sharpness_rects
from workstation.types import Expect, Light, Zone, ZoneCheck

PX_MM = 200 / 25.4
SIZE = (240, 400)  # (h, w) px: about 30 x 50 mm


def _page(seed: int = 0) -> np.ndarray:
    """A grey page: text-like dark bars at the top (the fixed design's print) and a
    faint fine guilloche below (the background a ``match`` zone samples)."""
    rng = np.random.default_rng(seed)
    page = np.full(SIZE, 235.0, np.float32)
    for _ in range(60):  # strokes of letters, 0.25-0.5 mm wide
        x, y = int(rng.integers(10, 380)), int(rng.integers(10, 90))
        w = int(rng.integers(2, 5))
        h = int(rng.integers(8, 20))
        page[y:y + h, x:x + w] = 40.0
    yy, xx = np.mgrid[0:SIZE[0], 0:SIZE[1]].astype(np.float32) / PX_MM
    # thin lines (about 0.1 mm) 0.55 mm apart
    wave = np.clip((np.cos(2 * np.pi * (xx + 0.6 * np.sin(yy / 1.7)) / 0.55) - 0.7) / 0.3,
                   0.0, 1.0)
    page[120:] -= 30.0 * wave[120:]
    return page


def _blur(img: np.ndarray, sigma: float) -> np.ndarray:
    out = cv2.GaussianBlur(img, (0, 0), sigma) if sigma > 0 else img
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


TEXT = (1.0, 1.0, 48.0, 12.0)  # mm: the strokes
BACKGROUND = (2.0, 17.0, 40.0, 10.0)  # mm: the guilloche


@pytest.mark.parametrize("sigma", [0.4, 0.8])
def test_relative_blur_recovers_a_captures_defocus(sigma: float) -> None:
    page = _page()
    sharp, soft = _blur(page, 0.3), _blur(page, float(np.hypot(0.3, sigma)))
    b = relative_blur(soft, sharp, [TEXT], px_per_mm=PX_MM)
    assert b == pytest.approx(-sigma, abs=0.15)  # the specimen is the sharper: blur it
    assert relative_blur(sharp, soft, [TEXT], px_per_mm=PX_MM) == pytest.approx(sigma, abs=0.15)


@pytest.mark.parametrize("sigma", [0.0, 0.8])
def test_a_capture_registered_a_little_off_is_read_where_its_print_lies(sigma: float) -> None:
    """Registration leaves a corner of a warped page up to a millimetre off: the
    print's sharpness is read where it lies, not on the flat paper beside the
    specimen's edges (which read as a blur)."""
    page = _page()
    sharp = _blur(page, 0.3)
    off = np.roll(_blur(page, float(np.hypot(0.3, sigma))), (2, 6), axis=(0, 1))
    assert relative_blur(off, sharp, [TEXT], px_per_mm=PX_MM) == pytest.approx(-sigma, abs=0.15)


@pytest.mark.parametrize("jpeg", [None, 80])
def test_a_noisy_or_jpeg_capture_is_not_taken_for_a_sharp_one(jpeg: int | None) -> None:
    """A reader's pixel noise (and its JPEG) lives in the finest band and in the flat
    print; the focus is read above it, on the print's edges (family 2's card front,
    whose only shared print is a solid shield: softer captures read as sharper)."""
    page = _page()
    page[10:90, 250:390] = 90.0  # a solid shield: flat print, where noise shows
    spec = _blur(page, 0.3)
    rng = np.random.default_rng(7)
    soft = cv2.GaussianBlur(page, (0, 0), float(np.hypot(0.3, 0.7)))
    capture = np.clip(np.rint(soft + rng.normal(0.0, 8.0, SIZE)), 0, 255).astype(np.uint8)
    if jpeg is not None:
        ok, buf = cv2.imencode(".jpg", capture, [cv2.IMWRITE_JPEG_QUALITY, jpeg])
        assert ok
        capture = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    # (read in the finest band, over every pixel: -0.45 and -0.47)
    assert relative_blur(capture, spec, [TEXT], px_per_mm=PX_MM) == pytest.approx(-0.7,
                                                                                  abs=0.1)


def test_fine_detail_does_not_move_with_focus_but_its_raw_ratio_does() -> None:
    page = _page()
    spec, capture = _blur(page, 0.3), _blur(page, float(np.hypot(0.3, 0.8)))
    r0, r1, c0, c1 = (round(v * PX_MM) for v in (17.0, 27.0, 2.0, 42.0))
    q, s = capture[r0:r1, c0:c1], spec[r0:r1, c0:c1]
    raw = detail_ratio(q) / detail_ratio(s)
    assert raw < 0.75  # what focus alone did to the unnormalised measure
    b = relative_blur(capture, spec, [TEXT], px_per_mm=PX_MM)
    assert fine_detail(q, s, blur_px=b) == pytest.approx(1.0, abs=0.1)


def test_toner_dots_still_move_fine_detail_at_equal_sharpness() -> None:
    page = _page()
    spec = _blur(page, 0.3)
    # a reprint: the same page, a little softer, with the background's tint laid down
    # as a screen of toner dots
    rng = np.random.default_rng(4)
    dots = (rng.random(SIZE) < 0.25).astype(np.float32) * 40.0
    reprint = page.copy()
    reprint[120:] -= dots[120:]
    capture = _blur(reprint, 0.6)
    b = relative_blur(capture, spec, [TEXT], px_per_mm=PX_MM)
    r0, r1, c0, c1 = (round(v * PX_MM) for v in (17.0, 27.0, 2.0, 42.0))
    m = match_measures(capture[r0:r1, c0:c1], spec[r0:r1, c0:c1], px_per_mm=PX_MM, blur_px=b)
    assert abs(np.log(m["fine_detail"])) > np.log(1.3)


def test_too_little_shared_print_means_no_correction() -> None:
    blank = np.full(SIZE, 230, np.uint8)
    assert relative_blur(blank, blank, [TEXT], px_per_mm=PX_MM) == 0.0
    assert relative_blur(blank, blank, [], px_per_mm=PX_MM) == 0.0


def test_unseen_rectangles_are_left_out() -> None:
    page = _page()
    sharp, soft = _blur(page, 0.3), _blur(page, 1.0)
    valid = np.ones(SIZE, bool)
    valid[:, :40] = False  # the capture does not show the text's left end
    assert relative_blur(soft, sharp, [TEXT], px_per_mm=PX_MM, valid=valid) == 0.0
    with pytest.raises(ValueError):
        relative_blur(soft[:100], sharp, [TEXT], px_per_mm=PX_MM)


def test_print_blur_measures_on_the_fixed_design_only() -> None:
    page = _page()
    sharp, soft = _blur(page, 0.3), _blur(page, float(np.hypot(0.3, 0.6)))
    zones = [
        Zone("text", TEXT, checks=(ZoneCheck(Light.IR, Expect.INVISIBLE),)),
        Zone("name", (1.0, 1.0, 20.0, 6.0), varies="holder",
             checks=(ZoneCheck(Light.IR, Expect.VISIBLE),)),
        Zone("background", BACKGROUND, checks=(ZoneCheck(Light.WHITE, Expect.MATCH),)),
        Zone("blank", (44.0, 17.0, 5.0, 10.0), role="blank",
             checks=(ZoneCheck(Light.UV, Expect.DULL),)),
    ]
    assert sharpness_rects(zones) == [TEXT]
    b = print_blur({Light.WHITE: soft}, {Light.WHITE: sharp}, zones, work_dpi=200.0)
    assert b == pytest.approx(-0.6, abs=0.15)
    assert print_blur({Light.IR: soft}, {Light.WHITE: sharp}, zones, work_dpi=200.0) == 0.0
