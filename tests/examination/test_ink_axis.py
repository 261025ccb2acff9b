"""``ink_axis`` (issue 17): a scan-and-reprint found by the colour of its print, which a
capture's focus, exposure and white balance do not move."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from workstation.examination.ink_axis import ink_axis
from workstation.examination.zone_measures import match_measures
from workstation.specimens.edit_model import Layout
from workstation.specimens.printscan import reprint_page
from workstation.types import Light

PX_MM = 200 / 25.4
GAMMA = 2.2
PAPER = np.array([0.86, 0.84, 0.78], np.float32)  # linear reflectance
INK = np.array([0.35, 0.62, 0.70], np.float32)  # a pale teal spot ink


def _coverage(shape: tuple[int, int] = (120, 240)) -> np.ndarray:
    """A guilloche-like field of waving lines (0..1 ink coverage)."""
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]].astype(np.float32) / PX_MM
    wave = np.cos(2 * np.pi * (xx + 0.8 * np.sin(yy / 1.3)) / 1.2)
    rosette = np.cos(2 * np.pi * (yy + 0.5 * np.sin(xx / 2.1)) / 1.6)
    return np.clip((wave - 0.2) / 0.5, 0, 1) * 0.9 + np.clip((rosette - 0.6) / 0.4, 0, 1) * 0.4


def _capture(cov: np.ndarray, *, blur: float = 0.0, gain: tuple[float, float, float] = (1, 1, 1),
             light: float = 1.0, ink: np.ndarray = INK, seed: int = 0) -> np.ndarray:
    """The print seen by a reader: linear mixing of paper and ink, then the reader's
    focus, exposure, white balance and noise, gamma-encoded to 8 bits."""
    c = np.clip(cov, 0.0, 1.0)[..., None]
    lin = PAPER * (1 - c) + PAPER * ink / PAPER.max() * c
    if blur > 0:
        lin = cv2.GaussianBlur(lin, (0, 0), blur)
    lin = lin * light * np.asarray(gain, np.float32)
    lin = lin + np.random.default_rng(seed).normal(0, 0.004, lin.shape).astype(np.float32)
    return np.clip(np.rint(np.power(np.clip(lin, 0, 1), 1 / GAMMA) * 255), 0, 255).astype(
        np.uint8)


def test_focus_exposure_and_white_balance_do_not_turn_the_axis() -> None:
    cov = _coverage()
    spec = _capture(cov, blur=0.5)
    for kw in ({"blur": 1.4}, {"light": 0.8}, {"gain": (1.08, 1.0, 0.9)},
               {"blur": 1.0, "light": 1.1, "gain": (0.93, 1.0, 1.1), "seed": 3}):
        m = ink_axis(_capture(cov, **kw), spec, px_per_mm=PX_MM)  # type: ignore[arg-type]
        assert m["ink_axis"] < 1.0, kw


def test_another_ink_turns_it() -> None:
    cov = _coverage()
    spec = _capture(cov, blur=0.5)
    other = INK * np.array([1.0, 0.93, 1.06], np.float32)  # a near match of the colour
    assert ink_axis(_capture(cov, blur=0.5, ink=other), spec, px_per_mm=PX_MM)[
        "ink_axis"] > 2.0


def test_a_scan_and_reprint_in_process_toners_turns_it() -> None:
    cov = _coverage((160, 320))
    page = _capture(cov, blur=0.5)
    layout = Layout(size_mm=(320 / PX_MM, 160 / PX_MM))
    edited, _mask, _truth = reprint_page(pages={Light.WHITE: page}, layout=layout,
                                         px_per_mm=PX_MM, rng=np.random.default_rng(1),
                                         paper="dull")
    genuine = ink_axis(_capture(cov, blur=0.9, seed=5), page, px_per_mm=PX_MM)["ink_axis"]
    forged = ink_axis(edited[Light.WHITE], page, px_per_mm=PX_MM)["ink_axis"]
    assert forged > genuine + 2.0


def test_not_measured_where_there_is_no_colour_to_read() -> None:
    blank = _capture(np.zeros((120, 240), np.float32))
    assert ink_axis(blank, blank, px_per_mm=PX_MM) == {}
    grey = cv2.cvtColor(_capture(_coverage()), cv2.COLOR_RGB2GRAY)
    assert ink_axis(grey, grey, px_per_mm=PX_MM) == {}
    assert "ink_axis" not in match_measures(grey, grey, px_per_mm=PX_MM)


def test_match_measures_carry_it() -> None:
    cov = _coverage()
    m = match_measures(_capture(cov, blur=1.0), _capture(cov, blur=0.5), px_per_mm=PX_MM)
    assert set(m) == {"similarity", "fine_detail", "ink_axis"}
    assert m["ink_axis"] == pytest.approx(0.0, abs=1.0)
