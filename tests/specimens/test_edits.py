"""Forgeries made by editing captures: each edit changes what it says, where it says,
under the lights it says, the way the forgery it models would — and nothing else."""

from __future__ import annotations

import numpy as np
import pytest

from tests.family2.conftest import genuine, specimen
from workstation.examination.ir_measures import invisible_measures, ir_print_ratio
from workstation.examination.zone_measures import (
    dull_measures,
    luminescent_measures,
    match_measures,
)
from workstation.specimens.edit_model import page_images
from workstation.specimens.edits import (
    EXPECTED_CHECKS,
    KINDS,
    Donor,
    EditError,
    Layout,
    PageGeometry,
    apply_edit,
)
from workstation.types import CaptureSet, Light

P = "NRV-P-2018"


def _setup(face: str = P, seed: int = 21):  # type: ignore[no-untyped-def]
    cap = genuine(face, seed, "dark", jpeg=False)
    geom = PageGeometry(np.asarray(cap.truth["corners_px"]), tuple(cap.truth["size_mm"]))
    return cap, geom, Layout.from_specimen(specimen(face))


def _crop(pages: dict[Light, np.ndarray], light: Light, rect: tuple[float, ...],
          s: float) -> np.ndarray:
    x, y, w, h = rect
    return pages[light][round(y * s):round((y + h) * s), round(x * s):round((x + w) * s)]


def _outside_unchanged(before: CaptureSet, after: CaptureSet, geom: PageGeometry,
                       rect_mm: tuple[float, ...], margin_mm: float = 1.5) -> None:
    """Every pixel farther than ``margin_mm`` from ``rect_mm`` is exactly as captured."""
    s = geom.px_per_mm()
    x, y, w, h = rect_mm
    inside = np.zeros(geom.page_size_px(), np.uint8)
    r0, r1 = max(0, round((y - margin_mm) * s)), round((y + h + margin_mm) * s)
    c0, c1 = max(0, round((x - margin_mm) * s)), round((x + w + margin_mm) * s)
    inside[r0:r1, c0:c1] = 255
    import cv2

    ch, cw = before.size
    near = cv2.warpPerspective(inside, geom.page_to_capture(), (cw, ch)) > 0
    for light in before.lights:
        a, b = before.images[light], after.images[light]
        diff = np.any(a != b, axis=2) if a.ndim == 3 else a != b
        assert not np.any(diff & ~near), light


def test_kinds_and_their_checks() -> None:
    assert set(KINDS) == set(EXPECTED_CHECKS)
    assert EXPECTED_CHECKS["reprint_office_paper"] == ("uv.dull_paper",)
    assert "white.portrait" in EXPECTED_CHECKS["photo_swap"]


@pytest.mark.slow
def test_photo_swap_cuts_in_another_documents_portrait() -> None:
    cap, geom, layout = _setup()
    other = genuine(P, 22, "dark", jpeg=False)
    donor = Donor(other.capture, PageGeometry(np.asarray(other.truth["corners_px"]),
                                              (125.0, 88.0)))
    out = apply_edit("photo_swap", cap.capture, geom, layout, seed=1, donor=donor)
    # a swapped photo changes the page under every light the capture has (the family's
    # passport also under UV 254, grazing and transmitted light)
    assert out.truth.kind == "photo_swap" and set(out.truth.lights) == set(cap.capture.lights)
    assert {Light.WHITE, Light.UV, Light.IR} <= set(out.truth.lights)
    _outside_unchanged(cap.capture, out.capture, geom, out.truth.rect_mm)
    s = geom.px_per_mm()
    before, after = page_images(cap.capture, geom), page_images(out.capture, geom)
    portrait = layout.portrait
    assert portrait is not None
    a = _crop(before, Light.WHITE, portrait, s).astype(float)
    b = _crop(after, Light.WHITE, portrait, s).astype(float)
    assert np.mean(np.abs(a - b)) > 8  # another face
    with pytest.raises(EditError, match="donor"):
        apply_edit("photo_swap", cap.capture, geom, layout)


