"""Where seal verification finds certificates: the trust folders of the data folder, the
certificates a caller names, and the built-in anchor of the simulated Utopia.

Layout under ``$WORKSTATION_HOME/trust/`` (shared with the chip's passive
authentication):

================  ==============================================================
folder            holds
================  ==============================================================
``csca/``         trust anchors: country signing CA certificates (and any seal
                  signer certificate an office trusts directly), DER or PEM
``crl/``          certificate revocation lists of those CAs, DER or PEM
``seal-signers/`` seal signer certificates (not trusted by themselves: each must
                  chain to an anchor of ``csca/``), DER or PEM
================  ==============================================================

A file that is not a certificate (or CRL) is skipped and named in
:attr:`TrustMaterial.problems`, never trusted. Folders are read again only when a
file in them changed (modification time and size).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

#: Sub-folders of the trust folder.
CSCA_DIR = "csca"
CRL_DIR = "crl"
SIGNER_DIR = "seal-signers"
#: Files larger than this are not certificates (bytes).
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Anchor:
    """A trusted certificate; ``countries`` limits it to those ISO alpha-2 signer
    countries (``None``: any)."""

    certificate: x509.Certificate
    source: str
    countries: frozenset[str] | None = None

    def covers(self, country: str) -> bool:
        """Whether this anchor may vouch for a signer of ``country``."""
        return self.countries is None or country.upper() in self.countries


@dataclass(frozen=True)
class SignerCert:
    """A candidate signer certificate and where it came from."""

    certificate: x509.Certificate
    source: str


@dataclass(frozen=True)
class TrustMaterial:
    """Anchors, candidate signer certificates and CRLs, with the files that were skipped."""

    anchors: tuple[Anchor, ...] = ()
    signers: tuple[SignerCert, ...] = ()
    crls: tuple[x509.CertificateRevocationList, ...] = ()
    problems: tuple[str, ...] = ()

    def with_signers(self, certs: Iterable[SignerCert]) -> TrustMaterial:
        """A copy with further candidate signer certificates."""
        return TrustMaterial(self.anchors, (*self.signers, *certs), self.crls, self.problems)

    def with_anchors(self, anchors: Iterable[Anchor]) -> TrustMaterial:
        """A copy with further anchors."""
        return TrustMaterial((*self.anchors, *anchors), self.signers, self.crls, self.problems)


def load_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in ``data`` (one DER certificate, or PEM with one or more).

    Raises:
        ValueError: no certificate in the data.
    """
    if b"-----BEGIN CERTIFICATE-----" in data:
        return list(x509.load_pem_x509_certificates(data))
    return [x509.load_der_x509_certificate(data)]


def _load_crl(data: bytes) -> x509.CertificateRevocationList:
    if b"-----BEGIN X509 CRL-----" in data:
        return x509.load_pem_x509_crl(data)
    return x509.load_der_x509_crl(data)


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


_CACHE: dict[tuple[str, str], tuple[tuple[tuple[str, int, int], ...], object]] = {}
_LOCK = threading.Lock()


def _read_folder(folder: Path, kind: str) -> tuple[list[tuple[object, str]], list[str]]:
    """``(items, problems)`` of one folder; ``kind`` is ``cert`` or ``crl``."""
    files = _files(folder)
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    key = (str(folder), kind)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]  # type: ignore[return-value]
    items: list[tuple[object, str]] = []
    problems: list[str] = []
    for path in files:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError(f"larger than {MAX_FILE_BYTES} bytes")
            data = path.read_bytes()
            if kind == "crl":
                items.append((_load_crl(data), str(path)))
            else:
                items.extend((cert, str(path)) for cert in load_certificates(data))
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: skipped, not a readable {kind} ({exc})")
    result = (items, problems)
    with _LOCK:
        _CACHE[key] = (stamp, result)
    return result


def builtin_anchors() -> tuple[Anchor, ...]:
    """The simulator's Utopia CSCA, trusted for the fictional country ``UT`` only."""
    from workstation.specimens.issuer import utopia_seal_pki

    return (Anchor(utopia_seal_pki().csca, "built-in (simulator, UT only)",
                   frozenset({"UT"})),)


def builtin_signers() -> tuple[SignerCert, ...]:
    """The simulator's Utopia seal signer certificate (a candidate like any other: it is
    trusted only through the Utopia CSCA)."""
    from workstation.specimens.issuer import utopia_seal_pki

    return (SignerCert(utopia_seal_pki().signer, "built-in (simulator)"),)


def load_trust(root: Path | None = None, *, signer_certs: Sequence[SignerCert] = (),
               builtin: bool = True) -> TrustMaterial:
    """The trust material under ``root`` (default ``$WORKSTATION_HOME/trust``), plus
    ``signer_certs`` (certificates given explicitly: candidates, not anchors) and, with
    ``builtin``, the simulator's Utopia CSCA (an anchor for ``UT`` only) and seal
    signer."""
    if root is None:
        from workstation.paths import data_dir

        root = data_dir(create=False) / "trust"
    anchors: list[Anchor] = []
    signers: list[SignerCert] = list(signer_certs)
    crls: list[x509.CertificateRevocationList] = []
    problems: list[str] = []
    items, errs = _read_folder(root / CSCA_DIR, "cert")
    anchors += [Anchor(c, s) for c, s in items if isinstance(c, x509.Certificate)]
    problems += errs
    items, errs = _read_folder(root / SIGNER_DIR, "cert")
    signers += [SignerCert(c, s) for c, s in items if isinstance(c, x509.Certificate)]
    problems += errs
    items, errs = _read_folder(root / CRL_DIR, "crl")
    crls += [c for c, _ in items if isinstance(c, x509.CertificateRevocationList)]
    problems += errs
    if builtin:
        anchors += builtin_anchors()
        signers += builtin_signers()
    return TrustMaterial(tuple(anchors), tuple(signers), tuple(crls), tuple(problems))
