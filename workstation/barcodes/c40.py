"""C40 decoding as ICAO 9303 Part 13 (and BSI TR-03137 Annex B) use it for digital seals.

Two bytes carry three characters: ``I16 = 256 * b1 + b2``, ``V = I16 - 1``,
``U1 = V // 1600``, ``U2 = (V // 40) % 40``, ``U3 = V % 40``; values 3..39 are
``<SPACE>``, ``0``-``9``, ``A``-``Z`` (0..2 are shifts: a trailing 0 pads the last
triple). A last single character is written ``0xFE`` then its ASCII code + 1.
The MRZ filler ``<`` is encoded as ``<SPACE>``; :func:`decode` returns spaces and
callers put the fillers back where the layout has them.
"""

from __future__ import annotations

_VALUES = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
UNLATCH = 0xFE


class C40Error(ValueError):
    """Bytes that are not C40 (odd length, a value out of range, an unknown shift)."""


def _char(value: int, where: int) -> str:
    if value == 0:
        return ""  # Shift 1: padding of the last triple
    if not 3 <= value <= 39:
        raise C40Error(f"C40 value {value} at byte {where} is no character of the seal set")
    return _VALUES[value - 3]


def decode(data: bytes) -> str:
    """The characters of C40 ``data`` (spaces where the MRZ had fillers).

    Raises:
        C40Error: the data is not C40 as seals use it.
    """
    out: list[str] = []
    i = 0
    while i < len(data):
        if i + 1 >= len(data):
            raise C40Error(f"C40 data of odd length {len(data)}")
        b1, b2 = data[i], data[i + 1]
        if b1 == UNLATCH:
            if i + 2 != len(data):
                raise C40Error(f"C40 unlatch (0xFE) at byte {i} is not the last pair")
            ch = b2 - 1
            if not (ch == 32 or 48 <= ch <= 57 or 65 <= ch <= 90):
                raise C40Error(f"C40 single character {ch} after unlatch is not A-Z, 0-9 or "
                               f"space")
            out.append(chr(ch))
            break
        value = b1 * 256 + b2 - 1
        if not 0 <= value < 64000:
            raise C40Error(f"C40 pair {b1:02x}{b2:02x} at byte {i} is out of range")
        out.append(_char(value // 1600, i) + _char((value // 40) % 40, i) + _char(value % 40, i))
        i += 2
    return "".join(out)


def bytes_for(chars: int) -> int:
    """How many C40 bytes hold ``chars`` characters (pairs of three, a last pair for one
    or two left over)."""
    return (chars // 3) * 2 + (2 if chars % 3 else 0)
