"""The IR measures of a zone (formats.md §3; the table in
:mod:`workstation.examination.zone_measures`): how dark print stays under IR
(``ir_print_ratio``, ``expect: visible``, aware of paper the reader clipped) and how
much structure drops out (``ir_structure``, ``expect: invisible``). Crops as there:
registered ``uint8`` ``(H, W[, 3])`` at ``px_per_mm``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination.measures import (
    Measures,
    check_pair,
    crop_mm,
    linear_lum,
    luminance,
    structure,
)
from workstation.types import Expect, Image, Light, Zone

#: How far (mm) around the print's pixels its darkness is summed: the blur of a reader's
#: IR optics (about 0.1 mm) spreads a letter's darkness this far at most.
IR_PRINT_RING_MM = 0.4
#: The paper around the print counts as clipped by the reader when at least this share
#: of its pixels was (:data:`~workstation.examination.zone_measures.CLIP_LEVEL`): its
#: level, and so the print's darkness relative to it, is then unknown
#: (``ir_paper_clipped``).
IR_CLIPPED_PAPER_SHARE = 0.5


def ir_print_ratio(q_ir: Image, q_white: Image, *, min_pixels: int = 6,
                   px_per_mm: float | None = None,
                   q_clipped: npt.NDArray[np.bool_] | None = None,
                   ir_paper: float | None = None) -> Measures:
    """``ir_print_ratio``: how dark the print stays under IR relative to white light,
    on the print's own pixels (Otsu's split of the white crop, kept only when print
    and paper differ by at least 20 levels) and the ring around them that blur
    spreads them into (:data:`IR_PRINT_RING_MM`; ``px_per_mm``, default 1 px): the
    darkness (1 - level over the paper's, in linear light) summed there under IR over
    the same sum in white light. Blur moves darkness, it does not remove it: the sums
    do not depend on how sharp each light's optics are (a median over the letter's
    pixels did: a thin one-letter field read 0.5-1.1 on genuine captures).
    ``q_clipped`` (``(H, W)`` bool, the pixels the reader clipped under IR) adds
    ``ir_paper_clipped``: the share of the paper pixels clipped (at least
    :data:`IR_CLIPPED_PAPER_SHARE`: the paper's true level is unknown and the ratio is
    only a lower bound). There, ``ir_paper`` (the paper's true IR level, linear, from
    the design's fixed IR-absorbing print: :func:`ir_paper_from_mark`) replaces the
    clipped level and the clipped pixels are left out of both sums; the measure then
    adds ``ir_paper_estimated`` (1). Empty when the zone shows no print."""
    check_pair(q_ir, q_white)
    w = luminance(q_white)
    w8 = np.clip(w, 0, 255).astype(np.uint8)
    thr, _ = cv2.threshold(w8, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = w < thr
    r = max(1, round(IR_PRINT_RING_MM * (px_per_mm or 2.5)))
    grow = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))
    near = cv2.dilate(ink.astype(np.uint8), grow).astype(bool)
    paper = ~near
    if ink.sum() < min_pixels or paper.sum() < min_pixels:
        return {}
    w_ink, w_paper = float(np.median(w[ink])), float(np.median(w[paper]))
    if w_paper - w_ink < 20:
        return {}
    wl, il = linear_lum(q_white), linear_lum(q_ir)
    i_paper = float(np.median(il[paper]))
    share = (float(q_clipped[paper].mean())
             if q_clipped is not None and q_clipped.shape == paper.shape else None)
    use = near
    estimated = (share is not None and share >= IR_CLIPPED_PAPER_SHARE
                 and ir_paper is not None and ir_paper > i_paper)
    if estimated:
        assert q_clipped is not None and ir_paper is not None
        use = near & ~q_clipped
        i_paper = ir_paper
    w_dark = float(np.sum(1.0 - wl[use] / max(1e-4, float(np.median(wl[paper])))))
    i_dark = float(np.sum(1.0 - il[use] / max(1e-4, i_paper)))
    out: Measures = {"ir_print_ratio": max(0.0, i_dark) / max(1e-3, w_dark)}
    if share is not None:
        out["ir_paper_clipped"] = share
    if estimated:
        out["ir_paper_estimated"] = 1.0
    return out


def _ink_level(ir: Image, white: Image) -> tuple[float, float] | None:
    """Median linear IR level of the print (Otsu's dark part of ``white``) and of the
    paper around it, ``None`` when the crop shows no print."""
    w = luminance(white)
    w8 = np.clip(w, 0, 255).astype(np.uint8)
    thr, _ = cv2.threshold(w8, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = w < thr
    paper = ~cv2.dilate(ink.astype(np.uint8), np.ones((7, 7), np.uint8)).astype(bool)
    if ink.sum() < 10 or paper.sum() < 10:
        return None
    il = linear_lum(ir)
    return float(np.median(il[ink])), float(np.median(il[paper]))


def ir_paper_from_mark(registered: Mapping[Light, Image], reference: Mapping[Light, Image],
                       zones: Sequence[Zone], *, px_per_mm: float) -> float | None:
    """The paper's true IR level (linear) on a capture whose reader clipped the paper
    under IR: the design's fixed IR-absorbing print (a zone of ``zones`` expecting
    ``visible`` under IR that does not vary with the holder) is as dark against the
    paper as in the specimen, so its level in the capture over its specimen's share of
    the paper gives the paper's level (images normalised, at ``px_per_mm``; the median
    over such marks). ``None`` without one."""
    q_ir, s_ir = registered.get(Light.IR), reference.get(Light.IR)
    q_w, s_w = registered.get(Light.WHITE), reference.get(Light.WHITE)
    if q_ir is None or s_ir is None or q_w is None or s_w is None:
        return None
    levels = []
    for z in zones:
        if z.varies_by_holder or not any(c.light is Light.IR and c.expect is Expect.VISIBLE
                                         for c in z.checks):
            continue
        crops = [crop_mm(img, z.rect_mm, px_per_mm) for img in (q_ir, q_w, s_ir, s_w)]
        if any(c is None for c in crops):
            continue
        qi, qw, si, sw = crops
        assert qi is not None and qw is not None and si is not None and sw is not None
        q, s = _ink_level(qi, qw), _ink_level(si, sw)
        if q is None or s is None or s[1] <= 0 or s[0] >= 0.8 * s[1]:
            continue
        levels.append(q[0] / (s[0] / s[1]))
    return float(np.median(levels)) if levels else None


def invisible_measures(q: Image, s: Image, q_white: Image, s_white: Image, *,
                       px_per_mm: float) -> Measures:
    """``ir_structure`` and ``ir_structure_excess`` of a zone whose print drops out."""
    check_pair(q, s)
    qs = structure(q, px_per_mm=px_per_mm) / max(1.0, structure(q_white, px_per_mm=px_per_mm))
    ss = structure(s, px_per_mm=px_per_mm) / max(1.0, structure(s_white, px_per_mm=px_per_mm))
    return {"ir_structure": qs, "ir_structure_excess": qs - ss}
