"""Object identifiers of ICAO 9303 and BSI TR-03110 that the chip code meets, and DER
encoding of OIDs (the chip protocols put raw OID bytes in their data objects)."""

from __future__ import annotations

BSI = "0.4.0.127.0.7"
ID_PK_DH = f"{BSI}.2.2.1.1"
ID_PK_ECDH = f"{BSI}.2.2.1.2"
ID_CA_DH_3DES = f"{BSI}.2.2.3.1.1"
ID_CA_DH_AES128 = f"{BSI}.2.2.3.1.2"
ID_CA_ECDH_3DES = f"{BSI}.2.2.3.2.1"
ID_CA_ECDH_AES128 = f"{BSI}.2.2.3.2.2"
ID_CA_ECDH_AES192 = f"{BSI}.2.2.3.2.3"
ID_CA_ECDH_AES256 = f"{BSI}.2.2.3.2.4"
ID_PACE = f"{BSI}.2.2.4"
ID_AA = "2.23.136.1.1.5"
LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
CSCA_MASTER_LIST = "2.23.136.1.1.2"
ECDSA_PLAIN_SHA1 = f"{BSI}.1.1.4.1.1"
ECDSA_PLAIN_SHA224 = f"{BSI}.1.1.4.1.2"
ECDSA_PLAIN_SHA256 = f"{BSI}.1.1.4.1.3"
ECDSA_PLAIN_SHA384 = f"{BSI}.1.1.4.1.4"
ECDSA_PLAIN_SHA512 = f"{BSI}.1.1.4.1.5"

#: PACE protocol OID -> (mapping, key agreement, cipher, key bits).
PACE_PROTOCOLS: dict[str, tuple[str, str, str, int]] = {}
for _ka, _n in (("DH", 1), ("ECDH", 2)):
    for _mapping, _base in (("GM", 0), ("IM", 2)):
        for _suffix, (_cipher, _bits) in enumerate(
                (("3DES", 112), ("AES", 128), ("AES", 192), ("AES", 256)), start=1):
            PACE_PROTOCOLS[f"{ID_PACE}.{_base + _n}.{_suffix}"] = (_mapping, _ka, _cipher, _bits)
for _suffix, (_cipher, _bits) in enumerate((("AES", 128), ("AES", 192), ("AES", 256)), start=2):
    PACE_PROTOCOLS[f"{ID_PACE}.6.{_suffix}"] = ("CAM", "ECDH", _cipher, _bits)

#: Chip Authentication protocol OID -> (key agreement, cipher, key bits).
CA_PROTOCOLS: dict[str, tuple[str, str, int]] = {
    ID_CA_DH_3DES: ("DH", "3DES", 112), ID_CA_DH_AES128: ("DH", "AES", 128),
    f"{BSI}.2.2.3.1.3": ("DH", "AES", 192), f"{BSI}.2.2.3.1.4": ("DH", "AES", 256),
    ID_CA_ECDH_3DES: ("ECDH", "3DES", 112), ID_CA_ECDH_AES128: ("ECDH", "AES", 128),
    ID_CA_ECDH_AES192: ("ECDH", "AES", 192), ID_CA_ECDH_AES256: ("ECDH", "AES", 256),
}

#: Plain-format ECDSA (r || s) signature OIDs -> hash name.
ECDSA_PLAIN: dict[str, str] = {
    ECDSA_PLAIN_SHA1: "sha1", ECDSA_PLAIN_SHA224: "sha224", ECDSA_PLAIN_SHA256: "sha256",
    ECDSA_PLAIN_SHA384: "sha384", ECDSA_PLAIN_SHA512: "sha512",
}


def encode_oid(dotted: str) -> bytes:
    """The content bytes of an OBJECT IDENTIFIER (no tag, no length)."""
    arcs = [int(a) for a in dotted.split(".")]
    if len(arcs) < 2:
        raise ValueError(f"not an OID: {dotted!r}")
    out = bytearray()
    for value in [arcs[0] * 40 + arcs[1], *arcs[2:]]:
        chunk = [value & 0x7F]
        value >>= 7
        while value:
            chunk.append(0x80 | (value & 0x7F))
            value >>= 7
        out += bytes(reversed(chunk))
    return bytes(out)


def decode_oid(content: bytes) -> str:
    """The dotted form of OBJECT IDENTIFIER content bytes (``ValueError`` when malformed)."""
    if not content or content[-1] & 0x80:
        raise ValueError("malformed OID")
    values: list[int] = []
    value = 0
    for b in content:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            values.append(value)
            value = 0
    first = values[0]
    head = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    return ".".join(str(v) for v in head + values[1:])
