"""Property-based tests (Hypothesis) over what the workstation reads from outside:
capture folders, specimen packages, the MRZ parser, the report verifier, the bounded
JSON reader. Every generated input either works or is refused with the program's own
one-line error — never another exception, a hang or a crash.

Fixed budget so ``make test`` stays fast: derandomized (the same examples every run),
a bounded number of examples per property, no deadline (a loaded machine is slow).
(AAMVA and VDS barcode parsers are fuzzed with the barcodes package.)
"""

from __future__ import annotations

import atexit
import contextlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.conftest import images, spec_meta, write_capture, write_package
from workstation.capture import load_capture
from workstation.errors import FormatError, InputError
from workstation.safeio import load_json
from workstation.specimens.package import load_specimen

BUDGET = settings(derandomize=True, max_examples=60, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SMALL = settings(BUDGET, max_examples=15)

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**40, 10**40),
                         st.floats(allow_nan=True, allow_infinity=True),
                         st.text(max_size=40))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=25)


def _as_json_text(value: Any) -> str:
    return json.dumps(value, allow_nan=True)


_FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-"))
# every process that imports this module makes one (each xdist worker collects it, not
# every worker runs a test of it): removed when that process ends
atexit.register(shutil.rmtree, _FOLDER, True)
_IMAGES = images()


@given(st.dictionaries(st.sampled_from(["format", "dpi", "lights", "device", "captured_at",
                                        "extra"]), json_values, max_size=6),
       st.booleans())
@BUDGET
def test_capture_json_never_breaks_the_reader(meta: dict[str, Any], valid_base: bool) -> None:
    if valid_base:
        meta = {"format": "workstation.capture/1", "lights": {"white": "white.png",
                                                              "uv": "uv.png"}, **meta}
    folder = _FOLDER / "capture"
    shutil.rmtree(folder, ignore_errors=True)
    write_capture(folder, _as_json_text(meta), files=_IMAGES)
    try:
        capture = load_capture(folder)
    except FormatError as exc:
        assert "\n" not in str(exc)
        return
    assert capture.images and "white" in {lt.value for lt in capture.lights}


@given(st.binary(max_size=300))
@BUDGET
def test_capture_json_bytes_never_break_the_reader(raw: bytes) -> None:
    folder = _FOLDER / "capture-bytes"
    shutil.rmtree(folder, ignore_errors=True)
    write_capture(folder, raw, files=_IMAGES)
    with contextlib.suppress(FormatError):
        load_capture(folder)


_FIELDS = list(spec_meta())


@given(st.dictionaries(st.sampled_from([*_FIELDS, "provenance"]), json_values, max_size=5))
@BUDGET
def test_specimen_json_fields_never_break_the_reader(changes: dict[str, Any]) -> None:
    meta = {**spec_meta(), **changes}
    folder = _FOLDER / "package"
    shutil.rmtree(folder, ignore_errors=True)
    write_package(folder, _as_json_text(meta), files=_IMAGES)
    try:
        spec = load_specimen(folder, verify_images=True)
    except FormatError as exc:
        assert "\n" not in str(exc)
        return
    import math

    assert all(math.isfinite(v) for z in spec.zones for v in z.rect_mm)
    assert all(math.isfinite(v) and v > 0 for v in spec.size_mm)


_ZIP = _FOLDER / "good.zip"
with zipfile.ZipFile(_ZIP, "w") as _zf:
    _zf.writestr("specimen.json", json.dumps(spec_meta()))
    for _name, _data in _IMAGES.items():
        _zf.writestr(_name, _data)
_ZIP_BYTES = _ZIP.read_bytes()


@given(st.lists(st.tuples(st.integers(0, len(_ZIP_BYTES) - 1), st.integers(1, 255)),
                min_size=1, max_size=8),
       st.integers(0, len(_ZIP_BYTES)))
@BUDGET
def test_damaged_specimen_zips_never_break_the_reader(flips: list[tuple[int, int]],
                                                      cut: int) -> None:
    data = bytearray(_ZIP_BYTES)
    for pos, xor in flips:
        data[pos] ^= xor
    path = _FOLDER / "damaged.zip"
    path.write_bytes(bytes(data[:max(cut, 22)]))
    with contextlib.suppress(FormatError):
        load_specimen(path, verify_images=True)


mrz_chars = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<", min_size=0, max_size=50)


@given(st.lists(st.one_of(mrz_chars, st.text(max_size=50)), min_size=0, max_size=4))
@BUDGET
def test_the_mrz_parser_takes_any_text(lines: list[str]) -> None:
    import datetime as dt

    from workstation.mrz import parse_mrz

    try:
        result = parse_mrz(lines, today=dt.date(2026, 11, 28))
    except (ValueError, InputError):
        return
    if result.valid:
        assert all(result.check_digits.values())
        assert all(set(line) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
                   for line in result.lines)


@given(st.text(max_size=400))
@BUDGET
def test_the_json_reader_refuses_only_with_its_own_error(text: str) -> None:
    try:
        load_json(text.encode("utf-8", "surrogatepass"), "fuzz.json")
    except FormatError as exc:
        assert "\n" not in str(exc)


@given(st.integers(1, 100_000))
@SMALL
def test_deep_json_is_refused_at_any_depth(depth: int) -> None:
    text = "[" * depth + "]" * depth
    try:
        load_json(text.encode(), "deep.json")
    except FormatError as exc:
        assert "nested" in str(exc)
        assert depth > 32
    else:
        assert depth <= 32


_SIGNED: dict[str, bytes] = {}


def _signed_report() -> bytes:
    if not _SIGNED:
        from tests.reports.synthetic import synthetic_examination
        from workstation.reports.build import build_report
        from workstation.reports.ca import CertificateAuthority
        from workstation.reports.sign import sign_pdf

        authority = CertificateAuthority.generate("Fuzz CA")
        _SIGNED["ca"] = authority.cert_der
        identity = authority.issue("Fuzz Examiner", user="fuzz", role="examiner")
        _SIGNED["pdf"] = sign_pdf(build_report(synthetic_examination()), identity)
    return _SIGNED["pdf"]


@given(st.data())
@SMALL
def test_the_report_verifier_says_not_intact_for_any_change(data: st.DataObject) -> None:
    from workstation.reports.verify import Trust, verify_bytes

    pdf = _signed_report()
    trust = Trust(anchors=[_SIGNED["ca"]])
    kind = data.draw(st.sampled_from(["flip", "cut", "insert", "append"]))
    mutated = bytearray(pdf)
    if kind == "flip":
        pos = data.draw(st.integers(0, len(pdf) - 1))
        mutated[pos] ^= data.draw(st.integers(1, 255))
    elif kind == "cut":
        mutated = mutated[:data.draw(st.integers(0, len(pdf) - 1))]
    elif kind == "insert":
        pos = data.draw(st.integers(0, len(pdf)))
        mutated[pos:pos] = data.draw(st.binary(min_size=1, max_size=20))
    else:
        mutated += data.draw(st.binary(min_size=1, max_size=200))
    result = verify_bytes(bytes(mutated), trust=trust)  # never raises
    assert not (result.intact and result.trusted)
