"""SecurityInfos (ICAO 9303-11 §9.2): what EF.CardAccess and DG14 say the chip supports.

``SecurityInfos ::= SET OF SecurityInfo``, each a SEQUENCE of a protocol OID
and protocol-specific data. Recognised here: PACEInfo, ChipAuthenticationInfo,
ChipAuthenticationPublicKeyInfo, ActiveAuthenticationInfo; anything else is
kept by OID so a report can name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workstation.chip import oids
from workstation.chip.tlv import Tlv, TlvError, iter_tlv, parse_one, tlv


@dataclass(frozen=True)
class PaceInfo:
    """One PACE variant the chip offers (``parameter_id``: a standardised domain
    parameter id, ``None`` when the chip gives explicit parameters elsewhere)."""

    protocol: str
    version: int
    parameter_id: int | None

    @property
    def mapping(self) -> str:
        return oids.PACE_PROTOCOLS[self.protocol][0] if self.supported_oid else "?"

    @property
    def supported_oid(self) -> bool:
        return self.protocol in oids.PACE_PROTOCOLS

    def describe(self) -> str:
        spec = oids.PACE_PROTOCOLS.get(self.protocol)
        if spec is None:
            return f"PACE {self.protocol}"
        mapping, ka, cipher, bits = spec
        return f"PACE-{ka}-{mapping}-{cipher}{'' if cipher == '3DES' else bits}" + (
            f" (domain parameters {self.parameter_id})" if self.parameter_id is not None else "")


@dataclass(frozen=True)
class ChipAuthInfo:
    """ChipAuthenticationInfo: protocol, version, optional key id."""

    protocol: str
    version: int
    key_id: int | None


@dataclass(frozen=True)
class ChipAuthPublicKey:
    """ChipAuthenticationPublicKeyInfo: the chip's static key agreement key (DER
    SubjectPublicKeyInfo) and its key id."""

    protocol: str
    spki: bytes
    key_id: int | None


@dataclass(frozen=True)
class ActiveAuthInfo:
    """ActiveAuthenticationInfo: the signature algorithm of ECDSA Active Authentication."""

    version: int
    signature_algorithm: str


@dataclass
class SecurityInfos:
    """Everything one SecurityInfos object holds."""

    pace: list[PaceInfo] = field(default_factory=list)
    chip_auth: list[ChipAuthInfo] = field(default_factory=list)
    chip_auth_keys: list[ChipAuthPublicKey] = field(default_factory=list)
    active_auth: ActiveAuthInfo | None = None
    other: list[str] = field(default_factory=list)


def _int(obj: Tlv) -> int:
    if obj.tag != 0x02:
        raise TlvError(f"expected an INTEGER, found tag {obj.tag:02X}")
    return int.from_bytes(obj.value, "big", signed=True)


def parse_security_infos(data: bytes) -> SecurityInfos:
    """Parse a DER SecurityInfos (the content of EF.CardAccess, or DG14's inner SET).

    Raises:
        TlvError: malformed structure.
    """
    top = parse_one(data)
    if top.tag == 0x6E:  # DG14 wraps the SET
        top = parse_one(top.value)
    if top.tag != 0x31:
        raise TlvError(f"SecurityInfos must be a SET, found tag {top.tag:02X}")
    out = SecurityInfos()
    for info in iter_tlv(top.value):
        if info.tag != 0x30:
            raise TlvError("a SecurityInfo must be a SEQUENCE")
        parts = info.children()
        if not parts or parts[0].tag != 0x06:
            raise TlvError("a SecurityInfo must start with its protocol OID")
        protocol = oids.decode_oid(parts[0].value)
        rest = parts[1:]
        if protocol.startswith(oids.ID_PACE + ".") and protocol.count(".") == 10 and rest:
            param = _int(rest[1]) if len(rest) > 1 and rest[1].tag == 0x02 else None
            out.pace.append(PaceInfo(protocol, _int(rest[0]), param))
        elif protocol in oids.CA_PROTOCOLS and rest:
            key_id = _int(rest[1]) if len(rest) > 1 else None
            out.chip_auth.append(ChipAuthInfo(protocol, _int(rest[0]), key_id))
        elif protocol in (oids.ID_PK_DH, oids.ID_PK_ECDH) and rest:
            spki = tlv(rest[0].tag, rest[0].value)
            key_id = _int(rest[1]) if len(rest) > 1 else None
            out.chip_auth_keys.append(ChipAuthPublicKey(protocol, spki, key_id))
        elif protocol == oids.ID_AA and len(rest) >= 2 and rest[1].tag == 0x06:
            out.active_auth = ActiveAuthInfo(_int(rest[0]), oids.decode_oid(rest[1].value))
        else:
            out.other.append(protocol)
    return out


def _der_int(value: int) -> bytes:
    body = value.to_bytes(max(1, (value.bit_length() + 8) // 8), "big", signed=True)
    return tlv(0x02, body)


def encode_pace_info(info: PaceInfo) -> bytes:
    """DER of one PACEInfo."""
    body = tlv(0x06, oids.encode_oid(info.protocol)) + _der_int(info.version)
    if info.parameter_id is not None:
        body += _der_int(info.parameter_id)
    return tlv(0x30, body)


def encode_chip_auth_info(info: ChipAuthInfo) -> bytes:
    """DER of one ChipAuthenticationInfo."""
    body = tlv(0x06, oids.encode_oid(info.protocol)) + _der_int(info.version)
    if info.key_id is not None:
        body += _der_int(info.key_id)
    return tlv(0x30, body)


def encode_chip_auth_key(key: ChipAuthPublicKey) -> bytes:
    """DER of one ChipAuthenticationPublicKeyInfo."""
    body = tlv(0x06, oids.encode_oid(key.protocol)) + key.spki
    if key.key_id is not None:
        body += _der_int(key.key_id)
    return tlv(0x30, body)


def encode_active_auth_info(info: ActiveAuthInfo) -> bytes:
    """DER of an ActiveAuthenticationInfo."""
    return tlv(0x30, tlv(0x06, oids.encode_oid(oids.ID_AA)) + _der_int(info.version)
               + tlv(0x06, oids.encode_oid(info.signature_algorithm)))


def encode_security_infos(items: list[bytes]) -> bytes:
    """A DER SET of already encoded SecurityInfo objects (sorted, as DER wants)."""
    return tlv(0x31, b"".join(sorted(items)))
