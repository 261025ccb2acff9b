"""A fixed luminescent pattern under a holder's dark print (a portrait's hair over the
arcs crossing it) is compared with the specimen's where neither prints dark in white
light: the print absorbs the glow by as much as it is dark, and another holder's lies
elsewhere."""

from __future__ import annotations

import numpy as np

from workstation.examination.zone_measures import luminescent_measures, measures_for
from workstation.types import Expect, Light, Zone, ZoneCheck

K = 8.0  # px per mm
H, W = 96, 144
ZONE = Zone("uv-1", (0.0, 0.0, W / K, H / K), checks=(ZoneCheck(Light.UV, Expect.LUMINESCENT),))


def _enc(lin: np.ndarray) -> np.ndarray:
    return np.asarray(np.round(np.power(np.clip(lin, 0, 1), 1 / 2.2) * 255), np.uint8)


def _pair(*, glow: bool, hair: tuple[slice, slice] | None) -> tuple[np.ndarray, np.ndarray]:
    """UV and white crops: green arcs (``glow``) on a violet substrate, and a holder's
    dark print over ``hair`` that absorbs 90 % of the glow under it."""
    yy, xx = np.mgrid[0:H, 0:W]
    r = np.hypot(yy - H, xx - W / 2) / K
    arcs = (np.clip(1.0 - np.abs(r % 1.2 - 0.6) / 0.25, 0.0, 1.0) * (r < 9.0))[..., None]
    uv = np.array([0.05, 0.03, 0.12]) + (np.array([0.3, 0.8, 0.2]) * arcs if glow else 0.0)
    uv = np.broadcast_to(uv, (H, W, 3)).copy()
    white = np.full((H, W, 3), 0.8)
    if hair is not None:
        uv[hair] *= 0.1
        white[hair] = 0.03
    rng = np.random.default_rng(3)
    uv = uv + rng.normal(0, 0.004, uv.shape)
    return _enc(uv), _enc(white)


def _correlation(q: tuple[np.ndarray, np.ndarray], s: tuple[np.ndarray, np.ndarray]) -> float:
    return measures_for(ZONE, Light.UV, Expect.LUMINESCENT, q=q[0], s=s[0], q_white=q[1],
                        s_white=s[1], px_per_mm=K)["correlation"]


def test_the_pattern_is_compared_beside_the_holders_dark_print() -> None:
    spec = _pair(glow=True, hair=(slice(40, 96), slice(100, 144)))  # its holder's collar
    dark_haired = _pair(glow=True, hair=(slice(0, 70), slice(0, 60)))
    # over the whole zone the absorbed arcs and the other holder's print decide
    whole = luminescent_measures(dark_haired[0], spec[0], px_per_mm=K)["correlation"]
    assert whole < 0.8
    assert _correlation(dark_haired, spec) > 0.95


def test_an_erased_pattern_still_does_not_correlate() -> None:
    spec = _pair(glow=True, hair=(slice(40, 96), slice(100, 144)))
    erased = _pair(glow=False, hair=(slice(0, 70), slice(0, 60)))
    assert _correlation(erased, spec) < 0.3
    # printed over almost all of the zone: compared over all of it (too little is left)
    covered = _pair(glow=True, hair=(slice(0, 96), slice(0, 130)))
    assert _correlation(covered, spec) == luminescent_measures(
        covered[0], spec[0], px_per_mm=K)["correlation"]
