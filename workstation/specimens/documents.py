"""The designs of the simulator's documents: size, substrate and where every feature and
printed field sits (all positions in mm from the top-left corner).

The bundled library's two fictional Utopia documents: ``UTO-P-2020`` (TD3 passport data
page, 125 x 88 mm) and ``UTO-ID-2021`` (TD1 identity card, 85.6 x 54 mm; this fictional
card carries its three-line MRZ on the same face as the portrait, so one capture shows
every feature). And a document the bundled library does not hold: ``MNG-P-2021``, a
fictional Mongolian-style passport series (TD3; names in Cyrillic and Latin side by
side, luminescent and IR features of its own) — for specimen authoring, MRZ/VIZ
reading and translations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workstation.specimens import inks
from workstation.specimens.guilloche import GENUINE_STYLE, GuillocheStyle
from workstation.specimens.inks import POLYCARBONATE, SECURITY_PAPER, Ink, Substrate
from workstation.types import RectMM


@dataclass(frozen=True)
class FieldSpec:
    """A printed data field: a label and the value below it.

    ``name`` is the person attribute (or ``type``/``code``); ``role`` the zone role
    (``field:<name>``) when the field has a zone; ``width_mm`` the zone width.
    """

    name: str
    label: str
    x_mm: float
    label_baseline_mm: float
    value_baseline_mm: float
    width_mm: float
    role: str | None = None
    #: a bilingual field: the value in the document's own script at ``x_mm`` and in Latin
    #: letters beside it at ``latin_x_mm`` (``width_mm`` wide each); the role is the Latin one's
    latin_x_mm: float | None = None

    @property
    def value_x_mm(self) -> float:
        """Where the value the MRZ also holds (the Latin one) starts."""
        return self.latin_x_mm if self.latin_x_mm is not None else self.x_mm


@dataclass(frozen=True)
class Ornament:
    """A fixed print of the design beyond the common ones: ``kind`` ``meander`` (a key
    pattern along a strip), ``knot`` (an endless knot) or ``rings`` (concentric rings),
    filling ``rect`` in ``ink``."""

    name: str
    kind: str
    rect: RectMM
    ink: Ink
    label: str


@dataclass(frozen=True)
class Design:
    """Everything that places the features of one document series."""

    id: str
    title: str
    document_code: str
    mrz_format: str
    series: str
    valid_from: dt.date
    size_mm: tuple[float, float]
    substrate: Substrate
    corner_radius_mm: float
    validity_years: int
    header: str
    subtitle: str
    header_cap_mm: float
    subtitle_cap_mm: float
    header_baseline_mm: float
    subtitle_x_mm: float
    label_cap_mm: float
    value_cap_mm: float
    portrait: RectMM
    emblem_centre: tuple[float, float]
    emblem_radius_mm: float
    pattern_centre: tuple[float, float]
    pattern_radius_mm: float
    ir_mark_centre: tuple[float, float]
    ir_mark_radius_mm: float
    rosette_centre: tuple[float, float]
    rosette_radius_mm: float
    mrz_x_mm: float
    mrz_centres_mm: tuple[float, ...]
    mrz_zone: RectMM
    background_zone: RectMM
    blank_zone: RectMM
    header_zone: RectMM
    signature: RectMM
    fields: tuple[FieldSpec, ...]
    #: relief (µm) of the intaglio header, of tactile personalisation (laser engraving)
    intaglio_um: float = 0.0
    tactile_um: float = 0.0
    #: embossed dry seal over the portrait's corner (radius 0: none)
    seal_centre: tuple[float, float] = (0.0, 0.0)
    seal_radius_mm: float = 0.0
    seal_relief_um: float = 45.0
    #: watermark in the paper (radius 0: none)
    watermark_centre: tuple[float, float] = (0.0, 0.0)
    watermark_radius_mm: float = 0.0
    #: the issuing state (MRZ), the header's and the labels' fonts
    issuing_state: str = "UTO"
    header_font: str = "DejaVuSans-Bold.ttf"
    #: the guilloche background's style, and rectangles it leaves clear (bare paper)
    guilloche: GuillocheStyle = GENUINE_STYLE
    background_clear: tuple[RectMM, ...] = ()
    #: the luminescent emblem: ``sun`` (rays around a ring and star) or ``sun-moon``
    #: (a sun disc over a crescent, with flames), its ink; the pattern across the
    #: portrait's edge: rings, lobes and ink
    emblem_shape: str = "sun"
    emblem_ink: Ink = inks.UV_YELLOW_GREEN
    pattern_rings: int = 6
    pattern_lobes: int = 14
    pattern_ink: Ink = inks.UV_RED
    #: further fixed prints of the design (luminescent or IR-absorbing ornaments)
    ornaments: tuple[Ornament, ...] = ()
    #: whether the document carries a chip the simulator personalises
    has_chip: bool = True
    #: see-through register: half printed on each side of the sheet (radius 0: none)
    register_centre: tuple[float, float] = (0.0, 0.0)
    register_radius_mm: float = 0.0
    #: laser perforation of the document number: top-left hole of the first character,
    #: hole pitch and diameter (pitch 0: none)
    perforation_xy: tuple[float, float] = (0.0, 0.0)
    perforation_pitch_mm: float = 0.0
    perforation_hole_mm: float = 0.30
    #: ghost image of the portrait (``None``: none)
    ghost: RectMM | None = None
    #: microprint line: ``(x, baseline, length)`` (length 0: none), its capital height
    microprint: tuple[float, float, float] = (0.0, 0.0, 0.0)
    microprint_cap_mm: float = 0.4
    microprint_text: str = "UTOPIA"
    #: band of lines printed in a short-wave (254 nm) luminescent ink (``None``: none)
    uv254_band: RectMM | None = None
    #: laminate: its gloss under coaxial light (0: none) and the pitch of its
    #: retro-reflective motif (0: none)
    laminate_gloss: float = 0.0
    retro_pitch_mm: float = 0.0
    #: where the laminate's pattern is checked (``None``: nowhere)
    laminate_zone: RectMM | None = None

    @property
    def emblem_zone(self) -> RectMM:
        """The luminescent emblem's zone."""
        (cx, cy), r = self.emblem_centre, self.emblem_radius_mm + 0.5
        return (cx - r, cy - r, 2 * r, 2 * r)

    @property
    def pattern_zone(self) -> RectMM:
        """Zone of the luminescent pattern across the portrait's edge."""
        (cx, cy), r = self.pattern_centre, self.pattern_radius_mm + 0.4
        return (cx - r, cy - r, 2 * r, 2 * r)

    @property
    def seal_zone(self) -> RectMM:
        """Zone of the embossed dry seal."""
        (cx, cy), r = self.seal_centre, self.seal_radius_mm + 0.6
        return (cx - r, cy - r, 2 * r, 2 * r)

    @property
    def watermark_zone(self) -> RectMM:
        """Zone of the watermark."""
        (cx, cy), r = self.watermark_centre, self.watermark_radius_mm + 0.8
        return (cx - r, cy - r, 2 * r, 2 * r)

    @property
    def register_zone(self) -> RectMM:
        """Zone of the see-through register."""
        (cx, cy), r = self.register_centre, self.register_radius_mm + 0.8
        return (cx - r, cy - r, 2 * r, 2 * r)

    @property
    def perforation_zone(self) -> RectMM:
        """Zone of the perforated document number (nine characters)."""
        x, y = self.perforation_xy
        p = self.perforation_pitch_mm
        return (x - 1.0, y - 1.0, 53 * p + 2.0, 6 * p + 2.0)

    @property
    def microprint_zone(self) -> RectMM:
        """Zone of the microprint line."""
        x, base, length = self.microprint
        cap = self.microprint_cap_mm
        return (x - 0.3, base - 2.2 * cap, length + 0.3, 3.2 * cap)

    @property
    def ir_mark_zone(self) -> RectMM:
        """Zone of the pre-printed IR-absorbing seal."""
        (cx, cy), r = self.ir_mark_centre, self.ir_mark_radius_mm + 0.5
        return (cx - r, cy - r, 2 * r, 2 * r)


