"""The device settings widget (offscreen): choose, configure, lamps, calibration, live, unplug."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from tests.hardware.fake_camera import CaptureFactory, RelayScene
from tests.hardware.fake_relay_backend import FakeRelayBackend, FakeRelayBoard
from tests.hardware.test_calibration import ruler
from workstation.hardware import camera as camera_module
from workstation.hardware import rig as rig_module
from workstation.hardware import usb_relay
from workstation.hardware.base import ReaderConfig
from workstation.hardware.config import DevicesConfig, load_devices
from workstation.session.devices import DeviceSession
from workstation.types import Light
from workstation.ui.devices import DeviceSettingsWidget

CHANNELS = {Light.WHITE: 1, Light.UV: 2, Light.IR: 3}


def _card() -> dict[Light, np.ndarray]:
    img = ruler(300.0, length_mm=30)
    h, w = img.shape[:2]
    _yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    fall = 1.0 - 0.3 * ((xx - w / 2) / w) ** 2
    return {lt: np.clip(img * (fall * k)[:, :, None], 0, 255).astype(np.uint8)
            for lt, k in ((Light.WHITE, 1.0), (Light.UV, 0.5), (Light.IR, 0.8))}


@pytest.fixture
def board(monkeypatch: pytest.MonkeyPatch) -> FakeRelayBoard:
    b = FakeRelayBoard(serial="BOX01", channels=4, address=12)
    backend = FakeRelayBackend(b)
    monkeypatch.setattr(usb_relay, "default_backend", lambda: backend)
    scene = RelayScene(b, _card(), CHANNELS)
    monkeypatch.setattr(camera_module, "_default_factory", CaptureFactory(scene))
    return b


def _box() -> ReaderConfig:
    return ReaderConfig("rig", {
        "name": "box", "relay": {"serial": "BOX01"},
        "camera": {"device": "fake://box", "warmup_frames": 1},
        "lights": {lt.value: {"channel": ch, "settle_ms": 0} for lt, ch in CHANNELS.items()}})


@pytest.fixture
def widget(qtbot: QtBot, board: FakeRelayBoard) -> Iterator[DeviceSettingsWidget]:
    cfg = DevicesConfig(readers={"box": _box()}, active="simulator")
    session = DeviceSession(cfg)
    w = DeviceSettingsWidget(session, lamp_test_s=0.2, list_boards=lambda: ["BOX01"])
    qtbot.addWidget(w)
    yield w
    w.shutdown()
    session.close()
    rig_module.uninstall_signal_handlers()


def _use_box(qtbot: QtBot, w: DeviceSettingsWidget) -> None:
    w.reader_combo.setCurrentText("box")
    w.use_button.click()
    qtbot.waitUntil(lambda: w.session.reader_name == "box" and not w._busy.is_set(),
                    timeout=5000)


def test_choose_the_rig_and_test_each_lamp(qtbot: QtBot, widget: DeviceSettingsWidget,
                                            board: FakeRelayBoard) -> None:
    changed: list[object] = []
    widget.readerChanged.connect(changed.append)
    assert widget.reader_combo.currentText() == "simulator"
    _use_box(qtbot, widget)
    qtbot.waitUntil(lambda: bool(changed))
    assert changed[-1] is widget.session.reader
    assert "BOX01" in widget.current_label.text()
    assert set(widget.lamp_buttons) == {Light.WHITE, Light.UV, Light.IR}
    assert load_devices().active == "box"  # remembered for the next start
    widget.lamp_buttons[Light.UV].click()
    assert board.on() == {2}
    qtbot.waitUntil(lambda: board.on() == set(), timeout=3000)  # the test ends by itself
    widget.lamp_buttons[Light.IR].click()
    assert board.on() == {3}
    widget.all_off_button.click()
    assert board.on() == set()


def test_unplugged_board_shows_a_message_and_replug_resumes(
        qtbot: QtBot, widget: DeviceSettingsWidget, board: FakeRelayBoard) -> None:
    errors: list[str] = []
    widget.deviceError.connect(errors.append)
    _use_box(qtbot, widget)
    reader = widget.session.reader
    board.unplug()
    widget.lamp_buttons[Light.WHITE].click()
    assert errors and "USB relay board BOX01" in errors[-1]
    assert "BOX01" in widget.status.text()
    assert widget.session.reader is reader  # nothing replaced: the examination is intact
    board.plug()
    widget.lamp_buttons[Light.WHITE].click()
    assert board.on() == {1}
    assert "white lamp on" in widget.status.text()


def test_a_reader_that_cannot_open_keeps_a_working_one(
        qtbot: QtBot, widget: DeviceSettingsWidget, board: FakeRelayBoard) -> None:
    errors: list[str] = []
    widget.deviceError.connect(errors.append)
    board.unplug()
    widget.reader_combo.setCurrentText("box")
    widget.use_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "USB relay board BOX01" in errors[-1]
    assert widget.session.reader_name == "simulator"
    assert widget.session.reader.capture_all([Light.WHITE]).size[0] > 0


def test_guided_calibration(qtbot: QtBot, widget: DeviceSettingsWidget,
                            board: FakeRelayBoard) -> None:
    _use_box(qtbot, widget)
    assert widget.cal_box.isVisibleTo(widget)
    assert "Step 1 of 4" in widget.cal_title.text()
    assert "cover the platen" in widget.cal_guidance.text()
    for step in (2, 3, 4):
        widget.cal_run.click()
        qtbot.waitUntil(lambda step=step: f"Step {step} of 4" in widget.cal_title.text(),
                        timeout=10000)
    assert "Save" in widget.cal_title.text()
    assert "dpi from the ruler" in widget.cal_result.text()
    widget.cal_run.click()
    qtbot.waitUntil(lambda: "done" in widget.cal_title.text(), timeout=5000)
    reader = widget.session.reader
    assert reader.dpi == pytest.approx(300.0, rel=0.01)
    lights = set(reader.calibration.lights)  # type: ignore[attr-defined]
    assert lights == {Light.WHITE, Light.UV, Light.IR}
    assert board.on() == set()


def test_live_frames(qtbot: QtBot, widget: DeviceSettingsWidget) -> None:
    widget.live_check.setChecked(True)
    qtbot.waitUntil(lambda: widget.frames_shown >= 2, timeout=10000)
    assert not widget.live_view.pixmap().isNull()
    widget.live_check.setChecked(False)
    assert not widget.live_timer.isActive()


def test_configure_a_vendor_folder(qtbot: QtBot, widget: DeviceSettingsWidget,
                                   tmp_path: object) -> None:
    widget.kind_combo.setCurrentText("folder")
    widget.name_edit.setText("desko")
    assert not widget.save_reader(use=False)  # no folder chosen yet
    assert "export folder" in widget.status.text()
    widget.folder_form.folder.setText(str(tmp_path))
    widget.folder_form.lights[Light.UV].setChecked(False)
    assert widget.save_reader(use=True)
    qtbot.waitUntil(lambda: widget.session.reader_name == "desko", timeout=5000)
    saved = load_devices().readers["desko"]
    assert saved.kind == "folder" and saved.options["lights"] == ["white", "ir"]
    assert widget.session.reader.lights == (Light.WHITE, Light.IR)
    assert not widget.cal_box.isVisibleTo(widget)


def test_rig_form_round_trip(widget: DeviceSettingsWidget) -> None:
    widget.refresh_boards()
    assert widget.rig_form.serial.findText("BOX01") >= 0
    widget.rig_form.load(_box().options | {"dpi": 310.0})
    opts = widget.rig_form.options()
    # what the form does not show (warmup_frames) is kept, never dropped
    assert opts["camera"] == {**_box().options["camera"], "device": "fake://box"}
    assert opts["relay"] == {"serial": "BOX01"}
    assert opts["dpi"] == 310.0
    assert {k: v["channel"] for k, v in opts["lights"].items()} == {"white": 1, "uv": 2, "ir": 3}


def test_start_up_notice_is_shown(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usb_relay, "default_backend", lambda: FakeRelayBackend())
    session = DeviceSession(DevicesConfig(readers={"box": _box()}, active="box"))
    w = DeviceSettingsWidget(session)
    qtbot.addWidget(w)
    try:
        assert session.reader_name == "simulator"
        assert "USB relay board BOX01" in w.status.text()
        assert "simulator" in w.status.text()
    finally:
        w.shutdown()
        session.close()
        rig_module.uninstall_signal_handlers()
