"""One contract every reader keeps: the simulator, the rig on fake devices, the folder reader.

* capture returns every configured light, at the configured size, as uint8 images;
* lamps are never two at once, and all are off after a capture;
* errors are :class:`DeviceError` naming the device;
* close leaves every lamp off, and a closed reader refuses work with a ``DeviceError``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from tests.hardware.conftest import FakeRig
from tests.hardware.fake_camera import pattern_image
from workstation.errors import DeviceError
from workstation.hardware.base import MAX_EXPOSURE_MS, BaseReader, Reader, ReaderConfig, open_reader
from workstation.hardware.folder import FolderReader
from workstation.imageio import encode_image
from workstation.types import Light

SIZE = (96, 128)


@dataclass
class Harness:
    """A reader under test and how to see its lamps."""

    reader: BaseReader
    lights: tuple[Light, ...]
    size: tuple[int, int] | None
    lit: Callable[[], set[Light]]
    before_capture: Callable[[], None] = lambda: None
    has_lamps: bool = True
    history: Callable[[], list[int]] = field(default=lambda: [])


def _simulated(tmp_path: Path) -> Harness:
    from workstation.hardware.simulated import PLATEN_MM

    dpi = 150.0
    reader = open_reader(ReaderConfig("simulated", {"dpi": dpi, "seed": 3}))
    assert isinstance(reader, BaseReader)
    size = (round(PLATEN_MM[1] * dpi / 25.4), round(PLATEN_MM[0] * dpi / 25.4))

    def lit() -> set[Light]:
        return set() if reader.current_light is None else {reader.current_light}

    return Harness(reader, reader.lights, size, lit)


def _rig(make_rig: Callable[..., FakeRig]) -> Harness:
    rig = make_rig(size=SIZE)
    channel_light = {p.channel: lt for lt, p in rig.reader.profiles.items()}
    return Harness(rig.reader, (Light.WHITE, Light.UV, Light.IR), SIZE,
                   lambda: {channel_light[ch] for ch in rig.board.on()},
                   history=lambda: list(rig.board.history))


def _folder(tmp_path: Path) -> Harness:
    folder = tmp_path / "export"
    folder.mkdir()
    reader = FolderReader(folder, stable_ms=0, poll_ms=10, timeout_s=5)
    counter = itertools.count(1)

    def drop() -> None:
        n = next(counter)
        for lt in (Light.WHITE, Light.UV, Light.IR):
            img = pattern_image(lt, SIZE)
            (folder / f"doc{n:04d}_{lt.value}.png").write_bytes(encode_image(img, ".png"))

    return Harness(reader, (Light.WHITE, Light.UV, Light.IR), SIZE, lambda: set(), drop,
                   has_lamps=False)


KINDS = ["simulated", "rig", "folder"]


@pytest.fixture(params=KINDS)
def harness(request: pytest.FixtureRequest, tmp_path: Path,
            make_rig: Callable[..., FakeRig]) -> Iterator[Harness]:
    kind = request.param
    if kind == "simulated" and importlib.util.find_spec("workstation.hardware.simulated") is None:
        pytest.skip("workstation.hardware.simulated is not there yet")
    h = {"simulated": lambda: _simulated(tmp_path), "rig": lambda: _rig(make_rig),
         "folder": lambda: _folder(tmp_path)}[kind]()
    yield h
    with contextlib.suppress(DeviceError):
        h.reader.close()


def _spy_frames(h: Harness) -> list[tuple[Light | None, set[Light]]]:
    """Record what was lit each time the reader took a frame."""
    seen: list[tuple[Light | None, set[Light]]] = []
    original = h.reader._do_frame

    def spy(light: Light | None) -> np.ndarray:
        seen.append((light, h.lit()))
        return original(light)

    h.reader._do_frame = spy  # type: ignore[method-assign]
    return seen


def test_is_a_reader(harness: Harness) -> None:
    assert isinstance(harness.reader, Reader)
    assert harness.reader.name
    assert harness.reader.lights == harness.lights
    assert Light.WHITE in harness.reader.lights


def test_capture_returns_every_light_at_the_configured_size(harness: Harness) -> None:
    harness.before_capture()
    capture = harness.reader.capture_all()
    assert capture.lights == harness.lights
    for light, img in capture.images.items():
        assert img.dtype == np.uint8 and img.ndim in (2, 3), light
        assert (img.shape[0], img.shape[1]) == harness.size, light
    assert capture.dpi is None or capture.dpi > 0
    assert capture.device
    assert capture.captured_at is not None
    harness.before_capture()
    only_white = harness.reader.capture_all([Light.WHITE])
    assert only_white.lights == (Light.WHITE,)


def test_lamps_never_two_at_once_and_off_after_capture(harness: Harness) -> None:
    seen = _spy_frames(harness)
    progress: list[tuple[Light, set[Light]]] = []
    for _ in range(2):
        harness.before_capture()
        harness.reader.capture_all(
            progress=lambda done, total, light: progress.append((light, harness.lit())))
    for light, lit in seen:
        assert len(lit) <= 1
        if harness.has_lamps and light is not None:
            assert lit == {light}  # the frame was taken under its own lamp
    assert all(len(lit) <= 1 for _, lit in progress)
    assert [lt for lt, _ in progress] == list(harness.lights) * 2
    assert all(bin(mask).count("1") <= 1 for mask in harness.history())
    assert harness.lit() == set()
    assert harness.reader.current_light is None
    for light in harness.lights:
        harness.reader.set_light(light)
        lit = harness.lit()
        assert lit == ({light} if harness.has_lamps else set())
        assert harness.reader.current_light is light
    harness.reader.set_light(None)
    assert harness.lit() == set()


def test_errors_are_device_errors_naming_the_device(harness: Harness) -> None:
    missing = next(lt for lt in Light if lt not in harness.reader.lights)
    with pytest.raises(DeviceError) as err:
        harness.reader.set_light(missing)
    assert err.value.device and err.value.device in str(err.value)
    with pytest.raises(DeviceError) as err:
        harness.reader.capture_all([Light.WHITE, missing])
    assert err.value.device and missing.value in str(err.value)
    with pytest.raises(DeviceError):
        harness.reader.capture_all([Light.UV])  # a capture needs white
    with pytest.raises(DeviceError):
        harness.reader.exposure_ms(missing)


def test_exposure_is_clamped(harness: Harness) -> None:
    assert harness.reader.set_exposure_ms(Light.WHITE, 1e9) == MAX_EXPOSURE_MS
    assert harness.reader.exposure_ms(Light.WHITE) == MAX_EXPOSURE_MS
    assert harness.reader.set_exposure_ms(Light.WHITE, -5) > 0


def test_live_frame(harness: Harness) -> None:
    harness.reader.set_light(Light.WHITE)
    frame = harness.reader.live_frame()
    assert frame.dtype == np.uint8 and frame.ndim in (2, 3)
    harness.reader.set_light(None)


def test_close_leaves_every_lamp_off(harness: Harness) -> None:
    last = harness.lights[-1]
    harness.reader.set_light(last)
    harness.reader.close()
    assert harness.lit() == set()
    assert harness.reader.current_light is None
    harness.reader.close()  # twice is fine
    with pytest.raises(DeviceError) as err:
        harness.reader.set_light(Light.WHITE)
    assert err.value.device
    with pytest.raises(DeviceError):
        harness.reader.capture_all()
    with pytest.raises(DeviceError):
        harness.reader.live_frame()
