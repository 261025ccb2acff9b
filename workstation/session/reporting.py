"""Store first, then sign: a signed report exists only once its examination is stored,
and it is recorded in the case database before any copy of it is written to a file.

The order, for the command line (``examine --report``) and the window alike:

1. the examination is stored and its audit events committed (``examination.run``);
2. the report is built and signed in memory (nothing on disk);
3. the signed bytes are recorded with the examination — the PDF, its report row
   and the ``report.signed`` audit event (with the PDF's SHA-256) commit in one
   transaction (``CaseRepository.store_report``);
4. only then is the file written, through a temporary file renamed into place.

A process killed at any point leaves either no signed report at all, or one that is
recorded with its examination and its audit event: never an orphaned signed PDF.
(The content-addressed blob folder may keep an unreferenced file after a kill in
step 3, as :mod:`workstation.cases.storage` documents; it is no report anyone sees.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workstation.cases.records import Report, User
from workstation.examination.results import Examination
from workstation.findings import Findings
from workstation.fsutil import atomic_write_bytes
from workstation.reports import sign_report
from workstation.reports.config import ReportConfig, load_config
from workstation.reports.fields import EXAMINER_FIELD
from workstation.types import Image, Specimen

if TYPE_CHECKING:  # the report's modules load reportlab and pyHanko: imported when used
    from workstation.cases.repository import CaseRepository
    from workstation.reports.ca import Identity


@dataclass(frozen=True)
class SignerInfo:
    """Who will sign, as a confirmation names it.

    Attributes:
        name: the certificate subject's common name.
        issuer: the issuing CA's common name (or subject).
        serial: the certificate's serial number, hexadecimal.
        fingerprint: SHA-256 of the certificate, hexadecimal, colon-separated bytes.
        valid_until: the certificate's expiry (UTC).
        source: where the key comes from (``"PKCS#12 file /path/anna.p12"`` or
            ``"this workstation's certificate authority"``).
    """

    name: str
    issuer: str
    serial: str
    fingerprint: str
    valid_until: dt.datetime
    source: str

    @classmethod
    def of(cls, identity: Identity, source: str) -> SignerInfo:
        """The facts of ``identity``'s certificate."""
        from workstation.reports.ca import subject_name

        cert = identity.certificate
        digest = hashlib.sha256(identity.cert_der).hexdigest().upper()
        cns = cert.issuer.rfc4514_string()
        try:
            from cryptography.x509.oid import NameOID

            values = cert.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
            if values:
                value = values[0].value
                cns = value if isinstance(value, str) else value.decode("utf-8", "replace")
        except (ValueError, IndexError):
            pass
        return cls(name=subject_name(cert), issuer=cns, serial=f"{cert.serial_number:X}",
                   fingerprint=":".join(digest[i:i + 2] for i in range(0, len(digest), 2)),
                   valid_until=cert.not_valid_after_utc, source=source)

    def describe(self) -> str:
        """One paragraph for the confirmation: who, which certificate, which key."""
        return (f"{self.name} — certificate issued by {self.issuer}, serial {self.serial}, "
                f"SHA-256 {self.fingerprint}, valid until {self.valid_until:%Y-%m-%d}; "
                f"key: {self.source}")


@dataclass(frozen=True)
class SigningPreview:
    """A report ready to sign: the exact bytes that will be signed, their pages as the
    examiner or supervisor sees them first, and who will sign.

    Attributes:
        purpose: ``"submit"`` (conclude and submit for review), ``"report"`` (a signed
            report written to a file) or ``"approve"`` (the supervisor's countersignature).
        pdf: the report as it will be signed (unsigned for ``submit``/``report``; the
            examiner-signed report for ``approve``).
        pages: every page as PNG bytes (empty when poppler's pdftoppm is missing, see
            ``problem``).
        signer: the identity's certificate facts.
        field: the signature field it goes into.
        problem: why the pages could not be shown (empty when they are).
        checkpoint: the audit chain's head the report carries (``{"chain", "seq",
            "hash"}``, :mod:`workstation.reports.anchor`), recorded with the signed
            report so verification checks it; ``None`` for a report without one.
    """

    purpose: str
    pdf: bytes
    pages: tuple[bytes, ...]
    signer: SignerInfo
    identity: Identity
    field: str
    problem: str = ""
    checkpoint: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class SignedReport:
    """A signed report and where it went: the database record (``None`` without a case
    database) and the file (``None`` when none was asked for)."""

    pdf: bytes
    sha256: str
    signer: str
    record: Report | None = None
    path: Path | None = None


