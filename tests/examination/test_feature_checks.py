"""The measures of the optional lights' features (issue 22): each holds on a genuine
document against its specimen and breaks on the forgery that lacks or imitates it.

The documents are rendered cropped (no registration needed: the page is the
specimen's frame, up to the print's ±0.3 mm jitter); the full examination of the same
forgeries is measured by ``bench.examine`` (relief_flat ... uv254_imitated).
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

from workstation.examination import feature_measures as FM
from workstation.examination import ghost_measures as GM
from workstation.examination import thresholds as T
from workstation.examination.feature_zone import expected_shading
from workstation.specimens.documents import DESIGNS
from workstation.specimens.render import document_lights, render_document, specimen_zones
from workstation.types import Image, Light, Zone

pytestmark = pytest.mark.slow  # its module fixture renders documents under every light

DOC = "UTO-P-2020"
DPI = 300.0
K = DPI / 25.4


@pytest.fixture(scope="module")
def docs() -> dict[str | None, dict[Light, Image]]:
    """The specimen (seed 0, no variation), a genuine document and every feature forgery
    of the passport, under every light it has."""
    lights = document_lights(DOC)
    out: dict[str | None, dict[Light, Image]] = {
        "specimen": render_document(DOC, seed=0, dpi=DPI, variation=False,
                                    lights=lights).images}
    for forgery in (None, "relief_flat", "watermark_printed", "perforation_printed",
                    "fibres_printed", "ghost_other_face", "microprint_line",
                    "coaxial_pattern_missing", "uv254_imitated"):
        out[forgery] = render_document(DOC, seed=4, dpi=DPI, forgery=forgery,
                                       lights=lights).images
    return out


def zone(zid: str) -> Zone:
    return next(z for z in specimen_zones(DESIGNS[DOC]) if z.id == zid)


def crop(img: Image, rect: tuple[float, float, float, float]) -> Image:
    x, y, w, h = rect
    return np.ascontiguousarray(img[round(y * K):round((y + h) * K),
                                    round(x * K):round((x + w) * K)])


def pair(docs: dict, key: str | None, zid: str, light: Light) -> tuple[Image, Image]:
    rect = zone(zid).rect_mm
    return crop(docs[key][light], rect), crop(docs["specimen"][light], rect)


@pytest.mark.slow
def test_relief_turns_with_the_lamp_and_a_flat_reprint_has_none(docs: dict) -> None:
    for zid in ("intaglio", "dry-seal"):
        rect = zone(zid).rect_mm
        sw = crop(docs["specimen"][Light.WHITE], rect)
        s_left = FM.relief_shading(crop(docs["specimen"][Light.OBLIQUE], rect), sw,
                                   px_per_mm=K)
        s_top = FM.relief_shading(crop(docs["specimen"][Light.OBLIQUE_TOP], rect), sw,
                                  px_per_mm=K)
        for key, want in ((None, True), ("relief_flat", False)):
            w = crop(docs[key][Light.WHITE], rect)
            q_left = FM.relief_shading(crop(docs[key][Light.OBLIQUE], rect), w, px_per_mm=K)
            m = FM.relief_measures(q_left, s_left, px_per_mm=K)
            assert (m["relief_strength"] >= T.RELIEF_MIN_STRENGTH) is want, (zid, key, m)
            if want:
                assert m["relief_correlation"] >= T.RELIEF_MIN_CORRELATION, (zid, m)
                # the same relief lit from the top is another shading: it turns with the lamp
                other = FM.relief_measures(q_left, s_top, px_per_mm=K)
                assert other["relief_correlation"] < m["relief_correlation"] - 0.2, (zid, other)


def test_watermark_shows_through_not_on_the_surface(docs: dict) -> None:
    for zid in ("watermark", "register"):
        got = {}
        for key in (None, "watermark_printed"):
            qt, st = pair(docs, key, zid, Light.TRANSMITTED)
            qw, sw = pair(docs, key, zid, Light.WHITE)
            got[key] = FM.through_measures(qt, st, qw, sw, px_per_mm=K)
        genuine, printed = got[None], got["watermark_printed"]
        assert genuine["through_strength"] >= T.THROUGH_MIN_STRENGTH, (zid, genuine)
        assert genuine["through_correlation"] >= T.THROUGH_MIN_CORRELATION, (zid, genuine)
        assert genuine["reflected_excess"] <= T.REFLECTED_MAX_EXCESS, (zid, genuine)
        # printed on the surface: it shows in reflected light, or not through the sheet
        assert (printed["reflected_excess"] > T.REFLECTED_MAX_EXCESS
                or printed["through_correlation"] < T.THROUGH_MIN_CORRELATION), (zid, printed)


def test_perforation_transmits_and_printed_dots_do_not(docs: dict) -> None:
    contrast = {}
    for key in (None, "perforation_printed"):
        qt, _ = pair(docs, key, "perforation", Light.TRANSMITTED)
        qw, _ = pair(docs, key, "perforation", Light.WHITE)
        contrast[key] = FM.perforation_measures(qt, qw, px_per_mm=K)["hole_contrast"]
    assert contrast[None] >= T.HOLE_MIN_CONTRAST > contrast["perforation_printed"], contrast


def test_retro_reflective_pattern_only_with_the_laminate(docs: dict) -> None:
    m = {}
    for key in (None, "coaxial_pattern_missing"):
        qc, sc = pair(docs, key, "laminate", Light.COAXIAL)
        qw, sw = pair(docs, key, "laminate", Light.WHITE)
        m[key] = FM.retro_measures(qc, sc, qw, sw, px_per_mm=K)
    assert m[None]["retro_correlation"] >= T.RETRO_MIN_CORRELATION, m
    assert m[None]["retro_strength"] >= T.RETRO_MIN_STRENGTH, m
    gone = m["coaxial_pattern_missing"]
    assert (gone["retro_strength"] < T.RETRO_MIN_STRENGTH
            or gone["retro_correlation"] < T.RETRO_MIN_CORRELATION), gone


def test_short_wave_print_glows_only_in_its_own_ink(docs: dict) -> None:
    from workstation.examination.feature_zone import UV254_GLOW_PERCENTILE
    from workstation.examination.zone_measures import luminescent_measures

    glow = {}
    for key in (None, "uv254_imitated"):
        q, s = pair(docs, key, "uv254-band", Light.UV254)
        glow[key] = luminescent_measures(q, s, px_per_mm=K,
                                         glow_percentile=UV254_GLOW_PERCENTILE)["glow_contrast"]
    assert glow[None] >= T.UV254_MIN_GLOW_CONTRAST > glow["uv254_imitated"], glow


def test_fibres_embedded_or_printed_on_top(docs: dict) -> None:
    rect = zone("fibres").rect_mm
    s_uv = crop(docs["specimen"][Light.UV], rect)
    excl = FM.luminescent_exclusion(s_uv, px_per_mm=K)
    m = {key: FM.fibre_measures(crop(docs[key][Light.UV], rect), s_uv, None, px_per_mm=K,
                                exclude=excl) for key in (None, "fibres_printed")}
    genuine, printed = m[None], m["fibres_printed"]
    # the candidates a caller has already give the very same measures
    q_uv = crop(docs[None][Light.UV], rect)
    cands = tuple(FM.fibre_candidates(x, px_per_mm=K, exclude=excl) for x in (q_uv, s_uv))
    assert FM.fibre_measures(q_uv, s_uv, None, px_per_mm=K, exclude=excl,
                             candidates=cands) == genuine  # type: ignore[arg-type]
    assert genuine["fibre_overprint"] <= T.FIBRE_MAX_OVERPRINT < printed["fibre_overprint"], m
    assert genuine["fibre_colour_distance"] <= T.FIBRE_MAX_COLOUR_DISTANCE < \
        printed["fibre_colour_distance"], m
    # told from the print seen in white light, quenched paper is the same here
    with_white = {key: FM.fibre_overprint(
        crop(docs[key][Light.UV], rect), FM.fibre_candidates(
            crop(docs[key][Light.UV], rect), px_per_mm=K, exclude=excl)[0], px_per_mm=K,
        white=crop(docs[key][Light.WHITE], rect)) for key in (None, "fibres_printed")}
    assert with_white[None] is not None and with_white["fibres_printed"] is not None
    assert with_white[None] <= T.FIBRE_MAX_OVERPRINT < with_white["fibres_printed"], with_white


def test_fibres_in_a_dim_corner_of_the_uv_lamp_are_not_under_print() -> None:
    """A reader's UV lamp falls off towards a corner: the paper's glow there is below
    half of the zone's, but the paper is bare in white light, and its fibres glow like
    any on bare paper; only fibres under print count as quenched."""
    h, w = 240, 400
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    lamp = np.clip(1.0 - 0.8 * np.hypot(xx / w, yy / h) ** 2, 0.2, 1.0)  # dim lower right
    lin = 0.05 * lamp
    rng = np.random.default_rng(4)
    labels = np.zeros((h, w), np.int32)
    for i in range(1, 41):  # short fibres everywhere
        r, c = int(rng.integers(5, h - 5)), int(rng.integers(5, w - 25))
        labels[r, c:c + 20] = i
        lin[r, c:c + 20] += 0.15 * lamp[r, c:c + 20]
    srgb = np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * np.power(lin, 1 / 2.4) - 0.055)
    uv = np.clip(np.rint(255 * srgb), 0, 255).astype(np.uint8)
    uv = np.dstack([uv, uv, uv])
    white = np.full((h, w, 3), 230, np.uint8)
    without = FM.fibre_overprint(uv, labels, px_per_mm=K)
    assert without is not None  # the dim corner read as quenched paper
    assert FM.fibre_overprint(uv, labels, px_per_mm=K, white=white) is None


def test_ghost_repeats_the_portrait_not_another_face(docs: dict) -> None:
    portrait = next(z for z in specimen_zones(DESIGNS[DOC]) if z.role == "portrait")
    m = {}
    for key in (None, "ghost_other_face"):
        qg, sg = pair(docs, key, "ghost", Light.WHITE)
        qp = crop(docs[key][Light.WHITE], portrait.rect_mm)
        sp = crop(docs["specimen"][Light.WHITE], portrait.rect_mm)
        m[key] = GM.ghost_measures(qg, qp, sg, sp, px_per_mm=K)
    limit = m[None]["ghost_specimen_residual"] + T.GHOST_MAX_RESIDUAL_OVER_SPECIMEN
    assert m[None]["ghost_correlation"] >= T.GHOST_MIN_CORRELATION, m
    assert m[None]["ghost_residual"] <= limit, m
    assert m["ghost_other_face"]["ghost_residual"] > limit, m


def test_microprint_resolved_and_reduced_to_a_line(docs: dict) -> None:
    s, _ = pair(docs, "specimen", "microprint", Light.WHITE)
    period = FM.microprint_period_mm(s, px_per_mm=K)
    assert period is not None and 0.15 < period < 0.6
    detail = {}
    for key in (None, "microprint_line"):
        q, _ = pair(docs, key, "microprint", Light.WHITE)
        detail[key] = FM.microprint_measures(q, s, px_per_mm=K,
                                             period_mm=period)["microprint_detail"]
    assert detail[None] >= T.MICROPRINT_MIN_DETAIL > detail["microprint_line"], detail


@functools.lru_cache(maxsize=6)
def _white_at(dpi: float, seed: int, forgery: str | None = None) -> Image:
    """The passport's front in white light at ``dpi`` (seed 0: the specimen)."""
    return render_document(DOC, seed=seed, dpi=dpi, variation=seed != 0, forgery=forgery,
                           lights=(Light.WHITE,)).images[Light.WHITE]


