"""Names as printed in the visual zone against their MRZ form: ICAO Doc 9303
part 3 transliteration (section 6), national practice, diacritics folded.

Each national character has the transliterations in use, ICAO's recommended
one first: Doc 9303 part 3 table A (multinational Latin characters: ``Ä`` is
``AE`` or ``A``, ``Ñ`` is ``N`` or ``NXX``) and table B (Cyrillic), plus the
national practice where it differs — Ukrainian and Belarusian ``Г`` = ``H``,
Serbian and Macedonian ``Ц`` = ``C``, the older Russian system (``Й`` = ``Y``,
``Я`` = ``YA``), Mongolian MNS 5217:2012 and passport practice (``Ж`` = ``J``,
``Ө`` = ``O``/``U``, ``Ү`` = ``U``, ``Е`` = ``YE``, ``Ь`` = ``I``) and Kazakh
(``Ә`` ``Ғ`` ``Қ`` ``Ң`` ``Ұ`` ``Һ`` ``І``). Any other letter with a
diacritic folds to its base letter (Unicode decomposition).

:func:`name_distance` is the smallest edit distance between the MRZ letters
and *any* transliteration of the printed name, computed over all choices at
once (a Levenshtein lattice, no enumeration).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Doc 9303 part 3 table A: characters that do not simply lose a diacritic.
LATIN: dict[str, tuple[str, ...]] = {
    "Ä": ("AE", "A"), "Å": ("AA", "A"), "Æ": ("AE",), "Ð": ("D",), "Ñ": ("N", "NXX"),
    "Ö": ("OE", "O"), "Ø": ("OE", "O"), "Ü": ("UE", "UXX", "U"), "Þ": ("TH",),
    "ß": ("SS",), "ẞ": ("SS",), "Đ": ("D",), "Ħ": ("H",), "Ĳ": ("IJ",), "Ł": ("L",),
    "Ŀ": ("L",), "Œ": ("OE",), "Ŧ": ("T",), "Ŋ": ("N",),
}

#: Doc 9303 part 3 table B (first option), then national practice.
CYRILLIC: dict[str, tuple[str, ...]] = {
    "А": ("A",), "Б": ("B",), "В": ("V", "W"), "Г": ("G", "H"), "Ґ": ("G",),
    "Д": ("D",), "Е": ("E", "YE", "IE", "JE"), "Ё": ("E", "IO", "YO", "JO", "YE"),
    "Є": ("IE", "YE", "JE"), "Ж": ("ZH", "Z", "J"), "З": ("Z",), "Ѕ": ("DZ",),
    "И": ("I", "Y"), "І": ("I",), "Ї": ("I", "YI", "JI"), "Й": ("I", "Y", "J", ""),
    "Ј": ("J",), "К": ("K",), "Ќ": ("K", "KJ"), "Л": ("L",), "Љ": ("LJ",), "М": ("M",),
    "Н": ("N",), "Њ": ("NJ",), "О": ("O",), "П": ("P",), "Р": ("R",), "С": ("S",),
    "Т": ("T",), "Ћ": ("D", "C"), "У": ("U",), "Ў": ("U", "W"), "Ф": ("F",),
    "Х": ("KH", "H", "X"), "Ц": ("TS", "C", "TC", "TZ"), "Ч": ("CH", "C", "TCH"),
    "Џ": ("DZ", "DJ"), "Ш": ("SH", "S"), "Щ": ("SHCH", "SHT", "SCH"), "Ъ": ("IE", "", "I"),
    "Ы": ("Y", "I"), "Ь": ("", "I", "Y"), "Э": ("E",), "Ю": ("IU", "YU", "JU"),
    "Я": ("IA", "YA", "JA"), "Ѫ": ("U",), "Ѵ": ("Y",),
    # Mongolian and Kazakh letters (national practice; not in Doc 9303's table)
    "Ө": ("O", "U", "OE"), "Ү": ("U", "UE", "Y"), "Ә": ("A", "AE"), "Ғ": ("G", "GH"),
    "Қ": ("K", "Q"), "Ң": ("N", "NG"), "Ұ": ("U",), "Һ": ("C", "H"),
}


def _letters_only(option: str) -> str:
    return "".join(c for c in option if c.isalpha())


@lru_cache(maxsize=4096)
def options(ch: str) -> tuple[str, ...]:
    """The transliterations of one upper-case character (``()`` for one that
    leaves nothing: punctuation, spaces, combining marks)."""
    if "A" <= ch <= "Z" or "0" <= ch <= "9":
        return (ch,)
    if ch in CYRILLIC:
        return CYRILLIC[ch]
    if ch in LATIN:
        return LATIN[ch]
    base = unicodedata.normalize("NFKD", ch)
    ascii_part = "".join(c for c in base if "A" <= c.upper() <= "Z" or c.isdigit()).upper()
    if ascii_part:
        return (ascii_part,)
    if ch.isalpha():
        return (ch,)  # a letter of another script (Chinese, Arabic...): kept as is
    return ()


def transliterate(text: str) -> str:
    """``text`` in MRZ letters by ICAO's recommended transliteration (words
    separated by single spaces, punctuation dropped)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text.upper()):
        opts = options(ch)
        if opts:
            out.append(opts[0])
        elif ch.isspace() or ch in "-‐/,.":
            out.append(" ")
    return " ".join("".join(out).split())


def fold(text: str) -> str:
    """Upper-case, ICAO-transliterated letters and digits, words separated by one space."""
    return transliterate(text)


def _slots(text: str) -> list[tuple[str, ...]]:
    slots = []
    for ch in unicodedata.normalize("NFC", text.upper()):
        opts = options(ch)
        if opts:
            slots.append(tuple(sorted(set(opts))))
    return slots


def _advance(row: list[int], s: str, target: str) -> list[int]:
    for c in s:
        new = [row[0] + 1]
        for j in range(1, len(target) + 1):
            new.append(min(row[j] + 1, new[j - 1] + 1,
                           row[j - 1] + (0 if target[j - 1] == c else 1)))
        row = new
    return row


def name_distance(printed: str, mrz: str, *, truncated: bool = False) -> int:
    """The smallest edit distance between the letters of ``mrz`` (fillers and
    spaces ignored) and any transliteration of ``printed``.

    ``truncated``: the MRZ may have cut the name short (its field is full), so
    the MRZ need only match the start of the printed name.
    """
    target = "".join(c for c in mrz.upper() if c.isalnum())
    row = list(range(len(target) + 1))
    best_prefix = row[-1]
    for slot in _slots(printed):
        rows = [_advance(row, opt, target) for opt in slot]
        row = [min(r[j] for r in rows) for j in range(len(target) + 1)]
        best_prefix = min(best_prefix, row[-1])
    return best_prefix if truncated else row[-1]


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds a Cyrillic letter."""
    return any("\u0400" <= c <= "\u04ff" for c in text)
