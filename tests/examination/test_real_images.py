"""Real photographs and scans of documents (white light only, no specimen in the
library): the examination never crashes, runs the generic MRZ checks, skips the
UV and IR checks with their reason, and its verdict follows the checks: ``fail``
only when a check failed (a printed MRZ whose check digits are wrong), otherwise
``inconclusive`` — never ``pass`` without a specimen and the other lights, and no
false alarm on a genuine MRZ read exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workstation.examination.pipeline import examine
from workstation.imageio import read_image
from workstation.types import CaptureSet, CheckStatus, Light, Verdict


def _images(testdata: Path) -> list[dict[str, Any]]:
    truth = json.loads((testdata / "mrz-images" / "groundtruth.json").read_text("utf-8"))
    return [img for img in truth["images"] if (testdata / "mrz-images" / img["path"]).is_file()]


@pytest.mark.slow
def test_white_only_real_images(testdata: Path, tmp_path: Path) -> None:
    from workstation.specimens.library import SpecimenLibrary

    library = SpecimenLibrary(tmp_path / "empty", bundled=False)
    images = _images(testdata)
    assert images
    valid_read = 0
    for entry in images:
        img = read_image(testdata / "mrz-images" / entry["path"])
        ex = examine(CaptureSet(images={Light.WHITE: img}), library=library,
                     capture_path=entry["path"])
        failed = sorted(c.id for c in ex.checks if c.status is CheckStatus.FAIL)
        assert ex.verdict is (Verdict.FAIL if failed else Verdict.INCONCLUSIVE), (
            entry["path"], failed)
        by_id = {c.id: c for c in ex.checks}
        for check_id in ("uv.dull_paper", "ir.visible"):
            assert by_id[check_id].status is CheckStatus.SKIPPED
            assert by_id[check_id].code == "LIGHT_MISSING"
        assert by_id["capture.lights"].status is CheckStatus.WARN
        checksum = by_id["mrz.checksum"]
        if ex.mrz is not None and ex.mrz.found and ex.mrz.format:
            assert (checksum.status is CheckStatus.PASS) == bool(ex.mrz.valid)
            truth_valid = entry["computed_icao_check_digits"]["all_valid"]
            if ex.mrz.valid and ex.mrz.lines == entry["mrz_lines"]:
                assert truth_valid
                assert "mrz.checksum" not in failed, entry["path"]
                valid_read += 1
            if ex.mrz.lines == entry["mrz_lines"] and not truth_valid:
                # an inconsistent printed MRZ, read exactly: the document fails
                assert checksum.status is CheckStatus.FAIL, entry["path"]
                assert ex.verdict is Verdict.FAIL, entry["path"]
        else:
            assert checksum.status is CheckStatus.SKIPPED
    # The MRZ of most clean images is read and validated through the examination.
    assert valid_read >= 10


@pytest.mark.slow
def test_a_photo_of_both_faces_is_examined_on_the_face_with_the_mrz(testdata: Path,
                                                                    tmp_path: Path) -> None:
    """A card photographed front and back side by side: the page finder may pick the back
    (no MRZ). The MRZ read elsewhere in the image is examined, so a printed MRZ whose check
    digits are wrong fails ``mrz.checksum`` instead of leaving the document unread."""
    from workstation.specimens.library import SpecimenLibrary

    path = testdata / "mrz-images" / "passporteye" / "33_id-usa.jpg"
    if not path.is_file():
        pytest.skip("mrz-images/passporteye/33_id-usa.jpg is not in the test data")
    library = SpecimenLibrary(tmp_path / "empty", bundled=False)
    ex = examine(CaptureSet(images={Light.WHITE: read_image(path)}), library=library)
    assert ex.mrz is not None and ex.mrz.found
    assert ex.mrz.lines[2].startswith("CRITTENDEN<<LEE<W")
    by_id = {c.id: c for c in ex.checks}
    assert by_id["mrz.checksum"].status is CheckStatus.FAIL
    assert ex.verdict is Verdict.FAIL


def test_outside_the_page() -> None:
    import numpy as np

    from workstation.examination.pipeline import _outside

    page = np.array([[300, 10], [580, 9], [580, 170], [295, 170]], np.float64)
    left = [[10, 125], [263, 126], [263, 164], [11, 164]]
    inside = [[320, 125], [560, 126], [560, 164], [320, 164]]
    assert _outside(left, page) and not _outside(inside, page)
    assert not _outside(None, page)
