"""Limits on input: how large a file, an image, a JSON document or a zip may be.

Every reader of capture folders, specimen packages and images takes its limits
from :func:`current`, so one setting applies everywhere. The defaults suit
document captures up to 1200 dpi (a TD3 page at 1200 dpi is about 25 MP); an
agency may change them in ``<data folder>/limits.json``, an object with any of
the fields of :class:`Limits`, e.g. ``{"image_pixels": 150000000}``. A value
outside the range the program can handle safely is refused with a one-line
error naming the file.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from workstation.errors import FormatError

MiB = 1024 * 1024

LIMITS_FILE = "limits.json"


@dataclass(frozen=True)
class Limits:
    """What the program reads at most.

    Attributes:
        image_bytes: size of one image file (bytes).
        image_pixels: width × height of one image (pixels), read from the file's
            header before anything is decoded.
        json_bytes: size of ``capture.json`` / ``specimen.json`` (bytes).
        json_depth: nesting of arrays and objects in those files.
        zip_members: number of members of a specimen package zip.
        zip_member_bytes: uncompressed size of one member (bytes).
        zip_total_bytes: uncompressed size of all members together (bytes).
        zip_ratio: uncompressed/compressed size of a member larger than 1 MiB.
        id_length: characters of a specimen id.
        text_length: characters of a title, label or other free text field.
        zones: zones in one specimen.
    """

    image_bytes: int = 400 * MiB
    image_pixels: int = 100_000_000
    json_bytes: int = 4 * MiB
    json_depth: int = 32
    zip_members: int = 64
    zip_member_bytes: int = 400 * MiB
    zip_total_bytes: int = 1024 * MiB
    zip_ratio: int = 100
    id_length: int = 64
    text_length: int = 500
    zones: int = 500


#: The most each limit may be raised to (a limits.json asking for more is refused).
CEILINGS = Limits(
    image_bytes=4096 * MiB, image_pixels=1_000_000_000, json_bytes=256 * MiB, json_depth=200,
    zip_members=10_000, zip_member_bytes=4096 * MiB, zip_total_bytes=16384 * MiB,
    zip_ratio=10_000, id_length=200, text_length=10_000, zones=10_000,
)

_cache: dict[str, tuple[int, Limits]] = {}
_cache_lock = threading.Lock()


def limits_path() -> Path:
    """``<data folder>/limits.json`` (the folder is not created)."""
    from workstation.paths import data_dir

    return data_dir(create=False) / LIMITS_FILE


def parse_limits(obj: Any, where: str) -> Limits:
    """Limits from a JSON object; unknown keys and values out of range are errors."""
    if not isinstance(obj, dict):
        raise FormatError(where, "must hold a JSON object of limits")
    known = {f.name for f in fields(Limits)}
    unknown = sorted(set(obj) - known)
    if unknown:
        raise FormatError(where, f"unknown limit(s): {', '.join(unknown)} "
                                 f"(known: {', '.join(sorted(known))})")
    ceilings = asdict(CEILINGS)
    values: dict[str, int] = {}
    for key, value in obj.items():
        if isinstance(value, bool) or not isinstance(value, int) \
                or not 1 <= value <= ceilings[key]:
            raise FormatError(where, f"'{key}' must be a whole number from 1 to "
                                     f"{ceilings[key]}, got {value!r}")
        values[key] = value
    return replace(Limits(), **values)


def current() -> Limits:
    """The limits in force: ``limits.json`` of the data folder, else the defaults.

    The file is read again only when it changed.
    """
    path = limits_path()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return Limits()
    key = str(path)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormatError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > 64 * 1024:
        raise FormatError(path, "too large for a limits file")
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormatError(path, f"not valid JSON: {exc}") from None
    limits = parse_limits(obj, str(path))
    with _cache_lock:
        _cache[key] = (stamp, limits)
    return limits


def describe(n_bytes: int) -> str:
    """``n_bytes`` for a message: ``"2.0 GiB"``, ``"400 MiB"``, ``"512 bytes"``."""
    if n_bytes >= 1024 * MiB:
        return f"{n_bytes / (1024 * MiB):.1f} GiB"
    if n_bytes >= MiB:
        return f"{n_bytes / MiB:.0f} MiB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.0f} KiB"
    return f"{n_bytes} bytes"
