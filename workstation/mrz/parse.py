"""Parse, validate and repair ICAO 9303 MRZ text (TD1, TD2, TD3, MRV-A, MRV-B).

Layouts from Doc 9303 parts 4 (TD3), 5 (TD1), 6 (TD2) and 7 (MRV-A, MRV-B).
Repair works in two steps, both listed in :attr:`MrzResult.corrections`:

1. *By field type*: a digit in a letters-only position (names, codes, sex) or a
   letter in a digits-only position (dates, check digits) is replaced by its
   usual OCR look-alike (``0``/``O``, ``1``/``I``, ``8``/``B``, ``5``/``S``,
   ``2``/``Z``, ``6``/``G`` ...), or, for recognised text, by the recogniser's
   best candidate of the right kind.
2. *Confirmed by check digits*: where a check fails, single (then double)
   look-alike substitutions in the positions it covers are tried; a repair is
   kept only when exactly one candidate makes the check verify. For recognised
   text only characters the recogniser was unsure of are candidates, so a
   printed MRZ that is itself inconsistent stays invalid.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from workstation.mrz.checkdigit import check_digit
from workstation.mrz.countries import is_known_code, normalise_code
from workstation.mrz.result import MrzResult

MRZ_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
DIGITS = frozenset("0123456789")
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

#: Letter read where a digit must be -> the digit it usually is.
LETTER_TO_DIGIT = {"O": "0", "D": "0", "Q": "0", "U": "0", "I": "1", "L": "1", "J": "1",
                   "Z": "2", "S": "5", "B": "8", "G": "6", "T": "7", "A": "4", "E": "3"}
#: Digit read where a letter must be -> the letter it usually is.
DIGIT_TO_LETTER = {"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B", "6": "G", "7": "T",
                   "4": "A"}
#: Look-alikes tried in alphanumeric positions when a check digit fails.
CONFUSABLE: dict[str, str] = {}
for _a, _b in [("0", "O"), ("0", "D"), ("0", "Q"), ("1", "I"), ("8", "B"), ("5", "S"),
               ("2", "Z"), ("6", "G"), ("7", "T"), ("4", "A"), ("<", "K")]:
    CONFUSABLE[_a] = CONFUSABLE.get(_a, "") + _b
    CONFUSABLE[_b] = CONFUSABLE.get(_b, "") + _a

# Position classes: A letters (names, codes), D date digits, C check digit,
# S sex, X alphanumeric (document number, optional data).
_ALLOWED = {
    "A": LETTERS | {"<"},
    "D": DIGITS | {"<"},
    "C": DIGITS | {"<"},
    "S": frozenset("MFX<"),
    "X": MRZ_CHARS,
}

Pos = tuple[int, int]
Span = tuple[int, int, int]  # line, start, end


@dataclass(frozen=True)
class _Layout:
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

LAYOUTS: dict[str, _Layout] = {
    "TD3": _Layout("TD3", (44, 44), _top(44) + _TD3_F, _TD3_C),
    "TD2": _Layout("TD2", (36, 36), _top(36) + _TD2_F, _TD2_C),
    "MRVA": _Layout("MRVA", (44, 44), _top(44) + _MRVA_F, _MRVA_C),
    "MRVB": _Layout("MRVB", (36, 36), _top(36) + _MRVB_F, _MRVB_C),
    "TD1": _Layout("TD1", (30, 30, 30), (
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
NATIONAL_LAYOUTS: dict[str, _Layout] = {
    # French identity card 1988-2021: 2 x 36
    "FRENCH_NATIONAL_ID": _Layout("FRENCH_NATIONAL_ID", (36, 36), (
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
    "FRENCH_DRIVING_LICENSE": _Layout("FRENCH_DRIVING_LICENSE", (30,), (
        ("document_code", (0, 0, 2), "X"), ("issuing_state", (0, 2, 5), "A"),
        ("document_number", (0, 5, 14), "X"), ("document_number_check", (0, 14, 15), "C"),
        ("expiry_date", (0, 15, 21), "D"), ("surname", (0, 21, 29), "A"),
        ("composite_check", (0, 29, 30), "C"),
    ), (
        ("document_number", ((0, 0, 14),), (0, 14)),
        ("composite", ((0, 0, 29),), (0, 29)),
    )),
    # Swiss driving licence (9 + 30 + 30), no check digits
    "SWISS_DRIVING_LICENSE": _Layout("SWISS_DRIVING_LICENSE", (9, 30, 30), (
        ("document_number", (0, 0, 7), "X"), ("filler_1", (0, 7, 9), "A"),
        ("document_code", (1, 0, 2), "A"), ("issuing_state", (1, 2, 5), "A"),
        ("pin_code", (1, 5, 14), "D"), ("version_number", (1, 14, 17), "D"),
        ("filler_2", (1, 17, 19), "A"), ("birth_date", (1, 19, 25), "D"),
        ("filler_3", (1, 25, 30), "A"), ("name", (2, 0, 30), "A"),
    ), ()),
}


def _verified(lines: list[str], layout: _Layout, repair: bool) -> int:
    """How many of ``layout``'s check digits verify (after repair by field type)."""
    if repair:
        text = _Text(lines, None, None)
        _type_repair(text, layout)
        lines = text.lines()
    count = 0
    for _name, spans, (dl, di) in layout.checks:
        data = "".join(lines[ln][a:b] for ln, a, b in spans)
        if all(c in MRZ_CHARS for c in data) and check_digit(data) == lines[dl][di]:
            count += 1
    return count


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
# repair


