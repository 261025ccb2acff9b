"""``python main.py --screenshot``: the real simulated reader and examination, end to end."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKSTATION_HOME=str(home))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.parametrize("view", ["capture", "checks"])
def test_screenshot_shows_the_passport(tmp_path: Path, view: str, bundled_root: Path) -> None:
    shutil.copytree(bundled_root, tmp_path / "home" / "specimens")  # not rendered again
    out = tmp_path / f"{view}.png"
    proc = _run("--screenshot", str(out), "--view", view, "--size", "1366x768",
                home=tmp_path / "home")
    assert proc.returncode == 0, proc.stderr
    from workstation.imageio import read_image

    img = read_image(out)
    assert img.shape[:2] == (768, 1366)  # fits a common laptop screen
    # the image area (centre) holds a lit document, not the empty canvas
    centre = img[250:550, 350:950].astype(int)
    assert centre.std() > 15
    assert np.isin(centre, (0, 255)).mean() < 0.9  # a document, not a blank or black canvas
    if view == "capture":  # the white-light page is bright
        assert (centre.max(axis=2) > 150).mean() > 0.1


def test_screenshot_errors_are_one_line(tmp_path: Path) -> None:
    proc = _run("--screenshot", str(tmp_path / "missing" / "x.png"), home=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "does not exist" in proc.stderr
    assert not (tmp_path / "missing").exists()
    bad = _run("--screenshot", str(tmp_path / "x.png"), "--view", "nonsense", home=tmp_path)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
    assert not (tmp_path / "x.png").exists()  # no picture written for a refused view


@pytest.mark.slow
@pytest.mark.parametrize("view", ["chip", "barcodes", "trends"])
def test_screenshot_of_the_new_panels_fits(tmp_path: Path, view: str) -> None:
    """``--view chip|barcodes|trends`` drive the window through the chip read, the back
    capture or the supervisor's Trends view, and nothing is clipped at 1280 x 720."""
    home = tmp_path / "home"
    args = []
    if view == "trends":
        from workstation.cases import CaseRepository

        home.mkdir()
        with CaseRepository.open(f"sqlite:///{home / 'workstation.db'}") as repo:
            from tests.accounts import supervisor_account

            supervisor_account(repo, "sue", "Sue Supervisor")
        args = ["--user", "sue"]
    out = tmp_path / f"{view}.png"
    proc = _run("--screenshot", str(out), "--view", view, "--size", "1280x720",
                "--check-layout", *args, home=home)
    assert proc.returncode == 0, proc.stderr
    assert "layout:" not in proc.stderr
    from workstation.imageio import read_image

    assert read_image(out).shape[:2] == (720, 1280)


@pytest.mark.slow
def test_a_light_the_reader_lacks_is_a_one_line_error(tmp_path: Path,
                                                     bundled_root: Path) -> None:
    """``--light transmitted`` with the default reader (white, UV, IR) says so and writes
    no picture, instead of showing white light under the transmitted name."""
    shutil.copytree(bundled_root, tmp_path / "home" / "specimens")
    out = tmp_path / "x.png"
    proc = _run("--screenshot", str(out), "--view", "side-by-side", "--light", "transmitted",
                home=tmp_path / "home")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().count("\n") == 0
    assert "no transmitted image" in proc.stderr and "white, uv, ir" in proc.stderr
    assert not out.exists()
