"""The report's content, section by section (reportlab flowables): the conclusion,
the document's identity, the examiner's findings, the automated checks with their
evidence, the captures beside the specimen, the examiner's chosen views, the
integrity table and the signature boxes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workstation.findings import Annotation, Conclusion, Findings
from workstation.labels import image_label, light_title
from workstation.reports.anchor import checkpoint_line
from workstation.reports.data import ATTACHMENT_NAME, ReportData
from workstation.reports.drawing import (
    PRINT_DPI,
    STATUS_COLOURS,
    PageLayout,
    annotated_image,
    esc,
    kv_table,
    with_heading,
)
from workstation.reports.fonts import FONT, FONT_MRZ
from workstation.types import LIGHT_ORDER, CheckResult, CheckStatus

MRZ_FIELDS = (
    ("document_code", "Document code"), ("issuing_state", "Issuing state"),
    ("document_number", "Document number"), ("surname", "Surname"),
    ("given_names", "Given names"), ("nationality", "Nationality"),
    ("birth_date", "Date of birth"), ("sex", "Sex"), ("expiry_date", "Date of expiry"),
    ("optional_data", "Optional data"),
)


def conclusion_banner(data: ReportData, styles: dict[str, Any], width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    findings = data.context.findings
    verdict = data.examination.verdict.value.upper()
    if findings is not None and findings.conclusion is not None:
        title = findings.conclusion.label
        if findings.conclusion is Conclusion.FORGED and findings.forgery_kind:
            title += f" ({findings.forgery_kind.replace('_', ' ')})"
        text = f"Examiner's conclusion: {esc(title.upper())}"
        colour = {Conclusion.NO_ANOMALY: "#2e7d32", Conclusion.INCONCLUSIVE: "#6d6d6d"}.get(
            findings.conclusion, "#c62828")
    else:
        text = "Examiner's conclusion: NONE RECORDED (automated examination only)"
        colour = "#6d6d6d"
    sub = (f"Automated verdict: {verdict} · "
           f"{sum(c.status is CheckStatus.FAIL for c in data.examination.checks)} failed, "
           f"{sum(c.status is CheckStatus.WARN for c in data.examination.checks)} warning, "
           f"{sum(c.status is CheckStatus.PASS for c in data.examination.checks)} passed, "
           f"{sum(c.status is CheckStatus.SKIPPED for c in data.examination.checks)} skipped")
    table = Table([[Paragraph(text, styles["banner"])],
                   [Paragraph(esc(sub), styles["small"])]], colWidths=[width])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(colour)),
        ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#eeeeee")),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(colour)),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def mrz_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    mrz = data.examination.mrz
    out: list[Any] = [Paragraph("Document identity", styles["h2"])]
    if mrz is None or not mrz.found:
        out.append(Paragraph("No machine-readable zone was read.", styles["base"]))
    else:
        if mrz.lines:
            box = Table([[Paragraph(esc(line).replace(" ", "&nbsp;"), styles["mrz"])]
                         for line in mrz.lines], colWidths=[width], hAlign="LEFT")
            box.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, -1), FONT_MRZ, 10),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f6f6")),
                ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]))
            out += [Paragraph(f"MRZ ({esc(mrz.format or 'unknown format')}), "
                              "as read (OCR-B):", styles["small"]), box, Spacer(1, 4)]
        fields = mrz.fields
        rows = [(label, esc(fields.get(key, "")) or "—") for key, label in MRZ_FIELDS
                if key in fields]
        bad = [k.replace("_", " ") for k, ok in mrz.check_digits.items() if ok is False]
        rows.append(("Check digits", "all valid" if mrz.valid else
                     ("INVALID: " + esc(", ".join(bad)) if bad else "not all valid")))
        out.append(kv_table(rows, styles, [38 * 2.8346, width - 38 * 2.8346]))
    spec = data.context.specimen
    spec_text = (f"{esc(spec.id)} — {esc(spec.title)} (series {esc(spec.series)})" if spec
                 else esc(data.examination.specimen_id or "none matched"))
    out.append(kv_table([("Specimen compared", spec_text)], styles,
                         [38 * 2.8346, width - 38 * 2.8346]))
    return out


def _annotations_for(findings: Findings | None, ref: str) -> list[Annotation]:
    if findings is None:
        return []
    return [a for a in findings.annotations if a.image == ref]


def captures_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    out: list[Any] = [Paragraph("Captures: questioned document beside specimen", styles["h2"])]
    gap = 8.0
    col = (width - gap) / 2
    spec = data.context.specimen
    findings = data.context.findings
    dpi = data.examination.capture.dpi
    for light in LIGHT_ORDER:
        if light not in data.questioned:
            continue
        q = data.questioned[light]
        anns = [] if data.registered else _annotations_for(findings, f"capture:{light.value}")
        left = annotated_image(q, col, anns, dpi, max_height_pt=200)
        s_img = data.specimen_images.get(light)
        if s_img is not None:
            right: Any = annotated_image(
                s_img, col, _annotations_for(findings, f"specimen:{light.value}"),
                data.specimen_dpi, max_height_pt=200)
            right_cap = f"Specimen {esc(spec.id if spec else '')}, {light_title(light)}"
        else:
            right = Paragraph("No specimen image under this light.", styles["small"])
            right_cap = ""
        reg = " (registered onto the specimen)" if data.registered else ""
        table = Table([[Paragraph(f"<b>Questioned</b>{reg}, {light_title(light)}",
                                  styles["caption"]),
                        Paragraph(right_cap, styles["caption"])], [left, right]],
                      colWidths=[col + gap / 2, col + gap / 2], hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        out.append(with_heading(out, [table, Spacer(1, 6)]))
    out.append(Paragraph(
        f"Images reproduced at {PRINT_DPI} dpi print resolution (JPEG); the SHA-256 values "
        "in the integrity section are those of the original images.", styles["tiny"]))
    return out


def chosen_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    """The examiner's chosen images: whole pages and views one per row (at most twice
    their physical size), check evidence and other small crops three to a row."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    if not data.chosen:
        return []
    out: list[Any] = [Paragraph("Examiner's chosen views", styles["h2"])]
    findings = data.context.findings
    dpi = data.examination.capture.dpi
    per_row = 3
    cell = (width - 8 * (per_row - 1)) / per_row
    small: list[list[Any]] = []

    def flush() -> None:
        if not small:
            return
        rows = [[c[0] for c in small] + [""] * (per_row - len(small)),
                [c[1] for c in small] + [""] * (per_row - len(small))]
        table = Table(rows, colWidths=[cell + 8] * per_row, hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 1), (-1, 1), 6)]))
        out.append(with_heading(out, [table]))
        small.clear()

    for ref, title, img in data.chosen:
        base_ref = ref.split("#")[0]
        anns = _annotations_for(findings, base_ref) if base_ref.startswith(
            ("capture:", "specimen:")) else []
        img_dpi = data.specimen_dpi if ref.startswith("specimen:") else dpi
        # at most twice the physical size (150 dpi on paper when the density is unknown)
        natural = img.shape[1] / (img_dpi or 300) * 72 * 2
        if ref.startswith("evidence:") or (natural <= cell and not anns):
            small.append([annotated_image(img, cell, [], dpi, max_height_pt=150),
                          Paragraph(esc(title), styles["tiny"])])
            if len(small) == per_row:
                flush()
            continue
        flush()
        flow = annotated_image(img, min(width * 0.75, max(natural, 110.0)), anns,
                                img_dpi, max_height_pt=330)
        out.append(with_heading(out, [Paragraph(esc(title), styles["caption"]), flow,
                                       Spacer(1, 8)]))
    flush()
    return out


