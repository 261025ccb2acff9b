"""Authoring the second, independently drawn document family (issue 17): the portrait
on the face the detector finds, the ghost image as the holder's zone, IR-visible print
on a card, no background sample where another holder's text runs on.

The truth is the family's own layout (bench/family2/layouts.py), never the zones the
author found; the captures reach the authoring code as images only."""

from __future__ import annotations

import pytest

from workstation.examination.authoring.propose import AuthoredSpecimen, author_specimen
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
    # the portrait check gets its ghost and learned statistics of the ghost's outline
    portrait = _one(spec.zones, "portrait")
    assert spec.ghost_of(portrait) == ghost
    assert portrait.stat(Light.WHITE, "ghost_similarity") is not None
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


def test_no_background_sample_where_another_holders_text_runs_on(
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
                assert _overlap(z.rect_mm, line) == 0.0, (face_id, truth.id, z.id)


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
