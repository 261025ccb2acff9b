"""The shared face module: dlib's detector (shipped in resources/face, byte for byte dlib's
own), landmarks, descriptor and the portrait cut from a page."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.imaging import faces as face
from workstation.paths import resource
from workstation.specimens.portrait import draw_portrait, face_for


def test_shipped_detector_is_dlibs_frontal_face_detector(tmp_path) -> None:
    import dlib

    shipped = resource("face", face.DETECTOR_FILE)
    assert shipped.is_file(), "run tools/make_face_detector.py"
    built = tmp_path / "built.svm"
    dlib.get_frontal_face_detector().save(str(built))
    assert shipped.read_bytes() == built.read_bytes(), (
        "resources/face/frontal_face_detector.svm is not what this dlib builds: "
        "run tools/make_face_detector.py")


def test_shipped_detector_finds_the_same_face() -> None:
    import dlib

    portrait = (draw_portrait(face_for(5), 400, 320) * 255).clip(0, 255).astype(np.uint8)
    a = face._detector()(portrait, 1)
    b = dlib.get_frontal_face_detector()(portrait, 1)
    assert len(a) == len(b) == 1
    assert (a[0].left(), a[0].top(), a[0].right(), a[0].bottom()) == \
        (b[0].left(), b[0].top(), b[0].right(), b[0].bottom())
    assert face.find_face(portrait) is not None


def test_detect_face_box_and_landmarks_in_the_image_coordinates() -> None:
    portrait = (draw_portrait(face_for(5), 400, 320) * 255).clip(0, 255).astype(np.uint8)
    found = face.detect_face(portrait)
    assert found is not None
    x0, y0, x1, y1 = found.box
    assert 0 <= x0 < x1 <= 320 and 0 <= y0 < y1 <= 400
    # the eyes' corners and the nose lie inside the detector's box (a little slack)
    assert ((found.points[:, 0] > x0 - 5) & (found.points[:, 0] < x1 + 5)).all()
    assert ((found.points[:, 1] > y0 - 5) & (found.points[:, 1] < y1 + 5)).all()
    # a small copy (enlarged internally) finds the same face, scaled
    small = portrait[::2, ::2].copy()
    half = face.detect_face(small)
    assert half is not None
    assert np.abs(half.points * 2 - found.points).max() < 0.12 * found.eye_distance
    assert face.detect_face(np.full((300, 300, 3), 200, np.uint8)) is None


def test_identity_distance_same_image_is_zero_and_grows_with_change() -> None:
    portrait = (draw_portrait(face_for(5), 400, 320) * 255).clip(0, 255).astype(np.uint8)
    a, b = face.detect_face(portrait), face.detect_face(portrait.copy())
    assert a is not None and b is not None
    assert face.identity_distance(a, b) < 1e-6
    assert face.face_descriptor(a).shape == (128,)
    flipped = face.detect_face(np.ascontiguousarray(portrait[:, ::-1]))
    assert flipped is not None
    assert face.identity_distance(a, flipped) > 0


def test_portrait_from_a_real_specimen_page(testdata) -> None:
    """A real photographed specimen (the Utopia passport of ICAO 9303): the cut holds the
    face found again, and is a small part of the page."""
    import cv2

    path = testdata / "mrz-images" / "passporteye" / "tests_data" / "passport-td3.jpg"
    if not path.is_file():
        pytest.skip(f"{path} missing")
    page = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
    cut = face.portrait_from_page(page)
    assert cut is not None
    # the photograph (about 300 x 385 px of this scan) and little else: no MRZ, no text
    assert 250 < cut.shape[1] < 360 and 330 < cut.shape[0] < 440
    again = face.detect_face(cut)
    assert again is not None
    # the eyes at about 0.42 of the cut's height, centred across
    eyes = again.points[[0, 2]].mean(axis=0)
    assert abs(eyes[0] / cut.shape[1] - 0.5) < 0.05
    assert abs(eyes[1] / cut.shape[0] - 0.42) < 0.05
    assert face.portrait_from_page(np.full((500, 700, 3), 230, np.uint8)) is None
