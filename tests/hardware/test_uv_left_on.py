"""Issue 19, failure 6: "UV left on."

SIGHUP, SIGQUIT, a native crash, SIGKILL, or SIGTERM while the Qt event loop is idle
left the UV lamp on (the 60 s auto-off was a thread of the dying process). Each is
made here against a real child process driving the real rig and relay-board driver
over a fake board that lives outside any one process (as a USB board does), and the
board is watched from outside: the UV lamp was lit, and every relay ends off.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.hardware import shared_relay

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ROOT = Path(__file__).resolve().parents[2]
UV = 0b0010

CHILD = textwrap.dedent("""
    import ctypes, signal, sys, time
    # the premise: these signals end the process (a parent started under nohup passes
    # SIGHUP on ignored, and the lamps rightly stay as they are in a process that lives)
    for sig in (signal.SIGHUP, signal.SIGQUIT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    from pathlib import Path
    from tests.hardware import shared_relay
    from tests.hardware.fake_camera import CaptureFactory, RelayScene, pattern_image
    from workstation.hardware.base import ReaderConfig
    from workstation.hardware.rig import open_rig
    from workstation.types import Light

    state, mode, watchdog = sys.argv[1], sys.argv[2], sys.argv[3] == "watchdog"
    board = shared_relay.SharedRelayBoard(state)
    channels = {Light.WHITE: 1, Light.UV: 2, Light.IR: 3}
    scene = RelayScene(board, {lt: pattern_image(lt) for lt in channels}, channels)
    app = None
    if mode == "qt-idle":
        from PySide6.QtWidgets import QApplication
        from workstation.ui.signal_wakeup import install_signal_wakeup
        app = QApplication(["child"])
        install_signal_wakeup(app)
    rig = open_rig(ReaderConfig("rig", {
        "relay": {"serial": board.serial}, "usb_backend": shared_relay.backend(state),
        "camera": {"device": "fake://child", "warmup_frames": 1},
        "capture_factory": CaptureFactory(scene),
        "calibration_dir": str(Path(state).parent / "cal"),
        "lights": {"white": 1, "uv": {"channel": 2, "auto_off_s": 300}, "ir": 3},
        "watchdog": watchdog, "watchdog_timeout_s": 1.5,
        "watchdog_backend": "tests.hardware.shared_relay:backend",
        "watchdog_backend_arg": state}))
    rig.set_light(Light.UV)
    print("lit", rig.watchdog.pid if rig.watchdog else 0, flush=True)
    if mode == "crash":
        ctypes.string_at(0)  # a segmentation fault in native code
    if app is not None:
        sys.exit(app.exec())
    time.sleep(120)
""")


def _start(tmp_path: Path, mode: str, watchdog: bool) -> tuple[subprocess.Popen[str], Path, int]:
    state = shared_relay.create(tmp_path / "board.json")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(state), mode,
                             "watchdog" if watchdog else "alone"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    assert line and line[0] == "lit", proc.stderr.read() if proc.stderr else ""
    assert shared_relay.masks(state)[-1] == UV  # the UV lamp alone is on
    return proc, state, int(line[1])


def _off_within(state: Path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if shared_relay.SharedRelayBoard(state).mask == 0:
            return True
        time.sleep(0.05)
    return False


def _end(proc: subprocess.Popen[str]) -> int:
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    return proc.returncode


def _watchdog_gone(pid: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    pytest.fail("the watchdog did not end")


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGQUIT], ids=["SIGHUP", "SIGQUIT"])
def test_sighup_and_sigquit_switch_the_uv_lamp_off(tmp_path: Path, sig: int) -> None:
    # no watchdog: the process's own handlers do it
    proc, state, _ = _start(tmp_path, "sleep", watchdog=False)
    proc.send_signal(sig)
    assert _end(proc) == -sig  # it still ends as that signal ends it
    assert _off_within(state, 5)
    assert UV in shared_relay.masks(state) and shared_relay.masks(state)[-1] == 0


def test_sigterm_while_the_qt_event_loop_is_idle_switches_the_uv_lamp_off(
        tmp_path: Path) -> None:
    proc, state, _ = _start(tmp_path, "qt-idle", watchdog=False)
    time.sleep(0.5)  # the event loop is waiting, no Python runs
    proc.send_signal(signal.SIGTERM)
    assert _off_within(state, 5)
    assert _end(proc) == -signal.SIGTERM


def test_sigkill_switches_the_uv_lamp_off(tmp_path: Path) -> None:
    proc, state, watchdog = _start(tmp_path, "sleep", watchdog=True)
    assert watchdog > 0
    proc.send_signal(signal.SIGKILL)
    assert _end(proc) == -signal.SIGKILL
    assert _off_within(state, 20)  # the watchdog saw the pipe close
    _watchdog_gone(watchdog)


def test_a_native_crash_switches_the_uv_lamp_off(tmp_path: Path) -> None:
    proc, state, watchdog = _start(tmp_path, "crash", watchdog=True)
    assert _end(proc) == -signal.SIGSEGV
    assert _off_within(state, 20)
    _watchdog_gone(watchdog)


def test_a_hung_application_switches_the_uv_lamp_off(tmp_path: Path) -> None:
    proc, state, watchdog = _start(tmp_path, "sleep", watchdog=True)
    proc.send_signal(signal.SIGSTOP)  # hangs: no heartbeat, no timer, nothing runs
    try:
        assert _off_within(state, 20)  # heartbeat timeout 1.5 s
    finally:
        proc.send_signal(signal.SIGCONT)
        proc.kill()
        _end(proc)
    _watchdog_gone(watchdog)


def test_the_watchdog_enforces_auto_off_and_ends_with_the_rig(tmp_path: Path) -> None:
    from workstation.hardware.watchdog import LampWatchdog

    state = shared_relay.create(tmp_path / "board.json")
    board = shared_relay.SharedRelayBoard(state)
    wd = LampWatchdog([board.serial], timeout_s=30, backend_spec=
                      "tests.hardware.shared_relay:backend", backend_arg=str(state))
    try:
        board.mask = UV
        wd.lit(0.5)  # the application's own timer never runs: the watchdog's does
        assert _off_within(state, 10)
        board.mask = UV
        wd.lit(None)
        time.sleep(1.0)
        assert board.mask == UV  # no deadline and heartbeats: it stays on
        wd.off()
    finally:
        wd.close()
    assert not wd.alive()
    assert board.mask == UV  # a normal close ("bye") leaves the relays to the rig


def test_opening_and_saving_the_rig_settings_keeps_auto_off_s(qtbot: object) -> None:
    from workstation.hardware.rig import profiles_from_options
    from workstation.types import Light
    from workstation.ui.devices import RigForm

    saved = {"name": "box", "watchdog_timeout_s": 3,
             "camera": {"device": 0, "warmup_frames": 3, "api": 200},
             "relay": {"serial": "QWERT"},
             "lights": {"white": 1, "uv": {"channel": 2, "board": "QWERT"}, "ir": 3,
                        "uv254": {"channel": 4, "auto_off_s": None}}}
    form = RigForm()
    qtbot.addWidget(form)  # type: ignore[attr-defined]
    form.load(saved)
    again = form.options()  # opened and saved without a change
    profiles = profiles_from_options(again)
    assert profiles[Light.UV].auto_off_s == 60.0  # the default it did not show
    assert profiles[Light.UV254].auto_off_s is None  # "never", as it was saved
    assert again["lights"]["uv"]["board"] == "QWERT"
    assert again["camera"] == {"device": 0, "warmup_frames": 3, "api": 200}
    assert again["name"] == "box" and again["watchdog_timeout_s"] == 3


def test_the_hardwares_threads_leave_terminating_signals_to_the_main_thread() -> None:
    """A signal the kernel hands to a reader or timer thread would leave a main thread
    asleep in a system call, and the lamps on, until it woke by itself."""
    import threading

    from workstation.hardware.signals import TERMINATING_SIGNALS, start_thread

    seen: list[set[int]] = []
    thread = threading.Thread(target=lambda: seen.append(
        set(signal.pthread_sigmask(signal.SIG_BLOCK, []))))
    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    start_thread(thread)
    thread.join(10)
    assert seen and set(TERMINATING_SIGNALS) <= seen[0]
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before  # the caller's mask is back
    plain: list[set[int]] = []
    other = threading.Thread(target=lambda: plain.append(
        set(signal.pthread_sigmask(signal.SIG_BLOCK, []))))
    other.start()
    other.join(10)
    assert signal.SIGHUP not in plain[0]  # a thread started plainly would take them


def test_the_rigs_threads_are_started_that_way() -> None:
    import inspect

    from workstation.hardware import camera, rig, watchdog

    for module in (camera, rig, watchdog):
        source = inspect.getsource(module)
        assert "start_thread(" in source and ".start()" not in source, module.__name__
