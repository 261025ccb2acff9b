"""The ghost image's measures (:mod:`workstation.examination.ghost_measures`): a genuine
ghost repeats its portrait where and as the specimen's does, through one rising tone
curve, whatever that curve is (printed, engraved, luminescent: positive or negative) and
however much of it the image shows; a ghost made of another face does not.

The simulated documents are rendered cropped (the page is the specimen's frame, up to
the print's jitter); ``bench.examine --lights`` measures the full examination. Two real
passport scans with ghost images (``mrz-images``) check that the measure tells real
faces apart too.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from workstation.examination import ghost_measures as GM
from workstation.examination import thresholds as T
from workstation.specimens.documents import DESIGNS
from workstation.specimens.render import render_document, specimen_zones
from workstation.types import Image, Light

DOC = "UTO-P-2020"
DPI = 200.0  # the examination's work density
K = DPI / 25.4


def _crop(img: Image, rect: tuple[float, float, float, float]) -> Image:
    x, y, w, h = rect
    return np.ascontiguousarray(img[round(y * K):round((y + h) * K),
                                    round(x * K):round((x + w) * K)])


@pytest.fixture(scope="module")
def faces() -> dict[str, tuple[Image, Image]]:
    """(ghost, portrait) crops under white light of the specimen (seed 0, no variation),
    a genuine passport and one whose ghost was made of another face (seed 4)."""
    zones = {z.id: z for z in specimen_zones(DESIGNS[DOC])}
    out = {}
    for key, seed, forgery, variation in (("specimen", 0, None, False), ("genuine", 4, None, True),
                                          ("other", 4, "ghost_other_face", True)):
        img = render_document(DOC, seed=seed, dpi=DPI, forgery=forgery, variation=variation,
                              lights=(Light.WHITE,)).images[Light.WHITE]
        out[key] = (_crop(img, zones["ghost"].rect_mm), _crop(img, zones["portrait"].rect_mm))
    return out


def _measure(faces: dict, key: str, tone=None, **seen) -> dict[str, float]:  # type: ignore[no-untyped-def]
    (qg, qp), (sg, sp) = faces[key], faces["specimen"]
    if tone is not None:
        qg, sg = tone(qg), tone(sg)
    return GM.ghost_measures(qg, qp, sg, sp, px_per_mm=K, **seen)


def _holds(m: dict[str, float]) -> bool:
    """What ``ghost.portrait`` holds before the specimen learned: the correlation's prior
    bound and the residual over the specimen's own."""
    return (m["ghost_correlation"] >= T.GHOST_MIN_CORRELATION
            and m["ghost_residual"] <= m["ghost_specimen_residual"]
            + T.GHOST_MAX_RESIDUAL_OVER_SPECIMEN)


@pytest.mark.slow
def test_the_specimen_shows_where_its_ghost_repeats_the_portrait(faces: dict) -> None:
    sg, sp = faces["specimen"]
    geo = GM.ghost_geometry(sg, sp, px_per_mm=K)
    assert geo.sign == 1 and geo.fit > 0.9 and abs(geo.scale - 1.0) <= 0.04, geo
    # a type whose ghost shows the face 10 % larger in its frame: found, not assumed
    h, w = sg.shape[:2]
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), 0.0, 1.1)
    bigger = cv2.warpAffine(sg, mat, (w, h), borderMode=cv2.BORDER_REPLICATE)
    assert abs(GM.ghost_geometry(bigger, sp, px_per_mm=K).scale - 1.1) <= 0.04


@pytest.mark.slow
def test_a_printed_ghost_repeats_its_portrait_and_not_another_face(faces: dict) -> None:
    genuine, other = _measure(faces, "genuine"), _measure(faces, "other")
    assert _holds(genuine), genuine
    assert not _holds(other), other
    assert other["ghost_residual"] > 3 * genuine["ghost_residual"], (genuine, other)


@pytest.mark.slow
@pytest.mark.parametrize("tone", [
    pytest.param(lambda g: 255 - g, id="negative (luminescent)"),
    pytest.param(lambda g: (255.0 * (g / 255.0) ** 3).astype(np.uint8), id="laser-engraved"),
])
def test_any_one_tone_curve_of_the_ghost_holds(faces: dict, tone) -> None:  # type: ignore[no-untyped-def]
    """A negative, or a laser's bent tone curve, applied to the ghost of the type (the
    specimen's too): the genuine ghost still follows its portrait, the other face not."""
    genuine, other = _measure(faces, "genuine", tone), _measure(faces, "other", tone)
    assert _holds(genuine), genuine
    assert not _holds(other), other


