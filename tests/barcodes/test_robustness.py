"""Hostile and long inputs: the parsers raise only their own clear errors on any bytes, and
decoding many images in a row neither fails nor grows without bound."""

from __future__ import annotations

import contextlib
import resource

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workstation.barcodes import c40
from workstation.barcodes.aamva import AamvaError, parse_aamva
from workstation.barcodes.decode import decode_image
from workstation.barcodes.read import BarcodeReading, interpret
from workstation.barcodes.render import photograph, symbol
from workstation.barcodes.seal import verify_seal
from workstation.barcodes.trust import TrustMaterial
from workstation.barcodes.vds import VdsError, parse_seal
from workstation.specimens import issuer
from workstation.specimens.people import make_person, mrz_lines_for

FUZZ = settings(max_examples=300, derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
SEAL = issuer.seal_bytes(mrz_lines_for(make_person(1, doc_code="I"), "TD1"),
                         make_person(1, doc_code="I").issue_date)
AAMVA = issuer.aamva_payload(make_person(1, doc_code="I"))


@FUZZ
@given(st.binary(max_size=600))
def test_aamva_any_bytes(data: bytes) -> None:
    with contextlib.suppress(AamvaError):
        parse_aamva(b"@\n\x1e\rANSI " + data).to_json()


@FUZZ
@given(st.integers(0, len(AAMVA) - 1), st.binary(min_size=1, max_size=8))
def test_aamva_spliced(at: int, junk: bytes) -> None:
    try:
        record = parse_aamva(AAMVA[:at] + junk + AAMVA[at + len(junk):])
    except AamvaError:
        return
    record.to_json()


@FUZZ
@given(st.binary(max_size=300))
def test_seal_any_bytes(data: bytes) -> None:
    try:
        seal = parse_seal(b"\xdc\x03" + data)
    except VdsError:
        return
    verify_seal(seal, TrustMaterial()).to_json()
    seal.to_json()


@FUZZ
@given(st.integers(0, len(SEAL) - 1), st.integers(1, 255))
def test_seal_one_byte_changed(at: int, xor: int) -> None:
    data = bytearray(SEAL)
    data[at] ^= xor
    try:
        seal = parse_seal(bytes(data))
    except VdsError:
        return
    from workstation.barcodes.trust import load_trust

    v = verify_seal(seal, load_trust())
    assert v.status.value != "valid"


@FUZZ
@given(st.binary(max_size=64))
def test_c40_any_bytes(data: bytes) -> None:
    try:
        text = c40.decode(data)
    except c40.C40Error:
        return
    assert set(text) <= set(" 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def test_interpret_never_raises_on_lookalikes() -> None:
    from workstation.barcodes.decode import DecodedCode

    corners = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))
    for raw in (b"@\n\x1e\rANSI 12", b"\xdc\x03\x00", b"\xdc\x02" + bytes(40), b"@ANSI "):
        reading = interpret(DecodedCode("PDF417", raw, "", corners), TrustMaterial())
        assert isinstance(reading, BarcodeReading)
        reading.to_json()
        assert reading.aamva_error or reading.seal_error or reading.kind == "other"


def test_a_long_run_of_decodes() -> None:
    """300 images decoded in a row (the window reads every capture): every one read,
    resident memory grows by less than 60 MB after the first 50."""
    rng = np.random.default_rng(5)
    photos = []
    for i in range(6):
        payload = bytes(rng.integers(0, 256, 120, dtype=np.uint8))
        fmt = ("PDF417", "QRCode", "DataMatrix")[i % 3]
        photos.append((payload, photograph(symbol(payload, fmt, module_px=3),
                                           angle_deg=float(rng.uniform(0, 360)),
                                           seed=i).image))
    missed = 0
    peak = 0
    for i in range(300):
        payload, image = photos[i % len(photos)]
        codes = decode_image(image, enough=1)
        missed += not any(c.raw == payload for c in codes)
        if i == 49:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert missed == 0
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak
    assert grown_kb < 60_000
