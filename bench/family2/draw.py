"""Coverage masks of the Norvanian designs: text, line fields, shapes, fibres, portraits.

Every function returns ``float32`` coverage in 0..1 (row/column order) at the
page's density ``dpi``; positions are millimetres from the page's top-left
corner. Independent of the Utopia renderer: text through Pillow with the
Liberation fonts shipped in ``fonts/``, line patterns as anti-aliased level
lines of phase fields; portraits are :func:`bench.family2.portraits.portrait`.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from bench.family2.portraits import portrait as portrait
from workstation.paths import resource

Float = npt.NDArray[np.float32]

FONTS = Path(__file__).resolve().parent / "fonts"
SANS = "LiberationSans-Regular.ttf"
SANS_BOLD = "LiberationSans-Bold.ttf"
SERIF_BOLD = "LiberationSerif-Bold.ttf"
MONO = "LiberationMono-Regular.ttf"
OCRB = "OCRB.ttf"


def mm(v: float, dpi: float) -> float:
    """Millimetres to pixels."""
    return v * dpi / 25.4


@functools.lru_cache(maxsize=64)
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path = resource("fonts", OCRB) if name == OCRB else FONTS / name
    return ImageFont.truetype(str(path), size)


@functools.lru_cache(maxsize=16)
def cap_ratio(name: str) -> float:
    """Cap height of the font over its pixel size."""
    f = _font(name, 200)
    box = f.getbbox("H", anchor="ls")
    return (box[3] - box[1]) / 200.0 if box[3] > box[1] else 0.7


def text(value: str, *, font: str, cap_mm: float, dpi: float,
         tracking_mm: float = 0.0) -> tuple[Float, float]:
    """``value`` as coverage, and the baseline's row in it.

    The mask is tight around the ink (plus 2 px); the returned baseline row lets
    callers place the text by its baseline.
    """
    size = max(4, round(mm(cap_mm, dpi) / cap_ratio(font)))
    f = _font(font, size)
    track = mm(tracking_mm, dpi)
    width = int(f.getlength(value) + track * max(0, len(value) - 1)) + 8
    asc, desc = f.getmetrics()
    img = PILImage.new("L", (max(8, width), asc + desc + 8), 0)
    draw = ImageDraw.Draw(img)
    if track:
        x = 4.0
        for ch in value:
            draw.text((x, 4 + asc), ch, fill=255, font=f, anchor="ls")
            x += f.getlength(ch) + track
    else:
        draw.text((4, 4 + asc), value, fill=255, font=f, anchor="ls")
    arr = np.asarray(img, dtype=np.float32) / 255.0
    return arr, float(4 + asc)


def place_text(canvas_shape: tuple[int, int], value: str, *, font: str, cap_mm: float,
               x_mm: float, baseline_mm: float, dpi: float, tracking_mm: float = 0.0,
               ) -> tuple[Float, int, int]:
    """Text placed with its left end at ``x_mm`` and baseline at ``baseline_mm``:
    ``(coverage, r0, c0)`` for :meth:`Page.print`."""
    cov, base = text(value, font=font, cap_mm=cap_mm, dpi=dpi, tracking_mm=tracking_mm)
    r0 = round(mm(baseline_mm, dpi) - base)
    c0 = round(mm(x_mm, dpi)) - 4
    return cov, r0, c0


def mrz_line(line: str, *, x_mm: float, baseline_mm: float, dpi: float,
             pitch_mm: float = 2.54, cap_mm: float = 2.32) -> tuple[Float, int, int]:
    """An MRZ line in OCR-B: one character per ``pitch_mm`` cell (ICAO 9303 size 10)."""
    size = max(4, round(mm(cap_mm, dpi) / cap_ratio(OCRB)))
    f = _font(OCRB, size)
    pitch = mm(pitch_mm, dpi)
    asc, desc = f.getmetrics()
    w = int(pitch * len(line)) + 8
    img = PILImage.new("L", (w, asc + desc + 8), 0)
    draw = ImageDraw.Draw(img)
    for i, ch in enumerate(line):
        cx = 4 + (i + 0.5) * pitch
        draw.text((cx, 4 + asc), ch, fill=255, font=f, anchor="ms")
    cov = np.asarray(img, dtype=np.float32) / 255.0
    return cov, round(mm(baseline_mm, dpi) - (4 + asc)), round(mm(x_mm, dpi)) - 4


# -- line fields -----------------------------------------------------------------------------
def level_lines(phase: Float, *, width_px: float) -> Float:
    """Anti-aliased lines along the integer level sets of ``phase`` (``width_px`` wide)."""
    gy, gx = np.gradient(phase.astype(np.float32))
    grad = np.sqrt(gx * gx + gy * gy) + np.float32(1e-6)
    frac = phase - np.floor(phase + np.float32(0.5))
    dist_px = np.abs(frac) / grad
    half = np.float32(width_px / 2.0)
    return np.clip(half + np.float32(0.5) - dist_px, 0.0, 1.0).astype(np.float32)


def grid_mm(shape: tuple[int, int], dpi: float, origin_mm: tuple[float, float] = (0.0, 0.0)
            ) -> tuple[Float, Float]:
    """``(x_mm, y_mm)`` of every pixel centre of a ``shape`` region whose top-left is
    ``origin_mm``."""
    h, w = shape
    s = np.float32(25.4 / dpi)
    ys = (np.arange(h, dtype=np.float32) + 0.5) * s + np.float32(origin_mm[1])
    xs = (np.arange(w, dtype=np.float32) + 0.5) * s + np.float32(origin_mm[0])
    return np.broadcast_to(xs[None, :], shape), np.broadcast_to(ys[:, None], shape)


def wave_field(shape: tuple[int, int], dpi: float, *, spacing_mm: float, angle_deg: float,
               amp_mm: float, period_mm: float, phase: float = 0.0,
               offset_mm: tuple[float, float] = (0.0, 0.0), width_mm: float = 0.08) -> Float:
    """Parallel wavy lines ``spacing_mm`` apart, across ``angle_deg``, each bent by a
    sine of ``amp_mm`` and ``period_mm`` (an offset-printed background tint)."""
    x, y = grid_mm(shape, dpi, offset_mm)
    a = math.radians(angle_deg)
    u = x * np.float32(math.cos(a)) + y * np.float32(math.sin(a))
    v = -x * np.float32(math.sin(a)) + y * np.float32(math.cos(a))
    ph = (v + np.float32(amp_mm) * np.sin(np.float32(2 * math.pi / period_mm) * u
                                          + np.float32(phase))) / np.float32(spacing_mm)
    return level_lines(ph.astype(np.float32), width_px=max(0.7, mm(width_mm, dpi)))


def rosette(shape: tuple[int, int], dpi: float, *, centre_mm: tuple[float, float],
            radius_mm: float, rings: int, lobes: int, depth: float,
            offset_mm: tuple[float, float] = (0.0, 0.0), width_mm: float = 0.07,
            twist: float = 0.0) -> Float:
    """Closed lobed rings around ``centre_mm`` (a guilloche rosette), faded out
    beyond ``radius_mm``."""
    x, y = grid_mm(shape, dpi, offset_mm)
    dx, dy = x - np.float32(centre_mm[0]), y - np.float32(centre_mm[1])
    r = np.sqrt(dx * dx + dy * dy)
    t = np.arctan2(dy, dx)
    rn = r / np.float32(radius_mm)
    ph = rings * rn * (1.0 + np.float32(depth) * np.cos(np.float32(lobes) * t
                                                         + np.float32(twist) * rn))
    lines = level_lines(ph.astype(np.float32), width_px=max(0.7, mm(width_mm, dpi)))
    fade = np.clip((1.08 - rn) / 0.08, 0.0, 1.0).astype(np.float32)
    return (lines * fade).astype(np.float32)


def star(shape: tuple[int, int], dpi: float, *, centre_mm: tuple[float, float],
         radius_mm: float, points: int, inner: float,
         offset_mm: tuple[float, float] = (0.0, 0.0)) -> Float:
    """A filled ``points``-pointed star (anti-aliased by supersampling)."""
    x, y = grid_mm(shape, dpi, offset_mm)
    dx, dy = x - np.float32(centre_mm[0]), y - np.float32(centre_mm[1])
    r = np.sqrt(dx * dx + dy * dy)
    t = np.arctan2(dy, dx) + np.float32(math.pi / 2)
    sector = np.float32(2 * math.pi / points)
    f = np.abs(((t % sector) / sector) - np.float32(0.5)) * 2.0  # 1 at the tips, 0 between
    edge = np.float32(radius_mm) * (np.float32(inner) + (1 - np.float32(inner)) * f)
    px = np.float32(25.4 / dpi)
    return np.clip((edge - r) / px + 0.5, 0.0, 1.0).astype(np.float32)


def ring(shape: tuple[int, int], dpi: float, *, centre_mm: tuple[float, float],
         radius_mm: float, width_mm: float, offset_mm: tuple[float, float] = (0.0, 0.0)
         ) -> Float:
    """A circle's outline ``width_mm`` wide."""
    x, y = grid_mm(shape, dpi, offset_mm)
    r = np.sqrt((x - np.float32(centre_mm[0])) ** 2 + (y - np.float32(centre_mm[1])) ** 2)
    px = np.float32(25.4 / dpi)
    d = np.abs(r - np.float32(radius_mm)) - np.float32(width_mm / 2)
    return np.clip(0.5 - d / px, 0.0, 1.0).astype(np.float32)


