"""Offline OCR of the printed fields of the visual inspection zone.

RapidOCR's text-recognition network (PP-OCRv4, the ONNX file shipped inside
the ``rapidocr-onnxruntime`` package: nothing is downloaded) run with OpenCV's
DNN module on small field crops only: no text detection, no angle
classification. Pre-processing (height normalisation, padding to at least a
10:1 line) and the CTC decoding follow RapidOCR's own recogniser, so results
match it; running the network through OpenCV keeps ONNX Runtime out of the
application bundle. One network per process, created on first use and shared
under a lock (an OpenCV ``Net`` is not re-entrant).
"""

from __future__ import annotations

import importlib.util
import math
import threading
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from workstation.paths import resource
from workstation.types import Image

#: Text lines are recognised at this height (px). The network was trained at 48 px;
#: 32 px reads clean print as well at less than half the cost.
TEXT_HEIGHT_PX = 32
#: Lines are padded to at least this width (px), as RapidOCR's recogniser does.
MIN_LINE_WIDTH_PX = 320
MODEL_NAME = "ch_PP-OCRv4_rec_infer.onnx"


def model_path() -> Path:
    """The recognition network: ``resources/ocr/`` (the application bundle puts it there),
    else inside the installed ``rapidocr_onnxruntime`` package (found without importing it,
    which would load ONNX Runtime)."""
    bundled = resource("ocr", MODEL_NAME)
    if bundled.is_file():
        return bundled
    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            candidate = Path(folder) / "models" / MODEL_NAME
            if candidate.is_file():
                return candidate
    raise FileNotFoundError(f"OCR model {MODEL_NAME} not found (install rapidocr-onnxruntime)")


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def onnx_metadata(data: bytes) -> dict[str, str]:
    """The ``metadata_props`` of an ONNX model (ModelProto field 14), read straight from
    the protobuf wire format so that no ONNX package is needed."""
    props: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        key, pos = _read_varint(data, pos)
        field, wire = key >> 3, key & 7
        if wire == 0:
            _, pos = _read_varint(data, pos)
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        elif wire == 2:
            length, pos = _read_varint(data, pos)
            if field == 14:
                entry = data[pos:pos + length]
                k = v = ""
                p = 0
                while p < len(entry):
                    ekey, p = _read_varint(entry, p)
                    elen, p = _read_varint(entry, p)
                    text = entry[p:p + elen].decode("utf-8")
                    p += elen
                    if ekey >> 3 == 1:
                        k = text
                    elif ekey >> 3 == 2:
                        v = text
                props[k] = v
            pos += length
        else:
            raise ValueError(f"unsupported protobuf wire type {wire} in the ONNX model")
    return props


