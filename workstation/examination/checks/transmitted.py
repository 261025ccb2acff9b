"""Transmitted light: what lies inside the sheet — the watermark and the see-through
register — and the laser perforation of the document number.

A watermark (and the back's half of a see-through register) shows in the light
through the sheet beyond what the face's print explains, and not in reflected light;
a "watermark" printed on the surface does the opposite. Perforation holes let the
lamp through — far brighter than the paper — and spell the MRZ's document number;
printed dots stay dark.
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from workstation.examination import thresholds as T
from workstation.examination.checks.feature_common import (
    crop_source,
    failing,
    feature_evidence,
    hold,
    measured,
    not_measured,
    scored,
    zone_checks,
)
from workstation.examination.feature_measures import hole_mask
from workstation.examination.feature_zone import CropSource, measure_feature
from workstation.examination.messages import field_term, message, zone_term
from workstation.examination.registry import ExamContext, check, skipped
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CheckResult, CheckStatus, Expect, Image, Light, Zone, ZoneCheck

WATERMARK = "transmitted.watermark"
PERFORATION = "transmitted.perforation"
_T = Light.TRANSMITTED


@check(WATERMARK, title=QT_TRANSLATE_NOOP(
    "check titles", "watermark and see-through register in transmitted light"),
    lights=(_T,), expect=Expect.TRANSMITTED)
def watermark(ctx: ExamContext) -> list[CheckResult]:
    """Each ``transmitted`` zone shows the specimen's pattern through the sheet
    (WATERMARK_ABSENT otherwise) and not on the surface (WATERMARK_PRINTED: the pattern
    shows in reflected light)."""
    pairs = zone_checks(ctx, Expect.TRANSMITTED, (_T,))
    if not pairs:
        return [skipped(WATERMARK, "NO_ZONE", message("NO_ZONE.watermark"))]
    out: list[CheckResult] = []
    for zone, _c, fm in measured(ctx, WATERMARK, pairs, out):
        through = (("through_strength",) if zone.varies_by_holder
                   else ("through_strength", "through_correlation"))
        js = hold(zone, _T, fm.measures, through)
        printed = hold(zone, _T, fm.measures, ("reflected_excess",))
        ev = feature_evidence(ctx, zone, (_T, Light.WHITE), fm)
        label = zone_term(zone.label or zone.id)
        if failing(printed):
            out.append(scored(WATERMARK, zone, Light.WHITE, [*printed, *js],
                              code="WATERMARK_PRINTED",
                              text=message("WATERMARK_PRINTED", zone=label), fm=fm,
                              evidence=ev))
        else:
            code = "WATERMARK_ABSENT" if failing(js) else "WATERMARK_PRESENT"
            out.append(scored(WATERMARK, zone, _T, [*js, *printed], code=code,
                              text=message(code, zone=label), fm=fm, evidence=ev))
    return out


# -- perforation --------------------------------------------------------------------------------
_CONFUSABLE = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2",
                             "S": "5", "B": "8", "G": "6"})


def _norm(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def same_number(read: str, printed: str) -> bool:
    """Whether a perforation read by OCR spells ``printed`` (OCR's look-alikes allowed)."""
    a, b = _norm(read), _norm(printed)
    return a == b or a.translate(_CONFUSABLE) == b.translate(_CONFUSABLE)


def read_holes(transmitted: Image, *, px_per_mm: float) -> tuple[str, float]:
    """Read the perforated characters: the holes, blurred into strokes, as dark text on
    light paper for the field OCR. ``("", 0.0)`` without holes."""
    from workstation.examination.ocr import read_text, trim_to_text

    holes, _ = hole_mask(transmitted, px_per_mm=px_per_mm)
    if int(holes.sum()) < 10:
        return "", 0.0
    n, _, _stats, cents = cv2.connectedComponentsWithStats(holes.astype(np.uint8),
                                                           connectivity=8)
    if n < 4:
        return "", 0.0
    pts = cents[1:]
    d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    pitch = float(np.median(d.min(axis=1)))
    blurred = cv2.GaussianBlur(holes.astype(np.float32), (0, 0), max(0.8, 0.45 * pitch))
    top = float(np.percentile(blurred[blurred > 0], 99)) if (blurred > 0).any() else 1.0
    img = 255 - np.clip(blurred / max(1e-6, top) * 255.0 * 1.3, 0, 255).astype(np.uint8)
    img = trim_to_text(img, pad_px=max(3, round(pitch)))
    results = read_text([img])
    if not results:
        return "", 0.0
    text, conf = results[0]
    return text.replace(" ", ""), float(conf)


@check(PERFORATION, title=QT_TRANSLATE_NOOP(
    "check titles", "laser perforation transmits and spells the document number"),
    lights=(_T,), expect=Expect.PERFORATION)
def perforation(ctx: ExamContext) -> list[CheckResult]:
    """Each ``perforation`` zone's holes let the light through (PERFORATION_NOT_PUNCHED:
    printed dots; PERFORATION_MISSING: none) and spell the MRZ field it names
    (PERFORATION_MISMATCH; PERFORATION_UNREADABLE, a warning, when OCR cannot read it)."""
    pairs = zone_checks(ctx, Expect.PERFORATION, (_T,))
    if not pairs:
        return [skipped(PERFORATION, "NO_ZONE", message("NO_ZONE.perforation"))]
    src = crop_source(ctx)
    return [_perforation_zone(ctx, src, zone, c) for zone, c in pairs]


def _perforation_zone(ctx: ExamContext, src: CropSource, zone: Zone, c: ZoneCheck
                      ) -> CheckResult:
    fm = measure_feature(zone, c, src)
    label = zone_term(zone.label or zone.id)
    if fm.code:
        return not_measured(PERFORATION, zone, _T, fm)
    ev = feature_evidence(ctx, zone, (_T, Light.WHITE), fm)
    if not fm.measures:
        missing = hold(zone, _T, {"hole_contrast": 0.0}, ("hole_contrast",))
        return scored(PERFORATION, zone, _T, missing, code="PERFORATION_MISSING",
                      text=message("PERFORATION_MISSING", zone=label), fm=fm, evidence=ev)
    js = hold(zone, _T, fm.measures, ("hole_contrast",))
    if failing(js):
        return scored(PERFORATION, zone, _T, js, code="PERFORATION_NOT_PUNCHED",
                      text=message("PERFORATION_NOT_PUNCHED", zone=label), fm=fm, evidence=ev)
    field = c.target or "document_number"
    printed = ""
    if ctx.mrz is not None and ctx.mrz.found:
        printed = str(ctx.mrz.fields.get(field) or "").replace("<", "")
    transmitted = fm.maps.get("transmitted")
    dpi = float(fm.facts.get("dpi", src.work_dpi))
    text, conf = ("", 0.0)
    if isinstance(transmitted, np.ndarray):
        text, conf = read_holes(transmitted, px_per_mm=dpi / 25.4)
    fm.facts.update({"read": text, "read_confidence": round(conf, 3), "mrz": printed,
                     "field": field})
    if not printed:
        return scored(PERFORATION, zone, _T, js, code="PERFORATION_PRESENT",
                      text=message("PERFORATION_PRESENT", zone=label, read=text,
                                   field=field_term(field)), fm=fm, evidence=ev)
    if same_number(text, printed):
        return scored(PERFORATION, zone, _T, js, code="PERFORATION_MATCH",
                      text=message("PERFORATION_MATCH", zone=label, printed=printed),
                      fm=fm, evidence=ev)
    if conf >= T.PERFORATION_MIN_CONFIDENCE and len(_norm(text)) >= len(_norm(printed)) - 1:
        return scored(PERFORATION, zone, _T, js, code="PERFORATION_MISMATCH", ok=False,
                      text=message("PERFORATION_MISMATCH", zone=label, read=text,
                                   field=field_term(field), printed=printed),
                      fm=fm, evidence=ev)
    return scored(PERFORATION, zone, _T, js, code="PERFORATION_UNREADABLE",
                  status=CheckStatus.WARN,
                  text=message("PERFORATION_UNREADABLE", zone=label, read=text,
                               confidence=conf, printed=printed), fm=fm, evidence=ev)
