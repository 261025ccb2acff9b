"""Printed fields labelled by matching the MRZ: each group of the holder's print that
stays dark in IR is read (offline OCR, :mod:`workstation.examination.ocr`) and compared
with the values the MRZ holds — names, document number, dates (as the visual zone
prints them: ``28 NOV 1972``, ``28.11.1972``...), nationality and sex. The best match of
each value (similarity at least :data:`MIN_SIMILARITY`) becomes ``field:<name>``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence

import numpy as np

from workstation.examination.authoring.zones import Found
from workstation.types import Image

#: Fields the MRZ holds that a specimen may label (formats.md §3 roles).
MRZ_FIELDS = ("surname", "given_names", "document_number", "nationality", "birth_date",
              "expiry_date", "sex")
#: Least similarity (0..1) between what is read and a value for a label.
MIN_SIMILARITY = 0.72
#: A date must be read almost exactly: the issue date differs from the expiry date
#: only in the year (``02.11.2020`` and ``02.11.2030`` score 0.9 as text).
DATE_FIELDS = ("birth_date", "expiry_date")
MIN_DATE_SIMILARITY = 0.95
#: A printed field is widened to the right up to the next print on its line, less this
#: gap (mm): another holder's value (a longer name, a date retyped in a wider font) runs
#: on there, and mrz.viz must read all of it.
FIELD_GAP_MM = 1.0
#: The page's margin (mm) a widened field stays inside.
FIELD_MARGIN_MM = 2.5
#: Kinds of zone that end a field's line (print seen in white light; a UV glow is not).
_LINE_ENDS = ("ir_visible", "ir_dropout", "portrait", "mrz", "barcode", "signature")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def _norm(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def value_forms(name: str, value: str) -> list[str]:
    """The ways a visual zone may print the MRZ's ``value`` of field ``name``
    (normalised: upper-case letters and digits only)."""
    if name in ("birth_date", "expiry_date"):
        try:
            d = dt.date.fromisoformat(value)
        except ValueError:
            return [_norm(value)]
        m = _MONTHS[d.month - 1]
        forms = [f"{d.day:02d}{m}{d.year}", f"{d.day:02d}{d.month:02d}{d.year}",
                 f"{d.year}{d.month:02d}{d.day:02d}", f"{d.day:02d}{m}{d.year % 100:02d}",
                 f"{d.day}{m}{d.year}"]
        return [_norm(f) for f in forms]
    return [_norm(value)] if _norm(value) else []


def similarity(read: str, forms: Sequence[str]) -> float:
    """How well the normalised text ``read`` matches the best of ``forms`` (0..1): the
    whole read text, or a part of it as long as the form (a field printed in two
    scripts, or beside its label)."""
    r = _norm(read)
    if not r or not forms:
        return 0.0
    best = 0.0
    for f in forms:
        best = max(best, difflib.SequenceMatcher(None, r, f).ratio())
        if len(r) > len(f):
            for i in range(len(r) - len(f) + 1):
                best = max(best, difflib.SequenceMatcher(None, r[i:i + len(f)], f).ratio()
                           * (0.98 if len(f) < 3 else 1.0))
    return best


def _crop(white: Image, rect_mm: tuple[float, float, float, float], dpi: float) -> Image:
    k = dpi / 25.4
    x, y, w, h = rect_mm
    h_img, w_img = white.shape[:2]
    r0, r1 = max(0, round(y * k)), min(h_img, round((y + h) * k))
    c0, c1 = max(0, round(x * k)), min(w_img, round((x + w) * k))
    return np.ascontiguousarray(white[r0:r1, c0:c1])


def label_fields(candidates: Sequence[Found], white: Image, dpi: float,
                 mrz_fields: Mapping[str, str]) -> dict[str, str]:
    """OCR each candidate (the reference page's ``white`` image at ``dpi``) and give the
    best-matching candidate of each MRZ value its role. Returns what was read per
    candidate index (``str(i)``) and sets ``role``/``label``/``read`` on the matched
    candidates."""
    from workstation.examination.ocr import read_text

    if not candidates:
        return {}
    crops = [_crop(white, c.rect_mm, dpi) for c in candidates]
    texts = [t for t, _conf in read_text(crops)]
    scores: list[tuple[float, str, int]] = []
    for name in MRZ_FIELDS:
        value = mrz_fields.get(name, "")
        forms = value_forms(name, value) if value else []
        if name == "sex" and value in ("F", "M"):
            forms = [value]
        if not forms:
            continue
        for i, text in enumerate(texts):
            s = similarity(text, forms)
            if name == "sex":  # a lone letter: the whole read text must be it
                s = 1.0 if _norm(text)[-1:] == value and len(_norm(text)) <= 3 else 0.0
            elif name in DATE_FIELDS and s < MIN_DATE_SIMILARITY:
                s = 0.0  # another date (the issue date ten years before the expiry)
            if s >= MIN_SIMILARITY:
                scores.append((s, name, i))
    taken_names: set[str] = set()
    taken_idx: set[int] = set()
    for s, name, i in sorted(scores, reverse=True):
        if name in taken_names or i in taken_idx:
            continue
        taken_names.add(name)
        taken_idx.add(i)
        c = candidates[i]
        c.role = f"field:{name}"
        c.varies = True  # personal data by its role, even where these exemplars agree
        c.label = f"printed {name.replace('_', ' ')}"
        c.read = texts[i]
        c.read_similarity = round(s, 3)
    return {str(i): t for i, t in enumerate(texts)}


def widen_fields(found: Sequence[Found], size_mm: tuple[float, float]) -> None:
    """Widen every labelled field (role ``field:*``) to the right, up to the next print
    on its line (a zone of :data:`_LINE_ENDS` overlapping at least half its height)
    less :data:`FIELD_GAP_MM`, or the page's margin: the exemplars' values were as long
    as they were; another holder's, or a retyped one, may be longer. The one-letter
    sex field grows by its own width at most."""
    for f in found:
        if not (f.role or "").startswith("field:"):
            continue
        x, y, w, h = f.rect_mm
        right = size_mm[0] - FIELD_MARGIN_MM
        for o in found:
            if o is f or (o.kind not in _LINE_ENDS and o.role != "ghost"):
                continue
            ox, oy, _ow, oh = o.rect_mm
            if ox < x + 0.5 * w:
                continue
            if min(y + h, oy + oh) - max(y, oy) >= 0.5 * min(h, oh):
                right = min(right, ox - FIELD_GAP_MM)
        if f.role == "field:sex":
            right = min(right, x + 2 * w)
        if right > x + w:
            f.rect_mm = (x, y, round(right - x, 2), h)
