"""BER-TLV as ICAO 9303 and ISO 7816-4 use it: parse and build tag-length-value data.

Tags are kept as the integer of their bytes (``0x5F1F``, ``0x7F61``), lengths in
definite form (one to four length bytes). Input is untrusted chip data: every
length is checked against what is there, and a malformed object raises
:class:`TlvError` (a :class:`~workstation.errors.FormatError`), never an
``IndexError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from workstation.errors import FormatError


class TlvError(FormatError):
    """Malformed BER-TLV data."""

    def __init__(self, problem: str, where: str = "TLV") -> None:
        super().__init__(where, problem)


@dataclass(frozen=True)
class Tlv:
    """One TLV object: ``tag`` (integer of the tag bytes), ``value``, and where it
    ended in the buffer it was read from (``end``, bytes)."""

    tag: int
    value: bytes
    end: int

    @property
    def constructed(self) -> bool:
        """The tag's constructed bit (bit 6 of its first byte)."""
        first = self.tag
        while first > 0xFF:
            first >>= 8
        return bool(first & 0x20)

    def children(self) -> list[Tlv]:
        """The objects inside a constructed object."""
        return list(iter_tlv(self.value))

    def find(self, tag: int) -> Tlv | None:
        """The first direct child with ``tag``, or ``None``."""
        for child in iter_tlv(self.value):
            if child.tag == tag:
                return child
        return None

    def require(self, tag: int) -> Tlv:
        """The first direct child with ``tag``; :class:`TlvError` when absent."""
        child = self.find(tag)
        if child is None:
            raise TlvError(f"tag {tag:02X} missing inside {self.tag:02X}")
        return child


def read_tag(data: bytes, pos: int) -> tuple[int, int]:
    """``(tag, position after it)`` of the tag starting at ``pos``."""
    if pos >= len(data):
        raise TlvError("truncated before a tag")
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise TlvError("truncated inside a multi-byte tag")
            b = data[pos]
            tag = (tag << 8) | b
            pos += 1
            if not b & 0x80:
                break
            if tag > 0xFFFFFFFF:
                raise TlvError("tag longer than four bytes")
    return tag, pos


def read_length(data: bytes, pos: int) -> tuple[int, int]:
    """``(length, position after it)`` of the definite length at ``pos``."""
    if pos >= len(data):
        raise TlvError("truncated before a length")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    n = first & 0x7F
    if n == 0 or n > 4:
        raise TlvError(f"unsupported length form 0x{first:02X}")
    if pos + n > len(data):
        raise TlvError("truncated inside a length")
    return int.from_bytes(data[pos:pos + n], "big"), pos + n


def header_length(data: bytes) -> tuple[int, int]:
    """``(header bytes, value bytes)`` of the object at the start of ``data`` (the
    first few bytes of a file are enough: how long the whole file is)."""
    _, pos = read_tag(data, 0)
    length, pos = read_length(data, pos)
    return pos, length


def parse_one(data: bytes, pos: int = 0) -> Tlv:
    """The object starting at ``pos``."""
    tag, p = read_tag(data, pos)
    length, p = read_length(data, p)
    if p + length > len(data):
        raise TlvError(f"tag {tag:02X} says {length} bytes, {len(data) - p} are there")
    return Tlv(tag, bytes(data[p:p + length]), p + length)


def iter_tlv(data: bytes) -> Iterator[Tlv]:
    """Every object in ``data``, in order (padding ``00``/``FF`` between objects skipped)."""
    pos = 0
    while pos < len(data):
        if data[pos] in (0x00, 0xFF):
            pos += 1
            continue
        obj = parse_one(data, pos)
        yield obj
        pos = obj.end


def parse_all(data: bytes) -> dict[int, Tlv]:
    """Top-level objects by tag (the last one wins when a tag repeats)."""
    return {obj.tag: obj for obj in iter_tlv(data)}


def encode_length(n: int) -> bytes:
    """The definite-form length ``n``."""
    if n < 0:
        raise ValueError("negative length")
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def encode_tag(tag: int) -> bytes:
    """The bytes of ``tag``."""
    return tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")


def tlv(tag: int, value: bytes) -> bytes:
    """Encode one object."""
    return encode_tag(tag) + encode_length(len(value)) + bytes(value)
