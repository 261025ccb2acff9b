"""AAMVA DL/ID card data (the PDF417 on North American driving licences and ID cards).

:func:`parse_aamva` reads the header (compliance indicator ``@``, the data element,
record and segment separators, file type ``ANSI `` — or ``AAMVA`` on early cards —
issuer identification number, AAMVA version, jurisdiction version, the subfile
directory), every subfile's data elements, and names the fields of the DL/ID
subfile for every AAMVA version in use (00-10). Jurisdiction-specific subfiles
(``Z?``) are kept raw, element by element.

Real cards bend the standard, and the parser reads them as the jurisdiction
printed them rather than refusing: headers mangled by keyboard-wedge scanners
(``@\\n\\nANSI``, ``@a\\nANSI``), separators other than the line feed (``|``),
wrong subfile offsets (the subfile is then found by its type), a subfile type
missing before the first element, US cards with ``CCYYMMDD`` dates. Each such
deviation is listed in :attr:`AamvaRecord.warnings`. What cannot be AAMVA data
at all (no ``@``, no file type, no issuer number) raises :class:`AamvaError`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from workstation.barcodes import aamva_values as V
from workstation.barcodes.aamva_fields import CardFields, interpret
from workstation.barcodes.aamva_tables import ELEMENTS, JURISDICTIONS, VERSION_YEARS
from workstation.errors import InputError

#: Shortest possible AAMVA payload: the header up to the first subfile designator.
MIN_LENGTH = 31
_ELEMENT_ID = re.compile(r"[A-Z]{3}")


class AamvaError(InputError):
    """The data is not AAMVA DL/ID card data (a malformed header), with the reason."""


@dataclass(frozen=True)
class SubfileEntry:
    """One entry of the header's subfile directory (offset and length may be missing)."""

    type: str
    offset: int | None
    length: int | None


@dataclass(frozen=True)
class AamvaHeader:
    """The header of AAMVA card data."""

    file_type: str
    iin: str
    version: int
    jurisdiction_version: int | None
    entries: int | None
    directory: tuple[SubfileEntry, ...]
    element_separator: str
    record_separator: str
    segment_terminator: str


@dataclass(frozen=True)
class Subfile:
    """A subfile: its type (``DL``, ``ID``, ``Z?``) and its data elements as printed."""

    type: str
    elements: tuple[tuple[str, str], ...]

    def get(self, element_id: str) -> str | None:
        """The first value of ``element_id`` (``None`` when absent)."""
        for key, value in self.elements:
            if key == element_id:
                return value
        return None


@dataclass(frozen=True)
class AamvaRecord:
    """Parsed AAMVA card data. ``fields`` names the DL/ID subfile's interpreted values
    (see :meth:`to_json`); ``elements`` holds every element of that subfile as printed."""

    header: AamvaHeader
    subfiles: tuple[Subfile, ...]
    document_type: str
    jurisdiction: str | None
    jurisdiction_name: str | None
    country: str | None
    fields: CardFields = field(default_factory=CardFields)
    warnings: tuple[str, ...] = ()

    @property
    def elements(self) -> dict[str, str]:
        """Element id -> value of the DL/ID subfile (first occurrence)."""
        sub = self.card_subfile
        out: dict[str, str] = {}
        for key, value in sub.elements if sub is not None else ():
            out.setdefault(key, value)
        return out

    @property
    def card_subfile(self) -> Subfile | None:
        """The DL or ID subfile."""
        return next((s for s in self.subfiles if s.type in ("DL", "ID")), None)

    @property
    def jurisdiction_elements(self) -> dict[str, str]:
        """Elements of the jurisdiction-specific (``Z?``) subfiles, kept raw."""
        out: dict[str, str] = {}
        for sub in self.subfiles:
            if sub.type.startswith("Z"):
                for key, value in sub.elements:
                    out.setdefault(key, value)
        return out

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: header, interpreted fields, elements with names, subfiles."""
        h = self.header
        return {
            "header": {"file_type": h.file_type, "iin": h.iin, "aamva_version": h.version,
                       "standard_year": VERSION_YEARS.get(h.version),
                       "jurisdiction_version": h.jurisdiction_version,
                       "entries": h.entries,
                       "directory": [{"type": e.type, "offset": e.offset, "length": e.length}
                                     for e in h.directory]},
            "document_type": self.document_type,
            "jurisdiction": self.jurisdiction,
            "jurisdiction_name": self.jurisdiction_name,
            "country": self.country,
            "fields": self.fields.to_json(),
            "elements": {k: {"name": ELEMENTS.get(k, "unknown element"), "value": v}
                         for k, v in self.elements.items()},
            "jurisdiction_elements": self.jurisdiction_elements,
            "subfiles": [{"type": s.type, "elements": [[k, v] for k, v in s.elements]}
                         for s in self.subfiles],
            "warnings": list(self.warnings),
        }


# -- decoding the text ----------------------------------------------------------------------
def _as_text(data: bytes | str) -> str:
    """The payload as text: UTF-8 when it is valid UTF-8, else ISO 8859-1 (byte for byte);
    a byte-order mark and leading blanks are dropped."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    else:
        text = data
    return text.lstrip("\ufeff").lstrip(" \t")


