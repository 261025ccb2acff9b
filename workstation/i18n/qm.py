"""Qt's compiled message catalogues (``.qm``), read without Qt.

The window loads a ``.qm`` into a ``QTranslator``; reports and check messages are
made without Qt, so this module reads the same file and looks messages up exactly
as ``QTranslator::translate`` does (Qt 6, ``qtbase/src/corelib/kernel/qtranslator.cpp``):
the ELF hash of source text and disambiguation finds the candidates in the hash
table, each candidate's context, source text and disambiguation must match, the
lookup is retried without the disambiguation, and a plural message picks its form
by the catalogue's own numerus rules (Qt's byte code, evaluated here as Qt does).
``tests/i18n/test_qm.py`` checks every message of every catalogue, at many counts,
against ``QTranslator``.

File layout: a 16-byte magic number, then blocks ``tag (1 byte) | length (4, big
endian) | data``: hashes ``0x42`` (pairs of hash and message offset, sorted),
messages ``0x69``, contexts ``0x2f`` (optional), numerus rules ``0x88``,
dependencies ``0x96``, language ``0xa7``. A message is a run of tagged fields:
translation ``3`` (UTF-16BE; one per plural form), source text ``6``, context ``7``,
disambiguation ``8`` (UTF-8), end ``1``.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workstation.errors import FormatError

MAGIC = bytes((0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95,
               0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD))

_CONTEXTS, _HASHES, _MESSAGES, _NUMERUS, _DEPENDENCIES, _LANGUAGE = (
    0x2F, 0x42, 0x69, 0x88, 0x96, 0xA7)
_END, _SOURCE16, _TRANSLATION, _CONTEXT16, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT, \
    _OBSOLETE2 = range(1, 10)

# numerus rule byte code (qtranslator_p.h)
_Q_EQ, _Q_LT, _Q_LEQ, _Q_BETWEEN = 0x01, 0x02, 0x03, 0x04
_Q_OP_MASK, _Q_NOT, _Q_MOD_10, _Q_MOD_100, _Q_LEAD_1000 = 0x07, 0x08, 0x10, 0x20, 0x40
_Q_AND, _Q_OR, _Q_NEWRULE = 0xFD, 0xFE, 0xFF

#: The largest catalogue read (the project's are a few hundred kB).
MAX_BYTES = 32 * 1024 * 1024


def elf_hash(*parts: bytes) -> int:
    """Qt's ``elfHash`` over ``parts`` in turn (never 0)."""
    h = 0
    for part in parts:
        for byte in part:
            if byte == 0:
                break
            h = ((h << 4) + byte) & 0xFFFFFFFF
            g = h & 0xF0000000
            if g:
                h ^= g >> 24
            h &= ~g & 0xFFFFFFFF
    return h or 1


def numerus_index(n: int, rules: bytes) -> int:
    """The plural form for count ``n`` under Qt's numerus ``rules`` (0 when none)."""
    size = len(rules)
    if size == 0:
        return 0
    result = 0
    i = 0
    while True:
        or_value = False
        while True:
            and_value = True
            while True:
                if i >= size:
                    return 0
                opcode = rules[i]
                i += 1
                left = n
                if opcode & _Q_MOD_10:
                    left %= 10
                elif opcode & _Q_MOD_100:
                    left %= 100
                elif opcode & _Q_LEAD_1000:
                    while left >= 1000:
                        left //= 1000
                op = opcode & _Q_OP_MASK
                if i >= size:
                    return 0
                right = rules[i]
                i += 1
                if op == _Q_EQ:
                    truth = left == right
                elif op == _Q_LT:
                    truth = left < right
                elif op == _Q_LEQ:
                    truth = left <= right
                elif op == _Q_BETWEEN:
                    if i >= size:
                        return 0
                    top = rules[i]
                    i += 1
                    truth = right <= left <= top
                else:
                    truth = True
                if opcode & _Q_NOT:
                    truth = not truth
                and_value = and_value and truth
                if i == size or rules[i] != _Q_AND:
                    break
                i += 1
            or_value = or_value or and_value
            if i == size or rules[i] != _Q_OR:
                break
            i += 1
        if or_value:
            return result
        result += 1
        if i == size:
            return result
        i += 1  # Q_NEWRULE


@dataclass(frozen=True)
class QmMessage:
    """One message as the catalogue stores it (fields lrelease left out are empty)."""

    context: str
    source: str
    disambiguation: str
    translations: tuple[str | None, ...]


