"""Security features beyond the printed face, for the lights that reveal them: the laser
perforation of the document number, the see-through register, the ghost image, the
microprint line, the short-wave UV print, the laminate's retro-reflective pattern, the
dry seal's imitation — and how each forgery of them is made (a flat reprint, a printed
"watermark", printed holes, fibres printed on the surface, a ghost of another face,
microprint reduced to a line, a laminate without the pattern, a 365 nm ink for the
254 nm print).

Every function draws coverage masks in 0..1 at the canvas's density; positions are mm
from the face's top-left corner (:class:`workstation.specimens.marks.Canvas`).
"""

from __future__ import annotations

import math
import random
from typing import Any

import cv2
import numpy as np

from workstation.specimens import guilloche as gl
from workstation.specimens import inks
from workstation.specimens.compose import Float, Layer, Sheet, ink_layer
from workstation.specimens.documents import Design
from workstation.specimens.inks import Substrate
from workstation.specimens.marks import (
    _FONT_BOLD,
    Canvas,
    _portrait_image,
    round_mask,
    text_mask,
)
from workstation.specimens.people import Person
from workstation.specimens.portrait import portrait_seed

#: Forgeries of the features of this module, with a one-line description each.
FEATURE_FORGERIES: dict[str, str] = {
    "relief_flat": "a flat reprint: the intaglio and the embossed seal reproduced without "
                   "relief, the seal's shading imitated in pale grey",
    "watermark_printed": "no watermark in the paper: a \"watermark\" printed in pale grey on "
                         "the surface, both halves of the see-through register printed on "
                         "the front",
    "perforation_printed": "the perforated number printed as dark dots instead of punched",
    "fibres_printed": "paper without fibres: fibres printed on the surface in two "
                      "off-the-shelf UV inks",
    "ghost_other_face": "the ghost image shows another face than the portrait",
    "microprint_line": "the microprint line reproduced as a plain line",
    "coaxial_pattern_missing": "the laminate lacks its retro-reflective pattern",
    "uv254_imitated": "the short-wave UV print made with a 365 nm ink (dark under 254 nm)",
}

# -- the perforation font: 5 x 7 holes per character ----------------------------------------
_GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("01110", "10001", "10011", "10101", "11001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11110", "00001", "00001", "01110", "00001", "00001", "11110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
    "A": ("01110", "10001", "10001", "11111", "10001", "10001", "10001"),
    "B": ("11110", "10001", "10001", "11110", "10001", "10001", "11110"),
    "C": ("01110", "10001", "10000", "10000", "10000", "10001", "01110"),
    "D": ("11110", "10001", "10001", "10001", "10001", "10001", "11110"),
    "E": ("11111", "10000", "10000", "11110", "10000", "10000", "11111"),
    "F": ("11111", "10000", "10000", "11110", "10000", "10000", "10000"),
    "G": ("01110", "10001", "10000", "10111", "10001", "10001", "01111"),
    "H": ("10001", "10001", "10001", "11111", "10001", "10001", "10001"),
    "I": ("01110", "00100", "00100", "00100", "00100", "00100", "01110"),
    "J": ("00111", "00010", "00010", "00010", "00010", "10010", "01100"),
    "K": ("10001", "10010", "10100", "11000", "10100", "10010", "10001"),
    "L": ("10000", "10000", "10000", "10000", "10000", "10000", "11111"),
    "M": ("10001", "11011", "10101", "10101", "10001", "10001", "10001"),
    "N": ("10001", "10001", "11001", "10101", "10011", "10001", "10001"),
    "O": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "P": ("11110", "10001", "10001", "11110", "10000", "10000", "10000"),
    "Q": ("01110", "10001", "10001", "10001", "10101", "10010", "01101"),
    "R": ("11110", "10001", "10001", "11110", "10100", "10010", "10001"),
    "S": ("01111", "10000", "10000", "01110", "00001", "00001", "11110"),
    "T": ("11111", "00100", "00100", "00100", "00100", "00100", "00100"),
    "U": ("10001", "10001", "10001", "10001", "10001", "10001", "01110"),
    "V": ("10001", "10001", "10001", "10001", "10001", "01010", "00100"),
    "W": ("10001", "10001", "10001", "10101", "10101", "10101", "01010"),
    "X": ("10001", "10001", "01010", "00100", "01010", "10001", "10001"),
    "Y": ("10001", "10001", "10001", "01010", "00100", "00100", "00100"),
    "Z": ("11111", "00001", "00010", "00100", "01000", "10000", "11111"),
}


