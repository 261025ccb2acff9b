"""Atomic file writes (a temporary file in the same folder, then rename) and private folders.

Privacy is inherited: a file or folder created inside a folder that only its owner
may enter (no group or other permissions, like the data folder, mode 0700) is
created private too (files 0600, folders 0700), so travellers' data written
anywhere under the data folder is never world-readable.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def is_private(folder: str | Path) -> bool:
    """Whether ``folder`` grants nothing to group or others (always true on Windows,
    where the data folder's access list is inherited instead)."""
    if os.name != "posix":
        return True
    try:
        return stat.S_IMODE(os.stat(folder).st_mode) & 0o077 == 0
    except OSError:
        return False


def make_dirs(path: str | Path, *, private: bool | None = None) -> Path:
    """``mkdir -p path``; new folders are 0700 when ``private`` (default: when the nearest
    existing ancestor is private), else the process's default mode."""
    path = Path(path)
    missing: list[Path] = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    if private is None:
        private = is_private(probe)
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700) if private else folder.mkdir()
    if not path.is_dir():
        raise NotADirectoryError(str(path))
    return path


def make_private_dir(path: str | Path) -> Path:
    """Create ``path`` (and missing parents) with mode 0700, or tighten it to 0700 when it
    exists with group or other permissions (POSIX; owner only)."""
    path = make_dirs(path, private=True)
    if os.name == "posix" and not is_private(path):
        with contextlib.suppress(OSError):
            if os.stat(path).st_uid == os.geteuid():
                os.chmod(path, 0o700)
    return path


def new_file_mode(path: Path) -> int:
    """The mode a new file at ``path`` gets: 0600 in a private folder, else 0644."""
    return 0o600 if is_private(path.parent) else 0o644


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """Open a temporary sibling of ``path`` for writing; rename it over ``path`` on success.

    On any exception the temporary file is removed and ``path`` is left as it was. The
    file keeps the mode it had; a new file is 0600 in a private folder, else 0644.
    """
    path = Path(path)
    make_dirs(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            file_mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            file_mode = new_file_mode(path)
        os.chmod(tmp, file_mode)
        with os.fdopen(fd, mode) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def atomic_dir(path: str | Path) -> Iterator[Path]:
    """Build a folder under a temporary name next to ``path``, then rename it into place.

    ``path`` must not exist yet (raises ``FileExistsError``). On failure the
    temporary folder is removed.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(str(path))
    make_dirs(path.parent)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        if not is_private(path.parent):
            tmp.chmod(0o755)  # mkdtemp creates 0700
        yield tmp
        try:
            os.replace(tmp, path)
        except OSError as exc:
            # another process put its folder there first (ENOTEMPTY/EEXIST on POSIX,
            # access denied on Windows): that is "exists already", not a failure
            if path.exists():
                raise FileExistsError(str(path)) from exc
            raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
