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

The detector, landmarks and descriptor are :mod:`workstation.imaging.faces`.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from workstation.imaging.faces import detect_face, identity_distance, to_rgb
from workstation.types import Image

#: Photo similarity below which the portrait is reported as not the chip's photograph.
#: ``python -m bench.chip --calibrate`` (seeds 20000-20011, both documents: 24 genuine
#: pairs, lowest 0.9964; 48 substituted, highest 0.9781): half-way, rounded down. The
#: evaluation in ``bench.chip`` uses other seeds. No real chip/page pairs were at hand:
#: re-derive it from genuine exemplars of the documents examined.
FACE_THRESHOLD = 0.98

#: dlib's published operating point for its face descriptor (same person below it).
IDENTITY_THRESHOLD = 0.6

#: Comparison size (width, height) in pixels of the aligned faces.
_SIZE = (96, 120)


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
    chip_rgb, printed_rgb = to_rgb(chip_face), to_rgb(printed)
    w, h = _SIZE
    fa, fb = detect_face(chip_rgb), detect_face(printed_rgb)
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
        dist = identity_distance(fa, fb)
    return FaceComparison(score=round(score, 4), threshold=threshold,
                          matched=score >= threshold, aligned_by=aligned_by,
                          identity_distance=None if dist is None else round(dist, 4),
                          chip_face_found=fa is not None, printed_face_found=fb is not None,
                          chip=np.ascontiguousarray(chip_small),
                          printed=np.ascontiguousarray(printed_small))
