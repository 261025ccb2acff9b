"""Text that is always safe to print: file names that are not UTF-8, control characters,
direction overrides.

Used by every error message that names a file (:class:`workstation.errors.FormatError`)
and by the JSON the command line prints, so a hostile file name can neither crash the
output nor make one name look like another.
"""

from __future__ import annotations

import os

#: Bidirectional controls and invisible characters that make one text look like another.
INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def printable(value: object) -> str:
    """``value`` as text that can always be printed and encoded as UTF-8.

    Undecodable bytes of a file name (``surrogateescape``) become ``\\xNN``, other
    lone surrogates ``\\uNNNN``; control characters and direction overrides are
    escaped the same way.
    """
    if isinstance(value, bytes):
        text = value.decode("utf-8", "backslashreplace")
    elif isinstance(value, os.PathLike):
        raw = os.fspath(value)
        text = raw.decode("utf-8", "backslashreplace") if isinstance(raw, bytes) else raw
    else:
        text = str(value)
    if text.isprintable() and text.isascii():
        return text
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        elif code < 0x20 or code == 0x7F or ch in INVISIBLE:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def printable_tree(obj: object) -> object:
    """``obj`` (JSON-like data) with every string made :func:`printable` where needed."""
    if isinstance(obj, str):
        try:
            obj.encode("utf-8")
        except UnicodeEncodeError:
            return printable(obj)
        return obj
    if isinstance(obj, dict):
        return {printable_tree(k): printable_tree(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [printable_tree(v) for v in obj]
    return obj
