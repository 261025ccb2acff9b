"""Capture folders (``workstation.capture/1``, formats.md §2): load and save."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

from workstation.errors import FormatError
from workstation.fsutil import atomic_write_bytes, atomic_write_text
from workstation.imageio import encode_images, read_image
from workstation.limits import Limits
from workstation.limits import current as current_limits
from workstation.printable import printable
from workstation.safeio import ID_PATTERN, check_text, load_json_object, read_regular_file
from workstation.types import CaptureSet, Image, Light

CAPTURE_FORMAT = "workstation.capture/1"
CAPTURE_JSON = "capture.json"
#: The chip's files beside the images (formats.md §2): at most this many, each this big.
CHIP_DIR = "chip"
_CHIP_MAX_FILES = 64
_CHIP_MAX_BYTES = 2 * 1024 * 1024
_KNOWN_KEYS = {"format", "dpi", "lights", "device", "captured_at", "back"}


def parse_timestamp(value: Any, where: str) -> dt.datetime | None:
    """Parse an ISO 8601 timestamp (``Z`` allowed); ``None`` stays ``None``."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 64:
        raise FormatError(where, f"timestamp must be a string, got {printable(value)[:60]!r}")
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise FormatError(where, f"not an ISO 8601 timestamp: {printable(value)!r}") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp


def format_timestamp(stamp: dt.datetime) -> str:
    """ISO 8601 in UTC with a ``Z`` suffix, whole seconds."""
    stamp = stamp.astimezone(dt.UTC).replace(microsecond=0)
    return stamp.isoformat().replace("+00:00", "Z")


def parse_lights_map(value: Any, where: str) -> dict[Light, str]:
    """Validate a ``{"light": "file name"}`` map; file names must stay inside the folder."""
    if not isinstance(value, dict) or not value:
        raise FormatError(where, "'lights' must be a non-empty object of light -> file name")
    if len(value) > len(Light):
        raise FormatError(where, f"'lights' names {len(value)} lights; there are only "
                                 f"{len(Light)}")
    out: dict[Light, str] = {}
    for name, fname in value.items():
        try:
            light = Light.parse(name)
        except ValueError:
            known = ", ".join(lt.value for lt in Light)
            raise FormatError(where, f"unknown light {printable(name)[:40]!r} "
                                     f"(known: {known})") from None
        if light in out:
            raise FormatError(where, f"light {light.value} is named twice")
        if not isinstance(fname, str) or not fname:
            raise FormatError(where, f"file name for light {name!r} must be a non-empty string")
        check_member_name(fname, where)
        out[light] = fname
    return out


#: Longest file name a package or capture may name (characters).
MAX_MEMBER_NAME = 255


def check_member_name(name: str, where: str) -> None:
    """Refuse absolute paths, ``..``, control characters and over-long names in a file
    name that must stay inside a package or capture folder."""
    check_text(name, where, "file name", max_length=MAX_MEMBER_NAME, required=True)
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":"):
        raise FormatError(where, f"file name {printable(name)!r} points outside the package")


#: Pixel densities a capture or specimen may state (dpi).
DPI_RANGE = (10.0, 20000.0)


