"""The page finder on documents this project did not draw with its own renderer:
family-2 captures on dark, light (some glowing under UV), textured and coloured
platens, turned up to ±10°, partly outside the image or cropped by the reader."""

from __future__ import annotations

import numpy as np
import pytest

from tests.family2.conftest import genuine
from workstation.imaging.document import find_document, find_page

pytestmark = pytest.mark.slow  # every test renders family-2 captures at 300 dpi (seconds each)

PX_PER_MM = 300 / 25.4


def _error_mm(quad, truth) -> float:  # type: ignore[no-untyped-def]
    return float(np.max(np.linalg.norm(quad.corners - np.asarray(truth["corners_px"]),
                                       axis=1))) / PX_PER_MM


@pytest.mark.parametrize(("face", "seed", "platen"), [
    ("NRV-P-2018", 100, "dark"), ("NRV-P-2018", 102, "textured"),
    ("NRV-P-2018", 103, "blue"), ("NRV-ID-2019-F", 114, "light"),
    ("NRV-ID-2019-B", 111, "blue"), ("NRV-ID-2019-F", 103, "dark"),
    # a card on a light platen of its own colour: the white outline stops at the print
    # on two sides (right 25 mm short, top 1.5 mm), so no side completes it; the page of
    # the card's size fitted to its faint edges holds that outline and wins (was 22.6 mm)
    ("NRV-ID-2019-F", 341, "light"),
])
@pytest.mark.slow
def test_page_found_within_a_millimetre_and_a_half(face: str, seed: int, platen: str) -> None:
    cap = genuine(face, seed, platen)
    quad = find_page({k.value: v for k, v in cap.capture.images.items()}, dpi=300)
    assert quad and not quad.cropped
    assert _error_mm(quad, cap.truth) < 1.5


def test_a_lid_that_glows_under_uv_shows_the_page_there() -> None:
    # seed 101: a light lid nearly the card's colour, with optical brighteners
    cap = genuine("NRV-ID-2019-F", 101, "light")
    assert cap.truth["conditions"]["platen_glows"]
    images = {k.value: v for k, v in cap.capture.images.items()}
    quad = find_page(images, dpi=300)
    assert quad and quad.light == "uv"
    assert _error_mm(quad, cap.truth) < 1.5


@pytest.mark.slow
def test_page_partly_outside_is_completed_from_its_size() -> None:
    cap = genuine("NRV-P-2018", 112, "dark", outside=True, cropped=True)
    assert cap.truth["page_visible_fraction"] < 1.0
    white = cap.capture.images["white"]
    without = find_document(white)
    assert without and without.outside and not without.note
    quad = find_document(white, dpi=300)
    assert quad.outside and "125 mm" in quad.note
    assert _error_mm(quad, cap.truth) < 2.5
    assert _error_mm(quad, cap.truth) < _error_mm(without, cap.truth)


def test_a_turned_page_cut_across_is_completed_square() -> None:
    # The bench's passport of seed 1003, turned 2.8°, with the image ending a fifth of
    # the page's height above its bottom edge (both bottom corners beyond the image).
    # The cut side lies along the image's border, across the page at the turn: set from
    # each side's own length it is square to the page (0.84 mm off at a corner when both
    # its ends were moved by one length).
    cap = genuine("NRV-P-2018", 1003, outside=True, cropped=True)
    corners = np.asarray(cap.truth["corners_px"], float)
    y0, y1 = corners[:, 1].min(), corners[:, 1].max()
    white = cap.capture.images["white"][: int(y1 - 0.2 * (y1 - y0))]
    quad = find_document(white, dpi=300)
    assert quad.outside == ("bottom",) and "88 mm side" in quad.note
    assert _error_mm(quad, cap.truth) < 0.5


def test_image_cropped_by_the_reader_is_taken_whole() -> None:
    cap = genuine("NRV-ID-2019-B", 125, None, outside=True, cropped=True)
    assert cap.truth["conditions"]["cropped"]
    quad = find_page({k.value: v for k, v in cap.capture.images.items()}, dpi=300)
    assert quad
    assert _error_mm(quad, cap.truth) < 2.0


def test_page_not_found_says_why() -> None:
    cap = genuine("NRV-P-2018", 100, "dark")
    platen = cap.capture.images["white"].copy()
    platen[:] = np.median(platen[:20, :20].reshape(-1, 3), axis=0).astype(np.uint8)
    quad = find_document(platen)
    assert not quad and "blank" in quad.reason


