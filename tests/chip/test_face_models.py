"""The face detector shipped in resources/face is dlib's own, byte for byte."""

from __future__ import annotations

import numpy as np

from workstation.chip import face
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
