"""Captures normalised before they are compared: uneven light, vignetting, exposure,
white balance and the reader's flat field — on family-2 captures (another make of
reader and document) and on synthetic pages whose truth is known exactly."""

from __future__ import annotations

import numpy as np
import pytest

from bench.family2.capture import conditions_for
from workstation.imaging.normalize import (
    encode,
    illumination_field,
    linear,
    normalize_capture,
    substrate_mask,
)
from workstation.specimens.edit_model import PageGeometry, page_images
from workstation.types import Light


def _quadrants(img: np.ndarray, mask: np.ndarray, pct: float = 50.0) -> np.ndarray:
    """The substrate level (``pct`` percentile) in each cell of a 3 x 3 grid."""
    lin = linear(img)
    lum = lin.mean(axis=2) if lin.ndim == 3 else lin
    h, w = lum.shape
    out = []
    for i in range(3):
        for j in range(3):
            rs, cs = slice(i * h // 3, (i + 1) * h // 3), slice(j * w // 3, (j + 1) * w // 3)
            out.append(np.percentile(lum[rs, cs][mask[rs, cs]], pct))
    return np.array(out)


def _synthetic(vignetting: float, gain: float) -> dict[Light, np.ndarray]:
    """A page: paper with a dark grid of print and one bright luminescent disc, lit
    unevenly (one-sided lamp plus vignetting) and exposed by ``gain``."""
    h, w = 300, 420
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    paper = np.full((h, w), 0.8, np.float32)
    paper[::12, :] = 0.1
    paper[:, ::17] = 0.1
    uv = np.full((h, w), 0.05, np.float32)
    uv[(yy - 150) ** 2 + (xx - 280) ** 2 < 40 ** 2] = 0.5
    light = (1 - vignetting * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 2) * (
        1 + 0.15 * (xx / w - 0.5))
    white = np.dstack([paper * light] * 3)
    return {Light.WHITE: encode(white), Light.UV: encode(uv * light * gain),
            Light.IR: encode(paper * light * 0.9)}


def test_uneven_light_is_divided_out() -> None:
    pages = _synthetic(vignetting=0.5, gain=1.0)
    mask = substrate_mask(pages[Light.WHITE])
    before = _quadrants(pages[Light.WHITE], mask)
    out = normalize_capture(pages)
    after = _quadrants(out.images[Light.WHITE], mask)
    assert np.ptp(before) / before.mean() > 0.1
    assert np.ptp(after) / after.mean() < 0.02
    uv_before = _quadrants(pages[Light.UV], mask)
    uv_after = _quadrants(out.images[Light.UV], mask)
    assert np.ptp(uv_after) / uv_after.mean() < 0.03 < np.ptp(uv_before) / uv_before.mean()
    # the luminescent disc is not taken for light: it stays four times the substrate
    disc = linear(out.images[Light.UV])[150, 280]
    assert disc / np.median(linear(out.images[Light.UV])[mask]) > 5


def test_reported_exposure_makes_uv_levels_comparable() -> None:
    low = _synthetic(0.3, gain=1.0)
    high = _synthetic(0.3, gain=2.6)
    a = normalize_capture(low, exposure={"uv": 1.0})
    b = normalize_capture(high, exposure={"uv": 2.6})
    mask = substrate_mask(low[Light.WHITE])
    ua, ub = (np.median(linear(x.images[Light.UV])[mask]) for x in (a, b))
    assert ub == pytest.approx(ua, rel=0.05)
    assert a.uv_level_known and b.uv_level_known
    unknown = normalize_capture(high)
    assert not unknown.uv_level_known
    assert np.median(linear(unknown.images[Light.UV])[mask]) > 2 * ua


def test_white_balance_to_the_reference_substrate() -> None:
    pages = _synthetic(0.2, 1.0)
    tinted = dict(pages)
    tinted[Light.WHITE] = np.clip(pages[Light.WHITE].astype(np.float32)
                                  * np.array([1.0, 0.92, 0.8]), 0, 255).astype(np.uint8)
    ref = dict(pages)
    out = normalize_capture(tinted, reference=ref)
    mask = substrate_mask(pages[Light.WHITE])
    got = np.median(linear(out.images[Light.WHITE])[mask], axis=0)
    want = np.median(linear(ref[Light.WHITE])[mask], axis=0)
    assert np.allclose(got, want, rtol=0.03)
    neutral = normalize_capture(tinted)
    n = np.median(linear(neutral.images[Light.WHITE])[mask], axis=0)
    assert np.ptp(n) < 0.02


def test_flat_field_of_the_reader_is_applied() -> None:
    pages = _synthetic(0.0, 1.0)
    h, w = pages[Light.WHITE].shape[:2]
    gain = np.full((h, w), 1.25, np.float32)
    out = normalize_capture(pages, flat={Light.UV: gain}, flatten=False)
    assert out.lights[Light.UV].flat_field and not out.lights[Light.WHITE].flat_field
    mask = substrate_mask(pages[Light.WHITE])
    ratio = np.median(linear(out.images[Light.UV])[mask]) / np.median(
        linear(pages[Light.UV])[mask])
    assert ratio == pytest.approx(1.25, rel=0.05)
    with pytest.raises(ValueError, match="flat field"):
        normalize_capture(pages, flat={Light.UV: np.ones((3, 3), np.float32)})


def test_bad_input() -> None:
    pages = _synthetic(0.0, 1.0)
    with pytest.raises(ValueError, match="white"):
        normalize_capture({Light.UV: pages[Light.UV]})
    with pytest.raises(ValueError, match="sizes"):
        normalize_capture({Light.WHITE: pages[Light.WHITE], Light.UV: pages[Light.UV][:10]})
    with pytest.raises(ValueError, match="exposure"):
        normalize_capture(pages, exposure={"uv": 0.0})
    flat = illumination_field(linear(pages[Light.WHITE]), np.zeros((300, 420), bool))
    assert np.all(flat == 1.0)


@pytest.mark.slow
def test_family2_captures_of_one_sheet_agree_after_normalisation() -> None:
    """One genuine sheet captured under four conditions (auto-exposed UV, lamp tilt,
    vignetting, white balance): where the reader reports its exposure the normalised
    substrate levels agree across captures; the uneven light is gone."""
    levels: dict[str, list[float]] = {"white": [], "uv": [], "ir": []}
    for cs in (12, 14, 15, 16):
        cond = conditions_for(cs, size_mm=(125.0, 88.0), allow_outside=False,
                              allow_cropped=False)
        if not cond.reports_exposure:
            continue
        cap = _capture(cond)
        geom = PageGeometry(np.asarray(cap.truth["corners_px"]), (125.0, 88.0))
        pages = page_images(cap.capture, geom)
        out = normalize_capture(pages, exposure=cap.capture.metadata["exposure"])
        mask = substrate_mask(pages[Light.WHITE])
        for name in levels:
            # white light: the paper between the background's lines (90th percentile)
            q = _quadrants(out.images[Light(name)], mask, 90.0 if name == "white" else 50.0)
            assert np.ptp(q) / q.mean() < 0.04, (cs, name, q)
            levels[name].append(float(q.mean()))
    assert len(levels["uv"]) >= 2
    for name, vals in levels.items():
        assert np.ptp(vals) / np.mean(vals) < 0.08, (name, vals)


def _capture(cond):  # type: ignore[no-untyped-def]
    from bench import family2

    return family2.genuine_capture("NRV-P-2018", 7, conditions=cond)
