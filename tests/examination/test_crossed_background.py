"""A sample of a faint background that a holder's line may cross (issue 17): compared
without the dark print either image shows there, so another holder's longer name does
not fail it, and a redrawn background still does."""

from __future__ import annotations

import numpy as np

from workstation.examination.measures import pattern_similarity
from workstation.examination.zone_measures import (
    CROSSED_BACKGROUND,
    holder_print_mask,
    measures_for,
    without_holder_print,
)
from workstation.types import Expect, Light, Zone, ZoneCheck

PX_MM = 200 / 25.4
H, W = 70, 118  # px: about 9 x 15 mm


def _rosette(pitch: float = 0.7, angle: float = 0.0, seed: int = 0) -> np.ndarray:
    """A pale rosette (a few grey levels deep) on paper, with sensor noise."""
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32) / PX_MM
    cx, cy = 7.0, 4.5
    r = np.hypot(xx - cx, yy - cy)
    t = np.arctan2(yy - cy, xx - cx) + angle
    lines = np.clip(np.cos(2 * np.pi * (r + 0.6 * np.sin(6 * t)) / pitch) - 0.4, 0, 1)
    grey = 236.0 - 14.0 * lines
    grey += np.random.default_rng(seed).normal(0, 1.0, grey.shape)
    return np.repeat(np.clip(np.rint(grey), 0, 255).astype(np.uint8)[..., None], 3, axis=2)


def _with_text(img: np.ndarray, x0: int, n: int, seed: int) -> np.ndarray:
    """Dark letter strokes of a holder's line (about 2.5 mm high) from ``x0``."""
    out = img.copy()
    rng = np.random.default_rng(seed)
    x = x0
    for _ in range(n):
        w = int(rng.integers(2, 4))
        h = int(rng.integers(14, 20))
        out[25:25 + h, x:x + w] = 40
        out[25:27, x:x + int(rng.integers(5, 9))] = 40
        x += int(rng.integers(7, 10))
    return out


ZONE = Zone("background-3", (0.0, 0.0, W / PX_MM, H / PX_MM), role=CROSSED_BACKGROUND,
            checks=(ZoneCheck(Light.WHITE, Expect.MATCH),))


def _sim(zone: Zone, q: np.ndarray, s: np.ndarray) -> float:
    m = measures_for(zone, Light.WHITE, Expect.MATCH, q=q, s=s, q_white=q, s_white=s,
                     px_per_mm=PX_MM)
    return m["similarity"]


def test_a_longer_name_crossing_the_sample_is_left_out() -> None:
    spec = _with_text(_rosette(seed=1), 0, 3, seed=1)  # the specimen holder's short name
    genuine = _with_text(_rosette(seed=2), 0, 11, seed=2)  # a long name runs across
    plain = Zone(ZONE.id, ZONE.rect_mm, checks=ZONE.checks)
    assert _sim(plain, genuine, spec) < 0.6  # the letters decide the plain similarity
    assert _sim(ZONE, genuine, spec) > 0.8


def test_a_redrawn_background_under_the_name_is_still_told() -> None:
    spec = _with_text(_rosette(seed=1), 0, 3, seed=1)
    genuine = _with_text(_rosette(seed=2), 0, 11, seed=2)
    redrawn = _with_text(_rosette(pitch=0.55, angle=0.7, seed=3), 0, 11, seed=2)
    assert _sim(ZONE, redrawn, spec) < _sim(ZONE, genuine, spec) - 0.3


def test_the_mask_takes_the_letters_not_the_rosette() -> None:
    spec = _rosette(seed=1)
    q = _with_text(_rosette(seed=2), 10, 6, seed=4)
    mask = holder_print_mask(q, spec, px_per_mm=PX_MM)
    assert 0.05 < mask.mean() < 0.5  # the letters and their edges, not the pale lines
    assert not holder_print_mask(spec, spec, px_per_mm=PX_MM).any()
    fq, fs = without_holder_print(q, spec, px_per_mm=PX_MM)
    assert fs is spec or np.array_equal(fs[~mask], spec[~mask])
    assert int(fq[mask].min()) > 150  # filled from the paper and rosette around
    assert pattern_similarity(fq, fs, px_per_mm=PX_MM) > 0.8
