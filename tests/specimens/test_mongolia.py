"""The simulator's Mongolian-style passport (``MNG-P-2021``): a document the bundled library
does not hold, with Cyrillic and Latin names side by side and features of its own."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from workstation.capture import load_capture
from workstation.cli import main
from workstation.mrz import parse_mrz, read_mrz
from workstation.specimens.bundled import ensure_bundled
from workstation.specimens.features import feature_map
from workstation.specimens.mongolia import make_mongolian_person, transliterate
from workstation.specimens.render import (
    ALL_DOCUMENTS,
    DOCUMENTS,
    document_forgeries,
    document_lights,
    render_document,
    specimen_for,
)
from workstation.types import Light

DOC = "MNG-P-2021"
DPI = 150.0


@pytest.fixture(scope="module")
def genuine() -> object:
    return render_document(DOC, seed=11, dpi=DPI)


@pytest.mark.slow
def test_the_bundled_library_does_not_hold_it(tmp_path: Path) -> None:
    assert DOC in ALL_DOCUMENTS and DOC not in DOCUMENTS
    folders = ensure_bundled(tmp_path)
    assert sorted(p.name for p in folders) == sorted(DOCUMENTS)
    assert not (tmp_path / DOC).exists()


def test_names_in_cyrillic_with_mongolian_letters_and_their_latin_form() -> None:
    people = [make_mongolian_person(s) for s in range(60)]
    natives = "".join(p.surname_native + p.given_names_native for p in people)
    assert "Ө" in natives and "Ү" in natives
    for p in people:
        assert p.surname == transliterate(p.surname_native)
        assert p.given_names == transliterate(p.given_names_native)
        assert p.surname.isascii() and p.given_names.isascii()
        assert p.issuing_state == "MNG" and p.nationality == "MNG"
        assert p.personal_number[:2].isalpha() and not p.personal_number[:2].isascii()
        assert p.optional_data == transliterate(p.personal_number)
    assert transliterate("ӨЛЗИЙ-ҮҮД ХҮРЭЛСҮХ") == "OLZII-UUD KHURELSUKH"


def test_mrz_is_valid_and_names_the_holder(genuine: object) -> None:
    doc = genuine
    lines = doc.mrz_lines  # type: ignore[attr-defined]
    person = doc.person  # type: ignore[attr-defined]
    assert lines[0].startswith("P<MNG")
    parsed = parse_mrz(lines)
    assert parsed.valid
    assert parsed.fields["surname"] == person.surname
    assert parsed.fields["optional_data"] == person.optional_data
    # at the reader's 300 dpi (at 150 dpi OCR-B's O and 0 of the transliterated register
    # number, "KHO47040367", are too alike to tell)
    sharp = render_document(DOC, seed=11, dpi=300.0)
    read = read_mrz(sharp.images[Light.IR])
    assert read.found and read.valid and read.lines == lines


def test_features_behave_under_each_light(genuine: object) -> None:
    images = genuine.images  # type: ignore[attr-defined]
    k = DPI / 25.4
    feats = {f.name: f for f in feature_map(DOC, dpi=DPI, seeds=[11])}
    assert {"uv-emblem", "uv-knot", "uv-pattern"} <= {
        n for n, f in feats.items() if f.category == "luminescent"}
    assert feats["ir-key-pattern"].category == "ir_visible"
    assert feats["header"].category == "ir_dropout"
    uv = images[Light.UV].astype(np.float32).mean(axis=2)
    ir = images[Light.IR].astype(np.float32)
    white = images[Light.WHITE].astype(np.float32).mean(axis=2)
    substrate_uv = float(np.median(uv))
    for name in ("uv-emblem", "uv-knot", "uv-pattern"):
        m = feats[name].mask > 0.5
        # glows under UV, nearly invisible in white light
        assert float(np.percentile(uv[m], 75)) > 3 * substrate_uv, name
    paper_ir = float(np.percentile(ir, 90))
    key = feats["ir-key-pattern"].mask > 0.6
    assert float(np.median(ir[key])) < 0.6 * paper_ir
    header = feats["header"].mask > 0.6
    assert float(np.median(white[header])) < 0.6 * float(np.percentile(white, 90))
    assert float(np.median(ir[header])) > 0.85 * paper_ir
    del k


def test_the_truth_specimen_zones_lie_on_the_features() -> None:
    spec = specimen_for(DOC, dpi=150.0)
    assert spec.issuing_state == "MNG" and spec.mrz_format == "TD3"
    zone_ids = {z.id for z in spec.zones}
    assert {"uv-knot", "ir-key-pattern", "field-surname", "mrz"} <= zone_ids
    assert "ir-mark" not in zone_ids  # this design has no seal
    assert spec.zone("field-surname").varies == "holder"
    # the surname zone is on the Latin value (the MRZ's), not the Cyrillic one
    assert spec.zone("field-surname").rect_mm[0] > 70.0


@pytest.mark.parametrize("forgery", document_forgeries(DOC))
def test_every_renderer_forgery_draws(forgery: str) -> None:
    """Each forgery the document can carry changes what some light of its shows (the
    optional lights' forgeries only under the lights that reveal their features)."""
    lights = document_lights(DOC)
    genuine = render_document(DOC, seed=4, dpi=100.0, lights=lights)
    forged = render_document(DOC, seed=4, dpi=100.0, forgery=forgery, lights=lights)
    assert any(not np.array_equal(genuine.images[light], forged.images[light])
               for light in genuine.images)


def test_simulate_writes_it_without_a_chip(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cap"
    assert main(["simulate", "--document", DOC, "--seed", "3", "--out", str(out),
                 "--dpi", "150", "--json"]) == 0
    truth = json.loads(capsys.readouterr().out)["simulation"]
    assert truth["document"] == DOC and truth["person"]["surname_native"]
    cap = load_capture(out)
    assert not cap.chip_files and not (out / "chip").exists()
    assert main(["simulate", "--document", DOC, "--forgery", "chip_other_face", "--out",
                 str(tmp_path / "x")]) == 2
