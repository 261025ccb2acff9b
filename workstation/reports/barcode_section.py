"""The report's barcode section: what each barcode on the document carries, and the
verification of each digital seal. Built from the ``barcodes`` element of the
examination's JSON (``workstation examine --json``), so the PDF shows exactly what the
attached ``examination.json`` holds."""

from __future__ import annotations

from typing import Any

from workstation.barcodes.describe import barcode_rows
from workstation.i18n import QT_TRANSLATE_NOOP

FACES = {"front": "front", "back": "back"}
#: The row labels, for the catalogues (context "barcode rows").
_ROW_LABELS = (
    QT_TRANSLATE_NOOP("barcode rows", "Bytes"),
    QT_TRANSLATE_NOOP("barcode rows", "Warning"),
    QT_TRANSLATE_NOOP("barcode rows", "Error"),
    QT_TRANSLATE_NOOP("barcode rows", "Signer"),
    QT_TRANSLATE_NOOP("barcode rows", "Issued / signed"),
    QT_TRANSLATE_NOOP("barcode rows", "Seal verification"),
    QT_TRANSLATE_NOOP("barcode rows", "Trust anchor"),
    QT_TRANSLATE_NOOP("barcode rows", "Revocation"),
    QT_TRANSLATE_NOOP("barcode rows", "Content"),
    QT_TRANSLATE_NOOP("barcode rows", "Family name"),
    QT_TRANSLATE_NOOP("barcode rows", "First name"),
    QT_TRANSLATE_NOOP("barcode rows", "Middle names"),
    QT_TRANSLATE_NOOP("barcode rows", "Customer number"),
    QT_TRANSLATE_NOOP("barcode rows", "Date of birth"),
    QT_TRANSLATE_NOOP("barcode rows", "Sex"),
    QT_TRANSLATE_NOOP("barcode rows", "Issued"),
    QT_TRANSLATE_NOOP("barcode rows", "Expires"),
    QT_TRANSLATE_NOOP("barcode rows", "City"),
    QT_TRANSLATE_NOOP("barcode rows", "Postal code"),
)


def barcodes_section(examination_json: dict[str, Any], styles: dict[str, Any],
                     width: float, words: Any = None) -> list[Any]:
    """Report flowables: a heading and one table per barcode (none when no barcode was
    read)."""
    from reportlab.platypus import Paragraph, Spacer

    from workstation.i18n import Term, Words
    from workstation.reports.drawing import esc, kv_table

    w = words or Words("en")
    faces = examination_json.get("barcodes") or []
    codes = [(f.get("face", "front"), c) for f in faces for c in f.get("codes", [])]
    if not codes:
        return []
    out: list[Any] = [Paragraph(w.translate("reports", "Barcodes"), styles["h2"])]
    label_w = (38 if w.language == "en" else 46) * 2.8346
    for face, code in codes:
        title, rows = barcode_rows(code)
        side = w.render(Term(FACES.get(face, face), "fields"))
        out.append(Paragraph(f"{esc(w.render(title))} ({esc(side)})", styles["small"]))
        out.append(kv_table([(w.translate("barcode rows", k),
                              esc(w.render(v)).replace("\n", "<br/>"))
                             for k, v in rows], styles,
                            [label_w, width - label_w]))
        out.append(Spacer(1, 4))
    return out
