"""The portrait's measures (formats.md §3): whether the specimen's print continues
across the portrait's frame (``edge_continuity``), the paper's UV response just inside
the frame against just outside (``uv_border_step``); the ghost image against the portrait
is :mod:`workstation.examination.ghost_measures`'s. Crops as in
:mod:`workstation.examination.zone_measures` (registered, ``uint8`` RGB ``(H, W, 3)`` or
grey ``(H, W)``, at ``px_per_mm``)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from workstation.examination.measures import Measures, check_pair, luminance
from workstation.types import Image

Float = npt.NDArray[np.float32]


def edge_continuity(q: Image, s: Image, frame_px: tuple[int, int, int, int], *,
                    px_per_mm: float) -> Measures:
    """``edge_continuity`` around a portrait: ``q`` and ``s`` show the portrait with a
    margin; ``frame_px`` is the portrait's ``(x, y, w, h)`` inside them. The
    specimen's print just outside the frame (0–1.5 mm) should match the
    questioned as well as it does farther out (2–4 mm): a cut-in piece breaks
    it. Empty when the margin is too narrow."""
    check_pair(q, s)
    x, y, w, h = frame_px
    H, W = q.shape[:2]

    def ring(r0_mm: float, r1_mm: float) -> npt.NDArray[np.bool_]:
        a, b = round(r0_mm * px_per_mm), round(r1_mm * px_per_mm)
        m = np.zeros((H, W), bool)
        m[max(0, y - b):y + h + b, max(0, x - b):x + w + b] = True
        m[max(0, y - a):y + h + a, max(0, x - a):x + w + a] = False
        return m

    near, far = ring(0.0, 1.5), ring(2.0, 4.0)
    if near.sum() < 50 or far.sum() < 50:
        return {}
    from workstation.examination.measures import bandpass

    qb = bandpass(q, px_per_mm=px_per_mm)
    sb = bandpass(s, px_per_mm=px_per_mm)

    def ncc(mask: npt.NDArray[np.bool_]) -> float:
        a, b = qb[mask].astype(np.float64), sb[mask].astype(np.float64)
        a -= a.mean()
        b -= b.mean()
        den = float(np.sqrt((a * a).sum() * (b * b).sum()))
        return float((a * b).sum() / den) if den > 0 else 0.0

    n_near, n_far = ncc(near), ncc(far)
    return {"edge_continuity": n_near / max(0.05, n_far)}


#: Rings (mm from the portrait's frame: negative inside) whose paper's UV response
#: :func:`portrait_border_uv` compares: inside the frame, clear of where a cut may
#: start, and outside, clear of where a pasted piece and its seam may reach.
BORDER_INNER_MM = (-2.0, -0.6)
BORDER_OUTER_MM = (2.2, 3.4)
#: A pixel is bare paper (in white light) at this fraction of the crop's paper level.
PAPER_LEVEL = 0.8


def portrait_border_uv(q_uv: Image, s_uv: Image, q_white: Image, s_white: Image,
                       frame_px: tuple[int, int, int, int], *, px_per_mm: float) -> Measures:
    """``uv_border_step``: the UV response of the paper just inside the portrait's frame
    over that just outside it, in the questioned capture, over the same in the
    specimen. The crops show the portrait with a margin; ``frame_px`` is its ``(x, y,
    w, h)`` inside them. Only pixels that are bare paper in white light in both
    (the photo's light backdrop, not the holder's print) count, so the measure does
    not depend on the holder's photo. A photo printed on other paper and pasted in
    glows differently (office paper: far more; brightener-free paper: less, it lacks
    the document's own substrate luminescence): a step at the portrait's border.
    Empty when either ring holds too little bare paper."""
    check_pair(q_uv, s_uv)
    x, y, w, h = frame_px
    H, W = q_uv.shape[:2]

    def ring(r0_mm: float, r1_mm: float) -> npt.NDArray[np.bool_]:
        m = np.zeros((H, W), bool)
        a, b = round(r0_mm * px_per_mm), round(r1_mm * px_per_mm)
        m[max(0, y - b):max(0, y + h + b), max(0, x - b):max(0, x + w + b)] = True
        m[max(0, y - a):max(0, y + h + a), max(0, x - a):max(0, x + w + a)] = False
        return m

    paper = np.ones((H, W), bool)
    for white in (q_white, s_white):
        lum = luminance(white)
        paper &= lum >= PAPER_LEVEL * float(np.percentile(lum, 90))
    inner, outer = ring(*BORDER_INNER_MM) & paper, ring(*BORDER_OUTER_MM) & paper
    if inner.sum() < 50 or outer.sum() < 50:
        return {}
    uq, us = luminance(q_uv), luminance(s_uv)

    def step(img: Float) -> float:
        return float(np.median(img[inner])) / max(1.0, float(np.median(img[outer])))

    return {"uv_border_step": step(uq) / max(1e-3, step(us))}