class _Text:
    """Mutable lines with per-position confidence and recogniser alternatives."""

    def __init__(self, lines: list[str], conf: list[list[float]] | None,
                 alts: list[list[str]] | None,
                 probs: list[list[list[float]]] | None = None) -> None:
        self.chars = [list(line) for line in lines]
        self.conf = conf
        self.alts = alts
        self.probs = probs
        self.corrections: list[dict[str, object]] = []

    def cost(self, pos: Pos, ch: str) -> float:
        """-log of how much less likely ``ch`` is than the character read (1.0 per
        substitution when the recogniser's probabilities are not known)."""
        line, i = pos
        if self.probs is None or self.alts is None or self.conf is None:
            return 1.0
        k = self.alts[line][i].find(ch)
        if k < 0 or k >= len(self.probs[line][i]):
            return 12.0
        return math.log(max(self.conf[line][i], 1e-6) / max(self.probs[line][i][k], 1e-6))

    def get(self, span: Span) -> str:
        line, a, b = span
        return "".join(self.chars[line][a:b])

    def set(self, pos: Pos, ch: str, field: str, reason: str) -> None:
        line, i = pos
        old = self.chars[line][i]
        if old == ch:
            return
        self.chars[line][i] = ch
        self.corrections.append({"line": line, "position": i, "from": old, "to": ch,
                                 "field": field, "reason": reason})

    def lines(self) -> list[str]:
        return ["".join(c) for c in self.chars]

    def candidates(self, pos: Pos, allowed: frozenset[str]) -> str:
        """Substitutes worth trying at ``pos`` (best first)."""
        line, i = pos
        ch = self.chars[line][i]
        if self.alts is None:
            return "".join(c for c in CONFUSABLE.get(ch, "") if c in allowed)
        conf = self.conf[line][i] if self.conf is not None else 1.0
        if conf >= 0.995:
            return ""
        return "".join(c for c in self.alts[line][i] if c != ch and c in allowed)


def _type_repair(text: _Text, layout: _Layout) -> None:
    for name, (line, a, b), cls in layout.fields:
        allowed = _ALLOWED[cls]
        segment = text.get((line, a, b))
        if cls == "A" and name in ("issuing_state", "nationality") and segment.strip("<") \
                and all(c in DIGITS for c in segment.strip("<")):
            continue  # a numeric code is a national quirk, not a misread
        for i in range(a, b):
            ch = text.chars[line][i]
            if ch in allowed:
                continue
            repl = ""
            if text.alts is not None:
                repl = next((c for c in text.alts[line][i] if c in allowed), "")
            if not repl:
                if cls in ("D", "C"):
                    repl = LETTER_TO_DIGIT.get(ch, "")
                elif cls == "A":
                    repl = DIGIT_TO_LETTER.get(ch, "")
            if repl:
                kind = {"A": "letters-only", "D": "digits-only", "C": "check digit",
                        "S": "sex", "X": "alphanumeric"}[cls]
                text.set((line, i), repl, name, f"{kind} position")


_DOC_CODE_FIRST = {"TD1": "IAC", "TD2": "IAC", "TD3": "P", "MRVA": "V", "MRVB": "V"}


