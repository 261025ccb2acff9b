"""Marks drawn on a document face in millimetres: text in the bundled fonts and what the
fields say, round prints (emblem, seal), luminescent fibres, the painted portrait —
each a coverage mask for :mod:`.compose`."""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from workstation.paths import resource
from workstation.specimens import guilloche as gl
from workstation.specimens import inks
from workstation.specimens.compose import Float, Layer, ink_layer
from workstation.specimens.documents import Design
from workstation.specimens.people import Person
from workstation.specimens.portrait import draw_portrait, face_for
from workstation.types import mm_to_px

_FONT_SANS = "DejaVuSans.ttf"


_FONT_BOLD = "DejaVuSans-Bold.ttf"


_FONT_OCRB = "OCRB.ttf"


_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


# -- layers -------------------------------------------------------------------------------


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
    """The printed value of every field of ``design`` for ``person``; a bilingual field's
    value in the document's own script under ``<name>_native``."""
    if design.issuing_state == "MNG":
        return {
            "type": design.document_code, "code": design.issuing_state,
            "document_number": person.document_number,
            "surname": person.surname, "surname_native": person.surname_native,
            "given_names": person.given_names,
            "given_names_native": person.given_names_native,
            "nationality": "МОНГОЛ / MNG",
            "sex": person.sex, "sex_native": "ЭМ" if person.sex == "F" else "ЭР",
            "birth_date": format_date(person.birth_date),
            "place_of_birth": f"{person.place_of_birth_native} / {person.place_of_birth}",
            "issue_date": format_date(person.issue_date),
            "expiry_date": format_date(person.expiry_date),
            "personal_number": person.personal_number,
            "authority": person.authority,
        }
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


@functools.lru_cache(maxsize=8)
def _portrait_image(face_seed: str, h: int, w: int) -> Float:
    return draw_portrait(face_for(face_seed), h, w)


#: OpenCV drawing calls below use 4 fractional bits: coordinates are in 1/16 px.
_SUBPIXEL = 16


def round_mask(canvas: Canvas, centre: tuple[float, float], radius_mm: float,
               offset: tuple[float, float] = (0.0, 0.0), *, margin: int = 3
               ) -> tuple[npt.NDArray[np.uint8], float, float, float, float, int, int]:
    """An empty square mask around a round mark of ``radius_mm`` at ``centre`` (+ ``offset``),
    all in mm, with ``margin`` pixels beyond the circle on each side: ``(mask, px per mm,
    radius px, centre x and y in the mask, top row, left col)``."""
    k = canvas.dpi / 25.4
    r = radius_mm * k
    cx = (centre[0] + offset[0]) * k
    cy = (centre[1] + offset[1]) * k
    c0, r0 = math.floor(cx - r) - margin, math.floor(cy - r) - margin
    size = math.ceil(2 * r) + 2 * margin + 1
    return np.zeros((size, size), np.uint8), k, r, cx - c0, cy - r0, r0, c0


def _emblem_mask(canvas: Canvas, centre: tuple[float, float], radius_mm: float,
                 offset: tuple[float, float]) -> tuple[Float, int, int]:
    """The state emblem: a sun of rays around a ring with an eight-pointed star."""
    m, k, r, lx, ly, r0, c0 = round_mask(canvas, centre, radius_mm, offset)
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
    m, k, r, lx, ly, r0, c0 = round_mask(canvas, centre, radius_mm, offset)
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
