"""The spectral renderer: properties measured on the rendered images."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from workstation.mrz.checkdigit import check_digit
from workstation.specimens.documents import DESIGNS
from workstation.specimens.people import (
    SPECIMEN_PERSON,
    Person,
    make_person,
    mrz_lines_for,
    mrz_name,
)
from workstation.specimens.render import (
    DOCUMENTS,
    FORGERIES,
    RenderedDocument,
    document_forgeries,
    render_document,
    specimen_for,
)
from workstation.types import Expect, Image, Light, mm_to_px

DPI = 200.0


def crop(image: Image, rect_mm: tuple[float, float, float, float], dpi: float) -> Image:
    x, y, w, h = (round(mm_to_px(v, dpi)) for v in rect_mm)
    return image[y:y + h, x:x + w]


def grey(image: Image) -> np.ndarray:
    if image.ndim == 2:
        return image.astype(np.float64)
    return image.astype(np.float64) @ np.array([0.299, 0.587, 0.114])


def mrz_valid(lines: list[str]) -> bool:
    """Every check digit of a TD1 or TD3 MRZ verifies."""
    if len(lines) == 2:
        l2 = lines[1]
        ok = [check_digit(l2[0:9]) == l2[9], check_digit(l2[13:19]) == l2[19],
              check_digit(l2[21:27]) == l2[27]]
        comp = l2[0:10] + l2[13:20] + l2[21:43]
        ok.append(check_digit(comp) == l2[43])
        return all(ok)
    l1, l2, _ = lines
    ok = [check_digit(l1[5:14]) == l1[14], check_digit(l2[0:6]) == l2[6],
          check_digit(l2[8:14]) == l2[14]]
    comp = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
    ok.append(check_digit(comp) == l2[29])
    return all(ok)


@pytest.fixture(scope="module")
def genuine() -> dict[str, RenderedDocument]:
    return {d: render_document(d, seed=3, dpi=DPI) for d in DOCUMENTS}


def test_ids_are_the_published_ones() -> None:
    assert DOCUMENTS == ("UTO-P-2020", "UTO-ID-2021")
    assert set(FORGERIES) == {
        "office_paper", "uv_feature_missing", "mrz_ir_transparent", "background_ir_absorbing",
        "portrait_substituted", "mrz_char_altered", "viz_data_altered", "guilloche_imitated",
        "relief_flat", "watermark_printed", "perforation_printed", "fibres_printed",
        "ghost_other_face", "microprint_line", "coaxial_pattern_missing", "uv254_imitated"}
    # the card has no watermark, see-through register or perforation to imitate
    assert set(document_forgeries("UTO-ID-2021")) == set(FORGERIES) - {
        "watermark_printed", "perforation_printed"}
    assert document_forgeries("UTO-P-2020") == FORGERIES
    with pytest.raises(ValueError, match="does not apply"):
        render_document("UTO-ID-2021", forgery="perforation_printed", dpi=DPI)


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_images_are_cropped_to_the_document(doc_id: str,
                                            genuine: dict[str, RenderedDocument]) -> None:
    doc = genuine[doc_id]
    w_mm, h_mm = DESIGNS[doc_id].size_mm
    assert set(doc.images) == {Light.WHITE, Light.UV, Light.IR}
    for light, img in doc.images.items():
        assert img.dtype == np.uint8
        assert img.shape[:2] == (round(mm_to_px(h_mm, DPI)), round(mm_to_px(w_mm, DPI)))
        assert img.ndim == (2 if light is Light.IR else 3)
    assert doc.dpi == DPI
    # the face is lit: its centre is bright in white light, the paper dark under UV
    h, w = doc.images[Light.WHITE].shape[:2]
    assert grey(doc.images[Light.WHITE])[h // 3:2 * h // 3, w // 3:2 * w // 3].mean() > 120


def test_same_seed_same_images_other_seed_other_person() -> None:
    a = render_document("UTO-ID-2021", seed=11, dpi=150)
    b = render_document("UTO-ID-2021", seed=11, dpi=150)
    c = render_document("UTO-ID-2021", seed=12, dpi=150)
    for light in a.images:
        assert np.array_equal(a.images[light], b.images[light])
        assert not np.array_equal(a.images[light], c.images[light])
    assert a.person == b.person
    assert a.person != c.person
    assert a.truth == b.truth


@pytest.mark.parametrize("doc_id, forgery", [(d, f) for d in DOCUMENTS
                                              for f in (None, *document_forgeries(d))])
def test_mrz_check_digits(doc_id: str, forgery: str | None) -> None:
    doc = render_document(doc_id, forgery=forgery, seed=5, dpi=100)
    fmt = DESIGNS[doc_id].mrz_format
    assert len(doc.mrz_lines) == (2 if fmt == "TD3" else 3)
    assert {len(line) for line in doc.mrz_lines} == {44 if fmt == "TD3" else 30}
    assert doc.truth["mrz_lines"] == doc.mrz_lines
    assert mrz_valid(doc.mrz_lines) is (forgery != "mrz_char_altered")
    assert mrz_valid(doc.truth["genuine_mrz_lines"])
    assert doc.truth["forgery"] == forgery
    assert doc.truth["document"] == doc_id


def test_mrz_lines_for_the_icao_example() -> None:
    td3 = mrz_lines_for(SPECIMEN_PERSON, "TD3")
    assert td3 == ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                   "L898902C36UTO7408122F3004157<<<<<<<<<<<<<<<4"]
    icao_td1 = Person(surname="ERIKSSON", given_names="ANNA MARIA", sex="F",
                      birth_date=dt.date(1974, 8, 12), place_of_birth="X",
                      issue_date=dt.date(2002, 4, 16), expiry_date=dt.date(2012, 4, 15),
                      document_number="D23145890")
    assert mrz_lines_for(icao_td1, "TD1") == ["I<UTOD231458907<<<<<<<<<<<<<<<",
                                              "7408122F1204159UTO<<<<<<<<<<<6",
                                              "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    with pytest.raises(ValueError):
        mrz_lines_for(SPECIMEN_PERSON, "TD2")


def test_names_become_mrz_characters() -> None:
    assert mrz_name("O'BRIEN", "ANNA", 20) == "OBRIEN<<ANNA<<<<<<<<"
    assert mrz_name("SMITH-JONES", "JEAN LUC", 25) == "SMITH<JONES<<JEAN<LUC<<<<"
    assert mrz_name("VAN DER BERG", "A", 10) == "VAN<DER<BE"


def test_people_vary_with_the_seed() -> None:
    people = [make_person(s) for s in range(60)]
    assert len({p.document_number for p in people}) == 60
    assert any(" " in p.surname or "-" in p.surname for p in people)
    assert any(" " in p.given_names for p in people)
    assert {p.sex for p in people} >= {"F", "M"}
    for p in people:
        assert p.expiry_date > p.issue_date > p.birth_date
        assert p.nationality == "UTO"


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_security_paper_is_uv_dull_office_paper_glows(doc_id: str) -> None:
    blank = DESIGNS[doc_id].blank_zone
    gen = render_document(doc_id, seed=4, dpi=DPI)
    office = render_document(doc_id, forgery="office_paper", seed=4, dpi=DPI)
    g = np.median(grey(crop(gen.images[Light.UV], blank, DPI)))
    o = np.median(grey(crop(office.images[Light.UV], blank, DPI)))
    assert g < 45  # dark blue-violet
    assert o > 3.0 * g
    # blue-white: blue is the strongest channel of the glow
    rgb = crop(office.images[Light.UV], blank, DPI).reshape(-1, 3).mean(axis=0)
    assert rgb[2] > rgb[1] > rgb[0] * 0.9
    assert rgb[2] > 150


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_mrz_stays_black_in_ir_unless_printed_in_ir_transparent_ink(doc_id: str) -> None:
    zone = DESIGNS[doc_id].mrz_zone
    gen = crop(render_document(doc_id, seed=2, dpi=DPI).images[Light.IR], zone, DPI)
    fake = crop(render_document(doc_id, forgery="mrz_ir_transparent", seed=2,
                                dpi=DPI).images[Light.IR], zone, DPI)

    def contrast(img: Image) -> float:
        return float(np.percentile(img, 95) - np.percentile(img, 1))

    assert contrast(gen) > 100
    assert contrast(fake) < 35
    assert np.percentile(gen, 1) < 60
    # in white light both MRZs are black
    w_gen = crop(render_document(doc_id, seed=2, dpi=DPI).images[Light.WHITE], zone, DPI)
    w_fake = crop(render_document(doc_id, forgery="mrz_ir_transparent", seed=2,
                                  dpi=DPI).images[Light.WHITE], zone, DPI)
    assert abs(float(np.percentile(grey(w_gen), 1)) - float(np.percentile(grey(w_fake), 1))) < 8


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_emblem_invisible_in_white_light_glowing_under_uv(doc_id: str) -> None:
    zone = DESIGNS[doc_id].emblem_zone
    gen = render_document(doc_id, seed=6, dpi=DPI, variation=False)
    missing = render_document(doc_id, forgery="uv_feature_missing", seed=6, dpi=DPI,
                              variation=False)
    w_diff = np.abs(grey(crop(gen.images[Light.WHITE], zone, DPI))
                    - grey(crop(missing.images[Light.WHITE], zone, DPI)))
    assert w_diff.mean() < 1.5
    uv_gen = grey(crop(gen.images[Light.UV], zone, DPI))
    uv_missing = grey(crop(missing.images[Light.UV], zone, DPI))
    assert np.percentile(uv_gen, 90) > 150
    assert np.percentile(uv_gen, 90) > 3 * np.percentile(uv_missing, 90)
    # yellow-green glow
    glow = crop(gen.images[Light.UV], zone, DPI).reshape(-1, 3)
    bright = glow[grey(glow[None])[0] > 150]
    assert bright[:, 1].mean() > bright[:, 2].mean()


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_background_drops_out_in_ir(doc_id: str) -> None:
    zone = DESIGNS[doc_id].background_zone
    gen = render_document(doc_id, seed=8, dpi=DPI)
    fake = render_document(doc_id, forgery="background_ir_absorbing", seed=8, dpi=DPI)
    ir_gen = crop(gen.images[Light.IR], zone, DPI).astype(np.float64)
    ir_fake = crop(fake.images[Light.IR], zone, DPI).astype(np.float64)
    wh_gen = grey(crop(gen.images[Light.WHITE], zone, DPI))
    assert wh_gen.std() > 8  # a pattern in white light...
    assert ir_gen.std() < 6  # ...that is gone in IR
    assert ir_fake.std() > 2.5 * ir_gen.std()
    assert ir_fake.mean() < ir_gen.mean() - 10


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_personal_data_stays_in_ir_and_portrait_fades(doc_id: str,
                                                      genuine: dict[str, RenderedDocument]
                                                      ) -> None:
    doc = genuine[doc_id]
    design = DESIGNS[doc_id]
    field = next(f for f in design.fields if f.name == "surname")
    rect = (field.x_mm, field.value_baseline_mm - design.value_cap_mm - 0.3, 20.0,
            design.value_cap_mm + 0.6)
    ir = crop(doc.images[Light.IR], rect, DPI)
    assert np.percentile(ir, 2) < 70 and np.percentile(ir, 98) > 160
    portrait_w = grey(crop(doc.images[Light.WHITE], design.portrait, DPI))
    portrait_ir = crop(doc.images[Light.IR], design.portrait, DPI).astype(np.float64)
    assert portrait_ir.std() < 0.6 * portrait_w.std()
    assert portrait_ir.mean() > portrait_w.mean()


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_luminescent_pattern_crosses_the_portrait_edge(doc_id: str,
                                                       genuine: dict[str, RenderedDocument]
                                                       ) -> None:
    design = DESIGNS[doc_id]
    uv = grey(genuine[doc_id].images[Light.UV])
    px, _py, pw, _ph = design.portrait
    _cx, cy = design.pattern_centre
    r = design.pattern_radius_mm
    inside = crop(genuine[doc_id].images[Light.UV], (px + pw - r, cy - r / 2, r - 0.5, r), DPI)
    outside = crop(genuine[doc_id].images[Light.UV], (px + pw + 0.5, cy - r / 2, r - 0.5, r),
                   DPI)
    for part in (inside, outside):
        assert np.percentile(grey(part), 95) > 100
    assert np.median(uv) < 60


def test_fibres_glow_under_uv_on_security_paper_only() -> None:
    gen = render_document("UTO-P-2020", seed=1, dpi=DPI)
    office = render_document("UTO-P-2020", forgery="office_paper", seed=1, dpi=DPI)
    uv = gen.images[Light.UV].astype(np.int32)
    # saturated, bright specks (fibres) away from the emblem and pattern
    top = uv[: uv.shape[0] // 5]
    spread = top.max(axis=2) - top.min(axis=2)
    assert (spread > 60).sum() > 30
    o = office.images[Light.UV].astype(np.int32)[: uv.shape[0] // 5]
    o_spread = o.max(axis=2) - o.min(axis=2)
    assert np.percentile(o_spread, 99.9) < np.percentile(spread, 99.9) + 40


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_specimen_has_every_feature_zone(doc_id: str) -> None:
    spec = specimen_for(doc_id, dpi=150.0)
    assert spec.id == doc_id
    assert spec.issuing_state == "UTO"
    assert spec.mrz_format == DESIGNS[doc_id].mrz_format
    assert spec.size_mm == DESIGNS[doc_id].size_mm
    roles = {z.role for z in spec.zones}
    assert roles >= {"mrz", "portrait", "blank", "field:surname", "field:given_names",
                     "field:document_number", "field:birth_date", "field:expiry_date",
                     "field:nationality", "field:sex"}

    def expects(zone_id: str) -> set[tuple[Light, Expect]]:
        return {(c.light, c.expect) for c in spec.zone(zone_id).checks}

    assert expects("mrz") >= {(Light.IR, Expect.VISIBLE), (Light.UV, Expect.DULL)}
    assert (Light.UV, Expect.LUMINESCENT) in expects("uv-emblem")
    assert (Light.UV, Expect.LUMINESCENT) in expects("uv-portrait-pattern")
    assert expects("background") >= {(Light.WHITE, Expect.MATCH), (Light.IR, Expect.INVISIBLE)}
    assert (Light.UV, Expect.DULL) in expects("blank")
    for z in spec.zones:
        if z.role and z.role.startswith("field:"):
            assert (Light.IR, Expect.VISIBLE) in {(c.light, c.expect) for c in z.checks}
        x, y, w, h = z.rect_mm
        assert x >= 0 and y >= 0 and x + w <= spec.size_mm[0] and y + h <= spec.size_mm[1]
    # the pattern zone straddles the portrait's right edge
    px, _, pw, _ = spec.zone("portrait").rect_mm
    x, _, w, _ = spec.zone("uv-portrait-pattern").rect_mm
    assert x < px + pw < x + w
    # images: noise-free genuine document of the specimen holder
    h, w = spec.size_px
    for _light, img in spec.images():
        assert img.shape[:2] == (h, w)
    assert spec.extra["mrz_lines"][0].startswith(("P<UTOERIKSSON<<ANNA<MARIA",
                                                  "I<UTOD23145890"))
    again = specimen_for(doc_id, dpi=150.0)
    assert np.array_equal(again.image(Light.UV), spec.image(Light.UV))


def test_blank_and_background_zones_hold_no_personal_print() -> None:
    for doc_id in DOCUMENTS:
        design = DESIGNS[doc_id]
        for seed in (1, 2, 3):
            ir = render_document(doc_id, seed=seed, dpi=DPI).images[Light.IR]
            for rect in (design.blank_zone, design.background_zone):
                assert np.percentile(crop(ir, rect, DPI), 0.5) > 150, (doc_id, seed, rect)


def test_bad_arguments_raise_value_error() -> None:
    with pytest.raises(ValueError, match="unknown document"):
        render_document("UTO-X-1999")
    with pytest.raises(ValueError, match="unknown forgery"):
        render_document("UTO-P-2020", forgery="photocopy")
    with pytest.raises(ValueError, match="dpi"):
        render_document("UTO-P-2020", dpi=5)
    with pytest.raises(ValueError, match="light"):
        render_document("UTO-P-2020", lights=(Light.WHITE, Light.IR_TRANSMITTED))
    with pytest.raises(ValueError):
        specimen_for("nope")


def test_lights_subset_and_jpeg() -> None:
    doc = render_document("UTO-ID-2021", seed=1, dpi=120, lights=(Light.WHITE, Light.IR))
    assert set(doc.images) == {Light.WHITE, Light.IR}
    jpg = render_document("UTO-ID-2021", seed=1, dpi=120, lights=(Light.WHITE, Light.IR),
                          jpeg_quality=60)
    diff = np.abs(jpg.images[Light.WHITE].astype(int) - doc.images[Light.WHITE].astype(int))
    assert 0 < diff.mean() < 15


def test_transmitted_light_shows_the_watermark_not_on_office_paper() -> None:
    design = DESIGNS["UTO-P-2020"]
    lights = (Light.WHITE, Light.TRANSMITTED)
    gen = render_document("UTO-P-2020", seed=2, dpi=DPI, lights=lights, variation=False)
    office = render_document("UTO-P-2020", forgery="office_paper", seed=2, dpi=DPI,
                             lights=lights, variation=False)
    cx, cy = design.watermark_centre
    r = design.watermark_radius_mm
    star = (cx - r * 0.2, cy - r * 0.2, r * 0.4, r * 0.4)
    ring = (cx - r * 0.95, cy - r * 0.1, r * 0.15, r * 0.2)
    t_gen = grey(gen.images[Light.TRANSMITTED])
    t_off = grey(office.images[Light.TRANSMITTED])
    w_gen = grey(gen.images[Light.WHITE])
    k = DPI / 25.4

    def mean(img: np.ndarray, rect: tuple[float, float, float, float]) -> float:
        x, y, w, h = (round(v * k) for v in rect)
        return float(img[y:y + h, x:x + w].mean())

    # the star is much lighter than the disc around it in transmitted light only
    assert mean(t_gen, star) > 1.6 * mean(t_gen, ring)
    assert abs(mean(w_gen, star) - mean(w_gen, ring)) < 15
    assert mean(t_off, star) < 1.2 * mean(t_off, ring)
    # the card body is nearly opaque
    card = render_document("UTO-ID-2021", seed=2, dpi=DPI, lights=lights, variation=False)
    assert grey(card.images[Light.TRANSMITTED]).mean() < 0.4 * t_gen.mean()


def test_oblique_light_shows_relief() -> None:
    design = DESIGNS["UTO-P-2020"]
    lights = (Light.WHITE, Light.OBLIQUE)
    gen = render_document("UTO-P-2020", seed=2, dpi=DPI, lights=lights, variation=False)
    office = render_document("UTO-P-2020", forgery="office_paper", seed=2, dpi=DPI,
                             lights=lights, variation=False)
    pasted = render_document("UTO-P-2020", forgery="portrait_substituted", seed=2, dpi=DPI,
                             lights=lights, variation=False)
    (cx, cy), r = design.seal_centre, design.seal_radius_mm
    seal = (cx - r, cy - r, 2 * r, 2 * r)
    og, oo = grey(gen.images[Light.OBLIQUE]), grey(office.images[Light.OBLIQUE])
    wg, wo = grey(gen.images[Light.WHITE]), grey(office.images[Light.WHITE])

    def std(img: np.ndarray, rect: tuple[float, float, float, float]) -> float:
        return float(grey_crop(img, rect).std())

    def grey_crop(img: np.ndarray, rect: tuple[float, float, float, float]) -> np.ndarray:
        x, y, w, h = (round(mm_to_px(v, DPI)) for v in rect)
        return img[y:y + h, x:x + w]

    # the embossed seal: structure under grazing light, beyond what white light shows
    assert std(og, seal) / max(std(wg, seal), 1) > 1.3 * std(oo, seal) / max(std(wo, seal), 1)
    # grazing light is darker than white light and falls off away from the lamp (left)
    assert og.mean() < 0.75 * wg.mean()
    w = og.shape[1]
    assert og[:, : w // 4].mean() > og[:, 3 * w // 4:].mean()
    # a pasted photo's edge casts a shadow: the right edge of the photo is darker
    x, y, pw, ph = pasted.truth["altered"]["rect_mm"]
    edge = (x + pw, y + ph * 0.3, 0.6, ph * 0.4)
    before = (x + pw + 1.2, y + ph * 0.3, 0.6, ph * 0.4)
    op = grey(pasted.images[Light.OBLIQUE])
    assert grey_crop(op, edge).mean() < 0.8 * grey_crop(op, before).mean()


def test_office_halftone_keeps_the_tone_and_shows_a_screen() -> None:
    from workstation.specimens.compose import halftone

    for c in (0.1, 0.45, 0.8):
        flat = np.full((240, 240), c, np.float32)
        for dpi in (300.0, 600.0):
            out = halftone(flat, dpi=dpi, angle_deg=15.0)
            assert out.mean() == pytest.approx(c, abs=0.02)
        assert halftone(flat, dpi=600.0, angle_deg=15.0).std() > 0.04
