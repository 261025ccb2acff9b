"""A glow the reader clipped carries no colour: its hue is taken from the lit pixels the
reader did not clip, and not measured when it clipped nearly all of them."""

from __future__ import annotations

import numpy as np

from workstation.examination.zone_measures import CLIP_LEVEL, luminescent_measures

K = 6.0  # px per mm


def _map(gain: float) -> np.ndarray:
    """A 60 x 90 px UV crop: blue stripes on a dark violet substrate, exposed by
    ``gain`` (linear) and clipped at the sensor's limit as a reader does."""
    yy, xx = np.mgrid[0:60, 0:90]
    t = np.clip(1.0 - np.abs((xx + yy) % 16 - 6.0) / 5.0, 0.0, 1.0)[..., None]
    lin = (np.array([0.02, 0.01, 0.06]) * (1 - t) + np.array([0.12, 0.35, 0.85]) * t) * gain
    return np.asarray(np.round(np.power(np.clip(lin, 0, 1), 1 / 2.2) * 255), np.uint8)


def _clipped(img: np.ndarray) -> np.ndarray:
    return (img >= CLIP_LEVEL).any(axis=2)


def test_an_over_exposed_glow_has_no_hue_and_a_lit_one_keeps_it() -> None:
    s = _map(1.0)
    over = _map(8.0)  # blue clips over nearly all of each stripe: the colour turns pale
    assert luminescent_measures(over, s, px_per_mm=K)["hue_difference"] > 10.0
    m = luminescent_measures(over, s, px_per_mm=K, q_clipped=_clipped(over))
    assert "hue_difference" not in m
    assert {"strength", "correlation"} <= set(m)
    # the stripes' cores clipped only: the hue comes from the rest of the lit pixels
    some = _map(1.25)
    assert 0 < int(_clipped(some).sum()) < int((some.sum(axis=2) > 200).sum())
    m = luminescent_measures(some, s, px_per_mm=K, q_clipped=_clipped(some))
    assert m["hue_difference"] < 5.0
