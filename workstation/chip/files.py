"""Chip files on disk: a folder (or list of files) dumped by any reader, and the folder
``chip read`` writes.

Names are matched without regard to case: ``EF.SOD``, ``EF_SOD.bin``, ``SOD.bin``,
``EF.COM``, ``DG1.bin``, ``EF.DG1``, ``EF_DG1.bin``, ``Datagroup1.bin``,
``DataGroup1.bin``, ``EF.CardAccess``; a ``.bin`` or ``.dat`` file with any other
name is recognised by its first tag. ``chip.json`` is the reading's record.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from workstation.chip.lds import file_name_of
from workstation.errors import FormatError
from workstation.fsutil import atomic_write_bytes, atomic_write_text

CHIP_JSON = "chip.json"
#: At most this many files, each at most this many bytes, are read from a folder.
MAX_FILES = 64
MAX_FILE_BYTES = 2 * 1024 * 1024

_NAME = re.compile(
    r"^(?:ef[._])?(?:(?P<sod>sod)|(?P<com>com)|(?P<ca>cardaccess)|"
    r"(?:dg|datagroup|data_group)(?P<dg>\d{1,2}))(?:\.(?:bin|dat|der))?$", re.IGNORECASE)


def canonical_name(file_name: str, data: bytes | None = None) -> str | None:
    """``EF.SOD``, ``EF.COM``, ``EF.CardAccess`` or ``DGn`` for a dumped file's name (or,
    for an unknown ``.bin``/``.dat`` name, its first tag); ``None`` when not a chip file."""
    m = _NAME.match(file_name.strip())
    if m:
        if m.group("sod"):
            return "EF.SOD"
        if m.group("com"):
            return "EF.COM"
        if m.group("ca"):
            return "EF.CardAccess"
        n = int(m.group("dg"))
        return f"DG{n}" if 1 <= n <= 16 else None
    if data and Path(file_name).suffix.lower() in (".bin", ".dat"):
        return file_name_of(data[0]) or None
    return None


def collect(files: Mapping[str, bytes]) -> tuple[dict[str, bytes], dict[str, Any] | None]:
    """``(chip files by canonical name, chip.json or None)`` from ``name -> bytes``.

    Raises:
        FormatError: two files claim the same chip file, or chip.json is not JSON.
    """
    out: dict[str, bytes] = {}
    record = None
    for name, data in files.items():
        base = Path(name).name
        if base.lower() == CHIP_JSON:
            try:
                record = json.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise FormatError(name, f"not valid JSON ({exc})") from None
            continue
        canon = canonical_name(base, data)
        if canon is None:
            continue
        if canon in out and out[canon] != data:
            raise FormatError(name, f"a second, different {canon}")
        out[canon] = data
    return out, record if isinstance(record, dict) else None


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FormatError(path, f"{size} bytes: too large for a chip file")
        return path.read_bytes()
    except OSError as exc:
        raise FormatError(path, f"cannot read ({exc.strerror or exc})") from None


def load_paths(paths: Iterable[str | Path]) -> tuple[dict[str, bytes], dict[str, Any] | None]:
    """Chip files from files and folders (each folder's files, not recursive).

    Raises:
        FormatError: a path is missing or unreadable, too many files, or no chip file.
    """
    raw: dict[str, bytes] = {}
    for p in map(Path, paths):
        if p.is_dir():
            members = sorted(f for f in p.iterdir() if f.is_file())
            if len(members) > MAX_FILES:
                raise FormatError(p, f"{len(members)} files: not a chip dump")
            for f in members:
                if canonical_name(f.name) or f.suffix.lower() in (".bin", ".dat") or \
                        f.name.lower() == CHIP_JSON:
                    raw[str(f)] = _read(f)
        elif p.is_file():
            raw[str(p)] = _read(p)
        else:
            raise FormatError(p, "no such file or folder")
    files, record = collect(raw)
    if not files:
        raise FormatError(", ".join(map(str, paths)), "no chip files (EF.SOD, DG1.bin, ...) "
                          "found")
    return files, record


def file_name_on_disk(name: str) -> str:
    """The file name ``chip read`` writes: ``EF.COM``, ``EF.SOD``, ``EF.CardAccess``,
    ``DG1.bin``..."""
    return f"{name}.bin" if name.startswith("DG") else name


def save_files(folder: Path, files: Mapping[str, bytes], record: Mapping[str, Any] | None) -> None:
    """Write the chip files (and ``chip.json`` last) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        atomic_write_bytes(folder / file_name_on_disk(name), data)
    if record is not None:
        atomic_write_text(folder / CHIP_JSON, json.dumps(record, indent=2) + "\n")
