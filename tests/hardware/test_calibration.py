"""Rig calibration maths: dark frame, flat field, dpi from a ruler and from a document."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from workstation.errors import FormatError
from workstation.hardware.calibration import (
    LightCalibration,
    RigCalibration,
    average_frames,
    correct,
    dpi_from_document,
    dpi_from_ruler,
    flat_gain,
)
from workstation.types import Light


def ruler(dpi: float, *, length_mm: float = 80.0, vertical: bool = False,
          angle_deg: float = 0.0) -> np.ndarray:
    """A printed ruler photographed at ``dpi``: 1 mm ticks, longer every 5 and 10 mm."""
    scale = 4
    ppm = dpi / 25.4 * scale
    w = int((length_mm + 10) * ppm)
    h = int(20 * ppm)
    img = np.full((h, w), 235, dtype=np.uint8)
    for i in range(int(length_mm) + 1):
        x = round(5 * ppm + i * ppm)
        tick = 8 if i % 10 == 0 else 5 if i % 5 == 0 else 3
        cv2.rectangle(img, (x, 0), (x + max(1, int(0.15 * ppm)), int(tick * ppm)), 20, -1)
    small = cv2.resize(img, (w // scale, h // scale), interpolation=cv2.INTER_AREA)
    if angle_deg:
        m = cv2.getRotationMatrix2D((small.shape[1] / 2, small.shape[0] / 2), angle_deg, 1.0)
        small = cv2.warpAffine(small, m, (small.shape[1], small.shape[0]),
                               borderValue=(235,))
    rgb = np.repeat(small[:, :, None], 3, axis=2)
    return np.ascontiguousarray(rgb.transpose(1, 0, 2)) if vertical else rgb


@pytest.mark.parametrize("dpi", [150.0, 300.0, 600.0])
def test_dpi_from_a_ruler(dpi: float) -> None:
    assert dpi_from_ruler(ruler(dpi)) == pytest.approx(dpi, rel=0.01)


def test_dpi_from_a_vertical_slightly_turned_ruler() -> None:
    assert dpi_from_ruler(ruler(300.0, vertical=True)) == pytest.approx(300.0, rel=0.01)
    assert dpi_from_ruler(ruler(300.0, angle_deg=2.0)) == pytest.approx(300.0, rel=0.02)


def test_no_ruler_gives_zero() -> None:
    rng = np.random.default_rng(1)
    noise = rng.integers(100, 140, size=(200, 300, 3), dtype=np.uint8)
    assert dpi_from_ruler(noise) == 0.0
    assert dpi_from_ruler(np.full((100, 100), 128, np.uint8)) == 0.0
    with pytest.raises(ValueError):
        dpi_from_ruler(noise, tick_mm=0)
    with pytest.raises(ValueError):
        dpi_from_ruler(np.zeros((10, 10), np.float32))  # type: ignore[arg-type]


def card_on_platen(dpi: float, size_mm: tuple[float, float], angle: float = 5.0) -> np.ndarray:
    ppm = dpi / 25.4
    w, h = size_mm[0] * ppm, size_mm[1] * ppm
    img = np.full((int(h * 1.8), int(w * 1.6), 3), 30, dtype=np.uint8)
    centre = (img.shape[1] / 2, img.shape[0] / 2)
    box = cv2.boxPoints((centre, (w, h), angle)).astype(np.int32)
    cv2.fillPoly(img, [box], (225, 220, 210))
    return img


@pytest.mark.parametrize("dpi", [200.0, 400.0])
def test_dpi_from_a_document_of_known_size(dpi: float) -> None:
    img = card_on_platen(dpi, (85.6, 54.0))
    assert dpi_from_document(img, size_mm=(85.6, 54.0)) == pytest.approx(dpi, rel=0.015)


def test_document_of_other_proportions_gives_zero() -> None:
    img = card_on_platen(300.0, (125.0, 88.0))
    assert dpi_from_document(img, size_mm=(85.6, 54.0)) == 0.0
    assert dpi_from_document(np.full((50, 50, 3), 128, np.uint8), size_mm=(10, 10)) == 0.0


def test_flat_field_evens_out_uneven_light() -> None:
    h, w = 90, 120
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    falloff = 1.0 - 0.2 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 4
    dark = np.full((h, w, 3), 8.0, dtype=np.float32)
    card = (dark + 200.0 * falloff[:, :, None]).clip(0, 255)
    gain = flat_gain(card, dark=dark, smooth_fraction=0.0)
    scene = (dark + 120.0 * falloff[:, :, None]).astype(np.uint8)
    flat = correct(scene, dark=dark, gain=gain)
    raw_spread = float(scene[:, :, 0].max()) - float(scene[:, :, 0].min())
    flat_spread = float(flat[:, :, 0].max()) - float(flat[:, :, 0].min())
    assert raw_spread > 40
    assert flat_spread <= 3
    with pytest.raises(ValueError, match="black"):
        flat_gain(dark.copy(), dark=dark)


def test_average_and_correct_validate_shapes() -> None:
    frames = [np.full((4, 5), v, np.uint8) for v in (10, 20, 30)]
    assert np.allclose(average_frames(frames), 20.0)
    with pytest.raises(ValueError):
        average_frames([])
    with pytest.raises(ValueError):
        average_frames([np.zeros((4, 5), np.uint8), np.zeros((5, 4), np.uint8)])
    with pytest.raises(ValueError):
        correct(np.zeros((4, 5), np.uint8), dark=np.zeros((5, 4), np.float32))
    img = np.full((4, 5), 50, np.uint8)
    assert correct(img) is img
    assert (correct(img, dark=np.full((4, 5), 60.0, np.float32)) == 0).all()


def test_calibration_round_trip(tmp_path: Path) -> None:
    cal = RigCalibration(dpi=312.5, dpi_method="ruler")
    cal.lights[Light.UV] = LightCalibration(dark=np.full((6, 8, 3), 4.5, np.float32),
                                            gain=np.full((6, 8, 3), 1.25, np.float32))
    cal.lights[Light.WHITE] = LightCalibration(dark=np.full((6, 8, 3), 2.0, np.float32))
    cal.save(tmp_path / "rig")
    back = RigCalibration.load(tmp_path / "rig")
    assert back.dpi == 312.5 and back.dpi_method == "ruler"
    assert back.lights[Light.UV].gain is not None
    assert np.array_equal(back.lights[Light.UV].gain, cal.lights[Light.UV].gain)
    assert back.lights[Light.WHITE].gain is None
    img = np.full((6, 8, 3), 100, np.uint8)
    assert (back.apply(Light.UV, img) == 119).all()  # (100 - 4.5) * 1.25 = 119.4
    assert back.apply(Light.IR, img) is img
    assert RigCalibration.load(tmp_path / "none").lights == {}
    (tmp_path / "rig" / "calibration.json").write_text("{}")
    with pytest.raises(FormatError):
        RigCalibration.load(tmp_path / "rig")


@pytest.mark.parametrize("dpi", [100.0, 450.0, 1200.0])
def test_dpi_from_a_ruler_lying_somewhere_on_a_noisy_platen(dpi: float) -> None:
    rng = np.random.default_rng(int(dpi))
    r = ruler(dpi, length_mm=60)
    platen = np.full((r.shape[0] * 3, r.shape[1] + 200, 3), 200, np.uint8)
    platen[r.shape[0]:2 * r.shape[0], 100:100 + r.shape[1]] = r
    noisy = np.clip(platen + rng.normal(0, 6, platen.shape), 0, 255).astype(np.uint8)
    assert dpi_from_ruler(noisy) == pytest.approx(dpi, rel=0.01)
