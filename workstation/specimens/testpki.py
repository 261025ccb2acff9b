"""The simulator's public-key infrastructure: a country signing CA and a document signer
for the fictional specimen state Utopia (``UTO``, certificates ``C=UT``), and a
forger's look-alike pair with the same names and other keys. :func:`signer_pair` is
the one builder of a CSCA's signers: the chip's document signers here, the seal
signers of :mod:`workstation.specimens.issuer`.

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


def derived_key(label: str) -> ec.EllipticCurvePrivateKey:
    """The brainpoolP256r1 key derived from ``label`` (every simulator key: the CSCA's,
    the document signers', the seal signers')."""
    from workstation.pki.ec import curve

    n = curve("brainpoolP256r1").n
    return ec.derive_private_key(derived_scalar(f"workstation simulator: {label}", n), _CURVE)


def utopia_name(cn: str, ou: str | None = None) -> x509.Name:
    """``C=UT`` (+ ``O=Republic of Utopia, OU=ou`` when ``ou`` is given) ``, CN=cn``."""
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, COUNTRY)]
    if ou is not None:
        attrs += [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Republic of Utopia"),
                  x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ou)]
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


@dataclass(frozen=True)
class SignerPair:
    """A CSCA certificate and a signer it issued (a document signer, a seal signer),
    with the signer's key."""

    csca: x509.Certificate
    signer: x509.Certificate
    signer_key: ec.EllipticCurvePrivateKey

    @property
    def csca_der(self) -> bytes:
        """The CSCA certificate, DER."""
        return self.csca.public_bytes(serialization.Encoding.DER)

    @property
    def signer_der(self) -> bytes:
        """The signer certificate, DER."""
        return self.signer.public_bytes(serialization.Encoding.DER)


@functools.cache
def csca(label: str) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """The self-signed country signing CA of ``label`` (``Utopia``, ``forger``: the same
    names, other keys) and its key, valid 2019-2045."""
    key = derived_key(f"{label} CSCA")
    subject = utopia_name("Utopia CSCA (simulator, test only)", "Country Signing CA")
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(1)
            .not_valid_before(dt.datetime(2019, 1, 1, tzinfo=dt.UTC))
            .not_valid_after(dt.datetime(2045, 1, 1, tzinfo=dt.UTC))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA256(), ecdsa_deterministic=True))
    return cert, key


def signer_pair(label: str, signer: str, subject: x509.Name, *, serial: int,
                valid_from: dt.date, valid_to: dt.date) -> SignerPair:
    """A signer certificate (digital signature only) for the key derived from ``signer``,
    issued by ``label``'s CSCA (:func:`csca`), valid from midnight UTC of ``valid_from``
    to that of ``valid_to``."""
    ca, ca_key = csca(label)
    key = derived_key(signer)
    ski = ca.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(serial)
            .not_valid_before(dt.datetime.combine(valid_from, dt.time(), tzinfo=dt.UTC))
            .not_valid_after(dt.datetime.combine(valid_to, dt.time(), tzinfo=dt.UTC))
            .add_extension(x509.KeyUsage(True, False, False, False, False, False, False,
                                         False, False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                ski), critical=False)
            .sign(ca_key, hashes.SHA256(), ecdsa_deterministic=True))
    return SignerPair(ca, cert, key)


def _pair(label: str) -> SignerPair:
    return signer_pair(label, f"{label} DS",
                       utopia_name("Utopia Document Signer 1 (simulator)", "Document Signer"),
                       serial=2, valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2040, 1, 1))


@functools.cache
def utopia() -> SignerPair:
    """Utopia's CSCA and document signer (what genuine simulated chips are signed with)."""
    return _pair("Utopia")


@functools.cache
def forger() -> SignerPair:
    """A forger's CSCA and signer with Utopia's names and other keys (the
    ``chip_unknown_signer`` forgery)."""
    return _pair("forger")
