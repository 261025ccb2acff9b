"""Faces: dlib's detector, 5-point landmarks and ResNet identity descriptor, shared by
the chip's face check, the examination and specimen authoring.

- :func:`detect_face` finds the largest face with its box and 5 landmarks;
- :func:`face_descriptor` and :func:`identity_distance` give dlib's 128-d descriptor and
  the Euclidean distance between two faces (dlib's own published operating point for
  "same person" is 0.6, measured by dlib on the LFW benchmark; the project's own
  operating points live with the decisions that use them, e.g. ``workstation.chip.face``);
- :func:`portrait_from_page` cuts the printed portrait around the face found on a page.

Models: dlib (Boost licence) and the CC0 models of the ``face_recognition_models``
package, loaded from the installed package or ``resources/face`` in the application
bundle (nothing is downloaded). The models are loaded once per process; dlib's objects
are not thread-safe, so every call into them holds one lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image

#: dlib's frontal face detector as dlib serialises it (``resources/face/``).
DETECTOR_FILE = "frontal_face_detector.svm"
#: dlib's 5-point landmark predictor in ``face_recognition_models``.
LANDMARKS_FILE = "shape_predictor_5_face_landmarks.dat"
#: dlib's ResNet face descriptor network in ``face_recognition_models``.
DESCRIPTOR_FILE = "dlib_face_recognition_resnet_model_v1.dat"

#: Faces are searched on images at least this large (longer side, px): dlib's HOG
#: detector finds faces of about 80 px and more.
_MIN_SIDE = 240

_LOCK = threading.Lock()
_MODELS: tuple[Any, Any, Any] | None = None
_MODELS_LOCK = threading.Lock()


def model_file(name: str) -> str:
    """Path of one model file: ``resources/face/`` in the application bundle, else the
    installed ``face_recognition_models`` package, found without importing it (its
    ``__init__`` needs setuptools' ``pkg_resources``).

    Raises:
        FileNotFoundError: the package or the file is missing.
    """
    import importlib.util
    from pathlib import Path

    from workstation.paths import resource

    bundled = resource("face", name)  # the application bundle ships the two files here
    if bundled.is_file():
        return str(bundled)
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the face_recognition_models package is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / name
    if not path.is_file():
        raise FileNotFoundError(f"face model {name} is missing from face_recognition_models")
    return str(path)


def _detector() -> Any:
    """dlib's frontal face detector, loaded from its serialised form
    (``resources/face/frontal_face_detector.svm``, written by
    ``tools/make_face_detector.py``: about 1 ms) instead of rebuilt from the string
    compiled into dlib (about 500 ms of CPU); the same detector either way."""
    import dlib

    from workstation.paths import resource

    path = resource("face", DETECTOR_FILE)
    if path.is_file():
        return dlib.fhog_object_detector(str(path))
    return dlib.get_frontal_face_detector()


def _models() -> tuple[Any, Any, Any]:
    """Detector, landmark predictor and descriptor network, loaded once per process (a
    second thread asking meanwhile waits for the first)."""
    global _MODELS
    with _MODELS_LOCK:
        if _MODELS is None:
            import dlib

            _MODELS = (_detector(),
                       dlib.shape_predictor(model_file(LANDMARKS_FILE)),
                       dlib.face_recognition_model_v1(model_file(DESCRIPTOR_FILE)))
        return _MODELS


def load_models() -> None:
    """Load the face detector, landmark predictor and descriptor network now (once per
    process; :func:`workstation.session.warmup.warm_up` calls it at start)."""
    _models()


def to_rgb(image: Image) -> Image:
    """``uint8`` RGB ``(h, w, 3)``, contiguous, of a grey ``(h, w)`` or RGB(A) image."""
    if image.ndim == 2:
        return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_GRAY2RGB))
    return np.ascontiguousarray(image[..., :3])


@dataclass(frozen=True)
class Face:
    """One face found in an image.

    Attributes:
        box: ``(x0, y0, x1, y1)`` px of the image searched: the detector's face box.
        points: the 5 landmarks ``(5, 2)`` (x, y px of the image searched): the outer and
            inner corner of one eye, of the other, and the base of the nose (dlib's order).
        image: the image the detector ran on (``uint8`` RGB, possibly enlarged).
        shape: dlib's landmark object on ``image`` (for the descriptor).
    """

    box: tuple[float, float, float, float]
    points: npt.NDArray[np.float64]
    image: Image
    shape: Any

    @property
    def eye_distance(self) -> float:
        """Distance between the two eyes' outer corners (px of the image searched)."""
        return float(np.linalg.norm(self.points[0] - self.points[2]))


def detect_face(image: Image) -> Face | None:
    """The largest face in ``image`` (grey or RGB ``uint8``) with its box and 5 landmarks,
    or ``None``. Small images are enlarged to :data:`_MIN_SIDE` px first (the detector's
    smallest face is about 80 px); coordinates are those of ``image``."""
    if image.size == 0:
        return None
    detector, predictor, _ = _models()
    img = to_rgb(image)
    if max(img.shape[:2]) < _MIN_SIDE:
        s = _MIN_SIDE / max(img.shape[:2])
        img = np.ascontiguousarray(cv2.resize(img, None, fx=s, fy=s,
                                              interpolation=cv2.INTER_CUBIC))
    scale = img.shape[1] / image.shape[1]
    with _LOCK:
        found = detector(img, 1 if max(img.shape[:2]) < 480 else 0)
        if not found:
            return None
        rect = max(found, key=lambda r: r.area())
        shape = predictor(img, rect)
    pts = np.array([[shape.part(i).x, shape.part(i).y] for i in range(5)], np.float64)
    box = (rect.left() / scale, rect.top() / scale, rect.right() / scale,
           rect.bottom() / scale)
    return Face(box, pts / scale, img, shape)


def find_face(image: Image) -> npt.NDArray[np.float64] | None:
    """The 5 landmarks ``(5, 2)`` (x, y px) of the largest face in ``image``, or ``None``."""
    face = detect_face(image)
    return None if face is None else face.points


def face_descriptor(face: Face) -> npt.NDArray[np.float64]:
    """dlib's ResNet descriptor ``(128,)`` of a face (unit-free; compare by Euclidean
    distance)."""
    _, _, recogniser = _models()
    with _LOCK:
        return np.array(recogniser.compute_face_descriptor(face.image, face.shape))


def identity_distance(a: Face, b: Face) -> float:
    """Euclidean distance between two faces' descriptors (0 = the same image; dlib's
    published "same person" operating point is 0.6)."""
    return float(np.linalg.norm(face_descriptor(a) - face_descriptor(b)))


#: Framing of a printed portrait around the eyes, in outer-eye-corner distances (the
#: distance between the two eyes' outer corners): half the width, and above and below the
#: eyes. Measured by eye on the real specimen captures of ``mrz-images`` (ICAO 9303's
#: Utopia passport: photo 3.0 x 3.8 eye distances, eyes at 0.42 of the height from the
#: top; the other passports within about 10 %).
PORTRAIT_FRAME = (1.5, 1.6, 2.2)

#: Pages whose longer side is below this (px) are enlarged before the face is searched:
#: the portrait of an ID card photographed at 280 px is about 40 px wide.
_PAGE_SIDE = 900


def portrait_from_page(page: Image) -> Image | None:
    """The printed portrait cut around the largest face found on a page (when no
    specimen tells where the portrait is): the eyes framed by :data:`PORTRAIT_FRAME`,
    ``uint8`` RGB in the page's own pixels; ``None`` when no face is found."""
    rgb = to_rgb(page)
    scale = _PAGE_SIDE / max(rgb.shape[:2])
    small: Image = np.ascontiguousarray(cv2.resize(
        rgb, None, fx=scale, fy=scale,
        interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC), dtype=np.uint8)
    pts = find_face(small)
    if pts is None:
        return None
    pts = pts / scale
    eyes = pts[[0, 2]].mean(axis=0)
    eye = float(np.linalg.norm(pts[0] - pts[2]))
    half_w, above, below = (f * eye for f in PORTRAIT_FRAME)
    x0, x1 = int(max(0, eyes[0] - half_w)), int(min(rgb.shape[1], eyes[0] + half_w))
    y0, y1 = int(max(0, eyes[1] - above)), int(min(rgb.shape[0], eyes[1] + below))
    if x1 - x0 < 16 or y1 - y0 < 16:
        return None
    return np.ascontiguousarray(rgb[y0:y1, x0:x1])
