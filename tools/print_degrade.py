"""Degrade rendered text the way real documents and their pictures degrade it.

Used by the recognisers' training scripts (``tools/train_ocrb.py``,
``tools/train_cyrillic.py``) only: nothing here runs in the application.
Every function takes a float image in 0..1 (1 = paper, 0 = full ink) or the
ink coverage, and a seeded ``random.Random``/``numpy`` generator, so a
training set is reproducible from its seed.

The stages follow a document's life:

* **print** — laser/toner (speckle, dropouts, ragged edges), inkjet (bleed,
  feathering), offset/thermal (crisp, thin or bold strokes), laser engraving
  of polycarbonate cards (grey, dotted strokes, a faint relief shadow);
* **document** — paper tint, guilloche and fine background print under the
  text, laminate glare (a bright washed-out patch), hologram bands, UV-like
  dark pages with dark print and IR-like grey pages (low contrast);
* **camera** — uneven light and vignetting, small rotation and perspective,
  down-sampling to the target character pitch, defocus and motion blur,
  sensor noise, sharpening halos, JPEG (sometimes twice).
"""

from __future__ import annotations

import random

import cv2
import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]

PRINT_PROCESSES = ("offset", "laser", "inkjet", "engraved", "thermal")


def print_ink(coverage: F32, pitch: float, rng: random.Random,
              nrng: np.random.Generator, process: str) -> F32:
    """Ink coverage (0..1) after printing by ``process`` at ``pitch`` px per character."""
    k = max(1, round(pitch * rng.uniform(0.02, 0.06)))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * k + 1, 2 * k + 1))
    ink = coverage.astype(np.float32)
    weight = rng.random()
    if weight < 0.2:
        ink = cv2.erode(ink, kernel)
    elif weight < 0.4:
        ink = cv2.dilate(ink, kernel)
    if process == "laser":
        # toner: ragged edges, speckle around strokes, small dropouts inside
        rough = nrng.random(ink.shape).astype(np.float32)
        edge = cv2.GaussianBlur(ink, (0, 0), max(0.6, pitch * 0.03))
        ink = np.where((edge > 0.15) & (edge < 0.85), (rough < edge).astype(np.float32), ink)
        ink = np.maximum(ink, (nrng.random(ink.shape) < 0.002 * rng.random()).astype(np.float32)
                         * (edge > 0.02))
        ink = ink * (nrng.random(ink.shape) > rng.uniform(0.0, 0.05))
    elif process == "inkjet":
        sigma = max(0.5, pitch * rng.uniform(0.02, 0.06))
        bled = cv2.GaussianBlur(ink, (0, 0), sigma)
        ink = np.clip((bled - rng.uniform(0.25, 0.55)) * 4.0 + 0.5, 0, 1)
        ink = ink * rng.uniform(0.75, 1.0)
    elif process == "engraved":
        # laser engraving: grey strokes built of dots, and a faint relief shadow
        step = max(2, round(pitch * rng.uniform(0.06, 0.12)))
        yy, xx = np.mgrid[0:ink.shape[0], 0:ink.shape[1]]
        dots = (((yy % step) < max(1, step * 0.7)) & ((xx % step) < max(1, step * 0.7)))
        ink = ink * np.where(dots, 1.0, rng.uniform(0.3, 0.8)).astype(np.float32)
        ink = ink * rng.uniform(0.45, 0.9)
        shift = max(1, round(pitch * 0.04))
        shadow = np.roll(np.roll(coverage, shift, axis=0), shift, axis=1) * rng.uniform(0.0, 0.2)
        ink = np.maximum(ink, shadow.astype(np.float32))
    elif process == "thermal":
        ink = (cv2.GaussianBlur(ink, (0, 0), 0.7) > rng.uniform(0.3, 0.7)).astype(np.float32)
    return np.clip(ink, 0.0, 1.0).astype(np.float32)


