"""OCR-B character recognition: cut a line into its fixed-pitch cells, classify each.

The classifier is a small CNN trained at build time on augmented renderings of
the OCR-B font (``tools/train_ocrb.py``) and shipped as ONNX in
``resources/mrz/ocrb.onnx``; it runs on OpenCV's DNN module (no torch at run
time). Input: cells of :data:`CELL_H` x :data:`CELL_W` pixels, ink 1.0 on
background 0.0. Output: one score per character of :data:`ALPHABET`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.paths import resource
from workstation.types import Image

ALPHABET = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CELL_H = 28
CELL_W = 20
#: Character height (pixels) strips are brought to before cutting.
STRIP_CHAR_H = 24

FloatArray = npt.NDArray[np.float32]


@dataclass
class LineCells:
    """A line cut into ``n`` cells: ``cells`` ``(n, CELL_H, CELL_W)`` float32."""

    cells: FloatArray
    pitch: float
    x_start: float
    band: tuple[int, int]
    contrast: float


def normalise_strip(strip: Image, char_height: float) -> Image:
    """Scale a grey line strip so its characters are :data:`STRIP_CHAR_H` high."""
    if strip.ndim != 2 or strip.size == 0:
        raise ValueError("expected a non-empty grey strip")
    scale = STRIP_CHAR_H / max(char_height, 1.0)
    if abs(scale - 1.0) < 0.05:
        return strip
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    return np.asarray(cv2.resize(strip, None, fx=scale, fy=scale, interpolation=interp),
                      dtype=np.uint8)


def _percentiles(strip: Image, qs: tuple[float, ...]) -> list[float]:
    hist = np.bincount(strip.ravel(), minlength=256).cumsum()
    total = float(hist[-1])
    return [float(np.searchsorted(hist, q / 100.0 * total)) for q in qs]


def _ink(strip: Image) -> tuple[FloatArray, float]:
    g = strip.astype(np.float32)
    dark, bg = _percentiles(strip, (2.0, 80.0))
    contrast = bg - dark
    ink = np.clip((bg - g) / max(contrast, 1.0), 0.0, 1.0)
    return ink.astype(np.float32), contrast


def segment_line(strip: Image, n: int) -> LineCells | None:
    """Cut a horizontal grey line strip into ``n`` character cells.

    The band of rows holding the characters is found from the row profile
    around the strip's middle; the character pitch and the grid's start from
    the column profile (gaps between characters fall on cell boundaries).
    ``None`` when the strip holds no line of ``n`` characters.
    """
    if strip.ndim != 2 or strip.shape[0] < 4 or strip.shape[1] < n * 3:
        return None
    ink, contrast = _ink(strip)
    if contrast < 12:
        return None
    mask = ink > 0.5
    # columns dark from top to bottom are no print (the page's edge, a dark
    # background or a frame beside the line): they would raise every row of the
    # profile and widen the band to the whole strip
    printed = mask[:, mask.mean(axis=0) < 0.8]
    rows = printed.sum(axis=1).astype(np.float32)
    if rows.max() <= 0:
        return None
    mid = strip.shape[0] // 2
    thr = 0.12 * float(rows.max())
    # the band: contiguous rows above threshold around the middle
    centre = int(np.argmax(rows[max(0, mid - strip.shape[0] // 4):
                                mid + strip.shape[0] // 4 + 1])) + max(0, mid - strip.shape[0] // 4)
    y0 = centre
    while y0 > 0 and rows[y0 - 1] > thr:
        y0 -= 1
    y1 = centre
    while y1 < len(rows) - 1 and rows[y1 + 1] > thr:
        y1 += 1
    h = y1 - y0 + 1
    if h < 4:
        return None
    band = mask[y0:y1 + 1]
    # the line's ends from character-like marks: borders, edges and specks
    # (too tall, or off the band's middle) do not count
    wa, wb = max(0, int(y0 - 0.6 * h)), min(mask.shape[0], int(y1 + 1 + 0.6 * h))
    _n, _lab, stats, cents = cv2.connectedComponentsWithStats(
        mask[wa:wb].astype(np.uint8), connectivity=8)
    ch = stats[1:, cv2.CC_STAT_HEIGHT]
    cw_ = stats[1:, cv2.CC_STAT_WIDTH]
    cy = cents[1:, 1] + wa
    good = (ch >= 0.3 * h) & (ch <= 1.5 * h) & (cw_ <= 4 * h) & (cy >= y0 - 0.2 * h) & \
        (cy <= y1 + 0.2 * h)
    if good.sum() < max(3, n // 6):
        return None
    lefts = stats[1:, cv2.CC_STAT_LEFT][good].astype(np.float64)
    rights = lefts + cw_[good]
    order = np.argsort(lefts)
    lefts, rights = lefts[order], rights[order]
    # split into runs at wide gaps; keep the run with the most marks, and the
    # runs beside it while all of them fit in n characters (a glare or a fold
    # that washed out a few characters splits one line into runs)
    reach = np.maximum.accumulate(rights)
    gaps = lefts[1:] - reach[:-1]
    cuts = np.flatnonzero(gaps > 2.5 * h) + 1
    runs = np.split(np.arange(len(lefts)), cuts)
    k = max(range(len(runs)), key=lambda i: float((rights[runs[i]] - lefts[runs[i]]).sum()))
    mids = (lefts + rights) / 2
    step = np.diff(mids)
    step = step[(step > 0.5 * h) & (step < 1.6 * h)]
    if len(runs) > 1 and step.size >= 5:
        limit = (n + 0.8) * float(np.median(step))
        first = last = k
        while True:
            grown = False
            for j in (first - 1, last + 1):
                if 0 <= j < len(runs):
                    lo, hi = min(first, j), max(last, j)
                    span = rights[runs[hi]].max() - lefts[runs[lo]].min()
                    if span <= limit:
                        first, last, grown = lo, hi, True
            if not grown:
                break
        main = np.concatenate(runs[first:last + 1])
    else:
        main = runs[k]
    lefts, rights = lefts[main], rights[main]
    x0, x1 = float(lefts.min()), float(rights.max())
    # marks beyond the line's n characters (a frame, printed text close by):
    # keep the window of n pitches that covers the most ink
    centres = (lefts + rights) / 2
    steps = np.diff(centres)
    steps = steps[(steps > 0.5 * h) & (steps < 1.6 * h)]
    if steps.size >= 5:
        p_est = float(np.median(steps))
        if x1 - x0 > (n + 0.8) * p_est:
            span = (n + 0.3) * p_est
            widths = rights - lefts
            best_cover, best_i = -1.0, 0
            for i in range(len(lefts)):
                inside = (lefts >= lefts[i]) & (rights <= lefts[i] + span)
                cover = float(widths[inside].sum())
                if cover > best_cover:
                    best_cover, best_i = cover, i
            inside = (lefts >= lefts[best_i]) & (rights <= lefts[best_i] + span)
            x0, x1 = float(lefts[inside].min()), float(rights[inside].max())
    p0 = (x1 - x0) / (n - 0.2)
    if p0 < 2.5:
        return None
    colprof = np.convolve(band.sum(axis=0).astype(np.float32), [0.25, 0.5, 0.25], "same")
    # boundaries x(t) = xs + p t + p a t (t - n) / n: pitch p (1 - a) at the start
    # to p (1 + a) at the end (perspective), the same span n p for every a
    t = np.arange(n + 1, dtype=np.float64)
    best: tuple[float, float, float, float] | None = None
    tie = 0.002 * float(colprof.max()) * n
    for a in (0.0, -0.04, 0.04, -0.08, 0.08, -0.12, 0.12):
        shape = t + a * t * (t - n) / n
        for p in p0 * np.linspace(0.96, 1.04, 17):
            offsets = np.linspace(x0 - 0.45 * p, x0 + 0.05 * p, 21)
            ends = offsets + n * p
            ok = ends >= x1 - 0.05 * p
            if not ok.any():
                continue
            idx = offsets[:, None] + p * shape[None, :]
            vals = np.interp(idx, np.arange(colprof.size), colprof, left=0.0, right=0.0)
            cost = vals.sum(axis=1) + np.where(ok, 0.0, 1e9) + tie * abs(a) * 25
            k = int(np.argmin(cost))
            if best is None or cost[k] < best[0]:
                best = (float(cost[k]), float(p), float(offsets[k]), a)
    if best is None:
        return None
    _, p, xs, a = best
    pad_y = 0.3 * h
    ya, yb = y0 - pad_y, y1 + 1 + pad_y
    # cell i spans [x(i) - 0.1 p_i, x(i + 1) + 0.1 p_i] x [ya, yb], p_i its own pitch
    bounds = xs + p * (t + a * t * (t - n) / n)
    lefts_c = bounds[:-1]
    pitches = np.diff(bounds)
    cols = lefts_c[:, None] - 0.1 * pitches[:, None] + \
        np.arange(CELL_W)[None, :] * (1.2 * pitches[:, None] / CELL_W)
    rows_ = ya + np.arange(CELL_H) * ((yb - ya) / CELL_H)
    map_x = np.broadcast_to(cols.reshape(1, -1), (CELL_H, n * CELL_W)).astype(np.float32)
    map_y = np.broadcast_to(rows_[:, None], (CELL_H, n * CELL_W)).astype(np.float32)
    flat = cv2.remap(ink, np.ascontiguousarray(map_x), np.ascontiguousarray(map_y),
                     cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0.0)
    cells = np.ascontiguousarray(flat.reshape(CELL_H, n, CELL_W).transpose(1, 0, 2),
                                 dtype=np.float32)
    return LineCells(cells=cells, pitch=p, x_start=xs, band=(y0, y1), contrast=contrast)


#: The shipped model files (in ``resources/mrz/``); with several, their
#: probabilities are averaged. ``ocrb.onnx`` (three conv layers, 300 KB) was
#: trained in three steps, each with ``tools/train_ocrb.py --arch cnn-small``:
#: ``--blocks 1400 --epochs 6 --seed 1`` on clean OCR-B renders (the model of
#: commit 9e60ae9); then ``--init`` that model ``--epochs 3 --max-lr 1e-3
#: --blocks 3600 --seed 7`` on renders degraded like real prints (printing
#: process, laminate, UV/IR looks, camera, JPEG; 35 % other monospaced fonts;
#: 25 % at 4.2-8.5 px pitch); then ``--init`` that ``--epochs 2 --max-lr 6e-4
#: --blocks 2000 --seed 8 --small-fraction 0.5 --ocrb-fraction 0.85
#: --max-pitch 20`` (small OCR-B prints). No real photograph was used.
MODEL_FILES = ("ocrb.onnx",)


class Classifier:
    """The OCR-B character classifier: OpenCV DNN over the shipped ONNX model(s),
    probabilities averaged when there are several."""

    def __init__(self, model_paths: list[str] | None = None) -> None:
        paths = model_paths or [str(resource("mrz", name)) for name in MODEL_FILES]
        self._nets: list[Any] = [cv2.dnn.readNetFromONNX(p) for p in paths]
        self._lock = threading.Lock()

    def probabilities(self, cells: FloatArray) -> FloatArray:
        """``(n, len(ALPHABET))`` softmax probabilities for ``(n, CELL_H, CELL_W)`` cells."""
        if cells.ndim != 3 or cells.shape[1:] != (CELL_H, CELL_W):
            raise ValueError(f"expected (n, {CELL_H}, {CELL_W}) cells, got {cells.shape}")
        if len(cells) == 0:
            return np.zeros((0, len(ALPHABET)), np.float32)
        blob = np.ascontiguousarray(cells[:, None, :, :], dtype=np.float32)
        total = np.zeros((len(cells), len(ALPHABET)), np.float64)
        with self._lock:
            for net in self._nets:
                net.setInput(blob)
                logits = np.asarray(net.forward(), dtype=np.float64).reshape(len(cells), -1)
                logits = logits - logits.max(axis=1, keepdims=True)
                e = np.exp(logits)
                total += e / e.sum(axis=1, keepdims=True)
        return (total / len(self._nets)).astype(np.float32)


@lru_cache(maxsize=1)
def default_classifier() -> Classifier:
    """The shipped classifier, loaded once."""
    return Classifier()


def decode(probs: FloatArray, top: int = 4
           ) -> tuple[str, list[float], list[str], list[list[float]]]:
    """Best characters, their confidences, each position's candidates (best
    first, those above 0.2 %) and the candidates' probabilities."""
    order = np.argsort(-probs, axis=1)[:, :top]
    text = "".join(ALPHABET[i] for i in order[:, 0])
    conf = [float(probs[r, order[r, 0]]) for r in range(len(probs))]
    keep = [[i for i in order[r] if probs[r, i] > 0.002 or i == order[r, 0]]
            for r in range(len(probs))]
    alts = ["".join(ALPHABET[i] for i in k) for k in keep]
    alt_probs = [[float(probs[r, i]) for i in k] for r, k in enumerate(keep)]
    return text, conf, alts, alt_probs
