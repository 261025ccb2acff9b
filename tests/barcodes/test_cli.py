"""``workstation barcode IMAGE... --json`` (docs/formats.md §4)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from workstation.barcodes.aamva import parse_aamva
from workstation.barcodes.render import symbol
from workstation.cli import main
from workstation.imageio import write_image
from workstation.specimens import issuer
from workstation.specimens.people import make_person, mrz_lines_for


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object, str]:
    code = main(["barcode", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in args and out.strip() else out), err


def test_json_shape_aamva_and_seal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    person = make_person(11, doc_code="I")
    aamva_img = tmp_path / "aamva.png"
    seal_img = tmp_path / "seal.png"
    write_image(aamva_img, symbol(issuer.aamva_payload(person), "PDF417", module_px=3))
    seal = issuer.seal_bytes(mrz_lines_for(person, "TD1"), person.issue_date)
    write_image(seal_img, symbol(seal, "DataMatrix", module_px=4))
    code, out, _ = _run(capsys, str(aamva_img), str(seal_img), "--json")
    assert code == 0 and isinstance(out, list) and len(out) == 2
    first, second = out
    assert first["file"] == str(aamva_img) and len(first["codes"]) == 1
    c = first["codes"][0]
    assert set(c) >= {"format", "text", "bytes_hex", "corners", "aamva", "seal"}
    assert c["format"] == "PDF417" and c["seal"] is None
    assert bytes.fromhex(c["bytes_hex"]) == issuer.aamva_payload(person)
    assert len(c["corners"]) == 4 and all(len(p) == 2 for p in c["corners"])
    assert c["aamva"]["fields"]["family_name"] == person.surname
    assert c["aamva"]["fields"]["birth_date"] == person.birth_date.isoformat()
    s = second["codes"][0]
    assert s["format"] == "DataMatrix" and s["aamva"] is None
    assert bytes.fromhex(s["bytes_hex"]) == seal
    assert s["seal"]["verification"]["status"] == "valid"
    assert s["seal"]["verification"]["trusted"] is True
    assert s["seal"]["features"][0]["value"].split("\n") == mrz_lines_for(person, "TD1")


def test_seal_signer_from_cert_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A seal by a signer the store does not know is unknown; with --cert and the CA in the
    trust folder it verifies; with a flipped signature byte it fails."""
    from tests.barcodes.test_vds import ZzPki

    pki = ZzPki()
    data = pki.seal()
    img = tmp_path / "seal.png"
    write_image(img, symbol(data, "DataMatrix", module_px=4))
    _, out, _ = _run(capsys, str(img), "--json")
    assert out[0]["codes"][0]["seal"]["verification"]["status"] == "unknown_signer"  # type: ignore[index]
    cert = tmp_path / "signer.pem"
    cert.write_bytes(pki.signer.public_bytes(serialization.Encoding.PEM))
    trust = tmp_path / "trust"
    (trust / "csca").mkdir(parents=True)
    (trust / "csca" / "zz.der").write_bytes(pki.csca.public_bytes(serialization.Encoding.DER))
    _, out, _ = _run(capsys, str(img), "--json", "--cert", str(cert), "--trust", str(trust))
    assert out[0]["codes"][0]["seal"]["verification"]["status"] == "valid"  # type: ignore[index]
    bad = bytearray(data)
    bad[-5] ^= 0x40
    write_image(img, symbol(bytes(bad), "DataMatrix", module_px=4))
    _, out, _ = _run(capsys, str(img), "--json", "--cert", str(cert), "--trust", str(trust))
    v = out[0]["codes"][0]["seal"]["verification"]  # type: ignore[index]
    assert v["status"] == "invalid" and v["verdict"] == "fail"


def test_unreadable_inputs_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.png"
    write_image(good, symbol(b"hello", "QRCode", module_px=4))
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image")
    code, out, err = _run(capsys, str(good), str(junk), str(tmp_path / "missing.png"), "--json")
    assert code == 2
    assert [e["file"] for e in out] == [str(good), str(junk), str(tmp_path / "missing.png")]  # type: ignore[union-attr]
    assert out[0]["codes"][0]["text"] == "hello"  # type: ignore[index]
    assert out[1]["codes"] == [] and out[1]["error"]  # type: ignore[index]
    assert "missing.png: file not found" in err and "Traceback" not in err
    bad_cert = tmp_path / "cert.der"
    bad_cert.write_bytes(b"nope")
    code, _, err = _run(capsys, str(good), "--cert", str(bad_cert))
    assert code == 2 and "not an X.509 certificate" in err


def test_human_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    img = tmp_path / "x.png"
    write_image(img, symbol(issuer.aamva_payload(make_person(2, doc_code="I")), "PDF417"))
    code, out, _ = _run(capsys, str(img))
    assert code == 0 and "AAMVA ID version 10" in str(out)


@pytest.mark.slow
def test_every_zxing_image_through_the_command(testdata: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The done-when: every image of the shared PDF417 set that its source decodes is
    decoded by ``workstation barcode``, with its expected content."""
    root = testdata / "barcodes" / "zxing-pdf417"
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    images = [str(root / item["image"]) for item in index["images"]]
    code, out, _ = _run(capsys, *images, "--json")
    assert code == 0 and len(out) == len(images) == 62  # type: ignore[arg-type]
    for item, element in zip(index["images"], out, strict=True):  # type: ignore[call-overload]
        assert element["codes"], item["image"]
        if item["expected_file"]:
            want = (root / item["expected_file"]).read_bytes()
            assert any(bytes.fromhex(c["bytes_hex"]) == want or c["text"].encode() == want
                       for c in element["codes"]), item["image"]


def test_every_aamva_payload_as_a_printed_pdf417(testdata: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The 67 shared AAMVA payloads written as PDF417 (zxing-cpp's writer), read back by the
    command: the bytes come back exactly and parse to the same fields as the text."""
    root = testdata / "barcodes" / "aamva-idparser"
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    paths, payloads = [], []
    for i, item in enumerate(index["files"]):
        data = (root / item["file"]).read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]  # the files' byte-order mark is not part of the payload
        path = tmp_path / f"{i:02d}.png"
        write_image(path, symbol(data, "PDF417", module_px=2))
        paths.append(str(path))
        payloads.append(data)
    code, out, _ = _run(capsys, *paths, "--json", "--quick")
    assert code == 0
    for data, element in zip(payloads, out, strict=True):  # type: ignore[call-overload]
        (c,) = element["codes"]
        assert bytes.fromhex(c["bytes_hex"]) == data
        assert c["aamva"]["fields"] == parse_aamva(data).fields.to_json()


def test_dates_in_json_are_iso() -> None:
    r = parse_aamva(issuer.aamva_payload(make_person(4, doc_code="I")))
    js = r.to_json()
    dt.date.fromisoformat(js["fields"]["expiry_date"])
