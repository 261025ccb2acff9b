"""The report's pages: A4 with the agency header, "Page n of N" footer, the sections in
order, laid out by reportlab's platypus. :func:`render_pdf` returns the PDF and where
the signature boxes landed (for :mod:`.pdfa` to put the empty signature fields there).
"""

from __future__ import annotations

import io
from typing import Any

from workstation import __version__
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.labels import light_title
from workstation.reports import sections
from workstation.reports.chip_section import chip_section
from workstation.reports.data import ReportData
from workstation.reports.drawing import (
    PageLayout,
    draw_emblem,
    esc,
    fmt_time,
    kv_table,
    paragraph_styles,
)
from workstation.reports.fonts import FONT, FONT_BOLD, register_fonts

#: What the header and the table say for a name that is not configured.
NOT_CONFIGURED = QT_TRANSLATE_NOOP("reports", "not configured")


def _canvas_class(data: ReportData, layout: PageLayout) -> type:
    """A canvas that knows the page count when it draws headers and footers ("n of N")."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    config = data.config

    class ReportCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = FONT  # no unembedded Helvetica (PDF/A)
            super().__init__(*args, **kwargs)
            self._states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._states)
            layout.pages = total
            for state in self._states:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            pw, h = self._pagesize
            n = self._pageNumber
            w = data.words
            self.saveState()
            top = h - 12 * mm
            logo = config.logo_path()
            if logo is not None and logo.is_file():
                try:
                    self.drawImage(str(logo), 18 * mm, top - 13 * mm, 13 * mm, 13 * mm,
                                   preserveAspectRatio=True, mask=None)
                except OSError:
                    draw_emblem(self, 18 * mm, top - 13 * mm, 13 * mm)
            else:
                draw_emblem(self, 18 * mm, top - 13 * mm, 13 * mm)
            self.setFillColor(colors.HexColor("#0d2b4e"))
            self.setFont(FONT_BOLD, 11)
            self.drawString(34 * mm, top - 5 * mm,
                            config.agency or w.translate("reports", "Agency not configured"))
            self.setFont(FONT, 8.5)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawString(34 * mm, top - 10 * mm, config.unit)
            self.setFont(FONT_BOLD, 9)
            self.drawRightString(pw - 18 * mm, top - 5 * mm,
                                 w.translate("reports", "Document examination report"))
            self.setFont(FONT, 8)
            self.drawRightString(pw - 18 * mm, top - 10 * mm, w.translate(
                "reports", "Report {id}").format(id=data.report_id))
            self.setStrokeColor(colors.HexColor("#0d2b4e"))
            self.setLineWidth(0.8)
            self.line(18 * mm, top - 15 * mm, pw - 18 * mm, top - 15 * mm)
            # footer
            self.setLineWidth(0.4)
            self.line(18 * mm, 14 * mm, pw - 18 * mm, 14 * mm)
            self.setFont(FONT, 7)
            self.setFillColor(colors.HexColor("#333333"))
            case = (w.translate("reports", "Case {ref}").format(ref=data.context.case_ref)
                    if data.context.case_ref else w.translate("reports", "No case"))
            footer = w.translate(
                "reports", "{case} · {time} UTC · examination data SHA-256 {sha}… · "
                           "workstation {version}").format(
                case=case, time=w.datetime(data.created_at), sha=data.payload_sha256[:16],
                version=__version__)
            page = w.translate("reports", "Page {page} of {pages}").format(page=n, pages=total)
            # the footer's left text never runs into the page number: smaller when long
            room = pw - 36 * mm - self.stringWidth(page, FONT_BOLD, 8) - 4 * mm
            size = 7.0
            while size > 5.0 and self.stringWidth(footer, FONT, size) > room:
                size -= 0.25
            self.setFont(FONT, size)
            self.drawString(18 * mm, 10 * mm, footer)
            self.setFont(FONT_BOLD, 8)
            self.drawRightString(pw - 18 * mm, 10 * mm, page)
            self.restoreState()

    return ReportCanvas


def _story(data: ReportData, layout: PageLayout) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from workstation.reports.barcode_section import barcodes_section

    styles = paragraph_styles()
    width = 174 * mm
    exam = data.examination
    cap = exam.capture
    cfg = data.config
    w = data.words
    not_configured = w.translate("reports", NOT_CONFIGURED)
    story: list[Any] = [Paragraph(w.translate("reports", "Document examination report"),
                                  styles["h1"])]
    rows: list[tuple[str, Any]] = [
        (w.translate("reports", "Case reference"), esc(data.context.case_ref or "—")),
        (w.translate("reports", "Report"), esc(data.report_id)),
        (w.translate("reports", "Agency"),
         esc(" · ".join(t for t in (cfg.agency, cfg.unit) if t) or not_configured)),
        (w.translate("reports", "Examiner"), esc(data.examiner)),
        (w.translate("reports", "Workstation"), esc(cfg.workstation or not_configured)),
        (w.translate("reports", "Reader"),
         esc(cap.device or w.translate("reports", "not recorded"))),
        (w.translate("reports", "Captured"), esc(fmt_time(cap.captured_at, w))),
        (w.translate("reports", "Examined"), esc(fmt_time(exam.started_at, w))),
        (w.translate("reports", "Report made"), esc(fmt_time(data.created_at, w))),
        (w.translate("reports", "Lights"),
         esc(", ".join(light_title(light, w) for light in cap.lights))),
        (w.translate("reports", "Resolution"),
         esc(f"{cap.dpi:.0f} dpi" if cap.dpi else w.translate("reports", "unknown"))),
    ]
    label_w = (38 if w.language == "en" else 46) * mm
    story += [kv_table(rows, styles, [label_w, width - label_w]), Spacer(1, 8),
              sections.conclusion_banner(data, styles, width)]
    story += sections.mrz_section(data, styles, width)
    story += chip_section(data, styles, width)
    story += barcodes_section(exam.to_json(), styles, width, data.words)
    story += sections.findings_section(data, styles, width)
    story += sections.checks_section(data, styles, width)
    story += sections.captures_section(data, styles, width)
    story += sections.chosen_section(data, styles, width)
    story += sections.integrity_section(data, styles, width)
    story += sections.signature_panel(data, styles, width, layout)
    return story


def render_pdf(data: ReportData) -> tuple[bytes, dict[str, tuple[int, tuple[float, ...]]]]:
    """Lay out the report with reportlab; returns the PDF and the signature boxes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    layout = PageLayout()
    buf = io.BytesIO()
    title = data.words.translate("reports", "Document examination report {id}").format(
        id=data.report_id)
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=32 * mm,
        bottomMargin=20 * mm, title=title, author=data.examiner,
        subject=(data.words.translate("reports", "Case {ref}").format(ref=data.context.case_ref)
                 if data.context.case_ref else data.words.translate("reports", "Examination")),
        creator="workstation", invariant=0, lang=data.config.language,
    )
    from reportlab import rl_config

    a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary image streams: smaller, and ASCII85 in pure Python is slow
    try:
        doc.build(_story(data, layout), canvasmaker=_canvas_class(data, layout))
    finally:
        rl_config.useA85 = a85
    return buf.getvalue(), dict(layout.boxes)