def polygon(shape: tuple[int, int], dpi: float, points_mm: list[tuple[float, float]]) -> Float:
    """A filled polygon (anti-aliased)."""
    s = 4
    h, w = shape
    img = np.zeros((h * s, w * s), np.uint8)
    pts = np.array([[mm(x, dpi) * s, mm(y, dpi) * s] for x, y in points_mm], np.int32)
    cv2.fillPoly(img, [pts], 255, lineType=cv2.LINE_AA)
    small = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
    return (small.astype(np.float32) / 255.0).astype(np.float32)


def curves(shape: tuple[int, int], dpi: float, paths_mm: list[npt.NDArray[np.float64]], *,
           width_mm: float) -> Float:
    """Poly-lines (each ``(n, 2)`` mm) stroked ``width_mm`` wide, anti-aliased."""
    s = 4
    h, w = shape
    img = np.zeros((h * s, w * s), np.uint8)
    thick = max(1, round(mm(width_mm, dpi) * s))
    for p in paths_mm:
        pts = np.round(p * (dpi / 25.4) * s).astype(np.int32).reshape(-1, 1, 2)
        cv2.polylines(img, [pts], False, 255, thickness=thick, lineType=cv2.LINE_AA)
    small = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
    return (small.astype(np.float32) / 255.0).astype(np.float32)


