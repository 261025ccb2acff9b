"""What a decoded barcode says, in words: a title and ``(label, value)`` rows for each
code of ``workstation barcode --json`` (AAMVA fields, a seal's features and its
verification, other content). One description for the window's barcode panel and the
signed report's barcode section, so both name the same things the same way."""

from __future__ import annotations

from typing import Any

#: AAMVA fields shown, in order, with their labels.
AAMVA_ROWS = (("family_name", "Family name"), ("first_name", "First name"),
              ("middle_names", "Middle names"), ("document_number", "Customer number"),
              ("birth_date", "Date of birth"), ("sex", "Sex"), ("issue_date", "Issued"),
              ("expiry_date", "Expires"), ("city", "City"), ("postal_code_display", "Postal code"))


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
                rows.append((feature_name(str(f.get("name", ""))), str(f.get("value"))))
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


#: A seal's feature names as people read them (others: the name with its first letter
#: capitalised).
FEATURE_NAMES = {"mrz": "MRZ", "mrz_a": "MRZ (visa type A)", "mrz_b": "MRZ (visa type B)"}


def feature_name(name: str) -> str:
    """A seal feature's name in words: ``issue_date`` -> ``Issue date``, ``mrz`` -> ``MRZ``."""
    return FEATURE_NAMES.get(name, name.replace("_", " ").capitalize())
