"""The report's barcode section: what each barcode on the document carries, and the
verification of each digital seal. Built from the ``barcodes`` element of the
examination's JSON (``workstation examine --json``), so the PDF shows exactly what the
attached ``examination.json`` holds."""

from __future__ import annotations

from typing import Any

from workstation.barcodes.describe import barcode_rows

FACES = {"front": "front", "back": "back"}


def barcodes_section(examination_json: dict[str, Any], styles: dict[str, Any],
                     width: float) -> list[Any]:
    """Report flowables: a heading and one table per barcode (none when no barcode was
    read)."""
    from reportlab.platypus import Paragraph, Spacer

    from workstation.reports.drawing import esc, kv_table

    faces = examination_json.get("barcodes") or []
    codes = [(f.get("face", "front"), c) for f in faces for c in f.get("codes", [])]
    if not codes:
        return []
    out: list[Any] = [Paragraph("Barcodes", styles["h2"])]
    label_w = 38 * 2.8346
    for face, code in codes:
        title, rows = barcode_rows(code)
        out.append(Paragraph(f"{esc(title)} ({esc(FACES.get(face, face))})", styles["small"]))
        out.append(kv_table([(k, esc(v).replace("\n", "<br/>")) for k, v in rows], styles,
                            [label_w, width - label_w]))
        out.append(Spacer(1, 4))
    return out
