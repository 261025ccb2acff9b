"""Measures that have nothing to measure say so (zone_measures): a glow's hue is
measured over the same pixels on both sides and not at all on a glow with no colour."""

from __future__ import annotations

import numpy as np

from workstation.examination.zone_measures import (
    MIN_GLOW_CHROMA,
    chroma_share,
    luminescent_measures,
)

K = 6.0  # px per mm


def _stripes(body: tuple[int, int, int], core: tuple[int, int, int],
             substrate: tuple[int, int, int] = (40, 25, 90)) -> np.ndarray:
    """A 60 x 90 px UV crop: diagonal stripes of ``body`` colour, brightest in the
    middle of each stripe, whose centre lines are ``core`` (a bright ink that reaches
    the sensor's limit there)."""
    yy, xx = np.mgrid[0:60, 0:90]
    phase = (xx + yy) % 16
    t = np.clip(1.0 - np.abs(phase - 6.0) / 5.0, 0.0, 1.0)[..., None]
    img = np.asarray(substrate, np.float32) * (1 - t) + np.asarray(body, np.float32) * t
    img[phase == 6] = core
    return np.asarray(np.round(img), np.uint8)


def test_a_glow_measured_against_itself_has_no_hue_difference() -> None:
    # a blue-green body whose bright core is clipped pale: the brightest tenth and the
    # lit half differ in colour; both sides must be measured on the same pixels
    img = _stripes((60, 200, 170), (250, 255, 240))
    m = luminescent_measures(img, img, px_per_mm=K)
    assert m["hue_difference"] < 1.0
    assert m["strength"] == 1.0


def test_a_glow_of_another_colour_is_told() -> None:
    s = _stripes((60, 200, 170), (250, 255, 240))
    q = _stripes((220, 90, 40), (255, 250, 240))
    assert luminescent_measures(q, s, px_per_mm=K)["hue_difference"] > 60.0


def test_a_glow_with_no_colour_has_no_hue_to_compare() -> None:
    s = _stripes((225, 230, 225), (250, 252, 250))
    q = _stripes((230, 225, 215), (252, 250, 245))
    m = luminescent_measures(q, s, px_per_mm=K)
    assert "hue_difference" not in m
    assert {"strength", "correlation", "glow_contrast"} <= set(m)


def test_chroma_share() -> None:
    assert chroma_share((1.0, 1.0, 1.0)) == 0.0
    assert chroma_share((0.0, 0.0, 0.0)) == 0.0
    assert chroma_share((1.0, 0.0, 0.0)) > 0.8
    assert chroma_share((0.49, 0.78, 0.71)) < MIN_GLOW_CHROMA < chroma_share((0.3, 0.64, 0.96))

