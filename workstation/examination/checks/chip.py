"""The chip checks (Passive, Chip and Active Authentication; DG1 and DG2 against the
page), run when the capture carries the document's chip files. Thin: the chip
package decides; this module hands it the page's MRZ and portrait."""

from __future__ import annotations

import datetime as dt

from workstation.examination.registry import ExamContext, check
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CheckResult, Image, Light


def _portrait(ctx: ExamContext) -> tuple[Image | None, str]:
    if ctx.specimen is not None:
        zones = ctx.specimen.zones_with_role("portrait")
        if zones:
            crop = ctx.hires_crop(zones[0].rect_mm, Light.WHITE, dpi=300.0)
            if crop is not None and crop.ndim == 3:
                return crop, f"portrait zone of {ctx.specimen.id}"
    page = ctx.page.get(Light.WHITE) if ctx.page else None
    if page is None or page.ndim != 3:
        return None, ""
    from workstation.imaging.faces import portrait_from_page

    return portrait_from_page(page), "face found on the page"


@check("chip", title=QT_TRANSLATE_NOOP("check titles",
                                       "the chip: authentication and agreement with the page"),
       lights=(Light.WHITE,), needs_specimen=False)
def chip(ctx: ExamContext) -> list[CheckResult]:
    """Every chip check (``workstation.chip.verify``), skipped when no chip was read."""
    from workstation.chip.skipped import absent

    if not ctx.capture.chip_files:
        return absent()
    from workstation.chip.files import collect
    from workstation.chip.verify import chip_checks, verify_chip

    files, record = collect(ctx.capture.chip_files)
    if not files:
        return absent(empty=True)
    printed = ctx.mrz.to_json("page") if ctx.mrz is not None and ctx.mrz.found else None
    state = printed["fields"].get("issuing_state") if printed else None
    when = dt.datetime.combine(ctx.today, dt.time(12), tzinfo=dt.UTC)
    v = verify_chip(files, record=record, issuing_state=state, when=when)
    if state is None and v.dg1_lines:
        from workstation.mrz import parse_mrz

        state = parse_mrz(v.dg1_lines).fields.get("issuing_state")
        v = verify_chip(files, record=record, issuing_state=state, when=when)
    portrait, source = _portrait(ctx)
    return chip_checks(v, printed_mrz=printed, portrait=portrait, portrait_source=source)