def perforation_points(design: Design, text: str) -> list[tuple[float, float]]:
    """Hole centres (mm) of ``text`` in the 5 x 7 perforation font at the design's place."""
    x0, y0 = design.perforation_xy
    p = design.perforation_pitch_mm
    out: list[tuple[float, float]] = []
    for i, ch in enumerate(text.upper()):
        rows = _GLYPHS.get(ch)
        if rows is None:
            continue
        for r, row in enumerate(rows):
            for c, bit in enumerate(row):
                if bit == "1":
                    out.append((x0 + (6 * i + c) * p, y0 + r * p))
    return out


def dots_mask(canvas: Canvas, points_mm: list[tuple[float, float]], diameter_mm: float
              ) -> Float:
    """Round dots of ``diameter_mm`` at ``points_mm`` on a face-sized mask (anti-aliased)."""
    mask = np.zeros((canvas.h, canvas.w), np.uint8)
    s = 16
    rad = max(1, round(canvas.px(diameter_mm / 2) * s))
    for x, y in points_mm:
        cv2.circle(mask, (round(canvas.px(x) * s), round(canvas.px(y) * s)), rad, 255, -1,
                   cv2.LINE_AA, 4)
    return mask.astype(np.float32) * np.float32(1 / 255)


# -- the layers a design's features add to the face ------------------------------------------
def _band_mask(canvas: Canvas, rect: tuple[float, float, float, float], *, lines: int,
               line_mm: float) -> tuple[Float, int, int]:
    """Sinusoidal lines across ``rect`` (the short-wave UV band)."""
    x, y, w, h = rect
    k = canvas.dpi / 25.4
    r0, c0 = math.floor(y * k) - 2, math.floor(x * k) - 2
    m = np.zeros((math.ceil(h * k) + 5, math.ceil(w * k) + 5), np.uint8)
    t = np.linspace(0.0, 1.0, 600)
    curves = []
    for j in range(lines):
        yy = y + h * (j + 0.5) / lines + 0.35 * h / lines * np.sin(2 * np.pi * (3.0 * t + j * 0.3))
        curves.append(np.stack([x + w * t, yy], axis=1))
    s = 16
    for c in curves:
        pts = np.stack([(c[:, 0] * k - c0) * s, (c[:, 1] * k - r0) * s], axis=1)
        cv2.polylines(m, [np.round(pts).astype(np.int32).reshape(-1, 1, 2)], False, 255,
                      max(1, round(line_mm * k)), cv2.LINE_AA, 4)
    return m.astype(np.float32) * np.float32(1 / 255), r0, c0


def _register_masks(canvas: Canvas, design: Design) -> tuple[Float, Float, int, int]:
    """The see-through register's two halves (front, back): a disc with a star cut out,
    split by a wavy line; each side prints one half, the light through the sheet shows
    the whole figure."""
    disc, _k, r, lx, ly, r0, c0 = round_mask(canvas, design.register_centre,
                                             design.register_radius_mm)
    size = disc.shape[0]
    s = 16
    cv2.circle(disc, (round(lx * s), round(ly * s)), round(r * s), 255, -1, cv2.LINE_AA, 4)
    star = gl.star_points(lx, ly, r * 0.62, r * 0.28, 6)
    cv2.fillPoly(disc, [np.round(star * s).astype(np.int32)], 0, cv2.LINE_AA, 4)
    full = disc.astype(np.float32) / np.float32(255.0)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    split = lx + 0.18 * r * np.sin((yy - ly) / max(1.0, r) * 3.0)
    front = np.clip(split - xx + 0.5, 0.0, 1.0)
    return (np.asarray(full * front, np.float32), np.asarray(full * (1.0 - front), np.float32),
            r0, c0)