def fibres(shape: tuple[int, int], dpi: float, rng: np.random.Generator, *,
           per_cm2: float, n_kinds: int, page_shape: tuple[int, int] | None = None
           ) -> list[Float]:
    """Security fibres: one coverage per fibre kind; short bent threads 3–7 mm long,
    0.05–0.09 mm thick, scattered at random over ``page_shape`` (default ``shape``) and
    drawn on a canvas of ``shape`` (its top-left part: the same fibres, clipped)."""
    h, w = page_shape or shape
    area_cm2 = (h * 25.4 / dpi / 10.0) * (w * 25.4 / dpi / 10.0)
    out = []
    for _ in range(n_kinds):
        n = rng.poisson(per_cm2 * area_cm2 / n_kinds)
        paths = []
        for _ in range(n):
            x0 = rng.uniform(0, w * 25.4 / dpi)
            y0 = rng.uniform(0, h * 25.4 / dpi)
            length = rng.uniform(3.0, 7.0)
            a0 = rng.uniform(0, 2 * math.pi)
            bend = rng.normal(0, 0.5)
            t = np.linspace(0, 1, 12)
            ang = a0 + bend * t
            step = length / 11
            xs = x0 + np.concatenate([[0], np.cumsum(np.cos(ang[:-1]) * step)])
            ys = y0 + np.concatenate([[0], np.cumsum(np.sin(ang[:-1]) * step)])
            paths.append(np.stack([xs, ys], axis=1))
        out.append(curves(shape, dpi, paths, width_mm=float(rng.uniform(0.05, 0.09))))
    return out


def microtext_line(shape: tuple[int, int], dpi: float, phrase: str, *, x_mm: float,
                   baseline_mm: float, length_mm: float) -> tuple[Float, int, int]:
    """``phrase`` repeated in 0.3 mm capitals over ``length_mm`` (a microprinted rule)."""
    reps = max(1, int(length_mm / max(0.5, len(phrase) * 0.28)) + 1)
    cov, r0, c0 = place_text(shape, (phrase + " ") * reps, font=SANS_BOLD, cap_mm=0.32,
                             x_mm=x_mm, baseline_mm=baseline_mm, dpi=dpi)
    keep = round(mm(length_mm, dpi)) + 4
    return np.ascontiguousarray(cov[:, :keep]), r0, c0


def density_of(reflectance: Float, paper: npt.ArrayLike) -> Float:
    """RGB optical density that turns ``paper`` into ``reflectance`` (>= 0)."""
    p = np.asarray(paper, dtype=np.float32).reshape(1, 1, 3)
    return np.maximum(0.0, -np.log10(np.clip(reflectance, 1e-3, 1.0) / p)).astype(np.float32)


def signature(h: int, w: int, rng: np.random.Generator, dpi: float) -> Float:
    """A handwritten-looking scribble ``(h, w)``: one pen stroke of loops."""
    n = 400
    t = np.linspace(0, 1, n)
    loops = rng.integers(5, 9)
    x = 0.05 + 0.9 * t + 0.035 * np.sin(2 * np.pi * loops * t + rng.uniform(0, 6))
    y = 0.55 + 0.25 * np.sin(2 * np.pi * loops * t * rng.uniform(0.9, 1.1)
                              + rng.uniform(0, 6)) * (0.6 + 0.4 * np.sin(np.pi * t))
    pts = np.stack([x * w * 25.4 / dpi, y * h * 25.4 / dpi], axis=1)
    return curves((h, w), dpi, [pts], width_mm=0.22)