class QmCatalogue:
    """A compiled catalogue, read whole into memory.

    Attributes:
        language: the catalogue's language as lrelease recorded it (``ru``...).
        numerus_rules: Qt's plural-form byte code for that language.
    """

    def __init__(self, data: bytes, *, name: str = "catalogue") -> None:
        if len(data) > MAX_BYTES:
            raise FormatError(name, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        if data[:16] != MAGIC:
            raise FormatError(name, "not a compiled Qt catalogue (.qm)")
        self.name = name
        self.language = ""
        self.numerus_rules = b""
        self._hashes = b""
        self._messages = b""
        pos = 16
        while pos < len(data):
            if pos + 5 > len(data):
                raise FormatError(name, "truncated block header")
            tag = data[pos]
            (length,) = struct.unpack_from(">I", data, pos + 1)
            start, pos = pos + 5, pos + 5 + length
            if pos > len(data):
                raise FormatError(name, "truncated block")
            block = data[start:pos]
            if tag == _HASHES:
                self._hashes = block
            elif tag == _MESSAGES:
                self._messages = block
            elif tag == _NUMERUS:
                self.numerus_rules = block
            elif tag == _LANGUAGE:
                self.language = block.decode("utf-8", "replace")
        if len(self._hashes) % 8:
            raise FormatError(name, "malformed hash table")

    @classmethod
    def load(cls, path: str | Path) -> QmCatalogue:
        """Read a ``.qm`` file (``FormatError`` when it is not one)."""
        p = Path(path)
        try:
            if p.stat().st_size > MAX_BYTES:
                raise FormatError(p, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
            return cls(p.read_bytes(), name=str(p))
        except OSError as exc:
            raise FormatError(p, f"cannot read the catalogue: {exc.strerror or exc}") from None

    # -- lookup -----------------------------------------------------------------------------
    def translate(self, context: str, source: str, disambiguation: str = "",
                  n: int = -1) -> str | None:
        """The translation of ``source`` in ``context``, or ``None`` when the catalogue
        has none (``n`` >= 0 picks the plural form; ``%n`` is not replaced here)."""
        ctx, src = context.encode("utf-8"), source.encode("utf-8")
        comment = (disambiguation or "").encode("utf-8")
        form = numerus_index(n, self.numerus_rules) if n >= 0 else 0
        count = len(self._hashes) // 8
        if count == 0:
            return None
        while True:
            h = elf_hash(src, comment)
            lo, hi = 0, count - 1
            found = -1
            while lo <= hi:
                mid = (lo + hi) // 2
                (value,) = struct.unpack_from(">I", self._hashes, mid * 8)
                if value == h:
                    found = mid
                    break
                if value < h:
                    lo = mid + 1
                else:
                    hi = mid - 1
            if found >= 0:
                while found > 0 and struct.unpack_from(">I", self._hashes, (found - 1) * 8)[0] == h:
                    found -= 1
                while found < count:
                    value, offset = struct.unpack_from(">II", self._hashes, found * 8)
                    if value != h:
                        break
                    text = self._message_at(offset, ctx, src, comment, form)
                    if text is not None:
                        return text
                    found += 1
            if not comment:
                return None
            comment = b""

    def _message_at(self, offset: int, context: bytes, source: bytes, comment: bytes,
                    form: int) -> str | None:
        m, end = offset, len(self._messages)
        data = self._messages
        chosen: bytes | None = None
        while True:
            if m >= end:
                break
            tag = data[m]
            m += 1
            if tag == _END:
                break
            if tag == _OBSOLETE1:
                m += 4
                continue
            if m + 4 > end:
                return None
            (length,) = struct.unpack_from(">I", data, m)
            m += 4
            if tag == _TRANSLATION:
                if length == 0xFFFFFFFF or length & 1:
                    return None
                if form == 0:
                    chosen = data[m:m + length]
                form -= 1
                m += length
            elif tag in (_SOURCE, _CONTEXT, _COMMENT):
                field = data[m:m + length]
                m += length
                if field.endswith(b"\0"):
                    field = field[:-1]
                if tag == _SOURCE and field != source:
                    return None
                if tag == _CONTEXT and field != context:
                    return None
                if tag == _COMMENT and field and field != comment:
                    return None
            else:
                return None
        return None if chosen is None else chosen.decode("utf-16-be")

    # -- listing ----------------------------------------------------------------------------
    def messages(self) -> Iterator[QmMessage]:
        """Every message stored, in file order."""
        data, m, end = self._messages, 0, len(self._messages)
        while m < end:
            ctx = src = comment = b""
            translations: list[str | None] = []
            while m < end:
                tag = data[m]
                m += 1
                if tag == _END:
                    break
                if tag == _OBSOLETE1:
                    m += 4
                    continue
                (length,) = struct.unpack_from(">I", data, m)
                m += 4
                if tag == _TRANSLATION:
                    if length == 0xFFFFFFFF:
                        translations.append(None)
                        continue
                    translations.append(data[m:m + length].decode("utf-16-be"))
                elif tag == _SOURCE:
                    src = data[m:m + length].rstrip(b"\0")
                elif tag == _CONTEXT:
                    ctx = data[m:m + length].rstrip(b"\0")
                elif tag == _COMMENT:
                    comment = data[m:m + length].rstrip(b"\0")
                m += length
            yield QmMessage(ctx.decode("utf-8"), src.decode("utf-8"), comment.decode("utf-8"),
                            tuple(translations))
