"""The simulator's public-key infrastructure: a country signing CA and a document signer
for the fictional specimen state Utopia (``UTO``, certificates ``C=UT``), and a
forger's look-alike pair with the same names and other keys.

Test material only. Keys are derived from fixed labels (so every run and every
workstation makes the same certificates, and a CSCA exported once stays valid),
which means their private keys are public: the built-in anchor is trusted for
``UT`` alone, a state that does not exist.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

COUNTRY = "UT"
_CURVE = ec.BrainpoolP256R1()


def derived_scalar(label: str, order: int) -> int:
    """A private scalar in ``[1, order)`` from ``label`` (SHA-512, reduced)."""
    return int.from_bytes(hashlib.sha512(label.encode()).digest(), "big") % (order - 1) + 1


def _key(label: str) -> ec.EllipticCurvePrivateKey:
    from workstation.pki.ec import curve

    n = curve("brainpoolP256r1").n
    return ec.derive_private_key(derived_scalar(f"workstation simulator: {label}", n), _CURVE)


def _name(cn: str, ou: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, COUNTRY),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Republic of Utopia"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ou),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


@dataclass(frozen=True)
class SignerPair:
    """A CSCA certificate and the document signer it issued, with the signer's key."""

    csca: x509.Certificate
    signer: x509.Certificate
    signer_key: ec.EllipticCurvePrivateKey

    @property
    def csca_der(self) -> bytes:
        return self.csca.public_bytes(serialization.Encoding.DER)

    @property
    def signer_der(self) -> bytes:
        return self.signer.public_bytes(serialization.Encoding.DER)


def _pair(label: str) -> SignerPair:
    csca_key, ds_key = _key(f"{label} CSCA"), _key(f"{label} DS")
    csca_name = _name("Utopia CSCA (simulator, test only)", "Country Signing CA")
    start, end = dt.datetime(2019, 1, 1, tzinfo=dt.UTC), dt.datetime(2045, 1, 1, tzinfo=dt.UTC)
    csca_ski = x509.SubjectKeyIdentifier.from_public_key(csca_key.public_key())
    csca = (x509.CertificateBuilder().subject_name(csca_name).issuer_name(csca_name)
            .public_key(csca_key.public_key()).serial_number(1)
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .add_extension(csca_ski, critical=False)
            .sign(csca_key, hashes.SHA256(), ecdsa_deterministic=True))
    signer = (x509.CertificateBuilder()
              .subject_name(_name("Utopia Document Signer 1 (simulator)", "Document Signer"))
              .issuer_name(csca_name).public_key(ds_key.public_key()).serial_number(2)
              .not_valid_before(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
              .not_valid_after(dt.datetime(2040, 1, 1, tzinfo=dt.UTC))
              .add_extension(x509.KeyUsage(True, False, False, False, False, False, False,
                                           False, False), critical=True)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                  csca_ski), critical=False)
              .sign(csca_key, hashes.SHA256(), ecdsa_deterministic=True))
    return SignerPair(csca, signer, ds_key)


@functools.cache
def utopia() -> SignerPair:
    """Utopia's CSCA and document signer (what genuine simulated chips are signed with)."""
    return _pair("Utopia")


@functools.cache
def forger() -> SignerPair:
    """A forger's CSCA and signer with Utopia's names and other keys (the
    ``chip_unknown_signer`` forgery)."""
    return _pair("forger")
