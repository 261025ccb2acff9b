"""Specimen authoring (issue 17): from genuine captures of a document the bundled library
does not hold to a proposed specimen, its zones measured against the renderer's own
feature map; the command line; personal data blurred out of an export."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench.authoring_truth import coverage, mng_features
from workstation.capture import load_capture
from workstation.cli import main
from workstation.examination.authoring import masks as M
from workstation.examination.authoring.fields import similarity, value_forms
from workstation.examination.authoring.pages import AuthoringError, size_class_of
from workstation.examination.authoring.propose import AuthoredSpecimen, author_specimen
from workstation.examination.authoring.share import (
    blur_personal_data,
    finalise_provenance,
    provenance_problems,
)
from workstation.specimens.package import load_specimen, save_specimen
from workstation.types import CaptureSet, Light

pytestmark = pytest.mark.slow  # module fixtures author or learn specimens (tens of seconds)

DOC = "MNG-P-2021"
SEEDS = (1, 2, 3)


def _capture(seed: int) -> CaptureSet:
    from workstation.hardware.simulate_cli import simulate_capture

    return simulate_capture(DOC, forgery=None, seed=seed, dpi=300.0, cropped=False)


@pytest.fixture(scope="module")
def authored() -> AuthoredSpecimen:
    return author_specimen([(f"seed{s}", _capture(s)) for s in SEEDS], specimen_id=DOC)


def test_size_classes() -> None:
    td3 = size_class_of((125.6, 88.3))
    assert td3.size_class == "TD3" and td3.size_mm == (125.0, 88.0)
    card = size_class_of((54.2, 85.9))
    assert card.size_class == "TD1" and card.orientation == "portrait"
    assert card.size_mm == (53.98, 85.6)
    other = size_class_of((150.0, 100.0))
    assert other.size_class is None and other.size_mm == (150.0, 100.0)


def test_field_matching_reads_dates_as_printed() -> None:
    forms = value_forms("birth_date", "1972-11-28")
    assert similarity("28 NOV1972", forms) > 0.95
    assert similarity("28.11.1972", forms) > 0.95
    assert similarity("01 DEC 2023", forms) < 0.72
    # a field printed in two scripts: the Latin part matches
    assert similarity("ГАНБААТАР GANBAATAR", value_forms("surname", "GANBAATAR")) == 1.0


def test_largest_rectangle() -> None:
    free = np.ones((20, 30), bool)
    free[5, :] = False
    free[:, 20] = False
    x, y, w, h = M.largest_rectangle(free)
    assert (x, y, w, h) == (0, 6, 20, 14)


def test_identity_size_and_zones(authored: AuthoredSpecimen) -> None:
    spec = authored.specimen
    assert (spec.issuing_state, spec.document_code, spec.mrz_format) == ("MNG", "P", "TD3")
    assert authored.size.size_class == "TD3" and spec.size_mm == (125.0, 88.0)
    assert spec.valid_from is None  # left for the author
    roles = {z.role for z in spec.zones}
    assert {"mrz", "portrait", "signature", "blank", "field:surname", "field:given_names",
            "field:document_number", "field:birth_date", "field:expiry_date",
            "field:sex"} <= roles
    for z in spec.zones:
        if z.role in ("mrz", "portrait", "signature") or (z.role or "").startswith("field:"):
            assert z.varies == "holder", z.id
    # the surname zone is on the Latin value (the MRZ's), not the Cyrillic one
    assert spec.zone("field-surname").rect_mm[0] > 68.0
    lum = [z for z in spec.zones if any(c.expect.value == "luminescent" for c in z.checks)]
    assert len(lum) == 3 and all(z.varies is None for z in lum)
    assert spec.zone("background").checks
    # statistics from every exemplar
    assert spec.statistics.exemplars == 3
    assert spec.zone("mrz").stats


def test_zones_cover_the_renderer_features(authored: AuthoredSpecimen) -> None:
    cov = coverage(authored.specimen.zones, mng_features(SEEDS))
    assert cov.share >= 0.9, cov.missed
    assert cov.plain_zones == []


def test_a_capture_of_another_document_is_left_out() -> None:
    from workstation.hardware.simulate_cli import simulate_capture

    other = simulate_capture("UTO-P-2020", forgery=None, seed=5, dpi=300.0, cropped=False)
    res = author_specimen([("mng", _capture(1)), ("uto", other)], specimen_id=DOC)
    used = {p.name: p.ok for p in res.pages}
    assert used == {"mng": True, "uto": False}
    assert any("uto left out" in n for n in res.notes)
    assert res.specimen.statistics.exemplars == 1


def test_bad_input_is_refused() -> None:
    with pytest.raises(AuthoringError, match="specimen id"):
        author_specimen([("x", _capture(1))], specimen_id="bad id\n")
    blank = CaptureSet(images={Light.WHITE: np.full((400, 600, 3), 30, np.uint8)}, dpi=300.0)
    with pytest.raises(AuthoringError, match="no capture shows a page"):
        author_specimen([("blank", blank)], specimen_id="X-P-1")


def test_blurred_export_carries_no_pixel_of_portrait_or_name(
        authored: AuthoredSpecimen, tmp_path: Path) -> None:
    """The truth comes from the renderer's design (where the portrait and the names are
    printed), not from the zones the author found."""
    from workstation.examination.ocr import read_text
    from workstation.specimens.documents import DESIGNS

    design = DESIGNS[DOC]
    spec = authored.specimen
    blurred = finalise_provenance(blur_personal_data(spec), author="Forensic unit")
    out = save_specimen(blurred, tmp_path / "pkg.zip")
    back = load_specimen(out, verify_images=True)
    assert provenance_problems(back) == []
    prov = back.extra["provenance"]
    assert prov["authored_by"] == "Forensic unit" and prov["exemplars"] == 3
    assert {"portrait", "field-surname", "signature", "mrz"} <= set(prov["blurred_zones"])
    k = back.dpi / 25.4

    def crop(img: np.ndarray, rect: tuple[float, float, float, float]) -> np.ndarray:
        x, y, w, h = rect
        return img[round(y * k):round((y + h) * k), round(x * k):round((x + w) * k)]

    import cv2

    for light in back.image_lights:
        img = back.image(light).astype(np.float32)
        orig = spec.image(light).astype(np.float32)
        # the portrait: one smooth tone, nothing of the face (no detail left)
        face = crop(img, design.portrait)
        detail = np.abs(face - cv2.GaussianBlur(face, (0, 0), 3.0))
        assert float(detail.max()) < 4.0, light
        if light == Light.WHITE:  # (the face was there before)
            assert float(np.abs(crop(orig, design.portrait) - cv2.GaussianBlur(
                crop(orig, design.portrait), (0, 0), 3.0)).max()) > 40.0
    # the names (Latin and Cyrillic): where the renderer printed their ink (this holder's,
    # grown by the print registration's play), no stroke is left, and OCR reads nothing
    from workstation.specimens.features import feature_map

    person = authored.pages[0].capture.metadata["simulation"]["person"]
    feats = {f.name: f for f in feature_map(DOC, dpi=back.dpi, seeds=[SEEDS[0]])}
    white_out = back.image(Light.WHITE).astype(np.float32).mean(axis=2)
    white_in = spec.image(Light.WHITE).astype(np.float32).mean(axis=2)
    grow = np.ones((2 * round(0.3 * k) + 1,) * 2, np.uint8)

    def stroke(img: np.ndarray) -> np.ndarray:
        """How much darker than its surroundings (0.8 mm) each pixel is: a printed
        letter's stroke, not a blur's soft edge or the background's light lines."""
        return cv2.GaussianBlur(img, (0, 0), 0.8 * k) - img

    for name in ("value:surname", "value:surname:native", "value:given_names",
                 "value:given_names:native"):
        ink = cv2.dilate((feats[name].mask > 0.3).astype(np.uint8), grow) > 0
        assert float(stroke(white_in)[ink].max()) > 80.0, name  # the strokes were there
        assert float(stroke(white_out)[ink].max()) < 30.0, name  # none is left
        x, y, w, h = feats[name].bbox_mm
        (text, _conf), = read_text([np.ascontiguousarray(crop(back.image(Light.WHITE),
                                                              (x - 1, y - 1, w + 2, h + 2)))])
        field = name.split(":")[1]
        assert similarity(text, [person[field]]) < 0.5, (name, text)
    # the fixed design keeps its pixels (the header is not blurred)
    assert np.array_equal(crop(back.image(Light.WHITE), design.header_zone),
                          crop(spec.image(Light.WHITE), design.header_zone))


