"""Verifying a visible digital seal: its signature against the signer certificate its
header names, and that certificate against the office's trust anchors.

The header's signer identifier is the signer's ISO country and the two letters of its
certificate's common name (``DETS``: ``C=DE``, ``CN=TS``); the certificate reference
is the certificate's serial number in hexadecimal (Doc 9303 Part 12/13, BSI
TR-03137). The signature is ECDSA over header and message zone, hashed with SHA-224,
-256, -384 or -512 as the curve's size asks (Doc 9303 Part 13, 2.4).

=====================  =======  ========================================================
status                 verdict  meaning
=====================  =======  ========================================================
``valid``              pass     the signature verifies and the signer chains to an anchor
``invalid``            fail     the signer certificate is known and the signature does
                                not verify: the seal's data or signature was changed
``chain_invalid``      fail     the signer certificate names an anchor as its issuer but
                                that anchor's signature on it does not verify
``revoked``            fail     the signer certificate is on its CA's revocation list
``outside_validity``   fail     the seal was signed outside the signer certificate's
                                validity (or its CA's)
``unknown_signer``     warn     no certificate of the signer the header names is known
``untrusted``          warn     the signature verifies, but the signer does not chain to
                                an anchor of the trust store
``unverifiable``       warn     the signer's key type or curve is not supported here
``malformed``          fail     the barcode starts like a seal but its structure is broken
=====================  =======  ========================================================
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.x509.oid import NameOID

from workstation.barcodes.trust import Anchor, SignerCert, TrustMaterial
from workstation.barcodes.vds import VdsSeal


class SealStatus(StrEnum):
    """The outcome of a seal's verification (see the module's table)."""

    VALID = "valid"
    INVALID = "invalid"
    CHAIN_INVALID = "chain_invalid"
    REVOKED = "revoked"
    OUTSIDE_VALIDITY = "outside_validity"
    UNKNOWN_SIGNER = "unknown_signer"
    UNTRUSTED = "untrusted"
    UNVERIFIABLE = "unverifiable"
    MALFORMED = "malformed"

    @property
    def verdict(self) -> str:
        """``pass``, ``fail`` or ``warn``."""
        if self is SealStatus.VALID:
            return "pass"
        if self in (SealStatus.UNKNOWN_SIGNER, SealStatus.UNTRUSTED, SealStatus.UNVERIFIABLE):
            return "warn"
        return "fail"


@dataclass(frozen=True)
class SealVerification:
    """What the verification found. ``signature_valid`` / ``chain_valid`` are ``None``
    where that step could not run."""

    status: SealStatus
    message: str
    signature_valid: bool | None = None
    chain_valid: bool | None = None
    signer: str | None = None
    signer_serial: str | None = None
    signer_source: str | None = None
    anchor: str | None = None
    anchor_source: str | None = None
    hash_algorithm: str | None = None
    curve: str | None = None

    @property
    def trusted(self) -> bool:
        """The seal verifies and its signer chains to an anchor."""
        return self.status is SealStatus.VALID

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"status": self.status.value, "verdict": self.status.verdict,
                "valid": self.status is SealStatus.VALID, "trusted": self.trusted,
                "signature_valid": self.signature_valid, "chain_valid": self.chain_valid,
                "signer": self.signer, "signer_serial": self.signer_serial,
                "signer_source": self.signer_source, "anchor": self.anchor,
                "anchor_source": self.anchor_source, "hash_algorithm": self.hash_algorithm,
                "curve": self.curve, "message": self.message}


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value).strip().upper() if values else ""


def subject_text(cert: x509.Certificate) -> str:
    """The certificate's subject for people: ``CN=..., O=..., C=...`` (most specific
    first, values unescaped)."""
    return ", ".join(f"{a.rfc4514_attribute_name}={a.value!s}"
                     for a in reversed(list(cert.subject)))


def _candidates(seal: VdsSeal, trust: TrustMaterial) -> tuple[list[SignerCert], bool]:
    """Certificates of the signer the header names, and whether they matched by name and
    serial (``True``) or by country and serial only (``False``)."""
    h = seal.header
    serial = h.serial_number
    pool = [*trust.signers, *(SignerCert(a.certificate, a.source) for a in trust.anchors)]
    exact, loose = [], []
    for cand in pool:
        cert = cand.certificate
        if serial is None or cert.serial_number != serial:
            continue
        if _attr(cert.subject, NameOID.COUNTRY_NAME) != h.signer_country.upper():
            continue
        if _attr(cert.subject, NameOID.COMMON_NAME) == h.signer_identifier[2:].upper():
            exact.append(cand)
        else:
            loose.append(cand)
    return (exact, True) if exact else (loose, False)


def _digest_for(bits: int) -> hashes.HashAlgorithm:
    if bits <= 224:
        return hashes.SHA224()
    if bits <= 256:
        return hashes.SHA256()
    if bits <= 384:
        return hashes.SHA384()
    return hashes.SHA512()


def check_signature(seal: VdsSeal, cert: x509.Certificate) -> tuple[bool | None, str, str]:
    """``(valid, hash name, curve name)`` of the seal's signature under ``cert``'s key;
    ``valid`` is ``None`` when the key cannot be used here (not EC, unsupported curve)."""
    try:
        key = cert.public_key()
    except (UnsupportedAlgorithm, ValueError) as exc:
        return None, "", f"unsupported key ({exc})"
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return None, "", f"{type(key).__name__} (a seal is signed with ECDSA)"
    bits = key.curve.key_size
    size = (bits + 7) // 8
    digest = _digest_for(bits)
    sig = seal.signature
    if len(sig) != 2 * size:
        return False, digest.name, key.curve.name
    r, s = int.from_bytes(sig[:size], "big"), int.from_bytes(sig[size:], "big")
    try:
        key.verify(encode_dss_signature(r, s), seal.signed_data, ec.ECDSA(digest))
    except InvalidSignature:
        return False, digest.name, key.curve.name
    return True, digest.name, key.curve.name


def _valid_at(cert: x509.Certificate, when: dt.datetime) -> bool:
    return cert.not_valid_before_utc <= when <= cert.not_valid_after_utc


def _issuers(cert: x509.Certificate, anchors: tuple[Anchor, ...]) -> list[Anchor]:
    return [a for a in anchors if a.certificate.subject == cert.issuer]


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True


def _revoked(cert: x509.Certificate, anchor: x509.Certificate,
             trust: TrustMaterial) -> bool:
    for crl in trust.crls:
        if crl.issuer != anchor.subject:
            continue
        try:
            if not crl.is_signature_valid(anchor.public_key()):  # type: ignore[arg-type]
                continue
        except (UnsupportedAlgorithm, TypeError, ValueError):
            continue
        if crl.get_revoked_certificate_by_serial_number(cert.serial_number) is not None:
            return True
    return False


def verify_seal(seal: VdsSeal, trust: TrustMaterial,
                now: dt.datetime | None = None) -> SealVerification:
    """Verify ``seal`` against ``trust`` (see the module's table of outcomes)."""
    h = seal.header
    when = (dt.datetime.combine(h.signature_date, dt.time(12), tzinfo=dt.UTC)
            if h.signature_date else (now or dt.datetime.now(dt.UTC)))
    candidates, exact = _candidates(seal, trust)
    ref = f"{h.signer_identifier} / {h.certificate_reference}"
    if not candidates:
        return SealVerification(SealStatus.UNKNOWN_SIGNER,
                                f"no certificate of signer {ref} (country {h.signer_country}, "
                                f"serial 0x{h.certificate_reference}) in the trust store")
    last: SealVerification | None = None
    for cand in candidates:
        cert = cand.certificate
        valid, digest, curve = check_signature(seal, cert)
        common: dict[str, Any] = {
            "signer": subject_text(cert), "signer_serial": f"{cert.serial_number:X}",
            "signer_source": cand.source, "hash_algorithm": digest or None,
            "curve": curve or None}
        if valid is None:
            last = SealVerification(SealStatus.UNVERIFIABLE, f"signer {ref}: {curve}",
                                    **common)
            continue
        if not valid:
            last = SealVerification(SealStatus.INVALID,
                                    f"the signature does not verify with signer {ref}'s "
                                    f"certificate: the seal's data or signature was changed",
                                    signature_valid=False, **common)
            continue
        return _chain(cert, cand, trust, when, common, exact, ref)
    assert last is not None
    return last


def _chain(cert: x509.Certificate, cand: SignerCert, trust: TrustMaterial,
           when: dt.datetime, common: dict[str, Any], exact: bool,
           ref: str) -> SealVerification:
    how = "" if exact else " (matched by country and serial number only)"
    der = cert.public_bytes(serialization.Encoding.DER)
    country = _attr(cert.subject, NameOID.COUNTRY_NAME)
    for anchor in trust.anchors:
        if anchor.certificate.public_bytes(serialization.Encoding.DER) == der and \
                anchor.covers(country):
            if not _valid_at(cert, when):
                return SealVerification(SealStatus.OUTSIDE_VALIDITY,
                                        f"signed {when.date()} outside the validity of the "
                                        f"trusted signer certificate{how}",
                                        signature_valid=True, chain_valid=True,
                                        anchor=subject_text(cert),
                                        anchor_source=anchor.source, **common)
            return SealVerification(SealStatus.VALID, f"signature valid; signer {ref} is "
                                    f"itself a trust anchor{how}", signature_valid=True,
                                    chain_valid=True, anchor=subject_text(cert),
                                    anchor_source=anchor.source, **common)
    issuers = [a for a in _issuers(cert, trust.anchors) if a.covers(country)]
    if not issuers:
        return SealVerification(SealStatus.UNTRUSTED,
                                f"signature valid, but no trusted CA issued signer {ref}'s "
                                f"certificate (issuer {cert.issuer.rfc4514_string()}){how}",
                                signature_valid=True, **common)
    for anchor in issuers:
        if not _issued_by(cert, anchor.certificate):
            continue
        extra = {"anchor": subject_text(anchor.certificate), "anchor_source": anchor.source}
        if _revoked(cert, anchor.certificate, trust):
            return SealVerification(SealStatus.REVOKED, f"signer {ref}'s certificate is "
                                    f"revoked by its CA", signature_valid=True,
                                    chain_valid=False, **extra, **common)
        if not (_valid_at(cert, when) and _valid_at(anchor.certificate, when)):
            return SealVerification(SealStatus.OUTSIDE_VALIDITY,
                                    f"signed {when.date()} outside the validity of signer "
                                    f"{ref}'s certificate or its CA's", signature_valid=True,
                                    chain_valid=False, **extra, **common)
        return SealVerification(SealStatus.VALID, f"signature valid; signer {ref} certified "
                                f"by {extra['anchor']}{how}", signature_valid=True,
                                chain_valid=True, **extra, **common)
    return SealVerification(SealStatus.CHAIN_INVALID,
                            f"signer {ref}'s certificate names a trusted CA as issuer, but "
                            f"that CA's signature on it does not verify", signature_valid=True,
                            chain_valid=False, **common)
