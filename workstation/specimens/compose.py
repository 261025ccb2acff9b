"""Composing a document: layers of ink on a substrate, stacked into linear white (RGB),
UV 365 and UV 254 (RGB) and IR (grey) images (subtractive print in white light and IR,
quench-then-emit under UV), the surface relief under grazing light from any azimuth,
light through the sheet (watermark, the back's print, perforation holes), the laminate
under coaxial light, halftone screens, the document's outline. No document design and
no camera here."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.specimens.inks import Ink, Substrate
from workstation.specimens.people import Person
from workstation.types import DEFAULT_AZIMUTH_DEG, Light

Float = npt.NDArray[np.float32]


ArrayOrScalar = float | npt.NDArray[np.float32]


#: IR reflectance of the photo paper of a pasted photo.
PHOTO_PAPER_IR = 0.84


@dataclass
class Layer:
    """One print pass of one ink over a rectangle of the face.

    ``cov`` is the coverage (0..1) of the rectangle whose top-left pixel is
    ``(r0, c0)``; ``white``/``uv`` are RGB triples or per-pixel arrays
    broadcastable to ``cov.shape + (3,)``; ``uv_quench``/``ir_absorb`` scalars or
    arrays broadcastable to ``cov.shape``.
    """

    name: str
    cov: Float
    r0: int
    c0: int
    white: npt.NDArray[np.float32]
    uv: npt.NDArray[np.float32] | None
    uv_quench: ArrayOrScalar
    ir_absorb: ArrayOrScalar
    #: opacity in white light (0: a transparent ink printing over what lies below;
    #: 1: a pasted photo hiding it), and for ``opaque == 1`` also in IR
    opaque: float = 0.0
    #: height (µm) the layer adds to the surface at full coverage: intaglio print,
    #: tactile laser engraving, embossing (seen under grazing light)
    relief_um: float = 0.0
    #: emission under short-wave UV (254 nm), RGB, or ``None``
    uv254: npt.NDArray[np.float32] | None = None


@dataclass
class BaseFactors:
    """Multiplicative factors of a pre-composed print pass: white ``(H, W, 3)``,
    UV quenching ``(H, W)``, IR ``(H, W)``."""

    white: Float
    uv: Float
    ir: Float

    def crop(self, r0: int, c0: int, h: int, w: int) -> BaseFactors:
        """The ``(h, w)`` window starting at ``(r0, c0)``."""
        return BaseFactors(self.white[r0:r0 + h, c0:c0 + w], self.uv[r0:r0 + h, c0:c0 + w],
                           self.ir[r0:r0 + h, c0:c0 + w])


def ink_layer(name: str, cov: Float, r0: int, c0: int, ink: Ink) -> Layer:
    """A layer of one uniform ink."""
    return Layer(name, cov, r0, c0, np.asarray(ink.white, np.float32),
                 np.asarray(ink.uv, np.float32) if ink.luminescent else None,
                 float(ink.uv_quench), float(ink.ir_absorb),
                 uv254=np.asarray(ink.uv254, np.float32) if ink.luminescent254 else None)


@dataclass
class Sheet:
    """What the sheet adds beyond its printed face (all optional).

    Attributes:
        surface_um: the paper's or card's surface height (µm, ``(H, W)``), seen under
            grazing light with every layer's relief on top.
        transmittance: light through the sheet ``(H, W)`` (the watermark's tones);
            default the substrate's uniform value.
        back: layers printed on the back of the sheet, seen only in transmitted light
            (the other half of a see-through register).
        holes: laser perforation ``(H, W)``, 0..1: the light passes straight through
            (transmitted light), the platen shows through (every reflected light).
        laminate_gloss: the laminate's specular reflection under coaxial light (0: no
            laminate).
        retro: the laminate's retro-reflective pattern ``(H, W)``, 0..1 (bright under
            coaxial light only), or ``None``.
    """

    surface_um: Float | None = None
    transmittance: Float | None = None
    back: Sequence[Layer] = ()
    holes: Float | None = None
    laminate_gloss: float = 0.0
    retro: Float | None = None


#: Colour of the transmitted-light lamp (linear RGB), and of the coaxial lamp.
TRANSMITTED_LAMP = (1.0, 0.95, 0.84)
COAXIAL_LAMP = (0.97, 0.97, 0.95)
#: Share of the diffuse (white-light) image a coaxial light returns, and how bright the
#: retro-reflective pattern is at full coverage.
COAXIAL_DIFFUSE = 0.5
RETRO_GAIN = 0.22


def _sub(a: Any, ys: slice, xs: slice) -> Any:
    """Crop a per-pixel array like the coverage; leave scalars and triples alone."""
    if np.ndim(a) < 2:
        return a
    return a[ys if a.shape[0] > 1 else slice(None), xs if a.shape[1] > 1 else slice(None)]


def compose(layers: Sequence[Layer], substrate: Substrate, shape: tuple[int, int],
            lights: Sequence[Light], *, paper_white: Sequence[float] | None = None,
            paper_uv: Sequence[float] | None = None,
            base: BaseFactors | None = None, surface_um: Float | None = None,
            transmittance: Float | None = None, dpi: float = 300.0,
            sheet: Sheet | None = None, paper_uv254: Sequence[float] | None = None,
            azimuth_deg: dict[Light, float] | None = None) -> dict[Light, Float]:
    """Compose ``layers`` over ``substrate`` into float images (0..1) of ``shape``.

    ``base`` holds pre-composed factors of a print pass that lies directly on the
    paper (the guilloche background), already cropped to ``shape``.

    Grazing light (``oblique`` from the left, ``oblique_top`` from the top, or the
    azimuths given) shows the surface: the sheet's ``surface_um`` (µm) plus every
    layer's relief, shaded by its slope towards the lamp and falling off away from
    it. Transmitted light shows the sheet's ``transmittance`` (default the
    substrate's uniform value) dimmed by the print on both sides, and the lamp itself
    through perforation holes. Coaxial light returns part of the diffuse image, the
    laminate's gloss and its retro-reflective pattern. UV 254 is composed like UV 365
    with the substrate's and the inks' short-wave emission. ``surface_um`` and
    ``transmittance`` are kept for callers that pass no ``sheet``.

    White, UV and UV 254 images are ``(H, W, 3)``, IR ``(H, W)``.
    """
    h, w = shape
    want = set(lights)
    sheet = sheet or Sheet(surface_um=surface_um, transmittance=transmittance)
    out: dict[Light, Float] = {}
    obliques = [light for light in lights if light in DEFAULT_AZIMUTH_DEG]
    need_white = want & {Light.WHITE, Light.OBLIQUE, Light.OBLIQUE_TOP, Light.TRANSMITTED,
                         Light.COAXIAL}
    white = np.empty((h, w, 3), np.float32) if need_white else None
    if white is not None:
        pw = np.asarray(paper_white or substrate.white, np.float32)
        if base is not None:
            np.multiply(base.white, pw, out=white)
        else:
            white[:] = pw
    uvs: dict[Light, Float] = {}
    for light, paper in ((Light.UV, paper_uv or substrate.uv),
                         (Light.UV254, paper_uv254 or substrate.uv254)):
        if light in want:
            img = np.empty((h, w, 3), np.float32)
            pu = np.asarray(paper, np.float32)
            if base is not None:
                np.multiply(base.uv[..., None], pu, out=img)
            else:
                img[:] = pu
            uvs[light] = img
    height = None
    if obliques:
        height = (np.zeros((h, w), np.float32) if sheet.surface_um is None
                  else np.array(sheet.surface_um, np.float32))
    ir = None
    if Light.IR in want:
        if base is not None:
            ir = base.ir * np.float32(substrate.ir)
        else:
            ir = np.full((h, w), substrate.ir, np.float32)
    for layer in layers:
        lh, lw = layer.cov.shape
        y0, x0 = max(layer.r0, 0), max(layer.c0, 0)
        y1, x1 = min(layer.r0 + lh, h), min(layer.c0 + lw, w)
        if y1 <= y0 or x1 <= x0:
            continue
        ys = slice(y0 - layer.r0, y1 - layer.r0)
        xs = slice(x0 - layer.c0, x1 - layer.c0)
        cov = layer.cov[ys, xs]
        c3 = cov[..., None]
        if white is not None:
            tile = white[y0:y1, x0:x1]
            if layer.opaque > 0:
                o = np.float32(layer.opaque)
                lw = _sub(layer.white, ys, xs)
                tile *= (1.0 - c3 * o) * (1.0 - c3 * (1.0 - o) * (1.0 - lw))
                tile += (c3 * o) * lw * np.float32(0.95 if o < 1 else 1.0)
            else:
                tile *= 1.0 - c3 * (1.0 - _sub(layer.white, ys, xs))
        for light, img in uvs.items():
            tile = img[y0:y1, x0:x1]
            q = _sub(layer.uv_quench, ys, xs)
            if np.ndim(q) == 0:
                if q > 0:
                    tile *= 1.0 - c3 * q
            else:
                tile *= 1.0 - c3 * q[..., None]
            emit = layer.uv if light is Light.UV else layer.uv254
            if emit is not None:
                tile += c3 * _sub(emit, ys, xs)
        if ir is not None:
            a = _sub(layer.ir_absorb, ys, xs)
            if layer.opaque >= 1:
                tile_ir = ir[y0:y1, x0:x1]
                tile_ir *= 1.0 - cov
                tile_ir += cov * (1.0 - a) * np.float32(PHOTO_PAPER_IR)
            elif np.ndim(a) != 0 or a > 0:
                ir[y0:y1, x0:x1] *= 1.0 - cov * a
        if height is not None and layer.relief_um:
            height[y0:y1, x0:x1] += cov * np.float32(layer.relief_um)
    if white is not None:
        if Light.WHITE in want:
            out[Light.WHITE] = white
        if height is not None:
            for light in obliques:
                az = (azimuth_deg or {}).get(light, DEFAULT_AZIMUTH_DEG[light])
                out[light] = _oblique(white, height, dpi, az)
        if Light.TRANSMITTED in want:
            out[Light.TRANSMITTED] = _transmitted(white, substrate, sheet, paper_white)
        if Light.COAXIAL in want:
            out[Light.COAXIAL] = _coaxial(white, sheet)
    out.update(uvs)
    if ir is not None:
        out[Light.IR] = ir
    return out


def _transmitted(white: Float, substrate: Substrate, sheet: Sheet,
                 paper_white: Sequence[float] | None) -> Float:
    """Light through the sheet: the face's print (as its white-light factor), the sheet's
    transmittance, the back's print, and the lamp through the holes."""
    h, w = white.shape[:2]
    pw = np.asarray(paper_white or substrate.white, np.float32)
    t = (np.full((h, w), substrate.transmit, np.float32) if sheet.transmittance is None
         else np.array(sheet.transmittance, np.float32))
    for layer in sheet.back:
        lh, lw = layer.cov.shape
        y0, x0 = max(layer.r0, 0), max(layer.c0, 0)
        y1, x1 = min(layer.r0 + lh, h), min(layer.c0 + lw, w)
        if y1 <= y0 or x1 <= x0:
            continue
        cov = layer.cov[y0 - layer.r0:y1 - layer.r0, x0 - layer.c0:x1 - layer.c0]
        grey = float(np.mean(1.0 - np.asarray(layer.white, np.float32)))
        t[y0:y1, x0:x1] *= 1.0 - cov * np.float32(grey)
    lamp = np.asarray(TRANSMITTED_LAMP, np.float32)
    out = np.ascontiguousarray(white * t[..., None] * (lamp / pw))
    if sheet.holes is not None:
        hole = sheet.holes[..., None]
        out *= 1.0 - hole
        out += hole * lamp
    return out


