"""``workstation devices list`` / ``workstation capture`` and the devices configuration."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.hardware.fake_camera import CaptureFactory, RelayScene, pattern_image
from tests.hardware.fake_relay_backend import FakeRelayBackend, FakeRelayBoard
from workstation.capture import load_capture
from workstation.cli import main
from workstation.errors import DeviceError, FormatError
from workstation.hardware import camera as camera_module
from workstation.hardware import rig as rig_module
from workstation.hardware import usb_relay
from workstation.hardware.base import ReaderConfig
from workstation.hardware.cli import apply_options
from workstation.hardware.config import (
    DevicesConfig,
    devices_path,
    load_devices,
    open_startup_reader,
    save_devices,
)
from workstation.imageio import encode_image
from workstation.types import Light

CHANNELS = {Light.WHITE: 1, Light.UV: 2, Light.IR: 3}


@pytest.fixture
def usb_bus(monkeypatch: pytest.MonkeyPatch) -> FakeRelayBoard:
    """A fake relay board and camera where the program looks for real ones."""
    board = FakeRelayBoard(serial="BOX01", channels=4, address=11)
    backend = FakeRelayBackend(board)
    monkeypatch.setattr(usb_relay, "default_backend", lambda: backend)
    scene = RelayScene(board, {lt: pattern_image(lt, (48, 64)) for lt in CHANNELS}, CHANNELS)
    monkeypatch.setattr(camera_module, "_default_factory", CaptureFactory(scene))
    return board


@pytest.fixture(autouse=True)
def _no_signal_handlers_left() -> object:
    yield None
    rig_module.uninstall_signal_handlers()


def _rig_config(serial: str = "BOX01") -> ReaderConfig:
    return ReaderConfig("rig", {
        "relay": {"serial": serial}, "camera": {"device": "fake://box", "warmup_frames": 1},
        "lights": {lt.value: {"channel": ch, "settle_ms": 0} for lt, ch in CHANNELS.items()}})


def test_config_round_trip_and_default_simulator() -> None:
    cfg = load_devices()
    assert cfg.active == "simulator" and cfg.readers["simulator"].kind == "simulated"
    cfg.readers["box"] = _rig_config()
    cfg.readers["box"].options["usb_backend"] = object()  # in-memory hooks are not saved
    cfg.active = "box"
    save_devices(cfg)
    back = load_devices()
    assert back.active == "box"
    assert back.readers["box"].options["relay"] == {"serial": "BOX01"}
    assert "usb_backend" not in json.loads(devices_path().read_text())["readers"]["box"]["options"]
    assert back.reader("rig").kind == "rig"  # a bare kind works too
    with pytest.raises(DeviceError, match="no such reader"):
        back.reader("nothing")
    devices_path().write_text('{"format": "other"}')
    with pytest.raises(FormatError):
        load_devices()


def test_no_board_attached_starts_on_the_simulator_and_says_what_is_missing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usb_relay, "default_backend", lambda: FakeRelayBackend())
    cfg = DevicesConfig(readers={"box": _rig_config("BOX01")}, active="box")
    startup = open_startup_reader(cfg)
    try:
        assert startup.name == "simulator"
        assert startup.notice is not None
        assert "USB relay board BOX01" in startup.notice and "simulator" in startup.notice
        assert startup.reader.lights[0] is Light.WHITE
    finally:
        startup.reader.close()


def test_startup_opens_the_rig_when_it_is_there(usb_bus: FakeRelayBoard) -> None:
    cfg = DevicesConfig(readers={"box": _rig_config()}, active="box")
    startup = open_startup_reader(cfg)
    try:
        assert startup.name == "box" and startup.notice is None
        assert "BOX01" in startup.reader.name
    finally:
        startup.reader.close()
    assert usb_bus.on() == set()


def test_devices_list_json(usb_bus: FakeRelayBoard, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = load_devices()
    cfg.readers["box"] = _rig_config()
    save_devices(cfg)
    assert main(["devices", "list", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["attached"]["relay_boards"] == [{
        "kind": "usb_relay", "serial": "BOX01", "channels": 4, "product": "USBRelay4",
        "usb_id": "16c0:05df", "bus": 1, "address": 11}]
    assert {c["name"]: c["kind"] for c in out["configured"]} == {"box": "rig",
                                                                 "simulator": "simulated"}
    assert out["active"] == "simulator"
    assert {"simulated", "rig", "folder"} <= set(out["kinds"])
    assert main(["devices", "list"]) == 0
    assert "BOX01" in capsys.readouterr().out


def test_capture_from_the_rig(usb_bus: FakeRelayBoard, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    cfg = load_devices()
    cfg.readers["box"] = _rig_config()
    save_devices(cfg)
    out = tmp_path / "cap"
    assert main(["capture", "--reader", "box", "--out", str(out), "--json",
                 "--set", "dpi=400"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["lights"] == ["white", "uv", "ir"] and summary["size"] == [64, 48]
    capture = load_capture(out)
    assert capture.dpi == 400.0
    assert np.array_equal(capture.images[Light.UV], pattern_image(Light.UV, (48, 64)))
    assert usb_bus.on() == set()


def test_capture_from_a_vendor_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "export"
    export.mkdir()
    for lt in CHANNELS:
        (export / f"{lt.value.upper()}.png").write_bytes(
            encode_image(pattern_image(lt, (40, 50)), ".png"))
    out = tmp_path / "cap"
    assert main(["capture", "--reader", "folder", "--out", str(out), "--set",
                 f"folder={export}", "--set", "skip_existing=false", "--set", "stable_ms=0",
                 "--lights", "white,ir"]) == 0
    capture = load_capture(out)
    assert capture.lights == (Light.WHITE, Light.IR)
    assert capture.size == (40, 50)
    assert "saved 2 lights" in capsys.readouterr().err


def test_capture_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usb_relay, "default_backend", lambda: FakeRelayBackend())
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("x")
    assert main(["capture", "--reader", "simulated", "--out", str(busy)]) == 2
    assert main(["capture", "--reader", "nope", "--out", str(tmp_path / "a")]) == 2
    assert main(["capture", "--reader", "simulated", "--out", str(tmp_path / "b"),
                 "--lights", "white,blue"]) == 2
    assert main(["capture", "--reader", "simulated", "--out", str(tmp_path / "c"),
                 "--set", "novalue"]) == 2
    assert main(["capture", "--reader", "rig", "--out", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert "USB relay board" in err and "not found" in err
    assert err.count("\n") == 5  # one line per failure, no tracebacks
    assert not (tmp_path / "d").exists()


def test_apply_options_nests_by_dots() -> None:
    opts = apply_options({"camera": {"device": 0}},
                         ["camera.width=1920", "relay.serial=\"ABCDE\"", "name=box 2"])
    assert opts == {"camera": {"device": 0, "width": 1920}, "relay": {"serial": "ABCDE"},
                    "name": "box 2"}
