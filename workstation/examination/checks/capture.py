"""Checks on the capture itself: the page found and matched to a specimen, the
lights present, the page shown whole enough to examine, the page's size at the
capture's dpi."""

from __future__ import annotations

from typing import Any

from workstation.examination import thresholds as T
from workstation.examination.messages import SPECIMENS, lights_join, message, zone_term
from workstation.examination.registry import ExamContext, check, result, skipped
from workstation.i18n import QT_TRANSLATE_NOOP, Join, Term
from workstation.types import CORE_LIGHTS, LIGHT_ORDER, CheckResult, CheckStatus, Light

#: Lights the generic checks use when no specimen says otherwise.
GENERIC_LIGHTS = (Light.WHITE, Light.UV, Light.IR)


@check("specimen.match", title=QT_TRANSLATE_NOOP("check titles", "document matched to a specimen"),
       lights=(Light.WHITE,), needs_specimen=False)
def specimen_match(ctx: ExamContext) -> list[CheckResult]:
    """The document was identified and registered onto its specimen."""
    if ctx.specimen is None:
        code, reason = ctx.skip_reason or ("NO_SPECIMEN", message("NO_SPECIMEN.none"))
        if code == "REGISTRATION_FAILED" and ctx.page and Light.WHITE in ctx.page:
            # Say plainly why, and show the page as it was found and straightened.
            return [result("specimen.match", CheckStatus.SKIPPED, code, reason,
                           light=Light.WHITE,
                           evidence=ctx.page_evidence(Light.WHITE, None,
                                                      "the page as found (white)"))]
        return [skipped("specimen.match", code, reason)]
    quality = ctx.registration.quality if ctx.registration is not None else None
    by_layout = ctx.identification is not None and ctx.identification.by_layout
    if by_layout and ctx.mrz is not None:
        f, spec = ctx.mrz.fields, ctx.specimen
        params: dict[str, Any] = dict(
            specimen=spec.id, state=spec.issuing_state, code=spec.document_code,
            format=spec.mrz_format, mrz_state=f.get("issuing_state", "?"),
            mrz_code=f.get("document_code", "?"), mrz_format=ctx.mrz.format)
        text = (message("MRZ_SPECIMEN_MISMATCH.expiry", expiry=f["expiry_date"], **params)
                if f.get("expiry_date") else message("MRZ_SPECIMEN_MISMATCH", **params))
        return [result("specimen.match", CheckStatus.WARN, "MRZ_SPECIMEN_MISMATCH", text,
                       light=Light.WHITE, score=quality,
                       threshold=T.IDENTIFY_MIN_QUALITY)]
    return [result("specimen.match", CheckStatus.PASS, "SPECIMEN_MATCHED",
                   message("SPECIMEN_MATCHED", specimen=ctx.specimen.id,
                           title=Term(ctx.specimen.title, SPECIMENS)),
                   light=Light.WHITE, score=quality, threshold=T.REGISTRATION_MIN_QUALITY)]


@check("capture.lights", title=QT_TRANSLATE_NOOP("check titles", "lights needed are present"),
       lights=(Light.WHITE,), needs_specimen=False)
def lights_present(ctx: ExamContext) -> list[CheckResult]:
    """Every light the specimen's zones (or the generic checks) need was captured; a
    missing core light (white, UV, IR) is a ``warn`` so the verdict cannot be ``pass``;
    an optional one (UV 254, oblique, coaxial, transmitted) is named, and only the checks
    that need it are skipped (``LIGHT_MISSING``, naming the light)."""
    if ctx.specimen is not None:
        needed = {c.light for z in ctx.specimen.zones for c in z.checks}
    else:
        needed = set(GENERIC_LIGHTS)
    order = {light: i for i, light in enumerate(LIGHT_ORDER)}
    missing = sorted((light for light in needed if light not in ctx.lights),
                     key=lambda light: order[light])
    core = [light for light in missing if light in CORE_LIGHTS]
    optional = [light for light in missing if light not in CORE_LIGHTS]
    if core:
        text = (message("LIGHT_MISSING.optional", lights=lights_join(core),
                        optional=lights_join(optional))
                if optional else message("LIGHT_MISSING", lights=lights_join(core)))
        return [result("capture.lights", CheckStatus.WARN, "LIGHT_MISSING", text,
                       missing=[light.value for light in missing])]
    if optional:
        return [result("capture.lights", CheckStatus.PASS, "LIGHTS_PRESENT",
                       message("LIGHTS_PRESENT.optional", optional=lights_join(optional)),
                       optional_missing=[light.value for light in optional])]
    return [result("capture.lights", CheckStatus.PASS, "LIGHTS_PRESENT",
                   message("LIGHTS_PRESENT"))]


@check("capture.page_shown",
       title=QT_TRANSLATE_NOOP("check titles", "the zones to check are in the image"),
       lights=(Light.WHITE,))
def page_shown(ctx: ExamContext) -> list[CheckResult]:
    """Every zone the specimen checks is in the image, at least the part a check judges
    (:meth:`~workstation.examination.registry.ExamContext.seen_part`). A page laid partly
    beyond the image leaves the zones there unexamined (each check ``skipped``,
    ``ZONE_OUTSIDE``), and what is not seen cannot pass: the zones are named in a
    ``warn`` (``PAGE_CUT``), so the verdict is ``inconclusive`` until the page is captured
    whole."""
    assert ctx.specimen is not None
    cut = [z for z in ctx.specimen.zones if z.checks and ctx.seen_part(z) is None]
    if cut:
        return [result("capture.page_shown", CheckStatus.WARN, "PAGE_CUT", message(
            "PAGE_CUT", zones=Join(tuple(zone_term(z.label or z.id) for z in cut), ", ")),
            light=Light.WHITE, zones_cut=[z.id for z in cut])]
    return [result("capture.page_shown", CheckStatus.PASS, "PAGE_SHOWN",
                   message("PAGE_SHOWN"), light=Light.WHITE)]


@check("capture.size", title=QT_TRANSLATE_NOOP("check titles", "page size at the capture's dpi"),
       lights=(Light.WHITE,), needs_specimen=True)
def page_size(ctx: ExamContext) -> list[CheckResult]:
    """The page measures the specimen's size at the capture's stated dpi."""
    assert ctx.specimen is not None
    dpi = ctx.capture.dpi
    page = ctx.page_result
    if dpi is None or page is None or not page.found:
        return [skipped("capture.size", "DPI_UNKNOWN", message("DPI_UNKNOWN"))]
    w_px, h_px = page.size_px
    w_mm, h_mm = w_px / dpi * 25.4, h_px / dpi * 25.4
    sw, sh = ctx.specimen.size_mm
    dev = max(abs(w_mm / sw - 1.0), abs(h_mm / sh - 1.0))
    size: dict[str, Any] = dict(width=w_mm, height=h_mm, spec_width=sw, spec_height=sh)
    if dev > T.SIZE_TOLERANCE:
        return [result("capture.size", CheckStatus.WARN, "DPI_MISMATCH",
                       message("DPI_MISMATCH", dpi=dpi, **size), score=dev,
                       threshold=T.SIZE_TOLERANCE, light=Light.WHITE)]
    return [result("capture.size", CheckStatus.PASS, "SIZE_MATCH", message("SIZE_MATCH", **size),
                   score=dev, threshold=T.SIZE_TOLERANCE, light=Light.WHITE)]