def test_a_capture_cropped_to_the_page_is_its_own_page() -> None:
    """A capture cropped to the page (white: no platen) keeps the whole image as the page:
    what IR outlines inside it (the portrait, dark in IR) is no page of any document size."""
    from workstation.hardware.simulate_cli import simulate_capture

    cap = simulate_capture("UTO-P-2020", forgery=None, seed=8, dpi=200.0, cropped=True)
    images = {light.value: img for light, img in cap.images.items()}
    h, w = images["white"].shape[:2]
    # Under IR only the portrait stands out (the page's other IR-dark print -- ghost,
    # perforation, seal -- painted over with the paper's IR level): the IR image alone
    # then outlines something much smaller than the page.
    ir_img = images["ir"].copy()
    k = 200.0 / 25.4
    x, y, pw, ph = (round(v * k) for v in (5.0, 22.0, 32.0, 40.0))  # the portrait zone
    paper = int(np.median(ir_img[h // 2 - 20:h // 2 + 20, w // 2 - 20:w // 2 + 20]))
    portrait = ir_img[y:y + ph, x:x + pw].copy()
    inner = ir_img[4:-4, 4:-4]
    inner[:] = paper
    ir_img[y:y + ph, x:x + pw] = portrait
    images["ir"] = ir_img
    ir = find_document(ir_img, dpi=200.0)
    assert ir and not ir.cropped and ir.size_px[0] * ir.size_px[1] < 0.3 * w * h
    quad = find_page(images, dpi=200.0)
    assert quad.cropped and quad.light == "white"
    np.testing.assert_allclose(quad.corners, [[0, 0], [w, 0], [w, h], [0, h]])


def test_a_side_stopped_at_the_print_is_completed_to_the_documents_size() -> None:
    # seed 305: a card on a light platen of its own colour; the white image's outline
    # stops at the print above the card's blank lower edge (about 5 mm short with the
    # family's ICAO-framed portraits), more than the 1.5 mm the completion must reach
    from workstation.imaging.document import complete_to_size

    cap = genuine("NRV-ID-2019-F", 305, "light")
    white = cap.capture.images["white"]
    short = find_document(white, dpi=300)
    assert short and _error_mm(short, cap.truth) > 3
    done = complete_to_size(short, white, dpi=300)
    assert "one side completed" in done.note
    assert _error_mm(done, cap.truth) < 1.5
    assert complete_to_size(done, white, dpi=300) is done  # a page of its size stays
    quad = find_page({k.value: v for k, v in cap.capture.images.items()}, dpi=300)
    assert _error_mm(quad, cap.truth) < 1.5


#: Captures of the bench (``bench.examine --family2``: its seeds and platens, pages partly
#: outside the image or cropped by the reader) whose page was not found within 1.5 mm,
#: and why: ``(face, seed, platen, expected note or light)``.
BENCH_MISSES = [
    # the page 0.2 % outside the image on a light platen: every light calls the image
    # "cropped to the page"; the known-size fit refused a page not wholly inside (91.8 mm)
    # and followed the print's rotation, 5 deg off (the edges now turn it)
    ("NRV-ID-2019-B", 1105, "light", "fitted to its faint edges"),
    # the white outline has 4 sides but is 7 mm short of any size; UV's 3 sides have the
    # passport's size (4 sides won: 7.4 mm)
    ("NRV-P-2018", 1105, "light", "uv"),
    # a reader's crop with a thin platen margin: no position 2 mm away to contrast the
    # known-size fit with (1.7 and 1.6 mm: the image's corners)
    ("NRV-P-2018", 1104, "dark", "fitted to its faint edges"),
    ("NRV-ID-2019-F", 1104, "dark", "fitted to its faint edges"),
    # bench.authoring's seed 3001: the page's left edge 6.3 mm beyond the image; white
    # outlines an inner box of no document size (no MRZ in it), the fit holds it
    ("NRV-P-2018", 3001, "light", "has no document size"),
    ("NRV-ID-2019-B", 3001, "light", "fitted to its faint edges"),
    # a card turned 9 deg, its right side beyond the image: the cut side, placed where
    # the page region met the border, lay 1.8 mm beyond the card's width (1.56 mm off)
    ("NRV-ID-2019-B", 1308, "dark", "drawn back"),
]


@pytest.mark.parametrize(("face", "seed", "platen", "how"), BENCH_MISSES)
def test_bench_pages_found(face: str, seed: int, platen: str, how: str) -> None:
    cap = genuine(face, seed, platen, outside=True, cropped=True)
    quad = find_page({k.value: v for k, v in cap.capture.images.items()}, dpi=300)
    assert quad and not quad.cropped
    assert how == quad.light or how in quad.note
    assert _error_mm(quad, cap.truth) < 1.5


@pytest.mark.parametrize(("face", "seed"), [("NRV-P-2018", 1110), ("NRV-ID-2019-B", 1110)])
def test_page_on_a_textured_platen_partly_outside(face: str, seed: int) -> None:
    # about 3.5 % of the page beyond the image on a textured platen: the known-size fit,
    # held wholly inside the image, landed 7.5 and 5.6 mm off
    cap = genuine(face, seed, "textured", outside=True, cropped=True)
    assert cap.truth["page_visible_fraction"] < 0.98
    quad = find_page({k.value: v for k, v in cap.capture.images.items()}, dpi=300)
    assert quad and not quad.cropped
    assert _error_mm(quad, cap.truth) < 1.5


@pytest.mark.parametrize("face", ["NRV-P-2018", "NRV-ID-2019-B"])
def test_a_reader_crop_with_a_thin_margin_keeps_the_page_inside(face: str) -> None:
    # seed 2006: the reader cropped the page with about 1 mm of a light, glowing platen
    # around it; every light calls the image "cropped", and the known-size fit put a side
    # beyond the image's top (where the image shows the page's edge 1 mm in) and stopped
    # the page at the MRZ's last line: 7.6 and 3.7 mm off
    cap = genuine(face, 2006, outside=True, cropped=True)
    assert cap.truth["conditions"]["cropped"] and cap.truth["page_visible_fraction"] == 1.0
    quad = find_page({k.value: v for k, v in cap.capture.images.items()}, dpi=300)
    assert quad and not quad.cropped and "fitted to its faint edges" in quad.note
    h, w = cap.capture.images["white"].shape[:2]
    assert quad.corners.min() >= 0 and quad.corners[:, 0].max() <= w
    assert quad.corners[:, 1].max() <= h
    assert _error_mm(quad, cap.truth) < 1.5
