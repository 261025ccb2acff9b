"""Authoring the second, independently drawn document family (issue 17): the portrait
on the face the detector finds, the ghost image as the holder's zone, IR-visible print
on a card, no background sample where another holder's text runs on.

The truth is the family's own layout (bench/family2/layouts.py), never the zones the
author found; the captures reach the authoring code as images only."""

from __future__ import annotations

import pytest

from workstation.examination.authoring.propose import AuthoredSpecimen, author_specimen
from workstation.examination.zone_measures import CROSSED_BACKGROUND
from workstation.types import Expect, Light, Zone

pytestmark = pytest.mark.slow  # module fixtures author or learn specimens (tens of seconds)

Rect = tuple[float, float, float, float]


def _author(face_id: str) -> AuthoredSpecimen:
    from bench.authoring import exemplars

    return author_specimen(exemplars(face_id), specimen_id=face_id)


@pytest.fixture(scope="module")
def passport() -> AuthoredSpecimen:
    return _author("NRV-P-2018")


@pytest.fixture(scope="module")
def card_front() -> AuthoredSpecimen:
    return _author("NRV-ID-2019-F")


def _overlap(a: Rect, b: Rect) -> float:
    """Area of ``a`` ∩ ``b`` (mm²)."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return (max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
            * max(0.0, min(ay + ah, by + bh) - max(ay, by)))


def _truth(face_id: str, role: str) -> Rect:
    from bench.family2.layouts import FACES

    return next(z.rect_mm for z in FACES[face_id].zones if z.role == role)


def _one(spec_zones: tuple[Zone, ...], role: str) -> Zone:
    found = [z for z in spec_zones if z.role == role]
    assert len(found) == 1, [z.id for z in spec_zones]
    return found[0]


@pytest.mark.parametrize(("face_id", "light", "expect"), [
    ("NRV-P-2018", Light.UV, Expect.LUMINESCENT),
    ("NRV-ID-2019-F", Light.IR, Expect.VISIBLE),
])
def test_the_ghost_image_is_the_holders_zone(
        face_id: str, light: Light, expect: Expect, passport: AuthoredSpecimen,
        card_front: AuthoredSpecimen) -> None:
    """A ghost image changes with every holder: one zone of role ``ghost``, declared
    the holder's, checked under the light that shows it, over most of the truth's."""
    spec = (passport if face_id == "NRV-P-2018" else card_front).specimen
    ghost = _one(spec.zones, "ghost")
    truth = _truth(face_id, "ghost")
    assert ghost.varies_by_holder
    assert [(c.light, c.expect) for c in ghost.checks] == [(light, expect)]
    assert _overlap(ghost.rect_mm, truth) >= 0.8 * truth[2] * truth[3]
    # the ghost is the portrait's (ghost.portrait compares them; white.portrait does not)
    portrait = _one(spec.zones, "portrait")
    assert spec.ghost_of(portrait) == ghost
    assert portrait.stat(Light.WHITE, "ghost_similarity") is None
    # no fixed luminescent or IR feature is left inside the ghost (it failed every
    # other holder's ghost)
    for z in spec.zones:
        if z is not ghost and not z.varies_by_holder and z.role is None:
            assert _overlap(z.rect_mm, ghost.rect_mm) < 0.5 * z.rect_mm[2] * z.rect_mm[3], z.id


@pytest.mark.parametrize("face_id", ["NRV-P-2018", "NRV-ID-2019-F"])
def test_the_portrait_frames_the_photograph(face_id: str, passport: AuthoredSpecimen,
                                            card_front: AuthoredSpecimen) -> None:
    spec = (passport if face_id == "NRV-P-2018" else card_front).specimen
    portrait = _one(spec.zones, "portrait").rect_mm
    truth = _truth(face_id, "portrait")
    inter = _overlap(portrait, truth)
    assert inter >= 0.85 * truth[2] * truth[3]  # most of the photograph
    assert inter >= 0.75 * portrait[2] * portrait[3]  # and little of the page around it


def test_a_cards_small_carbon_text_is_ir_visible(card_front: AuthoredSpecimen) -> None:
    """The card's 1.8 mm carbon capitals keep about a quarter of their darkness in IR
    at the detection density: judged against their white-light darkness, they are
    IR-visible print, not dropout."""
    from bench.family2.layouts import FACES

    spec = card_front.specimen
    for truth in FACES["NRV-ID-2019-F"].zones:
        if not (truth.role or "").startswith("field:"):
            continue
        _tx, _ty, tw, th = truth.rect_mm
        visible = [z for z in spec.zones
                   if any(c.light == Light.IR and c.expect == Expect.VISIBLE for c in z.checks)
                   and _overlap(z.rect_mm, truth.rect_mm) > 0.0]
        dropout = [z for z in spec.zones if z.varies_by_holder
                   and any(c.expect == Expect.INVISIBLE for c in z.checks)
                   and _overlap(z.rect_mm, truth.rect_mm) > 0.5 * tw * th]
        assert visible, truth.id
        assert not dropout, (truth.id, [z.id for z in dropout])


def test_a_background_sample_where_another_holders_text_runs_on_ignores_it(
        card_front: AuthoredSpecimen, passport: AuthoredSpecimen) -> None:
    from bench.family2.layouts import FACES

    for face_id, authored in (("NRV-ID-2019-F", card_front), ("NRV-P-2018", passport)):
        spec = authored.specimen
        width = spec.size_mm[0]
        backgrounds = [z for z in spec.zones if z.id.startswith("background")]
        assert backgrounds
        for truth in FACES[face_id].zones:
            if not (truth.role or "").startswith("field:"):
                continue
            x, y, _w, h = truth.rect_mm
            line = (x, y, width - x, h)  # where a longer value would run on
            for z in backgrounds:
                if _overlap(z.rect_mm, line) > 0.0:
                    # only a sample compared without the dark print crossing it, and
                    # with no IR check (a holder's print stays dark in IR)
                    assert z.role == CROSSED_BACKGROUND, (face_id, truth.id, z.id)
                    assert all(c.light is Light.WHITE for c in z.checks), z.id


def test_a_card_face_without_mrz_gets_its_code_from_the_id(
        card_front: AuthoredSpecimen) -> None:
    assert card_front.specimen.document_code == "ID"
    assert any("document code 'ID'" in n for n in card_front.notes)


def test_the_card_backs_faint_rosette_is_sampled_without_an_ir_check() -> None:
    """The card back's central rosette (the family's background design, under the
    blank substrate zone) is sampled for white.match — a redrawn rosette is found —
    and, being too faint for an IR/white structure ratio, is not judged under IR."""
    from bench.family2.layouts import FACES

    spec = _author("NRV-ID-2019-B").specimen
    truth = next(z.rect_mm for z in FACES["NRV-ID-2019-B"].zones if z.id == "background")
    on_rosette = [z for z in spec.zones if z.id.startswith("background")
                  and _overlap(z.rect_mm, truth) > 0.5 * z.rect_mm[2] * z.rect_mm[3]]
    assert on_rosette, [(z.id, z.rect_mm) for z in spec.zones]
    for z in on_rosette:
        assert [(c.light, c.expect) for c in z.checks] == [(Light.WHITE, Expect.MATCH)]


def test_the_passports_pale_rosette_is_sampled_but_not_the_cards_wave_field(
        passport: AuthoredSpecimen, card_front: AuthoredSpecimen) -> None:
    """Fainter than the fine-print level, the passport's rosette (its exemplars show the
    same pattern, which does not repeat itself) is sampled for white.match: a redrawn
    rosette is found. The card front's pale wave field is not (its lines repeat every
    millimetre: a genuine capture registered a millimetre off matches the neighbouring
    line no better than a redrawn one)."""
    from bench.family2.layouts import FACES

    truth = next(z.rect_mm for z in FACES["NRV-P-2018"].zones if z.id == "background")
    backgrounds = [z for z in passport.specimen.zones if z.id.startswith("background")]
    assert any(_overlap(z.rect_mm, truth) > 0.5 * z.rect_mm[2] * z.rect_mm[3]
               for z in backgrounds), [(z.id, z.rect_mm) for z in backgrounds]
    h = card_front.specimen.size_mm[1]
    for z in card_front.specimen.zones:
        if z.id.startswith("background"):
            assert z.rect_mm[1] < 0.5 * h, (z.id, z.rect_mm)  # the header, not the field


def test_pattern_repeat_tells_a_field_of_lines_from_a_rosette() -> None:
    import numpy as np

    from workstation.examination.authoring import masks as M
    from workstation.examination.authoring.substrate import pattern_repeat

    k = M.DETECT_DPI / 25.4
    yy, xx = np.mgrid[0:120, 0:240].astype(np.float32) / np.float32(k)
    lines = np.cos(2 * np.pi * (yy + 0.3 * np.sin(xx / 3.0)) / 1.0).astype(np.float32)
    r = np.hypot(xx - 20.0, yy - 10.0)
    rosette = np.cos(2 * np.pi * r / (0.6 + 0.05 * r) + 3 * np.arctan2(yy - 10, xx - 20)
                     ).astype(np.float32)
    rect = (10.0, 5.0, 16.0, 8.0)
    assert pattern_repeat(lines, rect) > 0.8
    assert pattern_repeat(rosette, rect) < 0.5