def _ghost_mask(canvas: Canvas, design: Design, face_seed: str) -> tuple[Float, int, int]:
    """The ghost image: the portrait's face, small and grey, engraved as fine lines."""
    assert design.ghost is not None
    x, y, w, h = design.ghost
    k = canvas.dpi / 25.4
    gh, gw = round(h * k), round(w * k)
    _px, _py, pw, ph = design.portrait
    # the same picture as the portrait, scaled into the ghost's frame
    big = _portrait_image(face_seed, round(ph * k), round(pw * k))
    small = cv2.resize(big, (gw, gh), interpolation=cv2.INTER_AREA)
    lum = small @ np.asarray((0.3, 0.59, 0.11), np.float32)
    tone = np.clip((1.0 - lum - 0.12) / 0.8, 0.0, 1.0)
    # a line screen of 0.25 mm: engraved lines that widen with the tone
    rows = np.arange(gh, dtype=np.float32)[:, None] / np.float32(k)
    wave = 0.5 + 0.5 * np.cos(2 * np.pi * rows / 0.25)
    cov = np.clip((tone * 0.9 - (1.0 - wave) * 0.6) * 2.0, 0.0, 1.0)
    cov = cv2.GaussianBlur(cov.astype(np.float32), (0, 0), max(0.4, 0.03 * k))
    return np.asarray(cov, np.float32) * np.float32(0.85), round(y * k), round(x * k)


def microprint_mask(canvas: Canvas, design: Design, off: tuple[float, float]
                    ) -> tuple[Float, int, int]:
    """The microprint line: the state's name repeated in capitals ``microprint_cap_mm``
    high over the line's length."""
    x, base, length = design.microprint
    text = (design.microprint_text + " ") * max(1, int(length / (
        len(design.microprint_text) * design.microprint_cap_mm * 0.75)) + 1)
    m, r0, c0 = text_mask(canvas, text, font=_FONT_BOLD, cap_mm=design.microprint_cap_mm,
                          x_mm=x + off[0], baseline_mm=base + off[1])
    keep = max(1, round(canvas.px(length)) + 2)
    return np.ascontiguousarray(m[:, :keep]), r0, c0


def feature_layers(design: Design, canvas: Canvas, person: Person, *, forgery: str | None,
                   seed: int, office: bool, offset: Any, altered: dict[str, Any]
                   ) -> tuple[list[Layer], list[Layer]]:
    """The layers the design's features print: ``(pre-print, personalisation)``.

    Pre-print (with the design): the microprint line, the short-wave UV band, the front
    half of the see-through register. Personalisation: the ghost image. A forgery
    changes what it names (and records it in ``altered``); ``office`` (a reprint on
    office paper) keeps only what a colour printer reproduces.
    """
    pre: list[Layer] = []
    personal: list[Layer] = []
    k = canvas.dpi / 25.4
    if design.microprint[2] > 0:
        m, r0, c0 = microprint_mask(canvas, design, offset())
        if forgery == "microprint_line" or office:
            # what a scan-and-print keeps of it: a plain line of the same tone
            tone = float(m.mean(axis=1).max())
            rows = m.mean(axis=1)
            centre = float((rows * np.arange(rows.size)).sum() / max(1e-6, rows.sum()))
            line = np.zeros_like(m)
            half = max(0.5, 0.06 * k)
            rr = np.arange(m.shape[0], dtype=np.float32)[:, None]
            line[:] = np.clip(half + 0.5 - np.abs(rr - centre), 0.0, 1.0)
            line *= np.float32(min(1.0, tone * m.shape[0] / max(1.0, 2 * half + 1) * 0.6))
            m = np.ascontiguousarray(line[:, :m.shape[1]])
            if forgery == "microprint_line":
                altered["microprint"] = "reduced to a line"
        pre.append(ink_layer("microprint", m, r0, c0,
                             inks.process_ink(inks.LABEL_BLUE) if office else inks.LABEL_BLUE))
    if design.uv254_band is not None and not office:
        m, r0, c0 = _band_mask(canvas, design.uv254_band, lines=5, line_mm=0.28)
        ink = inks.UV254_GREEN
        if forgery == "uv254_imitated":
            ink = inks.UV365_GREEN_CYAN
            altered["uv254_band"] = "printed with a 365 nm ink"
        ox, oy = offset()
        pre.append(ink_layer("uv254-band", m, r0 + round(oy * k), c0 + round(ox * k), ink))
    if design.register_radius_mm:
        front, back, r0, c0 = _register_masks(canvas, design)
        if forgery == "watermark_printed" or office:
            front = np.clip(front + back, 0.0, 1.0)  # what the forger saw, on one side
        ink = inks.process_ink(inks.REGISTER_GREEN) if office else inks.REGISTER_GREEN
        pre.append(ink_layer("register-front", front, r0, c0, ink))
    if design.ghost is not None:
        face_seed = portrait_seed(design.id, person.document_number, seed)
        if forgery == "ghost_other_face":
            face_seed = f"ghost-forger:{design.id}:{seed}"
            altered["ghost"] = "another face"
        m, r0, c0 = _ghost_mask(canvas, design, face_seed)
        ink = inks.process_ink(inks.GHOST_GREY) if office else inks.GHOST_GREY
        personal.append(ink_layer("ghost", m, r0, c0, ink))
    return pre, personal


