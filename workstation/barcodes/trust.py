"""Where seal verification finds certificates: the office's trust store (shared with the
chip's Passive Authentication, :class:`workstation.pki.store.TrustStore`), the seal
signer certificates it has been given, and the simulator's built-in Utopia CSCA.

Layout under ``$WORKSTATION_HOME/trust/``:

================  ==============================================================
folder            holds
================  ==============================================================
``csca/``         trust anchors: country signing CA certificates, ``*.der`` as
                  ``workstation chip import-csca`` and ``import-masterlist``
                  write them (a seal signer certificate an office trusts
                  directly may be put there too)
``crl/``          revocation lists of those CAs (``*.crl``, ``chip import-crl``)
``seal-signers/`` seal signer certificates (not trusted by themselves: each must
                  chain to an anchor of ``csca/``), DER or PEM, any file name
================  ==============================================================

The store skips a damaged ``csca/`` or ``crl/`` file with a logged warning; a file of
``seal-signers/`` that is not a certificate is skipped and named in
:attr:`TrustMaterial.problems`. Nothing unreadable is ever trusted.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import crl as acrl
from asn1crypto import pem, x509

from workstation.errors import FormatError
from workstation.pki.certs import load_certificate
from workstation.pki.store import Anchor, TrustStore

__all__ = [
    "SIGNER_DIR",
    "Anchor",
    "SignerCert",
    "TrustMaterial",
    "load_certificates",
    "load_trust",
]

#: Sub-folder of the trust folder holding seal signer certificates.
SIGNER_DIR = "seal-signers"
#: Files larger than this are not certificates (bytes).
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class SignerCert:
    """A candidate signer certificate and where it came from."""

    certificate: x509.Certificate
    source: str


@dataclass(frozen=True)
class TrustMaterial:
    """Anchors, candidate signer certificates and CRLs, with the files that were skipped.

    An anchor vouches only for signers of its own country (the ``C`` of both
    subjects), as a country signing CA does.
    """

    anchors: tuple[Anchor, ...] = ()
    signers: tuple[SignerCert, ...] = ()
    crls: tuple[acrl.CertificateList, ...] = ()
    problems: tuple[str, ...] = ()

    def with_signers(self, certs: Iterable[SignerCert]) -> TrustMaterial:
        """A copy with further candidate signer certificates."""
        return TrustMaterial(self.anchors, (*self.signers, *certs), self.crls, self.problems)

    def with_anchors(self, anchors: Iterable[Anchor]) -> TrustMaterial:
        """A copy with further anchors."""
        return TrustMaterial((*self.anchors, *anchors), self.signers, self.crls, self.problems)


def load_certificates(data: bytes, where: str = "certificate") -> list[x509.Certificate]:
    """Every certificate in ``data``: one DER certificate, or PEM with one or more.

    Raises:
        FormatError: no certificate in the data.
    """
    if pem.detect(data):
        try:
            blocks = [der for kind, _, der in pem.unarmor(data, multiple=True)
                      if kind == "CERTIFICATE"]
        except ValueError as exc:
            raise FormatError(where, f"not a certificate (PEM): {exc}") from None
        if not blocks:
            raise FormatError(where, "no CERTIFICATE block in the PEM data")
        return [load_certificate(der, where) for der in blocks]
    return [load_certificate(data, where)]


_CACHE: dict[str, tuple[tuple[tuple[str, int, int], ...],
                        tuple[list[SignerCert], list[str]]]] = {}
_LOCK = threading.Lock()


def _read_signers(folder: Path) -> tuple[list[SignerCert], list[str]]:
    """``(certificates, problems)`` of ``seal-signers/`` (read again only when a file in
    it changed: name, modification time and size)."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) \
        if folder.is_dir() else []
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    key = str(folder)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0] == stamp:
            return hit[1]
    certs: list[SignerCert] = []
    problems: list[str] = []
    for path in files:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise FormatError(path, f"larger than {MAX_FILE_BYTES} bytes")
            certs += [SignerCert(c, str(path))
                      for c in load_certificates(path.read_bytes(), str(path))]
        except FormatError as exc:
            problems.append(f"{path}: skipped, not a readable certificate ({exc.problem})")
        except OSError as exc:
            problems.append(f"{path}: skipped, cannot read ({exc.strerror or exc})")
    result = (certs, problems)
    with _LOCK:
        _CACHE[key] = (stamp, result)
    return result


def builtin_signers() -> tuple[SignerCert, ...]:
    """The simulator's Utopia seal signer certificate (a candidate like any other: it is
    trusted only through the Utopia CSCA)."""
    from workstation.specimens.issuer import utopia_seal_pki

    return (SignerCert(load_certificate(utopia_seal_pki().signer_der, "built-in"),
                       "built-in (simulator)"),)


def trust_store(root: Path | None = None, *, builtin: bool = True) -> TrustStore:
    """The shared trust store under ``root`` (default ``$WORKSTATION_HOME/trust``); with
    ``builtin``, plus the simulator's Utopia CSCA as the chip checks trust it (an
    anchor of the fictional country ``UT``, so of ``UT`` signers alone)."""
    if builtin:
        from workstation.chip.trust import chip_trust_store

        return chip_trust_store(root)
    return TrustStore(root)


def load_trust(root: Path | None = None, *, signer_certs: Sequence[SignerCert] = (),
               builtin: bool = True) -> TrustMaterial:
    """The trust material under ``root`` (default ``$WORKSTATION_HOME/trust``): the
    store's anchors and CRLs, the certificates of ``seal-signers/``, and ``signer_certs``
    (certificates given explicitly: candidates, not anchors). With ``builtin``, the
    simulator's Utopia CSCA (an anchor) and seal signer (a candidate) are added."""
    if root is None:
        from workstation.paths import data_dir

        root = data_dir(create=False) / "trust"  # reading creates nothing
    store = trust_store(root, builtin=builtin)
    signers, problems = _read_signers(store.root / SIGNER_DIR)
    if builtin:
        signers = [*signers, *builtin_signers()]
    return TrustMaterial(tuple(store.anchors()), (*signer_certs, *signers),
                         tuple(store.crls()), tuple(problems))
