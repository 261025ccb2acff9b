"""Signing identities: the workstation's local certificate authority, PKCS#12 files.

On first use the workstation creates its own certificate authority in
``<data folder>/reports/ca`` and issues one signing certificate per user from it.
Its CA certificate (:meth:`LocalCA.export_ca_cert`) is what supervisors and
other offices import as a trust anchor. Revoking a user's certificate puts it on
the CA's revocation list, which :mod:`workstation.reports.verify` consults.

Private keys of the local CA and its users stay in the data folder (mode 0600);
the password of a PKCS#12 file is only ever passed in, never stored.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from workstation.errors import InputError, ReportError
from workstation.fsutil import atomic_dir, atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

CA_VALIDITY_DAYS = 20 * 365
USER_VALIDITY_DAYS = 3 * 365
CRL_VALIDITY_DAYS = 7


@dataclass(frozen=True)
class Identity:
    """A signing identity: certificate, private key and the chain above it (DER)."""

    cert_der: bytes
    key_der: bytes
    chain_der: tuple[bytes, ...] = field(default=())

    @property
    def certificate(self) -> x509.Certificate:
        """The signer's certificate (``cryptography`` object)."""
        return x509.load_der_x509_certificate(self.cert_der)

    @property
    def name(self) -> str:
        """The certificate subject's common name (or the whole subject)."""
        return subject_name(self.certificate)

    def signer(self) -> SimpleSigner:
        """A pyHanko signer for this identity."""
        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko.sign.signers import SimpleSigner
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        cert = asn1_x509.Certificate.load(self.cert_der)
        key = asn1_keys.PrivateKeyInfo.load(self.key_der)
        chain = [asn1_x509.Certificate.load(c) for c in self.chain_der]
        return SimpleSigner(signing_cert=cert, signing_key=key,
                            cert_registry=SimpleCertificateStore.from_certs(chain))


def subject_name(cert: x509.Certificate) -> str:
    """Common name of a certificate's subject, or its RFC 4514 string."""
    cns = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if cns:
        value = cns[0].value
        return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return cert.subject.rfc4514_string()


