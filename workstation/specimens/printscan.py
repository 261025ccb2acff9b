"""Scan-and-reprint: the commonest counterfeit, as a model of what it does to a page.

A genuine page (the capture's own images) is scanned (blur, noise), separated
into CMYK with grey-component replacement, screened (clustered-dot halftone,
150 lines per inch at the classic angles, toner dot gain and edge noise) and
printed at twice the capture's density (at most 1200 dpi) onto other paper, then seen again by
the same reader:

* white light: process colours on the new paper; the fine lines become dot rows;
* UV: ``office`` paper glows blue-white (optical brighteners) and the toner quenches
  it; the luminescent features and fibres are gone. On ``dull`` (brightener-free)
  paper the counterfeiter screen-prints the features again in a luminescent ink,
  copied from the scan of the UV image;
* IR: only the black toner (carbon) absorbs; cyan, magenta and yellow vanish, so
  the MRZ stays IR-dark as a reprinter's toner would keep it.

Pure numpy/OpenCV; used by :func:`workstation.specimens.edits.apply_edit`.
"""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np

from workstation.specimens.edit_model import EditError, EditTruth, Float, Layout
from workstation.types import Image, Light

#: Screen ruling (lines per inch) and angles (degrees) of C, M, Y, K.
SCREEN_LPI = 150.0
SCREEN_ANGLES = {"c": 15.0, "m": 75.0, "y": 0.0, "k": 45.0}
#: Reflectance of each toner layer per RGB channel, and its IR transmittance.
TONERS = {
    "c": ((0.18, 0.78, 0.95), 0.97),
    "m": ((0.92, 0.25, 0.68), 0.97),
    "y": ((0.96, 0.92, 0.16), 0.98),
    "k": ((0.10, 0.10, 0.11), 0.12),
}
#: Paper reflectance (RGB) relative to the genuine substrate's, per paper.
PAPER_WHITE = {"office": (1.07, 1.08, 1.17), "dull": (1.03, 1.03, 1.05)}
#: Office paper's UV glow relative to a UV-dull substrate's own UV level (luminance),
#: and its colour (optical brighteners: blue-white).
OFFICE_GLOW = 8.0
OFFICE_GLOW_COLOUR = (0.55, 0.75, 1.6)
#: The forger's printer's finest density (dpi): the page is printed at twice the
#: capture's density, but no finer than this (a capture of a reader's high-density mode).
PRINTER_MAX_DPI = 1200.0
#: Share of grey replaced by black toner.
GCR = 0.7
GAMMA = 2.2


def _linear(img: Image) -> Float:
    return np.power(img.astype(np.float32) / 255.0, GAMMA).astype(np.float32)


def _encode(lin: Float) -> Image:
    return np.clip(np.rint(np.power(np.clip(lin, 0.0, 1.0), 1 / GAMMA) * 255.0), 0, 255).astype(
        np.uint8)


def screen(coverage: Float, *, dpi: float, angle_deg: float, lpi: float = SCREEN_LPI,
           rng: np.random.Generator) -> Float:
    """A clustered-dot halftone of ``coverage`` (0..1) at ``dpi``: 1 where toner lands
    (soft-edged: dot gain and toner scatter)."""
    h, w = coverage.shape
    period = dpi / lpi
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = math.radians(angle_deg)
    u = (xx * math.cos(a) + yy * math.sin(a)) * (2 * math.pi / period)
    v = (-xx * math.sin(a) + yy * math.cos(a)) * (2 * math.pi / period)
    spot = (np.cos(u) + np.cos(v)) * 0.25 + 0.5          # 0..1, dots grow from the maxima
    noise = rng.normal(0, 0.04, size=coverage.shape).astype(np.float32)
    dots = np.clip((coverage + noise - (1.0 - spot)) * 6.0 + 0.5, 0.0, 1.0)
    return np.asarray(cv2.GaussianBlur(dots.astype(np.float32), (0, 0), 0.45), np.float32)


