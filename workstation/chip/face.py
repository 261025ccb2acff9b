"""The chip's face against the printed portrait.

On a genuine document the printed portrait is the chip's photograph (DG2),
reproduced by the printer: so the decision is *is this the same photograph*,
scored as the correlation of the two images once aligned and smoothed past the
print screen (0..1, 1 = identical). The faces are aligned on their landmarks
(dlib's HOG face detector and 5-point shape predictor) when both are found, or
by the portrait zone's own geometry (the chip image fills the zone) refined by
ECC when not. dlib's ResNet face descriptor distance (the identity of the
person, published operating point 0.6) is reported beside it as evidence; it is
not the decision (on the simulator's painted faces it does not separate
different people, see ``bench/chip.py``).

Models: dlib (Boost licence) and the CC0 models of the ``face_recognition_models``
package, loaded from the installed package (nothing is downloaded).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image

#: Photo similarity below which the portrait is reported as not the chip's photograph.
#: ``python -m bench.chip --calibrate`` (seeds 20000-20011, both documents: 24 genuine
#: pairs, lowest 0.9964; 48 substituted, highest 0.9781): half-way, rounded down. The
#: evaluation in ``bench.chip`` uses other seeds. No real chip/page pairs were at hand:
#: re-derive it from genuine exemplars of the documents examined.
FACE_THRESHOLD = 0.98

#: dlib's published operating point for its face descriptor (same person below it).
IDENTITY_THRESHOLD = 0.6

#: dlib's frontal face detector as dlib serialises it (``resources/face/``).
DETECTOR_FILE = "frontal_face_detector.svm"

#: Comparison size (width, height) in pixels of the aligned faces.
_SIZE = (96, 120)

_LOCK = threading.Lock()


@dataclass(frozen=True)
class FaceComparison:
    """Outcome of comparing two face images.

    Attributes:
        score: photo similarity 0..1 (correlation of the aligned, smoothed grey images).
        threshold: the score a genuine pair reaches.
        matched: ``score >= threshold``.
        aligned_by: ``landmarks`` or ``portrait zone``.
        identity_distance: dlib descriptor distance (``None`` when a face was not found).
        chip_face_found, printed_face_found: the detector found a face in each image.
        chip: the chip's face as compared (``uint8`` RGB, ``_SIZE``).
        printed: the printed portrait aligned onto it (``uint8`` RGB, same size).
    """

    score: float
    threshold: float
    matched: bool
    aligned_by: str
    identity_distance: float | None
    chip_face_found: bool
    printed_face_found: bool
    chip: Image
    printed: Image


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


_MODELS: tuple[Any, Any, Any] | None = None
_MODELS_LOCK = threading.Lock()


def _models() -> tuple[Any, Any, Any]:
    """Detector, landmark predictor and descriptor network, loaded once per process (a
    second thread asking meanwhile waits for the first)."""
    global _MODELS
    with _MODELS_LOCK:
        if _MODELS is None:
            import dlib

            _MODELS = (_detector(),
                       dlib.shape_predictor(model_file("shape_predictor_5_face_landmarks.dat")),
                       dlib.face_recognition_model_v1(
                           model_file("dlib_face_recognition_resnet_model_v1.dat")))
        return _MODELS


def load_models() -> None:
    """Load the face detector, landmark predictor and descriptor network now (once per
    process; :func:`workstation.session.warmup.warm_up` calls it at start)."""
    _models()


def _rgb(image: Image) -> Image:
    if image.ndim == 2:
        return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_GRAY2RGB))
    return np.ascontiguousarray(image[..., :3])


@dataclass(frozen=True)
class _Face:
    image: Image
    shape: Any
    points: npt.NDArray[np.float64]


def _detect(image: Image) -> _Face | None:
    """The largest face with its 5 landmarks (x, y px of ``image``), or ``None``."""
    detector, predictor, _ = _models()
    img = _rgb(image)
    if max(img.shape[:2]) < 240:
        s = 240.0 / max(img.shape[:2])
        img = np.ascontiguousarray(cv2.resize(img, None, fx=s, fy=s,
                                              interpolation=cv2.INTER_CUBIC))
    scale = img.shape[1] / image.shape[1]
    with _LOCK:
        found = detector(img, 1 if max(img.shape[:2]) < 480 else 0)
        if not found:
            return None
        box = max(found, key=lambda r: r.area())
        shape = predictor(img, box)
    pts = np.array([[shape.part(i).x, shape.part(i).y] for i in range(5)], np.float64)
    return _Face(img, shape, pts / scale)


def find_face(image: Image) -> npt.NDArray[np.float64] | None:
    """The 5 landmarks ``(5, 2)`` (x, y px) of the largest face in ``image``, or ``None``."""
    face = _detect(image)
    return None if face is None else face.points


def _descriptor(face: _Face) -> npt.NDArray[np.float64]:
    _, _, recogniser = _models()
    with _LOCK:
        return np.array(recogniser.compute_face_descriptor(face.image, face.shape))


def _smooth_grey(img: Image) -> npt.NDArray[np.float32]:
    g = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY).astype(np.float32)
    return np.asarray(cv2.GaussianBlur(g, (0, 0), 1.2), dtype=np.float32)


def _ncc(a: npt.NDArray[np.float32], b: npt.NDArray[np.float32]) -> float:
    a = a - a.mean()
    b = b - b.mean()
    den = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / den) if den > 1e-6 else 0.0


def compare_faces(chip_face: Image, printed: Image, *,
                  threshold: float = FACE_THRESHOLD) -> FaceComparison:
    """Compare the chip's face (DG2) with the printed portrait (a crop of the page's
    portrait zone, or of the face found on the page).

    Raises:
        ValueError: an empty image.
    """
    if chip_face.size == 0 or printed.size == 0:
        raise ValueError("empty face image")
    chip_rgb, printed_rgb = _rgb(chip_face), _rgb(printed)
    w, h = _SIZE
    fa, fb = _detect(chip_rgb), _detect(printed_rgb)
    chip_small: Image = np.asarray(cv2.resize(chip_rgb, _SIZE, interpolation=cv2.INTER_AREA),
                                   dtype=np.uint8)
    sx, sy = w / chip_rgb.shape[1], h / chip_rgb.shape[0]
    if fa is not None and fb is not None:
        dst = fa.points * [sx, sy]
        mat, _ = cv2.estimateAffinePartial2D(fb.points.astype(np.float32),
                                             dst.astype(np.float32))
        aligned_by = "landmarks"
    else:
        mat = np.array([[w / printed_rgb.shape[1], 0, 0], [0, h / printed_rgb.shape[0], 0]])
        aligned_by = "portrait zone"
    if mat is None:
        mat = np.array([[w / printed_rgb.shape[1], 0, 0], [0, h / printed_rgb.shape[0], 0]])
        aligned_by = "portrait zone"
    pre = printed_rgb
    shrink = min(mat[0, 0] ** 2 + mat[0, 1] ** 2, 1.0) ** 0.5
    if shrink < 0.5:  # area-reduce first: no aliasing of the print screen
        pre = np.asarray(cv2.resize(printed_rgb, None, fx=2 * shrink, fy=2 * shrink,
                                    interpolation=cv2.INTER_AREA), dtype=np.uint8)
        mat = mat @ np.array([[1 / (2 * shrink), 0, 0], [0, 1 / (2 * shrink), 0], [0, 0, 1]])
    printed_small: Image = np.asarray(cv2.warpAffine(
        pre, mat.astype(np.float32), _SIZE, flags=cv2.INTER_AREA,
        borderMode=cv2.BORDER_REPLICATE), dtype=np.uint8)
    ga, gb = _smooth_grey(chip_small), _smooth_grey(printed_small)
    try:  # refine residual misalignment (print registration, framing)
        warp = np.eye(2, 3, dtype=np.float32)
        _, warp_out = cv2.findTransformECC(  # type: ignore[call-overload]
            ga, gb, warp, cv2.MOTION_AFFINE,
            (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 60, 1e-5), None, 3)
        warp = np.asarray(warp_out, dtype=np.float32)
        if abs(warp[0, 0] - 1) < 0.15 and abs(warp[1, 1] - 1) < 0.15 and \
                abs(warp[0, 2]) < 0.1 * w and abs(warp[1, 2]) < 0.1 * h:
            printed_small = np.asarray(cv2.warpAffine(
                printed_small, warp, _SIZE, flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                borderMode=cv2.BORDER_REPLICATE), dtype=np.uint8)
            gb = _smooth_grey(printed_small)
    except cv2.error:
        pass
    m = max(2, w // 12)
    score = max(0.0, _ncc(ga[m:-m, m:-m], gb[m:-m, m:-m]))
    dist = None
    if fa is not None and fb is not None:
        dist = float(np.linalg.norm(_descriptor(fa) - _descriptor(fb)))
    return FaceComparison(score=round(score, 4), threshold=threshold,
                          matched=score >= threshold, aligned_by=aligned_by,
                          identity_distance=None if dist is None else round(dist, 4),
                          chip_face_found=fa is not None, printed_face_found=fb is not None,
                          chip=np.ascontiguousarray(chip_small),
                          printed=np.ascontiguousarray(printed_small))


def portrait_from_page(page: Image) -> Image | None:
    """The printed portrait cut around the largest face found on a page (when no
    specimen tells where the portrait is): the face box widened to a passport photo's
    framing (about 2 x 2.5 face widths), ``uint8`` RGB; ``None`` when no face is found."""
    rgb = _rgb(page)
    scale = min(1.0, 900.0 / max(rgb.shape[:2]))
    small: Image = np.ascontiguousarray(cv2.resize(
        rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA), dtype=np.uint8) \
        if scale < 1 else rgb
    pts = find_face(small)
    if pts is None:
        return None
    pts = pts / scale
    eyes = pts[[0, 2]].mean(axis=0) if len(pts) == 5 else pts.mean(axis=0)
    span = float(np.linalg.norm(pts[0] - pts[2])) * 2.6
    cx, cy = eyes[0], eyes[1] + 0.35 * span
    x0, x1 = int(max(0, cx - span)), int(min(rgb.shape[1], cx + span))
    y0, y1 = int(max(0, cy - 1.25 * span)), int(min(rgb.shape[0], cy + 1.25 * span))
    if x1 - x0 < 16 or y1 - y0 < 16:
        return None
    return np.ascontiguousarray(rgb[y0:y1, x0:x1])
