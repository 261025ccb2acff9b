"""Captures normalised before they are compared: flat field, uneven light and
vignetting, exposure, white balance.

Readers differ and so do captures from one reader: lamps light the page
unevenly, lenses darken the corners, auto-exposure changes the UV and IR gain
from one capture to the next, and the white balance drifts. Comparing a
capture with a specimen (or with its own statistics) needs those effects taken
out first, from what the capture itself shows:

* **Flat field** — the reader's own per-pixel gain (a white card it captured,
  see ``hardware.calibration``), when it provides one.
* **Uneven light and vignetting** — a smooth surface (2nd-order polynomial in
  log intensity) fitted to the bare substrate of the page, per light, robustly
  (luminescent features, fibres and print are trimmed away as outliers), and
  divided out: only its *shape* goes, the level stays.
* **Exposure** — each light's exposure relative to the reader's nominal setting
  (``capture.json``'s ``exposure``, when the reader reports it) divided out, so
  a UV image taken at twice the gain is as bright as one at nominal gain.
  Without it the UV level is not known (the result says so): gain-free measures
  must then be used for the UV substrate.
* **White balance and level** — the white image's substrate brought to the
  reference's substrate colour (a specimen's), or to neutral grey without one.
  The IR substrate likewise (paper is IR-bright whatever its kind); the UV
  image is never levelled to its substrate, since a glowing substrate is the
  very thing the UV check looks for.

Pure functions: ``uint8`` images in (RGB ``(H, W, 3)`` or grey ``(H, W)``, sRGB-like
encoding), ``uint8`` out; work happens in linear light (gamma 2.2).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image, Light

Float = npt.NDArray[np.float32]
Mask = npt.NDArray[np.bool_]

GAMMA = 2.2
#: Linear level the substrate of the white and IR images is brought to when there is
#: no reference (about 240 of 255 once encoded).
SUBSTRATE_LEVEL = 0.88
#: Bounds of any correction factor (a factor beyond them means the fit failed).
GAIN_RANGE = (0.25, 4.0)


@dataclass(frozen=True)
class LightNormalization:
    """What was done to one light's image.

    Attributes:
        flat_field: the reader's flat field was applied.
        exposure: the exposure divided out (``None``: not reported).
        illumination: ``(min, max)`` of the uneven-light surface divided out
            (``(1, 1)``: none fitted).
        gain: per-channel factor applied after that (white balance and level).
        substrate: the substrate's linear level per channel after normalisation.
    """

    flat_field: bool
    exposure: float | None
    illumination: tuple[float, float]
    gain: tuple[float, ...]
    substrate: tuple[float, ...]


@dataclass
class NormalizedCapture:
    """Images normalised per light, and what was done."""

    images: dict[Light, Image]
    lights: dict[Light, LightNormalization] = field(default_factory=dict)

    @property
    def uv_level_known(self) -> bool:
        """Whether the UV image's level is absolute (its exposure was reported)."""
        n = self.lights.get(Light.UV)
        return n is not None and n.exposure is not None


def linear(image: Image) -> Float:
    """Linear light (0..1) of an encoded ``uint8`` image."""
    return np.power(image.astype(np.float32) / np.float32(255.0), np.float32(GAMMA))


def encode(lin: Float) -> Image:
    """``uint8`` encoding of linear light (clipped)."""
    return np.clip(np.rint(np.power(np.clip(lin, 0.0, 1.0), 1 / GAMMA) * 255.0), 0,
                   255).astype(np.uint8)


def _lum(lin: Float) -> Float:
    if lin.ndim == 2:
        return lin
    return np.asarray(lin @ np.array([0.299, 0.587, 0.114], np.float32), np.float32)


def substrate_mask(white: Image, *, valid: Mask | None = None) -> Mask:
    """Bare substrate of a page image under white light: the brightest pixels (within
    60 % of the page's paper level, the top third at least) away from dark print.

    Args:
        white: the straightened page (RGB or grey ``uint8``).
        valid: pixels that belong to the page (default: all).
    """
    lum = _lum(linear(white))
    ok = np.ones(lum.shape, bool) if valid is None else valid
    if not ok.any():
        raise ValueError("no valid pixels")
    paper = float(np.percentile(lum[ok], 95))
    bright = lum >= max(0.6 * paper, float(np.percentile(lum[ok], 60)))
    dark = (lum < 0.5 * paper).astype(np.uint8)
    near_print = cv2.dilate(dark, np.ones((5, 5), np.uint8)) > 0
    return np.asarray(bright & ok & ~near_print, dtype=bool)


