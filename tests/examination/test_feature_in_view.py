"""A feature zone the page carries beyond the capture's edge is judged on the part in
view: the unseen rest is no evidence (issue 22: family 2's genuine passport, seed 1002,
lies with its right edge off the platen image, and its short-wave UV band was failed as
"absent" because a sixth of it was never imaged)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import family2
from workstation.examination.pipeline import examine
from workstation.specimens.library import SpecimenLibrary
from workstation.types import CheckStatus

pytestmark = pytest.mark.slow  # renders two family-2 passports (tens of seconds)

FACE = "NRV-P-2018"


def test_a_band_partly_off_the_image_is_judged_on_the_part_in_view(tmp_path: Path) -> None:
    lib = SpecimenLibrary(tmp_path / "lib", bundled=False)
    lib.import_package(family2.write_specimen(FACE, tmp_path / "pkg"))
    # the bench's genuine capture of seed 1002: textured platen, the page's right edge
    # beyond the image
    cap = family2.genuine_capture(FACE, 1002, platen="textured")
    assert cap.truth["page_visible_fraction"] < 0.99
    ex = examine(cap.capture, library=lib)
    assert ex.specimen_id == FACE
    (band,) = [c for c in ex.checks if c.id == "uv254.luminescent"]
    assert band.status is CheckStatus.PASS, band.message
    assert 0.5 <= band.details["in_view"] < 0.95
    # a zone fully in view is measured whole (no in_view fact)
    (mp,) = [c for c in ex.checks if c.id == "white.microprint"]
    assert "in_view" not in mp.details
