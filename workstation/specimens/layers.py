"""A document's layer stack: the design of :mod:`.documents` laid out for a holder —
background guilloche, pre-print, luminescent prints, personalisation, signature,
MRZ, seal — each print pass offset as print registration varies."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import replace
from typing import Any

import cv2
import numpy as np

from workstation.specimens import guilloche as gl
from workstation.specimens import inks
from workstation.specimens import light_features as FT
from workstation.specimens.background import background
from workstation.specimens.compose import BaseFactors, Layer, _soft_rect, ink_layer
from workstation.specimens.documents import HEADER_BLUE_MNG, MRZ_CAP_MM, MRZ_PITCH_MM, Design
from workstation.specimens.forgeries import (
    BACKGROUND_IR_ABSORB,
    _mrz_char_alter,
    _pasted_photo,
    _pasted_rect,
    _reprint,
    _viz_alteration,
    frng_copy,
)
from workstation.specimens.inks import Ink, Substrate
from workstation.specimens.marks import (
    _FONT_OCRB,
    _FONT_SANS,
    Canvas,
    _emblem_mask,
    _fibres,
    _portrait_image,
    _seal_mask,
    field_values,
    round_mask,
    text_mask,
)
from workstation.specimens.ornaments import ornament_mask, sun_moon_mask
from workstation.specimens.people import SPECIMEN_PERSON, Person, make_person
from workstation.specimens.portrait import portrait_seed


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
    flat = office or forgery == "relief_flat"  # no intaglio, no embossing
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
        layer.relief_um = 0.0 if flat else relief
        layers.append(layer)

    # 1. paper: security fibres
    if not office and forgery != "fibres_printed":
        layers.extend(_fibres(canvas, fibre_rng, design.substrate.fibres))

    # 2. guilloche background: one offset print pass (pre-composed, see compose(base=))
    style = gl.IMITATION_STYLE if forgery == "guilloche_imitated" else design.guilloche
    variant = ("process" if office else
               "ir_absorbing" if forgery == "background_ir_absorbing" else "genuine")
    if forgery == "background_ir_absorbing":
        altered["background_ir_absorb"] = BACKGROUND_IR_ABSORB
    if forgery == "guilloche_imitated":
        altered["guilloche_style"] = "imitation"
    margin = 1.0
    factors = background(design.id, canvas.dpi, style, variant, margin)
    dx, dy = _offset(vrng)
    mpx = round(margin * k)
    base = factors.crop(mpx - round(dy * k), mpx - round(dx * k), canvas.h, canvas.w)

    # 3. pre-printed text in IR-dropout inks, and the IR-absorbing seal
    off = _offset(vrng)
    header_ink = inks.HEADER_RED if design.issuing_state == "UTO" else HEADER_BLUE_MNG
    add_text("header", design.header, header_ink, font=design.header_font,
             cap_mm=design.header_cap_mm, x=design.header_zone[0] + 1.0,
             baseline=design.header_baseline_mm, off=off, relief=design.intaglio_um)
    add_text("subtitle", design.subtitle, inks.LABEL_BLUE, font=_FONT_SANS,
             cap_mm=design.subtitle_cap_mm, x=design.subtitle_x_mm,
             baseline=design.header_baseline_mm - 0.3, off=off, relief=design.intaglio_um)
    for f in design.fields:
        add_text(f"label:{f.name}", f.label, inks.LABEL_BLUE, font=_FONT_SANS,
                 cap_mm=design.label_cap_mm, x=f.x_mm, baseline=f.label_baseline_mm, off=off)
    if design.ir_mark_radius_mm:
        m, r0, c0 = _seal_mask(canvas, design.ir_mark_centre, design.ir_mark_radius_mm, off)
        layers.append(ink_layer("ir-mark", m, r0, c0, ink_for(inks.IR_GREEN)))
    pre, personal = FT.feature_layers(design, canvas, person, forgery=forgery, seed=seed,
                                      office=office, offset=lambda: _offset(vrng),
                                      altered=altered)
    layers.extend(pre)

    # 4. luminescent emblem (invisible in white light), the design's own ornaments
    if not office and forgery != "uv_feature_missing":
        shape = _emblem_mask if design.emblem_shape == "sun" else sun_moon_mask
        m, r0, c0 = shape(canvas, design.emblem_centre, design.emblem_radius_mm, _offset(vrng))
        layers.append(ink_layer("uv-emblem", m, r0, c0, design.emblem_ink))
    if forgery == "uv_feature_missing":
        altered["missing"] = "uv-emblem"
    orng = random.Random(f"ornaments:{design.id}:{seed}") if variation else None
    for orn in design.ornaments:
        oo = _offset(orng)
        if office and orn.ink.luminescent:
            continue  # a reprint has nothing where the ink is invisible in white light
        m, r0, c0 = ornament_mask(canvas, orn, oo)
        layers.append(ink_layer(orn.name, m, r0, c0, ink_for(orn.ink)))

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
                          rings=design.pattern_rings, line_mm=0.22,
                          lobes=design.pattern_lobes)
        layers.append(ink_layer("uv-pattern", m, prr, pc, design.pattern_ink))

    layers.extend(personal)
    # embossed seal over the portrait's corner (relief only, no ink)
    if design.seal_radius_mm and not flat:
        layers.append(_dry_seal(canvas, design))

    # 6. personal data in carbon black
    doff = _offset(vrng, 0.2)
    values = field_values(design, person)
    viz = _viz_alteration(person, frng, design) if forgery == "viz_data_altered" else None
    for f in design.fields:
        text = values[f.name]
        ink = inks.CARBON_BLACK
        x = f.value_x_mm
        if f.latin_x_mm is not None:  # the value in the document's own script first
            add_text(f"value:{f.name}:native", values.get(f"{f.name}_native", ""), ink,
                     font=_FONT_SANS, cap_mm=design.value_cap_mm, x=f.x_mm,
                     baseline=f.value_baseline_mm, off=doff, max_w=f.width_mm or 60.0,
                     relief=design.tactile_um)
        if viz is not None and viz["field"] == f.name:
            text = viz["printed"]
            ink = inks.DYE_BLACK
            altered.update(viz)
            # erasure trace: the background print is partly gone, the paper slightly
            # disturbed (faint luminescence)
            ex, ey = x - 0.5, f.value_baseline_mm - design.value_cap_mm - 0.6
            ew, eh = max(f.width_mm, 10.0), design.value_cap_mm + 1.4
            altered["rect_mm"] = [round(v, 2) for v in (ex, ey, ew, eh)]
            er0, ec0 = round(ey * k), round(ex * k)
            em = _soft_rect(round(eh * k), round(ew * k), 0.8 * k) * np.float32(0.35)
            layers.append(Layer("erasure", em, er0, ec0,
                                np.asarray(substrate.white, np.float32) * 1.02,
                                np.asarray((0.10, 0.12, 0.25), np.float32), 0.3, 0.0))
            jitter = (frng.uniform(-0.25, 0.25), frng.uniform(-0.2, 0.2))
            add_text(f"value:{f.name}", text, ink, font=_FONT_SANS,
                     cap_mm=design.value_cap_mm * frng.uniform(0.94, 1.04), x=x,
                     baseline=f.value_baseline_mm, off=(doff[0] + jitter[0],
                                                        doff[1] + jitter[1]),
                     max_w=f.width_mm or 60.0)
            continue
        add_text(f"value:{f.name}", text, ink, font=_FONT_SANS, cap_mm=design.value_cap_mm,
                 x=x, baseline=f.value_baseline_mm, off=doff, max_w=f.width_mm or 60.0,
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
    layers.extend(FT.surface_forgery_layers(design, canvas, forgery=forgery, seed=seed,
                                            altered=altered))
    if forgery == "perforation_printed":
        layers.extend(FT.printed_perforation(design, canvas, person, altered))
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


def _dry_seal(canvas: Canvas, design: Design) -> Layer:
    """A dry seal embossed over the portrait's lower right corner: rings and a star."""
    m, k, r, lx, ly, r0, c0 = round_mask(canvas, design.seal_centre, design.seal_radius_mm)
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


def _person_for(design: Design, seed: int, specimen: bool) -> Person:
    if design.issuing_state == "MNG":
        from workstation.specimens.mongolia import SPECIMEN_PERSON_MNG, make_mongolian_person

        return (SPECIMEN_PERSON_MNG if specimen
                else make_mongolian_person(seed, validity_years=design.validity_years))
    if specimen:
        p = SPECIMEN_PERSON
        if design.document_code == "I":
            p = replace(p, document_number="D23145890", optional_data="",
                        issue_date=dt.date(2021, 6, 1), expiry_date=dt.date(2031, 5, 31))
        return p
    return make_person(seed, doc_code=design.document_code, validity_years=design.validity_years)
