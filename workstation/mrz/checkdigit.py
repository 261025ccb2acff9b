"""ICAO 9303 check digits (Doc 9303 part 3, §4.9): weights 7, 3, 1 over character values."""

from __future__ import annotations

_WEIGHTS = (7, 3, 1)


def char_value(ch: str) -> int:
    """Value of one MRZ character: digits 0-9, ``A``-``Z`` 10-35, filler ``<`` 0.

    Raises:
        ValueError: for any other character.
    """
    if "0" <= ch <= "9":
        return ord(ch) - ord("0")
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    if ch == "<":
        return 0
    raise ValueError(f"not an MRZ character: {ch!r}")


def check_digit(data: str) -> str:
    """The check digit (``"0"``-``"9"``) over ``data``."""
    total = sum(char_value(ch) * _WEIGHTS[i % 3] for i, ch in enumerate(data))
    return str(total % 10)


def verify(data: str, digit: str) -> bool:
    """Whether ``digit`` is the check digit of ``data`` (invalid characters: ``False``)."""
    try:
        return check_digit(data) == digit
    except ValueError:
        return False