@pytest.mark.slow
@pytest.mark.parametrize(("paper", "way"), [("office", 1), ("dull", -1)])
def test_a_printed_photo_changes_the_papers_uv_at_the_portraits_border(paper: str,
                                                                       way: int) -> None:
    # the photo printed by another printer on other paper: brightened office paper glows
    # more than the document's substrate, brightener-free paper less (it lacks the
    # substrate's own luminescence); the genuine page has no step at the border
    from workstation.examination.portrait_measures import portrait_border_uv

    cap, geom, layout = _setup()
    other = genuine(P, 22, "dark", jpeg=False)
    donor = Donor(other.capture, PageGeometry(np.asarray(other.truth["corners_px"]),
                                              (125.0, 88.0)))
    out = apply_edit("photo_swap", cap.capture, geom, layout, seed=3, donor=donor, paper=paper)
    assert out.truth.details["printed"] and out.truth.details["paper"] == paper
    assert layout.portrait is not None
    s = geom.px_per_mm()
    before, after = page_images(cap.capture, geom), page_images(out.capture, geom)
    x, y, w, h = layout.portrait
    around = (x - 4.5, y - 4.5, w + 9.0, h + 9.0)
    frame = (round(4.5 * s), round(4.5 * s), round(w * s), round(h * s))

    def step(pages: dict[Light, np.ndarray]) -> float:
        return portrait_border_uv(_crop(pages, Light.UV, around, s),
                                  _crop(before, Light.UV, around, s),
                                  _crop(pages, Light.WHITE, around, s),
                                  _crop(before, Light.WHITE, around, s),
                                  frame, px_per_mm=s)["uv_border_step"]

    assert step(before) == pytest.approx(1.0, abs=1e-6)
    assert (step(after) - 1.0) * way > 0.04


def test_photo_swap_from_another_document_keeps_its_print() -> None:
    cap, geom, layout = _setup()
    other = genuine(P, 22, "dark", jpeg=False)
    donor = Donor(other.capture, PageGeometry(np.asarray(other.truth["corners_px"]),
                                              (125.0, 88.0)))
    out = apply_edit("photo_swap", cap.capture, geom, layout, seed=1, donor=donor,
                     printed=False)
    assert "printed" not in out.truth.details
    with pytest.raises(EditError, match="paper"):
        apply_edit("photo_swap", cap.capture, geom, layout, seed=1, donor=donor, paper="foil")


def test_reprint_on_office_paper_glows_under_uv_and_keeps_the_mrz_ir_dark() -> None:
    cap, geom, layout = _setup()
    out = apply_edit("reprint_office_paper", cap.capture, geom, layout, seed=2)
    s = geom.px_per_mm()
    before, after = page_images(cap.capture, geom), page_images(out.capture, geom)
    blank = next(z for z in specimen(P).zones if z.id == "blank").rect_mm
    d = dull_measures(_crop(after, Light.UV, blank, s), _crop(before, Light.UV, blank, s))
    assert d["uv_level"] > 3  # optical brighteners
    g = dull_measures(_crop(before, Light.UV, blank, s), _crop(before, Light.UV, blank, s))
    assert d["uv_green_share"] > g["uv_green_share"] + 0.1  # blue-white, not violet
    assert layout.mrz is not None
    ratio = ir_print_ratio(_crop(after, Light.IR, layout.mrz, s),
                           _crop(after, Light.WHITE, layout.mrz, s))
    assert ratio["ir_print_ratio"] > 0.5  # black toner is carbon
    star = next(z for z in specimen(P).zones if z.id == "uv-star").rect_mm
    lum = luminescent_measures(_crop(after, Light.UV, star, s), _crop(before, Light.UV, star, s),
                               px_per_mm=s)
    assert lum["strength"] < 0.4  # no luminescent ink on a copier


@pytest.mark.slow
def test_reprint_on_dull_paper_changes_fine_print_not_its_uv_features() -> None:
    cap, geom, layout = _setup()
    out = apply_edit("reprint_dull_paper", cap.capture, geom, layout, seed=3)
    s = geom.px_per_mm()
    before, after = page_images(cap.capture, geom), page_images(out.capture, geom)
    star = next(z for z in specimen(P).zones if z.id == "uv-star").rect_mm
    lum = luminescent_measures(_crop(after, Light.UV, star, s), _crop(before, Light.UV, star, s),
                               px_per_mm=s)
    assert lum["strength"] > 0.5 and lum["correlation"] > 0.6
    bg = next(z for z in specimen(P).zones if z.id == "background").rect_mm
    m = match_measures(_crop(after, Light.WHITE, bg, s), _crop(before, Light.WHITE, bg, s),
                       px_per_mm=s)
    # the screen's toner dots replace the fine lines: the fine detail moves away from
    # the genuine's either way
    assert abs(np.log(m["fine_detail"])) > np.log(1.3)


