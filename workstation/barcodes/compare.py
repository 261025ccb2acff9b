"""What a barcode says about the holder and the document, set against the MRZ.

:func:`identity_of` reads the holder's data out of a barcode in the MRZ's conventions
(upper-case names in A-Z, ISO dates, ``M``/``F``/``X``): from AAMVA card data, or
from the MRZ a digital seal carries. :func:`compare_with_mrz` compares it field by
field with the MRZ read from the page, by exact rules (the MRZ may truncate a long
name; dates compare day, month and the year's last two digits, since the MRZ
prints only those). Printed fields of the visual zone are compared by the
examination with its own printed-field rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from workstation.barcodes.read import BarcodeReading
from workstation.i18n import QT_TRANSLATE_NOOP, Msg, msg

#: The fields an identity may carry, in the order they are compared.
FIELDS = ("document_number", "surname", "given_names", "birth_date", "expiry_date", "sex",
          "nationality", "issue_date")


@dataclass(frozen=True)
class BarcodeIdentity:
    """The holder's and document's data a barcode carries (``None``: not carried).

    ``source`` is ``aamva`` or ``seal``; ``mrz_lines`` the MRZ a seal carries.
    """

    source: str
    document_number: str | None = None
    surname: str | None = None
    given_names: str | None = None
    birth_date: str | None = None
    expiry_date: str | None = None
    sex: str | None = None
    nationality: str | None = None
    issue_date: str | None = None
    mrz_lines: tuple[str, ...] = ()

    def fields(self) -> dict[str, str]:
        """The fields present, by name."""
        return {f: v for f in FIELDS if (v := getattr(self, f)) is not None}


@dataclass(frozen=True)
class FieldComparison:
    """One field of a barcode against the same field elsewhere on the document."""

    field: str
    barcode: str
    other: str
    against: str
    agree: bool
    why: str = ""
    #: ``why`` as a message to render in the examiner's language (not in the JSON).
    why_text: Any = dc_field(default=None, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"field": self.field, "barcode": self.barcode, "other": self.other,
                "against": self.against, "agree": self.agree, "why": self.why}


def mrz_name(value: str) -> str:
    """A name in MRZ characters, words separated by single spaces: accents dropped,
    letters other than A-Z (hyphens, apostrophes...) read as word breaks (apostrophes
    vanish)."""
    ascii_value = (unicodedata.normalize("NFKD", value).encode("ascii", "ignore")
                   .decode("ascii").upper().replace("'", ""))
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", ascii_value).split())


def identity_of(reading: BarcodeReading) -> BarcodeIdentity | None:
    """The identity ``reading`` carries (``None`` for a barcode that carries none)."""
    if reading.aamva is not None:
        f = reading.aamva.fields
        given = " ".join(p for p in (f.first_name, f.middle_names) if p) or None

        def iso(d: Any) -> str | None:
            return d.isoformat() if d is not None else None

        return BarcodeIdentity(
            source="aamva", document_number=f.document_number,
            surname=mrz_name(f.family_name) if f.family_name else None,
            given_names=mrz_name(given) if given else None,
            birth_date=iso(f.birth_date), expiry_date=iso(f.expiry_date), sex=f.sex,
            issue_date=iso(f.issue_date))
    if reading.seal is not None:
        seal = reading.seal
        lines = seal.mrz_lines
        issue = seal.feature("issue_date")
        issue_iso = issue.value.isoformat() if issue is not None and hasattr(
            issue.value, "isoformat") else None
        if not lines:
            number = seal.feature("passport_number") or seal.feature("document_number")
            return BarcodeIdentity(source="seal", issue_date=issue_iso,
                                   document_number=str(number.value) if number else None)
        from workstation.mrz import parse_mrz

        parsed = parse_mrz(lines, repair=False)
        g = parsed.fields
        sex = g.get("sex") or None
        return BarcodeIdentity(
            source="seal", document_number=g.get("document_number") or None,
            surname=mrz_name(g.get("surname", "")) or None,
            given_names=mrz_name(g.get("given_names", "")) or None,
            birth_date=g.get("birth_date") or None, expiry_date=g.get("expiry_date") or None,
            sex="X" if sex in ("<", "X") else sex, nationality=g.get("nationality") or None,
            issue_date=issue_iso, mrz_lines=tuple(lines))
    return None


def _same_date(a: str, b: str) -> bool:
    """Day, month and the year's last two digits (the MRZ prints two-digit years)."""
    return len(a) == len(b) == 10 and a[5:] == b[5:] and a[2:4] == b[2:4]


def _name_line_full(mrz_lines: Sequence[str]) -> bool:
    """Whether the MRZ's name field runs to the end of its line (it may be truncated)."""
    if not mrz_lines:
        return True
    name_line = mrz_lines[2] if len(mrz_lines) == 3 else mrz_lines[0]
    return not name_line.endswith("<")


def compare_with_mrz(ident: BarcodeIdentity, mrz_fields: Mapping[str, str],
                     mrz_lines: Sequence[str] = ()) -> list[FieldComparison]:
    """``ident``'s fields against the page's MRZ fields (those both carry)."""
    out: list[FieldComparison] = []
    if ident.mrz_lines and mrz_lines:
        same = [a == b for a, b in zip(ident.mrz_lines, mrz_lines, strict=False)]
        agree = len(ident.mrz_lines) == len(mrz_lines) and all(same)
        why: Msg | None = None
        if not agree:
            line = next((i for i, ok in enumerate(same) if not ok), len(same))
            why = (msg("checks", QT_TRANSLATE_NOOP("checks", "line {line} differs"),
                       line=line + 1) if line < len(same)
                   else msg("checks", QT_TRANSLATE_NOOP("checks", "{lines} lines against {other}"),
                            lines=len(ident.mrz_lines), other=len(mrz_lines)))
        out.append(FieldComparison("mrz", "\n".join(ident.mrz_lines), "\n".join(mrz_lines),
                                   "mrz", agree, why.english() if why else "", why))
    for name, value in ident.fields().items():
        other = mrz_fields.get(name)
        if other is None or other == "" or name == "issue_date":
            continue
        other_s = str(other)
        if name in ("birth_date", "expiry_date"):
            agree = _same_date(value, other_s)
        elif name in ("surname", "given_names"):
            mrz_value = mrz_name(other_s.replace("<", " "))
            agree = value == mrz_value or (
                bool(mrz_value) and _name_line_full(mrz_lines)
                and value.replace(" ", "").startswith(mrz_value.replace(" ", "")))
        elif name == "sex":
            agree = value == ({"<": "X", "": "X"}.get(other_s, other_s))
        else:
            agree = value.replace("<", "").upper() == other_s.replace("<", "").upper()
        why = None if agree else msg(
            "checks", QT_TRANSLATE_NOOP("checks", "barcode {value!r}, MRZ {other!r}"),
            value=value, other=other_s)
        out.append(FieldComparison(name, value, other_s, "mrz", agree,
                                   why.english() if why else "", why))
    return out
