"""The back face of the simulated Utopia identity card: the holder's data a second time,
as a PDF417 (AAMVA card data) and as a signed ICAO visible digital seal (DataMatrix).

Layout (mm from the back's top-left corner; the card is turned about its vertical
axis, so the back's left edge is the front's right edge): a header, three printed
fields (place of birth, date of issue, authority), the seal at the right, the PDF417
across the bottom. Barcodes and personal data are printed in carbon black (dark
under IR too); labels and the header in IR-dropout inks; the card body is the
front's (UV-dull polycarbonate with luminescent fibres).

The back carries what the issuer wrote at issuance. The renderer's forgeries alter
the front; they leave the back as issued (a forger who changes the printed page
rarely re-encodes the barcode, and cannot re-sign the seal), except the office
reprint, which reprints the back too (office paper, process inks, the barcodes
copied). Forgeries of the back itself are made by editing captures (see
``bench/barcode.py`` and the tests).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np
import zxingcpp

from workstation.specimens import inks
from workstation.specimens.documents import DESIGNS
from workstation.specimens.inks import Ink
from workstation.specimens.issuer import aamva_payload, seal_bytes
from workstation.specimens.people import Person, mrz_lines_for
from workstation.types import Expect as E
from workstation.types import Light, RectMM, Zone, ZoneCheck

if TYPE_CHECKING:
    from workstation.specimens.compose import Scene
    from workstation.specimens.render import RenderedDocument


@dataclass(frozen=True)
class BackDesign:
    """Where the back's elements are (mm)."""

    doc_id: str
    header: str
    header_rect: RectMM
    fields: tuple[tuple[str, str, float, float], ...]  # (name, label, x, label baseline)
    pdf417_rect: RectMM
    seal_rect: RectMM


#: Documents that have a back face with barcodes.
BACKS: dict[str, BackDesign] = {
    "UTO-ID-2021": BackDesign(
        doc_id="UTO-ID-2021", header="UTOPIA · IDENTITY CARD · CARTE D'IDENTITÉ",
        header_rect=(4.0, 2.5, 60.0, 4.0),
        fields=(("place_of_birth", "Place of birth / Lieu de naissance", 4.0, 10.5),
                ("issue_date", "Date of issue / Délivrance", 4.0, 17.5),
                ("authority", "Authority / Autorité", 4.0, 24.5)),
        pdf417_rect=(4.0, 33.0, 77.6, 17.0),
        seal_rect=(62.0, 7.0, 20.0, 20.0)),
}

_FONT_SANS = "DejaVuSans.ttf"
_FONT_BOLD = "DejaVuSans-Bold.ttf"


def has_back(doc_id: str) -> bool:
    """Whether ``doc_id`` has a back face the simulator renders."""
    return doc_id in BACKS


def back_zones(doc_id: str) -> tuple[Zone, ...]:
    """The specimen zones of the back: where a barcode must be (``expect: barcode``)."""
    back = BACKS.get(doc_id)
    if back is None:
        return ()
    grow = 1.0

    def widened(r: RectMM) -> RectMM:
        return (r[0] - grow, r[1] - grow, r[2] + 2 * grow, r[3] + 2 * grow)

    return (
        Zone("back-pdf417", widened(back.pdf417_rect), "barcode:aamva",
             "PDF417 with the holder's data (AAMVA)", (ZoneCheck(Light.WHITE, E.BARCODE),),
             face="back"),
        Zone("back-seal", widened(back.seal_rect), "barcode:seal",
             "digital seal (DataMatrix, ICAO 9303-13)", (ZoneCheck(Light.WHITE, E.BARCODE),),
             face="back"),
    )


