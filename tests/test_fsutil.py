"""Atomic writes: all or nothing; ordinary permissions in an open folder, private ones
in a private folder (the data folder)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from workstation.fsutil import atomic_dir, atomic_write_bytes


def test_atomic_write_replaces_whole_and_keeps_mode(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    target = tmp_path / "a.bin"
    atomic_write_bytes(target, b"one")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o600)
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_atomic_dir_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    with atomic_dir(tmp_path / "pkg") as tmp:
        (tmp / "x").write_text("x")
    assert (tmp_path / "pkg" / "x").read_text() == "x"
    assert stat.S_IMODE((tmp_path / "pkg").stat().st_mode) == 0o755
    with pytest.raises(RuntimeError), atomic_dir(tmp_path / "other") as tmp:
        (tmp / "y").write_text("y")
        raise RuntimeError("boom")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]
    with pytest.raises(FileExistsError), atomic_dir(tmp_path / "pkg"):
        pass


def test_inside_a_private_folder_everything_is_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    atomic_write_bytes(home / "deep" / "er" / "a.bin", b"x")
    assert stat.S_IMODE((home / "deep").stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "deep" / "er").stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "deep" / "er" / "a.bin").stat().st_mode) == 0o600
    with atomic_dir(home / "pkg") as tmp:
        (tmp / "x").write_text("x")
    assert stat.S_IMODE((home / "pkg").stat().st_mode) == 0o700


def test_atomic_dir_lost_race_is_file_exists(tmp_path: Path) -> None:
    with pytest.raises(FileExistsError), atomic_dir(tmp_path / "pkg") as tmp:
        (tmp / "mine").write_text("1")
        (tmp_path / "pkg").mkdir()  # another process finished first
        (tmp_path / "pkg" / "theirs").write_text("2")
    assert [p.name for p in (tmp_path / "pkg").iterdir()] == ["theirs"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]
