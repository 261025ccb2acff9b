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
import io
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workstation.errors import InputError, ReportError
from workstation.paths import resource

if TYPE_CHECKING:
    from asn1crypto import tsp

    from workstation.reports.ca import Identity

EXAMINER_FIELD = "ExaminerSignature"
SUPERVISOR_FIELD = "SupervisorSignature"

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
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError, set_tsp_headers

    class UrllibTimeStamper(TimeStamper):
        """RFC 3161 over HTTP with the standard library (no extra client dependency)."""

        def __init__(self, url: str, timeout_s: float) -> None:
            super().__init__()
            self.url = url
            self.timeout_s = timeout_s

        def _post(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            request = urllib.request.Request(self.url, data=req.dump(),
                                             headers=set_tsp_headers({}), method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout_s) as resp:
                    ctype = resp.headers.get("Content-Type", "")
                    body = resp.read()
            except (OSError, urllib.error.URLError) as exc:
                raise TimestampRequestError(
                    f"time-stamp authority {self.url} unreachable: {exc}") from exc
            if ctype.split(";")[0].strip() != "application/timestamp-reply":
                raise TimestampRequestError(
                    f"time-stamp authority {self.url} sent {ctype or 'no content type'}")
            return tsp.TimeStampResp.load(body)

        async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            return await asyncio.to_thread(self._post, req)

    return UrllibTimeStamper


_STAMP_FONT: bytes | None = None
#: Characters the signature block can show (Latin, general punctuation, a few symbols).
_STAMP_CHARS = [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2010, 0x2027), 0x20AC]


def _stamp_font() -> bytes:
    """DejaVu Sans cut down to Latin without layout tables: fast to load at each signing."""
    global _STAMP_FONT
    if _STAMP_FONT is None:
        import logging

        from fontTools import subset
        from fontTools.ttLib import TTFont

        logging.getLogger("fontTools").setLevel(logging.ERROR)
        options = subset.Options()
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = TTFont(str(resource("fonts", "DejaVuSans.ttf")))
        sub = subset.Subsetter(options)
        sub.populate(unicodes=_STAMP_CHARS)
        sub.subset(font)
        buf = io.BytesIO()
        font.save(buf)
        font.close()
        _STAMP_FONT = buf.getvalue()
    return _STAMP_FONT


def _stamp_style(role: str) -> object:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    class StampFont(GlyphAccumulatorFactory):
        """The factory reading the font from memory (pyHanko's opens, and never closes, a file)."""

        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(_stamp_font()),
                                    font_size=self.font_size, obj_stream=obj_stream)

    font = StampFont("DejaVuSans-stamp.ttf")
    return TextStampStyle(
        stamp_text=f"{role}\nSigned by: %(signer)s\nTime: %(ts)s\n%(reason)s",
        text_box_style=TextBoxStyle(font=font, font_size=8, leading=10),
        timestamp_format="%Y-%m-%d %H:%M:%S %Z",
        border_width=1,
        background=None,
    )


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
        new_field = fields.SigFieldSpec(sig_field_name=opts.field, on_page=last_page,
                                        box=_free_box(len(existing)))
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
                                   stamp_style=_stamp_style(opts.role),  # type: ignore[arg-type]
                                   new_field_spec=new_field)
    try:
        out = pdf_signer.sign_pdf(writer, appearance_text_params={"reason": opts.reason},
                                  bytes_reserved=16384 if timestamper else 8192)
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