def _symbol_mask(data: bytes, fmt: zxingcpp.BarcodeFormat, rect_px: tuple[float, ...],
                 *, keep_aspect: bool) -> tuple[np.ndarray, int, int]:
    """Coverage (0..1) of a symbol filling ``rect_px`` (x, y, w, h), anti-aliased."""
    # PDF417 at error-correction level 5, as AAMVA recommends for cards
    options = {"ec_level": "5"} if fmt == zxingcpp.BarcodeFormat.PDF417 else {}
    code = zxingcpp.create_barcode(data, fmt, **options)
    img = np.asarray(code.to_image(scale=8, add_quiet_zones=False), dtype=np.uint8)
    x, y, w, h = rect_px
    if keep_aspect:
        s = min(w / img.shape[1], h / img.shape[0])
        tw, th = img.shape[1] * s, img.shape[0] * s
        x, y, w, h = x + (w - tw) / 2, y + (h - th) / 2, tw, th
    c0, r0 = math.floor(x), math.floor(y)
    out_w, out_h = max(1, math.ceil(x + w) - c0), max(1, math.ceil(y + h) - r0)
    # the symbol's pixels mapped onto the canvas grid (sub-pixel placement, area averaged)
    m = np.array([[w / img.shape[1], 0, x - c0], [0, h / img.shape[0], y - r0]], np.float64)
    ink = (255.0 - img.astype(np.float32)) / 255.0
    cov = cv2.warpAffine(ink, m, (out_w, out_h), flags=cv2.INTER_AREA,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return np.clip(np.asarray(cov, np.float32), 0.0, 1.0), r0, c0


def back_content(person: Person, doc_id: str) -> tuple[bytes, bytes]:
    """What the issuer writes into the back's barcodes: ``(AAMVA payload, seal bytes)``."""
    design = DESIGNS[doc_id]
    lines = mrz_lines_for(person, design.mrz_format)
    return aamva_payload(person), seal_bytes(lines, person.issue_date)


def render_back_scene(doc_id: str, *, forgery: str | None = None, seed: int = 0,
                      dpi: float = 300.0, lights: Sequence[Light] = (Light.WHITE, Light.UV,
                                                                     Light.IR),
                      variation: bool = True, specimen_person: bool = False,
                      content: tuple[bytes, bytes] | None = None) -> Scene:
    """The linear images of the back face (a ``render.Scene``), as :func:`render_scene`
    makes the front's. ``content`` replaces what the barcodes carry (default: the
    issuer's data for the holder).

    Raises:
        ValueError: the document has no back face, or an unknown forgery or light.
    """
    from workstation.specimens import compose as CP
    from workstation.specimens import forgeries as FG
    from workstation.specimens import layers as LY
    from workstation.specimens import marks as MK
    from workstation.specimens import render as R

    if doc_id not in BACKS:
        raise ValueError(f"{doc_id} has no back face (documents with one: "
                         f"{', '.join(BACKS)})")
    design = R._check_ids(doc_id, forgery)
    back = BACKS[doc_id]
    lights = tuple(lights)
    canvas = MK.Canvas(design.size_mm, dpi)
    person = LY._person_for(design, seed, specimen_person)
    office = forgery == "office_paper"
    substrate = inks.OFFICE_PAPER if office else design.substrate
    vrng = random.Random(f"variation-back:{doc_id}:{seed}") if variation else None
    fibre_rng = random.Random(f"fibres-back:{doc_id}:{seed if variation else 'specimen'}")
    k = dpi / 25.4
    layers: list[CP.Layer] = []

    def ink_for(ink: Ink) -> Ink:
        return inks.process_ink(ink) if office else ink

    def off(spread: float = 0.3) -> tuple[float, float]:
        return LY._offset(vrng, spread)

    def text(name: str, value: str, ink: Ink, *, font: str, cap: float, x: float,
             baseline: float, o: tuple[float, float], max_w: float = 0.0) -> None:
        if not value:
            return
        m, r0, c0 = MK.text_mask(canvas, value, font=font, cap_mm=cap, x_mm=x + o[0],
                                baseline_mm=baseline + o[1], max_width_mm=max_w)
        layers.append(CP.ink_layer(name, m, r0, c0, ink_for(ink)))

    if not office:
        layers.extend(MK._fibres(canvas, fibre_rng, design.substrate.fibres))
    o = off()
    hx, hy, hw, hh = back.header_rect
    text("back-header", back.header, inks.HEADER_RED, font=_FONT_BOLD, cap=1.6, x=hx,
         baseline=hy + hh - 0.8, o=o, max_w=hw)
    values = {"place_of_birth": person.place_of_birth,
              "issue_date": MK.format_date(person.issue_date), "authority": person.authority}
    for name, label, x, baseline in back.fields:
        text(f"back-label:{name}", label, inks.LABEL_BLUE, font=_FONT_SANS,
             cap=design.label_cap_mm, x=x, baseline=baseline, o=o)
    d = off(0.2)
    for name, _label, x, baseline in back.fields:
        text(f"back-value:{name}", values[name], inks.CARBON_BLACK, font=_FONT_SANS,
             cap=design.value_cap_mm * 0.85, x=x, baseline=baseline + 3.3, o=d, max_w=52.0)
    aamva, seal = content if content is not None else back_content(person, doc_id)
    b = off(0.2)
    for name, data, fmt, rect, aspect in (
            ("back-pdf417", aamva, zxingcpp.BarcodeFormat.PDF417, back.pdf417_rect, False),
            ("back-seal", seal, zxingcpp.BarcodeFormat.DataMatrix, back.seal_rect, True)):
        x, y, w, h = rect
        m, r0, c0 = _symbol_mask(data, fmt, ((x + b[0]) * k, (y + b[1]) * k, w * k, h * k),
                                 keep_aspect=aspect)
        layers.append(CP.ink_layer(name, m, r0, c0, ink_for(inks.CARBON_BLACK)))
    if office:
        layers = [FG._reprint(layer, k) for layer in layers]
    paper_white: tuple[float, ...] = substrate.white
    paper_uv: tuple[float, ...] = substrate.uv
    if variation:
        trng = random.Random(f"tint:{doc_id}:{seed}")
        paper_white = tuple(c * trng.uniform(0.985, 1.015) for c in substrate.white)
        uv_gain = trng.uniform(0.88, 1.12)
        paper_uv = tuple(c * uv_gain for c in substrate.uv)
    surface = None
    if Light.OBLIQUE in lights:
        surface = CP.surface_texture(canvas.shape, dpi, substrate.roughness_um,
                                    f"{doc_id}:back:{seed if variation else 'specimen'}")
    images = CP.compose(layers, substrate, canvas.shape, lights, paper_white=paper_white,
                       paper_uv=paper_uv, surface_um=surface, dpi=dpi)
    alpha = CP._document_alpha(canvas.shape, design.corner_radius_mm * k)
    truth = {
        "document": doc_id, "face": "back", "forgery": forgery, "seed": seed,
        "person": person.to_json(), "barcodes": {
            "pdf417": {"rect_mm": list(back.pdf417_rect), "bytes_hex": aamva.hex()},
            "seal": {"rect_mm": list(back.seal_rect), "bytes_hex": seal.hex()}},
        "placement": {"x_mm": 0.0, "y_mm": 0.0, "angle_deg": 0.0},
        "altered": {"substrate": substrate.name} if office else {},
        "size_mm": list(design.size_mm), "generator": R.GENERATOR_VERSION,
    }
    return CP.Scene(images=images, alpha=alpha, dpi=dpi, person=person,
                   mrz_lines=mrz_lines_for(person, design.mrz_format), truth=truth,
                   size_mm=design.size_mm)


def render_back(doc_id: str, *, forgery: str | None = None, seed: int = 0,
                dpi: float = 300.0, lights: Sequence[Light] = (Light.WHITE, Light.UV,
                                                               Light.IR),
                variation: bool = True, jpeg_quality: int | None = None,
                content: tuple[bytes, bytes] | None = None) -> RenderedDocument:
    """The back face cropped to its edges, with sensor effects (a ``RenderedDocument``)."""
    from workstation.specimens import render as R
    from workstation.specimens import sensor as SN

    scene = render_back_scene(doc_id, forgery=forgery, seed=seed, dpi=dpi, lights=lights,
                              variation=variation, content=content)
    images = SN.finish(scene, seed=seed + 7919, variation=variation,
                      jpeg_quality=jpeg_quality)
    truth = dict(scene.truth)
    truth["cropped"] = True
    return R.RenderedDocument(images=images, dpi=dpi, person=scene.person,
                              mrz_lines=scene.mrz_lines, truth=truth)


