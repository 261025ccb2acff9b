"""The report's barcode section: what each barcode on the document carries, and the
verification of each digital seal. Built from the ``barcodes`` element of the
examination's JSON (``workstation examine --json``), so the PDF shows exactly what the
attached ``examination.json`` holds."""

from __future__ import annotations

from typing import Any

#: AAMVA fields shown, in order, with their labels.
AAMVA_ROWS = (("family_name", "Family name"), ("first_name", "First name"),
              ("middle_names", "Middle names"), ("document_number", "Customer number"),
              ("birth_date", "Date of birth"), ("sex", "Sex"), ("issue_date", "Issued"),
              ("expiry_date", "Expires"), ("city", "City"), ("postal_code_display", "Postal code"))
FACES = {"front": "front", "back": "back"}


def barcode_rows(code: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """``(title, rows)`` describing one decoded barcode (an element of ``codes``)."""
    fmt = str(code.get("format", "barcode"))
    rows: list[tuple[str, str]] = [("Bytes", str(len(str(code.get("bytes_hex", ""))) // 2))]
    aamva = code.get("aamva")
    seal = code.get("seal")
    if isinstance(aamva, dict) and "error" not in aamva:
        h = aamva.get("header", {})
        title = (f"{fmt}: AAMVA {aamva.get('document_type', '')} data, "
                 f"{aamva.get('jurisdiction_name') or 'issuer ' + str(h.get('iin', '?'))}, "
                 f"version {h.get('aamva_version', '?')}")
        fields = aamva.get("fields", {})
        rows += [(label, str(fields[key])) for key, label in AAMVA_ROWS if key in fields]
        rows += [("Warning", str(w)) for w in aamva.get("warnings", [])]
    elif isinstance(aamva, dict):
        title = f"{fmt}: unreadable AAMVA data"
        rows.append(("Error", str(aamva["error"])))
    elif isinstance(seal, dict):
        v = seal.get("verification") or {}
        if "error" in seal:
            title = f"{fmt}: malformed digital seal"
            rows.append(("Error", str(seal["error"])))
        else:
            h = seal.get("header", {})
            title = (f"{fmt}: digital seal, {seal.get('document_type') or 'unknown type'}, "
                     f"issued by {h.get('issuing_country', '?')}")
            rows += [("Signer", f"{h.get('signer_identifier', '?')} / certificate "
                                f"{h.get('certificate_reference', '?')}"),
                     ("Issued / signed", f"{h.get('issue_date')} / {h.get('signature_date')}")]
            for f in seal.get("features", []):
                rows.append((str(f.get("name", "")).replace("_", " "), str(f.get("value"))))
        if v:
            rows.append(("Seal verification", f"{str(v.get('verdict', '')).upper()} — "
                                              f"{v.get('message', '')}"))
            if v.get("anchor"):
                rows.append(("Trust anchor", f"{v['anchor']} ({v.get('anchor_source', '')})"))
            if v.get("revocation"):
                rows.append(("Revocation", {"good": "not revoked (current CRL)",
                                            "stale": "not listed, but the CRL has expired",
                                            "unknown": "no CRL of the CA",
                                            "revoked": "REVOKED"}.get(v["revocation"],
                                                                      str(v["revocation"]))))
    else:
        title = f"{fmt}: {code.get('content_type', 'content')}"
        text = str(code.get("text", ""))
        rows.append(("Content", text[:300] + ("…" if len(text) > 300 else "")))
    return title, rows


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
