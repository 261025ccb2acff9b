"""The trust store: country signing CAs and revocation lists the office trusts.

Kept in ``$WORKSTATION_HOME/trust/``: ``csca/`` holds DER certificates (one file
per certificate, named by country and SHA-256), ``crl/`` DER CRLs (one per
issuer, the newest kept). The barcode seals' verification reads the same
folders. Files are written atomically; a damaged file is skipped with a
logged warning, never trusted.

``extra_anchors`` lets a caller add certificates it vouches for without writing
them (the simulated chip's test CSCA, which trusts only the fictional ``UTO``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import crl as acrl
from asn1crypto import x509

from workstation.errors import FormatError
from workstation.fsutil import atomic_write_bytes
from workstation.pki.certs import (
    country_of,
    fingerprint,
    is_ca,
    load_certificate,
    load_crl,
    may_have_issued,
    name_text,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Anchor:
    """A trusted certificate and where it came from (``file`` path or ``"built-in"``)."""

    certificate: x509.Certificate
    source: str


def default_root() -> Path:
    """``$WORKSTATION_HOME/trust``."""
    from workstation.paths import data_dir

    return data_dir() / "trust"


class TrustStore:
    """CSCA certificates and CRLs under ``root`` (default ``$WORKSTATION_HOME/trust``)."""

    def __init__(self, root: Path | None = None, *,
                 extra_anchors: Sequence[Anchor] = ()) -> None:
        self.root = Path(root) if root is not None else default_root()
        self._extra = tuple(extra_anchors)
        self._lock = threading.Lock()
        self._cache: tuple[tuple[tuple[str, float], ...], list[Anchor]] | None = None

    @property
    def csca_dir(self) -> Path:
        return self.root / "csca"

    @property
    def crl_dir(self) -> Path:
        return self.root / "crl"

    # -- reading --------------------------------------------------------------------------
    def anchors(self) -> list[Anchor]:
        """Every trusted certificate (files re-read only when the folder changed)."""
        files = sorted(self.csca_dir.glob("*.der")) if self.csca_dir.is_dir() else []
        stamp = tuple((f.name, f.stat().st_mtime) for f in files)
        with self._lock:
            if self._cache is not None and self._cache[0] == stamp:
                return [*self._cache[1], *self._extra]
        out: list[Anchor] = []
        for f in files:
            try:
                out.append(Anchor(load_certificate(f.read_bytes(), str(f)), str(f)))
            except (FormatError, OSError) as exc:
                log.warning("trust store: skipping %s (%s)", f, exc)
        with self._lock:
            self._cache = (stamp, out)
        return [*out, *self._extra]

    def issuers_of(self, cert: x509.Certificate | acrl.CertificateList) -> list[Anchor]:
        """Anchors whose name (and key identifier) fit ``cert``'s issuer."""
        return [a for a in self.anchors() if may_have_issued(a.certificate, cert)]

    def for_country(self, country: str) -> list[Anchor]:
        """Anchors of one country (two letters)."""
        return [a for a in self.anchors() if country_of(a.certificate.subject) == country]

    def crls(self) -> list[acrl.CertificateList]:
        """Every stored CRL."""
        out = []
        if self.crl_dir.is_dir():
            for f in sorted(self.crl_dir.glob("*.crl")):
                try:
                    out.append(load_crl(f.read_bytes(), str(f)))
                except (FormatError, OSError) as exc:
                    log.warning("trust store: skipping %s (%s)", f, exc)
        return out

    # -- writing --------------------------------------------------------------------------
    def add_certificates(self, certs: Iterable[x509.Certificate], *,
                         require_ca: bool = True) -> tuple[int, int]:
        """Store CSCA certificates; returns ``(added, already there)``. A master list
        vouches for its entries itself (``require_ca=False``: some national CSCAs lack
        the basic-constraints flag).

        Raises:
            FormatError: with ``require_ca``, a certificate is not a CA certificate.
        """
        certs = list(certs)
        for cert in certs:  # every one checked before any is written
            if require_ca and not is_ca(cert):
                raise FormatError(name_text(cert.subject), "not a CA certificate (a country "
                                  "signing CA is needed, not a document signer)")
        self.csca_dir.mkdir(parents=True, exist_ok=True)
        added = present = 0
        for cert in certs:
            name = f"{country_of(cert.subject) or 'XX'}-{fingerprint(cert)[:32]}.der"
            path = self.csca_dir / name
            if path.exists():
                present += 1
                continue
            atomic_write_bytes(path, cert.dump())
            added += 1
        return added, present

    def add_crl(self, revocation_list: acrl.CertificateList) -> bool:
        """Store a CRL; keeps the newest per issuer. Returns ``True`` when stored."""
        self.crl_dir.mkdir(parents=True, exist_ok=True)
        issued = revocation_list["tbs_cert_list"]["this_update"].native
        import hashlib

        key = hashlib.sha256(revocation_list.issuer.dump()).hexdigest()[:32]
        path = self.crl_dir / f"{country_of(revocation_list.issuer) or 'XX'}-{key}.crl"
        if path.exists():
            try:
                old = load_crl(path.read_bytes(), str(path))
                if old["tbs_cert_list"]["this_update"].native >= issued:
                    return False
            except FormatError:
                pass
        atomic_write_bytes(path, revocation_list.dump())
        return True
