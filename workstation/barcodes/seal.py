"""Verifying a visible digital seal: its signature against the signer certificate its
header names, and that certificate against the office's trust anchors.

The header's signer identifier is the signer's ISO country and the two letters of its
certificate's common name (``DETS``: ``C=DE``, ``CN=TS``); the certificate reference
is the certificate's serial number in hexadecimal (Doc 9303 Part 12/13, BSI
TR-03137). The signature is ECDSA over header and message zone, hashed with SHA-224,
-256, -384 or -512 as the curve's size asks (Doc 9303 Part 13, 2.4). Keys, curves
(named or explicitly specified, brainpoolP224r1 included), chains and revocation
lists are checked with :mod:`workstation.pki`, as the chip's are.

=====================  =======  ========================================================
status                 verdict  meaning
=====================  =======  ========================================================
``valid``              pass     the signature verifies and the signer chains to an anchor
``invalid``            fail     the signer certificate is known and the signature does
                                not verify: the seal's data or signature was changed
``chain_invalid``      fail     the signer certificate names an anchor as its issuer but
                                that anchor's signature on it does not verify, or the
                                anchor is another country's CA than the signer's
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

from asn1crypto import x509

from workstation.barcodes.trust import SignerCert, TrustMaterial
from workstation.barcodes.vds import VdsSeal
from workstation.errors import FormatError
from workstation.i18n import QT_TRANSLATE_NOOP, Said, msg
from workstation.pki.certs import (
    country_of,
    may_have_issued,
    name_text,
    revocation,
    signed_by,
    subject_text,
    valid_at,
)
from workstation.pki.keys import SignatureAlgorithm, load_spki


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


def _said(source: str, /, **params: Any) -> Said:
    """A verification message (context ``barcodes``): English text that still knows its
    template, so the window and the report render it in the examiner's language."""
    return Said(msg("barcodes", source, **params))


#: The templates a verification message is made from, by outcome; their set
#: (``SEAL_MESSAGES``) is the only one :func:`message_from_json` rebuilds (a JSON file's
#: text is otherwise shown as it is).
SEAL_TEMPLATES: dict[str, str] = {
    "unknown_signer": QT_TRANSLATE_NOOP(
        "barcodes", "no certificate of signer {ref} (country {country}, "
        "serial 0x{serial}) in the trust store"),
    "unverifiable": QT_TRANSLATE_NOOP(
        "barcodes", "signer {ref}: {reason}"),
    "invalid": QT_TRANSLATE_NOOP(
        "barcodes", "the signature does not verify with signer {ref}'s "
        "certificate: the seal's data or signature was changed"),
    "anchor_outside_validity": QT_TRANSLATE_NOOP(
        "barcodes", "signed {date} outside the validity of the trusted signer "
        "certificate{how}"),
    "valid_anchor": QT_TRANSLATE_NOOP(
        "barcodes", "signature valid; signer {ref} is itself a trust "
        "anchor{how}"),
    "untrusted": QT_TRANSLATE_NOOP(
        "barcodes", "signature valid, but no trusted CA issued signer {ref}'s "
        "certificate (issuer {issuer}){how}"),
    "other_country": QT_TRANSLATE_NOOP(
        "barcodes", "signer {ref}'s certificate (country {country}) was issued "
        "by the CA of another country ({anchor_country})"),
    "revoked": QT_TRANSLATE_NOOP(
        "barcodes", "signer {ref}'s certificate is revoked by its CA{since}"),
    "since": QT_TRANSLATE_NOOP(
        "barcodes", " since {date}"),
    "outside_validity": QT_TRANSLATE_NOOP(
        "barcodes", "signed {date} outside the validity of signer {ref}'s "
        "certificate or its CA's"),
    "valid": QT_TRANSLATE_NOOP(
        "barcodes", "signature valid; signer {ref} certified by "
        "{anchor}{how}"),
    "loose_match": QT_TRANSLATE_NOOP(
        "barcodes", " (matched by country and serial number only)"),
    "chain_invalid": QT_TRANSLATE_NOOP(
        "barcodes", "signer {ref}'s certificate names a trusted CA as issuer, "
        "but that CA's signature on it does not verify"),
}
SEAL_MESSAGES = frozenset(SEAL_TEMPLATES.values())


def _template_json(value: Any) -> Any:
    """A message parameter as JSON: a message as its template, anything else as text."""
    if isinstance(value, Said):
        m = value.message
        return {"source": m.source, "params": {k: _template_json(v)
                                               for k, v in m.params.items()}}
    return str(value)


