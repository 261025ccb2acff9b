"""Data checks on the MRZ: check digits, issuing state, and the MRZ against the
printed fields of the visual inspection zone (read by OCR)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from workstation.examination import thresholds as T
from workstation.examination.messages import FIELDS, field_term, message
from workstation.examination.registry import ExamContext, check, result, skipped
from workstation.examination.results import VizField, VizReading
from workstation.i18n import QT_TRANSLATE_NOOP, Join, Term
from workstation.types import CheckResult, CheckStatus, Evidence, Image, Light, Zone

if TYPE_CHECKING:
    from workstation.mrz.result import MrzResult
    from workstation.mrz.viz import Comparison

_CHECK_NAMES = {
    "document_number": "document number", "birth_date": "date of birth",
    "expiry_date": "date of expiry", "optional_data": "optional data",
    "composite": "composite",
}


def mrz_evidence(ctx: ExamContext) -> list[Evidence]:
    """The MRZ region of the straightened page, under white light and IR."""
    if ctx.mrz_region_page is None or not ctx.page:
        return []
    pts = np.asarray(ctx.mrz_region_page, dtype=np.float64)
    h, w = next(iter(ctx.page.values())).shape[:2]
    pad = 8
    c0, c1 = int(max(0, pts[:, 0].min() - pad)), int(min(w, pts[:, 0].max() + pad))
    r0, r1 = int(max(0, pts[:, 1].min() - pad)), int(min(h, pts[:, 1].max() + pad))
    if r1 <= r0 or c1 <= c0:
        return []
    out: list[Evidence] = []
    for light in (Light.WHITE, Light.IR):
        out.extend(ctx.page_evidence(light, (r0, r1, c0, c1), f"MRZ ({light.value})"))
    return out


#: An MRZ whose region comes this close to the image's border (mm), or crosses it, may
#: have lost characters to the edge (a page partly outside the image).
MRZ_EDGE_MARGIN_MM = 0.5


def mrz_cut(ctx: ExamContext) -> bool:
    """Whether the MRZ read on the page reaches the capture image's border: its region
    (``ctx.mrz_region_page``, page px) taken back into the capture (the inverse of the
    page's homography) comes within :data:`MRZ_EDGE_MARGIN_MM` of an image edge or
    crosses it. Its characters there are cut, and what is read of them is not what
    is printed."""
    page, region = ctx.page_result, ctx.mrz_region_page
    if page is None or region is None or page.homography is None:
        return False
    pts = np.asarray(region, dtype=np.float64).reshape(-1, 2)
    ones = np.ones((pts.shape[0], 1))
    back = np.hstack([pts, ones]) @ np.linalg.inv(np.asarray(page.homography)).T
    xy = back[:, :2] / back[:, 2:3]
    h, w = ctx.capture.size
    dpi = ctx.capture.dpi or ctx.page_dpi or page.dpi or T.WORK_DPI
    m = MRZ_EDGE_MARGIN_MM * dpi / 25.4
    return bool((xy[:, 0] < m).any() or (xy[:, 0] > w - 1 - m).any()
                or (xy[:, 1] < m).any() or (xy[:, 1] > h - 1 - m).any())


def _mrz_or_skip(ctx: ExamContext, check_id: str
                 ) -> tuple[MrzResult | None, CheckResult | None]:
    """The MRZ read on the page, or the skipped result saying why there is none."""
    mrz = ctx.mrz
    if not ctx.page:
        return None, skipped(check_id, "NO_DOCUMENT", message("NO_DOCUMENT"))
    if mrz is None or not mrz.found:
        return None, skipped(check_id, "MRZ_NOT_FOUND", message("MRZ_NOT_FOUND"))
    if mrz.format is None:
        return None, skipped(check_id, "MRZ_NOT_FOUND",
                             message("MRZ_NOT_FOUND.layout", n=len(mrz.lines)))
    return mrz, None


@check("mrz.checksum", title=QT_TRANSLATE_NOOP("check titles", "MRZ check digits"),
       lights=(Light.WHITE,), needs_specimen=False)
def check_digits(ctx: ExamContext) -> list[CheckResult]:
    """Every check digit of the MRZ verifies (INVALID_CHECKSUM otherwise)."""
    mrz, skip = _mrz_or_skip(ctx, "mrz.checksum")
    if skip is not None:
        spec = ctx.specimen
        if skip.code == "MRZ_NOT_FOUND" and spec is not None and spec.mrz_format is not None:
            mrz_zones = spec.zones_with_role("mrz")
            if ctx.registered and any(not ctx.visible(z) for z in mrz_zones):
                # The image does not show the whole of the specimen's MRZ: nothing to
                # read is no finding; the page is to be captured whole.
                return [result("mrz.checksum", CheckStatus.WARN, "MRZ_CUT",
                               message("MRZ_CUT.unread", specimen=spec.id),
                               zone=_mrz_zone_id(ctx), light=Light.WHITE,
                               evidence=[e for z in mrz_zones
                                         for e in ctx.evidence(z, (Light.WHITE,))])]
            # The specimen has an MRZ: not reading one is a finding to look at.
            return [result("mrz.checksum", CheckStatus.WARN, "MRZ_UNREADABLE",
                           message("MRZ_UNREADABLE", reason=skip.text or skip.message,
                                   specimen=spec.id, format=spec.mrz_format),
                           zone=_mrz_zone_id(ctx), light=Light.WHITE,
                           evidence=[e for z in spec.zones_with_role("mrz")
                                     for e in ctx.evidence(z, (Light.WHITE, Light.IR))])]
        return [skip]
    assert mrz is not None
    digits, undone = printed_check_digits(mrz, viz_readings(ctx).fields)
    zone = _mrz_zone_id(ctx)
    total = max(1, len(digits))
    ok = sum(1 for v in digits.values() if v)
    score = ok / total
    ev = mrz_evidence(ctx)
    if mrz.valid and not undone:
        return [result("mrz.checksum", CheckStatus.PASS, "CHECKSUM_VALID",
                       message("CHECKSUM_VALID", n=total, format=mrz.format),
                       zone=zone, light=Light.WHITE, score=score, threshold=1.0, evidence=ev,
                       check_digits=digits)]
    bad = [Term(_CHECK_NAMES.get(k, k), FIELDS) for k, v in digits.items() if not v]
    if mrz.valid and not bad:
        # The clearly read characters verify after all: the repairs were misreads.
        return [result("mrz.checksum", CheckStatus.PASS, "CHECKSUM_VALID",
                       message("CHECKSUM_VALID", n=total, format=mrz.format), zone=zone,
                       light=Light.WHITE, score=1.0, threshold=1.0, evidence=ev,
                       check_digits=digits)]
    what = Join(tuple(bad), ", ") if bad else message("INVALID_CHECKSUM:charset")
    if mrz_cut(ctx):
        # Not a finding: the image does not show the whole MRZ (nothing is repaired).
        return [result("mrz.checksum", CheckStatus.WARN, "MRZ_CUT",
                       message("MRZ_CUT", what=what), zone=zone, light=Light.WHITE,
                       score=score, threshold=1.0, evidence=ev, check_digits=digits,
                       lines=list(mrz.lines))]
    if undone:
        text = message("INVALID_CHECKSUM.undone", what=what, undone=Join(tuple(
            message("INVALID_CHECKSUM:repair", line=c["line"] + 1, position=c["position"] + 1,
                    read=c["from"], to=c["to"]) for c in undone), ", "))
    else:
        text = message("INVALID_CHECKSUM", what=what)
    return [result("mrz.checksum", CheckStatus.FAIL, "INVALID_CHECKSUM",
                   text, zone=zone, light=Light.WHITE,
                   score=score, threshold=1.0, evidence=ev, check_digits=digits,
                   lines=list(mrz.lines), undone_repairs=undone or None)]


def printed_check_digits(mrz: MrzResult, viz: Mapping[str, VizField] | None = None
                         ) -> tuple[dict[str, bool], list[dict[str, Any]]]:
    """The check digits of the MRZ as printed. The reader may change a character
    so that a check digit verifies; such a repair is undone (the character taken
    as printed) when the reader read it with confidence >=
    ``MRZ_REPAIR_MAX_CONFIDENCE`` (a repair there would hide an altered
    character), or when the repaired field then disagrees with the same field
    printed in the visual zone (``viz``: field name -> what OCR read there).
    Returns ``(check_digits, undone repairs)``."""
    lines = [list(line) for line in mrz.lines]
    undone: list[dict[str, Any]] = []
    viz = viz or {}
    for c in getattr(mrz, "corrections", []) or []:
        if "confirmed" not in str(c.get("reason", "")):
            continue
        ln, pos = int(c["line"]), int(c["position"])
        if not (0 <= ln < len(lines) and 0 <= pos < len(lines[ln])):
            continue
        try:
            conf = float(mrz.confidences[ln][pos])
        except (IndexError, TypeError, ValueError):
            conf = 1.0
        field = str(c.get("field", ""))
        reading = viz.get(field)
        contradicted = False
        if reading is not None and reading.confidence >= T.VIZ_MIN_CONFIDENCE \
                and field in mrz.fields:
            contradicted = _comparison(field, reading.text,
                                       mrz.fields[field]).status == "disagree"
        if conf >= T.MRZ_REPAIR_MAX_CONFIDENCE or contradicted:
            lines[ln][pos] = str(c["from"])
            undone.append({**c, "confidence": round(conf, 3),
                           "contradicted_by_visual_zone": contradicted})
    if not undone:
        return dict(mrz.check_digits), []
    from workstation.mrz import parse_mrz

    again = parse_mrz(["".join(line) for line in lines], repair=False)
    return dict(again.check_digits), undone


def _mrz_zone_id(ctx: ExamContext) -> str | None:
    if ctx.specimen is not None:
        zones = ctx.specimen.zones_with_role("mrz")
        if zones:
            return zones[0].id
    return "mrz"


@check("mrz.issuing_state", title=QT_TRANSLATE_NOOP("check titles", "issuing state known"),
       lights=(Light.WHITE,), needs_specimen=False)
def issuing_state(ctx: ExamContext) -> list[CheckResult]:
    """The issuing state is an ICAO code or one of the library's states."""
    mrz, skip = _mrz_or_skip(ctx, "mrz.issuing_state")
    if skip is not None or mrz is None:
        return [skip] if skip is not None else []
    from workstation.mrz.countries import is_known_code

    state = mrz.fields.get("issuing_state", "")
    if is_known_code(state, ctx.known_states):
        return [result("mrz.issuing_state", CheckStatus.PASS, "STATE_KNOWN",
                       message("STATE_KNOWN", state=state), zone=_mrz_zone_id(ctx),
                       light=Light.WHITE)]
    return [result("mrz.issuing_state", CheckStatus.WARN, "UNKNOWN_ISSUING_STATE",
                   message("UNKNOWN_ISSUING_STATE", state=state), zone=_mrz_zone_id(ctx),
                   light=Light.WHITE)]


# -- MRZ against the visual zone -----------------------------------------------------------
# The comparisons themselves are pure functions of workstation.mrz.viz
# (transliteration, printed dates, states as names and adjectives).


def parse_printed_date(text: str) -> tuple[int, int, int] | None:
    """``(day, month, year)`` of a printed date in any form, or ``None``."""
    from workstation.mrz.viz import read_printed_date

    readings = read_printed_date(text)
    return (readings[0].day, readings[0].month, readings[0].year) if readings else None


def _comparison(name: str, printed: str, value: str, *, truncated: bool = False
                ) -> Comparison:
    from workstation.mrz.viz import compare_field

    return compare_field(name, printed, value, truncated=truncated,
                         max_name_distance=T.VIZ_MAX_DISTANCE)


def reread(crop: Image) -> list[tuple[str, float]]:
    """Second opinions on a field crop: at the recogniser's native line height
    (48 px), and the line drawn out 1.6 times at the working height (a recogniser
    merges repeated narrow characters, 0000 -> 000). ``[(text, confidence)]``."""
    import cv2

    from workstation.examination.ocr import TEXT_HEIGHT_PX, read_fields

    wide = np.ascontiguousarray(cv2.resize(crop, None, fx=1.6, fy=1.0,
                                           interpolation=cv2.INTER_CUBIC), np.uint8)
    return [read_fields([again], height_px=height)[0]
            for again, height in ((crop, 48), (wide, TEXT_HEIGHT_PX))]


def judge_printed_value(name: str, text: str, conf: float, crop: Image | None, value: str,
                        *, truncated: bool = False,
                        rereads: dict[str, list[tuple[str, float]]] | None = None,
                        reread_disagreement: bool = True
                        ) -> tuple[str, float, Comparison]:
    """How one printed field read as ``text`` (OCR confidence ``conf``) from ``crop``
    is judged against ``value`` — the same field in machine-readable form (the
    MRZ's, or a barcode's: MRZ characters, ISO dates, ``M``/``F``/``X``):
    ``(text, confidence, Comparison)``. Unreadable below
    :data:`thresholds.VIZ_MIN_CONFIDENCE`; a disagreement is read again
    (:func:`reread`; a misread rarely repeats, a printed difference does) unless
    ``reread_disagreement`` is false. ``rereads`` keeps the second readings per
    field name, so that each field is read again at most once per examination.
    ``mrz.viz``, ``barcode.data`` and the benches all judge with this function."""
    from workstation.mrz.viz import Comparison as Comp

    if conf < T.VIZ_MIN_CONFIDENCE or not text:
        return text, conf, Comp("unreadable", 1.0, f"OCR confidence {conf:.2f}")
    comp = _comparison(name, text, value, truncated=truncated)
    if comp.status == "disagree" and crop is not None and reread_disagreement:
        again = rereads.get(name) if rereads is not None else None
        if again is None:
            again = reread(crop)
            if rereads is not None:
                rereads[name] = again
        for text2, conf2 in again:
            comp2 = _comparison(name, text2, value, truncated=truncated)
            if conf2 >= T.VIZ_MIN_CONFIDENCE and comp2.agrees:
                return text2, conf2, comp2
    return text, conf, comp


def judge_printed_field(name: str, text: str, conf: float, crop: Image | None,
                        mrz: MrzResult,
                        rereads: dict[str, list[tuple[str, float]]] | None = None
                        ) -> tuple[str, float, Comparison]:
    """:func:`judge_printed_value` against the MRZ's value of the field (whose name
    may be truncated when the MRZ warns so)."""
    truncated = "name_possibly_truncated" in mrz.warning_names()
    return judge_printed_value(name, text, conf, crop, mrz.fields.get(name, ""),
                               truncated=truncated, rereads=rereads)


def field_crop(ctx: ExamContext, zone: Zone, light: Light) -> Image | None:
    """``zone`` cut from the page at up to 300 dpi (sharper than the work density)."""
    return ctx.hires_crop(zone.rect_mm, light, dpi=300.0)


def prefetch_viz(ctx: ExamContext) -> None:
    """Start reading the printed fields (:func:`viz_readings`) in a worker thread now
    (the examination calls it once the specimen is known)."""
    ctx.prefetch("viz", lambda: _read_viz(ctx))


def viz_readings(ctx: ExamContext) -> VizReading:
    """The specimen's ``field:<name>`` zones read by OCR, once per examination (kept
    in ``ctx.viz``; an empty reading without a specimen or a white-light page). The
    date of issue (not in the MRZ) is parsed for the date checks."""
    ctx.settle("viz")
    return _read_viz(ctx)


def _read_viz(ctx: ExamContext) -> VizReading:
    if ctx.viz is not None:
        return ctx.viz
    if ctx.specimen is None or Light.WHITE not in ctx.page:
        ctx.viz = VizReading()
        return ctx.viz
    from workstation.examination.ocr import read_fields, trim_to_text

    zones = [z for z in ctx.specimen.zones if z.role and z.role.startswith("field:")]
    crops = []
    for z in zones:
        crop = field_crop(ctx, z, Light.WHITE)
        crops.append(trim_to_text(crop) if crop is not None else np.zeros((8, 8), np.uint8))
    fields: dict[str, VizField] = {}
    for z, crop, (text, conf) in zip(zones, crops, read_fields(crops), strict=True):
        name = (z.role or "")[6:]
        if name not in fields:
            fields[name] = VizField(name=name, zone_id=z.id, text=text, confidence=conf,
                                    crop=crop)
    issue_date = None
    issue = fields.get("issue_date")
    if issue is not None and issue.confidence >= T.VIZ_MIN_CONFIDENCE:
        parsed = parse_printed_date(issue.text)
        if parsed is not None:
            issue_date = (parsed, issue.text, issue.zone_id)
    ctx.viz = VizReading(fields=fields, issue_date=issue_date)
    return ctx.viz


@check("mrz.viz", title=QT_TRANSLATE_NOOP("check titles", "MRZ against the printed fields"),
       lights=(Light.WHITE,),
       roles=("field:*",))
def mrz_vs_viz(ctx: ExamContext) -> list[CheckResult]:
    """Each ``field:<name>`` zone, read by OCR, agrees with the MRZ (MRZ_VIZ_MISMATCH)."""
    mrz, skip = _mrz_or_skip(ctx, "mrz.viz")
    if skip is not None or mrz is None:
        return [skip] if skip is not None else []
    assert ctx.specimen is not None
    readings = {k: v for k, v in viz_readings(ctx).fields.items() if k in mrz.fields}
    if not readings:
        return [skipped("mrz.viz", "NO_FIELDS", message("NO_FIELDS"))]
    out: list[CheckResult] = []
    for name, reading in readings.items():
        z, text, conf = ctx.specimen.zone(reading.zone_id), reading.text, reading.confidence
        mrz_value = mrz.fields.get(name, "")
        ev = ctx.evidence(z, (Light.WHITE,))
        label = field_term(name)
        text, conf, comp = judge_printed_field(name, text, conf, reading.crop, mrz,
                                               viz_readings(ctx).rereads)
        if comp.status == "unreadable":
            # Not read, or read but not as a value of this field (no date, no
            # state): the examiner looks at the crop; never a mismatch.
            out.append(result("mrz.viz", CheckStatus.SKIPPED, "OCR_UNREADABLE",
                              message("OCR_UNREADABLE", field=label, reason=comp.reason),
                              zone=z.id, light=Light.WHITE, score=conf,
                              threshold=T.VIZ_MIN_CONFIDENCE, evidence=ev, printed=text))
            continue
        agree, dist, why = comp.agrees, comp.distance, comp.reason
        if agree:
            out.append(result("mrz.viz", CheckStatus.PASS, "MRZ_VIZ_MATCH",
                              message("MRZ_VIZ_MATCH", field=label), zone=z.id,
                              light=Light.WHITE, score=dist, threshold=T.VIZ_MAX_DISTANCE,
                              evidence=ev, printed=text, mrz=mrz_value,
                              printed_as=comp.printed_as, ocr_confidence=round(conf, 3)))
        else:
            out.append(result("mrz.viz", CheckStatus.FAIL, "MRZ_VIZ_MISMATCH",
                              message("MRZ_VIZ_MISMATCH", field=label, why=why),
                              zone=z.id, light=Light.WHITE, score=dist,
                              threshold=T.VIZ_MAX_DISTANCE, evidence=ev, printed=text,
                              mrz=mrz_value, printed_as=comp.printed_as,
                              ocr_confidence=round(conf, 3)))
    return out
