"""Build the PDF examination report, unsigned: data, then pages, then PDF/A finishing.

:func:`build_report` lays out an :class:`~workstation.examination.results.Examination`
with the examiner's :class:`~workstation.findings.Findings` on A4 (agency header,
case and examiner, document identity with the MRZ in OCR-B, captures per light
beside the specimen, the examiner's chosen views and marks, the checks, the
findings, the SHA-256 of every image and of the examination data, empty signature
boxes). The rooms: :mod:`.data` resolves what the report says and carries,
:mod:`.layout` and :mod:`.sections` draw it (reportlab), :mod:`.fonts` embeds the
fonts, :mod:`.pdfa` finishes the file for PDF/A-3b with ``examination.json``
attached.
"""

from __future__ import annotations

from workstation.examination.results import Examination
from workstation.reports.data import ReportContext, prepare_report
from workstation.reports.layout import render_pdf
from workstation.reports.pdfa import finish_pdf


def build_report(examination: Examination, context: ReportContext | None = None) -> bytes:
    """The finished, unsigned report: PDF/A-3b layout with ``examination.json`` attached
    and empty signature fields for the examiner and the supervisor."""
    data = prepare_report(examination, context)
    pdf, boxes = render_pdf(data)
    return finish_pdf(pdf, boxes, data)
