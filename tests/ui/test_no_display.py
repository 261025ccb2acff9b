"""Without a display the window says so in one line; a screenshot needs no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workstation.ui.app import missing_display

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_missing_display_rules() -> None:
    assert missing_display({})
    assert not missing_display({"DISPLAY": ":0"})
    assert not missing_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert not missing_display({"QT_QPA_PLATFORM": "offscreen"})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_window_without_display_exits_2_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["WORKSTATION_HOME"] = str(tmp_path)
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--user", "t"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0]


def test_window_start_does_not_load_pyqtgraph(tmp_path: Path) -> None:
    """The Trends view and the trainer load pyqtgraph (and through it QtOpenGL) when
    opened; building the window does not (start time, and a bundle that lacked
    QtOpenGL failed at start, not when a chart was asked for)."""
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from workstation.ui.main_window import MainWindow\n"
            "w = MainWindow(None, user='t', store=False)\n"
            "print('pyqtgraph' in sys.modules)\n"
            "w.close()\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKSTATION_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "False"