#: MRZ typography (ICAO 9303 part 3: OCR-B size 10).
MRZ_PITCH_MM = 2.54
MRZ_CAP_MM = 2.3

PASSPORT = Design(
    id="UTO-P-2020", title="Utopia passport, 2020 series, data page", document_code="P",
    mrz_format="TD3", series="2020", valid_from=dt.date(2020, 1, 1), size_mm=(125.0, 88.0),
    substrate=SECURITY_PAPER, corner_radius_mm=3.0, validity_years=10,
    header="UTOPIA", subtitle="PASSPORT · PASSEPORT · PASAPORTE", header_cap_mm=3.6,
    subtitle_cap_mm=2.0, header_baseline_mm=8.6, subtitle_x_mm=45.0,
    label_cap_mm=1.25, value_cap_mm=2.4,
    portrait=(5.0, 22.0, 32.0, 40.0),
    emblem_centre=(100.0, 32.0), emblem_radius_mm=10.5,
    pattern_centre=(37.0, 47.0), pattern_radius_mm=7.5,
    ir_mark_centre=(114.5, 13.5), ir_mark_radius_mm=4.5,
    rosette_centre=(108.0, 53.0), rosette_radius_mm=10.0,
    mrz_x_mm=(125.0 - 44 * MRZ_PITCH_MM) / 2, mrz_centres_mm=(88.0 - 12.7, 88.0 - 8.47),
    mrz_zone=(3.0, 71.0, 119.0, 13.5),
    background_zone=(94.0, 44.5, 28.0, 18.0),
    blank_zone=(80.5, 57.5, 12.5, 11.0),
    header_zone=(4.0, 3.5, 36.0, 6.5),
    signature=(44.0, 63.0, 34.0, 7.5),
    fields=(
        FieldSpec("type", "Type / Type", 42.0, 13.0, 17.2, 8.0),
        FieldSpec("code", "Code / Code", 55.0, 13.0, 17.2, 12.0),
        FieldSpec("document_number", "Passport No. / No. du passeport", 80.0, 13.0, 17.2, 26.0,
                  "field:document_number"),
        FieldSpec("surname", "Surname / Nom", 42.0, 21.2, 25.4, 50.0, "field:surname"),
        FieldSpec("given_names", "Given names / Prénoms", 42.0, 28.6, 32.8, 50.0,
                  "field:given_names"),
        FieldSpec("nationality", "Nationality / Nationalité", 42.0, 36.0, 40.2, 24.0,
                  "field:nationality"),
        FieldSpec("birth_date", "Date of birth / Naissance", 70.0, 36.0, 40.2, 22.0,
                  "field:birth_date"),
        FieldSpec("sex", "Sex / Sexe", 42.0, 43.4, 47.6, 8.0, "field:sex"),
        FieldSpec("place_of_birth", "Place of birth / Lieu de naissance", 55.0, 43.4, 47.6,
                  36.0),
        FieldSpec("issue_date", "Date of issue / Délivrance", 42.0, 50.8, 55.0, 26.0),
        FieldSpec("expiry_date", "Date of expiry / Expiration", 70.0, 50.8, 55.0,
                  22.0, "field:expiry_date"),
        FieldSpec("authority", "Authority / Autorité", 42.0, 58.2, 62.0, 36.0),
    ),
    intaglio_um=25.0, tactile_um=0.0,
    seal_centre=(34.0, 58.0), seal_radius_mm=6.5,
    watermark_centre=(31.0, 15.0), watermark_radius_mm=6.0,
    register_centre=(12.5, 15.5), register_radius_mm=3.5,
    perforation_xy=(96.8, 64.3), perforation_pitch_mm=0.45,
    ghost=(111.5, 20.5, 11.0, 13.75),
    microprint=(80.0, 69.9, 42.0),
    uv254_band=(45.0, 1.0, 62.0, 5.0),
    laminate_gloss=0.12, retro_pitch_mm=6.0, laminate_zone=(60.0, 1.5, 48.0, 10.0),
)

