"""The report's content, section by section (reportlab flowables): the conclusion,
the document's identity, the examiner's findings, the automated checks with their
evidence, the captures beside the specimen, the examiner's chosen views, the
integrity table and the signature boxes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workstation.findings import Annotation, Conclusion, Findings
from workstation.i18n import QT_TRANSLATE_NOOP, Term, Words
from workstation.labels import image_label, light_label, light_title
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
    ("document_code", QT_TRANSLATE_NOOP("reports", "Document code")),
    ("issuing_state", QT_TRANSLATE_NOOP("reports", "Issuing state")),
    ("document_number", QT_TRANSLATE_NOOP("reports", "Document number")),
    ("surname", QT_TRANSLATE_NOOP("reports", "Surname")),
    ("given_names", QT_TRANSLATE_NOOP("reports", "Given names")),
    ("nationality", QT_TRANSLATE_NOOP("reports", "Nationality")),
    ("birth_date", QT_TRANSLATE_NOOP("reports", "Date of birth")),
    ("sex", QT_TRANSLATE_NOOP("reports", "Sex")),
    ("expiry_date", QT_TRANSLATE_NOOP("reports", "Date of expiry")),
    ("optional_data", QT_TRANSLATE_NOOP("reports", "Optional data")),
)
#: The examiner's conclusions as the report names them (``Conclusion.label``).
CONCLUSIONS = (
    QT_TRANSLATE_NOOP("reports", "No anomaly found"),
    QT_TRANSLATE_NOOP("reports", "Counterfeit"),
    QT_TRANSLATE_NOOP("reports", "Forged"),
    QT_TRANSLATE_NOOP("reports", "Inconclusive"),
)
#: The statuses of a check and the automated verdicts, printed in capitals.
STATUSES = (
    QT_TRANSLATE_NOOP("reports", "PASS"),
    QT_TRANSLATE_NOOP("reports", "FAIL"),
    QT_TRANSLATE_NOOP("reports", "WARN"),
    QT_TRANSLATE_NOOP("reports", "SKIPPED"),
    QT_TRANSLATE_NOOP("reports", "INCONCLUSIVE"),
)


def conclusion_banner(data: ReportData, styles: dict[str, Any], width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    w = data.words
    findings = data.context.findings
    verdict = w.translate("reports", data.examination.verdict.value.upper())
    if findings is not None and findings.conclusion is not None:
        title = w.translate("reports", findings.conclusion.label)
        if findings.conclusion is Conclusion.FORGED and findings.forgery_kind:
            title += f" ({findings.forgery_kind.replace('_', ' ')})"
        text = w.translate("reports", "Examiner's conclusion: {conclusion}").format(
            conclusion=esc(title.upper()))
        colour = {Conclusion.NO_ANOMALY: "#2e7d32", Conclusion.INCONCLUSIVE: "#6d6d6d"}.get(
            findings.conclusion, "#c62828")
    else:
        text = w.translate("reports", "Examiner's conclusion: NONE RECORDED (automated "
                                      "examination only)")
        colour = "#6d6d6d"
    checks = data.examination.checks

    def count(status: CheckStatus) -> int:
        return sum(c.status is status for c in checks)

    sub = w.translate("reports", "Automated verdict: {verdict} · {failed} failed, {warned} "
                                 "warning, {passed} passed, {skipped} skipped").format(
        verdict=verdict, failed=count(CheckStatus.FAIL), warned=count(CheckStatus.WARN),
        passed=count(CheckStatus.PASS), skipped=count(CheckStatus.SKIPPED))
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

    w = data.words
    mrz = data.examination.mrz
    out: list[Any] = [Paragraph(w.translate("reports", "Document identity"), styles["h2"])]
    if mrz is None or not mrz.found:
        out.append(Paragraph(w.translate("reports", "No machine-readable zone was read."),
                             styles["base"]))
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
            out += [Paragraph(w.translate("reports", "MRZ ({format}), as read (OCR-B):").format(
                format=esc(mrz.format or w.translate("reports", "unknown format"))),
                styles["small"]), box, Spacer(1, 4)]
        fields = mrz.fields
        printed = _printed_names(data)
        rows = [(w.translate("reports", label), _field_cell(w, fields.get(key, ""),
                                                            printed.get(key)))
                for key, label in MRZ_FIELDS if key in fields]
        bad = [w.render(Term(k.replace("_", " "), "fields"))
               for k, ok in mrz.check_digits.items() if ok is False]
        rows.append((w.translate("reports", "Check digits"),
                     w.translate("reports", "all valid") if mrz.valid else
                     (w.translate("reports", "INVALID: {fields}").format(
                         fields=esc(", ".join(bad))) if bad
                      else w.translate("reports", "not all valid"))))
        out.append(kv_table(rows, styles, [label_width(w), width - label_width(w)]))
    spec = data.context.specimen
    spec_text = (w.translate("reports", "{id} — {title} (series {series})").format(
        id=esc(spec.id), title=esc(w.render(Term(spec.title, "specimens"))),
        series=esc(spec.series)) if spec
                 else esc(data.examination.specimen_id or w.translate("reports", "none matched")))
    out.append(kv_table([(w.translate("reports", "Specimen compared"), spec_text)], styles,
                         [label_width(w), width - label_width(w)]))
    return out


def _annotations_for(findings: Findings | None, ref: str) -> list[Annotation]:
    if findings is None:
        return []
    return [a for a in findings.annotations if a.image == ref]


def captures_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    w = data.words
    out: list[Any] = [Paragraph(w.translate("reports", "Captures: questioned document beside "
                                                        "specimen"), styles["h2"])]
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
            right_cap = w.translate("reports", "Specimen {id}, {light}").format(
                id=esc(spec.id if spec else ""), light=light_title(light, w))
        else:
            right = Paragraph(w.translate("reports", "No specimen image under this light."),
                              styles["small"])
            right_cap = ""
        left_cap = (w.translate("reports", "<b>Questioned</b> (registered onto the specimen), "
                                           "{light}") if data.registered
                    else w.translate("reports", "<b>Questioned</b>, {light}"))
        table = Table([[Paragraph(left_cap.format(light=light_title(light, w)),
                                  styles["caption"]),
                        Paragraph(right_cap, styles["caption"])], [left, right]],
                      colWidths=[col + gap / 2, col + gap / 2], hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        out.append(with_heading(out, [table, Spacer(1, 6)]))
    out.append(Paragraph(w.translate(
        "reports", "Images reproduced at {dpi} dpi print resolution (JPEG); the SHA-256 values "
                   "in the integrity section are those of the original images.").format(
        dpi=PRINT_DPI), styles["tiny"]))
    return out


def chosen_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    """The examiner's chosen images: whole pages and views one per row (at most twice
    their physical size), check evidence and other small crops three to a row."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    if not data.chosen:
        return []
    w = data.words
    out: list[Any] = [Paragraph(w.translate("reports", "Examiner's chosen views"), styles["h2"])]
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

    for ref, english_title, img in data.chosen:
        title = _chosen_title(data, ref, english_title)
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

    w = data.words
    out: list[Any] = [Paragraph(w.translate("reports", "Automated checks"), styles["h2"])]
    checks = data.examination.checks
    if not checks:
        return [*out, Paragraph(w.translate("reports", "No automated check ran."),
                                styles["base"])]
    order = {CheckStatus.FAIL: 0, CheckStatus.WARN: 1, CheckStatus.PASS: 2,
             CheckStatus.SKIPPED: 3}
    rows: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", styles["small"]) for h in
                              (w.translate("reports", "Status"), w.translate("reports", "Code"),
                               w.translate("reports", "Check · zone · light"),
                               w.translate("reports", "Message"),
                               w.translate("reports", "Score"))]]
    style_cmds: list[tuple[Any, ...]] = []
    for i, c in enumerate(sorted(checks, key=lambda c: order[c.status]), start=1):
        where = " · ".join(s for s in (c.id, c.zone or "", c.light.value if c.light else "")
                           if s)
        score = "—" if c.score is None else w.number(c.score, 3)
        if c.threshold is not None:
            score += "<br/><font size=6>{}</font>".format(
                w.translate("reports", "thr {threshold}").format(
                    threshold=w.number(c.threshold, 3)))
        title = w.render(Term(c.title, "check titles")) if c.title else ""
        rows.append([
            Paragraph(f"<b>{w.translate('reports', c.status.value.upper())}</b>",
                      styles["small"]),
            Paragraph(esc(c.code), styles["mono"]),
            # the English report names checks by id; another language adds the title
            Paragraph(esc(where) if w.language == "en" or not title else
                      f"{esc(title)}<br/><font size=6.3>{esc(where)}</font>", styles["mono"]),
            Paragraph(esc(check_text(w, c)), styles["small"]),
            Paragraph(score, styles["small"]),
        ])
        style_cmds.append(("TEXTCOLOR", (0, i), (0, i), colors.HexColor(
            STATUS_COLOURS[c.status])))
        if c.status is CheckStatus.FAIL:
            style_cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fdecea")))
        elif c.status is CheckStatus.WARN:
            style_cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fff4e5")))
    # Mongolian and Russian status words and headings run longer than English
    fixed = [44, 112, 110, 42] if w.language == "en" else [60, 100, 104, 58]
    widths = [*fixed[:3], width - sum(fixed), fixed[3]]
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
    out += _code_legend(data, styles, width)
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
    w = data.words
    out.append(Paragraph(w.translate("reports", "Evidence of failed and warning checks"),
                         styles["h2"]))
    per_row = 4
    cell = (width - 6 * (per_row - 1)) / per_row
    for c in with_evidence:
        items = [[annotated_image(ev.image, cell, [], None, max_height_pt=120),
                  Paragraph(esc(ev.label) + (f" ({light_label(ev.light, w)})" if ev.light
                                             else ""),
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
            Paragraph(f"<b>{esc(c.code)}</b> — {esc(check_text(w, c))}", styles["small"]),
            table, Spacer(1, 5)]))
    return out