def _microprint_at(dpi: float, seed: int, forgery: str | None = None,
                   grow_mm: float = 0.0) -> Image:
    """The passport's microprint zone (grown by ``grow_mm`` above and below) at ``dpi``."""
    img = _white_at(dpi, seed, forgery)
    x, y, w, h = zone("microprint").rect_mm
    k = dpi / 25.4
    return img[round((y - grow_mm) * k):round((y + h + grow_mm) * k),
               round(x * k):round((x + w) * k)]


def test_microprint_pitch_is_the_characters_not_their_strokes() -> None:
    """The pitch found on the specimen's line is the same at every density that shows
    it (at 1000 dpi the strokes' spacing peaks higher than the characters')."""
    pitches = [FM.microprint_period_mm(_microprint_at(dpi, 0), px_per_mm=dpi / 25.4)
               for dpi in (300.0, 1000.0)]
    assert all(p is not None for p in pitches), pitches
    assert abs(pitches[0] - pitches[1]) < 0.02, pitches  # type: ignore[operator]
    assert 0.25 < pitches[1] < 0.32, pitches  # type: ignore[operator]


def test_microprint_letters_found_in_print_not_in_a_halftone_reprint() -> None:
    """At a density that resolves the letters a scan-and-reprint's 150 lpi screen breaks
    their strokes (its fine detail stays: the reason the letters are looked for), and a
    plain line has none."""
    from types import SimpleNamespace

    from workstation.specimens.printscan import reprint_page

    dpi = 1000.0
    k = dpi / 25.4
    s = _microprint_at(dpi, 0)
    period = FM.microprint_period_mm(s, px_per_mm=k)
    assert period is not None
    genuine = _microprint_at(dpi, 3)
    grown = _microprint_at(dpi, 3, grow_mm=2.0)
    w_mm, h_mm = zone("microprint").rect_mm[2:]
    edited, _, _ = reprint_page(pages={Light.WHITE: grown}, px_per_mm=k,
                                layout=SimpleNamespace(size_mm=(w_mm, h_mm + 4.0)),
                                rng=np.random.default_rng(3), paper="dull")
    off = round(2.0 * k)
    reprint = edited[Light.WHITE][off:off + genuine.shape[0]]
    line = _microprint_at(dpi, 3, "microprint_line")
    m = {name: FM.microprint_measures(q, s, px_per_mm=k, period_mm=period, letters=True)
         for name, q in (("genuine", genuine), ("reprint", reprint), ("line", line))}
    assert m["genuine"]["microprint_letters"] >= T.MICROPRINT_MIN_LETTERS, m
    # a print without capture optics: the reprint finds the letters far worse than the
    # genuine print (judged against the zone's learned range in a capture), the line not
    assert m["reprint"]["microprint_letters"] < m["genuine"]["microprint_letters"] - 0.1, m
    assert m["line"]["microprint_letters"] < T.MICROPRINT_MIN_LETTERS, m
    # the reprint's detail alone would pass it
    assert m["reprint"]["microprint_detail"] >= T.MICROPRINT_MIN_DETAIL, m
    assert "microprint_letters" not in FM.microprint_measures(
        genuine, s, px_per_mm=k, period_mm=period)


