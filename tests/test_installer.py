"""The installer files agree with each other and with the package (issue 9).

The Windows installer is built on Windows; here its script is checked against
the bundle layout the spec produces, and the Linux install/uninstall scripts
are run for real into temporary folders.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INST = ROOT / "installer"


def _spec_names() -> tuple[set[str], str]:
    spec = (INST / "workstation.spec").read_text()
    exes = set(re.findall(r'EXE\([^)]*?name="([^"]+)"', spec, flags=re.S))
    collect = re.search(r'COLLECT\([^)]*?name="([^"]+)"', spec, flags=re.S)
    assert collect is not None
    return exes, collect.group(1)


def test_one_version_everywhere() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    iss = (INST / "windows" / "workstation.iss").read_text()
    m = re.search(r'#define AppVersion "([^"]+)"', iss)
    assert m is not None
    assert m.group(1) == pyproject == version("workstation")
    import workstation

    assert workstation.__version__ == pyproject


def test_windows_script_names_only_files_of_the_bundle() -> None:
    exes, folder = _spec_names()
    assert exes == {"workstation", "workstation-gui"}
    iss = (INST / "windows" / "workstation.iss").read_text()
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', iss))
    assert defines["BundleDir"].replace("\\", "/").endswith(f"dist/{folder}")
    sources = re.findall(r'Source: "([^"]+)"', iss)
    assert sources
    bundle_layout = {f"{e}.exe" for e in exes} | {"_internal"}
    for src in sources:
        rel = src.replace("{#BundleDir}\\", "")
        for key, value in defines.items():
            rel = rel.replace("{#" + key + "}", value)
        top = rel.split("\\", 1)[0]
        assert top in bundle_layout, f"{src} is not in the bundle layout {sorted(bundle_layout)}"
    for icon in re.findall(r"(?:SetupIconFile)=(.+)", iss):
        assert (INST / "windows" / icon.strip().replace("\\", "/")).resolve().is_file()
    built = ROOT / "dist" / folder
    if built.is_dir():  # after `make installer`, check the real layout too (minus .exe)
        for name in bundle_layout:
            assert (built / name.removesuffix(".exe")).exists(), name


def test_spec_ships_every_resource_folder() -> None:
    spec = (INST / "workstation.spec").read_text()
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert "opencv-python" not in spec.replace("opencv-python-headless", "")
    for banned in ("PySide6.QtWebEngineCore", "pytest"):
        assert f'"{banned}"' in spec  # explicitly excluded


def test_desktop_entry_points_at_the_installed_gui() -> None:
    desktop = (INST / "linux" / "workstation.desktop").read_text()
    assert "Exec=/opt/workstation/workstation-gui" in desktop
    assert "Icon=workstation" in desktop
    assert (ROOT / "resources" / "icons" / "workstation.png").is_file()


@pytest.mark.skipif(os.name != "posix", reason="POSIX shell scripts")
def test_linux_install_and_uninstall_keep_user_data(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "workstation").mkdir(parents=True)
    for exe in ("workstation", "workstation-gui"):
        f = pkg / "workstation" / exe
        f.write_text("#!/bin/sh\necho bundled\n")
        f.chmod(0o755)
    for name in ("install.sh", "uninstall.sh", "workstation.desktop"):
        (pkg / name).write_bytes((INST / "linux" / name).read_bytes())
        (pkg / name).chmod(0o755)
    (pkg / "workstation.png").write_bytes((ROOT / "resources/icons/workstation.png").read_bytes())
    env = {**os.environ, "PREFIX": str(tmp_path / "opt/workstation"),
           "SHARE": str(tmp_path / "share"), "BIN": str(tmp_path / "bin")}
    user_data = tmp_path / "home/.local/share/workstation"
    user_data.mkdir(parents=True)
    (user_data / "workstation.db").write_text("cases")

    subprocess.run(["sh", str(pkg / "install.sh")], check=True, env=env, capture_output=True)
    out = subprocess.run([str(tmp_path / "bin/workstation")], check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "bundled"
    entry = (tmp_path / "share/applications/workstation.desktop").read_text()
    assert f"Exec={tmp_path}/opt/workstation/workstation-gui" in entry
    assert (tmp_path / "share/icons/hicolor/256x256/apps/workstation.png").is_file()

    subprocess.run(["sh", str(tmp_path / "opt/workstation/uninstall.sh")], check=True, env=env,
                   capture_output=True)
    assert not (tmp_path / "opt/workstation").exists()
    assert not (tmp_path / "bin/workstation").exists()
    assert not (tmp_path / "share/applications/workstation.desktop").exists()
    assert (user_data / "workstation.db").read_text() == "cases"
