"""The rig reader on a fake camera and the fake relay board: order, safety, calibration."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.hardware.conftest import CHANNELS, FakeRig
from tests.hardware.fake_camera import CaptureFactory, RelayScene, pattern_image
from tests.hardware.fake_relay_backend import FakeRelayBackend, FakeRelayBoard
from tests.hardware.test_calibration import ruler
from workstation.errors import DeviceError
from workstation.hardware import rig as rig_module
from workstation.hardware.base import ReaderConfig, open_reader
from workstation.hardware.camera import OpenCvCamera
from workstation.hardware.rig import LightProfile, RelayLamps, RigReader, all_lamps_off
from workstation.types import Light

MakeRig = Callable[..., FakeRig]


def _wait(cond: Callable[[], bool], timeout_s: float = 3.0) -> bool:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.01)
    return cond()


def test_capture_runs_each_lamp_alone_and_returns_what_the_camera_saw(make_rig: MakeRig) -> None:
    rig = make_rig(dpi=300)
    capture = rig.reader.capture_all()
    assert capture.lights == (Light.WHITE, Light.UV, Light.IR)
    for light in capture.lights:
        assert np.array_equal(capture.images[light], rig.images[light]), light
    assert capture.dpi == 300.0
    assert rig.scene.violations == 0
    assert all(bin(mask).count("1") <= 1 for mask in rig.board.history)
    assert rig.board.on() == set()
    assert rig.reader.current_light is None
    # white on, off, uv on, off, ir on, off: in the canonical order
    lit = [m for m in rig.board.history if m]
    assert lit == [1 << (CHANNELS[lt] - 1) for lt in capture.lights]
    assert capture.metadata["reader"]["kind"] == "rig"


def test_lamp_on_settle_frame_off(tmp_path: Path) -> None:
    board = FakeRelayBoard(address=9)
    backend = FakeRelayBackend(board)
    images = {lt: pattern_image(lt) for lt in CHANNELS}
    scene = RelayScene(board, images, CHANNELS)
    events: list[tuple[str, Any]] = []

    def sleep(seconds: float) -> None:
        events.append(("settle", (round(seconds, 3), board.on())))

    factory = CaptureFactory(scene)
    camera = OpenCvCamera("fake://0", warmup_frames=1, capture_factory=factory)
    lamps = RelayLamps({lt: (None, ch) for lt, ch in CHANNELS.items()}, backend=backend)
    profiles = {Light.WHITE: LightProfile(1, exposure_ms=5, settle_ms=120),
                Light.UV: LightProfile(2, exposure_ms=80, settle_ms=300),
                Light.IR: LightProfile(3, exposure_ms=15, settle_ms=50)}
    reader = RigReader(camera, lamps, profiles, name="direct", sleep=sleep,
                       calibration_dir=tmp_path / "cal")
    try:
        capture = reader.capture_all([Light.WHITE, Light.UV])
    finally:
        reader.close()
        rig_module.uninstall_signal_handlers()
    assert events == [("settle", (0.12, {1})), ("settle", (0.3, {2}))]
    assert np.array_equal(capture.images[Light.UV], images[Light.UV])
    exposures = [v for p, v in factory.made[0].set_calls if p == 15]  # CAP_PROP_EXPOSURE
    assert exposures[:2] == [50.0, 800.0]  # V4L2 units of 100 µs
    assert board.on() == set() and factory.made[0].released


def test_all_lamps_go_off_at_start_up_and_close(make_rig: MakeRig) -> None:
    board = FakeRelayBoard(serial="START", channels=4, address=7)
    board.mask = 0b0111  # a crash left lamps burning
    rig = make_rig(board=board, relay={"serial": "START"})
    assert board.on() == set()
    rig.reader.set_light(Light.UV)
    assert board.on() == {2}
    rig.reader.close()
    assert board.on() == set()
    assert rig.cameras.last.released
    with pytest.raises(DeviceError, match="closed"):
        rig.reader.set_light(Light.WHITE)


def test_uv_switches_itself_off(make_rig: MakeRig) -> None:
    rig = make_rig(lights={"white": {"channel": 1, "settle_ms": 0},
                           "uv": {"channel": 2, "settle_ms": 0, "auto_off_s": 0.15}})
    rig.reader.set_light(Light.WHITE)
    time.sleep(0.3)
    assert rig.board.on() == {1}  # white has no timer
    rig.reader.set_light(Light.UV)
    assert rig.board.on() == {2}
    # the timer thread switches the relay off, then records it (under the rig's lock):
    # wait for the record, the last of the two, before reading the rest
    assert _wait(lambda: rig.reader.auto_off_count == 1)
    assert rig.board.on() == set()
    assert rig.reader.current_light is None


def test_uv_auto_off_is_on_by_default() -> None:
    profiles = rig_module.profiles_from_options({})
    assert profiles[Light.UV].auto_off_s == rig_module.DEFAULT_UV_AUTO_OFF_S
    assert profiles[Light.WHITE].auto_off_s is None
    assert {lt: p.channel for lt, p in profiles.items()} == CHANNELS


def test_exit_handler_switches_every_rig_off(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.reader.set_light(Light.IR)
    assert rig.board.on() == {3}
    all_lamps_off()
    assert rig.board.on() == set()


def test_sigterm_switches_lamps_off_then_calls_the_earlier_handler(make_rig: MakeRig) -> None:
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    try:
        rig = make_rig()
        assert signal.getsignal(signal.SIGTERM) is rig_module._on_signal
        rig.reader.set_light(Light.UV)
        assert rig.board.on() == {2}
        os.kill(os.getpid(), signal.SIGTERM)
        assert _wait(lambda: bool(received))
        assert rig.board.on() == set()
        assert received == [signal.SIGTERM]
    finally:
        rig_module.uninstall_signal_handlers()
        signal.signal(signal.SIGTERM, previous)


def test_two_lights_on_one_channel_are_refused(make_rig: MakeRig) -> None:
    with pytest.raises(DeviceError, match="share relay channel 1"):
        make_rig(lights={"white": 1, "ir": 1})
    with pytest.raises(DeviceError, match="bad settings"):
        make_rig(lights={"white": {"channel": 9}})
    with pytest.raises(DeviceError, match="bad settings"):
        make_rig(lights={"uv": 2})


def test_relay_unplugged_mid_session_then_plugged_back(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.reader.set_light(Light.WHITE)
    rig.board.unplug()
    with pytest.raises(DeviceError) as err:
        rig.reader.set_light(Light.UV)
    assert err.value.device == "USB relay board QWERT"
    assert "not found" in str(err.value)
    rig.board.plug()
    capture = rig.reader.capture_all()  # resumes on the replugged board
    assert np.array_equal(capture.images[Light.IR], rig.images[Light.IR])
    assert rig.board.on() == set()


def test_camera_unplugged_mid_session(make_rig: MakeRig) -> None:
    rig = make_rig()
    rig.reader.set_light(Light.WHITE)
    rig.cameras.last.unplug()
    rig.cameras.absent = True  # still gone when the rig tries to open it again
    with pytest.raises(DeviceError) as err:
        rig.reader.live_frame()
    assert err.value.device == "camera fake://cam"
    rig.cameras.absent = False  # plugged back in
    assert np.array_equal(rig.reader.live_frame(), rig.images[Light.WHITE])


def test_relay_board_missing_at_open_is_named(tmp_path: Path) -> None:
    factory = CaptureFactory(lambda: np.zeros((10, 10, 3), np.uint8))
    config = ReaderConfig("rig", {"relay": {"serial": "NOPE1"}, "usb_backend": FakeRelayBackend(),
                                  "capture_factory": factory,
                                  "calibration_dir": str(tmp_path)})
    with pytest.raises(DeviceError) as err:
        open_reader(config)
    assert err.value.device == "USB relay board NOPE1"


def test_calibration_flattens_uneven_light_and_is_stored(make_rig: MakeRig,
                                                         tmp_path: Path) -> None:
    h, w = 60, 80
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    falloff = 1.0 - 0.35 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 2
    card = {lt: np.repeat((8 + level * falloff)[:, :, None], 3, axis=2).astype(np.uint8)
            for lt, level in ((Light.WHITE, 220.0), (Light.UV, 90.0), (Light.IR, 160.0))}
    rig = make_rig(images=card)
    before = rig.reader.capture_all().images[Light.WHITE]
    rig.reader.calibrate_flat(frames=2)
    after = rig.reader.capture_all().images[Light.WHITE]
    spread_before = int(before.max()) - int(before.min())
    assert spread_before > 30
    assert int(after.max()) - int(after.min()) < spread_before / 4
    assert rig.board.on() == set()
    folder = rig.reader.save_calibration()
    assert (folder / "calibration.npz").is_file()
    again = make_rig(images=card)  # same calibration folder: loads it
    assert set(again.reader.calibration.lights) == {Light.WHITE, Light.UV, Light.IR}
    flat = again.reader.capture_all().images[Light.UV]
    assert int(flat.max()) - int(flat.min()) < 5


def test_dpi_from_a_ruler_on_the_platen(make_rig: MakeRig) -> None:
    img = ruler(300.0, length_mm=40)
    rig = make_rig(images={Light.WHITE: img, Light.UV: img, Light.IR: img}, dpi=250)
    assert rig.reader.dpi == 250.0
    dpi = rig.reader.calibrate_dpi_ruler()
    assert dpi == pytest.approx(300.0, rel=0.01)
    assert rig.reader.capture_all().dpi == pytest.approx(300.0, rel=0.01)
    assert rig.board.on() == set()
    rig.reader.clear_calibration()
    assert rig.reader.dpi == 250.0


def test_lamps_on_two_boards_are_still_lit_one_at_a_time(tmp_path: Path) -> None:
    a = FakeRelayBoard(serial="AAAAA", channels=2, address=3)
    b = FakeRelayBoard(serial="BBBBB", channels=2, address=4)
    backend = FakeRelayBackend(a, b)
    lamps = RelayLamps({Light.WHITE: ("AAAAA", 1), Light.UV: ("BBBBB", 1),
                        Light.IR: ("AAAAA", 2)}, backend=backend)
    images = {lt: pattern_image(lt) for lt in CHANNELS}

    def scene() -> np.ndarray:
        lit = [(a, ch) for ch in a.on()] + [(b, ch) for ch in b.on()]
        assert len(lit) <= 1, "two lamps at once"
        key = {(a.serial, 1): Light.WHITE, (b.serial, 1): Light.UV, (a.serial, 2): Light.IR}
        if not lit:
            return np.zeros_like(images[Light.WHITE])
        board, ch = lit[0]
        return images[key[(board.serial, ch)]]

    camera = OpenCvCamera("fake://0", warmup_frames=1, capture_factory=CaptureFactory(scene))
    profiles = {Light.WHITE: LightProfile(1, settle_ms=0, board="AAAAA"),
                Light.UV: LightProfile(1, settle_ms=0, board="BBBBB"),
                Light.IR: LightProfile(2, settle_ms=0, board="AAAAA")}
    reader = RigReader(camera, lamps, profiles, name="two boards",
                       calibration_dir=tmp_path / "cal")
    try:
        capture = reader.capture_all()
        reader.set_light(Light.IR)
        reader.set_light(Light.UV)
        assert (a.on(), b.on()) == (set(), {1})
    finally:
        reader.close()
        rig_module.uninstall_signal_handlers()
    for light in CHANNELS:
        assert np.array_equal(capture.images[light], images[light])
    assert (a.on(), b.on()) == (set(), set())
    assert "AAAAA" in reader.name and "BBBBB" in reader.name


def test_every_light_of_formats_md_can_have_a_relay_channel() -> None:
    """A rig with eight lamps (issue 22): each light its channel, the short-wave UV
    lamp switched off by itself like the long-wave one."""
    from workstation.hardware.rig import profiles_from_options
    from workstation.types import Light

    names = ["white", "uv", "ir", "uv254", "oblique", "oblique_top", "coaxial", "transmitted"]
    profiles = profiles_from_options({"lights": {n: {"channel": i + 1}
                                                 for i, n in enumerate(names)}})
    assert [lt.value for lt in profiles] == names
    assert [p.channel for p in profiles.values()] == list(range(1, 9))
    assert profiles[Light.UV254].auto_off_s is not None
    assert profiles[Light.COAXIAL].auto_off_s is None
