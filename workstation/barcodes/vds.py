"""ICAO visible digital seals (Doc 9303 Part 13): header, message zone, signature zone.

Layout of the bytes a seal's barcode carries::

    header     0xDC, version (0x02 = version 3, 0x03 = version 4), issuing country
               (C40, 2 bytes), signer identifier and certificate reference (C40:
               version 3 six bytes = 4 + 5 characters; version 4 four bytes = 4
               characters + 2 hex digits giving the reference's length, then the
               reference), document issue date and signature creation date (3 bytes
               each: MMDDYYYY as an integer), document feature definition reference
               (1 byte), document type category (1 byte)
    message    document features: tag (1 byte, not 0xFF), BER length, value
    signature  0xFF, BER length, the signature (ECDSA r || s, each as long as the
               curve's order)

The signature covers header and message zone. :func:`parse_seal` reads the
structure and the features of the known document types
(:mod:`~workstation.barcodes.vds_profiles`); a structure that cannot be a seal
raises :class:`VdsError` naming the zone and the byte. Deviations from the
document type's profile (a missing required feature, a wrong length) are listed
in :attr:`VdsSeal.problems`; they do not stop the parse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from workstation.barcodes import c40
from workstation.barcodes.vds_profiles import FeatureDef, Profile, profile_for
from workstation.errors import InputError

MAGIC = 0xDC
SIGNATURE_TAG = 0xFF
#: Raw version byte -> ICAO version number.
VERSIONS = {0x02: 3, 0x03: 4}


class VdsError(InputError):
    """The bytes are not a well-formed digital seal; ``zone`` names where it broke."""

    def __init__(self, zone: str, problem: str) -> None:
        self.zone = zone
        self.problem = problem
        super().__init__(f"digital seal {zone}: {problem}")


@dataclass(frozen=True)
class VdsHeader:
    """A seal's header. ``issuing_country`` keeps MRZ fillers (``D<<``)."""

    version: int
    raw_version: int
    issuing_country: str
    signer_identifier: str
    certificate_reference: str
    issue_date: dt.date | None
    signature_date: dt.date | None
    feature_ref: int
    category: int
    length: int

    @property
    def signer_country(self) -> str:
        """The signer's ISO alpha-2 country: the signer identifier's first two letters."""
        return self.signer_identifier[:2]

    @property
    def serial_number(self) -> int | None:
        """The signer certificate's serial number (the reference read as hexadecimal)."""
        try:
            return int(self.certificate_reference, 16)
        except ValueError:
            return None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "version": self.version, "issuing_country": self.issuing_country,
            "signer_identifier": self.signer_identifier,
            "certificate_reference": self.certificate_reference,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "signature_date": self.signature_date.isoformat() if self.signature_date else None,
            "document_feature_ref": self.feature_ref, "document_type_category": self.category,
        }


@dataclass(frozen=True)
class VdsFeature:
    """One document feature: ``value`` decoded by the profile's coding (``str`` for
    text, MRZ lines joined by ``\\n``; ``int``; a dict for the duration of stay; the
    hex string for bytes), or ``None`` when it could not be (``problem`` says why)."""

    tag: int
    name: str
    raw: bytes
    value: Any
    problem: str = ""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        value = self.value.isoformat() if isinstance(self.value, dt.date) else self.value
        out = {"tag": self.tag, "name": self.name, "value": value, "raw_hex": self.raw.hex()}
        if self.problem:
            out["problem"] = self.problem
        return out


