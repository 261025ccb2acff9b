"""Checks on the capture itself: the page found and matched to a specimen, the
lights present, the page's size at the capture's dpi."""

from __future__ import annotations

from workstation.examination import thresholds as T
from workstation.examination.registry import ExamContext, check, result, skipped
from workstation.types import CORE_LIGHTS, LIGHT_ORDER, CheckResult, CheckStatus, Light

#: Lights the generic checks use when no specimen says otherwise.
GENERIC_LIGHTS = (Light.WHITE, Light.UV, Light.IR)


@check("specimen.match", title="document matched to a specimen", lights=(Light.WHITE,),
       needs_specimen=False)
def specimen_match(ctx: ExamContext) -> list[CheckResult]:
    """The document was identified and registered onto its specimen."""
    if ctx.specimen is None:
        code, message = ctx.skip_reason or ("NO_SPECIMEN", "no specimen matched")
        return [skipped("specimen.match", code, message)]
    quality = ctx.registration.quality if ctx.registration is not None else None
    by_layout = ctx.identification is not None and ctx.identification.by_layout
    if by_layout and ctx.mrz is not None:
        f, spec = ctx.mrz.fields, ctx.specimen
        return [result("specimen.match", CheckStatus.WARN, "MRZ_SPECIMEN_MISMATCH",
                       f"the page matches specimen {spec.id} ({spec.issuing_state}, "
                       f"{spec.document_code}, {spec.mrz_format}) but its MRZ names state "
                       f"{f.get('issuing_state', '?')}, code {f.get('document_code', '?')}, "
                       f"format {ctx.mrz.format}" + (
                           f", expiring {f['expiry_date']}" if f.get("expiry_date") else ""),
                       light=Light.WHITE, score=quality,
                       threshold=T.IDENTIFY_MIN_QUALITY)]
    return [result("specimen.match", CheckStatus.PASS, "SPECIMEN_MATCHED",
                   f"compared with specimen {ctx.specimen.id} ({ctx.specimen.title})",
                   light=Light.WHITE, score=quality, threshold=T.REGISTRATION_MIN_QUALITY)]


@check("capture.lights", title="lights needed are present", lights=(Light.WHITE,),
       needs_specimen=False)
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
    note = ""
    if optional:
        note = (f"; not captured (optional, their checks skipped): "
                f"{', '.join(light.value for light in optional)}")
    if core:
        names = ", ".join(light.value for light in core)
        return [result("capture.lights", CheckStatus.WARN, "LIGHT_MISSING",
                       f"the capture has no {names} image: the checks under that light "
                       f"cannot run" + note, missing=[light.value for light in missing])]
    if optional:
        return [result("capture.lights", CheckStatus.PASS, "LIGHTS_PRESENT",
                       "white, UV and IR were captured" + note,
                       optional_missing=[light.value for light in optional])]
    return [result("capture.lights", CheckStatus.PASS, "LIGHTS_PRESENT",
                   "every light the checks need was captured")]


@check("capture.size", title="page size at the capture's dpi", lights=(Light.WHITE,),
       needs_specimen=True)
def page_size(ctx: ExamContext) -> list[CheckResult]:
    """The page measures the specimen's size at the capture's stated dpi."""
    assert ctx.specimen is not None
    dpi = ctx.capture.dpi
    page = ctx.page_result
    if dpi is None or page is None or not page.found:
        return [skipped("capture.size", "DPI_UNKNOWN",
                        "the capture states no dpi: the page's size was taken from the "
                        "specimen")]
    w_px, h_px = page.size_px
    w_mm, h_mm = w_px / dpi * 25.4, h_px / dpi * 25.4
    sw, sh = ctx.specimen.size_mm
    dev = max(abs(w_mm / sw - 1.0), abs(h_mm / sh - 1.0))
    if dev > T.SIZE_TOLERANCE:
        return [result("capture.size", CheckStatus.WARN, "DPI_MISMATCH",
                       f"the page measures {w_mm:.1f} x {h_mm:.1f} mm at the stated {dpi:g} "
                       f"dpi but the specimen is {sw:g} x {sh:g} mm: the capture's dpi is "
                       f"wrong or the document is not of this type", score=dev,
                       threshold=T.SIZE_TOLERANCE, light=Light.WHITE)]
    return [result("capture.size", CheckStatus.PASS, "SIZE_MATCH",
                   f"the page measures {w_mm:.1f} x {h_mm:.1f} mm (specimen {sw:g} x {sh:g} mm)",
                   score=dev, threshold=T.SIZE_TOLERANCE, light=Light.WHITE)]