def _clean(piece: str) -> str:
    """An element stripped of blanks and stray control characters at both ends."""
    def junk(ch: str) -> bool:
        return ch.isspace() or unicodedata.category(ch) == "Cc"

    start, end = 0, len(piece)
    while start < end and junk(piece[start]):
        start += 1
    while end > start and junk(piece[end - 1]):
        end -= 1
    return "".join(ch for ch in piece[start:end] if unicodedata.category(ch) != "Cc")


# -- the header ---------------------------------------------------------------------------
def _header(text: str, warnings: list[str]) -> tuple[AamvaHeader, int, int]:
    """The header, the index where the directory ends, and the shift of the file type
    from its standard position 4 (mangled separators)."""
    if len(text) < MIN_LENGTH:
        raise AamvaError(f"too short for AAMVA card data ({len(text)} characters; the header "
                         f"alone needs {MIN_LENGTH})")
    if text[0] != "@":
        raise AamvaError(f"no compliance indicator: AAMVA data starts with '@', this starts "
                         f"with {text[0]!r}")
    m = re.search(r"ANSI |AAMVA", text[:16])
    if m is None:
        raise AamvaError("no file type: 'ANSI ' (or 'AAMVA') must follow the separators "
                         "after '@'")
    at = m.start()
    seps = text[1:at]
    if at != 4:
        warnings.append(f"header separators malformed: {seps!r} between '@' and the file type "
                        f"(standard: LF, RS, CR)")
    element_sep = seps[0] if seps else "\n"
    record_sep = seps[1] if len(seps) > 1 else "\x1e"
    segment_term = seps[2] if len(seps) == 3 else "\r"
    pos = m.end()
    iin = text[pos:pos + 6]
    if not iin.isdigit():
        raise AamvaError(f"no issuer identification number: expected 6 digits after the file "
                         f"type, found {iin!r}")
    version_text = text[pos + 6:pos + 8]
    if not version_text.isdigit():
        raise AamvaError(f"no AAMVA version number: expected 2 digits after the issuer number, "
                         f"found {version_text!r}")
    version = int(version_text)
    pos += 8
    jur_version: int | None = None
    if version >= 2:
        jv = text[pos:pos + 2]
        jur_version = int(jv) if jv.isdigit() else None
        pos += 2
    entries_text = text[pos:pos + 2]
    entries = int(entries_text) if entries_text.isdigit() else None
    pos += 2 if entries is not None else 0
    if entries is None:
        warnings.append(f"number of subfile entries unreadable ({entries_text!r})")
    directory: list[SubfileEntry] = []
    for _ in range(entries if entries is not None else 1):
        kind = text[pos:pos + 2]
        if not re.fullmatch(r"[A-Z]{2}", kind):
            break
        pos += 2
        numbers: list[int | None] = []
        for _field in range(2):
            chunk = text[pos:pos + 4]
            if chunk.isdigit():
                numbers.append(int(chunk))
                pos += 4
            else:
                numbers.append(None)
        if None in numbers:
            warnings.append(f"subfile {kind}: offset/length unreadable in the directory")
        directory.append(SubfileEntry(kind, numbers[0], numbers[1]))
        if numbers[1] is None:
            break
    if not directory:
        raise AamvaError("no subfile directory after the header (expected e.g. 'DL00410278')")
    header = AamvaHeader(
        file_type=m.group(0), iin=iin, version=version, jurisdiction_version=jur_version,
        entries=entries, directory=tuple(directory), element_separator=element_sep,
        record_separator=record_sep, segment_terminator=segment_term)
    return header, pos, at - 4


# -- subfiles -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Span:
    """Where one subfile's elements are: ``[start, end)``; ``exact`` when the directory's
    offset and length hold (then the character at ``end`` is its segment terminator)."""

    type: str
    start: int
    end: int
    exact: bool


def _type_at(text: str, pos: int, kind: str, *, after_separator: bool = True) -> bool:
    """Whether subfile ``kind`` begins at ``pos``: its type, then its first element (for
    a jurisdiction subfile also: after a separator, unless ``after_separator`` is off)."""
    if pos < 0 or text[pos:pos + 2] != kind:
        return False
    if kind.startswith("Z"):
        return text[pos + 2:pos + 4] == kind and (
            not after_separator or pos == 0 or not text[pos - 1].isalnum())
    return re.match(r"[\n\r]?[A-Z]{3}", text[pos + 2:pos + 6]) is not None