def checks_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    out: list[Any] = [Paragraph("Automated checks", styles["h2"])]
    checks = data.examination.checks
    if not checks:
        return [*out, Paragraph("No automated check ran.", styles["base"])]
    order = {CheckStatus.FAIL: 0, CheckStatus.WARN: 1, CheckStatus.PASS: 2,
             CheckStatus.SKIPPED: 3}
    rows: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", styles["small"]) for h in
                              ("Status", "Code", "Check · zone · light", "Message", "Score")]]
    style_cmds: list[tuple[Any, ...]] = []
    for i, c in enumerate(sorted(checks, key=lambda c: order[c.status]), start=1):
        where = " · ".join(s for s in (c.id, c.zone or "", c.light.value if c.light else "")
                           if s)
        score = "—" if c.score is None else f"{c.score:.3f}"
        if c.threshold is not None:
            score += f"<br/><font size=6>thr {c.threshold:.3f}</font>"
        rows.append([
            Paragraph(f"<b>{c.status.value.upper()}</b>", styles["small"]),
            Paragraph(esc(c.code), styles["mono"]),
            Paragraph(esc(where), styles["mono"]),
            Paragraph(esc(c.message), styles["small"]),
            Paragraph(score, styles["small"]),
        ])
        style_cmds.append(("TEXTCOLOR", (0, i), (0, i), colors.HexColor(
            STATUS_COLOURS[c.status])))
        if c.status is CheckStatus.FAIL:
            style_cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fdecea")))
        elif c.status is CheckStatus.WARN:
            style_cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fff4e5")))
    widths = [44, 112, 110, width - 44 - 112 - 110 - 42, 42]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe7f1")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8c8c8")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *style_cmds,
    ]))
    out.append(table)
    out += _evidence_flowables(data, styles, width,
                               [c for c in checks if c.status in (CheckStatus.FAIL,
                                                                   CheckStatus.WARN)])
    return out


