"""The simulated identity card's back face, its specimen zones, the reader turning the card
over and ``workstation simulate`` writing both faces."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from workstation.barcodes.read import read_barcodes
from workstation.capture import load_capture
from workstation.cli import main
from workstation.errors import FormatError, InputError
from workstation.hardware.simulated import SimulatedReader
from workstation.specimens.back import BACKS, back_content, has_back, render_back
from workstation.specimens.package import load_specimen, save_specimen
from workstation.specimens.people import Person, mrz_lines_for
from workstation.specimens.render import specimen_for
from workstation.types import Expect, Light

CARD = "UTO-ID-2021"


@pytest.mark.parametrize("dpi", [300.0, 200.0])
def test_back_carries_the_holders_data(dpi: float) -> None:
    doc = render_back(CARD, seed=5, dpi=dpi)
    person = doc.person
    aamva, seal = back_content(person, CARD)
    readings = read_barcodes(doc.images[Light.WHITE])
    assert sorted(r.kind for r in readings) == ["aamva", "seal"]
    by_kind = {r.kind: r for r in readings}
    assert by_kind["aamva"].code.raw == aamva and by_kind["seal"].code.raw == seal
    assert by_kind["aamva"].aamva is not None
    assert by_kind["aamva"].aamva.fields.family_name == person.surname
    assert by_kind["seal"].seal is not None
    assert by_kind["seal"].seal.mrz_lines == mrz_lines_for(person, "TD1")
    assert by_kind["seal"].verification is not None
    assert by_kind["seal"].verification.status.value == "valid"
    # barcodes in carbon ink: readable under IR as well
    assert len(read_barcodes(doc.images[Light.IR])) == 2
    assert doc.truth["face"] == "back"
    assert Person.from_json(doc.truth["person"]) == person


def test_same_seed_same_back_and_front_person() -> None:
    a = render_back(CARD, seed=8, dpi=150)
    b = render_back(CARD, seed=8, dpi=150)
    assert all(np.array_equal(a.images[k], b.images[k]) for k in a.images)
    from workstation.specimens.render import render_document

    assert render_document(CARD, seed=8, dpi=100).person == a.person


def test_office_reprint_of_the_back_glows_under_uv() -> None:
    genuine = render_back(CARD, seed=2, dpi=150)
    office = render_back(CARD, forgery="office_paper", seed=2, dpi=150)
    assert office.images[Light.UV].mean() > 2.0 * genuine.images[Light.UV].mean()
    assert len(read_barcodes(office.images[Light.WHITE])) == 2  # the barcodes copied


def test_only_the_card_has_a_back() -> None:
    assert has_back(CARD) and not has_back("UTO-P-2020")
    with pytest.raises(ValueError, match="no back face"):
        render_back("UTO-P-2020")


def test_specimen_zones_on_the_back_round_trip(tmp_path: Path) -> None:
    spec = specimen_for(CARD, dpi=100.0)
    back = [z for z in spec.zones if z.face == "back"]
    assert {z.id for z in back} == {"back-pdf417", "back-seal"}
    assert all(c.expect is Expect.BARCODE for z in back for c in z.checks)
    x, y, w, h = back[0].rect_mm
    assert x >= 0 and x + w <= 85.6 and y >= 0 and y + h <= 54.0
    save_specimen(spec, tmp_path / "pkg")
    meta = json.loads((tmp_path / "pkg" / "specimen.json").read_text())
    assert {z["id"]: z.get("face") for z in meta["zones"]}["back-seal"] == "back"
    assert "face" not in {z["id"]: z for z in meta["zones"]}["mrz"]
    again = load_specimen(tmp_path / "pkg")
    assert [z for z in again.zones if z.face == "back"] == back
    meta["zones"][0]["face"] = "inside"
    (tmp_path / "pkg" / "specimen.json").write_text(json.dumps(meta))
    with pytest.raises(FormatError, match="'face' must be"):
        load_specimen(tmp_path / "pkg")


def test_reader_turns_the_card_over() -> None:
    with SimulatedReader(document=CARD, seed=4, dpi=150) as reader:
        front = reader.capture_all()
        assert reader.turn_over() == "back" and reader.face == "back"
        back = reader.capture_all()
        assert back.metadata["simulation"]["face"] == "back"
        assert not np.array_equal(front.images[Light.WHITE], back.images[Light.WHITE])
        assert len(read_barcodes(back.images[Light.WHITE])) == 2
        assert reader.turn_over() == "front"
        again = reader.capture_all()
        assert "face" not in again.metadata["simulation"]
    with SimulatedReader(document="UTO-P-2020", seed=4, dpi=100) as reader, \
            pytest.raises(InputError, match="no back face"):
        reader.turn_over()


@pytest.mark.parametrize("cropped", [False, True])
def test_simulate_writes_both_faces(tmp_path: Path, cropped: bool,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cap"
    args = ["simulate", "--document", CARD, "--seed", "6", "--dpi", "200", "--out", str(out)]
    assert main([*args, "--cropped"] if cropped else args) == 0
    capsys.readouterr()
    cap = load_capture(out)
    assert cap.back is not None and cap.back.lights == cap.lights
    assert cap.metadata["simulation"]["back"]["face"] == "back"
    assert len(read_barcodes(cap.back.images[Light.WHITE])) == 2
    assert main(["simulate", "--document", "UTO-P-2020", "--seed", "6", "--dpi", "100",
                 "--out", str(tmp_path / "p")]) == 0
    assert load_capture(tmp_path / "p").back is None


def test_layout_fits_the_card() -> None:
    for doc_id, back in BACKS.items():
        w, h = specimen_for(doc_id, dpi=50.0).size_mm
        for x, y, bw, bh in (back.pdf417_rect, back.seal_rect, back.header_rect):
            assert x > 0 and x + bw < w and y > 0 and y + bh < h
