"""A page partly beyond the captured image: each zone is judged on the part in view,
and a zone too far out to judge keeps the verdict from ``pass`` (issue 16: family 2's
card front, seed 2002, lay with its top-right corner off the image; the redrawn
background there was skipped ``ZONE_OUTSIDE`` and the forgery passed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bench import family2
from bench.examine_family2 import _make, build_library
from workstation.capture import load_capture
from workstation.examination.pipeline import examine
from workstation.types import CheckStatus, Verdict

pytestmark = pytest.mark.slow  # renders and teaches a family-2 card (about a minute)

FACE = "NRV-ID-2019-F"
SEED = 2002


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> object:
    # one exemplar taught two more genuine captures, as the bench's specimen
    return build_library(tmp_path_factory.mktemp("lib"), faces=[FACE])


def test_a_redrawn_zone_partly_off_the_image_is_judged_on_the_part_in_view(
        library: object, tmp_path: Path) -> None:
    folder = Path(_make((FACE, "background_redrawn", SEED, str(tmp_path / "forged"))))
    truth = family2.read_truth(folder)
    assert truth["corners_inside"] < 1.0  # a corner of the card lies beyond the image
    ex = examine(load_capture(folder), library=library)  # type: ignore[arg-type]
    assert ex.specimen_id == FACE
    (bg,) = [c for c in ex.checks if c.id == "white.match" and c.zone == "background"]
    assert bg.status is CheckStatus.FAIL, bg.message
    assert 0.5 <= bg.details["in_view"] < 1.0
    assert ex.verdict is Verdict.FAIL


def test_zones_beyond_the_image_keep_a_genuine_page_from_passing(library: object) -> None:
    cap = family2.genuine_capture(FACE, SEED)
    corners = np.asarray(cap.truth["corners_px"], float)
    x0, x1 = corners[:, 0].min(), corners[:, 0].max()
    whole = examine(cap.capture, library=library)  # type: ignore[arg-type]
    assert whole.verdict is Verdict.PASS
    (shown,) = [c for c in whole.checks if c.id == "capture.page_shown"]
    assert shown.code == "PAGE_SHOWN"
    # the image ends a fifth of the card's width before its right edge
    cut = int(x1 - 0.2 * (x1 - x0))
    images = {light: img[:, :cut] for light, img in cap.capture.images.items()}
    ex = examine(replace(cap.capture, images=images), library=library)  # type: ignore[arg-type]
    assert ex.specimen_id == FACE
    (page,) = [c for c in ex.checks if c.id == "capture.page_shown"]
    assert page.status is CheckStatus.WARN and page.code == "PAGE_CUT"
    assert "background" in page.details["zones_cut"]
    skipped = {c.zone for c in ex.checks if c.code == "ZONE_OUTSIDE"}
    assert "background" in skipped
    # nothing genuine is failed for what is missing, nor for what is shown (the fit
    # stays on the design the image shows: the portrait's UV print is in register)
    assert [c.id for c in ex.checks if c.status is CheckStatus.FAIL] == []
    assert ex.verdict is Verdict.INCONCLUSIVE