def _evidence_flowables(data: ReportData, styles: dict[str, Any], width: float,
                        checks: Sequence[CheckResult]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    out: list[Any] = []
    with_evidence = [c for c in checks if c.evidence]
    if not with_evidence:
        return out
    out.append(Paragraph("Evidence of failed and warning checks", styles["h2"]))
    per_row = 4
    cell = (width - 6 * (per_row - 1)) / per_row
    for c in with_evidence:
        items = [[annotated_image(ev.image, cell, [], None, max_height_pt=120),
                  Paragraph(esc(ev.label) + (f" ({ev.light.value})" if ev.light else ""),
                            styles["tiny"])] for ev in c.evidence[:8]]
        rows: list[list[Any]] = []
        for k in range(0, len(items), per_row):
            chunk = items[k:k + per_row]
            rows.append([i[0] for i in chunk] + [""] * (per_row - len(chunk)))
            rows.append([i[1] for i in chunk] + [""] * (per_row - len(chunk)))
        table = Table(rows, colWidths=[cell + 6] * per_row, hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        out.append(with_heading(out, [
            Paragraph(f"<b>{esc(c.code)}</b> — {esc(c.message)}", styles["small"]),
            table, Spacer(1, 5)]))
    return out


def findings_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import Paragraph

    out: list[Any] = [Paragraph("Examiner's findings", styles["h2"])]
    f = data.context.findings
    if f is None:
        return [*out, Paragraph("The examiner recorded no findings; this report shows the "
                                "automated examination only.", styles["base"])]
    rows: list[tuple[str, Any]] = [
        ("Conclusion", esc(f.conclusion.label) if f.conclusion else
         "not decided"),
    ]
    if f.forgery_kind:
        rows.append(("Kind of forgery", esc(f.forgery_kind.replace("_", " "))))
    rows.append(("Examiner", esc(f.examiner or data.examiner)))
    if f.updated_at:
        rows.append(("Recorded", esc(f.updated_at.isoformat(timespec="minutes"))))
    text = esc(f.text).replace("\n", "<br/>") if f.text else "—"
    rows.append(("Observations", text))
    if f.annotations:
        dpi = data.examination.capture.dpi
        items = "<br/>".join(
            f"{esc(a.kind.value)} on {esc(image_label(a.image).lower())}: "
            f"{esc(a.label(dpi) or '—')}"
            for a in f.annotations)
        rows.append(("Measurements and marks", items))
    out.append(kv_table(rows, styles, [38 * 2.8346, width - 38 * 2.8346]))
    return out


def integrity_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    out: list[Any] = [Paragraph("Integrity", styles["h2"]), Paragraph(
        f"The examination data is attached to this PDF as <b>{ATTACHMENT_NAME}</b> (see the "
        "attachments panel of a PDF reader). SHA-256 marked <i>file</i> is over the image "
        "file as captured (recompute with <i>sha256sum</i>); <i>pixels</i> is over the raw "
        "8-bit pixels, row by row (height × width × channels).", styles["small"])]
    anchored = checkpoint_line(data.context.audit_checkpoint)
    if anchored:
        out.append(Paragraph(anchored, styles["small"]))
    rows: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", styles["tiny"]) for h in
                              ("Item", "Size", "Of", "SHA-256")]]
    rows.append([Paragraph(f"Examination data ({ATTACHMENT_NAME})", styles["tiny"]),
                 Paragraph(f"{len(data.payload)} B", styles["tiny"]),
                 Paragraph("file", styles["tiny"]),
                 Paragraph(data.payload_sha256, styles["hash"])])
    for r in data.images:
        size = "×".join(str(s) for s in r.shape)
        title = r.title + (f" ({r.file})" if r.file else "")
        rows.append([Paragraph(esc(title), styles["tiny"]), Paragraph(size, styles["tiny"]),
                     Paragraph(r.hash_of, styles["tiny"]),
                     Paragraph(r.sha256, styles["hash"])])
    widths = [150, 50, 36, width - 150 - 50 - 36]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 6.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe7f1")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8c8c8")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]))
    out.append(table)
    return out


