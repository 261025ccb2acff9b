"""Tolerances learned from genuine exemplars (examination.tolerance): the range a
specimen's own statistics allow, the prior when it learned too little, and the
portrait's ghost-image measure."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workstation.examination import thresholds as T
from workstation.examination.tolerance import (
    MIN_LEARNED,
    RULES,
    judge,
    tolerance,
)
from workstation.types import Light, MeasureStat, Stat, Zone


def test_prior_when_too_few_exemplars() -> None:
    tol = tolerance(None, "similarity")
    assert tol.source == "prior" and tol.lo == T.PATTERN_MIN_SIMILARITY and tol.hi is None
    one = tolerance(Stat.of([0.9]), "similarity")
    assert MIN_LEARNED > 1 and one.source == "prior"
    assert tolerance(None, "glow_contrast").source == "none"  # no prior: not judged
    assert tolerance(None, "glow_contrast").holds(0.0)
    with pytest.raises(KeyError):
        tolerance(None, "no_such_measure")


def test_learned_range_from_the_specimens_own_statistics() -> None:
    st = Stat.of([0.90, 0.92, 0.94, 0.91, 0.93])
    tol = tolerance(st, "similarity")
    assert tol.source == "learned" and tol.count == 5 and tol.hi is None
    assert tol.holds(st.min) and tol.holds(0.80)
    assert not tol.holds(0.45)  # a redrawn pattern
    # far above the prior threshold: the specimen's own genuine level, not the constant
    assert tol.lo is not None and tol.lo > T.PATTERN_MIN_SIMILARITY
    # a wide learned spread widens the range; every learned value is always inside
    wide = tolerance(Stat.of([0.3, 0.9, 0.6]), "similarity")
    assert wide.holds(0.3) and wide.lo is not None and wide.lo < tol.lo
    assert "learned from 5 exemplars" in tol.describe()


def test_upper_and_log_sides() -> None:
    green = tolerance(Stat.of([0.12, 0.125, 0.118]), "uv_green_share")
    assert green.lo is None and green.holds(0.13) and not green.holds(0.24)  # brighteners
    strength = tolerance(Stat.of([0.6, 0.9, 0.75]), "strength")
    assert strength.log and strength.holds(0.35) and not strength.holds(0.03)  # erased
    assert math.isclose(strength.bound() or 0.0, math.exp(strength.lo or 0.0))
    detail = tolerance(Stat.of([1.0, 1.1, 0.95]), "fine_detail")
    assert detail.holds(1.0) and not detail.holds(0.3) and not detail.holds(3.0)


def test_a_signed_offset_is_held_both_ways_about_its_learned_mean() -> None:
    # a type's genuine captures share an offset of their own (here -0.06 mm)
    dy = tolerance(Stat.of([-0.05, -0.07, -0.06]), "pattern_dy")
    assert not dy.log and dy.lo is not None and dy.hi is not None
    assert dy.lo < -0.06 < dy.hi and dy.holds(-0.02) and dy.holds(-0.10)
    assert not dy.holds(0.2) and not dy.holds(-0.35)  # a piece from another sheet
    assert tolerance(None, "pattern_dx").source == "none"  # no prior bound: not judged


def test_judge_uses_learned_statistics_or_says_it_cannot() -> None:
    learned = Zone("bg", (0, 0, 10, 10), stats=(
        MeasureStat(Light.WHITE, "similarity", Stat.of([0.9, 0.92])),))
    js = judge(learned, Light.WHITE, {"similarity": 0.5, "fine_detail": 1.0},
               ("similarity", "fine_detail"))
    assert js is not None and len(js) == 1 and not js[0].ok
    assert js[0].to_json()["source"] == "learned"
    bare = Zone("bg", (0, 0, 10, 10))
    assert judge(bare, Light.WHITE, {"similarity": 0.5}, ("similarity",)) is None
    prior = judge(bare, Light.WHITE, {"similarity": 0.5}, ("similarity",), prior=True)
    assert prior is not None and prior[0].ok and prior[0].tolerance.source == "prior"
    assert set(RULES) >= {"uv_level", "strength", "ir_print_ratio", "similarity",
                          "pattern_shift", "registration_quality"}
    # the ghost image is judged by ghost.portrait alone (its ghost_residual), not twice
    assert "ghost_similarity" not in RULES




def test_the_uv_border_step_ignores_the_holders_photo_and_sees_other_paper() -> None:
    from workstation.examination.portrait_measures import portrait_border_uv

    px_mm = 8.0
    h, w = 400, 320
    frame = (80, 80, 160, 240)  # x, y, w, h (px)
    white = np.full((h, w, 3), 235, np.uint8)
    uv = np.full((h, w, 3), 60, np.uint8)
    specimen_white, specimen_uv = white.copy(), uv.copy()
    # the holder's photo: dark clothing absorbs the paper's glow, a light backdrop does not
    holder_white, holder_uv = white.copy(), uv.copy()
    holder_white[200:320, 80:240] = 40
    holder_uv[200:320, 80:240] = 15
    same = portrait_border_uv(holder_uv, specimen_uv, holder_white, specimen_white, frame,
                              px_per_mm=px_mm)["uv_border_step"]
    assert same == pytest.approx(1.0, abs=0.01)
    # a photo on paper that glows less, pasted over the frame with a 0.5 mm overlap
    pasted = holder_uv.copy()
    pasted[76:324, 76:244] = (pasted[76:324, 76:244] * 0.85).astype(np.uint8)
    step = portrait_border_uv(pasted, specimen_uv, holder_white, specimen_white, frame,
                              px_per_mm=px_mm)["uv_border_step"]
    assert step < 0.9
    assert not tolerance(Stat(n=3, mean=1.0, sd=0.004, min=0.995, max=1.005),
                         "uv_border_step").holds(step)
    assert tolerance(None, "uv_border_step").source == "none"  # not judged on priors
