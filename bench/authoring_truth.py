"""Ground truth for ``python -m bench.authoring``: the renderers' own feature maps and
how well an authored specimen's zones cover them.

* MNG-P-2021: :func:`workstation.specimens.features.feature_map` (the Utopia renderer's
  print passes, categorised by their inks).
* Family 2 (:mod:`bench.family2`): its fixed design's print passes split into their
  connected parts, plus the holder's fields, MRZ and signature, categorised by the
  family's own inks (emission: luminescent; IR density >= 0.5: IR-visible; visible
  ink with IR density <= 0.2: IR-dropout).

A feature counts as covered when at least :data:`COVERED_SHARE` of its ink lies in
zones whose checks test its category (luminescent: ``uv:luminescent``; IR-visible:
``ir:visible``; IR-dropout: ``ir:invisible``). A zone other than ``blank`` lies on
plain substrate when less than :data:`PLAIN_INK` of its area carries ink of any
feature (the background's wave field counts only for a zone that samples it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from workstation.specimens.features import CATEGORIES, Feature
from workstation.types import Expect, Light, Zone

COVERED_SHARE = 0.8
PLAIN_INK = 0.01
TRUTH_DPI = 100.0
_CHECK_OF = {"luminescent": (Light.UV, Expect.LUMINESCENT),
             "ir_visible": (Light.IR, Expect.VISIBLE),
             "ir_dropout": (Light.IR, Expect.INVISIBLE)}


def mng_features(seeds: Iterable[int]) -> list[Feature]:
    """The MNG-P-2021 feature map for the holders of ``seeds``."""
    from workstation.specimens.features import feature_map

    return feature_map("MNG-P-2021", dpi=TRUTH_DPI, seeds=list(seeds))


def _family2_category(ink: Any) -> str | None:
    if max(ink.emission) > 0.0:
        return "luminescent"
    if ink.ir_density >= 0.5:
        return "ir_visible"
    if ink.ir_density <= 0.2 and max(ink.density) >= 0.05:
        return "ir_dropout"
    return None


def family2_features(face_id: str, seeds: Iterable[int]) -> list[Feature]:
    """The family-2 face's features: its fixed print passes split into connected parts
    (a wave field spanning most of the page is an ``area``), and the holders' fields,
    MRZ and signature (``ir_visible``, holder) as the union over ``seeds``."""
    from bench.family2 import draw as D
    from bench.family2.holders import mrz_lines
    from bench.family2.layouts import FACES, field_values
    from bench.family2.render import _fixed_layers, face_shape, holder_for

    face = FACES[face_id]
    dpi = TRUTH_DPI
    shape = face_shape(face, dpi)
    out: list[Feature] = []
    page_area = shape[0] * shape[1]
    for name, ink, cov in _fixed_layers(face_id, dpi):
        cat = _family2_category(ink)
        if cat is None:
            continue
        cov = np.asarray(cov, np.float32)
        mask = (cov > 0.2).astype(np.uint8)
        joined = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
        n, labels, stats, _ = cv2.connectedComponentsWithStats(joined)
        for i in range(1, n):
            x, y, w, h, _a = (int(v) for v in stats[i])
            part = np.where(labels == i, cov, 0.0).astype(np.float32)
            if float(part.max()) <= 0.2:
                continue
            area = "area" if w * h > 0.3 * page_area else "element"
            out.append(Feature(f"{name}:{ink.name}:{i}", cat, part, dpi, extent=area))
    holder = {"fields": np.zeros(shape, np.float32), "mrz": np.zeros(shape, np.float32),
              "signature": np.zeros(shape, np.float32)}
    if face.ghost is not None:  # the ghost image: the holder's face in luminescent ink,
        gx, gy, gw, gh = face.ghost  # or engraved in carbon (a card's: IR-visible)
        ghost = np.zeros(shape, np.float32)
        ghost[round(D.mm(gy, dpi)):round(D.mm(gy + gh, dpi)),
              round(D.mm(gx, dpi)):round(D.mm(gx + gw, dpi))] = 1.0
        out.append(Feature("ghost", "ir_visible" if face.ghost_engraved else "luminescent",
                           ghost, dpi, holder=True))
    for seed in seeds:
        h = holder_for(face, seed)
        values = field_values(face, h)
        for f in face.fields:
            cov, r0, c0 = D.place_text(shape, values[f.name], font=D.SANS, cap_mm=face.value_cap,
                                       x_mm=f.x, baseline_mm=f.value_y, dpi=dpi)
            _paste_max(holder["fields"], cov, r0, c0)
        if face.mrz_format is not None:
            for line, base in zip(mrz_lines(h, face.mrz_format, face.document_code),
                                  face.mrz_baselines, strict=True):
                cov, r0, c0 = D.mrz_line(line, x_mm=face.mrz_x, baseline_mm=base, dpi=dpi)
                _paste_max(holder["mrz"], cov, r0, c0)
        if face.signature is not None:
            prng = np.random.default_rng([seed, 5])  # as render_face draws: portrait first
            if face.portrait is not None:
                _x, _y, pw, ph = face.portrait
                D.portrait(round(D.mm(ph, dpi)), round(D.mm(pw, dpi)), prng)
            x, y, w, hh = face.signature
            sh, sw = round(D.mm(hh, dpi)), round(D.mm(w, dpi))
            sig = D.signature(sh, sw, prng, dpi) * 0.85
            _paste_max(holder["signature"], sig, round(D.mm(y, dpi)), round(D.mm(x, dpi)))
    for name, mask in holder.items():
        if float(mask.max()) > 0.2:
            out.append(Feature(name, "ir_visible", mask, dpi, holder=True))
    return out


def _paste_max(dest: np.ndarray, cov: np.ndarray, r0: int, c0: int) -> None:
    h, w = cov.shape
    H, W = dest.shape
    y0, x0, y1, x1 = max(r0, 0), max(c0, 0), min(r0 + h, H), min(c0 + w, W)
    if y1 > y0 and x1 > x0:
        np.maximum(dest[y0:y1, x0:x1], cov[y0 - r0:y1 - r0, x0 - c0:x1 - c0],
                   out=dest[y0:y1, x0:x1])


def _zone_mask(shape: tuple[int, int], zones: Sequence[Zone], dpi: float) -> np.ndarray:
    k = dpi / 25.4
    m = np.zeros(shape, bool)
    for z in zones:
        x, y, w, h = z.rect_mm
        m[max(0, round(y * k)):max(0, round((y + h) * k)),
          max(0, round(x * k)):max(0, round((x + w) * k))] = True
    return m


@dataclass
class Coverage:
    """How an authored specimen's zones cover the renderer's features."""

    per_category: dict[str, tuple[int, int]]  # category -> (covered, total)
    missed: list[str]
    plain_zones: list[str]

    @property
    def covered(self) -> int:
        """Features covered, over every category."""
        return sum(c for c, _ in self.per_category.values())

    @property
    def total(self) -> int:
        """Features of every category."""
        return sum(t for _, t in self.per_category.values())

    @property
    def share(self) -> float:
        """Covered / total."""
        return self.covered / max(1, self.total)


def coverage(zones: Sequence[Zone], features: Sequence[Feature]) -> Coverage:
    """How ``zones`` (front face) cover the ``features`` (elements only; the wave
    field is not a feature a zone must enclose)."""
    zones = [z for z in zones if z.face == "front"]
    per: dict[str, tuple[int, int]] = {c: (0, 0) for c in CATEGORIES}
    missed = []
    for f in features:
        if f.extent != "element":
            continue
        light, expect = _CHECK_OF[f.category]
        testing = [z for z in zones if any(c.light == light and c.expect == expect
                                           for c in z.checks)]
        inside = _zone_mask(f.mask.shape, testing, f.dpi)
        ink = float(f.mask.sum())
        share = float(f.mask[inside].sum()) / max(1e-6, ink)
        c, t = per[f.category]
        ok = share >= COVERED_SHARE
        per[f.category] = (c + ok, t + 1)
        if not ok:
            missed.append(f"{f.name} ({f.category}, {share:.0%} inside)")
    plain = []
    if features:
        shape, dpi = features[0].mask.shape, features[0].dpi
        elements = np.zeros(shape, np.float32)
        area = np.zeros(shape, np.float32)
        for f in features:
            np.maximum(elements if f.extent == "element" else area, f.mask,
                       out=elements if f.extent == "element" else area)
        for z in zones:
            if z.role == "blank":
                continue
            m = _zone_mask(shape, [z], dpi)
            ink = elements if z.id != "background" and not z.id.startswith("background") \
                else np.maximum(elements, area)
            if m.sum() == 0 or float((ink[m] > 0.2).mean()) < PLAIN_INK:
                plain.append(z.id)
    return Coverage(per, missed, plain)
