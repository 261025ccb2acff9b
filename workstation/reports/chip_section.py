"""The report's chip section: how the chip was read, what Passive, Chip and Active
Authentication proved, the chip's data against the page, and the chip's photo beside
the printed portrait. Built from the examination's ``chip.*`` check results."""

from __future__ import annotations

from typing import Any

from workstation.types import CheckResult, CheckStatus


def _by_id(checks: list[CheckResult]) -> dict[str, CheckResult]:
    return {c.id: c for c in checks if c.id.startswith("chip.")}


def chip_section(data: Any, styles: dict[str, Any], width: float) -> list[Any]:
    """Flowables of the chip section (empty when no chip check ran)."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from workstation.reports.drawing import annotated_image as _annotated_image
    from workstation.reports.drawing import esc as _esc
    from workstation.reports.drawing import kv_table as _kv_table
    from workstation.reports.drawing import with_heading as _with_heading
    from workstation.reports.fonts import FONT
    from workstation.reports.sections import check_text

    w = data.words
    checks = _by_id(data.examination.checks)
    if not checks:
        return []
    out: list[Any] = [Paragraph(w.translate("reports", "Chip (eMRTD)"), styles["h2"])]
    if all(c.code == "CHIP_ABSENT" for c in checks.values()):
        return [*out, Paragraph(w.translate("reports", "The document's chip was not read."),
                                styles["base"])]

    def line(c: CheckResult | None) -> str:
        if c is None:
            return "—"
        status = w.translate("reports", c.status.value.upper())
        return f"<b>{status}</b> {_esc(c.code)}: {_esc(check_text(w, c))}"

    pa = checks.get("chip.passive_authentication")
    d = pa.details if pa is not None else {}
    groups = d.get("data_groups") or {}
    state = {True: w.translate("reports", "ok"), None: w.translate("reports", "unsigned"),
             False: w.translate("reports", "ALTERED")}
    group_text = ", ".join(f"{k} {state[v if v is None else bool(v)]}"
                           for k, v in groups.items()) or "—"
    rows: list[tuple[str, Any]] = [
        (w.translate("reports", "Read"),
         _esc(", ".join(s for s in (d.get("reader"), d.get("access")) if s)
              or w.translate("reports", "files exported by a reader"))),
        (w.translate("reports", "Passive Authentication"), line(pa)),
        (w.translate("reports", "Document signer"), _esc(d.get("signer") or "—")),
        (w.translate("reports", "Country signing CA"),
         _esc(d.get("csca") or w.translate("reports", "none trusted")) + (
             f" ({_esc(d.get('csca_source'))})" if d.get("csca_source") else "")),
        (w.translate("reports", "Data groups"), _esc(group_text)),
        (w.translate("reports", "Chip Authentication"),
         line(checks.get("chip.chip_authentication"))),
        (w.translate("reports", "Active Authentication"),
         line(checks.get("chip.active_authentication"))),
        (w.translate("reports", "Chip data vs MRZ"), line(checks.get("chip.mrz"))),
        (w.translate("reports", "Chip photo vs portrait"), line(checks.get("chip.face"))),
    ]
    label_w = (40 if w.language == "en" else 46) * 2.8346
    out.append(_kv_table(rows, styles, [label_w, width - label_w]))
    face = checks.get("chip.face")
    pictures = [ev for ev in (face.evidence if face is not None else [])
                if ev.label.startswith(("chip face", "printed portrait"))]
    if len(pictures) == 2:
        cell = 50 * 2.8346
        table = Table([[_annotated_image(ev.image, cell, [], None, max_height_pt=170)
                        for ev in pictures],
                       [Paragraph(_esc(ev.label), styles["tiny"]) for ev in pictures]],
                      colWidths=[cell + 8] * 2, hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7),  # PDF/A: no Helvetica
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        status = face.status if face is not None else CheckStatus.SKIPPED
        out.append(_with_heading(out, [
            Paragraph(w.translate("reports", "The chip's photograph beside the printed portrait "
                                             "(they differ: for the examiner to judge)")
                      if status is CheckStatus.WARN else
                      w.translate("reports", "The chip's photograph beside the printed portrait"),
                      styles["small"]),
            table, Spacer(1, 6)]))
    return out
