"""The spectral document renderer: synthetic Utopia documents and their forgeries.

A document is a stack of :class:`Layer` s of inks (:mod:`workstation.specimens.inks`)
on a substrate. Each layer is a coverage mask (0..1) over a rectangle of the
face, with the ink's optical behaviour under each light; composing the stack
gives the white (RGB), UV (RGB) and IR (grey) images of the face. Forgeries
change the stack (other paper, other inks, missing or pasted layers).

Public API (other packages and the benchmarks use these names):

* :data:`DOCUMENTS` — document ids (``UTO-P-2020``, ``UTO-ID-2021``).
* :data:`FORGERIES` — forgery ids.
* :func:`render_document` — the images of one document, cropped to its edges.
* :func:`specimen_for` — the reference specimen (zones and expectations).
* :func:`render_scene` — linear float images before sensor effects (the
  simulated reader places these on its platen).
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import math
import random
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.paths import resource
from workstation.specimens import guilloche as gl
from workstation.specimens import inks
from workstation.specimens.documents import DESIGNS, MRZ_CAP_MM, MRZ_PITCH_MM, Design, Rect
from workstation.specimens.inks import Ink, Substrate
from workstation.specimens.people import SPECIMEN_PERSON, Person, make_person, mrz_lines_for
from workstation.specimens.portrait import draw_portrait, face_for, portrait_seed
from workstation.types import Expect, Image, Light, Specimen, Zone, ZoneCheck, mm_to_px

Float = npt.NDArray[np.float32]
ArrayOrScalar = float | npt.NDArray[np.float32]

#: Version of the generator; bundled specimens are regenerated when it changes.
GENERATOR_VERSION = 7

#: Document ids, named by specimen id (state-code-series).
DOCUMENTS: tuple[str, ...] = tuple(DESIGNS)

#: Forgery ids, with a one-line description each.
FORGERY_DESCRIPTIONS: dict[str, str] = {
    "office_paper": "reprint on office paper: brightened substrate, no fibres, no luminescent "
                    "ink, every ink process colour",
    "uv_feature_missing": "the luminescent emblem is missing",
    "mrz_ir_transparent": "MRZ printed in an IR-transparent ink",
    "background_ir_absorbing": "guilloche background printed in an IR-absorbing ink",
    "portrait_substituted": "another photo pasted over the portrait; the luminescent pattern "
                            "is missing inside it and its edge shows",
    "mrz_char_altered": "one MRZ character changed so that a check digit fails",
    "viz_data_altered": "a printed field of the visual zone changed, MRZ left intact",
    "guilloche_imitated": "background printed with a different guilloche pattern",
}
FORGERIES: tuple[str, ...] = tuple(FORGERY_DESCRIPTIONS)

#: Coverage of the guilloche wave lines (the background prints pale).
WAVE_COVERAGE = 0.6

#: IR reflectance of the photo paper of a pasted photo.
PHOTO_PAPER_IR = 0.84

#: IR absorption of the background inks in the ``background_ir_absorbing`` forgery.
BACKGROUND_IR_ABSORB = 0.55

DEFAULT_LIGHTS: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR)
#: Lights the renderer can produce.
RENDERABLE_LIGHTS: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR, Light.OBLIQUE,
                                        Light.TRANSMITTED)

#: Colour of the reader's platen (outside the document) under each light, 0..1.
PLATEN_BACKGROUND: dict[Light, tuple[float, ...]] = {
    Light.WHITE: (0.10, 0.10, 0.11),
    Light.UV: (0.018, 0.010, 0.040),
    Light.IR: (0.08,),
    Light.OBLIQUE: (0.05, 0.05, 0.055),
    Light.TRANSMITTED: (0.02, 0.02, 0.02),
}

_FONT_SANS = "DejaVuSans.ttf"
_FONT_BOLD = "DejaVuSans-Bold.ttf"
_FONT_OCRB = "OCRB.ttf"
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


# -- layers -------------------------------------------------------------------------------
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
                 float(ink.uv_quench), float(ink.ir_absorb))


def _sub(a: Any, ys: slice, xs: slice) -> Any:
    """Crop a per-pixel array like the coverage; leave scalars and triples alone."""
    if np.ndim(a) < 2:
        return a
    return a[ys if a.shape[0] > 1 else slice(None), xs if a.shape[1] > 1 else slice(None)]


def compose(layers: Sequence[Layer], substrate: Substrate, shape: tuple[int, int],
            lights: Sequence[Light], *, paper_white: Sequence[float] | None = None,
            paper_uv: Sequence[float] | None = None,
            base: BaseFactors | None = None, surface_um: Float | None = None,
            transmittance: Float | None = None, dpi: float = 300.0) -> dict[Light, Float]:
    """Compose ``layers`` over ``substrate`` into float images (0..1) of ``shape``.

    ``base`` holds pre-composed factors of a print pass that lies directly on the
    paper (the guilloche background), already cropped to ``shape``.

    Oblique light (grazing, from the left) shows the surface: ``surface_um`` (the
    paper's texture, µm) plus every layer's relief, shaded by its slope and
    falling off away from the lamp. Transmitted light shows ``transmittance``
    (the sheet with its watermark; default the substrate's uniform value) dimmed
    by the print.

    White and UV images are ``(H, W, 3)``, IR ``(H, W)``. Oblique and transmitted
    light are derived from the same stack (grazing light: a darker, relief-less
    copy of the print; transmitted: the print seen through the substrate).
    """
    h, w = shape
    want = set(lights)
    out: dict[Light, Float] = {}
    need_white = want & {Light.WHITE, Light.OBLIQUE, Light.TRANSMITTED}
    white = np.empty((h, w, 3), np.float32) if need_white else None
    if white is not None:
        pw = np.asarray(paper_white or substrate.white, np.float32)
        if base is not None:
            np.multiply(base.white, pw, out=white)
        else:
            white[:] = pw
    uv = None
    if Light.UV in want:
        uv = np.empty((h, w, 3), np.float32)
        pu = np.asarray(paper_uv or substrate.uv, np.float32)
        if base is not None:
            np.multiply(base.uv[..., None], pu, out=uv)
        else:
            uv[:] = pu
    height = None
    if Light.OBLIQUE in want:
        height = (np.zeros((h, w), np.float32) if surface_um is None
                  else np.array(surface_um, np.float32))
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
        if uv is not None:
            tile = uv[y0:y1, x0:x1]
            q = _sub(layer.uv_quench, ys, xs)
            if np.ndim(q) == 0:
                if q > 0:
                    tile *= 1.0 - c3 * q
            else:
                tile *= 1.0 - c3 * q[..., None]
            if layer.uv is not None:
                tile += c3 * _sub(layer.uv, ys, xs)
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
        if Light.OBLIQUE in want and height is not None:
            out[Light.OBLIQUE] = _oblique(white, height, dpi)
        if Light.TRANSMITTED in want:
            pw = np.asarray(paper_white or substrate.white, np.float32)
            t = (np.full((h, w), substrate.transmit, np.float32) if transmittance is None
                 else transmittance)
            lamp = np.asarray((1.0, 0.95, 0.84), np.float32) / pw
            out[Light.TRANSMITTED] = np.ascontiguousarray(white * t[..., None] * lamp)
    if uv is not None:
        out[Light.UV] = uv
    if ir is not None:
        out[Light.IR] = ir
    return out


def _oblique(white: Float, height_um: Float, dpi: float) -> Float:
    """White light at a grazing angle from the left: the print's colour, darker and
    falling off across the page, with relief edges lit or in shadow."""
    px_um = 25_400.0 / dpi
    smooth = cv2.GaussianBlur(height_um, (0, 0), max(0.6, 20.0 / px_um))
    slope = cv2.Sobel(smooth, cv2.CV_32F, 1, 0, ksize=3) / np.float32(8.0 * px_um)
    w = height_um.shape[1]
    falloff = np.linspace(1.25, 0.65, w, dtype=np.float32)[None, :]
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
@functools.lru_cache(maxsize=64)
def _font(name: str, size_px: float) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(resource("fonts", name)), size=size_px)


@functools.lru_cache(maxsize=8)
def _cap_ratio(name: str) -> float:
    """Capital height of font ``name`` as a fraction of its size."""
    font = _font(name, 200.0)
    _, top, _, bottom = font.getbbox("H", anchor="ls")
    return float(bottom - top) / 200.0


class Canvas:
    """Pixel geometry of a face of ``size_mm`` at ``dpi``."""

    def __init__(self, size_mm: tuple[float, float], dpi: float) -> None:
        self.size_mm = size_mm
        self.dpi = dpi
        self.w = round(mm_to_px(size_mm[0], dpi))
        self.h = round(mm_to_px(size_mm[1], dpi))

    def px(self, mm: float) -> float:
        """Millimetres to pixels."""
        return mm * self.dpi / 25.4

    @property
    def shape(self) -> tuple[int, int]:
        """``(H, W)`` pixels."""
        return self.h, self.w


def text_mask(canvas: Canvas, text: str, *, font: str, cap_mm: float, x_mm: float,
              baseline_mm: float, max_width_mm: float = 0.0,
              pitch_mm: float = 0.0) -> tuple[Float, int, int]:
    """Render ``text`` as a coverage mask; returns ``(mask, r0, c0)``.

    The text starts at ``x_mm`` on the baseline ``baseline_mm``. With ``pitch_mm``
    every character is centred in a cell of that width (the MRZ's fixed pitch).
    With ``max_width_mm`` a longer text is set smaller to fit.
    """
    from PIL import Image as PILImage
    from PIL import ImageDraw

    size = canvas.px(cap_mm) / _cap_ratio(font)
    fnt = _font(font, round(size * 4) / 4)
    if pitch_mm:
        width = canvas.px(pitch_mm) * len(text)
    else:
        width = float(fnt.getlength(text))
        if max_width_mm and width > canvas.px(max_width_mm):
            size *= canvas.px(max_width_mm) / width
            fnt = _font(font, round(size * 4) / 4)
            width = float(fnt.getlength(text))
    ascent, descent = fnt.getmetrics()
    pad = 2
    x = canvas.px(x_mm)
    y = canvas.px(baseline_mm)
    c0 = math.floor(x) - pad
    r0 = math.floor(y - ascent) - pad
    w = math.ceil(width) + 2 * pad + 2
    h = ascent + descent + 2 * pad + 1
    img = PILImage.new("L", (w, h), 0)
    draw = ImageDraw.Draw(img)
    ox, oy = x - c0, y - r0
    if pitch_mm:
        cell = canvas.px(pitch_mm)
        for i, ch in enumerate(text):
            draw.text((ox + (i + 0.5) * cell, oy), ch, font=fnt, fill=255, anchor="ms")
    else:
        draw.text((ox, oy), text, font=fnt, fill=255, anchor="ls")
    mask = np.asarray(img, dtype=np.float32) * np.float32(1 / 255)
    return mask, r0, c0


# -- the document -------------------------------------------------------------------------
def format_date(date: dt.date) -> str:
    """A date as printed in the visual zone: ``12 AUG 1974``."""
    return f"{date.day:02d} {_MONTHS[date.month - 1]} {date.year}"


def field_values(design: Design, person: Person) -> dict[str, str]:
    """The printed value of every field of ``design`` for ``person``."""
    vals = {
        "type": design.document_code,
        "code": "UTO",
        "document_number": person.document_number,
        "surname": person.surname,
        "given_names": person.given_names,
        "nationality": "UTOPIAN / UTO" if design.mrz_format == "TD3" else "UTO",
        "birth_date": format_date(person.birth_date),
        "sex": person.sex,
        "place_of_birth": person.place_of_birth,
        "issue_date": format_date(person.issue_date),
        "expiry_date": format_date(person.expiry_date),
        "authority": person.authority,
    }
    return vals


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


@dataclass
class RenderedDocument:
    """The images of one document face, cropped exactly to its edges.

    Attributes:
        images: light -> uint8 image (white/UV ``(H, W, 3)`` RGB, IR ``(H, W)`` grey).
        dpi: pixel density.
        person: the holder's data (as in the MRZ).
        mrz_lines: the MRZ as printed (altered with ``mrz_char_altered``).
        truth: ground truth, as stored in ``capture.metadata["simulation"]``.
    """

    images: dict[Light, Image]
    dpi: float
    person: Person
    mrz_lines: list[str]
    truth: dict[str, Any] = field(default_factory=dict)


def _check_ids(doc_id: str, forgery: str | None) -> Design:
    if doc_id not in DESIGNS:
        raise ValueError(f"unknown document {doc_id!r} (known: {', '.join(DOCUMENTS)})")
    if forgery is not None and forgery not in FORGERY_DESCRIPTIONS:
        raise ValueError(f"unknown forgery {forgery!r} (known: {', '.join(FORGERIES)})")
    return DESIGNS[doc_id]


#: Memory the cache of pre-composed backgrounds may hold (bytes); backgrounds of
#: more than :data:`_BG_CACHE_MAX_DPI` are not cached (specimens: rendered once).
_BG_CACHE_BYTES = 400_000_000
_BG_CACHE_MAX_DPI = 450.0
_bg_cache: collections.OrderedDict[tuple[Any, ...], BaseFactors] = collections.OrderedDict()
_bg_lock = threading.Lock()


def _background(doc_id: str, dpi: float, style: gl.GuillocheStyle, variant: str,
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
    for m in (a, b):
        m *= cover
        m[y0:y1, x0:x1] *= keep
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


@functools.lru_cache(maxsize=8)
def _portrait_image(face_seed: str, h: int, w: int) -> Float:
    return draw_portrait(face_for(face_seed), h, w)


#: OpenCV drawing calls below use 4 fractional bits: coordinates are in 1/16 px.
_SUBPIXEL = 16


def _round_mask(canvas: Canvas, centre: tuple[float, float], radius_mm: float,
                offset: tuple[float, float]
                ) -> tuple[npt.NDArray[np.uint8], float, float, float, float, int, int]:
    """An empty square mask around a round mark of ``radius_mm`` at ``centre`` (+ ``offset``),
    all in mm: ``(mask, px per mm, radius px, centre x and y in the mask, top row, left col)``."""
    k = canvas.dpi / 25.4
    r = radius_mm * k
    cx = (centre[0] + offset[0]) * k
    cy = (centre[1] + offset[1]) * k
    c0, r0 = math.floor(cx - r) - 3, math.floor(cy - r) - 3
    size = math.ceil(2 * r) + 7
    return np.zeros((size, size), np.uint8), k, r, cx - c0, cy - r0, r0, c0


def _emblem_mask(canvas: Canvas, centre: tuple[float, float], radius_mm: float,
                 offset: tuple[float, float]) -> tuple[Float, int, int]:
    """The state emblem: a sun of rays around a ring with an eight-pointed star."""
    m, k, r, lx, ly, r0, c0 = _round_mask(canvas, centre, radius_mm, offset)
    s = _SUBPIXEL
    th = max(1, round(0.35 * k))
    for i in range(32):
        a = 2 * math.pi * i / 32
        inner = r * (0.72 if i % 2 == 0 else 0.80)
        p1 = (round((lx + inner * math.cos(a)) * s), round((ly + inner * math.sin(a)) * s))
        p2 = (round((lx + r * 0.98 * math.cos(a)) * s), round((ly + r * 0.98 * math.sin(a)) * s))
        cv2.line(m, p1, p2, 255, th, cv2.LINE_AA, 4)
    cv2.circle(m, (round(lx * s), round(ly * s)), round(r * 0.62 * s), 255,
               max(1, round(0.5 * k)), cv2.LINE_AA, 4)
    star = gl.star_points(lx, ly, r * 0.52, r * 0.22, 8)
    cv2.fillPoly(m, [np.round(star * s).astype(np.int32)], 255, cv2.LINE_AA, 4)
    cv2.circle(m, (round(lx * s), round(ly * s)), round(r * 0.12 * s), 0, -1, cv2.LINE_AA, 4)
    return m.astype(np.float32) * np.float32(1 / 255), r0, c0


def _seal_mask(canvas: Canvas, centre: tuple[float, float], radius_mm: float,
               offset: tuple[float, float]) -> tuple[Float, int, int]:
    """A small seal: double ring and a five-pointed star."""
    m, k, r, lx, ly, r0, c0 = _round_mask(canvas, centre, radius_mm, offset)
    s = _SUBPIXEL
    cv2.circle(m, (round(lx * s), round(ly * s)), round(r * 0.95 * s), 255,
               max(1, round(0.3 * k)), cv2.LINE_AA, 4)
    cv2.circle(m, (round(lx * s), round(ly * s)), round(r * 0.78 * s), 255,
               max(1, round(0.12 * k)), cv2.LINE_AA, 4)
    star = gl.star_points(lx, ly, r * 0.62, r * 0.25, 5)
    cv2.fillPoly(m, [np.round(star * s).astype(np.int32)], 255, cv2.LINE_AA, 4)
    return m.astype(np.float32) * np.float32(1 / 255), r0, c0


def _fibres(canvas: Canvas, rng: random.Random, density: float) -> list[Layer]:
    """Luminescent security fibres scattered over the face, one small layer each."""
    n = round(density * canvas.size_mm[0] * canvas.size_mm[1] / 1000.0)
    k = canvas.dpi / 25.4
    th = max(1, round(0.06 * k))
    out: list[Layer] = []
    for i in range(n):
        ink = inks.FIBRE_INKS[rng.randrange(len(inks.FIBRE_INKS))]
        x = rng.uniform(0, canvas.size_mm[0])
        y = rng.uniform(0, canvas.size_mm[1])
        length = rng.uniform(2.0, 5.0)
        a0 = rng.uniform(0, 2 * math.pi)
        bend = rng.uniform(-0.6, 0.6)
        t = np.linspace(0, 1, 12)
        ang = a0 + bend * t
        xs = (x + np.cumsum(np.cos(ang)) * length / 12) * k
        ys = (y + np.cumsum(np.sin(ang)) * length / 12) * k
        c0, r0 = math.floor(xs.min()) - 3, math.floor(ys.min()) - 3
        w = math.ceil(xs.max()) - c0 + 4
        h = math.ceil(ys.max()) - r0 + 4
        mask = np.zeros((h, w), np.uint8)
        pts = np.stack([xs - c0, ys - r0], 1) * 16
        cv2.polylines(mask, [np.round(pts).astype(np.int32).reshape(-1, 1, 2)], False, 255,
                      th, cv2.LINE_AA, 4)
        cov = mask.astype(np.float32) * np.float32(rng.uniform(0.6, 1.0) / 255)
        out.append(ink_layer(f"fibre:{i}", cov, r0, c0, ink))
    return out


def _mrz_char_alter(lines: list[str], rng: random.Random, fmt: str) -> tuple[list[str], dict]:
    """Change one character covered by a check digit so that the check fails."""
    from workstation.mrz.checkdigit import check_digit

    if fmt == "TD3":
        # (line, start, end, check digit position) of number, birth and expiry fields
        fields = [(1, 0, 9, 9), (1, 13, 19, 19), (1, 21, 27, 27)]
    else:
        fields = [(0, 5, 14, 14), (1, 0, 6, 6), (1, 8, 14, 14)]
    line_no, start, end, cd_pos = rng.choice(fields)
    line = lines[line_no]
    candidates = [i for i in range(start, end) if line[i] != "<"]
    pos = rng.choice(candidates)
    old = line[pos]
    pool = "0123456789" if old.isdigit() else "ABCDEFGHJKLMNPRSTUVWXYZ"
    for new in rng.sample(pool, len(pool)):
        if new == old:
            continue
        altered = line[:pos] + new + line[pos + 1:]
        if check_digit(altered[start:end]) != altered[cd_pos]:
            break
    out = list(lines)
    out[line_no] = altered
    return out, {"mrz_line": line_no, "mrz_position": pos, "from": old, "to": new}


def _viz_alteration(person: Person, rng: random.Random, design: Design) -> dict[str, str]:
    """Pick a printed field to alter and its forged value."""
    name = rng.choice(("surname", "document_number", "birth_date"))
    genuine = field_values(design, person)[name]
    if name == "surname":
        other = make_person(rng.randrange(10**6))
        forged = other.surname if other.surname != person.surname else other.surname + "SEN"
    elif name == "document_number":
        digits = [i for i, ch in enumerate(genuine) if ch.isdigit()]
        i = rng.choice(digits)
        forged = genuine[:i] + str((int(genuine[i]) + rng.randint(1, 9)) % 10) + genuine[i + 1:]
    else:
        delta = rng.choice((-1, 1)) * rng.randint(365 * 3, 365 * 12)
        forged = format_date(person.birth_date + dt.timedelta(days=delta))
    return {"field": name, "genuine": genuine, "printed": forged}


def _offset(rng: random.Random | None, spread_mm: float = 0.3) -> tuple[float, float]:
    if rng is None:
        return (0.0, 0.0)
    return (rng.uniform(-spread_mm, spread_mm), rng.uniform(-spread_mm, spread_mm))


def build_layers(design: Design, canvas: Canvas, person: Person, mrz_lines: list[str], *,
                 forgery: str | None, seed: int, variation: bool,
                 ) -> tuple[list[Layer], Substrate, dict[str, Any], list[str], BaseFactors]:
    """The layer stack of one document face; returns ``(layers, substrate, altered,
    printed_mrz_lines, background)``."""
    vrng = random.Random(f"variation:{design.id}:{seed}") if variation else None
    frng = random.Random(f"forgery:{design.id}:{forgery}:{seed}")
    fibre_rng = random.Random(f"fibres:{design.id}:{seed if variation else 'specimen'}")
    office = forgery == "office_paper"
    substrate = inks.OFFICE_PAPER if office else design.substrate
    altered: dict[str, Any] = {}
    layers: list[Layer] = []
    k = canvas.dpi / 25.4

    def ink_for(ink: Ink) -> Ink:
        return inks.process_ink(ink) if office else ink

    def add_text(name: str, text: str, ink: Ink, *, font: str, cap_mm: float, x: float,
                 baseline: float, off: tuple[float, float], max_w: float = 0.0,
                 pitch: float = 0.0, relief: float = 0.0) -> None:
        if not text:
            return
        m, r0, c0 = text_mask(canvas, text, font=font, cap_mm=cap_mm, x_mm=x + off[0],
                              baseline_mm=baseline + off[1], max_width_mm=max_w,
                              pitch_mm=pitch)
        layer = ink_layer(name, m, r0, c0, ink_for(ink))
        layer.relief_um = 0.0 if office else relief
        layers.append(layer)

    # 1. paper: security fibres
    if not office:
        layers.extend(_fibres(canvas, fibre_rng, design.substrate.fibres))

    # 2. guilloche background: one offset print pass (pre-composed, see compose(base=))
    style = gl.IMITATION_STYLE if forgery == "guilloche_imitated" else gl.GENUINE_STYLE
    variant = ("process" if office else
               "ir_absorbing" if forgery == "background_ir_absorbing" else "genuine")
    if forgery == "background_ir_absorbing":
        altered["background_ir_absorb"] = BACKGROUND_IR_ABSORB
    if forgery == "guilloche_imitated":
        altered["guilloche_style"] = "imitation"
    margin = 1.0
    factors = _background(design.id, canvas.dpi, style, variant, margin)
    dx, dy = _offset(vrng)
    mpx = round(margin * k)
    base = factors.crop(mpx - round(dy * k), mpx - round(dx * k), canvas.h, canvas.w)

    # 3. pre-printed text in IR-dropout inks, and the IR-absorbing seal
    off = _offset(vrng)
    add_text("header", design.header, inks.HEADER_RED, font=_FONT_BOLD,
             cap_mm=design.header_cap_mm, x=design.header_zone[0] + 1.0,
             baseline=design.header_baseline_mm, off=off, relief=design.intaglio_um)
    add_text("subtitle", design.subtitle, inks.LABEL_BLUE, font=_FONT_SANS,
             cap_mm=design.subtitle_cap_mm, x=design.subtitle_x_mm,
             baseline=design.header_baseline_mm - 0.3, off=off, relief=design.intaglio_um)
    for f in design.fields:
        add_text(f"label:{f.name}", f.label, inks.LABEL_BLUE, font=_FONT_SANS,
                 cap_mm=design.label_cap_mm, x=f.x_mm, baseline=f.label_baseline_mm, off=off)
    m, r0, c0 = _seal_mask(canvas, design.ir_mark_centre, design.ir_mark_radius_mm, off)
    layers.append(ink_layer("ir-mark", m, r0, c0, ink_for(inks.IR_GREEN)))

    # 4. luminescent emblem (invisible in white light)
    if not office and forgery != "uv_feature_missing":
        m, r0, c0 = _emblem_mask(canvas, design.emblem_centre, design.emblem_radius_mm,
                                 _offset(vrng))
        layers.append(ink_layer("uv-emblem", m, r0, c0, inks.UV_YELLOW_GREEN))
    if forgery == "uv_feature_missing":
        altered["missing"] = "uv-emblem"

    # 5. personalisation: portrait, then the luminescent pattern over its edge
    poff = _offset(vrng, 0.2)
    px, py, pw, ph = design.portrait
    pr0, pc0 = round((py + poff[1]) * k), round((px + poff[0]) * k)
    p_h, p_w = round(ph * k), round(pw * k)
    portrait = _portrait_image(portrait_seed(design.id, person.document_number, seed), p_h, p_w)
    lum = portrait @ np.asarray((0.3, 0.59, 0.11), np.float32)
    dark = (1.0 - lum).astype(np.float32)
    edge = _soft_rect(p_h, p_w, max(1.0, 0.15 * k))
    layers.append(Layer("portrait", edge, pr0, pc0, portrait, None,
                        (0.25 + 0.5 * dark).astype(np.float32),
                        ((0.04 if office else 0.1) + 0.22 * dark).astype(np.float32),
                        opaque=0.7))
    if not office:
        cx, cy = design.pattern_centre
        dx, dy = _offset(vrng)
        r = design.pattern_radius_mm
        size = math.ceil(2 * (r + 1) * k)
        pc, prr = math.floor((cx + dx - r - 1) * k), math.floor((cy + dy - r - 1) * k)
        centre_px = ((cx + dx) * k - pc, (cy + dy) * k - prr)
        m = gl.ring_waves((size, size), canvas.dpi, centre_px=centre_px, radius_mm=r,
                          rings=6, line_mm=0.22)
        layers.append(ink_layer("uv-pattern", m, prr, pc, inks.UV_RED))

    # embossed seal over the portrait's corner (relief only, no ink)
    if design.seal_radius_mm and not office:
        layers.append(_dry_seal(canvas, design))

    # 6. personal data in carbon black
    doff = _offset(vrng, 0.2)
    values = field_values(design, person)
    viz = _viz_alteration(person, frng, design) if forgery == "viz_data_altered" else None
    for f in design.fields:
        text = values[f.name]
        ink = inks.CARBON_BLACK
        if viz is not None and viz["field"] == f.name:
            text = viz["printed"]
            ink = inks.DYE_BLACK
            altered.update(viz)
            # erasure trace: the background print is partly gone, the paper slightly
            # disturbed (faint luminescence)
            ex, ey = f.x_mm - 0.5, f.value_baseline_mm - design.value_cap_mm - 0.6
            ew, eh = max(f.width_mm, 10.0), design.value_cap_mm + 1.4
            altered["rect_mm"] = [round(v, 2) for v in (ex, ey, ew, eh)]
            er0, ec0 = round(ey * k), round(ex * k)
            em = _soft_rect(round(eh * k), round(ew * k), 0.8 * k) * np.float32(0.35)
            layers.append(Layer("erasure", em, er0, ec0,
                                np.asarray(substrate.white, np.float32) * 1.02,
                                np.asarray((0.10, 0.12, 0.25), np.float32), 0.3, 0.0))
            jitter = (frng.uniform(-0.25, 0.25), frng.uniform(-0.2, 0.2))
            add_text(f"value:{f.name}", text, ink, font=_FONT_SANS,
                     cap_mm=design.value_cap_mm * frng.uniform(0.94, 1.04), x=f.x_mm,
                     baseline=f.value_baseline_mm, off=(doff[0] + jitter[0],
                                                        doff[1] + jitter[1]),
                     max_w=f.width_mm or 60.0)
            continue
        add_text(f"value:{f.name}", text, ink, font=_FONT_SANS, cap_mm=design.value_cap_mm,
                 x=f.x_mm, baseline=f.value_baseline_mm, off=doff, max_w=f.width_mm or 60.0,
                 relief=design.tactile_um)
    _signature(layers, canvas, design, person, doff, ink_for)

    # 7. the MRZ
    printed = list(mrz_lines)
    if forgery == "mrz_char_altered":
        printed, info = _mrz_char_alter(printed, frng, design.mrz_format)
        altered.update(info)
    mrz_ink = inks.DYE_BLACK if forgery == "mrz_ir_transparent" else inks.CARBON_BLACK
    if forgery == "mrz_ir_transparent":
        altered["mrz_ir_absorb"] = mrz_ink.ir_absorb
    moff = _offset(vrng, 0.2)
    for i, (line, centre) in enumerate(zip(printed, design.mrz_centres_mm, strict=True)):
        add_text(f"mrz:{i}", line, mrz_ink, font=_FONT_OCRB, cap_mm=MRZ_CAP_MM,
                 x=design.mrz_x_mm, baseline=centre + MRZ_CAP_MM / 2, off=moff,
                 pitch=MRZ_PITCH_MM, relief=design.tactile_um)

    # 8. forgeries that add on top
    if forgery == "portrait_substituted":
        # the dry seal was pressed into the genuine photo: the pasted one has none
        px_, py_, pw_, ph_ = _pasted_rect(design, frng_copy(design, seed))
        for layer in layers:
            if layer.name == "dry-seal":
                ys = slice(max(0, round(py_ * k) - layer.r0), max(0, round((py_ + ph_) * k)
                                                                   - layer.r0))
                xs = slice(max(0, round(px_ * k) - layer.c0), max(0, round((px_ + pw_) * k)
                                                                   - layer.c0))
                layer.cov = layer.cov.copy()
                layer.cov[ys, xs] = 0.0
                altered["dry_seal"] = "missing on the pasted photo"
        layers.extend(_pasted_photo(canvas, design, frng, seed))
        altered["portrait"] = "substituted"
        altered["rect_mm"] = _pasted_rect(design, frng_copy(design, seed))
    if office:
        altered["substrate"] = substrate.name
        altered["missing"] = ["fibres", "uv-emblem", "uv-pattern"]
        layers = [_reprint(layer, k) for layer in layers]
    return layers, substrate, altered, printed, base


def frng_copy(design: Design, seed: int) -> random.Random:
    """The random source of the pasted photo (so its rectangle can be reported)."""
    return random.Random(f"paste:{design.id}:{seed}")


def _pasted_rect(design: Design, rng: random.Random) -> list[float]:
    px, py, pw, ph = design.portrait
    grow = rng.uniform(0.4, 1.0)
    dx, dy = rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6)
    return [round(v, 2) for v in (px - grow + dx, py - grow + dy, pw + 2 * grow,
                                  ph + 2 * grow)]


def _pasted_photo(canvas: Canvas, design: Design, _rng: random.Random,
                  seed: int) -> list[Layer]:
    """A photographic print pasted over the portrait: another face, photo paper that
    glows faintly bluish under UV and hides the luminescent pattern, a visible edge."""
    k = canvas.dpi / 25.4
    x, y, w, h = _pasted_rect(design, frng_copy(design, seed))
    r0, c0 = round(y * k), round(x * k)
    hh, ww = round(h * k), round(w * k)
    photo = _portrait_image(f"pasted:{design.id}:{seed}", hh, ww)
    photo = np.clip(photo * np.asarray((1.03, 1.0, 0.95), np.float32) + 0.02, 0, 1)
    lum = photo @ np.asarray((0.3, 0.59, 0.11), np.float32)
    cov = np.ones((hh, ww), np.float32)
    layers = [Layer("pasted-photo", cov, r0, c0, photo.astype(np.float32),
                    np.asarray((0.16, 0.17, 0.30), np.float32) * (0.4 + 0.6 * lum[..., None]),
                    1.0, (0.03 + 0.06 * (1 - lum)).astype(np.float32), opaque=1.0,
                    relief_um=60.0)]
    # edge: a thin bright cut line and a shadow along the lower and right edges
    t = max(1, round(0.12 * k))
    edge = np.zeros((hh + 2 * t, ww + 2 * t), np.float32)
    edge[:t + 1, :] = 0.5
    edge[:, :t + 1] = 0.5
    edge[-(2 * t):, :] = 0.9
    edge[:, -(2 * t):] = 0.9
    edge[t + 1:-(2 * t), t + 1:-(2 * t)] = 0.0
    layers.append(Layer("pasted-edge", edge, r0 - t, c0 - t,
                        np.asarray((0.35, 0.33, 0.32), np.float32),
                        np.asarray((0.05, 0.04, 0.08), np.float32), 0.9, 0.25))
    return layers


def _dry_seal(canvas: Canvas, design: Design) -> Layer:
    """A dry seal embossed over the portrait's lower right corner: rings and a star."""
    k = canvas.dpi / 25.4
    cx, cy = design.seal_centre
    r = design.seal_radius_mm * k
    c0, r0 = math.floor(cx * k - r) - 3, math.floor(cy * k - r) - 3
    size = math.ceil(2 * r) + 7
    m = np.zeros((size, size), np.uint8)
    lx, ly = cx * k - c0, cy * k - r0
    s = 16
    centre = (round(lx * s), round(ly * s))
    cv2.circle(m, centre, round(r * 0.95 * s), 255, max(1, round(0.5 * k)), cv2.LINE_AA, 4)
    cv2.circle(m, centre, round(r * 0.72 * s), 255, max(1, round(0.25 * k)), cv2.LINE_AA, 4)
    star = gl.star_points(lx, ly, r * 0.55, r * 0.22, 6)
    cv2.fillPoly(m, [np.round(star * s).astype(np.int32)], 255, cv2.LINE_AA, 4)
    cov = cv2.GaussianBlur(m.astype(np.float32) * np.float32(1 / 255), (0, 0), 0.15 * k)
    return Layer("dry-seal", np.asarray(cov, np.float32), r0, c0,
                 np.asarray((0.985, 0.985, 0.985), np.float32), None, 0.0, 0.0,
                 relief_um=design.seal_relief_um)


def transmittance_map(design: Design, canvas: Canvas, substrate: Substrate, *,
                      watermark: bool) -> Float:
    """Light through the sheet: the substrate's transmittance, with a multi-tone
    watermark (lighter star in a darker disc) where the design has one."""
    t = np.full(canvas.shape, substrate.transmit, np.float32)
    if not watermark or not design.watermark_radius_mm:
        return t
    k = canvas.dpi / 25.4
    cx, cy = design.watermark_centre
    r = design.watermark_radius_mm * k
    c0, r0 = max(0, math.floor(cx * k - r) - 4), max(0, math.floor(cy * k - r) - 4)
    c1 = min(canvas.w, math.ceil(cx * k + r) + 4)
    r1 = min(canvas.h, math.ceil(cy * k + r) + 4)
    tone = np.zeros((r1 - r0, c1 - c0), np.float32)
    lx, ly = cx * k - c0, cy * k - r0
    s = 16
    cv2.circle(tone, (round(lx * s), round(ly * s)), round(r * s), -0.35, -1, cv2.LINE_AA, 4)
    star = gl.star_points(lx, ly, r * 0.8, r * 0.35, 5)
    cv2.fillPoly(tone, [np.round(star * s).astype(np.int32)], 0.55, cv2.LINE_AA, 4)
    tone = np.asarray(cv2.GaussianBlur(tone, (0, 0), 0.5 * k), np.float32)
    t[r0:r1, c0:c1] *= 1.0 + tone
    return t


def _soft_rect(h: int, w: int, soft_px: float) -> Float:
    """A ``(h, w)`` mask, 1 inside with edges ramping over ``soft_px`` pixels."""
    ys = np.minimum(np.arange(h, dtype=np.float32) + 0.5, h - np.arange(h) - 0.5)
    xs = np.minimum(np.arange(w, dtype=np.float32) + 0.5, w - np.arange(w) - 0.5)
    ry = np.clip(ys / soft_px, 0, 1).astype(np.float32)
    rx = np.clip(xs / soft_px, 0, 1).astype(np.float32)
    return np.ascontiguousarray(ry[:, None] * rx[None, :])


def _signature(layers: list[Layer], canvas: Canvas, design: Design, person: Person,
               off: tuple[float, float], ink_for: Any) -> None:
    """The holder's signature: a pen stroke in dark blue dye (IR transparent)."""
    rng = random.Random(f"signature:{person.surname}:{person.given_names}")
    x, y, w, h = design.signature
    k = canvas.dpi / 25.4
    t = np.linspace(0, 1, 400)
    loops = rng.randint(4, 7)
    xs = x + w * (0.05 + 0.85 * t) + 1.2 * np.sin(2 * np.pi * loops * t + rng.random())
    ys = (y + h * 0.55 + h * 0.28 * np.sin(2 * np.pi * loops * t * 1.1)
          * np.exp(-1.5 * t) - h * 0.1 * t)
    r0, c0 = math.floor((y + off[1]) * k), math.floor((x + off[0]) * k)
    m = np.zeros((math.ceil(h * k) + 4, math.ceil(w * k) + 8), np.uint8)
    pts = np.stack([(xs + off[0]) * k - c0, (ys + off[1]) * k - r0], 1)
    cv2.polylines(m, [np.round(pts * 16).astype(np.int32).reshape(-1, 1, 2)], False, 255,
                  max(1, round(0.25 * k)), cv2.LINE_AA, 4)
    ink = Ink("signature blue", white=(0.16, 0.20, 0.45), uv_quench=0.5, ir_absorb=0.06)
    cov = m.astype(np.float32) * np.float32(1 / 255)
    layers.append(ink_layer("signature", cov, r0, c0, ink_for(ink)))


def _reprint(layer: Layer, k: float) -> Layer:
    """A layer as an office reprint shows it: slightly blurred (scan and print); the
    portrait, a continuous-tone image, printed through a halftone screen."""
    sigma = 0.05 * k
    if sigma < 0.3 or layer.cov.size < 16:
        return layer
    cov = np.asarray(cv2.GaussianBlur(layer.cov, (0, 0), sigma), np.float32)
    out = replace(layer, cov=cov)
    if layer.name == "portrait" and np.ndim(layer.white) == 3:
        dark = 1.0 - np.asarray(layer.white, np.float32)
        screened = np.stack([halftone(dark[..., c], dpi=k * 25.4, angle_deg=a)
                             for c, a in enumerate((15.0, 75.0, 0.0))], axis=2)
        out.white = np.ascontiguousarray(1.0 - screened, dtype=np.float32)
    return out


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


def _person_for(design: Design, seed: int, specimen: bool) -> Person:
    if specimen:
        p = SPECIMEN_PERSON
        if design.document_code == "I":
            p = replace(p, document_number="D23145890", optional_data="",
                        issue_date=dt.date(2021, 6, 1), expiry_date=dt.date(2031, 5, 31))
        return p
    return make_person(seed, doc_code=design.document_code, validity_years=design.validity_years)


def render_scene(doc_id: str, *, forgery: str | None = None, seed: int = 0,
                 dpi: float = 300.0, lights: Sequence[Light] = DEFAULT_LIGHTS,
                 variation: bool = True, specimen_person: bool = False) -> Scene:
    """The linear (0..1, float32) images of a document face before sensor effects.

    With ``variation`` the seed moves every ink layer by up to ±0.3 mm and
    tints the paper; the person always comes from the seed (or is the fixed
    specimen holder with ``specimen_person``).

    Raises:
        ValueError: unknown document, forgery or light, or a dpi outside 50..1200.
    """
    design = _check_ids(doc_id, forgery)
    if not 50.0 <= dpi <= 1200.0:
        raise ValueError(f"dpi must be between 50 and 1200, got {dpi}")
    lights = tuple(lights)
    for light in lights:
        if light not in RENDERABLE_LIGHTS:
            raise ValueError(f"cannot render the {light} light "
                             f"(can: {', '.join(map(str, RENDERABLE_LIGHTS))})")
    if Light.WHITE not in lights:
        raise ValueError("the white light is required")
    canvas = Canvas(design.size_mm, dpi)
    person = _person_for(design, seed, specimen_person)
    genuine_lines = mrz_lines_for(person, design.mrz_format)
    layers, substrate, altered, printed, base = build_layers(
        design, canvas, person, genuine_lines, forgery=forgery, seed=seed, variation=variation)
    paper_white: tuple[float, ...] = substrate.white
    paper_uv: tuple[float, ...] = substrate.uv
    if variation:
        trng = random.Random(f"tint:{doc_id}:{seed}")
        paper_white = tuple(c * trng.uniform(0.985, 1.015) for c in substrate.white)
        uv_gain = trng.uniform(0.88, 1.12)
        paper_uv = tuple(c * uv_gain for c in substrate.uv)
    surface = None
    if Light.OBLIQUE in lights:
        surface = surface_texture(canvas.shape, dpi, substrate.roughness_um,
                                  f"{doc_id}:{seed if variation else 'specimen'}")
    transmit = None
    if Light.TRANSMITTED in lights:
        transmit = transmittance_map(DESIGNS[doc_id], canvas, substrate,
                                     watermark=forgery != "office_paper")
    images = compose(layers, substrate, canvas.shape, lights, paper_white=paper_white,
                     paper_uv=paper_uv, base=base, surface_um=surface,
                     transmittance=transmit, dpi=dpi)
    alpha = _document_alpha(canvas.shape, design.corner_radius_mm * dpi / 25.4)
    truth: dict[str, Any] = {
        "document": doc_id,
        "forgery": forgery,
        "seed": seed,
        "person": person.to_json(),
        "mrz_lines": printed,
        "genuine_mrz_lines": genuine_lines,
        "placement": {"x_mm": 0.0, "y_mm": 0.0, "angle_deg": 0.0},
        "altered": altered,
        "size_mm": list(design.size_mm),
        "generator": GENERATOR_VERSION,
    }
    return Scene(images=images, alpha=alpha, dpi=dpi, person=person, mrz_lines=printed,
                 truth=truth, size_mm=design.size_mm)


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
                                    Light.OBLIQUE: 2.0, Light.TRANSMITTED: 2.2}


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
        if sigma > 0.05:
            work = np.asarray(cv2.GaussianBlur(work, (0, 0), sigma), np.float32)
        out[light] = to_uint8(work, noise_sigma=NOISE_LEVELS[light] if variation and noise
                              else 0.0, rng=rng)
    if jpeg_quality is not None:
        from workstation.imageio import decode_image, encode_image

        out = {light: decode_image(encode_image(img, ".jpg", jpeg_quality=jpeg_quality))
               for light, img in out.items()}
    return out


def _corner_px(scene: Scene) -> float:
    design = DESIGNS[scene.truth["document"]]
    return design.corner_radius_mm * scene.dpi / 25.4


def render_document(doc_id: str, *, forgery: str | None = None, seed: int = 0,
                    dpi: float = 300.0, lights: Sequence[Light] = DEFAULT_LIGHTS,
                    variation: bool = True, jpeg_quality: int | None = None
                    ) -> RenderedDocument:
    """Render one document face under ``lights``, cropped exactly to its edges.

    ``forgery`` is one of :data:`FORGERIES` (``None``: genuine). The seed draws
    the person, and with ``variation`` also print registration (±0.3 mm per ink
    layer), paper tint, uneven illumination, slight defocus and sensor noise;
    ``jpeg_quality`` passes the images through JPEG compression. The same
    arguments always give the same images.

    Raises:
        ValueError: unknown document, forgery or light.
    """
    scene = render_scene(doc_id, forgery=forgery, seed=seed, dpi=dpi, lights=lights,
                         variation=variation)
    images = finish(scene, seed=seed, variation=variation, jpeg_quality=jpeg_quality)
    truth = dict(scene.truth)
    truth["cropped"] = True
    return RenderedDocument(images=images, dpi=dpi, person=scene.person,
                            mrz_lines=scene.mrz_lines, truth=truth)


# -- the specimen -------------------------------------------------------------------------
def _field_zone(design: Design, f: Any) -> Rect:
    cap = design.value_cap_mm
    return (f.x_mm - 0.6, f.value_baseline_mm - cap - 0.5, f.width_mm + 0.6, cap + 1.2)


def specimen_zones(design: Design) -> tuple[Zone, ...]:
    """The feature zones of ``design`` with what each shows under which light."""
    w, u, i = Light.WHITE, Light.UV, Light.IR
    e = Expect
    zones = [
        Zone("mrz", design.mrz_zone, "mrz", "machine readable zone (carbon ink)",
             (ZoneCheck(i, e.VISIBLE), ZoneCheck(u, e.DULL))),
        Zone("portrait", design.portrait, "portrait", "holder's portrait"),
        Zone("uv-emblem", design.emblem_zone, None, "luminescent state emblem",
             (ZoneCheck(u, e.LUMINESCENT),)),
        Zone("uv-portrait-pattern", design.pattern_zone, None,
             "luminescent pattern across the portrait's edge", (ZoneCheck(u, e.LUMINESCENT),)),
        Zone("background", design.background_zone, None, "guilloche background",
             (ZoneCheck(w, e.MATCH), ZoneCheck(i, e.INVISIBLE))),
        Zone("blank", design.blank_zone, "blank", "substrate without personalisation",
             (ZoneCheck(u, e.DULL),)),
        Zone("header", design.header_zone, None, "state name (IR-dropout ink)",
             (ZoneCheck(i, e.INVISIBLE),)),
        Zone("ir-mark", design.ir_mark_zone, None, "seal in IR-absorbing ink",
             (ZoneCheck(i, e.VISIBLE),)),
        Zone("signature", design.signature, "signature", "holder's signature"),
    ]
    for f in design.fields:
        if f.role:
            zones.append(Zone(f.role.replace(":", "-"), _field_zone(design, f), f.role,
                              f"printed {f.name.replace('_', ' ')}",
                              (ZoneCheck(i, e.VISIBLE),)))
    from workstation.specimens.back import back_zones

    zones.extend(back_zones(design.id))
    return tuple(zones)


def specimen_for(doc_id: str, dpi: float = 600.0) -> Specimen:
    """The reference specimen of ``doc_id``: the genuine document with the fixed
    specimen holder, no noise, cropped to its edges, with every feature zone.

    Raises:
        ValueError: unknown document.
    """
    design = _check_ids(doc_id, None)
    scene = render_scene(doc_id, seed=0, dpi=dpi, lights=DEFAULT_LIGHTS, variation=False,
                         specimen_person=True)
    images = finish(scene, seed=0, variation=False)
    spec = Specimen(
        id=design.id, title=design.title, issuing_state="UTO",
        document_code=design.document_code, mrz_format=design.mrz_format,
        series=design.series, valid_from=design.valid_from, valid_until=None,
        size_mm=design.size_mm, dpi=float(dpi), image_lights=tuple(images),
        zones=specimen_zones(design),
        extra={"generator": f"workstation.specimens.render/{GENERATOR_VERSION}",
               "mrz_lines": scene.mrz_lines},
    )
    spec._cache.update(images)
    return spec


def list_catalogue() -> dict[str, Any]:
    """Documents and forgeries with their descriptions (``simulate --list``)."""
    return {
        "documents": [{"id": d.id, "title": d.title, "mrz_format": d.mrz_format,
                       "size_mm": list(d.size_mm)} for d in DESIGNS.values()],
        "forgeries": [{"id": k, "description": v} for k, v in FORGERY_DESCRIPTIONS.items()],
    }