def _percentile(values: Float, q: float) -> float:
    """``np.percentile(values, q)`` (linear interpolation, the same arithmetic, so the
    same value) for a non-empty 1-D array, without its per-call overhead: the
    illumination field takes one per block, hundreds per image."""
    n = values.size
    index = (n - 1) * q / 100.0
    lo = math.floor(index)
    hi = min(lo + 1, n - 1)
    part = np.partition(values, [lo, hi] if hi != lo else lo)
    x0, x1 = part[lo], part[hi]
    gamma = index - lo
    diff = x1 - x0
    return float(x1 - diff * (1 - gamma)) if gamma >= 0.5 else float(x0 + diff * gamma)


def illumination_field(lin: Float, mask: Mask, *, percentile: float = 50.0, order: int = 2,
                       trim: float = 2.5, grid: tuple[int, int] = (16, 24)) -> Float:
    """A smooth surface (``order``-degree polynomial of log intensity) following the
    substrate of ``lin``: the page is cut into ``grid`` blocks, each block's level is
    the ``percentile`` of its luminance over the ``mask`` pixels (90 for white light:
    the paper between fine background lines), and the surface is fitted to those
    levels robustly (levels beyond ``trim`` robust spreads dropped, three rounds).
    Normalised to mean 1 over the blocks used; ``(H, W)`` float32, all ones when too
    little substrate is seen."""
    h, w = lin.shape[:2]
    lum = _lum(lin)
    rows, cols = grid
    us, vs, vals = [], [], []
    for i in range(rows):
        r0, r1 = i * h // rows, (i + 1) * h // rows
        for j in range(cols):
            c0, c1 = j * w // cols, (j + 1) * w // cols
            m = mask[r0:r1, c0:c1]
            if m.sum() < max(8, 0.1 * m.size):
                continue
            val = _percentile(lum[r0:r1, c0:c1][m], percentile)
            if val <= 1e-4:
                continue
            us.append((c0 + c1) / 2 / w - 0.5)
            vs.append((r0 + r1) / 2 / h - 0.5)
            vals.append(val)
    if len(vals) < 12:
        return np.ones((h, w), np.float32)
    u, v = np.asarray(us), np.asarray(vs)

    def design(uu: npt.NDArray[np.float64], vv: npt.NDArray[np.float64]
               ) -> list[npt.NDArray[np.float64]]:
        terms = [np.ones_like(uu)]
        for d in range(1, order + 1):
            for k in range(d + 1):
                terms.append(uu ** (d - k) * vv ** k)
        return terms

    a = np.stack(design(u, v), axis=1)
    b = np.log(np.asarray(vals))
    keep = np.ones(b.size, bool)
    coef = np.zeros(a.shape[1])
    for _ in range(3):
        coef, *_ = np.linalg.lstsq(a[keep], b[keep], rcond=None)
        res = b - a @ coef
        spread = 1.4826 * float(np.median(np.abs(res[keep] - np.median(res[keep])))) + 1e-4
        new_keep = np.abs(res) <= trim * spread
        if new_keep.sum() < 12:
            break
        keep = new_keep
    ref = float(np.exp(np.mean(a[keep] @ coef)))
    return _surface(coef, order, h, w, ref)


def _surface(coef: npt.NDArray[np.float64], order: int, h: int, w: int,
             ref: float) -> Float:
    """``exp(polynomial) / ref`` over the ``(h, w)`` pixel grid, clipped to
    :data:`GAIN_RANGE`, ``float32``. The polynomial (terms ordered as the fit's design:
    1, then for each degree ``d`` the terms ``u^(d-k) v^k``) is evaluated as a sum of
    outer products, one per power of ``v``, so no full-size array is made per term."""
    u = (np.arange(w, dtype=np.float64) + 0.5) / w - 0.5
    v = (np.arange(h, dtype=np.float64) + 0.5) / h - 0.5
    by_v = [np.zeros(w) for _ in range(order + 1)]  # by_v[k](u): the terms with v^k
    by_v[0] += coef[0]
    i = 1
    for d in range(1, order + 1):
        for k in range(d + 1):
            by_v[k] = by_v[k] + coef[i] * u ** (d - k)
            i += 1
    log_surface = np.zeros((h, w))
    for k, row in enumerate(by_v):
        log_surface += np.outer(v ** k, row)
    log_surface -= np.log(max(ref, 1e-9))
    np.exp(log_surface, out=log_surface)
    return np.clip(log_surface, *GAIN_RANGE).astype(np.float32)


