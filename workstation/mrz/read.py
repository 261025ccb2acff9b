"""One call from an image (or a capture) to a parsed, validated, repaired MRZ."""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.imageio import to_grey
from workstation.mrz.locate import Candidate, extract_strip, find_candidates
from workstation.mrz.ocr import STRIP_CHAR_H, Classifier, decode, default_classifier, segment_line
from workstation.mrz.parse import parse_mrz
from workstation.mrz.result import MrzResult
from workstation.types import CaptureSet, Image, Light

#: Below this mean character confidence a read is not taken for an MRZ; up to
#: 0.93 at least half of its check digits must verify.
MIN_MEAN_CONFIDENCE = 0.75


@dataclass
class _Read:
    result: MrzResult
    score: float
    fill: float = 1.0


def _read_candidate(grey: Image, cand: Candidate, flip: bool, n: int,
                    clf: Classifier, known_states: Collection[str],
                    scale: float = 1.0) -> _Read | None:
    lines = list(reversed(cand.lines)) if flip else list(cand.lines)
    all_cells = []
    fills = []
    for line in lines:
        strip = extract_strip(grey, line, char_height_px=STRIP_CHAR_H, flip=flip)
        cells = segment_line(strip, n)
        if cells is None:
            return None
        all_cells.append(cells.cells)
        # how much of the located line the n characters explain
        fills.append(n * cells.pitch / max(line.length * STRIP_CHAR_H / line.height, 1.0))
    probs = clf.probabilities(np.concatenate(all_cells))
    text, conf, alts, alt_probs = decode(probs)
    k = len(lines)
    rows = [text[i * n:(i + 1) * n] for i in range(k)]
    confs = [conf[i * n:(i + 1) * n] for i in range(k)]
    altss = [alts[i * n:(i + 1) * n] for i in range(k)]
    probss = [alt_probs[i * n:(i + 1) * n] for i in range(k)]
    glyph_h = float(np.median([ln.height for ln in cand.lines])) / scale
    result = parse_mrz(rows, known_states=known_states, confidences=confs, alternatives=altss,
                       alternative_probs=probss, glyph_height_px=glyph_h)
    mean_conf = float(np.mean(conf))
    checks = list(result.check_digits.values())
    frac = sum(checks) / len(checks) if checks else 0.0
    fill = float(np.median(fills))
    score = 2.0 * frac + mean_conf + (1.0 if result.valid else 0.0) - 0.02 * len(
        result.corrections) - (3.0 if fill < 0.9 else 0.0)
    corners = cand.corners()
    if flip:
        corners = corners[[2, 3, 0, 1]]
    result.region = [(float(x) / scale, float(y) / scale) for x, y in corners]
    # an MRZ: confidently read, and most of its check digits verify unless
    # the read is very confident (a printed MRZ may be inconsistent)
    plausible = mean_conf >= MIN_MEAN_CONFIDENCE and (frac >= 0.5 or mean_conf >= 0.93)
    if not checks or not plausible:
        return _Read(result, score - 10.0, fill)
    return _Read(result, score, fill)


def _line_counts(cand: Candidate) -> list[int]:
    if len(cand.lines) == 3:
        return [30]
    ratio = float(np.mean([ln.length / max(ln.height, 1.0) for ln in cand.lines]))
    # OCR-B: pitch 2.54 mm, character height about 2.4 mm
    return [44, 36] if abs(ratio - 44) < abs(ratio - 36) else [36, 44]


#: Images whose longer side is below this (pixels) are read a second time enlarged
#: to it when the first read gives no valid MRZ: an MRZ 200 px wide has 4 px
#: characters, below what the locator's marks can be.
SMALL_SIDE_PX = 900


#: Below this spread of grey levels (2nd to 98th percentile) an image is a dark
#: one (UV: dark print on a dark page) and is stretched before locating.
LOW_CONTRAST_SPREAD = 96


