"""A printed field of the visual zone against the same field of the MRZ.

:func:`compare_field` says ``agree``, ``disagree`` or ``unreadable`` — the
last when the printed text does not read as a value of the field at all (no
date in a date field, no state in a nationality field): that is never a
mismatch, only a field the examiner must look at.

* names — :func:`~workstation.mrz.viz.translit.name_distance` over every
  transliteration (Cyrillic and Latin forms side by side are each compared);
  the MRZ may truncate;
* dates — :func:`~workstation.mrz.viz.dates.read_printed_date`, day, month and
  the year's last two digits;
* nationality and issuing state — :func:`~workstation.mrz.viz.states.read_states`:
  code, name or adjective of the MRZ's code;
* sex — ``M``/``F``/``X`` and their printed forms (``Ж``, ``М``, ``ЭР``, ``ЭМ``,
  男, 女, ``MALE``...);
* document number and other codes — letters and digits exactly, after undoing
  ``O``/``0``-style confusions.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Literal

from workstation.mrz.countries import normalise_code
from workstation.mrz.viz.dates import date_shaped, read_printed_date
from workstation.mrz.viz.states import read_states
from workstation.mrz.viz.translit import fold, name_distance

Status = Literal["agree", "disagree", "unreadable"]

NAME_FIELDS = ("surname", "given_names")
DATE_FIELDS = ("birth_date", "expiry_date", "issue_date")
STATE_FIELDS = ("nationality", "issuing_state")


@dataclass(frozen=True)
class Comparison:
    """The outcome for one field: ``status``, ``distance`` (0 = identical, 1 = nothing
    in common; for names the share of letters that differ), ``reason`` in plain
    words, and ``printed_as``: how the printed text was understood."""

    status: Status
    distance: float
    reason: str
    printed_as: str = ""

    @property
    def agrees(self) -> bool:
        return self.status == "agree"


#: Printed sex -> MRZ sex. Cyrillic М and Latin M look alike; Ж(енский), ЭМ(эгтэй)
#: female; М(ужской), ЭР(эгтэй), ЕР (Kazakh) male; Lithuanian MOT/VYR. A lone Э
#: begins both Mongolian words and is not read.
#: A lone V (Dutch vrouw, Lithuanian vyras) or N means different things in
#: different states: only its bilingual partner (V/F, N/F) is read.
_SEX = {"M": "M", "F": "F", "X": "X", "<": "X", "MALE": "M", "FEMALE": "F", "H": "M",
        "W": "F", "MOT": "F", "VYR": "M", "Ж": "F", "ЖЕН": "F", "ЖЕНСКИЙ": "F", "М": "M",
        "МУЖ": "M", "МУЖСКОЙ": "M", "ЭР": "M", "ЭРЭГТЭЙ": "M", "ЭМ": "F", "ЭМЭГТЭЙ": "F",
        "ЕР": "M", "ӘЙЕЛ": "F", "男": "M", "女": "F", "MASCULIN": "M", "FEMININ": "F",
        "MASCULINO": "M", "FEMENINO": "F"}
#: Letters read in place of digits and digits in place of letters, folded the same way
#: in both values of a document number.
_CONFUSABLE = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2",
                             "S": "5", "B": "8", "G": "6"})


def _parts(printed: str) -> list[str]:
    return [p for p in re.split(r"\s*[/|\n]\s*", printed.strip()) if p.strip()]


def _garbled(part: str) -> bool:
    """Whether a name was misread as another script: symbols among its letters, or
    in one word Latin and Cyrillic letters, a capital after a small letter, or more
    than one digit (RapidOCR reads МӨНХЗУЛ as "MeHx3yn")."""
    if any(not (c.isalnum() or c in " -'.,‐’") for c in part):
        return True
    for word in part.split():
        if any("\u0400" <= c <= "\u04ff" for c in word) and any(
                "A" <= c.upper() <= "Z" for c in word):
            return True
        if any(a.islower() and b.isupper() for a, b in itertools.pairwise(word)):
            return True
        if sum(c.isdigit() for c in word) > 1:
            return True
    return False


def compare_name(printed: str, mrz_value: str, *, truncated: bool = False,
                 max_distance: float = 0.34) -> Comparison:
    """A printed name (any script, possibly two forms ``ИВАНОВ/IVANOV``) against its
    MRZ form; ``max_distance``: share of the MRZ letters that may differ (misreads)."""
    target = "".join(c for c in mrz_value.upper() if c.isalpha())
    parts = [p for p in _parts(printed) if any(c.isalpha() for c in p) and not _garbled(p)]
    if not parts:
        return Comparison("unreadable", 1.0, f"printed {printed!r} holds no name read cleanly")
    if not target:
        return Comparison("disagree", 1.0, f"printed {printed!r}, the MRZ has no name")
    worst = 0.0
    for part in parts:
        d = name_distance(part, target, truncated=truncated) / max(1, len(target))
        worst = max(worst, min(1.0, d))
    shown = " / ".join(fold(p) for p in parts)
    if worst <= max_distance:
        return Comparison("agree", worst, "", shown)
    return Comparison("disagree", worst, f"printed {printed!r} (read as {shown}), "
                                         f"MRZ {mrz_value!r}", shown)


def compare_date(printed: str, mrz_iso: str) -> Comparison:
    """A printed date against the MRZ's (ISO ``YYYY-MM-DD``)."""
    try:
        mdate = dt.date.fromisoformat(mrz_iso)
    except ValueError:
        return Comparison("unreadable", 1.0, f"the MRZ date {mrz_iso!r} is not a date")
    readings = read_printed_date(printed)
    if not readings:
        if date_shaped(printed):
            # read cleanly as day, month and year, but no such date exists: the
            # print cannot be the MRZ's date
            return Comparison("disagree", 1.0, f"printed {printed!r} is no valid date, MRZ "
                                               f"{mdate.isoformat()}", printed)
        return Comparison("unreadable", 1.0, f"printed {printed!r} is not a date")
    for r in readings:
        if r.matches(mdate):
            return Comparison("agree", 0.0, "", f"{r.day:02d}.{r.month:02d}.{r.year}")
    r = readings[0]
    return Comparison("disagree", 1.0,
                      f"printed {printed!r} (day {r.day}, month {r.month}, year {r.year}), "
                      f"MRZ {mdate.isoformat()}", f"{r.day:02d}.{r.month:02d}.{r.year}")