def normalize_capture(images: Mapping[Light, Image], *,
                      exposure: Mapping[str, float] | None = None,
                      flat: Mapping[Light, Float] | None = None,
                      reference: Mapping[Light, Image] | None = None,
                      valid: Mask | None = None,
                      flatten: bool = True) -> NormalizedCapture:
    """Normalise the page images of one capture (every light of one size).

    Args:
        images: light -> straightened page image (``uint8``).
        exposure: light name -> exposure relative to nominal (``capture.json``).
        flat: light -> the reader's per-pixel gain (same shape), when it has one.
        reference: light -> the reference (specimen) page at the same size: the
            white and IR substrates are brought to its substrate's colour.
        valid: the pixels that show the page (default: all).
        flatten: divide out the uneven light and vignetting fitted on the substrate.

    Raises:
        ValueError: no white image, images of different sizes, or a flat field or
            reference of another size.
    """
    if Light.WHITE not in images:
        raise ValueError("normalisation needs the white image")
    shapes = {img.shape[:2] for img in images.values()}
    if len(shapes) != 1:
        raise ValueError("images of different sizes")
    shape = next(iter(shapes))
    sub = substrate_mask(images[Light.WHITE], valid=valid)
    if reference is not None:
        ref_sub = substrate_mask(reference[Light.WHITE]) if Light.WHITE in reference else None
    out: dict[Light, Image] = {}
    report: dict[Light, LightNormalization] = {}
    for light, img in images.items():
        lin = linear(img)
        gain_flat = flat.get(light) if flat is not None else None
        if gain_flat is not None:
            if gain_flat.shape[:2] != shape:
                raise ValueError(f"{light}: flat field {gain_flat.shape} does not fit {shape}")
            lin = lin * (gain_flat if lin.ndim == gain_flat.ndim else gain_flat[:, :, None])
        exp = None
        if exposure is not None and light.value in exposure:
            exp = float(exposure[light.value])
            if not 0.01 <= exp <= 100.0:
                raise ValueError(f"{light}: implausible exposure {exp}")
            lin = lin / np.float32(exp)
        rng = (1.0, 1.0)
        if flatten:
            if light == Light.UV:
                surface = illumination_field(lin, sub, percentile=50.0)
            else:
                surface = illumination_field(lin, valid if valid is not None
                                             else np.ones(shape, bool), percentile=90.0)
            rng = (float(surface.min()), float(surface.max()))
            lin = lin / (surface if lin.ndim == 2 else surface[:, :, None])
        chans = lin.reshape(-1, lin.shape[2] if lin.ndim == 3 else 1)
        level = np.median(chans[sub.reshape(-1)], axis=0) if sub.any() else np.median(
            chans, axis=0)
        gain = np.ones(level.shape, np.float64)
        if light in (Light.WHITE, Light.IR):
            target: npt.NDArray[np.float64] = np.full(level.shape, SUBSTRATE_LEVEL)
            ref_img = None if reference is None else reference.get(light)
            if ref_img is not None and ref_sub is not None:
                if ref_img.shape[:2] != ref_sub.shape:
                    raise ValueError(f"{light}: reference images of different sizes")
                rl = linear(ref_img)
                rch = rl.reshape(-1, rl.shape[2] if rl.ndim == 3 else 1)
                target = np.median(rch[ref_sub.reshape(-1)], axis=0).astype(np.float64)
                if target.shape != level.shape:
                    target = np.full(level.shape, float(np.mean(target)))
            gain = np.clip(target / np.maximum(level, 1e-4), *GAIN_RANGE)
            lin = lin * (gain.astype(np.float32).reshape(1, 1, -1) if lin.ndim == 3
                         else np.float32(gain[0]))
            level = (level * gain).astype(np.float32)
        out[light] = encode(lin.astype(np.float32))
        report[light] = LightNormalization(
            flat_field=gain_flat is not None, exposure=exp, illumination=rng,
            gain=tuple(round(float(g), 4) for g in gain),
            substrate=tuple(round(float(v), 4) for v in level))
    return NormalizedCapture(images=out, lights=report)