@pytest.mark.parametrize(("seed", "shift_mm"), [(3, 0.5), (4, -0.5)])
def test_microprint_letters_found_on_a_line_printed_off_its_place(seed: int,
                                                                  shift_mm: float) -> None:
    """A genuine line printed 0.5 mm off its place (the press's registration) has half its
    letters outside the zone: they are searched over the zone grown by
    MICROPRINT_MAX_SHIFT_MM, where they are found as on a line in its place — and a plain
    line is not found there either."""
    dpi = 1000.0
    k = dpi / 25.4
    x, y, w, h = zone("microprint").rect_mm
    r0, c0, rows, cols = round(y * k), round(x * k), round(h * k), round(w * k)
    s = _white_at(dpi, 0)[r0:r0 + rows, c0:c0 + cols]
    period = FM.microprint_period_mm(s, px_per_mm=k)
    assert period is not None
    m = round(FM.MICROPRINT_MAX_SHIFT_MM * k)
    dr = round(shift_mm * k)  # the zone moved against the print: the print moved by -dr

    def letters(img: Image, *, wide: bool) -> float:
        g = m if wide else 0
        q = img[r0 + dr - g:r0 + dr + rows + g, c0 - g:c0 + cols + g]
        return FM.microprint_letters(q, s, px_per_mm=k, period_mm=period)

    genuine, line = _white_at(dpi, seed), _white_at(dpi, seed, "microprint_line")
    in_place = FM.microprint_letters(genuine[r0:r0 + rows, c0:c0 + cols], s, px_per_mm=k,
                                     period_mm=period)
    assert in_place >= T.MICROPRINT_MIN_LETTERS
    # the zone alone cuts the letters: the measure's cause of a false alarm
    assert letters(genuine, wide=False) < T.MICROPRINT_MIN_LETTERS
    assert letters(genuine, wide=True) >= in_place - 0.02
    assert letters(line, wide=True) < T.MICROPRINT_MIN_LETTERS - 0.2
    assert FM.letters_rect((x, y, w, h)) == pytest.approx(
        (x - FM.MICROPRINT_MAX_SHIFT_MM, y - FM.MICROPRINT_MAX_SHIFT_MM,
         w + 2 * FM.MICROPRINT_MAX_SHIFT_MM, h + 2 * FM.MICROPRINT_MAX_SHIFT_MM))
    with pytest.raises(ValueError):
        FM.microprint_letters(s[:, :-8], s, px_per_mm=k, period_mm=period)


