"""Every forgery differs from the genuine document where it should, and (roughly) only there.

Rendered without variation, a forgery and the genuine document of the same seed
share the person, the print registration and the paper, so their difference
shows exactly what the forgery changed.
"""

from __future__ import annotations

import numpy as np
import pytest

from workstation.specimens.documents import DESIGNS
from workstation.specimens.render import (
    DOCUMENTS,
    RenderedDocument,
    document_forgeries,
    document_lights,
    render_document,
)
from workstation.types import Light, mm_to_px

DPI = 150.0
SEED = 21


def diff_mask(a: RenderedDocument, b: RenderedDocument, light: Light,
              level: float = 12.0) -> np.ndarray:
    x = a.images[light].astype(np.int32)
    y = b.images[light].astype(np.int32)
    d = np.abs(x - y)
    if d.ndim == 3:
        d = d.max(axis=2)
    return d > level


def rect_mask(shape: tuple[int, ...], rects: list[tuple[float, float, float, float]],
              grow_mm: float = 1.0) -> np.ndarray:
    m = np.zeros(shape[:2], bool)
    for x, y, w, h in rects:
        x0 = max(0, round(mm_to_px(x - grow_mm, DPI)))
        y0 = max(0, round(mm_to_px(y - grow_mm, DPI)))
        x1 = round(mm_to_px(x + w + grow_mm, DPI))
        y1 = round(mm_to_px(y + h + grow_mm, DPI))
        m[y0:y1, x0:x1] = True
    return m


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str | None], RenderedDocument]:
    out = {}
    for doc in DOCUMENTS:
        for forgery in (None, *document_forgeries(doc)):
            out[(doc, forgery)] = render_document(doc, forgery=forgery, seed=SEED, dpi=DPI,
                                                  variation=False,
                                                  lights=document_lights(doc))
    return out


