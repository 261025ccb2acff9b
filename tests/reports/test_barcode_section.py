"""The report carries the decoded barcodes: on its pages and in examination.json."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from tests.reports.conftest import run_tool
from tests.reports.synthetic import synthetic_examination
from workstation.barcodes.decode import decode_image
from workstation.barcodes.describe import barcode_rows
from workstation.barcodes.document import DocumentBarcodes, FaceBarcodes
from workstation.barcodes.read import interpret
from workstation.barcodes.render import symbol
from workstation.reports.build import build_report
from workstation.reports.review import embedded_examination
from workstation.specimens import issuer
from workstation.specimens.people import make_person, mrz_lines_for
from workstation.types import Light


def _barcodes() -> DocumentBarcodes:
    person = make_person(17, doc_code="I")
    readings = []
    for data, fmt in ((issuer.aamva_payload(person), "PDF417"),
                      (issuer.seal_bytes(mrz_lines_for(person, "TD1"), person.issue_date),
                       "DataMatrix")):
        (code,) = decode_image(symbol(data, fmt, module_px=3))
        readings.append(interpret(code))
    face = FaceBarcodes("back", tuple(readings), Light.WHITE,
                        image=np.zeros((4, 4), np.uint8))
    return DocumentBarcodes((FaceBarcodes("front", (), Light.WHITE), face))


def test_rows_of_each_kind() -> None:
    doc = _barcodes()
    aamva, seal = (r.to_json() for r in doc.faces[1].readings)
    title, rows = barcode_rows(aamva)
    assert title.startswith("PDF417: AAMVA ID data, Utopia (simulator)")
    assert ("Family name", make_person(17, doc_code="I").surname) in rows
    title, rows = barcode_rows(seal)
    assert "digital seal" in title and dict(rows)["Seal verification"].startswith("PASS")
    assert dict(rows)["Trust anchor"].startswith("C=UT, O=Republic of Utopia")
    assert "built-in" in dict(rows)["Trust anchor"]
    assert dict(rows)["Revocation"] == "no CRL of the CA"
    title, rows = barcode_rows({"format": "QRCode", "text": "hello", "bytes_hex": "68656c6c6f",
                                "content_type": "Text", "aamva": None, "seal": None})
    assert rows[-1] == ("Content", "hello")


def test_report_pages_and_attachment_carry_the_barcodes(tmp_path: Path) -> None:
    ex = synthetic_examination(counterfeit=False)
    ex = dataclasses.replace(ex, barcodes=_barcodes())
    pdf = build_report(ex)
    embedded = embedded_examination(pdf)
    assert embedded is not None
    faces = embedded["examination"]["barcodes"]
    assert [f["face"] for f in faces] == ["front", "back"]
    assert [c["format"] for c in faces[1]["codes"]] == ["PDF417", "DataMatrix"]
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    res = run_tool("pdftotext", "-layout", path, "-")
    assert res.returncode == 0
    text = res.stdout
    assert "Barcodes" in text and "AAMVA ID data" in text and "Seal verification" in text
    assert make_person(17, doc_code="I").surname in text
