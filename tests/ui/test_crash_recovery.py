"""Nothing lost (issue 14, item 2): the window killed with SIGKILL right after a capture
reopens, at its next start, on that capture and its examination."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workstation.cases import CaseRepository, Status

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "WORKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.slow
def test_sigkill_right_after_a_capture_then_reopen(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("WORKSTATION_HOME", str(home))  # its audit key and checkpoints too
    log = tmp_path / "first.err"
    stored = None
    with log.open("w") as err, subprocess.Popen(
            [sys.executable, "-m", "tests.ui.crash_window", "capture"], cwd=ROOT,
            env=_env(home), stdout=subprocess.PIPE, stderr=err, text=True) as proc:
        assert proc.stdout is not None
        deadline = time.monotonic() + 240
        try:
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                if line.startswith("stored "):
                    stored = int(line.split()[1])
                    proc.send_signal(signal.SIGKILL)  # right after the capture is stored
                    break
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(30)
    assert stored is not None, log.read_text()
    assert proc.returncode == -signal.SIGKILL
    with CaseRepository.open(f"sqlite:///{home / 'workstation.db'}") as repo:
        draft = repo.open_examination(stored)
        assert draft.status is Status.DRAFT and len(draft.images) == 3
        assert repo.verify_audit().ok

    again = subprocess.run([sys.executable, "-m", "tests.ui.crash_window", "reopen"],
                           cwd=ROOT, env=_env(home), capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0, again.stderr
    (line,) = [ln for ln in again.stdout.splitlines() if ln.startswith("reopened")]
    _, exam_id, lights, verdict, *_ = line.split(" ", 4)
    assert int(exam_id) == stored
    assert lights == "white,uv,ir"
    assert verdict == "fail"  # the office-paper forgery, examined again
    with CaseRepository.open(f"sqlite:///{home / 'workstation.db'}") as repo:
        assert repo.open_examination(stored).examination["verdict"] == "fail"

    # closed normally: the next start has nothing to reopen
    third = subprocess.run([sys.executable, "-m", "tests.ui.crash_window", "reopen"],
                           cwd=ROOT, env=_env(home), capture_output=True, text=True,
                           timeout=300)
    assert third.returncode == 0, third.stderr
    assert "nothing reopened" in third.stdout


@pytest.mark.slow
def test_sigterm_closes_the_window_and_saves_what_was_typed(tmp_path: Path) -> None:
    """A logout or ``kill`` sends SIGTERM: the window closes as by its close button, the
    findings typed a moment before are saved, and the next start has nothing to
    recover."""
    home = tmp_path / "home"
    log = tmp_path / "first.err"
    typed = None
    with log.open("w") as err, subprocess.Popen(
            [sys.executable, "-m", "tests.ui.crash_window", "typed"], cwd=ROOT,
            env=_env(home), stdout=subprocess.PIPE, stderr=err, text=True) as proc:
        assert proc.stdout is not None
        deadline = time.monotonic() + 240
        try:
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                if line.startswith("typed "):
                    typed = int(line.split()[1])
                    proc.send_signal(signal.SIGTERM)  # before the autosave's delay
                    break
            proc.wait(120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(30)
    assert typed, log.read_text()
    assert proc.returncode == 0, log.read_text()
    assert "SIGTERM: closing the window" in log.read_text()
    with CaseRepository.open(f"sqlite:///{home / 'workstation.db'}") as repo:
        record = repo.open_examination(typed)
        assert record.findings is not None
        assert record.findings.text == "Typed just before the logout"
    again = subprocess.run([sys.executable, "-m", "tests.ui.crash_window", "reopen"],
                           cwd=ROOT, env=_env(home), capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0, again.stderr
    assert "nothing reopened" in again.stdout
