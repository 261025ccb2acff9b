"""The window survives a long run: thousands of paints, marks, zooms and switches.

A binding that leaks references (PySide6 6.12.0 on Python 3.11) aborts only after a few
thousand Qt calls, so this drives the real window in a subprocess (an abort there would
kill the test runner) and fails on any abnormal end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = 2000


@pytest.mark.slow
def test_window_survives_thousands_of_operations(tmp_path: Path, bundled_root: Path) -> None:
    shutil.copytree(bundled_root, tmp_path / "home" / "specimens")  # not rendered again
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKSTATION_HOME=str(tmp_path / "home"))
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--soak", str(OPERATIONS), "--size", "1280x800"],
        env=env, capture_output=True, text=True, timeout=280)
    tail = proc.stderr[-2000:]
    assert proc.returncode == 0, f"window ended with {proc.returncode}:\n{tail}"
    assert f"soak: {OPERATIONS} operations in" in proc.stderr, tail
    assert "Fatal Python error" not in proc.stderr


def test_soak_refuses_a_negative_count(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKSTATION_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--soak", "-1"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