def _coaxial(white: Float, sheet: Sheet) -> Float:
    """Light along the camera's axis: part of the diffuse image, the laminate's gloss and
    its retro-reflective pattern (invisible in diffuse white light)."""
    lamp = np.asarray(COAXIAL_LAMP, np.float32)
    out = white * np.float32(COAXIAL_DIFFUSE)
    if sheet.laminate_gloss:
        out += lamp * np.float32(sheet.laminate_gloss)
    if sheet.retro is not None:
        out += sheet.retro[..., None] * (lamp * np.float32(RETRO_GAIN))
    return np.ascontiguousarray(out, np.float32)


def _oblique(white: Float, height_um: Float, dpi: float, azimuth_deg: float = 180.0) -> Float:
    """White light at a grazing angle from ``azimuth_deg`` (the direction towards the
    lamp, counter-clockwise from the image's +x, y up; 180: from the left): the print's
    colour, darker and falling off away from the lamp, with relief lit where it faces
    the lamp and in shadow where it turns away."""
    px_um = 25_400.0 / dpi
    smooth = cv2.GaussianBlur(height_um, (0, 0), max(0.6, 20.0 / px_um))
    gx = cv2.Sobel(smooth, cv2.CV_32F, 1, 0, ksize=3) / np.float32(8.0 * px_um)
    gy = cv2.Sobel(smooth, cv2.CV_32F, 0, 1, ksize=3) / np.float32(8.0 * px_um)
    a = math.radians(azimuth_deg)
    lx, ly = math.cos(a), -math.sin(a)  # towards the lamp, image coordinates (y down)
    slope = -(np.float32(lx) * gx + np.float32(ly) * gy)
    h, w = height_um.shape
    # 1 on the side of the page nearest the lamp, 0 on the far side
    xs = np.linspace(-0.5, 0.5, w, dtype=np.float32)[None, :]
    ys = np.linspace(-0.5, 0.5, h, dtype=np.float32)[:, None]
    near = np.clip(0.5 + (xs * np.float32(lx) + ys * np.float32(ly)) * np.float32(1.0 / (
        abs(lx) + abs(ly))), 0.0, 1.0)
    falloff = np.float32(0.65) + np.float32(0.6) * near
    shade = np.clip(0.42 + 9.0 * slope, 0.05, 1.6) * falloff
    return np.ascontiguousarray(white * shade[..., None])