def findings_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import Paragraph

    w = data.words
    out: list[Any] = [Paragraph(w.translate("reports", "Examiner's findings"), styles["h2"])]
    f = data.context.findings
    if f is None:
        return [*out, Paragraph(w.translate("reports", "The examiner recorded no findings; this "
                                            "report shows the automated examination only."),
                                styles["base"])]
    rows: list[tuple[str, Any]] = [
        (w.translate("reports", "Conclusion"),
         esc(w.translate("reports", f.conclusion.label)) if f.conclusion else
         w.translate("reports", "not decided")),
    ]
    if f.forgery_kind:
        rows.append((w.translate("reports", "Kind of forgery"),
                     esc(f.forgery_kind.replace("_", " "))))
    rows.append((w.translate("reports", "Examiner"), esc(f.examiner or data.examiner)))
    if f.updated_at:
        rows.append((w.translate("reports", "Recorded"), esc(w.datetime(f.updated_at))))
    text = esc(f.text).replace("\n", "<br/>") if f.text else "—"
    rows.append((w.translate("reports", "Observations"), text))
    if f.annotations:
        dpi = data.examination.capture.dpi
        items = "<br/>".join(
            f"{esc(a.kind.value)} · {esc(image_label(a.image, tr=w).lower())}: "
            f"{esc(a.label(dpi) or '—')}"
            for a in f.annotations)
        rows.append((w.translate("reports", "Measurements and marks"), items))
    out.append(kv_table(rows, styles, [label_width(w), width - label_width(w)]))
    return out