def fraction_outside(mask: np.ndarray, allowed: np.ndarray) -> float:
    return float((mask & ~allowed).sum()) / max(1, int(mask.sum()))


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_every_forgery_changes_something_and_records_it(doc_id: str, rendered: dict) -> None:
    genuine = rendered[(doc_id, None)]
    assert genuine.truth["altered"] == {}
    for forgery in document_forgeries(doc_id):
        fake = rendered[(doc_id, forgery)]
        assert fake.truth["forgery"] == forgery
        assert fake.truth["altered"], forgery
        assert fake.person == genuine.person
        changed = sum(int(diff_mask(genuine, fake, light).sum()) for light in genuine.images)
        assert changed > 200, forgery


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_uv_feature_missing_only_the_emblem_under_uv(doc_id: str, rendered: dict) -> None:
    g, f = rendered[(doc_id, None)], rendered[(doc_id, "uv_feature_missing")]
    d = DESIGNS[doc_id]
    uv = diff_mask(g, f, Light.UV)
    assert uv.sum() > 300
    assert fraction_outside(uv, rect_mask(uv.shape, [d.emblem_zone])) == 0.0
    assert diff_mask(g, f, Light.WHITE, 4).sum() == 0
    assert diff_mask(g, f, Light.IR, 4).sum() == 0


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_mrz_ir_transparent_only_the_mrz_in_ir(doc_id: str, rendered: dict) -> None:
    g, f = rendered[(doc_id, None)], rendered[(doc_id, "mrz_ir_transparent")]
    d = DESIGNS[doc_id]
    ir = diff_mask(g, f, Light.IR, 30)
    assert ir.sum() > 500
    assert fraction_outside(ir, rect_mask(ir.shape, [d.mrz_zone])) == 0.0
    assert diff_mask(g, f, Light.WHITE, 12).sum() < 0.02 * ir.sum()
    assert f.mrz_lines == g.mrz_lines


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_background_ir_absorbing_shows_only_in_ir(doc_id: str, rendered: dict) -> None:
    g, f = rendered[(doc_id, None)], rendered[(doc_id, "background_ir_absorbing")]
    ir = diff_mask(g, f, Light.IR)
    assert ir.mean() > 0.2  # the pattern appears all over the face
    assert diff_mask(g, f, Light.WHITE, 4).sum() == 0


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_guilloche_imitated_changes_the_background_pattern(doc_id: str, rendered: dict) -> None:
    g, f = rendered[(doc_id, None)], rendered[(doc_id, "guilloche_imitated")]
    d = DESIGNS[doc_id]
    x, y, w, h = (round(mm_to_px(v, DPI)) for v in d.background_zone)
    white = diff_mask(g, f, Light.WHITE, 8)
    assert white[y:y + h, x:x + w].mean() > 0.1
    # personal print and the MRZ are untouched: MRZ glyph pixels stay black in both
    mx, my, mw, mh = (round(mm_to_px(v, DPI)) for v in d.mrz_zone)
    gm = g.images[Light.IR][my:my + mh, mx:mx + mw]
    fm = f.images[Light.IR][my:my + mh, mx:mx + mw]
    assert (gm < 100).sum() > 500
    assert ((gm < 100) != (fm < 100)).mean() < 0.01
    # and it still drops out in IR, like the genuine background
    assert f.images[Light.IR][y:y + h, x:x + w].std() < 6


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_portrait_substituted_only_around_the_portrait(doc_id: str, rendered: dict) -> None:
    g, f = rendered[(doc_id, None)], rendered[(doc_id, "portrait_substituted")]
    d = DESIGNS[doc_id]
    pasted = tuple(f.truth["altered"]["rect_mm"])
    allowed = rect_mask(g.images[Light.WHITE].shape, [pasted], 0.6)
    for light in (Light.WHITE, Light.UV, Light.IR):
        m = diff_mask(g, f, light)
        assert m.sum() > 100, light
        assert fraction_outside(m, allowed) == 0.0, light
    # under UV the pattern that crosses the portrait's edge is broken inside the photo:
    # it still glows outside the photo, not inside it
    px, _py, pw, _ph = pasted
    cy = d.pattern_centre[1]
    r = d.pattern_radius_mm

    def glow(doc: RenderedDocument, rect: tuple[float, float, float, float]) -> float:
        x, y, w, h = (round(mm_to_px(v, DPI)) for v in rect)
        return float(np.percentile(doc.images[Light.UV][y:y + h, x:x + w, 0], 95))

    inside = (px + pw - r + 0.5, cy - r / 2, r - 1.5, r)
    outside = (px + pw + 0.8, cy - r / 2, r - 1.5, r)
    assert glow(g, inside) > 120
    assert glow(f, inside) < 0.5 * glow(g, inside)
    assert glow(f, outside) > 120


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_mrz_char_altered_changes_one_character(doc_id: str, rendered: dict) -> None:
    g, f = rendered[(doc_id, None)], rendered[(doc_id, "mrz_char_altered")]
    d = DESIGNS[doc_id]
    diffs = [(i, j) for i, (a, b) in enumerate(zip(g.mrz_lines, f.mrz_lines, strict=True))
             for j, (ca, cb) in enumerate(zip(a, b, strict=True)) if ca != cb]
    assert len(diffs) == 1
    alt = f.truth["altered"]
    assert (alt["mrz_line"], alt["mrz_position"]) == diffs[0]
    assert f.truth["genuine_mrz_lines"] == g.mrz_lines
    for light in (Light.WHITE, Light.IR):
        m = diff_mask(g, f, light)
        assert m.sum() > 20
        assert fraction_outside(m, rect_mask(m.shape, [d.mrz_zone])) == 0.0


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_viz_data_altered_changes_one_field_not_the_mrz(doc_id: str, rendered: dict) -> None:
    g, f = rendered[(doc_id, None)], rendered[(doc_id, "viz_data_altered")]
    alt = f.truth["altered"]
    assert alt["field"] in ("surname", "document_number", "birth_date")
    assert alt["printed"] != alt["genuine"]
    assert f.mrz_lines == g.mrz_lines
    allowed = rect_mask(g.images[Light.WHITE].shape, [tuple(alt["rect_mm"])], 1.0)
    m = diff_mask(g, f, Light.WHITE)
    assert m.sum() > 50
    assert fraction_outside(m, allowed) == 0.0
    # the forged value is in an IR-transparent ink: the field fades in IR
    x, y, w, h = (round(mm_to_px(v, DPI)) for v in alt["rect_mm"])
    assert np.percentile(f.images[Light.IR][y:y + h, x:x + w], 1) > \
        np.percentile(g.images[Light.IR][y:y + h, x:x + w], 1) + 60


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_office_paper_reprint(doc_id: str, rendered: dict) -> None:
    g, f = rendered[(doc_id, None)], rendered[(doc_id, "office_paper")]
    d = DESIGNS[doc_id]
    uv_g = g.images[Light.UV].astype(float).mean()
    uv_f = f.images[Light.UV].astype(float).mean()
    assert uv_f > 3 * uv_g
    # no luminescent emblem: the emblem zone is no brighter than the paper around it
    x, y, w, h = (round(mm_to_px(v, DPI)) for v in d.emblem_zone)
    emblem = f.images[Light.UV][y:y + h, x:x + w, 1].astype(float)
    assert np.percentile(emblem, 99) < np.percentile(f.images[Light.UV][..., 1], 99) + 10
    # toner black: the MRZ is weaker in IR than carbon black
    mx, my, mw, mh = (round(mm_to_px(v, DPI)) for v in d.mrz_zone)
    assert np.percentile(f.images[Light.IR][my:my + mh, mx:mx + mw], 1) > \
        np.percentile(g.images[Light.IR][my:my + mh, mx:mx + mw], 1) + 30
    # and it looks much the same in white light (whiter paper)
    wg = g.images[Light.WHITE].astype(float).mean(axis=(0, 1))
    wf = f.images[Light.WHITE].astype(float).mean(axis=(0, 1))
    assert np.abs(wg - wf).max() < 35
