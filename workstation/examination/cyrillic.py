"""Printed Cyrillic (and Latin) field lines: the project's own line recogniser.

A fully convolutional CTC network (``resources/ocr/cyrillic.onnx``, trained by
``tools/train_cyrillic.py`` on rendered and degraded lines of Russian,
Mongolian, Kazakh, Ukrainian and Kyrgyz names, Latin and digits; its alphabet
in the file's ``character`` metadata) run on OpenCV's DNN module: nothing is
downloaded, no ONNX Runtime. Lower case is read as upper case.

Cyrillic and Latin share glyphs (А/A, В/B, Е/E, Н/H, Р/P, С/C ...): each word
read is put in one script when its other letters say which.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from workstation.paths import resource
from workstation.types import Image

MODEL_NAME = "cyrillic.onnx"
#: Latin letter -> the Cyrillic letter drawn the same, and back.
_TO_CYRILLIC = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")
_TO_LATIN = str.maketrans("АВСЕНКМОРТХУ", "ABCEHKMOPTXY")
_SHARED_LATIN = set("ABCEHKMOPTXY")
#: Cyrillic capitals drawn like a Latin one.
SHARED_CYRILLIC = frozenset("АВСЕНКМОРТХУ")


def model_path() -> Path:
    """The shipped network (``resources/ocr/cyrillic.onnx``)."""
    return resource("ocr", MODEL_NAME)


def one_script(text: str) -> str:
    """Each word in the script its unambiguous letters say (a word of shared glyphs
    only is left as read)."""
    words = text.split(" ")
    out = []
    for word in words:
        cyr = sum(1 for c in word if "\u0400" <= c <= "\u04ff" and c not in SHARED_CYRILLIC)
        lat = sum(1 for c in word if "A" <= c <= "Z" and c not in _SHARED_LATIN)
        if cyr and not lat:
            word = word.translate(_TO_CYRILLIC)
        elif lat and not cyr:
            word = word.translate(_TO_LATIN)
        out.append(word)
    return " ".join(out)


class CyrillicRecognizer:
    """Grey or RGB ``uint8`` line crops in, ``(text, confidence 0..1)`` out."""

    def __init__(self, path: Path | None = None) -> None:
        from workstation.examination.ocr import onnx_metadata

        data = (path or model_path()).read_bytes()
        meta = onnx_metadata(data)
        chars = meta.get("character")
        if not chars:
            raise ValueError("the Cyrillic model carries no character list")
        self.characters = ["", *chars.split("\n")]
        self.height = int(meta.get("height", "32"))
        self.net = cv2.dnn.readNetFromONNX(np.frombuffer(data, np.uint8))
        self._lock = threading.Lock()

    def _prepare(self, crop: Image) -> npt.NDArray[np.float32]:
        grey = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
        # paper around the text, as the lines were rendered in training (a quarter
        # of the height above and below, a third at each end)
        h, w = grey.shape
        paper = float(np.percentile(grey, 90))
        grey = cv2.copyMakeBorder(grey, round(0.25 * h), round(0.25 * h), round(h / 3),
                                  round(h / 3), cv2.BORDER_CONSTANT, value=paper)
        h, w = grey.shape
        width = max(16, round(w * self.height / max(h, 1)))
        width = (width + 3) // 4 * 4
        interp = cv2.INTER_AREA if h > self.height else cv2.INTER_LINEAR
        line = cv2.resize(grey, (width, self.height), interpolation=interp)
        return (line.astype(np.float32) / 255.0)[None, None]

    def __call__(self, crops: list[Image]) -> list[tuple[str, float]]:
        out: list[tuple[str, float]] = []
        for crop in crops:
            if crop.dtype != np.uint8 or crop.ndim not in (2, 3) or min(crop.shape[:2]) < 4:
                out.append(("", 0.0))
                continue
            with self._lock:
                self.net.setInput(self._prepare(crop))
                logits = np.asarray(self.net.forward(), np.float64)[0, :, 0, :].T  # (T, C)
            logits -= logits.max(axis=1, keepdims=True)
            probs = np.exp(logits)
            probs /= probs.sum(axis=1, keepdims=True)
            idx = probs.argmax(axis=1)
            best = probs.max(axis=1)
            keep = np.ones(len(idx), bool)
            keep[1:] = idx[1:] != idx[:-1]
            keep &= idx != 0
            text = "".join(self.characters[i] for i in idx[keep] if i < len(self.characters))
            score = float(best[keep].mean()) if keep.any() else 0.0
            out.append((one_script(" ".join(text.split())), score))
        return out


@lru_cache(maxsize=1)
def recognizer() -> CyrillicRecognizer:
    """The shipped recogniser, loaded once per process."""
    return CyrillicRecognizer()
