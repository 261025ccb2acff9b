"""Image measures the checks share (pure functions on zone crops).

Crops are ``uint8`` RGB ``(H, W, 3)`` or grey ``(H, W)`` at the work density;
``px_per_mm`` converts physical sizes. Every function raises ``ValueError`` on
an empty crop.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from workstation.types import Image

FloatImage = npt.NDArray[np.float32]

#: Rec. 601 luma weights (RGB).
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)


#: Named measures of a zone (the ``measure`` keys of ``specimen.json``'s ``stats``).
Measures = dict[str, float]


#: The display gamma a capture's 8-bit levels are undone with (:func:`linear`).
GAMMA = 2.2


def linear(img: npt.NDArray[np.generic]) -> npt.NDArray[np.float32]:
    """``img``'s 8-bit levels as linear light 0..1 (float32, same shape)."""
    out: npt.NDArray[np.float32] = np.power(img.astype(np.float32) / np.float32(255.0),
                                            np.float32(GAMMA))
    return out


def linear_lum(img: npt.NDArray[np.generic]) -> npt.NDArray[np.float32]:
    """Linear luminance 0..1 ``(H, W)`` of an sRGB-like ``uint8`` image (grey or RGB)."""
    lin = linear(img)
    return np.asarray((lin @ LUMA) if lin.ndim == 3 else lin, np.float32)


def check_pair(q: Image, s: Image | None = None) -> None:
    """Raise ``ValueError`` unless ``q`` is a non-empty ``(H, W[, 3])`` crop and ``s``
    (when given) has its height and width."""
    if q.size == 0 or q.ndim not in (2, 3):
        raise ValueError("expected a non-empty (H, W[, 3]) crop")
    if s is not None and s.shape[:2] != q.shape[:2]:
        raise ValueError("questioned and specimen crops differ in size")


def _check(img: Image) -> None:
    if img is None or img.size == 0 or img.ndim not in (2, 3):
        raise ValueError("expected a non-empty (H, W[, 3]) image")


def crop_mm(img: Image, rect_mm: tuple[float, float, float, float], px_per_mm: float, *,
            min_px: int = 3) -> Image | None:
    """The part of ``img`` (``(H, W[, C])`` at ``px_per_mm``) under ``rect_mm``
    (``(x, y, w, h)`` in mm), clipped to the image; ``None`` when less than ``min_px``
    pixels of it lie inside in either direction."""
    x, y, w, h = rect_mm
    H, W = img.shape[:2]
    r0, r1 = max(0, round(y * px_per_mm)), min(H, round((y + h) * px_per_mm))
    c0, c1 = max(0, round(x * px_per_mm)), min(W, round((x + w) * px_per_mm))
    if r1 - r0 < min_px or c1 - c0 < min_px:
        return None
    return np.ascontiguousarray(img[r0:r1, c0:c1])


def luminance(img: Image) -> FloatImage:
    """Luma in 0..255 as float32 ``(H, W)``."""
    _check(img)
    if img.ndim == 2:
        return img.astype(np.float32)
    return np.asarray(img.astype(np.float32) @ LUMA, dtype=np.float32)


def highpass(grey: FloatImage, sigma_px: float) -> FloatImage:
    """``grey`` minus its Gaussian blur (removes uneven light and exposure offsets)."""
    return np.asarray(grey - cv2.GaussianBlur(grey, (0, 0), sigma_px), dtype=np.float32)


def structure(img: Image, *, px_per_mm: float) -> float:
    """Median absolute high-pass response (grey levels) after slight denoising: how
    much fine print covers the crop. Sparse marks (text over a small part) barely
    move it; a background pattern covering the crop does."""
    g = luminance(img)
    g = np.asarray(cv2.GaussianBlur(g, (0, 0), max(0.5, 0.08 * px_per_mm)), dtype=np.float32)
    hp = highpass(g, sigma_px=max(2.0, 1.0 * px_per_mm))
    return float(np.median(np.abs(hp)))