def load_capture(folder: str | Path) -> CaptureSet:
    """Load a capture folder.

    Everything is read within the limits of :mod:`workstation.limits`: only regular
    files, no symbolic link leading out of the folder, ``capture.json`` bounded in
    size and depth with finite numbers, each image bounded in bytes and pixels.

    Raises:
        FormatError: naming the file and the problem (missing ``capture.json``,
            wrong format, unknown light, missing or unreadable image, no white
            image, images of different sizes, bad dpi or timestamp, a limit exceeded).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FormatError(folder, "not a capture folder (no such folder)")
    limits = current_limits()
    meta_path = folder / CAPTURE_JSON
    meta = load_json_object(meta_path, root=folder, limits=limits)
    where = printable(meta_path)
    fmt = meta.get("format")
    if fmt != CAPTURE_FORMAT:
        raise FormatError(meta_path, f"'format' must be {CAPTURE_FORMAT!r}, "
                                     f"got {printable(fmt)[:60]!r}")
    dpi = _dpi(meta.get("dpi"), meta_path)
    device = check_text(meta.get("device", ""), where, "device")
    captured_at = parse_timestamp(meta.get("captured_at"), where)
    images = _face_images(folder, meta.get("lights"), meta_path, "", limits)
    back: CaptureSet | None = None
    raw_back = meta.get("back")
    if raw_back is not None:
        if not isinstance(raw_back, dict):
            raise FormatError(meta_path, "'back' must be an object with its own 'lights'")
        back_dpi = _dpi(raw_back.get("dpi", dpi), meta_path, "back: ")
        back = CaptureSet(images=_face_images(folder, raw_back.get("lights"), meta_path,
                                              "back: ", limits),
                          dpi=back_dpi, device=device, captured_at=captured_at)
    extra = {k: v for k, v in meta.items() if k not in _KNOWN_KEYS}
    return CaptureSet(
        images=images,
        dpi=dpi,
        device=device,
        captured_at=captured_at,
        metadata=extra,
        chip_files=load_chip_folder(folder / CHIP_DIR),
        back=back,
    )


def _dpi(dpi: Any, meta_path: Path, what: str = "") -> float | None:
    if dpi is None:
        return None
    low, high = DPI_RANGE
    if isinstance(dpi, bool) or not isinstance(dpi, int | float) \
            or not math.isfinite(dpi) or not low <= dpi <= high:
        raise FormatError(meta_path, f"{what}'dpi' must be a number from {low:g} to "
                                     f"{high:g}, got {printable(dpi)[:40]}")
    return float(dpi)


def _face_images(folder: Path, lights_value: Any, meta_path: Path,
                 what: str, limits: Limits) -> dict[Light, Image]:
    """The images of one face (``what`` prefixes error messages: ``""`` or ``"back: "``),
    each read within ``limits`` and never through a link out of ``folder``."""
    lights = parse_lights_map(lights_value,
                              f"{printable(meta_path)}{' (back)' if what else ''}")
    if Light.WHITE not in lights:
        raise FormatError(meta_path, f"{what}no 'white' image: the white light is required")
    images: dict[Light, Image] = {}
    size_of: dict[tuple[int, int], str] = {}
    for light, fname in lights.items():
        img = read_image(folder / fname, root=folder, limits=limits)
        images[light] = img
        size_of.setdefault((img.shape[0], img.shape[1]), fname)
    if len(size_of) > 1:
        desc = ", ".join(f"{f} is {w}x{h}" for (h, w), f in size_of.items())
        raise FormatError(meta_path, f"{what}images of different sizes: {desc}")
    return images


def load_chip_folder(folder: Path) -> dict[str, bytes]:
    """The files of a capture's ``chip/`` folder (empty when there is none).

    Raises:
        FormatError: too many or too large files (not a chip dump).
    """
    if not folder.is_dir() or folder.is_symlink():
        return {}
    files = sorted(f for f in folder.iterdir() if not f.name.startswith("."))
    if len(files) > _CHIP_MAX_FILES:
        raise FormatError(folder, f"{len(files)} files: not a chip dump")
    out: dict[str, bytes] = {}
    for f in files:
        if not ID_PATTERN.match(f.name):
            raise FormatError(f, "not a chip file name (EF.COM, EF.SOD, DG1...)")
        # a regular file only, never through a link out of the capture folder
        out[f.name] = read_regular_file(f, max_bytes=_CHIP_MAX_BYTES, root=folder.parent,
                                        what="chip file")
    return out


def save_chip_folder(capture: CaptureSet, folder: Path) -> None:
    """Write ``capture.chip_files`` into ``folder/chip/`` (nothing when there are none)."""

    if not capture.chip_files:
        return
    (folder / CHIP_DIR).mkdir(parents=True, exist_ok=True)
    for name, data in capture.chip_files.items():
        check_member_name(name, str(folder / CHIP_DIR))
        atomic_write_bytes(folder / CHIP_DIR / Path(name).name, data)


def capture_json(capture: CaptureSet, files: dict[Light, str],
                 back_files: dict[Light, str] | None = None) -> dict[str, Any]:
    """The ``capture.json`` object for ``capture`` with images in ``files`` (and the back
    face's in ``back_files``)."""
    meta: dict[str, Any] = {"format": CAPTURE_FORMAT}
    if capture.dpi is not None:
        meta["dpi"] = capture.dpi
    meta["lights"] = {light.value: files[light] for light in capture.lights}
    meta["device"] = capture.device
    if capture.captured_at is not None:
        meta["captured_at"] = format_timestamp(capture.captured_at)
    if capture.back is not None and back_files is not None:
        back: dict[str, Any] = {}
        if capture.back.dpi is not None:
            back["dpi"] = capture.back.dpi
        back["lights"] = {light.value: back_files[light] for light in capture.back.lights}
        meta["back"] = back
    for key, value in capture.metadata.items():
        if key not in meta:
            meta[key] = value
    return meta


def save_capture(capture: CaptureSet, folder: str | Path) -> Path:
    """Write ``capture`` as a capture folder (PNG images, then ``capture.json`` last).

    Each file is written atomically (the chip's files into ``chip/``) and
    ``capture.json`` is written only after every image, so an interrupted save
    never leaves a folder that loads as a complete capture. Returns the folder.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {light: f"{light.value}.png" for light in capture.lights}
    encoded = encode_images({light: capture.images[light] for light in capture.lights})
    for light, data in encoded.items():
        atomic_write_bytes(folder / files[light], data)
    save_chip_folder(capture, folder)
    back_files: dict[Light, str] = {}
    if capture.back is not None:
        back_files = {light: f"back_{light.value}.png" for light in capture.back.lights}
        encoded = encode_images({light: capture.back.images[light]
                                 for light in capture.back.lights})
        for light, data in encoded.items():
            atomic_write_bytes(folder / back_files[light], data)
    text = json.dumps(capture_json(capture, files, back_files), indent=2,
                      ensure_ascii=False) + "\n"
    atomic_write_text(folder / CAPTURE_JSON, text)
    return folder
