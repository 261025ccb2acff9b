"""What a decoded barcode says, in words: a title and ``(label, value)`` rows for each
code of ``workstation barcode --json`` (AAMVA fields, a seal's features and its
verification, other content). One description for the window's barcode panel and the
signed report's barcode section, so both name the same things the same way.

The title and the values that are words (not data read from the code) are messages
(:class:`~workstation.i18n.Said`, context ``barcodes``): English text as they stand,
rendered in the examiner's language by :func:`workstation.i18n.render`."""

from __future__ import annotations

from typing import Any

from workstation.barcodes.seal import message_from_json
from workstation.i18n import QT_TRANSLATE_NOOP, Said, msg

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
    title: str
    if isinstance(aamva, dict) and "error" not in aamva:
        h = aamva.get("header", {})
        kind, version = aamva.get("document_type", ""), h.get("aamva_version", "?")
        jurisdiction = aamva.get("jurisdiction_name")
        title = _said(QT_TRANSLATE_NOOP(
            "barcodes", "{format}: AAMVA {kind} data, {jurisdiction}, version {version}"),
            format=fmt, kind=kind, jurisdiction=jurisdiction, version=version) \
            if jurisdiction else _said(QT_TRANSLATE_NOOP(
                "barcodes", "{format}: AAMVA {kind} data, issuer {iin}, version {version}"),
                format=fmt, kind=kind, iin=str(h.get("iin", "?")), version=version)
        fields = aamva.get("fields", {})
        rows += [(label, str(fields[key])) for key, label in AAMVA_ROWS if key in fields]
        rows += [("Warning", str(w)) for w in aamva.get("warnings", [])]
    elif isinstance(aamva, dict):
        title = _said(QT_TRANSLATE_NOOP("barcodes", "{format}: unreadable AAMVA data"),
                      format=fmt)
        rows.append(("Error", str(aamva["error"])))
    elif isinstance(seal, dict):
        v = seal.get("verification") or {}
        if "error" in seal:
            title = _said(QT_TRANSLATE_NOOP("barcodes", "{format}: malformed digital seal"),
                          format=fmt)
            rows.append(("Error", str(seal["error"])))
        else:
            h = seal.get("header", {})
            title = _said(QT_TRANSLATE_NOOP(
                "barcodes", "{format}: digital seal, {kind}, issued by {country}"),
                format=fmt, kind=seal.get("document_type") or _said(QT_TRANSLATE_NOOP(
                    "barcodes", "unknown type")), country=h.get("issuing_country", "?"))
            rows += [("Signer", _said(QT_TRANSLATE_NOOP(
                "barcodes", "{signer} / certificate {reference}"),
                signer=h.get("signer_identifier", "?"),
                reference=h.get("certificate_reference", "?"))),
                     ("Issued / signed", f"{h.get('issue_date')} / {h.get('signature_date')}")]
            for f in seal.get("features", []):
                rows.append((feature_name(str(f.get("name", ""))), str(f.get("value"))))
        if v:
            verdict = str(v.get("verdict", ""))
            rows.append(("Seal verification", _said(
                QT_TRANSLATE_NOOP("barcodes", "{verdict} — {message}"),
                verdict=SEAL_VERDICTS.get(verdict, verdict.upper()),
                message=message_from_json(v))))
            if v.get("anchor"):
                # the certificate's subject and where the trust store has it from: data
                rows.append(("Trust anchor", f"{v['anchor']} ({v.get('anchor_source', '')})"))
            if v.get("revocation"):
                rows.append(("Revocation", REVOCATION.get(v["revocation"],
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


def _said(source: str, /, **params: Any) -> Said:
    return Said(msg("barcodes", source, **params))


#: A seal verification's verdict in words.
SEAL_VERDICTS = {"pass": _said(QT_TRANSLATE_NOOP("barcodes", "PASS")),
                 "fail": _said(QT_TRANSLATE_NOOP("barcodes", "FAIL")),
                 "warn": _said(QT_TRANSLATE_NOOP("barcodes", "WARN"))}

#: A seal signer's revocation status in words.
REVOCATION = {"good": _said(QT_TRANSLATE_NOOP("barcodes", "not revoked (current CRL)")),
              "stale": _said(QT_TRANSLATE_NOOP("barcodes",
                                               "not listed, but the CRL has expired")),
              "unknown": _said(QT_TRANSLATE_NOOP("barcodes", "no CRL of the CA")),
              "revoked": _said(QT_TRANSLATE_NOOP("barcodes", "REVOKED"))}
