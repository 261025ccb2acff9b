"""Interpretation of single AAMVA data element values: dates, names, height, weight,
colours, postal codes. Each function takes the value as printed (already stripped
of separators) and returns ``None`` for an empty or "NONE"-like value; none of them
raises on odd input."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workstation.barcodes.aamva_tables import COLOUR_ALIASES

#: Values jurisdictions print for "no value".
EMPTY_VALUES = frozenset({"", "NONE", "UNAVL", "UNAVAIL", "UNK", "UNKNOWN", "N/A"})


def text(value: str | None) -> str | None:
    """The value, or ``None`` when it is empty or says "none"."""
    if value is None:
        return None
    value = value.strip().rstrip(",").strip()
    return None if value.upper() in EMPTY_VALUES else value


def parse_date(value: str | None, *, year_first: bool) -> dt.date | None:
    """An 8-digit AAMVA date: ``MMDDCCYY`` (US, versions 02+) or ``CCYYMMDD`` (Canada and
    version 01). ``year_first`` is what the version and country say; a value only valid
    the other way (cards do not always follow their version) is read the other way.
    ``None`` for an empty, zero or invalid date."""
    if value is None:
        return None
    digits = value.strip()
    if not re.fullmatch(r"\d{8}", digits) or digits == "00000000":
        return None

    def ymd() -> dt.date | None:
        try:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            return None

    def mdy() -> dt.date | None:
        try:
            return dt.date(int(digits[4:]), int(digits[:2]), int(digits[2:4]))
        except ValueError:
            return None

    first, second = (ymd, mdy) if year_first else (mdy, ymd)
    found = first()
    if found is None or not 1850 <= found.year <= 2200:
        other = second()
        if other is not None and 1850 <= other.year <= 2200:
            return other
    return found


@dataclass(frozen=True)
class Name:
    """A holder's name split into its parts (``None`` where absent)."""

    family: str | None = None
    first: str | None = None
    middle: str | None = None
    suffix: str | None = None


def split_full_name(value: str) -> Name:
    """The 2000-standard full name (``DAA``): ``FAMILY,FIRST,MIDDLE[,SUFFIX]`` with
    commas (or ``$``), else ``FIRST MIDDLE... FAMILY`` with spaces."""
    value = value.strip()
    if "," in value or "$" in value:
        parts = [p.strip() for p in re.split(r"[,$]", value)]
        family = text(parts[0]) if parts else None
        first = text(parts[1]) if len(parts) > 1 else None
        middle = text(parts[2]) if len(parts) > 2 else None
        suffix = text(parts[3]) if len(parts) > 3 else None
        if first is not None and middle is None and len(parts) == 2 and " " in first:
            # "FAMILY,FIRST MIDDLE"
            first, middle = first.split(" ", 1)
        return Name(family=family, first=first, middle=middle, suffix=suffix)
    words = value.split()
    if not words:
        return Name()
    if len(words) == 1:
        return Name(family=words[0])
    return Name(family=words[-1], first=words[0],
                middle=" ".join(words[1:-1]) or None)


def split_given_names(value: str) -> tuple[str | None, str | None]:
    """The 2003/2005 given names (``DCT``): first name, then middle names, separated by
    a comma, ``$`` or a space."""
    parts = [p for p in re.split(r"[,$ ]+", value.strip()) if p]
    if not parts:
        return None, None
    return text(parts[0]), (text(" ".join(parts[1:])) if len(parts) > 1 else None)


def truncation(value: str | None) -> bool | None:
    """``T`` truncated, ``N`` not truncated, ``U``/other unknown (``None``)."""
    if value is None:
        return None
    v = value.strip().upper()
    return True if v == "T" else False if v == "N" else None


def sex(value: str | None) -> str | None:
    """``M``, ``F`` or ``X`` (not specified) from ``1``/``2``/``9`` or letters."""
    if value is None:
        return None
    v = value.strip().upper()[:1]
    return {"1": "M", "M": "M", "2": "F", "F": "F", "9": "X", "X": "X"}.get(v)