def mrz_grey(image: Image) -> Image:
    """The grey image the MRZ is read from: the luminance, or for a dark,
    low-contrast picture (a reader's UV image: dark print on a dark blue page)
    the colour channel with the widest spread, stretched to the full range."""
    grey = to_grey(image) if image.ndim == 3 else image
    lo, hi = np.percentile(grey, (2, 98))
    if hi - lo >= LOW_CONTRAST_SPREAD:
        return grey
    candidates = [grey] + ([np.ascontiguousarray(image[:, :, c]) for c in range(3)]
                           if image.ndim == 3 else [])
    spreads = [float(np.subtract(*np.percentile(c, (98, 2)))) for c in candidates]
    best = candidates[int(np.argmax(spreads))]
    lo, hi = np.percentile(best, (1, 99.5))
    if hi - lo < 4:
        return grey
    stretched = (best.astype(np.float32) - lo) * (255.0 / (hi - lo))
    return np.clip(stretched, 0, 255).astype(np.uint8)


def _better(a: MrzResult, b: MrzResult) -> MrzResult:
    def key(r: MrzResult) -> tuple[int, int, float]:
        conf = [c for row in r.confidences for c in row]
        return (int(r.found), sum(r.check_digits.values()),
                float(np.mean(conf)) if conf else 0.0)

    return b if key(b) > key(a) else a


def _read_grey(grey: Image, clf: Classifier, known_states: Collection[str],
               scale: float) -> MrzResult:
    best: _Read | None = None
    for k, cand in enumerate(find_candidates(grey)):
        if best is not None and best.score >= 0 and k >= 2:
            break  # a plausible read from the best candidates: do not read the rest
        for n in _line_counts(cand):
            for flip in (False, True):
                got = _read_candidate(grey, cand, flip, n, clf, known_states, scale)
                if got is None:
                    continue
                if best is None or got.score > best.score:
                    best = got
                if got.result.valid and not got.result.corrections and got.fill >= 0.9 \
                        and got.score >= 0:
                    return got.result
            if best is not None and best.result.valid and best.fill >= 0.9 \
                    and best.score >= 0:
                return best.result
    if best is None or best.score < 0:
        return MrzResult(found=False)
    return best.result


def read_image(image: Image, *, known_states: Collection[str] = (),
               classifier: Classifier | None = None) -> MrzResult:
    """Find and read the MRZ in one image (RGB or grey ``uint8``).

    A small image (longer side below :data:`SMALL_SIDE_PX`) without a valid read
    is read again enlarged (bicubic); the better read is returned, its region in
    the image's own pixels.
    """
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim not in (2, 3) \
            or image.size == 0:
        raise ValueError("expected a non-empty uint8 (H, W) or (H, W, 3) image")
    grey = mrz_grey(image)
    clf = classifier or default_classifier()
    result = _read_grey(grey, clf, known_states, 1.0)
    side = max(grey.shape)
    if not result.valid and side < SMALL_SIDE_PX:
        s = SMALL_SIDE_PX / side
        big = np.asarray(cv2.resize(grey, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC),
                         np.uint8)
        result = _better(result, _read_grey(big, clf, known_states, s))
    return result


def read_mrz(image_or_capture: Image | CaptureSet, *,
             known_states: Collection[str] = ()) -> MrzResult:
    """Find, read, parse and validate the MRZ of an image or a capture.

    For a :class:`CaptureSet` the IR image is read first (the background drops
    out there); the white image is read when IR is absent or gives no valid
    MRZ, and the better of the two is returned.

    Raises:
        ValueError: when the image is not a non-empty ``uint8`` image.
    """
    if isinstance(image_or_capture, CaptureSet):
        results = []
        for light in (Light.IR, Light.WHITE, Light.UV):
            img = image_or_capture.get(light)
            if img is None:
                continue
            res = read_image(img, known_states=known_states)
            res.light = light.value
            if res.valid:
                return res
            results.append(res)
        found = [r for r in results if r.found]
        if not found:
            return results[-1] if results else MrzResult(found=False)
        return max(found, key=lambda r: (sum(r.check_digits.values()),
                                         -math.fsum(1 - c for row in r.confidences for c in row)))
    return read_image(image_or_capture, known_states=known_states)
