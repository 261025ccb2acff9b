"""Build the PDF examination report (reportlab), unsigned.

:func:`build_report` lays out an :class:`~workstation.types.Examination` with the
examiner's :class:`~workstation.types.Findings` on A4: agency header, case and
examiner, document identity (MRZ set in OCR-B), the captures per light with the
specimen beside them, the examiner's chosen views and annotations, the checks
table, the findings, the SHA-256 of every image and of the examination data,
and empty signature boxes on the last page. The examination data travels inside
the PDF as the attached file ``examination.json``; :mod:`.pdfa` finishes the
file for PDF/A-3b (fonts embedded, sRGB output intent, XMP identification).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image as PILImage

from workstation import __version__
from workstation.errors import InputError, ReportError
from workstation.paths import resource
from workstation.reports.config import ReportConfig, load_config
from workstation.types import (
    LIGHT_ORDER,
    Annotation,
    AnnotationKind,
    CheckResult,
    CheckStatus,
    Conclusion,
    Examination,
    Findings,
    Image,
    Light,
    Specimen,
)

REPORT_FORMAT = "workstation.report/1"
ATTACHMENT_NAME = "examination.json"
PRINT_DPI = 300
JPEG_QUALITY = 90

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_MRZ = "OCRB"

LIGHT_TITLES = {
    Light.WHITE: "White light", Light.UV: "UV 365 nm", Light.IR: "IR (B900)",
    Light.UV254: "UV 254 nm", Light.OBLIQUE: "Oblique white", Light.COAXIAL: "Coaxial white",
    Light.TRANSMITTED: "Transmitted white", Light.IR_TRANSMITTED: "Transmitted IR",
}
CONCLUSION_TITLES = {
    Conclusion.NO_ANOMALY: "No anomaly found",
    Conclusion.COUNTERFEIT: "Counterfeit",
    Conclusion.FORGED: "Forged",
    Conclusion.INCONCLUSIVE: "Inconclusive",
}
STATUS_COLOURS = {
    CheckStatus.PASS: "#2e7d32", CheckStatus.FAIL: "#c62828",
    CheckStatus.WARN: "#ef6c00", CheckStatus.SKIPPED: "#757575",
}
MRZ_FIELDS = (
    ("document_code", "Document code"), ("issuing_state", "Issuing state"),
    ("document_number", "Document number"), ("surname", "Surname"),
    ("given_names", "Given names"), ("nationality", "Nationality"),
    ("birth_date", "Date of birth"), ("sex", "Sex"), ("expiry_date", "Date of expiry"),
    ("optional_data", "Optional data"),
)


# --------------------------------------------------------------------------- inputs
@dataclass
class ReportContext:
    """Everything about a report that is not the examination itself.

    Attributes:
        case_ref: the case reference printed in the header.
        examiner: examiner's name (defaults to the configuration's).
        findings: the examiner's findings (``None``: automated examination only).
        specimen: the specimen compared against (for its images beside the capture).
        questioned: images to show as the questioned document per light (e.g.
            registered onto the specimen); defaults to the capture's images.
            Annotations on ``capture:<light>`` refer to these images' pixels.
        views: rendered views the examiner chose (``view:<name>`` in
            ``findings.report_images``): name -> image.
        report_id: unique id of the report (generated when empty).
        created_at: when the report was made (now when ``None``).
        config: agency, workstation, logo (loaded when ``None``).
    """

    case_ref: str = ""
    examiner: str = ""
    findings: Findings | None = None
    specimen: Specimen | None = None
    questioned: Mapping[Light, Image] | None = None
    views: Mapping[str, Image] = field(default_factory=dict)
    report_id: str = ""
    created_at: dt.datetime | None = None
    config: ReportConfig | None = None


@dataclass
class ImageRecord:
    """One image of the report and its SHA-256."""

    ref: str
    title: str
    sha256: str
    hash_of: str  # "file" or "pixels"
    shape: tuple[int, ...]
    file: str | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"ref": self.ref, "title": self.title, "sha256": self.sha256,
                "hash_of": self.hash_of, "shape": list(self.shape), "file": self.file}


@dataclass
class ReportData:
    """The report's content, resolved: what is printed and what is attached."""

    examination: Examination
    context: ReportContext
    config: ReportConfig
    report_id: str
    created_at: dt.datetime
    examiner: str
    questioned: dict[Light, Image]
    specimen_images: dict[Light, Image]
    images: list[ImageRecord]
    chosen: list[tuple[str, str, Image]]  # (ref, title, image)
    payload: bytes  # examination.json as attached
    payload_sha256: str
    registered: bool = False  # questioned images are the capture registered onto the specimen
    specimen_dpi: float | None = None  # density of specimen_images


