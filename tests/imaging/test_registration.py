"""Registering a straightened page onto a reference of the same page."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from workstation.imaging.registration import prepare_reference, register


def _reference() -> np.ndarray:
    rng = np.random.default_rng(3)
    img = np.full((700, 1000, 3), 235, np.uint8)
    for _ in range(60):
        x, y = int(rng.integers(10, 800)), int(rng.integers(30, 690))
        cv2.putText(img, "AB12 XY", (x, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (30, 30, 30), 2)
    for _ in range(15):
        c = (int(rng.integers(0, 1000)), int(rng.integers(0, 700)))
        cv2.circle(img, c, int(rng.integers(10, 60)), (90, 60, 140), 3)
    cv2.rectangle(img, (40, 150), (260, 450), (110, 90, 80), -1)
    return img


def _moved(ref: np.ndarray, angle: float, shift: tuple[float, float],
           scale: float) -> tuple[np.ndarray, np.ndarray]:
    h, w = ref.shape[:2]
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
    mat[:, 2] += shift
    out_size = (round(w * scale), round(h * scale))
    mat[:, 2] += ((out_size[0] - w) / 2, (out_size[1] - h) / 2)
    moved = cv2.warpAffine(ref, mat, out_size, borderMode=cv2.BORDER_REPLICATE)
    full = np.vstack([mat, [0, 0, 1]])
    return moved, np.linalg.inv(full)  # moved px -> reference px


@pytest.mark.parametrize("angle, shift, scale", [
    (0.0, (0.0, 0.0), 1.0), (0.8, (6.0, -4.0), 1.0), (-1.2, (-9.0, 5.0), 0.7),
    (0.5, (3.0, 3.0), 1.4), (3.0, (45.0, -30.0), 1.0)])
def test_recovers_small_misalignment(angle: float, shift: tuple[float, float],
                                     scale: float) -> None:
    ref = _reference()
    moved, truth = _moved(ref, angle, shift, scale)
    reg = register(moved, prepare_reference(ref))
    assert reg
    pts = np.array([[[100, 100], [900, 120], [500, 600]]], np.float64)
    got = cv2.perspectiveTransform(pts, reg.homography)[0]
    want = cv2.perspectiveTransform(pts, truth)[0]
    assert np.abs(got - want).max() < 3.0
    assert reg.quality > 0.6
    if abs(shift[0]) > 20:
        assert reg.method.startswith("features")  # too far off for refinement alone


def test_unrelated_image_fails_with_a_reason() -> None:
    ref = _reference()
    rng = np.random.default_rng(9)
    other = np.full((700, 1000), 200, np.uint8)
    for _ in range(30):
        cv2.line(other, tuple(int(v) for v in rng.integers(0, 700, 2)),
                 tuple(int(v) for v in rng.integers(0, 700, 2)), 20, 4)
    reg = register(other, ref)
    assert not reg
    assert "does not align" in reg.reason
    assert reg.quality < 0.15


def test_bad_input() -> None:
    with pytest.raises(ValueError):
        register(np.zeros((10, 10), np.uint8), _reference())
    with pytest.raises(ValueError):
        prepare_reference(np.zeros((100, 100), np.float64))  # type: ignore[arg-type]