def test_retyped_field_keeps_the_uv_features_and_changes_the_text() -> None:
    cap, geom, layout = _setup()
    out = apply_edit("data_retyped", cap.capture, geom, layout, seed=4, field="birth_date")
    assert out.truth.details["field"] == "birth_date"
    assert out.truth.rect_mm is not None
    _outside_unchanged(cap.capture, out.capture, geom, out.truth.rect_mm)
    s = geom.px_per_mm()
    before, after = page_images(cap.capture, geom), page_images(out.capture, geom)
    rect = out.truth.rect_mm
    assert np.mean(np.abs(_crop(before, Light.WHITE, rect, s).astype(float)
                          - _crop(after, Light.WHITE, rect, s).astype(float))) > 3
    with pytest.raises(EditError, match="no field"):
        apply_edit("data_retyped", cap.capture, geom, layout, field="nickname")


def test_mrz_edits() -> None:
    cap, geom, layout = _setup()
    s = geom.px_per_mm()
    assert layout.mrz is not None
    before = page_images(cap.capture, geom)
    ir = apply_edit("mrz_retyped_ir_transparent", cap.capture, geom, layout, seed=5)
    assert ir.truth.lights == (Light.IR,)
    after = page_images(ir.capture, geom)
    r0 = ir_print_ratio(_crop(before, Light.IR, layout.mrz, s),
                        _crop(before, Light.WHITE, layout.mrz, s))["ir_print_ratio"]
    r1 = ir_print_ratio(_crop(after, Light.IR, layout.mrz, s),
                        _crop(after, Light.WHITE, layout.mrz, s))["ir_print_ratio"]
    assert r0 > 0.6 and r1 < 0.25
    ch = apply_edit("mrz_char_edited", cap.capture, geom, layout, seed=6)
    d = ch.truth.details
    line = cap.truth["mrz_lines"][d["line"]]
    assert line[d["position"]] == d["old"] != d["new"]  # the digit as printed, recognised
    from workstation.mrz import read_mrz

    res = read_mrz(CaptureSet(images=dict(page_images(ch.capture, geom)), dpi=300))
    assert res.found and not res.valid


def test_uv_feature_and_background_edits() -> None:
    cap, geom, layout = _setup()
    s = geom.px_per_mm()
    before = page_images(cap.capture, geom)
    gone = apply_edit("uv_feature_erased", cap.capture, geom, layout, seed=7, zone="uv-star")
    assert gone.truth.lights == (Light.UV,)
    after = page_images(gone.capture, geom)
    star = next(z for z in specimen(P).zones if z.id == "uv-star").rect_mm
    assert luminescent_measures(_crop(after, Light.UV, star, s),
                                _crop(before, Light.UV, star, s),
                                px_per_mm=s)["strength"] < 0.3
    ir = apply_edit("background_ir_absorbing", cap.capture, geom, layout, seed=8)
    after = page_images(ir.capture, geom)
    bg = next(z for z in specimen(P).zones if z.id == "background").rect_mm
    m = invisible_measures(_crop(after, Light.IR, bg, s), _crop(before, Light.IR, bg, s),
                           _crop(after, Light.WHITE, bg, s), _crop(before, Light.WHITE, bg, s),
                           px_per_mm=s)
    assert m["ir_structure_excess"] > 0.3
    red = apply_edit("background_redrawn", cap.capture, geom, layout, seed=9)
    assert red.truth.rect_mm is not None
    _outside_unchanged(cap.capture, red.capture, geom, red.truth.rect_mm, margin_mm=0.5)
    after = page_images(red.capture, geom)
    sim = match_measures(_crop(after, Light.WHITE, bg, s), _crop(before, Light.WHITE, bg, s),
                         px_per_mm=s)["similarity"]
    assert sim < 0.4


def test_edits_on_a_specimens_own_images() -> None:
    """The trainer forges any specimen: its images are a page filling the image."""
    spec = specimen("NRV-ID-2019-B")
    images = {light: img for light, img in spec.images()}
    cap = CaptureSet(images=images, dpi=spec.dpi)
    geom = PageGeometry.whole_image(images[Light.WHITE], spec.size_mm)
    out = apply_edit("mrz_char_edited", cap, geom, Layout.from_specimen(spec), seed=1)
    assert out.truth.kind == "mrz_char_edited"
    assert any(np.any(out.capture.images[lt] != images[lt]) for lt in images)


def test_edits_say_plainly_what_they_cannot_do() -> None:
    cap, geom, _ = _setup("NRV-ID-2019-B", 24)
    layout = Layout.from_specimen(specimen("NRV-ID-2019-B"))
    with pytest.raises(EditError, match="portrait"):
        apply_edit("photo_swap", cap.capture, geom, layout)
    with pytest.raises(EditError, match="unknown edit"):
        apply_edit("stamp_forged", cap.capture, geom, layout)
    with pytest.raises(EditError, match="four corners"):
        apply_edit("uv_feature_erased", cap.capture, PageGeometry(np.zeros((3, 2)), (85.6, 54.0)),
                   layout)
