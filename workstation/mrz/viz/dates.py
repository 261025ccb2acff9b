"""Dates as data pages print them.

Day, month and year in any order a data page uses — day-month-year (ICAO's
``12 AUG 1974``, ``12.08.1974``, ``12 08 1974``, ``12/08/74``, ``12081974``),
year-month-day (``1974-08-12``, ``1974年08月12日``, Mongolian ``1974 оны 08
сарын 12``) — with any separator or none; month names and abbreviations in
English, French, Spanish, German, Russian (nominative and genitive) and
Mongolian, bilingual forms (``12 AUG/AOÛT 74``), two-digit years, and the
recogniser's usual digit confusions (``O``/``0``, ``I``/``1``, ``S``/``5``...)
inside numbers. A page never prints month-first dates in this set, so
``08/12/1974`` is the 8th of December.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("JAN", "JANUARY", "JANV", "JANVIER", "ENE", "ENERO", "JANUAR", "ЯНВ", "ЯНВАРЬ",
        "ЯНВАРЯ", "НЭГДҮГЭЭР"),
    2: ("FEB", "FEBRUARY", "FEV", "FEVR", "FEVRIER", "FEBRERO", "FEBRUAR", "ФЕВ", "ФЕВР",
        "ФЕВРАЛЬ", "ФЕВРАЛЯ", "ХОЁРДУГААР"),
    3: ("MAR", "MARCH", "MARS", "MARZO", "MAR", "MARZ", "MRZ", "МАР", "МАРТ", "МАРТА",
        "ГУРАВДУГААР"),
    4: ("APR", "APRIL", "AVR", "AVRIL", "ABR", "ABRIL", "АПР", "АПРЕЛЬ", "АПРЕЛЯ",
        "ДӨРӨВДҮГЭЭР"),
    5: ("MAY", "MAI", "MAYO", "МАЙ", "МАЯ", "ТАВДУГААР"),
    6: ("JUN", "JUNE", "JUIN", "JUNIO", "JUNI", "ИЮН", "ИЮНЬ", "ИЮНЯ", "ЗУРГААДУГААР"),
    7: ("JUL", "JULY", "JUIL", "JUILLET", "JULIO", "JULI", "ИЮЛ", "ИЮЛЬ", "ИЮЛЯ",
        "ДОЛООДУГААР"),
    8: ("AUG", "AUGUST", "AOU", "AOUT", "AGO", "AGOSTO", "АВГ", "АВГУСТ", "АВГУСТА",
        "НАЙМДУГААР"),
    9: ("SEP", "SEPT", "SEPTEMBER", "SEPTEMBRE", "SEPTIEMBRE", "SETIEMBRE", "СЕН", "СЕНТ",
        "СЕНТЯБРЬ", "СЕНТЯБРЯ", "ЕСДҮГЭЭР"),
    10: ("OCT", "OCTOBER", "OCTOBRE", "OCTUBRE", "OKT", "OKTOBER", "ОКТ", "ОКТЯБРЬ",
         "ОКТЯБРЯ", "АРАВДУГААР"),
    11: ("NOV", "NOVEMBER", "NOVEMBRE", "NOVIEMBRE", "НОЯ", "НОЯБ", "НОЯБРЬ", "НОЯБРЯ",
         "АРВАННЭГДҮГЭЭР"),
    12: ("DEC", "DECEMBER", "DECEMBRE", "DIC", "DICIEMBRE", "DEZ", "DEZEMBER", "ДЕК",
         "ДЕКАБРЬ", "ДЕКАБРЯ", "АРВАНХОЁРДУГААР"),
}
MONTHS: dict[str, int] = {w: m for m, words in _MONTH_WORDS.items() for w in words}

#: Letters a recogniser reads in place of digits, inside a number.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1",
                                   "|": "1", "Z": "2", "S": "5", "B": "8", "G": "6",
                                   "О": "0", "З": "3", "Б": "6"})
#: Words that only say what follows (Mongolian "оны", "сарын", "сар", Chinese 年月日
#: and Korean/Japanese equivalents are separators).
_FILLER_WORDS = {"ОНЫ", "САРЫН", "САР", "ӨДӨР", "Г", "ГОДА", "ДУГААР", "ДҮГЭЭР", "Р"}


@dataclass(frozen=True)
class PrintedDate:
    """One way to read a printed date: day, month, year (``year_digits`` 2 or 4)."""

    day: int
    month: int
    year: int
    year_digits: int

    def matches(self, date: dt.date) -> bool:
        """Same day and month, and the same year (its last two digits: an MRZ has no
        century, and a two-digit printed year none either)."""
        return (self.day, self.month, self.year % 100) == (date.day, date.month,
                                                          date.year % 100)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.upper())
    kept: list[str] = []
    for c in decomposed:
        if unicodedata.combining(c):
            # keep the Cyrillic letters whole (Й, Ё), drop Latin accents (AOÛT -> AOUT)
            if kept and "\u0400" <= kept[-1] <= "\u04ff":
                kept[-1] = unicodedata.normalize("NFC", kept[-1] + c)
            continue
        kept.append(c)
    return "".join(kept)


_TOKEN = re.compile(r"[0-9A-Z|]+|[\u0400-\u04ff]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(text))


def _as_number(token: str) -> str | None:
    """A token as digits, undoing letter look-alikes when it is mostly digits."""
    if token.isdigit():
        return token
    mapped = token.translate(_DIGIT_LOOKALIKES)
    if mapped.isdigit() and sum(c.isdigit() for c in token) * 2 >= len(token):
        return mapped
    return None


#: Latin letters a recogniser reads for Cyrillic ones (СЕН read as CEH).
_AS_CYRILLIC = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")


def _month_of(token: str) -> int | None:
    month = _month_word(token)
    if month is None:
        month = _month_word(token.replace("0", "O").translate(_AS_CYRILLIC))
    return month


def _month_word(token: str) -> int | None:
    t = token.replace("0", "O")
    if t in MONTHS:
        return MONTHS[t]
    # an abbreviation cut longer or shorter than ours: a known word's first 3+ letters
    if len(t) >= 3:
        for word, month in MONTHS.items():
            if len(word) >= 3 and (t.startswith(word) or word.startswith(t)):
                return month
    return None


def _valid(d: int, m: int, y: int) -> bool:
    try:
        dt.date(y if y >= 100 else 2000 + y, m, d)
    except ValueError:
        return False
    return True


def _from_digits(groups: list[str]) -> list[PrintedDate]:
    out: list[PrintedDate] = []
    if len(groups) >= 3:
        a, b, c = groups[:3]
        if len(a) == 4:
            out.append(PrintedDate(int(c), int(b), int(a), 4))
        elif len(a) <= 2 and len(b) <= 2 and len(c) in (2, 4):
            out.append(PrintedDate(int(a), int(b), int(c), len(c)))
    joined = "".join(groups[:3]) if len(groups) >= 3 else "".join(groups)
    if len(joined) == 8:
        out.append(PrintedDate(int(joined[:2]), int(joined[2:4]), int(joined[4:]), 4))
        out.append(PrintedDate(int(joined[6:]), int(joined[4:6]), int(joined[:4]), 4))
    elif len(joined) == 6:
        out.append(PrintedDate(int(joined[:2]), int(joined[2:4]), int(joined[4:]), 2))
    return list(dict.fromkeys(p for p in out if _valid(p.day, p.month, p.year)))


_SHAPED = re.compile(r"^\s*\d{1,2}\s*[./ -]\s*\d{1,2}\s*[./ -]\s*\d{2}(\d{2})?\s*$|"
                     r"^\s*\d{4}\s*[./ -]\s*\d{1,2}\s*[./ -]\s*\d{1,2}\s*$|^\s*\d{8}\s*$")


def date_shaped(text: str) -> bool:
    """Whether ``text`` is digits laid out as a date (``31.02.1990``, ``1990-13-01``,
    ``31021990``), valid or not."""
    return bool(_SHAPED.match(text))


_PAIR = re.compile(r"([A-Z\u0400-\u04ff]{2,})\s*/\s*([A-Z\u0400-\u04ff]{2,})")


def _bilingual_months(folded: str) -> str:
    """A month printed in two languages (``LIP/JUL``, ``DES/DEC``) as the one a side
    names, when only one side is a month word known here: the national
    abbreviation of a language not in the table does not hide the English one.
    Two sides naming different months are left for the caller to refuse."""

    def one(m: re.Match[str]) -> str:
        a, b = _month_of(m.group(1)), _month_of(m.group(2))
        if (a is None) == (b is None):
            return m.group(0)
        return f" {m.group(1) if a is not None else m.group(2)} "

    return _PAIR.sub(one, folded)


def _split_glued(token: str) -> tuple[str, int, str] | None:
    """A month word glued to numbers (``12AUG1974``, ``SEP2034``) as (digits before,
    month, digits after); ``None`` when the letters are no month word. A recogniser
    reads the letter O of a month as ``0``, which a split at every digit would cut
    off (``0CT1961``, ``200CT61``, ``N0V2030``): a ``0`` inside the letters belongs to
    the word, and one just before or after them is tried as its first or last letter
    (the word alone first)."""
    letters = [i for i, c in enumerate(token) if not c.isdigit()]
    if not letters:
        return None
    i, j = letters[0], letters[-1] + 1
    word = token[i:j]
    if any(c.isdigit() and c != "0" for c in word):
        return None
    left = 1 if i > 0 and token[i - 1] == "0" else 0
    right = 1 if j < len(token) and token[j] == "0" else 0
    for dl, dr in ((0, 0), (left, 0), (0, right), (left, right)):
        month = _month_of(token[i - dl:j + dr])
        if month is not None:
            return token[:i - dl], month, token[j + dr:]
    return None


def read_printed_date(text: str) -> list[PrintedDate]:
    """The ways ``text`` reads as a date (most likely first; empty when it is none)."""
    tokens = _TOKEN.findall(_bilingual_months(_fold(text)))
    numbers: list[str] = []
    months: list[int] = []
    for tok in tokens:
        if tok in _FILLER_WORDS:
            continue
        num = _as_number(tok)
        if num is not None:
            numbers.append(num)
            continue
        month = _month_of(tok) if not any(c.isdigit() for c in tok) else None
        if month is not None:
            months.append(month)
            continue
        # a month word glued to digits: "12AUG1974", "SEP2034", "0CT"
        if (m := _month_of(tok)) is not None and len(tok) <= 4:
            months.append(m)
            continue
        glued = _split_glued(tok)
        if glued is None:
            # digits glued to letters that are no month ("9HB": ЯНВ misread): the
            # digits may be misread letters too, so this is no date
            return []
        head, month, tail = glued
        numbers.extend(n for n in (head, tail) if n)
        months.append(month)
    out: list[PrintedDate] = []
    if months:
        if len(set(months)) != 1 or len(numbers) < 2:
            return []
        month = months[0]
        first, last = numbers[0], numbers[-1]
        if len(first) == 4 and len(last) <= 2:  # year first: 1974 AUG 12
            day, year = last, first
        else:
            day, year = first, last
        if len(day) <= 2 and len(year) in (2, 4) and _valid(int(day), month, int(year)):
            out.append(PrintedDate(int(day), month, int(year), len(year)))
        return out
    # digits only: separators may be missing or read as part of a number
    groups = [n for n in numbers if n]
    if len(groups) == 2 and len(groups[0]) == 4 and len(groups[1]) == 4:
        groups = [groups[0][:2], groups[0][2:], groups[1]]  # "0101.1970" = 01 01 1970
    return _from_digits(groups)
