"""PAdES signatures on reports (pyHanko).

The examiner's signature is PAdES baseline B-B, or B-T when a time-stamp
authority is configured (RFC 3161). A supervisor's countersignature is a second
signature added in an incremental update, so the examiner's stays valid. Both
are visible: each fills its signature box on the report's last page (created by
:func:`workstation.reports.build.build_report`; a report from elsewhere gets a
new box at the bottom of its last page).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workstation.errors import InputError, ReportError
from workstation.i18n import PSEUDO, QT_TRANSLATE_NOOP, Words, normalise
from workstation.reports.fields import EXAMINER_FIELD

if TYPE_CHECKING:
    from asn1crypto import tsp

    from workstation.reports.ca import Identity


#: Default box for a signature field a report does not have yet: (x1, y1, x2, y2) pt.
DEFAULT_BOX = (306.0, 40.0, 560.0, 110.0)


@dataclass(frozen=True)
class SignOptions:
    """How to sign.

    Attributes:
        field: signature field name (:data:`EXAMINER_FIELD`, :data:`SUPERVISOR_FIELD`...).
        role: what the signer does, shown in the visible block ("Examiner", ...).
        reason: the /Reason of the signature.
        location: the /Location (e.g. the workstation or office).
        tsa_url: RFC 3161 time-stamp authority; ``None`` for PAdES B-B.
        tsa_timeout_s: seconds to wait for it.
    """

    field: str = EXAMINER_FIELD
    role: str = "Examiner"
    reason: str = "Document examination report"
    location: str = ""
    tsa_url: str | None = None
    tsa_timeout_s: float = 10.0


def _timestamper_class() -> type:
    from asn1crypto import tsp
    from pyhanko.sign.timestamps.api import TimeStamper
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    class UrllibTimeStamper(TimeStamper):
        """RFC 3161 over HTTP through the program's one client (:mod:`workstation.tsa`)."""

        def __init__(self, url: str, timeout_s: float) -> None:
            super().__init__()
            self.url = url
            self.timeout_s = timeout_s

        def _post(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            from workstation.tsa import TimestampError, post

            try:
                return tsp.TimeStampResp.load(post(self.url, req.dump(), self.timeout_s))
            except TimestampError as exc:
                raise TimestampRequestError(str(exc)) from exc

        async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            return await asyncio.to_thread(self._post, req)

    return UrllibTimeStamper


#: The roles and the reason of a signature, for the catalogues.
_WORDS = (QT_TRANSLATE_NOOP("reports", "Examiner"),
          QT_TRANSLATE_NOOP("reports", "Supervisor review"),
          QT_TRANSLATE_NOOP("reports", "Document examination report"))


def report_language(root: Any) -> str:
    """The language of a report (its catalogue's ``/Lang``: ``mn``, ``ru``), English
    when it states none the workstation speaks."""
    try:
        code = normalise(str(root.get("/Lang", "")))
    except (TypeError, ValueError, KeyError):
        code = None
    return code if code is not None and code != PSEUDO else "en"


def stamp_pdf(width_pt: float, height_pt: float, *, role: str, signer: str, issuer: str,
              reason: str, when: dt.datetime, timestamped: bool,
              language: str = "en") -> bytes:
    """The visible signature block as a one-page PDF of exactly the field's size,
    drawn by reportlab with the report's embedded DejaVu fonts (PDF/A-safe), in the
    report's ``language``."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    from workstation.reports.fonts import FONT, FONT_BOLD, register_fonts

    register_fonts()
    w = Words(language)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width_pt, height_pt), initialFontName=FONT, invariant=1)
    c.setStrokeColor(colors.HexColor("#0d2b4e"))
    c.setLineWidth(1)
    c.setFillColor(colors.HexColor("#eef3f9"))
    c.rect(0.5, 0.5, width_pt - 1, height_pt - 1, stroke=1, fill=1)
    pad = 6.0
    avail = width_pt - 2 * pad
    c.setFillColor(colors.HexColor("#0d2b4e"))
    y = height_pt - pad - 9
    c.setFont(FONT_BOLD, 9)
    title = w.translate("reports", "{role} — digitally signed").format(
        role=w.translate("reports", role))
    c.drawString(pad, y, _fit(c, title, FONT_BOLD, 9, avail))
    c.setFillColor(colors.black)
    when_text = w.datetime(when.astimezone(dt.UTC), seconds=True)
    lines = [
        w.translate("reports", "Signer: {name}").format(name=signer),
        w.translate("reports", "Issued by: {name}").format(name=issuer),
        (w.translate("reports", "Signed: {time} UTC (RFC 3161 time stamp)") if timestamped
         else w.translate("reports", "Signed: {time} UTC (workstation clock)")).format(
            time=when_text),
        w.translate("reports", reason),
    ]
    for line in lines:
        y -= 11
        if y < pad:
            break
        c.setFont(FONT, 7.5)
        c.drawString(pad, y, _fit(c, line, FONT, 7.5, avail))
    c.showPage()
    c.save()
    return buf.getvalue()


def _fit(c: Any, text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    if c.stringWidth(text, font, size) <= width:
        return text
    while text and c.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _stamp_style(stamp: bytes) -> object:
    import binascii
    import uuid

    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    class MemoryPage(ImportedPdfPage):
        """pyHanko's imported page, read from memory instead of a file."""

        def render(self) -> bytes:
            w = self._ensure_writer
            xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(stamp)), page_ix=0)
            name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[name.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name + b" Do"

    from pyhanko.pdf_utils import layout

    return StaticStampStyle(background=MemoryPage("memory"), border_width=0,
                            background_layout=layout.SimpleBoxLayoutRule(
                                x_align=layout.AxisAlignment.ALIGN_MID,
                                y_align=layout.AxisAlignment.ALIGN_MID,
                                margins=layout.Margins.uniform(0)))


def _field_size(writer: Any, name: str) -> tuple[float, float] | None:
    """Width and height (pt) of the existing signature field ``name``."""
    from pyhanko.sign import fields

    for fname, _value, ref in fields.enumerate_sig_fields(writer.prev, filled_status=None):
        if fname != name:
            continue
        obj = ref.get_object()
        rect = obj.get("/Rect")
        if rect is None and "/Kids" in obj:
            rect = obj["/Kids"][0].get_object().get("/Rect")
        if rect is None:
            return None
        x1, y1, x2, y2 = (float(v) for v in rect)
        return abs(x2 - x1), abs(y2 - y1)
    return None


def sign_pdf(pdf: bytes, identity: Identity, options: SignOptions | None = None) -> bytes:
    """Sign ``pdf`` (the whole file, as an incremental update) and return the signed bytes.

    The signature fills the empty field ``options.field`` when the PDF has one,
    otherwise a new visible field is added on the last page. Raises
    :class:`ReportError` when the PDF cannot be read, the field is already signed
    or the time-stamp authority fails.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    opts = options or SignOptions()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a readable PDF: {exc}") from None
    existing = {name: sig is not None for name, sig, _ in
                fields.enumerate_sig_fields(writer.prev, filled_status=None)}
    if existing.get(opts.field):
        raise ReportError(f"the report already carries a signature in {opts.field}")
    new_field = None
    if opts.field not in existing:
        last_page = int(writer.root["/Pages"]["/Count"]) - 1
        box = _free_box(len(existing))
        new_field = fields.SigFieldSpec(sig_field_name=opts.field, on_page=last_page, box=box)
        size: tuple[float, float] | None = (box[2] - box[0], box[3] - box[1])
    else:
        size = _field_size(writer, opts.field)
    from cryptography.x509.oid import NameOID

    from workstation.reports.ca import subject_name

    cert = identity.certificate
    issuer_cns = cert.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
    issuer = str(issuer_cns[0].value) if issuer_cns else cert.issuer.rfc4514_string()
    w, h = size or (DEFAULT_BOX[2] - DEFAULT_BOX[0], DEFAULT_BOX[3] - DEFAULT_BOX[1])
    stamp = stamp_pdf(w, h, role=opts.role, signer=subject_name(cert),
                      issuer=issuer, reason=opts.reason, when=dt.datetime.now(dt.UTC),
                      timestamped=bool(opts.tsa_url), language=report_language(writer.root))
    meta = signers.PdfSignatureMetadata(
        field_name=opts.field,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=opts.reason,
        location=opts.location or None,
        name=identity.name,
    )
    timestamper = None
    if opts.tsa_url:
        timestamper = _timestamper_class()(opts.tsa_url, opts.tsa_timeout_s)
    pdf_signer = signers.PdfSigner(meta, identity.signer(), timestamper=timestamper,
                                   stamp_style=_stamp_style(stamp),  # type: ignore[arg-type]
                                   new_field_spec=new_field)
    try:
        out = pdf_signer.sign_pdf(writer, bytes_reserved=16384 if timestamper else 8192)
    except TimestampRequestError as exc:
        raise ReportError(str(exc)) from None
    except (SigningError, PdfError) as exc:
        raise ReportError(f"signing failed: {exc}") from None
    data: bytes = out.getvalue()
    return data


def _free_box(n_existing: int) -> tuple[int, int, int, int]:
    """A box for the n-th extra signature field, stacked up from the page bottom."""
    x1, y1, x2, y2 = DEFAULT_BOX
    dy = (y2 - y1 + 8) * n_existing
    return round(x1), round(y1 + dy), round(x2), round(y2 + dy)