def test_expected_shading_combines_the_two_lamps() -> None:
    """Under a lamp direction the specimen was not lit from, the expected shading is the
    linear combination of its two lamps' shadings (and none with one lamp far off)."""
    from workstation.examination.feature_zone import CropSource
    from workstation.specimens.render import specimen_for

    spec = specimen_for(DOC, dpi=150.0)
    imgs = {light: spec.image(light) for light in spec.image_lights}
    src = CropSource(specimen=spec, work_dpi=150.0, registered=imgs, reference=imgs)
    z = zone("dry-seal")
    left = expected_shading(src, z, 180.0)
    top = expected_shading(src, z, 90.0)
    diag = expected_shading(src, z, 135.0)
    assert left is not None and top is not None and diag is not None
    # cos/sin 45°: the diagonal lamp's shading is the mean of the two, scaled by sqrt(2)
    want = (left + top) / np.sqrt(2.0)
    corr = float(np.corrcoef(diag.ravel(), want.ravel())[0, 1])
    assert corr > 0.99


def test_feature_measures_are_held_learned_or_by_their_prior() -> None:
    """The optional lights' measures have rules in main's tolerance API: a zone that
    learned a measure is held against its own range, one that did not against the
    check's prior (the rule's bound, or a range the check gives)."""
    from workstation.examination.checks.feature_common import FEATURE_RULES, hold
    from workstation.examination.tolerance import RULES
    from workstation.types import MeasureStat, Stat

    assert set(FEATURE_RULES) <= set(RULES)
    bare = Zone("mp", (0, 0, 10, 1))
    (prior,) = hold(bare, Light.WHITE, {"microprint_detail": 0.2}, ("microprint_detail",))
    assert prior.tolerance.source == "prior" and not prior.ok  # below the prior 0.25
    learned = Zone("mp", (0, 0, 10, 1), stats=(
        MeasureStat(Light.WHITE, "microprint_detail", Stat.of([0.9, 0.95, 1.0])),))
    (own,) = hold(learned, Light.WHITE, {"microprint_detail": 0.3}, ("microprint_detail",))
    assert own.tolerance.source == "learned" and not own.ok  # far below its genuine 0.9-1
    (ok,) = hold(learned, Light.WHITE, {"microprint_detail": 0.93}, ("microprint_detail",))
    assert ok.ok
    # a range the check gives (the fibre density's, a share of the specimen's own)
    (dens,) = hold(bare, Light.UV, {"fibre_density": 5.0}, ("fibre_density",),
                   priors={"fibre_density": (1.0, 4.0)})
    assert dens.tolerance.source == "prior" and not dens.ok
    assert hold(bare, Light.UV, {}, ("fibre_density",)) == []


