"""``workstation --version`` answers without importing what no command needs yet."""

from __future__ import annotations

import subprocess
import sys


def test_version_imports_no_heavy_module() -> None:
    code = ("import sys\n"
            "from workstation.cli import main\n"
            "assert main(['--version']) == 0\n"
            "heavy = [m for m in ('numpy', 'sqlalchemy', 'cv2', 'PySide6') if m in sys.modules]\n"
            "print(','.join(heavy))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout.splitlines()
    assert out[0].startswith("workstation ")
    assert out[1] == "", f"--version imported {out[1]}"