def message_from_json(verification: dict[str, Any]) -> str:
    """A verification's message from its JSON (:meth:`SealVerification.to_json`): the
    message rebuilt from ``message_template`` when that names one of
    :data:`SEAL_MESSAGES` (so it renders in any language), else ``message`` as written."""

    def build(t: Any) -> str | None:
        if isinstance(t, str):
            return t
        if not isinstance(t, dict) or t.get("source") not in SEAL_MESSAGES:
            return None
        params = t.get("params")
        if not isinstance(params, dict):
            return None
        built = {str(k): build(v) for k, v in params.items()}
        if any(v is None for v in built.values()):
            return None
        try:
            return _said(str(t["source"]), **built)
        except (KeyError, IndexError, ValueError):  # parameters that do not fit
            return None

    rebuilt = build(verification.get("message_template"))
    return rebuilt if isinstance(rebuilt, Said) else str(verification.get("message", ""))


@dataclass(frozen=True)
class SealVerification:
    """What the verification found. ``signature_valid`` / ``chain_valid`` are ``None``
    where that step could not run; ``revocation`` is what the CA's revocation lists say
    of the signer (``good``, ``revoked``, ``stale``: only expired lists, ``unknown``: no
    list of that CA), ``None`` when no CA was found."""

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
    revocation: str | None = None

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
                "curve": self.curve, "revocation": self.revocation, "message": str(self.message),
                **({"message_template": _template_json(self.message)}
                   if isinstance(self.message, Said) else {})}


def _attr(cert: x509.Certificate, name: str) -> str:
    value = cert.subject.native.get(name)
    if isinstance(value, list):  # a name attribute given more than once
        value = value[0] if value else None
    return str(value).strip().upper() if value else ""


def _candidates(seal: VdsSeal, trust: TrustMaterial) -> tuple[list[SignerCert], bool]:
    """Certificates of the signer the header names, and whether they matched by name and
    serial (``True``) or by country and serial only (``False``)."""
    h = seal.header
    serial = h.serial_number
    pool = [*trust.signers, *(SignerCert(a.certificate, a.source) for a in trust.anchors)]
    exact, loose = [], []
    seen: set[bytes] = set()
    for cand in pool:
        cert = cand.certificate
        if serial is None or cert.serial_number != serial:
            continue
        if _attr(cert, "country_name") != h.signer_country.upper():
            continue
        der = cert.dump()
        if der in seen:  # the same certificate from two places: try it once
            continue
        seen.add(der)
        if _attr(cert, "common_name") == h.signer_identifier[2:].upper():
            exact.append(cand)
        else:
            loose.append(cand)
    return (exact, True) if exact else (loose, False)


def hash_for(bits: int) -> str:
    """The hash a seal signed on a curve of ``bits`` bits uses (Doc 9303 Part 13, 2.4)."""
    if bits <= 224:
        return "sha224"
    if bits <= 256:
        return "sha256"
    if bits <= 384:
        return "sha384"
    return "sha512"


def check_signature(seal: VdsSeal, cert: x509.Certificate) -> tuple[bool | None, str, str]:
    """``(valid, hash name, curve name)`` of the seal's signature under ``cert``'s key;
    ``valid`` is ``None`` when the key cannot be used here (not EC, unsupported curve).
    Named and explicitly specified curves are supported (brainpoolP224r1 included)."""
    try:
        key = load_spki(cert["tbs_certificate"]["subject_public_key_info"])
    except FormatError as exc:
        return None, "", f"unsupported key ({exc.problem})"
    if key.kind != "ec" or key.curve is None:
        return None, "", f"{key.describe()} key (a seal is signed with ECDSA)"
    bits = key.curve.p.bit_length()
    digest = hash_for(bits)
    if len(seal.signature) != 2 * key.curve.size:
        return False, digest, key.curve.name
    ok = key.verify(seal.signature, seal.signed_data, SignatureAlgorithm("ecdsa-plain", digest))
    return ok, digest, key.curve.name