ID_CARD = Design(
    id="UTO-ID-2021", title="Utopia identity card, 2021 series", document_code="I",
    mrz_format="TD1", series="2021", valid_from=dt.date(2021, 1, 1), size_mm=(85.6, 54.0),
    substrate=POLYCARBONATE, corner_radius_mm=3.18, validity_years=10,
    header="UTOPIA", subtitle="IDENTITY CARD · CARTE D'IDENTITÉ", header_cap_mm=2.8,
    subtitle_cap_mm=1.45, header_baseline_mm=6.2, subtitle_x_mm=27.0,
    label_cap_mm=0.95, value_cap_mm=1.9,
    portrait=(4.0, 9.0, 20.0, 26.0),
    emblem_centre=(67.0, 19.5), emblem_radius_mm=7.0,
    pattern_centre=(24.0, 28.5), pattern_radius_mm=5.0,
    ir_mark_centre=(79.5, 10.5), ir_mark_radius_mm=3.0,
    rosette_centre=(75.0, 33.5), rosette_radius_mm=6.5,
    mrz_x_mm=(85.6 - 30 * MRZ_PITCH_MM) / 2, mrz_centres_mm=(41.1, 45.33, 49.56),
    mrz_zone=(2.0, 38.6, 81.6, 13.2),
    background_zone=(46.0, 31.6, 37.0, 6.4),
    blank_zone=(47.0, 32.2, 18.0, 5.0),
    header_zone=(3.0, 2.5, 23.0, 4.5),
    signature=(27.0, 31.0, 17.0, 6.0),
    fields=(
        FieldSpec("surname", "Surname / Nom", 27.0, 10.0, 13.1, 33.0, "field:surname"),
        FieldSpec("given_names", "Given names / Prénoms", 27.0, 15.4, 18.5, 33.0,
                  "field:given_names"),
        FieldSpec("sex", "Sex / Sexe", 27.0, 20.8, 23.9, 6.0, "field:sex"),
        FieldSpec("nationality", "Nationality", 35.0, 20.8, 23.9, 10.0, "field:nationality"),
        FieldSpec("birth_date", "Date of birth", 47.0, 20.8, 23.9, 16.0, "field:birth_date"),
        FieldSpec("document_number", "Document No.", 27.0, 26.2, 29.3, 20.0,
                  "field:document_number"),
        FieldSpec("expiry_date", "Date of expiry", 50.0, 26.2, 29.3, 16.0,
                  "field:expiry_date"),
    ),
    intaglio_um=0.0, tactile_um=14.0,
    seal_centre=(21.5, 32.0), seal_radius_mm=4.0, seal_relief_um=30.0,
    ghost=(75.0, 14.0, 8.5, 11.0),
    microprint=(3.0, 1.9, 22.0),
    uv254_band=(27.0, 0.7, 48.0, 2.4),
    laminate_gloss=0.10, retro_pitch_mm=5.0, laminate_zone=(27.0, 1.0, 45.0, 8.0),
)

