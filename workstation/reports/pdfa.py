"""Finish a reportlab PDF for archiving: PDF/A-3b identification, attachment, fields.

reportlab (open-source edition) writes no output intent, no XMP and no
associated files, so the finished file is rewritten once with pyHanko's writer:

* XMP metadata with ``pdfaid:part=3``, ``pdfaid:conformance=B`` and the title,
  author and dates (pyHanko keeps it in step with later signing updates);
* an sRGB output intent whose ICC profile LittleCMS (through Pillow) builds
  locally, so nothing is downloaded or shipped;
* ``examination.json`` as an embedded file with ``AFRelationship /Data``, listed
  in the catalogue's ``/AF`` (associated files are why the part is 3, not 2:
  PDF/A-2 allows only PDF/A attachments);
* empty, visible signature fields for the examiner and the supervisor where the
  report drew its signature boxes.

Every font is embedded by reportlab (DejaVu Sans, OCR-B subsets); no document is
encrypted. The result has not been checked with veraPDF here.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workstation.errors import ReportError

if TYPE_CHECKING:
    from workstation.reports.data import ReportData

PDFA_PART = "3"
PDFA_CONFORMANCE = "B"
_ICC: bytes | None = None


def srgb_icc() -> bytes:
    """An sRGB ICC profile built by LittleCMS (cached)."""
    global _ICC
    if _ICC is None:
        from PIL import ImageCms

        _ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return _ICC


def _xmp_pdfaid() -> Any:
    from pyhanko.pdf_utils.metadata import model

    ns = model.NS["pdfaid"]
    return model.XmpStructure.of(
        (model.ExpandedName(ns=ns, local_name="part"), model.XmpValue(PDFA_PART)),
        (model.ExpandedName(ns=ns, local_name="conformance"), model.XmpValue(PDFA_CONFORMANCE)),
    )


def finish_pdf(pdf: bytes, boxes: Mapping[str, tuple[int, tuple[float, ...]]],
               data: ReportData) -> bytes:
    """Rewrite ``pdf`` with XMP, output intent, the attachment and signature fields."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams
    from pyhanko.pdf_utils.generic import pdf_name, pdf_string
    from pyhanko.pdf_utils.metadata.model import DocumentMetadata
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer
    from pyhanko.sign import fields

    from workstation.reports.data import ATTACHMENT_NAME

    try:
        writer = copy_into_new_writer(PdfFileReader(io.BytesIO(pdf)), {"info": None})
    except Exception as exc:  # reportlab output that pyHanko cannot read is a bug
        raise ReportError(f"cannot finish the report PDF: {exc}") from exc
    writer._info = None  # XMP only: nothing in /Info can disagree with it
    created = data.created_at.astimezone(dt.UTC)
    writer._meta = DocumentMetadata(
        title=f"Document examination report {data.report_id}",
        author=data.examiner,
        subject=(f"Case {data.context.case_ref}" if data.context.case_ref
                 else "Document examination"),
        creator="workstation (reportlab, pyHanko)",
        created=created,
        last_modified=created,
        xmp_extra=[_xmp_pdfaid()],
    )
    root = writer.root

    icc = generic.StreamObject({pdf_name("/N"): generic.NumberObject(3)}, stream_data=srgb_icc())
    icc.compress()
    intent = generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/OutputIntent"),
        pdf_name("/S"): pdf_name("/GTS_PDFA1"),
        pdf_name("/OutputConditionIdentifier"): pdf_string("sRGB IEC61966-2.1"),
        pdf_name("/RegistryName"): pdf_string("http://www.color.org"),
        pdf_name("/Info"): pdf_string("sRGB IEC61966-2.1"),
        pdf_name("/DestOutputProfile"): writer.add_object(icc),
    })
    root[pdf_name("/OutputIntents")] = generic.ArrayObject([writer.add_object(intent)])

    ef = EmbeddedFileObject.from_file_data(
        writer, data=data.payload, mime_type="application/json",
        params=EmbeddedFileParams(creation_date=created, modification_date=created))
    spec = generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/Filespec"),
        pdf_name("/F"): pdf_string(ATTACHMENT_NAME),
        pdf_name("/UF"): pdf_string(ATTACHMENT_NAME),
        pdf_name("/Desc"): generic.TextStringObject(
            "Examination data (workstation.report/1): checks, findings, image hashes"),
        pdf_name("/AFRelationship"): pdf_name("/Data"),
        pdf_name("/EF"): generic.DictionaryObject({
            pdf_name("/F"): writer.add_object(ef), pdf_name("/UF"): ef.ef_stream_ref}),
    })
    spec_ref = writer.add_object(spec)
    names_tree = generic.DictionaryObject({pdf_name("/Names"): generic.ArrayObject(
        [pdf_string(ATTACHMENT_NAME), spec_ref])})
    names = root.get("/Names")
    if names is None:
        names = generic.DictionaryObject()
        root[pdf_name("/Names")] = writer.add_object(names)
    names = names.get_object() if hasattr(names, "get_object") else names
    names[pdf_name("/EmbeddedFiles")] = writer.add_object(names_tree)
    root[pdf_name("/AF")] = generic.ArrayObject([spec_ref])

    for name, (page, box) in boxes.items():
        x1, y1, x2, y2 = (round(v) for v in box[:4])
        fields.append_signature_field(writer, fields.SigFieldSpec(
            sig_field_name=name, on_page=page - 1, box=(x1, y1, x2, y2)))
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
