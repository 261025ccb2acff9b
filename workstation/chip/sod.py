"""EF.SOD (ICAO 9303-10 §4.6.2): the document security object, a CMS SignedData over
``LDSSecurityObject`` (the hash of every data group)."""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import algos, core

from workstation.chip.lds import TAG_SOD
from workstation.chip.tlv import TlvError, parse_one
from workstation.errors import FormatError
from workstation.pki.cms import SignedData, parse_signed_data
from workstation.pki.oids import LDS_SECURITY_OBJECT


class _DataGroupHash(core.Sequence):
    _fields = [("number", core.Integer), ("hash", core.OctetString)]  # noqa: RUF012


class _Hashes(core.SequenceOf):
    _child_spec = _DataGroupHash


class _LdsVersionInfo(core.Sequence):
    _fields = [("lds_version", core.PrintableString), ("unicode_version", core.PrintableString)]  # noqa: RUF012


class LdsSecurityObject(core.Sequence):
    """ASN.1 of the LDS security object (versions 0 and 1)."""

    _fields = [("version", core.Integer), ("hash_algorithm", algos.DigestAlgorithm),  # noqa: RUF012
               ("hashes", _Hashes), ("lds_version_info", _LdsVersionInfo, {"optional": True})]


@dataclass(frozen=True)
class Sod:
    """A parsed EF.SOD.

    Attributes:
        signed_data: the CMS structure.
        hash_algorithm: e.g. ``sha256``.
        hashes: data group number -> hash the document signer signed.
        lds_version: from the LDS version info (LDS 1.8), or ``""``.
    """

    signed_data: SignedData
    hash_algorithm: str
    hashes: dict[int, bytes]
    lds_version: str = ""


def parse_sod(data: bytes) -> Sod:
    """Parse EF.SOD (with or without its ``77`` wrapper).

    Raises:
        FormatError: not an EF.SOD.
    """
    try:
        inner = parse_one(data).value if data[:1] == bytes([TAG_SOD]) else data
    except TlvError as exc:
        raise FormatError("EF.SOD", exc.problem) from None
    sd = parse_signed_data(inner, "EF.SOD")
    if sd.content_type != LDS_SECURITY_OBJECT:
        raise FormatError("EF.SOD", f"signed content is {sd.content_type}, not an LDS "
                          "security object")
    try:
        obj = LdsSecurityObject.load(sd.content)
        algo = obj["hash_algorithm"]["algorithm"].native
        hashes = {int(h["number"].native): bytes(h["hash"].native) for h in obj["hashes"]}
        info = obj["lds_version_info"]
        lds = str(info["lds_version"].native) if info.native else ""
    except (ValueError, TypeError, KeyError) as exc:
        raise FormatError("EF.SOD", f"malformed LDS security object ({exc})") from None
    if algo not in ("sha1", "sha224", "sha256", "sha384", "sha512"):
        raise FormatError("EF.SOD", f"unsupported data group hash algorithm {algo}")
    return Sod(sd, algo, hashes, lds)