def ink_contrast(light_img: Image, white_img: Image) -> tuple[float, float, int]:
    """How dark the print that is dark in white light stays under another light.

    The print pixels are those of ``white_img`` darker than a third of the way
    from the ink (2nd percentile) to the paper (90th percentile). Returns
    ``(ratio, white_darkness, n_print_pixels)``: ``ratio`` is the print's
    darkness under ``light_img`` over its darkness in white light (1: absorbs as
    much, 0: vanishes); darkness is ``1 - print / paper``.
    """
    w = luminance(white_img)
    light = luminance(light_img)
    if w.shape != light.shape:
        raise ValueError("crops of different sizes")
    ink, paper = float(np.percentile(w, 2)), float(np.percentile(w, 90))
    if paper <= 1 or paper - ink < 20:
        return 0.0, 0.0, 0
    mask = w < ink + (paper - ink) / 3.0
    n = int(mask.sum())
    if n < 10:
        return 0.0, 0.0, n
    w_dark = 1.0 - float(np.median(w[mask])) / paper
    l_paper = float(np.percentile(light[~mask], 75)) if (~mask).any() else 0.0
    if l_paper <= 1 or w_dark <= 0.05:
        return 0.0, w_dark, n
    l_dark = 1.0 - float(np.median(light[mask])) / l_paper
    return max(0.0, l_dark) / w_dark, w_dark, n


def feature_signal(img: Image, substrate: npt.ArrayLike, direction: npt.ArrayLike) -> FloatImage:
    """Per pixel, the emission above the substrate's along a colour ``direction``
    (unit RGB vector), in grey levels. Grey crops use luminance."""
    _check(img)
    if img.ndim == 2:
        level = float(np.mean(np.asarray(substrate, dtype=np.float64)))
        return np.asarray(img.astype(np.float32) - level, np.float32)
    d = np.asarray(direction, dtype=np.float32)
    d = d / max(1e-6, float(np.linalg.norm(d)))
    sub = np.asarray(substrate, dtype=np.float32).reshape(1, 1, 3)
    return np.asarray((img.astype(np.float32) - sub) @ d, dtype=np.float32)


def substrate_colour(img: Image, mask: npt.NDArray[np.bool_] | None = None) -> npt.NDArray[
        np.float32]:
    """The median colour (per channel) of ``img`` (where ``mask``): the substrate
    when most of the area is unprinted."""
    _check(img)
    px = img.reshape(-1, img.shape[2] if img.ndim == 3 else 1)
    if mask is not None:
        px = px[mask.reshape(-1)]
    if px.size == 0:
        px = img.reshape(-1, img.shape[2] if img.ndim == 3 else 1)
    return np.asarray(np.median(px, axis=0), dtype=np.float32)


def best_shift_ncc(a: FloatImage, b: FloatImage, max_shift_px: int) -> float:
    """The highest normalised cross-correlation of ``b``'s centre (shrunk by
    ``max_shift_px`` on every side) over ``a`` shifted by up to ``max_shift_px``."""
    if a.shape != b.shape:
        raise ValueError("crops of different sizes")
    m = max(0, int(max_shift_px))
    h, w = a.shape
    if h - 2 * m < 4 or w - 2 * m < 4:
        m = 0
    tmpl = np.ascontiguousarray(b[m:h - m, m:w - m], dtype=np.float32)
    if float(tmpl.std()) < 1e-3 or float(a.std()) < 1e-3:
        return 0.0
    res = cv2.matchTemplate(np.ascontiguousarray(a, dtype=np.float32), tmpl,
                            cv2.TM_CCOEFF_NORMED)
    return float(np.nanmax(res))