def _scaled(img: Image, scale: float) -> Image:
    h, w = img.shape[:2]
    mat = cv2.getRotationMatrix2D((w / 2, h / 2), 0.0, scale)
    return np.ascontiguousarray(cv2.warpAffine(img, mat, (w, h), borderMode=cv2.BORDER_REPLICATE))


def test_the_scale_tolerance_moves_no_corner_of_the_ghost_more_than_the_shift() -> None:
    geo = GM.GhostGeometry(1.0, 1, 0, 0, 1.0)
    shape = (126, 103)  # a 16 x 13 mm ghost at 200 dpi
    scales = GM._scales(geo, shape, K)
    assert scales[0] == 1.0 and len(scales) % 2 == 1
    half_diag_mm = 0.5 * float(np.hypot(*shape)) / K
    assert max(abs(s - 1.0) for s in scales) * half_diag_mm <= GM.GHOST_SHIFT_MM
    assert max(abs(s - 1.0) for s in scales) * half_diag_mm > GM.GHOST_SHIFT_MM / 2


@pytest.mark.slow
def test_a_ghost_scaled_by_the_registrations_error_holds_and_another_face_does_not(
        faces: dict) -> None:
    """The page registered a few per cent large around the ghost (an outline partly
    outside the image): the genuine ghost, scaled by the tolerance, still follows its
    portrait; another face scaled alike does not; and a genuine ghost scaled far beyond
    the registration's error (15 %) is no longer the portrait's."""
    (sg, sp) = faces["specimen"]
    scale = min(GM._scales(GM.ghost_geometry(sg, sp, px_per_mm=K), sg.shape[:2], K))
    unscaled = _measure(faces, "genuine")
    out = {}
    for key in ("genuine", "other"):
        qg, qp = faces[key]
        out[key] = GM.ghost_measures(_scaled(qg, scale), qp, sg, sp, px_per_mm=K)
    assert _holds(out["genuine"]), (scale, out)
    assert out["genuine"]["ghost_residual"] < unscaled["ghost_residual"] + 0.01, (scale, out)
    assert not _holds(out["other"]), (scale, out)
    qg, qp = faces["genuine"]
    far = GM.ghost_measures(_scaled(qg, 0.85), qp, sg, sp, px_per_mm=K)
    assert far["ghost_residual"] > 3 * out["genuine"]["ghost_residual"], (far, out)


@pytest.mark.slow
def test_a_ghost_partly_outside_the_image_is_judged_on_what_it_shows(faces: dict) -> None:
    """The right 40 % of the ghost beyond the image's edge (registration fills it black):
    the unseen pixels are not compared, so the genuine ghost holds and the other face
    does not."""
    out = {}
    for key in ("genuine", "other"):
        qg, qp = faces[key]
        cut = qg.copy()
        seen = np.ones(qg.shape[:2], bool)
        seen[:, round(0.6 * qg.shape[1]):] = False
        cut[~seen] = 0
        (sg, sp) = faces["specimen"]
        out[key] = GM.ghost_measures(cut, qp, sg, sp, px_per_mm=K, q_ghost_seen=seen)
    assert _holds(out["genuine"]), out
    assert not _holds(out["other"]), out
    qg, qp = faces["genuine"]
    with pytest.raises(ValueError):
        GM.ghost_measures(qg, qp, *faces["specimen"], px_per_mm=K,
                          q_ghost_seen=np.ones((3, 3), bool))


def test_tone_residual_takes_any_rising_curve_but_not_another_order_of_tones() -> None:
    rng = np.random.default_rng(3)
    t = cv2.GaussianBlur(rng.random((80, 64)).astype(np.float32), (0, 0), 4.0)
    t = (t - t.min()) / (t.max() - t.min())
    seen = np.ones(t.shape, bool)
    for curve in (t, t ** 3, np.sqrt(t), np.tanh(4 * (t - 0.5))):
        assert GM.tone_residual(curve.astype(np.float32), t, seen) < 0.01
    # tones in another order (dark and light both bright: another face's hair and skin)
    folded = np.abs(t - 0.5).astype(np.float32)
    assert GM.tone_residual(folded, t, seen) > 0.5
    assert GM.tone_residual(folded, t, np.zeros(t.shape, bool)) == 1.0  # nothing seen


