"""The device settings' model without a window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workstation.errors import DeviceError
from workstation.hardware import rig as rig_module
from workstation.hardware.base import Reader, ReaderConfig
from workstation.hardware.config import DevicesConfig, load_devices
from workstation.session.devices import CALIBRATION_STEPS, DeviceSession
from workstation.types import Light


@pytest.fixture
def session() -> Iterator[DeviceSession]:
    s = DeviceSession(DevicesConfig())
    yield s
    s.close()
    rig_module.uninstall_signal_handlers()


def test_starts_on_the_simulator_without_calibration(session: DeviceSession) -> None:
    assert session.reader_name == "simulator" and session.notice is None
    assert not session.can_calibrate and session.calibration_step is None
    assert session.test_lamp(Light.UV) and session.reader.current_light is Light.UV
    assert session.test_lamp(None) and session.reader.current_light is None
    assert not session.test_lamp(Light.TRANSMITTED)  # the simulator has none
    assert "transmitted" in session.message


def test_switching_readers_and_failures(session: DeviceSession, tmp_path: object) -> None:
    heard: list[Reader] = []
    session.listeners.append(heard.append)
    assert not session.use("nothing")
    assert "no such reader" in session.message
    session.configure("export", ReaderConfig("folder", {"folder": str(tmp_path)}))
    assert load_devices().readers["export"].kind == "folder"
    old = session.reader
    assert session.use("export")
    assert session.reader_name == "export" and heard == [session.reader]
    with pytest.raises(DeviceError, match="closed"):
        old.live_frame()  # the previous reader was closed: its lamps are off
    session.configure("gone", ReaderConfig("folder", {"folder": str(tmp_path) + "/none"}))
    assert not session.use("gone")
    assert "does not exist" in session.message and "using export folder" in session.message
    assert session.reader_name == "export"  # reopened the previous reader
    assert load_devices().active == "export"
    with pytest.raises(ValueError):
        session.configure("simulator", ReaderConfig("folder", {"folder": "x"}))
    with pytest.raises(ValueError):
        session.configure(" ", ReaderConfig("simulated"))


def test_calibration_steps_are_the_documented_ones() -> None:
    assert [s.key for s in CALIBRATION_STEPS] == ["dark", "flat", "dpi", "save"]
    assert all(s.guidance for s in CALIBRATION_STEPS)


def test_a_reader_opened_by_the_window_gets_its_configured_name(tmp_path: object) -> None:
    from workstation.hardware.base import open_reader

    cfg = DevicesConfig(readers={"box": ReaderConfig("rig", {}),
                                 "export": ReaderConfig("folder", {"folder": str(tmp_path)})},
                        active="box")
    simulator = open_reader(ReaderConfig("simulated"))
    fell_back = DeviceSession(cfg, reader=simulator, persist=False)
    assert fell_back.reader_name == "simulator"  # the box was not there at start-up
    folder = open_reader(ReaderConfig("folder", {"folder": str(tmp_path)}))
    assert DeviceSession(cfg, reader=folder, persist=False).reader_name == "export"
    cfg.active = "export"
    assert DeviceSession(cfg, reader=folder, persist=False).reader_name == "export"
    simulator.close()
    folder.close()
    rig_module.uninstall_signal_handlers()