# --------------------------------------------------------------------------- hashing
def pixel_sha256(image: Image) -> str:
    """SHA-256 over an image's raw 8-bit pixels, row-major (H×W or H×W×C)."""
    return hashlib.sha256(np.ascontiguousarray(image).tobytes()).hexdigest()


def _capture_files(capture_path: str | None) -> dict[str, Path]:
    """light -> image file of a capture folder, when the examination names one."""
    if not capture_path:
        return {}
    folder = Path(capture_path)
    if folder.is_file():
        folder = folder.parent
    try:
        meta = json.loads((folder / "capture.json").read_text(encoding="utf-8"))
        lights = meta["lights"]
        return {str(k): folder / str(v) for k, v in lights.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _file_sha256(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def _json_default(obj: Any) -> Any:
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, dt.datetime | dt.date):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    return str(obj)


# --------------------------------------------------------------------------- prepare
def prepare_report(examination: Examination, context: ReportContext | None = None) -> ReportData:
    """Resolve images, hashes and the attached examination data of a report."""
    ctx = context or ReportContext()
    config = ctx.config or load_config()
    created = ctx.created_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    if created.tzinfo is None:
        raise InputError("the report time must be timezone-aware")
    report_id = ctx.report_id or f"R-{created:%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"
    examiner = ctx.examiner or (ctx.findings.examiner if ctx.findings else "") \
        or config.examiner_name()
    capture = examination.capture
    extra = examination.extra
    # what examination.examine() leaves in extra: the specimen, the capture registered
    # onto it and the specimen's images at the same density
    if ctx.specimen is None and isinstance(extra.get("specimen"), Specimen):
        ctx = replace(ctx, specimen=extra["specimen"])
    given = ctx.questioned
    reference: Mapping[Light, Image] = {}
    if given is None and _image_map(extra.get("registered")):
        given = _image_map(extra.get("registered"))
        reference = _image_map(extra.get("reference"))
    questioned: dict[Light, Image] = {}
    for light in capture.lights:
        img = (given or {}).get(light)
        questioned[light] = img if img is not None else capture.images[light]
    specimen_images: dict[Light, Image] = dict(reference)
    work_dpi = extra.get("work_dpi")
    specimen_dpi: float | None = (float(work_dpi) if reference and isinstance(work_dpi, int | float)
                                  else (ctx.specimen.dpi if ctx.specimen else None))
    if ctx.specimen is not None and not specimen_images:
        for light in ctx.specimen.image_lights:
            try:
                specimen_images[light] = ctx.specimen.image(light)
            except (KeyError, OSError, ValueError):
                continue

    files = _capture_files(examination.capture_path)
    images: list[ImageRecord] = []
    for light in capture.lights:
        img = capture.images[light]
        path = files.get(light.value)
        digest = _file_sha256(path) if path is not None else None
        if digest is not None and path is not None:
            images.append(ImageRecord(f"capture:{light.value}", f"Capture, {LIGHT_TITLES[light]}",
                                      digest, "file", img.shape, path.name))
        else:
            images.append(ImageRecord(f"capture:{light.value}", f"Capture, {LIGHT_TITLES[light]}",
                                      pixel_sha256(img), "pixels", img.shape))
        if given and light in given:
            q = given[light]
            images.append(ImageRecord(f"questioned:{light.value}",
                                      f"Questioned (registered), {LIGHT_TITLES[light]}",
                                      pixel_sha256(q), "pixels", q.shape))
    for light, img in specimen_images.items():
        images.append(ImageRecord(f"specimen:{light.value}",
                                  f"Specimen {ctx.specimen.id if ctx.specimen else ''}, "
                                  f"{LIGHT_TITLES[light]}", pixel_sha256(img), "pixels",
                                  img.shape))

    chosen = _chosen_images(examination, ctx, questioned if given else capture.images,
                            specimen_images)
    for ref, title, img in chosen:
        if not any(r.ref == ref for r in images):
            images.append(ImageRecord(ref, title, pixel_sha256(img), "pixels", img.shape))
    for check in examination.checks:
        if check.status in (CheckStatus.FAIL, CheckStatus.WARN):
            for i, ev in enumerate(check.evidence):
                ref = _evidence_ref(check, i)
                if not any(r.ref == ref for r in images):
                    images.append(ImageRecord(ref, f"{check.code}: {ev.label}",
                                              pixel_sha256(ev.image), "pixels",
                                              ev.image.shape))

    exam_json = examination.to_json()
    exam_json["started_at"] = examination.started_at
    exam_json["duration_ms"] = examination.duration_ms
    exam_json["dpi"] = capture.dpi
    exam_json["device"] = capture.device
    exam_json["captured_at"] = capture.captured_at
    payload_obj = {
        "format": REPORT_FORMAT,
        "report_id": report_id,
        "created_at": created,
        "case_ref": ctx.case_ref,
        "examiner": examiner,
        "agency": config.agency,
        "workstation": config.workstation,
        "reader": capture.device,
        "examination": exam_json,
        "specimen": ({"id": ctx.specimen.id, "title": ctx.specimen.title}
                     if ctx.specimen else {"id": examination.specimen_id}),
        "findings": ctx.findings.to_json() if ctx.findings else None,
        "images": [r.to_json() for r in images],
    }
    payload = json.dumps(payload_obj, indent=2, ensure_ascii=False, default=_json_default,
                         sort_keys=False).encode("utf-8")
    return ReportData(examination, ctx, config, report_id, created, examiner, questioned,
                      specimen_images, images, chosen, payload,
                      hashlib.sha256(payload).hexdigest(), registered=bool(given),
                      specimen_dpi=specimen_dpi)


def _image_map(obj: Any) -> dict[Light, Image]:
    """``obj`` as light -> image when it is such a mapping, else empty."""
    if not isinstance(obj, Mapping):
        return {}
    out: dict[Light, Image] = {}
    for key, img in obj.items():
        try:
            light = Light(key)
        except ValueError:
            continue
        if isinstance(img, np.ndarray) and img.dtype == np.uint8 and img.ndim in (2, 3):
            out[light] = img
    return out


def _evidence_ref(check: CheckResult, index: int) -> str:
    """Unique name of one evidence image: ``evidence:<check id>[<zone>]#<n>``."""
    zone = f"[{check.zone}]" if check.zone else ""
    return f"evidence:{check.id}{zone}#{index}"


def _chosen_images(examination: Examination, ctx: ReportContext,
                   questioned: Mapping[Light, Image],
                   specimen_images: Mapping[Light, Image]) -> list[tuple[str, str, Image]]:
    out: list[tuple[str, str, Image]] = []
    refs = list(dict.fromkeys(ctx.findings.report_images)) if ctx.findings else []
    if ctx.findings and questioned is not examination.capture.images:
        # annotations are drawn on the capture as taken: show those images too
        for ann in ctx.findings.annotations:
            if ann.image.startswith("capture:") and ann.image not in refs:
                refs.append(ann.image)
    raw = examination.capture.images
    for ref in refs:
        kind, _, name = ref.partition(":")
        try:
            if kind == "capture" and Light(name) in raw:
                out.append((ref, f"Questioned as captured, {LIGHT_TITLES[Light(name)]}",
                            raw[Light(name)]))
            elif kind == "specimen" and Light(name) in specimen_images:
                out.append((ref, f"Specimen, {LIGHT_TITLES[Light(name)]}",
                            specimen_images[Light(name)]))
            elif kind == "evidence":
                # check ids repeat across zones: every check with this id
                for check in (c for c in examination.checks if c.id == name):
                    for i, ev in enumerate(check.evidence):
                        out.append((_evidence_ref(check, i), f"{check.code}: {ev.label}",
                                    ev.image))
            elif kind == "view" and name in ctx.views:
                out.append((ref, f"View: {name}", ctx.views[name]))
        except ValueError:
            continue
    return out


# --------------------------------------------------------------------------- reportlab
_FONTS_READY = False


def _register_fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"),
                       (FONT_MRZ, "OCRB.ttf")):
        path = resource("fonts", file)
        if not path.is_file():
            raise ReportError(f"font missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for bold, italic, face in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, face)
    _FONTS_READY = True


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=11.5,
                          textColor=colors.HexColor("#1a1a1a"))
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=6.5, leading=8),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19,
                             spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                             spaceBefore=10, spaceAfter=5, keepWithNext=1,
                             textColor=colors.HexColor("#0d2b4e")),
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD, fontSize=8.5,
                                leading=11, textColor=colors.HexColor("#333333")),
        "caption": ParagraphStyle("caption", parent=base, fontSize=7.5, leading=9.5,
                                  textColor=colors.HexColor("#333333")),
        "mono": ParagraphStyle("mono", parent=base, fontName=FONT, fontSize=6.8, leading=8.5),
        "hash": ParagraphStyle("hash", parent=base, fontName=FONT, fontSize=5.9, leading=7.5),
        "mrz": ParagraphStyle("mrz", parent=base, fontName=FONT_MRZ, fontSize=10.5,
                              leading=14),
        "banner": ParagraphStyle("banner", parent=base, fontName=FONT_BOLD, fontSize=13,
                                 leading=16, textColor=colors.white),
    }