def integrity_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    w = data.words
    out: list[Any] = [Paragraph(w.translate("reports", "Integrity"), styles["h2"]), Paragraph(
        w.translate("reports", "The examination data is attached to this PDF as <b>{name}</b> "
                    "(see the attachments panel of a PDF reader). SHA-256 marked <i>file</i> is "
                    "over the image file as captured (recompute with <i>sha256sum</i>); "
                    "<i>pixels</i> is over the raw 8-bit pixels, row by row (height × width × "
                    "channels).").format(name=ATTACHMENT_NAME), styles["small"])]
    anchored = checkpoint_line(data.context.audit_checkpoint)
    if anchored:
        out.append(Paragraph(anchored, styles["small"]))
    rows: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", styles["tiny"]) for h in
                              (w.translate("reports", "Item"), w.translate("reports", "Size"),
                               w.translate("reports", "Of"), "SHA-256")]]
    hash_of = {"file": w.translate("reports", "file"), "pixels": w.translate("reports", "pixels")}
    rows.append([Paragraph(w.translate("reports", "Examination data ({name})").format(
                     name=ATTACHMENT_NAME), styles["tiny"]),
                 Paragraph(f"{len(data.payload)} B", styles["tiny"]),
                 Paragraph(hash_of["file"], styles["tiny"]),
                 Paragraph(data.payload_sha256, styles["hash"])])
    for r in data.images:
        size = "×".join(str(s) for s in r.shape)
        title = _chosen_title(data, r.ref, r.title) + (f" ({r.file})" if r.file else "")
        rows.append([Paragraph(esc(title), styles["tiny"]), Paragraph(size, styles["tiny"]),
                     Paragraph(hash_of.get(r.hash_of, r.hash_of), styles["tiny"]),
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

    w = data.words
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
            for i, label in enumerate((w.translate("reports", "Examiner's signature"),
                                       w.translate("reports", "Supervisor's review "
                                                              "(countersignature)"))):
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
        Paragraph(w.translate("reports", "Signatures"), styles["h2"]),
        Paragraph(w.translate("reports", "This report is signed electronically (PAdES). Any PDF "
                              "reader that checks signatures, poppler's <i>pdfsig</i>, or "
                              "<i>workstation report verify</i> shows whether it is unchanged "
                              "since signing and who signed it. A printed copy carries no "
                              "signature."), styles["small"]),
        SignatureBoxes(),
    ])]


