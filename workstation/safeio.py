"""Reading untrusted files safely: bounded, regular files only, no escaping symlinks.

One place for what every reader of a capture folder, a specimen package or an
image needs (the limits come from :mod:`workstation.limits`):

* :func:`read_regular_file` — a regular file only (a FIFO, a device such as
  ``/dev/zero`` or a folder is refused without blocking), no larger than a
  limit, and, given the folder it belongs to, never through a symbolic link
  that leads out of that folder.
* :func:`load_json` — JSON no larger or deeper than the limits, every number
  finite, every string valid Unicode without NUL.
* :func:`check_id` and :func:`check_text` — identifiers that cannot be mistaken
  for one another and text without control or bidirectional-override characters.
* :func:`printable` — any path or text made safe to print (undecodable bytes
  of a file name shown as ``\\xNN``).

Every refusal is a :class:`~workstation.errors.FormatError` (exit status 2).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Any

from workstation.errors import FormatError
from workstation.limits import Limits, current, describe
from workstation.printable import INVISIBLE, printable

#: A specimen id: ASCII letters and digits, then also ``.``, ``_`` and ``-``.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def read_regular_file(path: str | Path, *, max_bytes: int, root: str | Path | None = None,
                      limit_name: str = "", what: str = "file") -> bytes:
    """The bytes of ``path``, refused unless it is a regular file of at most ``max_bytes``.

    With ``root`` (the capture folder or package the file belongs to), a symbolic
    link is followed only when it stays inside ``root``. The file is opened
    without blocking, so a FIFO never hangs the program; devices, folders and
    sockets are refused before anything is read.

    Raises:
        FormatError: missing, unreadable, not a regular file, a link out of
            ``root``, or larger than ``max_bytes`` (``limit_name`` names the
            setting in ``limits.json``).
    """
    path = Path(path)
    if root is not None:
        real_root = Path(os.path.realpath(root))
        real = Path(os.path.realpath(path))
        if not _inside(real, real_root):
            raise FormatError(path, f"is a symbolic link that leads out of its folder "
                                    f"(to {printable(real)}): refused")
        target = real
    else:
        target = path
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags)
    except FileNotFoundError:
        raise FormatError(path, "file not found") from None
    except IsADirectoryError:
        raise FormatError(path, f"is a folder, not a {what}") from None
    except OSError as exc:
        raise FormatError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = ("a folder" if stat.S_ISDIR(info.st_mode)
                    else "a FIFO" if stat.S_ISFIFO(info.st_mode)
                    else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                    else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a file")
            raise FormatError(path, f"is {kind}, not a regular {what}: refused")
        setting = f" (limits.json: {limit_name})" if limit_name else ""
        if info.st_size > max_bytes:
            raise FormatError(path, f"{what} of {describe(info.st_size)} is larger than the "
                                    f"limit of {describe(max_bytes)}{setting}")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise FormatError(path, f"{what} grew beyond the limit of "
                                        f"{describe(max_bytes)}{setting} while being read")
        return b"".join(chunks)
    except OSError as exc:
        raise FormatError(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _bad_number(text: str) -> float:
    raise ValueError(f"{text} is not a finite number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is not a finite number")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 30:
        raise ValueError(f"the number {text[:20]}... has too many digits")
    return int(text)


def load_json(data: bytes, where: str | Path, *, limits: Limits | None = None) -> Any:
    """Parse JSON read from an untrusted file, within ``limits`` (default :func:`current`).

    Refused: more than ``json_bytes`` bytes, nesting deeper than ``json_depth``,
    invalid UTF-8, ``NaN``/``Infinity`` or numbers that overflow to them, integers
    of more than 30 digits, strings with NUL or lone surrogates.
    """
    limits = limits or current()
    if len(data) > limits.json_bytes:
        raise FormatError(where, f"JSON of {describe(len(data))} is larger than the limit of "
                                 f"{describe(limits.json_bytes)} (limits.json: json_bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(where, f"not UTF-8 text (byte {exc.start})") from None
    try:
        obj = json.loads(text, parse_constant=_bad_number, parse_float=_finite_float,
                         parse_int=_bounded_int)
    except RecursionError:
        raise FormatError(where, f"JSON nested more than {limits.json_depth} deep") from None
    except ValueError as exc:
        raise FormatError(where, f"not valid JSON: {printable(exc)}") from None
    _check_tree(obj, where, limits.json_depth)
    return obj


def _check_tree(obj: Any, where: str | Path, max_depth: int) -> None:
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > max_depth:
                raise FormatError(where, f"JSON nested more than {max_depth} deep")
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, value in items:
                if isinstance(key, str):
                    _check_string(key, where)
                stack.append((value, depth + 1))
        elif isinstance(node, str):
            _check_string(node, where)


def _check_string(value: str, where: str | Path) -> None:
    if "\x00" in value:
        raise FormatError(where, f"a string holds a NUL character: {printable(value)[:80]!r}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise FormatError(where, f"a string holds an invalid character (lone surrogate): "
                                 f"{printable(value)[:80]!r}") from None


def load_json_object(path: str | Path, *, data: bytes | None = None, root: str | Path | None = None,
                     limits: Limits | None = None) -> dict[str, Any]:
    """Read a JSON file (or its ``data``) that must hold one object, within the limits."""
    limits = limits or current()
    if data is None:
        data = read_regular_file(path, max_bytes=limits.json_bytes, root=root,
                                 limit_name="json_bytes", what="JSON file")
    obj = load_json(data, path, limits=limits)
    if not isinstance(obj, dict):
        raise FormatError(path, "must hold a JSON object")
    return obj


def check_text(value: Any, where: str | Path, field: str, *, max_length: int | None = None,
               multiline: bool = False, required: bool = False) -> str:
    """A free-text field: a string without control characters (line breaks only when
    ``multiline``), bidirectional overrides or invisible joiners, of at most
    ``max_length`` characters (default: the ``text_length`` limit)."""
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise FormatError(where, f"'{field}' must be a non-empty string" if required
                          else f"'{field}' must be a string")
    limit = max_length if max_length is not None else current().text_length
    if len(value) > limit:
        raise FormatError(where, f"'{field}' has {len(value)} characters, more than the "
                                 f"limit of {limit}")
    for ch in value:
        if ch in INVISIBLE:
            raise FormatError(where, f"'{field}' holds an invisible or direction-changing "
                                     f"character U+{ord(ch):04X}: {printable(value)!r}")
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") and not (multiline and ch in "\n\t"):
            raise FormatError(where, f"'{field}' holds a control or invalid character "
                                     f"U+{ord(ch):04X}: {printable(value)!r}")
    return value


def check_id(value: Any, where: str | Path, field: str = "id",
             *, max_length: int | None = None) -> str:
    """An identifier: ASCII letters and digits, then also ``.``, ``_`` and ``-``; at most
    ``max_length`` characters (default: the ``id_length`` limit). Nothing that could
    hide a look-alike (other scripts, spaces, line breaks, direction overrides)."""
    if not isinstance(value, str) or not value:
        raise FormatError(where, f"'{field}' must be a non-empty string")
    limit = max_length if max_length is not None else current().id_length
    if len(value) > limit:
        raise FormatError(where, f"'{field}' has {len(value)} characters, more than the "
                                 f"limit of {limit}")
    if not ID_PATTERN.match(value):
        raise FormatError(where, f"'{field}' {printable(value)!r} may hold only ASCII letters, "
                                 "digits, '.', '_' and '-' (starting with a letter or digit)")
    return value


#: Characters that look alike in the fonts ids are shown in, mapped to one of them.
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "_": "-",
                             ".": "-"})


def id_skeletons(value: str) -> tuple[str, str]:
    """What an id looks like, read two ways: upper-cased (a case-insensitive file system
    stores ``uto-p-2020`` and ``UTO-P-2020`` in one folder), and with a lower-case
    ``l`` read as ``I``; in both, digits that look like letters are read as those
    letters (``UT0-P-2O2O``)."""
    return (value.upper().translate(_CONFUSABLE),
            value.replace("l", "I").upper().translate(_CONFUSABLE))


def ids_look_alike(a: str, b: str) -> bool:
    """Whether an examiner could mistake id ``a`` for id ``b``."""
    sa, sb = id_skeletons(a), id_skeletons(b)
    return sa[0] == sb[0] or sa[1] == sb[1]