def surface_forgery_layers(design: Design, canvas: Canvas, *, forgery: str | None,
                           seed: int, altered: dict[str, Any]) -> list[Layer]:
    """What a forger prints on top of everything: fibres in UV ink, dark dots where the
    holes should be, a pale "watermark", the embossed seal's shading."""
    out: list[Layer] = []
    rng = random.Random(f"surface-forgery:{design.id}:{forgery}:{seed}")
    if forgery == "fibres_printed":
        n = round(design.substrate.fibres * canvas.size_mm[0] * canvas.size_mm[1] / 1000.0)
        k = canvas.dpi / 25.4
        th = max(1, round(0.09 * k))
        for i in range(n):
            ink = inks.FORGER_UV_INKS[i % len(inks.FORGER_UV_INKS)]
            x = rng.uniform(0, canvas.size_mm[0])
            y = rng.uniform(0, canvas.size_mm[1])
            length = rng.uniform(2.5, 4.5)
            a0 = rng.uniform(0, 2 * math.pi)
            bend = rng.uniform(-0.3, 0.3)
            t = np.linspace(0, 1, 10)
            ang = a0 + bend * t
            xs = (x + np.cumsum(np.cos(ang)) * length / 10) * k
            ys = (y + np.cumsum(np.sin(ang)) * length / 10) * k
            c0, r0 = math.floor(xs.min()) - 3, math.floor(ys.min()) - 3
            mask = np.zeros((math.ceil(ys.max()) - r0 + 4, math.ceil(xs.max()) - c0 + 4),
                            np.uint8)
            pts = np.stack([xs - c0, ys - r0], 1) * 16
            cv2.polylines(mask, [np.round(pts).astype(np.int32).reshape(-1, 1, 2)], False,
                          255, th, cv2.LINE_AA, 4)
            out.append(ink_layer(f"printed-fibre:{i}", mask.astype(np.float32)
                                 * np.float32(1 / 255), r0, c0, ink))
        altered["fibres"] = "printed on the surface"
    if forgery == "watermark_printed" and design.watermark_radius_mm:
        m, k, r, lx, ly, r0, c0 = round_mask(canvas, design.watermark_centre,
                                             design.watermark_radius_mm, margin=4)
        s = 16
        cv2.circle(m, (round(lx * s), round(ly * s)), round(r * s), 255, -1, cv2.LINE_AA, 4)
        star = gl.star_points(lx, ly, r * 0.8, r * 0.35, 5)
        cv2.fillPoly(m, [np.round(star * s).astype(np.int32)], 0, cv2.LINE_AA, 4)
        cov = cv2.GaussianBlur(m.astype(np.float32) / np.float32(255.0), (0, 0), 0.4 * k)
        out.append(ink_layer("printed-watermark", np.asarray(cov, np.float32) * np.float32(0.6),
                             r0, c0, inks.FORGER_PALE_GREY))
        altered["watermark"] = "printed on the surface"
    if forgery == "relief_flat" and design.seal_radius_mm:
        m, k, r, lx, ly, r0, c0 = round_mask(canvas, design.seal_centre, design.seal_radius_mm)
        s = 16
        cv2.circle(m, (round(lx * s), round(ly * s)), round(r * 0.95 * s), 255,
                   max(1, round(0.5 * k)), cv2.LINE_AA, 4)
        star = gl.star_points(lx, ly, r * 0.55, r * 0.22, 6)
        cv2.fillPoly(m, [np.round(star * s).astype(np.int32)], 255, cv2.LINE_AA, 4)
        height = cv2.GaussianBlur(m.astype(np.float32) / np.float32(255.0), (0, 0), 0.15 * k)
        # the shading a lamp from the left gives the embossing, printed flat
        shade = np.clip(-cv2.Sobel(height, cv2.CV_32F, 1, 0, ksize=3) * 2.0, 0.0, 1.0)
        out.append(ink_layer("printed-seal-shading", np.asarray(shade, np.float32) * 0.5,
                             r0, c0, inks.FORGER_PALE_GREY))
        altered["relief"] = "flat reprint, the seal's shading printed"
    return out