def _subfile_spans(text: str, header: AamvaHeader, body_at: int, shift: int,
                   warnings: list[str]) -> list[_Span]:
    """Where each subfile of the directory is. The directory's offsets are used when the
    subfile's type stands there; its lengths only when they agree with where the next
    subfile (or the data) begins — many cards count them wrongly."""
    found: list[tuple[SubfileEntry, int, bool]] = []  # entry, index of its type, exact
    search_from = body_at
    for i, entry in enumerate(header.directory):
        start: int | None = None
        exact = False
        if entry.offset is not None:
            for offset in dict.fromkeys((entry.offset, entry.offset + shift)):
                if offset >= search_from and _type_at(text, offset, entry.type,
                                                      after_separator=False):
                    start, exact = offset, True
                    break
        if start is None and i == 0 and text[body_at:body_at + 2] != entry.type \
                and _ELEMENT_ID.fullmatch(text[body_at:body_at + 3]):
            warnings.append(f"subfile {entry.type}: type missing before its first element")
            found.append((entry, body_at - 2, False))
            search_from = body_at
            continue
        if start is None:
            for strict in (True, False):
                start = next((p for p in range(search_from, len(text) - 1)
                              if _type_at(text, p, entry.type, after_separator=strict)), None)
                if start is not None:
                    break
            if start is None:
                warnings.append(f"subfile {entry.type} named in the directory not found")
                continue
            if entry.offset is not None:
                warnings.append(f"subfile {entry.type}: directory offset {entry.offset} is "
                                f"wrong (found at {start})")
        found.append((entry, start, exact))
        search_from = start + 2
    spans: list[_Span] = []
    for i, (entry, start, exact) in enumerate(found):
        following = found[i + 1][1] if i + 1 < len(found) else len(text)
        if exact and entry.length is not None and start + entry.length == following:
            end = following - 1  # the subfile's last character is its segment terminator
            if text[end] not in ("\r", "\n", header.segment_terminator):
                warnings.append(f"subfile {entry.type}: segment terminator {text[end]!r}")
            spans.append(_Span(entry.type, start + 2, end, True))
        else:
            if exact and entry.length is not None:
                warnings.append(f"subfile {entry.type}: directory length {entry.length} is "
                                f"wrong ({following - start} characters)")
            end = following
            if i + 1 < len(found) and text[end - 1].isalnum():
                # the next subfile's type is glued to this one's last element: the
                # character between them is a mangled segment terminator (often 'M' of ^M)
                end -= 1
                warnings.append(f"subfile {entry.type}: segment terminator {text[end]!r}")
            spans.append(_Span(entry.type, start + 2, end, False))
    return spans


def _elements(chunk: str, header: AamvaHeader,
              warnings: list[str]) -> tuple[tuple[str, str], ...]:
    """The data elements of one subfile's text."""
    seps = {"\n", "\r"}
    sep = header.element_separator
    if sep and not sep.isalnum() and not sep.isspace():
        seps.add(sep)  # e.g. '|' on cards read through a keyboard wedge
    out: list[tuple[str, str]] = []
    for raw in re.split("|".join(re.escape(s) for s in sorted(seps)), chunk):
        piece = _clean(raw)
        if not piece:
            continue
        key = piece[:3]
        if not _ELEMENT_ID.fullmatch(key):
            warnings.append(f"not a data element: {piece[:20]!r}")
            continue
        out.append((key, _clean(piece[3:])))
    return tuple(out)


# -- the record ---------------------------------------------------------------------------
def parse_aamva(data: bytes | str) -> AamvaRecord:
    """Parse AAMVA DL/ID card data (the raw bytes of the PDF417, or text).

    Raises:
        AamvaError: the data is not AAMVA card data (too short, no ``@``, no file type,
            no issuer number or version, no subfile directory), with the reason.
    """
    text = _as_text(data)
    warnings: list[str] = []
    header, body_at, shift = _header(text, warnings)
    spans = _subfile_spans(text, header, body_at, shift, warnings)
    subfiles: list[Subfile] = []
    for span in spans:
        end = span.end
        if not span.exact and header.segment_terminator.isalnum() \
                and text[end - 1:end] == header.segment_terminator:
            end -= 1  # a segment terminator the header declared as a letter
        subfiles.append(Subfile(span.type, _elements(text[span.start:end], header, warnings)))
    card = next((s for s in subfiles if s.type in ("DL", "ID")), None)
    if card is None:
        raise AamvaError("no DL or ID subfile in the data")
    jurisdiction = JURISDICTIONS.get(header.iin)
    country_el = V.text(card.get("DCG"))
    country = {"CDN": "CAN"}.get((country_el or "").upper(), (country_el or "").upper()) or (
        jurisdiction[2] if jurisdiction else None)
    if jurisdiction is None:
        warnings.append(f"issuer identification number {header.iin} is not a known "
                        f"jurisdiction's")
    fields = interpret(card, header.version, country or "USA")
    return AamvaRecord(
        header=header, subfiles=tuple(subfiles), document_type=card.type,
        jurisdiction=jurisdiction[0] if jurisdiction else None,
        jurisdiction_name=jurisdiction[1] if jurisdiction else None,
        country=country or None, fields=fields, warnings=tuple(warnings))


def looks_like_aamva(data: bytes) -> bool:
    """Whether ``data`` starts like AAMVA card data (``@`` then ``ANSI``/``AAMVA``)."""
    head = _as_text(data[:24])
    return head.startswith("@") and re.search(r"ANSI |AAMVA", head[:16]) is not None