def compare_state(printed: str, mrz_code: str) -> Comparison:
    """A printed nationality or issuing state (code, name or adjective) against the
    MRZ's code. A form that names the MRZ's state agrees; one that names only
    other states disagrees — a code printed beside a name (``UTOPIAN / UTO``)
    is compared as it is, known or not; forms that name no state are unreadable."""
    code = normalise_code(mrz_code)
    printed_codes = [fold(p) for p in _parts(printed) if re.fullmatch(r"[A-Z]{1,3}", fold(p))]
    readings = [r for r in read_states(printed) if fold(r.text) not in printed_codes]
    named = [r for r in readings if r.codes]
    if not named and not printed_codes:
        return Comparison("unreadable", 1.0, f"printed {printed!r} names no known state")
    agreeing = [r for r in named if code in r.codes] + [c for c in printed_codes if c == code]
    others = [r.text for r in named if code not in r.codes and r.exact] + [
        c for c in printed_codes if c != code]
    shown = " / ".join([f"{r.text} = {'|'.join(sorted(r.codes))}" for r in named]
                       + printed_codes)
    if agreeing and not others:
        exact = all(r.exact for r in named if code in r.codes)
        return Comparison("agree", 0.0 if exact else 0.1, "", shown)
    if others or not agreeing:
        return Comparison("disagree", 1.0, f"printed {printed!r} ({shown}), MRZ {code!r}",
                          shown)
    return Comparison("unreadable", 1.0, f"printed {printed!r} is ambiguous ({shown})", shown)


def read_sex(printed: str) -> str | None:
    """``M``, ``F`` or ``X`` from a printed sex field (``None`` when it is none)."""
    found: set[str] = set()
    for part in _parts(printed.upper()):
        for word in re.findall(r"[A-Z<]+|[\u0400-\u04ff]+|[男女]", part):
            if word in _SEX:
                found.add(_SEX[word])
    return found.pop() if len(found) == 1 else None


def compare_sex(printed: str, mrz_value: str) -> Comparison:
    """A printed sex against the MRZ's ``M``/``F``/``X`` (``<`` is ``X``)."""
    want = "X" if mrz_value in ("", "<") else mrz_value
    got = read_sex(printed)
    if got is None:
        return Comparison("unreadable", 1.0, f"printed {printed!r} is not a sex")
    if got == want:
        return Comparison("agree", 0.0, "", got)
    return Comparison("disagree", 1.0, f"printed {printed!r} ({got}), MRZ {want!r}", got)


def _thin_glyph_dropped(printed: str, mrz: str) -> bool:
    """Whether ``printed`` is ``mrz`` without its first or last character, a thin one."""
    if len(mrz) != len(printed) + 1:
        return False
    return (mrz[0] in "I1" and mrz[1:] == printed) or (mrz[-1] in "I1" and mrz[:-1] == printed)


def compare_code(printed: str, mrz_value: str) -> Comparison:
    """A document number (or another code) letter for letter, after undoing the
    recogniser's ``O``/``0``-style confusions in both; a thin first or last
    glyph (``I``, ``1``) the recogniser dropped at a crop's edge is forgiven."""
    p = "".join(c for c in fold(printed) if c.isalnum()).translate(_CONFUSABLE)
    m = "".join(c for c in mrz_value.upper() if c.isalnum()).translate(_CONFUSABLE)
    if not p:
        return Comparison("unreadable", 1.0, f"printed {printed!r} holds no characters")
    if p == m or _thin_glyph_dropped(p, m):
        return Comparison("agree", 0.0, "", p)
    return Comparison("disagree", 1.0, f"printed {printed!r}, MRZ {mrz_value!r}", p)


def compare_field(name: str, printed: str, mrz_value: str, *, truncated: bool = False,
                  max_name_distance: float = 0.34) -> Comparison:
    """The printed field ``name`` (a formats.md ``field:<name>``) against the MRZ's value."""
    if name in NAME_FIELDS:
        return compare_name(printed, mrz_value, truncated=truncated,
                            max_distance=max_name_distance)
    if name in DATE_FIELDS:
        return compare_date(printed, mrz_value)
    if name in STATE_FIELDS:
        return compare_state(printed, mrz_value)
    if name == "sex":
        return compare_sex(printed, mrz_value)
    return compare_code(printed, mrz_value)
