"""The camera in front of the document: the platen around it, uneven illumination,
sensor noise (from a fixed bank at random offsets, for speed), 8-bit output."""

from __future__ import annotations

import functools
import math
import random

import cv2
import numpy as np

from workstation.specimens.compose import Float, Scene
from workstation.specimens.documents import DESIGNS
from workstation.types import Image, Light

#: Colour of the reader's platen (outside the document) under each light, 0..1.
PLATEN_BACKGROUND: dict[Light, tuple[float, ...]] = {
    Light.WHITE: (0.10, 0.10, 0.11),
    Light.UV: (0.018, 0.010, 0.040),
    Light.IR: (0.08,),
    Light.OBLIQUE: (0.05, 0.05, 0.055),
    Light.OBLIQUE_TOP: (0.05, 0.05, 0.055),
    Light.TRANSMITTED: (0.02, 0.02, 0.02),
    Light.COAXIAL: (0.06, 0.06, 0.065),
    Light.UV254: (0.012, 0.010, 0.025),
}


def illumination_field(shape: tuple[int, int], rng: random.Random, strength: float) -> Float:
    """A smooth gain field around 1 (tilt and fall-off), ``strength`` its rough amplitude."""
    h, w = shape
    ys = np.linspace(-1, 1, max(h // 16, 2), dtype=np.float32)
    xs = np.linspace(-1, 1, max(w // 16, 2), dtype=np.float32)
    yy, xx = np.meshgrid(ys, xs, indexing="ij")
    cx, cy = rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6)
    gain = (1.0 + strength * (rng.uniform(-0.5, 0.5) * xx + rng.uniform(-0.5, 0.5) * yy)
            - strength * 0.8 * ((xx - cx) ** 2 + (yy - cy) ** 2) / 2.0)
    small = gain.astype(np.float32)
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), np.float32)


#: Sensor noise (standard deviation in 8-bit levels) per light.
NOISE_LEVELS: dict[Light, float] = {Light.WHITE: 1.8, Light.UV: 2.6, Light.IR: 2.0,
                                    Light.OBLIQUE: 2.0, Light.OBLIQUE_TOP: 2.0,
                                    Light.TRANSMITTED: 2.2, Light.COAXIAL: 2.0,
                                    Light.UV254: 2.8}


_NOISE_ROWS = 509


_NOISE_COLS = 16384


@functools.lru_cache(maxsize=1)
def _noise_bank() -> Float:
    """A fixed bank of standard-normal noise, sampled at random offsets (fast)."""
    gen = np.random.default_rng(0x5EED)
    return gen.standard_normal((_NOISE_ROWS, _NOISE_COLS), dtype=np.float32)


def noise_like(shape: tuple[int, ...], rng: random.Random) -> Float:
    """Standard-normal noise of ``shape`` (rows first), drawn from ``rng``."""
    h = shape[0]
    row = int(np.prod(shape[1:]))
    if row > _NOISE_COLS:
        gen = np.random.default_rng(rng.randrange(2**32))
        return gen.standard_normal(shape, dtype=np.float32)
    bank = _noise_bank()
    r_off = rng.randrange(_NOISE_ROWS)
    c_off = rng.randrange(_NOISE_COLS - row + 1)
    rows = (r_off + np.arange(h)) % _NOISE_ROWS
    return bank[:, c_off:c_off + row][rows].reshape(shape)


def to_uint8(levels: Float, *, noise_sigma: float = 0.0,
             rng: random.Random | None = None) -> Image:
    """A float image in 8-bit levels (0..255 scale) to ``uint8`` with saturation,
    after adding Gaussian noise of ``noise_sigma`` levels."""
    if noise_sigma > 0 and rng is not None:
        work = np.asarray(cv2.scaleAdd(noise_like(levels.shape, rng), float(noise_sigma),
                                       levels), np.float32)
        np.maximum(work, np.float32(0.0), out=work)
    else:
        work = np.maximum(levels, np.float32(0.0))
    return np.asarray(cv2.convertScaleAbs(work), np.uint8)


def finish(scene: Scene, *, seed: int, variation: bool, background: bool = True,
           jpeg_quality: int | None = None, noise: bool = True,
           uneven: float = 0.05, uneven_uv: float | None = None,
           blur_px: tuple[float, float] = (0.25, 0.6)) -> dict[Light, Image]:
    """Sensor effects on a cropped scene: uneven light, defocus, noise, JPEG; uint8 out.

    Outside the document's rounded corners the platen shows (``background``).
    ``uneven`` is the rough amplitude of the uneven illumination (``uneven_uv``
    under UV, default the same); ``blur_px`` the range of the defocus (Gaussian
    sigma at 300 dpi). All only with ``variation``.
    """
    rng = random.Random(f"sensor:{scene.truth['document']}:{seed}")
    shape = scene.alpha.shape
    sigma = rng.uniform(*blur_px) * scene.dpi / 300.0 if variation else 0.0
    corner = min(math.ceil(_corner_px(scene)) + 1, shape[0] // 2, shape[1] // 2)
    holes = _hole_box(scene)
    out: dict[Light, Image] = {}
    for light, img in scene.images.items():
        if variation:
            strength = uneven if uneven_uv is None or light is not Light.UV else uneven_uv
            gain = illumination_field(shape, rng, strength) * np.float32(255.0)
            work = img * (gain[..., None] if img.ndim == 3 else gain)
        else:
            work = img * np.float32(255.0)
        if background and corner > 0:
            bg = np.asarray(PLATEN_BACKGROUND[light], np.float32) * np.float32(255.0)
            bgv = bg if work.ndim == 3 else bg[0]
            h, w = shape
            for ys in (slice(0, corner), slice(h - corner, h)):
                for xs in (slice(0, corner), slice(w - corner, w)):
                    a = scene.alpha[ys, xs]
                    a = a[..., None] if work.ndim == 3 else a
                    work[ys, xs] = work[ys, xs] * a + bgv * (1.0 - a)
        if background and holes is not None and light is not Light.TRANSMITTED:
            # the platen shows through the perforation holes in reflected light
            ys, xs = holes
            hm = scene.holes[ys, xs] if scene.holes is not None else None
            if hm is not None:
                hm = hm[..., None] if work.ndim == 3 else hm
                bg = np.asarray(PLATEN_BACKGROUND[light], np.float32) * np.float32(255.0)
                bgv = bg if work.ndim == 3 else bg[0]
                work[ys, xs] = work[ys, xs] * (1.0 - hm) + bgv * hm
        if sigma > 0.05:
            work = np.asarray(cv2.GaussianBlur(work, (0, 0), sigma), np.float32)
        out[light] = to_uint8(work, noise_sigma=NOISE_LEVELS[light] if variation and noise
                              else 0.0, rng=rng)
    if jpeg_quality is not None:
        from workstation.imageio import decode_image, encode_image

        out = {light: decode_image(encode_image(img, ".jpg", jpeg_quality=jpeg_quality))
               for light, img in out.items()}
    return out


def _hole_box(scene: Scene) -> tuple[slice, slice] | None:
    """The rows and columns around the scene's perforation holes (``None``: none)."""
    if scene.holes is None:
        return None
    rows = np.flatnonzero(scene.holes.max(axis=1) > 0)
    cols = np.flatnonzero(scene.holes.max(axis=0) > 0)
    if rows.size == 0:
        return None
    return slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1)


def _corner_px(scene: Scene) -> float:
    design = DESIGNS[scene.truth["document"]]
    return design.corner_radius_mm * scene.dpi / 25.4
