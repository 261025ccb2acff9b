"""Issue 19, failure 7: "workstation.db and image blobs are world-readable (0644 in a 0755
folder): travellers' personal data and portraits." The data folder is 0700, the
database (with its -wal/-shm files) and every blob 0600, also under an open umask,
and an older installation is tightened when it is opened."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workstation.cli import main

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.slow
def test_database_and_blobs_are_not_world_readable(
        open_umask: None, home_library: Path, tmp_path: Path,
        simulated_capture: Callable[..., Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "fresh-home"
    monkeypatch.setenv("WORKSTATION_HOME", str(home))
    import shutil

    shutil.copytree(home_library / "specimens", home / "specimens")
    home.chmod(0o755)  # as an older version left it
    assert main(["examine", str(simulated_capture()), "--json"]) == 0
    assert _mode(home) == 0o700
    db = home / "workstation.db"
    assert _mode(db) == 0o600
    for companion in (home / "workstation.db-wal", home / "workstation.db-shm"):
        if companion.exists():
            assert _mode(companion) == 0o600
    blobs = [p for p in (home / "blobs").rglob("*")]
    assert any(p.is_file() for p in blobs)
    for path in [home / "blobs", *blobs]:
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_an_older_installation_is_tightened_when_opened(
        open_umask: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "old-home"
    monkeypatch.setenv("WORKSTATION_HOME", str(home))
    assert main(["cases", "list", "--json"]) == 0
    db = home / "workstation.db"
    home.chmod(0o755)
    db.chmod(0o644)
    assert main(["cases", "list", "--json"]) == 0
    assert _mode(home) == 0o700 and _mode(db) == 0o600
