"""The certificate of a completed course: one A4 page (reportlab), signed as a PAdES
signature with the report signing machinery, so ``workstation report verify``
checks it like any report.

The page names the trainee, the course (title and the SHA-256 of the exact course
file), the date, the score against the pass mark and the figures per forgery
kind; the run's identifier ties it to the record in the case database.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from workstation.training.records import RunSummary
from workstation.training.scoring import PASS_MARK

if TYPE_CHECKING:
    from workstation.reports.ca import Identity

#: The certificate's signature field.
CERTIFICATE_FIELD = "Instructor"


def build_certificate(run: RunSummary, *, trainee_display: str = "", office: str = "",
                      kind_labels: dict[str, str] | None = None) -> bytes:
    """The unsigned certificate PDF of ``run``."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    from workstation.reports.fonts import FONT, FONT_BOLD, register_fonts

    register_fonts()
    labels = kind_labels or {}
    buf = io.BytesIO()
    w, h = landscape(A4)
    c = canvas.Canvas(buf, pagesize=(w, h), invariant=True)
    c.setTitle(f"Training certificate — {run.course_title}")
    c.setAuthor(office or "workstation")
    c.setLineWidth(2)
    c.rect(28, 28, w - 56, h - 56)
    c.setFont(FONT_BOLD, 26)
    c.drawCentredString(w / 2, h - 100, "Certificate of completion")
    c.setFont(FONT, 13)
    c.drawCentredString(w / 2, h - 130, "Document examination training")
    c.setFont(FONT_BOLD, 20)
    c.drawCentredString(w / 2, h - 180, trainee_display or run.trainee)
    c.setFont(FONT, 13)
    c.drawCentredString(w / 2, h - 205, f"completed the course “{run.course_title}”")
    result = "passed" if run.passed else "did not reach the pass mark"
    c.drawCentredString(
        w / 2, h - 228,
        f"on {run.finished_at.date().isoformat()}: {run.share * 100:.0f} % of the points "
        f"({result}; pass mark {PASS_MARK * 100:.0f} %), {run.documents} documents, "
        f"{run.seconds / 60:.1f} min")
    y = h - 272
    c.setFont(FONT_BOLD, 11)
    c.drawString(150, y, "Documents")
    c.drawRightString(w - 150, y, "Recognised")
    c.setFont(FONT, 11)
    for kind, share in run.per_kind.items():
        y -= 17
        c.drawString(150, y, labels.get(kind, kind))
        c.drawRightString(w - 150, y, f"{share * 100:.0f} %")
    c.setFont(FONT, 8)
    c.drawString(40, 44, f"Run {run.run_uid} · course {run.course_id}"
                         + (f" · {office}" if office else ""))
    c.showPage()
    c.save()
    return buf.getvalue()


def sign_certificate(pdf: bytes, identity: Identity, *, location: str = "") -> bytes:
    """``pdf`` signed by ``identity`` (the instructor or the office) in the certificate's
    signature field."""
    from workstation.reports.sign import SignOptions, sign_pdf

    return sign_pdf(pdf, identity, SignOptions(field=CERTIFICATE_FIELD, role="Instructor",
                                               reason="Training course certificate",
                                               location=location))
