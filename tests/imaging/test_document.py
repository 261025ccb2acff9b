"""Finding the page on the platen: any position, turned up to ±10°, dark or light platen."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from workstation.imaging.document import find_document, normalize, order_corners


def _page(h: int = 520, w: int = 740) -> np.ndarray:
    """A paper-coloured page with print on it."""
    rng = np.random.default_rng(1)
    page = np.empty((h, w, 3), np.uint8)
    page[:] = (236, 231, 220)
    for _ in range(40):
        x, y = int(rng.integers(20, w - 200)), int(rng.integers(30, h - 20))
        cv2.putText(page, "UTOPIA 1234", (x, y), cv2.FONT_HERSHEY_SIMPLEX, 0.8,
                    (40, 40, 60), 2)
    cv2.rectangle(page, (30, 100), (200, 330), (120, 100, 90), -1)
    return page


def _place(page: np.ndarray, angle: float, shift: tuple[int, int], platen: int,
           size: tuple[int, int] = (900, 1200)) -> tuple[np.ndarray, np.ndarray]:
    h, w = page.shape[:2]
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    mat[:, 2] += shift
    out = np.full((*size, 3), platen, np.uint8)
    warped = cv2.warpAffine(page, mat, size[::-1], flags=cv2.INTER_LINEAR)
    mask = cv2.warpAffine(np.full((h, w), 255, np.uint8), mat, size[::-1]) > 127
    out[mask] = warped[mask]
    noise = np.random.default_rng(2).normal(0, 2.0, out.shape)
    out = np.clip(out + noise, 0, 255).astype(np.uint8)
    corners = cv2.transform(np.array([[[0, 0], [w, 0], [w, h], [0, h]]], np.float64), mat)[0]
    return out, corners


@pytest.mark.parametrize("angle", [-10.0, -4.5, 0.0, 3.0, 10.0])
@pytest.mark.parametrize("platen", [15, 60])
def test_page_found_on_dark_platen(angle: float, platen: int) -> None:
    img, truth = _place(_page(), angle, (200, 160), platen)
    quad = find_document(img)
    assert quad and not quad.cropped
    assert np.abs(quad.corners - truth).max() < 4.0
    assert quad.angle_deg == pytest.approx(-angle, abs=0.5)


def test_page_found_on_light_platen() -> None:
    page = _page()
    page[:] = np.clip(page.astype(int) - 25, 0, 255).astype(np.uint8)  # page darker than platen
    img, truth = _place(page, 7.0, (120, 250), 250)
    quad = find_document(img)
    assert quad
    assert np.abs(quad.corners - truth).max() < 4.0


def test_cropped_image_is_recognised() -> None:
    page = _page()
    quad = find_document(page)
    assert quad and quad.cropped
    assert quad.corners.tolist() == [[0, 0], [740, 0], [740, 520], [0, 520]]


@pytest.mark.parametrize("what", ["black", "white", "empty platen"])
def test_no_page(what: str) -> None:
    if what == "black":
        img = np.zeros((600, 800, 3), np.uint8)
    elif what == "white":
        img = np.full((600, 800), 255, np.uint8)
    else:
        rng = np.random.default_rng(0)
        img = np.clip(20 + rng.normal(0, 2, (600, 800, 3)), 0, 255).astype(np.uint8)
    quad = find_document(img)
    assert not quad
    assert "blank" in quad.reason or "no document" in quad.reason
    with pytest.raises(ValueError, match="no page"):
        normalize({"white": img}, quad)


def test_normalize_straightens_every_light() -> None:
    page = _page()
    img, _ = _place(page, -6.0, (200, 160), 15)
    grey = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    quad = find_document(img)
    norm = normalize({"white": img, "ir": grey}, quad)
    h, w = norm.size
    assert abs(w - 740) <= 3 and abs(h - 520) <= 3
    assert norm.images["ir"].shape == (h, w)
    # The straightened page matches the original page.
    back = cv2.resize(norm.images["white"], (740, 520))
    diff = np.abs(back.astype(int) - page.astype(int))
    assert float(np.median(diff)) < 6


def test_bad_input() -> None:
    with pytest.raises(ValueError):
        find_document(np.zeros((8, 8), np.uint8))
    with pytest.raises(ValueError):
        find_document(np.zeros((100, 100), np.float32))  # type: ignore[arg-type]


def test_order_corners() -> None:
    pts = [[10, 90], [100, 100], [0, 0], [110, 5]]
    assert order_corners(pts).tolist() == [[0, 0], [110, 5], [100, 100], [10, 90]]


def test_simulated_capture() -> None:
    from workstation.hardware.simulated import SimulatedReader
    from workstation.types import Light

    for seed in (11, 12):
        reader = SimulatedReader(document="UTO-ID-2021", seed=seed)
        cap = reader.capture_all()
        reader.close()
        truth = np.array(cap.metadata["simulation"]["placement"]["corners_px"], float)
        quad = find_document(cap.images[Light.WHITE])
        assert quad
        assert np.abs(quad.corners - truth).max() < 5.0


def test_straight_sides_agree_on_the_page_angle() -> None:
    from workstation.imaging.page_edges import edges_angle, side_angle

    # a page turned so its top edge rises 2.4° to the right (y down): every side says so
    t = np.radians(-2.4)
    along, down = np.array([np.cos(t), np.sin(t)]), np.array([-np.sin(t), np.cos(t)])
    for side, d in (("top", along), ("bottom", -along), ("left", down), ("right", -down)):
        assert side_angle(d, side) == pytest.approx(-2.4, abs=1e-6)
    # two sides agree, a third was fitted to print at the print's angle: the two win
    assert edges_angle([(0.3, 1.3), (-2.43, 0.16), (-2.16, 0.03)]) == pytest.approx(-2.295)
    assert edges_angle([(0.3, 1.0), (-2.4, 0.2)]) is None  # no two agree
    assert edges_angle([]) is None
