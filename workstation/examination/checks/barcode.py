"""Barcode checks: a barcode where the specimen has one, its data against the page, and
the signature of a digital seal. The work is done by :mod:`workstation.barcodes`; these
functions turn its typed results into check results.

* ``barcode.present`` — per specimen zone expecting a barcode (``expect: barcode``, on
  the face the zone names): decoded there (BARCODE_PRESENT), print there that does not
  decode (BARCODE_UNREADABLE, warn), nothing printed (BARCODE_MISSING, fail), the back
  not captured (BACK_NOT_CAPTURED, warn), a symbol of the wrong kind (BARCODE_WRONG_KIND).
* ``barcode.data`` — per barcode carrying the holder's data (AAMVA card data, a seal's
  MRZ): each field against the MRZ and the printed fields (BARCODE_DATA_MATCH /
  BARCODE_DATA_MISMATCH).
* ``barcode.seal`` — per digital seal: its verification (SEAL_VALID, fail for a bad
  signature, chain, revocation or validity, warn for an unknown or untrusted signer).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from workstation.barcodes.compare import FieldComparison, compare_with_mrz, identity_of
from workstation.barcodes.document import DocumentBarcodes, FaceBarcodes, expected_zones
from workstation.barcodes.read import BarcodeReading
from workstation.barcodes.seal import SealStatus
from workstation.examination.messages import field_term, message, zone_term
from workstation.examination.registry import ExamContext, check, result
from workstation.i18n import QT_TRANSLATE_NOOP, Join
from workstation.imaging.document import DocumentQuad
from workstation.types import CheckResult, CheckStatus, Evidence, Expect, Light, Zone

#: Seal verification status -> (result code, check status).
SEAL_CODES: dict[SealStatus, tuple[str, CheckStatus]] = {
    SealStatus.VALID: ("SEAL_VALID", CheckStatus.PASS),
    SealStatus.INVALID: ("SEAL_SIGNATURE_INVALID", CheckStatus.FAIL),
    SealStatus.CHAIN_INVALID: ("SEAL_CHAIN_INVALID", CheckStatus.FAIL),
    SealStatus.REVOKED: ("SEAL_SIGNER_REVOKED", CheckStatus.FAIL),
    SealStatus.OUTSIDE_VALIDITY: ("SEAL_SIGNED_OUTSIDE_VALIDITY", CheckStatus.FAIL),
    SealStatus.MALFORMED: ("SEAL_MALFORMED", CheckStatus.FAIL),
    SealStatus.UNKNOWN_SIGNER: ("SEAL_SIGNER_UNKNOWN", CheckStatus.WARN),
    SealStatus.UNTRUSTED: ("SEAL_SIGNER_UNTRUSTED", CheckStatus.WARN),
    SealStatus.UNVERIFIABLE: ("SEAL_UNVERIFIABLE", CheckStatus.WARN),
}


def prefetch_barcodes(ctx: ExamContext) -> None:
    """Start reading the barcodes (:func:`document_barcodes`) in a worker thread now
    (the examination calls it once the specimen is known)."""
    ctx.prefetch("barcodes", lambda: _read_barcodes(ctx))


def document_barcodes(ctx: ExamContext) -> DocumentBarcodes:
    """Every face's barcodes, read once per examination (kept in ``ctx.barcodes``)."""
    ctx.settle("barcodes")
    return _read_barcodes(ctx)


def _read_barcodes(ctx: ExamContext) -> DocumentBarcodes:
    if ctx.barcodes is not None:
        return ctx.barcodes
    from workstation.barcodes.document import read_document

    spec = ctx.specimen
    zones = [z for zs in expected_zones(spec.zones).values() for z in zs] if spec else []
    page = ctx.page_result
    quad = None
    if page is not None and page.found and page.corners is not None:
        quad = DocumentQuad(corners=np.asarray(page.corners, dtype=np.float64), found=True,
                            cropped=page.whole_image)
    ctx.barcodes = read_document(ctx.capture, size_mm=spec.size_mm if spec else None,
                                 zones=zones, front_quad=quad)
    return ctx.barcodes


def _evidence(face: FaceBarcodes, reading: BarcodeReading | None, label: str,
              zone: Zone | None = None) -> list[Evidence]:
    """The symbol (or the zone) cut from the face's image."""
    img = face.image
    if img is None:
        return []
    crop = None
    if zone is not None and reading is None:
        crop = face.zone_crop(zone)
    elif reading is not None:
        pts = np.asarray(reading.code.corners, dtype=np.float64)
        pad = 0.08 * reading.code.size_px + 6
        h, w = img.shape[:2]
        c0, c1 = int(max(0, pts[:, 0].min() - pad)), int(min(w, pts[:, 0].max() + pad))
        r0, r1 = int(max(0, pts[:, 1].min() - pad)), int(min(h, pts[:, 1].max() + pad))
        if r1 > r0 and c1 > c0:
            crop = img[r0:r1, c0:c1]
    if crop is None or crop.size == 0:
        return []
    scale = min(1.0, 600.0 / max(crop.shape[:2]))
    if scale < 1.0:
        crop = np.asarray(cv2.resize(crop, None, fx=scale, fy=scale,
                                     interpolation=cv2.INTER_AREA), dtype=np.uint8)
    return [Evidence(label=label, image=np.ascontiguousarray(crop, dtype=np.uint8),
                     light=face.light, source="capture")]


