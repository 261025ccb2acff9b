"""The Norvanian document faces: geometry, what is printed where, and the zones.

Three faces of two documents, all positions in mm from the face's top-left corner:

* ``NRV-P-2018`` — passport data page (TD3, 125 x 88 mm, security paper);
* ``NRV-ID-2019-F`` — identity card, front (85.6 x 54 mm, polycarbonate; portrait,
  personal data, ghost image; no MRZ);
* ``NRV-ID-2019-B`` — identity card, back (TD1 MRZ, issue data).

Each face is printed pass by pass (background, fixed design, luminescent
prints, personalisation, MRZ); :func:`zones` describes it for a specimen
package, with ``varies: "holder"`` on the zones whose content is the holder's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from bench.family2 import draw as D
from bench.family2 import materials as M
from bench.family2.holders import STATE, Holder, date_text

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class ZoneSpec:
    """A zone of the face as a specimen describes it (formats.md §3)."""

    id: str
    rect_mm: Rect
    role: str | None = None
    label: str = ""
    checks: tuple[tuple[str, str], ...] = ()
    varies: str | None = None


@dataclass(frozen=True)
class FieldSpec:
    """A printed data field: label above, value on ``value_y`` (baselines, mm)."""

    name: str
    label: str
    x: float
    label_y: float
    value_y: float
    width: float
    role: str | None = None


@dataclass(frozen=True)
class Face:
    """One face of one Norvanian document."""

    id: str
    title: str
    document_code: str
    mrz_format: str | None
    series: str
    valid_from: dt.date
    validity_years: int
    number_prefix: str
    size_mm: tuple[float, float]
    substrate: M.Substrate
    corner_radius_mm: float
    fields: tuple[FieldSpec, ...]
    label_cap: float
    value_cap: float
    portrait: Rect | None
    ghost: Rect | None
    ghost_engraved: bool
    signature: Rect | None
    mrz_x: float
    mrz_baselines: tuple[float, ...]
    zones: tuple[ZoneSpec, ...]
    fixed: Callable[[tuple[int, int], float], list[tuple[str, np.ndarray, M.Ink]]] = field(
        repr=False, compare=False, default=lambda shape, dpi: [])
    has_fibres: bool = True


# -- fixed designs (no holder data), as (pass, coverage of the whole face, ink) ---------------
def _passport_fixed(shape: tuple[int, int], dpi: float) -> list[tuple[str, np.ndarray, M.Ink]]:
    out: list[tuple[str, np.ndarray, M.Ink]] = []
    waves = D.wave_field(shape, dpi, spacing_mm=0.55, angle_deg=-18, amp_mm=0.9,
                         period_mm=17.0, width_mm=0.07)
    waves2 = D.wave_field(shape, dpi, spacing_mm=0.8, angle_deg=64, amp_mm=1.6,
                          period_mm=23.0, phase=1.3, width_mm=0.06)
    band = np.clip((D.grid_mm(shape, dpi)[1] - 58.0) / 4.0, 0.0, 1.0)
    out.append(("background", waves * 0.75, M.BG_TEAL))
    out.append(("background", waves2 * band * 0.8, M.BG_LILAC))
    out.append(("background", D.rosette(shape, dpi, centre_mm=(110.0, 56.0), radius_mm=12.5,
                                        rings=16, lobes=9, depth=0.16, twist=2.0), M.BG_OCHRE))
    out.append(("background", D.rosette(shape, dpi, centre_mm=(62.0, 30.0), radius_mm=19.0,
                                        rings=22, lobes=13, depth=0.09, twist=-1.0) * 0.6,
                M.BG_OCHRE))
    cov, r0, c0 = D.place_text(shape, "REPUBLIKA NORVANIA", font=D.SERIF_BOLD, cap_mm=3.1,
                               x_mm=38.0, baseline_mm=6.6, dpi=dpi, tracking_mm=0.15)
    out.append(("design", _paste(shape, cov, r0, c0), M.HEADER_BLUE))
    cov, r0, c0 = D.place_text(shape, "REPUBLIC OF NORVANIA  ·  PASS  ·  PASSPORT",
                               font=D.SANS, cap_mm=1.55, x_mm=38.3, baseline_mm=10.0, dpi=dpi)
    out.append(("design", _paste(shape, cov, r0, c0), M.HEADER_BLUE))
    cov, r0, c0 = D.microtext_line(shape, dpi, "NORVANIA", x_mm=38.0, baseline_mm=12.4,
                                   length_mm=84.0)
    out.append(("design", _paste(shape, cov, r0, c0), M.LABEL_GREY))
    shield = [(5.0, 2.5), (13.0, 2.5), (13.0, 8.0), (9.0, 11.5), (5.0, 8.0)]
    out.append(("design", D.polygon(shape, dpi, shield)
                - 0.85 * D.star(shape, dpi, centre_mm=(9.0, 6.3), radius_mm=2.4, points=5,
                                inner=0.45), M.IR_BROWN))
    out.append(("design", D.star(shape, dpi, centre_mm=(117.0, 6.5), radius_mm=4.2, points=6,
                                 inner=0.55), M.ORANGE_BIFLUO))
    for f in PASSPORT_FIELDS:
        cov, r0, c0 = D.place_text(shape, f.label, font=D.SANS, cap_mm=1.05, x_mm=f.x,
                                   baseline_mm=f.label_y, dpi=dpi)
        out.append(("design", _paste(shape, cov, r0, c0), M.LABEL_GREY))
    # luminescent prints
    out.append(("uv", D.star(shape, dpi, centre_mm=(86.0, 63.0), radius_mm=7.5, points=8,
                             inner=0.42), M.UV_RED))
    out.append(("uv", D.ring(shape, dpi, centre_mm=(86.0, 63.0), radius_mm=8.4, width_mm=0.6)
                + D.ring(shape, dpi, centre_mm=(86.0, 63.0), radius_mm=3.0, width_mm=0.5),
                M.UV_GREEN))
    paths = []
    for k in range(5):
        x = np.linspace(24.0, 54.0, 120)
        y = 46.0 + 2.2 * k + 1.1 * np.sin((x - 24.0) / 3.1 + 0.7 * k)
        paths.append(np.stack([x, y], axis=1))
    out.append(("uv", D.curves(shape, dpi, paths, width_mm=0.5), M.UV_BLUE))
    return out


def _card_front_fixed(shape: tuple[int, int], dpi: float) -> list[tuple[str, np.ndarray, M.Ink]]:
    out: list[tuple[str, np.ndarray, M.Ink]] = []
    out.append(("background", D.wave_field(shape, dpi, spacing_mm=0.6, angle_deg=25,
                                           amp_mm=0.7, period_mm=11.0, width_mm=0.06) * 0.8,
                M.BG_LILAC))
    out.append(("background", D.rosette(shape, dpi, centre_mm=(73.0, 15.5), radius_mm=11.0,
                                        rings=14, lobes=7, depth=0.2, twist=3.0), M.BG_TEAL))
    cov, r0, c0 = D.place_text(shape, "NORVANIA", font=D.SERIF_BOLD, cap_mm=2.6, x_mm=28.0,
                               baseline_mm=5.2, dpi=dpi, tracking_mm=0.5)
    out.append(("design", _paste(shape, cov, r0, c0), M.HEADER_BLUE))
    cov, r0, c0 = D.place_text(shape, "IDENTITY CARD  ·  KARTA IDENTITETA", font=D.SANS,
                               cap_mm=1.2, x_mm=28.0, baseline_mm=8.2, dpi=dpi)
    out.append(("design", _paste(shape, cov, r0, c0), M.HEADER_BLUE))
    shield = [(3.0, 2.0), (8.5, 2.0), (8.5, 6.0), (5.75, 8.4), (3.0, 6.0)]
    out.append(("design", D.polygon(shape, dpi, shield), M.IR_BROWN))
    for f in CARD_FRONT_FIELDS:
        cov, r0, c0 = D.place_text(shape, f.label, font=D.SANS, cap_mm=0.85, x_mm=f.x,
                                   baseline_mm=f.label_y, dpi=dpi)
        out.append(("design", _paste(shape, cov, r0, c0), M.LABEL_GREY))
    arcs = []
    for k in range(6):
        t = np.linspace(np.pi - 0.35, 2 * np.pi + 0.35, 120)
        r = 4.0 + 1.1 * k
        arcs.append(np.stack([24.5 + r * np.cos(t), 37.0 + r * np.sin(t)], axis=1))
    out.append(("uv", D.curves(shape, dpi, arcs, width_mm=0.45), M.UV_GREEN))
    out.append(("uv", D.star(shape, dpi, centre_mm=(47.0, 45.0), radius_mm=4.6, points=5,
                             inner=0.4), M.UV_RED))
    return out


def _card_back_fixed(shape: tuple[int, int], dpi: float) -> list[tuple[str, np.ndarray, M.Ink]]:
    out: list[tuple[str, np.ndarray, M.Ink]] = []
    out.append(("background", D.wave_field(shape, dpi, spacing_mm=0.5, angle_deg=-8,
                                           amp_mm=0.5, period_mm=9.0, width_mm=0.06) * 0.8,
                M.BG_TEAL))
    out.append(("background", D.rosette(shape, dpi, centre_mm=(39.0, 27.0), radius_mm=12.0,
                                        rings=15, lobes=11, depth=0.12, twist=1.5), M.BG_OCHRE))
    cov, r0, c0 = D.place_text(shape, "NORVANIA  ·  REPUBLIC OF NORVANIA", font=D.SERIF_BOLD,
                               cap_mm=1.5, x_mm=4.0, baseline_mm=4.4, dpi=dpi)
    out.append(("design", _paste(shape, cov, r0, c0), M.HEADER_BLUE))
    for f in CARD_BACK_FIELDS:
        cov, r0, c0 = D.place_text(shape, f.label, font=D.SANS, cap_mm=0.85, x_mm=f.x,
                                   baseline_mm=f.label_y, dpi=dpi)
        out.append(("design", _paste(shape, cov, r0, c0), M.LABEL_GREY))
    out.append(("design", D.ring(shape, dpi, centre_mm=(77.0, 28.0), radius_mm=3.2,
                                 width_mm=0.5)
                + D.star(shape, dpi, centre_mm=(77.0, 28.0), radius_mm=2.3, points=7,
                         inner=0.5), M.IR_BROWN))
    land = [(55.0, 6.0), (63.0, 4.0), (70.0, 7.5), (79.0, 5.0), (81.0, 12.0), (74.0, 19.0),
            (66.0, 17.0), (58.0, 20.0), (54.0, 13.0)]
    out.append(("uv", D.polygon(shape, dpi, land) * 0.9, M.UV_BLUE))
    stripes = D.wave_field(shape, dpi, spacing_mm=1.6, angle_deg=40, amp_mm=0.0, period_mm=5.0,
                           width_mm=0.5)
    out.append(("uv", stripes * D.polygon(shape, dpi, land), M.UV_GREEN))
    return out


def _paste(shape: tuple[int, int], cov: np.ndarray, r0: int, c0: int) -> np.ndarray:
    """``cov`` placed at ``(r0, c0)`` on a face-sized canvas (clipped)."""
    out = np.zeros(shape, np.float32)
    h, w = cov.shape
    H, W = shape
    ra, ca, rb, cb = max(0, r0), max(0, c0), min(H, r0 + h), min(W, c0 + w)
    if rb > ra and cb > ca:
        out[ra:rb, ca:cb] = cov[ra - r0:rb - r0, ca - c0:cb - c0]
    return out


PASSPORT_FIELDS = (
    FieldSpec("type", "Lloj / Type", 41.0, 15.2, 19.4, 8.0),
    FieldSpec("code", "Kodi / Code", 52.0, 15.2, 19.4, 12.0),
    FieldSpec("document_number", "Nr. pasaporte / Passport No.", 66.0, 15.2, 19.4, 28.0,
              "field:document_number"),
    FieldSpec("surname", "Mbiemri / Surname", 41.0, 22.8, 27.0, 56.0, "field:surname"),
    FieldSpec("given_names", "Emri / Given names", 41.0, 30.4, 34.6, 56.0, "field:given_names"),
    FieldSpec("birth_date", "Datelindja / Date of birth", 41.0, 38.0, 42.2, 24.0,
              "field:birth_date"),
    FieldSpec("sex", "Gjinia / Sex", 68.0, 38.0, 42.2, 7.0, "field:sex"),
    FieldSpec("place_of_birth", "Vendlindja / Place of birth", 81.0, 38.0, 42.2, 19.0),
    FieldSpec("issue_date", "Leshuar / Date of issue", 41.0, 45.6, 49.8, 24.0),
    FieldSpec("expiry_date", "Skadon / Date of expiry", 68.0, 45.6, 49.8, 24.0,
              "field:expiry_date"),
    FieldSpec("authority", "Autoriteti / Authority", 41.0, 53.2, 57.4, 34.0),
)
CARD_FRONT_FIELDS = (
    FieldSpec("surname", "Mbiemri / Surname", 28.0, 11.6, 14.6, 34.0, "field:surname"),
    FieldSpec("given_names", "Emri / Given names", 28.0, 17.6, 20.6, 34.0, "field:given_names"),
    FieldSpec("sex", "Gjinia / Sex", 28.0, 23.6, 26.6, 6.0, "field:sex"),
    FieldSpec("nationality", "Shtetesia / Nationality", 35.0, 23.6, 26.6, 14.0),
    FieldSpec("birth_date", "Datelindja / Date of birth", 51.0, 23.6, 26.6, 16.0,
              "field:birth_date"),
    FieldSpec("document_number", "Nr. karte / Card No.", 28.0, 29.6, 32.6, 20.0,
              "field:document_number"),
    FieldSpec("expiry_date", "Skadon / Expiry", 51.0, 29.6, 32.6, 16.0, "field:expiry_date"),
)
CARD_BACK_FIELDS = (
    FieldSpec("place_of_birth", "Vendlindja / Place of birth", 4.0, 7.6, 10.6, 30.0),
    FieldSpec("issue_date", "Leshuar / Date of issue", 4.0, 13.6, 16.6, 20.0),
    FieldSpec("authority", "Autoriteti / Authority", 30.0, 13.6, 16.6, 22.0),
    FieldSpec("personal_number", "Nr. personal / Personal No.", 4.0, 19.6, 22.6, 20.0),
)

_V = (("ir", "visible"),)

PASSPORT = Face(
    id="NRV-P-2018", title="Norvania passport, 2018 series, data page", document_code="P",
    mrz_format="TD3", series="2018", valid_from=dt.date(2018, 3, 1), validity_years=10,
    number_prefix="NP", size_mm=(125.0, 88.0), substrate=M.SECURITY_PAPER,
    corner_radius_mm=2.5, fields=PASSPORT_FIELDS, label_cap=1.05, value_cap=2.2,
    portrait=(5.0, 16.0, 32.0, 41.0), ghost=(101.0, 20.0, 18.0, 23.0), ghost_engraved=False,
    signature=(6.0, 59.5, 30.0, 8.0),
    mrz_x=(125.0 - 44 * 2.54) / 2, mrz_baselines=(76.6, 80.9),
    zones=(
        ZoneSpec("mrz", (3.0, 72.0, 119.0, 11.0), "mrz", "machine readable zone",
                 (("ir", "visible"), ("uv", "dull")), "holder"),
        ZoneSpec("portrait", (5.0, 16.0, 32.0, 41.0), "portrait", "portrait", (), "holder"),
        ZoneSpec("ghost", (101.0, 20.0, 18.0, 23.0), "ghost", "ghost image (luminescent)",
                 (("uv", "luminescent"), ("uv", "ghost_of:portrait")), "holder"),
        ZoneSpec("fibres", (3.0, 3.0, 119.0, 66.0), None, "UV fibres in the paper",
                 (("uv", "fibres"),)),
        ZoneSpec("microprint", (37.7, 11.7, 84.3, 1.05), None, "microprinted rule",
                 (("white", "microprint"),)),
        ZoneSpec("intaglio", (37.5, 2.5, 72.0, 5.0), None, "state name in intaglio",
                 (("oblique", "relief"), ("oblique_top", "relief"))),
        ZoneSpec("watermark", (58.5, 52.5, 15.0, 15.0), None, "watermark (ring and cross)",
                 (("transmitted", "transmitted"),)),
        ZoneSpec("uv254-band", (97.6, 66.1, 24.8, 4.8), None, "short-wave UV band",
                 (("uv254", "luminescent"),)),
        ZoneSpec("signature", (6.0, 59.5, 30.0, 8.0), "signature", "holder's signature", (),
                 "holder"),
        ZoneSpec("uv-star", (77.8, 54.8, 16.4, 16.4), None, "luminescent compass star",
                 (("uv", "luminescent"),)),
        ZoneSpec("uv-waves", (23.0, 44.0, 32.0, 13.0), None,
                 "luminescent waves across the portrait", (("uv", "luminescent"),)),
        ZoneSpec("uv-emblem", (112.3, 1.8, 9.4, 9.4), None, "bi-fluorescent star",
                 (("uv", "luminescent"),)),
        ZoneSpec("ir-mark", (4.5, 2.0, 9.0, 10.0), None, "IR-absorbing shield", _V),
        ZoneSpec("background", (98.0, 46.0, 24.0, 19.0), None, "rosette background",
                 (("white", "match"), ("ir", "invisible"))),
        ZoneSpec("header", (37.5, 2.0, 72.0, 9.0), None, "header",
                 (("white", "match"), ("ir", "invisible"))),
        ZoneSpec("blank", (44.0, 61.5, 22.0, 7.5), "blank", "bare paper", (("uv", "dull"),)),
        ZoneSpec("field-document_number", (65.5, 16.6, 30.0, 3.6), "field:document_number",
                 "passport number", _V, "holder"),
        ZoneSpec("field-surname", (40.5, 24.2, 57.0, 3.6), "field:surname", "surname", _V,
                 "holder"),
        ZoneSpec("field-given_names", (40.5, 31.8, 57.0, 3.6), "field:given_names",
                 "given names", _V, "holder"),
        ZoneSpec("field-birth_date", (40.5, 39.4, 24.0, 3.6), "field:birth_date",
                 "date of birth", _V, "holder"),
        ZoneSpec("field-sex", (67.5, 39.4, 7.0, 3.6), "field:sex", "sex", _V, "holder"),
        ZoneSpec("field-expiry_date", (67.5, 47.0, 24.0, 3.6), "field:expiry_date",
                 "date of expiry", _V, "holder"),
    ),
    fixed=_passport_fixed,
)

CARD_FRONT = Face(
    id="NRV-ID-2019-F", title="Norvania identity card, 2019 series, front", document_code="ID",
    mrz_format=None, series="2019", valid_from=dt.date(2019, 6, 1), validity_years=10,
    number_prefix="NK", size_mm=(85.6, 54.0), substrate=M.CARD_BODY, corner_radius_mm=3.18,
    fields=CARD_FRONT_FIELDS, label_cap=0.85, value_cap=1.8,
    portrait=(3.5, 10.0, 21.0, 27.0), ghost=(69.0, 28.0, 13.0, 16.0), ghost_engraved=True,
    signature=(28.0, 36.5, 24.0, 6.0), mrz_x=0.0, mrz_baselines=(),
    zones=(
        ZoneSpec("portrait", (3.5, 10.0, 21.0, 27.0), "portrait", "portrait", (), "holder"),
        ZoneSpec("ghost", (69.0, 28.0, 13.0, 16.0), "ghost", "laser-engraved ghost image",
                 (("ir", "visible"), ("white", "ghost_of:portrait")), "holder"),
        ZoneSpec("frame-relief", (2.5, 8.2, 23.0, 1.75), None,
                 "tactile engraved frame above the portrait",
                 (("oblique", "relief"), ("oblique_top", "relief"))),
        ZoneSpec("laminate", (27.5, 43.0, 26.0, 8.0), None, "retro-reflective laminate",
                 (("coaxial", "retroreflective"),)),
        ZoneSpec("uv254-band", (72.6, 1.6, 11.3, 5.8), None, "short-wave UV band",
                 (("uv254", "luminescent"),)),
        ZoneSpec("signature", (28.0, 36.5, 24.0, 6.0), "signature", "holder's signature", (),
                 "holder"),
        ZoneSpec("uv-arcs", (14.0, 27.0, 21.0, 13.5), None,
                 "luminescent arcs across the portrait", (("uv", "luminescent"),)),
        ZoneSpec("uv-star", (42.0, 40.0, 10.0, 10.0), None, "luminescent star",
                 (("uv", "luminescent"),)),
        ZoneSpec("ir-mark", (2.5, 1.5, 6.5, 7.5), None, "IR-absorbing shield", _V),
        ZoneSpec("background", (63.0, 9.5, 20.0, 10.0), None, "rosette background",
                 (("white", "match"), ("ir", "invisible"))),
        ZoneSpec("header", (27.5, 1.8, 44.0, 7.0), None, "header",
                 (("white", "match"), ("ir", "invisible"))),
        ZoneSpec("blank", (56.0, 46.0, 11.0, 5.5), "blank", "bare card", (("uv", "dull"),)),
        ZoneSpec("field-surname", (27.5, 12.9, 35.0, 2.9), "field:surname", "surname", _V,
                 "holder"),
        ZoneSpec("field-given_names", (27.5, 18.9, 35.0, 2.9), "field:given_names",
                 "given names", _V, "holder"),
        ZoneSpec("field-sex", (27.5, 24.9, 5.0, 2.9), "field:sex", "sex", _V, "holder"),
        ZoneSpec("field-birth_date", (50.5, 24.9, 17.0, 2.9), "field:birth_date",
                 "date of birth", _V, "holder"),
        ZoneSpec("field-document_number", (27.5, 30.9, 20.0, 2.9), "field:document_number",
                 "card number", _V, "holder"),
        ZoneSpec("field-expiry_date", (50.5, 30.9, 17.0, 2.9), "field:expiry_date",
                 "date of expiry", _V, "holder"),
    ),
    fixed=_card_front_fixed, has_fibres=False,
)

CARD_BACK = Face(
    id="NRV-ID-2019-B", title="Norvania identity card, 2019 series, back", document_code="ID",
    mrz_format="TD1", series="2019", valid_from=dt.date(2019, 6, 1), validity_years=10,
    number_prefix="NK", size_mm=(85.6, 54.0), substrate=M.CARD_BODY, corner_radius_mm=3.18,
    fields=CARD_BACK_FIELDS, label_cap=0.85, value_cap=1.8,
    portrait=None, ghost=None, ghost_engraved=True, signature=None,
    mrz_x=(85.6 - 30 * 2.54) / 2, mrz_baselines=(42.3, 46.55, 50.8),
    zones=(
        ZoneSpec("mrz", (2.5, 38.8, 80.6, 13.4), "mrz", "machine readable zone",
                 (("ir", "visible"), ("uv", "dull")), "holder"),
        ZoneSpec("uv-map", (53.5, 3.5, 28.0, 17.0), None, "luminescent map",
                 (("uv", "luminescent"),)),
        ZoneSpec("ir-mark", (73.3, 24.3, 7.4, 7.4), None, "IR-absorbing seal", _V),
        ZoneSpec("background", (28.0, 21.0, 22.0, 13.0), None, "rosette background",
                 (("white", "match"), ("ir", "invisible"))),
        ZoneSpec("header", (3.5, 2.0, 46.0, 3.2), None, "header",
                 (("white", "match"), ("ir", "invisible"))),
        ZoneSpec("blank", (4.0, 26.5, 18.0, 8.0), "blank", "bare card", (("uv", "dull"),)),
        ZoneSpec("field-personal_number", (3.5, 20.9, 22.0, 2.9), None, "personal number", _V,
                 "holder"),
    ),
    fixed=_card_back_fixed, has_fibres=False,
)

FACES: dict[str, Face] = {f.id: f for f in (PASSPORT, CARD_FRONT, CARD_BACK)}
#: Faces with a portrait (photo substitution) and with an MRZ.
PORTRAIT_FACES = tuple(f.id for f in FACES.values() if f.portrait is not None)
MRZ_FACES = tuple(f.id for f in FACES.values() if f.mrz_format is not None)


def field_values(face: Face, holder: Holder) -> dict[str, str]:
    """What each field of ``face`` prints for ``holder``."""
    return {
        "type": face.document_code, "code": STATE, "document_number": holder.document_number,
        "surname": holder.surname, "given_names": holder.given_names,
        "birth_date": date_text(holder.birth_date), "sex": holder.sex,
        "place_of_birth": holder.place_of_birth, "issue_date": date_text(holder.issue_date),
        "expiry_date": date_text(holder.expiry_date), "authority": "MINISTRY OF INTERIOR",
        "nationality": STATE,
        "personal_number": holder.personal_number,
    }