def signature_panel(data: ReportData, styles: dict[str, Any], width: float,
                     layout: PageLayout) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Flowable, KeepTogether, Paragraph

    from workstation.reports.fields import EXAMINER_FIELD, SUPERVISOR_FIELD

    box_h = 78.0
    gap = 12.0
    box_w = (width - gap) / 2

    class SignatureBoxes(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return width, box_h + 12

        def drawOn(self, canvas: Any, x: float, y: float,
                   _sW: float = 0) -> None:
            page = canvas.getPageNumber()
            for i, name in enumerate((EXAMINER_FIELD, SUPERVISOR_FIELD)):
                bx = x + i * (box_w + gap)
                layout.boxes[name] = (page, (bx, y, bx + box_w, y + box_h))
            super().drawOn(canvas, x, y, _sW)

        def draw(self) -> None:
            c = self.canv
            for i, label in enumerate(("Examiner's signature",
                                       "Supervisor's review (countersignature)")):
                bx = i * (box_w + gap)
                c.setStrokeColor(colors.HexColor("#9aa9bb"))
                c.setDash(2, 2)
                c.setLineWidth(0.6)
                c.rect(bx, 0, box_w, box_h)
                c.setDash()
                c.setFont(FONT, 7)
                c.setFillColor(colors.HexColor("#333333"))
                c.drawString(bx, box_h + 3, label)

    return [KeepTogether([
        Paragraph("Signatures", styles["h2"]),
        Paragraph("This report is signed electronically (PAdES). Any PDF reader that checks "
                  "signatures, poppler's <i>pdfsig</i>, or <i>workstation report verify</i> "
                  "shows whether it is unchanged since signing and who signed it. A printed "
                  "copy carries no signature.", styles["small"]),
        SignatureBoxes(),
    ])]