@dataclass(frozen=True)
class VdsSeal:
    """A parsed seal. ``signed_data`` is what the signature covers (header + message)."""

    header: VdsHeader
    profile: Profile | None
    features: tuple[VdsFeature, ...]
    signature: bytes
    signed_data: bytes
    problems: tuple[str, ...] = ()

    @property
    def document_type(self) -> str | None:
        """The profile's name (``None`` for a document type not in the table)."""
        return self.profile.name if self.profile else None

    def feature(self, name: str) -> VdsFeature | None:
        """The first feature called ``name``."""
        return next((f for f in self.features if f.name == name), None)

    @property
    def mrz_lines(self) -> list[str] | None:
        """The MRZ the seal carries (the first ``mrz`` feature), as lines with fillers."""
        for f in self.features:
            if f.name.startswith("mrz") and isinstance(f.value, str):
                return f.value.split("\n")
        return None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (header, document type, features, signature, problems)."""
        return {
            "header": self.header.to_json(),
            "document_type": self.document_type,
            "profile_source": self.profile.source if self.profile else None,
            "features": [f.to_json() for f in self.features],
            "signature_hex": self.signature.hex(),
            "signed_bytes": len(self.signed_data),
            "problems": list(self.problems),
        }


# -- primitives ---------------------------------------------------------------------------
def decode_date(data: bytes) -> dt.date | None:
    """A 3-byte seal date (the integer MMDDYYYY); ``None`` for zero. ``ValueError`` when
    the digits are no calendar date."""
    if len(data) != 3:
        raise ValueError(f"a seal date is 3 bytes, not {len(data)}")
    number = int.from_bytes(data, "big")
    if number == 0:
        return None
    text = f"{number:08d}"
    if len(text) != 8:
        raise ValueError(f"{number} is no MMDDYYYY date")
    return dt.date(int(text[4:]), int(text[:2]), int(text[2:4]))


def _ber_length(data: bytes, at: int, zone: str) -> tuple[int, int]:
    """``(length, index after the length bytes)``."""
    if at >= len(data):
        raise VdsError(zone, f"length missing at byte {at}")
    first = data[at]
    if first < 0x80:
        return first, at + 1
    count = first & 0x7F
    if count == 0 or count > 3 or at + 1 + count > len(data):
        raise VdsError(zone, f"bad length encoding 0x{first:02x} at byte {at}")
    return int.from_bytes(data[at + 1:at + 1 + count], "big"), at + 1 + count


def _c40(data: bytes, zone: str, what: str) -> str:
    try:
        return c40.decode(data)
    except c40.C40Error as exc:
        raise VdsError(zone, f"{what}: {exc}") from None


# -- the header ---------------------------------------------------------------------------
def _header(data: bytes) -> VdsHeader:
    zone = "header"
    if len(data) < 3 or data[0] != MAGIC:
        found = f"0x{data[0]:02x}" if data else "nothing"
        raise VdsError(zone, f"no magic constant 0xDC at byte 0 (found {found})")
    raw_version = data[1]
    if raw_version not in VERSIONS:
        raise VdsError(zone, f"unknown version byte 0x{raw_version:02x} (known: 0x02 = "
                             f"version 3, 0x03 = version 4)")
    at = 2
    need = at + 2 + 6 + 8

    def take(n: int) -> bytes:
        nonlocal at
        if at + n > len(data):
            raise VdsError(zone, f"ends at byte {len(data)}, needs {max(need, at + n)} bytes")
        out = data[at:at + n]
        at += n
        return out

    country = _c40(take(2), zone, "issuing country").replace(" ", "<")
    if VERSIONS[raw_version] == 3:
        ref = _c40(take(6), zone, "signer identifier and certificate reference")
        signer, cert_ref = ref[:4], ref[4:]
    else:
        head = _c40(take(4), zone, "signer identifier")
        signer, length_hex = head[:4], head[4:6]
        try:
            ref_len = int(length_hex, 16)
        except ValueError:
            raise VdsError(zone, f"certificate reference length {length_hex!r} is not "
                                 f"hexadecimal") from None
        cert_ref = _c40(take(c40.bytes_for(ref_len)), zone, "certificate reference")
        if len(cert_ref) != ref_len:
            raise VdsError(zone, f"certificate reference {cert_ref!r} is not {ref_len} "
                                 f"characters long")
    if len(signer) != 4 or not signer.isalnum():
        raise VdsError(zone, f"signer identifier {signer!r} is not 4 letters or digits")
    dates: list[dt.date | None] = []
    for what in ("document issue date", "signature creation date"):
        raw = take(3)
        try:
            dates.append(decode_date(raw))
        except ValueError:
            raise VdsError(zone, f"{what} 0x{raw.hex()} is no date") from None
    feature_ref, category = take(1)[0], take(1)[0]
    return VdsHeader(version=VERSIONS[raw_version], raw_version=raw_version,
                     issuing_country=country, signer_identifier=signer,
                     certificate_reference=cert_ref, issue_date=dates[0],
                     signature_date=dates[1], feature_ref=feature_ref, category=category,
                     length=at)


# -- features -----------------------------------------------------------------------------
def _mrz_value(text: str, fdef: FeatureDef) -> str:
    """MRZ lines from the decoded characters (spaces are fillers); a value shorter than the
    layout is a visa MRZ whose line 2 stops after its 28th character."""
    text = text.replace(" ", "<")
    total = fdef.lines * fdef.line_length
    text = text[:total].ljust(total, "<")
    return "\n".join(text[i * fdef.line_length:(i + 1) * fdef.line_length]
                     for i in range(fdef.lines))


def _decode_feature(tag: int, raw: bytes, fdef: FeatureDef | None) -> VdsFeature:
    if fdef is None:
        return VdsFeature(tag, f"feature_{tag:02x}", raw, raw.hex())
    problem = ""
    if not fdef.min_bytes <= len(raw) <= fdef.max_bytes:
        problem = (f"{len(raw)} bytes, the profile allows {fdef.min_bytes}"
                   f"{'' if fdef.min_bytes == fdef.max_bytes else f'-{fdef.max_bytes}'}")
    value: Any
    try:
        if fdef.coding == "mrz":
            value = _mrz_value(c40.decode(raw), fdef)
        elif fdef.coding == "c40":
            value = c40.decode(raw)
        elif fdef.coding == "utf8":
            value = raw.decode("utf-8")
        elif fdef.coding == "int":
            value = int.from_bytes(raw, "big")
        elif fdef.coding == "duration" and len(raw) == 3:
            value = {"days": raw[0], "months": raw[1], "years": raw[2]}
        elif fdef.coding == "date":
            value = decode_date(raw)
        else:
            value = raw.hex()
    except (c40.C40Error, UnicodeDecodeError, ValueError) as exc:
        return VdsFeature(tag, fdef.name, raw, None, problem or str(exc))
    return VdsFeature(tag, fdef.name, raw, value, problem)


def parse_seal(data: bytes) -> VdsSeal:
    """Parse the bytes of a visible digital seal.

    Raises:
        VdsError: not a well-formed seal (no magic constant, unknown version, a header,
            feature or signature that runs past the end, no signature zone, bytes after
            the signature), naming the zone.
    """
    header = _header(data)
    profile = profile_for(header.feature_ref, header.category)
    features: list[VdsFeature] = []
    problems: list[str] = []
    at = header.length
    while True:
        if at >= len(data):
            raise VdsError("signature zone", "missing: the data ends without the 0xFF tag")
        tag = data[at]
        if tag == SIGNATURE_TAG:
            break
        length, start = _ber_length(data, at + 1, "message zone")
        if start + length > len(data):
            raise VdsError("message zone", f"feature 0x{tag:02x} at byte {at} is {length} "
                                           f"bytes long, past the end ({len(data)} bytes)")
        fdef = profile.feature(tag) if profile else None
        feature = _decode_feature(tag, data[start:start + length], fdef)
        if feature.problem:
            problems.append(f"feature {feature.name}: {feature.problem}")
        features.append(feature)
        at = start + length
    if not features:
        raise VdsError("message zone", "empty: a seal carries at least one document feature")
    signed = data[:at]
    length, start = _ber_length(data, at + 1, "signature zone")
    if start + length != len(data):
        raise VdsError("signature zone", f"signature of {length} bytes at byte {start} does not "
                                         f"end the data ({len(data)} bytes)")
    if length == 0 or length % 2:
        raise VdsError("signature zone", f"{length} bytes cannot be an ECDSA r || s pair")
    if profile is not None:
        present = {f.tag for f in features}
        for fdef in profile.features:
            if fdef.required and fdef.tag not in present:
                problems.append(f"required feature {fdef.name} (tag 0x{fdef.tag:02x}) missing")
    else:
        problems.append(f"document type 0x{header.feature_ref:02x}/0x{header.category:02x} "
                        f"is not in the table of profiles: features kept raw")
    return VdsSeal(header=header, profile=profile, features=tuple(features),
                   signature=data[start:], signed_data=signed, problems=tuple(problems))


def looks_like_seal(data: bytes) -> bool:
    """Whether ``data`` starts like a seal (magic constant and a known version byte)."""
    return len(data) > 2 and data[0] == MAGIC and data[1] in VERSIONS
