"""Drawing primitives of the report: paragraph styles, escaping, images with the
examiner's marks drawn as vectors, key-value tables, the neutral emblem.

Shared by :mod:`.sections` (the report's content) and :mod:`.layout` (pages,
header and footer). Annotations are labelled by :meth:`Annotation.label`, the
same text the window writes beside them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image as PILImage

from workstation.findings import Annotation, AnnotationKind
from workstation.i18n import Words
from workstation.reports.fonts import FONT, FONT_BOLD, FONT_MRZ
from workstation.types import CheckStatus, Image

PRINT_DPI = 300
JPEG_QUALITY = 90


STATUS_COLOURS = {
    CheckStatus.PASS: "#2e7d32", CheckStatus.FAIL: "#c62828",
    CheckStatus.WARN: "#ef6c00", CheckStatus.SKIPPED: "#757575",
}


@dataclass
class PageLayout:
    """What the drawing records for the finishing step: signature boxes per page."""

    boxes: dict[str, tuple[int, tuple[float, float, float, float]]] = field(default_factory=dict)
    pages: int = 0


def paragraph_styles() -> dict[str, Any]:
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


def esc(text: Any) -> str:
    from xml.sax.saxutils import escape

    return escape(str(text if text is not None else ""))


def jpeg(image: Image, *, max_width_px: int) -> tuple[io.BytesIO, int, int]:
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


def annotated_image(image: Image, width_pt: float, annotations: Sequence[Annotation],
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
    encoded, _, _ = jpeg(image, max_width_px=max(16, math.ceil(draw_w / 72 * PRINT_DPI)))
    jpeg_bytes = encoded.getvalue()

    class JpegReader(ImageReader):
        """reportlab embeds a JPEG as is (DCTDecode) but decodes it once more only to
        name it in its image cache; the JPEG's own digest names it just as well."""

        _dataA = None

        def getRGBData(self) -> bytes:
            return hashlib.sha256(jpeg_bytes).digest()

    reader = JpegReader(encoded)

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
                draw_annotation(c, ann, scale, draw_h, dpi, width=draw_w)

    return AnnotatedImage()


def draw_annotation(c: Any, ann: Annotation, scale: float, height: float,
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
    label = ann.label(dpi)
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


def draw_emblem(c: Any, x: float, y: float, size: float) -> None:
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


def kv_table(rows: Sequence[tuple[str, Any]], styles: dict[str, Any], widths: Sequence[float],
              ) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells = [[Paragraph(esc(k), styles["label"]),
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


def with_heading(out: list[Any], block: list[Any]) -> Any:
    """``block`` kept together, and with the section heading just before it, if any
    (so a heading never ends a page alone)."""
    from reportlab.platypus import KeepTogether, Paragraph

    if out and isinstance(out[-1], Paragraph) and out[-1].style.name == "h2":
        block = [out.pop(), *block]
    return KeepTogether(block)


def fmt_time(t: dt.datetime | None, w: Words | None = None) -> str:
    """A time as the report prints it, in ``w``'s language (UTC when it has a zone)."""
    w = w or Words("en")
    if t is None:
        return w.translate("reports", "not recorded")
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC)
        return f"{w.datetime(t, seconds=True)} UTC"
    return w.translate("reports", "{time} (local)").format(time=w.datetime(t, seconds=True))
