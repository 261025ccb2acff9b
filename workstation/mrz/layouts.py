"""ICAO 9303 MRZ layouts as data (TD1, TD2, TD3, MRV-A, MRV-B and a few national ones).

Doc 9303 parts 4 (TD3), 5 (TD1), 6 (TD2) and 7 (MRV-A, MRV-B). Each layout lists
its fields (a span of one line and a position kind) and its check digits (the
spans they cover and where the digit stands). Position kinds: ``A`` letters
(names, codes), ``D`` date digits, ``C`` check digit, ``S`` sex, ``X``
alphanumeric (document number, optional data).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MRZ_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
DIGITS = frozenset("0123456789")
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

#: Characters each position kind allows.
ALLOWED = {
    "A": LETTERS | {"<"},
    "D": DIGITS | {"<"},
    "C": DIGITS | {"<"},
    "S": frozenset("MFX<"),
    "X": MRZ_CHARS,
}

Pos = tuple[int, int]
Span = tuple[int, int, int]  # line, start, end


@dataclass(frozen=True)
class Layout:
    name: str
    shape: tuple[int, ...]
    fields: tuple[tuple[str, Span, str], ...]
    checks: tuple[tuple[str, tuple[Span, ...], Pos], ...]


def _line2(opt_end: int, composite: bool, opt_check: bool) -> tuple[
        tuple[tuple[str, Span, str], ...], tuple[tuple[str, tuple[Span, ...], Pos], ...]]:
    fields: list[tuple[str, Span, str]] = [
        ("document_number", (1, 0, 9), "X"), ("document_number_check", (1, 9, 10), "C"),
        ("nationality", (1, 10, 13), "A"), ("birth_date", (1, 13, 19), "D"),
        ("birth_date_check", (1, 19, 20), "C"), ("sex", (1, 20, 21), "S"),
        ("expiry_date", (1, 21, 27), "D"), ("expiry_date_check", (1, 27, 28), "C"),
        ("optional_data", (1, 28, opt_end), "X"),
    ]
    checks: list[tuple[str, tuple[Span, ...], Pos]] = [
        ("document_number", ((1, 0, 9),), (1, 9)),
        ("birth_date", ((1, 13, 19),), (1, 19)),
        ("expiry_date", ((1, 21, 27),), (1, 27)),
    ]
    end = opt_end
    if opt_check:
        fields.append(("optional_data_check", (1, opt_end, opt_end + 1), "C"))
        checks.append(("optional_data", ((1, 28, opt_end),), (1, opt_end)))
        end += 1
    if composite:
        fields.append(("composite_check", (1, end, end + 1), "C"))
        checks.append(("composite", ((1, 0, 10), (1, 13, 20), (1, 21, end)), (1, end)))
    return tuple(fields), tuple(checks)


def _top(width: int) -> tuple[tuple[str, Span, str], ...]:
    return (("document_code", (0, 0, 2), "A"), ("issuing_state", (0, 2, 5), "A"),
            ("name", (0, 5, width), "A"))


_TD3_F, _TD3_C = _line2(42, composite=True, opt_check=True)
_TD2_F, _TD2_C = _line2(35, composite=True, opt_check=False)
_MRVA_F, _MRVA_C = _line2(44, composite=False, opt_check=False)
_MRVB_F, _MRVB_C = _line2(36, composite=False, opt_check=False)

LAYOUTS: dict[str, Layout] = {
    "TD3": Layout("TD3", (44, 44), _top(44) + _TD3_F, _TD3_C),
    "TD2": Layout("TD2", (36, 36), _top(36) + _TD2_F, _TD2_C),
    "MRVA": Layout("MRVA", (44, 44), _top(44) + _MRVA_F, _MRVA_C),
    "MRVB": Layout("MRVB", (36, 36), _top(36) + _MRVB_F, _MRVB_C),
    "TD1": Layout("TD1", (30, 30, 30), (
        ("document_code", (0, 0, 2), "A"), ("issuing_state", (0, 2, 5), "A"),
        ("document_number", (0, 5, 14), "X"), ("document_number_check", (0, 14, 15), "C"),
        ("optional_data", (0, 15, 30), "X"),
        ("birth_date", (1, 0, 6), "D"), ("birth_date_check", (1, 6, 7), "C"),
        ("sex", (1, 7, 8), "S"), ("expiry_date", (1, 8, 14), "D"),
        ("expiry_date_check", (1, 14, 15), "C"), ("nationality", (1, 15, 18), "A"),
        ("optional_data_2", (1, 18, 29), "X"), ("composite_check", (1, 29, 30), "C"),
        ("name", (2, 0, 30), "A"),
    ), (
        ("document_number", ((0, 5, 14),), (0, 14)),
        ("birth_date", ((1, 0, 6),), (1, 6)),
        ("expiry_date", ((1, 8, 14),), (1, 14)),
        ("composite", ((0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29)), (1, 29)),
    )),
}


#: National layouts that are not ICAO 9303 but print an OCR-B MRZ.
NATIONAL_LAYOUTS: dict[str, Layout] = {
    # French identity card 1988-2021: 2 x 36
    "FRENCH_NATIONAL_ID": Layout("FRENCH_NATIONAL_ID", (36, 36), (
        ("document_code", (0, 0, 2), "A"), ("issuing_state", (0, 2, 5), "A"),
        ("surname", (0, 5, 30), "A"), ("administrative_code", (0, 30, 36), "X"),
        ("issue_date", (1, 0, 4), "D"), ("administrative_code_2", (1, 4, 7), "X"),
        ("document_number", (1, 7, 12), "X"), ("document_number_check", (1, 12, 13), "C"),
        ("given_names", (1, 13, 27), "A"), ("birth_date", (1, 27, 33), "D"),
        ("birth_date_check", (1, 33, 34), "C"), ("sex", (1, 34, 35), "S"),
        ("composite_check", (1, 35, 36), "C"),
    ), (
        ("document_number", ((1, 0, 12),), (1, 12)),
        ("birth_date", ((1, 27, 33),), (1, 33)),
        ("composite", ((0, 0, 36), (1, 0, 35)), (1, 35)),
    )),
    # French driving licence (1 x 30)
    "FRENCH_DRIVING_LICENSE": Layout("FRENCH_DRIVING_LICENSE", (30,), (
        ("document_code", (0, 0, 2), "X"), ("issuing_state", (0, 2, 5), "A"),
        ("document_number", (0, 5, 14), "X"), ("document_number_check", (0, 14, 15), "C"),
        ("expiry_date", (0, 15, 21), "D"), ("surname", (0, 21, 29), "A"),
        ("composite_check", (0, 29, 30), "C"),
    ), (
        ("document_number", ((0, 0, 14),), (0, 14)),
        ("composite", ((0, 0, 29),), (0, 29)),
    )),
    # Swiss driving licence (9 + 30 + 30), no check digits
    "SWISS_DRIVING_LICENSE": Layout("SWISS_DRIVING_LICENSE", (9, 30, 30), (
        ("document_number", (0, 0, 7), "X"), ("filler_1", (0, 7, 9), "A"),
        ("document_code", (1, 0, 2), "A"), ("issuing_state", (1, 2, 5), "A"),
        ("pin_code", (1, 5, 14), "D"), ("version_number", (1, 14, 17), "D"),
        ("filler_2", (1, 17, 19), "A"), ("birth_date", (1, 19, 25), "D"),
        ("filler_3", (1, 25, 30), "A"), ("name", (2, 0, 30), "A"),
    ), ()),
}


def detect_national(lines: Sequence[str]) -> str | None:
    """A national (non-ICAO) layout the lines fit, or ``None``."""
    lengths = tuple(len(line) for line in lines)
    if lengths == (36, 36) and lines[0][1:5] == "DFRA":
        return "FRENCH_NATIONAL_ID"
    if lengths == (30,) and lines[0][2:5] == "FRA":
        return "FRENCH_DRIVING_LICENSE"
    if lengths == (9, 30, 30):
        return "SWISS_DRIVING_LICENSE"
    return None


def detect_format(lines: Sequence[str]) -> str | None:
    """The layout the line count and lengths (and the document code) indicate."""
    lengths = tuple(len(line) for line in lines)
    if lengths == (30, 30, 30):
        return "TD1"
    if lengths in ((36, 36), (44, 44)):
        visa = lines[0][:1] == "V"
        if lengths[0] == 36:
            return "MRVB" if visa else "TD2"
        return "MRVA" if visa else "TD3"
    return None


def field_at(layout: Layout, pos: Pos) -> str:
    """The name of the field of ``layout`` at ``(line, index)``, or ``""``."""
    for name, (line, a, b), _cls in layout.fields:
        if line == pos[0] and a <= pos[1] < b:
            return name
    return ""


def position_kinds(layout: Layout) -> dict[Pos, str]:
    """``(line, index)`` -> position kind (``A``, ``D``, ``C``, ``S``, ``X``)."""
    out: dict[Pos, str] = {}
    for _name, (line, a, b), cls in layout.fields:
        for i in range(a, b):
            out[(line, i)] = cls
    return out
