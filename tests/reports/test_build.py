"""The report's content, checked with poppler's tools (independent of reportlab)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from tests.reports.conftest import Material, run_tool
from tests.reports.synthetic import synthetic_examination
from workstation.errors import InputError
from workstation.examination.results import Identification, RegistrationResult
from workstation.findings import Annotation, AnnotationKind
from workstation.reports.build import build_report
from workstation.reports.config import ReportConfig
from workstation.reports.data import (
    ATTACHMENT_NAME,
    ReportContext,
    pixel_sha256,
    prepare_report,
)
from workstation.reports.review import attachments, embedded_examination
from workstation.types import CheckStatus, Light


def _write(tmp_path: Path, data: bytes, name: str = "r.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _text(path: Path) -> str:
    res = run_tool("pdftotext", "-layout", path, "-")
    assert res.returncode == 0, res.stderr
    return res.stdout


def _pages(path: Path) -> int:
    res = run_tool("pdfinfo", path)
    assert res.returncode == 0, res.stderr
    match = re.search(r"^Pages:\s+(\d+)", res.stdout, re.M)
    assert match
    return int(match.group(1))


def test_pdftotext_finds_document_number_conclusion_and_failed_codes(
        material: Material, tmp_path: Path) -> None:
    path = _write(tmp_path, material.signed)
    text = _text(path)
    assert "L898902C3" in text
    assert "COUNTERFEIT" in text
    failed = [c.code for c in material.examination.checks if c.status is CheckStatus.FAIL]
    assert failed  # the synthetic examination has failures
    for code in failed:
        assert code in text
    assert "C-2026-0042" in text and "Anna Examiner" in text and "WS-TEST-01" in text
    assert "SimulatedReader SR-1 #0001" in text  # the reader
    assert "UTO-P-2020" in text  # the specimen
    n = _pages(path)
    for i in range(1, n + 1):
        assert f"Page {i} of {n}" in text


def test_pdftoppm_renders_every_page(material: Material, tmp_path: Path) -> None:
    path = _write(tmp_path, material.signed)
    n = _pages(path)
    res = run_tool("pdftoppm", "-r", "40", "-png", path, tmp_path / "page")
    assert res.returncode == 0
    assert res.stderr.strip() == ""
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == n >= 2
    assert all(p.stat().st_size > 1000 for p in pngs)


def test_every_font_is_embedded(material: Material, tmp_path: Path) -> None:
    res = run_tool("pdffonts", _write(tmp_path, material.signed))
    assert res.returncode == 0
    rows = [line.split() for line in res.stdout.splitlines()[2:] if line.strip()]
    assert rows
    names = " ".join(r[0] for r in rows)
    assert "OCRB" in names and "DejaVuSans" in names
    for row in rows:
        # columns: name type [type2] encoding emb sub uni id gen; emb is 'yes'
        assert "yes" in row[-5:-3], row


def test_examination_json_is_attached_and_its_hash_is_printed(
        material: Material, tmp_path: Path) -> None:
    path = _write(tmp_path, material.signed)
    res = run_tool("pdfdetach", "-save", "1", "-o", tmp_path / "att.json", path)
    assert res.returncode == 0, res.stderr
    raw = (tmp_path / "att.json").read_bytes()
    assert raw == attachments(material.signed)[ATTACHMENT_NAME]
    obj = json.loads(raw)
    assert obj["format"] == "workstation.report/1"
    assert obj["case_ref"] == "C-2026-0042"
    assert obj["examination"]["verdict"] == "fail"
    assert obj["findings"]["conclusion"] == "counterfeit"
    assert embedded_examination(material.signed) == obj
    text = _text(path).replace("\n", " ")
    digest = hashlib.sha256(raw).hexdigest()
    assert digest in re.sub(r"\s+", "", text) or digest[:32] in text
    # every capture image's pixel hash is listed
    for light, img in material.examination.capture.images.items():
        entry = next(i for i in obj["images"] if i["ref"] == f"capture:{light.value}")
        assert entry["sha256"] == pixel_sha256(img)


def test_pdfa_identification_and_output_intent(material: Material) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(material.signed))
    root = reader.root
    intents = root["/OutputIntents"]
    assert str(intents[0]["/S"]) == "/GTS_PDFA1"
    assert len(intents[0]["/DestOutputProfile"].data) > 100
    xmp = root["/Metadata"].get_object().data.decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "keywords" not in xmp  # pyHanko would write the non-standard pdf:keywords
    assert "R-TEST-0001" in xmp
    spec = root["/AF"][0]
    assert str(spec["/AFRelationship"]) == "/Data"


def test_capture_files_are_hashed_as_files(tmp_path: Path) -> None:
    from workstation.capture import save_capture

    exam = synthetic_examination()
    folder = tmp_path / "cap"
    save_capture(exam.capture, folder)
    exam = replace(exam, capture_path=str(folder))
    data = prepare_report(exam, ReportContext(config=ReportConfig()))
    meta = json.loads((folder / "capture.json").read_text())
    for light, name in meta["lights"].items():
        rec = next(r for r in data.images if r.ref == f"capture:{light}")
        assert rec.hash_of == "file"
        assert rec.sha256 == hashlib.sha256((folder / name).read_bytes()).hexdigest()


def test_three_light_report_is_small_enough(material: Material) -> None:
    assert len(material.examination.capture.lights) == 3
    assert len(material.signed) <= 10 * 1024 * 1024


def test_minimal_examination_without_specimen_or_findings(tmp_path: Path) -> None:
    exam = synthetic_examination(counterfeit=False, lights=(Light.WHITE,))
    exam = replace(exam, mrz=None)
    pdf = build_report(exam, ReportContext(config=ReportConfig()))
    text = _text(_write(tmp_path, pdf))
    assert "No machine-readable zone was read" in text
    assert "NONE RECORDED" in text


def test_naive_report_time_is_refused() -> None:
    with pytest.raises(InputError):
        prepare_report(synthetic_examination(),
                       ReportContext(created_at=dt.datetime(2026, 1, 1), config=ReportConfig()))


def test_annotation_labels_measure_in_mm() -> None:
    ruler = Annotation(AnnotationKind.RULER, [(0.0, 0.0), (300.0, 0.0)], dpi=300, text="w")
    assert ruler.label() == "25.4 mm — w"
    angle = Annotation(AnnotationKind.ANGLE, [(10.0, 0.0), (0.0, 0.0), (0.0, 10.0)])
    assert angle.label() == "90.0°"
    rect = Annotation(AnnotationKind.RECTANGLE, [(0.0, 0.0), (150.0, 300.0)])
    assert rect.label(300) == "12.7 mm × 25.4 mm"
    assert rect.label() == "150 × 300 px"


def test_pixel_hash_depends_on_every_pixel() -> None:
    a = np.zeros((4, 5, 3), np.uint8)
    b = a.copy()
    b[3, 4, 2] = 1
    assert pixel_sha256(a) != pixel_sha256(b)
    assert pixel_sha256(a) == hashlib.sha256(bytes(60)).hexdigest()


def test_registered_capture_and_reference_from_the_examination(material: Material,
                                                               tmp_path: Path) -> None:
    exam = synthetic_examination()
    spec = material.specimen
    registered = {light: img[::2, ::2].copy() for light, img in exam.capture.images.items()}
    reference = {light: img[::4, ::4].copy() for light, img in spec.images()}
    exam = replace(exam, identification=Identification(specimen=spec),
                   registration=RegistrationResult(
                       quality=0.9, method="test", homography=np.eye(3),
                       page_to_work=np.eye(3), work_dpi=150.0, registered=registered,
                       reference=reference, specimen_dpi=spec.dpi))
    data = prepare_report(exam, ReportContext(config=ReportConfig(),
                                              findings=material.findings))
    assert data.registered and data.context.specimen is spec
    assert data.specimen_dpi == 150.0
    assert data.questioned[Light.UV] is registered[Light.UV]
    assert data.specimen_images[Light.UV] is reference[Light.UV]
    refs = {r.ref for r in data.images}
    assert {"capture:uv", "questioned:uv"} <= refs
    # annotations on the capture as taken: those images join the chosen views
    assert any(ref == "capture:white" for ref, _, _ in data.chosen)
    text = _text(_write(tmp_path, build_report(exam, ReportContext(
        config=ReportConfig(), findings=material.findings))))
    assert "registered onto the specimen" in text
    assert "Capture — white light, as captured" in text
