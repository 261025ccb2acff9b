"""Signing identities: the workstation's local certificate authority, PKCS#12 files.

The workstation has its own certificate authority in ``<data folder>/reports/ca``,
created when the first administrator is enrolled (:mod:`workstation.identity`).
Its certificate (:meth:`LocalCA.export_ca_cert`) is what supervisors and other
offices import as a trust anchor. Each account's certificate names the person
(common name), the account (``UID``) and the working role (``title``:
``examiner``, ``forensic_examiner`` or ``supervisor``), so a report's verifier
can tell who signed in which role (:func:`subject_user`, :func:`subject_role`).

**Keys at rest.** The CA's private key is sealed (AES-256-GCM) with a random data
key, and that data key is wrapped (X25519 box) for each administrator: only an
administrator who signed in can issue, re-issue or revoke certificates
(:meth:`LocalCA.unlock`). Users' signing keys never touch this folder: they are
sealed with each user's own secret (:mod:`workstation.identity`). So a copy of
the data folder signs nothing and issues nothing. The revocation list is signed
when a certificate is revoked and kept as ``crl.der``; verification reads it
without any key. The password of a PKCS#12 file is only ever passed in, never
stored.

A CA folder from before keys were sealed (a plain ``ca-key.der`` and per-user
key files) is sealed for the first administrator enrolled (:meth:`LocalCA.seal_legacy`):
the plain key files are erased and the user certificates whose keys lay in them
are revoked.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from workstation.errors import InputError, ReportError
from workstation.fsutil import atomic_dir, atomic_write_bytes, atomic_write_text
from workstation.sealing import SealError, box_open, box_seal, seal, unseal

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

CA_VALIDITY_DAYS = 20 * 365
USER_VALIDITY_DAYS = 3 * 365
#: A revocation list is re-signed whenever an administrator signs in; it stays valid
#: this long (days) in between.
CRL_VALIDITY_DAYS = 366
SEALED_KEY_FILE = "ca-key.sealed.json"
SEALED_FORMAT = "workstation.sealed-ca-key/1"
LEGACY_KEY_FILE = "ca-key.der"
#: Working roles a certificate may state (``title``); "administrator" is not a signing role.
SIGNING_ROLES = ("examiner", "forensic_examiner", "supervisor")


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


def _attribute(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str | None:
    values = cert.subject.get_attributes_for_oid(oid)
    if not values:
        return None
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def subject_name(cert: x509.Certificate) -> str:
    """Common name of a certificate's subject, or its RFC 4514 string."""
    return _attribute(cert, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()


def subject_user(cert: x509.Certificate) -> str | None:
    """The account (``UID``) a certificate of this workstation's CA was issued to."""
    return _attribute(cert, NameOID.USER_ID)


def subject_role(cert: x509.Certificate) -> str | None:
    """The working role (``title``) a certificate states, or ``None`` when it states none
    (certificates of other authorities, e.g. an agency's PKCS#12)."""
    role = _attribute(cert, NameOID.TITLE)
    return role if role in SIGNING_ROLES else None


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


def new_signing_key() -> bytes:
    """A new RSA 2048 signing key (PKCS#8 DER): what each account signs with."""
    return _key_der(_new_key(2048))


def _public_of(key_der: bytes) -> rsa.RSAPublicKey:
    key = serialization.load_der_private_key(key_der, None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ReportError("only RSA signing keys are supported")
    return key.public_key()


class CertificateAuthority:
    """A certificate authority whose private key is in memory: the local CA after an
    administrator unlocked it (:meth:`LocalCA.unlock`), or one made for a test or a
    benchmark (:meth:`generate`). Issues certificates and revocation lists."""

    def __init__(self, cert_der: bytes, key: rsa.RSAPrivateKey) -> None:
        self.cert_der = cert_der
        self._key = key

    @classmethod
    def generate(cls, name: str) -> CertificateAuthority:
        """A new self-signed CA (RSA 3072, 20 years) called ``name``."""
        key = _new_key(3072)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                             x509.NameAttribute(NameOID.ORGANIZATION_NAME, "workstation")])
        now = _now()
        ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject).issuer_name(subject)
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
        return cls(cert.public_bytes(serialization.Encoding.DER), key)

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.cert_der)

    @property
    def key_der(self) -> bytes:
        """The CA's private key (PKCS#8 DER) — only to seal it."""
        return _key_der(self._key)

    def certify(self, public_key: rsa.RSAPublicKey, common_name: str, *,
                user: str | None = None, role: str | None = None,
                organization: str | None = None, time_stamping: bool = False,
                validity_days: int = USER_VALIDITY_DAYS) -> bytes:
        """A certificate (DER) for ``public_key``: signing (or time stamping for a TSA),
        naming the person, the account (``UID``) and the working role (``title``)."""
        if not common_name.strip():
            raise InputError("a certificate needs a name")
        if role is not None and role not in SIGNING_ROLES:
            raise InputError(f"not a signing role: {role!r}")
        attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name.strip()[:64])]
        if user:
            attrs.append(x509.NameAttribute(NameOID.USER_ID, user[:64]))
        if role:
            attrs.append(x509.NameAttribute(NameOID.TITLE, role))
        if organization:
            attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization[:64]))
        ca_cert = self.certificate
        now = _now()
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attrs)).issuer_name(ca_cert.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=validity_days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self._key.public_key()), critical=False)
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
        return builder.sign(self._key, hashes.SHA256()).public_bytes(
            serialization.Encoding.DER)

    def issue(self, common_name: str, *, user: str | None = None, role: str | None = None,
              organization: str | None = None, time_stamping: bool = False,
              validity_days: int = USER_VALIDITY_DAYS, key_der: bytes | None = None
              ) -> Identity:
        """A new identity: ``key_der`` (or a new key) with a certificate from this CA."""
        key_der = key_der or new_signing_key()
        cert = self.certify(_public_of(key_der), common_name, user=user, role=role,
                            organization=organization, time_stamping=time_stamping,
                            validity_days=validity_days)
        return Identity(cert, key_der, (self.cert_der,))

    def crl_der(self, revoked: dict[str, dict[str, str]]) -> bytes:
        """A revocation list (DER) of the serials in ``revoked``, valid
        :data:`CRL_VALIDITY_DAYS` days."""
        ca_cert = self.certificate
        now = _now()
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(ca_cert.subject)
            .last_update(now - dt.timedelta(minutes=5))
            .next_update(now + dt.timedelta(days=CRL_VALIDITY_DAYS))
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self._key.public_key()), critical=False)
            .add_extension(x509.CRLNumber(int(now.timestamp() * 1000)), critical=False)
        )
        for serial, info in revoked.items():
            at = dt.datetime.fromisoformat(info.get("at", now.isoformat()))
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(int(serial))
                .revocation_date(at).build())
        return builder.sign(self._key, hashes.SHA256()).public_bytes(
            serialization.Encoding.DER)


