"""Offline OCR of the printed fields of the visual inspection zone.

RapidOCR's recognition network (PP-OCRv4, shipped inside the
``rapidocr-onnxruntime`` package: nothing is downloaded) run on small field
crops only: no text detection, no angle classification. One engine per process,
created on first use and shared (guarded by a lock: onnxruntime sessions are
not re-entrant here).
"""

from __future__ import annotations

import threading
from typing import Any

import cv2
import numpy as np

from workstation.types import Image

_ENGINE: Any = None
_LOCK = threading.Lock()
#: Text lines are recognised at this height (px). The network was trained at 48 px;
#: 32 px reads clean print as well at less than half the cost.
TEXT_HEIGHT_PX = 32


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        import logging

        from rapidocr_onnxruntime import RapidOCR

        # One thread: the field crops are small, and idle onnxruntime worker threads
        # spin, which costs more than it gains on a shared two-core machine.
        _ENGINE = RapidOCR(use_det=False, use_cls=False, print_verbose=False,
                           intra_op_num_threads=1, inter_op_num_threads=1)
        rec = getattr(_ENGINE, "text_rec", None)
        if rec is not None and hasattr(rec, "rec_image_shape"):
            rec.rec_image_shape = [3, TEXT_HEIGHT_PX, 320]
            rec.rec_batch_num = 1  # no padding of short lines to the longest
        # RapidOCR logs every call at INFO on its own logger.
        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return _ENGINE


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
    batch = []
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
        rec = _engine().text_rec
        shape = getattr(rec, "rec_image_shape", None)
        if shape is not None:
            rec.rec_image_shape = [3, height_px, 320]
        try:
            res, _ = rec(batch)
        finally:
            if shape is not None:
                rec.rec_image_shape = shape
    return [(str(text).strip(), float(score)) for text, score in res]