#: A green-brown that absorbs IR: the Mongolian-style passport's key-pattern ornament.
IR_KEY_BROWN = Ink("IR-absorbing key-pattern brown", white=(0.42, 0.30, 0.22), uv_quench=0.6,
                   ir_absorb=0.68)
#: The Mongolian-style passport's header ink (IR dropout).
HEADER_BLUE_MNG = Ink("header blue (IR dropout)", white=(0.12, 0.26, 0.58), uv_quench=0.5,
                      ir_absorb=0.03)
#: A mild, cool guilloche for the Mongolian-style passport (another series, another style).
MNG_STYLE = GuillocheStyle(spacing_mm=0.9, wavelength_mm=19.0, amplitude_mm=1.2,
                           phase_step=0.17, second_wavelength_mm=29.0,
                           second_amplitude_mm=0.7, line_mm=0.07, rosette_petals=12,
                           rosette_lines=20, rosette_depth=0.18, angle_deg=-6.0)

MNG_PASSPORT = Design(
    id="MNG-P-2021", title="Mongolian-style passport, 2021 series (fictional), data page",
    document_code="P", mrz_format="TD3", series="2021", valid_from=dt.date(2021, 1, 4),
    size_mm=(125.0, 88.0), substrate=SECURITY_PAPER, corner_radius_mm=3.0,
    validity_years=10,
    header="МОНГОЛ УЛС", subtitle="MONGOLIA  ·  ПАСПОРТ  ·  PASSPORT", header_cap_mm=3.0,
    subtitle_cap_mm=1.5, header_baseline_mm=7.6, subtitle_x_mm=79.0,
    label_cap_mm=1.15, value_cap_mm=2.2,
    portrait=(5.0, 14.0, 31.0, 40.0),
    emblem_centre=(110.5, 25.0), emblem_radius_mm=8.0,
    pattern_centre=(36.0, 43.0), pattern_radius_mm=6.5,
    ir_mark_centre=(0.0, 0.0), ir_mark_radius_mm=0.0,
    rosette_centre=(62.0, 67.5), rosette_radius_mm=5.0,
    mrz_x_mm=(125.0 - 44 * MRZ_PITCH_MM) / 2, mrz_centres_mm=(88.0 - 12.7, 88.0 - 8.47),
    mrz_zone=(3.0, 71.5, 119.0, 13.0),
    background_zone=(50.0, 64.3, 24.0, 6.8),
    blank_zone=(98.0, 61.5, 22.0, 8.5),
    header_zone=(40.5, 3.0, 34.0, 5.6),
    signature=(6.0, 56.5, 30.0, 7.0),
    fields=(
        FieldSpec("type", "Төрөл / Type", 41.0, 13.6, 17.6, 8.0),
        FieldSpec("code", "Код / Code", 52.0, 13.6, 17.6, 12.0),
        FieldSpec("document_number", "Паспортын дугаар / Passport No.", 70.0, 13.6, 17.6,
                  24.0, "field:document_number"),
        FieldSpec("surname", "Овог / Surname", 41.0, 21.0, 25.0, 28.0, "field:surname",
                  latin_x_mm=71.0),
        FieldSpec("given_names", "Нэр / Given names", 41.0, 28.4, 32.4, 28.0,
                  "field:given_names", latin_x_mm=71.0),
        FieldSpec("nationality", "Иргэншил / Nationality", 41.0, 35.8, 39.8, 28.0,
                  "field:nationality"),
        FieldSpec("sex", "Хүйс / Sex", 71.0, 35.8, 39.8, 5.5, "field:sex", latin_x_mm=79.0),
        FieldSpec("birth_date", "Төрсөн огноо / Date of birth", 41.0, 43.2, 47.2, 24.0,
                  "field:birth_date"),
        FieldSpec("place_of_birth", "Төрсөн газар / Place of birth", 71.0, 43.2, 47.2,
                  44.0),
        FieldSpec("issue_date", "Олгосон огноо / Date of issue", 41.0, 50.6, 54.6, 24.0,
                  "field:issue_date"),
        FieldSpec("expiry_date", "Дуусах огноо / Date of expiry", 71.0, 50.6, 54.6, 24.0,
                  "field:expiry_date"),
        FieldSpec("personal_number", "Регистрийн дугаар / Personal No.", 41.0, 58.0, 62.0,
                  24.0),
        FieldSpec("authority", "Олгосон байгууллага / Authority", 71.0, 58.0, 62.0, 24.0),
    ),
    intaglio_um=20.0, tactile_um=0.0,
    issuing_state="MNG",
    guilloche=MNG_STYLE,
    background_clear=((96.5, 59.5, 26.0, 12.0), (3.0, 2.0, 35.0, 9.5)),
    emblem_shape="sun-moon", emblem_ink=inks.UV_YELLOW_GREEN,
    pattern_rings=5, pattern_lobes=9, pattern_ink=inks.UV_RED,
    ornaments=(
        Ornament("ir-key-pattern", "meander", (4.5, 3.2, 32.0, 5.6), IR_KEY_BROWN,
                 "key-pattern ornament (IR-absorbing ink)"),
        Ornament("uv-knot", "knot", (101.0, 39.0, 15.0, 15.0), inks.UV_BLUE,
                 "luminescent endless knot (blue)"),
    ),
    has_chip=False,
)

DESIGNS: dict[str, Design] = {d.id: d for d in (PASSPORT, ID_CARD, MNG_PASSPORT)}
