"""Fixtures for the hardware tests: a fake relay board on a fake USB bus, a fake-camera rig."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.hardware.fake_camera import CaptureFactory, RelayScene, pattern_image
from tests.hardware.fake_relay_backend import FakeRelayBackend, FakeRelayBoard
from workstation.errors import DeviceError
from workstation.hardware import rig as rig_module
from workstation.hardware.base import ReaderConfig
from workstation.hardware.rig import RigReader, open_rig
from workstation.types import Image, Light

CHANNELS = {Light.WHITE: 1, Light.UV: 2, Light.IR: 3}


@dataclass
class FakeRig:
    """A rig opened through ``open_rig`` on fake devices, with handles on the fakes."""

    reader: RigReader
    board: FakeRelayBoard
    backend: FakeRelayBackend
    scene: RelayScene
    cameras: CaptureFactory
    images: dict[Light, Image]


@pytest.fixture
def relay_board() -> FakeRelayBoard:
    return FakeRelayBoard(serial="QWERT", channels=4, address=7)


@pytest.fixture
def relay_backend(relay_board: FakeRelayBoard) -> FakeRelayBackend:
    return FakeRelayBackend(relay_board)


@pytest.fixture
def make_rig(tmp_path: Path) -> Iterator[Callable[..., FakeRig]]:
    """``make_rig(images=None, size=(120, 160), **options)`` opens a rig on fake devices."""
    opened: list[RigReader] = []

    def make(images: Mapping[Light, Image] | None = None, size: tuple[int, int] = (120, 160),
             board: FakeRelayBoard | None = None, **options: Any) -> FakeRig:
        imgs = dict(images) if images is not None else {
            lt: pattern_image(lt, size) for lt in CHANNELS}
        board = board or FakeRelayBoard(serial="QWERT", channels=4, address=7)
        backend = FakeRelayBackend(board)
        scene = RelayScene(board, imgs, CHANNELS)
        cameras = CaptureFactory(scene)
        opts: dict[str, Any] = {
            "name": "testrig",
            "relay": {"serial": board.serial},
            "camera": {"device": "fake://cam", "warmup_frames": 2},
            "lights": {lt.value: {"channel": ch, "exposure_ms": 10, "settle_ms": 0}
                       for lt, ch in CHANNELS.items() if lt in imgs},
            "usb_backend": backend,
            "capture_factory": cameras,
            "calibration_dir": str(tmp_path / "rigcal"),
        }
        opts.update(options)
        reader = open_rig(ReaderConfig("rig", opts))
        opened.append(reader)
        return FakeRig(reader, board, backend, scene, cameras, imgs)

    yield make
    for reader in opened:
        with contextlib.suppress(DeviceError):
            reader.close()
    rig_module.uninstall_signal_handlers()