@pytest.mark.parametrize(("dpi", "spec_dpi", "detail", "status", "code"), [
    (1200.0, 1200.0, 1.0, "pass", "MICROPRINT_RESOLVED"),
    (300.0, 1200.0, 1.0, "skipped", "RESOLUTION_TOO_LOW"),  # looks right, letters unresolved
    (1200.0, 300.0, 1.0, "skipped", "RESOLUTION_TOO_LOW"),  # nor does the specimen show them
    (300.0, 1200.0, 0.1, "fail", "MICROPRINT_DEGRADED"),    # a plain line shows at any density
    (1200.0, 1200.0, 0.1, "fail", "MICROPRINT_DEGRADED"),
    # resolved, the line's detail fine but the specimen's letters not found (halftone dots)
    (1200.0, 1200.0, (1.0, 0.2), "fail", "MICROPRINT_DEGRADED"),
    (1200.0, 1200.0, (1.0, 0.95), "pass", "MICROPRINT_RESOLVED"),
])
def test_microprint_passes_only_where_its_letters_are_resolved(
        monkeypatch: pytest.MonkeyPatch, dpi: float, spec_dpi: float,
        detail: float | tuple[float, float], status: str, code: str) -> None:
    """Below the density that resolves the letters (pixels per character pitch), a line
    that looks like the specimen's is ``skipped`` naming the density it needs, never
    ``pass``: a halftone reprint keeps its detail there (bench family 2 at 300 dpi)."""
    from types import SimpleNamespace

    from workstation.examination.checks import microprint as MP
    from workstation.examination.feature_zone import (
        MICROPRINT_PX_PER_LETTER_PERIOD,
        FeatureMeasurement,
    )
    from workstation.types import Expect, ZoneCheck

    period = 0.3
    letters = MICROPRINT_PX_PER_LETTER_PERIOD * 25.4 / period
    assert 300.0 < letters < 1200.0
    z = Zone("microprint", (10, 10, 40, 1), checks=(ZoneCheck(Light.WHITE,
                                                              Expect.MICROPRINT),))
    measures = ({"microprint_detail": detail} if isinstance(detail, float) else
                {"microprint_detail": detail[0], "microprint_letters": detail[1]})
    fm = FeatureMeasurement(measures=measures,
                            facts={"dpi": dpi, "letters_dpi": round(letters),
                                   "period_mm": period, "specimen_dpi": spec_dpi})

    def measured(ctx, check_id, pairs, out):  # type: ignore[no-untyped-def]
        for zone, c in pairs:
            yield zone, c, fm

    monkeypatch.setattr(MP, "measured", measured)
    monkeypatch.setattr(MP, "feature_evidence", lambda *a, **k: [])
    (res,) = MP.microprint(SimpleNamespace(specimen=SimpleNamespace(zones=[z])))
    assert (res.status.value, res.code) == (status, code), res.message
    if status == "skipped":
        text = str(res.message)
        assert f"{letters:.0f} dpi" in text, text
        assert "(300 dpi)" in text or "at 300 dpi" in text, text
        assert res.details["measures"]["microprint_detail"]["value"] == detail