def _esc(text: Any) -> str:
    from xml.sax.saxutils import escape

    return escape(str(text if text is not None else ""))


def _jpeg(image: Image, *, max_width_px: int) -> tuple[io.BytesIO, int, int]:
    """Encode an image as JPEG at no more than ``max_width_px`` wide (print resolution)."""
    if image.shape[1] > max_width_px:
        import cv2

        small: Any = image
        k = small.shape[1] // max_width_px
        if k >= 2:  # whole-factor area reduction first: OpenCV's fast path
            small = cv2.resize(small, (small.shape[1] // k, small.shape[0] // k),
                               interpolation=cv2.INTER_AREA)
        h = max(1, round(small.shape[0] * max_width_px / small.shape[1]))
        image = np.asarray(cv2.resize(small, (max_width_px, h),
                                      interpolation=cv2.INTER_LINEAR), dtype=np.uint8)
    pil = PILImage.fromarray(np.ascontiguousarray(image))
    buf = io.BytesIO()
    pil.save(buf, format="JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=False)
    buf.seek(0)
    return buf, pil.width, pil.height


def _annotated_image(image: Image, width_pt: float, annotations: Sequence[Annotation],
                     dpi: float | None, *, max_height_pt: float | None = None) -> Any:
    """A flowable: the image at ``width_pt`` with the annotations drawn as vectors."""
    from reportlab.lib import colors
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    h_px, w_px = image.shape[:2]
    scale = width_pt / w_px
    if max_height_pt is not None and h_px * scale > max_height_pt:
        scale = max_height_pt / h_px
    draw_w, draw_h = w_px * scale, h_px * scale
    jpeg, _, _ = _jpeg(image, max_width_px=max(16, math.ceil(draw_w / 72 * PRINT_DPI)))
    jpeg_bytes = jpeg.getvalue()

    class JpegReader(ImageReader):
        """reportlab embeds a JPEG as is (DCTDecode) but decodes it once more only to
        name it in its image cache; the JPEG's own digest names it just as well."""

        _dataA = None

        def getRGBData(self) -> bytes:
            return hashlib.sha256(jpeg_bytes).digest()

    reader = JpegReader(jpeg)

    class AnnotatedImage(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return draw_w, draw_h

        def draw(self) -> None:
            c = self.canv
            c.drawImage(reader, 0, 0, draw_w, draw_h)
            c.setStrokeColor(colors.HexColor("#555555"))
            c.setLineWidth(0.4)
            c.rect(0, 0, draw_w, draw_h)
            for ann in annotations:
                _draw_annotation(c, ann, scale, draw_h, dpi, width=draw_w)

    return AnnotatedImage()


def annotation_label(ann: Annotation, dpi: float | None) -> str:
    """The measurement an annotation shows (mm when the density is known, else px)."""
    from workstation.imaging import measure

    pts = ann.points
    dpi = ann.dpi or dpi
    text = ann.text
    value = ""
    try:
        if ann.kind is AnnotationKind.RULER and len(pts) >= 2:
            value = (measure.format_mm(measure.distance_mm(pts[0], pts[1], dpi=dpi)) if dpi
                     else f"{measure.distance_px(pts[0], pts[1]):.0f} px")
        elif ann.kind is AnnotationKind.ANGLE and len(pts) >= 3:
            value = f"{measure.angle_deg(pts[0], pts[1], pts[2]):.1f}°"
        elif ann.kind is AnnotationKind.RECTANGLE and len(pts) >= 2:
            if dpi:
                w, h = measure.rect_size_mm(pts[0], pts[1], dpi=dpi)
                value = f"{measure.format_mm(w)} × {measure.format_mm(h)}"
            else:
                value = f"{abs(pts[1][0] - pts[0][0]):.0f} × {abs(pts[1][1] - pts[0][1]):.0f} px"
    except ValueError:
        value = ""
    return " — ".join(s for s in (value, text) if s)


def _draw_annotation(c: Any, ann: Annotation, scale: float, height: float,
                     dpi: float | None, *, width: float) -> None:
    from reportlab.lib import colors

    pts = [(x * scale, height - y * scale) for x, y in ann.points]
    if not pts:
        return
    colour = colors.HexColor("#ffd400")
    c.saveState()
    for line_w, col in ((2.2, colors.black), (1.0, colour)):
        c.setStrokeColor(col)
        c.setLineWidth(line_w)
        if ann.kind is AnnotationKind.RECTANGLE and len(pts) >= 2:
            (x1, y1), (x2, y2) = pts[0], pts[1]
            c.rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
        elif ann.kind is AnnotationKind.ANGLE and len(pts) >= 3:
            c.line(*pts[1], *pts[0])
            c.line(*pts[1], *pts[2])
        elif len(pts) >= 2:
            c.line(*pts[0], *pts[1])
            (x1, y1), (x2, y2) = pts[0], pts[1]
            ang = math.atan2(y2 - y1, x2 - x1)
            if ann.kind is AnnotationKind.ARROW:
                for da in (2.6, -2.6):
                    c.line(x2, y2, x2 + 6 * math.cos(ang + da), y2 + 6 * math.sin(ang + da))
            else:  # ruler: end ticks
                for x, y in ((x1, y1), (x2, y2)):
                    dx, dy = 3 * math.cos(ang + math.pi / 2), 3 * math.sin(ang + math.pi / 2)
                    c.line(x - dx, y - dy, x + dx, y + dy)
    label = annotation_label(ann, dpi)
    if label:
        x, y = pts[-1] if ann.kind is not AnnotationKind.ANGLE else pts[1]
        c.setFont(FONT, 6)
        tw = c.stringWidth(label, FONT, 6)
        x = min(max(x + 3, 1.0), width - tw - 5)  # keep the label inside the image
        y = min(max(y + 2, 1.0), height - 9)
        c.setFillColor(colors.white)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.3)
        c.rect(x, y, tw + 4, 8, fill=1, stroke=1)
        c.setFillColor(colors.black)
        c.drawString(x + 2, y + 2, label)
    c.restoreState()


def _draw_emblem(c: Any, x: float, y: float, size: float) -> None:
    """The neutral default logo: a document under a magnifying glass in a ring."""
    from reportlab.lib import colors

    navy = colors.HexColor("#0d2b4e")
    c.saveState()
    r = size / 2
    cx, cy = x + r, y + r
    c.setFillColor(navy)
    c.circle(cx, cy, r, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.circle(cx, cy, r * 0.86, stroke=0, fill=1)
    # the document
    dw, dh = r * 0.95, r * 1.2
    dx, dy = cx - dw * 0.62, cy - dh * 0.5
    c.setFillColor(colors.HexColor("#dfe7f1"))
    c.setStrokeColor(navy)
    c.setLineWidth(size * 0.03)
    c.roundRect(dx, dy, dw, dh, size * 0.04, stroke=1, fill=1)
    c.setLineWidth(size * 0.025)
    for i in range(2):  # MRZ lines
        ly = dy + dh * (0.12 + 0.1 * i)
        c.line(dx + dw * 0.1, ly, dx + dw * 0.9, ly)
    c.setFillColor(navy)
    c.rect(dx + dw * 0.12, dy + dh * 0.48, dw * 0.3, dh * 0.36, stroke=0, fill=1)  # portrait
    # the magnifier
    mx, my, mr = cx + r * 0.22, cy + r * 0.05, r * 0.32
    c.setLineWidth(size * 0.05)
    c.circle(mx, my, mr, stroke=1, fill=0)
    c.line(mx + mr * 0.72, my - mr * 0.72, mx + mr * 1.75, my - mr * 1.75)
    c.restoreState()


@dataclass
class _Layout:
    """What the drawing records for the finishing step: signature boxes per page."""

    boxes: dict[str, tuple[int, tuple[float, float, float, float]]] = field(default_factory=dict)
    pages: int = 0


def _canvas_class(data: ReportData, layout: _Layout) -> type:
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
            w, h = self._pagesize
            n = self._pageNumber
            self.saveState()
            top = h - 12 * mm
            logo = config.logo_path()
            if logo is not None and logo.is_file():
                try:
                    self.drawImage(str(logo), 18 * mm, top - 13 * mm, 13 * mm, 13 * mm,
                                   preserveAspectRatio=True, mask=None)
                except OSError:
                    _draw_emblem(self, 18 * mm, top - 13 * mm, 13 * mm)
            else:
                _draw_emblem(self, 18 * mm, top - 13 * mm, 13 * mm)
            self.setFillColor(colors.HexColor("#0d2b4e"))
            self.setFont(FONT_BOLD, 11)
            self.drawString(34 * mm, top - 5 * mm, config.agency)
            self.setFont(FONT, 8.5)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawString(34 * mm, top - 10 * mm, config.unit)
            self.setFont(FONT_BOLD, 9)
            self.drawRightString(w - 18 * mm, top - 5 * mm, "Document examination report")
            self.setFont(FONT, 8)
            self.drawRightString(w - 18 * mm, top - 10 * mm, f"Report {data.report_id}")
            self.setStrokeColor(colors.HexColor("#0d2b4e"))
            self.setLineWidth(0.8)
            self.line(18 * mm, top - 15 * mm, w - 18 * mm, top - 15 * mm)
            # footer
            self.setLineWidth(0.4)
            self.line(18 * mm, 14 * mm, w - 18 * mm, 14 * mm)
            self.setFont(FONT, 7)
            self.setFillColor(colors.HexColor("#333333"))
            case = f"Case {data.context.case_ref}" if data.context.case_ref else "No case"
            self.drawString(18 * mm, 10 * mm,
                            f"{case} · {data.created_at:%Y-%m-%d %H:%M} UTC · "
                            f"examination data SHA-256 {data.payload_sha256[:16]}… · "
                            f"workstation {__version__}")
            self.setFont(FONT_BOLD, 8)
            self.drawRightString(w - 18 * mm, 10 * mm, f"Page {n} of {total}")
            self.restoreState()

    return ReportCanvas


def _kv_table(rows: Sequence[tuple[str, Any]], styles: dict[str, Any], widths: Sequence[float],
              ) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells = [[Paragraph(_esc(k), styles["label"]),
              v if not isinstance(v, str) else Paragraph(v, styles["base"])] for k, v in rows]
    table = Table(cells, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8c8c8")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _conclusion_banner(data: ReportData, styles: dict[str, Any], width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    findings = data.context.findings
    verdict = data.examination.verdict.value.upper()
    if findings is not None and findings.conclusion is not None:
        title = CONCLUSION_TITLES[findings.conclusion]
        if findings.conclusion is Conclusion.FORGED and findings.forgery_kind:
            title += f" ({findings.forgery_kind.replace('_', ' ')})"
        text = f"Examiner's conclusion: {_esc(title.upper())}"
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
                   [Paragraph(_esc(sub), styles["small"])]], colWidths=[width])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(colour)),
        ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#eeeeee")),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(colour)),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _mrz_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    mrz = data.examination.mrz
    out: list[Any] = [Paragraph("Document identity", styles["h2"])]
    if not mrz or not mrz.get("found"):
        out.append(Paragraph("No machine-readable zone was read.", styles["base"]))
    else:
        lines = [str(s) for s in mrz.get("lines", [])]
        box = Table([[Paragraph(_esc(line).replace(" ", "&nbsp;"), styles["mrz"])]
                     for line in lines], colWidths=[width], hAlign="LEFT")
        box.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT_MRZ, 10),
            ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f6f6")),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ]))
        out += [Paragraph(f"MRZ ({_esc(mrz.get('format') or 'unknown format')}), "
                          "as read (OCR-B):", styles["small"]), box, Spacer(1, 4)]
        fields = mrz.get("fields") or {}
        digits = mrz.get("check_digits") or {}
        rows = [(label, _esc(fields.get(key, "")) or "—") for key, label in MRZ_FIELDS
                if key in fields]
        valid = mrz.get("valid")
        bad = [k.replace("_", " ") for k, ok in digits.items() if ok is False]
        rows.append(("Check digits", "all valid" if valid else
                     ("INVALID: " + _esc(", ".join(bad)) if bad else "not all valid")))
        out.append(_kv_table(rows, styles, [38 * 2.8346, width - 38 * 2.8346]))
    spec = data.context.specimen
    spec_text = (f"{_esc(spec.id)} — {_esc(spec.title)} (series {_esc(spec.series)})" if spec
                 else _esc(data.examination.specimen_id or "none matched"))
    out.append(_kv_table([("Specimen compared", spec_text)], styles,
                         [38 * 2.8346, width - 38 * 2.8346]))
    return out


