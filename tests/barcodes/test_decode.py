"""Decoding: round trips through zxing-cpp's writer (turned, scaled, defocused, JPEG)
and the PDF417 images of zxing-cpp's own test set (shared test data)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from workstation.barcodes.decode import (
    DOCUMENT_FORMATS,
    decode_image,
    decode_report,
    dominant_angle,
)
from workstation.barcodes.render import photograph, symbol
from workstation.imageio import read_image

PAYLOAD = bytes(np.random.default_rng(7).integers(0, 256, 160, dtype=np.uint8)) + b"\x00\xff"


def _found(codes: list, payload: bytes) -> list:
    return [c for c in codes if c.raw == payload]


@pytest.mark.parametrize("fmt", ["PDF417", "QRCode", "DataMatrix", "Aztec"])
@pytest.mark.parametrize(("angle", "scale", "blur", "jpeg"), [
    (0.0, 1.0, 0.0, None),     # clean
    (7.5, 1.0, 0.0, None),     # turned on the platen
    (-9.0, 0.75, 0.8, 70),     # turned, smaller, defocused, JPEG
    (90.0, 1.0, 0.0, 60),      # on its side
    (183.0, 0.5, 0.0, None),   # upside down, small (2 px modules)
    (237.0, 1.0, 1.2, 50),     # any angle in a photograph
])
def test_round_trip(fmt: str, angle: float, scale: float, blur: float,
                    jpeg: int | None) -> None:
    sym = symbol(PAYLOAD, fmt, module_px=4)
    photo = photograph(sym, angle_deg=angle, scale=scale, blur_sigma=blur, jpeg_quality=jpeg,
                       seed=int(angle) + 1000)
    codes = decode_image(photo.image)
    hits = _found(codes, PAYLOAD)
    assert len(hits) == 1, [(c.format, c.raw[:8]) for c in codes]
    code = hits[0]
    assert code.format == fmt
    # the symbol lies where it was put: its centre within a few modules of the truth
    truth = np.mean(np.asarray(photo.corners), axis=0)
    assert np.hypot(*(np.asarray(code.centre) - truth)) < 6 * 4 * scale
    assert code.size_px > 0.6 * (sym.shape[1] - 2 * 4 * 10) * scale * 0.5


def test_raw_bytes_not_escaped_text() -> None:
    """Control characters reach the caller as bytes (zxing's HRI text would say <LF>)."""
    data = b"@\n\x1e\rANSI 636000100001DL00310100DLDAQX123\nDCSSMITH\r"
    codes = decode_image(symbol(data, "PDF417", module_px=3))
    assert [c.raw for c in codes] == [data]
    assert "<LF>" not in codes[0].text and "\n" in codes[0].text


def test_two_symbols_in_one_image_each_once() -> None:
    a = symbol(b"first symbol", "QRCode", module_px=4)
    b = symbol(b"\xdc\x03second", "DataMatrix", module_px=5)
    h = max(a.shape[0], b.shape[0])
    page = np.full((h + 40, a.shape[1] + b.shape[1] + 60), 255, np.uint8)
    page[20:20 + a.shape[0], 20:20 + a.shape[1]] = a
    page[20:20 + b.shape[0], 40 + a.shape[1]:40 + a.shape[1] + b.shape[1]] = b
    codes = decode_image(page)
    assert sorted(c.raw for c in codes) == [b"first symbol", b"\xdc\x03second"]
    assert [c.raw for c in codes] == [b"first symbol", b"\xdc\x03second"]  # left to right


def test_enough_stops_early_and_thorough_reads_more() -> None:
    img = photograph(symbol(PAYLOAD, "QRCode", module_px=4), seed=3).image
    quick = decode_report(img, enough=1)
    full = decode_report(img)
    assert quick.passes == ["plain"] and len(quick.codes) == 1
    assert len(full.passes) > 3 and [c.raw for c in full.codes] == [PAYLOAD]


def test_nothing_in_noise_and_bad_input() -> None:
    noise = np.random.default_rng(0).integers(0, 256, (300, 400), dtype=np.uint8)
    assert decode_image(noise) == []
    with pytest.raises(ValueError):
        decode_image(np.zeros((0, 0), np.uint8))
    with pytest.raises(ValueError):
        decode_image(np.zeros((10, 10), np.float32))  # type: ignore[arg-type]


@pytest.mark.parametrize("angle", [0.0, 4.0, -8.0, 30.0, 95.0])
def test_dominant_angle(angle: float) -> None:
    """The turn that straightens the symbol again (counter-clockwise, modulo 90)."""
    photo = photograph(symbol(PAYLOAD, "PDF417", module_px=4), angle_deg=angle, seed=1)
    want = (-angle + 45.0) % 90.0 - 45.0
    got = dominant_angle(photo.image)
    assert abs(((got - want) + 45.0) % 90.0 - 45.0) < 1.0


# -- zxing-cpp's PDF417 test images -------------------------------------------------------
def _index(testdata: Path) -> tuple[Path, dict]:
    root = testdata / "barcodes" / "zxing-pdf417"
    return root, json.loads((root / "index.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_every_zxing_pdf417_image_decodes(testdata: Path) -> None:
    root, index = _index(testdata)
    assert index["count"] == len(index["images"]) == 62
    missed = []
    for item in index["images"]:
        if item["expected_file"] is None:
            continue
        want = (root / item["expected_file"]).read_bytes()
        codes = decode_image(read_image(root / item["image"]))
        # text files hold the content as UTF-8 text (ECI-transcoded); .bin files the bytes
        if not any(c.raw == want or c.text.encode("utf-8") == want for c in codes):
            missed.append(item["image"])
    assert missed == []


def test_structured_append_sets_decode_completely(testdata: Path) -> None:
    """pdf417-4: each file's symbols (one or two images) together carry the expected file."""
    root, _ = _index(testdata)
    folder = root / "pdf417-4"
    for expected in sorted(folder.glob("0[0-9].*")):
        stem = expected.stem
        segments = [c for img in sorted(folder.glob(f"{stem}-*.*"))
                    for c in decode_image(read_image(img))]
        assert segments, stem
        assert len({c.structured_append_id for c in segments}) == 1
        assert all(c.structured_append_id for c in segments)
        want = expected.read_bytes()
        if expected.suffix == ".txt":
            # The text file is the joined content, transcoded by ECIs that a segment may
            # declare for the next ones (zxing-cpp's binding exposes no joining): each
            # segment's bytes must read as its part under one of the ECIs' character sets.
            text = want.decode("utf-8")
            assert len(segments) == 3
            assert _joins_to(text, [c.raw for c in segments])
            continue
        pieces = [c.raw for c in segments]
        assert sum(len(p) for p in pieces) == len(want)
        assert all(p in want for p in pieces)
        # and in the order the segments cover the file, they are the file
        ordered = sorted(pieces, key=want.index)
        assert b"".join(ordered) == want
        assert Counter(pieces) == Counter(ordered)


CHARSETS = ("ascii", "latin-1", "iso8859-15", "gb2312", "shift_jis", "utf-8")


def _joins_to(text: str, segments: list[bytes]) -> bool:
    """Whether the segments, in some order, each read under one of :data:`CHARSETS`, make
    up ``text``."""
    if not segments:
        return text == ""
    for i, seg in enumerate(segments):
        for cs in CHARSETS:
            try:
                part = seg.decode(cs)
            except UnicodeDecodeError:
                continue
            if text.startswith(part) and _joins_to(text[len(part):],
                                                   segments[:i] + segments[i + 1:]):
                return True
    return False


def test_no_misread_inside_a_blurred_qr_code() -> None:
    """bench.barcode once reported a 'Micro QR code' read in a corner of a defocused QR
    code (seed 0, the 8th image of 'gen QRCode m2 b1'): replayed, only the QR code."""
    rng = np.random.default_rng(0)
    draws = []
    for fmt in ("PDF417", "QRCode"):
        for module in (1.5, 2.0, 3.0, 4.0):
            for blur in (0.0, 1.0, 2.0):
                for _ in range(6):
                    payload = bytes(rng.integers(0, 256, 150, dtype=np.uint8))
                    angle, seed = float(rng.uniform(0, 360)), int(rng.integers(1 << 30))
                    if fmt == "QRCode" and module == 2.0 and blur == 1.0:
                        draws.append((payload, angle, seed))
    (payload, angle, seed), = [d for d in draws if abs(d[1] - 203.44) < 0.01]
    photo = photograph(symbol(payload, "QRCode", module_px=4), angle_deg=angle, scale=0.5,
                       blur_sigma=1.0, jpeg_quality=75, seed=seed)
    report = decode_report(photo.image)
    assert [c.raw for c in report.codes] == [payload]
    # even when Micro QR is looked for, the part read inside the QR code is set aside
    import zxingcpp

    report = decode_report(photo.image,
                           formats=(*DOCUMENT_FORMATS, zxingcpp.BarcodeFormat.MicroQRCode))
    assert [c.raw for c in report.codes] == [payload]
    assert [dropped.format for _, dropped in report.conflicts] == ["MicroQRCode"]