def colour(value: str | None, table: dict[str, str]) -> str | None:
    """A standard colour code of ``table`` from the printed value (aliases allowed)."""
    v = text(value)
    if v is None:
        return None
    v = v.upper()
    v = COLOUR_ALIASES.get(v, v)
    return v if v in table else None


@dataclass(frozen=True)
class Height:
    """A height as printed: ``inches`` or ``cm`` (whichever the card states)."""

    inches: int | None = None
    cm: int | None = None

    @property
    def total_inches(self) -> int:
        """The height in whole inches."""
        if self.inches is not None:
            return self.inches
        return round((self.cm or 0) / 2.54)

    @property
    def total_cm(self) -> int:
        """The height in whole centimetres."""
        if self.cm is not None:
            return self.cm
        return round((self.inches or 0) * 2.54)


def height(value: str | None, *, feet_inches: bool) -> Height | None:
    """``DAU``: ``NNN IN`` or ``NNN CM`` (2003+), or ``FII`` feet and inches (2000,
    ``feet_inches``); also ``5'06"``."""
    v = text(value)
    if v is None:
        return None
    v = v.upper()
    if m := re.fullmatch(r"(\d)\s*'\s*(\d{1,2})\s*\"?", v):
        return Height(inches=int(m.group(1)) * 12 + int(m.group(2)))
    m = re.fullmatch(r"(\d{1,3})\s*(IN|CM)?", v)
    if m is None:
        return None
    number, unit = int(m.group(1)), m.group(2)
    if unit == "CM":
        return Height(cm=number)
    if unit is None and feet_inches and len(m.group(1)) == 3:
        return Height(inches=int(m.group(1)[0]) * 12 + int(m.group(1)[1:]))
    return Height(inches=number)


@dataclass(frozen=True)
class Weight:
    """A weight as printed: exact pounds or kilograms, and/or a range code (0-9)."""

    pounds: int | None = None
    kilograms: int | None = None
    range_code: int | None = None


def weight(pounds: str | None, kilograms: str | None, range_code: str | None) -> Weight | None:
    """From ``DAW`` (pounds; some cards print ``NN KG``), ``DAX`` (kg) and ``DCE`` (range)."""
    lb = kg = rng = None
    if (v := text(pounds)) is not None and (
            m := re.fullmatch(r"(\d{1,3})\s*(LBS?|KG)?", v.upper())):
        if m.group(2) == "KG":
            kg = int(m.group(1))
        else:
            lb = int(m.group(1))
    if (v := text(kilograms)) is not None and (m := re.fullmatch(r"(\d{1,3})\s*(KG)?", v.upper())):
        kg = int(m.group(1))
    if (v := text(range_code)) is not None and re.fullmatch(r"\d", v):
        rng = int(v)
    if lb is None and kg is None and rng is None:
        return None
    return Weight(pounds=lb, kilograms=kg, range_code=rng)


def postal_code(value: str | None, country: str) -> str | None:
    """The postal code as printed, without padding: letters and digits up to the first
    run of two or more spaces; for the USA, a ZIP+4 of ``0000`` (padding for "no ZIP+4")
    is dropped."""
    if value is None:
        return None
    head = re.split(r"\s{2,}", value.strip(), maxsplit=1)[0]
    code = re.sub(r"[^A-Za-z0-9]", "", head).upper()
    if not code:
        return None
    if country == "USA" and len(code) >= 9 and code[:9].isdigit() and code[5:9] == "0000":
        code = code[:5] + code[9:]
    return code


def postal_code_display(code: str | None, country: str) -> str | None:
    """``NNNNN-NNNN`` for a 9-digit US code, ``A1A 1A1`` for a Canadian one."""
    if code is None:
        return None
    if country == "USA" and len(code) == 9 and code.isdigit():
        return f"{code[:5]}-{code[5:]}"
    if country == "CAN" and len(code) == 6:
        return f"{code[:3]} {code[3:]}"
    return code


def flag(value: str | None, *, true_values: tuple[str, ...] = ("1",)) -> bool | None:
    """An indicator: ``True`` for one of ``true_values``, ``False`` for anything else
    printed, ``None`` when the element is absent."""
    if value is None:
        return None
    return value.strip().upper() in true_values