def _with_heading(out: list[Any], block: list[Any]) -> Any:
    """``block`` kept together, and with the section heading just before it, if any
    (so a heading never ends a page alone)."""
    from reportlab.platypus import KeepTogether, Paragraph

    if out and isinstance(out[-1], Paragraph) and out[-1].style.name == "h2":
        block = [out.pop(), *block]
    return KeepTogether(block)


def _annotations_for(findings: Findings | None, ref: str) -> list[Annotation]:
    if findings is None:
        return []
    return [a for a in findings.annotations if a.image == ref]


def _captures_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
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
        left = _annotated_image(q, col, anns, dpi, max_height_pt=200)
        s_img = data.specimen_images.get(light)
        if s_img is not None:
            right: Any = _annotated_image(
                s_img, col, _annotations_for(findings, f"specimen:{light.value}"),
                data.specimen_dpi, max_height_pt=200)
            right_cap = f"Specimen {_esc(spec.id if spec else '')}, {LIGHT_TITLES[light]}"
        else:
            right = Paragraph("No specimen image under this light.", styles["small"])
            right_cap = ""
        reg = " (registered onto the specimen)" if data.registered else ""
        table = Table([[Paragraph(f"<b>Questioned</b>{reg}, {LIGHT_TITLES[light]}",
                                  styles["caption"]),
                        Paragraph(right_cap, styles["caption"])], [left, right]],
                      colWidths=[col + gap / 2, col + gap / 2], hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        out.append(_with_heading(out, [table, Spacer(1, 6)]))
    out.append(Paragraph(
        f"Images reproduced at {PRINT_DPI} dpi print resolution (JPEG); the SHA-256 values "
        "in the integrity section are those of the original images.", styles["tiny"]))
    return out


def _chosen_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
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
        out.append(_with_heading(out, [table]))
        small.clear()

    for ref, title, img in data.chosen:
        base_ref = ref.split("#")[0]
        anns = _annotations_for(findings, base_ref) if base_ref.startswith(
            ("capture:", "specimen:")) else []
        img_dpi = data.specimen_dpi if ref.startswith("specimen:") else dpi
        # at most twice the physical size (150 dpi on paper when the density is unknown)
        natural = img.shape[1] / (img_dpi or 300) * 72 * 2
        if ref.startswith("evidence:") or (natural <= cell and not anns):
            small.append([_annotated_image(img, cell, [], dpi, max_height_pt=150),
                          Paragraph(_esc(title), styles["tiny"])])
            if len(small) == per_row:
                flush()
            continue
        flush()
        flow = _annotated_image(img, min(width * 0.75, max(natural, 110.0)), anns,
                                img_dpi, max_height_pt=330)
        out.append(_with_heading(out, [Paragraph(_esc(title), styles["caption"]), flow,
                                       Spacer(1, 8)]))
    flush()
    return out


def _checks_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
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
            Paragraph(_esc(c.code), styles["mono"]),
            Paragraph(_esc(where), styles["mono"]),
            Paragraph(_esc(c.message), styles["small"]),
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
        items = [[_annotated_image(ev.image, cell, [], None, max_height_pt=120),
                  Paragraph(_esc(ev.label) + (f" ({ev.light.value})" if ev.light else ""),
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
        out.append(_with_heading(out, [
            Paragraph(f"<b>{_esc(c.code)}</b> — {_esc(c.message)}", styles["small"]),
            table, Spacer(1, 5)]))
    return out


def _findings_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import Paragraph

    out: list[Any] = [Paragraph("Examiner's findings", styles["h2"])]
    f = data.context.findings
    if f is None:
        return [*out, Paragraph("The examiner recorded no findings; this report shows the "
                                "automated examination only.", styles["base"])]
    rows: list[tuple[str, Any]] = [
        ("Conclusion", _esc(CONCLUSION_TITLES[f.conclusion]) if f.conclusion else
         "not decided"),
    ]
    if f.forgery_kind:
        rows.append(("Kind of forgery", _esc(f.forgery_kind.replace("_", " "))))
    rows.append(("Examiner", _esc(f.examiner or data.examiner)))
    if f.updated_at:
        rows.append(("Recorded", _esc(f.updated_at.isoformat(timespec="minutes"))))
    text = _esc(f.text).replace("\n", "<br/>") if f.text else "—"
    rows.append(("Observations", text))
    if f.annotations:
        dpi = data.examination.capture.dpi
        items = "<br/>".join(
            f"{_esc(a.kind.value)} on {_esc(a.image)}: {_esc(annotation_label(a, dpi) or '—')}"
            for a in f.annotations)
        rows.append(("Measurements and marks", items))
    out.append(_kv_table(rows, styles, [38 * 2.8346, width - 38 * 2.8346]))
    return out


def _integrity_section(data: ReportData, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    out: list[Any] = [Paragraph("Integrity", styles["h2"]), Paragraph(
        f"The examination data is attached to this PDF as <b>{ATTACHMENT_NAME}</b> (see the "
        "attachments panel of a PDF reader). SHA-256 marked <i>file</i> is over the image "
        "file as captured (recompute with <i>sha256sum</i>); <i>pixels</i> is over the raw "
        "8-bit pixels, row by row (height × width × channels).", styles["small"])]
    rows: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", styles["tiny"]) for h in
                              ("Item", "Size", "Of", "SHA-256")]]
    rows.append([Paragraph(f"Examination data ({ATTACHMENT_NAME})", styles["tiny"]),
                 Paragraph(f"{len(data.payload)} B", styles["tiny"]),
                 Paragraph("file", styles["tiny"]),
                 Paragraph(data.payload_sha256, styles["hash"])])
    for r in data.images:
        size = "×".join(str(s) for s in r.shape)
        title = r.title + (f" ({r.file})" if r.file else "")
        rows.append([Paragraph(_esc(title), styles["tiny"]), Paragraph(size, styles["tiny"]),
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


def _signature_panel(data: ReportData, styles: dict[str, Any], width: float,
                     layout: _Layout) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Flowable, KeepTogether, Paragraph

    from workstation.reports.sign import EXAMINER_FIELD, SUPERVISOR_FIELD

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


def _story(data: ReportData, layout: _Layout) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    styles = _styles()
    width = 174 * mm
    exam = data.examination
    cap = exam.capture
    cfg = data.config
    story: list[Any] = [Paragraph("Document examination report", styles["h1"])]
    rows: list[tuple[str, Any]] = [
        ("Case reference", _esc(data.context.case_ref or "—")),
        ("Report", _esc(data.report_id)),
        ("Examiner", _esc(data.examiner)),
        ("Workstation", _esc(cfg.workstation)),
        ("Reader", _esc(cap.device or "not recorded")),
        ("Captured", _esc(_fmt_time(cap.captured_at))),
        ("Examined", _esc(_fmt_time(exam.started_at))),
        ("Report made", _esc(_fmt_time(data.created_at))),
        ("Lights", _esc(", ".join(LIGHT_TITLES[light] for light in cap.lights))),
        ("Resolution", _esc(f"{cap.dpi:.0f} dpi" if cap.dpi else "unknown")),
    ]
    story += [_kv_table(rows, styles, [38 * mm, width - 38 * mm]), Spacer(1, 8),
              _conclusion_banner(data, styles, width)]
    story += _mrz_section(data, styles, width)
    story += _findings_section(data, styles, width)
    story += _checks_section(data, styles, width)
    story += _captures_section(data, styles, width)
    story += _chosen_section(data, styles, width)
    story += _integrity_section(data, styles, width)
    story += _signature_panel(data, styles, width, layout)
    return story


def _fmt_time(t: dt.datetime | None) -> str:
    if t is None:
        return "not recorded"
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC)
        return f"{t:%Y-%m-%d %H:%M:%S} UTC"
    return f"{t:%Y-%m-%d %H:%M:%S} (local)"


def render_pdf(data: ReportData) -> tuple[bytes, dict[str, tuple[int, tuple[float, ...]]]]:
    """Lay out the report with reportlab; returns the PDF and the signature boxes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    _register_fonts()
    layout = _Layout()
    buf = io.BytesIO()
    title = f"Document examination report {data.report_id}"
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=32 * mm,
        bottomMargin=20 * mm, title=title, author=data.examiner,
        subject=f"Case {data.context.case_ref}" if data.context.case_ref else "Examination",
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


def build_report(examination: Examination, context: ReportContext | None = None) -> bytes:
    """The finished, unsigned report: PDF/A-3b layout with ``examination.json`` attached
    and empty signature fields for the examiner and the supervisor."""
    from workstation.reports.pdfa import finish_pdf

    data = prepare_report(examination, context)
    pdf, boxes = render_pdf(data)
    return finish_pdf(pdf, boxes, data)