def reprint_page(*, pages: dict[Light, Image], layout: Layout, px_per_mm: float,
                 rng: np.random.Generator, paper: str = "office", **_: Any
                 ) -> tuple[dict[Light, Image], Float, EditTruth]:
    """Scan the page and print it again on ``paper`` (``office`` or ``dull``)."""
    if paper not in PAPER_WHITE:
        raise EditError(f"unknown paper {paper!r} (office, dull)")
    white = pages[Light.WHITE]
    if white.ndim != 3:
        raise EditError("a reprint needs a colour white image")
    h, w = white.shape[:2]
    lin = _linear(white)
    paper_rgb = np.percentile(lin.reshape(-1, 3), 95, axis=0).astype(np.float32)
    # scan: blur + noise, relative reflectance
    scan = cv2.GaussianBlur(lin, (0, 0), 0.7) / np.maximum(paper_rgb, 1e-3).reshape(1, 1, 3)
    scan = np.clip(scan + rng.normal(0, 0.01, size=scan.shape).astype(np.float32), 0.0, 1.0)
    # separation with grey-component replacement
    cmy = 1.0 - scan
    k = GCR * cmy.min(axis=2)
    rest = (cmy - k[:, :, None]) / np.maximum(1.0 - k[:, :, None], 1e-3)
    cover = {"c": rest[:, :, 0], "m": rest[:, :, 1], "y": rest[:, :, 2], "k": k}
    # print at twice the density, at most the printer's
    scale = max(1.0, min(2.0, PRINTER_MAX_DPI / (px_per_mm * 25.4)))
    big = (round(w * scale), round(h * scale))
    dpi2 = px_per_mm * 25.4 * scale
    refl = np.ones((big[1], big[0], 3), np.float32)
    ir_t = np.ones((big[1], big[0]), np.float32)
    uv_t = np.ones((big[1], big[0]), np.float32)
    for name, cov in cover.items():
        dots = screen(np.asarray(cv2.resize(cov, big, interpolation=cv2.INTER_LINEAR),
                                 np.float32), dpi=dpi2, angle_deg=SCREEN_ANGLES[name], rng=rng)
        toner_rgb, toner_ir = TONERS[name]
        refl *= 1.0 - dots[:, :, None] * (1.0 - np.asarray(toner_rgb, np.float32).reshape(1, 1, 3))
        ir_t *= 1.0 - dots * (1.0 - toner_ir)
        uv_t *= 1.0 - dots * (0.95 if name == "k" else 0.55)

    def down(img: Float) -> Float:
        return np.asarray(cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA), np.float32)

    refl, ir_t, uv_t = down(refl), down(ir_t), down(uv_t)
    blur = 0.45
    new_white = cv2.GaussianBlur(refl * paper_rgb.reshape(1, 1, 3)
                                 * np.asarray(PAPER_WHITE[paper], np.float32).reshape(1, 1, 3),
                                 (0, 0), blur)
    edited: dict[Light, Image] = {Light.WHITE: _encode(np.asarray(new_white, np.float32))}
    details: dict[str, Any] = {"paper": paper, "screen_lpi": SCREEN_LPI}
    uv = pages.get(Light.UV)
    if uv is not None:
        uv_lin = _linear(uv)
        grey_uv = uv_lin.ndim == 2
        uv3 = uv_lin[:, :, None] if grey_uv else uv_lin
        sub = np.percentile(uv3.reshape(-1, uv3.shape[2]), 40, axis=0).astype(np.float32)
        leak = sub.reshape(1, 1, -1) * refl[:, :, 2:3]
        if paper == "office":
            glow_rgb = float(np.mean(sub)) * OFFICE_GLOW * np.asarray(OFFICE_GLOW_COLOUR,
                                                                       np.float32)
            glow = glow_rgb[None, None, :] if not grey_uv else np.full(
                (1, 1, 1), float(glow_rgb.mean()), np.float32)
            new_uv = leak + glow * uv_t[:, :, None]
        else:
            # the features, copied from a scan of the UV image and screen-printed in a
            # luminescent ink (coarser, flat-toned)
            feat = np.clip(uv3 - sub.reshape(1, 1, -1), 0.0, None)
            lum = np.asarray(cv2.GaussianBlur(np.ascontiguousarray(feat.mean(axis=2)), (0, 0),
                                              0.18 * px_per_mm), np.float32)
            thr = 0.3 * float(np.percentile(lum, 99.5))
            ink_mask = np.clip((lum - thr) / max(1e-4, thr) + 0.5, 0.0, 1.0).astype(np.float32)
            ink_mask = np.asarray(cv2.GaussianBlur(ink_mask, (0, 0), 0.6), np.float32)
            # each feature in an ink matched to its own glow (the forger mixes one per
            # feature, as the document's printer did), not one ink for the whole page
            lit = (ink_mask > 0.5).astype(np.uint8)
            n, labels = cv2.connectedComponents(cv2.dilate(lit, np.ones((5, 5), np.uint8)))
            inks = np.zeros((max(n, 1), feat.shape[2]), np.float32)
            if n > 1:
                own = labels.ravel()
                weight = lit.ravel().astype(np.float64)
                count = np.bincount(own, weight, n)
                for c in range(feat.shape[2]):
                    inks[:, c] = np.bincount(own, weight * feat[:, :, c].ravel(), n) \
                        / np.maximum(count, 1.0)
                inks[0] = 0.0
            ink_rgb = inks[labels]
            new_uv = leak * uv_t[:, :, None] + ink_mask[:, :, None] * ink_rgb * np.float32(0.9)
            details["uv_features_reprinted"] = True
        blurred = np.asarray(cv2.GaussianBlur(np.ascontiguousarray(new_uv, np.float32), (0, 0),
                                              blur), np.float32)
        if blurred.ndim == 3 and grey_uv:
            blurred = blurred[:, :, 0]
        elif blurred.ndim == 2 and not grey_uv:
            blurred = np.repeat(blurred[:, :, None], 3, axis=2)
        edited[Light.UV] = _encode(blurred)
    ir = pages.get(Light.IR)
    if ir is not None:
        ir_lin = _linear(ir)
        ir_paper = np.percentile(ir_lin.reshape(-1, ir_lin.shape[2] if ir_lin.ndim == 3 else 1),
                                 95, axis=0).astype(np.float32)
        new_ir = (ir_t[:, :, None] * ir_paper.reshape(1, 1, -1) if ir_lin.ndim == 3
                  else ir_t * float(ir_paper[0]))
        edited[Light.IR] = _encode(np.asarray(cv2.GaussianBlur(new_ir, (0, 0), blur),
                                              np.float32))
    # The forger cuts the sheet to the page's outline: keep the captured corners.
    mask = np.ones((h, w), np.float32)
    corner = round(3.5 * px_per_mm)
    grey = lin.mean(axis=2)
    dark = grey < 0.5 * float(np.mean(paper_rgb))
    for rs in (slice(0, corner), slice(h - corner, h)):
        for cs in (slice(0, corner), slice(w - corner, w)):
            mask[rs, cs] = np.where(dark[rs, cs], 0.0, 1.0)
    wmm, hmm = layout.size_mm
    truth = EditTruth(kind="", description=f"page scanned and reprinted on {paper} paper "
                                           f"(CMYK toner, {SCREEN_LPI:g} lpi screen)",
                      rect_mm=(0.0, 0.0, wmm, hmm), lights=(), expected_checks=(),
                      details=details)
    return edited, mask, truth