def check_text(w: Words, check: CheckResult) -> str:
    """A check's message in the report's language: its template rendered when the
    result carries one, else the English message as recorded."""
    return w.render(check.text) if check.text is not None else check.message


#: The MRZ fields printed beside their MRZ form as the document prints them.
NAME_FIELDS = ("surname", "given_names")


def label_width(w: Words) -> float:
    """The label column of a two-column table (pt): 38 mm, 46 mm for the languages
    whose labels run longer."""
    return (38 if w.language == "en" else 46) * 2.8346


def _printed_names(data: ReportData) -> dict[str, str]:
    """The holder's names as the visual zone prints them and the reader read them
    (Cyrillic where the document prints Cyrillic), by MRZ field name."""
    viz = data.examination.viz
    if viz is None:
        return {}
    return {name: f.text for name, f in viz.fields.items()
            if name in NAME_FIELDS and f.text.strip()}


def _field_cell(w: Words, mrz_value: str, printed: str | None) -> str:
    """The MRZ form of a field, and beside it the field as printed when it reads
    otherwise (a name in the document's own script, ``Батбаяр`` beside ``BATBAYAR``)."""
    cell = esc(mrz_value) or "—"
    if printed and printed.strip().upper() != mrz_value.strip().upper():
        cell += " · " + w.translate("reports", "printed: {text}").format(text=esc(printed))
    return cell


def _chosen_title(data: ReportData, ref: str, english: str) -> str:
    """The title of an image of the report in its language (the English title as
    recorded when the reference is not one :func:`image_label` names)."""
    if data.words.language == "en":
        return english
    checks = data.examination.checks
    if ref.startswith("evidence:"):
        # "Evidence — <check title>: <label> [CODE]": the words before the label
        base = "evidence:" + ref[len("evidence:"):].split("[", 1)[0].split("#", 1)[0]
        prefix = image_label(base, checks)
        if english.startswith(prefix):
            return image_label(base, checks, tr=data.words) + english[len(prefix):]
        return english
    if "#" in ref:
        return english
    named = image_label(ref, checks, tr=data.words)
    return named if named != ref else english


def _code_legend(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    """What each result code of the table means, in the report's language (codes of
    failed and warning checks first)."""
    from reportlab.platypus import Paragraph, Spacer

    from workstation.examination.messages import explanation

    w = data.words
    order = {CheckStatus.FAIL: 0, CheckStatus.WARN: 1, CheckStatus.PASS: 2,
             CheckStatus.SKIPPED: 3}
    seen: dict[str, str] = {}
    for c in sorted(data.examination.checks, key=lambda c: order[c.status]):
        meaning = explanation(c.code)
        if meaning is not None and c.code not in seen:
            seen[c.code] = w.translate("codes", meaning)
    if not seen:
        return []
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    rows = [[Paragraph(esc(code), styles["mono"]), Paragraph(esc(text), styles["small"])]
            for code, text in seen.items()]
    table = Table(rows, colWidths=[130, width - 130], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 7),  # a table without one draws in Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#e0e0e0")),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [Spacer(1, 4), Paragraph(w.translate("reports", "What the result codes mean"),
                                    styles["label"]), table]