def ncc_surface(a: FloatImage, t: FloatImage, keep: npt.NDArray[np.bool_], max_shift_px: int
                ) -> npt.NDArray[np.float64] | None:
    """The normalised correlation of the template ``t`` ``(h, w)`` with ``a``
    ``(h + 2m, w + 2m)`` (``m``: ``max_shift_px``) over ``keep``'s pixels only
    (``(h, w)`` bool), at every shift: ``(2m + 1, 2m + 1)``, ``[dy + m, dx + m]`` for
    ``t`` moved by ``(dx, dy)`` px on ``a``'s centre. ``None`` when the kept template
    has (almost) no structure."""
    m = max(0, int(max_shift_px))
    h, w = t.shape
    if a.shape != (h + 2 * m, w + 2 * m) or keep.shape != t.shape:
        raise ValueError("template, mask and search area do not fit")
    tv = t[keep].astype(np.float64)
    tv -= tv.mean() if tv.size else 0.0
    tn = float(np.sqrt((tv * tv).sum()))
    if tv.size == 0 or tn < 1e-3 * np.sqrt(tv.size):
        return None
    res = np.zeros((2 * m + 1, 2 * m + 1), np.float64)
    for dy in range(-m, m + 1):
        for dx in range(-m, m + 1):
            v = a[m + dy:m + dy + h, m + dx:m + dx + w][keep].astype(np.float64)
            v -= v.mean()
            res[dy + m, dx + m] = float((v * tv).sum()) / max(
                1e-12, float(np.sqrt((v * v).sum())) * tn)
    return res


def masked_best_shift_ncc(a: FloatImage, b: FloatImage, keep: npt.NDArray[np.bool_],
                          max_shift_px: int) -> float:
    """:func:`best_shift_ncc` over ``keep``'s pixels of ``b`` only (``(H, W)`` bool, in
    ``b``'s frame): 0 when they show no structure."""
    if a.shape != b.shape or keep.shape != b.shape:
        raise ValueError("crops of different sizes")
    m = max(0, int(max_shift_px))
    h, w = a.shape
    if h - 2 * m < 4 or w - 2 * m < 4:
        m = 0
    res = ncc_surface(a, b[m:h - m, m:w - m], keep[m:h - m, m:w - m], m)
    return 0.0 if res is None else float(np.max(res))


def bandpass(img: Image, *, px_per_mm: float, fine_mm: float = 0.15,
             coarse_mm: float = 0.6) -> FloatImage:
    """Luminance band-passed between ``fine_mm`` (noise) and ``coarse_mm`` (uneven
    light, exposure): the line structure of a print."""
    g = luminance(img)
    fine = cv2.GaussianBlur(g, (0, 0), max(0.5, fine_mm * px_per_mm))
    coarse = cv2.GaussianBlur(g, (0, 0), max(1.0, coarse_mm * px_per_mm))
    return np.asarray(fine - coarse, dtype=np.float32)


def pattern_similarity(a: Image, b: Image, *, px_per_mm: float,
                       max_shift_mm: float = 0.9) -> float:
    """Structural similarity of two crops of the same zone: the best normalised
    correlation of their band-passed luminance over shifts up to ``max_shift_mm``
    (a print pass may sit a fraction of a millimetre off the page's other prints;
    exposure and uneven light are removed by the band-pass)."""
    if a.shape[:2] != b.shape[:2]:
        raise ValueError("crops of different sizes")
    return best_shift_ncc(bandpass(a, px_per_mm=px_per_mm), bandpass(b, px_per_mm=px_per_mm),
                          round(max_shift_mm * px_per_mm))


def hue_deg(rgb: npt.ArrayLike) -> float:
    """Hue angle (degrees) of an RGB colour vector."""
    r, g, b = (float(v) for v in np.asarray(rgb, dtype=np.float64).ravel()[:3])
    return float(np.degrees(np.arctan2(np.sqrt(3.0) * (g - b), 2.0 * r - g - b)) % 360.0)


def hue_difference(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Smallest angle (degrees) between the hues of two RGB colours."""
    d = abs(hue_deg(a) - hue_deg(b)) % 360.0
    return min(d, 360.0 - d)