def _zone_of(face: FaceBarcodes, reading: BarcodeReading, ctx: ExamContext) -> str | None:
    if ctx.specimen is None:
        return None
    for z in ctx.specimen.zones:
        if z.face == face.face and reading in face.in_zone(z):
            return z.id
    return None


def _kind_fits(zone: Zone, reading: BarcodeReading) -> bool:
    role = zone.role or ""
    if role == "barcode:aamva":
        return reading.kind == "aamva"
    if role == "barcode:seal":
        return reading.kind == "seal"
    return True


@check("barcode.present",
       title=QT_TRANSLATE_NOOP("check titles", "barcode where the specimen has one"),
       lights=(Light.WHITE,), expect=Expect.BARCODE)
def present(ctx: ExamContext) -> list[CheckResult]:
    """Each zone expecting a barcode holds one that decodes."""
    assert ctx.specimen is not None
    by_face = expected_zones(ctx.specimen.zones)
    if not by_face:
        return []
    doc = document_barcodes(ctx)
    out: list[CheckResult] = []
    for face_name, zones in by_face.items():
        face = doc.face(face_name)
        for zone in zones:
            what = zone_term(zone.label or zone.id)
            side = field_term(face_name)
            if face is None:
                out.append(result("barcode.present", CheckStatus.WARN, "BACK_NOT_CAPTURED",
                                  message("BACK_NOT_CAPTURED", zone=what, face=side),
                                  zone=zone.id, light=Light.WHITE, face=face_name))
                continue
            found = face.in_zone(zone)
            if found:
                reading = found[0]
                c = reading.code
                if not _kind_fits(zone, reading):
                    kind = (message("BARCODE_WRONG_KIND:other") if reading.kind == "other"
                            else field_term(reading.kind))
                    out.append(result(
                        "barcode.present", CheckStatus.FAIL, "BARCODE_WRONG_KIND",
                        message("BARCODE_WRONG_KIND", zone=what, format=c.format, kind=kind),
                        zone=zone.id, light=face.light, face=face_name,
                        evidence=_evidence(face, reading, f"{zone.id} ({face_name})")))
                    continue
                out.append(result("barcode.present", CheckStatus.PASS, "BARCODE_PRESENT",
                                  message("BARCODE_PRESENT", n=len(c.raw), zone=what,
                                          format=c.format, face=side),
                                  zone=zone.id, light=face.light,
                                  face=face_name, format=c.format, found_by=c.found_by,
                                  evidence=_evidence(face, reading,
                                                     f"{zone.id} ({face_name})")))
                continue
            has_print = face.zone_has_print(zone)
            ev = _evidence(face, None, f"{zone.id} ({face_name})", zone)
            if has_print is None:
                out.append(result("barcode.present", CheckStatus.WARN, "BARCODE_NOT_LOCATED",
                                  message("BARCODE_NOT_LOCATED", n=len(face.readings), zone=what,
                                          face=side),
                                  zone=zone.id, light=face.light, face=face_name))
            elif has_print:
                out.append(result("barcode.present", CheckStatus.WARN, "BARCODE_UNREADABLE",
                                  message("BARCODE_UNREADABLE", zone=what), zone=zone.id,
                                  light=face.light, face=face_name, evidence=ev))
            else:
                out.append(result("barcode.present", CheckStatus.FAIL, "BARCODE_MISSING",
                                  message("BARCODE_MISSING", zone=what), zone=zone.id,
                                  light=face.light, face=face_name,
                                  evidence=ev))
    return out


def _printed_comparisons(ctx: ExamContext, values: dict[str, str],
                         settled: frozenset[str] = frozenset()) -> list[FieldComparison]:
    """The barcode's fields against the printed fields of the visual zone (OCR), judged
    as ``mrz.viz`` judges them (:func:`~workstation.examination.checks.mrz.
    judge_printed_value`: names through every transliteration, dates in any printed
    form, states as code, name or adjective). A field not read, or not read as a
    value of its kind, is left out. A field that disagrees is read a second time
    (once per examination, shared with ``mrz.viz``), unless it is ``settled`` (the
    barcode already disagrees with the MRZ there)."""
    if ctx.specimen is None or Light.WHITE not in ctx.page:
        return []
    from workstation.examination.checks.mrz import judge_printed_value, viz_readings

    out: list[FieldComparison] = []
    viz = viz_readings(ctx)
    for name, printed in viz.fields.items():
        value = values.get(name)
        if value is None:
            continue
        text, _conf, comp = judge_printed_value(
            name, printed.text, printed.confidence, printed.crop, value,
            rereads=viz.rereads, reread_disagreement=name not in settled)
        if comp.status == "unreadable":
            continue
        out.append(FieldComparison(name, value, text, "printed", comp.agrees,
                                   "" if comp.agrees else comp.reason.replace("MRZ", "barcode")))
    return out