def _aad_key() -> str:
    return "workstation CA private key"


def _aad_wrap(admin: str) -> str:
    return f"workstation CA data key for {admin}"


class CAError(ReportError):
    """The local CA cannot do what was asked (missing, locked, already there)."""


class LocalCA:
    """The workstation's own certificate authority in a folder (see the module docstring).

    Layout: ``ca-cert.der``; ``ca-key.sealed.json`` (the CA key sealed with a data
    key, and the data key wrapped for each administrator); ``crl.der`` (signed
    revocation list) and ``revoked.json`` (its readable log).
    """

    def __init__(self, root: str | Path | None = None, *, name: str | None = None) -> None:
        if root is None:
            from workstation.reports.config import reports_dir

            root = reports_dir() / "ca"
        self.root = Path(root)
        self._name = name or f"{socket.gethostname()} workstation local CA"

    # ---- the authority itself -------------------------------------------------
    def exists(self) -> bool:
        """Whether the CA has been created (sealed, or from before keys were sealed)."""
        return (self.root / "ca-cert.der").is_file() and (
            (self.root / SEALED_KEY_FILE).is_file() or self.is_legacy())

    def is_legacy(self) -> bool:
        """Whether the CA key still lies unsealed in the folder (made by an older version)."""
        return (self.root / LEGACY_KEY_FILE).is_file() and \
            not (self.root / SEALED_KEY_FILE).is_file()

    @property
    def cert_der(self) -> bytes:
        """The CA certificate (DER); ``CAError`` when there is no CA yet."""
        try:
            return (self.root / "ca-cert.der").read_bytes()
        except OSError:
            raise CAError(f"{self.root}: no certificate authority yet (enrol the first "
                          "administrator: workstation users add NAME --administrator)") \
                from None

    @property
    def certificate(self) -> x509.Certificate:
        """The CA certificate."""
        return x509.load_der_x509_certificate(self.cert_der)

    def export_ca_cert(self, out: str | Path) -> Path:
        """Write the CA certificate as PEM (``.pem``/``.crt``) or DER (``.der``/``.cer``)."""
        out = Path(out)
        cert = self.certificate
        enc = (serialization.Encoding.DER if out.suffix.lower() in (".der", ".cer")
               else serialization.Encoding.PEM)
        atomic_write_bytes(out, cert.public_bytes(enc))
        return out

    def _sealed(self) -> dict[str, Any]:
        path = self.root / SEALED_KEY_FILE
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CAError(f"{self.root}: no sealed CA key") from None
        except (OSError, ValueError):
            raise CAError(f"{path}: damaged sealed CA key") from None
        if not isinstance(obj, dict) or obj.get("format") != SEALED_FORMAT \
                or not isinstance(obj.get("wraps"), dict):
            raise CAError(f"{path}: not a sealed CA key")
        return obj

    def administrators(self) -> list[str]:
        """The accounts the CA key is wrapped for."""
        if not (self.root / SEALED_KEY_FILE).is_file():
            return []
        return sorted(self._sealed()["wraps"])

    def create(self, admin: str, admin_box_public: bytes) -> CertificateAuthority:
        """Create the CA, its key sealed for the administrator ``admin``; returns it
        unlocked. Safe when several processes race: one creates it, the others get
        ``CAError`` ("exists already") and nothing is half-written."""
        authority = CertificateAuthority.generate(self._name)
        data_key = os.urandom(32)
        sealed = {"format": SEALED_FORMAT,
                  "key": seal(data_key, authority.key_der, _aad_key()),
                  "wraps": {admin: box_seal(admin_box_public, data_key, _aad_wrap(admin))}}
        try:
            with atomic_dir(self.root) as tmp:
                (tmp / "ca-cert.der").write_bytes(authority.cert_der)
                _write_private(tmp / SEALED_KEY_FILE,
                               (json.dumps(sealed, indent=1) + "\n").encode("utf-8"))
                (tmp / "revoked.json").write_text("{}\n", encoding="utf-8")
                _write_private(tmp / "crl.der", authority.crl_der({}))
        except FileExistsError:
            raise CAError(f"{self.root}: a certificate authority exists already") from None
        return authority

    def unlock(self, admin: str, admin_box_private: bytes) -> CertificateAuthority:
        """The CA with its private key, for the administrator ``admin`` (whose box key
        their sign-in unsealed). ``CAError`` for anyone the key is not wrapped for."""
        sealed = self._sealed()
        wrap = sealed["wraps"].get(admin)
        if wrap is None:
            raise CAError(f"{admin} is not an administrator of this workstation's CA")
        try:
            data_key = box_open(admin_box_private, wrap, _aad_wrap(admin))
            key_der = unseal(data_key, sealed["key"], _aad_key())
        except SealError:
            raise CAError(f"the CA key does not open for {admin} (altered?)") from None
        key = serialization.load_der_private_key(key_der, None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise CAError(f"{self.root}: the CA key is not an RSA key")
        authority = CertificateAuthority(self.cert_der, key)
        if authority.certificate.public_key() != key.public_key():
            raise CAError(f"{self.root}: the CA key does not belong to its certificate")
        return authority

    def _rewrite(self, authority: CertificateAuthority,
                 wraps_for: dict[str, bytes]) -> None:
        data_key = os.urandom(32)
        sealed = {"format": SEALED_FORMAT,
                  "key": seal(data_key, authority.key_der, _aad_key()),
                  "wraps": {name: box_seal(pub, data_key, _aad_wrap(name))
                            for name, pub in sorted(wraps_for.items())}}
        _write_private(self.root / SEALED_KEY_FILE,
                       (json.dumps(sealed, indent=1) + "\n").encode("utf-8"))

    def set_administrators(self, authority: CertificateAuthority,
                           admins: dict[str, bytes]) -> None:
        """Wrap the CA key for exactly ``admins`` (name -> box public key) under a fresh
        data key, so an administrator removed can no longer unwrap it."""
        if not admins:
            raise CAError("the CA needs at least one administrator")
        self._rewrite(authority, admins)

    def seal_legacy(self, admin: str, admin_box_public: bytes) -> CertificateAuthority:
        """Seal a CA made by an older version (plain ``ca-key.der``) for ``admin``: the
        plain key is erased, and certificates whose keys lay unsealed in ``users/`` are
        revoked and their key files erased. Returns the unlocked CA."""
        legacy = self.root / LEGACY_KEY_FILE
        key = serialization.load_der_private_key(legacy.read_bytes(), None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise CAError(f"{legacy}: the CA key is not an RSA key")
        authority = CertificateAuthority(self.cert_der, key)
        self._rewrite(authority, {admin: admin_box_public})
        revoked = self._revoked()
        for path in sorted((self.root / "users").glob("*.json")):
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                obj = json.loads(path.read_text(encoding="utf-8"))
                cert = x509.load_der_x509_certificate(bytes.fromhex(obj["cert"]))
                revoked[str(cert.serial_number)] = {
                    "subject": subject_name(cert), "at": _now().isoformat(),
                    "reason": "key stored unsealed by an older version"}
            _erase(path)
        self._write_revocations(authority, revoked)
        _erase(legacy)
        return authority

    # ---- revocation -----------------------------------------------------------------
    def _revoked(self) -> dict[str, dict[str, str]]:
        path = self.root / "revoked.json"
        if not path.is_file():
            return {}
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise CAError(f"{path}: damaged revocation log") from None
        return obj if isinstance(obj, dict) else {}

    def _write_revocations(self, authority: CertificateAuthority,
                           revoked: dict[str, dict[str, str]]) -> None:
        atomic_write_text(self.root / "revoked.json", json.dumps(revoked, indent=2) + "\n")
        _write_private(self.root / "crl.der", authority.crl_der(revoked))

    def revoke(self, authority: CertificateAuthority, cert: x509.Certificate | Identity | bytes,
               *, reason: str = "") -> None:
        """Put a certificate this CA issued on its revocation list (signed at once)."""
        if isinstance(cert, Identity):
            cert = cert.certificate
        elif isinstance(cert, bytes):
            cert = x509.load_der_x509_certificate(cert)
        if cert.issuer != self.certificate.subject:
            raise InputError("this certificate was not issued by the local CA")
        revoked = self._revoked()
        revoked[str(cert.serial_number)] = {"subject": subject_name(cert),
                                            "at": _now().isoformat(), "reason": reason}
        self._write_revocations(authority, revoked)

    def refresh_crl(self, authority: CertificateAuthority) -> None:
        """Re-sign the revocation list (whenever an administrator has the CA unlocked)."""
        self._write_revocations(authority, self._revoked())

    def crl_der(self) -> bytes | None:
        """The signed revocation list, or ``None`` when there is none."""
        try:
            return (self.root / "crl.der").read_bytes()
        except OSError:
            return None

    def is_revoked(self, cert: x509.Certificate) -> bool:
        """Whether the CA's signed revocation list names ``cert``."""
        raw = self.crl_der()
        if raw is None:
            return False
        try:
            crl = x509.load_der_x509_crl(raw)
        except ValueError:
            return False
        ca = self.certificate
        if not crl.is_signature_valid(ca.public_key()):  # type: ignore[arg-type]
            return False
        return crl.get_revoked_certificate_by_serial_number(cert.serial_number) is not None


def _erase(path: Path) -> None:
    """Overwrite a file holding a secret with zeros, then remove it."""
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
    with contextlib.suppress(OSError):
        path.unlink()


def _write_private(path: Path, data: bytes) -> None:
    """Write a file atomically with mode 0600 from the start."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
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
