"""The guilloche background of a document face: two interleaved wave families printed
as an iris and a rosette on a clear field, pre-composed into multiplicative factors
(:class:`~workstation.specimens.compose.BaseFactors`) and cached within a memory budget.
Rectangles the design leaves clear (``Design.background_clear``) stay bare paper."""

from __future__ import annotations

import collections
import math
import threading
from typing import Any

import cv2
import numpy as np

from workstation.specimens import guilloche as gl
from workstation.specimens import inks
from workstation.specimens.compose import BaseFactors, Float, _soft_rect, halftone
from workstation.specimens.documents import DESIGNS
from workstation.specimens.forgeries import BACKGROUND_IR_ABSORB, WAVE_COVERAGE

#: Memory the cache of pre-composed backgrounds may hold (bytes); backgrounds of
#: more than :data:`_BG_CACHE_MAX_DPI` are not cached (specimens: rendered once).
_BG_CACHE_BYTES = 400_000_000


_BG_CACHE_MAX_DPI = 450.0


_bg_cache: collections.OrderedDict[tuple[Any, ...], BaseFactors] = collections.OrderedDict()


_bg_lock = threading.Lock()


def background(doc_id: str, dpi: float, style: gl.GuillocheStyle, variant: str,
               margin_mm: float) -> BaseFactors:
    """:func:`_make_background`, cached within a memory budget (least recently used out)."""
    key = (doc_id, dpi, style, variant, margin_mm)
    with _bg_lock:
        hit = _bg_cache.get(key)
        if hit is not None:
            _bg_cache.move_to_end(key)
            return hit
    made = _make_background(doc_id, dpi, style, variant, margin_mm)
    if dpi <= _BG_CACHE_MAX_DPI:
        with _bg_lock:
            _bg_cache[key] = made
            while len(_bg_cache) > 1 and sum(
                    f.white.nbytes + f.uv.nbytes + f.ir.nbytes
                    for f in _bg_cache.values()) > _BG_CACHE_BYTES:
                _bg_cache.popitem(last=False)
    return made


def _make_background(doc_id: str, dpi: float, style: gl.GuillocheStyle, variant: str,
                     margin_mm: float) -> BaseFactors:
    """The guilloche background of a face grown by ``margin_mm`` on each side, as
    pre-composed factors (cached): two interleaved wave families printed as an
    iris (green to rose, and blue to green) and a rosette on a clear field.

    ``variant``: ``genuine``, ``ir_absorbing`` (IR-absorbing inks) or ``process``
    (office reprint).
    """
    design = DESIGNS[doc_id]
    w_mm, h_mm = design.size_mm
    size = (w_mm + 2 * margin_mm, h_mm + 2 * margin_mm)
    a = gl.wave_family(size, dpi, style, direction=1)
    b = gl.wave_family(size, dpi, style, direction=-1, phase=1.3)
    cx, cy = design.rosette_centre
    ros = gl.rosette(size, dpi, style, centre_mm=(cx + margin_mm, cy + margin_mm),
                     radius_mm=design.rosette_radius_mm)
    if variant == "process":  # a scan reprinted: fine lines soften, colours are screened
        sigma = 0.05 * dpi / 25.4
        a, b, ros = (halftone(np.asarray(cv2.GaussianBlur(x, (0, 0), sigma), np.float32),
                              dpi=dpi, angle_deg=ang)
                     for x, ang in ((a, 15.0), (b, 75.0), (ros, 45.0)))
    h, w = a.shape
    ramp = np.clip(np.linspace(-0.15, 1.15, w, dtype=np.float32), 0, 1)
    ramp = (0.5 - 0.5 * np.cos(np.pi * ramp)).astype(np.float32)[None, :]
    # the rosette sits on a clear field: the waves thin out around it
    k = dpi / 25.4
    rr = design.rosette_radius_mm * 1.1 * k
    rcx, rcy = (cx + margin_mm) * k, (cy + margin_mm) * k
    y0, y1 = max(0, math.floor(rcy - rr)), min(h, math.ceil(rcy + rr) + 1)
    x0, x1 = max(0, math.floor(rcx - rr)), min(w, math.ceil(rcx + rr) + 1)
    yy, xx = np.ogrid[y0:y1, x0:x1]
    d = np.hypot((xx - rcx) / k, (yy - rcy) / k) / design.rosette_radius_mm
    keep = np.clip((d - 0.95) / 0.12, 0.25, 1.0).astype(np.float32)
    cover = np.float32(WAVE_COVERAGE)
    clear = _clear_mask((h, w), dpi, design.background_clear, margin_mm)
    for m in (a, b):
        m *= cover
        m[y0:y1, x0:x1] *= keep
        if clear is not None:
            m *= clear
    ga, gb, gc = inks.GUILLOCHE_A, inks.GUILLOCHE_B, inks.GUILLOCHE_C
    if variant == "ir_absorbing":
        ga, gb, gc = (ink.with_ir(BACKGROUND_IR_ABSORB) for ink in (ga, gb, gc))
    elif variant == "process":
        ga, gb, gc = (inks.process_ink(ink) for ink in (ga, gb, gc))

    def factor(parts: list[tuple[Float, Any]]) -> Float:
        """prod(1 - mask * k) over ``parts`` (k a scalar or a row), in place."""
        out: Float | None = None
        for mask, kk in parts:
            t = mask * kk
            np.subtract(np.float32(1.0), t, out=t)
            if out is None:
                out = t
            else:
                out *= t
        assert out is not None
        return out

    channels = []
    for c in range(3):
        col_a = ga.white[c] * (1 - ramp) + gb.white[c] * ramp
        col_b = gc.white[c] * (1 - ramp) + ga.white[c] * ramp
        channels.append(factor([(a, (1 - col_a).astype(np.float32)),
                                (b, (1 - col_b).astype(np.float32)),
                                (ros, np.float32(1 - gb.white[c]))]))
    white = np.asarray(cv2.merge(channels), np.float32)
    uvq = factor([(a, np.float32(ga.uv_quench)), (b, np.float32(gc.uv_quench)),
                   (ros, np.float32(gb.uv_quench))])
    ir = factor([(a, np.float32(ga.ir_absorb)), (b, np.float32(gc.ir_absorb)),
                 (ros, np.float32(gb.ir_absorb))])
    return BaseFactors(white, uvq, ir)




def _clear_mask(shape: tuple[int, int], dpi: float, rects: tuple[tuple[float, float, float,
                                                                        float], ...],
                margin_mm: float) -> Float | None:
    """0 inside the rectangles (mm on the face) the background leaves clear, 1 elsewhere,
    with 0.3 mm soft edges; ``None`` when there are none."""
    if not rects:
        return None
    k = dpi / 25.4
    keep = np.ones(shape, np.float32)
    for x, y, w, h in rects:
        r0, c0 = round((y + margin_mm) * k), round((x + margin_mm) * k)
        hh, ww = round(h * k), round(w * k)
        hole = _soft_rect(hh, ww, max(1.0, 0.3 * k))
        r1, c1 = min(shape[0], r0 + hh), min(shape[1], c0 + ww)
        if r1 > r0 and c1 > c0:
            keep[r0:r1, c0:c1] *= 1.0 - hole[:r1 - r0, :c1 - c0]
    return keep