def load_pkcs12(path: str | Path, password: str | bytes | None) -> Identity:
    """The identity in a PKCS#12 file; ``InputError`` when unreadable or the password is wrong."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the PKCS#12 file ({exc.strerror})") from None
    pw = password.encode("utf-8") if isinstance(password, str) else password
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, pw or None)
    except ValueError:
        raise InputError(f"{path}: wrong password or not a PKCS#12 file") from None
    if key is None or cert is None:
        raise InputError(f"{path}: the PKCS#12 file holds no private key and certificate")
    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    chain = tuple(c.public_bytes(serialization.Encoding.DER) for c in extra or ())
    return Identity(cert.public_bytes(serialization.Encoding.DER), key_der, chain)


def write_pkcs12(identity: Identity, path: str | Path, password: str) -> Path:
    """Write ``identity`` as a password-protected PKCS#12 file (for export and tests)."""
    key = serialization.load_der_private_key(identity.key_der, None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ReportError("only RSA identities can be exported")
    data = pkcs12.serialize_key_and_certificates(
        identity.name.encode("utf-8"), key, identity.certificate,
        [x509.load_der_x509_certificate(c) for c in identity.chain_der] or None,
        serialization.BestAvailableEncryption(password.encode("utf-8")))
    atomic_write_bytes(path, data)
    return Path(path)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _new_key(bits: int) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def _key_der(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _safe_id(user: str) -> str:
    ident = re.sub(r"[^A-Za-z0-9._-]+", "_", user.strip()).strip("._")
    if not ident:
        raise InputError(f"not a usable user name: {user!r}")
    return ident[:64]


class LocalCA:
    """The workstation's own certificate authority in a folder.

    Layout: ``ca-cert.der``, ``ca-key.der`` (mode 0600), ``users/<user>.json``
    (certificate and key of each user, mode 0600), ``revoked.json``.
    """

    def __init__(self, root: str | Path | None = None, *, name: str | None = None) -> None:
        if root is None:
            from workstation.reports.config import reports_dir

            root = reports_dir() / "ca"
        self.root = Path(root)
        self._name = name or f"{socket.gethostname()} workstation local CA"

    # ---- the authority itself -------------------------------------------------
    def exists(self) -> bool:
        """Whether the CA has been created."""
        return (self.root / "ca-cert.der").is_file() and (self.root / "ca-key.der").is_file()

    def ensure(self) -> LocalCA:
        """Create the CA on first use (safe when two processes race); returns ``self``."""
        if self.exists():
            return self
        key = _new_key(3072)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, self._name),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "workstation")])
        now = _now()
        ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
        cert = (
            x509.CertificateBuilder()
            .subject_name(name).issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=CA_VALIDITY_DAYS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(ski, critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski),
                           critical=False)
            .sign(key, hashes.SHA256())
        )
        try:
            with atomic_dir(self.root) as tmp:
                _write_private(tmp / "ca-key.der", _key_der(key))
                (tmp / "ca-cert.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
                (tmp / "users").mkdir()
                (tmp / "revoked.json").write_text("{}\n", encoding="utf-8")
        except FileExistsError:
            if not self.exists():
                raise ReportError(f"{self.root}: exists but holds no certificate authority") \
                    from None
        return self

    @property
    def cert_der(self) -> bytes:
        """The CA certificate (DER); creates the CA on first use."""
        self.ensure()
        return (self.root / "ca-cert.der").read_bytes()

    @property
    def certificate(self) -> x509.Certificate:
        """The CA certificate."""
        return x509.load_der_x509_certificate(self.cert_der)

    def _key(self) -> rsa.RSAPrivateKey:
        self.ensure()
        key = serialization.load_der_private_key((self.root / "ca-key.der").read_bytes(), None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ReportError(f"{self.root}: the CA key is not an RSA key")
        return key

    def export_ca_cert(self, out: str | Path) -> Path:
        """Write the CA certificate as PEM (``.pem``/``.crt``) or DER (``.der``/``.cer``)."""
        out = Path(out)
        cert = self.certificate
        enc = (serialization.Encoding.DER if out.suffix.lower() in (".der", ".cer")
               else serialization.Encoding.PEM)
        atomic_write_bytes(out, cert.public_bytes(enc))
        return out

    # ---- issuing ------------------------------------------------------------------
    def issue(self, common_name: str, *, time_stamping: bool = False,
              validity_days: int = USER_VALIDITY_DAYS,
              organization: str | None = None) -> Identity:
        """Issue a new certificate and key (signing, or time stamping for a TSA)."""
        if not common_name.strip():
            raise InputError("a certificate needs a name")
        ca_key = self._key()
        ca_cert = self.certificate
        key = _new_key(2048)
        attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name.strip())]
        if organization:
            attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
        now = _now()
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attrs)).issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=validity_days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
        )
        if time_stamping:
            builder = builder.add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        else:
            builder = builder.add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        cert = builder.sign(ca_key, hashes.SHA256())
        return Identity(cert.public_bytes(serialization.Encoding.DER), _key_der(key),
                        (self.cert_der,))

    def identity(self, user: str, *, display_name: str | None = None,
                 organization: str | None = None) -> Identity:
        """The signing identity of ``user``, issued on first use (one certificate per user).

        A revoked or expiring certificate, or one whose name is no longer
        ``display_name``, is replaced by a new one.
        """
        self.ensure()
        path = self.root / "users" / f"{_safe_id(user)}.json"
        if path.is_file():
            try:
                obj = json.loads(path.read_text(encoding="utf-8"))
                ident = Identity(bytes.fromhex(obj["cert"]), bytes.fromhex(obj["key"]),
                                 (self.cert_der,))
                cert = ident.certificate
            except (OSError, ValueError, KeyError, TypeError):
                raise ReportError(f"{path}: damaged user certificate file") from None
            usable = (cert.not_valid_after_utc > _now() + dt.timedelta(days=1)
                      and str(cert.serial_number) not in self._revoked()
                      and (display_name is None or subject_name(cert) == display_name))
            if usable:
                return ident
        ident = self.issue(display_name or user, organization=organization)
        _write_private(path, json.dumps({"user": user, "cert": ident.cert_der.hex(),
                                         "key": ident.key_der.hex()}).encode("utf-8"))
        return ident

    # ---- revocation -----------------------------------------------------------------
    def _revoked(self) -> dict[str, dict[str, str]]:
        path = self.root / "revoked.json"
        if not path.is_file():
            return {}
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise ReportError(f"{path}: damaged revocation list") from None
        return obj if isinstance(obj, dict) else {}

    def revoke(self, cert: x509.Certificate | Identity, *, reason: str = "") -> None:
        """Put a certificate this CA issued on its revocation list."""
        if isinstance(cert, Identity):
            cert = cert.certificate
        if cert.issuer != self.certificate.subject:
            raise InputError("this certificate was not issued by the local CA")
        revoked = self._revoked()
        revoked[str(cert.serial_number)] = {"subject": subject_name(cert),
                                            "at": _now().isoformat(), "reason": reason}
        atomic_write_text(self.root / "revoked.json", json.dumps(revoked, indent=2) + "\n")

    def is_revoked(self, cert: x509.Certificate) -> bool:
        """Whether the CA revoked ``cert``."""
        return str(cert.serial_number) in self._revoked()

    def crl_der(self) -> bytes:
        """A fresh certificate revocation list signed by the CA (DER)."""
        ca_key = self._key()
        ca_cert = self.certificate
        now = _now()
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(ca_cert.subject)
            .last_update(now - dt.timedelta(minutes=5))
            .next_update(now + dt.timedelta(days=CRL_VALIDITY_DAYS))
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .add_extension(x509.CRLNumber(int(now.timestamp())), critical=False)
        )
        for serial, info in self._revoked().items():
            at = dt.datetime.fromisoformat(info.get("at", now.isoformat()))
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(int(serial))
                .revocation_date(at).build())
        return builder.sign(ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _write_private(path: Path, data: bytes) -> None:
    """Write a secret: mode 0600 from the start."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
