"""X.509 certificates: load, name, check a signature by an issuer, validity, revocation.

Chains here are the ICAO ones: a signer (document signer, master list signer)
issued directly by a country signing CA. Signatures are checked with
:mod:`workstation.pki.keys` (explicit EC parameters and brainpool curves included).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import crl as acrl
from asn1crypto import pem, x509

from workstation.errors import FormatError
from workstation.pki.keys import SignatureAlgorithm, load_spki


def load_certificate(data: bytes, where: str = "certificate") -> x509.Certificate:
    """A certificate from DER or PEM bytes.

    Raises:
        FormatError: not a certificate.
    """
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        cert = x509.Certificate.load(data)
        _ = cert.subject.native, cert["tbs_certificate"]["subject_public_key_info"].native
        return cert
    except (ValueError, TypeError, KeyError) as exc:
        raise FormatError(where, f"not an X.509 certificate ({exc})") from None


def load_crl(data: bytes, where: str = "CRL") -> acrl.CertificateList:
    """A CRL from DER or PEM bytes (``FormatError`` otherwise)."""
    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        out = acrl.CertificateList.load(data)
        _ = out.issuer.native, out["tbs_cert_list"]["this_update"].native
        return out
    except (ValueError, TypeError, KeyError) as exc:
        raise FormatError(where, f"not a certificate revocation list ({exc})") from None


def subject_text(cert: x509.Certificate) -> str:
    """The subject as ``C=DE, O=..., CN=...``."""
    return name_text(cert.subject)


def name_text(name: x509.Name) -> str:
    """A distinguished name in RFC 4514-like order (country first)."""
    short = {"country_name": "C", "organization_name": "O", "organizational_unit_name": "OU",
             "common_name": "CN", "serial_number": "serialNumber", "locality_name": "L",
             "state_or_province_name": "ST"}
    parts = []
    for rdn in name.chosen:
        for attr in rdn:
            key = short.get(attr["type"].native, attr["type"].native)
            parts.append(f"{key}={attr['value'].native}")
    return ", ".join(parts)


def country_of(name: x509.Name) -> str | None:
    """The name's country (``C``), upper case, or ``None``."""
    value = name.native.get("country_name")
    return str(value).upper() if value else None


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER, hex."""
    return hashlib.sha256(cert.dump()).hexdigest()


def signed_by(cert: x509.Certificate | acrl.CertificateList,
              issuer: x509.Certificate) -> bool:
    """Whether ``issuer``'s key verifies ``cert``'s signature (certificate or CRL)."""
    try:
        key = load_spki(issuer["tbs_certificate"]["subject_public_key_info"])
        alg = SignatureAlgorithm.from_asn1(cert["signature_algorithm"])
    except FormatError:
        return False
    if isinstance(cert, acrl.CertificateList):  # a CRL names its fields differently
        tbs, signature = cert["tbs_cert_list"], cert["signature"]
    else:
        tbs, signature = cert["tbs_certificate"], cert["signature_value"]
    return key.verify(bytes(signature.native), tbs.dump(), alg)


def may_have_issued(issuer: x509.Certificate, cert: x509.Certificate | acrl.CertificateList
                    ) -> bool:
    """Names (and key identifiers, when both say) fit: ``issuer`` may have signed ``cert``."""
    if issuer.subject != cert.issuer:
        return False
    aki = cert.authority_key_identifier if isinstance(cert, x509.Certificate) else \
        _crl_aki(cert)
    ski = issuer.key_identifier
    return aki is None or ski is None or aki == ski


def _crl_aki(c: acrl.CertificateList) -> bytes | None:
    for ext in c["tbs_cert_list"]["crl_extensions"] or []:
        if ext["extn_id"].native == "authority_key_identifier":
            value = ext["extn_value"].parsed["key_identifier"].native
            return bytes(value) if value is not None else None
    return None


def valid_at(cert: x509.Certificate, when: dt.datetime) -> bool:
    """``when`` falls within the certificate's validity period."""
    return bool(cert.not_valid_before <= when <= cert.not_valid_after)


def is_ca(cert: x509.Certificate) -> bool:
    """A CA certificate (basic constraints cA, or self-signed by name)."""
    bc = cert.basic_constraints_value
    if bc is not None:
        return bool(bc["ca"].native)
    return cert.subject == cert.issuer


@dataclass(frozen=True)
class Revocation:
    """What the CRLs say about a certificate.

    ``status``: ``revoked``, ``good`` (a current CRL of its issuer does not list it),
    ``stale`` (only expired CRLs), or ``unknown`` (no CRL of its issuer).
    """

    status: str
    crl_issued: dt.datetime | None = None
    revoked_at: dt.datetime | None = None


def revocation(cert: x509.Certificate, issuer: x509.Certificate,
               crls: Sequence[acrl.CertificateList], when: dt.datetime) -> Revocation:
    """Check ``cert`` against every CRL signed by ``issuer`` (bad CRL signatures ignored)."""
    best: Revocation = Revocation("unknown")
    for c in crls:
        if not may_have_issued(issuer, c) or not signed_by(c, issuer):
            continue
        for entry in c["tbs_cert_list"]["revoked_certificates"] or []:
            if entry["user_certificate"].native == cert.serial_number:
                return Revocation("revoked", c["tbs_cert_list"]["this_update"].native,
                                  entry["revocation_date"].native)
        next_update = c["tbs_cert_list"]["next_update"].native
        status = "good" if next_update is None or next_update >= when else "stale"
        issued = c["tbs_cert_list"]["this_update"].native
        if best.status != "good" and (status == "good" or best.status == "unknown"):
            best = Revocation(status, issued)
    return best