def test_cli_author_then_examine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workstation.hardware.simulate_cli import write_capture

    folders = []
    for s in SEEDS:
        folders.append(str(write_capture(_capture(s), tmp_path / f"g{s}")))
    assert main(["specimens", "author", *folders, "--id", DOC, "--valid-from", "2021-13-01"]) == 2
    assert main(["specimens", "author", *folders, "--id", DOC, "--series", "2021",
                 "--valid-from", "2021-01-04", "--author", "Unit 7", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["specimen"] == DOC and summary["page"]["size_class"] == "TD3"
    assert summary["exemplars"] == 3
    assert main(["specimens", "list", "--json"]) == 0
    listed = {s["id"] for s in json.loads(capsys.readouterr().out)}
    assert DOC in listed
    # again: the id is taken
    assert main(["specimens", "author", folders[0], "--id", DOC]) == 2
    # a package with --out, blurred; export from the library too
    assert main(["specimens", "author", *folders[:2], "--id", "MNG-P-X", "--out",
                 str(tmp_path / "pkg"), "--blur-personal"]) == 0
    pkg = load_specimen(tmp_path / "pkg")
    assert "portrait" in pkg.extra["provenance"]["blurred_zones"]
    assert main(["specimens", "export", DOC, str(tmp_path / "exp.zip"), "--blur-personal"]) == 0
    assert load_specimen(tmp_path / "exp.zip").extra["provenance"]["authored_by"] == "Unit 7"
    # examine a further genuine capture with the authored specimen
    g = write_capture(_capture(41), tmp_path / "g41")
    capsys.readouterr()
    assert main(["examine", str(g), "--specimen", DOC, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["specimen"] == DOC
    assert load_capture(g).dpi == 300.0


def test_barcodes_become_zones() -> None:
    """The Utopia card's back carries a PDF417 (AAMVA card data) and a digital seal."""
    from workstation.hardware.simulate_cli import simulate_capture

    backs = []
    for s in (1, 2):
        cap = simulate_capture("UTO-ID-2021", forgery=None, seed=s, dpi=300.0, cropped=False)
        assert cap.back is not None
        backs.append((f"back{s}", CaptureSet(images=cap.back.images, dpi=cap.back.dpi)))
    res = author_specimen(backs, specimen_id="UTO-ID-2021-B")
    assert res.size.size_class == "TD1"
    roles = {z.role: z for z in res.specimen.zones}
    assert {"barcode:aamva", "barcode:seal"} <= set(roles)
    assert all(c.expect.value == "barcode" for c in roles["barcode:aamva"].checks)


def test_fields_widened_to_the_next_print_on_their_line() -> None:
    from workstation.examination.authoring.fields import FIELD_GAP_MM, widen_fields
    from workstation.examination.authoring.zones import Found

    date = Found("ir_visible", (40.0, 39.0, 15.0, 3.7), varies=True, role="field:birth_date")
    sex = Found("ir_visible", (67.0, 39.0, 3.7, 3.7), varies=True, role="field:sex")
    place = Found("ir_visible", (80.0, 39.2, 14.0, 3.7), varies=True)
    name = Found("ir_visible", (40.0, 24.0, 30.0, 4.0), varies=True, role="field:surname")
    glow = Found("luminescent", (75.0, 20.0, 20.0, 10.0))  # a UV glow ends no line
    label = Found("ir_dropout", (40.0, 35.0, 20.0, 2.5))  # the label above: another line
    widen_fields([date, sex, place, name, glow, label], (125.0, 88.0))
    assert date.rect_mm == (40.0, 39.0, 67.0 - FIELD_GAP_MM - 40.0, 3.7)
    assert sex.rect_mm == (67.0, 39.0, 7.4, 3.7)  # a lone letter: its own width more
    assert name.rect_mm[2] == 125.0 - 2.5 - 40.0  # to the page's margin
    assert place.rect_mm == (80.0, 39.2, 14.0, 3.7)  # not a labelled field
