"""Parse and validate ICAO 9303 MRZ text (TD1, TD2, TD3, MRV-A, MRV-B).

The layouts are data (:mod:`workstation.mrz.layouts`); repairs of misread
characters follow :mod:`workstation.mrz.repair` (never a printed MRZ into
validity) and are listed in :attr:`MrzResult.corrections`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from workstation.mrz.checkdigit import check_digit
from workstation.mrz.countries import is_known_code, normalise_code
from workstation.mrz.layouts import (
    ALLOWED,
    LAYOUTS,
    MRZ_CHARS,
    NATIONAL_LAYOUTS,
    Layout,
    detect_format,
    detect_national,
)
from workstation.mrz.repair import (
    Reading,
    check_repair,
    code_repair,
    lines_verified,
    type_repair,
)
from workstation.mrz.result import MrzResult


def _warn(warnings: list[dict[str, str]], name: str, message: str) -> None:
    if all(w["name"] != name or w["message"] != message for w in warnings):
        warnings.append({"name": name, "message": message})


# ---------------------------------------------------------------------------
# dates and names


def _date(text: str, kind: str, today: dt.date) -> dt.date | None:
    if len(text) != 6 or not text.isdigit():
        return None
    yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
    if kind == "birth":
        years = [2000 + yy, 1900 + yy]
        for year in years:
            try:
                d = dt.date(year, mm, dd)
            except ValueError:
                return None
            if d <= today:
                return d
        return None
    # expiry: the century that puts it within 50 years of today
    year = 2000 + yy if 2000 + yy < today.year + 50 else 1900 + yy
    try:
        return dt.date(year, mm, dd)
    except ValueError:
        return None


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


_TITLES = {"DR", "MR", "MRS", "MS", "MISS", "PROF", "SIR", "JR", "SR", "II", "III", "IV"}


def split_name(field: str) -> tuple[str, str]:
    """``(primary, secondary)`` identifiers of a name field, spaces for fillers."""
    primary, sep, secondary = field.partition("<<")
    clean = lambda s: " ".join(part for part in s.split("<") if part)  # noqa: E731
    return clean(primary), clean(secondary) if sep else ""


# ---------------------------------------------------------------------------
# the parser


def parse_mrz(lines: Sequence[str], *, known_states: Collection[str] = (),
              repair: bool = True, confidences: Sequence[Sequence[float]] | None = None,
              alternatives: Sequence[Sequence[str]] | None = None,
              alternative_probs: Sequence[Sequence[Sequence[float]]] | None = None,
              glyph_height_px: float | None = None,
              today: dt.date | None = None) -> MrzResult:
    """Parse and validate MRZ text, repairing OCR confusions by field type.

    Args:
        lines: the MRZ lines (spaces and surrounding blanks are removed,
            lower case is raised).
        known_states: issuing-state codes known beyond ICAO's (e.g. from the
            specimen library); unknown codes give a warning, never invalidity.
        repair: apply the repairs of :mod:`workstation.mrz.repair`.
        confidences: per line and character, the recogniser's confidence;
            absent for given text (taken as 1.0).
        alternatives: per line and character, the recogniser's candidate
            characters best first (a string per position); when given, only
            these are tried in repairs.
        alternative_probs: the probabilities of those candidates; when given,
            only readings close to the character read (``CLOSE_RATIO``) of
            glyphs read without confidence (``CONFIDENT``) are repair
            candidates, and a check-digit-confirmed repair is the most likely
            one that verifies, if clearly ahead of the next.
        glyph_height_px: the characters' height in the image (pixels), when
            read from one: glyphs at least ``AMBIGUOUS_BELOW_PX`` tall are never
            changed for a check digit or a code list.
        today: the date that decides centuries and expiry (default: today).

    Returns:
        An :class:`MrzResult` (``found`` true; ``format`` ``None`` with a
        ``unrecognised_format`` warning when the lines fit no layout).
    """
    today = today or dt.date.today()
    clean = ["".join(line.split()).upper() for line in lines if line.strip()]
    warnings: list[dict[str, str]] = []
    conf = [list(map(float, c)) for c in confidences] if confidences is not None else None
    alts = [list(a) for a in alternatives] if alternatives is not None else None
    probs = ([[list(map(float, p)) for p in row] for row in alternative_probs]
             if alternative_probs is not None and alts is not None else None)
    if conf is None or len(conf) != len(clean) or any(
            len(c) != len(line) for c, line in zip(conf, clean, strict=False)):
        conf = [[1.0] * len(line) for line in clean]
    if alts is not None and (len(alts) != len(clean) or any(
            len(a) != len(line) for a, line in zip(alts, clean, strict=False))):
        alts = None
        probs = None
    national = detect_national(clean)
    if national == "FRENCH_NATIONAL_ID" and lines_verified(clean, LAYOUTS["TD2"], repair) >= \
            lines_verified(clean, NATIONAL_LAYOUTS[national], repair):
        national = None  # a TD2 document of France: the check digits decide
    if national is not None:
        return _parse_national(clean, national, conf, alts, repair, known_states, today)
    fmt = detect_format(clean)
    if fmt is None:
        shape = ", ".join(str(len(x)) for x in clean) or "none"
        _warn(warnings, "unrecognised_format",
              f"{len(clean)} line(s) of {shape} characters fit no ICAO 9303 layout "
              "(TD1 3x30, TD2/MRV-B 2x36, TD3/MRV-A 2x44)")
        return MrzResult(found=bool(clean), format=None, lines=clean, valid=False,
                         confidences=conf, warnings=warnings)
    layout = LAYOUTS[fmt]
    text = Reading(clean, conf, alts, probs, glyph_height_px)
    long_docnum = _long_number_span(text, fmt)
    if repair:
        type_repair(text, layout)
        code_repair(text, layout, known_states)
        # Given text that needed no type repair is taken as printed: a wrong
        # check digit there is a finding, not a misread to repair.
        if alts is not None or text.corrections:
            check_repair(text, layout, skip={"document_number"} if long_docnum else set())
    lines_out = text.lines()
    fields, checks = _fields_and_checks(lines_out, fmt, warnings, known_states, today)
    _kind_warnings(lines_out, layout, warnings)
    bad = sorted({c for line in lines_out for c in line if c not in MRZ_CHARS})
    if bad:
        _warn(warnings, "invalid_character",
              f"characters outside the MRZ set: {' '.join(repr(c) for c in bad)}")
    valid = all(checks.values()) and not bad
    return MrzResult(found=True, format=fmt, lines=lines_out, valid=valid, fields=fields,
                     check_digits=checks, confidences=conf, corrections=text.corrections,
                     warnings=warnings, lines_read=clean if alts is not None else [])


def _kind_warnings(lines: list[str], layout: Layout, warnings: list[dict[str, str]]) -> None:
    """A warning for each field holding a character its kind does not allow (kept
    as printed: read with confidence, or given so)."""
    for name, (ln, a, b), cls in layout.fields:
        odd = [f"{lines[ln][i]!r} at line {ln + 1} position {i + 1}" for i in range(a, b)
               if lines[ln][i] in MRZ_CHARS and lines[ln][i] not in ALLOWED[cls]]
        if odd and not (name in ("issuing_state", "nationality")
                        and lines[ln][a:b].strip("<").isdigit()):
            _warn(warnings, "unexpected_character",
                  f"{name.replace('_', ' ')} holds {', '.join(odd)}, which its position "
                  "does not allow (kept as printed)")


def _long_number_span(text: Reading, fmt: str) -> bool:
    if fmt == "TD1":
        return text.chars[0][14] == "<"
    if fmt == "TD2":
        return text.chars[1][9] == "<"
    return False


def _fields_and_checks(lines: list[str], fmt: str, warnings: list[dict[str, str]],
                       known_states: Collection[str], today: dt.date
                       ) -> tuple[dict[str, str], dict[str, bool]]:
    layout = LAYOUTS[fmt]
    raw = {name: lines[ln][a:b] for name, (ln, a, b), _cls in layout.fields}
    checks: dict[str, bool] = {}
    long_number = fmt in ("TD1", "TD2") and raw["document_number_check"] == "<"
    for name, spans, (dl, di) in layout.checks:
        if name == "document_number" and long_number:
            continue
        data = "".join(lines[ln][a:b] for ln, a, b in spans)
        digit = lines[dl][di]
        if any(c not in MRZ_CHARS for c in data):
            checks[name] = False
        elif digit == "<" and set(data) <= {"<"} and name == "optional_data":
            checks[name] = True
            _warn(warnings, "filler_check_digit",
                  f"the {name.replace('_', ' ')} check digit is '<' over an empty field "
                  "(allowed for an empty optional field)")
        else:
            checks[name] = check_digit(data) == digit
            if digit == "<" and not checks[name]:
                _warn(warnings, "filler_check_digit_nonempty",
                      f"the {name.replace('_', ' ')} check digit is '<' but the field "
                      "is not empty")

    fields: dict[str, str] = {}
    fields["document_code"] = raw["document_code"].replace("<", "")
    fields["issuing_state"] = normalise_code(raw["issuing_state"])
    primary, secondary = split_name(raw["name"])
    fields["surname"] = primary
    fields["given_names"] = secondary

    number = raw["document_number"]
    optional = raw["optional_data"]
    # long document numbers (TD1 and TD2): the check-digit position holds '<'
    # and the number continues in the optional data, ending with its check digit
    if long_number:
        ext = optional.split("<")[0]
        if len(ext) >= 2:
            full = number + ext[:-1]
            ok = check_digit(full) == ext[-1] if set(full) <= set(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<") else False
            if not ok and set(number + ext) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<") \
                    and check_digit(number + "<" + ext[:-1]) == ext[-1]:
                ok = True
                _warn(warnings, "long_document_number_filler_included",
                      "the long document number's check digit is computed over the "
                      "number with its filler included (a national deviation from Doc 9303)")
            checks["document_number"] = ok
            number = full
            optional = optional[len(ext):]
            _warn(warnings, "long_document_number",
                  f"document number longer than 9 characters ({len(full)}), continued "
                  "in the optional data")
        else:
            checks["document_number"] = False
            _warn(warnings, "long_document_number_empty",
                  "the document number check digit is '<' (a long number follows) but "
                  "the optional data holds no continuation")
    fields["document_number"] = number.rstrip("<")
    fields["nationality"] = normalise_code(raw["nationality"])

    for key, kind in (("birth_date", "birth"), ("expiry_date", "expiry")):
        value = raw[key]
        date = _date(value, kind, today)
        fields[key] = date.isoformat() if date else value
        if date is None:
            _warn(warnings, f"{key}_not_a_date",
                  f"{key.replace('_', ' ')} {value!r} is not a valid YYMMDD date")
        elif kind == "expiry":
            if date < today:
                _warn(warnings, "document_expired", f"the document expired on {date}")
            elif date > _add_years(today, 10):
                _warn(warnings, "expiry_beyond_10_years",
                      f"expiry date {date} is more than 10 years ahead")
    sex = raw["sex"]
    fields["sex"] = "X" if sex == "<" else sex
    fields["optional_data"] = optional.strip("<")
    if fmt == "TD1":
        fields["optional_data_2"] = raw["optional_data_2"].strip("<")
    order = ("document_code", "issuing_state", "surname", "given_names", "document_number",
             "nationality", "birth_date", "sex", "expiry_date", "optional_data",
             "optional_data_2")  # as in formats.md §4
    fields = {k: fields[k] for k in order if k in fields}

    for key in ("issuing_state", "nationality"):
        code = fields[key]
        if not is_known_code(code, known_states):
            _warn(warnings, f"unknown_{key}",
                  f"{key.replace('_', ' ')} {raw[key]!r} is not an ICAO or known code")
    if fmt in ("TD1", "TD2") and fields["document_code"][:1] not in ("I", "A", "C"):
        _warn(warnings, "unusual_document_code",
              f"document code {raw['document_code']!r} is not I, A or C for {fmt}")
    if fmt == "TD3" and fields["document_code"][:1] != "P":
        _warn(warnings, "unusual_document_code",
              f"document code {raw['document_code']!r} is not P for TD3")

    name = raw["name"]
    if "<<" not in name.rstrip("<") and name.strip("<"):
        _warn(warnings, "single_identifier",
              "the name has only a primary identifier (no '<<' separator)")
    if name[-1:] != "<":
        _warn(warnings, "name_possibly_truncated",
              "the name fills its field to the last position and may be truncated")
    tokens = set((primary + " " + secondary).split())
    if tokens & _TITLES:
        _warn(warnings, "name_title",
              "the name contains a title or suffix (" + ", ".join(sorted(tokens & _TITLES))
              + ") that Doc 9303 recommends to omit")
    return fields, checks


def _parse_national(clean: list[str], fmt: str, conf: list[list[float]],
                    alts: list[list[str]] | None, repair: bool,
                    known_states: Collection[str], today: dt.date) -> MrzResult:
    """A national layout: the same repairs, its own fields; ``valid`` also needs
    every character to fit its position's kind (there may be no check digit)."""
    layout = NATIONAL_LAYOUTS[fmt]
    text = Reading(clean, conf, alts)
    if repair:
        type_repair(text, layout)
        if alts is not None or text.corrections:
            check_repair(text, layout, skip=set())
    lines = text.lines()
    warnings: list[dict[str, str]] = []
    _warn(warnings, "national_format",
          f"{fmt.replace('_', ' ').lower()}: a national layout, not ICAO Doc 9303")
    checks: dict[str, bool] = {}
    for name, spans, (dl, di) in layout.checks:
        data = "".join(lines[ln][a:b] for ln, a, b in spans)
        digit = lines[dl][di]
        checks[name] = all(c in MRZ_CHARS for c in data) and check_digit(data) == digit
    fields: dict[str, str] = {}
    fits = True
    for name, (ln, a, b), cls in layout.fields:
        raw = lines[ln][a:b]
        if any(c not in ALLOWED[cls] for c in raw):
            fits = False
            _warn(warnings, "invalid_character",
                  f"{name.replace('_', ' ')} {raw!r} has characters its position does not allow")
        if name.endswith("_check") or name.startswith("filler"):
            continue
        if name == "name":
            fields["surname"], fields["given_names"] = split_name(raw)
        elif name in ("surname", "given_names"):
            fields[name] = " ".join(p for p in raw.split("<") if p)
        elif name in ("birth_date", "expiry_date"):
            date = _date(raw, "birth" if name == "birth_date" else "expiry", today)
            fields[name] = date.isoformat() if date else raw
        elif name == "sex":
            fields[name] = "X" if raw == "<" else raw
        else:
            fields[name] = raw.strip("<")
    if "issuing_state" in fields and not is_known_code(fields["issuing_state"], known_states):
        _warn(warnings, "unknown_issuing_state",
              f"issuing state {fields['issuing_state']!r} is not an ICAO or known code")
    valid = fits and all(checks.values())
    return MrzResult(found=True, format=fmt, lines=lines, valid=valid, fields=fields,
                     check_digits=checks, confidences=conf, corrections=text.corrections,
                     warnings=warnings)