def verify_seal(seal: VdsSeal, trust: TrustMaterial,
                now: dt.datetime | None = None) -> SealVerification:
    """Verify ``seal`` against ``trust`` (see the module's table of outcomes)."""
    h = seal.header
    when = (dt.datetime.combine(h.signature_date, dt.time(12), tzinfo=dt.UTC)
            if h.signature_date else (now or dt.datetime.now(dt.UTC)))
    candidates, exact = _candidates(seal, trust)
    ref = f"{h.signer_identifier} / {h.certificate_reference}"
    if not candidates:
        return SealVerification(SealStatus.UNKNOWN_SIGNER, _said(
            SEAL_TEMPLATES["unknown_signer"], ref=ref, country=h.signer_country,
            serial=h.certificate_reference))
    last: SealVerification | None = None
    for cand in candidates:
        cert = cand.certificate
        valid, digest, curve = check_signature(seal, cert)
        common: dict[str, Any] = {
            "signer": subject_text(cert), "signer_serial": f"{cert.serial_number:X}",
            "signer_source": cand.source, "hash_algorithm": digest or None,
            "curve": curve or None}
        if valid is None:
            last = SealVerification(SealStatus.UNVERIFIABLE, _said(
                SEAL_TEMPLATES["unverifiable"], ref=ref, reason=curve), **common)
            continue
        if not valid:
            last = SealVerification(SealStatus.INVALID, _said(
                SEAL_TEMPLATES["invalid"], ref=ref), signature_valid=False, **common)
            continue
        return _chain(cert, trust, when, common, exact, ref)
    assert last is not None
    return last


def _chain(cert: x509.Certificate, trust: TrustMaterial, when: dt.datetime,
           common: dict[str, Any], exact: bool, ref: str) -> SealVerification:
    how: str = "" if exact else _said(SEAL_TEMPLATES["loose_match"])
    date = when.date().isoformat()
    der = cert.dump()
    country = country_of(cert.subject)
    for anchor in trust.anchors:
        if anchor.certificate.dump() == der:
            anchor_fields = {"anchor": subject_text(cert), "anchor_source": anchor.source}
            if not valid_at(cert, when):
                return SealVerification(SealStatus.OUTSIDE_VALIDITY, _said(
                    SEAL_TEMPLATES["anchor_outside_validity"], date=date, how=how),
                    signature_valid=True, chain_valid=True, **anchor_fields, **common)
            return SealVerification(SealStatus.VALID, _said(
                SEAL_TEMPLATES["valid_anchor"], ref=ref, how=how),
                signature_valid=True, chain_valid=True, **anchor_fields, **common)
    named = [a for a in trust.anchors if may_have_issued(a.certificate, cert)]
    if not named:
        return SealVerification(SealStatus.UNTRUSTED, _said(
            SEAL_TEMPLATES["untrusted"], ref=ref, issuer=name_text(cert.issuer), how=how),
            signature_valid=True, **common)
    for anchor in named:
        if not signed_by(cert, anchor.certificate):
            continue
        anchor_fields = {"anchor": subject_text(anchor.certificate), "anchor_source": anchor.source}
        anchor_country = country_of(anchor.certificate.subject)
        if anchor_country != country:
            return SealVerification(SealStatus.CHAIN_INVALID, _said(
                SEAL_TEMPLATES["other_country"], ref=ref, country=country,
                anchor_country=anchor_country),
                signature_valid=True, chain_valid=False, **anchor_fields, **common)
        rev = revocation(cert, anchor.certificate, trust.crls, when)
        if rev.status == "revoked":
            since: str = _said(SEAL_TEMPLATES["since"],
                               date=rev.revoked_at.date().isoformat()) if rev.revoked_at else ""
            return SealVerification(SealStatus.REVOKED, _said(
                SEAL_TEMPLATES["revoked"], ref=ref, since=since), signature_valid=True,
                chain_valid=False, revocation=rev.status, **anchor_fields, **common)
        if not (valid_at(cert, when) and valid_at(anchor.certificate, when)):
            return SealVerification(SealStatus.OUTSIDE_VALIDITY, _said(
                SEAL_TEMPLATES["outside_validity"], date=date, ref=ref), signature_valid=True,
                chain_valid=False, revocation=rev.status, **anchor_fields, **common)
        return SealVerification(SealStatus.VALID, _said(
            SEAL_TEMPLATES["valid"], ref=ref, anchor=anchor_fields["anchor"], how=how),
            signature_valid=True, chain_valid=True, revocation=rev.status, **anchor_fields,
            **common)
    return SealVerification(SealStatus.CHAIN_INVALID, _said(
        SEAL_TEMPLATES["chain_invalid"], ref=ref), signature_valid=True, chain_valid=False,
        **common)
