"""Synthetic examinations for the report tests and the report benchmark.

A three-light capture of an invented passport data page (white, UV, IR) at
300 dpi, a specimen of it at 600 dpi, checks with every status and evidence
crops, and the examiner's findings with annotations. Drawn with Pillow, so the
tests need nothing but the shipped fonts.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from workstation.examination.results import Examination
from workstation.findings import Annotation, AnnotationKind, Conclusion, Findings
from workstation.mrz.result import MrzResult
from workstation.paths import resource
from workstation.types import (
    CaptureSet,
    CheckResult,
    CheckStatus,
    Evidence,
    Expect,
    Light,
    Specimen,
    Verdict,
    Zone,
    ZoneCheck,
    verdict_of,
)

MRZ_LINES = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
             "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
SIZE_MM = (125.0, 88.0)


def _page(dpi: float, light: Light, *, counterfeit: bool = False) -> np.ndarray:
    w = round(SIZE_MM[0] / 25.4 * dpi)
    h = round(SIZE_MM[1] / 25.4 * dpi)
    k = dpi / 25.4  # px per mm
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    guilloche = (np.sin(xx / (1.7 * k)) * np.cos(yy / (2.3 * k)) + 1) * 0.5
    if light is Light.WHITE:
        base = np.stack([225 + 20 * guilloche, 215 + 25 * guilloche, 190 + 30 * guilloche], -1)
    elif light is Light.UV:
        glow = 90 if counterfeit else 25
        base = np.stack([20 + glow * 0.6 + 0 * guilloche, 15 + glow * 0.7 + 0 * guilloche,
                         60 + glow + 10 * guilloche], -1)
    else:
        base = np.repeat((205 + 30 * guilloche)[..., None], 3, axis=2)
    img = PILImage.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    text_font = ImageFont.truetype(str(resource("fonts", "DejaVuSans.ttf")), round(3 * k))
    mrz_font = ImageFont.truetype(str(resource("fonts", "OCRB.ttf")), round(3.6 * k))
    ink = (30, 30, 60) if light is not Light.UV else (40, 40, 90)
    # portrait
    portrait = (round(5 * k), round(22 * k), round(37 * k), round(62 * k))
    pcol = {Light.WHITE: (150, 120, 100), Light.UV: (35, 30, 70), Light.IR: (200, 200, 200)}
    draw.rectangle(portrait, fill=pcol.get(light, (120, 120, 120)))
    draw.ellipse((round(12 * k), round(27 * k), round(30 * k), round(47 * k)),
                 fill=tuple(max(0, c - 40) for c in pcol.get(light, (120, 120, 120))))
    # emblem: luminescent under UV (absent on the counterfeit)
    emblem = (round(60 * k), round(30 * k), round(90 * k), round(60 * k))
    if light is Light.UV and not counterfeit:
        draw.ellipse(emblem, outline=(250, 200, 60), width=round(1.2 * k))
    elif light is Light.WHITE:
        draw.ellipse(emblem, outline=(200, 170, 150), width=round(0.4 * k))
    # printed data (drops out under IR except personalisation)
    draw.text((round(5 * k), round(8 * k)), "UTOPIA  PASSPORT  PASSEPORT", font=text_font,
              fill=(60, 60, 120) if light is not Light.IR else (215, 215, 215))
    for i, (label, value) in enumerate((("Surname", "ERIKSSON"), ("Given names", "ANNA MARIA"),
                                        ("Date of birth", "12 AUG 1974"),
                                        ("Document no.", "L898902C3"))):
        y = round((24 + 9 * i) * k)
        draw.text((round(42 * k), y), label, font=text_font,
                  fill=(120, 120, 150) if light is not Light.IR else (220, 220, 220))
        draw.text((round(42 * k), y + round(3.4 * k)), value, font=text_font, fill=ink)
    for i, line in enumerate(MRZ_LINES):
        draw.text((round(5 * k), round((70 + 7 * i) * k)), line, font=mrz_font, fill=ink)
    return np.asarray(img, dtype=np.uint8)


def synthetic_specimen() -> Specimen:
    """A 600-dpi specimen of the synthetic passport."""
    images = {light: _page(600, light) for light in (Light.WHITE, Light.UV, Light.IR)}
    return Specimen(
        id="UTO-P-2020", title="Utopia passport, 2020 series, data page", issuing_state="UTO",
        document_code="P", mrz_format="TD3", series="2020", valid_from=dt.date(2020, 1, 1),
        valid_until=None, size_mm=SIZE_MM, dpi=600,
        image_lights=(Light.WHITE, Light.UV, Light.IR),
        zones=(Zone("mrz", (3.0, 66.0, 119.0, 18.0), role="mrz",
                    checks=(ZoneCheck(Light.IR, Expect.VISIBLE),)),
               Zone("uv-emblem", (60.0, 30.0, 30.0, 30.0),
                    checks=(ZoneCheck(Light.UV, Expect.LUMINESCENT),))),
        loader=lambda light: images[light],
    )


def _crop(img: np.ndarray, rect_mm: tuple[float, float, float, float], dpi: float) -> np.ndarray:
    k = dpi / 25.4
    x, y, w, h = (round(v * k) for v in rect_mm)
    return np.ascontiguousarray(img[y:y + h, x:x + w])


def synthetic_examination(*, counterfeit: bool = True, dpi: float = 300,
                          lights: tuple[Light, ...] = (Light.WHITE, Light.UV, Light.IR),
                          ) -> Examination:
    """An examination of the synthetic passport; ``counterfeit`` fails the UV checks."""
    images = {light: _page(dpi, light, counterfeit=counterfeit) for light in lights}
    capture = CaptureSet(images=images, dpi=dpi, device="SimulatedReader SR-1 #0001",
                         captured_at=dt.datetime(2026, 11, 28, 9, 58, tzinfo=dt.UTC))
    spec_uv = _page(600, Light.UV)
    uv = images.get(Light.UV)
    checks = [
        CheckResult("mrz.check_digits", CheckStatus.PASS, "MRZ_VALID",
                    "every check digit verifies", zone="mrz", light=Light.IR, score=1.0),
        CheckResult("ir.mrz_visible", CheckStatus.PASS, "IR_B900_VISIBLE",
                    "MRZ absorbs IR (B900) as expected", zone="mrz", light=Light.IR,
                    score=0.91, threshold=0.5),
        CheckResult("uv.dull_paper", CheckStatus.FAIL if counterfeit else CheckStatus.PASS,
                    "UV_DULL_PAPER" if counterfeit else "UV_DULL",
                    "substrate glows under UV: paper with optical brighteners"
                    if counterfeit else "substrate shows no luminescence",
                    zone="blank", light=Light.UV, score=0.12 if counterfeit else 0.93,
                    threshold=0.6,
                    evidence=[] if uv is None else [
                        Evidence("blank zone, questioned", _crop(uv, (95, 50, 25, 12), dpi),
                                 Light.UV),
                        Evidence("blank zone, specimen", _crop(spec_uv, (95, 50, 25, 12), 600),
                                 Light.UV, source="specimen")]),
        CheckResult("uv.emblem", CheckStatus.FAIL if counterfeit else CheckStatus.PASS,
                    "VISIBLE_ELEMENT_ABSENT" if counterfeit else "UV_LUMINESCENT",
                    "luminescent state emblem missing under UV" if counterfeit
                    else "luminescent emblem present",
                    zone="uv-emblem", light=Light.UV, score=0.08 if counterfeit else 0.88,
                    threshold=0.5,
                    evidence=[] if uv is None else [
                        Evidence("emblem, questioned", _crop(uv, (60, 30, 30, 30), dpi),
                                 Light.UV),
                        Evidence("emblem, specimen", _crop(spec_uv, (60, 30, 30, 30), 600),
                                 Light.UV, source="specimen")]),
        CheckResult("pattern.background", CheckStatus.WARN, "PATTERN_WEAK_MATCH",
                    "guilloche matches the specimen only weakly", zone="background",
                    light=Light.WHITE, score=0.55, threshold=0.6),
        CheckResult("oblique.relief", CheckStatus.SKIPPED, "LIGHT_MISSING",
                    "no oblique-light image in this capture", light=Light.OBLIQUE),
    ]
    mrz = MrzResult(
        found=True, format="TD3", lines=list(MRZ_LINES), valid=True,
        fields={"document_code": "P", "issuing_state": "UTO", "surname": "ERIKSSON",
                "given_names": "ANNA MARIA", "document_number": "L898902C3",
                "nationality": "UTO", "birth_date": "1974-08-12", "sex": "F",
                "expiry_date": "2012-04-15", "optional_data": "ZE184226B"},
        check_digits={"document_number": True, "birth_date": True, "expiry_date": True,
                      "optional_data": True, "composite": True})
    verdict = verdict_of(checks, matched_specimen=True)
    assert verdict is (Verdict.FAIL if counterfeit else Verdict.INCONCLUSIVE)
    return Examination(capture=capture, capture_path=None, specimen_id="UTO-P-2020", mrz=mrz,
                       checks=checks, verdict=verdict,
                       started_at=dt.datetime(2026, 11, 28, 10, 0, 5, tzinfo=dt.UTC),
                       duration_ms=812.0)


def synthetic_findings(examination: Examination) -> Findings:
    """Findings of a counterfeit with a ruler, an angle, a rectangle and an arrow."""
    dpi = examination.capture.dpi or 300
    k = dpi / 25.4
    return Findings(
        conclusion=Conclusion.COUNTERFEIT,
        text="Substrate fluoresces bright blue-white under UV 365 nm (office paper).\n"
             "The luminescent state emblem is absent. MRZ and personal data are printed "
             "consistently; the document is a complete counterfeit.",
        report_images=["capture:uv", "evidence:uv.emblem"],
        annotations=[
            Annotation(AnnotationKind.RULER, [(5 * k, 86 * k), (120 * k, 86 * k)],
                       image="capture:white", text="MRZ width", dpi=dpi),
            Annotation(AnnotationKind.RECTANGLE, [(60 * k, 30 * k), (90 * k, 60 * k)],
                       image="capture:uv", text="emblem missing", dpi=dpi),
            Annotation(AnnotationKind.ARROW, [(110 * k, 20 * k), (92 * k, 38 * k)],
                       image="capture:uv", text="", dpi=dpi),
            Annotation(AnnotationKind.ANGLE, [(5 * k, 20 * k), (5 * k, 62 * k),
                                              (37 * k, 62 * k)],
                       image="capture:white", text="portrait corner", dpi=dpi),
        ],
        examiner="Anna Examiner",
        updated_at=dt.datetime(2026, 11, 28, 10, 12, tzinfo=dt.UTC),
    )
