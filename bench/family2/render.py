"""Printing one Norvanian document face for one holder: the page as it leaves the press.

:func:`render_face` returns linear white (RGB), UV (RGB) and IR images of the face
at ``dpi`` plus the holder and MRZ it carries. Every genuine sheet differs a
little (from ``seed``): each print pass sits up to 0.25 mm off, inks vary in
density by a few percent, the paper's tint and the luminescent inks' strength
vary, fibres fall anywhere.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.family2 import draw as D
from bench.family2 import materials as M
from bench.family2 import optics as O
from bench.family2.holders import Holder, make_holder, mrz_lines
from bench.family2.layouts import FACES, Face, field_values

Float = npt.NDArray[np.float32]

#: The holder every specimen exemplar of the bench shows (seed of :func:`make_holder`).
EXEMPLAR_SEED = 900001


@dataclass
class RenderedFace:
    """A printed face: linear images at ``dpi`` and what is printed on it.

    ``white`` and ``uv`` are ``(H, W, 3)``, ``ir`` and ``alpha`` (1 on the card or
    sheet, 0 outside its rounded corners) ``(H, W)``, all ``float32``.
    """

    face: Face
    dpi: float
    white: Float
    uv: Float
    ir: Float
    alpha: Float
    holder: Holder
    mrz: list[str]
    seed: int
    truth: dict[str, Any] = field(default_factory=dict)
    #: the face under the reader's other lights (``uv254``, ``oblique``, ``oblique_top``,
    #: ``coaxial``, ``transmitted``: those it has features for), linear
    other: dict[str, Float] = field(default_factory=dict)


def face_shape(face: Face, dpi: float) -> tuple[int, int]:
    """``(height, width)`` px of ``face`` at ``dpi``."""
    w, h = face.size_mm
    return round(D.mm(h, dpi)), round(D.mm(w, dpi))


@functools.lru_cache(maxsize=6)
def _fixed_layers(face_id: str, dpi: float, rows: int | None = None
                  ) -> tuple[tuple[str, M.Ink, Any], ...]:
    """The face's fixed design grouped by (pass, ink), as float16 coverage (cached); the
    top ``rows`` rows of it only, when given."""
    face = FACES[face_id]
    shape = face_shape(face, dpi)
    if rows is not None:
        shape = (min(shape[0], rows), shape[1])
    groups: dict[tuple[str, str], tuple[str, M.Ink, Float]] = {}
    for name, cov, ink in face.fixed(shape, dpi):
        key = (name, ink.name)
        if key in groups:
            groups[key] = (name, ink, np.clip(groups[key][2] + cov, 0.0, 1.0))
        else:
            groups[key] = (name, ink, np.clip(cov, 0.0, 1.0).astype(np.float32))
    return tuple((n, ink, c.astype(np.float16)) for n, ink, c in groups.values())


def _shifted(cov: Any, dx_px: float, dy_px: float) -> Float:
    arr = np.asarray(cov, dtype=np.float32)
    if abs(dx_px) < 1e-3 and abs(dy_px) < 1e-3:
        return arr
    mat = np.array([[1, 0, dx_px], [0, 1, dy_px]], dtype=np.float64)
    out = cv2.warpAffine(arr, mat, (arr.shape[1], arr.shape[0]), flags=cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return np.asarray(out, dtype=np.float32)


def corner_alpha(shape: tuple[int, int], dpi: float, radius_mm: float) -> Float:
    """1 inside a rectangle of ``shape`` with rounded corners, 0 outside (anti-aliased)."""
    h, w = shape
    r = D.mm(radius_mm, dpi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx = np.clip(xx + 0.5, r, w - r)
    cy = np.clip(yy + 0.5, r, h - r)
    d = np.sqrt((xx + 0.5 - cx) ** 2 + (yy + 0.5 - cy) ** 2)
    return np.clip(r - d + 0.5, 0.0, 1.0).astype(np.float32)


def holder_for(face: Face, seed: int) -> Holder:
    """The holder of the document with ``seed`` (both card faces share one holder)."""
    return make_holder(seed, issued_after=face.valid_from, validity_years=face.validity_years,
                       number_prefix=face.number_prefix)


#: Inks a forger finds for fibres (off-the-shelf invisible inks, not the mill's dyes).
FORGER_FIBRE_INKS = (
    M.Ink("invisible blue (365 nm)", (0.004, 0.003, 0.001), 0.0, 0.0, (0.20, 0.38, 0.95)),
    M.Ink("invisible green (365 nm)", (0.004, 0.002, 0.006), 0.0, 0.0, (0.30, 0.80, 0.20)),
)


def render_face(face_id: str, seed: int, *, dpi: float = 450.0, variation: bool = True,
                holder: Holder | None = None, forgery: str | None = None,
                lights: tuple[str, ...] | None = None, rows_mm: float | None = None
                ) -> RenderedFace:
    """Print ``face_id`` for the holder of ``seed`` at ``dpi``.

    Args:
        face_id: a key of :data:`FACES`.
        seed: the holder and the sheet's print variation.
        dpi: density of the images.
        variation: apply print registration, ink and paper variation.
        holder: print this holder instead of the seed's.
        forgery: a counterfeit of the face's features, printed as a forger prints it:
            ``fibres_printed`` (paper without fibres, fibres printed on top of the print
            in off-the-shelf UV inks) or ``ghost_other_face`` (the ghost image made
            from another person's photo).
        lights: render the face under these of the other lights only (default: every
            light it has features for); white, UV and IR are always rendered.
        rows_mm: print only the face's top ``rows_mm`` (the images are that tall): the
            same sheet as the whole face's top (every random choice is the same), at a
            fraction of the cost (:func:`render_face_fine_band`).

    Raises:
        KeyError: unknown face.
        ValueError: unknown forgery, or one the face has no feature for.
    """
    if forgery not in (None, "fibres_printed", "ghost_other_face", *O.FORGERIES):
        raise ValueError(f"unknown forgery {forgery!r}")
    if forgery in O.FORGERIES and forgery not in O.forgeries_for(face_id):
        raise ValueError(f"{face_id} has no feature for {forgery!r}")
    face = FACES[face_id]
    rng = np.random.default_rng([seed, 77, len(face_id)])
    holder = holder or holder_for(face, seed)
    page_shape = face_shape(face, dpi)
    shape = page_shape
    if rows_mm is not None:
        shape = (min(page_shape[0], math.ceil(D.mm(rows_mm, dpi))), page_shape[1])
    px = dpi / 25.4

    def jitter(spread_mm: float = 0.25) -> tuple[float, float]:
        if not variation:
            return 0.0, 0.0
        return (float(rng.uniform(-spread_mm, spread_mm)) * px,
                float(rng.uniform(-spread_mm, spread_mm)) * px)

    def strength(spread: float = 0.05) -> float:
        return float(1.0 + rng.uniform(-spread, spread)) if variation else 1.0

    tint = tuple(float(1.0 + rng.normal(0, face.substrate.tint_spread)) if variation else 1.0
                 for _ in range(3))
    uv_level = float(rng.uniform(0.85, 1.15)) if variation else 1.0
    page = M.Page(shape, face.substrate, tint=tint, uv_level=uv_level)  # type: ignore[arg-type]
    if forgery == "fibres_printed" and not face.has_fibres:
        raise ValueError(f"{face_id} has no fibres to imitate")
    if forgery == "ghost_other_face" and face.ghost is None:
        raise ValueError(f"{face_id} has no ghost image")
    # fibres are in the paper itself
    if face.has_fibres and forgery != "fibres_printed":
        for cov, ink in zip(D.fibres(shape, dpi, rng, per_cm2=0.9, n_kinds=3,
                                     page_shape=page_shape), M.FIBRE_INKS, strict=True):
            page.print(cov, ink)
    offsets: dict[str, tuple[float, float]] = {}
    for name, ink, cov in _fixed_layers(face_id, dpi,
                                        None if shape == page_shape else shape[0]):
        if name not in offsets:
            offsets[name] = jitter()
        dx, dy = offsets[name]
        page.print(_shifted(cov, dx, dy), ink, strength=strength())
    # the features of the other lights (their own random stream: the rest is unchanged)
    sheet = O.print_features(face_id, page, dpi, np.random.default_rng([seed, 4711]),
                             forgery=forgery)
    # personalisation (one pass: laser printer / engraver)
    pdx, pdy = jitter(0.3)
    values = field_values(face, holder)
    for f in face.fields:
        cov, r0, c0 = D.place_text(shape, values[f.name], font=D.SANS, cap_mm=face.value_cap,
                                   x_mm=f.x, baseline_mm=f.value_y, dpi=dpi)
        page.print(cov, M.CARBON, r0 + round(pdy), c0 + round(pdx), strength=strength(0.04))
    prng = np.random.default_rng([seed, 5])
    if face.portrait is not None:
        x, y, w, h = face.portrait
        ph, pw = round(D.mm(h, dpi)), round(D.mm(w, dpi))
        photo = D.portrait(ph, pw, prng)
        dens = D.density_of(photo, np.asarray(face.substrate.reflectance) * 0.98)
        page.print_image(dens, ir_fraction=0.35 if face.ghost_engraved else 0.28,
                         uv_absorb_fraction=0.8, r0=round(D.mm(y, dpi) + pdy),
                         c0=round(D.mm(x, dpi) + pdx))
        if face.ghost is not None:
            gx, gy, gw, gh = face.ghost
            gph, gpw = round(D.mm(gh, dpi)), round(D.mm(gw, dpi))
            ghost_photo = photo
            if forgery == "ghost_other_face":
                # the forger's ghost: made from another person's picture
                ghost_photo = D.portrait(ph, pw, np.random.default_rng([seed, 5, 4242]))
            small = cv2.resize(ghost_photo, (gpw, gph), interpolation=cv2.INTER_AREA)
            grey = 1.0 - small.mean(axis=2)
            grey = np.clip((grey - grey.min()) / max(1e-3, float(np.ptp(grey))), 0, 1)
            grey = np.clip((grey - 0.2) / 0.8, 0.0, 1.0)
            r0, c0 = round(D.mm(gy, dpi) + pdy), round(D.mm(gx, dpi) + pdx)
            if face.ghost_engraved:
                page.print(grey.astype(np.float32) * 0.55, M.CARBON, r0, c0)
            else:
                page.print(grey.astype(np.float32) * 0.25, M.BG_OCHRE, r0, c0)
                page.print(grey.astype(np.float32), M.UV_GREEN, r0, c0, strength=strength(0.1))
    if face.signature is not None:
        x, y, w, h = face.signature
        sh, sw = round(D.mm(h, dpi)), round(D.mm(w, dpi))
        page.print(D.signature(sh, sw, prng, dpi) * 0.85, M.CARBON,
                   round(D.mm(y, dpi) + pdy), round(D.mm(x, dpi) + pdx))
    mrz: list[str] = []
    if face.mrz_format is not None:
        mrz = mrz_lines(holder, face.mrz_format, face.document_code)
        mdx, mdy = jitter(0.25)
        for line, base in zip(mrz, face.mrz_baselines, strict=True):
            cov, r0, c0 = D.mrz_line(line, x_mm=face.mrz_x, baseline_mm=base, dpi=dpi)
            page.print(cov, M.CARBON, r0 + round(mdy), c0 + round(mdx))
    if forgery == "fibres_printed":
        # on top of everything: nothing quenches their glow, print or no print
        frng = np.random.default_rng([seed, 31337])
        for cov, ink in zip(D.fibres(shape, dpi, frng, per_cm2=0.9, n_kinds=2,
                                     page_shape=page_shape),
                            FORGER_FIBRE_INKS, strict=True):
            page.print(cov, ink)
    white, uv, ir = page.images()
    other = O.other_lights(page, sheet, white, tuple(
        light for light in O.lights_for(face_id) if lights is None or light in lights), dpi)
    alpha = corner_alpha(shape, dpi, face.corner_radius_mm)
    truth = {"face": face.id, "seed": seed, "holder": holder.to_json(), "mrz_lines": mrz,
             "size_mm": list(face.size_mm), "print_offsets_px": {k: [round(v[0], 2),
                                                                  round(v[1], 2)]
                                                              for k, v in offsets.items()}}
    if forgery:
        truth["printed_forgery"] = forgery
    return RenderedFace(face=face, dpi=dpi, white=white, uv=uv, ir=ir, alpha=alpha,
                        holder=holder, mrz=mrz, seed=seed, truth=truth, other=other)


def render_face_fine_band(face_id: str, seed: int, *, dpi: float, base_dpi: float,
                          rows_mm: float, oversampling: float = 1.5,
                          forgery: str | None = None, lights: tuple[str, ...] | None = None
                          ) -> RenderedFace:
    """The face at ``dpi`` for a reader's high-density mode, printed finely where it
    matters: its top ``rows_mm`` (where the fine print a magnified capture is for lies)
    printed at ``oversampling`` x ``dpi`` and brought to ``dpi``; the rest of the face is
    its print at ``base_dpi`` brought up to ``dpi`` (softer than the press's: nothing
    there is judged at this density). The same sheet as :func:`render_face` of ``seed``;
    a whole face printed at 1500 dpi takes about 6 GB and minutes.
    """
    base = render_face(face_id, seed, dpi=base_dpi, forgery=forgery, lights=lights)
    band = render_face(face_id, seed, dpi=dpi * oversampling, forgery=forgery, lights=lights,
                       rows_mm=rows_mm)
    h, w = face_shape(base.face, dpi)
    cut = min(h, round(D.mm(rows_mm, dpi)))
    feather = max(2, round(D.mm(0.5, dpi)))
    ramp = np.clip((np.arange(cut, dtype=np.float32) - (cut - feather)) / feather, 0.0, 1.0)

    def fine(low: Float, high: Float) -> Float:
        up = np.asarray(cv2.resize(low, (w, h), interpolation=cv2.INTER_LINEAR), np.float32)
        sharp = cv2.GaussianBlur(high, (0, 0), 0.45 * oversampling)
        sharp = np.asarray(cv2.resize(sharp, (w, cut), interpolation=cv2.INTER_AREA),
                           np.float32)
        r = ramp.reshape(-1, *([1] * (low.ndim - 1)))
        up[:cut] = sharp * (1.0 - r) + up[:cut] * r
        return up

    def wanted(light: str) -> bool:
        return lights is None or light in lights

    return RenderedFace(face=base.face, dpi=dpi, white=fine(base.white, band.white),
                        uv=fine(base.uv, band.uv) if wanted("uv") else base.uv,
                        ir=fine(base.ir, band.ir) if wanted("ir") else base.ir,
                        alpha=fine(base.alpha, band.alpha), holder=base.holder, mrz=base.mrz,
                        seed=seed, truth={**base.truth, "fine_rows_mm": rows_mm,
                                          "fine_dpi": dpi * oversampling},
                        other={k: fine(v, band.other[k]) for k, v in base.other.items()})
