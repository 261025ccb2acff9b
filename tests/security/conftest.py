"""Fixtures for the attack regressions of issue 19: small captures and packages written
the way an attacker writes them (by hand, on disk), the bundled specimens, simulated
captures."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from workstation.imageio import encode_image

DPI = 100
W_MM, H_MM = 40.0, 30.0
H_PX, W_PX = round(H_MM * DPI / 25.4), round(W_MM * DPI / 25.4)


def spec_meta(**over: Any) -> dict[str, Any]:
    """A valid ``specimen.json`` of a 40 x 30 mm specimen at 100 dpi, with overrides."""
    meta: dict[str, Any] = {
        "format": "workstation.specimen/1", "id": "ATL-P-2019", "title": "Atlantis passport",
        "issuing_state": "ATL", "document_code": "P", "mrz_format": "TD3", "series": "2019",
        "valid_from": "2019-01-01", "valid_until": None, "size_mm": [W_MM, H_MM], "dpi": DPI,
        "images": {"white": "white.png", "uv": "uv.png"},
        "zones": [{"id": "blank", "role": "blank", "rect_mm": [5, 5, 10, 8],
                   "checks": [{"light": "uv", "expect": "dull"}]}],
    }
    meta.update(over)
    return meta


def images(h: int = H_PX, w: int = W_PX) -> dict[str, bytes]:
    rng = np.random.default_rng(1)
    return {"white.png": encode_image(rng.integers(150, 255, (h, w, 3), dtype=np.uint8)),
            "uv.png": encode_image(rng.integers(0, 50, (h, w, 3), dtype=np.uint8))}


def write_package(root: Path, meta: dict[str, Any] | str | bytes | None = None,
                  files: dict[str, bytes] | None = None) -> Path:
    """A package folder: ``specimen.json`` (an object, or raw text/bytes) and files."""
    root.mkdir(parents=True, exist_ok=True)
    meta = spec_meta() if meta is None else meta
    raw = json.dumps(meta).encode() if isinstance(meta, dict) else \
        (meta.encode() if isinstance(meta, str) else meta)
    (root / "specimen.json").write_bytes(raw)
    for name, data in (images() if files is None else files).items():
        (root / name).write_bytes(data)
    return root


def write_capture(root: Path, meta: dict[str, Any] | str | bytes | None = None,
                  files: dict[str, bytes] | None = None) -> Path:
    """A capture folder: ``capture.json`` (an object, or raw text/bytes) and images."""
    root.mkdir(parents=True, exist_ok=True)
    if meta is None:
        meta = {"format": "workstation.capture/1", "dpi": 100,
                "lights": {"white": "white.png", "uv": "uv.png"}}
    raw = json.dumps(meta).encode() if isinstance(meta, dict) else \
        (meta.encode() if isinstance(meta, str) else meta)
    (root / "capture.json").write_bytes(raw)
    for name, data in (images() if files is None else files).items():
        (root / name).write_bytes(data)
    return root


def one_line_error(err: str) -> str:
    """The single error line the command printed (asserts there is exactly one, and no
    traceback)."""
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert "Traceback" not in err, err
    errors = [ln for ln in lines if ln.startswith("workstation: error:")]
    assert len(errors) == 1 and len(lines) == 1, err
    return errors[0]


@pytest.fixture(scope="session")
def bundled_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two bundled Utopia specimen packages, generated once (read-only use)."""
    from workstation.specimens.bundled import ensure_bundled

    root = tmp_path_factory.mktemp("bundled") / "specimens"
    ensure_bundled(root)
    return root


@pytest.fixture
def home_library(bundled_root: Path) -> Path:
    """The test's data folder with the bundled specimens already in its library."""
    import os

    home = Path(os.environ["WORKSTATION_HOME"])
    shutil.copytree(bundled_root, home / "specimens", dirs_exist_ok=True)
    return home


@pytest.fixture(scope="session")
def simulated_capture(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``simulated_capture(forgery=None, seed=3, document=...)``: a capture folder written
    by the simulated reader (cached per session; treat as read-only)."""
    from workstation.capture import save_capture
    from workstation.hardware.simulated import SimulatedReader

    cache: dict[tuple[str, str | None, int], Path] = {}

    def make(forgery: str | None = None, seed: int = 3,
             document: str = "UTO-P-2020") -> Path:
        key = (document, forgery, seed)
        if key not in cache:
            reader = SimulatedReader(document=document, forgery=forgery, seed=seed)
            try:
                capture = reader.capture_all()
            finally:
                reader.close()
            folder = tmp_path_factory.mktemp("capture") / f"{forgery or 'genuine'}-{seed}"
            save_capture(capture, folder)
            cache[key] = folder
        return cache[key]

    return make


def deflated_zip(path: Path, members: dict[str, bytes | int]) -> Path:
    """Write a zip by hand, every member deflated; a member given as an ``int`` is that
    many zero bytes, compressed once per 16 MiB block and repeated (full-flush blocks
    are independent), so a 2 GiB member takes a second to write, not half a minute."""
    import struct
    import zlib

    block = 1 << 24
    out = open(path, "wb")  # noqa: SIM115 - closed below
    central: list[bytes] = []
    try:
        for name, data in members.items():
            raw_name = name.encode()
            if isinstance(data, int):
                co = zlib.compressobj(9, zlib.DEFLATED, -15)
                piece = co.compress(bytes(block)) + co.flush(zlib.Z_FULL_FLUSH)
                full, rest = divmod(data, block)
                tail_co = zlib.compressobj(9, zlib.DEFLATED, -15)
                tail = tail_co.compress(bytes(rest)) + tail_co.flush(zlib.Z_FINISH)
                crc = 0
                zeros = bytes(block)
                for _ in range(full):
                    crc = zlib.crc32(zeros, crc)
                crc = zlib.crc32(bytes(rest), crc)
                size, csize = data, len(piece) * full + len(tail)
                body: list[bytes] = [piece] * full + [tail]
            else:
                co = zlib.compressobj(6, zlib.DEFLATED, -15)
                comp = co.compress(data) + co.flush()
                crc, size, csize, body = zlib.crc32(data), len(data), len(comp), [comp]
            offset = out.tell()
            header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, csize,
                                 size, len(raw_name), 0)
            out.write(header + raw_name)
            for chunk in body:
                out.write(chunk)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0,
                                       crc, csize, size, len(raw_name), 0, 0, 0, 0,
                                       0o100644 << 16, offset) + raw_name)
        start = out.tell()
        for entry in central:
            out.write(entry)
        end = out.tell()
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                              end - start, start, 0))
    finally:
        out.close()
    return path