class TextRecognizer:
    """PP-OCRv4 line recogniser on OpenCV DNN: BGR ``uint8`` lines in, ``(text, score)`` out."""

    def __init__(self, path: Path | None = None) -> None:
        data = (path or model_path()).read_bytes()
        chars = onnx_metadata(data).get("character")
        if not chars:
            raise ValueError("the OCR model carries no character list")
        # index 0 is the CTC blank; RapidOCR appends a space as the last class
        self.characters = ["", *chars.splitlines(), " "]
        self.net = cv2.dnn.readNetFromONNX(np.frombuffer(data, np.uint8))

    def _prepare(self, img: npt.NDArray[np.generic], height_px: int) -> npt.NDArray[np.float32]:
        h, w = img.shape[:2]
        ratio = w / float(h)
        width = int(height_px * max(MIN_LINE_WIDTH_PX / height_px, ratio))
        resized_w = min(width, math.ceil(height_px * ratio))
        resized = cv2.resize(np.asarray(img, np.uint8), (resized_w, height_px)).astype(np.float32)
        out = np.zeros((3, height_px, width), np.float32)
        out[:, :, :resized_w] = (resized.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
        return out

    def __call__(self, lines: list[npt.NDArray[np.generic]], *, height_px: int
                 ) -> list[tuple[str, float]]:
        results: list[tuple[str, float]] = []
        for img in lines:
            blob = self._prepare(img, height_px)[None]
            self.net.setInput(blob)
            probs = np.asarray(self.net.forward())[0]  # (time steps, classes)
            idx = probs.argmax(axis=1)
            best = probs.max(axis=1)
            keep = np.ones(len(idx), bool)
            keep[1:] = idx[1:] != idx[:-1]
            keep &= idx != 0
            text = "".join(self.characters[i] if i < len(self.characters) else ""
                           for i in idx[keep])
            score = float(best[keep].mean()) if keep.any() else 0.0
            results.append((text, score))
        return results


_ENGINE: TextRecognizer | None = None
_LOCK = threading.Lock()


def _engine() -> TextRecognizer:
    """The one recogniser of the process (call with ``_LOCK`` held)."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = TextRecognizer()
    return _ENGINE


def load_engine() -> None:
    """Load the recognisers now (RapidOCR's and the Cyrillic one) and run each once
    (their first line costs more), so that the first examination does not wait for them
    (:mod:`workstation.examination.warm`)."""
    from workstation.examination.cyrillic import recognizer

    blank = np.full((TEXT_HEIGHT_PX, 4 * TEXT_HEIGHT_PX, 3), 255, np.uint8)
    with _LOCK:
        _engine()([blank], height_px=TEXT_HEIGHT_PX)
    recognizer()([blank])


def trim_to_text(image: Image, *, pad_px: int = 3) -> Image:
    """Crop ``image`` to the box around its dark print (text), with a margin.

    Returns the image unchanged when it holds no print.

    Raises:
        ValueError: not a ``uint8`` image.
    """
    if image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise ValueError("expected a uint8 (H, W[, 3]) image")
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    if grey.size == 0:
        return image
    paper = float(np.percentile(grey, 90))
    ink = float(np.percentile(grey, 1))
    if paper - ink < 40:
        return image
    mask = grey < (ink + 0.45 * (paper - ink))
    rows = np.nonzero(mask.sum(axis=1) >= 1)[0]
    cols = np.nonzero(mask.sum(axis=0) >= 1)[0]
    if rows.size == 0 or cols.size == 0:
        return image
    h, w = grey.shape
    r0, r1 = max(0, rows[0] - pad_px), min(h, rows[-1] + 1 + pad_px)
    c0, c1 = max(0, cols[0] - pad_px), min(w, cols[-1] + 1 + pad_px)
    return np.ascontiguousarray(image[r0:r1, c0:c1])


def read_text(crops: list[Image], *, height_px: int = TEXT_HEIGHT_PX
              ) -> list[tuple[str, float]]:
    """Recognise one line of text in each crop: ``(text, confidence 0..1)`` per crop.

    ``height_px`` is the line height the recogniser works at (48: its native
    height, slower and a second opinion).

    Raises:
        ValueError: a crop is not a ``uint8`` image.
    """
    batch: list[npt.NDArray[np.generic]] = []
    for crop in crops:
        if crop.dtype != np.uint8 or crop.ndim not in (2, 3):
            raise ValueError("expected uint8 (H, W[, 3]) crops")
        img = crop if crop.ndim == 3 else cv2.cvtColor(crop, cv2.COLOR_GRAY2RGB)
        h, w = img.shape[:2]
        if h < 4 or w < 4:
            img = np.full((8, 8, 3), 255, np.uint8)
        else:
            # Paper around the text: the recogniser drops a thin first letter (I, 1)
            # at a crop's edge, and reads a lone character (the sex) far more surely
            # with room beside it.
            # (continuing the background for a lone character: on flat paper the
            # recogniser takes an F for an E).
            if w < 2 * h:
                img = cv2.copyMakeBorder(img, 0, 0, h, h, cv2.BORDER_REPLICATE)
            else:
                paper = np.percentile(img.reshape(-1, 3), 80, axis=0)
                img = cv2.copyMakeBorder(img, 4, 4, h // 2, h // 2, cv2.BORDER_CONSTANT,
                                         value=tuple(float(v) for v in paper))
            h, w = img.shape[:2]
            if h > height_px:
                scale = height_px / h
                img = cv2.resize(img, (max(4, round(w * scale)), height_px),
                                 interpolation=cv2.INTER_AREA)
        batch.append(np.ascontiguousarray(img[:, :, ::-1]))  # the engine wants BGR
    if not batch:
        return []
    with _LOCK:
        res = _engine()(batch, height_px=height_px)
    return [(text.strip(), score) for text, score in res]


def split_lines(image: Image, *, min_gap_px: int = 1) -> list[Image]:
    """The text lines of a field crop, top to bottom (a name printed in Cyrillic
    above its Latin form is two lines). A crop with one line comes back whole.

    Rows are split where the dark print stops for at least ``min_gap_px`` rows
    and both sides hold a line at least 40 % as tall as the tallest.
    """
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or image.size == 0:
        raise ValueError("expected a non-empty uint8 (H, W[, 3]) image")
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    paper = float(np.percentile(grey, 90))
    ink = float(np.percentile(grey, 1))
    if paper - ink < 40:
        return [image]
    mask = grey < (ink + 0.45 * (paper - ink))
    rows = mask.sum(axis=1) >= max(1, int(0.005 * grey.shape[1]))
    bands: list[tuple[int, int]] = []
    start = None
    gap = 0
    for r, on in enumerate(rows):
        if on:
            if start is None:
                start = r
            gap = 0
        elif start is not None:
            gap += 1
            if gap >= min_gap_px:
                bands.append((start, r - gap + 1))
                start, gap = None, 0
    if start is not None:
        bands.append((start, len(rows)))
    if len(bands) < 2:
        return [image]
    tallest = max(b - a for a, b in bands)
    kept = [(a, b) for a, b in bands if b - a >= 0.4 * tallest]
    if len(kept) < 2:
        return [image]
    out = []
    for a, b in kept:
        pad = max(2, (b - a) // 4)
        out.append(np.ascontiguousarray(image[max(0, a - pad):min(grey.shape[0], b + pad)]))
    return out


#: Cyrillic letters no Latin letter resembles. The Cyrillic recogniser reading a
#: Latin line produces look-alikes (Ғ for F, Ү for Y, І and Ї for I, Ј, Ѕ, Ё,
#: Є, Ў, Ұ) but not these.
_STRONGLY_CYRILLIC = frozenset("БГДЖЗИЙЛПФЦЧШЩЪЫЬЭЮЯӨҚҢҺӘ")


def _cyrillic_words(text: str) -> tuple[int, bool]:
    """How many words of ``text`` are Cyrillic (all letters Cyrillic, one of them
    unlike any Latin letter), and whether a word is garbled: Cyrillic mixed with
    Latin letters or with digits (the Cyrillic recogniser reading a number or a
    Latin word)."""
    count, garbled = 0, False
    for word in text.replace("/", " ").split():
        if not any("\u0400" <= c <= "\u04ff" for c in word):
            continue
        if any(c.isdigit() or "A" <= c <= "Z" for c in word):
            garbled = True
        elif any(c in _STRONGLY_CYRILLIC for c in word):
            count += 1
    return count, garbled


def _is_cyrillic_reading(text: str) -> bool:
    words, garbled = _cyrillic_words(text)
    return words > 0 and not garbled


def choose_reading(latin: tuple[str, float], cyrillic: tuple[str, float]
                   ) -> tuple[str, float]:
    """One line read by both recognisers. RapidOCR's cannot read Cyrillic (МӨНХ
    comes out as "MeHx", ВОРОНЦОВА as "BOPOHLOBA"); the Cyrillic recogniser reads
    both scripts but Latin less well (F as Ғ, MAY as МАҮ). The Cyrillic reading
    is kept when it holds Cyrillic words with letters no Latin letter resembles,
    none of them mixed with digits or Latin letters, and is nearly as confident
    (0.15) as RapidOCR's; RapidOCR's otherwise. A bilingual line
    (``ИВАНОВ / IVANOV``) is put together part by part."""
    (t1, s1), (t2, s2) = latin, cyrillic
    near = s2 >= s1 - 0.15
    parts1, parts2 = t1.split("/"), t2.split("/")
    if len(parts1) == len(parts2) > 1:
        use = [near and _is_cyrillic_reading(p2) for p2 in parts2]
        chosen = [p2 if u else p1 for p1, p2, u in zip(parts1, parts2, use, strict=True)]
        return "/".join(chosen), (min(s1, s2) if any(use) else s1)
    if t2 and near and _is_cyrillic_reading(t2):
        return t2, s2
    if not t1:
        return t2, s2
    return t1, s1


def read_fields(crops: list[Image], *, height_px: int = TEXT_HEIGHT_PX
                ) -> list[tuple[str, float]]:
    """Each field crop read line by line, by RapidOCR's recogniser (Latin, digits,
    Chinese) and by the Cyrillic recogniser (``workstation.examination.cyrillic``),
    the reading of each line chosen by :func:`choose_reading`: ``(text,
    confidence)`` per crop, lines joined by ``\n``, the confidence the weakest
    line's.
    """
    from workstation.examination.cyrillic import recognizer

    out: list[tuple[str, float]] = []
    for crop in crops:
        trimmed = trim_to_text(crop)
        lines = split_lines(trimmed)
        latin = read_text(lines, height_px=height_px)
        cyr = recognizer()([trim_to_text(line) for line in lines])
        chosen = [choose_reading(a, b) for a, b in zip(latin, cyr, strict=True)]
        out.append(("\n".join(t for t, _s in chosen),
                    min(s for _t, s in chosen) if chosen else 0.0))
    return out
