"""Cutting a line strip into character cells."""

from __future__ import annotations

import random

import numpy as np
import pytest

from workstation.mrz.ocr import decode, default_classifier, segment_line
from workstation.mrz.render import random_mrz, render_lines


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_dark_columns_beside_the_line_do_not_widen_its_band(seed: int) -> None:
    # the page's edge or a dark background beside the line, dark from the
    # strip's top to its bottom, is no print: the band is the characters' rows
    line = random_mrz(random.Random(seed), "TD3")[1]
    strip = render_lines([line], pitch_px=22.0, margin_px=30)
    strip = np.pad(strip, ((0, 0), (40, 25)), constant_values=255)
    strip[:, :40] = 40
    strip[:, -25:] = 30
    cells = segment_line(strip, 44)
    assert cells is not None
    y0, y1 = cells.band
    assert y0 >= 20 and y1 <= 60 and y1 - y0 < 0.5 * strip.shape[0]
    text, *_ = decode(default_classifier().probabilities(cells.cells))
    assert text == line