def _code_repair(text: _Text, layout: _Layout, known_states: Collection[str]) -> None:
    """For recognised text: an unknown country code, or a document code whose
    first letter the format does not allow, is replaced when exactly one of the
    recogniser's alternatives (one character changed) gives a valid one."""
    if text.alts is None:
        return
    for name, (line, a, b), _cls in layout.fields:
        if name == "document_code" and layout.name in _DOC_CODE_FIRST:
            allowed = _DOC_CODE_FIRST[layout.name]
            ch = text.chars[line][a]
            if ch not in allowed:
                repl = next((c for c in text.alts[line][a] if c in allowed), "")
                if repl:
                    text.set((line, a), repl, name, f"{layout.name} document code")
        if name not in ("issuing_state", "nationality"):
            continue
        code = text.get((line, a, b))
        if is_known_code(code, known_states) or any(c not in MRZ_CHARS for c in code):
            continue
        found: list[tuple[int, int, str]] = []
        for i in range(a, b):
            for rank, c in enumerate(text.alts[line][i]):
                if c == text.chars[line][i] or c not in _ALLOWED["A"]:
                    continue
                cand = code[:i - a] + c + code[i - a + 1:]
                if is_known_code(cand, known_states):
                    found.append((rank, i, c))
        if found:
            found.sort()
            if len(found) == 1 or found[0][0] < found[1][0]:
                _rank, i, c = found[0]
                text.set((line, i), c, name, "known country code")


def _classes(layout: _Layout) -> dict[Pos, str]:
    out: dict[Pos, str] = {}
    for _name, (line, a, b), cls in layout.fields:
        for i in range(a, b):
            out[(line, i)] = cls
    return out


def _field_at(layout: _Layout, pos: Pos) -> str:
    for name, (line, a, b), _cls in layout.fields:
        if line == pos[0] and a <= pos[1] < b:
            return name
    return ""


def _check_ok(text: _Text, spans: tuple[Span, ...], digit_pos: Pos, name: str) -> bool:
    data = "".join(text.get(s) for s in spans)
    digit = text.chars[digit_pos[0]][digit_pos[1]]
    if any(c not in MRZ_CHARS for c in data):
        return False
    if digit == "<" and set(data) <= {"<"}:
        return name == "optional_data"  # an empty optional field may have a filler digit
    return check_digit(data) == digit


_VALUE = {c: (ord(c) - 48 if c.isdigit() else ord(c) - 55 if c.isalpha() else 0)
          for c in MRZ_CHARS}
_MAX_OPTIONS = 14
#: A check-digit-confirmed repair of recognised text: each substitute at least
#: 1/100 as likely as the character read, and the repair at least e^1.5 (4.5)
#: times as likely as the next one that also verifies.
_MAX_REPAIR_COST = 4.6
_REPAIR_MARGIN = 1.5


def _check_repair(text: _Text, layout: _Layout, skip: set[str]) -> None:
    classes = _classes(layout)
    for name, spans, digit_pos in layout.checks:
        if name in skip or _check_ok(text, spans, digit_pos, name):
            continue
        positions: list[Pos] = []
        for line, a, b in spans:
            positions.extend((line, i) for i in range(a, b))
        weight = {pos: (7, 3, 1)[k % 3] for k, pos in enumerate(positions)}
        if any(text.chars[ln][i] not in MRZ_CHARS for ln, i in positions):
            continue
        if text.alts is not None:
            positions.append(digit_pos)
        elif name == "composite":
            # for given text, only the data no other check digit protects
            covered = {p for n, sp, dp in layout.checks if n != "composite"
                       for (ln, a, b) in sp for p in [(ln, i) for i in range(a, b)] + [dp]}
            positions = [p for p in positions if p not in covered]
        options: list[tuple[Pos, str]] = []
        for pos in positions:
            cls = classes.get(pos, "X")
            if text.alts is None and cls != "X":
                continue
            for cand in text.candidates(pos, _ALLOWED[cls]):
                options.append((pos, cand))
        if text.conf is not None and len(options) > _MAX_OPTIONS:
            options.sort(key=lambda o: text.conf[o[0][0]][o[0][1]])  # type: ignore[index]
            options = options[:_MAX_OPTIONS]
        total = sum(_VALUE[text.chars[ln][i]] * w for (ln, i), w in weight.items())
        digit = text.chars[digit_pos[0]][digit_pos[1]]

        def verifies(combo: tuple[tuple[Pos, str], ...], total: int = total,
                     digit: str = digit, digit_pos: Pos = digit_pos,
                     weight: dict[Pos, int] = weight) -> bool:
            t = total
            d = digit
            for pos, cand in combo:
                if pos == digit_pos:
                    d = cand
                else:
                    t += (_VALUE[cand] - _VALUE[text.chars[pos[0]][pos[1]]]) * weight[pos]
            return d.isdigit() and t % 10 == int(d)

        solutions: list[tuple[tuple[Pos, str], ...]] = []
        for size in (1, 2):
            for combo in itertools.combinations(options, size):
                if size == 2 and combo[0][0] == combo[1][0]:
                    continue
                if verifies(combo):
                    solutions.append(combo)
                    if text.probs is None and len(solutions) > 1:
                        break
            if solutions:
                break
        chosen: tuple[tuple[Pos, str], ...] | None = None
        if text.probs is None:
            if len(solutions) == 1:
                chosen = solutions[0]
        elif solutions:
            # the most likely repair, if plausible and clearly the most likely
            def total_cost(combo: tuple[tuple[Pos, str], ...]) -> float:
                return sum(text.cost(p, ch) for p, ch in combo)

            ranked = sorted(solutions, key=total_cost)
            best = total_cost(ranked[0])
            second = total_cost(ranked[1]) if len(ranked) > 1 else math.inf
            if best <= _MAX_REPAIR_COST * len(ranked[0]) and second - best >= _REPAIR_MARGIN:
                chosen = ranked[0]
        if chosen is not None:
            for pos, cand in chosen:
                text.set(pos, cand, _field_at(layout, pos) or name,
                         f"confirmed by the {name.replace('_', ' ')} check digit")