def background(shape: tuple[int, int], pitch: float, rng: random.Random,
               nrng: np.random.Generator) -> F32:
    """Paper reflectance 0..1 with guilloche waves, fine lines and texture."""
    h, w = shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    paper = np.full(shape, rng.uniform(0.75, 1.0), np.float32)
    if rng.random() < 0.6:  # guilloche
        f = rng.uniform(0.08, 0.6) / pitch
        amp = rng.uniform(0.03, 0.2)
        wave = np.sin(xx * f + rng.uniform(1, 4) * np.sin(yy * f * rng.uniform(0.3, 1.2)))
        paper -= amp * (wave > rng.uniform(0.5, 0.95)).astype(np.float32)
    if rng.random() < 0.25:  # fine background lines (rainbow print, microtext rules)
        period = pitch * rng.uniform(0.15, 0.6)
        ang = rng.uniform(0, np.pi)
        lines = np.sin((xx * np.cos(ang) + yy * np.sin(ang)) * 2 * np.pi / period)
        paper -= rng.uniform(0.03, 0.15) * (lines > 0.7)
    if rng.random() < 0.5:  # paper or laminate texture
        tex = nrng.normal(0, 1, (max(2, h // 4), max(2, w // 4))).astype(np.float32)
        tex = cv2.resize(tex, (w, h), interpolation=cv2.INTER_CUBIC)
        paper += rng.uniform(0.005, 0.04) * tex
    return np.clip(paper, 0.05, 1.0).astype(np.float32)


def document_light(page: F32, pitch: float, rng: random.Random) -> F32:
    """Laminate glare, hologram bands, and the UV/IR looks (reflectance 0..1)."""
    h, w = page.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    out = page
    if rng.random() < 0.2:  # hologram: soft periodic bands that brighten and darken
        period = pitch * rng.uniform(2, 8)
        ang = rng.uniform(0, np.pi)
        band = np.sin((xx * np.cos(ang) + yy * np.sin(ang)) * 2 * np.pi / period)
        out = out * (1.0 + rng.uniform(0.05, 0.2) * band)
    if rng.random() < 0.25:  # glare: a bright patch that washes print out
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        sx, sy = rng.uniform(1, 10) * pitch, rng.uniform(0.5, 3) * pitch
        g = np.exp(-(((xx - cx) / sx) ** 2 + ((yy - cy) / sy) ** 2))
        strength = rng.uniform(0.3, 0.9)
        out = out + (1.2 - out) * strength * g
    look = rng.random()
    if look < 0.08:  # UV: dark page, the print darker still
        lo = rng.uniform(0.05, 0.2)
        out = lo + out * rng.uniform(0.1, 0.3)
    elif look < 0.2:  # IR: grey page, the background gone, black print
        out = np.full_like(out, rng.uniform(0.5, 0.85)) * (0.7 + 0.3 * out)
    return out.astype(np.float32)


def combine(paper: F32, ink: F32, rng: random.Random) -> F32:
    """Reflectance of paper under ``ink`` (ink darkness in 0..1)."""
    density = rng.uniform(0.7, 1.0)
    return (paper * (1.0 - density * ink)).astype(np.float32)


def camera(img: F32, scale: float, pitch_out: float, rng: random.Random,
           nrng: np.random.Generator) -> npt.NDArray[np.uint8]:
    """The picture: uneven light, resampling by ``scale``, blur, noise,
    sharpening and JPEG, as 8-bit grey."""
    h, w = img.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1.0 + rng.uniform(-0.35, 0.35) * (xx / w - 0.5) + rng.uniform(-0.2, 0.2) * (
        yy / h - 0.5)
    if rng.random() < 0.3:
        r2 = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2)
        light = light * (1.0 - rng.uniform(0.1, 0.5) * r2)
    img = img * light * rng.uniform(0.6, 1.1)
    out = cv2.resize(img, None, fx=scale, fy=scale,
                     interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    r = rng.random()
    if r < 0.6:
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.3, 1.1) * max(1.0, pitch_out / 14))
    elif r < 0.7:  # motion blur
        length = max(2, round(rng.uniform(1.0, 3.0) * max(1.0, pitch_out / 14)))
        kern = np.zeros((length, length), np.float32)
        if rng.random() < 0.5:
            kern[length // 2, :] = 1.0
        else:
            kern[:, length // 2] = 1.0
        out = cv2.filter2D(out, -1, kern / kern.sum())
    if rng.random() < 0.25:  # in-camera sharpening: halos
        soft = cv2.GaussianBlur(out, (0, 0), 1.0)
        out = out + rng.uniform(0.3, 1.2) * (out - soft)
    sigma = rng.uniform(0.0, 0.06)
    out = out + nrng.normal(0, 1, out.shape).astype(np.float32) * sigma * np.sqrt(
        np.clip(out, 0.02, 1.5))
    u8 = np.clip(out * 255, 0, 255).astype(np.uint8)
    for _ in range(2 if rng.random() < 0.15 else 1):
        if rng.random() < 0.6:
            _ok, buf = cv2.imencode(".jpg", u8, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(15, 95)])
            u8 = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    return np.asarray(u8, np.uint8)
