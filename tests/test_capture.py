"""Capture folders (formats.md §2): round trip and every malformed case."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from workstation.capture import load_capture, save_capture
from workstation.errors import FormatError
from workstation.imageio import read_image, write_image
from workstation.types import CaptureSet, Light


def _capture() -> CaptureSet:
    rng = np.random.default_rng(1)
    white = rng.integers(0, 255, (40, 60, 3), dtype=np.uint8)
    ir = rng.integers(0, 255, (40, 60), dtype=np.uint8)
    return CaptureSet(
        images={Light.WHITE: white, Light.IR: ir, Light.UV: white[::-1].copy()},
        dpi=300.0, device="test reader #1",
        captured_at=dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC),
        metadata={"simulation": {"forgery": None}},
    )


def test_round_trip(tmp_path: Path) -> None:
    cap = _capture()
    save_capture(cap, tmp_path / "c")
    back = load_capture(tmp_path / "c")
    assert back.lights == cap.lights
    for light in cap.lights:
        np.testing.assert_array_equal(back.images[light], cap.images[light])
    assert back.dpi == 300.0 and back.device == cap.device
    assert back.captured_at == cap.captured_at
    assert back.metadata == {"simulation": {"forgery": None}}
    meta = json.loads((tmp_path / "c" / "capture.json").read_text())
    assert meta["format"] == "workstation.capture/1"
    assert meta["captured_at"] == "2026-11-28T10:00:00Z"


def _write(folder: Path, meta: dict, images: dict[str, np.ndarray]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, img in images.items():
        write_image(folder / name, img)
    (folder / "capture.json").write_text(json.dumps(meta))


WHITE = np.full((20, 30, 3), 200, np.uint8)


@pytest.mark.parametrize(
    ("meta", "images", "message"),
    [
        ({"format": "other/1", "lights": {"white": "w.png"}}, {"w.png": WHITE}, "'format'"),
        ({"format": "workstation.capture/1", "lights": {"white": "w.png", "xray": "w.png"}},
         {"w.png": WHITE}, "unknown light 'xray'"),
        ({"format": "workstation.capture/1", "lights": {"uv": "w.png"}}, {"w.png": WHITE},
         "no 'white'"),
        ({"format": "workstation.capture/1", "lights": {"white": "missing.png"}}, {},
         "missing.png: file not found"),
        ({"format": "workstation.capture/1", "lights": {"white": "w.png", "ir": "i.png"}},
         {"w.png": WHITE, "i.png": np.zeros((21, 30), np.uint8)}, "different sizes"),
        ({"format": "workstation.capture/1", "lights": {"white": "../w.png"}}, {},
         "outside the package"),
        ({"format": "workstation.capture/1", "dpi": -3, "lights": {"white": "w.png"}},
         {"w.png": WHITE}, "'dpi'"),
        ({"format": "workstation.capture/1", "lights": {"white": "w.png"},
          "captured_at": "yesterday"}, {"w.png": WHITE}, "ISO 8601"),
        ({"format": "workstation.capture/1"}, {}, "'lights'"),
    ],
)
def test_malformed(tmp_path: Path, meta: dict, images: dict, message: str) -> None:
    _write(tmp_path / "c", meta, images)
    with pytest.raises(FormatError, match=message):
        load_capture(tmp_path / "c")


def test_not_json_and_not_an_image(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "capture.json").write_text("{not json")
    with pytest.raises(FormatError, match="not valid JSON"):
        load_capture(folder)
    (folder / "capture.json").write_text(
        json.dumps({"format": "workstation.capture/1", "lights": {"white": "w.png"}}))
    (folder / "w.png").write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    with pytest.raises(FormatError, match="w.png: not a readable image"):
        load_capture(folder)
    with pytest.raises(FormatError, match="no such folder"):
        load_capture(tmp_path / "nowhere")


def test_sixteen_bit_and_exif_orientation(tmp_path: Path) -> None:
    import cv2
    from PIL import Image as PILImage

    grey16 = (np.arange(20 * 30, dtype=np.uint16).reshape(20, 30) * 100)
    cv2.imwrite(str(tmp_path / "g16.png"), grey16)
    img = read_image(tmp_path / "g16.png")
    assert img.dtype == np.uint8 and img.shape == (20, 30)
    assert img[-1, -1] == (grey16[-1, -1] >> 8)

    rgb = np.zeros((20, 30, 3), np.uint8)
    rgb[:4, :, 0] = 255  # red band along the top
    pil = PILImage.fromarray(rgb)
    exif = pil.getexif()
    exif[0x0112] = 6  # stored image must be turned 90 degrees clockwise to display
    pil.save(tmp_path / "o.jpg", exif=exif, quality=95)
    shown = read_image(tmp_path / "o.jpg")
    assert shown.shape == (30, 20, 3)
    assert shown[:, -2, 0].mean() > 200  # the red band is now along the right-hand side
    assert shown[:, 1, 0].mean() < 50


def test_interrupted_save_leaves_no_capture_json(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import workstation.capture as capture_mod

    calls = {"n": 0}
    real = capture_mod.atomic_write_bytes

    def failing(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second image file
            raise OSError("disk full")
        real(path, data)

    monkeypatch.setattr(capture_mod, "atomic_write_bytes", failing)
    with pytest.raises(OSError):
        save_capture(_capture(), tmp_path / "c")
    assert not (tmp_path / "c" / "capture.json").exists()
    assert not [p for p in (tmp_path / "c").iterdir() if p.suffix == ".tmp"]
