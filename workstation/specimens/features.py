"""The renderer's own feature map: where each security feature of a simulated document
is and how it behaves — the ground truth a specimen authored from captures is measured
against (``python -m bench.authoring``).

Every print pass of a genuine face (:func:`~workstation.specimens.layers.build_layers`,
printed without variation) becomes a :class:`Feature` with its coverage mask and a
category from its ink:

* ``luminescent`` — the ink glows under UV (emblems, patterns, luminescent ornaments);
* ``ir_visible`` — the ink absorbs IR (carbon-black personal data and MRZ, IR-absorbing
  marks): it stays dark in the IR image;
* ``ir_dropout`` — a visible ink that IR passes through (header, labels, guilloche,
  a dye signature): printed in white light, gone in IR.

Security fibres (scattered at random in every sheet), the portrait (a photograph, partly
IR-absorbing) and relief without ink are not features of these categories. The
guilloche's wave field covers the page (``extent == "area"``); every other feature is
an ``element``. Features that differ between holders (their data, the MRZ, the
signature) say so (``holder``); their masks are the union over the holders given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from workstation.specimens.compose import Layer
from workstation.specimens.documents import DESIGNS
from workstation.specimens.layers import _person_for, build_layers
from workstation.specimens.marks import Canvas
from workstation.specimens.people import mrz_lines_for

Float = npt.NDArray[np.float32]

CATEGORIES = ("luminescent", "ir_visible", "ir_dropout")
#: IR absorption from which an ink counts as IR-visible (carbon 0.9, IR green 0.72).
IR_VISIBLE_MIN = 0.5
#: IR absorption below which a visible ink drops out in IR.
IR_DROPOUT_MAX = 0.2
#: Darkness in white light (1 - reflectance) from which an ink is visible.
VISIBLE_MIN = 0.08


@dataclass(frozen=True)
class Feature:
    """One feature of a document face.

    Attributes:
        name: the print pass (``header``, ``label:surname``, ``value:surname``, ``mrz``...).
        category: one of :data:`CATEGORIES`.
        mask: coverage 0..1, ``(H, W)`` float32 at ``dpi`` over the whole face.
        dpi: the mask's density.
        holder: the feature shows the holder's own content.
        extent: ``element`` or ``area`` (a pattern over the page).
    """

    name: str
    category: str
    mask: Float
    dpi: float
    holder: bool = False
    extent: str = "element"

    @property
    def bbox_mm(self) -> tuple[float, float, float, float]:
        """``(x, y, width, height)`` of the inked part in mm."""
        rows, cols = np.nonzero(self.mask > 0.2)
        if rows.size == 0:
            return (0.0, 0.0, 0.0, 0.0)
        k = self.dpi / 25.4
        return (cols.min() / k, rows.min() / k, (cols.max() + 1 - cols.min()) / k,
                (rows.max() + 1 - rows.min()) / k)


def _category(layer: Layer) -> str | None:
    if layer.uv is not None and float(np.max(layer.uv)) > 0.05:
        return "luminescent"
    ir = float(np.mean(layer.ir_absorb))
    dark = 1.0 - float(np.mean(layer.white))
    if ir >= IR_VISIBLE_MIN:
        return "ir_visible"
    if ir <= IR_DROPOUT_MAX and dark >= VISIBLE_MIN:
        return "ir_dropout"
    return None


def _group(name: str) -> str | None:
    """The feature a layer belongs to (``None``: not a feature of the map)."""
    if name.startswith(("fibre:", "pasted", "erasure")) or name in ("portrait", "dry-seal"):
        return None
    if name.startswith("mrz:"):
        return "mrz"
    return name


#: Printed values every document of a series shows alike (not the holder's).
_FIXED_VALUES = ("value:type", "value:code", "value:authority")


def _holder(name: str) -> bool:
    if name in _FIXED_VALUES:
        return False
    return name.startswith("value:") or name in ("mrz", "signature")


def feature_map(doc_id: str, *, dpi: float = 100.0, seeds: Iterable[int] | None = None
                ) -> list[Feature]:
    """The features of ``doc_id``'s genuine face at ``dpi``, printed without variation;
    holder features as the union over the holders of ``seeds`` (default: the specimen
    holder).

    Raises:
        KeyError: unknown document.
    """
    design = DESIGNS[doc_id]
    canvas = Canvas(design.size_mm, dpi)
    people = ([_person_for(design, 0, True)] if seeds is None
              else [_person_for(design, s, False) for s in seeds])
    masks: dict[str, Float] = {}
    cats: dict[str, str] = {}
    base = None
    for person in people:
        layers, _, _, _, factors = build_layers(
            design, canvas, person, mrz_lines_for(person, design.mrz_format), forgery=None,
            seed=0, variation=False)
        base = factors
        for layer in layers:
            group = _group(layer.name)
            cat = _category(layer) if group is not None else None
            if group is None or cat is None:
                continue
            cats[group] = cat
            out = masks.setdefault(group, np.zeros(canvas.shape, np.float32))
            lh, lw = layer.cov.shape
            y0, x0 = max(layer.r0, 0), max(layer.c0, 0)
            y1, x1 = min(layer.r0 + lh, canvas.h), min(layer.c0 + lw, canvas.w)
            if y1 > y0 and x1 > x0:
                cov = layer.cov[y0 - layer.r0:y1 - layer.r0, x0 - layer.c0:x1 - layer.c0]
                np.maximum(out[y0:y1, x0:x1], cov, out=out[y0:y1, x0:x1])
    features = [Feature(name, cats[name], mask, dpi, holder=_holder(name))
                for name, mask in masks.items() if float(mask.max()) > 0.2]
    if base is not None:
        features.extend(_background_features(design.id, base, canvas, dpi))
    return features


def _background_features(doc_id: str, base: object, canvas: Canvas, dpi: float
                         ) -> list[Feature]:
    """The guilloche: the rosette (an element) and the wave field (an area), both
    IR-dropout print."""
    from workstation.specimens.compose import BaseFactors

    assert isinstance(base, BaseFactors)
    design = DESIGNS[doc_id]
    dark = np.clip(1.0 - base.white.mean(axis=2), 0.0, 1.0).astype(np.float32)
    dark = np.asarray(np.clip(dark / max(1e-3, float(np.percentile(dark, 99.5))), 0, 1),
                      np.float32)
    k = dpi / 25.4
    yy, xx = np.mgrid[0:canvas.h, 0:canvas.w].astype(np.float32)
    cx, cy = design.rosette_centre
    inside = np.hypot(xx / k - cx, yy / k - cy) <= design.rosette_radius_mm * 1.05
    rosette = np.where(inside, dark, 0.0).astype(np.float32)
    waves = np.where(inside, 0.0, dark).astype(np.float32)
    return [Feature("background-rosette", "ir_dropout", rosette, dpi),
            Feature("background-waves", "ir_dropout", waves, dpi, extent="area")]
