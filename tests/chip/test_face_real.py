"""The chip face decision on real portraits (``mrz-images`` of the shared test data, cut
by ``portrait_from_page``): two captures of one printed photograph match, another person
does not — the pairs at the edges of ``python -m bench.faces``."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from workstation.chip.face import FACE_THRESHOLD, IDENTITY_THRESHOLD, compare_faces, face_matched
from workstation.imaging.faces import portrait_from_page
from workstation.types import Image


def _portrait(testdata: Path, name: str) -> Image:
    path = testdata / "mrz-images" / name
    if not path.is_file():
        pytest.skip(f"{path} missing")
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    assert bgr is not None
    cut = portrait_from_page(np.asarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), np.uint8))
    assert cut is not None, f"no face found in {name}"
    return cut


@pytest.mark.parametrize(("a", "b"), [
    # the TD3 passport and the TD2 travel document: one photograph printed twice
    ("passporteye/100_pass-uto.jpg", "passporteye/tests_data/passport-td2.jpg"),
    # the lowest genuine pair of the calibration (a 275 px photograph of the page)
    ("passporteye/25_pass-uto.jpg", "passporteye/tests_data/passport-td2.jpg"),
    # the test half's pair: one photograph in a passport and in a visa (two holders)
    ("passporteye/100_pass-polx.jpg", "passporteye/100_visa-polx.jpg"),
])
def test_two_captures_of_one_photograph_match(testdata: Path, a: str, b: str) -> None:
    c = compare_faces(_portrait(testdata, a), _portrait(testdata, b))
    assert c.score >= FACE_THRESHOLD
    assert c.identity_distance is not None and c.identity_distance < IDENTITY_THRESHOLD
    assert c.matched and c.same_person is True


@pytest.mark.parametrize(("a", "b"), [
    # ERIKSSON<<ANNA<MARIA: the woman of the TD3 passport, the man of the TD2 specimen
    ("passporteye/tests_data/passport-td3.jpg", "yushulx/images_2.png"),
    # SPECIMEN<<VZOR: a man in one Czech passport, a woman in the other
    ("passporteye/100_pass-cze.jpg", "passporteye/100_pass-cze2.jpg"),
    # two different persons scoring high in the test half (0.85 under the former score)
    ("passporteye/100_pass-polx.jpg", "passporteye/79_pass-hun.png"),
])
def test_another_person_does_not_match(testdata: Path, a: str, b: str) -> None:
    c = compare_faces(_portrait(testdata, a), _portrait(testdata, b))
    assert c.score < FACE_THRESHOLD
    assert not c.matched
    if c.identity_distance is not None:
        assert c.identity_distance >= IDENTITY_THRESHOLD and c.same_person is False


def test_the_decision_needs_the_photo_and_does_not_overrule_it_without_faces() -> None:
    assert face_matched(FACE_THRESHOLD, None)
    assert face_matched(0.999, IDENTITY_THRESHOLD - 0.01)
    assert not face_matched(FACE_THRESHOLD - 0.001, None)
    assert not face_matched(FACE_THRESHOLD - 0.001, 0.0)
    # the same photograph by the pixels, another person by dlib: not a match
    assert not face_matched(0.999, IDENTITY_THRESHOLD)


def test_another_person_by_dlib_is_a_warning_that_says_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A portrait that correlates with the chip photo but is another person to dlib:
    FACE_MISMATCH with the identity message, the distances in the details."""
    from workstation.chip import face
    from workstation.chip.files import collect
    from workstation.chip.verify import chip_checks, verify_chip
    from workstation.hardware.simulate_cli import simulate_capture
    from workstation.types import CheckStatus

    cap = simulate_capture("UTO-P-2020", forgery=None, seed=35, dpi=100.0, cropped=True,
                           chip=True)
    files, record = collect(cap.chip_files)
    v = verify_chip(files, record=record)
    chip_face = v.face_image()
    assert chip_face is not None
    real = face.compare_faces

    def other_person(a: Image, b: Image, **kw: float) -> face.FaceComparison:
        c = real(a, b, **kw)
        return face.FaceComparison(**{**c.__dict__, "score": 0.995,
                                      "identity_distance": IDENTITY_THRESHOLD + 0.05,
                                      "matched": face_matched(0.995,
                                                              IDENTITY_THRESHOLD + 0.05)})

    monkeypatch.setattr(face, "compare_faces", other_person)
    result = next(c for c in chip_checks(v, portrait=chip_face) if c.id == "chip.face")
    assert result.status is CheckStatus.WARN and result.code == "FACE_MISMATCH"
    assert "another person" in result.message and "similarity 0.995" in result.message
    assert result.details["identity_threshold"] == IDENTITY_THRESHOLD
    monkeypatch.setattr(face, "compare_faces", real)
    same = next(c for c in chip_checks(v, portrait=chip_face) if c.id == "chip.face")
    assert same.status is CheckStatus.PASS and same.code == "FACE_MATCH"
