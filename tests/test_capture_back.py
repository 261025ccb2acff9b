"""The back face of a capture folder: ``capture.json``'s optional ``back`` object."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from workstation.capture import load_capture, save_capture
from workstation.errors import FormatError
from workstation.imageio import write_image
from workstation.types import CaptureSet, Light


def _two_faces() -> CaptureSet:
    rng = np.random.default_rng(3)
    back = CaptureSet(images={Light.WHITE: rng.integers(0, 255, (30, 50, 3), dtype=np.uint8),
                              Light.IR: rng.integers(0, 255, (30, 50), dtype=np.uint8)},
                      dpi=600.0)
    return CaptureSet(images={Light.WHITE: rng.integers(0, 255, (40, 60, 3), dtype=np.uint8),
                              Light.UV: rng.integers(0, 255, (40, 60, 3), dtype=np.uint8)},
                      dpi=300.0, device="r", captured_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
                      metadata={"note": 1}, back=back)


def test_round_trip_with_a_back(tmp_path: Path) -> None:
    cap = _two_faces()
    save_capture(cap, tmp_path / "c")
    meta = json.loads((tmp_path / "c" / "capture.json").read_text())
    assert meta["back"] == {"dpi": 600.0, "lights": {"white": "back_white.png",
                                                     "ir": "back_ir.png"}}
    loaded = load_capture(tmp_path / "c")
    assert loaded.back is not None and loaded.back.lights == (Light.WHITE, Light.IR)
    assert loaded.back.dpi == 600.0 and loaded.back.size == (30, 50)
    np.testing.assert_array_equal(loaded.back.images[Light.IR], cap.back.images[Light.IR])  # type: ignore[union-attr]
    assert loaded.metadata == {"note": 1} and loaded.size == (40, 60)
    assert [name for name, _ in loaded.faces()] == ["front", "back"]


def test_old_captures_load_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    write_image(folder / "w.png", np.full((20, 30, 3), 200, np.uint8))
    (folder / "capture.json").write_text(json.dumps(
        {"format": "workstation.capture/1", "dpi": 300, "lights": {"white": "w.png"}}))
    cap = load_capture(folder)
    assert cap.back is None and cap.faces() == [("front", cap)]
    save_capture(cap, tmp_path / "again")
    assert "back" not in json.loads((tmp_path / "again" / "capture.json").read_text())


def test_back_dpi_defaults_to_the_front(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    write_image(folder / "w.png", np.full((20, 30, 3), 200, np.uint8))
    write_image(folder / "b.png", np.full((25, 30, 3), 90, np.uint8))
    (folder / "capture.json").write_text(json.dumps(
        {"format": "workstation.capture/1", "dpi": 400, "lights": {"white": "w.png"},
         "back": {"lights": {"white": "b.png"}}}))
    cap = load_capture(folder)
    assert cap.back is not None and cap.back.dpi == 400.0 and cap.back.size == (25, 30)


@pytest.mark.parametrize(("back", "files", "message"), [
    ("yes", {}, "'back' must be an object"),
    ({}, {}, "'lights' must be a non-empty object"),
    ({"lights": {"uv": "b.png"}}, {"b.png": (20, 30)}, "back: no 'white' image"),
    ({"lights": {"white": "missing.png"}}, {}, "file not found"),
    ({"lights": {"white": "../x.png"}}, {}, "points outside"),
    ({"lights": {"white": "b.png", "ir": "c.png"}}, {"b.png": (20, 30), "c.png": (21, 30)},
     "back: images of different sizes"),
    ({"lights": {"white": "b.png"}, "dpi": -5}, {"b.png": (20, 30)}, "back: 'dpi'"),
])
def test_malformed_back(tmp_path: Path, back: object, files: dict[str, tuple[int, int]],
                        message: str) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    write_image(folder / "w.png", np.full((20, 30, 3), 200, np.uint8))
    for name, (h, w) in files.items():
        write_image(folder / name, np.full((h, w, 3), 100, np.uint8))
    (folder / "capture.json").write_text(json.dumps(
        {"format": "workstation.capture/1", "lights": {"white": "w.png"}, "back": back}))
    with pytest.raises(FormatError, match=message):
        load_capture(folder)


def test_a_back_has_no_back() -> None:
    face = CaptureSet(images={Light.WHITE: np.zeros((4, 4), np.uint8)})
    with pytest.raises(ValueError, match="no back of its own"):
        CaptureSet(images={Light.WHITE: np.zeros((4, 4), np.uint8)},
                   back=CaptureSet(images={Light.WHITE: np.zeros((4, 4), np.uint8)},
                                   back=face))
