"""The report's fonts: DejaVu Sans for text and OCR-B for the MRZ, embedded in every
PDF the reports package draws (the report itself and the visible signature block)."""

from __future__ import annotations

import threading

from workstation.errors import ReportError
from workstation.paths import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_MRZ = "OCRB"

_FONTS_READY = False
_LOCK = threading.Lock()


def register_fonts() -> None:
    """Register the bundled fonts with reportlab, once per process (``ReportError``
    when a font file is missing)."""
    global _FONTS_READY
    with _LOCK:
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
        for bold, italic, face in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT),
                                   (1, 1, FONT_BOLD)):
            addMapping(FONT, bold, italic, face)
        _FONTS_READY = True