# ---------------------------------------------------------------------------
# the parser


def parse_mrz(lines: Sequence[str], *, known_states: Collection[str] = (),
              repair: bool = True, confidences: Sequence[Sequence[float]] | None = None,
              alternatives: Sequence[Sequence[str]] | None = None,
              alternative_probs: Sequence[Sequence[Sequence[float]]] | None = None,
              today: dt.date | None = None) -> MrzResult:
    """Parse and validate MRZ text, repairing OCR confusions by field type.

    Args:
        lines: the MRZ lines (spaces and surrounding blanks are removed,
            lower case is raised).
        known_states: issuing-state codes known beyond ICAO's (e.g. from the
            specimen library); unknown codes give a warning, never invalidity.
        repair: apply the two repair steps (see the module docstring).
        confidences: per line and character, the recogniser's confidence;
            absent for given text (taken as 1.0).
        alternatives: per line and character, the recogniser's candidate
            characters best first (a string per position); when given, only
            these are tried in repairs.
        alternative_probs: the probabilities of those candidates; when given,
            a check-digit-confirmed repair is the most likely one that verifies
            (each substitute at least 1/100 as likely as the character read,
            and clearly more likely than any other repair that verifies).
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
    if national == "FRENCH_NATIONAL_ID" and _verified(clean, LAYOUTS["TD2"], repair) >= \
            _verified(clean, NATIONAL_LAYOUTS[national], repair):
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
    text = _Text(clean, conf, alts, probs)
    long_docnum = _long_number_span(text, fmt)
    if repair:
        _type_repair(text, layout)
        _code_repair(text, layout, known_states)
        # Given text that needed no type repair is taken as printed: a wrong
        # check digit there is a finding, not a misread to repair.
        if alts is not None or text.corrections:
            _check_repair(text, layout, skip={"document_number"} if long_docnum else set())
    lines_out = text.lines()
    fields, checks = _fields_and_checks(lines_out, fmt, warnings, known_states, today)
    bad = sorted({c for line in lines_out for c in line if c not in MRZ_CHARS})
    if bad:
        _warn(warnings, "invalid_character",
              f"characters outside the MRZ set: {' '.join(repr(c) for c in bad)}")
    valid = all(checks.values()) and not bad
    return MrzResult(found=True, format=fmt, lines=lines_out, valid=valid, fields=fields,
                     check_digits=checks, confidences=conf, corrections=text.corrections,
                     warnings=warnings)


def _long_number_span(text: _Text, fmt: str) -> bool:
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
    text = _Text(clean, conf, alts)
    if repair:
        _type_repair(text, layout)
        if alts is not None or text.corrections:
            _check_repair(text, layout, skip=set())
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
        if any(c not in _ALLOWED[cls] for c in raw):
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
