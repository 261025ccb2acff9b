"""Hostile inputs made the way an attacker makes them — by hand, on disk: capture
folders and specimen packages with chosen bytes, a PNG whose header promises 400 MP,
zips whose members inflate to gigabytes. Used by the attack regressions
(``tests/security``) and by ``python -m bench.security``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

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




def huge_png(width: int = 20000, height: int = 20000) -> bytes:
    """A grey PNG of one colour: about 1 MB on disk for 20000 x 20000 (400 MP decoded)."""
    import zlib

    row = b"\x00" + b"\xff" * width
    comp = zlib.compressobj(9)
    body = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return len(data).to_bytes(4, "big") + kind + data + crc.to_bytes(4, "big")

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + \
        chunk(b"IEND", b"")


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