def _real_faces(root: Path) -> dict[str, tuple[Image, Image]]:
    """(ghost, portrait) of two real Czech passport specimens (two designs, two holders),
    framed alike by eye and resized to one ghost and one portrait size."""
    boxes = {  # file: portrait (x, y, w, h), ghost (x, y, w, h) in image pixels
        "100_pass-cze.jpg": ((32, 69, 165, 214), (500, 95, 52, 69)),
        "100_pass-cze2.jpg": ((27, 65, 170, 195), (514, 108, 37, 43)),
    }
    out = {}
    for name, (pb, gb) in boxes.items():
        path = root / "mrz-images" / "passporteye" / name
        if not path.is_file():
            pytest.skip(f"{path} not found")
        img = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
        x, y, w, h = pb
        p = cv2.resize(img[y:y + h, x:x + w], (165, 214), interpolation=cv2.INTER_AREA)
        x, y, w, h = gb
        g = cv2.resize(img[y:y + h, x:x + w], (52, 69), interpolation=cv2.INTER_CUBIC)
        out[name] = (g, p)
    return out


def test_real_passport_ghosts_tell_their_holders_apart(testdata: Path) -> None:
    """Two real passports, each the other's specimen: each ghost follows its own
    portrait far better than the other holder's (real faces differ far more than the
    simulator's: residual about 0.13-0.18 against 0.8)."""
    faces = _real_faces(testdata)
    k = 600 / 125.0  # the scans: 600 px over a 125 mm page
    a, b = faces
    for q, s in ((a, b), (b, a)):
        (qg, qp), (sg, sp) = faces[q], faces[s]
        genuine = GM.ghost_measures(qg, qp, sg, sp, px_per_mm=k)
        swapped = GM.ghost_measures(sg, qp, sg, sp, px_per_mm=k)
        assert genuine["ghost_residual"] < 0.3 < 0.6 < swapped["ghost_residual"], (
            genuine, swapped)
        assert genuine["ghost_correlation"] > 0.8 > 0.6 > swapped["ghost_correlation"], (
            genuine, swapped)


@pytest.mark.slow
def test_the_ghost_check_judges_the_part_in_view_and_skips_a_ghost_mostly_outside() -> None:
    """Through the examination's crop source: a capture that shows a third less of the
    ghost is measured on the rest; one that shows less than half of it is not measured
    (ZONE_OUTSIDE: skipped, never failed for pixels it cannot see)."""
    from workstation.examination.feature_zone import CropSource, measure_feature
    from workstation.specimens.render import specimen_for
    from workstation.types import Expect

    spec = specimen_for(DOC, dpi=DPI)
    imgs = {Light.WHITE: spec.image(Light.WHITE)}
    ghost = next(z for z in spec.zones if any(c.expect is Expect.GHOST_OF for c in z.checks))
    chk = next(c for c in ghost.checks if c.expect is Expect.GHOST_OF)
    x, _y, w, _h = ghost.rect_mm
    for cut, measured in ((0.3, True), (0.6, False)):
        seen = np.ones(imgs[Light.WHITE].shape[:2], bool)
        seen[:, round((x + (1.0 - cut) * w) * K):] = False  # the page goes on beyond the image
        src = CropSource(specimen=spec, work_dpi=DPI, registered=imgs, reference=imgs,
                         seen=seen)
        fm = measure_feature(ghost, chk, src)
        if measured:
            # the specimen against itself, as far as seen: its own residual, scaled to the whole
            assert fm.measures["ghost_residual"] <= fm.facts["specimen_residual"] + 1e-4, fm
        else:
            assert not fm.measures and fm.code == "ZONE_OUTSIDE", fm


@pytest.mark.slow
def test_a_specimen_whose_ghost_zone_shows_no_ghost_of_its_portrait_is_not_used() -> None:
    """The specimen's "ghost" zone holds something else (here: a piece of guilloche from
    elsewhere on the page): nothing to hold a capture's ghost against — skipped
    (NO_GHOST_IN_SPECIMEN), never a failed capture."""
    from workstation.examination.feature_zone import CropSource, measure_feature
    from workstation.specimens.render import specimen_for
    from workstation.types import Expect

    spec = specimen_for(DOC, dpi=DPI)
    white = spec.image(Light.WHITE).copy()
    ghost = next(z for z in spec.zones if any(c.expect is Expect.GHOST_OF for c in z.checks))
    chk = next(c for c in ghost.checks if c.expect is Expect.GHOST_OF)
    x, y, w, h = ghost.rect_mm
    r0, c0, rh, cw = round(y * K), round(x * K), round(h * K), round(w * K)
    white[r0:r0 + rh, c0:c0 + cw] = white[r0 + rh:r0 + 2 * rh, c0:c0 + cw]  # below it
    ref = {Light.WHITE: white}
    fm = measure_feature(ghost, chk, CropSource(specimen=spec, work_dpi=DPI, registered=ref,
                                                reference=ref))
    assert not fm.measures and fm.code == "NO_GHOST_IN_SPECIMEN", fm
    assert fm.facts["specimen_residual"] > T.GHOST_MAX_SPECIMEN_RESIDUAL