def surface_texture(shape: tuple[int, int], dpi: float, roughness_um: float,
                    seed: str) -> Float:
    """A paper or card surface: smooth random height (µm) with a grain of about 0.3 mm."""
    h, w = shape
    rng = np.random.default_rng(_stable_seed(seed))
    cell = max(1, round(0.3 * dpi / 25.4))
    small = rng.standard_normal((h // cell + 2, w // cell + 2), dtype=np.float32)
    big = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    return np.asarray(big * np.float32(roughness_um), np.float32)


def _stable_seed(text: str) -> int:
    import zlib

    return zlib.crc32(text.encode("utf-8"))


# -- text ---------------------------------------------------------------------------------


def _soft_rect(h: int, w: int, soft_px: float) -> Float:
    """A ``(h, w)`` mask, 1 inside with edges ramping over ``soft_px`` pixels."""
    ys = np.minimum(np.arange(h, dtype=np.float32) + 0.5, h - np.arange(h) - 0.5)
    xs = np.minimum(np.arange(w, dtype=np.float32) + 0.5, w - np.arange(w) - 0.5)
    ry = np.clip(ys / soft_px, 0, 1).astype(np.float32)
    rx = np.clip(xs / soft_px, 0, 1).astype(np.float32)
    return np.ascontiguousarray(ry[:, None] * rx[None, :])


@functools.lru_cache(maxsize=1)
def _screen_levels() -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Quantiles of the halftone screen's values over one period (to equalise it)."""
    t = np.linspace(0, 2 * np.pi, 256, endpoint=False)
    vals = np.sort((0.5 + 0.25 * (np.cos(t)[:, None] + np.cos(t)[None, :])).ravel())
    return vals, np.linspace(0.0, 1.0, vals.size)


#: Screen ruling of the office printer's halftone (lines per mm; 150 lpi).
HALFTONE_LPMM = 150 / 25.4


def halftone(coverage: Float, *, dpi: float, angle_deg: float) -> Float:
    """``coverage`` (0..1) printed through an amplitude-modulated halftone screen of
    :data:`HALFTONE_LPMM` at ``angle_deg``, as the sensor sees it at ``dpi`` (dots
    smaller than a pixel average out; the mean coverage is kept)."""
    h, w = coverage.shape
    period_px = dpi / 25.4 / HALFTONE_LPMM
    a = math.radians(angle_deg)
    yy, xx = np.ogrid[0:h, 0:w]
    u = (xx * math.cos(a) + yy * math.sin(a)) * np.float32(2 * math.pi / period_px)
    v = (-xx * math.sin(a) + yy * math.cos(a)) * np.float32(2 * math.pi / period_px)
    raw = (0.5 + 0.25 * (np.cos(u) + np.cos(v))).astype(np.float32)
    # equalise the screen so that the inked area fraction equals the coverage
    screen = np.interp(raw, *_screen_levels()).astype(np.float32)
    dots = np.clip((coverage - screen) * np.float32(8.0) + 0.5, 0.0, 1.0)
    soft = max(0.5, period_px / 4)
    return np.asarray(cv2.GaussianBlur(dots.astype(np.float32), (0, 0), soft), np.float32)


def _document_alpha(shape: tuple[int, int], radius_px: float) -> Float:
    """1 inside the document's rounded rectangle, 0 outside (anti-aliased corners)."""
    h, w = shape
    alpha = np.ones((h, w), np.float32)
    r = math.ceil(radius_px)
    if r < 1:
        return alpha
    yy, xx = np.mgrid[0:r, 0:r].astype(np.float32) + 0.5
    d = np.hypot(r - xx, r - yy)
    corner = np.clip(radius_px - d + 0.5, 0, 1).astype(np.float32)
    alpha[:r, :r] = corner
    alpha[:r, w - r:] = corner[:, ::-1]
    alpha[h - r:, :r] = corner[::-1, :]
    alpha[h - r:, w - r:] = corner[::-1, ::-1]
    return alpha


@dataclass
class Scene:
    """Linear float images of a face (0..1) before sensor effects.

    ``images``: light -> ``(H, W, 3)`` (``(H, W)`` for IR) float32; ``alpha``: the
    document's shape (1 inside, 0 outside its rounded corners); ``truth``: the
    ground truth recorded in capture metadata.
    """

    images: dict[Light, Float]
    alpha: Float
    dpi: float
    person: Person
    mrz_lines: list[str]
    truth: dict[str, Any]
    size_mm: tuple[float, float]
    #: laser perforation (1: a hole through the sheet), where every reflected light
    #: shows the platen; ``None`` without holes
    holes: Float | None = None
