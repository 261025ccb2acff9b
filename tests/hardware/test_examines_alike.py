"""A capture from the rig (fake devices) and from a vendor folder examines exactly like a
simulated one: the same pixels and dpi reach the examination through every reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.hardware.conftest import FakeRig
from workstation.hardware.base import ReaderConfig, open_reader
from workstation.hardware.folder import FolderReader
from workstation.imageio import encode_image
from workstation.types import CaptureSet

pytestmark = pytest.mark.slow


def _exam_json(capture: CaptureSet, library: Any) -> dict[str, Any]:
    from workstation.examination.pipeline import examine

    out = examine(capture, library=library).to_json()
    out.pop("capture")
    return out


def test_rig_and_folder_captures_examine_like_the_simulated_one(
        make_rig: Callable[..., FakeRig], tmp_path: Path) -> None:
    from workstation.specimens.library import open_library

    simulator = open_reader(ReaderConfig("simulated", {"seed": 5, "dpi": 200}))
    try:
        simulated = simulator.capture_all()
    finally:
        simulator.close()
    assert simulated.dpi is not None

    # the rig: a fake camera that sees the simulated platen under whichever lamp is lit
    rig = make_rig(images=simulated.images, dpi=simulated.dpi)
    from_rig = rig.reader.capture_all()

    # the vendor folder: the same images written as a vendor's software names them
    export = tmp_path / "export"
    export.mkdir()
    reader = FolderReader(export, stable_ms=0, dpi=simulated.dpi, timeout_s=5)
    for light, img in simulated.images.items():
        (export / f"SCAN0001_{light.value.upper()}.png").write_bytes(encode_image(img, ".png"))
    from_folder = reader.capture_all()
    reader.close()

    for capture in (from_rig, from_folder):
        assert capture.lights == simulated.lights
        assert capture.dpi == simulated.dpi
        for light in simulated.lights:
            a, b = simulated.images[light], capture.images[light]
            if a.ndim == 2 and b.ndim == 3:  # a UVC camera delivers colour frames
                assert np.array_equal(b[:, :, 0], b[:, :, 2])
                b = b[:, :, 0]
            assert np.array_equal(a, b), light

    library = open_library()
    expected = _exam_json(simulated, library)
    assert expected["checks"], "the simulated capture ran no checks"
    assert _exam_json(from_rig, library) == expected
    assert _exam_json(from_folder, library) == expected
    assert rig.board.on() == set()