def identity_source(config: ReportConfig, pkcs12: str | Path | None, *,
                    account: str | None = None) -> str:
    """Where a signing key comes from, for the confirmation."""
    p12 = pkcs12 or config.pkcs12
    if p12:
        return f"PKCS#12 file {p12}"
    if account:
        return (f"the account {account} of this workstation (its key unsealed by its "
                "sign-in, certified by the workstation's CA)")
    return "this workstation's certificate authority (data folder, reports/ca)"


def build_unsigned(examination: Examination, *, case_ref: str = "",
                   findings: Findings | None = None, specimen: Specimen | None = None,
                   views: Mapping[str, Image] | None = None, examiner: str = "",
                   config: ReportConfig | None = None,
                   audit_checkpoint: Mapping[str, Any] | None = None) -> bytes:
    """The finished, unsigned report (PDF/A-3b, ``examination.json`` attached; with the
    case database's ``audit_checkpoint`` when given: :mod:`workstation.reports.anchor`)."""
    from workstation.reports.data import ReportContext, prepare_report
    from workstation.reports.layout import render_pdf
    from workstation.reports.pdfa import finish_pdf

    config = config or load_config()
    if examiner:
        config = replace(config, examiner=examiner)
    data = prepare_report(examination, ReportContext(
        case_ref=case_ref, examiner=examiner, findings=findings, specimen=specimen,
        views=dict(views or {}), config=config, audit_checkpoint=audit_checkpoint))
    return finish_pdf(*render_pdf(data), data)


def preview(purpose: str, pdf: bytes, identity: Identity, source: str, *,
            field: str | None = None, dpi: int = 60,
            checkpoint: Mapping[str, Any] | None = None) -> SigningPreview:
    """Render ``pdf``'s pages (pdftoppm) for the confirmation before signing; ``field``
    defaults to the examiner's signature field."""
    import tempfile

    from workstation.errors import ReportError
    from workstation.reports.review import render_pages

    problem = ""
    pages: list[bytes] = []
    with tempfile.TemporaryDirectory(prefix="workstation-preview-") as tmp:
        path = Path(tmp) / "report.pdf"
        path.write_bytes(pdf)
        try:
            pages = render_pages(path, dpi=dpi)
        except ReportError as exc:
            problem = str(exc)
    return SigningPreview(purpose=purpose, pdf=pdf, pages=tuple(pages),
                          signer=SignerInfo.of(identity, source), identity=identity,
                          field=field or EXAMINER_FIELD, problem=problem,
                          checkpoint=checkpoint)


def sign_and_record(pdf: bytes, identity: Identity, *, repository: CaseRepository | None,
                    examination_id: int | None, user: User | str,
                    config: ReportConfig | None = None, out: str | Path | None = None,
                    field: str | None = None, role: str = "Examiner",
                    reason: str | None = None,
                    checkpoint: Mapping[str, Any] | None = None) -> SignedReport:
    """Sign ``pdf`` in memory, record it with its examination (one transaction with its
    ``report.signed`` event), then write it to ``out`` (temporary file, renamed).

    ``repository``/``examination_id`` may be ``None`` only for a report that is not
    stored (``examine --report --no-store``): then the file is the only copy.
    """
    config = config or load_config()
    signed = sign_report(pdf, identity=identity, config=config, role=role, field=field,
                         reason=reason)
    record = None
    if repository is not None and examination_id is not None:
        record = repository.store_report(examination_id, signed, user=user, signed=True,
                                         signer=identity.name, checkpoint=checkpoint)
    path = None
    if out is not None:
        path = Path(out)
        atomic_write_bytes(path, signed)
    return SignedReport(pdf=signed, sha256=hashlib.sha256(signed).hexdigest(),
                        signer=identity.name, record=record, path=path)


__all__ = ["SignedReport", "SignerInfo", "SigningPreview", "build_unsigned",
           "identity_source", "preview", "sign_and_record"]