def perforation_dots(design: Design, canvas: Canvas, person: Person) -> Float | None:
    """The perforation holes of ``person``'s document number (``None``: none)."""
    if not design.perforation_pitch_mm:
        return None
    pts = perforation_points(design, person.document_number)
    return dots_mask(canvas, pts, design.perforation_hole_mm)


def retro_pattern(design: Design, canvas: Canvas) -> Float | None:
    """The laminate's retro-reflective motif: rings around six-pointed stars on a grid of
    ``retro_pitch_mm``, alternate rows shifted (``None``: none)."""
    p = design.retro_pitch_mm
    if not p:
        return None
    k = canvas.dpi / 25.4
    s = 16
    m = np.zeros((canvas.h, canvas.w), np.uint8)
    th = max(1, round(0.12 * k))
    rows = int(canvas.size_mm[1] / (p * 0.87)) + 2
    cols = int(canvas.size_mm[0] / p) + 2
    for j in range(rows):
        for i in range(cols):
            cx = (i + (0.5 if j % 2 else 0.0)) * p * k
            cy = j * p * 0.87 * k
            cv2.circle(m, (round(cx * s), round(cy * s)), round(0.32 * p * k * s), 255, th,
                       cv2.LINE_AA, 4)
            star = gl.star_points(cx, cy, 0.2 * p * k, 0.08 * p * k, 6)
            cv2.fillPoly(m, [np.round(star * s).astype(np.int32)], 255, cv2.LINE_AA, 4)
    return m.astype(np.float32) * np.float32(1 / 255)


def sheet_for(design: Design, canvas: Canvas, person: Person, substrate: Substrate, *,
              forgery: str | None, office: bool, transmittance: Float | None,
              surface_um: Float | None, altered: dict[str, Any]) -> Sheet:
    """What the sheet adds (formats of :class:`Sheet`): the back's half of the register,
    the perforation holes, the laminate and its pattern."""
    back: list[Layer] = []
    if design.register_radius_mm and not office and forgery != "watermark_printed":
        _, half, r0, c0 = _register_masks(canvas, design)
        back.append(ink_layer("register-back", half, r0, c0, inks.REGISTER_GREEN))
    holes = None
    if not office and forgery != "perforation_printed":
        holes = perforation_dots(design, canvas, person)
    laminated = design.laminate_gloss > 0 and not office
    retro = None
    if laminated and forgery != "coaxial_pattern_missing":
        retro = retro_pattern(design, canvas)
    elif laminated and design.retro_pitch_mm:
        altered["laminate"] = "without its retro-reflective pattern"
    return Sheet(surface_um=surface_um, transmittance=transmittance, back=back, holes=holes,
                 laminate_gloss=design.laminate_gloss if laminated else 0.0, retro=retro)


def printed_perforation(design: Design, canvas: Canvas, person: Person,
                        altered: dict[str, Any]) -> list[Layer]:
    """The forger's perforation: the same dots printed in dark toner."""
    m = perforation_dots(design, canvas, person)
    if m is None:
        return []
    altered["perforation"] = "printed dots, not punched"
    return [ink_layer("printed-perforation", m * np.float32(0.9), 0, 0, inks.FORGER_DARK)]


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
