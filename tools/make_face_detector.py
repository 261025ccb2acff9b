"""Write dlib's frontal face detector to ``resources/face/frontal_face_detector.svm``.

``dlib.get_frontal_face_detector()`` rebuilds the detector from a string compiled
into dlib, which costs about half a second of CPU in every process that compares a
face; loading the same detector from its serialised form takes a millisecond. The
file is dlib's own model (Boost Software License 1.0), written by dlib itself;
``tests/imaging/test_faces.py`` checks it is byte for byte what the installed
dlib builds. Run again when dlib is upgraded:

    .venv/bin/python tools/make_face_detector.py
"""

from __future__ import annotations

import dlib

from workstation.imaging.faces import DETECTOR_FILE
from workstation.paths import resource

if __name__ == "__main__":
    out = resource("face", DETECTOR_FILE)
    out.parent.mkdir(parents=True, exist_ok=True)
    dlib.get_frontal_face_detector().save(str(out))
    print(f"wrote {out} ({out.stat().st_size} bytes, dlib {dlib.__version__})")
