"""Lamps go off when the program crashes or is terminated (a real child process)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from tests.hardware.fake_camera import CaptureFactory, RelayScene, pattern_image
    from tests.hardware import fake_relay_backend as frb
    from workstation.hardware.base import ReaderConfig
    from workstation.hardware.rig import open_rig
    from workstation.types import Light

    log = Path(sys.argv[1])
    original = frb.FakeRelayBackend._set_report

    def logged(board, payload):
        n = original(board, payload)
        with log.open("a") as fh:
            fh.write(f"{board.mask}\\n")
        return n

    frb.FakeRelayBackend._set_report = staticmethod(logged)
    board = frb.FakeRelayBoard(serial="CHILD", channels=4, address=5)
    channels = {Light.WHITE: 1, Light.UV: 2, Light.IR: 3}
    scene = RelayScene(board, {lt: pattern_image(lt) for lt in channels}, channels)
    rig = open_rig(ReaderConfig("rig", {
        "relay": {"serial": "CHILD"}, "camera": {"device": "fake://child", "warmup_frames": 1},
        "usb_backend": frb.FakeRelayBackend(board), "capture_factory": CaptureFactory(scene),
        "calibration_dir": str(log.parent / "cal")}))
    rig.set_light(Light.UV)
    print("lit", flush=True)
    if sys.argv[2] == "crash":
        raise RuntimeError("the program crashed")
    time.sleep(30)
""")


def _run(tmp_path: Path, mode: str) -> tuple[subprocess.Popen[str], Path]:
    log = tmp_path / "relay.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(log), mode], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, log


def _masks(log: Path) -> list[int]:
    return [int(x) for x in log.read_text().split()]


def test_crash_switches_the_lamps_off(tmp_path: Path) -> None:
    proc, log = _run(tmp_path, "crash")
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "the program crashed" in err
    masks = _masks(log)
    assert 0b0010 in masks  # the UV lamp was on...
    assert masks[-1] == 0  # ...and the exit handler switched everything off


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_switches_the_lamps_off(tmp_path: Path) -> None:
    proc, log = _run(tmp_path, "wait")
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "lit"
    time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGTERM  # it still ends as terminated
    masks = _masks(log)
    assert 0b0010 in masks and masks[-1] == 0


def test_at_exit_the_camera_reader_thread_is_stopped(tmp_path: Path) -> None:
    """The exit handler switches the lamps off and then stops the camera's reader thread
    (a daemon): no thread of ours runs while the interpreter finalises."""
    anchor = 'if sys.argv[2] == "crash":'
    assert anchor in CHILD
    code = CHILD.replace(anchor, '''import threading
from workstation.hardware import rig as rig_module
def readers():
    return [t.name for t in threading.enumerate() if t.name.endswith(" reader")]
before = readers()
rig_module._at_exit()
print("readers", len(before), len(readers()), flush=True)
''' + anchor)
    log = tmp_path / "relay.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code, str(log), "crash"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "readers 1 0" in proc.stdout
    assert _masks(log)[-1] == 0