@check("barcode.data", title=QT_TRANSLATE_NOOP("check titles", "barcode data against the page"),
       lights=(Light.WHITE,), needs_specimen=False)
def data(ctx: ExamContext) -> list[CheckResult]:
    """What each barcode says about the holder agrees with the MRZ and the printed fields."""
    doc = document_barcodes(ctx)
    mrz = ctx.mrz if ctx.mrz is not None and getattr(ctx.mrz, "found", False) \
        and getattr(ctx.mrz, "format", None) else None
    out: list[CheckResult] = []
    for face, reading in doc.readings:
        zone = _zone_of(face, reading, ctx)
        ev = _evidence(face, reading, f"{reading.code.format} ({face.face})")
        if reading.aamva_error is not None:
            out.append(result("barcode.data", CheckStatus.WARN, "BARCODE_DATA_MALFORMED",
                              message("BARCODE_DATA_MALFORMED", format=reading.code.format,
                                      face=field_term(face.face), error=reading.aamva_error),
                              zone=zone, light=face.light, evidence=ev, face=face.face))
            continue
        ident = identity_of(reading)
        if ident is None or not (ident.fields() or ident.mrz_lines):
            continue
        comparisons: list[FieldComparison] = []
        if mrz is not None:
            comparisons += compare_with_mrz(ident, mrz.fields, mrz.lines)
        settled = frozenset(c.field for c in comparisons if not c.agree)
        comparisons += _printed_comparisons(ctx, ident.fields(), settled)
        source = field_term("AAMVA data" if ident.source == "aamva" else "digital seal")
        where = message("BARCODE:where", source=source, format=reading.code.format,
                        face=field_term(face.face))
        details: dict[str, Any] = {"source": ident.source, "face": face.face,
                                   "barcode_fields": ident.fields(),
                                   "comparisons": [c.to_json() for c in comparisons]}
        if not comparisons:
            out.append(result("barcode.data", CheckStatus.SKIPPED, "NOTHING_TO_COMPARE",
                              message("NOTHING_TO_COMPARE", where=where), zone=zone,
                              light=face.light, evidence=ev,
                              **details))
            continue
        bad = [c for c in comparisons if not c.agree]
        if bad:
            what = Join(tuple(
                message("BARCODE_DATA_MISMATCH:field_why", field=field_term(c.field),
                        against=field_term(c.against), why=c.why_text or c.why)
                if c.why else message("BARCODE_DATA_MISMATCH:field", field=field_term(c.field),
                                      against=field_term(c.against))
                for c in bad))
            out.append(result("barcode.data", CheckStatus.FAIL, "BARCODE_DATA_MISMATCH",
                              message("BARCODE_DATA_MISMATCH", where=where, what=what),
                              zone=zone,
                              light=face.light, score=len(bad) / len(comparisons),
                              threshold=0.0, evidence=ev, **details))
        else:
            sides = [field_term(a) for a in sorted({c.against for c in comparisons})]
            against: Any = (message("BARCODE:both", first=sides[0], second=sides[1])
                            if len(sides) == 2 else Join(tuple(sides), " and "))
            out.append(result("barcode.data", CheckStatus.PASS, "BARCODE_DATA_MATCH",
                              message("BARCODE_DATA_MATCH", n=len(comparisons), where=where,
                                      against=against), zone=zone, light=face.light,
                              score=0.0, threshold=0.0, evidence=ev, **details))
    return out


@check("barcode.seal", title=QT_TRANSLATE_NOOP("check titles", "digital seal signature"),
       lights=(Light.WHITE,), needs_specimen=False)
def seal(ctx: ExamContext) -> list[CheckResult]:
    """Each digital seal verifies against its signer, who chains to a trust anchor."""
    doc = document_barcodes(ctx)
    out: list[CheckResult] = []
    for face, reading in doc.readings:
        v = reading.verification
        if v is None:
            continue
        code, status = SEAL_CODES[v.status]
        zone = _zone_of(face, reading, ctx)
        header = reading.seal.header.to_json() if reading.seal is not None else None
        out.append(result("barcode.seal", status, code,
                          message("SEAL", face=field_term(face.face), message=v.message),
                          zone=zone, light=face.light,
                          evidence=_evidence(face, reading, f"seal ({face.face})"),
                          face=face.face, verification=v.to_json(), header=header,
                          document_type=reading.seal.document_type if reading.seal else None))
    return out
